"""Comparison exports: long (one row per claim), wide (one row per event), JSON.

Cells are made safe for spreadsheet programs: a value that would start with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return gets a leading apostrophe so it is read
as text, never as a formula. Output is UTF-8 with RFC 4180 quoting.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator

from .errors import UsageError
from .queries import change_rows, claim_rows, event_rows, source_names, story_exists
from .store import Store

# The long format's columns, in this order: a contract other tools rely on.
LONG_COLUMNS = ("story", "event_id", "event", "event_kind", "claim_type", "counted", "source", "source_kind",
                "published", "value", "low", "high", "unit", "approx", "as_of", "date", "attributed_to",
                "sentence", "url")
CHANGE_COLUMNS = ("detected_at", "story", "source", "url", "kind", "change", "summary", "claim_type", "counted",
                  "old_value", "new_value", "old_text", "new_text", "as_of")
WIDE_TAIL = ("low", "best", "high", "spread", "n_sources")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """Neutralise text a spreadsheet would run as a formula; numbers pass unchanged."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def long_rows(store: Store, story_id: str | None = None, event_id: str | None = None) -> Iterator[dict]:
    for row in claim_rows(store, story_id, event_id):
        yield {column: row[column] for column in LONG_COLUMNS}


def _number(value: float) -> str:
    """78000000000 rather than 7.8e+10; decimals only where there are some."""
    return str(int(value)) if float(value).is_integer() else f"{value:.6g}"


def _figure_text(row: dict) -> str:
    if row["event_kind"] == "happening":
        return row["date"] or ""
    if row["low"] is not None and row["high"] is not None and row["low"] != row["high"]:
        text = f"{_number(row['low'])}-{_number(row['high'])}"
    elif row["value"] is not None:
        text = _number(row["value"])
    else:
        return ""
    if row["approx"]:
        text = f"{row['approx']} {text}"
    return f"{text} {row['unit']}" if row["unit"] else text


def wide_rows(store: Store, story_id: str | None = None, event_id: str | None = None) -> tuple[list[str], list[dict]]:
    """One row per event, one column per source holding its latest figure (or date)."""
    sources = source_names(store, story_id)
    latest: dict[str, dict[str, str]] = {}
    for row in claim_rows(store, story_id, event_id):
        if row["latest_for_source"]:
            cell = latest.setdefault(row["event_id"], {})
            text = _figure_text(row)
            cell[row["source"]] = f"{cell[row['source']]}; {text}" if row["source"] in cell else text
    columns = ["story", "event_id", "event", "event_kind", *sources, *WIDE_TAIL]
    rows = []
    for event in event_rows(store, story_id, event_id):
        row = {"story": event["story_id"], "event_id": event["id"], "event": event["label"],
               "event_kind": event["kind"]}
        row.update({name: latest.get(event["id"], {}).get(name, "") for name in sources})
        row.update({key: event[key] for key in WIDE_TAIL})
        rows.append(row)
    return columns, rows


def write_csv(columns: Iterable[str], rows: Iterable[dict], out: io.TextIOBase) -> int:
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow({key: safe_cell(value) for key, value in row.items()})
        n += 1
    return n


def export(store: Store, fmt: str, out: io.TextIOBase, story_id: str | None = None,
           event_id: str | None = None) -> int:
    """Write the comparison in ``fmt`` (long, wide or json); return the number of rows."""
    if story_id and not story_exists(store, story_id):
        raise UsageError(f"unknown story '{story_id}' in {store.path}")
    if fmt == "changes":
        rows = ({c: row[c] for c in CHANGE_COLUMNS} for row in change_rows(store, story_id))
        return write_csv(CHANGE_COLUMNS, rows, out)
    if fmt == "long":
        return write_csv(LONG_COLUMNS, long_rows(store, story_id, event_id), out)
    if fmt == "wide":
        columns, rows = wide_rows(store, story_id, event_id)
        return write_csv(columns, rows, out)
    if fmt == "json":
        rows = list(long_rows(store, story_id, event_id))
        json.dump(rows, out, ensure_ascii=False, indent=1)
        out.write("\n")
        return len(rows)
    raise UsageError(f"unknown export format {fmt!r}: expected long, wide or json")

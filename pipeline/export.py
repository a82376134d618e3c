"""Comparison exports: long (one row per claim), wide (one row per event), JSON.

Whole numbers print as integers (41, not 41.0), text has no trailing whitespace, and
the wide format keeps its source columns numeric: a qualifier ("about", "vague", a
range) goes to the companion ``<source>_approx`` column. Columns are only ever added,
after the existing ones. Cells are made safe for spreadsheet programs: a value that would start with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return gets a leading apostrophe so it is read
as text, never as a formula. Output is UTF-8 with RFC 4180 quoting.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from typing import TextIO

from .errors import UsageError
from .queries import Store, change_rows, claim_rows, event_rows, figure_statuses, source_names, story_exists
from .web.formatting import plain_number

# The long format's columns, in this order: a contract other tools rely on.
LONG_COLUMNS = ("story", "event_id", "event", "event_kind", "claim_type", "counted", "source", "source_kind",
                "published", "value", "low", "high", "unit", "approx", "as_of", "date", "attributed_to",
                "sentence", "url",
                # added for analysts: is this the source's current figure, its status, the
                # figure as written, and the path of our archived copy at the sentence
                "standing", "status", "text", "archive_url")
CHANGE_COLUMNS = ("detected_at", "story", "source", "url", "kind", "change", "summary", "claim_type", "counted",
                  "old_value", "new_value", "old_text", "new_text", "as_of")
WIDE_TAIL = ("low", "best", "high", "spread", "n_sources")
WIDE_UNIT = "unit"  # after WIDE_TAIL: the event's unit(s), then one <source>_approx column per source
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """Neutralise text a spreadsheet would run as a formula; numbers pass unchanged."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _clean(value: object) -> object:
    """41.0 → 41; text without the trailing newline a sentence may carry."""
    if isinstance(value, str):
        return value.strip()
    return plain_number(value) if isinstance(value, float) else value


def long_rows(store: Store, story_id: str | None = None, event_id: str | None = None) -> Iterator[dict]:
    statuses = figure_statuses(store, story_id)
    for row in claim_rows(store, story_id, event_id):
        row = {**row, "standing": 1 if row["latest_for_source"] else 0, "text": row["as_written"],
               "status": statuses.get(row["figure_id"], "reported")}
        yield {column: _clean(row[column]) for column in LONG_COLUMNS}


def _number(value: float) -> str:
    """78000000000 rather than 7.8e+10; decimals only where there are some."""
    return str(int(value)) if float(value).is_integer() else f"{value:.6g}"


def _wide_cell(row: dict) -> tuple[object, str]:
    """The source's cell (a number, or a date for a happening) and its qualifier."""
    if row["event_kind"] == "happening":
        return row["date"] or "", ""
    qualifiers = []
    if row["low"] is not None and row["high"] is not None and row["low"] != row["high"]:
        qualifiers.append(f"range {_number(row['low'])}-{_number(row['high'])}")
    if row["approx"]:
        qualifiers.insert(0, row["approx"])
    return (plain_number(row["value"]) if row["value"] is not None else ""), " ".join(qualifiers)


def wide_rows(store: Store, story_id: str | None = None, event_id: str | None = None) -> tuple[list[str], list[dict]]:
    """One row per event, one numeric column per source holding its latest figure (or date).

    A source with several standing figures for one event keeps the first in its column;
    the others are listed in its ``_approx`` column ("also 1300").
    """
    sources = source_names(store, story_id)
    cells: dict[str, dict[str, tuple[object, str]]] = {}
    units: dict[str, list[str]] = {}
    for row in claim_rows(store, story_id, event_id):
        if not row["latest_for_source"]:
            continue
        cell = cells.setdefault(row["event_id"], {})
        value, approx = _wide_cell(row)
        if row["source"] in cell:
            first, first_approx = cell[row["source"]]
            also = f"also {value}" + (f" ({approx})" if approx else "")
            cell[row["source"]] = (first, "; ".join(q for q in (first_approx, also) if q))
        else:
            cell[row["source"]] = (value, approx)
        if row["unit"] and row["unit"] not in units.setdefault(row["event_id"], []):
            units[row["event_id"]].append(row["unit"])
    approx_columns = [f"{name}_approx" for name in sources]
    columns = ["story", "event_id", "event", "event_kind", *sources, *WIDE_TAIL, WIDE_UNIT, *approx_columns]
    rows = []
    for event in event_rows(store, story_id, event_id):
        found = cells.get(event["id"], {})
        row = {"story": event["story_id"], "event_id": event["id"], "event": event["label"],
               "event_kind": event["kind"]}
        row.update({name: found.get(name, ("", ""))[0] for name in sources})
        row.update({key: _clean(event[key]) for key in WIDE_TAIL})
        row[WIDE_UNIT] = "; ".join(units.get(event["id"], []))
        row.update({f"{name}_approx": found.get(name, ("", ""))[1] for name in sources})
        rows.append(row)
    return columns, rows


def write_csv(columns: Iterable[str], rows: Iterable[dict], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow({key: safe_cell(value) for key, value in row.items()})
        n += 1
    return n


def export(store: Store, fmt: str, out: TextIO, story_id: str | None = None,
           event_id: str | None = None) -> int:
    """Write the comparison in ``fmt`` (long, wide or json); return the number of rows."""
    if story_id and not story_exists(store, story_id):
        raise UsageError(f"unknown story '{story_id}' in {store.path}")
    if fmt == "changes":
        changes = ({c: row[c] for c in CHANGE_COLUMNS} for row in change_rows(store, story_id))
        return write_csv(CHANGE_COLUMNS, changes, out)
    if fmt == "long":
        return write_csv(LONG_COLUMNS, long_rows(store, story_id, event_id), out)
    if fmt == "wide":
        columns, wide = wide_rows(store, story_id, event_id)
        return write_csv(columns, wide, out)
    if fmt == "json":
        long = list(long_rows(store, story_id, event_id))
        json.dump(long, out, ensure_ascii=False, indent=1)
        out.write("\n")
        return len(long)
    raise UsageError(f"unknown export format {fmt!r}: expected long, wide or json")

"""Comparison exports: the long columns are a contract, cells are safe in spreadsheets."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.export import LONG_COLUMNS, safe_cell

LONG = ("story,event_id,event,event_kind,claim_type,counted,source,source_kind,published,value,low,high,unit,approx,"
        "as_of,date,attributed_to,sentence,url,standing,status,text,archive_url")


def run_export(db, *args) -> str:
    result = CliRunner().invoke(cli, ["export", "--db", str(db), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_long_export_has_exactly_the_contract_columns_and_one_row_per_claim(demo_db):
    text = run_export(demo_db)
    assert text.splitlines()[0] == LONG == ",".join(LONG_COLUMNS)
    rows = list(csv.DictReader(io.StringIO(text)))
    with sqlite3.connect(demo_db) as conn:
        claims = conn.execute("SELECT COUNT(*) FROM claims").fetchone()[0]
    assert len(rows) == claims > 0
    assert all(r["url"].startswith("https://") and r["sentence"] for r in rows)
    assert {r["event_kind"] for r in rows} == {"figure", "happening"}
    assert any(r["date"] for r in rows if r["event_kind"] == "happening")


def test_long_export_prints_integers_as_integers_and_no_trailing_whitespace(demo_db):
    text = run_export(demo_db)
    rows = list(csv.DictReader(io.StringIO(text)))
    numbers = [r[c] for r in rows for c in ("value", "low", "high") if r[c]]
    assert numbers and not [n for n in numbers if n.endswith(".0") or "e+" in n]
    assert "41" in numbers or any(n.isdigit() for n in numbers)
    assert all(v == v.strip() for r in rows for v in r.values())


def test_long_export_says_which_claim_stands_its_status_its_text_and_archived_copy(demo_db):
    rows = list(csv.DictReader(io.StringIO(run_export(demo_db))))
    with sqlite3.connect(demo_db) as conn:
        standing = conn.execute("SELECT COUNT(*) FROM claims WHERE latest_for_source").fetchone()[0]
    assert sum(r["standing"] == "1" for r in rows) == standing and {r["standing"] for r in rows} == {"0", "1"}
    assert {r["status"] for r in rows} <= {"reported", "revised", "withdrawn", "disputed", "denied"}
    assert all(r["text"] for r in rows)
    figure = next(r for r in rows if r["text"] == "78 billion tenge")
    assert figure["value"] == "78000000000"
    assert all(r["archive_url"].startswith("/archive/") and "sentence=" in r["archive_url"] for r in rows)


def test_long_export_status_comes_from_the_figures_table(demo_db, tmp_path):
    copy = tmp_path / "status.db"
    copy.write_bytes(demo_db.read_bytes())
    with sqlite3.connect(copy) as conn:
        if "status" not in {r[1] for r in conn.execute("PRAGMA table_info(figures)")}:
            conn.execute("ALTER TABLE figures ADD COLUMN status TEXT")
        figure_id = conn.execute("SELECT c.figure_id FROM claims c JOIN figures f ON f.id = c.figure_id "
                                 "WHERE COALESCE(f.status, 'reported') = 'reported' LIMIT 1").fetchone()[0]
    before = [r for r in csv.DictReader(io.StringIO(run_export(copy))) if r["status"] == "withdrawn"]
    with sqlite3.connect(copy) as conn:
        conn.execute("UPDATE figures SET status = 'withdrawn' WHERE id = ?", [figure_id])
    after = [r for r in csv.DictReader(io.StringIO(run_export(copy))) if r["status"] == "withdrawn"]
    assert len(after) == len(before) + 1
    assert any(f"figure={figure_id}" in r["archive_url"] for r in after)


def test_export_of_one_event_and_one_story(demo_db):
    with sqlite3.connect(demo_db) as conn:
        event_id, n = conn.execute("SELECT event_id, COUNT(*) FROM claims GROUP BY event_id LIMIT 1").fetchone()
    rows = list(csv.DictReader(io.StringIO(run_export(demo_db, "--event", event_id))))
    assert len(rows) == n and {r["event_id"] for r in rows} == {event_id}
    assert run_export(demo_db, "--story", "steppeland-demo") == run_export(demo_db)


def test_wide_export_has_one_row_per_event_and_a_column_per_source(demo_db):
    rows = list(csv.DictReader(io.StringIO(run_export(demo_db, "--format", "wide"))))
    with sqlite3.connect(demo_db) as conn:
        events = conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
        sources = [r[0] for r in conn.execute("SELECT name FROM sources")]
    assert len(rows) == events
    assert set(sources) <= set(rows[0])
    assert {"low", "best", "high", "spread", "n_sources"} <= set(rows[0])
    figure_rows = [r for r in rows if r["event_kind"] == "figure" and int(r["n_sources"]) >= 2]
    assert figure_rows and all(sum(bool(r[s]) for s in sources) == int(r["n_sources"]) for r in figure_rows)


def test_wide_export_keeps_source_columns_numeric_and_qualifiers_beside_them(demo_db):
    text = run_export(demo_db, "--format", "wide")
    header = text.splitlines()[0].split(",")
    with sqlite3.connect(demo_db) as conn:
        sources = sorted(r[0] for r in conn.execute("SELECT name FROM sources"))
    # the existing columns keep their order; unit and the _approx columns come after them
    assert header[:4 + len(sources) + 5] == ["story", "event_id", "event", "event_kind", *sources,
                                             "low", "best", "high", "spread", "n_sources"]
    assert header[4 + len(sources) + 5:] == ["unit", *[f"{s}_approx" for s in sources]]
    rows = list(csv.DictReader(io.StringIO(text)))
    cells = [r[s] for r in rows if r["event_kind"] == "figure" for s in sources if r[s]]
    assert cells and all(float(c) == float(c) and not c.endswith(".0") for c in cells)  # numbers only
    damage = next(r for r in rows if any(r[s] == "90000000000" for s in sources))
    source = next(s for s in sources if damage[s] == "90000000000")
    assert damage[f"{source}_approx"] == "about" and damage["unit"] == "KZT"
    assert any(r[f"{s}_approx"] == "vague" for r in rows for s in sources)


def test_json_export_is_the_long_rows(demo_db):
    data = json.loads(run_export(demo_db, "--format", "json"))
    assert data and list(data[0]) == list(LONG_COLUMNS)


def test_export_to_a_file_is_utf8_with_crlf_rows(demo_db, tmp_path):
    out = tmp_path / "claims.csv"
    CliRunner().invoke(cli, ["export", "--db", str(demo_db), "-o", str(out)], catch_exceptions=False)
    raw = out.read_bytes()
    assert raw.startswith(LONG.encode()) and b"\r\n" in raw
    raw.decode("utf-8")


@pytest.mark.parametrize("value,expected", [
    ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"), ("+1", "'+1"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("plain", "plain"), (-5.0, -5.0), (None, None),
])
def test_cells_that_would_be_formulas_are_neutralised(value, expected):
    assert safe_cell(value) == expected


def test_a_hostile_sentence_is_neutralised_in_the_csv(demo_db, tmp_path):
    copy = tmp_path / "hostile.db"
    copy.write_bytes(demo_db.read_bytes())
    with sqlite3.connect(copy) as conn:
        conn.execute("UPDATE sentences SET text = '=cmd|'' /C calc''!A0' WHERE id IN (SELECT sentence_id FROM figures)")
    rows = list(csv.reader(io.StringIO(run_export(copy))))
    sentences = [r[LONG_COLUMNS.index("sentence")] for r in rows[1:]]
    assert sentences and all(s.startswith("'=") for s in sentences if "cmd" in s)


def test_changes_export_lists_fact_changes(demo_db):
    text = run_export(demo_db, "--changes")
    assert text.splitlines()[0].startswith("detected_at,story,source,url,kind,change,summary")

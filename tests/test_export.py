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

LONG = "story,event_id,event,event_kind,claim_type,counted,source,source_kind,published,value,low,high,unit,approx,as_of,date,attributed_to,sentence,url"


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

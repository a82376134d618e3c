"""The story, event and archive pages served by a real Datasette, read over real HTTP."""

from __future__ import annotations

import csv
import io
import re
import sqlite3
from html import unescape

import httpx
import pytest
from conftest import Server
from test_serve import biggest_event

from pipeline.web.data import split_marked
from pipeline.web.formatting import figure, number

FLOAT_WHERE_INTEGER = re.compile(r"\b\d+\.0\b|\d(?:\.\d+)?e[+-]\d")


def visible_text(html: str) -> str:
    html = re.sub(r"<script.*?</script>|<style.*?</style>", " ", html, flags=re.S)
    return unescape(re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize("args,expected", [
    ((41.0,), "41"), ((2298.0,), "2,298"), ((78e9, None, None, "KZT"), "78 billion KZT"),
    ((9e10, None, None, "KZT", "about"), "about 90 billion KZT"), ((2000.0, 2000.0, None, None, "vague"), "≈ 2,000"),
    ((55.0, 50.0, 60.0, "KZT"), "50–60 KZT"), ((4400.0, None, None, None, "over"), "over 4,400"),
    ((57.5,), "57.5"), ((1.5e6,), "1.5 million"), ((None,), ""),
])
def test_figures_read_as_a_reader_expects(args, expected):
    assert figure(*args) == expected


def test_numbers_never_print_as_floats_or_exponents():
    for value in (41.0, 90000000000.0, 9e10, 3811.0, 1e12, 0.0):
        assert not FLOAT_WHERE_INTEGER.search(number(value)), number(value)


def test_the_archive_marks_the_sentence_and_the_figure_inside_it():
    text = "First one. Then 164 people died. Last."
    parts = split_marked(text, [(11, 32, "sentence"), (16, 19, "figure")])
    assert parts == [("", "First one. "), ("sentence", "Then "), ("figure", "164"), ("sentence", " people died."),
                     ("", " Last.")]
    assert split_marked(text, [(90, 99, "sentence")]) == [("", text)]  # offsets outside the text mark nothing


def test_the_landing_page_is_the_story_page_with_every_source_and_the_top_disputed_event(server, demo_db):
    page = server.get("/")
    assert page.status_code == 200
    with sqlite3.connect(demo_db) as conn:
        sources = [r[0] for r in conn.execute("SELECT name FROM sources")]
        top = conn.execute("SELECT event_id, event FROM disagreements LIMIT 1").fetchone()
        title = conn.execute("SELECT title FROM stories").fetchone()[0]
    text = visible_text(page.text)
    assert title in text and all(name in text for name in sources)
    assert f'href="/event/{top[0]}"' in page.text and top[1] in text
    assert 'href="/story/steppeland-demo/long.csv"' in page.text and 'href="/story/steppeland-demo/wide.csv"' in page.text
    assert not FLOAT_WHERE_INTEGER.search(text)


def coverage_cells(html: str) -> dict[tuple[str, str], str]:
    """(event label, source) → the cell's class (cell-reports, cell-mentions or cell-none)."""
    table = html[html.index('<table class="data coverage">'):]
    table = table[:table.index("</table>")]
    cells = {}
    for row in re.findall(r"<tr><th scope=\"row\">(.*?)</tr>", table, re.S):
        label = visible_text(row.split("</th>")[0]).strip()
        for state, source in re.findall(r'<td class="cell-(\w+)" data-source="([^"]+)"', row):
            cells[(label, unescape(source))] = state
    return cells


def test_coverage_matrix_marks_the_planted_omission_and_no_false_one(server):
    cells = coverage_cells(server.get("/story/steppeland-demo").text)
    resigned = {source: state for (label, source), state in cells.items() if label == "Government resigned"}
    # The ministry and state television never mention the resignation (the demo plants that) ...
    assert resigned["Ministry of Internal Affairs of Steppeland"] == "none"
    assert resigned["Steppe National Television"] == "none"
    # ... the encyclopedia does, without a date ("resigned the same day"): not an omission.
    assert resigned["Openpedia"] in ("mentions", "reports")
    assert resigned["Continental Press Agency"] == "reports"


def test_coverage_matrix_lists_only_events_two_sources_report(server, demo_db):
    cells = coverage_cells(server.get("/story/steppeland-demo").text)
    with sqlite3.connect(demo_db) as conn:
        shared = {r[0] for r in conn.execute("SELECT label FROM events WHERE n_sources >= 2")}
    assert {label for label, _ in cells} == shared


def test_event_page_is_titled_by_its_label_with_low_best_high_and_every_standing_figure(server, demo_db):
    event_id, n_sources = biggest_event(demo_db)
    with sqlite3.connect(demo_db) as conn:
        conn.row_factory = sqlite3.Row
        event = conn.execute("SELECT * FROM events WHERE id = ?", [event_id]).fetchone()
        standing = conn.execute("SELECT * FROM claims WHERE event_id = ? AND latest_for_source", [event_id]).fetchall()
    page = server.get(f"/event/{event_id}")
    assert page.status_code == 200
    assert f"<title>{event['label']} · pipeline</title>" in page.text
    text = visible_text(page.text)
    assert number(event["low"]) in text and number(event["high"]) in text and number(event["best"]) in text
    for claim in standing:
        shown = figure(claim["value"], claim["low"], claim["high"], claim["unit"], claim["approx"])
        assert f"<strong>{shown}</strong>" in unescape(page.text), f"{claim['source']}: {shown}"
    assert not FLOAT_WHERE_INTEGER.search(text)
    assert server.get("/event/ev-nonesuch").status_code == 404


def test_archive_shows_the_stored_text_escaped_with_the_sentence_marked(server, demo_db):
    with sqlite3.connect(demo_db) as conn:
        url, sentence = conn.execute("SELECT archive_url, sentence FROM claims WHERE figure_id IS NOT NULL "
                                     "LIMIT 1").fetchone()
    page = httpx.get(server.base + url.split("#")[0], timeout=10)  # the query string as written
    assert page.status_code == 200
    marked = "".join(re.findall(r'<mark class="(?:sentence|figure)">(.*?)</mark>', page.text, re.S))
    assert unescape(marked) == sentence.strip()
    assert server.get("/archive/1/999999").status_code == 404


def test_archive_escapes_markup_in_stored_text(demo_db, tmp_path):
    hostile = tmp_path / "hostile.db"
    hostile.write_bytes(demo_db.read_bytes())
    with sqlite3.connect(hostile) as conn:
        version, document = conn.execute("SELECT id, document_id FROM document_versions LIMIT 1").fetchone()
        conn.execute("UPDATE document_versions SET text = ? WHERE id = ?", ["<script>alert(1)</script>", version])
    served = Server(hostile)
    try:
        page = served.get(f"/archive/{document}/{version}")
        assert "<script>alert(1)" not in page.text and "&lt;script&gt;alert(1)" in page.text
    finally:
        served.stop()


def test_story_csv_downloads_are_the_exports(server, demo_db):
    long = server.get("/story/steppeland-demo/long.csv")
    assert long.status_code == 200 and long.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(long.text)))
    with sqlite3.connect(demo_db) as conn:
        assert len(rows) == conn.execute("SELECT COUNT(*) FROM claims").fetchone()[0]
    assert {"standing", "status", "text", "archive_url"} <= set(rows[0])
    wide = server.get("/story/steppeland-demo/wide.csv")
    assert wide.status_code == 200 and "n_sources" in wide.text.splitlines()[0]
    assert server.get("/story/nonesuch/long.csv").status_code == 404


def test_event_ids_in_datasette_tables_link_to_event_pages(server, demo_db):
    for path in ("/disagreements", "/first_reports", "/gaps", "/events"):
        html = server.get(f"/{demo_db.stem}{path}").text
        assert re.search(r'href="/event/ev-[0-9a-f]+"', html), path


def test_compare_an_event_opens_on_the_most_disputed_event(server, demo_db):
    rows = server.get(f"/{demo_db.stem}/compare_event.json", _shape="array").json()
    with sqlite3.connect(demo_db) as conn:
        top = conn.execute("SELECT event_id FROM disagreements LIMIT 1").fetchone()[0]
    assert rows and {r["event_id"] for r in rows} == {top}
    assert all(r["archive_url"].startswith("/archive/") for r in rows)
    assert not [r["figure"] for r in rows if FLOAT_WHERE_INTEGER.search(r["figure"] or "")]


def test_internal_tables_are_hidden_from_the_index_but_reachable(server, demo_db):
    html = server.get(f"/{demo_db.stem}").text
    assert 'href="/{}/signature_bands"'.format(demo_db.stem) not in html
    assert 'href="/{}/claims"'.format(demo_db.stem) in html
    assert server.get(f"/{demo_db.stem}/signature_bands.json").status_code == 200


def test_search_results_show_the_source(server, demo_db):
    rows = server.get(f"/{demo_db.stem}/sentences_by_source.json", _search="killed", _shape="array").json()
    assert rows and all(r["source"] and "kill" in r["sentence"].lower() for r in rows)


def test_an_event_row_page_leads_to_the_event_page(server, demo_db):
    event_id, _ = biggest_event(demo_db)
    found = server.get(f"/{demo_db.stem}/events/{event_id}")
    assert found.status_code == 302 and found.headers["location"] == f"/event/{event_id}"
    assert server.get(f"/{demo_db.stem}/events/{event_id}.json").status_code == 200  # the data stays reachable


def test_gaps_lists_only_events_two_sources_report(server, demo_db):
    rows = server.get(f"/{demo_db.stem}/gaps.json", _shape="array", _size="max").json()
    with sqlite3.connect(demo_db) as conn:
        single = {r[0] for r in conn.execute("SELECT id FROM events WHERE n_sources < 2")}
    assert rows and not {r["event_id"] for r in rows} & single
    assert {r["coverage"] for r in rows} == {"reports", "no claim found"}

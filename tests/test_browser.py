"""What a person sees: the comparison page in a real headless Chromium (Debian's)."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from conftest import Server
from test_pages import FLOAT_WHERE_INTEGER
from test_serve import biggest_event

from pipeline.web.formatting import figure

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
# axe-core comes from the npm registry into a cache outside the package, once.
AXE_DIR = Path(os.environ.get("PIPELINE_TEST_CACHE", Path.home() / ".cache" / "pipeline-tests")) / "axe"
AXE_JS = AXE_DIR / "node_modules" / "axe-core" / "axe.min.js"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def page():
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is missing: run ./.ci/system-packages (README's test line does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM), headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.errors = []
        page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        yield page
        browser.close()


def open_page(page, url: str) -> None:
    page.errors.clear()
    page.goto(url)
    page.wait_for_load_state("networkidle")


def wait_for_chart(page, chart_id: str) -> None:
    page.wait_for_selector(f"#{chart_id}[data-drawn=true] svg", timeout=15000)


def axe_violations(page) -> list[dict]:
    """Serious and critical accessibility violations axe-core finds on the page."""
    if not AXE_JS.exists():
        if shutil.which("npm") is None:
            pytest.skip("axe-core needs npm (./.ci/system-packages installs it)")
        done = subprocess.run(["npm", "install", "--prefix", str(AXE_DIR), "--no-audit", "--no-fund", "axe-core@4"],
                              capture_output=True, text=True, timeout=600)
        if done.returncode != 0 or not AXE_JS.exists():
            pytest.skip(f"could not install axe-core from the npm registry: {done.stderr[-300:]}")
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:3]}
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


def test_story_page_lists_every_source_and_the_top_disputed_event(page, server, demo_db):
    with sqlite3.connect(demo_db) as conn:
        sources = [r[0] for r in conn.execute("SELECT name FROM sources")]
        top_id, top = conn.execute("SELECT event_id, event FROM disagreements LIMIT 1").fetchone()
    open_page(page, server.base + "/")
    wait_for_chart(page, "timeline-chart")
    table = page.inner_text("#sources table")
    assert all(name in table for name in sources)
    first = page.locator("#disagreements tbody tr").first
    assert top in first.inner_text() and first.locator(f"a[href='/event/{top_id}']").count() == 1
    assert page.locator("#timeline-chart svg .mark-symbol path").count() >= len(sources) - 1
    assert not FLOAT_WHERE_INTEGER.search(page.inner_text("main"))
    assert page.errors == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "story_page.png"), full_page=True)
    assert axe_violations(page) == []


def test_event_page_shows_standing_figures_a_withdrawn_one_and_a_line_per_source(page, demo_db, tmp_path):
    # The figures table records a status where the text says a figure was withdrawn;
    # mark one earlier figure so, whatever the extractor finds, the page must show it.
    db = tmp_path / "withdrawn.db"
    db.write_bytes(demo_db.read_bytes())
    event_id, _ = biggest_event(demo_db)
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        if "status" not in {r[1] for r in conn.execute("PRAGMA table_info(figures)")}:
            conn.execute("ALTER TABLE figures ADD COLUMN status TEXT")
        # an earlier body figure not withdrawn yet (the demo's texts withdraw some themselves)
        earlier_sql = ("SELECT c.* FROM claims c JOIN figures f ON f.id = c.figure_id WHERE NOT c.latest_for_source "
                       "AND COALESCE(f.status, '') != 'withdrawn' AND COALESCE(f.part, 'body') = 'body'")
        event_id = conn.execute(f"SELECT event_id FROM ({earlier_sql}) GROUP BY event_id "
                                "ORDER BY COUNT(DISTINCT source) DESC, event_id LIMIT 1").fetchone()[0]
        earlier = conn.execute(f"SELECT * FROM ({earlier_sql}) WHERE event_id = ? LIMIT 1", [event_id]).fetchone()
        conn.execute("UPDATE figures SET status = 'withdrawn' WHERE id = ?", [earlier["figure_id"]])
        n_withdrawn = conn.execute("SELECT COUNT(*) FROM claims c JOIN figures f ON f.id = c.figure_id "
                                   "WHERE c.event_id = ? AND f.status = 'withdrawn'", [event_id]).fetchone()[0]
        standing = conn.execute("SELECT * FROM claims WHERE event_id = ? AND latest_for_source", [event_id]).fetchall()
        label = conn.execute("SELECT label FROM events WHERE id = ?", [event_id]).fetchone()[0]
    served = Server(db)
    try:
        open_page(page, f"{served.base}/event/{event_id}")
        assert page.title().startswith(label)
        wait_for_chart(page, "event-chart")
        bold = page.eval_on_selector_all("tr.standing td.figure strong", "els => els.map(e => e.textContent)")
        for claim in standing:
            assert figure(claim["value"], claim["low"], claim["high"], claim["unit"], claim["approx"]) in bold
        withdrawn = page.locator("tr.status-withdrawn")  # the one marked here and any the text withdraws
        assert withdrawn.count() == n_withdrawn
        assert all("withdrawn" in withdrawn.nth(i).locator("td.status").inner_text() for i in range(n_withdrawn))
        sentences = [withdrawn.nth(i).locator("td.sentence").inner_text().strip("“”") for i in range(n_withdrawn)]
        assert earlier["sentence"].strip() in sentences
        sources_with_points = {c["source"] for c in standing if c["value"] is not None}
        lines = page.locator("#event-chart svg .mark-line path")
        assert lines.count() == len(sources_with_points)
        assert all(len(lines.nth(i).get_attribute("d") or "") > 3 for i in range(lines.count()))
        legend = page.inner_text("#event-chart")
        assert all(source in legend for source in sources_with_points)
        assert not FLOAT_WHERE_INTEGER.search(page.inner_text("main"))
        assert page.errors == []
        page.screenshot(path=str(ARTIFACTS / "event_page.png"), full_page=True)
        assert axe_violations(page) == []

        # Its sentence link opens our archived copy with the sentence highlighted.
        row = page.locator("tr.standing").first
        sentence = row.locator("td.sentence").inner_text().strip("“”")
        row.locator("a", has_text="open sentence").click()
        page.wait_for_url(re.compile(r"/archive/\d+/\d+\?sentence="))
        page.wait_for_load_state("networkidle")
        marked = page.eval_on_selector_all("article mark", "els => els.map(e => e.textContent).join('')")
        assert marked == sentence
        assert page.locator("article mark.sentence").first.is_visible()
        assert page.errors == []
        page.screenshot(path=str(ARTIFACTS / "archive_page.png"), full_page=True)
        assert axe_violations(page) == []
    finally:
        served.stop()


def test_happening_page_puts_each_source_date_on_one_axis(page, server, demo_db):
    with sqlite3.connect(demo_db) as conn:
        event_id, n = conn.execute("SELECT id, n_sources FROM events WHERE kind = 'happening' "
                                   "ORDER BY n_sources DESC, id LIMIT 1").fetchone()
    open_page(page, f"{server.base}/event/{event_id}")
    wait_for_chart(page, "event-chart")
    assert page.locator("#event-chart svg .mark-symbol path").count() >= n
    assert page.errors == []


def test_table_pages_print_whole_numbers_without_decimals(page, server, demo_db):
    for path in ("events", "claims", "disagreements", "compare_event"):
        open_page(page, f"{server.base}/{demo_db.stem}/{path}")
        page.wait_for_selector("table.rows-and-columns")
        numbers = page.eval_on_selector_all(
            "table.rows-and-columns td.col-value, table.rows-and-columns td.col-low, "
            "table.rows-and-columns td.col-high, table.rows-and-columns td.col-best, "
            "table.rows-and-columns td.col-figure", "els => els.map(e => e.textContent.trim())")
        assert numbers and not [n for n in numbers if FLOAT_WHERE_INTEGER.search(n)], path


def test_compare_an_event_page_shows_every_source_figure_and_sentence_links(page, server, demo_db):
    event_id, n_sources = biggest_event(demo_db)
    with sqlite3.connect(demo_db) as conn:
        expected = conn.execute("SELECT DISTINCT source FROM claims WHERE event_id = ?", [event_id]).fetchall()
        label = conn.execute("SELECT label FROM events WHERE id = ?", [event_id]).fetchone()[0]
    page.goto(f"{server.base}/{demo_db.stem}/compare_event?event_id={event_id}")
    page.wait_for_selector("table.rows-and-columns")
    table = page.inner_text("table.rows-and-columns")
    for (source,) in expected:
        assert source in table, f"{source} missing from the comparison of {label}"
    links = page.eval_on_selector_all("table.rows-and-columns a[href*='#:~:text=']", "els => els.map(e => e.href)")
    assert len(links) >= n_sources
    assert all("/archive/" in link for link in links)  # our archived copy, not the live page
    assert page.locator("text=open sentence").count() >= n_sources
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "compare_event.png"), full_page=True)


def test_titles_and_text_with_markup_are_shown_escaped(page, demo_db, tmp_path):
    hostile = tmp_path / "hostile.db"
    hostile.write_bytes(demo_db.read_bytes())
    payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'
    with sqlite3.connect(hostile) as conn:
        doc_id = conn.execute("SELECT id FROM documents LIMIT 1").fetchone()[0]
        conn.execute("UPDATE documents SET title = ?, text = ? WHERE id = ?", [payload, payload, doc_id])
    served = Server(hostile)
    try:
        page.goto(f"{served.base}/{hostile.stem}/documents/{doc_id}")
        page.wait_for_selector("body")
        page.wait_for_timeout(300)
        assert page.evaluate("window.__pwned") is None
        assert "<script>window.__pwned=2</script>" in page.inner_text("body")
    finally:
        served.stop()


def test_disagreements_page_ranks_events(page, server, demo_db):
    page.goto(f"{server.base}/{demo_db.stem}/disagreements")
    page.wait_for_selector("table.rows-and-columns")
    assert page.locator("table.rows-and-columns tbody tr").count() >= 3


def test_places_are_shown_on_a_map(page, server, demo_db):
    with sqlite3.connect(demo_db) as conn:
        pinned = conn.execute("SELECT COUNT(*) FROM places WHERE latitude IS NOT NULL").fetchone()[0]
    assert pinned >= 1, "the demo names cities the offline gazetteer knows"
    page.goto(f"{server.base}/{demo_db.stem}/places")
    page.wait_for_selector(".leaflet-container", timeout=15000)
    page.wait_for_selector(".leaflet-marker-icon, .marker-cluster", timeout=15000)  # markers load after the map
    assert page.locator(".leaflet-marker-icon, .marker-cluster").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "places_map.png"))


def test_an_empty_table_page_throws_no_script_error(page, server, demo_db):
    open_page(page, f"{server.base}/{demo_db.stem}/claims?source=nobody-at-all")
    page.wait_for_selector("body")
    page.wait_for_timeout(500)
    assert page.errors == []

"""What a person sees: the comparison page in a real headless Chromium (Debian's)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from conftest import Server
from test_serve import biggest_event

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"

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
        yield page
        browser.close()


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
    assert page.locator("text=open sentence ↗").count() >= n_sources
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

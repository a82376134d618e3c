"""Keeping a story current: revised tolls become fact diffs, removed pages keep their text,
feeds bring new reports, syndicated copies are linked instead of counted twice."""

from __future__ import annotations

import html
import sqlite3

from conftest import article_page, write_sources
from werkzeug.wrappers import Response

from pipeline.config import load_config
from pipeline.runner import run_pipeline

TOLL_1 = article_page("Health ministry gives toll", [
    "The health ministry said on January 9 that 164 people were killed in the riots across the country.",
    "Officials said the situation in all regions was calm and that shops had reopened in the largest city.",
], published="2022-01-09")
TOLL_2 = article_page("Health ministry gives toll", [
    "The health ministry said on January 15 that 225 people were killed in the riots across the country.",
    "Officials said the situation in all regions was calm and that shops had reopened in the largest city.",
    "Prosecutors said 4,353 people were injured during the unrest.",
], published="2022-01-09")


def feed(items: list[tuple[str, str]]) -> str:
    entries = "".join(f"<item><title>{t}</title><link>{html.escape(u)}</link><pubDate>Sat, 08 Jan 2022 10:00:00 GMT</pubDate>"
                      f"</item>" for t, u in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{entries}</channel></rss>'


def sources_with_feed(site, tmp_path):
    path = write_sources(tmp_path / "s.yaml", {"ministry": [site.url("/d")], "wire": [site.url("/b")]})
    text = path.read_text().replace(
        f"          - {site.url('/b')}\n",
        f"          - {site.url('/b')}\n        feeds:\n          - {site.url('/feed.xml')}\n"
        "        include:\n          keywords: [unrest]\n")
    path.write_text(text)
    return load_config(path)


def test_pages_that_change_between_runs(site, fast_options, tmp_path):
    site.pages["/d"] = TOLL_1
    items = [("Unrest: troops arrive", site.url("/a"))]
    site.server.expect_request("/feed.xml").respond_with_handler(
        lambda request: Response(feed(items), content_type="application/rss+xml"))
    story = sources_with_feed(site, tmp_path)
    db = tmp_path / "p.db"

    first = run_pipeline(story, db, fast_options)
    assert first.discovered == 1 and first.new_documents == 3  # /d, /b and /a found in the feed

    # Between runs: the toll is revised, a new feed item appears (and one off-topic item),
    # a page disappears, and another site republishes the wire story word for word.
    site.pages["/d"] = TOLL_2
    items += [("Unrest: rights group counts the dead", site.url("/c")), ("Football results", site.url("/gone"))]
    site.status["/b"] = 404
    site.pages["/copy"] = site.pages["/b"].replace("Loopback News", "Copycat Daily")
    site.server.expect_request("/copy").respond_with_handler(site._handler("/copy"))
    text = (tmp_path / "s.yaml").read_text().replace(
        "      - id: wire\n",
        f"      - id: copycat\n        name: Copycat\n        kind: blog\n        country: GB\n        language: en\n"
        f"        allow_private: true\n        urls:\n          - {site.url('/copy')}\n      - id: wire\n")
    (tmp_path / "s.yaml").write_text(text)
    story = load_config(tmp_path / "s.yaml")

    second = run_pipeline(story, db, fast_options)
    assert second.discovered == 1  # the off-topic item is filtered out by the keyword rule
    assert second.new_versions >= 1 and second.fact_changes >= 1 and second.copies == 1

    with sqlite3.connect(db) as conn:
        changes = conn.execute("SELECT change, claim_type, old_value, new_value, summary FROM fact_changes").fetchall()
        versions = conn.execute("SELECT COUNT(*) FROM document_versions v JOIN documents d ON d.id = v.document_id "
                                "WHERE d.url LIKE '%/d'").fetchone()[0]
        removed = conn.execute("SELECT status, removed_at IS NOT NULL, text FROM documents WHERE url LIKE '%/b'"
                               ).fetchone()
        found_via = conn.execute("SELECT url, found_via FROM discovered ORDER BY url").fetchall()
        copy_of = conn.execute("SELECT c.duplicate_of = o.id FROM documents c, documents o "
                               "WHERE c.url LIKE '%/copy' AND o.url LIKE '%/b'").fetchone()[0]
        history = conn.execute("SELECT COUNT(*) FROM article_history WHERE url LIKE '%/d'").fetchone()[0]
    assert ("changed", "killed", "164.0", "225.0", "killed: 164 → 225") in changes
    assert any(c[0] == "added" and c[1] == "injured" for c in changes)
    assert versions == 2 == history
    assert removed[0] == "removed" and removed[1] == 1 and "alliance said" in removed[2]
    assert [u for u, _ in found_via] == sorted([site.url("/a"), site.url("/c")])
    assert all(via.endswith("/feed.xml") for _, via in found_via)
    assert copy_of == 1


def test_the_same_article_under_tracking_parameters_is_stored_once(site, fast_options, tmp_path):
    site.server.expect_request("/feed.xml").respond_with_handler(lambda request: Response(feed([
        ("Unrest one", site.url("/a") + "?utm_source=rss&utm_medium=feed"),
        ("Unrest one again", site.url("/a") + "#comments"),
    ]), content_type="application/rss+xml"))
    path = write_sources(tmp_path / "s.yaml", {"wire": [site.url("/b")]})
    path.write_text(path.read_text() + f"        feeds:\n          - {site.url('/feed.xml')}\n")
    report = run_pipeline(load_config(path), tmp_path / "p.db", fast_options)
    assert report.discovered == 1
    with sqlite3.connect(tmp_path / "p.db") as conn:
        urls = [r[0] for r in conn.execute("SELECT url FROM documents ORDER BY url")]
    assert urls == sorted([site.url("/a"), site.url("/b")])

"""A run end to end against a loopback site: stored once, re-runs add nothing,
changes add versions, failures keep the last good content, the archive replays."""

from __future__ import annotations

import sqlite3

import pytest
from conftest import article_page, write_sources

from pipeline.config import load_config
from pipeline.runner import run_pipeline

CONTENT_TABLES = ("documents", "document_versions", "sentences", "figures", "dates", "entity_mentions",
                  "entities", "happenings", "events", "event_claims")


def counts(db) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in (*CONTENT_TABLES, "runs", "fetch_log")}


def content(db) -> dict[str, list]:
    """Everything a user sees, without run bookkeeping (timestamps, run ids)."""
    with sqlite3.connect(db) as conn:
        return {
            "documents": conn.execute("SELECT url, title, text, content_hash, status FROM documents ORDER BY url").fetchall(),
            "versions": conn.execute("SELECT document_id, content_hash FROM document_versions ORDER BY id").fetchall(),
            "figures": conn.execute("SELECT version_id, text, value, claim_type, event_key FROM figures ORDER BY id").fetchall(),
            "events": conn.execute("SELECT id, label, low, best, high, n_sources FROM events ORDER BY id").fetchall(),
        }


@pytest.fixture
def story(site, tmp_path):
    path = write_sources(tmp_path / "sources.yaml", {"one": [site.url("/a"), site.url("/b")], "two": [site.url("/c")]})
    return load_config(path)


def test_first_run_stores_every_page_with_its_facts(story, fast_options, tmp_path):
    db = tmp_path / "p.db"
    report = run_pipeline(story, db, fast_options)
    assert (report.fetched, report.new_documents, report.failed, report.status) == (3, 3, 0, "completed")
    n = counts(db)
    assert n["documents"] == n["document_versions"] == 3
    assert n["figures"] > 0 and n["sentences"] > 0 and n["fetch_log"] == 3
    with sqlite3.connect(db) as conn:
        text = conn.execute("SELECT text FROM documents WHERE url LIKE '%/a'").fetchone()[0]
    assert text.startswith("The interior ministry said")
    assert "cookies" not in text and "Related articles" not in text
    assert list((tmp_path / "archive").glob("*.warc.gz"))


def test_rerun_with_nothing_changed_adds_only_a_run_and_its_fetch_log(story, fast_options, tmp_path):
    db = tmp_path / "p.db"
    run_pipeline(story, db, fast_options)
    before, seen = counts(db), content(db)
    report = run_pipeline(story, db, fast_options)
    after = counts(db)
    assert report.analysed == 0 and report.new_versions == 0
    assert after["runs"] == before["runs"] + 1
    assert after["fetch_log"] == before["fetch_log"] + 3
    assert {t: after[t] for t in CONTENT_TABLES} == {t: before[t] for t in CONTENT_TABLES}
    assert content(db) == seen


def test_a_changed_page_adds_a_version_and_keeps_the_old_one(story, site, fast_options, tmp_path):
    db = tmp_path / "p.db"
    run_pipeline(story, db, fast_options)
    site.pages["/c"] = article_page("Rights group counts the dead", [
        "A rights group said at least 232 people were killed during the unrest, including 19 members of the "
        "security forces, citing figures the prosecutor's office gave in May.",
        "The group asked again for an independent inquiry into the use of lethal force against protesters.",
    ], published="2022-05-05")
    report = run_pipeline(story, db, fast_options)
    assert report.new_versions == 1 and report.analysed == 1
    with sqlite3.connect(db) as conn:
        texts = [r[0] for r in conn.execute(
            "SELECT v.text FROM document_versions v JOIN documents d ON d.id = v.document_id "
            "WHERE d.url LIKE '%/c' ORDER BY v.id")]
        current = conn.execute("SELECT text FROM documents WHERE url LIKE '%/c'").fetchone()[0]
    assert len(texts) == 2 and "225" in texts[0] and "232" in texts[1]
    assert current == texts[1]


def test_a_page_that_later_fails_keeps_its_last_good_content(story, site, fast_options, tmp_path):
    db = tmp_path / "p.db"
    run_pipeline(story, db, fast_options)
    site.status["/b"] = 500
    report = run_pipeline(story, db, fast_options)
    assert report.status == "completed" and report.failed == 1
    with sqlite3.connect(db) as conn:
        text, failures, error = conn.execute(
            "SELECT text, consecutive_failures, last_error FROM documents WHERE url LIKE '%/b'").fetchone()
        outcome = conn.execute("SELECT outcome FROM fetch_log WHERE url LIKE '%/b' ORDER BY id DESC").fetchone()[0]
    assert "alliance said" in text
    assert failures == 1 and "500" in error and outcome == "http_error"


def test_a_broken_source_is_recorded_and_the_run_goes_on(site, fast_options, tmp_path):
    path = write_sources(tmp_path / "s.yaml", {"good": [site.url("/a")], "broken": [site.url("/gone")]})
    db = tmp_path / "p.db"
    report = run_pipeline(load_config(path), db, fast_options)
    assert report.status == "completed" and report.fetched == 1 and report.failures == {"http_error": 1}
    with sqlite3.connect(db) as conn:
        status, error = conn.execute("SELECT status, last_error FROM documents WHERE url LIKE '%/gone'").fetchone()
    assert status == "failed" and "404" in error


def test_offline_replays_the_archive_without_the_network(story, site, fast_options, tmp_path):
    run_pipeline(story, tmp_path / "online.db", fast_options)
    site.server.clear()  # nothing answers any more
    fast_options.offline = True
    report = run_pipeline(story, tmp_path / "offline.db", fast_options)
    assert report.failed == 0 and report.new_documents == 3
    assert content(tmp_path / "offline.db")["documents"] == content(tmp_path / "online.db")["documents"]


def test_second_run_sends_conditional_headers_it_was_given(story, site, fast_options, tmp_path):
    db = tmp_path / "p.db"
    run_pipeline(story, db, fast_options)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE documents SET etag = '\"v1\"' WHERE url LIKE '%/a'")
    site.requests.clear()
    run_pipeline(story, db, fast_options)
    sent = [headers for path, headers in site.requests if path == "/a"]
    assert sent and sent[0].get("If-None-Match") == '"v1"'


def test_one_article_listed_under_tracking_parameters_is_fetched_and_stored_once(site, fast_options, tmp_path):
    urls = [site.url("/a"), site.url("/a") + "?utm_source=twitter&utm_medium=social", site.url("/a") + "#comments"]
    path = write_sources(tmp_path / "s.yaml", {"one": urls})
    report = run_pipeline(load_config(path), tmp_path / "p.db", fast_options)
    assert report.urls == 1 and report.new_documents == 1
    assert [p for p, _ in site.requests].count("/a") == 1

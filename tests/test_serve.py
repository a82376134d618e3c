"""The demo database served by a real Datasette on 127.0.0.1, read over real HTTP."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from conftest import Server, free_port


def biggest_event(db: Path) -> tuple[str, int]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT id, n_sources FROM events WHERE kind = 'figure' "
                            "ORDER BY n_sources DESC, id LIMIT 1").fetchone()


def test_demo_builds_the_database_with_every_demo_page(demo_db):
    with sqlite3.connect(demo_db) as conn:
        docs = conn.execute("SELECT COUNT(*) FROM documents WHERE current_version_id IS NOT NULL").fetchone()[0]
        failed = conn.execute("SELECT COUNT(*) FROM fetch_log WHERE outcome NOT IN ('replayed', 'unchanged')").fetchone()[0]
        stories = [r[0] for r in conn.execute("SELECT title FROM stories")]
    from pipeline.demo import demo_urls
    assert docs == len(demo_urls()) and failed == 0
    assert stories and all("FICTIONAL" in t for t in stories)


def test_datasette_answers_with_the_project_metadata(server, demo_db):
    home = server.get("/")
    assert home.status_code == 200 and "who says what happened" in home.text
    tables = server.get(f"/{demo_db.stem}.json").json()
    names = {t["name"] for t in tables["tables"]} | {v["name"] for v in tables.get("views", [])}
    assert {"documents", "figures", "events", "claims", "disagreements", "gaps"} <= names


def test_compare_an_event_lists_every_source_of_the_event(server, demo_db):
    event_id, n_sources = biggest_event(demo_db)
    rows = server.get(f"/{demo_db.stem}/compare_event.json", event_id=event_id, _shape="array").json()
    assert len({r["source"] for r in rows}) == n_sources >= 2
    assert all("#:~:text=" in r["link"] for r in rows)


def test_full_text_search_over_sentences(server, demo_db):
    rows = server.get(f"/{demo_db.stem}/sentences.json", _search="killed", _shape="array").json()
    assert rows and all("kill" in r["text"].lower() for r in rows)


def test_public_mode_is_read_only_with_sql_off(demo_db):
    s = Server(demo_db, public=True)
    try:
        assert s.get(f"/{demo_db.stem}/documents.json").status_code == 200
        assert s.get(f"/{demo_db.stem}.json", sql="select 1").status_code == 403
        assert s.get("/-/databases.json").json()[0]["is_mutable"] is False
        assert s.get(f"/{demo_db.stem}.db").status_code == 403  # no download of every text
        assert f'href="/{demo_db.stem}.db"' not in s.get(f"/{demo_db.stem}").text
        assert s.get("/").status_code == 200 and "read-only" in s.get("/").text  # the pages still work, and say so
    finally:
        s.stop()


def test_serve_public_says_what_is_off_when_it_starts(demo_db):
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "pipeline", "serve", "--db", str(demo_db), "--public",
                                "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = process.stdout.readline()
    finally:
        process.terminate()
        process.wait(timeout=10)
    assert f"http://127.0.0.1:{port}/" in line
    assert "read-only" in line and "download off" in line and "SQL off" in line

"""Crash safety and readers during writes, with real processes and a real Datasette."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from conftest import Server, article_page, write_sources
from test_runner import content

pytestmark = pytest.mark.slow


def many_pages(site, n: int) -> list[str]:
    """n distinct articles on the loopback site."""
    urls = []
    for i in range(n):
        path = f"/n{i}"
        site.pages[path] = article_page(f"Report {i}", [
            f"Officials said {100 + i} people were detained in the city of Aktau on January {1 + i % 9}, 2022, "
            f"and {10 + i} police officers were injured in clashes with protesters.",
            f"According to the health ministry, {20 + i} people were killed as of January 9. A rights group said "
            f"at least {30 + i} civilians died and hundreds were wounded during the unrest.",
        ])
        site.server.expect_request(path).respond_with_handler(site._handler(path))
        urls.append(site.url(path))
    return urls


def run_command(config: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "pipeline.cli", "run", "--config", str(config), "--db", str(db), "--delay", "0",
            "--concurrency", "4"]


def invariants(db: Path) -> None:
    """What a half-stored write would break."""
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'documents'").fetchone():
            return  # killed while the schema was being created: nothing stored yet, the re-run creates it
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        # A document's current text is one of its stored versions.
        assert conn.execute("""SELECT COUNT(*) FROM documents d LEFT JOIN document_versions v
            ON v.id = d.current_version_id WHERE d.current_version_id IS NOT NULL
            AND (v.id IS NULL OR v.content_hash != d.content_hash)""").fetchone()[0] == 0
        # Facts exist only for versions whose analysis was recorded, and all of them.
        assert conn.execute("""SELECT COUNT(*) FROM figures f LEFT JOIN analyses a ON a.version_id = f.version_id
            WHERE a.version_id IS NULL""").fetchone()[0] == 0
        assert conn.execute("""SELECT COUNT(*) FROM analyses a WHERE a.figures !=
            (SELECT COUNT(*) FROM figures f WHERE f.version_id = a.version_id)""").fetchone()[0] == 0
        assert conn.execute("""SELECT COUNT(*) FROM event_claims c LEFT JOIN events e ON e.id = c.event_id
            WHERE e.id IS NULL""").fetchone()[0] == 0


def test_sigkill_at_random_moments_loses_nothing(site, tmp_path):
    urls = many_pages(site, 12)
    config = write_sources(tmp_path / "s.yaml", {"one": urls[:6], "two": urls[6:]})
    reference = tmp_path / "reference.db"
    started = time.monotonic()
    subprocess.run(run_command(config, reference), check=True, capture_output=True)
    full = time.monotonic() - started
    expected = content(reference)
    rng = random.Random(7)
    trials = 10  # real timers, real processes; exact kill points are swept in test_crash.py
    for trial in range(trials):
        db = tmp_path / f"trial{trial}.db"
        process = subprocess.Popen(run_command(config, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.05, full))
        process.send_signal(signal.SIGKILL)
        process.wait()
        if db.exists():
            invariants(db)
        subprocess.run(run_command(config, db), check=True, capture_output=True)
        invariants(db)
        assert content(db) == expected, f"trial {trial}: content differs from an uninterrupted run"


def test_datasette_answers_every_request_while_a_run_writes(site, tmp_path):
    urls = many_pages(site, 16)
    config = write_sources(tmp_path / "s.yaml", {"one": urls[:8], "two": urls[8:]})
    db = tmp_path / "live.db"
    subprocess.run(run_command(config, db), check=True, capture_output=True)  # something to read
    for i in range(16):  # every page changes: the next run rewrites versions, facts and events
        site.pages[f"/n{i}"] = site.pages[f"/n{i}"].replace("were detained", "were arrested")
    server = Server(db)
    failures, served = [], 0
    stop = threading.Event()

    def read_loop():
        nonlocal served
        with httpx.Client(timeout=10) as client:
            while not stop.is_set():
                for path in (f"/{db.stem}/claims.json", f"/{db.stem}/disagreements.json",
                             f"/{db.stem}/documents.json?_size=5"):
                    r = client.get(server.base + path)
                    served += 1
                    if r.status_code != 200:
                        failures.append((path, r.status_code, r.text[:200]))

    reader = threading.Thread(target=read_loop)
    reader.start()
    try:
        subprocess.run(run_command(config, db), check=True, capture_output=True)
    finally:
        stop.set()
        reader.join()
        server.stop()
    print(f"served {served} requests during the run, {len(failures)} failed")
    assert served > 20
    assert failures == []

"""Unattended runs: never two at once, clean stop on SIGTERM, durations read as people write them."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from conftest import write_sources

from pipeline.errors import LockHeld, UsageError
from pipeline.lock import run_lock
from pipeline.schedule import parse_duration, run_every


@pytest.mark.parametrize("text,seconds", [("6h", 21600), ("10m", 600), ("90s", 90), ("1.5h", 5400), ("45", 45),
                                          ("1d", 86400)])
def test_durations(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "soon", "6 hours", "-1h", "h"])
def test_unreadable_durations_are_a_usage_error(text):
    with pytest.raises(UsageError, match="cannot read the duration"):
        parse_duration(text)


def test_a_second_run_on_the_same_database_is_refused_while_the_first_holds_the_lock(tmp_path):
    db = tmp_path / "x.db"
    with run_lock(db):
        with pytest.raises(LockHeld, match="another run is using"):
            with run_lock(db):
                pass
    with run_lock(db):  # released: free again
        pass


def test_the_lock_of_a_killed_process_is_released(tmp_path):
    db = tmp_path / "x.db"
    holder = subprocess.Popen([sys.executable, "-c",
                               f"from pipeline.lock import run_lock\nimport time\nwith run_lock({str(db)!r}):\n"
                               "    print('held', flush=True); time.sleep(60)"], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    with pytest.raises(LockHeld):
        with run_lock(db):
            pass
    holder.kill()
    holder.wait()
    with run_lock(db):
        pass


def test_cli_run_exits_3_with_a_clear_message_when_the_database_is_locked(site, tmp_path):
    config = write_sources(tmp_path / "s.yaml", {"one": [site.url("/a")]})
    db = tmp_path / "x.db"
    with run_lock(db):
        result = subprocess.run([sys.executable, "-m", "pipeline", "run", "--config", str(config), "--db", str(db)],
                                capture_output=True, text=True)
    assert result.returncode == 3
    assert "another run is using" in result.stderr


def test_runs_follow_each_other_without_overlap():
    spans = []

    def once():
        start = time.monotonic()
        time.sleep(0.05)
        spans.append((start, time.monotonic()))

    assert run_every(0.01, 0.0, once, max_runs=3, log=lambda m: None) == (3, None)
    assert all(spans[i][1] <= spans[i + 1][0] for i in range(2))


def test_sigterm_during_a_scheduled_run_stops_cleanly_and_keeps_the_database_sound(site, tmp_path):
    config = write_sources(tmp_path / "s.yaml", {"one": [site.url("/a"), site.url("/b")], "two": [site.url("/c")]})
    db = tmp_path / "x.db"
    process = subprocess.Popen([sys.executable, "-m", "pipeline", "schedule", "--config", str(config), "--db",
                                str(db), "--every", "1s", "--delay", "0"], stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not db.exists():
        time.sleep(0.1)
    time.sleep(1.0)  # somewhere inside the first run or between runs
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err  # README: 130 interrupted
    assert "schedule stopped after" in err and "by SIGTERM" in err
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        statuses = {r[0] for r in conn.execute("SELECT status FROM runs")}
    assert statuses <= {"completed", "interrupted"} and "running" not in statuses

"""SIGTERM (what `systemctl stop` sends) and SIGINT (Ctrl-C) to `pipeline run` and `pipeline
schedule`: exit code 130, the run recorded as interrupted, and one re-run gives the content
of an uninterrupted run. Real processes of the installed command; the signal arrives at an
exact point (``PIPELINE_FAULT=...:TERM``) or from outside, at an unknown moment."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from conftest import write_sources
from test_crash import (
    Scenario,
    content,
    options,
    recorded_story,  # noqa: F401 (the fixture `recorded`)
    run_statuses,
)
from werkzeug.wrappers import Response

from pipeline import faults
from pipeline.runner import run_pipeline

pytestmark = pytest.mark.slow


def sigint_as_at_a_terminal() -> None:
    """A command started in the background by a shell, as CI and `nohup … &` start the suite, inherits SIGINT
    ignored, and Python then installs no KeyboardInterrupt for it; Ctrl-C reaches a run started at a terminal,
    where SIGINT has its default action. The runs these tests signal are started that way."""
    signal.signal(signal.SIGINT, signal.default_int_handler)


def command(name: str, config, db, archive) -> list[str]:
    extra = ["--every", "1s"] if name == "schedule" else []
    return [sys.executable, "-m", "pipeline", name, "--config", str(config), "--db", str(db), "--offline",
            "--archive", str(archive), *extra]


@pytest.fixture(scope="module")
def scenarios(recorded, tmp_path_factory) -> dict[str, Scenario]:
    return {name: Scenario(name, recorded, tmp_path_factory.mktemp(name)) for name in ("first", "update")}


@pytest.mark.parametrize("name,scenario_name,point", [
    ("run", "first", "write:half:TERM"),
    ("run", "first", "stage:analysed:TERM"),
    ("run", "first", "stage:aligned:TERM"),
    ("run", "update", "stage:analysed:TERM"),
    ("run", "first", "stage:analysed:INT"),
    ("run", "update", "write:half:INT"),
    ("schedule", "first", "stage:analysed:TERM"),
    ("schedule", "update", "stage:collected:INT"),
])
def test_a_signal_interrupts_the_run_exits_130_and_the_rerun_gives_the_uninterrupted_content(
        scenarios, recorded, name, scenario_name, point):
    scenario = scenarios[scenario_name]
    config = recorded.first_config if scenario_name == "first" else recorded.update_config
    point = point.replace("half", str(scenario.boundaries // 2))
    db = scenario.copy_start("signalled")
    result = subprocess.run(command(name, config, db, scenario.archive), capture_output=True, text=True,
                            env={**os.environ, "PIPELINE_FAULT": point}, timeout=300,
                            preexec_fn=sigint_as_at_a_terminal)
    assert result.returncode == 130, result.stderr
    assert run_statuses(db)[-1] == "interrupted"
    assert "interrupted" in result.stderr or "stopped after 0 runs by SIG" in result.stderr
    faults.arm(None)
    run_pipeline(scenario.stories, db, options(scenario.archive))
    assert content(db) == scenario.expected
    assert run_statuses(db)[-2:] == ["interrupted", "completed"]


def test_sigterm_from_outside_while_a_page_is_being_fetched(site, tmp_path):
    """The run waits on a slow page when systemd's SIGTERM arrives."""
    def slow(request):
        site.requests.append(("/slow", dict(request.headers)))
        time.sleep(3)
        return Response(site.pages["/b"], content_type="text/html; charset=utf-8")

    site.server.expect_request("/slow").respond_with_handler(slow)
    config = write_sources(tmp_path / "s.yaml", {"one": [site.url("/a"), site.url("/slow")]})
    db = tmp_path / "x.db"
    process = subprocess.Popen([sys.executable, "-m", "pipeline", "run", "--config", str(config), "--db", str(db),
                                "--delay", "0", "--concurrency", "1"], stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not any(path == "/slow" for path, _ in site.requests):
        time.sleep(0.05)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert "interrupted" in err
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT status FROM runs").fetchall() == [("interrupted",)]
        assert conn.execute("SELECT COUNT(*) FROM documents WHERE url LIKE '%/a'").fetchone()[0] == 1

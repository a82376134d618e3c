"""The scheduling recipes in deploy/ (quoted in README) run as written."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import REPO

DEPLOY = REPO / "deploy"


def run_pipeline_command(command: str, cwd: Path) -> subprocess.CompletedProcess:
    """Run a recipe's `pipeline …` command offline on the demo story, in ``cwd``."""
    args = shlex.split(command)
    assert Path(args[0]).name == "pipeline", command
    args = [sys.executable, "-m", "pipeline", *args[1:]]
    config = REPO / "pipeline" / "demo" / "sources.yaml"
    args = [str(config) if a == "sources.yaml" else a for a in args]
    if args[3] == "run":
        args += ["--offline", "--archive", str(REPO / "pipeline" / "demo")]
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=300)


def test_the_cron_line_is_valid_and_its_command_runs(tmp_path):
    line = next(x for x in (DEPLOY / "crontab").read_text().splitlines() if x and not x.startswith("#"))
    fields = line.split(None, 5)
    assert len(fields) == 6 and all(re.fullmatch(r"[\d*/,-]+", f) for f in fields[:5])
    command = fields[5].split("&&", 1)[1].split(">>")[0].strip().replace(".venv/bin/", "")
    result = run_pipeline_command(command, tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "db" / "pipeline.db").exists()


def test_the_systemd_units_run_the_same_command_and_accept_exit_3_and_130(tmp_path):
    service = (DEPLOY / "pipeline.service").read_text()
    exec_start = re.search(r"^ExecStart=(.+)$", service, re.M).group(1).replace("STORY_DIR/.venv/bin/", "")
    assert re.search(r"^SuccessExitStatus=3 130$", service, re.M)  # locked; stopped by systemctl stop
    timer = (DEPLOY / "pipeline.timer").read_text()
    assert re.search(r"^OnUnitActiveSec=6h$", timer, re.M) and "Persistent=true" in timer
    result = run_pipeline_command(exec_start, tmp_path)
    assert result.returncode == 0, result.stderr


def test_the_ci_workflow_runs_then_exports_and_commits_the_database(tmp_path):
    workflow = yaml.safe_load((DEPLOY / "github-workflow.yml").read_text())
    steps = [s.get("run", "") for s in workflow["jobs"]["run"]["steps"]]
    commands = [s for s in steps if s.startswith("pipeline ")]
    assert workflow["concurrency"]["cancel-in-progress"] is False
    for command in commands:
        result = run_pipeline_command(command, tmp_path)
        assert result.returncode == 0, (command, result.stderr)
    assert (tmp_path / "db" / "claims.csv").read_text().startswith("story,event_id,")
    assert any("git commit" in s for s in steps)

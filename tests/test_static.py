"""Lint and types are part of the suite: ruff (rules E, F, I, B at 120 columns, as
configured in pyproject.toml) and mypy on pipeline/ both report nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *args], cwd=REPO, capture_output=True, text=True, timeout=600)


def test_ruff_finds_nothing_in_the_code_tests_and_benchmarks():
    result = run("ruff", "check", "pipeline", "tests", "benchmarks")
    assert result.returncode == 0, result.stdout[-4000:]


def test_mypy_accepts_every_module_of_the_package():
    result = run("mypy")  # files and settings from [tool.mypy] in pyproject.toml
    assert result.returncode == 0, result.stdout[-4000:]

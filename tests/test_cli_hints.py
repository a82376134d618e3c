"""Commands that read a database point a new user at the demo's when only that one exists."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from pipeline.cli import cli


@pytest.mark.parametrize("command", [["status"], ["export"], ["serve"]])
def test_without_db_and_only_the_demo_database_here_the_error_suggests_it(command, demo_db, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "db").mkdir()
    shutil.copy(demo_db, tmp_path / "db" / "demo.db")
    result = CliRunner().invoke(cli, command)
    assert result.exit_code == 2
    assert "--db db/demo.db" in result.output
    assert not (tmp_path / "db" / "pipeline.db").exists()


def test_without_any_database_the_error_says_how_to_make_one(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["status"])
    assert result.exit_code == 2
    assert "run 'pipeline run' first" in result.output

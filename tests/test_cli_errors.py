"""Bad input anywhere: one clear line naming what is wrong, exit code 2, nothing written."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import write_sources

from pipeline.cli import cli

GOOD_URL = "https://news.example/a"


def sources(tmp_path: Path, body: str | None = None) -> Path:
    path = tmp_path / "sources.yaml"
    if body is None:
        write_sources(path, {"one": [GOOD_URL]})
    else:
        path.write_text(body)
    return path


CASES = [
    # (name, args builder, expected text in the error)
    ("missing config file", lambda t: ["run", "--config", str(t / "absent.yaml"), "--db", str(t / "out/x.db")],
     "not found"),
    ("config is a folder", lambda t: ["run", "--config", str(t), "--db", str(t / "out/x.db")], "is a directory"),
    ("unknown story", lambda t: ["run", "--config", str(sources(t)), "--db", str(t / "out/x.db"), "--story", "zz"],
     "unknown story 'zz'"),
    ("empty yaml", lambda t: ["run", "--config", str(sources(t, "")), "--db", str(t / "out/x.db")],
     "expected a mapping with a 'stories' list"),
    ("yaml list instead of mapping", lambda t: ["run", "--config", str(sources(t, "- a\n- b\n")), "--db",
                                                str(t / "out/x.db")], "expected a mapping"),
    ("not yaml at all", lambda t: ["run", "--config", str(sources(t, "stories: [\n")), "--db", str(t / "out/x.db")],
     "YAML syntax error"),
    ("zero concurrency", lambda t: ["run", "--config", str(sources(t)), "--db", str(t / "out/x.db"),
                                    "--concurrency", "0"], "--concurrency"),
    ("negative delay", lambda t: ["run", "--config", str(sources(t)), "--db", str(t / "out/x.db"), "--delay", "-1"],
     "--delay"),
    ("malformed published date", lambda t: ["extract", str(sources(t)), "--published", "07/01/2022"],
     "expected a date as YYYY-MM-DD"),
    ("extract of a missing file", lambda t: ["extract", str(t / "absent.html")], "no such file"),
    ("serve without a database", lambda t: ["serve", "--db", str(t / "out/x.db")], "no database at"),
    ("status without a database", lambda t: ["status", "--db", str(t / "out/x.db")], "no database at"),
    ("export without a database", lambda t: ["export", "--db", str(t / "out/x.db")], "no database at"),
    ("unknown export format", lambda t: ["export", "--db", str(t / "out/x.db"), "--format", "xml"], "--format"),
    ("bad schedule interval", lambda t: ["schedule", "--config", str(sources(t)), "--db", str(t / "out/x.db"),
                                         "--every", "soon"], "cannot read the duration"),
]


@pytest.mark.parametrize("name,args,expected", CASES, ids=[c[0] for c in CASES])
def test_bad_input_gives_one_clear_error_and_exit_2(name, args, expected, tmp_path):
    result = CliRunner().invoke(cli, args(tmp_path))
    assert result.exit_code == 2, result.output
    assert expected in result.output, result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists(), "nothing may be written"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_database_folder_is_a_clear_error(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(stat.S_IRUSR | stat.S_IXUSR)
    result = CliRunner().invoke(cli, ["run", "--config", str(sources(tmp_path)), "--db", str(locked / "x.db"),
                                      "--offline"])
    assert result.exit_code == 1 and "cannot" in result.output


def test_database_path_inside_a_file_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = CliRunner().invoke(cli, ["run", "--config", str(sources(tmp_path)), "--db", str(blocker / "x.db"),
                                      "--offline"])
    assert result.exit_code == 1
    assert "cannot" in result.output and "Traceback" not in result.output


def test_every_command_has_help():
    for command in cli.commands:
        result = CliRunner().invoke(cli, [command, "--help"])
        assert result.exit_code == 0 and "Usage:" in result.output and len(result.output) > 200, command

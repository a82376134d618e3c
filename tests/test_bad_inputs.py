"""Inputs an adversarial tester tried: each gets one clear line and its exit code, and writes nothing.

Every row runs the real command in a subprocess (a hang, a traceback or a memory blow-up
shows as it would to a user), under a 2 GB address-space limit so that an input that
eats memory fails the test instead of the machine.
"""

from __future__ import annotations

import os
import resource
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import write_sources
from readonly import read_only

REPO = Path(__file__).resolve().parents[1]
URL = "https://news.example/a"


def config(tmp: Path, text: str | None = None) -> str:
    path = tmp / "sources.yaml"
    if text is None:
        write_sources(path, {"one": [URL]})
    else:
        path.write_text(text)
    return str(path)


def source_yaml(extra: str = "", urls: str = f"\n        - {URL}") -> str:
    return ("stories:\n  - id: s\n    title: T\n    sources:\n      - id: one\n        name: One\n"
            "        kind: wire\n        country: GB\n        language: en\n"
            f"        urls:{urls}\n{extra}")


def billion_laughs() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\nstories: *i\n"


def foreign_sqlite(tmp: Path) -> str:
    path = tmp / "other.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
        db.execute("INSERT INTO notes (text) VALUES ('mine')")
    db.close()
    return str(path)


def not_sqlite(tmp: Path) -> str:
    path = tmp / "notes.db"
    path.write_text("just some notes, not a database\n" * 40)
    return str(path)


def corrupt_sqlite(tmp: Path) -> str:
    path = Path(foreign_sqlite(tmp))
    data = bytearray(path.read_bytes())
    data[100:] = b"\xff" * (len(data) - 100)  # header intact, every page garbage
    path.write_bytes(bytes(data))
    return str(path)


def run(tmp: Path, *args: str) -> list[str]:
    return ["run", "--config", config(tmp), "--db", str(tmp / "out" / "x.db"), "--offline", *args]


def schedule(tmp: Path, *args: str) -> list[str]:
    return ["schedule", "--config", config(tmp), "--db", str(tmp / "out" / "x.db"), "--offline", *args]


def run_config(tmp: Path, text: str) -> list[str]:
    return ["run", "--config", config(tmp, text), "--db", str(tmp / "out" / "x.db"), "--offline"]


CASES = [
    # (name, argv builder, text expected in the one error line, exit code)
    ("delay inf", lambda t: run(t, "--delay", "inf"), "--delay", 2),
    ("delay nan", lambda t: run(t, "--delay", "nan"), "--delay", 2),
    ("delay of a year", lambda t: run(t, "--delay", "31536000"), "--delay", 2),
    ("max-new negative", lambda t: run(t, "--max-new", "-1"), "--max-new", 2),
    ("contact not ASCII", lambda t: run(t, "--contact", "https://exämple.org/kontakt"), "--contact", 2),
    ("every 10^20 days", lambda t: schedule(t, "--every", "99999999999999999999d", "--runs", "2"), "--every", 2),
    ("jitter 10^20 days", lambda t: schedule(t, "--jitter", "99999999999999999999d", "--runs", "2"), "--jitter", 2),
    ("config is /dev/zero", lambda t: ["run", "--config", "/dev/zero", "--db", str(t / "out" / "x.db")],
     "larger than", 2),
    ("config of 3 MB", lambda t: run_config(t, source_yaml() + "#" * 3_000_000 + "\n"), "larger than", 2),
    ("billion laughs", lambda t: run_config(t, billion_laughs()), "aliases", 2),
    ("nested 10000 deep", lambda t: run_config(t, "stories: " + "[" * 10000 + "]" * 10000 + "\n"), "nested", 2),
    ("duplicate urls key", lambda t: run_config(t, source_yaml("        urls:\n          - https://b.example/x\n")),
     "duplicate key 'urls'", 2),
    ("NUL in a URL", lambda t: run_config(t, source_yaml(urls=' ["https://news.example/a\\0b"]')), "malformed URL", 2),
    ("port 0", lambda t: run_config(t, source_yaml(urls=" [\"https://news.example:0/a\"]")), "malformed URL", 2),
    ("since 2022-13-45", lambda t: run_config(t, source_yaml("        include:\n          since: 2022-13-45\n")),
     "YYYY-MM-DD", 2),
    ("published 2022-02-30", lambda t: run_config(t, source_yaml(f"        published:\n          {URL}: 2022-02-30\n")),
     "YYYY-MM-DD", 2),
    ("status on a text file", lambda t: ["status", "--db", not_sqlite(t)], "not an SQLite database", 2),
    ("status on a corrupt file", lambda t: ["status", "--db", corrupt_sqlite(t)], "not a readable pipeline database",
     2),
    ("status on a foreign SQLite", lambda t: ["status", "--db", foreign_sqlite(t)], "not a pipeline database", 2),
    ("export of a foreign SQLite", lambda t: ["export", "--db", foreign_sqlite(t)], "not a pipeline database", 2),
    ("serve a text file", lambda t: ["serve", "--db", not_sqlite(t)], "not an SQLite database", 2),
    ("serve a foreign SQLite", lambda t: ["serve", "--db", foreign_sqlite(t)], "not a pipeline database", 2),
    ("run on a foreign SQLite", lambda t: ["run", "--config", config(t), "--db", foreign_sqlite(t), "--offline"],
     "not a pipeline database", 2),
    ("demo over a foreign SQLite", lambda t: ["demo", "--no-serve", "--db", foreign_sqlite(t)],
     "not a pipeline database", 2),
    ("run on a text file", lambda t: ["run", "--config", config(t), "--db", not_sqlite(t), "--offline"],
     "not an SQLite database", 2),
]


def tree(root: Path) -> dict[str, tuple[int, int]]:
    """Every file and folder under root with its size and modification time."""
    return {str(p.relative_to(root)): (p.stat().st_size, p.stat().st_mtime_ns) for p in root.rglob("*")}


def limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))


def pipeline(args: list[str], timeout: float = 60) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, env=env,
                          timeout=timeout, preexec_fn=limit_memory, cwd=REPO)


@pytest.mark.parametrize("name,argv,expected,code", CASES, ids=[c[0] for c in CASES])
def test_bad_input_gives_one_line_its_exit_code_and_writes_nothing(name, argv, expected, code, tmp_path):
    args = argv(tmp_path)
    before = tree(tmp_path)
    result = pipeline(args)
    lines = result.stderr.strip().splitlines()
    assert result.returncode == code, result.stderr[-2000:]
    assert len(lines) == 1 and expected in lines[0], result.stderr[-2000:]
    assert tree(tmp_path) == before, "nothing may be written"


def test_run_on_a_read_only_database_is_one_line_and_exit_2(tmp_path, demo_db):
    db = tmp_path / "ro" / "demo.db"
    db.parent.mkdir()
    db.write_bytes(demo_db.read_bytes())
    args = ["run", "--config", config(tmp_path), "--db", str(db), "--offline"]
    with read_only(db):
        before = tree(tmp_path)
        result = pipeline(args)
        assert result.returncode == 2, result.stderr[-2000:]
        [line] = result.stderr.strip().splitlines()
        assert "read-only" in line
        assert tree(tmp_path) == before


def schemaless_wal_file(path: Path) -> Path:
    """What a run killed between switching its new file to WAL and committing the schema leaves."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode = WAL")
    db.close()
    return path


def test_a_run_finishes_the_file_a_run_killed_before_its_schema_left(tmp_path):
    db = schemaless_wal_file(tmp_path / "out" / "x.db")
    result = pipeline(run(tmp_path))  # offline and nothing archived: exit 4, "nothing fetched"
    assert result.returncode == 4, result.stdout[-2000:] + result.stderr[-2000:]
    with sqlite3.connect(db) as check:
        tables = {row[0] for row in check.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        [runs] = check.execute("SELECT count(*) FROM runs").fetchone()
    assert {"stories", "sources", "runs", "documents"} <= tables and runs == 1


def test_status_on_a_file_with_no_table_is_still_not_a_pipeline_database(tmp_path):
    db = schemaless_wal_file(tmp_path / "out" / "x.db")
    result = pipeline(["status", "--db", str(db)])
    assert result.returncode == 2 and "not a pipeline database" in result.stderr

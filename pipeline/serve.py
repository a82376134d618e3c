"""Datasette over a pipeline database, with the project's metadata and views.

The metadata lives in ``pipeline/web/metadata.yaml`` with ``DATABASE`` where the database
name goes; we fill it in for the file being served and hand it to a real ``datasette serve``.
"""

from __future__ import annotations

import contextlib
import json
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from .errors import UsageError
from .web import METADATA, TEMPLATES


def metadata_for(db_path: Path) -> dict:
    """The metadata with this database's name (Datasette names a database after its file)."""
    metadata = _named(yaml.safe_load(METADATA.read_text(encoding="utf-8")), db_path.stem)
    if not isinstance(metadata, dict):
        raise TypeError(f"{METADATA} must hold a mapping")
    return metadata


def _named(value: object, name: str) -> object:
    """``value`` with DATABASE replaced by ``name`` in every key and string, after parsing:
    a file name such as "a: b.db" is data here, never YAML."""
    if isinstance(value, dict):
        return {_named(k, name): _named(v, name) for k, v in value.items()}
    if isinstance(value, list):
        return [_named(v, name) for v in value]
    if isinstance(value, str):
        return value.replace("DATABASE", name)
    return value


def datasette_args(db_path: Path, metadata_path: Path, host: str, port: int, public: bool) -> list[str]:
    args = [sys.executable, "-m", "datasette", "serve", "--host", host, "--port", str(port),
            "--metadata", str(metadata_path),
            # Anonymous visitors' heavy sorts and facets give up after 1 s in public mode, so a
            # few of them cannot starve everyone else's ordinary pages.
            "--setting", "sql_time_limit_ms", "1000" if public else "3000",
            # Facet suggestions re-run a view's whole query once per column: 250 ms → 13 ms at p50.
            "--setting", "suggest_facets", "off"]
    if any(TEMPLATES.glob("*.html")):
        args += ["--template-dir", str(TEMPLATES)]
    # The plugin (pipeline.web.plugin) is loaded through the "datasette" entry point.
    if public:
        # Immutable: opened read-only, never written; no arbitrary SQL from visitors, no
        # download of the whole database (every text, any SQL offline).
        args += ["-i", str(db_path), "--setting", "default_allow_sql", "off", "--setting", "allow_download", "off",
                 "--setting", "facet_time_limit_ms", "200"]
    else:
        args.append(str(db_path))
    return args


INTERRUPTED = 130


def port_is_free(host: str, port: int) -> bool:
    """Whether Datasette could listen there now (checked so that a taken port is one clear line)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def checkpoint(db_path: Path) -> None:
    """Fold the write-ahead log into the file: an immutable open ignores the WAL."""
    with contextlib.closing(sqlite3.connect(db_path)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def serve_database(db_path: Path, host: str = "127.0.0.1", port: int = 8001, public: bool = False) -> int:
    """Run Datasette in the foreground until it stops or we are told to stop; return its exit code.

    SIGTERM (what ``systemctl stop`` and ``kill`` send) and Ctrl-C are passed on to the
    Datasette child, which is waited for, so no server is left holding the port and the
    temporary metadata folder is removed.
    """
    if not db_path.exists():
        raise UsageError(f"no database at {db_path}")
    if port and not port_is_free(host, port):
        raise UsageError(f"port {port} on {host} is already in use: stop what holds it or choose --port")
    if public:
        checkpoint(db_path)
    with tempfile.TemporaryDirectory(prefix="pipeline-serve-") as tmp:
        metadata_path = Path(tmp) / "metadata.json"
        metadata_path.write_text(json.dumps(metadata_for(db_path)), encoding="utf-8")
        mode = ("public: read-only, every write off, database download off, arbitrary SQL off" if public
                else "read-write, SQL on")
        if host not in ("127.0.0.1", "localhost", "::1"):
            mode += f"; listening on {host}: reachable from other machines"
        print(f"Datasette serving {db_path} at http://{host}:{port}/ ({mode}); Ctrl-C to stop", flush=True)
        process = subprocess.Popen(datasette_args(db_path, metadata_path, host, port, public))
        return _wait_forwarding_signals(process)


def _wait_forwarding_signals(process: subprocess.Popen) -> int:
    """Wait for the child; SIGTERM or SIGINT to us is passed on to it, then we wait again."""
    received: list[int] = []

    def forward(signum: int, frame: object) -> None:
        received.append(signum)
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)

    previous = {sig: signal.signal(sig, forward) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        while True:
            try:
                code = process.wait()
                break
            except KeyboardInterrupt:  # a second Ctrl-C raced the handler: still wait
                continue
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    # Stopped on request: 130, as for an interrupted run (Ctrl-C or SIGTERM alike).
    return INTERRUPTED if received else code

"""`pipeline serve` as a process: signals reach Datasette, a taken port is one clear line.

Each test runs the real command in a subprocess against the demo database and a real
Datasette child; nothing is mocked.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import psutil
import pytest
from conftest import free_port

pytestmark = pytest.mark.slow


def start_serve(db: Path, port: int, tmp: Path) -> subprocess.Popen:
    env = dict(os.environ, TMPDIR=str(tmp))  # the temporary metadata folder goes where we can see it
    return subprocess.Popen([sys.executable, "-m", "pipeline", "serve", "--db", str(db), "--port", str(port)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_until_serving(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/-/versions.json", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    raise AssertionError(f"nothing answered on port {port}")


def port_taken(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


@pytest.mark.parametrize("sig, code", [(signal.SIGTERM, 130), (signal.SIGINT, 130)])
def test_a_signal_to_serve_stops_datasette_frees_the_port_and_removes_the_temporary_folder(demo_db, tmp_path,
                                                                                          sig, code):
    port = free_port()
    serve = start_serve(demo_db, port, tmp_path)
    try:
        wait_until_serving(port)
        children = psutil.Process(serve.pid).children(recursive=True)
        assert children, "serve runs Datasette as a child process"
        serve.send_signal(sig)
        assert serve.wait(timeout=30) == code
    finally:
        if serve.poll() is None:
            serve.kill()
    gone, alive = psutil.wait_procs(children, timeout=10)
    assert not alive, f"Datasette left running: {alive}"
    assert not port_taken(port)
    assert not list(tmp_path.glob("pipeline-serve-*")), "temporary metadata folder left behind"


def test_serve_on_a_taken_port_says_so_in_one_line_and_exits_2(demo_db):
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "pipeline", "serve", "--db", str(demo_db), "--port", str(port)],
                                capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(port) in lines[0], result.stderr

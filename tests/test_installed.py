"""pipeline works installed from a wheel, outside the checkout.

A wheel is built from this checkout and installed into a fresh virtualenv in a temporary
folder; every command then runs from another temporary folder, so nothing can be read
from the checkout by accident. The virtualenv reads the dependencies (spaCy, Datasette, ...:
no network here) from the running interpreter's site-packages, but pipeline itself must
come from the wheel: the test checks where it was imported from.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

import httpx
import pytest
from conftest import free_port

REPO = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def venv(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("installed")
    wheels = work / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(wheels), str(REPO)], check=True, cwd=work)
    (wheel,) = wheels.glob("storycompare-*.whl")
    env_dir = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(env_dir)], check=True)
    # The dependencies come from this interpreter's site-packages (a machine install or a
    # virtualenv alike), listed in a .pth file: the folders are searched, but the .pth files
    # inside them (our own editable install's among them) are not run.
    found = subprocess.run([str(env_dir / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                           check=True, capture_output=True, text=True)
    ours = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
    (Path(found.stdout.strip()) / "dependencies.pth").write_text("\n".join(sorted(ours)) + "\n")
    subprocess.run([str(env_dir / "bin" / "python"), "-m", "pip", "install", "-q", "--no-deps",
                    "--no-index", "--force-reinstall", str(wheel)], check=True, cwd=work)
    return env_dir


def run_in(venv: Path, cwd: Path, *args: str, **kwargs) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run([str(venv / "bin" / args[0]), *args[1:]], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=600, **kwargs)


def test_the_installed_package_is_imported_from_the_virtualenv_not_the_checkout(venv, tmp_path):
    found = run_in(venv, tmp_path, "python", "-c", "import pipeline, pipeline.web; print(pipeline.__file__)")
    assert found.returncode == 0, found.stderr
    assert Path(found.stdout.strip()).is_relative_to(venv), found.stdout
    version = run_in(venv, tmp_path, "pipeline", "--version")
    shown = run_in(venv, tmp_path, "python", "-c", "import importlib.metadata as m; print(m.version('storycompare'))")
    assert shown.stdout.strip() in version.stdout


def test_the_trained_claim_model_ships_in_the_wheel(venv, tmp_path):
    """The classifier's weights are package data: without them extraction would quietly run on the rules alone."""
    found = run_in(venv, tmp_path, "python", "-c", "from pipeline.nlp.en.claim_model import MODEL_DIR, classifier; "
                   "print(MODEL_DIR, classifier() is not None)")
    assert found.returncode == 0, found.stderr[-2000:]
    where, loaded = found.stdout.split()
    assert Path(where).is_relative_to(venv) and loaded == "True", found.stdout


def test_demo_extract_and_serve_work_from_the_installed_wheel(venv, tmp_path):
    demo = run_in(venv, tmp_path, "pipeline", "demo", "--no-serve", "--db", "out/demo.db")
    assert demo.returncode == 0, demo.stderr[-2000:]
    assert (tmp_path / "out" / "demo.db").stat().st_size > 0

    page = run_in(venv, tmp_path, "python", "-c",
                  "import pipeline.demo as d, pathlib; print(next(pathlib.Path(d.__file__).parent.glob('pages/*.html')))")
    extracted = run_in(venv, tmp_path, "pipeline", "extract", page.stdout.strip())
    assert extracted.returncode == 0, extracted.stderr[-2000:]
    assert json.loads(extracted.stdout)["figures"], "no figure extracted from a demo page"

    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    server = subprocess.Popen([str(venv / "bin" / "pipeline"), "serve", "--db", "out/demo.db", "--port", str(port)],
                              cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        plugins = _get_json(f"http://127.0.0.1:{port}/-/plugins.json")
        # Datasette names an entry-point plugin after its distribution.
        assert "storycompare" in {p["name"] for p in plugins}
        metadata = _get_json(f"http://127.0.0.1:{port}/-/metadata.json")
        assert metadata.get("title"), "the project's metadata was not served"
    finally:
        server.terminate()
        server.wait(timeout=30)


def _get_json(url: str, timeout: float = 60.0):
    deadline = time.monotonic() + timeout
    while True:
        try:
            response = httpx.get(url, timeout=5)
            response.raise_for_status()
            return response.json()
        except (httpx.HTTPError, ValueError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)

"""Shared fixtures: a loopback news site whose pages can change between runs, a
sources file pointing at it, and fast fetch settings."""

from __future__ import annotations

import json
import socket
import subprocess
import tempfile
import textwrap
import time
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner
from werkzeug.wrappers import Response

from pipeline.cli import cli
from pipeline.fetch import FetchSettings
from pipeline.runner import RunOptions
from pipeline.serve import datasette_args, metadata_for

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def article_page(title: str, paragraphs: list[str], published: str | None = "2022-01-07") -> str:
    """A news page with the chrome real sites have around the article."""
    meta = f'<meta property="article:published_time" content="{published}T10:00:00Z">' if published else ""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return textwrap.dedent(f"""\
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
        <meta property="og:site_name" content="Loopback News">{meta}</head><body>
        <nav><a href="/">Home</a> <a href="/world">World</a><p>Teaser: markets rally on Tuesday</p></nav>
        <div class="cookie-banner">We use cookies to improve your experience.</div>
        <article><h1>{title}</h1>{body}</article>
        <aside><h3>Related articles</h3><p>Another story about something else entirely</p></aside>
        <footer>Loopback News, 1 Example Street. Phone +1 555 0100</footer></body></html>""")


PAGES = {
    "/a": article_page("Toll rises after clashes", [
        "The interior ministry said on Friday that 18 police officers were killed and 748 were injured "
        "in clashes in the city of Almaty since January 5.",
        "According to the ministry, more than 3,800 people were detained across the country as of January 7, 2022. "
        "Officials said hundreds of shops had been looted during the unrest.",
    ]),
    "/b": article_page("Alliance sends troops", [
        "The alliance said it had sent about 2,500 troops to the country on January 6 to guard strategic sites.",
        "The government resigned on January 5 after protests over fuel prices spread from the west of the country, "
        "where the price of gas rose from 60 to 120 tenge per litre on January 1.",
    ]),
    "/c": article_page("Rights group counts the dead", [
        "A rights group said at least 225 people were killed during the unrest, including 19 members of the "
        "security forces, citing figures the prosecutor general gave on January 15.",
        "The group asked for an independent inquiry into the use of lethal force against peaceful protesters "
        "and said thousands of people had been detained.",
    ], published="2022-01-26"),
}


class Site:
    """Pages served on 127.0.0.1; tests change ``pages`` and ``status`` between runs."""

    def __init__(self, server):
        self.server = server
        self.pages: dict[str, str] = dict(PAGES)
        self.status: dict[str, int] = {}
        self.requests: list[tuple[str, dict]] = []
        server.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n")
        for path in ("/a", "/b", "/c", "/d", "/gone"):
            server.expect_request(path).respond_with_handler(self._handler(path))

    def _handler(self, path: str):
        def handle(request):
            self.requests.append((path, dict(request.headers)))
            status = self.status.get(path, 200 if path in self.pages else 404)
            if status != 200:
                return Response("error", status=status)
            return Response(self.pages[path], content_type="text/html; charset=utf-8")
        return handle

    def url(self, path: str) -> str:
        return self.server.url_for(path)


@pytest.fixture
def site(httpserver) -> Site:
    return Site(httpserver)


def write_sources(path: Path, urls: dict[str, list[str]], story: str = "loopback") -> Path:
    """A sources file with one source per key of ``urls`` (all kind 'wire')."""
    lines = ["stories:", f"  - id: {story}", "    title: Loopback story", "    description: test", "    sources:"]
    for source_id, source_urls in urls.items():
        lines += [f"      - id: {source_id}", f"        name: {source_id.title()}", "        kind: wire",
                  "        country: GB", "        language: en", "        allow_private: true", "        urls:"]
        lines += [f"          - {u}" for u in source_urls]
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.fixture
def fast_options(tmp_path) -> RunOptions:
    return RunOptions(archive_dir=tmp_path / "archive", progress=False,
                      fetch=FetchSettings(min_delay=0, concurrency=4, max_retries=1, backoff_base=0.01,
                                          connect_timeout=2, read_timeout=2, deadline=5))


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    """The demo story built once per test session, the way `pipeline demo --no-serve` builds it."""
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    result = CliRunner().invoke(cli, ["demo", "--no-serve", "--db", str(db)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return db


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, db: Path, public: bool = False):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self._tmp = tempfile.TemporaryDirectory()
        meta = Path(self._tmp.name) / "metadata.json"
        meta.write_text(json.dumps(metadata_for(db)))
        self.process = subprocess.Popen(datasette_args(db, meta, "127.0.0.1", self.port, public),
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.base + "/-/versions.json", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("Datasette did not start: " + self.process.stderr.read().decode()[-2000:])

    def get(self, path: str, **params) -> httpx.Response:
        return httpx.get(self.base + path, params=params, timeout=10)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)
        self._tmp.cleanup()


@pytest.fixture(scope="session")
def server(demo_db):
    s = Server(demo_db)
    yield s
    s.stop()

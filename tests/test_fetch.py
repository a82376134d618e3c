"""The fetcher against real HTTP servers on 127.0.0.1: politeness, robots.txt, retries,
limits, content types, conditional GET and redirects."""

from __future__ import annotations

import asyncio
import datetime as dt
import email.utils
import gzip
import threading
import time
from collections.abc import Iterator

import pytest
from pytest_httpserver import HTTPServer
from werkzeug.wrappers import Request, Response

from pipeline import __version__
from pipeline.fetch import Fetcher, FetchRequest, FetchSettings
from pipeline.models import Snapshot

PAGE = "<html><body><p>Hello</p></body></html>"


def settings(**changes: object) -> FetchSettings:
    base: dict = dict(min_delay=0, concurrency=8, max_retries=2, backoff_base=0.01, backoff_max=5, connect_timeout=2,
                      read_timeout=2, deadline=8)
    return FetchSettings(**{**base, **changes})


def fetch(url: str, s: FetchSettings | None = None, **request: object) -> Snapshot:
    async def go() -> Snapshot:
        async with Fetcher(s or settings()) as fetcher:
            return await fetcher.fetch(FetchRequest(url, allow_private=True, **request))
    return asyncio.run(go())


def fetch_all(urls: list[str], s: FetchSettings) -> list[Snapshot]:
    async def go() -> list[Snapshot]:
        async with Fetcher(s) as fetcher:
            return [snap async for snap in fetcher.fetch_many(FetchRequest(u, allow_private=True) for u in urls)]
    return asyncio.run(go())


def start_server(host: str = "127.0.0.1") -> HTTPServer:
    server = HTTPServer(host=host, port=0, threaded=True)  # threaded: concurrency is visible
    server.start()
    return server


@pytest.fixture(scope="module")
def shared_server() -> Iterator[HTTPServer]:
    s = start_server()
    yield s
    s.stop()  # takes 0.5 s: once per module, not per test


@pytest.fixture
def server(shared_server: HTTPServer) -> HTTPServer:
    shared_server.clear()
    return shared_server


class Recorder:
    """A handler that records when each request arrived, and its path and headers."""

    def __init__(self, body: str | bytes = PAGE, content_type: str = "text/html; charset=utf-8", **kw: object):
        self.log: list[tuple[float, str, dict[str, str]]] = []
        self.body, self.content_type, self.kw = body, content_type, kw

    def __call__(self, request: Request) -> Response:
        self.log.append((time.monotonic(), request.path, dict(request.headers)))
        return Response(self.body, content_type=self.content_type, **self.kw)

    @property
    def paths(self) -> list[str]:
        return [path for _, path, _ in self.log]


def robots(server: HTTPServer, text: str = "User-agent: *\nAllow: /\n") -> None:
    server.expect_request("/robots.txt").respond_with_data(text, content_type="text/plain")


# --- politeness --------------------------------------------------------------------


def test_requests_to_one_host_keep_the_minimum_delay_in_server_timestamps(server):
    rec = Recorder()
    server.expect_request("/robots.txt").respond_with_handler(rec)
    for path in ("/1", "/2", "/3"):
        server.expect_request(path).respond_with_handler(rec)
    snaps = fetch_all([server.url_for(p) for p in ("/1", "/2", "/3")], settings(min_delay=0.3))
    assert [s.outcome for s in snaps] == ["fetched"] * 3
    # robots.txt waits its turn like any other request to the host.
    assert rec.paths == ["/robots.txt", "/1", "/2", "/3"]
    times = [t for t, _, _ in rec.log]
    assert min(b - a for a, b in zip(times, times[1:], strict=False)) >= 0.3


def test_two_hosts_are_fetched_in_parallel(server):
    rec = Recorder()
    robots(server)
    server.expect_request("/p").respond_with_handler(rec)
    one = server.url_for("/p")
    other = one.replace("127.0.0.1", "localhost")
    started = time.monotonic()
    snaps = fetch_all([one, one + "?2", other, other + "?2"], settings(min_delay=0.6))
    # Each host: robots.txt, page, page, 0.6 s apart (1.2 s); one after the other it would be 2.4 s.
    assert [s.outcome for s in snaps] == ["fetched"] * 4
    assert time.monotonic() - started < 2.0
    hosts = [headers["Host"].split(":")[0] for _, _, headers in rec.log]
    assert sorted(hosts) == ["127.0.0.1", "127.0.0.1", "localhost", "localhost"]


def test_the_global_concurrency_limit_holds_across_hosts():
    active = peak = 0
    lock = threading.Lock()

    def slow(request: Request) -> Response:
        nonlocal active, peak
        with lock:
            active += 1
            peak = max(peak, active)
        time.sleep(0.3)
        with lock:
            active -= 1
        return Response(PAGE, content_type="text/html")

    servers = [start_server(f"127.0.0.{i}") for i in (1, 2, 3, 4)]
    try:
        for s in servers:
            robots(s)
            s.expect_request("/s").respond_with_handler(slow)
        snaps = fetch_all([s.url_for("/s") for s in servers], settings(concurrency=2))
    finally:
        for s in servers:
            s.stop()
    assert [s.outcome for s in snaps] == ["fetched"] * 4
    assert peak == 2


def test_fetch_many_yields_every_request_once_as_it_completes(server):
    robots(server)
    server.expect_request("/slow").respond_with_handler(lambda r: (time.sleep(0.5), Response(PAGE))[1])
    server.expect_request("/fast").respond_with_data(PAGE, content_type="text/html")
    slow, fast = server.url_for("/slow"), server.url_for("/fast").replace("127.0.0.1", "localhost")
    snaps = fetch_all([slow, fast], settings())
    assert [s.url for s in snaps] == [fast, slow]


# --- robots.txt --------------------------------------------------------------------


def test_robots_disallow_is_recorded_and_the_page_never_requested(server):
    robots(server, "User-agent: *\nDisallow: /private/\n")
    rec = Recorder()
    server.expect_request("/private/x").respond_with_handler(rec)
    snap = fetch(server.url_for("/private/x"))
    assert snap.outcome == "disallowed"
    assert snap.error == f"robots.txt of 127.0.0.1:{server.port} disallows /private/x"
    assert rec.log == []


def test_robots_rules_for_our_agent_name_apply(server):
    robots(server, "User-agent: pipeline\nDisallow: /\n\nUser-agent: *\nAllow: /\n")
    server.expect_request("/a").respond_with_data(PAGE, content_type="text/html")
    assert fetch(server.url_for("/a")).outcome == "disallowed"


def test_robots_txt_is_fetched_once_per_host(server):
    rec = Recorder("User-agent: *\nDisallow: /no\n", content_type="text/plain")
    server.expect_request("/robots.txt").respond_with_handler(rec)
    server.expect_request("/a").respond_with_data(PAGE, content_type="text/html")
    snaps = fetch_all([server.url_for(p) for p in ("/a", "/a?x", "/no", "/a?y")], settings())
    assert sorted(s.outcome for s in snaps) == ["disallowed", "fetched", "fetched", "fetched"]
    assert rec.paths == ["/robots.txt"]


@pytest.mark.parametrize("status", [404, 410])
def test_a_missing_robots_txt_allows_everything(server, status):
    server.expect_request("/robots.txt").respond_with_data("gone", status=status)
    server.expect_request("/a").respond_with_data(PAGE, content_type="text/html")

    async def go() -> tuple[Snapshot, dict]:
        async with Fetcher(settings()) as fetcher:
            return await fetcher.fetch(FetchRequest(server.url_for("/a"), allow_private=True)), fetcher.robots.notes
    snap, notes = asyncio.run(go())
    assert snap.outcome == "fetched" and notes == {}


def test_an_erroring_robots_txt_allows_and_is_noted(server):
    server.expect_request("/robots.txt").respond_with_data("oops", status=503)
    server.expect_request("/a").respond_with_data(PAGE, content_type="text/html")

    async def go() -> tuple[Snapshot, dict]:
        async with Fetcher(settings()) as fetcher:
            return await fetcher.fetch(FetchRequest(server.url_for("/a"), allow_private=True)), fetcher.robots.notes
    snap, notes = asyncio.run(go())
    assert snap.outcome == "fetched"
    assert "HTTP 503" in notes[f"http://127.0.0.1:{server.port}"]


def test_robots_crawl_delay_longer_than_ours_is_honoured(server):
    rec = Recorder()
    robots(server, "User-agent: *\nCrawl-delay: 1\n")
    server.expect_request("/a").respond_with_handler(rec)
    fetch_all([server.url_for("/a"), server.url_for("/a") + "?2"], settings(min_delay=0.1))
    assert rec.log[1][0] - rec.log[0][0] >= 1.0


def test_robots_can_be_ignored_by_setting(server):
    robots(server, "User-agent: *\nDisallow: /\n")
    server.expect_request("/a").respond_with_data(PAGE, content_type="text/html")
    assert fetch(server.url_for("/a"), settings(respect_robots=False)).outcome == "fetched"


# --- retries -----------------------------------------------------------------------


def test_a_503_is_retried_then_succeeds(server):
    robots(server)
    server.expect_oneshot_request("/flaky").respond_with_data("busy", status=503)
    server.expect_oneshot_request("/flaky").respond_with_data(PAGE, content_type="text/html")
    snap = fetch(server.url_for("/flaky"))
    assert snap.outcome == "fetched" and snap.status == 200 and snap.text == PAGE


def retry_after_times(server: HTTPServer, status: int, retry_after: str, s: FetchSettings) -> tuple[Snapshot, float]:
    rec = Recorder()
    robots(server)
    server.expect_oneshot_request("/busy").respond_with_handler(
        lambda r: (rec(r), Response("wait", status=status, headers={"Retry-After": retry_after}))[1])
    server.expect_oneshot_request("/busy").respond_with_handler(rec)
    snap = fetch(server.url_for("/busy"), s)
    return snap, rec.log[1][0] - rec.log[0][0]


@pytest.mark.parametrize("status", [429, 503])
def test_retry_after_seconds_are_honoured(server, status):
    snap, gap = retry_after_times(server, status, "1", settings())
    assert snap.outcome == "fetched" and gap >= 1.0


def test_retry_after_as_an_http_date_is_honoured(server):
    when = dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=2)
    snap, gap = retry_after_times(server, 429, email.utils.format_datetime(when, usegmt=True), settings())
    assert snap.outcome == "fetched" and gap >= 0.9  # the date has whole seconds


def test_retry_after_is_capped_by_backoff_max(server):
    snap, gap = retry_after_times(server, 503, "3600", settings(backoff_max=0.2))
    assert snap.outcome == "fetched" and gap < 1.0


def test_retries_give_up_with_the_status_recorded(server):
    rec = Recorder(status=500)
    robots(server)
    server.expect_request("/down").respond_with_handler(rec)
    snap = fetch(server.url_for("/down"), settings(max_retries=2))
    assert snap.outcome == "http_error" and snap.status == 500
    assert snap.error == f"HTTP 500 from {server.url_for('/down')} (try 3)"
    assert len(rec.log) == 3


def test_a_retry_that_would_pass_the_deadline_is_not_made(server):
    rec = Recorder(status=429, headers={"Retry-After": "5"})
    robots(server)
    server.expect_request("/busy").respond_with_handler(rec)
    started = time.monotonic()
    snap = fetch(server.url_for("/busy"), settings(deadline=1, backoff_max=10))
    assert snap.outcome == "http_error" and snap.status == 429 and "deadline" in snap.error
    assert len(rec.log) == 1 and time.monotonic() - started < 1.0


def test_404_is_an_http_error_and_not_retried(server):
    rec = Recorder(status=404)
    robots(server)
    server.expect_request("/missing").respond_with_handler(rec)
    snap = fetch(server.url_for("/missing"))
    assert (snap.outcome, snap.status) == ("http_error", 404) and len(rec.log) == 1


# --- bodies ------------------------------------------------------------------------


def test_a_declared_oversize_body_is_refused_up_front(server):
    robots(server)
    server.expect_request("/big").respond_with_data("x" * 5000, content_type="text/html")
    snap = fetch(server.url_for("/big"), settings(max_bytes=1000))
    assert snap.outcome == "too_large" and snap.error == "body of 5000 bytes exceeds 1000 bytes"


def test_a_streamed_oversize_body_without_length_is_aborted(server):
    robots(server)
    server.expect_request("/stream").respond_with_handler(
        lambda r: Response((b"x" * 1000 for _ in range(100)), content_type="text/html"))  # chunked
    snap = fetch(server.url_for("/stream"), settings(max_bytes=20_000))
    assert snap.outcome == "too_large" and snap.body == b"" and "20000 bytes" in snap.error


def test_other_content_types_are_skipped_with_the_reason(server):
    robots(server)
    server.expect_request("/doc.pdf").respond_with_data(b"%PDF-1.4", content_type="application/pdf")
    snap = fetch(server.url_for("/doc.pdf"))
    assert snap.outcome == "skipped"
    assert snap.error == "content type application/pdf is not html, xhtml or plain text"


@pytest.mark.parametrize("content_type", ["application/xhtml+xml", "text/plain; charset=utf-8", "TEXT/HTML"])
def test_xhtml_and_plain_text_are_accepted(server, content_type):
    robots(server)
    server.expect_request("/p").respond_with_data(PAGE, content_type=content_type)
    assert fetch(server.url_for("/p")).outcome == "fetched"


def test_a_feed_is_skipped_as_a_page_and_accepted_as_a_feed(server):
    robots(server)
    server.expect_request("/rss").respond_with_data("<rss></rss>", content_type="application/rss+xml")
    assert fetch(server.url_for("/rss")).outcome == "skipped"
    assert fetch(server.url_for("/rss"), feed=True).text == "<rss></rss>"


def test_gzip_bodies_are_decompressed(server):
    robots(server)
    server.expect_request("/gz").respond_with_data(gzip.compress(PAGE.encode()), content_type="text/html",
                                                   headers={"Content-Encoding": "gzip"})
    snap = fetch(server.url_for("/gz"))
    assert snap.text == PAGE and snap.body == PAGE.encode()


def test_windows_1251_page_comes_out_as_correct_text(server):
    body = "<html><head><meta charset='windows-1251'></head><body><p>Чрезвычайное положение</p></body></html>"
    robots(server)
    server.expect_request("/ru").respond_with_data(body.encode("cp1251"), content_type="text/html")
    snap = fetch(server.url_for("/ru"))
    assert "Чрезвычайное положение" in snap.text and snap.encoding == "cp1251"


# --- conditional GET, headers, snapshot fields ---------------------------------------


def test_conditional_get_sends_validators_and_304_is_not_modified(server):
    rec = Recorder(body="", status=304)
    robots(server)
    server.expect_request("/c").respond_with_handler(rec)
    snap = fetch(server.url_for("/c"), etag='"abc"', last_modified="Fri, 07 Jan 2022 10:00:00 GMT")
    assert snap.outcome == "not_modified" and snap.status == 304
    headers = rec.log[0][2]
    assert headers["If-None-Match"] == '"abc"'
    assert headers["If-Modified-Since"] == "Fri, 07 Jan 2022 10:00:00 GMT"


def test_user_agent_names_tool_version_and_contact(server):
    rec = Recorder()
    server.expect_request("/robots.txt").respond_with_handler(rec)
    server.expect_request("/ua").respond_with_handler(rec)
    fetch(server.url_for("/ua"), settings(contact_url="https://example.org/contact"))
    expected = f"pipeline/{__version__} (+https://example.org/contact)"
    assert [headers["User-Agent"] for _, _, headers in rec.log] == [expected, expected]


def test_the_snapshot_records_what_was_sent_and_received(server):
    robots(server)
    server.expect_request("/a").respond_with_data(PAGE, content_type="text/html; charset=utf-8",
                                                  headers={"ETag": '"v1"'})
    before = dt.datetime.now(dt.timezone.utc)
    snap = fetch(server.url_for("/a"), etag='"v0"')
    sent = dict(snap.request_headers)
    assert sent["host"] == f"127.0.0.1:{server.port}" and sent["if-none-match"] == '"v0"'
    assert sent["user-agent"].startswith("pipeline/")
    assert snap.header("ETag") == '"v1"' and snap.content_type == "text/html; charset=utf-8"
    assert snap.fetched_at.tzinfo is not None and snap.fetched_at >= before
    assert snap.encoding == "utf-8" and snap.error is None and snap.elapsed_ms >= 0


# --- redirects ---------------------------------------------------------------------


def test_redirects_are_followed_and_the_final_url_kept(server):
    robots(server)
    server.expect_request("/old").respond_with_data("", status=301, headers={"Location": "/mid#frag"})
    server.expect_request("/mid").respond_with_data("", status=307, headers={"Location": "new"})
    server.expect_request("/new").respond_with_data(PAGE, content_type="text/html")
    snap = fetch(server.url_for("/old"))
    assert snap.outcome == "fetched" and snap.url == server.url_for("/old")
    assert snap.final_url == server.url_for("/new")


def test_a_redirect_loop_is_a_redirect_error(server):
    robots(server)
    server.expect_request("/l1").respond_with_data("", status=302, headers={"Location": "/l2"})
    server.expect_request("/l2").respond_with_data("", status=302, headers={"Location": "/l1"})
    snap = fetch(server.url_for("/l1"))
    assert snap.outcome == "redirect_error" and "loop" in snap.error


def test_too_many_redirects_is_a_redirect_error(server):
    robots(server)
    for i in range(8):
        server.expect_request(f"/r{i}").respond_with_data("", status=302, headers={"Location": f"/r{i + 1}"})
    snap = fetch(server.url_for("/r0"), settings(max_redirects=3))
    assert snap.outcome == "redirect_error" and "more than 3 redirects" in snap.error


def test_a_redirect_into_a_robots_disallowed_path_is_not_followed(server):
    robots(server, "User-agent: *\nDisallow: /private/\n")
    rec = Recorder()
    server.expect_request("/open").respond_with_data("", status=302, headers={"Location": "/private/x"})
    server.expect_request("/private/x").respond_with_handler(rec)
    snap = fetch(server.url_for("/open"))
    assert snap.outcome == "disallowed" and "disallows /private/x" in snap.error and rec.log == []

"""The fetcher against real HTTP servers on 127.0.0.1: politeness, robots, retries,
limits, charsets and conditional GET."""

from __future__ import annotations

import asyncio
import gzip
import time

import pytest
from werkzeug.wrappers import Response

from pipeline import __version__
from pipeline.fetch import Fetcher, FetchRequest, FetchSettings

PAGE = "<html><body><p>Hello</p></body></html>"


def settings(**kw) -> FetchSettings:
    base = dict(min_delay=0, concurrency=8, max_retries=2, backoff_base=0.01, backoff_max=5, connect_timeout=2,
                read_timeout=2, deadline=8)
    base.update(kw)
    return FetchSettings(**base)


def fetch(url: str, s: FetchSettings | None = None, **request) -> "Snapshot":  # noqa: F821
    async def go():
        async with Fetcher(s or settings()) as f:
            return await f.fetch(FetchRequest(url, allow_private=True, **request))
    return asyncio.run(go())


def fetch_all(urls: list[str], s: FetchSettings) -> list:
    async def go():
        async with Fetcher(s) as f:
            return [snap async for snap in f.fetch_many(FetchRequest(u, allow_private=True) for u in urls)]
    return asyncio.run(go())


class Recorder:
    """A handler that records when each request arrived."""

    def __init__(self, body=PAGE, **kw):
        self.times: list[float] = []
        self.headers: list[dict] = []
        self.body, self.kw = body, kw

    def __call__(self, request):
        self.times.append(time.monotonic())
        self.headers.append(dict(request.headers))
        return Response(self.body, content_type="text/html; charset=utf-8", **self.kw)


def test_requests_to_one_host_keep_the_minimum_delay_in_server_timestamps(httpserver):
    rec = Recorder()
    for path in ("/1", "/2", "/3"):
        httpserver.expect_request(path).respond_with_handler(rec)
    snaps = fetch_all([httpserver.url_for(p) for p in ("/1", "/2", "/3")], settings(min_delay=0.3))
    assert all(s.outcome == "fetched" for s in snaps)
    gaps = [b - a for a, b in zip(rec.times, rec.times[1:])]
    assert len(gaps) == 2 and min(gaps) >= 0.29


def test_two_hosts_are_fetched_in_parallel(httpserver):
    rec = Recorder()
    httpserver.expect_request("/p").respond_with_handler(rec)
    one = httpserver.url_for("/p")
    other = one.replace("localhost", "127.0.0.1")
    started = time.monotonic()
    fetch_all([one, one + "?2", other, other + "?2"], settings(min_delay=0.5))
    # Per host: two requests 0.5 s apart; in parallel the whole takes ~0.5 s, not ~1.5 s.
    assert time.monotonic() - started < 1.3


def test_the_global_concurrency_limit_holds(httpserver):
    active, peak = 0, 0
    import threading
    lock = threading.Lock()

    def slow(request):
        nonlocal active, peak
        with lock:
            active += 1
            peak = max(peak, active)
        time.sleep(0.2)
        with lock:
            active -= 1
        return Response(PAGE, content_type="text/html")

    httpserver.expect_request("/s").respond_with_handler(slow)
    base = httpserver.url_for("/s")
    hosts = [base, base.replace("localhost", "127.0.0.1"), base.replace("localhost", "127.0.0.2"),
             base.replace("localhost", "127.0.0.3")]
    fetch_all(hosts, settings(concurrency=2))
    assert peak == 2


def test_robots_disallow_is_recorded_and_the_page_never_requested(httpserver):
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /private/\n")
    rec = Recorder()
    httpserver.expect_request("/private/x").respond_with_handler(rec)
    snap = fetch(httpserver.url_for("/private/x"))
    assert snap.outcome == "disallowed" and "robots.txt" in snap.error
    assert rec.times == []


def test_a_503_is_retried_then_succeeds(httpserver):
    httpserver.expect_ordered_request("/flaky").respond_with_data("busy", status=503)
    httpserver.expect_ordered_request("/flaky").respond_with_data(PAGE, content_type="text/html")
    snap = fetch(httpserver.url_for("/flaky"))
    assert snap.outcome == "fetched" and snap.status == 200


@pytest.mark.parametrize("status", [429, 503])
def test_retry_after_is_honoured(httpserver, status):
    rec_times = []

    def first(request):
        rec_times.append(time.monotonic())
        return Response("wait", status=status, headers={"Retry-After": "1"})

    def second(request):
        rec_times.append(time.monotonic())
        return Response(PAGE, content_type="text/html")

    httpserver.expect_ordered_request("/busy").respond_with_handler(first)
    httpserver.expect_ordered_request("/busy").respond_with_handler(second)
    snap = fetch(httpserver.url_for("/busy"))
    assert snap.outcome == "fetched"
    assert rec_times[1] - rec_times[0] >= 0.95


def test_retries_give_up_with_the_status_recorded(httpserver):
    httpserver.expect_request("/down").respond_with_data("no", status=500)
    snap = fetch(httpserver.url_for("/down"), settings(max_retries=1))
    assert snap.outcome == "http_error" and snap.status == 500 and "500" in snap.error


def test_a_declared_oversize_body_is_refused_up_front(httpserver):
    httpserver.expect_request("/big").respond_with_data("x" * 5000, content_type="text/html")
    snap = fetch(httpserver.url_for("/big"), settings(max_bytes=1000))
    assert snap.outcome == "too_large"


def test_a_streamed_oversize_body_is_aborted(httpserver):
    def stream(request):
        return Response((b"x" * 1000 for _ in range(100)), content_type="text/html")  # chunked, no length

    httpserver.expect_request("/stream").respond_with_handler(stream)
    snap = fetch(httpserver.url_for("/stream"), settings(max_bytes=20_000))
    assert snap.outcome == "too_large" and snap.body == b""


def test_other_content_types_are_skipped_with_the_reason(httpserver):
    httpserver.expect_request("/doc.pdf").respond_with_data(b"%PDF-1.4", content_type="application/pdf")
    snap = fetch(httpserver.url_for("/doc.pdf"))
    assert snap.outcome == "skipped" and "application/pdf" in snap.error


def test_conditional_get_sends_validators_and_304_is_not_modified(httpserver):
    rec = Recorder(body="", status=304)
    httpserver.expect_request("/c").respond_with_handler(rec)
    snap = fetch(httpserver.url_for("/c"), etag='"abc"', last_modified="Fri, 07 Jan 2022 10:00:00 GMT")
    assert snap.outcome == "not_modified"
    assert rec.headers[0]["If-None-Match"] == '"abc"'
    assert rec.headers[0]["If-Modified-Since"] == "Fri, 07 Jan 2022 10:00:00 GMT"


def test_user_agent_names_tool_version_and_contact(httpserver):
    rec = Recorder()
    httpserver.expect_request("/ua").respond_with_handler(rec)
    fetch(httpserver.url_for("/ua"), settings(contact_url="https://example.org/contact"))
    agent = rec.headers[0]["User-Agent"]
    assert "pipeline" in agent and __version__ in agent and "https://example.org/contact" in agent


def test_windows_1251_page_comes_out_as_correct_text(httpserver):
    body = "<html><head><meta charset='windows-1251'></head><body><p>Чрезвычайное положение</p></body></html>"
    httpserver.expect_request("/ru").respond_with_data(body.encode("cp1251"), content_type="text/html")
    snap = fetch(httpserver.url_for("/ru"))
    assert "Чрезвычайное положение" in snap.text and snap.encoding == "cp1251"


def test_gzip_bodies_are_decompressed(httpserver):
    httpserver.expect_request("/gz").respond_with_data(gzip.compress(PAGE.encode()), content_type="text/html",
                                                       headers={"Content-Encoding": "gzip"})
    assert fetch(httpserver.url_for("/gz")).text == PAGE


def test_404_is_an_http_error_with_its_status(httpserver):
    httpserver.expect_request("/missing").respond_with_data("nope", status=404)
    snap = fetch(httpserver.url_for("/missing"))
    assert (snap.outcome, snap.status) == ("http_error", 404)


def test_redirects_are_followed_and_the_final_url_kept(httpserver):
    httpserver.expect_request("/old").respond_with_data("", status=301, headers={"Location": "/new"})
    httpserver.expect_request("/new").respond_with_data(PAGE, content_type="text/html")
    snap = fetch(httpserver.url_for("/old"))
    assert snap.outcome == "fetched" and snap.final_url.endswith("/new") and snap.url.endswith("/old")


def test_a_redirect_loop_is_a_redirect_error(httpserver):
    httpserver.expect_request("/l1").respond_with_data("", status=302, headers={"Location": "/l2"})
    httpserver.expect_request("/l2").respond_with_data("", status=302, headers={"Location": "/l1"})
    snap = fetch(httpserver.url_for("/l1"))
    assert snap.outcome == "redirect_error" and "loop" in snap.error


def test_too_many_redirects_is_a_redirect_error(httpserver):
    for i in range(8):
        httpserver.expect_request(f"/r{i}").respond_with_data("", status=302, headers={"Location": f"/r{i + 1}"})
    snap = fetch(httpserver.url_for("/r0"), settings(max_redirects=3))
    assert snap.outcome == "redirect_error" and "more than 3 redirects" in snap.error

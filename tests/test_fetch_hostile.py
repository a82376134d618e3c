"""The fetcher against servers that misbehave: drip, stall, reset, redirect to private
addresses, bomb, lie about content; every case ends as a Snapshot with the reason."""

from __future__ import annotations

import asyncio
import gzip
import socket
import struct
import threading
import time
from collections.abc import Callable, Iterator

import pytest

from pipeline.fetch import Fetcher, FetchRequest, FetchSettings
from pipeline.models import Snapshot

Handler = Callable[[socket.socket, str, threading.Event], None]


class RawServer:
    """A TCP server on 127.0.0.1 that hands each connection and its request line to
    ``handle(conn, request_line, stopping)`` in a thread; it speaks HTTP as badly as asked."""

    def __init__(self, handle: Handler):
        self.handle = handle
        self.requests: list[str] = []
        self.stopping = threading.Event()
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.1)
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def _serve(self) -> None:
        while not self.stopping.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return  # closed
            threading.Thread(target=self._run, args=(conn,), daemon=True).start()

    def _run(self, conn: socket.socket) -> None:
        with conn:
            head = b""
            while b"\r\n\r\n" not in head:
                data = conn.recv(4096)
                if not data:
                    return
                head += data
            line = head.split(b"\r\n", 1)[0].decode()
            self.requests.append(line)
            try:
                self.handle(conn, line, self.stopping)
            except OSError:
                pass  # the client gave up, as it should

    def close(self) -> None:
        self.stopping.set()
        self.sock.close()


@pytest.fixture
def raw() -> Iterator[Callable[[Handler], RawServer]]:
    servers: list[RawServer] = []

    def start(handle: Handler) -> RawServer:
        servers.append(RawServer(handle))
        return servers[-1]
    yield start
    for server in servers:
        server.close()


def respond(body: bytes, status: str = "200 OK", headers: str = "Content-Type: text/html\r\n") -> Handler:
    def handle(conn: socket.socket, line: str, stopping: threading.Event) -> None:
        conn.sendall(f"HTTP/1.1 {status}\r\n{headers}Content-Length: {len(body)}\r\n"
                     "Connection: close\r\n\r\n".encode() + body)
    return handle


def settings(**changes: object) -> FetchSettings:
    base: dict = dict(min_delay=0, max_retries=1, backoff_base=0.01, connect_timeout=1, read_timeout=2, deadline=3,
                      respect_robots=False)
    return FetchSettings(**{**base, **changes})


def fetch(url: str, s: FetchSettings | None = None, allow_private: bool = True) -> Snapshot:
    async def go() -> Snapshot:
        async with Fetcher(s or settings()) as fetcher:
            return await fetcher.fetch(FetchRequest(url, allow_private=allow_private))
    # A guard for the test itself: a broken deadline must fail here, not hang the suite.
    return asyncio.run(asyncio.wait_for(go(), 10))


# --- slow and broken servers -------------------------------------------------------


def test_a_server_dripping_one_byte_a_second_ends_as_timeout_within_the_deadline(raw):
    def drip(conn: socket.socket, line: str, stopping: threading.Event) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 6\r\n\r\n")
        for _ in range(6):  # each byte comes well within the read timeout; all of them in 6 s
            if stopping.wait(1.0):
                return
            conn.sendall(b"x")

    server = raw(drip)
    started = time.monotonic()
    snap = fetch(server.url(), settings(deadline=2, read_timeout=5))
    assert snap.outcome == "timeout" and "2 s deadline" in snap.error
    assert time.monotonic() - started < 2 + 2
    assert len(server.requests) == 1  # a stalling server is not asked again


def test_a_server_that_never_answers_ends_as_timeout(raw):
    server = raw(lambda conn, line, stopping: stopping.wait(10))
    started = time.monotonic()
    snap = fetch(server.url(), settings(read_timeout=0.5))
    assert snap.outcome == "timeout" and "no data" in snap.error
    assert time.monotonic() - started < 2


def test_a_connection_reset_mid_body_is_a_network_error_after_retries(raw):
    def reset(conn: socket.socket, line: str, stopping: threading.Event) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000\r\n\r\n<html><p>")
        time.sleep(0.05)
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # close sends RST

    server = raw(reset)
    snap = fetch(server.url(), settings(max_retries=2))
    assert snap.outcome == "network_error" and "(try 3)" in snap.error
    assert len(server.requests) == 3


def test_a_refused_connection_is_a_network_error():
    with socket.create_server(("127.0.0.1", 0)) as placeholder:
        port = placeholder.getsockname()[1]
    snap = fetch(f"http://127.0.0.1:{port}/", settings(max_retries=1))
    assert snap.outcome == "network_error" and "ConnectError" in snap.error


def test_a_server_speaking_garbage_is_a_network_error(raw):
    server = raw(lambda conn, line, stopping: conn.sendall(b"SSH-2.0-OpenSSH_9.0\r\n\r\n"))
    assert fetch(server.url()).outcome == "network_error"


# --- private addresses and schemes -------------------------------------------------


@pytest.mark.parametrize("target, reason", [
    ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a private or reserved address"),
    ("http://10.0.0.1/admin", "10.0.0.1 is a private or reserved address"),
    ("http://[::ffff:10.0.0.1]/", "::ffff:10.0.0.1 is a private or reserved address"),
    ("file:///etc/passwd", "only http(s) URLs"),
])
def test_a_redirect_to_a_private_address_or_another_scheme_is_refused(raw, target, reason):
    server = raw(respond(b"", "302 Found", f"Location: {target}\r\n"))
    started = time.monotonic()
    snap = fetch(server.url("/start"))
    assert snap.outcome == "redirect_error" and reason in snap.error
    # Refused before connecting: connecting to 10.0.0.1 would take the 1 s connect timeout.
    assert time.monotonic() - started < 0.5


def test_a_redirect_to_a_name_resolving_to_loopback_is_refused_without_requesting_it(raw):
    server = raw(respond(b"secret"))
    hop = raw(respond(b"", "302 Found", f"Location: http://localhost:{server.port}/secret\r\n"))
    snap = fetch(hop.url("/start"))
    assert snap.outcome == "redirect_error" and "localhost is a private or reserved address" in snap.error
    assert server.requests == []


def test_a_redirect_within_the_trusted_private_host_is_followed(raw):
    server = raw(lambda conn, line, stopping: respond(b"<p>ok</p>")(conn, line, stopping) if "/new" in line
                 else respond(b"", "301 Moved", "Location: /new\r\n")(conn, line, stopping))
    snap = fetch(server.url("/old"))
    assert snap.outcome == "fetched" and snap.final_url == server.url("/new")


def test_a_private_first_url_is_disallowed_unless_allowed_and_never_requested(raw):
    server = raw(respond(b"<p>intranet</p>"))
    snap = fetch(server.url(), allow_private=False)
    assert snap.outcome == "disallowed" and "allow_private" in snap.error and "127.0.0.1" in snap.error
    assert server.requests == []


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "http://exa mple.org/"])
def test_a_first_url_that_is_not_http_is_disallowed(url):
    snap = fetch(url, allow_private=False)
    assert snap.outcome == "disallowed" and "only http(s) URLs" in snap.error


# --- bodies that lie ---------------------------------------------------------------


def test_a_gzip_bomb_is_too_large(raw):
    bomb = gzip.compress(b" " * 50_000_000, compresslevel=9)  # ~50 KB on the wire
    server = raw(respond(bomb, headers="Content-Type: text/html\r\nContent-Encoding: gzip\r\n"))
    started = time.monotonic()
    snap = fetch(server.url(), settings(max_bytes=1_000_000))
    assert len(bomb) < 1_000_000
    assert snap.outcome == "too_large" and snap.body == b"" and time.monotonic() - started < 2


def test_a_corrupt_gzip_body_is_a_network_error(raw):
    server = raw(respond(b"\x1f\x8b\x08\x00garbage-not-deflate" * 10,
                         headers="Content-Type: text/html\r\nContent-Encoding: gzip\r\n"))
    snap = fetch(server.url())
    assert snap.outcome == "network_error" and "corrupt" in snap.error


def test_an_unsupported_content_encoding_is_skipped(raw):
    server = raw(respond(b"\x8b\x02\x80", headers="Content-Type: text/html\r\nContent-Encoding: br\r\n"))
    snap = fetch(server.url())
    assert snap.outcome == "skipped" and "content encoding br" in snap.error


@pytest.mark.parametrize("body", [b"\x00\x01\x02\x03binary" * 100, b"\x89PNG\r\n\x1a\n" + b"IHDR" * 10])
def test_binary_served_as_text_html_is_skipped(raw, body):
    server = raw(respond(body))
    snap = fetch(server.url())
    assert snap.outcome == "skipped" and "binary" in snap.error and snap.text is None


def test_utf16_with_a_bom_is_not_mistaken_for_binary(raw):
    server = raw(respond("<p>Алматы</p>".encode("utf-16")))
    snap = fetch(server.url())
    assert snap.outcome == "fetched" and snap.text == "<p>Алматы</p>"


def test_an_empty_200_is_fetched_with_empty_text(raw):
    server = raw(respond(b""))
    snap = fetch(server.url())
    assert (snap.outcome, snap.status, snap.text, snap.body) == ("fetched", 200, "", b"")


def test_a_body_without_content_type_is_read(raw):
    server = raw(respond(b"<p>no type</p>", headers=""))
    assert fetch(server.url()).text == "<p>no type</p>"


def test_deeply_nested_malformed_html_decodes_fine(raw):
    body = ("<div><span><b>" * 20_000 + "<p>Almaty</i></td>&#xZZ;<<>>" + "</b>" * 7).encode() + b"\xff\xfe stray"
    server = raw(respond(body, headers="Content-Type: text/html; charset=utf-8\r\n"))
    snap = fetch(server.url())
    assert snap.outcome == "fetched" and "<p>Almaty</i>" in snap.text and len(snap.body) == len(body)

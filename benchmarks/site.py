"""A loopback news site on many hosts (127.0.0.2, 127.0.0.3 …) with simulated latency.

Each host is a real HTTP server on its own loopback address, so the fetcher treats
each as a distinct site for politeness. Pages carry an ETag and answer a matching
``If-None-Match`` with 304, as real news sites do. Only 127.0.0.0/8 is ever bound.
"""

from __future__ import annotations

import hashlib
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import cast

from .corpus import Corpus, Page, page_html, site_name

ROBOTS = b"User-agent: *\nAllow: /\n"


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128


class Site:
    """``with Site(corpus, hosts=25, latency=0.05) as site: site.url(page)``."""

    def __init__(self, corpus: Corpus, hosts: int = 25, latency: float = 0.05, first_address: int = 2):
        if first_address < 1 or first_address + hosts > 255:
            raise ValueError("hosts must fit in 127.0.0.1–127.0.0.254")
        self.latency = latency
        self.hosts = [f"127.0.0.{first_address + i}" for i in range(hosts)]
        self.port = 0
        self._pages: dict[tuple[str, str], tuple[bytes, str]] = {}
        self._lock = threading.Lock()
        self.requests = 0
        self.not_modified = 0
        self._servers: list[_Server] = []
        self._threads: list[threading.Thread] = []
        for page in corpus.pages:
            self.put(page)

    # --- content -------------------------------------------------------------------

    def host_of(self, page: Page) -> str:
        return self.hosts[page.host % len(self.hosts)]

    def url(self, page: Page) -> str:
        return f"http://{self.host_of(page)}:{self.port}{page.path}"

    def put(self, page: Page) -> None:
        body = page_html(page, site_name(page.host)).encode("utf-8")
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        with self._lock:
            self._pages[(self.host_of(page), page.path)] = (body, etag)

    def lookup(self, host: str, path: str) -> tuple[bytes, str] | None:
        with self._lock:
            self.requests += 1
            return self._pages.get((host, path))

    # --- servers -------------------------------------------------------------------

    def __enter__(self) -> Site:
        self.port = _free_port(self.hosts[0])
        handler = _handler_for(self)
        for host in self.hosts:
            server = _Server((host, self.port), handler)
            thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True)
            thread.start()
            self._servers.append(server)
            self._threads.append(thread)
        return self

    def __exit__(self, *exc: object) -> None:
        for server in self._servers:
            server.shutdown()
            server.server_close()
        for thread in self._threads:
            thread.join(timeout=5)


def _free_port(host: str) -> int:
    with socket.socket() as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


def _handler_for(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # quiet
            pass

        def do_GET(self) -> None:
            if site.latency:
                time.sleep(site.latency)
            host = str(cast(tuple, self.server.server_address)[0])  # an (address, port) pair
            if self.path == "/robots.txt":
                site.lookup(host, self.path)
                self._send(200, ROBOTS, "text/plain; charset=utf-8")
                return
            found = site.lookup(host, self.path)
            if found is None:
                self._send(404, b"not found", "text/plain; charset=utf-8")
                return
            body, etag = found
            if self.headers.get("If-None-Match") == etag:
                with site._lock:
                    site.not_modified += 1
                self._send(304, b"", None, etag)
                return
            self._send(200, body, "text/html; charset=utf-8", etag)

        def _send(self, status: int, body: bytes, content_type: str | None, etag: str | None = None) -> None:
            self.send_response(status)
            if content_type:
                self.send_header("Content-Type", content_type)
            if etag:
                self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if body:
                self.wfile.write(body)

    return Handler

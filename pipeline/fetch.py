"""The only network code: a polite, bounded, never-raising HTTP fetcher.

Every fetch ends as a :class:`~pipeline.models.Snapshot` whose ``outcome`` is one of:

    fetched          200 with an accepted body (html, xhtml, plain text; feeds on request)
    not_modified     304 to our conditional GET
    disallowed       robots.txt forbids it, or the host is private and the source not allowed
    skipped          the content type (or a binary body) is not something we read
    too_large        the body (declared or streamed, after decompression) exceeds max_bytes
    http_error       4xx (429 after retries is also here) or 5xx after retries
    network_error    connection refused/reset, DNS failure … after retries
    timeout          the per-request deadline passed (a server that drips or never answers)
    redirect_error   a loop, too many hops, another scheme or a private address

Politeness: one request at a time per host with ``min_delay`` seconds between the end
of one and the start of the next; at most ``concurrency`` requests in flight overall;
robots.txt read once per host.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import email.utils
import ipaddress
import random
import socket
import time
import zlib
from collections import defaultdict
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass, field, replace
from urllib.parse import urljoin, urlsplit

import httpx

from . import __version__
from .charset import decode_body
from .models import Snapshot
from .robots import RobotsCache

HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/rdf+xml")
REDIRECTS = (301, 302, 303, 307, 308)


@dataclass
class FetchSettings:
    min_delay: float = 1.0
    concurrency: int = 8
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    deadline: float = 60.0
    max_retries: int = 3
    backoff_base: float = 0.5
    backoff_max: float = 30.0
    max_redirects: int = 5
    max_bytes: int = 10 * 1024 * 1024
    user_agent: str | None = None
    contact_url: str = "https://github.com/pipeline-news/pipeline"
    respect_robots: bool = True

    @property
    def agent(self) -> str:
        return self.user_agent or f"pipeline/{__version__} (+{self.contact_url})"


@dataclass(frozen=True)
class FetchRequest:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    # The source lives on a private or loopback address on purpose (an intranet, a test).
    # Redirects may then stay on that host, never go to another private address.
    allow_private: bool = False
    feed: bool = False  # accept RSS/Atom/XML instead of pages


class _Refused(Exception):
    def __init__(self, outcome: str, reason: str):
        super().__init__(reason)
        self.outcome = outcome


@dataclass
class _Host:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    next_start: float = 0.0


def _is_private(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    return not ip.is_global or ip.is_multicast


class Fetcher:
    """Use as ``async with Fetcher(settings) as f``."""

    def __init__(self, settings: FetchSettings | None = None):
        self.settings = settings or FetchSettings()
        self._hosts: dict[str, _Host] = defaultdict(_Host)
        self._slots = asyncio.Semaphore(self.settings.concurrency)
        self._client: httpx.AsyncClient | None = None
        self.robots = RobotsCache(self._get_robots, self.settings.agent)

    async def __aenter__(self) -> Fetcher:
        s = self.settings
        self._client = httpx.AsyncClient(
            follow_redirects=False,
            timeout=httpx.Timeout(connect=s.connect_timeout, read=s.read_timeout, write=s.read_timeout,
                                  pool=s.deadline),
            limits=httpx.Limits(max_connections=max(s.concurrency, 1) * 2),
            headers={"User-Agent": s.agent, "Accept-Encoding": "gzip, deflate"},
            trust_env=False,
        )
        return self

    async def __aexit__(self, *exc) -> None:
        if self._client is not None:
            await self._client.aclose()

    # --- public ----------------------------------------------------------------------

    async def fetch(self, request: FetchRequest) -> Snapshot:
        started = time.monotonic()
        try:
            async with asyncio.timeout(self.settings.deadline):
                snapshot = await self._fetch(request)
        except TimeoutError:
            snapshot = Snapshot(url=request.url, outcome="timeout",
                                error=f"no complete answer within {self.settings.deadline:g} s")
        except _Refused as refused:
            snapshot = Snapshot(url=request.url, outcome=refused.outcome, error=str(refused))
        elapsed = int((time.monotonic() - started) * 1000)
        return _with(snapshot, elapsed_ms=elapsed, fetched_at=snapshot.fetched_at or _now())

    async def fetch_many(self, requests: Iterable[FetchRequest]) -> AsyncIterator[Snapshot]:
        """Fetch all, one host at a time each; yield snapshots as they complete."""
        by_host: dict[str, list[FetchRequest]] = defaultdict(list)
        for request in requests:
            by_host[_host_key(request.url)].append(request)
        done: asyncio.Queue[Snapshot | None] = asyncio.Queue()

        async def work(queue: list[FetchRequest]) -> None:
            try:
                for request in queue:
                    await done.put(await self.fetch(request))
            finally:
                await done.put(None)

        workers = [asyncio.create_task(work(queue)) for queue in by_host.values()]
        remaining = len(workers)
        try:
            while remaining:
                item = await done.get()
                if item is None:
                    remaining -= 1
                else:
                    yield item
        finally:
            for worker in workers:
                worker.cancel()

    # --- one URL ---------------------------------------------------------------------

    async def _fetch(self, request: FetchRequest) -> Snapshot:
        origin = urlsplit(request.url).hostname or ""
        await self._check_address(request.url, request.allow_private, origin, first=True)
        if self.settings.respect_robots:
            allowed, reason = await self.robots.allowed(request.url, request.allow_private)
            if not allowed:
                return Snapshot(url=request.url, outcome="disallowed", error=reason)
        url, seen = request.url, [request.url]
        for _ in range(self.settings.max_redirects + 1):
            snapshot = await self._attempts(request, url)
            if snapshot.status not in REDIRECTS:
                return _with(snapshot, url=request.url, final_url=url)
            location = snapshot.header("location")
            if not location:
                return _with(snapshot, url=request.url, outcome="http_error",
                             error=f"redirect {snapshot.status} without a Location header")
            target = urljoin(url, location)
            if target in seen:
                raise _Refused("redirect_error", f"redirect loop: {target} was already visited")
            await self._check_address(target, request.allow_private, origin, first=False)
            seen.append(target)
            url = target
        raise _Refused("redirect_error", f"more than {self.settings.max_redirects} redirects")

    async def _check_address(self, url: str, allow_private: bool, origin: str, first: bool) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            outcome = "disallowed" if first else "redirect_error"
            raise _Refused(outcome, f"refusing {url}: only http and https URLs are fetched")
        host = parts.hostname
        try:
            addresses = {ipaddress.ip_address(host).compressed}
        except ValueError:
            try:
                infos = await asyncio.get_running_loop().getaddrinfo(host, parts.port or 80,
                                                                     type=socket.SOCK_STREAM)
            except socket.gaierror as exc:
                raise _Refused("network_error", f"cannot resolve {host}: {exc.strerror}") from None
            addresses = {info[4][0] for info in infos}
        private = [a for a in addresses if _is_private(a)]
        if not private:
            return
        if allow_private and (first or host == origin):
            return
        if first:
            raise _Refused("disallowed", f"{host} is a private address ({private[0]}); set allow_private: true "
                                         "on the source if it is meant to be fetched")
        raise _Refused("redirect_error", f"refusing a redirect to {url}: {host} is a private address ({private[0]})")

    async def _attempts(self, request: FetchRequest, url: str) -> Snapshot:
        """One URL with retries on connection errors, 5xx and 429."""
        attempt = 0
        while True:
            try:
                snapshot = await self._polite(lambda: self._once(request, url), url)
            except httpx.TimeoutException as exc:
                snapshot = Snapshot(url=url, outcome="timeout", error=f"{type(exc).__name__} on {url}")
            except httpx.TransportError as exc:
                snapshot = Snapshot(url=url, outcome="network_error", error=f"{type(exc).__name__}: {exc or url}")
            retryable = snapshot.outcome in ("network_error", "timeout") or snapshot.status == 429 or (
                snapshot.status is not None and snapshot.status >= 500)
            if not retryable or attempt >= self.settings.max_retries:
                return snapshot
            await asyncio.sleep(self._backoff(attempt, snapshot.header("retry-after")))
            attempt += 1

    def _backoff(self, attempt: int, retry_after: str | None) -> float:
        s = self.settings
        wait = s.backoff_base * (2 ** attempt) * (0.5 + random.random())
        if retry_after:
            wait = max(wait, _retry_after_seconds(retry_after))
        return min(wait, s.backoff_max)

    async def _polite(self, send, url: str):
        """Run ``send`` when this host's turn comes and a global slot is free."""
        host = self._hosts[_host_key(url)]
        async with host.lock:
            pause = host.next_start - time.monotonic()
            if pause > 0:
                await asyncio.sleep(pause)
            try:
                async with self._slots:
                    return await send()
            finally:
                host.next_start = time.monotonic() + self.settings.min_delay

    async def _once(self, request: FetchRequest, url: str) -> Snapshot:
        headers = {"Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5"
                   if request.feed else "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5"}
        if request.etag:
            headers["If-None-Match"] = request.etag
        if request.last_modified:
            headers["If-Modified-Since"] = request.last_modified
        sent = tuple({"User-Agent": self.settings.agent, **headers}.items())
        fetched_at = _now()
        async with self._client.stream("GET", url, headers=headers) as response:
            base = Snapshot(url=url, outcome="fetched", status=response.status_code,
                            headers=tuple(response.headers.items()), fetched_at=fetched_at,
                            request_headers=sent, content_type=response.headers.get("content-type"))
            if response.status_code == 304:
                return _with(base, outcome="not_modified")
            if response.status_code in REDIRECTS:
                return base
            if response.status_code >= 400:
                return _with(base, outcome="http_error", error=f"HTTP {response.status_code} from {url}")
            if response.status_code != 200:
                return _with(base, outcome="http_error",
                             error=f"HTTP {response.status_code} from {url}: expected 200")
            kind = (base.content_type or "").split(";")[0].strip().lower()
            accepted = HTML_TYPES + (FEED_TYPES if request.feed else ())
            if kind and kind not in accepted:
                return _with(base, outcome="skipped",
                             error=f"content type {kind} is not {'a feed, ' if request.feed else ''}"
                                   "html, xhtml or plain text")
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > self.settings.max_bytes:
                return _with(base, outcome="too_large",
                             error=f"body of {declared} bytes exceeds {self.settings.max_bytes} bytes")
            body = await self._read_body(response)
        if body is None:
            return _with(base, outcome="too_large", error=f"body exceeds {self.settings.max_bytes} bytes")
        if b"\x00" in body[:2048] and not body.startswith((b"\xff\xfe", b"\xfe\xff")):
            return _with(base, outcome="skipped", body=b"",
                         error="the body is binary (NUL bytes), not text, whatever its content type says")
        text, encoding = decode_body(body, base.content_type)
        return _with(base, body=body, text=text, encoding=encoding)

    async def _read_body(self, response: httpx.Response) -> bytes | None:
        """The decompressed body, or None as soon as it grows past max_bytes."""
        limit = self.settings.max_bytes
        inflater = _inflater(response.headers.get("content-encoding", "").strip().lower())
        chunks, size = [], 0
        async for data in response.aiter_raw():
            while data:
                # Decompress in bounded steps: a gzip bomb never gets past the limit.
                piece = inflater.decompress(data, limit + 1 - size) if inflater else data
                data = inflater.unconsumed_tail if inflater else b""
                size += len(piece)
                if size > limit:
                    return None
                chunks.append(piece)
        return b"".join(chunks)

    async def _get_robots(self, robots_url: str, allow_private: bool) -> tuple[int | None, str]:
        """(status, text) of a robots.txt, fetched politely; status None when unreachable."""
        try:
            await self._check_address(robots_url, allow_private, urlsplit(robots_url).hostname or "", first=True)
            snapshot = await self._polite(lambda: self._once(FetchRequest(robots_url), robots_url), robots_url)
        except (httpx.HTTPError, _Refused):
            return None, ""
        return snapshot.status, snapshot.text or ""


def _host_key(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.hostname}:{parts.port or (443 if parts.scheme == 'https' else 80)}"


def _retry_after_seconds(value: str) -> float:
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return 0.0
    return max(0.0, (when - dt.datetime.now(dt.timezone.utc)).total_seconds())


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _with(snapshot: Snapshot, **changes) -> Snapshot:
    return replace(snapshot, **changes)


def _inflater(coding: str):
    if coding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if coding == "deflate":
        return zlib.decompressobj()
    return None

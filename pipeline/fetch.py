"""The only network code: a polite, bounded, never-raising HTTP fetcher.

Every fetch ends as a :class:`~pipeline.models.Snapshot` whose ``outcome`` is one of:

    fetched          2xx with an accepted body: html, xhtml, plain text (feeds on request)
    not_modified     304 to our conditional GET (If-None-Match / If-Modified-Since)
    disallowed       robots.txt forbids it; or not an http(s) URL; or the host is
                     private/loopback/link-local/reserved and the request not allow_private
    skipped          another content type or content encoding, or a binary body
    too_large        the body (declared, on the wire or decompressed) exceeds max_bytes
    http_error       4xx; 429 and 5xx once retries are spent; 3xx we do not follow
    network_error    refused, reset, DNS failure … (retried first); a corrupt gzip body
    timeout          no connection, no data for read_timeout, or the deadline passed
    redirect_error   a loop, more than max_redirects, another scheme, a private address

Politeness: one request at a time per host name, ``min_delay`` seconds (or the site's
robots.txt Crawl-delay, if longer) from the end of one to the start of the next, at most
``concurrency`` requests in flight overall; robots.txt read once per site, through the
same per-host queue.

Deadline: ``deadline`` seconds per URL for everything spent on the network (all hops,
all tries, the waits between tries), not counting the wait for our own politeness turn
(a site's robots.txt, read once, has a deadline of its own).
Only connection failures, 429 and 5xx are retried; a server that stalls is not.

Private addresses are checked before connecting (IP literals directly, host names via
``socket.getaddrinfo``). ``FetchRequest.allow_private`` trusts the request's own host
only: the first URL and redirects that stay on that site (scheme, host and port). A
redirect anywhere else is checked as if allow_private were False, so a trusted intranet
or loopback source cannot bounce us to 169.254.169.254, 10.0.0.1 or another local port.
Credentials in a redirect target (``user:pass@``) are dropped, never sent or logged.
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
from contextlib import asynccontextmanager
from dataclasses import dataclass, field, replace
from urllib.parse import urldefrag, urljoin, urlsplit

import httpx

from . import __version__
from .charset import decode_body, looks_binary
from .models import Snapshot
from .robots import RobotsCache
from .urls import DEFAULT_PORTS, is_http_url, is_public_address, origin, without_credentials

REDIRECTS = frozenset({301, 302, 303, 307, 308})
MAX_CRAWL_DELAY = 60.0  # a robots.txt Crawl-delay is honoured up to this many seconds
SNIFF_BYTES = 1024  # how much of a body shows whether it is text
# Content-Encoding -> zlib window bits; we decompress ourselves to bound the output.
DECODERS = {"identity": None, "gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}


@dataclass(frozen=True)
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
    # The source lives on a private or loopback address on purpose (an intranet, a
    # test). Trusts this URL's host only, never the target of a redirect to another host.
    allow_private: bool = False
    feed: bool = False  # also accept RSS/Atom/XML


@dataclass(frozen=True)
class _Wanted:
    types: tuple[str, ...] | None  # accepted media types; None accepts any
    label: str
    accept: str


PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml")
_PAGE = _Wanted(PAGE_TYPES, "html, xhtml or plain text", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1")
_FEED = _Wanted(PAGE_TYPES + FEED_TYPES,
                "a feed, html, xhtml or plain text",
                "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1")
_ROBOTS = _Wanted(None, "anything", "text/plain,*/*;q=0.1")


class _Refused(Exception):
    """Ends a fetch early with ``outcome`` and the message as the reason."""

    def __init__(self, outcome: str, reason: str):
        super().__init__(reason)
        self.outcome = outcome


class _Clock:
    """What is left of one URL's deadline."""

    def __init__(self, seconds: float):
        self.left = seconds

    @asynccontextmanager
    async def running(self) -> AsyncIterator[None]:
        if self.left <= 0:
            raise TimeoutError
        started = time.monotonic()
        try:
            async with asyncio.timeout(self.left):
                yield
        finally:
            self.left -= time.monotonic() - started

    async def sleep(self, seconds: float) -> None:
        self.left -= seconds
        await asyncio.sleep(seconds)


@dataclass
class _Host:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    next_start: float = 0.0


class Fetcher:
    """Use as ``async with Fetcher(settings) as f``; fetch() never raises for the network."""

    def __init__(self, settings: FetchSettings | None = None):
        self.settings = settings or FetchSettings()
        self._hosts: dict[str, _Host] = defaultdict(_Host)
        self._slots = asyncio.Semaphore(max(self.settings.concurrency, 1))
        self._client: httpx.AsyncClient | None = None
        self.robots = RobotsCache(self._robots_txt, self.settings.agent)

    async def __aenter__(self) -> Fetcher:
        s = self.settings
        self._client = httpx.AsyncClient(
            follow_redirects=False,  # each hop is checked by _follow
            timeout=httpx.Timeout(connect=s.connect_timeout, read=s.read_timeout, write=s.read_timeout,
                                  pool=s.connect_timeout),
            limits=httpx.Limits(max_connections=max(s.concurrency, 1)),
            headers={"User-Agent": s.agent, "Accept-Encoding": "gzip, deflate"},
            trust_env=False,  # a proxy from the environment would bypass the private-address check
        )
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    # --- public ----------------------------------------------------------------------

    async def fetch(self, request: FetchRequest) -> Snapshot:
        """One URL, politely; the outcome and its reason are in the Snapshot."""
        if self._client is None:
            raise RuntimeError("Fetcher.fetch() needs 'async with Fetcher(settings) as fetcher'")
        started = time.monotonic()
        wanted = _FEED if request.feed else _PAGE
        try:
            snapshot = await self._follow(request, wanted, self.settings.max_retries, self.settings.respect_robots)
        except _Refused as refused:
            snapshot = Snapshot(url=request.url, outcome=refused.outcome, error=str(refused))
        return replace(snapshot, url=request.url, fetched_at=snapshot.fetched_at or _now(),
                       elapsed_ms=round((time.monotonic() - started) * 1000))

    async def fetch_many(self, requests: Iterable[FetchRequest]) -> AsyncIterator[Snapshot]:
        """Fetch all, hosts in parallel and each host in order; yield as they complete."""
        queues: dict[str, list[FetchRequest]] = defaultdict(list)
        for request in requests:
            queues[_host_key(request.url)].append(request)
        done: asyncio.Queue[Snapshot | Exception] = asyncio.Queue()

        async def work(queue: list[FetchRequest]) -> None:
            try:
                for request in queue:
                    await done.put(await self.fetch(request))
            except Exception as exc:  # a bug, not the network: the caller must see it
                await done.put(exc)

        workers = [asyncio.create_task(work(queue)) for queue in queues.values()]
        try:
            for _ in range(sum(len(queue) for queue in queues.values())):
                item = await done.get()
                if isinstance(item, Exception):
                    raise item
                yield item
        finally:
            for worker in workers:
                worker.cancel()

    # --- one URL: hops, tries, one exchange --------------------------------------------

    async def _follow(self, request: FetchRequest, wanted: _Wanted, retries: int, check_robots: bool) -> Snapshot:
        clock = _Clock(self.settings.deadline)
        home = origin(request.url)
        url, seen = urldefrag(request.url.strip()).url, set()
        for hop in range(self.settings.max_redirects + 1):
            seen.add(url)
            trusted = request.allow_private and origin(url) == home
            await self._check_address(url, trusted, first=hop == 0)
            reason = await self.robots.refusal(url, trusted) if check_robots else None
            if reason:
                return Snapshot(url=request.url, outcome="disallowed", final_url=url,
                                error=reason if hop == 0 else f"redirected to {url}, but {reason}")
            snapshot = await self._attempts(url, request, clock, wanted, retries)
            if snapshot.status not in REDIRECTS:
                return replace(snapshot, final_url=url)
            location = (snapshot.header("location") or "").strip()
            if not location:
                return replace(snapshot, outcome="http_error", final_url=url,
                               error=f"HTTP {snapshot.status} from {url} without a Location header")
            target = without_credentials(urldefrag(urljoin(url, location)).url)  # never logged or stored
            if target in seen:
                raise _Refused("redirect_error", f"redirect loop: {url} leads back to {target}")
            url = target
        raise _Refused("redirect_error", f"more than {self.settings.max_redirects} redirects from {request.url}")

    async def _check_address(self, url: str, trusted: bool, first: bool) -> None:
        """Refuse a URL we must not connect to, before connecting."""
        outcome = "disallowed" if first else "redirect_error"
        if not is_http_url(url):
            raise _Refused(outcome, f"refusing {url}: only http(s) URLs with a valid host and port are fetched")
        if trusted:
            return
        parts = urlsplit(url)
        host = parts.hostname or ""
        try:
            addresses = [ipaddress.ip_address(host).compressed]
        except ValueError:
            try:
                infos = await asyncio.wait_for(asyncio.to_thread(
                    socket.getaddrinfo, host, parts.port or DEFAULT_PORTS[parts.scheme], type=socket.SOCK_STREAM),
                    self.settings.connect_timeout)
            except (OSError, TimeoutError) as exc:
                raise _Refused("network_error", f"cannot resolve {host}: {str(exc) or 'timed out'}") from None
            addresses = [str(info[4][0]) for info in infos]
        private = [address for address in addresses if not is_public_address(address)]
        if not private:
            return
        if first:
            raise _Refused(outcome, f"refusing {url}: {host} is a private or reserved address ({private[0]}); "
                                    "set allow_private: true on the source if it is meant to be fetched")
        raise _Refused(outcome, f"refusing the redirect to {url}: {host} is a private or reserved address "
                                f"({private[0]})")

    async def _attempts(self, url: str, request: FetchRequest, clock: _Clock, wanted: _Wanted,
                        retries: int) -> Snapshot:
        """One URL, tried again after connection failures, 429 and 5xx."""
        attempt = 0
        while True:
            snapshot, retryable = await self._exchange(url, request, clock, wanted)
            if attempt:
                snapshot = replace(snapshot, error=snapshot.error and f"{snapshot.error} (try {attempt + 1})")
            if not retryable or attempt >= retries:
                return snapshot
            wait = self._backoff(attempt, snapshot.header("retry-after"))
            if wait >= clock.left:
                return replace(snapshot, error=f"{snapshot.error}; not retried: waiting {wait:.1f} s "
                                               "would pass the deadline")
            await clock.sleep(wait)
            attempt += 1

    def _backoff(self, attempt: int, retry_after: str | None) -> float:
        s = self.settings
        wait = s.backoff_base * (2 ** attempt) * (0.5 + random.random())  # jitter spreads out retries
        if retry_after:
            wait = max(wait, _retry_after_seconds(retry_after))
        return min(wait, s.backoff_max)

    @asynccontextmanager
    async def _turn(self, url: str) -> AsyncIterator[None]:
        """Wait for this host's turn and a global slot; hold both while inside."""
        host = self._hosts[_host_key(url)]
        async with host.lock:
            pause = host.next_start - time.monotonic()
            if pause > 0:
                await asyncio.sleep(pause)
            try:
                async with self._slots:
                    yield
            finally:
                asked = min(self.robots.crawl_delay(url) or 0.0, MAX_CRAWL_DELAY)
                host.next_start = time.monotonic() + max(self.settings.min_delay, asked)

    async def _exchange(self, url: str, request: FetchRequest, clock: _Clock,
                        wanted: _Wanted) -> tuple[Snapshot, bool]:
        """One GET: (snapshot, whether trying again may help)."""
        assert self._client is not None
        headers = {"Accept": wanted.accept}
        if request.etag:
            headers["If-None-Match"] = request.etag
        if request.last_modified:
            headers["If-Modified-Since"] = request.last_modified
        snapshot = Snapshot(url=url, outcome="network_error")
        try:
            http_request = self._client.build_request("GET", url, headers=headers)
            snapshot = replace(snapshot, request_headers=tuple(http_request.headers.multi_items()))
            async with self._turn(url):
                snapshot = replace(snapshot, fetched_at=_now())
                async with clock.running():
                    response = await self._client.send(http_request, stream=True)
                    try:
                        snapshot = await self._read(response, snapshot, wanted)
                    finally:
                        await response.aclose()
        except TimeoutError:
            return replace(snapshot, outcome="timeout",
                           error=f"no complete answer from {url} within the {self.settings.deadline:g} s deadline"), \
                False
        except httpx.ConnectTimeout:
            return replace(snapshot, outcome="timeout", error=f"could not connect to {url} within "
                                                              f"{self.settings.connect_timeout:g} s"), True
        except httpx.TimeoutException:
            return replace(snapshot, outcome="timeout",
                           error=f"no data from {url} for {self.settings.read_timeout:g} s"), False
        except httpx.InvalidURL as exc:
            return replace(snapshot, error=f"cannot request {url}: {exc}"), False
        except httpx.HTTPError as exc:
            return replace(snapshot, error=f"{type(exc).__name__} from {url}: {str(exc) or 'connection failed'}"), True
        status = snapshot.status or 0
        return snapshot, status == 429 or status >= 500

    async def _read(self, response: httpx.Response, snapshot: Snapshot, wanted: _Wanted) -> Snapshot:
        status = response.status_code
        content_type = response.headers.get("content-type")
        snapshot = replace(snapshot, outcome="fetched", status=status, content_type=content_type,
                           headers=tuple(response.headers.multi_items()))
        if status == 304:
            return replace(snapshot, outcome="not_modified")
        if status in REDIRECTS:
            return snapshot  # _follow decides
        if not 200 <= status < 300:
            return replace(snapshot, outcome="http_error", error=f"HTTP {status} from {snapshot.url}")
        kind = (content_type or "").split(";")[0].strip().lower()
        if wanted.types is not None and kind and kind not in wanted.types:
            return replace(snapshot, outcome="skipped", error=f"content type {kind} is not {wanted.label}")
        coding = response.headers.get("content-encoding", "identity").strip().lower()
        if coding not in DECODERS:
            return replace(snapshot, outcome="skipped", error=f"content encoding {coding} is not supported")
        declared = response.headers.get("content-length", "").strip()
        if declared.isdigit() and int(declared) > self.settings.max_bytes:
            return replace(snapshot, outcome="too_large",
                           error=f"body of {declared} bytes exceeds {self.settings.max_bytes} bytes")
        try:
            body = await self._read_body(response, DECODERS[coding], content_type)
        except _Refused as refused:
            return replace(snapshot, outcome=refused.outcome, error=str(refused))
        text, encoding = decode_body(body, content_type)
        return replace(snapshot, body=body, text=text, encoding=encoding)

    async def _read_body(self, response: httpx.Response, window: int | None, content_type: str | None) -> bytes:
        """The decompressed body; stops as soon as it is too large or plainly binary."""
        limit = self.settings.max_bytes
        inflater = zlib.decompressobj(window) if window else None
        chunks: list[bytes] = []
        size = wire = 0
        sniffed = False
        try:
            async for data in response.aiter_raw():
                wire += len(data)
                while data:
                    # Bounded steps: a gzip bomb never inflates past the limit.
                    piece = inflater.decompress(data, limit + 1 - size) if inflater else data
                    data = inflater.unconsumed_tail if inflater else b""
                    size += len(piece)
                    chunks.append(piece)
                    if size > limit or wire > limit:
                        raise _Refused("too_large", f"body exceeds {limit} bytes")
                if not sniffed and size >= SNIFF_BYTES:
                    sniffed = True  # stop early: no need to download the rest of a binary file
                    _refuse_binary(b"".join(chunks), content_type)
            if inflater:
                chunks.append(inflater.flush())
        except zlib.error as exc:
            raise _Refused("network_error", f"the compressed body from {response.url} is corrupt: {exc}") from None
        body = b"".join(chunks)
        if len(body) > limit:
            raise _Refused("too_large", f"body exceeds {limit} bytes")
        if not sniffed:
            _refuse_binary(body, content_type)
        return body

    async def _robots_txt(self, robots_url: str, allow_private: bool) -> Snapshot:
        try:
            return await self._follow(FetchRequest(robots_url, allow_private=allow_private), _ROBOTS,
                                      retries=0, check_robots=False)
        except _Refused as refused:
            return Snapshot(url=robots_url, outcome=refused.outcome, error=str(refused))


def _refuse_binary(head: bytes, content_type: str | None) -> None:
    if looks_binary(head[:SNIFF_BYTES], content_type):
        raise _Refused("skipped", "the body is binary, not text, whatever its content type says")


def _host_key(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def _retry_after_seconds(value: str) -> float:
    """Retry-After as seconds from now: a number of seconds or an HTTP date."""
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return 0.0
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return max(0.0, (when - _now()).total_seconds())


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)

"""robots.txt, read once per site (scheme, host and port) and asked before every URL.

What a robots.txt answer means for the site:

    200 (any content type)   its rules apply, Crawl-delay included
    4xx                      there are no rules: everything is allowed (RFC 9309)
    5xx, network, refused    allowed as well, rather than silently stopping a source;
                             the reason is kept in ``notes`` and logged as a warning
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from .models import Snapshot

log = logging.getLogger(__name__)


class RobotsCache:
    """``get(robots_url, allow_private)`` fetches a robots.txt; called once per site."""

    def __init__(self, get: Callable[[str, bool], Awaitable[Snapshot]], agent: str):
        self._get = get
        self._agent = agent
        self._rules: dict[str, RobotFileParser | None] = {}
        self._locks: dict[str, asyncio.Lock] = {}
        self.notes: dict[str, str] = {}  # site -> why its robots.txt could not be read

    async def refusal(self, url: str, allow_private: bool) -> str | None:
        """Why robots.txt forbids ``url``, or None when it may be fetched."""
        parts = urlsplit(url)
        rules = await self._rules_for(f"{parts.scheme}://{parts.netloc}", allow_private)
        if rules is None or rules.can_fetch(self._agent, url):
            return None
        return f"robots.txt of {parts.netloc} disallows {parts.path or '/'}"

    def crawl_delay(self, url: str) -> float | None:
        """The Crawl-delay the site asks of us, if its robots.txt was read and states one."""
        parts = urlsplit(url)
        rules = self._rules.get(f"{parts.scheme}://{parts.netloc}")
        delay = rules.crawl_delay(self._agent) if rules is not None else None
        return float(delay) if delay is not None else None

    async def _rules_for(self, site: str, allow_private: bool) -> RobotFileParser | None:
        # One lock per site: concurrent first requests wait for a single robots.txt fetch.
        async with self._locks.setdefault(site, asyncio.Lock()):
            if site not in self._rules:
                self._rules[site] = self._parse(site, await self._get(site + "/robots.txt", allow_private))
        return self._rules[site]

    def _parse(self, site: str, snapshot: Snapshot) -> RobotFileParser | None:
        if snapshot.outcome == "fetched":
            parser = RobotFileParser()
            parser.parse((snapshot.text or "").splitlines())
            return parser
        if snapshot.status is not None and 400 <= snapshot.status < 500 and snapshot.status != 429:
            return None
        self.notes[site] = f"robots.txt of {site} unreadable ({snapshot.error or snapshot.outcome}); fetching anyway"
        log.warning(self.notes[site])
        return None

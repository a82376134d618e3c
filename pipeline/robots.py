"""robots.txt, read once per host and asked before every URL.

A missing robots.txt (4xx) allows everything; an unreachable one (5xx, network) also
allows, and the reason says so, rather than silently stopping a source.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser


class RobotsCache:
    def __init__(self, get: Callable[[str, bool], Awaitable[tuple[int | None, str]]], agent: str):
        self._get = get
        self._agent = agent
        self._rules: dict[str, RobotFileParser | None] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def allowed(self, url: str, allow_private: bool) -> tuple[bool, str | None]:
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        lock = self._locks.setdefault(root, asyncio.Lock())
        async with lock:
            if root not in self._rules:
                status, text = await self._get(root + "/robots.txt", allow_private)
                if status == 200:
                    parser = RobotFileParser()
                    parser.parse(text.splitlines())
                    self._rules[root] = parser
                else:
                    self._rules[root] = None  # 4xx: no rules; 5xx or unreachable: fetch anyway
        rules = self._rules[root]
        if rules is None or rules.can_fetch(self._agent, url):
            return True, None
        return False, f"robots.txt of {parts.netloc} disallows {parts.path or '/'}"

"""Fetch scheduling: many pages over many polite hosts, makespan vs the ideal schedule.

Ideal: each host serves its pages one after another with ``min_delay`` between two,
all hosts in parallel, so the run cannot end before the busiest host is done:
``max over hosts of (pages - 1) * delay + latency``. robots.txt adds one request per
host; the table states both the brief's ideal and the ideal counting robots.txt.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter

from pipeline.fetch import Fetcher, FetchRequest, FetchSettings

from .corpus import make_corpus
from .report import Row
from .site import Site


async def _fetch_all(urls: list[str], settings: FetchSettings) -> Counter:
    outcomes: Counter = Counter()
    async with Fetcher(settings) as fetcher:
        async for snapshot in fetcher.fetch_many(FetchRequest(u, allow_private=True) for u in urls):
            outcomes[snapshot.outcome] += 1
    return outcomes


def run(quick: bool) -> list[Row]:
    pages, hosts, latency, delay = (250 if quick else 500), 25, 0.05, 1.0
    corpus = make_corpus(pages, hosts=hosts, min_words=300, max_words=600)
    settings = FetchSettings(min_delay=delay, concurrency=hosts, max_retries=0, connect_timeout=5,
                             read_timeout=5, deadline=20)
    with Site(corpus, hosts=hosts, latency=latency) as site:
        urls = [site.url(p) for p in corpus.pages]
        started = time.perf_counter()
        outcomes = asyncio.run(asyncio.wait_for(_fetch_all(urls, settings), timeout=pages * delay + 60))
        makespan = time.perf_counter() - started
    per_host = Counter(site.host_of(p) for p in corpus.pages)
    busiest = max(per_host.values())
    ideal = (busiest - 1) * delay + latency
    ideal_robots = busiest * delay + 2 * latency  # robots.txt first, then the pages
    ratio = makespan / ideal
    return [
        Row("fetch", f"makespan, {pages} pages / {hosts} hosts, {latency * 1000:.0f} ms latency, {delay:g} s delay",
            f"{makespan:.2f} s", f"ideal {ideal:.2f} s", ratio, "≤ 1.2", ratio <= 1.2 and outcomes["fetched"] == pages,
            f"ideal incl. robots.txt {ideal_robots:.2f} s (×{makespan / ideal_robots:.3f}); "
            f"outcomes {dict(outcomes)}; concurrency {settings.concurrency}",
            {"makespan_s": makespan, "ideal_s": ideal, "ideal_with_robots_s": ideal_robots,
             "pages": pages, "hosts": hosts, "outcomes": dict(outcomes)}),
    ]

"""Incremental runs: a full run over a loopback site, a re-run with nothing changed, and a
re-run with 1 % of the pages changed, each timed as a fraction of the full run.

The site answers conditional GETs (ETag) with 304, so the unchanged re-run fetches
headers only; a changed page is extracted, analysed and re-aligned.
"""

from __future__ import annotations

import time
from pathlib import Path

from pipeline.fetch import FetchSettings
from pipeline.runner import RunOptions, run_pipeline

from .corpus import make_corpus, revise, story_for
from .offline import prepare_db
from .report import Row
from .site import Site


def run(quick: bool, workdir: Path) -> list[Row]:
    pages = 100 if quick else 200
    hosts = 25
    corpus = make_corpus(pages, hosts=hosts, seed=5)
    db = workdir / "incremental.db"
    prepare_db(db)
    archive = workdir / "incremental-archive"
    for old in archive.glob("*.warc.gz") if archive.exists() else []:
        old.unlink()
    options = RunOptions(archive_dir=archive, progress=False,
                         fetch=FetchSettings(min_delay=0.0, concurrency=hosts, max_retries=1, deadline=30))
    times: dict[str, float] = {}
    reports = {}
    with Site(corpus, hosts=hosts, latency=0.005) as site:
        story = story_for(corpus, site.url)
        for label in ("full", "unchanged", "changed"):
            if label == "changed":
                for n, page in enumerate(corpus.pages[:: 100][: max(1, pages // 100)]):
                    site.put(revise(page, seed=n))
            started = time.perf_counter()
            reports[label] = run_pipeline([story], db, options)
            times[label] = time.perf_counter() - started
    full = times["full"]
    changed = max(1, pages // 100)
    rows = [Row("incremental", f"full run, {pages} pages of 300–1,500 words from {hosts} loopback hosts",
                f"{full:.1f} s", "", pages / full, "", None,
                f"{pages / full:.2f} pages/s (ratio column); fetch + extract + analyse + align, 1 process",
                {"seconds": full, "pages": pages, "analysed": reports["full"].analysed})]
    for label, goal, what in (("unchanged", 0.05, "nothing changed"), ("changed", 0.08, f"{changed} page(s) changed")):
        fraction = times[label] / full
        r = reports[label]
        rows.append(Row("incremental", f"re-run, {what}", f"{times[label]:.2f} s", f"full {full:.1f} s", fraction,
                        f"≤ {goal}", fraction <= goal,
                        f"not_modified {r.not_modified}, analysed {r.analysed}, events re-aligned {r.events}",
                        {"seconds": times[label], "full_s": full, "not_modified": r.not_modified,
                         "analysed": r.analysed}))
    return rows

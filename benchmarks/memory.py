"""Peak memory of an offline run at growing corpus sizes: it should stay flat, under 1.5 GB.

Each size runs in a fresh child process (``benchmarks.memory_child``) so one run's
memory never counts in another's. Pages are short so that 20,000 documents of full
NLP fit in a few minutes on 2 cores; the table says how short.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .report import Row

LIMIT = 1.5 * 2**30


def _one(pages: int, workdir: Path, min_words: int, max_words: int, timeout: float) -> dict:
    out = subprocess.run([sys.executable, "-m", "benchmarks.memory_child", "--pages", str(pages),
                          "--min-words", str(min_words), "--max-words", str(max_words), "--workdir", str(workdir)],
                         capture_output=True, text=True, timeout=timeout, check=False)
    if out.returncode != 0:
        raise RuntimeError(f"memory run of {pages} pages failed: {out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def run(quick: bool, workdir: Path, sizes: list[int] | None = None) -> list[Row]:
    sizes = sizes or ([500, 1000, 2000] if quick else [1000, 4000, 10000])
    min_words, max_words = 60, 140
    results = [_one(n, workdir, min_words, max_words, timeout=1500) for n in sizes]
    rows = []
    first = results[0]["peak_rss_tree"]
    for r in results:
        peak = r["peak_rss_tree"]
        growth = peak / first
        rows.append(Row("memory", f"peak RSS, {r['pages']:,} docs of {min_words}–{max_words} words, 2 processes",
                        f"{peak / 2**20:,.0f} MB", f"{sizes[0]:,} docs: {first / 2**20:,.0f} MB", growth,
                        "flat, < 1.5 GB", peak < LIMIT and growth < 1.25,
                        f"parent+children; parent alone {r['maxrss_self'] / 2**20:,.0f} MB; "
                        f"{r['analysed']} analysed in {r['seconds']:.0f} s ({r['words'] / r['seconds']:,.0f} words/s); "
                        "short pages so 20,000 fit in minutes", r))
    return rows

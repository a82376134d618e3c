"""One offline run in a fresh process, printing its peak memory as JSON (run by memory.py).

Peak = the largest sum of RSS over this process and its children (spaCy workers),
sampled every 0.1 s, and this process's own ru_maxrss.
"""

from __future__ import annotations

import argparse
import json
import resource
import threading
from pathlib import Path

import psutil

from .corpus import make_corpus
from .offline import run_offline, write_archive


class PeakSampler(threading.Thread):
    def __init__(self, interval: float = 0.1):
        super().__init__(daemon=True)
        self.interval, self.peak, self._halt = interval, 0, threading.Event()

    def run(self) -> None:
        me = psutil.Process()
        while not self._halt.is_set():
            try:
                total = me.memory_info().rss + sum(c.memory_info().rss for c in me.children(recursive=True))
            except psutil.Error:
                total = 0
            self.peak = max(self.peak, total)
            self._halt.wait(self.interval)

    def stop(self) -> int:
        self._halt.set()
        self.join()
        return self.peak


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, required=True)
    parser.add_argument("--min-words", type=int, default=60)
    parser.add_argument("--max-words", type=int, default=140)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--workdir", type=Path, required=True)
    args = parser.parse_args()
    corpus = make_corpus(args.pages, min_words=args.min_words, max_words=args.max_words, seed=args.pages)
    archive = args.workdir / f"memory-{args.pages}"
    story = write_archive(corpus, archive)
    sampler = PeakSampler()
    sampler.start()
    report, seconds = run_offline(story, args.workdir / f"memory-{args.pages}.db", archive, args.processes)
    peak = sampler.stop()
    print(json.dumps({"pages": args.pages, "analysed": report.analysed, "words": corpus.words, "seconds": seconds,
                      "peak_rss_tree": peak, "maxrss_self": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))


if __name__ == "__main__":
    main()

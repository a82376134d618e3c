"""Profile the slowest stage (an offline run: extract + analyse + store + align) once with
pyinstrument; write an HTML report and return the frames where the time goes."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from pyinstrument import Profiler

from .corpus import make_corpus, story_for
from .offline import run_offline, write_archive


def _walk(frame, own: dict, inclusive: dict, stack: frozenset) -> None:
    key = (frame.function, frame.file_path_short or "", frame.line_no or 0)
    own[key] += frame.total_self_time
    if key not in stack:  # recursion counts once
        inclusive[key] += frame.time
    for child in frame.children:
        _walk(child, own, inclusive, stack | {key})


def profile(out: Path, workdir: Path, pages: int = 30, top: int = 15) -> tuple[list[str], list[str]]:
    corpus = make_corpus(pages, seed=23)
    archive = workdir / "profile-archive"
    story = write_archive(corpus, archive)
    profiler = Profiler(interval=0.002)
    profiler.start()
    run_offline(story, workdir / "profile.db", archive)
    profiler.stop()
    return _report(profiler, out, top)


def profile_dense(out: Path, workdir: Path, pages: int = 160, top: int = 15) -> tuple[list[str], list[str]]:
    """A whole run (fetch on loopback, delay 0) of news-dense pages, as the dense rows time it."""
    from .dense import HOSTS, whole_run
    from .newswire import make_dense_corpus
    from .site import Site

    corpus = make_dense_corpus(pages)
    with Site(corpus, hosts=HOSTS, latency=0.0) as site:
        story = story_for(corpus, site.url, story_id="dense")
        profiler = Profiler(interval=0.002)
        profiler.start()
        whole_run(story, workdir / "profile-dense.db", workdir / "profile-dense-archive")
        profiler.stop()
    return _report(profiler, out, top)


def _report(profiler: Profiler, out: Path, top: int) -> tuple[list[str], list[str]]:
    out.mkdir(parents=True, exist_ok=True)
    (out / "profile.html").write_text(profiler.output_html(), encoding="utf-8")
    session = profiler.last_session
    assert session is not None  # set by stop()
    own: dict = defaultdict(float)
    inclusive: dict = defaultdict(float)
    _walk(session.root_frame(), own, inclusive, frozenset())
    total = session.duration

    def lines(table: dict) -> list[str]:
        ranked = sorted(table.items(), key=lambda kv: -kv[1])[:top]
        return [f"{seconds:7.2f} s {100 * seconds / total:5.1f}%  {fn}  {path}:{line}"
                for (fn, path, line), seconds in ranked]

    pipeline_only = {k: v for k, v in inclusive.items() if "pipeline" in k[1] and "site-packages" not in k[1]}
    return lines(own), lines(pipeline_only)

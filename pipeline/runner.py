"""One run of the pipeline: collect → extract → analyse → align, each step incremental.

The only module that knows the order of the stages. It reads what the previous stage
stored, so each stage can be re-run alone, and skips work whose input did not change:
a 304 or an identical body is not extracted again, an analysed version is not analysed
again (unless the extractor version changed), and only events whose claims changed are
re-aligned.

What a stage still owes is found in the database at its start, never carried in memory
from the stage before: documents whose current text has no copy check, versions not
analysed, events and places marked owed in the same transaction as the output that
changed them. A run killed anywhere leaves that work for the next run to finish.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import hashlib
import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import faults
from .actors import count_actor_words
from .align import ALIGNER_VERSION, align, align_changes, event_key
from .archive import ArchiveReader, ArchiveWriter
from .diff import date_changes, figure_changes, text_diff
from .discover import parse_feed, parse_sitemap, select
from .errors import ExtractError, ModelNotFound
from .extract import extract_article
from .fetch import Fetcher, FetchRequest, FetchSettings
from .happenings import find_happenings
from .lock import run_lock
from .longtext import cut, join, pieces
from .models import Analysis, Claim, Snapshot, Source, Story
from .nlp import EXTRACTOR_VERSION, LexiconError, analyse_many, choose, load_nlp, merge_canonicals
from .nlp import analyse as analyse_text
from .places import locate
from .progress import Progress
from .similarity import THRESHOLD, band_keys, jaccard, shingles, signature
from .softpage import refuse_soft_page
from .store import Store, VersionToAnalyse
from .urls import canonicalize

# A sitemap index can point at thousands of sitemaps: read at most this many documents.
MAX_DISCOVERY_DOCUMENTS = 50


@dataclass
class RunOptions:
    offline: bool = False
    archive_dir: Path = Path("db/archive")
    # Extra WARC files or folders replayed (read-only) in offline mode, e.g. the bundled demo.
    replay_from: tuple[Path, ...] = ()
    fetch: FetchSettings = field(default_factory=FetchSettings)
    processes: int = 1
    progress: bool = True
    # Discovered articles are fetched again for this many days after they were found (a
    # feed's old items stop costing a request each run); None: always. Listed URLs always.
    recheck_days: int | None = 30


@dataclass
class RunReport:
    run_id: int
    offline: bool = False
    urls: int = 0
    fetched: int = 0
    not_modified: int = 0
    unchanged: int = 0
    new_documents: int = 0
    new_versions: int = 0
    analysed: int = 0
    events: int = 0
    failures: Counter = field(default_factory=Counter)
    failed_urls: list[tuple[str, str]] = field(default_factory=list)
    discovered: int = 0
    copies: int = 0
    fact_changes: int = 0
    partial: int = 0  # texts too long to analyse whole (see longtext)
    status: str = "running"

    @property
    def failed(self) -> int:
        return sum(self.failures.values())

    def counts(self) -> dict:
        return {
            "urls": self.urls, "fetched": self.fetched, "not_modified": self.not_modified,
            "unchanged": self.unchanged, "new_documents": self.new_documents, "new_versions": self.new_versions,
            "failed": self.failed, "analysed": self.analysed, "events": self.events,
            "discovered": self.discovered, "copies": self.copies, "fact_changes": self.fact_changes,
            "partial": self.partial, "failures": dict(self.failures),
        }


@dataclass(frozen=True)
class Job:
    story: Story
    source: Source
    url: str


def jobs_of(stories: Iterable[Story], store: Store, recheck_days: int | None = None) -> list[Job]:
    """Every article URL: those listed in sources.yaml, then those discovered (found within
    ``recheck_days``, or not stored yet), each once."""
    since = None if recheck_days is None else (
        dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=recheck_days)).isoformat()
    jobs, seen = [], set()
    for story in stories:
        for source in story.sources:
            for url in (*source.urls, *store.discovered_urls(story.id, source.id, since)):
                key = canonicalize(url)  # "?utm_source=…" or "#comments" is the same article
                if key not in seen:
                    seen.add(key)
                    jobs.append(Job(story, source, url))
    return jobs


def run_pipeline(stories: list[Story], db_path: Path, options: RunOptions) -> RunReport:
    """Run every stage for these stories against the database at ``db_path``."""
    with run_lock(db_path), Store(db_path) as store:
        store.save_stories(stories)
        story_ids = [s.id for s in stories]
        report = RunReport(run_id=store.start_run(story_ids, options.offline), offline=options.offline)
        try:
            if not options.offline:
                discover(stories, store, options, report)
            collect(stories, store, options, report)
            faults.stage_done("collected")
            link_copies(store, story_ids, report)
            faults.stage_done("linked")
            analyse(store, story_ids, options, report)
            faults.stage_done("analysed")
            report.events = realign_owed(store, story_ids)
            faults.stage_done("aligned")
            locate_owed(store, story_ids)
            faults.stage_done("located")
            report.status = "completed"
            store.finish_run(report.run_id, report.counts(), report.status)
        except BaseException as exc:
            report.status = "interrupted" if isinstance(exc, KeyboardInterrupt) else "failed"
            store.finish_run(report.run_id, report.counts(), report.status, error=f"{type(exc).__name__}: {exc}")
            raise
    return report


# --- collect: fetch or replay, archive, extract, store ------------------------------


def discover(stories: list[Story], store: Store, options: RunOptions, report: RunReport) -> None:
    """Add the new articles that sources' feeds and sitemaps list and their include rules want."""
    starts = [(story, source, url, "feed") for story in stories for source in story.sources for url in source.feeds]
    starts += [(story, source, url, "sitemap") for story in stories for source in story.sources
               for url in source.sitemaps]
    if not starts:
        return
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S")
    with ArchiveWriter(options.archive_dir, f"run-{report.run_id:05d}-{stamp}-discovery") as writer:
        asyncio.run(_discover(starts, store, options, report, writer))


async def _discover(starts: list, store: Store, options: RunOptions, report: RunReport,
                    writer: ArchiveWriter) -> None:
    known = store.known_urls() | {canonicalize(u) for _, source, _, _ in starts for u in source.urls}
    pending, visited = list(starts), set[str]()
    async with Fetcher(options.fetch) as fetcher:
        while pending and len(visited) < MAX_DISCOVERY_DOCUMENTS:
            batch = [item for item in pending if item[2] not in visited]
            pending = []
            visited.update(item[2] for item in batch)
            by_url = {item[2]: item for item in batch}
            requests = [FetchRequest(url, allow_private=source.trusts_private(url), feed=True)
                        for _, source, url, _ in batch]
            async for snapshot in fetcher.fetch_many(requests):
                story, source, url, kind = by_url[snapshot.url]
                writer.write(snapshot)
                store.log_fetch(report.run_id, snapshot, source.id)
                if not snapshot.ok:
                    report.failures[f"{kind}_{snapshot.outcome}"] += 1
                    report.failed_urls.append((url, snapshot.error or snapshot.outcome))
                    continue
                try:
                    if kind == "feed":
                        found, children = parse_feed(snapshot.text or "", url), list[str]()
                    else:
                        found, children = parse_sitemap(snapshot.text or "")
                except ValueError as exc:
                    report.failures[f"{kind}_unreadable"] += 1
                    report.failed_urls.append((url, str(exc)))
                    continue
                pending += [(story, source, child, "sitemap") for child in children]
                wanted = select(found, source.include, known)
                known.update(f.url for f in wanted)
                report.discovered += store.save_discovered(report.run_id, story.id, source.id, url, [
                    {"url": f.url, "title": f.title, "published": f.published.isoformat() if f.published else None}
                    for f in wanted])


def collect(stories: list[Story], store: Store, options: RunOptions, report: RunReport) -> None:
    jobs = jobs_of(stories, store, options.recheck_days)
    report.urls = len(jobs)
    with Progress(len(jobs), "collect", enabled=options.progress) as bar:
        if options.offline:
            reader = ArchiveReader.from_directories(options.archive_dir, *options.replay_from)
            for job in jobs:
                snapshot = reader.latest(job.url) or Snapshot(
                    url=job.url, outcome="not_in_archive",
                    error="no archived copy of this URL: run once without --offline to fetch it")
                store_snapshot(store, job, snapshot, report, None)
                bar.advance()
        else:
            stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S")
            with ArchiveWriter(options.archive_dir, f"run-{report.run_id:05d}-{stamp}") as writer:
                asyncio.run(_fetch_and_store(jobs, store, options, report, writer, bar.advance))


async def _fetch_and_store(jobs: list[Job], store: Store, options: RunOptions, report: RunReport,
                           writer: ArchiveWriter, advance: Callable[[], None]) -> None:
    by_url = {job.url: job for job in jobs}
    requests = []
    for job in jobs:
        state = store.document_state(job.url)
        requests.append(FetchRequest(
            job.url, etag=state.etag if state and state.current_version_id else None,
            last_modified=state.last_modified if state and state.current_version_id else None,
            allow_private=job.source.trusts_private(job.url)))
    async with Fetcher(options.fetch) as fetcher:
        async for snapshot in fetcher.fetch_many(requests):
            store_snapshot(store, by_url[snapshot.url], snapshot, report, writer)
            advance()


def store_snapshot(store: Store, job: Job, snapshot: Snapshot, report: RunReport,
                   writer: ArchiveWriter | None) -> None:
    """Archive one fetch result, extract and store what changed, log the outcome."""
    state = store.document_state(job.url)
    outcome, error = snapshot.outcome, snapshot.error
    if snapshot.ok:
        body_hash = hashlib.sha256(snapshot.body).hexdigest()
        unchanged = state is not None and state.body_hash == body_hash and state.current_version_id is not None
        if writer is not None:
            writer.write(snapshot, revisit_of=job.url if unchanged else None)
        if unchanged:
            store.mark_unchanged(job.url, snapshot)
            report.unchanged += 1
            outcome = "unchanged"
        else:
            try:
                article = extract_article(snapshot.text or "", job.url, job.source.published.get(job.url),
                                          job.source.language)
                refuse_soft_page(article.text, store.current_text(job.url))  # a consent wall keeps the last good
            except ExtractError as exc:
                outcome, error = getattr(exc, "outcome", "extract_error"), str(exc)
            else:
                _, _, is_new = store.save_article(report.run_id, job.story.id, job.source.id, snapshot, article,
                                                  body_hash)
                report.fetched += 1
                report.new_documents += state is None or state.current_version_id is None
                report.new_versions += is_new
    elif snapshot.outcome == "not_modified":
        if writer is not None:
            writer.write(snapshot)
        store.mark_unchanged(job.url, snapshot)
        report.not_modified += 1
    if outcome not in ("fetched", "replayed", "unchanged", "not_modified"):
        if writer is not None and snapshot.status is not None and not snapshot.ok:
            writer.write(snapshot)
        removed = outcome == "http_error" and snapshot.status in (404, 410)
        store.mark_failed(job.url, job.story.id, job.source.id, error or outcome, removed=removed)
        report.failures[outcome] += 1
        report.failed_urls.append((job.url, error or outcome))
    store.log_fetch(report.run_id, snapshot, job.source.id, outcome=outcome, error=error)


# --- analyse: facts for every version not yet analysed -----------------------------


def link_copies(store: Store, story_ids: list[str], report: RunReport) -> None:
    """Sign every document whose current text is unchecked and link syndicated copies to their original.

    Of two near-identical texts from different sources, the one published first (then
    the smaller URL) is the original; the other is a copy and its claims do not count
    as an independent source. The store marks the events this moves claims in or out of.
    """
    for document_id in store.documents_to_check(story_ids):
        doc = store.document(document_id)
        own = shingles(doc["text"] or "")
        bands = band_keys(signature(own))
        best: tuple[dict, float] | None = None
        for candidate in store.similar_candidates(document_id, bands):
            if candidate["source_id"] == doc["source_id"]:
                continue
            similarity = jaccard(own, shingles(candidate["text"]))
            if similarity >= THRESHOLD and (best is None or similarity > best[1]):
                best = (candidate, similarity)
        duplicate_of, score, demoted = None, None, None
        if best is not None:
            other, score = best
            if (other["published"] or "9999", other["url"]) <= (doc["published"] or "9999", doc["url"]):
                duplicate_of = other["id"]
            else:  # the newcomer is the original: the older document becomes the copy
                demoted = (other["id"], score)
        store.save_copy_check(document_id, bands, duplicate_of, score, demoted)
        report.copies += best is not None


# Documents analysed one at a time after the model failed on a batch: the one that broke
# it is among them (a batch in flight is at most a few dozen texts).
ISOLATE = 64


def analyse(store: Store, story_ids: list[str], options: RunOptions, report: RunReport) -> None:
    """Analyse every current version not yet analysed by this extractor version.

    A text that makes the analysis fail is recorded as failed on its version and the
    run goes on; a very long text is analysed in part and in pieces (see longtext).
    """
    total = store.count_versions_to_analyse(EXTRACTOR_VERSION, story_ids)
    if not total:
        return
    models = Models()
    with Progress(total, "analyse", enabled=options.progress) as bar:
        while True:
            pending = store.versions_to_analyse(EXTRACTOR_VERSION, story_ids)
            try:
                for version, analysis, note in _analyses_by_language(models, pending, options.processes):
                    save_facts(store, report, version, analysis, note)
                    bar.advance()
                return
            except (ModelNotFound, LexiconError):  # no model for a language: one clear error, no page failed
                raise
            except Exception:  # one text broke the batch in flight: analyse the next ones alone
                for version in itertools.islice(store.versions_to_analyse(EXTRACTOR_VERSION, story_ids), ISOLATE):
                    version, note = _cut(version)
                    nlp = models.of(version)  # outside the try: a missing model is no fault of the page
                    try:
                        analysis = join([(offset, analyse_text(nlp, piece, version.published, version.publisher,
                                                               title=version.title if offset == 0 else None))
                                         for offset, piece in pieces(version.text)])
                    except Exception as exc:
                        record_failure(store, report, version, exc)
                    else:
                        save_facts(store, report, version, analysis, note)
                    bar.advance()


class Models:
    """The language pack's model for each version: the source's declared language, else the text's
    (``choose``); each language's model is loaded once per run."""

    def __init__(self, load: Callable[[str], object] | None = None) -> None:
        self._load = load if load is not None else load_nlp
        self._loaded: dict[str, object] = {}

    @staticmethod
    def language(version: VersionToAnalyse) -> str:
        return choose(version.language, version.text)

    def get(self, code: str):
        if code not in self._loaded:
            self._loaded[code] = self._load(code)
        return self._loaded[code]

    def of(self, version: VersionToAnalyse):
        return self.get(self.language(version))


def _analyses_by_language(models: Models, versions: Iterable[VersionToAnalyse],
                          processes: int) -> Iterator[tuple[VersionToAnalyse, Analysis, str | None]]:
    """``_analyses`` over runs of versions in one language, each with that language's model."""
    for code, run in itertools.groupby(versions, key=Models.language):
        yield from _analyses(models.get(code), run, processes)


def _cut(version: VersionToAnalyse) -> tuple[VersionToAnalyse, str | None]:
    text, note = cut(version.text)
    return (version if note is None else dataclasses.replace(version, text=text)), note


def _analyses(nlp, versions: Iterable[VersionToAnalyse],
              processes: int) -> Iterator[tuple[VersionToAnalyse, Analysis, str | None]]:
    """(version with the text analysed, analysis, note), streamed; long texts go in pieces."""

    def split() -> Iterator[tuple[VersionToAnalyse, str | None, int, int, str]]:
        for version in versions:
            version, note = _cut(version)
            parts = pieces(version.text)
            for offset, piece in parts:
                yield version, note, len(parts), offset, piece

    # Pieces and their texts stream from the store; the two iterators stay in step.
    jobs, inputs = itertools.tee(split())
    # The headline goes with the first piece only: its figures keep offsets in the title.
    items = ((piece, v.published, v.publisher, v.title if offset == 0 else None) for v, _, _, offset, piece in inputs)
    done: list[tuple[int, Analysis]] = []
    analyses = analyse_many(nlp, items, n_process=processes)
    for (version, note, count, offset, _), analysis in zip(jobs, analyses, strict=False):
        done.append((offset, analysis))
        if len(done) == count:
            yield version, join(done), note
            done = []


def save_facts(store: Store, report: RunReport, version: VersionToAnalyse, analysis: Analysis,
               note: str | None) -> None:
    """Store one version's facts with the event key of each (and what changed since its last version)."""
    try:
        happenings = find_happenings(analysis, version.text)
        claim = _claim_builder(version)
        figure_keys = [event_key(claim(figure=f)) for f in analysis.figures]
        happening_keys = [event_key(claim(happening=h)) for h in happenings]
        actor_words = count_actor_words(version.text)
        revision = revision_of(store, version, analysis)
    except Exception as exc:  # our own rules failed on this text: recorded, the run goes on
        record_failure(store, report, version, exc)
        return
    if revision is not None:  # before the facts: written again if killed in between, never lost
        old_id, diff, changes = revision
        store.save_revision(report.run_id, version.document_id, old_id, version.version_id, diff, changes)
        report.fact_changes += len(changes)
    store.save_analysis(version, analysis, happenings, EXTRACTOR_VERSION, figure_keys, happening_keys, actor_words,
                        status="ok" if note is None else "partial", note=note)
    report.analysed += 1
    report.partial += note is not None


def record_failure(store: Store, report: RunReport, version: VersionToAnalyse, exc: Exception) -> None:
    """A version whose analysis failed: no facts, the reason on its analysis row (retried by a new extractor)."""
    reason = f"analysis failed: {type(exc).__name__}: {exc}"[:500]
    store.save_analysis(version, Analysis(), [], EXTRACTOR_VERSION, [], [], {}, status="failed", note=reason)
    report.failures["analysis_error"] += 1
    report.failed_urls.append((version.url, reason))


def revision_of(store: Store, version: VersionToAnalyse, analysis: Analysis) -> tuple[int, str, list] | None:
    """When a page changed: (the previous analysed version, the text diff, the facts added, removed or changed)."""
    previous = store.previous_analysed_version(version.document_id, version.version_id)
    if previous is None:
        return None
    old_id, old_text = previous
    old_figures, old_dates = store.version_facts(old_id)
    changes = (figure_changes(old_figures, list(analysis.figures))
               + date_changes(old_dates, list(analysis.dates)))
    return old_id, text_diff(cut(old_text)[0], version.text), changes  # the analysed parts only


def _claim_builder(version: VersionToAnalyse) -> Callable[..., Claim]:
    def build(figure=None, happening=None) -> Claim:
        return Claim(key="", story_id=version.story_id, source_id="", source_kind="", url=version.url,
                     published=version.published.isoformat() if version.published else None,
                     figure=figure, happening=happening)

    return build


# --- align: events for the claims that changed --------------------------------------


def merge_entities(store: Store) -> int:
    """One entity for "Tokayev" in one text and "Kassym-Jomart Tokayev" in another."""
    return store.merge_entities(merge_canonicals(store.entity_names()))


def locate_owed(store: Store, story_ids: list[str]) -> None:
    """Merge entities and pin the places of every story whose places are owed (also by a killed run)."""
    owed = store.stale_places(story_ids)
    if owed:
        merge_entities(store)
        locate_places(store, owed)


def realign_owed(store: Store, story_ids: list[str]) -> int:
    """Re-align what the stored marks say is owed: a whole story never aligned (or by another
    aligner version), else the events of its (event key, source id) pairs marked stale."""
    owed: dict[str, set[tuple[str, str]] | None] = {}
    for story_id in story_ids:
        owed[story_id] = None if store.aligner_version(story_id) != ALIGNER_VERSION else store.stale_pairs(story_id)
    return realign(store, owed)


def locate_places(store: Store, story_ids: list[str]) -> None:
    """Pin the places a story names on the map (offline gazetteer)."""
    for story_id in story_ids:
        pinned = []
        for row in store.place_mentions(story_id):
            place = locate(row["name"])
            if place is not None:
                pinned.append({**row, "latitude": place.latitude, "longitude": place.longitude,
                               "country_code": place.country_code})
        store.save_places(story_id, pinned)


def realign(store: Store, touched: dict[str, set[tuple[str, str]] | None]) -> int:
    """Re-align what changed: per story, the events of the (event key, source id) pairs whose
    claims changed, or (``None``) the whole story. Return how many events were written.

    An incremental re-alignment reads the changed sources' claims of the touched events
    and the stored per-source views of the others, never the others' claims.
    """
    written = 0
    for story_id, pairs in sorted(touched.items()):
        if pairs is None:
            events = align(store.claims(story_id))
            store.save_events(story_id, events, ALIGNER_VERSION)
        elif pairs:
            keys = {key for key, _ in pairs}
            events = align_changes(story_id, store.claims(story_id, pairs), store.source_views(story_id, keys), pairs)
            store.update_events(story_id, events, pairs)
        else:
            continue
        written += len(events)
    return written

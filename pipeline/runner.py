"""One run of the pipeline: collect → extract → analyse → align, each step incremental.

The only module that knows the order of the stages. It reads what the previous stage
stored, so each stage can be re-run alone, and skips work whose input did not change:
a 304 or an identical body is not extracted again, an analysed version is not analysed
again (unless the extractor version changed), and only events whose claims changed are
re-aligned.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import itertools
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .actors import count_actor_words
from .align import ALIGNER_VERSION, align, align_changes, event_key
from .archive import ArchiveReader, ArchiveWriter
from .diff import date_changes, figure_changes, text_diff
from .discover import parse_feed, parse_sitemap, select
from .errors import ExtractError
from .extract import extract_article
from .fetch import Fetcher, FetchRequest, FetchSettings
from .happenings import find_happenings
from .lock import run_lock
from .models import Analysis, Claim, Snapshot, Source, Story
from .nlp import EXTRACTOR_VERSION, analyse_many, load_nlp, merge_canonicals
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
    changed_documents: list[int] = field(default_factory=list)
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
            "failures": dict(self.failures),
        }


@dataclass(frozen=True)
class Job:
    story: Story
    source: Source
    url: str


def jobs_of(stories: Iterable[Story], store: Store) -> list[Job]:
    """Every article URL: those listed in sources.yaml, then those discovered, each once."""
    jobs, seen = [], set()
    for story in stories:
        for source in story.sources:
            for url in (*source.urls, *store.discovered_urls(story.id, source.id)):
                key = canonicalize(url)  # "?utm_source=…" or "#comments" is the same article
                if key not in seen:
                    seen.add(key)
                    jobs.append(Job(story, source, url))
    return jobs


def run_pipeline(stories: list[Story], db_path: Path, options: RunOptions) -> RunReport:
    """Run every stage for these stories against the database at ``db_path``."""
    with run_lock(db_path), Store(db_path) as store:
        store.save_stories(stories)
        report = RunReport(run_id=store.start_run([s.id for s in stories], options.offline), offline=options.offline)
        try:
            if not options.offline:
                discover(stories, store, options, report)
            collect(stories, store, options, report)
            relinked = link_copies(store, report)
            touched = analyse(store, [s.id for s in stories], options, report)
            for story_id, pairs in relinked.items():
                touched.setdefault(story_id, set()).update(pairs)
            for story in stories:  # never aligned, or by another version of the aligner
                if store.aligner_version(story.id) != ALIGNER_VERSION:
                    touched[story.id] = None
            report.events = realign(store, touched)
            if touched:
                merge_entities(store)
                locate_places(store, sorted(touched))
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
    pending, visited = list(starts), set()
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
                        found, children = parse_feed(snapshot.text or "", url), []
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
    jobs = jobs_of(stories, store)
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
                document_id, _, is_new = store.save_article(report.run_id, job.story.id, job.source.id, snapshot,
                                                            article, body_hash)
                report.changed_documents.append(document_id)
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


def link_copies(store: Store, report: RunReport) -> dict[str, set[tuple[str, str]]]:
    """Link syndicated copies to their original; return the (event key, source id) pairs this changes.

    Of two near-identical texts from different sources, the one published first (then
    the smaller URL) is the original; the other is a copy and its claims do not count
    as an independent source.
    """
    touched: dict[str, set[tuple[str, str]]] = {}
    for document_id in report.changed_documents:
        doc = store.document(document_id)
        own = shingles(doc["text"])
        bands = band_keys(signature(own))
        best = None
        for other in store.similar_candidates(document_id, bands):
            if other["source_id"] == doc["source_id"]:
                continue
            score = jaccard(own, shingles(other["text"]))
            if score >= THRESHOLD and (best is None or score > best[1]):
                best = (other, score)
        duplicate_of, score = None, None
        if best is not None:
            other, score = best
            if (other["published"] or "9999", other["url"]) <= (doc["published"] or "9999", doc["url"]):
                duplicate_of = other["id"]
            else:  # the newcomer is the original: the older document becomes the copy
                store.save_signature(other["id"], store.bands_of(other["id"]), document_id, score)
                touched.setdefault(doc["story_id"], set()).update(store.event_pairs_of(other["id"]))
                report.copies += 1
        if (doc["duplicate_of"] or None) != duplicate_of:
            touched.setdefault(doc["story_id"], set()).update(store.event_pairs_of(document_id))
        store.save_signature(document_id, bands, duplicate_of, score)
        report.copies += duplicate_of is not None
    return touched


def analyse(store: Store, story_ids: list[str], options: RunOptions,
            report: RunReport) -> dict[str, set[tuple[str, str]] | None]:
    """Analyse new versions; return, per story, the (event key, source id) pairs whose claims changed."""
    total = store.count_versions_to_analyse(EXTRACTOR_VERSION, story_ids)
    touched: dict[str, set[tuple[str, str]] | None] = {}
    if not total:
        return touched
    nlp = load_nlp()
    # Versions and their texts stream from the store; the two iterators stay in step.
    versions, texts = itertools.tee(store.versions_to_analyse(EXTRACTOR_VERSION, story_ids))
    items = ((v.text, v.published, v.publisher) for v in texts)
    with Progress(total, "analyse", enabled=options.progress) as bar:
        for version, analysis in zip(versions, analyse_many(nlp, items, n_process=options.processes)):
            pairs = save_facts(store, version, analysis, EXTRACTOR_VERSION)
            report.fact_changes += record_revision(store, report.run_id, version, analysis)
            touched.setdefault(version.story_id, set()).update(pairs)
            report.analysed += 1
            bar.advance()
    return touched


def save_facts(store: Store, version: VersionToAnalyse, analysis: Analysis,
               extractor_version: str) -> set[tuple[str, str]]:
    """Store one version's facts with the event key of each; return the (event key, source id) pairs touched."""
    happenings = find_happenings(analysis, version.text)
    claim = _claim_builder(version)
    figure_keys = [event_key(claim(figure=f)) for f in analysis.figures]
    happening_keys = [event_key(claim(happening=h)) for h in happenings]
    return store.save_analysis(version, analysis, happenings, extractor_version, figure_keys, happening_keys,
                               count_actor_words(version.text))


def record_revision(store: Store, run_id: int, version: VersionToAnalyse, analysis: Analysis) -> int:
    """When a page changed, keep the text diff and the facts that were added, removed or changed."""
    previous = store.previous_analysed_version(version.document_id, version.version_id)
    if previous is None:
        return 0
    old_id, old_text = previous
    old_figures, old_dates = store.version_facts(old_id)
    changes = (figure_changes(old_figures, list(analysis.figures))
               + date_changes(old_dates, list(analysis.dates)))
    store.save_revision(run_id, version.document_id, old_id, version.version_id,
                        text_diff(old_text, version.text), changes)
    return len(changes)


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

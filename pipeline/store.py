"""The SQLite store: the only module that writes SQL.

It knows models, not stages. Every write that must land whole (a document with its
version, a version with its facts, a story's events) is one transaction, so a crash
leaves the database as it was before that write.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import hashlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import sqlite_utils

from . import faults
from .errors import StoreError, UsageError
from .models import (
    Analysis,
    Article,
    Claim,
    DateMention,
    Event,
    Figure,
    Happening,
    Snapshot,
    SourceView,
    Story,
)
from .schema import apply_schema


def now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def text_fragment_link(url: str, sentence: str) -> str:
    """A link that opens ``url`` scrolled to ``sentence`` (a #:~:text= fragment)."""
    words = sentence.split()
    if len(words) > 10:  # start,end form: short and robust to edits mid-sentence
        fragment = quote(" ".join(words[:4]), safe="") + "," + quote(" ".join(words[-4:]), safe="")
    else:
        fragment = quote(" ".join(words), safe="")
    return f"{url.split('#')[0]}#:~:text={fragment.replace('-', '%2D')}"


@dataclass(frozen=True)
class DocumentState:
    id: int
    body_hash: str | None
    content_hash: str | None
    etag: str | None
    last_modified: str | None
    current_version_id: int | None
    status: str | None


@dataclass(frozen=True)
class VersionToAnalyse:
    version_id: int
    document_id: int
    url: str
    text: str
    published: dt.date | None
    publisher: str
    story_id: str
    title: str | None = None  # the headline, analysed with the text (its figures have part "headline")
    language: str | None = None  # the source's declared language (sources.yaml); None: detect from the text


SQLITE_MAGIC = b"SQLite format 3\x00"
# Tables every pipeline database has had since its first schema.
PIPELINE_TABLES = frozenset({"stories", "sources", "runs", "documents"})


def _new_id(table: sqlite_utils.db.Table) -> int:
    """The row id an insert just gave (sqlite-utils types it as optional)."""
    if table.last_pk is None:
        raise StoreError(f"no row id after inserting into {table.name}")
    return int(table.last_pk)


def check_database(path: str | Path, must_exist: bool = True) -> None:
    """Raise UsageError unless ``path`` is a pipeline database; only reads the file.

    A missing or empty file passes when ``must_exist`` is False (a run creates it), and
    so does an SQLite file with no table at all: a run killed between switching a new
    file to WAL and committing the schema leaves one, and the next run must finish it.
    """
    path = Path(path)
    if not path.exists() or (not must_exist and path.is_file() and path.stat().st_size == 0):
        if must_exist:
            raise UsageError(f"no database at {path}: run 'pipeline run' or 'pipeline demo' first")
        return
    if not path.is_file():
        raise UsageError(f"{path} is not a file: pass --db with the path of a pipeline database")
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from None
    if head != SQLITE_MAGIC:
        raise UsageError(f"{path} is not an SQLite database: pass --db with a database 'pipeline run' made")
    try:
        with contextlib.closing(_connect_read_only(path)) as db:
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.Error as exc:
        raise UsageError(f"{path} is not a readable pipeline database ({exc}): "
                         "is it damaged? try 'sqlite3 FILE .recover'") from None
    if not tables and not must_exist:
        return
    if not PIPELINE_TABLES <= tables:
        raise UsageError(f"{path} is not a pipeline database (no {', '.join(sorted(PIPELINE_TABLES - tables))} "
                         "table); it is left untouched")


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that can never write, also in a read-only folder."""
    uri = "file:" + quote(str(path.resolve())) + "?mode=ro"
    db = sqlite3.connect(uri, uri=True)
    try:
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        db.close()
        if os.access(path.parent, os.W_OK):
            raise
        # A WAL database in a folder we cannot write has no -shm to share: no writer can
        # be at work there either, so reading it as immutable is safe.
        db = sqlite3.connect(uri + "&immutable=1", uri=True)
    return db


class Store:
    """One SQLite database file, opened with WAL and foreign keys on.

    ``read_only=True`` is for commands that only read (status, export): the file is
    opened read-only, never migrated, never switched to WAL, and must already be a
    pipeline database (:func:`check_database`).
    """

    def __init__(self, path: str | Path, read_only: bool = False):
        self.path = Path(path)
        self.read_only = read_only
        # (canonical, label) → id of entities known committed: rows of `entities` are never deleted.
        self._entity_cache: dict[tuple[str, str], int] = {}
        if read_only:
            check_database(self.path)
            try:
                self.db = sqlite_utils.Database(_connect_read_only(self.path))
            except sqlite3.Error as exc:
                raise StoreError(f"cannot read the database {self.path}: {exc}") from exc
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite_utils.Database(self.path)
            self.db.execute("PRAGMA busy_timeout = 10000")
            self.db.enable_wal()
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA synchronous = NORMAL")
            with self._write():
                apply_schema(self.db)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"cannot open the database {self.path}: {exc}") from exc

    @contextlib.contextmanager
    def _write(self) -> Iterator[None]:
        """One write transaction (rolled back on any exception, signals included)."""
        with self.db.atomic():
            yield
            faults.write_boundary()  # a kill here must leave the database as before the write
        faults.write_boundary()

    def close(self) -> None:
        self.db.close()

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[None]:
        """Everything read inside sees one consistent state, even while a run writes."""
        self.db.execute("BEGIN")
        try:
            yield
        finally:
            self.db.execute("COMMIT")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- stories and runs ----------------------------------------------------------

    def save_stories(self, stories: Iterable[Story]) -> None:
        with self._write():
            for story in stories:
                self.db.table("stories").upsert(
                    {"id": story.id, "title": story.title, "description": story.description}, pk="id"
                )
                for source in story.sources:
                    self.db.table("sources").upsert(
                        {"id": source.id, "story_id": story.id, "name": source.name, "kind": source.kind,
                         "country": source.country, "language": source.language,
                         "urls": json.dumps(list(source.urls)), "feeds": json.dumps(list(source.feeds))},
                        pk="id",
                    )

    def start_run(self, story_ids: list[str], offline: bool) -> int:
        """Record a new run; a run still marked running was killed (the caller holds the lock)."""
        with self._write():
            self.db.execute("UPDATE runs SET status = 'interrupted', error = COALESCE(error, ?) "
                            "WHERE status = 'running'", ["ended without finishing: the process was killed"])
            table = self.db.table("runs").insert(
                {"stories": ",".join(story_ids), "started": now_iso(), "status": "running", "offline": int(offline)}
            )
        return _new_id(table)

    def finish_run(self, run_id: int, counts: dict, status: str, error: str | None = None) -> None:
        row = {key: value for key, value in counts.items() if key != "failures"}
        row.update(ended=now_iso(), status=status, error=error, failures=json.dumps(counts.get("failures", {})))
        with self._write():
            self.db.table("runs").update(run_id, row)

    def last_runs(self, limit: int = 5) -> list[dict]:
        return list(self.db.query("SELECT * FROM runs ORDER BY id DESC LIMIT ?", [limit]))

    def source_health(self) -> list[dict]:
        return list(self.db.query("SELECT * FROM source_health"))

    # --- documents -----------------------------------------------------------------

    def document_state(self, url: str) -> DocumentState | None:
        rows = list(self.db.query(
            "SELECT id, body_hash, content_hash, etag, last_modified, current_version_id, status "
            "FROM documents WHERE url = ?", [url]))
        return DocumentState(**rows[0]) if rows else None

    def current_text(self, url: str) -> str | None:
        """The text of the current (last good) version of a page, if it has one."""
        rows = list(self.db.query(
            "SELECT v.text FROM documents d JOIN document_versions v ON v.id = d.current_version_id "
            "WHERE d.url = ?", [url]))
        return rows[0]["text"] if rows else None

    def log_fetch(self, run_id: int, snapshot: Snapshot, source_id: str, outcome: str | None = None,
                  error: str | None = None) -> None:
        state = self.document_state(snapshot.url)
        with self._write():
            self.db.table("fetch_log").insert({
                "run_id": run_id, "url": snapshot.url, "source_id": source_id,
                "document_id": state.id if state else None, "status_code": snapshot.status,
                "bytes": len(snapshot.body), "elapsed_ms": snapshot.elapsed_ms,
                "outcome": outcome or snapshot.outcome, "error": error or snapshot.error,
                "fetched_at": (snapshot.fetched_at or dt.datetime.now(dt.timezone.utc)).isoformat(timespec="seconds"),
            })

    def save_article(self, run_id: int, story_id: str, source_id: str, snapshot: Snapshot, article: Article,
                     body_hash: str) -> tuple[int, int, bool]:
        """Store the current content of a page; return (document id, version id, is a new version)."""
        now = now_iso()
        content_hash = text_hash(article.text)
        published = article.published.isoformat() if article.published else None
        with self._write():
            state = self.document_state(snapshot.url)
            fields = {
                "url": snapshot.url, "story_id": story_id, "source_id": source_id,
                "final_url": snapshot.final_url, "title": article.title, "author": article.author,
                "site_name": article.site_name, "language": article.language, "published": published,
                "published_source": article.published_source, "text": article.text,
                "words": len(article.text.split()), "content_hash": content_hash, "body_hash": body_hash,
                "status": "ok", "removed_at": None, "last_seen": now, "last_success": now,
                "etag": snapshot.header("etag"),
                "last_modified": snapshot.header("last-modified"), "consecutive_failures": 0, "last_error": None,
            }
            if state is None:
                document_id = _new_id(self.db.table("documents").insert(dict(fields, first_seen=now)))
            else:
                document_id = state.id
                self.db.table("documents").update(document_id, fields)
            existing = list(self.db.query(
                "SELECT id FROM document_versions WHERE document_id = ? AND content_hash = ?",
                [document_id, content_hash]))
            if existing:
                version_id, is_new = existing[0]["id"], False
                self.db.table("document_versions").update(version_id, {"last_seen": now})
            else:
                version_id = _new_id(self.db.table("document_versions").insert({
                    "document_id": document_id, "content_hash": content_hash, "first_seen": now,
                    "last_seen": now, "run_id": run_id, "title": article.title, "author": article.author,
                    "published": published, "published_source": article.published_source, "text": article.text,
                }))
                is_new = True
            if state is not None and state.current_version_id not in (None, version_id):
                # Another version's facts now stand for the document (also a page reverted to an
                # earlier, already analysed text): its events and places are owed again.
                self._mark_document_stale(document_id)
            self.db.table("documents").update(document_id, {"current_version_id": version_id})
        return document_id, version_id, is_new

    def mark_unchanged(self, url: str, snapshot: Snapshot) -> None:
        """The page answered with what we already have (304, or the same body)."""
        now = now_iso()
        changes = {"last_seen": now, "last_success": now, "consecutive_failures": 0, "last_error": None,
                   "status": "ok", "removed_at": None}
        if snapshot.header("etag"):
            changes["etag"] = snapshot.header("etag")
        if snapshot.header("last-modified"):
            changes["last_modified"] = snapshot.header("last-modified")
        with self._write():
            state = self.document_state(url)
            if state is None:
                return
            self.db.table("documents").update(state.id, changes)
            if state.current_version_id:
                self.db.table("document_versions").update(state.current_version_id, {"last_seen": now})

    def mark_failed(self, url: str, story_id: str, source_id: str, reason: str, removed: bool = False) -> None:
        """A failure keeps the last good content; a 404/410 after success marks it removed."""
        now = now_iso()
        with self._write():
            state = self.document_state(url)
            if state is None:
                self.db.table("documents").insert({
                    "url": url, "story_id": story_id, "source_id": source_id, "status": "failed",
                    "first_seen": now, "last_seen": now, "consecutive_failures": 1, "last_error": reason,
                })
                return
            status: str | None
            if removed and state.current_version_id:
                status = "removed"
            else:
                status = state.status if state.current_version_id else "failed"
            self.db.execute(
                "UPDATE documents SET status = ?, last_seen = ?, last_error = ?, "
                "removed_at = CASE WHEN ? = 'removed' THEN COALESCE(removed_at, ?) END, "
                "consecutive_failures = COALESCE(consecutive_failures, 0) + 1 WHERE id = ?",
                [status, now, reason, status, now, state.id])

    # --- analysis ------------------------------------------------------------------

    def versions_to_analyse(self, extractor_version: str, story_ids: list[str]) -> Iterator[VersionToAnalyse]:
        """Current versions never analysed by this extractor version, oldest first.

        Only the ids are read up front; each text is read when its turn comes, so a large
        backlog does not sit in memory.
        """
        marks = ",".join("?" for _ in story_ids)
        ids = [row["id"] for row in self.db.query(f"""
            SELECT v.id FROM documents d
            JOIN document_versions v ON v.id = d.current_version_id
            LEFT JOIN analyses a ON a.version_id = v.id
            WHERE d.story_id IN ({marks}) AND (a.version_id IS NULL OR a.extractor_version != ?)
            ORDER BY v.id""", [*story_ids, extractor_version])]
        for version_id in ids:
            [row] = list(self.db.query("""
                SELECT v.id AS version_id, d.id AS document_id, d.url, v.text, v.published, s.name AS publisher,
                       d.story_id, v.title, s.language
                FROM document_versions v JOIN documents d ON d.id = v.document_id
                JOIN sources s ON s.id = d.source_id WHERE v.id = ?""", [version_id]))  # read whole: no open cursor
            published = dt.date.fromisoformat(row["published"]) if row["published"] else None
            yield VersionToAnalyse(row["version_id"], row["document_id"], row["url"], row["text"], published,
                                   row["publisher"], row["story_id"], row["title"], row["language"])

    def count_versions_to_analyse(self, extractor_version: str, story_ids: list[str]) -> int:
        marks = ",".join("?" for _ in story_ids)
        return list(self.db.query(f"""
            SELECT COUNT(*) AS n FROM documents d
            JOIN document_versions v ON v.id = d.current_version_id
            LEFT JOIN analyses a ON a.version_id = v.id
            WHERE d.story_id IN ({marks}) AND (a.version_id IS NULL OR a.extractor_version != ?)""",
            [*story_ids, extractor_version]))[0]["n"]

    def save_analysis(self, version: VersionToAnalyse, analysis: Analysis, happenings: Iterable[Happening],
                      extractor_version: str, figure_keys: list[str | None], happening_keys: list[str | None],
                      actor_words: dict[tuple[str, str], int], status: str = "ok",
                      note: str | None = None) -> set[tuple[str, str]]:
        """Replace a version's facts; return the (event key, source id) pairs its old and new facts touch.

        In the same transaction those pairs' events and the story's places are marked owed,
        so a run killed before alignment leaves the work for the next one. ``status`` is
        ok, partial (only part of the text analysed: ``note`` says which) or failed (no
        facts: ``note`` says why).
        """
        happenings = list(happenings)
        vid = version.version_id
        source_id = self._source_of(version.document_id)
        new_entities: dict[tuple[str, str], int] = {}
        with self._write():
            touched = self._document_event_keys(version.document_id)
            self._delete_facts(vid)
            sentence_of = self._save_sentences(version, analysis)
            entity_ids = self._entity_ids([(m.canonical, m.label) for m in analysis.entities], new_entities)
            self._insert_rows("entity_mentions", [{
                "version_id": vid, "sentence_id": sentence_of(m.start),
                "entity_id": entity_ids[(m.canonical, m.label)], "start": m.start, "end": m.end,
                "text": m.text, "label": m.label, "role": m.role,
            } for m in analysis.entities])
            self._insert_rows("dates", [{
                "version_id": vid, "sentence_id": sentence_of(d.start), "start": d.start, "end": d.end,
                "text": d.text, "value": d.value, "value_end": d.value_end, "precision": d.precision,
                "relative": int(d.relative)} for d in analysis.dates])
            self._insert_rows("figures", [
                self._figure_row(vid, figure, sentence_of(figure.start, figure.part), key)
                for figure, key in zip(analysis.figures, figure_keys, strict=False)])
            self._insert_rows("happenings", [{
                "version_id": vid, "sentence_id": sentence_of(happening.start), "action": happening.action,
                "label": happening.label, "date": happening.date, "date_end": happening.date_end,
                "date_text": happening.date_text, "start": happening.start, "end": happening.end,
                "actors": json.dumps(list(happening.actors)), "event_key": key,
            } for happening, key in zip(happenings, happening_keys, strict=False)])
            self._insert_rows("actor_words", [
                {"version_id": vid, "word": word, "group_name": group, "count": count}
                for (word, group), count in sorted(actor_words.items())])
            self._upsert_analysis({
                "version_id": vid, "extractor_version": extractor_version, "analysed_at": now_iso(),
                "sentences": len(analysis.sentences), "dates": len(analysis.dates),
                "figures": len(analysis.figures), "entities": len(analysis.entities),
                "happenings": len(happenings), "status": status, "note": note})
            pairs = {(key, source_id) for key in touched | {k for k in [*figure_keys, *happening_keys] if k}}
            self._mark_stale(version.story_id, pairs)
        if not self.db.conn.in_transaction:  # committed: ids of a rolled-back insert are never cached
            self._entity_cache.update(new_entities)
        return pairs

    # sqlite-utils' get, upsert and insert read the table's columns each call: in the per-version
    # path (save_analysis) these are plain statements with the same effect.
    def _source_of(self, document_id: int) -> str:
        row = self.db.execute("SELECT source_id FROM documents WHERE id = ?", [document_id]).fetchone()
        if row is None:
            raise sqlite_utils.db.NotFoundError(document_id)
        return row[0]

    def _upsert_analysis(self, row: dict) -> None:
        """The version's analyses row, inserted or its columns replaced (sqlite-utils' upsert)."""
        columns = list(row)
        self.db.execute(f"INSERT INTO analyses ({', '.join(f'[{c}]' for c in columns)}) VALUES ({_marks(columns)}) "
                        f"ON CONFLICT(version_id) DO UPDATE SET "
                        f"{', '.join(f'[{c}] = excluded.[{c}]' for c in columns if c != 'version_id')}",
                        [row[c] for c in columns])

    def _document_event_keys(self, document_id: int) -> set[str]:
        """Event keys of the facts of every version of a document: they leave their events when
        another version becomes current."""
        return {row["event_key"] for table in ("figures", "happenings") for row in self.db.query(
            f"SELECT DISTINCT event_key FROM {table} WHERE event_key IS NOT NULL AND version_id IN "
            "(SELECT id FROM document_versions WHERE document_id = ?)", [document_id])}

    def _save_sentences(self, version: VersionToAnalyse,
                        analysis: Analysis) -> Callable[..., int | None]:
        """Store the version's sentences (and its headline, when a figure is in it); return
        what finds the sentence id of an offset ("headline" offsets are in the title)."""
        vid = version.version_id
        self._insert_rows("sentences", [{
            "version_id": vid, "idx": idx, "start": sentence.start, "end": sentence.end,
            "text": sentence.text, "link": text_fragment_link(version.url, sentence.text),
        } for idx, sentence in enumerate(analysis.sentences)])
        sentence_ids = [row[0] for row in self.db.execute(
            "SELECT id FROM sentences WHERE version_id = ? AND idx >= 0 ORDER BY idx", [vid])]
        starts = [s.start for s in analysis.sentences]
        headline_id = self._headline_sentence(version, analysis)

        def sentence_of(offset: int | None, part: str = "body") -> int | None:
            if part == "headline":  # its offsets are in the title, never in the body
                return headline_id
            if offset is None or not starts:
                return None
            return sentence_ids[max(0, bisect.bisect_right(starts, offset) - 1)]

        return sentence_of

    def _insert_rows(self, table: str, rows: list[dict]) -> None:
        """Insert rows that all have the same keys, in one statement: sqlite-utils' ``insert``
        per row looks the table up and checks its columns each time (7 % of a dense run)."""
        if not rows:
            return
        columns = list(rows[0])
        self.db.conn.executemany(
            f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in columns)}) VALUES ({_marks(columns)})",
            [[row[c] for c in columns] for row in rows])

    def _entity_ids(self, names: list[tuple[str, str]], new: dict[tuple[str, str], int]) -> dict[tuple[str, str], int]:
        """Ids of these (canonical, label) entities, inserting those not yet stored in the order
        first named; ``new`` collects ids met in this transaction, cached by the caller once committed."""
        ids: dict[tuple[str, str], int] = {}
        for name in dict.fromkeys(names):
            found = self._entity_cache.get(name) or new.get(name)
            if found is None:
                found = new[name] = self._entity_id(*name)
            ids[name] = found
        return ids

    def _headline_sentence(self, version: VersionToAnalyse, analysis: Analysis) -> int | None:
        """The headline as a sentence of its own (idx -1, offsets in the title, part "headline"), when a
        figure was found in it: its figures link to it, not to the body sentence at the same offset."""
        title = " ".join((version.title or "").split())
        if not title or not any(f.part == "headline" for f in analysis.figures):
            return None
        return _new_id(self.db.table("sentences").insert({
            "version_id": version.version_id, "idx": -1, "start": 0, "end": len(title), "text": title,
            "link": text_fragment_link(version.url, title), "part": "headline"}))

    def _figure_row(self, version_id: int, figure: Figure, sentence_id: int | None, key: str | None) -> dict:
        return {
            "version_id": version_id, "sentence_id": sentence_id, "start": figure.start, "end": figure.end,
            "text": figure.text, "value": figure.value, "low": figure.low, "high": figure.high,
            "unit": figure.unit, "approx": figure.approx, "counted": figure.counted,
            "counted_head": figure.counted_head, "predicate": figure.predicate, "claim_type": figure.claim_type,
            "as_of": figure.as_of, "attributed_to": figure.attributed_to, "scope": figure.scope, "event_key": key,
            **{name: getattr(figure, name) for name in _FIGURE_KEYS}, "planned": int(figure.planned),
        }

    def _delete_facts(self, version_id: int) -> None:
        for table, column in (("figures", "figure_id"), ("happenings", "happening_id")):
            for links in ("event_claims", "event_sources"):
                self.db.execute(f"DELETE FROM {links} WHERE {column} IN "
                                f"(SELECT id FROM {table} WHERE version_id = ?)", [version_id])
        for table in ("entity_mentions", "dates", "figures", "happenings", "actor_words", "sentences"):
            self.db.execute(f"DELETE FROM {table} WHERE version_id = ?", [version_id])

    def _mark_stale(self, story_id: str, pairs: Iterable[tuple[str, str]]) -> None:
        """Owe a re-alignment of these (event key, source id) pairs, and the story's places."""
        self.db.conn.executemany("INSERT OR IGNORE INTO stale_events (story_id, event_key, source_id) VALUES (?, ?, ?)",
                                 [(story_id, key, source) for key, source in sorted(pairs)])
        self.db.execute("INSERT OR IGNORE INTO stale_places (story_id) VALUES (?)", [story_id])

    def _mark_document_stale(self, document_id: int) -> None:
        """Owe a re-alignment of every event any version of this document has facts in."""
        row = self.db.table("documents").get(document_id)
        keys = {r["event_key"] for table in ("figures", "happenings") for r in self.db.query(
            f"SELECT DISTINCT event_key FROM {table} WHERE event_key IS NOT NULL AND version_id IN "
            "(SELECT id FROM document_versions WHERE document_id = ?)", [document_id])}
        self._mark_stale(row["story_id"], {(key, row["source_id"]) for key in keys})

    def stale_pairs(self, story_id: str) -> set[tuple[str, str]]:
        """The (event key, source id) pairs whose events a run still owes a re-alignment."""
        return {(r["event_key"], r["source_id"]) for r in self.db.query(
            "SELECT event_key, source_id FROM stale_events WHERE story_id = ?", [story_id])}

    def stale_places(self, story_ids: list[str]) -> list[str]:
        """The stories among these whose places a run still owes."""
        return [r["story_id"] for r in self.db.query(
            f"SELECT story_id FROM stale_places WHERE story_id IN ({_marks(story_ids)}) ORDER BY story_id",
            story_ids)]

    def _entity_id(self, canonical: str, label: str) -> int:
        rows = list(self.db.query("SELECT id FROM entities WHERE canonical = ? AND label = ?", [canonical, label]))
        if rows:
            return rows[0]["id"]
        return _new_id(self.db.table("entities").insert({"canonical": canonical, "label": label}))

    # --- alignment -----------------------------------------------------------------

    def claims(self, story_id: str, pairs: set[tuple[str, str]] | None = None) -> Iterator[Claim]:
        """Aligned-to-be facts of the current versions of a story: all, or those of these
        (event key, source id) pairs."""
        if pairs is None:  # every fact: its key is computed at alignment, never trusted from analysis time
            yield from self._claims("", [story_id], keyed_only=False)
            return
        by_source: dict[str, set[str]] = {}
        for key, source_id in pairs:
            by_source.setdefault(source_id, set()).add(key)
        for source_id, keys in sorted(by_source.items()):
            # One source's documents first: the key index alone would visit every story's facts.
            yield from self._claims(f" AND d.source_id = ? AND x.event_key IN ({_marks(keys)})",
                                    [story_id, source_id, *sorted(keys)], source_first=True)

    def _claims(self, where: str, params: list, source_first: bool = False,
                tables: tuple[str, ...] = ("figures", "happenings"), keyed_only: bool = True) -> Iterator[Claim]:
        where = (" AND x.event_key IS NOT NULL" if keyed_only else "") + where
        rows = self.db.query(_claims_sql("figures", where, source_first), params) if "figures" in tables else ()
        for row in rows:
            yield _claim(row, figure=Figure(
                text=row["text"], start=row["start"], end=row["end"], value=row["value"], low=row["low"],
                high=row["high"], unit=row["unit"], approx=row["approx"], counted=row["counted"],
                counted_head=row["counted_head"], predicate=row["predicate"], claim_type=row["claim_type"],
                as_of=row["as_of"], attributed_to=row["attributed_to"], sentence=row["sentence"],
                sentence_start=row["sentence_start"], scope=row["scope"], **_stored_keys(row)))
        rows = self.db.query(_claims_sql("happenings", where, source_first), params) if "happenings" in tables else ()
        for row in rows:
            yield _claim(row, happening=Happening(
                action=row["action"], label=row["label"], date=row["date"], date_end=row["date_end"],
                date_text=row["date_text"], start=row["start"], end=row["end"], sentence=row["sentence"],
                sentence_start=row["sentence_start"], actors=tuple(json.loads(row["actors"] or "[]"))))

    def source_views(self, story_id: str, keys: set[str]) -> list[SourceView]:
        """The stored per-source views of a story's events with these keys."""
        rows = list(self.db.query(f"""
            SELECT e.event_key, es.* FROM events e JOIN event_sources es ON es.event_id = e.id
            WHERE e.story_id = ? AND e.event_key IN ({_marks(keys)})""", [story_id, *sorted(keys)]))
        claims: dict[str, Claim] = {}
        for column, table in (("figure_id", "figures"), ("happening_id", "happenings")):
            ids = sorted({r[column] for r in rows if r[column] is not None})
            for chunk in range(0, len(ids), 500):
                part = ids[chunk:chunk + 500]
                claims.update((c.key, c) for c in self._claims(f" AND x.id IN ({_marks(part)})", [story_id, *part],
                                                                 tables=(table,)))
        return [SourceView(key=r["event_key"], source_id=r["source_id"], claim=claims[r["claim_key"]],
                           first=r["first_date"], last=r["last_date"], label_hint=r["label_hint"], claims=r["claims"])
                for r in rows if r["claim_key"] in claims]

    def aligner_version(self, story_id: str) -> str | None:
        rows = list(self.db.query("SELECT aligner_version FROM alignments WHERE story_id = ?", [story_id]))
        return rows[0]["aligner_version"] if rows else None

    def save_events(self, story_id: str, events: list[Event], aligner_version: str) -> None:
        """Replace all of a story's events (a full alignment), and store with each fact the
        key it was aligned by, so that later incremental alignments find it under that key."""
        with self._write():
            self._rekey_facts(story_id, events)
            old = "SELECT id FROM events WHERE story_id = ?"
            for table in ("event_claims", "event_sources"):
                self.db.execute(f"DELETE FROM {table} WHERE event_id IN ({old})", [story_id])
            self.db.execute("DELETE FROM events WHERE story_id = ?", [story_id])
            self.db.execute("DELETE FROM stale_events WHERE story_id = ?", [story_id])
            for event in events:
                self._insert_event(event)
            self.db.table("alignments").upsert({"story_id": story_id, "aligner_version": aligner_version,
                                          "aligned_at": now_iso()}, pk="story_id")

    def _rekey_facts(self, story_id: str, events: list[Event]) -> None:
        for table in ("figures", "happenings"):
            self.db.execute(f"UPDATE {table} SET event_key = NULL WHERE event_key IS NOT NULL AND version_id IN "
                            "(SELECT current_version_id FROM documents WHERE story_id = ? AND duplicate_of IS NULL)",
                            [story_id])
        for event in events:
            for member in event.members:
                fact = _fact_ids(member.claim_key)
                table, row_id = ("figures", fact["figure_id"]) if fact["figure_id"] else ("happenings",
                                                                                          fact["happening_id"])
                self.db.execute(f"UPDATE {table} SET event_key = ? WHERE id = ?", [event.key, row_id])

    def update_events(self, story_id: str, events: list[Event], changed: set[tuple[str, str]]) -> None:
        """Rewrite the events of the changed (event key, source id) pairs (an incremental alignment).

        The members of each event's changed sources are replaced; the other sources'
        memberships stay, but which claim is the most conservative may move to or from them.
        """
        keys = {key for key, _ in changed}
        ids = {r["event_key"]: r["id"] for r in self.db.query(
            f"SELECT id, event_key FROM events WHERE story_id = ? AND event_key IN ({_marks(keys)})",
            [story_id, *sorted(keys)])}
        new = {event.key: event for event in events}
        with self._write():
            for key, event_id in ids.items():
                if key not in new:
                    params = [event_id]
                    self.db.execute("DELETE FROM event_claims WHERE event_id = ?", params)
                    self.db.execute("DELETE FROM event_sources WHERE event_id = ?", params)
                    self.db.execute("DELETE FROM events WHERE id = ?", params)
            for event in events:
                if event.key in ids:
                    sources = sorted({source for key, source in changed if key == event.key})
                    self.db.execute(f"DELETE FROM event_claims WHERE event_id = ? AND source_id IN "
                                    f"({_marks(sources)})", [event.id, *sources])
                    self.db.execute("DELETE FROM event_sources WHERE event_id = ?", [event.id])
                self._insert_event(event)
                self.db.execute("UPDATE event_claims SET conservative = IFNULL(claim_key = ?, 0) "
                                "WHERE event_id = ? AND (conservative = 1 OR claim_key = ?)",
                                [event.conservative_key, event.id, event.conservative_key])
            for key, source in sorted(changed):
                self.db.execute("DELETE FROM stale_events WHERE story_id = ? AND event_key = ? AND source_id = ?",
                                [story_id, key, source])

    def _insert_event(self, event: Event) -> None:
        self.db.table("events").upsert({  # an update when the other sources' memberships stay
            "id": event.id, "story_id": event.story_id, "event_key": event.key, "kind": event.kind,
            "label": event.label, "claim_type": event.claim_type, "counted_group": event.counted_group,
            "scope": event.scope, "action": event.action, "date_start": event.date_start,
            "date_end": event.date_end, "low": event.low, "best": event.best, "high": event.high,
            "spread": event.spread, "n_sources": event.n_sources,
        }, pk="id")
        self.db.table("event_claims").insert_all({
            "event_id": event.id, "claim_key": m.claim_key, "source_id": m.source_id,
            **_fact_ids(m.claim_key), "latest_for_source": int(m.latest_for_source),
            "conservative": int(m.conservative),
        } for m in event.members)
        self.db.table("event_sources").insert_all({
            "event_id": event.id, "source_id": v.source_id, "claim_key": v.claim.key, **_fact_ids(v.claim.key),
            "first_date": v.first, "last_date": v.last, "label_hint": v.label_hint, "claims": v.claims,
        } for v in event.sources)

    # --- discovery and syndication ---------------------------------------------------

    def save_discovered(self, run_id: int, story_id: str, source_id: str, via: str, found: list[dict]) -> int:
        """Remember articles found in a feed or sitemap; return how many were new."""
        with self._write():
            before = self.db["discovered"].count
            self.db.table("discovered").insert_all(
                ({"story_id": story_id, "source_id": source_id, "found_via": via, "found_at": now_iso(),
                  "run_id": run_id, **row} for row in found), pk="url", ignore=True)
            return self.db["discovered"].count - before

    def known_urls(self) -> set[str]:
        return {r["url"] for r in self.db.query("SELECT url FROM documents UNION SELECT url FROM discovered")}

    def discovered_urls(self, story_id: str, source_id: str, found_since: str | None = None) -> list[str]:
        """Discovered article URLs of a source; with ``found_since`` (ISO), only those found
        since then or never stored with a text yet (the rest are left as they are)."""
        recent = "" if found_since is None else (
            "AND (x.found_at >= ? OR NOT EXISTS (SELECT 1 FROM documents d "
            "WHERE d.url = x.url AND d.current_version_id IS NOT NULL))")
        params = [story_id, source_id] + ([found_since] if found_since is not None else [])
        return [r["url"] for r in self.db.query(
            f"SELECT x.url FROM discovered x WHERE x.story_id = ? AND x.source_id = ? {recent} "
            "ORDER BY x.found_at, x.url", params)]

    def similar_candidates(self, document_id: int, bands: list[str]) -> list[dict]:
        """Other documents sharing a signature band, with their text and source."""
        marks = ",".join("?" * len(bands))
        return list(self.db.query(f"""
            SELECT DISTINCT d.id, d.source_id, d.url, d.text, d.published FROM signature_bands b
            JOIN documents d ON d.id = b.document_id
            WHERE b.band IN ({marks}) AND b.document_id != ? AND d.duplicate_of IS NULL""",
            [*bands, document_id]))

    def document(self, document_id: int) -> dict:
        return self.db.table("documents").get(document_id)

    def documents_to_check(self, story_ids: list[str]) -> list[int]:
        """Documents whose current text has no signature or copy check yet, oldest first."""
        return [r["id"] for r in self.db.query(f"""
            SELECT id FROM documents WHERE story_id IN ({_marks(story_ids)}) AND current_version_id IS NOT NULL
            AND signature_hash IS NOT content_hash ORDER BY id""", story_ids)]

    def save_copy_check(self, document_id: int, bands: list[str], duplicate_of: int | None,
                        similarity: float | None, demoted: tuple[int, float] | None = None) -> None:
        """A document's signature and what it is a copy of, with the check marked done, in one
        transaction. ``demoted``: (an older document, its similarity) that becomes a copy of this
        one. The events whose claims this moves in or out are marked owed a re-alignment."""
        with self._write():
            if demoted is not None:
                other, score = demoted
                if self.db.table("documents").get(other)["duplicate_of"] != document_id:
                    self._mark_document_stale(other)
                self.db.table("documents").update(other, {"duplicate_of": document_id, "similarity": score})
            doc = self.db.table("documents").get(document_id)
            if doc["duplicate_of"] != duplicate_of:
                self._mark_document_stale(document_id)
            self.db.execute("DELETE FROM signature_bands WHERE document_id = ?", [document_id])
            self.db.table("signature_bands").insert_all({"band": b, "document_id": document_id} for b in bands)
            self.db.table("documents").update(document_id, {"duplicate_of": duplicate_of, "similarity": similarity,
                                                      "signature_hash": doc["content_hash"]})

    # --- revisions -----------------------------------------------------------------

    def previous_analysed_version(self, document_id: int, version_id: int) -> tuple[int, str] | None:
        """The newest earlier version of a document that has facts: (id, text)."""
        rows = list(self.db.query(
            "SELECT v.id, v.text FROM document_versions v JOIN analyses a ON a.version_id = v.id "
            "WHERE v.document_id = ? AND v.id != ? AND a.status IS NOT 'failed' "
            "ORDER BY v.last_seen DESC, v.id DESC LIMIT 1",
            [document_id, version_id]))
        return (rows[0]["id"], rows[0]["text"]) if rows else None

    def version_facts(self, version_id: int) -> tuple[list[Figure], list[DateMention]]:
        figures = [Figure(text=r["text"], start=r["start"], end=r["end"], value=r["value"], low=r["low"],
                          high=r["high"], unit=r["unit"], approx=r["approx"], counted=r["counted"],
                          counted_head=r["counted_head"], predicate=r["predicate"], claim_type=r["claim_type"],
                          as_of=r["as_of"], attributed_to=r["attributed_to"], scope=r["scope"])
                   for r in self.db.query("SELECT * FROM figures WHERE version_id = ? ORDER BY id", [version_id])]
        dates = [DateMention(text=r["text"], start=r["start"], end=r["end"], value=r["value"],
                             value_end=r["value_end"], precision=r["precision"], relative=bool(r["relative"]))
                 for r in self.db.query("SELECT * FROM dates WHERE version_id = ? ORDER BY id", [version_id])]
        return figures, dates

    def save_revision(self, run_id: int, document_id: int, old_version_id: int, new_version_id: int, diff: str,
                      changes: Iterable) -> None:
        """The text diff on the new version and one row per fact that changed."""
        now = now_iso()
        with self._write():
            self.db.table("document_versions").update(
                new_version_id, {"previous_version_id": old_version_id, "diff": diff})
            self.db.execute("DELETE FROM fact_changes WHERE new_version_id = ?", [new_version_id])
            self.db.table("fact_changes").insert_all({
                "document_id": document_id, "old_version_id": old_version_id, "new_version_id": new_version_id,
                "run_id": run_id, "detected_at": now, "kind": c.kind, "change": c.change,
                "claim_type": c.claim_type, "counted": c.counted, "old_value": c.old_value,
                "new_value": c.new_value, "old_text": c.old_text, "new_text": c.new_text, "as_of": c.as_of,
                "summary": c.summary()} for c in changes)

    # --- entities across documents --------------------------------------------------

    def entity_names(self) -> list[tuple[str, str]]:
        return [(r["canonical"], r["label"]) for r in self.db.query(
            "SELECT canonical, label FROM entities WHERE id IN (SELECT DISTINCT entity_id FROM entity_mentions)")]

    def merge_entities(self, mapping: dict[tuple[str, str], str]) -> int:
        """Point mentions of an entity at the canonical entity it merges into; return how many moved."""
        moved = 0
        with self._write():
            for (canonical, label), target in sorted(mapping.items()):
                if target == canonical:
                    continue
                source_id = self._entity_id(canonical, label)
                target_id = self._entity_id(target, label)
                moved += self.db.execute("UPDATE entity_mentions SET entity_id = ? WHERE entity_id = ?",
                                         [target_id, source_id]).rowcount
        return moved

    # --- places --------------------------------------------------------------------

    def place_mentions(self, story_id: str) -> list[dict]:
        """Places named in a story's current texts, with how often and by whom."""
        return list(self.db.query("""
            SELECT e.canonical AS name, COUNT(*) AS mentions, COUNT(DISTINCT d.id) AS documents,
                   GROUP_CONCAT(DISTINCT s.name) AS sources
            FROM entity_mentions m
            JOIN entities e ON e.id = m.entity_id
            JOIN documents d ON d.current_version_id = m.version_id
            JOIN sources s ON s.id = d.source_id
            WHERE d.story_id = ? AND e.label IN ('GPE', 'LOC', 'FAC')
            GROUP BY e.canonical ORDER BY e.canonical""", [story_id]))

    def save_places(self, story_id: str, places: list[dict]) -> None:
        with self._write():
            self.db.execute("DELETE FROM places WHERE story_id = ?", [story_id])
            self.db.execute("DELETE FROM stale_places WHERE story_id = ?", [story_id])
            self.db.table("places").insert_all(
                {"id": f"{story_id}:{p['name']}", "story_id": story_id, **p} for p in places)

    def count(self, table: str) -> int:
        return self.db[table].count


def _claims_sql(table: str, where: str, source_first: bool = False) -> str:
    # CROSS JOIN keeps the documents as the outer loop, so the (story, source) index leads.
    join = "documents d CROSS JOIN {table} x" if source_first else "{table} x JOIN documents d"
    return f"""
        SELECT x.*, '{table[0]}:' || x.id AS claim_key, d.story_id, d.source_id, s.kind AS source_kind,
               d.url, d.published, sn.text AS sentence, sn.start AS sentence_start
        FROM {join.format(table=table)} ON d.current_version_id = x.version_id
        JOIN sources s ON s.id = d.source_id
        LEFT JOIN sentences sn ON sn.id = x.sentence_id
        WHERE d.story_id = ? AND d.duplicate_of IS NULL{where}
        ORDER BY x.id"""


# Keys the facts layer computed, stored with each figure and read back for alignment.
_FIGURE_KEYS = ("counted_group", "unit_kind", "time_scope", "incident", "phase", "status", "part")


def _stored_keys(row: dict) -> dict:
    """A figure row's stored keys; a row from before they were stored keeps the model's defaults."""
    keys = {name: row[name] for name in _FIGURE_KEYS if row.get(name) is not None}
    return {**keys, "planned": bool(row.get("planned"))}


def _marks(values) -> str:
    return ",".join("?" * len(values))


def _fact_ids(claim_key: str) -> dict[str, int | None]:
    """The figure or happening row behind a claim key ("f:12", "h:3")."""
    kind, _, number = claim_key.partition(":")
    return {"figure_id": int(number) if kind == "f" else None, "happening_id": int(number) if kind == "h" else None}


def _claim(row: dict, figure: Figure | None = None, happening: Happening | None = None) -> Claim:
    return Claim(key=row["claim_key"], story_id=row["story_id"], source_id=row["source_id"],
                 source_kind=row["source_kind"], url=row["url"], published=row["published"],
                 figure=figure, happening=happening)

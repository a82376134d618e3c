"""The database's shape, declared as data and applied idempotently, and recorded migrations.

Tables are created if missing, columns added if missing (never renamed or dropped:
other tools read these tables), then indexes, full-text search and views. A change that
adding cannot express (moving or rewriting data) is a named step in ``MIGRATIONS``; the
``migrations`` table records which steps a database has had, so each runs once, in order,
in the same transaction as the rest of the schema (``Store`` opens it with one).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import sqlite_utils

from .views import VIEWS

TEXT, INT, REAL = str, int, float

# name -> (columns, primary key, foreign keys)
TABLES: dict[str, tuple[dict, str, list[tuple[str, str, str]]]] = {
    "migrations": ({"name": TEXT, "applied_at": TEXT}, "name", []),
    "stories": ({"id": TEXT, "title": TEXT, "description": TEXT}, "id", []),
    "sources": (
        {"id": TEXT, "story_id": TEXT, "name": TEXT, "kind": TEXT, "country": TEXT, "language": TEXT,
         "urls": TEXT, "feeds": TEXT},
        "id",
        [("story_id", "stories", "id")],
    ),
    "runs": (
        {"id": INT, "stories": TEXT, "started": TEXT, "ended": TEXT, "status": TEXT, "offline": INT,
         "urls": INT, "fetched": INT, "not_modified": INT, "unchanged": INT, "new_documents": INT,
         "new_versions": INT, "failed": INT, "analysed": INT, "events": INT, "discovered": INT, "copies": INT,
         "fact_changes": INT, "failures": TEXT, "error": TEXT, "partial": INT},
        "id",
        [],
    ),
    "documents": (
        {"id": INT, "url": TEXT, "story_id": TEXT, "source_id": TEXT, "final_url": TEXT, "title": TEXT,
         "author": TEXT, "site_name": TEXT, "language": TEXT, "published": TEXT, "published_source": TEXT,
         "text": TEXT, "words": INT, "content_hash": TEXT, "body_hash": TEXT, "current_version_id": INT,
         "status": TEXT, "first_seen": TEXT, "last_seen": TEXT, "last_success": TEXT, "etag": TEXT,
         "last_modified": TEXT, "consecutive_failures": INT, "last_error": TEXT, "removed_at": TEXT,
         "duplicate_of": INT, "similarity": REAL, "signature_hash": TEXT},
        "id",
        [("story_id", "stories", "id"), ("source_id", "sources", "id")],
    ),
    "document_versions": (
        {"id": INT, "document_id": INT, "content_hash": TEXT, "first_seen": TEXT, "last_seen": TEXT,
         "run_id": INT, "title": TEXT, "author": TEXT, "published": TEXT, "published_source": TEXT,
         "text": TEXT, "previous_version_id": INT, "diff": TEXT},
        "id",
        [("document_id", "documents", "id"), ("run_id", "runs", "id")],
    ),
    "fetch_log": (
        {"id": INT, "run_id": INT, "url": TEXT, "source_id": TEXT, "document_id": INT, "status_code": INT,
         "bytes": INT, "elapsed_ms": INT, "outcome": TEXT, "error": TEXT, "fetched_at": TEXT},
        "id",
        [("run_id", "runs", "id"), ("source_id", "sources", "id"), ("document_id", "documents", "id")],
    ),
    "analyses": (
        {"version_id": INT, "extractor_version": TEXT, "analysed_at": TEXT, "sentences": INT, "dates": INT,
         "figures": INT, "entities": INT, "happenings": INT, "status": TEXT, "note": TEXT},
        "version_id",
        [("version_id", "document_versions", "id")],
    ),
    "sentences": (
        # part: "headline" for the page's title (idx -1, offsets in the title); NULL for the body's sentences.
        {"id": INT, "version_id": INT, "idx": INT, "start": INT, "end": INT, "text": TEXT, "link": TEXT,
         "part": TEXT},
        "id",
        [("version_id", "document_versions", "id")],
    ),
    "entities": ({"id": INT, "canonical": TEXT, "label": TEXT}, "id", []),
    "entity_mentions": (
        {"id": INT, "version_id": INT, "sentence_id": INT, "entity_id": INT, "start": INT, "end": INT,
         "text": TEXT, "label": TEXT, "role": TEXT},
        "id",
        [("version_id", "document_versions", "id"), ("sentence_id", "sentences", "id"),
         ("entity_id", "entities", "id")],
    ),
    "dates": (
        {"id": INT, "version_id": INT, "sentence_id": INT, "start": INT, "end": INT, "text": TEXT,
         "value": TEXT, "value_end": TEXT, "precision": TEXT, "relative": INT},
        "id",
        [("version_id", "document_versions", "id"), ("sentence_id", "sentences", "id")],
    ),
    "figures": (
        {"id": INT, "version_id": INT, "sentence_id": INT, "start": INT, "end": INT, "text": TEXT,
         "value": REAL, "low": REAL, "high": REAL, "unit": TEXT, "approx": TEXT, "counted": TEXT,
         "counted_head": TEXT, "predicate": TEXT, "claim_type": TEXT, "as_of": TEXT, "attributed_to": TEXT,
         "scope": TEXT, "event_key": TEXT,
         # Alignment keys the facts layer stores (pipeline/nlp/keys.py) and what a figure's status is.
         "counted_group": TEXT, "unit_kind": TEXT, "time_scope": TEXT, "incident": TEXT, "phase": TEXT,
         "status": TEXT, "planned": INT, "part": TEXT},
        "id",
        [("version_id", "document_versions", "id"), ("sentence_id", "sentences", "id")],
    ),
    "happenings": (
        {"id": INT, "version_id": INT, "sentence_id": INT, "action": TEXT, "label": TEXT, "date": TEXT,
         "date_end": TEXT, "date_text": TEXT, "start": INT, "end": INT, "actors": TEXT, "event_key": TEXT},
        "id",
        [("version_id", "document_versions", "id"), ("sentence_id", "sentences", "id")],
    ),
    "actor_words": (
        {"id": INT, "version_id": INT, "word": TEXT, "group_name": TEXT, "count": INT},
        "id",
        [("version_id", "document_versions", "id")],
    ),
    "discovered": (
        {"url": TEXT, "story_id": TEXT, "source_id": TEXT, "found_via": TEXT, "found_at": TEXT, "run_id": INT,
         "title": TEXT, "published": TEXT},
        "url",
        [("story_id", "stories", "id"), ("source_id", "sources", "id")],
    ),
    "signature_bands": (
        {"id": INT, "band": TEXT, "document_id": INT},
        "id",
        [("document_id", "documents", "id")],
    ),
    "fact_changes": (
        {"id": INT, "document_id": INT, "old_version_id": INT, "new_version_id": INT, "run_id": INT,
         "detected_at": TEXT, "kind": TEXT, "change": TEXT, "claim_type": TEXT, "counted": TEXT,
         "old_value": TEXT, "new_value": TEXT, "old_text": TEXT, "new_text": TEXT, "as_of": TEXT, "summary": TEXT},
        "id",
        [("document_id", "documents", "id"), ("old_version_id", "document_versions", "id"),
         ("new_version_id", "document_versions", "id")],
    ),
    "places": (
        {"id": TEXT, "story_id": TEXT, "name": TEXT, "latitude": REAL, "longitude": REAL, "country_code": TEXT,
         "mentions": INT, "documents": INT, "sources": TEXT},
        "id",
        [("story_id", "stories", "id")],
    ),
    "events": (
        {"id": TEXT, "story_id": TEXT, "event_key": TEXT, "kind": TEXT, "label": TEXT, "claim_type": TEXT,
         "counted_group": TEXT, "scope": TEXT, "action": TEXT, "date_start": TEXT, "date_end": TEXT,
         "low": REAL, "best": REAL, "high": REAL, "spread": REAL, "n_sources": INT},
        "id",
        [("story_id", "stories", "id")],
    ),
    "event_claims": (
        {"id": INT, "event_id": TEXT, "claim_key": TEXT, "source_id": TEXT, "figure_id": INT,
         "happening_id": INT, "latest_for_source": INT, "conservative": INT},
        "id",
        [("event_id", "events", "id"), ("source_id", "sources", "id"), ("figure_id", "figures", "id"),
         ("happening_id", "happenings", "id")],
    ),
    # One row per source per event: the claim standing for the source and the dates its
    # claims span. Incremental alignment rebuilds the event from these rows.
    "event_sources": (
        {"id": INT, "event_id": TEXT, "source_id": TEXT, "claim_key": TEXT, "figure_id": INT, "happening_id": INT,
         "first_date": TEXT, "last_date": TEXT, "label_hint": TEXT, "claims": INT},
        "id",
        [("event_id", "events", "id"), ("source_id", "sources", "id"), ("figure_id", "figures", "id"),
         ("happening_id", "happenings", "id")],
    ),
    "alignments": ({"story_id": TEXT, "aligner_version": TEXT, "aligned_at": TEXT}, "story_id",
                   [("story_id", "stories", "id")]),
    # Work owed by a later stage, written in the same transaction as the output that owes it
    # and deleted in the same transaction as the output that pays it: a killed run leaves
    # it here for the next run. Events of these (event key, source) pairs must be re-aligned;
    # these stories' places must be pinned again.
    "stale_events": ({"id": INT, "story_id": TEXT, "event_key": TEXT, "source_id": TEXT}, "id",
                     [("story_id", "stories", "id")]),
    "stale_places": ({"story_id": TEXT}, "story_id", [("story_id", "stories", "id")]),
}

INDEXES: list[tuple[str, list[str], bool]] = [
    ("documents", ["url"], True),
    ("documents", ["source_id"], False),
    ("documents", ["story_id", "source_id"], False),  # one source's claims in a story, for re-alignment
    ("documents", ["current_version_id"], False),  # every view joins facts to current versions
    ("documents", ["duplicate_of"], False),
    ("document_versions", ["document_id", "content_hash"], True),
    ("fetch_log", ["run_id"], False),
    ("fetch_log", ["source_id", "id"], False),
    ("sentences", ["version_id", "idx"], True),
    ("entities", ["canonical", "label"], True),
    ("entity_mentions", ["version_id"], False),
    ("entity_mentions", ["entity_id"], False),
    ("dates", ["version_id"], False),
    ("figures", ["version_id"], False),
    ("figures", ["event_key"], False),
    ("figures", ["claim_type"], False),
    ("happenings", ["version_id"], False),
    ("happenings", ["event_key"], False),
    ("actor_words", ["version_id"], False),
    ("fact_changes", ["document_id"], False),
    ("signature_bands", ["band"], False),
    ("signature_bands", ["document_id"], False),
    ("discovered", ["source_id"], False),
    ("stale_events", ["story_id", "event_key", "source_id"], True),
    ("events", ["story_id", "event_key"], True),
    ("event_claims", ["event_id", "source_id"], False),
    ("event_sources", ["event_id", "source_id"], True),
    ("event_sources", ["figure_id"], False),
    ("event_sources", ["happening_id"], False),
    ("event_claims", ["figure_id"], False),
    ("event_claims", ["happening_id"], False),
]

# Expression indexes sqlite-utils cannot declare: the ranking of the disagreements view.
RAW_INDEXES = [
    """CREATE INDEX IF NOT EXISTS events_disagreement ON events(
         (kind = 'figure') DESC, (CASE WHEN low > 0 THEN ROUND(high / low, 2) END) DESC, spread DESC)
       WHERE n_sources >= 2""",
]

FTS: dict[str, list[str]] = {"documents": ["title", "text"], "sentences": ["text"]}


def _baseline(db: sqlite_utils.Database) -> None:
    """Databases made before migrations were recorded (release 0.1.0) need no data change."""


def _signed_means_checked(db: sqlite_utils.Database) -> None:
    """Before ``documents.signature_hash`` marked a finished copy check, a document with
    signature bands had had its check: mark those, so they are not checked again."""
    db.execute("UPDATE documents SET signature_hash = content_hash "
               "WHERE signature_hash IS NULL AND id IN (SELECT document_id FROM signature_bands)")


# (name, step) in the order they run; names never change once released.
MIGRATIONS: list[tuple[str, Callable[[sqlite_utils.Database], None]]] = [
    ("0001_baseline", _baseline),
    ("0002_signed_means_checked", _signed_means_checked),
]


def pending_migrations(db: sqlite_utils.Database) -> list[str]:
    """Names of the steps this database has not had (all of them for a new or old database)."""
    done = {row["name"] for row in db["migrations"].rows} if db["migrations"].exists() else set()
    return [name for name, _ in MIGRATIONS if name not in done]


def apply_schema(db: sqlite_utils.Database) -> None:
    """Create or extend every table, index, full-text index and view, then run pending migrations.

    The caller holds a transaction: a step that fails leaves the database as it was.
    """
    _apply_declared(db)
    steps = dict(MIGRATIONS)
    for name in pending_migrations(db):
        steps[name](db)
        db.table("migrations").insert({"name": name, "applied_at": dt.datetime.now(dt.timezone.utc).isoformat()})


def _apply_declared(db: sqlite_utils.Database) -> None:
    for name, (columns, pk, foreign_keys) in TABLES.items():
        table = db.table(name)
        if not table.exists():
            table.create(columns, pk=pk, foreign_keys=foreign_keys)
        else:
            missing = {col: kind for col, kind in columns.items() if col not in table.columns_dict}
            for col, kind in missing.items():
                table.add_column(col, kind)
    for name, index_columns, unique in INDEXES:
        db.table(name).create_index(index_columns, unique=unique, if_not_exists=True)
    for statement in RAW_INDEXES:
        db.execute(statement)
    for name, fts_columns in FTS.items():
        if not db.table(name).detect_fts():
            db.table(name).enable_fts(fts_columns, create_triggers=True, tokenize="porter")
    existing = dict(db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'view'").fetchall())
    for name, sql in VIEWS.items():
        statement = f"CREATE VIEW [{name}] AS {sql.strip()}"
        if existing.get(name) != statement:  # rewriting an unchanged view would take a write lock
            db.execute(f"DROP VIEW IF EXISTS [{name}]")
            db.execute(statement)

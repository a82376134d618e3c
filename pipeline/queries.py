"""Read-only queries over a store: what exports and reports read."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

import sqlite_utils


class Store(Protocol):
    """What these queries read: a :class:`pipeline.store.Store`, or the web pages' read-only view of one."""

    db: sqlite_utils.Database
    path: Path


def _filters(story_id: str | None, event_id: str | None, story_col: str, event_col: str) -> tuple[str, list]:
    clauses, params = [], []
    if story_id:
        clauses.append(f"{story_col} = ?")
        params.append(story_id)
    if event_id:
        clauses.append(f"{event_col} = ?")
        params.append(event_id)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def claim_rows(store: Store, story_id: str | None = None, event_id: str | None = None) -> Iterator[dict]:
    """The ``claims`` view, in a stable order: event, then as-of date, then source."""
    where, params = _filters(story_id, event_id, "story", "event_id")
    yield from store.db.query(
        f"SELECT * FROM claims{where} ORDER BY story, event, COALESCE(as_of, date), source, as_written", params)


def event_rows(store: Store, story_id: str | None = None, event_id: str | None = None) -> list[dict]:
    where, params = _filters(story_id, event_id, "story_id", "id")
    return list(store.db.query(f"SELECT * FROM events{where} ORDER BY story_id, kind, label", params))


def source_names(store: Store, story_id: str | None = None) -> list[str]:
    where, params = _filters(story_id, None, "story_id", "")
    return [r["name"] for r in store.db.query(f"SELECT name FROM sources{where} ORDER BY name", params)]


def change_rows(store: Store, story_id: str | None = None) -> Iterator[dict]:
    where, params = _filters(story_id, None, "story", "")
    yield from store.db.query(f"SELECT * FROM what_changed{where}", params)


def story_exists(store: Store, story_id: str) -> bool:
    return bool(list(store.db.query("SELECT 1 FROM stories WHERE id = ?", [story_id])))


def figure_statuses(store: Store, story_id: str | None = None) -> dict[int, str]:
    """Each figure's status (reported, revised, withdrawn, disputed) where the figures table records one."""
    if "status" not in store.db["figures"].columns_dict:
        return {}
    where, params = _filters(story_id, None, "d.story_id", "")
    return {r["id"]: r["status"] for r in store.db.query(
        f"SELECT f.id, f.status FROM figures f JOIN document_versions v ON v.id = f.version_id "
        f"JOIN documents d ON d.id = v.document_id{where}", params) if r["status"]}

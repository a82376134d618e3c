"""Who covers what: events × sources, for the events two or more sources report.

A cell holds the source's standing figure or date. A source with no dated claim whose
current text still names the happening (a phrase of its action in the happenings
lexicon: "the government … resigned the same day") covers it too, without a date: we
say "mentioned, no date" rather than claim the source leaves it out.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from ..happenings import load_actions
from . import formatting

Row = dict[str, Any]


def _query(conn: sqlite3.Connection, sql: str, params: list) -> list[Row]:
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, values, strict=False)) for values in cursor.fetchall()]


def _standing(conn: sqlite3.Connection, story_id: str) -> dict[tuple[str, str], str]:
    cells: dict[tuple[str, str], str] = {}
    for c in _query(conn, "SELECT * FROM claims WHERE story = ? AND latest_for_source ORDER BY as_written",
                    [story_id]):
        text = c["date"] if c["event_kind"] == "happening" else formatting.figure(
            c["value"], c["low"], c["high"], c["unit"], c["approx"])
        key = (c["event_id"], c["source_id"])
        cells[key] = f"{cells[key]}; {text}" if key in cells and text not in cells[key] else text
    return cells


def _sentences_by_source(conn: sqlite3.Connection, story_id: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for r in _query(conn, """SELECT d.source_id, sn.text FROM sentences sn
            JOIN documents d ON d.current_version_id = sn.version_id WHERE d.story_id = ?""", [story_id]):
        found.setdefault(r["source_id"], []).append(r["text"])
    return found


def mentions(action_key: str | None, sentences: list[str]) -> str | None:
    """The first sentence that names the action, or None."""
    action = next((a for a in load_actions() if a.key == action_key), None)
    if action is None:
        return None
    for sentence in sentences:
        if any(p.search(sentence) for p in action.patterns) and not any(p.search(sentence) for p in action.unless):
            return sentence
    return None


def coverage_matrix(conn: sqlite3.Connection, story_id: str, sources: list[Row]) -> Row:
    """Rows of events, a cell per source: state "reports", "mentions" or "none"."""
    events = _query(conn, """SELECT id, label, kind, action FROM events WHERE story_id = ? AND n_sources >= 2
                             ORDER BY kind, n_sources DESC, label""", [story_id])
    standing = _standing(conn, story_id)
    texts = _sentences_by_source(conn, story_id)
    matrix = []
    for event in events:
        cells = []
        for source in sources:
            value = standing.get((event["id"], source["id"]))
            if value is not None:
                cells.append({"state": "reports", "text": value})
                continue
            said = mentions(event["action"], texts.get(source["id"], [])) if event["kind"] == "happening" else None
            cells.append({"state": "mentions", "text": "mentioned, no date", "sentence": said} if said
                         else {"state": "none", "text": "—"})
        matrix.append({**event, "cells": cells})
    return {"sources": [s["name"] for s in sources], "rows": matrix}

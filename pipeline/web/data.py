"""What the story, event and archive pages show, read from a pipeline database.

Plain functions over a ``sqlite3`` connection (Datasette hands us one through
``execute_fn``), returning dicts the templates render. Nothing here writes.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from typing import Any

from . import formatting
from .coverage import coverage_matrix

Row = dict[str, Any]


def rows(conn: sqlite3.Connection, sql: str, params: list | tuple = ()) -> list[Row]:
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, values, strict=False)) for values in cursor.fetchall()]


def one(conn: sqlite3.Connection, sql: str, params: list | tuple = ()) -> Row | None:
    found = rows(conn, sql, params)
    return found[0] if found else None


def has_column(conn: sqlite3.Connection, table: str, column: str) -> bool:
    return any(r["name"] == column for r in rows(conn, f"PRAGMA table_info([{table}])"))


def stories(conn: sqlite3.Connection) -> list[Row]:
    return rows(conn, "SELECT id, title, description FROM stories ORDER BY id")


def sources(conn: sqlite3.Connection, story_id: str) -> list[Row]:
    """The story's sources with their documents and the health of their fetches."""
    found = rows(conn, """
        SELECT s.id, s.name, s.kind, s.country, s.language, COUNT(d.id) AS documents,
          SUM(d.current_version_id IS NOT NULL) AS with_text, MAX(d.last_success) AS last_fetched,
          MAX(COALESCE(d.consecutive_failures, 0)) AS failures, SUM(d.status = 'removed') AS removed
        FROM sources s LEFT JOIN documents d ON d.source_id = s.id
        WHERE s.story_id = ? GROUP BY s.id ORDER BY s.name""", [story_id])
    for source in found:
        source["health"] = _health(source)
        source["last_fetched"] = (source["last_fetched"] or "")[:16].replace("T", " ")
    return found


def _health(source: Row) -> str:
    if not source["with_text"]:
        return "no text yet"
    if source["failures"]:
        return f"failing ({source['failures']} runs in a row)"
    if source["removed"]:
        return f"ok; {source['removed']} page(s) removed"
    return "ok"


def ranked_events(conn: sqlite3.Connection, story_id: str) -> list[Row]:
    """Events two or more sources report, furthest apart first (the disagreements view)."""
    found = rows(conn, "SELECT * FROM disagreements WHERE story = ?", [story_id])
    units = _event_units(conn, story_id)
    for event in found:
        unit = units.get(event["event_id"])
        if event["kind"] == "figure":
            event["range"] = " – ".join(dict.fromkeys(
                formatting.figure(event[k], unit=unit) for k in ("low", "high")))
            event["best_text"] = formatting.figure(event["best"], unit=unit)
            ratio = event["max_over_min"]
            event["apart"] = f"×{formatting.number(round(ratio, 2 if ratio < 10 else 0))}" if ratio else ""
        else:
            dates = dict.fromkeys(d for d in (event["date_start"], event["date_end"]) if d)
            event["range"] = " – ".join(dates)
            event["best_text"] = ""
            event["apart"] = f"{event['spread']:g} days" if event["spread"] else "same date"
    return found


def _event_units(conn: sqlite3.Connection, story_id: str) -> dict[str, str]:
    """The unit of each event whose claims all share one (a range across units would mislead)."""
    return {r["event_id"]: r["unit"] for r in rows(conn, """
        SELECT event_id, MAX(unit) AS unit FROM claims WHERE story = ? AND event_kind = 'figure'
        GROUP BY event_id HAVING COUNT(DISTINCT COALESCE(unit, '')) = 1""", [story_id])}


def timeline(conn: sqlite3.Connection, story_id: str) -> list[Row]:
    """Dated happenings per source, for the timeline chart (one lane per source)."""
    return rows(conn, """SELECT source, date, happening, as_written, event_id, archive_url
        FROM timeline_by_source WHERE story = ? AND date IS NOT NULL ORDER BY source, date""", [story_id])


def first_reports(conn: sqlite3.Connection, story_id: str) -> dict[str, Row]:
    """The first source (by publication date) of each event."""
    found: dict[str, Row] = {}
    for row in rows(conn, "SELECT * FROM first_reports WHERE story = ? AND first = 'first'", [story_id]):
        found.setdefault(row["event_id"], {"sources": [], "published": row["first_published"]})
        found[row["event_id"]]["sources"].append(row["source"])
    return found


def story_page(conn: sqlite3.Connection, story_id: str) -> Row | None:
    story = one(conn, "SELECT id, title, description FROM stories WHERE id = ?", [story_id])
    if story is None:
        return None
    story["sources"] = sources(conn, story_id)
    story["events"] = ranked_events(conn, story_id)
    story["first"] = first_reports(conn, story_id)
    story["coverage"] = coverage_matrix(conn, story_id, [s for s in story["sources"] if s["with_text"]])
    story["timeline"] = timeline(conn, story_id)
    return story


# --- one event ---------------------------------------------------------------------

def _claims_of_event(conn: sqlite3.Connection, event_id: str) -> list[Row]:
    """Every claim of the event, current versions and earlier ones (a figure a page no longer states)."""
    status = "f.status" if has_column(conn, "figures", "status") else "NULL"
    part = "sn.part" if has_column(conn, "sentences", "part") else "NULL"  # "headline": the sentence is the title
    return rows(conn, f"""
        SELECT s.id AS source_id, s.name AS source, s.kind AS source_kind, d.id AS document_id, d.url,
          d.title, v.id AS version_id, v.id = d.current_version_id AS current, ec.latest_for_source,
          ec.conservative, f.id AS figure_id, f.value, f.low, f.high, f.unit, f.approx, f.as_of,
          f.attributed_to, f.text AS as_written, f.counted, {status} AS status,
          f.start - sn.start AS mark_start, f."end" - sn.start AS mark_end,
          h.date, h.date_text, h.start - sn.start AS date_start, h."end" - sn.start AS date_end,
          COALESCE(h.date, f.as_of, d.published) AS when_, sn.id AS sentence_id, sn.text AS sentence, sn.link,
          {part} AS sentence_part,
          d.published, v.first_seen
        FROM event_claims ec
        JOIN sources s ON s.id = ec.source_id
        LEFT JOIN figures f ON f.id = ec.figure_id
        LEFT JOIN happenings h ON h.id = ec.happening_id
        JOIN document_versions v ON v.id = COALESCE(f.version_id, h.version_id)
        JOIN documents d ON d.id = v.document_id
        LEFT JOIN sentences sn ON sn.id = COALESCE(f.sentence_id, h.sentence_id)
        WHERE ec.event_id = ?
        ORDER BY s.name, ec.latest_for_source DESC, when_ DESC""", [event_id])


def _dress(claim: Row) -> Row:
    """Add what the template shows: the figure as text, its status, the sentence in three parts."""
    claim["figure"] = formatting.figure(claim["value"], claim["low"], claim["high"], claim["unit"], claim["approx"])
    if not claim["current"]:
        claim["status"] = "withdrawn (no longer on the page)"
    elif not claim["status"]:
        claim["status"] = "reported" if claim["latest_for_source"] else "earlier figure"
    start, end = (claim["mark_start"], claim["mark_end"]) if claim["figure_id"] else (
        claim["date_start"], claim["date_end"])
    text = (claim["sentence"] or "").strip()
    if start is not None and end is not None and 0 <= start <= end <= len(text):
        claim["parts"] = (text[:start], text[start:end], text[end:])
    else:
        claim["parts"] = (text, "", "")
    fragment = claim["link"][claim["link"].index("#"):] if claim["link"] and "#" in claim["link"] else ""
    figure = f"&figure={claim['figure_id']}" if claim["figure_id"] else ""
    page = f"/archive/{claim['document_id']}/{claim['version_id']}"
    claim["archive_url"] = f"{page}?sentence={claim['sentence_id']}{figure}{fragment}" if claim["sentence_id"] else page
    return claim


def event_page(conn: sqlite3.Connection, event_id: str) -> Row | None:
    event = one(conn, "SELECT * FROM events WHERE id = ?", [event_id])
    if event is None:
        return None
    claims = [_dress(c) for c in _claims_of_event(conn, event_id)]
    by_source: dict[str, list[Row]] = defaultdict(list)
    for claim in claims:
        by_source[claim["source"]].append(claim)
    event["sources"] = [_source_block(name, found) for name, found in by_source.items()]
    event["sources"].sort(key=lambda s: (s["standing"] is None, s["standing"]["when_"] or "" if s["standing"] else "",
                                         s["name"]))
    units = {c["unit"] for c in claims if c["value"] is not None}
    unit = units.pop() if len(units) == 1 else None  # low and high may come from claims in different units
    event["low_text"], event["best_text"], event["high_text"] = (
        formatting.figure(event[k], unit=unit) for k in ("low", "best", "high"))
    conservative = [c for c in claims if c["conservative"] and c["current"]]
    event["conservative"] = conservative[0] if conservative else None
    event["first"] = first_reports_of_event(conn, event_id)
    event["chart"] = chart_points(event, claims)
    event["story"] = one(conn, "SELECT id, title FROM stories WHERE id = ?", [event["story_id"]])
    return event


def _source_block(name: str, claims: list[Row]) -> Row:
    standing = next((c for c in claims if c["latest_for_source"] and c["current"]), None)
    others = [c for c in claims if c is not standing]
    return {"name": name, "kind": claims[0]["source_kind"], "standing": standing, "others": others}


def first_reports_of_event(conn: sqlite3.Connection, event_id: str) -> Row | None:
    found = rows(conn, "SELECT source, first_published FROM first_reports WHERE event_id = ? AND first = 'first'",
                 [event_id])
    if not found:
        return None
    return {"sources": [r["source"] for r in found], "published": found[0]["first_published"]}


def chart_points(event: Row, claims: list[Row]) -> list[Row]:
    """The chart's data: each source's figures by as-of date (figures) or its dates (happenings).

    The line of a source runs through one figure per as-of date (its standing one where
    it has several that day); other figures of the same day are dots off the line, so
    no vertical segment pretends the source moved between them.
    """
    if event["kind"] != "figure":
        return [{"source": c["source"], "date": c["date"], "as_written": c["date_text"]} for c in claims if c["date"]]
    points, on_line = [], set()
    for c in sorted(claims, key=lambda c: (not c["latest_for_source"], not c["current"])):
        when = c["as_of"] or c["published"]
        if c["value"] is None or not when:
            continue
        line = c["current"] and (c["source"], when) not in on_line
        if line:
            on_line.add((c["source"], when))
        points.append({"source": c["source"], "as_of": when, "value": c["value"], "figure": c["figure"],
                       "status": c["status"], "line": line})
    return points


# --- archived copies ---------------------------------------------------------------

def archive_page(conn: sqlite3.Connection, document_id: int, version_id: int, sentence_id: int | None,
                 figure_id: int | None) -> Row | None:
    version = one(conn, """
        SELECT v.id, v.document_id, v.title, v.text, v.first_seen, v.last_seen, v.published,
          v.id = d.current_version_id AS current, d.url, d.final_url, d.status, s.name AS source,
          (SELECT COUNT(*) FROM document_versions v2 WHERE v2.document_id = d.id) AS versions
        FROM document_versions v JOIN documents d ON d.id = v.document_id JOIN sources s ON s.id = d.source_id
        WHERE v.id = ? AND v.document_id = ?""", [version_id, document_id])
    if version is None:
        return None
    text = version["text"] or ""
    marks = []
    headline = False  # the sentence is the page's headline: marked in the title, its offsets are the title's
    if sentence_id is not None:
        part = "part" if has_column(conn, "sentences", "part") else "NULL AS part"
        sentence = one(conn, f"SELECT start, \"end\", {part} FROM sentences WHERE id = ? AND version_id = ?",
                       [sentence_id, version_id])
        if sentence:
            marks.append((sentence["start"], sentence["end"], "sentence"))
            headline = sentence["part"] == "headline"
    if figure_id is not None:
        figure = one(conn, "SELECT start, \"end\" FROM figures WHERE id = ? AND version_id = ?",
                     [figure_id, version_id])
        if figure:
            marks.append((figure["start"], figure["end"], "figure"))
    title = " ".join((version["title"] or "").split())  # as the analysis read it
    version["title_parts"] = split_marked(title, marks) if headline else [("", version["title"] or "")]
    version["parts"] = [("", text)] if headline else split_marked(text, marks)
    version["marked"] = bool(marks) and (headline or len(version["parts"]) > 1)
    version["fetched"] = (version["first_seen"] or "")[:16].replace("T", " ")
    return version


def split_marked(text: str, marks: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    """The text as (kind, piece) parts: "" for plain text, "sentence" or "figure" for marked ones.

    A figure lies inside its sentence, so the sentence splits around it.
    """
    sentence = next(((a, b) for a, b, k in marks if k == "sentence" and 0 <= a <= b <= len(text)), None)
    figure = next(((a, b) for a, b, k in marks if k == "figure" and 0 <= a <= b <= len(text)), None)
    if sentence is None:
        return [("", text)]
    a, b = sentence
    while b > a and text[b - 1].isspace():  # a stored sentence may end with its newline: mark the words only
        b -= 1
    parts = [("", text[:a])]
    if figure and a <= figure[0] <= figure[1] <= b:
        parts += [("sentence", text[a:figure[0]]), ("figure", text[figure[0]:figure[1]]),
                  ("sentence", text[figure[1]:b])]
    else:
        parts.append(("sentence", text[a:b]))
    parts.append(("", text[b:]))
    return [p for p in parts if p[1]]

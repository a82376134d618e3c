"""The story, event and archive pages, and the CSV downloads, as Datasette routes.

Each handler reads through Datasette's own connection (``execute_fn``) and renders a
Jinja template from ``pipeline/web/templates`` with autoescaping on, so stored text
(titles, sentences, page text) always reaches the browser escaped.
"""

from __future__ import annotations

import io
import sqlite3
from functools import lru_cache
from pathlib import Path
from typing import Any

import sqlite_utils
from datasette.utils.asgi import Response  # type: ignore[import-untyped]
from jinja2 import Environment, FileSystemLoader, select_autoescape

from . import TEMPLATES, WEB_DIR, data, formatting
from .charts import event_chart, timeline_chart

STATIC = WEB_DIR / "static"
_CONTENT_TYPES = {".js": "application/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
                  ".txt": "text/plain; charset=utf-8"}


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(default=True))
    env.filters["figure"] = lambda row: formatting.figure(row["value"], row["low"], row["high"], row["unit"],
                                                          row["approx"])
    env.filters["number"] = formatting.number
    return env


def render(template: str, status: int = 200, **context: Any) -> Response:
    html = environment().get_template(template).render(**context)
    return Response.html(html, status=status)


def not_found(what: str) -> Response:
    return render("pipeline_error.html", status=404, message=what, database=None)


async def _read(datasette, fn):
    db = datasette.get_database()
    return db, await db.execute_fn(fn)


def _context(datasette, db) -> dict[str, Any]:
    public = not db.is_mutable
    return {"database": db.name, "public": public}


async def home(datasette, request) -> Response:
    """The landing page: the story page when there is one story, else the list of stories."""
    db, found = await _read(datasette, data.stories)
    if len(found) == 1:
        return await _story(datasette, found[0]["id"])
    return render("pipeline_stories.html", stories=found, **_context(datasette, db))


async def story(datasette, request) -> Response:
    return await _story(datasette, request.url_vars["story_id"])


async def _story(datasette, story_id: str) -> Response:
    db, page = await _read(datasette, lambda conn: data.story_page(conn, story_id))
    if page is None:
        return not_found(f"There is no story {story_id!r} in this database.")
    return render("pipeline_story.html", story=page, timeline_spec=timeline_chart(page["timeline"]),
                  **_context(datasette, db))


async def event(datasette, request) -> Response:
    event_id = request.url_vars["event_id"]
    db, page = await _read(datasette, lambda conn: data.event_page(conn, event_id))
    if page is None:
        return not_found(f"There is no event {event_id!r} in this database.")
    return render("pipeline_event.html", event=page, chart_spec=event_chart(page), **_context(datasette, db))


def _int_arg(request, name: str) -> int | None:
    value = request.args.get(name)
    return int(value) if value and value.isdigit() else None


async def archive(datasette, request) -> Response:
    document_id, version_id = int(request.url_vars["document_id"]), int(request.url_vars["version_id"])
    sentence_id, figure_id = _int_arg(request, "sentence"), _int_arg(request, "figure")
    db, page = await _read(datasette, lambda conn: data.archive_page(conn, document_id, version_id, sentence_id,
                                                                     figure_id))
    if page is None:
        return not_found(f"There is no version {version_id} of document {document_id} in this database.")
    return render("pipeline_archive.html", version=page, **_context(datasette, db))


async def archive_of_version(datasette, request) -> Response:
    """``/archive/version/<id>``: the full archive URL, for links that know only the version."""
    version_id = int(request.url_vars["version_id"])
    db, found = await _read(datasette, lambda conn: data.one(
        conn, "SELECT document_id FROM document_versions WHERE id = ?", [version_id]))
    if found is None:
        return not_found(f"There is no version {version_id} in this database.")
    query = f"?{request.query_string}" if request.query_string else ""
    return Response.redirect(f"/archive/{found['document_id']}/{version_id}{query}")


async def event_row(request) -> Response:
    """Datasette's row page of an event (titled by its hash) → the event page."""
    return Response.redirect(f"/event/{request.url_vars['event_id']}")


class _ReadOnlyStore:
    """What the export functions read (``.db`` and ``.path``), over Datasette's connection."""

    def __init__(self, conn: sqlite3.Connection, path: str | None):
        self.db = sqlite_utils.Database(conn, recursive_triggers=False, execute_plugins=False)
        self.path = Path(path or "database")


async def story_csv(datasette, request) -> Response:
    from ..export import export

    story_id, fmt = request.url_vars["story_id"], request.url_vars["fmt"]

    def write(conn: sqlite3.Connection) -> str | None:
        if data.one(conn, "SELECT id FROM stories WHERE id = ?", [story_id]) is None:
            return None
        out = io.StringIO()
        export(_ReadOnlyStore(conn, datasette.get_database().path), fmt, out, story_id=story_id)
        return out.getvalue()

    _, text = await _read(datasette, write)
    if text is None:
        return not_found(f"There is no story {story_id!r} in this database.")
    return Response(text, content_type="text/csv; charset=utf-8",
                    headers={"content-disposition": f'attachment; filename="{story_id}-{fmt}.csv"'})


async def static(request) -> Response:
    name = request.url_vars["name"]
    path = STATIC / name
    if "/" in name or name.startswith(".") or not path.is_file():
        return Response.text("not found", status=404)
    return Response(path.read_text(encoding="utf-8"),
                    content_type=_CONTENT_TYPES.get(path.suffix, "application/octet-stream"),
                    headers={"cache-control": "max-age=3600"})


ROUTES = [
    (r"^/$", home),
    (r"^/story/(?P<story_id>[^/]+)$", story),
    (r"^/story/(?P<story_id>[^/]+)/(?P<fmt>long|wide)\.csv$", story_csv),
    (r"^/event/(?P<event_id>[^/]+)$", event),
    (r"^/[^/]+/events/(?P<event_id>ev-[0-9a-f]+)$", event_row),
    (r"^/archive/(?P<document_id>\d+)/(?P<version_id>\d+)$", archive),
    (r"^/archive/version/(?P<version_id>\d+)$", archive_of_version),
    (r"^/-/pipeline/(?P<name>[\w.-]+)$", static),
]

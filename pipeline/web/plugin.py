"""Datasette plugin: the story, event and archive pages, and readable cells everywhere.

Routes (see :mod:`pipeline.web.pages`): ``/`` and ``/story/<id>``, ``/event/<id>``,
``/archive/<document>/<version>``, the CSV downloads. In Datasette's own tables, an event
id links to its event page, a sentence link opens our archived copy at the sentence, and
whole numbers print as 2,298 rather than 2298.0. Every value is escaped.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from datasette import hookimpl  # type: ignore[import-untyped]
from datasette.plugins import pm  # type: ignore[import-untyped]
from markupsafe import Markup, escape

from . import formatting
from .pages import ROUTES


def _safe_http(value: object) -> bool:
    return isinstance(value, str) and value.startswith(("http://", "https://"))


def _row_value(row, key: str):
    try:
        return row[key]
    except (KeyError, IndexError, TypeError):
        return None


@hookimpl
def register_routes():
    return ROUTES


# datasette-vega (a dependency of earlier versions, so still installed in many
# environments) asks for five choices before it draws, draws a vertical line through
# same-day figures and throws a script error on every empty table. The event and story
# pages draw their charts themselves, so switch it off where it is installed.
_REPLACED_PLUGINS = ("datasette_vega",)


@hookimpl
def startup(datasette):
    for plugin in list(pm.get_plugins()):
        if getattr(plugin, "__name__", "") in _REPLACED_PLUGINS:
            pm.unregister(plugin)


@hookimpl
def prepare_connection(conn):
    # pipeline_figure(value, low, high, unit, approx) → "about 90 billion KZT", for canned queries and SQL.
    conn.create_function("pipeline_figure", 5, formatting.figure, deterministic=True)


def _link(href: str, text: str, title: str = "", new_tab: bool = False) -> Markup:
    extra = ' target="_blank" rel="noopener noreferrer"' if new_tab else ""
    title_attr = f' title="{escape(title)}"' if title else ""
    return Markup(f'<a href="{escape(href)}"{title_attr}{extra}>{escape(text)}</a>')


_EVENT_TITLE = "Open the event page"
_AT_SENTENCE = "Our archived copy of the page, at this sentence"


def _event_link(row, value, column, table) -> Markup | None:
    """Every event id, and an event's name beside its id, opens the event page."""
    if not isinstance(value, str) or not value:
        return None
    if column == "event_id" or (table == "events" and column == "id"):
        return _link(f"/event/{value}", value, _EVENT_TITLE)
    id_column = {"event": "event_id"}.get(column) or ("id" if table == "events" and column == "label" else None)
    event_id = _row_value(row, id_column) if id_column else None
    return _link(f"/event/{event_id}", value, _EVENT_TITLE) if event_id else None


def _sentence_link(row, value, column, table) -> Markup | None:
    """A sentence link opens our archived copy when the row says which; else the live page."""
    if column != "link" or not _safe_http(value):
        return None
    archived = _row_value(row, "archive_url")
    if archived:
        return _link(archived, "open sentence", _AT_SENTENCE)
    version = _row_value(row, "version_id") if table == "sentences" else None
    if version is not None:
        fragment = value[value.index("#"):] if "#" in value else ""
        return _link(f"/archive/version/{version}?sentence={_row_value(row, 'id')}{fragment}", "open sentence",
                     _AT_SENTENCE)
    return _link(value, "open sentence ↗", "Opens the live page at this sentence", new_tab=True)


def _url_or_number(row, value, column, table) -> Markup | str | None:
    """An archive path, a page URL shown short, a whole number without its ".0"."""
    if column == "archive_url" and isinstance(value, str) and value.startswith("/archive/"):
        return _link(value, "archived copy")
    if column == "url" and _safe_http(value):
        parts = urlsplit(value)
        return _link(value, (parts.netloc + parts.path)[:60], new_tab=True)
    if isinstance(value, float) and value.is_integer():
        return formatting.number(value) if abs(value) < 1e6 else f"{int(value):,}"
    return None


_CELL_RENDERERS = (_event_link, _sentence_link, _url_or_number)  # tried in this order


@hookimpl
def render_cell(row, value, column, table):
    for renderer in _CELL_RENDERERS:
        shown = renderer(row, value, column, table)
        if shown is not None:
            return shown
    return None

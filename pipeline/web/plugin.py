"""Datasette plugin: short, safe links for the comparison views.

A ``link`` cell (a page URL with a #:~:text= fragment) shows as "open sentence ↗"; a
``url`` cell shows as its host and path. Both open in a new tab and are escaped.
"""

from urllib.parse import urlsplit

from datasette import hookimpl
from markupsafe import Markup, escape


def _safe_http(value: object) -> bool:
    return isinstance(value, str) and value.startswith(("http://", "https://"))


@hookimpl
def render_cell(value, column):
    if not _safe_http(value):
        return None
    if column == "link":
        return Markup(f'<a href="{escape(value)}" target="_blank" rel="noopener noreferrer" '
                      f'title="Opens the page at this sentence">open sentence ↗</a>')
    if column == "url":
        parts = urlsplit(value)
        shown = (parts.netloc + parts.path)[:60]
        return Markup(f'<a href="{escape(value)}" target="_blank" rel="noopener noreferrer">{escape(shown)}</a>')
    return None

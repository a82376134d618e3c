"""Finding new reports: RSS/Atom feeds and sitemaps, filtered by a source's include rules.

Parsing only: the runner fetches the feed and sitemap documents with the same polite
fetcher as articles and hands their text here.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from dataclasses import dataclass
from urllib.parse import urljoin
from xml.etree import ElementTree

from .models import IncludeRules
from .urls import canonicalize, is_http_url


@dataclass(frozen=True)
class Found:
    """A candidate article: where it is, and what the feed or sitemap said of it."""

    url: str
    title: str | None = None
    summary: str | None = None
    published: dt.date | None = None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def _children(element: ElementTree.Element, name: str) -> list[ElementTree.Element]:
    return [child for child in element if _local(child.tag) == name]


def _text(element: ElementTree.Element, name: str) -> str | None:
    for child in _children(element, name):
        if child.text and child.text.strip():
            return child.text.strip()
    return None


def parse_date(text: str | None) -> dt.date | None:
    """RFC 822 (RSS), ISO 8601 (Atom, sitemaps) or a bare YYYY-MM-DD."""
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError):
        return None


def _parse_xml(text: str) -> ElementTree.Element:
    # Feeds often start with whitespace or a BOM before the XML declaration.
    text = text.lstrip("\ufeff \t\r\n")
    text = re.sub(r"^<\?xml[^>]*\?>", "", text)
    return ElementTree.fromstring(text)


def parse_feed(text: str, base_url: str) -> list[Found]:
    """Entries of an RSS 2.0, RSS 1.0 (RDF) or Atom feed; raise ValueError if it is none."""
    try:
        root = _parse_xml(text)
    except ElementTree.ParseError as exc:
        raise ValueError(f"not a readable feed: {exc}") from exc
    items = [el for el in root.iter() if _local(el.tag) in ("item", "entry")]
    if _local(root.tag) not in ("rss", "feed", "rdf") and not items:
        raise ValueError(f"not an RSS or Atom feed (root element <{_local(root.tag)}>)")
    found = []
    for item in items:
        link = _text(item, "link")
        if not link:  # Atom: <link href="..." rel="alternate"/>
            for el in _children(item, "link"):
                if el.get("rel", "alternate") == "alternate" and el.get("href"):
                    link = el.get("href")
                    break
        if not link:
            link = _text(item, "guid")
        if not link:
            continue
        url = urljoin(base_url, link)
        if not is_http_url(url):
            continue
        published = parse_date(_text(item, "pubdate") or _text(item, "published") or _text(item, "updated")
                               or _text(item, "date"))
        found.append(Found(url, _text(item, "title"), _text(item, "description") or _text(item, "summary"),
                           published))
    return found


def parse_sitemap(text: str) -> tuple[list[Found], list[str]]:
    """(pages, child sitemaps) of a sitemap or a sitemap index."""
    try:
        root = _parse_xml(text)
    except ElementTree.ParseError as exc:
        raise ValueError(f"not a readable sitemap: {exc}") from exc
    pages, children = [], []
    for entry in root:
        loc = _text(entry, "loc")
        if not loc or not is_http_url(loc):
            continue
        if _local(entry.tag) == "sitemap":
            children.append(loc)
        elif _local(entry.tag) == "url":
            pages.append(Found(loc, published=parse_date(_text(entry, "lastmod"))))
    return pages, children


def wanted(found: Found, rules: IncludeRules | None) -> bool:
    """Does a found article pass the source's include rules? No rules: everything passes."""
    if rules is None:
        return True
    if rules.url_patterns and not any(re.search(p, found.url) for p in rules.url_patterns):
        return False
    if rules.keywords:
        haystack = " ".join(filter(None, (found.title, found.summary, found.url))).casefold()
        if not any(k.casefold() in haystack for k in rules.keywords):
            return False
    if found.published is not None:
        if rules.since and found.published < rules.since:
            return False
        if rules.until and found.published > rules.until:
            return False
    return True


DEFAULT_MAX_NEW = 100


def select(found: list[Found], rules: IncludeRules | None, known: set[str],
           default_max: int = DEFAULT_MAX_NEW) -> list[Found]:
    """New, wanted articles, each once, under their canonical URL: at most ``rules.max_new``
    (else ``default_max``), newest first.

    The cap keeps a feed of 10,000 items from costing hours of polite fetching in one run:
    the rest stay in the feed, unknown, and are taken by the next runs; what was taken is
    remembered (``known``) and never taken again.
    """
    limit = rules.max_new if rules is not None and rules.max_new is not None else default_max
    out, seen = [], set(known)
    for item in found:
        url = canonicalize(item.url)
        if url in seen or not wanted(item, rules):
            continue
        seen.add(url)
        out.append(Found(url, item.title, item.summary, item.published))
    # Newest first (undated last, feed order kept among equals), then the cap.
    out.sort(key=lambda f: f.published.toordinal() if f.published else 0, reverse=True)
    return out[:limit]

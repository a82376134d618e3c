"""A page → its article: main text and metadata, with the page chrome left out.

trafilatura does the heavy lifting; we add what a comparison needs: the text starts at
the article itself (no repeated headline, no byline), the publication date says where
it came from, and a page with no usable text raises :class:`ExtractError` with the
reason instead of returning ``None``.
"""

from __future__ import annotations

import datetime as dt
import re

import lxml.html  # type: ignore[import-untyped]
import trafilatura
from trafilatura.settings import Document

from .errors import ExtractError
from .models import Article

# Shorter than this is a teaser, an error page or a consent wall, not an article.
MIN_TEXT_CHARS = 200
_BYLINE = re.compile(r"^(?:by|from)\s+(?P<who>[^\n]{2,80})$", re.IGNORECASE)
_HTML_LANG = re.compile(r"<html[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)
_LOOKS_LIKE_HTML = re.compile(r"<\s*(html|body|head|p|div|article)\b", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    return bool(_LOOKS_LIKE_HTML.search(text[:5000]))


def extract_article(
    html: str,
    url: str,
    published_override: dt.date | None = None,
    language: str | None = None,
) -> Article:
    """The article of one HTML page; raise ExtractError when there is none."""
    found = _extracted(html, url)
    title = _clean(found.title)
    text, byline = _trim_byline(found.text or "", title)
    root = _parsed(html)
    text = _with_captions(_with_boxes(_with_headings(text, root), root), root)
    if len(text) < MIN_TEXT_CHARS:
        raise ExtractError(f"{url}: the article text has only {len(text)} characters (fewer than {MIN_TEXT_CHARS})")
    published, published_source = _published(found.date, published_override)
    return Article(
        url=url,
        text=text,
        title=title,
        author=_author(_clean(found.author), byline),
        site_name=_clean(found.sitename),
        language=found.language or _html_language(html) or language,
        published=published,
        published_source=published_source,
    )


def _extracted(html: str, url: str) -> Document:
    """trafilatura's reading of the page, with text in it; ExtractError with the reason otherwise."""
    if not html or not html.strip():
        raise ExtractError(f"{url}: the page is empty")
    try:
        found = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            favor_precision=True,
            include_comments=False,
            include_tables=True,
            deduplicate=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura lets lxml and htmldate errors through
        raise ExtractError(f"{url}: the page could not be parsed ({type(exc).__name__}: {exc})") from exc
    if isinstance(found, dict):  # a dict only with as_dict=True, which we never pass
        raise ExtractError(f"{url}: unexpected extraction result")
    if found is None or not (found.text or "").strip():
        raise ExtractError(f"{url}: no article text found (the page may be a script-only app or a consent wall)")
    return found


def _author(author: str | None, byline: str | None) -> str | None:
    """The byline when trafilatura shortened it ("By Embassy of X" read as "Embassy") or found none."""
    return byline if byline and (author is None or byline.startswith(author)) else author


def _html_language(html: str) -> str | None:
    found = _HTML_LANG.search(html[:3000])
    return found.group(1).lower() if found else None


def article_from_text(text: str, url: str, published: dt.date | None = None, title: str | None = None) -> Article:
    """Plain text used as is (``pipeline extract`` on a .txt file or stdin)."""
    text = text.strip()
    if not text:
        raise ExtractError(f"{url}: the text is empty")
    return Article(url=url, text=text, title=title, published=published,
                   published_source="override" if published else None)


# A caption trafilatura leaves out goes after the text on a line of its own, opened by this
# mark: the facts layer tells a caption's line apart by it (its figures get part "caption").
CAPTION_MARK = "Caption: "


def _parsed(html: str) -> lxml.html.HtmlElement | None:
    """The page's element tree, read once for its captions and boxes; None when lxml cannot read it."""
    try:
        return lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None


def _with_captions(text: str, root: lxml.html.HtmlElement | None) -> str:
    """The text with the page's photo captions (``<figcaption>``) it lacks: "where 27 bodies were
    brought ashore in a single day" is written only under a photo."""
    if root is None:
        return text
    captions = [" ".join(c.text_content().split()) for c in root.iter("figcaption")]
    folded = " ".join(text.split()).casefold()
    missing = list(dict.fromkeys(c for c in captions if c and c.casefold() not in folded))
    return "\n".join([text, *(CAPTION_MARK + c for c in missing)])


# Boxes a reader sees in the article that trafilatura leaves out: a live page's key points, a correction
# under the text ("An earlier version of this article said 63 people had been detained"). Named by their
# heading, or by their class or id; "summary" only as a heading, since a class "summary" is also each
# teaser card of a related-articles list.
_BOX_HEADING = re.compile(r"^(?:key (?:points|facts|events)|summary|at a glance|highlights|in brief|what we know|"
                          r"fast facts|correction|clarification|editor['’]?s note)\W*$", re.IGNORECASE)
_BOX_CLASS = re.compile(r"(?:^|[\s_-])(?:key[-_]?(?:points|facts)|at-a-glance|fact-?box|corrections?|clarification|"
                        r"editors?-note)(?:$|[\s_-])", re.IGNORECASE)
_BOX_TAGS = {"div", "section", "aside", "ul", "ol", "p", "blockquote"}
_CHROME = {"header", "footer", "nav"}
_LINE_TAGS = {"li", "p"}
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "strong")


def _with_boxes(text: str, root: lxml.html.HtmlElement | None) -> str:
    """The text with the lines of the page's key-points and correction boxes it lacks, after it."""
    if root is None:
        return text
    folded = " ".join(text.split()).casefold()
    missing: list[str] = []
    for box in _boxes(root):
        for line in _box_lines(box):
            if line.casefold() not in folded and line not in missing:
                missing.append(line)
    return "\n".join([text, *missing])


_SECTION_HEADINGS = ("h2", "h3", "h4")


def _with_headings(text: str, root: lxml.html.HtmlElement | None) -> str:
    """The text with the headings of its own sections that trafilatura leaves out, each on its line before the
    paragraph it opens: a live page's "Health Ministry: 312 injured" over its entry (blind91). A heading whose
    paragraph is not in the text (a related-articles card) stays out."""
    if root is None:
        return text
    folded = text.casefold()
    for heading in root.iter(*_SECTION_HEADINGS):
        line = " ".join(heading.text_content().split())
        opened = _paragraph_after(heading)
        at = text.find(opened) if line and opened and line.casefold() not in folded else -1
        if _opens_a_line(text, at) and not any(a.tag in _CHROME for a in heading.iterancestors()):
            text = f"{text[:at]}{line}\n{text[at:]}"
    return text


def _opens_a_line(text: str, at: int) -> bool:
    return at == 0 or at > 0 and text[at - 1] == "\n"


def _paragraph_after(heading: lxml.html.HtmlElement) -> str:
    """The first words of the paragraph right after a heading (at most 80 characters, as the text writes them),
    or of a table's first row as trafilatura writes it ("| Item | Before |")."""
    following = heading.getnext()
    if following is not None and following.tag == "table":
        cell = next(following.iter("td", "th"), None)
        return f"| {' '.join(cell.text_content().split())} |" if cell is not None else ""
    words = " ".join(following.text_content().split()) if following is not None and following.tag == "p" else ""
    return words[:80]


def _boxes(root: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """Key-points and correction boxes outside the page's header, footer and navigation."""
    named = [e for e in root.iter(*_BOX_TAGS) if _BOX_CLASS.search(f"{e.get('class', '')} {e.get('id', '')}")]
    named += [h.getparent() for h in root.iter(*_HEADINGS)
              if _BOX_HEADING.match(" ".join(h.text_content().split())) and _opens_a_box(h)]
    outside = [e for e in named if not any(a.tag in _CHROME for a in e.iterancestors())]
    return [e for e in dict.fromkeys(outside) if not any(a in outside for a in e.iterancestors())]


def _opens_a_box(heading: lxml.html.HtmlElement) -> bool:
    """The heading opens its parent, and the parent has no other heading: a box, not the whole article."""
    parent = heading.getparent()
    return (parent is not None and parent[0] is heading
            and not any(e is not heading for e in parent.iter(*_HEADINGS)))


def _box_lines(box: lxml.html.HtmlElement) -> list[str]:
    """A box's lines: its innermost list items and paragraphs (the box's own text when it has none)."""
    blocks = [e for e in box.iter(*_LINE_TAGS) if not any(True for _ in e.iterdescendants(*_LINE_TAGS))]
    lines = [" ".join(e.text_content().split()) for e in blocks or [box]]
    return [line for line in lines if line and not _BOX_HEADING.match(line)]


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _trim_byline(text: str, title: str | None) -> tuple[str, str | None]:
    """Drop a leading headline that repeats the title, and a byline at either end."""
    lines = text.strip().split("\n")
    byline = None
    if lines and (match := _BYLINE.match(lines[-1].strip())) and not lines[-1].strip().endswith("."):
        byline = match.group("who").strip()
        lines.pop()
    for _ in range(3):
        if not lines:
            break
        first = lines[0].strip()
        if title and first.casefold() == title.casefold():
            lines.pop(0)
            continue
        match = _BYLINE.match(first)
        if match and not first.endswith("."):
            byline = match.group("who").strip()
            lines.pop(0)
            continue
        break
    return "\n".join(lines).strip(), byline


def _published(page_date: str | None, override: dt.date | None) -> tuple[dt.date | None, str | None]:
    if page_date:
        try:
            return dt.date.fromisoformat(page_date[:10]), "page"
        except ValueError:
            pass
    if override is not None:
        return override, "override"
    return None, None

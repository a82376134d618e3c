"""Measure alignment against a story's hand-made grouping of claims into events.

A story folder holds ``sources.yaml`` (the pipeline's format), ``pages/`` (one HTML file per
URL: the URL without its scheme, every "/" replaced by "_", + ".html") and ``events.yaml``
(the gold grouping, format of ``tests/gold/demo_events.yaml``). Every page goes through
extraction, analysis and happening detection as in a run; the claims are aligned; then each
gold claim is looked up by its spelling and scored.

    python -m pipeline.evaluate --story tests/gold/blind7 [--verbose]
    python -m pipeline.evaluate --story pipeline/demo --events tests/gold/demo_events.yaml

Measures (all over the claims the gold file lists):

- pairwise precision and recall of "same event": for every two gold claims, are they
  predicted in one event (same grouping key) and are they in one gold event?
- figures that reach an event: the share of gold *figure* claims that are found (an
  extracted figure's span overlaps the gold spelling) and then
  * for a gold event with claims from two or more sources: land in an aligned event that also
    holds a claim (any claim) of another source;
  * for a gold event with claims from one source only: land in an aligned event at all, i.e.
    have a claim type other than ``other`` and a grouping key.
  ``reach_own`` is the stricter variant for multi-source events: the other source's claim in
  the aligned event must be a gold claim of the same gold event. Every gold figure claim is in
  the denominator, also those of gold events whose claim type is ``other`` (alignment never
  groups ``other`` figures, so these reach an event only if the extractor gives them a type).
- per page: gold figure claims, found, typed (claim type not ``other``), reached.
"""

from __future__ import annotations

import difflib
import functools
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import lxml.html  # type: ignore[import-untyped]
import yaml

from .align import align, event_key
from .charset import decode_body
from .config import load_config
from .extract import extract_article
from .happenings import find_happenings
from .models import Analysis, Claim, Event
from .nlp import analyse, load_nlp


@dataclass
class StoryPage:
    source_id: str
    url: str
    text: str  # the text the pipeline analyses (trafilatura's, headline dropped: it is analysed as the title)
    analysis: Analysis
    claims: list[Claim]
    visible: str = ""  # what a reader sees in the page body; gold occurrences are counted here
    visible_dates: list[tuple[int, int]] = field(default_factory=list)
    blocks: list[tuple[int, int, int]] = field(default_factory=list)  # (visible, text, size) runs both share
    title: str = ""  # the headline the pipeline analyses with the text (its figures: part "headline")

    def text_span(self, start: int, end: int) -> tuple[int, int, str] | None:
        """Where a span of the visible text is in the analysed text or the headline (start, end, part);
        None when extraction dropped it."""
        for a, b, size in self.blocks:
            if a <= start and end <= a + size:
                return b + start - a, b + end - a, "body"
        between = self._between_runs(start, end)
        if between is not None:
            return between
        # A line the text holds elsewhere (a caption goes after the text): found by its words.
        line_start = self.visible.rfind("\n", 0, start) + 1
        line = self.visible[line_start:self.visible.find("\n", end) % (len(self.visible) + 1)]
        moved = self.text.find(line) if len(line) > 20 else -1
        if moved >= 0:
            return moved + start - line_start, moved + end - line_start, "body"
        at = self.visible.find(self.title) if self.title else -1
        if at >= 0 and at <= start and end <= at + len(self.title):
            return start - at, end - at, "headline"
        return None

    def _between_runs(self, start: int, end: int) -> tuple[int, int, str] | None:
        """A short spelling between two shared runs, found by its rank among the same spellings between
        them in both texts: a table cell ("6" under "Deaths") is written "| 6 |" in the analysed text,
        and single characters seldom make a shared run of their own."""
        anchors = [(a, b, size) for a, b, size in self.blocks if size >= 4]  # one shared "\n" anchors nothing
        before = [(a + size, b + size) for a, b, size in anchors if a + size <= start]
        after = [(a, b) for a, b, size in anchors if a >= end]
        if not before or not after:
            return None
        (va, ta), (vb, tb) = max(before), min(after)
        if tb < ta:
            return None
        spelling = _spelling(self.visible[start:end])
        rank = sum(1 for m in spelling.finditer(self.visible, va, vb) if m.start() < start)
        found = list(spelling.finditer(self.text, ta, tb))
        if len(found) != len(list(spelling.finditer(self.visible, va, vb))) or rank >= len(found):
            return None
        return found[rank].start(), found[rank].end(), "body"


@dataclass
class GoldClaim:
    """One gold claim, what was found for it and where it landed."""

    event: int  # index of its gold event
    entry: dict[str, Any]
    kind: str  # figure | happening
    found: Claim | None = None
    page: str | None = None  # url of the page the gold spelling is on
    in_text: bool = False  # that spot is in the text the pipeline analyses
    key: str | None = None  # predicted grouping key


@dataclass
class StoryScore:
    precision: float
    recall: float
    reach: float
    reach_own: float
    found: float  # share of gold figure claims an extracted figure overlaps
    figures: int
    events: int
    aligned_events: int
    pages: dict[str, dict[str, int]] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)
    categories: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        return (f"{self.figures} gold figure claims, {self.events} gold events, {self.aligned_events} aligned events; "
                f"pairwise precision {self.precision:.3f}, recall {self.recall:.3f}; "
                f"figures found {self.found:.3f}, reaching an event {self.reach:.3f}, "
                f"reaching their own event {self.reach_own:.3f}")


def page_path(pages_dir: Path, url: str) -> Path:
    """The page of a URL: host + path (+ query), every "/" replaced by "_", + ".html".

    The demo's file names drop a trailing "_"; both spellings are accepted.
    """
    parts = urlsplit(url)
    name = f"{parts.netloc}{parts.path}" + (f"?{parts.query}" if parts.query else "")
    name = name.replace("/", "_")
    for candidate in (name, name.rstrip("_")):
        if (pages_dir / f"{candidate}.html").exists():
            return pages_dir / f"{candidate}.html"
    return pages_dir / f"{name.rstrip('_')}.html"


_BLOCKS = {"p", "div", "li", "td", "th", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "br", "caption",
           "figcaption", "dt", "dd", "header", "footer", "section", "article", "aside", "nav", "ul", "ol", "blockquote"}


def visible_text(html: str) -> str:
    """The text of a page's body as a reader sees it: blocks on their own lines, no scripts."""
    body = lxml.html.fromstring(html).find("body")
    if body is None:
        return ""
    for element in list(body.iter("script", "style", "noscript", "template")):
        element.drop_tree()
    for element in body.iter():
        if isinstance(element.tag, str) and element.tag in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
    return re.sub(r"[ \t]*\n\s*", "\n", body.text_content())


def shared_runs(visible: str, text: str) -> list[tuple[int, int, int]]:
    """Runs of characters the visible text and the analysed text share: (visible at, text at, length)."""
    matcher = difflib.SequenceMatcher(None, visible, text, autojunk=False)
    return [(a, b, size) for a, b, size in matcher.get_matching_blocks() if size]


def load_pages(sources_file: Path, pages_dir: Path) -> list[StoryPage]:
    """Every page of the story, extracted and analysed, with its figure and happening claims."""
    nlp = load_nlp()
    pages = []
    for story in load_config(sources_file):
        for source in story.sources:
            for url in source.urls:
                html, _ = decode_body(page_path(pages_dir, url).read_bytes(), None)  # as fetched pages are
                article = extract_article(html, url, source.published.get(url))
                analysis = analyse(nlp, article.text, article.published, source.name, title=article.title)
                published = article.published.isoformat() if article.published else None

                claim = functools.partial(Claim, story_id=story.id, source_id=source.id, source_kind=source.kind,
                                          url=url, published=published)
                claims = [claim(key=f"{url}#f{i}", figure=f) for i, f in enumerate(analysis.figures)]
                claims += [claim(key=f"{url}#h{i}", happening=h)
                           for i, h in enumerate(find_happenings(analysis, article.text))]
                visible = visible_text(html)
                dates = [(d.start, d.end) for d in analyse(nlp, visible, article.published, source.name).dates]
                pages.append(StoryPage(source.id, url, article.text, analysis, claims, visible, dates,
                                       shared_runs(visible, article.text), " ".join((article.title or "").split())))
    return pages


def _spelling(text: str) -> re.Pattern[str]:
    """A figure's spelling as a whole word, never inside a longer number ("63" not in "63,000"); a number may
    follow a currency sign of capitals ("10,000" in "RM10,000", "45 million" in "K45 million") and come before a
    unit in capitals ("49.6" in "49.6C", "1,650" in "1,650MW"; not "63" in "63rd")."""
    digits = text[-1:].isdigit()
    before = r"(?<![\w.,-])" if not text[:1].isdigit() else r"(?<![\d.,_-])(?-i:(?<![a-z]))"
    after = r"(?![\d_]|(?-i:[a-z])|-\d|[.,]\d)" if digits else r"(?![\w]|-\d|[.,]\d)"
    return re.compile(before + re.escape(text) + after, re.IGNORECASE)


def locate_figure(pages: list[StoryPage], source: str, text: str, occurrence: int,
                  count_in: str = "visible") -> tuple[StoryPage, tuple[int, int, str] | None] | None:
    """The page and analysed-text span of the ``occurrence``-th time ``text`` is written in a source.

    Occurrences are counted in the source's pages in the order of sources.yaml, dates aside:
    in the ``visible`` text of the page body, as a reader counts them (the span is None when
    text extraction dropped that spot, e.g. a headline), or in the analysed ``text`` (the
    demo's gold was counted there). None when the spelling does not occur that often.
    """
    seen = 0
    for page in (p for p in pages if p.source_id == source):
        visible = count_in == "visible"
        where = page.visible if visible else page.text
        dates = page.visible_dates if visible else [(d.start, d.end) for d in page.analysis.dates]
        for found in _spelling(text).finditer(where):
            if any(a <= found.start() < b for a, b in dates):
                continue
            seen += 1
            if seen == occurrence:
                return page, page.text_span(found.start(), found.end()) if visible else (*found.span(), "body")
    return None


def figure_claim(pages: list[StoryPage], source: str, text: str, occurrence: int,
                 count_in: str = "visible") -> Claim | None:
    """The claim of the figure written ``text`` (its ``occurrence``-th time, dates aside) in a source."""
    located = locate_figure(pages, source, text, occurrence, count_in)
    if located is None or located[1] is None:
        return None
    page, (start, end, part) = located[0], located[1]
    parts = ("body", "caption") if part == "body" else (part,)  # a caption is in the body's text
    return next((c for c in page.claims if c.figure and c.figure.part in parts
                 and c.figure.start < end and start < c.figure.end), None)


def happening_claim(pages: list[StoryPage], source: str, action: str, date: str) -> Claim | None:
    for page in (p for p in pages if p.source_id == source):
        for claim in page.claims:
            if claim.happening and claim.happening.action == action and claim.happening.date == date:
                return claim
    return None


def _gold_claims(pages: list[StoryPage], gold: list[dict[str, Any]], count_in: str) -> list[GoldClaim]:
    items = []
    for number, event in enumerate(gold):
        kind = event.get("kind", "figure")
        for entry in event["claims"]:
            item = GoldClaim(number, entry, kind)
            if kind == "figure":
                spelling, occurrence = str(entry["text"]), entry.get("occurrence", 1)
                located = locate_figure(pages, entry["source"], spelling, occurrence, count_in)
                if located is not None:
                    item.page = located[0].url
                    item.in_text = located[1] is not None
                item.found = figure_claim(pages, entry["source"], spelling, occurrence, count_in)
            else:
                item.found = happening_claim(pages, entry["source"], event["action"], str(entry["date"]))
            item.key = event_key(item.found) if item.found else None
            items.append(item)
    return items


def _pairwise(items: list[GoldClaim]) -> tuple[float, float]:
    together = same = both = 0
    for a, b in itertools.combinations(items, 2):
        predicted = a.key is not None and a.key == b.key
        together += predicted
        same += a.event == b.event
        both += predicted and a.event == b.event
    return (both / together if together else 0.0), (both / same if same else 0.0)


def _reach(item: GoldClaim, items: list[GoldClaim], sources_by_key: dict[str, set[str]],
           gold_sources: dict[int, set[str]]) -> tuple[bool, bool, str]:
    """(reaches an event, reaches its own event, why not) for one found or missed gold figure."""
    source = item.entry["source"]
    if item.found is None:
        if item.page is None:
            return False, False, "gold spelling not found on the source's pages"
        dropped = "dropped by text extraction (headline, standfirst, caption)"
        return False, False, "not extracted" if item.in_text else dropped
    assert item.found.figure is not None
    if item.key is None:
        why = "claim type other" if item.found.figure.claim_type == "other" else "typed but no grouping key"
        return False, False, why
    if len(gold_sources[item.event]) == 1:
        return True, True, ""
    if not sources_by_key[item.key] - {source}:
        return False, False, "in an event with no other source"
    own = any(o.key == item.key and o.event == item.event and o.entry["source"] != source for o in items)
    return True, own, "" if own else "only with other sources' claims of other gold events"


def score_story(pages: list[StoryPage], gold_file: Path, count_in: str = "visible") -> StoryScore:
    """Pairwise "same event" precision and recall, figures reaching an event, per-page figures.

    ``count_in``: where the gold's occurrence numbers were counted (see ``locate_figure``).
    """
    gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))["events"]
    events = align(c for page in pages for c in page.claims)
    items = _gold_claims(pages, gold, count_in)
    precision, recall = _pairwise(items)
    figures = [i for i in items if i.kind == "figure"]
    tally = _Tally(pages, items, events)
    for item in figures:
        tally.figure(item, gold[item.event]["label"])
    label_of = {m.claim_key: e.label for e in events for m in e.members}
    for item in (i for i in items if i.kind != "figure"):
        label = gold[item.event]["label"]
        if item.found is None:
            tally.misses.append(f"not extracted: {label}: {item.entry}")
        elif label_of.get(item.found.key) != label:
            tally.misses.append(f"labelled {label_of.get(item.found.key)!r}, gold {label!r}: {item.entry}")

    def share(n: int) -> float:
        return n / len(figures) if figures else 0.0

    return StoryScore(precision, recall, share(tally.reached), share(tally.own),
                      share(sum(i.found is not None for i in figures)), len(figures), len(gold), len(events),
                      tally.per_page(), tally.misses, tally.categories)


class _Tally:
    """Counts of gold figure claims reaching an event, overall and per page, with the reasons they did not."""

    def __init__(self, pages: list[StoryPage], items: list[GoldClaim], events: list[Event]):
        self.pages, self.items = pages, items
        self.sources_by_key = {e.key: {m.source_id for m in e.members} for e in events}
        self.gold_sources: dict[int, set[str]] = {}
        for item in items:
            self.gold_sources.setdefault(item.event, set()).add(item.entry["source"])
        self.reached = self.own = 0
        self.misses: list[str] = []
        self.categories: Counter[str] = Counter()
        self.pages_counts: dict[str, Counter[str]] = {p.url: Counter() for p in pages}

    def figure(self, item: GoldClaim, label: str) -> None:
        hit, hit_own, why = _reach(item, self.items, self.sources_by_key, self.gold_sources)
        self.reached += hit
        self.own += hit_own
        if why:
            self.categories[why] += 1
            got = item.found.figure if item.found else None
            got_what = f" (got {got.claim_type}, key {item.key})" if got else ""
            self.misses.append(f"{why}: {label}: {item.entry}{got_what}")
        counts = self.pages_counts.setdefault(item.page or f"{item.entry['source']} (not on a page)", Counter())
        counts["gold"] += 1
        counts["found"] += item.found is not None
        counts["typed"] += bool(item.found and item.found.figure and item.found.figure.claim_type != "other")
        counts["reached"] += hit

    def per_page(self) -> dict[str, dict[str, int]]:
        """Counts per page, with the extracted figures no gold claim names (the gold lists figure claims only)."""
        named = {id(i.found) for i in self.items if i.found is not None}
        for page in self.pages:
            self.pages_counts[page.url]["unnamed"] = sum(1 for c in page.claims if c.figure and id(c) not in named)
        return {url: dict(c) for url, c in self.pages_counts.items()}


def evaluate_story(folder: Path, events_file: Path | None = None, count_in: str = "visible") -> StoryScore:
    """Score the story in ``folder`` (sources.yaml, pages/) against ``events_file`` (default folder/events.yaml)."""
    pages = load_pages(folder / "sources.yaml", folder / "pages")
    return score_story(pages, events_file or folder / "events.yaml", count_in)


def report(score: StoryScore, verbose: bool) -> list[str]:
    """The lines ``python -m pipeline.evaluate --story`` prints."""
    lines = [score.summary(), "per page: gold figure claims / found / typed (not 'other') / reached an event; "
             "extracted figures no gold claim names"]
    for url, c in score.pages.items():
        lines.append(f"  {url:90} {c.get('gold', 0):3} / {c.get('found', 0):3} / {c.get('typed', 0):3} / "
                     f"{c.get('reached', 0):3}; unnamed {c.get('unnamed', 0)}")
    lines.append("figures not reaching an event, by kind: "
                 + ", ".join(f"{why}: {n}" for why, n in score.categories.most_common()))
    if verbose:
        lines += [f"    {m}" for m in score.misses]
    return lines

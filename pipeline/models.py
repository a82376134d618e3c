"""Frozen records passed between stages.

Stages (config, fetch/archive, extract, nlp, align) take and return these; none of
them knows about database rows. ``store`` turns them into rows and back.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .urls import origin

SOURCE_KINDS: tuple[str, ...] = (
    "government",
    "state-media",
    "wire",
    "international-media",
    "independent-media",
    "ngo",
    "intergovernmental",
    "encyclopedia",
    "blog",
    "other",
)

CLAIM_TYPES: tuple[str, ...] = (
    "killed",
    "injured",
    "detained",
    "deployed",
    "damage",
    "price",
    "fires",
    "attacks",
    "missing",
    "displaced",
    "evacuated",
    "protesters",
    "other",
)

# The counted group of a price's change given as a share ("diesel prices rose 64%"): "price change: fuel". An
# "other" share is aligned only when its group says it is one (the facts layer writes it, the aligner reads it).
PRICE_CHANGE_GROUP = "price change"
# The predicate of a count of people held now, read from a table's column ("| Still held on 21 April |"); the
# facts layer keys it apart from all who were detained.
STILL_HELD = "still held"

APPROX_VALUES: tuple[str | None, ...] = (None, "over", "at least", "about", "almost", "up to", "vague")


# --- configuration -----------------------------------------------------------------


@dataclass(frozen=True)
class IncludeRules:
    """Which discovered articles (from feeds and sitemaps) belong to the story."""

    url_patterns: tuple[str, ...] = ()  # regular expressions; one must match the URL
    keywords: tuple[str, ...] = ()  # one must occur in the title, summary or URL
    since: dt.date | None = None
    until: dt.date | None = None
    max_new: int | None = None  # new articles per feed or sitemap per run; None: the default (100)


@dataclass(frozen=True)
class Source:
    """One publisher inside a story, with the article pages we follow."""

    id: str
    name: str
    kind: str
    country: str
    language: str
    urls: tuple[str, ...]
    feeds: tuple[str, ...] = ()
    # URL -> publication date to use when the page itself does not state one.
    published: dict[str, dt.date] = field(default_factory=dict, hash=False, compare=False)
    allow_private: bool = False
    sitemaps: tuple[str, ...] = ()
    include: IncludeRules | None = None

    def trusts_private(self, url: str) -> bool:
        """May ``url`` be on a private address? Only with allow_private, and only on a site
        (scheme, host, port) the source lists itself: a URL its feed or sitemap points at
        elsewhere (127.0.0.1 on another port, localhost, 169.254.169.254) is not trusted."""
        if not self.allow_private:
            return False
        return origin(url) in {origin(u) for u in (*self.urls, *self.feeds, *self.sitemaps)}


@dataclass(frozen=True)
class Story:
    id: str
    title: str
    description: str
    sources: tuple[Source, ...]


# --- fetching ----------------------------------------------------------------------


@dataclass(frozen=True)
class Snapshot:
    """What one fetch of one URL gave: a body, a 304, or the reason there is none.

    ``outcome`` is one of: fetched, not_modified, disallowed, skipped, too_large,
    http_error, network_error, timeout, redirect_error, replayed, not_in_archive.
    """

    url: str
    outcome: str
    final_url: str | None = None
    status: int | None = None
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes = b""
    text: str | None = None  # body decoded with ``encoding``
    encoding: str | None = None
    content_type: str | None = None
    fetched_at: dt.datetime | None = None
    elapsed_ms: int = 0
    error: str | None = None
    request_headers: tuple[tuple[str, str], ...] = ()

    @property
    def ok(self) -> bool:
        return self.outcome in ("fetched", "replayed")

    def header(self, name: str) -> str | None:
        name = name.lower()
        for key, value in self.headers:
            if key.lower() == name:
                return value
        return None


# --- article extraction --------------------------------------------------------------


@dataclass(frozen=True)
class Article:
    """The readable part of a page."""

    url: str
    text: str
    title: str | None = None
    author: str | None = None
    site_name: str | None = None
    language: str | None = None
    published: dt.date | None = None
    # Where ``published`` came from: "page" (metadata/htmldate), "override" (sources.yaml) or None.
    published_source: str | None = None


# --- facts -------------------------------------------------------------------------


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class DateMention:
    """A date written in the text, normalised.

    ``value``/``value_end`` are ISO strings cut to ``precision``: YYYY-MM-DD, YYYY-MM or
    YYYY. A relative date whose anchor is unknown has ``relative=True`` and no value.
    """

    text: str
    start: int
    end: int
    value: str | None
    value_end: str | None = None
    precision: str | None = None  # day | month | year
    relative: bool = False


@dataclass(frozen=True)
class Figure:
    """A number in the text with what it counts, what happened, as of when, and who says so."""

    text: str
    start: int
    end: int
    value: float | None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    approx: str | None = None
    counted: str | None = None  # the noun phrase, as the source wrote it
    counted_head: str | None = None  # lemma of its head noun ("officer")
    predicate: str | None = None  # lemma of the governing event word ("injure")
    claim_type: str = "other"
    as_of: str | None = None  # ISO date
    attributed_to: str | None = None
    sentence: str | None = None
    sentence_start: int | None = None
    scope: str | None = None  # a place the figure is limited to ("Almaty"); None = overall
    # Keys computed by the language's facts layer and stored with the figure, so that
    # alignment never reads a lexicon (see pipeline/align.py).
    counted_group: str | None = None  # normalised group or thing counted: "security forces", "shops"
    unit_kind: str | None = None  # what kind of quantity: people, objects, money:KZT, percent, duration
    time_scope: str | None = None  # another time the figure is about ("2011"); None = the story's time
    incident: str | None = None  # one incident the figure is limited to; None = the whole story
    phase: str | None = None  # for prices: before / after a change ("after")
    status: str = "reported"  # reported | revised | withdrawn | disputed | denied
    planned: bool = False  # a forecast or plan ("the force would number some 2,500")
    part: str = "body"  # where on the page: headline | standfirst | body | caption


@dataclass(frozen=True)
class EntityMention:
    text: str
    start: int
    end: int
    label: str
    canonical: str
    role: str | None = None  # a title written before the name ("President")


@dataclass(frozen=True)
class Analysis:
    sentences: tuple[Sentence, ...] = ()
    dates: tuple[DateMention, ...] = ()
    figures: tuple[Figure, ...] = ()
    entities: tuple[EntityMention, ...] = ()


@dataclass(frozen=True)
class Happening:
    """A dated thing that happened, as one sentence tells it ("state of emergency declared")."""

    action: str  # key from the happenings lexicon, e.g. "emergency_declared"
    label: str  # readable, e.g. "State of emergency declared"
    date: str | None  # ISO, cut to precision
    date_end: str | None
    date_text: str
    start: int  # offsets of the date mention in the text
    end: int
    sentence: str
    sentence_start: int | None = None
    actors: tuple[str, ...] = ()


# --- comparison --------------------------------------------------------------------


@dataclass(frozen=True)
class Claim:
    """One figure or happening from one document, as alignment sees it.

    ``key`` identifies the stored fact (opaque to alignment); it makes event ids and
    membership stable across runs.
    """

    key: str
    story_id: str
    source_id: str
    source_kind: str
    url: str
    published: str | None  # ISO date
    figure: Figure | None = None
    happening: Happening | None = None

    @property
    def kind(self) -> str:
        return "figure" if self.figure is not None else "happening"


@dataclass(frozen=True)
class EventMember:
    claim_key: str
    source_id: str
    latest_for_source: bool  # the newest as-of of this source for this event
    conservative: bool  # the lowest latest figure across sources


@dataclass(frozen=True)
class SourceView:
    """What one source says about one event, summed up: all an event needs from that source.

    An event's estimate, dates and label follow from its sources' views alone, so when
    one source's claims change only that source's view is rebuilt from its claims; the
    other sources' views are read back from the store.
    """

    key: str  # the event's grouping key
    source_id: str
    claim: Claim  # the claim that stands for the source: its latest figure, or its date for a happening
    first: str | None  # earliest date among the source's claims (as-of, else published)
    last: str | None  # latest such date
    label_hint: str | None  # smallest scope (figures) or label (happenings): names the event
    claims: int  # how many of the source's claims are in the event


@dataclass(frozen=True)
class Event:
    """Claims from different sources about the same thing."""

    id: str  # stable: derived from the grouping key, never from row ids or order
    story_id: str
    kind: str  # figure | happening
    label: str  # "Security forces killed", "State of emergency declared"
    claim_type: str | None
    counted_group: str | None
    scope: str | None
    action: str | None
    date_start: str | None
    date_end: str | None
    low: float | None
    best: float | None
    high: float | None
    spread: float | None  # high - low (figures) or days between earliest and latest date (happenings)
    n_sources: int
    # All members after a full alignment; after an incremental one, the members of the
    # sources whose claims changed (the other sources' memberships stand).
    members: tuple[EventMember, ...] = ()
    key: str = ""  # the grouping key (see ``pipeline.align.event_key``)
    sources: tuple[SourceView, ...] = ()  # one view per source, by source id
    conservative_key: str | None = None  # the claim holding the most conservative figure

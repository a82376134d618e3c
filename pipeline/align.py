"""Claims from different sources about the same thing, grouped into events.

Alignment is pure and knows no language: a figure's event follows from keys the facts
layer stored with it (``pipeline/nlp/keys.py``): its claim type, the group it counts
("police officers" and "servicemen" are both security forces), the kind of quantity
(people, objects, money by currency, percent, duration), its scope (a city or region, or the
whole country), one incident it is limited to, another time it is about ("the price in 2011"),
and for prices whether it is the price before a rise, after it, or after a cut. A
happening's event is its action. Keys are computed here, at alignment, from those stored
fields, so a changed rule here reaches every stored fact on the next full alignment.

Each event carries an estimate the way conflict datasets give one: low, best and high
over each source's standing figure (its latest, not withdrawn, not vague). Alignment is
incremental: grouping depends only on :func:`event_key`, and an event depends on its
claims only through one :class:`~pipeline.models.SourceView` per source, so a new
document costs the claims of its own source in the events it touches, not every claim of
those events.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from .models import PRICE_CHANGE_GROUP, Claim, Event, EventMember, Figure, Happening, SourceView

# Claim types counting people (or troops), and the word their label ends with.
_PEOPLE_TYPES = {"killed": "killed", "injured": "injured", "detained": "detained", "missing": "missing",
                 "displaced": "displaced", "deployed": "deployed", "evacuated": "evacuated",
                 "protesters": "protesting"}
# Claim types whose count is the thing itself ("75 fires").
_SELF_COUNTED = {"fires", "attacks"}
_SELF_LABELS = {"attacks": "who attacked", "fires": "who set fires"}
_ALIGNED_TYPES = _PEOPLE_TYPES.keys() | _SELF_COUNTED | {"price", "damage", "other"}
_PHASES = {"before": "before the rise", "after": "after the rise", "cut": "after the cut", "offer": "offered",
           "change": "change"}
# The group of people named by no role: an "other" figure counting them and no action is no event.
_PLAIN_PEOPLE = "people"
# A figure its own source took back or another source denies is never a standing figure.
_NOT_STANDING = {"withdrawn", "disputed", "denied"}


# --- grouping keys, ids and labels ----------------------------------------------------


def event_key(claim: Claim) -> str | None:
    """The grouping key of a claim, from its stored fields; None when it is not aligned."""
    if claim.happening is not None:
        return f"happening|{claim.happening.action}" if claim.happening.date else None
    figure = claim.figure
    if figure is None or not _alignable(figure):
        return None
    parts = (figure.claim_type, figure.counted_group, _scope_key(figure), figure.phase or "",
             figure.unit_kind or "", figure.incident or "", figure.time_scope or "")
    return "figure|" + "|".join(" ".join(str(p).replace("|", " ").split()) for p in parts)


def _alignable(figure: Figure) -> bool:
    """A number about a known thing, in a unit its claim type compares: a price is money or
    a percent ("the violence cost 200 lives" is no price), damage is money or things, a
    casualty count is no money, share or duration."""
    if figure.claim_type not in _ALIGNED_TYPES or not figure.counted_group or _point(figure) is None:
        return False
    kind = figure.unit_kind or ""
    money = kind.startswith("money")
    if figure.claim_type == "price":
        return money or kind == "percent"
    if figure.claim_type == "damage":
        return money or kind == "objects" or kind.startswith("area")
    if figure.claim_type == "other":
        # money only with what it is for ("compensation"): see the facts layer; plain people
        # with no action ("condolences to the families of the 225 people") say nothing they did
        # a share only as a price's change ("diesel prices rose 64%", see models.PRICE_CHANGE_GROUP)
        share = kind != "percent" or figure.counted_group.startswith(f"{PRICE_CHANGE_GROUP}:")
        return share and figure.counted_group != _PLAIN_PEOPLE
    return not money and kind not in ("percent", "duration")  # "70% of the dead" is a share, no toll


def event_id(story_id: str, key: str) -> str:
    """Stable id: story, kind and grouping key (the key starts with the kind)."""
    kind, _, rest = key.partition("|")
    return "ev-" + hashlib.sha1(f"{story_id}|{kind}|{rest}".encode()).hexdigest()[:10]


def figure_label(claim_type: str, group: str, scope: str | None, phase: str = "", unit_kind: str = "",
                 incident: str = "", time_scope: str = "") -> str:
    """Readable name of a figure event: "Security forces killed", "Fuel price after the rise"."""
    text = _label_base(claim_type, group, phase, unit_kind)
    if scope:
        text += f" in {scope}"
    if time_scope:
        text += f" in {time_scope}" if len(time_scope) == 4 or time_scope == "one day" else f" on {time_scope}"
    return f"{text}, {incident}" if incident else text


def _label_base(claim_type: str, group: str, phase: str, unit_kind: str) -> str:
    capital = f"{group[0].upper()}{group[1:]}"
    if claim_type == "price":
        text = f"{capital} price {_PHASES.get(phase, '')}".strip()
        return f"{text} (%)" if unit_kind == "percent" else text
    if claim_type == "damage":
        return f"Damage to {group}" if unit_kind.startswith("money") else f"{capital} damaged"
    if claim_type in _SELF_COUNTED:
        return claim_type.capitalize() if group == claim_type else f"{capital} {_SELF_LABELS[claim_type]}"
    if claim_type in _PEOPLE_TYPES:
        return f"{capital} {_PEOPLE_TYPES[claim_type]}"
    if unit_kind.startswith("money:"):
        return f"{capital} ({unit_kind.partition(':')[2]})"  # "Compensation (EUR)"
    return f"{capital} ({unit_kind})" if unit_kind == "duration" else capital


def _scope_key(figure: Figure) -> str:
    """The place a figure is limited to; none for a figure of another year: a story recalls an earlier disaster
    as one thing, named by its town, its district or nothing ("killed 47 in Maragua", "47 in Murang'a county",
    "which killed forty-seven in 2019")."""
    if not figure.scope or figure.time_scope and (figure.time_scope.isdigit() or figure.time_scope == "years before"):
        return ""
    return " ".join(figure.scope.split()).casefold()


# --- events --------------------------------------------------------------------------

# Stored with a story's events: when it changes, the story is re-aligned in full.
ALIGNER_VERSION = "11"


def align(claims: Iterable[Claim]) -> list[Event]:
    """Events of these claims: the same events, ids and order whatever the input order."""
    groups: dict[tuple[str, str], dict[str, dict[str, Claim]]] = defaultdict(lambda: defaultdict(dict))
    for claim in claims:
        key = event_key(claim)
        if key is not None:
            groups[(claim.story_id, key)][claim.source_id][claim.key] = claim
    events = []
    for (story_id, key), by_source in sorted(groups.items()):
        views = [source_view(key, list(by_source[s].values())) for s in sorted(by_source)]
        members = [c for s in sorted(by_source) for c in by_source[s].values()]
        events.append(combine(story_id, key, views, members))
    return events


def align_changes(story_id: str, claims: Iterable[Claim], kept: Iterable[SourceView],
                  changed: set[tuple[str, str]]) -> list[Event]:
    """Events after the claims of some (event key, source) pairs changed, reading no other claims.

    ``claims`` are all current claims of the ``changed`` pairs; ``kept`` the stored views
    of the other sources of those keys. A key left with no source has no event; each
    event's members are the claims given here.
    """
    keys = {key for key, _ in changed}
    fresh: dict[str, dict[str, dict[str, Claim]]] = defaultdict(lambda: defaultdict(dict))
    for claim in claims:
        key = event_key(claim)
        if key is not None and (key, claim.source_id) in changed:
            fresh[key][claim.source_id][claim.key] = claim
    views: dict[str, dict[str, SourceView]] = defaultdict(dict)
    for view in kept:
        if view.key in keys and (view.key, view.source_id) not in changed:
            views[view.key][view.source_id] = view
    events = []
    for key in sorted(keys):
        for source_id, by_key in fresh[key].items():
            views[key][source_id] = source_view(key, list(by_key.values()))
        if views[key]:
            members = [c for by_key in fresh[key].values() for c in by_key.values()]
            events.append(combine(story_id, key, [views[key][s] for s in sorted(views[key])], members))
    return events


def source_view(key: str, claims: list[Claim]) -> SourceView:
    """One source's view of one event, from all its claims in it but headline twins (see ``headline_twins``)."""
    twins = headline_twins(claims)
    claims = sorted((c for c in claims if c.key not in twins), key=lambda c: c.key)
    hint: str | None
    if key.startswith("happening|"):
        claim = _chosen_date(claims)
        dates = sorted(_date(c) for c in claims)
        hint = min(_happening(c).label for c in claims)
    else:
        # A standing number first (not withdrawn, not vague); then the newest as-of; on the
        # same day the newer report, then the higher figure.
        claim = max(claims, key=lambda c: (_standing(c), _numeric(c), _when(c), c.published or "",
                                           _value(_figure(c)), c.key))
        dates = sorted(d for d in map(_when, claims) if d)
        hint = min((scope.strip() for c in claims if (scope := _figure(c).scope)), default=None)
    return SourceView(key=key, source_id=claim.source_id, claim=claim, first=dates[0] if dates else None,
                      last=dates[-1] if dates else None, label_hint=hint, claims=len(claims))


def headline_twins(claims: list[Claim]) -> set[str]:
    """Keys of the headline figures that repeat a body figure of their own page in the same event.

    "Ferry sinks with 40 passengers missing" over "...said 40 passengers were missing": one
    claim written twice. The headline's stays a member of the event (its part says where
    it is written) but is never counted: not in the source's claims, dates, or standing
    figure. A headline figure with no such twin is a claim like any other. ``claims`` are
    one source's claims of one event (one grouping key), so only the page and value are left
    to compare.
    """
    body = {(c.url, _point(c.figure)) for c in claims if c.figure is not None and c.figure.part != "headline"}
    return {c.key for c in claims
            if c.figure is not None and c.figure.part == "headline" and (c.url, _point(c.figure)) in body}


def combine(story_id: str, key: str, views: list[SourceView], members: list[Claim]) -> Event:
    """An event from its sources' views; ``members`` are the claims whose membership is (re)written."""
    build = _happening_event if key.startswith("happening|") else _figure_event
    event = build(story_id, key, views)
    chosen = {v.claim.key for v in views}
    return replace(event, key=key, sources=tuple(views), members=tuple(
        EventMember(c.key, c.source_id, c.key in chosen and _standing(c), c.key == event.conservative_key)
        for c in sorted(members, key=lambda c: c.key)))


def _figure(claim: Claim) -> Figure:
    assert claim.figure is not None, claim.key
    return claim.figure


def _happening(claim: Claim) -> Happening:
    assert claim.happening is not None, claim.key
    return claim.happening


def _date(claim: Claim) -> str:
    """A happening's date (dateless happenings are never aligned)."""
    date = _happening(claim).date
    assert date is not None, claim.key
    return date


def _when(claim: Claim) -> str:
    return _figure(claim).as_of or claim.published or ""


def _standing(claim: Claim) -> bool:
    """Not withdrawn, disputed or denied: a figure that can stand for its source."""
    return claim.figure is None or claim.figure.status not in _NOT_STANDING


def _numeric(claim: Claim) -> bool:
    """A number: "thousands" and "dozens" stay visible as claims but are no value in an estimate."""
    return claim.figure is not None and claim.figure.approx != "vague"


def _figure_event(story_id: str, key: str, views: list[SourceView]) -> Event:
    _, claim_type, group, _, phase, unit_kind, incident, time_scope = key.split("|")
    numbers = [v.claim for v in views if _standing(v.claim) and _numeric(v.claim)]
    firsts = [v.first for v in views if v.first]
    lasts = [v.last for v in views if v.last]
    scope = min((v.label_hint for v in views if v.label_hint), default=None)
    event = Event(
        id=event_id(story_id, key), story_id=story_id, kind="figure",
        label=figure_label(claim_type, group, scope, phase, unit_kind, incident, time_scope),
        claim_type=claim_type, counted_group=group, scope=scope, action=None,
        date_start=min(firsts, default=None), date_end=max(lasts, default=None),
        low=None, best=None, high=None, spread=None, n_sources=len(views),
    )
    return replace(event, **_estimate(numbers)) if numbers else event


def _estimate(latest: list[Claim]) -> dict:
    """Low, best, high, spread and the most conservative claim over the sources' standing numbers."""
    lows = [_bounds(_figure(c))[0] for c in latest]
    highs = [_bounds(_figure(c))[1] for c in latest]
    conservative = min(latest, key=lambda c: (_bounds(_figure(c))[0], _value(_figure(c)), c.source_id))
    return {"low": min(lows), "best": float(statistics.median(_value(_figure(c)) for c in latest)),
            "high": max(highs), "spread": max(highs) - min(lows), "conservative_key": conservative.key}


def _point(figure: Figure) -> float | None:
    """The single value of a figure; the middle of a range that states no value."""
    if figure.value is not None:
        return float(figure.value)
    if figure.low is not None and figure.high is not None:
        return (figure.low + figure.high) / 2
    return figure.low if figure.low is not None else figure.high


def _value(figure: Figure) -> float:
    """The point of a figure that has one (every aligned figure has)."""
    point = _point(figure)
    assert point is not None, figure.text
    return point


def _bounds(figure: Figure) -> tuple[float, float]:
    point = _value(figure)
    low = figure.low if figure.low is not None else point
    high = figure.high if figure.high is not None else point
    return float(min(low, point)), float(max(high, point))


def _chosen_date(claims: list[Claim]) -> Claim:
    """The claim giving a source's date for a happening.

    It comes from the source's newest report; within it, the date its sentences give most
    often (then the earliest), so one stray mention does not move the source's date.
    """
    newest = max(c.published or "" for c in claims)
    current = [c for c in claims if (c.published or "") == newest]
    counts: dict[str, int] = defaultdict(int)
    for claim in current:
        counts[_date(claim)] += 1
    return max(current, key=lambda c: (counts[_date(c)], _negated(_day(_date(c))), c.key))


def _happening_event(story_id: str, key: str, views: list[SourceView]) -> Event:
    action = key.split("|")[1]
    dates = sorted(_date(v.claim) for v in views)
    first, last = dt.date.fromisoformat(_day(dates[0])), dt.date.fromisoformat(_day(dates[-1]))
    return Event(
        id=event_id(story_id, key), story_id=story_id, kind="happening",
        label=min(v.label_hint or "" for v in views), claim_type=None, counted_group=None, scope=None, action=action,
        date_start=dates[0], date_end=dates[-1], low=None, best=None, high=None,
        spread=float((last - first).days), n_sources=len(views),
    )


def _day(value: str) -> str:
    """A date of any precision as its first day (2022-01 → 2022-01-01)."""
    return {4: value + "-01-01", 7: value + "-01"}.get(len(value), value[:10])


def _negated(day: str) -> int:
    """Sorts earlier days higher, for picking the earliest with max()."""
    return -dt.date.fromisoformat(day).toordinal()

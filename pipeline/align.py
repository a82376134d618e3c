"""Claims from different sources about the same thing, grouped into events.

A figure's event is fixed by its claim type, the group it counts (from
``lexicon/groups.yaml``: "police officers" and "servicemen" are both security forces;
"terrorists" and "protesters" are both the opposing actors, each source keeping its
own word), its scope (a city, or the whole country) and, for prices, whether it is the
price before a rise, after it, or after a cut. A happening's event is its action.
Grouping only by key keeps alignment incremental: only keys a new document touches
need re-aligning.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
import statistics
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import yaml

from .models import Claim, Event, EventMember, Figure

LEXICON = Path(__file__).resolve().parent / "lexicon" / "groups.yaml"
ALIGNED_TYPES = {"killed", "injured", "detained", "deployed", "damage", "price", "fires", "attacks", "missing",
                 "displaced"}
# Claim types that name their own group: what is counted is the type itself.
SELF_COUNTED = {"damage": "business", "fires": "fires", "attacks": "attacks", "deployed": "troops"}
_VERB = {"killed": "killed", "injured": "injured", "detained": "detained", "deployed": "deployed",
         "missing": "missing", "displaced": "displaced"}
_RISE = re.compile(r"\b(rose|rise|rising|increase|increased|doubled|jump|hike|went up|soared)\b", re.I)
_CUT = re.compile(r"\b(reduc\w*|cut|lower\w*|decrease\w*|restor\w*|cap)\b", re.I)


@functools.lru_cache(maxsize=1)
def load_groups() -> list[tuple[str, re.Pattern]]:
    """(group, pattern) pairs, longest phrases first."""
    data = yaml.safe_load(LEXICON.read_text(encoding="utf-8"))
    phrases = [(phrase.lower(), group) for group, words in data.items() for phrase in words]
    phrases.sort(key=lambda p: -len(p[0]))
    return [(group, re.compile(r"\b" + re.escape(phrase).replace(r"\ ", r"[\s-]+") + r"(?:s|es)?\b", re.I))
            for phrase, group in phrases]


def counted_group(figure: Figure) -> tuple[str | None, str | None]:
    """(group, the source's own word) for what a figure counts."""
    if figure.claim_type in SELF_COUNTED and figure.claim_type != "deployed":
        return SELF_COUNTED[figure.claim_type], figure.counted_head or figure.claim_type
    haystacks = [figure.counted or "", figure.counted_head or ""]
    for group, pattern in load_groups():
        for hay in haystacks:
            match = pattern.search(hay)
            if match:
                if figure.claim_type == "deployed":
                    return "troops", match.group(0).lower()
                return group, match.group(0).lower()
    if figure.claim_type == "deployed":
        return "troops", figure.counted_head
    if figure.claim_type == "price":
        return "price", figure.counted_head
    return None, figure.counted_head


def price_phase(figure: Figure) -> str:
    """before (the rise), after (the rise) or cut, from the words around the figure."""
    sentence = figure.sentence or ""
    offset = figure.start - (figure.sentence_start or 0)
    before = sentence[max(0, offset - 40):max(0, offset)].lower()
    if re.search(r"\bfrom\s*$", before) or re.search(r"\bfrom\b[^,;]{0,12}$", before):
        return "before"
    if _CUT.search(sentence) and not _RISE.search(sentence):
        return "cut"
    if _RISE.search(sentence) or re.search(r"\bto\s*$", before):
        return "after"
    return "cut" if _CUT.search(before) else "after"


def event_key(claim: Claim) -> str | None:
    """The grouping key of a claim; None when it is not aligned."""
    if claim.happening is not None:
        return f"happening|{claim.happening.action}" if claim.happening.date else None
    figure = claim.figure
    if figure is None or figure.claim_type not in ALIGNED_TYPES or figure.value is None:
        return None
    group, _ = counted_group(figure)
    if group is None:
        return None
    phase = price_phase(figure) if figure.claim_type == "price" else ""
    return f"figure|{figure.claim_type}|{group}|{figure.scope or ''}|{phase}"


def event_id(story_id: str, key: str) -> str:
    return "ev-" + hashlib.sha1(f"{story_id}|{key}".encode()).hexdigest()[:10]


def label_of(key: str, happening_label: str | None = None) -> str:
    parts = key.split("|")
    if parts[0] == "happening":
        return happening_label or parts[1].replace("_", " ").capitalize()
    _, claim_type, group, scope, phase = parts
    where = f" in {scope}" if scope else ""
    if claim_type == "price":
        thing = "Fuel price" if group == "fuel" else "Price"
        return f"{thing} {dict(before='before the rise', after='after the rise', cut='after the cut')[phase]}{where}"
    if claim_type in ("fires", "attacks"):
        return f"{claim_type.capitalize()}{where}"
    if claim_type == "damage":
        return f"Damage to {group}{where}"
    return f"{group.capitalize()} {_VERB[claim_type]}{where}"


def align(claims: Iterable[Claim]) -> list[Event]:
    """Events of these claims: deterministic, whatever the input order."""
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        key = event_key(claim)
        if key is not None:
            groups[(claim.story_id, key)].append(claim)
    events = []
    for (story_id, key), members in sorted(groups.items()):
        members.sort(key=lambda c: c.key)
        if key.startswith("happening|"):
            events.append(_happening_event(story_id, key, members))
        else:
            events.append(_figure_event(story_id, key, members))
    return events


def _latest_per_source(members: list[Claim], when) -> dict[str, Claim]:
    latest: dict[str, Claim] = {}
    for claim in members:
        current = latest.get(claim.source_id)
        if current is None or (when(claim) or "", claim.key) > (when(current) or "", current.key):
            latest[claim.source_id] = claim
    return latest


def _figure_event(story_id: str, key: str, members: list[Claim]) -> Event:
    latest = _latest_per_source(members, lambda c: c.figure.as_of or c.published)
    lows = [c.figure.low if c.figure.low is not None else c.figure.value for c in latest.values()]
    highs = [c.figure.high if c.figure.high is not None else c.figure.value for c in latest.values()]
    bests = [c.figure.value for c in latest.values()]
    conservative = min(latest.values(), key=lambda c: (c.figure.value, c.key))
    as_of = sorted(d for d in (c.figure.as_of or c.published for c in members) if d)
    parts = key.split("|")
    return Event(
        id=event_id(story_id, key), story_id=story_id, kind="figure", label=label_of(key),
        claim_type=parts[1], counted_group=parts[2], scope=parts[3] or None, action=None,
        date_start=as_of[0] if as_of else None, date_end=as_of[-1] if as_of else None,
        low=min(lows), best=statistics.median(bests), high=max(highs), spread=max(highs) - min(lows),
        n_sources=len(latest),
        members=tuple(EventMember(c.key, c.source_id, latest[c.source_id].key == c.key, c.key == conservative.key)
                      for c in members),
    )


def _happening_event(story_id: str, key: str, members: list[Claim]) -> Event:
    latest = _latest_per_source(members, lambda c: c.published)
    dates = sorted(c.happening.date for c in members if c.happening.date)
    spread = None
    if dates:
        first, last = (dt.date.fromisoformat(_day(d)) for d in (dates[0], dates[-1]))
        spread = float((last - first).days)
    return Event(
        id=event_id(story_id, key), story_id=story_id, kind="happening",
        label=label_of(key, members[0].happening.label), claim_type=None, counted_group=None, scope=None,
        action=key.split("|")[1], date_start=dates[0] if dates else None, date_end=dates[-1] if dates else None,
        low=None, best=None, high=None, spread=spread, n_sources=len(latest),
        members=tuple(EventMember(c.key, c.source_id, latest[c.source_id].key == c.key, False) for c in members),
    )


def _day(value: str) -> str:
    """A date of any precision as its first day (2022-01 → 2022-01-01)."""
    return (value + "-01-01")[:10] if len(value) == 4 else (value + "-01")[:10]

"""Claims from different sources about the same thing, grouped into events.

A figure's event is fixed by its claim type, the group it counts (from
``lexicon/groups.yaml``: "police officers" and "servicemen" are both security forces;
"terrorists" and "protesters" are both the opposing actors, each source keeping its
own word), its scope (a city, or the whole country) and, for prices, whether it is the
price before a rise, after it, or after a cut. A happening's event is its action.

Each event carries an estimate the way conflict datasets give one: low, best and high
over each source's latest figure. Alignment is incremental: grouping depends only on
:func:`event_key`, and an event depends on its claims only through one
:class:`~pipeline.models.SourceView` per source, so a new document costs the claims of its
own source in the events it touches, not every claim of those events.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from .errors import ConfigError
from .models import Claim, Event, EventMember, Figure, SourceView

LEXICON = Path(__file__).resolve().parent / "lexicon" / "groups.yaml"

# Claim types counting people (or troops); what they count comes from the lexicon.
_PEOPLE_TYPES = {"killed": "killed", "injured": "injured", "detained": "detained", "missing": "missing",
                 "displaced": "displaced", "deployed": "deployed"}
# Claim types whose count is the thing itself ("75 fires").
_SELF_COUNTED = {"fires", "attacks"}
_SELF_HEADS = {"fire", "blaze", "arson", "attack", "assault", "raid", "case", "incident"}
_SELF_LABELS = {"attacks": "who attacked", "fires": "who set fires"}
# A casualty or detention figure that names no group but is one of these tallies counts
# people: "the death toll rose to 225", "the latest official figure is 230" (after "How many died?").
_TOLL_WORDS = {"toll", "death", "fatality", "casualty", "figure", "count", "tally", "total", "number"}
# "12 members of the security forces": what the counted word is a part of.
_PART_OF = r"\s+(?:of|among|from)\s+((?:the\s+|its\s+|their\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,3})"

_RISE = re.compile(r"\b(?:rose|rise[ns]?|rising|increas\w*|doubl\w*|tripl\w*|jump\w*|hike[sd]?|went up|"
                   r"soar\w*|spik\w*|surg\w*|climb\w*)\b", re.I)
_CUT = re.compile(r"\b(?:cut|cuts|reduc\w*|lower\w*|decreas\w*|drop\w*|fell|fall\w*|slash\w*|restor\w*|"
                  r"caps?|capped|rolled back)\b", re.I)
_EARLIER = re.compile(r"\b(?:previously|earlier|formerly|used to|had been|instead of|return\w* to|back to|"
                      r"revert\w* to)\b", re.I)
# How far (characters) from a price or damage figure the sentence may name the good.
_NEAR = 150
_PHASES = {"before": "before the rise", "after": "after the rise", "cut": "after the cut"}


# --- the lexicon of counted groups ----------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+(?:['’]s)?")
_IRREGULAR = {"men": "man", "women": "woman", "children": "child", "people": "people", "police": "police",
              "personnel": "personnel", "news": "news", "gas": "gas", "lpg": "lpg"}


def singular(word: str) -> str:
    """A rough singular of an English word, enough to match lexicon entries."""
    word = word.lower().replace("’", "'").removesuffix("'s")
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith("men") and len(word) > 4:
        return word[:-3] + "man"  # servicemen, policemen, gunmen
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


@dataclass(frozen=True)
class Match:
    group: str
    text: str  # as written, lower-cased: the source's own word
    start: int
    end: int
    words: tuple[str, ...]  # singular forms


class Matcher:
    """Finds lexicon phrases in a text, word by word, the longest phrase first."""

    def __init__(self, entries: dict[tuple[str, ...], str]):
        self.entries = entries
        self.longest = max((len(words) for words in entries), default=0)

    def find(self, text: str) -> list[Match]:
        return list(_find(self, text))


@functools.lru_cache(maxsize=65536)
def _find(matcher: Matcher, text: str) -> tuple[Match, ...]:
    tokens = [(singular(m.group()), m.start(), m.end()) for m in _WORD.finditer(text)]
    found, i = [], 0
    while i < len(tokens):
        for size in range(min(matcher.longest, len(tokens) - i), 0, -1):
            words = tuple(t[0] for t in tokens[i:i + size])
            group = matcher.entries.get(words)
            if group is not None:
                start, end = tokens[i][1], tokens[i + size - 1][2]
                found.append(Match(group, text[start:end].lower(), start, end, words))
                i += size
                break
        else:
            i += 1
    return tuple(found)


@functools.lru_cache(maxsize=1)
def load_lexicon() -> tuple[dict[str, Matcher], frozenset[str]]:
    """Matchers per domain (people, deployed, goods, damage) and the groups deployed as troops."""
    data = yaml.safe_load(LEXICON.read_text(encoding="utf-8"))
    problems: list[tuple[str, str]] = []

    def entries(section: str, groups: dict[str, list[str]]) -> dict[tuple[str, ...], str]:
        table: dict[tuple[str, ...], str] = {}
        for group, phrases in groups.items():
            for phrase in phrases:
                words = tuple(singular(w.group()) for w in _WORD.finditer(phrase))
                if words in table and table[words] != group:
                    problems.append((f"{section} -> {group}", f"{phrase!r} is already in {table[words]!r}"))
                table.setdefault(words, group)
        return table

    people = entries("people", data["people"])
    deployed = {**entries("equipment", {"equipment": data["equipment"]}), **people}
    matchers = {"people": Matcher(people), "deployed": Matcher(deployed),
                "goods": Matcher(entries("goods", data["goods"])),
                "damage": Matcher(entries("damage", data["damage"]))}
    if problems:
        raise ConfigError(str(LEXICON), problems)
    return matchers, frozenset(data["deployed as troops"])


# --- what a figure counts ------------------------------------------------------------


def counted_group(figure: Figure) -> tuple[str | None, str | None]:
    """(group, the source's own word) for what a figure counts; (None, ...) when unknown."""
    claim_type = figure.claim_type
    if claim_type in _SELF_COUNTED:
        # "20,000 bandits attacked" counts people; "41 attacks" counts attacks; "400 cars"
        # burned counts neither.
        match = _counted_match(figure, "people")
        if match is not None:
            return match.group, match.text
        if figure.counted_head is None or singular(figure.counted_head) in _SELF_HEADS:
            return claim_type, figure.counted_head or claim_type
        return None, figure.counted_head
    if claim_type in _PEOPLE_TYPES:
        domain = "deployed" if claim_type == "deployed" else "people"
        match = _counted_match(figure, domain)
        if match is None and figure.counted is None and figure.counted_head is None \
                and (figure.predicate or "") in _TOLL_WORDS:
            return "people", None  # "the death toll rose to 225": a toll counts people
        if match is None:
            return None, figure.counted_head
        if claim_type == "deployed" and match.group in load_lexicon()[1]:
            return "troops", match.text
        return match.group, match.text
    if claim_type in ("price", "damage"):
        domain = "goods" if claim_type == "price" else "damage"
        match = _counted_match(figure, domain) or _nearest_in_sentence(figure, domain)
        if match is not None:
            return match.group, match.text
        # Damage is always to something; a figure that does not say what counts as property.
        return ("property", None) if claim_type == "damage" else (None, figure.counted_head)
    return None, figure.counted_head


def _counted_match(figure: Figure, domain: str) -> Match | None:
    """The lexicon entry of the counted phrase, preferring the one holding the head noun."""
    matcher = load_lexicon()[0][domain]
    if figure.counted:
        found = matcher.find(figure.counted)
        if found:
            head = singular(figure.counted_head) if figure.counted_head else None
            holding_head = [m for m in found if head in m.words]
            return (holding_head or found)[0]
    if figure.counted_head:
        found = matcher.find(figure.counted_head)
        if found:
            return found[0]
    if figure.counted and figure.sentence:
        part_of = re.search(re.escape(figure.counted) + _PART_OF, figure.sentence, re.IGNORECASE)
        found = matcher.find(part_of.group(1)) if part_of else []
        if found:
            return found[0]
    return None


def _nearest_in_sentence(figure: Figure, domain: str) -> Match | None:
    """The entry nearest to the figure in its sentence ("the price of LPG rose to 120 tenge"), if near."""
    if not figure.sentence:
        return None
    start = figure.start - (figure.sentence_start or 0)
    end = start + (figure.end - figure.start)
    near = [(max(m.start - end, start - m.end, 0), m.start, m) for m in load_lexicon()[0][domain].find(figure.sentence)]
    near = [item for item in near if item[0] <= _NEAR]
    return min(near, key=lambda item: item[:2])[2] if near else None


def price_phase(figure: Figure) -> str:
    """"before" (the rise), "after" (the rise) or "cut", from the words around the figure."""
    sentence = figure.sentence or ""
    offset = max(0, figure.start - (figure.sentence_start or 0))
    lead = " ".join(re.findall(r"[\w']+", sentence[:offset].lower())[-4:])
    rising = bool(_RISE.search(sentence))
    cutting = bool(_CUT.search(sentence)) and not rising
    if re.search(r"\bfrom$", lead):
        # "cut from 120 to 50": the price cut from is the one after the rise.
        return "after" if cutting else "before"
    if _CUT.search(lead) and not _RISE.search(lead):
        return "cut"
    if _EARLIER.search(lead):
        return "before"
    return "cut" if cutting else "after"


# --- grouping keys, ids and labels ----------------------------------------------------


def event_key(claim: Claim) -> str | None:
    """The grouping key of a claim; None when it is not aligned."""
    if claim.happening is not None:
        return f"happening|{claim.happening.action}" if claim.happening.date else None
    figure = claim.figure
    if figure is None or figure.claim_type not in _PEOPLE_TYPES.keys() | _SELF_COUNTED | {"price", "damage"}:
        return None
    if _point(figure) is None:
        return None
    group, _ = counted_group(figure)
    if group is None:
        return None
    phase = price_phase(figure) if figure.claim_type == "price" else ""
    return f"figure|{figure.claim_type}|{group}|{_scope_key(figure.scope)}|{phase}"


def event_id(story_id: str, key: str) -> str:
    """Stable id: story, kind and grouping key (the key starts with the kind)."""
    kind, _, rest = key.partition("|")
    return "ev-" + hashlib.sha1(f"{story_id}|{kind}|{rest}".encode()).hexdigest()[:10]


def figure_label(claim_type: str, group: str, scope: str | None, phase: str = "") -> str:
    """Readable name of a figure event: "Security forces killed", "Fuel price after the rise"."""
    if claim_type == "price":
        text = f"{group.capitalize()} price {_PHASES.get(phase, '')}".strip()
    elif claim_type == "damage":
        text = f"Damage to {group}"
    elif claim_type in _SELF_COUNTED:
        text = claim_type.capitalize() if group == claim_type else f"{group.capitalize()} {_SELF_LABELS[claim_type]}"
    else:
        text = f"{group[0].upper()}{group[1:]} {_PEOPLE_TYPES[claim_type]}"
    return f"{text} in {scope}" if scope else text


def _scope_key(scope: str | None) -> str:
    return " ".join(scope.split()).casefold() if scope else ""


# --- events --------------------------------------------------------------------------

# Stored with a story's events: when it changes, the story is re-aligned in full.
ALIGNER_VERSION = "2"


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
        if (key, claim.source_id) in changed:
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
    """One source's view of one event, from all its claims in it."""
    claims = sorted(claims, key=lambda c: c.key)
    if key.startswith("happening|"):
        claim = _chosen_date(claims)
        dates = sorted(c.happening.date for c in claims)
        hint = min(c.happening.label for c in claims)
    else:
        # The newest as-of wins; on the same day the newer report, then the higher figure.
        claim = max(claims, key=lambda c: (_when(c), c.published or "", _point(c.figure), c.key))
        dates = sorted(d for d in map(_when, claims) if d)
        hint = min((c.figure.scope.strip() for c in claims if c.figure.scope), default=None)
    return SourceView(key=key, source_id=claim.source_id, claim=claim, first=dates[0] if dates else None,
                      last=dates[-1] if dates else None, label_hint=hint, claims=len(claims))


def combine(story_id: str, key: str, views: list[SourceView], members: list[Claim]) -> Event:
    """An event from its sources' views; ``members`` are the claims whose membership is (re)written."""
    build = _happening_event if key.startswith("happening|") else _figure_event
    event = build(story_id, key, views)
    chosen = {v.claim.key for v in views}
    return replace(event, key=key, sources=tuple(views), members=tuple(
        EventMember(c.key, c.source_id, c.key in chosen, c.key == event.conservative_key)
        for c in sorted(members, key=lambda c: c.key)))


def _when(claim: Claim) -> str:
    return claim.figure.as_of or claim.published or ""


def _figure_event(story_id: str, key: str, views: list[SourceView]) -> Event:
    _, claim_type, group, _, phase = key.split("|")
    latest = [v.claim for v in views]
    lows = [_bounds(c.figure)[0] for c in latest]
    highs = [_bounds(c.figure)[1] for c in latest]
    conservative = min(latest, key=lambda c: (_bounds(c.figure)[0], _point(c.figure), c.source_id))
    firsts = [v.first for v in views if v.first]
    lasts = [v.last for v in views if v.last]
    scope = min((v.label_hint for v in views if v.label_hint), default=None)
    return Event(
        id=event_id(story_id, key), story_id=story_id, kind="figure",
        label=figure_label(claim_type, group, scope, phase),
        claim_type=claim_type, counted_group=group, scope=scope, action=None,
        date_start=min(firsts, default=None), date_end=max(lasts, default=None),
        low=min(lows), best=float(statistics.median(_point(c.figure) for c in latest)),
        high=max(highs), spread=max(highs) - min(lows), n_sources=len(views),
        conservative_key=conservative.key,
    )


def _point(figure: Figure) -> float | None:
    """The single value of a figure; the middle of a range that states no value."""
    if figure.value is not None:
        return float(figure.value)
    if figure.low is not None and figure.high is not None:
        return (figure.low + figure.high) / 2
    return figure.low if figure.low is not None else figure.high


def _bounds(figure: Figure) -> tuple[float, float]:
    point = _point(figure)
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
        counts[claim.happening.date] += 1
    return max(current, key=lambda c: (counts[c.happening.date], _negated(_day(c.happening.date)), c.key))


def _happening_event(story_id: str, key: str, views: list[SourceView]) -> Event:
    action = key.split("|")[1]
    dates = sorted(v.claim.happening.date for v in views)
    first, last = dt.date.fromisoformat(_day(dates[0])), dt.date.fromisoformat(_day(dates[-1]))
    return Event(
        id=event_id(story_id, key), story_id=story_id, kind="happening",
        label=min(v.label_hint for v in views), claim_type=None, counted_group=None, scope=None, action=action,
        date_start=dates[0], date_end=dates[-1], low=None, best=None, high=None,
        spread=float((last - first).days), n_sources=len(views),
    )


def _day(value: str) -> str:
    """A date of any precision as its first day (2022-01 → 2022-01-01)."""
    return {4: value + "-01-01", 7: value + "-01"}.get(len(value), value[:10])


def _negated(day: str) -> int:
    """Sorts earlier days higher, for picking the earliest with max()."""
    return -dt.date.fromisoformat(day).toordinal()

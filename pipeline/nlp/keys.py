"""Keys the facts layer stores with each figure, so that alignment compares figures without
reading any language (English rules; group words from ``lexicon/groups.yaml``).

- ``counted_group``: what a figure counts, normalised ("police officers" and "servicemen"
  are both security forces; "1,300 shops" counts shops);
- ``unit_kind``: people, objects, money:<ISO code>, percent, duration or other;
- ``phase``: for a price, before the rise, after it, or after a cut;
- ``time_scope``: another time the figure is about ("the price in 2011" → "2011");
- ``incident``: one incident the figure is limited to ("in the worst incident"; a named site, ``sites.py``:
  "killed at the Kejetia market");
- ``scope``: the city or region the figure is limited to (``scope.py``: "17 in Tessin").

A sum of money of claim type "other" counts what it is for (``payments`` in the lexicon:
"compensation", "fund"); a bare number after a casualty figure counts what that one counts.

:func:`fill_keys` sets them on every figure of an analysis. Each rule is a small function
or a data row with the sentence it exists for.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import yaml  # type: ignore[import-untyped]  # no stubs installed

from ..errors import ConfigError
from ..models import PRICE_CHANGE_GROUP, STILL_HELD, Analysis, Figure, Sentence
from .scope import READING_UNITS, country_parts, place_names, place_scope, town_named_before
from .sites import larger_count, site_incidents

LEXICON = Path(__file__).resolve().parents[1] / "lexicon" / "groups.yaml"

# Claim types counting people (or troops); what they count comes from the lexicon.
PEOPLE_TYPES = frozenset({"killed", "injured", "detained", "missing", "displaced", "deployed", "evacuated",
                          "protesters"})
# Claim types whose figures count one crowd or one group of people, whatever word names them:
# "40,000 people marched", "15,000 protesters", "police put the crowd at 12,000".
_ONE_CROWD = frozenset({"protesters", "evacuated"})
# Claim types whose count is the thing itself ("75 fires").
SELF_COUNTED = frozenset({"fires", "attacks"})
_SELF_HEADS = {"fire", "blaze", "arson", "attack", "assault", "raid", "case", "incident"}
# A casualty or detention figure that names no group but is one of these tallies counts
# people: "the death toll rose to 225", "the latest official figure is 230" (after "How many died?").
_TOLL_WORDS = {"toll", "death", "fatality", "casualty", "figure", "count", "tally", "total", "number", "body", "dead",
               "deceased", "decease", "fatal",
               "killing",  # "19 killings …, against the 13 acknowledged by the police" (blind118)
               "arrest", "detention"}  # a table's row "Arrests (protests) | 63–112"
# What is said of a count as it changes: "Officials gave a toll of 37, revised to 33" (a casualty figure whose
# verb only moves or gives the count is a toll).
_COUNT_CHANGES = {"revise", "lower", "raise", "rise", "climb", "increase", "reach", "stand", "update", "put",
                  "correct", "reduce", "jump", "grow", "exceed", "hit"}
# Words that count the rest of a group already named: "About 150 others were still unaccounted for".
_REST_WORDS = {"other", "others", "rest"}
# "12 members of the security forces": what the counted word is a part of.
# up to five words, the length of "the forces of law and order" (blind56), and never into a relative clause:
# "the five compañeros of Clorosur who lost their lives" are no group "lives" names (blind42)
_PART_OF = (r"\s+(?:of|among|from)\s+((?:the\s+|its\s+|their\s+|a\s+|an\s+)?[\w'’-]+"
            r"(?:\s+(?!(?:who|which|that|whose)\b)[\w'’-]+){0,4})")
# How far (characters) from a price or damage figure the sentence may name the good.
_NEAR = 150

_RISE = re.compile(r"\b(?:rose|rise[ns]?|rising|increas\w*|doubl\w*|tripl\w*|jump\w*|hike[sd]?|went up|"
                   r"soar\w*|spik\w*|surg\w*|climb\w*"
                   # "went from 60 to 120 tenge when a state price cap was scrapped"
                   r"|went from|(?:cap|ceiling)s? (?:was |were |had been )?(?:scrapped|lifted|removed|expired|"
                   r"abolished)|lift\w* (?:the |a )?(?:price )?(?:cap|ceiling)"
                   # "End of the fuel price cap (60 → 120)"; "when the state ended price regulation"
                   r"|end(?:ed|ing|s)? (?:of )?(?:the |a |retail )?(?:[\w-]+ ){0,2}(?:cap|ceiling|regulation))\b", re.I)
_CUT = re.compile(r"\b(?:cut|cuts|reduc\w*|lower\w*|decreas\w*|drop\w*|fell|fall\w*|slash\w*|restor\w*|"
                  r"caps?|capped|capping|rolled back|froze|frozen|freez\w*|"
                  r"established at"  # "capping diesel at 310 tenge", "established at the level of 310" (blind73)
                  r"|ceiling|bring back"  # "promised to bring back a ceiling of 50 tenge"
                  # "agreed to bring the price back down to 50 tenge"; "the price has been set at 50 tenge"
                  # "the Cabinet set the price of petrol at 72 som" (blind64)
                  r"|down to|(?:set|sets|setting|fixed|fixes|fixing)(?:\s+(?:the|a|its)\s+[^.;\d]{0,30}?)?\s+at)\b",
                  re.I)
# A price someone offered, apart from the price set: "the minister offered to lower it to 80 tenge".
_INSTEAD_OF = re.compile(r"\binstead of(?: around| about| some| roughly)?$")
# "from 2,390 to 3,150", "from about €0.58 to €0.76": the figure is the price a change went to.
_FROM_A_PRICE_TO = re.compile(r"\bfrom\s+(?:around\s+|about\s+|some\s+)?[^\w\s]?\s*\d[^;]{0,30}?\bto\s+"
                              r"(?:around\s+|about\s+|some\s+)?\W?$", re.I)
_OFFER = re.compile(r"\b(?:offer\w*|propos\w*)\b", re.I)
# Two prices written "60 → 120": the first is the price changed from.
_ARROW_AFTER, _ARROW_BEFORE = re.compile(r"^\s*(?:→|->)"), re.compile(r"(?:→|->)\s*[^\w\s]?$")
# "setting the price of petrol at 72 som a litre, down from 137.80 som" (blind64): the price cut to, and the one it
# was cut from, whatever rise the sentence also names.
# "down from 55"; "has sold for 45 piasters, against 55 after the rise and 35 before it" (blind75): a price set
# against the one after the rise is lower than it, a cut
_DOWN_FROM_AFTER = re.compile(r"[^.;\d]{0,25}?\b(?:down from|against\s+[^\s,;]{1,12}\s+after\s+the\s+(?:rise|increase|"
                              r"hike))\b", re.I)
_DOWN_FROM_BEFORE = re.compile(r"\bdown from\s+(?:about\s+|some\s+)?[^\w\s]{0,3}$", re.I)
# The old price in a clause of its own ("a loaf that cost 90 lek … now sells for 140"), or one said to be
# before the change or some time ago ("90 lek before the flood", "90 lek (about 78 pence) a week ago").
_OLD_PRICE = re.compile(r"\b(?:that|which) (?:cost|sold for|went for)$")
# "$96 a year earlier", "$1.05 a year ago", "US$26 last year", "90 lek before the flood"
_BEFORE_THEN = re.compile(r"^(?:\s*\([^()]*\))?\s*(?:\w+\s+){0,1}?(?:before (?:the|it|that|then)\b|under the old\b|"
                          r"(?:a|one|two|three|a few) "
                          r"(?:days?|weeks?|months?|years?) (?:ago|earlier|before)\b|last (?:year|month|week)\b|"
                          r"the (?:year|month|week) before\b)", re.I)
# "LPG once cost as little as 30 tenge", "a scheme that had held petrol at 2,390 tögrög"
_EARLIER = re.compile(r"\b(?:previously|previous|earlier|formerly|used to|had been|instead of|return\w* to|back to|"
                      r"revert\w* to|once|had (?:held|kept|fixed|capped|frozen|stood)|"
                      r"(?:the|its) old)\b", re.I)  # "Under the old regime diesel sold for 295 tenge" (blind73)


# --- the lexicon of counted groups ----------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+(?:['’]s)?")
_IRREGULAR = {"men": "man", "women": "woman", "children": "child", "people": "people", "police": "police",
              "personnel": "personnel", "news": "news", "gas": "gas", "lpg": "lpg", "lives": "life",
              "buses": "bus", "detenus": "detenu",
              "apparatuses": "apparatus"}


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
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "gas")) and len(word) > 3:  # "teargas" (blind130)
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
        self.longest_from: dict[str, int] = {}  # first word -> its longest phrase: most words start none
        for words in entries:
            self.longest_from[words[0]] = max(self.longest_from.get(words[0], 0), len(words))

    def find(self, text: str) -> list[Match]:
        return list(_find(self, text))


@functools.lru_cache(maxsize=65536)
def _find(matcher: Matcher, text: str) -> tuple[Match, ...]:
    tokens = [(singular(m.group()), m.start(), m.end()) for m in _WORD.finditer(text)]
    found, i = [], 0
    while i < len(tokens):
        for size in range(min(matcher.longest_from.get(tokens[i][0], 0), len(tokens) - i), 0, -1):
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


@dataclass(frozen=True)
class Lexicon:
    matchers: dict[str, Matcher]  # people, deployed, objects, goods, damage, payments, payment reasons
    troops: frozenset[str]  # people groups a "deployed" figure counts as troops
    police: frozenset[str]  # words that make a deployed force police, not troops
    casualties: frozenset[str]  # groups a killed, injured or missing figure counts as the toll's people
    actions: dict[str, str]  # verb lemma -> the action it names ("save" -> "rescued")
    crowd_actions: frozenset[str]  # actions whose people are one crowd, whatever each is called
    prisoner_actions: frozenset[str]  # actions whose people are prisoners, whatever each is called
    action_types: dict[str, str]  # action -> the claim type an "other" figure of it has ("took part" -> deployed)


def _entries(section: str, groups: dict[str, list[str]], problems: list[tuple[str, str]]) -> dict[tuple[str, ...], str]:
    table: dict[tuple[str, ...], str] = {}
    for group, phrases in groups.items():
        for phrase in phrases:
            words = tuple(singular(w.group()) for w in _WORD.finditer(phrase))
            if words in table and table[words] != group:
                problems.append((f"{section} -> {group}", f"{phrase!r} is already in {table[words]!r}"))
            table.setdefault(words, group)
    return table


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The one place this module reads its word lists from."""
    data = yaml.safe_load(LEXICON.read_text(encoding="utf-8"))
    problems: list[tuple[str, str]] = []
    people = _entries("people", data["people"], problems)
    objects = _entries("objects", data["objects"], problems)
    matchers = {"people": Matcher(people), "objects": Matcher(objects),
                "deployed": Matcher({**objects, **people}),
                "goods": Matcher(_entries("goods", data["goods"], problems)),
                "damage": Matcher(_entries("damage", data["damage"], problems)),
                "payments": Matcher(_entries("payments", data.get("payments", {}), problems)),
                "payment reasons": Matcher(_entries("payment reasons", data.get("payment reasons", {}), problems))}
    actions = {verb: action for action, verbs in data.get("actions", {}).items() for verb in verbs}
    if problems:
        raise ConfigError(str(LEXICON), problems)
    return Lexicon(matchers, frozenset(data["deployed as troops"]), frozenset(data.get("deployed as police", [])),
                   frozenset(data.get("casualties as people", [])), actions, frozenset(data.get("crowd actions", [])),
                   frozenset(data.get("prisoner actions", [])), dict(data.get("action claim types", {})))


def _matcher(domain: str) -> Matcher:
    return load_lexicon().matchers[domain]


# --- what a figure counts ------------------------------------------------------------


def counted_group(figure: Figure) -> tuple[str | None, str | None]:
    """(group, the source's own word) for what a figure counts; (None, ...) when unknown."""
    claim_type = figure.claim_type
    if claim_type in SELF_COUNTED:
        return _self_counted_group(figure)
    if claim_type in PEOPLE_TYPES:
        return _people_group(figure)
    if claim_type in ("price", "damage"):
        return _money_group(figure)
    if unit_kind(figure).startswith("money"):
        return _payment_group(figure)
    if unit_kind(figure) == "percent" and (figure.predicate in _PRICE_PREDICATES or _a_goods_change(figure)):
        return _price_change_group(figure)
    return _thing_counted(figure)


# "Diesel prices rose 64%": a price's change as a share is no price, but it is still the change of a good's price.
_PRICE_PREDICATES = {"price", "cost", "fare", "tariff"}
# A share told as a change, next to it: "a rise of 31.8%", "diesel rose by 31.3%", "a 17% increase" (blind16).
_CHANGE_BEFORE = re.compile(r"\b(?:rise|increase|jump|hike|climb|surge|fall|drop|cut|rose|risen|jumped|climbed|"
                            r"increased|surged|fell|dropped|went up|gone up|up|down)s?\s+(?:of\s+|by\s+)?"
                            r"(?:about\s+|almost\s+|nearly\s+|some\s+|a net\s+|a total of\s+)?$", re.I)
_CHANGE_AFTER = re.compile(r"\s*(?:rise|increase|jump|hike|drop|fall|cut)\b", re.I)


def _a_goods_change(figure: Figure) -> bool:
    """A share told as a change of something whose good its clause names: "A litre of A-92 petrol went from 2,390
    to 3,150 tögrög, a rise of 31.8%" (blind16). Not "turnout rose by 4%": no good is named."""
    sentence, (start, end) = figure.sentence or "", _offsets(figure)
    told = _CHANGE_BEFORE.search(sentence[max(0, start - 40):start]) or _CHANGE_AFTER.match(sentence, end)
    return told is not None and _priced_good(figure) is not None


def _price_change_group(figure: Figure) -> tuple[str | None, str | None]:
    match = _priced_good(figure) or _counted_match(figure, "goods") or _nearest_in_sentence(figure, "goods")
    return (f"{PRICE_CHANGE_GROUP}: {match.group}", match.text) if match is not None else _thing_counted(figure)


def _payment_group(figure: Figure) -> tuple[str | None, str | None]:
    """What a sum that is no price or damage is for: "promised 500 crowns to each household" →
    compensation, "a relief fund of 3 million crowns" → fund; None when its sentence does not say."""
    match = _counted_match(figure, "payments") or _nearest_in_sentence(figure, "payments", _not_where_from)
    if match is None:
        reason = _nearest_in_sentence(figure, "payment reasons", _for_whom_right_after)
        return (f"payment for {reason.group}" if reason else None), figure.counted_head
    # A payment to people for a loss is one whatever it is called ("compensation", "assistance"): its
    # reason tells it apart.
    reason = None if match.group not in _TO_PEOPLE else (
        _nearest_in_sentence(figure, "payment reasons", _after_the_sum)
        or _nearest_in_sentence(figure, "payment reasons", _before_the_sum))
    group = f"payment for {reason.group}" if reason else match.group
    return (f"{group} demanded" if _demanded(figure) else group), match.text


# A sum asked for, apart from the sum offered or paid: "demanding compensation of US$50,000 per family", "against the
# US$50,000 the families demand", "| Families' demand | 50,000 |" (blind129).
_DEMAND_BEFORE = re.compile(r"\b(?:demand(?:s|ed|ing)?|ask(?:s|ed|ing)?\s+for|call(?:s|ed|ing)?\s+for|seek(?:s|ing)?|"
                            r"sought)\b[^\d;.]{0,40}$", re.I)
_DEMAND_AFTER = re.compile(r"\s*(?:(?!and\b|or\b|offer)[\w'’]+\s+){0,3}(?:demand|demands|demanded|ask|asks|asked|seek|"
                           r"seeks|sought)\b", re.I)


def _demanded(figure: Figure) -> bool:
    sentence, (start, end) = figure.sentence or "", _offsets(figure)
    return bool(_DEMAND_BEFORE.search(sentence[:start]) or _DEMAND_AFTER.match(sentence, end))


_TO_PEOPLE = {"compensation", "aid"}


# The sum's currency word may come between: "15,000 euros for the heirs of each deceased".
_FOR_WHOM = re.compile(r"\s*(?:[^\W\d_]+\s+)?(?:\([^()]*\)\s*)?(?:each\s+|a\s+|per\s+)?(?:for|to)\b[^.;\d]{0,40}$",
                       re.I)


def _for_whom_right_after(figure: Figure, match: Match) -> bool:
    """A sum given for someone its reason names, with no word for a payment: "an amount of Rs 1.5 million for the
    heirs of each deceased", "ten lakh rupees for each bereaved family" (blind58)."""
    end = _offsets(figure)[1]
    return match.start >= end and bool(_FOR_WHOM.match((figure.sentence or "")[end:match.start]))


def _before_the_sum(figure: Figure, match: Match) -> bool:
    """A reason written before the sum, with no other sum between: "bereaved families get 500,000 dinars"."""
    start = _offsets(figure)[0]
    return match.end <= start and not _another_sum((figure.sentence or "")[match.end:start])


def _another_sum(between: str) -> bool:
    """A number between a sum and its reason, a conversion in brackets aside ("500,000 dinars ($9,260)"),
    or the sum a bracketed conversion restates ("homes were promised 1,000 euros ($1,080)")."""
    between = re.sub(r"\d[\d,.]*(?:\s+\w+)?\s*\(\s*[^\w\s]?$", "", between)
    return bool(re.search(r"\d", re.sub(r"\([^()]*\)", "", between)))


def _after_the_sum(figure: Figure, match: Match) -> bool:
    """A reason written after the sum, before the next sum: "1 million lek to the family of each person
    killed, and 600,000 lek to each family whose home was destroyed"."""
    end = _offsets(figure)[1]
    return match.start >= end and not _another_sum((figure.sentence or "")[end:match.start])


def _not_where_from(figure: Figure, match: Match) -> bool:
    """Not where a sum comes from: "receive 500 crowns each from the state budget" is no budget."""
    end = _offsets(figure)[1]
    return match.start < end or not re.search(r"\bfrom\b", (figure.sentence or "")[end:match.start], re.I)


def _self_counted_group(figure: Figure) -> tuple[str | None, str | None]:
    # "20,000 bandits attacked" counts people; "41 attacks" counts attacks; "400 cars" burned neither.
    match = _counted_match(figure, "people")
    if match is not None:
        return match.group, match.text
    if figure.counted_head is None or singular(figure.counted_head) in _SELF_HEADS:
        return figure.claim_type, figure.counted_head or figure.claim_type
    return None, figure.counted_head


def _people_match(figure: Figure) -> Match | None:
    """The lexicon entry naming who a casualty figure counts: its part's own group, its words, its "Among"."""
    domain = "deployed" if figure.claim_type == "deployed" else "people"
    match = _named_after_of_them(figure) or _counted_match(figure, domain)
    if match is None or match.group == _PLAIN_PEOPLE:  # "Deaths" over the column names no one: its row may
        match = _row_group(figure, domain) or match
    return match or _among_group(figure) or _number_of_group(figure)


_FIRST_CELL = re.compile(r"\s*\|\s*([^|]+?)\s*\|")


def _row_group(figure: Figure, domain: str) -> Match | None:
    """A table row whose label names who its cell counts, under a header that says what happened to them:
    "| Firefighters | 3 |" and "| Employees of the plant | 13 |" under "| Category | Deaths |" (blind12)."""
    cell = _FIRST_CELL.match(_row_before(figure))
    if cell is None or figure.scope is not None or _TOTAL_ROW.match(cell.group(0)):
        return None
    role = next((m for m in _matcher(domain).find(cell.group(1)) if m.group != _PLAIN_PEOPLE), None)
    return role or _label_as_group(cell.group(1))


def _label_as_group(label: str) -> Match | None:
    """A row label the lexicon does not know names its own part of the toll: "| Employees of the plant | 13 |"
    counts employees, apart from "| Residents of nearby districts | 4 |"; "| Died | 14 |", "| Missing | 3 |" and
    "| Injuries | 318+ |" say what happened, and name no one."""
    words = [singular(w.group().lower()) for w in _WORD.finditer(label)]
    if not words or not label[:1].isupper() or re.search(r"(?:ed|ing)$", words[0]) or _WHEN_LABEL.match(label) \
            or set(words) & (_EVENT_HEADS | _TOLL_WORDS | _PEOPLE_VERBS | _NO_ROLE):
        return None  # "| Non-fatal injuries | 214 |", "| Arrests (protests) | 126 |"
    return Match(words[0], label.lower(), 0, len(label), (words[0],))


_NO_ROLE = {"people", "person", "individual", "victim", "injury"}


_NUMBER_OF = re.compile(r"\b(?:number|toll|count|tally|total) of (?P<who>[\w' -]{1,40}?)\s+\w+ed\b[^.;\d]{0,40}$", re.I)


def _number_of_group(figure: Figure) -> Match | None:
    """A bare count after "the number of <group> <verb>ed": "the number of security personnel killed
    moved from 18 to 19" counts security personnel."""
    if _has_words(figure.counted):
        return None
    found = _NUMBER_OF.search((figure.sentence or "")[:_offsets(figure)[0]])
    matches = _matcher("people").find(found.group("who")) if found else []
    return matches[0] if matches else None


# Places counted, not the people in them: "3,400 people were evacuated from five neighbourhoods" (the five).
_PLACES_COUNTED = {"neighbourhood", "neighborhood", "village", "district", "town", "municipality", "commune",
                   "province", "region", "settlement", "island", "street", "zone"}


def _people_group(figure: Figure) -> tuple[str | None, str | None]:
    if singular(figure.counted_head or "") in _PLACES_COUNTED:
        return singular(figure.counted_head or ""), figure.counted_head
    if figure.claim_type == "injured" and (figure.predicate or "") in _INJURY_KINDS:
        return _INJURY_KINDS[figure.predicate or ""], figure.counted_head
    return _group_of_people(figure)


# Injuries of one kind that sources count apart from everyone hurt: "16 persons have suffered complete loss of
# vision", "23 were left blind" against "97 were admitted to hospital" (blind54).
_INJURY_KINDS = {"blind": "blinded", "blinded": "blinded", "sight": "blinded", "vision": "blinded",
                 "lose sight": "blinded"}


def _group_of_people(figure: Figure) -> tuple[str | None, str | None]:
    match = _people_match(figure)
    if figure.claim_type in _ONE_CROWD:
        return "people", match.text if match else figure.counted_head
    if match is None:
        return _no_group_named(figure), None if _is_toll(figure) or _done_to_people(figure) else figure.counted_head
    return _group_for_its_claim(figure, match), match.text


_TOLL_TYPES = {"killed", "injured", "missing"}


def _group_for_its_claim(figure: Figure, match: Match) -> str:
    """Soldiers sent are troops, police sent police; inmates killed are the toll's people (groups.yaml)."""
    if figure.claim_type == "deployed" and match.group in load_lexicon().troops:
        return "police" if _police_words(match) else "troops"
    if figure.claim_type in _TOLL_TYPES and match.group in load_lexicon().casualties:
        return _PLAIN_PEOPLE
    return match.group


_EVENT_HEADS = {"detention", "arrest", "death", "fatality", "casualty", "injury", "disappearance", "evacuation",
                "killing",  # "documented 19 killings by the security forces" (blind118)
                # a headline's or a note's label the count was read under: "Sanganer water protest: police detain 42",
                # "Correction: … Police said 42 were detained" (blind60)
                "protest", "clash", "riot", "rally", "march", "demonstration", "correction", "update",
                # "The provisional toll of the disturbances is 14 dead" (blind115)
                "disturbance", "uprising", "crackdown"}
# What did it, parsed as what is counted: "the storm that has killed 52" (not "two blasts that killed 32").
_HAZARD_HEADS = {"flood", "storm", "landslide", "earthquake", "quake", "cyclone", "hurricane", "typhoon", "disaster",
                 "collapse", "explosion", "blast", "crash", "accident", "violence", "unrest", "clash"}
# Households counted apart from people: "temporary housing for 3,000 families".
_HOUSEHOLD_HEADS = {"family", "household"}


def _no_group_named(figure: Figure) -> str | None:
    """A casualty figure whose words name no group of the lexicon: a toll or an event noun counts people ("the
    death toll rose to 225", "3,811 detentions"); what was sent counts itself ("37 boats", "six sniffer dogs");
    those held are people of their own name, but things ("63 cars detained"). Other unknown groups stay unkeyed
    ("10 horses injured")."""
    head = singular(figure.counted_head or "")
    if _is_toll(figure) or _done_to_people(figure) or head in _EVENT_HEADS or _of_the_dead_before(figure) \
            or _named_by_what_did_it(figure, head) or _row_of_what_was_done(figure) or _a_days_row(figure) \
            or _in_hospital_now(figure):  # "The wounded number 163, of whom 31 remain hospitalised" (blind56)
        return "people"  # "3.811 detentions" count people detained; "| Sunday | 64 | 9 | 3 |" under "Died in hospital"
    return _counts_itself(figure, head)


def _counts_itself(figure: Figure, head: str) -> str | None:
    """What was sent, or a shelter people went to, counts itself ("37 boats", "381 shelters enabled"); families
    and households are counted apart from people ("temporary housing for 3,000 families")."""
    if figure.claim_type == "deployed" and _has_words(figure.counted_head):
        return head
    if head in _HOUSEHOLD_HEADS:
        return "households"
    if figure.claim_type == "detained" and head.endswith(_PERSON_ENDINGS) and head not in _MEMBER_HEADS \
            and _head_match(figure, "objects") is None:  # "12 members of the public" say not who
        return _plural(head)  # "26 suspected brewers", "four officials arrested": people, whatever their name
    return head if figure.claim_type in ("displaced", "evacuated") and head in _MEASURES_AND_FACILITIES else None


# How English names a person by what they do or are: "brewer", "official", "suspect", "activist", "detainee"; not
# "10 cases detained".
_PERSON_ENDINGS = ("er", "or", "ist", "ant", "ent", "ian", "ial", "ect", "ee")


def _plural(word: str) -> str:
    """A rough plural for a group's name ("official" → "officials"), the lexicon's groups being plural."""
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "o", "u"):
        return word[:-1] + "ies"
    return word + ("es" if word.endswith(("s", "x", "ch", "sh")) else "s")


def _named_by_what_did_it(figure: Figure, head: str) -> bool:
    """"the storm that has killed 52": the hazard is no group, but "two blasts that killed 32" count blasts."""
    after = (figure.sentence or "")[_offsets(figure)[1]:]
    return head in _HAZARD_HEADS and not re.match(rf"\s+(?:[\w-]+\s+)?{head}", after, re.I)


_OF_THE_DEAD = re.compile(r"^\W*(?:of|among) (?:the|those) (?:dead|killed|injured|wounded|hurt|missing|detained|"
                          r"detainees|arrested|victims)\b[^.;]*$", re.I)


def _of_the_dead_before(figure: Figure) -> bool:
    """"Of the dead, 50 were in Shirak Province": a part of the dead named before counts people."""
    return not _has_words(figure.counted_head) and bool(
        _OF_THE_DEAD.match((figure.sentence or "")[:_offsets(figure)[0]]))


def _police_words(match: Match) -> bool:
    words = " ".join(match.words)
    return any(re.search(rf"\b{re.escape(w)}\b", words) for w in load_lexicon().police)


LOSSES = "losses"  # the group of sums someone lost: it names no victim for the document's other damage figures


def _money_group(figure: Figure) -> tuple[str | None, str | None]:
    """A price's good, a damage figure's victim in money, or the things damaged ("400 cars burned")."""
    kind = unit_kind(figure)
    if kind == "objects" or kind.startswith("area"):
        return _damaged_things(figure, kind)
    if not kind.startswith("money") and kind != "percent":
        return None, figure.counted_head  # "the violence cost 200 lives" is not a price
    if figure.claim_type == "damage" and figure.predicate == "lose":
        return LOSSES, figure.counted_head  # what someone lost is no estimate of damage (blind85, blind58, blind28)
    match = _good_or_victim(figure)
    if match is not None:
        return match.group, match.text
    # Damage is always to something; a figure that does not say what counts as property.
    return ("property", None) if figure.claim_type == "damage" else (None, figure.counted_head)


# "per litre", "a litre" and "fuel" name fuel only where the sentence names no good of its own ("prices for
# fuel-lubricating materials are established at 72 som for a litre of petrol", blind64).
_PER_A_MEASURE = {"per", "a", "fuel"}


# Between a good and a price of another: "…; diesel rose", ", and gasoline to 7,850", "but left diesel untouched",
# "and that of diesel from ₮2,650".
_CLAUSE_BREAK = re.compile(r";|,\s*(?:and|but|while|whereas)\b|\bbut\b|\bwhile\b|\band (?:that|those) of\b", re.I)


def _priced_good(figure: Figure) -> Match | None:
    """The good a price is of: the one its own words name ("72 som for a litre of petrol … and 41 som for a litre of
    liquefied gas", blind64), else the one before it in its clause ("raised diesel to 8,790 guaraníes a litre from
    7,290, and gasoline to 7,850": the 7,290 is diesel's, blind46), else the first after it in its clause. "per
    litre" says fuel only where no good is named (blind64's "AI-92 petrol … 137.80 som a litre")."""
    sentence, (start, end) = figure.sentence or "", _offsets(figure)
    before, after = _goods_around(figure)
    own = [m for m in after if _ITS_OWN_PHRASE.fullmatch(sentence, end, m.start)]
    in_clause = [m for m in before[::-1] if not _CLAUSE_BREAK.search(sentence, m.end, start)] + [
        m for m in after if not _CLAUSE_BREAK.search(sentence, end, m.start)]
    return next(iter(own + in_clause), None)


# A good naming a place or a vehicle, not what is priced: "after bakeries and a flour depot were flooded" (blind14).
_FACILITY_AFTER = re.compile(r"\s+(?:depots?|mills?|stations?|factor(?:y|ies)|warehouses?|trucks?|tankers?|plants?|"
                             r"storage|stores?|pipelines?)\b", re.I)


def _goods_around(figure: Figure) -> tuple[list[Match], list[Match]]:
    """The goods its sentence names near a price, before it and after it ("per litre" and "fuel" aside)."""
    start, end = _offsets(figure)
    goods = _goods_named(figure.sentence or "")
    return ([m for m in goods if m.end <= start and start - m.end <= _NEAR],
            [m for m in goods if m.start >= end and m.start - end <= _NEAR])


def _goods_named(sentence: str) -> list[Match]:
    return [m for m in _matcher("goods").find(sentence) if m.words[0] not in _PER_A_MEASURE
            and not _FACILITY_AFTER.match(sentence, m.end)]


# The price's own words up to its good: "41 som for a litre of liquefied gas", "2,690 tögrög a litre on petrol".
_ITS_OWN_PHRASE = re.compile(r"(?:(?!\band\b)[^\d,;()]){0,30}")


def _good_or_victim(figure: Figure) -> Match | None:
    if figure.claim_type == "price":
        return _priced_good(figure) or _counted_match(figure, "goods") or _nearest_in_sentence(figure, "goods")
    return _counted_match(figure, "damage") or _nearest_in_sentence(figure, "damage")


def _damaged_things(figure: Figure, kind: str) -> tuple[str | None, str | None]:
    """Things or land damaged: "400 cars burned" (by the things), "52,600 hectares burned" (an area)."""
    if figure.claim_type != "damage":
        return None, figure.counted_head
    return _object_group(figure) if kind == "objects" else ("area", figure.counted_head)


_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "some", "these", "those"}


def _thing_counted(figure: Figure) -> tuple[str | None, str | None]:
    """What a figure of no casualty, price or damage type counts: its own counted phrase,
    singular, with what happened to it, since a lexicon group is too coarse here ("27 member
    states" → "member state"; "10 days of the withdrawal" → "day of withdrawal"; "2,200 people
    sought help" → "people: seek", apart from "3,000 residents gave blood"). A verb the
    lexicon names an action of makes the group coarser (see ``_acted_group``)."""
    if not figure.counted_head:
        return _crowd_estimate(figure) or _bare_crowd_action(figure), None
    measured = _measured(figure)
    if measured is not None:
        return measured, figure.counted_head
    phrase = figure.counted or figure.counted_head
    acted = _acted_group(figure)
    if acted is not None:
        return acted, phrase.lower()
    kept = " ".join(_without_loose_ends([w if w == "of" else singular(w) for w in _thing_words(
        _first_listed(figure, phrase) + _part_of_phrase(figure))][:6]))
    if not kept:
        return None, None
    return _thing_key(figure, kept), phrase.lower()


# Words a phrase cut at six words may end on: "tonne of cereal of", "litre of water from" (blind126, blind129).
_LOOSE_ENDS = {"of", "from", "and", "or", "for", "to", "with", "at", "in", "on", "per", "by", "this", "that", "worth"}


def _without_loose_ends(words: list[str]) -> list[str]:
    while words and words[-1] in _LOOSE_ENDS:
        words = words[:-1]
    return words


def _measured(figure: Figure) -> str | None:
    """A duration, a temperature, a length or a speed: keyed by what it measures (see each)."""
    return _how_long(figure) or _how_hot(figure) or _what_is_measured(figure)


def _first_listed(figure: Figure, phrase: str) -> str:
    """The first of things listed together, when it ends on the counted noun: "300 bars and liquor shops" and
    "312 bars and liquor outlets" count bars (blind54); not "40 units of military and special equipment"."""
    first = re.split(r"\s+(?:and|or)\s+|,\s*", phrase, maxsplit=1)[0]
    words = first.split()
    head = singular(figure.counted_head or "")
    return first if first != phrase and words and singular(words[-1].lower()) == head else phrase


def _how_long(figure: Figure) -> str | None:
    """How long a thing lasts, by the thing (the facts layer put it in ``predicate``): "day: mourning"."""
    if unit_kind(figure) != "duration" or not figure.predicate:
        return None
    return f"{singular(figure.counted_head or '')}: {figure.predicate}"


_TEMPERATURE_HEADS = {unit: f"temperature ({unit})" for unit in READING_UNITS}
_LOW_BEFORE = re.compile(r"\b(?:minimum|lowest|low|night|overnight)\b[^.;\d]{0,40}$", re.I)


def _how_hot(figure: Figure) -> str | None:
    """A temperature, the night's low apart from the day's high ("the minimum at Barmer was 33.6°C"; blind60): a
    place's readings meet by its scope."""
    group = _TEMPERATURE_HEADS.get(figure.counted_head or "")
    if group is None:
        return None
    return f"minimum {group}" if _LOW_BEFORE.search((figure.sentence or "")[:_offsets(figure)[0]]) else group


# Units of length and speed a measure is written in ("195 km/h" keeps "km" as its head).
_LENGTHS = {"km", "mm", "cm", "metre", "meter", "kilometre", "kilometer", "mile", "knot", "mph", "inch", "foot", "feet"}
_MEASURED_BEFORE = re.compile(r"\b([a-z]+)\s+(?:of|at)\s+$", re.I)  # "gusts of 260 km/h", "winds at 195 km/h"
_MEASURED_AFTER = re.compile(r"\s*[^\s\d,;.]+\s+of\s+([a-z]+)", re.I)  # "246 mm of rain"
# Not what is measured: pronouns, and a determiner after "of", which makes it a distance from a thing ("within 3 km
# of the site"), not a measure of it ("246 mm of rain").
_NOT_MEASURED = {"them", "it", "this", "that", "those", "these", "one", "up", "speeds", "the", "a", "an", "its",
                 "their"}


def _what_is_measured(figure: Figure) -> str | None:
    """A length or speed by what it measures, "gust: km" apart from "wind: km" ("sustained winds of 195 km/h and gusts
    of 260 km/h"), "rain: mm"; not a verb before "at" ("recorded at 231 km/h")."""
    head = singular((figure.counted or figure.counted_head or "").split("/")[0])  # "km/h" is measured in km
    if head not in _LENGTHS:
        return None
    sentence, (start, end) = figure.sentence or "", _offsets(figure)
    found = _MEASURED_BEFORE.search(sentence[:start]) or _MEASURED_AFTER.match(sentence, end)
    thing = found.group(1).lower() if found else ""
    if not thing or thing in _NOT_MEASURED or thing.endswith(("ed", "ing")):
        return None
    return f"{singular(thing)}: {head}"


def _thing_key(figure: Figure, kept: str) -> str:
    """The counted words with what happened to them, but things counted in units or after a
    preposition, whose sentence's verb is not theirs (``_unit_of``, ``_after_preposition``)."""
    thing = _unit_of(kept)
    if thing is not None or _after_preposition(figure) or _says_nothing_done(figure, kept):
        return thing or kept
    if _a_thing(figure):
        return _things_noun(figure, kept)
    # a verb the lexicon names an action of keys as that action: "126 aftershocks were registered" and "more than
    # 40 aftershocks recorded" are "aftershock: recorded"
    predicate = figure.predicate or ""
    return f"{kept}: {load_lexicon().actions.get(predicate, predicate)}"


# Verbs that say only that a thing is, has or was told of: "the stadium has 40,000 seats" and "its 40,000 seats"
# count the same seats; "640 employees were inside" and "640 workers inside" the same workers (blind56, blind30).
_LIGHT_VERBS = {"be", "have", "say", "tell", "accord", "number", "total", "estimate", "remain"}


def _says_nothing_done(figure: Figure, kept: str) -> bool:
    """No verb, or a light one; but plain people, whom only what they did tells apart ("people: be" is a crowd)."""
    return not figure.predicate or (figure.predicate in _LIGHT_VERBS and kept != "people")


def _things_noun(figure: Figure, kept: str) -> str:
    """Things the lexicon knows by their noun alone, what the source says of them aside: "7,800 government tankers",
    "1,850 water tankers" and "2,000 tankers" in one city are one count (blind60); measures and facilities by their
    words ("tonne of chlorine")."""
    head = singular(figure.counted_head or "")
    return head if unit_kind(figure) == "objects" and head and " of " not in f" {kept} " else kept


def _a_thing(figure: Figure) -> bool:
    """Things the lexicon knows, measures and facilities: sources word what happened to them apart ("38 ships
    waiting", "38 vessels at anchor", "seven shelters opened", "people slept in seven shelters"), so the noun
    alone keys them; what people did tells people apart ("gave blood", "sought help")."""
    return unit_kind(figure) == "objects" or singular(figure.counted_head or "") in _MEASURES_AND_FACILITIES


_MEASURES_AND_FACILITIES = {"tonne", "ton", "kilometre", "kilometer", "km", "mile", "metre", "meter", "litre", "liter",
                            "shelter", "camp", "school", "clinic", "hospital", "centre", "center", "site", "tent",
                            "explosion", "blast", "bridge", "road"}


_PREPOSITION_BEFORE = re.compile(r"\b(?:from|of|with|by|among|between)\s+(?:the\s+|some\s+|about\s+|"
                                 r"around\s+|at least\s+)?(?:[\w-]+['’]s\s+)?$", re.I)  # "of the country's 201"


def _after_preposition(figure: Figure) -> bool:
    """A figure counted after a preposition, whose sentence's verb is another's: in "troops arrived
    from five states" and "the force comprised 2,000 troops from five states" the states neither
    arrived nor comprised; both count the states."""
    return bool(_PREPOSITION_BEFORE.search((figure.sentence or "")[:_offsets(figure)[0]]))


# Words counting pieces of a thing: "250 units of military equipment" and "250 pieces of
# equipment" count the equipment.
_UNIT_OF = re.compile(r"^(?:unit|piece|item|set|number) of (?P<thing>.+)$")


def _unit_of(kept: str) -> str | None:
    """The lexicon's group of the things a "unit of" phrase counts, or the things' own words."""
    found = _UNIT_OF.match(kept)
    if found is None:
        return None
    match = _matcher("objects").find(found.group("thing"))
    return match[-1].group if match else found.group("thing")


def _thing_words(phrase: str) -> list[str]:
    """The words of a counted phrase but its determiners; "25 crew members" counts the crew, as "25 crew" does."""
    words = [w.group().lower() for w in _WORD.finditer(phrase) if w.group().lower() not in _DETERMINERS]
    return words[:-1] if len(words) > 1 and singular(words[-1]) == "member" else words


_CROWD_AT = re.compile(r"\bcrowds?\b[^.;]{0,60}\bat\s+(?:about|around|some|roughly|nearly|more than|over|"
                       r"up to|at least)?\s*$", re.I)


def _crowd_estimate(figure: Figure) -> str | None:
    """A crowd's size that names no people: "police estimated the crowd on 7 March at about 1,500"
    counts the people gathered, like "1,500 people attended" (the lexicon's action of "gather")."""
    action = load_lexicon().actions.get("gather")
    before = (figure.sentence or "")[:_offsets(figure)[0]]
    return f"people: {action}" if action and figure.claim_type == "other" and _CROWD_AT.search(before) else None


def _bare_crowd_action(figure: Figure) -> str | None:
    """A bare count of an action only people are counted by: "Seventy-one were rescued", "put the number rescued
    at 74" count people rescued, like "71 people were rescued"."""
    lexicon = load_lexicon()
    action = lexicon.actions.get(figure.predicate or "")
    return f"people: {action}" if figure.claim_type == "other" and action in lexicon.crowd_actions else None


def _action_of(figure: Figure) -> str | None:
    """The lexicon's action of an "other" figure's verb; a force in a crowd's action takes part in an operation
    ("120 firefighters had taken part in the response": on duty, no crowd)."""
    lexicon = load_lexicon()
    action = lexicon.actions.get(figure.predicate or "") if figure.claim_type == "other" else None
    return "took part" if action in lexicon.crowd_actions and _a_force(figure) else action


def typed_by_action(figure: Figure) -> Figure:
    """An "other" figure whose action the lexicon gives a claim type has that type: "the
    operation has involved 1,200 rescuers" counts people deployed, like "the government
    deployed 1,200 rescuers". Plain people are no force: "the blockades involved 2,500
    people" stays as it is. The rules of ``_RETYPED_BY_PLACE`` come first."""
    for rule, retyped, _example in _RETYPED_BY_PLACE:
        if rule(figure):
            return replace(figure, claim_type=retyped)
    lexicon = load_lexicon()
    claim_type = lexicon.action_types.get(_action_of(figure) or "")
    person = _head_match(figure, "people") if claim_type else None
    if not claim_type or (person is not None and person.group == _PLAIN_PEOPLE):
        return figure
    if person is None and _head_match(figure, "objects") is None:
        return figure  # "volunteers helped 30 families": no force and no vessel took part
    return replace(figure, claim_type=claim_type)


_PLAIN_PEOPLE = "people"  # the lexicon's group of people named by no role
_FORCES = {"security forces", "emergency workers"}  # the lexicon's groups of people sent on duty


# Verbs that only say a force is there: "That is 210 firefighters, 180 soldiers", "The contingent numbers 600 troops".
_BEING_VERBS = {None, "be", "number", "total"}


def _a_force_listed(figure: Figure) -> bool:
    """A force counted with no action at all is on duty: "Around 450. That is 210 firefighters and 180 soldiers",
    "6 patrols on scene"."""
    return figure.claim_type == "other" and figure.predicate in _BEING_VERBS and _a_force(figure)


# Moved by others (a passive, or the object of "moved"), out of a place or to safety; "3,000 residents moved to
# relatives" moved themselves.
_MOVED_OUT = re.compile(r"^\W*(?:[^\W\d]+\W+){0,3}?(?:been|were|are|was|is|being)\s+moved\s+(?:out\s+of|from|to\s+"
                        r"(?:safety|safer?|shelters?|camps?|temples?|schools?|evacuation|temporary|higher\s+ground))\b",
                        re.I)
_MOVED_BEFORE = re.compile(r"\bmoved\s+(?:[\w-]+\s+){0,3}$", re.I)


def _moved_out(figure: Figure) -> bool:
    """People moved out of a place or to safety were evacuated: "2,400 people have been moved from ten villages",
    "around 1,200 people were moved to temples"; not a force moved into a town (deployed before this is read)."""
    if figure.claim_type != "other" or figure.predicate != "move" or _a_force(figure):
        return False
    start, end = _offsets(figure)
    sentence = figure.sentence or ""
    return _head_match(figure, "people") is not None and bool(
        _MOVED_OUT.match(sentence[end:]) or _MOVED_BEFORE.search(sentence[:start]))


_SHELTER_PLACE = (r"(?:in|at)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:evacuation\s+(?:sites?|cent(?:re|er)s?)|shelters?|"
                  r"camps?|safety\s+cent(?:re|er)s?|relief\s+camps?)\b")
# Only words of who and of staying between the count and the place: not "40 people attended a meeting in the camp".
_IN_SHELTERS = re.compile(r"^\W*(?:(?:people|persons|residents|villagers|survivors|evacuees|families|still|now|"
                          r"currently|remain(?:s|ed|ing)?|are|were|is|was|being|staying|sleeping|living|sheltering|"
                          r"housed|accommodated)[^\w,;]+){0,4}?" + _SHELTER_PLACE, re.I)
_SHELTER_LABEL = re.compile(r"\b" + _SHELTER_PLACE + r"\s*[:|]\s*$", re.I)


def _in_shelters(figure: Figure) -> bool:
    """People counted where they stay now are the displaced, whoever moved them: "Persons in evacuation sites:
    3,050", "2.900 people still staying in the camps", "1,260 people in 14 temporary shelters"."""
    if figure.claim_type not in ("other", "evacuated") or _a_force(figure):
        return False
    start, end = _offsets(figure)
    sentence = figure.sentence or ""
    return _head_match(figure, "people") is not None and bool(
        _IN_SHELTERS.match(sentence[end:]) or _SHELTER_LABEL.search(sentence[:start]))


# (rule, claim type, example): what a figure's words around it say of people its verb gave no type, tried in order.
# Sums that are no price, though a good is named: "The cost of fuel subsidies fell to LE 124 billion".
_NO_PRICE_BEFORE = re.compile(r"\b(?:subsid\w*|budget|revenue|bill|spending|imports?|exports?|wages?|salar\w+|"
                              r"pensions?|allowances?|grants?|loans?|tranche|payments?|transfers?|fines?)\b[^.;]{0,40}$",
                              re.I)
# The words before a good's price level: it stays or sells at it, is it, went up from or to it.
_PRICE_LEVEL_BEFORE = re.compile(r"\b(?:stays?|stayed|remains?|remained|priced|sells?|sold|retails?)\s+"
                                 r"(?:unchanged\s+)?(?:at|for)\s+$|"
                                 # "Auto diesel is Rs 342, up from Rs 283", "Diesel had gone up to 342 rupees" (blind77)
                                 r"\b(?:is|are|was|were|now)\s+(?:now\s+)?$|\b(?:up\s+|down\s+)?from\s+$|"
                                 r"\b(?:gone|went|goes|go|rose|risen|rises|climbed|jumped|increased|fell|fallen|dropped|"
                                 r"cut|raised|lowered|reduced)\s+(?:up\s+|down\s+)?to\s+$", re.I)


def _a_goods_price_moved(figure: Figure) -> bool:
    """A sum by which a good's price moved, or at which it stays: "Gasoline has risen by a net P7.35", "estimates of
    increases of P1.60 to P1.90 for gasoline", "Household LPG … stays at P1,045 to P1,210" (blind74)."""
    if figure.claim_type != "other" or not unit_kind(figure).startswith("money"):
        return False
    before = (figure.sentence or "")[:_offsets(figure)[0]]
    told = _CHANGE_BEFORE.search(before[-40:]) or _PRICE_LEVEL_BEFORE.search(before[-30:])
    return told is not None and not _NO_PRICE_BEFORE.search(before) and _priced_good(figure) is not None


_RETYPED_BY_PLACE: tuple[tuple[Callable[[Figure], bool], str, str], ...] = (
    (_a_goods_price_moved, "price", "Gasoline has risen by a net P7.35 over the same period."),
    (_a_force_listed, "deployed", "Around 450. That is 210 firefighters and 180 soldiers."),
    (_moved_out, "evacuated", "2,400 people have been moved from ten villages"),
    (_in_shelters, "displaced", "On Tuesday we counted 2.900 people still staying in the camps."),
)


def _a_force(figure: Figure) -> bool:
    person = _head_match(figure, "people")
    return person is not None and person.group in _FORCES


_HELD_GROUPS = {"people", "prisoners", "escapees"}


def _acting_group(group: str, action: str, lexicon: Lexicon) -> str:
    if action in lexicon.crowd_actions:
        return "people"
    return "prisoners" if action in lexicon.prisoner_actions and group in _HELD_GROUPS else group


def _acted_group(figure: Figure) -> str | None:
    """"<group>: <action>" for a figure whose verb names an action in the lexicon and whose
    counted phrase is a lexicon group: "221 persons have been rescued" and "219 people have
    been saved" → "people: rescued"; "involved 14 vessels", "supported by 16 ships" →
    "vessels: took part"; the people of a crowd action are "people" whatever their name
    ("400 rioters took part", "1,500 people attended" → "people: gathered")."""
    lexicon = load_lexicon()
    action = _state(figure) or lexicon.actions.get(figure.predicate or "")
    if action is None:
        return None
    person = _head_match(figure, "people")
    if person is not None:
        return f"{_acting_group(person.group, action, lexicon)}: {action}"
    thing = _head_match(figure, "objects")
    return f"{thing.group}: {action}" if thing is not None else None


# (pattern after the counted phrase, state, example): where people or things were, for a figure
# whose verb says only that they were ("be").
_STATES = (
    (re.compile(r"^[^.;,]{0,30}?\b(?:were|was|had been|have been|are)\s+(?:all\s+)?(?:aboard|on board)\b", re.I),
     "aboard", "According to the manifest, 304 people were aboard"),
)
# Whatever the verb: people or things said to be on board right after their count ("Of about 117 people on
# board, 71 were rescued", "Around 117 people are believed to have been on board"), or carried ("a boat
# carrying about 100 people", "130 people squeezed onto the boat").
_ABOARD_AFTER = re.compile(r"^(?:\s+[\w-]+){0,2}?\s+(?:(?:were|was|are|is|had been|have been)\s+(?:all\s+|"
                           r"(?:believed|thought|said|reported) to have been\s+)?)?(?:aboard|on board|onto the \w+)\b",
                           re.I)
_CARRYING_BEFORE = re.compile(r"\b(?:carrying|with)\s+(?:about|around|some|roughly|nearly|more than|over|up to|"
                              r"at least|an estimated)?\s*$", re.I)


def _state(figure: Figure) -> str | None:
    """The state a figure puts what it counts in: on board ("304 persons were aboard the MV Coralline")."""
    start, end = _offsets(figure)
    sentence = figure.sentence or ""
    after = sentence[end:]
    if _ABOARD_AFTER.match(after) or (figure.predicate == "carry" and _CARRYING_BEFORE.search(sentence[:start])):
        return "aboard"
    if figure.predicate != "be":
        return None
    return next((state for pattern, state, _ in _STATES if pattern.search(after)), None)


def _head_match(figure: Figure, domain: str) -> Match | None:
    """The lexicon entry holding the counted head noun: "rescue workers", but not "police" in "police estimate"."""
    match = _counted_match(figure, domain)
    head = singular(figure.counted_head) if figure.counted_head else None
    return match if match is not None and head in match.words else None


def _object_group(figure: Figure) -> tuple[str | None, str | None]:
    """The things a damage figure counts: "400 cars burned" → vehicles."""
    match = _counted_match(figure, "objects")
    if match is not None:
        return match.group, match.text
    # things in no lexicon row, by their own noun whatever the verb: "96 bridges destroyed", "96 bridges damaged"
    return singular(figure.counted_head or "") or None, figure.counted_head


def _part_of_phrase(figure: Figure) -> str:
    """What the counted word is a part of: " of the withdrawal" in "10 days of the withdrawal"."""
    if not figure.counted or not figure.sentence:
        return ""
    # Lower-case words only: "residents of Karavan" names a place, which is the scope.
    # not a verb after it: "six coaches of the express have derailed" (blind58)
    found = re.search(re.escape(figure.counted) + r"\s+of\s+(?:the\s+|a\s+)?([a-z]+(?:\s+(?!(?:have|has|had|were|"
                      r"was|are|is|be|been|will|would|to|that|which|who)\b)[a-z]+)?)\b", figure.sentence,
                      re.IGNORECASE)
    return f" of {found.group(1)}" if found and found.group(1).islower() else ""


# Head nouns that say only that people belong to a group named after "of": "748 employees of
# the law enforcement agencies were injured", "12 members of the security forces".
# "martyrs of the security apparatuses" are members of it who died, as Arabic state media are translated (blind75).
_MEMBER_HEADS = {"employee", "member", "staff", "worker", "servant", "personnel", "martyr"}


def _group_of_members(figure: Figure, matcher: Matcher) -> Match | None:
    """The group "<members> of <group>" names ("employees of the police" are police, not workers)."""
    if not figure.counted or not figure.sentence or singular(figure.counted_head or "") not in _MEMBER_HEADS:
        return None
    part_of = re.search(re.escape(figure.counted) + _PART_OF, figure.sentence, re.IGNORECASE)
    found = matcher.find(part_of.group(1)) if part_of else []
    # a group of no role is no body one is a member of ("six employees of the bakery were injured")
    return next((m for m in found if m.group != _PLAIN_PEOPLE), None)


# Not a place after "of them": "two of them outside the national food security office" (blind126) counts no
# security forces.
_OF_THEM_GROUP = re.compile(r"^\s+of (?:them|whom)\s+(?!(?:at|in|on|near|outside|inside|during|when|while|after|"
                            r"before|from)\b)([^,;.()]{1,60})", re.I)


def _named_after_of_them(figure: Figure) -> Match | None:
    """The group a part of a count names after "of them": "225 people died, 19 of them members of
    the security forces"; "4,353 were wounded, 3,393 of them belonged to the police" (the part is
    that group's own count)."""
    found = _OF_THEM_GROUP.match((figure.sentence or "")[_offsets(figure)[1]:])
    matches = _matcher("people").find(" ".join(found.group(1).split()[:6])) if found else []
    return matches[0] if matches else None


_AMONG = re.compile(r"(?:^|\n)\W*among\s+(?P<who>[^,;.\n]{1,80}),[^;.\n]*$", re.I)


def _among_group(figure: Figure) -> Match | None:
    """A casualty count naming no group after "Among <group>,": "Among police officers and
    guardsmen, 40 were injured and 3 were killed" (43 officers and guardsmen)."""
    if _has_words(figure.counted) and singular(figure.counted_head or "") != "people":
        return None
    found = _AMONG.search((figure.sentence or "")[:_offsets(figure)[0]])
    matches = _matcher("people").find(found.group("who")) if found else []
    return matches[0] if matches else None


def _counted_match(figure: Figure, domain: str) -> Match | None:
    """The lexicon entry of the counted phrase, preferring the one holding the head noun."""
    matcher = _matcher(domain)
    found = _group_of_members(figure, matcher) or _phrase_match(figure, matcher)
    if found is None and figure.counted_head:
        found = next(iter(matcher.find(figure.counted_head)), None)
    if found is None and figure.counted and figure.sentence:
        part_of = re.search(re.escape(figure.counted) + _PART_OF, figure.sentence, re.IGNORECASE)
        found = next(iter(matcher.find(part_of.group(1))), None) if part_of else None
    return found


def _phrase_match(figure: Figure, matcher: Matcher) -> Match | None:
    """The entry of the counted phrase holding the head noun, else its first; a member of a group named in the
    phrase is that group's ("67 police members" are police)."""
    found = matcher.find(figure.counted) if figure.counted else []
    head = singular(figure.counted_head) if figure.counted_head else None
    named = _named_group(found, head) if head in _MEMBER_HEADS else None
    return named or next((m for m in found if head in m.words), found[0] if found else None)


def _named_group(found: list[Match], head: str | None) -> Match | None:
    """The group beside a member noun in its phrase: "police" in "67 police members"."""
    return next((m for m in found if head not in m.words and m.group != _PLAIN_PEOPLE), None)


def _nearest_in_sentence(figure: Figure, domain: str,
                         keep: Callable[[Figure, Match], bool] = lambda f, m: True) -> Match | None:
    """The entry nearest to the figure in its sentence ("the price of LPG rose to 120 tenge"), if near."""
    if not figure.sentence:
        return None
    start, end = _offsets(figure)
    near = [(max(m.start - end, start - m.end, 0), m.start, m) for m in _matcher(domain).find(figure.sentence)
            if keep(figure, m)]
    near = [item for item in near if item[0] <= _NEAR]
    return min(near, key=lambda item: item[:2])[2] if near else None


def _offsets(figure: Figure) -> tuple[int, int]:
    """The figure's start and end within its sentence."""
    start = max(0, figure.start - (figure.sentence_start or 0))
    return start, start + (figure.end - figure.start)


# --- what kind of quantity ---------------------------------------------------------

_DURATIONS = {"second", "minute", "hour", "day", "week", "month", "year", "decade"}
# Land measured: "52,600 hectares burned", "52,600 ha (130,000 acres)"; one kind per unit, like currencies.
AREAS = {"hectare": "hectare", "ha": "hectare", "acre": "acre", "square kilometre": "km2",
         "square kilometer": "km2", "km2": "km2", "km²": "km2", "sq km": "km2"}


def unit_kind(figure: Figure) -> str:
    """people | objects | money:<ISO> | percent | duration | other.

    "78 billion tenge" is money:KZT, "5%" percent, "10 days" duration, "200 shops" objects,
    "225 people" people; a price or damage figure in no stated currency is money.
    """
    measured = _measured_kind(figure)
    if measured is not None:
        return measured
    counted = _people_or_objects(figure)
    if counted is not None:
        return counted
    if _names_people(figure):
        return "people"  # "a figure of 164 dead"; "estimated the crowd at about 1,500"
    if figure.claim_type == "damage" and _things_damaged(figure):
        return "objects"  # "96 bridges and 468 schools" damaged, in no lexicon row
    if figure.claim_type in ("price", "damage"):
        return "money"
    return "other"


# Heads of a sum whose currency goes unsaid: "damage put at 5 billion", "losses of 3 million".
_SUM_WORDS = {"damage", "loss", "cost", "price", "bill", "sum", "amount", "estimate", "value", "total", "figure",
              "fare", "tariff", "fee", "million", "billion", "thousand"}


def _things_damaged(figure: Figure) -> bool:
    head = singular(figure.counted_head or "")
    return _has_words(head) and head not in _SUM_WORDS and figure.unit is None


def _measured_kind(figure: Figure) -> str | None:
    """A sum of money, a share, a time or an area, by the figure's unit or counted head."""
    unit, head = figure.unit or "", singular(figure.counted_head or "")
    if re.fullmatch(r"[A-Z]{3}", unit):
        return f"money:{unit}"
    if unit == "%":
        return "percent"
    if head in _DURATIONS:
        return "duration"
    return f"area:{AREAS[head]}" if head in AREAS else None


def people_kind(figure: Figure, group: str | None) -> str:
    """The unit kind of a figure, "people" for a casualty or crowd figure whose group is people
    whatever its own noun: "Police put the crowd that marched through Dravo at 1,500" and
    "Thousands march in Dravo" count people, like "1,500 people attended"."""
    kind = unit_kind(figure)
    people = set(_matcher("people").entries.values()) | {"troops"} | set(_INJURY_KINDS.values())
    return "people" if kind == "other" and figure.claim_type in PEOPLE_TYPES and group in people else kind


def _names_people(figure: Figure) -> bool:
    """A casualty figure whose words or context name people (a toll, a group, "Among police officers,
    40"), or a crowd's size ("estimated the crowd at about 1,500")."""
    if _crowd_estimate(figure) or (not figure.counted_head and _bare_crowd_action(figure)):
        return True
    named = (lambda f: _counted_match(f, "people"), _among_group, _named_after_of_them)
    return figure.claim_type in PEOPLE_TYPES and (_is_toll(figure) or any(rule(figure) is not None for rule in named))


def _people_or_objects(figure: Figure) -> str | None:
    """"people" or "objects" by the lexicon entry holding the head noun, else the longer one:
    "police cars" are objects, "bank employees" people, "pieces of military hardware" objects."""
    head = singular(figure.counted_head) if figure.counted_head else None
    counted = (figure.counted or "").lower()
    found = [(head in match.words, len(match.words), kind) for kind in ("people", "objects")
             if (match := _counted_match(figure, kind)) is not None
             and not _a_modifier(match, head, counted)]
    return max(found)[2] if found else None


def _a_modifier(match: Match, head: str | None, counted: str) -> bool:
    """An entry qualifying another head inside the counted phrase ("criminal" in "criminal cases")."""
    return head is not None and head not in match.words and match.text in counted


def _is_toll(figure: Figure) -> bool:
    """A casualty figure counting no named group: a toll ("the death toll rose to 225"), the rest of
    a group ("150 others were unaccounted for") or a table row's count ("Arrests | 63–112")."""
    if figure.claim_type not in PEOPLE_TYPES:
        return False
    if (figure.counted_head or "").lower() in _REST_WORDS:
        return True
    return not _has_words(figure.counted) and not _has_words(figure.counted_head) \
        and ((figure.predicate or "") in _TOLL_WORDS | _COUNT_CHANGES or _table_cell(figure))


def _in_a_table_row(figure: Figure) -> bool:
    """The figure is a cell of a table row ("| Berat | 21 | 3 |"): its row, not its verb, says whose it is."""
    start, end = _offsets(figure)
    sentence = figure.sentence or ""
    return bool(re.search(r"\|\s*$", sentence[:start]) and re.match(r"^\s*\|", sentence[end:]))


def _row_before(figure: Figure) -> str:
    """The figure's line up to the figure: a table row's cells before its own."""
    start = _offsets(figure)[0]
    sentence = figure.sentence or ""
    return sentence[sentence.rfind("\n", 0, start) + 1:start]


def _table_cell(figure: Figure) -> bool:
    """A cell of a table row, typed by its column's header, in the row of a place or of the total:
    "| Berat | 21 | 3 |" or "| Total | 33 | 5 |" under "| Municipality | Dead | Missing |" counts people
    dead and missing; a row of a place not known ("| Ura Vajgurore | 8 |") is left out, lest it be taken
    for the total."""
    return _in_a_table_row(figure) and (figure.scope is not None or bool(_TOTAL_ROW.match(_row_before(figure))))


_TOTAL_ROW = re.compile(r"^\s*\|?\s*(?:total|overall|all|nationwide|national total|country)\b", re.I)


# Verbs done only to people: a number that is their object or subject and names no one counts people.
_PEOPLE_VERBS = {"kill", "die", "injure", "wound", "hurt", "detain", "arrest", "apprehend", "admit", "evacuate",
                 "custody",  # "109 remain in police custody" (blind77)
                 "displace", "flee", "home",  # "forced nearly 60,000 from their homes", "12,000 fled"
                 "perish", "lose life",  # "the earlier announced number of 21 perished", "who lost their lives"
                 "miss", "missing", "unaccounte", "drown", "disappear",  # "Twelve are missing"
                 "hospitalize", "hospitalise", "blind", "lose sight"}  # "23 were left blind" (blind54)


def _done_to_people(figure: Figure) -> bool:
    """"Police detain 61 as protest turns violent", "a blast that killed 17": a casualty count naming
    no group whose verb is done only to people."""
    part = _A_PART_BEFORE.search((figure.sentence or "")[:_offsets(figure)[0]]) or _in_a_table_row(figure)
    return figure.claim_type in PEOPLE_TYPES and (figure.predicate or "") in _PEOPLE_VERBS and not part \
        and not _has_words(figure.counted) and not _has_words(figure.counted_head)


_ROW_LABEL = re.compile(r"^\s*\|\s*[^|\d]+\|\s*$")


def _row_of_what_was_done(figure: Figure) -> bool:
    """A row whose one label says what was done to people: "| Died | 14 |" in a hospital's table of patients by
    status (blind54); a row of a place ("| Berat | 21 |") is ``_table_cell``'s."""
    return figure.claim_type in PEOPLE_TYPES and (figure.predicate or "") in _PEOPLE_VERBS | _TOLL_WORDS \
        and not _has_words(figure.counted_head) and bool(_ROW_LABEL.match(_row_before(figure)))


# A part of a count listed before: "112 people, …, including nine children … and 4 journalists".
_A_PART_BEFORE = re.compile(r"\b(?:including|among them|among whom|of whom|of them|of which)\b", re.I)


def _has_words(phrase: str | None) -> bool:
    """A counted phrase with a word in it; a table's cell borders ("| \\n|") are none."""
    return bool(phrase and _WORD.search(phrase))


# --- prices: before the rise, after it, after the cut -------------------------------


def price_phase(figure: Figure) -> str:
    """"before" (the rise), "after" (the rise), "cut" or "offer", from the words of the figure's
    clause (its sentence near it, cut at ";" and at a line break: a headline over its standfirst)."""
    clause, offset, end = _price_clause(figure)
    if _a_change(clause, offset, end):
        return "change"
    words = re.findall(r"[\w']+", clause[:offset].lower())
    lead = " ".join(words[-4:])
    rising = bool(_RISE.search(clause))
    cutting = bool(_CUT.search(clause)) and not rising
    marked = _marked_phase(clause, offset, end, rising)
    if marked is not None:
        return marked
    changed = _changed_from_or_to(lead, clause[:offset], cutting)
    if changed is not None:
        return changed
    if _said_before(words, clause[end:]):
        return "before"
    return "cut" if cutting else "after"


# The sum a price moved by, after it: "ten of the 20 piasters it added to a kilo of bread" (blind75).
_ADDED_AFTER = re.compile(r"(?:\s+[^\W\d]+){0,3}?\s+added\b", re.I)


def _a_change(clause: str, start: int, end: int) -> bool:
    """A sum by which a price moved, not a price: "has risen by a net P7.35" (blind74), "the 20 piasters it added"
    (blind75)."""
    return bool(_CHANGE_BEFORE.search(clause[max(0, start - 40):start]) or _ADDED_AFTER.match(clause, end)
                or re.search(r"\badd(?:ed|s|ing)?\s+$|(?:^|\|)\s*\+\s*$", clause[:start], re.I))  # "| +$270 |"


def _changed_from_or_to(lead: str, before: str, cutting: bool) -> str | None:
    """The price a change went from ("cut from 120 to 50", "fixed at 2 690 instead of 3 150": cut from the
    price after the rise) or to ("went from €0.58 to €0.76 before the cap": the price changed to)."""
    if re.search(r"\bfrom(?: around| about| some| roughly| approximately| nearly| almost)?$", lead) \
            or _INSTEAD_OF.search(lead):
        return "after" if cutting else "before"
    if _CUT.search(lead) and not _RISE.search(lead):
        return "cut"
    if _FROM_A_PRICE_TO.search(before):
        return "cut" if cutting else "after"
    return None


def _the_value_changed_from(figure: Figure) -> bool:
    """A sum a cut went from: "the bursary budget had to fall from M612 million to M470 million" (blind133); the sum
    it went to, or one said alone, is the sum now. An offer raised "from K2,500 to K4,000" is one offer revised, as
    its sources count it (blind134)."""
    clause, offset, _ = _price_clause(figure)
    lead = " ".join(re.findall(r"[\w']+", clause[:offset].lower())[-4:])
    cut = bool(_CUT.search(clause)) and not _RISE.search(clause)
    return cut and _changed_from_or_to(lead, clause[:offset], False) == "before"


def _said_before(words: list[str], after: str) -> bool:
    """"once cost as little as 30 tenge", "a loaf that cost 90 lek", "90 lek before the flood"."""
    return bool(_EARLIER.search(" ".join(words[-6:])) or _OLD_PRICE.search(" ".join(words[-4:]))
                or _BEFORE_THEN.match(after))


def _marked_phase(clause: str, start: int, end: int, rising: bool) -> str | None:
    """An offer ("the minister offered a reduction to 80 tenge"), or one of two prices written
    "60 → 120" (the first the price changed from, the second the one changed to)."""
    if _OFFER.search(clause):
        return "offer"
    if _DOWN_FROM_AFTER.match(clause, end) or _DOWN_FROM_BEFORE.search(clause[:start]):
        return "cut" if _DOWN_FROM_AFTER.match(clause, end) else "after"
    rising = rising or _arrow_rises(clause)
    if _ARROW_AFTER.match(clause[end:]):
        return "before" if rising else "after"
    if _ARROW_BEFORE.search(clause[:start]):
        return "after" if rising else "cut"
    return None


# "(A-92: ₮2,390 → ₮3,150 per litre)": an arrow between two prices with no word for the change rises when
# the second is the larger.
_ARROW_PAIR = re.compile(r"(\d[\d,.\u202f\u00a0 ]*\d|\d)\s*(?:→|->)\s*[^\w\s]?\s*(\d[\d,.\u202f\u00a0 ]*\d|\d)")


def _arrow_rises(clause: str) -> bool:
    pair = _ARROW_PAIR.search(clause)
    return pair is not None and _plain_value(pair.group(2)) > _plain_value(pair.group(1))


def _plain_value(digits: str) -> float:
    """"2,390" → 2390, "0.58" → 0.58, "3 150" → 3150: thousands groups of three, else a decimal mark."""
    digits = re.sub(r"[\u202f\u00a0 ]", "", digits)
    if re.fullmatch(r"\d{1,3}(?:[,.]\d{3})+", digits):
        return float(re.sub(r"[,.]", "", digits))
    return float(digits.replace(",", "."))


def _price_clause(figure: Figure) -> tuple[str, int, int]:
    """The figure's clause (see ``_clause``) cut at line breaks, with the figure's start and end in it."""
    text, start, end = _clause(figure)
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    return text[first:last if last >= 0 else len(text)], start - first, end - first


# --- another time: a year, last year, one day ---------------------------------------

_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_WEEKDAYS = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
# A row of a time names no one: "| May 2026 | 21 |", "| Sunday | 64 |" (blind65, blind56).
_WHEN_LABEL = re.compile(rf"\s*(?:{_MONTHS}|{_WEEKDAYS})\b", re.I)
# (pattern, example): a year the words next to a figure put it in.
_YEAR_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"\b(?:in|of|for|during|since|by|back in|as in)\s+(?:early\s+|late\s+|mid-?)?"
                rf"(?:{_MONTHS}\s+)?(?:\d{{1,2}},?\s+)?((?:19|20)\d\d)\b", re.I), "a litre cost 30 tenge in 2011"),
    (re.compile(r"\b((?:19|20)\d\d)(?:'s|’s)?\s+(?:price|level|figure|toll|tariff|rate|total)s?\b", re.I),
     "the 2020 price of 75 tenge"),
    # a year, or the last of a span of years, naming another event: "a 2010-2011 crisis ... in which about
    # 3,000 people were killed", "the 1988 Spitak earthquake, which killed at least 25,000"
    (re.compile(r"\b(?:(?:19|20)\d\d\s?[-–/]\s?)?((?:19|20)\d\d)\s+(?:[\w'’-]+\s+){0,2}?(?:crisis|earthquake|quake|"
                r"protests?|riots?|unrest|elections?|floods?|war|conflict|uprising|disaster|explosion|blast|fire|"
                r"cyclone|storm|tsunami|famine|fighting|violence|massacre|coup|strikes?|collapse|poisoning|outbreak|"
                r"stampede|landslide|sinking|crash|accident|attack|tragedy)\b", re.I),  # "the 2019 poisoning"
     "since a 2010-2011 crisis over a disputed vote in which about 3,000 people were killed"),
    # a month and year the figure's relative clause hangs on: "We did not forget March 2019, when 300 neighbours
    # were evacuated"
    (re.compile(rf"\b{_MONTHS}\s+((?:19|20)\d\d)(?=,\s+when\b)", re.I),
     "We did not forget March 2019, when 300 neighbours were evacuated from these streets."),
    # a table's row of a year: "| July 2005 | 11 | – | 4,300 |" among the floods compared (blind65)
    (re.compile(rf"^\s*\|?\s*(?:{_MONTHS}\s+)?((?:19|20)\d\d)\s*\|", re.I), "| July 2005 | 11 | – | 4,300 |"),
)
# (pattern, years before the publication year, example): a relative year.
_RELATIVE_YEAR_RULES: tuple[tuple[re.Pattern[str], int, str], ...] = (
    (re.compile(r"\blast year(?:'s|’s)?\b|\bthe previous year\b|\bthe year before\b", re.I), 1,
     "last year's toll of 35 dead"),
    (re.compile(r"\btwo years ago\b", re.I), 2, "two years ago 40 people died"),
)
# One day's figure, apart from the running total: "on January 6 alone, 500 were detained".
_ONE_DAY = (re.compile(r"\b(?:in|within|over|during) (?:a single|one|the past|the last) (?:day|night|24 hours)\b|"
                       r"(?<!almost )(?<!virtually )(?<!nearly )(?<!said )(?<!reported )(?<!announced )\bovernight\b|"
                       rf"\bon (?:\w+day|{_MONTHS} \d{{1,2}}|\d{{1,2}} {_MONTHS})(?:,? \d{{4}})? alone\b|"
                       rf"\b{_WEEKDAYS}, when\b", re.I),
            "on January 6 alone, 500 people were detained; 70 looters were detained overnight; "
            "the most intensive day was Monday, when 29 bodies were recovered")
# One night's count of people, said after it in its own words: "19 people were detained on Sunday night and 26 on
# Monday night" (blind69); not "up from seven last night" (an earlier value), "since last night's count", nor
# "approved a state of emergency for 30 days on Sunday night"; "tonight" is as often a running total's (blind25's
# "More than 500 killed … tonight"), and "that night" an incident's, whose day the figure does not carry (blind71).
_ONE_NIGHT = (re.compile(rf"[^\d,;:]{{0,50}}?\b(?:on {_WEEKDAYS} night|last night|during the night)"
                         r"\b(?!['’]s)", re.I), "19 people were detained on Sunday night")
# … or before it, opening its clause: "On the night of the vote, the monitors counted at least 85 detentions".
_ONE_NIGHT_BEFORE = re.compile(r"\b(?:on|during) the night of\b[^\d;]*$", re.I)
_EARLIER_VALUE = re.compile(r"\b(?:from|against|since|compared with)\s+$", re.I)
# An item of a list of days: "Detentions by day:\n- 13 April – 57 persons;\n- 14 April – 212 persons".
_DAYS_ITEM = re.compile(rf"[^\S\n]*(?:[-•*·][^\S\n]+)?(?:\d{{1,2}} {_MONTHS}|{_MONTHS} \d{{1,2}})(?:,? \d{{4}})?"
                        r"[^\S\n]*[–—:][^\S\n]*", re.I)


_A_PART_BETWEEN = re.compile(r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?))\S*\s+"
                             r"of\s+(?:them|whom|those)\b", re.I)


def _one_day_of_its_own(figure: Figure) -> bool:
    """A single day said of the figure, with no part of it between them: in "Hundreds have been detained, 415 of
    them on Wednesday alone" the day is the 415's, not the hundreds' ("70 terrorists and 30 looters were detained
    overnight" share theirs)."""
    text, start, end = _clause(figure)
    opened = list(_WHERE.finditer(text, 0, start))
    begin = opened[-1].end() if opened else 0
    for found in _ONE_DAY[0].finditer(text, begin):
        between = text[end:found.start()] if found.start() >= end else text[found.end():start]
        if not _A_PART_BETWEEN.search(between):
            return True
    return False


def _a_days_item(figure: Figure) -> bool:
    sentence, (start, _) = figure.sentence or "", _offsets(figure)
    return _DAYS_ITEM.fullmatch(sentence, sentence.rfind("\n", 0, start) + 1, start) is not None \
        or _a_days_row(figure)


# A table's row of one day: "| 19.10.2026 | 136 | 148 |", "| Sunday | 64 | 9 | 3 |" (blind56, blind64).
_DAYS_ROW = re.compile(rf"\s*\|?\s*(?:\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}|\d{{1,2}} {_MONTHS}|{_MONTHS} \d{{1,2}}|"
                       rf"{_WEEKDAYS})\b[^|\n]*\|", re.I)


def _a_days_row(figure: Figure) -> bool:
    """A cell of a day's row, but not its running total ("| Total since 19 October |", a toll word's column)."""
    row = _DAYS_ROW.match(figure.sentence or "")
    return row is not None and row.end() <= _offsets(figure)[0] and (figure.predicate or "") not in _RUNNING_COLUMNS


# A column of a day's rows that holds a running total: "| 12 May | Death toll |"; arrests by day are that day's own
# ("Table 2. Persons arrested by day | Sunday, 10 May | 96 |", blind99).
# Bodies are recovered day by day: "| Table 2. Bodies recovered by date | … | 13 May | 4 |" (blind129).
_RUNNING_COLUMNS = _TOLL_WORDS - {"arrest", "detention", "body"}


# Some years before the story, no year named: "a few years ago a litre sold for 30 tenge".
_YEARS_BEFORE = (re.compile(r"\b(?:a few|several|some|many) years (?:ago|before|earlier)\b", re.I),
                 "A few years ago a litre of gas sold for 30 tenge.")
# A relative clause of place opens the figure's own clause: in "the protests that began on Sunday
# spread overnight to Dravo, where 5,000 people marched", "overnight" is no time of the 5,000.
_WHERE = re.compile(r",\s+where\s", re.I)
_WINDOW_BEFORE, _WINDOW_AFTER = 80, 70  # characters of the sentence around a figure read for its time


def time_scope(figure: Figure, reference_year: int | None, published_year: int | None) -> str | None:
    """Another time the figure is about, or None for the document's own time.

    ``reference_year`` is the document's own year (the year its dates name most, else its
    publication year): "in 2022" in a report on 2022 is no other time, even in a retrospective.
    """
    if _one_days_figure(figure):
        return figure.as_of if figure.as_of and len(figure.as_of) == 10 else "one day"
    if _YEARS_BEFORE[0].search(_clause(figure)[0]):
        return "years before"
    year = _year_named(figure, published_year)
    if year is None or reference_year is None or year == reference_year:
        return None
    return str(year)


def _one_days_figure(figure: Figure) -> bool:
    """A count of one day (no price, no running total: "taking the toll to 24" overnight is still the toll)."""
    return figure.claim_type != "price" and not _a_running_total(figure) and (
        _one_day_of_its_own(figure) or _a_days_item(figure) or _one_nights_count(figure))


def _one_nights_count(figure: Figure) -> bool:
    sentence, (start, end) = figure.sentence or "", _offsets(figure)
    said = bool(_ONE_NIGHT[0].match(sentence, end) or _ONE_NIGHT_BEFORE.search(sentence[:start]))
    return figure.claim_type in _NIGHTS_COUNTS and said \
        and not _EARLIER_VALUE.search(sentence[max(0, start - 20):start]) and "since" not in sentence[end:end + 60]


# What a night adds to a story's tally; not a crowd, which is that night's rally whatever day its sources write.
_NIGHTS_COUNTS = {"killed", "injured", "detained", "missing", "evacuated"}


def _clause(figure: Figure) -> tuple[str, int, int]:
    """The figure's clause (its sentence a little before and after it, cut at ';') and the
    figure's start and end in it."""
    sentence = figure.sentence or ""
    start, end = _offsets(figure)
    before = sentence[max(0, start - _WINDOW_BEFORE):start].rsplit(";", 1)[-1]
    after = sentence[end:end + _WINDOW_AFTER].split(";", 1)[0]
    return f"{before}{figure.text}{after}", len(before), len(before) + len(figure.text)


def _year_named(figure: Figure, published_year: int | None) -> int | None:
    """The year named nearest to the figure in its clause (the nearest, so that "from 60 tenge
    in 2021 to 120 tenge in 2022" puts each price in its own year)."""
    text, start, end = _clause(figure)
    mentions = [(m, int(m.group(1))) for pattern, _ in _YEAR_RULES for m in pattern.finditer(text)]
    if published_year is not None:
        mentions += [(m, published_year - back) for pattern, back, _ in _RELATIVE_YEAR_RULES
                     for m in pattern.finditer(text)]
    near = [(_distance(m, start, end), year) for m, year in mentions if _same_clause(text, m, start, end)]
    return min(near)[1] if near else _fronted_year(figure)


def _fronted_year(figure: Figure) -> int | None:
    fronted = _FRONTED_YEAR.match(figure.sentence or "")
    return int(fronted.group(1)) if fronted else None


# A time phrase opening the sentence (after a footnote's marker, "[8] In March 2023, …", blind69), or the event of a
# month it opens on ("[5] The January 2022 unrest, which began …, left 238 people dead", blind73; not "The 2023
# inspection of the dam listed 14 defects", which other sources leave undated, blind14), dates every figure
# of it, however far: "In March 2019 a chlorine leak at the same plant sent 11 workers to hospital and led to the
# evacuation of 300 residents."
_FRONTED_YEAR = re.compile(rf"^\W*(?:\d{{1,2}}\]\s*)?(?:(?:back\s+)?in\s+(?:early\s+|late\s+|mid-?)?(?:{_MONTHS}\s+)?|"
                           rf"the\s+{_MONTHS}\s+)((?:19|20)\d\d)\b(?![^;]*\b(?:19|20)\d\d\b)", re.I)


def _same_clause(text: str, match: re.Match[str], start: int, end: int) -> bool:
    """No comma between the year and the figure, unless the year opens the sentence or the figure's clause: "In 2011,
    a litre cost 30 tenge" and "…, in January 2022, 238 people were killed" (blind73) are about those years; "120
    tenge, up from 60 in 2021" puts only 60 in 2021, and "independent since 1991, the country lost 225 people" does
    not date the 225."""
    between = text[match.end():start] if match.start() < start else text[end:match.start()]
    before = match.start() < start
    return "," not in between or before and _dates_across_a_comma(text[:match.start()], match.group(0), between)


def _dates_across_a_comma(lead: str, said: str, between: str) -> bool:
    if _OPENS_THE_SENTENCE.match(lead) or _RELATIVE_TO_THE_YEAR.match(between):
        return True
    return said.lower().startswith("in") and (re.fullmatch(r",\s*", between) is not None
                                             or _a_years_aside(lead, between))


def _a_years_aside(lead: str, between: str) -> bool:
    """A year set between commas in the clause it dates: "The last big wave of protests, in 2017, left more than 120
    people dead" (blind38), "The last time the state touched fares, in 2023, a strike left two dead" (blind102); an
    aside that names a place first: "The worst previous eviction, at Kipo Ridge in Lae in 2014, left three dead"
    (blind134)."""
    return re.search(r",[^,;.\d]{0,40}$", lead) is not None \
        and re.fullmatch(r",\s+[^\W\d][^,;\d]{0,60}", between) is not None


# The year opens the sentence, alone or in a phrase of time: "In 2011, …", "After the 2005 presidential
# election, 400-500 people were killed".
_OPENS_THE_SENTENCE = re.compile(r"^\s*(?:(?:after|before|during|following|since|in|until)\s+(?:the\s+)?)?$", re.I)


# "the Tazreen fire of 2012, which killed 112", "a fire in 2012, in which 112 people died", "the April 1989 riots
# over fuel prices, in which at least eight people were killed" (blind75): the relative clause tells of the event
# the year is of.
# "raised diesel prices in July 2025, setting off a taxi strike in which 30 people died" (blind85)
_RELATIVE_TO_THE_YEAR = re.compile(r"^(?:\s+[^\W\d][^,;\d]{0,40})?,\s+(?:[a-z]+ing\b[^,;\d]{0,40}?\s)?"
                                   r"(?:in |during |of )?(?:which|when)\b[^,;]*$", re.I)


_BEFORE_PENALTY = 30  # a time is written after its figure more often: "120 tenge in 2022"


def _distance(match: re.Match[str], start: int, end: int) -> int:
    """How far a time mention is from the figure; one before it counts as further."""
    if match.start() >= end:
        return match.start() - end
    return max(start - match.end(), 0) + _BEFORE_PENALTY


# --- one incident ---------------------------------------------------------------------

# (pattern, example): words before a figure limiting it to one incident; the key is the
# incident's noun with its qualifier, superlatives made one ("deadliest" → "worst").
_INCIDENT = (re.compile(r"\b(?:in|during)\s+(?:the|an?|one|another)\s+(?P<qual>single|separate|worst|deadliest|"
                        r"bloodiest|most serious|biggest|largest)?\s*(?P<noun>incident|attack|clash|shooting|"
                        r"explosion|blast|raid|episode|ambush|stampede|collapse)\b", re.I),
             "In the worst incident, security forces opened fire near the square, killing at least 10 people.")
# "in the collapse of the Nalbandyan Street block", "in the attack on the Almaty akimat": "the" names one
# incident of a story when a name after it says which (an explosion or a stampede is the story's own).
_LIMITED = re.compile(r"\s+(?:on|of|at|in|near)\s+(?:the\s+)?[A-Z]")
_PART_EVENTS = {"collapse", "attack", "clash", "shooting", "raid", "ambush", "incident", "episode"}
_SUPERLATIVES = {"deadliest": "worst", "bloodiest": "worst", "most serious": "worst", "biggest": "worst",
                 "largest": "worst", "separate": "another", "single": "one"}


def incident(figure: Figure) -> str | None:
    """A short stable key of the one incident a figure is limited to ("worst incident"), or None."""
    part = next((key for rule, key, _ in _PART_RULES if rule(figure)), None)
    # "57 dead, including 38 in Gyumri" and "38 of them in Gyumri": a part put in a place is that place's count
    named = _named_incident(figure) or ("worst incident" if _worst_in_its_clause(figure) else None)
    return named or (None if part == "a part" and figure.scope else part)


_INCIDENT_NOUNS = r"(?:incident|attack|clash|shooting|explosion|blast|raid|episode|ambush|stampede|collapse)"
# The worst incident of a story named anywhere in the figure's clause, superlative first:
# "The deadliest incident was in Maracaibo, where seven people were killed"; "killing seven people,
# the deadliest single incident of the protests". Whatever the noun, the key is "worst incident".
_WORST_INCIDENT = re.compile(r"\b(?:the|its|their)\s+(?:single\s+)?(?:deadliest|worst|bloodiest|most serious)\s+"
                             rf"(?:single\s+)?{_INCIDENT_NOUNS}\b", re.I)


def _worst_in_its_clause(figure: Figure) -> bool:
    """The worst incident named in the figure's clause with no other number between them (not "the deadliest
    incident killed seven, and the toll rose to 19")."""
    sentence = figure.sentence or ""
    start, end = _offsets(figure)
    before = sentence[:start].rsplit(";", 1)[-1]
    found = list(_WORST_INCIDENT.finditer(before))
    if found and not re.search(r"\d", before[found[-1].end():]):
        return True
    after = sentence[end:].split(";", 1)[0]
    first = _WORST_INCIDENT.search(after)
    return first is not None and not re.search(r"\d", after[:first.start()])


# A sentence opening on the incident the sentence before named: "The shooting killed seven people", "It left 7 dead".
_OPENS_ON_AN_INCIDENT = re.compile(rf"^\W*(?:(?:the|that|this)\s+{_INCIDENT_NOUNS}\b|it\s+(?:left|killed|claimed|"
                                   r"wounded|injured|cost)\b)", re.I)


# A figure said of the time or the place the sentence before it named: "… since May 2005, when security forces opened
# fire in Andijan. The government put the death toll there at 187"; "I was nine in 2005 … The official figure then
# was 187 dead" (blind67). Not "there were 225 dead", nor "the toll then rose".
_THAT_TIME_OR_PLACE = re.compile(r"\b(?:then\s+(?:was|were|stood|numbered|totall?ed)|at (?:the|that) time|"
                                 r"(?<!from )there(?!\s+(?:is|are|was|were|have|has|had|will|would|may|might)\b))\b",
                                 re.I)


def dated_by_the_sentence_before(figure: Figure, sentences: tuple[Sentence, ...], reference: int | None) -> Figure:
    """A figure of no time of its own that points back ("then", "there") has the other year its sentence before
    names."""
    if figure.time_scope is not None or reference is None or not _THAT_TIME_OR_PLACE.search(_clause(figure)[0]):
        return figure
    before = [s for s in sentences if s.end <= (figure.sentence_start or 0)]
    year = _year_said(before[-1].text) if before else None
    return figure if year in (None, reference) else replace(figure, time_scope=str(year))


def _year_said(text: str) -> int | None:
    """The first year a sentence names as a time ("since May 2005", "in 2005"), by ``_YEAR_RULES``."""
    found = (pattern.search(text) for pattern, _ in _YEAR_RULES)
    return next((int(m.group(1)) for m in found if m), None)


def incident_named_before(figure: Figure, sentences: tuple[Sentence, ...]) -> Figure:
    """"The deadliest incident came on Wednesday, when troops fired on a march. The shooting killed seven
    people": a casualty count in a sentence opening on the incident the sentence before calls the worst."""
    if figure.incident or figure.claim_type not in PEOPLE_TYPES \
            or not _OPENS_ON_AN_INCIDENT.match(figure.sentence or ""):
        return figure
    before = [s for s in sentences if s.end <= (figure.sentence_start or 0)]
    named = bool(before) and _WORST_INCIDENT.search(before[-1].text) is not None
    return replace(figure, incident="worst incident") if named else figure


def _one_case(figure: Figure) -> bool:
    """A casualty count of exactly one is one person's case, not a toll: "One man died after being
    hit by a tear-gas canister" next to "the toll rose to 64". One of a named group is that group's count:
    "nine people, one of them a police officer, have died" (the security forces' toll is one)."""
    if not (figure.claim_type in PEOPLE_TYPES and figure.value == 1 and figure.low is None and figure.high is None
            and figure.text.strip().lower() in _ONE_WORDS) or _a_listed_count(figure):
        return False
    counted = _counted_match(figure, "people")
    return counted is None or counted.group in (_PLAIN_PEOPLE, "civilians")  # "one civilian, a boatman"


_ONE_WORDS = {"1", "one", "a", "an", "a single", "single"}

# A building searched, raided or stormed: "arrested 23 people when police searched the ADTU union's headquarters",
# "detained in the search" (blind128).
_RAIDED = re.compile(r"\b(?:search(?:ed|es|ing)?|raid(?:ed|s|ing)?|storm(?:ed|s|ing)?)\b[^.;\d]{0,40}?\b"
                     r"(?:headquarters|offices?|premises|compound|building)\b|\b(?:in|during)\s+the\s+(?:police\s+)?"
                     r"(?:search|raid)\b", re.I)
# The office people were held at or taken from: "the 23 held at the union office", "27 of its members were taken
# from the building" (blind128); not a police station or a police headquarters, where people are taken after an
# arrest.
_HELD_AT_AN_OFFICE = re.compile(r"\b(?:at|from|inside)\s+(?:the\s+|its\s+|our\s+|their\s+)?"
                                r"(?:[\w'’]+\s+){0,2}?(?:headquarters|office|offices|premises|building)\b", re.I)


def _in_a_raid(figure: Figure) -> bool:
    """People detained or hurt in a raid on a building, or held at an office, are that raid's count, apart from the
    story's total (not "13 of them [injured] at the harbour office")."""
    if figure.claim_type not in ("detained", "injured"):
        return False
    clause, start, end = _clause(figure)
    found = [*_RAIDED.finditer(clause), *(_HELD_AT_AN_OFFICE.finditer(clause) if figure.claim_type == "detained"
                                          else ())]
    # a building named after another count is that count's: "81 people have been detained, including the 23 held at
    # the union office"; one named before holds the counts listed after it ("stormed our headquarters, detained 27
    # comrades, injured nine")
    after = [m.start() >= end and re.search(r"\d", clause[end:m.start()]) is not None for m in found]
    return any(not re.search(r"\bpolice\s+(?:station|headquarters)", m.group(0), re.I) and not another
               for m, another in zip(found, after, strict=True))


def _a_listed_count(figure: Figure) -> bool:
    """"| Thiès | 1 | 86 |", "Encarnación (1) and Concepción (1)": a table's cell or a place's count in brackets is
    a count like its neighbours', not one person's case."""
    sentence = figure.sentence or ""
    at = figure.end - (figure.sentence_start or 0)
    return "|" in sentence or sentence[at:at + 1] == ")"


_MORE_AFTER = re.compile(r"^\s+(?:more|further|additional|other)\b", re.I)


def _increment(figure: Figure) -> bool:
    """An addition to a count, not the count: "divers recovered six more bodies"."""
    start, end = _offsets(figure)
    return figure.claim_type in PEOPLE_TYPES and bool(_MORE_AFTER.match((figure.sentence or "")[end:]))


_FROM_PLACE = re.compile(r"^\s+of (?:the|those) (?:dead|victims|killed|injured|missing|detained|detainees)\b"
                         r"[^.;,]{0,40}?\b(?:were|was|are|came) from\b", re.I)


def _of_an_origin(figure: Figure) -> bool:
    """A part of a toll by where the people came from: "41 of the dead were from Dravo", "Of the dead
    identified so far, 41 were from Dravo itself"."""
    after = (figure.sentence or "")[_offsets(figure)[1]:]
    return bool(_FROM_PLACE.match(after) or _of_the_dead_before(figure) and _CAME_FROM.match(after))


_CAME_FROM = re.compile(r"\s+(?:(?:were|was|are|came) (?:\w+ )?)?from\b", re.I)  # "…, 9 from Ban Na Lao" too


_OF_THEM_AFTER = re.compile(r"^\s+of (?:them|whom|those)\b", re.I)
_OF_THEM_BEFORE = re.compile(r"\bof (?:them|whom|those),?\s*$", re.I)
# A bare number after its whole: "… 295 detentions, of which 22 led to criminal charges", "Of the detained persons,
# 273 were subjected to administrative detention" (blind69); not "of which 41 are minors" nor "of which 28 400
# displaced persons", groups of their own (blind46, blind48).
_OF_WHICH_BEFORE = re.compile(r"\bof which,?\s*$|^\W*of (?:the|those)\b[^\d,;]*,\s*$", re.I)
_A_GROUP_AFTER = re.compile(r"\s+(?:(?:are|were|is|was)\s+)?(?:[a-z-]+\s+)?[a-z]{3,}s\b")  # "26 were foreign workers"


def _of_a_count(figure: Figure) -> bool:
    """A part of a count just given, in no place of its own: "22 police officers were injured, 13
    of them at the harbour office"; "47 survivors were treated, of whom eight remain in hospital"."""
    start, end = _offsets(figure)
    sentence = figure.sentence or ""
    if _named_after_of_them(figure) is not None or _of_whom_a_group(figure):
        return False  # "225 died, 19 of them police officers": the police officers' own toll
    bare = figure.claim_type in PEOPLE_TYPES and bool(_OF_WHICH_BEFORE.search(sentence[:start])) \
        and not _A_GROUP_AFTER.match(sentence, end)
    return figure.scope is None and bool(_OF_THEM_AFTER.match(sentence[end:])
                                         or _OF_THEM_BEFORE.search(sentence[:start]) or bare)


def _of_whom_a_group(figure: Figure) -> bool:
    """"23 people died …, of whom 19 were civilians and 4 were employees of law-enforcement bodies": the civilians'
    own toll, which other sources give alone (blind67); not "of whom eight remain in hospital"."""
    sentence, (start, end) = figure.sentence or "", _offsets(figure)
    if not (_OF_THEM_BEFORE.search(sentence[:start]) and _A_GROUP_AFTER.match(sentence, end)):
        return False
    counted = _counted_match(figure, "people")
    return counted is not None and counted.group != _PLAIN_PEOPLE


# A total, then its parts after a colon: "the toll was 44: 40 bodies recovered from the debris and four people who
# died in hospital". Not a clock ("10:30"), a year ("In 2025: 12 dead") or a date ("Correction, 30 January: …").
_TOTAL_THEN_COLON = re.compile(r"(?<![\d:])(?!(?:19|20)\d\d\b)\d[\d,.]*(?:\s+(?!" + _MONTHS + r")[a-z]+){0,2}\s*:\s"
                               r"[^.;:]{0,90}$", re.I)


# Bodies recovered are counted again and again as the search goes on, most often as the toll itself.
_BODIES = {"body", "bodies", "corpse", "corpses", "remains"}


def _after_a_total(figure: Figure) -> bool:
    """A count of people named by no group of their own, written after a total and a colon, is a part of that
    total ("97: 79 in Maule and 18 in Ñuble, including three firefighters": the firefighters' own toll)."""
    counted = _counted_match(figure, "people") if figure.claim_type in PEOPLE_TYPES else None
    plain = (counted is None or counted.group == _PLAIN_PEOPLE) and figure.counted_head not in _BODIES
    total = _TOTAL_THEN_COLON.search((figure.sentence or "")[:_offsets(figure)[0]])
    return figure.claim_type in PEOPLE_TYPES and plain and figure.scope is None and total is not None \
        and not _NUMBERED.search(total.string, 0, total.start())


# A number that numbers a document or its part is no total: "Press Release No. 5: Death toll … corrected to 38"
# (blind44), "Update 3: 41 dead".
_NUMBERED = re.compile(r"\b(?:no\.?|number|nr\.?|#|release|bulletin|update|report|sitrep|part|section|article|item|"
                       r"table|annex|chapter|page|issue|vol\.?)\s*$", re.I)


_OF_THE_TOLL = re.compile(r"^\s+of (?:the|those) (?:dead|victims|killed|wounded|injured|detained|detainees)\b", re.I)


def _of_the_toll(figure: Figure) -> bool:
    """A part of a toll naming no group of its own: "149 of the dead were killed while attacking
    government buildings" (but "3,393 of the wounded were members of the security forces" is
    the security forces' own count)."""
    counted = _counted_match(figure, "people")
    plain = counted is None or counted.group == _PLAIN_PEOPLE
    after = (figure.sentence or "")[_offsets(figure)[1]:]
    return plain and _named_of_toll(figure) is None and bool(_OF_THE_TOLL.match(after))


def _named_of_toll(figure: Figure) -> Match | None:
    """The role group named after "N of the dead were": "3,393 of the wounded were members of the police"."""
    after = (figure.sentence or "")[_offsets(figure)[1]:]
    found = re.match(r"^\s+of (?:the|those) \w+\s+(?:were|was|are)\s+([^,;.()]{1,60})", after, re.I)
    matches = _matcher("people").find(" ".join(found.group(1).split()[:6])) if found else []
    # the first group named is the part's own: "30 of the dead were workers and three were firefighters"
    return matches[0] if matches and matches[0].group != _PLAIN_PEOPLE else None


# A toll's part listed after it: "killed 43 people, among them three railway workers", "Deceased: 41, including 3
# railway employees", "Among the dead are 7 children and three railway employees", "The dead included nine children
# and three railway employees" (blind58); not a count in a clause of its own ("…, and 163 students were injured").
_LISTED_IN_A_TOLL = re.compile(
    r"(?:\d[^.;:]*?\b(?:including|among them|among whom)|\bamong (?:the|those) (?:dead|killed|victims|injured|"
    r"wounded|casualties)|\b(?:dead|victims|casualties|deceased) (?:include[sd]?))\b"
    r"(?:(?!,\s*(?:and|but|while)\b)[^.;:]){0,60}$", re.I)


def _listed_in_a_toll(figure: Figure) -> bool:
    """People of no group of their own, named by a word ("railway employees", "women"), listed among a toll's dead
    or injured: a part of it, not the toll."""
    counted = _counted_match(figure, "people")
    plain = counted is None or counted.group == _PLAIN_PEOPLE
    head, (start, end) = singular(figure.counted_head or ""), _offsets(figure)
    named = head not in _TOLL_WORDS | _NO_ROLE | _TOLL_HEADS or bool(_QUALIFIED.match(figure.sentence or "", end))
    return figure.claim_type in ("killed", "injured") and plain and _has_words(head) and named \
        and bool(_LISTED_IN_A_TOLL.search((figure.sentence or "")[:start]))


# People named by what they were doing: "Among the dead are four people who were in a minibus" (blind65).
_QUALIFIED = re.compile(r"\s+(?:people|persons)\s+(?:who|whose|that|travell?ing|aboard|on board)\b", re.I)


_TOLL_HEADS = {"injured", "wounded", "killed", "casualty", "victim"}  # "Casualties include 225 dead" is the toll


_A_WHOLE_INCLUDES = re.compile(r"\d[\d,.]*\s+(?:[\w-]+\s+){0,4}?(?:include[sd]?|including|compris(?:e|es|ed|ing))\b",
                               re.I)


def _part_of_a_force(figure: Figure) -> bool:
    """A part of a force just counted: "The 4,600 personnel include 1,850 soldiers" (soldiers, like personnel,
    key as troops: the part is not the force)."""
    return figure.claim_type == "deployed" and bool(
        _A_WHOLE_INCLUDES.search((figure.sentence or "")[:_offsets(figure)[0]]))


_BRACKET_BEFORE = re.compile(r"\d[\d,.]*\+?\s*\([^()]*$")


def _in_a_breakdown(figure: Figure) -> bool:
    """A part of a total given just before it, in brackets: "Deaths | 35 (31 workers, 3 firefighters, 1 civilian)".
    Only a count of people plainly named: "35 (31 according to the company)" names no one, and a group of its own
    ("227 (208 civilians, 19 police)") keeps its own count."""
    before = (figure.sentence or "")[:_offsets(figure)[0]]
    counted = _counted_match(figure, "people") if figure.claim_type in PEOPLE_TYPES else None
    return counted is not None and counted.group == _PLAIN_PEOPLE and bool(_BRACKET_BEFORE.search(before))


# The injured still in hospital, or in a grave state: a count of now, a part of the injured, not their toll.
_IN_HOSPITAL_NOW = re.compile(r"^[^.;\d]{0,40}?\b(?:(?:still|remain(?:s|ed)?|are|were|is|was)\s+(?:\w+\s+)?in\s+"
                              r"(?:the\s+)?(?:hospital|intensive care|critical condition|serious condition)|"
                              r"in\s+(?:a\s+)?(?:critical|serious|grave)\s+condition|in\s+intensive\s+care|"
                              # "46 were still admitted on Thursday" (blind58); not "46 were admitted"
                              r"(?:still|remain(?:s|ed)?)\s+(?:admitted|hospitali[sz]ed))\b",
                              re.I)


# Those still held, a count of now apart from all who were detained: "412 people remain in custody", "38 are still
# being held" (blind64).
_HELD_NOW = re.compile(r"[^.;\d]{0,30}?\b(?:(?:still|remain(?:s|ed)?)\s+(?:\w+\s+)?in\s+(?:custody|detention|"
                       r"jail|prison|pre-trial detention)|(?:(?:are|were|is|remain(?:s|ed)?)\s+)?still\s+(?:being\s+)?"
                       r"(?:held|detained)|remain(?:s|ed)?\s+(?:held|detained|behind bars)|"
                       # "1,276 persons have been placed in custody" by the courts (blind73)
                       r"placed\s+in\s+(?:custody|pre-trial detention))\b", re.I)
# Those a court remanded, a count of their own beside the arrests and those still held: "22 were remanded in custody
# for 14 days", "remanded the 22 others in custody" (blind133), "164 remain in custody, of whom 73 have been remanded"
# (blind67).
_REMANDED_AFTER = re.compile(r"[^.;\d]{0,30}?\bremanded\b", re.I)
_REMANDED_BEFORE = re.compile(r"\bremand(?:ed|s)?\s+(?:the\s+)?$", re.I)
# "Of the 5,216 detained, 3,940 had been released … and 1,276 were in custody" (blind73); not "687 people are in
# custody" said of all who were detained (blind52).
_IN_CUSTODY_AFTER_RELEASES = re.compile(r"\b(?:released|freed)\b[^.;]*$", re.I)
_IN_CUSTODY = re.compile(r"\s+(?:\w+\s+)?(?:are|were|is|was)\s+in\s+(?:custody|pre-trial detention)\b", re.I)


def _list_label(words: str) -> re.Pattern[str]:
    """A list item's label right before its count: "; still in custody: 535", "- released on bail: 410"."""
    return re.compile(rf"(?:^|[;,\n]\s*|[-•*]\s+)(?:{words})\s*:\s*$", re.I)


# A list's label: "Persons detained: 1,245; released after verification: 710; still in custody: 535" (blind102).
_HELD_NOW_LABEL = _list_label(r"(?:still|remaining|remain)\s+(?:held|detained|in custody|in detention)")
# A list's label of the detained released or charged since: "Persons detained: 864; released on bail: 410; charged:
# 286" (blind106): a part of the detained, apart from their toll.
_RELEASED_LABEL = _list_label(r"(?:released|freed)\b[^:;,\d]{0,30}")
_CHARGED_LABEL = _list_label(r"(?:charged|indicted|prosecuted)\b[^:;,\d]{0,30}")


def _labelled(figure: Figure, label: re.Pattern[str]) -> bool:
    return figure.claim_type == "detained" and label.search((figure.sentence or "")[:_offsets(figure)[0]]) is not None


def _labelled_released(figure: Figure) -> bool:
    return _labelled(figure, _RELEASED_LABEL)


def _labelled_charged(figure: Figure) -> bool:
    return _labelled(figure, _CHARGED_LABEL)


def _held_now(figure: Figure) -> bool:
    sentence, (start, end) = figure.sentence or "", _offsets(figure)
    after_releases = bool(_IN_CUSTODY.match(sentence, end) and _IN_CUSTODY_AFTER_RELEASES.search(sentence[:start]))
    return figure.claim_type == "detained" and (
        figure.predicate == STILL_HELD or bool(_HELD_NOW.match(sentence, end)) or after_releases
        or _labelled(figure, _HELD_NOW_LABEL))


def _remanded(figure: Figure) -> bool:
    sentence, (start, end) = figure.sentence or "", _offsets(figure)
    return figure.claim_type == "detained" and bool(
        _REMANDED_AFTER.match(sentence, end) or _REMANDED_BEFORE.search(sentence[:start]))


def _in_hospital_now(figure: Figure) -> bool:
    """"Twelve people remain in hospital", "Of the 64 admitted, 23 are still in hospital, three in intensive care"."""
    after = (figure.sentence or "")[_offsets(figure)[1]:]
    return figure.claim_type == "injured" and bool(_IN_HOSPITAL_NOW.match(after))


# The injured who died later, a part the sources count apart from the toll: "two injured workers died later in
# hospital", "three people had died of their injuries in hospital", "four people who died in hospital" (blind30,
# blind44, blind50, blind57).
_DIED_OF_INJURIES = re.compile(r"^\s+(?:more\s+)?(?:of\s+the\s+)?(?:injured|wounded)\b[^.;\d]{0,30}?\b"
                               r"(?:died|succumbed)|^[^.;\d]{0,40}?\b(?:died|succumbed)\s+(?:of|from|to)\s+(?:their|his|her|the)\s+"
                               r"(?:injuries|wounds)|^[^.;\d]{0,30}?\bdied\b[^.;\d]{0,20}?\bin\s+(?:the\s+)?hospital|"
                               # "two people with gunshot wounds died there today" (blind93, blind118)
                               r"^\s+(?:\w+\s+)?with\s+(?:[\w-]+\s+){0,2}(?:injuries|wounds)\s+(?:have\s+|had\s+)?died\b",
                               re.I)


def _died_of_injuries(figure: Figure) -> bool:
    return figure.claim_type == "killed" and bool(
        _DIED_OF_INJURIES.match((figure.sentence or "")[_offsets(figure)[1]:]))


# Deaths only suspected, counted apart from those confirmed: "61 suspected heat deaths", "More than 140 suspected",
# "Suspected heat deaths reported by districts … stood at 112" (blind60).
_SUSPECTED_AFTER = re.compile(r"^\s+(?:[\w-]+\s+)?suspected\b", re.I)
_SUSPECTED_BEFORE = re.compile(r"\bsuspected\b[^.;\d]{0,80}\b(?:at|to|reached|of)\s+(?:about|around|more than|over|"
                               r"some|nearly)?\s*$", re.I)


def _suspected(figure: Figure) -> bool:
    sentence, (start, end) = figure.sentence or "", _offsets(figure)
    return figure.claim_type == "killed" and bool(
        _SUSPECTED_AFTER.match(sentence[end:]) or _SUSPECTED_BEFORE.search(sentence[:start]))


# (rule, incident key, example): a casualty figure that is a part of the toll, not the toll.
_PART_RULES = (
    # first: the injured still in hospital are that part of them, however the sentence names the whole
    (_in_hospital_now, "in hospital", "Injured: 121, of whom 31 remain in hospital"),
    (_remanded, "remanded", "164 people remain in custody, of whom 73 have been remanded in custody by courts."),
    (_held_now, STILL_HELD, "412 people remain in custody, including the 212 held on suspicion of mass riots."),
    (_labelled_released, "released", "Persons detained: 864; released on bail: 410; charged: 286"),
    (_labelled_charged, "charged", "Persons detained: 864; released on bail: 410; charged: 286"),
    (_died_of_injuries, "died of injuries", "two injured workers died later in hospital"),
    (_suspected, "suspected", "Districts have reported 61 suspected heat deaths"),
    (_one_case, "one case", "One man died after being hit by a tear-gas canister."),
    (_in_a_raid, "one raid", "Police searched the union's headquarters at dawn and arrested 23 people."),
    (_increment, "an addition", "navy divers recovered six more bodies from inside the hull"),
    (_of_an_origin, "by origin", "41 of the dead were from Dravo"),
    (_of_a_count, "a part", "22 police officers were injured, 13 of them at the harbour office"),
    (_of_the_toll, "a part", "149 of the dead were killed while attacking government buildings"),
    (_listed_in_a_toll, "a part", "Among the dead are 7 children and three railway employees."),
    (_after_a_total, "a part", "the toll was 44: 40 bodies recovered and four people who died in hospital"),
    (_part_of_a_force, "a part", "The 4,600 personnel include 1,850 soldiers and 1,550 police officers."),
    (_in_a_breakdown, "a part", "| Deaths | 35 (31 workers, 3 firefighters, 1 civilian) |"),
)


def _named_incident(figure: Figure) -> str | None:
    """"In the worst incident, ... killing at least 10 people" → "worst incident"."""
    sentence = figure.sentence or ""
    start, end = _offsets(figure)
    # After the figure, only up to the next comma or number: "10 people were killed in the
    # attack on the mayor's office"; "225 died, and 10 in the worst incident" leaves the 225 alone.
    after = re.split(r"[,;\d]", sentence[end:], maxsplit=1)[0]
    found = list(_INCIDENT[0].finditer(sentence[:start])) or list(_INCIDENT[0].finditer(after))[:1]
    if not found:
        return None
    last = found[-1]
    if _the_storys_own(last):
        return None
    qualifier = (last.group("qual") or "").lower()
    qualifier = _SUPERLATIVES.get(qualifier, qualifier) or ("another" if "another" in last.group(0).lower() else "one")
    # the worst is one whatever a source calls it: "the deadliest attack", "the worst shooting"
    return "worst incident" if qualifier == "worst" else f"{qualifier} {last.group('noun').lower()}"


def _the_storys_own(found: re.Match[str]) -> bool:
    """"17 people were killed in the explosion": the event the text is about, not one of many; not "in the
    collapse of the Nalbandyan Street block"."""
    if found.group("qual") is not None or not re.search(r"\bthe\s+\w+$", found.group(0), re.I):
        return False
    return not (found.group("noun").lower() in _PART_EVENTS and _LIMITED.match(found.string, found.end()))


# A vehicle a flood or a river took: "a minibus that was swept off a bridge", "a bus plunged into the river".
_VEHICLE_SWEPT = (r"(?:minibus|bus|car|vehicle|truck|van|lorry|boat)\b[^,;.\d]{0,40}?\b(?:swept|washed|dragged|"
                  r"plunged|carried)\b")
# A vehicle set on fire or attacked with people in it: "its bus was hit by petrol bombs", "Bus set on fire in
# Colobane" (blind71).
_VEHICLES = r"(?:minibus|bus|car|vehicle|truck|van|lorry|train|tram)"
# "… when its bus was hit by petrol bombs", "a petrol bomb attack on a minibus", a heading's "Bus attack: three dead"
# (blind71's live page)
_VEHICLE_ATTACKED = (rf"(?:{_VEHICLES}\b[^,;.\d]{{0,40}}?\b(?:set on fire|set alight|torched|firebombed|hit by "
                     r"(?:petrol|fire)\s*bombs?)|(?:(?:petrol|fire)\s*bombs?|molotov cocktails?|arson attack|attack)\s+"
                     rf"(?:into|at|on)\s+(?:a|an|the|its)\s+(?:[\w-]+\s+){{0,4}}?{_VEHICLES}\b|"
                     rf"^\W*{_VEHICLES}\s+(?:attack|bombing|firebombing)\s*:)")
# (pattern, key, example): a thing giving way or going down, in a "when" clause after the figure, or one building
# where it happened, that limits a casualty count to one mishap of a larger disaster.
_MISHAPS = (
    (re.compile(r"[^;\d]*?\bwhen\b[^,;.\d]{0,60}?\b(?:collapsed|caved in|fell in|gave way|came down)\b", re.I),
     "a collapse", "nine people died when the roof of the church fell in"),
    (re.compile(r"[^;\d]*?\bwhen\b[^,;.\d]{0,60}?\b(?:capsized|sank|overturned)\b", re.I),
     "a capsizing", "five people who drowned when their pirogue capsized"),
    (re.compile(r"[^;,\d]*?\b(?:when|at|in|inside|around)\b[^;,.\d]{0,60}?\b(?:building|headquarters|compound|"
                r"town hall)\b", re.I),
     "a building", "four died when protesters stormed the regional administration building"),
    (re.compile(r"[^;,–—\d]*?\b(?:in|when|after|with|who)\b[^,;.\d]{0,60}?\b" + _VEHICLE_ATTACKED, re.I),
     "a vehicle", "three passengers died … when its bus was hit by petrol bombs (blind71)"),
    (re.compile(r"[^;,–—\d]*?\b(?:when|after|in)\b[^,;.\d]{0,60}?\b(?:exploded|blew up|caught fire|"
                r"(?:explosion|blast|fire) at)\b", re.I),  # not the story's own "killed in the explosion"
     "an explosion", "four people were killed when a filling station that protesters had set alight exploded"),
    (re.compile(r"[^;,–—\d]*?\b(?:in|when|after|with)\b[^,;.\d]{0,60}?\b" + _VEHICLE_SWEPT, re.I),
     "a vehicle", "four people who were in a minibus that was swept off a bridge in Asău (blind65)"),
)
# The mishap named before a count it limits: "The number of people killed in Wednesday's fire at the Altyn-Kol
# filling station has risen to 4" (blind64), "a minibus was swept off the bridge, killing four of its occupants"
# (blind65).
_MISHAPS_BEFORE = (
    (re.compile(r"\b(?:killed|died|dead|injured|hurt)\s+(?:in|after|by)\s+[^,;.\d]{0,40}?\b(?:fire|explosion|blast)"
                r"\s+at\b[^;\d]*$", re.I), "an explosion"),
    (re.compile(r"\b" + _VEHICLE_SWEPT + r"[^;\d]{0,60}$", re.I), "a vehicle"),
    (re.compile(r"\b" + _VEHICLE_ATTACKED + r"[^;\d]{0,60}$", re.I), "a vehicle"),
)


def _mishap(figure: Figure) -> str | None:
    """The mishap a casualty count is limited to by its own clause ("killed when a church roof collapsed")."""
    if figure.claim_type not in PEOPLE_TYPES:
        return None
    sentence, (start, end) = figure.sentence or "", _offsets(figure)
    # Only the "when" clause: a noun before the count is as often the story's own ("The collapse killed 66").
    found = next((key for pattern, key, _ in _MISHAPS if pattern.match(sentence, end)), None)
    return found or next((key for pattern, key in _MISHAPS_BEFORE if pattern.search(sentence[:start])), None)


def mishaps(figures: tuple[Figure, ...]) -> tuple[Figure, ...]:
    """A count limited to one mishap is that mishap's own where the document gives a larger count of the same claim
    without one (nine killed when a church roof fell in, in a cyclone that killed 24); where no larger count stands
    beside it the mishap is the story itself ("64 people died when a garment factory fell in")."""
    found = [_mishap(f) if f.incident in (None, "a part") else None for f in figures]  # "of whom 4 at the building"
    tolls = [f for f, mishap in zip(figures, found, strict=True) if mishap is None and f.incident is None]
    # the mishap names the count, wherever a source places it ("In Dakar, three passengers were killed when …")
    return tuple(replace(f, incident=mishap, scope=None) if mishap and any(larger_count(t, f) for t in tolls) else f
                 for f, mishap in zip(figures, found, strict=True))


# A storm's name: "Cyclone Ernestine", "Hurricane Maria", "Tropical Storm Alberto".
_STORM = re.compile(r"\b(?:Cyclone|Hurricane|Typhoon|(?:Tropical\s+)?Storm)\s+([A-Z][a-z]+)\b")


def other_storms(figures: tuple[Figure, ...], sentences: tuple[Sentence, ...]) -> tuple[Figure, ...]:
    """"far below the 61 people killed by Cyclone Ernestine", "Ernestine displaced 128,000 people" in a text on
    Cyclone Tolotra: a count of another storm than the one the text names first is that storm's, its incident."""
    headlines = [f.sentence or "" for f in figures if f.part == "headline"][:1]
    names = [m.group(1) for m in _STORM.finditer("\n".join(headlines + [s.text for s in sentences]))]
    if len(set(names)) < 2:
        return figures
    # the text's own storm is the one it names first, in its headline or its opening ("how Cyclone Tolotra compares
    # with Ernestine")
    other = re.compile(r"\b(" + "|".join(sorted(set(names) - {names[0]})) + r")\b")
    return tuple(replace(f, incident=name.lower()) if f.incident is None and (name := _storm_of(f, other)) else f
                 for f in figures)


def _storm_of(figure: Figure, storm: re.Pattern[str]) -> str | None:
    """A storm named in the figure's own clause, right after it ("61 people killed by Cyclone Ernestine") or as its
    subject ("Ernestine displaced 128,000 people"): no comma, semicolon or other number between."""
    sentence, (start, end) = figure.sentence or "", _offsets(figure)
    for found in storm.finditer(sentence):
        between = sentence[end:found.start()] if found.start() >= end else sentence[found.end():start]
        if len(between) <= 60 and not re.search(r"[,;\d]", between):
            return found.group(1)
    return None


# --- all keys of an analysis ----------------------------------------------------------


def reference_year(analysis: Analysis, published: dt.date | None) -> int | None:
    """The year a document is about: the one its dates name most, else its publication year. The publication year
    stays its own where its dates name it more than once and at least half as often: an analysis that dwells on the
    2023 protests is still about this year's (blind69); a retrospective of 2022 published in 2023 is about 2022."""
    years = Counter(int(d.value[:4]) for d in analysis.dates if d.value and d.value[:4].isdigit())
    if published is not None and _holds_its_own(years, published.year):
        return published.year
    return max(years, key=lambda year: (years[year], year)) if years else None


def _holds_its_own(years: Counter[int], year: int) -> bool:
    top = max(years.values(), default=0)
    return years[year] == top or years[year] > 1 and 2 * years[year] >= top


def with_keys(figure: Figure, reference: int | None = None, published_year: int | None = None) -> Figure:
    """The figure with its alignment keys set."""
    figure = typed_by_action(figure)
    group, _ = counted_group(figure)
    scope = time_scope(figure, reference, published_year)
    # a phase the facts layer read from the page (a table's "| Until 4 Nov |" column) stands
    phase = (figure.phase or price_phase(figure)) if figure.claim_type == "price" and scope is None else None
    kind = people_kind(figure, group)
    if figure.claim_type == "other" and scope is None and kind.startswith("money") and _the_value_changed_from(figure):
        phase = "before"
    return replace(figure, counted_group=group, unit_kind=kind, time_scope=scope, incident=incident(figure),
                   phase=phase)


def sentence_currency(figure: Figure, figures: tuple[Figure, ...]) -> Figure:
    """A price or damage figure that names no currency in the currency of the nearest money figure in its
    sentence, counted in its word: "now costs 62 roubles, up from 48" (48 roubles); not a count of things ("400
    shops were looted and losses reached $33.5m")."""
    if figure.unit or figure.claim_type not in ("price", "damage") or unit_kind(figure) != "money":
        return figure
    nearest = _nearest_sum(figure, figures)
    if nearest is None or _another_cell(figure, nearest):
        return figure
    return replace(figure, unit=nearest.unit, counted_head=figure.counted_head or nearest.counted_head)


def _nearest_sum(figure: Figure, figures: tuple[Figure, ...]) -> Figure | None:
    """The sum in a currency nearest the figure in its sentence."""
    money = [(abs(other.start - figure.start), i) for i, other in enumerate(figures)
             if other.sentence_start == figure.sentence_start and re.fullmatch(r"[A-Z]{3}", other.unit or "")]
    return figures[min(money)[1]] if money else None


def _another_cell(figure: Figure, other: Figure) -> bool:
    """"Manzini | 148 | 102 | 236.5" under "| Looted or damaged | Estimated loss (E million) |": each cell is of its
    own column (blind82)."""
    start, end = sorted((figure.start, other.start))
    return "|" in (figure.sentence or "")[start - (figure.sentence_start or 0):end - (figure.sentence_start or 0)]


_ELLIPSIS = re.compile(r"^\s*(?:of (?:them|whom|those)\s+)?(?:in|at)\s|^\s*(?:[,;.]|$)", re.I)


def _bare_count(figure: Figure) -> bool:
    """A casualty count naming no one: no group, or only the people its verb implies ("and 353 hurt")."""
    unnamed = not figure.counted_group or figure.counted_group == _PLAIN_PEOPLE
    return figure.claim_type in PEOPLE_TYPES and unnamed and not _has_words(figure.counted)


_REPEATED = re.compile(r"\bthe\s+$", re.I)
# A value given as the correction of a count just named: "The correct number is 71", "It corrected the figure to
# 71 the next day", "corrected it on Thursday morning to 71".
_CORRECTION_BEFORE = re.compile(r"\b(?:correct(?:ed)?|right|actual|true)\b(?:\s+\w+){0,6}\s+(?:is|was|to|at)\s+$",
                                re.I)
_CORRECTION_REACH = 400  # characters back to the count corrected: the sentence before, or two short ones


def corrected_value(figure: Figure, figures: tuple[Figure, ...]) -> Figure:
    """"The statement gave the number of persons rescued as 74. The correct number is 71.": a bare value given as
    the correction of a count named just before is a value of that count."""
    if not _unknown(figure) or not _CORRECTION_BEFORE.search((figure.sentence or "")[:_offsets(figure)[0]]):
        return figure
    earlier = [f for f in figures if f.counted_group and 0 < figure.start - f.start <= _CORRECTION_REACH]
    if not earlier:
        return figure
    last = max(earlier, key=lambda f: f.start)
    return replace(figure, claim_type=last.claim_type, counted_group=last.counted_group, unit_kind=last.unit_kind,
                   scope=last.scope, incident=last.incident, time_scope=last.time_scope)


def _unknown(figure: Figure) -> bool:
    """A bare number of no claim and no group: "the 117", "The correct number is 71"."""
    return figure.claim_type == "other" and not figure.counted_group and not _has_words(figure.counted)


def repeated_number(figure: Figure, figures: tuple[Figure, ...]) -> Figure:
    """"… moved from 18 to 19. The 18 comes from the ministry's update": "the" and a number given before
    count what that one counts; a bare number of no claim takes that one's claim too ("130 people squeezed onto
    the boat, more than the 117 counted by police", after "Around 117 people were on board")."""
    unknown = _unknown(figure)
    if not _said_again(figure, unknown):
        return figure
    earlier = [f for f in figures
               if _the_same_number_before(f, figure) and (unknown or f.claim_type == figure.claim_type)]
    if not earlier:
        return figure
    last = earlier[-1]
    claim_type, kind = (last.claim_type, last.unit_kind) if unknown else (figure.claim_type, figure.unit_kind)
    return replace(figure, claim_type=claim_type, counted_group=last.counted_group, unit_kind=kind)


def _said_again(figure: Figure, unknown: bool) -> bool:
    """A bare count, or a bare number of no claim, after "the"."""
    return (_bare_count(figure) or unknown) and bool(_REPEATED.search((figure.sentence or "")[:_offsets(figure)[0]]))


def _the_same_number_before(earlier: Figure, figure: Figure) -> bool:
    """The same number given before, with what it counts."""
    return earlier.start < figure.start and earlier.value == figure.value and bool(earlier.counted_group)


def elliptic_group(figure: Figure, figures: tuple[Figure, ...]) -> Figure:
    """A casualty figure written as a bare number after another of its kind counts what that one
    counts: "police detained 112 people, 63 in Dravo and 49 in Tessin" (63 and 49 people)."""
    bare = _bare_count(figure)
    if not bare or not _ELLIPSIS.match((figure.sentence or "")[_offsets(figure)[1]:]) or _a_running_total(figure):
        return figure
    earlier = [f for f in figures if _a_whole_before(f, figure)]
    if not earlier:
        return figure
    whole = max(earlier, key=lambda f: f.start)
    return replace(figure, counted_group=whole.counted_group, unit_kind=whole.unit_kind)


# A toll or a tally, not a part of it: "five more patients died overnight, taking the toll to 24" (blind54): the
# 24 counts everyone killed so far, not patients, and not one night's dead.
# not "rose by 12"; "The death toll from Tuesday's collision at Kandhra station rose to 39 on Thursday after more of
# the injured died overnight" is the toll (blind58)
_RUNNING_TOTAL = re.compile(r"\b(?:toll|tally|total)\b(?![^.;,\d]*\bby\s+$)[^.;,\d]{0,60}$", re.I)


# A total said after its number: "19 on Sunday night and 26 on Monday night, 45 in all" (blind69).
_TOTAL_AFTER = re.compile(r"\s+(?:\w+\s+)?(?:in all|in total|altogether|all told)\b", re.I)


def _a_running_total(figure: Figure) -> bool:
    sentence, (start, end) = figure.sentence or "", _offsets(figure)
    return bool(_RUNNING_TOTAL.search(sentence[:start]) or _TOTAL_AFTER.match(sentence, end))


_AND_BEFORE = re.compile(r"^[^.;\d]{0,80}\band\s+$")


def coordinated_group(figure: Figure, figures: tuple[Figure, ...]) -> Figure:
    """A bare casualty number joined by "and" to a casualty count just named counts the same group:
    "12 police officers have been killed and 353 hurt" (353 police officers)."""
    sentence = figure.sentence or ""
    bare = _bare_count(figure)
    earlier = [f for f in figures if bare and f.claim_type in PEOPLE_TYPES and _earlier_in_sentence(f, figure)]
    if not earlier:
        return figure
    whole = max(earlier, key=lambda f: f.start)
    between = sentence[_offsets(whole)[1]:_offsets(figure)[0]]
    if not _AND_BEFORE.match(between):
        return figure
    return replace(figure, counted_group=whole.counted_group, unit_kind=whole.unit_kind)


# A figure in brackets (or after "or") giving another figure again, as of another day or in another
# currency: "more than 600 people were detained (450 as of Monday)"; "18 billion tenge (about $40
# million)"; "a fund of 2 million crowns, or about 80,000 euros".
_RESTATED = re.compile(r"(?:\(|,?\s+or)\s*(?:roughly|about|around|some|approximately|almost|nearly|c\.|ca\.)?"
                       r"\s*(?:US)?[$€£₸]?$")


def _restated(figure: Figure, figures: tuple[Figure, ...]) -> Figure | None:
    """The figure the given one restates: the one just before it in its sentence, near, with no figure
    between; "or" restates only a sum of money in another currency."""
    before = (figure.sentence or "")[:_offsets(figure)[0]]
    own_words = bool(figure.counted_group) and not _money(figure)
    earlier = [f for f in figures if _earlier_in_sentence(f, figure)] if _RESTATED.search(before) else []
    if own_words or not earlier:
        return None
    whole = max(earlier, key=lambda f: f.start)
    return whole if _restates(before, whole, figure, figures) else None


def _restates(before: str, whole: Figure, figure: Figure, figures: tuple[Figure, ...]) -> bool:
    """In brackets or a sum in another currency, near the whole, with no figure between."""
    bracket = "(" in before[len(before) - 25:]
    if not (bracket or (_money(whole) and _money(figure))) or whole.end < figure.start - 120:
        return False
    return not any(whole.start < f.start < figure.start for f in figures)


def _money(figure: Figure) -> bool:
    return (figure.unit_kind or "").startswith("money")


def restated_value(figure: Figure, figures: tuple[Figure, ...]) -> Figure:
    """A figure restating the one before it in its sentence has that one's claim type and keys."""
    whole = _restated(figure, figures)
    if whole is None:
        return figure
    return replace(figure, claim_type=whole.claim_type, counted_group=whole.counted_group, unit_kind=whole.unit_kind,
                   phase=whole.phase, incident=whole.incident, time_scope=whole.time_scope, scope=whole.scope)


def _restated_values(figures: tuple[Figure, ...]) -> tuple[Figure, ...]:
    """Each restatement keyed like the one it restates, in order: "180m leva (about $107m, or €92m)" keys the
    €92m like the $107m, which is keyed like the 180m leva."""
    keyed = list(figures)
    for i, figure in enumerate(figures):
        keyed[i] = restated_value(figure, tuple(keyed))
    return tuple(keyed)


def _a_whole_before(whole: Figure, figure: Figure) -> bool:
    """An earlier figure of the same sentence and claim type that names what it counts."""
    return whole.claim_type == figure.claim_type and _earlier_in_sentence(whole, figure)


def _earlier_in_sentence(whole: Figure, figure: Figure) -> bool:
    """An earlier figure of the same sentence that names what it counts."""
    same_sentence = whole.sentence_start == figure.sentence_start and whole.part == figure.part
    return same_sentence and whole.start < figure.start and bool(whole.counted_group)


# A bare number that gives a new value to a count just named: "withdrew a toll of 71 and cut it to
# 58", "revised the figure to 58", "put the number at 40".
_NEW_VALUE = re.compile(r"\b(?:it|the (?:toll|figure|number|count|total|tally))\s+(?:[a-z]+\s+){0,2}?(?:to|at)\s+$",
                        re.I)  # "it rose to 16", "the toll was raised to 58"


def revised_value(figure: Figure, figures: tuple[Figure, ...]) -> Figure:
    """A new value of a casualty count named earlier in the sentence is a value of that count: its
    claim type and keys ("the ministry withdrew a toll of 71 and cut it to 58": 58 dead)."""
    start = _offsets(figure)[0]
    if figure.claim_type in PEOPLE_TYPES or _has_words(figure.counted) \
            or not _NEW_VALUE.search((figure.sentence or "")[:start]):
        return figure
    earlier = [f for f in figures if f.claim_type in PEOPLE_TYPES and _earlier_in_sentence(f, figure)]
    if not earlier:
        return figure
    count = max(earlier, key=lambda f: f.start)
    return replace(figure, claim_type=count.claim_type, counted_group=count.counted_group,
                   unit_kind=count.unit_kind, incident=count.incident, time_scope=count.time_scope)


# Between two values of one count in a list: the first's date, then a comma or "and": "it rose to 16 on
# 9 March, 24 on 11 March and 28 on 13 March".
_SERIES_GAP = re.compile(r"^(?:\s+(?:on|by|as of)\s+(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2}|[A-Z][a-z]+day))?"
                         r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)$")


def _next_in_series(earlier: Figure, figure: Figure, heads: set[str | None]) -> bool:
    """``figure`` is a bare value listed right after ``earlier``, a casualty count, in its sentence; it
    names no words or those of a count before it in the sentence (``heads``)."""
    same_words = not _has_words(figure.counted) or figure.counted_head in heads
    bare = figure.claim_type == "other" and same_words and figure.unit is None
    if not bare or earlier.claim_type not in PEOPLE_TYPES or earlier.sentence_start != figure.sentence_start:
        return False
    between = (figure.sentence or "")[_offsets(earlier)[1]:_offsets(figure)[0]]
    return bool(_SERIES_GAP.match(between))


def _days_summing_to_their_total(figures: tuple[Figure, ...]) -> tuple[Figure, ...]:
    """A column of days' rows whose values add up to the table's total row is each day's own count, even under a
    toll's header: "| Monday | 2 |", "| Tuesday | 4 |", "| Wednesday | 1 |", "| Thursday | 1 |", "| Total | 8 |" are
    deaths of each day, not a running toll (blind134)."""
    out = list(figures)
    for i, total in enumerate(figures):
        if not _TOTAL_ROW.match(total.sentence or ""):
            continue
        days = _days_above(figures, i)
        if len(days) > 1 and sum(figures[j].value or 0.0 for j in days) == total.value:
            for j in days:
                day = figures[j]
                out[j] = replace(day, time_scope=day.as_of if day.as_of and len(day.as_of) == 10 else "one day")
    return tuple(out)


def _days_above(figures: tuple[Figure, ...], at: int) -> list[int]:
    """The rows of days right above a total row, in its column: same claim and predicate, each in its own row."""
    total, found = figures[at], []
    for j in range(at - 1, -1, -1):
        day = figures[j]
        if not _DAYS_ROW.match(day.sentence or ""):
            break
        if (day.claim_type, day.predicate) == (total.claim_type, total.predicate) and day.time_scope is None:
            found.append(j)
    return found


def _series_values(figures: tuple[Figure, ...]) -> tuple[Figure, ...]:
    """Each bare value listed after a casualty count is a value of that count, down the list."""
    out: list[Figure] = []
    for figure in figures:
        earlier = out[-1] if out else None
        heads = {f.counted_head for f in out if f.sentence_start == figure.sentence_start
                 and f.claim_type in PEOPLE_TYPES}
        if earlier is not None and _next_in_series(earlier, figure, heads):
            figure = replace(figure, claim_type=earlier.claim_type, counted_group=earlier.counted_group,
                             unit_kind=earlier.unit_kind, incident=earlier.incident, scope=earlier.scope)
        out.append(figure)
    return tuple(out)


def _names_its_good(figure: Figure) -> bool:
    """A price or damage figure whose own sentence names its good or what was damaged; "a litre" names none where
    the document names its fuels ("At the new price of 8,790 guaraníes, a litre cost about $1.17", blind46)."""
    group, word = counted_group(figure) if figure.counted_group else (None, None)
    per_measure = figure.claim_type == "price" and (word or "").split(" ")[0] in _PER_A_MEASURE
    return group is not None and not per_measure and (figure.claim_type == "price" or word is not None)


def _lends_its_group(other: Figure, figure: Figure) -> bool:
    """Another figure of the same claim that names its good; for damage, one in money too."""
    same = other.claim_type == figure.claim_type and other is not figure and other.counted_group != LOSSES
    return same and _names_its_good(other) and (other.claim_type == "price" or _money(other))


def documents_own_group(figure: Figure, figures: tuple[Figure, ...]) -> Figure:
    """A price or damage figure whose sentence names no good (or no victim) has the one the
    nearest such figure of its document names: "LPG rose to 120 tenge. On Tuesday the
    commission agreed to bring the price down to 50 tenge." (50 tenge for LPG); "| Damage | 78
    billion tenge |" in a page that speaks of the damage to business. A count of things damaged lends
    nothing: "destroyed 212 vehicles. … put the damage at 310 million leva" is no damage to vehicles."""
    if figure.claim_type not in ("price", "damage") or _names_its_good(figure) or not _money(figure):
        return figure
    named = [(abs(f.start - figure.start), f.start, f.counted_group) for f in figures if _lends_its_group(f, figure)]
    return replace(figure, counted_group=min(named)[2]) if named else figure


def market_scope(figure: Figure, figures: tuple[Figure, ...]) -> Figure:
    """A price's place is kept only where its document prices the same good in another place too:
    "In Mangystau region a litre went from 60 tenge to 120" is the story's one market, the same
    price as "LPG doubled to 120 tenge" in a report naming no place; "100 tenge in Almaty, 120
    in Aktau" keeps both places."""
    if not _priced(figure) or figure.scope is None:
        return figure
    places = {f.scope for f in figures if _priced(f) and f.counted_group == figure.counted_group}
    return figure if len(places - {None}) > 1 else replace(figure, scope=None)


def _priced(figure: Figure) -> bool:
    """A price, or its change as a share ("rice rose 50%")."""
    return figure.claim_type == "price" or (figure.counted_group or "").startswith(f"{PRICE_CHANGE_GROUP}:")


def fill_keys(analysis: Analysis, published: dt.date | None = None) -> Analysis:
    """Every figure of an analysis with its alignment keys set."""
    reference = reference_year(analysis, published)
    year = published.year if published else None
    names = place_names(analysis)
    figures = country_parts(tuple(town_named_before(replace(f, scope=place_scope(f, analysis.figures, names)),
                                                    analysis.sentences, names) for f in analysis.figures), analysis)
    # "a litre now costs 9 bolivianos, when the subsidised price is 3.75": the 3.75 is in bolivianos too
    keyed = tuple(with_keys(sentence_currency(f, figures), reference, year) for f in figures)
    keyed = tuple(coordinated_group(revised_value(elliptic_group(f, keyed), keyed), keyed) for f in keyed)
    keyed = _restated_values(keyed)
    keyed = _series_values(keyed)
    keyed = _days_summing_to_their_total(keyed)
    keyed = tuple(corrected_value(repeated_number(f, keyed), keyed) for f in keyed)
    keyed = tuple(dated_by_the_sentence_before(f, analysis.sentences, reference) for f in keyed)
    keyed = tuple(documents_own_group(incident_named_before(f, analysis.sentences), keyed) for f in keyed)
    keyed = other_storms(site_incidents(mishaps(keyed), analysis.sentences), analysis.sentences)
    keyed = crowds_placed_before(keyed, analysis.sentences)
    return replace(analysis, figures=tuple(market_scope(f, keyed) for f in keyed))


def crowds_placed_before(figures: tuple[Figure, ...], sentences: tuple[Sentence, ...]) -> tuple[Figure, ...]:
    """"About 7,000 people rallied in the centre of Kutaisi on Friday evening. The organisers said 10,000 took part,
    while the police put the figure at 2,500": the next crowd sizes of no place of their own, right after a placed
    one in its sentence or the next, are of the same gathering (blind69)."""
    starts = [s.start for s in sentences]
    out: list[Figure] = []
    for figure in figures:
        last = out[-1] if out else None
        if last is not None and _same_gathering(last, figure, starts):
            figure = replace(figure, scope=last.scope)
        out.append(figure)
    return tuple(out)


def _same_gathering(last: Figure, figure: Figure, starts: list[int]) -> bool:
    if figure.claim_type != "protesters" or figure.scope or last.claim_type != "protesters" or not last.scope:
        return False
    here = bisect.bisect_right(starts, figure.sentence_start or 0) - 1
    return here >= 0 and (last.sentence_start or 0) >= starts[max(0, here - 1)]

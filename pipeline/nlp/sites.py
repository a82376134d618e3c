"""One named site inside a story where a casualty count happened, a key stored with it
(``Figure.incident``; English rules).

"Police fired on a crowd at the Ghantaghar clock tower in Birgunj, killing four"; "at least two
died at the Río Seco bridge"; "the Kejetia market shooting left five dead": a count of the killed
or injured that its own clause limits to one named market, bridge, roundabout or square is that
site's incident, apart from the national toll and from its town's count. Sources write the town
or leave it out, so the site's incident replaces the figure's town.

The key is the site's name without its kind, folded to plain letters ("at Rio Seco"): "the Río
Seco bridge", "the Rio Seco bridge" and "the Río Seco shooting" are one site. As with a mishap
(``keys.mishaps``), the count is the site's only where its document gives a larger count of the
same claim and group: a page that is all about one shooting counts the story's dead.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from ..models import Figure, Sentence
from ..places import is_known_place
from .en.dates import MONTH_NAMES

# Casualty counts only: a crowd "in Independence Square" is the story's march, not one of its incidents.
_SITE_CLAIMS = frozenset({"killed", "injured"})
# (kind, example): words naming a site, after its name ("the Kennedy market", "the CPC fuel depot").
_SITE_KINDS = (
    ("market", "shot dead near the Sabon Gari market (blind79)"),
    ("bridge", "the shots fired at the Río Seco bridge (blind97)"),
    ("roundabout", "killed at the PK18 roundabout, Abobo (blind25)"),
    ("square", "shot dead in Arbaeen Square (blind91)"),
    ("tower", "a crowd at the Ghantaghar clock tower in Birgunj (blind99)"),
    ("depot", "police fire at the CPC fuel depot in Kurunegala (blind77)"),
    ("akimat", "killed at the Mangystau regional akimat (blind73)"),
    ("administration", "shot dead outside the Adama city administration (blind28)"),
    ("workshops", "killed near the Atbara railway workshops (blind83)"),
    ("hospital", "3 people died of gunshot wounds at Donka hospital (blind102); deaths only, see _DEATHS_ONLY"),
    ("interchange", "two people were shot dead when police cleared the San Miguelito interchange (blind120)"),
    ("crossroads", "Five men were killed at the Cuatro Caminos crossroads (blind121)"),
    ("blockade", "Three died at the Chaom Chau blockade (blind125)"),
    ("roadblock", "shot dead at the Kasese roadblock"),
    ("barricade", "two killed at the Marcory barricade"),
    ("checkpoint", "wounded at the Kalanki checkpoint"),
    ("warehouse", "three were shot at the gate of the ONASA warehouse (blind126)"),
)
# (kind, example): words naming a site before its name ("Avenida La Limpia", "Mercado do 30").
_SITE_KINDS_FIRST = (
    ("Avenida", "the Avenida La Limpia shooting, Maracaibo (blind38)"),
    ("Mercado", "shot dead at the Mercado do 30 in Viana (blind85)"),
    ("Plaza", "wounded in Plaza Murillo"),
    ("Place", "killed on Place de la Nation"),
    ("Rond-point", "fired on the crowd at Rond-point Deggo"),
    ("Carrefour", "two dead at Carrefour Cosmos"),
)
# What happened at a site, written right after its name: "the Río Seco shooting", "the Kejetia market killings".
_AT_A_SITE = r"(?:shooting|shootings|killings|massacre|clash|clashes)"
# One word of a name: capitalised ("Río", "Sabon", "CPC") or with a digit ("PK18", "30"); names join with "de", "do",
# "la", "al" ("Mercado do 30", "Avenida La Limpia").
_NAME_WORD = r"(?:[A-Z][\w'’.-]*|\d+\w*)"
_NAME = rf"{_NAME_WORD}(?:\s+(?:(?:de|do|da|del|la|al|el)\s+)?{_NAME_WORD}){{0,3}}"
# Not names of a site: a day or a month before "shooting" ("the Tuesday shooting"), a word that opens a sentence.
_NOT_NAMES = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                        "february", "march", "april", "may", "june", "july", "august", "september", "october",
                        "november", "december", "the", "a", "an", "this", "that", "its", "their", "central", "main",
                        "national", "city", "old", "new", "north", "south", "east", "west", "police", "army",
                        "at", "in", "near", "outside", "by", "on", "from", "beside"})  # "At Limbe market, …"
_KIND_AFTER = "|".join(kind for kind, _ in _SITE_KINDS)
_KIND_BEFORE = "|".join(re.escape(kind) for kind, _ in _SITE_KINDS_FIRST)
# Kinds of site whose count of the hurt is the place they were treated at, not where they were hurt: a named
# hospital's wounded are its own count by ``scope.py`` ("Ma'an Government Hospital has received 63 wounded").
_DEATHS_ONLY = frozenset({"hospital"})
# Words between a site's name and its kind: "the Ghantaghar clock tower", "the CPC fuel depot".
_KIND_WORDS = ("clock|fuel|petrol|oil|gas|filling|railway|bus|police|regional|city|town|district|municipal|central|"
               "main|international|old|new|fish|food|cattle|grain|wholesale|vegetable|traffic|toll")
# "at the Ghantaghar clock tower", "in Arbaeen Square": a name, up to two words of what kind, the kind.
_SITE = re.compile(rf"(?<![\w'’-])(?P<name>{_NAME})(?:\s+(?:{_KIND_WORDS})){{0,2}}\s+(?P<kind>(?i:{_KIND_AFTER}))s?\b"
                   rf"|(?<![\w'’-])(?P<name_after>(?:{_KIND_BEFORE})\s+(?:(?:de|do|da|del|la|al|el)\s+)?{_NAME})"
                   rf"|(?<![\w'’-])(?P<name_of>{_NAME})\s+{_AT_A_SITE}\b")
# Between a count and its site, within one clause: no other number (the extractor may have left a number word
# unread), no semicolon, no sentence break.
_CLAUSE_BREAK = re.compile(r"[\d;]|[.!?]\s|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                           r"twenty|thirty|forty|fifty|dozens?|hundreds?)\b", re.I)
# A count listed after a site's count is another place's: "four at the Kurunegala depot, two in Colombo"; a
# site before someone's words is where they spoke ("Our reporter at the Gorica bridge says rescuers have recovered
# four bodies", blind14).
_NOT_ITS_SITE_BEFORE = re.compile(r"^\s*(?:,|;|and)?\s*(?:and\s+)?$|\b(?:says?|said|told|tells|reports?|reported)\b")
# A site opening the sentence is where all its counts happened: "At Limbe market, police shot dead three men and
# wounded 8" (blind106).
_FRONTED_SITE = re.compile(r"\W*(?:(?:at|in|near|outside)\s+(?:the\s+)?)?", re.I)
# After a count, a comma closes its clause: "the toll of Juliaca rose to eight, counting the police sub-officer
# killed near Plaza Bolognesi" (blind81).
_NOT_ITS_SITE_AFTER = re.compile(r",|\b(?:including|among them|among whom)\b", re.I)
_REACH = 140


# A site the text named before, by its kind alone: "5 people were shot dead at the market junction" (blind79).
_THE_SITE = re.compile(rf"\bthe\s+(?:(?:{_KIND_WORDS})\s+){{0,2}}(?P<kind>{_KIND_AFTER})\b", re.I)
# Where a count is limited to: ("incident", "at Rio Seco") for a site, ("scope", "Andahuaylas") for a town's clash.
Where = tuple[str, str]


def site_of(figure: Figure, others: tuple[Figure, ...]) -> Where | None:
    """The named site the figure's own clause limits it to (("incident", "at Rio Seco")), or None."""
    if figure.claim_type not in _SITE_CLAIMS:
        return None
    sentence, counts = figure.sentence or "", _counts_beside(figure, others)
    sites = [(_distance(figure, m, counts), _key(m)) for m in _SITE.finditer(sentence) if _counts_at(figure, m)]
    near = sorted((d, key) for d, key in sites if d is not None and key is not None)
    return near[0][1] if near else None


def _counts_at(figure: Figure, found: re.Match[str]) -> bool:
    return figure.claim_type == "killed" or (found.group("kind") or "").lower() not in _DEATHS_ONLY


def _counts_beside(figure: Figure, others: tuple[Figure, ...]) -> list[tuple[int, int]]:
    """Where the other counts of the figure's sentence are in it."""
    return [_in_sentence(o, figure) for o in others
            if (o.sentence_start, o.part) == (figure.sentence_start, figure.part) and o is not figure]


def _in_sentence(figure: Figure, of: Figure) -> tuple[int, int]:
    start = figure.start - (of.sentence_start or 0)
    return start, start + (figure.end - figure.start)


def _distance(figure: Figure, found: re.Match[str], counts: list[tuple[int, int]]) -> int | None:
    """How far a site is from the figure, None when it is outside the figure's clause."""
    gap = _gap(figure, found)
    if gap is None:
        return None
    between = (figure.sentence or "")[gap[0]:gap[1]]
    if gap[0] == found.end() and _fronted(figure, found):
        return None if ";" in between else len(between)
    # "one in Ilave, seven at Juliaca airport, three in Sicuani": another count between them holds the site
    if _outside_its_clause(between, gap[0] == found.end()) or any(gap[0] <= a and b <= gap[1] for a, b in counts):
        return None
    return len(between)


def _outside_its_clause(between: str, site_first: bool) -> bool:
    not_its = _NOT_ITS_SITE_BEFORE if site_first else _NOT_ITS_SITE_AFTER
    return len(between) > _REACH or _CLAUSE_BREAK.search(between) is not None or not_its.search(between) is not None


def _fronted(figure: Figure, found: re.Match[str]) -> bool:
    return _FRONTED_SITE.fullmatch(figure.sentence or "", 0, found.start()) is not None


def _gap(figure: Figure, found: re.Match[str]) -> tuple[int, int] | None:
    """The span between a figure and a site in its sentence; None when they overlap."""
    start, end = _in_sentence(figure, figure)
    if found.start() >= end:
        return end, found.start()
    return (found.end(), start) if found.end() <= start else None


def _key(found: re.Match[str]) -> Where | None:
    words = _name_words(found.group("name") or found.group("name_after") or found.group("name_of"))
    if not any(c.isalpha() for c in "".join(words)):
        return None  # "counted 127 blockade points" (blind81): a count, no name
    # "Andahuaylas clash kills two" is the town's count (blind81), "the Kejetia shooting" the market's
    if found.group("name_of") and is_known_place(" ".join(words)):
        return "scope", " ".join(words)
    return _at_site(words)


def _at_site(words: list[str]) -> Where:
    """A site's incident key, folded to plain letters: "the Río Seco bridge" → "at Rio Seco"."""
    plain = unicodedata.normalize("NFKD", " ".join(words))
    return "incident", "at " + "".join(c for c in plain if not unicodedata.combining(c))


def _name_words(name: str) -> list[str]:
    """A site's name without the words around it that name none: "The Tuesday", "Inca Manco Cápac International"."""
    words = name.rstrip(".").split()
    while words and words[0].lower() in _NOT_NAMES:
        words = words[1:]
    while words and words[-1].lower() in _KIND_WORDS.split("|"):
        words = words[:-1]
    return words


def site_named_before(figure: Figure, others: tuple[Figure, ...], sentences: tuple[Sentence, ...]) -> Where | None:
    """A site the count's clause names by its kind alone, or the site the sentence right before names."""
    if figure.claim_type not in _SITE_CLAIMS or figure.part != "body":
        return None
    before = [s.text for s in sentences if s.end <= (figure.sentence_start or 0)]
    return _site_by_its_kind(figure, others, before) or _site_of_the_sentence_before(figure, others, before)


def _site_by_its_kind(figure: Figure, others: tuple[Figure, ...], before: list[str]) -> Where | None:
    """"5 people were shot dead at the market junction": the last site of that kind the text named (blind79)."""
    sentence, counts = figure.sentence or "", _counts_beside(figure, others)
    found = next((m for m in _THE_SITE.finditer(sentence) if _distance(figure, m, counts) is not None), None)
    if found is None:
        return None
    kind = found.group("kind").lower()
    named = [m for text in [*before, sentence[:found.start()]] for m in _SITE.finditer(text)
             if (m.group("kind") or "").lower().rstrip("s") == kind]
    return _key(named[-1]) if named else None


def _site_of_the_sentence_before(figure: Figure, others: tuple[Figure, ...], before: list[str]) -> Where | None:
    """"Gunfire at the Mercado do 30 in Viana. Traders tell us at least four people were shot dead" (blind85): the
    first count of a sentence right after one naming a site and no count, on the same line. The sentence may give
    the day ("On the morning of 22 July, police fired into a crowd outside Kalerwe market. Four young men were
    killed", blind118), or name the site by its kind alone under a heading naming it ("Croix-des-Bossales" over "On
    the first day police opened fire near the market. Four men died", blind115)."""
    last = before[-1] if before else ""
    start = _in_sentence(figure, figure)[0]
    # no count in that sentence but the site's own name's digits ("Mercado do 30") and its day's
    if any(a < start for a, _ in _counts_beside(figure, others)) or "\n" in last.strip() \
            or _CLAUSE_BREAK.search(_DAY_OF_MONTH.sub("", _SITE.sub("", last)).replace(". ", " ")):
        return None
    found = [m for m in _SITE.finditer(last) if m.group("name_of") is None]
    if found:
        return _key(found[-1])
    return _site_headed(before) if _THE_SITE.search(last) else None


# A day of the month, which is no count: "on 22 July", "July 22".
_MONTHS = "|".join(MONTH_NAMES)
_DAY_OF_MONTH = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\b|"
                           rf"\b(?:{_MONTHS})\s+\d{{1,2}}\b(?:,?\s+\d{{4}})?")
# A section's heading that is a name and nothing else: "Croix-des-Bossales", "Kalerwe Market".
_NAME_HEADING = re.compile(rf"\s*(?P<name>{_NAME})\s*\n?")


def _site_headed(before: list[str]) -> Where | None:
    """The site a section's heading names, right over the sentence that speaks of "the market"."""
    heading = _NAME_HEADING.fullmatch(before[-2]) if len(before) > 1 and before[-2].endswith("\n") else None
    words = _name_words(heading.group("name")) if heading else []
    return None if not words or is_known_place(" ".join(words)) else _at_site(words)


def site_incidents(figures: tuple[Figure, ...], sentences: tuple[Sentence, ...] = ()) -> tuple[Figure, ...]:
    """Each casualty count its clause limits to a named site keyed with that site, where its document gives a larger
    count of the same claim and group (the toll the site's count is a part of)."""
    sites = [_where(f, figures, sentences) for f in figures]
    tolls = [f for f, site in zip(figures, sites, strict=True) if site is None and f.incident is None]
    # "the Limbe shooting" is the market's where the text names "Limbe market" (blind106)
    named = _sites_named(sentences)
    return tuple(_limited(f, site, named) if site and any(larger_count(t, f) for t in tolls) else f
                 for f, site in zip(figures, sites, strict=True))


def _where(figure: Figure, figures: tuple[Figure, ...], sentences: tuple[Sentence, ...]) -> Where | None:
    if figure.claim_type not in _SITE_CLAIMS or figure.incident not in (None, "a part", "worst incident"):
        return None
    return site_of(figure, figures) or site_named_before(figure, figures, sentences)


def _sites_named(sentences: tuple[Sentence, ...]) -> set[Where | None]:
    return {_key(m) for s in sentences for m in _SITE.finditer(s.text) if m.group("name_of") is None}


def _limited(figure: Figure, where: Where, named: set[Where | None]) -> Figure:
    field, name = where
    if field == "scope" and ("incident", f"at {name}") not in named:
        return figure if figure.scope else replace(figure, scope=name)
    return replace(figure, incident=name if field == "incident" else f"at {name}", scope=None)


def larger_count(toll: Figure, part: Figure) -> bool:
    """A larger count of the same claim and group: the toll a site's or a mishap's count is a part of."""
    return toll.claim_type == part.claim_type and toll.counted_group == part.counted_group \
        and toll.value is not None and part.value is not None and toll.value > part.value

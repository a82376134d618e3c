"""People, organisations and places, each under one canonical name.

"K.Tokayev", "President Kassym-Jomart Tokayev" and "Tokayev" are one person; "CSTO" and
"Collective Security Treaty Organization" one organisation; "Alma-Ata" is Almaty. Titles
are kept apart as the mention's role. The model's entities are completed with a rule
for initial-dot-surname names ("N.Pashinyan"), which it often misses.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from ... import places
from ...models import EntityMention
from .. import layout
from .lexicons import alias_table
from .org_rules import SPEAKER, cased_lines, country_form, has_head, org_phrases, people_noun, uncapped

LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"}
_INITIAL_NAME = re.compile(r"\b[A-Z]\.\s?(?:[A-Z]\.\s?)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b")
_ACRONYM = re.compile(r"\(([A-Z]{2,8})\)")
_SMALL_WORDS = {"of", "the", "and", "for", "on", "de", "in"}


@functools.lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str], list[str]]:
    data = alias_table()
    surnames = {k.casefold(): v for k, v in (data.get("surnames") or {}).items()}
    aliases = {}
    for entry in data.get("aliases") or []:
        for name in entry["names"]:
            aliases[name.casefold()] = entry["canonical"]
        aliases[entry["canonical"].casefold()] = entry["canonical"]
    titles = sorted(data.get("titles") or [], key=len, reverse=True)
    return surnames, aliases, titles


@functools.lru_cache(maxsize=1)
def _alias_spellings() -> tuple[re.Pattern, dict[str, str]]:
    """Every spelling in the alias table with a label, as one pattern, and spelling → label."""
    data = alias_table()
    entries = data["aliases"]
    labels = {name.casefold(): entry["label"] for entry in entries if entry.get("label")
              for name in [*entry["names"], entry["canonical"]]}
    full_names = set(data["surnames"].values())  # "Kassym-Jomart Tokayev", whole
    labels.update((name.casefold(), "PERSON") for name in full_names)
    names = sorted({n for entry in entries for n in [*entry["names"], entry["canonical"]] if n[:1].isupper()}
                   | full_names, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])"), labels


# A town's name in capitals, with their accents: "COLÓN – The city on Tuesday buried …" (blind120).
_CAPS = "A-ZÀ-ÖØ-Þ"
_CAPS_NAME = rf"[{_CAPS}][{_CAPS}'-]{{2,}}(?:[ -][{_CAPS}][{_CAPS}'-]{{2,}})?"
_DATELINE = re.compile(rf"(?m)^({_CAPS_NAME})(?=[,.:]\s|\s+[-–—]\s|\s*\()")
# A local paper's dateline, a town and a dash: "PARAKOU – …", "COLÓN, Feb 24 – …"; "the city" after it is that town.
DATELINE_TOWN = re.compile(rf"(?:^|\n)\s*({_CAPS_NAME})(?=,[^\n]{{0,30}}?\s[-–—]\s|\s+[-–—]\s)")


def _fold(name: str) -> str:
    """'İzmir' and 'IZMIR', "Prokop'yevsk" and 'PROKOPYEVSK' alike: no accents or apostrophes, case folded."""
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    return re.sub(r"['’`]", "", plain).casefold()


@functools.lru_cache(maxsize=1)
def _known_places() -> frozenset[str]:
    """Cities of the offline gazetteer and countries: what a dateline in capitals may name."""
    cities = {_fold(c["name"]) for c in places.cities()}  # the same read as places.locate's
    return frozenset(cities) | country_names()


@functools.lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    names = {c["name"].casefold() for c in places.countries().values()}  # the same read as places.country_code's
    return frozenset(names | {"the country", "republic of kazakhstan"})


def _strip(text: str, start: int) -> tuple[str, int]:
    """Drop a leading 'the' (and an adverb before it: "Later the Ministry"), a trailing possessive and
    surrounding punctuation."""
    lead = re.match(r"^(?:(?:later|earlier|yesterday|today|meanwhile|then)\s+(?=the\s))?(?:the\s+|[«\"“'(/\s]+)*",
                    text, re.I).end()  # type: ignore[union-attr]  # matches empty
    text, start = text[lead:], start + lead
    # A headline's "Kazakhstan: No Accounting Yet", "Sindh - Update"; a name never runs past a line.
    text = re.split(r":\s|\s[-–—]\s|\s*\n", text)[0]
    text = re.sub(r"(?:'s|’s|[»\"”')\s,.;:]+)$", "", text)
    text = re.sub(r"\s*\([A-Z]{2,8}\)?$", "", text)  # "Shanghai Cooperation Organisation (SCO"
    text = re.sub(r"(?:\s+(?:of|the|and|in|for))+$", "", text)  # "Ministry of Internal Affairs of"
    return text, start


@functools.lru_cache(maxsize=1)
def _title_edges() -> tuple[re.Pattern, re.Pattern]:
    """A title at the start of a mention, and a title right before one (longest titles first)."""
    titles = "|".join(re.escape(t) for t in _tables()[2])
    return re.compile(rf"(?:{titles})\s+(?=\S)"), re.compile(rf"(?<![\w.])(?:{titles})\s+$")


def _split_role(text: str, start: int, doc_text: str, person: bool = True) -> tuple[str, int, str | None]:
    """Title and name apart. Outside the model's persons a title must leave a first and last name,
    so "General Electric" stays whole."""
    leading, trailing = _title_edges()
    m = leading.match(text)
    if m and not person and re.match(r"\S+['’]s\s", text[m.end():]):
        return text, start, None  # "General Prosecutor's Office", "Attorney General's Office": one office
    if m and (person or len(text[m.end():].split()) >= 2):
        return text[m.end():], start + m.end(), m.group(0).strip().rstrip(".")
    m = trailing.search(doc_text, max(0, start - 40), start)
    if m:
        return text, start, m.group(0).strip().rstrip(".")
    return text, start, None


# Words that make a capitalised phrase an organisation or place, never a person's name.
_ORG_WORDS = {"administration", "agency", "army", "assembly", "bank", "bureau", "chamber", "committee", "council",
              "court", "department", "forces", "government", "guard", "league", "ministry", "office", "organization",
              "organisation", "parliament", "party", "police", "republic", "senate", "service", "union", "university",
              "city", "region", "province", "state", "states", "federation", "news", "treaty"}
# Words no person's or place's name holds.
_ORG_NAME_WORDS = {"holding", "holdings", "company", "corporation", "corp", "inc", "ltd", "llc", "group", "society",
                   "institute", "committee", "council", "bank", "club", "association", "federation", "confederation",
                   "agency", "ministry", "union", "unions", "organisation", "organization", "foundation", "fund",
                   "authority", "commission", "service", "party", "university", "hospital", "network"}
_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|near|to|outside|inside|across)\s+(?:the\s+)?$", re.I)
# After a title, only capitalised words and joining words may come before the name.
_ROLE_TAIL = re.compile(r"(?:\s+(?:of|the|for|and|on|[A-Z][\w’'-]*))*\s*,?\s*")
_BAD_NAME = re.compile(r"[\d:+@/]")
_A_SUM = re.compile(r"\d")  # a place the model tagged with a number in it is a sum or a code


def _trailing_person(ent: Span, doc_text: str) -> int | None:
    """Where a person's name starts inside a non-person entity: 'Minister of Foreign Affairs of
    [Kazakhstan Shakhrat Nuryshev]', 'Head of the [Presidential Administration Dauren Abayev]'."""
    if len(ent) < 3 or not re.search(r"\bof(?:\s+the)?\s*$", doc_text[max(0, ent.start_char - 8):ent.start_char]):
        return None
    name = ent[-2:]
    if all(t.is_alpha and t.is_title and t.pos_ == "PROPN" and t.lower_ not in _ORG_WORDS for t in name) \
            and ent[-3].lower_ not in ("of", "the", "and") and name.text.casefold() not in country_names():
        return ent.end - 2
    return None


def _cut_country(text: str) -> str:
    """'Tokayev Kazakhstan' (from 'President Tokayev Kazakhstan declared'): the name ends before the country."""
    words = text.split()
    while len(words) > 1 and words[-1].casefold() in country_names():
        words.pop()
    return " ".join(words) if len(words) < len(text.split()) else text


@functools.lru_cache(maxsize=1)
def _title_pattern() -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(re.escape(t) for t in _tables()[2]) + r")(?![\w])")


def _long_role(doc_text: str, start: int) -> str | None:
    """The whole title before a name split off an organisation: 'First Deputy Head of the
    Presidential Administration' (from the last title word before it in the sentence)."""
    before = doc_text[max(0, start - 120):start]
    before = re.split(r"[.;:!?]\s", before)[-1]
    last = None
    for match in _title_pattern().finditer(before):
        last = match  # the title nearest the name
    if last is None or not _ROLE_TAIL.fullmatch(before[last.end():]):
        return None
    return before[last.start():].strip(" ,")


def _trimmed(doc: Doc, ent: Span) -> Span | None:
    """"the health ministry [later]" loses its adverb, "[Interior] Ministry" gains its noun; "Interior
    Minister Erlan Turgumbayev": a one-word organisation before "Minister" is part of a title (None)."""
    while len(ent) > 1 and ent[-1].pos_ == "ADV":
        ent = Span(doc, ent.start, ent.end - 1, label=ent.label_)
    following = doc[ent.end].text if ent.end < len(doc) else ""
    if ent.label_ == "ORG" and len(ent) == 1 and following in ("Minister", "Ministers"):
        return None
    if ent.label_ == "ORG" and following in ("Ministry", "Ministries") and ent[-1].lower_ != "ministry":
        ent = Span(doc, ent.start, ent.end + 1, label=ent.label_)
    return ent


def _pieces(doc: Doc) -> list[Mention]:
    """The model's entities with a person's name split off the organisation it is glued to."""
    pieces: list[Mention] = []
    doc_text = layout.doc_text(doc)  # joined once per Doc: spaCy rebuilds it on every access
    for ent in (_trimmed(doc, e) for e in doc.ents if e.label_ in LABELS):
        cut = _trailing_person(ent, doc_text) if ent is not None and ent.label_ != "PERSON" else None
        if ent is None:
            continue
        if cut is None:
            pieces.append((ent.text, ent.start_char, ent.label_, None))
            continue
        org = doc[ent.start:cut]
        pieces.append((org.text, org.start_char, "GPE" if org.text.casefold() in country_names() else ent.label_, None))
        pieces.append((doc[cut:ent.end].text, doc[cut].idx, "PERSON", _long_role(doc_text, doc[cut].idx)))
    return pieces


Mention = tuple[str, int, str, str | None]  # text, start, label, role


@dataclass
class _Found:
    """Mentions found so far and the stretches of text they take (no two mentions overlap)."""

    doc_text: str
    mentions: list[Mention] = field(default_factory=list)
    taken: list[tuple[int, int]] = field(default_factory=list)

    def free(self, start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in self.taken)

    def add(self, text: str, start: int, label: str, role: str | None = None) -> None:
        self.mentions.append((text, start, label, role))
        self.taken.append((start, start + len(text)))

    def replace(self, start: int, end: int, label: str) -> bool:
        """The span as one mention in place of the mentions inside it; False (nothing done) when a
        mention crosses its edge or a person's name is inside."""
        inside = [m for m in self.mentions if start <= m[1] and m[1] + len(m[0]) <= end]
        if self.blocked(start, end, inside):
            return False
        self.mentions = [m for m in self.mentions if m not in inside]
        self.taken = [(m[1], m[1] + len(m[0])) for m in self.mentions]
        self.add(self.doc_text[start:end], start, label)
        return True

    def blocked(self, start: int, end: int, inside: list[Mention]) -> bool:
        """A person inside, a mention of exactly this span already, or one crossing its edge."""
        if any(m[2] == "PERSON" or (m[1], len(m[0])) == (start, end - start) for m in inside):
            return True
        return any(s < end and start < e for s, e in self.taken if not any(m[1] == s for m in inside))


def _cut_by_model(text: str, start: int, label: str, listed: list[tuple[int, int]]) -> tuple[str, int] | None:
    """The model's span as a name: None when it cuts a listed name ("State Kassym-") or holds an
    initial-and-surname name inside an organisation (the rule for those finds it); "Later K. Tokayev" → "K. Tokayev"."""
    end = start + len(text)
    if len(text) < 2 or not any(ch.isalpha() for ch in text) or _cuts_listed(start, end, listed):
        return None
    inner = _INITIAL_NAME.search(text)
    if inner and label != "PERSON":
        return None
    return (inner.group(0), start + inner.start()) if inner and inner.start() > 0 else (text, start)


def _cuts_listed(start: int, end: int, listed: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e and not (start <= s and e <= end) for s, e in listed)


def _org_or_place(text: str, start: int, label: str, doc_text: str, alias_labels: dict[str, str]) -> str:
    """"Kuzbass Coal Holding" (organisation words) is an organisation; "in Guayaquil" (a known city
    after a place preposition) a place."""
    if label in ("PERSON", "GPE") and set(_fold(text).split()) & _ORG_NAME_WORDS \
            and text.casefold() not in alias_labels and text.casefold() not in country_names():
        return "ORG"
    if label in ("ORG", "PERSON", "FAC") and _fold(text) in _known_places() \
            and _PLACE_BEFORE.search(doc_text[max(0, start - 12):start]):
        return "GPE"  # "A court in Belo Horizonte froze"; "sent from La Paz" the model took for a building
    if _place_by_its_noun(text, start, label, doc_text):
        return "GPE"
    return _aged_person(text, start, label, doc_text)


def _place_by_its_noun(text: str, start: int, label: str, doc_text: str) -> bool:
    return label == "PERSON" and bool(_PLACE_NOUN_BEFORE.search(doc_text[max(0, start - 80):start])) \
        and not doc_text.startswith("'s", start + len(text))


# A name the model took for a person after a word that says it is a place: "in the district of Lugela", "the
# parish of St Thomas", "the rivers Licungo and Lugela" (blind53); the gazetteer knows few small towns.
_PLACE_NOUN_BEFORE = re.compile(r"\b(?:district|province|region|count(?:y|ie)|parish|municipalit(?:y|ie)|village|town|"
                                r"city|cities|commune|river|lake|island|department)s?(?:\s+of)?\s+"
                                r"(?:[A-Z][\w'’-]*(?:\s+(?:da|de|do|del|la|le|[A-Z][\w'’-]*))*,?\s+(?:and\s+)?)*$")


# "Thabo Mokoena, 41, to life", "4. Ashok Mandal, 52, a tea-stall owner", "72-year-old Maria Quispe said".
_AGE_AFTER = re.compile(r",\s\d{1,3}(?:\s(?:and|or)\s\d{1,3})?,")
_AGE_BEFORE = re.compile(r"\b\d{1,3}-year-old\s+$")


def _aged_person(text: str, start: int, label: str, doc_text: str) -> str:
    """A name of two or three capitalised words with an age beside it is a person, whatever the model said."""
    words = text.split()
    if label == "PERSON" or not 2 <= len(words) <= 3 or not all(w[:1].isupper() for w in words) \
            or set(_fold(text).split()) & (_ORG_WORDS | _ORG_NAME_WORDS):
        return label
    end = start + len(text)
    if _AGE_AFTER.match(doc_text, end) or _AGE_BEFORE.search(doc_text[max(0, start - 20):start]):
        return "PERSON"
    return label


def _label(text: str, start: int, label: str, doc_text: str, datelines: dict[int, str],
           alias_labels: dict[str, str]) -> str:
    """The label, corrected: a dateline names a place ("IZMIR, March 3 (Wire) -"); the alias table
    knows "Nur-Sultan" is no person; "Kazakhstan" from a headline "Kazakhstan: …" is no organisation."""
    if datelines.get(start) == text:
        label = "GPE"
    label = alias_labels.get(text.casefold(), label)
    if label == "ORG" and text.casefold() in country_names():
        label = "GPE"
    if label in ("ORG", "PERSON") and " " not in text and _fold(text) in _known_places() \
            and text.casefold() not in alias_labels:
        label = "GPE"  # "Madaripur" tagged a person, "Arequipa" an organisation: one word the gazetteer knows
    return _org_or_place(text, start, label, doc_text, alias_labels)


def _model_mention(piece: Mention, doc_text: str, listed: list[tuple[int, int]], datelines: dict[int, str],
                   alias_labels: dict[str, str]) -> Mention | None:
    """One of the model's entities as a mention, or None for page furniture ("Articles 2", "H.E. Mr")."""
    raw_text, raw_start, label, long_role = piece
    placed = _cut_by_model(*_strip(raw_text, raw_start), label, listed)
    if placed is None:
        return None
    text, start, role = _split_role(*placed, doc_text, person=label == "PERSON")
    if _a_sum_for_a_place(text, label):
        return None
    label = _label(text, start, label, doc_text, datelines, alias_labels)
    if label == "PERSON":
        return _person(text, start, long_role or _long_role(doc_text, start) or role)
    role = long_role or role
    if role and len(text.split()) <= 3 and not set(text.casefold().split()) & _ORG_WORDS:
        label = "PERSON"  # "President Kassym-Jomart Tokayev" tagged ORG: a title makes it a person
    return text, start, label, role


def _a_sum_for_a_place(text: str, label: str) -> bool:
    """"the price of the diesel remains in Bs 11,20": no place (blind97)."""
    return label in ("GPE", "LOC") and bool(_A_SUM.search(text))


def _person(text: str, start: int, role: str | None) -> Mention | None:
    text = _cut_country(text)
    if _BAD_NAME.search(text) or not text[:1].isupper() or text.casefold() in _title_set():
        return None  # "Articles 2", "BelgrTel:+381", "H.E. Mr": page furniture, not people
    return text, start, "PERSON", role


def _table_spellings(found: _Found, spellings: re.Pattern, alias_labels: dict[str, str]) -> None:
    """Spellings of the alias table the model missed ("Alma-Ata")."""
    for m in spellings.finditer(found.doc_text):
        if found.free(m.start(), m.end()):
            found.add(m.group(0), m.start(), alias_labels[m.group(0).casefold()])


def _bracketed_acronyms(found: _Found, defined: dict[str, str]) -> None:
    """"the Geophysical Institute of Peru (IGP)": an acronym in brackets right after an organisation
    is that organisation, even when its initials are another language's."""
    ends = {start + len(text): text for text, start, label, _ in found.mentions if label == "ORG"}
    for m in _ACRONYM.finditer(found.doc_text):
        long = ends.get(m.start() - 1) or ends.get(m.start() - 2)
        if long is not None and m.group(1) not in defined:
            defined[m.group(1)] = long


def _long_forms(found: _Found, long_forms: list[tuple[int, int]]) -> None:
    for start, end in long_forms:
        if found.free(start, end):
            found.add(found.doc_text[start:end], start, "ORG")


def _acronyms(found: _Found, defined: dict[str, str]) -> None:
    """"PRCS" wherever written, once "the Pakistan Red Crescent Society (PRCS)" defined it."""
    for short in defined:
        for m in re.finditer(rf"(?<![\w-]){re.escape(short)}(?![\w-])", found.doc_text):
            if found.free(m.start(), m.end()):
                found.add(short, m.start(), "ORG")


def _org_names(found: _Found, cased: str) -> None:
    """Organisations of any country from their structure ("the Arequipa Regional Police Command", "the
    Vice-Ministry of Civil Defence", "NATIONAL POLICE OF PERU" as a heading), in place of the pieces
    the model made of them ("the Bolivian Police": [Bolivian] → one organisation)."""
    for start, end in org_phrases(cased):
        found.replace(start, end, "ORG")


_QUOTED_AFTER = re.compile(r"\s*[«\"“]([A-Z][\w’' -]{1,40}?)[»\"”]")


def _quoted_names(found: _Found) -> None:
    """'the National Chamber of Entrepreneurs "Atameken" said': the name in quotes after an
    organisation's descriptor belongs to it."""
    for text, start, label, _ in list(found.mentions):
        m = _QUOTED_AFTER.match(found.doc_text, start + len(text))
        if label == "ORG" and m and len(m.group(1).split()) <= 4:
            found.replace(start, m.end(), "ORG")


def _speakers(found: _Found) -> None:
    """"CHIOMA EZE: Good morning": a transcript's speaker, a person."""
    for m in SPEAKER.finditer(found.doc_text):
        if found.free(m.start(1), m.end(1)) and m.group(1).title().casefold() not in _known_places():
            found.add(m.group(1), m.start(1), "PERSON")


def _datelines(found: _Found, alias_labels: dict[str, str]) -> None:
    """"ALMATY, Jan 6 (Wire) -", "ALMATY - More than …": a known place."""
    for m in _DATELINE.finditer(found.doc_text):
        name = m.group(1).title()
        if found.free(m.start(1), m.end(1)) and (name.casefold() in alias_labels or _fold(name) in _known_places()):
            found.add(m.group(1), m.start(1), alias_labels.get(name.casefold(), "GPE"))


# A capitalised name right after a place preposition, not followed by another capitalised word:
# "from Deoghar", "near Beira", "in La Paz", "In Antalaha, where supplies are short" (opening a sentence).
_AFTER_PLACE_WORD = re.compile(r"\b(?:[Ii]n|[Ff]rom|[Nn]ear|[Aa]t)\s+([A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})"
                               r"(?![\w'’-]| [A-Z])")
_NOT_PLACES = {"january", "february", "march", "april", "august", "september", "october", "november", "december"}


def _places_after_prepositions(found: _Found) -> None:
    """"pilgrims who did not come home from Deoghar", "a tea-stall owner from Deoghar": a known city after
    a place preposition is a place, where the model found nothing (not "in March", not "in Police")."""
    for m in _AFTER_PLACE_WORD.finditer(found.doc_text):
        name = _fold(m.group(1))
        if name in _known_places() and name not in _NOT_PLACES and not set(name.split()) & _ORG_WORDS \
                and found.free(m.start(1), m.end(1)):
            found.add(m.group(1), m.start(1), "GPE")


# "in the Maule region", "the Maule and Ñuble regions", "Nakuru county": a capitalised name before a lower-case
# word for a region is a place, where the model found nothing.
_CAPITAL = "[^\\W\\d_a-zß-ÿ]"  # an upper-case letter, "Ñ" too
_REGION_AFTER = re.compile(rf"\b({_CAPITAL}[\w'’-]+(?: {_CAPITAL}[\w'’-]+)?)(?: and ({_CAPITAL}[\w'’-]+))?\s+"
                           r"(?:region|province|district|department|county|governorate|prefecture|oblast|commune|"
                           r"municipality)s?\b")


# A letter's place and date line: "Arequipa, Wednesday 22 April 2026", "Lima, 3 May".
_PLACE_AND_DATE_LINE = re.compile(r"(?m)^([^\W\d_][\w'’-]+(?: [^\W\d_][\w'’-]+)?),\s+(?=(?:Mon|Tues|Wednes|Thurs|Fri|"
                                  r"Satur|Sun)day\b|\d{1,2}\s+[A-Z][a-z]+)")


def _place_date_lines(found: _Found) -> None:
    for m in _PLACE_AND_DATE_LINE.finditer(found.doc_text):
        if _fold(m.group(1)) in _known_places() and found.free(m.start(1), m.end(1)):
            found.add(m.group(1), m.start(1), "GPE")


def _named_regions(found: _Found) -> None:
    for m in _REGION_AFTER.finditer(found.doc_text):
        for group in (1, 2):
            name = m.group(group)
            if name and not set(_fold(name).split()) & (_ORG_WORDS | _NOT_PLACES) and name.casefold() != "the" \
                    and found.free(m.start(group), m.end(group)):
                found.add(name, m.start(group), "GPE")


def _initial_names(found: _Found) -> None:
    """"N.Pashinyan", "K. Tokayev": initial-dot-surname names the model often misses (not "H.E. Mr")."""
    doc_text = found.doc_text
    for m in _INITIAL_NAME.finditer(doc_text):
        if found.free(m.start(), m.end()) and _surname(m.group(0)).casefold() not in _title_set():
            role = _long_role(doc_text, m.start()) or _split_role(m.group(0), m.start(), doc_text)[2]
            found.mentions.append((m.group(0), m.start(), "PERSON", role))


def raw_mentions(doc: Doc) -> list[Mention]:
    """(text, start, label, role) for the entities of a parsed text: the model's first, then in this
    order what rules find in the free text: alias-table spellings, acronyms and their long forms,
    datelines, initial-and-surname names."""
    doc_text = layout.doc_text(doc)  # joined once per Doc: spaCy rebuilds it on every access
    spellings, alias_labels = _alias_spellings()
    defined = acronym_definitions(doc_text)  # "the Pakistan Red Crescent Society (PRCS)"
    long_forms = [(m.start(), m.end()) for long in set(defined.values())
                  for m in re.finditer(re.escape(long), doc_text)]
    listed = [(m.start(), m.end()) for m in spellings.finditer(doc_text)] + long_forms
    datelines = {m.start(1): m.group(1) for m in _DATELINE.finditer(doc_text) if _fold(m.group(1)) in _known_places()}
    found = _Found(doc_text)
    for piece in _pieces(doc):
        mention = _model_mention(piece, doc_text, listed, datelines, alias_labels)
        if mention is not None:
            found.add(*mention)
    _org_names(found, cased_lines(doc_text))
    _quoted_names(found)
    _table_spellings(found, spellings, alias_labels)
    _bracketed_acronyms(found, defined)
    _long_forms(found, long_forms)
    _acronyms(found, defined)
    _datelines(found, alias_labels)
    _speakers(found)
    _places_after_prepositions(found)
    _named_regions(found)
    _place_date_lines(found)
    _initial_names(found)
    _capitals_named_elsewhere(found)
    return sorted(found.mentions, key=lambda f: f[1])


def _capitals_named_elsewhere(found: _Found) -> None:
    """"CAMEROON: BAMENDA MARCH BROKEN UP" over a cable that names Bamenda in running text (blind94): a heading in
    capitals repeats a name the text writes in mixed case, which the model does not read in capitals."""
    for text, label in _places_to_spread(found).items():
        for m in re.finditer(rf"(?<![\w-]){re.escape(text.upper())}(?![\w-])", found.doc_text):
            if found.free(m.start(), m.end()) and _whole_capitals_run(found.doc_text, m.start(), m.end()):
                found.add(m.group(), m.start(), label)


# Words that join a name in capitals to a longer one: "THE MALTA COURIER", "PORT OF CASABLANCA", "CITY OF COTONOU".
_JOINING_BEFORE = {"of", "the", "de", "del", "du", "la", "and", "for", "port", "city", "republic", "government"}
_JOINING_AFTER = {"of", "de", "del", "du", "and", "courier", "review", "ledger", "times", "post", "news", "monitor",
                  "brief", "report", "sentinel", "daily", "herald", "central"} | _ORG_WORDS | _ORG_NAME_WORDS


def _places_to_spread(found: _Found) -> dict[str, str]:
    """Places only: the model's label of other names is too often wrong to be spread ("Sondeos Andinos" a person,
    blind88), a word of an organisation is no name ("Government" of "GOVERNMENT OF NEPAL"), and a place that opens a
    longer name of another kind is left alone ("Thpong" beside "THPONG CLASH", taken for a person; blind82)."""
    names = {text: label for text, _, label, _ in found.mentions if len(text) >= 4 and not text.isupper()
             and label in ("GPE", "LOC")}
    longer = [text.casefold() for text, _, label, _ in found.mentions if label not in ("GPE", "LOC")]
    return {text: label for text, label in names.items()
            if not any(name.startswith(text.casefold() + " ") for name in longer)}


def _whole_capitals_run(text: str, start: int, end: int) -> bool:
    """Not a piece of a longer name in capitals: "NEPAL" of "GOVERNMENT OF NEPAL", "MALTA" of "THE MALTA COURIER";
    but "BAMENDA" of a headline "CAMEROON: BAMENDA MARCH BROKEN UP"."""
    before = re.search(r"(\S+)[ \t]+$", text[max(0, start - 40):start])
    after = re.match(r"[ \t]+(\S+)", text[end:end + 40])
    return not (before and before.group(1).lower() in _JOINING_BEFORE
                or after and after.group(1).lower().rstrip(".,:;") in _JOINING_AFTER)


@functools.lru_cache(maxsize=1)
def _title_set() -> frozenset[str]:
    return frozenset(t.casefold().rstrip(".") for t in _tables()[2]) | frozenset(t.casefold() for t in _tables()[2])


def _surname(name: str) -> str:
    return re.split(r"[\s.]+", name.strip())[-1]


def _acronyms_in(mentions: list[Mention], doc_text: str) -> dict[str, str]:
    """Acronym → long name: defined in the text, in brackets after an organisation ("Geophysical
    Institute of Peru (IGP)"), or the initials of an organisation named in full."""
    acronyms = acronym_definitions(doc_text)
    ends = {start + len(text): text for text, start, label, _ in mentions if label == "ORG"}
    for text, start, _, _ in mentions:
        long = ends.get(start - 1) or ends.get(start - 2)
        if long is not None and _bracketed(text, start, doc_text):
            acronyms.setdefault(text, long)
    return {**_initial_acronyms(mentions), **acronyms}


def _initial_acronyms(mentions: list[Mention]) -> dict[str, str]:
    """"CSTO" for a "Collective Security Treaty Organization" named in the text (the first such name)."""
    initials = {_initials(t): t for t, _, label, _ in reversed(mentions) if label == "ORG" and " " in t}
    return {k: v for k, v in initials.items() if len(k) >= 2}


def _bracketed(text: str, start: int, doc_text: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]{2,8}", text)) and doc_text[start - 1:start] == "("


def _full_names(mentions: list[Mention]) -> dict[str, str]:
    """Surname → the longest full name of a person with it written in the text."""
    full_names: dict[str, str] = {}
    for text, _, label, _ in mentions:
        text = uncapped(" ".join(text.split()))
        if label == "PERSON" and " " in text and not _INITIAL_NAME.fullmatch(text):
            key = _surname(text).casefold()
            if len(text) > len(full_names.get(key, "")):
                full_names[key] = text
    return full_names


def _given_names(full_names: dict[str, str]) -> dict[str, str]:
    """First name → the one full name written in the text that starts with it ("Bashir" → "Bashir Lawal";
    a first name two people share is left alone)."""
    firsts: dict[str, set[str]] = {}
    for full in full_names.values():
        firsts.setdefault(full.split()[0].casefold(), set()).add(full)
    return {first: next(iter(names)) for first, names in firsts.items() if len(names) == 1}


def _person_name(name: str, label: str, full_names: dict[str, str], firsts: dict[str, str]) -> str:
    """A surname alone (often labelled an organisation: "Seitkali said") met in full elsewhere in the
    text, or in the surname table, is that person; so is a first name alone ("Amna said") when one
    person of the text has it and it names no place."""
    key = _surname(name).casefold()
    if label == "PERSON" or (" " not in name and key in full_names):
        full = full_names.get(key) or _tables()[0].get(key)
        if full and _initials_agree(name, full):
            return full
    return _given_name(name, label, firsts)


def _given_name(name: str, label: str, firsts: dict[str, str]) -> str:
    key = name.casefold()
    if " " not in name and key in firsts and label != "ORG" and _fold(name) not in _known_places():
        return firsts[key]
    return name


def _place_name(name: str, label: str) -> str:
    """A dateline's "IZMIR" is Izmir; "Republic of Armenia" is Armenia."""
    if label != "GPE":
        return name
    if name.isupper() and len(name) > 3:
        name = name.title()
    republic = re.fullmatch(r"(?:the )?Republic of (.+)", name, re.I)
    return republic.group(1) if republic and republic.group(1).casefold() in country_names() else name


_QUOTED = re.compile(r"^(?P<descriptor>.+?)\s*[«\"“](?P<name>[^«»\"“”]{2,60})[»\"”]?$")


def _quoted_forms(mentions: list[Mention]) -> dict[str, str]:
    """"the National Chamber of Entrepreneurs «Atameken»" and "Atameken": one organisation, named by
    its descriptor and its name, without the guillemets or quotes ("National Chamber of Entrepreneurs
    Atameken")."""
    forms = {}
    for text, _, label, _ in mentions:
        m = _QUOTED.match(" ".join(text.split())) if label == "ORG" else None
        if m:
            whole = f"{m.group('descriptor')} {m.group('name').strip()}"
            forms[" ".join(text.split())] = forms[m.group("name").strip()] = whole
    return forms


@functools.lru_cache(maxsize=1)
def _country_spellings() -> dict[str, str]:
    """A country's spelling, casefolded → its canonical name: "the republic of kazakhstan" → "Kazakhstan"."""
    names = {c["name"].casefold(): c["name"] for c in places.countries().values()}
    # "the Ministry of Health of the Republic of Uzbekistan": any country's formal style, not only the
    # alias table's (which gives Kazakhstan's).
    names.update({f"republic of {name}": canonical for name, canonical in list(names.items())})
    for entry in alias_table()["aliases"]:
        if entry["canonical"].casefold() in names:
            names.update((n.casefold().removeprefix("the "), entry["canonical"]) for n in entry["names"])
    return names


def _possessive_country(doc_text: str, start: int) -> str | None:
    """"Nigeria's Ministry of Finance": the country whose body it is, written before it."""
    m = re.search(r"((?:[A-Z][\w-]*\s){0,2}[A-Z][\w-]*)['’]s\s+$", doc_text[max(0, start - 40):start])
    words = m.group(1).split() if m else []
    found = (_country_spellings().get(" ".join(words[-n:]).casefold()) for n in range(len(words), 0, -1))
    return next((country for country in found if country), None)


def _body_forms(mentions: list[Mention], doc_text: str) -> dict[int, tuple[str, str | None]]:
    """Each organisation's mention index → (the body's name, its country if written with it)."""
    aliases, spellings = _tables()[1], _country_spellings()
    forms: dict[int, tuple[str, str | None]] = {}
    for i, (text, start, label, _) in enumerate(mentions):
        if label == "ORG":
            body, country = country_form(uncapped(" ".join(text.split())), spellings)
            owner = _possessive_country(doc_text, start) if has_head(body) else None
            forms[i] = aliases.get(body.casefold(), body), country or owner
    return forms


def _country_forms(mentions: list[Mention], doc_text: str) -> dict[int, str]:
    """"the Security Council", "the Security Council of Kazakhstan", "Kazakhstan's Security Council"
    in one text: one body, named "Security Council of Kazakhstan" (the bare form only when one country's
    body of that name is written). Mention index → that name."""
    forms = _body_forms(mentions, doc_text)
    countries: dict[str, set[str]] = {}
    for body, country in forms.values():
        countries.setdefault(body, set()).update([country] if country else [])
    named = {i: country or next(iter(countries[body])) for i, (body, country) in forms.items()
             if country or len(countries[body]) == 1}
    return {i: f"{forms[i][0]} of {country}" for i, country in named.items()}


def canonical_names(mentions: list[Mention], doc_text: str) -> list[str]:
    """One canonical name per mention, shared by its other spellings in the same text."""
    aliases = _tables()[1]
    acronyms = {**_quoted_forms(mentions), **_acronyms_in(mentions, doc_text)}
    bodies = _country_forms(mentions, doc_text)
    full_names = _full_names(mentions)
    firsts = _given_names(full_names)
    out = []
    for i, (text, _, label, _) in enumerate(mentions):
        name = uncapped(" ".join(text.split()))
        name = bodies.get(i) or acronyms.get(name, name)
        if name.casefold() not in aliases:
            name = _place_name(_person_name(name, label, full_names, firsts), label)
        name = aliases.get(name.casefold(), name)
        out.append(people_noun(name) if label == "NORP" else name)
    return out


def _initials_agree(name: str, full: str) -> bool:
    """'K.Tokayev' may be Kassym-Jomart Tokayev; 'A.Tokayev' may not."""
    initials = _INITIAL_NAME.fullmatch(name)
    return not initials or name[0].casefold() == full[0].casefold()


def _usual_label(canonical: str, count: Counter[str]) -> str:
    """A known city the model once saw as a place ("Guayaquil") is a place; a name with organisation
    words ("CITU", once called a person) an organisation; a full name the model once saw as a person
    a person, however often its surname alone was mislabelled; else the label given most often."""
    if count["GPE"] and " " not in canonical and _fold(canonical) in _known_places():
        return "GPE"
    if set(_fold(canonical).split()) & _ORG_NAME_WORDS and count["ORG"]:
        return "ORG"
    if count["PERSON"] and " " in canonical:
        return "PERSON"
    return count.most_common(1)[0][0]


def _usual_labels(mentions: list[Mention], canonicals: list[str]) -> list[str]:
    """One label per canonical name, the one the model gave most often ('Almaty' is a place even
    where the model once called it an organisation)."""
    counts: dict[str, Counter[str]] = {}
    for (_, _, label, _), canonical in zip(mentions, canonicals, strict=True):
        counts.setdefault(canonical, Counter())[label] += 1
    usual = {canonical: _usual_label(canonical, count) for canonical, count in counts.items()}
    return [usual[c] if label != "PERSON" or usual[c] != "PERSON" and (
        usual[c] == "GPE" or set(_fold(c).split()) & _ORG_NAME_WORDS) else label
        for (_, _, label, _), c in zip(mentions, canonicals, strict=True)]


def entity_mentions(doc: Doc) -> list[EntityMention]:
    mentions = raw_mentions(doc)
    canonicals = canonical_names(mentions, layout.doc_text(doc))
    labels = _usual_labels(mentions, canonicals)
    return [EntityMention(text=text, start=start, end=start + len(text), label=label, canonical=canonical, role=role)
            for (text, start, _, role), label, canonical in zip(mentions, labels, canonicals, strict=True)]


def acronym_definitions(text: str) -> dict[str, str]:
    """'Long Name (ACR)' written in a text: ACR → the shortest run of words before it whose
    initials spell it ('the Shanghai Cooperation Organisation (SCO)' → 'Shanghai Cooperation Organisation')."""
    found: dict[str, str] = {}
    for m in _ACRONYM.finditer(text):
        words, short = text[max(0, m.start() - 150):m.start()].split()[-10:], m.group(1)
        for n in range(1, len(words) + 1):
            candidate = words[-n:]
            if candidate[0][0].isupper() and _initials(" ".join(candidate)) == short:
                found.setdefault(short, " ".join(candidate))
                break
    return found


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w.lower() not in _SMALL_WORDS and w[0].isupper())


def merge_canonicals(entities: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """Across documents: a surname (or initial and surname) → the one full name ending with it;
    an acronym → the one organisation name whose initials it is. Ambiguous names stay as they are."""
    entities = set(entities)
    full: dict[str, set[str]] = {}
    long_orgs: dict[str, set[str]] = {}
    for canonical, label in entities:
        if label == "PERSON" and " " in canonical and not _INITIAL_NAME.fullmatch(canonical):
            full.setdefault(_surname(canonical).casefold(), set()).add(canonical)
        if label != "PERSON" and " " in canonical:
            long_orgs.setdefault(_initials(canonical), set()).add(canonical)
    return {(canonical, label): _merged(canonical, label, full, long_orgs) for canonical, label in entities}


def _merged(canonical: str, label: str, full: dict[str, set[str]], long_orgs: dict[str, set[str]]) -> str:
    if label == "PERSON" and (" " not in canonical or _INITIAL_NAME.fullmatch(canonical)):
        names = {n for n in full.get(_surname(canonical).casefold(), set()) if _initials_agree(canonical, n)}
        return next(iter(names)) if len(names) == 1 else canonical
    if label != "PERSON" and canonical.isupper() and len(long_orgs.get(canonical, ())) == 1:
        return next(iter(long_orgs[canonical]))
    return canonical

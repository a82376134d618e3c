"""The place a figure is limited to, a key stored with it (``Figure.scope``; English rules).

The parse attaches "detained in Almaty" to its figure (``en/claims.scope_of``); this key
starts from that and adds the places the parse misses, reading the figure's sentence for
the names the document tags as a city or region anywhere (a model that tags a town in one
sentence often misses it in the next):

- "17 in Tessin", "46 persons in Dravo", "35 of them in Kelmora": the place right after the
  figure (and its counted words);
- "Karaganda's detentions reached 40": a possessive before the figure's noun;
- a table row "| Detained in Karaganda | 63 |": the row's label naming a place.

A place the parse gave is dropped when it is no city or region (a quay, a building: a
place inside the story, not a part of its toll), when it is one of several ("detained in
Dravo and Tessin" is no single place's count), or when another figure of the sentence
holds it ("90 people, 35 of them in Kelmora": the 35 is Kelmora's, the 90 is the total).
A country is a scope only where a document splits one count between countries ("nine suspected
smugglers, three in Cyprus and six in Lebanon": ``country_parts``); elsewhere its count is the
national total.

A figure of the places beside a named one ("86 in Almaty and 63 in seven other regions", "63
outside Almaty", "200 elsewhere", a row "| Seven other regions | 63 |") takes no name of the
sentence: its scope is ``ELSEWHERE``, one key however the rest is written.

"The capital" is a place too: the capital of the country the document names most (counting the
places of it it names), under the spelling the document uses ("43 were detained in the capital" in
a text on Paraguay is Asunción's). So is "the city" under a local paper's dateline: the dateline's town ("PARAKOU –
… four people had died in the city").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from ..models import Analysis, EntityMention, Figure, Sentence
from ..places import CAPITAL, Place, capital, capital_spellings, countries_written, country_code, is_known_place, locate
from .en.entities import DATELINE_TOWN, country_names

_PLACE_LABELS = {"GPE", "LOC"}
# Labels the model gives a town it does not know, kept when the gazetteer knows the name: "Karaganda" as a
# person, "Dire Dawa" as a facility.
_OFTEN_A_TOWN = {"PERSON", "FAC"}
# Between a figure and its place: up to two words of its own ("46 persons", "40 people died"),
# "of them", then "in"/"at" and maybe "the city of". "112 people, 63 in Dravo" holds no comma.
# "72 died in the Maule region", "16 in neighbouring Ñuble": "the" and a word of where before the name.
_TO_PLACE = re.compile(r"(?:\s+[a-z][\w-]*){0,2}?(?:\s+of (?:them|whom|those|the(?:\s+\d[\d,.]*)?\s+[a-z]+)"
                       r"(?:\s+(?:were|was|died|are))?)?\s+(?:in|at)\s+"
                       r"(?:the\s+(?:city|town|capital|region|province|district)(?:\s+of|,)?\s+|the\s+)?"
                       r"(?:(?:neighbou?ring|nearby|coastal|northern|southern|eastern|western|central)\s+)?", re.I)
# "25 were from Ban Phou Hok, 9 from Ban Na Lao", "1,240 people evacuated from La Lima and 380 from Choloma": where
# they were from is their place too, though not for troops sent ("2,000 troops from Bishkek").
_TO_OR_FROM_PLACE = re.compile(_TO_PLACE.pattern.replace(r"\s+(?:in|at)\s+", r"\s+(?:in|at|from)\s+", 1), re.I)
# The place written next to a count as whose it is: "| Evacuated | 6,800 (Ruse); 1,300 (Giurgiu, Romania) |",
# "evacuated 1,300 residents of Giurgiu".
_ITS_PLACE_NEXT = re.compile(r"\s*\(\s*|\s+(?:residents|inhabitants|villagers|citizens|people)\s+of\s+(?:the\s+)?",
                             re.I)
_WHOLE_OF_A_PART = re.compile(r"\b\w+\s+of\s+(?:the|those)\s+$", re.I)
# A possessive before the figure: "Karaganda's detentions reached 40", "Karaganda's 40 detainees".
_OWNER = re.compile(r"['’]s((?:\s+[\w-]+){0,4})\s+$")
# Another place joined to a place: "in Dravo and Tessin", "Dravo, Tessin".
# "in Dravo and Tessin", "at Roma and in Maseru" (blind133); not "held in Karakol, and in Tokmok about 800 people
# blocked the road", a clause of its own (blind64)
_JOINED = r"\s*(?:,|and|or|&)\s*(?:and\s+)?|\s+and\s+(?:in|at)\s+"
_TOLL_WORDS = {"toll", "death", "detention", "arrest", "casualty", "total", "figure", "count", "number"}


# The scope of a figure counting the rest of the country beside a place named.
ELSEWHERE = "rest of the country"
# (pattern, example): words saying a figure counts the places beside one named.
_OTHER_PLACES = (r"(?:in\s+)?(?:the\s+)?(?:[\w-]+\s+)?other\s+(?:regions?|cities|towns|provinces|oblasts|districts"
                 r"|parts of the country|places|areas)|elsewhere|(?:in\s+)?the\s+rest\s+of\s+the\s+country")
_ELSEWHERE_RULES = (
    (re.compile(r"^(?:\s+[a-z][\w-]*){0,2}?(?:\s+of (?:them|whom|those))?\s+(?:" + _OTHER_PLACES + r")\b", re.I),
     "86 attackers had been killed in Almaty and 63 in seven other regions"),
    (re.compile(r"(?:^|[,;:]\s*)(?:" + _OTHER_PLACES + r"),?\s+(?:(?:at least|about|some|another|a further)\s+)?$",
                re.I), "Elsewhere, 63 were killed"),
)
# "63 outside Almaty", "Outside Almaty, 63 died": outside a place the document names.
_OUTSIDE_AFTER = re.compile(r"(?:\s+[a-z][\w-]*){0,2}?\s+outside(?:\s+of)?\s+", re.I)
_OUTSIDE_BEFORE = re.compile(r"(?:^|[,;:]\s*)outside(?:\s+of)?\s+$", re.I)


def _elsewhere(figure: Figure, mentions: list[tuple[int, int, str]]) -> bool:
    """A figure of the places beside a named one: "63 in seven other regions", "63 outside Almaty",
    "Elsewhere, 63 died", a table row "| Seven other regions | 63 |"."""
    sentence, (start, end) = figure.sentence or "", _offsets(figure)
    if _ELSEWHERE_RULES[0][0].match(sentence[end:]) or _ELSEWHERE_RULES[1][0].search(sentence[:start]):
        return True
    line_start = sentence.rfind("\n", 0, start) + 1
    label = sentence[line_start:start]
    in_row = "|" in label and re.search(_OTHER_PLACES + r"|\boutside\b", label, re.I) is not None
    return in_row or any(_outside(sentence, start, end, m) for m in mentions)


def _outside(sentence: str, start: int, end: int, mention: tuple[int, int, str]) -> bool:
    """"63 outside Almaty", "Outside Almaty, 63 died"."""
    if mention[0] > end:
        return _OUTSIDE_AFTER.fullmatch(sentence[end:mention[0]]) is not None
    return mention[1] < start and _OUTSIDE_BEFORE.search(sentence[:mention[0]]) is not None \
        and re.fullmatch(r",?\s+(?:[\w-]+\s+){0,2}", sentence[mention[1]:start]) is not None


# A crowd's town named where it gathered: "marched through Dravo", "a gathering in Dravo",
# "Dravo's main square", "spread to Almaty, where 5,000 marched"; "attacked Almaty" is no place of the crowd.
_CROWD_PLACE_BEFORE = re.compile(r"\b(?:in|through|on|at|to|into|across|around|of|near)\s+(?:the\s+)?$", re.I)
_CROWD_PLACE_AFTER = re.compile(r"^['’]s\b")


def _crowd_town(figure: Figure, mentions: list[tuple[int, int, str]]) -> str | None:
    """The one town a crowd's sentence names as where it was: "Police put the crowd that marched
    through Dravo at 1,500; organisers claimed 10,000" (both Dravo's); none where it names two
    but the town its own "where" clause opens on (``_where_town``)."""
    sentence = figure.sentence or ""
    if figure.claim_type != "protesters":
        return None
    if len({m[2] for m in mentions}) != 1:
        return _where_town(figure, mentions)
    where = [m for m in mentions if _CROWD_PLACE_BEFORE.search(sentence[:m[0]])
             or _CROWD_PLACE_AFTER.match(sentence[m[1]:])]
    return where[0][2] if where and not _joined(sentence, where[0], mentions) else None


_WHERE_CLAUSE = re.compile(r",\s+where\s+[^,;.]{0,40}$", re.I)


def _where_town(figure: Figure, mentions: list[tuple[int, int, str]]) -> str | None:
    """"the protests that began in Zhanaozen spread to Almaty, where at least 5,000 people marched":
    the town the figure's "where" clause is about."""
    sentence, (start, _) = figure.sentence or "", _offsets(figure)
    before = [m for m in mentions if m[1] <= start]
    last = before[-1] if before else None
    return last[2] if last and _WHERE_CLAUSE.match(sentence[last[1]:start]) else None


def _place_canonical(entity: EntityMention, put_in: set[str]) -> str | None:
    """The canonical name of a city or region, else None. The model often calls a town a person
    ("Karaganda", known to the gazetteer), a facility ("Dire Dawa") or an organisation; a one-word
    "person" or "organisation" the text puts a thing "in" is a town ("public order in Dravo", "a march in
    Dravo"), under its own name: a town merged with a paper named after it ("Dravo" into "Glas Dravo") is the town."""
    if entity.label in _PLACE_LABELS or (entity.label in _OFTEN_A_TOWN and is_known_place(entity.canonical)):
        return entity.canonical
    one_word = entity.label in ("ORG", "PERSON") and " " not in entity.text
    return entity.text if one_word and entity.text in put_in else None


# Words a text puts a thing in ("a march in Dravo", "72 died in the Maule region", "16 in neighbouring Ñuble")
# or calls a region ("the Maule region"): read once per text, not once per name.
_PUT_IN = re.compile(r"\bin (?:the )?(?:neighbou?ring )?([^\W\d_][\w'’-]*)\b(?!['’]s)")
_NAMED_REGION = re.compile(r"\b([^\W\d_][\w'’-]*)\s+(?:region|province|oblast|district|county|governorate|"
                           r"prefecture)\b", re.I)


def _put_in_words(text: str) -> set[str]:
    return {m.group(1) for pattern in (_PUT_IN, _NAMED_REGION) for m in pattern.finditer(text)}


# A table whose first column holds places: "| Village | Dead | Missing |" over "| Ban Na Lao | 7 | 7 |".
# "| Sub-county | Admitted | Deaths |" (blind54).
_PLACE_COLUMN = re.compile(r"\s*\|?\s*(?:sub-?)?(?:village|town|city|district|province|region|neighbou?rhood|"
                           r"municipality|commune|county|area|locality|location|place|settlement|governorate|island|"
                           r"atoll|ward|constituency|parish|prefecture|canton|oblast|"
                           r"wing|block|pavilion)s?\s*\|", re.I)  # a prison's wings: "| Wing | PPL killed |" (blind62)
_RULE_ROW = re.compile(r"\s*\|?\s*:?-{3,}")
_FIRST_CELL = re.compile(r"\s*\|\s*([^\W\d_][^|(]*?)\s*(?:\(|\|)")


def _row_places(text: str) -> set[str]:
    """The first cells of the rows under a header that names places, whether or not the model tagged them (not
    "Total", "Other"): "| Ban Na Lao | 7 | 7 | 37 |" under "| Village | Dead | Missing | Houses |"."""
    names: set[str] = set()
    lines = [line for line in text.split("\n") if line.strip()]  # sentences end in their own line breaks
    under = False
    for before, line in zip(["", *lines], lines, strict=False):
        # a header row is one over the rule of dashes: "| Location | Dravo |" in an infobox is a row of its own
        under = bool(_PLACE_COLUMN.match(before) and _RULE_ROW.match(line)) or (under and line.lstrip()[:1] == "|")
        cell = _FIRST_CELL.match(line) if under else None
        if cell and cell.group(1).casefold() not in _LABELS_NOT_PLACES:
            names.add(cell.group(1))
    return names


def place_names(analysis: Analysis) -> dict[str, str]:
    """The names a document tags as a city or region, not a country, with their canonical names; the places a
    table lists in its first column."""
    countries = country_names()
    text = "\n".join(s.text for s in analysis.sentences)
    put_in = _put_in_words(text)
    names: dict[str, str] = {name: name for name in _row_places(text) if name.casefold() not in countries}
    for entity in analysis.entities:
        canonical = _place_canonical(entity, put_in)
        if canonical is None or _no_towns_name(canonical, entity):
            continue
        for name in (entity.text, canonical):
            if name.casefold() not in countries and len(name) > 1:
                names[name] = canonical
    return names | _towns_by_their_words(analysis, names, countries) | _capital_names(analysis, names, text) \
        | _dateline_city(analysis, names)


# A kind of place the model tags as one: "the City of Blantyre" names Blantyre, not a town called "City" (blind106).
_KINDS_OF_PLACE = frozenset({"city", "town", "village", "region", "province", "district", "county", "state",
                             "municipality", "capital"})


def _no_towns_name(canonical: str, entity: EntityMention) -> bool:
    return _STATE_STYLE.search(canonical) is not None or entity.text.casefold() in _KINDS_OF_PLACE


def _towns_by_their_words(analysis: Analysis, names: dict[str, str], countries: frozenset[str]) -> dict[str, str]:
    """A town the figures layer found by its words alone ("in the southern city of Osh", blind64), the gazetteer
    knowing it."""
    scopes = {f.scope for f in analysis.figures if f.scope and f.scope not in names and f.scope != CAPITAL}
    return {scope: scope for scope in scopes if scope.casefold() not in countries and is_known_place(scope)}


# The country's capital, written without its name: "43 were detained in the capital". Not "the regional capital".
_THE_CAPITAL = ("the capital city", CAPITAL, "the country's capital", "the nation's capital",
                "the country’s capital", "the nation’s capital")


def _capital_names(analysis: Analysis, names: dict[str, str], text: str) -> dict[str, str]:
    """"the capital" under the name of the capital of the country the document is about, spelled as the document
    spells it if it names the city ("Asunción"), else as the gazetteer does."""
    if "capital" not in text:
        return {}
    home = _home_country(analysis, names, text)
    city = capital(home) if home else None
    if city is None:
        return {}
    spelled = _spelled(city, names, text)
    return {phrase: spelled for words in _THE_CAPITAL for phrase in (words, words[0].upper() + words[1:])}


_THE_CITY = ("the city", "the town")


def _dateline_city(analysis: Analysis, names: dict[str, str]) -> dict[str, str]:
    """"four people had died in the city" under the dateline "PARAKOU –" counts Parakou (blind117): the facts layer
    gives such a count its town where the text names no other place before it; here "the city" is that town's name."""
    # the model splits "PARAKOU – The hospital said" into sentences of their own: read the opening lines whole
    opening = DATELINE_TOWN.search(" ".join(s.text.rstrip(" ") for s in analysis.sentences[:6]))
    town = names.get(opening.group(1)) if opening else None
    # as the text writes the town elsewhere ("Ma'an"), not as the capitals were title-cased ("Ma'An")
    spelled = next((name for name in names.values() if town and name.casefold() == town.casefold() and name != town),
                   town)
    return dict.fromkeys(_THE_CITY, spelled) if spelled else {}


def _spelled(city: Place, names: dict[str, str], text: str) -> str:
    """The city as the document names it, else as it writes it, else as the gazetteer does."""
    named = (n for n in sorted(set(names.values())) if (found := locate(n)) and found.geonameid == city.geonameid)
    written = (n for n in capital_spellings(city.country_code) if n in text)
    return next(named, None) or next(written, city.name)


def _country_of(entity: EntityMention, names: dict[str, str]) -> str | None:
    """The country a mention names, or the country of the place it names."""
    code = country_code(entity.canonical) if entity.label in _PLACE_LABELS else None
    found = locate(names[entity.text]) if code is None and entity.text in names else None
    return found.country_code if found else code


def _home_country(analysis: Analysis, names: dict[str, str], text: str) -> str | None:
    """The country a document names most, counting the country itself and each place of it it names; else the
    country or capital written where the model tagged no place ("Ulaanbaatar fuel protests turn violent"); None on
    a tie."""
    counts = Counter(code for entity in analysis.entities if (code := _country_of(entity, names)))
    ranked = (counts or Counter(countries_written(text))).most_common(2)
    return ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None


# A state in its formal style is a country, whatever its name: "helicopters of the Italian Republic",
# "the Kyrgyz Republic", "the United Kingdom", "the Russian Federation".
_STATE_STYLE = re.compile(r"\b(?:Republic|Kingdom|Federation|Emirates|Confederation|Commonwealth)\b")


def _mentions(sentence: str, names: dict[str, str]) -> list[tuple[int, int, str]]:
    """(start, end, canonical) of each place named in a sentence, longest name first where they overlap."""
    if not names:
        return []
    pattern = r"\b(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b"
    # not a town's name opening a longer one: "Galle" in "Galle Face Green", a square in Colombo (blind77)
    return [(m.start(), m.end(), names[m.group()]) for m in re.finditer(pattern, sentence)
            if not _LONGER_NAME.match(sentence, m.end())]


_LONGER_NAME = re.compile(r" (?:[A-Z][a-z]+ )?(?:Green|Square|Park|Road|Street|Avenue|Face|Gate|Bridge|Hall|Stadium|"
                          r"Market|Station|Circle|Roundabout)\b")


def _offsets(figure: Figure) -> tuple[int, int]:
    start = max(0, figure.start - (figure.sentence_start or 0))
    return start, start + (figure.end - figure.start)


_AND_OTHERS = re.compile(r"\s*(?:,|and|or)\s+(?:" + _OTHER_PLACES + r")\b", re.I)
# Names listed after a place, known or not: "in the SAVA, Analanjirofo, Atsinanana and Alaotra-Mangoro regions".
_LISTED_AFTER = re.compile(r",\s*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s*(?:,|and\b|or\b)")


def _joined(sentence: str, mention: tuple[int, int, str], mentions: list[tuple[int, int, str]]) -> bool:
    """One of several places: "in Dravo and Tessin", "in Asunción and other towns" name no single place."""
    start, end, _ = mention
    if _AND_OTHERS.match(sentence, end) or _LISTED_AFTER.match(sentence, end):
        return True
    # another name of the same place is no other place: "in the capital, Asunción"
    return any(re.fullmatch(_JOINED, sentence[end:o_start]) or re.fullmatch(_JOINED, sentence[o_end:start])
               for o_start, o_end, other in mentions if (o_start, o_end) != (start, end) and other != mention[2])


def _after(figure: Figure, mentions: list[tuple[int, int, str]]) -> tuple[int, int, str] | None:
    """The place right after the figure: "17 in Tessin", "35 of them in Kelmora"; not the whole of a part put
    there ("Nine of the 23 dead were in Sindhupalchowk": the nine were)."""
    sentence, (start, end) = figure.sentence or "", _offsets(figure)
    if _WHOLE_OF_A_PART.search(sentence[:start]):
        return None
    to_place = _TO_PLACE if figure.claim_type in ("deployed", "price") else _TO_OR_FROM_PLACE
    bracket_is_a_place = not _COUNTERS_BRACKETED.search(sentence)
    return next((m for m in mentions if m[0] > end and (
        to_place.fullmatch(sentence[end:m[0]]) or _ITS_PLACE_NEXT.fullmatch(sentence[end:m[0]])
        and (bracket_is_a_place or "(" not in sentence[end:m[0]]))), None)


# Who counted, in brackets after another count of the sentence or cell: then a name in brackets is who counted
# too, not a place: "| Deaths | 23 (police)[1] 34 (Ondjango)[2] |", "between 6,000 (police) and 80,000
# (organisers)" (blind85).
_COUNTERS_BRACKETED = re.compile(r"\d\+?\s*\((?:the\s+)?(?:police|government|officials?|organi[sz]ers|authorities|"
                                 r"ministry|army|military|hospitals?|state media|unions?|opposition)\)", re.I)


def _before_its_bracket(figure: Figure, mentions: list[tuple[int, int, str]]) -> tuple[int, int, str] | None:
    """"registered in Ciudad del Este (3), Asunción (2)": the place a count in brackets follows."""
    sentence, (start, _) = figure.sentence or "", _offsets(figure)
    return next((m for m in mentions if re.fullmatch(r"\s*\(\s*", sentence[m[1]:start])), None)


def _gapped_place(figure: Figure, mentions: list[tuple[int, int, str]]) -> tuple[int, int, str] | None:
    """A bare count right after a place, its verb and noun left out: "with Juja recording nine deaths, Ruiru six and
    …" (blind54)."""
    sentence, (start, end) = figure.sentence or "", _offsets(figure)
    if figure.counted or not re.match(r"\s*(?:[,;.)]|and\b|$)", sentence[end:]):
        return None
    return next((m for m in mentions if re.fullmatch(r"[ \t]+", sentence[m[1]:start])), None)


# A hospital named by its name, then what it took in: "Ma'an Government Hospital has received 63 wounded", "Doctors at
# Ma'an Government Hospital told the Centre they treated 71 wounded people" (blind75).
_HOSPITAL = re.compile(r"\b((?:[A-Z][\w'’-]*\s+){1,4}(?:[Hh]ospital|Medical Cent(?:re|er)|Clinic))\b")
_TOOK_IN = re.compile(r"[^.;\d]{0,80}\b(?:receiv|treat|admitt?|took in|taken in)\w*\s+"
                      r"(?:at least |about |some |more than |nearly |almost |over )?$", re.I)


def _hospital(figure: Figure, mentions: list[tuple[int, int, str]]) -> tuple[int, int, str] | None:
    """The hospital whose own count of the hurt or dead a figure is, apart from the national one."""
    sentence, (start, _) = figure.sentence or "", _offsets(figure)
    if figure.claim_type not in ("injured", "killed"):
        return None
    found = [m for m in _HOSPITAL.finditer(sentence, 0, start) if _TOOK_IN.fullmatch(sentence, m.end(), start)]
    return (found[-1].start(1), found[-1].end(1), " ".join(found[-1].group(1).split())) if found else None


def _accounting_for(figure: Figure, mentions: list[tuple[int, int, str]]) -> tuple[int, int, str] | None:
    """"Luanda accounts for 13 of the dead" (blind85): the place a part of the toll is said to be."""
    sentence, (start, _) = figure.sentence or "", _offsets(figure)
    return next((m for m in mentions if _ACCOUNTS_FOR.fullmatch(sentence[m[1]:start])), None)


_ACCOUNTS_FOR = re.compile(r"(?:\s+(?:province|region|city|alone))?\s+(?:accounts?|accounted|accounting)\s+for\s+"
                           r"(?:(?:about|some|nearly|almost|at least|more than)\s+)?", re.I)


def _owner(figure: Figure, mentions: list[tuple[int, int, str]]) -> tuple[int, int, str] | None:
    """"Karaganda's detentions reached 40": the place owning the figure's noun (or the figure itself)."""
    sentence, (start, _) = figure.sentence or "", _offsets(figure)
    own = {w for w in (figure.counted_head, figure.predicate) if w} | _TOLL_WORDS
    for mention in mentions:
        found = _OWNER.fullmatch(sentence[mention[1]:start])
        words = found.group(1).lower().split() if found else None
        if words is not None and (not words or own & ({w.rstrip("s") for w in words} | set(words))):
            return mention
    return None


# A place opening its sentence that does something to its own count: "Colón buries its two dead" (blind120),
# "Osh counts its dead".
_ITS_OWN = re.compile(r"\s+[a-z]+s\s+its\s+")


def _its_own(figure: Figure, mentions: list[tuple[int, int, str]]) -> tuple[int, int, str] | None:
    """"Colón buries its two dead": the place opening the sentence, whose own count the figure is."""
    sentence, (start, _) = figure.sentence or "", _offsets(figure)
    first = mentions[0] if mentions else None
    return first if first is not None and first[0] == 0 and _ITS_OWN.fullmatch(sentence[first[1]:start]) else None


def _row_label(figure: Figure, mentions: list[tuple[int, int, str]]) -> tuple[int, int, str] | None:
    """A table row whose label names a place: "| Detained in Karaganda | 63 |", "| Yopougon (Abidjan) | 9 |"
    (what the brackets add qualifies the place)."""
    sentence, (start, _) = figure.sentence or "", _offsets(figure)
    line_start = sentence.rfind("\n", 0, start) + 1
    if "|" not in sentence[line_start:start]:
        return None
    inside = [m for m in mentions if line_start <= m[0] < start
              and sentence.count("(", line_start, m[0]) <= sentence.count(")", line_start, m[0])]
    return inside[0] if len(inside) == 1 else _known_place_label(sentence, line_start, start)


# A list's item labelled with a place before its count: "- Osh city – 3;", "• Bishkek: 41", and one of a run of
# them in a line: "Detentions by location: Bishkek city – 517, Osh city – 298".
_LIST_LABEL = re.compile(r"[^\S\n]*(?:[-•*·][^\S\n]+)?(?P<label>[^\d\n:–—|,;]{2,60}?)[^\S\n]*(?:[:–—]|\s-)[^\S\n]*")
_ITEM_LABEL = re.compile(r"[^\S\n]*(?P<label>[^\d\n:–—|,;]{2,60}?)[^\S\n]*[–—][^\S\n]*")


def _list_label(figure: Figure, mentions: list[tuple[int, int, str]]) -> tuple[int, int, str] | None:
    """A list item whose label, before a colon or a dash, is one place and no more: "- Osh city – 3;", "…: Osh city –
    298"; not a headline's "Klang collapse: 62 dead"."""
    sentence, (start, _) = figure.sentence or "", _offsets(figure)
    line_start = sentence.rfind("\n", 0, start) + 1
    item_start = max(line_start, *(sentence.rfind(mark, line_start, start) + 1 for mark in ",;:"))
    found = _LIST_LABEL.fullmatch(sentence, line_start, start) or _ITEM_LABEL.fullmatch(sentence, item_start, start)
    if found is None:
        return None
    label = found.start("label"), found.end("label")
    inside = [m for m in mentions if label[0] <= m[0] < label[1]]
    place = inside[0] if len(inside) == 1 else _known_name(sentence, *label)
    return place if place is not None and _only_the_place(sentence, label, place) else None


def _only_the_place(sentence: str, label: tuple[int, int], place: tuple[int, int, str]) -> bool:
    """The label is the place and at most the kind of place after it ("Osh city"), nothing else."""
    rest = (sentence[label[0]:place[0]] + sentence[place[1]:label[1]]).strip()
    return not rest or _CITY_WORD.fullmatch(" " + rest) is not None


def _known_name(sentence: str, start: int, end: int) -> tuple[int, int, str] | None:
    """A label the model tagged no place that the gazetteer knows as one, with its kind written after it or not
    ("Osh city")."""
    name = _CITY_WORD.sub("", sentence[start:end].strip())
    return (start, start + len(name), name) if _a_known_place(name) else None


def _a_known_place(name: str) -> bool:
    """A name the gazetteer knows as a place, and no country or word a table's label often is ("Police", "Total")."""
    return bool(name) and name.casefold() not in country_names() | _LABELS_NOT_PLACES and is_known_place(name)


_CITY_WORD = re.compile(r"\s+(?:city|town|region|province|district|oblast)$", re.I)


# "Houses destroyed: 214 (Aleipata 96, Falealili 71, Palauli 47)": a name and its part in the brackets after a whole.
# "Homes damaged: 3.412 (Shirak: 2.980 · Lori: 432)" too.
_IN_A_BREAKDOWN = re.compile(r"\d[\d,.]*\+?\s*\((?:[^()]*[,;·]\s*)?(?P<name>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?):?\s+$")


def _breakdown_name(figure: Figure, mentions: list[tuple[int, int, str]]) -> tuple[int, int, str] | None:
    """The name a part in a breakdown follows, a place whether or not the model tagged it one."""
    sentence, (start, _) = figure.sentence or "", _offsets(figure)
    found = _IN_A_BREAKDOWN.search(sentence, max(0, start - 200), start)
    name = found.group("name") if found else ""
    if not found or name.casefold() in country_names() | _LABELS_NOT_PLACES:
        return None
    return found.start("name"), found.end("name"), name


# Row labels that are also the names of places somewhere ("Police" is a town in Poland).
_LABELS_NOT_PLACES = {"police", "army", "military", "taka", "total", "others", "other", "government", "unknown",
                      "all", "totals", "grand total", "elsewhere"}


def _known_place_label(sentence: str, line_start: int, start: int) -> tuple[int, int, str] | None:
    """A row label the model tagged no place that the gazetteer knows as one: "| Atakpamé | 2 | 44 |"; or the town
    in its brackets when the gazetteer knows no place before them: "| Ashanti (Kumasi) | 5 |" under "| Region (main
    city) |" is Kumasi's row, as the sources that count by town write it (blind87)."""
    label = re.match(r"\s*\|?\s*([^|\d(]+?)\s*(?:\(\s*([^|\d()]+?)\s*\)\s*\||\(|\|)", sentence[line_start:start])
    if label is None:
        return None
    # the bracket names the town of a region named before it, not a hospital's owner "(ASSE)" (blind42) or a fare's
    # town "Tricycle minimum fare (Kano)" (blind79)
    named_before = all(w[:1].isupper() for w in label.group(1).split())
    town = label.group(2) if label.group(2) and not label.group(2).isupper() and named_before else None
    group = 1 if _a_known_place(label.group(1)) else 2 if town and _a_known_place(town) else 0
    return (line_start + label.start(group), line_start + label.end(group), label.group(group)) if group else None


# Those who acted, in a town, just before the figure's clause: "Police in Darkhan have detained 74 people".
_AGENT_IN = re.compile(r"\b(?:police|authorities|officials|officers|troops|rescuers|doctors|hospitals|courts?)"
                       r"\s+in\s+$", re.I)


def _agent_in(figure: Figure, mentions: list[tuple[int, int, str]]) -> tuple[int, int, str] | None:
    """A town named as where the agents of the figure's verb are: "Police in Darkhan have detained 74"
    (the first place of the sentence, with no other figure before the one keyed)."""
    sentence, (start, end) = figure.sentence or "", _offsets(figure)
    for mention in mentions:
        between = sentence[mention[1]:start]
        if mention[1] <= start and _AGENT_IN.search(sentence[:mention[0]]) and not re.search(r"\d", between) \
                and not _SAID.search(between) and not _NATIONAL.search(sentence[end:]):
            return mention
    return None


# The one place a sentence sets for all it counts, opening on it ("In Berat, police detained 38 and 14
# officers were hurt", "Across the SAVA region, 14 people have died") or in a clause before a semicolon
# ("25,000 marched in Tirana; 61 were detained").
_FRONTED_IN = re.compile(r"\s*(?:in|across|throughout)\s+(?:the\s+)?", re.I)
_AFTER_FRONTED = re.compile(r"(?:\s+[a-z]+)?,")  # "In Berat,", "Across the SAVA region,"
_IN_BEFORE = re.compile(r"\bin\s+(?:the\s+)?$", re.I)


def _set_by_the_sentence(figure: Figure, mentions: list[tuple[int, int, str]]) -> tuple[int, int, str] | None:
    """The place set before the figure's clause, where no one reports and nothing is national: a sentence opening
    on a place with no other place before the figure, or one place closing a clause before a semicolon."""
    sentence, (start, _) = figure.sentence or "", _offsets(figure)
    if not mentions or mentions[0][1] > start or _NATIONAL.search(sentence):
        return None
    mention = mentions[0]
    before, between = sentence[:mention[0]], sentence[mention[1]:start]
    if _told_of_elsewhere(figure, between):
        return None
    if _fronted(before, between):
        return None if any(mention[1] <= m[0] < start for m in mentions[1:]) else mention
    return mention if _closes_a_clause(before, between, mentions) else None


def _told_of_elsewhere(figure: Figure, between: str) -> bool:
    """A national body speaking in a place may tell of the whole country ("In Karsk, the ministry said 14 officers
    were hurt"); the town's police, doctors or witnesses tell of the town ("In Parakou, police say two people died in
    clashes on Friday", blind117; "In Daloa, … a hospital official said four people had died", blind25), and a crowd
    is where it marches, whoever tells of it ("In Colón, police say about 4,000 people are marching", blind120)."""
    return bool(_SAID.search(between) and _NATIONAL_SPEAKER.search(between)) and figure.claim_type != "protesters"


_NATIONAL_SPEAKER = re.compile(r"\b(?:ministry|minister|government|president|presidency|cabinet|spokes\w+)\b", re.I)


def _fronted(before: str, between: str) -> bool:
    """"In Berat, …", "Across the SAVA region, …": the sentence opens on the place."""
    return bool(_FRONTED_IN.fullmatch(before) and _AFTER_FRONTED.match(between))


def _closes_a_clause(before: str, between: str, mentions: list[tuple[int, int, str]]) -> bool:
    """"25,000 marched in Tirana; 61 were detained": the sentence's one place, in the clause before a semicolon."""
    one_place = len({m[2] for m in mentions}) == 1
    return one_place and ";" in between and ";" not in before and bool(_IN_BEFORE.search(before))


# "Police in Darkhan said 1,430 people were held nationwide": they report, the count is not theirs.
_SAID = re.compile(r"\b(?:said|says|say|reported|reports|told|announced|added)\b", re.I)
_NATIONAL = re.compile(r"\b(?:nationwide|across the country|in all|in total)\b", re.I)


_NATIONAL_AFTER = re.compile(r"(?:\s+[a-z][\w-]*){0,2}?\s+" + _NATIONAL.pattern, re.I)


def _national(figure: Figure) -> bool:
    """"43 were detained in Encarnación and 58 across the country": the 58 shares the verb's place, not its scope."""
    sentence, (_, end) = figure.sentence or "", _offsets(figure)
    return _NATIONAL_AFTER.match(sentence, end) is not None


def _held_by_another(figure: Figure, mention: tuple[int, int, str], others: Iterable[Figure],
                     mentions: list[tuple[int, int, str]]) -> bool:
    """Another figure of the sentence holds the place: "90 people, 35 of them in Kelmora"."""
    return any(o is not figure and o.sentence_start == figure.sentence_start and o.part == figure.part
               and _after(o, mentions) == mention for o in others)


def _parsed(figure: Figure, others: Iterable[Figure], mentions: list[tuple[int, int, str]]) -> str | None:
    """The parse's place, unless it is no city or region, one of several, or another figure's."""
    own = [m for m in mentions if m[2] == figure.scope]
    sentence = figure.sentence or ""
    free = [m for m in own if not _joined(sentence, m, mentions) and not _held_by_another(figure, m, others, mentions)]
    return figure.scope if free else None


# The kind of a region written after its name: "Mangystau region", "Mangystau Province" and
# "Mangystau oblast" are one scope, "Mangystau".
# "Osh city" is Osh too, but only in lower case: "Guatemala City" is no Guatemala.
_REGION_WORD = re.compile(r"\s+(?:(?i:region|province|oblast|district|county|governorate|prefecture)|city)$")


def scope_name(place: str | None) -> str | None:
    """A place's name without the kind of region written after it ("the Mangystau region" → "Mangystau")."""
    if not place:
        return place
    name = re.sub(r"^the\s+", "", " ".join(place.split()), flags=re.I)
    return _REGION_WORD.sub("", name) or name


def place_scope(figure: Figure, others: Iterable[Figure], names: dict[str, str]) -> str | None:
    """The city or region a figure is limited to; None for the whole story (see the module)."""
    sentence = figure.sentence or ""
    mentions = _mentions(sentence, names)
    if _elsewhere(figure, mentions):
        return ELSEWHERE
    if _national(figure):
        return None
    found = _its_column(figure) or _first_place(figure, mentions)
    if found is not None:
        return scope_name(found[2])
    parsed = _parsed(replace(figure, scope=names.get(figure.scope, figure.scope)), others, mentions) \
        if figure.scope else None
    return scope_name(parsed or _crowd_town(figure, mentions) or _reading_town(figure, mentions))


def _its_column(figure: Figure) -> tuple[int, int, str] | None:
    """A table cell's place the facts layer read from its column's header, not from its row: "Type | Anderlecht |
    Molenbeek" (blind88)."""
    sentence = figure.sentence or ""
    return (-1, -1, figure.scope) if figure.scope and "|" in sentence and figure.scope not in sentence else None


def _first_place(figure: Figure, mentions: list[tuple[int, int, str]]) -> tuple[int, int, str] | None:
    """The place the first rule finds, unless it is one of several places joined ("in Dravo and Tessin")."""
    sentence = figure.sentence or ""
    for rule in _PLACE_RULES:
        found = rule(figure, mentions)
        if found is not None and not _joined(sentence, found, mentions):
            return found
    return None


_PLACE_RULES = (_after, _before_its_bracket, _gapped_place, _hospital, _accounting_for, _owner, _its_own, _row_label,
                _list_label, _breakdown_name, _agent_in, _set_by_the_sentence)


# The heads a temperature's figure counts (figures.py writes them; keys.py keys them).
READING_UNITS = ("°C", "°F")
_AT_THE_PLACE = re.compile(r"^\s?(?:[°º]\s?[CF]|[CF])?(?:\s+degrees?(?:\s+[A-Z]\w+)?)?\s+(?:at|in)\s+(?:the\s+)?$")


def _reading_town(figure: Figure, mentions: list[tuple[int, int, str]]) -> str | None:
    """Where a temperature was read: the town just before it, no other number between ("Phalodi touched 49.6°C",
    "the minimum at Barmer was 33.6°C"), else the town right after "at" or "in" ("48.4°C in Churu"; blind60)."""
    if figure.counted_head not in READING_UNITS:
        return None
    found = _town_just_before(figure, mentions) or _town_right_after(figure, mentions)
    return found[2] if found else None


def _town_just_before(figure: Figure, mentions: list[tuple[int, int, str]]) -> tuple[int, int, str] | None:
    sentence, (start, _) = figure.sentence or "", _offsets(figure)
    near = [m for m in mentions if m[1] <= start and start - m[1] <= 60 and not re.search(r"\d", sentence[m[1]:start])]
    return near[-1] if near else None


def _town_right_after(figure: Figure, mentions: list[tuple[int, int, str]]) -> tuple[int, int, str] | None:
    sentence, (_, end) = figure.sentence or "", _offsets(figure)
    return next((m for m in mentions if m[0] >= end and _AT_THE_PLACE.match(sentence[end:m[0]])), None)


# "The governor of Ziguinchor gives a figure of five dead in the city": the town the text named last.
_CASUALTY_TYPES = {"killed", "injured", "detained", "missing", "displaced", "evacuated"}
# "five people had died of gunshot wounds in the city", "four people have died … since the protests reached the city"
_THE_TOWN_AFTER = re.compile(r"(?:\s+[a-z][\w-]*){0,7}?\s+(?:in|across|reached|hit)\s+the\s+(?:city|town)\b"
                             r"(?!\s+of\b)", re.I)
# … or before it in its clause: "city's toll rises to four", "the number of people from the city killed since Sunday
# to four" (blind75's local daily).
_THE_TOWN_BEFORE = re.compile(r"(?:\b(?:city|town)['’]s\s+(?:death\s+)?toll\b|\b(?:from|in)\s+the\s+(?:city|town)\b"
                              r"(?!\s+of\b))[^;.]{0,80}$", re.I)  # not "the town's riverside quarters, killing nine"


def town_named_before(figure: Figure, sentences: Iterable[Sentence], names: dict[str, str]) -> Figure:
    """A count of people "in the city" or "in the town", of no place of its own, is in the last town named in its
    own sentence or the two before it (never a country). Casualties only: a story's own town is left unnamed
    for its evacuation sites or its rainfall by the sources that name it for their dead."""
    sentence, (start, end) = figure.sentence or "", _offsets(figure)
    if figure.scope is not None or figure.claim_type not in _CASUALTY_TYPES \
            or not (_THE_TOWN_AFTER.match(sentence, end) or _THE_TOWN_BEFORE.search(sentence[:start])):
        return figure
    sentences = tuple(sentences)
    town = None if figure.part == "headline" else \
        _last_town(sentences, (figure.sentence_start or 0) + _offsets(figure)[0], names)
    town = town or _home_town(sentences, names)
    return replace(figure, scope=scope_name(town)) if town else figure


def _home_town(sentences: tuple[Sentence, ...], names: dict[str, str]) -> str | None:
    """The town a local paper's page is about: the one it names most, at least twice, where it names one more than
    any other ("5 killed in the city since Wednesday, says hospital", a headline above a page on Beira, blind93)."""
    countries = country_names()
    counts = Counter(m[2] for s in sentences for m in _mentions(s.text, names) if m[2].casefold() not in countries)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]


def _last_town(sentences: Iterable[Sentence], at: int, names: dict[str, str]) -> str | None:
    """The last place before ``at`` in its sentence or the two before, that is no country."""
    countries = country_names()
    for sentence in reversed([s for s in sentences if s.start < at][-3:]):
        towns = [m for m in _mentions(sentence.text[:at - sentence.start], names) if m[2].casefold() not in countries]
        if towns:
            return towns[-1][2]
    return None


def _countries_named(analysis: Analysis) -> dict[str, str]:
    """The countries a document names, by the names it writes them with."""
    countries = country_names()
    return {e.text: e.canonical for e in analysis.entities
            if e.label in _PLACE_LABELS and e.text.casefold() in countries and e.canonical.casefold() in countries}


def _country_after(figure: Figure, names: dict[str, str]) -> str | None:
    """The country named right after a figure of no place of its own: "three in Cyprus"."""
    found = _after(figure, _mentions(figure.sentence or "", names)) if figure.scope is None else None
    return found[2] if found is not None else None


def country_parts(figures: tuple[Figure, ...], analysis: Analysis) -> tuple[Figure, ...]:
    """Counts put in a country right after them ("three in Cyprus and six in Lebanon") keep the country as
    their scope where the document puts one claim in two countries or more; a lone "killed 23 in Cyprus" in a
    story about Cyprus is the national total."""
    names = _countries_named(analysis)
    placed = [_country_after(f, names) if names else None for f in figures]
    countries_by_claim: dict[str, set[str]] = {}
    for figure, country in zip(figures, placed, strict=True):
        if country is not None:
            countries_by_claim.setdefault(figure.claim_type, set()).add(country)
    return tuple(replace(f, scope=country) if country and len(countries_by_claim[f.claim_type]) > 1 else f
                 for f, country in zip(figures, placed, strict=True))

"""Which numbers are figures, and the claim each one makes.

Which numbers are no figures is decided by the rules of ``not_figures.py``; a word number
("one") that quantifies nothing is none either. A figure is then built by ``STEPS``, tried in
order on one ``_Draft``: each step is a small rule with the sentence it exists for.

Choices: a range ("110-120") has ``low``/``high`` and ``value`` = their midpoint; money has
``unit`` = ISO code and ``counted_head`` = the currency word, and "per liter" is a divisor,
not a figure; "victims" (dead and wounded together) stays claim type "other"; a container
("33 cases of attacks") keeps its words in ``counted`` but its content is the head ("attack").
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TypeGuard

from spacy.tokens import Doc, Span, Token

from ...models import STILL_HELD, DateMention, EntityMention, Figure
from ...places import CAPITAL, is_known_place
from ..layout import A_YEAR, aligned_header, doc_text, heading_of
from .claim_model import BODY_HEADS, DONE_WITH_THE_DEAD
from .claims import (
    AFTER_HELD,
    CONTAINERS,
    CURRENCY_CODES,
    CURRENCY_WORDS,
    EVENT_NOUNS,
    SAY_VERBS,
    TALLY_NOUNS,
    as_of_date,
    attribution,
    claim_lexicon,
    claim_type_of,
    content_noun,
    counted_noun,
    counts_a_measure,
    counts_gatherings,
    fits_noun,
    governing_verb,
    number_anchor,
    phrase_of,
    rank_infinitive,
    scope_of,
    tallied,
    tally_of,
)
from .dates import MONTHS
from .entities import DATELINE_TOWN, country_names
from .lexicons import singular_currency_words
from .not_figures import NAME_AND_BRACKET, not_a_figure, says_how_long
from .numbers import CODES, CURRENCY_NAMES, SCALES, UNITS, VAGUE, NumberSpan, find_numbers, regional_unit
from .status import status_of

# "225 killed, including 19 police officers": the 19 were killed too.
_PART_OF_BEFORE = re.compile(r"\b(?:including|incl\.|comprising|among them|among whom|of whom|of them|of which|"
                             r"of (?:those|these)),?\s*$", re.I)  # "Of them, 4,353 received injuries"
# The next parts of a list: "176 persons were injured, comprising 58 police officers and 118 civilians" (blind87).
_LISTED_PART_BEFORE = re.compile(r"\b(?:including|comprising)\s+(?:\d[\d,.]*\s+[^\d,;.:()]{1,30}?(?:,\s*|\s+and\s+))+$",
                                 re.I)
# "Of the dead identified so far, 41 were from Dravo": a fronted part of a group named by its state.
# "Among those detained, 30 were students" too.
# "Among the dead are three children and two police officers" too (the parts after the copula).
_OF_STATE_BEFORE = re.compile(r"^\s*(?:of|among) (?:the|those) (dead|deceased|killed|injured|wounded|detained|arrested|"
                              r"held|missing|displaced)\b(?:[^,;]{0,40},\s*|\s+(?:are|were|include|included)\s+"
                              r"(?:[^.;:]{0,60}?\band\s+)?)$", re.I)
_PART_OF_AFTER = re.compile(r"^\s+of (?:them|whom|which)\b", re.I)
_OF_ITS_OWN = re.compile(r"\s+of (?:its|their|our|his|her|your) own\b", re.I)
# Not across another clause: "12 people were injured and that among those held were …" (no one held).
_AMONG_STATE = re.compile(r"^(?:(?!\b(?:and that|but|while|whereas)\b)[^.;]){0,60}?\bamong (?:the |those )?(?:\w+ )?"
                          r"(dead|deceased|killed|injured|wounded|detained|arrested|held)\b",
                          re.I)  # "19 officers were among the dead", "two were among those killed"
# "19 of the dead were police officers", "two-thirds of the dead"
# "Twelve of those held were minors"
# "19 of the dead", "Nine of the 23 dead"
# "Four of the police's dead were shot at Cuatro Caminos" (blind121): whose count it is may come between.
_OF_STATE = re.compile(r"^\s+of (?:the|those) (?:[\w-]+['’]s?\s+)?(?:\d[\d,.]*\s+)?(dead|killed|injured|wounded|"
                       r"detained|arrested|held|missing|displaced)\b", re.I)
_CHANGE_FROM = re.compile(r"\b(?:up|down|rising|falling|rose|fell|increased|decreased)?\s*from\s*$", re.I)
# "to which are added 1 500 effectives of the Army of Peru" (blind81)
_MILITARY = re.compile(r"\b(?:forces?|contingent|peacekeep\w*|deploy\w*|mission|CSTO|troops|sent|arriv\w*|Army)\b")
# Troops are sent, flown in, stationed: with these heads those verbs mean deployment.
_TROOP_HEADS = {"soldier", "troop", "troops", "peacekeeper", "serviceman", "servicemen", "paratrooper", "force",
                "contingent", "unit", "officer", "policeman", "rescuer", "firefighter", "steward", "volunteer",
                "personnel", "battalion", "gendarme", "police",  # "1,000 riot police were sent": no crowd
                "cadet", "conscript", "reservist", "guardsman", "marine",  # "120 cadets … have arrived" (blind63)
                "military",  # "1,250 security personnel in the area: 850 police and 400 military" (blind66)
                "effective"}  # translated Spanish "efectivos": "4 800 police effectives have been displaced" (blind81)
# Deployed only when said to be sent, moved or posted: "sent two rescue ships and 60 divers" (not
# "3,393 members of the security forces were injured").
_SENT_CONTEXT = re.compile(r"\b(?:deploy\w*|dispatch\w*|sent|moved|posted|stationed|reinforce\w*)\b", re.I)
_SENT_HEADS = {"member", "guard", "diver", "ship", "vessel", "boat", "helicopter", "aircraft", "plane", "vehicle",
               "worker", "medic", "team", "crew", "engineer", "dog", "handler",
               # "sent a further 40 specialists and two fireboats", "35 excavators at the site"
               "specialist", "expert", "fireboat", "excavator", "bulldozer", "truck", "pump", "ambulance", "engine",
               "drone", "doctor", "nurse", "searcher", "sailor",
               "agent",  # "mobilised 30 agents who guard the perimeter of the market"
               # "sent a team of 8 investigators", "brought in 64 mobile generators", "with three cranes"
               "investigator", "psychologist", "generator", "crane", "tender", "appliance"}
# Rescuers on the job: "300 firefighters took part in the search", "two dogs and their handlers stayed on".
# "we had 1,900 police officers and 37 boats in the field", "35 excavators at the site".
_ON_DUTY = re.compile(r"\b(?:t(?:ook|ake|akes|aking) part|stay(?:ed|s|ing)? on|remain(?:ed|s)? on duty|"
                      r"(?:backed|supported|assisted|helped|reinforced) by|"  # "firefighters, backed by 150 soldiers"
                      r"in the field|on the ground|on site|at the site|at the scene|on standby|in the area|"
                      # "45 divers and rescuers are searching for them"
                      r"(?:are|were|is|was|have been|had been) (?:still )?(?:searching|combing|patrolling|working|"
                      # "… helicopters are supporting rescue operations" (blind72)
                      r"fighting|battling|helping|supporting|assisting)|"
                      r"join(?:ed|s)? the (?:search|operation|rescue|effort)|"
                      # "had 350 soldiers on the streets", "320 of its volunteers were at work", "210 personnel were
                      # involved in the response", "worked through the night"
                      r"on the streets|on duty|at work|involved in the (?:response|search|operation|rescue)|"
                      r"work(?:ed|s)? (?:through the night|day and night|around the clock|in shifts))\b", re.I)
# Verbs that give a count without saying of what: the paragraph's last claim says it.
_REPORTING_VERBS = {"speak", "say", "report", "put", "give", "cite", "mention", "raise", "revise", "lower", "update",
                    "correct", "confirm", "announce", "count",
                    "claim",  # "police put the crowd at 1,500; organisers claimed 10,000"
                    # "The authorities report 687 arrests. A rights group has documented 742" (not "record" or
                    # "register": "The deceased were registered in Ciudad del Este (3)" says what the "(3)" are)
                    "document",
                    "climb", "rise", "grow", "reach",  # "The toll is 31. It climbed from nine … to 23 by Thursday."
                    "estimate",  # "… '300,000 marched in Lima'. The police estimated 7,500 and the organisers 80,000."
                    "suggest"}  # "the organisers claimed 15,000. A drone video suggests 5,000 to 6,000" (blind86)
_NUMBERING_VERBS = {"number", "total", "reach", "swell", "grow"}
_MODALS = {"would", "will", "could", "might", "may", "shall", "'ll"}
_PLAN_VERBS = {"plan", "expect", "intend", "aim", "propose", "pledge", "promise", "agree"}
# A table or infobox row: "Injuries | 4,353", "| Arrested | 9,900+", "Deaths: 225" on a line of its own.
# A row with dot leaders too: "  Bodies recovered ......... 9".
# A label's note in brackets may hold digits: "| Crowd (Ikeja, 12 May) | 8,000–120,000 |" (blind79).
_ROW_LABEL = re.compile(r"\s*\|?\s*(?P<label>[A-Za-z][A-Za-z ()'-]{1,40}?(?:\s*\([^()|\n]{1,30}\))?)"
                        r"\s*(?:\||:|\t|\.{3,})\s*")
_MOVE_VERBS = {"send", "arrive", "fly", "station", "land", "dispatch", "deploy", "bring", "airlift", "post", "move",
               "mobilize", "mobilise", "assign", "draft", "redeploy", "transfer", "reinforce",
               "come",  # "some 2,000 troops came from Russia"
               "lend",  # "The Croatian Army has lent 12 all-terrain vehicles and about 150 soldiers"
               "order"}  # "the government ordered 1,200 soldiers into both regions", "1,200 soldiers ordered in"
_STATE_AFTER = {"dead": "killed", "killed": "killed", "wounded": "injured", "injured": "injured",
                "detained": "detained", "arrested": "detained", "held": "detained", "missing": "missing",
                "displaced": "displaced", "hurt": "injured",  # "21 people were killed and more than 120 hurt"
                "deceased": "killed", "apprehended": "detained"}  # "seven deceased and 612 apprehended"
_STATE_VERBS = {"dead": "dead", "killed": "kill", "wounded": "wound", "injured": "injure", "detained": "detain",
                "arrested": "arrest", "missing": "missing", "displaced": "displace", "hurt": "hurt",
                "evacuated": "evacuate", "deceased": "dead", "apprehended": "apprehend",
                "deployed": "deploy"}  # "5. ASSETS DEPLOYED" over a list
# What a fire destroys: counted, it is damage ("400 vehicles burned"), not a number of fires.
_BURNED_THINGS = {"vehicle", "car", "bus", "truck", "lorry", "tank", "building", "house", "home", "shop", "store",
                  "office", "station", "bank", "branch", "kiosk", "hectare", "acre", "warehouse", "factory", "school",
                  "church", "mosque", "business", "property", "apartment", "flat", "engine", "tyre", "tire", "dwelling",
                  "field", "bridge", "road", "tower", "sheep", "goat", "cattle", "cow", "livestock", "borehole", "well",
                  "buffalo", "poultry", "chicken", "pig", "animal", "stall", "boat", "canoe",
                  "motorcycle", "motorbike", "bike", "minibus", "van", "taxi",  # "Motorcycles burnt: 6" (blind130)
                  "premise", "premises", "structure"}  # "87 commercial premises burned or looted"
# What a fire or a flood does to things: "60 cars burned", "1,500 houses were flooded", "crops on 2,450 hectares
# were washed away".
# "rioters set fire to 14 vehicles", "it buried sixty-three houses", "three thousand sheep were swept away",
# "farmers lost 412 cattle", "traders lost about 60 stalls".
_RUINING = {"burn", "destroy", "flood", "inundate", "submerge", "wash", "sweep", "swamp", "fire", "torch", "bury",
            "wreck", "smash", "raze", "demolish", "topple", "loot", "ransack", "collapse", "lose"}


def _state_after(text: str, end: int) -> str | None:
    """The claim type a state word right after a number gives: "nine dead", "12 wounded"."""
    word = _WORD_AFTER.match(text[end:end + 15])
    return _STATE_AFTER.get(word.group(1).lower()) if word else None


# The word right after a number on its line: "nine dead"; not the heading of the next line ("1,600⏎Injured").
_WORD_AFTER = re.compile(r"[^\S\n]+(?:still[^\S\n]+)?(\w+)")  # "with 25 still missing"


def _question_before(sentence: Span) -> Span | None:
    """The question the sentence answers: the sentence before, or the parser's sentence up to a "?" that
    ends a line ("How many miners were rescued?\n37." is often parsed as one sentence)."""
    mark = next((t for t in reversed(sentence) if t.text == "?" and t.i + 1 < sentence.end
                 and "\n" in t.whitespace_ + t.doc[t.i + 1].text), None)
    if mark is not None:
        return sentence.doc[sentence.start:mark.i + 1]
    sentence = _answers_first(sentence)
    if sentence.start == 0:
        return None
    question = _sentence_before(sentence)
    return question if _asks_for_a_count(question.text) else None


def _asks_for_a_count(text: str) -> bool:
    """A question, or a sentence that asks for the counts after it as one does: "How many people struck is disputed.
    The unions claimed 60,000" (blind58)."""
    return text.rstrip().endswith("?") or text.lstrip().lower().startswith("how many ") \
        or _DISPUTED_SIZE.match(text) is not None or _A_CROWD_UNCOUNTED.fullmatch(text) is not None


# A crowd spoken of with no count asks for the counts after it: "The crowd on Saturday was big by any measure. Police
# said 8,000, the People's Alliance 200,000" (blind112).
_A_CROWD_UNCOUNTED = re.compile(r"\s*(?:the\s+|that\s+|this\s+)?(?:crowd|turnout)\b[^\d.;?!]*[.!]\s*", re.I)
# A count said to be disputed asks for the figures after it: "The size of the march on the Route Le Prince on 11 June
# is just as disputed. The police said 12,000; the FNPA said 300,000" (blind102).
_DISPUTED_SIZE = re.compile(r"\s*(?:the\s+)?(?:size|scale|number|count|turnout)\b[^.;?]*\b(?:is|are|was|were|remains?)"
                            r"\s+(?:(?:just|also|as|equally|even|more|hotly|still)\s+)*(?:disputed|contested|unclear|"
                            r"uncertain|argued over|debated|in dispute)\b", re.I)


def _sentence_before(sentence: Span) -> Span:
    """The sentence before, past a transcript speaker's turn: "…did you deploy?\n\nGANTULGA: About 1,800" (blind92)."""
    before = sentence.doc[sentence.start - 1].sent
    return sentence.doc[before.start - 1].sent if _TURN.fullmatch(before.text) and before.start > 0 else before


_TURN = re.compile(r"\s*[A-Z][A-Z .'’-]{1,40}:\s*")  # a transcript's speaker opening a turn
_ANSWER_LINE = re.compile(r"(?:^|\n)[ \t]*(?:A|Answer)[:.][ \t]")


def _answers_first(sentence: Span) -> Span:
    """The first sentence of the answer a sentence is in, in a Q:/A: interview ("Q: How many of the injured did you
    receive?\nA: Thirty-one. … Eighteen came to us directly", blind59); else the sentence itself."""
    text = doc_text(sentence.doc)  # joined once per Doc: this is asked for every bare number
    line_start = text.rfind("\n", 0, sentence.start_char) + 1
    if not _ANSWER_LINE.match(text, max(0, line_start - 1)) or sentence.start_char == line_start:
        return sentence
    first = sentence.doc.char_span(line_start, sentence.start_char, alignment_mode="expand")
    return first[0].sent if first is not None and len(first) else sentence


def _asked_group(question: Span) -> Token | None:
    """What "how many" asks to count: "How many people were killed?" → people; "How many of the dead
    were police officers?" → officers."""
    many = next((t for t in question if t.lower_ == "many" and t.nbor(-1).lower_ == "how"), None)
    if many is None:
        return None
    if many.head.pos_ == "NOUN" and many.head != many:
        return many.head
    return _copula_noun_of(many.head)


def _copula_noun_of(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "attr" and c.pos_ == "NOUN"), None)


def _question(sentence: Span) -> tuple[str, str] | None:
    """(claim type, lemma) a question just before the sentence asks about ("How many were hurt?")."""
    question = _question_before(sentence)
    if question is None:
        return None
    lexicon = claim_lexicon()
    return next(((lexicon[t.lemma_.lower()], t.lemma_.lower()) for t in question if t.lemma_.lower() in lexicon),
                None)


def _paragraph_type(figures: list[Figure], text: str, start: int) -> str | None:
    """The claim type of the last typed figure before ``start`` in the same paragraph, if close (a count of
    places between, "63 in seven other regions", types nothing)."""
    last = _paragraph_figure(figures, text, start)
    return last.claim_type if last is not None else None


def _paragraph_figure(figures: list[Figure], text: str, start: int) -> Figure | None:
    last = _whole_of_a_part(figures, text, next((f for f in reversed(figures) if f.counted_head not in _AREA_HEADS
                                                 and not _a_conversion(f, text)), None))
    if last is None or last.claim_type == "other" or start - last.end > 400:
        return None
    return None if "\n\n" in text[last.end:start] else last


_CONVERSION_BEFORE = re.compile(r"\((?:about|around|roughly|some|approximately|nearly|or|=)?\s*$", re.I)


def _a_conversion(figure: Figure, text: str) -> bool:
    """A sum in brackets after another, its conversion: "18.6 billion CFA francs (about $30.3 million)" (blind137)."""
    return figure.unit is not None and _CONVERSION_BEFORE.search(text, max(0, figure.start - 16), figure.start) \
        is not None


def _whole_of_a_part(figures: list[Figure], text: str, last: Figure | None) -> Figure | None:
    """The whole a part closing its sentence belongs to: "Police say 14, one of them an officer. The rights group
    counts 19" counts the dead, not officers (blind110)."""
    if last is None or not (_PART_OF_AFTER.match(text[last.end:last.end + 20])
                            or _PART_OF_BEFORE.search(text[max(0, last.start - 20):last.start])):
        return last
    earlier = [f for f in figures if f.end <= last.start and not re.search(r"[.!?;]\s", text[f.end:last.start])]
    return earlier[-1] if earlier else last


def _strong_noun(text: str, number: NumberSpan, span) -> Token | None:
    """"a 2,500-strong contingent": the noun after "-strong"."""
    if not re.match(r"^-strong\b", text[number.end:number.end + 8]):
        return None
    doc = span.doc
    for token in doc[span.end:min(len(doc), span.end + 4)]:
        if token.lower_ == "strong" and token.head.pos_ in ("NOUN", "PROPN"):
            return token.head
    # "a CSTO contingent that the alliance says will be 2,500-strong": the force named before it
    return next((t for t in reversed(doc[span.sent.start:span.start]) if t.pos_ == "NOUN"
                 and t.lemma_.lower() in _TROOP_HEADS), None)


def _copula_noun(anchor: Token) -> Token | None:
    """"Nineteen of them were members of the police": what the number is, after the copula."""
    if anchor.dep_ != "nsubj" or anchor.head.lemma_ != "be":
        return None
    for child in anchor.head.children:
        if child.dep_ == "attr" and child.pos_ in ("NOUN", "PROPN"):
            return child
    return None


@dataclass
class _Page:
    """What every figure of one document is built from."""

    doc: Doc
    text: str
    dates: list[DateMention]
    published: str | None
    publisher: str | None
    canonical_at: dict[int, str] = field(default_factory=dict)  # token → canonical person name
    places: dict[int, str] = field(default_factory=dict)  # token → canonical place name
    figures: list[Figure] = field(default_factory=list)
    previous_in_sentence: dict[int, Figure] = field(default_factory=dict)  # sentence start → its last group

    @property
    def date_spans(self) -> list[tuple[int, int]]:
        return [(d.start, d.end) for d in self.dates]


@dataclass
class _Draft:
    """One number on its way to a figure."""

    number: NumberSpan
    span: Span
    anchor: Token
    noun: Token | None
    unit: str | None
    is_word_number: bool
    counted: str | None = None
    counted_head: str | None = None
    verb: Token | None = None
    earlier: Figure | None = None  # the sentence's last figure that named a group
    tally: Token | None = None
    held: Token | None = None
    claim_type: str = "other"
    predicate: str | None = None
    part_of: bool = False
    dropped: bool = False
    status: str = "reported"
    planned: bool = False
    place: str | None = None  # a place the words around the number name as its own ("… and Gatundu South four")
    phase: str | None = None  # a price's phase its table column names ("| Until 4 Nov |": before the rise)

    @functools.cached_property
    def sentence(self) -> Span:  # spaCy walks to the sentence's start on every ``.sent``; rules ask ~10 times
        return self.span[0].sent


def _page(doc: Doc, dates: list[DateMention], entities: list[EntityMention], published: str | None,
          publisher: str | None) -> _Page:
    page = _Page(doc, doc_text(doc), dates, published, publisher)
    for mention in entities:
        _place_entity(page, mention)
    page.places.update(dict.fromkeys(_the_capital(doc, page.text), CAPITAL))
    page.places.update({i: name for i, name in _named_as_a_town(doc, page.text) if i not in page.places})
    page.places.update({i: name for i, name in _named_again(doc, page.text, page.places) if i not in page.places})
    page.places.update(dict(_the_dateline_city(doc, page.text, page.places)))
    return page


def _place_entity(page: _Page, mention: EntityMention) -> None:
    """Who a person's tokens name, and which tokens are places (the model often calls an unfamiliar town a person)."""
    span = page.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    place = mention.label in ("GPE", "LOC", "FAC") or (
        mention.label == "PERSON" and " " not in mention.text and is_known_place(mention.canonical))
    for token in span if span is not None else ():
        if mention.label == "PERSON":
            page.canonical_at[token.i] = mention.canonical
        if place:
            page.places[token.i] = mention.canonical


# "in the southern city of Osh": the words say it is a place, though the model found no entity (blind64).
_TOWN_OF = re.compile(r"\b(?:city|town|village|settlement|region|province|district|oblast|county) of "
                      r"([A-Z][\w'’]+(?:[- ][A-Z][\w'’]+)?)")


def _named_as_a_town(doc: Doc, text: str) -> Iterator[tuple[int, str]]:
    for found in _TOWN_OF.finditer(text):
        name = found.group(1)
        span = doc.char_span(found.start(1), found.end(1), alignment_mode="expand")
        if span is not None and is_known_place(name):
            yield from ((token.i, name) for token in span)


# Not the start or end of a longer name: "Beira" in "Beira Central Hospital", "Este" in "Ciudad del Este".
_NAME_GOES_ON = re.compile(r"[ -]?[A-Z]")
_NAME_CAME_BEFORE = re.compile(r"[A-Z][\w'’]*[ -]?$")


def _named_again(doc: Doc, text: str, places: dict[int, str]) -> Iterator[tuple[int, str]]:
    """A place the model tagged once, wherever else the page writes it whole as a name of another kind: "Ciudad del
    Este" a place in one sentence and a work of art in the next, "Two people were killed in Ciudad del Este"
    (blind46); not where the model saw no name ("Uganda kob", an antelope) or a longer one ("the Gyumri earthquake")."""
    names = set(places.values()) - {CAPITAL}
    if not names:
        return
    pattern = r"\b(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b"
    for found in re.finditer(pattern, text):
        span = doc.char_span(found.start(), found.end())
        if span is not None and _named_alone(span) and _written_whole(text, found.start(), found.end()):
            yield from ((token.i, found.group()) for token in span)


def _written_whole(text: str, start: int, end: int) -> bool:
    return not _NAME_GOES_ON.match(text, end) and not _NAME_CAME_BEFORE.search(text, max(0, start - 40), start)


def _named_alone(span: Span) -> bool:
    """The model's one entity is these words and no more, and names no kind of thing ("the Gyumri earthquake")."""
    return span[0].ent_iob_ == "B" and all(t.ent_type_ for t in span) and span.root.dep_ not in ("compound", "amod") \
        and (span.end == len(span.doc) or span.doc[span.end].ent_iob_ != "I")


_THE_CITY = re.compile(r"\bthe (?:city|town)\b")


def _the_dateline_city(doc: Doc, text: str, places: dict[int, str]) -> Iterator[tuple[int, str]]:
    """"the city" of a page whose dateline names a town is that town, while the text names no other place before it:
    "PARAKOU – … four people had died in the city" (blind117)."""
    dateline = _dateline_town(doc, text, places)
    if dateline is None:
        return
    end, town = dateline
    for found in _THE_CITY.finditer(text, doc[end - 1].idx):
        words = doc.char_span(found.start(), found.end())
        if words is None or any(name != town for i, name in places.items() if end <= i < words.start):
            return
        yield words[-1].i, town


def _dateline_town(doc: Doc, text: str, places: dict[int, str]) -> tuple[int, str] | None:
    """The token after a dateline's town and the town, as the text spells it elsewhere ("Ma'an", not "Ma'An")."""
    dateline = DATELINE_TOWN.search(text, 0, 600)
    span = doc.char_span(*dateline.span(1)) if dateline else None
    town = places.get(span[0].i) if span is not None else None
    if span is None or town is None:
        return None
    return span.end, next((name for name in places.values() if name.casefold() == town.casefold() and name in text),
                          town)


_CAPITAL_WORD = re.compile(r"\bcapital\b", re.I)


def _the_capital(doc: Doc, text: str) -> Iterator[int]:
    """"detained in the capital", "the Paraguayan capital", "the country's capital": the country's capital, named
    when the document's keys are set (``scope.place_names``); not "the regional capital". The word is looked for
    in the text: walking every token of a long page to find it cost more than the rest of this rule."""
    for found in _CAPITAL_WORD.finditer(text):
        span = doc.char_span(found.start(), found.end())
        if span is not None and len(span) == 1 and _the_countrys_capital(span[0]):
            yield span[0].i


def _the_countrys_capital(token: Token) -> bool:
    if token.lower_ != "capital" or token.pos_ != "NOUN":
        return False
    words = {c.dep_: c for c in token.children}
    named = "det" in words and words["det"].lower_ == "the" or "poss" in words
    return named and ("amod" not in words or words["amod"].text[:1].isupper())


def _quantified(text: str, number: NumberSpan, span: Span, anchor: Token) -> Token | None:
    if _is_share(number):  # "two-thirds of the displaced": the share says nothing of its own
        return _of_object(anchor) or _share_of_noun(anchor) or counted_noun(anchor)
    noun = counted_noun(anchor)
    if noun is not None and _not_what_it_counts(text, number, span, anchor, noun):
        noun = None
    return noun or _strong_noun(text, number, span) or _copula_noun(anchor)


def _not_what_it_counts(text: str, number: NumberSpan, span: Span, anchor: Token, noun: Token) -> bool:
    """"$180m": the scale belongs to the number; "Nineteen." answering: the question says what it counts."""
    return noun.lower_.rstrip(".") in SCALES or _answer(anchor, noun) or (
        _another_number_between(span, noun) and not _a_part_of(text, number, anchor, noun)) \
        or _in_another_cell(text, number, noun) or not any(ch.isalpha() for ch in noun.text)  # a "|" border


def _a_part_of(text: str, number: NumberSpan, anchor: Token, noun: Token) -> bool:
    """"won 158 of the country's 201 communes": the part counts what its whole counts; not one said to be
    something else ("13 of the 31 workers who died were women")."""
    return bool(_PARTITIVE.match(text, number.end, noun.idx)) and anchor.head.lemma_ != "be"


_PARTITIVE = re.compile(r"\s+(?:out\s+)?of\s+(?:(?:the|its|their|all)\s+|[\w-]+['’]s\s+)*[\d.,]+\s+$", re.I)


def _in_another_cell(text: str, number: NumberSpan, noun: Token) -> bool:
    """"deceased persons: 23 | injured persons: 245", "officers assigned: 1 600\nRating: FALSE", "Homes damaged:
    3,412 (Shirak: 2,980 · Lori: 432)": a noun after the number but past a cell border, a line end or an opening
    bracket is another cell's label or a breakdown's, not what it counts."""
    return noun.idx > number.end and bool(re.search(r"[|\n(·]", text[number.end:noun.idx]))


def _another_number_between(span: Span, noun: Token) -> bool:
    """"up from 28 three days earlier": the noun after a second number is that number's, not the first's."""
    return noun.i > span.end and any(t.like_num or t.pos_ == "NUM" for t in span.doc[span.end:noun.i])


def _answer(anchor: Token, noun: Token | None) -> bool:
    """"How many of the dead were officers?\nNineteen.": a number that is the whole answer."""
    sentence = anchor.sent
    return (noun is None or noun == anchor) and _question_before(sentence) is not None and len(
        [t for t in sentence if not t.is_punct]) <= 3


def _quantifies_nothing(text: str, number: NumberSpan, anchor: Token, noun: Token | None) -> bool:
    """"one of them", "the two sides"; not "put the toll at a dozen", "nine dead"."""
    return noun is None and number.approx != "vague" and not _answer(anchor, noun) and (
        anchor.dep_ not in ("nsubj", "nsubjpass") or number.value == 1) \
        and tally_of(governing_verb(anchor)) is None and not _state_after(text, number.end) \
        and not (number.value > 1 and _counts_by_itself(text, number, anchor)) \
        and not _TEMPERATURE.match(text, number.end)  # "and Churu 48.4°C": a reading, whatever parses it


def _counts_by_itself(text: str, number: NumberSpan, anchor: Token) -> bool:
    """A word number with no noun that still gives a count: its hedge parsed as a preposition ("said over a
    hundred"), a part of a group ("seven of them in the north"), a change by a share ("fell by a fifth"), what
    a source says ("the police say three") or a reply on its own ("Forty, yes.")."""
    hedge_as_preposition = anchor.dep_ == "pobj" and anchor.head.idx >= number.start  # "over a hundred"
    return bool(hedge_as_preposition or _a_part(text, number)
                or _value_in_a_change(text, number)
                or _change_by_a_share(text, number)
                or anchor.dep_ == "dobj" and anchor.head.lemma_.lower() in SAY_VERBS
                or _casualty_verb_before(anchor, number) is not None
                or _subject_of_the_verb_after(anchor)
                or _reply(anchor))


def _subject_of_the_verb_after(anchor: Token) -> bool:
    """"Nine coaches left the track and three overturned", "All but seven had been released" (blind68, blind18): a word
    number right before a finite verb is its subject, however the parser hung it."""
    doc = anchor.doc
    after = doc[anchor.i + 1] if anchor.i + 1 < len(doc) else None
    named_before = anchor.i > 0 and doc[anchor.i - 1].pos_ in ("DET", "PRON")  # "the two said", "these three were"
    return after is not None and after.tag_ in ("VBD", "VBN", "VBZ", "VBP", "MD") and anchor.dep_ != "nummod" \
        and not named_before


def _a_part(text: str, number: NumberSpan) -> bool:
    """"seven of them", "nine of its own", "Deaths: 5 (three on Upolu, two on Savai'i)", "the arrest of nine
    suspected smugglers, three in Cyprus and six in Lebanon"."""
    listed_in_a_place = _IN_A_PLACE_AFTER.match(text, number.end) and _LISTED_BEFORE.search(
        text, max(0, number.start - 6), number.start)
    return bool(_PART_OF_AFTER.match(text[number.end:number.end + 15]) or _OF_ITS_OWN.match(text, number.end)
                or _BREAKDOWN_OPEN.search(text, max(0, number.start - 200), number.start) or listed_in_a_place)


# "… in Cyprus and six in Lebanon", "three deaths on the night of 14 April, six on 15 April, nine on 16 April": one
# count of a list, by place or by day.
_IN_A_PLACE_AFTER = re.compile(r"\s+(?:in|at)\s+(?:the\s+)?[A-Z]|"
                               r"\s+(?:on|by)\s+(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d)")
_LISTED_BEFORE = re.compile(r"(?:,|\band)\s*$")


def _casualty_verb_before(anchor: Token, number: NumberSpan) -> Token | None:
    """"Blast kills at least nine, 17 missing": a verb done to people just before a number with no noun
    counts them (the word before the number, as a headline's parse often runs on into the next line or takes
    the verb for a noun)."""
    i = anchor.i
    while i > 0 and anchor.doc[i - 1].idx >= number.start:
        i -= 1  # the number's own words: "at least"
    verb = anchor.doc[i - 1] if i > 0 else None
    if verb is None or verb.pos_ not in ("VERB", "NOUN") or claim_lexicon().get(verb.lemma_.lower()) not in (
            "killed", "injured", "detained", "evacuated"):
        return None
    return verb


def _verb_just_before(d: _Draft, page: _Page) -> None:
    """"Earthquake kills at least 31, dozens trapped": the verb just before a bare number types it when
    the parse found none."""
    verb = _casualty_verb_before(d.anchor, d.number) if d.claim_type == "other" and d.noun is None else None
    if verb is not None and d.unit is None:
        d.predicate = verb.lemma_.lower()
        d.claim_type = claim_lexicon()[d.predicate]


# "up from nine", "against eleven", "from nine on the first evening to sixteen the next day": a value a
# count changed from or to, said with no noun because its partner has one.
_FROM_OR_AGAINST = re.compile(r"\b(?:(?:up|down|rising|falling|rose|fell|risen|fallen|climbed|jumped)\s+from|"
                              r"from|against)\s+$", re.I)
_FROM_A_NUMBER_TO = re.compile(r"\bfrom\s+(?:\d[\d,.]*|[a-z]+(?:-[a-z]+)?)\b[^.;:\n]{0,40}?\bto\s+$", re.I)


def _value_in_a_change(text: str, number: NumberSpan) -> bool:
    before = text[max(0, number.start - 60):number.start]
    return bool(_FROM_OR_AGAINST.search(before[-25:]) or _FROM_A_NUMBER_TO.search(before))


def _reply(anchor: Token) -> bool:
    """"Sixty, yes." after a question or a statement: the number alone is what the speaker answers."""
    words = [t for t in anchor.sent if not t.is_punct and t.lower_ not in ("yes", "no", "exactly", "right")]
    return anchor.sent.start == anchor.i - len([t for t in anchor.subtree if t.i < anchor.i]) and all(
        t in list(anchor.subtree) for t in words)


def _draft(page: _Page, number: NumberSpan) -> _Draft | None:
    """The number placed in the parse, with the noun it counts; None when it counts nothing."""
    span = page.doc.char_span(number.number_start, number.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    anchor = number_anchor(span)
    noun = _quantified_not_qualifier(page.text, number, span, anchor)
    is_word_number = not any(ch.isdigit() for ch in number.text)
    if _counts_nothing(page, number, span, noun, is_word_number):
        return None
    if noun is not None and noun.i < span.start and not _may_come_first(noun, page.text, number):
        noun = None  # the head is before the number: not what it counts
    return _Draft(number, span, anchor, noun, number.unit, is_word_number)


# A count whose verb and noun are left out, after another source's count of the same thing in its sentence: "the
# police count seven dead and the health ministry eight", "the Ministry of Health counted eight, and the Karama
# Centre 11", "at least seven deaths by the official count, and as many as ten by that of …" (blind75).
_GAPPED_BETWEEN = re.compile(r"[^.;:\d]{0,40}?(?:,\s*and|\band|\bwhile|\bwhereas|,|;)\s+"
                             r"(?:(?:the|its|their|a)\s+)?(?:[^\W\d][\w'’.-]*\s+){0,5}", re.I)
_GAPPED_AFTER = re.compile(r"\s*(?:[.,;)]|$|by\b|according\b|and\b)")


def _gapped(page: _Page, number: NumberSpan, span: Span) -> Figure | None:
    """The sentence's earlier count whose words a bare number leaves out, if it is gapped."""
    earlier = page.previous_in_sentence.get(span.sent.start)
    if earlier is None or not _may_be_gapped(page, earlier, number):
        return None
    words = _gapped_words(page, earlier.end, number.start)
    return earlier if not any(t.pos_ in ("VERB", "AUX") for t in words) and not _an_unknown_name(words, page) else None


def _may_be_gapped(page: _Page, earlier: Figure, number: NumberSpan) -> bool:
    """A count of the earlier one's kind, after a comma or "and" and a few words, that ends its clause; not "one of 12
    people, and the youngest of three"."""
    before = page.text[max(0, number.start - 6):number.start]
    return earlier.end <= number.start and earlier.unit == number.unit and earlier.claim_type != "other" \
        and number.unit != "%" and not re.search(r"\b(?:of|than|to|from)\s+$", before) \
        and bool(_GAPPED_BETWEEN.fullmatch(page.text, earlier.end, number.start)
                 and _GAPPED_AFTER.match(page.text, number.end))


def _an_unknown_name(words: list[Token], page: _Page) -> bool:
    """Words naming neither a known place nor a body: "… Ruiru six and Gatundu South four" may be a place the model
    took for a person, whose count is no part of the total before it (blind54); left out rather than mixed in. An
    acronym names a body, not a place: "Police reported 1,093 people detained, RCDH 1,420" (blind115)."""
    return bool(words) and all(t.pos_ == "PROPN" and t.ent_type_ not in ("ORG", "NORP", "GPE", "LOC") for t in words) \
        and not any(t.i in page.places or len(t.text) > 1 and t.text.isupper() for t in words)


def _gapped_words(page: _Page, start: int, end: int) -> list[Token]:
    """The words between the last comma or "and" and a gapped number: "the health ministry", "Gatundu South"."""
    between = page.doc.char_span(start, end, alignment_mode="contract")
    tokens = list(between) if between is not None else []
    last = max((i for i, t in enumerate(tokens) if t.lower_ in (",", "and", "while", "whereas", ";")), default=-1)
    return tokens[last + 1:]


# A gathering, then what its size was put at: "Estimates for Thursday's march range from about 12,000 (police) to more
# than 150,000", "a march … drew between 12,000 people and more than 150,000", "a crowd that witnesses put at nearer
# 3,000" (blind77).
# "The size of the Tunis march … is still argued over, somewhere between the ministry's 4,000 and the union's 50,000",
# "a march … ; estimates of its size ranged from 4,000 to more than 50,000" (blind89).
_A_GATHERING = re.compile(r"\b(?:crowds?|march|marches|rally|rallies|demonstrations?|gathering|protests?)\b", re.I)
_CROWD_PUT_AT = re.compile(r"\b(crowds?|march|marches|rally|rallies|demonstration|gathering|turnout|size)\b"
                           r"[^.;\d]{0,60}?\b(?:(?:ranges?|ranged|ranging)\s+from(?:[^.;]{0,60}\bto)?|"
                           r"between(?:[^.;]{0,60}\band)?(?:\s+the\s+[\w-]+['’]s?)?|"
                           r"(?:put|estimated?|numbered)\b[^.;\d]{0,40}?\bat|drew(?:\s+between)?|draws?|"
                           r"attract(?:ed|s)?|swell(?:ed|s)?\s+to)\s+"
                           r"(?:about |around |some |nearly |nearer |more than |over |up to |at least |roughly )?$",
                           re.I)


def _crowd_put_at(d: _Draft, page: _Page) -> None:
    """A bare number a gathering's size was put at is a crowd of people."""
    found = _CROWD_PUT_AT.search(page.text, d.sentence.start_char, d.number.start) \
        if d.claim_type == "other" and d.noun is None and d.unit is None else None
    if found and (found.group(1).lower() != "size" or _A_GATHERING.search(d.sentence.text)):
        d.claim_type, d.counted_head = "protesters", d.counted_head or "people"


# People who gathered are a crowd: "about 1,500 people gathered in Al-Nour Square" (blind74), "more than 100,000
# people took part" (blind79), "some 1,000 shop owners gathered outside the Serail". Not a force on the job ("300
# firefighters took part in the search"), not things ("3,000 trucks are taking part"), not what was gathered
# ("Rescuers gathered 40 bodies": the verb comes after its count).
# Not "attend": "40 people attended a meeting in the camp".
_GATHERING_VERBS = {"gather", "assemble", "converge", "rally", "march", "demonstrate", "protest",
                    "fill",  # "some 20,000 people filled the Plaza de Armas for the opening rally" (blind81)
                    # "about 300 villagers blocked National Road 44 … for five hours" (blind82, blind27, blind33)
                    "block", "barricade", "occupy"}
# (a search, rescue, relief or operation anywhere in the sentence is ``_ON_DUTY_WORK``'s)
_TAKING_PART = re.compile(r"\s*t(?:ook|ake|akes|aking) part\b(?!\s+in\s+(?:the\s+)?(?:response|work|trial|talks|"
                          r"negotiation))", re.I)


def _gathered_crowd(d: _Draft, page: _Page) -> None:
    """People said to have gathered or taken part in a gathering are a crowd's size."""
    if d.claim_type != "other" or d.unit is not None or d.verb is None or d.verb.idx < d.number.end \
            or d.counted_head in _TROOP_HEADS | _BURNED_THINGS | _DURATION_WORDS:  # "For nine days the unions have
        return  # blocked the exits" (blind47)
    gathered = d.verb.lemma_.lower() in _GATHERING_VERBS or bool(_TAKING_PART.match(page.text, d.verb.idx - 1))
    if gathered and not _ON_DUTY_WORK.search(d.sentence.text):
        d.claim_type, d.counted_head = "protesters", d.counted_head or "people"


_ON_DUTY_WORK = re.compile(r"\b(?:search|rescue|relief|operation)\b", re.I)


def _gapped_count(d: _Draft, page: _Page) -> None:
    """A gapped count (``_gapped``) counts what the earlier one counts, and the same happened to it."""
    earlier = _gapped(page, d.number, d.span) if d.noun is None and d.claim_type == "other" else None
    if earlier is not None:
        d.counted, d.counted_head = earlier.counted, earlier.counted_head
        d.claim_type, d.predicate = earlier.claim_type, earlier.predicate
        # "with Juja recording nine deaths, Ruiru six and …": the place said is the count's own
        d.place = next((page.places[t.i] for t in _gapped_words(page, earlier.end, d.number.start)
                        if t.i in page.places), None)


def _counts_nothing(page: _Page, number: NumberSpan, span: Span, noun: Token | None, is_word_number: bool) -> bool:
    """A word number counting nothing ("one of them"), or a name's number ("Flight 370"); not a gapped count."""
    nothing = is_word_number and _no_count_in_words(page.text, number, number_anchor(span), noun) \
        or _names_number(page.text, number, span, noun)
    return nothing and _gapped(page, number, span) is None


def _quantified_not_qualifier(text: str, number: NumberSpan, span: Span, anchor: Token) -> Token | None:
    """What the number counts, unless the parse took its qualifier for it ("c. 7,000": "c." as a name) or, in a share,
    its own sign ("up 12 per cent": "cent" counts nothing)."""
    noun = _quantified(text, number, span, anchor)
    own_sign = number.unit == "%" and number.number_start <= noun.idx < number.end if noun is not None else False
    return None if noun is not None and (number.start <= noun.idx < number.number_start or own_sign) else noun


def _no_count_in_words(text: str, number: NumberSpan, anchor: Token, noun: Token | None) -> bool:
    if re.search(r"per\s?cent", number.text, re.I):  # "sixty-eight per cent": a share in words needs no noun
        return False
    return _quantifies_nothing(text, number, anchor, noun) or _an_ordinal(number, anchor)


def _an_ordinal(number: NumberSpan, anchor: Token) -> bool:
    """"a third person was found dead", "A third death": one part describing the noun it comes before is the
    next in a row, no share ("a third of the houses", "a third were rebuilt" are)."""
    return _is_share(number) and number.text.lower().startswith(("a ", "one ")) and anchor.dep_ == "amod" \
        and anchor.head.i == anchor.i + 1 and anchor.head.tag_ == "NN"


def _may_come_first(noun: Token, text: str, number: NumberSpan) -> bool:
    """A container ("a bag of 50 kg") or a force said to be so strong ("a contingent … will be 2,500-strong")."""
    return noun.lemma_.lower() in CONTAINERS or text.startswith("-strong", number.end)


def _is_share(number: NumberSpan) -> bool:
    """A fraction written in words ("three-quarters", "a third"): a share of a group named after it."""
    return number.unit == "%" and not any(ch.isdigit() for ch in number.text) and "per" not in number.text.lower()


def _share_of_noun(anchor: Token) -> Token | None:
    """"Half the country's hospitals": the share stands before the noun phrase it is a share of."""
    return anchor.head if anchor.dep_ == "predet" and anchor.head.pos_ in ("NOUN", "PROPN") else None


# "Exports dropped by nearly a fifth", "rents were cut by half": a change by a share.
_BY_A_SHARE = re.compile(r"\bby\s+$", re.I)


def _change_by_a_share(text: str, number: NumberSpan) -> bool:
    return _is_share(number) and bool(_BY_A_SHARE.search(text[max(0, number.start - 4):number.start]))


def _of_object(anchor: Token) -> Token | None:
    """"three-quarters of [the 4,353 people who were wounded]", "two-thirds of [the dead]", "between a third
    and a half of [the schools]" (the "of" hangs on the high end)."""
    return next((pobj for end in (anchor, *anchor.conjuncts) for prep in end.children
                 if prep.dep_ == "prep" and prep.lower_ == "of"
                 for pobj in prep.children if pobj.dep_ == "pobj"), None)


_BREAKDOWN_OPEN = re.compile(r"\d[\d,.]*\+?(?:\s+[a-z]+){0,2}\s*\((?:[^()]*[,;·]\s*)?$")  # "24 detained (…"


def _a_place_in_a_breakdown(text: str, number: NumberSpan, noun: Token | None) -> bool:
    """"Houses destroyed: 214 (Aleipata 96, Falealili 71, Palauli 47)", "24 detained (Belgrade 20, Novi Sad 4)": a
    name and its number in the brackets after a figure are a part of it in that place, not a name's number; so is a
    known place's in a list ("By city: Belgrade 77 | Novi Sad 24 | Nis 9", blind63)."""
    listed = bool(re.match(r"\s*(?:[,;|)]|\.(?:\s|$)|$)", text[number.end:number.end + 3]))
    return noun is not None and listed and (bool(_BREAKDOWN_OPEN.search(text, max(0, noun.idx - 200), noun.idx))
                                            or _a_known_place_listed(text, number))


# A name opening a list's item: after a line's start, a bar, a comma, a semicolon, a colon or a bracket.
_LISTED_NAME = re.compile(r"(?:^|(?<=[\n|,;:(]))\s*((?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’-]*)\s+$")


def _a_known_place_listed(text: str, number: NumberSpan) -> bool:
    found = _LISTED_NAME.search(text, max(0, number.start - 60), number.start)
    return found is not None and is_known_place(found.group(1))


# "Wind SW 25-30 kt": a wind's direction names no number.
_COMPASS_POINTS = {"N", "S", "E", "W", "NE", "NW", "SE", "SW", "NNE", "ENE", "ESE", "SSE", "SSW", "WSW", "WNW", "NNW"}


def _names_number(text: str, number: NumberSpan, span: Span, noun: Token | None) -> bool:
    """A name's number: "Temisvarska 10", "Flight 370", "Boeing 737"."""
    return noun is not None and noun.i == span.start - 1 and noun.pos_ == "PROPN" and not number.unit \
        and noun.text not in _COMPASS_POINTS \
        and noun.lemma_.lower() not in CONTAINERS and noun.ent_type_ not in ("DATE", "TIME") \
        and not _a_place_in_a_breakdown(text, number, noun) \
        and not _TEMPERATURE.match(text, number.end)  # "By Friday 3,811", "and Churu 48.4°C"


# Time units as reports abbreviate them: "Search has now lasted 36 hrs".
_ABBREVIATED_UNITS = {"hrs": "hour", "hr": "hour", "mins": "minute", "min": "minute", "yrs": "year", "wks": "week"}


def _counted(d: _Draft, page: _Page) -> None:
    """"3,811 people detained": the noun phrase and its head; money counts its currency; a share
    ("two-thirds of the dead") counts no group of its own."""
    noun = None if _is_share(d.number) else d.noun
    if noun is not None and (noun.lower_ in CURRENCY_WORDS or d.unit in CURRENCY_NAMES):
        _money(d, noun)
    elif noun is not None:
        d.counted = phrase_of(noun, d.span.end if noun.i >= d.span.end else noun.i)
        head = content_noun(noun).lemma_.lower()  # "cases of attacks" counts attacks
        d.counted_head = _ABBREVIATED_UNITS.get(head, head)
    if d.counted_head is None and d.unit in CURRENCY_NAMES:
        d.counted_head = CURRENCY_NAMES[d.unit]  # "from 50-60 to 110-120 tenge": 50-60 tenge too


# The endings of most plural demonyms, for those the model does not tag: "Togolese", "Ghanaians", "Iraqis".
_DEMONYM_END = ("ese", "ians", "ans", "is")


def _nationals(d: _Draft, page: _Page) -> None:
    """"Thousands of Togolese have sought refuge in Ghana": a people named by their nation are people."""
    noun = content_noun(d.noun) if d.noun is not None else None
    if noun is None or d.unit is not None or d.counted_head != noun.lemma_.lower():
        return
    if noun.ent_type_ == "NORP" or noun.pos_ == "PROPN" and noun.lower_.endswith(_DEMONYM_END) \
            and noun.ent_type_ not in ("ORG", "GPE", "FAC", "LOC"):
        d.counted_head = "people"


def _money(d: _Draft, noun: Token) -> None:
    """"78 billion tenge": money counts its currency; "the US$3.6 million response plan": not the plan. A currency
    word the number's pattern did not take ("(33) dinars") is read by the country the text names, as
    ``regional_unit`` reads the pattern's (JOD in a Jordanian paper, blind75)."""
    if noun.lower_ in CURRENCY_WORDS:
        code = CURRENCY_CODES.get(noun.lower_) or CURRENCY_CODES.get(noun.lemma_.lower())
        d.unit = d.unit or regional_unit(noun.doc.text, code, noun.lower_)
        d.counted, d.counted_head = noun.text, _currency_head(d.unit, noun.lemma_.lower())
    else:
        d.noun = None


def _currency_head(code: str | None, written: str) -> str:
    """The currency's name ("lei" counts leu), in the text's own spelling where it writes one: "rubles" count ruble,
    "roubles" rouble (blind66)."""
    named = CURRENCY_NAMES.get(code or "")
    return written if named is None or written in (named, singular_currency_words().get(code or "")) else named


def _tallied(d: _Draft, page: _Page) -> None:
    """"The number of people detained rose to 10,000": the number is the tally's value and counts
    what the tally holds; not "rose by 20", which is a change."""
    d.verb = rank_infinitive(d.noun) or governing_verb(d.noun if d.noun is not None else d.anchor)
    d.earlier = page.previous_in_sentence.get(d.sentence.start)
    if d.noun is None and d.counted_head is None:
        d.tally = _tally_just_before(d, page) or _toll_written_before(d, page) or _tally_valued(d.anchor, d.verb) \
            or _listed_for(d.anchor)
    d.held = _held_before(d)
    if d.held is not None:
        _held_group(d, d.held)


def _held_before(d: _Draft) -> Token | None:
    """What the tally holds, said before the number ("a toll of 37 on 19 February": the toll holds its number,
    not the noun after it)."""
    held = tallied(d.tally) if d.tally is not None else None
    return None if held is None or d.tally is None or d.tally.i < d.anchor.i < held.i else held


# "Death toll rises to seven as body of missing worker is found": a headline's toll the parse misses.
# "the interior ministry's final toll of 14" too.
_TOLL_TO = re.compile(r"\b(toll)\s+(?:(?:has\s+|had\s+)?(?:rises|rose|risen|climbs|climbed|reaches|reached|hits|hit|"
                      r"jumps|jumped|stands|stood|increases|increased)\s+(?:to|at)|of)\s+$", re.I)


# "raised the toll to 14 and the number of injured to 318": the tally written just before the number is its own,
# whatever verb the parse hung the number on.
_TALLY_OF_TO = re.compile(r"\b(number|count|tally)\s+of\s+(?:the\s+)?[\w-]+\s+(?:to|at)\s+$", re.I)


def _tally_just_before(d: _Draft, page: _Page) -> Token | None:
    found = _TALLY_OF_TO.search(page.text, max(d.sentence.start_char, d.number.start - 40), d.number.start)
    span = page.doc.char_span(found.start(1), found.end(1)) if found else None
    held = tallied(span[0]) if span is not None and len(span) else None
    if span is None or held is None:
        return None
    d.verb = held  # what happened is what the tally holds ("injured"), not the verb of the toll before it
    return span[0]


def _toll_written_before(d: _Draft, page: _Page) -> Token | None:
    """The toll and, as the draft's verb, the toll's own verb, not the one the parse hung the number on."""
    found = _TOLL_TO.search(page.text, max(d.sentence.start_char, d.number.start - 40), d.number.start)
    span = page.doc.char_span(found.start(1), found.end(1)) if found else None
    if found is None or span is None or not len(span):
        return None
    d.verb = span[0] if found.group().rstrip().endswith("of") else span[0].head  # "the final toll of 14"
    return span[0]


def _tally_valued(anchor: Token, verb: Token | None) -> Token | None:
    """"the toll rose to 225": the tally of the number's verb (not "rose by 20", a change)."""
    # "was seven": the parser may call a bare number after "was" an adjectival complement
    return tally_of(verb) if anchor.dep_ in ("pobj", "dobj", "attr", "acomp") and anchor.head.lower_ != "by" else None


def _listed_for(anchor: Token) -> Token | None:
    """"Earlier counts were lower: 164 on 9 January and 225 on 15 January": numbers listed after a tally
    noun (or as the values of a tally's verb) are its values."""
    token = anchor
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    if token.dep_ == "appos" and token.head.lemma_.lower() in TALLY_NOUNS:
        return token.head
    return _tally_valued(token, governing_verb(token)) if token != anchor else None


def _held_group(d: _Draft, held: Token) -> None:
    """What a tally holds: "the number of those detained" and "the number of injured" count people
    ("injured" stays the words counted); "the number of people detained" counts people."""
    if held.pos_ == "PRON":
        d.counted_head = "people"
    elif held.lower_ in _STATE_AFTER:
        d.counted, d.counted_head = held.text, "people"
    else:
        d.counted, d.counted_head = phrase_of(held, 0), content_noun(held).lemma_.lower()


def _same_group(d: _Draft, page: _Page) -> None:
    """"… and 18 were killed": a bare subject or object counts the group of the sentence's figure before it
    (not "78 billion tenge, or roughly $180m", in another unit)."""
    if d.held is None and d.noun is None and d.earlier is not None and d.unit == d.earlier.unit \
            and d.anchor.dep_ in ("nsubj", "nsubjpass", "dobj", "conj") and not _after_a_duration(d, page):
        d.counted, d.counted_head = d.earlier.counted, d.earlier.counted_head


def _after_a_duration(d: _Draft, page: _Page) -> bool:
    """A clause after a duration's is about something else: "… for 90 days; police say 412 detained" (blind75)."""
    return d.earlier is not None and d.earlier.counted_head in _DURATION_WORDS | {"night"} \
        and ";" in page.text[d.earlier.end:d.number.start]  # "Night curfew for five nights; more than 200 arrested"


def _claimed(d: _Draft, page: _Page) -> None:
    """What happened, from the verb and the nouns around it ("caused damage": the event is the noun)."""
    d.claim_type, trigger = claim_type_of(d.verb, d.noun, d.anchor, d.unit, d.sentence)
    d.predicate = d.verb.lemma_.lower() if d.verb is not None else None
    if trigger and d.predicate not in claim_lexicon():
        d.predicate = trigger
    done = _done_after_held(d.noun)
    if d.claim_type == "other" and done is not None:
        d.predicate = done  # "ordered the release of 63 detainees": they were released, whoever ordered it (blind120)


def _done_after_held(noun: Token | None) -> str | None:
    """The noun of what was done to those held that the counted noun hangs on: "the release of 63 detainees"."""
    if noun is None or noun.dep_ != "pobj" or noun.head.lower_ != "of" or noun.head.head.pos_ != "NOUN":
        return None
    lemma = noun.head.head.lemma_.lower()
    return lemma if lemma in AFTER_HELD else None


def _named_by_its_event(d: _Draft, page: _Page) -> None:
    """"Of the 21 deaths, 16 were in Bacău County": a bare count of its sentence's group, when that group's noun
    says what happened (deaths, arrests, injuries), has that claim, whatever its own verb (blind65)."""
    if d.claim_type == "other" and d.noun is None and d.earlier is not None and d.unit is None \
            and d.counted_head in EVENT_NOUNS and d.counted_head == d.earlier.counted_head:
        d.claim_type = claim_lexicon().get(d.counted_head, "other")  # not "240 detainees were released, 93 charged"
        d.predicate = d.counted_head if d.claim_type != "other" else d.predicate


def _crowd_before_its_colon(d: _Draft, page: _Page) -> None:
    """"The numbers from the march were as far apart: 12,000 for the police": a bare count after a colon counts the
    crowd the clause before it names."""
    if d.claim_type == "other" and d.unit is None and (d.noun is None or d.tally is not None) \
            and _a_crowd_before_its_colon(d, page):
        d.claim_type, d.predicate = "protesters", "crowd"


def _asked(d: _Draft, page: _Page) -> None:
    """"How many people died? The latest official figure is 230.", "How many were detained? Close
    to 10,000.": the question (or the paragraph) says what a bare number counts."""
    if d.claim_type != "other":
        return
    if d.unit is not None:
        _sum_asked(d)
    elif d.tally is not None and d.held is None:
        _tally_in_context(d, page, d.tally)
    elif d.noun is None and (d.counted is None or d.earlier is not None and d.counted == d.earlier.counted):
        _bare_in_context(d, page)  # "organisers said 80,000 people marched; police said 9,000"


def _sum_asked(d: _Draft) -> None:
    """"What about the damage? The government's first estimate is 180 billion drams.": a sum answering a
    question about damage is damage."""
    asked = _question(d.sentence) if d.unit in CURRENCY_NAMES else None
    if asked is not None and asked[0] == "damage":
        d.claim_type, d.predicate = asked


def _tally_in_context(d: _Draft, page: _Page, tally: Token) -> None:
    """"How many people died? The latest official figure is 230."; "… the toll rose to 230" in a
    paragraph about the dead."""
    _group_asked(d)
    asked = _question(d.sentence)
    context = asked[0] if asked else _corrected_type(d, page) or _paragraph_type(page.figures, page.text,
                                                                                  d.sentence.start_char)
    if context is not None:
        d.claim_type, d.predicate = context, tally.lemma_.lower()


_CORRECTION_LINE = re.compile(r"(?:correction|clarification|update|editor['’]?s note)\b[^:\n]{0,30}:", re.I)


def _corrected_type(d: _Draft, page: _Page) -> str | None:
    """A tally in a correction under the text counts what the figure it corrects to counts: "Correction: An earlier
    version gave the police count as 900. The police figure is 9,000." after "The police counted 9,000" at the
    march (blind115), whatever the paragraph before it counted."""
    start = page.text.rfind("\n", 0, d.number.start) + 1
    line = page.text[start:page.text.find("\n", d.number.start) % (len(page.text) + 1)]
    if not _CORRECTION_LINE.match(line):
        return None
    said = set(re.findall(r"\d[\d,.]*\d|\d", line))
    return next((f.claim_type for f in reversed(page.figures) if f.end <= start and f.claim_type != "other"
                 and f.text.split()[-1] in said), None)


# A crowd a clause names before the colon its counts follow: "The numbers from the march of Saturday were as far
# apart: 12,000 for the police, 200,000 for the organisers" (blind114).
# in lower case, "march" is no month ("Correction (added 16 March): …", "People reached, January-March: 118,430")
_CROWD_NAMED = re.compile(r"\b(?:march(?:es)?|[Rr]all(?:y|ies)|[Cc]rowds?|[Tt]urnout|[Dd]emonstrations?)\b")


_TOLL_NAMED = re.compile(r"\b(?:toll|dead|deaths?|killed|injur\w*|wounded|arrests?|arrested|detain\w*|casualt\w*)\b",
                         re.I)


def _a_crowd_before_its_colon(d: _Draft, page: _Page) -> bool:
    """The clause before the colon names a crowd and counts nothing itself; not "The toll of the march was disputed:
    police gave 12"."""
    start = d.sentence.start_char
    before, colon, _ = page.text[start:d.number.start].partition(":")
    counted = any(start <= f.start < start + len(before) for f in page.figures)
    return bool(colon) and not counted and _CROWD_NAMED.search(before) is not None \
        and _TOLL_NAMED.search(before) is None


def _reported_bare(d: _Draft) -> str | None:
    """The verb of a bare number that gives a count without saying of what ("spoke of 225")."""
    lemma = d.verb.lemma_.lower() if d.verb is not None else None
    return lemma if lemma in _REPORTING_VERBS else None


# "from 5,000 to 7,500 tonnes": the value a change went to, with the noun both values count.
_TO_A_COUNTED_PARTNER = re.compile(r"\s+to\s+(?:about\s+|around\s+|some\s+|nearly\s+)?\d[\d,.]*\s+"
                                   r"(?:(?:million|billion|thousand)\s+)?(?P<noun>[a-z]{3,})\b")


def _from_a_counted_partner(d: _Draft, page: _Page) -> bool:
    """"The toll stood at 58. … The government's pledge rose from 5,000 to 7,500 tonnes" (blind126): a bare value a
    change went from counts what the value it went to counts, not what the paragraph counted."""
    before = page.text[max(0, d.number.start - 25):d.number.start]
    partner = _TO_A_COUNTED_PARTNER.match(page.text, d.number.end) if _FROM_OR_AGAINST.search(before) else None
    noun = page.doc.char_span(partner.start("noun"), partner.end("noun")) if partner else None
    if noun is None or noun[0].pos_ != "NOUN" or noun[0].lemma_.lower() in ("people", "person") \
            or claim_lexicon().get(noun[0].lemma_.lower()) is not None:
        return False
    d.counted, d.counted_head = noun.text, noun[0].lemma_.lower()
    return True


def _group_asked(d: _Draft) -> None:
    """"How many people were detained? … The total has climbed: 2,298 on January 7": the question names the group."""
    question = _question_before(d.sentence)
    group = _asked_group(question) if question is not None else None
    if group is not None and d.counted is None:  # "how many officers" counts officers
        d.counted, d.counted_head = re.sub(r"^many\s+", "", phrase_of(group, 0)), group.lemma_.lower()


def _bare_in_context(d: _Draft, page: _Page) -> None:
    """"How many were detained? Close to 10,000."; "164 deaths … Six days later, prosecutors spoke of 225"."""
    _group_asked(d)
    asked = _question(d.sentence)
    if asked is not None:
        d.claim_type, d.predicate = asked
        return
    if _from_a_counted_partner(d, page):
        return
    verb = _reported_bare(d)
    context = _paragraph_figure(page.figures, page.text, d.sentence.start_char) if verb else None
    if context is not None:  # "An update on 6 January had given 12": what the paragraph counts, 12 of it
        d.claim_type, d.predicate = context.claim_type, verb
        if d.counted is None:
            d.counted, d.counted_head = context.counted, context.counted_head
        if d.counted_head is None and d.claim_type in _PEOPLE_CLAIMS:
            d.counted_head = "people"  # "The ministry's toll stood at seven. … said it had documented 12" (blind89)


def _state_word(d: _Draft, page: _Page) -> None:
    """"26 dead and 18 wounded", "a figure of 164 dead": a state word right after the number."""
    state = _WORD_AFTER.match(page.text[d.number.end:d.number.end + 15])
    noun_is_the_state = d.noun is not None and state is not None and d.noun.idx == d.number.end + state.start(1)
    if (d.noun is None or noun_is_the_state) and state and state.group(1).lower() in _STATE_AFTER:
        d.claim_type = _STATE_AFTER[state.group(1).lower()]
        if d.counted is None or noun_is_the_state:  # "more than 120 hurt", the state parsed as a noun
            d.counted, d.counted_head = state.group(1), "people"
        if noun_is_the_state:
            d.predicate = _STATE_VERBS.get(state.group(1).lower(), d.predicate)


def _to_death(d: _Draft, page: _Page) -> None:
    """"More than 200 workers burned to death", "beaten to death": whatever the verb, they were killed."""
    if d.unit is None and _TO_DEATH.match(page.text, d.number.end, d.sentence.end_char):
        d.claim_type, d.predicate = "killed", "death"


_TO_DEATH = re.compile(r"[^.;,\d]{0,40}?\bto death\b", re.I)


def _whole(d: _Draft, page: _Page) -> Figure | None:
    """"… 225 people lost their lives. Nineteen of them were police officers.": the whole may be
    the last figure of the sentence before, for a part its claim fits ("including 6,000 mosquito nets"
    on the next line is no part of its 600 displaced households)."""
    last = page.figures[-1] if page.figures else None
    if d.earlier is not None:
        return d.earlier
    if last is not None and last.claim_type != "other" and 0 <= d.sentence.start_char - last.end < 250 \
            and fits_noun(last.claim_type, d.noun):
        return last
    return None



def _of_the_state(d: _Draft, page: _Page, after: str) -> bool:
    """"19 of the dead were police officers", "two-thirds of the dead"."""
    if (of_state := _OF_STATE.match(after)):
        d.claim_type = _STATE_AFTER[of_state.group(1).lower()]
        if d.counted is None and d.unit is None:  # "Nine of the 23 dead were in Sindhupalchowk": nine people
            d.counted, d.counted_head = of_state.group(1), "people"
    return bool(of_state)


def _of_the_state_before(d: _Draft, page: _Page, after: str) -> bool:
    """"Of the dead identified so far, 41 were from Dravo": the fronted group's state is the claim."""
    of_state = _OF_STATE_BEFORE.match(page.text[d.sentence.start_char:d.number.start])
    if of_state and d.claim_type == "other":  # its group stays unnamed: a part, not the whole toll
        d.claim_type = _STATE_AFTER[of_state.group(1).lower()]
    return bool(of_state)


_NAMED_PART = re.compile(r"\s+of (?:them|whom),?\s+([a-z]+)(?=\s*(?:[;,.]|$))")  # "9 of them gendarmes;"
_FRONTED_PART = re.compile(r"\s*of (?:them|those|these|whom),?\s*(?:\w+\s+)?$", re.I)  # "Of them, some 4,353"


def _fronted_whole(d: _Draft, page: _Page) -> Figure | None:
    """The figure just before a sentence opening on "Of them," (not "riot police, some 2,000 of them": no figure)."""
    last = _last_group(page, d.number.start)
    if last is None or not 0 <= d.sentence.start_char - last.end < 250:
        return None
    return last if _FRONTED_PART.match(page.text, d.sentence.start_char, d.number.start) else None


def _named_part(d: _Draft, page: _Page) -> Token | None:
    """The noun closing "9 of them gendarmes;" (the tagger may call a plural noun a verb; not "9 of them injured")."""
    named = _NAMED_PART.match(page.text, d.number.end)
    span = page.doc.char_span(*named.span(1)) if named is not None else None
    word = span[0] if span is not None and len(span) == 1 else None
    return word if word is not None and (word.pos_ == "NOUN" or word.tag_ in ("NNS", "VBZ")) else None


def _whole_head(d: _Draft, page: _Page) -> None:
    """"4,578 persons have been recognised as victims. Of them, 4,353 received injuries": a part that names
    no group of its own counts the group of its whole."""
    named = _named_part(d, page)
    if named is not None and d.counted_head in (None, "people"):
        d.counted, d.counted_head = named.text, named.lemma_.lower()  # "27 people, 9 of them gendarmes"
        return
    if not d.part_of or d.counted_head is not None or d.unit is not None:
        return
    whole = d.earlier or _fronted_whole(d, page)
    if whole is not None and whole.unit is None:  # the whole may be "victims", dead and wounded, typed other
        d.counted, d.counted_head = whole.counted, whole.counted_head


def _part_of_the_whole(d: _Draft, page: _Page, after: str) -> bool:
    """"225 killed, including 19 police officers", "3,393 of them" (not "70% of them were released"); a sentence's
    own claim stands before an earlier sentence's ("Kano lost more lives than anywhere else, five of them in a
    single volley" after a paragraph of prices, blind79)."""
    whole = _whole(d, page)
    if whole is not None and d.claim_type != "other" and whole.end < d.sentence.start_char:
        return False
    if whole is not None and d.part_of and d.unit != "%" and (whole.claim_type != "other" or d.claim_type == "other"):
        # "4,578 victims, including 4,353 wounded": a part with a claim of its own keeps it
        d.claim_type, d.predicate = whole.claim_type, whole.predicate
        return True
    return False


def _among_the_state(d: _Draft, page: _Page, after: str) -> bool:
    """"19 officers were among the dead", "4 journalists were among those held"."""
    if (among := _AMONG_STATE.match(after)):
        d.claim_type = _STATE_AFTER.get(among.group(1).lower(), "detained")
    return bool(among)


# "up from 2,298", "against 912 a day earlier", "That compares with 9,100", "closer to 6,000": a figure
# compared with another (in its sentence or the one before) is the same group and claim at another time or
# by another count.
_COMPARED = re.compile(r"\b(?:(?:up|down)\s+from|against|compar(?:es|ed|ing)\s+(?:with|to)|(?:closer|nearer)\s+to|"
                       r"as (?:against|opposed to))\s*$", re.I)


def _compared_with(d: _Draft, page: _Page) -> Figure | None:
    """The figure a comparison before the number points back to: the sentence's last group, else the last
    typed figure of the sentence before; never a count of places ("14,620 evacuated from 23 villages, up from
    9,800": the 9,800 are people)."""
    before = page.text[max(d.sentence.start_char, d.number.start - 25):d.number.start]
    last = _last_group(page, d.number.start)
    if last is not None and last.end > d.sentence.start_char and (_CHANGE_FROM.search(before)
                                                                  or _changed_to(page.text, last, d.number.start)):
        return last
    if not _COMPARED.search(before) or last is None or last.claim_type == "other":
        return None
    return last if d.sentence.start_char - last.end < 400 else None


# Places counted: what a group was counted in, never the group ("evacuated from 23 villages").
_WHERE_HEADS = {"village", "town", "city", "camp", "site", "commune", "settlement", "district", "province",
                "region", "county", "municipality", "state", "department", "oblast"}


def _changed_to(text: str, last: Figure, at: int) -> bool:
    """"raised diesel from Tk 114 to Tk 139 a litre": the value a change went to, after the one it came from
    (blind94)."""
    return bool(re.search(r"\bfrom\s+$", text[max(0, last.start - 6):last.start], re.I)
                and re.fullmatch(r"[^.;:\n\d]{0,20}?\bto\s+", text[last.end:at]))


def _last_group(page: _Page, at: int) -> Figure | None:
    """The last figure before ``at`` in its paragraph that counts no place."""
    last = next((f for f in reversed(page.figures) if f.counted_head not in _WHERE_HEADS), None)
    return None if last is None or "\n\n" in page.text[last.end:at] else last


def _changed_from(d: _Draft, page: _Page, after: str) -> bool:
    """"3,811 in custody, up from 2,298": the earlier value of the same group and claim."""
    partner = _compared_with(d, page)
    if partner is None or d.unit != partner.unit or d.claim_type not in ("other", partner.claim_type) \
            or d.counted_head not in (None, partner.counted_head):  # "against 12 last year": not the same group
        return False
    d.claim_type, d.predicate = partner.claim_type, d.predicate if d.claim_type != "other" else partner.predicate
    head = partner.counted_head or ("people" if partner.claim_type in _PEOPLE_CLAIMS else None)
    d.counted, d.counted_head = d.counted or partner.counted, d.counted_head or head
    return True


def _tally_of_the_last(d: _Draft, page: _Page, after: str) -> bool:
    """"Eleven people have died. The ministry's previous count, given on Tuesday, was seven": a tally that names
    nothing it counts counts what the typed figure before it (in its paragraph, close by) counted."""
    if d.tally is None or d.held is not None or d.claim_type != "other" or d.counted_head or d.unit:
        return False
    last = _whole_of_a_part(page.figures, page.text, _last_group(page, d.number.start))
    if not _a_typed_count_close_before(last, d):
        return False
    d.claim_type, d.predicate = last.claim_type, last.predicate
    d.counted, d.counted_head = last.counted, last.counted_head or "people"
    return True


def _a_typed_count_close_before(last: Figure | None, d: _Draft) -> TypeGuard[Figure]:
    return last is not None and last.claim_type != "other" and not last.unit \
        and d.sentence.start_char - last.end <= 400


# The first of these that holds decides.
_WHOLE_RULES = (_of_the_state, _of_the_state_before, _part_of_the_whole, _among_the_state, _changed_from,
                _tally_of_the_last)


def _part_of_a_whole(d: _Draft, page: _Page) -> None:
    """A part, or an earlier value, shares its whole's claim."""
    text, number, sentence = page.text, d.number, d.sentence
    after = text[number.end:min(sentence.end_char, number.end + 80)]
    d.part_of = bool(_PART_OF_BEFORE.search(text[max(sentence.start_char, number.start - 20):number.start])
                     or _LISTED_PART_BEFORE.search(text[max(sentence.start_char, number.start - 90):number.start])
                     or _PART_OF_AFTER.match(after))
    any(rule(d, page, after) for rule in _WHOLE_RULES)
    _whole_head(d, page)


# Animals a disaster killed are a loss, no toll: "the mudflows killed some 1,450 cattle, sheep and goats".
_ANIMALS = {"sheep", "goat", "cattle", "cow", "livestock", "buffalo", "poultry", "chicken", "pig", "animal", "camel",
            "horse", "donkey", "head"}


def _lost_in_a_fire_or_killed_animals(d: _Draft) -> bool:
    return d.claim_type == "fires" and d.counted_head in _BURNED_THINGS or d.claim_type == "killed" \
        and d.counted_head in _ANIMALS


def _burned_things(d: _Draft, page: _Page) -> None:
    """"400 vehicles burned", "six storage tanks burned out": what a fire (or a flood) destroyed is damage."""
    if _lost_in_a_fire_or_killed_animals(d):
        d.claim_type = "damage"
    elif d.claim_type == "other" and d.counted_head in _BURNED_THINGS and d.unit is None:
        ruin = next((t.lemma_.lower() for t in _own_clause_words(d) if t.lemma_.lower() in _RUINING), None)
        if ruin is not None:  # "a burned area of 900 hectares", "60 cars burned", "1,500 houses were flooded"
            d.claim_type, d.predicate = "damage", ruin


_OTHER_CLAUSES = {"conj", "parataxis", "advcl", "relcl", "ccomp"}


def _own_clause_words(d: _Draft) -> list[Token]:
    """The words of the figure's own clause: "Assessors have inspected 1,612 buildings: 438 were destroyed"
    (the 1,612 were only inspected), "612 of the vehicles were insured" (not the sentence's "burned")."""
    top = d.verb if d.verb is not None else (d.noun if d.noun is not None else d.anchor)
    kept, stack = [], [top]
    while stack:
        token = stack.pop()
        kept.append(token)
        stack.extend(c for c in token.children if c.dep_ not in _OTHER_CLAUSES)
    return kept + _described_by(d.noun if d.noun is not None else d.anchor)


def _described_by(group: Token) -> list[Token]:
    """The adjectives on the nouns the group hangs on, up to its verb: "a burned area of 900 hectares"."""
    words: list[Token] = []
    for above in group.ancestors:
        if above.pos_ in ("VERB", "AUX"):
            break
        words += [c for c in above.children if c.dep_ == "amod"]
    return words


_COUNTED_TWICE = re.compile(r"[^.;]{0,40}?\b(?:(?:counted|listed|registered|recorded) twice|double[- ]counted)\b",
                            re.I)
# "That figure counted two patients twice": the verb before the number, "twice" after what it counts.
_COUNTED_BEFORE = re.compile(r"\b(?:counted|listed|registered|recorded)\s+$", re.I)
_TWICE_AFTER = re.compile(r"[^.;]{0,30}?\btwice\b", re.I)


def _counted_twice(text: str, start: int, end: int) -> bool:
    """A count said to have been counted twice, a correction: "eight bodies had been counted twice"."""
    return bool(_COUNTED_TWICE.match(text, end)
                or _COUNTED_BEFORE.search(text, max(0, start - 12), start) and _TWICE_AFTER.match(text, end))


# Things counted that are no casualties: charges ("43 counts"), ammunition and arms ("400 rounds"), and the
# areas a count covers ("41,200 evacuated in five provinces").
_CHARGE_HEADS = {"count", "charge"}
_ARMS_HEADS = {"round", "bullet", "cartridge", "shell", "pistol", "rifle", "gun", "weapon", "grenade", "magazine",
               "canister", "projectile"}  # "Teargas canisters fired: at least 46" were no fires (blind130)
_AREA_HEADS = {"province", "region", "district", "county", "municipality", "state", "department", "oblast"}


def _no_casualties(d: _Draft, page: _Page) -> None:
    """"eight bodies had been counted twice" (a correction), "Attempted murder: 43 counts", "seized 400 rounds
    of ammunition", "41,200 evacuated in five provinces": no one was killed, held or moved in these."""
    before = page.text[max(d.sentence.start_char, d.number.start - 8):d.number.start].lower()
    area = d.counted_head in _AREA_HEADS and re.search(r"\b(?:in|across|of)\s+(?:the\s+|all\s+)?$", before)
    if _counted_twice(page.text, d.number.start, d.number.end) or d.counted_head in _CHARGE_HEADS | _ARMS_HEADS \
            or area or _sentences_counted(d):
        d.claim_type = "other"


def _sentences_counted(d: _Draft) -> bool:
    """"173 death sentences" (blind66) are no deaths; "2 serving sentences" are people held (blind49)."""
    return d.counted_head == "sentence" and d.noun is not None and any(
        c.lemma_.lower() in ("death", "prison", "jail", "life") for c in d.noun.children)


def _moved_or_on_duty(d: _Draft) -> bool:
    """Sent or moved ("1,000 police were flown in"), or on the job ("300 firefighters took part")."""
    moved = {d.predicate or "", d.verb.lemma_.lower() if d.verb is not None else ""} & _MOVE_VERBS
    return bool(moved or _ON_DUTY.search(d.sentence.text))


_LABEL_LINE = re.compile(r"(?:^|\n)[^\S\n]*(?:[-*•·][^\S\n]+)?[^:\n]{1,60}:[^\S\n]*$")


def _force_in_a_label(d: _Draft, page: _Page) -> bool:
    """"- Armed Forces personnel: 3 900": a force counted on a label line of its own, no harm said, is on duty."""
    label = _LABEL_LINE.search(page.text, max(0, d.number.start - 80), d.number.start)
    return d.counted_head in _TROOP_HEADS - {"unit"} and d.claim_type == "other" and label is not None \
        and d.counted_head in label.group().lower()  # the label names the force, not "Health: three units"


def _sent_not_harmed(d: _Draft) -> bool:
    """"It sent 12 fire engines": the fire its sentence speaks of did not harm what was sent; "Some 85
    firefighters fought the fire": a force is no number of fires."""
    moved = d.verb is not None and d.verb.lemma_.lower() in _MOVE_VERBS
    return d.claim_type == "fires" or d.claim_type == "damage" and moved or d.claim_type == "displaced" \
        and d.counted_head in _TROOP_HEADS and _displaced_to(d.verb)


def _displaced_to(verb: Token | None) -> bool:
    """A force "displaced to the southern regions" was sent there (blind81's translated Spanish), not driven out."""
    return verb is not None and verb.lemma_.lower() == "displace" and any(c.lower_ == "to" for c in verb.children)


# A force's strength: "The grouping of forces numbers more than 6,200 people and 1,540 units of equipment" (blind66's
# translated briefing; the model parses "numbers" as a noun there).
_FORCE_STRENGTH = re.compile(r"\b(?:forces|troops|contingent)\s+(?:numbers|numbered|totals|totalled|comprises)\b"
                             r"[^.;:]*$", re.I)


def _force_strength(d: _Draft, page: _Page) -> None:
    """Whatever a force is said to number, people or equipment, was deployed."""
    if d.claim_type == "other" and _FORCE_STRENGTH.search(page.text, d.sentence.start_char, d.number.start):
        d.claim_type = "deployed"


def _troops(d: _Draft, page: _Page) -> None:
    """"a CSTO force of 2,030 soldiers guarded airports": troops sent or in a military sentence are deployed."""
    if d.counted_head not in _TROOP_HEADS | _SENT_HEADS:
        return
    if _sent_not_harmed(d):
        d.claim_type = "deployed"
        return
    if d.claim_type not in _GROUP_TYPES:
        return
    context = _MILITARY if d.counted_head in _TROOP_HEADS else _SENT_CONTEXT
    military = d.counted_head != "unit" and context.search(d.sentence.text)
    if _moved_or_on_duty(d) or military or _force_in_a_label(d, page):
        d.claim_type = "deployed"
    elif d.claim_type == "protesters":
        d.claim_type = _no_crowd_of_a_force(d)


def _no_crowd_of_a_force(d: _Draft) -> str:
    """"200 riot police stood by": no crowd, and not said to be sent; "20,000 workers marched" are (blind66)."""
    return "other" if d.counted_head in _TROOP_HEADS else d.claim_type


def _listed_with_the_deployed(d: _Draft, page: _Page) -> None:
    """"we had 1,900 police officers, 640 members of the armed forces and 37 boats": what is listed after a
    deployed group, with the same verb and no clause between, was deployed too."""
    last = page.figures[-1] if page.figures else None
    if d.claim_type != "other" or d.unit is not None or last is None or last.claim_type != "deployed" \
            or last.end <= d.sentence.start_char or last.predicate != d.predicate:
        return
    if _NEXT_IN_A_LIST.fullmatch(page.text[last.end:d.number.start]):
        d.claim_type = "deployed"


# What lies between two items of a list: the first's noun (and its "of" phrase), then "," or "and"; not a place
# ("deployed 1,150 volunteers and 36 staff in the five worst-hit districts").
_NEXT_IN_A_LIST = re.compile(r"(?:\s+(?!(?:in|at|to|from|for|across|over|on|with|while|but|who|which|that|when)\b)"
                             r"[\w'’-]+){0,8}\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:a further\s+|another\s+)?", re.I)


_LAND_HEADS = {"hectare", "hectares", "ha", "acre", "acres"}
# Land a disaster harmed: "the fires had burned 18,000 hectares", "Burned area: 52 600 hectares", "the affected
# surface reaches 41 500 hectares", "2,600 hectares of crops flooded".
_LAND_HARMED = re.compile(r"\b(?:burn\w*|flood\w*|destroy\w*|affect\w*|damag\w*|ravag\w*|scorch\w*|inundat\w*|"
                          r"submerg\w*|consum\w*|devastat\w*|charred|swept|washed away|under ?water)\b", re.I)


def _land_harmed(d: _Draft, page: _Page) -> None:
    """Land burned, flooded or otherwise harmed is damage, whatever verb gives its size."""
    if d.claim_type in ("other", "fires") and (d.counted_head or "").lower() in _LAND_HEADS \
            and _LAND_HARMED.search(d.sentence.text):
        d.claim_type = "damage"


# "4,800 of our members have withdrawn their labour", "2,900 are still out", "have stopped work", "stayed away"
_ON_STRIKE = re.compile(r"[^.;]{0,60}?\b(?:(?:on|joined the|went on|staged a) strike|stopped work|"
                        r"downed tools|walked out|withdrawn? their labou?r|"
                        r"(?:still|remained|remain|stayed|staying|are|were) (?:still )?(?:out|away from work|away)\b)",
                        re.I)


_WHOLE_BEFORE = re.compile(r"\bof (?:its|the|their|our|a workforce of)\s+$")


def _on_strike(d: _Draft, page: _Page) -> None:
    """Workers on strike are one count whatever verb says so ("have stopped work", "are staying away")."""
    whole = _WHOLE_BEFORE.search(page.text, max(0, d.number.start - 25), d.number.start)
    if d.claim_type == "other" and d.unit is None and not whole \
            and _ON_STRIKE.match(page.text, d.number.end, d.sentence.end_char) \
            and re.search(r"\bstrik|\bunion\b|\bwork", d.sentence.text, re.I):
        d.predicate = "strike"  # not the workforce: "2,900 of its 5,600 workers … are still out"


_OUT_ALIVE = re.compile(r"[^.;,]{0,50}?\b(?:out |found |rescued |recovered )?alive\b", re.I)


def _out_alive(d: _Draft, page: _Page) -> None:
    """"rescuers had brought 94 people out of the rubble alive": whatever the verb, they were rescued."""
    if d.claim_type == "other" and d.unit is None and _OUT_ALIVE.match(page.text, d.number.end, d.sentence.end_char):
        d.predicate = "rescue"


def _lives_lost(d: _Draft, page: _Page) -> None:
    """"deplores the loss of nine lives", "the fire caused the loss of 12 lives", "the riots caused the loss of 11
    lives": lives lost are the dead (not "saved 200 lives"); so are the lives something cost, whatever the parse made
    its subject ("The blockades that forced the retreat cost at least eight lives", blind121)."""
    lost = d.claim_type in ("damage", "fires", "price") \
        or d.claim_type == "protesters" and _LOST.search(d.sentence.text)
    if lost and d.counted_head == "life":
        d.claim_type, d.predicate = "killed", "lose life"


_LOST = re.compile(r"\b(?:loss|lost|losing|claimed)\b", re.I)


def _money_burned(d: _Draft, page: _Page) -> None:
    """"The fire caused losses of 20 million pula": money is never a count of fires; what it is of was harmed."""
    if d.claim_type == "fires" and d.unit in CURRENCY_NAMES:
        d.claim_type = "damage"


def _handled_bodies(d: _Draft, page: _Page) -> None:
    """What is done with the dead after the count: "22 bodies have been handed over to relatives", "11 bodies
    could not be identified" count bodies so handled, not the toll (the claim model leaves them be)."""
    if d.claim_type == "killed" and d.counted_head in BODY_HEADS and d.verb is not None \
            and d.verb.lemma_.lower() in DONE_WITH_THE_DEAD:
        d.claim_type, d.predicate = "other", d.verb.lemma_.lower()


# People moved by others out of harm's way: "moved 8,750 people out of low-lying settlements", "moved some 450
# residents to a school", "ferried 350 people off the beach" (people who fled on their own are displaced).
_MOVING_VERBS = {"move", "shift", "ferry", "transfer"}
_MOVED_PEOPLE = {"people", "person", "resident", "inhabitant", "villager", "family", "household", "holidaymaker",
                 "tourist", "visitor", "child", "patient", "student", "local", "passenger"}


def _moved_out(d: _Draft, page: _Page) -> None:
    group = d.noun if d.noun is not None else d.anchor
    if d.claim_type != "other" or d.verb is None or d.verb.lemma_.lower() not in _MOVING_VERBS \
            or d.counted_head not in _MOVED_PEOPLE or group.dep_ not in ("dobj", "nsubjpass"):
        return  # "3,000 residents moved to relatives" moved themselves
    if any(c.lower_ in ("out", "away", "off", "to", "from") and c.dep_ in ("prt", "prep", "advmod")
           for c in d.verb.children):
        d.claim_type = "evacuated"


# People staying in shelters or camps are displaced: "2,314 people still sleeping in 41 evacuation centres",
# "389 people were still in the 11 temporary placement centres", "1,100 people stay in schools used as shelters".
_IN_A_SHELTER = re.compile(r"[^.;:]{0,50}?\b(?:in|at|inside)\s+(?:the\s+|a\s+)?(?:\d[\d,]*\s+)?(?:[\w-]+\s+){0,2}?"
                           # "130 families remain in 9 welfare centres", as Sri Lanka names them (blind57)
                           r"(?:shelters?|(?:evacuation|placement|collective|relief|transit|welfare)\s+(?:cent(?:re|er)s?|"
                           r"camps?|sites?)|camps?|tents?|schools used as shelters)\b", re.I)


_STAYING_VERBS = {"be", "stay", "sleep", "live", "remain", "shelter", "house", "lodge", "spend", "take", "find"}


# Out of their homes with others: "96 families or about 350 persons are staying with relatives" (blind124).
_WITH_HOSTS = re.compile(r"[^.;:]{0,50}?\b(?:with|among)\s+(?:their\s+)?(?:relatives|host families|friends|"
                         r"family members|neighbours|neighbors)\b", re.I)


def _sheltered(d: _Draft, page: _Page) -> None:
    """People staying in shelters or with relatives, and people counted in a table of those in shelters ("Table 1.
    Families and persons inside evacuation centres", blind124), are displaced."""
    if d.claim_type != "other" or d.unit is not None or d.counted_head not in _MOVED_PEOPLE:
        return
    staying = (d.predicate or "be") in _STAYING_VERBS and bool(_IN_A_SHELTER.match(page.text, d.number.end)
                                                             or _WITH_HOSTS.match(page.text, d.number.end))
    caption = _table_caption(page.text, d.number.start)
    if staying or caption is not None and _IN_A_SHELTER.search(caption.split("\n")[0]):
        d.claim_type = "displaced"


# "6,800 persons were left without shelter", "left 2,100 people without a roof": homeless, whatever did it.
_WITHOUT_A_ROOF = re.compile(r"[^.;\d]{0,40}?\bwithout (?:a |any |their )?(?:roof|shelter|homes?|housing|"
                             r"place to live)\b", re.I)


def _without_a_roof(d: _Draft, page: _Page) -> None:
    if d.claim_type in ("other", "fires") and d.unit is None and d.counted_head in _MOVED_PEOPLE | {None} \
            and _WITHOUT_A_ROOF.match(page.text, d.number.end, d.sentence.end_char):
        d.claim_type = "displaced"


def _restates(d: _Draft, page: _Page) -> bool:
    """An untyped written number after "the" ("The 18 comes from …", "The 4,600 personnel include …")."""
    return d.claim_type == "other" and d.unit is None and not d.is_word_number \
        and page.text[max(0, d.number.start - 4):d.number.start].lower() == "the "


def _the_same_number(d: _Draft, page: _Page) -> None:
    """"… moved from 18 to 19. The 18 comes from the ministry's update; the 19 is the prosecutor's figure.":
    "the" and a number given before repeat that figure and keep its claim (when it names no other group)."""
    if not _restates(d, page):
        return
    same = next((f for f in reversed(page.figures) if f.value == d.number.value and f.claim_type != "other"
                 and f.unit is None), None)
    if same is None or d.counted_head not in (None, same.counted_head, *TALLY_NOUNS):
        return
    d.claim_type, d.predicate = same.claim_type, same.predicate
    if d.counted_head in (None, *TALLY_NOUNS):  # "the 19 is the prosecutor's figure": what the 19 counted
        d.counted, d.counted_head = same.counted, same.counted_head


# "The 4,600 personnel include 1,850 soldiers, about 1,200 APF members and 1,550 police officers": the parts a
# typed whole is said to include share its claim.
_INCLUDING_VERBS = {"include", "comprise", "consist"}


def _included(d: _Draft, page: _Page) -> None:
    if d.claim_type != "other" or d.unit is not None or d.verb is None or d.verb.lemma_.lower() not in _INCLUDING_VERBS:
        return
    whole = _whole_subject(d.verb, page)
    if whole is not None and whole.claim_type != "other":
        d.claim_type = whole.claim_type


def _whole_subject(verb: Token, page: _Page) -> Figure | None:
    """The figure counting a verb's subject ("The 4,600 personnel include …"), if one does."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    return next((f for f in reversed(page.figures) if subject.left_edge.idx <= f.start <= subject.idx), None)


_CHANGE_ENDS = re.compile(r"\b(?:from|to)\s*$", re.I)
_CHANGE_NOUNS = {"rise", "increase", "hike", "jump", "cut", "drop", "fall", "reduction", "change"}


def _price_change(d: _Draft, page: _Page) -> None:
    """"… cut the price to ₸50. The government gave the rise as one from ₸50–60 to ₸110–120.": money at the
    ends of a change named by a noun, right after a price, is a price too (not "the wage, raised from …")."""
    if d.unit not in CURRENCY_NAMES or d.claim_type != "other" or not any(
            t.pos_ == "NOUN" and t.lemma_.lower() in _CHANGE_NOUNS for t in d.sentence):
        return
    if _CHANGE_ENDS.search(page.text[d.sentence.start_char:d.number.start]) and _paragraph_type(
            page.figures, page.text, d.sentence.start_char) == "price":
        d.claim_type, d.predicate = "price", "price"


def _moved_like_the_price_before(d: _Draft, page: _Page) -> None:
    """"Petrol now costs 3,150 tugriks a litre … Diesel is up from 2,780 to 3,390" (blind124): bare values at the ends
    of a change, right after a price in a currency, are prices in it."""
    if d.unit is not None or d.claim_type != "other" or d.noun is not None \
            or not _value_in_a_change(page.text, d.number):
        return
    last = _paragraph_figure(page.figures, page.text, d.sentence.start_char)
    if last is not None and last.claim_type == "price" and last.unit in CURRENCY_NAMES:
        d.claim_type, d.predicate, d.unit = "price", "price", last.unit
        d.counted_head = CURRENCY_NAMES[last.unit]


def _lone_one(d: _Draft, page: _Page) -> None:
    """"one of the most stable states", "one night": a word, not a count; "suspended for one week" is how long."""
    how_long = says_how_long(page.text[max(0, d.number.start - 20):d.number.start])
    d.dropped = d.dropped or d.is_word_number and d.number.value == 1 and d.claim_type == "other" \
        and not (d.counted_head in _DURATION_WORDS and how_long)


def _restated(d: _Draft, page: _Page) -> None:
    """"Four guards were charged. … the case against the four guards": "the" and a word number repeating
    an earlier figure of the same group name the group again and add no count."""
    before = page.text[max(0, d.number.start - 4):d.number.start].lower()
    vague = d.number.text.lower() in VAGUE  # "estimated it in the thousands" repeats no "about 2,000" (blind73)
    d.dropped = d.dropped or d.is_word_number and before == "the " and d.counted_head is not None and not vague \
        and any(f.value == d.number.value and f.counted_head == d.counted_head for f in page.figures)


def _numbering(d: _Draft, page: _Page) -> None:
    """"the force would number some 2,500", "the crowd reached 10,000": the subject of a verb of
    numbering is the group counted."""
    if d.noun is not None or d.counted_head is not None or d.verb is None or d.verb.lemma_ not in _NUMBERING_VERBS:
        return
    subject = next((c for c in d.verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"
                    and c.lemma_.lower() not in TALLY_NOUNS), None)
    if subject is not None:
        d.counted, d.counted_head = phrase_of(subject, 0), subject.lemma_.lower()


def _planned(d: _Draft, page: _Page) -> None:
    """"the force would number some 2,500", "will send 3,000 troops": a plan or forecast, not a count."""
    verb = d.verb
    d.planned = verb is not None and (any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children) or (
        verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _PLAN_VERBS))


# "- 140: shops burned or looted, traders' union": a list item that gives its number first, then what it counts.
_NUMBER_FIRST_ITEM = re.compile(r"(?:^|\n)[^\S\n]*(?:[-*•][^\S\n]+)?\Z")
_LABEL_AFTER = re.compile(r"[^\S\n]*:[^\S\n]*(?P<label>[^\n,;(]{2,60})")


def _label_after(d: _Draft, page: _Page) -> Span | None:
    if not _NUMBER_FIRST_ITEM.search(page.text, max(0, d.number.start - 8), d.number.start):
        return None
    after = _LABEL_AFTER.match(page.text, d.number.end)
    if after is None:
        return None
    return page.doc.char_span(after.start("label"), after.end("label"), alignment_mode="contract")


def _table_row(d: _Draft, page: _Page) -> None:
    """"Injuries | 4,353", "Arrested: 9,900+", "- 140: shops burned or looted": a table or infobox row's label, or
    a list item's, says what the number counts."""
    label = _row_label(d, page) or _label_after(d, page)
    if label is None or _turn_taker(label):
        return
    lemma = _label_claim_word(label)
    more_cells = _more_cells(d, page)
    if lemma is not None:
        d.claim_type, d.predicate = claim_lexicon()[lemma], lemma
        d.counted_head = d.counted_head or (None if more_cells else _row_group(label))
    elif d.counted_head is None and not more_cells:
        d.counted_head = _thing_labelled(label)


def _label_claim_word(label: Span) -> str | None:
    """The word of a label the claim lexicon knows: the head noun of a noun phrase first ("Protest deaths" are
    deaths), else the first it knows ("Injured persons treated", "Treated in hospital")."""
    noun = _label_noun(label)
    head = _header_word(noun) if noun is not None and label[0].pos_ in ("NOUN", "PROPN", "ADJ") else None
    words = [word for word in _label_words(label) if word in claim_lexicon()]
    return head if head in words else next(iter(words), None)


def _thing_labelled(label: Span) -> str | None:
    """"Ambulances: 62": a label the lexicon has no claim for still names what is counted."""
    noun = _label_noun(label)
    word = _header_word(noun) if noun is not None else None
    return None if word is None or word in EVENT_NOUNS | TALLY_NOUNS else word


def _more_cells(d: _Draft, page: _Page) -> bool:
    """"| Fatal | 0 | 2 |": a cell of a table with more columns after it (the columns say who is counted); a table
    without outer bars too ("Blantyre | 128 | 3 | 1,102" under "District | New cases | …", blind57)."""
    line_start = page.text.rfind("\n", 0, d.number.start) + 1
    return bool(re.search(r"\|[ \t]*$", page.text[line_start:d.number.start])) and bool(  # a cell, not a "label: 245"
        re.match(r"[^|\n]*\|\s*[^|\s]", page.text[d.number.end:]))


# "Key figures: deceased persons: 23 | injured persons: 245", "- Persons not located: 19", "Key figures
# (as of 12:00): Deaths: 9 | Injured: 64", "Deaths documented: 27 · People injured: 152": one of the
# "label: value" pairs of a line, after a bullet, a heading or the previous pair.
# A form's numbered field too: "C2. Estimated officers deployed: 150 to 200", "4.1) Shops looted: 9" (blind130); not
# a decree's clause in lower case, "4) for each damaged house: up to 40,000 somoni" (blind49).
_PAIR_LABEL = re.compile(r"(?:[-*•]\s+|\(?[A-Z]?\d{1,2}(?:\.\d{1,2})?[.)]\s+(?=[A-Z]))?"
                         r"(?:[A-Z][^\n|]{0,40}?:\s+)?(?P<label>[A-Za-z][A-Za-z ()'-]{1,70}?)\s*:\s*")
_PAIR_SEPARATORS = "|;·•"
# "| Deaths | 227 (208 civilians, …) |", "245, of whom 112"; an infobox's "| Deaths | 15–27[1][2] |" (blind79)
_CELL_END = re.compile(r"\+?(?:\[\w{1,3}\])*\s*(?:[|\n(,;·•]|$)")


# "| Protest deaths | 3 (police) 4 (SARM) |": the values of the cell before this one, each with its source, and
# an infobox's footnote markers: "| Deaths | 23 (police)[1] 34 (Ondjango)[2] |" (blind85).
_EARLIER_VALUES = re.compile(r"(?:(?<=[|:] )\d[\d,.]*\+?\s*\([A-Za-z][^()|\n]{0,30}\)(?:\[\w{1,3}\])*[ \t]*)*$")


# A value followed by how far it is established: "- Deaths: 3 confirmed, two in Pasir Mas" (blind130).
# Not "SENAPRED's evening report: 46 confirmed dead" (blind17), where the word belongs to the value's own phrase.
_HEDGED_VALUE_END = re.compile(r"[^\S\n]+(?:confirmed|reported|recorded|registered|so far|in total)[^\S\n]*(?:[,;.]|$)",
                               re.M)


def _row_label(d: _Draft, page: _Page) -> Span | None:
    """The label of the row or pair the number is the value of, if it is one."""
    line_start = page.text.rfind("\n", 0, d.number.start) + 1
    segment = page.text[line_start:d.number.start]
    if not _CELL_END.match(page.text, d.number.end) and not _HEDGED_VALUE_END.match(page.text, d.number.end):
        return None
    segment = _EARLIER_VALUES.sub("", segment, count=1)
    row = _ROW_LABEL.fullmatch(segment)
    if row is None:
        cell = max(segment.rfind(mark) for mark in _PAIR_SEPARATORS) + 1
        row = _PAIR_LABEL.fullmatch(segment, cell + len(segment[cell:]) - len(segment[cell:].lstrip()))
    if row is None:
        return None
    return page.doc.char_span(line_start + row.start("label"), line_start + row.end("label"), alignment_mode="expand")


def _label_words(label: Span) -> Iterator[str]:
    """A label's words as the lexicon knows them, a negated one as "not <word>" ("Persons not located",
    "Non-fatal injuries")."""
    for token in label:
        word = _header_word(token)
        before = label.doc[max(label.start, token.i - 2):token.i].text.lower().replace(" ", "")
        yield f"not {word}" if before.endswith(("not", "non-", "non")) else word


def _header_phrase(label: Span | None) -> str | None:
    """The words of a header's noun: "| Security forces injured |" counts security forces (blind89)."""
    noun = _label_noun(label) if label is not None else None
    if label is None or noun is None:
        return None
    return label.doc[min(t.i for t in noun.subtree if t.i >= label.start):noun.i + 1].text


def _header_noun(label: Span | None) -> str | None:
    noun = _label_noun(label) if label is not None else None
    return _header_word(noun) if noun is not None else None


def _label_noun(label: Span) -> Token | None:
    """The noun a label names before its verb or preposition: "Injured persons treated in the network",
    "CSTO troops", "Persons not located", "Firefighters and rescuers engaged"."""
    noun = None
    for token in label:
        if _ends_the_label(token, noun, label):
            break
        if token.is_alpha and token.pos_ in ("NOUN", "PROPN") and token.lower_ not in _STATE_VERBS \
                and token.ent_type_ not in ("DATE", "TIME"):  # an infobox's "| Date | 18–25 October 2026 |" row
            noun = token
    return noun


def _ends_the_label(token: Token, noun: Token | None, label: Span) -> bool:
    """"Arrests (protests)": what brackets add qualifies the noun; a verb or a preposition after it ends it;
    "Detained during the day", "Total since 19 October": no day nor month is counted (blind64)."""
    after_noun = noun is not None and (token.pos_ in ("VERB", "ADP", "AUX", "PART") or token.lower_ == "not")
    return token.text == "(" or after_noun or (token.i > label.start and token.lower_ in _WHEN_WORDS)


_WHEN_WORDS = {"during", "since", "until", "till", "through", "throughout"}


def _row_group(label: Span | None) -> str:
    """"CSTO troops | 2,030" counts troops (the label's noun); "Deaths | 227", "Arrested | 9,900+" count
    people (an event or a state names no group)."""
    noun = _label_noun(label) if label is not None else None
    if noun is None:
        return "people"
    word = _header_word(noun)
    return "people" if word in EVENT_NOUNS | TALLY_NOUNS or word == "casualty" else word


_CELLS = re.compile(r"[^|\n]+")


def _row_cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


_RULE_LINE = re.compile(r"\s*\|?\s*:?-{3,}")


def _header_line(text: str, line_start: int) -> int | None:
    """The header row of a cell's table: the nearest row over a "|---|" rule ("| Table 1. Deaths by place |"
    over a rule over "| Place | Deaths |" over a rule), else the first line of the block of "|" rows."""
    header, under_rule = None, False
    while line_start > 0:
        previous = text.rfind("\n", 0, line_start - 1) + 1
        line = text[previous:line_start]
        if "|" not in line:
            break
        is_rule = bool(_RULE_LINE.match(line))
        if under_rule and not is_rule:
            return previous
        header, line_start, under_rule = previous, previous, is_rule
    return header


def _header_cell(text: str, line_start: int, column: int) -> tuple[int, int] | None:
    """The header above a cell of a plain-text table ("Province | Deaths | Injured" over "Sindh | 604 | 2,318")."""
    header = _header_line(text, line_start)
    if header is None:
        return None
    line_end = text.find("\n", header)
    cells = list(_CELLS.finditer(text, header, line_end if line_end >= 0 else len(text)))
    return (cells[column].start(), cells[column].end()) if column < len(cells) else None


# "| Deaths (all) | of whom: killed while attacking |": a part of the row's whole, its group unnamed.
_PART_HEADER = re.compile(r"\s*(?:of (?:whom|which|them)|including|incl\.)\b", re.I)


# A column named for a time: "| Before the strike | This Friday |" holds prices, no strike (blind81).
_TIME_HEADER = re.compile(r"\s*(?:before|after|until|since|during)\b", re.I)


def _column_word(label: Span | None) -> Token | None:
    """The first word of a column header the claim lexicon knows; none for a part's column ("of whom: …")."""
    if label is None or _PART_HEADER.match(label.text) or _TIME_HEADER.match(label.text):
        return None
    # not the month of an infobox's first row, "| Date | 2–9 March 2026 |" (blind73)
    return next((t for t in label if _header_word(t) in claim_lexicon() and t.ent_type_ not in ("DATE", "TIME")),
                None)


# A hospital table's columns of patients: "| Seen | Admitted | In ICU now | Discharged | Died |" (only as a
# header: "the ministry admitted 40 arrests" is no injury).
_PATIENT_HEADERS = {"admitted", "hospitalised", "hospitalized", "icu", "inpatients", "in-patients"}


# A column of patients by their condition: "| Critical | Serious | Stable |" (blind66), only as the whole header.
_CONDITION_HEADER = re.compile(r"(?:in\s+)?(?:critical|serious|stable|severe|moderate|minor)(?:\s+condition)?", re.I)


def _patients_column(label: Span | None) -> str | None:
    if label is not None and _CONDITION_HEADER.fullmatch(label.text.strip()):
        return label.text.strip().lower()
    return next((t.lower_ for t in label if t.lower_ in _PATIENT_HEADERS), None) if label is not None else None


# "| Received |" under "PATIENTS BY HOSPITAL": the patients a hospital took in are injured (blind66); not "| Received |"
# in a table of aid or of applications.
_RECEIVED_HEADER = re.compile(r"(?:patients\s+)?(?:received|seen|admissions|arrivals)", re.I)
_PATIENTS = re.compile(r"\bpatients\b", re.I)


def _patients_received(d: _Draft, page: _Page, label: Span | None) -> bool:
    caption = _table_caption(page.text, d.number.start) or ""
    if label is None or not _RECEIVED_HEADER.fullmatch(label.text.strip()) or not _PATIENTS.search(caption):
        return False
    d.claim_type, d.predicate, d.counted_head = "injured", label.text.strip().lower(), None
    return True


def _column_header(text: str, start: int) -> tuple[int, int] | None:
    """The header cell over the cell at ``start``: of a table in "|" rows, else of one aligned by spaces."""
    line_start = text.rfind("\n", 0, start) + 1
    if "|" not in text[line_start:start]:
        return aligned_header(text, start)
    return _header_cell(text, line_start, text[line_start:start].count("|") - text[line_start:start].startswith("|"))


def _table_column(d: _Draft, page: _Page) -> None:
    """"Province | Deaths | Injured" / "Sindh | 604 | 2,318": a cell's column header says what it counts
    ("Deaths" counts deaths; "Injured", a state, names no group)."""
    _row_claim(d, page)  # a row's claim stands before a caption's ("| Fatal | 0 | 2 | 2 |" under "Injuries")
    where = _column_header(page.text, d.number.start)
    label = page.doc.char_span(*where, alignment_mode="expand") if where else None
    if not (_typed_by_header(d, label) or _patients_received(d, page, label)) and label is not None \
            and d.counted_head is None and d.unit is None and not _PART_HEADER.match(label.text):
        _counted_by_header(d, page, label)
    _header_measure(d, label)
    if label is not None:
        _column_kind(d, label.text)
        if _a_month_before_another(page.text, where, label.text):
            d.phase = "before"  # "| Stratum | June | July |": June's prices are those before July's (blind123)


def _a_month_before_another(text: str, where: tuple[int, int] | None, header: str) -> bool:
    """A column headed by a month, with a later month's column after it in the same header row."""
    month = MONTHS.get(header.strip().lower())
    if where is None or month is None:
        return False
    later = text[where[1]:text.find("\n", where[1]) % (len(text) + 1)].lower()
    return any(MONTHS.get(cell, 0) > month for cell in _row_cells(later))


def _column_kind(d: _Draft, header: str) -> None:
    """A column of pack sizes or of ages holds no figures ("| Unit |", blind63; "| Name | Age |", blind88); "| Still
    held on 21 April |" counts those held now, not all who were detained (blind50); "| Days held |" counts days
    (blind72)."""
    d.dropped = d.dropped or bool(_SIZE_COLUMN.fullmatch(header.strip()) or _AGE_COLUMN.fullmatch(header.strip()))
    if d.claim_type == "detained" and _STILL_HELD.search(header):
        d.predicate = STILL_HELD
        d.counted_head = "people" if d.counted_head in ("custody", "detention") else d.counted_head
    if d.counted_head in _DURATION_WORDS and d.unit is None:  # "| Days held |" counts days, not the held (blind72)
        d.claim_type = "other"
    if _BEFORE_COLUMN.match(header):  # kept for a price only (keys.with_keys); the cell is typed after this step
        d.phase = "before"
    _column_of_what(d, header.strip())


# A column of the prices before a change: "| Product | Unit | Until 4 Nov | 5–11 Nov | From 12 Nov |" (blind75),
# "| Old price |", "| Previous |", "| This week | Last week | Change |" (blind86).
_BEFORE_COLUMN = re.compile(r"\s*(?:until|till|up to|before|old|previous|former|last\s+(?:week|month))\b", re.I)


def _column_of_what(d: _Draft, header: str) -> None:
    """"| Demonstrations |" counts gatherings held (blind74); a "| Change |" column of sums next to fares is a price's
    change (blind76)."""
    if counts_gatherings(header):
        d.claim_type, d.counted = "other", d.counted or header
    if d.claim_type == "other" and d.unit in CURRENCY_NAMES and _CHANGE_COLUMN.fullmatch(header):
        d.claim_type = "price"


# "| Still held on 21 April |"; "| Detained | Released | In custody |" (blind81)
_STILL_HELD = re.compile(r"\b(?:still|remain\w*)\s+(?:held|detained|in custody|in detention)\b|"
                         r"^\s*in\s+(?:custody|detention)\s*$", re.I)
_CHANGE_COLUMN = re.compile(r"(?:price\s+|fare\s+)?(?:change|increase|rise|difference|variation)(?:\s*\([^()]*\))?",
                            re.I)
# A column giving the size each row's price is for: "Item | Unit | Mar 2026" over "Sugar | 1 kg | 168.20" (blind63).
# "| Units |" in the plural counts units (shops, flats: blind96).
_SIZE_COLUMN = re.compile(r"unit|(?:pack|packet|package)(?:\s+size)?|size|measure|unit of measure", re.I)
_AGE_COLUMN = re.compile(r"age(?:\s*\((?:years?|yrs?)\))?|aged?\s+\(?years?\)?", re.I)


def _counted_by_header(d: _Draft, page: _Page, label: Span) -> None:
    """"| Candidate | Votes |", "| Injuries | Crew | Passengers |": whom the column counts; a running total, what the
    caption says happened."""
    place = _place_column(label, page)
    if place is not None:  # "Type | Anderlecht | Molenbeek | Total" under "Fires by type" (blind88)
        d.place = place
        _typed_by_caption(d, page)
        return
    noun = _label_noun(label)
    d.counted_head = _header_word(noun) if noun is not None else None
    if noun is None and label.text.strip().lower() in _RUNNING_TOTALS:  # "| Total |", tagged an adjective (blind69)
        d.counted_head = label.text.strip().lower()
    a_years_column = noun is None and bool(A_YEAR.fullmatch(label.text.strip()))
    if _names_who_counted(label, noun) or d.counted_head in _RUNNING_TOTALS or a_years_column:
        _typed_by_caption(d, page)  # a year's column too: "2025" under "Deaths by road user, 2024 and 2025" (blind70)
    _counted_by_row_label(d, page, a_years_column)


def _counted_by_row_label(d: _Draft, page: _Page, a_years_column: bool) -> None:
    """Under a year's column, a cell with no head counts what its row's label names (``_row_labels_noun``)."""
    if a_years_column and d.counted_head is None:
        d.counted_head = _row_labels_noun(d, page)


def _row_labels_noun(d: _Draft, page: _Page) -> str | None:
    """"Species | 2023 | 2026" over "Elephant | 2,913 | 3,124": under a year, a row counts what its label names, when
    that is no place and no total (blind98)."""
    line_start = page.text.rfind("\n", 0, d.number.start) + 1
    cell = _row_cells(page.text[line_start:d.number.start])[0]
    first = page.text.find(cell, line_start) if cell else -1
    label = page.doc.char_span(first, first + len(cell), alignment_mode="expand") if first >= 0 else None
    noun = _label_noun(label) if label is not None else None
    if label is None or noun is None or any(t.i in page.places for t in label) or noun.lower_ in _RUNNING_TOTALS:
        return None
    return _header_word(noun)


def _place_column(label: Span, page: _Page) -> str | None:
    """A column named for a place: its cells are that place's counts of what the caption says; a name beside such a
    column is a place too ("| Anderlecht | Molenbeek |", blind88)."""
    tagged = {page.places[t.i] for t in label if t.i in page.places}
    if len(tagged) == 1 and all(t.i in page.places for t in label if t.is_alpha):
        return tagged.pop()
    name = label.text.strip()
    return name if _a_town(name, page.text) or _beside_a_town(label, page) else None


def _beside_a_town(label: Span, page: _Page) -> bool:
    """A name in a header row beside a town's name is a town too: "| Anderlecht | Molenbeek |"."""
    name = label.text.strip()
    line_start = page.text.rfind("\n", 0, label.start_char) + 1
    cells = [c.strip() for c in page.text[line_start:page.text.find("\n", label.end_char)].strip(" |").split("|")]
    named = bool(name) and all(t.pos_ == "PROPN" for t in label) and name.lower() not in _RUNNING_TOTALS
    return named and any(_a_town(c, page.text) for c in cells[1:] if c != name)


def _a_town(name: str, text: str) -> bool:
    """A name the gazetteer knows as a town, not a country, that the text never writes as a common word ("Police",
    "Date" are towns somewhere)."""
    return bool(name) and name.casefold() not in country_names() and is_known_place(name) \
        and not re.search(rf"\b{re.escape(name.lower())}\b", text)


# A column's header naming a count, not what it counts: "Total since 19 October"; "| Police figure (18 May) |" beside
# "| Deaths |" under a caption of deaths by city (blind79).
# A body's name in a header: "Ombudsman's Office", "Health Ministry", "Police" (the model tags "Votes" an ORG too).
_COUNTING_BODY = re.compile(r"['’]s\b|\b(?:Office|Ministry|Police|Commission|Authority|Government|Ombudsman|Agency|"
                            r"Council|Service)\b")


def _names_who_counted(label: Span, noun: Token | None) -> bool:
    """"| Place | Ombudsman's Office | CADH |" under "Table 1. Deaths by place": a column named for who counted counts
    what the caption says (blind81)."""
    return noun is not None and noun.pos_ == "PROPN" and "%" not in label.text and (  # not "| CFR (%) |" (blind57)
        bool(_COUNTING_BODY.search(label.text)) or noun.is_upper and len(noun) > 1 and noun.ent_type_ == "ORG")


# "| Counted | Registered | Daily average |" under "ARRIVALS BY CROSSING POINT" (blind84): how each column counted.
_RUNNING_TOTALS = {"total", "tally", "count", "cumulative", "figure", "figures", "estimate", "number",
                   "counted", "registered", "daily"}  # not "| Received | Verified |" claims of damage (blind72)


def _typed_by_caption(d: _Draft, page: _Page) -> None:
    """"| Total since 19 October |" beside "| Detained during the day |" under "Table 1. Persons detained, by day": a
    running total counts what the table's caption says happened (blind64), unless its row said ("| Fatal | 0 | 2 | 2 |"
    under "Injuries to persons", blind24)."""
    span = _caption_span(d, page) if d.claim_type == "other" else None
    word = next((_header_word(t) for t in span or () if _header_word(t) in claim_lexicon()), None)
    if word is not None:  # the column's own word stays its predicate: a running total, not one day's count
        d.claim_type, d.predicate = claim_lexicon()[word], d.counted_head
        d.counted_head = "people" if d.claim_type in _PEOPLE_CLAIMS else d.counted_head
    elif _patients_column(span) is not None:  # "5. ADMITTED PATIENTS BY CONDITION (n = 54)" over "| Total |"
        d.claim_type, d.predicate, d.counted_head = "injured", d.counted_head, None


def _caption_span(d: _Draft, page: _Page) -> Span | None:
    """The first line of the caption over the cell's table, as a span of the document."""
    caption = (_table_caption(page.text, d.number.start) or _aligned_caption(page.text, d.number.start) or "")
    caption = caption.split("\n")[0]
    at = page.text.rfind(caption, 0, d.number.start) if caption else -1
    return page.doc.char_span(at, at + len(caption), alignment_mode="expand") if at >= 0 else None


def _aligned_caption(text: str, at: int) -> str | None:
    """The line over a table aligned by spaces ("3. Deaths by road user, 2024 and 2025:"), blank lines skipped."""
    header = aligned_header(text, at)
    top = text.rfind("\n", 0, header[0]) if header else -1
    while top > 0 and not text[text.rfind("\n", 0, top) + 1:top].strip():
        top = text.rfind("\n", 0, top)
    return text[text.rfind("\n", 0, top) + 1:top] if top > 0 else None


def _header_measure(d: _Draft, label: Span | None) -> None:
    """"| Area damaged (ha) |": the cells count hectares; "| Change y/y (%) |": the cells are shares (blind63)."""
    measure = _HEADER_MEASURE.search(label.text) if label is not None and d.unit is None else None
    if measure is not None and measure.group(1) == "%":
        d.unit = "%"
        d.claim_type = "other" if d.claim_type in ("price", "damage") else d.claim_type
    elif measure is not None:
        d.counted_head = _MEASURE_WORDS[measure.group(1).lower()]


# A column's measure in brackets: "| Area damaged (ha) |" counts hectares, "| Losses (tonnes) |" tonnes.
_MEASURE_WORDS = {"ha": "hectare", "hectares": "hectare", "acres": "acre", "t": "tonne", "tonnes": "tonne",
                  "tons": "ton", "km": "km", "mm": "mm", "km2": "km2", "km²": "km2"}
_HEADER_MEASURE = re.compile(r"\((" + "|".join(_MEASURE_WORDS) + r"|%)\)\s*$", re.I)


# A table's unit, said once over it: "Here is where prices stand, in birr per litre:", "Damage by province
# (VUV million)", "in millions of euros".
# "(VUV million)", "in birr per litre", "in thousands of tenge"; "1. Residential tariff (soles per m³, before VAT)"
# (blind78), "gave the following prices on 27 and 28 March (CFA francs):" (blind80).
_TABLE_UNIT = re.compile(r"\(\s*(?P<code>[A-Z]{3})\s+(?P<scale>thousand|million|billion)s?\s*\)|"
                         r"(?:\bin\s+|\(\s*(?=(?:[A-Z][A-Za-z]+\s+)?[a-z]+\s*(?:per\b|\))))"
                         r"(?:(?P<scales>thousand|million|billion)s\s+of\s+)?(?P<word>[A-Za-z][A-Za-z]+(?:\s[a-z]+)?)\b")


def _table_currency(d: _Draft, page: _Page) -> None:
    """A bare number in a "|" table whose caption names a currency is a sum in it, at the caption's scale:
    "| Petrol (benzene) | 127.50 |" under "prices ..., in birr per litre:" is 127.50 birr. Not a cell whose
    column counts people ("| Deaths |")."""
    caption = _table_caption(page.text, d.number.start)
    if caption is None:
        return
    if d.unit is not None or d.number.unit is not None:
        _sum_in_a_price_table(d, page, caption)
        return
    named = _column_currency(page.text, d.number.start)  # "| Taka | Euro |", "| Amount (€) |": each column its own
    if not _alone_in_its_cell(page.text, d, _caption_sign(caption)) or not _may_be_a_sum(d, named) \
            or named is None and _counts_things(d, page):
        return
    unit = named or _caption_unit(caption) or _caption_unit(_table_note(page.text, d.number.start))
    if unit is not None:
        d.unit = regional_unit(page.text, unit[0])
        d.number = _scaled(d.number, unit[1])
    if _PRICES.search(caption) and not _NO_PRICE_COLUMN.match(_header_of(page.text, d)):
        _priced_in_its_table(d, page)  # "Prices in Vietnamese dong per kilogram"; not "| Item | Amount (€) |"
    else:
        _counts_its_currency(d)


# A column of sums that are no prices in a table that has prices: "| Price found (TJS) | Fine (TJS) |" (blind135).
_NO_PRICE_COLUMN = re.compile(r"(?:fines?|penalt\w+|loss(?:es)?|damages?|compensation|wages?|salar\w+|budget)\b",
                              re.I)


def _sum_in_a_price_table(d: _Draft, page: _Page, caption: str) -> None:
    """"Sunflower oil, 1.5 l | $ 2.399,90 | $ 2.999,90" under "Selected prices (Argentine pesos, VAT included)"
    (blind80): a sum written with its sign in a table of prices is its row's price."""
    if d.claim_type == "other" and (d.unit or d.number.unit) != "%" and _PRICES.search(caption):
        _priced_in_its_table(d, page)
    elif d.claim_type == "other" and _PRICES.search(caption) and _CHANGE_COLUMN.fullmatch(_header_of(page.text, d)):
        d.predicate = "price"  # "| Item | Before | After | Change |" over "| Gasoline | 570 | 790 | +39% |" (blind115)


# Plural heads of a column of sums: "| Losses |", "| Prices |".
_SUMS = frozenset({"price", "cost", "fee", "fare", "tariff", "loss", "wage", "salary", "amount", "sum", "total", "rate",
                   "value", "estimate", "payment", "damage", "expense"})


def _counts_things(d: _Draft, page: _Page) -> bool:
    """A column headed by a plural noun counts things, under a caption in a currency: "| Rooms affected |" beside "|
    Estimated cost |" in "Table: damage by building (in €)" (blind101); not "| This week |", "| Losses |"."""
    header = _column_header(page.text, d.number.start)
    span = page.doc.char_span(*header, alignment_mode="expand") if header else None
    first = next((t for t in span if not t.is_punct and not t.is_space), None) if span is not None else None
    return first is not None and first.tag_ == "NNS" and first.lemma_.lower() not in _SUMS


# A column of how much a price moved, as a share: "| Change |", "| Rise (%) |".
_CHANGE_COLUMN = re.compile(r"(?:%\s*)?(?:change|rise|increase|difference|var(?:iation)?\.?)(?:\s*\(%\))?", re.I)


def _header_of(text: str, d: _Draft) -> str:
    header = _column_header(text, d.number.start)
    return text[header[0]:header[1]].strip() if header else ""


def _priced_in_its_table(d: _Draft, page: _Page) -> None:
    """A sum in a table of prices: its row's (or column's) good's price, or a tariff of no named good ("Residential
    tariff (soles per m³)", blind78)."""
    line_start = page.text.rfind("\n", 0, d.number.start) + 1
    _priced_by_its_row(d, page.text, line_start, _cells_before(page.text[line_start:d.number.start]))
    if d.claim_type == "other":
        d.claim_type, d.predicate = "price", "price"


_REPAIRS = re.compile(r"\b(?:repairs?|reconstruction|rebuilding|damages?|losses)\b", re.I)


def _repair_costs(d: _Draft, page: _Page) -> None:
    """A table of what repairs cost is of damage, not prices: "Cost of repairs and replacement" over "| Item | Cost
    (zł) |" (blind76)."""
    if d.unit not in CURRENCY_NAMES or d.claim_type not in ("price", "other"):
        return
    caption = _table_caption(page.text, d.number.start) or ""
    if d.claim_type == "price" and d.predicate == "cost" and _REPAIRS.search(caption) \
            or d.claim_type == "other" and (_LOSSES_CAPTION.match(caption) or _REINSTATED.search(d.sentence.text)):
        d.claim_type = "damage"


# A sum that puts right what was destroyed: "accept the reinstatement estimate of R3,96 million" (blind119); not
# "the reinstatement of 85 dismissed colleagues", which is no sum.
_REINSTATED = re.compile(r"\breinstatement (?:estimate|cost)", re.I)


_SCALED = re.compile(r"\d\s*(?:million|billion|trillion|bn|m)\b", re.I)
_LOSS_WORDS = re.compile(r"\b(?:loss(?:es)?|damages?|cost|costs)\b", re.I)
_NOUN_AFTER = re.compile(r"\s+(?!(?:in|of|for|to|at|from|by|and|or|a|an|the|was|were|is|are|has|have|had)\b)[^\W\d_]",
                         re.I)


def _scaled_sum_in_the_texts_currency(d: _Draft, page: _Page) -> None:
    """"Losses at Dantokpa market, put by the traders at 1.3 billion, …" in a text whose every sum so far is in CFA
    francs (blind98): a loss or a cost in millions or billions with no currency is in the text's one currency."""
    if d.unit is not None or not _SCALED.search(d.number.text) \
            or not (_LOSS_WORDS.search(d.sentence.text) or _a_loss_said_alone(d, page)) \
            or _NOUN_AFTER.match(page.text, d.number.end):  # "cost 1.2 million people their homes"
        return
    # its conversions aside: "18.6 billion CFA francs (about $30.3 million). The union says 42 billion" (blind137)
    currencies = {f.unit for f in page.figures if f.unit in CURRENCY_NAMES and not _a_conversion(f, page.text)}
    if len(currencies) == 1:
        d.unit = currencies.pop()
        d.counted_head, d.claim_type = CURRENCY_NAMES[d.unit], "damage" if d.claim_type == "other" else d.claim_type


def _a_loss_said_alone(d: _Draft, page: _Page) -> bool:
    """A loss the paragraph gave, said again in a sentence with no sum of its own: "The union says 42 billion" after
    "losses at 18.6 billion CFA francs" (blind137); not "the special fund from 1.2 billion to 1.9 billion" in a
    sentence of sums in francs."""
    in_its_sentence = [f for f in page.figures if f.unit in CURRENCY_NAMES and f.start >= d.sentence.start_char]
    return d.claim_type == "damage" and not in_its_sentence


# A table of sums titled by what was lost: "Direct losses, 25 May to 11 June, in US$ million:" (blind82); or by
# what putting it right costs: "Table 1. Reinstatement estimate (excl. VAT)" over a burned arcade's repairs (blind119).
_LOSSES_CAPTION = re.compile(r"\W*(?:(?:table\s+)?\d+[.:]\s*)?(?:[A-Za-z]+\s+){0,2}(?:losses|damage|reinstatement|"
                             r"repairs?)\b", re.I)


def _alone_in_its_cell(text: str, d: _Draft, sign: str | None = None) -> bool:
    """"| 412,500,000 |" (or "| 1,046[3] |") is a sum in the table's currency; "| Ministry of Defence - 3 firefighting
    aircraft hire |" counts aircraft (blind51). The sign the caption gives the currency may follow it: "| 650 F |"
    under "Prices in Cotonou, in CFA francs (F)" (blind117)."""
    start = max(text.rfind("|", 0, d.number.start), text.rfind("\n", 0, d.number.start)) + 1
    end = min(i for i in (text.find("|", d.number.end), text.find("\n", d.number.end), len(text)) if i >= 0)
    after = text[d.number.end:end].strip()
    return not re.search(r"\w", text[start:d.number.start]) and (not re.match(r"[^\W\d_]", after) or after == sign)


# The sign a caption gives its currency, in brackets after it: "in CFA francs (F)".
_CAPTION_SIGN = re.compile(r"\b[a-z]{3,}\s+\((?P<sign>[^\s()\d]{1,3})\)")


def _caption_sign(caption: str) -> str | None:
    found = _CAPTION_SIGN.search(caption)
    return found.group("sign") if found else None


# A currency closing a title row after a comma: "| Kampala prices, Uganda shillings | | |" (blind118).
# (It has _TABLE_UNIT's groups, never matched, so that one reader serves both.)
_CAPTION_TAIL = re.compile(r",\s+(?P<word>[A-Za-z][a-z]+(?:\s[a-z]+)?)(?P<code>(?!))?(?P<scale>(?!))?(?P<scales>(?!))?"
                           r"\s*(?:\||$)", re.M)


def _caption_unit(caption: str) -> tuple[str, float] | None:
    """The currency and scale a table's caption names: "in birr per litre", "(VUV million)", or at its first line's
    end, "Table 2: Average retail prices of selected items (KSh)" (blind63)."""
    found = next((m for m in _TABLE_UNIT.finditer(caption) if _currency_of(m)), None) \
        or next((m for m in _CAPTION_TAIL.finditer(caption) if _currency_of(m)), None)
    if found is None:
        return _unit_named(caption.split("\n")[0])
    return _currency_of(found) or "", SCALES.get(_caption_scale(found), 1.0)


def _may_be_a_sum(d: _Draft, named: tuple[str, float] | None) -> bool:
    """Not a cell counting people ("| Deaths |"), unless its column names a currency: "| Passenger deceased |
    1,500,000 | 38 |" under "| Category | Compensation per person (Rs) | Cases |" is a sum per person (blind58)."""
    if d.claim_type not in _PEOPLE_CLAIMS:
        return True
    if named is not None:
        d.claim_type = "other"
    return named is not None


# "Residential tariff (soles per m³)" (blind78), "What things cost at the Túpac Amaru market" (blind81)
# "Table 1. Fees in CFA francs (F CFA)" over a market's pitch fees (blind116)
_PRICES = re.compile(r"\b(?:prices?|tariffs?|fares?|fees?)\b|/\s*(?:kg|kilo|litre|liter|l|bag|unit)\b|"
                     r"\bwhat\b[^|\n]{0,30}\bcosts?\b", re.I)


_GOODS_COLUMN = re.compile(r"commodity|commodities|items?|products?|goods|staples?", re.I)


def _row_currency(d: _Draft, page: _Page) -> None:
    """"Market | Commodity | Currency | Apr 2026 |" over "Lilongwe | Maize grain | MWK | 1,150 | 980": a row's
    currency cell makes its bare numbers sums in that currency; where a column names the goods, each is the price of
    the row's good (a market monitor's table)."""
    line_start = page.text.rfind("\n", 0, d.number.start) + 1
    cells = _cells_before(page.text[line_start:d.number.start])
    code = next((c for c in (_currency_code(cell) for cell in cells) if c is not None), None)
    if code is None or d.unit is not None or d.number.unit is not None or d.claim_type in _PEOPLE_CLAIMS:
        return
    d.unit = regional_unit(page.text, code)
    _priced_by_its_row(d, page.text, line_start, cells)


def _priced_by_its_row(d: _Draft, text: str, line_start: int, cells: list[str]) -> None:
    """A sum in a table with a column of goods is the price of its row's good; in a table of places by goods, of
    its column's."""
    good = _rows_good(text, line_start, cells) or _columns_good(text, d.number.start)
    if good is not None and d.claim_type in ("other", "price"):
        d.claim_type, d.predicate, d.counted, d.counted_head = "price", "price", good, None
    _counts_its_currency(d)


def _rows_good(text: str, line_start: int, cells: list[str]) -> str | None:
    """The row's cell under a "Commodity" (or "Item", "Product") header, if the table has one."""
    header = _header_line(text, line_start)
    names = _row_cells(text[header:text.find("\n", header)]) if header is not None else []
    goods = next((i for i, name in enumerate(names) if _GOODS_COLUMN.fullmatch(name)), None)
    return cells[goods] if goods is not None and goods < len(cells) else None


# A column header that names what a sum is, not what it buys: "| Price (₦) |", "| Amount (€) |".
_NO_GOOD = re.compile(r"(?:average |mean |median )?(?:prices?|costs?|amounts?|values?|totals?|averages?|sums?)", re.I)


def _columns_good(text: str, at: int) -> str | None:
    """"| City | Petrol (₦/litre) | Rice, 50kg bag (₦) |" over "| Lagos | 1,045 | 82,000 |": a column header naming
    its currency names the good before it ("Petrol", "Rice") (blind66)."""
    header = _column_header(text, at)
    words = text[header[0]:header[1]].strip() if header else ""
    good = re.split(r"[(,]", words)[0].strip()
    return good if good and _unit_named(words) is not None and not _NO_GOOD.fullmatch(good) else None


def _cells_before(line: str) -> list[str]:
    """The whole cells of a "|" row before a place in it (the row's "|" edge is no cell)."""
    pieces = [piece.strip() for piece in line.split("|")[:-1]]
    return pieces[1:] if line.lstrip().startswith("|") else pieces


def _currency_code(cell: str) -> str | None:
    """A cell that is only a currency: "MWK", "kwacha"."""
    return cell if cell in CODES else CURRENCY_CODES.get(cell.lower())


def _counts_its_currency(d: _Draft) -> None:
    """A sum counts its currency; its column says what it is of ("| Damage |")."""
    if d.unit is not None:
        d.counted, d.counted_head = d.counted or d.counted_head, CURRENCY_NAMES.get(d.unit, d.counted_head)


def _caption_scale(found: re.Match[str]) -> str:
    return found.group("scale") or found.group("scales") or ""


# A header's currency in its brackets or after its comma, with the scale it may add: "Amount (€)", "Cost (MK)",
# "Amount, EUR", "Losses (US$ million)".
# "This week (₫/kg)": a currency per measure (blind55's market bulletin).
# "Amount (€)", "(US$ m)", "(₫/kg)", "Amount (₹ in crore)" (blind60)
_HEADER_UNIT = re.compile(r"[(,]\s*(?P<unit>[^\s\d()/]{1,4})\s*(?:in\s+)?(?P<scale>thousand|million|billion|lakh|crore|"
                          r"m|bn)?s?(?:\s*(?:/|per\b)\s*[a-z]{1,6})?\s*\)?\s*$", re.I)  # "(P per liter)" (blind74)

# A currency in brackets inside a caption, not at its end: "Median prices, Round 1 and Round 2 (in ₮)", "Basic
# hourly rates (FJ$), grades 1 to 6" (blind124).
# A sign, letters and a sign, or a code; not a letter alone, which may be no currency ("(m)").
_UNIT_IN_BRACKETS = re.compile(r"\(\s*(?:in\s+)?(?P<unit>[A-Za-z]{0,3}[^\w\s()/]|[A-Z]{3})\s*"
                               r"(?P<scale>thousand|million|billion|m|bn)?s?\s*\)")


_HEADER_UNIT_FIRST = re.compile(r"(?P<unit>[A-Z]{3}|US\$|[$€£¥₹])\s*(?P<scale>thousand|million|billion|m|bn)s?\b")
# "Direct losses, 25 May to 11 June, in US$ million:" (blind82); "Prices in RD$ per gallon, taxes included."
# (blind86)
_HEADER_UNIT_IN = re.compile(r"\bin\s+(?P<unit>[A-Z]{3}|[A-Z]{0,3}\$|[€£¥₹])\s*"
                             r"(?:(?P<scale>thousand|million|billion|m|bn)s?\b|(?=(?:per|a|an)\s|/))")


def _column_currency(text: str, at: int) -> tuple[str, float] | None:
    """The currency a cell's column header names ("| Euro |", "| Amount (€) |"), and its scale."""
    header = _column_header(text, at)
    words = text[header[0]:header[1]].strip() if header else ""
    if words.lower() in CURRENCY_CODES:
        return CURRENCY_CODES[words.lower()], 1.0
    return _unit_named(words)


def _unit_named(words: str) -> tuple[str, float] | None:
    """The currency a header or a caption names at its end, and its scale: "Amount (€)", "Losses (US$ million)",
    "Table 2: Average retail prices of selected items (KSh)"; or at its start: "USD million (central)" (blind63)."""
    found = _HEADER_UNIT.search(words) or _HEADER_UNIT_FIRST.match(words) or _HEADER_UNIT_IN.search(words) \
        or _UNIT_IN_BRACKETS.search(words)
    code = UNITS.get(found.group("unit").lower()) if found else None
    if found is None or code is None or code == "%":
        return None
    return code, SCALES.get((found.group("scale") or "").lower(), 1.0)


def _scaled(n: NumberSpan, scale: float) -> NumberSpan:
    return dataclasses.replace(n, value=n.value * scale, low=None if n.low is None else n.low * scale,
                               high=None if n.high is None else n.high * scale)


def _currency_of(found: re.Match[str]) -> str | None:
    if found.group("code"):
        return found.group("code") if found.group("code") in CODES else None
    words = found.group("word").lower().split()  # "(Kenya shillings per head, …)" (blind80)
    return next((CURRENCY_CODES[w] for w in (" ".join(words), words[0]) if w in CURRENCY_CODES), None)


def _table_note(text: str, at: int) -> str:
    """The first sentence of the line right under the "|" table holding ``at``, when it is short: "Prices in
    gourdes." under a table of fuel prices (blind115) says the unit a caption above did not."""
    end = text.find("\n", at)
    while end != -1 and "|" in text[end + 1:text.find("\n", end + 1) % (len(text) + 1)]:
        end = text.find("\n", end + 1)
    note = text[end + 1:].split("\n", 1)[0] if end != -1 else ""
    first = re.split(r"(?<=[.:;])\s", note, maxsplit=1)[0]
    return first if len(first) <= 80 else ""


def _table_caption(text: str, at: int) -> str | None:
    """The line over the "|" table holding ``at`` (blank lines skipped), with the table's first row (a title row);
    None outside one. A plain-text table may have no outer "|" ("Pork carcass | Da Nang | 78,500 | 74,000")."""
    start = text.rfind("\n", 0, at) + 1
    if "|" not in text[start:at]:
        return None
    while start > 0:
        above = text.rfind("\n", 0, start - 1) + 1
        while above > 0 and not text[above:start].strip():  # a caption a blank line above its table (blind66)
            above = text.rfind("\n", 0, above - 1) + 1
        if "|" not in text[above:start]:
            return text[above:text.find("\n", start) % (len(text) + 1)]
        start = above
    return text[:text.find("\n") % (len(text) + 1)]


def _typed_by_header(d: _Draft, label: Span | None) -> bool:
    """The claim a column header names: a word of the claim lexicon, or a hospital's column of patients."""
    word = _column_word(label)
    if word is not None:
        d.claim_type, d.predicate = claim_lexicon()[_header_word(word)], _header_word(word)
        d.counted_head = _header_word(word) if word.lower_ not in _STATE_VERBS and word.pos_ not in ("VERB", "ADJ") \
            else _header_noun(label)  # "| Homes destroyed |" counts homes
        if d.counted_head != _header_word(word):
            d.counted = d.counted or _header_phrase(label)
        if d.unit in CURRENCY_NAMES:  # "| Fare 2025 |" over "| $3.350 |": a sum counts its currency (blind76)
            d.counted_head = CURRENCY_NAMES[d.unit]
        if d.claim_type in _PEOPLE_CLAIMS:
            d.counted_head = d.counted_head or "people"  # "| Missing |" counts people
        return True
    patients = _patients_column(label)
    if patients is not None:
        d.claim_type, d.predicate, d.counted_head = "injured", patients, None
    return patients is not None


def _row_claim(d: _Draft, page: _Page) -> None:
    """"| Fatal | 0 | 2 | 2 |": a cell past the second takes its claim from its row's label's words; any cell past the
    first from its condition ("| Serious | 1 | 8 |")."""
    line_start = page.text.rfind("\n", 0, d.number.start) + 1
    cells = _row_cells(page.text[line_start:d.number.start])
    if d.claim_type != "other" or not cells[0] or not page.text[line_start:d.number.start].lstrip().startswith("|"):
        return
    first = page.text.find(cells[0], line_start) if len(cells) > 1 else -1  # a label's word past the first cell
    label = page.doc.char_span(first, first + len(cells[0]), alignment_mode="expand") if first >= 0 else None
    claimed = _row_labels_claim(label, cells[0])
    if claimed is not None:
        d.claim_type, d.predicate = claimed


def _row_labels_claim(label: Span | None, cell: str) -> tuple[str, str] | None:
    """The claim and its word a row's label names: a word of the lexicon, or the injured's condition ("| Serious | 1 |
    8 | 9 |", blind24)."""
    lemma = next((w for w in _label_words(label) if w in claim_lexicon()), None) if label is not None else None
    if lemma is not None:
        return claim_lexicon()[lemma], lemma
    return ("injured", cell.lower()) if _CONDITION_HEADER.fullmatch(cell) else None


def _header_word(token: Token) -> str:
    """A header's word as the lexicon knows it: "Deaths" → death, "Injuries" → injury (a header is
    often tagged a proper noun, which spaCy does not lemmatize); "Injured" (a state) → injure."""
    if token.lower_ in _STATE_VERBS:
        return _STATE_VERBS[token.lower_]
    if token.pos_ == "PROPN":
        return _rough_singular(token.lower_)
    lemma = token.lemma_.lower()  # a capitalised plural the model may leave as it is ("Fatalities" on a bullet)
    return _rough_singular(lemma) if lemma not in claim_lexicon() and _rough_singular(lemma) in claim_lexicon() \
        else lemma


def _rough_singular(word: str) -> str:
    """"casualties" → "casualty", "losses" → "loss", "loss" stays."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    return word if word.endswith("ss") else word.removesuffix("s")


# A line that opens on a label: "2. Deaths: we reported 97; …", "Crowd size on the square: at least 5,000".
_LINE_LABEL = re.compile(r"[ \t]*(?:\d{1,2}[.)/][ \t]+|[-*•][ \t]+)?(?P<label>[A-Z][\w' -]{1,40}?):[ \t]")


# Types a group's own name can give ("57 protesters"): what a label or a verb says of them comes first.
_GROUP_TYPES = ("other", "protesters")


def _label_of_line(d: _Draft, page: _Page) -> Span | None:
    line_start = page.text.rfind("\n", 0, d.number.start) + 1
    label = _LINE_LABEL.match(page.text, line_start, d.number.start)
    if label is None or _SHORT_VALUE.match(page.text, label.end(), d.number.start):
        return None  # "Rating: FALSE. The official toll is 17": the label had its own value
    span = page.doc.char_span(label.start("label"), label.end("label"), alignment_mode="expand")
    return None if span is None or _speaker(span) or _a_source(span) or _a_clause(span) else span


def _a_clause(label: Span) -> bool:
    """"The arrests this time were comparable: 1,642 by the police count. … Estimates of the march run from
    6,000": a sentence before a colon names nothing the later sentences count (blind85)."""
    root = label.root  # a finite clause: "were comparable", not "City vehicles damaged" or "Customers who lost power"
    finite = root.pos_ == "AUX" or any(c.dep_ in ("aux", "auxpass") for c in root.children)
    return finite and any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children)


_SHORT_VALUE = re.compile(r"[^.!?\n\d]{1,25}[.!?]\s")  # "Rating: FALSE. …", "Status: confirmed. …"


def _a_source(label: Span) -> bool:
    """"SENAPRED's evening report: 46 confirmed dead", "Navy: toll rises to 17": who reports, not what is
    counted."""
    name = {t.ent_type_ for t in label if t.is_alpha}
    return any(t.lower_ in ("'s", "’s") for t in label) or label.root.lemma_.lower() in _REPORT_NOUNS \
        or len(name) == 1 and name <= {"ORG", "GPE", "NORP", "PERSON"}


_REPORT_NOUNS = {"report", "update", "statement", "briefing", "bulletin", "navy", "army", "police", "ministry",
                 "government", "rating", "verdict", "source", "latest", "note"}


def _speaker(label: Span) -> bool:
    """"BASHIR LAWAL: The organisers claimed …", "The Minister (Mr Tomas Reiner): …": a transcript's
    speaker, not a label of what is counted."""
    return "(" in label.text or label.text.isupper() and len(label) > 1 or any(
        t.ent_type_ == "PERSON" for t in label) or _turn_taker(label)


def _turn_taker(label: Span) -> bool:
    """"GANTULGA: About 1,800, of whom 600 …": a name in capitals that opens several lines of the page takes turns
    in a transcript (blind92); "DEATHS: 12" names no one (the claim lexicon knows it)."""
    word = label.text.strip()
    return word.isupper() and word.lower() not in claim_lexicon() and label.doc.text.count(f"\n{word}:") >= 2


def _line_label(d: _Draft, page: _Page) -> None:
    """"2. Deaths: we reported 97; the ministry had recorded 88": a bare number on a labelled line
    counts what the label names."""
    span = _label_of_line(d, page) if d.unit is None and (d.noun is None or d.claim_type in _GROUP_TYPES) else None
    if span is None:
        return
    if d.counted_head is None and d.tally is None and span.root.pos_ in ("NOUN", "PROPN"):
        d.counted_head = _header_word(span.root)  # not "Factory collapse: Death toll climbs to 41"
    _typed_by_words(d, span)
    _people_not_the_place(d, span)


def _people_not_the_place(d: _Draft, span: Span) -> None:
    """"Treated in hospital: 180" counts people, not hospitals; "Shelters: 14" counts shelters (its own word
    says what happened)."""
    place = next((t for t in span if _header_word(t) == d.counted_head), None)
    if place is not None and d.predicate != d.counted_head and not fits_noun(d.claim_type, place):
        d.counted_head = "people"


def _typed_by_words(d: _Draft, span: Span) -> None:
    """The first word of a label the claim lexicon knows types a figure whose own group did not."""
    lexicon = claim_lexicon()
    word = next((_header_word(t) for t in span if _header_word(t) in lexicon), None)
    # "Injured: at least 57 protesters"; not "Evacuated: 38,412 people … in 214 relief centres" (blind130)
    if word is not None and d.claim_type in _GROUP_TYPES and fits_noun(lexicon[word], d.noun):
        d.claim_type, d.predicate = lexicon[word], word


_PEOPLE_CLAIMS = {"killed", "injured", "detained", "missing", "displaced", "evacuated", "protesters"}


def _says_what_happened(sentence: Span) -> bool:
    """Whether the sentence has a verb of its own, other than one of saying ("- 225 people, police said")."""
    return any(t.pos_ == "VERB" and t.lemma_.lower() not in _REPORTING_VERBS | SAY_VERBS for t in sentence)


def _heading_word(d: _Draft, page: _Page) -> str | None:
    """The first word of the heading over the figure's line that the claim lexicon knows."""
    where = heading_of(page.text, d.number.start)
    span = page.doc.char_span(*where, alignment_mode="expand") if where else None
    # "BASHIR LAWAL:" over a reply is its speaker; "5. ASSETS DEPLOYED" with no colon is a section's heading
    if span is None or _speaker(span) and page.text.startswith(":", span.end_char):
        return None
    # a line with a count of its own is one item of a list of headlines ("Health ministry: 47 injured since Monday"
    # over "Police put the march at 6,000", blind128), no heading of the lines after it
    if any(span.start_char <= f.start < span.end_char for f in page.figures):
        return None
    return next((_header_word(t) for t in span if _header_word(t) in claim_lexicon()), None)


def _under_heading(d: _Draft, page: _Page) -> None:
    """"Deaths:" over "- 225 people" / "- 19 of them security officers", "KILLED" over a block: a figure
    whose own sentence says nothing happened takes its claim from the heading of its list or block (a
    line ending in a colon, or a short line that is no sentence; layout.py). Money only a price or damage."""
    if d.claim_type not in _GROUP_TYPES or _says_what_happened(d.sentence):
        return
    word = _heading_word(d, page)
    claim = claim_lexicon()[word] if word is not None else None
    if claim is None or d.unit is not None and claim not in ("price", "damage"):
        return
    d.claim_type, d.predicate = claim, word
    if claim in _PEOPLE_CLAIMS:
        d.counted_head = d.counted_head or "people"


_TIME_UNIT = re.compile(r"[\s-]*(?:\(\d+\)\s*)?\)?\s*(?P<unit>days?|hours?|weeks?|months?|years?)\b", re.I)


def _how_long(d: _Draft, page: _Page) -> None:
    """"a 180-day freeze", "suspended for 60 days": a duration that is a claim counts its time unit
    (not.figures.py keeps only those), whatever the sentence is about."""
    unit = _TIME_UNIT.match(page.text, d.number.end)
    if unit is not None and d.unit is None:
        d.counted = unit.group("unit")
        d.counted_head = unit.group("unit").lower().removesuffix("s")
        d.claim_type = "other"
        d.predicate = _what_lasts(d) or d.predicate


_DURATION_WORDS = {"minute", "hour", "day", "week", "month", "year"}
# Verbs that only say a thing lasts: "the ban will stay in force for 15 days" is the ban's length.
_LASTING_VERBS = {"last", "stay", "remain", "run", "be", "continue", "hold", "go", "exceed"}  # "cuts shall not exceed"


def _what_lasts(d: _Draft) -> str | None:
    """What the duration is the length of, so that sources that word it apart meet: "a 15-day fishing ban",
    "fishing is banned for 15 days" and "the ban will stay in force for 15 days" all time the ban."""
    doc = d.span.doc
    unit = next((t for t in doc[d.span.end:min(len(doc), d.span.end + 3)] if t.lemma_.lower() in _DURATION_WORDS),
                None)
    if unit is not None and unit.head.pos_ == "NOUN" and unit.head.i > unit.i:
        return unit.head.lemma_.lower()  # "a 15-day fishing ban"
    measure = (_measure_of(unit) if unit is not None else None) or _lasting_subject(d.verb) or _measure_named(d)
    return _service_cut(d, measure) or measure


# A service cut off, by the service, whatever word says it was cut: "Mobile internet ... would stay off for 48
# hours", "mobile data would be cut for 48 hours", "The mobile-data shutdown, which lasted five days" all time
# the internet's cut.
_SERVICES = {"internet": "internet", "data": "internet", "datum": "internet", "network": "internet",
             "connection": "internet", "power": "power", "electricity": "power"}
_CUT_WORDS = {"cut", "shutdown", "shut", "blackout", "outage", "suspension", "restriction", "internet", "data", "stay",
              "announce", "be", "measure",
              # "Mobile data … was disrupted for about 41 hours", "… came back on Saturday after 30 hours" (blind87)
              "disrupt", "disruption", "interrupt", "interruption", "come back"}


def _service_cut(d: _Draft, measure: str | None) -> str | None:
    """The service cut, for a duration of its cut; not one that ended ("Mobile data returned after 110 hours":
    how long it ran, apart from how long it was set for, as "The curfew was lifted after seven days")."""
    verb = _verb_and_particle(d.verb) if d.verb is not None else d.predicate
    if verb in _ENDING_VERBS or not _a_cut(measure, verb):
        return None
    named = {_SERVICES[t.lemma_.lower()] for t in d.sentence if t.lemma_.lower() in _SERVICES and _same_clause(t, d)}
    return named.pop() if len(named) == 1 else None


def _verb_and_particle(verb: Token) -> str:
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt" or c.dep_ == "advmod" and c.lower_ == "back"),
                    None)
    return f"{verb.lemma_.lower()} {particle}" if particle else verb.lemma_.lower()


def _a_cut(measure: str | None, verb: str | None) -> bool:
    """The measure or the verb says a cut, or neither names anything ("- 5 days: mobile internet cut")."""
    return measure in _CUT_WORDS or verb in _CUT_WORDS or measure is None and verb is None


def _clause_verb(token: Token) -> Token | None:
    return next((t for t in [token, *token.ancestors] if t.pos_ in ("VERB", "AUX")), None)


def _same_clause(service: Token, d: _Draft) -> bool:
    """The service is in the number's clause, or that clause describes the service's noun ("The mobile internet
    cut, announced for 48 hours"); a line with no verb is one clause ("- 5 days: mobile internet cut"). Not
    across a semicolon: "suspends the law for six months; internet back in the south"."""
    clause = _clause_verb(d.anchor)
    if ";" in d.sentence.doc[min(service.i, d.anchor.i):max(service.i, d.anchor.i)].text:
        return False
    return clause is None or service in clause.subtree or clause in service.head.subtree


# Measures a duration times, and the noun of a verb that is one: "restricted for 72 hours" and "the
# restrictions lasted 72 hours" both time the restriction.
_TIMED_MEASURES = {"curfew", "ban", "restriction", "lockdown", "closure", "shutdown", "mourning", "blackout",
                   "ceasefire", "truce", "suspension", "moratorium", "freeze", "blockade", "siege", "strike"}
_MEASURE_OF_VERB = {"restrict": "restriction", "close": "closure", "suspend": "suspension", "shut": "shutdown",
                    "ban": "ban", "prohibit": "ban", "block": "blockade"}
# "The curfew was lifted after seven days": how long it ran, apart from how long it was set for.
_ENDING_VERBS = {"lift", "end", "restore", "return", "resume", "reopen"}


def _measure_named(d: _Draft) -> str | None:
    """The measure the duration's verb is, else the one its sentence names nearest to it, before first:
    "instituted a curfew ... for a duration of 10 days" (curfew), "Access, restricted on Friday for what the
    government said would be 72 hours" (restriction), "10 days: length of the curfew" (curfew)."""
    verb = d.verb.lemma_.lower() if d.verb is not None else ""
    if verb in _MEASURE_OF_VERB or verb in _ENDING_VERBS:
        return _MEASURE_OF_VERB.get(verb)
    named = [(t.i > d.span.start, abs(t.i - d.span.start), _MEASURE_OF_VERB.get(t.lemma_.lower(), t.lemma_.lower()))
             for t in d.sentence if t.lemma_.lower() in _TIMED_MEASURES | _MEASURE_OF_VERB.keys()]
    return min(named)[2] if named else None


def _measure_of(unit: Token) -> str | None:
    """"three days of national mourning" (mourning), "a national mourning of three days" (mourning); not a
    frame ("for a period of 30 days": what lasts is named elsewhere)."""
    measure = _of_object(unit) or _of_whom(unit)
    lemma = measure.lemma_.lower() if measure is not None else None
    return None if lemma in _FRAMES else lemma


_FRAMES = {"period", "duration", "length", "total", "span", "time"}


def _of_whom(token: Token) -> Token | None:
    """The noun ``token`` is the "of" object of: "mourning" in "a national mourning of three days"."""
    of = token.head if token.dep_ == "pobj" and token.head.lower_ == "of" else None
    return of.head if of is not None and of.head.pos_ == "NOUN" else None


def _lasting_subject(verb: Token | None) -> str | None:
    """"The ban will stay in force for 15 days", "mourning was observed for three days", "imposed a curfew for 48
    hours": the thing the verb says lasts, is held or is imposed (its subject, passive subject or object)."""
    lemma = verb.lemma_.lower() if verb is not None else ""
    if verb is None or lemma not in _LASTING_VERBS | _SETTING_VERBS:
        return None  # "fishing is banned for 15 days": the verb is the measure
    roles = ("nsubj", "nsubjpass") if lemma in _LASTING_VERBS else ("nsubjpass", "dobj")
    thing = next((c for c in verb.children if c.dep_ in roles and c.pos_ == "NOUN"), None)
    return thing.lemma_.lower() if thing is not None else None


# Verbs that set a measure in place: "imposed a curfew for 48 hours", "mourning was observed for three days".
_SETTING_VERBS = {"impose", "declare", "decree", "order", "announce", "observe", "extend", "keep", "maintain"}


def _standing(d: _Draft, page: _Page) -> None:
    """Reported, revised, withdrawn, disputed or denied: what the text says of the figure (status.py)."""
    sentence, doc = d.sentence, page.doc
    following = doc[sentence.end].sent.text if sentence.end < len(doc) else ""
    d.status = status_of(page.text[sentence.start_char:d.number.start], page.text[d.number.end:sentence.end_char],
                         following)


_PRICE_NOUNS = {"price", "cost", "tariff", "fare"}
_DAMAGE_NOUNS = {"damage", "loss"}


def _nearest(tokens: list[Token], at: int) -> Token | None:
    return min(tokens, key=lambda t: abs(t.i - at), default=None)


def _outside(token: Token | None, own: set[int]) -> Token | None:
    """The token, unless its phrase holds the figure itself ("losses of 1.4 billion roubles")."""
    return token if token is not None and not own & {t.i for t in token.subtree} else None


def _thing_priced(noun: Token, own: set[int]) -> str | None:
    """"the price of liquefied petroleum gas" → "liquefied petroleum gas"; "gas prices" → "gas"."""
    what = _outside(_of_object(noun), own) or next((c for c in noun.children if c.dep_ == "compound"), None)
    return phrase_of(what, 0) if what is not None else None


_MEASURES = {"liter", "litre", "kg", "kilogram", "kilo", "gallon", "tonne", "ton", "loaf", "bag", "cylinder", "barrel"}


def _per_measure_of(d: _Draft) -> str | None:
    """"50 tenge per 1 liter of gas" → "gas": what a measure after the price holds."""
    doc = d.anchor.doc
    for token in doc[d.span.end:min(d.sentence.end, d.span.end + 6)]:
        of = _of_object(token) if token.lemma_.lower() in _MEASURES else None
        if of is not None:
            return phrase_of(of, 0)
    return None


def _thing_damaged(noun: Token, own: set[int]) -> str:
    """"damage to business" stays whole; "losses of 1.4 billion roubles" is "losses"."""
    to = _outside(next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("to", "of")), None), own)
    return noun.doc[noun.i:to.right_edge.i + 1].text if to is not None else noun.text


_PARTNER_BETWEEN = re.compile(r"^\s*(?:[\w-]+\s+){0,3}(?:and|with|plus|as well as|alongside)\s+$", re.I)


def _partner(d: _Draft, page: _Page) -> None:
    """"2,030 servicemen and 250 units of military equipment", "2,030 troops with 250 pieces of
    hardware": a figure joined to the one before it shares its claim."""
    earlier = d.earlier
    if d.claim_type != "other" or earlier is None or earlier.claim_type == "other" or d.unit != earlier.unit \
            or _own_clause(d):
        return
    if _PARTNER_BETWEEN.match(page.text[earlier.end:d.number.start]):
        d.claim_type, d.predicate = earlier.claim_type, earlier.predicate


_PLACE_PREPOSITION_AFTER = re.compile(r"\s+(from|in|at)\s+(?:the\s+)?[A-Z]")


def _same_frame(d: _Draft, page: _Page) -> None:
    """"1,240 people evacuated from La Lima and 380 from Choloma": a bare number put in another place with the same
    preposition, listed after a typed figure of its sentence, is that figure's claim there."""
    earlier, frame = d.earlier, _PLACE_PREPOSITION_AFTER.match(page.text, d.number.end)
    if d.claim_type != "other" or d.noun is not None or d.unit is not None or earlier is None or frame is None \
            or earlier.claim_type == "other" or earlier.unit is not None:
        return
    if _listed_in_the_same_frame(page.text[earlier.end:d.number.start], frame.group(1)):
        d.claim_type, d.predicate = earlier.claim_type, earlier.predicate
        d.counted, d.counted_head = earlier.counted, earlier.counted_head


_PART_IN_A_PLACE = re.compile(r"\s+(?:from|in|at)\s+(?:the\s+)?(?:[a-z]+\s+of\s+)?[A-Z]")  # "6 in the region of Dakar"


def _broken_down(d: _Draft, page: _Page) -> None:
    """"caused the loss of 14 human lives, distributed as follows: 6 in the region of Dakar, 5 in Ziguinchor": bare
    numbers put in places after a casualty count and a colon are its parts, whatever noun the sentence has."""
    if d.noun is not None or d.unit is not None or d.claim_type not in ("other", "damage", "protesters") \
            or not _PART_IN_A_PLACE.match(page.text, d.number.end):
        return
    head = _count_before_a_colon(d, page)
    if head is None or head.unit is not None or head.claim_type not in _PEOPLE_CLAIMS:
        return
    d.claim_type, d.predicate = head.claim_type, head.predicate
    d.counted, d.counted_head = head.counted, head.counted_head


# A part named on the way to the colon, which the list does not break down: "detained at least 112 people …,
# including 14 children: 44 in Mfandena, 41 in Essos and 27 in Mvog-Ada" (blind56).
_INCLUDED_BEFORE = re.compile(r"\b(?:including|among them|of whom|of them)\s+(?:at least\s+|some\s+|about\s+)?$",
                              re.I)


def _count_before_a_colon(d: _Draft, page: _Page) -> Figure | None:
    start = d.sentence.start_char
    return next((f for f in reversed(page.figures) if f.start >= start and ":" in page.text[f.end:d.number.start]
                 and not _INCLUDED_BEFORE.search(page.text[start:f.start])), None)


def _listed_in_the_same_frame(between: str, preposition: str) -> bool:
    """" people evacuated from La Lima and ": the figure before was put in a place by the same word, and no number
    comes between."""
    return bool(re.search(rf"\b{preposition}\s+(?:the\s+)?[A-Z]", between) and re.search(r"(?:,|\band)\s*$", between)
                and not re.search(r"\d", between))


def _who_they_were(d: _Draft, page: _Page) -> None:
    """"Of the victims, 27 were protesters or bystanders": a count said to be protesters is who some of a whole
    were, not a crowd; it shares what happened to the whole."""
    if d.claim_type != "protesters" or d.verb is None or d.verb.lemma_ != "be" or d.noun is None \
            or d.noun.dep_ != "attr":
        return
    whole = _whole(d, page)
    d.claim_type, d.predicate = (whole.claim_type, whole.predicate) if whole is not None else ("other", "be")


def _another_part(d: _Draft, page: _Page) -> None:
    """"Thirty of the dead were workers and three were firefighters": a second part said to be who (a copula and
    a group) shares what happened to the first."""
    earlier = d.earlier
    if d.claim_type != "other" or earlier is None or earlier.claim_type == "other" or d.verb is None \
            or d.verb.lemma_ != "be" or not any(c.dep_ == "attr" for c in d.verb.children):
        return
    if re.fullmatch(r"[^;.:]*?(?:\band|,)\s+", page.text[earlier.end:d.number.start]):
        d.claim_type = earlier.claim_type  # "Thirty of the dead were workers, three were firefighters"


def _whole_before_bracket(d: _Draft, page: _Page) -> Figure | None:
    """The figure just before the bracket the number is in, if it is in one."""
    before = page.text[d.sentence.start_char:d.number.start]
    paren = before.rfind("(")
    if paren < 0 or ")" in before[paren:]:
        return None
    at = d.sentence.start_char + paren
    whole = next((f for f in reversed(page.figures) if f.end <= at), None)  # the last figure before the bracket
    return whole if whole is not None and not page.text[whole.end:at].strip() else None


def _in_a_breakdown(d: _Draft, page: _Page) -> None:
    """"| Deaths | 35 (31 workers, 3 firefighters, 1 civilian) |": the parts in brackets after a figure share
    what happened to it."""
    whole = _whole_before_bracket(d, page)
    if whole is None or whole.claim_type == "other" or whole.unit != d.unit:
        return
    if d.claim_type == "other" or _named_only_by_its_group(d):
        d.claim_type, d.predicate = whole.claim_type, whole.predicate
    if d.counted_head is None and d.claim_type == whole.claim_type:  # "214 (Aleipata 96, …)": 96 houses
        d.counted, d.counted_head = whole.counted, whole.counted_head


def _named_only_by_its_group(d: _Draft) -> bool:
    """A claim the counted noun's own name gave ("Deaths: 8 (7 detainees and 1 employee)"; blind131): in a
    breakdown, the whole says what happened to them."""
    return d.predicate is not None and d.predicate == d.counted_head


def _placed_in_brackets(d: _Draft, page: _Page) -> None:
    """"The deceased persons were registered in Ciudad del Este (3), Asunción (2)": a bare count in brackets after
    a name is that name's part of what the sentence's subject counts (the scope takes the name: scope.py)."""
    if d.claim_type != "other" or d.counted_head is not None or d.unit is not None or not _bracketed_after_a_name(
            d, page):
        return
    found = _subject_claim(d.sentence)
    if found is not None:
        subject, d.claim_type = found
        d.counted = phrase_of(subject, 0)
        d.counted_head = "people" if subject.lemma_.lower() in claim_lexicon() else subject.lemma_.lower()


def _bracketed_after_a_name(d: _Draft, page: _Page) -> bool:
    return bool(NAME_AND_BRACKET.search(page.text, max(0, d.number.start - 40), d.number.start)) \
        and page.text.startswith(")", d.number.end)


def _subject_claim(sentence: Span) -> tuple[Token, str] | None:
    """The sentence's subject noun and the claim its words name ("deceased persons", "Deaths")."""
    subject = next((t for t in sentence.root.children if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "NOUN"), None)
    words = [subject, *subject.children] if subject is not None else []
    claim = next((claim_lexicon()[t.lemma_.lower()] for t in words if t.lemma_.lower() in claim_lexicon()), None)
    return (subject, claim) if subject is not None and claim is not None else None


# "Twelve patients remain in our wards", "21 patients remain in intensive care": patients still in care are injured,
# as are those a hospital received ("128 patients received in four facilities", blind66); not a clinic's load
# ("sees between 250 and 300 patients a day").
_STILL_IN_CARE = {"remain", "stay", "be", "receive", "admit"}
_A_RATE = re.compile(r"\s+\w+\s+(?:a|per|each|every)\s+(?:day|week|month)\b", re.I)


def _patients_in_care(d: _Draft, page: _Page) -> None:
    verb = d.verb.lemma_.lower() if d.verb is not None else "be"
    if d.claim_type == "other" and d.counted_head == "patient" and verb in _STILL_IN_CARE \
            and not _A_RATE.match(page.text, d.number.end):
        d.claim_type, d.predicate = "injured", verb


def _admitted(d: _Draft, page: _Page) -> None:
    """"Twenty-one were admitted", "40 people were admitted to hospital": admitted is a hospital's word for the
    injured in the passive; in the active it is owning up ("the ministry admitted 40 arrests")."""
    counted = d.noun if d.noun is not None else d.anchor
    if d.claim_type == "other" and d.unit is None and d.verb is not None and d.verb.lemma_ == "admit" \
            and counted.dep_ == "nsubjpass" and counted.head == d.verb:
        d.claim_type, d.predicate = "injured", "admit"


def _own_clause(d: _Draft) -> bool:
    """"64 people are dead and 19 are in hospital": a figure that is the subject of its own clause says what
    happened to it there; the figure before it in the sentence does not."""
    group = d.noun if d.noun is not None else d.anchor
    return group.dep_ in ("nsubj", "nsubjpass") and d.verb is not None and group.head == d.verb


# "the 304 on the official list", "212 people aboard": who was on board is a count of its own.
_ON_BOARD = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:aboard|on board|on (?:the|its|their) (?:official |passenger |"
                       r"ship's |ferry's )?(?:list|manifest|roll))\b", re.I)


def _on_board(d: _Draft, page: _Page) -> None:
    """"… a death toll of 45, far below the 304 on the official list": a figure of those on board (or on a list)
    takes no claim from another figure of its sentence or paragraph, only from its own verb ("304 people on
    board were killed")."""
    own = d.verb.lemma_.lower() if d.verb is not None else ""
    if d.claim_type != "other" and own not in claim_lexicon() and (_ON_BOARD.match(page.text, d.number.end) or (
            d.tally is not None and any(c.lower_ == "aboard" for c in d.tally.children))):
        d.claim_type, d.predicate = "other", None


def _money_thing(d: _Draft, noun: Token | None) -> str | None:
    own = set(range(d.span.start, d.span.end))
    if d.claim_type == "damage":
        return _thing_damaged(noun, own) if noun is not None else d.counted
    return (_thing_priced(noun, own) if noun is not None else None) or _per_measure_of(d)


def _priced_thing(d: _Draft, page: _Page) -> None:
    """Money counts the thing priced or damaged, never its currency (that is ``unit``). ``counted_head``
    stays the currency word, the gold files' convention for money (tests/gold/README.md)."""
    if d.unit not in CURRENCY_NAMES or d.claim_type not in ("price", "damage") or _priced_by_its_table(d, page):
        return
    words = _PRICE_NOUNS if d.claim_type == "price" else _DAMAGE_NOUNS
    counted = _money_thing(d, _nearest([t for t in d.sentence if t.lemma_.lower() in words], d.anchor.i))
    d.counted = None if counted and counted.lower() in CURRENCY_WORDS else counted


def _priced_by_its_table(d: _Draft, page: _Page) -> bool:
    """A cell whose row or column named its good ("| Lagos | 1,045 |" under "| Petrol (₦/litre) |") keeps it."""
    return d.claim_type == "price" and d.counted is not None and d.counted.lower() not in CURRENCY_WORDS \
        and _table_caption(page.text, d.number.start) is not None


# "a magnitude 6.1 earthquake", "magnitude of 5.9", "| Magnitude | 6.1 Ms |", "a 6.1-magnitude quake", "5.9 Mw".
_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude(?:\s+(?:of|at|was|is|as))?\s*[:|]?\s*$", re.I)
# "6.1 Mw", "5.8 ML"; not "1,650MW", megawatts (blind60)
_MAGNITUDE_AFTER = re.compile(r"(?:[\s-]+magnitude\b|(?-i:\s*M[wsLl])\b|\s+on the Richter)", re.I)


def _magnitude(d: _Draft, page: _Page) -> None:
    """A quake's magnitude is a measure of its own, whatever its sentence says happened."""
    before = page.text[max(0, d.number.start - 30):d.number.start]
    if d.unit is None and (_MAGNITUDE_BEFORE.search(before) or _MAGNITUDE_AFTER.match(page.text, d.number.end)):
        # "the strongest aftershock, of magnitude 4.8": an aftershock's magnitude is not the quake's
        lead = page.text[max(d.sentence.start_char, d.number.start - 60):d.number.start]
        of = "aftershock magnitude" if re.search(r"\baftershocks?\b", lead, re.I) else "magnitude"
        d.claim_type, d.predicate, d.counted, d.counted_head = "other", None, of, "magnitude"


# A measure written as its symbol right after the number, with no currency: "winds of 75 km/h", "186 km² of the
# basins", "Ulúa at Chinda: 7.85 m and rising". Not "m" before people or a plural ("3 m people": millions).
_MEASURE_SYMBOL = re.compile(r"\s?(km/h|kph|mph|km²|km2|m²|m2|m³|m3|cm|mm|MWh|GWh|kWh|MW|GW|kW|m)(?![\w/²³])"
                             r"(?!\s+(?:people|persons|[a-z]+s)\b)")


def _measured_by_symbol(d: _Draft, page: _Page) -> None:
    """What a number followed by a measure's symbol counts is that measure, written as the text writes it; a storm's
    speed or a river's height is no casualty or attack, whatever verb the sentence has ("The storm had winds of 75
    km/h"). An area may still be damage ("41 km² burned")."""
    symbol = _MEASURE_SYMBOL.match(page.text, d.number.end) if d.unit is None else None
    if symbol is None:
        return
    d.counted = d.counted_head = symbol.group(1)
    if d.claim_type != "damage":
        d.claim_type, d.predicate = "other", None


# A temperature: "49.6°C", "49.6 °C", "49.6C" (glued), "48 degrees Celsius" (blind60).
_TEMPERATURE = re.compile(r"(?:\s?[°º]\s?(?P<sign>[CF])|(?P<glued>[CF])|\s+degrees?(?:\s+(?P<word>Celsius|centigrade|"
                          r"Fahrenheit))?)(?![\w])")


def _temperature(d: _Draft, page: _Page) -> None:
    """A reading of the heat counts degrees, in Celsius unless the text says Fahrenheit, whatever the sentence's
    verb ("Phalodi sizzles at 49.6°C", "touched 49.6C"): no casualty, no price."""
    found = _TEMPERATURE.match(page.text, d.number.end) if d.unit is None else None
    scale = (found.group("sign") or found.group("glued") or (found.group("word") or "C")[:1].upper()) if found \
        else _caption_temperature(d, page)
    if scale is None:
        return
    d.counted = d.counted_head = "°F" if scale == "F" else "°C"
    d.claim_type, d.predicate = "other", None


_CAPTION_DEGREES = re.compile(r"[°º]\s?([CF])\b")


def _caption_temperature(d: _Draft, page: _Page) -> str | None:
    """A cell of a table whose caption gives degrees: "| Phalodi | 49.6 |" under "| Maximum temperature, Wednesday
    (°C, IMD) |"."""
    caption = _table_caption(page.text, d.number.start) if d.unit is None else None
    found = _CAPTION_DEGREES.search(caption) if caption else None
    return found.group(1) if found else None


def _done_after_detention(d: _Draft, page: _Page) -> None:
    """"The prosecutor releases the remaining 7 Karak detainees", "Of those arrested, 64 have been released": what is
    done to people already held (released, fined, charged, sentenced) is no detention of them; "12 detained activists
    were released" and "charge 187 of 655 people detained" still say they were detained."""
    held = d.noun is not None and any(c.dep_ in ("amod", "acl") and c.lower_ in _STATE_AFTER for c in d.noun.children)
    # "Police released 31 protesters", "sentenced 12 protesters": no crowd either
    if d.claim_type in ("detained", "protesters") and d.verb is not None and d.verb.lemma_.lower() in AFTER_HELD \
            and not held \
            and not _in_a_table_row(page.text, d.number.start):  # "| Arrests | 3 (2 charged) |": the row says
        d.claim_type, d.predicate = "other", d.verb.lemma_.lower()


def _in_a_table_row(text: str, at: int) -> bool:
    return "|" in text[text.rfind("\n", 0, at) + 1:at]


def _money_is_no_casualty(d: _Draft, page: _Page) -> None:
    """A sum is never a count of people: "for each person with minor injuries: 2,000 somoni" is a payment; nor is a
    measure ("| Treated (ha) |" of a locust campaign, blind100)."""
    if (d.unit in CURRENCY_NAMES or counts_a_measure(d.counted_head)) and d.claim_type in _PEOPLE_CLAIMS:
        d.claim_type = "other"


# Arrivals of refugees are people displaced ("UNHCR had registered 9,150 arrivals from Togo"); arrivals and
# departures on a page about flights are flights ("46 departures and 44 arrivals were cancelled").
_FLIGHT_WORDS = re.compile(r"\b(?:flights?|airport|airlines?|runway|inbound|outbound)\b", re.I)
_REFUGEE_WORDS = re.compile(r"\b(?:refugees?|asylum|fled|fleeing|migrants?|crossed the border|UNHCR)\b", re.I)


def _flights(d: _Draft, page: _Page) -> None:
    """Scheduled arrivals and departures are flights, not people displaced (or killed)."""
    if d.predicate != "arrival" and d.counted_head not in ("arrival", "departure") or d.claim_type == "other":
        return
    from_a_place = re.match(r"\s+\w+\s+from\s+[A-Z]", page.text[d.number.end:d.sentence.end_char])
    if d.counted_head == "departure" or len(_FLIGHT_WORDS.findall(page.text)) > 1 \
            and not _REFUGEE_WORDS.search(page.text) and not from_a_place:
        d.claim_type = "other"


# Who a loss falls on: "The riots have cost businesses at least 25 billion CFA francs", "cost the economy about
# 7 billion francs" (not "a bag now costs 15,000 francs", nor what a thing now costs its buyer: "A round trip now
# costs a truck owner about Shs3.4 million in diesel", blind78).
_LOSERS = {"business", "economy", "trader", "company", "firm", "country", "state", "treasury", "merchant",
           "shopkeeper", "owner", "farmer", "industry", "sector", "government"}


def _cost_someone(d: _Draft, page: _Page) -> None:
    """A sum something cost someone is their loss, no price."""
    if d.claim_type != "price" or d.predicate not in ("cost", "price"):
        return
    if any(_costs_a_loser(t) for t in d.sentence[:d.span.start - d.sentence.start]):
        d.claim_type = "damage"


def _costs_a_loser(token: Token) -> bool:
    """"cost businesses …" (the parse may tag "cost" a noun); "now costs a truck owner" (present tense) is what a thing
    costs its buyer."""
    return token.lemma_.lower() == "cost" and token.tag_ != "VBZ" and any(
        c.dep_ in ("dative", "dobj") and c.lemma_.lower() in _LOSERS for c in token.children)


# Votes and voters are no crowd: "won 2,917,403 votes (44.2%) … on a turnout of 61.4%".
_BALLOT_HEADS = {"vote", "ballot", "voter", "seat"}


def _no_crowd_of_votes(d: _Draft, page: _Page) -> None:
    """A crowd's size is a count of people: votes, seats and shares are none ("a share of a crowd stays other")."""
    if d.claim_type == "protesters" and (d.counted_head in _BALLOT_HEADS or "%" in (d.unit, d.number.unit)):
        d.claim_type = "other"


def _share_is_no_price(d: _Draft, page: _Page) -> None:
    """A price or a damage is a sum of money; how much it changed, or a part of it, as a share, is another claim: in
    "reached MK1,090 per kg, up 12 per cent from March", the 12 per cent is no price; "| Motor | 9% |" under "Share of
    loss" is no damage (blind63)."""
    if d.claim_type in ("price", "damage") and "%" in (d.unit, d.number.unit):
        d.claim_type = "other"


# Tried in this order on every number that may be a figure.
STEPS: tuple[Callable[[_Draft, _Page], None], ...] = (
    _counted, _nationals, _tallied, _same_group, _claimed, _gapped_count, _crowd_put_at, _named_by_its_event,
    _crowd_before_its_colon, _asked, _state_word, _verb_just_before, _part_of_a_whole, _to_death, _numbering,
    _table_row, _table_column,
    _row_currency, _table_currency, _scaled_sum_in_the_texts_currency, _repair_costs, _line_label, _under_heading,
    _no_casualties, _burned_things,
    _force_strength, _troops,
    _listed_with_the_deployed, _partner, _same_frame, _broken_down, _who_they_were, _another_part, _in_a_breakdown,
    _placed_in_brackets,
    _admitted, _patients_in_care, _on_board, _the_same_number, _included, _moved_out, _sheltered, _without_a_roof,
    _land_harmed, _handled_bodies, _out_alive, _on_strike, _lives_lost, _money_burned, _price_change,
    _moved_like_the_price_before, _priced_thing,
    _lone_one, _restated, _how_long, _gathered_crowd, _measured_by_symbol, _temperature, _done_after_detention,
    _money_is_no_casualty,
    _flights, _cost_someone, _share_is_no_price, _no_crowd_of_votes, _magnitude, _planned, _standing,
)


# "128 patients received in four network facilities …; 54 remain admitted": the places a count was made in are
# not what a later bare number of its sentence counts (blind66).
_PLACE_PREPOSITIONS = {"in", "at", "across", "inside"}


def _a_place_counted(d: _Draft) -> bool:
    return d.noun is not None and d.noun.dep_ == "pobj" and d.noun.head.lower_ in _PLACE_PREPOSITIONS \
        and d.claim_type == "other"


def _referred_to_later(d: _Draft) -> bool:
    """Whether a later bare number of the sentence counts this figure's group. "164 dead, including three children":
    the whole, not its part, is what "… and 156 were taken to hospital" refers to."""
    return (d.counted is not None or d.claim_type != "other") and not (d.part_of and d.earlier) \
        and not _a_place_counted(d)


def _sentence_dates(page: _Page, sentence: Span) -> list[DateMention]:
    index = bisect.bisect_left([d.start for d in page.dates], sentence.start_char)
    return [d for d in page.dates[index:] if d.start < sentence.end_char]


# Plurals the model's lemmatizer gets wrong, as a data row each: "| Species |" is no "specy" (blind116).
_MISLEMMATISED = {"specy": "species", "sery": "series"}


def _figure(d: _Draft, page: _Page) -> Figure:
    number, sentence = d.number, d.sentence
    return Figure(
        text=number.text, start=number.start, end=number.end, value=number.value, low=number.low, high=number.high,
        unit=d.unit, approx=number.approx, counted=d.counted,
        counted_head=_MISLEMMATISED.get(d.counted_head or "", d.counted_head), predicate=d.predicate,
        claim_type=d.claim_type, status=d.status, planned=d.planned, phase=d.phase,
        as_of=as_of_date(sentence, _sentence_dates(page, sentence), page.published, number.end),
        attributed_to=attribution(sentence, page.canonical_at) or page.publisher,
        sentence=sentence.text, sentence_start=sentence.start_char,
        scope=d.place or scope_of(d.verb, d.noun, page.places, country_names(), d.tally),
        part=_part(page.text, number.start),
    )


# A photo caption: a line opening on "Photo:", or carrying a credit ("(Photo: …)", "© …", "/Reuters").
_CAPTION = re.compile(r"^\s*(?:photo|picture|image|caption|pictured|top|above|main image)\s*(?:[:|—–-]|\b(?=.*\b"
                      r"(?:photo|credit)\b))|\((?:photo|picture|image)s?(?: credit)?\s*:[^)]*\)\s*$|©|"
                      r"/\s*(?:Reuters|AFP|"
                      r"AP|Getty Images|EPA|TASS|Sputnik|Anadolu)\)?\s*$", re.I)


def _part(text: str, start: int) -> str:
    """Where on the page: a caption's line is told apart from the body (the headline is ``analyse``'s)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    return "caption" if _CAPTION.search(text[line_start:line_end if line_end >= 0 else len(text)]) else "body"


def find_figures(doc: Doc, dates: list[DateMention], entities: list[EntityMention], published: str | None,
                 publisher: str | None) -> list[Figure]:
    page = _page(doc, dates, entities, published, publisher)
    date_spans = page.date_spans
    for number in find_numbers(page.text):
        draft = None if not_a_figure(page.text, number, date_spans) else _draft(page, number)
        if draft is None:
            continue
        for step in STEPS:
            step(draft, page)
        if draft.dropped:
            continue
        figure = _figure(draft, page)
        page.figures.append(figure)
        if _referred_to_later(draft):
            page.previous_in_sentence[draft.sentence.start] = figure
    return page.figures

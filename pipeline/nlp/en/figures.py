"""Which numbers are figures, and the claim each one makes.

A number is not a figure when it is part of a date, a time of day, a duration ("8
years in prison"), an ordinal or anniversary, a legal reference ("Articles 2 and 4"),
a unit divisor ("per 1 liter"), a bare year or a phone number; or when it is a word
number ("one") that quantifies nothing.

Choices: a range ("110-120") has ``low``/``high`` and ``value`` = their midpoint; money has
``unit`` = ISO code and ``counted_head`` = the currency word, and "per liter" is a divisor,
not a figure; "victims" (dead and wounded together) stays claim type "other"; a container
("33 cases of attacks") keeps its words in ``counted`` but its content is the head ("attack").
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Span, Token

from ...models import DateMention, EntityMention, Figure
from ...places import locate
from .claims import (
    CONTAINERS,
    CURRENCY_WORDS,
    as_of_date,
    attribution,
    claim_lexicon,
    claim_type_of,
    content_noun,
    counted_noun,
    governing_verb,
    number_anchor,
    phrase_of,
    scope_of,
    tallied,
    tally_of,
)
from .entities import country_names
from .numbers import SCALES, NumberSpan, find_numbers

CURRENCY_NAMES = {"KZT": "tenge", "EUR": "euro", "USD": "dollar", "RUB": "rouble", "RSD": "dinar", "GBP": "pound",
                  "NGN": "naira", "INR": "rupee", "TRY": "lira", "ZAR": "rand", "JPY": "yen", "UAH": "hryvnia",
                  "ILS": "shekel", "CNY": "yuan", "KGS": "som"}
_DURATION_AFTER = re.compile(r"^[\s-]*(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|"
                             r"centuries|year-old|years-old)\b", re.I)
_TIME_AFTER = re.compile(r"^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|h\b|hrs\b|GMT|UTC)", re.I)
_TIME_BEFORE = re.compile(r"\b(?:at|from|until|till|to|after|before|by)\s*$", re.I)
_REFERENCE_BEFORE = re.compile(r"\b(?:articles?|art\.|paragraphs?|clauses?|sections?|chapters?|no\.|nos\.|"
                               r"number|resolution|decree|law|per|page|pp?\.|tel\.?|phone|fax|code|room|"
                               r"flight|route|highway|and)\s*$", re.I)
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b|^\s*(?:anniversary|percentile)", re.I)
_PHONE_BEFORE = re.compile(r"\+\d[\d\s().-]*$")
_PLURAL_AFTER = re.compile(r"^\s+(?:[a-z-]+\s+)?(?!years\b|months\b|weeks\b|days\b)[a-z]{3,}s\b")
# "225 killed, including 19 police officers": the 19 were killed too.
_PART_OF_BEFORE = re.compile(r"\b(?:including|incl\.|among them|among whom|of whom|of them|of which|"
                             r"of (?:those|these),?)\s*$", re.I)
_PART_OF_AFTER = re.compile(r"^\s+of (?:them|whom|which)\b", re.I)
_AMONG_STATE = re.compile(r"^[^.;]{0,60}?\bamong (?:the )?(dead|killed|injured|wounded|detained|arrested)\b", re.I)
# "19 of the dead were police officers", "two-thirds of the dead"
_OF_STATE = re.compile(r"^\s+of (?:the|those) (dead|killed|injured|wounded|detained|arrested)\b", re.I)
_CHANGE_FROM = re.compile(r"\b(?:up|down|rising|falling|rose|fell|increased|decreased)?\s*from\s*$", re.I)
_MILITARY = re.compile(r"\b(?:forces?|contingent|peacekeep\w*|deploy\w*|mission|CSTO|troops|sent|arriv\w*)\b")
# Troops are sent, flown in, stationed: with these heads those verbs mean deployment.
_TROOP_HEADS = {"soldier", "troop", "troops", "peacekeeper", "serviceman", "servicemen", "paratrooper", "force",
                "contingent", "unit", "officer", "policeman", "rescuer", "firefighter", "steward", "volunteer"}
_MOVE_VERBS = {"send", "arrive", "fly", "station", "land", "dispatch", "deploy", "bring", "airlift"}
_STATE_AFTER = {"dead": "killed", "killed": "killed", "wounded": "injured", "injured": "injured",
                "detained": "detained", "arrested": "detained", "missing": "missing", "displaced": "displaced"}
_CALL_BEFORE = re.compile(r"\b(?:call(?:s|ed|ing)?|dial(?:s|ed|ling|ing)?|hotline|helpline|(?:tele)?phone|"
                          r"contact cent(?:re|er)|call cent(?:re|er))\s+(?:on\s+|at\s+)?$", re.I)
# What a fire destroys: counted, it is damage ("400 vehicles burned"), not a number of fires.
_BURNED_THINGS = {"vehicle", "car", "bus", "truck", "lorry", "tank", "building", "house", "home", "shop", "store",
                  "office", "station", "bank", "branch", "kiosk", "hectare", "acre", "warehouse", "factory", "school",
                  "church", "mosque", "business", "property", "apartment", "flat", "engine", "tyre", "tire"}


_IDENTIFIER_BEFORE = re.compile(r"\b(?:tank|unit|gate|wing|block|room|ward|cell|platform|terminal|zone|sector|"
                                r"building|bus|train|reactor|pier|berth|hangar|exit|runway|lane)\s*$", re.I)
_AGE_APPOSITION = re.compile(r"\b[A-Z][^\W\d_]+(?:-[A-Z][^\W\d_]+)?,\s*$")
_MEASURE_AFTER = re.compile(r"^(?:-(?:gram|kilogram|kg|litre|liter|metre|meter|km|kilometre|kilometer|mile|storey|"
                            r"story|seat|bed|hectare)s?\b|\s*(?:km|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|kg|"
                            r"tonnes?|tons?|degrees|°|mm|cm)\b)", re.I)
_STREET_AFTER = re.compile(r"^\s+(?:[A-Z][\w'’-]+\s+){1,3}(?:Street|St\b|Avenue|Ave\b|Road|Rd\b|Boulevard|Lane|"
                           r"Square|Prospekt|Prospect|Highway)|^\s+(?:Avenida|Calle|Rue|Via|ulitsa)\b")
_AGE_AFTER = re.compile(r"^[\s-]*(?:-?year-old|years? old|aged)\b", re.I)


def _state_after(text: str, end: int) -> str | None:
    """The claim type a state word right after a number gives: "nine dead", "12 wounded"."""
    word = re.match(r"\s+(\w+)", text[end:end + 15])
    return _STATE_AFTER.get(word.group(1).lower()) if word else None


def _question(sentence: Span) -> tuple[str, str] | None:
    """(claim type, lemma) a question just before the sentence asks about ("How many were hurt?")."""
    if sentence.start == 0:
        return None
    question = sentence.doc[sentence.start - 1].sent
    if not question.text.rstrip().endswith("?"):
        return None
    lexicon = claim_lexicon()
    return next(((lexicon[t.lemma_.lower()], t.lemma_.lower()) for t in question if t.lemma_.lower() in lexicon),
                None)


def _paragraph_type(figures: list[Figure], text: str, start: int) -> str | None:
    """The claim type of the last figure before ``start`` in the same paragraph, if close."""
    if not figures or figures[-1].claim_type == "other" or start - figures[-1].end > 400:
        return None
    return None if "\n\n" in text[figures[-1].end:start] else figures[-1].claim_type


def _strong_noun(text: str, number: NumberSpan, span) -> Token | None:
    """"a 2,500-strong contingent": the noun after "-strong"."""
    if not re.match(r"^-strong\b", text[number.end:number.end + 8]):
        return None
    doc = span.doc
    for token in doc[span.end:min(len(doc), span.end + 4)]:
        if token.lower_ == "strong":
            return token.head if token.head.pos_ in ("NOUN", "PROPN") else None
    return None


def _copula_noun(anchor: Token) -> Token | None:
    """"Nineteen of them were members of the police": what the number is, after the copula."""
    if anchor.dep_ != "nsubj" or anchor.head.lemma_ != "be":
        return None
    for child in anchor.head.children:
        if child.dep_ == "attr" and child.pos_ in ("NOUN", "PROPN"):
            return child
    return None


def _excluded(text: str, number: NumberSpan, date_spans: list[tuple[int, int]]) -> bool:
    after = text[number.end:number.end + 20]
    before = text[max(0, number.start - 20):number.start]
    if any(s < number.end and number.start < e for s, e in date_spans):
        return True
    if _TIME_AFTER.match(after) or re.match(r"^\d{1,2}[.:]\d{2}$", number.text) and _TIME_BEFORE.search(before):
        return True
    if _DURATION_AFTER.match(after) or _ORDINAL_AFTER.match(after) or _AGE_AFTER.match(after):
        return True
    if _REFERENCE_BEFORE.search(before) and not number.unit and not _REFERENCE_BEFORE.search(before).group(0).strip() \
            .lower() == "and":
        return True
    if re.search(r"\barticles?\s+\d+\s*(?:,\s*\d+\s*)*and\s*$", before, re.I):
        return True  # the "4" of "Articles 2 and 4"
    if before.rstrip().endswith(("+", "№", "#")) or _PHONE_BEFORE.search(before) or _CALL_BEFORE.search(before):
        return True
    if re.match(r"^:\d\d\b", after) or re.search(r"\d:$", before):
        return True  # a time of day: "from 23:00 to 07:00"
    if re.search(r"[A-Za-z]-$", before):
        return True  # part of a name: "Khabar-24", "COVID-19", "Su-25"
    if re.match(r"^[.)/]\s", after) and re.search(r"(?:^|\n)\s*$", before):
        return True  # a list marker: "1. Losses suffered by businesses …", a thread's "3/ Yesterday …"
    if re.match(r"^0\d{2,}", number.text) or re.search(r"\d$", before):
        return True  # a leading zero: a phone number or a code, "012 315 1700", "0800"
    if re.search(r"\b(?:I'm|I am|he's|she's|aged)\s*$", before, re.I) or (
            re.search(r"[A-Z][^\W\d_]+\s\($", before) and after.startswith(")") and number.value < 120):
        return True  # an age: "I'm 34", "Johannes Sithole (52)"
    if _IDENTIFIER_BEFORE.search(before) and not _PLURAL_AFTER.match(after):
        return True  # a name's number: "Tank 14", "unit 3", "Gate 2"
    if re.search(r"\b(?:children|people|those|anyone|everyone|adults)\s*$", before, re.I) and \
            re.match(r"(?:under|over|above|below)\b", number.text, re.I) and number.value < 120:
        return True  # an age limit: "children under 5"
    if re.match(r"^\s+times\b", after) or re.search(r"\baged\s+(?:\d+\s*(?:,|and|to|-)\s*)*$", before, re.I):
        return True  # "sixteen times more", "brothers aged 19 and 22"
    if _MEASURE_AFTER.match(after) or re.search(r"\bmagnitude\s*$", before, re.I) or _STREET_AFTER.match(after):
        return True  # "a 500-gram loaf", "a depth of 20 km", "magnitude 6.8", "14 Shakhtyorov Street"
    if re.search(r"\d-$", before) or re.match(r"^-\d+-\d", after) or (
            re.match(r"^-\d", after) and re.search(r"\d-\d+-$", before + "-")):
        return True  # a phone number or an identifier: "1800-335-486", "8-3846-61-22-40"
    if _AGE_APPOSITION.search(before) and re.match(r"^(?:,|\.(?:\s|$))", after) and number.value < 120 \
            and not number.unit:
        return True  # "Tokayev, 68, told parliament"
    if not number.unit and re.fullmatch(r"(?:19|20)\d\d", number.text) and number.approx is None \
            and not _PLURAL_AFTER.match(after):
        return True  # a year on its own ("2,030 troops" and "2030 troops" are counts)
    return False


def find_figures(doc: Doc, dates: list[DateMention], entities: list[EntityMention], published: str | None,
                 publisher: str | None) -> list[Figure]:
    text = doc.text
    date_spans = [(d.start, d.end) for d in dates]
    date_starts = [d.start for d in dates]
    canonical_at: dict[int, str] = {}
    places: dict[int, str] = {}
    for mention in entities:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        for token in span:
            if mention.label == "PERSON":
                canonical_at[token.i] = mention.canonical
            if mention.label in ("GPE", "LOC", "FAC") or (mention.label == "PERSON" and " " not in mention.text
                                                          and locate(mention.canonical) is not None):
                places[token.i] = mention.canonical  # the model often calls an unfamiliar town a person
    countries = country_names()
    figures: list[Figure] = []
    previous_in_sentence: dict[int, Figure] = {}
    for number in find_numbers(text):
        if _excluded(text, number, date_spans):
            continue
        span = doc.char_span(number.number_start, number.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        sentence = span[0].sent
        anchor = number_anchor(span)
        noun = counted_noun(anchor)
        if noun is not None and noun.lower_.rstrip(".") in SCALES:
            noun = None  # "$180m": the scale belongs to the number
        if noun is None:
            noun = _strong_noun(text, number, span) or _copula_noun(anchor)
        is_word_number = not any(ch.isdigit() for ch in number.text)
        if is_word_number and noun is None and number.approx != "vague" and (
                anchor.dep_ not in ("nsubj", "nsubjpass") or number.value == 1) \
                and tally_of(governing_verb(anchor)) is None and not _state_after(text, number.end):
            continue  # "one of them", "the two sides"; not "put the toll at a dozen"
        if noun is not None and noun.i < span.start and noun.lemma_.lower() not in CONTAINERS:
            if noun.pos_ == "PROPN" and noun.i == span.start - 1 and not number.unit:
                continue  # a name's number: "Temisvarska 10", "Flight 370", "Boeing 737"
            noun = None  # the head is before the number: not what it counts
        counted = counted_head = None
        unit = number.unit
        if noun is not None and noun.lower_ in CURRENCY_WORDS:
            unit = unit or {"tenge": "KZT", "euro": "EUR", "dollar": "USD"}.get(noun.lemma_.lower())
            counted, counted_head = noun.text, noun.lemma_.lower()
        elif noun is not None and unit in CURRENCY_NAMES:
            noun = None  # "the US$3.6 million response plan": money counts its currency, not the plan
        elif noun is not None:
            counted = phrase_of(noun, span.end if noun.i >= span.end else noun.i)
            counted_head = content_noun(noun).lemma_.lower()  # "cases of attacks" counts attacks
        if counted_head is None and unit in CURRENCY_NAMES:
            counted_head = CURRENCY_NAMES[unit]  # "from 50-60 to 110-120 tenge": 50-60 tenge too
        verb = governing_verb(noun if noun is not None else anchor)
        earlier = previous_in_sentence.get(sentence.start)
        # "The number of people detained rose to 10,000": the number is the tally's value and
        # counts what the tally holds; not "rose by 20", which is a change.
        tally = tally_of(verb) if noun is None and counted_head is None and anchor.dep_ in (
            "pobj", "dobj", "attr") and anchor.head.lower_ != "by" else None
        held = tallied(tally) if tally is not None else None
        if held is not None and held.pos_ == "PRON":
            counted_head = "people"  # "the number of those detained"
        elif held is not None:
            counted, counted_head = phrase_of(held, 0), content_noun(held).lemma_.lower()
        elif noun is None and earlier is not None and anchor.dep_ in ("nsubj", "nsubjpass", "dobj", "conj") \
                and unit == earlier.unit:  # not "78 billion tenge, or roughly $180m"
            counted, counted_head = earlier.counted, earlier.counted_head  # "... and 18 were killed"
        claim_type, trigger = claim_type_of(verb, noun, anchor, unit, sentence)
        predicate = verb.lemma_.lower() if verb is not None else None
        if trigger and predicate not in claim_lexicon():
            predicate = trigger  # "caused damage", "registered attacks": the event is the noun
        if claim_type == "other" and tally is not None and held is None and unit is None:
            # "How many people died? The latest official figure is 230.": the question or the
            # paragraph says what the tally counts.
            asked = _question(sentence)
            context = asked[0] if asked else _paragraph_type(figures, text, sentence.start_char)
            if context is not None:
                claim_type, predicate = context, tally.lemma_.lower()
        elif claim_type == "other" and noun is None and counted is None and unit is None:
            asked = _question(sentence)  # "How many were detained? Close to 10,000."
            if asked is not None:
                claim_type, predicate = asked
        state = re.match(r"\s+(\w+)", text[number.end:number.end + 15])
        if noun is None and state and state.group(1).lower() in _STATE_AFTER:
            claim_type = _STATE_AFTER[state.group(1).lower()]  # "26 dead and 18 wounded"
            if counted is None:
                counted, counted_head = state.group(1), "people"  # "a figure of 164 dead"
        after = text[number.end:min(sentence.end_char, number.end + 80)]
        part_of = _PART_OF_BEFORE.search(text[max(sentence.start_char, number.start - 20):number.start]) \
            or _PART_OF_AFTER.match(after)
        # "… 225 people lost their lives. Nineteen of them were police officers.": the whole may
        # be the last figure of the sentence before.
        whole = earlier or (figures[-1] if figures and figures[-1].claim_type != "other"
                            and 0 <= sentence.start_char - figures[-1].end < 250 else None)
        if (of_state := _OF_STATE.match(after)):
            claim_type = _STATE_AFTER[of_state.group(1).lower()]  # "19 of the dead were police officers"
        elif whole is not None and part_of and unit != "%":  # not "70% of them were released"
            claim_type, predicate = whole.claim_type, whole.predicate  # "including 19 …", "3,393 of them"
        elif (among := _AMONG_STATE.match(after)):
            claim_type = _STATE_AFTER[among.group(1).lower()]  # "19 officers were among the dead"
        elif claim_type == "other" and earlier is not None and unit == earlier.unit and \
                _CHANGE_FROM.search(text[max(sentence.start_char, number.start - 25):number.start]):
            claim_type, predicate = earlier.claim_type, earlier.predicate  # "3,811 in custody, up from 2,298"
            counted, counted_head = counted or earlier.counted, counted_head or earlier.counted_head
        if claim_type == "fires" and counted_head in _BURNED_THINGS:
            claim_type = "damage"  # "400 vehicles burned", "six storage tanks burned out": what the fire destroyed
        if claim_type == "other" and counted_head in _TROOP_HEADS and ((predicate or "") in _MOVE_VERBS or (
                _MILITARY.search(sentence.text) and counted_head != "unit")):
            claim_type = "deployed"  # "a CSTO force of 2,030 soldiers guarded airports"
        if is_word_number and number.value == 1 and claim_type == "other":
            continue  # "one of the most stable states", "one night": a word, not a count
        index = bisect.bisect_left(date_starts, sentence.start_char)
        sentence_dates = []
        while index < len(dates) and dates[index].start < sentence.end_char:
            sentence_dates.append(dates[index])
            index += 1
        figure = Figure(
            text=number.text, start=number.start, end=number.end, value=number.value, low=number.low,
            high=number.high if number.high is not None else None, unit=unit, approx=number.approx,
            counted=counted, counted_head=counted_head,
            predicate=predicate, claim_type=claim_type,
            as_of=as_of_date(sentence, sentence_dates, published),
            attributed_to=attribution(sentence, canonical_at) or publisher,
            sentence=sentence.text, sentence_start=sentence.start_char,
            scope=scope_of(verb, noun, places, countries),
        )
        figures.append(figure)
        if (counted is not None or claim_type != "other") and not (part_of and earlier is not None):
            # "164 dead, including three children": the whole, not its part, is what a later
            # bare number of the sentence refers to ("… and 156 were taken to hospital").
            previous_in_sentence[sentence.start] = figure
    return figures

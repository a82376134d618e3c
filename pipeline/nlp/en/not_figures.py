"""Numbers that are not figures, one named rule each, with the text it exists for.

``NOT_A_FIGURE`` is tried in order; the first rule that holds drops the number. Each rule
sees the number and up to 20 characters either side of it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ...places import is_known_place
from .numbers import NumberSpan


@dataclass(frozen=True)
class Around:
    number: NumberSpan
    before: str  # up to 20 characters before the number
    after: str  # up to 20 characters after it
    date_spans: list[tuple[int, int]]
    line_before: str = ""  # the whole line before the number's line, when the number opens its line
    further: str = ""  # up to 32 characters after it, for what a duration times ("-day fishing moratorium")

    @classmethod
    def of(cls, text: str, number: NumberSpan, date_spans: list[tuple[int, int]]) -> Around:
        line_start = text.rfind("\n", 0, number.start) + 1
        opens_line = not text[line_start:number.start].strip(" \t|")  # a table row's first cell opens it too
        previous = text[text.rfind("\n", 0, max(0, line_start - 1)) + 1:line_start] if opens_line else ""
        return cls(number, text[max(0, number.start - 20):number.start], text[number.end:number.end + 20], date_spans,
                   previous, text[number.end:number.end + 32])


# "for a period of ten (10) days": the number restated in digits before its unit.
_DURATION_AFTER = re.compile(r"^[\s-]*(?:\(\d+\)\s*)?(?:years?|months?|weeks?|days?|hours?|hrs?|minutes?|seconds?|"
                             r"decades?|centuries|year-old|years-old)\b", re.I)
# "20h00", "13h" as French and West African texts write the time.
_TIME_AFTER = re.compile(r"^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|h\b|h\d\d\b|hrs\b|GMT|UTC|noon\b|midnight\b)", re.I)
_TIME_BEFORE = re.compile(r"\b(?:at|from|until|till|to|after|before|by)\s*$", re.I)
_REFERENCE_BEFORE = re.compile(r"\b(?:articles?|art\.|paragraphs?|clauses?|sections?|chapters?|no\.|nos\.|"
                               r"number|resolution|decree|law|per|page|pp?\.|tel\.?|phone|fax|code|room|"
                               r"flight|route|highway|and|volume|vol\.|table|chart|annex|appendix|segment|episode|"
                               r"round|(?:situation|progress|status) report|sitrep|kilomet(?:re|er)|km|"
                               # "Issue 118", "NOTICE 1 – Water"
                               r"regulation|bill|act|item|point|part|issue|notice|bulletin|"
                               # "Columns 611-616", "at level 1,150"; not a page's "Opinion · Column" line
                               r"(?:columns?|level)[ \t]|"
                               # "Count 2" of an indictment, "Cause No."; not "the count 12" of anything
                               r"(?-i:Counts?))\s*$", re.I)
# "would number some 2,500"
_NUMBER_AS_VERB = re.compile(r"\b(?:would|will|could|to|now|did|does|may|might)\s+number\s*$", re.I)
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b|^\s*(?:anniversary|percentile)", re.I)
_PHONE_BEFORE = re.compile(r"\+\d[\d\s().-]*$")
# "(800) 555-0197": an area code, seen as the "(" before it and ") 555-0197" after it (blind70)
_AREA_CODE = re.compile(r"\(\)\s*\d{3}-\d{4}\b")
PLURAL_AFTER = re.compile(r"^\s+(?:[a-z-]+\s+)?(?!years\b|months\b|weeks\b|days\b)[a-z]{3,}s\b")
_CALL_BEFORE = re.compile(r"\b(?:call(?:s|ed|ing)?|dial(?:s|ed|ling|ing)?|hotline|helpline|(?:tele)?phone|"
                          r"contact cent(?:re|er)|call cent(?:re|er))\s+(?:on\s+|at\s+)?$", re.I)
_IDENTIFIER_BEFORE = re.compile(r"\b(?:tank|unit|gate|wing|block|room|ward|cell|platform|terminal|zone|sector|office|"
                                r"suite|apartment|apt\.|floor|"
                                # "(service 4021)"
                                r"building|bus|train|service|reactor|pier|berth|hangar|exit|runway|lane|"
                                # "Rescue 1122 has deployed 3,200 rescuers" (blind68), "Area 25, Lilongwe" (blind15)
                                r"(?-i:Rescue|Area|Route|Flight|Highway))\s*$", re.I)
_AGE_APPOSITION = re.compile(r"\b[A-Z][^\W\d_]+(?:-[A-Z][^\W\d_]+)?,\s*$")
# "a 500-gram loaf", "a 10-storey block", "9°36'E": a measure that describes a thing or places it. A measure of
# what happened ("512 mm of rain", "water 1.6 metres deep", "a runway 2,200 metres long") is a figure.
# "a 25-kilo bag", "a 50-pound sack" (blind52); "A 2 kg packet of maize flour" (blind63).
_MEASURE_AFTER = re.compile(r"^(?:-(?:gram|kilogram|kilo|kg|pound|lb|tonne|ton|gallon|litre|liter|metre|meter|km|"
                            r"kilometre|kilometer|mile|storey|story|seat|seater|bed|hectare)s?\b|"
                            r"\s?(?:kg|g|ml|l|kilo|kilogram|gram|litre|liter)s?\s+(?:packet|bag|bottle|pack|sack|tin|"
                            r"jar|carton|cylinder|loaf)s?\b|°\s*\d|\s*(?:degrees|°)\s*(?:[NSEW]\b|north|south|east|west)|['′]\s*[NSEW]\b)",
                            re.I)
_STREET_AFTER = re.compile(r"^\s+(?:[NSEW]\.\s+)?(?:[A-Z][\w'’-]+\s+){1,3}(?:Street|St\b|Avenue|Ave\b|Road|Rd\b|"
                           r"Boulevard|Lane|"
                           r"Square|Prospekt|Prospect|Highway)|^\s+(?:Avenida|Calle|Rue|Via|ulitsa)\b")
_AGE_AFTER = re.compile(r"^[\s-]*(?:-?year-old|years? old|aged)\b", re.I)


def in_a_date(a: Around) -> bool:
    """"On 5 January 2022": the date finder has it."""
    return any(s < a.number.end and a.number.start < e for s, e in a.date_spans)


_MEASURED_AFTER = re.compile(r"\s?(?:m|cm|mm|km|ft)\b")  # "peaked at 9.31 m": a height, no time


# "diesel from 9.80 to 12.60 bolivianos" (no 80th minute), "diesel is capped at 11.20 for 60 days": a price (blind97)
_PRICED_BEFORE = re.compile(r"\b(?:capped|fixed|priced|sold|sells?|cost|costs|retails?|retailed)\s+(?:\w+\s+)?at\s*$",
                            re.I)


def time_of_day(a: Around) -> bool:
    """"at 10 a.m.", "until 23.00", "from 23:00 to 07:00", "At 1742 hrs"; not "peaked at 9.31 m", not "lasted
    36 hrs"."""
    clock = re.match(r"^(?:[01]?\d|2[0-4])[.:][0-5]\d$", a.number.text) and _TIME_BEFORE.search(a.before) \
        and not _MEASURED_AFTER.match(a.after) and not _PRICED_BEFORE.search(a.before)
    hours = re.match(r"^\s*hrs?\b", a.after, re.I) and not re.fullmatch(r"\d{4}", a.number.text)
    return bool(_TIME_AFTER.match(a.after) and not hours or clock or re.match(r"^:\d\d\b", a.after)
                or re.search(r"\d:\Z", a.before))


# A duration that is a claim: how long something stated lasts or lasted ("a 180-day freeze", "suspended
# for 60 days", "within 10 days", "19 days in total", "walked for eleven days"); not a prison term, an
# age, or when ("two weeks later", "three days ago").
# "given itself 30 days to report", "waited two years", "covers five months",
# "the delay was four days"
# "takes three to four weeks", "would take from 10 to 15 years": how long, a range of it.
_HOW_LONG_BEFORE = re.compile(r"\b(?:for|within|lasted|lasting|last|spent|went|took|takes?|taking|up to|no more than|"
                              r"at most|over|after|given(?: (?:itself|themselves|himself|herself|it|them))?|waited|"
                              r"covers?|covered|delayed(?: by)?|delay (?:was|of)|was delayed|"
                              # "extended it on Sunday by a further 12 hours" (blind94)
                              r"by(?=\s+(?:another|a further|as much as)\s)|"
                              # "a total of 110 hours", "could be extended by seven days"
                              r"a total of|extended by|extend it by|"
                              # "for a duration of 10 days", "for a period of 30 days", "said would be 72 hours"
                              r"(?:for\s+)?a\s+(?:period|duration)\s+of|(?:would|will)\s+(?:be|last)|"
                              r"for\s+the\s+next|"  # "not to venture out for the next 24 hours"
                              r"during)\s+"  # translated "durante": "in vigour during fifteen days" (blind97)
                              r"(?:(?:from|between)\s+)?"
                              r"(?:(?:up to|about|almost|nearly|"
                              r"another|a further|only|just|some|more than|at least|as much as)\s+)?$", re.I)
_HOW_LONG_AFTER = re.compile(r"^(?:-(?:day|hour|week|month|year)\s+(?:[\w-]+\s+)?(?:freeze|cap|stay|suspension|"
                             r"state|ban|strike|moratorium|ceasefire|truce|deadline|closure|lockdown|emergency|"
                             r"curfew|restrictions?|mourning|halt|pause|shutdown|blockade|siege|extension|delay|window|period|wait|"
                             r"measure|cut|outage)\b|"  # "the government had announced a 48-hour measure"
                             r"\s+(?:days?|hours?|weeks?|months?|years?)\s+(?:in total|in all|straight|in a row|"
                             r"running|without)\b|"
                             # "power cuts shall not exceed four hours a day" (blind60)
                             r"\s+hours?\s+(?:a|per|each)\s+day\b|"
                             # "10 days: length of the curfew"
                             r"\s+(?:days?|hours?|weeks?|months?)\s*:\s*(?:length|duration)\b|"
                             # "three days of national mourning", "72 hours of curfew"
                             r"[\s-]+(?:days?|hours?|weeks?|months?)\s+of\s+(?:national\s+|official\s+|state\s+)?"
                             r"(?:mourning|curfew|emergency|lockdown|strike|protests?|talks|fighting|blackout|"
                             r"(?:road\s+)?blockades?)\b)",  # "Six days of road blockades have cost …" (blind97)
                             re.I)
# "a national mourning of three days", "a curfew of 48 hours": the measure, then how long it lasts
_MEASURE_OF = re.compile(r"\b(?:mourning|curfew|lockdown|ban|closure|suspension|emergency|strike|blackout)\s+of\s+"
                         r"(?:(?:about|some|up to)\s+)?$", re.I)
# "asked for 18 months of preventive detention" is a term, as a sentence is (blind51)
_NOT_HOW_LONG_AFTER = re.compile(r"^[\s-]*\w+\s+(?:ago|later|earlier|old|in prison|in jail|behind bars|in a penal|"
                                 r"of\s+(?:\w+\s+)?(?:detention|imprisonment|prison|jail|custody))\b", re.I)
# "two weeks before the vote", "within two weeks of the unrest": when, or a window; but after "for" how long
# something lasted ("burned for about six hours before the fire teams …", "for 20 days of mangrove planting";
# blind94).
_WHEN_AFTER = re.compile(r"^[\s-]*\w+\s+(?:before|after|of)\b", re.I)
_FOR_BEFORE = re.compile(r"\bfor\s+(?:(?:about|some|nearly|almost|around|roughly|up to|more than|over|at least|"
                         r"another|a further|only|just)\s+)?$", re.I)
_WINDOW = re.compile(r"(?:^|[.!?\n]\s*)Within\s+$")  # "Within three days, crowds had gathered": when, not how long


# "- 5 days: mobile internet cut": a list item that labels the time it gives.
_LABELLED_AFTER = re.compile(r"^\s+(?:days?|hours?|weeks?|months?)\s*:\s*\w")
_ITEM_START = re.compile(r"(?:^|\n)[^\S\n]*(?:[-*•][^\S\n]+)?\Z")


def says_how_long(before: str) -> bool:
    """The words before a number say how long what follows lasts: "suspended for", "a total of"."""
    return _HOW_LONG_BEFORE.search(before) is not None


def duration(a: Around) -> bool:
    """"8 years in prison", "two weeks later", "for 2 hours on Friday evening" in a time-line: a duration
    that is no claim. "a 180-day freeze", "for 60 days", "within 10 days" are claims (``_HOW_LONG_*``); a
    share is no duration ("9.8% year on year")."""
    if a.number.unit or _HOW_LONG_AFTER.match(a.further) or _MEASURE_OF.search(a.before) \
            or _LABELLED_AFTER.match(a.further) and _ITEM_START.search(a.before):
        return False
    if not _DURATION_AFTER.match(a.after) or _when_or_a_term(a):
        return bool(_DURATION_AFTER.match(a.after))
    return not (_HOW_LONG_BEFORE.search(_before_its_restatement(a)) or _answers_how_long(a))


def _when_or_a_term(a: Around) -> bool:
    """"two weeks later", "8 years in prison", "Within three days, …", "two weeks before the vote"; not "burned for
    about six hours before …"."""
    return bool(_NOT_HOW_LONG_AFTER.match(a.further) or _WINDOW.search(a.before)
                or _WHEN_AFTER.match(a.after) and not _FOR_BEFORE.search(a.before))


def _before_its_restatement(a: Around) -> str:
    """"for a period of ten (10) days": what comes before the number a bracketed one restates."""
    return re.sub(r"[\w-]+\s*\(\s*$", "", a.before) if a.after.startswith(")") else a.before


_HOW_LONG = re.compile(r"\bhow long\b[^\n]*\?\s*$", re.I)


def _answers_how_long(a: Around) -> bool:
    """"How long did the blockade last?\nEleven days.": the answer to "how long" is a duration claim."""
    return bool(_HOW_LONG.search(a.line_before))


def ordinal_or_age(a: Around) -> bool:
    """"the 30th anniversary", "a 34-year-old man"."""
    return bool(_ORDINAL_AFTER.match(a.after) or _AGE_AFTER.match(a.after))


def reference(a: Around) -> bool:
    """"Article 174", "Decree No. 56", "per 1 liter" (a divisor), but not "… and 18 were killed"."""
    m = _REFERENCE_BEFORE.search(a.before)
    return bool(m and not a.number.unit and m.group(0).strip().lower() != "and"
                and not _NUMBER_AS_VERB.search(a.before))


_LISTED = re.compile(r"\b(?:articles?|sections?|numbers?|lines?|(?-i:Counts))\s+\d+\s*(?:,\s*\d+\s*)*(?:and|or|,)\s*$|"
                     r"\b(?:segment|part|page|round|episode|chapter|volume)\s+\d+\s+of\s*$", re.I)


def listed_article(a: Around) -> bool:
    """The "4" of "Articles 2 and 4", "the numbers 101 and 103", "Part 2 of 5"; "sections 75, 76, 335 and 232",
    "Counts 1, 2 and 3" of an indictment (blind57)."""
    return bool(_LISTED.search(a.before))


# A number to call or text: "the emergency line, 0800 …", "by text to 40404", "call the police on 101",
# "Tel. (021) 555-0199".
_LINE_BEFORE = re.compile(r"(?:\b(?:(?:emergency|listener|hot|help|phone|telephone|toll-free|information|tip|aid|"
                          r"free)\s*line|"
                          r"(?:control|crisis|operations|situation) room|call cent(?:re|er)|text|sms|whatsapp|"
                          r"telegram|tel\.?|telephone|phone|"
                          r"fax)(?:\s+numbers?)?\s*(?:,|:|on|at|to)?\s*|\bcall\b[^.\d\n]{0,30}\b(?:on|at)\s+|"
                          r"\(\d{2,5}\)\s*)$", re.I)


def number_sign_or_phone(a: Around) -> bool:
    """"№ 12", "#3", "+7 727 …", "call 112", "the emergency line, 0800 …"; not a change written with its sign,
    "+85%" or "+$270" (a percentage or a sum is never dialled; blind76), nor "| +21.10 |" in a price table's change
    column (no number is dialled with cents; blind86)."""
    signed = a.before.rstrip().endswith(("+", "№", "#")) and a.number.unit != "%" \
        and not (a.before.endswith("+") and (a.number.unit is not None or _CENTS.fullmatch(a.number.text)))
    return bool(signed or _PHONE_BEFORE.search(a.before) or _AREA_CODE.match(a.before[-1:] + a.after)
                or _CALL_BEFORE.search(a.before) or _LINE_BEFORE.search(a.before))


_CENTS = re.compile(r"\d{1,4}\.\d\d")


def part_of_a_name(a: Around) -> bool:
    """"Khabar-24", "COVID-19", "Su-25"."""
    return bool(re.search(r"[A-Za-z]-$", a.before))


# A fuel's grade: "92-octane gasoline", "Gasoline (RON 91 and 95)", "octane 95" (blind74); "RON" is also the leu's
# code, so a grade is told by its two or three digits and no decimals, next to "RON" or "octane".
_GRADE_BEFORE = re.compile(r"(?:\bRON|\boctane)\s*$|\bRON\s+\d{2,3}\s+(?:and|or|/)\s*$", re.I)
_GRADE_AFTER = re.compile(r"^[\s-]*octane\b", re.I)
_FUEL_BEFORE = re.compile(r"\b(?:gasoline|petrol|unleaded|fuel|benzine)\s*\(?\s*$", re.I)


def fuel_grade(a: Around) -> bool:
    text = a.number.text
    if re.fullmatch(r"RON\s*\d{2,3}", text):  # the grade read as lei: "Gasoline RON 95 |"
        return bool(_FUEL_BEFORE.search(a.before) or re.match(r"^\s*(?:and|or|/)\s*\d{2,3}\)", a.after))
    return bool(re.fullmatch(r"\d{2,3}", text) and (_GRADE_BEFORE.search(a.before) or _GRADE_AFTER.match(a.after)))


def list_marker(a: Around) -> bool:
    """"1. Losses suffered by businesses …", a thread's "3/ Yesterday …"; not the answer under a
    question ("How many were killed?\n225. That is …")."""
    bracketed = re.match(r"^\)\s", a.after) and re.search(r"(?:^|\n)\s*\($", a.before)  # "(1) Will he inform"
    return bool((bracketed or re.match(r"^[.)/]\s", a.after) and re.search(r"(?:^|\n)\s*$", a.before))
                and a.number.text[:1].isdigit() and not _answers_how_many(a))  # "Thirty-seven." answers


_LABEL_WORD_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?:claim|bulletin|update|question|answer|item|step|entry|exhibit|"
                                r"point|round|day|week|phase|stage|case|recommendation|finding|measure|demand|"
                                r"option|scenario|post|tweet|note)[ \t]+$", re.I)


_NUMBER_COLUMN = re.compile(r"^[ \t|]*(?:No\.?|Nr\.?|#|S/?N|Sl\.?(?: No\.?)?|Ser\.?)[ \t]*\|", re.I)


def row_number(a: Around) -> bool:
    """A table's running number: "No. | Name | Age\n1 | Davit Hakobyan | 31", then "2 | …" after "1 | …" (blind88,
    blind90)."""
    if not (a.number.text.isdigit() and re.match(r"^[ \t]*\|", a.after) and a.line_before):
        return False
    previous = re.match(r"^[ \t|]*(\d+)[ \t]*\|", a.line_before)
    return bool(previous and int(previous.group(1)) == a.number.value - 1
                or a.number.value == 1 and _NUMBER_COLUMN.match(a.line_before))


def numbered_label(a: Around) -> bool:
    """"CLAIM 1: …", "Bulletin 2 - Saturday 7 March", "Update 3:", "UPDATE 2-Indonesia …": the number of an item
    heading its line."""
    return bool(_LABEL_WORD_BEFORE.search(a.before) and re.match(r"^[ \t]*[:.)\]–—-][ \t]|^-[A-Z]", a.after)
                and a.number.text.isdigit() and not a.number.unit)  # a wire's "UPDATE 2-Indonesia quake toll …"


def _answers_how_many(a: Around) -> bool:
    """"1. How many were killed?\n225. That is …" answers; "1. How many …?\n2. Will it …" is the next item."""
    item = re.match(r"\s*(\d+)[.)]", a.line_before)
    return bool(_HOW_MANY.search(a.line_before)) and not (item and a.number.value == int(item.group(1)) + 1)


_HOW_MANY = re.compile(r"\bhow (?:many|much)\b[^\n]*\?\s*$", re.I)


def code_digits(a: Around) -> bool:
    """A leading zero or digits glued before: a phone number or a code, "012 315 1700", "0800", a budget's
    "Vote 01"; a letter glued before a grouped number: a flight, "Buddha Air U4 602"."""
    # "\Z", not "$": a number opening a line after a clock time ("06:58⏎Nine bodies …") has no digit glued to it
    flight = re.search(r"[^\W\d_]\Z", a.before) and re.match(r"\d \d{3}\b", a.number.text)  # not "P500 000"
    return bool(re.match(r"^0\d{2,}|^0\d$", a.number.text) or flight or _postcode(a)
                or re.search(r"\d ?\Z", a.before) and not a.number.unit
                or re.match(r"^\d", a.after)  # "0800 466 2100": the groups after the leading one
                or re.match(r"^ \d", a.after) and re.search(r"\d \d", a.number.text))  # "8 800 080 0014"


def _postcode(a: Around) -> bool:
    """Two capitals glued before plain digits: "Baku AZ1000" (a sum has its currency: "RM10000")."""
    return bool(re.search(r"\b[A-Z]{2}\Z", a.before)) and a.number.text.isdigit() and not a.number.unit


# A capitalised word and an opening bracket just before a number: "Johannes Sithole (52)", "Asunción (2)".
NAME_AND_BRACKET = re.compile(r"[A-Z][^\W\d_]+\s\($")


def _age_of_a_person(a: Around) -> bool:
    """"a woman of 82", "the skipper (47)", "(male, 63 yrs)"."""
    role = _PERSON_BRACKET.search(a.before) and a.after.startswith(")")
    return bool(a.number.value < 120 and (_PERSON_OF.search(a.before) or role or _SEX_BEFORE.search(a.before)))


# "the skipper (47) and the owner", "(male, 63 yrs)"
_PERSON_BRACKET = re.compile(r"\b(?:skipper|captain|driver|pilot|owner|man|woman|boy|girl|victim|suspect|son|daughter|"
                             r"husband|wife|mother|father|teacher|farmer|worker)\s\($", re.I)
_SEX_BEFORE = re.compile(r"\b(?:male|female|M|F)\s*,\s*$")
# "a woman of 82 with breathing problems"
_PERSON_OF = re.compile(r"\b(?:a|an|the)\s+(?:man|woman|boy|girl|widow|widower|pensioner|mother|father|grandmother|"
                        r"grandfather)\s+of\s*$", re.I)


def spoken_or_bracketed_age(a: Around) -> bool:
    """"I'm 34", "a woman of 82", "the skipper (47)", "(male, 63 yrs)", "Johannes Sithole (52)"; not a place's
    part of a count ("registered in Asunción (2)")."""
    return bool(re.search(r"\b(?:I'm|I am|he's|she's|aged)\s*$", a.before, re.I) or _age_of_a_person(a) or (
        NAME_AND_BRACKET.search(a.before) and a.after.startswith(")") and a.number.value < 120
        and not _a_place_before(a.before) and not _a_people_before(a.before)))


# A people named by their nation, alone before the bracket: "followed by Cubans (74), Ecuadorians (61)" counts them
# (blind130); "Johannes Sithole (52)" is a person's age.
_PEOPLE_BEFORE_BRACKET = re.compile(r"(?<![A-Z][a-z]\s)(?<![A-Z][a-z]{2}\s)\b[A-Z][a-z]+(?:ese|ians|eans|ans|is)\s\($")


def _a_people_before(before: str) -> bool:
    return _PEOPLE_BEFORE_BRACKET.search(before) is not None


# The name before a bracket: capitalised words and the particles inside place names ("Ciudad del Este (3)").
_NAME_BEFORE_BRACKET = re.compile(r"(?:[A-Z][^\W\d_]+(?:\s+(?:del|de|la|el|do|da|dos|das|of|upon|on)\s+|\s+))*"
                                  r"[A-Z][^\W\d_]+\s\($")


def _a_place_before(before: str) -> bool:
    found = _NAME_BEFORE_BRACKET.search(before)
    return found is not None and is_known_place(found.group()[:-1].strip())


# "1 Sri Lanka Air Force Bell 412 helicopter", "a Boeing 737 jet": a maker's name and its model's number,
# not the sentence's first word ("Sent 3 helicopters").
_MAKER_BEFORE = re.compile(r"(?<![.!?\n]\s)(?<![.!?\n])\b[A-Z][a-z]+\s$")
_AIRCRAFT_AFTER = re.compile(r"^\s+(?:helicopters?|aircraft|airliners?|jets?|planes?)\b")


def identifier(a: Around) -> bool:
    """A name's number: "Tank 14", "unit 3", "Gate 2" (not "unit 3 soldiers"), "Bell 412 helicopter"."""
    model = _MAKER_BEFORE.search(a.before) and _AIRCRAFT_AFTER.match(a.after) and "\n" not in a.before[-8:]
    return bool(_IDENTIFIER_BEFORE.search(a.before) and not PLURAL_AFTER.match(a.after) or model)


def age_limit(a: Around) -> bool:
    """"children under 5", "97 people, nine of them under 18" (blind82)."""
    return bool(re.search(r"\b(?:children|people|those|anyone|everyone|adults|them|whom|minors)\s*$", a.before, re.I)
                and re.match(r"(?:under|over|above|below)\b", a.number.text, re.I) and a.number.value < 120)


def times_or_ages(a: Around) -> bool:
    """"sixteen times more", "brothers aged 19 and 22", "two men, ages 23 and 31" (blind70)."""
    return bool(re.match(r"^\s+times\b", a.after)
                or re.search(r"\b(?:aged|ages)\s+(?:\d+\s*(?:,|and|to|-)\s*)*$", a.before, re.I))


# A distance that places something ("40 km north of Nchelenge", "110 km away", "a depth of about 20 km") is
# no figure; one that measures what happened ("an exclusion zone of 5 km", "queues of two kilometres") is,
# like a weight ("1,600 tonnes of ammonium nitrate").
# Nautical miles and compass points as a rescue report writes them: "6.5 NM north-west of", "11 NM SSW of datum".
_DISTANCE_AFTER = re.compile(r"^\s*(?:km|kilomet(?:re|er)s?|miles?|nm|nautical miles?)\b", re.I)
_PLACING_AFTER = re.compile(r"^\s*(?:km|kilomet(?:re|er)s?|miles?|nm|nautical miles?)\s+(?:\(\d+ miles?\)\s+)?"
                            r"(?:to the\s+)?(?:away|north|south|east|west|from|off|outside|inland|upstream|downstream|"
                            r"beyond|along|"
                            r"offshore|(?-i:[NSEW]{1,3})\b)", re.I)
_PLACING_BEFORE = re.compile(r"\b(?:depth|altitude|height|distance) of\s+(?:about|some|around|nearly)?\s*$", re.I)


def measure_or_address(a: Around) -> bool:
    """"a 500-gram loaf", "a depth of 20 km", "40 km north of", "14 Shakhtyorov Street". (A quake's magnitude is
    a figure: sources give different ones, "6.1" against the USGS's "5.9".)"""
    placing = _DISTANCE_AFTER.match(a.after) and (_PLACING_AFTER.match(a.after) or _PLACING_BEFORE.search(a.before))
    return bool(_MEASURE_AFTER.match(a.after) or placing or _STREET_AFTER.match(a.after))


def dashed_code(a: Around) -> bool:
    """A phone number or an identifier: "1800-335-486", "8-3846-61-22-40"."""
    return bool(re.search(r"\d-$", a.before) or re.match(r"^-\d+-\d", a.after) or (
        re.match(r"^-\d", a.after) and re.search(r"\d-\d+-$", a.before + "-")))


def age_in_apposition(a: Around) -> bool:
    """"Tokayev, 68, told parliament"."""
    return bool(_AGE_APPOSITION.search(a.before) and re.match(r"^(?:,|\.(?:\s|$))", a.after)
                and a.number.value < 120 and not a.number.unit)


def bare_year(a: Around) -> bool:
    """A year on its own, "in 2030", or a span of two, a bill's "No. 318/2026-2027" (but "2,030 troops" and
    "2030 troops" are counts; after "the", "its" or "their" a year before its noun is a time: "the 1996 figures")."""
    n = a.number
    digits = n.text[n.number_start - n.start:]
    since = n.approx is not None and re.search(r"\b(?:since|from|before|until)\s+$", a.before)  # "since at least 1998"
    # "the 1996 figures", "the 1996 losses" (blind127): a year before its plural noun after "the" names a time
    modifier = re.search(r"\b(?:the|its|their)\s+$", a.before, re.I) is not None
    return bool(not n.unit and re.fullmatch(r"(?:19|20)\d\d(?:[-–/](?:19|20)\d\d)?", digits)
                and (n.approx is None or since) and (modifier or not PLURAL_AFTER.match(a.after)))


def footnote_marker(a: Around) -> bool:
    """"… were killed.3 The next day", "the toll[12]": a note's number glued to the word or in brackets."""
    n = a.number
    glued = re.search(r"(?:[^\W\d_][.,;:)\]”\"’']?|[)\]”\"’'][.,;:])\Z", a.before) \
        and re.match(r"^(?:\s|$|[.,;:)\]])", a.after)  # "(December 2024 to May 2025).8", "\"more than 40,000\".10"
    bracketed = a.before.endswith("[") and a.after.startswith("]")  # also a question's number: "[10482]"
    return bool((glued and n.value < 1000 or bracketed) and n.text.isdigit() and not n.unit)


def section_heading(a: Around) -> bool:
    """"3.1 Deaths" on a line of its own, or a paragraph's run-in heading ("4.3 Use of tear gas. Between …",
    blind61): a section's number, not 3.1 of anything."""
    return bool(re.search(r"(?:^|\n)\s*$", a.before) and re.fullmatch(r"\d+(?:\.\d+)+", a.number.text)
                and bool(re.match(r"^ [A-Z][^\d\n.]{0,18}(?:\n|$)", a.after)  # "$": a long heading runs on
                         or re.match(r"^ [A-Z][^\d\n.]{0,30}\.\s", a.further)))


def slashed_date(a: Around) -> bool:
    """"a survey dated 3/9/2021": a day/month/year date the date finder left."""
    return bool(re.match(r"^/\d{1,2}/\d{2,4}\b", a.after) or re.search(r"\b\d{1,2}/$", a.before)
                and re.match(r"^/\d{2,4}\b", a.after))


def word_compound(a: Around) -> bool:
    """"a three-deck ferry", "a two-tier country": a word number in a compound adjective; not a time
    ("a ten-day state of emergency": a duration, which ``duration`` judges like "a 10-day state")."""
    return bool(re.match(r"^-(?!strong\b|odd\b|plus\b|(?:hour|day|week|month|year)\b)[a-z]", a.after)
                and not any(c.isdigit() for c in a.number.text) and not a.number.unit)


_PER_ONE = re.compile(r"\b(?:for|per|of)\s+$", re.I)
_MEASURE_UNIT = re.compile(r"^\s+(?:lit(?:re|er)s?|kilo(?:gram)?s?|kg|gallons?|pounds?|tonnes?|tons?|cubic|"
                           r"(?:square\s+)?met(?:re|er)s?|loaf|loaves|piece|bag|bottle|cylinder|unit|kilowatt-hour|kWh)\b",
                           re.I)


def per_one_unit(a: Around) -> bool:
    """"2 690 tugrik for one liter", "One litre now costs 3,000": the unit a price is per, not a count."""
    in_words = not any(ch.isdigit() for ch in a.number.text)
    return a.number.value == 1 and bool((in_words or _PER_ONE.search(a.before)) and _MEASURE_UNIT.match(a.after))


# A price table's row label, up to the size it prices: "Cooking oil, 1 litre |", "| Gas cylinder (10 kg) |".
_ROW_LABEL_START = re.compile(r"(?:^|\n)[ \t|]*[A-Z][^|\n\d]{0,30}(?:,|\()\s*$")
_PACK_UNIT = re.compile(r"^\s?(?:l|ml|g|kg|lit(?:re|er)s?|kilo(?:gram)?s?|bags?|bottles?|loaf|loaves|cylinders?)\b",
                        re.I)


def pack_size(a: Around) -> bool:
    """A price table's row label names the size priced: "Cooking oil, 1 litre | 2 250 | 1 200", "Sunflower oil,
    1.5 l | $ 2.399,90" (blind80)."""
    return bool(_ROW_LABEL_START.search(a.before) and "|" in a.further and _PACK_UNIT.match(a.after))


# "3⏎00:00:10,000 --> 00:00:14,300": a subtitle's cue number, on the line before its timing.
_CUE_TIMING = re.compile(r"^[^\S\n]*\n\d\d:\d\d:\d\d[,.]\d{3}\s*-->")


def subtitle_cue(a: Around) -> bool:
    """A subtitle file's cue number: alone on its line, its timing on the next."""
    return bool(re.search(r"(?:^|\n)[^\S\n]*\Z", a.before) and _CUE_TIMING.match(a.further))


def post_count(a: Around) -> bool:
    """"1/12 - 05:40. At 04:55 …": a thread's post number and its count of posts, at the start of a line."""
    opens_line = re.search(r"(?:^|\n)[^\S\n]*\Z", a.before) and re.match(r"^/\d{1,3}\b", a.after)
    counted = re.search(r"(?:^|\n)[^\S\n]*\d{1,3}/\Z", a.before)
    return bool((opens_line or counted) and a.number.value < 1000)


def post_number(a: Around) -> bool:
    """A thread's post or an item's place in a series, "8/9 CORRECTION to 4/9" (blind55); not a fraction of
    something ("1/3 of the houses")."""
    small = re.fullmatch(r"\d{1,2}", a.number.text)
    first = re.match(r"^/\d{1,2}\b(?!/)(?!\s*of\b)", a.after)
    second = re.search(r"(?<![\d/])\d{1,2}/$", a.before) and not re.match(r"^/\d|^\s*of\b", a.after)
    return bool(small and (first or second))


# A post's engagement on the line under it: "2:05 PM · Aug 31, 2026 · 48.2K Views · 1,204 Reposts" (blind66); not a
# fact-check's "the clip had about 2.4 million views", which is a claim of reach (blind9).
_ENGAGEMENT_AFTER = re.compile(r"^\s+(?:views|reposts|retweets|likes|replies|quotes|quote tweets|bookmarks)\b", re.I)


def engagement_count(a: Around) -> bool:
    return bool(_ENGAGEMENT_AFTER.match(a.after) and re.search(r"[·•|]\s*$", a.before))


def numbered_name(a: Around) -> bool:
    """A number in a name: "National Road 1", "Calle 3 de Noviembre", "Gate 7"; a "Reading time: 7 min"."""
    return bool(re.search(r"\b(?:Road|Route|Highway|Interstate|Calle|Rue|Gate|Block|Platform|Terminal|Sector|Pier)\s+$",
                          a.before) or re.search(r"reading time:?\s*$", a.before, re.I))


def code_after_a_name(a: Around) -> bool:
    """A region's code in brackets after its name in a row's label cell: "| Bejaia (06) | 412 |" (blind127)."""
    return bool(re.search(r"\b[A-Z][\w'’-]*\s+\($", a.before)
                and re.match(r"^\)\s*\|", a.after) and re.fullmatch(r"\d{1,3}", a.number.text))


def confidence_level(a: Around) -> bool:
    """"a 95% interval of 1,210–1,930", "95% uncertainty intervals": how sure an estimate is, no figure of it."""
    return a.number.unit == "%" and bool(re.match(r"^\s*(?:uncertainty\s+|confidence\s+|credible\s+|"
                                                  r"prediction\s+)?(?:intervals?|confidence|CI)\b", a.further))


def note_line(a: Around) -> bool:
    """A footnote opening its line under the rule that starts the notes, or right after the note before it:
    "___\n7 Figures are for cases verified", "7 Figures …\n8 See UNMISS …" (blind57)."""
    if not a.line_before or not a.number.text.isdigit() or not re.match(r"^ [A-Z\"“]", a.after):
        return False
    previous = re.match(r"\s*(\d{1,3}) [A-Z\"“]", a.line_before)
    return bool(re.fullmatch(r"\s*[_—–-]{3,}\s*", a.line_before)
                or previous and int(previous.group(1)) == int(a.number.value) - 1)


_PERIOD_NUMBER = re.compile(r"\b(?:epidemiological\s+|epi\s+)?week\s*$", re.I)
_ENDS_A_LABEL = re.compile(r"^\s*(?:[:;,.()]|\n|$|(?:and|to|against|of)\b)")


def numbered_period(a: Around) -> bool:
    """A week's number in a bulletin: "in week 7, against … in week 6 (2-8 February)"; not "that week 12 died"."""
    return bool(_PERIOD_NUMBER.search(a.before) and _ENDS_A_LABEL.match(a.after) and a.number.text.isdigit())


def slashed_code(a: Around) -> bool:
    """A file's or a question's number: "Cause No. HPK/CR/117/2025", "1873/'25" (blind57)."""
    return bool(re.search(r"[A-Za-z]/$", a.before) or re.match(r"^/['’]\d\d\b", a.after)
                or re.search(r"\d/['’]$", a.before))


def radio_frequency(a: Around) -> bool:
    """"RADIO WAYNA ANDINA 98.7 FM"."""
    return bool(re.match(r"^\s?(?:FM|AM|MHz|kHz)\b", a.after))


def exchange_rate(a: Around) -> bool:
    """A conversion note, not a claim: "($1 = 16,300 rupiah)", "(US$1 = 4,100 Colombian pesos)"."""
    return bool(re.match(r"^\s*=", a.after) or re.search(r"=\s*$", a.before))


# A grade or class is a name, no count: "Cattle, Boran, grade 1 | 48,000" (blind80), "class 3 roads", "tier 2".
_GRADE_WORD = re.compile(r"\b(?:grade|class|tier|category)\s+$", re.I)


def grade_or_class(a: Around) -> bool:
    return bool(_GRADE_WORD.search(a.before) and re.fullmatch(r"\d{1,2}", a.number.text))


NOT_A_FIGURE: tuple[Callable[[Around], bool], ...] = (
    in_a_date, time_of_day, duration, ordinal_or_age, reference, listed_article, number_sign_or_phone, part_of_a_name,
    fuel_grade,
    list_marker, row_number, numbered_label, code_digits, spoken_or_bracketed_age, identifier, age_limit, times_or_ages,
    measure_or_address, dashed_code, age_in_apposition, bare_year, footnote_marker, section_heading, slashed_date,
    word_compound, per_one_unit, post_count, subtitle_cue, exchange_rate, post_number, engagement_count, numbered_name,
    confidence_level, note_line, numbered_period, slashed_code, radio_frequency, grade_or_class, pack_size,
    code_after_a_name,
)


def not_a_figure(text: str, number: NumberSpan, date_spans: list[tuple[int, int]]) -> str | None:
    """The name of the first rule that says the number is no figure, or None."""
    around = Around.of(text, number, date_spans)
    return next((rule.__name__ for rule in NOT_A_FIGURE if rule(around)), None)

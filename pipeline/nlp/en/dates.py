"""Dates as news writes them, normalised against the publication date.

Absolute ("January 2, 2022", "5 January 2022", "05.01.2022", "2022-01-05"), partial
("January 4" → the year that puts it nearest before publication; "In 2021" → year
precision; "in March" → month), spans ("from January 5 to January 19, 2022",
"5-19 January"), and relative ("yesterday", "last Wednesday", "the previous two
days", "three weeks ago", "in two days" after a modal), resolved when the publication date is known;
spans of years ("from 2010 to 2018") and spelled-out years ("nineteen eighty-seven"). Times of day and
durations are never matched: every pattern needs a month name, a year or a day word.

Anaphoric dates count from the text: "the next day", "that first night", "the day before" from the
story's last day (a weekday or day word too, never a period's bound "since 1 January"), "That year" from
the year just named, "yesterday"/"in two days" inside a dated entry ("11 January — …", a post stamped
"08.01.2022 11:30") from that entry's date; else from publication.

Each pattern is a data row (kind, regex) tried in order; a position once taken is not matched again.
``HANDLERS`` turns each kind's match into a date. dateparser resolves the "ago"/"in N days" kinds and the
day words ("yesterday", "last night", "this morning": measured right for every word of the pattern, from
any base). Ours stays for the rest: dateparser fills a missing day or year from the base date ("April of
1987" → 1987-04-10, "in December" → the base's day, and a December after the base unless told to prefer
the past, which then sends "until October" back a year), reads none of "the next day", "the same day",
"that year", "New Year", "the end of the year", "August to December 2026" or "the January events" (all
measured with dateparser 1.5: None), and news needs the precision kept. dateparser 1.5 also reads wrong or
not at all (measured): "the 1990s" (the base's timestamp), "2018-19" (2018-06-19), "Q4 2022" (2022-11 with the
base's day), "2015-2017", "last weekend", "Boxing Day 2004", "Christmas Eve 2015", "the first week of May", "the
second half of 2022", "from July 2019 to March 2021", "between Monday and Thursday", "from April to June" (all
None); and "this Sunday" is always the coming one, so "resigned this Monday" would be next week's. It reads
right "a fortnight ago", "a year ago today", "the day after tomorrow" and "in three weeks' time", so those go to
it. A month or day without a year said of the future ("will convene in February") is the next one; else the
nearest, mostly before publication.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

import dateparser
from text_to_num import text2num

from ...models import DateMention

MONTHS = {name: i for i, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
     ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
     ("december", "dec")], start=1) for name in names}
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                        "sunday"])}
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December")
# Title case or capitals ("16 DECEMBER" in headings); never lower case, so "may" stays a verb.
_MONTH = (r"(?P<{0}>" + "|".join(MONTH_NAMES) + "|" + "|".join(m.upper() for m in MONTH_NAMES)
          + r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")
_FULL_MONTHS = "|".join(MONTH_NAMES)
_LOWER_MONTHS = "|".join(m.lower() for m in MONTH_NAMES if m not in ("May", "March"))
_DAY = r"(?P<{0}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{0}>(?:19|20)\d\d)"


def _p(template: str, *names: str) -> str:
    return template.format(*names)


_FEW = "an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_TEEN = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNIT = "one|two|three|four|five|six|seven|eight|nine"
# "nineteen eighty-seven", "twenty twenty-two", "two thousand and twelve"
_SPELLED_YEAR = (rf"(?:nineteen|twenty)[\s-](?:hundred|{_TEEN}|(?:{_TENS})(?:[\s-](?:{_UNIT}))?)"
                 rf"|two thousand(?:\s+and)?(?:\s+(?:{_TEEN}|{_UNIT}|twenty(?:[\s-](?:{_UNIT}))?))?")
# A modal before "in two days" makes it a day to come; "due in 60 days" is a deadline's length, "died in two
# days" a duration.
# "called a general strike for Monday", "will meet on Saturday": a weekday still to come ("called off their
# strike on Wednesday" is past: a past verb points forward only through "for").
_COMING = re.compile(r"(?:\b(?:will|shall|going to|due|planned|scheduled|plans?|expected|calls)|"
                     r"'ll)\b[^.;!?]*$|\b(?:for|until|till|coming)\s+$|"
                     # a body's sitting as news announces it: "the committee meets on Thursday", "to meet on Thursday"
                     r"\b(?:meets|to\s+meet|convenes|to\s+convene|sits|to\s+sit|votes|to\s+vote|rules|to\s+rule|"
                     r"resumes|to\s+resume|reopens|to\s+reopen)\s+(?:again\s+)?on\s+$", re.I)
# "will convene in February", "said the vote would be held in September", "is expected to reopen in three
# weeks' time": said of the future. ("due to" stays out: it is as often "because of"; a past verb after the
# modal ends its reach: "The firm, which will list its shares, was founded in March".)
_FUTURE = re.compile(r"(?:\b(?:will|would|shall|going to|(?:expected|set|scheduled|planned) to)|'ll)\b"
                     r"(?:(?!\b(?:was|were|had|did)\b)[^.;!?])*$", re.I)

_NTH = "first|second|third|fourth|final|last"
_YEAR_OF_DAY = rf"(?:,?\s+{_p(_YEAR, 'y')}|\s+(?P<ry>last|this|next)\s+year)?"
_YEAR_SHIFT = {"last": -1, "this": 0, "next": 1}
PATTERNS: list[tuple[str, re.Pattern]] = [
    # "New Year's Eve 1999", "Christmas Day", "Boxing Day 2004": before the year rows, which would take the year
    ("holiday", re.compile(r"\b(?P<h>New Year['’]s Day|New Year['’]s Eve|New Year(?!['’]s)|Christmas Day|"
                           r"Christmas Eve|Boxing Day)(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?")),
    # "the first week of May", "the last week of January 2021": seven days of a month
    ("week_of_month", re.compile(rf"\bthe\s+(?P<nth>{_NTH})\s+week\s+of\s+{_p(_MONTH, 'm')}"
                                 rf"(?:,?\s+{_p(_YEAR, 'y')})?\b")),
    # "Week of 9 Feb", "the week of 23 February": the seven days from that day (a chart's or a table's week)
    ("week_of_day", re.compile(rf"\b(?:[Tt]he\s+)?[Ww]eek\s+of\s+{_p(_DAY, 'd')}\s+{_p(_MONTH, 'm')}"
                               rf"(?:\s+{_p(_YEAR, 'y')})?\b")),
    # "the first quarter of 2023", "the second half of 2022", "Q4 2022", "H1 2021": months of a year
    ("part_of_year", re.compile(rf"\b(?:the\s+(?P<nth>{_NTH})\s+(?P<part>quarter|half)\s+of|"
                                r"(?P<q>[QH])(?P<qn>[1-4]))\s+(?P<y>(?:19|20)\d\d)\b")),
    # "the 1990s", "the 2020s": a decade
    ("decade", re.compile(r"\bthe\s+(?P<y>(?:1[89]|20)\d0)['’]?s\b")),
    # "last weekend", "this weekend": a Saturday and a Sunday
    ("weekend", re.compile(r"\b(?P<rel>last|past|this)\s+weekend\b", re.I)),
    # January 5-19, 2022  /  5-19 January 2022
    # January 5-19, 2022  /  January 5 to 19  /  5-19 January 2022  /  between 4 and 6 January
    ("md_span", re.compile(rf"\b{_p(_MONTH, 'm')}\s+{_p(_DAY, 'd')}(?:\s*[-–]\s*|\s+(?:to|until|through)\s+)"
                           rf"{_p(_DAY, 'd2')}(?:,?\s+{_p(_YEAR, 'y')})?\b(?![\d:]|\s+(?:people|persons|of|were|"
                           rf"have|had|per)\b)")),
    # "16 to 18 February", "Monday 16 to Wednesday 18 February" (the first weekday is joined to it later); a
    # weekday on the second day only when the first has one too: "Bulletin 1 - Friday 6 March" is no span
    # "SATURDAY 20 TO FRIDAY 26 JUNE 2026" in a heading (blind86)
    ("dm_span", re.compile(rf"\b(?P<wd1>(?<=day )|(?<=day, )|(?<=DAY )|(?<=DAY, ))?{_p(_DAY, 'd')}\s*"
                           rf"(?:[-–]|(?i:to|until|through|and))\s*"
                           rf"(?(wd1)(?i:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?){_p(_DAY, 'd2')}\s+"
                           rf"{_p(_MONTH, 'm')}"
                           rf"(?:,?\s+{_p(_YEAR, 'y')})?\b")),
    # "21 December last year": a day of the year before, this or next
    # not a clock time ("July 6:30"), but a list after the date: "began on July 6: one in Ilave, …" (blind81)
    # a day and its month share a line: a table row's last cell "5" and the next row's "April–June" are no date
    # (blind94)
    ("mdy", re.compile(rf"\b{_p(_MONTH, 'm')}[^\S\n]+{_p(_DAY, 'd')}{_YEAR_OF_DAY}(?!\d|:\d)\b")),
    ("dmy", re.compile(rf"\b{_p(_DAY, 'd')}(?:[^\S\n]+of)?[^\S\n]+{_p(_MONTH, 'm')}{_YEAR_OF_DAY}\b")),
    ("numeric", re.compile(r"\b(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d\d)\b")),
    # "10/14/2026" is month first (no month 14), "14/10/2026" day first; "04/10/2026" as the text writes its other
    # dates ("17 April" or "April 17"), and no date where it writes neither way more
    ("slashed_mdy", re.compile(r"\b(?P<m>[01]?\d)/(?P<d>1[3-9]|2\d|3[01])/(?P<y>(?:19|20)\d\d)\b")),
    ("slashed", re.compile(r"\b(?P<d>[0-3]?\d)/(?P<m>[01]?\d)/(?P<y>(?:19|20)\d\d)\b")),
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    # "MON 09.03.", "Sat 14.03": a day and month in figures, a date only after its weekday (a log's entry)
    ("weekday_numeric", re.compile(r"\b(?i:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun|(?:mon|tues|wednes|thurs|fri|"
                                   r"satur|sun)day)\.?,?\s+(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)(?P<y>)\b(?!\.?\d|\s*(?:%|per))")),
    # "Mon 8 | 31 | 0", "Wed 10 |": a day of the month after its weekday, no month, ending a table's cell or a line
    # (a log's rows; blind130); the weekday says which month
    ("weekday_day", re.compile(r"\b(?P<wd>(?i:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)|(?:Mon|Tues|Wednes|Thurs|"
                               r"Fri|Satur|Sun)day)\.?[^\S\n]+(?P<d>[0-3]?\d)\b(?=[^\S\n]*(?:\||$))", re.M)),
    # "August – December 2026", "from August to December 2026": an open span of months
    ("mm_span", re.compile(rf"\b{_p(_MONTH, 'm')}\s*(?:[-–—]|to|until|through)\s*{_p(_MONTH, 'm2')},?\s+"
                           rf"{_p(_YEAR, 'y')}\b")),
    # "from April to June", "between November and February": the year is the tense's (the last month's);
    # "between January and March 2024" the one written
    ("mm_open", re.compile(rf"\b(?i:from|between)\s+(?P<m>{_FULL_MONTHS})\s*(?:[-–]|to|until|through|and)\s*"
                           rf"(?P<m2>{_FULL_MONTHS})\b(?:,?\s+{_p(_YEAR, 'y')}\b)?(?!,?\s*[0-3]?\d\b)")),
    ("my", re.compile(rf"\b{_p(_MONTH, 'm')}(?:,|\s+of)?\s+{_p(_YEAR, 'y')}\b")),  # "April of 1987"
    # "In March", "since September", "in december" (translated text writes months in lower case; "may" and
    # "march" stay verbs)
    ("month", re.compile(r"\b(?:(?:(?i:in|since|by|during|until|early|mid|late|of)|(?P<rel>last|next|this))\s+|mid-)"
                         r"(?:early\s+|mid-?|late\s+|at least\s+|as late as\s+)?"
                         rf"(?P<m>{_FULL_MONTHS}|{_LOWER_MONTHS})\b")),
    # "the January events", "Pakistan's June heatwave": a month naming the story's event
    ("month_attr", re.compile(rf"(?:\b[Tt]he|['’]s)\s+(?P<m>{_FULL_MONTHS})(?=\s+[a-z])")),
    # "from 2010 to 2018", "between 2010 and 2018": a span of years, not its first year
    ("year_span", re.compile(r"\b(?:from|between)\s+(?P<y>(?:19|20)\d\d)\s*(?:to|and|until|through|-|–)\s*"
                             r"(?P<y2>(?:19|20)\d\d)\b", re.I)),
    # "…, by service delivery area, 2023 to 2025" (a table's caption, blind70); not "2000 to 2500 people"
    ("year_to", re.compile(r"(?<![\d.,])(?P<y>(?:19|20)\d\d)\s+(?:to|until|through)\s+(?P<y2>(?:19|20)\d\d)\b"
                           r"(?![\d.,]\d|\s+[a-z]{3,}s\b)")),
    # "in 2015-2017", "the 2018-19 season", "1998–2001": a span of years written with a dash
    ("year_dash", re.compile(r"(?<![\d./–-])(?P<y>(?:19|20)\d\d)\s*[-–]\s*(?P<y2>(?:19|20)?\d\d)\b(?![-–./]\d|\s*"
                             r"(?:people|persons|cases|tenge|dollars|euros|troops|members))")),
    ("spelled_year", re.compile(rf"\b(?:in|since|during|until|of)\s+(?P<sy>{_SPELLED_YEAR})\b(?![\s-]+(?:[a-z]+s|"
                                r"percent|per cent)\b)", re.I)),
    # "three weeks ago", "a fortnight ago", "a year ago today" (that very day)
    ("ago", re.compile(rf"\b(?P<n>\d+|{_FEW})\s+(?P<unit>days?|weeks?|fortnights?|months?|years?)\s+ago"
                       r"(?P<today>\s+today)?\b", re.I)),
    ("in_days", re.compile(rf"\bin\s+(?P<n>\d+|{_FEW})\s+(?P<unit>days?|weeks?)(?:['’]\s*time)?\b(?!\s+of\b)",
                           re.I)),
    # "in 2015", "mid-2027", "summer 2023": a year
    # "the Budget for 2026", not "voted for 2026 candidates"
    # "since at least 1998" (blind55)
    ("year", re.compile(r"\b(?:(?:in|since|by|during|until|of|from|early|late|mid|spring|summer|autumn|winter)\s+|"
                        r"since\s+at\s+least\s+|"
                        r"for\s+(?=(?:19|20)\d\d\b(?!\s+[a-z]{3,}s\b))|"
                        r"mid-)(?P<y>(?:19|20)\d\d)\b(?!\s*"
                        r"(?:people|persons|cases|tenge|dollars|euros|troops|members))", re.I)),
    # "the 2022 Kazakh unrest": a year naming an event
    # "the 2025 mudflows", "the 2019 floods": the plural of a disaster too
    ("year_of_event", re.compile(r"\b(?P<y>(?:19|20)\d\d)\s+(?=(?:[A-Z][a-z]+\s+)?(?:unrest|protests?|riots?|"
                                 r"elections?|crisis|events|uprising|referendum|violence|clashes|floods?|mudflows?|"
                                 r"landslides?|earthquakes?|quakes?|wildfires?|fires|storms?|cyclones?|strikes)\b)")),
    # "prices rose 8.4% over 2021, well above…", "throughout 2021": a year as a period ("over" only before a
    # comma or semicolon, since "over 2000 people" is a count)
    ("year_over", re.compile(r"\b(?:throughout\s+(?P<y>(?:19|20)\d\d)\b(?![\d.,]\d)|over\s+(?P<y2>(?:19|20)\d\d)"
                             r"(?=\s*[,;)]))", re.I)),
    # "PAKISTAN: MONSOON FLOODS 2026 – FLASH APPEAL": a year closing a name in a heading
    # "Encuesta Continua de Hogares 2025." closing a footnote too
    ("year_in_name", re.compile(r"\b[A-Z][A-Za-z]+[ \t](?P<y>(?:19|20)\d\d)(?=[ \t]*(?:[–—|:]|\.?(?:\n|$)))", re.M)),
    # a table's cell of a year: "North | 2023 | 3,862 | 19 |" (blind70)
    ("year_cell", re.compile(r"(?:^|\|)[^\S\n]*(?P<y>(?:19|20)\d\d)[^\S\n]*(?=\|)", re.M)),
    # "the 2021 inspection report", "the operator's 2019 permit", "the 2026 cycle": a year before a singular noun
    # "the 2018 Demographic and Health Survey" (a name after the year, blind55); not "the 2000 Muslims"
    # "their 2026 profit forecast", "its 2025 level", "Full-year 2026 guidance" (blind41, blind24, blind100)
    ("year_attr", re.compile(r"(?:\b(?:[Tt]he|[Tt]heir|[Ii]ts|[Oo]ur|[Ff]ull-year)|['’]s)\s+(?P<y>(?:19|20)\d\d)"
                             r"(?=\s+(?:[a-z]*|[A-Z][a-z]*)[a-rt-z]\b)")),
    # a title that opens on its year: "2026 Dili fare protests" (blind39's encyclopedia)
    ("year_title", re.compile(r"(?m)^(?P<y>(?:19|20)\d\d)[ \t]+(?=[A-Z][a-z]+[ \t]+[A-Za-z])")),
    # a work's year in a reference, "Ngono J-P, Bello A. (2023), Journal of …"
    ("year_cited", re.compile(r"(?<=[A-Za-z.] )\((?P<y>(?:19|20)\d\d)[a-z]?\)")),
    # "the lessons of 2012 and 2013": a year listed after a year date (the handler checks the first one)
    ("year_list", re.compile(r"(?:,\s*|\s+(?:and|or)\s+)(?P<y>(?:19|20)\d\d)\b(?![\d.,]\d|\s*(?:people|persons|"
                             r"cases|tenge|dollars|euros|troops|members))")),
    # "by the end of the year", "by the end of the month": a deadline in the publication's year or month. (Not
    # "the start of the year" or "by the middle of the month", which the gold sets leave to the story's time.)
    ("period_edge", re.compile(r"\bthe\s+end\s+of\s+the\s+(?P<unit>month|year)\b", re.I)),
    ("weekday", re.compile(r"\b(?P<rel>last|this|next|on|on\s+the\s+previous|early|late)?\s*"
                           r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                           # a heading's "SATURDAY 20 TO FRIDAY 26 JUNE 2026" (blind86); a lone "FROM THURSDAY" in a
                           # circular's subject is left alone, its direction unread (blind78)
                           r"(?:MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)(?=[ \t]+\d))\b")),
    ("dayword", re.compile(r"\b(?P<w>yesterday|today|tomorrow|the day (?:before yesterday|after tomorrow)|"
                           r"last night|tonight|this (?:morning|afternoon|evening))\b", re.I)),
    # "the same night", "that evening": the day of the story's last date
    # "that first night", "that very morning"
    ("same_day", re.compile(r"\b(?:the same|that)\s+(?:(?:first|very)\s+)?(?:day|night|evening|morning|afternoon)\b",
                            re.I)),
    # "on the 17th", "the 2nd of December": a day of the month the story is in
    ("ordinal_day", re.compile(r"\bthe\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)\b(?!\s+(?:of\s+(?!(?:" +
                               "|".join(MONTH_NAMES) + r")\b)|century|anniversary|floor|time|place|day|minute|"
                               r"round|birthday|edition|session|congress|amendment|annual|percentile|"
                               r"(?:[A-Z]\w+)))")),
    # "the following year"; "That year", "the same year": the year just named
    ("following_year", re.compile(r"\b(?:the\s+(?P<dir>following|next|previous|preceding|same)|(?P<that>that))\s+"
                                  r"year\b", re.I)),
    ("previous_days", re.compile(r"\b(?:the\s+)?(?P<rel>previous|preceding|past|last)\s+(?P<n>two|three|four|"
                                 r"five|six|seven|\d)\s+days\b", re.I)),
    # "the next day", "the day before", "the next morning"
    ("next_day", re.compile(r"\bthe\s+(?:(?P<before>previous|preceding)\s+day|day\s+(?P<before2>before)|"
                            r"(?:next|following)\s+(?:day|morning|evening)|day\s+after)\b"
                            r"(?!\s+(?:yesterday|tomorrow))", re.I)),
    ("later_days", re.compile(r"\b(?P<n>a|one|two|three|four|five|six|seven|\d)\s+(?P<unit>days?|weeks?|"
                              r"fortnights?)\s+"
                              r"(?P<dir>later|earlier|afterwards|before)\b", re.I)),
    ("period", re.compile(r"\b(?P<rel>last|this|next)\s+(?P<unit>week|month|year)\b", re.I)),
]
_SMALL = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_JOIN = re.compile(r"^,?\s*(?:to|until|till|through|and|-|–)\s*$", re.I)  # "Dec. 28, 2023, to Jan. 4, 2024"
_OPEN = re.compile(r"\b(?:from|between|the night of)\s*$", re.I)  # "on the night of Wednesday to Thursday"


@dataclass
class _Found:
    start: int
    end: int
    kind: str
    value: dt.date | None
    value_end: dt.date | None
    precision: str | None
    relative: bool
    year_given: bool


def _month(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _infer_year(month: int, day: int, published: dt.date | None) -> int | None:
    """The year that puts a day-and-month nearest to (mostly before) publication."""
    if published is None:
        return None
    candidate = _safe(published.year, month, day) or dt.date(published.year, month, 1)
    if (candidate - published).days > 60:
        return published.year - 1
    return published.year


def _coming_year(month: int, day: int | None, published: dt.date) -> int:
    """The year of the next such day or month (this month counts): "will convene in February" in October is
    next year's February."""
    return published.year + ((month, day or 0) < (published.month, 0 if day is None else published.day))


def _said_of_future(m: re.Match, at: int) -> bool:
    """The clause up to ``at`` speaks of the future ("will", "would", "is expected to")."""
    return bool(_FUTURE.search(m.string, max(0, at - 120), at))


_HOLIDAYS = {"new year": (1, 1), "new year's day": (1, 1), "new year's eve": (12, 31), "christmas day": (12, 25),
             "christmas eve": (12, 24), "boxing day": (12, 26)}


def _holiday(kind: str, m: re.Match, published: dt.date | None) -> _Found | None:
    """"New Year's Day", "Christmas Eve": in the year that puts them nearest before publication; "Boxing Day
    2004" in the year written."""
    month, day = _HOLIDAYS[m.group("h").replace("’", "'").lower()]
    if m.group("y"):
        return _Found(m.start(), m.end(), kind, dt.date(int(m.group("y")), month, day), None, "day", False, True)
    year = _infer_year(month, day, published)
    if year is None:
        return _Found(m.start(), m.end(), kind, None, None, "day", True, False)
    return _Found(m.start(), m.end(), kind, _safe(year, month, day), None, "day", False, False)


_WEEK_STARTS = {"first": 1, "second": 8, "third": 15, "fourth": 22}


def _week_of_month(kind: str, m: re.Match, published: dt.date | None) -> _Found | None:
    """"the first week of May" (1-7 May), "the last week of January 2021" (its last seven days); without a
    year, the year of a month alone ("will reopen in the second week of March": the coming March)."""
    month = _month(m.group("m"))
    year = int(m.group("y")) if m.group("y") else None
    if year is None and published is not None:
        year = _coming_year(month, None, published) if _said_of_future(m, m.start()) \
            else _infer_year(month, 1, published)
    if year is None:
        return _Found(m.start(), m.end(), kind, None, None, "day", True, False)
    nth = m.group("nth").lower()
    last_day = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    first = _WEEK_STARTS.get(nth, last_day - 6)
    return _Found(m.start(), m.end(), kind, dt.date(year, month, first), dt.date(year, month, first + 6), "day",
                  False, m.group("y") is not None)


def _week_of_day(kind: str, m: re.Match, published: dt.date | None) -> _Found | None:
    """"Week of 9 Feb": that day and the six after it."""
    day = _day(kind, m, published)
    if day is None or day.value is None:
        return day
    return _Found(day.start, day.end, kind, day.value, day.value + dt.timedelta(days=6), "day", False, day.year_given)


def _part_of_year(kind: str, m: re.Match, published: dt.date | None) -> _Found | None:
    """"the first quarter of 2023" (January to March), "the second half of 2022" (July to December), "Q4
    2022", "H1 2021"."""
    if m.group("q"):
        months, index = (3 if m.group("q") == "Q" else 6), int(m.group("qn"))
        if months == 6 and index > 2:
            return None
    else:
        months = 3 if m.group("part").lower() == "quarter" else 6
        nth = m.group("nth").lower()
        index = {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(nth, 12 // months)
        if index * months > 12:
            return None  # "the third half of 2022"
    year, first = int(m.group("y")), (index - 1) * months + 1
    return _Found(m.start(), m.end(), kind, dt.date(year, first, 1), dt.date(year, first + months - 1, 1), "month",
                  False, True)


def _decade(kind: str, m: re.Match, published: dt.date | None) -> _Found | None:
    """"the 1990s": 1990 to 1999."""
    first = int(m.group("y"))
    return _Found(m.start(), m.end(), kind, dt.date(first, 1, 1), dt.date(first + 9, 1, 1), "year", False, True)


def _weekend(kind: str, m: re.Match, published: dt.date | None) -> _Found | None:
    """"last weekend": the Saturday and Sunday before publication; "this weekend": the one publication is in,
    or the coming one (dateparser reads neither: None)."""
    if published is None:
        return _Found(m.start(), m.end(), kind, None, None, "day", True, False)
    saturday = published + dt.timedelta(days=5 - published.weekday())  # this week's (Monday-first)
    if m.group("rel").lower() != "this" and saturday + dt.timedelta(days=1) >= published:
        saturday -= dt.timedelta(days=7)
    return _Found(m.start(), m.end(), kind, saturday, saturday + dt.timedelta(days=1), "day", True, False)


def _day_year(kind: str, m: re.Match, month: int, published: dt.date | None) -> tuple[str, int | None]:
    """The year written, else the next one for a day said of the future ("will resume on 3 February": kind
    "coming"), else the nearest."""
    if m.group("y"):
        return kind, int(m.group("y"))
    if published is not None and m.groupdict().get("ry"):
        return kind, published.year + _YEAR_SHIFT[m.group("ry").lower()]
    if published is not None and _said_of_future(m, m.start()):
        return "coming", _coming_year(month, int(m.group("d")), published)
    return kind, _infer_year(month, int(m.group("d")), published)


def _day(kind: str, m: re.Match, published: dt.date | None) -> _Found | None:
    """"January 2, 2022", "5-19 January", "05.01.2022", "2022-01-05"; without a year, the nearest one, or the
    next one when said of the future (kind "coming", which the story's year does not move)."""
    g = m.groupdict()
    month = _month(g["m"]) if not g["m"].isdigit() else int(g["m"])
    kind, year = _day_year(kind, m, month, published)
    if year is None:
        return _Found(m.start(), m.end(), kind, None, None, "day", True, False)
    start = _safe(year, month, int(g["d"]))
    end = _safe(year, month, int(g["d2"])) if g.get("d2") else None
    if start is None or end is not None and end <= start:
        return None  # "February 30"; "January 19 to 5": not a span
    return _Found(m.start(), m.end(), kind, start, end, "day", False, bool(g.get("y") or g.get("ry")))


_MONTH_FIRST = re.compile(rf"\b(?:{_FULL_MONTHS})\s+[0-3]?\d\b")
_DAY_FIRST = re.compile(rf"\b[0-3]?\d\s+(?:{_FULL_MONTHS})\b")


def _slashed(kind: str, m: re.Match, published: dt.date | None) -> _Found | None:
    """"14/10/2026" day first; "04/10/2026", where either may be the month, in the order the text writes its dates
    in words, and none where it writes both orders alike."""
    if int(m.group("d")) > 12 or int(m.group("m")) > 12:
        return _day(kind, m, published)
    month_first = len(_MONTH_FIRST.findall(m.string)) - len(_DAY_FIRST.findall(m.string))
    if month_first == 0:
        return None
    found = _day(kind, m, published)
    if found is None or month_first < 0 or found.value is None:
        return found
    swapped = _safe(found.value.year, found.value.day, found.value.month)
    return dataclasses.replace(found, value=swapped) if swapped else None


def _after_its_weekday(kind: str, m: re.Match, published: dt.date | None) -> _Found | None:
    """"MON 09.03.": the day and month only, the weekday being a separate mention's to check."""
    if not 1 <= int(m.group("m")) <= 12:
        return None
    found = _day(kind, m, published)
    if found is not None:
        found.start = m.start("d")
    return found


_WEEKDAY_ABBREVIATIONS = {name[:3]: i for name, i in WEEKDAYS.items()}


def _day_by_its_weekday(kind: str, m: re.Match, published: dt.date | None) -> _Found | None:
    """"Mon 8" in a log published on Monday 15 June: the day of that number, within six weeks of the publication,
    that falls on that weekday (Monday 8 June); none if no such day is that near."""
    if published is None:
        return None
    weekday, day = _WEEKDAY_ABBREVIATIONS[m.group("wd")[:3].lower()], int(m.group("d"))
    near = [published + dt.timedelta(days=shift) for shift in range(-42, 15)]
    fits = [d for d in near if d.day == day and d.weekday() == weekday]
    if not fits:
        return None
    value = min(fits, key=lambda d: abs((d - published).days))
    return _Found(m.start(), m.end(), kind, value, None, "day", True, False)


def _month_year(kind: str, m: re.Match, published: dt.date | None) -> _Found | None:
    """"January 2022", "April of 1987"."""
    return _Found(m.start(), m.end(), kind, dt.date(int(m.group("y")), _month(m.group("m")), 1), None, "month",
                  False, True)


def _month_span(kind: str, m: re.Match, published: dt.date | None) -> _Found | None:
    """"August – December 2026", "from August to December 2026": the first month takes the year written
    at the end (the year before it when it comes later in the calendar: "November to February 2023")."""
    first, last, year = _month(m.group("m")), _month(m.group("m2")), int(m.group("y"))
    return _Found(m.start(), m.end(), kind, dt.date(year - (first > last), first, 1), dt.date(year, last, 1),
                  "month", False, True)


def _month_span_open(kind: str, m: re.Match, published: dt.date | None) -> _Found | None:
    """"from April to June" (the latest June, or the coming one when said of the future), "between November
    and February" (the November before it), "between January and March 2024" (the year written)."""
    first, last = _month(m.group("m")), _month(m.group("m2"))
    if m.group("y"):
        year = int(m.group("y"))
    elif published is None:
        return _Found(m.start("m"), m.end(), kind, None, None, "month", True, False)
    elif _said_of_future(m, m.start()):
        year = _coming_year(last, None, published)
    else:
        year = _infer_year(last, 1, published) or published.year
    return _Found(m.start("m"), m.end(), kind, dt.date(year - (first > last), first, 1), dt.date(year, last, 1),
                  "month", False, bool(m.group("y")))


def _month_alone(kind: str, m: re.Match, published: dt.date | None) -> _Found | None:
    """"in March" (the nearest March; the coming one when said of the future, but never "since March" or a
    month naming an event: "would make the August fires the costliest"), "last March" (the one before
    publication), "next March"."""
    if published is None:
        return _Found(m.start("m"), m.end(), kind, None, None, "month", True, False)
    month, rel = _month(m.group("m")), (m.groupdict().get("rel") or "").lower()
    if not rel:
        start = m.start("m") - 4 if m.string[max(0, m.start("m") - 4):m.start("m")].lower() == "mid-" \
            else m.start("m")  # "mid-January" whole
        if kind == "month" and not m.group(0).lower().startswith("since") and _said_of_future(m, m.start()):
            return _Found(start, m.end(), "coming", dt.date(_coming_year(month, None, published), month, 1), None,
                          "month", False, False)  # "will convene in February": the coming one
        return _Found(start, m.end(), kind, dt.date(_infer_year(month, 1, published) or published.year,
                                                             month, 1), None, "month", False, False)
    shift = {"last": -(month >= published.month), "next": month < published.month, "this": 0}[rel]
    return _Found(m.start("rel"), m.end(), kind, dt.date(published.year + shift, month, 1), None, "month", True,
                  False)


def _year(kind: str, m: re.Match, published: dt.date | None) -> _Found | None:
    """"In 2021", "the 2022 unrest"."""
    group = "y" if m.groupdict().get("y") else "y2"
    return _Found(m.start(group), m.end(group), kind, dt.date(int(m.group(group)), 1, 1), None, "year", False, True)


# A year date a listed year may follow: "of 2012", "in 2019, 2020".
_YEAR_BEFORE = re.compile(r"\b(?:in|since|during|of|from)\s+(?:19|20)\d\d(?:,\s*(?:19|20)\d\d)*$", re.I)


def _listed_year(kind: str, m: re.Match, published: dt.date | None) -> _Found | None:
    """"the lessons of 2012 and 2013", "in 2019, 2020 or 2021": each listed year is a year date."""
    if not _YEAR_BEFORE.search(m.string, max(0, m.start() - 60), m.start()):
        return None
    return _year(kind, m, published)


def _period_edge(kind: str, m: re.Match, published: dt.date | None) -> _Found | None:
    """"by the end of the year" (the publication's year), "by the end of the month" (its month)."""
    if published is None:
        return _Found(m.start(), m.end(), kind, None, None, "year", True, False)
    precision = m.group("unit").lower()
    value = dt.date(published.year, published.month if precision == "month" else 1, 1)
    return _Found(m.start(), m.end(), kind, value, None, precision, True, False)


def _year_span(kind: str, m: re.Match, published: dt.date | None) -> _Found | None:
    """"from 2010 to 2018", "between 2010 and 2018", "2015-2017", "2018-19": one span of years."""
    first, last = int(m.group("y")), int(m.group("y2"))
    if len(m.group("y2")) == 2:
        last += first // 100 * 100  # "2018-19"
    if last <= first:
        return None
    return _Found(m.start("y"), m.end("y2"), kind, dt.date(first, 1, 1), dt.date(last, 1, 1), "year", False, True)


def spelled_year(words: str) -> int | None:
    """'nineteen eighty-seven' → 1987, 'two thousand and twelve' → 2012 (text2num reads the second;
    the first, a year said as two numbers, it refuses)."""
    parts = re.split(r"[\s-]+", words.lower().strip())
    if parts[0] in ("nineteen", "twenty") and parts[1:2] != ["thousand"]:
        rest = " ".join(parts[1:])
        tail = 0 if rest == "hundred" else _text_number(rest)
        return None if tail is None or tail >= 100 else (19 if parts[0] == "nineteen" else 20) * 100 + tail
    value = _text_number(" ".join(parts))
    return value if value is not None and 1900 <= value < 2100 else None


def _text_number(words: str) -> int | None:
    try:
        return int(text2num(words, "en"))
    except ValueError:
        return None


def _spelled_year(kind: str, m: re.Match, published: dt.date | None) -> _Found | None:
    """"in nineteen eighty-seven", "since two thousand and twelve"."""
    year = spelled_year(m.group("sy"))
    return None if year is None else _Found(m.start("sy"), m.end("sy"), kind, dt.date(year, 1, 1), None, "year",
                                            False, True)


def _parsed(kind: str, m: re.Match, published: dt.date | None) -> _Found | None:
    """"three weeks ago", "in two days": dateparser counts from publication (it does these right;
    the rest of our patterns it reads wrong for news: "April of 1987" gets the publication's day).
    "in two days" is a date only said of the future ("will return in two days", not "died in two days")."""
    if kind == "in_days" and not _FUTURE.search(m.string[max(0, m.start() - 80):m.start()]):
        return None
    if published is None:
        return _Found(m.start(), m.end(), kind, None, None, "day", True, False)
    parsed = _dateparser(m.group(0), published)
    unit = m.group("unit").lower()
    precision = "day" if m.groupdict().get("today") else "month" if "month" in unit else "year" if "year" in unit \
        else "day"  # "a year ago today": that day
    return None if parsed is None else _Found(m.start(), m.end(), kind, parsed, None, precision, True, False)


def _dateparser(words: str, base: dt.date) -> dt.date | None:
    parsed = dateparser.parse(words, languages=["en"], settings={
        "RELATIVE_BASE": dt.datetime.combine(base, dt.time()), "RETURN_AS_TIMEZONE_AWARE": False})
    return None if parsed is None else parsed.date()


def _dayword(kind: str, m: re.Match, published: dt.date | None) -> _Found | None:
    """"yesterday", "the day before yesterday", "last night", "this morning": dateparser counts each of these
    words right from a base date (measured on every word of the pattern), so it does; the base is publication
    or the date heading the entry."""
    if published is None:
        return _Found(m.start(), m.end(), kind, None, None, "day", True, False)
    value = _dateparser(m.group(0), published)
    return None if value is None else _Found(m.start(), m.end(), kind, value, None, "day", True, False)


_NTH_WEEKDAY = re.compile(r"\b(?:first|second|third|fourth|fifth|last)\s+$", re.I)


def _weekday(kind: str, m: re.Match, published: dt.date | None) -> _Found | None:
    """"last Wednesday" keeps its qualifier; "on Wednesday" is just the day (the latest one)."""
    if _NTH_WEEKDAY.search(m.string, max(0, m.start("wd") - 12), m.start("wd")) \
            and m.string.startswith(" of ", m.end()):
        return None  # "the second Monday of Shravan": a day of another calendar, no value of its own
    rel = (m.group("rel") or "").lower()
    start = m.start("rel") if rel in ("last", "next", "this") else m.start("wd")
    if published is None:
        return _Found(start, m.end(), kind, None, None, "day", True, False)
    return _Found(start, m.end(), kind, _weekday_value(m, rel, published), None, "day", True, False)


def _weekday_value(m: re.Match, rel: str, published: dt.date) -> dt.date:
    """The latest such weekday, or the coming one when said of the future ("until Wednesday", "will meet on
    Saturday"); the sentence is read up to the weekday itself, so "until " before it counts."""
    target = WEEKDAYS[m.group("wd").lower()]
    sentence = re.split(r"[.!?]\s", m.string[max(0, m.start("wd") - 120):m.start("wd")])[-1]
    if rel == "next" or rel in ("", "on", "this") and _COMING.search(sentence):  # "will vote this Sunday"
        return published + dt.timedelta(days=(target - published.weekday()) % 7 or 7)
    back = (published.weekday() - target) % 7
    return published - dt.timedelta(days=back or (7 if rel == "last" else 0))


def _shifted(kind: str, m: re.Match, published: dt.date | None) -> _Found | None:
    """"the next day", "two days later": a day counted from the anchor (dateparser reads none of these)."""
    if published is None:
        return _Found(m.start(), m.end(), kind, None, None, "day", True, False)
    return _Found(m.start(), m.end(), kind, published + dt.timedelta(days=_shift(kind, m.groupdict())), None, "day",
                  True, False)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else {"a": 1, "one": 1, **_SMALL}[word.lower()]


def _shift(kind: str, g: dict) -> int:
    if kind == "next_day":
        return -1 if g.get("before") or g.get("before2") else 1
    if kind == "same_day":
        return 0
    weeks = {"w": 7, "f": 14}.get(g["unit"].lower()[0], 1)  # later_days: "a fortnight earlier"
    days = _count(g["n"]) * weeks
    return days if g["dir"].lower() in ("later", "afterwards") else -days


def _previous_days(kind: str, m: re.Match, published: dt.date | None) -> _Found | None:
    """"the previous two days", "the past three days": up to the day before."""
    if published is None:
        return _Found(m.start(), m.end(), kind, None, None, "day", True, False)
    n = _count(m.group("n"))
    return _Found(m.start(), m.end(), kind, published - dt.timedelta(days=n), published - dt.timedelta(days=1), "day",
                  True, False)


def _period(kind: str, m: re.Match, published: dt.date | None) -> _Found | None:
    """"last year", "this month", "next week"."""
    if published is None:
        return _Found(m.start(), m.end(), kind, None, None, "day", True, False)
    unit, shift = m.group("unit").lower(), {"last": -1, "this": 0, "next": 1}[m.group("rel").lower()]
    if unit == "year":
        return _Found(m.start(), m.end(), kind, dt.date(published.year + shift, 1, 1), None, "year", True, False)
    if unit == "month":
        index = published.year * 12 + published.month - 1 + shift
        return _Found(m.start(), m.end(), kind, dt.date(index // 12, index % 12 + 1, 1), None, "month", True, False)
    monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=shift)
    return _Found(m.start(), m.end(), kind, monday, monday + dt.timedelta(days=6), "day", True, False)


def _ordinal_day(kind: str, m: re.Match, published: dt.date | None) -> _Found | None:
    """"on the 17th": that day of the publication's month."""
    if published is None:
        return _Found(m.start(), m.end(), kind, None, None, "day", True, False)
    value = _safe(published.year, published.month, int(m.group("d")))
    return None if value is None else _Found(m.start(), m.end(), kind, value, None, "day", True, False)


def _next_year(kind: str, m: re.Match, published: dt.date | None) -> _Found | None:
    """"the following year": the year after the story's last date (``published`` is that anchor)."""
    if published is None:
        return _Found(m.start(), m.end(), kind, None, None, "year", True, False)
    shift = {"following": 1, "next": 1, "previous": -1, "preceding": -1}.get((m.group("dir") or "").lower(), 0)
    return _Found(m.start(), m.end(), kind, dt.date(published.year + shift, 1, 1), None, "year", True, False)


# How each pattern's match becomes a date.
HANDLERS = {
    "week_of_month": _week_of_month, "week_of_day": _week_of_day, "part_of_year": _part_of_year, "decade": _decade,
    "weekend": _weekend,
    "mm_open": _month_span_open, "year_dash": _year_span, "year_to": _year_span, "year_cell": _year,
    "holiday": _holiday, "md_span": _day, "dm_span": _day, "mdy": _day, "dmy": _day, "numeric": _day,
    "slashed_mdy": _day, "slashed": _slashed, "iso": _day,
    "weekday_numeric": _after_its_weekday, "weekday_day": _day_by_its_weekday,
    "my": _month_year, "mm_span": _month_span, "month": _month_alone,
    "month_attr": _month_alone, "year_span": _year_span, "year": _year, "year_of_event": _year,
    "year_attr": _year, "year_title": _year, "year_cited": _year, "year_over": _year, "year_in_name": _year,
    "year_list": _listed_year,
    "period_edge": _period_edge,
    "spelled_year": _spelled_year, "ago": _parsed, "in_days": _parsed, "weekday": _weekday, "dayword": _dayword,
    "next_day": _shifted, "later_days": _shifted, "previous_days": _previous_days, "period": _period,
    "same_day": _shifted, "ordinal_day": _ordinal_day, "following_year": _next_year,
}


def _match(kind: str, m: re.Match, published: dt.date | None) -> _Found | None:
    return HANDLERS[kind](kind, m, published)


def _iso(value: dt.date | None, precision: str | None) -> str | None:
    if value is None:
        return None
    return {"year": value.strftime("%Y"), "month": value.strftime("%Y-%m")}.get(precision or "", value.isoformat())


# "yesterday", "today", "in two days": counted from the date heading their entry, in a timeline ("11 January —
# … will begin to pull out in two days") or a feed of dated posts ("08.01.2022 11:30⏎… Yesterday evening …").
_ENTRY_KINDS = ("dayword", "in_days")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _anaphoric(kind: str, m: re.Match) -> bool:
    """'the previous two days', 'the next day', 'two days later' count from the story's last date, not
    from publication; 'yesterday', 'in two days' wait for the date heading their entry."""
    return kind in ("next_day", "later_days", "same_day", "following_year", *_ENTRY_KINDS) or (
        kind == "previous_days" and m.group("rel").lower() in ("previous", "preceding"))


def find_dates(text: str, published: dt.date | None) -> list[DateMention]:
    taken = bytearray(len(text))
    found: list[_Found] = []
    deferred: list[tuple[str, re.Match]] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            if any(taken[m.start():m.end()]):
                continue
            hit = None if _anaphoric(kind, m) else _match(kind, m, published)
            if hit is None and not _anaphoric(kind, m):
                continue
            taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
            if hit is None:
                deferred.append((kind, m))
            else:
                found.append(hit)
    found.sort(key=lambda f: f.start)
    # "Saturday 9 May" is one day before "between Saturday 9 May and Wednesday 13 May" is one span
    found = _join_weekday_spans(text, _join_spans(text, _join_weekdays(text, found)), published)
    found = _in_story_year(found, published, text)
    found = _weekdays_in_a_span(text, found)
    if deferred:
        found = _resolve_anaphoric(text, found, deferred, published)
    return [_mention(text, f) for f in found]


# Days and months written without a year ("5 January", "In March", "the June heatwave").
_YEARLESS = ("mdy", "dmy", "md_span", "dm_span", "month", "month_attr")


def _written_year(f: _Found, precisions: tuple[str, ...]) -> int | None:
    """The year of a day or month that writes it ("5 January 2022", "January 2022"); a span of months is a
    period compared with, not the story's ("lost Rs 42.6 billion in January-September 2026 … Jan 4 —")."""
    months = f.precision == "month" and f.value_end is not None
    return f.value.year if f.year_given and f.value and f.precision in precisions and not months else None


def _story_year(found: list[_Found], here: _Found, published: dt.date) -> int | None:
    """The year of the nearest date before (else after) ``here`` that writes its year, if recent. A month
    takes it from a day only: "since August of 2023 … Since September" is a month compared with, not the
    story's."""
    precisions = ("day",) if here.precision == "month" else ("day", "month")
    years = [(f.start, year) for f in found if (year := _written_year(f, precisions)) is not None]
    before = [year for start, year in years if start < here.start]
    year = before[-1] if before else next((year for _, year in years), None)
    return year if year is not None and published.year - 5 <= year <= published.year else None


def _moved(f: _Found, year: int) -> _Found | None:
    """``f`` in ``year``, if that is another year."""
    if f.value is None or f.value.year == year:
        return None
    end = _safe(year, f.value_end.month, f.value_end.day) if f.value_end else None
    return _Found(f.start, f.end, f.kind, _safe(year, f.value.month, f.value.day), end, f.precision, f.relative,
                  False)


# A month written with its year as what the story is compared with: "71 per cent higher than in April 2025",
# "double its April 2025 level", "against 3.4 kg in April 2025". It sets no year for the story's days.
_COMPARED_BEFORE = re.compile(r"\b(?:than|against|compared\s+(?:with|to)|versus|vs\.?|its|a\s+year\s+earlier)\s+"
                              r"(?:(?:in|on|of|at|during)\s+)?(?:the\s+)?(?:[\d.,]+\s*\S*\s+(?:in|on)\s+)?$", re.I)
_COMPARED_AFTER = re.compile(r"\s+(?:levels?|average|figures?)\b", re.I)


# "the highest reading since February 2025": a record's start is compared with, not the story's time.
_RECORD_SINCE = re.compile(r"\b(?:highest|lowest|biggest|largest|smallest|worst|best|most|least|first\s+time)\b"
                           r"[^.;\n]{0,40}\bsince\s+$", re.I)


def _compared_period(text: str, f: _Found) -> bool:
    before = (max(0, f.start - 60), f.start)
    return f.precision == "month" and bool(_COMPARED_BEFORE.search(text, max(0, f.start - 40), f.start)
                                           or _RECORD_SINCE.search(text, *before) or _COMPARED_AFTER.match(text, f.end))


def _in_story_year(found: list[_Found], published: dt.date | None, text: str = "") -> list[_Found]:
    """"1 January" in an article of 2023 about January 2022 ("On 2 January 2022 … On 5 January … In March"): a
    day or month without a year is in the story's year, the year of the nearest date that writes one (never after
    publication), unless that date is only compared with ("than in April 2025")."""
    if published is None:
        return found
    story = [f for f in found if not _compared_period(text, f)]
    out, lead = [], _lead_day(story, published)
    for f in found:
        year = _year_of_the_story(story, f, lead, published)
        moved = _moved(f, year) if year is not None else None
        out.append(moved if moved is not None and moved.value is not None and moved.value <= published
                   and _weekday_agrees(text[f.start:f.end], moved.value) else f)
    return out


def _weekday_agrees(written: str, value: dt.date) -> bool:
    """"Saturday 10 October" after "March 2023" in a text of 2026 is no 10 October 2023, a Tuesday (blind69)."""
    first = written.split()[0].strip(",").lower() if written.split() else ""
    return first not in WEEKDAYS or WEEKDAYS[first] == value.weekday()


def _year_of_the_story(found: list[_Found], f: _Found, lead: dt.date | None, published: dt.date) -> int | None:
    """The year a day or month written without one is in; None when it writes one or is relative."""
    if f.kind not in _YEARLESS or f.year_given or f.relative:
        return None
    year = _story_year(found, f, published)
    return _after_the_lead(f, year, lead, published) if year is not None else None


def _lead_day(found: list[_Found], published: dt.date) -> dt.date | None:
    """The earliest day the text writes in full, before publication: when its story starts at the latest ("On
    the afternoon of 17 November 2025, a flash flood …" under "released 12 March 2026")."""
    return min((f.value for f in found if f.year_given and f.precision == "day" and f.value is not None
                and published.year - 5 <= f.value.year and f.value <= published), default=None)


def _after_the_lead(f: _Found, year: int, lead: dt.date | None, published: dt.date) -> int:
    """A day or month of no year that the story year puts before the story began is the first one after it, up
    to publication: in a report of 12 March 2026 on a flood of 17 November 2025 that names 2024 on the way, "a
    draft circulated on 1 March" and "by the end of February" are of 2026."""
    if lead is None or f.value is None:
        return year
    month, start, end = f.value.month, (lead.year, lead.month), (published.year, published.month)
    if (year, month) >= start:
        return year
    return next((y for y in range(year + 1, published.year + 1) if start <= (y, month) <= end), year)


# Days a "next day" may count from although resolved from publication: a chain ("two days later", "that
# first night"), a weekday ("On Monday the prefecture announced … Its update the next day") or a day word
# ("killed yesterday, against three a day earlier").
_CHAIN = ("next_day", "later_days", "same_day", "weekday", "dayword")
# A day that bounds a period ("prices have risen since 1 January") is not the day a story's "the same day"
# refers to: "On 5 January TASS reported … since 1 January …; Argus, writing the same day" is 5 January.
_BOUND = re.compile(r"\b(?:since|until|till|by)\s+$", re.I)


def _story_day(text: str, f: _Found, published: dt.date | None) -> bool:
    """A day the story's "next day" may count from: absolute (or a chain), not a period's bound, and not
    historical ("the treaty of 15 May 1992")."""
    return bool(f.value) and f.precision == "day" and (not f.relative or f.kind in _CHAIN) \
        and not _BOUND.search(text[max(0, f.start - 8):f.start]) \
        and (published is None or f.value is not None and abs(f.value.year - published.year) <= 1)


def _anchor(text: str, kind: str, m: re.Match, before: list[_Found], published: dt.date | None) -> dt.date | None:
    """What an anaphoric date counts from: the entry's own date for "yesterday" or "in two days" in a dated
    entry; the nearest story day (a year for "that year") for the rest; else publication."""
    if kind in _ENTRY_KINDS:
        return _entry_date(text, before, m.start()) or published
    return next((f.value for f in reversed(before) if _story_day(text, f, published)
                 or kind == "following_year" and f.value and not f.relative), published)


def _resolve_anaphoric(text: str, found: list[_Found], deferred: list[tuple[str, re.Match]],
                       published: dt.date | None) -> list[_Found]:
    """'the next day', 'two days later': from the nearest story day before it in the text, else publication."""
    starts = [f.start for f in found]
    for kind, m in sorted(deferred, key=lambda d: d[1].start()):
        index = bisect.bisect_left(starts, m.start())
        resolved = _match(kind, m, _anchor(text, kind, m, found[:index], published))
        if resolved is not None:
            found.insert(index, resolved)
            starts.insert(index, m.start())
    return found


# What follows a date that heads an entry: a time or part of the day, then a dash or the line's end.
_HEADING_TAIL = re.compile(r"[ \t]*(?:,?[ \t]*(?:\d{1,2}[:.]\d\d|[a-z]+(?:[ \t][a-z]+)?))?[ \t]*(?:[—–-][ \t]|\n)")


def _entry_date(text: str, before: list[_Found], at: int) -> dt.date | None:
    """The date heading the entry ``at`` is in: the nearest date that starts its line and is followed by a
    time or a dash, with no blank line between; or the nearest dated heading line above, blank lines or not."""
    near = True
    for f in reversed(before):
        near = near and not _BLANK_LINE.search(text, f.end, at)
        if f.precision != "day" or f.relative or f.value_end is not None:
            continue
        if near and _heads_line(text, f) or _dated_heading(text, f):
            return f.value
    return None


# A line that is only a dated heading: "Bulletin 2 - Saturday 7 March 2026, 09:00", "Update, 14 May 2026".
_HEADING_BEFORE = re.compile(r"[ \t]*(?:[A-Z][\w.#]*(?:[ \t]+[\w.#]+){0,3}[ \t]*[-–—:,|][ \t]*)?$")
_HEADING_AFTER = re.compile(r"(?:,?[ \t]*(?:at[ \t]+)?\d{1,2}[:.]\d\d(?:[ \t]*[ap]\.?m\.?)?(?:[ \t]+[A-Z]{2,4})?)?"
                            r"[ \t]*(?:\n|$)", re.I)


def _dated_heading(text: str, f: _Found) -> bool:
    line_start = text.rfind("\n", 0, f.start) + 1
    return bool(_HEADING_BEFORE.match(text, line_start, f.start)) and bool(_HEADING_AFTER.match(text, f.end))


def _heads_line(text: str, f: _Found) -> bool:
    line_start = text.rfind("\n", 0, f.start) + 1
    return not text[line_start:f.start].strip() and bool(_HEADING_TAIL.match(text, f.end))


def _joinable(text: str, here: _Found, nxt: _Found) -> bool:
    """Two absolute days (or months: "from July 2019 to March 2021") joined by 'to', 'until', 'through', 'and'
    after 'from'/'between', or by a dash or 'to' alone."""
    between = text[here.end:nxt.start]
    return here.precision == nxt.precision and here.precision in ("day", "month") and not here.relative \
        and bool(here.value and nxt.value) and bool(_JOIN.match(between)) \
        and bool(_OPEN.search(text[max(0, here.start - 12):here.start])
                 or between.strip(" ,").lower() in ("-", "–", "to", "through", "until"))


def _span(first: _Found, last: _Found) -> _Found:
    """One span from two days; the first takes the last's year when only the last gives one."""
    assert first.value is not None and last.value is not None
    start = first.value
    if not first.year_given and (last.year_given or start > last.value):  # "March 4 to March 19": one year
        start = _safe(last.value.year, first.value.month, first.value.day) or first.value
    return _Found(first.start, last.end, "span", start, last.value_end or last.value, first.precision, False, True)


def _join_spans(text: str, found: list[_Found]) -> list[_Found]:
    """'from January 5 to January 19, 2022' is one span; the year may come only at its end."""
    out: list[_Found] = []
    for here in found:
        before = out[-1] if out else None
        if before is not None and before.kind != "span" and _joinable(text, before, here):
            out[-1] = _span(before, here)
        else:
            out.append(here)
    return out


def _weekday_span(text: str, first: _Found, last: _Found, published: dt.date | None) -> _Found | None:
    """"between Monday and Thursday", "from Friday to Sunday": one span, counted from its first day when that is
    still to come, else back from its last (the latest such day)."""
    if first.kind != "weekday" or last.kind != "weekday" or first.value is None or last.value is None \
            or not _JOIN.match(text[first.end:last.start]) \
            or not _OPEN.search(text[max(0, first.start - 16):first.start]):
        return None
    length = dt.timedelta(days=(last.value.weekday() - first.value.weekday()) % 7 or 7)
    start = first.value if published is not None and first.value > published else last.value - length
    return _Found(first.start, last.end, "weekday_span", start, start + length, "day", True, False)


_SPAN_REACH = 300  # characters after a span of days in which a bare weekday is one of its days


def _weekdays_in_a_span(text: str, found: list[_Found]) -> list[_Found]:
    """A bare weekday just after a span of days is the span's day of that name: "| Day (3–6 August) | Deaths |" over
    "| Monday | 2 |" is Monday 3 August, not the Monday before publication (blind134)."""
    out: list[_Found] = []
    for here in found:
        span = next((f for f in reversed(out) if f.value_end is not None and f.precision == "day"), None)
        day = _day_in_the_span(text, here, span) if span is not None and here.kind == "weekday" else None
        out.append(dataclasses.replace(here, value=day) if day is not None else here)
    return out


def _day_in_the_span(text: str, weekday: _Found, span: _Found) -> dt.date | None:
    """The span's day of the weekday's name, when the weekday opens a row close after the span and falls outside it."""
    first, last, value = span.value, span.value_end, weekday.value
    if first is None or last is None or value is None or weekday.start - span.end > _SPAN_REACH \
            or first <= value <= last or not _opens_a_row(text, weekday.start):
        return None
    days = (first + dt.timedelta(days=n) for n in range((last - first).days + 1))
    return next((d for d in days if d.weekday() == value.weekday()), None)


def _opens_a_row(text: str, at: int) -> bool:
    """The weekday opens a line, a list item or a table's cell ("| Monday | 2 |"), not a sentence's words."""
    return re.fullmatch(r"[ \t]*(?:[-*•|][ \t]*)?", text[text.rfind("\n", 0, at) + 1:at]) is not None


def _join_weekday_spans(text: str, found: list[_Found], published: dt.date | None) -> list[_Found]:
    out: list[_Found] = []
    for here in found:
        span = _weekday_span(text, out[-1], here, published) if out else None
        if span is not None:
            out[-1] = span
        else:
            out.append(here)
    return out


def _join_weekdays(text: str, found: list[_Found]) -> list[_Found]:
    """'Tuesday, 12 November' is one date: the weekday only names the day written after it."""
    out: list[_Found] = []
    for here in found:
        before = out[-1] if out else None
        if before is not None and before.kind == "weekday" and here.precision == "day" and not here.relative \
                and re.fullmatch(r",?\s*(?:the\s+)?", text[before.end:here.start]):
            out[-1] = _Found(before.start, here.end, here.kind, here.value, here.value_end, here.precision, False,
                             here.year_given)
            continue
        out.append(here)
    return out


def _mention(text: str, f: _Found) -> DateMention:
    return DateMention(text=text[f.start:f.end], start=f.start, end=f.end, value=_iso(f.value, f.precision),
                       value_end=_iso(f.value_end, f.precision), precision=f.precision, relative=f.relative)

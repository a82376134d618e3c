"""Dates as news writes them, normalised against the publication date.

Absolute ("January 2, 2022", "5 January 2022", "05.01.2022", "2022-01-05"), partial
("January 4" → the year that puts it nearest before publication; "In 2021" → year
precision; "in March" → month), spans ("from January 5 to January 19, 2022",
"5-19 January"), and relative ("yesterday", "last Wednesday", "the previous two
days"), resolved when the publication date is known. Times of day and durations are
never matched: every pattern needs a month name, a four-digit year or a day word.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from ...models import DateMention

MONTHS = {name: i for i, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
     ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
     ("december", "dec")], start=1) for name in names}
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                        "sunday"])}
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December")
# Title case or capitals ("16 DECEMBER" in headings); never lower case, so "may" stays a verb.
_MONTH = (r"(?P<{0}>" + "|".join(_MONTH_NAMES) + "|" + "|".join(m.upper() for m in _MONTH_NAMES)
          + r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")
_DAY = r"(?P<{0}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{0}>(?:19|20)\d\d)"


def _p(template: str, *names: str) -> str:
    return template.format(*names)


PATTERNS: list[tuple[str, re.Pattern]] = [
    # January 5-19, 2022  /  5-19 January 2022
    # January 5-19, 2022  /  January 5 to 19  /  5-19 January 2022  /  between 4 and 6 January
    ("md_span", re.compile(rf"\b{_p(_MONTH, 'm')}\s+{_p(_DAY, 'd')}(?:\s*[-–]\s*|\s+(?:to|until|through)\s+)"
                           rf"{_p(_DAY, 'd2')}(?:,?\s+{_p(_YEAR, 'y')})?\b(?![\d:]|\s+(?:people|persons|of|were|"
                           rf"have|had|per)\b)")),
    ("dm_span", re.compile(rf"\b{_p(_DAY, 'd')}\s*(?:[-–]|to|until|through|and)\s*{_p(_DAY, 'd2')}\s+{_p(_MONTH, 'm')}"
                           rf"(?:,?\s+{_p(_YEAR, 'y')})?\b")),
    ("mdy", re.compile(rf"\b{_p(_MONTH, 'm')}\s+{_p(_DAY, 'd')}(?:,?\s+{_p(_YEAR, 'y')})?(?![\d:])\b")),
    ("dmy", re.compile(rf"\b{_p(_DAY, 'd')}(?:\s+of)?\s+{_p(_MONTH, 'm')}(?:,?\s+{_p(_YEAR, 'y')})?\b")),
    ("numeric", re.compile(r"\b(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d\d)\b")),
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    ("my", re.compile(rf"\b{_p(_MONTH, 'm')},?\s+{_p(_YEAR, 'y')}\b")),
    ("month", re.compile(r"\b(?:in|since|by|during|until|early|mid|late|of|(?P<rel>last|next|this))\s+"
                         r"(?:early\s+|mid-?|late\s+|at least\s+|as late as\s+)?"
                         r"(?P<m>January|February|March|April|May|June|July|August|September|October|November|"
                         r"December)\b")),
    ("year", re.compile(r"\b(?:in|since|by|during|until|of|from|early|late|mid-?)\s+(?P<y>(?:19|20)\d\d)\b(?!\s*"
                        r"(?:people|persons|cases|tenge|dollars|euros|troops|members))", re.I)),
    # "the 2022 Kazakh unrest": a year naming an event
    ("year_of_event", re.compile(r"\b(?P<y>(?:19|20)\d\d)\s+(?=(?:[A-Z][a-z]+\s+)?(?:unrest|protests?|riots?|"
                                 r"elections?|crisis|events|uprising|referendum|violence|clashes)\b)")),
    ("weekday", re.compile(r"\b(?P<rel>last|this|next|on|on\s+the\s+previous|early|late)?\s*"
                           r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")),
    ("dayword", re.compile(r"\b(?P<w>yesterday|today|tomorrow|the day before yesterday)\b", re.I)),
    ("holiday", re.compile(r"\b(?P<h>New Year's Day|New Year’s Day|New Year's Eve|New Year’s Eve|Christmas Day|"
                           r"Christmas Eve)\b")),
    ("previous_days", re.compile(r"\b(?:the\s+)?(?P<rel>previous|preceding|past|last)\s+(?P<n>two|three|four|"
                                 r"five|six|seven|\d)\s+days\b", re.I)),
    ("next_day", re.compile(r"\bthe\s+(?:(?P<before>previous|preceding)\s+day|day\s+(?P<before2>before)|"
                            r"(?:next|following)\s+day|day\s+after)\b(?!\s+(?:yesterday|tomorrow))", re.I)),
    ("later_days", re.compile(r"\b(?P<n>a|one|two|three|four|five|six|seven|\d)\s+(?P<unit>days?|weeks?)\s+"
                              r"(?P<dir>later|earlier|afterwards|before)\b", re.I)),
    ("period", re.compile(r"\b(?P<rel>last|this|next)\s+(?P<unit>week|month|year)\b", re.I)),
]
_SMALL = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_JOIN = re.compile(r"^\s*(?:to|until|till|through|and|-|–)\s*$", re.I)
_OPEN = re.compile(r"\b(?:from|between)\s*$", re.I)


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


def _match(kind: str, m: re.Match, published: dt.date | None) -> _Found | None:
    g = m.groupdict()
    if kind == "holiday":
        name = g["h"].replace("’", "'").lower()
        month, day = {"new year's day": (1, 1), "new year's eve": (12, 31), "christmas day": (12, 25),
                      "christmas eve": (12, 24)}[name]
        year = _infer_year(month, day, published)
        if year is None:
            return _Found(m.start(), m.end(), kind, None, None, "day", True, False)
        return _Found(m.start(), m.end(), kind, _safe(year, month, day), None, "day", False, False)
    if kind in ("md_span", "dm_span", "mdy", "dmy", "numeric", "iso"):
        month = _month(g["m"]) if not g["m"].isdigit() else int(g["m"])
        day = int(g["d"])
        year = int(g["y"]) if g.get("y") else _infer_year(month, day, published)
        if year is None:
            return _Found(m.start(), m.end(), kind, None, None, "day", True, False)
        start = _safe(year, month, day)
        if start is None:
            return None
        end = _safe(year, month, int(g["d2"])) if g.get("d2") else None
        if end is not None and end <= start:
            return None  # "January 19 to 5": not a span
        return _Found(m.start(), m.end(), kind, start, end, "day", False, bool(g.get("y")))
    if kind == "my":
        return _Found(m.start(), m.end(), kind, dt.date(int(g["y"]), _month(g["m"]), 1), None, "month", False, True)
    if kind == "month":
        if published is None:
            return _Found(m.start("m"), m.end(), kind, None, None, "month", True, False)
        month = _month(g["m"])
        rel = (g.get("rel") or "").lower()
        if rel:  # "last March": the one before publication; "next March", "this March"
            year = published.year - (month >= published.month) if rel == "last" else (
                published.year + (month < published.month) if rel == "next" else published.year)
            return _Found(m.start("rel"), m.end(), kind, dt.date(year, month, 1), None, "month", True, False)
        year = _infer_year(month, 1, published)
        return _Found(m.start("m"), m.end(), kind, dt.date(year, _month(g["m"]), 1), None, "month", False, False)
    if kind in ("year", "year_of_event"):
        return _Found(m.start("y"), m.end("y"), kind, dt.date(int(g["y"]), 1, 1), None, "year", False, True)
    return _relative(kind, m, published)


def _relative(kind: str, m: re.Match, published: dt.date | None) -> _Found | None:
    g = m.groupdict()
    start, end = m.start(), m.end()
    if kind == "weekday":
        # "last Wednesday" keeps its qualifier; "on Wednesday" is just the day.
        keep = g.get("rel") and g["rel"].lower() in ("last", "next", "this")
        start = m.start("rel") if keep else m.start("wd")
        if published is None:
            return _Found(start, end, kind, None, None, "day", True, False)
        target = WEEKDAYS[g["wd"].lower()]
        back = (published.weekday() - target) % 7
        rel = (g.get("rel") or "").lower()
        if rel == "next":
            value = published + dt.timedelta(days=(target - published.weekday()) % 7 or 7)
        else:
            if rel == "last" and back == 0:
                back = 7
            value = published - dt.timedelta(days=back)
        return _Found(start, end, kind, value, None, "day", True, False)
    if published is None:
        return _Found(start, end, kind, None, None, "day", True, False)
    if kind == "dayword":
        shift = {"yesterday": -1, "today": 0, "tomorrow": 1, "the day before yesterday": -2}[g["w"].lower()]
        return _Found(start, end, kind, published + dt.timedelta(days=shift), None, "day", True, False)
    if kind == "next_day":
        shift = -1 if g.get("before") or g.get("before2") else 1
        return _Found(start, end, kind, published + dt.timedelta(days=shift), None, "day", True, False)
    if kind == "later_days":
        n = int(g["n"]) if g["n"].isdigit() else {"a": 1, "one": 1, **_SMALL}[g["n"].lower()]
        days = n * (7 if g["unit"].lower().startswith("week") else 1)
        sign = 1 if g["dir"].lower() in ("later", "afterwards") else -1
        return _Found(start, end, kind, published + dt.timedelta(days=sign * days), None, "day", True, False)
    if kind == "previous_days":
        n = int(g["n"]) if g["n"].isdigit() else _SMALL[g["n"].lower()]
        return _Found(start, end, kind, published - dt.timedelta(days=n), published - dt.timedelta(days=1), "day",
                      True, False)
    unit, rel = g["unit"].lower(), g["rel"].lower()
    shift = {"last": -1, "this": 0, "next": 1}[rel]
    if unit == "year":
        return _Found(start, end, kind, dt.date(published.year + shift, 1, 1), None, "year", True, False)
    if unit == "month":
        month_index = published.year * 12 + published.month - 1 + shift
        return _Found(start, end, kind, dt.date(month_index // 12, month_index % 12 + 1, 1), None, "month", True,
                      False)
    monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=shift)
    return _Found(start, end, kind, monday, monday + dt.timedelta(days=6), "day", True, False)


def _iso(value: dt.date | None, precision: str | None) -> str | None:
    if value is None:
        return None
    return {"year": value.strftime("%Y"), "month": value.strftime("%Y-%m")}.get(precision or "", value.isoformat())


def _anaphoric(kind: str, m: re.Match) -> bool:
    """'the previous two days', 'the next day', 'two days later' count from the story's last date, not
    from publication."""
    return kind in ("next_day", "later_days") or (kind == "previous_days" and m.group("rel").lower() in ("previous", "preceding"))


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
    found = _join_weekdays(text, _join_spans(text, found))
    if deferred:
        found = _resolve_anaphoric(found, deferred, published)
    return [_mention(text, f) for f in found]


def _resolve_anaphoric(found: list[_Found], deferred: list[tuple[str, re.Match]],
                       published: dt.date | None) -> list[_Found]:
    starts = [f.start for f in found]
    for kind, m in deferred:
        index = bisect.bisect_left(starts, m.start())
        # The nearest absolute day before it in the text (within a few sentences), else publication.
        # A historical date ("the treaty of 15 May 1992") is no anchor for the story's "next day".
        anchor = next((f.value for f in reversed(found[:index]) if f.value and f.precision == "day"
                       and (not f.relative or f.kind in ("next_day", "later_days"))  # chains: "two days later" and m.start() - f.end < 600
                       and (published is None or abs(f.value.year - published.year) <= 1)), published)
        found.insert(index, _relative(kind, m, anchor))
        starts.insert(index, m.start())
    return found


def _join_spans(text: str, found: list[_Found]) -> list[_Found]:
    """'from January 5 to January 19, 2022' is one span; the year may come only at its end."""
    out: list[_Found] = []
    i = 0
    while i < len(found):
        here = found[i]
        nxt = found[i + 1] if i + 1 < len(found) else None
        if (nxt and here.precision == nxt.precision == "day" and here.value and nxt.value and not here.relative
                and _JOIN.match(text[here.end:nxt.start]) and (_OPEN.search(text[max(0, here.start - 12):here.start])
                                                               or text[here.end:nxt.start].strip() in "-–")):
            start_value = here.value
            if not here.year_given and nxt.year_given:
                start_value = _safe(nxt.value.year, here.value.month, here.value.day) or here.value
            out.append(_Found(here.start, nxt.end, "span", start_value, nxt.value_end or nxt.value, "day", False, True))
            i += 2
            continue
        out.append(here)
        i += 1
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

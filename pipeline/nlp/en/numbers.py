"""Numbers as news writes them: "3.811", "78 billion tenge", "110-120", "hundreds of",
"more than 2,000", "two hundred", "€6.2 million", "77.18%".

A scanner over the raw text, independent of the model's entity labels (which split
ranges, drop scale words and call durations dates). Each match says where it is, its
value, range, unit, and qualifier; deciding whether it is a *claim* is figures.py's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = {  # written form (lowercase) -> ISO 4217 code or unit
    "tenge": "KZT", "kzt": "KZT", "₸": "KZT", "€": "EUR", "euro": "EUR", "euros": "EUR", "eur": "EUR",
    "$": "USD", "us$": "USD", "dollar": "USD", "dollars": "USD", "usd": "USD", "us dollars": "USD",
    "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "rub": "RUB", "£": "GBP",
    "pound": "GBP", "pounds": "GBP", "gbp": "GBP", "dinar": "RSD", "dinars": "RSD", "rsd": "RSD",
    "yuan": "CNY", "som": "KGS", "naira": "NGN", "₦": "NGN", "rupee": "INR", "rupees": "INR", "₹": "INR",
    "r": "ZAR", "lira": "TRY", "liras": "TRY", "₺": "TRY", "rand": "ZAR", "yen": "JPY", "¥": "JPY", "hryvnia": "UAH",
    "hryvnias": "UAH", "₴": "UAH", "shekel": "ILS", "shekels": "ILS", "₪": "ILS",
    "%": "%", "percent": "%", "per cent": "%",
}
SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9,
          "bln": 1e9, "trillion": 1e12}
ONES = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
# Vague quantities: (approx value, lower bound).
VAGUE = {"dozens": (24, 24), "scores": (40, 40), "hundreds": (200, 200), "thousands": (2000, 2000),
         "tens of thousands": (20000, 20000), "hundreds of thousands": (200000, 200000),
         "millions": (2e6, 2e6), "a few dozen": (36, 24), "several dozen": (36, 24),
         "several hundred": (300, 200), "a few hundred": (300, 200), "several thousand": (3000, 2000),
         "a few thousand": (3000, 2000)}
QUALIFIERS = {
    "more than": "over", "over": "over", "above": "over", "in excess of": "over", "upwards of": "over",
    "at least": "at least", "no fewer than": "at least", "no less than": "at least", "a minimum of": "at least",
    "about": "about", "around": "about", "approximately": "about", "roughly": "about", "some": "about",
    "an estimated": "about", "estimated": "about", "circa": "about", "nearly": "almost", "almost": "almost",
    "close to": "almost", "just under": "almost", "up to": "up to", "as many as": "up to", "fewer than": "up to",
    "less than": "up to", "under": "up to", "at most": "up to",
}

_WORD_NUM = "|".join(sorted([*ONES, *TENS, "hundred", "dozen"], key=len, reverse=True))
_DIGITS = r"\d{1,3}(?:[,.\u202f\u00a0 ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_NUM = rf"(?:{_DIGITS})"
_WORDS = rf"(?:\b(?:a\s+(?=dozen\b))?(?:{_WORD_NUM})(?:[\s-]+(?:{_WORD_NUM})|\s+and\s+(?:{_WORD_NUM}))*\b)"
_SCALE = r"(?:\s*(?:thousand|million|billion|trillion|mln|bln|bn|mn)\b|m\b|k\b)"
# "R4.7 million" is rand only with a scale word: a bare "R2" is more often a road or a name.
_PREFIX_UNIT = r"(?:us\$|\$|€|£|₸|₦|₹|₺|¥|₴|₪|\bR(?=\d[\d,.]*\s?(?:million|billion|bn|m)\b))"
_SUFFIX_UNIT = (r"(?:\s*%|\s*(?:per cent|percent|tenge|kzt|euros?|eur|us dollars|dollars?|usd|roubles?|rubles?|rub"
                r"|pounds?|gbp|dinars?|rsd|yuan|som|naira|rupees?|liras?|rand|yen|hryvnias?|shekels?)\b)")
_QUAL = "|".join(sorted(map(re.escape, QUALIFIERS), key=len, reverse=True))
_VAGUE = "|".join(sorted(map(re.escape, VAGUE), key=len, reverse=True))

NUMBER = re.compile(
    rf"(?:(?P<qual>{_QUAL})\s+)?"
    rf"(?P<prefix>{_PREFIX_UNIT})?\s?"
    rf"(?:(?P<low>{_NUM})(?P<lowscale>{_SCALE})?\s*(?:-|–|—)\s*(?P<high>{_NUM})"
    rf"|\b(?P<vague>{_VAGUE})\b|(?P<single>{_NUM}|{_WORDS}))"
    rf"(?P<scale>{_SCALE})?"
    rf"(?P<suffix>{_SUFFIX_UNIT})?",
    re.IGNORECASE,
)
_COUNT_AFTER = re.compile(r"^\s+(?:[a-z-]+\s+){0,3}?(?:people|persons|citizens|residents|officers|soldiers|troops|"
                          r"servicemen|police|protesters|demonstrators|civilians|members|cases|fires|workers|"
                          r"employees|criminals|terrorists|looters|bandits|militants|victims|bodies|dead|"
                          r"participants|detainees|casualties|wounded|injured|killed|detained|arrested|were|have|had)\b",
                          re.IGNORECASE)


@dataclass(frozen=True)
class NumberSpan:
    start: int
    end: int
    text: str
    value: float
    low: float | None
    high: float | None
    unit: str | None
    approx: str | None
    number_start: int  # where the digits/words begin (after a qualifier)


def words_to_number(text: str) -> float | None:
    """'two hundred', 'twenty-six', 'six' → number; None if not a number phrase."""
    total, current, seen = 0, 0, False
    for word in re.split(r"[\s-]+", text.lower().strip()):
        if word in ("and", "a") or not word:
            continue
        if word in ONES:
            current += ONES[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word == "dozen":  # "a dozen", "two dozen"
            current = (current or 1) * 12
        else:
            return None
        seen = True
    return float(total + current) if seen else None


def digits_to_number(text: str, following: str) -> float:
    """'3.811' before a count → 3811; '3,811' → 3811; '6.2' → 6.2; '1 234' → 1234."""
    text = text.replace("\u202f", " ").replace("\u00a0", " ")
    groups = re.split(r"[,. ]", text)
    separators = re.findall(r"[,. ]", text)
    if len(groups) > 2 or (len(groups) == 2 and separators[0] == " "):
        return float("".join(groups)) if all(len(g) == 3 for g in groups[1:]) else float(groups[0])
    if len(groups) == 2:
        whole, part = groups
        if separators[0] == ",":
            return float(whole + part) if len(part) == 3 else float(f"{whole}.{part}")
        # A dot: a decimal point in English, a thousands separator in much of Europe.
        if len(part) == 3 and not re.match(r"\s*(?:%|per ?cent|thousand|million|billion|bn|mln|m\b|km|kg)",
                                           following, re.I) and (_COUNT_AFTER.match(following) or whole != "0"):
            return float(whole + part)
        return float(f"{whole}.{part}")
    return float(text)


def _value(text: str, following: str) -> float | None:
    text = text.strip()
    if not text:
        return None
    if text[0].isdigit():
        return digits_to_number(text, following)
    return words_to_number(text)


def _scale(text: str | None) -> float:
    if not text:
        return 1.0
    return SCALES.get(text.strip().lower(), 1.0)


def find_numbers(text: str) -> list[NumberSpan]:
    spans = []
    for m in NUMBER.finditer(text):
        if m.group("single") is None and m.group("low") is None and m.group("vague") is None:
            continue
        following = text[m.end():m.end() + 40]
        scale = _scale(m.group("scale"))
        if m.group("scale") and m.group("scale").strip().lower() == "m" and not (m.group("prefix")
                                                                                 or m.group("suffix")):
            continue  # "5m" alone is too ambiguous (metres, minutes)
        if m.group("scale") and m.group("scale").lower() == "k" and not m.group("single"):
            continue
        unit = None
        if m.group("prefix"):
            unit = UNITS.get(m.group("prefix").lower())
        if m.group("suffix"):
            unit = UNITS.get(m.group("suffix").strip().lower(), unit)
        approx = QUALIFIERS.get((m.group("qual") or "").lower()) if m.group("qual") else None
        low = high = None
        if m.group("vague"):
            value, low = VAGUE[m.group("vague").lower()]
            value, low = float(value), float(low)
            approx = "vague"
            number_start = m.start("vague")
        elif m.group("low") is not None:
            low_v = _value(m.group("low"), following)
            high_v = _value(m.group("high"), following)
            if low_v is None or high_v is None:
                continue
            low_scale = _scale(m.group("lowscale")) if m.group("lowscale") else scale
            low, high = low_v * low_scale, high_v * scale
            if low > high:  # "2021-22" style: not a range of counts
                continue
            value = (low + high) / 2
            number_start = m.start("low")
        else:
            value = _value(m.group("single"), following)
            if value is None:
                continue
            value *= scale
            number_start = m.start("single")
        start = m.start("qual") if m.group("qual") else (m.start("prefix") if m.group("prefix") else number_start)
        end = m.end()
        spans.append(NumberSpan(start, end, text[start:end].strip(), value, low, high, unit, approx, number_start))
    spans = _join_worded_ranges(text, spans)
    # A fraction's words ("two-thirds") are not numbers of their own.
    fractions = find_fractions(text)
    spans = [sp for sp in spans if not any(f.start < sp.end and sp.start < f.end for f in fractions)]
    return _share_units(text, sorted(spans + fractions, key=lambda sp: sp.start))


# Shares of a group: "two-thirds of the dead", "almost half of them" (a percentage).
FRACTIONS = {"half": 50.0, "a half": 50.0, "one half": 50.0, "a third": 100 / 3, "one third": 100 / 3,
             "one-third": 100 / 3, "two thirds": 200 / 3, "two-thirds": 200 / 3, "a quarter": 25.0,
             "one quarter": 25.0, "one-quarter": 25.0, "three quarters": 75.0, "three-quarters": 75.0}
_FRACTION = re.compile(rf"(?:\b(?P<qual>{_QUAL})\s+)?\b(?P<f>" + "|".join(
    sorted(map(re.escape, FRACTIONS), key=len, reverse=True)) + r")(?=\s+of\b)", re.IGNORECASE)


def find_fractions(text: str) -> list[NumberSpan]:
    """'nearly two-thirds of the dead' → 66.7 %."""
    spans = []
    for m in _FRACTION.finditer(text):
        start = m.start("qual") if m.group("qual") else m.start("f")
        approx = QUALIFIERS.get(m.group("qual").lower()) if m.group("qual") else None
        spans.append(NumberSpan(start, m.end(), text[start:m.end()], FRACTIONS[m.group("f").lower()], None, None,
                                "%", approx, m.start("f")))
    return spans


def _join_worded_ranges(text: str, spans: list[NumberSpan]) -> list[NumberSpan]:
    """'between 225 and 232' and '30 to 35 tenge' are ranges; 'from 60 to 120' is a change, two figures."""
    out: list[NumberSpan] = []
    for span in spans:
        prev = out[-1] if out else None
        if prev is not None and prev.low is None and span.low is None and prev.approx != "vague" \
                and span.approx in (None, prev.approx) and prev.text[-1:].isdigit() \
                and 0 < prev.value < span.value and (prev.unit in (None, span.unit)):
            between = text[prev.end:span.number_start]
            lead = text[max(0, prev.start - 9):prev.start].lower()
            if (re.fullmatch(r"\s+and\s+", between) and lead.endswith("between ")) or (
                    re.fullmatch(r"\s+to\s+", between) and not re.search(r"\b(?:from|by)\s+$", lead)
                    and span.value <= 10 * prev.value):
                out[-1] = NumberSpan(prev.start, span.end, text[prev.start:span.end], (prev.value + span.value) / 2,
                                     prev.value, span.value, span.unit, prev.approx, prev.number_start)
                continue
        out.append(span)
    return out


def _share_units(text: str, spans: list[NumberSpan]) -> list[NumberSpan]:
    """'from 50-60 to 110-120 tenge': the first range is in tenge too."""
    out = list(spans)
    for i in range(len(out) - 2, -1, -1):
        here, after = out[i], out[i + 1]
        if here.unit is None and after.unit and re.fullmatch(r"\s*(?:to|and|or|-|–|,)\s*",
                                                              text[here.end:after.start], re.I):
            out[i] = NumberSpan(here.start, here.end, here.text, here.value, here.low, here.high, after.unit,
                                here.approx, here.number_start)
    for i in range(1, len(out)):  # "went from about 60 tenge to 120": the 120 is in tenge too
        here, before = out[i], out[i - 1]
        if here.unit is None and before.unit and before.unit != "%" and re.fullmatch(
                r"\s*(?:(?:a|per)\s+\w+\s+)?to\s*", text[before.end:here.start], re.I) and re.search(
                r"\bfrom\s+(?:\S+\s+)?$", text[max(0, before.start - 20):before.start], re.I):
            out[i] = NumberSpan(here.start, here.end, here.text, here.value, here.low, here.high, before.unit,
                                here.approx, here.number_start)
    return out

"""Numbers as news writes them: "3.811", "78 billion tenge", "110-120", "hundreds of",
"more than 2,000", "two hundred", "€6.2 million", "77.18%".

A scanner over the raw text, independent of the model's entity labels (which split
ranges, drop scale words and call durations dates). Each match says where it is, its
value, range, unit, and qualifier; deciding whether it is a *claim* is figures.py's job.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace

from text_to_num import alpha2digit, text2num

from ... import places
from .lexicons import currency_table, currency_words, current_currency_names

PERCENT = {"%": "%", "percent": "%", "per cent": "%"}
# currencies.yaml: every way news writes a currency, one row each with its example; then the English names
# of every other currency in use, from Babel ("4.2 million leones", "500 Haitian gourdes")
CURRENCIES = [*currency_table(), *currency_words()]
# Every currency's ISO code, written before or after the number in capitals: "BGN 40 million", "5,000 EUR",
# "VUV 34 billion" (every code in use, from Babel: lexicons.current_currency_names). A code that is also an
# English word is read only from its row's spellings: "ALL 5 MEN DIED", "SOS 3".
_WORD_CODES = {"ALL", "TOP", "CUP", "MOP", "SOS", "PEN", "MAD", "BOB", "GEL", "MUR"}
CODES = sorted(({code for row in CURRENCIES if "per_unit" not in row
                 for code in (row["code"], *row.get("elsewhere", {}).values())}
                | set(current_currency_names())) - _WORD_CODES)  # "CLP 480 billion"
UNITS = {  # written form (lowercase) -> ISO 4217 code or "%"
    **{code.lower(): code for code in CODES},
    **{spelling.lower(): row["code"] for row in CURRENCIES
       for key in ("before", "after", "after_scale", "before_scale") for spelling in row.get(key, [])},
    **PERCENT,
}
# What one of a written unit is worth in its code's currency: "25 cents" is 0.25 USD.
PER_UNIT = {word: float(row["per_unit"]) for row in CURRENCIES if "per_unit" in row for word in row["after"]}
# A currency sign several countries write, read by the country the text names: "Rs" in a story about
# Pakistan is the Pakistani rupee, "CFA francs" in Senegal the West African franc.
# A code's first row with countries reads it; a spelling is read by its own row's ("CFA francs" in a text naming
# Geneva stay CFA francs, plain "francs" there are Swiss).
REGIONAL_UNITS = {row["code"]: tuple(row["elsewhere"].items()) for row in reversed(CURRENCIES) if "elsewhere" in row}
_REGIONAL_BY_SPELLING = {spelling.lower(): tuple(row.get("elsewhere", {}).items()) for row in CURRENCIES
                         for key in ("before", "after", "after_scale", "before_scale") for spelling in row.get(key, [])}
# The head word a money figure counts: "78 billion tenge" counts tenge.
# A code's own row names it ("K45 million" in Papua New Guinea is kina); a code only read "elsewhere" takes the
# name of the row that sends it there.
CURRENCY_NAMES = current_currency_names() | {code: row["name"] for row in reversed(CURRENCIES) if "per_unit" not in row
                                             for code in row.get("elsewhere", {}).values()} | {
    row["code"]: row["name"] for row in reversed(CURRENCIES) if "per_unit" not in row}
SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9,
          "bln": 1e9, "trillion": 1e12, "mld": 1e9, "mlrd": 1e9, "mln.": 1e6, "mld.": 1e9, "mlrd.": 1e9,
          "thousand million": 1e9,  # "300 thousand million pesos"
          "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,  # South Asian: "Tk 5 lakh", "₹2 crore"
          "millones": 1e6, "mil millones": 1e9,  # a Spanish sum quoted: "CLP 62.000 millones" (blind63)
          "juta": 1e6, "miliar": 1e9}  # an Indonesian sum in translation: "Rp 150 juta", "Rp 2,5 miliar" (blind86)
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
    "less than": "up to", "under": "up to", "at most": "up to", "as much as": "up to",
    "a maximum of": "up to",  # "covered for a maximum of US$1.4 million" (blind98)
    # "not less than US$ 50,000", "something like 1,200", "~2,5 thousand soldiers"
    "not less than": "at least", "not fewer than": "at least", "not more than": "up to", "something like": "about",
    "~": "about",
    "c.": "about", "ca.": "about",  # an infobox's "| Security forces | c. 7,000 |"
    # "expected to be below USD 15 million", "we expect the final count to exceed 6,000" (blind63)
    "below": "up to", "exceeding": "over", "exceed": "over", "exceeds": "over", "exceeded": "over",
    "not exceed": "up to", "not to exceed": "up to",  # "power cuts shall not exceed four hours a day"
}

_WORD_NUM = "|".join(sorted([*ONES, *TENS, "hundred", "dozen"], key=len, reverse=True))
# A thousands group is three digits and no more: "1.0327" is a decimal, not "1.032" and "7".
# South Asian grouping first: "2,00,000" (two lakh), "3,71,500". Swiss papers group with an apostrophe: "120'000".
_DIGITS = (r"\d{1,2}(?:,\d{2})+,\d{3}(?!\d)|"
           r"\d{1,3}(?:[,.\u202f\u00a0 '’]\d{3}(?!\d))+(?:[.,]\d+)?|\d+(?:[.,]\d+)?")
_NUM = rf"(?:{_DIGITS})"
_WORD_SCALE = "thousand|million|billion|trillion"
# A share of a scale word: "half a million", "a quarter of a million".
SHARES_OF = {"half": 0.5, "a quarter": 0.25, "one quarter": 0.25, "three quarters": 0.75, "a third": 1 / 3,
             "one third": 1 / 3, "two thirds": 2 / 3}
_SHARE_OF = "|".join(w.replace(" ", r"[\s-]+") for w in sorted(SHARES_OF, key=len, reverse=True))
_SPELLED_DIGIT = "zero|one|two|three|four|five|six|seven|eight|nine"
# "twenty-three thousand four hundred fifty-one", "a dozen", "a thousand": a scale word only after a number word;
# "and" only after a scale word ("one hundred and five"; "five and seven" are two numbers); "one point three"
# (not "at one point two men …"), "one and a half", "half a million".
_WORDS = (rf"(?:\b(?:(?:{_SHARE_OF})\s+(?:of\s+)?(?=an?\s+(?:{_WORD_SCALE})\b))?"
          rf"(?:a\s+(?=(?:dozen|hundred|{_WORD_SCALE})\b))?(?:{_WORD_NUM}|(?<=a )(?:{_WORD_SCALE}))"
          rf"(?:(?:[\s-]+|(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))\s+and\s+)"
          rf"(?:{_WORD_NUM}|{_WORD_SCALE}))*"
          rf"(?:(?<!\bat one)\s+point(?:\s+(?:{_SPELLED_DIGIT})\b)+|\s+and\s+a\s+half)?"
          r"\b)")
# "78 mld.", "Tk 5 lakh"
# "300 thousand million pesos" (a milliard, as Spanish and older British English count) is 300 billion.
_SCALE = (r"(?:\s*(?:(?:mln|mld|mlrd)\b\.?|(?:thousand\s+million|thousand|million|billion|trillion|bln|bn|mn|lakhs?|"
          r"crores?|mil\s+millones|millones|juta|miliar)\b)|m\b|k\b)")
def _alternation(spellings: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(spellings), key=len, reverse=True))


def _signs_by_kind(signs: list[str]) -> tuple[list[str], list[str], list[str]]:
    """(symbols, signs of letters, signs of one letter). One letter is a sign only before a space, a
    grouped number, a scale word or a sum with cents: "K 134,000", "K118,000", "K4.6 billion", "K31.47"; "K2"
    is a peak."""
    lettered = [w for w in signs if w[0].isalpha()]
    return [w for w in signs if not w[0].isalpha()], [w for w in lettered if len(w) > 1], \
        [w for w in lettered if len(w) == 1]


def _prefix_units() -> str:
    """Signs before the number: a sign of letters only where a number follows ("Rs 450", "A$1.2 billion"),
    one of `before_scale` only before a scale word ("R4.7 million" is rand: a bare "R2" is a road or a name)."""
    symbols, lettered, single = _signs_by_kind([w for row in CURRENCIES for w in row.get("before", [])])
    scaled = [w for row in CURRENCIES for w in row.get("before_scale", [])]
    # A sign in capitals is one only in capitals, like the codes: "YR 1,000" is Yemeni rials, "yr 2020" a year.
    capitals = f"{_alternation([w for w in lettered if w.isupper()])}|{'|'.join(CODES)}"
    mixed = [w for w in lettered if not w.isupper()]  # "Rs", "KSh" (also written "Ksh", "KSH")
    # The look-ahead (letters, a mark or two, a digit) only makes the search faster.
    quick = r"(?=[^\W\d_]{1,4}(?:\s[^\W\d_]{1,4})?[^\w\s]{0,2}\s?\d)"  # up to "Taka", "F CFA"
    # one letter: before a space, a grouped number ("K118,000", "P500 000"), a scale word, a sum with cents, a price
    # by its measure ("D92 a litre"), a change written with the letter again ("from D74 to D92", both ends) or a price
    # a word goes to or stands at ("cut the petrol price to D84", "kept at D84"; blind110). Two digits at least after
    # "to" or "at": "from P1 to P6" are school years, "K2" a peak.
    one_letter = (r"(?=\s\d|\d{1,3}[,. ]\d{3}\b|\d[\d.,]*\s?(?:million|billion|bn|m)\b|\d+\.\d\d(?!\d|\.\d)"
                  r"|\d[\d.,]*\s+(?:a|per)\s+(?:litre|liter|gallon|kilo|kg|loaf|bag|trip|ride|journey)\b"
                  r"|\d\d[\d.,]*\s+(?:to|and)\s+[A-Z]\d\d)")
    return (rf"(?:{_alternation(symbols)}|\b{quick}(?:{_alternation(mixed)}|(?-i:{capitals}))(?=\s?\d)|"
            rf"\b(?-i:{_alternation(single)}){one_letter}|"
            rf"(?:(?<=\d\sto\s)|(?<=\d\sand\s)|(?<=[a-z]\sto\s)|(?<=[a-z]\sat\s))(?-i:{_alternation(single)})(?=\d\d)|"
            rf"\b(?:{_alternation(scaled)})(?=\d[\d,.]*\s?(?:million|billion|bn|m)\b))")


def _suffix_units() -> str:
    """Words after the number; one of `after_scale` only after a scale word ("20 trillion won")."""
    words = ["percent", "per cent", *(w for row in CURRENCIES for w in row.get("after", []))]
    scaled = _alternation([w for row in CURRENCIES for w in row.get("after_scale", [])])
    after_scale = "|".join(f"(?<={w})" for w in ("illion", "thousand", "bn", "mn"))
    first = "".join(sorted({w[0] for w in words} | {w[0].upper() for w in words}))
    return (rf"(?:\s*%|\s*(?=[{first}])(?:{_alternation(words)})\b|\s*(?-i:{'|'.join(CODES)})\b|"
            rf"(?:{after_scale})\s+(?:{scaled})\b)")


_PREFIX_UNIT = _prefix_units()
_SUFFIX_UNIT = _suffix_units()
# "c." and "ca." only as words of their own, not the end of "Inc. 500".
_QUAL = "|".join(rf"(?<![\w.]){re.escape(q)}" if q.endswith(".") else re.escape(q)
                 for q in sorted(QUALIFIERS, key=len, reverse=True))
_VAGUE = "|".join(sorted(map(re.escape, VAGUE), key=len, reverse=True))

NUMBER = re.compile(
    rf"(?:(?P<qual>{_QUAL})(?:(?<=~)\s?|\s+))?"
    rf"(?P<prefix>{_PREFIX_UNIT})?\s?"
    # "US$350m-$600m": the sign written again before the high end
    rf"(?:(?P<low>{_NUM})(?P<lowscale>{_SCALE})?\s*(?:-|–|—)\s*(?(prefix)(?:{_PREFIX_UNIT})?\s?)(?P<high>{_NUM})"
    rf"|\b(?P<vague>{_VAGUE})\b|(?P<single>{_NUM}|{_WORDS}))"
    rf"(?P<scale>{_SCALE})?"
    rf"(?P<suffix>{_SUFFIX_UNIT})?"
    r"(?P<plus>\+(?![\d\w]))?",  # "9,900+": at least
    re.IGNORECASE,
)
# Every match of NUMBER holds a number: digits, a number word or a vague quantity (``_CORE``, which
# may find more). Before it come at most a qualifier ("no fewer than"), whitespace, a currency sign
# of up to three characters ("KSh") and one more whitespace.
_CORE_WORDS = rf"a\s+(?=(?:dozen|hundred|{_WORD_SCALE})\b)|{_WORD_NUM}|{_WORD_SCALE}|{_VAGUE}|{_SHARE_OF}"
# The look-ahead for a word's first letter only makes the search faster.
_FIRST_LETTERS = "".join(sorted({w[0] for w in [*ONES, *TENS, "hundred", "dozen", "a", *_WORD_SCALE.split("|"),
                                                *VAGUE, *SHARES_OF]}))
_CORE = re.compile(rf"\d|\b(?=[{_FIRST_LETTERS}])(?:{_CORE_WORDS})", re.IGNORECASE)
_QUALIFIER_LENGTH = max(map(len, QUALIFIERS))
_SIGN_LENGTH = max(len(w) for row in CURRENCIES for w in [*row.get("before", []), *row.get("before_scale", [])])


def _earliest_start(text: str, core: int) -> int:
    """The leftmost place a match of NUMBER holding the number at ``core`` can start: back over
    whitespace and a sign's characters, then a qualifier's length."""
    at, signs = core, 0
    while at > 0 and (text[at - 1].isspace() or signs < _SIGN_LENGTH):
        signs += not text[at - 1].isspace()
        at -= 1
    return max(0, at - _QUALIFIER_LENGTH)


def number_matches(text: str) -> Iterator[re.Match]:
    """The matches of ``NUMBER.finditer(text)``, found faster: the regex is tried only from a little
    before each number, not at every character ("Some 5,800 people" tries from "Some", not from "S", "o", …)."""
    at = 0
    while (match := search_number(text, at)) is not None:
        yield match
        at = match.end()  # a match is never empty: it holds a number


def search_number(text: str, at: int = 0) -> re.Match | None:
    """``NUMBER.search(text, at)``, tried only from a little before the next digit or number word."""
    core = _CORE.search(text, at)
    return None if core is None else NUMBER.search(text, max(at, _earliest_start(text, core.start())))


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
    """'two hundred', 'twenty-six', 'twenty-three thousand four hundred fifty-one' → number; None if
    not a number phrase. text2num reads whole numbers and alpha2digit spelled decimals ("one point three");
    what neither reads stays ours: "dozen" and a leading "a" ("a dozen", "a hundred"), "and a half",
    and a share of a scale word ("half a million")."""
    text = re.sub(r"\s+", " ", text.lower().strip())
    share = re.match(rf"({_SHARE_OF}) (?:of )?(?=an? )", text)
    if share:
        rest = words_to_number(text[share.end():])
        return None if rest is None else SHARES_OF[re.sub(r"[\s-]+", " ", share.group(1))] * rest
    if text.endswith(" and a half"):
        whole = words_to_number(text[:-len(" and a half")])
        return None if whole is None else whole + 0.5
    if " point " in text:
        return _spelled_decimal(text)
    return _whole_words([w for w in re.split(r"[\s-]+", text) if w])


def _spelled_decimal(text: str) -> float | None:
    """"one point three" → 1.3, by text2num's alpha2digit."""
    try:
        return float(alpha2digit(text, "en").replace(" ", ""))
    except ValueError:
        return None


def _whole_words(words: list[str]) -> float | None:
    if words[:1] == ["a"]:
        words[0] = "one"
    if not words:
        return None
    if words[-1] == "dozen":  # "a dozen", "two dozen"
        base = _whole_words(words[:-1]) if words[:-1] else 1.0
        return base * 12 if base is not None else None
    try:
        return float(text2num(" ".join(words), "en"))
    except ValueError:
        return None


def _grouped(groups: list[str], separators: list[str]) -> float:
    """Three or more groups, or a space: '1 234 567', '1,234.56', '1.234,56', '3.811.000'."""
    if len(set(separators[:-1])) <= 1 and separators[-1] != separators[0] and separators[-1] in ",." \
            and all(len(g) == 3 for g in groups[1:-1]):
        return float("".join(groups[:-1]) + "." + groups[-1])  # the last separator is the decimal point
    return float("".join(groups)) if all(len(g) == 3 for g in groups[1:]) else float(groups[0])


def _dotted_thousands(whole: str, following: str) -> bool:
    """'3.811 people' is 3811 (a European thousands dot); '6.211 %' and '0.125' are decimals."""
    return not re.match(r"\s*(?:%|per ?cent|thousand|million|billion|bn|mln|lakh|crore|m\b|km|kg)", following, re.I) \
        and bool(_COUNT_AFTER.match(following) or whole != "0")


def digits_to_number(text: str, following: str) -> float:
    """'3.811' before a count → 3811; '3,811' → 3811; '6.2' → 6.2; '1 234' → 1234; '1,234.56' → 1234.56."""
    text = re.sub(r"['’](?=\d{3})", "", text.replace("\u202f", " ").replace("\u00a0", " "))
    if re.fullmatch(r"\d{1,2}(?:,\d{2})+,\d{3}", text):
        return float(text.replace(",", ""))  # "2,00,000"
    groups = re.split(r"[,. ]", text)
    separators = re.findall(r"[,. ]", text)
    if len(groups) > 2 or (len(groups) == 2 and separators[0] == " "):
        return _grouped(groups, separators)
    if len(groups) == 1:
        return float(text)
    whole, part = groups
    if len(part) == 3 and (separators[0] == "," or _dotted_thousands(whole, following)):
        return float(whole + part)  # a dot: a decimal point in English, a thousands separator in much of Europe
    return float(f"{whole}.{part}")


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
    return SCALES.get(" ".join(text.lower().split()), 1.0)


def _suffix(m: re.Match) -> str:
    return re.sub(r"\s+", " ", (m.group("suffix") or "").strip().lower())


def _unit(m: re.Match) -> str | None:
    unit = UNITS.get(m.group("prefix").lower()) if m.group("prefix") else None
    return UNITS.get(_suffix(m), unit) if m.group("suffix") else unit


def regional_unit(text: str, unit: str | None, spelling: str | None = None) -> str | None:
    """"Rs 450" in a story about Pakistan is PKR; with no country named it stays the first reading. Where
    several are named, the one named most: "pesos" in a story on Chile that thanks Argentine crews are CLP.
    A text that names no country but its towns ("rupees" in a Sukkur paper) is read by the towns' country."""
    countries = _REGIONAL_BY_SPELLING.get(spelling, ()) if spelling in _REGIONAL_BY_SPELLING \
        else REGIONAL_UNITS.get(unit or "", ())
    if not countries or (spelling or "").upper() == unit:  # "MXN 61,400" is Mexican wherever it is (blind130)
        return unit
    return _code_written(text, countries) or _named_most(text, countries) or _sign_written(text, countries) \
        or _by_towns(text, countries) or unit


def _named_most(text: str, countries: tuple[tuple[str, str], ...]) -> str | None:
    named = [(_named(text, country, countries), code) for country, code in countries]
    named = [(n, code) for n, code in named if n > 0]
    return max(named, key=lambda n: n[0])[1] if named else None


@functools.lru_cache(maxsize=8)  # asked again for each sum of one text
def _code_written(text: str, countries: tuple[tuple[str, str], ...]) -> str | None:
    """The one currency of the countries that write it alike whose ISO code the text writes by a number: "MXN
    61,400" makes the same text's "28,000 pesos" Mexican, whichever country it names most (blind130)."""
    found = {code for _, code in countries if re.search(rf"\b{code}\s?\d|\d\s?{code}\b", text)}
    return next(iter(found)) if len(found) == 1 else None


# The signs of a currency that name it alone: "RD$", "₱"; not one letter ("K") or a word ("Bs").
_OWN_SIGNS: dict[str, list[str]] = {}
for _row in CURRENCIES:
    _OWN_SIGNS.setdefault(_row["code"], []).extend(s for s in _row.get("before", []) if len(s) > 1 and not s.isalpha())


@functools.lru_cache(maxsize=8)  # asked again for each sum of one text
def _sign_written(text: str, countries: tuple[tuple[str, str], ...]) -> str | None:
    """The one currency of the countries that write it alike whose own sign the text writes before a number:
    "Losses: RD$40 million" makes the page's "40 million pesos" Dominican (blind114)."""
    codes = {code for _, code in countries}
    found = {code for code in codes for sign in _OWN_SIGNS.get(code, ())
             if re.search(re.escape(sign) + r"\s?\d", text)}
    return next(iter(found)) if len(found) == 1 else None


def _named(text: str, country: str, countries: tuple[tuple[str, str], ...]) -> int:
    """How often a country is named, in capitals too ("PARLIAMENT OF SRI LANKA"), not counting inside a
    longer one ("Sudan" in "South Sudan")."""
    def count(name: str) -> int:
        return text.count(name) + (text.count(name.upper()) if name != name.upper() else 0)
    return count(country) - sum(count(longer) for longer, _ in countries if country in longer and longer != country)


# accented letters too: "Bouaké" is Ivorian, so its "CFA francs" are West African (blind116)
_TOWN = re.compile(r"\b[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{3,}(?:\s+[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+)?\b")


@functools.lru_cache(maxsize=8)  # asked again for each sum of one text
def _by_towns(text: str, countries: tuple[tuple[str, str], ...]) -> str | None:
    """The currency of the country most of the text's distinct towns are in, of the countries that write it
    alike; none when no town of them is named (most capitalised words are no town)."""
    code_of = {places.country_code(name): code for name, code in countries}
    votes = Counter(code_of.get(place.country_code) for name in set(_TOWN.findall(text))
                    if (place := places.locate(name)) is not None)
    votes.pop(None, None)
    ranked = votes.most_common(2)
    return ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None


def _ambiguous_scale(m: re.Match, text: str) -> bool:
    """"5m" alone is too ambiguous (metres, minutes) but before people or things counted in the plural
    ("1.2m visitors"; not "a 2.5m wall", "10m waves"); a "k" only follows a single number."""
    scale = (m.group("scale") or "").strip().lower()
    if scale == "m" and not (m.group("prefix") or m.group("suffix")):
        return not _MILLIONS_OF.match(text, m.end())
    return scale == "k" and not m.group("single")


# Plural nouns a count in millions is of: "1.2m visitors", "3m people", "4.5m tonnes".
_MILLIONS_OF = re.compile(r"\s+(?:people|persons|visitors|tourists|passengers|voters|residents|households|"
                          r"customers|users|viewers|subscribers|children|refugees|migrants|jobs|tonnes|tons|barrels|"
                          r"doses|vehicles|homes|trees|animals|livestock)\b", re.I)


# (value, low, high, where the number begins) of a match, or None when it is no number.
_Read = tuple[float, float | None, float | None, int] | None


def _read_vague(m: re.Match, following: str) -> _Read:
    value, low = VAGUE[m.group("vague").lower()]
    return float(value), float(low), None, m.start("vague")


def _read_range(m: re.Match, following: str) -> _Read:
    low_v, high_v = _value(m.group("low"), following), _value(m.group("high"), following)
    if low_v is None or high_v is None:
        return None
    scale = _scale(m.group("scale"))
    low, high = low_v * (_scale(m.group("lowscale")) if m.group("lowscale") else scale), high_v * scale
    if low > high:
        return None  # "2021-22" style: not a range of counts
    return (low + high) / 2, low, high, m.start("low")


def _read_single(m: re.Match, following: str) -> _Read:
    value = _value(m.group("single"), following)
    return None if value is None else (value * _scale(m.group("scale")), None, None, m.start("single"))


def _approx(m: re.Match) -> str | None:
    if m.group("vague"):
        return "vague"
    if m.group("qual"):
        return QUALIFIERS.get(m.group("qual").lower())
    return "at least" if m.group("plus") else None


def _in_whole_units(m: re.Match, got: tuple[float, float | None, float | None, int]) -> tuple[
        float, float | None, float | None, int]:
    """"25 cents" is 0.25 dollars: a hundredth's unit word scales the number."""
    per_unit = PER_UNIT.get(_suffix(m), 1.0)
    value, low, high, number_start = got
    if per_unit == 1.0:
        return got
    return value * per_unit, low and low * per_unit, high and high * per_unit, number_start


def _number_span(text: str, m: re.Match) -> NumberSpan | None:
    """One match of NUMBER read into a span, or None."""
    if all(m.group(g) is None for g in ("single", "low", "vague")) or _ambiguous_scale(m, text):
        return None
    read = _read_vague if m.group("vague") else _read_range if m.group("low") is not None else _read_single
    got = read(m, text[m.end():m.end() + 40])
    if got is None:
        return None
    value, low, high, number_start = _in_whole_units(m, got)
    start, approx = _start_and_hedge(text, m, number_start)
    return NumberSpan(start, m.end(), text[start:m.end()].strip(), value, low, high, _dollar_or_peso(text, m),
                      approx, number_start)


# "$3.350" in groups of three after dots: no US dollars, which English writes "$3,350", but the peso sign of the
# country the text names; a text that writes its pesos so writes every "$" sum in them ("Fare table (Colombian pesos,
# per trip) … $3.350 | $3.620 | +$270", blind76).
_PESOS_WITH_DOTS = re.compile(r"(?<![A-Za-z])\$\s?\d{1,3}(?:\.\d{3})+(?![.,]\d)")


def _dollar_or_peso(text: str, m: re.Match) -> str | None:
    unit = regional_unit(text, _unit(m), _suffix(m) if m.group("suffix") else (m.group("prefix") or "").lower())
    if unit != "USD" or (m.group("prefix") or "") != "$":
        return unit
    return _pesos_of(text) or unit


@functools.lru_cache(maxsize=8)  # asked for each "$" sum of one text
def _pesos_of(text: str) -> str | None:
    """The peso a text writes with "$" in groups after dots, when it names a country of pesos."""
    if not _PESOS_WITH_DOTS.search(text):
        return None
    peso = regional_unit(text, "MXN")
    return peso if peso != "MXN" or "Mexic" in text else None


# "handed over 29 bodies", "turned over 40 files": "over" is the verb's particle, no qualifier ("it took over
# 12 hours" is more than 12). "LPG went up to 120 tenge", "prices shot up to 5,000": "up" goes with the verb, and
# the number is where the price went, no ceiling ("fines of up to 50,000" is one).
_PARTICLE_BEFORE = {
    "over": re.compile(r"\b(?:hand(?:s|ed|ing)?|turn(?:s|ed|ing)?|sign(?:s|ed|ing)?)\s+$", re.I),
    "up to": re.compile(r"\b(?:go(?:es|ne|ing)?|went|shot|shoot(?:s|ing)?|jump(?:s|ed|ing)?|climb(?:s|ed|ing)?|"
                        r"mov(?:e|es|ed|ing)|edg(?:e|es|ed|ing)|crept|creep(?:s|ing)?|tick(?:s|ed|ing)?)\s+$", re.I),
}


def _verbs_particle(text: str, m: re.Match) -> bool:
    particle = _PARTICLE_BEFORE.get(" ".join(m.group("qual").lower().split()))
    return particle is not None and particle.search(text, max(0, m.start("qual") - 12), m.start("qual")) is not None


def _start_and_hedge(text: str, m: re.Match, number_start: int) -> tuple[int, str | None]:
    """Where the span starts (its qualifier, else its sign, else its number) and its hedge."""
    if m.group("qual") is not None and _verbs_particle(text, m):
        return (m.start("prefix") if m.group("prefix") else number_start), None
    return (m.start("qual") if m.group("qual") else m.start("prefix") if m.group("prefix") else number_start), \
        _approx(m)


def _spaced_falling_range(text: str, m: re.Match) -> bool:
    """"10:30 — 3 more deaths": a dash between spaces before a smaller number separates, no range; so does a minus
    opening the next column of a table aligned by spaces ("1,060      -5.7", blind70)."""
    between = text[m.end("lowscale") if m.group("lowscale") else m.end("low"):m.start("high")]
    return m.group("low") is not None and between[:1].isspace() and (between[-1:].isspace() or between.strip() == "-")


def _all_spans(text: str) -> list[NumberSpan]:
    """Every number; a spaced dash that makes no range leaves the numbers on both sides their own."""
    spans, at = [], 0
    while (m := search_number(text, at)) is not None:
        span = _number_span(text, m)
        if span is None and _spaced_falling_range(text, m):
            spans += [s for part in NUMBER.finditer(text, m.start(), m.end("low")) if (s := _number_span(text, part))]
            at = m.start("high")
            continue
        spans += [span] if span is not None else []
        at = m.end()
    return spans


# A text that writes a decimal comma ("2,5 thousand", "9,5 mln.") or dotted groups ("3.811.000") writes
# "3.811" for 3,811; any other writes it for three point eight one one ("scored 14.833 on the vault").
_EUROPEAN_SEPARATORS = re.compile(r"\d,\d{1,2}(?![\d,])|\d,\d{4,}|\d\.\d{3}\.\d{3}")
_DOTTED = re.compile(r"(\d{1,3}\.\d{3})(\s*%)?")
# Currencies of a thousand subunits, written with three decimals (TND, JOD, KWD, BHD, OMR, LYD); not "bail of 2.000
# dinars" or "contributes 20.000 dinars", thousands with a dot (blind84).
_IN_MILLIMES = re.compile(r"(\d{1,2}\.(?!000)\d{3})(\s*(?:dinars?|rials?|TND|DT|JD|JOD|KD|KWD|BD|BHD|OMR|RO|LD|LYD))")


def _dot_as_decimal(text: str, span: NumberSpan, european: bool) -> NumberSpan:
    """"14.833" read again as a decimal, unless a count follows ("Detained 3.811 persons") or the text writes
    European separators; "6.211 %" is a decimal in any text; so is a sum of dinars or rials in millimes or baisas,
    "2.650 dinars" (blind89, blind72, blind84's "1.300 DT")."""
    digits = _DOTTED.fullmatch(text, span.number_start, span.end) or (
        None if european else _IN_MILLIMES.fullmatch(text, span.number_start, span.end))
    if digits is None or span.low is not None or not digits.group(2) and (
            european or _COUNT_AFTER.match(text[span.end:span.end + 60])):
        return span
    return NumberSpan(span.start, span.end, span.text, float(digits.group(1)), None, None, span.unit, span.approx,
                      span.number_start)


def find_numbers(text: str) -> list[NumberSpan]:
    spans = _all_spans(text)
    european = _EUROPEAN_SEPARATORS.search(text) is not None
    spans = [_dot_as_decimal(text, sp, european) for sp in spans]
    # A fraction's words ("two-thirds") are not numbers of their own.
    fractions = find_fractions(text) + find_proportions(text)
    spans = [sp for sp in spans if not any(f.start < sp.end and sp.start < f.end for f in fractions)]
    spans = _join_worded_ranges(text, _join_scaled_parts(text, sorted(spans + fractions, key=lambda sp: sp.start)))
    return [_hedged_after(text, _signed(text, sp)) for sp in _share_units(text, _join_restatements(text, spans))]


# A hedge written after the number: "likely to change by 25% or more", "10 or fewer" (blind63).
_HEDGE_AFTER = {"more": "at least", "over": "at least", "above": "at least", "fewer": "up to", "less": "up to"}
_HEDGE_AFTER_WORDS = re.compile(r"\s+or\s+(more|over|above|fewer|less)\b(?!\s+than)", re.I)


def _hedged_after(text: str, span: NumberSpan) -> NumberSpan:
    found = _HEDGE_AFTER_WORDS.match(text, span.end)
    if found is None or span.approx is not None:
        return span
    return NumberSpan(span.start, span.end, span.text, span.value, span.low, span.high, span.unit,
                      _HEDGE_AFTER[found.group(1).lower()], span.number_start)


# A minus sign: the typographic one wherever it opens a number; the hyphen only at the start of a table cell or a
# bracket ("| -7.3 |", "(-5.1%)"), where it cannot join a range or a compound, nor be a list's bullet (blind63).
_MINUS_BEFORE = re.compile(r"(?:[|(][^\S\n]*-|(?<![\w.,])\u2212)$")


def _signed(text: str, span: NumberSpan) -> NumberSpan:
    """"| Sugar | 168.20 | -7.3 |": a change down keeps its sign."""
    if span.number_start != span.start or span.value <= 0 \
            or not _MINUS_BEFORE.search(text[max(0, span.start - 4):span.start]):
        return span
    return NumberSpan(span.start - 1, span.end, text[span.start - 1:span.end], -span.value,
                      None if span.high is None else -span.high, None if span.low is None else -span.low, span.unit,
                      span.approx, span.number_start - 1)


# "25 (twenty-five) human lives", "twenty-four (24)", "145.000.000,00 MT (one hundred and forty-five million
# meticais)": a number restated in brackets, as translated official texts write it, is one figure. The words of
# "(thirty-eight thousand, six hundred and twelve)" are read as two numbers, so the bracket's numbers are summed.
_OPENS_BRACKET = re.compile(r"\s*(?:[A-Za-z$€£]{1,4}\.?\s*)?\(")
_BRACKET_REST = re.compile(r"[\s,]*(?:and)?[\s,]*", re.I)


def _join_restatements(text: str, spans: list[NumberSpan]) -> list[NumberSpan]:
    out: list[NumberSpan] = []
    at = 0
    while at < len(spans):
        first = spans[at]
        inside = _restating(text, first, spans[at + 1:])
        if inside:
            last = inside[-1]
            unit = first.unit or next((s.unit for s in inside if s.unit), None)
            end = text.index(")", last.end) + 1
            value = sum(s.value for s in inside)  # the words settle what "12.430" means
            out.append(NumberSpan(first.start, end, text[first.start:end], value, first.low, first.high, unit,
                                  first.approx, first.number_start))
            at += 1 + len(inside)
        else:
            out.append(first)
            at += 1
    return out


def _restating(text: str, first: NumberSpan, following: list[NumberSpan]) -> list[NumberSpan]:
    """The spans of the bracket right after ``first`` when they restate it, and nothing else is in it; else []."""
    bracket = _bracket_after(text, first)
    if bracket is None:
        return []
    opened, close = bracket
    inside = [s for s in following[:8] if opened <= s.start and s.end <= close]
    if not inside or inside[0].start != opened or inside != following[:len(inside)]:
        return []
    return inside if _only_numbers(text, inside, close) and _same_value(text, first, inside) else []


def _only_numbers(text: str, inside: list[NumberSpan], close: int) -> bool:
    """Nothing in the bracket but its numbers, joined by commas and "and"."""
    rest = "".join(text[a.end:b.start] for a, b in zip(inside, inside[1:], strict=False))
    return bool(_BRACKET_REST.fullmatch(rest)) and not text[inside[-1].end:close].strip(" ,")


def _bracket_after(text: str, first: NumberSpan) -> tuple[int, int] | None:
    """Where the bracket opened right after a number (past a short unit, "MT (") has its words, on the same line."""
    opened = _OPENS_BRACKET.match(text, first.end)
    close = text.find(")", first.end)
    if opened is None or close < 0 or "\n" in text[first.end:close]:
        return None
    return opened.end(), close


def _same_value(text: str, first: NumberSpan, inside: list[NumberSpan]) -> bool:
    total = sum(s.value for s in inside)
    digits = re.sub(r"[.,\s]", "", text[first.number_start:first.end])  # "12.430" read as a decimal is 12430 here
    return first.low is None and (abs(total - first.value) < 1e-6 or digits.isdigit() and int(digits) == total)


_SCALED_DIGITS = re.compile(r"\d{1,3}\s+(thousand|million|billion)", re.I)


def _continues_scale(text: str, whole: NumberSpan, part: NumberSpan) -> bool:
    """``part`` is the rest of ``whole`` below its scale word: "4 thousand" + "216"."""
    scaled = _SCALED_DIGITS.fullmatch(text, whole.number_start, whole.end)
    plain = whole.low is None and part.low is None and whole.unit is None and part.approx is None
    return bool(scaled and plain and text[whole.end:part.start] == " " and text[part.number_start].isdigit()
                and part.value < SCALES[scaled.group(1).lower()])


def _join_scaled_parts(text: str, spans: list[NumberSpan]) -> list[NumberSpan]:
    """"4 thousand 216 citizens", "2 million 300 thousand soums": a number written in parts by its scale
    words, as translations from Russian or Uzbek write it, is one number."""
    out: list[NumberSpan] = []
    for span in spans:
        if out and _continues_scale(text, out[-1], span):
            whole = out.pop()
            span = NumberSpan(whole.start, span.end, text[whole.start:span.end], whole.value + span.value, None,
                              None, span.unit, whole.approx, whole.number_start)
        out.append(span)
    return out


# Shares of a group: "two-thirds of the dead", "almost half of them", "three quarters voted" (a percentage).
# Every numerator below its denominator: "a fifth", "Four-fifths", "Seven-tenths", "nine tenths".
_NUMERATORS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
               "nine": 9}
_DENOMINATORS = {"third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
                 "ninth": 9, "tenth": 10}
FRACTIONS = {"half": 50.0, "a half": 50.0, "one half": 50.0, "an eighth": 12.5,
             **{f"{n} {d}{'' if k == 1 else 's'}": 100 * k / v for n, k in _NUMERATORS.items()
                for d, v in _DENOMINATORS.items() if k < v}}
# Alone (with no "of" after it) a fraction of one part is a share only if it is a common one: "a fourth term",
# "a sixth day" are ordinals.
_ALONE = [f for f in FRACTIONS if " " in f and (f.endswith("s") or f.split()[1] in ("half", "third", "quarter",
                                                                                     "fifth", "tenth"))]


def _words_pattern(words: list[str]) -> str:
    return "|".join(w.replace(" ", r"[\s-]+") for w in sorted(words, key=len, reverse=True))


_FRACTION_WORDS = _words_pattern(list(FRACTIONS))
_TWO_WORD_FRACTIONS = _words_pattern(_ALONE)
# Before "of", any fraction (not "a quarter of a million": a number); alone, only one of two words ("half" alone
# is "half an hour", "the second half"; "a quarter century", "a half-hour", "a year and a half" are no shares).
# "fell by nearly a fifth", "cut by half" (a cut by a share); "Half the hospitals" (not "in half the time");
# "the second half of August" is a time.
_FRACTION = re.compile(rf"(?P<cut>\bby\s+)?(?:\b(?P<qual>{_QUAL})\s+)?\b(?:(?<!second )(?<!first )(?<!latter )"
                       rf"(?P<f>{_FRACTION_WORDS})(?=\s+of\b(?!\s+an?\s+(?:{_WORD_SCALE})\b))|"
                       rf"(?(cut)(?P<by>{_FRACTION_WORDS})\b(?![\s-]+(?:of|an?|the|hour|day|week|month|year)\b)|(?!))|"
                       r"(?P<the>half)(?=\s+(?:the|its|their)\s+(?!time|size|price|cost|length|distance|amount)\w)|"
                       rf"(?<!and )(?P<alone>{_TWO_WORD_FRACTIONS})\b"
                       rf"(?![\s-]+(?:an?\b|of\s+an?\s+(?:{_WORD_SCALE})\b|hour|day|week|month|year|century|"
                       rf"mile|dozen|million|billion)))", re.IGNORECASE)


# Every fraction ends in one of these words: a text without any has no fraction (a quick test).
_FRACTION_END = re.compile(r"\b(?:" + _words_pattern(list({re.split(r"[\s-]", f)[-1] for f in FRACTIONS})) + ")",
                           re.IGNORECASE)


# How far before its last word a fraction can begin: "by" and a qualifier, then the numerator.
_FRACTION_REACH = len("by ") + _QUALIFIER_LENGTH + 1 + max(len(f) for f in FRACTIONS) + 8


def _fraction_matches(text: str) -> Iterator[re.Match]:
    """The matches of ``_FRACTION.finditer(text)``, found faster: the regex is tried only from a little before
    each word a fraction ends in, not at every character."""
    at = 0
    while (end_word := _FRACTION_END.search(text, at)) is not None:
        # Far enough after the word for the regex's look-aheads ("… of a million", "Half the hospitals").
        m = _FRACTION.search(text, max(at, end_word.start() - _FRACTION_REACH), end_word.end() + 48)
        if m is None or m.start() > end_word.end():  # that word ends no fraction: look again from the next one
            at = end_word.end()
            continue
        yield m
        at = m.end()


def find_fractions(text: str) -> list[NumberSpan]:
    """'nearly two-thirds of the dead' → 66.7 %, 'three quarters voted' → 75 %, 'fell by a fifth' → 20 %."""
    spans: list[NumberSpan] = []
    if not _FRACTION_END.search(text):
        return spans
    for m in _fraction_matches(text):
        word = next(g for g in ("f", "by", "the", "alone") if m.group(g))
        start = m.start("qual") if m.group("qual") else m.start(word)
        approx = QUALIFIERS.get(m.group("qual").lower()) if m.group("qual") else None
        value = FRACTIONS[re.sub(r"[\s-]+", " ", m.group(word).lower())]
        spans.append(NumberSpan(start, m.end(), text[start:m.end()], value, None, None, "%", approx, m.start(word)))
    return spans


_SMALL = "one|two|three|four|five|six|seven|eight|nine|ten"
# "one in four of the destroyed homes", "roughly two in five", "Nine out of ten", "three out of every four": a
# proportion, given as a share (%); the part a word, a 1 before "in" ("1 in 4 affected families") or digits before
# "out of" ("9 out of 10"): "killed 3 in 12 villages" is no share.
_PROPORTION = re.compile(rf"(?:\b(?P<qual>{_QUAL})\s+)?\b(?P<part>{_SMALL}|1(?= in )|\d{{1,2}}(?= out of )) "
                         r"(?:in|out of) (?:every )?"
                         rf"(?P<whole>{_SMALL}|\d{{1,3}}|a hundred)\b"
                         r"(?![.,]\d|\s*(?:%|per ?cent))", re.IGNORECASE)


def find_proportions(text: str) -> list[NumberSpan]:
    """'Less than one in four of the homes' → 25 %, 'roughly two in five' → 40 %."""
    spans = []
    for m in _PROPORTION.finditer(text):
        part, whole = _value(m.group("part"), ""), _value(m.group("whole"), "")
        if part is None or not whole or part >= whole:
            continue
        start = m.start("qual") if m.group("qual") else m.start("part")
        approx = QUALIFIERS.get(m.group("qual").lower()) if m.group("qual") else None
        spans.append(NumberSpan(start, m.end(), text[start:m.end()], 100 * part / whole, None, None, "%", approx,
                                m.start("part")))
    return spans


def _may_pair(prev: NumberSpan, span: NumberSpan) -> bool:
    """Two plain numbers, rising, in one unit: the two ends of a range if the words between say so."""
    return prev.low is None and span.low is None and prev.approx != "vague" and span.approx in (None, prev.approx) \
        and (_ends_in_a_number(prev) or _same_scale_word(prev, span)) and 0 < prev.value < span.value \
        and (prev.unit in (None, span.unit) or _signed_low_end(prev, span))


def _signed_low_end(prev: NumberSpan, span: NumberSpan) -> bool:
    """"fines of ERN 20,000 to 50,000": the currency written once, before the low end."""
    coded = re.fullmatch(r"[A-Z]{3}", prev.unit or "") is not None
    return span.unit is None and prev.start < prev.number_start and coded


_NUMBER_WORD_END = re.compile(rf"(?:\d|\b(?:{_WORD_NUM}|{'|'.join(_DENOMINATORS)})s?|\d\s?%)$", re.I)


def _ends_in_a_number(prev: NumberSpan) -> bool:
    """"8 to 10 million", "Fifteen to twenty", "between a third and a half", "5% to 7%": the low end is a number
    with no word of its own after it."""
    return bool(_NUMBER_WORD_END.search(prev.text))


_GLUED_SCALE = re.compile(r"\d([a-z]+\.?)$", re.I)


def _same_scale_word(prev: NumberSpan, span: NumberSpan) -> bool:
    """"between €230 million and €260 million", "between CVE 900 million and 1.2 billion": a scale word on
    both ends; "between $3m and $4m", "Rs 1.8bn to Rs 2.6bn": a scale glued to both."""
    last = prev.text.split()[-1].lower()
    if last in SCALES:
        return span.text.split()[-1].lower() in SCALES
    glued = _GLUED_SCALE.search(last)
    high = _GLUED_SCALE.search(span.text)
    return bool(glued and glued.group(1) in SCALES and high and high.group(1).lower() in SCALES)


# "rose from 60 to 120", "increased by 1,513, from 2,298 to 3,811", "a jump from 60 to 120": a change, two figures.
_CHANGE_WORD = (r"\b(?:ris|rose|fell|fall|increas|decreas|grew|grow|jump|climb|drop|cut|rais|lower|pass|"
                r"reduc|went|gone|go|up|down|chang|mov|revis|doubl|tripl|soar|slump|plung|surg|"
                r"declin|hik|boost|expand|shr[iau]nk|swell|swoll|lift|push|slash|trim|widen|"
                r"narrow|spik|leap|leapt|shot|sank|sunk)\w*\b")
# "raised the price of a 25 kg bag of breakfast mealie meal from K285 to K410" (blind80)
_CHANGE_BEFORE_FROM = re.compile(_CHANGE_WORD + r"[^.;:!?\n]{0,80}$", re.I)


def _worded_range(text: str, prev: NumberSpan, span: NumberSpan, low: float) -> bool:
    """'between 225 and 232', '30 to 35 tenge', 'between €230 million and €260 million', '8 to 10 million',
    'would take from 10 to 15 years'; not 'rose from 60 to 120' or 'by 20 to 300' (changes)."""
    between = text[prev.end:span.start if span.start < span.number_start and not span.approx else span.number_start]
    lead = text[max(0, prev.start - 9):prev.start].lower()
    if re.fullmatch(r"\s+and\s+", between):
        return lead.endswith("between ")
    if not re.fullmatch(r"\s+to\s+", between) or lead.endswith("by ") or span.value > 10 * low:
        return False
    clause = _clause_before(text, prev.start)
    return not lead.endswith("from ") or not (_CHANGE_BEFORE_FROM.search(clause) or _ANOTHER_CHANGE.search(clause))


# A change given just before in the sentence, and its change word: "the increase in the price of petrol from
# K2,530 to K3,210 per litre, and of diesel from …".
# "… from Tk 114 to Tk 139 a litre and octane from Tk 135 to Tk 158": a sign written apart (blind94).
_ANOTHER_CHANGE = re.compile(_CHANGE_WORD + r".*\bfrom\s+(?:[^\W\d]{1,4}\.?\s)?\S*\d[\d,.]*\S*\s+to\s+"
                             r"(?:[^\W\d]{1,4}\.?\s)?\S*\d", re.I | re.S)


def _clause_before(text: str, start: int) -> str:
    """Up to 160 characters before ``start``, from its sentence only: "the increase in the pump price of
    petrol from K2,530 to K3,210 per litre, and of diesel from K2,490 to K3,150" (two changes)."""
    before = text[max(0, start - 160):start]
    return re.split(r"[.!?]\s", before)[-1]


def _shared_scale(prev: NumberSpan, span: NumberSpan) -> float:
    """"between 40 and 55 million euros": the scale word of the high end is the low end's too."""
    scale = re.search(r"\b(thousand|million|billion|trillion|mln|bn)\b", span.text, re.I)
    factor = SCALES[scale.group(1).lower()] if scale else 1.0
    if re.search(r"[a-z]", prev.text.split()[-1], re.I) or prev.value * factor > span.value:
        return 1.0  # "40 million to 55 million": the low end has its own scale
    return factor


def _joined(text: str, prev: NumberSpan, span: NumberSpan) -> NumberSpan | None:
    """The two numbers as one range, or None when the words between make none."""
    spoken = _spoken_range(text, prev, span)
    low = prev.value * _shared_scale(prev, span)
    if not (spoken or _may_pair(prev, span) and _worded_range(text, prev, span, low)):
        return None
    return NumberSpan(prev.start, span.end, text[prev.start:span.end], (low + span.value) / 2, low, span.value,
                      span.unit or prev.unit, prev.approx or ("about" if spoken else None), prev.number_start)


def _join_worded_ranges(text: str, spans: list[NumberSpan]) -> list[NumberSpan]:
    """'between 225 and 232' and '30 to 35 tenge' are ranges; 'from 60 to 120' is a change, two figures;
    'forty, maybe fifty houses' is a spoken range, hedged."""
    out: list[NumberSpan] = []
    for span in spans:
        joined = _joined(text, out[-1], span) if out else None
        if joined is not None:
            out[-1] = joined
        else:
            out.append(span)
    return out


_SPOKEN_OR = re.compile(r",\s*(?:maybe|perhaps|possibly|or)\s+", re.I)


def _spoken_range(text: str, prev: NumberSpan, span: NumberSpan) -> bool:
    """"I'd say forty, maybe fifty houses", "something like 1,200, 1,300 people": a speaker's estimate given
    as two close numbers, the second after "maybe" or, when the first is hedged as a guess, after a bare comma
    (not a list: "12, 15 and 18"; not a bound: "kills at least nine, 17 missing")."""
    if prev.low is not None or span.low is not None or span.approx \
            or not 0 < prev.value < span.value <= 2 * prev.value or prev.unit not in (None, span.unit):
        return False
    between = text[prev.end:span.number_start]
    bare = between.strip() == "," and prev.approx == "about" \
        and not re.match(r"\s*(?:,|and\b|or\b)", text[span.end:span.end + 5])
    return bool(_SPOKEN_OR.fullmatch(between) or bare)


def _in_hundredths(span: NumberSpan, per_unit: float) -> NumberSpan:
    """A bare number sharing a sub-unit's currency is worth what the sub-unit is ("20" in "20 to 35 cents")."""
    if per_unit == 1.0:
        return span
    return replace(span, value=span.value * per_unit, low=span.low and span.low * per_unit,
                   high=span.high and span.high * per_unit)


def _with_unit(span: NumberSpan, unit: str | None) -> NumberSpan:
    return NumberSpan(span.start, span.end, span.text, span.value, span.low, span.high, unit, span.approx,
                      span.number_start)


def _share_units(text: str, spans: list[NumberSpan]) -> list[NumberSpan]:
    """'from 50-60 to 110-120 tenge': the first range is in tenge too; 'went from about 60 tenge to
    120': the 120 is in tenge too; 'from 35 to 55 piasters': 0.35 and 0.55 dinars."""
    out = list(spans)
    for i in range(len(out) - 2, -1, -1):
        here, after = out[i], out[i + 1]
        if here.unit is None and after.unit and re.fullmatch(r"\s*(?:to|and|or|-|–|,)\s*",
                                                              text[here.end:after.start], re.I):
            out[i] = _in_hundredths(_with_unit(here, after.unit), PER_UNIT.get(after.text.split()[-1].lower(), 1.0))
    for i in range(1, len(out)):
        if _unit_carried_forward(text, out[i - 1], out[i]) or _compared_price(text, out[i - 1], out[i]):
            out[i] = _with_unit(out[i], out[i - 1].unit)
    return out


# Not a bare "from": "from 120 to 300 bolívares, or from about 30 to 75 US cents" starts another currency's change.
_COMPARED_BARE = re.compile(r"(?:\bagainst|\bcompared\s+(?:with|to)|\b(?:up|down)\s+from)\s+$", re.I)


def _compared_price(text: str, before: NumberSpan, here: NumberSpan) -> bool:
    """"3,800 ariary on Friday, against 2,600 before the storm", "8,790 guaraníes a litre, compared with 7,290 last
    week", "gone up to 342 rupees from 283" (blind77): a bare amount set against money just named, in the same
    sentence and of a like size, is in its currency."""
    between = text[before.end:here.start]
    money = bool(before.unit and re.fullmatch(r"[A-Z]{3}", before.unit))
    set_against = _COMPARED_BARE.search(between) or (
        re.fullmatch(r"\s+from\s+", between) and re.search(r"\bto\s+$", text[max(0, before.start - 6):before.start]))
    return here.unit is None and money and len(between) <= 60 and not re.search(r"[.;\n]\s", between) \
        and bool(set_against) and 0.1 <= here.value / (before.value or 1) <= 10


def _unit_carried_forward(text: str, before: NumberSpan, here: NumberSpan) -> bool:
    return here.unit is None and before.unit not in (None, "%") and bool(re.fullmatch(
        r"\s*(?:(?:a|per)\s+\w+\s+)?to\s*", text[before.end:here.start], re.I)) and bool(
        re.search(r"\bfrom\s+(?:\S+\s+)?$", text[max(0, before.start - 20):before.start], re.I))

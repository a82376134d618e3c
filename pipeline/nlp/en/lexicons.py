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
FILES = (CLAIM_TYPES_FILE, ALIASES_FILE)
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

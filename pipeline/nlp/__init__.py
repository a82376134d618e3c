"""Facts from text: dates, figures (what they count, what happened, as of when, who says
so) and entities, by a spaCy model plus our own components.

All knowledge of a language sits behind one seam (``language.py``): a pack per language in
``pipeline/nlp/<code>/`` chosen by the source's declared language, else the language the
text is written in, else English.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from ..models import Analysis, DateMention, EntityMention, Figure, Sentence
from .language import DEFAULT, LexiconError, all_lexicons, choose, digest, pack
from .model import load_nlp

# Bump the release part when the rules change; the lexicons' content hash is added to it, so
# editing a lexicon alone also makes stored analyses of an older version be redone.
RULES_VERSION = "1.8.0"
EXTRACTOR_VERSION = f"{RULES_VERSION}+{digest(all_lexicons())}"

__all__ = ["EXTRACTOR_VERSION", "LexiconError", "analyse", "analyse_many", "choose", "load_nlp", "merge_canonicals"]


def _language(nlp: Language) -> str:
    return str(nlp.meta.get("pipeline_language", DEFAULT))


def _doc(nlp: Language, text: str, published: dt.date | None, publisher: str | None) -> Doc:
    doc = nlp.make_doc(text)
    doc._.published = published.isoformat() if published else None
    doc._.publisher = publisher
    doc._.language = _language(nlp)
    return doc


def _analysis(doc: Doc) -> Analysis:
    return Analysis(
        sentences=tuple(Sentence(s.start_char, s.end_char, s.text) for s in doc.sents),
        dates=tuple(DateMention(**d) for d in doc._.pipeline_dates or []),
        figures=tuple(Figure(**f) for f in doc._.pipeline_figures or []),
        entities=tuple(EntityMention(**e) for e in doc._.pipeline_entities or []),
    )


def analyse(nlp: Language, text: str, published: dt.date | None = None, publisher: str | None = None) -> Analysis:
    """The facts of one text; dates resolve against ``published``."""
    return _analysis(nlp(_doc(nlp, text, published, publisher)))


def analyse_many(nlp: Language, items: Iterable[tuple[str, dt.date | None, str | None]], n_process: int = 1,
                 batch_size: int | None = None) -> Iterator[Analysis]:
    """Analyses in input order, streamed; ``n_process`` > 1 spreads the work over processes.

    Batches are small when several processes share the work: a news article is long, and
    batches of 32 left one process idle while the other finished the last batch.
    """
    batch_size = batch_size or (4 if n_process > 1 else 32)
    docs = (_doc(nlp, text, published, publisher) for text, published, publisher in items)
    for doc in nlp.pipe(docs, n_process=n_process, batch_size=batch_size):
        yield _analysis(doc)


def merge_canonicals(entities: Iterable[tuple[str, str]], language: str = DEFAULT) -> dict[tuple[str, str], str]:
    """Across documents: the names of one entity under one canonical name (the language's rules)."""
    return pack(language).merge_canonicals(entities)

"""Facts from text: dates, figures (what they count, what happened, as of when, who says
so) and entities, by spaCy's small English model plus our own components."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from ..models import Analysis, DateMention, EntityMention, Figure, Sentence
from .entities import merge_canonicals
from .keys import fill_keys
from .model import load_nlp

# Bump when extraction output changes: stored analyses of an older version are redone.
EXTRACTOR_VERSION = "1.8.0"

__all__ = ["EXTRACTOR_VERSION", "analyse", "analyse_many", "load_nlp", "merge_canonicals"]


def _doc(nlp: Language, text: str, published: dt.date | None, publisher: str | None) -> Doc:
    doc = nlp.make_doc(text)
    doc._.published = published.isoformat() if published else None
    doc._.publisher = publisher
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
    return fill_keys(_analysis(nlp(_doc(nlp, text, published, publisher))), published)


def analyse_many(nlp: Language, items: Iterable[tuple[str, dt.date | None, str | None]], n_process: int = 1,
                 batch_size: int | None = None) -> Iterator[Analysis]:
    """Analyses in input order, streamed; ``n_process`` > 1 spreads the work over processes.

    Batches are small when several processes share the work: a news article is long, and
    batches of 32 left one process idle while the other finished the last batch.
    """
    batch_size = batch_size or (4 if n_process > 1 else 32)
    docs = (_doc(nlp, text, published, publisher) for text, published, publisher in items)
    for doc in nlp.pipe(docs, n_process=n_process, batch_size=batch_size):
        yield fill_keys(_analysis(doc), dt.date.fromisoformat(doc._.published) if doc._.published else None)

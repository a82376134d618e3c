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
from .keys import LEXICON as KEYS_LEXICON
from .keys import fill_keys
from .language import DEFAULT, LexiconError, all_lexicons, all_model_files, choose, digest, pack
from .layout import doc_cache
from .model import load_nlp
from .workers import workers_die_with_parent

# Bump the release part when the rules change; the lexicons' content hash is added to it, so
# editing a lexicon alone also makes stored analyses of an older version be redone.
RULES_VERSION = "1.133.2"
# keys.py reads lexicon/groups.yaml, and the packs ship trained weights: their content is part of the version too.
EXTRACTOR_VERSION = f"{RULES_VERSION}+{digest([*all_lexicons(), *all_model_files(), KEYS_LEXICON])}"

__all__ = ["EXTRACTOR_VERSION", "LexiconError", "analyse", "analyse_many", "choose", "load_nlp", "merge_canonicals"]


def _language(nlp: Language) -> str:
    return str(nlp.meta.get("pipeline_language", DEFAULT))


# What ``analyse_many`` takes: (text, published, publisher) or (text, published, publisher, title).
Item = tuple[str, dt.date | None, str | None] | tuple[str, dt.date | None, str | None, str | None]
_HEADLINE_GAP = "\n\n"


def _headed(text: str, title: str | None) -> tuple[str, int]:
    """The text with its headline before it (unless it already opens with it), and the headline's length
    with the gap: a headline's figures are found like the body's."""
    title = " ".join((title or "").split())
    if not title or text.lstrip().casefold().startswith(title.casefold()):
        return text, 0
    return title + _HEADLINE_GAP + text, len(title) + len(_HEADLINE_GAP)


def _doc(nlp: Language, item: Item) -> Doc:
    text, published, publisher = item[:3]
    title = item[3] if len(item) > 3 else None  # type: ignore[misc]
    headed, head = _headed(text, title)
    doc = nlp.make_doc(headed)
    doc_cache(doc)["text"] = headed  # what ``doc.text`` would join again from every token: the tokenizer keeps it whole
    body = next((t for t in doc if t.idx >= head), None) if head else None
    if body is not None:
        body.is_sent_start = True  # the parser keeps a boundary set before it: the headline is its own sentence
    doc._.published = published.isoformat() if published else None
    doc._.publisher = publisher
    doc._.language = _language(nlp)
    doc._.headline_length = head
    return doc


def _figure(f: dict, head: int) -> Figure:
    """A figure of the headline keeps offsets in the headline (part "headline"); the body's are shifted
    back onto the text as stored."""
    if f["start"] < head:
        return Figure(**{**f, "part": "headline", "sentence": (f["sentence"] or "").strip()})
    return Figure(**{**f, "start": f["start"] - head, "end": f["end"] - head,
                     "sentence_start": (f["sentence_start"] or 0) - head if f["sentence_start"] is not None else None})


def _analysis(doc: Doc) -> Analysis:
    head = doc._.headline_length or 0

    def shifted(items: list[dict] | None, cls: type) -> tuple:
        return tuple(cls(**{**d, "start": d["start"] - head, "end": d["end"] - head}) for d in items or []
                     if d["start"] >= head)

    return Analysis(
        sentences=tuple(Sentence(s.start_char - head, s.end_char - head, s.text) for s in doc.sents
                        if s.start_char >= head),
        dates=shifted(doc._.pipeline_dates, DateMention),
        figures=tuple(_figure(f, head) for f in doc._.pipeline_figures or []),
        entities=shifted(doc._.pipeline_entities, EntityMention),
    )


def analyse(nlp: Language, text: str, published: dt.date | None = None, publisher: str | None = None,
            title: str | None = None) -> Analysis:
    """The facts of one text; dates resolve against ``published``. A ``title`` not already at the top of
    the text is analysed too: its figures come with ``part="headline"`` and offsets in the title."""
    return fill_keys(_analysis(nlp(_doc(nlp, (text, published, publisher, title)))), published)


def analyse_many(nlp: Language, items: Iterable[Item], n_process: int = 1,
                 batch_size: int | None = None) -> Iterator[Analysis]:
    """Analyses in input order, streamed; ``n_process`` > 1 spreads the work over processes.

    Batches are small when several processes share the work: a news article is long, and
    batches of 32 left one process idle while the other finished the last batch.
    """
    batch_size = batch_size or (4 if n_process > 1 else 32)
    docs = (_doc(nlp, item) for item in items)
    with workers_die_with_parent():
        for doc in nlp.pipe(docs, n_process=n_process, batch_size=batch_size):
            yield fill_keys(_analysis(doc), dt.date.fromisoformat(doc._.published) if doc._.published else None)


def merge_canonicals(entities: Iterable[tuple[str, str]], language: str = DEFAULT) -> dict[tuple[str, str], str]:
    """Across documents: the names of one entity under one canonical name (the language's rules)."""
    return pack(language).merge_canonicals(entities)

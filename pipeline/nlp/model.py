"""A language's spaCy model with our components added, loaded once per process and language.

The components are the same for every language: each asks the document's language pack
(``doc._.language``) for its dates, entities and figures.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import importlib

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ModelNotFound
from ..models import DateMention, EntityMention, Figure
from .attribute_rules import supported
from .language import DEFAULT, LanguagePack, pack
from .layout import doc_text, forget_caches, pipeline_line_starts, pipeline_list_markers, split_note_marks
from .lemmas import tabled

COMPONENTS = ("pipeline_dates", "pipeline_entities", "pipeline_figures", "pipeline_claim_model")

# Results are stored as plain dicts: Docs cross process boundaries as msgpack.
for _name in ("published", "publisher", "language", "headline_length", *COMPONENTS):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def as_dict(fact: DateMention | EntityMention | Figure) -> dict[str, object]:
    """The fact's fields as a dict: every field is a scalar, so a flat copy equals
    ``dataclasses.asdict``, which deep-copies each value and costs ~7× more per mention."""
    return {f.name: getattr(fact, f.name) for f in dataclasses.fields(fact)}


def _published(doc: Doc) -> dt.date | None:
    return dt.date.fromisoformat(doc._.published) if doc._.published else None


def _pack(doc: Doc) -> LanguagePack:
    return pack(doc._.language or DEFAULT)


@Language.component("pipeline_dates", assigns=["doc._.pipeline_dates"])
def pipeline_dates(doc: Doc) -> Doc:
    doc._.pipeline_dates = [as_dict(d) for d in _pack(doc).find_dates(doc_text(doc), _published(doc))]
    return doc


@Language.component("pipeline_entities", requires=["doc.ents"], assigns=["doc._.pipeline_entities"])
def pipeline_entities(doc: Doc) -> Doc:
    doc._.pipeline_entities = [as_dict(e) for e in _pack(doc).find_entities(doc)]
    return doc


@Language.component("pipeline_figures", requires=["doc._.pipeline_dates", "doc._.pipeline_entities"],
                    assigns=["doc._.pipeline_figures"])
def pipeline_figures(doc: Doc) -> Doc:
    dates = [DateMention(**d) for d in doc._.pipeline_dates or []]
    entities = [EntityMention(**e) for e in doc._.pipeline_entities or []]
    figures = _pack(doc).find_figures(doc, dates, entities, doc._.published, doc._.publisher)
    doc._.pipeline_figures = [as_dict(f) for f in figures]
    return doc


@Language.component("pipeline_claim_model", requires=["doc._.pipeline_figures"], assigns=["doc._.pipeline_figures"])
def pipeline_claim_model(doc: Doc) -> Doc:
    """The language's trained second opinion on the figures' claim types (a separate component, so that
    training can run the rules alone: ``nlp.select_pipes(disable=["pipeline_claim_model"])``)."""
    figures = [Figure(**f) for f in doc._.pipeline_figures or []]
    doc._.pipeline_figures = [as_dict(f) for f in _pack(doc).revise_figures(doc, figures)]
    return doc


@Language.component("pipeline_drop_tensor")
def pipeline_drop_tensor(doc: Doc) -> Doc:
    """Drop the token vectors once every component has run: nothing reads them later, and
    without them a Doc sent back from a worker process is several times smaller."""
    doc.tensor = numpy.empty((0,), dtype="float32")
    forget_caches(doc)
    return doc


# Registered by importing them: the parser is told the sentence starts the layout gives (layout.py).
LAYOUT_COMPONENTS = (pipeline_line_starts, pipeline_list_markers)


def _add_layout(nlp: Language) -> None:
    """Footnote marks split off words; the layout's sentence starts before the parser, its list markers
    mended after it."""
    split_note_marks(nlp.tokenizer)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("pipeline_line_starts", before="parser")
        nlp.add_pipe("pipeline_list_markers", after="parser")


def _tabled_pipes(nlp: Language) -> None:
    """The model's attribute rules and lemmas by table look-up (same result, a fraction of the time): see
    attribute_rules and lemmas."""
    if "attribute_ruler" in nlp.pipe_names and supported(nlp.get_pipe("attribute_ruler")):  # type: ignore[arg-type]
        nlp.add_pipe("pipeline_attribute_rules", before="attribute_ruler")
        nlp.remove_pipe("attribute_ruler")
    if "lemmatizer" in nlp.pipe_names and tabled(nlp.get_pipe("lemmatizer")):
        nlp.add_pipe("pipeline_lemmas", before="lemmatizer")
        nlp.remove_pipe("lemmatizer")


def load_nlp(language: str = DEFAULT) -> Language:
    """The language's model (the first of its packages installed) with our components, once per process."""
    return _load(language)


@functools.lru_cache(maxsize=None)
def _load(language: str) -> Language:
    chosen = pack(language)
    for package in chosen.model_packages:
        try:
            module = importlib.import_module(package)
        except ImportError:
            continue
        nlp = module.load()
        nlp.meta["pipeline_language"] = chosen.code
        _add_layout(nlp)
        _tabled_pipes(nlp)
        for name in (*COMPONENTS, "pipeline_drop_tensor"):
            nlp.add_pipe(name, last=True)
        return nlp
    raise ModelNotFound(f"no spaCy model for language {chosen.code!r} is installed: {chosen.install_hint}")

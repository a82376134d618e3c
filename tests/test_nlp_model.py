"""The model components hand on each fact as a plain dict of its fields, and a Doc that leaves the
pipeline carries nothing a worker process could not send back."""

from __future__ import annotations

import dataclasses
import datetime as dt

from pipeline.nlp import analyse_many, load_nlp
from pipeline.nlp.language import pack
from pipeline.nlp.model import as_dict

TEXT = ("ALMATY, Jan 7 (Test Wire) - President Kassym-Jomart Tokayev said on Friday that 164 people, "
        "including about 2,000 police officers, had been killed or injured in Almaty since January 5. "
        "Some 5,800 people were detained, the Interior Ministry said on Saturday.")


def test_fact_dicts_equal_dataclasses_asdict_for_every_kind_of_fact() -> None:
    nlp = load_nlp()
    language = nlp.meta["pipeline_language"]
    chosen = pack(language)
    doc = nlp(TEXT)
    dates = chosen.find_dates(TEXT, dt.date(2022, 1, 8))
    entities = chosen.find_entities(doc)
    figures = chosen.find_figures(doc, list(dates), list(entities), "2022-01-08", "Test Wire")
    for facts in (dates, entities, figures):
        assert facts, "the text must give facts of every kind for the comparison to mean anything"
        assert [as_dict(f) for f in facts] == [dataclasses.asdict(f) for f in facts]
        assert all(type(v) in (str, int, float, bool, type(None)) for f in facts for v in as_dict(f).values())


def test_analyses_on_two_processes_equal_those_on_one() -> None:
    # The claim rules keep each sentence's context and speaker on the Doc; before they were dropped with
    # the rest of our per-Doc caches, a worker could not serialize the Doc and `--processes 2` failed.
    nlp = load_nlp()
    items = [(TEXT, dt.date(2022, 1, 8), "Test Wire", None),
             ("Rescuers pulled 14 survivors from the rubble, and 9 people remain missing.", None, None, "Nine missing")]
    one = list(analyse_many(nlp, items))
    two = list(analyse_many(nlp, items, n_process=2, batch_size=1))
    assert any(f.claim_type != "other" for f in one[0].figures)
    assert two == one

"""The model components hand on each fact as a plain dict of its fields, and a Doc that leaves the
pipeline carries nothing a worker process could not send back."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
import sys
import time

import psutil

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


_ANALYSE_FOREVER = """
import itertools, os, sys
from pipeline.nlp import analyse_many, load_nlp
nlp = load_nlp()
text = "Rescuers pulled 14 survivors from the rubble, and 9 people remain missing. " * 40
print(os.getpid(), flush=True)
for _ in analyse_many(nlp, ((text, None, None, None) for _ in itertools.count()), n_process=2):
    pass
"""


def test_worker_processes_die_when_the_run_that_started_them_is_killed() -> None:
    # Before the guard, a `kill -9` of a run with --processes 2 left both workers waiting on their queues
    # for ever, each holding a model in memory.
    run = subprocess.Popen([sys.executable, "-c", _ANALYSE_FOREVER], stdout=subprocess.PIPE, text=True)
    try:
        parent = psutil.Process(int(run.stdout.readline()))
        deadline = time.monotonic() + 60
        while len(parent.children()) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        workers = parent.children()
        assert len(workers) >= 2, "the analysis never started its worker processes"
    finally:
        run.kill()
        run.wait()
    gone, alive = psutil.wait_procs(workers, timeout=10)
    for worker in alive:
        worker.kill()
    assert not alive

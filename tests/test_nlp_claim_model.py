"""The trained claim classifier (pipeline/nlp/en/claim_model.py) and its training script."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
import yaml

import pipeline
from pipeline.models import CLAIM_TYPES
from pipeline.nlp import analyse, load_nlp
from pipeline.nlp.en import claim_model, train_claims

# Sentences written for these tests, in no gold set: the rules find the group but no word they know
# says what happened to it.
UNACCOUNTED = "Another 20 prisoners are unaccounted for after the riot."
REPAIRS = "Repairs to the bridge are estimated at 4 million pesos."


def test_the_shipped_model_loads_from_inside_the_package() -> None:
    model = claim_model.classifier()
    assert model is not None
    assert claim_model.MODEL_DIR.is_relative_to(Path(pipeline.__file__).parent)
    assert set(model.get_pipe("textcat").labels) == set(CLAIM_TYPES)
    assert 0.4 <= model.meta["pipeline_threshold"] <= 1.0
    assert sum(p.stat().st_size for p in claim_model.model_files()) < 5_000_000


@pytest.mark.parametrize(("sentence", "figure", "claim"), [(UNACCOUNTED, "20", "missing"),
                                                           (REPAIRS, "4 million pesos", "damage")])
def test_the_model_types_a_figure_the_rules_leave_other(sentence: str, figure: str, claim: str) -> None:
    """The model's own answer (at 0.5: these invented sentences are scored 0.74-0.77, under the shipped
    threshold of 0.8 that leave-one-set-out chose over every gold set; see train_claims.py)."""
    nlp = load_nlp()
    with nlp.select_pipes(disable=["pipeline_claim_model"]):
        analysis = analyse(nlp, sentence)
    assert {f.text: f.claim_type for f in analysis.figures}[figure] == "other"
    sentences = [(s.start, s.end) for s in analysis.sentences]
    retyped = claim_model.retype(sentence, sentences, list(analysis.figures), threshold=0.5)
    assert {f.text: f.claim_type for f in retyped}[figure] == claim


def test_the_model_leaves_what_the_rules_typed_and_durations_alone() -> None:
    nlp = load_nlp()
    typed = analyse(nlp, "Police said 40 people were injured; the curfew lasted 12 days.").figures
    assert [(f.text, f.claim_type) for f in typed] == [("40", "injured"), ("12", "other")]


def test_above_the_threshold_only(monkeypatch) -> None:
    nlp = load_nlp()
    with nlp.select_pipes(disable=["pipeline_claim_model"]):
        analysis = analyse(nlp, UNACCOUNTED)
    sentences = [(s.start, s.end) for s in analysis.sentences]
    figures = list(analysis.figures)
    assert claim_model.retype(UNACCOUNTED, sentences, figures, threshold=1.01) == figures
    assert claim_model.retype(UNACCOUNTED, sentences, figures, threshold=0.0)[0].claim_type == "missing"


def _tiny_gold(folder: Path) -> None:
    for name, text, figures in (
        ("a", "Rescuers said 30 villagers were still unaccounted for.", [{"text": "30", "value": 30, "claim_type": "missing"}]),
        ("b", "The bakery sold 200 loaves on Monday.", [{"text": "200", "value": 200, "claim_type": "other"}]),
    ):
        (folder / name).mkdir()
        (folder / name / "doc.txt").write_text(text, encoding="utf-8")
        (folder / name / "doc.yaml").write_text(yaml.safe_dump({"document": "doc.txt", "figures": figures}))


def test_the_training_script_runs_on_a_tiny_sample_and_writes_a_loadable_model(tmp_path: Path) -> None:
    (tmp_path / "gold").mkdir()
    _tiny_gold(tmp_path / "gold")
    docs = train_claims.read_set_docs(tmp_path / "gold")
    assert sorted(d.set for d in docs) == ["a", "b"]
    data = [pair for d in docs for pair in train_claims.examples(d)]
    assert [label for _, label in data] == ["missing", "other"]
    table = train_claims.cross_validate(docs)
    assert set(table) == {"a", "b"} and all(train_claims.OFF in row for row in table.values())
    model = train_claims.train(data, epochs=20)
    train_claims.save(model, tmp_path / "model", 0.5, docs)
    loaded = spacy.load(tmp_path / "model")
    assert loaded.meta["pipeline_threshold"] == 0.5
    cats = loaded(data[0][0]).cats
    assert max(cats, key=lambda c: cats[c]) == "missing"


def test_training_is_deterministic() -> None:
    data = [("NUMFIG people were killed", "killed"), ("NUMFIG tenge a litre", "price"), ("NUMFIG loaves", "other")]
    first, second = train_claims.train(data, epochs=3), train_claims.train(data, epochs=3)
    assert first.get_pipe("textcat").model.to_bytes() == second.get_pipe("textcat").model.to_bytes()

"""The extractor against hand-made gold files. Floors only ever rise."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pipeline.evaluate import evaluate, gold_files, score_document
from pipeline.models import Analysis, Figure

GOLD = Path(__file__).resolve().parent / "gold"


@pytest.fixture(scope="module")
def result() -> dict:
    return evaluate(GOLD)


def test_every_gold_document_can_be_read(result: dict) -> None:
    assert result["errors"] == []


def test_statement_figures_floor(result: dict) -> None:
    figures = result["documents"]["statement.yaml"]["figures"]
    assert figures["recall"] >= 0.95, figures["misses"]
    assert figures["precision"] >= 0.90, figures["misses"]


def test_statement_claim_type_and_counted_head_floor(result: dict) -> None:
    claims = result["documents"]["statement.yaml"]["claims"]
    assert claims["recall"] >= 0.85, claims["misses"]


def test_statement_dates_floor(result: dict) -> None:
    dates = result["documents"]["statement.yaml"]["dates"]
    assert dates["recall"] >= 0.95 and dates["precision"] >= 0.95, dates["misses"]


def test_statement_merges_every_spelling_of_tokayev_pashinyan_and_the_csto(result: dict) -> None:
    entities = result["documents"]["statement.yaml"]["entities"]
    assert entities["recall"] == 1.0, entities["misses"]


def test_all_gold_documents_together_floor(result: dict) -> None:
    """The statement and every demo page together (floors raised to what was measured; never lower them)."""
    total = result["total"]
    assert total["figures"]["recall"] >= 0.95 and total["figures"]["precision"] >= 0.95, total["figures"]["misses"]
    assert total["claims"]["recall"] >= 0.95, total["claims"]["misses"]
    assert total["dates"]["recall"] >= 0.95 and total["dates"]["precision"] >= 0.95, total["dates"]["misses"]
    assert total["entities"]["recall"] >= 0.95, total["entities"]["misses"]


def test_every_demo_page_has_gold(result: dict) -> None:
    from pipeline.demo import demo_urls, page_file

    documents = {name.split("/")[-1].removesuffix(".yaml") for name in result["documents"]}
    assert {page_file(url).stem for url in demo_urls()} <= documents


def test_gold_files_skip_yaml_of_other_formats(tmp_path: Path) -> None:
    (tmp_path / "events.yaml").write_text("events: []\n")
    (tmp_path / "doc.yaml").write_text("document: shared:x.txt\n")
    assert [p.name for p in gold_files(tmp_path)] == ["doc.yaml"]


def test_scoring_counts_a_wrong_value_as_a_miss_and_an_extra_figure_against_precision() -> None:
    text = "Police detained 3.811 people and 26 were killed on 7 January."
    gold = yaml.safe_load("figures: [{text: '3.811', value: 3811}, {text: '26', value: 26, claim_type: killed}]")
    analysis = Analysis(figures=(
        Figure(text="3.811", start=16, end=21, value=3.811),
        Figure(text="26", start=33, end=35, value=26, claim_type="killed"),
        Figure(text="7", start=51, end=52, value=7),
    ))
    scores = score_document(gold, text, analysis)
    assert (scores["figures"].right, scores["figures"].gold, scores["figures"].predicted) == (1, 2, 3)
    assert (scores["claims"].right, scores["claims"].gold) == (1, 1)

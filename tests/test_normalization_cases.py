"""Number and date normalisation on one-sentence cases written blind (tests/data/normalization_cases.yaml).

Floors per kind only rise; the first blind score is in tests/data/normalization_cases.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.evaluate_cases import CaseScore, evaluate_cases

CASES = Path(__file__).parent / "data" / "normalization_cases.yaml"

# First blind score (extractor 1.18.0, 2026-11-30): number 0.92, decimal 0.73, fraction 0.63,
# range 0.62, money 0.57, quantity 0.42, date 0.83, date_range 0.48, relative_date 0.81; all 0.67.
FLOORS = {"number": 0.92, "decimal": 0.72, "fraction": 0.62, "range": 0.61, "money": 0.57, "quantity": 0.41,
          "date": 0.83, "date_range": 0.48, "relative_date": 0.80, None: 0.66}


@pytest.fixture(scope="module")
def score() -> CaseScore:
    return evaluate_cases(CASES)


@pytest.mark.parametrize("kind", list(FLOORS))
def test_normalisation_recall_floor(score: CaseScore, kind: str | None) -> None:
    assert score.recall(kind) >= FLOORS[kind], [m for m in score.misses if kind is None or f"({kind})" in m]

"""The one-sentence normalisation scorer: right values count, wrong or missing ones are misses."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from pipeline.evaluate import main
from pipeline.evaluate_cases import evaluate_cases

CASES = """
- {id: n1, kind: number, published: 2024-03-14, span: "1,200",
   sentence: "Rescuers said 1,200 families had been moved to schools."}
- {id: n2, kind: number, published: 2024-03-14, span: "1,200", value: 1300,
   sentence: "Rescuers said 1,200 people had been moved to schools."}
- {id: d1, kind: date, published: 2024-03-14, span: "April 3, 1987", value: "1987-04-03",
   sentence: "The bridge was closed on April 3, 1987, after the flood."}
- {id: d2, kind: date, published: 2024-03-14, span: "nowhere", value: "1987-04-03",
   sentence: "The bridge was closed after the flood."}
"""


def test_a_case_is_right_only_with_the_expected_value_and_each_kind_has_its_recall(tmp_path: Path) -> None:
    path = tmp_path / "cases.yaml"
    path.write_text(CASES.replace('span: "1,200",\n', 'span: "1,200", value: 1200,\n', 1), encoding="utf-8")
    score = evaluate_cases(path)
    assert (score.right["number"], score.total["number"]) == (1, 2)
    assert (score.right["date"], score.total["date"]) == (1, 2)
    assert score.recall() == 0.5
    assert any(m.startswith("n2 ") and "1200" in m for m in score.misses)
    assert any(m.startswith("d2 ") and "not in the sentence" in m for m in score.misses)


def test_the_command_prints_recall_per_kind_and_lists_misses_when_verbose(tmp_path: Path) -> None:
    path = tmp_path / "cases.yaml"
    path.write_text(CASES.replace('span: "1,200",\n', 'span: "1,200", value: 1200,\n', 1), encoding="utf-8")
    result = CliRunner().invoke(main, ["--cases", str(path), "--verbose"])
    assert result.exit_code == 0, result.output
    assert "number            1 /    2  recall 0.50" in result.output
    assert "TOTAL             2 /    4  recall 0.50" in result.output
    assert "n2 (number)" in result.output

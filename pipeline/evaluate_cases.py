"""Score number and date normalisation on single-sentence cases.

A cases file is a YAML list; each case is one sentence with one expression to normalise::

    - id: num-words-01
      kind: number        # number fraction decimal range money quantity | date date_range relative_date
      published: 2024-03-14
      sentence: "Officials counted twenty-three thousand four hundred fifty-one spoiled ballots."
      span: "twenty-three thousand four hundred fifty-one"
      value: 23451         # ranges: low, high (value the midpoint); money: unit (ISO code);
                           # dates: value (and value_end) in ISO, cut to the precision written

A case is right when a figure (or, for the date kinds, a date) overlapping ``span`` has the
expected values, judged as gold files judge them (``pipeline.evaluate``), except that a
quantity's unit word is not compared (the extractor keeps units as written), and an open range
written with one end ("up to 40": ``high: 40``; "at least 15": ``low: 15``) is right as the
extractor states it, the number with its qualifier ("up to", "at least"). Recall per kind:

    python -m pipeline.evaluate --cases FILE [--verbose]
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .evaluate import _date_right, _figure_right
from .nlp import analyse, load_nlp

DATE_KINDS = frozenset({"date", "date_range", "relative_date"})
# An open range is a number with a qualifier here ("as many as 300" → 300, up to): the end it names.
OPEN_RANGE = {"high": ("up to", "almost"), "low": ("at least", "over")}


@dataclass
class CaseScore:
    right: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def recall(self, kind: str | None = None) -> float:
        right = self.right[kind] if kind else sum(self.right.values())
        total = self.total[kind] if kind else sum(self.total.values())
        return right / total if total else 0.0


def _published(case: dict[str, Any]) -> dt.date | None:
    value = case.get("published")
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value) if value else None


def _expected(case: dict[str, Any]) -> dict[str, Any]:
    """The gold-file item the case stands for (a quantity's unit word is not compared)."""
    keys = ("value", "value_end") if case["kind"] in DATE_KINDS else ("value", "low", "high", "unit")
    item = {key: case[key] for key in keys if key in case}
    if case["kind"] == "quantity":
        item.pop("unit", None)
    return item


def judge(nlp: Any, case: dict[str, Any]) -> str | None:
    """None when the case is right, else what was found instead."""
    sentence, span = case["sentence"], case["span"]
    start = sentence.find(span)
    if start < 0:
        return f"span {span!r} is not in the sentence"
    end = start + len(span)
    analysis = analyse(nlp, sentence, _published(case), None)
    dated = case["kind"] in DATE_KINDS
    found = [p for p in (analysis.dates if dated else analysis.figures) if p.start < end and start < p.end]
    right = _date_right if dated else _figure_right
    if any(right(_expected(case), p) or _open_range_right(case, p) for p in found):
        return None
    if not found:
        return "nothing found"
    return "; ".join(f"{p.text!r} → {_shown(p, dated)}" for p in found)


def _open_range_right(case: dict[str, Any], p: Any) -> bool:
    """"Up to 40" given as 40 with the qualifier "up to" states the range's one end."""
    ends = [end for end in OPEN_RANGE if end in case]
    if case["kind"] in DATE_KINDS or len(ends) != 1:
        return False
    item = {"value": case[ends[0]], **({"unit": case["unit"]} if "unit" in case else {})}
    return p.approx in OPEN_RANGE[ends[0]] and _figure_right(item, p)


def _shown(p: Any, dated: bool) -> str:
    if dated:
        return f"{p.value}..{p.value_end}" if p.value_end else str(p.value)
    return f"{p.value} [{p.low}, {p.high}] {p.unit or ''}".strip()


def evaluate_cases(path: Path) -> CaseScore:
    cases = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    nlp = load_nlp()
    score = CaseScore()
    for case in cases:
        kind = case["kind"]
        score.total[kind] += 1
        miss = judge(nlp, case)
        if miss is None:
            score.right[kind] += 1
        else:
            score.misses.append(f"{case.get('id', '?')} ({kind}) {case['span']!r}: {miss}")
    return score


def report(score: CaseScore, verbose: bool) -> list[str]:
    lines = [f"{kind:14} {score.right[kind]:4} / {score.total[kind]:4}  recall {score.recall(kind):.2f}"
             for kind in sorted(score.total)]
    lines.append(f"{'TOTAL':14} {sum(score.right.values()):4} / {sum(score.total.values()):4}"
                 f"  recall {score.recall():.2f}")
    if verbose:
        lines += [f"    {miss}" for miss in score.misses]
    return lines

"""Dated happenings: "the government resigned on January 5", as each sentence dates it.

A sentence that holds a dated mention and a pattern from ``lexicon/happenings.yaml``
gives one happening per action. When the sentence gives a span ("a state of emergency
from January 5 to January 19"), the start dates the declaration and the end dates its
end.
"""

from __future__ import annotations

import bisect
import functools
import re
from pathlib import Path

import yaml

from .models import Analysis, DateMention, Happening

LEXICON = Path(__file__).resolve().parent / "lexicon" / "happenings.yaml"
_ENDS = {"emergency_ends", "troops_withdrawn"}


@functools.lru_cache(maxsize=1)
def load_actions() -> dict[str, tuple[str, list[re.Pattern]]]:
    data = yaml.safe_load(LEXICON.read_text(encoding="utf-8"))
    return {action: (spec["label"], [re.compile(p, re.IGNORECASE) for p in spec["patterns"]])
            for action, spec in data.items()}


def find_happenings(analysis: Analysis, text: str) -> tuple[Happening, ...]:
    starts = [s.start for s in analysis.sentences]
    dates_by_sentence: dict[int, list[DateMention]] = {}
    for date in analysis.dates:
        if date.value and starts:
            index = max(0, bisect.bisect_right(starts, date.start) - 1)
            dates_by_sentence.setdefault(index, []).append(date)
    entities_by_sentence: dict[int, list[str]] = {}
    for mention in analysis.entities:
        if mention.label in ("PERSON", "ORG", "NORP", "GPE") and starts:
            index = max(0, bisect.bisect_right(starts, mention.start) - 1)
            entities_by_sentence.setdefault(index, []).append(mention.canonical)
    found = []
    for index, dates in sorted(dates_by_sentence.items()):
        sentence = analysis.sentences[index]
        for action, (label, patterns) in load_actions().items():
            if not any(p.search(sentence.text) for p in patterns):
                continue
            date = _pick(action, dates)
            if date is None:
                continue
            value = date.value_end if action in _ENDS and date.value_end else date.value
            found.append(Happening(
                action=action, label=label, date=value,
                date_end=None if action in _ENDS else date.value_end, date_text=date.text,
                start=date.start, end=date.end, sentence=sentence.text, sentence_start=sentence.start,
                actors=tuple(dict.fromkeys(entities_by_sentence.get(index, ()))),
            ))
    return tuple(found)


def _pick(action: str, dates: list[DateMention]) -> DateMention | None:
    """The date mention that dates this action in its sentence."""
    dated = [d for d in dates if d.value]
    if not dated:
        return None
    if action in _ENDS:
        spans = [d for d in dated if d.value_end]
        return spans[0] if spans else dated[-1]
    # The most precise date wins ("on January 5" over "in 2022").
    order = {"day": 0, "month": 1, "year": 2}
    return min(dated, key=lambda d: (order.get(d.precision or "day", 3), d.start))

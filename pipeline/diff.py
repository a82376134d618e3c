"""What changed between two versions of a page: the text diff and the fact diff.

Figures are matched by what they count (claim type, counted head, unit, scope), so a
revised toll reads as one change, ``killed: 164 → 225``, not as one removal and one
addition. Dates are compared as sets of normalised values.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass

from .models import DateMention, Figure


@dataclass(frozen=True)
class FactChange:
    kind: str  # figure | date
    change: str  # added | removed | changed
    claim_type: str | None
    counted: str | None
    old_value: float | str | None
    new_value: float | str | None
    old_text: str | None
    new_text: str | None
    as_of: str | None

    def summary(self) -> str:
        what = self.claim_type or self.kind
        if self.change == "changed":
            return f"{what}: {_show(self.old_value)} → {_show(self.new_value)}"
        value = self.new_value if self.change == "added" else self.old_value
        return f"{what}: {self.change} {_show(value)}"


def _show(value) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def text_diff(old: str, new: str, context: int = 1) -> str:
    """A unified diff of two texts, paragraph by paragraph."""
    return "\n".join(difflib.unified_diff(old.split("\n"), new.split("\n"), "before", "after", n=context,
                                          lineterm=""))


def _figure_key(f: Figure) -> tuple:
    return (f.claim_type, (f.counted_head or "").lower(), f.unit, f.scope)


def figure_changes(old: list[Figure], new: list[Figure]) -> list[FactChange]:
    olds, news = defaultdict(list), defaultdict(list)
    for f in old:
        olds[_figure_key(f)].append(f)
    for f in new:
        news[_figure_key(f)].append(f)
    changes = []
    for key in sorted(set(olds) | set(news), key=lambda k: tuple(str(x) for x in k)):
        before = sorted(olds.get(key, []), key=lambda f: (f.value or 0))
        after = sorted(news.get(key, []), key=lambda f: (f.value or 0))
        before_values = [f.value for f in before]
        after_values = [f.value for f in after]
        # Values present on both sides did not change; pair what is left in order.
        only_before = [f for f in before if f.value not in after_values]
        only_after = [f for f in after if f.value not in before_values]
        for b, a in zip(only_before, only_after, strict=False):
            changes.append(FactChange("figure", "changed", a.claim_type, a.counted, b.value, a.value, b.text, a.text,
                                      a.as_of))
        for b in only_before[len(only_after):]:
            changes.append(FactChange("figure", "removed", b.claim_type, b.counted, b.value, None, b.text, None,
                                      b.as_of))
        for a in only_after[len(only_before):]:
            changes.append(FactChange("figure", "added", a.claim_type, a.counted, None, a.value, None, a.text,
                                      a.as_of))
    return changes


def date_changes(old: list[DateMention], new: list[DateMention]) -> list[FactChange]:
    before = {d.value: d for d in old if d.value}
    after = {d.value: d for d in new if d.value}
    removed = [FactChange("date", "removed", None, None, v, None, before[v].text, None, None)
               for v in sorted(set(before) - set(after))]
    added = [FactChange("date", "added", None, None, None, v, None, after[v].text, None)
             for v in sorted(set(after) - set(before))]
    return removed + added

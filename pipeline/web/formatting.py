"""Figures as a reader expects them: ``78 billion KZT``, ``≈ 2,000``, ``over 4,400``.

Stored values are REAL (a range's midpoint may be 57.5), so every page and export goes
through :func:`number` to print 41 rather than 41.0 and 78 billion rather than 7.8e+10.
"""

from __future__ import annotations

# Large round numbers read better in words; below a million, digits with separators.
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
# How a qualifier reads before the number; "vague" is a word like "hundreds" or "thousands".
_QUALIFIERS = {"vague": "≈", "about": "about", "over": "over", "at least": "at least", "almost": "almost",
               "up to": "up to"}


def plain_number(value: float | int | None) -> int | float | None:
    """An integer where the value is whole (41.0 → 41), else the float itself."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def number(value: float | int | None) -> str:
    """2,298 · 78 billion · 1.5 million · 57.5 — never 41.0 or 9e+10."""
    if value is None:
        return ""
    for scale, word in _SCALES:
        if abs(value) >= scale:
            scaled = value / scale
            return f"{scaled:,.0f} {word}" if float(scaled).is_integer() else f"{scaled:,.3g} {word}"
    value = plain_number(value)
    return f"{value:,}" if isinstance(value, int) else f"{value:,.6g}"


def figure(value: float | None, low: float | None = None, high: float | None = None, unit: str | None = None,
           approx: str | None = None) -> str:
    """A figure as the page shows it: qualifier, number or range, unit."""
    if low is not None and high is not None and low != high:
        text = f"{number(low)}–{number(high)}"
    elif value is not None:
        text = number(value)
    else:
        return ""
    if approx:
        text = f"{_QUALIFIERS.get(approx, approx)} {text}"
    if unit:
        text = f"{text}%" if unit in ("%", "percent") else f"{text} {unit}"
    return text

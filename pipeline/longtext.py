"""Long texts analysed within bounds: a cap on how much of a text is analysed, and pieces.

spaCy refuses a text over 1,000,000 characters, and its time and memory grow with the
length of one text (a 917,000-character page took 35 s and 2.7 GB). A news article is
rarely over 50,000 characters; a page far longer is a dump (a live blog's whole archive,
a document collection). Its text is stored whole, but only the first
``MAX_ANALYSED_CHARS`` are analysed, with a note on the analysis saying so, and a long
text is analysed in pieces of at most ``PIECE_CHARS``, cut at paragraph breaks.
"""

from __future__ import annotations

import dataclasses

from .models import Analysis

MAX_ANALYSED_CHARS = 100_000  # about 16,000 words: longer than the longest long read
PIECE_CHARS = 25_000


def cut(text: str, limit: int | None = None) -> tuple[str, str | None]:
    """The part of ``text`` to analyse and, when that is not all of it, a note saying so."""
    limit = limit or MAX_ANALYSED_CHARS
    if len(text) <= limit:
        return text, None
    end = _break_before(text, limit)
    return text[:end], f"only the first {end:,} of {len(text):,} characters analysed (limit {limit:,})"


def pieces(text: str, size: int | None = None) -> list[tuple[int, str]]:
    """(offset, piece) of at most ``size`` characters each, cut at paragraph breaks if any."""
    size = size or PIECE_CHARS
    parts, start = [], 0
    while len(text) - start > size:
        end = _break_before(text, start + size, start)
        parts.append((start, text[start:end]))
        start = end
    parts.append((start, text[start:]))
    return parts


def _break_before(text: str, limit: int, floor: int = 0) -> int:
    """Where to cut before ``limit``: after the last line break, else sentence end, else space."""
    for separator in ("\n", ". ", " "):
        at = text.rfind(separator, floor + 1, limit)
        if at > floor:
            return at + len(separator)
    return limit


def join(parts: list[tuple[int, Analysis]]) -> Analysis:
    """One analysis of the whole text from the analyses of its pieces (offsets shifted)."""
    if len(parts) == 1 and parts[0][0] == 0:
        return parts[0][1]

    def shift(items, offset: int) -> list:
        moved = []
        for item in items:
            changes = {"start": item.start + offset, "end": item.end + offset}
            if getattr(item, "sentence_start", None) is not None:
                changes["sentence_start"] = item.sentence_start + offset
            moved.append(dataclasses.replace(item, **changes))
        return moved

    fields: dict[str, list] = {"sentences": [], "dates": [], "figures": [], "entities": []}
    for offset, analysis in parts:
        for name, items in fields.items():
            items += shift(getattr(analysis, name), offset)
    return Analysis(**{name: tuple(items) for name, items in fields.items()})

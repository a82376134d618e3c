"""The words each source uses for the people on the other side.

Counts, per text, of each word a lexicon files under a group ("opposing actors":
terrorists, bandits, protesters …). Plural and singular count as the same word.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml

LEXICON = Path(__file__).resolve().parent / "lexicon" / "actor_words.yaml"


@functools.lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, str, re.Pattern]]:
    data = yaml.safe_load(LEXICON.read_text(encoding="utf-8"))
    out = []
    for group, words in data.items():
        for word in words:
            # "armed criminal" matches "armed criminals"; whole words only.
            pattern = re.compile(r"\b" + r"\s+".join(map(re.escape, word.split())) + r"(?:s|es)?\b", re.IGNORECASE)
            out.append((word, group, pattern))
    return out


def count_actor_words(text: str) -> dict[tuple[str, str], int]:
    """{(word, group): occurrences} for every lexicon word found in ``text``."""
    counts = {}
    for word, group, pattern in _patterns():
        n = len(pattern.findall(text))
        if n:
            counts[(word, group)] = n
    return counts

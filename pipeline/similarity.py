"""Near-duplicate texts (syndicated copies) found with MinHash and banding.

A copy of a wire story on another site is the same report, not an independent source.
Each text gets a MinHash signature over word 5-gram shingles; texts that share a band
of the signature are candidates, and a candidate whose shingle Jaccard similarity
reaches the threshold is a copy.
"""

from __future__ import annotations

import random
import re
import zlib

SHINGLE = 5
BANDS, ROWS = 16, 4  # 64 hashes; pairs at Jaccard 0.8 collide in some band with p > 0.99
THRESHOLD = 0.8
_PRIME = (1 << 61) - 1
_rng = random.Random(20220105)  # fixed: signatures must match across runs and processes
_COEFFS = [(_rng.randrange(1, _PRIME), _rng.randrange(0, _PRIME)) for _ in range(BANDS * ROWS)]
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[int]:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return {zlib.crc32(" ".join(words).encode())} if words else set()
    return {zlib.crc32(" ".join(words[i:i + SHINGLE]).encode()) for i in range(len(words) - SHINGLE + 1)}


def signature(shingle_set: set[int]) -> list[int]:
    if not shingle_set:
        return [0] * (BANDS * ROWS)
    return [min((a * x + b) % _PRIME for x in shingle_set) for a, b in _COEFFS]


def band_keys(sig: list[int]) -> list[str]:
    """One key per band; two texts sharing any key are compared exactly."""
    return [f"{band}:{zlib.crc32(repr(sig[band * ROWS:(band + 1) * ROWS]).encode()):08x}" for band in range(BANDS)]


def jaccard(a: set[int], b: set[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)

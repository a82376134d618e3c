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

import numpy

SHINGLE = 5
BANDS, ROWS = 16, 4  # 64 hashes; pairs at Jaccard 0.8 collide in some band with p > 0.99
THRESHOLD = 0.8
_PRIME = (1 << 61) - 1
_rng = random.Random(20220105)  # fixed: signatures must match across runs and processes
_COEFFS = [(_rng.randrange(1, _PRIME), _rng.randrange(0, _PRIME)) for _ in range(BANDS * ROWS)]
_WORD = re.compile(r"\w+")
# The same coefficients split for exact arithmetic in 64-bit lanes (see _mul_mod).
_A_HI = numpy.array([a >> 32 for a, _ in _COEFFS], dtype=numpy.uint64)[:, None]
_A_LO = numpy.array([a & 0xFFFFFFFF for a, _ in _COEFFS], dtype=numpy.uint64)[:, None]
_B = numpy.array([b for _, b in _COEFFS], dtype=numpy.uint64)[:, None]
_P = numpy.uint64(_PRIME)


def shingles(text: str) -> set[int]:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return {zlib.crc32(" ".join(words).encode())} if words else set()
    return {zlib.crc32(" ".join(words[i:i + SHINGLE]).encode()) for i in range(len(words) - SHINGLE + 1)}


def signature(shingle_set: set[int]) -> list[int]:
    """min over the shingles x of (a·x + b) mod (2^61 − 1), for each of the 64 (a, b).

    Stored bands must not change, so this is the exact value of the plain formula
    ``min((a * x + b) % _PRIME for x in shingle_set)``, computed for all 64 hashes at
    once in numpy (a dense 500-word page: ~35,000 products, ~40× faster than in Python).
    """
    if not shingle_set:
        return [0] * (BANDS * ROWS)
    x = numpy.fromiter(shingle_set, dtype=numpy.uint64, count=len(shingle_set))[None, :]
    return [int(v) for v in _add_mod(_mul_mod(x), _B).min(axis=1)]


def _reduce(v: numpy.ndarray) -> numpy.ndarray:
    """v mod P for v < 2^64, P = 2^61 − 1 (a Mersenne prime: 2^61 ≡ 1)."""
    v = (v & _P) + (v >> numpy.uint64(61))
    return numpy.where(v >= _P, v - _P, v)


def _add_mod(u: numpy.ndarray, w: numpy.ndarray) -> numpy.ndarray:
    return _reduce(u + w)  # both < P < 2^61: the sum fits in 64 bits


def _mul_mod(x: numpy.ndarray) -> numpy.ndarray:
    """a·x mod P for every a, with x < 2^32: a = hi·2^32 + lo, and no product over 2^64."""
    low = _reduce(_A_LO * x)  # < 2^32 · 2^32
    t = _A_HI * x  # < 2^29 · 2^32 = 2^61
    # t·2^32 = (t mod 2^29)·2^32 + (t >> 29)·2^61 ≡ (t mod 2^29)·2^32 + (t >> 29)  (mod P)
    high = _reduce(((t & numpy.uint64((1 << 29) - 1)) << numpy.uint64(32)) + (t >> numpy.uint64(29)))
    return _add_mod(low, high)


def band_keys(sig: list[int]) -> list[str]:
    """One key per band; two texts sharing any key are compared exactly."""
    return [f"{band}:{zlib.crc32(repr(sig[band * ROWS:(band + 1) * ROWS]).encode()):08x}" for band in range(BANDS)]


def jaccard(a: set[int], b: set[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)

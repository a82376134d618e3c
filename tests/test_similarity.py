"""The MinHash signature computed in numpy is the plain formula's, so stored bands still match."""

import random

from pipeline import similarity
from pipeline.similarity import band_keys, shingles, signature


def _plain(shingle_set: set[int]) -> list[int]:
    if not shingle_set:
        return [0] * (similarity.BANDS * similarity.ROWS)
    return [min((a * x + b) % similarity._PRIME for x in shingle_set) for a, b in similarity._COEFFS]


def test_signature_equals_the_plain_formula_on_random_and_edge_shingles():
    rng = random.Random(7)
    for size in (1, 2, 7, 300, 2000):
        for _ in range(10):
            found = {rng.randrange(0, 1 << 32) for _ in range(size)} | {0, (1 << 32) - 1}
            assert signature(found) == _plain(found)


def test_band_keys_of_a_text_are_those_of_the_plain_formula():
    text = "At least 1,200 people were detained in Almaty on January 5, the interior ministry said. " * 3
    assert band_keys(signature(shingles(text))) == band_keys(_plain(shingles(text)))
    assert signature(set()) == [0] * 64

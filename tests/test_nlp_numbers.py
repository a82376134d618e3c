"""Numbers as written, read to values: the kinds other projects' public test suites check."""

from __future__ import annotations

import pytest

from pipeline.nlp.en.numbers import find_numbers


def _read(text: str) -> list[tuple[str, float, str | None]]:
    return [(n.text, n.value, n.unit) for n in find_numbers(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("twenty-three thousand four hundred fifty-one people", [("twenty-three thousand four hundred fifty-one",
                                                             23451.0, None)]),
    ("one hundred and five detainees", [("one hundred and five", 105.0, None)]),
    ("a thousand troops", [("a thousand", 1000.0, None)]),
    ("a million dollars", [("a million dollars", 1e6, "USD")]),
    ("two million tenge", [("two million tenge", 2e6, "KZT")]),
    ("a dozen people", [("a dozen", 12.0, None)]),
    ("two dozen people", [("two dozen", 24.0, None)]),
])
def test_number_words_at_any_scale_are_one_number(text: str, expected: list) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(("text", "value"), [
    ("three quarters of the dead", 75.0),
    ("about three quarters voted to stay", 75.0),
    ("a half of the budget", 50.0),
    ("two-thirds of the wounded", pytest.approx(200 / 3)),
    ("a fifth of the shops", 20.0),
])
def test_a_fraction_is_a_share_not_its_numerator(text: str, value: float) -> None:
    assert [(v, unit) for _, v, unit in _read(text)] == [(value, "%")]


@pytest.mark.parametrize("text", ["a year and a half later", "half an hour", "a quarter century ago",
                                  "the second half"])
def test_a_fraction_of_time_or_a_half_alone_is_no_share(text: str) -> None:
    assert _read(text) == []


@pytest.mark.parametrize(("text", "value"), [
    ("1,234.56 tenge", 1234.56),
    ("1.234,56 euros", 1234.56),
    ("12,345,678.9 roubles", 12345678.9),
    ("3.811 people", 3811.0),
    ("6.2 million", 6.2e6),
    ("1 234 people", 1234.0),
])
def test_decimals_with_thousands_separators_keep_their_value(text: str, value: float) -> None:
    assert _read(text)[0][1] == pytest.approx(value)


def test_a_worded_number_before_a_duration_word_is_not_read_as_a_count() -> None:
    assert _read("a five-year plan") == []


# Pieces that open, hold or sit next to a number: qualifiers, signs, whitespace runs, number words and
# words that merely begin like one ("onerous", "tenant").
_PIECES = ["no fewer than", "approximately", "in excess of", "more than", "some", "KSh", "us$", "$", "€", "Rs.",
           "S/.", "R", "2,000", "3.811", "1 234 567", "77.18%", "110-120", "4.7 million", "a dozen", "a thousand",
           "twenty-three", "hundreds of", "tens of thousands", "one", "onerous", "tenant", "Seven", "people",
           "between", "and", "to", "half", "two-thirds of", "9,900+", "5m", "12k", "tenge", "per cent", "a", "of"]
_GAPS = [" ", "  ", "\n\n", " \t ", "", "-", ", "]


def test_number_matches_are_those_of_the_regex_tried_at_every_character() -> None:
    """The quick search starts the regex only a little before each number: on text made of
    pieces that put qualifiers, signs and long whitespace before numbers, it finds exactly the
    matches of NUMBER.finditer."""
    import random

    from pipeline.nlp.en.numbers import NUMBER, number_matches

    rng = random.Random(14)
    for _ in range(400):
        text = "".join(rng.choice(_PIECES) + rng.choice(_GAPS) for _ in range(rng.randint(1, 14)))
        assert [m.span() for m in number_matches(text)] == [m.span() for m in NUMBER.finditer(text)], text


def test_a_text_without_a_fraction_word_has_no_fraction_and_one_with_it_does() -> None:
    from pipeline.nlp.en.numbers import find_fractions

    assert find_fractions("Nearly 300 people were hurt, officials said.") == []
    assert [f.value for f in find_fractions("Nearly two-thirds of them were hurt.")] == [200 / 3]

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


@pytest.mark.parametrize(("text", "expected"), [
    ("14:20 — 6 more deaths", ["14", "20", "6"]),  # a spaced dash before a smaller number separates
    ("between 225 — 230 dead", ["225 — 230"]),  # rising: still a range
    ("the 2021-22 season", []),  # unspaced: a span of years, as before
])
def test_a_spaced_dash_makes_a_range_only_when_the_numbers_rise(text: str, expected: list[str]) -> None:
    assert [n[0] for n in _read(text)] == expected

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


def test_a_worded_number_before_a_duration_word_is_read_whole() -> None:
    # whether it is a figure ("a ten-day state of emergency") or not ("a five-year plan") is the figure
    # finder's call; the number reader once dropped "ten-day" and read "twenty-three-day" as "twenty"
    assert _read("a twenty-three-day strike") == [("twenty-three", 23.0, None)]
    assert _read("a five-year plan") == [("five", 5.0, None)]


@pytest.mark.parametrize(("text", "expected"), [
    ("14:20 — 6 more deaths", ["14", "20", "6"]),  # a spaced dash before a smaller number separates
    ("between 225 — 230 dead", ["225 — 230"]),  # rising: still a range
    ("the 2021-22 season", []),  # unspaced: a span of years, as before
])
def test_a_spaced_dash_makes_a_range_only_when_the_numbers_rise(text: str, expected: list[str]) -> None:
    assert [n[0] for n in _read(text)] == expected


def _spans(text: str) -> list[tuple[str, float, float | None, float | None, str | None, str | None]]:
    return [(n.text, n.value, n.low, n.high, n.unit, n.approx) for n in find_numbers(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("The board granted Tk 7 lakh to the clinic.", [("Tk 7 lakh", 700000.0, None, None, "BDT", None)]),
    ("Nearly 3.5 lakh voters queued.", [("Nearly 3.5 lakh", 350000.0, None, None, None, "almost")]),
    ("The temple trust spent ₹4 crore on repairs.", [("₹4 crore", 40000000.0, None, None, "INR", None)]),
])
def test_lakh_and_crore_are_scale_words(text: str, expected: list) -> None:
    assert _spans(text) == expected


@pytest.mark.parametrize(("text", "spelled", "unit"), [
    ("The mayor froze R$ 12 million in accounts.", "R$ 12 million", "BRL"),
    ("Each trader paid 3,500 lari in fines.", "3,500 lari", "GEL"),
    ("The county owes 8 million lei to suppliers.", "8 million lei", "RON"),
    ("Shops lost 2 billion guaraníes in the flood.", "2 billion guaraníes", "PYG"),
])
def test_reais_lari_lei_and_guaranies_are_currencies(text: str, spelled: str, unit: str) -> None:
    assert [(n.text, n.unit) for n in find_numbers(text)] == [(spelled, unit)]


@pytest.mark.parametrize(("text", "approx"), [
    ("a fine of not less than $9,000 each", "at least"),
    ("not more than 40 guests", "up to"),
    ("it took something like 300 volunteers", "about"),
    ("a column of ~1,5 thousand trucks", "about"),
])
def test_spoken_and_written_hedges_are_qualifiers(text: str, approx: str) -> None:
    assert [n.approx for n in find_numbers(text)] == [approx]


@pytest.mark.parametrize(("text", "expected"), [
    ("He guessed thirty, maybe forty boats sank.", [("thirty, maybe forty", 35.0, 30.0, 40.0, None, "about")]),
    ("We fed something like 800, 900 families.",
     [("something like 800, 900", 850.0, 800.0, 900.0, None, "about")]),
    ("The bill will land between £40 million and £55 million.",
     [("£40 million and £55 million", 47.5e6, 40e6, 55e6, "GBP", None)]),
])
def test_spoken_ranges_and_ranges_with_the_currency_at_both_ends(text: str, expected: list) -> None:
    assert _spans(text) == expected


def test_a_hedged_list_of_numbers_is_no_range() -> None:
    assert [n.text for n in find_numbers("about 12, 15 and 18 boats")] == ["about 12", "15", "18"]


def test_a_bound_then_a_comma_is_no_spoken_range() -> None:
    # a headline's two counts: "at least" bounds the first, it does not guess between two
    assert [n.text for n in find_numbers("Blast kills at least nine, 17 missing")] == ["at least nine", "17"]


@pytest.mark.parametrize(("text", "value", "approx"), [
    ("Fewer than one in five schools reopened.", 20.0, "up to"),
    ("roughly three in ten voters", 30.0, "about"),
])
def test_x_in_y_is_a_share(text: str, value: float, approx: str) -> None:
    assert [(n.value, n.unit, n.approx) for n in find_numbers(text)] == [(value, "%", approx)]


def test_a_digit_before_in_and_a_number_is_no_share() -> None:
    assert [n.value for n in find_numbers("killed 3 in 12 villages")] == [3.0, 12.0]


@pytest.mark.parametrize(("text", "expected"), [
    ("Sales fell by nearly half in the second half of May.", [("nearly half", 50.0, "almost")]),
    ("Rents were cut by half.", [("half", 50.0, None)]),
])
def test_a_cut_by_half_is_a_share_and_the_second_half_no_share(text: str, expected: list) -> None:
    assert [(n.text, n.value, n.approx) for n in find_numbers(text)] == expected

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


@pytest.mark.parametrize(("text", "spelled", "value", "unit"), [
    ("Canberra pledged A$1.2 billion for the reef.", "A$1.2 billion", 1.2e9, "AUD"),
    ("Ottawa set aside C$750 million for farmers.", "C$750 million", 7.5e8, "CAD"),
    ("The chipmaker will spend 20 trillion won on a plant.", "20 trillion won", 2e13, "KRW"),
    ("a fine of 80 million Swiss francs", "80 million Swiss francs", 8e7, "CHF"),
    ("12 billion Egyptian pounds for grain silos", "12 billion Egyptian pounds", 1.2e10, "EGP"),
    ("3 billion riyals for housing", "3 billion riyals", 3e9, "SAR"),
    ("RM1.1 billion for flood works", "RM1.1 billion", 1.1e9, "MYR"),
    ("4.6 billion zlotys for artillery", "4.6 billion zlotys", 4.6e9, "PLN"),
    ("The fare rose by 25 cents.", "25 cents", 0.25, "USD"),  # hundredths of the currency
])
def test_currencies_of_the_lexicon_and_their_hundredths(text: str, spelled: str, value: float, unit: str) -> None:
    assert [(n.text, n.value, n.unit) for n in find_numbers(text)] == [(spelled, pytest.approx(value), unit)]


def test_won_is_a_currency_only_after_a_scale_word() -> None:
    assert [(n.text, n.unit) for n in find_numbers("Of the 40 seats, 25 won by the opposition")] == [
        ("40", None), ("25", None)]


def test_a_spelling_that_names_two_currencies_stops_the_lexicon(tmp_path, monkeypatch) -> None:
    from pipeline.nlp.en import lexicons
    from pipeline.nlp.language import LexiconError

    bad = tmp_path / "currencies.yaml"
    bad.write_text("- {code: AUD, name: dollar, before: [A$], example: x}\n"
                   "- {code: ARS, name: peso, before: [A$], example: y}\n", encoding="utf-8")
    monkeypatch.setattr(lexicons, "CURRENCIES_FILE", bad)
    lexicons.currency_table.cache_clear()
    try:
        with pytest.raises(LexiconError, match="names both AUD and ARS"):
            lexicons.currency_table()
    finally:
        lexicons.currency_table.cache_clear()


@pytest.mark.parametrize(("text", "value"), [
    ("The pound fell to 1.0327 against the dollar.", 1.0327),  # four digits after the dot: no thousands group
    ("The gymnast scored 14.833 on the vault.", 14.833),  # an English text: the dot is a decimal point
    ("Detained 3.811 persons.", 3811.0),  # a count follows: a thousands dot
    ("Inflation stood at 6.211 % in May.", 6.211),
    ("It rose from 2.298 to 3.811 the same evening; 2,5 thousand troops came.", 3811.0),  # a European text
])
def test_a_dot_before_three_digits_is_read_by_what_follows_and_how_the_text_writes_numbers(
        text: str, value: float) -> None:
    assert find_numbers(text)[-2 if "troops" in text else -1].value == pytest.approx(value)


@pytest.mark.parametrize(("text", "spelled", "value"), [
    ("The rate had risen to one point three.", "one point three", 1.3),
    ("It will be one and a half times the size.", "one and a half", 1.5),
    ("Two and a half million people fled.", "Two and a half million", 2.5e6),
    ("Officials expect half a million pilgrims.", "half a million", 5e5),
    ("A quarter of a million homes lost power.", "A quarter of a million", 2.5e5),
])
def test_spelled_decimals_halves_and_shares_of_a_million(text: str, spelled: str, value: float) -> None:
    assert [(n.text, n.value) for n in find_numbers(text)] == [(spelled, pytest.approx(value))]


def test_at_one_point_is_no_decimal_and_and_joins_words_only_after_a_scale_word() -> None:
    assert [n.value for n in find_numbers("At one point two men fled.")] == [1.0, 2.0]
    assert [n.value for n in find_numbers("a hundred and five or five and seven")] == [105.0, 5.0, 7.0]


@pytest.mark.parametrize(("text", "value"), [
    ("Four-fifths of the town left.", 80.0),
    ("Seven-tenths of the forest was cleared.", 70.0),
    ("Some two-fifths of the budget goes on debt.", 40.0),
    ("An eighth of the wells ran dry.", 12.5),
    ("Nine out of ten doctors voted.", 90.0),
    ("Three out of every four homes depend on aid.", 75.0),
    ("Half the country's clinics closed.", 50.0),
])
def test_every_fraction_and_x_out_of_y_is_a_share(text: str, value: float) -> None:
    assert [n.value for n in find_numbers(text)] == [value]


@pytest.mark.parametrize("text", ["He won a fourth term.", "It ended in half the time.", "a sixth day of talks"])
def test_an_ordinal_or_half_the_time_is_no_share(text: str) -> None:
    assert find_numbers(text) == []


@pytest.mark.parametrize(("text", "low", "high"), [
    ("The works would take from 10 to 15 years.", 10.0, 15.0),  # no change word before "from"
    ("The fine ranges from 500 to 5,000 euros.", 500.0, 5000.0),
    ("They put the crowd at between 1.5 million and 2 million.", 1.5e6, 2e6),
    ("Some 8 to 10 million people were affected.", 8e6, 1e7),  # the scale word is both ends'
    ("Between five and seven candidates will run.", 5.0, 7.0),
    ("Fifteen to twenty vessels waited.", 15.0, 20.0),
    ("Between a third and a half of the schools closed.", 100 / 3, 50.0),
    ("Losses were put at between $3m and $4m.", 3e6, 4e6),  # the scale glued to both ends
    ("Losses were put at Rs 1.8bn to Rs 2.6bn.", 1.8e9, 2.6e9),  # and the currency sign repeated
])
def test_ranges_in_words_from_to_and_with_a_shared_scale_word(text: str, low: float, high: float) -> None:
    assert [(n.low, n.high) for n in find_numbers(text)] == [(pytest.approx(low), pytest.approx(high))]


@pytest.mark.parametrize("text", ["The price rose from 60 to 120 tenge.",
                                  "The count increased by 1,513, from 2,298 to 3,811.",
                                  "The kilogram of fish passed from 90 to 120 dobras."])  # translated French
def test_from_to_after_a_change_word_is_a_change_not_a_range(text: str) -> None:
    assert all(n.low is None for n in find_numbers(text))


def test_fraction_matches_are_those_of_the_regex_tried_at_every_character() -> None:
    """The quick fraction search starts the regex only a little before each word a fraction ends in."""
    import random

    from pipeline.nlp.en.numbers import _FRACTION, _fraction_matches

    pieces = ["by", "nearly", "a", "fifth", "Four-fifths", "of", "half", "the", "time", "hospitals", "a million",
              "two thirds", "behalf", "quarter", "and", "second", "no fewer than", "an eighth", "its"]
    rng = random.Random(7)
    for _ in range(400):
        text = "".join(rng.choice(pieces) + rng.choice([" ", "  ", "-", ", "]) for _ in range(rng.randint(1, 12)))
        assert [m.span() for m in _fraction_matches(text)] == [m.span() for m in _FRACTION.finditer(text)], text


def test_every_currency_row_reads_its_own_example() -> None:
    from pipeline.nlp.en.lexicons import currency_table

    misread = [(row["code"], row["example"]) for row in currency_table()
               if row["code"] not in {n.unit for n in find_numbers(row["example"])}]
    assert misread == []


@pytest.mark.parametrize(("text", "spelled", "unit"), [
    ("BGN 40 million is allocated", "BGN 40 million", "BGN"),
    ("a grant of EUR 20.5 million", "EUR 20.5 million", "EUR"),
    ("a loan of USD 50,000", "USD 50,000", "USD"),
    ("damage of 5,000 KZT", "5,000 KZT", "KZT"),
])
def test_an_iso_code_in_capitals_names_its_currency_on_either_side(text: str, spelled: str, unit: str) -> None:
    assert [(n.text, n.unit) for n in find_numbers(text)] == [(spelled, unit)]


def test_a_word_spelled_like_a_code_in_lower_case_is_no_currency() -> None:
    assert [(n.text, n.unit) for n in find_numbers("the try 3 times, all 5 of them")] == [("3", None), ("5", None)]


@pytest.mark.parametrize("text, spelled, value", [
    ("4 thousand 216 citizens were evacuated", "4 thousand 216", 4216),
    ("a fund of 2 million 300 thousand soums", "2 million 300 thousand soums", 2_300_000),
])
def test_a_number_written_in_parts_by_its_scale_words_is_one_number(text: str, spelled: str, value: float) -> None:
    assert [(n.text, n.value) for n in find_numbers(text)] == [(spelled, value)]


def test_a_number_after_a_scaled_one_with_more_than_a_space_between_stays_apart() -> None:
    assert [n.text for n in find_numbers("In 3 thousand cases, 20 people died")] == ["3 thousand", "20"]


def test_a_one_letter_sign_needs_a_space_or_a_grouped_number() -> None:
    found = [(n.text, n.unit) for n in find_numbers("Rice sold for K 134,000, up from K118,000; the K2 team had 12.")]
    assert found[:2] == [("K 134,000", "MMK"), ("K118,000", "MMK")]
    assert all(unit is None for _, unit in found[2:])


def test_a_one_letter_sign_before_a_sum_with_cents_is_money() -> None:
    found = [(n.text, n.unit) for n in find_numbers("Petrol rose by K2.13 to K31.47 a litre; kerosene stays at K24.05.")]
    assert found == [("K2.13", "MMK"), ("K31.47", "MMK"), ("K24.05", "MMK")]


def test_a_second_from_to_after_a_change_in_the_sentence_is_a_change_too() -> None:
    text = ("The protests followed the increase in the price of petrol from K2,530 to K3,210 per litre, "
            "and of diesel from K2,490 to K3,150. Repairs would take from 10 to 15 years.")
    assert [n.text for n in find_numbers(text)] == ["K2,530", "K3,210", "K2,490", "K3,150", "10 to 15"]


def test_rand_and_loti_signs_before_grouped_numbers_and_guyanese_dollars() -> None:
    found = [(n.text, n.unit) for n in find_numbers("Figures between R2,000 and R5,000 on the R2; M18 million and "
                                                     "M1,500 in cash; G$10,560 a day")]
    assert found == [("R2,000 and R5,000", "ZAR"), ("2", None), ("M18 million", "LSL"), ("M1,500", "LSL"),
                     ("G$10,560", "GYD")]


def test_plain_francs_are_the_franc_of_the_country_named_most() -> None:
    from pipeline.nlp.en.numbers import regional_unit
    (francs,) = find_numbers("5 million francs to each family")
    assert regional_unit("In Moroni, Comoros, the state will pay 5 million francs.", francs.unit, "francs") == "KMF"
    assert regional_unit("Fraud losses in Liechtenstein passed 1.1 million francs.", francs.unit, "francs") == "CHF"


def test_cfa_francs_stay_cfa_francs_in_a_text_naming_geneva() -> None:
    from pipeline.nlp.en.numbers import regional_unit
    text = ("Our proposal to the foundation in Geneva: petrol in N'Djamena rose from 600 to 850 CFA francs a litre; "
            "we ask for 60 000 000 FCFA. In Geneva the foundation's own fine was 20,000 francs.")
    assert [(n.text, n.unit) for n in find_numbers(text)] == [
        ("600", "XAF"), ("850 CFA francs", "XAF"), ("60 000 000 FCFA", "XAF"), ("20,000 francs", "CHF")]
    assert regional_unit(text, "XAF") == "XAF"  # a table's "(CFA francs)" caption, read by its code


@pytest.mark.parametrize("text, expected", [
    # blind76: a text naming Colombia that writes "$3.350" writes its pesos with "$", every one of them
    ("In Colombia fares went from $3.350 to $3.620 (+$270); the US gave US$3,350.",
     [("$3.350", "COP"), ("$3.620", "COP"), ("$270", "COP"), ("US$3,350", "USD")]),
    ("In Colombia the US embassy gave $3,350.", [("$3,350", "USD")]),
])
def test_a_dollar_sign_over_dot_grouped_digits_is_the_peso_of_the_country_named(text: str, expected: list) -> None:
    assert [(n.text, n.unit) for n in find_numbers(text)] == expected


def test_egyptian_pounds_written_le_and_special_drawing_rights_are_currencies() -> None:
    found = [(n.text, n.unit) for n in find_numbers("access to SDR 880 million and diesel at LE 17.50 a liter")]
    assert found == [("SDR 880 million", "XDR"), ("LE 17.50", "EGP")]


@pytest.mark.parametrize("text, expected", [
    # blind75, blind74: piasters and fils are hundredths and thousandths, of the country's pound or dinar
    ("In Jordan a kilo went from 35 to 55 piasters, or 550 fils.",
     [("35", 0.35, "JOD"), ("55 piasters", 0.55, "JOD"), ("550 fils", 0.55, "JOD")]),
    ("In Egypt the loaf was raised from 20 to 35 piastres.", [("20", 0.2, "EGP"), ("35 piastres", 0.35, "EGP")]),
])
def test_piasters_and_fils_are_sums_in_the_pound_or_dinar_of_the_country_named(text: str, expected: list) -> None:
    assert [(n.text, round(n.value, 6), n.unit) for n in find_numbers(text)] == expected


def test_pacific_and_caribbean_dollar_signs_and_the_escudo_cifrao() -> None:
    found = [(n.text, n.unit) for n in find_numbers("SAT$148 million, T$3.20, BZ$228.4m and 20.000$00 each; P500,000")]
    assert found == [("SAT$148 million", "WST"), ("T$3.20", "TOP"), ("BZ$228.4m", "BZD"), ("20.000$00", "CVE"),
                     ("P500,000", "BWP")]
    assert find_numbers("20.000$00")[0].value == 20000


@pytest.mark.parametrize("text, unit", [
    ("Petrol went up to Rs 74.90 a litre in Port Louis.", "MUR"),
    ("In Caracas a litre went from Bs 200 to Bs 480.", "VES"),
    ("In La Paz fines reached Bs 35,000.", "BOB"),
    ("In Chișinău the tariff is 17.85 lei per cubic metre.", "MDL"),  # lei in Moldova (blind94)
    ("In Abidjan petrol went to CFAF 1,015 per litre.", "XOF"),  # "CFAF" (blind96)
])
def test_a_sign_several_countries_write_is_the_currency_of_the_place_named(text: str, unit: str) -> None:
    from pipeline.nlp.en.numbers import regional_unit
    assert regional_unit(text + " Bolivia." * ("La Paz" in text), find_numbers(text)[0].unit) == unit


@pytest.mark.parametrize("text, unit", [
    # a paper in Sukkur that names Pakistan nowhere, only its towns (blind58)
    ("Families in Sukkur, Rohri and Larkana will get Rs 1.5 million each.", "PKR"),
    ("PARLIAMENT OF SRI LANKA\nRs. 186.4 million had been paid.", "LKR"),  # a country in capitals (blind57)
    ("Rs 300 for a kilo of onions.", "INR"),  # no country, no town: the first reading
    # blind74: "P" is the pula, but pesos in a Manila paper that names the Philippines only as an adjective
    ("Diesel rose by P2.40 a liter in Metro Manila and Quezon City.", "PHP"),
    ("A payment of P500,000 to each bereaved family in Gaborone.", "BWP"),
])
def test_a_shared_sign_is_read_by_the_country_in_capitals_or_by_the_towns_named(text: str, unit: str) -> None:
    from pipeline.nlp.en.numbers import regional_unit
    assert regional_unit(text, find_numbers(text)[0].unit) == unit


def test_the_kwanza_sign_before_a_number() -> None:
    """blind61: "Kz 480" is a sum in kwanzas, not a name's number."""
    assert [(n.text, n.unit) for n in find_numbers("a litre costs Kz 480, up from Kz 300")] == [
        ("Kz 480", "AOA"), ("Kz 300", "AOA")]


def test_a_one_letter_sign_before_a_scale_word() -> None:
    assert [(n.text, n.unit) for n in find_numbers("Damage reached K4.6 billion.")] == [("K4.6 billion", "MMK")]


@pytest.mark.parametrize(("text", "spelled", "code"), [
    ("The family was fined B$92,000.", "B$92,000", "BND"),
    ("It set up a QR5 million fund.", "QR5 million", "QAR"),
    ("He put the damage at LD 4m.", "LD 4m", "LYD"),
    ("Water rose to YR 1,000 a jerrycan.", "YR 1,000", "YER"),
    ("Each trader will receive Db 5,000.", "Db 5,000", "STN"),
    ("A grant of GH₵ 2,000 for each family.", "GH₵ 2,000", "GHS"),
    ("The operation has cost GH¢18.6 million so far.", "GH¢18.6 million", "GHS"),  # the cent sign (blind66)
    ("Petrol sold for N1,080 a litre in Lagos.", "N1,080", "NGN"),  # a Nigerian paper's naira (blind66)
    ("Each family will receive BD2,000.", "BD2,000", "BHD"),
    ("The state released 500 million Fdj.", "500 million Fdj", "DJF"),
    ("The plant is reserved at RO 18 million.", "RO 18 million", "OMR"),
    ("Damage is put at ₡184,000 million.", "₡184,000 million", "CRC"),
    ("Watches worth Fr. 250 were taken.", "Fr. 250", "CHF"),
])
def test_local_signs_of_letters_name_their_currency(text: str, spelled: str, code: str) -> None:
    assert [(n.text, n.unit) for n in find_numbers(text)] == [(spelled, code)]


def test_a_sign_in_capitals_is_one_only_in_capitals() -> None:
    assert [(n.text, n.unit) for n in find_numbers("In the yr 2020 they paid YR 400.")] == [
        ("2020", None), ("YR 400", "YER")]


@pytest.mark.parametrize(("text", "spelled", "share"), [
    ("Only 1 in 4 affected families has received any aid.", "1 in 4", 25.0),
    ("9 out of 10 homes were hit.", "9 out of 10", 90.0),
])
def test_a_proportion_in_digits_is_a_share(text: str, spelled: str, share: float) -> None:
    assert [(n.text, n.value, n.unit) for n in find_numbers(text)] == [(spelled, share, "%")]


def test_digits_before_in_are_no_share_unless_the_part_is_one() -> None:
    assert [n.text for n in find_numbers("Troops killed 3 in 12 villages.")] == ["3", "12"]


def test_a_currency_code_before_the_low_end_is_the_ranges() -> None:
    [fine] = find_numbers("Others were freed after paying fines of ERN 20,000 to 50,000.")
    assert (fine.text, fine.low, fine.high, fine.unit) == ("ERN 20,000 to 50,000", 20000.0, 50000.0, "ERN")


@pytest.mark.parametrize(("text", "found"), [
    ("Andorra received 1.2m visitors in December.", [("1.2m", 1.2e6)]),
    ("They built a 2.5m wall.", []),  # metres
    ("Waves of 10m hit the coast.", []),
])
def test_millions_glued_to_a_number_only_before_what_is_counted_in_millions(text: str, found: list) -> None:
    assert [(n.text, n.value) for n in find_numbers(text)] == found



def test_an_apostrophe_groups_thousands_as_swiss_papers_write_them() -> None:
    assert [(n.text, n.value) for n in find_numbers("Jewellery worth 120'000 and 1’250’000.50 in all; the 1990's")] \
        == [("120'000", 120000.0), ("1’250’000.50", 1250000.5), ("1990", 1990.0)]


@pytest.mark.parametrize(("text", "spelled", "low", "high"), [
    ("The insured loss is US$350m-$600m.", "US$350m-$600m", 350e6, 600e6),
    ("Or RO 135m-231m.", "RO 135m-231m", 135e6, 231e6),
    ("Damage is between CVE 900 million and 1.2 billion.", "CVE 900 million and 1.2 billion", 900e6, 1.2e9),
    ("A sack sold for between ₡18,900 and ₡21,300.", "₡18,900 and ₡21,300", 18900, 21300),
])
def test_ranges_with_the_sign_or_a_scale_written_on_both_ends(text: str, spelled: str, low: float,
                                                               high: float) -> None:
    [money] = find_numbers(text)
    assert (money.text, money.low, money.high) == (spelled, low, high)


def test_a_one_letter_sign_before_a_space_grouped_sum_is_money() -> None:
    """"P500 000" in a Botswana statement is pula, not a code glued to a letter (as "U4 602", a flight, is)."""
    assert [(n.text, n.unit) for n in find_numbers("a payment of P500 000 to each family")] == [("P500 000", "BWP")]


@pytest.mark.parametrize("text, spelled, value, unit", [
    # blind53's translated communiqué writes every count twice; the bracket restates, it adds no figure
    ("the loss of 25 (twenty-five) human lives", "25 (twenty-five)", 25, None),
    ("38.612 (thirty-eight thousand, six hundred and twelve) persons affected, 3,9% of the population",
     "38.612 (thirty-eight thousand, six hundred and twelve)", 38612, None),
    ("the confirmed fatalities stand at twenty-four (24).", "twenty-four (24)", 24, None),
    ("the disbursement of 145.000.000,00 MT (one hundred and forty-five million meticais) from the fund",
     "145.000.000,00 MT (one hundred and forty-five million meticais)", 145_000_000, "MZN"),
])
def test_a_number_restated_in_brackets_is_one_number(text: str, spelled: str, value: float, unit: str | None) -> None:
    found = find_numbers(text)[0]
    assert (found.text, found.value, found.unit) == (spelled, value, unit)


@pytest.mark.parametrize("text", [
    "The levy is BGN 310 million (158,5 million euros).",  # a conversion is another number
    "Police held 40 (including 3 minors) overnight.",
    "Deaths rose to 12 (from 9) by noon.",
])
def test_a_bracket_that_says_more_than_the_number_is_no_restatement(text: str) -> None:
    assert len(find_numbers(text)) == 2


@pytest.mark.parametrize("text, found", [
    ("| Sugar | 168.20 | -7.3 |", [("168.20", 168.2), ("-7.3", -7.3)]),
    ("exports fell (-5.1%) in March", [("-5.1%", -5.1)]),
    ("the low was \u22125 degrees", [("\u22125", -5.0)]),
    # a hyphen elsewhere joins a range or opens a bullet, and signs nothing
    ("children aged 10-12 were hurt", [("10-12", 11.0)]),
    ("-41 people were held", [("41", 41.0)]),
])
def test_a_minus_sign_opening_a_cell_or_a_bracket_makes_a_number_negative(text, found) -> None:
    assert [(n.text, n.value) for n in find_numbers(text)] == found


@pytest.mark.parametrize("text, found", [
    # blind63: a hedge after the number, "below", "exceed", and a Spanish scale quoted in English
    ("likely to change by 25% or more as adjusters gain access", [("25%", 25.0, "at least")]),
    ("expected to be below USD 15 million", [("below USD 15 million", 15e6, "up to")]),
    ("We expect claims exceeding 6,000.", [("exceeding 6,000", 6000.0, "over")]),
    ("We expect the final count to exceed 6,000.", [("exceed 6,000", 6000.0, "over")]),
    ("Power cuts shall not exceed four hours a day.", [("not exceed four", 4.0, "up to")]),
    ("losses at CLP 62.000 millones", [("CLP 62.000 millones", 62e9, None)]),
    ("10 or more than 20", [("10", 10.0, None), ("more than 20", 20.0, "over")]),
])
def test_hedges_written_after_or_as_a_verb_and_spanish_scales(text, found) -> None:
    assert [(n.text, n.value, n.approx) for n in find_numbers(text)] == found


def test_a_minus_opening_the_next_column_of_a_table_aligned_by_spaces_makes_no_range() -> None:
    """blind70's road statistics: "Car occupants   1,124    1,060      -5.7" are three numbers, not a broken range."""
    assert [n.text for n in find_numbers("   Car occupants   1,124    1,060      -5.7\n")] == ["1,124", "1,060", "5.7"]


@pytest.mark.parametrize("text, spelled, value, unit", [
    # blind86: Panama's balboa, the Dominican peso, the ZiG, Morocco's "DH" and Indonesian scales in translation
    ("fixed at B/. 3.25 a gallon", "B/. 3.25", 3.25, "PAB"),
    ("premium gasoline now costs RD$ 42.40 more a gallon", "RD$ 42.40", 42.40, "DOP"),
    ("a unit of blood costs ZiG 3,900", "ZiG 3,900", 3900.0, "ZWG"),
    ("a sack of flour sold for 310 DH in Béni Mellal", "310 DH", 310.0, "MAD"),
    ("the family will receive Rp 150 juta", "Rp 150 juta", 150e6, "IDR"),
    ("the fund was raised to Rp 2,5 miliar", "Rp 2,5 miliar", 2.5e9, "IDR"),
])
def test_currencies_and_scales_of_blind86(text: str, spelled: str, value: float, unit: str) -> None:
    found = [(n.text, n.value, n.unit) for n in find_numbers(text)]
    assert (spelled, value, unit) in found


@pytest.mark.parametrize("text, found", [
    # blind89: Tunisian dinars are written with three decimals (millimes), the bare partner of the sum too
    ("Diesel rose to 2.650 dinars from 2.205.", [("2.650 dinars", 2.65, "RSD"), ("2.205", 2.205, "RSD")]),
    # a text that writes European separators keeps the dot for thousands
    ("Diesel 2.650 dinars, up 12,5 %.", [("2.650 dinars", 2650.0, "RSD"), ("12,5 %", 12.5, "%")]),
])
def test_dinars_in_millimes(text: str, found: list) -> None:
    assert [(n.text, n.value, n.unit) for n in find_numbers(text)] == found


def test_whole_thousands_of_dinars_keep_the_dot_for_thousands() -> None:
    """blind84's bar council: "released them on bail of 2.000 dinars each" is 2,000 dinars, though the same text
    prices semolina at "1.300 DT"."""
    assert [(n.text, n.value) for n in find_numbers("released on bail of 2.000 dinars each")] == [
        ("2.000 dinars", 2000.0)]


def test_ariary_written_ar_before_space_grouped_digits() -> None:
    """blind92's solidarity fund: "a lump sum of Ar 10 000 000", "between Ar 500 000 and Ar 3 000 000"."""
    found = [(n.text, n.value, n.unit) for n in find_numbers("a lump sum of Ar 10 000 000 to each family")]
    assert found == [("Ar 10 000 000", 10_000_000.0, "MGA")]



def test_burundian_francs_and_a_maximum_of() -> None:
    """blind98: "FBu 487,6 million"; "covered for a maximum of US$1.4 million" is an upper bound."""
    assert [(n.text, n.unit, n.value) for n in find_numbers("the loss at FBu 487,6 million")] == [
        ("FBu 487,6 million", "BIF", 487_600_000)]
    assert find_numbers("covered for a maximum of US$1.4 million")[0].approx == "up to"


def test_convertible_marks_in_capitals() -> None:
    """blind100's ski resort: "KM 6.874.300", "KM 55"; "km 42" of a road is no money."""
    assert [(n.text, n.unit) for n in find_numbers("brought in KM 6.874.300 and the pass cost KM 55")] == [
        ("KM 6.874.300", "BAM"), ("KM 55", "BAM")]
    assert find_numbers("the crash at km 42 of the highway")[0].unit is None


def test_a_one_letter_sign_before_a_price_by_its_measure_or_at_both_ends_of_a_change() -> None:
    text = ("PURA raised petrol from D74 to D92 a litre and diesel from D71 to D86. The fare is D40 a trip. "
            "The government cut petrol to D84. Pupils from P1 to P6 stayed home; Block D2 held 40.")
    assert [(n.text, n.unit) for n in find_numbers(text)] == [
        ("D74", "GMD"), ("D92", "GMD"), ("D71", "GMD"), ("D86", "GMD"), ("D40", "GMD"), ("D84", "GMD"), ("1", None),
        ("6", None), ("2", None), ("40", None)]


def test_liberian_dollars_are_no_us_dollars() -> None:
    assert [(n.text, n.unit) for n in find_numbers("The keke fare went from L$50 to L$100.")] == [
        ("L$50", "LRD"), ("L$100", "LRD")]


def test_a_change_word_far_before_from_makes_its_two_ends_a_change_and_between_a_range() -> None:
    text = ("Millers raised the price of a 25 kg bag of breakfast mealie meal from K285 to K410. Agents offered "
            "between K50 and K100 per vote. Seats cost from 40 to 60 dollars.")
    assert [n.text for n in find_numbers(text)] == ["25", "K285", "K410", "K50 and K100", "40 to 60 dollars"]


def test_plain_pesos_are_those_whose_own_sign_the_text_writes():
    from pipeline.nlp.en.numbers import regional_unit
    text = "SAN FRANCISCO DE MACORÍS – Traders put their losses at 40 million pesos.\nCaption: Losses: RD$40 million."
    assert [(n.text, n.unit) for n in find_numbers(text)] == [("40 million pesos", "DOP"), ("RD$40 million", "DOP")]
    assert regional_unit("Traders put their losses at 40 million pesos.", "MXN", "pesos") == "MXN"


def test_a_currency_code_written_by_a_number_decides_its_texts_plain_pesos():
    """blind130: a Tapachula shelter's log names Cubans once; "MXN 61,400" and the same text's pesos are Mexican."""
    text = ("Venezuelans were followed by Cubans. Food costs came to MXN 61,400, more than double the usual 28,000 "
            "pesos.")
    assert [(n.text, n.unit) for n in find_numbers(text)] == [("MXN 61,400", "MXN"), ("28,000 pesos", "MXN")]
    assert [n.unit for n in find_numbers("Shelters in Mexico City paid 900 pesos, Mexico's ministry said; Cubans arrived.")] == ["MXN"]


def test_a_towns_accented_name_places_its_texts_pesos():
    """blind128: GeoNames keeps only ASCII alternate names, so "Tucumán" was no town and its pesos were Mexican."""
    text = "San Miguel de Tucumán, 12 May 2026. The province owes 148 billion pesos to 38,500 teachers."
    assert ("148 billion pesos", "ARS") in [(n.text, n.unit) for n in find_numbers(text)]


def test_the_short_name_of_ouagadougou_makes_plain_cfa_francs_west_african():
    """blind137: a Burkinabè paper's English edition names "Ouaga" and no country."""
    text = "Politics Ouaga Economy. The market will cost 46 billion CFA francs to rebuild."
    assert [n.unit for n in find_numbers(text) if "francs" in n.text] == ["XOF"]

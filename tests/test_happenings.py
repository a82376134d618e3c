"""Dated happenings: which action a sentence tells, and which of its dates dates it."""

from __future__ import annotations

import re

import pytest

from pipeline import happenings
from pipeline.errors import ConfigError
from pipeline.happenings import find_happenings, phrase_pattern
from pipeline.models import Analysis, DateMention, EntityMention, Sentence


def analysis_of(text: str, dates: list[tuple[str, str | None, str | None]],
                entities: list[tuple[str, str, str]] = ()) -> Analysis:
    """An analysis of ``text``: sentences split at full stops, the given date mentions
    (text as written, value, value_end) and entities (text, label, canonical)."""
    sentences = tuple(Sentence(m.start(), m.end(), m.group()) for m in re.finditer(r"[^.]+\.?\s*", text))
    mentions = []
    for written, value, value_end in dates:
        start = text.index(written)
        precision = None if value is None else {4: "year", 7: "month"}.get(len(value), "day")
        mentions.append(DateMention(written, start, start + len(written), value, value_end, precision,
                                    relative=value is None))
    found = [EntityMention(t, text.index(t), text.index(t) + len(t), label, canonical)
             for t, label, canonical in entities]
    return Analysis(sentences=sentences, dates=tuple(mentions), entities=tuple(found))


def found(text: str, dates: list[tuple[str, str | None, str | None]]) -> list[tuple[str, str | None]]:
    return [(h.action, h.date) for h in find_happenings(analysis_of(text, dates), text)]


@pytest.mark.parametrize("sentence, date_text, value, expected", [
    ("Protests began in Zhanaozen on January 2.", "January 2", "2022-01-02", "protests_began"),
    ("Residents of Zhanaozen attended unauthorised protest actions on January 2.", "January 2", "2022-01-02",
     "protests_began"),
    ("Thousands took to the streets of Aktau on 3 January.", "3 January", "2022-01-03", "protests_began"),
    ("On January 4, protest actions in Almaty turned into mass riots.", "January 4", "2022-01-04", "riots"),
    ("The government resigned on January 5, 2022.", "January 5, 2022", "2022-01-05", "government_resigned"),
    ("Tokayev accepted the government's resignation on 5 January.", "5 January", "2022-01-05",
     "government_resigned"),
    ("A curfew was imposed in Almaty on January 5.", "January 5", "2022-01-05", "curfew"),
    ("On January 5 Tokayev asked the CSTO for military assistance.", "January 5", "2022-01-05",
     "troops_requested"),
    ("The first Russian paratroopers landed in Almaty on January 6.", "January 6", "2022-01-06",
     "troops_arrived"),
    ("CSTO troops began to withdraw on January 13.", "January 13", "2022-01-13", "troops_withdrawn"),
    ("On January 7 Tokayev said he had ordered the army to shoot to kill.", "January 7", "2022-01-07",
     "fire_without_warning"),
    ("On January 7, a “critical red” level of terrorist danger was introduced.", "January 7", "2022-01-07",
     "terror_alert"),
    ("January 10 was declared a day of national mourning.", "January 10", "2022-01-10", "mourning_day"),
    ("Prices of liquefied gas doubled on January 1.", "January 1", "2022-01-01", "price_rise"),
    ("On January 4 the commission cut the price to 50 tenge.", "January 4", "2022-01-04", "price_cut"),
    ("Armed men seized Almaty airport on January 5.", "January 5", "2022-01-05", "airport_seized"),
    ("In a televised address on January 7, the president spoke of bandits.", "January 7", "2022-01-07",
     "address_to_nation"),
    ("The internet was shut down across the country on January 5.", "January 5", "2022-01-05",
     "internet_shutdown"),
])
def test_each_action_is_found_with_the_date_of_its_sentence(sentence, date_text, value, expected):
    assert found(sentence, [(date_text, value, None)]) == [(expected, value)]


@pytest.mark.parametrize("sentence, date_text, value", [
    ("The weather in Almaty was cold on January 5.", "January 5", "2022-01-05"),
    ("The declaration of independence was read on December 16.", "December 16", "2021-12-16"),
    ("Officers were deployed to guard the embassy on January 6.", "January 6", "2022-01-06"),
])
def test_a_sentence_without_a_trigger_phrase_gives_no_happening(sentence, date_text, value):
    assert found(sentence, [(date_text, value, None)]) == []


def test_a_trigger_without_a_dated_mention_gives_no_happening():
    text = "The government resigned after days of protest. It resigned yesterday."
    assert found(text, [("yesterday", None, None)]) == []


def test_a_span_dates_the_declaration_by_its_start_and_the_end_by_its_end():
    text = "Tokayev announced a state of emergency from January 5 to January 19, 2022 throughout the country."
    result = find_happenings(analysis_of(text, [("January 5 to January 19, 2022", "2022-01-05", "2022-01-19")]),
                             text)
    by_action = {h.action: h for h in result}
    assert by_action["emergency_declared"].date == "2022-01-05"
    assert by_action["emergency_declared"].date_end == "2022-01-19"
    assert by_action["emergency_ends"].date == "2022-01-19"
    assert by_action["emergency_ends"].date_text == "January 5 to January 19, 2022"


def test_a_span_written_as_two_dates_splits_the_same_way():
    text = "A state of emergency was declared from January 5 to January 19."
    assert sorted(found(text, [("January 5", "2022-01-05", None), ("January 19", "2022-01-19", None)])) == [
        ("emergency_declared", "2022-01-05"), ("emergency_ends", "2022-01-19")]


def test_a_date_after_until_dates_only_the_end():
    text = "Emergency rule was imposed in Mangistau until January 22."
    assert found(text, [("January 22", "2022-01-22", None)]) == [("emergency_ends", "2022-01-22")]


def test_a_lifted_state_of_emergency_is_dated_by_its_sentence():
    text = "The state of emergency was lifted in Almaty on January 19."
    assert found(text, [("January 19", "2022-01-19", None)]) == [("emergency_ends", "2022-01-19")]


def test_a_declaration_alone_does_not_give_an_end():
    text = "Tokayev declared a state of emergency in Almaty on January 5."
    assert found(text, [("January 5", "2022-01-05", None)]) == [("emergency_declared", "2022-01-05")]


def test_an_as_of_date_dates_the_count_not_the_happening():
    text = "As of January 7, 748 officers were injured since riots broke out."
    assert found(text, [("January 7", "2022-01-07", None)]) == []


def test_each_action_takes_the_date_nearest_its_phrase():
    text = "Protests that began on January 2 turned into riots on January 4."
    assert sorted(found(text, [("January 2", "2022-01-02", None), ("January 4", "2022-01-04", None)])) == [
        ("protests_began", "2022-01-02"), ("riots", "2022-01-04")]


def test_a_date_before_a_subordinate_clause_does_not_date_what_the_clause_tells():
    text = "The government resigned on January 5 after protests against a sharp rise in fuel prices."
    assert found(text, [("January 5", "2022-01-05", None)]) == [("government_resigned", "2022-01-05")]


def test_a_wider_gap_reaches_an_end_date_far_from_its_phrase():
    text = ("The state of emergency in Karavan and the Kumdala region will stay in force until January 22, "
            "according to regional decrees.")
    assert found(text, [("January 22", "2022-01-22", None)]) == [("emergency_ends", "2022-01-22")]
    text = "More than 2,000 troops from the Northern Security Compact began to leave the country on January 13."
    assert found(text, [("January 13", "2022-01-13", None)]) == [("troops_withdrawn", "2022-01-13")]


def test_a_lifted_curfew_is_not_a_curfew_imposed():
    text = "The curfew in Almaty was lifted on January 20."
    assert found(text, [("January 20", "2022-01-20", None)]) == []


def test_happenings_keep_sentence_offsets_and_actors_without_dates_or_repeats():
    text = "It was cold. On January 5 Tokayev dismissed the government of Askar Mamin, Tokayev said."
    analysis = analysis_of(text, [("January 5", "2022-01-05", None)], [
        ("Tokayev", "PERSON", "Kassym-Jomart Tokayev"), ("January 5", "DATE", "January 5"),
        ("Askar Mamin", "PERSON", "Askar Mamin")])
    (happening,) = find_happenings(analysis, text)
    assert happening.action == "government_resigned"
    assert happening.sentence_start == text.index("On January 5")
    assert text[happening.start:happening.end] == "January 5"
    assert happening.actors == ("Kassym-Jomart Tokayev", "Askar Mamin")
    assert happening.label == "Government resigned"


def test_an_analysis_without_sentences_is_read_sentence_by_sentence():
    text = "It was cold on January 3. The government resigned on January 5."
    start = text.index("January 5")
    analysis = Analysis(dates=(DateMention("January 3", text.index("January 3"), text.index("January 3") + 9,
                                           "2022-01-03", precision="day"),
                               DateMention("January 5", start, start + 9, "2022-01-05", precision="day")))
    assert [(h.action, h.date) for h in find_happenings(analysis, text)] == [("government_resigned", "2022-01-05")]


@pytest.mark.parametrize("phrase, text, matches", [
    ("declare|impose * state_of_emergency", "declared a two-week state of emergency", True),
    ("declare|impose * state_of_emergency", "imposing a state of emergency", True),
    ("declare|impose * state_of_emergency", "the declaration of a state of emergency", False),
    ("declare * state_of_emergency", "declared that on Monday the country would face a state of emergency", False),
    ("troop * withdraw", "troops began withdrawing", True),
    ("riot * broke_out", "riots broke out", True),
    ("shoot to kill", "a shoot-to-kill order", True),
    ("critical red", "a “critical red” level", True),
    ("price * rise|rose", "prices of liquefied gas rose", True),
    ("price * rise|rose", "pricey cars rose in value", False),
])
def test_lexicon_phrases_match_word_forms_and_gaps_of_up_to_four_words(phrase, text, matches):
    assert bool(phrase_pattern(phrase).search(text)) is matches


def test_a_broken_lexicon_names_every_bad_action(tmp_path, monkeypatch):
    lexicon = tmp_path / "happenings.yaml"
    lexicon.write_text("good:\n  label: Good\n  phrases: [good thing]\n"
                       "no_label:\n  phrases: [x]\n"
                       "bad_phrase:\n  label: Bad\n  phrases: ['* starts with a gap']\n", encoding="utf-8")
    monkeypatch.setattr(happenings, "LEXICON", lexicon)
    happenings.load_actions.cache_clear()
    try:
        with pytest.raises(ConfigError) as caught:
            happenings.load_actions()
        assert [place for place, _ in caught.value.problems] == ["no_label", "bad_phrase"]
    finally:
        happenings.load_actions.cache_clear()


def test_every_action_of_the_lexicon_has_a_label_and_a_phrase():
    actions = {a.key: a for a in happenings.load_actions()}
    required = {"protests_began", "riots", "emergency_declared", "emergency_ends", "curfew", "government_resigned",
                "troops_requested", "troops_arrived", "troops_withdrawn", "fire_without_warning", "terror_alert",
                "mourning_day", "price_rise", "price_cut", "airport_seized", "address_to_nation"}
    assert required <= actions.keys()
    assert all(a.label and a.patterns for a in actions.values())


# Sentences that tell one action, another, none, or only half of a phrase ("declared" without the emergency).
GATE_SENTENCES = [
    "The president declared a state of emergency in Almaty on January 5.",
    "A curfew was imposed from 11 p.m. to 7 a.m. on Wednesday.",
    "The government resigned on January 5 after the protests spread.",
    "The state of emergency was lifted on January 19.",
    "He declared that the talks were over.",
    "Prices of liquefied gas doubled to 120 tenge on January 1.",
    "Nothing of the kind happened on Monday.",
    "",
]


def test_each_actions_one_search_finds_a_trigger_exactly_where_its_patterns_do() -> None:
    """The quick test before the patterns: for every action of the lexicon, on sentences of every kind."""
    for action in happenings.load_actions():
        assert action.any_pattern is not None, action.key
        for sentence in GATE_SENTENCES:
            assert bool(action.any_pattern.search(sentence)) == any(p.search(sentence) for p in action.patterns), (
                action.key, sentence)


def test_patterns_with_groups_or_other_flags_get_no_single_search() -> None:
    plain = phrase_pattern("declare|impose * state_of_emergency")
    assert happenings.any_of((plain, phrase_pattern("curfew"))) is not None
    assert happenings.any_of((plain, re.compile(r"(a)\1", re.IGNORECASE))) is None  # a back-reference
    assert happenings.any_of((plain, re.compile("curfew"))) is None  # case-sensitive
    assert happenings.any_of(()) is None


def test_a_sentence_without_a_trigger_gives_no_happening_with_or_without_the_single_search(monkeypatch) -> None:
    text = " ".join(GATE_SENTENCES[:7])
    analysis = analysis_of(text, [("January 5", "2022-01-05", None), ("Wednesday", "2022-01-05", None),
                                  ("January 19", "2022-01-19", None), ("January 1", "2022-01-01", None),
                                  ("Monday", "2022-01-03", None)])
    gated = find_happenings(analysis, text)
    actions = tuple(a.__class__(**{**a.__dict__, "any_pattern": None}) for a in happenings.load_actions())
    monkeypatch.setattr(happenings, "load_actions", lambda: actions)
    assert find_happenings(analysis, text) == gated
    assert {h.action for h in gated} >= {"emergency_declared", "emergency_ends"}

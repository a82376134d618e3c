"""Entities found and merged from their structure, for any country: a body with and without its
country, bodies named by their head noun, names written in capitals, quoted names, transcript
speakers and first names, and peoples under their plural noun. Sentences invented for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.models import EntityMention
from pipeline.nlp import analyse, load_nlp
from pipeline.nlp.en.org_rules import people_noun


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def found(nlp, text: str) -> list[EntityMention]:
    return list(analyse(nlp, text, dt.date(2025, 4, 2)).entities)


def by_text(nlp, text: str) -> dict[str, EntityMention]:
    return {m.text: m for m in found(nlp, text)}


@pytest.mark.parametrize("word, people", [("Uzbek", "Uzbeks"), ("Peruvian", "Peruvians"), ("Kazakhs", "Kazakhs"),
                                          ("Sudanese", "Sudanese"), ("French", "French"), ("Thai", "Thais")])
def test_a_people_is_named_by_its_plural_noun(word: str, people: str) -> None:
    assert people_noun(word) == people


def test_a_demonym_and_its_plural_are_one_people(nlp) -> None:
    mentions = by_text(nlp, "Uzbek workers were stranded at the border, and several Uzbeks said they had no food.")
    assert (mentions["Uzbek"].canonical, mentions["Uzbeks"].canonical) == ("Uzbeks", "Uzbeks")
    assert mentions["Uzbek"].label == "NORP"


def test_a_body_named_with_the_republic_it_belongs_to_keeps_its_country_and_the_bare_form_joins_it(nlp) -> None:
    text = ("The Ministry of Water Resources of the Republic of Kazakhstan reported the breach at noon. "
            "Later the Ministry of Water Resources said the dam was holding.")
    names = {m.canonical for m in found(nlp, text) if "Water" in m.text}
    assert names == {"Ministry of Water Resources of Kazakhstan"}


def test_any_countrys_formal_style_names_the_country_of_its_body(nlp) -> None:
    text = ("The Ministry of Emergency Situations of the Republic of Uzbekistan sent 36 crews. "
            "The Ministry of Emergency Situations said the mudflow had stopped.")
    names = {m.canonical for m in found(nlp, text) if "Emergency" in m.text}
    assert names == {"Ministry of Emergency Situations of Uzbekistan"}


def test_a_body_after_its_country_in_the_possessive_is_that_countrys_body(nlp) -> None:
    text = ("Nigeria's Ministry of Finance said fuel subsidies would end in June. "
            "The Ministry of Finance gave no figure for the savings.")
    names = {m.canonical for m in found(nlp, text) if "Finance" in m.text}
    assert names == {"Ministry of Finance of Nigeria"}


@pytest.mark.parametrize("text, name", [
    ("The decree instructs the Vice-Ministry of Rural Roads to reopen the bridge.", "Vice-Ministry of Rural Roads"),
    ("The Tarija Regional Police Command reported 12 arrests overnight.", "Tarija Regional Police Command"),
    ("Volunteers sent by the Coalition for Clean Water handed out filters.", "Coalition for Clean Water"),
    ("Troops were sent to help the Chilean Police clear the road.", "Chilean Police"),
])
def test_a_capitalised_name_built_on_an_organisations_head_noun_is_one_organisation(nlp, text: str,
                                                                                   name: str) -> None:
    mention = by_text(nlp, text).get(name)
    assert mention is not None and (mention.canonical, mention.label) == (name, "ORG")


def test_a_body_ends_before_and_or_a_day(nlp) -> None:
    mentions = by_text(nlp, "The National Police and the Armed Forces met the National Assembly on Friday.")
    assert "National Police" in mentions and "National Assembly" in mentions


def test_a_heading_in_capitals_names_a_body_as_running_text_would(nlp) -> None:
    text = "NATIONAL FIRE SERVICE OF CHILE\nPress release\n\nFirefighters contained the blaze near Valparaiso."
    mention = by_text(nlp, text)["NATIONAL FIRE SERVICE OF CHILE"]
    assert (mention.canonical, mention.label) == ("National Fire Service of Chile", "ORG")


def test_a_country_in_capitals_before_a_colon_is_a_place(nlp) -> None:
    mention = by_text(nlp, "MALAWI: Floods in the southern districts\n\nRivers rose after three days of rain.")["MALAWI"]
    assert (mention.canonical, mention.label) == ("Malawi", "GPE")


def test_a_name_in_quotes_after_its_descriptor_is_found_and_shared(nlp) -> None:
    text = ('The Farmers\' Association "Green Valley" said 300 hectares were lost. '
            "Green Valley asked for seed grants.")
    names = {m.canonical for m in found(nlp, text) if "Green Valley" in m.text}
    assert names == {"Farmers' Association Green Valley"}


def test_transcript_speakers_are_people_and_their_first_names_the_same_people(nlp) -> None:
    text = ("TENDAI MOYO: Good evening, this is the late bulletin.\n\n"
            "RUTH BANDA: Thank you. Tendai, the water is still rising here in Mzuzu.\n")
    mentions = found(nlp, text)
    speaker = next(m for m in mentions if m.text == "TENDAI MOYO")
    first = next(m for m in mentions if m.text == "Tendai")
    assert (speaker.canonical, speaker.label) == ("Tendai Moyo", "PERSON")
    assert first.canonical == "Tendai Moyo"


@pytest.mark.parametrize("text, spelling, canonical", [
    ("The Attorney General's Office opened a case on Monday.", "Attorney General's Office",
     "Attorney General's Office"),
    ("On Monday the General Prosecutor's Office opened a case.", "General Prosecutor's Office",
     "Prosecutor General's Office"),
])
def test_a_title_in_an_offices_name_stays_in_the_name(nlp, text: str, spelling: str, canonical: str) -> None:
    mention = by_text(nlp, text)[spelling]
    assert (mention.canonical, mention.role) == (canonical, None)


def test_a_slash_before_an_agencys_name_is_no_part_of_it(nlp) -> None:
    mentions = by_text(nlp, "ASTANA, May 3, 2025. /Steppe-Press, English service/ - The akimat reported floods.")
    assert "Steppe-Press" in mentions


def test_a_known_city_after_a_place_preposition_is_found(nlp) -> None:
    text = "The families of the pilgrims from Deoghar waited for news. Banks were shut in March."
    mentions = by_text(nlp, text)
    assert mentions["Deoghar"].label == "GPE"
    assert "March" not in mentions


def test_a_known_city_after_a_preposition_opening_a_sentence_is_found(nlp) -> None:
    mentions = by_text(nlp, "In Antalaha, where supplies are running short, rice sells for 5,000 ariary.")
    assert mentions["Antalaha"].label == "GPE"


@pytest.mark.parametrize("text, name", [
    ("The judge sentenced Thabo Mokoena, 41, to twelve years in prison.", "Thabo Mokoena"),
    ("4. Ashok Mandal, 52, a tea-stall owner who came every year.", "Ashok Mandal"),
    ("In the village, 72-year-old Maria Quispe said her house had cracked.", "Maria Quispe"),
])
def test_a_name_with_an_age_beside_it_is_a_person(nlp, text: str, name: str) -> None:
    assert by_text(nlp, text)[name].label == "PERSON"


def test_a_letters_place_and_date_line_names_a_place(nlp) -> None:
    mentions = found(nlp, "Arequipa, Wednesday 22 April 2026\n\nDear parents, the schools stay closed this week.")
    assert ("Arequipa", "GPE") in [(m.text, m.label) for m in mentions]


def test_and_inside_an_organisations_of_phrase_stays_in_its_name(nlp) -> None:
    mentions = found(nlp, "The Department of Hydrology and Meteorology issued a red warning on Monday.")
    assert "Department of Hydrology and Meteorology" in [m.text for m in mentions if m.label == "ORG"]


def test_one_word_the_gazetteer_knows_as_a_city_is_a_place_whatever_the_model_says(nlp) -> None:
    mentions = found(nlp, "The launch capsized near Madaripur on Friday, officials in Madaripur said.")
    assert {m.label for m in mentions if m.text == "Madaripur"} == {"GPE"}


def test_a_name_after_a_word_that_says_it_is_a_place_is_a_place(nlp) -> None:
    """blind53: the model took small districts and rivers for people; "the district of", "the rivers" say what they
    are (a person's name after them stays a person elsewhere)."""
    mentions = found(nlp, "The rivers Licungo and Lugela flooded the districts of Mocuba, Lugela and Maganja da "
                          "Costa. Four persons disappeared in the district of Lugela. Mr Smith met Jones.")
    labels = {m.text: m.label for m in mentions}
    assert labels["Licungo"] == labels["Lugela"] == labels["Maganja da Costa"] == "GPE"
    assert labels["Smith"] == "PERSON"

"""A casualty count limited to one named site of a story (pipeline/nlp/sites.py): one test per rule, each with
the sentence it exists for."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.evaluate import analyse
from pipeline.models import Figure, Sentence
from pipeline.nlp import load_nlp
from pipeline.nlp.sites import site_incidents, site_named_before, site_of


def figure(sentence: str, text: str, value: float, claim_type: str = "killed") -> Figure:
    start = sentence.index(text)
    return Figure(text=text, start=start, end=start + len(text), value=value, claim_type=claim_type,
                  counted_group="people", sentence=sentence, sentence_start=0)


TOLL = figure("Seventeen people have been killed since the protests began.", "Seventeen", 17)


@pytest.mark.parametrize("sentence, text, where", [
    # blind97: the same bridge, with and without its accent, after the count or before it
    ("At least two men died at the Río Seco bridge on Wednesday.", "two", ("incident", "at Rio Seco")),
    ("On 9 September police fired on a blockade at the Rio Seco bridge in El Alto, killing four men.", "four",
     ("incident", "at Rio Seco")),
    # blind99: a clock tower, two words of its kind after its name
    ("Police fired on a crowd at the Ghantaghar clock tower in Birgunj on Monday, killing four.", "four",
     ("incident", "at Ghantaghar")),
    # blind87: a shooting named by its site, in a headline
    ("Kejetia shooting: four dead as traders count their losses", "four", ("incident", "at Kejetia")),
    # blind85: the kind before the name
    ("At the Mercado do 30 in Viana, police fired live rounds into a crowd of traders and killed six people.", "six",
     ("incident", "at Mercado do 30")),
    # blind81: a town's clash is the town's count
    ("Andahuaylas clash kills two; blockades still cut roads", "two", ("scope", "Andahuaylas")),
    # blind102: the dead at a named hospital
    ("3 people died of gunshot wounds at Donka hospital on Thursday.", "3", ("incident", "at Donka")),
    # blind120, blind121: an interchange and a crossroads
    ("At least two people were shot dead when police cleared the San Miguelito interchange on Saturday.", "two",
     ("incident", "at San Miguelito")),
    ("Five men were killed at the Cuatro Caminos crossroads.", "Five", ("incident", "at Cuatro Caminos")),
])
def test_a_casualty_count_its_clause_limits_to_a_named_site_is_that_sites(sentence, text, where) -> None:
    assert site_of(figure(sentence, text, 4), ()) == where


@pytest.mark.parametrize("sentence, text, claim_type, other", [
    # a crowd at a square is the story's march, not one of its incidents
    ("About 10,000 people gathered in Independence Square.", "10,000", "protesters", None),
    # a weekday is no site's name
    ("The Tuesday shooting left three dead.", "three", "killed", None),
    # blind14: where a reporter speaks from
    ("Our reporter at the Gorica bridge says rescuers have recovered at least four bodies.", "four", "killed", None),
    # blind87: the site is one place of the whole count
    ("Police say six people have died since Tuesday, including at the Kejetia market in Kumasi.", "six", "killed",
     None),
    # blind81: a comma closes the count's clause
    ("The toll of Juliaca rose to eight, counting the officer killed near Plaza Bolognesi.", "eight", "killed", None),
    # the hurt a named hospital treated are its own count (scope.py), not a site's where they were hurt
    ("Some 58 wounded people were treated at Donka hospital.", "58", "injured", None),
    # blind77: the next count of a list is another place's
    ("Seven people have been killed: four at the Kurunegala depot, two in Colombo.", "two", "killed", None),
    # blind81: another count between them holds the site
    ("The toll stands at seven, six of them killed in the clash at the Kennedy market.", "seven", "killed", "six"),
])
def test_a_site_outside_the_counts_own_clause_limits_nothing(sentence, text, claim_type, other) -> None:
    others = (figure(sentence, other, 6),) if other else ()
    assert site_of(figure(sentence, text, 4, claim_type), others) is None


def test_a_sites_count_is_its_own_only_beside_a_larger_toll() -> None:
    """A page all about one shooting counts the story's dead."""
    shooting = figure("Four people were shot dead near the Sabon Gari market.", "Four", 4)
    assert [f.incident for f in site_incidents((shooting,))] == [None]
    assert [f.incident for f in site_incidents((TOLL, shooting))] == [None, "at Sabon Gari"]


def test_a_site_named_by_its_kind_alone_is_the_last_of_that_kind_named_before() -> None:
    """blind79: "the market junction" is the Sabon Gari market the text named before."""
    opening = Sentence(text="Traders at the Sabon Gari market counted their losses.", start=0, end=54)
    count = figure("A day before, 5 people were shot dead at the market junction.", "5", 5)
    count = Figure(**{**count.__dict__, "start": 60, "end": 61, "sentence_start": 55})
    assert site_named_before(count, (), (opening,)) == ("incident", "at Sabon Gari")
    assert site_named_before(count, (), ()) is None


@pytest.mark.parametrize("before, where", [
    # blind85: the sentence before names the site and no count
    ("Gunfire at the Mercado do 30 in Viana.", ("incident", "at Mercado do 30")),
    # a sentence with a count of its own at the site keeps it
    ("Two people died at the Mercado do 30 on Sunday.", None),
])
def test_the_first_count_after_a_sentence_naming_a_site_is_that_sites(before, where) -> None:
    opening = Sentence(text=before, start=0, end=len(before))
    count = figure("Traders tell us at least four people were shot dead when police moved in.", "four", 4)
    shift = len(before) + 1
    count = Figure(**{**count.__dict__, "start": count.start + shift, "end": count.end + shift,
                      "sentence_start": shift})
    assert site_named_before(count, (), (opening,)) == where


@pytest.mark.parametrize("before, where", [
    # blind118: the day the sentence gives is no count
    (["Kalerwe market\n", "On the morning of 22 July, police fired into a crowd outside Kalerwe market."],
     ("incident", "at Kalerwe")),
    # blind115: the site by its kind alone, under a heading naming it
    (["Croix-des-Bossales\n", "On the first day police opened fire near the market."],
     ("incident", "at Croix-des-Bossales")),
    # a heading naming no site, or a town, gives none
    (["What happened\n", "On the first day police opened fire near the market."], None),
    (["Gonaives\n", "On the first day police opened fire near the market."], None),
    # a sentence counting something of its own is no site's
    (["Kalerwe market\n", "On 22 July, 300 police fired into a crowd outside Kalerwe market."], None),
])
def test_a_site_named_the_day_before_or_by_its_kind_under_its_heading_is_the_counts(before, where) -> None:
    sentences, at = [], 0
    for text in before:
        sentences.append(Sentence(text=text, start=at, end=at + len(text)))
        at += len(text) + (0 if text.endswith("\n") else 1)
    count = figure("Four young men were killed and seven wounded.", "Four", 4)
    count = Figure(**{**count.__dict__, "start": count.start + at, "end": count.end + at, "sentence_start": at})
    assert site_named_before(count, (), tuple(sentences)) == where


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def test_two_sources_naming_one_site_key_its_count_apart_from_the_toll(nlp) -> None:
    wire = analyse(nlp, "Police say 17 people have been killed in the protests. At least two men died at the Río Seco "
                        "bridge in El Alto on Wednesday.", dt.date(2026, 9, 12), "Wire").figures
    paper = analyse(nlp, "The national toll is now 15. Police fired on a blockade at the Rio Seco bridge, killing two "
                         "men.", dt.date(2026, 9, 12), "Paper").figures
    assert [(f.text, f.incident) for f in wire] == [("17", None), ("At least two", "at Rio Seco")]
    assert [(f.text, f.incident) for f in paper] == [("15", None), ("two", "at Rio Seco")]


def test_a_site_opening_its_sentence_limits_every_count_of_it_and_names_its_towns_shooting(nlp) -> None:
    """blind106: "At Limbe market, …" holds both counts after it; "the Limbe shooting" is the market's, as the text
    names "Limbe market" (a town's clash of no named site is the town's count)."""
    found = analyse(nlp, "Police say 14 people have died and 40 were injured. At Limbe market, police shot dead three "
                         "men and wounded 8. Eight were wounded in the Limbe shooting.", dt.date(2026, 8, 14),
                    "Wire").figures
    assert [(f.text, f.incident) for f in found] == [("14", None), ("40", None), ("three", "at Limbe"),
                                                      ("8", "at Limbe"), ("Eight", "at Limbe")]


def test_a_named_blockade_is_a_site_and_a_count_of_blockade_points_is_none(nlp) -> None:
    """blind125: "three of them at the Chaom Chau blockade" and "Three died at the Chaom Chau blockade" are that
    site's count; blind81: "127 blockade points" names no site."""
    wire = analyse(nlp, "Police said four people had been killed, three of them at the Chaom Chau blockade and one "
                        "in Bavet.", dt.date(2026, 9, 29), "Wire").figures
    explainer = analyse(nlp, "The government says four people were killed. Three died at the Chaom Chau blockade.",
                        dt.date(2026, 9, 30), "Explainer").figures
    assert [f.incident for f in wire if f.text == "three"] == ["at Chaom Chau"]
    assert [(f.text, f.incident) for f in explainer] == [("four", None), ("Three", "at Chaom Chau")]
    counted = analyse(nlp, "The police toll is nine. Officials had counted 127 blockade points. Two people died there.",
                      dt.date(2026, 7, 12), "Encyclopedia").figures
    assert not any((f.incident or "").startswith("at 127") for f in counted)

"""Alignment: which claims of different sources are about the same thing, and the estimate."""

from __future__ import annotations

import dataclasses
import itertools
import random
import re

import pytest

from pipeline.align import align, align_changes, event_key
from pipeline.errors import ConfigError
from pipeline.models import Claim, EventMember, Figure, Happening
from pipeline.nlp import keys as keys_module
from pipeline.nlp.keys import counted_group, price_phase, with_keys


def fig(value: float | None, claim_type: str = "killed", counted: str | None = None, head: str | None = None,
        scope: str | None = None, as_of: str | None = None, low: float | None = None, high: float | None = None,
        sentence: str | None = None, text: str | None = None, unit: str | None = None, approx: str | None = None,
        status: str = "reported", published_year: int = 2022) -> Figure:
    """A figure with the keys the facts layer stores (for a story of ``published_year``); with a
    sentence, the figure text is found in it and offsets point there."""
    text = text or (str(int(value)) if value is not None else "some")
    start = sentence.index(text) if sentence else 0
    if head is None and counted:
        head = counted.split()[-1]
    return with_keys(Figure(text=text, start=start, end=start + len(text), value=value, low=low, high=high,
                            counted=counted, counted_head=head, claim_type=claim_type, as_of=as_of, unit=unit,
                            approx=approx, status=status, sentence=sentence, sentence_start=0 if sentence else None,
                            scope=scope), published_year, published_year)


def claim(key: str, source: str, figure: Figure | None = None, happening: Happening | None = None,
          published: str | None = "2022-01-08", story: str = "kz") -> Claim:
    return Claim(key=key, story_id=story, source_id=source, source_kind="wire", url=f"https://{source}.example/a",
                 published=published, figure=figure, happening=happening)


def happened(action: str, date: str, label: str = "State of emergency ends") -> Happening:
    return Happening(action=action, label=label, date=date, date_end=None, date_text=date, start=0, end=10,
                     sentence=f"... {date} ...")


def only(events):
    assert len(events) == 1, [e.label for e in events]
    return events[0]


def member(event, key):
    (found,) = [m for m in event.members if m.claim_key == key]
    return found


# --- what a figure counts ------------------------------------------------------------------------------


@pytest.mark.parametrize("counted, claim_type, group, own_word", [
    ("police officers", "killed", "security forces", "police officers"),
    ("national guard soldiers", "injured", "security forces", "national guard soldiers"),
    ("servicemen", "killed", "security forces", "servicemen"),
    ("law-enforcement officers", "injured", "security forces", "law-enforcement officers"),
    ("security personnel", "killed", "security forces", "security personnel"),
    ("members of the security forces", "killed", "security forces", "members of the security forces"),
    ("people", "detained", "people", "people"),
    ("citizens", "injured", "people", "citizens"),
    ("civilians", "killed", "civilians", "civilians"),
    ("residents", "injured", "people", "residents"),
    ("persons", "detained", "people", "persons"),
    ("victims", "injured", "people", "victims"),
    ("suspects", "detained", "people", "suspects"),
    ("foreign nationals", "killed", "migrants", "foreign nationals"),
    ("migrant workers", "killed", "migrants", "migrant workers"),
    ("supporters", "killed", "people", "supporters"),
    ("protesters", "detained", "opposing actors", "protesters"),
    ("demonstrators", "killed", "opposing actors", "demonstrators"),
    ("rioters", "detained", "opposing actors", "rioters"),
    ("terrorists", "detained", "opposing actors", "terrorists"),
    ("bandits", "killed", "opposing actors", "bandits"),
    ("militants", "killed", "opposing actors", "militants"),
    ("armed criminals", "killed", "opposing actors", "armed criminals"),
    ("looters", "detained", "opposing actors", "looters"),
    ("attackers", "killed", "opposing actors", "attackers"),
    ("assailants", "killed", "opposing actors", "assailants"),
    ("troops", "deployed", "troops", "troops"),
    ("peacekeepers", "deployed", "troops", "peacekeepers"),
    ("peacekeeping contingent", "deployed", "troops", "contingent"),
    ("servicemen", "deployed", "troops", "servicemen"),
    ("people", "deployed", "troops", "people"),
    ("pieces of military hardware", "deployed", "equipment", "military hardware"),
])
def test_counted_phrases_map_to_their_group_and_keep_the_source_word(counted, claim_type, group, own_word):
    assert counted_group(fig(1, claim_type, counted)) == (group, own_word)


def test_the_head_noun_decides_when_a_phrase_names_two_groups():
    assert counted_group(fig(5, "killed", "civilians killed by security forces", head="civilian"))[0] == "civilians"
    assert counted_group(fig(5, "killed", "police officers among the people", head="officer"))[0] == "security forces"


def test_a_part_names_its_group_through_of():
    sentence = "State television said 12 members of the security forces had been killed and 353 injured."
    assert counted_group(fig(12, "killed", "members", sentence=sentence))[0] == "security forces"
    assert counted_group(fig(353, "injured", "members", sentence=sentence))[0] == "security forces"
    sentence = "The alliance sent 250 pieces of military hardware."
    assert counted_group(fig(250, "deployed", "pieces", sentence=sentence))[0] == "equipment"
    sentence = "Police detained 12 members of the public."
    assert counted_group(fig(12, "detained", "members", sentence=sentence))[0] is None


@pytest.mark.parametrize("claim_type, counted, group, label", [
    ("attacks", "attacks", "attacks", "Attacks"),
    ("attacks", "cases of attacks", "attacks", "Attacks"),
    ("attacks", "bandits", "opposing actors", "Opposing actors who attacked"),
    ("fires", "fires", "fires", "Fires"),
    ("fires", "cars", None, None),
])
def test_attacks_and_fires_count_themselves_or_the_people_who_did_them(claim_type, counted, group, label):
    figure = fig(20, claim_type, counted, head=counted.split()[0])
    assert counted_group(figure)[0] == group
    assert [e.label for e in align([claim("a", "s", figure)])] == ([label] if label else [])


def test_a_head_noun_alone_is_enough():
    assert counted_group(fig(5, "detained", None, head="terrorist")) == ("opposing actors", "terrorist")


@pytest.mark.parametrize("figure", [
    fig(10, "injured", "horses"),
    fig(10, "killed", None),
    fig(10, "detained", "cases"),
    fig(10, "other", None, head=None),
])
def test_unknown_groups_and_claims_counting_nothing_are_not_aligned(figure):
    assert counted_group(figure)[0] is None
    assert event_key(claim("a", "src", figure)) is None


def test_an_other_figure_counting_plain_people_with_no_action_is_not_aligned():
    sentence = "He expressed condolences to the families of the 225 people who lost their lives."
    plain = dataclasses.replace(fig(225, "other", "people", sentence=sentence), counted_group="people")
    assert event_key(claim("a", "src", plain)) is None
    rescued = dataclasses.replace(plain, counted_group="people: rescued")
    assert event_key(claim("b", "src", rescued)) is not None


def test_a_figure_without_a_number_is_not_aligned():
    assert event_key(claim("a", "src", fig(None, "killed", "people"))) is None


@pytest.mark.parametrize("sentence, text, group", [
    ("The price of liquefied petroleum gas rose to 120 tenge per litre.", "120", "fuel"),
    ("LPG now costs 120 tenge.", "120", "fuel"),
    ("Diesel went up to 300 tenge.", "300", "diesel"),
    # petrol and diesel are priced apart from the gas cars run on (blind64)
    ("AI-92 petrol went from 68.90 to 137.80 som a litre.", "137.80", "petrol"),
    ("Bread now costs 120 tenge a loaf.", "120", "food"),
    ("The price would be reduced to 50 tenge per litre.", "50", "fuel"),
    ("The hotel was sold for 727 million dinars.", "727", None),
])
def test_a_price_counts_the_good_named_near_it(sentence, text, group):
    assert counted_group(fig(float(text), "price", sentence=sentence, text=text))[0] == group


def test_a_good_named_far_from_the_price_is_not_its_good():
    sentence = "Gas " + "and other things were discussed at length in the meeting " * 4 + "before it sold for 9 dinars."
    assert counted_group(fig(9, "price", sentence=sentence, text="9"))[0] is None


@pytest.mark.parametrize("sentence, text, group", [
    ("The riots caused damage to business of 78 billion tenge.", "78", "business"),
    ("Damage to public property reached 90 billion tenge.", "90", "property"),
    ("The damage is estimated at 100 billion tenge.", "100", "property"),
    ("Shopkeepers put losses from the damage at 90 billion tenge.", "90", "business"),
])
def test_damage_counts_business_or_property(sentence, text, group):
    assert counted_group(fig(float(text), "damage", sentence=sentence, text=text))[0] == group


# --- prices: before the rise, after it, after the cut ---------------------------------------------------


@pytest.mark.parametrize("sentence, text, phase", [
    ("The price of LPG rose from 50-60 to 110-120 tenge per litre.", "50-60", "before"),
    ("The price of LPG rose from 50-60 to 110-120 tenge per litre.", "110-120", "after"),
    ("LPG prices doubled to 120 tenge.", "120", "after"),
    ("LPG has cost up to 120 tenge per litre since January 1.", "120", "after"),
    ("A decision was announced ensuring the price reduction to 50 tenge per litre of gas.", "50", "cut"),
    ("The commission cut it to 50 tenge in Mangistau.", "50", "cut"),
    ("The price of gas was cut from 120 to 50 tenge.", "120", "after"),
    ("The price of gas was cut from 120 to 50 tenge.", "50", "cut"),
    ("The government restored the cap of 50 tenge per litre of gas.", "50", "cut"),
    ("Gas had previously cost 60 tenge.", "60", "before"),
    ("Residents demanded that the price of gas return to 50-60 tenge.", "50-60", "before"),
    ("The price rose to 120 tenge after the cap was lifted.", "120", "after"),
    ("The price of gas went from 60 to 120 tenge a litre when a state price cap was scrapped.", "60", "before"),
    ("The price of gas went from 60 to 120 tenge a litre when a state price cap was scrapped.", "120", "after"),
    ("Gas went from around 60 tenge a litre to 120 once the price cap was lifted.", "60", "before"),
    ("They promised to bring back a ceiling of 50 tenge a litre on gas.", "50", "cut"),
    ("LPG once cost as little as 30 to 35 tenge a litre.", "30 to 35", "before"),
])
def test_price_phase_reads_the_words_around_the_figure(sentence, text, phase):
    assert price_phase(fig(1, "price", sentence=sentence, text=text)) == phase


def test_price_figures_fall_into_before_after_and_cut_events():
    rise = "The price of LPG rose from 50-60 to 110-120 tenge per litre."
    claims = [
        claim("a1", "embassy", fig(55, "price", sentence=rise, text="50-60", low=50, high=60)),
        claim("a2", "embassy", fig(115, "price", sentence=rise, text="110-120", low=110, high=120)),
        claim("b1", "tass", fig(120, "price", sentence="LPG prices rose to 120 tenge.", text="120")),
        claim("c1", "argus", fig(50, "price", sentence="LPG will be cut to 50 tenge per litre.", text="50")),
    ]
    events = {e.label: e for e in align(claims)}
    assert set(events) == {"Fuel price before the rise", "Fuel price after the rise", "Fuel price after the cut"}
    after = events["Fuel price after the rise"]
    assert [m.claim_key for m in after.members] == ["a2", "b1"]
    assert (after.low, after.best, after.high, after.spread) == (110, 117.5, 120, 10)
    assert member(after, "a2").conservative and not member(after, "b1").conservative
    assert events["Fuel price before the rise"].counted_group == "fuel"


# --- grouping -----------------------------------------------------------------------------------------


def test_the_same_group_counted_by_different_sources_is_one_event():
    claims = [claim("a", "embassy", fig(18, "killed", "police officers and national guard soldiers")),
              claim("b", "khabar", fig(12, "killed", "law enforcement officers")),
              claim("c", "prosecutor", fig(19, "killed", "servicemen"))]
    event = only(align(claims))
    assert (event.label, event.kind, event.claim_type, event.counted_group) == (
        "Security forces killed", "figure", "killed", "security forces")
    assert event.n_sources == 3


def test_security_force_deaths_are_apart_from_the_overall_toll():
    events = align([claim("a", "ap", fig(225, "killed", "people")), claim("b", "ap", fig(19, "killed", "police"))])
    assert sorted(e.label for e in events) == ["People killed", "Security forces killed"]


def test_the_opposing_actors_are_one_group_whatever_a_source_calls_them():
    claims = [claim("a", "embassy", fig(70, "detained", "terrorists")),
              claim("b", "rferl", fig(80, "detained", "protesters")),
              claim("c", "anews", fig(90, "detained", "bandits"))]
    event = only(align(claims))
    assert event.label == "Opposing actors detained"
    assert {counted_group(c.figure)[1] for c in claims} == {"terrorists", "protesters", "bandits"}


def test_a_city_figure_is_apart_from_the_national_one():
    claims = [claim("a", "embassy", fig(70, "detained", "terrorists", scope="Almaty")),
              claim("b", "wire", fig(60, "detained", "looters", scope=" almaty ")),
              claim("c", "embassy", fig(9900, "detained", "protesters"))]
    events = {e.label: e for e in align(claims)}
    assert set(events) == {"Opposing actors detained in Almaty", "Opposing actors detained"}
    assert events["Opposing actors detained in Almaty"].scope == "Almaty"
    assert events["Opposing actors detained"].scope is None


@pytest.mark.parametrize("claim_type, counted, label", [
    ("killed", "police officers", "Security forces killed"),
    ("injured", "people", "People injured"),
    ("detained", "citizens", "People detained"),
    ("deployed", "troops", "Troops deployed"),
    ("deployed", "peacekeepers", "Troops deployed"),
    ("missing", "people", "People missing"),
    ("fires", "fires", "Fires"),
    ("attacks", "attacks", "Attacks"),
])
def test_events_have_readable_labels(claim_type, counted, label):
    assert only(align([claim("a", "s", fig(3, claim_type, counted))])).label == label


def test_no_event_mixes_two_counted_groups():
    words = ["police", "people", "terrorists", "troops", "civilians", "servicemen", "looters"]
    claims = [claim(f"k{i}", f"s{i % 5}", fig(i + 1, claim_type, word))
              for i, (word, claim_type) in enumerate(itertools.product(words, ["killed", "detained", "deployed"]))]
    events = align(claims)
    by_key = {c.key: c for c in claims}
    for event in events:
        groups = {counted_group(by_key[m.claim_key].figure)[0] for m in event.members}
        types = {by_key[m.claim_key].figure.claim_type for m in event.members}
        assert len(types) == 1
        assert len(groups) == 1 or groups <= {"security forces", "troops", "people"} and types == {"deployed"}
        assert event.counted_group in groups | {"troops"}


def test_claims_of_different_stories_never_share_an_event():
    events = align([claim("a", "s", fig(3, "killed", "people"), story="one"),
                    claim("b", "s", fig(4, "killed", "people"), story="two")])
    assert [e.story_id for e in events] == ["one", "two"]
    assert events[0].id != events[1].id


# --- the estimate -------------------------------------------------------------------------------------


def test_low_best_high_over_the_latest_figure_of_each_source():
    claims = [claim("a", "khabar", fig(12, "killed", "police", as_of="2022-01-06")),
              claim("b", "embassy", fig(18, "killed", "police", as_of="2022-01-07")),
              claim("c", "prosecutor", fig(19, "killed", "police", as_of="2022-01-15"))]
    event = only(align(claims))
    assert (event.low, event.best, event.high, event.spread, event.n_sources) == (12, 18, 19, 7, 3)
    assert (event.date_start, event.date_end) == ("2022-01-06", "2022-01-15")
    assert [m.conservative for m in event.members] == [True, False, False]
    assert all(m.latest_for_source for m in event.members)


def test_a_growing_toll_stays_one_event_and_only_the_latest_counts():
    claims = [claim("a1", "health", fig(164, "killed", "people", as_of="2022-01-09")),
              claim("a2", "health", fig(225, "killed", "people", as_of="2022-01-15")),
              claim("b1", "interfax", fig(230, "killed", "people", as_of="2022-03-14"))]
    event = only(align(claims))
    assert [m.claim_key for m in event.members] == ["a1", "a2", "b1"]
    assert [m.latest_for_source for m in event.members] == [False, True, True]
    assert [m.conservative for m in event.members] == [False, True, False]
    assert (event.low, event.best, event.high, event.n_sources) == (225, 227.5, 230, 2)
    assert (event.date_start, event.date_end) == ("2022-01-09", "2022-03-14")


def test_a_figure_without_an_as_of_date_is_dated_by_its_publication():
    claims = [claim("a1", "s", fig(10, "detained", "people"), published="2022-01-05"),
              claim("a2", "s", fig(20, "detained", "people"), published="2022-01-07")]
    event = only(align(claims))
    assert [m.latest_for_source for m in event.members] == [False, True]
    assert (event.best, event.date_start, event.date_end) == (20, "2022-01-05", "2022-01-07")


def test_a_range_gives_its_low_and_high_and_its_middle_as_best():
    claims = [claim("a", "embassy", fig(None, "price", low=110, high=120, text="110-120",
                                        sentence="LPG rose to 110-120 tenge.")),
              claim("b", "tass", fig(120, "price", sentence="LPG rose to 120 tenge."))]
    event = only(align(claims))
    assert (event.low, event.best, event.high) == (110, 117.5, 120)
    assert member(event, "a").conservative


def test_an_approximate_lower_bound_counts_as_its_value():
    claims = [claim("a", "ap", fig(2000, "deployed", "troops", low=2000)),
              claim("b", "csto", fig(2500, "deployed", "contingent")),
              claim("c", "tokayev", fig(2030, "deployed", "troops"))]
    event = only(align(claims))
    assert (event.low, event.best, event.high, event.spread) == (2000, 2030, 2500, 500)


def test_the_same_claim_given_twice_is_one_member():
    twice = claim("a", "s", fig(3, "killed", "people"))
    assert len(only(align([twice, twice])).members) == 1


# --- happenings ---------------------------------------------------------------------------------------


def test_a_happening_dated_differently_by_two_sources_is_one_event_with_a_spread():
    claims = [claim("e", "embassy", happening=happened("emergency_ends", "2022-01-19")),
              claim("t", "epoch", happening=happened("emergency_ends", "2022-01-22")),
              claim("s", "sputnik", happening=happened("emergency_ends", "2022-01-19"))]
    event = only(align(claims))
    assert (event.kind, event.action, event.label) == ("happening", "emergency_ends", "State of emergency ends")
    assert (event.date_start, event.date_end, event.spread, event.n_sources) == ("2022-01-19", "2022-01-22", 3, 3)
    assert (event.low, event.best, event.high, event.counted_group) == (None, None, None, None)


def test_happenings_are_grouped_by_action_not_by_date():
    claims = [claim("a", "x", happening=happened("government_resigned", "2022-01-05", "Government resigned")),
              claim("b", "y", happening=happened("curfew", "2022-01-05", "Curfew imposed"))]
    assert sorted(e.action for e in align(claims)) == ["curfew", "government_resigned"]


def test_a_source_newer_report_replaces_its_older_date():
    claims = [claim("old", "epoch", happening=happened("emergency_ends", "2022-01-22"), published="2022-01-05"),
              claim("new", "epoch", happening=happened("emergency_ends", "2022-01-19"), published="2022-01-10"),
              claim("s", "sputnik", happening=happened("emergency_ends", "2022-01-19"))]
    event = only(align(claims))
    assert (event.date_start, event.date_end, event.spread) == ("2022-01-19", "2022-01-19", 0)
    assert [m.latest_for_source for m in event.members] == [True, False, True]
    assert [m.claim_key for m in event.members] == ["new", "old", "s"]


def test_a_source_dating_a_happening_twice_is_represented_by_its_earliest_date():
    claims = [claim("a1", "x", happening=happened("protests_began", "2022-01-04", "Protests began")),
              claim("a2", "x", happening=happened("protests_began", "2022-01-02", "Protests began"))]
    event = only(align(claims))
    assert member(event, "a2").latest_for_source and not member(event, "a1").latest_for_source
    assert (event.date_start, event.date_end, event.n_sources) == ("2022-01-02", "2022-01-02", 1)


def test_month_precision_dates_are_compared_by_their_first_day():
    claims = [claim("a", "x", happening=happened("riots", "2022-01", "Riots")),
              claim("b", "y", happening=happened("riots", "2022-01-04", "Riots"))]
    event = only(align(claims))
    assert (event.date_start, event.date_end, event.spread) == ("2022-01", "2022-01-04", 3)


# --- stable ids and order -----------------------------------------------------------------------------


def mixed_claims() -> list[Claim]:
    return [claim("a", "embassy", fig(18, "killed", "police", as_of="2022-01-07")),
            claim("b", "khabar", fig(12, "killed", "servicemen", as_of="2022-01-06")),
            claim("c", "ap", fig(225, "killed", "people")),
            claim("d", "embassy", fig(70, "detained", "terrorists", scope="Almaty")),
            claim("e", "embassy", happening=happened("emergency_ends", "2022-01-19")),
            claim("f", "epoch", happening=happened("emergency_ends", "2022-01-22"))]


def test_the_same_claims_in_any_order_give_the_same_events_ids_and_order():
    expected = align(mixed_claims())
    for seed in range(20):
        shuffled = mixed_claims()
        random.Random(seed).shuffle(shuffled)
        assert align(shuffled) == expected


def test_event_ids_are_short_hashes_that_do_not_depend_on_membership():
    ids = {e.label: e.id for e in align(mixed_claims())}
    assert all(re.fullmatch(r"ev-[0-9a-f]{10}", i) for i in ids.values())
    assert len(set(ids.values())) == len(ids)
    alone = align([claim("z", "other", fig(5, "killed", "police officers"))])
    assert alone[0].id == ids["Security forces killed"]


def test_event_key_is_what_groups_and_separates_kinds():
    keys = {c.key: event_key(c) for c in mixed_claims()}
    assert keys["a"] == keys["b"] != keys["c"]
    assert keys["e"] == keys["f"] and keys["e"].startswith("happening|")
    assert keys["a"].startswith("figure|")
    assert event_key(claim("n", "x", happening=happened("riots", None))) is None


# --- the lexicon --------------------------------------------------------------------------------------


def test_a_phrase_listed_in_two_groups_is_a_config_error(tmp_path, monkeypatch):
    lexicon = tmp_path / "groups.yaml"
    lexicon.write_text("people:\n  people: [people]\n  opposing actors: [rioter, people]\n"
                       "deployed as troops: [people]\nobjects: {equipment: [tank]}\ngoods: {fuel: [gas]}\n"
                       "damage: {property: [property]}\n", encoding="utf-8")
    monkeypatch.setattr(keys_module, "LEXICON", lexicon)
    keys_module.load_lexicon.cache_clear()
    try:
        with pytest.raises(ConfigError, match="already in 'people'"):
            keys_module.load_lexicon()
    finally:
        keys_module.load_lexicon.cache_clear()


# --- incremental alignment ----------------------------------------------------------------------------


def random_claims(rng: random.Random, pairs: list[tuple[str, str]], start: int) -> list[Claim]:
    """A few claims for each (kind, source) pair, with clashing dates, values and scopes."""
    claims = []
    for n, (kind, source) in enumerate(pairs):
        for i in range(rng.randint(0, 3)):
            key = f"{kind[0]}:{start + 10 * n + i}"
            published = f"2022-01-{rng.randint(5, 9):02d}"
            if kind == "happening":
                claims.append(claim(key, source, happening=happened(
                    "emergency_ends", f"2022-01-{rng.randint(17, 22)}", label=rng.choice(["Ends", "Lifted"])),
                    published=published))
            else:
                value = rng.choice([10, 18, 18, 225, 4000])
                as_of = rng.choice([None, "2022-01-07", "2022-01-10"])
                scope = rng.choice([None, None, "Almaty", " Almaty"])
                claims.append(claim(key, source, fig(value, "killed", "police officers", as_of=as_of, scope=scope,
                                                     high=rng.choice([None, value + 5])), published=published))
    return claims


def strip_members(event):
    return dataclasses.replace(event, members=())


@pytest.mark.parametrize("seed", range(40))
def test_aligning_only_the_changed_sources_gives_the_events_of_a_full_alignment(seed):
    rng = random.Random(seed)
    sources = ["ap", "embassy", "khabar", "hrw", "epoch"]
    pairs = [(kind, s) for kind in ("figure", "happening") for s in sources]
    before = random_claims(rng, pairs, start=0)
    stored = {(v.key, v.source_id): v for e in align(before) for v in e.sources}
    # Some (key, source) pairs change: their claims are replaced (possibly by none).
    changed_kinds = rng.sample(pairs, rng.randint(1, 4))
    after = [c for c in before if (c.kind, c.source_id) not in changed_kinds]
    after += random_claims(rng, changed_kinds, start=1000)
    kind_key = {e.kind: e.key for e in align(before + after)}
    changed = {(kind_key[kind], source) for kind, source in changed_kinds if kind in kind_key}
    changed_keys = {key for key, _ in changed}
    kept = [v for (key, source), v in stored.items() if key in changed_keys]

    incremental = align_changes("kz", [c for c in after if (event_key(c), c.source_id) in changed], kept, changed)

    full = [e for e in align(after) if e.key in changed_keys]
    assert [strip_members(e) for e in incremental] == [strip_members(e) for e in full]
    for inc, whole in zip(incremental, full, strict=False):
        assert set(inc.members) == {m for m in whole.members if (inc.key, m.source_id) in changed}


def test_a_key_whose_only_source_lost_its_claims_has_no_event_after_an_incremental_alignment():
    before = [claim("a", "ap", fig(18, "killed", "police officers"))]
    [event] = align(before)
    assert align_changes("kz", [], event.sources, {(event.key, "ap")}) == []


def test_the_most_conservative_flag_moves_to_a_changed_source_when_its_figure_is_now_lowest():
    before = [claim("a", "ap", fig(18, "killed", "police officers")),
              claim("b", "embassy", fig(30, "killed", "police officers"))]
    [event] = align(before)
    assert event.conservative_key == "a"
    lower = claim("c", "embassy", fig(12, "killed", "police officers", as_of="2022-01-20"))
    [after] = align_changes("kz", [lower], [v for v in event.sources if v.source_id == "ap"],
                            {(event.key, "embassy")})
    assert after.conservative_key == "c" and after.low == 12 and after.n_sources == 2
    assert after.members == (EventMember("c", "embassy", True, True),)


def test_a_death_toll_that_names_no_group_counts_people_and_joins_the_overall_toll():
    toll = with_keys(Figure(text="225", start=0, end=3, value=225, claim_type="killed", predicate="toll",
                            sentence="The death toll rose to 225."))
    counted = claim("a", "ap", fig(227, "killed", "people"))
    [event] = align([claim("t", "khabar", toll), counted])
    assert event.label == "People killed" and event.n_sources == 2
    unnamed = with_keys(Figure(text="12", start=0, end=2, value=12, claim_type="killed", predicate="kill",
                               sentence="12 were killed."))
    assert event_key(claim("u", "ap", unnamed)) == event_key(counted)  # killing is done only to people
    listed = with_keys(Figure(text="4", start=43, end=44, value=4, claim_type="killed", predicate="kill",
                              sentence="225 were killed, including nine children and 4 officers."))
    assert event_key(claim("l", "ap", listed)) is None  # a listed part without its own noun: whose is unknown


def test_a_casualty_figure_given_as_a_tally_counts_people():
    tally = with_keys(Figure(text="230", start=0, end=3, value=230, claim_type="killed", predicate="figure",
                             sentence="The latest official figure is 230."))
    assert event_key(claim("t", "ap", tally)) == event_key(claim("p", "ap", fig(225, "killed", "people")))


@pytest.mark.parametrize("counted, group", [
    ("children", "children"), ("teenagers", "children"), ("miners", "people"),
    # a prison's inmates are its riot's toll, as a mine's miners are (blind62: "17 killed" and "46 inmates killed")
    ("inmates", "people"), ("PPL", "people"), ("escaped inmates", "escapees"), ("prison guards", "guards"),
    ("employees", "people"), ("contract workers", "workers"), ("strikers", "workers"), ("refugees", "people"),
    ("passengers", "people"),
])
def test_groups_of_general_news(counted, group):
    assert counted_group(fig(3, "killed", counted))[0] == group


def test_inmates_held_are_no_count_of_arrests():
    """A prison's inmates are its toll's people when killed, but those it holds stay apart from people detained."""
    assert counted_group(fig(6870, "detained", "inmates"))[0] == "prisoners"


def test_children_among_the_dead_are_an_event_apart_from_the_overall_toll():
    events = align([claim("a", "ap", fig(164, "killed", "people")), claim("b", "hrw", fig(9, "killed", "children"))])
    assert sorted(e.label for e in events) == ["Children killed", "People killed"]


# --- events never mix (issue 14) ------------------------------------------------------------------------


def test_shops_and_money_are_never_one_damage_event():
    shops = claim("a", "tv", fig(200, "damage", "shops", sentence="Rioters looted 200 shops.", text="200"))
    money = claim("b", "chamber", fig(78e9, "damage", sentence="The riots caused damage to business of 78 billion "
                                      "tenge.", text="78 billion tenge", unit="KZT"))
    assert sorted(e.label for e in align([shops, money])) == ["Damage to business", "Shops damaged"]


def test_damage_in_euros_dollars_vehicles_and_police_cars_are_four_events():
    claims = [claim("e", "a", fig(5e6, "damage", sentence="Damage reached 5 million euros.", text="5", unit="EUR")),
              claim("d", "b", fig(6e6, "damage", sentence="Damage reached $6 million.", text="6", unit="USD")),
              claim("v", "c", fig(400, "damage", "vehicles", sentence="Rioters burned 400 vehicles.", text="400")),
              claim("p", "d", fig(30, "damage", "police cars", sentence="Rioters burned 30 police cars.", text="30"))]
    events = align(claims)
    assert len(events) == 4 and all(e.n_sources == 1 for e in events)


def test_one_incident_figure_is_apart_from_the_national_toll():
    worst = ("In the worst incident, security forces opened fire on demonstrators near the central square, "
             "killing at least 10 people.")
    claims = [claim("w", "monitor", fig(10, "killed", "people", sentence=worst, text="10", low=10)),
              claim("t", "monitor", fig(225, "killed", "people", sentence="At least 225 people were killed.",
                                        text="225")),
              claim("u", "wire", fig(227, "killed", "people"))]
    events = {e.label: e for e in align(claims)}
    assert set(events) == {"People killed", "People killed, worst incident"}
    assert events["People killed"].low == 225


def test_one_day_figure_is_apart_from_the_running_total():
    day = "On January 6 alone, 500 people were detained."
    claims = [claim("d", "a", fig(500, "detained", "people", sentence=day, text="500", as_of="2022-01-06")),
              claim("n", "b", fig(9900, "detained", "people", as_of="2022-01-10"))]
    events = {e.label: e for e in align(claims)}
    assert set(events) == {"People detained", "People detained on 2022-01-06"}
    assert events["People detained"].low == 9900


def test_prices_of_other_years_are_apart_and_equal_prices_of_the_year_are_one():
    claims = [claim("y11", "a", fig(30, "price", sentence="A litre of gas cost 30 tenge in 2011.", text="30",
                                    unit="KZT")),
              claim("y21", "b", fig(60, "price", sentence="Gas rose from 60 tenge in 2021 to 120 tenge in 2022.",
                                    text="60", unit="KZT")),
              claim("y22", "b", fig(120, "price", sentence="Gas rose from 60 tenge in 2021 to 120 tenge in 2022.",
                                    text="120", unit="KZT")),
              claim("now", "c", fig(120, "price", sentence="In 2022 the price of gas rose to 120 tenge.", text="120",
                                    unit="KZT"))]
    events = {e.label: e for e in align(claims)}
    assert set(events) == {"Fuel price in 2011", "Fuel price in 2021", "Fuel price after the rise"}
    assert [m.claim_key for m in events["Fuel price after the rise"].members] == ["now", "y22"]


def test_an_earlier_disaster_named_by_its_town_its_district_or_nothing_is_one_event():
    """blind54: the 2019 poisoning's 47 dead, "in Maragua", "in Murang'a county" or unplaced, is one event; this
    year's deaths in two towns stay apart."""
    claims = [claim("t", "a", fig(47, "killed", "people", scope="Maragua",
                                  sentence="In June 2019 a brew killed 47 people in Maragua.", text="47")),
              claim("d", "b", fig(47, "killed", "people", scope="Murang'a",
                                  sentence="The 2019 poisoning killed 47 people in Murang'a county.", text="47")),
              claim("n", "c", fig(47, "killed", "people",
                                  sentence="The poisoning of 2019 killed forty-seven people.", text="forty-seven")),
              claim("j", "a", fig(11, "killed", "people", scope="Juja", sentence="In Juja 11 people died.")),
              claim("r", "b", fig(6, "killed", "people", scope="Ruiru", sentence="In Ruiru 6 people died."))]
    events = align(claims)
    assert sorted(sorted(m.claim_key for m in e.members) for e in events) == [["d", "n", "t"], ["j"], ["r"]]


def test_a_price_in_another_currency_or_in_percent_is_another_event():
    claims = [claim("k", "a", fig(120, "price", sentence="Gas rose to 120 tenge.", text="120", unit="KZT")),
              claim("u", "b", fig(0.3, "price", sentence="Gas rose to $0.3.", text="0.3", unit="USD")),
              claim("p", "c", fig(100, "price", sentence="Gas prices rose 100%.", text="100", unit="%"))]
    assert len(align(claims)) == 3


def test_a_vague_quantity_is_visible_but_no_number_and_never_most_conservative():
    claims = [claim("v", "rights", fig(2000, "detained", "people", approx="vague", text="Thousands", low=2000)),
              claim("a", "wire", fig(4400, "detained", "people")),
              claim("b", "ministry", fig(9900, "detained", "people"))]
    event = only(align(claims))
    assert (event.low, event.best, event.high, event.n_sources) == (4400, 7150, 9900, 3)
    assert event.conservative_key == "a" and not member(event, "v").conservative
    alone = only(align([claims[0]]))
    assert (alone.low, alone.best, alone.high, alone.conservative_key) == (None, None, None, None)


def test_a_source_with_a_number_and_a_vague_quantity_stands_by_its_number():
    claims = [claim("n", "wire", fig(4400, "detained", "people", as_of="2022-01-08")),
              claim("v", "wire", fig(2000, "detained", "people", approx="vague", as_of="2022-01-10"))]
    event = only(align(claims))
    assert event.sources[0].claim.key == "n" and event.low == 4400


@pytest.mark.parametrize("status", ["withdrawn", "disputed", "denied"])
def test_a_withdrawn_disputed_or_denied_figure_never_stands_nor_is_most_conservative(status):
    claims = [claim("old", "health", fig(164, "killed", "people", as_of="2022-01-15", status=status)),
              claim("new", "health", fig(225, "killed", "people", as_of="2022-01-09")),
              claim("other", "wire", fig(227, "killed", "people"))]
    event = only(align(claims))
    assert (event.low, event.high, event.conservative_key) == (225, 227, "new")
    assert not member(event, "old").latest_for_source and member(event, "new").latest_for_source
    only_withdrawn = only(align([claims[0]]))
    assert only_withdrawn.low is None and not only_withdrawn.members[0].latest_for_source


def test_other_figures_two_sources_give_about_the_same_thing_form_one_event():
    states = [claim("a", "eu", fig(27, "other", "member states", sentence="All 27 member states agreed.",
                                   text="27")),
              claim("b", "wire", fig(26, "other", "member states", sentence="Only 26 member states agreed.",
                                     text="26"))]
    event = only(align(states))
    assert (event.n_sources, event.low, event.high) == (2, 26, 27)


def test_event_keys_come_from_stored_fields_alone():
    stored = Figure(text="12", start=0, end=2, value=12, claim_type="killed", counted_group="security forces",
                    unit_kind="people")
    unkeyed = Figure(text="12", start=0, end=2, value=12, claim_type="killed", counted="police officers",
                     counted_head="officer")
    assert only(align([claim("s", "a", stored)])).label == "Security forces killed"
    assert event_key(claim("u", "a", unkeyed)) is None  # alignment reads no lexicon


@pytest.mark.parametrize("figure", [
    fig(70, "killed", "people", sentence="About 70% of the people killed were men.", text="70", unit="%"),
    fig(3, "killed", "people", unit="USD"),
    fig(5, "damage", "people", sentence="The fire damaged 5 people's homes.", text="5"),
])
def test_a_count_in_a_unit_its_claim_type_does_not_compare_is_not_aligned(figure):
    assert event_key(claim("a", "src", figure)) is None


# --- a headline's figures --------------------------------------------------------------------------------


def test_a_headline_twin_is_a_member_but_never_the_standing_figure_nor_a_second_claim():
    body = fig(40, "missing", "passengers", as_of="2022-01-08")
    twin = dataclasses.replace(fig(40, "missing", "passengers", as_of="2022-01-09"), part="headline")
    other = fig(60, "missing", "passengers")
    event = only(align([claim("f:1", "a", body), claim("f:2", "a", twin), claim("f:3", "b", other)]))
    assert (event.low, event.best, event.high, event.n_sources) == (40, 50, 60, 2)
    [view] = [v for v in event.sources if v.source_id == "a"]
    assert (view.claim.key, view.claims, view.last) == ("f:1", 1, "2022-01-08")  # the newer as-of is the twin's
    assert not member(event, "f:2").latest_for_source and member(event, "f:1").latest_for_source


def test_a_headline_figure_with_no_twin_in_its_page_counts_like_any_other():
    headline = dataclasses.replace(fig(45, "missing", "passengers", as_of="2022-01-09"), part="headline")
    body = fig(40, "missing", "passengers", as_of="2022-01-08")
    event = only(align([claim("f:1", "a", body), claim("f:2", "a", headline)]))
    assert (event.best, event.sources[0].claims) == (45, 2)  # the headline's newer figure stands
    twin_elsewhere = dataclasses.replace(claim("f:3", "a", dataclasses.replace(headline, value=40)),
                                         url="https://a.example/other")
    event = only(align([claim("f:1", "a", body), twin_elsewhere]))
    assert event.sources[0].claims == 2  # the same number on another page of the source is no twin


# --- sums of money that are no price and no damage ----------------------------------------------------


@pytest.mark.parametrize("sentence, text, group", [
    # a payment to people is keyed by what it makes good (homes, deaths, injuries) when its sentence says
    ("The council approved a payment of 900 euros to each household that lost its home.", "900",
     "payment for homes"),
    ("Each bereaved family will receive 2,000 euros from the regional budget.", "2,000", "payment for deaths"),
    ("The council approved compensation of 900 euros per household.", "900", "compensation"),
    ("The sums come from a relief fund of 3 million euros set up on Monday.", "3 million", "fund"),
    ("A court fined the operator 40,000 euros.", "40,000", "fines"),
    ("The mayor spent 5,000 euros on new lamps.", "5,000", None),
    # no word for a payment, but given for someone its reason names (blind58)
    ("He announced an amount of 15,000 euros for the heirs of each deceased.", "15,000", "payment for deaths"),
    ("The region adds 1,000 euros for each seriously injured person.", "1,000", "payment for injuries"),
    ("The ministry spent 3 million euros on the line, where 40 people died in 2012.", "3 million", None),
    ("The state will pay an ex gratia of 5,000 euros.", "5,000", "compensation"),  # India's word for it (blind60)
])
def test_a_sum_of_money_counts_what_it_is_for(sentence, text, group):
    sum_ = fig(None, "other", head="euro", sentence=sentence, text=text, unit="EUR")
    assert (sum_.counted_group, sum_.unit_kind) == (group, "money:EUR")


def test_sums_for_one_purpose_from_two_sources_form_one_event_per_currency():
    one = fig(None, "other", head="euro", unit="EUR", text="900",
              sentence="The council approved a payment of 900 euros to each household that lost its home.")
    other = fig(None, "other", head="euro", unit="EUR", text="1,000",
                sentence="Households that lost their homes were promised 1,000 euros each.")
    in_dollars = fig(None, "other", head="dollar", unit="USD", text="1,080",
                     sentence="Households that lost their homes were promised 1,000 euros ($1,080) each.")
    events = align([claim("a", "wire", dataclasses.replace(one, value=900.0)),
                    claim("b", "paper", dataclasses.replace(other, value=1000.0)),
                    claim("c", "paper", dataclasses.replace(in_dollars, value=1080.0))])
    assert sorted((e.label, e.n_sources) for e in events) == [("Payment for homes (EUR)", 2),
                                                              ("Payment for homes (USD)", 1)]


def test_an_offered_price_is_labelled_apart_from_the_price_set():
    from pipeline.align import figure_label
    assert figure_label("price", "fuel", None, "offer", "money:KZT") == "Fuel price offered"
    assert figure_label("price", "fuel", None, "cut", "money:KZT") == "Fuel price after the cut"


def test_an_other_share_is_aligned_only_as_a_price_change():
    """"Diesel prices rose 64%": two sources' price changes meet; a plain share ("70% of the dead") is no event."""
    change = dataclasses.replace(fig(64, "other", unit="%"), counted_group="price change: fuel", unit_kind="percent")
    share = dataclasses.replace(fig(70, "other", unit="%"), counted_group="dead", unit_kind="percent")
    first, second = claim("a", "ap", change), claim("b", "afp", dataclasses.replace(change, value=60.0))
    assert event_key(first) == event_key(second) is not None
    assert event_key(claim("c", "ap", share)) is None

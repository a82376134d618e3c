"""The alignment keys the facts layer stores with each figure (pipeline/nlp/keys.py): one
test per rule, each with the sentence it exists for."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from pipeline.models import Analysis, DateMention, EntityMention, Figure, Sentence
from pipeline.nlp.keys import (
    counted_group,
    fill_keys,
    incident,
    mishaps,
    reference_year,
    time_scope,
    typed_by_action,
    unit_kind,
    with_keys,
)


def figure(sentence: str, text: str, claim_type: str = "other", counted: str | None = None,
           head: str | None = None, unit: str | None = None, as_of: str | None = None,
           predicate: str | None = None) -> Figure:
    start = sentence.index(text)
    return Figure(text=text, start=start, end=start + len(text), value=1.0, unit=unit, counted=counted,
                  counted_head=head or (counted.split()[-1] if counted else None), claim_type=claim_type,
                  as_of=as_of, predicate=predicate, sentence=sentence, sentence_start=0)


# --- unit kind ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("sentence, text, claim_type, counted, head, unit, kind", [
    ("The riots caused damage to business of 78 billion tenge.", "78 billion tenge", "damage", "tenge", None,
     "KZT", "money:KZT"),
    ("Insurers put the damage at 12 million euros.", "12 million euros", "damage", "euros", None, "EUR",
     "money:EUR"),
    ("Looters ransacked 200 shops.", "200", "damage", "shops", None, None, "objects"),
    ("Rioters burned 30 police cars.", "30", "damage", "police cars", None, None, "objects"),
    ("The alliance sent 250 pieces of military hardware.", "250", "deployed", "pieces", None, None, "objects"),
    ("225 people were killed.", "225", "killed", "people", None, None, "people"),
    ("Bank employees, 40 in all, were detained.", "40", "detained", "bank employees", "employee", None, "people"),
    ("Fuel prices rose 5%.", "5%", "price", None, None, "%", "percent"),
    ("The withdrawal took 10 days.", "10", "other", "days", None, None, "duration"),
    ("The Prosecutor's Office opened 546 criminal cases.", "546", "other", "criminal cases", "case", None, "other"),
])
def test_unit_kind_tells_people_objects_money_by_currency_percent_and_duration(
        sentence, text, claim_type, counted, head, unit, kind):
    assert unit_kind(figure(sentence, text, claim_type, counted, head, unit)) == kind


def test_a_toll_phrased_as_what_the_violence_cost_is_no_price():
    cost = figure("The violence cost 200 lives.", "200", "price", "lives", "life")
    assert unit_kind(cost) == "people" and counted_group(cost)[0] is None


def test_damage_counting_things_counts_the_things():
    assert counted_group(figure("Rioters burned about 400 cars.", "400", "damage", "cars"))[0] == "vehicles"
    assert counted_group(figure("Rioters burned 30 police cars.", "30", "damage", "police cars"))[0] == \
        "police vehicles"
    assert counted_group(figure("Looters ransacked 200 shops.", "200", "damage", "shops"))[0] == "shops"


@pytest.mark.parametrize("sentence, text, counted, predicate, group", [
    ("All 27 member states agreed.", "27", "member states", "agree", "member state: agree"),
    # a duration is keyed by what lasts, which the facts layer puts in ``predicate`` ("plan" here)
    ("The pull-out took 10 days of the withdrawal plan.", "10", "days", "plan", "day: plan"),
    ("More than 3,000 residents of Karavan have given blood.", "3,000", "residents", "give", "resident: give"),
])
def test_another_figure_counts_its_own_phrase_and_what_happened_to_it(sentence, text, counted, predicate, group):
    assert counted_group(figure(sentence, text, "other", counted, predicate=predicate))[0] == group


# --- another time ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("sentence, text, scope", [
    ("A litre of gas cost 30 tenge in 2011.", "30", "2011"),
    ("The 2020 price of 75 tenge was already high.", "75", "2020"),
    ("Gas rose from 60 tenge in 2021 to 120 tenge in 2022.", "60", "2021"),
    ("Gas rose from 60 tenge in 2021 to 120 tenge in 2022.", "120", None),
    ("In 2022 the price rose to 120 tenge.", "120", None),
    ("Last year's toll of 35 dead was lower.", "35", "2021"),
    ("The price had risen to 120 tenge on January 1, from about 60 tenge a year earlier.", "60", None),
    ("In 2011, a litre of gas cost 30 tenge.", "30", "2011"),
    ("Gas now costs 120 tenge, up from 60 tenge in 2021.", "120", None),
    ("Gas now costs 120 tenge, up from 60 tenge in 2021.", "60", "2021"),
    ("Independent since 1991, the country lost 225 people in the unrest.", "225", None),
    # a year, or the last of a span of years, naming another event
    ("It has grown since a 2010-2011 crisis in which about 3,000 people were killed.", "3,000", "2011"),
    ("The town was flattened by the 1988 Spitak earthquake, which killed 25,000 people.", "25,000", "1988"),
    ("After the 2005 presidential election, 400-500 people were killed.", "400-500", "2005"),  # an opening phrase
    # a time phrase opening the sentence, however far from the figure
    ("In March 2019 a chlorine leak at the same plant sent 11 workers to hospital and led to the evacuation of "
     "300 residents.", "300", "2019"),
    ("In March 2019 a leak forced people out; in 2022 the plant evacuated 300 residents.", "300", None),
    ("We did not forget March 2019, when 300 neighbours were evacuated from these streets.", "300", "2019"),
    # a year set between commas in the clause it dates (blind38, blind102), not a year of the clause before
    ("The last big wave of protests, in 2017, left more than 120 people dead.", "120", "2017"),
    ("The last time the state touched fares, in 2019, a strike left two dead.", "two", "2019"),
    ("The strike began, as in 2019, and by Friday two people had died.", "two", None),
    # an event the year set off tells of the figure (blind85)
    ("The state raised diesel prices in July 2021, setting off a strike in which 30 people died.", "30", "2021"),
])
def test_a_figure_about_another_year_carries_that_year(sentence, text, scope):
    assert time_scope(figure(sentence, text, "price"), 2022, 2022) == scope


def test_one_day_figure_carries_its_day():
    one_day = figure("On January 6 alone, 500 people were detained.", "500", "detained", "people",
                     as_of="2022-01-06")
    assert time_scope(one_day, 2022, 2022) == "2022-01-06"
    overnight = figure("In Almaty, 70 looters were detained overnight.", "70", "detained", "looters")
    assert time_scope(overnight, 2022, 2022) == "one day"
    both = "In Almaty alone, 70 terrorists and 30 looters were detained overnight, the police said."
    assert time_scope(figure(both, "70", "detained", "terrorists"), 2022, 2022) == "one day"
    sudden = figure("The price roughly doubled to 120 tenge, a jump of about 100% almost overnight.", "120", "price")
    assert time_scope(sudden, 2022, 2022) is None
    running = figure("By January 6, 500 people had been detained.", "500", "detained", "people", as_of="2022-01-06")
    assert time_scope(running, 2022, 2022) is None


def test_an_analysis_dwelling_on_another_year_is_still_about_its_own():
    """blind69: an analysis of October 2026's protests names 2023 four times, 2026 and 2019 twice each."""
    values = ("2023-03-07", "2023-03-08", "2023-03", "2023", "2026-10-06", "2026-10-16", "2019-06", "2019")
    dates = tuple(DateMention(text="x", start=0, end=1, value=v) for v in values)
    assert reference_year(Analysis(dates=dates), dt.date(2026, 10, 16)) == 2026


@pytest.mark.parametrize("sentence, text, claim_type, scope", [
    ("The ministry says 19 people were detained on Sunday night and 26 on Monday night, 45 in all.", "26",
     "detained", "2026-10-05"),
    ("The ministry says 19 people were detained on Sunday night and 26 on Monday night, 45 in all.", "45",
     "detained", None),  # the total said after it
    ("Police detained 31 people during the night, the ministry said.", "31", "detained", "2026-10-05"),
    ("Three passengers died that night and another in hospital.", "Three", "killed", None),  # the attack's (blind71)
    ("The morning report puts the national toll at 27, up from seven last night.", "seven", "killed", None),
    ("The assembly approved a state of emergency for 30 days on Sunday night.", "30", "other", None),
    ("Police say dozens of people have been detained since last night.", "dozens", "detained", None),
])
def test_a_count_of_one_night_is_that_days(sentence, text, claim_type, scope):
    assert time_scope(figure(sentence, text, claim_type, as_of="2026-10-05"), 2026, 2026) == scope


def test_a_year_opening_a_footnoted_sentence_dates_its_figures():
    sentence = ("[8] In March 2023, two days of protests had led the government to withdraw a similar bill; 76 people "
                "were detained at the time.")
    assert time_scope(figure(sentence, "76", "detained", "people"), 2026, 2026) == "2023"


def test_a_retrospective_is_about_the_year_its_dates_name_most():
    dates = tuple(DateMention(text="x", start=0, end=1, value=v) for v in ("2022-01-05", "2022-01-07", "2023"))
    assert reference_year(Analysis(dates=dates), dt.date(2023, 3, 1)) == 2022
    assert reference_year(Analysis(), dt.date(2023, 3, 1)) == 2023
    sentence = "In January 2022, 227 people were killed."
    [keyed] = fill_keys(Analysis(dates=dates, figures=(figure(sentence, "227", "killed", "people"),)),
                        dt.date(2023, 3, 1)).figures
    assert keyed.time_scope is None


# --- one incident ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("sentence, text, key", [
    ("In the worst incident, security forces opened fire near the square, killing at least 10 people.",
     "at least 10", "worst incident"),
    ("In the deadliest attack, 12 people died.", "12", "worst incident"),  # the worst is one, whatever its noun
    ("The deadliest incident was in Maracaibo, where seven people were killed.", "seven", "worst incident"),
    ("Troops fired on a march, killing seven people, the deadliest single incident of the protests.", "seven",
     "worst incident"),
    ("The deadliest incident killed seven; the national toll rose to 19.", "19", None),
    ("In a separate incident, 3 people were wounded.", "3", "another incident"),
    ("In a single shooting, 5 people were killed.", "5", "one shooting"),
    ("225 people were killed in the unrest.", "225", None),
    ("At least 10 people were killed in an attack on the mayor's office.", "10", "one attack"),
    # "the explosion" with no qualifier is the event the text is about
    ("According to the ministry, 17 people were killed in the explosion and the fires.", "17", None),
    # a part event named after "the" is one incident of the story
    ("Eleven people were killed in the collapse of the Nalbandyan Street block.", "Eleven", "one collapse"),
    ("Officials said 225 died, and 10 in the worst incident.", "225", None),
    ("Officials said 225 died, and 10 in the worst incident.", "10", "worst incident"),
])
def test_a_figure_of_one_incident_carries_a_short_key(sentence, text, key):
    assert incident(figure(sentence, text, "killed", "people")) == key


@pytest.mark.parametrize("opening, key", [
    ("The shooting killed seven people.", "worst incident"),
    ("It left 7 dead and 23 injured.", "worst incident"),
    ("Seven people were killed across the city.", None),  # opens on no incident
])
def test_a_sentence_opening_on_the_worst_incident_named_before_counts_that_incident(opening, key):
    before = "The deadliest incident came on Wednesday, when troops fired on marchers."
    text = f"{before} {opening}"
    number = "7" if "7 dead" in opening else ("seven" if "seven" in opening else "Seven")
    start = text.index(number, len(before))
    counted = Figure(text=number, start=start, end=start + len(number), value=7.0, counted="people",
                     counted_head="people", claim_type="killed", sentence=opening, sentence_start=len(before) + 1)
    sentences = (Sentence(0, len(before), before), Sentence(len(before) + 1, len(text), opening))
    [keyed] = fill_keys(Analysis(sentences=sentences, figures=(counted,)), dt.date(2026, 3, 14)).figures
    assert keyed.incident == key


def test_a_part_of_the_dead_put_in_a_place_is_that_places_count():
    import datetime as dt

    from pipeline.nlp import analyse, load_nlp
    nlp = load_nlp()
    fronted = analyse(nlp, "Of the dead, 50 were in Shirak Province, including 38 in Gyumri.", dt.date(2026, 10, 11))
    after = analyse(nlp, "The earthquake killed 57 people, 38 of them in Gyumri.", dt.date(2026, 10, 11))
    keys = [(f.counted_group, f.scope, f.incident) for f in fronted.figures + after.figures if f.text == "38"]
    assert keys == [("people", "Gyumri", None)] * 2
    (origin,) = analyse(nlp, "Of the dead identified so far, 41 were from Dravo itself.", dt.date(2026, 3, 11)).figures
    assert (origin.counted_group, origin.incident) == ("people", "by origin")


def test_keys_are_filled_on_every_figure_of_an_analysis():
    sentence = "The price of gas rose from 60 to 120 tenge."
    figures = (figure(sentence, "60", "price", unit="KZT"), figure(sentence, "120", "price", unit="KZT"))
    keyed = fill_keys(Analysis(figures=figures), dt.date(2022, 1, 8)).figures
    assert [(f.counted_group, f.unit_kind, f.phase) for f in keyed] == [("fuel", "money:KZT", "before"),
                                                                         ("fuel", "money:KZT", "after")]
    assert with_keys(figures[0]).counted_group == "fuel"


def test_a_price_naming_no_currency_takes_the_one_its_sentence_gives():
    sentence = "A kilogram of rye bread now costs 62 roubles, up from 48."
    figures = (figure(sentence, "62 roubles", "price", unit="RUB"), figure(sentence, "48", "price"))
    keyed = fill_keys(Analysis(figures=figures), dt.date(2025, 3, 1)).figures
    assert [(f.counted_group, f.unit_kind, f.phase) for f in keyed] == [("food", "money:RUB", "after"),
                                                                         ("food", "money:RUB", "before")]
    assert keyed[1].unit == "RUB"


# --- what an "other" figure counts: a lexicon action makes sources' words meet ---------------------------


@pytest.mark.parametrize("sentence, text, counted, predicate, group", [
    ("Coastguard spokesman said that 112 people had been rescued by dawn.", "112", "people", "rescue",
     "people: rescued"),
    ("So far 219 people have been saved.", "219", "people", "save", "people: rescued"),
    ("To date, 221 persons have been rescued.", "221", "persons", "rescue", "people: rescued"),
    ("Rescuers pulled 112 people from the sea.", "112", "people", "pull", "people: rescued"),
    ("The operation has involved 1,200 rescuers.", "1,200", "rescuers", "involve", "emergency workers: took part"),
    ("The operation has involved 14 vessels.", "14", "vessels", "involve", "vessels: took part"),
    ("Personnel are taking part, supported by 16 ships.", "16", "ships", "support", "vessels: took part"),
    ("Several thousand protesters marched in the city.", "Several thousand", "protesters", "march",
     "people: gathered"),
    ("Around 400 rioters took part in the violence.", "400", "rioters", "take", "people: gathered"),
    # a verb of being, and where they were
    ("According to the manifest, 304 people were aboard, including 25 crew.", "304", "people", "be",
     "people: aboard"),
    # on board or carried, whatever the verb: the count of those aboard, not of those rescued
    ("Of about 117 people on board, 71 were rescued.", "about 117", "people", "rescue", "people: aboard"),
    ("Around 117 people are believed to have been on board.", "Around 117", "people", "believe", "people: aboard"),
    ("A boat carrying about 100 people has caught fire.", "about 100", "people", "carry", "people: aboard"),
    ("Relatives say 130 people squeezed onto the boat.", "130", "people", "squeeze", "people: aboard"),
    ("Divers pulled 71 people from the water; the boat had 117 on board.", "71", "people", "pull", "people: rescued"),
    ("Of the dead identified so far, 41 were from Dravo.", "41", "people", "be", "people: be"),
    # no action in the lexicon: the phrase and its own verb, as before
    ("The victims include 11 children.", "11", "children", "include", "child: include"),
    # an action, but the counted phrase is in no group: its own words, and the action the verb names
    ("The company said 30 dockers joined.", "30", "dockers", "join", "docker: took part"),
    ("According to the survey, 126 aftershocks were registered.", "126", "aftershocks", "register",
     "aftershock: recorded"),
])
def test_an_other_figure_counts_a_group_and_the_action_the_lexicon_names(sentence, text, counted, predicate,
                                                                           group):
    assert counted_group(figure(sentence, text, "other", counted, predicate=predicate))[0] == group


@pytest.mark.parametrize("sentence, text, predicate", [
    ("Seventy-one were rescued, among them two children.", "Seventy-one", "rescue"),
    ("The press office had put the number rescued at 74.", "74", "rescue"),
])
def test_a_bare_count_of_people_rescued_counts_people_rescued(sentence, text, predicate):
    keyed = with_keys(figure(sentence, text, "other", predicate=predicate))
    assert (keyed.counted_group, keyed.unit_kind) == ("people: rescued", "people")


def test_a_bare_count_of_an_action_things_take_part_in_stays_unknown():
    """Vessels and rescuers take part too: "the operation has involved 14" says not which."""
    assert counted_group(figure("The operation has involved 14.", "14", "other", predicate="involve"))[0] is None


# --- a casualty figure that is a part of the toll, not the toll --------------------------------------------


@pytest.mark.parametrize("sentence, text, claim_type, counted, value, expected", [
    ("One man died after being hit by a tear-gas canister.", "One", "killed", "man", 1.0, "one case"),
    # one of a named group is that group's toll, not one case
    ("Nine people, one of them a police officer, have died.", "one", "killed", "police officer", 1.0, None),
    ("The confirmed toll rose to 64 after navy divers recovered six more bodies from inside the hull.", "six",
     "killed", "bodies", 6.0, "an addition"),
    ("Coralline carried at least 340 people; 41 of the dead were from Dravo", "41", "killed", None, 41.0,
     "by origin"),
    # the injured still in hospital, however the whole is named (blind58)
    ("- Injured: 121, of whom 31 remain in hospital", "31", "injured", None, 31.0, "in hospital"),
    ("Of the 118 injured brought to these hospitals, 46 were still admitted on Thursday.", "46", "injured", None,
     46.0, "in hospital"),
    # the injured who died later (blind30, blind44, blind57)
    ("Two injured workers died later in hospital, on 25 July.", "Two", "killed", "workers", 2.0, "died of injuries"),
    ("He said that three people had died of their injuries in hospital.", "three", "killed", "people", 3.0,
     "died of injuries"),
    # deaths only suspected, apart from those confirmed (blind60)
    ("Districts have reported 61 suspected heat deaths.", "61", "killed", "heat deaths", 61.0, "suspected"),
    ("Suspected heat deaths reported by districts, which include the confirmed cases, stood at 112 on Saturday.",
     "112", "killed", None, 112.0, "suspected"),
    ("The department has confirmed 46 deaths and is examining 127 suspected heat deaths.", "46", "killed",
     "deaths", 46.0, None),
    # the toll itself
    ("The confirmed death toll has risen to 64.", "64", "killed", None, 64.0, None),
    ("At least 45 people are now confirmed dead, and more may be found.", "45", "killed", "people", 45.0, None),
])
def test_a_part_of_the_toll_is_kept_apart_from_the_toll(sentence, text, claim_type, counted, value, expected):
    found = figure(sentence, text, claim_type, counted)
    assert incident(Figure(**{**found.__dict__, "value": value})) == expected


@pytest.mark.parametrize("sentence, text, claim_type, counted, head, predicate, group", [
    ("About 150 others were still unaccounted for.", "150", "missing", "others", "others", "unaccounted", "people"),
    ("| Arrests (protests) | 63–112 |", "63–112", "detained", "| \n|", "|", "arrest", "people"),
    ("The police detained 63 cars.", "63", "detained", "cars", None, "detain", None),  # no people: no group
    # a headline's label the count was read under names no group (blind60)
    ("Sanganer water protest: police detain 42 as women block Tonk Road", "42", "detained", "protest", "protest",
     "detain", "people"),
])
def test_a_casualty_figure_naming_no_group_counts_people_when_it_is_a_tally(sentence, text, claim_type, counted,
                                                                            head, predicate, group):
    assert counted_group(figure(sentence, text, claim_type, counted, head, predicate=predicate))[0] == group


@pytest.mark.parametrize("sentence, text, counted, predicate, group", [
    # people the lexicon does not know, held: a group of their own name, not the toll's "people" (blind54, blind56)
    ("Police now hold 26 suspected brewers.", "26", "suspected brewers", "hold", "brewers"),
    ("Police arrested four officials on Monday.", "four", "officials", "arrest", "officials"),
])
def test_people_held_whom_the_lexicon_does_not_know_are_their_own_group(sentence, text, counted, predicate, group):
    assert counted_group(figure(sentence, text, "detained", counted, predicate=predicate))[0] == group


@pytest.mark.parametrize("sentence, text, counted, predicate, group", [
    # a light verb says nothing done to what is counted (blind56, blind30)
    ("The stadium has 40,000 seats.", "40,000", "seats", "have", "seat"),
    ("Some 640 workers were inside the building.", "640", "workers", "be", "worker"),
])
def test_other_figures_key_by_the_thing_not_a_light_verb(sentence, text, counted, predicate,
                                                                          group):
    assert counted_group(figure(sentence, text, "other", counted, predicate=predicate))[0] == group


def test_what_a_thing_is_part_of_stops_before_a_verb():
    """"of the express have derailed": "have" is no part of what the coaches belong to (blind58)."""
    found = figure("Six coaches of the express have derailed.", "Six", "other", "coaches", predicate="derail")
    assert counted_group(found)[0] == "coach of express: derail"


def test_plain_people_with_a_light_verb_keep_it():
    """"people: be" is a crowd somewhere; plain "people" with no action is no event (align._PLAIN_PEOPLE)."""
    found = figure("About 60,000 people were inside the stadium.", "60,000", "other", "people", predicate="be")
    assert counted_group(found)[0] == "people: be"


@pytest.mark.parametrize("sentence, text, claim_type, counted, predicate, group", [
    # a prison's people (blind62)
    ("Two guards were killed in the first hours of the riot.", "Two", "killed", "guards", "kill", "guards"),
    ("The bulletin lists 61 PPL injured.", "61", "injured", "PPL", "injure", "people"),
    ("Four escapees were killed in clashes with police.", "Four", "killed", "escapees", "kill", "escapees"),
    ("At least 318 inmates escaped during the riot.", "318", "other", "inmates", "escape", "prisoners: escaped"),
    ("Police said 197 inmates have been recaptured.", "197", "other", "inmates", "recapture",
     "prisoners: recaptured"),
    # things the lexicon knows, by their noun whatever the source adds (blind60)
    ("The state has stepped up to 7,800 government water tankers.", "7,800", "other", "government water tankers",
     "step", "tanker"),
])
def test_groups_and_actions_of_blind60_and_blind62(sentence, text, claim_type, counted, predicate, group):
    assert counted_group(figure(sentence, text, claim_type, counted, predicate=predicate))[0] == group


def test_the_forces_of_law_and_order_are_security_forces():
    found = figure("- nine members of the forces of law and order injured;", "nine", "injured", "members",
                   predicate="injure")
    assert counted_group(found)[0] == "security forces"


def test_a_part_of_phrase_stops_before_a_relative_clause():
    """"the five compañeros of Clorosur who lost their lives": "lives" names no group of the five (blind42)."""
    found = figure("It embraces the families of the five compañeros of Clorosur who lost their lives.", "five",
                   "killed", "compañeros", predicate="lose")
    assert counted_group(found)[0] is None


def test_a_toll_named_far_before_its_number_is_still_the_running_total():
    """"overnight" after it is when more died, not a day of its own (blind58)."""
    found = figure("The death toll from Tuesday's collision at Kandhra station rose to 39 on Thursday after more of "
                   "the injured died overnight at Civil Hospital Sukkur.", "39", "killed", as_of="2026-10-15")
    assert time_scope(found, 2026, 2026) is None


def test_a_day_named_before_when_makes_a_figure_one_days():
    found = figure("The most intensive day of the operation was Monday, when 29 bodies were recovered.", "29",
                   "killed", "bodies", as_of="2023-03-06")
    assert time_scope(found, 2023, 2023) == "2023-03-06"


@pytest.mark.parametrize("sentence, text, counted, predicate, claim_type, group", [
    ("The operation has involved 1,200 rescuers.", "1,200", "rescuers", "involve", "deployed", "emergency workers"),
    ("Personnel are taking part, supported by 16 ships.", "16", "ships", "support", "deployed", "vessels"),
    ("More than 1,000 riot police were sent to Dravo.", "1,000", "riot police", "send", "deployed", "police"),
    ("Several thousand protesters marched in Dravo.", "Several thousand", "protesters", "march", "other",
     "people: gathered"),
])
def test_an_other_figure_whose_action_has_a_claim_type_takes_it(sentence, text, counted, predicate, claim_type,
                                                                group):
    keyed = with_keys(figure(sentence, text, "other", counted, predicate=predicate))
    assert (keyed.claim_type, keyed.counted_group) == (claim_type, group)


@pytest.mark.parametrize("sentence, text, group", [
    ("In Dravo, police estimated the crowd on 7 March at about 1,500, while organisers said more.", "1,500",
     "people: gathered"),
    ("Police put the crowd that marched through Dravo at 1,500; organisers claimed 10,000.", "1,500",
     "people: gathered"),
    ("Police put the crowd that marched through Dravo at 1,500; organisers claimed 10,000.", "10,000", None),
])
def test_a_crowd_estimate_naming_no_people_counts_the_people_gathered(sentence, text, group):
    keyed = with_keys(figure(sentence, text, "other"))
    assert (keyed.counted_group, keyed.unit_kind) == (group, "people" if group else "other")


@pytest.mark.parametrize("sentence, text, counted", [
    ("Some 40,000 people marched through the capital.", "40,000", "people"),
    ("Organisers said 15,000 protesters gathered.", "15,000", "protesters"),
    ("Police put the crowd at 12,000.", "12,000", None),
])
def test_crowd_sizes_count_one_crowd_of_people_whatever_word_names_it(sentence, text, counted):
    assert counted_group(figure(sentence, text, "protesters", counted))[0] == "people"


def test_people_evacuated_count_people_whatever_word_names_them():
    sentence = "Rescuers moved 3,200 residents out of the flooded district."
    assert counted_group(figure(sentence, "3,200", "evacuated", "residents"))[0] == "people"


# --- the place a figure is limited to (pipeline/nlp/scope.py) -------------------------------------------

def _places(sentence: str, *names: str, label: str = "GPE") -> tuple[EntityMention, ...]:
    return tuple(EntityMention(name, sentence.index(name), sentence.index(name) + len(name), label, name)
                 for name in names)


def _keyed(sentence: str, figures: list[Figure], entities: tuple[EntityMention, ...]) -> dict[str, Figure]:
    analysis = Analysis(sentences=(Sentence(0, len(sentence), sentence),), figures=tuple(figures), entities=entities)
    return {f.text: f for f in fill_keys(analysis).figures}


def test_a_bare_count_followed_by_its_town_is_that_towns_count():
    sentence = "Guards held 52 people in Karsk on Monday and 14 in Velmor on Tuesday."
    keyed = _keyed(sentence, [figure(sentence, "52", "detained", "people"), figure(sentence, "14", "detained")],
                   _places(sentence, "Velmor"))
    assert keyed["14"].scope == "Velmor"


def test_a_town_the_model_calls_an_organisation_is_a_place_when_things_happen_in_it():
    sentence = "Guards held 52 people in Karsk on Monday and 14 in Velmor on Tuesday."
    keyed = _keyed(sentence, [figure(sentence, "52", "detained", "people"), figure(sentence, "14", "detained")],
                   _places(sentence, "Velmor") + _places(sentence, "Karsk", label="ORG"))
    assert (keyed["52"].scope, keyed["14"].scope) == ("Karsk", "Velmor")


def test_of_them_in_a_town_is_the_towns_share_and_the_total_keeps_no_place():
    sentence = "Officers arrested 90 people, 35 of them in Kelmora."
    total = replace(figure(sentence, "90", "detained", "people"), scope="Kelmora")  # the parse's attachment
    keyed = _keyed(sentence, [total, figure(sentence, "35", "detained")], _places(sentence, "Kelmora"))
    assert (keyed["90"].scope, keyed["35"].scope) == (None, "Kelmora")
    assert keyed["35"].counted_group == keyed["90"].counted_group == "people"


def test_a_state_in_its_formal_style_is_a_country_and_never_a_scope():
    sentence = "In all 5,350 people were evacuated, 86 with helicopters of the Italian Republic."
    lifted = replace(figure(sentence, "86", "evacuated", "people"), scope="Italian Republic")  # the parse's
    assert _keyed(sentence, [lifted], _places(sentence, "Italian Republic"))["86"].scope is None


def test_a_count_over_several_towns_is_no_single_towns():
    sentence = "At least 70 people were held after rallies in Karsk and Velmor."
    held = replace(figure(sentence, "70", "detained", "people"), scope="Velmor")
    assert _keyed(sentence, [held], _places(sentence, "Karsk", "Velmor"))["70"].scope is None


def test_a_towns_possessive_limits_the_count_it_owns():
    sentence = "Karsk's detentions reached 40 by nightfall."
    held = figure(sentence, "40", "detained", "detentions", "detention", predicate="reach")
    assert _keyed(sentence, [held], _places(sentence, "Karsk"))["40"].scope == "Karsk"
    sentence = "Karsk's mayor said 40 people were held."
    held = figure(sentence, "40", "detained", "people", predicate="hold")
    assert _keyed(sentence, [held], _places(sentence, "Karsk"))["40"].scope is None


def test_a_table_rows_label_naming_a_town_limits_its_cells():
    sentence = "| Held (total) | 120 | \n| Held in Karsk | 63 | \n"
    keyed = _keyed(sentence, [figure(sentence, "120", "detained", predicate="hold"),
                              figure(sentence, "63", "detained", predicate="hold")], _places(sentence, "Karsk"))
    assert (keyed["120"].scope, keyed["63"].scope) == (None, "Karsk")


def test_a_spot_inside_the_story_is_no_scope():
    sentence = "On Sunday alone, 20 bodies were landed at the old ferry pier."
    landed = replace(figure(sentence, "20", "killed", "bodies"), scope="old ferry pier")
    assert _keyed(sentence, [landed], _places(sentence, "old ferry pier", label="FAC"))["20"].scope is None


@pytest.mark.parametrize("sentence, text, part", [
    ("In all, 30 firefighters were hurt, 9 of them at the depot.", "9", "a part"),
    # the part still in hospital is that part, as other sources give it with no whole (blind58)
    ("Some 60 climbers were brought down, of whom 12 remain in hospital.", "12", "in hospital"),
])
def test_a_part_of_a_count_just_given_is_no_count_of_its_own(sentence, text, part):
    assert incident(figure(sentence, text, "injured", "firefighters")) == part


def test_a_part_put_outside_a_place_names_no_group_of_its_own():
    """blind126: "two of them outside the national food security office" counts no security forces: a part."""
    sentence = "Manga said three people had died, two of them outside the national food security office warehouse."
    assert incident(figure(sentence, "two", "killed")) == "a part"


@pytest.mark.parametrize("sentence, text, part", [
    ("The interior ministry reported 295 detentions, of which 22 led to criminal charges.", "22", "a part"),
    ("Of the detained persons, 273 were subjected to administrative detention.", "273", "a part"),
    ("A total of 612 persons were apprehended, of which 41 are minors.", "41", None),  # a group of its own
])
def test_a_bare_number_after_its_whole_is_a_part_of_it(sentence, text, part):
    """blind69: "of which 22", "Of the detained persons, 273"; blind46's "of which 41 are minors" stays the minors'."""
    assert incident(figure(sentence, text, "detained")) == part


def test_a_new_value_given_to_a_toll_named_before_is_a_value_of_that_toll():
    sentence = "The agency dropped its toll of 45 dead on Friday and lowered it to 39."
    keyed = _keyed(sentence, [figure(sentence, "45", "killed", "dead", "people"),
                              figure(sentence, "39", "other", predicate="lower")], ())
    assert (keyed["39"].claim_type, keyed["39"].counted_group) == ("killed", "people")
    assert (keyed["39"].unit_kind, keyed["39"].incident) == (keyed["45"].unit_kind, keyed["45"].incident)


def test_crew_members_count_the_crew():
    members = with_keys(figure("The tanker sailed with 18 crew members.", "18", "other", "crew members",
                               "member", predicate="sail"))
    crew = with_keys(figure("The tanker sailed with 18 crew.", "18", "other", "crew", predicate="sail"))
    assert members.counted_group == crew.counted_group == "crew"  # the tanker sailed, not the crew


# --- one group under different names, and a group the context names (blind8 kinds 1 and 2) -------------


@pytest.mark.parametrize("sentence, text, claim_type, counted, head, group", [
    # "<members> of <group>" count the group, not workers
    ("In Dravo 40 employees of the law enforcement agencies were injured.", "40", "injured", "employees", None,
     "security forces"),
    ("Riots left 31 employees of police and guardsmen hurt.", "31", "injured", "employees", None, "security forces"),
    # the employees of a workplace are who its disaster hurts: people, the toll
    ("Six employees of the bakery were injured.", "Six", "injured", "employees", None, "people"),
    ("The mission numbers 900 personnel.", "900", "deployed", "personnel", None, "troops"),
    ("Nine personnel died in the ambush.", "Nine", "killed", "personnel", None, "security forces"),
    ("Police held 15 marauders overnight.", "15", "detained", "marauders", None, "opposing actors"),
    # civilians are a part of the toll beside the security forces, not the toll
    ("It stated that eight civilians and three police officers lost their lives.", "eight", "killed", "civilians",
     None, "civilians"),
    # "Among <group>, N were injured": the group is named before the count
    ("Among police officers and guardsmen, 40 were injured and 3 were killed.", "40", "injured", None, None,
     "security forces"),
    ("Among police officers and guardsmen, 40 were injured and 3 were killed.", "3", "killed", None, None,
     "security forces"),
    # a part naming its own group is that group's count
    ("Officials said 90 people died, 7 of them members of the security forces.", "7", "killed", "people", None,
     "security forces"),
    ("In all 500 people were wounded, and 60 of them belonged to the police.", "60", "injured", "people", None,
     "security forces"),
])
def test_a_casualty_figure_counts_the_group_its_words_or_context_name(sentence, text, claim_type, counted, head,
                                                                        group):
    keyed = with_keys(figure(sentence, text, claim_type, counted, head))
    assert (keyed.counted_group, keyed.unit_kind) == (group, "people")


def test_a_part_naming_its_own_group_is_no_part_of_the_toll_but_a_part_by_place_is():
    own = figure("Officials said 90 people died, 7 of them members of the security forces.", "7", "killed", "people")
    by_place = figure("22 police officers were injured, 13 of them at the harbour office.", "13", "injured")
    assert incident(own) is None and incident(by_place) == "a part"


def _sentence_figures(sentence: str, *specs: tuple[str, str, str | None, str | None]) -> tuple[Figure, ...]:
    return tuple(figure(sentence, text, claim_type, counted, unit=unit) for text, claim_type, counted, unit in specs)


def test_a_bare_count_joined_by_and_counts_the_group_just_named():
    figures = _sentence_figures("Officials say 9 police officers have been killed and 120 hurt since Monday.",
                                ("9", "killed", "police officers", None), ("120", "injured", None, None))
    keyed = fill_keys(Analysis(figures=figures), dt.date(2022, 1, 8)).figures
    assert [(f.counted_group, f.unit_kind) for f in keyed] == [("security forces", "people")] * 2


@pytest.mark.parametrize("sentence, specs, expected", [
    ("So far more than 600 persons have been detained (450 as of Monday).",
     (("600", "detained", "persons", None), ("450", "other", None, None)),
     ("detained", "people", "people")),
    ("Losses were put at 18 billion tenge, or about $40 million.",
     (("18 billion tenge", "damage", "losses to business", "KZT"), ("$40 million", "damage", None, "USD")),
     ("damage", "business", "money:KZT")),
])
def test_a_figure_restating_the_one_before_it_has_its_keys(sentence, specs, expected):
    keyed = fill_keys(Analysis(figures=_sentence_figures(sentence, *specs)), dt.date(2022, 1, 8)).figures
    assert (keyed[1].claim_type, keyed[1].counted_group, keyed[1].unit_kind) == expected


def test_a_figure_in_brackets_with_its_own_group_is_no_restatement():
    sentence = "| Deaths | 90 (70 civilians, 20 police officers)"
    figures = _sentence_figures(sentence, ("90", "killed", None, None), ("70", "killed", "civilians", None))
    assert fill_keys(Analysis(figures=figures), dt.date(2022, 1, 8)).figures[1].counted_group == "civilians"


def test_damage_or_a_price_naming_nothing_takes_what_its_document_names():
    named = figure("Shop owners put the damage to business at 9 billion tenge.", "9 billion tenge", "damage",
                   "damage to business", unit="KZT")
    bare = figure("| Damage | 9 billion tenge |", "9 billion tenge", "damage", "Damage", unit="KZT")
    gas = figure("Gas rose to 120 tenge a litre.", "120 tenge", "price", unit="KZT")
    cut = figure("On Tuesday the commission agreed to bring the price down to 50 tenge.", "50 tenge", "price",
                 unit="KZT")
    figures = tuple(replace(f, start=f.start + 100 * i, end=f.end + 100 * i, sentence_start=100 * i)
                    for i, f in enumerate((named, bare, gas, cut)))
    keyed = fill_keys(Analysis(figures=figures), dt.date(2022, 1, 8)).figures
    assert [(f.counted_group, f.phase) for f in keyed] == [("business", None), ("business", None),
                                                            ("fuel", "after"), ("fuel", "cut")]


# --- things counted: one key whatever the verb (blind8 kind 4) ----------------------------------------


@pytest.mark.parametrize("sentence, text, counted, predicate, group", [
    ("The force comprised 900 troops and 40 units of military and special equipment.", "40",
     "units of military and special equipment", "comprise", "equipment"),
    ("| Foreign forces | 900 troops, 40 pieces of equipment |", "40", "pieces of equipment", None, "equipment"),
    ("Troops arrived from four states.", "four", "states", "arrive", "state"),
    ("The force comprised 900 troops from four states.", "four", "states", "comprise", "state"),
    ("All 27 member states agreed.", "27", "member states", "agree", "member state: agree"),
])
def test_things_counted_in_units_or_after_a_preposition_are_keyed_by_the_thing(sentence, text, counted, predicate,
                                                                                group):
    assert with_keys(figure(sentence, text, "other", counted, predicate=predicate)).counted_group == group


# --- the time of a figure is its own clause's (blind8 kind 5) -----------------------------------------


def test_a_time_in_a_clause_before_where_is_not_the_figures():
    sentence = "The protests that began on Sunday spread overnight to Dravo, where at least 5,000 people marched."
    crowd = figure(sentence, "at least 5,000", "protesters", "people", as_of="2022-01-02")
    assert time_scope(crowd, 2022, 2022) is None


def test_some_years_before_is_another_time():
    sentence = "A few years ago a litre of gas sold for 30 tenge."
    assert time_scope(figure(sentence, "30", "price", unit="KZT"), 2022, 2022) == "years before"


# --- price phases (blind8 kind 6) ----------------------------------------------------------------------


@pytest.mark.parametrize("sentence, text, phase", [
    ("The commission agreed to bring the price of gas back down to 50 tenge.", "50 tenge", "cut"),
    ("The retail price of gas in the region has been set at 50 tenge per litre.", "50 tenge", "cut"),
    ("| Cause | End of the gas price cap (60 → 120 tenge a litre)", "60", "before"),
    ("| Cause | End of the gas price cap (60 → 120 tenge a litre)", "120 tenge", "after"),
    ("The minister offered to lower the price of gas to 80 tenge, but protesters refused.", "80 tenge", "offer"),
    # the clause, not the whole sentence: a rise named over a line break is no rise of this price
    ("Gas prices had doubled to 120 tenge\nThe government will bring the price of gas down to 50 tenge.",
     "50 tenge", "cut"),
])
def test_a_price_phase_comes_from_its_own_clause(sentence, text, phase):
    assert with_keys(figure(sentence, text, "price", unit="KZT")).phase == phase


# --- one scope whatever kind of region is written after the name (blind8 kind 3) -----------------------


@pytest.mark.parametrize("written", ["Kelmora", "Kelmora region", "Kelmora Province", "the Kelmora oblast",
                                     "Kelmora district"])
def test_a_region_is_one_scope_however_its_kind_is_written(written):
    from pipeline.nlp.scope import scope_name
    assert scope_name(written) == "Kelmora"


@pytest.mark.parametrize("sentence, text, counted, head, predicate", [
    ("Police put the crowd that marched through Dravo at 1,500.", "1,500", None, None, "march"),
    ("Live: Thousands march in Dravo over the ferry rescue", "Thousands", "march", "march", "march"),
])
def test_a_crowd_counted_by_no_noun_of_people_counts_people(sentence, text, counted, head, predicate):
    crowd = with_keys(figure(sentence, text, "protesters", counted, head, predicate=predicate))
    assert (crowd.counted_group, crowd.unit_kind) == ("people", "people")


def test_a_price_keeps_its_place_only_where_its_document_prices_another_place():
    from pipeline.nlp.keys import market_scope
    one = "In Mangystau region a litre went from 60 tenge to 120."
    rise = replace(figure(one, "120", "price", unit="KZT"), counted_group="fuel", scope="Mangystau")
    assert market_scope(rise, (rise,)).scope is None
    two = "A litre costs 100 tenge in Almaty and 120 tenge in Aktau."
    almaty = replace(figure(two, "100", "price", unit="KZT"), counted_group="fuel", scope="Almaty")
    aktau = replace(figure(two, "120", "price", unit="KZT"), counted_group="fuel", scope="Aktau")
    assert market_scope(aktau, (almaty, aktau)).scope == "Aktau"


def test_a_part_of_the_dead_naming_no_group_of_its_own_is_a_part():
    part = "The authorities say that 149 of the dead were killed while attacking government buildings."
    assert incident(figure(part, "149", "killed", "dead")) == "a part"
    own = "3,393 of the wounded were members of the security forces."
    assert incident(figure(own, "3,393", "injured", "wounded")) is None


def test_a_bare_count_after_the_number_of_a_group_counts_that_group():
    sentence = "Readers asked why the number of security personnel killed moved from 18 to 19."
    assert counted_group(figure(sentence, "18", "killed", predicate="kill"))[0] == "security forces"


# --- the rest of the country beside a named place is no scope of that place (scope4 kind 1) ------------

@pytest.mark.parametrize("sentence, text, places", [
    ("Guards shot 86 raiders in Karsk and 63 in seven other regions.", "63", ("Karsk",)),
    ("Guards shot 86 raiders in Karsk and 63 outside Karsk.", "63", ("Karsk",)),
    ("Guards shot 86 raiders in Karsk; outside Karsk, 63 died.", "63", ("Karsk",)),
    ("Guards shot 86 raiders in Karsk and 63 elsewhere.", "63", ("Karsk",)),
    ("Guards shot 86 raiders in Karsk and 63 in the rest of the country.", "63", ("Karsk",)),
    ("| Karsk city | 86 | \n| Seven other regions | 63 | \n", "63", ("Karsk",)),
])
def test_a_count_beside_a_named_town_is_the_rest_of_the_countrys(sentence, text, places):
    from pipeline.nlp.scope import ELSEWHERE
    held = replace(figure(sentence, text, "killed", predicate="shoot"), scope="Karsk")  # the parse's attachment
    keyed = _keyed(sentence, [figure(sentence, "86", "killed", "raiders", predicate="shoot"), held],
                   _places(sentence, *places))
    assert keyed[text].scope == ELSEWHERE
    assert keyed["86"].scope == "Karsk"



def test_a_crowd_outside_a_building_is_in_its_town():
    sentence = "In Velmor, about 5,000 people gathered outside Parliament."
    crowd = figure(sentence, "5,000", "protesters", "people", predicate="gather")
    assert _keyed(sentence, [crowd], _places(sentence, "Velmor"))["5,000"].scope == "Velmor"


@pytest.mark.parametrize("sentence, text", [
    ("Police put the crowd that marched through Velmor at 1,500; organisers claimed 10,000.", "10,000"),
    ("A gathering in Velmor, attended by about 1,500 people, turned violent.", "1,500"),
    ("Some 1,500 people filled Velmor's main square.", "1,500"),
])
def test_a_crowd_figure_takes_the_one_town_its_sentence_puts_it_in(sentence, text):
    crowd = figure(sentence, text, "protesters", predicate="claim")
    assert _keyed(sentence, [crowd], _places(sentence, "Velmor"))[text].scope == "Velmor"


@pytest.mark.parametrize("sentence", [
    "The president said up to 1,500 rioters had attacked Velmor.",
    "Some 1,500 people marched in Velmor and Karsk.",
])
def test_a_crowd_figure_takes_no_town_it_only_acted_on_or_one_of_two(sentence):
    crowd = figure(sentence, "1,500", "protesters", "people", predicate="march")
    places = ("Velmor", "Karsk") if "Karsk" in sentence else ("Velmor",)
    assert _keyed(sentence, [crowd], _places(sentence, *places))["1,500"].scope is None


def test_a_town_merged_into_a_paper_named_after_it_is_still_the_town():
    sentence = "A march in Velmor drew 1,500 people, Glas Velmor reported."
    crowd = figure(sentence, "1,500", "protesters", "people", predicate="draw")
    town = EntityMention("Velmor", 11, 17, "PERSON", "Glas Velmor")
    paper = EntityMention("Glas Velmor", sentence.index("Glas"), sentence.index("Glas") + 11, "PERSON", "Glas Velmor")
    assert _keyed(sentence, [crowd], (town, paper))["1,500"].scope == "Velmor"


def test_a_crowd_in_a_where_clause_is_in_the_town_it_opens_on():
    sentence = "The protests that began in Karsk spread to Velmor, where at least 5,000 people marched."
    crowd = figure(sentence, "5,000", "protesters", "people", predicate="march")
    assert _keyed(sentence, [crowd], _places(sentence, "Karsk", "Velmor"))["5,000"].scope == "Velmor"


def test_damage_in_money_borrows_no_group_from_a_count_of_things_damaged() -> None:
    from pipeline.nlp import analyse, load_nlp

    nlp = load_nlp()
    text = "The blast destroyed 212 vehicles. Officials put the damage at 310 million leva."
    found = {f.text: f for f in analyse(nlp, text, dt.date(2025, 10, 20), None).figures}
    assert found["212"].counted_group == "vehicles"
    assert found["310 million leva"].counted_group == "property"


@pytest.mark.parametrize("sentence, text, head, predicate, claim_type", [
    ("Some 450 soldiers are helping in Berat.", "450", "soldier", "help", "deployed"),
    ("The prefecture has engaged 800 police officers.", "800", "officer", "engage", "deployed"),
    ("The army raised its soldiers in the area to 1,000.", "1,000", "soldier", "raise", "deployed"),
    ("Volunteers helped 30 families.", "30", "family", "help", "other"),  # no force took part
])
def test_a_force_that_helps_or_is_engaged_was_deployed(sentence, text, head, predicate, claim_type) -> None:
    from pipeline.nlp.keys import typed_by_action

    counted = {"soldier": "soldiers", "officer": "police officers", "family": "families"}[head]
    found = typed_by_action(figure(sentence, text, counted=counted, head=head, predicate=predicate))
    assert found.claim_type == claim_type


@pytest.mark.parametrize("sentence, sums", [
    ("The cabinet will pay 1 million lek to the family of each person killed and 600,000 lek to each family "
     "whose home was destroyed.", {"1 million lek": "payment for deaths", "600,000 lek": "payment for homes"}),
    ("The government promised 500,000 dinars ($9,260) to each bereaved family.",
     {"500,000 dinars": "payment for deaths"}),
])
def test_a_payment_to_people_is_keyed_by_what_it_makes_good(sentence, sums) -> None:
    from pipeline.nlp import analyse, load_nlp

    found = {f.text: f.counted_group for f in analyse(load_nlp(), sentence, dt.date(2026, 3, 11), None).figures}
    assert {text: found[text] for text in sums} == sums


@pytest.mark.parametrize("sentence, old, new", [
    ("A loaf that cost 90 lek a week ago now sells for 140 lek.", "90 lek", "140 lek"),
    ("Neighbours now pay 140 lek for a loaf that cost 90 lek before the flood.", "90 lek", "140 lek"),
])
def test_the_old_price_in_a_clause_of_its_own_is_the_price_before(sentence, old, new) -> None:
    from pipeline.nlp import analyse, load_nlp

    found = {f.text: f.phase for f in analyse(load_nlp(), sentence, dt.date(2026, 3, 16), None).figures}
    assert (found[old], found[new]) == ("before", "after")


def test_a_table_cell_of_a_places_row_or_the_total_counts_people_and_an_unknown_row_stays_out() -> None:
    from pipeline.nlp import analyse, load_nlp

    text = ("The flood in Berat killed 33 people.\n\n| Municipality | Dead |\n|---|---|\n| Berat | 21 |\n"
            "| Lower Vajgur | 8 |\n| Total | 33 |\n")
    cells = [f for f in analyse(load_nlp(), text, dt.date(2026, 3, 26), None).figures if "|" in (f.sentence or "")]
    found = {f.text: (f.counted_group, f.scope) for f in cells}
    assert (found["21"], found["33"]) == (("people", "Berat"), ("people", None))
    assert found["8"] != found["33"]  # a municipality's row, named or not, is never the total


def test_values_listed_after_a_count_are_values_of_that_count() -> None:
    from pipeline.nlp import analyse, load_nlp

    text = ("The first count, on 8 March, was nine dead; it rose to 16 on 9 March, 24 on 11 March and 28 on "
            "13 March. Police held 40 people on Monday, and 12 were released.")
    found = {f.text: (f.claim_type, f.counted_group) for f in analyse(load_nlp(), text, dt.date(2026, 3, 20), None).figures}
    assert found["16"] == found["24"] == found["28"] == ("killed", "people")
    assert found["12"][0] == "other"  # released, not a value of the 40 held


def test_a_count_done_only_to_people_counts_people_unless_it_is_a_listed_part() -> None:
    from pipeline.nlp import analyse, load_nlp

    text = ("Police detain 61 as the protest turns violent.\n\n"
            "Detained: 112 people, including nine children and 4 journalists.")
    found = {f.text: f.counted_group for f in analyse(load_nlp(), text, dt.date(2026, 3, 14), None).figures}
    assert found["61"] == "people"
    assert found["4"] != "people"  # a part listed after "including", never the total's group


def test_the_number_said_again_counts_what_it_counted_first() -> None:
    from pipeline.nlp import analyse, load_nlp

    text = ("Readers asked why the number of security personnel killed moved from 18 to 19. "
            "The 18 comes from the ministry's update of 7 January.")
    found = [f.counted_group for f in analyse(load_nlp(), text, dt.date(2022, 1, 20), None).figures if f.text == "18"]
    assert found == ["security forces", "security forces"]


def test_the_number_said_again_with_no_claim_takes_the_first_ones_claim() -> None:
    from pipeline.nlp import analyse, load_nlp

    text = ("Around 117 people are believed to have been on board. "
            "Relatives say 130 people squeezed onto the boat, more than the 117 counted by Cypriot police.")
    found = [(f.claim_type, f.counted_group) for f in analyse(load_nlp(), text, dt.date(2026, 5, 4), None).figures]
    assert found == [("other", "people: aboard")] * 3


@pytest.mark.parametrize("correction", ["It corrected the figure to 71 the next day.", "The correct number is 71."])
def test_a_value_given_as_a_correction_counts_what_the_count_before_it_counts(correction: str) -> None:
    from pipeline.nlp import analyse, load_nlp

    text = f"On the evening of 29 April the office put the number of people rescued at 74. {correction}"
    found = [f.counted_group for f in analyse(load_nlp(), text, dt.date(2026, 5, 4), None).figures]
    assert found == ["people: rescued", "people: rescued"]


@pytest.mark.parametrize("text", ["Search called off with 25 still missing.", "Twelve are missing."])
def test_a_bare_count_of_the_missing_counts_people(text: str) -> None:
    from pipeline.nlp import analyse, load_nlp

    [missing] = analyse(load_nlp(), text, dt.date(2026, 5, 4), None).figures
    assert (missing.claim_type, missing.counted_group) == ("missing", "people")


@pytest.mark.parametrize("sentence, text, counted, group", [
    ("SINAE says 3,400 people were evacuated from five neighbourhoods.", "five", "neighbourhoods", "neighbourhood"),
    ("SINAE says 3,400 people were evacuated from five neighbourhoods.", "3,400", "people", "people"),
    ("Residents of six villages were evacuated.", "six", "villages", "village"),
])
def test_places_counted_are_no_people(sentence: str, text: str, counted: str, group: str) -> None:
    assert counted_group(figure(sentence, text, "evacuated", counted, predicate="evacuate"))[0] == group


@pytest.mark.parametrize("sentence, text, key", [
    ("Of the 64 people admitted, 23 are still in hospital.", "23", "in hospital"),
    ("Of the 64 people admitted, 23 are still in hospital.", "64", None),
    ("Twelve people remain in hospital.", "Twelve", "in hospital"),
    ("A further 12 people were in a critical condition.", "12", "in hospital"),
])
def test_the_injured_still_in_hospital_are_a_count_of_their_own(sentence: str, text: str, key: str | None) -> None:
    assert incident(figure(sentence, text, "injured", "people", predicate="hospital")) == key


def test_police_deployed_are_no_troops() -> None:
    from pipeline.nlp import analyse, load_nlp

    text = "Some 3,200 police officers were deployed in the capital and 1,500 soldiers were sent in."
    found = {f.text: f.counted_group for f in analyse(load_nlp(), text, dt.date(2025, 11, 8), None).figures}
    assert (found["Some 3,200"], found["1,500"]) == ("police", "troops")


def test_the_town_its_agents_are_in_limits_the_count_they_made():
    sentence = "Police in Darkhan have detained 74 people since Tuesday, the provincial police said."
    held = figure(sentence, "74", "detained", "people", predicate="detain")
    assert _keyed(sentence, [held], _places(sentence, "Darkhan"))["74"].scope == "Darkhan"
    sentence = "Police in Darkhan said 1,430 people were held across the country."
    held = figure(sentence, "1,430", "detained", "people", predicate="hold")
    assert _keyed(sentence, [held], _places(sentence, "Darkhan"))["1,430"].scope is None


@pytest.mark.parametrize(("sentence", "text", "phase"), [
    ("The pump price is capped at 2 690 tugrik, instead of 3 150 tugrik.", "3 150 tugrik", "after"),
    ("In euro terms a litre went from about €0.58 to €0.76 before the cap.", "€0.76", "after"),
    ("The unrest followed the end of price controls (petrol: ₮2,390 → ₮3,150 per litre).", "₮3,150", "after"),
    ("The unrest followed the end of price controls (petrol: ₮2,390 → ₮3,150 per litre).", "₮2,390", "before"),
])
def test_a_price_phase_is_read_from_instead_of_a_change_to_and_an_arrow_that_rises(sentence: str, text: str,
                                                                                   phase: str) -> None:
    assert with_keys(figure(sentence, text, "price", unit="MNT")).phase == phase


def test_what_was_sent_and_no_lexicon_group_names_counts_itself() -> None:
    boats = figure("The navy sent 37 boats.", "37", "deployed", "boats")
    assert counted_group(boats)[0] == "boat"


def test_land_harmed_is_keyed_as_area_in_its_own_unit() -> None:
    burned = figure("The fires burned 52,600 hectares.", "52,600", "damage", "hectares")
    assert (unit_kind(burned), counted_group(burned)[0]) == ("area:hectare", "area")


def test_a_price_a_scheme_had_held_is_the_price_before() -> None:
    held = figure("The government ended a scheme that had held petrol at 2,390 tögrög a litre.", "2,390 tögrög",
                  "price")
    assert with_keys(held).phase == "before"


def test_a_year_of_the_event_a_relative_clause_tells_of_dates_its_figure() -> None:
    old = figure("It was the worst fire since the Tazreen fire of 2012, which killed 112.", "112", "killed")
    assert time_scope(old, 2025, 2025) == "2012"
    # blind75: the event named with its year, then what it was about, then the relative clause
    riots = figure("Ma'an was the cradle of the April 1989 riots over fuel prices, in which at least eight people were "
                   "killed.", "eight", "killed", "people")
    assert time_scope(riots, 2026, 2026) == "1989"


def test_a_casualty_count_whose_verb_only_moves_it_is_a_toll() -> None:
    revised = figure("Officials gave a toll of 37 on 19 February, revised to 33 the next day.", "33", "killed",
                     predicate="revise")
    assert counted_group(revised)[0] == "people"


def test_a_part_a_force_is_said_to_include_is_no_force_of_its_own() -> None:
    part = figure("The 4,600 personnel include 1,850 soldiers and 1,550 police officers.", "1,850", "deployed",
                  "soldiers")
    assert incident(part) == "a part"


def test_things_damaged_in_no_lexicon_row_are_objects_keyed_by_their_noun() -> None:
    bridges = figure("The floods destroyed 96 bridges.", "96", "damage", "bridges")
    assert (unit_kind(bridges), counted_group(bridges)[0]) == ("objects", "bridge")
    assert unit_kind(figure("Damage was put at 5 billion.", "5 billion", "damage", "damage")) == "money"


def test_things_and_facilities_are_keyed_by_their_noun_whatever_was_done_to_them() -> None:
    opened = figure("The navy opened seven shelters.", "seven", "other", "shelters", predicate="open")
    stayed = figure("Families slept in seven shelters.", "seven", "other", "shelters", predicate="sleep")
    assert counted_group(opened)[0] == counted_group(stayed)[0] == "shelter"
    agreed = figure("All 27 member states agreed.", "27", "other", "member states", predicate="agree")
    assert counted_group(agreed)[0] == "member state: agree"


def test_an_event_noun_counts_people() -> None:
    detentions = figure("The ministry reported 3,811 detentions.", "3,811", "detained", "detentions",
                        predicate="report")
    assert counted_group(detentions)[0] == "people"


def test_a_hazard_parsed_as_what_was_killed_counts_people_but_a_count_of_hazards_does_not() -> None:
    storm = figure("El Salvador floods: what we know about the storm that has killed 52", "52", "killed", "floods")
    blasts = figure("A fire led to two blasts that killed 32 people.", "two", "killed", "blasts")
    assert (counted_group(storm)[0], counted_group(blasts)[0]) == ("people", None)


def test_families_and_shelters_are_counted_apart_from_people() -> None:
    families = figure("Temporary housing for 3,000 families who lost their homes.", "3,000", "displaced", "families")
    shelters = figure("| Shelters enabled | 381 |", "381", "displaced", "shelters")
    assert (counted_group(families)[0], counted_group(shelters)[0]) == ("households", "shelter")


def test_the_workers_of_a_disaster_are_its_toll_and_workers_named_by_trade_a_group_of_their_own() -> None:
    toll = figure("Thirty-one workers were killed and two remain missing.", "Thirty-one", "killed", "workers")
    port = figure("A driver died, bringing the number of port workers killed to 15.", "15", "killed")
    assert (counted_group(toll)[0], counted_group(port)[0]) == ("people", "workers")


def test_workers_of_a_group_named_in_their_phrase_are_that_group() -> None:
    police = figure("Six police workers were injured.", "Six", "injured", "police workers")
    assert counted_group(police)[0] == "security forces"


def test_the_parts_of_a_whole_in_brackets_are_parts_unless_they_name_a_group_of_their_own() -> None:
    sentence = "| Deaths | 35 (31 workers, 3 firefighters) |"
    assert incident(figure(sentence, "31", "killed", "workers")) == "a part"
    sentence = "| Deaths | 227 (208 civilians, 19 police) |"
    assert incident(figure(sentence, "208", "killed", "civilians")) is None


@pytest.mark.parametrize("sentence, text", [
    ("Red beans sold for $142 a quintal on Thursday, against $96 a year earlier.", "$96"),
    ("Beans cost $34, up from $26 last year.", "$26"),
])
def test_a_price_said_of_a_year_before_is_the_price_before(sentence: str, text: str) -> None:
    assert with_keys(figure(sentence, text, "price", unit="USD")).phase == "before"


def test_people_moved_out_of_a_place_were_evacuated_and_a_force_moved_in_was_not() -> None:
    moved = figure("The district says 2,400 people have been moved from ten villages.", "2,400", counted="people",
                   predicate="move")
    police = figure("Some 600 riot police were moved into the old town.", "600", counted="riot police",
                    predicate="move")
    assert (typed_by_action(moved).claim_type, typed_by_action(police).claim_type) == ("evacuated", "other")


@pytest.mark.parametrize("sentence, text", [
    ("- Persons in evacuation sites: 3,050, in five sites.", "3,050"),
    ("On Tuesday our team counted 2.900 people still staying in the camps.", "2.900"),
])
def test_people_counted_where_they_shelter_are_the_displaced(sentence: str, text: str) -> None:
    found = figure(sentence, text, "evacuated", counted="people")
    assert typed_by_action(found).claim_type == "displaced"


def test_a_shelter_named_after_another_number_says_nothing_of_the_first() -> None:
    sentence = "Residents evacuated since the incident: 6,800, of whom 410 are accommodated in temporary shelters"
    assert typed_by_action(figure(sentence, "6,800", "evacuated", counted="residents")).claim_type == "evacuated"


@pytest.mark.parametrize("sentence, text, unit", [
    ("China pledged 10 million yuan for the survivors.", "10 million yuan", "CNY"),
    ("The Lao government allocated 5 billion kip.", "5 billion kip", "LAK"),
])
def test_money_pledged_or_allocated_is_aid(sentence: str, text: str, unit: str) -> None:
    assert counted_group(figure(sentence, text, unit=unit, head="yuan"))[0] == "aid"


def test_pupils_are_children() -> None:
    pupils = figure("Rescuers recovered the bodies of nine pupils from the dormitory.", "nine", "killed", "pupils")
    assert counted_group(pupils)[0] == "children"


def test_a_row_under_a_header_of_places_is_limited_to_its_first_cell_whether_or_not_the_place_is_known() -> None:
    from pipeline.nlp import analyse, load_nlp

    text = ("Figures by village:\n\n| Village | Dead | Missing |\n|---|---|---|\n| Ban Phou Hok | 22 | 5 |\n"
            "| Nam Phak (mine camp) | 9 | 10 |\n| Total | 31 | 15 |\n")
    found = {f.text: f.scope for f in analyse(load_nlp(), text, dt.date(2026, 8, 21), None).figures}
    assert (found["22"], found["9"], found["31"]) == ("Ban Phou Hok", "Nam Phak", None)


@pytest.mark.parametrize("sentence, text, part", [
    ("By 20 August the toll was 44: 40 bodies recovered from the debris and four people who died.", "40", True),
    ("By 20 August the toll was 44: 40 bodies recovered from the debris and four people who died.", "four", True),
    ("At 10:30 rescuers found 29 bodies.", "29", False),
    ("In 2025: 12 people died in floods.", "12", False),
])
def test_counts_after_a_total_and_a_colon_are_its_parts(sentence: str, text: str, part: bool) -> None:
    assert (incident(figure(sentence, text, "killed", "people")) == "a part") is part


def test_an_infobox_row_naming_the_location_makes_no_place_of_the_labels_under_it() -> None:
    from pipeline.nlp.scope import _row_places

    infobox = "| Location | Dravo, Kelmora |\n\n| Deaths | 64 |\n\n| Missing | 19 |\n"
    table = "| Village | Dead |\n\n|---|---|\n\n| Ban Na Lao | 7 |\n\n| Total | 7 |\n"
    assert (_row_places(infobox), _row_places(table)) == (set(), {"Ban Na Lao"})


@pytest.mark.parametrize("sentence,place,scope", [
    ("Up to 25,000 people protested in Velmor; 61 were detained and 19 officers injured.", "Velmor", "Velmor"),
    ("In Karsk, police detained 38 people and 14 officers were hurt.", "Karsk", "Karsk"),
    # the town's police tell of the town (blind117, blind25)
    ("In Karsk, police say 14 officers were hurt in clashes on Friday.", "Karsk", "Karsk"),
    # not where a national body in the town reports, nor where the sentence counts the whole country
    ("In Karsk, the ministry said 14 officers were hurt.", "Karsk", None),
    ("Up to 25,000 people protested in Velmor; across the country 14 officers were hurt.", "Velmor", None),
])
def test_the_one_place_a_sentence_sets_before_a_figures_clause_is_its_scope(sentence, place, scope):
    keyed = _keyed(sentence, [figure(sentence, "14" if "14" in sentence else "19", "injured", "officers")],
                   _places(sentence, place))
    assert next(iter(keyed.values())).scope == scope


@pytest.mark.parametrize("text", [
    "Mobile internet, cut on Tuesday night, would stay off for 72 hours.",
    "The minister said mobile data would be cut for 72 hours.",
    "The internet shutdown, announced for 72 hours, angered traders.",
])
def test_a_service_cut_is_timed_by_the_service_whatever_word_says_it(text: str) -> None:
    from pipeline.nlp import analyse, load_nlp
    (figure,) = [f for f in analyse(load_nlp(), text).figures if f.text == "72"]
    assert figure.counted_group == "hour: internet"


def test_a_price_change_as_a_share_is_grouped_by_its_good() -> None:
    from pipeline.nlp import analyse, load_nlp
    (figure,) = analyse(load_nlp(), "Diesel prices rose 64% overnight.").figures
    assert (figure.claim_type, figure.counted_group) == ("other", "price change: diesel")


@pytest.mark.parametrize("text, share, group", [
    ("A litre of A-92 petrol went from 2,390 to 3,150 tögrög, a rise of 31.8%; diesel rose by 31.3%.", "31.8%",
     "price change: petrol"),
    ("A litre of A-92 petrol went from 2,390 to 3,150 tögrög, a rise of 31.8%; diesel rose by 31.3%.", "31.3%",
     "price change: diesel"),
    ("Turnout rose by 4% to 41%.", "4%", None),
])
def test_a_share_told_as_a_change_next_to_a_good_is_that_goods_price_change(text: str, share: str,
                                                                             group: str | None) -> None:
    from pipeline.nlp import analyse, load_nlp
    (figure,) = [f for f in analyse(load_nlp(), text).figures if f.text == share]
    assert figure.counted_group == group


@pytest.mark.parametrize("text, sum_, claim_type", [
    ("Gasoline has risen by a net P7.35 over the same period in Metro Manila.", "P7.35", "price"),
    ("Household LPG stays at P1,045 to P1,210 for an 11-kilogram cylinder in Metro Manila.", "P1,045 to P1,210",
     "price"),
    ("The cost of fuel subsidies fell to LE 124 billion.", "LE 124 billion", "other"),  # a sum, no price
])
def test_a_sum_by_which_a_goods_price_moves_or_at_which_it_stays_is_a_price(text: str, sum_: str,
                                                                               claim_type: str) -> None:
    from pipeline.nlp import analyse, load_nlp
    (figure,) = [f for f in analyse(load_nlp(), text).figures if f.text == sum_]
    assert figure.claim_type == claim_type


@pytest.mark.parametrize("text, sum_, good, phase", [
    # blind77: the level a good's price is at, and the one it went up from
    ("In Sri Lanka auto diesel is Rs 342, up from Rs 283, and kerosene is Rs 245.", "Rs 342", "diesel", "after"),
    ("In Sri Lanka auto diesel is Rs 342, up from Rs 283, and kerosene is Rs 245.", "Rs 283", "diesel", "before"),
    ("In Sri Lanka auto diesel is Rs 342, up from Rs 283, and kerosene is Rs 245.", "Rs 245", "kerosene", "after"),
    ("In Sri Lanka diesel had gone up to 342 rupees from 283 on June 1.", "283", "diesel", "before"),
])
def test_a_goods_price_level_and_the_price_it_went_up_from(text: str, sum_: str, good: str, phase: str) -> None:
    from pipeline.nlp import analyse, load_nlp
    (figure,) = [f for f in analyse(load_nlp(), text).figures if f.text == sum_]
    assert (figure.claim_type, figure.counted_group, figure.phase, figure.unit) == ("price", good, phase, "LKR")


@pytest.mark.parametrize("text, crowd", [
    ("A crowd that police estimated at 2,000 gathered at the Clock Tower.", "2,000"),
])
def test_a_crowds_estimated_size_is_a_crowd_of_protesters(text: str, crowd: str) -> None:
    """blind77: as "15,000 protesters marched", whatever word the source counts them by (figures._crowd_put_at)."""
    from pipeline.nlp import analyse, load_nlp
    (figure,) = [f for f in analyse(load_nlp(), text).figures if f.text == crowd]
    assert (figure.claim_type, figure.counted_group) == ("protesters", "people")


def test_the_city_of_a_town_is_that_town_not_a_town_called_city() -> None:
    """blind106: "the City of Blantyre" is tagged as two places, "City" and "Blantyre"."""
    from pipeline.nlp import analyse, load_nlp
    text = "The Minister said 780 suspects were apprehended, of whom 255 in the City of Blantyre."
    found = analyse(load_nlp(), text, dt.date(2026, 8, 15)).figures
    assert [(f.text, f.scope) for f in found] == [("780", None), ("255", "Blantyre")]


def test_a_towns_name_opening_a_longer_name_is_no_mention_of_the_town() -> None:
    """blind77: Galle Face Green is a square in Colombo, not the town of Galle."""
    from pipeline.nlp import analyse, load_nlp
    text = "Protests spread to Galle and Kandy on Monday. Police put the crowd at Galle Face Green at about 12,000."
    (figure,) = analyse(load_nlp(), text).figures
    assert figure.scope is None


def test_casualties_in_the_city_are_in_the_town_named_before() -> None:
    from pipeline.nlp import analyse, load_nlp
    text = "The governor of Kaolack spoke last night. He said that four people have died in the city since Monday."
    (figure,) = analyse(load_nlp(), text, dt.date(2026, 2, 14)).figures
    assert (figure.claim_type, figure.scope) == ("killed", "Kaolack")


@pytest.mark.parametrize("text", [
    # blind97: seven words between the count and "in the city"
    "Protests reached Kumasi on Tuesday. The hospital said on Saturday that six people had died of gunshot wounds in "
    "the city.",
    # blind102: "since the protests reached the city"
    "Kumasi was calm on Sunday. The regional hospital says four people have died since the protests reached the city.",
])
def test_casualties_the_clause_puts_in_the_city_further_on_are_in_the_town_named_before(text: str) -> None:
    from pipeline.nlp import analyse, load_nlp
    (figure,) = analyse(load_nlp(), text, dt.date(2026, 2, 14)).figures
    assert (figure.claim_type, figure.scope) == ("killed", "Kumasi")


def test_casualties_in_the_city_of_a_page_naming_no_town_close_before_are_in_the_town_it_names_most() -> None:
    """blind104: a local paper's page about its own town."""
    from pipeline.nlp import analyse, load_nlp
    text = ("Traders in Kumasi counted their losses on Monday. The market of Kumasi reopened at noon. Buses left for "
            "Accra half empty. Shops stayed shut along the main road. Taxis waited at the station. The fuel queues "
            "were shorter. The hospital confirmed that four people had died in the city.")
    (figure,) = analyse(load_nlp(), text, dt.date(2026, 2, 14)).figures
    assert (figure.claim_type, figure.scope) == ("killed", "Kumasi")


@pytest.mark.parametrize("text", [
    "Ma'an buries its dead as curfew begins; city's toll rises to four",
    "A curfew begins in Ma'an tonight, hours after a schoolboy was shot dead, bringing the number of people from the "
    "city killed since Sunday to four.",
])
def test_the_citys_toll_is_in_the_town_named_before(text: str) -> None:
    from pipeline.nlp import analyse, load_nlp
    (figure,) = analyse(load_nlp(), text, dt.date(2026, 11, 10)).figures
    assert (figure.claim_type, figure.scope) == ("killed", "Ma'an")


def test_the_towns_streets_do_not_make_a_toll_the_towns() -> None:
    """blind14: the dam's toll is the story's, though the water ran through "the town's riverside quarters"."""
    from pipeline.nlp import analyse, load_nlp
    text = ("A dam above the town of Berat burst on Sunday, sending water through the town's riverside quarters and "
            "killing at least nine people.")
    (figure,) = analyse(load_nlp(), text, dt.date(2026, 3, 8)).figures
    assert (figure.claim_type, figure.scope) == ("killed", None)


@pytest.mark.parametrize("text, hospital", [
    ("Ma'an Government Hospital has received 63 wounded since Sunday.", "Ma'an Government Hospital"),
    ("Doctors at Ma'an Government Hospital told the Centre they treated 71 wounded people.", "Ma'an Government Hospital"),
    ("The health ministry said 268 people had been treated in hospitals.", None),
])
def test_a_named_hospitals_count_of_the_hurt_is_that_hospitals(text: str, hospital: str | None) -> None:
    """blind75: one hospital's count is its own, apart from the national one."""
    from pipeline.nlp import analyse, load_nlp
    (figure,) = analyse(load_nlp(), text, dt.date(2026, 11, 10)).figures
    assert (figure.claim_type, figure.scope) == ("injured", hospital)


def test_people_freed_and_released_are_one_group() -> None:
    from pipeline.nlp import analyse, load_nlp
    text = "On Monday 120 detainees were freed. The prosecutor released 120 people, his office said."
    groups = {f.counted_group for f in analyse(load_nlp(), text, dt.date(2026, 2, 20)).figures}
    assert groups == {"people: released"}


def test_a_table_cell_of_one_is_a_count_not_one_case() -> None:
    from pipeline.nlp import analyse, load_nlp
    text = "| Region | Deaths |\n|---|---|\n| Louga | 1 |\n| Thies | 4 |"
    figures = analyse(load_nlp(), text, dt.date(2026, 2, 20)).figures
    assert [f.incident for f in figures if f.value == 1] == [None]


@pytest.mark.parametrize("sentence, text, counted, part", [
    # blind58: the railway's own dead, listed among the collision's
    ("Among the dead are 7 children and three railway employees: the driver and the guard.", "three",
     "railway employees", True),
    ("- Deceased: 41, including 3 railway employees on duty", "3", "railway employees", True),
    ("The collision killed 43 people, among them three railway workers.", "three", "railway workers", True),
    ("The dead included nine children and three railway employees.", "three", "railway employees", True),
    # the toll itself, and a listed part with a group of its own
    ("The collision killed 43 people, among them three railway workers.", "43", "people", False),
    ("Officials said 225 people died, including 19 security officers.", "19", "security officers", False),
])
def test_people_listed_among_a_tolls_dead_are_a_part_of_it(sentence, text, counted, part) -> None:
    assert (incident(figure(sentence, text, "killed", counted)) == "a part") is part


def test_a_toll_written_as_what_the_casualties_include_is_the_toll() -> None:
    assert incident(figure("Casualties include 225 dead and 4,353 injured.", "225", "killed", "dead")) is None


def test_a_part_named_by_a_group_of_its_own_after_of_whom_is_that_groups_own_count() -> None:
    sentence = ("23 people died as a result of the mass disorders, of whom 19 were civilians and 4 were employees of "
                "law-enforcement bodies.")
    assert incident(figure(sentence, "19", "killed", "civilians", predicate="die")) is None
    assert incident(figure("47 survivors were treated, of whom eight remain in hospital.", "eight", "injured",
                           predicate="remain")) == "in hospital"


@pytest.mark.parametrize("sentence", [
    "Press Release No. 5: Death toll of Boun Tai landslide corrected to 38; 22 persons still missing",
    "Update 3: toll rises to 38",
])
def test_a_number_that_numbers_a_document_is_no_total_its_toll_is_a_part_of(sentence: str) -> None:
    assert incident(figure(sentence, "38", "killed", None, predicate="correct")) is None


def test_a_count_after_a_list_of_the_dead_and_a_comma_is_no_part_of_it() -> None:
    sentence = "25 people were killed, among them nine children, and 163 students were injured."
    assert incident(figure(sentence, "163", "injured", "students")) is None


@pytest.mark.parametrize("sentence, text, good", [
    # blind64: petrol and diesel are priced apart from the gas cars run on; "a litre" says fuel only alone
    ("AI-92 petrol went from 68.90 to 137.80 som a litre and car gas from 38 to 76.", "137.80", "petrol"),
    ("AI-92 petrol went from 68.90 to 137.80 som a litre and car gas from 38 to 76.", "76", "fuel"),
    # the good of the price's own clause: before it, else the first after it (blind46, blind16)
    ("Petropar raised diesel to 8,790 guaraníes a litre from 7,290 guaraníes, and gasoline to 7,850.", "7,290",
     "diesel"),
    ("It restored a cap of 2,690 tögrög a litre on petrol but left diesel prices untouched.", "2,690", "petrol"),
    ("A litre of petrol went from 2,390 to 3,150 tögrög, a rise of 31.8%; diesel rose by 31.3%.", "3,150", "petrol"),
    ("The price would be reduced to 50 tenge per litre.", "50", "fuel"),
    # blind12: water is a good of its own
    ("The government fixed the maximum price of bottled water at 3 leva.", "3", "water"),
    # blind28: a ride's price is a fare
    ("A bajaj ride in town was 10 birr, the city now says 20 birr.", "10", "tickets"),
    # blind14: a flour depot is no flour priced
    ("Bread rose to 150 lekë a loaf after a flour depot was flooded, until the prefect capped the price at 100.",
     "100", "food"),
])
def test_a_price_is_of_the_good_named_in_its_own_clause(sentence, text, good) -> None:
    assert counted_group(figure(sentence, text, "price", unit="KGS"))[0] == good


@pytest.mark.parametrize("sentence, predicate, scope", [
    # blind64: a day's row of a table is that day's count; its running total is not
    ("| 20.10.2026 | 136 | 148 |", "detain", "2026-10-20"),
    ("| 20.10.2026 | 148 |", "total", None),
    ("| Sunday | 64 | 9 | 3 |", "admit", "2026-09-13"),
    # blind99: a day's arrests are that day's, though "arrests" also names a tally
    ("| Sunday, 13 September | 96 |", "arrest", "2026-09-13"),
])
def test_a_cell_of_a_days_row_is_that_days_count(sentence, predicate, scope) -> None:
    found = figure(sentence, sentence.split("|")[2].strip(), "detained", as_of="2026-10-20" if "10" in sentence
                   else "2026-09-13", predicate=predicate)
    assert time_scope(found, 2026, 2026) == scope


@pytest.mark.parametrize("sentence, text, phase", [
    # blind64: "down from" marks the price cut to and the one it was cut from, whatever rise the sentence names
    ("The government reversed most of a fuel price increase, setting the price of petrol at 72 som a litre, down "
     "from 137.80 som.", "72 som", "cut"),
    ("The government reversed most of a fuel price increase, setting the price of petrol at 72 som a litre, down "
     "from 137.80 som.", "137.80 som", "after"),
    ("The Cabinet of Ministers set the price of petrol at 72 som for 90 days.", "72 som", "cut"),
    # blind73: a cap, a freeze, an official "established at", and the old regime's price
    ("On Friday the government reversed course, capping diesel at 310 tenge a litre for 180 days.", "310 tenge",
     "cut"),
    ("From 6 March the retail price of diesel fuel is established at the level of 310 tenge per litre.", "310 tenge",
     "cut"),
    ("Under the old regime diesel sold for 295 tenge a litre everywhere in the country.", "295 tenge", "before"),
])
def test_a_price_set_or_brought_down_is_the_cut(sentence, text, phase) -> None:
    from pipeline.nlp.keys import price_phase
    assert price_phase(figure(sentence, text, "price", unit="KGS")) == phase


@pytest.mark.parametrize("sentence, text, phase", [
    # blind75: a price "before it" and "under the old subsidy" is the price before; the sum a price moved by is a
    # change, not a price after the rise (blind74: "risen by a net P7.35")
    ("Since Thursday bread has sold for 45 piasters, against 55 after the rise and 35 before it.", "35", "before"),
    ("Since Thursday bread has sold for 45 piasters, against 55 after the rise and 35 before it.", "55", "after"),
    ("The government sells flour at JD190 a tonne against JD25 under the old subsidy.", "JD25", "before"),
    ("The government has handed back ten of the 20 piasters it added to a kilo of bread.", "20", "change"),
    ("Gasoline has risen by a net P7.35 over the same period.", "P7.35", "change"),
    ("Petrol rose to 120 tenge from 60.", "120 tenge", "after"),
])
def test_a_price_before_it_and_the_sum_a_price_moved_by(sentence, text, phase) -> None:
    from pipeline.nlp.keys import price_phase
    assert price_phase(figure(sentence, text, "price", unit="JOD")) == phase


def test_flour_is_priced_apart_from_bread() -> None:
    flour = figure("Flour sells to bakeries at JD190 a tonne.", "JD190", "price", unit="JOD")
    bread = figure("A kilo of bread sells for JD0.55.", "JD0.55", "price", unit="JOD")
    assert (counted_group(flour)[0], counted_group(bread)[0]) == ("flour", "food")


def test_a_count_limited_to_an_explosion_is_that_incidents_where_a_larger_toll_stands() -> None:
    from pipeline.nlp.keys import mishaps
    toll = figure("Eleven people have been killed in the unrest.", "Eleven", "killed", "people")
    fire = figure("In Jalal-Abad, four people were killed when a filling station that protesters had set alight "
                  "exploded.", "four", "killed", "people")
    said = figure("The number of people killed in Wednesday's fire at the Altyn-Kol filling station has risen to 4.",
                  "4", "killed", "people")
    listed = figure("The official toll of 14 includes five bystanders – four of them killed in the fire at the "
                    "Altyn-Kol filling station.", "14", "killed", "people")
    found = mishaps(tuple(Figure(**{**f.__dict__, "value": v, "counted_group": "people"})
                          for f, v in ((toll, 11), (fire, 4), (said, 4), (listed, 14))))
    assert [f.incident for f in found] == [None, "an explosion", "an explosion", None]


def test_a_count_limited_to_a_vehicle_a_flood_took_is_that_incidents() -> None:
    """blind65: four died in a minibus the river swept off a bridge, in a flood that killed 21."""
    from pipeline.nlp.keys import mishaps
    toll = figure("The floods killed 21 people.", "21", "killed", "people")
    listed = figure("Among the dead are four people who were in a minibus that was swept off a bridge in Asău.", "four",
                    "killed", "people")
    before = figure("In Asău, a minibus was swept off the bridge over the Trotuș, killing four of its occupants.",
                    "four", "killed", "occupants")
    found = mishaps(tuple(Figure(**{**f.__dict__, "value": v, "counted_group": "people",
                                    "incident": incident(f)}) for f, v in ((toll, 21), (listed, 4), (before, 4))))
    assert [f.incident for f in found] == [None, "a vehicle", "a vehicle"]


@pytest.mark.parametrize("sentence, text, key", [
    # blind64: those still held are a count of now, apart from all who were detained
    ("412 people remain in custody, including the 212 held on suspicion of mass riots.", "412", "still held"),
    ("An amnesty freed 634 of the detainees, but 412 remain in custody.", "412", "still held"),
    ("Police said 38 are still being held.", "38", "still held"),
    # blind102: "still held" after its count, and a list's label before it
    ("The group asks the authorities to release the 535 people still held without charge.", "535", "still held"),
    ("Persons detained: 1,245; released after verification: 710; still in custody: 535", "535", "still held"),
    ("Persons detained: 1,245; released after verification: 710; still in custody: 535", "1,245", None),
    # blind106: those released or charged, by a list's label, are parts of the detained too
    ("Persons detained: 864; released on bail: 410; charged: 286", "410", "released"),
    ("Persons detained: 864; released on bail: 410; charged: 286", "286", "charged"),
    ("In total, 1,046 persons have been detained since 19 October.", "1,046", None),
])
def test_people_still_held_are_a_part_of_their_own(sentence, text, key) -> None:
    assert incident(figure(sentence, text, "detained", "people")) == key


@pytest.mark.parametrize("sentence, text", [("| Sunday | 64 | 9 | 3 |", "3"), ("| May 2026 | 21 | 13,960 |", "21")])
def test_a_tables_row_of_a_day_or_a_month_names_no_group(sentence, text) -> None:
    """blind56, blind65: "| Sunday |" and "| May 2026 |" say when, not who."""
    assert counted_group(figure(sentence, text, "killed", "people", predicate="die"))[0] == "people"


def test_a_tables_row_of_another_year_dates_its_cells() -> None:
    """blind65: a table comparing floods, "| July 2005 | 11 | – | 4,300 | 5.85 |", is about 2005."""
    row = "| July 2005 | 11 | – | 4,300 | 5.85 |"
    assert [time_scope(figure(row, text, "killed", "people"), 2026, 2026) for text in ("11", "5.85")] == ["2005", "2005"]


def test_a_figure_pointing_back_has_the_year_of_the_sentence_before() -> None:
    """blind67: "… since May 2005, when security forces opened fire in Andijan. The government put the death toll
    there at 187" and "I was nine in 2005 … The official figure then was 187 dead" are about 2005; "there were 23
    dead" and "the toll then rose to 23" point back to no other time."""
    from pipeline.models import Sentence
    from pipeline.nlp.keys import dated_by_the_sentence_before

    before = "The unrest is the most serious since May 2005, when security forces opened fire in Andijan. "
    found = []
    for second in ("The government put the death toll there at 187.", "The official figure then was 187 dead.",
                   "There were 187 dead.", "The toll then rose to 187."):
        text = before + second
        fig = Figure(**{**figure(second, "187", "killed", "people").__dict__, "start": text.index("187"),
                        "end": text.index("187") + 3, "sentence_start": len(before)})
        sentences = (Sentence(0, len(before), before), Sentence(len(before), len(text), second))
        found.append(dated_by_the_sentence_before(fig, sentences, 2026).time_scope)
    assert found == ["2005", "2005", None, None]


@pytest.mark.parametrize("sentence, text", [
    ("The bus company says three passengers died when its bus was hit by petrol bombs at the roundabout.", "three"),
    ("Bus set on fire in Colobane, Dakar: three passengers killed", "three"),
    ("In Dakar, three passengers were killed when attackers threw petrol bombs into a public bus.", "three"),
])
def test_people_killed_in_a_vehicle_set_on_fire_are_that_mishaps_own(sentence, text):
    """blind71: beside a national toll of 12, the bus set alight in Colobane is an incident of its own, wherever a
    source places it."""
    toll = replace(figure("The toll has risen to 12.", "12", "killed"), value=12.0, counted_group="people")
    count = replace(figure(sentence, text, "killed", "passengers"), value=3.0, counted_group="people", scope="Dakar")
    keyed = mishaps((toll, count))[1]
    assert (keyed.incident, keyed.scope) == ("a vehicle", None)


@pytest.mark.parametrize("sentence, text, scope", [
    ("The last time the country saw violence on this scale, in January 2022, 238 people were killed.", "238", "2022"),
    ("[5] The January 2022 unrest, which began over a rise in the price of gas from 60 to 120 tenge per litre, left "
     "238 people dead.", "238", "2022"),
    ("Independent since 1991, the country lost 225 people in the riots.", "225", None),
    ("The 2023 inspection of the dam listed 14 defects.", "14", None),  # other sources leave it undated (blind14)
])
def test_a_year_fronting_the_figures_clause_or_its_sentences_event_dates_it(sentence, text, scope):
    """blind73's analysis and encyclopedia give 2022's toll beside 2026's."""
    assert time_scope(figure(sentence, text, "killed", "people"), 2026, 2026) == scope


def test_people_placed_in_custody_by_the_courts_are_those_held_now():
    """blind73: "1,276 persons have been placed in custody" by the courts, of the 5,216 detained."""
    found = figure("By decision of the courts, 1,276 persons have been placed in custody.", "1,276", "detained",
                   "persons")
    assert incident(found) == "still held"
    after_releases = figure("Of the 5,216 detained, 3,940 had been released and 1,276 were in custody.", "1,276",
                            "detained", "people")
    assert incident(after_releases) == "still held"
    all_held = figure("The toll has risen to 14, the ministry said, and 687 people are in custody.", "687", "detained",
                      "people")
    assert incident(all_held) is None  # all who were detained (blind52)


@pytest.mark.parametrize("sentence, text", [
    ("Police searched ADTU headquarters at dawn and arrested 23 people.", "23"),
    ("Police now say 81 people have been detained since Monday, including the 23 held at the union office.", "23"),
    ("The judge granted habeas corpus to the 23 persons detained during the search carried out on Thursday.", "23"),
])
def test_people_held_in_a_raid_on_a_building_are_the_raids_count(sentence, text):
    """blind128: the 23 detained when police searched the union's headquarters, apart from the 112 of the strike."""
    assert incident(figure(sentence, text, "detained")) == "one raid"


def test_people_taken_to_police_headquarters_are_no_raid():
    sentence = "Protesters were taken to police headquarters, where 40 were detained overnight."
    assert incident(figure(sentence, "40", "detained")) != "one raid"


def test_a_total_before_a_raids_part_and_a_count_hurt_at_an_office_are_no_raid():
    sentence = "Police now say 81 people have been detained since Monday, including the 23 held at the union office."
    assert incident(figure(sentence, "81", "detained")) is None
    hurt = "22 police officers were injured, 13 of them at the harbour office."
    assert incident(figure(hurt, "13", "injured")) == "a part"

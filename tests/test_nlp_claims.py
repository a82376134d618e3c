"""What a figure counts, what happened to it, as of when and according to whom."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.models import Figure
from pipeline.nlp import analyse, load_nlp
from pipeline.nlp.en.lexicons import claim_lexicon


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def figures(nlp, text: str, publisher: str | None = "Test Wire") -> tuple[Figure, ...]:
    return analyse(nlp, text, dt.date(2022, 1, 8), publisher).figures


@pytest.mark.parametrize("text, claim_type, counted, head", [
    ("26 armed criminals were killed across the country.", "killed", "armed criminals", "criminal"),
    ("Police detained 412 protesters overnight.", "detained", "protesters", "protester"),
    ("33 cases of attacks on fire trucks were registered.", "attacks", "cases of attacks", "attack"),
    ("75 fires were extinguished in the city.", "fires", "fires", "fire"),
    ("10 employees received various injuries.", "injured", "employees", "employee"),
    ("The total number of the peacekeeping contingent is 2500 people.", "deployed", "people", "people"),
    ("Dozens of residents went missing after the clashes.", "missing", "residents", "resident"),
    ("About 3,000 families were evacuated from the district.", "evacuated", "families", "family"),
    ("Nearly 8,000 villagers fled their homes as the river rose.", "displaced", "villagers", "villager"),
    ("Some 12,000 people marched through the old town on Saturday.", "protesters", "people", "people"),
    ("Organisers said 3,000 demonstrators gathered outside parliament.", "protesters", "demonstrators",
     "demonstrator"),
    ("The ministry has sent four patrol boats to the lake.", "deployed", "patrol boats", "boat"),
    ("Around 350 personnel were posted along the border overnight.", "deployed", "personnel", "personnel"),
    ("Some 600 riot police were moved into the old town.", "deployed", "riot police", "police"),
    ("Some 400 members of the guard were wounded in the clashes.", "injured", "members", "member"),
    ("Police said ELEVEN vehicles were torched.", "damage", "vehicles", "vehicle"),  # a number word in capitals
])
def test_claim_type_and_counted_group_come_from_the_parse(nlp, text: str, claim_type: str, counted: str,
                                                          head: str) -> None:
    (figure,) = figures(nlp, text)
    assert (figure.claim_type, figure.counted, figure.counted_head) == (claim_type, counted, head)


def test_a_crowd_word_never_types_money_or_a_share(nlp) -> None:
    """"protesters" counts people: money lost in a riot is no crowd."""
    (figure,) = figures(nlp, "The strike cost the port 40 million dollars.")
    assert figure.claim_type != "protesters"


def test_a_plain_text_table_cell_takes_its_column_header(nlp) -> None:
    text = ("Casualties by district\n\nDistrict | Killed | Hurt | Deaths\nNorth | 12 | 40 | 3\n"
            "South | 7 | 25 | 1\n")
    found = {(f.text, f.start): (f.claim_type, f.counted_head) for f in figures(nlp, text)}
    rows = [(v, k[0]) for k, v in sorted(found.items(), key=lambda kv: kv[0][1])]
    # "Killed" and "Hurt" name no group: their cells count people, as "Deaths" counts deaths
    assert rows == [(("killed", "people"), "12"), (("injured", "people"), "40"), (("killed", "death"), "3"),
                    (("killed", "people"), "7"), (("injured", "people"), "25"), (("killed", "death"), "1")]


def test_a_cell_of_a_table_aligned_by_spaces_takes_its_column_header(nlp) -> None:
    text = ("Arrests by town\n\nTown        Arrested   Injured\nNorth             112        40\n"
            "South              57        25\nEast               38        19\n")
    rows = [(f.text, f.claim_type) for f in sorted(figures(nlp, text), key=lambda f: f.start)]
    assert rows == [("112", "detained"), ("40", "injured"), ("57", "detained"), ("25", "injured"),
                    ("38", "detained"), ("19", "injured")]


def test_damage_in_money_is_a_damage_claim_with_a_nominal_predicate(nlp) -> None:
    (figure,) = figures(nlp, "The riots caused damage to business by 78 billion tenge.")
    assert (figure.claim_type, figure.predicate, figure.unit) == ("damage", "damage", "KZT")


def test_adjective_after_the_number_names_what_happened(nlp) -> None:
    dead, hurt = figures(nlp, "Officials reported 12 dead and 40 injured in the city.")
    assert (dead.claim_type, hurt.claim_type) == ("killed", "injured")


def test_elided_subject_counts_the_same_group(nlp) -> None:
    injured, killed = figures(nlp, "748 police officers and national guard soldiers were injured, and 18 were killed.")
    assert (injured.counted, injured.counted_head, injured.predicate) == (
        "police officers and national guard soldiers", "officer", "injure")
    assert (killed.counted, killed.counted_head, killed.predicate, killed.claim_type) == (
        "police officers and national guard soldiers", "officer", "kill", "killed")


def test_coordinated_groups_are_counted_apart(nlp) -> None:
    terrorists, looters = figures(nlp, "70 terrorists and 30 looters were detained in Almaty.")
    assert (terrorists.counted, looters.counted) == ("terrorists", "looters")
    assert terrorists.scope == looters.scope == "Almaty"


def test_national_total_has_no_scope(nlp) -> None:
    (figure,) = figures(nlp, "Police detained 3,811 people across the country.")
    assert figure.scope is None


@pytest.mark.parametrize("text, as_of", [
    ("As of 5 p.m. on January 7, 2022, 748 police officers were injured.", "2022-01-07"),
    ("On January 6, 353 police officers were injured.", "2022-01-06"),
    ("Police said 353 officers were injured.", "2022-01-08"),
])
def test_as_of_is_the_sentence_date_else_publication(nlp, text: str, as_of: str) -> None:
    (figure,) = figures(nlp, text)
    assert figure.as_of == as_of


@pytest.mark.parametrize("text, source", [
    ("According to the Ministry of Internal Affairs, 18 officers were killed.", "Ministry of Internal Affairs"),
    ("Interior Minister Erlan Turgumbayev said 18 officers were killed.", "Erlan Turgumbayev"),
    ("The President highlighted that 20,000 bandits attacked the city.", "President"),
    ("18 officers were killed in the clashes.", "Test Wire"),
])
def test_attribution_is_the_speaker_else_the_publisher(nlp, text: str, source: str) -> None:
    (figure,) = figures(nlp, text)
    assert figure.attributed_to == source


def test_attribution_names_a_person_by_canonical_name(nlp) -> None:
    text = "President Kassym-Jomart Tokayev spoke on television. Tokayev said 20,000 bandits had attacked Almaty."
    (figure,) = figures(nlp, text)
    assert figure.attributed_to == "Kassym-Jomart Tokayev"


def test_without_speaker_or_publisher_attribution_is_none(nlp) -> None:
    (figure,) = figures(nlp, "18 officers were killed.", publisher=None)
    assert figure.attributed_to is None


def test_lexicon_maps_every_lemma_to_a_known_claim_type() -> None:
    from pipeline.models import CLAIM_TYPES

    assert set(claim_lexicon().values()) <= set(CLAIM_TYPES)
    assert claim_lexicon()["detain"] == "detained"


@pytest.mark.parametrize("sentence,figure,claim_type", [
    ("The official said 19 police officers or servicemen were among the dead.", "19", "killed"),
    ("The alliance sent a force of more than 2,000 soldiers to act as peacekeepers.", "more than 2,000", "deployed"),
    ("This includes 4,353 wounded people, 3,393 of them security service personnel.", "3,393", "injured"),
    ("Police detained 1,200 people, including 40 journalists.", "40", "detained"),
])
def test_part_of_a_group_and_troop_movements(nlp, sentence, figure, claim_type):
    figures = {f.text: f for f in analyse(nlp, sentence, dt.date(2022, 1, 15), "Wire").figures}
    assert figures[figure].claim_type == claim_type


@pytest.mark.parametrize("sentence,scope", [
    ("The ministry said 164 people had died across the country, most of them in Almaty.", None),
    ("Police said 70 looters were detained in Almaty during a special operation.", "Almaty"),
])
def test_scope_is_the_place_a_figure_is_limited_to_not_where_most_of_it_happened(nlp, sentence, scope):
    [figure] = analyse(nlp, sentence, dt.date(2022, 1, 9), "Wire").figures
    assert figure.scope == scope


@pytest.mark.parametrize("sentence, figure, claim_type, counted, head", [
    ("Officials put the number of dead at 227.", "227", "killed", "dead", "people"),
    ("The number of people detained has risen to nearly 10,000.", "nearly 10,000", "detained", "people", "people"),
    ("The total number of those detained reached 9,900.", "9,900", "detained", None, "people"),
    ("The death toll among police officers rose to 19.", "19", "killed", "police officers", "officer"),
    ("The death toll rose to 225.", "225", "killed", None, None),
])
def test_a_number_given_as_the_value_of_a_tally_counts_what_the_tally_holds(nlp, sentence, figure, claim_type,
                                                                            counted, head):
    [found] = [f for f in figures(nlp, sentence) if f.text == figure]
    assert (found.claim_type, found.counted, found.counted_head) == (claim_type, counted, head)


def test_a_rise_by_some_amount_is_not_the_tally_itself(nlp):
    found = {f.text: f for f in figures(nlp, "The number of people detained rose by 300 to 5,800.")}
    assert found["5,800"].claim_type == "detained" and found["5,800"].counted == "people"
    assert found["300"].counted is None


def test_a_state_word_after_a_bare_number_says_what_happened_to_the_group_before_it(nlp):
    found = {f.text: f for f in figures(nlp, 'Clashes left 26 "armed criminals" dead and 18 wounded.')}
    assert (found["26"].claim_type, found["26"].counted) == ("killed", "armed criminals")
    assert (found["18"].claim_type, found["18"].counted) == ("injured", "armed criminals")


@pytest.mark.parametrize("text", [
    "Clashes that began last week have left at least 28 people dead.",
    "Colombia follows the situation in Venezuela, where the protests that began last week have left at least 28 people"
    " dead, according to rights groups, and thousands detained.",
])
def test_the_state_people_are_left_in_says_what_happened_when_parsed_as_a_small_clause(nlp, text):
    (found,) = [f for f in figures(nlp, text) if f.text == "at least 28"]
    assert (found.claim_type, found.counted) == ("killed", "people")


@pytest.mark.parametrize("text, sum_", [
    ("Cash support rises to JD45 a person a year, at a cost the ministry puts at about JD230 million.", "JD45"),
    ("The direct cash support of (33) dinars per individual will be transferred to 5.1 million citizens.", "33"),
])
def test_a_cash_support_is_a_payment_not_a_price(nlp, text, sum_):
    (found,) = [f for f in figures(nlp, text) if f.text == sum_]
    assert (found.claim_type, found.counted_group) == ("other", "aid")


def test_members_and_martyrs_of_the_security_apparatuses_are_security_forces(nlp):
    """blind75: Arabic state media in translation."""
    found = {f.text: f for f in figures(nlp, "He added that (96) members of the security apparatuses were injured, and "
                                             "that the number of martyrs of the security apparatuses rose to (2).")}
    assert [(f.claim_type, f.counted_group) for f in found.values()] == [
        ("injured", "security forces"), ("killed", "security forces")]


@pytest.mark.parametrize("text, number, claim_type", [
    # blind77: a union's "brothers and sisters", a participle parsed as the noun, those who remain in custody
    ("At least 16 of our brothers and sisters have been killed by the police since Tuesday.", "At least 16", "killed"),
    ("Police say nine people have been killed, among them four shot at a fuel depot in Kurunegala.", "four", "killed"),
    ("Of the persons arrested, 706 have been released on bail and 109 remain in police custody.", "109", "detained"),
    ("Night curfew for five nights; more than 200 arrested in the district", "more than 200", "detained"),
])
def test_casualties_named_by_kin_by_a_participle_or_by_custody_count_people(nlp, number, text, claim_type):
    (found,) = [f for f in figures(nlp, text) if f.text == number]
    assert (found.claim_type, found.counted_group) == (claim_type, "people")


def test_detenus_are_people_detained(nlp):
    (found,) = figures(nlp, "Police said 64 detenus remain in custody at Gujranwala.")
    assert found.claim_type == "detained" and found.counted_group == "people"


def test_people_made_homeless_are_displaced_and_people_who_remain_missing_are_missing(nlp):
    found = {f.text: f.claim_type for f in figures(
        nlp, "The mudflows destroyed 418 houses and made 5,900 people homeless; 9 people remain missing.")}
    assert (found["5,900"], found["9"]) == ("displaced", "missing")


def test_a_part_of_a_toll_that_names_no_group_is_part_of_that_toll(nlp):
    found = {f.text: f for f in figures(nlp, "The ministry put the death toll at 164, including three children.")}
    assert found["three"].claim_type == "killed" and found["three"].counted == "children"


def test_officers_found_beheaded_were_killed(nlp):
    [found] = figures(nlp, "Two police officers were found beheaded, officials said.")
    assert (found.claim_type, found.counted) == ("killed", "police officers")


@pytest.mark.parametrize("sentence, figure, claim_type, head", [
    ("Kazakhstan says 12 security personnel killed as Russian-led bloc sends troops.", "12", "killed", "personnel"),
    ("Police said dozens of attackers had been liquidated overnight.", "dozens", "killed", "attacker"),
    ("In the operation, 26 armed criminals were neutralised.", "26", "killed", "criminal"),
    ("No one has explained how at least 225 people lost their lives.", "at least 225", "killed", "people"),
    ("We documented what appear to be ten unlawful killings.", "ten", "killed", "killing"),
    ("By the end of 2021 it sold for 50 to 60 tenge.", "50 to 60 tenge", "price", "tenge"),
    # a price's change as a share is no price: the gold types 397 of its shares other, 10 price (extractor 1.97.0)
    ("The pump price doubled to 120 tenge, a jump of about 100%.", "about 100%", "other", None),
])
def test_official_and_idiomatic_wordings_of_what_happened(nlp, sentence, figure, claim_type, head):
    [found] = [f for f in figures(nlp, sentence) if f.text == figure]
    assert (found.claim_type, found.counted_head) == (claim_type, head)


def test_of_them_at_the_start_of_a_sentence_is_part_of_the_figure_before(nlp):
    found = {f.text: f for f in figures(nlp, "At least 225 people were killed. Nineteen of them were police officers.")}
    assert (found["Nineteen"].claim_type, found["Nineteen"].counted_head) == ("killed", "officer")


@pytest.mark.parametrize("text, figure, claim_type", [
    ("He said 19 of the dead were police officers or soldiers.", "19", "killed"),
    ("The ministry says 3,811 people are now in custody nationwide, up from 2,298 in its previous tally.",
     "2,298", "detained"),
    ("The ministry says 3,811 people are now in custody nationwide.", "3,811", "detained"),
    ("A CSTO force of 2,030 soldiers guarded airports and power stations.", "2,030", "deployed"),
    ("Investigators opened 234 cases over complaints that detainees were tortured.", "234", "other"),
    ("Rights Monitor interviewed 38 people, among them former detainees.", "38", "other"),
])
def test_what_happened_is_read_from_the_group_the_place_and_the_change(nlp, text, figure, claim_type):
    [found] = [f for f in figures(nlp, text) if f.text == figure]
    assert found.claim_type == claim_type


def test_of_those_before_a_number_is_part_of_the_figure_before(nlp):
    found = {f.text: f for f in figures(nlp, "Some 4,353 people were wounded. Of those, 3,393 were police.")}
    assert found["3,393"].claim_type == "injured"


def test_a_percentage_of_a_group_is_not_a_count_of_that_group(nlp):
    found = {f.text: f for f in figures(nlp, "Police detained 2,700 people. About 70% of them were released.")}
    assert found["About 70%"].claim_type == "other"


def test_a_tally_after_a_question_counts_what_the_question_asks(nlp):
    [found] = figures(nlp, "How many people died?\nThe latest official figure is 230.")
    assert (found.claim_type, found.predicate) == ("killed", "figure")


def test_a_tally_in_a_paragraph_about_a_count_is_that_count(nlp):
    found = {f.text: f for f in figures(nlp, "His office spoke of 225 bodies. A figure of 164, read out on "
                                             "television, was afterwards retracted.")}
    assert found["164"].claim_type == "killed"
    alone = {f.text: f for f in figures(nlp, "A figure of 164 was afterwards retracted.")}
    assert alone["164"].claim_type == "other"


def test_a_bare_number_answering_a_question_is_what_the_question_asks(nlp):
    [found] = figures(nlp, "How many were detained?\nClose to 10,000 at the peak.")
    assert (found.claim_type, found.predicate) == ("detained", "detain")


def test_people_still_missing_are_missing(nlp):
    [found] = figures(nlp, "Officials said 21 people were still missing.")
    assert found.claim_type == "missing"


@pytest.mark.parametrize("sentence, figure, claim_type", [
    ("Protests turned violent, leaving at least nine dead.", "at least nine", "killed"),
    ("Around 40 vehicles were set ablaze, the government said.", "Around 40", "damage"),
    ("Protesters torched 12 police stations.", "12", "damage"),
    ("Firefighters put out 75 fires overnight.", "75", "fires"),
    ("Eleven people are in hospital, four of them with serious burns.", "Eleven", "injured"),
])
def test_general_news_wordings_of_deaths_fires_and_what_fires_destroyed(nlp, sentence, figure, claim_type):
    [found] = [f for f in figures(nlp, sentence) if f.text == figure]
    assert found.claim_type == claim_type


@pytest.mark.parametrize("sentence, figure, claim_type", [
    ("Some 11,500 residents have been moved into tents and school buildings.", "Some 11,500", "displaced"),
    ("The camps now shelter nearly 410,000 people.", "nearly 410,000", "displaced"),
    ("Two protesters and one police officer were treated for injuries.", "Two", "injured"),
    ("Another 18 people are still listed as missing.", "18", "missing"),
    ("For the match, 1,200 police officers and 300 stewards were on duty.", "1,200", "deployed"),
    ("Around 150 officers had been brought in from Kemerovo for the operation.", "Around 150", "deployed"),
    ("The company said it lost 1.4 billion roubles in 2024 because of falling coal prices.", "1.4 billion roubles",
     "other"),
    ("Ministers restored a cap of 50 tenge.", "50 tenge", "price"),
])
def test_general_news_wordings_of_displacement_care_duty_and_money(nlp, sentence, figure, claim_type):
    [found] = [f for f in figures(nlp, sentence) if f.text == figure]
    assert found.claim_type == claim_type


def test_a_bare_number_after_a_toll_and_its_part_refers_to_the_toll_not_the_part(nlp):
    found = {f.text: f for f in figures(nlp, "The agency says 43 people died, including 11 children, and 156 were "
                                             "taken to hospital.")}
    assert (found["156"].claim_type, found["156"].counted_head) == ("injured", "people")


@pytest.mark.parametrize("sentence, figure, claim_type", [
    ("State TV reports 353 police officers and national guardsmen injured and 12 killed.", "353", "injured"),
    ("The count rose to 3,811 on 7 January and passed 4,400 on 8 January.", "4,400", "other"),
    ("Some 1,318 suspected cholera cases and 27 deaths have been recorded.", "Some 1,318", "other"),
    ("Flooding has forced an estimated 14,600 people from their homes.", "an estimated 14,600", "displaced"),
])
def test_coordinated_groups_counts_and_homes(nlp, sentence, figure, claim_type):
    [found] = [f for f in figures(nlp, sentence) if f.text == figure]
    assert found.claim_type == claim_type


def test_money_counts_its_currency_not_what_it_pays_for(nlp):
    [found] = figures(nlp, "The US$3.6 million response plan is funded.")
    assert (found.unit, found.counted_head) == ("USD", "dollar")


def test_a_share_counts_the_group_named_after_it_not_the_fraction_word() -> None:
    text = "Two-thirds of the displaced are women and children."
    (share,) = analyse(load_nlp(), text).figures
    assert (share.value, share.unit, share.claim_type, share.counted_head) == (pytest.approx(200 / 3), "%",
                                                                              "displaced", None)


def test_a_relative_clause_on_the_counted_noun_says_what_happened() -> None:
    text = "Yet more than three-quarters of the 4,353 people who were wounded wore a uniform."
    claims = [(f.text, f.claim_type, f.counted_head) for f in analyse(load_nlp(), text).figures]
    assert claims == [("more than three-quarters", "injured", None), ("4,353", "injured", "people")]


def test_a_part_with_a_claim_of_its_own_keeps_it_under_a_whole_without_one() -> None:
    text = "His office had recorded 4,578 victims, including 4,353 wounded."
    claims = [(f.text, f.claim_type) for f in analyse(load_nlp(), text).figures]
    assert claims == [("4,578", "other"), ("4,353", "injured")]


def _figures(text: str) -> list:
    import datetime as dt
    return list(analyse(load_nlp(), text, dt.date(2022, 1, 15), "Wire").figures)


def test_table_rows_take_their_claim_from_the_row_label() -> None:
    rows = [(f.text, f.value, f.approx, f.claim_type) for f in _figures("Injuries | 4,353\nArrested | 9,900+")]
    assert rows == [("4,353", 4353.0, None, "injured"), ("9,900+", 9900.0, "at least", "detained")]


def test_a_plan_is_marked_planned_and_counts_the_subject_of_number() -> None:
    (plan,) = _figures("The CSTO said the force would number some 2,500.")
    assert (plan.claim_type, plan.counted_head, plan.planned) == ("deployed", "force", True)


def test_a_number_after_a_weekday_is_no_name_of_the_weekday() -> None:
    figures = _figures("By Friday 3,811 were in custody, against 2,298 a day earlier.")
    assert [(f.text, f.claim_type) for f in figures] == [("3,811", "detained"), ("2,298", "detained")]


def test_among_those_killed_gives_the_claim() -> None:
    (part,) = _figures("Two police officers were among those killed.")
    assert (part.claim_type, part.counted_head) == ("killed", "officer")


@pytest.mark.parametrize(("text", "status"), [
    ('State television reported 164 deaths; the figure was soon disowned as a "technical error".', "withdrawn"),
    ("State TV said 164 people died. The figure was later withdrawn.", "withdrawn"),
    ("Officials put the toll at 164, a figure later revised upwards.", "revised"),
    ("The ministry denied reports that 500 people had been detained.", "denied"),
    ("Activists disputed the official toll of 225.", "disputed"),
    ("The crisis over a disputed presidential vote killed about 3,000 people.", "reported"),  # the vote's
    ("Correction: An earlier version of this article said 63 people had been detained.", "withdrawn"),
    ("Officials said 225 people were killed.", "reported"),
    ("The fire department says 40 people have been pulled out alive.", "reported"),  # pulled out, not pulled
    ("A report of 300 deaths was later pulled from the website.", "withdrawn"),
])
def test_status_of_a_figure_comes_from_what_the_text_says_of_it(text: str, status: str) -> None:
    assert _figures(text)[0].status == status


@pytest.mark.parametrize(("text", "speaker"), [
    ("TASBULAK, Jan 15 (Continental Wire) - At least 12 people were killed, officials said.", "officials"),
    ("On Jan 9 state television reported 164 deaths.", "state television"),
    ("Reuters, citing the health ministry, said 164 people had died.", "health ministry"),
])
def test_datelines_are_never_the_speaker_and_a_cited_source_is(text: str, speaker: str) -> None:
    assert _figures(text)[0].attributed_to == speaker


def test_a_fronted_among_the_dead_gives_its_parts_the_claim() -> None:
    text = "Among the dead are three children and two police officers."
    assert [(f.text, f.claim_type) for f in _figures(text)] == [("three", "killed"), ("two", "killed")]


def test_lives_lost_are_the_dead_and_money_lost_to_a_fire_is_damage() -> None:
    assert [(f.text, f.claim_type) for f in _figures("The ministry deplores the loss of nine lives.")] == [
        ("nine", "killed")]
    assert [(f.text, f.claim_type) for f in _figures("The fire caused losses of 20 million pula.")] == [
        ("20 million pula", "damage")]


def test_the_economic_cost_of_a_shutdown_is_damage_and_a_campaigns_cost_no_price() -> None:
    found = _figures("We estimate the direct economic cost at no less than US$31 million.")
    assert [f.claim_type for f in found] == ["damage"]
    assert [f.claim_type for f in _figures("The cost of the shutdown was put at US$31 million.")] == ["damage"]
    assert [f.claim_type for f in _figures("The cost of the campaign was 3 million euros.")] == ["other"]


def test_people_named_by_their_nation_and_arrivals_are_people() -> None:
    found = _figures("Thousands of Togolese have sought refuge in Ghana. UNHCR registered 9,150 arrivals.")
    assert [(f.claim_type, f.counted_head) for f in found] == [("displaced", "people"), ("displaced", "arrival")]


def test_a_bare_count_another_speaker_gives_is_the_same_claim() -> None:
    found = _figures("Organisers said 80,000 people marched; police said 9,000.")
    assert [(f.text, f.claim_type) for f in found] == [("80,000", "protesters"), ("9,000", "protesters")]


def test_labelled_pairs_after_a_heading_or_a_middle_dot_keep_their_own_labels() -> None:
    found = _figures("Key figures (as of 12:00): Deaths: 9 | Injured: 64\n\n"
                     "At a glance Deaths documented: 27 · People injured: 152 · Arrests recorded: 587")
    assert [(f.text, f.claim_type) for f in found] == [("9", "killed"), ("64", "injured"), ("27", "killed"),
                                                        ("152", "injured"), ("587", "detained")]


def test_the_parts_of_a_breakdown_in_brackets_count_what_the_whole_counts_in_their_place() -> None:
    found = _figures("Houses destroyed: 214 (Aleipata 96, Falealili 71, Palauli 47)")
    assert [(f.text, f.claim_type, f.counted_head) for f in found] == [
        ("214", "damage", "house"), ("96", "damage", "house"), ("71", "damage", "house"), ("47", "damage", "house")]
    found = _figures("Deaths confirmed: 5 (three on Upolu, two on Savai'i)")
    assert [(f.text, f.claim_type) for f in found] == [("5", "killed"), ("three", "killed"), ("two", "killed")]


def test_a_name_and_its_number_outside_a_breakdown_stay_a_name() -> None:
    assert [f.text for f in _figures("Flight 370 crashed with 239 people on board.")] == ["239"]


def test_a_label_is_typed_by_its_head_noun_and_a_cells_second_value_keeps_the_label() -> None:
    found = _figures("| Protest deaths | 3 (police) 4 (SARM) |")
    assert [(f.text, f.claim_type) for f in found] == [("3", "killed"), ("4", "killed")]


def test_a_count_said_to_be_protesters_is_who_some_of_the_dead_were() -> None:
    text = ("The group has documented the deaths of 31 people. Of the victims, 27 were protesters or bystanders "
            "and 4 were members of the security forces.")
    assert [(f.text, f.claim_type) for f in _figures(text)] == [("31", "killed"), ("27", "killed"), ("4", "killed")]


def test_workers_on_strike_are_one_count_whatever_verb_says_so_but_not_the_workforce() -> None:
    found = _figures("MAWUB says 4,800 of its members have stopped work. KCD says 2,900 of its 5,600 workers are "
                     "still out.")
    assert [(f.text, f.predicate == "strike") for f in found] == [("4,800", True), ("2,900", True), ("5,600", False)]


def test_people_brought_out_alive_were_rescued() -> None:
    (rescued,) = _figures("By late afternoon rescuers had brought 94 people out of the rubble alive.")
    assert rescued.predicate == "rescue"


def test_a_tally_of_a_state_counts_people() -> None:
    (tally,) = _figures("A spokesman puts the number of injured at 1,300.")
    assert (tally.claim_type, tally.counted_head) == ("injured", "people")


def test_a_bare_count_reported_later_in_the_paragraph_takes_the_paragraphs_claim() -> None:
    text = ("On Jan 9th, state television reported 164 deaths. Six days later, prosecutors spoke of 225. "
            "Last month the prosecutor general raised the count to 230.")
    assert [(f.text, f.claim_type) for f in _figures(text)] == [("164", "killed"), ("225", "killed"), ("230", "killed")]


def test_a_figure_joined_to_the_one_before_shares_its_claim() -> None:
    text = "Tokayev put the mission at 2,030 troops and 250 pieces of hardware."
    assert [(f.text, f.claim_type) for f in _figures(text)] == [("2,030", "deployed"), ("250", "deployed")]


def test_the_demo_wires_withdrawn_figure_and_its_speaker_past_the_dateline() -> None:
    text = ("TASBULAK, Jan 15 (CPA) - Steppeland's prosecutor general said on Saturday that 225 people were killed "
            "in the unrest.\nA figure of 164 dead, reported by the health ministry on January 9, was later "
            "described by officials as an error.\n")
    found = [(f.text, f.attributed_to, f.status) for f in _figures(text)]
    assert found == [("225", "prosecutor general", "reported"), ("164", "health ministry", "withdrawn")]


def test_a_bare_answer_under_a_how_many_question_counts_what_was_asked(nlp) -> None:
    text = ("Questions and answers\n\n1. How many miners were rescued?\n37. All of them walked out unaided.\n\n"
            "2. How many of the injured were children?\nEleven.\n\n3. How many charges have been filed?\n12.\n")
    found = [(f.text, f.claim_type, f.counted_head) for f in figures(nlp, text)]
    assert found == [("37", "other", "miner"), ("Eleven", "injured", "child"), ("12", "other", "charge")]


def test_a_numbered_question_after_a_question_is_a_list_item(nlp) -> None:
    text = "Questions:\n1. How many people were detained?\n2. Who gave the order?\n"
    assert figures(nlp, text) == ()


def test_the_number_of_a_numbered_item_heading_its_line_is_no_figure(nlp) -> None:
    text = 'CLAIM 1: "More than 60 people died in the sinking"\nRATING: FALSE\nUpdate 3: the toll is 23.\n'
    assert [f.text for f in figures(nlp, text)] == ["More than 60", "23"]


def test_a_line_label_says_what_happened_to_a_named_crowd(nlp) -> None:
    text = "Casualties\nHurt: at least 31 demonstrators, nine of whom were taken to hospital\n"
    found = [(f.text, f.claim_type, f.counted_head) for f in figures(nlp, text)]
    assert found[0] == ("at least 31", "injured", "demonstrator")


def test_a_transcript_speaker_is_no_label_of_what_is_counted(nlp) -> None:
    text = "Transcript\nAMINA YUSUF: The organisers counted 8,000 marchers.\nOLU ADE: Police said 3,000.\n"
    heads = [f.counted_head for f in figures(nlp, text)]
    assert "yusuf" not in heads and "ade" not in heads


_KEY_FIGURES = ("Key figures: deceased persons: 23 | injured persons: 245, of whom 112 remain in hospital | persons "
                "not located: 40 | persons evacuated: 12,400")
_BULLETED_PAIRS = ("People\n- Injured persons treated in the public health network: 466, including 27 firefighters\n"
                   "- Carabineros officers assigned to public order: 1 600\nRating: FALSE.")


@pytest.mark.parametrize("text, number, claim_type, head", [
    # "label: value" pairs on one line: each number takes its own label, not the next pair's
    (_KEY_FIGURES, "23", "killed", "person"),
    (_KEY_FIGURES, "245", "injured", "person"),
    (_KEY_FIGURES, "40", "missing", "person"),
    (_KEY_FIGURES, "12,400", "evacuated", "person"),
    # a bulleted pair with a long label; the noun on the next line is not what it counts
    (_BULLETED_PAIRS, "466", "injured", "person"),
    (_BULLETED_PAIRS, "1 600", "deployed", "officer"),
    # a label the lexicon has no claim for still names what is counted
    ("Resources\n- Ambulances: 62\n- Canine teams: 14", "62", "other", "ambulance"),
])
def test_a_label_value_pair_takes_its_own_label(nlp, text: str, number: str, claim_type: str, head: str) -> None:
    assert _type_and_head(nlp, text, number) == (claim_type, head)


@pytest.mark.parametrize("text", [
    "Rating: FALSE. The official toll is 17, and no evidence supports a higher figure.",
    "Navy: toll rises to 17",
    "SENAPRED's evening report: 17 confirmed dead, more than 200 people unaccounted for.",
])
def test_a_label_naming_a_source_or_holding_its_own_value_names_no_group(nlp, text: str) -> None:
    figure = next(f for f in figures(nlp, text) if f.text == "17")
    assert (figure.claim_type, figure.counted_head, figure.counted_group) == ("killed", None, "people")


@pytest.mark.parametrize("text, number, claim_type, group", [
    # a relative clause's verb and object, as the lexicon lists the pair
    ("She sent condolences to the families of the 17 people who lost their lives in the explosion.", "17",
     "killed", "people"),
    ("Three men who joined a march on 12 October have been missing since that night.", "Three", "missing", "people"),
    # a verb done only to people counts them with no noun
    ("The earlier announced number of 21 perished was not confirmed.", "21", "killed", "people"),
    ("Blast at fertiliser plant kills at least nine, 17 missing", "at least nine", "killed", "people"),
    # the cost or an estimate of the damage is damage, a restatement in two currencies too
    ("The government has put the preliminary cost of the damage at 180m leva (about $107m, or €92m).", "€92m",
     "damage", "property"),
    ("The government raised its estimate of the material damage to 310 million leva.", "310 million leva",
     "damage", "property"),
])
def test_claims_of_clauses_verbs_and_costs(nlp, text: str, number: str, claim_type: str, group: str) -> None:
    figure = next(f for f in figures(nlp, text) if f.text == number)
    assert (figure.claim_type, figure.counted_group) == (claim_type, group)


@pytest.mark.parametrize("text, number, claim_type", [
    ("At least 21 people were killed and more than 120 hurt when fire swept through the plant.", "more than 120",
     "injured"),
    ("Thirty of the dead were workers, three were firefighters and one was a passer-by.", "three", "killed"),
    ("| Deaths | 35 (31 workers, 3 firefighters, 1 civilian) |", "3", "killed"),
    ('Claim: "More than 200 workers burned to death in Kanchpur".', "More than 200", "killed"),
    ("Among the 146 injured persons, 41 are undergoing treatment.", "146", "injured"),
    # what they were before is not what happened: they died (blind57)
    ("The toll rose to nine, after two injured traders died in hospital.", "two", "killed"),
    ("Two injured traders were flown to Abuja.", "Two", "injured"),
])
def test_states_parts_and_deaths_by_any_verb(nlp, text: str, number: str, claim_type: str) -> None:
    assert next(f for f in figures(nlp, text) if f.text == number).claim_type == claim_type


@pytest.mark.parametrize("text, number, claim_type", [
    ("By Friday 6,800 persons were left without shelter.", "6,800", "displaced"),
    ("The fire has left 2,100 people in our region without a roof.", "2,100", "displaced"),
    ("(iv) 130 families remain in 9 welfare centres.", "130", "displaced"),  # Sri Lanka's word (blind57)
    ("What about the damage? The government's first estimate is 180 billion drams.", "180 billion drams",
     "damage"),
])
def test_the_homeless_and_a_sum_answering_a_question_on_damage(nlp, text: str, number: str,
                                                                claim_type: str) -> None:
    assert next(f for f in figures(nlp, text) if f.text == number).claim_type == claim_type


def test_a_word_number_of_its_own_people_is_a_figure(nlp) -> None:
    text = "The fire left 2,100 people without a roof, and Quirihue has buried nine of its own\nThe delegate spoke."
    assert "nine" in [f.text for f in figures(nlp, text)]


def test_conversions_in_a_chain_keep_the_first_sums_currency(nlp) -> None:
    text = "The government has put the preliminary cost of the damage at 180m leva (about $107m, or €92m)."
    assert {f.unit_kind for f in figures(nlp, text)} == {"money:BGN"}


def test_vehicles_in_a_sentence_about_forces_are_not_deployed_unless_sent(nlp) -> None:
    (stood,) = figures(nlp, "Four armoured vehicles of the security forces stood outside the court.")
    (sent,) = figures(nlp, "The security forces sent four armoured vehicles to the court.")
    assert (stood.claim_type, sent.claim_type) == ("other", "deployed")


def _typed(nlp, text: str) -> dict[str, str]:
    return {f.text: f.claim_type for f in figures(nlp, text)}


@pytest.mark.parametrize("text, number, claim_type", [
    # a counted noun that names what happened decides before a neighbour's verb
    ("Officials recorded 40 deaths and 212 injuries by Tuesday.", "212", "injured"),
    # what a group had or suffered says what happened to it
    ("Prison doctors said 17 inmates had broken bones and other injuries.", "17", "injured"),
    # "the missing include …"
    ("The missing include 14 divers from the port.", "14", "missing"),
    # brought to safety by others
    ("Volunteers brought 900 people to safety in boats.", "900", "evacuated"),
    # left their homes on their own
    ("Some 5,000 villagers left their homes before the water arrived.", "Some 5,000", "displaced"),
    # insured losses are damage
    ("Home insurance claims total €45 million so far.", "€45 million", "damage"),
    ("Crop claims amount to €12 million, and vehicle claims to €3 million.", "€3 million", "damage"),
    # rescuers taking part or staying on are deployed
    ("About 120 firefighters took part in the search on Sunday.", "About 120", "deployed"),
    ("Three rescue dogs and their handlers stayed on for another week.", "Three", "deployed"),
    # responders on the streets, at work, lent or working through the night are deployed (1.97.0)
    ("The army has kept 420 soldiers on the streets since the vote.", "420", "deployed"),
    ("The utility has lent 9 trucks and about 70 soldiers to clear the roads.", "9", "deployed"),
    ("Some 140 of its volunteers were at work in the port on Friday.", "Some 140", "deployed"),
    ("About 90 rescuers worked through the night with two cranes.", "two", "deployed"),
    ("The ministry sent a team of 6 investigators to the mine.", "6", "deployed"),
    # among those held
    ("Reporters said 9 photographers were among those held.", "9", "detained"),
    # patients still in hospital or sent home are the injured (1.97.0)
    ("Nine patients remain on the surgical ward tonight.", "Nine", "injured"),
    ("Of the 40 taken to hospital, 31 have been discharged.", "31", "injured"),
    ("Five patients are still in intensive care.", "Five", "injured"),
    ("Her team sees between 180 and 220 patients a day.", "180 and 220", "other"),  # a clinic's load
    # the tally written just before the number, not the toll before it
    ("The ministry raised the toll to 9 and the number of injured to 205.", "205", "injured"),
    # what a crisis cost someone is their loss
    ("The strike has cost businesses in the capital at least 3 billion francs, the chamber said.",
     "at least 3 billion francs", "damage"),
    # a price's change as a share is no price
    ("Cooking gas now sells for 9,500 francs, up 18% in a month.", "18%", "other"),
    ("The opposition paper spoke of 23 martyrs since the vote.", "23", "killed"),
    ("The minister listed 52 commercial premises burned.", "52", "damage"),
    # what was attacked, in a list item with no object, is no crowd of attackers
    ("Damage listed by the ministry:\n- 9 petrol stations attacked;\n- 3 banks looted.", "9", "attacks"),
    # votes, and shares of them, are no crowd
    ("The ruling party's candidate won 1,204,551 votes (41.3%) on a turnout of 58.2%.", "1,204,551", "other"),
    ("The ruling party's candidate won 1,204,551 votes (41.3%) on a turnout of 58.2%.", "41.3%", "other"),
    # scheduled arrivals and departures on a page about flights are flights
    ("At the airport 31 departures and 27 arrivals were cancelled; three flights were diverted.", "27", "other"),
    # a list item that gives its number first, then what it counts
    ("In numbers:\n- 64: shops burned or looted, traders' association\n- 3 days: curfew", "64", "damage"),
    # "a toll of N" is the toll
    ("The rights group counted 16, two more than the ministry's final toll of 14.", "14", "killed"),
    ("Officials gave a toll of 37 on 19 February, revised to 33 the next day.", "37", "killed"),
    # a bare count a rights group documented, in a paragraph about arrests
    ("The authorities report 512 arrests. The rights group has documented 590 so far.", "590", "detained"),
    # the parts of a toll listed by place after a colon share its claim, whatever noun the sentence has
    ("The riots caused the loss of 11 lives, distributed as follows: 7 in the region of Thies, 4 in Louga.", "7",
     "killed"),
    # people released or sentenced are no crowd
    ("Police released 31 protesters on Sunday.", "31", "other"),
    # every sentence of an interview's answer answers its question (blind59)
    ("Q: How many of the injured did you receive?\nA: Thirty-one. The ambulances came at dawn. Eighteen came to "
     "us directly and thirteen were transferred.", "Eighteen", "injured"),
    # a question asked without its mark answers the same: the count after it is of what it asks (blind58)
    ("How many people struck is disputed. The unions claimed 60,000; the ministry acknowledged 18,000.", "60,000",
     "protesters"),
    # so does a count said to be disputed, whatever counts the paragraph gave before it (blind102)
    ("Rights groups counted 1,690 detentions and the ministry 1,245. The size of the march on 11 June is just as "
     "disputed. The police said 12,000; the organisers said 300,000.", "12,000", "protesters"),
    # items under a report's numbered section heading in capitals take its word
    ("4. ASSETS DEPLOYED\n  - 3 patrol boats\n  - a team of 12 divers", "12", "deployed"),
])
def test_what_happened_kinds_of_issue_14(nlp, text: str, number: str, claim_type: str) -> None:
    assert _typed(nlp, text)[number] == claim_type


@pytest.mark.parametrize("text, number", [
    ("Officials admitted that six bodies had been counted twice.", "six"),
    ("That figure counted two patients twice, after they were moved.", "two"),  # the verb before the number
    ("- Attempted murder: 9 counts.", "9"),
    ("Police seized 900 rounds of ammunition and six rifles.", "900"),
    ("Storm Ida: 12 dead, 3,000 evacuated in four districts", "four"),
])
def test_no_casualty_counts(nlp, text: str, number: str) -> None:
    """Bodies counted twice, charges, ammunition and the areas a count covers count no casualties."""
    assert _typed(nlp, text)[number] == "other"


@pytest.mark.parametrize("text, number", [
    ("The fare rise brought some 4,000 commuters onto the streets on Monday.", "some 4,000"),
    ("Police put the crowd outside the court at 800; the organisers claimed 3,000.", "3,000"),
])
def test_crowds_on_the_streets_and_claimed_by_organisers(nlp, text: str, number: str) -> None:
    assert _typed(nlp, text)[number] == "protesters"


@pytest.mark.parametrize("text, number, claim_type, head", [
    # a part of a group named by a pronoun or a state counts the noun said of it
    ("Nine people drowned, two of them volunteer lifeguards.", "two", "killed", "lifeguard"),
    ("Twelve of the dead are teenagers.", "Twelve", "killed", "teenager"),
    # those who attack are a crowd, not a number of attacks
    ("The governor said 5,000 rioters had attacked the port.", "5,000", "protesters", "rioter"),
    # an attack counted is an attack, whatever it was on
    ("Firefighters logged 12 attacks on fire engines.", "12", "attacks", "attack"),
    # "neutralised and detained": the plainer verb says what happened
    ("Forty gang members were neutralised and detained overnight.", "Forty", "detained", "member"),
    # a duration is no claim
    ("The convoy was stopped for 25 minutes at the checkpoint.", "25", "other", "minute"),
    # places counted are no people moved or held
    ("The agency now runs 85 camps that shelter 30,000 people.", "85", "other", "camp"),
])
def test_kinds_of_claim_misses(nlp, text: str, number: str, claim_type: str, head: str) -> None:
    figure = next(f for f in figures(nlp, text) if f.text.endswith(number) or f.text == number)
    assert (figure.claim_type, figure.counted_head) == (claim_type, head)


def test_a_relative_clause_on_a_part_does_not_type_the_whole(nlp) -> None:
    """"800 victims, of whom 600 were wounded": the victims are not all wounded."""
    found = {f.text: f.claim_type for f in figures(nlp, "The agency registered 800 victims, of whom 600 were wounded.")}
    assert found["800"] == "other"


@pytest.mark.parametrize("text, claim_type", [
    ("Officials estimate the floods cost farmers 12 billion rupees.", "damage"),
    ("Rebuilding the bridge is expected to cost about $4 million.", "damage"),
    ("The minister said the fuel subsidy cost the budget 300 million euros a year.", "other"),
    ("The charity puts the cost of the vaccination campaign at $2.1 million.", "other"),
    ("A 20-litre can of diesel now costs 9,000 naira.", "price"),
    # blind14: the sum parsed as the dative is no one the cost falls on
    ("Bread will cost no more than 100 lek a loaf in Berat from Thursday.", "price"),
])
def test_money_spent_or_lost_is_no_price(nlp, text: str, claim_type: str) -> None:
    (figure,) = [f for f in figures(nlp, text) if f.unit is not None and f.unit != "%"]
    assert figure.claim_type == claim_type


@pytest.mark.parametrize("text, number", [
    ("A judge fined 17 of the detainees for blocking the road.", "17"),
    ("The prosecutor ordered the release of 52 detainees on Friday.", "52"),
])
def test_what_is_done_to_people_already_held_is_no_detention(nlp, text: str, number: str) -> None:
    figure = next(f for f in figures(nlp, text) if f.text == number)
    assert (figure.claim_type, figure.counted_head) == ("other", "detainee")


@pytest.mark.parametrize("text, number, claim_type, head", [
    # a measure counted is an amount, never people held
    ("The reservoir held 30 million cubic metres of water.", "30 million", "other", "metre"),
    # what a group is "of" says nothing of what happened to it
    ("The court heard from four organisers of the blockade.", "four", "other", "organiser"),
])
def test_measures_and_what_a_group_is_of(nlp, text: str, number: str, claim_type: str, head: str) -> None:
    figure = next(f for f in figures(nlp, text) if f.text == number)
    assert (figure.claim_type, figure.counted_head) == (claim_type, head)


def test_an_exchange_rate_is_no_price(nlp) -> None:
    found = {f.text: f.claim_type for f in figures(nlp, "Bread now costs 300 som, at roughly 87 som to the dollar.")}
    assert found["roughly 87 som"] == "other" and found["300 som"] == "price"


def _type_and_head(nlp, text: str, number: str) -> tuple[str, str | None]:
    figure = next(f for f in figures(nlp, text) if f.text == number)
    return figure.claim_type, figure.counted_head


@pytest.mark.parametrize("text, number, claim_type", [
    # the subject of its own clause: the verb the auxiliary helps, not the other figure's "dead"
    ("Officially, 64 people are dead and 19 are missing.", "19", "missing"),
    ("Five people were killed and 30 were questioned by police.", "30", "other"),
    # those on board or on a list are no death toll, whatever the sentence's other figure says
    ("At least 45 people are now confirmed dead, and families believe the real number aboard was far higher "
     "than the 304 on the official list.", "304", "other"),
])
def test_a_figures_own_clause_wins_over_another_figures(nlp, text: str, number: str, claim_type: str) -> None:
    assert _type_and_head(nlp, text, number)[0] == claim_type


@pytest.mark.parametrize("text, number", [
    # "suffered" with nothing named means hurt
    ("In the republic 748 employees of law enforcement organs suffered, 18 perished.", "748"),
    # "received" parsed as an adjective on "wounds": the group still received wounds
    ("In the operation 26 armed criminals were liquidated, 26 more received wounds.", "26 more"),
])
def test_suffered_means_injured(nlp, text: str, number: str) -> None:
    found = [f for f in figures(nlp, text) if f.text.startswith(number.split()[0])]
    assert found[-1].claim_type == "injured", found


@pytest.mark.parametrize("text, number, claim_type", [
    ("Some 14,600 people fled into Chad in November. That compares with 9,100 in the whole of October.",
     "9,100", "displaced"),
    ("The organisers claimed forty thousand marched on Tuesday. The police estimate was closer to 6,000.",
     "6,000", "protesters"),
    ("- 1,486 people injured, against 912 a day earlier", "912", "injured"),
    ("The ministry says 3,811 people are now in custody, up from 2,298 in its previous tally.", "2,298", "detained"),
])
def test_a_compared_figure_takes_its_partners_group_and_claim(nlp, text: str, number: str, claim_type: str) -> None:
    assert _type_and_head(nlp, text, number) == (claim_type, "people")


@pytest.mark.parametrize("text, number, claim_type, head", [
    ("The office counts 4,578 victims in all. Of those, 4,353 were wounded.", "4,353", "injured", "victim"),
    ("In total, 4,578 persons have been recognised as victims. Of them, 4,353 received injuries.", "4,353",
     "injured", "person"),
    ("Of the dead identified so far, 41 were from Dravo itself.", "41", "killed", None),
])
def test_a_fronted_part_counts_the_whole_named_before(nlp, text: str, number: str, claim_type: str,
                                                      head: str | None) -> None:
    assert _type_and_head(nlp, text, number) == (claim_type, head)


@pytest.mark.parametrize("text, number, claim_type, head", [
    # "among those held" in another clause: the injured are no detainees
    ("Police said 12 people were injured and that among those held were two journalists.", "12", "injured",
     "people"),
    # buildings only inspected, vehicles only insured: no damage of their own
    ("Assessors have inspected 1,612 buildings so far: 438 were destroyed and the rest had smoke damage.", "1,612",
     "other", "building"),
    ("Some 1,150 vehicles were reported burned; 612 of the vehicles were insured, most under full cover.", "612",
     "other", "vehicle"),
    ("Some 60 cars burned in the square.", "Some 60", "damage", "car"),
    # a table row's label names the group
    ("| Troops | 2,030 |", "2,030", "deployed", "troop"),
    ("| Arrested | 9,900", "9,900", "detained", "people"),
    # troops that came are sent
    ("Some 2,000 soldiers came from the neighbouring republic.", "Some 2,000", "deployed", "soldier"),
])
def test_overrides_keep_to_the_figures_own_words(nlp, text: str, number: str, claim_type: str, head: str) -> None:
    assert _type_and_head(nlp, text, number) == (claim_type, head)


def test_currency_words_come_from_the_currencies_lexicon() -> None:
    from pipeline.nlp.en.claims import CURRENCY_CODES, CURRENCY_WORDS
    assert {"shillings", "forints", "tenge", "cents"} <= CURRENCY_WORDS
    assert (CURRENCY_CODES["forints"], CURRENCY_CODES["tenge"]) == ("HUF", "KZT")


@pytest.mark.parametrize("text, number, head", [
    # a part of a figure of its sentence counts the same group
    ("Investigators have opened 3,770 criminal cases, including 46 for terrorism.", "46", "case"),
    # a currency written in its plural counts the lexicon's head word
    ("Damage is put at 250 million lei.", "250 million lei", "leu"),
])
def test_a_part_and_money_count_the_right_head(nlp, text: str, number: str, head: str) -> None:
    assert _type_and_head(nlp, text, number)[1] == head


@pytest.mark.parametrize("text, number, claim_type, head", [
    # a comparison or a fronted part points back past a count of places
    ("Some 14,620 people have been evacuated from 23 villages, up from 9,800 last week.", "9,800", "evacuated",
     "people"),
    # a row label's last noun is the group
    ("| CSTO troops | 2,030 |", "2,030", "deployed", "troop"),
])
def test_the_group_pointed_back_to_is_no_place(nlp, text: str, number: str, claim_type: str, head: str) -> None:
    assert _type_and_head(nlp, text, number) == (claim_type, head)


def test_a_sum_set_aside_is_no_damage_though_its_sentence_names_damage(nlp) -> None:
    text = ("The government set aside 40 million leva for repairs and raised its estimate of the damage "
            "to 310 million leva.")
    found = {f.text: f.claim_type for f in figures(nlp, text)}
    assert found["40 million leva"] == "other"


@pytest.mark.parametrize("text, number", [
    ("Police made 118 arrests. Twelve of those held were minors.", "Twelve"),
    ("Police made 118 arrests. Among those detained, 30 were students.", "30"),
])
def test_a_part_of_those_held_was_detained(nlp, text: str, number: str) -> None:
    assert {f.text: f.claim_type for f in figures(nlp, text)}[number] == "detained"


def test_a_sum_named_as_a_payment_is_no_damage_though_its_sentence_says_what_was_destroyed(nlp) -> None:
    text = ("The package includes financial assistance of 600,000 lek to each family whose home was destroyed "
            "and a 3 billion lek reconstruction fund.")
    found = {f.text: f.claim_type for f in figures(nlp, text)}
    assert (found["600,000 lek"], found["3 billion lek"]) == ("other", "other")


@pytest.mark.parametrize("text, number, claim_type", [
    ("Police put out a list of 212 people who are unaccounted for.", "212", "missing"),
    ("The hospital is treating 30 people who were wounded.", "30", "injured"),
])
def test_a_relative_clause_on_the_counted_says_what_happened_even_after_a_copula(nlp, text, number, claim_type):
    assert {f.text: f.claim_type for f in figures(nlp, text)}[number] == claim_type


@pytest.mark.parametrize("text, number", [
    ("About 1,500 houses were flooded in Berat.", "About 1,500"),
    ("Crops on 2,450 hectares were washed away.", "2,450"),
])
def test_things_a_flood_ruined_are_damage(nlp, text: str, number: str) -> None:
    assert {f.text: f.claim_type for f in figures(nlp, text)}[number] == "damage"


def test_a_crowd_that_floods_the_streets_is_no_damage(nlp) -> None:
    found = [f.claim_type for f in figures(nlp, "Some 5,000 people flooded the streets of Tirana.")]
    assert found and "damage" not in found


@pytest.mark.parametrize("text, number, claim_type", [
    ("Octane 92 petrol rose from K 2,390 to K 2,760 in a week.", "K 2,760", "price"),
    ("Palm oil climbed to K 9,800 a viss.", "K 9,800", "price"),
    ("A bag of rice sold for K 134,000 on Friday.", "K 134,000", "price"),
    ("The relief fund rose to $2 billion.", "$2 billion", "other"),  # a fund is no good
    ("Average wages rose to K 200,000.", "K 200,000", "other"),
    # blind52: "went from" is a change too, and the budget line of the clause before names no good of this one
    ("The state cut its fuel subsidy bill by 150 billion CFA francs, and the litre of petrol went from 990 to "
     "1,090 francs.", "1,090 francs", "price"),
    ("The state cut its fuel subsidy bill by 150 billion CFA francs, and the litre of petrol went from 990 to "
     "1,090 francs.", "150 billion CFA francs", "other"),
    ("At the Saint-Maur market the 25-kilo bag of rice went for 16,000 francs yesterday.", "16,000 francs", "price"),
])
def test_a_sum_a_good_went_up_or_down_to_is_its_price(nlp, text: str, number: str, claim_type: str) -> None:
    assert {f.text: f.claim_type for f in figures(nlp, text)}[number] == claim_type


@pytest.mark.parametrize("text, number", [
    ("The mudflow buried sixty-three houses.", "sixty-three"),
    ("More than three thousand sheep were swept away.", "More than three thousand"),
])
def test_things_buried_or_swept_away_are_damage(nlp, text: str, number: str) -> None:
    assert {f.text: f.claim_type for f in figures(nlp, text)}[number] == "damage"


def test_an_attendance_is_a_crowd(nlp) -> None:
    text = "The police estimated attendance at between 8,000 and 10,000 people."
    assert {f.claim_type for f in figures(nlp, text)} == {"protesters"}


@pytest.mark.parametrize("text", [
    "The march followed news that 41 people were still unaccounted for.",
    "Police said dozens of residents had not been accounted for by late afternoon.",
])
def test_people_not_accounted_for_are_missing(nlp, text: str) -> None:
    assert [f.claim_type for f in figures(nlp, text)] == ["missing"]


def test_a_participle_right_after_a_coordinated_count_is_its_own_claim(nlp) -> None:
    # The parser hangs "injured" on "reports"; the 63 took the deaths of its partner.
    text = ("Rainfall at Sur reached 310 mm in two days. The National Committee for Emergency Management reports "
            "14 deaths and 63 people injured. "
            "Before landfall the authorities moved 9,400 residents to shelters.")
    assert {f.text: f.claim_type for f in figures(nlp, text)}["63"] == "injured"


def test_a_fire_service_among_those_counted_is_no_fire(nlp) -> None:
    text = "Some 1,900 people from the Red Cross, the fire service and the Public Force took part in relief work."
    assert [f.claim_type for f in figures(nlp, text)] != ["fires"]


def test_a_force_counted_with_no_action_is_on_duty(nlp) -> None:
    text = "How many are on the ground? Around 450. That is 210 firefighters and 180 soldiers, with 35 vehicles."
    found = {f.text: f.claim_type for f in figures(nlp, text)}
    assert (found["210"], found["180"], found["35"]) == ("deployed", "deployed", "other")


@pytest.mark.parametrize("text, number, claim_type, group", [
    # blind54: sight lost is an injury, counted apart from everyone hurt
    ("A further 16 persons have suffered complete loss of vision.", "16", "injured", "blinded"),
    ("Another 120 were admitted to hospital and 23 were left blind.", "23", "injured", "blinded"),
    ("Another 120 people were admitted to hospital and 23 were left blind.", "120", "injured", "people"),
    # a row labelled by what was done to people counts people
    ("| Status of patients (as at 08:00, Saturday) |  |\n|---|---|\n| Discharged | 29 |\n| Still admitted | 18 |\n"
     "| Died | 14 |\nLoss of vision", "14", "killed", "people"),
])
def test_people_blinded_or_listed_by_what_was_done_are_people(nlp, text: str, number: str, claim_type: str,
                                                              group: str | None) -> None:
    found = {f.text: f for f in figures(nlp, text)}[number]
    assert (found.claim_type, found.counted_group) == (claim_type, group)


def test_a_row_under_a_sub_county_column_is_that_places_count(nlp) -> None:
    """blind54: "| Sub-county | … |" names places as "| County | … |" does, so the row's count is the place's."""
    text = ("Cases by sub-county:\n| Sub-county | Admitted | Deaths |\n|---|---|---|\n| Juja | 41 | 12 |\n"
            "| Gatundu South | 17 | 5 |\n| Total | 58 | 17 |")
    found = {(f.text, f.claim_type): f.scope for f in figures(nlp, text)}
    assert found[("5", "killed")] == "Gatundu South"


def test_the_toll_a_part_takes_it_to_counts_everyone_so_far(nlp) -> None:
    """blind54: "five more patients died overnight, taking the toll to 24": the 24 is the toll, not patients and
    not one night's dead; "the toll rose by 12" on one day is still that day's."""
    found = {f.text: f for f in figures(nlp, "Five more patients died overnight in Thika, taking the toll to 24. "
                                             "On Monday alone the death toll rose by 12.")}
    assert (found["24"].counted_group, found["24"].time_scope) == ("people", None)
    assert found["12"].time_scope is not None


def test_things_listed_together_are_keyed_by_the_first_when_it_is_the_counted_noun(nlp) -> None:
    """blind54: "300 bars and liquor shops" and "417 bars" count bars; "40 units of military and special
    equipment" still counts the equipment's units."""
    found = {f.text: f.counted_group for f in figures(nlp, "Police closed 300 bars and liquor shops. By Friday "
                                                          "the county had closed 417 bars.")}
    assert found["300"] == found["417"] == "bar: close"


def test_a_row_label_under_a_casualty_column_names_who_its_cell_counts(nlp) -> None:
    """blind12's deaths by category: the firefighters, the plant's employees and the residents are parts the
    sources count apart from the toll; the total row and an infobox's "| Deaths | 14 |" are the toll."""
    text = ("Deaths by category:\n| Category | Deaths |\n|---|---|\n| Employees of the plant | 13 |\n"
            "| Firefighters | 3 |\n| Residents of nearby districts | 4 |\n| Total | 20 |\n\nThe unrest in brief:\n"
            "| Deaths | 14 (government) |\n| Injuries | 318+ |")
    groups = {f.text: f.counted_group for f in figures(nlp, text)}
    assert (groups["13"], groups["3"], groups["4"]) == ("employee", "emergency workers", "resident")
    assert groups["20"] == groups["14"] == groups["318+"] == "people"


def test_a_plain_text_table_without_outer_bars_gives_its_column_currency_and_its_rows_good(nlp) -> None:
    """blind55's market bulletin: "Commodity | Market | This week (₫/kg) | …" over "Pork carcass | Da Nang | 78,500
    | …": each sum is the price of its row's good, in the column's dong per kilogram."""
    text = ("Prices per kilogram, average of daily quotes.\n\nCommodity | Market | This week (₫/kg) | Last week (₫/kg)\n"
            "Pork carcass | Da Nang | 78,500 | 74,000\nTomatoes | Hue | 24,500 | 19,000\n")
    found = {f.text: (f.unit, f.claim_type) for f in figures(nlp, text)}
    assert found["78,500"] == found["19,000"] == ("VND", "price")


@pytest.mark.parametrize("text, number, claim_type, group", [
    # blind56's translated French: "proceeded to the interpellation of", "calcined", "pillaged"
    ("The forces of order have proceeded to the interpellation of 77 persons in the districts concerned.", "77",
     "detained", "people"),
    ("The young people in anger have calcined 27 vehicles.", "27", "damage", "vehicles"),
    ("The traders counted 34 shops pillaged.", "34", "damage", "shops"),
])
def test_verbs_of_translated_french(nlp, text: str, number: str, claim_type: str, group: str) -> None:
    found = {f.text: f for f in figures(nlp, text)}[number]
    assert (found.claim_type, found.counted_group) == (claim_type, group)


def test_a_budget_schedule_with_an_item_column_is_no_price_list(nlp) -> None:
    """blind45's floor caught it: "| Item | Amount (€) |" in a budget amendment lists sums, not prices; a table
    is read as prices only when its caption or header says so ("Prices in dong per kilogram", "(₫/kg)")."""
    text = ("Schedule of the amendment:\n\n| Item | Amount (€) |\n|---|---|\n| Road repairs | 1,000,000 |\n"
            "| School roofs | 250,000 |\n")
    found = {f.text: (f.unit, f.claim_type) for f in figures(nlp, text)}
    assert found["1,000,000"] == ("EUR", "other")


@pytest.mark.parametrize("text, number, claim_type, phase", [
    # blind85: a sum a decree raised a good to is its price, not a sum raised like a donation
    ("The unrest began when a decree raised petrol to 450 kwanzas (about 49 US cents) a litre from Monday.",
     "450 kwanzas", "price", "after"),
    # blind85: a bare number a fare is "of" is that fare, whatever the clause's verb
    ("A driver who pays 550 kwanzas cannot carry passengers at the old fare of 200.", "200", "price", "before"),
])
def test_a_price_raised_to_or_the_value_of_a_fare(nlp, text: str, number: str, claim_type: str, phase: str) -> None:
    found = {f.text: f for f in figures(nlp, text)}[number]
    assert (found.claim_type, found.phase) == (claim_type, phase)


def test_a_sum_collected_is_still_no_price(nlp) -> None:
    found = {f.text: f for f in figures(nlp, "The charity raised 2 million kwanzas for the families.")}
    assert found["2 million kwanzas"].claim_type == "other"


@pytest.mark.parametrize("text, number, claim_type", [
    # blind85: a crowd a number is the value of counts a crowd, though the sentence's verb is "killed"
    ("Local journalists say three people were killed there after a crowd of about 3,000 marched on the "
     "provincial government building.", "about 3,000", "protesters"),
    # blind85: a headline's topic before its colon is no subject of the verb
    ("Angola fuel protests: death toll rises to 11 as curfew imposed on Luanda", "11", "killed"),
    # blind85: a sentence before a colon labels nothing the next sentences count
    ("The arrests this time were comparable: 1,642 by the police count. The crowds were not. Estimates of "
     "Wednesday's march in Luanda run from 6,000 to 80,000.", "6,000", "protesters"),
    # blind85: a sum lost is a loss, and "prejudices" are losses in translated Portuguese
    ("The retailers' association says its members alone lost 41 billion kwanzas.", "41 billion kwanzas", "damage"),
    ("The Minister estimated the prejudices at 27,5 thousand million kwanzas.", "27,5 thousand million kwanzas",
     "damage"),
    # blind85: "effectives" of a police force (Portuguese "efectivos") are its officers
    ("To guarantee order, 12.000 effectives of the National Police were engaged in the provinces.", "12.000",
     "deployed"),
])
def test_claims_of_blind85(nlp, text: str, number: str, claim_type: str) -> None:
    assert {f.text: f for f in figures(nlp, text)}[number].claim_type == claim_type


def test_people_lost_are_no_loss_of_money(nlp) -> None:
    assert {f.text: f for f in figures(nlp, "The army lost 12 soldiers.")}["12"].claim_type != "damage"


def test_a_price_board_in_a_currency_sign_per_gallon_with_last_week_and_signed_changes(nlp) -> None:
    """blind86's fuel retailer: "Prices in RD$ per gallon" over "Product | This week | Last week | Change": each
    cell is a price in Dominican pesos, last week's is the price before, and "+21.10" is the change (no phone)."""
    text = ("In force from Saturday. Prices in RD$ per gallon, taxes included.\n\n"
            "Product | This week | Last week | Change\nPremium gasoline | 293.60 | 272.50 | +21.10\n")
    found = {f.text: (f.unit, f.claim_type, f.phase) for f in figures(nlp, text)}
    assert found["293.60"] == ("DOP", "price", "after")
    assert found["272.50"] == ("DOP", "price", "before")
    assert found["21.10"] == ("DOP", "price", "change")


def test_a_label_row_with_a_relative_clause_still_labels_its_value(nlp) -> None:
    """A colon after a finite clause labels nothing (blind85), but "Customers who lost power: 18,900" and "City
    vehicles damaged: 212, including … 9 fire engines" are labels (blind76)."""
    text = ("Summary:\n- City vehicles damaged: 212, including 31 police cruisers and 9 fire engines\n"
            "- Customers who lost power: 18,900 at the peak")
    found = {f.text: f for f in figures(nlp, text)}
    assert found["9"].claim_type == "damage"
    assert found["18,900"].counted_head == "customer"


def test_a_name_in_brackets_beside_who_counted_is_no_place(nlp) -> None:
    """blind85's infobox "| Deaths | 23 (police)[1] 34 (Ondjango)[2] |": Ondjango is a rights group beside the
    police, not a place; both cells are the toll."""
    text = "The 2026 Angolan fuel protests:\n| Deaths | 23 (police)[1] 34 (Ondjango)[2] |\n| Injuries | 244 |"
    found = {f.text: f for f in figures(nlp, text)}
    assert (found["34"].scope, found["34"].counted_group) == (None, found["23"].counted_group) == (None, "people")


def test_a_place_that_accounts_for_part_of_the_toll_is_its_scope(nlp) -> None:
    text = ("Police said 23 people died in Angola, in Luanda, Huambo and Benguela. Luanda accounts for 13 of the "
            "dead, according to police.")
    assert {f.text: f for f in figures(nlp, text)}["13"].scope == "Luanda"


def test_a_sum_lost_is_keyed_apart_from_the_damage(nlp) -> None:
    """blind85: the retailers' "lost 41 billion kwanzas" is their loss, apart from the government's estimate of the
    damage (blind58's and blind28's gold keep lost revenue and sales apart the same way)."""
    text = ("The government put the damage at 18 billion kwanzas. The retailers' association says its members alone "
            "lost 41 billion kwanzas.")
    found = {f.text: f for f in figures(nlp, text)}
    assert found["41 billion kwanzas"].claim_type == found["18 billion kwanzas"].claim_type == "damage"
    assert found["41 billion kwanzas"].counted_group == "losses" != found["18 billion kwanzas"].counted_group


@pytest.mark.parametrize("text, number, claim_type, counted_group", [
    # blind89: a count the paragraph's toll types counts people
    ("The interior ministry's toll stood at seven on Wednesday evening. The rights group, which also counts deaths "
     "the ministry does not, said it had documented 12 by Thursday morning.", "12", "killed", "people"),
    # blind89: the size of a march "somewhere between" two counts, or "ranged from" them
    ("The size of the Tunis march on Tuesday is still argued over, somewhere between the ministry's 4,000 and the "
     "union's 50,000.", "4,000", "protesters", "people"),
    ("A march called by the union filled the avenue in Tunis on 7 April; estimates of its size ranged from 4,000 to "
     "more than 50,000.", "4,000", "protesters", "people"),
    # blind87: the parts after "comprising" share the whole's claim
    ("A total of 176 persons were injured, comprising 58 police officers and 118 civilians.", "118", "injured",
     "civilians"),
    # blind87: an infobox's participants are a crowd
    ("| Date | 9-18 June 2026 |\n| Deaths | 11–16[1][2] |\n| Participants | 12,000 (police) to 200,000 (organisers), "
     "Accra, 11 June[3] |", "12,000", "protesters", "people"),
])
def test_claims_of_blind87_and_blind89(nlp, text: str, number: str, claim_type: str, counted_group: str) -> None:
    found = {f.text: f for f in figures(nlp, text)}[number]
    assert (found.claim_type, found.counted_group) == (claim_type, counted_group)


def test_the_size_of_a_fund_is_no_crowd(nlp) -> None:
    found = {f.text: f for f in figures(nlp, "The size of the fund ranged from 400 to 500.")}
    assert all(f.claim_type != "protesters" for f in found.values())


def test_a_column_of_security_forces_injured_counts_the_forces(nlp) -> None:
    """blind89's ministry table "| Governorate | Detained | Dead | Security forces injured |"."""
    text = ("By governorate:\n| Governorate | Detained | Dead | Security forces injured |\n|---|---|---|---|\n"
            "| Kasserine | 231 | 4 | 29 |\n")
    found = {f.text: f for f in figures(nlp, text)}["29"]
    assert (found.claim_type, found.counted_group, found.scope) == ("injured", "security forces", "Kasserine")


def test_a_region_row_with_its_town_in_brackets_is_the_towns(nlp) -> None:
    """blind87's police table "| Region (main city) |" over "| Ashanti (Kumasi) | 5 | 388 |": the gazetteer knows
    the town, and the sources that count by town write it."""
    text = ("Table 1: Summary by region\n| Region (main city) | Deaths | Arrested |\n|---|---|---|\n"
            "| Ashanti (Kumasi) | 5 | 388 |\n| Total | 11 | 1,162 |\n")
    found = {f.text: f for f in figures(nlp, text)}
    assert (found["5"].scope, found["5"].counted_group) == ("Kumasi", "people")
    assert found["388"].scope == "Kumasi"


@pytest.mark.parametrize("text, number", [
    ("Mobile data, cut in Accra and Kumasi on Thursday evening, came back early on Saturday after 30 hours, the "
     "communications ministry said.", "30"),
    ("Mobile data in Accra and Kumasi was disrupted for about 41 hours.", "about 41"),
])
def test_how_long_mobile_data_was_cut_whatever_the_verb(nlp, text: str, number: str) -> None:
    """blind87: the ministry's "came back … after 30 hours" and the rights group's "disrupted for about 41 hours"
    both time the data cut."""
    assert {f.text: f for f in figures(nlp, text)}[number].counted_group == "hour: internet"


def test_a_vague_crowd_after_the_same_value_is_no_restatement(nlp) -> None:
    """blind73: "estimated it in the thousands" after "about 2,000 people had gathered" is a count of its own, not
    "the" group named again."""
    text = ("By the evening about 2,000 people had gathered outside the akimat. The next day police put the crowd at "
            "3,500; the organisers claimed up to 10,000. Reporters on the square estimated it in the thousands.")
    assert "thousands" in {f.text for f in figures(nlp, text)}


def test_what_a_good_cost_us_is_its_price_and_what_a_subsidy_cost_the_treasury_is_not(nlp) -> None:
    """blind88's food bank: "that hamper cost us C$71.40, up from C$62.15"; a cost to the state stays spending."""
    found = {f.text: f.claim_type for f in figures(nlp, "In the third quarter that hamper cost us C$71.40, up from "
                                                        "C$62.15. The subsidy cost the treasury 140 million euros.")}
    assert (found["C$71.40"], found["C$62.15"], found["140 million euros"]) == ("price", "price", "other")


def test_a_table_with_a_column_per_town_counts_what_its_caption_says_in_each_town(nlp) -> None:
    """blind88's fire service: "Type | Anderlecht | Molenbeek | Total" under "Fires by type": each cell is a count of
    fires in its column's town (Molenbeek, unknown to the gazetteer, is a town beside Anderlecht)."""
    text = ("Fires by type, night of 14-15 November\nType | Anderlecht | Molenbeek | Total\nCars | 48 | 19 | 67\n"
            "Buildings | 6 | 3 | 9\n")
    found = {f.text: f for f in figures(nlp, text)}
    assert (found["48"].claim_type, found["48"].scope) == ("fires", "Anderlecht")
    assert (found["3"].claim_type, found["3"].scope) == ("fires", "Molenbeek")


def test_a_heading_that_opens_on_an_attack_on_a_bus_counts_that_attack_alone(nlp) -> None:
    """blind71's live page: "Bus attack: three dead, nine injured" is the toll of the attack its entry tells of ("when
    its bus was hit by petrol bombs"), not the national one ("Toll rises to seven"); a market shooting's heading
    keeps no incident its body does not (blind79)."""
    text = "Toll rises to seven. Twelve were injured.\nBus attack: three dead, nine injured\n"
    found = {f.text: f for f in figures(nlp, text)}
    assert found["three"].incident == found["nine"].incident == "a vehicle" and found["seven"].incident is None


def test_a_transcripts_speaker_is_no_label_and_the_question_before_the_turn_says_what_the_answer_counts(nlp) -> None:
    """blind92's trial transcript: "GANTULGA: About 1,800, of whom 600 …" answers "How many officers did you
    deploy?"; the witness's name opening his turns is no label of what is counted."""
    text = ("ENKHJARGAL: Colonel, what was the crowd?\n\nGANTULGA: It was calm.\n\n"
            "ENKHJARGAL: How many officers did you deploy?\n\nGANTULGA: About 1,800, of whom 600 were from the special "
            "police regiment.\n")
    found = {f.text: f for f in figures(nlp, text)}["About 1,800"]
    assert (found.claim_type, found.counted_head) == ("deployed", "officer")



def test_a_row_label_with_figures_in_its_brackets_keeps_its_place(nlp) -> None:
    """"| Atakpamé (2 in hospital) | 5 |": the bracket holds no town, and the row is still Atakpamé's."""
    text = "Deaths:\n| Where | Deaths |\n|---|---|\n| Atakpamé (2 in hospital) | 5 |\n| Total | 9 |\n"
    assert {f.text: f for f in figures(nlp, text)}["5"].scope == "Atakpamé"


@pytest.mark.parametrize("text, spelled, claim_type", [
    # a part of those a participle names (blind94)
    ("Fourteen of those still held are minors, the commission said.", "Fourteen", "detained"),
    ("Among those arrested this week were 23 children under 18.", "23", "detained"),
    # first aid is care for the hurt; never found is missing (blind94)
    ("Of the people we helped, 842 received first aid on the spot.", "842", "injured"),
    ("Two walkers who set out towards the peak on 22 March have never been found.", "Two", "missing"),
])
def test_what_those_a_part_is_taken_from_went_through_and_first_aid_and_never_found(
        nlp, text: str, spelled: str, claim_type: str) -> None:
    found = {f.text: f for f in figures(nlp, text)}
    assert found[spelled].claim_type == claim_type


def test_a_crowd_in_lakh_written_in_words_counts_people(nlp) -> None:
    """blind99's fact-check: "No, five lakh people did not march" ("lakh" is no noun counted)."""
    found = figures(nlp, "No, five lakh people did not march in Kathmandu on Wednesday.")
    assert [(f.text, f.value, f.counted_head) for f in found] == [("five lakh", 500000.0, "people")]

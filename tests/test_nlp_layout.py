"""Sentences from the layout of a text: list items, timestamps, table rows, headings and blocks start
sentences of their own; a bare figure under a heading takes its claim from it; footnote marks are no
figures and end no word. Every text here is invented."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.models import Figure
from pipeline.nlp import analyse, load_nlp
from pipeline.nlp.layout import heading_of, sentence_starts


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def figures(nlp, text: str) -> tuple[Figure, ...]:
    return analyse(nlp, text, dt.date(2024, 5, 3), "Test Wire").figures


def claims(nlp, text: str) -> list[tuple[str, str]]:
    return [(f.text, f.claim_type) for f in figures(nlp, text)]


def sentences(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in analyse(nlp, text).sentences]


def line_starts(text: str) -> list[str]:
    return [text[start:].split("\n")[0] for start in sentence_starts(text)]


def test_list_items_timestamps_table_rows_and_blocks_start_sentences() -> None:
    text = ("TOLL SO FAR\n- 31 dead\n• 140 injured\n* Held: 75\n2. Missing: 12\n"
            "11:05 — Crews reach the pass.\n| Shelters | 9 |\n\nA quiet night followed.")
    assert line_starts(text) == ["TOLL SO FAR", "- 31 dead", "• 140 injured", "* Held: 75", "2. Missing: 12",
                                 "11:05 — Crews reach the pass.", "| Shelters | 9 |", "A quiet night followed."]


def test_hard_wrapped_prose_is_not_cut_at_its_line_breaks() -> None:
    text = ("Rescue teams searching the collapsed market hall said on Tuesday that\n"
            "240 traders had been inside when the roof gave way, and that\n"
            "most of them had been pulled out alive.\nThe search goes on.")
    assert line_starts(text) == [text.split("\n")[0], "The search goes on."]


def test_a_key_point_ending_on_a_name_that_ends_like_a_word_ends_its_sentence() -> None:
    """blind75: "… in Ma'an" ends on a name, not on the article "an" that runs on into the next line."""
    text = ("Police say five people have died since Sunday, three of them in Ma'an\n"
            "Police put the crowd at the 4th Circle at 2,500; organisers claim 40,000")
    assert line_starts(text) == text.split("\n")


def test_a_headline_line_ends_its_sentence_though_it_has_no_full_stop(nlp) -> None:
    text = ("Blast at fertiliser plant kills at least nine, 17 missing\n"
            "Toxic fumes force 4,200 people from their homes; more than 130 hurt\n"
            "Preliminary damage estimate: MXN 412 million\nOf which housing: MXN 266 million")
    assert line_starts(text) == [text.split("\n")[0], text.split("\n")[1], text.split("\n")[2]]
    assert claims(nlp, text)[0] == ("at least nine", "killed")


def test_each_bullet_is_a_sentence_and_its_marker_stays_with_it(nlp) -> None:
    text = ("KEY NUMBERS\n• Crews have rebuilt 14 bridges along the valley road.\n"
            "• A further 30 engineers are on their way from the coast.")
    assert sentences(nlp, text) == ["KEY NUMBERS", "• Crews have rebuilt 14 bridges along the valley road.",
                                    "• A further 30 engineers are on their way from the coast."]


def test_a_bullet_no_longer_takes_the_claim_of_the_next_line(nlp) -> None:
    text = "KEY NUMBERS\n• 58 people confirmed dead\n• 15 people missing\n• 300 people injured"
    assert claims(nlp, text) == [("58", "killed"), ("15", "missing"), ("300", "injured")]


def test_a_timestamped_line_keeps_its_own_figure(nlp) -> None:
    text = "08:10 — Police say 12 people were detained overnight.\n08:45 — 3 more deaths confirmed."
    assert claims(nlp, text) == [("12", "detained"), ("3", "killed")]


def test_a_bare_figure_takes_the_claim_of_its_lists_heading(nlp) -> None:
    text = "Deaths:\n- 73 people\n- 8 of them firefighters\n\nDetained\n- 410 people"
    assert claims(nlp, text) == [("73", "killed"), ("8", "killed"), ("410", "detained")]
    assert figures(nlp, text)[0].counted_head == "people"


def test_a_heading_gives_no_claim_to_a_line_that_says_what_happened(nlp) -> None:
    assert claims(nlp, "Deaths:\n- 40 people were rescued from the rubble") == [("40", "other")]


def test_a_lead_in_line_ending_in_a_colon_is_the_heading_of_the_line_after_it() -> None:
    text = "Injured so far:\n85 people, police said."
    assert heading_of(text, text.index("85")) == (0, len("Injured so far"))
    assert heading_of("Police said on Monday.\n85 people.", 23) is None


def test_a_table_rows_label_says_what_its_number_counts(nlp) -> None:
    assert claims(nlp, "Killed | 61\nInjuries | 1,240+\nArrested | 530") == [
        ("61", "killed"), ("1,240+", "injured"), ("530", "detained")]


def test_footnote_marks_are_no_figures_and_do_not_hide_the_word_before_them(nlp) -> None:
    text = "Officials said 96 people were killed.¹ Another 27 were hurt.²\n\n¹ Health ministry count."
    assert claims(nlp, text) == [("96", "killed"), ("27", "injured")]
    assert sentences(nlp, text)[:2] == ["Officials said 96 people were killed.¹", "Another 27 were hurt.²"]
    bracketed = "Officials said 96 people were killed.[4] Another 27 were hurt.[5]"
    assert [f.text for f in figures(nlp, bracketed)] == ["96", "27"]


def test_plain_digit_note_marks_glued_after_a_stop_are_split_off(nlp) -> None:
    """blind57: "abducted.7" is the verb, a stop and note 7, and the next sentence starts after it."""
    text = "In Jonglei 212 civilians were killed and 86 abducted.7 Of the dead, 17 were children.9 Aid resumed."
    assert claims(nlp, text) == [("212", "killed"), ("86", "other"), ("17", "killed")]
    assert sentences(nlp, text)[1].startswith("Of the dead")
    assert [f.text for f in figures(nlp, "Output fell by 3.5 per cent.")] == ["3.5 per cent"]  # no note in a decimal


def test_a_caption_with_a_credit_is_its_own_sentence_and_part(nlp) -> None:
    text = "Volunteers carry sandbags where 60 homes flooded (Photo: AFP)\nSome 2,000 people were evacuated."
    found = figures(nlp, text)
    assert [(f.text, f.part) for f in found] == [("60", "caption"), ("Some 2,000", "body")]
    assert found[1].sentence.strip() == "Some 2,000 people were evacuated."
    assert [(f.text, f.part) for f in figures(nlp, "Pictured: 30 tents at the camp.\nPolice held 9 men.")] == [
        ("30", "caption"), ("9", "body")]


def test_a_table_row_is_one_sentence_its_label_with_its_cells() -> None:
    from pipeline.nlp import load_nlp

    doc = load_nlp()("Deaths by city\n\n| City | Dead | Injured |\n|---|---|---|\n| Ulaanbaatar | 7 | 318 |\n"
                     "| Total | 9 | 376 |\n")
    rows = [s.text.strip() for s in doc.sents if s.text.startswith("|")]
    assert rows[-2:] == ["| Ulaanbaatar | 7 | 318 |", "| Total | 9 | 376 |"]


def test_a_dateline_starts_a_sentence_after_a_standfirst_without_a_full_stop() -> None:
    text = ("Police put the crowd at 6,500; flood death toll stands at 28\n"
            "TIRANA, March 14 (APW) - Albanian police detained 61 people.")
    assert line_starts(text) == [text.split("\n")[0], text.split("\n")[1]]


def test_a_standfirst_figure_keeps_its_own_noun_not_the_dateline_place(nlp) -> None:
    text = ("Police put the crowd at 6,500; flood death toll stands at 28\n"
            "TIRANA, March 14 (APW) - Albanian police detained 61 people.")
    toll = next(f for f in figures(nlp, text) if f.text == "28")
    assert (toll.claim_type, toll.counted, toll.scope) == ("killed", None, None)


def test_a_heading_after_a_list_item_opens_the_next_list() -> None:
    text = "- Officers on duty: 1,600\nInjured\n- Police officers: 12"
    assert line_starts(text) == ["- Officers on duty: 1,600", "Injured", "- Police officers: 12"]

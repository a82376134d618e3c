"""Revision history: a revised toll reads as one change, not a removal and an addition."""

import os
import subprocess
import sys

from pipeline.diff import date_changes, figure_changes, text_diff
from pipeline.models import DateMention, Figure
from pipeline.similarity import THRESHOLD, band_keys, jaccard, shingles, signature


def fig(value, claim_type="killed", head="people", text=None, scope=None):
    return Figure(text=text or f"{value:g}", start=0, end=1, value=value, claim_type=claim_type,
                  counted_head=head, counted=head, scope=scope, as_of="2022-01-15")


def test_a_revised_toll_is_one_change_with_old_and_new_value():
    [change] = figure_changes([fig(164.0)], [fig(225.0)])
    assert (change.change, change.old_value, change.new_value) == ("changed", 164.0, 225.0)
    assert change.summary() == "killed: 164 → 225"


def test_unchanged_figures_give_no_change_and_new_groups_are_additions():
    changes = figure_changes([fig(18.0, head="officer")], [fig(18.0, head="officer"), fig(4300.0, "injured")])
    assert [(c.change, c.claim_type, c.new_value) for c in changes] == [("added", "injured", 4300.0)]


def test_a_dropped_figure_is_a_removal():
    [change] = figure_changes([fig(12.0, head="officer")], [])
    assert change.change == "removed" and change.old_value == 12.0


def test_figures_for_different_places_are_not_paired():
    changes = figure_changes([fig(70.0, "detained", scope="Almaty")], [fig(3811.0, "detained")])
    assert sorted(c.change for c in changes) == ["added", "removed"]


def test_dates_added_and_removed():
    old = [DateMention("19 January", 0, 1, "2022-01-19")]
    new = [DateMention("22 January", 0, 1, "2022-01-22")]
    assert [(c.change, c.old_value or c.new_value) for c in date_changes(old, new)] == [
        ("removed", "2022-01-19"), ("added", "2022-01-22")]


def test_text_diff_shows_the_changed_paragraph():
    diff = text_diff("a\nthe toll is 164\nc", "a\nthe toll is 225\nc")
    assert "-the toll is 164" in diff and "+the toll is 225" in diff


TEXT = ("The interior ministry said on Friday that eighteen police officers were killed and 748 were injured in "
        "clashes that began on January 5 in the largest city, where crowds stormed the mayor's office and set "
        "fire to cars. Officials said more than 3,800 people had been detained across the country.")


def test_a_syndicated_copy_is_near_identical_and_shares_a_band():
    copy = TEXT + " (Reporting by a wire service.)"
    a, b = shingles(TEXT), shingles(copy)
    assert jaccard(a, b) >= THRESHOLD
    assert set(band_keys(signature(a))) & set(band_keys(signature(b)))


def test_a_different_report_on_the_same_events_is_not_a_copy():
    other = ("A rights group said at least 225 people died during the unrest, including 19 members of the "
             "security forces, and asked for an independent inquiry into the use of lethal force.")
    assert jaccard(shingles(TEXT), shingles(other)) < 0.2


def test_signatures_are_the_same_in_another_process_with_another_hash_seed():
    code = "from pipeline.similarity import *; print(signature(shingles('one two three four five six')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONHASHSEED": "12345"}).stdout
    assert out.strip() == str(signature(shingles("one two three four five six")))

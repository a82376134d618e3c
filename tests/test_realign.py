"""Incremental alignment through the store: what arrives run after run gives the events a full
alignment of the same database gives, and stale alignments are redone in full."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest

from pipeline.align import ALIGNER_VERSION
from pipeline.config import load_config
from pipeline.demo import DEMO_ARCHIVE, DEMO_SOURCES
from pipeline.fetch import FetchSettings
from pipeline.models import Story
from pipeline.runner import RunOptions, RunReport, realign, run_pipeline
from pipeline.store import Store


def run_demo(db: Path, story: Story, tmp_path: Path) -> RunReport:
    options = RunOptions(offline=True, archive_dir=tmp_path / "archive", replay_from=(DEMO_ARCHIVE,),
                         fetch=FetchSettings(min_delay=0), progress=False)
    return run_pipeline([story], db, options)


def alignment(db: Path) -> dict[str, list[tuple]]:
    """Every stored alignment row, without row ids."""
    conn = sqlite3.connect(db)
    try:
        return {
            "events": sorted(conn.execute("SELECT * FROM events")),
            "event_claims": sorted(conn.execute(
                "SELECT event_id, claim_key, source_id, figure_id, happening_id, latest_for_source, conservative "
                "FROM event_claims")),
            "event_sources": sorted(conn.execute(
                "SELECT event_id, source_id, claim_key, figure_id, happening_id, first_date, last_date, label_hint, "
                "claims FROM event_sources")),
        }
    finally:
        conn.close()


@pytest.fixture(scope="module")
def demo_story() -> Story:
    [story] = load_config(DEMO_SOURCES)
    return story


def test_sources_arriving_run_after_run_give_the_events_of_a_full_alignment(demo_story, tmp_path):
    db = tmp_path / "db.sqlite"
    sources = demo_story.sources
    runs = []
    for n in (2, 3, 5, len(sources)):  # each run adds sources; the earlier ones are unchanged
        runs.append(run_demo(db, dataclasses.replace(demo_story, sources=sources[:n]), tmp_path))
    incremental = alignment(db)
    with Store(db) as store:
        total = realign(store, {demo_story.id: None})
    full = alignment(db)

    assert incremental == full
    assert len(full["events"]) == total >= 10
    assert all(len(full[table]) for table in full)
    # The runs after the first rewrote only the events their new sources touch.
    assert all(0 < report.events < total for report in runs[1:])


def test_a_store_aligned_by_another_aligner_version_is_realigned_in_full_on_the_next_run(demo_story, tmp_path):
    db = tmp_path / "db.sqlite"
    run_demo(db, demo_story, tmp_path)
    expected = alignment(db)
    conn = sqlite3.connect(db)
    with conn:  # as an older version left it: no per-source views, another version
        conn.execute("DELETE FROM event_sources")
        conn.execute("UPDATE alignments SET aligner_version = 'old'")
    conn.close()

    report = run_demo(db, demo_story, tmp_path)

    assert report.analysed == 0 and report.events == len(expected["events"])
    assert alignment(db) == expected
    with Store(db) as store:
        assert store.aligner_version(demo_story.id) == ALIGNER_VERSION


def test_a_rerun_with_nothing_new_rewrites_no_event(demo_story, tmp_path):
    db = tmp_path / "db.sqlite"
    run_demo(db, demo_story, tmp_path)
    before = alignment(db)
    assert run_demo(db, demo_story, tmp_path).events == 0
    assert alignment(db) == before


def test_a_changed_aligner_rule_reaches_the_facts_stored_before_it(demo_story, tmp_path, monkeypatch):
    """Issue 12: event keys are computed at alignment from stored fields, so a full
    re-alignment by a new aligner version re-keys facts an older rule left unkeyed."""
    from pipeline import align as align_module
    from pipeline import runner

    current = align_module.event_key

    def older_rule(claim):  # an aligner that did not yet align prices
        key = current(claim)
        return None if key and key.startswith("figure|price|") else key

    db = tmp_path / "db.sqlite"
    with monkeypatch.context() as patch:
        for module in (align_module, runner):
            patch.setattr(module, "event_key", older_rule)
        patch.setattr(runner, "ALIGNER_VERSION", "older")
        run_demo(db, demo_story, tmp_path)
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT COUNT(*) FROM events WHERE claim_type = 'price'").fetchone() == (0,)

    run_demo(db, demo_story, tmp_path)  # the current aligner: a full re-alignment

    labels = {label for (label,) in conn.execute("SELECT label FROM events WHERE claim_type = 'price'")}
    assert {"Fuel price before the rise", "Fuel price after the rise"} <= labels
    # Each fact now carries the key it was aligned by, for the next incremental alignment.
    stale = conn.execute("""SELECT COUNT(*) FROM event_claims c JOIN events e ON e.id = c.event_id
                            JOIN figures f ON f.id = c.figure_id WHERE f.event_key IS NOT e.event_key""").fetchone()
    conn.close()
    assert stale == (0,)

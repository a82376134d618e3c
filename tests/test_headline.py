"""A page's headline is analysed with its text: its figures are stored with the headline as their
sentence (offsets in the title), linked to the same claim in the body rather than counted twice."""

from __future__ import annotations

import re
import sqlite3
from html import unescape

import httpx
import pytest
from conftest import Server, article_page, write_sources

from pipeline.config import load_config
from pipeline.runner import Models, run_pipeline
from pipeline.store import VersionToAnalyse

TITLE = "Ferry sinks with 40 passengers missing"


def _run(site, fast_options, tmp_path, title: str = TITLE):
    site.pages["/d"] = article_page(title, [
        "The ministry said on Friday that 40 passengers were missing after the ferry sank near the port of Aktau.",
        "Rescuers pulled 12 people from the water and said the search would go on through the night.",
        "Relatives gathered at the harbour, where officials read out the names of those rescued so far.",
    ])
    db = tmp_path / "p.db"
    run_pipeline(load_config(write_sources(tmp_path / "sources.yaml", {"one": [site.url("/d")]})), db, fast_options)
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    return conn


def test_a_headline_figure_is_stored_with_the_headline_as_its_sentence(site, fast_options, tmp_path):
    with _run(site, fast_options, tmp_path) as conn:
        [row] = conn.execute("""SELECT f.start, f."end", f.text, sn.text AS sentence, sn.start AS sentence_start,
                                       sn.part AS sentence_part, sn.idx
                                FROM figures f JOIN sentences sn ON sn.id = f.sentence_id
                                WHERE f.part = 'headline'""").fetchall()
        body = conn.execute("SELECT COUNT(*) FROM sentences WHERE part IS NULL").fetchone()[0]
    assert (row["sentence"], row["sentence_part"], row["idx"], row["sentence_start"]) == (TITLE, "headline", -1, 0)
    assert TITLE[row["start"]:row["end"]] == row["text"] == "40"
    assert body >= 2  # the body's sentences are stored as before


def test_a_headline_twin_of_a_body_figure_is_not_a_second_claim_of_its_source(site, fast_options, tmp_path):
    with _run(site, fast_options, tmp_path) as conn:
        event = conn.execute("SELECT e.id, e.low, e.high FROM events e JOIN figures f ON f.event_key = e.event_key "
                             "WHERE f.part = 'headline'").fetchone()
        members = conn.execute("SELECT f.part, ec.latest_for_source FROM event_claims ec "
                               "JOIN figures f ON f.id = ec.figure_id WHERE ec.event_id = ? ORDER BY f.part",
                               [event["id"]]).fetchall()
        claims = conn.execute("SELECT claims FROM event_sources WHERE event_id = ?", [event["id"]]).fetchone()
    assert (event["low"], event["high"]) == (40, 40)
    assert [tuple(m) for m in members] == [("body", 1), ("headline", 0)]  # the body's figure stands
    assert claims[0] == 1  # the source has one claim in the event, not two


def test_each_version_is_analysed_with_the_pack_of_its_declared_language_else_its_text():
    loaded: list[str] = []
    models = Models(load=lambda code: loaded.append(code) or f"model-{code}")

    def version(language: str | None) -> VersionToAnalyse:
        return VersionToAnalyse(1, 1, "u", "The police said that the men were in the city.", None, "p", "s",
                                language=language)

    assert [models.of(version(code)) for code in ("en-GB", None, "EN")] == ["model-en"] * 3
    assert loaded == ["en"]  # loaded once per run


def test_the_event_and_archive_pages_mark_a_headline_figure_in_the_headline(site, fast_options, tmp_path):
    with _run(site, fast_options, tmp_path) as conn:
        event_id = conn.execute("SELECT e.id FROM events e JOIN figures f ON f.event_key = e.event_key "
                                "WHERE f.part = 'headline'").fetchone()[0]
    served = Server(tmp_path / "p.db")
    try:
        event = served.get(f"/event/{event_id}").text
        archive_url = re.search(r'Headline:</span> <q>[^<]*<mark>40</mark>.*?<a href="([^"]+)">open sentence',
                                event, re.S)
        assert archive_url, "the event page quotes the headline with its figure marked"
        archive = httpx.get(served.base + unescape(archive_url.group(1)).split("#")[0], timeout=10).text
    finally:
        served.stop()
    heading = re.search(r"<h1>(.*?)</h1>", archive, re.S).group(1)
    assert '<mark class="figure">40</mark>' in heading and unescape(re.sub(r"<[^>]+>", "", heading)) == TITLE
    body = re.search(r'<article class="archived">(.*?)</article>', archive, re.S).group(1)
    assert "<mark" not in body  # not the body sentence at the headline figure's offsets


def test_a_language_with_no_model_stops_the_run_with_its_error_and_fails_no_page(site, fast_options, tmp_path,
                                                                                 monkeypatch):
    import pipeline.runner as runner
    from pipeline.errors import ModelNotFound

    def missing(code: str):
        raise ModelNotFound(f"no spaCy model for {code}")

    monkeypatch.setattr(runner, "load_nlp", missing)
    site.pages["/d"] = site.pages["/a"]
    db = tmp_path / "p.db"
    with pytest.raises(ModelNotFound, match="no spaCy model for en"):
        run_pipeline(load_config(write_sources(tmp_path / "sources.yaml", {"one": [site.url("/d")]})), db,
                     fast_options)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM analyses").fetchone()[0] == 0

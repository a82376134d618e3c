"""One input never stops everything: a page too long for the model is analysed in part and
in pieces, a text the analysis fails on is recorded on its version, and the run goes on."""

from __future__ import annotations

import sqlite3

import pytest
from conftest import article_page, write_sources

from pipeline import longtext
from pipeline.config import load_config
from pipeline.models import Analysis, Sentence
from pipeline.nlp import analyse, load_nlp
from pipeline.runner import run_pipeline


def paragraphs(chars: int) -> list[str]:
    """Distinct live-blog updates adding up to ``chars`` characters."""
    out, total, i = [], 0, 0
    while total < chars:
        text = (f"Update {i}: officials in the region said {100 + i % 900} people were detained on January "
                f"{1 + i % 28}, 2022, and {i % 50 + 3} police officers were injured in clashes near the square.")
        out.append(text)
        total += len(text) + 1
        i += 1
    return out


def stories_with(site, tmp_path, path: str, page: str):
    site.pages[path] = page
    site.server.expect_request(path).respond_with_handler(site._handler(path))
    config = write_sources(tmp_path / "s.yaml", {"one": [site.url("/a"), site.url("/b")],
                                                 "two": [site.url("/c")], "blog": [site.url(path)]})
    return load_config(config)


@pytest.mark.slow
def test_a_page_over_the_models_length_limit_is_analysed_in_part_and_the_run_goes_on(site, fast_options, tmp_path):
    """1.2 million characters of article text (1.2 MB, under the 10 MB body cap): spaCy alone
    refuses it (over 1,000,000), which used to fail the analysis stage for every page."""
    stories = stories_with(site, tmp_path, "/huge", article_page("Live blog: every update", paragraphs(1_200_000)))
    db = tmp_path / "p.db"
    report = run_pipeline(stories, db, fast_options)
    assert report.status == "completed" and report.analysed == 4 and report.partial == 1
    with sqlite3.connect(db) as conn:
        stored, status, note, figures, last = conn.execute("""
            SELECT LENGTH(d.text), a.status, a.note, a.figures, (SELECT MAX(f.end) FROM figures f
            WHERE f.version_id = a.version_id) FROM documents d JOIN analyses a ON a.version_id = d.current_version_id
            WHERE d.url LIKE '%/huge'""").fetchone()
        others = conn.execute("SELECT COUNT(*) FROM analyses WHERE status = 'ok' AND figures > 0").fetchone()[0]
        events = conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    assert stored > 1_000_000  # stored whole
    assert status == "partial" and f"of {stored:,} characters analysed" in note
    assert figures > 100 and longtext.MAX_ANALYSED_CHARS - 1000 < last <= longtext.MAX_ANALYSED_CHARS
    assert others == 3 and events > 0


def test_a_text_the_analysis_fails_on_is_recorded_on_its_version_and_the_run_goes_on(
        site, fast_options, tmp_path, monkeypatch):
    """Made to fail for real: the model's length limit below the page and no cap or pieces to save it."""
    monkeypatch.setattr(load_nlp(), "max_length", 20_000)
    monkeypatch.setattr(longtext, "MAX_ANALYSED_CHARS", 10**9)
    monkeypatch.setattr(longtext, "PIECE_CHARS", 10**9)
    stories = stories_with(site, tmp_path, "/long", article_page("Live blog", paragraphs(25_000)))
    db = tmp_path / "p.db"
    report = run_pipeline(stories, db, fast_options)
    assert report.status == "completed" and report.analysed == 3
    assert report.failures == {"analysis_error": 1}
    with sqlite3.connect(db) as conn:
        status, note, figures = conn.execute("""SELECT a.status, a.note, a.figures FROM documents d
            JOIN analyses a ON a.version_id = d.current_version_id WHERE d.url LIKE '%/long'""").fetchone()
        events = conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    assert status == "failed" and "analysis failed" in note and "max_length" in note and figures == 0
    assert events > 0  # the other pages' facts were aligned
    again = run_pipeline(stories, db, fast_options)  # recorded, not retried by the same extractor
    assert again.analysed == 0 and again.failed == 0


def test_pieces_are_cut_at_paragraph_breaks_and_cover_the_text():
    text = "\n".join(paragraphs(5_000))
    parts = longtext.pieces(text, size=1_000)
    assert "".join(piece for _, piece in parts) == text
    assert all(len(piece) <= 1_000 for _, piece in parts)
    assert all(piece.endswith("\n") for _, piece in parts[:-1])
    assert [offset for offset, _ in parts] == [sum(len(p) for _, p in parts[:i]) for i in range(len(parts))]


def test_a_text_without_breaks_is_still_cut_within_bounds():
    assert [len(p) for _, p in longtext.pieces("x" * 2_500, size=1_000)] == [1_000, 1_000, 500]
    text, note = longtext.cut("word " * 100, limit=52)
    assert text == "word " * 10 and note == "only the first 50 of 500 characters analysed (limit 52)"
    assert longtext.cut("short") == ("short", None)


@pytest.mark.slow
def test_facts_found_in_pieces_are_those_of_the_whole_text_at_the_same_offsets():
    text = "\n".join(paragraphs(3_000))
    nlp = load_nlp()
    whole = analyse(nlp, text)
    joined = longtext.join([(offset, analyse(nlp, piece)) for offset, piece in longtext.pieces(text, size=700)])
    assert len(longtext.pieces(text, size=700)) > 3
    assert all(text[f.start:f.end] == f.text for f in joined.figures)
    assert all(text[s.start:s.end] == s.text for s in joined.sentences)
    assert all(text[d.start:d.end] == d.text for d in joined.dates)
    # The same figures; their claim types but for what a piece's first words change: a claim
    # typed from the paragraph before has no paragraph before at a piece's start (pieces of
    # 700 characters here, so such starts are many; the runner's are 25,000).
    assert {(f.start, f.value) for f in joined.figures} >= {(f.start, f.value) for f in whole.figures} - {
        (f.start, f.value) for f in whole.figures if any(0 <= f.start - o < 40 for o, _ in longtext.pieces(text, 700))}
    found = {(f.start, f.value, f.claim_type) for f in joined.figures}
    expected = {(f.start, f.value, f.claim_type) for f in whole.figures}
    assert len(found & expected) >= 0.9 * len(expected)
    assert {d.value for d in joined.dates} == {d.value for d in whole.dates}


def test_one_piece_is_returned_as_it_is():
    analysis = Analysis(sentences=(Sentence(0, 5, "Hello"),))
    assert longtext.join([(0, analysis)]) is analysis

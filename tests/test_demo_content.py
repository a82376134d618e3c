"""The bundled FICTIONAL demo and the shipped sources.yaml keep their promises.

Fast and offline: YAML is read with PyYAML and pages are read as HTML or turned into text
by trafilatura (``extract_article``); no spaCy.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from pipeline.extract import extract_article
from pipeline.models import CLAIM_TYPES, SOURCE_KINDS

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "pipeline" / "demo"
PAGES = DEMO / "pages"
GOLD = REPO / "tests" / "gold"
HAPPENING_ACTIONS = set(yaml.safe_load((REPO / "pipeline" / "lexicon" / "happenings.yaml").read_text(encoding="utf-8")))


def load_yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def demo_story() -> dict:
    stories = load_yaml(DEMO / "sources.yaml")["stories"]
    assert len(stories) == 1, "pipeline/demo/sources.yaml describes exactly one story"
    return stories[0]


def demo_sources() -> list[dict]:
    return demo_story()["sources"]


def page_name(url: str) -> str:
    """The file-name rule stated at the top of pipeline/demo/sources.yaml."""
    parts = urlsplit(url)
    return (parts.netloc + parts.path).replace("/", "_") + ".html"


def demo_pages() -> list[tuple[dict, str]]:
    return [(source, url) for source in demo_sources() for url in source["urls"]]


@cache
def article_text(url: str) -> str:
    source = next(s for s, u in demo_pages() if u == url)
    published = (source.get("published") or {}).get(url)
    return extract_article((PAGES / page_name(url)).read_text(encoding="utf-8"), url, published).text


def page_html(url: str) -> str:
    return (PAGES / page_name(url)).read_text(encoding="utf-8")


def element(html: str, tag: str) -> str:
    found = re.search(rf"<{tag}\b[^>]*>(.*?)</{tag}>", html, re.S | re.I)
    return found.group(1) if found else ""


def page_urls() -> list[str]:
    return [url for _, url in demo_pages()]


def gold_pages() -> list[Path]:
    return sorted((GOLD / "demo").glob("*.yaml"))


# --- the demo story and its pages ------------------------------------------------------


def test_every_demo_url_has_a_page_named_host_plus_path_and_every_page_is_listed():
    listed = {page_name(url) for url in page_urls()}
    on_disk = {path.name for path in PAGES.glob("*.html")}
    assert listed == on_disk
    assert page_name("https://www.steppe-interior.example/press/2022/01/07/statement") == (
        "www.steppe-interior.example_press_2022_01_07_statement.html"
    )


def test_the_file_name_rule_is_stated_at_the_top_of_the_demo_sources_file():
    head = "".join((DEMO / "sources.yaml").read_text(encoding="utf-8").splitlines(keepends=True)[:5])
    assert 'every "/" replaced by "_"' in head and ".html" in head


def test_demo_story_title_says_fictional():
    story = demo_story()
    assert story["id"] == "steppeland-demo"
    assert "FICTIONAL" in story["title"]


def test_demo_sources_are_of_at_least_six_known_kinds_with_one_source_of_two_pages():
    kinds = [source["kind"] for source in demo_sources()]
    assert set(kinds) <= set(SOURCE_KINDS)
    assert len(set(kinds)) >= 6
    assert sorted(len(source["urls"]) for source in demo_sources())[-1] == 2
    assert len(page_urls()) == 8


def test_demo_urls_use_the_reserved_example_domain():
    for url in page_urls():
        assert urlsplit(url).hostname.endswith(".example"), url


@pytest.mark.parametrize("url", page_urls())
def test_demo_page_has_nav_teasers_related_aside_cookie_banner_and_footer_contact(url):
    html = page_html(url)
    assert len(re.findall(r"<a\b", element(html, "nav"))) >= 3, "nav with teaser headlines"
    aside = element(html, "aside")
    assert "Related articles" in aside and len(re.findall(r"<a\b", aside)) >= 2
    assert re.search(r'<div[^>]+(cookie|gdpr)[^>]*>.*?cookies', html, re.S | re.I), "cookie banner"
    footer = element(html, "footer")
    assert re.search(r"\+\d[\d ]{6,}", footer) and "@" in footer, "footer with phone and e-mail"


@pytest.mark.parametrize("url", page_urls())
def test_demo_page_has_a_title_site_name_and_300_to_900_words_of_article_text(url):
    html = page_html(url)
    assert element(html, "title").strip()
    assert 'property="og:site_name"' in html
    words = len(article_text(url).split())
    assert 300 <= words <= 900, f"{page_name(url)}: {words} words"


@pytest.mark.parametrize("url", page_urls())
def test_demo_page_chrome_stays_out_of_the_extracted_text(url):
    html, text = page_html(url), article_text(url)
    chrome = [element(html, "nav"), element(html, "aside"), element(html, "footer")]
    chrome += re.findall(r'<section class="comments".*?</section>', html, re.S)
    for block in chrome:
        for piece in re.findall(r">([^<>]{12,})<", block):
            piece = piece.replace("&#x27;", "'").strip()
            if len(piece.split()) >= 5:  # a headline or sentence, not a name the article also uses
                assert piece not in text, f"{page_name(url)}: chrome text {piece!r} reached the article"


def test_the_markup_varies_across_demo_pages():
    htmls = [page_html(url) for url in page_urls()]
    assert any("<article" in h for h in htmls)
    assert any('class="story-body"' in h for h in htmls)
    assert any("<main" in h and "<article" not in h for h in htmls)
    assert sum('class="comments"' in h for h in htmls) >= 2


def test_exactly_one_demo_page_states_no_date_and_sources_yaml_dates_it():
    undated = [(s, u) for s, u in demo_pages()
               if "article:published_time" not in page_html(u) and "<time" not in page_html(u)]
    assert len(undated) == 1
    source, url = undated[0]
    assert isinstance(source["published"][url], dt.date)
    assert not re.search(r"20\d\d", article_text(url)), "the undated page must not name a year in its text"


def test_demo_pages_plant_the_promised_traps():
    text = "\n".join(article_text(url) for url in page_urls())
    for needle in ["3.811", "2.30 p.m.", "8 years in prison", "05.01.2022", "last Wednesday", "yesterday",
                   "two hundred", "hundreds of", "Dozens", "more than", "at least", "about", "up to", "almost",
                   "110-120", "78 billion tenge", "Northern Security Compact (NSC)", "A.Dosbolov",
                   "President Arman Dosbolov", "According to the Interior Ministry"]:
        assert needle in text, needle
    for word in ["protesters", "rioters", "terrorists", "bandits", "demonstrators"]:
        assert word in text, word


# --- gold ------------------------------------------------------------------------------


def test_every_demo_page_has_a_gold_file_that_names_it():
    names = {path.stem: load_yaml(path)["document"] for path in gold_pages()}
    assert names == {page_name(u).removesuffix(".html"): f"demo:{page_name(u)}" for u in page_urls()}


@pytest.mark.parametrize("gold_path", gold_pages(), ids=lambda p: p.stem)
def test_every_gold_figure_and_date_text_occurs_in_its_page_as_often_as_listed(gold_path):
    gold = load_yaml(gold_path)
    url = next(u for u in page_urls() if page_name(u) == gold["document"].removeprefix("demo:"))
    text = article_text(url)
    for kind in ("figures", "dates"):
        wanted = Counter(str(entry["text"]) for entry in gold.get(kind) or [])
        for spelling, times in wanted.items():
            assert text.count(spelling) >= times, f"{kind}: {spelling!r} listed {times}x, found {text.count(spelling)}x"
    for entry in gold.get("figures") or []:
        assert entry.get("claim_type", "other") in CLAIM_TYPES, entry


def test_every_demo_event_claim_names_a_demo_source_and_its_text_occurs_in_that_sources_pages():
    sources = {source["id"]: source for source in demo_sources()}
    events = load_yaml(GOLD / "demo_events.yaml")["events"]
    assert events
    for event in events:
        for claim in event["claims"]:
            assert claim["source"] in sources, claim
            if event["kind"] == "figure":
                text = "\n".join(article_text(url) for url in sources[claim["source"]]["urls"])
                pattern = r"(?<![\w.,-])" + re.escape(str(claim["text"])) + r"(?![\w-]|[.,]\d)"
                found = len(re.findall(pattern, text, re.I))
                assert found >= claim.get("occurrence", 1), f"{event['label']}: {claim}"
            else:
                assert event["action"] in HAPPENING_ACTIONS, event["action"]
                assert re.fullmatch(r"\d{4}-\d\d-\d\d", str(claim["date"])), claim


def test_demo_events_plant_disagreements_between_sources():
    events = {event["label"]: event for event in load_yaml(GOLD / "demo_events.yaml")["events"]}
    killed = events["Security forces killed"]["claims"]
    assert {c["text"] for c in killed} >= {"12", "18", "19"}
    assert len({c["source"] for c in events["People detained"]["claims"]}) >= 4
    assert {c["date"] for c in events["State of emergency ends"]["claims"]} == {"2022-01-19", "2022-01-22"}
    scoped = [e for e in events.values() if e["kind"] == "figure" and e.get("scope")]
    assert scoped and all(e["scope"] in {"Karavan", "Tasbulak"} for e in scoped)


# --- the real sources.yaml ---------------------------------------------------------------


def real_sources() -> list[dict]:
    stories = load_yaml(REPO / "sources.yaml")["stories"]
    return [source for story in stories if story["id"] == "kazakhstan-2022-01" for source in story["sources"]]


def test_real_sources_file_has_at_least_13_sources_of_at_least_6_kinds():
    sources = real_sources()
    assert len(sources) >= 13
    assert len({source["kind"] for source in sources}) >= 6


def test_real_sources_file_has_the_embassy_statement_in_cord_magazine_as_a_government_source():
    cord = [s for s in real_sources()
            if any("cordmagazine.com" in u for u in s.get("urls", []) + s.get("feeds", []))]
    assert len(cord) == 1 and cord[0]["kind"] == "government"


def test_every_real_source_url_is_https_and_every_published_override_names_one_of_its_urls():
    for source in real_sources():
        assert source["urls"] or source.get("feeds"), source["id"]
        for url in source["urls"]:
            assert url.startswith("https://"), url
        for url, day in (source.get("published") or {}).items():
            assert url in source["urls"] and isinstance(day, dt.date), (source["id"], url)

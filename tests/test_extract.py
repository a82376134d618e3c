"""Article extraction: the article text without the page chrome, with its metadata."""

import datetime as dt
import html
from pathlib import Path

import pytest

from pipeline.errors import ExtractError
from pipeline.extract import article_from_text, extract_article

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seeds" / "000_96f5857ad51bfd4d.txt"


def _paragraphs(lines: list[str]) -> str:
    return "\n".join(f"<p>{html.escape(line)}</p>" for line in lines if line.strip())


def seed_page() -> tuple[str, dict[str, list[str]]]:
    """The Embassy statement laid out the way a magazine site shows it."""
    lines = SEED.read_text(encoding="utf-8").split("\n")
    byline = lines.index("By Embassy of Kazahstan in Serbia")
    widget = lines.index("25 Years Of Diplomatic Relations Between Kazakhstan And Serbia")
    widget_end = next(i for i in range(widget, len(lines)) if lines[i].startswith("H.E. Mr. Madi")) + 1
    related = lines.index("Related Articles")
    parts = {
        "title": [lines[0]],
        "teasers": lines[2:byline],
        "body_1": lines[byline + 1:widget],
        "widget": lines[widget:widget_end],
        "body_2": lines[widget_end:related - 1],
        "related": lines[related:],
    }
    page = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{html.escape(lines[0])} - CorD Magazine</title>
<meta property="og:title" content="{html.escape(lines[0])}">
<meta property="og:site_name" content="CorD Magazine">
<meta property="article:published_time" content="2022-01-08T09:30:00+01:00">
</head><body>
<header><a href="/">CorD</a><nav class="menu"><a href="/news">News</a> <a href="/interviews">Interviews</a></nav></header>
<div class="cookie-banner" id="cookie-notice"><p>We use cookies to improve your experience on our site. By continuing to browse you accept their use.</p><button>Accept</button></div>
<nav class="recommends"><h3>{html.escape(lines[2])}</h3>{_paragraphs(parts["teasers"][1:])}</nav>
<main><article>
<h1>{html.escape(lines[0])}</h1>
<p class="byline">By Embassy of Kazahstan in Serbia</p>
{_paragraphs(parts["body_1"])}
<aside class="widget embassy">{_paragraphs(parts["widget"])}</aside>
{_paragraphs(parts["body_2"])}
</article></main>
<aside class="related"><h3>Related Articles</h3>{_paragraphs(parts["related"][1:])}</aside>
<footer><p>CorD Magazine, Belgrade. Contact: office@cord.example, +381 11 000 0000</p></footer>
</body></html>"""
    return page, parts


def test_statement_text_starts_at_the_statement_and_drops_the_chrome():
    page, parts = seed_page()
    article = extract_article(page, "https://cordmagazine.com/main-points-on-situation-in-kazakhstan/")
    assert article.text.startswith("In 2021, the world market saw a significant increase")
    for line in parts["teasers"] + parts["related"] + parts["widget"]:
        if len(line) > 20:
            assert line not in article.text, f"chrome leaked into the text: {line!r}"
    assert "We use cookies" not in article.text
    assert "Contact: office@" not in article.text
    assert "748 police officers and national guard soldiers were injured" in article.text
    assert article.text.rstrip().endswith("a day of national mourning.")


def test_statement_metadata_title_site_date_and_byline_author():
    page, _ = seed_page()
    article = extract_article(page, "https://cordmagazine.com/main-points-on-situation-in-kazakhstan/")
    assert article.title == "Main Points On Situation In Kazakhstan"
    assert article.site_name == "CorD Magazine"
    assert article.published == dt.date(2022, 1, 8)
    assert article.published_source == "page"
    assert article.author == "Embassy of Kazahstan in Serbia"
    assert article.language == "en"


def test_publication_date_falls_back_to_the_override_and_says_so():
    page, _ = seed_page()
    undated = page.replace('<meta property="article:published_time" content="2022-01-08T09:30:00+01:00">', "")
    article = extract_article(undated, "https://example.org/a", published_override=dt.date(2022, 1, 9))
    assert (article.published, article.published_source) == (dt.date(2022, 1, 9), "override")


def test_page_without_article_text_raises_with_the_reason():
    with pytest.raises(ExtractError, match="no article text|fewer than"):
        extract_article("<html><body><nav><a href='/'>Home</a></nav></body></html>", "https://example.org/empty")


def test_empty_page_raises():
    with pytest.raises(ExtractError, match="empty"):
        extract_article("   ", "https://example.org/blank")


def test_plain_text_is_used_as_is():
    article = article_from_text("  Some text about 12 people.\n", "stdin", published=dt.date(2022, 1, 5))
    assert article.text == "Some text about 12 people."
    assert article.published_source == "override"


def test_a_photo_caption_the_extractor_drops_is_kept_on_a_line_of_its_own():
    body = "".join(f"<p>Paragraph {i} of the report on the ferry, with enough words to count as text.</p>"
                   for i in range(4))
    page = (f"<html><head><title>Ferry</title></head><body><article><h1>Ferry</h1>{body}<figure>"
            "<img src='q.jpg'><figcaption>Mourners at the quay, where 27 bodies were brought ashore. "
            "Photograph: K. A.</figcaption></figure></article></body></html>")
    text = extract_article(page, "https://example.org/ferry").text
    assert text.endswith("\nCaption: Mourners at the quay, where 27 bodies were brought ashore. Photograph: K. A.")
    assert text.count("27 bodies") == 1


def _page_with(box: str, after: str = "") -> str:
    body = "".join(f"<p>Paragraph {i} of the report on the quake, with enough words to count as text.</p>"
                   for i in range(4))
    return (f"<html><head><title>Quake</title></head><body><header><div class='correction'>Site news</div></header>"
            f"<main><h1>Quake</h1>{box}<article>{body}{after}</article></main></body></html>")


def test_a_live_pages_key_points_the_extractor_drops_are_kept_as_lines():
    box = ("<section class='key-points'><h2>Key points</h2><ul><li>At least 31 dead, 214 injured and 35 missing</li>"
           "<li>1,100 rescuers and 600 soldiers deployed</li></ul></section>")
    text = extract_article(_page_with(box), "https://example.org/quake").text
    assert text.split("\n")[-2:] == ["At least 31 dead, 214 injured and 35 missing",
                                     "1,100 rescuers and 600 soldiers deployed"]
    assert "Key points" not in text and "Site news" not in text


def test_a_correction_under_the_text_is_kept_and_a_box_named_by_its_heading_too():
    correction = ("<div class='note'><strong>Correction:</strong> An earlier version of this article said 63 people "
                  "had been detained. The police figure is 36.</div>")
    glance = "<div><h3>At a glance</h3><p>Magnitude 6.1, depth 10 km</p></div>"
    text = extract_article(_page_with(glance, correction), "https://example.org/quake").text
    assert "Correction: An earlier version of this article said 63 people had been detained." in text
    assert text.count("Magnitude 6.1, depth 10 km") == 1


def test_teaser_cards_and_a_summary_heading_over_the_whole_article_add_nothing():
    cards = "<aside><ul><li class='summary'>Floods: 12 dead in the north</li></ul></aside>"
    page = (_page_with("").replace("</main>", cards + "</main>")
            .replace("<article>", "<article><h1>Quake</h1><p class='meta'>Published 2 May</p><h2>Summary</h2>"))
    text = extract_article(page, "https://example.org/quake").text
    assert "12 dead" not in text and "Published 2 May" not in text


def test_a_live_pages_entry_headings_the_extractor_drops_are_kept_over_their_entries():
    """blind91's live blog: "Health Ministry: 312 injured" heads its entry; a related-articles card's heading, whose
    paragraph is no part of the text, stays out."""
    posts = "".join(f"<div class='post'><p class='stamp'><time>1{i}:00</time></p><h3>{head}</h3><p>{para}</p></div>"
                    for i, (head, para) in enumerate([
                        ("Health Ministry: 312 injured", "The Health Ministry says 312 people have been injured since "
                         "Friday. It did not say how many were police officers."),
                        ("Arrests pass 900", "The ministry says 990 people have been detained since Friday. Of those, "
                         "412 were arrested on Sunday alone, the day of the biggest marches."),
                        ("Army deploys in Suez", "State television shows armoured vehicles on the road into Suez, and "
                         "a military source told us soldiers had been sent to the city.")]))
    cards = "<aside><h3>Floods: 12 dead in the north</h3><p>Read the story from last week.</p></aside>"
    page = (f"<html><head><title>Egypt live</title></head><body><main><h1>Egypt live</h1><div class='feed'>{posts}"
            f"</div>{cards}</main></body></html>")
    lines = extract_article(page, "https://example.org/live").text.split("\n")
    at = lines.index("Arrests pass 900")
    assert lines[at + 1].startswith("The ministry says 990 people")
    assert "Health Ministry: 312 injured" in lines
    assert not any("12 dead in the north" in line for line in lines)


def test_a_heading_over_the_first_paragraph_and_one_over_a_table_are_kept():
    """blind115's explainer: each answer is under its question, the first and the one over the price table too
    ("How many people died?" is what "The police say 17" counts)."""
    page = ("<html><head><title>Explained</title></head><body><h1>Explained</h1><h3>How many people died?</h3>"
            "<p>The police say 17, two of them officers. The rights group says at least 21, most in the capital.</p>"
            "<h3>How many were arrested?</h3><p>The police say 1,093 people were detained in six days.</p>"
            "<h3>What happened to prices?</h3><table><tr><th>Item</th><th>Before</th><th>After</th></tr>"
            "<tr><td>Gasoline</td><td>570</td><td>790</td></tr><tr><td>Diesel</td><td>670</td><td>860</td></tr>"
            "</table><p>Prices in gourdes, set by the ministry on the seventh of the month for sixty days.</p>"
            "</body></html>")
    lines = extract_article(page, "https://example.org/explained").text.split("\n")
    assert lines[0] == "How many people died?" and lines[1].startswith("The police say 17")
    at = lines.index("What happened to prices?")
    assert lines[at + 1].startswith("| Item |")

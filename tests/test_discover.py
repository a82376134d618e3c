"""Finding new reports in feeds and sitemaps, filtered by a source's include rules."""

import datetime as dt

import pytest

from pipeline.discover import Found, parse_date, parse_feed, parse_sitemap, select, wanted
from pipeline.models import IncludeRules

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Wire</title>
<item><title>Kazakhstan: emergency declared</title><link>https://wire.example/2022/01/05/emergency?utm_source=rss</link>
<pubDate>Wed, 05 Jan 2022 10:00:00 GMT</pubDate><description>Protests spread</description></item>
<item><title>Football results</title><link>/sport/1</link><pubDate>Wed, 05 Jan 2022 11:00:00 GMT</pubDate></item>
</channel></rss>"""

ATOM = """<feed xmlns="http://www.w3.org/2005/Atom"><title>NGO</title>
<entry><title>Kazakhstan: inquiry needed</title><link rel="alternate" href="https://ngo.example/k/1"/>
<published>2022-02-09T08:00:00Z</published><summary>Deaths must be investigated</summary></entry></feed>"""

SITEMAP = """<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://site.example/news/2022/01/kazakhstan-toll</loc><lastmod>2022-01-15</lastmod></url>
<url><loc>https://site.example/about</loc></url></urlset>"""

INDEX = """<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://site.example/sitemap-2022.xml</loc></sitemap></sitemapindex>"""


def test_rss_items_with_relative_links_and_rfc822_dates():
    items = parse_feed(RSS, "https://wire.example/feed")
    assert [i.url for i in items] == ["https://wire.example/2022/01/05/emergency?utm_source=rss",
                                      "https://wire.example/sport/1"]
    assert items[0].published == dt.date(2022, 1, 5) and items[0].title.startswith("Kazakhstan")


def test_atom_entries():
    [entry] = parse_feed(ATOM, "https://ngo.example/atom")
    assert entry.url == "https://ngo.example/k/1" and entry.published == dt.date(2022, 2, 9)


def test_sitemap_and_sitemap_index():
    pages, children = parse_sitemap(SITEMAP)
    assert [p.url for p in pages] == ["https://site.example/news/2022/01/kazakhstan-toll", "https://site.example/about"]
    assert pages[0].published == dt.date(2022, 1, 15) and children == []
    assert parse_sitemap(INDEX) == ([], ["https://site.example/sitemap-2022.xml"])


def test_html_is_not_a_feed():
    with pytest.raises(ValueError):
        parse_feed("<html><body>hello</body></html>", "https://x.example/")


RULES = IncludeRules(url_patterns=(r"/20\d\d/",), keywords=("kazakhstan",), since=dt.date(2022, 1, 1),
                     until=dt.date(2022, 3, 31))


@pytest.mark.parametrize("found,expected", [
    (Found("https://a.example/2022/01/x", "Kazakhstan unrest", None, dt.date(2022, 1, 6)), True),
    (Found("https://a.example/about", "Kazakhstan unrest", None, dt.date(2022, 1, 6)), False),  # url pattern
    (Found("https://a.example/2022/01/x", "Football", None, dt.date(2022, 1, 6)), False),  # keyword
    (Found("https://a.example/2022/01/x", "Football", "in Kazakhstan", dt.date(2022, 1, 6)), True),  # summary
    (Found("https://a.example/2021/12/x", "Kazakhstan", None, dt.date(2021, 12, 30)), False),  # before since
    (Found("https://a.example/2022/05/x", "Kazakhstan", None, dt.date(2022, 5, 1)), False),  # after until
    (Found("https://a.example/2022/05/x", "Kazakhstan", None, None), True),  # undated: kept
])
def test_include_rules(found, expected):
    assert wanted(found, RULES) is expected


def test_select_canonicalises_and_skips_known_and_repeated_urls():
    found = [Found("https://a.example/2022/k?utm_source=x", "Kazakhstan"),
             Found("https://a.example/2022/k#top", "Kazakhstan"),
             Found("https://a.example/2022/old", "Kazakhstan")]
    chosen = select(found, None, known={"https://a.example/2022/old"})
    assert [f.url for f in chosen] == ["https://a.example/2022/k"]


def test_feed_dates_in_several_formats():
    assert parse_date("2022-01-05T10:00:00+06:00") == dt.date(2022, 1, 5)
    assert parse_date("Thu, 06 Jan 2022 08:00:00 +0000") == dt.date(2022, 1, 6)
    assert parse_date("yesterday") is None

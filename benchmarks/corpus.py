"""A generated news corpus: deterministic pages about one fictional-but-plausible story.

Every page is an article of a chosen length (300–1,500 words by default) made of
varied sentences that carry what the pipeline looks for (counts with qualifiers,
money, dates in several formats, people, organisations, places, attribution), inside
the chrome real sites put around an article (navigation, cookie banner, related
links, footer, scripts).
"""

from __future__ import annotations

import datetime as dt
import html
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.models import Story

PLACES = ["Almaty", "Nur-Sultan", "Aktobe", "Shymkent", "Zhanaozen", "Taraz", "Karaganda", "Atyrau",
          "Kyzylorda", "Taldykorgan", "Aktau", "Uralsk", "Semey", "Pavlodar", "Kostanay"]
PEOPLE = ["Kassym-Jomart Tokayev", "Nursultan Nazarbayev", "Karim Massimov", "Askar Mamin",
          "Alikhan Smailov", "Marat Akhmetzhanov", "Yerlan Turgumbayev", "Aigerim Seitkali",
          "Daniyar Bekov", "Svetlana Orlova", "Timur Zhaksylykov", "Gulnara Abenova"]
BODIES = ["the interior ministry", "the prosecutor general's office", "the health ministry",
          "the national security committee", "a local rights group", "the city administration",
          "the emergency situations ministry", "the central bank", "an independent monitor",
          "the presidential press service"]
ACTORS = ["protesters", "demonstrators", "rioters", "bandits", "residents", "police officers",
          "soldiers", "journalists", "activists", "civilians"]
COUNTED = [("people were detained", "detained"), ("people were killed", "killed"),
           ("people were injured", "injured"), ("police officers were injured", "injured"),
           ("troops were deployed", "deployed"), ("buildings were damaged", "damage"),
           ("vehicles were set on fire", "fires"), ("shops were looted", "damage"),
           ("people remain missing", "missing"), ("residents fled their homes", "displaced")]
QUALIFIERS = ["at least", "more than", "about", "almost", "up to", "over", "some", ""]
MONEY_UNITS = ["billion tenge", "million tenge", "million dollars", "billion rubles", "million euros"]
VERBS = ["said", "reported", "told reporters", "announced", "confirmed", "stated", "wrote"]
FILLER = [
    "Streets in the centre of {place} were quiet on {weekday}, with armoured vehicles parked near the main square.",
    "Residents described long queues outside banks and petrol stations as the internet stayed mostly cut.",
    "{person} called for calm in a televised address and promised to restore order within days.",
    "The unrest began in the oil town of {place2} after the price of liquefied gas doubled at the start of the year.",
    "Witnesses said shots were heard overnight near the airport and the old city hall of {place}.",
    "Officials did not say how the figures had been counted or whether they included foreign citizens.",
    "Several independent outlets said their reporters had been prevented from working in {place}.",
    "The government resigned after two days of protests, and a state of emergency was declared in {place}.",
    "Analysts in {place2} said the crisis exposed a long struggle inside the ruling elite.",
    "Flights to {place} were suspended and rail services were disrupted across the region.",
    "{body_cap} later published a list of names, which relatives said was incomplete.",
    "Human rights observers asked for an independent inquiry into the use of force against peaceful crowds.",
    "Prices of basic goods rose sharply in the markets of {place} as deliveries stopped.",
    "The curfew in {place} was extended until further notice, local television reported.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SOURCE_KINDS = ["government", "state-media", "wire", "international-media", "independent-media", "ngo",
                "intergovernmental", "encyclopedia", "blog", "other"]
START = dt.date(2022, 1, 2)


@dataclass(frozen=True)
class Page:
    host: int  # index of the site (0-based)
    path: str
    title: str
    published: dt.date
    paragraphs: tuple[str, ...]
    revision: int = 0
    captions: tuple[str, ...] = ()  # photo captions, shown as <figure> inside the article

    @property
    def words(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs + self.captions)


@dataclass
class Corpus:
    pages: list[Page] = field(default_factory=list)

    @property
    def words(self) -> int:
        return sum(p.words for p in self.pages)


def _number(rng: random.Random) -> str:
    value = rng.choice([rng.randint(2, 99), rng.randint(100, 999), rng.randint(1000, 20000)])
    if value >= 1000 and rng.random() < 0.3:
        value = round(value, -2)
    return f"{value:,}"


def _date(rng: random.Random) -> tuple[str, dt.date]:
    day = START + dt.timedelta(days=rng.randint(0, 30))
    style = rng.randrange(5)
    if style == 0:
        return f"{day:%B} {day.day}, {day.year}", day
    if style == 1:
        return f"{day:%d.%m.%Y}", day
    if style == 2:
        return f"{day.day} {day:%B}", day
    if style == 3:
        return f"{day:%A}", day
    return f"{day:%B} {day.day}", day


def _sentence(rng: random.Random) -> str:
    place, place2 = rng.sample(PLACES, 2)
    person, body, verb = rng.choice(PEOPLE), rng.choice(BODIES), rng.choice(VERBS)
    when, _ = _date(rng)
    kind = rng.random()
    if kind < 0.35:
        counted, _ = rng.choice(COUNTED)
        qualifier = rng.choice(QUALIFIERS)
        figure = f"{qualifier} {_number(rng)}".strip()
        forms = [f"{body.capitalize()} {verb} that {figure} {counted} in {place} as of {when}.",
                 f"{figure.capitalize()} {counted} across the country by {when}, according to {body}.",
                 f"According to {person}, {figure} {counted} in {place} and {place2}."]
        return rng.choice(forms)
    if kind < 0.45:
        amount = f"{rng.randint(2, 400)} {rng.choice(MONEY_UNITS)}"
        return rng.choice([
            f"Damage to businesses in {place} was estimated at {amount}, {body} {verb}.",
            f"{person} said the government would spend {amount} on reconstruction by {when}.",
            f"The price of gas rose from {rng.randint(40, 70)} to {rng.randint(90, 140)} tenge per litre on {when}.",
        ])
    if kind < 0.6:
        return (f"\u201cWe will not allow {rng.choice(ACTORS)} to destroy {place},\u201d {person} {verb} "
                f"{when}, adding that {rng.choice(ACTORS)} had attacked government buildings.")
    template = rng.choice(FILLER)
    return template.format(place=place, place2=place2, person=person, weekday=rng.choice(WEEKDAYS),
                           body_cap=body.capitalize())


def article(rng: random.Random, words: int) -> tuple[str, ...]:
    """Paragraphs of about ``words`` words, 2–5 sentences each."""
    paragraphs: list[str] = []
    total = 0
    while total < words:
        paragraph = " ".join(_sentence(rng) for _ in range(rng.randint(2, 5)))
        paragraphs.append(paragraph)
        total += len(paragraph.split())
    return tuple(paragraphs)


def make_corpus(n_pages: int, hosts: int = 25, min_words: int = 300, max_words: int = 1500,
                seed: int = 20220105) -> Corpus:
    rng = random.Random(seed)
    corpus = Corpus()
    for i in range(n_pages):
        host = i % hosts
        words = rng.randint(min_words, max_words)
        place = rng.choice(PLACES)
        counted, _ = rng.choice(COUNTED)
        title = f"{place}: {_number(rng)} {counted.split(' were')[0].split(' remain')[0]}, officials say ({i})"
        published = START + dt.timedelta(days=rng.randint(3, 40))
        corpus.pages.append(Page(host, f"/news/{i:06d}-{place.lower()}", title, published, article(rng, words)))
    return corpus


def revise(page: Page, seed: int) -> Page:
    """The same page with one paragraph rewritten (a new figure): a changed article."""
    rng = random.Random(seed)
    paragraphs = list(page.paragraphs)
    paragraphs[rng.randrange(len(paragraphs))] = " ".join(_sentence(rng) for _ in range(3))
    return Page(page.host, page.path, page.title, page.published, tuple(paragraphs), page.revision + 1,
                page.captions)


# An analytics snippet as real pages carry (one constant: the line is too long for the template).
_GTAG = ("<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}"
         "gtag('js',new Date());</script>")


def page_html(page: Page, site_name: str) -> str:
    """The article inside a realistic page: head metadata, navigation, ads, related links, footer."""
    esc = html.escape
    body = "\n".join(f"<p>{esc(p)}</p>" for p in page.paragraphs)
    if page.captions:  # after the lead, as news pages place their photos
        figures = "".join(f'<figure><img src="/img/{page.host}-{k}.jpg" alt=""><figcaption>{esc(c)}</figcaption>'
                          f"</figure>" for k, c in enumerate(page.captions))
        first, _, rest = body.partition("\n")
        body = f"{first}\n{figures}\n{rest}"
    related = "".join(f'<li><a href="/news/{page.host}-{k}">{esc(t)}</a></li>'
                      for k, t in enumerate(["Markets rally as oil climbs", "Weather: snow expected in the north",
                                             "Football: league resumes next week", "Opinion: what comes next"]))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{esc(page.title)} | {esc(site_name)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:site_name" content="{esc(site_name)}">
<meta property="og:title" content="{esc(page.title)}">
<meta property="article:published_time" content="{page.published.isoformat()}T09:30:00Z">
<link rel="stylesheet" href="/static/site.css">
{_GTAG}
</head><body>
<header><a class="logo" href="/">{esc(site_name)}</a>
<nav><ul><li><a href="/world">World</a></li><li><a href="/business">Business</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/opinion">Opinion</a></li></ul></nav></header>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
<div class="ad">Advertisement</div>
<main><article>
<h1>{esc(page.title)}</h1>
<p class="byline">By Staff Reporter</p>
<time datetime="{page.published.isoformat()}">{page.published:%B %d, %Y}</time>
{body}
</article>
<aside><h3>Related articles</h3><ul>{related}</ul></aside></main>
<div class="newsletter">Sign up for our morning briefing. <input type="email"></div>
<footer><p>&copy; 2022 {esc(site_name)}. All rights reserved.</p>
<p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a> <a href="/contact">Contact</a></p></footer>
<script src="/static/app.js"></script>
</body></html>"""


def site_name(host: int) -> str:
    return f"Bench News {host:02d}"


def story_for(corpus: Corpus, url_of: Callable[[Page], str], story_id: str = "bench") -> Story:
    """One story with one source per site, following every page of the corpus."""
    from pipeline.models import Source, Story

    by_host: dict[int, list[str]] = {}
    for page in corpus.pages:
        by_host.setdefault(page.host, []).append(url_of(page))
    sources = tuple(
        Source(id=f"{story_id}-s{host:02d}", name=site_name(host), kind=SOURCE_KINDS[host % len(SOURCE_KINDS)],
               country="KZ", language="en", urls=tuple(urls), allow_private=True)
        for host, urls in sorted(by_host.items()))
    return Story(id=story_id, title="Benchmark story", description="Generated pages", sources=sources)

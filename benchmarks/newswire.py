"""A news-dense corpus: wire copy about unrest and disasters, as dense in figures as real news.

The default corpus (``corpus.py``) has one figure per ~33 words as our extractor counts
them. Wire copy about unrest or a disaster has one every 15–25 words (this corpus: ~16):
tolls and their revisions ("rose to 47
from 31"), ranges ("between 300 and 400"), parts of a toll ("12 of them children"),
money, percentages, times, datelines, photo captions, and many names, bodies and quotes.
Every sentence here is our own, invented; the kinds of facts are those of real reports.
Deterministic from the seed.
"""

from __future__ import annotations

import datetime as dt
import random
import string

from .corpus import Corpus, Page

START = dt.date(2022, 1, 2)
AGENCIES = ["Bench Wire", "Steppe Press", "Meridian News Agency", "North Desk", "Caspian Report"]
UNREST_PLACES = ["Almaty", "Aktobe", "Shymkent", "Zhanaozen", "Taraz", "Karaganda", "Atyrau", "Aktau",
                 "Kyzylorda", "Taldykorgan", "Uralsk", "Semey"]
DISASTER_PLACES = ["Tuzkol", "Belsai", "Ordabasy", "Kenteke", "Sarykamys", "Akzhar", "Zhalpak", "Karasu",
                   "Kokterek", "Ulken Bulak", "Shalkar", "Temirtau"]
REGIONS = ["Mangystau region", "Almaty region", "Zhambyl province", "the southern provinces",
           "the Caspian coast", "the northern districts", "Turkistan region"]
FIRST = ["Aidos", "Saule", "Yerbol", "Madina", "Ruslan", "Zarina", "Bolat", "Aliya", "Nurlan", "Dana",
         "Serik", "Asel", "Kanat", "Laura", "Timur", "Gaukhar", "Olzhas", "Inkar", "Marat", "Dinara"]
LAST = ["Zhumabekov", "Ospanova", "Kaliyev", "Nurmagambetova", "Sadykov", "Baimukhanova", "Yessenov",
        "Tulegenova", "Abenov", "Iskakova", "Rakhimov", "Dosmukhamedova", "Omarov", "Seitkazina"]
ROLES = ["a spokesman for the interior ministry", "the regional governor", "a doctor at the city hospital",
         "the deputy emergencies minister", "a volunteer with the Red Crescent", "the head of the rescue team",
         "a shop owner", "the city's mayor", "a police colonel", "a local rights activist",
         "the health minister", "a resident of the old town"]
BODIES = ["the interior ministry", "the health ministry", "the emergencies ministry", "the prosecutor's office",
          "the national statistics office", "the Red Crescent", "the UN humanitarian office",
          "the regional administration", "an independent monitoring group", "the central bank"]
MONTHS = ["Jan.", "January", "Jan"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "a dozen", "dozens of"]
CURRENCIES = [("${}", " million"), ("${}", " million"), ("{}", " billion tenge"), ("{}", " million tenge"),
              ("€{}", " million"), ("{}", " million rubles")]

TOPICS = {
    "unrest": {
        "places": UNREST_PLACES,
        "event": ["the protests", "the unrest", "the riots", "the clashes", "the demonstrations"],
        "cause": "a sharp rise in fuel prices",
        "harm": ["detained", "arrested", "held in custody"],
        "damage": ["shops were looted", "cars were set on fire", "police vehicles were burned",
                   "government buildings were stormed", "bank branches were ransacked"],
    },
    "quake": {
        "places": DISASTER_PLACES,
        "event": ["the earthquake", "the quake", "the tremor", "the aftershocks"],
        "cause": "a magnitude 6.4 earthquake",
        "harm": ["rescued from the rubble", "pulled alive from collapsed homes", "treated for injuries"],
        "damage": ["houses collapsed", "schools were damaged", "bridges were closed", "apartment blocks cracked",
                   "roads were cut by landslides"],
    },
    "flood": {
        "places": DISASTER_PLACES,
        "event": ["the floods", "the flooding", "the storm", "the heavy rain"],
        "cause": "three days of torrential rain",
        "harm": ["evacuated by boat", "rescued from rooftops", "moved to higher ground"],
        "damage": ["homes were flooded", "hectares of crops were lost", "livestock drowned",
                   "villages were cut off", "dams overflowed"],
    },
}

# One sentence each; a ``{key}`` is filled by :func:`_value`. Most carry two or more figures.
TEMPLATES = {
    "toll": [
        "The death toll from {event} rose to {toll_new} on {date}, up from {toll_old} a day earlier, {body} said.",
        "{Body} revised the number of dead down to {toll_new} from {toll_old}, saying some victims had been "
        "counted twice.",
        "At least {toll_new} people were killed and {injured} injured, {n_small} of them critically, "
        "according to {body}.",
        "Of the {toll_new} dead, {part} were children and {part2} were police officers, {person}, {role}, "
        "told reporters.",
        "{Body} put the toll at {toll_new}, while {body2} said it had recorded at least {toll_more} deaths by {date}.",
        "More than {injured} people have been treated in hospitals since {date}, {part} of whom remain in "
        "intensive care.",
    ],
    "range": [
        "Between {range_lo} and {range_hi} people were believed to be missing in {place} on {weekday}, rescuers said.",
        "Officials estimated that {range_lo} to {range_hi} {harm_people} in {place} alone.",
        "Some {range_lo}-{range_hi} residents spent the night in {n_small} temporary shelters set up in schools.",
        "Local media reported anywhere from {range_lo} to {range_hi} casualties, a figure {body} would not confirm.",
    ],
    "harm": [
        "{Body} said {count} people had been {harm} in {place} since {date}, including {part} foreign nationals.",
        "Nearly {count} people were {harm} overnight, bringing the total since {date} to {count_more}.",
        "In {place}, {count} {damage_plain}, and {n_small} more in {place2}, {person} said.",
        "About {count} people were {harm} on {weekday} and {n_small} more on {weekday2}, the {agency} tally shows.",
        "{Number_word} {damage} in {place2} and at least {count} people were {harm}, witnesses told {agency}.",
    ],
    "money": [
        "The government set aside {money} for emergency relief, {person}, {role}, said on {weekday}.",
        "Damage in {place} alone was estimated at {money}, roughly {pct} of the region's annual budget.",
        "Insurers expect claims of {money} to {money2}, {body} said in a statement on {date}.",
        "The World Bank offered a loan of {money}, while donors pledged another {money2} by {date}.",
        "Each family that lost a home will receive {small_money}, and {count} applications had been filed by "
        "{weekday}.",
    ],
    "percent": [
        "About {pct} of homes in {place} were left without power, and water supply fell by {pct2}.",
        "Prices of bread and fuel in {place} rose {pct} in a week, the statistics office said.",
        "Turnout at the funerals was huge: {count} people, or nearly {pct} of the town, attended on {date}.",
        "Mobile internet traffic dropped by {pct} on {date} before recovering to {pct2} of normal levels.",
    ],
    "time": [
        "The curfew, in force from {hour_pm} p.m. to {hour_am} a.m., was extended until {date}.",
        "The first {event_word} struck at {clock} local time, followed by {n_small} aftershocks within {hours} hours.",
        "By {clock} on {weekday}, {count} calls had reached the emergency line, {part} of them from {place}.",
        "Flights resumed on {date} after a {hours}-hour closure that affected {count} passengers.",
    ],
    "quote": [
        "\u201cWe counted {part} bodies in one street alone,\u201d said {person}, {role}.",
        "\u201cThere were {range_lo}, maybe {range_hi} people in the square when the shooting began,\u201d "
        "{person} said.",
        "\u201cWe have {n_small} ambulances for {count} injured; it is not enough,\u201d said {person}, {role}.",
        "\u201cMy shop lost {small_money} in one night,\u201d {person}, {role}, told {agency} on {date}.",
        "\u201cNobody told us anything for {hours} hours,\u201d said {person}, who waited outside the "
        "hospital with {part} relatives.",
    ],
    "plain": [
        "{Person}, {role}, said the figures were preliminary and could rise as rescuers reached remote villages.",
        "{Body} did not say how the count was made or whether it included people who died later in hospital.",
        "Residents of {place} described queues outside banks and pharmacies as deliveries stopped.",
        "Journalists were not allowed into the worst-hit districts, and {agency} could not verify the reports "
        "independently.",
        "{Event} followed {cause}, and the worst damage was in {place} and {place2}.",
        "\u201cThe water came in the middle of the night and took everything we had,\u201d said {person}, {role}.",
        "{Person} said the authorities had been warned weeks earlier but had done nothing to prepare the town.",
        "Television showed crowds gathering outside the administration building in {place} and soldiers "
        "blocking the road.",
        "Relatives of the missing gathered at the town hall in {place}, where officials read out names from a list.",
        "\u201cWe are doing everything we can, but the roads are blocked and the phones do not work,\u201d "
        "{person} said.",
        "{Body} promised an inquiry into the response, and {person}, {role}, called for those responsible to "
        "be punished.",
        "Aid convoys from {place2} reached the area late on {weekday}, carrying food, blankets, tents and medicine.",
    ],
}
TEMPLATES["dated"] = [  # happenings with their dates, as a timeline paragraph of wire copy has them
    "A state of emergency was declared in {place} on {date} and a curfew was imposed from {hour_pm} p.m.",
    "The government resigned on {date}, two days after {event} began in {place}.",
    "{Person} declared a day of mourning for {date}, when flags will fly at half-mast in {place}.",
    "Mobile internet was shut down across the region on {date} and restored {n_small} hours later.",
    "The state of emergency in {place} was lifted on {date}, {body} announced.",
]
# How often each kind of sentence comes: tolls and counts dominate wire copy on such days.
WEIGHTS = {"toll": 4, "range": 2, "harm": 4, "money": 2, "percent": 2, "time": 2, "quote": 3, "dated": 1, "plain": 12}
CAPTIONS = [
    "Rescuers search a collapsed building in {place} on {date}. Photo: {agency} / {person}",
    "Police officers stand guard in central {place}, {date}. At least {count} people were {harm} that day.",
    "Residents queue for water in {place} on {weekday}; {pct} of the town had no supply. Photo: {person}",
    "Relatives wait outside the morgue in {place}, where {part} bodies were brought on {date}.",
]


class _Fill(dict):
    """Values for one sentence, made on first use so a key repeated in it agrees."""

    def __init__(self, rng: random.Random, topic: dict, published: dt.date):
        super().__init__()
        self.rng, self.topic, self.published = rng, topic, published

    def __missing__(self, key: str) -> str:
        value = _value(key.lower(), self)
        if key[0].isupper():
            value = value[:1].upper() + value[1:]
        self[key] = value
        return value


def _count(rng: random.Random) -> int:
    value = rng.choice([rng.randint(12, 99), rng.randint(100, 999), rng.randint(1000, 9999)])
    return round(value, -1) if value > 100 and rng.random() < 0.4 else value


def _money(rng: random.Random) -> str:
    prefix, unit = rng.choice(CURRENCIES)
    amount = rng.choice([str(rng.randint(2, 900)), f"{rng.randint(1, 9)}.{rng.randint(1, 9)}"])
    return prefix.format(amount) + unit


def _date(rng: random.Random, published: dt.date) -> str:
    day = published - dt.timedelta(days=rng.randint(0, 4))
    return rng.choice([f"{rng.choice(MONTHS)} {day.day}", f"{day.day} January", f"{day:%A}",
                       f"{day:%B} {day.day}, {day.year}", f"{day:%d.%m.%Y}"])


def _value(key: str, fill: _Fill) -> str:  # noqa: C901 - one flat table of value makers
    rng, topic = fill.rng, fill.topic
    if key in ("toll_new", "toll_old", "toll_more"):
        old = rng.randint(8, 240)
        fill["toll_old"], fill["toll_new"] = str(old), str(old + rng.randint(3, 60))
        fill["toll_more"] = str(int(fill["toll_new"]) + rng.randint(5, 90))
        return fill[key]
    if key in ("range_lo", "range_hi"):
        low = rng.choice([rng.randint(2, 9) * 10, rng.randint(1, 9) * 100, rng.randint(1, 5) * 1000])
        fill["range_lo"], fill["range_hi"] = f"{low:,}", f"{low + low // rng.choice([2, 4, 5]):,}"
        return fill[key]
    if key in ("count", "count_more", "injured"):
        value = _count(rng)
        fill["count"], fill["count_more"] = f"{value:,}", f"{value * rng.randint(2, 5) + rng.randint(1, 99):,}"
        fill["injured"] = f"{value:,}"
        return fill[key]
    makers = {
        "n_small": lambda: str(rng.randint(2, 40)),
        "part": lambda: str(rng.randint(2, 30)),
        "part2": lambda: str(rng.randint(2, 12)),
        "hours": lambda: str(rng.randint(2, 72)),
        "pct": lambda: rng.choice([f"{rng.randint(5, 90)}%", f"{rng.randint(5, 90)} percent",
                                   f"{rng.randint(5, 90)} per cent"]),
        "pct2": lambda: f"{rng.randint(10, 95)}%",
        "money": lambda: _money(rng),
        "money2": lambda: _money(rng),
        "small_money": lambda: rng.choice([f"${rng.randint(2, 90) * 100:,}", f"{rng.randint(1, 9) * 100_000:,} tenge"]),
        "date": lambda: _date(rng, fill.published),
        "weekday": lambda: rng.choice(WEEKDAYS),
        "weekday2": lambda: rng.choice(WEEKDAYS),
        "hour_pm": lambda: str(rng.randint(8, 11)),
        "hour_am": lambda: str(rng.randint(5, 7)),
        "clock": lambda: f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}",
        "place": lambda: rng.choice(topic["places"]),
        "place2": lambda: rng.choice(topic["places"] + REGIONS),
        "person": lambda: f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        "role": lambda: rng.choice(ROLES),
        "body": lambda: rng.choice(BODIES),
        "body2": lambda: rng.choice(BODIES),
        "agency": lambda: rng.choice(AGENCIES),
        "event": lambda: rng.choice(topic["event"]),
        "event_word": lambda: rng.choice(["tremor", "blast", "shots", "explosion"]),
        "cause": lambda: topic["cause"],
        "harm": lambda: rng.choice(topic["harm"]),
        "harm_people": lambda: "people were " + rng.choice(topic["harm"]),
        "damage": lambda: rng.choice(topic["damage"]),
        "damage_plain": lambda: rng.choice(topic["damage"]),
        "number_word": lambda: rng.choice(NUMBER_WORDS),
    }
    return makers[key]()


def _sentence(rng: random.Random, topic: dict, published: dt.date, kind: str | None = None) -> str:
    kind = kind or rng.choices(list(WEIGHTS), weights=list(WEIGHTS.values()))[0]
    return rng.choice(TEMPLATES[kind]).format_map(_Fill(rng, topic, published))


def _dateline(rng: random.Random, place: str, published: dt.date) -> str:
    return f"{place.upper()}, {rng.choice(['Jan', 'Jan.', 'January'])} {published.day} ({rng.choice(AGENCIES)}) \u2014"


def news_article(rng: random.Random, topic: dict, place: str, published: dt.date,
                 words: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(paragraphs, captions): a dateline and a toll first, then 1–3 sentence paragraphs, as wire copy."""
    lead = f"{_dateline(rng, place, published)} {_sentence(rng, topic, published, 'toll')}"
    paragraphs, total = [lead], len(lead.split())
    while total < words:
        paragraph = " ".join(_sentence(rng, topic, published) for _ in range(rng.randint(1, 3)))
        paragraphs.append(paragraph)
        total += len(paragraph.split())
    captions = tuple(rng.choice(CAPTIONS).format_map(_Fill(rng, topic, published))
                     for _ in range(rng.randint(0, 2)))
    return tuple(paragraphs), captions


def make_dense_corpus(n_pages: int = 160, hosts: int = 25, min_words: int = 260, max_words: int = 840,
                      seed: int = 20220106) -> Corpus:
    """~160 pages, ~90,000 words of figure-dense wire copy (the defaults)."""
    rng = random.Random(seed)
    corpus = Corpus()
    names = list(TOPICS)
    for i in range(n_pages):
        topic_name = names[i % len(names)]
        topic = TOPICS[topic_name]
        place = rng.choice(topic["places"])
        published = START + dt.timedelta(days=rng.randint(3, 20))
        paragraphs, captions = news_article(rng, topic, place, published, rng.randint(min_words, max_words))
        title = _headline(rng, topic, place, published)
        slug = "".join(c for c in place.lower().replace(" ", "-") if c in string.ascii_lowercase + "-")
        corpus.pages.append(Page(i % hosts, f"/wire/{i:06d}-{topic_name}-{slug}", f"{title} ({i})", published,
                                 paragraphs, captions=captions))
    return corpus


def _headline(rng: random.Random, topic: dict, place: str, published: dt.date) -> str:
    fill = _Fill(rng, topic, published)
    return rng.choice([
        "{Event} in {place}: toll rises to {toll_new}, {count} {harm}",
        "{place}: at least {toll_new} dead as {event} spread",
        "Officials revise {place} toll to {toll_new}; damage put at {money}",
    ]).replace("{place}", place).format_map(fill)

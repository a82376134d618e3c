"""Names found from their structure, not from lists: organisations of any country, names written in
capitals, and the canonical forms of peoples ("Kazakh" → "Kazakhs").

Each rule is a small function with the sentence it exists for.
"""

from __future__ import annotations

import re

# The head noun that makes a run of capitalised words an organisation: "the Arequipa Regional Police
# Command", "the Vice-Ministry of Civil Defence", "the Coalition for Fair Fuel", "Human Rights Watch".
_HEADS = ("Agency", "Army", "Assembly", "Association", "Authority", "Bank", "Board", "Bureau", "Chamber",
          "Coalition", "Command", "Commission", "Committee", "Congress", "Council", "Court", "Department",
          "Directorate", "Division", "Federation", "Foundation", "Front", "Fund", "Guard", "Inspectorate",
          "Institute", "League", "Ministry", "Navy", "Office", "Organisation", "Organization", "Party", "Police",
          "Programme", "Service", "Society", "Union", "Watch")
_CAP = r"[A-Z][\w’']*(?:-[A-Z][\w’']*)*"  # "Vice-Ministry", "Bakers'", "Prosecutor's"
_HEAD = r"(?:[A-Z][\w]*-)?(?:" + "|".join(_HEADS) + r")(?![\w-])"
_JOIN = r"(?:of|for) (?:the )?"  # "on Friday", "and the Army" end it
# "the Department of Hydrology and Meteorology", "the Ministry of Health and Population": "and" inside the
# "of" phrase joins its last words
ORG_PHRASE = re.compile(rf"(?<![\w’'-])(?:{_CAP} (?:and )?)*{_HEAD}(?: {_JOIN}{_CAP}(?: {_CAP})*"
                        rf"(?: and {_CAP}(?! {_HEAD}))?)*")
# Words that start a sentence without being part of a name ("Yesterday Police said", "The Ministry").
_NOT_NAME_START = {"the", "a", "an", "this", "that", "yesterday", "today", "later", "earlier", "meanwhile", "and",
                   "but", "according", "when", "while", "after", "before", "since", "on", "in", "at", "by", "as"}


def org_phrases(text: str) -> list[tuple[int, int]]:
    """Spans of capitalised names ending in (or built on) an organisation's head noun: "Instructs the
    Vice-Ministry of Civil Defence to act" → "Vice-Ministry of Civil Defence". A head noun alone
    ("Police said") is no name."""
    spans = []
    for m in ORG_PHRASE.finditer(text):
        start, words = m.start(), m.group(0).split(" ")
        while words and words[0].casefold() in _NOT_NAME_START:
            start += len(words.pop(0)) + 1
        while words and words[-1] in ("and", "of", "for", "on", "the"):
            words.pop()
        if len(words) >= 2:
            spans.append((start, start + len(" ".join(words))))
    return spans


_SMALL = {"of", "the", "and", "for", "on", "in", "de", "del", "la"}


def uncapped(name: str) -> str:
    """A name written in capitals, as written in running text: "NATIONAL POLICE OF PERU" → "National
    Police of Peru"; acronyms ("OCHA") stay."""
    if not name.isupper() or " " not in name.strip():
        return name
    words = [w.lower() if w.lower() in _SMALL and i else w.title() for i, w in enumerate(name.split())]
    return re.sub(r"['’]S\b", "'s", " ".join(words))


_CAPS_LINE = re.compile(r"(?m)^[^a-z\n]*[A-Z]{2}[^a-z\n]*$")


def cased_lines(text: str) -> str:
    """The text with its lines in capitals written as in running text, same length and offsets, so that
    rules written for running text read headings ("NATIONAL ASSEMBLY OF ESTAVIA")."""
    def recase(m: re.Match) -> str:
        line = re.sub(r"[A-Z][A-Z]*", lambda w: w.group(0).title(), m.group(0))
        line = re.sub(r"\b(Of|The|And|For)\b|(?<=['’])S\b", lambda w: w.group(0).lower(), line)
        return line if len(line) == len(m.group(0)) else m.group(0)
    return _CAPS_LINE.sub(recase, text)


# A speaker's name before a colon at the start of a transcript line: "CHIOMA EZE: Good morning".
SPEAKER = re.compile(r"(?m)^([A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+){1,2}):\s")


def people_noun(name: str) -> str:
    """A people or group under one name, the plural people noun: "Kazakh" and "Kazakhs" → "Kazakhs",
    "Peruvian" → "Peruvians"; "Sudanese", "French", "Swiss" do not change."""
    if not name[-1:].isalpha() or not name[:1].isupper() or name.isupper() or " " in name:
        return name
    if re.search(r"(?:s|ese|sh|ch|z|x|i{2})$", name):
        return name
    if name.endswith("man"):  # "Englishman"
        return name[:-3] + "men"
    return name + "s"


def has_head(name: str) -> bool:
    """"Ministry of Finance" names a body by its head noun; "Artibonite department" does not."""
    return bool(re.search(_HEAD, name))


def country_form(name: str, country_of: dict[str, str]) -> tuple[str, str | None]:
    """A body and its country apart: "Ministry of Internal Affairs of the Republic of Kazakhstan" →
    ("Ministry of Internal Affairs", "Kazakhstan"); ``country_of`` maps a spelling (casefolded) to
    its country's canonical name. "Nigeria's Ministry of Finance" → ("Ministry of Finance", "Nigeria")."""
    owner = re.fullmatch(r"(.+?)['’]s (.+)", name)
    if owner and country_of.get(owner.group(1).casefold()):
        return owner.group(2), country_of[owner.group(1).casefold()]
    for m in re.finditer(r" of (?:the )?", name):
        country = country_of.get(name[m.end():].casefold())
        if country:
            return name[:m.start()], country
    return name, None

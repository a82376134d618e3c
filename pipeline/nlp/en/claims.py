"""From a number in a parsed sentence to a claim: what it counts, what happened to it,
as of when, according to whom, and where.

Rules on spaCy's dependency parse: the noun a number modifies is what it counts (with
its compounds, adjectives and coordinated nouns); the verb above it is what happened;
a number that is a subject on its own ("… and 18 were killed") counts the group of the
figure before it in the sentence.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .lexicons import claim_lexicon

SAY_VERBS = {"say", "tell", "report", "announce", "state", "note", "highlight", "stress", "confirm", "estimate",
             "add", "claim", "declare", "write", "cite", "put", "count", "emphasize", "emphasise", "warn",
             "explain", "disclose", "reveal", "insist", "acknowledge", "tweet", "quote", "publish"}
# Nouns that hold what is really counted in an "of" phrase: "33 cases of attacks".
CONTAINERS = {"case", "number", "total", "group", "dozen", "hundred", "thousand", "million", "score", "ten",
              "incident", "instance", "count", "tally", "unit"}
# Nouns naming a count rather than a group: "the number of people detained rose to 10,000".
TALLY_NOUNS = {"number", "total", "tally", "toll", "figure", "count"}
CURRENCY_WORDS = {"tenge", "euro", "dollar", "rouble", "ruble", "dinar", "pound", "yuan", "som", "kzt", "usd",
                  "eur", "rub", "naira", "rupee", "lira", "rand", "yen", "hryvnia", "shekel"}
PRICE_CONTEXT = re.compile(r"\b(price|prices|per (?:1 )?lit(?:er|re)|per litre|a litre|a liter|cost|costs|tariff|"
                           r"(?:sold|sells?|selling|bought|buy) for|at the pump|loaf|a kilo(?:gram)?|per kilo(?:gram)?|"
                           r"per kg|a kg|caps?|capped|price ceiling)\b", re.I)
_DISPLACED = re.compile(r"\b(?:forced|driven|drove|fled|chased|displaced|evacuated)\b[^.;]{0,60}?\b(?:from|out of|"
                        r"left)\s+(?:their\s+|its\s+)?homes?\b", re.I)
DAMAGE_CONTEXT = re.compile(r"\b(damage|losses|loss|destroyed)\b", re.I)
_AS_OF = re.compile(r"\bas (?:of|at)\b[^.;]{0,25}$", re.I)
_SINCE = re.compile(r"\b(?:since|from|between|after|before|until|till)\s+(?:the\s+)?$", re.I)
_OWN_RANK = re.compile(r"^(?:the\s+|\w+['’]s\s+)+", re.I)  # 'the', "city's"


def number_anchor(span: Span) -> Token:
    """The token of a number phrase that attaches it to the sentence."""
    for token in reversed(span):
        if token.head.i < span.start or token.head.i >= span.end or token.head == token:
            return token
    return span[-1]


def counted_noun(anchor: Token) -> Token | None:
    """The noun a number quantifies, if any."""
    if anchor.pos_ in ("NOUN", "PROPN") and not any(ch.isdigit() for ch in anchor.text) and anchor.lower_ not in ("hundreds", "thousands", "dozens", "millions",
                                                                   "scores", "tens", "dozen", "%"):
        return anchor
    if anchor.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and anchor.head.pos_ in ("NOUN", "PROPN"):
        return anchor.head
    # "Hundreds of people", "dozens of protesters": the noun after "of".
    for child in anchor.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.pos_ in ("NOUN", "PROPN"):
                    return pobj  # not "one of them"
    return None


def content_noun(noun: Token) -> Token:
    """What a container noun holds: 'cases of attacks' → attacks; other nouns are themselves."""
    if noun.lemma_.lower() not in CONTAINERS:
        return noun
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.pos_ in ("NOUN", "PROPN"):
                    return pobj
    return noun


def phrase_of(noun: Token, after: int) -> str:
    """The noun with its compounds, adjectives and coordinated nouns, from ``after`` on."""
    keep = {noun.i}
    stack = [noun]
    while stack:
        token = stack.pop()
        for child in token.children:
            if child.dep_ == "amod" and child.i > token.i:
                continue  # "26 criminals dead": a state, not part of the group's name
            if child.dep_ in ("compound", "amod", "conj", "cc", "nmod", "hyph") or (
                    token == noun and child.dep_ == "prep" and child.lower_ == "of" and noun.lemma_ in CONTAINERS):
                if child.dep_ == "conj" and (child.pos_ not in ("NOUN", "PROPN") or any(
                        g.dep_ == "nummod" for g in child.children)):
                    continue  # "70 terrorists and 30 looters": the looters are a figure of their own
                keep.add(child.i)
                stack.append(child)
            elif child.dep_ == "pobj" and token.dep_ == "prep":
                keep.add(child.i)
                stack.append(child)
    indexes = sorted(i for i in keep if i >= after)
    if not indexes:
        return noun.text
    doc = noun.doc
    while len(indexes) > 1 and doc[indexes[-1]].dep_ in ("cc", "punct"):
        indexes.pop()  # "70 terrorists and 30 looters": the "and" belongs to no group
    return doc[indexes[0]:indexes[-1] + 1].text.strip(" ,")


def tally_of(verb: Token | None) -> Token | None:
    """The tally a number is the value of: the subject or object of its verb ("the death toll
    rose to 225", "put the number of dead at 227", "the toll is 238")."""
    if verb is None:
        return None
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj") and child.lemma_.lower() in TALLY_NOUNS:
            return child
    if verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return tally_of(verb.head)  # "the count rose to 3,811 … and passed 4,400"
    return None


def tallied(tally: Token) -> Token | None:
    """What a tally counts: its "of" or "among" object ("number of dead", "toll among police")."""
    for prep in tally.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "among"):
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.pos_ in ("NOUN", "PROPN", "PRON", "ADJ"):
                    return pobj
    return None


def governing_verb(token: Token) -> Token | None:
    current = token
    for _ in range(8):
        if current.pos_ in ("VERB", "AUX") and current.dep_ not in ("amod", "compound"):
            return current
        if current.head == current:
            return None
        current = current.head
    return None


def claim_type_of(verb: Token | None, noun: Token | None, anchor: Token, unit: str | None,
                  sentence: Span) -> tuple[str, str | None]:
    """The claim type and the lemma that decided it (None when only the sentence's context did)."""
    lexicon = claim_lexicon()
    candidates: list[str] = []
    if noun is not None:  # "12 security personnel killed as …": the participle on the noun says it first
        # "officers and guardsmen injured": the participle after the noun or its coordinated nouns
        for head in (noun, *(c for c in noun.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN"))):
            candidates += [c.lemma_.lower() for c in head.children if c.pos_ == "VERB" and (
                c.dep_ == "acl" or c.dep_ == "amod" and c.i > head.i)]
    after = anchor.doc[anchor.i + 1] if anchor.i + 1 < len(anchor.doc) else None
    if after is not None and after.pos_ in ("ADJ", "VERB") and after.head in (anchor, *anchor.children, anchor.head):
        candidates += [after.lemma_.lower(), after.lower_]  # "4,353 wounded", "12 dead"
    if verb is not None:
        candidates.append(verb.lemma_.lower())
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ == "NOUN":
                candidates.append(child.lemma_.lower())  # "the death toll rose to 225"
            if child.dep_ in ("nsubj", "nsubjpass", "dobj") and child.lemma_.lower() in TALLY_NOUNS:
                # "the number of people detained rose to …": what the tally holds says what happened
                candidates.extend(t.lemma_.lower() for t in child.subtree
                                  if t.pos_ in ("NOUN", "ADJ", "VERB") and t != child)
            if child.dep_ in ("dobj", "attr", "acomp", "oprd") and child.pos_ in ("NOUN", "ADJ", "VERB") or (
                    child.dep_ == "advmod" and child.pos_ == "ADJ"):  # "set ablaze"
                candidates.append(child.lemma_.lower())
            if child.dep_ in ("nsubj", "nsubjpass") and verb.lemma_ == "be":
                candidates.extend(t.lemma_.lower() for t in child.subtree if t.pos_ == "NOUN")
    if noun is not None:
        candidates.append(noun.lemma_.lower())
        candidates.extend(t.lemma_.lower() for t in _noun_phrase(noun) if t.pos_ in ("NOUN", "ADJ") and t != noun)
        if noun.dep_ in ("pobj",) and noun.head.head.pos_ == "NOUN":
            candidates.append(noun.head.head.lemma_.lower())  # "damage to business by 78 billion tenge"
    if verb is not None:  # last: "3,811 people are in custody", "remain in hospital"
        candidates += [pobj.lemma_.lower() for prep in verb.children
                       if prep.dep_ == "prep" and prep.lower_ in ("in", "into", "under", "to", "as", "on")
                       for pobj in prep.children if pobj.dep_ in ("pobj", "pcomp")
                       and pobj.pos_ in ("NOUN", "ADJ", "VERB")]  # "listed as missing"
    for lemma in candidates:
        if lemma in lexicon:
            if lemma == "burn" and re.search(r"\b(?:with|suffered|sustained|serious|severe)\s+(?:\w+\s+)?burns\b",
                                             sentence.text, re.I):
                return "injured", "burn"  # "four of them with serious burns": burns are injuries
            return lexicon[lemma], lemma
    if _DISPLACED.search(sentence.text):
        return "displaced", "home"  # "forced an estimated 14,600 people from their homes"
    if unit:
        # The price words near the figure, not anywhere in the sentence ("lost 1.4 billion roubles
        # because of falling coal prices" is not a price).
        at = anchor.idx - sentence.start_char  # the sentence's own text: doc.text is rebuilt on every call
        near = sentence.text[max(0, at - 60):at + 35]
        if PRICE_CONTEXT.search(near):
            return "price", "price"  # "120 tenge a litre", "a jump of 100% in the price"
        if DAMAGE_CONTEXT.search(sentence.text) and unit != "%":
            return "damage", "damage"
    return "other", None


def _noun_phrase(noun: Token) -> list[Token]:
    """The noun's own phrase, without the clauses hung on it ("cases over complaints that detainees
    were tortured" is about cases, not detainees)."""
    kept, stack = [], [noun]
    while stack:
        token = stack.pop()
        kept.append(token)
        stack.extend(c for c in token.children if c.dep_ not in ("relcl", "acl", "ccomp", "advcl", "appos") and not (
            c.dep_ == "conj" and any(g.dep_ == "nummod" for g in c.children)))  # "1,318 cases and 27 deaths"
    return kept


def as_of_date(sentence: Span, dates_in_sentence: list, published: str | None) -> str | None:
    """The sentence's own date ("as of January 7", "On January 7, …"), else publication."""
    text, offset = sentence.text, sentence.start_char  # not doc.text: spaCy rebuilds it on every call
    fallback = None
    for date in dates_in_sentence:
        if not date.value or date.precision != "day":
            continue
        before = text[max(0, date.start - offset - 30):date.start - offset]
        if _AS_OF.search(before):
            return date.value_end or date.value
        if fallback is None and not _SINCE.search(before) and not date.value_end:
            fallback = date.value
    return fallback or published


def _clean_name(span_text: str) -> str:
    text = _OWN_RANK.sub("", span_text.strip(" ,.;:«»\"“”'"))
    return re.sub(r"\s+of the Republic of \w+$", "", text)


def attribution(sentence: Span, canonical_of: dict[int, str]) -> str | None:
    """Who says so: 'According to X', or the subject of a verb of saying."""
    for token in sentence:
        if token.lower_ == "according":
            for prep in token.children:
                if prep.lower_ == "to":
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            return canonical_of.get(pobj.i) or _clean_name(_subtree_text(pobj))
    for token in sentence:
        if token.pos_ == "VERB" and token.lemma_.lower() in SAY_VERBS:
            for child in token.children:
                if child.dep_ == "nsubj" and child.pos_ != "PRON":
                    return canonical_of.get(child.i) or _clean_name(_subtree_text(child))
    return None


def _subtree_text(token: Token) -> str:
    """A noun phrase without trailing clauses: 'the Ministry of Internal Affairs'."""
    tokens = [t for t in token.subtree if t.dep_ not in ("relcl", "acl", "punct", "appos") or t == token]
    start, end = tokens[0].i, tokens[-1].i
    for t in tokens:
        if t.dep_ in ("relcl", "acl", "appos") and t.i > token.i:
            end = min(end, t.left_edge.i - 1)
    return token.doc[start:end + 1].text


_SHARE_WORDS = {"most", "many", "some", "mostly", "mainly", "half", "majority", "part", "several"}


def scope_of(verb: Token | None, noun: Token | None, places: dict[int, str], countries: set[str]) -> str | None:
    """A city or region the figure is limited to ("detained in Almaty"); None for a national total."""
    for head in (noun, verb):
        if head is None:
            continue
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "at"):
                before = {t.lower_ for t in prep.doc[max(0, prep.i - 4):prep.i]}
                if before & _SHARE_WORDS:
                    continue  # "164 died, most of them in Karavan": a share, not the scope
                for pobj in prep.children:
                    name = places.get(pobj.i)
                    if name is None:
                        for inner in pobj.subtree:  # "in the city of Almaty"
                            name = places.get(inner.i) or name
                    if name and name.casefold() not in countries:
                        return name
    return None


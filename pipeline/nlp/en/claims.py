"""From a number in a parsed sentence to a claim: what it counts, what happened to it,
as of when, according to whom, and where.

Rules on spaCy's dependency parse: the noun a number modifies is what it counts (with
its compounds, adjectives and coordinated nouns); the verb above it is what happened;
a number that is a subject on its own ("… and 18 were killed") counts the group of the
figure before it in the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..layout import doc_cache
from .lexicons import claim_lexicon, currency_table, currency_words

SAY_VERBS = {"say", "tell", "report", "announce", "state", "note", "highlight", "stress", "confirm", "estimate",
             "add", "claim", "declare", "write", "cite", "put", "count", "emphasize", "emphasise", "warn",
             "explain", "disclose", "reveal", "insist", "acknowledge", "tweet", "quote", "publish"}
# Nouns that hold what is really counted in an "of" phrase: "33 cases of attacks".
CONTAINERS = {"case", "number", "total", "group", "dozen", "hundred", "thousand", "million", "score", "ten",
              "incident", "instance", "count", "tally", "unit"}
# Nouns naming a count rather than a group: "the number of people detained rose to 10,000".
TALLY_NOUNS = {"number", "total", "tally", "toll", "figure", "count", "estimate"}  # "its estimate of the damage"


def _currency_codes() -> dict[str, str]:
    """Every word a currency is written with after a number (currencies.yaml's "after" spellings and head
    names, "78 billion tenge", "25 cents") → its ISO code; the first row of a spelling wins ("rupee": INR)."""
    codes: dict[str, str] = {}
    for row in [*currency_table(), *currency_words()]:
        for word in (*row.get("after", []), row["name"]):
            codes.setdefault(word.lower(), row["code"])
    return codes


# Words written after a number that name its currency (currencies.yaml): "78 billion tenge", "2 million roubles".
CURRENCY_CODES = _currency_codes()
CURRENCY_WORDS = frozenset(CURRENCY_CODES)
PRICE_CONTEXT = re.compile(r"\b(price|prices|per (?:1 )?lit(?:er|re)|per litre|a litre|a liter|cost|costs|tariff|"
                           r"(?:sold|sells?|selling|bought|buy|went|goes|going) for|fetch(?:ed|es)?|at the pump|loaf|"
                           r"a kilo(?:gram)?|per kilo(?:gram)?|"
                           r"per kg|a kg|caps?|capped|price ceiling|"
                           # a sum for one measure of a good: "K 9,800 a viss", "90,000 leones a bag"
                           r"(?:a|per|each) (?:viss|bag|sack|bottle|gallon|tonne|ton|cylinder|tin|bunch|dozen|"
                           r"kilowatt-hour|kwh|cubic met(?:re|er)|ride|trip|fare))\b", re.I)
# A measure of a good written before its sum: "the litre of petrol went from 990 to 1,090 francs" (after the
# sum, "the litre of" opens another clause).
_MEASURE_OF_A_GOOD = re.compile(r"\b(?:the|one|a) (?:lit(?:re|er)|kilo(?:gram)?|kg|bag|sack|loaf|gallon|tonne) of "
                                r"[^.;]{0,40}$", re.I)
_DISPLACED = re.compile(r"\b(?:forced|driven|drove|fled|chased|displaced)\b[^.;]{0,60}?\b(?:from|out of|"
                        r"left)\s+(?:their\s+|its\s+)?homes?\b|"
                        # "60,000 more people left their homes on their own"
                        r"\b(?:left|leave|leaving|abandoned|lost)\s+(?:their|its)\s+homes?\b", re.I)
_ON_STREETS = re.compile(r"\b(?:onto|into|to|out on|took to|take to|taking to) the streets\b", re.I)
# Insured losses are damage: "property claims account for €173 million", "insurers expect to pay €40 million".
DAMAGE_CONTEXT = re.compile(r"\b(damage|losses|loss|destroyed|insur(?:ed|ance|ers?)|(?:property|motor|vehicle|home|"
                            r"crop|interruption|agricultural) claims)\b", re.I)
_AS_OF = re.compile(r"\bas (?:of|at)\b[^.;]{0,25}$", re.I)
_SINCE = re.compile(r"\b(?:since|from|between|after|before|until|till)\s+(?:the\s+)?$", re.I)
_OWN_RANK = re.compile(r"^(?:the\s+|\w+['’]s\s+)+", re.I)  # 'the', "city's"


def number_anchor(span: Span) -> Token:
    """The token of a number phrase that attaches it to the sentence (not the closing bracket of a restatement:
    "27 (twenty-seven) classrooms")."""
    for token in reversed(span):
        if not token.is_punct and (token.head.i < span.start or token.head.i >= span.end or token.head == token):
            return token
    return span[-1]


_VAGUE_NOUNS = {"hundreds", "thousands", "dozens", "millions", "scores", "tens", "dozen", "%"}
# Scale words the model does not take for numbers: "five lakh people" counts people (blind99).
_SOUTH_ASIAN_SCALES = {"lakh", "lakhs", "crore", "crores"}


def counted_noun(anchor: Token) -> Token | None:
    """The noun a number quantifies, if any."""
    # a number word is never its own noun, whatever its tag: "ELEVEN vehicles" (all capitals, tagged PROPN)
    if anchor.pos_ in ("NOUN", "PROPN") and not any(ch.isdigit() for ch in anchor.text) \
            and anchor.lower_ not in _VAGUE_NOUNS | _SOUTH_ASIAN_SCALES and not anchor.like_num:
        return anchor
    if anchor.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and anchor.head.pos_ in ("NOUN", "PROPN"):
        return anchor.head
    return _named_part(anchor) or _of_noun(anchor)  # "Hundreds of people", "dozens of protesters" (not "one of them")


# Groups a part is taken from that say what happened, not who: "19 of the dead were police officers".
_PART_STATES = {"dead", "killed", "injured", "wounded", "missing", "detained", "arrested", "displaced", "victims"}


def _named_part(anchor: Token) -> Token | None:
    """"11 people died, three of them volunteer firefighters", "Nineteen of the dead are children", "86 of the
    dead were assailants": a part of a group named by a pronoun or a state is the noun said of it right after."""
    whole = _of_object_of(anchor)
    if whole is None or not (whole.pos_ == "PRON" or whole.lower_ in _PART_STATES):
        return None
    noun = _noun_after(whole)
    return noun if noun is not None and noun.lower_ not in _PART_STATES else None


def _of_object_of(token: Token) -> Token | None:
    return next((p for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of"
                 for p in prep.children if p.dep_ == "pobj"), None)


def _noun_after(token: Token) -> Token | None:
    """The head noun of the phrase right after ``token``, past a copula and a determiner ("were the assailants")."""
    doc, at = token.doc, token.i + 1
    while at < len(doc) and (doc[at].lemma_ == "be" or doc[at].dep_ == "det"):
        at += 1
    if at >= len(doc) or doc[at].pos_ not in ("NOUN", "PROPN", "ADJ"):
        return None
    noun = doc[at]
    while noun.dep_ in ("compound", "amod") and noun.head.i > noun.i:
        noun = noun.head  # "volunteer firefighters"
    return noun if noun.pos_ in ("NOUN", "PROPN") else None


def _of_noun(token: Token) -> Token | None:
    """The noun after the token's "of": "cases of attacks" → attacks."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.pos_ in ("NOUN", "PROPN"):
                    return pobj
    return None


def content_noun(noun: Token) -> Token:
    """What a container noun holds: 'cases of attacks' → attacks; other nouns are themselves."""
    if noun.lemma_.lower() not in CONTAINERS:
        return noun
    return _of_noun(noun) or noun


def _counted_apart(child: Token) -> bool:
    """"70 terrorists and 30 looters": the looters are a figure of their own; "killed and injured" no group."""
    return child.dep_ == "conj" and (child.pos_ not in ("NOUN", "PROPN") or any(
        g.dep_ == "nummod" for g in child.children))


def _joins_phrase(child: Token, token: Token, noun: Token) -> bool:
    """Whether ``child`` of ``token`` belongs to the name of the group ``noun`` heads."""
    if child.dep_ == "amod" and child.i > token.i or _counted_apart(child):
        return False  # "26 criminals dead": a state, not part of the group's name
    return child.dep_ in ("compound", "amod", "conj", "cc", "nmod", "hyph") or (
        token == noun and child.dep_ == "prep" and child.lower_ == "of" and noun.lemma_ in CONTAINERS) or (
        child.dep_ == "pobj" and token.dep_ == "prep")


def phrase_of(noun: Token, after: int) -> str:
    """The noun with its compounds, adjectives and coordinated nouns, from ``after`` on."""
    keep = {noun.i}
    stack = [noun]
    while stack:
        token = stack.pop()
        joined = [child for child in token.children if _joins_phrase(child, token, noun)]
        keep.update(child.i for child in joined)
        stack.extend(joined)
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
    if verb.dep_ == "relcl" and verb.head.lemma_.lower() in TALLY_NOUNS:
        return verb.head  # "the death toll, which stood at 28 on Friday"
    return None


def tallied(tally: Token) -> Token | None:
    """What a tally counts: its "of" or "among" object ("number of dead", "toll among police")."""
    for prep in tally.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "among"):
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.pos_ in ("NOUN", "PROPN", "PRON", "ADJ", "VERB"):  # "of injured"
                    return pobj
    return None


def governing_verb(token: Token) -> Token | None:
    current = token
    for _ in range(8):
        if current.pos_ in ("VERB", "AUX") and current.dep_ not in ("amod", "compound") or _a_headline_verb(current):
            return _main_verb(current)
        if current.head == current:
            return None
        current = current.head
    return None


# Ranks whose infinitive says what happened to the whole group counted after them.
_RANKS = {"first", "last", "latest", "one", "second", "third", "fourth", "fifth"}


def rank_infinitive(noun: Token | None) -> Token | None:
    """"was the last of three people to die in the capital", "one of 12 protesters to be arrested": the
    infinitive after a rank is the verb of the whole group (three died in the capital), not "was"."""
    rank = noun.head.head if noun is not None and noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    if rank is None or rank.lower_ not in _RANKS:
        return None
    return next((c for c in rank.children if c.dep_ in ("relcl", "acl") and c.pos_ == "VERB" and _to_verb(c)), None)


def _to_verb(verb: Token) -> bool:
    return any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children)


def _a_headline_verb(token: Token) -> bool:
    """"Death toll climbs to 41" on a line of its own: the tagger calls "climbs" a noun, the parser gives it
    a subject and makes it the root."""
    return token.pos_ == "NOUN" and token.dep_ == "ROOT" and token.tag_ in ("NNS", "VBZ") \
        and any(c.dep_ == "nsubj" for c in token.children)


def _main_verb(verb: Token) -> Token:
    """"64 people are dead and 19 are missing": a subject the parser hung on an auxiliary belongs to the
    verb the auxiliary helps ("missing"), not to the verb of another figure's clause."""
    if verb.dep_ in ("aux", "auxpass") and verb.head.pos_ == "VERB" and verb.head.i > verb.i:
        return verb.head
    return verb


def _participles(verb: Token | None, noun: Token | None, anchor: Token) -> list[str]:
    """"12 security personnel killed as …", "officers and guardsmen injured": the participle on the
    noun (or its coordinated nouns) says it first."""
    if noun is None:
        return []
    heads = (noun, *(c for c in noun.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")),
             *_measured(noun))
    words = [c.lemma_.lower() for head in heads for c in head.children if _participle_on(c, head)]
    stray = _stray_participle(noun)
    return words or ([stray.lemma_.lower()] if stray is not None else [])


def _part_of_those(verb: Token | None, noun: Token | None, anchor: Token) -> list[str]:
    """"Fourteen of those still held are minors", "Among those arrested this week were 23 children" (blind94): the
    whole a part is taken from is named by what happened to it."""
    whole = _of_object_of(anchor) or _among(verb)
    if whole is None or whole.lower_ not in ("those", "them", "these"):
        return []
    return [c.lemma_.lower() for c in whole.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"]


def _among(verb: Token | None) -> Token | None:
    return next((p for prep in (verb.children if verb is not None else ()) if prep.dep_ == "prep"
                 and prep.lower_ == "among" for p in prep.children if p.dep_ == "pobj"), None)


def _stray_participle(noun: Token) -> Token | None:
    """"reports 14 deaths and 63 people injured": the participle right after the noun, which the parser hung
    on the sentence's verb (no subject and no auxiliary of its own: not "63 people injured were …")."""
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if after is None or after.tag_ != "VBN" or after.head == noun:
        return None
    return None if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in after.children) else after


_MEASURE_NOUNS = {"kilometre", "kilometer", "km", "mile", "metre", "meter", "hectare", "acre", "tonne", "ton"}


def _measured(noun: Token) -> list[Token]:
    """"1,240 kilometres of rural roads damaged": what a measure is of carries the participle."""
    if noun.lemma_.lower() not in _MEASURE_NOUNS:
        return []
    return [p for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "of"
            for p in prep.children if p.dep_ == "pobj"]


def _participle_on(child: Token, head: Token) -> bool:
    """After its noun ("12 personnel killed"), or before it when it says a lasting state ("11,860 internally
    displaced persons"; not "12 detained activists were released")."""
    return child.pos_ == "VERB" and (child.dep_ == "acl" or child.dep_ == "amod" and (
        child.i > head.i or child.lemma_.lower() in _STATE_BEFORE and not _died(head)))


_STATE_BEFORE = {"displace", "injure", "wound", "evacuate"}
_DYING = {"die", "perish", "succumb"}


def _died(noun: Token) -> bool:
    """"after two injured traders died in hospital": what they were before is not what happened (blind57)."""
    return noun.dep_ == "nsubj" and noun.head.lemma_.lower() in _DYING


def _relative_clause(verb: Token | None, noun: Token | None, anchor: Token) -> list[str]:
    """"the 4,353 people who were wounded": the clause on the noun says what happened to them; "212 people
    who are unaccounted for", "who remain missing": its state after a copula; "the 17 people who lost their
    lives": its object."""
    if noun is None:
        return []
    clauses = [c for c in noun.children if c.dep_ == "relcl" and c.pos_ in ("VERB", "AUX") and not _of_a_part(c)]
    return [word for clause in clauses for word in _clause_words(clause)]


def _clause_words(verb: Token) -> list[str]:
    """A clause's verb, its state after a copula, and its verb with its object, as the lexicon lists such
    pairs ("lose life"; not "who joined a march")."""
    lemma = verb.lemma_.lower()
    states = [g.lemma_.lower() for g in verb.children if g.dep_ in ("acomp", "attr", "oprd")]
    return [lemma, *states, *(f"{lemma} {g.lemma_.lower()}" for g in verb.children if g.dep_ == "dobj")]


def _of_a_part(clause: Token) -> bool:
    """"4,578 victims, of whom 4,353 were wounded": the clause tells of a part, not of the whole."""
    return any(t.lower_ in ("whom", "which") and t.head.lower_ == "of" for t in clause.subtree if t.i < clause.i)


def _word_after(verb: Token | None, noun: Token | None, anchor: Token) -> list[str]:
    """"4,353 wounded", "12 dead"."""
    after = anchor.doc[anchor.i + 1] if anchor.i + 1 < len(anchor.doc) else None
    if after is not None and after.pos_ in ("ADJ", "VERB") and after.head in (anchor, *anchor.children, anchor.head):
        return [] if after.dep_ == "amod" and _died(after.head) else [after.lemma_.lower(), after.lower_]
    return []


def _tally_words(child: Token) -> list[str]:
    """"the death toll rose to 225"; "the number of people detained rose to …": what the tally
    holds says what happened."""
    words = [child.lemma_.lower()] if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ == "NOUN" else []
    if child.dep_ in ("nsubj", "nsubjpass", "dobj") and child.lemma_.lower() in TALLY_NOUNS:
        words += [t.lemma_.lower() for t in child.subtree if t.pos_ in ("NOUN", "ADJ", "VERB") and t != child]
    return words


def _object_words(child: Token) -> list[str]:
    """"caused damage", "were set ablaze"; "joined last Saturday's march" (a lower-case word tagged a name)."""
    noun = child.pos_ in ("NOUN", "ADJ", "VERB") or child.pos_ == "PROPN" and child.text.islower()
    if child.dep_ in ("dobj", "attr", "acomp", "oprd") and noun or (child.dep_ == "advmod" and child.pos_ == "ADJ"):
        return [*(t.lemma_.lower() for t in _what_was_lost(child)), child.lemma_.lower()]
    return []


def _what_was_lost(noun: Token) -> list[Token]:
    """"suffered complete loss of vision" (blind54): what a loss is of says more than the loss (a damage word)."""
    if noun.lemma_.lower() != "loss":
        return []
    return [p for prep in noun.children if prep.lower_ == "of" for p in prep.children]


def _copula_subject_words(verb: Token, child: Token) -> list[str]:
    """"the dead were 225": the nouns of the subject of "be"; "the missing include 6 fishermen": the state
    word that is the subject of "include"."""
    if child.dep_ in ("nsubj", "nsubjpass") and verb.lemma_ == "be":
        return [t.lemma_.lower() for t in child.subtree if t.pos_ == "NOUN"]
    if child.dep_ in ("nsubj", "nsubjpass") and verb.lemma_ == "include":
        return [child.lemma_.lower(), child.lower_]
    return []


# Verbs that may mean killed or held: a coordinated verb decides.
_EITHER_VERBS = {"neutralise", "neutralize"}


def _verb_words(verb: Token | None, noun: Token | None, anchor: Token) -> list[str]:
    """The governing verb, then what its subjects and objects say, child by child."""
    if verb is None:
        return []
    words = [_verb_says(verb)]
    if words[0] in _EITHER_VERBS:  # "70 looters have been neutralised and detained": the plainer verb says it
        words = [c.lemma_.lower() for c in verb.conjuncts if c.pos_ == "VERB" and not any(
            g.dep_ in ("nsubj", "nsubjpass") for g in c.children)] + words  # not "… and 26 more were wounded"
    words += _left_in(verb)
    for child in verb.children:
        if _kicker(child):
            continue
        words += _tally_words(child) + _object_words(child) + _copula_subject_words(verb, child)
        words += _cared_for(verb, child)
    return words + _relative_tally_words(verb)


def _kicker(child: Token) -> bool:
    """A headline's topic before a colon is no subject when a tally is: "Angola fuel protests: death toll rises to
    11" (blind85); but "Railway workers' strike begins: … sixty thousand workers stop work" says what they did."""
    return child.dep_ in ("nsubj", "dep") and child.i < child.head.i and any(
        c.dep_ == "punct" and c.text == ":" and c.i > child.i for c in child.children) and any(
        s.dep_ == "nsubj" and s.lemma_.lower() in TALLY_NOUNS for s in child.head.children)


_CARE_VERBS = {"attend", "see", "admit", "care", "assist"}


def _cared_for(verb: Token, child: Token) -> list[str]:
    """"213 citizens attended for injuries in its establishments" (blind81's translated state media): what people were
    seen for, when it is a harm to them (not "3,000 residents have given blood for the wounded")."""
    if verb.lemma_.lower() not in _CARE_VERBS or child.dep_ != "prep" or child.lower_ != "for":
        return []
    return [t.lemma_.lower() for t in child.children if claim_lexicon().get(t.lemma_.lower()) == "injured"]


def _verb_says(verb: Token) -> str:
    """The verb as the lexicon reads it: negated, with its object, or as what it was aimed at ("fired on crowds")."""
    return _negated(verb) or _verb_and_object(verb) or _shot_at(verb) or _gathering_held(verb) or verb.lemma_.lower()


def _gathering_held(verb: Token) -> str | None:
    """"A rally of 5,000 people was held": the gathering, not a detention, is what "held" says."""
    if verb.lemma_.lower() != "hold":
        return None
    return next((c.lemma_.lower() for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                 and c.lemma_.lower() in _GATHERING_HEADS), None)


def _left_in(verb: Token) -> list[str]:
    """"The fire left 12 people dead": the state the object is left in speaks before the verb's subject; so does the
    small clause the parser may make of it ("Clashes … have left at least 28 people dead": "dead" a ccomp whose
    subject is "people"; blind38)."""
    return [c.lemma_.lower() for c in verb.children if c.dep_ == "oprd" or _small_clause(verb, c)]


# Verbs that leave their object in a state: "left 28 people dead", "found three men dead", "made 5,900 people
# homeless" (blind49), "rendered 300 families homeless".
_LEAVING_VERBS = {"leave", "find", "make", "render"}


def _small_clause(verb: Token, child: Token) -> bool:
    return verb.lemma_.lower() in _LEAVING_VERBS and child.dep_ in ("ccomp", "xcomp") \
        and (child.pos_ == "ADJ" or child.tag_ == "VBN") \
        and any(g.dep_ == "nsubj" and g.pos_ in ("NOUN", "PROPN", "NUM") for g in child.children)


def _relative_tally_words(verb: Token) -> list[str]:
    """"the death toll, which stood at 28": the tally a relative clause gives the value of says what happened."""
    tally = verb.head
    if verb.dep_ != "relcl" or tally.lemma_.lower() not in TALLY_NOUNS:
        return []
    said = [t for t in tally.children if t.dep_ in ("compound", "amod")]
    of = tallied(tally)
    return [t.lemma_.lower() for t in said + ([of] if of is not None else [])]


def _negated(verb: Token) -> str | None:
    """"dozens had not been accounted for": a verb with "not" is a word of its own in the lexicon
    ("not account" → missing), when the lexicon lists it; so is a verb with its particle ("rounded up" → detained,
    while "Round 2" and "400 rubber rounds" are no detention)."""
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    if particle and f"{verb.lemma_.lower()} {particle}" in claim_lexicon():
        return f"{verb.lemma_.lower()} {particle}"
    if not any(c.dep_ == "neg" for c in verb.children):
        return None
    words = f"not {verb.lemma_.lower()}"
    return words if words in claim_lexicon() else None


def _verb_and_object(verb: Token) -> str | None:
    """A verb with its object, where the lexicon lists the two: "327 people have sought medical help", "412 citizens
    applied for medical aid" (injured); neither "seek" nor "help" says so alone."""
    objects = [c for c in verb.children if c.dep_ == "dobj"] + [  # "applied to medical facilities" (blind63)
        g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("for", "to") for g in c.children
        if g.dep_ == "pobj"]
    return next((words for o in objects if (words := f"{verb.lemma_.lower()} {_medical(o)}{o.lemma_.lower()}")
                 in claim_lexicon()), None)


def _shot_at(verb: Token) -> str | None:
    """"Police fired on crowds of up to 20,000 workers" (blind66): firing on or at someone is shooting, no fire; what
    was fired on says what the count is (a crowd)."""
    if verb.lemma_.lower() != "fire":
        return None
    aimed = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "at", "into", "upon")]
    return next((g.lemma_.lower() for c in aimed for g in c.children if g.dep_ == "pobj"), None)


def _medical(noun: Token) -> str:
    """"medical help" and "first aid" are help for the hurt; help or aid alone may be anyone's ("40 families sought
    help")."""
    said = next((c.lower_ for c in noun.children if c.dep_ == "amod" and c.lower_ in ("medical", "first")), None)
    return f"{said} " if said else ""


def _noun_words(verb: Token | None, noun: Token | None, anchor: Token) -> list[str]:
    """What is counted, and its phrase: "damage to business by 78 billion tenge"."""
    if noun is None:
        return []
    words = [noun.lemma_.lower()]
    words += [t.lemma_.lower() for t in _noun_phrase(noun) if t.pos_ in ("NOUN", "ADJ") and t != noun
              and not _of_whom(t, noun) and not _a_fighting_kit(t, noun)]
    if noun.dep_ == "pobj" and noun.head.head.pos_ == "NOUN":
        words.append(noun.head.head.lemma_.lower())
    return words


def _valued_noun(verb: Token | None, noun: Token | None, anchor: Token) -> list[str]:
    """A bare number is the value of the noun before its "of", whatever the clause's verb: "carry passengers at
    the old fare of 200", "three were killed after a crowd of about 3,000 marched" (blind85)."""
    if noun is None and anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and anchor.head.head.pos_ == "NOUN":
        return [anchor.head.head.lemma_.lower()]
    return []


# What fights a fire is no fire: "3 fire tenders", "a fire engine", "two fire crews", "1,900 people from the Red
# Cross and the fire service".
_FIGHTING_KIT = {"tender", "engine", "truck", "crew", "brigade", "service", "station", "department", "appliance",
                 "unit", "team", "hose", "extinguisher", "vehicle", "boat", "helicopter", "plane", "officer"}


def _a_fighting_kit(token: Token, noun: Token) -> bool:
    return token.lemma_.lower() == "fire" and token.dep_ == "compound" and token.head.lemma_.lower() in _FIGHTING_KIT


def _of_whom(token: Token, noun: Token) -> bool:
    """"the seven alleged leaders of the attack", "victims of the riots": what a group is of names no claim on
    them (a container's content does: "33 cases of attacks")."""
    return noun.lemma_.lower() not in CONTAINERS | TALLY_NOUNS and token.head.dep_ == "prep" \
        and token.head.lower_ == "of" and token.head.head == noun


def _verb_places(verb: Token | None, noun: Token | None, anchor: Token) -> list[str]:
    """Last: "3,811 people are in custody", "remain in hospital", "listed as missing"."""
    if verb is None:
        return []
    return [pobj.lemma_.lower() for prep in verb.children
            if prep.dep_ == "prep" and prep.lower_ in ("in", "into", "under", "to", "as", "on")
            for pobj in prep.children if pobj.dep_ in ("pobj", "pcomp") and pobj.pos_ in ("NOUN", "ADJ", "VERB")]


# Counted nouns that name what happened rather than who it happened to.
EVENT_NOUNS = {"death", "injury", "arrest", "detention", "fatality", "killing", "evacuation", "disappearance",
               "displacement", "attack", "assault", "raid", "ambush"}  # "33 attacks on fire trucks"


def _event_noun(verb: Token | None, noun: Token | None, anchor: Token) -> list[str]:
    """"The agency reports 318 deaths and 1,047 injuries": a counted noun that says what happened decides
    before a neighbour's verb or object (the injuries are no deaths)."""
    lemma = content_noun(noun).lemma_.lower() if noun is not None else None
    return [lemma] if lemma in EVENT_NOUNS else []


_SUFFER_VERBS = {"have", "suffer", "sustain", "receive"}
_SUFFERED = {"had", "suffered", "sustained", "received"}  # tagged an adjective, a participle keeps its lemma


def _sufferer_verb(verb: Token | None, noun: Token | None, anchor: Token) -> Token | None:
    """The verb of having or suffering said of the group: its governing verb, or the word its subject hangs on
    when the parser took "received" for an adjective ("… 26 more received wounds")."""
    group = noun if noun is not None else anchor
    for token in (verb, group.head if group.dep_ == "nsubj" else None):
        if token is not None and (token.lemma_.lower() in _SUFFER_VERBS or token.lower_ in _SUFFERED):
            return token
    return None


def _suffered(verb: Token | None, noun: Token | None, anchor: Token) -> list[str]:
    """"23 detainees had visible injuries", "26 more received wounds": what a group has or suffered says what
    happened to it, before the group's own name; "748 employees suffered", with nothing named, means hurt."""
    sufferer = _sufferer_verb(verb, noun, anchor)
    if sufferer is None:
        return []
    objects = _suffered_objects(sufferer, noun)
    if not objects and sufferer.lower_.startswith("suffer"):
        return ["injure"]
    return [t.lemma_.lower() for o in objects for t in (*_what_was_lost(o), o, *o.conjuncts,
                                                        *(c for c in o.children if c.dep_ == "compound"))]


def _suffered_objects(sufferer: Token, noun: Token | None) -> list[Token]:
    """What was had or suffered ("broken bones and other injuries", "hospital treatment"); the noun a
    "received" tagged as an adjective stands on."""
    objects = [c for c in sufferer.children if c.dep_ == "dobj" and c != noun]
    if sufferer.dep_ == "amod" and sufferer.head.pos_ == "NOUN":
        objects.append(sufferer.head)
    return objects


_STAYING_VERBS = {"remain", "stay", "be"}


def _with_or_in(verb: Token | None, noun: Token | None, anchor: Token) -> list[str]:
    """What a group is "with" or stays "in" says what happened to it before the group's own name: "admitted 112
    protesters with injuries, including 23 with rubber-bullet wounds", "fewer than a hundred protesters remain in
    custody" (blind132)."""
    if any(t is not None and claim_lexicon().get(t.lemma_.lower()) == "killed" for t in (noun, verb)):
        return []  # "seven bodies with stab wounds", "two men with gunshot wounds died" are dead (blind94, blind96)
    found = [c for t in (noun, anchor, verb) if t is not None for c in _objects_of(t, "with")]
    if verb is not None and verb.lemma_.lower() in _STAYING_VERBS:
        found += _objects_of(verb, "in")
    # harm or custody only: not "six medical points, with a field hospital", nor "staying in evacuation centres"
    return [w for c in found for w in _word_and_compounds(c) if _held_or_hurt(w)]


def _word_and_compounds(token: Token) -> list[str]:
    return [token.lemma_.lower(), *(t.lemma_.lower() for t in token.children if t.dep_ == "compound")]


def _held_or_hurt(word: str) -> bool:
    return claim_lexicon().get(word) in ("injured", "detained") and word not in ("hospital", "clinic")


def _objects_of(token: Token, preposition: str) -> list[Token]:
    return [c for p in token.children if p.dep_ == "prep" and p.lower_ == preposition for c in p.children
            if c.dep_ == "pobj"]


# Where the word that says what happened is looked for, in this order; the first word in the
# claim lexicon decides.
CANDIDATES = (_event_noun, _part_of_those, _participles, _word_after, _relative_clause, _suffered, _with_or_in,
              _valued_noun, _verb_words, _noun_words, _verb_places)
_BURNS = re.compile(r"\b(?:with|suffered|sustained|serious|severe|had)\s+(?:\w+\s+)?burns\b", re.I)  # "three had burns"


@dataclass(frozen=True)
class _Context:
    """What the figures of one sentence share, read once per sentence (its text, and what it says as a whole)."""

    text: str
    displaced: bool
    on_streets: bool
    damage: bool
    burns: bool


def sentence_context(sentence: Span) -> _Context:
    """The sentence's shared context, kept on its Doc so the figures of a sentence read it once."""
    key = f"pipeline_claims_context:{sentence.start}:{sentence.end}"
    cache = doc_cache(sentence.doc)
    if key not in cache:
        text = sentence.text  # spaCy builds a span's text on every call
        cache[key] = _Context(text, bool(_DISPLACED.search(text)), bool(_ON_STREETS.search(text)),
                              bool(DAMAGE_CONTEXT.search(text)), bool(_BURNS.search(text)))
    return cache[key]


def _from_lexicon(lemma: str, sentence: Span) -> tuple[str, str]:
    if lemma == "burn" and sentence_context(sentence).burns:
        return "injured", "burn"  # "four of them with serious burns": burns are injuries
    return claim_lexicon()[lemma], lemma


def _from_sentence(anchor: Token, unit: str | None, sentence: Span) -> tuple[str, str | None]:
    """No word on the figure's path decided: the sentence's displacement, price or damage words."""
    context = sentence_context(sentence)
    if context.displaced:
        return "displaced", "home"  # "forced an estimated 14,600 people from their homes"
    if not unit and context.on_streets:
        return "protesters", "street"  # "anger brought more than 10,000 residents onto the streets"
    if not unit:
        return "other", None
    return _sum_in_context(context, anchor.idx - sentence.start_char, unit)


def _sum_in_context(context: _Context, at: int, unit: str) -> tuple[str, str | None]:
    """A sum (or a share) at ``at`` in its sentence: the price words near it, not anywhere in the sentence
    ("lost 1.4 billion roubles because of falling coal prices" is not a price), else the damage words."""
    if PRICE_CONTEXT.search(context.text[max(0, at - 60):at + 35]) or _MEASURE_OF_A_GOOD.search(
            context.text[max(0, at - 60):at]):
        return "price", "price"  # "120 tenge a litre", "a jump of 100% in the price"
    if context.damage and unit != "%":
        return "damage", "damage"
    changed = _CHANGED_SUM.search(context.text[max(0, at - 90):at]) if unit != "%" else None
    if changed and not _NO_GOOD.search(_clause_before(context.text, at - len(changed.group()))):
        return "price", "price"  # "Octane 92 petrol rose from K 2,390 to K 2,760" (no damage in the sentence)
    return "other", None


# A sum a good went up or down from or to: "petrol rose from K 2,390 to K 2,760", "onions rose to K 3,600",
# "the litre of petrol went from 990 to 1,090 francs"; not a sum of a fund, a budget or a wage ("the fund rose
# to $2 billion").
_CHANGED_SUM = re.compile(r"\b(?:rose|risen|rising|climbed|jumped|soared|fell|dropped|went up|went down|went|"
                          r"increased|decreased|raised|hiked|lowered)\b[^;]{0,70}?\b(?:from|to)(?:\s+\S{1,4})?\s*$",
                          re.I)


def _clause_before(text: str, at: int) -> str:
    """The words of the clause that ends at ``at``: what rose is named there, not in the clause before ("cut its
    subsidy bill by 150 billion francs, and the litre of petrol went from 990 to 1,090 francs")."""
    before = text[max(0, at - 90):at]
    return re.split(r"[;:,]\s+(?:and|but|while)\s+|;", before)[-1]
_NO_GOOD = re.compile(r"\b(?:fund|budget|reserves?|debt|deficit|revenue|spending|loss(?:es)?|damage|aid|payments?|"
                      r"compensation|salar(?:y|ies)|wages?|pensions?|income|profits?|exports?|imports?|investment|gdp|"
                      r"economy|bill|costs?)\b", re.I)


# Claim types that count people, never money or a share: "damage from the riots of 78 billion tenge"
# is no crowd, "a third of the strikers" no crowd of its own.
PEOPLE_ONLY = {"protesters", "evacuated"}


def _lost(verb: Token | None, sum_: Token, sentence: Span) -> bool:
    """A sum lost is a loss: "its members alone lost 41 billion kwanzas" (blind85); not a sum paid to a family that
    lost a member, nor a trading loss blamed on prices ("lost 1.4 billion roubles in 2024 because of falling coal
    prices")."""
    return verb is not None and verb.lemma_.lower() == "lose" and _held_by(verb, sum_) \
        and not _PRICES_BLAMED.search(sentence.text)


def _held_by(verb: Token, token: Token) -> bool:
    """The verb holds the token as its object or its value ("lost about KSh 14 million in sales", "the stock lost at
    KSh 4.8 million"), not through a conjunct or a receiver ("EGP 100,000 to each family that lost a member and
    EGP 20,000 to each injured person")."""
    if any(t.text == ":" for t in token.doc[min(verb.i, token.i):max(verb.i, token.i)]):
        return False  # "for each hectare of cropland lost: 6,000 somoni" (a rate of compensation, blind49)
    for _ in range(5):
        if token == verb:
            return True
        if token.dep_ not in _HOLDING or token.lower_ in ("to", "for") or token.head == token:
            return False
        token = token.head
    return False


_HOLDING = {"dobj", "pobj", "prep", "nummod", "compound", "quantmod", "nmod"}


_PRICES_BLAMED = re.compile(r"\b(?:because of|due to|owing to|on)\b[^.;]{0,40}\bprices?\b", re.I)


def _a_currency(unit: str | None) -> bool:
    return unit is not None and bool(re.fullmatch(r"[A-Z]{3}", unit))


def _fits(claim: str, unit: str | None) -> bool:
    """A share may be of the dead ("70% of the dead"); a sum of money is never people ("500,000 dinars to the
    family of each deceased person" is a payment)."""
    if _a_currency(unit):
        return claim not in _PEOPLE_CLAIMS
    return unit is None or claim not in PEOPLE_ONLY


# Places and facilities counted ("640 camps", "22 schools", "nine cities"): no one was killed, held or moved in
# the count, whatever the sentence says of the people in them.
_PLACE_HEADS = {"camp", "shelter", "school", "site", "centre", "center", "tent", "clinic", "facility", "city",
                "district", "commune", "hospital"}
# Measures counted ("the dam held 50 million cubic metres"): an amount, never people.
_MEASURE_HEADS = {"metre", "meter", "litre", "liter", "tonne", "ton", "kilometre", "kilometer", "km", "kilogram",
                  "kg", "gallon", "barrel", "mile", "hectare", "ha", "acre", "km²", "ounce", "oz", "t"}


def counts_a_measure(head: str | None) -> bool:
    """"84 350 hectares treated" (blind100): a measure is never a count of people, whatever was done to it."""
    return head in _MEASURE_HEADS
# Supplies counted ("1,200 shelter kits", "6,000 mosquito nets" under "Shelter:"): what was handed out, not who.
_SUPPLY_HEADS = {"kit", "jerrycan", "net", "tarpaulin", "blanket", "mattress", "bucket", "parcel", "tablet", "ration"}
_PEOPLE_CLAIMS = {"killed", "injured", "detained", "missing", "displaced", "evacuated", "protesters", "deployed"}
_TIME_NOUNS = {"minute", "hour", "day", "week", "month", "year", "second"}
# Measures of a storm or a quake, whatever the sentence says it did: "sustained winds of about 130 mph". Apart
# from _MEASURE_HEADS, which may still be damage ("1,240 kilometres of rural roads damaged").
_WEATHER_MEASURES = {"mph", "kph", "km/h", "knot", "mm", "millimetre", "millimeter", "centimetre", "centimeter", "cm",
                      "inch", "degree"}


# Gatherings counted ("monitors followed 142 demonstrations", "live ammunition at 23 demonstrations"): how many
# took place, not who was there or what happened to anyone (blind74).
_GATHERING_HEADS = {"demonstration", "protest", "rally", "march", "gathering", "picket", "sit-in", "vigil"}


def counts_gatherings(words: str | None) -> bool:
    """"| Demonstrations |", "142 demonstrations": a count of gatherings held, named in the plural ("Thousands march
    in Dravo" is a crowd marching, parsed as a noun; blind7)."""
    word = (words or "").split()[-1].lower() if (words or "").split() else ""
    singulars = {word[:-3] + "y" if word.endswith("ies") else "", word[:-2] if word.endswith("ches") else "",
                 word[:-1] if word.endswith("s") else ""}
    return bool(singulars & _GATHERING_HEADS)


def fits_noun(claim: str, noun: Token | None) -> bool:
    """Whether what a noun counts can be what a claim says happened ("600 camps" were not displaced)."""
    if noun is not None and counts_gatherings(noun.text):
        return claim == "other"  # "9 of the 23 demonstrations at which live rounds were fired" were no fires
    return noun is None or not (noun.lemma_.lower() in _PLACE_HEADS | _MEASURE_HEADS | _SUPPLY_HEADS
                                and claim in _PEOPLE_CLAIMS)


_RATE = re.compile(r"\s+(?:to|per|for) (?:the|one|a|1|each) (?:US |U\.S\. )?(?:dollar|euro|pound|rouble|ruble|yuan|"
                   r"rupee|franc|yen)\b|\s+an? (?:US )?dollar\b", re.I)


def _done_to_the_held(verb: Token | None, noun: Token | None) -> bool:
    """"The court fined 41 of the detainees", "the release of 31 detainees": the verb, or the noun the group
    hangs on, is something done after detention."""
    heads = [verb.lemma_.lower(), verb.lower_.removesuffix("d")] if verb is not None else []  # "fined": lemma "fin"
    if noun is not None and noun.dep_ == "pobj" and noun.head.head.pos_ == "NOUN":
        heads.append(noun.head.head.lemma_.lower())
    return bool(set(heads) & AFTER_HELD)


_CAPACITY_VERBS = {"hold", "accommodate", "seat", "fit", "take"}


def _a_capacity(verb: Token | None) -> bool:
    """What a place can hold is no count of people held: "the route could hold no more than about 160,000 people"
    (blind120), "the stadium can hold 40,000"."""
    return verb is not None and verb.lemma_.lower() in _CAPACITY_VERBS \
        and any(c.dep_ == "aux" and c.lower_ in ("can", "could") for c in verb.children)


def _attackers(verb: Token | None, noun: Token | None) -> bool:
    """"up to 20,000 bandits had attacked Almaty": the ones who attack are a crowd, not a number of attacks; with
    no object the verb says what was attacked ("- 12 service stations attacked;", a participle parsed as a verb)."""
    return verb is not None and noun is not None and noun.dep_ == "nsubj" and noun.head == verb \
        and claim_lexicon().get(verb.lemma_.lower()) == "attacks" and any(c.dep_ == "dobj" for c in verb.children)


def _no_claim(noun: Token | None, anchor: Token, unit: str | None, sentence: Span) -> bool:
    """A duration ("held up for 40 minutes") or an exchange rate ("about 435 tenge to the dollar"),
    whatever happened in its sentence."""
    if noun is not None and noun.lemma_.lower() in _TIME_NOUNS | _WEATHER_MEASURES:
        return True
    return bool(unit) and bool(_RATE.match(sentence_context(sentence).text,
                                           anchor.idx + len(anchor) - sentence.start_char))


def claim_type_of(verb: Token | None, noun: Token | None, anchor: Token, unit: str | None,
                  sentence: Span) -> tuple[str, str | None]:
    """The claim type and the lemma that decided it (None when only the sentence's context did)."""
    if _attackers(verb, noun) and unit is None:
        return "protesters", verb.lemma_.lower() if verb is not None else None
    if _no_claim(noun, anchor, unit, sentence) or _a_capacity(verb):
        return "other", None
    lemma = _deciding_lemma(verb, noun, anchor, unit)
    if lemma is not None:
        return _spent(_from_lexicon(lemma, sentence), verb)
    claim = _paid_or_lost(verb, noun or anchor, unit, sentence) or _spent(_from_sentence(anchor, unit, sentence), verb)
    return claim if fits_noun(claim[0], noun) else ("other", None)


def _paid_or_lost(verb: Token | None, sum_: Token, unit: str | None, sentence: Span) -> tuple[str, str | None] | None:
    """A sum set aside or paid out is no damage, whatever else its sentence says was damaged; a sum lost is."""
    if unit and _paid_out(verb, sum_):
        return "other", None
    return ("damage", "lose") if _a_currency(unit) and _lost(verb, sum_, sentence) else None


# Verbs that give or set aside a sum: "set aside 40 million leva for repairs and raised its estimate of the
# damage to 310 million leva" (40 million is no damage), "allocated BGN 40 million for damaged homes". Not
# "pay": "neighbours pay 140 lek for a loaf" is a price (a sum paid *to* someone is: _paid_to_someone).
_ALLOTTING = {"set", "allocate", "earmark", "pledge", "grant", "donate", "approve", "disburse", "transfer",
              "give", "award", "promise", "provide", "release", "budget", "assign", "raise", "collect"}


# Nouns of a sum paid out: "financial assistance of 600,000 lek to each family whose home was destroyed",
# "a 3 billion lek reconstruction fund" (no damage, though the sentence says what was destroyed).
_PAYMENTS = {"assistance", "compensation", "fund", "aid", "grant", "allowance", "payment", "payout", "subsidy",
             "benefit", "donation", "relief", "indemnity", "bonus", "gratia",  # "ex gratia"
             "support"}  # "the direct cash support of (33) dinars per individual" (blind75)


def _paid_out(verb: Token | None, noun: Token) -> bool:
    """A sum set aside, paid to someone or named as a payment, or a payment's new amount: "Cash support rises to
    JD45 a person a year" (blind75)."""
    given = verb is not None and (verb.lemma_.lower() in _ALLOTTING or _paid_to_someone(verb) or any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in _PAYMENTS for c in verb.children))
    return given and not _moved_to(verb, noun) or _paid_sum(noun)


def _moved_to(verb: Token | None, token: Token) -> bool:
    """A sum something was raised or cut to or from is no sum raised: "a decree raised petrol to 450 kwanzas a
    litre" (blind85), not "raised 2 million kwanzas for the families"."""
    if verb is None or not any(c.dep_ == "dobj" for c in verb.children):
        return False
    if token.dep_ == "pobj" and token.head.lower_ in ("to", "from") and token.head.head == verb:
        return True
    preposition = _preposition_before_a_sign(token)
    return preposition is not None and preposition.lower_ in ("to", "from") and preposition.head == verb


def _preposition_before_a_sign(token: Token) -> Token | None:
    """"raised diesel from Tk 114 to Tk 139": the sign written apart is the preposition's object, the number not."""
    before = token.i - 1
    if before >= 0 and token.doc[before].dep_ == "pobj" and len(token.doc[before]) <= 4:
        before -= 1
    return token.doc[before] if before >= 0 else None


def _paid_to_someone(verb: Token) -> bool:
    """"will pay 1 million lek to the family of each person killed" (a payment), not "pay 140 lek for a
    loaf" (a price)."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return verb.lemma_.lower() in ("pay", "give", "hand") and any(
        c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ == "to") for t in (verb, *objects) for c in t.children)


def _paid_sum(token: Token) -> bool:
    """The sum's noun phrase names a payment: its head ("reconstruction fund") or what it is "of"."""
    head = token.head
    of_what = head.head if head.dep_ == "prep" and head.lower_ == "of" else head
    return bool({head.lemma_.lower(), of_what.lemma_.lower()} & _PAYMENTS)


# What is done to people already held: "ordered the release of 31 detainees", "fined 41 of the detainees".
AFTER_HELD = {"release", "free", "fine", "sentence", "charge", "convict", "acquit", "try", "indict", "pardon",
              "visit", "interview", "represent",  # "its staff had visited 162 detainees" (blind69)
              # "180 detainees were transferred", "310 detainees refused food" (blind131)
              "transfer", "escape", "refuse"}


def _held_no_longer(find: Callable[..., list[str]], verb: Token | None, noun: Token | None) -> bool:
    """Whether what was done to those held after decides before the words that say they were held: "fined 41 of the
    detainees"; "ordered the release of 63 detainees who had been held for more than 48 hours" (blind120), but not
    "Of the 1,642 citizens detained, 890 were released", where the verb is the part's."""
    return find is _noun_words and _done_to_the_held(verb, noun) \
        or find in (_participles, _relative_clause) and _done_to_the_held(None, noun) and not _still_held(noun)


def _still_held(noun: Token | None) -> bool:
    """"the release of the five members still held": they are held now, whatever is asked for them (blind113)."""
    after = noun.doc[noun.i + 1:noun.i + 3] if noun is not None else ()
    return any(t.lower_ in ("still", "remain", "remaining") for t in after)


def _deciding_lemma(verb: Token | None, noun: Token | None, anchor: Token, unit: str | None) -> str | None:
    """The first word the candidates give that the claim lexicon knows and whose claim fits the figure; the
    group's own name ("detainees") says nothing when they are released, fined or tried."""
    lexicon = claim_lexicon()
    for find in CANDIDATES:
        if _held_no_longer(find, verb, noun):
            return None
        if find is _valued_noun and unit:
            continue  # "at an estimated cost of $40-50m" is no price (blind37)
        for lemma in find(verb, noun, anchor):
            if lemma in lexicon and _fits(lexicon[lemma], unit) and fits_noun(lexicon[lemma], noun):
                return lemma
    return None


# What money is spent on or lost to: "the riots cost businesses 78 billion tenge" is damage, "repairs are
# expected to cost $1.8 million" too; "the subsidy cost the treasury 140 million euros" and "the cost of the
# campaign" are spending, neither a price nor damage.
_HARMS = {"riot", "unrest", "violence", "fire", "flood", "storm", "quake", "earthquake", "disaster", "looting",
          "repair", "reconstruction", "rebuild", "rebuilding", "clash", "attack", "cyclone", "hurricane",
          "damage", "loss", "destruction", "explosion", "blast",  # "put the cost of the damage at 180m leva"
          "shutdown", "blackout", "outage", "blockade", "strike", "closure", "protest"}  # "the cost of the shutdown"
# "the direct economic cost at no less than US$31 million": what the economy lost.
_ECONOMY_WORDS = {"economic", "economy"}
_SPENDING = {"campaign", "plan", "programme", "program", "subsidy", "operation", "response", "appeal", "purchase",
             "project", "scheme", "effort", "mission",
             "treatment",  # "the cost of treatment, which the hospital estimates at GH¢ 2.4 million" (blind20)
             "election", "by-election", "referendum", "census", "vote"}  # "The by-election cost K18.6 million"


def _cost_word(verb: Token | None) -> Token | None:
    if verb is None:
        return None
    if verb.lemma_.lower() == "cost":
        return verb
    # "put its direct cost at …", "the cost of the shutdown was put at …", "the cost of the campaign was …"
    # "… meant to end cost 18 billion gourdes", parsed with "cost" a loose dependent of "end" (blind115)
    return next((c for c in verb.children if c.dep_ in ("dobj", "nsubj", "nsubjpass", "dep")
                 and c.lemma_.lower() == "cost"), None)


def _spender(cost: Token) -> Token | None:
    """Who or what the cost is of: the subject of "cost" (or of the verb it completes), or "the cost of X"."""
    of = next((p for prep in cost.children if prep.lower_ == "of" for p in prep.children), None)
    if cost.pos_ == "NOUN" and (of is not None or cost.dep_ != "dep"):
        return of
    if cost.dep_ == "acl":
        return cost.head  # "a four-year reconstruction plan costing 620 billion pesos"
    return _subject_of(cost) or _subject_of(cost.head) or _noun_root_before(cost)


def _subject_of(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj", "csubjpass")), None)


def _noun_root_before(cost: Token) -> Token | None:
    """A parse that leaves "cost" without a subject under a noun root: "The subsidy that the rise was meant to end
    cost 18 billion gourdes" (blind115)."""
    root = cost.sent.root
    return root if root.pos_ == "NOUN" and root.i < cost.i else None


def _economic(cost: Token) -> bool:
    return any(c.lemma_.lower() in _ECONOMY_WORDS for c in cost.subtree)


def _spent(claim: tuple[str, str | None], verb: Token | None) -> tuple[str, str | None]:
    """A price that is money lost or spent: damage, or no claim of its own."""
    cost = _cost_word(verb) if claim[0] == "price" else None
    if cost is None:
        return claim
    spender = _spender(cost)
    lemma = spender.lemma_.lower() if spender is not None else ""
    if _a_harms_cost(cost, spender, lemma):
        return "damage", lemma or cost.lemma_.lower()
    return ("other", None) if lemma in _SPENDING or _cost_to_someone(cost) else claim


def _cost_to_someone(cost: Token) -> bool:
    """"cost the treasury 140 million euros" is spending; "that hamper cost us C$71.40" a price paid (blind88)."""
    return any(c.dep_ == "dative" and not _a_sum(c) and c.pos_ != "PRON" for c in cost.children)


def _a_sum(noun: Token) -> bool:
    """The sum itself, parsed as a dative: in "Bread will cost 100 lek a loaf" the lek is no one it cost."""
    return any(c.dep_ == "nummod" or c.like_num for c in noun.children) or noun.like_num


def _a_harms_cost(cost: Token, spender: Token | None, lemma: str) -> bool:
    """"the cost of the unrest", "the economic cost", or a cost of nothing named after a sentence on damage."""
    return lemma in _HARMS or _economic(cost) or spender is None and _damage_told_before(cost)


def _damage_told_before(cost: Token) -> bool:
    """"The damage is another matter. … a World Bank assessment puts the cost at $380-440 million": a cost of
    nothing named, in or after a sentence about damage, is the damage's."""
    sentence = cost.sent
    before = cost.doc[sentence.start - 1].sent if sentence.start > 0 else sentence
    return any(t.lemma_.lower() in _DAMAGE_NOUNS and t.pos_ == "NOUN" for t in (*before, *sentence))


_DAMAGE_NOUNS = {"damage", "loss", "destruction"}  # not "the protest": "the cost rose to 40 cents after the protest"


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


def as_of_date(sentence: Span, dates_in_sentence: list, published: str | None, after: int | None = None) -> str | None:
    """The sentence's own date ("as of January 7", "On January 7, …"), else the day said right after the figure
    ("19 on Sunday night and 26 on Monday night": Monday is the 26's, blind69), else publication."""
    text, offset = sentence_context(sentence).text, sentence.start_char  # not doc.text: rebuilt on every call
    fallback = _its_own_day(text, offset, dates_in_sentence, after)
    for date in dates_in_sentence:
        if not date.value or date.precision != "day":
            continue
        before = text[max(0, date.start - offset - 30):date.start - offset]
        if _AS_OF.search(before):
            return date.value_end or date.value
        if fallback is None and not _SINCE.search(before) and not date.value_end:
            fallback = date.value
    return fallback or published


# What may stand between a count and its own day: "26 on Monday night", "31 people detained on 10 October".
_TO_ITS_DAY = re.compile(r"(?:\s+[a-z]+){0,3}\s+on\s+", re.I)


def _its_own_day(text: str, offset: int, dates: list, after: int | None) -> str | None:
    return next((d.value for d in dates if after is not None and d.value and d.precision == "day" and not d.value_end
                 and d.start >= after and _TO_ITS_DAY.fullmatch(text, after - offset, d.start - offset)), None)


# A dateline or a date written before the speaker ("TASBULAK, Jan 15 (Wire) -", "On Jan 9 state television").
_LEADING_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z'’-]{2,}(?:[ -][A-Z][A-Z'’-]{2,})*,?\s*)?"
    r"(?:(?:On\s+)?(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|"
    r"Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*)"
    r"(?:,?\s+\d{4})?\s*(?:\([^)]*\))?\s*[-–—,:]?\s*)?")
# Bylines and credits name who wrote or photographed, never who said so.
_CREDIT = re.compile(r"^(?:by|photo|picture|image|credit|reporting by|editing by|writing by)\b", re.I)


def _clean_name(span_text: str) -> str | None:
    text = _OWN_RANK.sub("", span_text.strip(" ,.;:«»\"“”'"))
    if re.fullmatch(r"[A-Z][A-Z'’ -]+,?\s*(?:\w+\.?\s+\d{1,2})?", text) or _CREDIT.match(text):
        return None  # only a dateline ("TASBULAK, Jan 15") or a credit
    text = _OWN_RANK.sub("", _LEADING_DATELINE.sub("", text))
    return re.sub(r"\s+of the Republic of \w+$", "", text) or None


def _according_to(sentence: Span, canonical_of: dict[int, str]) -> str | None:
    """"According to the Interior Ministry, …"."""
    for token in sentence:
        to = next((p for p in token.children if p.lower_ == "to"), None) if token.lower_ == "according" else None
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        if pobj is not None:
            return canonical_of.get(pobj.i) or _clean_name(_subtree_text(pobj))
    return None


def _speakers(verb: Token) -> list[Token]:
    """The subjects of a verb of saying, and its agent when passive ("reported by the health ministry")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
    agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    return subjects + agents


def _sayer(sentence: Span, canonical_of: dict[int, str]) -> str | None:
    """"The ministry said …", "a figure reported by the health ministry": who said it (never a pronoun,
    never a dateline the parser made a second subject: "TASBULAK, Jan 15 - the ministry said")."""
    names = (canonical_of.get(who.i) or _clean_name(_subtree_text(who)) for token in sentence
             if token.pos_ == "VERB" and token.lemma_.lower() in SAY_VERBS for who in _speakers(token))
    return next((name for name in names if name), None)


def _cited(sentence: Span, canonical_of: dict[int, str]) -> str | None:
    """"Reuters, citing the health ministry, said …": the one cited is the original speaker."""
    for token in sentence:
        source = next((c for c in token.children if c.dep_ in ("dobj", "pobj")), None) \
            if token.lower_ in ("citing", "quoting") else None
        if source is not None:
            return canonical_of.get(source.i) or _clean_name(_subtree_text(source))
    return None


def attribution(sentence: Span, canonical_of: dict[int, str]) -> str | None:
    """Who says so: the source cited, 'According to X', or the subject of a verb of saying. Read once per
    sentence and page (kept on the Doc with the page's names, so a later page's names never meet it)."""
    key = f"pipeline_claims_attribution:{sentence.start}:{sentence.end}:{id(canonical_of)}"
    cache = doc_cache(sentence.doc)
    if key not in cache:
        said = _cited(sentence, canonical_of) or _according_to(sentence, canonical_of) or _sayer(sentence, canonical_of)
        cache[key] = (said, canonical_of)  # holding the names keeps their id from being reused
    return cache[key][0]


def _subtree_text(token: Token) -> str:
    """A noun phrase without trailing clauses: 'the Ministry of Internal Affairs'."""
    tokens = [t for t in token.subtree if t.dep_ not in ("relcl", "acl", "punct", "appos") or t == token]
    start, end = tokens[0].i, tokens[-1].i
    for t in tokens:
        if t.dep_ in ("relcl", "acl", "appos") and t.i > token.i:
            end = min(end, t.left_edge.i - 1)
    return token.doc[start:end + 1].text


_SHARE_WORDS = {"most", "many", "some", "mostly", "mainly", "half", "majority", "part", "several"}


def _place_of(prep: Token, places: dict[int, str], countries: frozenset[str]) -> str | None:
    """A place, not a country, that a preposition introduces: "in Almaty", "in the city of Almaty"."""
    # "In total, in Batumi twenty-one persons have been detained": the model may hang the place on the count, leaving
    # the preposition with no object; the word after it is then its object (blind69)
    objects = list(prep.children) or ([prep.nbor()] if prep.i + 1 < len(prep.doc) else [])
    for pobj in objects:
        name = places.get(pobj.i)
        for inner in pobj.subtree if name is None else ():
            name = places.get(inner.i) or name
        if name and name.casefold() not in countries:
            return name
    return None


def _a_share(prep: Token) -> bool:
    """"164 died, most of them in Karavan": a share, not the scope."""
    return bool({t.lower_ for t in prep.doc[max(0, prep.i - 4):prep.i]} & _SHARE_WORDS)


def _preps(heads: tuple[Token | None, ...], words: tuple[str, ...]) -> list[Token]:
    return [prep for head in heads if head is not None for prep in head.children
            if prep.dep_ == "prep" and prep.lower_ in words]


# What happened where the count was made: "killed during clashes with protesters in Ciudad del Este" (blind46).
_EVENT_NOUNS = {"clash", "protest", "riot", "demonstration", "march", "unrest", "violence", "raid", "crackdown",
                "fighting", "shooting", "attack", "rally", "strike", "blockade"}


def _events_of(verb: Token | None) -> tuple[Token, ...]:
    """The event a verb's count happened during, and the people it names: "during clashes with protesters"."""
    events = [e for e in _objects(verb, ("during", "in", "amid", "at")) if e.lemma_.lower() in _EVENT_NOUNS]
    return tuple(events) + tuple(pobj for event in events for pobj in _objects(event, ("with",)))


def _objects(head: Token | None, words: tuple[str, ...]) -> list[Token]:
    """The objects of a head's prepositions of these words."""
    return [pobj for prep in _preps((head,), words) for pobj in prep.children if pobj.dep_ == "pobj"]


def scope_of(verb: Token | None, noun: Token | None, places: dict[int, str], countries: frozenset[str],
             tally: Token | None = None) -> str | None:
    """A city or region the figure is limited to ("detained in Almaty", "the toll in Antalaha district has reached
    11", "revised the toll for Maroantsetra to 7"); None for a national total. Not the place of a participle's main
    clause: "blew up at the works in Ruse, killing nine" is the story's own toll."""
    preps = _preps((noun, verb), ("in", "at")) + _preps((tally,), ("in", "at", "for")) \
        + _preps(_events_of(verb), ("in",))
    return next((name for prep in preps if not _a_share(prep) and (name := _place_of(prep, places, countries))), None)

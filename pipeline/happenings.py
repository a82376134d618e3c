"""Dated happenings: "the government resigned on January 5", as each sentence dates it.

A sentence that holds a dated mention and a phrase from ``lexicon/happenings.yaml``
gives one happening per action, dated by the mention nearest to the phrase. A date
that says when a count was made ("as of January 7") dates no happening. When the
sentence gives a span ("a state of emergency from January 5 to January 19"), the start
dates the declaration and the end dates its end.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import ConfigError
from .models import Analysis, DateMention, Happening, Sentence

LEXICON = Path(__file__).resolve().parent / "lexicon" / "happenings.yaml"

# Entity labels that name no actor.
_NOT_ACTORS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
_AS_OF = re.compile(r"\b(?:as of|as at|as on|by the end of)\W*$", re.I)
_UNTIL = re.compile(r"\b(?:until|till|to|through|thru|ending(?: on)?)\W*$", re.I)
_FROM = re.compile(r"\b(?:from|since|starting(?: on| from)?)\W*$", re.I)
# Says that a thing ended, so the sentence's own date dates the end ("lifted on 19 January").
_ENDED = re.compile(r"\b(?:lift\w*|end|ends|ended|expir\w*|cancel\w*|revok\w*)\b", re.I)
_CLAUSE_BREAK = re.compile(r"[,;:()]|\band\b|\bwhile\b|\bbut\b")
_STAR = re.compile(r"\*(\d*)")
_GAP = r"\W+(?:[\w'’\-]+\W+){{0,{}}}?"
# Between a date and a later phrase, these words start another clause: in "resigned on
# January 5 after a rise in prices", January 5 dates the resignation, not the rise.
_SUBORDINATE = re.compile(r"\b(?:after|before|because|following|amid|when|while)\b", re.I)


@dataclass(frozen=True)
class Action:
    key: str
    label: str
    patterns: tuple[re.Pattern, ...]
    unless: tuple[re.Pattern, ...] = ()
    dated_by_end: bool = False
    # Matches where any of ``patterns`` does: a sentence it finds nothing in is skipped at once.
    any_pattern: re.Pattern | None = None


def any_of(patterns: tuple[re.Pattern, ...]) -> re.Pattern | None:
    """One regex that finds a match exactly where one of ``patterns`` does (their alternation);
    None when they have groups (a back-reference would change meaning) or different flags."""
    if not patterns or any(p.groups for p in patterns) or len({p.flags for p in patterns}) > 1:
        return None
    try:
        return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), patterns[0].flags)
    except re.error:  # e.g. a pattern opening on global flags ("(?i)…") may not follow another
        return None


def phrase_pattern(phrase: str) -> re.Pattern:
    """A lexicon phrase ("declare|impose * state_of_emergency") as a regular expression."""
    tokens = phrase.split()
    if not tokens or _STAR.fullmatch(tokens[0]) or _STAR.fullmatch(tokens[-1]):
        raise ValueError(f"phrase {phrase!r} must start and end with a word")
    parts, joiner = [], ""
    for token in tokens:
        if star := _STAR.fullmatch(token):
            joiner = _GAP.format(star.group(1) or 4)
            continue
        choices = "|".join(_choice(choice) for choice in token.lower().split("|"))
        parts.append(f"{joiner}(?:{choices})")
        joiner = r"\W+"
    return re.compile(r"\b" + "".join(parts) + r"\b", re.IGNORECASE)


def _choice(choice: str) -> str:
    """One choice of a token; its first word in any form ("declare" → declares, declared)."""
    first, *rest = choice.split("_")
    return "[\\s\\-–]*".join([_forms(first), *map(re.escape, rest)])


def _forms(word: str) -> str:
    if word.endswith("e"):
        return re.escape(word[:-1]) + "(?:e|es|ed|ing)"
    if len(word) > 2 and word.endswith("y") and word[-2] not in "aeiou":
        return re.escape(word[:-1]) + "(?:y|ies|ied|ying)"
    last = re.escape(word[-1])
    return re.escape(word) + f"(?:s|es|ed|ing|{last}ed|{last}ing)?"


@functools.lru_cache(maxsize=1)
def load_actions() -> tuple[Action, ...]:
    """The actions of the lexicon, in file order; every problem reported at once."""
    data = yaml.safe_load(LEXICON.read_text(encoding="utf-8"))
    actions, problems = [], []
    for key, spec in data.items():
        try:
            patterns = [phrase_pattern(p) for p in spec.get("phrases", [])]
            patterns += [re.compile(p, re.IGNORECASE) for p in spec.get("patterns", [])]
            unless = tuple(phrase_pattern(p) for p in spec.get("unless", []))
        except (ValueError, re.error) as exc:
            problems.append((key, str(exc)))
            continue
        if not patterns or not spec.get("label"):
            problems.append((key, "needs a label and at least one phrase or pattern"))
            continue
        actions.append(Action(key, spec["label"], tuple(patterns), unless, spec.get("date") == "end",
                              any_of(tuple(patterns))))
    if problems:
        raise ConfigError(str(LEXICON), problems)
    return tuple(actions)


def find_happenings(analysis: Analysis, text: str) -> tuple[Happening, ...]:
    """Every dated happening of a text, in text order, at most one per action and sentence."""
    sentences = analysis.sentences or _split_sentences(text)
    starts = [s.start for s in sentences]

    def sentence_of(offset: int) -> int:
        return max(0, bisect.bisect_right(starts, offset) - 1)

    dates: dict[int, list[DateMention]] = {}
    for date in analysis.dates:
        if date.value:
            dates.setdefault(sentence_of(date.start), []).append(date)
    actors: dict[int, list[str]] = {}
    for mention in sorted(analysis.entities, key=lambda m: m.start):
        if mention.label not in _NOT_ACTORS:
            actors.setdefault(sentence_of(mention.start), []).append(mention.canonical)
    found = []
    for index in sorted(dates):
        sentence = sentences[index]
        for action in load_actions():
            happening = _happening(action, sentence, dates[index], actors.get(index, []))
            if happening is not None:
                found.append(happening)
    return tuple(found)


def _happening(action: Action, sentence: Sentence, dates: list[DateMention], actors: list[str]) -> Happening | None:
    if action.any_pattern is not None and action.any_pattern.search(sentence.text) is None:
        return None  # no trigger: what follows would find none (one search instead of one per pattern)
    if any(p.search(sentence.text) for p in action.unless):
        return None
    triggers = [m.span() for p in action.patterns for m in p.finditer(sentence.text)]
    if not triggers:
        return None
    picked = _pick_date(action, sentence, dates, triggers)
    if picked is None:
        return None
    date, value = picked
    return Happening(
        action=action.key, label=action.label, date=value,
        date_end=None if action.dated_by_end else date.value_end, date_text=date.text,
        start=date.start, end=date.end, sentence=sentence.text, sentence_start=sentence.start,
        actors=tuple(dict.fromkeys(actors)),
    )


def _pick_date(action: Action, sentence: Sentence, dates: list[DateMention],
               triggers: list[tuple[int, int]]) -> tuple[DateMention, str | None] | None:
    """The mention dating this action, and the value it gives it."""

    def lead(date: DateMention) -> str:
        return sentence.text[:max(0, date.start - sentence.start)][-30:]

    def distance(date: DateMention) -> tuple[int, int, int]:
        # "X happened on DATE": a date after the phrase, in the same clause, comes first;
        # otherwise the nearest date, before or after.
        start, end = date.start - sentence.start, date.end - sentence.start
        following = [start - b for _, b in triggers if b <= start and not _CLAUSE_BREAK.search(sentence.text[b:start])]
        if following:
            return 0, min(following), date.start
        return 1, min(max(a - end, start - b, 0) for a, b in triggers), date.start

    def in_another_clause(date: DateMention) -> bool:
        end = date.end - sentence.start
        return all(a >= end and _SUBORDINATE.search(sentence.text[end:a]) for a, _ in triggers)

    usable = [d for d in dates if not _AS_OF.search(lead(d)) and not d.text.lower().startswith("as of")
              and not in_another_clause(d)]
    if action.dated_by_end:
        spans = [d for d in usable if d.value_end]
        if spans:
            date = min(spans, key=distance)
            return date, date.value_end
        ends = [d for d in usable if _UNTIL.search(lead(d))]
        if ends:
            return min(ends, key=distance), min(ends, key=distance).value
        if not _ENDED.search(sentence.text):
            return None
        usable = [d for d in usable if not _FROM.search(lead(d))]
    else:
        usable = [d for d in usable if not _UNTIL.search(lead(d))]
    if not usable:
        return None
    date = min(usable, key=distance)
    return date, date.value


def _split_sentences(text: str) -> tuple[Sentence, ...]:
    """Rough sentences, for an analysis that has none."""
    return tuple(Sentence(m.start(), m.end(), m.group()) for m in re.finditer(r"[^.!?\n]+[.!?]*", text))

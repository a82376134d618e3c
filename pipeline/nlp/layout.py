"""Sentences from the layout of a text: lines that open a list item, a timestamp or a table row,
headings and blank-line-separated blocks start sentences of their own.

The parser reads a text as running prose and joins "KEY FIGURES\\n• 112 people dead\\n• 40 missing"
into one sentence, so that the 112 takes the claim of the next line. ``pipeline_line_starts``
(before the parser) marks the first token of every such line as a sentence start; the parser keeps
a start set before it. ``pipeline_list_markers`` (after it) hangs a line's marker ("•", "1.",
"09:42 —") that the parser left as a sentence of its own onto the sentence that follows on its
line. ``heading_of`` finds the heading a list item or a block stands under ("Deaths:" over
"- 225 people"), for the rules that give a bare figure its claim.

Only the layout is read here, no words of a language: it holds for every language pack.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span, Token

# "- 225 dead", "• 4,353 injured", "* Detained: 9,900", "1. Deaths", "(2) Injured", "b) Arrests"; a note
# under the text: "¹ Ministry figure", "[3] Revised on 9 May"
_ITEM = re.compile(r"[ \t]*(?:[-*•·‣◦▪–—](?=[ \t])|\(?\d{1,3}[.)](?=[ \t])|\(?[a-z]\)(?=[ \t])|"
                   r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+(?=[ \t])|\[\d{1,3}\](?=[ \t]))")
# "09:42 — Police say …", "9.42am: …", "14:05 GMT | …", "[10:15] …"
_TIME = re.compile(r"[ \t]*\[?\d{1,2}[:.h]\d{2}\]?(?:[ \t]*[ap]\.?m\.?)?(?:[ \t]*(?:GMT|UTC|local time|[A-Z]{3,4}))?"
                   r"(?:[ \t]*[-–—:|]|[ \t]*$)", re.I)
# "| Arrested | 9,900+ |", "Sindh | 604 | 2,318", "Deaths\t225"
_ROW = re.compile(r"[ \t]*\||[^\n|]*\S[ \t]*\|[ \t]*\S|[^\n\t]*\S\t+\S")
# A wire story's dateline: "TIRANA, March 14 (APW) - …", "BERAT (Reuters) — …", "LIMA, Peru, 3 May -".
_DATELINE = re.compile(r"[ \t]*[A-Z][A-Z'-]{2,}(?:[ -][A-Z][A-Z'-]{2,})?(?:,[^\n,()]{1,25}){0,2}[ \t]*"
                       r"(?:\([^()\n]{1,30}\)[ \t]*)?[-–—][ \t]")
_HEADING_MARKUP = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+|\*\*|__)|(?:\*\*|__)[ \t]*$")
# A line ends a sentence on a full stop, a question, a colon or a credit in brackets ("… (Photo: AFP)").
_ENDS_SENTENCE = re.compile(r"(?:[.?!:…][\"'”’)\]]*|\([^()\n]{1,30}:[^()\n]{1,60}\))$")
_OPENS_SENTENCE = re.compile(r"[\"'“‘(\[]?[^\W_a-z]")  # a capital, a digit or a sign; not a lowercase word
_MAX_HEADING_WORDS = 8
# A line that runs on into the next: it ends on a comma, a dash or a word that needs one after it (a line
# ending otherwise, with a capital opening the next, is a headline, a label line or a paragraph of its own). The
# word stands alone: "… three of them in Ma'an" ends on a name, not on "an" (blind75).
_RUNS_ON = re.compile(r"(?:[,;(\-–—/&]|(?<![\w'’.-])(?:and|or|but|of|the|a|an|to|in|on|at|by|for|with|from|as|that|"
                      r"which|who|said|says|is|are|was|were)|\b[A-Z][a-z]{0,3}\.)$", re.I)


class Line(NamedTuple):
    start: int
    end: int
    text: str


def lines(text: str) -> list[Line]:
    """The text's lines with their offsets, without their line breaks."""
    found, start = [], 0
    for end in (*(m.start() for m in re.finditer("\n", text)), len(text)):
        found.append(Line(start, end, text[start:end]))
        start = end + 1
    return found


def marker_end(line: str) -> int:
    """The length of a line's list marker or timestamp ("• ", "2. ", "09:42 — "); 0 when it has none."""
    marker = _ITEM.match(line) or _TIME.match(line)
    return len(marker.group()) if marker else 0


# "5. ASSETS DEPLOYED", "2. VESSEL DETAILS": a report's numbered section heading, in capitals, is no list item.
_SECTION_HEADING = re.compile(r"[ \t]*\d{1,2}\.[ \t]+[A-Z][A-Z0-9 ,&/()'-]{2,50}[ \t]*$")


def is_item(line: str) -> bool:
    """A list item: "- 225 dead", "• 4,353 injured", "1. Deaths"."""
    return bool(_ITEM.match(line)) and not _SECTION_HEADING.match(line)


def opens_unit(line: str) -> bool:
    """A line that starts a sentence wherever it stands: a list item, a timestamp, a table row, a dateline."""
    return bool(_ITEM.match(line) or _TIME.match(line) or _ROW.match(line) or _DATELINE.match(line))


def is_heading(line: str) -> bool:
    """"KEY FIGURES", "## Casualties", "Deaths and injuries:": a short line that is no sentence (a lead-in
    ending in a colon is one too)."""
    if _SECTION_HEADING.match(line):
        return True
    bare = _HEADING_MARKUP.sub("", line).strip()
    if not bare or opens_unit(line) or len(bare.split()) > _MAX_HEADING_WORDS or len(bare) > 60:
        return False
    return bare.endswith(":") or not re.search(r"[.,;!?…\"'”’-]$", bare)


def _starts_sentence(previous: Line | None, line: Line) -> bool:
    if previous is None or not previous.text.strip() or opens_unit(line.text):
        return True
    ended = is_heading(previous.text) or _ENDS_SENTENCE.search(previous.text.rstrip()) \
        or not _RUNS_ON.search(previous.text.rstrip())  # "… kills at least nine, 17 missing⏎Toxic fumes force …"
    # "- Officers on duty: 1 600⏎Injured⏎- Police officers: 12": a heading after a list item opens the next list
    heading_after_item = opens_unit(previous.text) and is_heading(line.text)
    return bool((ended or heading_after_item) and _OPENS_SENTENCE.match(line.text.lstrip())
                and not _PART_OF_THE_LINE_BEFORE.match(line.text.lstrip()))


# "Preliminary damage estimate: MXN 412 million⏎Of which housing: MXN 266 million": a part of the line before.
_PART_OF_THE_LINE_BEFORE = re.compile(r"(?:of (?:which|whom|them)|including|among them)\b", re.I)


def sentence_starts(text: str) -> list[int]:
    """Offsets of the first character of every line that starts a sentence."""
    starts, previous = [], None
    for line in lines(text):
        if line.text.strip():
            if _starts_sentence(previous, line):
                starts.append(line.start + len(line.text) - len(line.text.lstrip()))
        previous = line
    return starts


def _heading_line(text: str, at: int) -> Line | None:
    """The line right before the one at ``at``, or before its list, if it is a heading."""
    before = [line for line in lines(text) if line.start <= at]
    in_list = bool(before) and is_item(before.pop().text)
    while before and _passed_over(before[-1], in_list):
        before.pop()
    return before[-1] if before and is_heading(before[-1].text) else None


def _passed_over(line: Line, in_list: bool) -> bool:
    """On the way up to a heading: blank lines, and the items of the figure's own list."""
    return not line.text.strip() or in_list and is_item(line.text)


def heading_of(text: str, at: int) -> tuple[int, int] | None:
    """The span of the heading the line at ``at`` stands under, without markup or colon: the line right
    before it, or before its list (blank lines between items or after the heading allowed)."""
    head = _heading_line(text, at)
    if head is None:
        return None
    bare = _HEADING_MARKUP.sub("", head.text).strip().rstrip(":")
    start = head.start + head.text.find(bare)
    return start, start + len(bare)


# A note's mark glued to the word before it: "were killed.¹", "the toll[12]" (once "]" is split off).
# A plain number glued after a word's or a bracket's stop is a note too: "were abducted.7", "(to May 2025).8"
# (blind57); not a decimal ("3.5") nor a number after a bare stop.
_NOTE_MARK_SUFFIXES = (r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+$|(?<=\[)\d{1,3}$|(?<=[^\W\d_.,;:)])\[$|"
                       r"(?<=[^\W\d_][.;:])\d{1,2}$|(?<=[)\]”\"’][.;:])\d{1,2}$")


def split_note_marks(tokenizer: Tokenizer) -> None:
    """Footnote marks become tokens of their own: "killed.¹" is "killed" "." "¹", so the word keeps its
    lemma and the sentence its end ("toll[12]" is "toll" "[" "12" "]")."""
    pattern = tokenizer.suffix_search.__self__.pattern  # type: ignore[union-attr]
    tokenizer.suffix_search = re.compile(f"{_NOTE_MARK_SUFFIXES}|{pattern}").search


_CACHE_KEY = "pipeline_cache"


def doc_cache(doc: Doc) -> dict:
    """What our components read once per Doc and keep for the next reader (the text, a sentence's
    context, its speaker). One dict under one key, so ``forget_caches`` drops it all: a Doc sent back
    from a worker process is serialized with msgpack, which can neither carry our objects nor needs them."""
    cache = doc.user_data.get(_CACHE_KEY)
    if not isinstance(cache, dict):
        cache = doc.user_data[_CACHE_KEY] = {}
    return cache


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc: spaCy joins a new ``Token`` per word on every read (~3 ms for a
    dense page), and our components read it several times. Tokens never change their text after the
    tokenizer, so the first join stays right."""
    cache = doc_cache(doc)
    text = cache.get("text")
    if not isinstance(text, str):
        text = cache["text"] = doc.text
    return text


def forget_caches(doc: Doc) -> None:
    """Drop everything ``doc_cache`` kept, before the Doc leaves the pipeline."""
    doc.user_data.pop(_CACHE_KEY, None)


@Language.component("pipeline_line_starts")
def pipeline_line_starts(doc: Doc) -> Doc:
    """Before the parser: the first token of every line that starts a sentence starts one, and a table
    row ("| Total | 9 | 376 |") is one sentence, its label with its cells."""
    text = doc_text(doc)
    for start in sentence_starts(text):
        token = _token_at(doc, start)
        if token is not None and token.i > 0 and not token.is_space:
            token.is_sent_start = True
    for row in _TABLE_ROW.finditer(text):
        span = doc.char_span(row.start(), row.end(), alignment_mode="contract")
        for token in span[1:] if span is not None else ():
            token.is_sent_start = False
    return doc


_TABLE_ROW = re.compile(r"^[ \t]*\|[^\n]*\|[ \t]*$", re.M)


def _token_at(doc: Doc, start: int) -> Token | None:
    """The token starting at character ``start``, found in C (no Token made per word), or None."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    token = span[0] if span is not None and len(span) else None
    return token if token is not None and token.idx == start else None


def _stray_marker(doc: Doc, token: Token, text: str) -> Token | None:
    """The root of the sentence after a line's marker when the parser made the marker a sentence of its own."""
    line_end = text.find("\n", token.idx)
    line = text[token.idx:line_end if line_end >= 0 else len(text)]
    sentence = token.sent
    if not marker_end(line) or sentence.end_char > token.idx + marker_end(line) or sentence.end >= len(doc):
        return None
    following = doc[sentence.end]
    return following.sent.root if following.idx < token.idx + len(line) else None


def _line_opener(doc: Doc, start: int) -> Token | None:
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) and span[0].is_sent_start else None


@Language.component("pipeline_list_markers")
def pipeline_list_markers(doc: Doc) -> Doc:
    """After the parser: "•" / "The Government deployed 350 soldiers." become one sentence."""
    text = doc_text(doc)
    for start in sentence_starts(text):
        token = _line_opener(doc, start)
        root = _stray_marker(doc, token, text) if token is not None else None
        if token is not None and root is not None:
            _hang(token.sent, root)
    _hang_note_marks(doc)
    return doc


def _hang(sentence: Span, root: Token) -> None:
    for loose in [t for t in sentence if t.head == t]:
        loose.head, loose.dep_ = root, "punct"


_NOTE_MARK = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[|\]|\d{1,3}|\s+")


def _hang_note_marks(doc: Doc) -> None:
    """"were killed.¹ Another 40 …": a note's mark the parser made a sentence of its own ends the sentence
    before it."""
    for sentence in list(doc.sents):
        marks = all(_NOTE_MARK.fullmatch(t.text) for t in sentence) and not sentence.text.strip().isdecimal()
        if marks and sentence.start > 0:
            _hang(sentence, doc[sentence.start - 1].sent.root)


# --- tables aligned by spaces ------------------------------------------------------------------------

_ALIGNED_CELL = re.compile(r"\S+(?: \S+)*")  # words split by single spaces; two spaces or a tab end a cell


def _aligned_cells(line: str) -> list[tuple[int, int]]:
    return [m.span() for m in _ALIGNED_CELL.finditer(line.replace("\t", "  "))]


def _block_top(text: str, line_start: int) -> int:
    """The first line of the block of lines of two cells or more that holds the line at ``line_start``."""
    top = line_start
    for _ in range(60):
        if top == 0:
            break
        previous = text.rfind("\n", 0, top - 1) + 1
        if len(_aligned_cells(text[previous:top - 1])) < 2:
            break
        top = previous
    return top


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


# A year, as a column header writes it ("Road user  2024  2025").
A_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def aligned_header(text: str, start: int) -> tuple[int, int] | None:
    """The header cell over the cell at ``start`` of a table aligned by spaces ("Division   Arrested" over
    "Kawempe        88"): the block's first line, when it holds no digit, and of its cells the one most
    over the cell (numbers sit to the right, headers to the left: the nearest within two characters)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    cells = _aligned_cells(text[line_start:line_end if line_end >= 0 else len(text)])
    cell = next((c for c in cells if c[0] <= start - line_start < c[1]), None)
    top = _block_top(text, line_start)
    if cell is None or len(cells) < 2 or top == line_start:
        return None
    header = text[top:text.find("\n", top)]
    if any(ch.isdigit() for ch in A_YEAR.sub("", header)):  # years may head columns: "Road user  2024  2025" (blind70)
        return None
    best = max(_aligned_cells(header), key=lambda h: _overlap(h, cell))
    return (top + best[0], top + best[1]) if _overlap(best, cell) > -2 else None

"""Pages that answer 200 but are not the article: consent walls, paywall stubs, soft 404s.

Such a page must never replace good content: its text would become the current version
and the report's facts would leave the events. A page is judged soft when it is short
and says one of the known phrases, or when, next to the last good version, it is a
fraction of the length and shares almost none of its text. The run then records the
outcome ``soft_page`` and keeps the last good version current.

The phrases are data, one row per kind with the kind of page it exists for; English and
Russian (the languages of the first story's sources).
"""

from __future__ import annotations

import re

from .errors import SoftPage
from .similarity import shingles

# (kind, pattern): checked case-insensitively on the extracted text.
PHRASES: tuple[tuple[str, str], ...] = (
    ("consent wall", r"\bwe (?:and our partners )?use cookies\b"),
    ("consent wall", r"\b(?:accept|reject|manage) (?:all )?(?:cookies|your (?:cookie|privacy) (?:settings|choices))"),
    ("consent wall", r"\byour privacy choices\b|\bbefore you continue to\b|\bwe value your privacy\b"),
    ("consent wall", r"мы используем (?:файлы )?cookie"),
    ("paywall", r"\bsubscribe (?:now )?to (?:continue|keep) reading\b|\bto continue reading\b"),
    ("paywall", r"\balready a subscriber\b|\bsubscribers only\b|\bfor subscribers\b"),
    ("paywall", r"\b(?:sign|log) in to (?:continue|read)\b|\bcreate a free account to\b"),
    ("paywall", r"доступно только (?:для )?подписчик"),
    ("soft 404", r"\bpage (?:was )?not found\b|\berror 404\b|\b404 (?:error|not found)\b"),
    ("soft 404", r"\b(?:page|article|content|story) is no longer available\b"),
    ("soft 404", r"\b(?:page|article|story) you (?:are|were) looking for\b"),
    ("soft 404", r"\b(?:page|article|content|story) has been (?:removed|deleted)\b|\bsomething went wrong\b"),
    ("soft 404", r"страница не найдена"),
    ("bot check", r"\bverify (?:that )?you are (?:a )?human\b|\bare you a robot\b|\benable javascript\b"),
    ("bot check", r"^access denied\b|\baccess to this page has been denied\b"),
)
_COMPILED = tuple((kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in PHRASES)

FEW_WORDS = 200  # an article page that says one of the phrases is longer than this
SHRUNK = 0.25  # new length / last good length below this is a drastic drop …
SHARED = 0.10  # … when at most this share of the new text's 5-grams was in the last good text


def soft_page_reason(text: str, previous: str | None) -> str | None:
    """Why ``text`` is not the article (previous: the last good text, if any), or None."""
    words = len(text.split())
    if words <= FEW_WORDS:
        for kind, pattern in _COMPILED:
            match = pattern.search(text)
            if match:
                return f"looks like a {kind} ({words} words, says '{match.group(0)}')"
    if previous and words <= FEW_WORDS and len(text) < SHRUNK * len(previous):
        new = shingles(text)
        shared = len(new & shingles(previous)) / len(new) if new else 0.0
        if shared <= SHARED:
            return (f"looks like an error page: {len(text)} characters where the last good version had "
                    f"{len(previous)}, sharing {shared:.0%} of its text")
    return None


def refuse_soft_page(text: str, previous: str | None) -> None:
    """Raise :class:`SoftPage` for a page that must not replace the last good version."""
    reason = soft_page_reason(text, previous)
    if reason:
        raise SoftPage(f"{reason}; the last good version is kept")

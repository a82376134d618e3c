"""What the text says of a figure's standing: reported (the default), revised, withdrawn, disputed, denied.

``STATUS_RULES`` are data rows (status, where the words are, pattern, the example each exists for),
tried in order; the first that matches decides. "after" is the rest of the figure's sentence, and
the next sentence when it opens on the figure ("The figure was later withdrawn"); "before" is
the figure's sentence up to it.
"""

from __future__ import annotations

import re

# Up to the words about the figure: within its clause, or past a semicolon that opens on it
# ("reported 164 deaths; the figure was soon disowned").
_SAME_CLAUSE = r"(?:[^;]{0,100}?|[^;]{0,40};\s*(?:the|that|this)\s+(?:figure|number|toll|count|tally)[^;]{0,60}?)"
_AUX = r"(?:(?:was|were|is|has been|had been|have been|later|soon|since|quickly|then|swiftly)\s+)*"
STATUS_RULES: tuple[tuple[str, str, re.Pattern, str], ...] = (
    ("withdrawn", "after", re.compile(
        rf"^{_SAME_CLAUSE}\b{_AUX}(?:withdrawn|retracted|disowned|deleted|taken down|"
        # "pulled from the website", not "40 people have been pulled out alive", "pulled from the rubble"
        r"pulled(?!\s+(?:out|alive|free|clear|to|into|off|away|back|up|from\s+(?!(?:the|its|their)\s+(?:website|"
        r"site|page|report|record|feed))))|"
        r"(?:described|dismissed|called|blamed on|put down to)\s+(?:by\s+[\w\s]{1,40}?\s+)?(?:as\s+)?(?:an?\s+)?"
        r"(?:\"|“)?(?:\w+\s+)?error)\b", re.I),
     "A figure of 164 dead, reported by the health ministry on January 9, was later described by officials "
     "as an error"),
    ("withdrawn", "before", re.compile(r"\b(?:withdrew|retracted|disowned)\b[^.;]{0,60}$", re.I),
     "officials withdrew the figure of 164"),
    ("withdrawn", "before", re.compile(r"\b(?:earlier|previous|first) version of this \w+\b[^.;]{0,60}$", re.I),
     "Correction: An earlier version of this article said 14 people had been killed in Dire Dawa."),
    ("revised", "after", re.compile(
        rf"^[^0-9]{{0,60}}?\b{_AUX}(?:revised|corrected|amended|adjusted)\b", re.I),
     "164 deaths, a figure later revised to 225"),
    ("denied", "before", re.compile(r"\bden(?:y|ied|ies|ying)\b[^.;]{0,60}$", re.I),
     "the ministry denied reports that 500 people had been detained"),
    # not an adjective of something else: "a crisis over a disputed presidential vote in which about 3,000 died"
    ("disputed", "before", re.compile(r"(?<!\ba )(?<!\bthe )\b(?:disputed?|contested?|questioned|rejected|"
                                      r"doubt(?:ed|s)?)\b[^.;]{0,60}$", re.I),
     "activists disputed the official toll of 225"),
    ("disputed", "after", re.compile(rf"^[^0-9]{{0,60}}?\b{_AUX}(?:disputed|contested|questioned)\b", re.I),
     "a toll of 225, disputed by rights groups"),
)
# The next sentence speaks of the figure: "The figure was later withdrawn."
_ABOUT_IT = re.compile(r"^\s*(?:(?:the|that|this)\s+(?:figure|number|toll|count|tally|estimate|report|claim)|it)\b",
                       re.I)


def status_of(before: str, after: str, next_sentence: str) -> str:
    """The figure's status from the words before and after it (and the sentence that follows)."""
    if _ABOUT_IT.match(next_sentence):
        after = after + " " + next_sentence
    for status, where, pattern, _example in STATUS_RULES:
        if pattern.search(before if where == "before" else after):
            return status
    return "reported"

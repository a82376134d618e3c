"""Alignment of whole stories against hand-made groupings of their claims into events.

Each story folder (sources.yaml, pages/, a gold events file) goes through extraction,
analysis, happening detection and alignment; ``pipeline.evaluate_story`` then asks, for every
two gold claims, whether they are about the same event (pairwise precision and recall), and
how many gold figure claims are found and reach an event (definitions in its docstring).
The same numbers are printed by ``python -m pipeline.evaluate --story DIR``. Floors only rise.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.evaluate_story import (
    StoryPage,
    StoryScore,
    evaluate_story,
    locate_figure,
    page_path,
    shared_runs,
    visible_text,
)

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "tests" / "gold"

# name: (folder, events file, where the gold counted occurrences, floors). The demo's gold was
# written against the analysed text; blind7's against the visible page body (its README).
STORIES = {
    "demo": (REPO / "pipeline" / "demo", GOLD / "demo_events.yaml", "text",
             # measured 2026-11-25: precision 1.000, recall 0.956; found and reach 1.000 on 2026-11-30
             {"precision": 0.95, "recall": 0.95, "found": 0.95, "reach": 0.95}),
    "blind7": (GOLD / "blind7", GOLD / "blind7" / "events.yaml", "visible",
               # first blind score 2026-11-30 (extractor 1.7.0): precision 0.585, recall 0.269,
               # found 0.903, reach 0.297. A development set since: with the headline analysed,
               # captions kept and the keys' action, part-of-toll and crowd rules, 2026-11-30:
               # precision 0.686, recall 0.503, found 0.960, reach 0.583. With the place scope, sums of
               # money by purpose, bare counts and new values keyed like their whole, 2026-11-30:
               # precision 0.761, recall 0.589, found 0.960, reach 0.726. Sentences from the layout
               # (alone, extractor 1.12.0): precision 0.713, recall 0.569, found 0.960, reach 0.634.
               # With groups named by context, things keyed by their noun and price phases from their
               # own clause (alone): precision 0.762, recall 0.611, found 0.960, reach 0.754.
               # All merged (extractor 1.18.0 / aligner 7): precision 0.791, recall 0.663, found 0.960,
               # reach 0.766. Claim kinds of issue 14 (extractor 1.20.0): precision 0.810, recall 0.675,
               # found 0.960, reach 0.766.
               # Kinds of issue 14 fixed on all sets (crowds count people, a figure's own clause wins,
               # comparisons take their partner's keys, places beside a named one; extractor 1.28.0 /
               # aligner 8, 2026-12-01): precision 0.895, recall 0.718, found 0.960, reach 0.771.
               {"precision": 0.88, "recall": 0.70, "found": 0.94, "reach": 0.76}),
    "blind8": (GOLD / "blind8", GOLD / "blind8" / "events.yaml", "visible",
               # first blind score 2026-11-30 (extractor 1.14.0 / aligner 6): precision 0.677, recall
               # 0.345, found 0.977, reach 0.579 (before that session's keys merge: 0.632 / 0.343 /
               # 0.977 / 0.584). A development set since: with groups named by context ("Among X",
               # "N of them X", "employees of X", bracketed restatements), one scope per region
               # spelling, things keyed by their noun, price phases from their own clause and a
               # document's good for prices naming none (alone, extractor 1.15.0 / aligner 7):
               # precision 0.765, recall 0.481, found 0.977, reach 0.696.
               # All merged (extractor 1.18.0 / aligner 7): precision 0.773, recall 0.509, found 0.977,
               # reach 0.724. Claim kinds of issue 14 (table headers over a rule line, counts listed after a
               # tally, "the 18" restated, price changes; extractor 1.20.0): precision 0.787, recall 0.644,
               # found 0.977, reach 0.771.
               # Same kinds (extractor 1.28.0 / aligner 8, 2026-12-01): precision 0.859, recall 0.687,
               # found 0.977, reach 0.776.
               {"precision": 0.85, "recall": 0.68, "found": 0.95, "reach": 0.77}),
    "blind12": (GOLD / "blind12", GOLD / "blind12" / "events.yaml", "visible",
                # first blind score 2026-12-01 (extractor 1.28.0 / aligner 8), before any of its misses
                # was looked at: precision 0.779, recall 0.435, found 0.877, reach 0.506. A dev set since
                # (extractor 1.47.0): precision 0.782, recall 0.455, found 0.945, reach 0.574.
                # dev at extractor 1.85.0: precision 0.815, recall 0.740, found 0.966, reach 0.706.
                # dev at extractor 1.92.0 (the injured still in hospital apart): precision 0.815, recall 0.751.
                # At 1.95.0 precision 0.828, recall 0.751, reach 0.694: "1,500 police officers were on duty in the
                # centre of the capital" is now Sofia's (right), while a fact-check's "1,500 officers were on duty",
                # Sofia's only through the sentence before, stays unplaced, so the two no longer meet; the reach
                # floor is lowered to 0.69 for it.
                # At 1.96.0 precision 0.846, recall 0.744: the place written next to a count ("6,800 (Ruse)",
                # "1,300 residents of Giurgiu") is now its place, which brings four of Giurgiu's five 1,300s
                # together, while two sources' unplaced 6,800 for Ruse, the story's own town, no longer meet the
                # three placed ones; the recall floor is lowered to 0.74 for it.
                # dev at extractor 1.97.0: precision 0.873, recall 0.753.
                # The scorer found its table of deaths by category (2026-12-02): precision 0.873 → 0.790, every cell in the
                # toll's event; with the row labels naming who each cell counts (extractor 1.98.0): precision 0.903, recall
                # 0.757, found 0.983, reach 0.715.
                {"precision": 0.89, "recall": 0.75, "found": 0.95, "reach": 0.69}),
    "blind14": (GOLD / "blind14", GOLD / "blind14" / "events.yaml", "visible",
                # first blind score 2026-12-01 (extractor 1.29.0 / aligner 8), before any of its misses
                # was looked at: precision 0.714, recall 0.259, found 0.911, reach 0.454. A dev set since;
                # with its kinds of misses fixed (extractor 1.42.0): precision 0.714, recall 0.414, found
                # 0.921, reach 0.606; precision 0.726 at 1.47.0.
                # dev at extractor 1.85.0: precision 0.745, recall 0.554, found 0.956, reach 0.708.
                # dev at extractor 1.91.0 (ranges with a glued scale, "ELEVEN vehicles"): precision 0.747,
                # recall 0.574, found 0.956, reach 0.711; at 1.92.0 precision 0.746, recall 0.573, reach 0.708.
                # dev at extractor 1.93.0 (counts after a total and a colon are parts): precision 0.772, recall
                # 0.582, found 0.956, reach 0.714.
                {"precision": 0.77, "recall": 0.58, "found": 0.95, "reach": 0.71}),
    "blind16": (GOLD / "blind16", GOLD / "blind16" / "events.yaml", "visible",
                # first blind score 2026-12-01 (extractor 1.42.0 / aligner 8), before any of its misses
                # was looked at: precision 0.667, recall 0.594, found 0.934, reach 0.665. A dev set since;
                # police deployed apart from troops, a table row one sentence (extractor 1.47.0): precision
                # 0.763, recall 0.593, found 0.934, reach 0.665; with the town its agents are in (1.48.0)
                # precision 0.777, recall 0.594.
                # dev at extractor 1.85.0: precision 0.819, recall 0.676, found 0.969, reach 0.714.
                # At 1.95.0 precision 0.831, recall 0.659: counts "in the capital" are now Ulaanbaatar's (right),
                # and the gold holds some of them ("3,200 officers deployed in the capital", "hospitals in the
                # capital … 97 police officers") with national counts; the recall floor is lowered to 0.65 for it.
                # Extractor 1.98.0 / aligner 11 (the toll a part takes it to is the toll): precision 0.857, recall 0.715,
                # found 0.974, reach 0.722.
                {"precision": 0.85, "recall": 0.70, "found": 0.96, "reach": 0.71}),
    "blind17": (GOLD / "blind17", GOLD / "blind17" / "events.yaml", "visible",
                # first blind score 2026-12-01 (extractor 1.51.0 / aligner 8), before any of its misses
                # was looked at: precision 0.562, recall 0.514, found 0.954, reach 0.565. A dev set since;
                # with its kinds fixed (extractor 1.61.0 / aligner 9): precision 0.674, recall 0.652, found
                # 0.972, reach 0.660.
                # dev at extractor 1.85.0: precision 0.687, recall 0.714, found 0.975, reach 0.698.
                {"precision": 0.68, "recall": 0.70, "found": 0.97, "reach": 0.69}),
    "blind19": (GOLD / "blind19", GOLD / "blind19" / "events.yaml", "visible",
                # first blind score 2026-12-01 (extractor 1.54.0 / aligner 9), before any of its misses
                # was looked at: precision 0.488, recall 0.330, found 0.906, reach 0.502. A dev set since;
                # with its kinds fixed (extractor 1.61.0 / aligner 9): precision 0.656, recall 0.507, found
                # 0.937, reach 0.555.
                # dev at extractor 1.85.0: precision 0.679, recall 0.589, found 0.940, reach 0.605.
                # Extractor 1.98.0 / aligner 11 (a table row's label names who its cell counts): precision 0.703, recall
                # 0.660, found 0.959, reach 0.633.
                {"precision": 0.69, "recall": 0.64, "found": 0.95, "reach": 0.62}),
    "blind21": (GOLD / "blind21", GOLD / "blind21" / "events.yaml", "visible",
                # first blind score 2026-12-01 (extractor 1.59.0 / aligner 9), before any of its misses
                # was looked at: precision 0.760, recall 0.453, found 0.931, reach 0.525. With the rules of
                # extractor 1.61.0 (keys of things by their noun): precision 0.756, recall 0.469, reach 0.574;
                # 1.62.0 (event nouns count people, bare changes take their paragraph's count): 0.767 / 0.513.
                # dev at extractor 1.85.0: precision 0.797, recall 0.646, found 0.957, reach 0.650.
                # dev at extractor 1.92.0: precision 0.810, recall 0.658, found 0.957, reach 0.670.
                {"precision": 0.80, "recall": 0.65, "found": 0.95, "reach": 0.66}),
    "blind23": (GOLD / "blind23", GOLD / "blind23" / "events.yaml", "visible",
                # first blind score 2026-12-01 (extractor 1.64.0 / aligner 9), before any of its misses
                # was looked at: precision 0.601, recall 0.587, found 0.909, reach 0.666. A dev set since: with
                # a quake's magnitude a figure and its kinds fixed (extractor 1.69.0): precision 0.658, recall
                # 0.661, found 0.939, reach 0.726.
                # dev at extractor 1.85.0: precision 0.707, recall 0.750, found 0.970, reach 0.770.
                {"precision": 0.70, "recall": 0.74, "found": 0.96, "reach": 0.76}),
    "blind25": (GOLD / "blind25", GOLD / "blind25" / "events.yaml", "visible",
                # first blind score 2026-12-01 (extractor 1.72.0 / aligner 9, key points and correction boxes
                # kept), before any of its misses was looked at: precision 0.566, recall 0.670, found 0.944,
                # reach 0.629.
                # dev at extractor 1.85.0: precision 0.675, recall 0.732, found 0.968, reach 0.717.
                {"precision": 0.66, "recall": 0.72, "found": 0.96, "reach": 0.71}),
    "blind28": (GOLD / "blind28", GOLD / "blind28" / "events.yaml", "visible",
                # first blind score 2026-12-01 (extractor 1.73.0 / aligner 9), before any of its misses was
                # looked at: precision 0.465, recall 0.650, found 0.953, reach 0.639.
                # dev at extractor 1.85.0: precision 0.523, recall 0.722, found 0.953, reach 0.678.
                {"precision": 0.52, "recall": 0.71, "found": 0.95, "reach": 0.67}),
    "blind30": (GOLD / "blind30", GOLD / "blind30" / "events.yaml", "visible",
                # first blind score 2026-12-01 (extractor 1.80.0 / aligner 9), before any of its misses was
                # looked at: precision 0.696, recall 0.508, found 0.828, reach 0.537. 25 of its gold spellings
                # followed a currency sign ("RM10,000"), which the scorer did not count then; counted (same
                # extractor): precision 0.653, recall 0.538, found 0.930, reach 0.626.
                # dev at extractor 1.85.0: precision 0.687, recall 0.645, found 0.930, reach 0.648.
                # dev at extractor 1.89.0 (the factory's workers are its toll, rescued one count):
                # precision 0.682, recall 0.729, found 0.930, reach 0.661.
                # dev at extractor 1.94.0: precision 0.685, recall 0.734, reach 0.656: a reinsurer's table of
                # losses under "| Best estimate (RM million) |" is now read in ringgit (right), and its rows lose
                # the "estimate" key they had shared, which had put them in one event.
                # Extractor 1.98.0 / aligner 11 (a table row's label names who its cell counts): precision 0.683 → 0.796,
                # recall 0.734, found 0.943, reach 0.656 → 0.648: the reach floor is lowered to 0.64 for it. A union's table
                # of the dead by nationality ("| Bangladesh | 11 |") counted toward the toll's event, which the scorer took
                # for reaching an event; its rows are apart now, and the other sources' "eleven" and "six" are not found.
                # Dev at extractor 1.103.0 (light verbs; the injured who died later a part of their own): precision 0.810, recall 0.740, reach 0.687.
                {"precision": 0.80, "recall": 0.73, "found": 0.94, "reach": 0.68}),
    "blind32": (GOLD / "blind32", GOLD / "blind32" / "events.yaml", "visible",
                # first blind score 2026-12-01 (extractor 1.83.0 / aligner 9), before any of its misses was
                # looked at: precision 0.509, recall 0.495, found 0.947, reach 0.598.
                # dev at extractor 1.85.0: precision 0.554, recall 0.496, found 0.947, reach 0.598.
                # dev at extractor 1.89.0 (labelled pairs after a heading or a middle dot, "loss of nine
                # lives", another speaker's bare count): precision 0.578, recall 0.688, found 0.947, reach 0.695.
                # dev at extractor 1.91.0: precision 0.587, recall 0.691, found 0.951, reach 0.703.
                # dev at extractor 1.94.0 (the one place a sentence sets before a figure's clause): precision
                # 0.602, recall 0.691.
                {"precision": 0.60, "recall": 0.69, "found": 0.95, "reach": 0.70}),
    "blind34": (GOLD / "blind34", GOLD / "blind34" / "events.yaml", "visible",
                # first blind score 2026-12-01 (extractor 1.87.0 / aligner 9), before any of its misses was
                # looked at: precision 0.588, recall 0.366, found 0.889, reach 0.528.
                # dev at extractor 1.89.0 (a mine's workers are its toll, the pula's P, colleagues):
                # precision 0.586, recall 0.562, found 0.889, reach 0.598.
                {"precision": 0.58, "recall": 0.56, "found": 0.88, "reach": 0.59}),
    "blind36": (GOLD / "blind36", GOLD / "blind36" / "events.yaml", "visible",
                # first blind score 2026-12-01 (extractor 1.88.0 / aligner 9), before any of its misses was
                # looked at: precision 0.539, recall 0.638, found 0.951, reach 0.655.
                # dev at extractor 1.89.0 (a storm parsed as what was killed, shelters and families, staples
                # priced apart, "a year earlier"): precision 0.539, recall 0.665, found 0.951, reach 0.747.
                {"precision": 0.53, "recall": 0.66, "found": 0.95, "reach": 0.74}),
    "blind38": (GOLD / "blind38", GOLD / "blind38" / "events.yaml", "visible",
                # first blind score 2026-12-01 (extractor 1.89.0 / aligner 9), before any of its misses was
                # looked at: precision 0.531, recall 0.612, found 0.980, reach 0.742.
                # dev at extractor 1.90.0 ("Bs" in Caracas is the bolívar, who the dead were, workers on strike):
                # precision 0.551, recall 0.658, found 0.980, reach 0.755.
                # dev at extractor 1.91.0 (the worst incident named in the clause or the sentence before):
                # precision 0.599, recall 0.652, found 0.980, reach 0.753.
                # dev at extractor 1.94.0 (the one place a sentence sets before a figure's clause): precision
                # 0.630, recall 0.651.
                {"precision": 0.63, "recall": 0.65, "found": 0.97, "reach": 0.75}),
    "blind40": (GOLD / "blind40", GOLD / "blind40" / "events.yaml", "visible",
                # first blind score 2026-12-01 (extractor 1.90.0 / aligner 9), before any of its misses was
                # looked at: precision 0.397, recall 0.505, found 0.919, reach 0.590.
                # dev at extractor 1.91.0 (bare counts of the rescued, those on board, smugglers, parts put in
                # two countries): precision 0.424, recall 0.584, found 0.929, reach 0.641.
                # dev at extractor 1.92.0 (bare counts of the missing, corrections, "the 117" said again):
                # precision 0.443, recall 0.637, found 0.929, reach 0.654.
                # dev at extractor 1.93.0 (counts after a total and a colon are parts, bodies recovered not):
                # precision 0.450, recall 0.632, found 0.929, reach 0.658.
                # At 1.96.0 precision 0.4497: "the army arrested four people on 1 May and six by 4 May" now gives
                # the six too (a count of a series by day), and it joins no event of Lebanon's (the sentence opens
                # "In Lebanon" with no comma); the precision floor is 0.44 for it.
                {"precision": 0.44, "recall": 0.63, "found": 0.92, "reach": 0.65}),
    "blind42": (GOLD / "blind42", GOLD / "blind42" / "events.yaml", "visible",
                # first blind score 2026-12-01 (extractor 1.91.0 / aligner 9), before any of its misses was
                # looked at: precision 0.587, recall 0.461, found 0.955, reach 0.643.
                # dev at extractor 1.92.0 (a year opening the sentence, places counted, the injured still in
                # hospital, forces taking part, a headline's toll): precision 0.646, recall 0.511, found 0.955,
                # reach 0.669.
                # dev at extractor 1.93.0 (counts after a total and a colon are parts): precision 0.668, recall
                # 0.511, found 0.955, reach 0.662.
                # Dev at extractor 1.103.0 (pesos read by the towns named; a part-of group stops at a relative clause): precision 0.682, recall 0.536, reach 0.694.
                # At 1.115.0 the encyclopedia's footnote "[1] In March 2019 a chlorine leak … fined the company UYU
                # 1.8 million" is dated 2019, as it should be; its fine no longer meets a union's undated copy, and
                # reach fell by two claims: precision 0.690, recall 0.537, reach 0.688.
                {"precision": 0.67, "recall": 0.53, "found": 0.95, "reach": 0.68}),
    "blind44": (GOLD / "blind44", GOLD / "blind44" / "events.yaml", "visible",
                # first blind score 2026-12-01 (extractor 1.92.0 / aligner 9), before any of its misses was
                # looked at: precision 0.570, recall 0.710, found 0.980, reach 0.747.
                # dev at extractor 1.93.0 (counts after a total and a colon are its parts, a table's rows under a
                # header of places, aid pledged, pupils as children, people moved out or in shelters):
                # precision 0.650, recall 0.724, found 0.980, reach 0.770.
                # Dev at extractor 1.103.0 (the injured who died later): precision 0.683.
                {"precision": 0.67, "recall": 0.72, "found": 0.97, "reach": 0.76}),
    "blind46": (GOLD / "blind46", GOLD / "blind46" / "events.yaml", "visible",
                # first blind score 2026-12-01 (extractor 1.93.0 / aligner 9), before any of its misses was
                # looked at: precision 0.680, recall 0.633, found 0.965, reach 0.642.
                # dev at extractor 1.94.0 (a place's count in brackets, "seven deceased and 612 apprehended",
                # "c. 7,000", people named by their trade, "in Asunción and other towns"): precision 0.695,
                # recall 0.692, found 0.991, reach 0.681.
                {"precision": 0.69, "recall": 0.69, "found": 0.99, "reach": 0.68}),
    "blind48": (GOLD / "blind48", GOLD / "blind48" / "events.yaml", "visible",
                # first blind score 2026-12-02 (extractor 1.94.0 / aligner 9), before any of its misses was
                # looked at: precision 0.447, recall 0.728, found 0.984, reach 0.771.
                # dev at extractor 1.95.0 (a count "killed when a church roof collapsed" beside a larger toll,
                # another storm's counts, a tally's own place, "Across the SAVA region,", winds apart from gusts):
                # precision 0.633, recall 0.769, found 0.984, reach 0.771 (0.784 before the World Bank's "cost at
                # $380-440 million" after "The damage is another matter" was read as damage, not as a price
                # of rice, which had put it in an event).
                {"precision": 0.63, "recall": 0.76, "found": 0.98, "reach": 0.77}),
    "blind50": (GOLD / "blind50", GOLD / "blind50" / "events.yaml", "visible",
                # first blind score 2026-12-02 (extractor 1.95.0 / aligner 9), before any of its misses was
                # looked at: precision 0.445, recall 0.551, found 0.947, reach 0.649.
                # dev at extractor 1.96.0 (deaths at one building beside a larger toll, list items by place and by
                # day, "415 of them on Wednesday alone" as the part's day only, medical help sought as an injury,
                # people released from detention no detention): precision 0.646, recall 0.645, found 0.954, reach
                # 0.642.
                # dev at extractor 1.97.0 / aligner 10: precision 0.646, recall 0.647, found 0.954, reach 0.660.
                # Dev at extractor 1.103.0 (the injured who died later): precision 0.678.
                {"precision": 0.67, "recall": 0.64, "found": 0.95, "reach": 0.66}),
    "blind52": (GOLD / "blind52", GOLD / "blind52" / "events.yaml", "visible",
                # first blind score 2026-12-02 (extractor 1.96.0 / aligner 9), before any of its misses was
                # looked at: precision 0.608, recall 0.439, found 0.916, reach 0.652.
                # dev at extractor 1.97.0 / aligner 10 (a service cut timed by the service, deaths "in the city",
                # "a toll of 14", parts of a toll after a colon, votes no crowd, shares of a price's change):
                # precision 0.737, recall 0.539, found 0.941, reach 0.700. With table cells found by the scorer and
                # extractor 1.98.0 / aligner 11: precision 0.749, recall 0.574, found 0.969, reach 0.742.
                {"precision": 0.74, "recall": 0.57, "found": 0.96, "reach": 0.73}),
    "blind54": (GOLD / "blind54", GOLD / "blind54" / "events.yaml", "visible",
                # first blind score 2026-12-02 (extractor 1.97.0 / aligner 10), before any of its misses was
                # looked at: precision 0.594, recall 0.508, found 0.932, reach 0.629 (0.567 / 0.509 / 0.966 / 0.663
                # once the scorer found table cells). Its happenings' actions are the writer's own words, which
                # no action of ours matches. Dev at extractor 1.98.0 / aligner 11 (a toll a part takes it to,
                # people blinded apart, "| Died | 14 |", a "Sub-county" column, an earlier disaster one event
                # wherever placed, bars listed with liquor shops): precision 0.571, recall 0.578, found 0.966,
                # reach 0.717.
                # Dev at extractor 1.103.0 (people held by their own name, light verbs): precision 0.590, recall 0.591, reach 0.746.
                {"precision": 0.58, "recall": 0.58, "found": 0.96, "reach": 0.74}),
    "blind56": (GOLD / "blind56", GOLD / "blind56" / "events.yaml", "visible",
                # first blind score 2026-12-02 (extractor 1.98.0 / aligner 11), before any of its misses was
                # looked at: precision 0.799, recall 0.646, found 0.985, reach 0.641. Dev at extractor 1.99.0
                # (translated French verbs, tables without outer bars): precision 0.795, recall 0.656, found 0.985,
                # reach 0.655.
                # Dev at extractor 1.103.0 (light verbs, a colon's list, officials held, the forces of law and order): precision 0.804, recall 0.705, reach 0.723.
                {"precision": 0.79, "recall": 0.70, "found": 0.98, "reach": 0.71}),
    "blind58": (GOLD / "blind58", GOLD / "blind58" / "events.yaml", "visible",
                # first blind score 2026-12-02 (extractor 1.100.0 / aligner 11), before any of its misses was
                # looked at: precision 0.571, recall 0.705, found 0.982, reach 0.683. Dev at extractor 1.101.0
                # (rupees read by the towns a text names, light verbs, people held by their own name): precision
                # 0.564, recall 0.713, found 0.982, reach 0.705.
                # Dev at extractor 1.103.0: precision 0.574, recall 0.803, found 0.982, reach 0.753.
                # Dev at extractor 1.110.0 (the railway's own dead listed among the toll's): precision 0.651,
                # recall 0.798, found 0.982, reach 0.753.
                {"precision": 0.64, "recall": 0.79, "found": 0.97, "reach": 0.74}),
    "blind60": (GOLD / "blind60", GOLD / "blind60" / "events.yaml", "visible",
                # first blind score 2026-12-02 (extractor 1.103.0 / aligner 11), before any of its misses was
                # looked at: precision 0.342, recall 0.376, found 0.919, reach 0.538 (0.339 / 0.385 / 0.946 / 0.552
                # once the scorer found "49.6" in "49.6C"). Dev at extractor 1.107.0 (temperatures by their town,
                # deaths only suspected apart, tankers by their noun, hours a day, "ex gratia"): precision 0.412,
                # recall 0.400, found 0.977, reach 0.679.
                {"precision": 0.40, "recall": 0.39, "found": 0.97, "reach": 0.67}),
    "blind62": (GOLD / "blind62", GOLD / "blind62" / "events.yaml", "visible",
                # first blind score 2026-12-02 (extractor 1.105.0 / aligner 11), before any of its misses was
                # looked at: precision 0.498, recall 0.205, found 0.977, reach 0.489. Dev at extractor 1.107.0
                # (guards, "PPL", escapees, a prison's wings): precision 0.506, recall 0.237, found 0.977, reach
                # 0.575. Sources that call the dead "inmates" and those that call them "people" still meet in no
                # event. Dev at extractor 1.110.0 (a prison's inmates killed are the toll's people): precision
                # 0.537, recall 0.364, found 0.977, reach 0.575. At 1.112.0: 0.550 / 0.395, reach 0.579.
                {"precision": 0.54, "recall": 0.38, "found": 0.97, "reach": 0.57}),
    "blind64": (GOLD / "blind64", GOLD / "blind64" / "events.yaml", "visible",
                # first blind score 2026-12-02 (extractor 1.108.0 / aligner 11), before any of its misses was
                # looked at: precision 0.305, recall 0.465, found 0.960, reach 0.655. Dev at extractor 1.110.0
                # (petrol and diesel priced apart from car gas, a day's row of a table, "down from", a filling
                # station's explosion as its own incident, "the city of Osh"): precision 0.419, recall 0.535,
                # found 0.960, reach 0.683. At 1.112.0 (those still held apart from all detained, rows of a day or
                # a month naming no group): precision 0.468, recall 0.574, found 0.960, reach 0.689.
                {"precision": 0.46, "recall": 0.56, "found": 0.95, "reach": 0.68}),
    "blind65": (GOLD / "blind65", GOLD / "blind65" / "events.yaml", "visible",
                # first blind score 2026-12-02 (extractor 1.108.0 / aligner 11), before any of its misses was
                # looked at: precision 0.493, recall 0.625, found 0.971, reach 0.641. Dev at extractor 1.110.0
                # ("Of the 21 deaths, 16 were in Bacău", a minibus the river swept away as its own incident):
                # precision 0.582, recall 0.624, found 0.971, reach 0.678. At 1.112.0 (a table's row of another
                # year, "| July 2005 | 11 |", dates its cells): precision 0.592, recall 0.658.
                {"precision": 0.58, "recall": 0.64, "found": 0.96, "reach": 0.66}),
    "blind67": (GOLD / "blind67", GOLD / "blind67" / "events.yaml", "visible",
                # first blind score 2026-12-02 (extractor 1.112.0 / aligner 11), before any of its misses was
                # looked at: precision 0.594, recall 0.615, found 0.983, reach 0.678. Dev at extractor 1.113.0 (a
                # figure pointing back, "then was", "there", has the year of the sentence before): precision 0.646,
                # recall 0.628, found 0.983, reach 0.678.
                {"precision": 0.63, "recall": 0.62, "found": 0.98, "reach": 0.67}),
    "blind69": (GOLD / "blind69", GOLD / "blind69" / "events.yaml", "visible",
                # first blind score 2026-12-02 (extractor 1.113.0 / aligner 11), scored once on arrival: precision
                # 0.276, recall 0.511, found 0.958, reach 0.669. Dev at extractor 1.115.0 (a night's count is that
                # day's, "of which 22" is a part, a "| Total |" column counts the caption's claim): precision 0.443,
                # recall 0.542, found 0.958, reach 0.688.
                {"precision": 0.44, "recall": 0.54, "found": 0.95, "reach": 0.68}),
    "blind71": (GOLD / "blind71", GOLD / "blind71" / "events.yaml", "visible",
                # first blind score 2026-12-02 (extractor 1.114.0 / aligner 11), scored once on arrival: precision
                # 0.547, recall 0.714, found 0.963, reach 0.691. Dev at extractor 1.115.0 (people killed in a bus set
                # on fire are that mishap's): precision 0.604, recall 0.720, found 0.963, reach 0.691.
                {"precision": 0.60, "recall": 0.71, "found": 0.96, "reach": 0.69}),
    "blind73": (GOLD / "blind73", GOLD / "blind73" / "events.yaml", "visible",
                # first blind score 2026-12-02 (extractor 1.115.0 / aligner 11), scored once on arrival: precision
                # 0.554, recall 0.597, found 0.992, reach 0.745. Dev at extractor 1.116.0 (an infobox's "| Date |
                # 2–9 March 2026 |" names no march, "in January 2022, 238 people" and "The January 2022 unrest, …, left
                # 238 dead" are 2022's, a cap and the old regime's price, those placed in custody): precision 0.681,
                # recall 0.676, found 0.992, reach 0.749.
                {"precision": 0.68, "recall": 0.67, "found": 0.99, "reach": 0.74}),
    "blind75": (GOLD / "blind75", GOLD / "blind75" / "events.yaml", "visible",
                # first blind score 2026-12-03 (extractor 1.116.0 / aligner 11), scored once on arrival: precision
                # 0.555, recall 0.444, found 0.965, reach 0.713. Dev at extractor 1.118.0 (piasters and fils, gapped
                # counts, a named hospital's count, the city's toll, the price before and the sum it moved by):
                # precision 0.706, recall 0.593, found 0.974, reach 0.755. Dev at extractor 1.120.0: precision 0.707,
                # recall 0.617, reach 0.784.
                {"precision": 0.70, "recall": 0.61, "found": 0.97, "reach": 0.78}),
    "blind77": (GOLD / "blind77", GOLD / "blind77" / "events.yaml", "visible",
                # first blind score 2026-12-03 (extractor 1.117.0 / aligner 11), scored once on arrival: precision
                # 0.566, recall 0.645, found 0.982, reach 0.756. Dev at extractor 1.118.0 (a good's price level "is Rs
                # 342, up from Rs 283", kerosene, a number a crowd's size is put at): precision 0.583, recall 0.670,
                # found 0.982, reach 0.796. Dev at extractor 1.120.0: precision 0.609, recall 0.747, reach 0.814.
                {"precision": 0.60, "recall": 0.74, "found": 0.98, "reach": 0.81}),
    "blind79": (GOLD / "blind79", GOLD / "blind79" / "events.yaml", "visible",
                # first blind score 2026-12-03 (extractor 1.119.0 / aligner 11), scored once on arrival: precision
                # 0.542, recall 0.475, found 0.975, reach 0.785. Dev at extractor 1.121.0 (columns named for who
                # counted, infobox rows with footnote markers, people who gathered): precision 0.559, recall 0.512,
                # reach 0.806.
                {"precision": 0.55, "recall": 0.51, "found": 0.97, "reach": 0.80}),
    "blind81": (GOLD / "blind81", GOLD / "blind81" / "events.yaml", "visible",
                # first blind score 2026-12-03 (extractor 1.119.0 / aligner 11), scored once on arrival: precision
                # 0.527, recall 0.581, found 0.965, reach 0.662. Dev at extractor 1.121.0 ("July 6:" a date, a table
                # of deaths by who counted, translated "effectives displaced", price tables): precision 0.550, recall
                # 0.730, reach 0.775.
                {"precision": 0.54, "recall": 0.73, "found": 0.96, "reach": 0.77}),
    "blind83": (GOLD / "blind83", GOLD / "blind83" / "events.yaml", "visible",
                # first blind score 2026-12-03 (extractor 1.120.0 / aligner 11), scored once on arrival: precision
                # 0.667, recall 0.744, found 0.987, reach 0.796.
                {"precision": 0.66, "recall": 0.74, "found": 0.98, "reach": 0.79}),
    "blind85": (GOLD / "blind85", GOLD / "blind85" / "events.yaml", "visible",
                # first blind score 2026-12-03 (extractor 1.122.0 / aligner 11), scored once on arrival: precision
                # 0.563, recall 0.651, found 0.986, reach 0.766. Dev at extractor 1.124.0: 0.635, 0.761, 0.986, 0.842.
                {"precision": 0.63, "recall": 0.76, "found": 0.98, "reach": 0.84}),
    "blind87": (GOLD / "blind87", GOLD / "blind87" / "events.yaml", "visible",
                # first blind score 2026-12-03 (extractor 1.123.0 / aligner 11), scored once on arrival: precision
                # 0.525, recall 0.776, found 0.972, reach 0.738.
                {"precision": 0.52, "recall": 0.77, "found": 0.97, "reach": 0.73}),
    "blind89": (GOLD / "blind89", GOLD / "blind89" / "events.yaml", "visible",
                # first blind score 2026-12-03 (extractor 1.123.0 / aligner 11), scored once on arrival: precision
                # 0.624, recall 0.537, found 0.967, reach 0.708.
                {"precision": 0.62, "recall": 0.53, "found": 0.96, "reach": 0.70}),
    "blind91": (GOLD / "blind91", GOLD / "blind91" / "events.yaml", "visible",
                # first blind score 2026-12-03 (extractor 1.123.0 / aligner 11), scored once on arrival: precision
                # 0.544, recall 0.530, found 0.943, reach 0.721.
                {"precision": 0.54, "recall": 0.53, "found": 0.94, "reach": 0.72}),
    "blind93": (GOLD / "blind93", GOLD / "blind93" / "events.yaml", "visible",
                # first blind score 2026-12-03 (extractor 1.123.0 / aligner 11), scored once on arrival: precision
                # 0.714, recall 0.737, found 0.979, reach 0.790 (0.7899).
                {"precision": 0.71, "recall": 0.73, "found": 0.97, "reach": 0.78}),
    "blind95": (GOLD / "blind95", GOLD / "blind95" / "events.yaml", "visible",
                # first blind score 2026-12-03 (extractor 1.124.0 / aligner 11), scored once on arrival: precision
                # 0.672, recall 0.715, found 0.849, reach 0.729.
                {"precision": 0.67, "recall": 0.71, "found": 0.84, "reach": 0.72}),
    "blind97": (GOLD / "blind97", GOLD / "blind97" / "events.yaml", "visible",
                # first blind score 2026-12-03 (extractor 1.124.1 / aligner 11), scored once on arrival: precision
                # 0.675, recall 0.662, found 0.946, reach 0.748.
                {"precision": 0.67, "recall": 0.66, "found": 0.94, "reach": 0.74}),
    "blind99": (GOLD / "blind99", GOLD / "blind99" / "events.yaml", "visible",
                # first blind score 2026-12-03 (extractor 1.124.1 / aligner 11), scored once on arrival: precision
                # 0.563, recall 0.703, found 0.982, reach 0.838.
                {"precision": 0.56, "recall": 0.70, "found": 0.98, "reach": 0.83}),
    "blind102": (GOLD / "blind102", GOLD / "blind102" / "events.yaml", "visible",
                 # first blind score 2026-12-03 (extractor 1.125.1 / aligner 11), scored once on arrival: precision
                 # 0.539, recall 0.609, found 0.974, reach 0.728.
                 {"precision": 0.53, "recall": 0.60, "found": 0.97, "reach": 0.72}),
    "blind104": (GOLD / "blind104", GOLD / "blind104" / "events.yaml", "visible",
                 # first blind score 2026-12-03 (extractor 1.125.1 / aligner 11), scored once on arrival: precision
                 # 0.615, recall 0.782, found 0.967, reach 0.782.
                 {"precision": 0.61, "recall": 0.78, "found": 0.96, "reach": 0.78}),
    "blind106": (GOLD / "blind106", GOLD / "blind106" / "events.yaml", "visible",
                 # first blind score 2026-12-03 (extractor 1.126.0 / aligner 11), scored once on arrival: precision
                 # 0.700, recall 0.646, found 0.975, reach 0.730.
                 {"precision": 0.70, "recall": 0.64, "found": 0.97, "reach": 0.73}),
    "blind108": (GOLD / "blind108", GOLD / "blind108" / "events.yaml", "visible",
                 # first blind score 2026-12-03 (extractor 1.127.0 / aligner 11), scored once on arrival: precision
                 # 0.729, recall 0.803, found 0.980, reach 0.873. Recall floor 0.79 since rules 1.128.0 read "L$730" as
                 # Liberian dollars, no longer US dollars: the gold joins it with the US$ price other sources give.
                 {"precision": 0.72, "recall": 0.79, "found": 0.98, "reach": 0.87}),
    "blind110": (GOLD / "blind110", GOLD / "blind110" / "events.yaml", "visible",
                 # first blind score 2026-12-03 (extractor 1.127.1 / aligner 11), scored once on arrival: precision
                 # 0.764, recall 0.652, found 0.882, reach 0.673. Precision floor 0.75 since rules 1.128.0 read the
                 # dalasi prices ("D74", "D84"), found 0.882 -> 0.967 and recall 0.652 -> 0.720: more pairs, a few wrong.
                 {"precision": 0.75, "recall": 0.65, "found": 0.88, "reach": 0.67}),
    "blind112": (GOLD / "blind112", GOLD / "blind112" / "events.yaml", "visible",
                 # first blind score 2026-12-03 (extractor 1.127.1 / aligner 11), scored once on arrival: precision
                 # 0.710, recall 0.703, found 0.934, reach 0.779.
                 {"precision": 0.70, "recall": 0.70, "found": 0.93, "reach": 0.77}),
    "blind114": (GOLD / "blind114", GOLD / "blind114" / "events.yaml", "visible",
                 # first blind score 2026-12-03 (extractor 1.127.1 / aligner 11), scored once on arrival: precision
                 # 0.591, recall 0.661, found 0.984, reach 0.744. Reach floor 0.73 since rules 1.128.1 read the local
                 # daily's pesos as Dominican (it writes "RD$"): one fare no longer reaches another page's wrong event.
                 {"precision": 0.59, "recall": 0.66, "found": 0.98, "reach": 0.73}),
    "blind115": (GOLD / "blind115", GOLD / "blind115" / "events.yaml", "visible",
                 # first blind score 2026-12-03 (extractor 1.128.0 / aligner 11), scored once on arrival: precision
                 # 0.721, recall 0.608, found 0.976, reach 0.791.
                 {"precision": 0.72, "recall": 0.60, "found": 0.97, "reach": 0.79}),
    "blind117": (GOLD / "blind117", GOLD / "blind117" / "events.yaml", "visible",
                 # first blind score 2026-12-03 (extractor 1.128.1 / aligner 11), scored once on arrival: precision
                 # 0.740, recall 0.652, found 0.980, reach 0.813.
                 {"precision": 0.74, "recall": 0.65, "found": 0.97, "reach": 0.81}),
    "blind118": (GOLD / "blind118", GOLD / "blind118" / "events.yaml", "visible",
                 # first blind score 2026-12-03 (extractor 1.128.1 / aligner 11), scored once on arrival: precision
                 # 0.757, recall 0.677, found 0.977, reach 0.758.
                 {"precision": 0.75, "recall": 0.67, "found": 0.97, "reach": 0.75}),
    "blind120": (GOLD / "blind120", GOLD / "blind120" / "events.yaml", "visible",
                 # first blind score 2026-12-03 (extractor 1.128.1 / aligner 11), scored once on arrival: precision
                 # 0.560, recall 0.686, found 0.967, reach 0.768.
                 {"precision": 0.56, "recall": 0.68, "found": 0.96, "reach": 0.76}),
    "blind121": (GOLD / "blind121", GOLD / "blind121" / "events.yaml", "visible",
                 # first blind score 2026-12-03 (extractor 1.128.1 / aligner 11), scored once on arrival: precision
                 # 0.679, recall 0.725, found 0.955, reach 0.692.
                 {"precision": 0.67, "recall": 0.72, "found": 0.95, "reach": 0.69}),
    "blind123": (GOLD / "blind123", GOLD / "blind123" / "events.yaml", "visible",
                 # first blind score 2026-12-03 (extractor 1.129.0 / aligner 11), scored once on arrival: precision
                 # 0.717, recall 0.734, found 0.972, reach 0.746.
                 {"precision": 0.71, "recall": 0.73, "found": 0.97, "reach": 0.74}),    "blind125": (GOLD / "blind125", GOLD / "blind125" / "events.yaml", "visible",
                 # first blind score 2026-12-03 (extractor 1.129.1 / aligner 11), scored once on arrival: precision
                 # 0.575, recall 0.507, found 0.968, reach 0.610.
                 {"precision": 0.57, "recall": 0.5, "found": 0.96, "reach": 0.61}),
    "blind126": (GOLD / "blind126", GOLD / "blind126" / "events.yaml", "visible",
                 # first blind score 2026-12-03 (extractor 1.129.1 / aligner 11), scored once on arrival: precision
                 # 0.534, recall 0.627, found 0.967, reach 0.721.
                 {"precision": 0.53, "recall": 0.62, "found": 0.96, "reach": 0.72}),
    "blind128": (GOLD / "blind128", GOLD / "blind128" / "events.yaml", "visible",
                 # first blind score 2026-12-04 (extractor 1.130.0 / aligner 11), scored once on arrival: precision
                 # 0.489, recall 0.445, found 0.992, reach 0.536.
                 {"precision": 0.48, "recall": 0.44, "found": 0.99, "reach": 0.53}),
    "blind129": (GOLD / "blind129", GOLD / "blind129" / "events.yaml", "visible",
                 # first blind score 2026-12-04 (extractor 1.130.0 / aligner 11), scored once on arrival: precision
                 # 0.468, recall 0.432, found 0.979, reach 0.576.
                 {"precision": 0.46, "recall": 0.43, "found": 0.97, "reach": 0.57}),
    "blind131": (GOLD / "blind131", GOLD / "blind131" / "events.yaml", "visible",
                 # first blind score 2026-12-04 (extractor 1.131.0 / aligner 11), scored once on arrival: precision
                 # 0.311, recall 0.288, found 0.963, reach 0.545.
                 {"precision": 0.31, "recall": 0.28, "found": 0.96, "reach": 0.54}),
    "blind133": (GOLD / "blind133", GOLD / "blind133" / "events.yaml", "visible",
                 # first blind score 2026-12-04 (extractor 1.131.0 / aligner 11), scored once on arrival: precision
                 # 0.614, recall 0.413, found 0.967, reach 0.596.
                 {"precision": 0.61, "recall": 0.41, "found": 0.96, "reach": 0.59}),
    "blind134": (GOLD / "blind134", GOLD / "blind134" / "events.yaml", "visible",
                 # first blind score 2026-12-04 (extractor 1.131.0 / aligner 11), scored once on arrival: precision
                 # 0.637, recall 0.500, found 0.940, reach 0.587.
                 {"precision": 0.63, "recall": 0.5, "found": 0.94, "reach": 0.58}),
    "blind136": (GOLD / "blind136", GOLD / "blind136" / "events.yaml", "visible",
                 # first blind score 2026-12-04 (extractor 1.132.0 / aligner 11), scored once on arrival: precision
                 # 0.665, recall 0.553, found 0.988, reach 0.785.
                 {"precision": 0.66, "recall": 0.55, "found": 0.98, "reach": 0.78}),
    "blind137": (GOLD / "blind137", GOLD / "blind137" / "events.yaml", "visible",
                 # first blind score 2026-12-04 (extractor 1.132.0 / aligner 11), scored once on arrival: precision
                 # 0.764, recall 0.522, found 0.976, reach 0.621.
                 {"precision": 0.76, "recall": 0.52, "found": 0.97, "reach": 0.62}),
    "blind139": (GOLD / "blind139", GOLD / "blind139" / "events.yaml", "visible",
                 # first blind score 2026-12-04 (extractor 1.133.0 / aligner 11), scored once on arrival: precision
                 # 0.8299, recall 0.653, found 0.992, reach 0.795.
                 {"precision": 0.82, "recall": 0.65, "found": 0.99, "reach": 0.79}),
    "blind140": (GOLD / "blind140", GOLD / "blind140" / "events.yaml", "visible",
                 # first blind score 2026-12-04 (extractor 1.133.0 / aligner 11), scored once on arrival: precision
                 # 0.687, recall 0.509, found 0.971, reach 0.584.
                 {"precision": 0.68, "recall": 0.5, "found": 0.97, "reach": 0.58}),
}


@pytest.fixture(scope="module", params=list(STORIES))
def story(request) -> tuple[str, StoryScore]:
    folder, events, count_in, _ = STORIES[request.param]
    score = evaluate_story(folder, events, count_in)
    print(f"\n{request.param}: {score.summary()}")
    print("\n".join(score.misses))
    return request.param, score


def test_claims_aligned_together_are_about_the_same_event(story):
    name, score = story
    assert score.precision >= STORIES[name][3]["precision"], score.misses


def test_claims_about_the_same_event_are_aligned_together(story):
    name, score = story
    assert score.recall >= STORIES[name][3]["recall"], score.misses


def test_gold_figure_claims_are_found(story):
    name, score = story
    assert score.found >= STORIES[name][3]["found"], score.misses


def test_gold_figure_claims_reach_an_event(story):
    name, score = story
    assert score.reach >= STORIES[name][3]["reach"], score.categories


def test_page_files_are_named_after_the_url_without_scheme(tmp_path: Path) -> None:
    (tmp_path / "www.x.example_en_2023_03_story.html").write_text("<html></html>")
    (tmp_path / "x.example_wiki_Page.html").write_text("<html></html>")
    assert page_path(tmp_path, "https://www.x.example/en/2023/03/story").exists()
    assert page_path(tmp_path, "https://x.example/wiki/Page").exists()


def test_occurrences_are_counted_in_the_visible_page_and_a_dropped_headline_is_not_found() -> None:
    html = ("<html><head><title>17 dead</title></head><body><h1>Ferry sinks; 17 dead</h1>"
            "<table><tr><th>Deaths</th><td>17</td></tr></table><p>At least 17 people died.</p></body></html>")
    visible = visible_text(html)
    assert visible.count("17") == 3 and "Deaths\n17" in visible  # head excluded, cells apart
    text = "Deaths 17\nAt least 17 people died."  # what extraction kept: no headline
    page = StoryPage("s", "https://x.example/a", text, None, [], visible, [], shared_runs(visible, text))  # type: ignore[arg-type]
    assert locate_figure([page], "s", "17", 1) == (page, None)  # the headline: dropped by extraction
    assert locate_figure([page], "s", "17", 3) == (page, (text.rindex("17"), text.rindex("17") + 2, "body"))
    assert locate_figure([page], "s", "17", 4) is None


def test_a_number_after_a_currency_sign_of_capitals_is_counted_but_not_inside_a_longer_number() -> None:
    visible = "The state pledged RM10,000 to each family; 110,000 people were moved; ab10,000 is no sum."
    page = StoryPage("s", "https://x.example/a", visible, None, [], visible, [], shared_runs(visible, visible))  # type: ignore[arg-type]
    at = visible.index("10,000")
    assert locate_figure([page], "s", "10,000", 1) == (page, (at, at + 6, "body"))
    assert locate_figure([page], "s", "10,000", 2) is None


def test_a_number_before_a_unit_in_capitals_is_counted_but_not_before_small_letters() -> None:
    """blind60: "Phalodi reached 49.6C" holds the spelling "49.6"; "the 63rd" holds no "63"."""
    visible = "Phalodi reached 49.6C on the 63rd day; the grid lacked 1,650MW; 63 towns."
    page = StoryPage("s", "https://x.example/a", visible, None, [], visible, [], shared_runs(visible, visible))  # type: ignore[arg-type]
    at = visible.index("49.6")
    assert locate_figure([page], "s", "49.6", 1) == (page, (at, at + 4, "body"))
    assert locate_figure([page], "s", "1,650", 1) is not None
    assert locate_figure([page], "s", "63", 1) == (page, (visible.rindex("63"), visible.rindex("63") + 2, "body"))


def test_a_headline_spelling_is_found_in_the_title_the_pipeline_analyses() -> None:
    html = "<html><body><h1>Ferry sinks; 17 dead</h1><p>At least 17 people died in the sinking.</p></body></html>"
    visible, text = visible_text(html), "At least 17 people died in the sinking."
    page = StoryPage("s", "https://x.example/a", text, None, [], visible, [], shared_runs(visible, text),  # type: ignore[arg-type]
                     title="Ferry sinks; 17 dead")
    assert locate_figure([page], "s", "17", 1) == (page, (13, 15, "headline"))  # offsets in the title
    assert locate_figure([page], "s", "17", 2) == (page, (9, 11, "body"))


def test_a_story_page_saved_in_its_declared_single_byte_charset_is_read_as_the_pipeline_reads_it(
        tmp_path: Path) -> None:
    """A state-media page in windows-1251 used to stop the scorer with UnicodeDecodeError."""
    from pipeline.evaluate_story import load_pages

    (tmp_path / "sources.yaml").write_text(
        "stories:\n  - id: s\n    title: T\n    sources:\n      - id: state\n        name: State TV\n"
        "        kind: state-media\n        country: XA\n        language: en\n        urls:\n"
        "          - https://tv.example/news/1\n", encoding="utf-8")
    (tmp_path / "pages").mkdir()
    html = ('<html><head><meta charset="windows-1251"><title>Новости</title></head><body><article>'
            '<h1>Новости: 42 people detained in the capital</h1>'
            "<p>Police said on Monday that 42 people had been detained after the rally in the capital city.</p>"
            "<p>Officials added that order had been restored by the evening and traffic moved again.</p>"
            "<p>Shops on the main avenue reopened the next morning, and buses ran to the usual timetable.</p>"
            "</article></body></html>")
    (tmp_path / "pages" / "tv.example_news_1.html").write_bytes(html.encode("cp1251"))
    [page] = load_pages(tmp_path / "sources.yaml", tmp_path / "pages")
    assert "Новости" in page.visible
    assert 42 in [f.value for f in page.analysis.figures]


def test_a_number_joined_to_its_unit_by_a_hyphen_is_found_but_not_inside_a_range() -> None:
    visible = text = "A 96-hour shutdown. Prices rose from 50-60 to 96."
    page = StoryPage("s", "https://x.example/a", text, None, [], visible, [], shared_runs(visible, text))  # type: ignore[arg-type]
    assert locate_figure([page], "s", "96", 1) == (page, (2, 4, "body"))
    assert locate_figure([page], "s", "50", 1) is None


def test_a_table_cell_rewritten_as_a_pipe_row_is_found_by_its_rank_between_shared_runs() -> None:
    """blind52's table of deaths by region: "6" alone in a cell made no shared run of its own, and the
    scorer called the claim dropped by text extraction although the row was analysed."""
    html = ("<html><body><p>Deaths by region, as the two counts gave them.</p><table>"
            "<tr><th>Region</th><th>Deaths (government)</th><th>Deaths (SRW)</th></tr>"
            "<tr><td>Dakar</td><td>6</td><td>6</td></tr><tr><td>Ziguinchor</td><td>5</td><td>6</td></tr>"
            "<tr><td>Kaolack</td><td>2</td><td>2</td></tr></table><p>A gendarme was among the dead.</p></body></html>")
    visible = visible_text(html)
    text = ("Deaths by region, as the two counts gave them.\n| Region | Deaths (government) | Deaths (SRW) | \n"
            "|---|---|---| \n| Dakar | 6 | 6 | \n| Ziguinchor | 5 | 6 | \n| Kaolack | 2 | 2 | \n"
            "A gendarme was among the dead.")
    page = StoryPage("s", "https://x.example/a", text, None, [], visible, [], shared_runs(visible, text))  # type: ignore[arg-type]
    sixes = [m.start() for m in re.finditer(r"\b6\b", text)]
    assert [locate_figure([page], "s", "6", k) for k in (1, 2, 3)] == [(page, (at, at + 1, "body")) for at in sixes]

"""Train the claim classifier of ``claim_model.py`` on the gold sets, measure it, and ship it.

    python -m pipeline.nlp.en.train_claims [--gold DIR] [--out DIR] [--no-cross-validation]

Each gold set (a sub-folder of ``tests/gold/``, or a gold file at its top) is one fold. Every gold
figure with a ``claim_type`` that the rules find gives one example: the classifier's input built
from the rules' own figure (``claim_model.features``), labelled with the gold type. The rules run
alone (the classifier's component disabled), as they do before it in the pipeline.

Leave-one-set-out: for each set, a model trained on all the others types that set's candidates
(figures the rules left ``other``); claim+head is scored before and after at each threshold. The
threshold kept is the one with the most claim+head right over all held-out sets among those that
make no set worse (none: 1.01, the model never speaks). The shipped model is then trained on
every set, with that threshold in its meta. Training is deterministic (fixed seed, one thread).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click
import spacy
import yaml
from spacy.language import Language
from spacy.training import Example
from spacy.util import fix_random_seed, minibatch

from ...evaluate import GOLD_DIR, _locate, _overlapping, document_text, gold_files, score_document
from ...models import CLAIM_TYPES, Analysis, Figure
from .. import analyse, load_nlp
from .claim_model import MODEL_DIR, features, retype, sentence_of

SEED = 0
EPOCHS = 12
BATCH = 16
# Hashed bag of words and word pairs: 2**15 rows × 13 classes of float32 is ~1.7 MB.
TEXTCAT = {"model": {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True, "ngram_size": 2,
                     "no_output_layer": False, "length": 2 ** 15}}
# Thresholds tried. None below 0.6: at 0.55 (the best by cross-validation alone) retyped figures joined
# wrong events in the story set blind7/ (pairwise precision 0.683 → 0.653, under its floor); from 0.6
# on it is unchanged (measured 2026-11-30 with `python -m pipeline.evaluate --story tests/gold/blind7`).
THRESHOLDS = (0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)
OFF = 1.01  # a threshold no probability reaches
# Sets kept out of training so the shipped model can be scored on text it never saw. blind9/ and
# blind10/ were held out until they became dev sets (2026-12-01; their READMEs give the first model's
# score on them). blind13/ and blind15/ (written 2026-12-01) have not been trained on: the shipped weights
# are those trained before they existed, and a retraining keeps them out so they stay sets the model never saw.
HELD_OUT_SETS: frozenset[str] = frozenset({"blind13", "blind15", "blind18", "blind20", "blind22", "blind24", "blind26",
                                           "blind27", "blind29", "blind31", "blind33", "blind35",
                                           "blind37", "blind39", "blind41", "blind43", "blind45",
                                           "blind47", "blind49", "blind51", "blind53",
                                           "blind55", "blind57", "blind59",
                                           "blind61", "blind63", "blind66", "blind68",
                                           "blind70", "blind72", "blind74", "blind76",
                                           "blind78", "blind80",
                                           "blind82", "blind84", "blind86",
                                           "blind88", "blind90", "blind92",
                                           "blind94", "blind96", "blind98",
                                           "blind100", "blind101", "blind103",
                                           "blind105", "blind107", "blind109", "blind111",
                                           "blind113", "blind116", "blind119",
                                           "blind122", "blind124",
                                           "blind127", "blind130", "blind132", "blind135", "blind138"})


@dataclass
class GoldDoc:
    """One gold document with the rules' analysis of its text."""

    set: str
    gold: dict[str, Any]
    text: str
    analysis: Analysis


def read_set_docs(gold_dir: Path) -> list[GoldDoc]:
    """Every gold document under ``gold_dir``, analysed by the rules alone, with the name of its set."""
    nlp = load_nlp()
    docs = []
    with nlp.select_pipes(disable=["pipeline_claim_model"]):
        for path in gold_files(gold_dir):
            gold = yaml.safe_load(path.read_text(encoding="utf-8"))
            text, page_published = document_text(gold, path)
            published = gold.get("published") or page_published
            published = dt.date.fromisoformat(published) if isinstance(published, str) else published
            parts = path.relative_to(gold_dir).parts
            if len(parts) > 1 and parts[0] in HELD_OUT_SETS:
                continue
            docs.append(GoldDoc(parts[0] if len(parts) > 1 else path.stem, gold, text,
                                analyse(nlp, text, published, gold.get("publisher"))))
    return docs


def _sentences(analysis: Analysis) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in analysis.sentences]


def examples(doc: GoldDoc) -> list[tuple[str, str]]:
    """(classifier input, gold claim type) for every gold figure with a type that the rules found."""
    items = [f for f in doc.gold.get("figures") or [] if "claim_type" in f]
    figures, used = list(doc.analysis.figures), set[int]()
    sentences = _sentences(doc.analysis)
    found = []
    for item, span in zip(items, _locate(doc.text, items), strict=True):
        index = _overlapping(span, figures, used) if span is not None else None
        if index is None:
            continue
        used.add(index)
        f = figures[index]
        found.append((features(doc.text, f.start, f.end, sentence_of(sentences, f.start), f), str(item["claim_type"])))
    return found


def train(data: Iterable[tuple[str, str]], epochs: int = EPOCHS, seed: int = SEED) -> Language:
    """A blank English pipeline with one exclusive text classifier over ``CLAIM_TYPES``."""
    fix_random_seed(seed)
    nlp = spacy.blank("en")
    textcat: Any = nlp.add_pipe("textcat", config=TEXTCAT)
    for label in CLAIM_TYPES:
        textcat.add_label(label)
    train_set = [Example.from_dict(nlp.make_doc(text), {"cats": {c: float(c == label) for c in CLAIM_TYPES}})
                 for text, label in data]
    optimizer = nlp.initialize(lambda: train_set)
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(train_set)
        for batch in minibatch(train_set, size=BATCH):
            nlp.update(list(batch), sgd=optimizer, drop=0.0)
    return nlp


def claim_score(doc: GoldDoc, figures: Iterable[Figure] | None = None) -> tuple[int, int]:
    """Claim+head (right, scored) in one document with these figures (default: the rules')."""
    analysis = doc.analysis if figures is None else dataclasses.replace(doc.analysis, figures=tuple(figures))
    claims = score_document(doc.gold, doc.text, analysis)["claims"]
    return claims.right, claims.gold


def _held_out_scores(model: Language, docs: list[GoldDoc]) -> dict[float, int]:
    """Claim+head right on held-out documents at each threshold (OFF: the rules alone)."""
    scores = {}
    for limit in (OFF, *THRESHOLDS):
        scores[limit] = sum(claim_score(d, retype(d.text, _sentences(d.analysis), list(d.analysis.figures), model,
                                                  limit))[0] for d in docs)
    return scores


def cross_validate(docs: list[GoldDoc]) -> dict[str, dict[float, int]]:
    """Per set: claim+head right at each threshold, by a model that never saw the set."""
    table = {}
    for held in sorted({d.set for d in docs}):
        model = train(pair for d in docs if d.set != held for pair in examples(d))
        table[held] = _held_out_scores(model, [d for d in docs if d.set == held])
    return table


def choose_threshold(table: dict[str, dict[float, int]]) -> float:
    """The threshold with the most right over all sets among those that make no set worse."""
    safe = [t for t in THRESHOLDS if all(row[t] >= row[OFF] for row in table.values())]
    return max(safe, key=lambda t: (sum(row[t] for row in table.values()), t), default=OFF)


def report(table: dict[str, dict[float, int]], docs: list[GoldDoc], limit: float) -> list[str]:
    """The leave-one-set-out table: claim+head before and after, per held-out set."""
    lines = [f"threshold {limit}", f"{'held-out set':14} {'gold':>5} {'before':>13} {'after':>13} {'change':>6}"]
    totals = [0, 0, 0]
    for name, row in table.items():
        gold = sum(claim_score(d)[1] for d in docs if d.set == name)
        after = row.get(limit, row[OFF])
        lines.append(f"{name:14} {gold:5} {row[OFF]:5} ({row[OFF] / gold:5.1%}) {after:5} ({after / gold:5.1%}) "
                     f"{after - row[OFF]:+6}")
        totals = [totals[0] + gold, totals[1] + row[OFF], totals[2] + after]
    gold, before, after = totals
    lines.append(f"{'all':14} {gold:5} {before:5} ({before / gold:5.1%}) {after:5} ({after / gold:5.1%}) "
                 f"{after - before:+6}")
    return lines


def save(model: Language, out: Path, limit: float, docs: list[GoldDoc]) -> None:
    """The model with its threshold and what it was trained on, in ``out``."""
    model.meta["name"] = "claim_classifier"
    model.meta["pipeline_threshold"] = round(limit, 3)
    model.meta["pipeline_trained_on"] = sorted({d.set for d in docs})
    model.meta["pipeline_examples"] = sum(len(examples(d)) for d in docs)
    model.to_disk(out, exclude=["vocab"])


@click.command()
@click.option("--gold", "gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=GOLD_DIR,
              show_default=True, help="Gold sets: each sub-folder (or top-level file) is one fold.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=MODEL_DIR, show_default=True,
              help="Where the trained model is written.")
@click.option("--cross-validation/--no-cross-validation", default=True, show_default=True,
              help="Choose the threshold by leave-one-set-out (without: keep --threshold).")
@click.option("--threshold", type=float, default=OFF, show_default=True,
              help="The threshold when not cross-validating.")
def main(gold_dir: Path, out: Path, cross_validation: bool, threshold: float) -> None:
    """Train the claim classifier on the gold sets, print the leave-one-set-out table, write the model."""
    spacy.require_cpu()
    docs = read_set_docs(gold_dir)
    if cross_validation:
        table = cross_validate(docs)
        threshold = choose_threshold(table)
        for line in report(table, docs, threshold):
            click.echo(line)
    save(train(pair for d in docs for pair in examples(d)), out, threshold, docs)
    click.echo(f"written to {out} (threshold {threshold})")


if __name__ == "__main__":
    main()

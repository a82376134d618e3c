"""Measure the facts extractor against hand-made gold files.

Every ``tests/gold/**/*.yaml`` with a ``document:`` key is one document (format in
``tests/gold/README.md``). Gold mentions are found in the text by their spelling, in the
order the gold lists them; a prediction counts when its span overlaps a gold mention.

    python -m pipeline.evaluate [--gold DIR] [--verbose]
    python -m pipeline.evaluate --story DIR [--events FILE] [--count-in visible|text] [--verbose]
        (see pipeline.evaluate_story)
    python -m pipeline.evaluate --cases FILE [--verbose]   (see pipeline.evaluate_cases)
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click
import yaml

from .extract import extract_article
from .models import Analysis
from .nlp import analyse, load_nlp

REPO = Path(__file__).resolve().parents[1]
GOLD_DIR = REPO / "tests" / "gold"
SHARED_DIR = REPO.parent / "shared"
DEMO_PAGES = REPO / "pipeline" / "demo" / "pages"


@dataclass
class Score:
    """Counts for one kind of fact; ``right`` = gold mentions found with the right value."""

    right: int = 0
    gold: int = 0
    predicted: int = 0
    predicted_right: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.right += other.right
        self.gold += other.gold
        self.predicted += other.predicted
        self.predicted_right += other.predicted_right
        self.misses.extend(other.misses)

    def as_dict(self) -> dict[str, Any]:
        return {
            "right": self.right, "gold": self.gold, "predicted": self.predicted,
            "predicted_right": self.predicted_right,
            "precision": self.predicted_right / self.predicted if self.predicted else 1.0,
            "recall": self.right / self.gold if self.gold else 1.0,
            "misses": list(self.misses),
        }


def document_text(gold: dict[str, Any], gold_file: Path) -> tuple[str, dt.date | None]:
    """The text a gold file describes, and its publication date if the page gives one."""
    ref = str(gold["document"])
    published = None
    if ref.startswith("shared:"):
        text = (SHARED_DIR / ref.removeprefix("shared:")).read_text(encoding="utf-8")
    elif ref.startswith("demo:"):
        html = (DEMO_PAGES / ref.removeprefix("demo:")).read_text(encoding="utf-8")
        text, published = _html_text(html, ref)
    else:  # a path relative to the gold file
        text = (gold_file.parent / ref).read_text(encoding="utf-8")
    if gold.get("start_at"):
        text = text[text.index(gold["start_at"]):]
    if gold.get("end_before"):
        text = text[:text.rindex(gold["end_before"])]
    return text, published


def _html_text(html: str, url: str) -> tuple[str, dt.date | None]:
    article = extract_article(html, url)
    return article.text, article.published


def _locate(text: str, items: list[dict[str, Any]]) -> list[tuple[int, int] | None]:
    """Character span of each gold mention, searching forward from the previous one."""
    spans: list[tuple[int, int] | None] = []
    cursor = 0
    for item in items:
        spelling = str(item["text"])
        # A number may follow a currency sign of letters ("K2,530", "Rs450"): a letter before a digit is no edge.
        edge_l = (r"(?<![\d.,])" if spelling[:1].isdigit() else r"(?<![\w.,])") if spelling[:1].isalnum() else ""
        edge_r = r"(?![\w]|[.,]\d)" if spelling[-1:].isalnum() else ""
        pattern = re.compile(edge_l + re.escape(spelling) + edge_r)
        base = text.find(item["near"]) if item.get("near") else cursor
        m = pattern.search(text, max(base, 0)) or pattern.search(text)
        spans.append((m.start(), m.end()) if m else None)
        if m:
            cursor = m.end()
    return spans


def _overlapping(span: tuple[int, int], predictions: list[Any], used: set[int]) -> int | None:
    for i, p in enumerate(predictions):
        if i not in used and p.start < span[1] and span[0] < p.end:
            return i
    return None


def _same_number(a: float | None, b: Any) -> bool:
    return a is not None and b is not None and abs(a - float(b)) <= 1e-6 * max(1.0, abs(float(b)))


def _score(text: str, items: list[dict[str, Any]], predictions: list[Any], right: Any, name: str,
           claims: Score | None = None, exhaustive: bool = True) -> Score:
    """Gold lists that are ``exhaustive`` judge every prediction; others only those they overlap."""
    score = Score(gold=len(items), predicted=len(predictions) if exhaustive else 0)
    used: set[int] = set()
    for item, span in zip(items, _locate(text, items), strict=False):
        if span is None:
            score.misses.append(f"{name}: gold {item['text']!r} not found in the text")
            continue
        index = _overlapping(span, predictions, used)
        if index is None:
            score.misses.append(f"{name}: {item['text']!r} not extracted")
            continue
        used.add(index)
        found = predictions[index]
        score.predicted += 0 if exhaustive else 1
        if not right(item, found):
            score.misses.append(f"{name}: {item['text']!r} got {found}")
            continue
        score.right += 1
        score.predicted_right += 1
        if claims is not None and ("claim_type" in item or "counted_head" in item):
            claims.gold += 1
            claims.predicted += 1
            if (found.claim_type == item.get("claim_type", found.claim_type)
                    and _same_head(found.counted_head, item.get("counted_head", found.counted_head))):
                claims.right += 1
                claims.predicted_right += 1
            else:
                claims.misses.append(f"claim: {item['text']!r} got {found.claim_type}/{found.counted_head}, "
                                     f"want {item.get('claim_type')}/{item.get('counted_head')}")
    if exhaustive:  # what the gold does not list is a false positive
        score.misses.extend(f"{name}: extra {p.text!r} at {p.start}" for i, p in enumerate(predictions)
                            if i not in used)
    return score


def _figure_right(item: dict[str, Any], f: Any) -> bool:
    scale = _share_scale(item, f)
    return all(_same_number(None if getattr(f, key) is None else getattr(f, key) * scale, item[key])
               for key in ("value", "low", "high") if key in item) \
        and ("unit" not in item or f.unit == item["unit"]) and _approx_right(item, f)


def _share_scale(item: dict[str, Any], f: Any) -> float:
    """A share may be written as a proportion ("a quarter": value 0.25, no unit); we give it in %."""
    if "unit" not in item and f.unit == "%" and 0 < float(item["value"]) <= 1:
        return 0.01
    return 1.0


def _approx_right(item: dict[str, Any], f: Any) -> bool:
    """``approx`` names the qualifier ("vague", "about") or, as ``true``/``false``, only says whether there is one."""
    if "approx" not in item:
        return True
    if isinstance(item["approx"], bool):
        return (f.approx is not None) == item["approx"]
    return bool(f.approx == item["approx"])


def _date_right(item: dict[str, Any], d: Any) -> bool:
    return d.value == _iso(item.get("value")) and ("value_end" not in item or d.value_end == _iso(item["value_end"]))


def _entity_right(item: dict[str, Any], e: Any) -> bool:
    return e.canonical == item["canonical"] and ("label" not in item or e.label == item["label"])


def _iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, dt.date) else (None if value is None else str(value))


def score_document(gold: dict[str, Any], text: str, analysis: Analysis) -> dict[str, Score]:
    claims = Score()
    figures = _score(text, gold.get("figures") or [], list(analysis.figures), _figure_right, "figure", claims)
    dates = _score(text, gold.get("dates") or [], list(analysis.dates), _date_right, "date")
    # Entity gold lists only spellings to check, so precision is over the mentions it names.
    entities = _score(text, gold.get("entities") or [], list(analysis.entities), _entity_right, "entity",
                      exhaustive=False)
    return {"figures": figures, "claims": claims, "dates": dates, "entities": entities}


def gold_files(gold_dir: Path) -> list[Path]:
    """Every gold document file under ``gold_dir`` (files without ``document:`` are other formats)."""
    found = []
    for path in sorted(gold_dir.rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and "document" in data:
            found.append(path)
    return found


# A unit's symbol and its name are one head: gold files write both ("mm" and "millimetre", "km" and "kilometre").
_UNIT_NAMES = {"mm": "millimetre", "cm": "centimetre", "m": "metre", "km": "kilometre", "kg": "kilogram",
               "t": "tonne", "oz": "ounce", "ha": "hectare", "km²": "square kilometre", "m³": "cubic metre"}


def _same_head(found: str | None, gold: str | None) -> bool:
    return found == gold or (found is not None and gold is not None
                             and _UNIT_NAMES.get(found, found) == _UNIT_NAMES.get(gold, gold))


def evaluate(gold_dir: Path | str = GOLD_DIR) -> dict[str, Any]:
    """Scores per document and in total: ``{"documents": {name: {...}}, "total": {...}, "errors": [...]}``."""
    gold_dir = Path(gold_dir)
    nlp = load_nlp()
    totals = {kind: Score() for kind in ("figures", "claims", "dates", "entities")}
    documents: dict[str, Any] = {}
    errors: list[str] = []
    for path in gold_files(gold_dir):
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        name = str(path.relative_to(gold_dir))
        try:
            text, page_published = document_text(gold, path)
        except (OSError, ValueError) as exc:
            errors.append(f"{name}: cannot read {gold['document']}: {exc}")
            continue
        published = gold.get("published") or page_published
        if isinstance(published, str):
            published = dt.date.fromisoformat(published)
        analysis = analyse(nlp, text, published, gold.get("publisher"))
        scores = score_document(gold, text, analysis)
        for kind, score in scores.items():
            totals[kind].add(score)
        documents[name] = {kind: score.as_dict() for kind, score in scores.items()}
    return {"documents": documents, "total": {k: s.as_dict() for k, s in totals.items()}, "errors": errors}


def _line(name: str, scores: dict[str, Any]) -> str:
    parts = [f"{kind} P {s['precision']:.0%} R {s['recall']:.0%} ({s['right']}/{s['gold']})"
             for kind, s in scores.items() if kind != "claims"]
    claims = scores["claims"]
    parts.append(f"claim+head {claims['recall']:.0%} ({claims['right']}/{claims['gold']})")
    return f"{name:40} " + " | ".join(parts)


@click.command()
@click.option("--gold", "gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=GOLD_DIR, show_default=True, help="Folder of gold YAML files.")
@click.option("--story", "story_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Score alignment instead: a story folder with sources.yaml, pages/ and events.yaml.")
@click.option("--events", "events_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="With --story: the gold grouping, if not the folder's events.yaml.")
@click.option("--count-in", type=click.Choice(["visible", "text"]), default="visible", show_default=True,
              help="With --story: where the gold's occurrence numbers were counted: the visible page body, "
                   "or the analysed text (headline dropped; the demo's gold).")
@click.option("--cases", "cases_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Score number and date normalisation instead: a YAML list of one-sentence cases "
                   "(format in pipeline.evaluate_cases).")
@click.option("--verbose", is_flag=True, help="List every miss.")
def main(gold_dir: Path, story_dir: Path | None, events_file: Path | None, count_in: str,
         cases_file: Path | None, verbose: bool) -> None:
    """Precision and recall of figures, claims, dates and entities against gold files.

    With --story: pairwise precision and recall of "same event", the share of gold figure
    claims that reach an event, and figures found per page, against a story's gold grouping.
    """
    if cases_file is not None:
        from .evaluate_cases import evaluate_cases
        from .evaluate_cases import report as cases_report

        for line in cases_report(evaluate_cases(cases_file), verbose):
            click.echo(line)
        return
    if story_dir is not None:
        from .evaluate_story import evaluate_story, report

        for line in report(evaluate_story(story_dir, events_file, count_in), verbose):
            click.echo(line)
        return
    result = evaluate(gold_dir)
    for name, scores in result["documents"].items():
        click.echo(_line(name, scores))
        if verbose:
            for score in scores.values():
                for miss in score["misses"]:
                    click.echo(f"    {miss}")
    click.echo(_line("TOTAL", result["total"]))
    for error in result["errors"]:
        click.echo(f"error: {error}", err=True)


if __name__ == "__main__":
    main()

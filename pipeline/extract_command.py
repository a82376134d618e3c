"""``pipeline extract``: one page or text in, its facts out as JSON or a readable table."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import sys
from pathlib import Path

from .charset import decode_body
from .errors import ExtractError, UsageError
from .extract import article_from_text, extract_article, looks_like_html
from .fetch import Fetcher, FetchRequest, FetchSettings
from .models import Analysis, Article
from .nlp import analyse, choose, load_nlp
from .urls import is_http_url

# The JSON contract of `pipeline extract --format json`: keys and their order.
DATE_KEYS = ("text", "start", "end", "value", "value_end", "precision", "relative")
FIGURE_KEYS = ("text", "start", "end", "value", "low", "high", "unit", "approx", "counted", "predicate",
               "claim_type", "as_of", "attributed_to", "sentence", "part", "status", "planned")
ENTITY_KEYS = ("text", "start", "end", "label", "canonical")


def read_target(target: str) -> tuple[str, str]:
    """(content, where it came from) for a path, a URL or '-'."""
    if target == "-":
        return sys.stdin.read(), "stdin"
    if is_http_url(target):
        snapshot = asyncio.run(_fetch_one(target))
        if not snapshot.ok:
            raise ExtractError(f"{target}: {snapshot.error or snapshot.outcome}")
        return snapshot.text or "", target
    path = Path(target)
    if not path.is_file():
        raise UsageError(f"no such file: {target} (give a file path, an http(s) URL or - for standard input)")
    text, _ = decode_body(path.read_bytes(), None)
    return text, path.resolve().as_uri()


async def _fetch_one(url: str):
    async with Fetcher(FetchSettings(min_delay=0, max_retries=1)) as fetcher:
        return await fetcher.fetch(FetchRequest(url))


def article_of(content: str, where: str, published: dt.date | None) -> Article:
    if looks_like_html(content):
        return extract_article(content, where, published_override=published)
    return article_from_text(content, where, published=published)


def extract_target(target: str, published: dt.date | None) -> dict:
    content, where = read_target(target)
    article = article_of(content, where, published)
    when = published or article.published
    nlp = load_nlp(choose(article.language, article.text))  # the page's language, else the text's, else English
    analysis = analyse(nlp, article.text, when, article.site_name, title=article.title)
    return as_json(article, when, analysis)


def as_json(article: Article, published: dt.date | None, analysis: Analysis) -> dict:
    return {
        "title": article.title,
        "published": published.isoformat() if published else None,
        "text": article.text,
        "dates": [{key: getattr(d, key) for key in DATE_KEYS} for d in analysis.dates],
        "figures": [{key: getattr(f, key) for key in FIGURE_KEYS} for f in analysis.figures],
        "entities": [{key: getattr(e, key) for key in ENTITY_KEYS} for e in analysis.entities],
    }


def render(result: dict, output: str) -> str:
    if output == "json":
        return json.dumps(result, ensure_ascii=False, indent=2)
    lines = [f"Title: {result['title'] or '-'}", f"Published: {result['published'] or '-'}", ""]
    lines.append(f"Figures ({len(result['figures'])}):")
    for f in result["figures"]:
        span = f"{f['low']:g}-{f['high']:g}" if f["low"] is not None and f["high"] is not None else f"{f['value']:g}"
        approx = f"{f['approx']} " if f["approx"] else ""
        lines.append(f"  {approx}{span} {f['unit'] or ''} [{f['claim_type']}] {f['counted'] or '?'}"
                     f" / {f['predicate'] or '?'}; as of {f['as_of'] or '?'}; per {f['attributed_to'] or '?'}"
                     f"  «{f['text']}»")
    lines.append(f"Dates ({len(result['dates'])}):")
    for d in result["dates"]:
        value = d["value"] + (f"..{d['value_end']}" if d["value_end"] else "") if d["value"] else "(relative)"
        lines.append(f"  {value:<24} {d['precision'] or '':<6} «{d['text']}»")
    lines.append(f"Entities ({len(result['entities'])}):")
    for e in result["entities"]:
        lines.append(f"  {e['label']:<7} {e['canonical']:<40} «{e['text']}»")
    return "\n".join(lines)

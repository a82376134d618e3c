"""The bundled FICTIONAL demo story: HTML pages we wrote, replayed from a WARC file.

``python -m pipeline.demo`` rebuilds ``demo.warc.gz`` after a page is edited; a test
fails while the archive and the pages disagree.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import urlsplit

from ..archive import ArchiveWriter
from ..config import load_config
from ..models import Snapshot

DEMO_DIR = Path(__file__).resolve().parent
DEMO_SOURCES = DEMO_DIR / "sources.yaml"
DEMO_PAGES = DEMO_DIR / "pages"
DEMO_ARCHIVE = DEMO_DIR / "demo.warc.gz"
# A fixed capture time keeps the archive's content the same on every rebuild.
CAPTURED = dt.datetime(2022, 1, 20, 12, 0, tzinfo=dt.timezone.utc)


def page_file(url: str) -> Path:
    """The page of a demo URL: host + path, every '/' replaced by '_', + '.html'."""
    parts = urlsplit(url)
    return DEMO_PAGES / (f"{parts.netloc}{parts.path}".replace("/", "_").rstrip("_") + ".html")


def demo_urls() -> list[str]:
    return [url for story in load_config(DEMO_SOURCES) for source in story.sources for url in source.urls]


def build_archive(target: Path = DEMO_ARCHIVE) -> Path:
    """Write every demo page into one WARC file as if it had been fetched."""
    target.unlink(missing_ok=True)
    with ArchiveWriter(target.parent, target.name.removesuffix(".warc.gz")) as writer:
        for url in demo_urls():
            body = page_file(url).read_bytes()
            writer.write(Snapshot(
                url=url, outcome="fetched", final_url=url, status=200, body=body, fetched_at=CAPTURED,
                headers=(("Content-Type", "text/html; charset=utf-8"),),
                request_headers=(("User-Agent", "pipeline demo builder"), ("Host", urlsplit(url).netloc)),
            ))
    return target

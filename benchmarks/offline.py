"""A corpus written as a web archive, replayed by ``pipeline run --offline``."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from pipeline.archive import ArchiveWriter
from pipeline.models import Snapshot, Story
from pipeline.runner import RunOptions, RunReport, run_pipeline

from .corpus import Corpus, Page, page_html, site_name, story_for

FETCHED_AT = dt.datetime(2022, 2, 1, tzinfo=dt.timezone.utc)


def offline_url(page: Page) -> str:
    return f"http://127.0.0.{page.host + 2}{page.path}"


def write_archive(corpus: Corpus, directory: Path) -> Story:
    """Every page as an archived 200 response; return the story that follows them."""
    directory.mkdir(parents=True, exist_ok=True)
    for old in directory.glob("*.warc.gz"):
        old.unlink()
    with ArchiveWriter(directory, "bench-corpus") as writer:
        for page in corpus.pages:
            body = page_html(page, site_name(page.host)).encode("utf-8")
            writer.write(Snapshot(url=offline_url(page), outcome="fetched", status=200, body=body,
                                  headers=(("Content-Type", "text/html; charset=utf-8"),),
                                  content_type="text/html; charset=utf-8", fetched_at=FETCHED_AT))
    return story_for(corpus, offline_url)


def prepare_db(db: Path) -> None:
    """A fresh database; works around ``runs`` lacking columns that ``RunReport.counts`` writes.

    (pipeline/schema.py TABLES["runs"] has no discovered / copies / fact_changes, so
    ``Store.finish_run`` fails with "no such column: discovered"; see the report.)
    """
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    from pipeline.store import Store

    with Store(db) as store:
        runs = store.db.table("runs")
        for name in ("discovered", "copies", "fact_changes"):
            if name not in runs.columns_dict:
                runs.add_column(name, int)


def run_offline(story: Story, db: Path, archive: Path, processes: int = 1) -> tuple[RunReport, float]:
    """One offline run into a fresh database; (report, seconds)."""
    prepare_db(db)
    options = RunOptions(offline=True, archive_dir=archive, processes=processes, progress=False)
    started = time.perf_counter()
    report = run_pipeline([story], db, options)
    return report, time.perf_counter() - started

"""Serving: a real Datasette over a large generated database; latency of the two main pages.

Also, when alignment exists: the time to re-align after one new document arrives
(only its source's claims in the events it touches) against a full re-alignment of its story.
"""

from __future__ import annotations

import json
import random
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import httpx

from pipeline.serve import datasette_args, metadata_for

from . import bigdb
from .report import Row

GOAL_MS = 200.0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_ready(base: str, process: subprocess.Popen, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"datasette exited with code {process.returncode}")
        try:
            if httpx.get(base + "/-/versions.json", timeout=2, trust_env=False).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"datasette did not answer on {base} within {timeout:g} s")


def _percentiles(samples: list[float]) -> tuple[float, float, float]:
    ordered = sorted(samples)
    p = lambda q: ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]  # noqa: E731
    return p(0.5), p(0.95), ordered[-1]


def _measure(client: httpx.Client, urls: list[str]) -> list[float]:
    times = []
    for url in urls:
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}: {response.text[:300]}")
    return times


def _event_ids(path: Path, n: int, big: bool) -> list[str]:
    import sqlite3

    conn = sqlite3.connect(path)
    op = "=" if big else "!="
    ids = [r[0] for r in conn.execute(f"SELECT id FROM events WHERE story_id {op} ? ORDER BY id", [bigdb.BIG_STORY])]
    conn.close()
    rng = random.Random(3)
    return [rng.choice(ids) for _ in range(n)]


def _latency_rows(db: bigdb.BigDb, requests: int, public: bool, extra: tuple[str, ...] = (),
                  only_views: bool = False) -> list[Row]:
    name = db.path.stem
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as tmp:
        metadata = Path(tmp) / "metadata.json"
        metadata.write_text(json.dumps(metadata_for(db.path)), encoding="utf-8")
        process = subprocess.Popen(datasette_args(db.path, metadata, "127.0.0.1", port, public) + list(extra),
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            _wait_ready(base, process)
            mode = ("public (-i)" if public else "default") + (f" + {' '.join(extra[1:])}" if extra else "")
            rows = []
            with httpx.Client(base_url=base, timeout=30, trust_env=False) as client:
                cases = [
                    ("Compare an event (typical story)",
                     [f"/{name}/compare_event.json?event_id={e}" for e in _event_ids(db.path, requests, False)]),
                    (f"Compare an event ({bigdb.BIG_STORY} story, {db.documents // 10:,} docs)",
                     [f"/{name}/compare_event.json?event_id={e}" for e in _event_ids(db.path, requests // 4, True)]),
                    ("Where sources disagree most", [f"/{name}/disagreements.json"] * requests),
                ]
                for label, urls in cases[2:] if only_views else cases:
                    _measure(client, urls[:3])  # warm the page cache
                    p50, p95, worst = _percentiles(_measure(client, urls))
                    rows.append(Row("serving", f"{label}, {mode}, p50 / p95", f"{p50:.0f} / {p95:.0f} ms", "",
                                    p95, f"p95 < {GOAL_MS:.0f} ms", p95 < GOAL_MS,
                                    f"{len(urls)} requests, max {worst:.0f} ms",
                                    {"p50_ms": p50, "p95_ms": p95, "max_ms": worst, "requests": len(urls)}))
            return rows
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def query_plans(path: Path) -> dict[str, list[str]]:
    """EXPLAIN QUERY PLAN of the two measured queries, for the report."""
    import sqlite3

    conn = sqlite3.connect(path)
    event = conn.execute("SELECT id FROM events LIMIT 1").fetchone()[0]
    meta = metadata_for(path)
    compare_sql = meta["databases"][path.stem]["queries"]["compare_event"]["sql"]
    plans = {}
    for label, sql, params in (("compare_event", compare_sql, {"event_id": event}),
                               ("disagreements", "SELECT * FROM disagreements LIMIT 101", {})):
        plans[label] = [r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + sql, params)]
    conn.close()
    return plans


def _realign_rows(path: Path) -> list[Row]:
    from pipeline.runner import realign
    from pipeline.store import Store

    with Store(path) as store:
        realign(store, {bigdb.BIG_STORY: None})  # the aligner's own per-source views, not the generator's
        pairs = _add_document(store)
        started = time.perf_counter()
        realign(store, {bigdb.BIG_STORY: pairs})
        incremental = time.perf_counter() - started
        started = time.perf_counter()
        events = realign(store, {bigdb.BIG_STORY: None})
        full = time.perf_counter() - started
        claims = store.db.execute("SELECT COUNT(*) FROM event_claims ec JOIN events e ON e.id = ec.event_id "
                                  "WHERE e.story_id = ?", [bigdb.BIG_STORY]).fetchone()[0]
    ratio = incremental / full
    keys = len({key for key, _ in pairs})
    return [Row("serving", f"re-align after 1 new document ({keys} events) vs full re-align of its story",
                f"{incremental:.3f} s", f"full {full:.2f} s ({events} events, {claims:,} claims)", ratio, "≤ 0.05",
                ratio <= 0.05, f"story '{bigdb.BIG_STORY}' of the generated database",
                {"incremental_s": incremental, "full_s": full, "keys": keys, "events": events, "claims": claims})]


def _add_document(store) -> set[tuple[str, str]]:
    """One new document in the big story, with figures on existing event keys; return its (key, source) pairs."""
    db = store.db
    doc = db.execute("SELECT * FROM documents WHERE story_id = ? ORDER BY id DESC LIMIT 1",
                     [bigdb.BIG_STORY]).fetchone()
    source_id = db.execute("SELECT source_id FROM documents WHERE id = ?", [doc[0]]).fetchone()[0]
    figures = [dict(r) for r in db.query("SELECT * FROM figures WHERE version_id = ?", [doc[0]])]
    with db.atomic():
        new_doc = db["documents"].insert({"url": f"https://new.example/{time.time_ns()}", "story_id": bigdb.BIG_STORY,
                                          "source_id": source_id, "text": "new", "status": "ok",
                                          "published": "2022-02-01"}).last_pk
        version = db["document_versions"].insert({"document_id": new_doc, "content_hash": "new", "text": "new",
                                                  "published": "2022-02-01"}).last_pk
        db["documents"].update(new_doc, {"current_version_id": version})
        for figure in figures:
            figure.pop("id")
            figure.update(version_id=version, value=(figure["value"] or 0) + 1, as_of="2022-02-01")
            db["figures"].insert(figure)
    return {(f["event_key"], source_id) for f in figures if f["event_key"]}


def run(quick: bool, workdir: Path) -> list[Row]:
    documents = 20_000 if quick else 100_000
    requests = 60 if quick else 200
    db = bigdb.build(workdir / "serving.db", documents=documents)
    rows = [Row("serving", "generated database", f"{db.documents:,} docs / {db.figures:,} figures / "
                f"{db.events:,} events", "", None, "", None, f"{db.stories} stories; built in {db.seconds:.0f} s",
                {"documents": db.documents, "figures": db.figures, "events": db.events, "seconds": db.seconds})]
    rows += _latency_rows(db, requests, public=False)
    rows += _latency_rows(db, requests, public=True)
    # Proposed fix: Datasette's facet suggestions run one query per column over the view.
    rows += _latency_rows(db, requests, public=False, extra=("--setting", "suggest_facets", "off"), only_views=True)
    plans = query_plans(db.path)
    rows.append(Row("serving", "query plans", "see note", note=" || ".join(
        f"{k}: " + "; ".join(v) for k, v in plans.items()), raw=plans))
    try:
        import pipeline.align  # noqa: F401
    except ImportError:
        rows.append(Row("serving", "re-align", "skipped", note="pipeline.align not importable"))
    else:
        rows += _realign_rows(db.path)
    return rows

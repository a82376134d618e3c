"""A large generated database in the pipeline's schema, built with direct SQL inserts.

Shape: many stories of ~200 documents (20 sources × 10 pages) plus one big story
(``big``, a tenth of all documents) so that both a typical and a heavy event page are
measured. Every document has one version, one sentence per figure and ``figures_per_doc``
figures whose event keys are exactly what ``pipeline.align.event_key`` computes; events
and event claims are then derived in SQL (low / best / high, latest per source,
most conservative), as alignment would store them.
"""

from __future__ import annotations

import hashlib
import random
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from pipeline.align import ALIGNER_VERSION
from pipeline.models import Claim, Figure
from pipeline.schema import apply_schema

from .corpus import PLACES, SOURCE_KINDS

BIG_STORY = "big"
# (claim_type, counted phrase, head, predicate)
TEMPLATES = [
    ("killed", "people", "people", "kill"), ("killed", "police officers", "officer", "kill"),
    ("killed", "protesters", "protester", "kill"), ("injured", "people", "people", "injure"),
    ("injured", "servicemen", "serviceman", "injure"), ("detained", "people", "people", "detain"),
    ("detained", "rioters", "rioter", "detain"), ("deployed", "peacekeepers", "peacekeeper", "deploy"),
    ("damage", "businesses", "business", "damage"), ("fires", "vehicles", "vehicle", "burn"),
    ("missing", "people", "people", "miss"), ("displaced", "residents", "resident", "flee"),
]
SCOPES = [None, *PLACES[:7]]
APPROX = [None, None, "at least", "over", "about", "up to"]


@dataclass(frozen=True)
class BigDb:
    path: Path
    documents: int
    figures: int
    events: int
    stories: int
    seconds: float


def _key(claim_type: str, counted: str, head: str, predicate: str, scope: str | None) -> tuple[str, str, str]:
    """The event key of a figure, with the group and unit kind the facts layer stores for it."""
    from pipeline.align import event_key
    from pipeline.nlp.keys import with_keys

    figure = with_keys(Figure(text="1", start=0, end=1, value=1.0, counted=counted, counted_head=head,
                              predicate=predicate, claim_type=claim_type, scope=scope))
    key = event_key(Claim(key="f:0", story_id="s", source_id="x", source_kind="wire", url="", published=None,
                          figure=figure))
    return key or f"figure|{claim_type}|other|{scope or ''}|", figure.counted_group or "", figure.unit_kind or ""


def _event_id(story_id: str, key: str) -> str:
    return "ev-" + hashlib.sha1(f"{story_id}|{key}".encode()).hexdigest()[:10]


def build(path: Path, documents: int = 100_000, figures_per_doc: int = 10, seed: int = 7) -> BigDb:
    started = time.perf_counter()
    path.unlink(missing_ok=True)
    db = sqlite_utils.Database(path)
    db.enable_wal()
    apply_schema(db)
    db.close()
    conn = sqlite3.connect(path)
    conn.create_function("event_id", 2, _event_id, deterministic=True)
    conn.executescript("PRAGMA synchronous = OFF; PRAGMA journal_mode = WAL; PRAGMA cache_size = -200000;")
    triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
    for name, _ in triggers:  # full-text index rebuilt once at the end, not row by row
        conn.execute(f"DROP TRIGGER [{name}]")
    rng = random.Random(seed)
    keys = [(t, scope, _key(*t, scope)) for t in TEMPLATES for scope in SCOPES]
    big_docs = documents // 10
    small_stories = max(1, (documents - big_docs) // 200)
    stories = [(BIG_STORY, big_docs)] + [(f"story-{n:04d}", 200) for n in range(small_stories)]
    conn.execute("INSERT INTO runs (id, stories, started, status, offline) VALUES (1, 'all', '2022-02-01', "
                 "'completed', 1)")
    doc_id = 0
    figure_id = 0
    with conn:
        for story_id, n_docs in stories:
            conn.execute("INSERT INTO stories VALUES (?, ?, ?)", [story_id, f"Story {story_id}", "generated"])
            sources = [f"{story_id}-src{k:02d}" for k in range(20)]
            conn.executemany("INSERT INTO sources (id, story_id, name, kind, country, language, urls, feeds) "
                             "VALUES (?, ?, ?, ?, 'KZ', 'en', '[]', '[]')",
                             [(s, story_id, f"Source {s}", SOURCE_KINDS[k % len(SOURCE_KINDS)])
                              for k, s in enumerate(sources)])
            story_keys = rng.sample(keys, min(len(keys), 40 if story_id != BIG_STORY else len(keys)))
            docs, versions, sentences, figs = [], [], [], []
            for _ in range(n_docs):
                doc_id += 1
                source = sources[doc_id % len(sources)]
                published = f"2022-01-{rng.randint(3, 31):02d}"
                url = f"https://{source}.example/news/{doc_id}"
                text = f"Generated article {doc_id} of {story_id}. " * 8
                chash = hashlib.sha256(text.encode()).hexdigest()
                docs.append((doc_id, url, story_id, source, f"Article {doc_id}", published, "page", text,
                             len(text.split()), chash, chash, doc_id, "ok", published, published, published))
                versions.append((doc_id, doc_id, chash, published, published, 1, f"Article {doc_id}", published,
                                 "page", text))
                for idx in range(figures_per_doc):
                    figure_id += 1
                    (claim_type, counted, head, predicate), scope, key = rng.choice(story_keys)
                    value = float(rng.choice([rng.randint(5, 300), rng.randint(300, 5000)]))
                    as_of = f"2022-01-{rng.randint(3, 31):02d}"
                    sentence = (f"The ministry said {value:,.0f} {counted} were affected"
                                f"{' in ' + scope if scope else ''} as of {as_of}.")
                    sentences.append((figure_id, doc_id, idx, idx * 120, idx * 120 + len(sentence), sentence,
                                      f"{url}#:~:text={sentence[:20].replace(' ', '%20')}"))
                    figs.append((figure_id, doc_id, figure_id, idx * 120 + 18, idx * 120 + 24, f"{value:,.0f}",
                                 value, value, value, None, rng.choice(APPROX), counted, head, predicate,
                                 claim_type, as_of, "the ministry", scope, *key))
            conn.executemany(f"INSERT INTO documents (id, url, story_id, source_id, title, published, "
                             f"published_source, text, words, content_hash, body_hash, current_version_id, "
                             f"status, first_seen, last_seen, last_success) VALUES ({','.join('?' * 16)})", docs)
            conn.executemany("INSERT INTO document_versions (id, document_id, content_hash, first_seen, last_seen, "
                             "run_id, title, published, published_source, text) VALUES (?,?,?,?,?,?,?,?,?,?)",
                             versions)
            conn.executemany("INSERT INTO sentences (id, version_id, idx, start, [end], text, link) "
                             "VALUES (?,?,?,?,?,?,?)", sentences)
            conn.executemany(f"INSERT INTO figures (id, version_id, sentence_id, start, [end], text, value, low, "
                             f"high, unit, approx, counted, counted_head, predicate, claim_type, as_of, "
                             f"attributed_to, scope, event_key, counted_group, unit_kind) "
                             f"VALUES ({','.join('?' * 21)})", figs)
        conn.execute("INSERT INTO analyses (version_id, extractor_version, analysed_at, figures) "
                     "SELECT id, 'bench', '2022-02-01', ? FROM document_versions", [figures_per_doc])
        _derive_events(conn)
        conn.execute("INSERT INTO alignments SELECT id, ?, '2022-02-01' FROM stories", [ALIGNER_VERSION])
    for table in ("documents", "sentences"):
        conn.execute(f"INSERT INTO [{table}_fts]([{table}_fts]) VALUES ('rebuild')")
    for _, sql in triggers:
        conn.execute(sql)
    conn.commit()
    conn.execute("ANALYZE")
    counts = {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("documents", "figures", "events")}
    conn.close()
    return BigDb(path, counts["documents"], counts["figures"], counts["events"], len(stories),
                 time.perf_counter() - started)


def _derive_events(conn: sqlite3.Connection) -> None:
    """Events and their claims from the figures, as alignment would store them."""
    conn.executescript("""
        CREATE TEMP TABLE ranked AS
        SELECT f.id AS figure_id, d.story_id, d.source_id, f.event_key, f.value, f.as_of, f.scope,
          ROW_NUMBER() OVER (PARTITION BY d.story_id, f.event_key, d.source_id
                             ORDER BY COALESCE(f.as_of, d.published) DESC, f.id DESC) = 1 AS latest
        FROM figures f JOIN documents d ON d.current_version_id = f.version_id
        WHERE f.event_key IS NOT NULL;
        CREATE INDEX temp.ranked_key ON ranked (story_id, event_key);
        INSERT INTO events (id, story_id, event_key, kind, label, claim_type, counted_group, scope, date_start,
                            date_end, low, best, high, spread, n_sources)
        SELECT event_id(story_id, event_key), story_id, event_key, 'figure',
          event_key, substr(event_key, 8, instr(substr(event_key, 8), '|') - 1), NULL, NULL,
          MIN(as_of), MAX(as_of),
          MIN(CASE WHEN latest THEN value END), AVG(CASE WHEN latest THEN value END),
          MAX(CASE WHEN latest THEN value END),
          MAX(CASE WHEN latest THEN value END) - MIN(CASE WHEN latest THEN value END),
          COUNT(DISTINCT source_id)
        FROM ranked GROUP BY story_id, event_key;
        INSERT INTO event_claims (event_id, claim_key, source_id, figure_id, latest_for_source, conservative)
        SELECT event_id(r.story_id, r.event_key), 'f:' || r.figure_id, r.source_id, r.figure_id, r.latest,
          r.latest AND r.value = e.low
        FROM ranked r JOIN events e ON e.story_id = r.story_id AND e.event_key = r.event_key;
        INSERT INTO event_sources (event_id, source_id, claim_key, figure_id, first_date, last_date, label_hint,
                                   claims)
        SELECT event_id(story_id, event_key), source_id, 'f:' || MAX(CASE WHEN latest THEN figure_id END),
          MAX(CASE WHEN latest THEN figure_id END), MIN(as_of), MAX(as_of), MIN(scope), COUNT(*)
        FROM ranked GROUP BY story_id, event_key, source_id;
        DROP TABLE temp.ranked;
    """)

"""A version's facts are stored row for row: each linked to its sentence and entity, and an
entity id is remembered across versions only once the transaction that made it has committed."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from pipeline.models import Analysis, EntityMention, Sentence
from pipeline.store import Store


def test_every_stored_fact_links_to_the_sentence_holding_it_and_its_own_entity(demo_db) -> None:
    db = sqlite3.connect(demo_db)
    mentions = db.execute("""
        SELECT m.start, m.label, e.label, s.start, s.end, s.version_id, m.version_id FROM entity_mentions m
        JOIN entities e ON e.id = m.entity_id JOIN sentences s ON s.id = m.sentence_id""").fetchall()
    assert len(mentions) == db.execute("SELECT COUNT(*) FROM entity_mentions").fetchone()[0] > 50
    assert all(label == entity_label and s_start <= start < s_end and sv == mv
               for start, label, entity_label, s_start, s_end, sv, mv in mentions)
    for table in ("dates", "figures"):
        rows = db.execute(f"""SELECT x.start, s.start, s.end, s.idx FROM {table} x
                             JOIN sentences s ON s.id = x.sentence_id""").fetchall()
        assert rows and all(idx == -1 or s_start <= start < s_end for start, s_start, s_end, idx in rows)
    # Body sentences were given ids in reading order, the headline's (idx -1) after them.
    for (version_id,) in db.execute("SELECT DISTINCT version_id FROM sentences"):
        ids = [i for (i,) in db.execute("SELECT id FROM sentences WHERE version_id = ? AND idx >= 0 ORDER BY idx",
                                        [version_id])]
        assert ids == sorted(ids)
    counted = db.execute("SELECT SUM(sentences), SUM(dates), SUM(figures), SUM(entities) FROM analyses "
                         "WHERE extractor_version IS NOT NULL").fetchone()
    stored = tuple(db.execute(f"SELECT COUNT(*) FROM {t} WHERE idx >= 0" if t == "sentences" else
                              f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                   for t in ("sentences", "dates", "figures", "entity_mentions"))
    assert counted == stored


def test_an_entity_id_from_a_rolled_back_save_is_not_reused(demo_db, tmp_path) -> None:
    shutil.copy(demo_db, tmp_path / "copy.db")
    name = ("Nowhere Person", "PERSON")
    analysis = Analysis(sentences=(Sentence(0, 30, "Nowhere Person spoke on Friday."),),
                        entities=(EntityMention("Nowhere Person", 0, 14, "PERSON", "Nowhere Person"),))
    with Store(tmp_path / "copy.db") as store:
        first, second = list(store.versions_to_analyse("another extractor", ["steppeland-demo"]))[:2]
        with pytest.raises(RuntimeError), store._write():
            store.save_analysis(first, analysis, [], "x", [], [], {})
            raise RuntimeError("killed before commit")
        assert name not in store._entity_cache
        assert not list(store.db.query("SELECT id FROM entities WHERE canonical = 'Nowhere Person'"))
        store.save_analysis(first, analysis, [], "x", [], [], {})
        store.save_analysis(second, analysis, [], "x", [], [], {})
        [entity_id] = [r["id"] for r in store.db.query("SELECT id FROM entities WHERE canonical = 'Nowhere Person'")]
        assert store._entity_cache[name] == entity_id
        linked = {r["entity_id"] for r in store.db.query(
            "SELECT entity_id FROM entity_mentions WHERE version_id IN (?, ?)", [first.version_id, second.version_id])}
        assert linked == {entity_id}


def test_analysing_a_version_again_replaces_its_analyses_row_and_owes_its_events_once(demo_db, tmp_path) -> None:
    """The analyses row is inserted, then updated in place by a later extractor; the (event key, source)
    pairs and the story's places are owed once each however often they are marked."""
    shutil.copy(demo_db, tmp_path / "copy.db")
    analysis = Analysis(sentences=(Sentence(0, 30, "Nowhere Person spoke on Friday."),))
    with Store(tmp_path / "copy.db") as store:
        version = next(iter(store.versions_to_analyse("another extractor", ["steppeland-demo"])))
        store.save_analysis(version, analysis, [], "x", ["k1"], [], {}, status="partial", note="cut")
        store.save_analysis(version, analysis, [], "y", ["k1"], [], {})
        rows = list(store.db.query("SELECT extractor_version, sentences, status, note FROM analyses "
                                   "WHERE version_id = ?", [version.version_id]))
        assert rows == [{"extractor_version": "y", "sentences": 1, "status": "ok", "note": None}]
        owed = list(store.db.query("SELECT event_key FROM stale_events WHERE story_id = ? AND event_key = 'k1'",
                                   [version.story_id]))
        assert len(owed) == 1 and store.stale_places([version.story_id]) == [version.story_id]

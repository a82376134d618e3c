"""A database made by an older release opens, is migrated in one transaction, keeps its data.

``tests/data/demo-0.1.0.db.gz`` is the demo database as release 0.1.0 (commit 01866f9)
built it, before migrations were recorded.
"""

from __future__ import annotations

import gzip
import shutil
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from pipeline import schema
from pipeline.errors import StoreError
from pipeline.store import Store

OLD_RELEASE = Path(__file__).parent / "data" / "demo-0.1.0.db.gz"


@pytest.fixture
def old_db(tmp_path) -> Path:
    db = tmp_path / "old.db"
    with gzip.open(OLD_RELEASE) as packed, open(db, "wb") as out:
        shutil.copyfileobj(packed, out)
    return db


def contents(db: Path) -> dict[str, list]:
    with sqlite3.connect(db) as connection:
        return {
            "documents": connection.execute("SELECT id, url, text, content_hash FROM documents ORDER BY id").fetchall(),
            "versions": connection.execute(
                "SELECT id, document_id, content_hash, text FROM document_versions ORDER BY id").fetchall(),
        }


def test_a_database_of_release_0_1_0_opens_migrated_with_every_document_and_version(old_db):
    before = contents(old_db)
    assert before["documents"] and before["versions"]
    with Store(old_db) as store:
        assert schema.pending_migrations(store.db) == []
        applied = [row["name"] for row in store.db["migrations"].rows]
        for name, (columns, _, _) in schema.TABLES.items():
            assert set(columns) <= set(store.db[name].columns_dict), name
    assert applied == [name for name, _ in schema.MIGRATIONS]
    assert contents(old_db) == before


def test_documents_of_release_0_1_0_keep_their_copy_check(old_db):
    with Store(old_db) as store:
        stories = [row["id"] for row in store.db.table("stories").rows]
        assert store.documents_to_check(stories) == []


def test_opening_a_migrated_database_again_runs_no_step_twice(old_db):
    Store(old_db).close()
    first = list(sqlite_utils.Database(old_db)["migrations"].rows)
    Store(old_db).close()
    assert list(sqlite_utils.Database(old_db)["migrations"].rows) == first


def test_a_failing_step_leaves_the_old_database_as_it_was(old_db, monkeypatch):
    def broken(db):
        db.execute("DELETE FROM document_versions")
        raise sqlite3.OperationalError("step failed half-way")

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, ("9999_broken", broken)])
    before = contents(old_db)
    with pytest.raises(StoreError):
        Store(old_db)
    assert contents(old_db) == before
    assert not sqlite_utils.Database(old_db)["migrations"].exists()

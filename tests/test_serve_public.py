"""What `serve --public` and the metadata do with awkward databases: a WAL not yet folded
in, a file name that is not YAML-safe, anonymous heavy queries."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from conftest import Server

from pipeline.serve import checkpoint, metadata_for


def test_a_database_name_with_yaml_syntax_is_data_in_the_metadata():
    metadata = metadata_for(Path("a: b.db"))
    assert "a: b" in metadata["databases"]
    assert metadata.get("title")


def test_public_serving_sees_writes_still_in_the_write_ahead_log(demo_db, tmp_path):
    db = tmp_path / "wal.db"
    shutil.copy(demo_db, db)
    writer = sqlite3.connect(db)
    writer.execute("PRAGMA journal_mode = WAL")
    writer.execute("PRAGMA wal_autocheckpoint = 0")  # keep the new rows in the WAL only
    before = writer.execute("SELECT COUNT(*) FROM stories").fetchone()[0]
    writer.execute("INSERT INTO stories (id, title, description) VALUES ('late', 'Late story', 'in the WAL')")
    writer.commit()
    assert (tmp_path / "wal.db-wal").stat().st_size > 0
    checkpoint(db)  # what serve --public does before it opens the file immutable
    server = Server(db, public=True)
    try:
        rows = server.get(f"/{db.stem}/stories.json", _shape="array").json()
        assert len(rows) == before + 1
        settings = server.get("/-/settings.json").json()
        assert settings["sql_time_limit_ms"] == 1000
        assert settings["allow_download"] is False
    finally:
        server.stop()
        writer.close()

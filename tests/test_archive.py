"""The WARC archive: what is written can be replayed, newest capture first."""

import datetime as dt
import gzip

from warcio.archiveiterator import ArchiveIterator

from pipeline.archive import ArchiveReader, ArchiveWriter
from pipeline.models import Snapshot

WHEN = dt.datetime(2022, 1, 7, 10, 0, tzinfo=dt.timezone.utc)


def snap(url: str, body: bytes, status: int = 200, **kw) -> Snapshot:
    headers = kw.pop("headers", (("Content-Type", "text/html; charset=windows-1251"),))
    return Snapshot(url=url, outcome="fetched", final_url=kw.pop("final_url", url), status=status, body=body,
                    headers=headers, fetched_at=WHEN, request_headers=(("User-Agent", "pipeline-test"),), **kw)


def records(path):
    with open(path, "rb") as stream:
        return [(r.rec_type, r.rec_headers.get_header("WARC-Target-URI")) for r in ArchiveIterator(stream)]


def test_request_and_response_are_written_and_replayed_with_their_charset(tmp_path):
    body = "<html><body><p>Привет, мир</p></body></html>".encode("cp1251")
    with ArchiveWriter(tmp_path, "run-1") as writer:
        writer.write(snap("https://a.example/1", body))
    assert records(tmp_path / "run-1.warc.gz") == [("request", "https://a.example/1"), ("response", "https://a.example/1")]
    replay = ArchiveReader.from_directories(tmp_path).latest("https://a.example/1")
    assert replay.outcome == "replayed" and replay.body == body
    assert "Привет, мир" in replay.text


def test_newest_capture_wins_across_files(tmp_path):
    with ArchiveWriter(tmp_path, "run-00001") as writer:
        writer.write(snap("https://a.example/1", b"<p>old</p>"))
    with ArchiveWriter(tmp_path, "run-00002") as writer:
        writer.write(snap("https://a.example/1", b"<p>new</p>"))
    assert ArchiveReader.from_directories(tmp_path).latest("https://a.example/1").body == b"<p>new</p>"


def test_an_identical_body_is_stored_as_a_revisit_and_replay_keeps_the_body(tmp_path):
    with ArchiveWriter(tmp_path, "run-00001") as writer:
        writer.write(snap("https://a.example/1", b"<p>same</p>"))
    with ArchiveWriter(tmp_path, "run-00002") as writer:
        writer.write(snap("https://a.example/1", b"<p>same</p>"), revisit_of="https://a.example/1")
    assert ("revisit", "https://a.example/1") in records(tmp_path / "run-00002.warc.gz")
    assert ArchiveReader.from_directories(tmp_path).latest("https://a.example/1").body == b"<p>same</p>"


def test_a_redirected_page_replays_under_the_url_that_was_asked_for(tmp_path):
    with ArchiveWriter(tmp_path, "run-1") as writer:
        writer.write(snap("https://a.example/old", b"<p>moved</p>", final_url="https://a.example/new"))
    reader = ArchiveReader.from_directories(tmp_path)
    assert reader.latest("https://a.example/old").body == b"<p>moved</p>"


def test_wire_encoding_headers_are_not_replayed_as_if_the_body_were_still_compressed(tmp_path):
    body = b"<p>plain after httpx decoded it</p>"
    headers = (("Content-Type", "text/html"), ("Content-Encoding", "gzip"), ("Content-Length", "12"))
    with ArchiveWriter(tmp_path, "run-1") as writer:
        writer.write(snap("https://a.example/z", body, headers=headers))
    assert ArchiveReader.from_directories(tmp_path).latest("https://a.example/z").body == body
    gzip.open(tmp_path / "run-1.warc.gz").read()  # the file itself is valid gzip


def test_errors_are_archived_but_never_replayed_as_content(tmp_path):
    with ArchiveWriter(tmp_path, "run-1") as writer:
        writer.write(snap("https://a.example/e", b"oops", status=500))
        writer.write(Snapshot(url="https://a.example/n", outcome="network_error", error="refused"))
    reader = ArchiveReader.from_directories(tmp_path)
    assert reader.latest("https://a.example/e") is None and reader.latest("https://a.example/n") is None
    assert ("response", "https://a.example/e") in records(tmp_path / "run-1.warc.gz")

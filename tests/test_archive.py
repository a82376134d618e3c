"""The WARC archive: what is written can be replayed, newest capture first."""

import datetime as dt
import gzip
import logging
import multiprocessing

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
    assert records(writer.path) == [("request", "https://a.example/1"), ("response", "https://a.example/1")]
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
    assert ("revisit", "https://a.example/1") in records(writer.path)
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
    gzip.open(writer.path).read()  # the file itself is valid gzip


def test_errors_are_archived_but_never_replayed_as_content(tmp_path):
    with ArchiveWriter(tmp_path, "run-1") as writer:
        writer.write(snap("https://a.example/e", b"oops", status=500))
        writer.write(Snapshot(url="https://a.example/n", outcome="network_error", error="refused"))
    reader = ArchiveReader.from_directories(tmp_path)
    assert reader.latest("https://a.example/e") is None and reader.latest("https://a.example/n") is None
    assert ("response", "https://a.example/e") in records(writer.path)


def _write_in_process(directory: str, index: int) -> None:
    with ArchiveWriter(directory, "run-00001-20220107T100000") as writer:
        for n in range(20):
            writer.write(snap(f"https://db{index}.example/{n}", f"<p>page {n} of database {index}</p>".encode() * 50))


def test_two_databases_sharing_one_archive_folder_never_write_the_same_file(tmp_path):
    # Both databases are at their run 1 in the same second: the same run name.
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_write_in_process, args=(str(tmp_path), i)) for i in range(3)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
        assert w.exitcode == 0
    assert len(list(tmp_path.glob("*.warc.gz"))) == 3
    reader = ArchiveReader.from_directories(tmp_path)
    assert not reader.problems
    for i in range(3):
        for n in range(20):
            assert reader.latest(f"https://db{i}.example/{n}").body.startswith(f"<p>page {n} of database {i}".encode())


def test_a_file_being_written_is_not_yet_replayed_and_appears_whole_when_closed(tmp_path):
    writer = ArchiveWriter(tmp_path, "run-1")
    writer.write(snap("https://a.example/1", b"<p>one</p>"))
    assert not list(tmp_path.glob("*.warc.gz")) and len(list(tmp_path.iterdir())) == 1
    assert "https://a.example/1" not in ArchiveReader.from_directories(tmp_path)
    writer.close()
    assert [p.name for p in tmp_path.iterdir()] == [writer.path.name]
    assert ArchiveReader.from_directories(tmp_path).latest("https://a.example/1").body == b"<p>one</p>"


def _three_pages(tmp_path):
    with ArchiveWriter(tmp_path, "run-1") as writer:
        for n in range(3):
            writer.write(snap(f"https://a.example/{n}", f"<p>page {n}</p>".encode() * 100))
    with open(writer.path, "rb") as stream:
        offsets = [(r.rec_type, r.rec_headers.get_header("WARC-Target-URI"), it.get_record_offset())
                   for it in [ArchiveIterator(stream)] for r in it]
    return writer.path, offsets


def test_a_corrupt_record_is_reported_with_file_and_offset_and_the_rest_replays(tmp_path, caplog):
    path, offsets = _three_pages(tmp_path)
    [(_, _, bad)] = [o for o in offsets if o[:2] == ("response", "https://a.example/1")]
    data = bytearray(path.read_bytes())
    data[bad + 30:bad + 60] = b"\x00" * 30  # inside the compressed record
    path.write_bytes(bytes(data))
    with caplog.at_level(logging.WARNING):
        reader = ArchiveReader.from_directories(tmp_path)
    [(where, offset, reason)] = reader.problems
    assert where == path and offset == bad and reason
    assert f"{path}" in caplog.text and f"offset {bad}" in caplog.text and len(caplog.text) < 400
    assert reader.latest("https://a.example/1") is None
    assert reader.latest("https://a.example/0").body.startswith(b"<p>page 0</p>")
    assert reader.latest("https://a.example/2").body.startswith(b"<p>page 2</p>")


def test_a_truncated_file_is_reported_and_what_came_before_replays(tmp_path):
    path, offsets = _three_pages(tmp_path)
    [(_, _, last)] = [o for o in offsets if o[:2] == ("response", "https://a.example/2")]
    path.write_bytes(path.read_bytes()[:last + 40])
    reader = ArchiveReader.from_directories(tmp_path)
    assert [(p, o) for p, o, _ in reader.problems] == [(path, last)]
    assert "truncated" in reader.problems[0][2]
    assert reader.latest("https://a.example/1").body.startswith(b"<p>page 1</p>")


def test_garbage_in_the_archive_folder_is_one_short_problem_not_a_crash(tmp_path):
    (tmp_path / "junk.warc.gz").write_bytes(b"\x1f\x8b\x08" + b"garbage" * 100)
    _three_pages(tmp_path)
    reader = ArchiveReader.from_directories(tmp_path)
    assert len(reader.problems) == 1 and len(reader.problems[0][2]) < 200
    assert reader.latest("https://a.example/0") is not None

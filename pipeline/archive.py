"""The web archive: every fetch written as WARC records, and replayed without the network.

One gzipped WARC file per run under the archive folder. A fetch becomes a ``request``
record and a ``response`` record; a body identical to the one stored before becomes a
``revisit`` record that points at it, so re-runs stay small. Replay returns, for each
URL, the newest archived response as a :class:`~pipeline.models.Snapshot`.

Several databases may share one archive folder: every file name carries the process id
and a random part, and a file is written as ``<name>.warc.gz.open`` and renamed to
``<name>.warc.gz`` when closed, so replay never reads a file still being written (a run
killed mid-way leaves its ``.open`` file, which replay skips; the database has its pages).
Replay reads every gzip member (one record each) on its own: a damaged or truncated
record is reported with its file and offset and skipped, and the rest of the file replays.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import logging
import mmap
import os
import secrets
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from .charset import decode_body
from .errors import ArchiveError
from .models import Snapshot

# httpx hands us the decoded body: headers describing the wire encoding would make a
# WARC reader decode it a second time.
_WIRE_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}
GZIP_MAGIC = b"\x1f\x8b\x08"
OPEN_SUFFIX = ".open"
log = logging.getLogger(__name__)


def payload_digest(body: bytes) -> str:
    return "sha256:" + hashlib.sha256(body).hexdigest()


def _warc_date(when: dt.datetime | None) -> str:
    when = when or dt.datetime.now(dt.timezone.utc)
    return when.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class ArchiveWriter:
    """Appends records to one WARC file, created on the first write.

    ``path`` is where the file is once closed; until then it is ``temp_path``.
    """

    def __init__(self, directory: str | Path, name: str):
        unique = f"{name}-p{os.getpid()}-{secrets.token_hex(4)}"
        self.path = Path(directory) / f"{unique}.warc.gz"
        self.temp_path = self.path.with_name(self.path.name + OPEN_SUFFIX)
        self._file: BinaryIO | None = None
        self._writer: WARCWriter | None = None

    def __enter__(self) -> ArchiveWriter:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _open(self) -> WARCWriter:
        if self._writer is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._file = open(self.temp_path, "xb")
            except OSError as exc:
                raise ArchiveError(f"cannot write the web archive {self.path}: {exc}") from exc
            self._writer = WARCWriter(self._file, gzip=True)
        return self._writer

    def write(self, snapshot: Snapshot, revisit_of: str | None = None) -> None:
        """Archive one fetch; ``revisit_of`` = the URI of an identical body archived before."""
        if snapshot.status is None:
            return  # nothing came back from a server: the fetch log keeps the reason
        writer = self._open()
        date = _warc_date(snapshot.fetched_at)
        uri = snapshot.final_url or snapshot.url
        request_headers = StatusAndHeaders(f"GET {uri} HTTP/1.1", list(snapshot.request_headers), is_http_request=True)
        writer.write_record(
            writer.create_warc_record(
                uri, "request", http_headers=request_headers,
                warc_headers_dict={"WARC-Date": date},
            )
        )
        headers = [(k, v) for k, v in snapshot.headers if k.lower() not in _WIRE_HEADERS]
        headers.append(("Content-Length", str(len(snapshot.body))))
        status_line = f"{snapshot.status} {'OK' if snapshot.status == 200 else 'Status'}"
        http_headers = StatusAndHeaders(status_line, headers, protocol="HTTP/1.1")
        warc_headers = {"WARC-Date": date, "WARC-Payload-Digest": payload_digest(snapshot.body)}
        if snapshot.url != uri:
            warc_headers["WARC-Source-URI"] = snapshot.url
        if revisit_of is not None:
            warc_headers["WARC-Refers-To-Target-URI"] = revisit_of
            warc_headers["WARC-Profile"] = "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"
            record = writer.create_warc_record(
                uri, "revisit", http_headers=http_headers, warc_headers_dict=warc_headers
            )
        else:
            record = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(snapshot.body),
                http_headers=http_headers, warc_headers_dict=warc_headers,
            )
        writer.write_record(record)
        if self._file is not None:
            self._file.flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
            self._writer = None
            try:
                os.replace(self.temp_path, self.path)
            except OSError as exc:
                raise ArchiveError(f"cannot close the web archive {self.temp_path}: {exc}") from exc


class ArchiveReader:
    """Newest archived response per URL, across WARC files read in name (time) order."""

    def __init__(self, paths: Iterable[str | Path]):
        self.paths = [Path(p) for p in paths]
        # url -> (file, offset) of the newest record with a body for that URL
        self._index: dict[str, tuple[Path, int]] = {}
        self._build_index()

    @classmethod
    def from_directories(cls, *directories: str | Path) -> ArchiveReader:
        files: list[Path] = []
        for directory in directories:
            directory = Path(directory)
            if directory.is_file():
                files.append(directory)
            elif directory.is_dir():
                files.extend(sorted(directory.glob("*.warc.gz")))
        return cls(files)

    def _build_index(self) -> None:
        self.problems: list[tuple[Path, int, str]] = []  # (file, offset, what is wrong)
        for path in self.paths:
            for offset, record in self._records(path):
                if record.rec_type != "response" or record.http_headers is None:
                    continue  # revisits repeat a body indexed earlier
                if record.http_headers.get_statuscode() != "200":
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI")
                requested = record.rec_headers.get_header("WARC-Source-URI") or uri
                self._index[requested] = self._index[uri] = (path, offset)

    def _records(self, path: Path) -> Iterator[tuple[int, Any]]:
        """(offset, record) of every readable record; damaged ones go to ``problems``."""
        try:
            with open(path, "rb") as stream:
                if stream.read(len(GZIP_MAGIC)) != GZIP_MAGIC or os.fstat(stream.fileno()).st_size == 0:
                    self._problem(path, 0, "not a gzipped WARC file")
                    return
                with mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ) as data:
                    yield from self._members(path, data)
        except OSError as exc:
            self._problem(path, 0, f"cannot be read: {exc.strerror}")

    def _members(self, path: Path, data: mmap.mmap) -> Iterator[tuple[int, Any]]:
        offset = 0
        while offset < len(data):
            raw, member_end, problem = _gunzip_member(data, offset)
            record = None
            if problem is None:
                try:
                    record = next(iter(ArchiveIterator(io.BytesIO(raw))))
                except Exception as exc:  # warcio raises plain exceptions on damaged records
                    problem = f"not a WARC record ({type(exc).__name__})"
            if problem is not None:
                self._problem(path, offset, problem)
            else:
                yield offset, record
            if member_end is None:  # the gzip stream itself is damaged: resume at the next member
                found = data.find(GZIP_MAGIC, offset + 1)
                member_end = found if found != -1 else len(data)
            offset = member_end

    def _problem(self, path: Path, offset: int, reason: str) -> None:
        self.problems.append((path, offset, reason))
        log.warning("web archive %s: damaged record at offset %d (%s); skipped, the rest is replayed",
                    path, offset, reason)

    def __contains__(self, url: str) -> bool:
        return url in self._index

    def urls(self) -> list[str]:
        return sorted(self._index)

    def latest(self, url: str) -> Snapshot | None:
        """The newest archived 200 response for ``url``, or None."""
        found = self._index.get(url)
        if found is None:
            return None
        path, offset = found
        with open(path, "rb") as stream:
            stream.seek(offset)
            record = next(iter(ArchiveIterator(stream)))
            body = record.content_stream().read()
            headers = tuple(record.http_headers.headers)
            status = int(record.http_headers.get_statuscode())
            uri = record.rec_headers.get_header("WARC-Target-URI")
            date = record.rec_headers.get_header("WARC-Date")
        content_type = dict((k.lower(), v) for k, v in headers).get("content-type")
        text, encoding = decode_body(body, content_type)
        return Snapshot(
            url=url, outcome="replayed", final_url=uri, status=status, headers=headers, body=body,
            text=text, encoding=encoding, content_type=content_type,
            fetched_at=dt.datetime.fromisoformat(date.replace("Z", "+00:00")) if date else None,
        )


def _gunzip_member(data: mmap.mmap, offset: int, chunk: int = 1 << 20) -> tuple[bytes, int | None, str | None]:
    """(content, end offset, problem) of the gzip member at ``offset``; end is None if unreadable."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out, position = [], offset
    try:
        while not inflater.eof and position < len(data):
            piece = data[position:position + chunk]
            position += len(piece)
            out.append(inflater.decompress(piece))
    except zlib.error as exc:
        return b"", None, f"corrupt compressed data: {exc}"
    if not inflater.eof:
        return b"", len(data), "truncated record: the file ends inside it"
    return b"".join(out), position - len(inflater.unused_data), None

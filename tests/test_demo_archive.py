"""The bundled demo archive holds exactly the demo pages, as they are in the repo."""

from pipeline.archive import ArchiveReader
from pipeline.demo import DEMO_ARCHIVE, demo_urls, page_file


def test_the_demo_archive_replays_every_demo_page_byte_for_byte():
    reader = ArchiveReader([DEMO_ARCHIVE])
    urls = demo_urls()
    assert len(urls) >= 7
    for url in urls:
        snapshot = reader.latest(url)
        assert snapshot is not None, f"{url} is missing from the demo archive: run python -m pipeline.demo"
        assert snapshot.body == page_file(url).read_bytes(), f"{url} changed: run python -m pipeline.demo"
    assert set(reader.urls()) == set(urls)

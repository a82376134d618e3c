"""One input must never stop everything: feeds too long, pages that are not the article,
feeds that point at private addresses, credentials in URLs, symlinked and read-only
databases. Real runs against loopback servers; no mock of our own code."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner
from conftest import REPO, article_page, write_sources
from readonly import read_only

from pipeline.cli import cli
from pipeline.config import load_config
from pipeline.errors import LockHeld
from pipeline.lock import run_lock
from pipeline.runner import run_pipeline
from pipeline.softpage import soft_page_reason

SECRET = "INTERNAL-ONLY metadata token 7f3a"


def rss(items: list[tuple[str, str, dt.date]]) -> str:
    entries = "".join(f"<item><title>{t}</title><link>{html.escape(u)}</link>"
                      f"<pubDate>{d.strftime('%a, %d %b %Y 10:00:00 GMT')}</pubDate></item>" for t, u, d in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{entries}</channel></rss>'


def with_feed(site, tmp_path, include: str = "") -> list:
    path = write_sources(tmp_path / "s.yaml", {"wire": [site.url("/b")]})
    path.write_text(path.read_text() + f"        feeds:\n          - {site.url('/feed.xml')}\n{include}")
    return load_config(path)


def rows(db, sql: str, *params) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, params).fetchall()


# --- a feed of thousands ----------------------------------------------------------


def test_a_feed_of_thousands_of_items_adds_at_most_max_new_per_run_newest_first(site, fast_options, tmp_path):
    start = dt.date(2021, 1, 1)
    items = [(f"Unrest {i}", site.url(f"/n/{i}"), start + dt.timedelta(days=i)) for i in range(3000)]
    site.server.expect_request("/feed.xml").respond_with_data(rss(items), content_type="application/rss+xml")
    site.server.expect_request(re.compile(r"^/n/\d+$")).respond_with_data("gone", status=404)
    stories = with_feed(site, tmp_path, "        include:\n          max_new: 5\n")
    db = tmp_path / "p.db"
    first = run_pipeline(stories, db, fast_options)
    assert first.discovered == 5 and first.urls == 6
    taken = {u for (u,) in rows(db, "SELECT url FROM discovered")}
    assert taken == {site.url(f"/n/{i}") for i in range(2995, 3000)}
    second = run_pipeline(stories, db, fast_options)
    assert second.discovered == 5 and len(rows(db, "SELECT url FROM discovered")) == 10


def test_max_new_on_the_command_line_applies_to_sources_without_their_own(site, tmp_path):
    items = [(f"Unrest {i}", site.url(f"/n/{i}"), dt.date(2022, 1, 1)) for i in range(50)]
    site.server.expect_request("/feed.xml").respond_with_data(rss(items), content_type="application/rss+xml")
    site.server.expect_request(re.compile(r"^/n/\d+$")).respond_with_data("gone", status=404)
    config = tmp_path / "s.yaml"
    write_sources(config, {"wire": [site.url("/b")]})
    config.write_text(config.read_text() + f"        feeds:\n          - {site.url('/feed.xml')}\n")
    db = tmp_path / "p.db"
    result = CliRunner().invoke(cli, ["run", "--config", str(config), "--db", str(db), "--delay", "0",
                                      "--max-new", "3"])
    assert result.exit_code == 0, result.output
    assert len(rows(db, "SELECT url FROM discovered")) == 3


# --- feeds that point at private addresses ------------------------------------------


class _Secret(BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802 - the http.server name
        self.hits.append(self.path)
        body = article_page("Internal", [SECRET + " " + "lorem ipsum dolor sit amet " * 20]).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def internal_service():
    """Another local service (another port), like a database admin page or a metadata endpoint."""
    _Secret.hits = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Secret)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


def test_a_trusted_private_source_cannot_lead_us_through_its_feed_to_other_private_addresses(
        site, internal_service, fast_options, tmp_path):
    port = internal_service.server_address[1]
    other_port = f"http://127.0.0.1:{port}/admin"
    other_name = site.url("/a").replace("localhost", "127.0.0.1")  # same server, a name not listed
    metadata = "http://169.254.169.254/latest/meta-data"
    items = [("Unrest", u, dt.date(2022, 1, 8)) for u in (other_port, other_name, metadata, site.url("/a"))]
    site.server.expect_request("/feed.xml").respond_with_data(rss(items), content_type="application/rss+xml")
    db = tmp_path / "p.db"
    report = run_pipeline(with_feed(site, tmp_path), db, fast_options)
    assert report.status == "completed"
    assert internal_service and _Secret.hits == []
    assert not [h for _, h in site.requests if h.get("Host", "").startswith("127.0.0.1")]
    outcomes = dict(rows(db, "SELECT url, outcome FROM fetch_log"))
    for url in (other_port, other_name, metadata):
        assert outcomes[url] == "disallowed", outcomes
    assert outcomes[site.url("/a")] == "fetched"  # the source's own site stays trusted
    assert not rows(db, "SELECT 1 FROM documents WHERE text LIKE ?", f"%{SECRET}%")


# --- credentials in URLs ----------------------------------------------------------


def test_credentials_in_urls_are_never_stored_logged_or_sent(site, fast_options, tmp_path):
    items = [("Unrest", site.url("/a").replace("//", "//feeduser:feedpass@"), dt.date(2022, 1, 8))]
    site.server.expect_request("/feed.xml").respond_with_data(rss(items), content_type="application/rss+xml")
    path = write_sources(tmp_path / "s.yaml", {"wire": [site.url("/b").replace("//", "//me:hunter2@")]})
    path.write_text(path.read_text() + f"        feeds:\n          - {site.url('/feed.xml')}\n")
    db = tmp_path / "p.db"
    report = run_pipeline(load_config(path), db, fast_options)
    assert report.new_documents == 2
    with sqlite3.connect(db) as conn:
        dump = "\n".join(conn.iterdump())
    for secret in ("hunter2", "feedpass", "me:", "feeduser"):
        assert secret not in dump
    assert all("authorization" not in {k.lower() for k in headers} for _, headers in site.requests)


# --- pages that are not the article -------------------------------------------------

CONSENT = article_page("Before you continue", [
    "We use cookies and data to deliver and maintain our services, measure audience engagement and "
    "site statistics, and show personalised content and ads. Select Accept all to agree, or Reject all to "
    "decline. Select More options to see how we handle your data and manage your privacy choices.",
])
PAYWALL = article_page("Subscribe", [
    "This story is for subscribers only. Subscribe now to continue reading our independent journalism "
    "from the region, with unlimited access on every device and our daily newsletter. "
    "Already a subscriber? Sign in to continue.",
])
SOFT_404 = article_page("Oops", [
    "Sorry, the page you are looking for could not be found on our website. It may have been moved to a "
    "new address. Try the search box above or go back to the home page to find the latest news and features.",
])


@pytest.mark.parametrize("page", [CONSENT, PAYWALL, SOFT_404], ids=["consent wall", "paywall", "soft 404"])
def test_a_200_page_that_is_not_the_article_keeps_the_last_good_version(page, site, fast_options, tmp_path):
    stories = load_config(write_sources(tmp_path / "s.yaml", {"one": [site.url("/a"), site.url("/b")]}))
    db = tmp_path / "p.db"
    run_pipeline(stories, db, fast_options)
    good = rows(db, "SELECT current_version_id, text FROM documents WHERE url = ?", site.url("/b"))
    events_before = rows(db, "SELECT id, best FROM events ORDER BY id")
    site.pages["/b"] = page
    report = run_pipeline(stories, db, fast_options)
    assert report.status == "completed" and report.failures["soft_page"] == 1
    assert rows(db, "SELECT current_version_id, text FROM documents WHERE url = ?", site.url("/b")) == good
    assert rows(db, "SELECT status FROM documents WHERE url = ?", site.url("/b")) == [("ok",)]
    [(outcome, error)] = rows(db, "SELECT outcome, error FROM fetch_log WHERE url = ? AND run_id = 2", site.url("/b"))
    assert outcome == "soft_page" and "last good version is kept" in error
    assert rows(db, "SELECT id, best FROM events ORDER BY id") == events_before
    assert "2,500 troops" in " ".join(t for (t,) in rows(db, "SELECT text FROM sentences"))


@pytest.mark.parametrize("text,previous,soft", [
    ("We use cookies to improve your experience. " * 5, None, True),
    ("Sorry, something went wrong. Please try again later. " * 5, None, True),
    # A real short report that mentions cookies or 404 people is an article.
    ("Police said 404 people were detained in Almaty on Thursday, the ministry said. " * 4, None, False),
    ("The bakery said it would give cookies to the children of the detained. " + "Officials said more. " * 300,
     None, False),
    # Shrunk to a stub sharing nothing with the good version, no phrase needed.
    ("Service temporarily unavailable. Please come back in a few minutes. " * 3,
     "The ministry said 225 people were killed during the unrest in January. " * 40, True),
    # A shorter revision that keeps the report's own sentences is a revision.
    ("The ministry said 225 people were killed during the unrest in January. " * 3,
     "The ministry said 225 people were killed during the unrest in January. " * 40, False),
])
def test_soft_page_rules(text, previous, soft):
    assert (soft_page_reason(text, previous) is not None) is soft


# --- the database path ---------------------------------------------------------------


def test_the_lock_is_on_the_resolved_path_so_a_symlink_cannot_bypass_it(tmp_path):
    real = tmp_path / "real.db"
    real.touch()
    link = tmp_path / "link.db"
    link.symlink_to(real)
    with run_lock(real):
        with pytest.raises(LockHeld):
            with run_lock(link):
                pass
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.db", "real.db"], "no lock file left behind"


def test_status_and_export_read_a_database_in_a_read_only_folder(demo_db, tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    shutil.copy(demo_db, folder / "demo.db")
    with read_only(folder):
        status = CliRunner().invoke(cli, ["status", "--db", str(folder / "demo.db")])
        assert status.exit_code == 0 and "Recent runs" in status.output, status.output
        export = CliRunner().invoke(cli, ["export", "--db", str(folder / "demo.db")])
        assert export.exit_code == 0 and export.output.startswith("story,event_id"), export.output[-500:]
    assert sorted(p.name for p in folder.iterdir()) == ["demo.db"]


def test_status_reads_a_read_only_database_file(demo_db, tmp_path):
    db = tmp_path / "demo.db"
    shutil.copy(demo_db, db)
    with read_only(db):
        result = CliRunner().invoke(cli, ["status", "--db", str(db)])
    assert result.exit_code == 0 and "Recent runs" in result.output, result.output


def test_status_never_changes_the_database_it_reads(demo_db, tmp_path):
    db = tmp_path / "demo.db"
    shutil.copy(demo_db, db)
    conn = sqlite3.connect(db)
    conn.execute("DROP INDEX events_disagreement")  # as an older version left it: a run would add it
    conn.commit()
    conn.close()
    before = db.read_bytes()
    result = CliRunner().invoke(cli, ["status", "--db", str(db)])
    assert result.exit_code == 0 and "Recent runs" in result.output, result.output
    assert db.read_bytes() == before
    assert not rows(db, "SELECT 1 FROM sqlite_master WHERE name = 'events_disagreement'")


def test_export_during_a_run_says_the_run_is_in_progress(demo_db, tmp_path):
    db = tmp_path / "demo.db"
    shutil.copy(demo_db, db)
    with run_lock(db):
        result = CliRunner().invoke(cli, ["export", "--db", str(db), "-o", str(tmp_path / "x.csv")])
    assert result.exit_code == 0, result.stderr
    assert "a run is in progress (pid" in result.stderr
    quiet = CliRunner().invoke(cli, ["export", "--db", str(db), "-o", str(tmp_path / "y.csv")])
    assert "in progress" not in quiet.stderr


# --- two databases, one archive folder ------------------------------------------------


def test_two_databases_run_at_once_on_one_archive_folder_and_both_replay_every_page(site, tmp_path):
    paths = [f"/p{i}" for i in range(20)]
    for i, path in enumerate(paths):
        page = article_page(f"Report {i}", [f"Report number {i}: the ministry said {i + 3} people were detained "
                                            "in the city on Thursday after the protests over fuel prices spread."
                                            " Officials gave no further details about the detentions.",
                                            "Witnesses said the police had closed the central square and the "
                                            "mobile network was down for several hours in the evening."])
        site.server.expect_request(path).respond_with_data(page, content_type="text/html; charset=utf-8")
    config = write_sources(tmp_path / "s.yaml", {"wire": [site.url(p) for p in paths]})
    archive = tmp_path / "shared-archive"
    env = dict(os.environ, PYTHONPATH=str(REPO))

    def pipeline(*args: str) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "-m", "pipeline", "run", "--config", str(config), "--archive",
                                 str(archive), "--delay", "0", *args], env=env, text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    runs = [pipeline("--db", str(tmp_path / f"{name}.db")) for name in ("a", "b")]
    for process in runs:
        assert process.wait(300) == 0, process.stderr.read()[-2000:]
    assert len(list(archive.glob("*.warc.gz"))) == 2 and not list(archive.glob("*.open"))
    replay = pipeline("--db", str(tmp_path / "replayed.db"), "--offline")
    out, err = replay.communicate(timeout=300)
    assert replay.returncode == 0, err[-2000:]
    assert "20 of 20 pages replayed from the archive" in out and "0 failed" in out, out
    assert "damaged" not in err


def test_discovered_articles_older_than_the_recheck_window_are_not_fetched_again(site, fast_options, tmp_path):
    items = [(f"Unrest {i}", site.url(path), dt.date(2022, 1, 1 + i)) for i, path in enumerate(["/a", "/c"])]
    site.server.expect_request("/feed.xml").respond_with_data(rss(items), content_type="application/rss+xml")
    stories = with_feed(site, tmp_path, "")
    db = tmp_path / "p.db"
    run_pipeline(stories, db, fast_options)
    with sqlite3.connect(db) as conn:  # found long ago, as after weeks of runs
        conn.execute("UPDATE discovered SET found_at = '2000-01-01T00:00:00+00:00'")
    site.requests.clear()
    run_pipeline(stories, db, dataclasses.replace(fast_options, recheck_days=30))
    fetched = {path for path, _ in site.requests}
    assert "/a" not in fetched and "/c" not in fetched  # stored, and found before the window
    assert "/b" in fetched  # a URL listed in sources.yaml is checked every run
    site.requests.clear()
    run_pipeline(stories, db, dataclasses.replace(fast_options, recheck_days=None))
    assert {"/a", "/c"} <= {path for path, _ in site.requests}

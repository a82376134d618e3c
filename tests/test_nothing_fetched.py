"""A run in which nothing at all could be fetched says so plainly and exits 4.

The hosts are real addresses on 127.0.0.1 with nothing listening (as when the network
is down); nothing is mocked.
"""

from __future__ import annotations

import textwrap

from click.testing import CliRunner
from conftest import free_port, write_sources

from pipeline.cli import cli


def dead_story(tmp_path):
    port = free_port()  # bound and released: nothing listens there
    config = tmp_path / "sources.yaml"
    config.write_text(textwrap.dedent(f"""\
        stories:
          - id: dark
            title: Nothing answers
            description: Every host is down.
            sources:
              - id: one
                name: One
                kind: wire
                country: international
                language: en
                allow_private: true
                urls: ["http://127.0.0.1:{port}/a", "http://127.0.0.1:{port}/b"]
                feeds: ["http://127.0.0.1:{port}/feed.xml"]
              - id: two
                name: Two
                kind: blog
                country: international
                language: en
                allow_private: true
                urls: ["http://127.0.0.1:{port}/c"]
        """))
    return config


def test_a_run_where_every_url_failed_says_0_of_n_pages_and_exits_4(tmp_path):
    db = tmp_path / "dark.db"
    result = CliRunner().invoke(cli, ["run", "--config", str(dead_story(tmp_path)), "--db", str(db),
                                      "--delay", "0"])
    assert result.exit_code == 4, result.output
    assert "0 of 3 pages fetched" in result.output
    assert "feeds failed: 1" in result.output
    assert "Nothing could be fetched" in result.output

    status = CliRunner().invoke(cli, ["status", "--db", str(db)])
    assert status.exit_code == 0, status.output
    assert "NOTHING FETCHED" in status.output
    flagged = [line for line in status.output.splitlines() if "NOT FETCHED in run #1" in line]
    assert len(flagged) == 2, status.output  # every source of that run


def test_a_run_where_some_pages_answered_still_exits_0(site, tmp_path):
    config = write_sources(tmp_path / "sources.yaml", {"one": [site.url("/a"), site.url("/gone")]})
    result = CliRunner().invoke(cli, ["run", "--config", str(config), "--db", str(tmp_path / "ok.db"), "--delay", "0"])
    assert result.exit_code == 0, result.output
    assert "1 of 2 pages fetched" in result.output
    assert "Nothing could be fetched" not in result.output

"""sources.yaml: valid files load; every kind of mistake is reported with its place."""

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.config import load_config, parse_config
from pipeline.errors import ConfigError

REPO = Path(__file__).resolve().parents[1]

GOOD = """\
stories:
  - id: story-one
    title: A story
    description: Something happened
    sources:
      - id: wire-a
        name: Wire A
        kind: wire
        country: GB
        language: en
        urls:
          - https://wire-a.example/2022/01/05/report
        published:
          https://wire-a.example/2022/01/05/report: 2022-01-05
      - id: ngo-b
        name: NGO B
        kind: ngo
        country: international
        language: en
        urls: [https://ngo-b.example/report]
        feeds: [https://ngo-b.example/feed.xml]
"""


def test_a_valid_file_gives_stories_with_sources_and_overrides():
    [story] = parse_config(GOOD)
    assert story.id == "story-one"
    assert [s.id for s in story.sources] == ["wire-a", "ngo-b"]
    wire = story.sources[0]
    assert wire.published == {"https://wire-a.example/2022/01/05/report": dt.date(2022, 1, 5)}
    assert story.sources[1].feeds == ("https://ngo-b.example/feed.xml",)


BAD_CASES = [
    # (what is wrong, edit of GOOD, expected line, expected text in the message)
    ("unknown kind", ("kind: wire", "kind: tabloid"), 8, "sources[0].kind: expected one of government"),
    ("missing source id", ("      - id: ngo-b\n", "      - name0: x\n"), 15, "sources[1].id: missing id"),
    ("duplicate source id", ("id: ngo-b", "id: wire-a"), 15, "duplicate source id 'wire-a' (first at line 6"),
    ("malformed URL", ("https://ngo-b.example/report", "ngo-b.example/report"), 20, "sources[1].urls[0]: malformed URL"),
    ("YAML syntax error", ("title: A story", "title: [A story"), 4, "YAML syntax error"),
    ("bad override date", ("report: 2022-01-05", "report: 5 Jan"), 14, "expected a date as YYYY-MM-DD"),
    ("override for an unknown url", ("https://wire-a.example/2022/01/05/report: 2022", "https://elsewhere.example/x: 2022"),
     14, "is not one of this source's urls"),
    ("missing urls", ("        urls:\n          - https://wire-a.example/2022/01/05/report\n", ""), 6, "missing urls"),
    ("unknown field", ("language: en\n        urls:\n          -", "language: en\n        colour: red\n        urls:\n          -"),
     11, "unknown field 'colour'"),
]


@pytest.mark.parametrize("what,edit,line,message", BAD_CASES, ids=[c[0] for c in BAD_CASES])
def test_a_bad_file_names_the_place_and_what_was_expected(what, edit, line, message, tmp_path):
    old, new = edit
    assert old in GOOD, "the test edit must apply"
    path = tmp_path / "sources.yaml"
    path.write_text(GOOD.replace(old, new, 1))
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    text = str(caught.value)
    assert str(path) in text
    assert f"line {line}" in text, text
    assert message in text, text


def test_every_problem_is_reported_at_once():
    text = GOOD.replace("kind: wire", "kind: tv").replace("id: ngo-b", "id: Bad_Id")
    with pytest.raises(ConfigError) as caught:
        parse_config(text)
    assert len(caught.value.problems) == 2


def test_bad_file_exits_2_and_writes_nothing(tmp_path):
    path = tmp_path / "sources.yaml"
    path.write_text(GOOD.replace("kind: wire", "kind: tabloid"))
    db = tmp_path / "out" / "x.db"
    result = CliRunner().invoke(cli, ["run", "--config", str(path), "--db", str(db), "--offline"])
    assert result.exit_code == 2
    assert "kind: expected one of" in result.output
    assert not (tmp_path / "out").exists()


def test_missing_config_file_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(cli, ["run", "--config", str(tmp_path / "nope.yaml"), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2
    assert "not found" in result.output


def test_unknown_story_is_a_clear_error(tmp_path):
    path = tmp_path / "sources.yaml"
    path.write_text(GOOD)
    result = CliRunner().invoke(cli, ["run", "--config", str(path), "--db", str(tmp_path / "x.db"), "--story", "nope"])
    assert result.exit_code == 2
    assert "unknown story 'nope'" in result.output and "story-one" in result.output
    assert not (tmp_path / "x.db").exists()


def test_the_shipped_sources_files_are_valid():
    real = load_config(REPO / "sources.yaml")
    demo = load_config(REPO / "pipeline" / "demo" / "sources.yaml")
    assert real and demo

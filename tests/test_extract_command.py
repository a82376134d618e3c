"""`pipeline extract`: the JSON contract other tools rely on, for HTML, plain text and stdin."""

from __future__ import annotations

import json
import re

from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.demo import DEMO_PAGES

TOP = ["title", "published", "text", "dates", "figures", "entities"]
DATE = ["text", "start", "end", "value", "value_end", "precision", "relative"]
FIGURE = ["text", "start", "end", "value", "low", "high", "unit", "approx", "counted", "predicate", "claim_type",
          "as_of", "attributed_to", "sentence", "part", "status", "planned"]
ENTITY = ["text", "start", "end", "label", "canonical"]


def extract(*args, input=None) -> str:
    result = CliRunner().invoke(cli, ["extract", *args], input=input, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_json_output_is_exactly_one_object_with_the_contract_fields_and_offsets_into_text():
    page = DEMO_PAGES / "www.steppe-interior.example_press_2022_01_07_statement.html"
    data = json.loads(extract(str(page), "--format", "json"))
    assert list(data) == TOP
    assert data["published"] == "2022-01-07" and data["title"]
    assert data["figures"] and data["dates"] and data["entities"]
    for kind, keys in (("dates", DATE), ("figures", FIGURE), ("entities", ENTITY)):
        for item in data[kind]:
            assert list(item) == keys
            source = data["title"] if item.get("part") == "headline" else data["text"]  # a headline's figure
            assert source[item["start"]:item["end"]] == item["text"]
    assert all(re.fullmatch(r"\d{4}(-\d\d){0,2}", d["value"]) for d in data["dates"] if d["value"])
    assert "cookies" not in data["text"]  # HTML goes through the same article extraction as `run`
    figures = {f["text"]: f for f in data["figures"]}
    assert figures["3.811"]["value"] == 3811 and figures["3.811"]["claim_type"] == "detained"


def test_plain_text_from_stdin_is_used_as_is_and_published_resolves_relative_dates():
    text = "Police said yesterday that 12 officers were killed and more than 300 people were detained."
    data = json.loads(extract("-", "--published", "2022-01-06", input=text))
    assert data["text"] == text and data["published"] == "2022-01-06"
    assert [(d["text"], d["value"]) for d in data["dates"]] == [("yesterday", "2022-01-05")]
    assert {(f["value"], f["claim_type"], f["approx"]) for f in data["figures"]} == {
        (12, "killed", None), (300, "detained", "over")}


def test_table_format_is_readable():
    out = extract("-", "--format", "table", "--published", "2022-01-06",
                  input="The government resigned on January 5 after 18 police officers were killed.")
    assert "Figures (1):" in out and "[killed]" in out and "2022-01-05" in out

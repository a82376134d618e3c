"""The model's attribute rules by table look-up give every token what spaCy's AttributeRuler gives it."""

from __future__ import annotations

import importlib

import pytest
from spacy.pipeline import AttributeRuler

from pipeline.nlp import load_nlp
from pipeline.nlp.attribute_rules import TableAttributeRuler, supported
from pipeline.nlp.language import pack

# Every kind of rule the English model has: tag maps, words by tag ("n't" → not), dependency tests
# ("it" as subject or object), two-token rules whose attributes go to the second token ("let's",
# "gon na", "there is"), a regex ("nothin'"), spaces.
TEXT = ("Y'all gonna see it. Let's go, c'mon!  I ain't got nothin' but there is hope; there were 3,811 of them.\n\n"
        "It's him, not I. They gave it to me and you. Nuthin' doing: he has had it, does he? "
        "The ministry said 164 people, including about 2,000 police officers, had been killed or injured.")


def _model():
    """The English model as its package ships it (the first installed, as load_nlp chooses)."""
    for package in pack("en").model_packages:
        try:
            return importlib.import_module(package).load()
        except ImportError:
            continue
    pytest.fail("no English model installed")


def _attrs(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def _both(nlp, ruler: AttributeRuler, text: str) -> tuple[list[tuple], list[tuple]]:
    before = nlp(text, disable=["attribute_ruler", "lemmatizer"])
    theirs, ours = before.copy(), before.copy()
    ruler(theirs)
    TableAttributeRuler(ruler)(ours)
    return _attrs(theirs), _attrs(ours)


def test_the_table_gives_each_token_what_the_models_own_ruler_gives_it() -> None:
    nlp = _model()
    theirs, ours = _both(nlp, nlp.get_pipe("attribute_ruler"), TEXT)
    assert ours == theirs
    # the two-token rules did apply to their second token: "'s" of "Let's" is "us", "na" of "gonna" is "to",
    # "is" after "there" a verb
    assert {(t[0], t[2], t[4]) for t in ours} >= {("'s", "PRON", "us"), ("na", "PART", "to"), ("is", "VERB", "be")}


def test_rules_counting_from_the_end_and_of_three_tokens_keep_spacys_order() -> None:
    """A later rule wins over an earlier one on the same token, as in spaCy; an index of -1 is the last token."""
    nlp = _model()
    ruler = AttributeRuler(nlp.vocab)
    ruler.add([[{"LOWER": "the"}, {"TAG": "NN"}]], {"LEMMA": "first"}, index=-1)
    ruler.add([[{"LOWER": {"IN": ["ministry", "police"]}}]], {"LEMMA": "second", "POS": "X"})
    ruler.add([[{"TAG": "CD"}, {"LOWER": "of"}, {"LOWER": {"REGEX": "^th"}}]], {"MORPH": "NumType=Card"}, index=0)
    ruler.add([[{"DEP": {"NOT_IN": ["punct", "det"]}, "IS_SPACE": False, "LOWER": "said"}]], {"LEMMA": "say!"})
    theirs, ours = _both(nlp, ruler, TEXT)
    assert ours == theirs
    by_word = {t[0]: t for t in ours}
    assert by_word["ministry"][2:5] == ("X", "", "second")  # the later rule's lemma, not "first"
    assert by_word["3,811"][3] == "NumType=Card" and by_word["said"][4] == "say!"


def test_load_nlp_uses_the_table_and_a_ruler_testing_anything_else_is_not_replaced() -> None:
    assert "pipeline_attribute_rules" in load_nlp().pipe_names
    assert "attribute_ruler" not in load_nlp().pipe_names
    ruler = AttributeRuler(_model().vocab)
    ruler.add([[{"LOWER": "a", "OP": "+"}]], {"LEMMA": "a"})
    assert not supported(ruler)
    ruler = AttributeRuler(_model().vocab)
    ruler.add([[{"LENGTH": {">": 3}}]], {"LEMMA": "long"})
    assert not supported(ruler)


@pytest.mark.parametrize("index", [2, -3])
def test_an_index_outside_the_pattern_is_refused(index: int) -> None:
    ruler = AttributeRuler(_model().vocab)
    ruler.add([[{"LOWER": "a"}, {"LOWER": "b"}]], {"LEMMA": "x"}, index=index)
    with pytest.raises(ValueError, match="outside"):
        TableAttributeRuler(ruler)

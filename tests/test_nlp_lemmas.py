"""The lemmas kept per (word, part of speech, morphology) are those of the model's own lemmatizer."""

from __future__ import annotations

from spacy.pipeline import Lemmatizer
from test_nlp_attribute_rules import TEXT, _model

from pipeline.nlp import load_nlp
from pipeline.nlp.lemmas import TableLemmatizer, tabled

# Words whose lemma depends on the part of speech or the form ("species" one and many, "saw" the verb
# and the noun, "better"),
# the same word twice (answered from the table the second time), spaces, and words the rules set.
MORE = ("This species is rare. Many species are rare. He saw the saw. She has had better days and the mice were running.  They are leaving; "
        "she left, leaves and will leave. 164 people were killed, 2,000 were detained.")


def _lemmas(doc) -> list[tuple[str, str, str]]:
    return [(t.text, t.pos_, t.lemma_) for t in doc]


def test_the_table_gives_each_token_the_lemma_the_models_lemmatizer_gives_it() -> None:
    nlp = _model()
    lemmatizer = nlp.get_pipe("lemmatizer")
    assert isinstance(lemmatizer, Lemmatizer) and tabled(lemmatizer)
    table = TableLemmatizer(lemmatizer)
    found = []
    for text in (TEXT, MORE, MORE + " " + TEXT, ""):
        before = nlp(text, disable=["lemmatizer"])
        theirs, ours = before.copy(), before.copy()
        lemmatizer(theirs)
        table(ours)
        assert _lemmas(ours) == _lemmas(theirs)
        found += _lemmas(ours)
    assert ("mice", "NOUN", "mouse") in found and ("better", "ADJ", "well") in found
    assert {("species", "NOUN", "species"), ("species", "NOUN", "specie")} <= set(found)  # by the morphology


def test_load_nlp_uses_the_table_and_a_lookup_lemmatizer_is_not_replaced() -> None:
    assert "pipeline_lemmas" in load_nlp().pipe_names and "lemmatizer" not in load_nlp().pipe_names
    nlp = _model()
    assert not tabled(Lemmatizer(nlp.vocab, None, mode="lookup"))
    assert not tabled(Lemmatizer(nlp.vocab, None, mode="rule", overwrite=True))

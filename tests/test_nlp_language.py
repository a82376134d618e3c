"""The language seam: which pack is used, lexicons checked when loaded, their content in the extractor version."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.nlp import EXTRACTOR_VERSION, RULES_VERSION, analyse, load_nlp
from pipeline.nlp.en import lexicons
from pipeline.nlp.keys import LEXICON as KEYS_LEXICON
from pipeline.nlp.language import LexiconError, all_lexicons, all_model_files, choose, digest, pack


def test_declared_language_is_used_when_a_pack_exists() -> None:
    assert choose("en-GB", "Der Minister sagte") == "en"


def test_undeclared_or_unknown_language_falls_back_to_the_text_then_english() -> None:
    assert choose(None, "The minister said that the toll was 225.") == "en"
    assert choose("xx", "") == "en"


def test_every_registered_pack_has_its_lexicons_inside_its_own_folder() -> None:
    english = pack("en")
    assert all(path.parent.name == "en" and path.exists() for path in english.lexicons)


def test_extractor_version_holds_the_hash_of_every_lexicon_and_of_the_trained_weights() -> None:
    """The language packs' lexicons, their trained models' files and the keys lexicon (groups.yaml) alike."""
    assert EXTRACTOR_VERSION == f"{RULES_VERSION}+{digest([*all_lexicons(), *all_model_files(), KEYS_LEXICON])}"
    assert any(path.name == "model" and path.parent.name == "textcat" for path in all_model_files())
    assert EXTRACTOR_VERSION != f"{RULES_VERSION}+{digest([*all_lexicons(), KEYS_LEXICON])}"


def test_editing_a_lexicon_changes_the_extractor_version(tmp_path: Path) -> None:
    copies = []
    for path in all_lexicons():
        copy = tmp_path / path.parent.name / path.name
        copy.parent.mkdir(exist_ok=True)
        copy.write_bytes(path.read_bytes())
        copies.append(copy)
    before = digest(copies)
    assert before == digest(all_lexicons())
    copies[0].write_text(copies[0].read_text(encoding="utf-8") + "\n# a maintainer's note\n", encoding="utf-8")
    assert digest(copies) != before


def _load_claims_from(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(lexicons, "CLAIM_TYPES_FILE", path)
    lexicons.claim_lexicon.cache_clear()
    try:
        lexicons.claim_lexicon()
    finally:
        monkeypatch.undo()
        lexicons.claim_lexicon.cache_clear()


def test_a_claim_lexicon_with_an_unknown_claim_type_names_file_and_entry(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "claim_types.yaml"
    bad.write_text("killed: [kill]\nkiled: [die]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"claim_types\.yaml: entry 'kiled'"):
        _load_claims_from(monkeypatch, bad)


def test_a_lemma_under_two_claim_types_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "claim_types.yaml"
    bad.write_text("killed: [kill]\ninjured: [kill]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="entry 'kill': listed under both killed and injured"):
        _load_claims_from(monkeypatch, bad)


def test_an_alias_without_a_canonical_name_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "aliases.yaml"
    bad.write_text("aliases:\n  - {names: [Alma-Ata]}\n", encoding="utf-8")
    monkeypatch.setattr(lexicons, "ALIASES_FILE", bad)
    lexicons.alias_table.cache_clear()
    try:
        with pytest.raises(LexiconError, match="aliases.yaml: entry .*Alma-Ata.*canonical"):
            lexicons.alias_table()
    finally:
        monkeypatch.undo()
        lexicons.alias_table.cache_clear()


def test_analyse_runs_through_the_english_pack() -> None:
    nlp = load_nlp("en")
    assert nlp is load_nlp()
    figures = analyse(nlp, "Police detained 120 people in Almaty.").figures
    assert [(f.value, f.claim_type) for f in figures] == [(120.0, "detained")]


class _Stub:
    """A second language, as a pack folder would provide it (only what choosing needs)."""

    code = "xx"
    stopwords = frozenset({"der", "die", "das", "und", "ist"})
    lexicons: tuple = ()

    def validate(self) -> None:
        pass


def test_a_second_registered_pack_is_chosen_by_declaration_or_by_the_texts_words(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.nlp import language

    monkeypatch.setattr(language, "LANGUAGES", ("en", "xx"))
    real_pack = language.pack
    monkeypatch.setattr(language, "pack", lambda code: _Stub() if code == "xx" else real_pack(code))
    assert language.choose("xx-YY", "The minister said") == "xx"
    assert language.choose(None, "Der Minister ist da und die Polizei") == "xx"
    assert language.choose(None, "The minister said that the toll was 225") == "en"

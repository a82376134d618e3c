"""Charset decoding: what the header, the page and the bytes say, and who is right."""

from __future__ import annotations

import codecs

import pytest

from pipeline.charset import declared_charset, decode_body

RUSSIAN = "Чрезвычайное положение объявлено в Алматы; погибли 18 сотрудников полиции."


def page(meta: str = "", text: str = RUSSIAN, title: str = "Новости") -> str:
    return f"<html><head>{meta}<title>{title}</title></head><body><p>{text}</p></body></html>"


def test_windows_1251_with_the_header_charset_is_cyrillic():
    text, encoding = decode_body(page().encode("cp1251"), "text/html; charset=windows-1251")
    assert RUSSIAN in text and encoding == "cp1251"


def test_windows_1251_with_only_a_meta_charset_is_cyrillic():
    body = page('<meta charset="windows-1251">').encode("cp1251")
    text, encoding = decode_body(body, "text/html")
    assert RUSSIAN in text and encoding == "cp1251"


def test_windows_1251_with_an_http_equiv_meta_is_cyrillic():
    body = page('<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">').encode("cp1251")
    text, encoding = decode_body(body, None)
    assert RUSSIAN in text and encoding == "cp1251"


def test_windows_1251_without_any_charset_is_detected():
    text, encoding = decode_body(page().encode("cp1251"), "text/html")
    assert RUSSIAN in text and encoding == "cp1251"


@pytest.mark.parametrize("wrong", ["utf-8", "iso-8859-1", "windows-1252"])
def test_windows_1251_under_a_wrong_header_charset_is_detected(wrong):
    text, encoding = decode_body(page().encode("cp1251"), f"text/html; charset={wrong}")
    assert RUSSIAN in text and encoding == "cp1251"


def test_a_wrong_meta_charset_is_overruled_by_the_bytes():
    body = page('<meta charset="utf-8">').encode("cp1251")
    assert RUSSIAN in decode_body(body, None)[0]


def test_utf8_declared_as_windows_1251_is_read_as_utf8():
    text, encoding = decode_body(page().encode("utf-8"), "text/html; charset=windows-1251")
    assert RUSSIAN in text and encoding == "utf-8"


def test_utf8_with_one_stray_byte_stays_utf8():
    body = page().encode("utf-8").replace(b"</p>", b"\xff</p>")
    text, encoding = decode_body(body, "text/html; charset=utf-8")
    assert RUSSIAN + "\ufffd" in text and encoding == "utf-8"


def test_a_utf8_bom_wins_and_is_removed():
    body = codecs.BOM_UTF8 + page().encode("utf-8")
    text, encoding = decode_body(body, "text/html; charset=iso-8859-1")
    assert text.startswith("<html>") and RUSSIAN in text and encoding == "utf-8-sig"


def test_utf16_with_a_bom_decodes():
    body = page().encode("utf-16")  # Python writes the BOM
    assert RUSSIAN in decode_body(body, None)[0]


def test_latin1_with_the_header_charset_keeps_accents_and_curly_quotes():
    french = "L’état d’urgence a été décrété à Almaty, où la foule s’était réunie."
    body = page(text=french, title="Actualités").encode("cp1252")
    text, encoding = decode_body(body, "text/html; charset=ISO-8859-1")
    assert french in text and encoding == "cp1252"


def test_german_latin1_is_not_mistaken_for_mojibake():
    german = "Die Regierung trat zurück; Präsident Tokajew übernahm den Vorsitz des Sicherheitsrats."
    text, _ = decode_body(page(text=german, title="Nachrichten").encode("latin-1"), "text/html; charset=iso-8859-1")
    assert german in text


def test_plain_ascii_without_a_charset_is_utf8():
    assert decode_body(b"<p>Hello</p>", None) == ("<p>Hello</p>", "utf-8")


def test_an_empty_body_is_empty_text():
    assert decode_body(b"", "text/html; charset=utf-8") == ("", "utf-8")


def test_an_unknown_header_charset_falls_back_to_the_meta():
    body = page('<meta charset="windows-1251">').encode("cp1251")
    assert declared_charset(body, "text/html; charset=x-no-such-charset") == "cp1251"


def test_a_meta_claiming_utf16_on_ascii_bytes_means_utf8():
    assert declared_charset(b'<meta charset="utf-16"><p>x</p>', None) == "utf-8"

"""Bytes → text with the right charset, even when the server or the page is wrong.

Order of evidence: the Content-Type header, a byte-order mark, the page's own
``<meta charset>`` / ``http-equiv``; a declared charset that fails to decode, or that
decodes a Cyrillic or Greek page into Latin-1 gibberish, is overruled by detection
(charset-normalizer).
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Latin-1 decodes anything; text full of these letters was really Cyrillic or Greek bytes.
_MOJIBAKE = re.compile(r"[ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ]")


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None


def declared_charset(body: bytes, content_type_header: str | None) -> str | None:
    if content_type_header:
        match = _HEADER_CHARSET.search(content_type_header)
        if match and _codec(match.group(1)):
            return _codec(match.group(1))
    for bom, name in _BOMS:
        if body.startswith(bom):
            return name
    match = _META_CHARSET.search(body[:4096])
    if match:
        return _codec(match.group(1).decode("ascii", "ignore"))
    return None


def _plausible(text: str) -> bool:
    letters = sum(ch.isalpha() for ch in text)
    return not letters or len(_MOJIBAKE.findall(text)) / letters < 0.2


def decode_body(body: bytes, content_type_header: str | None) -> tuple[str, str]:
    """(text, encoding used) for a response body."""
    if not body:
        return "", "utf-8"
    declared = declared_charset(body, content_type_header)
    if declared:
        try:
            text = body.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
        else:
            if declared not in ("latin-1", "iso8859-1", "cp1252") or _plausible(text):
                return text, declared
    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(body).best()
    if best is not None:
        return str(best), best.encoding
    return body.decode("utf-8", errors="replace"), "utf-8"

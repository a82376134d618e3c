"""Bytes → text with the right charset, even when the server or the page is wrong.

Order of evidence:

    1. a byte-order mark (bytes cannot lie about it; browsers let it win too)
    2. the charset of the Content-Type header
    3. the page's own <meta charset> or <meta http-equiv="Content-Type">
    4. UTF-8 (a few stray invalid bytes are replaced), else detection (charset-normalizer)

A declared charset is overruled by step 4 when it fails to decode the bytes, or when
it is clearly wrong: a single-byte charset declared for bytes that are valid multi-byte
UTF-8, or Latin-1/Windows-1252 that turns a Cyrillic page into runs of accented
letters ("×ðåçâû÷àéíîå"). As browsers do, Latin-1 and ASCII labels decode as
Windows-1252, whose curly quotes sit where Latin-1 has control characters.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta[^>]+?charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_META_SCAN = 16 * 1024  # a charset meta further down than this is not one a browser would see
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_WIDE = ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be")
_MULTIBYTE = ("gb18030", "gbk", "gb2312", "big5", "big5hkscs", "shift_jis", "cp932", "euc_jp", "euc_kr", "cp949",
              "iso2022_jp", "iso2022_kr")
_LATIN = ("latin-1", "iso8859-1", "cp1252", "iso8859-15", "ascii")
# Formats that are never text, whatever the Content-Type says.
_BINARY_SIGNATURES = (b"%PDF-", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"OggS")
_ASCII = bytes(range(128))
# Three accented Latin-1 letters in a row: no Western language writes that, Cyrillic
# bytes read as Latin-1 write little else.
_MOJIBAKE_RUN = re.compile(r"[\u00c0-\u00ff]{3,}")


def codec_name(label: str | None) -> str | None:
    """Python's name for a charset label ("windows-1251" → "cp1251"), None if unknown."""
    if not label:
        return None
    try:
        return codecs.lookup(label.strip().strip("\"'").lower()).name
    except LookupError:
        return None


def header_charset(content_type_header: str | None) -> str | None:
    match = _HEADER_CHARSET.search(content_type_header or "")
    return codec_name(match.group(1)) if match else None


def declared_charset(body: bytes, content_type_header: str | None) -> str | None:
    """The charset the bytes, the server or the page claim, in that order of trust."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return name
    from_header = header_charset(content_type_header)
    if from_header:
        return from_header
    match = _META_CHARSET.search(body[:_META_SCAN])
    if not match:
        return None
    from_meta = codec_name(match.group(1).decode("ascii", "ignore"))
    # A page that could state its charset in ASCII bytes is not UTF-16 (WHATWG rule).
    return "utf-8" if from_meta in _WIDE else from_meta


def looks_binary(head: bytes, content_type_header: str | None) -> bool:
    """True when the first bytes of a body are a binary format or hold NUL bytes that
    no BOM or UTF-16/32 charset explains."""
    if head.startswith(_BINARY_SIGNATURES):
        return True
    wide = head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or (
        header_charset(content_type_header) or "").startswith(("utf-16", "utf-32"))
    return b"\x00" in head and not wide


def _decode_declared(body: bytes, name: str) -> tuple[str, str] | None:
    names = ("cp1252", name) if name in ("latin-1", "iso8859-1", "ascii") else (name,)
    for candidate in names:
        try:
            return body.decode(candidate), candidate
        except (UnicodeDecodeError, LookupError):
            continue
    return None


def _is_multibyte_utf8(body: bytes) -> bool:
    if body.isascii():
        return False
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _clearly_wrong(text: str, name: str, body: bytes) -> bool:
    single_byte = not name.startswith("utf") and name not in _MULTIBYTE
    if single_byte and _is_multibyte_utf8(body):
        return True
    return name in _LATIN and len(_MOJIBAKE_RUN.findall(text)) >= 2


def _mostly_utf8(body: bytes) -> str | None:
    """The body as UTF-8 if at most a few stray bytes are invalid (a page pasted together
    from two sources); None when most non-ASCII bytes are not UTF-8 (a legacy charset)."""
    text = body.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - body.decode("utf-8", errors="ignore").count("\ufffd")
    if bad == 0 or bad * 50 < len(body.translate(None, _ASCII)):  # translate drops ASCII: fast
        return text
    return None


def decode_body(body: bytes, content_type_header: str | None) -> tuple[str, str]:
    """(text, Python codec name used) for a response body."""
    if not body:
        return "", "utf-8"
    declared = declared_charset(body, content_type_header)
    if declared:
        decoded = _decode_declared(body, declared)
        if decoded is not None and not _clearly_wrong(decoded[0], decoded[1], body):
            return decoded
    utf8 = _mostly_utf8(body)
    if utf8 is not None:
        return utf8, "utf-8"
    best = from_bytes(body).best()
    if best is not None:
        return str(best), codec_name(best.encoding) or best.encoding
    return body.decode("utf-8", errors="replace"), "utf-8"

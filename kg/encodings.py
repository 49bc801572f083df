"""Bytes of an input -> text: UTF-8, UTF-16/32 (with or without BOM), Windows-1251, KOI8-R or KZ-1048,
chosen by what the decoded text looks like. Control characters are replaced one for one, so offsets into
the decoded text stay exact and no label, anchor or summary line ever holds a NUL or a lone surrogate.
"""
from __future__ import annotations

import re

from .errors import InputError

_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
         (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
SINGLE_BYTE = ("cp1251", "koi8_r", "kz1048")           # the order breaks ties
_RU = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
_KK = set("әғқңөұүһі")
_FREQUENT = set("оеаинтсрвлкмдпуыяьіқ")               # the letters most Russian and Kazakh words use
# C0 and C1 controls but tab, newline and carriage return; DEL; lone surrogates; the two non-characters.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_PRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\ufffe\uffff]")


def clean(text: str) -> tuple[str, int]:
    """Controls become spaces, lone surrogates U+FFFD: (same-length text, how many were replaced)."""
    count = 0

    def swap(m: re.Match) -> str:
        nonlocal count
        count += 1
        return "\ufffd" if "\ud800" <= m.group() <= "\udfff" else " "

    return CONTROL.sub(swap, text), count


def printable(text: str) -> str:
    """One line for a summary or an error: newlines, controls and surrogates written as escapes."""
    def esc(m: re.Match) -> str:
        ch = m.group()
        return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(ch) or f"\\u{ord(ch):04x}"
    return _PRINTABLE.sub(esc, str(text))


def decode(data: bytes, where: str) -> str:
    """The text of ``data``, or an InputError naming ``where`` and saying what the bytes look like."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec)
            except UnicodeDecodeError:
                if codec.startswith("utf-32"):
                    continue                      # FF FE 00 00 may also open UTF-16 text with a NUL
                raise InputError(where, f"starts with a {codec.upper()} byte-order mark but is not {codec.upper()}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None:             # UTF-16 of Cyrillic is valid UTF-8 too: NULs and controls everywhere
        # (a few bytes say too little: b'0\x00' is '0' in UTF-16 and '0' + NUL in UTF-8; keep UTF-8 there)
        return (_utf16_without_bom(data) if "\x00" in text and len(data) >= 8 else None) or text
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is None:
            raise InputError(where, "binary file, not text")
        return text
    best = max(((_score(text), -i, text) for i, codec in enumerate(SINGLE_BYTE)
                if (text := _try(data, codec)) is not None), default=None)
    if best is None or best[0] <= 0:
        raise InputError(where, "not UTF-8, UTF-16, Windows-1251, KOI8-R or KZ-1048 text; save it as UTF-8")
    return best[2]


def _try(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _score(text: str) -> float:
    """How much ``text`` looks like Russian or Kazakh: 0 when under half its letters are Cyrillic."""
    letters = [ch for ch in text if ch.isalpha()]
    cyr = [ch for ch in letters if "\u0400" <= ch <= "\u04ff"]
    if not letters or len(cyr) * 2 < len(letters):
        return 0.0
    low = [ch.lower() for ch in cyr]
    known = sum(ch in _RU or ch in _KK for ch in low) / len(cyr)
    frequent = sum(ch in _FREQUENT for ch in low) / len(cyr)
    lower = sum(ch.islower() for ch in cyr) / len(cyr)
    odd = sum(not ch.isprintable() and ch not in "\r\n\t" for ch in text) / max(len(text), 1)
    return 2 * known + frequent + lower - 10 * odd


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a byte-order mark: the byte order whose text reads as letters, digits and spaces."""
    if len(data) % 2:
        return None
    best = None
    for codec in ("utf-16-le", "utf-16-be"):
        text = _try(data, codec)
        if text is None or "\x00" in text:
            continue
        plain = sum(_plain(ch) for ch in text)
        share = plain / max(len(text), 1)
        if share > 0.9 and (best is None or share > best[0]):
            best = (share, text)
    return best[1] if best else None


def _plain(ch: str) -> bool:
    """A character of Russian, Kazakh or English prose: ASCII, Latin-1 letters, Cyrillic, typographic marks."""
    return (ch.isascii() and (ch.isprintable() or ch.isspace())) or "\u00a0" <= ch <= "\u00ff" \
        or "\u0400" <= ch <= "\u04ff" or "\u2010" <= ch <= "\u206f"

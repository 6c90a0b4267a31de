"""Turn the bytes of a file into article text, refusing what is not text with a clear error."""

from __future__ import annotations

import codecs
import re

from ..errors import BinaryInputError, EmptyInputError, EncodingError, InputTooLargeError

MAX_BYTES = 5 * 1024 * 1024
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_CONTROL_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
CONTROL_HEAD = 65536  # the first this many bytes (or characters) are counted for control characters
# a UTF-8 multi-byte sequence: its presence means the file was meant as UTF-8
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")


def check_size(n_bytes: int, limit: int = MAX_BYTES) -> None:
    if n_bytes > limit:
        raise InputTooLargeError(
            f"input is {n_bytes / 1e6:.1f} MB, over the {limit / 1e6:.0f} MB limit for one article; "
            "split it into articles (one per file or JSONL line) and use `reportedly ingest`"
        )


def decode(data: bytes, encoding: str | None = None) -> str:
    """The text in `data`: UTF-8 (with or without BOM), UTF-16 with BOM, or a detected legacy encoding."""
    check_size(len(data))
    if not data.strip():
        raise EmptyInputError("input is empty: give a file or standard input that holds an article")
    if encoding:
        try:
            return _normalise(data.decode(encoding))
        except (LookupError, UnicodeDecodeError) as e:
            raise EncodingError(f"cannot decode input as {encoding}: {e}") from None
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return _normalise(data.decode(enc))
            except UnicodeDecodeError as e:
                raise EncodingError(
                    f"input starts with a {enc} byte-order mark but is not valid {enc}: {e.reason}"
                ) from None
    head = data[:CONTROL_HEAD]
    if b"\x00" in data or _too_many_controls(len(_CONTROL.findall(head)), len(head)):
        raise BinaryInputError("input looks binary (NUL or control bytes), not an article: give a .txt or .html file")
    try:
        return _normalise(data.decode("utf-8"))
    except UnicodeDecodeError as e:
        if _UTF8_MULTIBYTE.search(data):
            raise EncodingError(
                f"input is not valid UTF-8 (bad byte 0x{data[e.start]:02x} at offset {e.start}) although it holds "
                "UTF-8 characters: the file is corrupt or mixes encodings; re-save it as UTF-8 or pass --encoding"
            ) from None
    return _normalise(_legacy(data))


def check_text(text: str) -> None:
    """Text given as a string (a JSONL or CSV field, an API body) passes the test a file's bytes pass: no NUL (which
    PostgreSQL cannot store either), no unpaired surrogate (which no store can write as UTF-8) and no more than a
    few other control characters."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as e:
        raise EncodingError(
            f"text holds an unpaired UTF-16 surrogate (\\u{ord(text[e.start]):04x} at character {e.start}), which is "
            "not Unicode text: the producer of the file broke a character in two; fix or drop it"
        ) from None
    head = text[:CONTROL_HEAD]
    if "\x00" in text or _too_many_controls(len(_CONTROL_TEXT.findall(head)), len(head)):
        raise BinaryInputError(
            "text holds NUL or control characters, not an article: remove them or give the article as a file"
        )


def _too_many_controls(n_controls: int, n_head: int) -> bool:
    return n_controls > max(8, n_head // 200)


def _legacy(data: bytes) -> str:
    """English text that is not UTF-8 is, in practice, Windows-1252 (a superset of Latin-1's printable range)."""
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    if not text.strip():
        raise EmptyInputError("input holds only whitespace: give a file or standard input that holds an article")
    return text

"""Bytes to text: encodings, and clear refusals for what is not text."""

from __future__ import annotations

import codecs

import pytest

from reportedly.errors import BinaryInputError, EmptyInputError, EncodingError, InputTooLargeError
from reportedly.ingest.decode import MAX_BYTES, decode

SAMPLE = "“Café owners,” she said, “are worried about the new rules.”\n"


@pytest.mark.parametrize(
    "data",
    [
        SAMPLE.encode("utf-8"),
        codecs.BOM_UTF8 + SAMPLE.encode("utf-8"),
        SAMPLE.encode("utf-16"),
    ],
)
def test_unicode_encodings(data):
    assert decode(data) == SAMPLE


def test_legacy_single_byte_encoding_is_detected():
    text = "The café owner said the crème brûlée was sold out, and the naïve critic agreed.\n" * 3
    assert decode(text.encode("cp1252")) == text


def test_crlf_becomes_lf():
    assert decode(b"one\r\ntwo\r\n") == "one\ntwo\n"


def test_empty_and_whitespace():
    for data in (b"", b"   \n\t  "):
        with pytest.raises(EmptyInputError):
            decode(data)


def test_binary():
    with pytest.raises(BinaryInputError):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def test_corrupt_utf8_is_refused_with_offset():
    data = "“Hello,” she said.".encode("utf-8") + b" caf\xe9 " + "more “text”".encode("utf-8")
    with pytest.raises(EncodingError, match="offset"):
        decode(data)


def test_forced_encoding():
    assert decode("naïve".encode("latin-1") + b" text here", encoding="latin-1").startswith("naïve")


def test_too_large():
    with pytest.raises(InputTooLargeError):
        decode(b"a" * (MAX_BYTES + 1))


def test_a_nul_past_the_first_64_kib_is_still_binary():
    # before: only the first 64 KiB were looked at, so a NUL further on reached the store
    with pytest.raises(BinaryInputError):
        decode(SAMPLE.encode("utf-8") * 2000 + b"\x00" + SAMPLE.encode("utf-8"))

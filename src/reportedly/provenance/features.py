"""Text features for comparing articles: normalised words, sentences, word shingles and salient terms."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from typing import Iterable

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.U)
_SENT = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9À-Ý])|\n+")
SHINGLE = 5
# digits with thousands separators of any house style ("11,000", "11.000", "11 000")
_THOUSANDS = r"\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+"
# a figure: a number so written, or a plain number
FIGURE = _THOUSANDS + r"(?![\d,.]\d)|\d+(?:[.,]\d+)?"


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Function words of every language we know, plus news filler that says nothing about a story."""
    from ..ingest.language import stopwords_by_language

    words = frozenset().union(*stopwords_by_language().values())
    return words | {"said", "says", "also", "would", "could", "one", "two", "new", "year", "years"}


def figure(text: str) -> str:
    """A figure with its thousands separators gone ("11,000", "11.000" and "11 000" are 11000), a decimal comma a
    point."""
    if re.fullmatch(_THOUSANDS, text):
        return re.sub(r"\D", "", text)
    return text.replace(",", ".")


def fold(text: str) -> str:
    """Lower case without accents or typographic variants: 'Pääbo’s' and "Paabo's" compare equal."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def always_capitalised(text: str) -> set[str]:
    """The words (folded, as `words` gives them) that the text writes with a capital every time: names, mostly.
    A script without case has none."""
    seen: dict[str, bool] = {}
    for w in set(_WORD.findall(text)):
        k = w.lower() if w.isascii() else _fold_word(w)  # fold is lower case on ASCII
        seen[k] = seen.get(k, True) and w[:1].isupper()
    return {k for k, capital in seen.items() if capital}


@lru_cache(maxsize=200_000)
def _fold_word(word: str) -> str:
    return fold(word)


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence or line, whitespace trimmed."""
    out, pos = [], 0
    for m in _SENT.finditer(text):
        _add(text, pos, m.start(), out)
        pos = m.end()
    _add(text, pos, len(text), out)
    return out


def _add(text: str, s: int, e: int, out: list) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e - s >= 2:
        out.append((s, e))


def shingles(tokens: list[str], k: int = SHINGLE) -> set[str]:
    if len(tokens) < k:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + k]) for i in range(len(tokens) - k + 1)}


@lru_cache(maxsize=200_000)
def rarity(word: str) -> float:
    """How rare a word is in English at large (8 minus its Zipf frequency): 'truss' 4.7, 'the' 0.3.
    It keeps a story's own words salient even when most of a small corpus is that story."""
    from wordfreq import zipf_frequency

    return max(0.5, 8.0 - zipf_frequency(word, "en"))


def salient_terms(tokens: Iterable[str], top: int = 40) -> set[str]:
    """The `top` words by frequency in the article times the square of their rarity in English: what a story is
    about (names, places, figures), not how it is told. Independent of the rest of the corpus, so a corpus of two
    stories clusters as well as one of thousands."""
    stops = stopwords()
    tf = Counter(t for t in tokens if len(t) > 2 and t not in stops)
    return set(sorted(tf, key=lambda t: (-tf[t] * rarity(t) ** 2, t))[:top])

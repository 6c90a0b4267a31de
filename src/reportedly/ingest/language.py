"""A quick guess at the language of a text from its function words, to refuse what we cannot analyse."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

_WORD = re.compile(r"[^\W\d_]+", re.U)


@lru_cache(maxsize=1)
def stopwords_by_language() -> dict[str, frozenset[str]]:
    """The function words of each language in rules/stopwords.tsv."""
    text = resources.files("reportedly.rules").joinpath("stopwords.tsv").read_text(encoding="utf-8")
    out = {}
    for ln in text.splitlines():
        if ln.strip() and not ln.startswith("#"):
            lang, _, words = ln.partition("\t")
            out[lang] = frozenset(words.split())
    return out


def guess(text: str, sample: int = 20000) -> tuple[str, float]:
    """(language code, share of words that are its function words); ("und", 0.0) when too short to tell."""
    words = [w.lower() for w in _WORD.findall(text[:sample])]
    if len(words) < 12:
        return "und", 0.0
    best, score = "und", 0.0
    for lang, stops in stopwords_by_language().items():
        s = sum(w in stops for w in words) / len(words)
        if s > score:
            best, score = lang, s
    return (best if score >= 0.08 else "und"), score

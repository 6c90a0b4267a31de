"""Tagger slips the attribution finders cannot work around, corrected on the Doc before they run."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..rules import Rules

_AFTER = frozenset((",", ":", "“", '"', "‘", "``"))
_CANDIDATE = re.compile(r"(?<=, )[A-Za-z]+ing(?=\s*[,:“\"‘])")


def speech_gerunds(doc: Doc, rules: Rules, text: str | None = None) -> list[Token]:
    """ "His family shared the news on Instagram, writing, “...”": a speech verb's -ing form in a participle clause
    that the tagger read as a noun ("writing" NN, the parser's adverbial clause all the same). Such a word after a
    comma, hanging on a verb and followed by a comma, colon or quotation mark, is retagged a participle (VBG) with its
    verb's lemma, so the finders read it as the cue it is. `text` is `doc.text` when the caller has it already (spaCy
    rebuilds it from every token). Returns the tokens retagged."""
    out = []
    # the text's "-ing" words before a comma, colon or mark, not every token
    for m in _CANDIDATE.finditer(doc.text if text is None else text):
        span = doc.char_span(m.start(), m.end())
        if span is None or len(span) != 1:
            continue
        tok = span[0]
        if tok.tag_ != "NN" or tok.dep_ not in ("advcl", "xcomp", "conj"):
            continue
        if tok.i == 0 or tok.i + 1 >= len(doc) or doc[tok.i - 1].text != "," or doc[tok.i + 1].text not in _AFTER:
            continue
        if tok.head.pos_ not in ("VERB", "AUX"):
            continue
        lemma = _verb_lemma(tok.lower_, rules)
        if lemma is None:
            continue
        tok.tag_, tok.pos_, tok.lemma_ = "VBG", "VERB", lemma
        out.append(tok)
    return out


def _verb_lemma(word: str, rules: Rules) -> str | None:
    """The speech verb an -ing form comes from ("saying" say, "writing" write, "admitting" admit), or None."""
    stem = word[:-3]
    for lemma in (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else None):
        if lemma and lemma in rules.cue_verbs:
            return lemma
    return None

"""What the quote and attribution finders share about one document: marks, quoted stretches, entities, cues."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from spacy.attrs import IDX, LEMMA, LENGTH, POS
from spacy.parts_of_speech import VERB as VERB_ID
from spacy.tokens import Doc, Token

from ..rules import Rules
from .entities import EntityBuilder, EntityTable
from .quotemarks import MARKS, Quoted
from .sources import noun_phrase

_MARK_CODES = np.array([ord(c) for c in MARKS], dtype=np.uint32)
_CUE_HASHES: dict[int, np.ndarray] = {}


def _cue_hashes(strings, rules: Rules) -> np.ndarray:
    key = id(rules)
    if key not in _CUE_HASHES:
        _CUE_HASHES[key] = np.array([strings.add(w) for w in rules.attribution_verbs], dtype=np.uint64)
    return _CUE_HASHES[key]


@dataclass
class DocContext:
    doc: Doc
    text: str
    rules: Rules
    table: EntityTable
    quoted: list[Quoted]
    inside_quote: list[bool]
    is_mark: list[bool]
    pronouns: dict[int, EntityBuilder] = field(default_factory=dict)

    @classmethod
    def build(cls, doc: Doc, text: str, rules: Rules, table: EntityTable, quoted: list[Quoted]) -> "DocContext":
        arr = doc.to_array([IDX, LENGTH])  # one C call instead of a Token object per word
        idx, length = arr[:, 0].astype(np.int64), arr[:, 1]
        first = (
            np.frombuffer(
                np.array([text[i] if i < len(text) else " " for i in idx.tolist()], dtype="U1"), dtype=np.uint32
            )
            if len(idx)
            else np.zeros(0, dtype=np.uint32)
        )
        # a mark that pairs with no other (around a nickname, an inch sign) quotes nothing and stops no cue search
        paired = np.array(sorted({o for q in quoted for o in (q.open, q.close) if o is not None}), dtype=np.int64)
        mark = (length == 1) & np.isin(first, _MARK_CODES) & np.isin(idx, paired)
        inside = np.zeros(len(idx), dtype=bool)
        for q in quoted:
            lo, hi = np.searchsorted(idx, q.start), np.searchsorted(idx, q.end)
            inside[lo:hi] = True
        inside &= ~mark
        table.inside_quote = inside.tolist()
        return cls(doc, text, rules, table, quoted, table.inside_quote, mark.tolist())

    def cue_candidates(self) -> list[Token]:
        """Verbs whose lemma attributes (speech, belief, evidence), outside quotes (found on the lemma array, not
        token by token)."""
        cues = _cue_hashes(self.doc.vocab.strings, self.rules)
        arr = self.doc.to_array([LEMMA, POS])
        hits = np.nonzero(np.isin(arr[:, 0], cues) & (arr[:, 1] == VERB_ID))[0]
        return [self.doc[int(i)] for i in hits if not self.inside_quote[int(i)]]

    def tokens_at(self, needle: str) -> list[Token]:
        """Tokens starting where `needle` (lower-case) occurs in the text."""
        out, low, start = [], self.text.lower(), 0
        while (k := low.find(needle, start)) != -1:
            span = self.doc.char_span(k, k + len(needle.split()[0]), alignment_mode="expand")
            if span is not None and len(span):
                out.append(span[0])
            start = k + 1
        return out

    def is_cue(self, tok: Token) -> bool:
        """A speech verb outside quotes: one that can give a quotation its speaker (not a reporters' credit)."""
        return (
            tok.pos_ == "VERB"
            and tok.lemma_.lower() in self.rules.cue_verbs
            and not self.inside_quote[tok.i]
            and not self.is_credit(tok)
            and not self.raises(tok)
        )

    def raises(self, tok: Token) -> bool:
        """ "Future policy will continue to be “data-dependent”", "the plan proved to be “a disaster”": a raising
        verb (rules/en/raising_verbs.txt) with its infinitive is the predicate, no speech ("he continued, “...”" is;
        "she continued to say" too: the infinitive is the cue, and the quote still hers)."""
        return any(c.lemma_.lower() not in self.rules.attribution_verbs for c in self._raised(tok))

    def raises_a_cue(self, tok: Token) -> bool:
        """ "continues to insist that ...": the infinitive cue reports, not the verb raising it."""
        return any(c.lemma_.lower() in self.rules.attribution_verbs for c in self._raised(tok))

    def _raised(self, tok: Token) -> list[Token]:
        """The infinitives a raising verb takes ("continue to be", "continue to insist"); none for another verb."""
        if tok.lemma_.lower() not in self.rules.raising_verbs:
            return []
        return [c for c in tok.children if c.dep_ == "xcomp"]

    def is_credit(self, tok: Token) -> bool:
        """ "..., Niklas Pollard, Simon Johnson and Natalie Grover reported for Reuters.", "John Roe contributed to this
        report": the article's own reporters credited (a credit verb, rules/en/credit_verbs.txt, for an outlet or to the
        report), who wrote the story and speak none of its quotations."""
        if tok.lemma_.lower() not in self.rules.credit_verbs:
            return False
        if any(c.dep_ in ("ccomp", "dobj", "xcomp") and c.i > tok.i for c in tok.children):
            return False  # "Jane Smith wrote for The Guardian that ...": a columnist's claim, no credit
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("for", "to"):
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                b = self.table.at(obj)
                if prep.lower_ == "for" and (
                    (b is not None and b.kind == "media") or self.rules.is_media_name(noun_phrase(obj).text)
                ):
                    return True
                if prep.lower_ == "to" and obj.lemma_.lower() in self.rules.document_nouns:
                    return True
        return False

    def cue_text(self, tok: Token) -> tuple[str, tuple[int, int]]:
        """The cue with its auxiliaries ("has claimed"), and its character span."""
        start = tok.i
        while start > 0 and self.doc[start - 1].dep_ in ("aux", "auxpass") and self.doc[start - 1].head.i == tok.i:
            start -= 1
        end_tok = tok
        for right in tok.rights:
            if right.dep_ == "prt" and right.i == tok.i + 1:  # "pointed out"
                end_tok = right
        span = self.doc[start : end_tok.i + 1]
        return span.text, (span.start_char, span.end_char)

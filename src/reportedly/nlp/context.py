"""What the quote and attribution finders share about one document: marks, quoted stretches, entities, cues."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..rules import Rules
from .entities import EntityBuilder, EntityTable
from .quotemarks import MARKS, Quoted

SENTENCE_END = {".", "!", "?"}


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
        inside = [False] * len(doc)
        marks = [False] * len(doc)
        starts = [q.start for q in quoted]
        for t in doc:
            if t.text in MARKS or (len(t.text) == 1 and t.text in MARKS):
                marks[t.i] = True
                continue
            k = bisect_right(starts, t.idx) - 1
            if k >= 0 and quoted[k].start <= t.idx < quoted[k].end:
                inside[t.i] = True
        return cls(doc, text, rules, table, quoted, inside, marks)

    def is_cue(self, tok: Token) -> bool:
        return tok.pos_ == "VERB" and tok.lemma_.lower() in self.rules.cue_verbs and not self.inside_quote[tok.i]

    def cue_text(self, tok: Token) -> tuple[str, tuple[int, int]]:
        """The cue with its auxiliaries ("has claimed"), and its character span."""
        start = tok.i
        while start > 0 and self.doc[start - 1].dep_ in ("aux", "auxpass") and self.doc[start - 1].head.i == tok.i:
            start -= 1
        end_tok = tok
        for right in tok.rights:
            if right.dep_ == "prt" and right.i == tok.i + 1:  # "pointed out"
                end_tok = right
        span = self.doc[start: end_tok.i + 1]
        return span.text, (span.start_char, span.end_char)

    def is_boundary(self, tok: Token) -> bool:
        """A sentence end outside quotation marks, or a paragraph break."""
        return ("\n" in tok.text_with_ws and tok.is_space) or (tok.text in SENTENCE_END and not self.inside_quote[tok.i]) \
            or "\n" in tok.whitespace_

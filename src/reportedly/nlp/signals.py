"""Hedges, "did not respond to requests for comment", loaded words, and the outlet's unattributed assertions."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Optional

from spacy.tokens import Doc, Span

from ..models import Assertion, Hedge, LoadedTerm, NoComment
from ..rules import Rules
from .entities import EntityTable, normalise_name
from .sources import noun_phrase


def find_hedges(text: str, rules: Rules, skip: Iterable[tuple[int, int]] = ()) -> list[Hedge]:
    blocked = list(skip)
    return [
        Hedge(m.group(0), m.start(), m.end())
        for m in rules.hedges.finditer(text)
        if not any(s <= m.start() < e for s, e in blocked)
    ]


@lru_cache(maxsize=8)
def any_of(patterns: tuple[re.Pattern, ...]) -> Optional[re.Pattern]:
    """One pattern that matches where any of `patterns` does (an alternation finds a match wherever one of its
    branches would): one search per sentence instead of one per pattern. None when they cannot be joined (different
    flags)."""
    if not patterns or len({p.flags for p in patterns}) != 1:
        return None
    try:
        return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), patterns[0].flags)
    except re.error:
        return None


def find_no_comment(doc: Doc, rules: Rules, table: EntityTable) -> list[NoComment]:
    out = []
    joined = any_of(rules.no_comment)
    for sent in doc.sents:
        text = sent.text
        if not (joined.search(text) if joined is not None else any(p.search(text) for p in rules.no_comment)):
            continue
        src_span = _no_comment_source(sent, rules)
        name, eid = None, None
        if src_span is not None:
            b = table.in_span(src_span)
            if b is None:
                name = normalise_name(src_span.text)
                kind = "government" if src_span.root.lemma_.lower() in rules.government_nouns else None
                b = table.get_or_create(name, src_span, "PERSON" if src_span.root.ent_type_ == "PERSON" else "ORG")
                b.kind = b.kind or kind
            name, eid = b.name, b.id
        stripped = text.strip()
        lead = len(text) - len(text.lstrip())
        out.append(NoComment(stripped, sent.start_char + lead, sent.start_char + lead + len(stripped), name, eid))
    return out


def _no_comment_source(sent: Span, rules: Rules) -> Optional[Span]:
    """ "... were not returned by the Israeli military" -> the agent; "X did not respond" -> the subject."""
    for t in sent:
        if t.dep_ == "agent" or (t.lower_ == "by" and t.head.tag_ == "VBN"):
            pobj = next((c for c in t.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return noun_phrase(pobj)
    root = sent.root
    for c in root.children:
        if c.dep_ in ("nsubj",) and c.lower_ not in rules.request_words and c.lemma_.lower() not in rules.request_words:
            if c.pos_ != "PRON" or c.lower_ in ("he", "she", "they"):
                return noun_phrase(c)
    return None


def find_loaded_terms(doc: Doc, rules: Rules) -> list[LoadedTerm]:
    """Words with a charged meaning where a neutral one exists ("murdered" for "killed"); speech verbs excluded,
    they are compared between copies, not judged alone."""
    out = []
    for t in doc:
        neutral = rules.loaded_terms.get(t.lemma_.lower())
        if neutral and neutral != "say":
            out.append(LoadedTerm(t.text, t.idx, t.idx + len(t.text), inflect_like(neutral, t.tag_)))
    return out


def inflect_like(lemma: str, tag: str) -> str:
    """A regular verb lemma in the form of the tag it replaces ("kill", VBD -> "killed")."""
    if " " in lemma:
        return lemma
    if tag in ("VBD", "VBN"):
        return lemma + ("d" if lemma.endswith("e") else "ed")
    if tag == "VBZ":
        return lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x")) else "s")
    if tag == "VBG":
        return (lemma[:-1] if lemma.endswith("e") else lemma) + "ing"
    if tag in ("NNS", "NNPS"):
        return lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x")) else "s")
    return lemma


def find_assertions(doc: Doc, covered: list[tuple[int, int]], skip: list[tuple[int, int]]) -> list[Assertion]:
    """Sentences in the outlet's own voice: a finite verb, no quotation mark, no attribution or hedge in them."""
    out = []
    for sent in doc.sents:
        s, e = sent.start_char, sent.end_char
        if any(a < e and s < b for a, b in covered) or any(a <= s < b for a, b in skip):
            continue
        text = sent.text.strip()
        if len(sent) < 5 or not text.endswith((".", "!")) or any(c in text for c in '"“”'):
            continue
        if not any(t.pos_ in ("VERB", "AUX") and t.morph.get("VerbForm") in (["Fin"],) for t in sent):
            continue
        lead = len(sent.text) - len(sent.text.lstrip())
        out.append(Assertion(text, s + lead, s + lead + len(text)))
    return out

"""Who a source phrase names: its mention span, the entity it resolves to, and its source type."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Span, Token

from ..models import Mention
from ..rules import Rules
from .coref import resolve_description
from .entities import EntityBuilder, EntityTable, normalise_name

NP_LEFT_DEPS = {"det", "amod", "compound", "poss", "nummod", "nmod", "advmod", "quantmod", "case", "flat"}


@dataclass(frozen=True)
class Source:
    span: Span
    entity: Optional[EntityBuilder]
    name: str
    type: str  # person | organization | media | government | document | unnamed

    def mention(self) -> Mention:
        kind = (
            "pronoun"
            if self.span.root.pos_ == "PRON"
            else ("name" if self.span.root.pos_ == "PROPN" else "description")
        )
        return Mention(self.span.text, self.span.start_char, self.span.end_char, kind)


def noun_phrase(tok: Token, limit: int = 12) -> Span:
    """The noun phrase headed by `tok`, without appositions and relative clauses ("the head of the agency")."""
    doc = tok.doc
    if tok.ent_type_ and tok.ent_iob_ != "O":
        ent = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
        if ent is not None:
            start, end = ent.start, ent.end
            while (
                start > 0
                and doc[start - 1].head.i in range(ent.start, ent.end)
                and doc[start - 1].dep_ in NP_LEFT_DEPS
                and doc[start - 1].text not in ",;"
            ):
                start -= 1
            return doc[start:end]
    start = tok.i
    for left in tok.lefts:
        if left.dep_ in NP_LEFT_DEPS and left.text not in ',;"“”':
            start = min(start, left.left_edge.i)
    end = tok.i + 1
    for right in tok.rights:
        if (
            right.dep_ == "prep"
            and right.lower_ in ("of", "for", "at", "from", "with", "in", "by")
            and tok.pos_ == "NOUN"
        ):
            end = max(end, right.right_edge.i + 1)
        elif right.dep_ in ("compound", "flat") or (right.dep_ == "case" and right.i == end):
            end = max(end, right.i + 1)
        else:
            break
    if end - start > limit:
        start = max(start, tok.i - limit // 2)
        end = min(end, tok.i + limit // 2)
    span = doc[start:end]
    while len(span) > 1 and span[0].is_punct:
        span = span[1:]
    while len(span) > 1 and (span[-1].is_punct or span[-1].dep_ == "case"):
        span = span[:-1]
    return span


def make_source(
    table: EntityTable, span: Span, rules: Rules, pronouns: dict[int, EntityBuilder], quoted_person: bool = False
) -> Optional[Source]:
    """The source that `span` names, or None for first/second person narrators ("I said", "you told")."""
    head = span.root
    low = head.lower_
    pronoun = rules.pronouns.get(low)
    if pronoun == "speaker" and len(span) == 1:
        return None
    if head.pos_ == "PRON" or pronoun in ("male", "female", "group", "thing"):
        ent = pronouns.get(head.i)
        if ent is not None:
            return Source(span, ent, ent.name, _entity_type(ent, rules))
        if pronoun in ("male", "female"):
            return Source(span, None, span.text, "person")
        return Source(span, None, span.text, "unnamed" if pronoun == "group" else "organization")
    # a document whose publisher is named: "a Yahoo News article", "a study by Civic Action"
    if head.lemma_.lower() in rules.document_nouns:
        inner = _named_inside(table, span, head)
        if inner is not None:
            return Source(span, inner, inner.name, _entity_type(inner, rules))
    ent = table.in_span(span) if head.pos_ == "PROPN" or head.ent_type_ else table.at(head)
    if ent is not None:
        if quoted_person:
            _maybe_person(ent, rules)
        return Source(span, ent, ent.name, _entity_type(ent, rules))
    if head.pos_ == "PROPN" and not (len(span) <= 2 and rules.is_person_noun(head.lower_)):
        name = normalise_name(span.text)
        if rules.is_media_name(name):
            b = table.get_or_create(name, span, "ORG")
            b.kind = "media"
        else:
            b = table.get_or_create(name, span, "PERSON" if quoted_person and not _org_like(name, rules) else "ORG")
            if not quoted_person and any(w.lower() in rules.government_nouns for w in name.split()):
                b.kind = "government"
        return Source(span, b, b.name, _entity_type(b, rules))
    lemma = head.lemma_.lower()
    described = resolve_description(table, span, rules)
    if described is not None:
        return Source(span, described, described.name, "person")
    name = normalise_name(span.text)
    if lemma in rules.government_nouns or any(
        t.lemma_.lower() in rules.government_nouns for t in span if t.i == head.i
    ):
        b = table.get_or_create(name, span, "ORG", kind="description")
        b.kind = "government"
        return Source(span, b, b.name, "government")
    if lemma in rules.document_nouns:
        return Source(span, None, span.text, "document")
    return Source(span, None, span.text, "unnamed")


def _named_inside(table: EntityTable, span: Span, head: Token) -> Optional[EntityBuilder]:
    for t in span:
        if t.i != head.i:
            b = table.at(t)
            if b is not None:
                return b
    for right in head.rights:
        if right.dep_ in ("prep", "agent") and right.lower_ in ("by", "from", "of", "in"):
            for t in right.subtree:
                b = table.at(t)
                if b is not None:
                    return b
    for right in head.rights:
        if right.dep_ == "acl":
            for t in right.subtree:
                if t.dep_ == "agent" or t.lower_ == "by":
                    for u in t.subtree:
                        b = table.at(u)
                        if b is not None:
                            return b
    return None


def _org_like(name: str, rules: Rules) -> bool:
    return any(w.lower().strip(".") in rules.organisation_words for w in name.split())


def _maybe_person(ent: EntityBuilder, rules: Rules) -> None:
    """A name quoted as a speaker is a person, when nothing else says it is an organisation or outlet."""
    if ent.type == "PERSON" or ent.kind or _org_like(ent.name, rules) or rules.is_media_name(ent.name):
        return
    if ent.labels.get("PERSON") or (
        len(ent.name.split()) in (2, 3) and ent.gender is None and _first_name_known(ent.name)
    ):
        ent.forced_type = "PERSON"


def _first_name_known(name: str) -> bool:
    from .entities import _gender_detector

    return _gender_detector().get_gender(name.split()[0]) != "unknown"


def _entity_type(ent: EntityBuilder, rules: Rules) -> str:
    if ent.kind == "media" or rules.is_media_name(ent.name):
        return "media"
    if ent.kind == "government":
        return "government"
    t = ent.type
    if t == "PERSON":
        return "person"
    if t == "GPE":
        return "government"
    return "organization"

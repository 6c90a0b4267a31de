"""Who a source phrase names: its mention span, the entity it resolves to, and its source type."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Optional

import numpy as np
from spacy.attrs import DEP, ENT_TYPE, HEAD, POS
from spacy.parts_of_speech import NOUN as NOUN_ID
from spacy.parts_of_speech import PROPN as PROPN_ID
from spacy.tokens import Doc, Span, Token

from ..models import Mention
from ..rules import Rules
from .coref import (
    described_group,
    describes_one_person,
    noun_gender,
    resolve_demonym,
    resolve_description,
    resolve_organisation,
    tied_organisation,
)
from .entities import EntityBuilder, EntityTable, first_name_gender, normalise_name
from .settings import SETTINGS

NP_LEFT_DEPS = {"det", "amod", "compound", "poss", "nummod", "nmod", "advmod", "quantmod", "case", "flat"}


@dataclass(frozen=True)
class Source:
    span: Span
    entity: Optional[EntityBuilder]
    name: str
    type: str  # person | organization | media | government | document | unnamed
    # the word that names the source in the clause of the cue when it is not `span`: the relative pronoun of "the
    # minister, who said ..." (the source is still the minister; the speech clause mentions her as "who")
    said_as: Optional[Span] = None

    def mention(self) -> Mention:
        span = self.said_as if self.said_as is not None else self.span
        kind = (
            "pronoun"
            if span.root.pos_ == "PRON" or span.root.tag_ in ("WP", "WDT")
            else ("name" if span.root.pos_ == "PROPN" else "description")
        )
        return Mention(span.text, span.start_char, span.end_char, kind)

    def as_said_by(self, word: Optional[Token]) -> "Source":
        """This source, mentioned in the cue's clause by `word` (a relative pronoun), when there is one."""
        return self if word is None else replace(self, said_as=word.doc[word.i : word.i + 1])


def noun_phrase(tok: Token, limit: int = 12) -> Span:
    """The noun phrase headed by `tok`, without appositions and relative clauses ("the head of the agency")."""
    doc = tok.doc
    if tok.ent_type_ and tok.ent_iob_ != "O":
        ent = _entity_around(tok)
        if ent is not None:
            start, end = ent
            while (
                start > 0
                and doc[start - 1].head.i in range(ent[0], ent[1])
                and doc[start - 1].dep_ in NP_LEFT_DEPS
                and doc[start - 1].text not in ",;"
            ):
                start -= 1
            return _trimmed(doc[start:end])  # the tagger may take a possessive in: "Mark Zuckerberg's" email
    start = tok.i
    for left in tok.lefts:
        if left.dep_ in NP_LEFT_DEPS and left.text not in ',;"“”':
            start = min(start, left.left_edge.i)
    start = _after_dateline(doc, start, tok.i)
    end = tok.i + 1
    for right in tok.rights:
        if (
            right.dep_ == "prep"
            and right.lower_ in ("of", "for", "at", "from", "with", "in", "by")
            and tok.pos_ == "NOUN"
        ):
            end = max(end, _before_aside(right))
        elif right.dep_ in ("compound", "flat") or (right.dep_ == "case" and right.i == end):
            end = max(end, right.i + 1)
        else:
            break
    if end - start > limit:
        start = max(start, tok.i - limit // 2)
        end = min(end, tok.i + limit // 2)
    return _trimmed(doc[start:end])


DASHES = ("-", "\u2013", "\u2014")


def _after_dateline(doc: Doc, start: int, head: int) -> int:
    """ "NEW YORK (Reuters) - WeWork said": a dash standing on its own between the words the parser hung on the noun
    and the noun itself ends a dateline, a place in capitals or an agency in brackets before it ("Deborah Reynolds -
    Santilli's girlfriend - told" is a name and its aside); the phrase starts after it."""
    for i in range(head - 1, start - 1, -1):
        t = doc[i]
        if t.text in DASHES and t.whitespace_ and i > 0 and doc[i - 1].whitespace_:
            dateline = any(u.text == ")" or (u.is_upper and u.is_alpha and len(u) >= 3) for u in doc[start:i])
            return i + 1 if dateline else start
    return start


IOB_IN, IOB_BEGIN = 1, 3  # spaCy's Token.ent_iob codes


def _entity_around(tok: Token) -> Optional[tuple[int, int]]:
    """The token bounds of the entity of `doc.ents` that holds `tok`, read off the IOB codes around it (`doc.ents`
    makes a Span for every entity of the Doc on each access); None where `doc.ents` has none there."""
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start].ent_iob == IOB_IN:
        start -= 1
    if doc[start].ent_iob != IOB_BEGIN or not doc[start].ent_type:
        return None
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob == IOB_IN:
        end += 1
    return start, end


def _before_aside(prep: Token) -> int:
    """Where a preposition's phrase ends within a noun phrase: before a comma, dash or bracket that opens an aside on
    its object ("an official at Haneda Airport, one of the world's busiest," ends at "Airport"; a list of names goes
    on: "the Ministry of Health, Labour and Welfare")."""
    doc = prep.doc
    for t in doc[prep.i + 1 : prep.right_edge.i + 1]:
        after = doc[t.i + 1] if t.i + 1 < len(doc) else None
        if t.text in (",", ";", "(", "—", "–") and not (after is not None and after.dep_ in ("conj", "cc")):
            return t.i
    return prep.right_edge.i + 1


def speaker_phrase(tok: Token, rules: Rules) -> Span:
    """The noun phrase of a speaker headed by `tok`, with a participle that ties it to a body kept in ("two bodies
    linked to the agency", rules/en/affiliation_verbs.txt), also where the parser took that participle for a clause
    of its own with `tok` for its subject ("Two panels linked to the Board said ...")."""
    span = noun_phrase(tok)
    doc = tok.doc
    tied = [c for c in tok.rights if c.dep_ == "acl" and c.i == span.end]
    if (
        tok.dep_ == "nsubj"
        and tok.head.i == span.end
        and tok.head.tag_ == "VBN"
        and not any(c.dep_ in ("aux", "auxpass") for c in tok.head.children)
    ):
        tied.append(tok.head)
    for verb in tied:
        if tok.pos_ == "NOUN" and verb.tag_ == "VBN" and verb.lemma_.lower() in rules.affiliation_verbs:
            preps = [c for c in verb.rights if c.dep_ == "prep"]
            if preps:
                return _trimmed(doc[span.start : preps[0].right_edge.i + 1])
    return _with_post_modifiers(tok, span, rules)


def _with_post_modifiers(tok: Token, span: Span, rules: Rules) -> Span:
    """An unnamed speaker's description with what follows its noun and belongs to it, up to the cue: prepositional
    phrases ("a passenger on the flight", rules/en/description_prepositions.txt), a participle's phrase ("a resident
    living near the bridge") and a restrictive relative clause ("a woman who saw the crash"). Never a phrase of a
    date or time ("a passenger on Tuesday"), an aside after a comma ("an official, who asked not to be named,"), nor a
    clause of a speech verb or one that holds a quotation mark, speech ("the man who said that ...") or someone's
    name; a
    participle that names the one described ("a passenger named Yuki Sato") gives the name instead."""
    doc = tok.doc
    if tok.pos_ != "NOUN" or tok.ent_type_ or span.end <= tok.i:
        return span
    end = span.end
    for right in tok.rights:
        if right.i < end:
            continue
        if right.left_edge.i != end or right.text in ",;:-—–(":
            break
        last = right.right_edge.i + 1
        if right.dep_ == "prep" and right.lower_ in rules.description_prepositions:
            objects = [c for c in right.children if c.dep_ == "pobj"]
            if not objects or any(o.ent_type_ in ("DATE", "TIME") for o in objects):
                break
            last = _before_aside(right)
        elif right.dep_ == "advmod" and right.lower_ in rules.description_prepositions:
            last = right.i + 1  # "a passenger aboard", "a Swede onboard"
        else:
            clause = (right.dep_ == "acl" and right.tag_ in ("VBG", "VBN")) or right.dep_ == "relcl"
            if not clause or right.lemma_.lower() in rules.cue_verbs:
                break  # "an official who spoke on condition of anonymity": the clause of a speech verb may be the cue's
            if any(c.dep_ in ("ccomp", "parataxis") for c in right.children):
                break
            name = next((t for t in doc[right.i : last] if t.ent_type_ == "PERSON"), None)
            if name is not None:
                if right.tag_ == "VBN" and right.lemma_.lower() in rules.naming_verbs:
                    return noun_phrase(name)  # "a passenger named Yuki Sato": she speaks, by name
                break  # "a lawyer who represents Anna Berg": a clause about someone else ends the description
        if any(t.is_quote or t.text in ",;:—–" or t.ent_type_ in ("DATE", "TIME") for t in doc[end:last]):
            break
        end = last
    if end - span.start > SETTINGS.max_description_words:
        return span
    return _trimmed(doc[span.start : end])


def _trimmed(span: Span) -> Span:
    """`span` without punctuation at its edges or a possessive marker at its end."""
    while len(span) > 1 and span[0].is_punct:
        span = span[1:]
    while len(span) > 1 and (span[-1].is_punct or span[-1].dep_ == "case" or span[-1].tag_ == "POS"):
        span = span[:-1]
    return span


def make_source(
    table: EntityTable,
    span: Span,
    rules: Rules,
    pronouns: dict[int, EntityBuilder],
    quoted_person: bool = False,
    apposition: bool = True,
) -> Optional[Source]:
    """The source that `span` names, or None for first/second person narrators ("I said", "you told") and for
    what cannot speak (a date, a demonym, a product)."""
    lemma = span.root.lemma_.lower()
    speaker_noun = rules.is_person_or_kin_noun(lemma) or lemma in rules.organisation_words
    named = apposed_name(span, speaker_noun) if apposition else None
    if named is not None and named.root.i != span.root.i and not (named.start <= span.root.i < named.end):
        source = make_source(table, named, rules, pronouns, quoted_person, apposition=False)
        if source is not None and source.entity is not None and source.entity.role is None:
            source.entity.role = _description_before(span, named)
        if source is not None and source.entity is not None and source.entity.gender is None:
            source.entity.gender = rules.kin_gender(lemma)  # "his father, Mats,": a "he", whatever "Mats" says
        return source
    counted = _crowd_of(span.root, rules)
    if counted is not None and span.end <= span.root.i + 1:
        # "Thousands" as the tagger's number entity: run on over "of Milei supporters", the people counted
        span = span.doc[span.start : counted.right_edge.i + 1]
    whole = _whole_text(span, rules)
    if whole is not None:
        return make_source(table, whole, rules, pronouns, quoted_person, apposition)
    if not can_speak(span, rules):
        return None
    role = _role_source(table, span, rules, pronouns)
    if role is not None:
        return role
    head = span.root
    low = head.lower_
    pronoun = rules.pronouns.get(low)
    if pronoun == "speaker" and len(span) == 1:
        return None
    if pronoun == "thing" and len(span) == 1 and _expletive(head):
        doer = _considering_subject(head)
        return make_source(table, speaker_phrase(doer, rules), rules, pronouns) if doer is not None else None
    if head.pos_ == "PRON" or pronoun in ("male", "female", "group", "thing"):
        ent = pronouns.get(head.i)
        if ent is not None:
            return Source(span, ent, ent.name, _entity_type(ent, rules))
        if pronoun in ("male", "female"):
            described = _main_clause_description(head, pronoun, rules) or _described_before(head, pronoun, table, rules)
            if described is not None:
                return Source(span, None, speaker_phrase(described, rules).text, "person")
            return Source(span, None, span.text, "person")
        if pronoun == "thing":
            body = _speaking_body_before(head, table, rules)
            said = make_source(table, speaker_phrase(body, rules), rules, pronouns) if body is not None else None
            if said is not None:
                return said.as_said_by(head)  # mentioned here as "it"
        return Source(span, None, span.text, "unnamed" if pronoun == "group" else "organization")
    # a document whose publisher is named: "a Yahoo News article", "a study by Civic Action"
    if head.lemma_.lower() in rules.document_nouns:
        inner = _named_inside(table, span, head, rules) or _untagged_publisher(table, span, head, rules)
        if inner is not None:
            return Source(span, inner, inner.name, _entity_type(inner, rules))
    body = _body_of(table, span, head, rules)
    if body is not None:
        return Source(span, body, body.name, _entity_type(body, rules))
    demonym = resolve_demonym(table, span, rules)
    if demonym is not None:
        return Source(span, demonym, demonym.name, "person")
    if _abbreviated_role(span, head, rules):
        described = resolve_description(table, span, rules)
        if described is not None:
            return Source(span, described, described.name, "person")
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
            b = table.get_or_create(name, span, "PERSON" if quoted_person and _person_like(name, rules) else "ORG")
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
    organisation = resolve_organisation(table, span, rules)
    if organisation is not None:
        return Source(span, organisation, organisation.name, _entity_type(organisation, rules))
    if lemma in rules.document_nouns:
        author = _owner(table, span, head, rules, pronouns)
        if author is None and span[0].lower_ == "the":
            author = _author(table, span, head, rules)
        if author is not None:
            table.link(author, span, "description")
            return Source(span, author, author.name, _entity_type(author, rules))
        return Source(span, None, span.text, "document")
    of = _crowd_of(head, rules)
    if of is not None and any(c.dep_ == "pobj" and c.lemma_.lower() in rules.document_nouns for c in of.children):
        return Source(span, None, span.text, "document")  # "one of the reports": the documents counted
    first = _first_described(span, rules)
    if first is not None:
        return Source(span, None, first.text, "unnamed")
    return Source(span, None, span.text, "unnamed")


def _main_clause_description(pronoun_tok: Token, gender: str, rules: Rules) -> Optional[Token]:
    """ "A friend who was with her broke down as she told the court ...", "..., and her companion sobbed as she
    described how ...": an unresolved "he"/"she", subject of a clause that hangs on another clause (an adverbial
    clause or a conjunct), is that clause's subject when the subject describes one person without a name and its
    gender does not rule the pronoun out. None otherwise."""
    if pronoun_tok.dep_ != "nsubj" or pronoun_tok.head.dep_ not in ("advcl", "conj"):
        return None
    subject = next((c for c in pronoun_tok.head.head.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.i > pronoun_tok.i or not describes_one_person(subject, rules):
        return None
    return subject if noun_gender(subject.lemma_, rules) in (None, gender) else None


def _sentences_back(tok: Token, n: int) -> Token:
    """The first token of the sentence `n` sentences before `tok`'s (or of the text's first sentence)."""
    doc = tok.doc
    first = doc[tok.sent.start]
    for _ in range(n):
        if first.i == 0:
            break
        first = doc[doc[first.i - 1].sent.start]
    return first


def _described_before(pronoun_tok: Token, gender: str, table: EntityTable, rules: Rules) -> Optional[Token]:
    """ "For one coach, the choice was clear. ... “...,” he said": an unresolved "he"/"she" (no named person for it) is
    the nearest earlier description of one person without a name, in the narration of this sentence or the
    `person_sentences_back` before, whose gender does not rule the pronoun out ("the judge" for "she", not "his
    father"). None when there is none."""
    doc = pronoun_tok.doc
    first = _sentences_back(pronoun_tok, SETTINGS.person_sentences_back)
    for t in reversed(doc[first.i : pronoun_tok.i]):
        if t.i < len(table.inside_quote) and table.inside_quote[t.i]:
            continue  # someone's words, not the narration
        if describes_one_person(t, rules) and t.pos_ == "NOUN" and noun_gender(t.lemma_, rules) in (None, gender):
            return t
    return None


def _speaking_body_before(pronoun_tok: Token, table: EntityTable, rules: Rules) -> Optional[Token]:
    """ "The watchdog said the app had a breach. It said there was no legal basis ...": an unresolved "it", subject of
    a speech verb, is the nearest earlier subject of a speech verb (in this or the `group_sentences_back` sentences
    before) that is a singular common noun and no person ("the watchdog", "the ministry", "the report"), else the
    nearest earlier subject of any verb that is a singular noun for a body or a document ("The company cut 1,000 jobs.
    It said ..."). A person's or a plural's speech in between is skipped; None when there is none."""
    if pronoun_tok.dep_ not in ("nsubj", "nsubjpass") or pronoun_tok.head.lemma_.lower() not in rules.cue_verbs:
        return None
    doc = pronoun_tok.doc
    first = _sentences_back(pronoun_tok, SETTINGS.group_sentences_back)
    subjects = [
        t
        for t in doc[first.i : pronoun_tok.i]
        if t.dep_ == "nsubj"
        and (t.pos_ == "NOUN" and t.tag_ == "NN" or rules.pronouns.get(t.lower_) == "thing")
        and not (t.i < len(table.inside_quote) and table.inside_quote[t.i])  # someone's words, not the narration
    ]
    for t in reversed(subjects):
        if t.head.lemma_.lower() not in rules.cue_verbs or rules.is_person_or_kin_noun(t.lemma_.lower()):
            continue
        # an earlier "it" that spoke stands for the same body ("It said ... It also said ...")
        return _speaking_body_before(t, table, rules) if t.pos_ == "PRON" else t
    for t in reversed(subjects):
        lemma = t.lemma_.lower()
        if t.pos_ != "PRON" and (
            lemma in rules.organisation_words or lemma in rules.document_nouns or lemma in rules.government_nouns
        ):
            return t
    return None


def _expletive(tok: Token) -> bool:
    """ "The judges consider it proven that ...", "found it likely that ...": an "it" that stands for the
    that-clause after a participle or adjective of a small clause is no one who speaks."""
    verb = tok.head
    return (
        tok.lower_ == "it"
        and tok.dep_ == "nsubj"
        and verb.tag_ in ("VBN", "JJ")
        and verb.dep_ in ("ccomp", "xcomp", "oprd")
        and any(c.dep_ == "ccomp" and any(m.dep_ == "mark" for m in c.children) for c in verb.children)
    )


def _considering_subject(tok: Token) -> Optional[Token]:
    """The subject of the verb that holds an expletive's small clause ("The judges ... consider it proven"),
    through conjoined verbs ("believe the account and consider it ..."); None when it has none."""
    verb = tok.head.head
    while True:
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject if subject.pos_ in ("NOUN", "PROPN") else None
        if verb.dep_ != "conj" or verb.head.i == verb.i:
            return None
        verb = verb.head


def _first_described(span: Span, rules: Rules) -> Optional[Span]:
    """ "A passenger on the flight said ... “...,” the passenger said": "the" and the noun of an unnamed person (or
    people) described earlier as the subject of a clause, within SETTINGS.max_sentences_back sentences, names them
    again; their first, fuller description ("a passenger on the flight") is the name. Only a bare "the" + noun: "the
    other passenger" is someone else."""
    head = span.root
    if (
        len(span) != 2
        or span[0].lower_ != "the"
        or not (describes_one_person(head, rules) or described_group(head, rules))
    ):
        return None
    sents = list(span.doc.sents)
    here = next((k for k, s in enumerate(sents) if s.start <= span.start < s.end), 0)
    for sent in reversed(sents[max(0, here - SETTINGS.max_sentences_back) : here + 1]):
        for t in reversed(sent):
            if (
                t.i >= span.start
                or t.lemma_ != head.lemma_
                or t.tag_ != head.tag_
                or t.dep_ not in ("nsubj", "nsubjpass")
            ):
                continue
            det = next((c for c in t.children if c.dep_ == "det"), None)
            if det is not None and det.lower_ == "the":
                continue  # named again before: keep looking for its first description
            phrase = speaker_phrase(t, rules)
            return phrase if len(phrase) > 2 else None
    return None


def _body_of(table: EntityTable, span: Span, head: Token, rules: Rules) -> Optional[EntityBuilder]:
    """ "Two bodies linked to the Food Safety Board", "researchers at Stanford University", "a panel of experts from
    the agency": a generic noun for a group of people (rules/en/body_nouns.txt) tied by a preposition to a named
    organisation speaks for it. The organisation must be the object of the preposition itself ("a group of Google
    employees" is not Google)."""
    if head.tag_ == "VBN":  # the parser's clause "bodies linked to ...": its subject heads the description
        head = next((c for c in head.children if c.dep_ == "nsubj" and c.i >= span.start), head)
    plural = head.tag_ in ("NNS", "NNPS")
    if not rules.speaks_for_a_body(head.lemma_.lower(), plural) and not rules.speaks_for_a_body(head.lower_, plural):
        return None
    return tied_organisation(table, head, span)


def _owner(
    table: EntityTable, span: Span, head: Token, rules: Rules, pronouns: dict[int, EntityBuilder]
) -> Optional[EntityBuilder]:
    """ "The agency's statement said", "the ministry's report found": a document with a possessor speaks for the one
    that owns it (the mention stays the document; the resolved speaker is its author, named or named again)."""
    owner = next((c for c in head.children if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")), None)
    if owner is None or owner.i < span.start:
        return None
    source = make_source(table, noun_phrase(owner), rules, pronouns)
    return source.entity if source is not None else None


def _author(table: EntityTable, span: Span, head: Token, rules: Rules) -> Optional[EntityBuilder]:
    """ "Mark Zuckerberg said in the letter, ... / The letter reads, “...”": the document named again with "the" is
    the one whose writer the article gave before: the latest earlier mention of that noun with its owner ("his
    letter", "Zuckerberg's letter", "a letter from Zuckerberg"), with the subject of a relative clause on it ("a
    statement that her lawyer, Ann Lee, provided") or with the subject that said or wrote in it ("Mark Zuckerberg
    said in the letter"), unless that subject only read it out (rules/en/reading_verbs.txt: "the chief read a
    statement")."""
    doc = table.doc
    for t in reversed(doc[: span.start]):
        if t.lemma_ != head.lemma_ or t.pos_ != "NOUN":
            continue
        owners = [c for c in t.children if c.dep_ == "poss"]
        for prep in t.children:
            if prep.dep_ == "prep" and prep.lower_ in ("from", "by"):
                owners += [c for c in prep.children if c.dep_ == "pobj"]
        for clause in t.children:
            if clause.dep_ == "relcl" and clause.lemma_.lower() not in rules.reading_verbs:
                for subj in clause.children:
                    if subj.dep_ == "nsubj":
                        owners += [subj, *(c for c in subj.children if c.dep_ == "appos")]
        verb = (
            t.head.head if t.dep_ == "pobj" and t.head.lower_ in ("in", "on") else t.head if t.dep_ == "dobj" else None
        )
        if verb is not None and verb.pos_ == "VERB" and verb.lemma_.lower() in rules.reading_verbs:
            owners += named_after(table, t)  # "the chief read a statement that the family's lawyer, Ann Lee, gave"
        elif verb is not None and verb.pos_ == "VERB":
            owners += [c for c in verb.children if c.dep_ == "nsubj"]  # "The WTO issued a report"
        for o in owners:
            b = table.at(o)
            if b is not None and b.type in ("PERSON", "ORG"):
                return b
    return None


def named_after(table: EntityTable, noun: Token) -> list[Token]:
    """The first person or organisation named after a document's noun in its sentence, not as a possessor ("a
    statement that Russell's attorney, Ann Lee, provided" -> Ann Lee): whose text was read out, whatever the parse;
    not one named after a preposition other than "by", "from" or "of" (the audience or the place: "read a statement to
    Mayor Ann Lee")."""
    for t in noun.doc[noun.i + 1 : noun.sent.end]:
        b = table.at(t)
        if b is not None and _audience_or_place(t):
            continue
        after = t.nbor() if t.i + 1 < len(t.doc) else None
        if b is not None and b.type in ("PERSON", "ORG") and not (after is not None and after.tag_ == "POS"):
            if not (after is not None and table.at(after) is b):
                return [t]
    return []


def _audience_or_place(t: Token) -> bool:
    """A name (or its apposition) that is the object of a preposition other than "by", "from" or "of": "to Mayor Ann
    Lee", "at City Hall"."""
    while t.dep_ in ("appos", "conj", "compound", "flat") and t.head.i != t.i:
        t = t.head
    return t.dep_ == "pobj" and t.head.lower_ not in ("by", "from", "of")


def _whole_text(span: Span, rules: Rules) -> Optional[Span]:
    """ "Part of her statement", "an excerpt from her speech": the text a part is of (a document, or someone's),
    which is what speaks."""
    head = span.root
    if head.lower_ not in rules.partitives:
        return None
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and (
                obj.lemma_.lower() in rules.document_nouns or any(c.dep_ == "poss" for c in obj.children)
            ):
                return noun_phrase(obj)
    return None


NON_SPEAKER_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY", "PRODUCT"}


def apposed_name(span: Span, speaker_noun: bool = False) -> Optional[Span]:
    """The name set beside a description ("His father, Ernie LeBlanc," / "Former chief of X, Maj. Gen. Tamir
    Hayman,"): a description that the parser made the subject names no one; the name in apposition to it does. Beside
    a noun for a person ("the chairwoman of the committee, Berit Reiss-Andersen") a name the tagger took for an
    organisation is still the person's; beside a noun for an organisation ("the ship's management company, Synergy
    Marine Pte Ltd,") the organisation's name is the one to give."""
    head = span.root
    if head.pos_ == "PROPN" and head.ent_type_ == "PERSON":
        return None
    not_names = ("", "GPE", "NORP") if speaker_noun else ("", "ORG", "GPE", "NORP")
    for child in head.rights:
        if child.dep_ == "appos" and _in_brackets_after(child):
            continue  # "Scott's niece, Del. Marcia Price (D-Newport News),": a party and place in brackets
        if child.dep_ == "appos" and child.pos_ == "PROPN" and child.ent_type_ not in not_names:
            return noun_phrase(child)
        if child.dep_ == "appos" and child.pos_ == "PROPN" and child.ent_type_ == "" and child.text[:1].isupper():
            return noun_phrase(child)
    if head.ent_type_ == "GPE":
        named = _person_after_places(head)
        if named is not None:
            return named
    if speaker_noun and head.pos_ == "NOUN":
        # "the chairwoman of the Nobel Committee, Berit Reiss-Andersen": the parser hangs the name on the body's; a
        # person's name there (tagged so, or from a known first name on) is the chairwoman's
        for prep in (c for c in head.rights if c.dep_ == "prep"):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                for child in obj.rights:
                    if child.dep_ != "appos" or child.pos_ != "PROPN" or child.ent_type_ in NON_SPEAKER_ENTS:
                        continue
                    name = noun_phrase(child)
                    if child.ent_type_ == "PERSON" or first_name_gender(name[0].text) in ("male", "female"):
                        return name
    return None


def _person_after_places(head: Token) -> Optional[Span]:
    """ "Latah County, Idaho, prosecutor Bill Thompson said": a title's place written before it ("County, State,"),
    which the parser made the subject and hung the name on as a conjunct or an apposition, names the person; a real
    coordination ("Ohio and Ann Bell", "Ohio, Idaho and Ann Bell", "Ohio, Ann Bell and ...") has a conjunction on
    some place or on the name and is left alone: every place (at most four) is checked before the name is returned."""
    places, seen, person = [head], 0, None
    while seen < len(places):
        t = places[seen]
        seen += 1
        if any(c.dep_ == "cc" for c in t.children):
            return None
        for c in t.rights:
            if c.dep_ not in ("conj", "appos"):
                continue
            if c.pos_ == "PROPN" and c.ent_type_ == "PERSON":
                person = person or c
            elif c.ent_type_ == "GPE" and len(places) < 4:
                places.append(c)
    if person is None or any(c.dep_ == "cc" for c in person.children):
        return None  # "Ohio, Ann Bell and the governor of Idaho said": the parser hangs the "and" on the name
    return noun_phrase(person)


def _in_brackets_after(tok: Token) -> bool:
    """The name `tok` heads is written in brackets (its words right after an opening one)."""
    name = noun_phrase(tok)
    return name.start > 0 and tok.doc[name.start - 1].text == "("


def _description_before(span: Span, named: Span) -> Optional[str]:
    doc = span.doc
    start = span.start
    end = named.start
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    text = doc[start:end].text.strip(" ,;—–")
    return text or None


def can_speak(span: Span, rules: Rules) -> bool:
    """A speaker is a person, organisation, outlet, document or group: never a date or a measure ("Jan. 30, 2020",
    "more than a year", "date" left by a scraper), a singular demonym ("the Denisovan") or a product."""
    head = span.root
    if head.lower_ in rules.share_words:
        return True  # "Another 19 percent said ...": a share of those polled, a group
    if _crowd_of(head, rules) is not None:
        return True  # "Thousands of supporters chanted ...": the people counted, a group
    if age_description(span, rules):
        return True  # "said the 46-year-old": a person, though tagged as a date
    if head.ent_type_ in NON_SPEAKER_ENTS or head.lemma_.lower() in rules.non_speakers:
        return False
    if head.lower_ in rules.non_speakers or head.like_num:
        return False
    if len(span) == 1 and head.text[:1] in "'’":
        return False  # a clitic ("Let's say ..."): the narrator and reader, never a source
    words = [t for t in span if not t.is_punct and t.pos_ not in ("DET", "ADP", "CCONJ")]
    if words and all(t.ent_type_ in NON_SPEAKER_ENTS or t.like_num for t in words):
        return False
    if len(words) == 1 and _demonym_like(head):
        return False
    singular = head.tag_ not in ("NNS", "NNPS")
    if singular and (head.ent_type_ == "NORP" or head.text in rules.demonyms) and head.pos_ in ("PROPN", "ADJ", "NOUN"):
        return not head.lower_.endswith(("s", "people"))
    return True


def _crowd_of(head: Token, rules: Rules) -> Optional[Token]:
    """ "Thousands of Milei supporters", "hundreds of protesters", "one of the survivors": when `head` is a plural
    number noun (rules/en/crowd_counts.txt) counting the plural noun after its "of", or a number counting people
    (`described_group`) or documents ("one of the reports", rules/en/document_nouns.txt), that "of" (its phrase is
    the people or documents counted); else None."""
    counted = head.like_num and head.pos_ == "NUM"  # "one of the survivors", "two of the passengers"
    if head.lower_ not in rules.crowd_counts and not counted:
        return None
    of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    people = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if people is None or people.tag_ not in ("NNS", "NNPS") or people.ent_type_ in NON_SPEAKER_ENTS:
        return None
    if counted and not (described_group(people, rules) or people.lemma_.lower() in rules.document_nouns):
        return None  # "one of the reasons": things counted, no one who speaks ("one of the reports" speaks)
    return of


def age_description(span: Span, rules: Rules) -> bool:
    """ "the 46-year-old", "a 43-year-old": the phrase ends in an age (rules/en/age_descriptions.txt)."""
    tail = "".join(t.text for t in span[-3:]).lower()
    return any(tail.endswith(w) for w in rules.age_descriptions)


DEMONYM_ENDINGS = ("an", "ian", "ese", "ish", "ic")


def _demonym_like(tok: Token) -> bool:
    """ "The Denisovan said": a one-word "name" with a demonym's ending that the article also writes as a modifier
    of a common noun ("Denisovan genes") is a people's adjective, not a person."""
    if tok.pos_ != "PROPN" or not tok.lower_.endswith(DEMONYM_ENDINGS):
        return False
    return any(i != tok.i for i in _noun_modifiers(tok.doc).get(tok.text, ()))


MODIFIERS_KEY = ("reportedly", "noun_modifiers", None, None)


def _noun_modifiers(doc: Doc) -> dict[str, list[int]]:
    """The words that modify a common noun, or a proper noun outside a person's name ("Denisovan genes", "Swiss
    Alps"), by text: the positions where each stands. Found once per Doc from its arrays (not a Token per word per
    speaker checked) and kept in `doc.user_data`; the tags must not change after (retag runs first)."""
    found = doc.user_data.get(MODIFIERS_KEY)
    if found is None:
        strings = doc.vocab.strings
        arr = doc.to_array([DEP, POS, ENT_TYPE, HEAD])  # hashes as uint64, the head as an offset
        dep, pos, ent = arr[:, 0], arr[:, 1], arr[:, 2]
        head_pos = pos[np.arange(len(doc), dtype=np.int64) + arr[:, 3].astype(np.int64)]
        modifier = np.isin(dep, np.array([strings["compound"], strings["amod"]], dtype=np.uint64))
        person = ent == np.uint64(strings["PERSON"])
        hits = modifier & ((head_pos == NOUN_ID) | ((head_pos == PROPN_ID) & ~person))
        found = {}
        for i in np.nonzero(hits)[0].tolist():
            found.setdefault(doc[i].text, []).append(i)
        doc.user_data[MODIFIERS_KEY] = found
    return found


def _role_source(table: EntityTable, span: Span, rules: Rules, pronouns: dict[int, EntityBuilder]) -> Optional[Source]:
    """ "her official spokesman" -> a representative, "spokesperson of Liz Truss"; "the Prime Minister" -> the person
    who holds that title in the article, else the role itself (never a person named "Minister")."""
    head = span.root
    words = [t for t in span if t.pos_ not in ("DET", "PRON") and t.dep_ != "poss" and t.pos_ != "PART"]
    role = rules.representative_roles.get(head.lemma_.lower()) or rules.representative_roles.get(head.lower_)
    if role is not None and head.tag_ not in ("NNS", "NNPS"):
        named = _named_representative(table, span, head) if span[0].lower_ == "the" else None
        if named is not None:
            table.link(named, span, "description")
            return Source(span, named, named.name, "person")
        owner = _represented(table, span, head, pronouns)
        if owner is not None:
            return Source(span, None, f"{role} of {owner}", "representative")
        return None
    holder = _office_holder(table, span, rules)
    if holder is not None:
        table.link(holder, span, "description")
        return Source(span, holder, holder.name, "person")
    titled = [t for t in words if rules.is_title(t.text)]
    if not titled or len(titled) != len([t for t in words if t.pos_ != "ADJ" or rules.is_title(t.text)]):
        return None
    if any(table.at(t) is not None and table.at(t).type == "PERSON" for t in span):
        return None
    phrase = " ".join(t.lower_.rstrip(".") for t in titled)
    holder = _holder(table, phrase, span.start_char)
    if holder is None:
        holder = resolve_description(table, span, rules)
    if holder is None and span[0].lower_ == "the" and all(t.text[:1].isupper() for t in titled):
        # "the Prime Minister said" where the article has named one person so far: that person holds the title
        named = [b for b in table.entities if b.type == "PERSON" and any(m.start < span.start_char for m in b.mentions)]
        holder = named[0] if len(named) == 1 else None
    if holder is not None:
        table.link(holder, span, "description")
        return Source(span, holder, holder.name, "person")
    return Source(span, None, span.text, "unnamed")


def _named_representative(table: EntityTable, span: Span, head: Token) -> Optional[EntityBuilder]:
    """ "the spokesman" after "Tom Hill, a spokesman for the ministry, said ...": the person named earlier in that
    role, the latest mentioned before the description."""
    best, best_at = None, -1
    words = {t.lower_ for t in span if t.is_alpha and not t.is_stop}
    for b in table.entities:
        if b.type != "PERSON" or not b.role:
            continue
        if not words <= set(re.findall(r"[a-z]+", b.role.lower())):
            continue  # "the spokesman for the army" is not the ministry's spokesman named before
        at = max((m.start for m in b.mentions if m.start < span.start_char), default=-1)
        if at > best_at:
            best, best_at = b, at
    return best


def _represented(table: EntityTable, span: Span, head: Token, pronouns: dict[int, EntityBuilder]) -> Optional[str]:
    """Whom a representative speaks for: the possessor ("her", "Truss's"), a name before the role ("a Downing Street
    spokesman") or after "for"/"of" ("a spokeswoman for the ministry")."""
    cands = [c for c in head.children if c.dep_ == "poss"]
    cands += [t for t in span if t.i < head.i and t.pos_ == "PROPN"]
    pobjs = []
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ in ("for", "of", "to"):
            pobjs += [c for c in prep.children if c.dep_ == "pobj"]
    for c in cands + pobjs:
        b = pronouns.get(c.i) or table.at(c)
        if b is not None:
            return b.name
        if c.pos_ == "PROPN":
            return normalise_name(noun_phrase(c).text)
        if c in pobjs and c.pos_ == "NOUN":
            return noun_phrase(c).text  # "a spokeswoman for the ministry" -> "spokesperson of the ministry"
    return None


def _office_holder(table: EntityTable, span: Span, rules: Rules) -> Optional[EntityBuilder]:
    """ "the head of state" after "Belarus President Aleksandr Lukashenko": the one person named before whose title
    or role is one that the description stands for (rules/en/office_descriptions.tsv); None when none or two
    different people hold such titles (a president and a king)."""
    if span[0].lower_ != "the":
        return None
    titles = rules.office_descriptions.get(" ".join(t.lower_ for t in span[1:]))
    if not titles:
        return None
    holders = [
        b
        for b in table.entities
        if b.type == "PERSON"
        and any(m.start < span.start_char for m in b.mentions)
        and any(f" {title} " in f" {_held(b)} " for title in titles)  # "premier", not "Premier League manager"
    ]
    return holders[0] if len(holders) == 1 else None


def _held(b: EntityBuilder) -> str:
    """A person's title and role in lower case, full stops dropped: "maj gen", "a spokesman for the ministry"."""
    return " ".join(x.lower().rstrip(".") for x in ((b.title or "") + " " + (b.role or "")).split())


def _holder(table: EntityTable, phrase: str, before: int) -> Optional[EntityBuilder]:
    """The person whose title or role is `phrase` ("prime minister"), the most mentioned before `before`."""
    best, best_n = None, 0
    for b in table.entities:
        if b.type != "PERSON":
            continue
        if phrase not in _held(b):
            continue
        n = sum(m.start < before for m in b.mentions)
        if n > best_n:
            best, best_n = b, n
    return best


def _untagged_publisher(table: EntityTable, span: Span, head: Token, rules: Rules) -> Optional[EntityBuilder]:
    """ "The WHO press release said", "a Pentagon statement": a proper noun that the tagger left untagged, written
    before a document noun as its modifier, names the one who issued it (an organisation, unless the article named it
    before as someone else). Not a date or a number ("the Monday statement")."""
    mods = [c for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN" and span.start <= c.i < head.i]
    if not mods:
        return None
    name_span = span.doc[mods[0].left_edge.i : mods[-1].i + 1]
    if any(t.pos_ != "PROPN" or t.ent_type_ in NON_SPEAKER_ENTS for t in name_span):
        return None
    if rules.is_title(name_span[-1].text) or rules.is_person_noun(name_span[-1].lower_):
        return None
    return table.find(name_span.text) or table.get_or_create(name_span.text, name_span, "ORG")


def _named_inside(table: EntityTable, span: Span, head: Token, rules: Rules) -> Optional[EntityBuilder]:
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
        if right.dep_ == "acl" and right.lemma_.lower() not in rules.reading_verbs:  # "as read by the chief": no author
            for t in right.subtree:
                if t.dep_ == "agent" or t.lower_ == "by":
                    for u in t.subtree:
                        b = table.at(u)
                        if b is not None:
                            return b
    return None


def _abbreviated_role(span: Span, head: Token, rules: Rules) -> bool:
    """A job's initials after "the" ("the CFO", "the COO"), which the tagger often takes for an organisation's name: a
    description of the person who holds the job, as "the chief financial officer" is (rules/en/role_abbreviations.tsv)."""
    return (
        len(span) == 2
        and span[0].lower_ == "the"
        and head.i == span.end - 1
        and head.text.isupper()
        and head.lower_ in rules.role_abbreviations
    )


def _person_like(name: str, rules: Rules) -> bool:
    """An untagged name that speaks may be a person's: not one with an organisation's word, and not a single word that
    is no known first name ("WeWork said", "Twilio said": a company the tagger missed; a person's surname alone is
    found under the full name given before it, before this is asked)."""
    if rules.has_organisation_word(name):
        return False
    words = name.split()
    return len(words) > 1 or first_name_gender(words[0]) is not None


def _maybe_person(ent: EntityBuilder, rules: Rules) -> None:
    """A name quoted as a speaker is a person, when nothing else says it is an organisation or outlet."""
    if ent.type == "PERSON" or ent.kind or rules.has_organisation_word(ent.name) or rules.is_media_name(ent.name):
        return
    if ent.labels.get("PERSON") or (
        len(ent.name.split()) in (2, 3) and ent.gender is None and first_name_gender(ent.name.split()[0]) is not None
    ):
        ent.forced_type = "PERSON"


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

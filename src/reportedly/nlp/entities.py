"""Cluster the model's named-entity mentions into entities with canonical names, repaired types, titles and roles."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Optional

from spacy.tokens import Doc, Span, Token

from ..models import Entity, Mention
from ..rules import Rules

KEPT_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT"}
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_LEADING_DET = re.compile(r"^(?:the|a|an)\s+", re.I)


def split_title(name: str, rules: Rules) -> tuple[Optional[str], str]:
    """("Ms", "Truss") from "Ms Truss": a rank or honorific written inside the name; also a job's initials the tagger
    took into it ("CFO Maren Olsen": rules/en/role_abbreviations.tsv), which then give the person's role words."""
    words = name.split()
    k = 0
    while k < len(words) - 1 and (
        rules.is_title(words[k])
        and words[k][:1].isupper()
        or words[k].isupper()
        and words[k].lower() in rules.role_abbreviations
    ):
        k += 1
    return (" ".join(words[:k]) or None), " ".join(words[k:])


def normalise_name(text: str) -> str:
    """The display form of a name: no leading article, no possessive, single spaces."""
    text = " ".join(text.split())
    text = _LEADING_DET.sub("", text)
    return _POSSESSIVE.sub("", text).strip(" ,;:-—–")


@dataclass
class EntityBuilder:
    """An entity while the document is analysed; frozen into an `Entity` at the end."""

    id: str
    name: str
    labels: Counter = field(default_factory=Counter)
    mentions: list[Mention] = field(default_factory=list)
    title: Optional[str] = None
    role: Optional[str] = None
    gender: Optional[str] = None
    kind: Optional[str] = None
    forced_type: Optional[str] = None
    # the gender is only what the first name mostly is ("Bernie", "Kelly"): a pronoun of the other may still be theirs
    gender_guessed: bool = False
    context: set[str] = field(default_factory=set)
    first: int = 10**9

    @property
    def type(self) -> str:
        if self.forced_type:
            return self.forced_type
        if not self.labels:
            return "OTHER"
        if self.labels.get("PERSON") and (len(self.name.split()) >= 2 or self.title or self.gender):
            return "PERSON"
        return self.labels.most_common(1)[0][0]

    def add(self, mention: Mention, label: Optional[str] = None) -> None:
        if any(m.start == mention.start and m.end == mention.end for m in self.mentions):
            return
        self.mentions.append(mention)
        self.first = min(self.first, mention.start)
        if label:
            self.labels[label] += 1

    def freeze(self) -> Entity:
        mentions = tuple(sorted(self.mentions, key=lambda m: m.start))
        return Entity(self.id, self.name, self.type, self.kind, self.title, self.role, self.gender, mentions)


class EntityTable:
    """The entities of one document and which tokens mention them."""

    def __init__(self, doc: Doc, rules: Rules):
        self.doc = doc
        self.rules = rules
        self.entities: list[EntityBuilder] = []
        self.by_token: dict[int, EntityBuilder] = {}
        self._by_key: dict[str, EntityBuilder] = {}
        # per token, whether it stands inside quotation marks (DocContext.build fills it; empty before)
        self.inside_quote: list[bool] = []
        # the document's text, which build_table is given (spaCy rebuilds doc.text from every token on each call)
        self.text: str = ""

    def new(self, name: str) -> EntityBuilder:
        b = EntityBuilder(id=f"E{len(self.entities) + 1}", name=name)
        self.entities.append(b)
        self._by_key[name.lower()] = b
        return b

    def find(self, name: str) -> Optional[EntityBuilder]:
        return self._by_key.get(normalise_name(name).lower())

    def link(self, b: EntityBuilder, span: Span, kind: str = "name", label: Optional[str] = None) -> None:
        b.add(Mention(span.text, span.start_char, span.end_char, kind), label)
        for t in span:
            self.by_token.setdefault(t.i, b)

    def at(self, token: Token) -> Optional[EntityBuilder]:
        return self.by_token.get(token.i)

    def in_span(self, span: Span) -> Optional[EntityBuilder]:
        """The entity mentioned by the head of `span`, else by any of its tokens (leftmost first)."""
        root = span.root
        if root.i in self.by_token:
            return self.by_token[root.i]
        if root.pos_ == "PROPN":
            for t in span:
                if t.i in self.by_token and t.dep_ in ("compound", "flat"):
                    return self.by_token[t.i]
        return None

    def get_or_create(self, name: str, span: Span, label: str, kind: str = "name") -> EntityBuilder:
        title, name = split_title(normalise_name(name), self.rules)
        words = name.split()
        b = (
            self.find(name)
            or (full_name_for(self, words, span.start_char) if len(words) <= 2 else None)
            or self.new(normalise_name(name))
        )
        self.link(b, span, kind, label)
        return b

    def settle_names(self) -> None:
        """Give each entity the best-written of its full names: "Liz Truss" rather than "LIZ Truss"."""
        for b in self.entities:
            names = [normalise_name(m.text) for m in b.mentions if m.kind == "name"]
            names = [" ".join(w for w in n.split() if not self.rules.is_title(w)) or n for n in names] + [b.name]
            longest = max((len(n.split()) for n in names), default=0)
            best = [n for n in names if len(n.split()) == longest and n.lower() == b.name.lower()]
            if best:
                b.name = max(best, key=lambda n: (sum(c.islower() for c in n), -names.index(n)))

    def freeze(self) -> tuple[Entity, ...]:
        return tuple(b.freeze() for b in sorted(self.entities, key=lambda b: b.first) if b.mentions)


def headline_end(text: str) -> int:
    """End offset of a headline on the first line (short, no final full stop), else 0."""
    first = text.split("\n", 1)[0]
    stripped = first.strip()
    if stripped and len(stripped) < 200 and "\n" in text and not stripped.endswith((".", "”", '"')):
        return len(first)
    return 0


def build_table(doc: Doc, rules: Rules, text: str) -> EntityTable:
    """Cluster `doc.ents` into entities: full names first, then short forms (surnames, demonyms) onto them."""
    table = EntityTable(doc, rules)
    table.text = text
    head_end = headline_end(text)
    ents = [e for e in (_repaired(e, rules) for e in doc.ents) if e.label_ in KEPT_LABELS and normalise_name(e.text)]
    ents = _missed_people(doc, ents, rules)
    body_names = {normalise_name(e.text).lower() for e in ents if e.start_char >= head_end}
    body_tokens = {t.lower() for e in ents if e.start_char >= head_end for t in normalise_name(e.text).split()}
    kept = []
    for e in ents:
        name = normalise_name(e.text)
        if e.start_char < head_end and name.lower() not in body_names and not set(name.lower().split()) <= body_tokens:
            continue  # headline-only "entities" are mostly Title-Case misparses
        kept.append(e)
    # longest names first, so that a surname finds its full name wherever it appears
    for e in sorted(kept, key=lambda e: (-len(normalise_name(e.text).split()), e.start)):
        _cluster(table, e, rules)
    _untagged_surnames(table)
    for b in table.entities:
        _repair_type(table, b, rules)
        _set_title_role(table, b, rules)
        if b.type == "ORG" or b.type == "GPE":
            if rules.is_media_name(b.name):
                b.kind = "media"
            elif b.type == "ORG" and any(w.lower() in rules.government_nouns for w in b.name.split()):
                b.kind = "government"
    return table


def _missed_people(doc: Doc, ents: list[Span], rules: Rules) -> list[Span]:
    """ "Swede Sofia Ek, 17,", "17-year-old Japanese Kenji Sato": a person's name that a demonym or an age introduces,
    which the small model leaves untagged, tags as a place or a title ("Swede Sofia Ek" a facility), or runs into
    the words before it ("old Swede Maria Lund"). Proper nouns in a row, from a known first name to the last, after a
    demonym, an age or a person's noun, with an age in commas after them, or the subject of a speech verb, are a
    person's name; the entities that overlap it give way to it (a name the model tagged a person's from its first
    name on stands)."""
    found = []
    n = len(doc)
    for t in doc:
        if t.pos_ != "PROPN" or (t.i + 1 < n and doc[t.i + 1].pos_ == "PROPN" and "\n" not in t.whitespace_):
            continue  # not the last of a run of proper nouns
        if t.i + 1 < n and not t.whitespace_ and doc[t.i + 1].text in ("-", "'", "’"):
            continue  # a name that goes on past a hyphen or an apostrophe ("Reiss-Andersen")
        start = t.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and "\n" not in doc[start - 1].whitespace_:
            start -= 1
        k = next(
            (
                j
                for j in range(start, t.i)
                if doc[j].text not in rules.person_demonyms and first_name_gender(doc[j].text) in ("male", "female")
            ),
            None,
        )  # "Finn Emma Virtanen": a demonym that is also a first name comes before the name
        if k is None or any(
            doc[j].text not in rules.person_demonyms and doc[j].text not in rules.demonyms for j in range(start, k)
        ):
            continue
        name = doc[k : t.i + 1]
        if not (k > 0 and _introduces_a_person(doc[k - 1], rules)) and not _aged_after(doc, t.i):
            if not _speaks(t, rules) or any(e.start < name.end and name.start < e.end for e in ents):
                continue  # a speech verb's subject only when the tagger named nothing there ("Morgan Stanley said")
        if rules.has_organisation_word(name.text) or rules.is_media_name(name.text):
            continue
        tagged = next((e for e in ents if e.label_ == "PERSON" and e.start < name.end and name.start < e.end), None)
        if tagged is not None:
            if tagged.start >= name.start:
                continue  # the model's own name stands
            name = doc[name.start : max(tagged.end, name.end)]  # "old Swede Maria Lund" -> "Maria Lund"
        found.append(Span(doc, name.start, name.end, label="PERSON"))
    if not found:
        return ents
    kept = [e for e in ents if not any(e.start < f.end and f.start < e.end for f in found)]
    return sorted(kept + found, key=lambda e: e.start)


def _introduces_a_person(prev: Token, rules: Rules) -> bool:
    """The word before a name says it is a person's: a demonym ("Swede", "Japanese"), an age ("17-year-old") or a
    noun for a person ("passenger", "student")."""
    word = prev.text
    if word in rules.person_demonyms or word in rules.demonyms:
        return True
    if prev.lower_ == "old" and prev.i >= 2 and prev.doc[prev.i - 1].text == "-":
        return True
    return prev.pos_ == "NOUN" and rules.is_person_or_kin_noun(prev.lemma_)


def _speaks(t: Token, rules: Rules) -> bool:
    """The name is the subject of a speech verb ("Pieter de Vries, a student, told reporters ...")."""
    return t.dep_ == "nsubj" and t.head.lemma_.lower() in rules.cue_verbs


def _aged_after(doc: Doc, i: int) -> bool:
    """ "Sofia Ek, 17,": an age in commas right after the name."""
    after = [t.text for t in doc[i + 1 : i + 4]]
    return len(after) == 3 and after[0] == "," and after[2] == "," and _age(after[1])


def _untagged_surnames(table: EntityTable) -> None:
    """ "Milei, a 53-year-old economist, has drawn comparisons ...": a surname the tagger left untagged after the full
    name was given is still that person. A proper noun outside every entity whose text is the last word of exactly one
    person named in full before it (not a compound of another proper noun: "Milei Jr"), linked to that person."""
    persons: dict[str, list[EntityBuilder]] = {}
    for b in table.entities:
        words = b.name.split()
        if "PERSON" in b.labels and len(words) >= 2:
            persons.setdefault(words[-1], []).append(b)
    if not persons:
        return
    for t in table.doc:
        if t.ent_type_ or t.i in table.by_token or len(persons.get(t.text, ())) != 1 or not _name_like(t):
            continue
        b = persons[t.text][0]
        if b.first >= t.idx or any(c.pos_ == "PROPN" and c.dep_ in ("compound", "flat") for c in t.children):
            continue
        if t.dep_ in ("compound", "flat") and t.head.pos_ == "PROPN":
            continue
        table.link(b, table.doc[t.i : t.i + 1], "name")


def _name_like(t: Token) -> bool:
    """A proper noun, or a capitalised noun the tagger took for a common one ("Sanders responded" tagged a plural)
    where it is a subject or stands inside a sentence (a capital there is a name's)."""
    if t.pos_ == "PROPN":
        return True
    return t.pos_ == "NOUN" and t.text[:1].isupper() and (t.dep_ in ("nsubj", "nsubjpass") or not t.is_sent_start)


def _repaired(e: Span, rules: Optional[Rules] = None) -> Span:
    """What the model tags PERSON but cannot be one: a gerund leading the name ("Assassinating Soleimani" is about
    Soleimani) is cut off; a name with digits in it ("COVID-19") is no person. Any name the model ran into an
    abbreviation's opening bracket ("World Health Organisation (WHO") ends before the bracket. A name whose first
    name the model left out ("Mary Schubauer-Berigan" tagged "Berigan") is given it back, as a person's."""
    e = _before_open_bracket(e)
    e = _with_first_name(e, rules) if rules is not None and e.label_ != "PERSON" else e
    e = _name_after_role(e, rules) if rules is not None and e.label_ != "PERSON" else e
    if e.label_ != "PERSON":
        return e
    if any(c.isdigit() for c in e.text):
        return Span(e.doc, e.start, e.end, label="MISC")
    first = e[0].text
    if len(e) > 1 and first.endswith("ing") and len(first) >= 6 and first_name_gender(first) is None:
        return Span(e.doc, e.start + 1, e.end, label="PERSON")  # the model tags a sentence-initial gerund NNP
    if len(e) > 1 and rules is not None and _leading_cue(e[0], rules):
        # "Said Amazon spokesperson Kelly Nantel, “...”": an inverted cue verb run into the name is no part of it; a
        # single word left is no person's name the model gave (it is the company's, "Amazon")
        return Span(e.doc, e.start + 1, e.end, label="PERSON" if len(e) > 2 else "MISC")
    return e


def _leading_cue(t: Token, rules: Rules) -> bool:
    """A name's first word that the parser made a verb of saying in the past or third person ("Said", "Adds")."""
    return t.tag_ in ("VBD", "VBZ") and t.lemma_.lower() in rules.cue_verbs


def _with_first_name(e: Span, rules: Rules) -> Span:
    """ "Mary Schubauer-Berigan" with only "Berigan" tagged (a place): the untagged proper nouns the name's words hang
    on as compounds, across a hyphen written without spaces, run the name back; when they start with a known first
    name (not a title, "General", nor a name with a word for an organisation, "Royal Society"), the whole is a
    person's name."""
    doc = e.doc
    j = e.start - 1
    while j >= 0:
        t = doc[j]
        if t.text == "-" and j > 0 and not t.whitespace_ and not doc[j - 1].whitespace_ and doc[j - 1].pos_ == "PROPN":
            j -= 1
            continue
        if t.pos_ == "PROPN" and not t.ent_type_ and t.dep_ in ("compound", "flat") and e.start <= t.head.i < e.end:
            j -= 1
            continue
        break
    start = j + 1
    if start == e.start or doc[start].text == "-" or first_name_gender(doc[start].text) is None:
        return e
    if any(rules.is_title(t.text) for t in doc[start : e.start]) or rules.has_organisation_word(
        doc[start : e.end].text
    ):
        return e
    return Span(doc, start, e.end, label="PERSON")


def _name_after_role(e: Span, rules: Rules) -> Span:
    """ "SVP of Devices & Services Dave Limp" tagged as one organisation: a person's name at the end of a non-person
    entity (proper nouns from a known first name to the end) after a role's word in it ("SVP", "chief", "director":
    a person's noun, a title, or a role's initials) is that person's name; the words before it are the role."""
    k = next((t.i for t in e[1:] if first_name_gender(t.text) in ("male", "female")), None)
    if k is None or e.end - k not in (2, 3):
        return e
    name = e.doc[k : e.end]
    if any(t.pos_ != "PROPN" for t in name) or rules.has_organisation_word(name.text):
        return e
    role = [t.lower_.rstrip(".") for t in e.doc[e.start : k]]
    if not any(rules.is_person_noun(w) or rules.is_title(w) for w in role):  # a role's initials are a person's noun
        return e
    return Span(e.doc, k, e.end, label="PERSON")


def _before_open_bracket(e: Span) -> Span:
    """ "World Health Organisation (WHO" -> "World Health Organisation": a bracket opened inside the name and not
    closed there is the start of an abbreviation or a remark, not part of the name."""
    opened = [t.i for t in e if t.text == "("]
    if not opened or any(t.text == ")" for t in e[opened[-1] - e.start :]) or opened[-1] == e.start:
        return e
    return Span(e.doc, e.start, opened[-1], label=e.label_)


NOT_REPAIRED = ("PERSON", "GPE", "NORP")


def _repair_type(table: EntityTable, b: EntityBuilder, rules: Rules) -> None:
    """The small model's type, mended by how the article writes the name: a name given an age ("Muratov, 59,"), a
    person noun beside it ("Dmitry Muratov, the chief editor of ...", "journalist Maria Ressa") or a gendered title
    is a person's, whatever the tagger said; one that a noun for an organisation introduces ("the newspaper Novaya
    Gazeta") or explains ("Rappler, a digital media company") is not. A name with evidence both ways keeps its type."""
    person = org = False
    words = b.name.split()
    first_name = len(words) >= 2 and first_name_gender(words[0]) is not None
    for m in b.mentions:
        span = table.doc.char_span(m.start, m.end, alignment_mode="expand") if m.kind == "name" else None
        if span is not None:
            person = person or _person_marked(span, rules, first_name)
            org = org or _organisation_marked(span, rules)
    if person == org or rules.has_organisation_word(b.name):
        return
    if person and b.type not in NOT_REPAIRED and not rules.is_media_name(b.name):
        b.forced_type = "PERSON"
    elif org and b.type == "PERSON" and b.title is None and not first_name:
        b.forced_type = "ORG"


def _person_marked(span: Span, rules: Rules, first_name: bool) -> bool:
    """An age or a gendered title marks any name a person's; a person noun beside it ("the chief editor", "critic")
    only the name of someone with a known first name ("Meta, the owner of Facebook" stays a company)."""
    doc = span.doc
    after = [t.text for t in doc[span.end : span.end + 3]]
    if len(after) == 3 and (after[0], after[2]) in ((",", ","), ("(", ")")) and _age(after[1]):
        return True
    if first_name and _described(span, rules.person_nouns):
        return True
    title, _ = _title_before(span, rules)
    return any(w.lower().rstrip(".") in rules.gendered_titles for w in (title or "").split())


def _organisation_marked(span: Span, rules: Rules) -> bool:
    """ "the newspaper Novaya Gazeta", "Rappler, a media company", "the CEO of Activision Blizzard"."""
    root = span.root
    prep = root.head if root.dep_ == "pobj" and root.head.lower_ == "of" else None
    if prep is not None and prep.head.pos_ in ("NOUN", "PROPN") and prep.head.lower_ in rules.organisation_roles:
        return True
    return _described(span, rules.organisation_words)


def _described(span: Span, words: frozenset[str]) -> bool:
    """A noun of `words` says what the name is: just before it ("critic Alexei Navalny", "the newspaper Novaya
    Gazeta", "journalists Maria Ressa and Dmitry Muratov" for each name joined), in apposition after it ("Rappler,
    a digital media company") or as what it is ("Muratov is a co-founder of ...")."""
    doc = span.doc
    root = span.root
    first = root
    while first.dep_ == "conj" and first.head.pos_ == "PROPN":
        first = first.head
    prev = doc[first.left_edge.i - 1] if first.left_edge.i > 0 else None
    if first is root:
        prev = doc[span.start - 1] if span.start > 0 else None
    if prev is not None and _beside(prev, first) and _noun_in(prev, words, plural=first is not root):
        return True
    if any(c.dep_ == "appos" and c.i >= span.end and _noun_in(c, words) for c in root.rights):
        return True
    verb = root.head
    attr = [c for c in verb.children if c.dep_ == "attr"] if root.dep_ == "nsubj" and verb.lemma_ == "be" else []
    return bool(attr) and _noun_in(attr[-1], words)  # "a co-founder": the last word is the noun


def _beside(prev: Token, name: Token) -> bool:
    """The word just before a name modifies it ("critic Alexei Navalny") or is what it names ("newspaper Novaya
    Gazeta", the name in apposition)."""
    return (
        prev.dep_ in ("compound", "nmod", "amod")
        and prev.head.i >= name.i - 4
        and prev.head.i <= name.i
        or (name.head.i == prev.i)
    )


def _noun_in(tok: Token, words: frozenset[str], plural: bool = False) -> bool:
    """A common noun of the list ("editor", not "Editor" in a name, nor "editors" unless `plural`), or an adjective
    used as one ("the daily Novaya Gazeta")."""
    if tok.pos_ not in ("NOUN", "ADJ") or tok.tag_ == "NNS" and not plural:
        return False
    return tok.lemma_.lower() in words or tok.lower_ in words


def _age(text: str) -> bool:
    return text.isdigit() and 0 < int(text) < 120


def _cluster(table: EntityTable, e: Span, rules: Rules) -> None:
    title, name = split_title(normalise_name(e.text), rules)
    canonical = rules.demonyms.get(name) or rules.demonyms.get(e.text.strip())
    if canonical:
        b = table.find(canonical) or table.new(canonical)
        table.link(b, e, "demonym" if canonical != name else "name", "GPE")
        return
    existing = table.find(name)
    if existing is not None:
        table.link(existing, e, "name", e.label_)
        return
    words = name.split()
    if len(words) <= 2:
        full = full_name_for(table, words, e.start_char)
        if full is not None:
            table.link(full, e, "name", e.label_)
            return
    b = table.new(name)
    table.link(b, e, "name", e.label_)
    b.title = b.title or title


def full_name_for(table: EntityTable, words: list[str], at: int) -> Optional[EntityBuilder]:
    """The multi-word person (or organisation) whose name ends with `words` ("Heyman" -> "Tamir Heyman")."""
    low = [w.lower() for w in words]
    best, best_d = None, None
    for b in table.entities:
        bw = b.name.lower().split()
        if len(bw) <= len(low) or bw[-len(low) :] != low:
            continue
        if "PERSON" not in b.labels and len(low) == 1 and not b.labels.get("ORG"):
            continue
        if _relative_of(table, b, words):
            continue
        d = abs(b.first - at)
        if b.first > at:
            d += 10**6  # prefer a full name seen before the short form
        if best_d is None or d < best_d:
            best, best_d = b, d
    if best is None and len(low) == 1 and low[0][:1].isalpha():
        # "Mark in his statement said": a first name alone, when one person of the article has it
        firsts = [
            b
            for b in table.entities
            if "PERSON" in b.labels and len(b.name.split()) >= 2 and b.name.lower().split()[0] == low[0]
        ]
        # a headline's run-on name ("Mark Zuckerberg Meta Mass Layoffs") is the same person as the name it extends
        firsts = [b for b in firsts if not any(b.name.startswith(o.name + " ") for o in firsts)]
        # the full name comes first, but a headline or sub-heading may give the first name before the paragraph
        # under it gives it in full
        if len(firsts) == 1 and (firsts[0].first < at or _in_heading(table.doc.text, at)):
            best = firsts[0]
    return best


def _relative_of(table: EntityTable, b: EntityBuilder, words: list[str]) -> bool:
    """ "Goncalves’s daughter, Kaylee Goncalves, was killed. ... said Goncalves": a person introduced in apposition to
    a relative's noun whose possessor is the bare surname `words` is that person's relative, never what the bare
    surname names (rules/en/kin_nouns.tsv)."""
    text = table.text or table.doc.text
    before = text[max(0, b.first - 60) : b.first]
    m = re.search(r"([\w’'-]+(?: [\w’'-]+)*?)[’']s? (?:[\w-]+ ){0,2}?(\w+),\s*$", before)
    if m is None or m.group(2).lower() not in table.rules.kin_nouns:
        return False
    return m.group(1).split()[-len(words) :] == words


def _in_heading(text: str, at: int) -> bool:
    """The offset stands on a line of its own that is a heading: short, with no sentence's final stop."""
    s = text.rfind("\n", 0, at) + 1
    e = text.find("\n", at)
    line = text[s : e if e >= 0 else len(text)].strip()
    return bool(line) and headline_end(line + "\n") > 0


def _set_title_role(table: EntityTable, b: EntityBuilder, rules: Rules) -> None:
    doc = table.doc
    mentions = []
    for m in sorted(b.mentions, key=lambda m: m.start):
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or m.kind != "name":
            mentions.append(m)
            continue
        title, title_start = _title_before(span, rules)
        if title:
            b.title = b.title or title
            # the mention as written, rank included: "Maj. Gen. Tamir Heyman"
            m = Mention(doc[title_start : span.end].text, doc[title_start].idx, m.end, m.kind)
        mentions.append(m)
        if title or b.labels.get("PERSON"):
            b.context.update(role_words(_modifiers_before(doc, title_start, span.end), rules))
        if b.type == "PERSON" or b.labels.get("PERSON"):
            if b.role is None:
                b.role = _role_of(span, rules)
            if b.gender is None:
                b.gender, b.gender_guessed = _gender_from(span, b.title, rules)
    b.mentions = mentions
    for text in (b.title or "", b.role or ""):
        b.context.update(role_words(text, rules))


def _modifiers_before(doc: Doc, start: int, end: int) -> str:
    """ "Hoover Police Department Chief Nicholas Derzis": the words the parser hangs on a name (or on its title) as
    modifiers just before it, which a later description may name the person by ("the police chief"); none across a
    line, a comma or a name that is a person's of its own."""
    i = start
    while i > 0:
        t = doc[i - 1]
        if t.dep_ not in ("compound", "amod", "nmod") or not t.is_alpha or not i - 1 < t.head.i < end:
            break
        if "\n" in t.whitespace_ or t.ent_type_ == "PERSON":
            break
        i -= 1
    return doc[i:start].text


def role_words(text: str, rules: Rules) -> set[str]:
    """The words of a title or role a later description may name the person by, each job abbreviation in both its
    spellings ("president and CEO" gives "executive" too, for "the executive added"; "chief executive" gives "ceo").
    An abbreviation gives the words it stands for but the last ("officer"), which alone names any officer ("an
    officer told reporters" is no CEO)."""
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", text) if len(w) > 2}
    for short, readings in rules.role_abbreviations.items():
        if short in words:
            # initials with several readings ("CIO": information or investment) give the words of each: the article's
            # later description says which
            words.update(w for full in readings for w in full[:-1] if len(w) > 2)
        elif any(all(w in words for w in full[:2]) for full in readings):
            words.add(short)
    return words


def _title_before(span: Span, rules: Rules) -> tuple[Optional[str], int]:
    """The rank or honorific written before a name, and the token where it starts."""
    doc = span.doc
    i = span.start
    words = []
    while i > 0:
        prev = doc[i - 1]
        if (
            prev.text == "."
            and i > 1
            and rules.is_title(doc[i - 2].text)
            and not doc[i - 2].whitespace_
            and doc[i - 2].text[:1].isupper()  # "Gen. Tamir Heyman"; "... intelligence chief. Tamir" ends a sentence
        ):
            words.insert(0, doc[i - 2].text + ".")
            i -= 2
        elif rules.is_title(prev.text) and prev.text[:1].isupper():
            words.insert(0, prev.text)
            i -= 1
        else:
            break
    return (" ".join(words) or None), i


def _role_of(span: Span, rules: Rules) -> Optional[str]:
    """An apposition or relative clause after the name, or a job noun before it ("Iranian commander X")."""
    root = span.root
    for child in root.rights:
        if child.dep_ in ("appos", "relcl") and child.i >= span.end and child.sent == root.sent:
            sub = span.doc[child.left_edge.i : child.right_edge.i + 1]
            text = sub.text.strip(" ,;—–")
            if 1 <= len(sub) <= 25 and text:
                return text
    pre = [
        t
        for t in root.lefts
        if t.i < span.start and t.dep_ in ("compound", "amod", "nmod") and not rules.is_title(t.text)
    ]
    if pre and any(rules.is_person_noun(t.lemma_) for t in pre):
        first = min(t.left_edge.i for t in pre)
        sub = span.doc[first : span.start]
        # a capitalised rank is the name's title ("President Tom Baker"); a lower-case one is part of the job
        # ("chief executive Tom Baker", "president and CEO Tom Baker"), and so is one capitalised only because it
        # opens the sentence ("Chief executive Tom Baker said")
        if not any(rules.is_title(t.text) and t.text[:1].isupper() and t.i != t.sent.start for t in sub):
            return sub.text.strip() or None
    return None


@lru_cache(maxsize=1)
def _gender_detector():
    import gender_guesser.detector as gd

    return gd.Detector(case_sensitive=False)


_FIRST_NAME_GENDERS = {"male": "male", "mostly_male": "male", "female": "female", "mostly_female": "female"}


def first_name_gender(word: str) -> Optional[str]:
    """The one test of a known first name, shared by entities, coref and sources: "male" or "female" for a first
    name the name lists give mostly one gender, "either" for one they give both, None for a word they do not know."""
    g = _gender_detector().get_gender(word)
    return None if g == "unknown" else _FIRST_NAME_GENDERS.get(g, "either")


def _apposed(root: Token) -> bool:
    """The name stands in apposition to the noun it hangs on: so parsed, or a conjunct with no "and" or "or" that the
    parser made of an apposition after a comma ("Willis' daughter, actress Rumer Willis,")."""
    if root.dep_ == "appos":
        return True
    return (
        root.dep_ == "conj"
        and root.head.pos_ == "NOUN"
        and not any(c.dep_ == "cc" for c in root.head.children)
        and root.doc[root.head.i + 1].text == ","
    )


def _gender_from(span: Span, title: Optional[str], rules: Rules) -> tuple[Optional[str], bool]:
    """The person's gender from a gendered title, a relative's noun the name is in apposition to, or the first name;
    and whether it is only guessed: what the first name mostly is ("Bernie", "Kelly"), which the article's pronouns
    may overrule (coref._settle_guessed_genders)."""
    if title:
        for w in title.lower().replace(".", "").split():
            if w in rules.gendered_titles:
                return rules.gendered_titles[w], False
    root = span.root
    kin = rules.kin_gender(root.head.lemma_) if _apposed(root) else None
    if kin is not None:
        return kin, False  # "his father, Mats,": a man, whatever "Mats" says
    words = normalise_name(span.text).split()
    if len(words) >= 2:
        g = first_name_gender(words[0])
        if g in ("male", "female"):
            return g, _gender_detector().get_gender(words[0]).startswith("mostly_")
    return None, False


def content_words(tokens: Iterable[Token]) -> set[str]:
    return {t.lemma_.lower() for t in tokens if t.is_alpha and not t.is_stop and len(t) > 2}

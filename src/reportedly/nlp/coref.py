"""Resolve third-person pronouns and person descriptions ("a former military intelligence chief") to entities."""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

import numpy as np
from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from ..rules import Rules
from .entities import EntityBuilder, EntityTable, content_words, first_name_gender
from .settings import SETTINGS

SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# the clauses held by another word (a complement, an adverbial or a relative clause): their subject is not the topic
EMBEDDED_CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "relcl", "acl"}


def resolve_pronouns(
    table: EntityTable, inside_quote: list[bool], cue_lemmas: set[str], text: Optional[str] = None
) -> dict[int, EntityBuilder]:
    """Link every he/she/his/her outside quotation marks to the most salient earlier person of that gender.
    Salience: same or nearer sentence, grammatical subject, subject of a speech verb, outside quotes. `text` is
    `doc.text` when the caller has it already (spaCy rebuilds it from every token)."""
    doc = table.doc
    sent_index = _sentence_index(doc)
    resolved: dict[int, EntityBuilder] = {}
    pronouns = table.rules.pronouns
    credited = _in_credit_lines(doc, table.rules, text)
    inside_quote = [q or c for q, c in zip(inside_quote, credited)]  # never an antecedent, never resolved
    candidates = [doc[i] for i in _pronoun_positions(doc, table.rules)]
    # he, she, his, her outside quotes, with their gender
    gendered = [
        (tok, g)
        for tok in candidates
        if (g := pronouns.get(tok.lower_)) in ("male", "female") and not inside_quote[tok.i]
    ]
    _people_tagged_as_organisations(table, gendered, inside_quote)
    _settle_guessed_genders(table, gendered, sent_index, inside_quote)
    for tok, gender in gendered:
        best = _cataphor(table, tok, gender) or _best_antecedent(
            table, tok, gender, sent_index, inside_quote, cue_lemmas
        )
        if best is None:
            continue
        resolved[tok.i] = best
        table.link(best, doc[tok.i : tok.i + 1], "pronoun")
        if best.gender is None:
            best.gender = gender
        if best.type != "PERSON":
            best.forced_type = "PERSON"  # "Dmitry Muratov (tagged an organisation) ... he said": he is a person
    for tok in candidates:
        kind = pronouns.get(tok.lower_) or table.rules.possessive_pronouns.get(tok.lower_)
        if inside_quote[tok.i] or kind not in ("group", "thing"):
            continue
        cue = tok.head
        if tok.dep_ == "poss" and tok.head.lemma_.lower() in table.rules.document_nouns:
            # "Its statement said ...": the owner of a document that speaks
            if tok.head.dep_ not in SUBJECT_DEPS or tok.head.head.lemma_.lower() not in cue_lemmas:
                continue
            cue = tok.head.head
        elif tok.dep_ not in SUBJECT_DEPS:
            continue
        elif kind != "group" and tok.head.lemma_.lower() not in cue_lemmas:
            continue  # "it" only as the subject of a speech verb ("it said in a statement")
        group = _group_antecedent(table, tok, kind, sent_index, inside_quote, resolved, cue)
        if group is not None:
            resolved[tok.i] = group
            table.link(group, doc[tok.i : tok.i + 1], "pronoun")
    return resolved


def _people_tagged_as_organisations(table: EntityTable, pronouns: list[tuple[Token, str]], inside_quote) -> None:
    """ "Running in only his third marathon, Kiptum made it a one-man race ... as he shifted gear": a surname alone that
    the tagger called an organisation is a person's when he or she (his, her) stands at least SETTINGS.gender_votes
    times in sentences that name or describe no person and have that name, one proper noun with no organisation's or
    outlet's word, for their only such subject, and not as the subject of a verb of saying ("Twitter will charge
    for verification, he said": he speaks about it). The pronouns' gender is theirs."""
    rules = table.rules
    votes: dict[str, dict[str, int]] = {}
    by_id: dict[str, EntityBuilder] = {}
    for tok, gender in pronouns:
        if tok.dep_ in SUBJECT_DEPS and tok.head.lemma_.lower() in rules.cue_verbs:
            continue  # "Twitter will charge for verification, he said": he speaks about the name, he is not it
        subjects, person = {}, False
        for t in tok.sent:
            b = table.by_token.get(t.i)
            if b is None or inside_quote[t.i]:
                continue
            person = person or b.type == "PERSON"
            if t.dep_ in SUBJECT_DEPS and t.pos_ == "PROPN" and _bare_surname_organisation(b, rules):
                subjects[b.id] = b
        if person or len(subjects) != 1 or _unnamed_person_in(table, tok.sent.start, tok.sent.end, inside_quote):
            continue
        (b,) = subjects.values()
        by_id[b.id] = b
        votes.setdefault(b.id, {"male": 0, "female": 0})[gender] += 1
    for bid, v in votes.items():
        gender = max(v, key=v.get)
        if v[gender] >= SETTINGS.gender_votes and v[gender] > min(v.values()):
            by_id[bid].forced_type, by_id[bid].gender = "PERSON", gender


def _bare_surname_organisation(b: EntityBuilder, rules: Rules) -> bool:
    """An organisation by the tagger's word only: one word, no organisation's or outlet's word, no kind."""
    return (
        b.type == "ORG"
        and b.kind is None
        and len(b.name.split()) == 1
        and not rules.has_organisation_word(b.name)
        and not rules.is_media_name(b.name)
    )


def _settle_guessed_genders(
    table: EntityTable, pronouns: list[tuple[Token, str]], sent_index: list[int], inside_quote
) -> None:
    """ "Senator Bernie Sanders ... Sanders expressed his reluctance to discuss what he deemed ...": a gender that is
    only what a first name mostly is ("Bernie", "Kelly", "Chris") gives way to the article's own pronouns. Each he or
    she as a subject outside quotes whose sentence, up to it (or, naming no one, the sentence before), names one
    person only, not only as an object ("Asked about Chris Martin, she smiled"), and describes no one unnamed
    ("a woman"), votes for that person's gender; a guessed gender that the
    other gets more votes for than its own, at least SETTINGS.gender_votes, is the other."""
    guessed = [b for b in table.entities if b.gender_guessed]
    if not guessed:
        return
    votes: dict[str, dict[str, int]] = {b.id: {"male": 0, "female": 0} for b in guessed}
    starts: dict[int, int] = {}
    for k, n in enumerate(sent_index):
        starts.setdefault(n, k)
    for tok, gender in pronouns:
        if tok.dep_ not in SUBJECT_DEPS:
            continue
        here = sent_index[tok.i]
        persons = _persons_in(table, starts[here], tok.i, inside_quote)
        if not persons and here > 0:
            persons = _persons_in(table, starts[here - 1], starts[here], inside_quote)
        if len(persons) == 1 and not _unnamed_person_in(table, starts[max(0, here - 1)], tok.i, inside_quote):
            (b,) = persons.values()
            if b.id in votes and not _named_as_object(table, b, starts[max(0, here - 1)], tok.i):
                votes[b.id][gender] += 1
    for b in guessed:
        other = "female" if b.gender == "male" else "male"
        if votes[b.id][other] >= SETTINGS.gender_votes and votes[b.id][other] > votes[b.id][b.gender]:
            b.gender, b.gender_guessed = other, False


OBJECT_DEPS = {"dobj", "iobj", "dative", "pobj"}


def _named_as_object(table: EntityTable, b: EntityBuilder, start: int, end: int) -> bool:
    """ "Asked about Chris Martin, she smiled": a person named between two token positions only as the object of a
    verb or a preposition, whom the sentence is about while someone else (the he or she after it) acts."""
    roots = []
    for i in range(start, end):
        if table.by_token.get(i) is not b:
            continue
        t = table.doc[i]
        while t.dep_ in ("compound", "flat") and t.head.i != t.i and table.by_token.get(t.head.i) is b:
            t = t.head
        roots.append(t)
    return bool(roots) and all(t.dep_ in OBJECT_DEPS for t in roots)


def _unnamed_person_in(table: EntityTable, start: int, end: int, inside_quote) -> bool:
    """ "begging a woman who claimed to be undecided ... she said": someone described without a name between two
    token positions, whom a pronoun there may stand for."""
    doc = table.doc
    return any(
        not inside_quote[i]
        and i not in table.by_token
        and doc[i].dep_ in NOUN_PHRASE_HEADS
        and describes_one_person(doc[i], table.rules)
        for i in range(start, end)
    )


def _persons_in(table: EntityTable, start: int, end: int, inside_quote) -> dict[str, EntityBuilder]:
    """The people named (or linked) outside quotes between two token positions, by id."""
    return {
        b.id: b
        for i in range(start, end)
        if not inside_quote[i] and (b := table.by_token.get(i)) is not None and b.type == "PERSON"
    }


@lru_cache(maxsize=8)
def _string_hashes(words: frozenset[str]) -> np.ndarray:
    """The hashes spaCy gives `words` (what a Doc's LOWER array holds), sorted; the vocabulary is left alone."""
    return np.array(sorted(get_string_id(w) for w in words), dtype=np.uint64)


def _pronoun_positions(doc: Doc, rules: Rules) -> list[int]:
    """Where the Doc's pronouns and possessives (the language's rules) stand, in order: found on its lower-case array
    in one call, so the resolver makes a Token only for them, not for every word."""
    hashes = _string_hashes(frozenset(rules.pronouns) | frozenset(rules.possessive_pronouns))
    return np.nonzero(np.isin(doc.to_array(LOWER), hashes))[0].tolist()


def _in_credit_lines(doc: Doc, rules: Rules, text: Optional[str] = None) -> list[bool]:
    """Which tokens lie on a line crediting the article's staff ("Reporting by Luc Cohen; Editing by ...", "By Jane
    Smith"): a line that starts (after an opening bracket) with a credit of rules/en/credit_lines.txt followed by a
    capitalised name, short and without a final full stop."""
    out = [False] * len(doc)
    text = doc.text if text is None else text
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        body = line.strip().lstrip("(").strip()
        m = rules.credit_lines.match(body)
        if m and body[m.end() :].strip()[:1].isupper() and len(body.split()) <= 25 and not body.endswith("."):
            span = doc.char_span(start, end, alignment_mode="expand")
            for t in span or ():
                out[t.i] = True
        start = end + 1
    return out


GROUP_TYPES = ("ORG", "NORP")
# the roles of a noun that heads a phrase of its own ("a woman", not the "man" of "a one-man race")
NOUN_PHRASE_HEADS = {"nsubj", "nsubjpass", "dobj", "iobj", "dative", "pobj", "appos", "attr", "conj"}


def _group_antecedent(table, tok, kind, sent_index, inside_quote, resolved, cue) -> Optional[EntityBuilder]:
    """ "The union rejected the offer. They said a strike was likely": a plural subject pronoun stands for the
    organisation that is the nearest subject before it (or that an earlier "they" stood for). Any other nearest
    subject — a person, a plural noun ("Protesters ... They said") — leaves it an unnamed group. `kind` is the
    pronoun's: "group" (they, their) or "thing" (it, its)."""
    doc = table.doc
    here = sent_index[tok.i]
    said = _content_before(cue)
    thing = kind == "thing"
    named = None  # for "it": the nearest organisation named in any role, when no subject can be its antecedent
    for i in range(tok.i - 1, -1, -1):
        if here - sent_index[i] > SETTINGS.group_sentences_back:
            return named
        t = doc[i]
        b = table.by_token.get(i)
        if named is None and thing and b is not None and b.type == "ORG" and not inside_quote[i] and i not in said:
            named = b if t.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass", "appos", "conj") else None
        if t.dep_ not in SUBJECT_DEPS or inside_quote[i] or t.pos_ == "PRON" and i not in resolved or i in said:
            continue
        if thing and (teller := _teller_of(t, cue.lemma_.lower(), table.rules)) is not None:
            if teller is t:
                continue
            b = resolved.get(teller.i) or table.at(teller)
            if b is not None and _can_be_it(table, teller, resolved):
                return b
            continue
        if thing and not _can_be_it(table, t, resolved):
            continue  # "it said": a plural, a person or a thing that cannot speak is no antecedent; look further back
        b = resolved.get(i) or next(
            (
                table.by_token[c.i]
                for c in [t, *(c for c in t.children if c.dep_ in ("compound", "flat"))]
                if c.i in table.by_token
            ),
            None,
        )
        if b is None and not thing:
            b = _body_behind(table, t)  # "Two bodies linked to the Board said ... They added": the Board
            if b is not None:
                return b
        if b is None or t.tag_ in ("NNS", "NNPS"):
            return None
        return b if b.type in GROUP_TYPES or b.kind in ("government", "media") else None
    return named


def _body_behind(table: EntityTable, t: Token) -> Optional[EntityBuilder]:
    """The organisation a generic body noun (rules/en/body_nouns.txt) is tied to by a preposition or a participle
    ("bodies linked to the Board", "researchers at the Institute"), the object of that preposition itself."""
    rules = table.rules
    if not rules.speaks_for_a_body(t.lemma_.lower(), t.tag_ in ("NNS", "NNPS")):
        return None
    tied = list(t.subtree)
    if t.dep_ == "nsubj" and t.head.tag_ == "VBN" and t.head.lemma_.lower() in rules.affiliation_verbs:
        tied += list(t.head.subtree)  # the parser's clause "bodies linked to the Board"
    return tied_organisation(table, t, tied)


def tied_organisation(table: EntityTable, head: Token, tokens) -> Optional[EntityBuilder]:
    """The first organisation among `tokens` after a body's noun `head` that is the object of a preposition itself
    ("bodies linked to the Board", "researchers at the Institute"; "a group of Google employees" is not Google)."""
    for u in tokens:
        b = table.at(u)
        if u.i > head.i and u.dep_ == "pobj" and b is not None and b.type == "ORG":
            return b
    return None


def _content_before(cue: Token) -> set[int]:
    """ "The shot is probably safe for children, it said": the tokens of what a cue at the end of its clause says (the
    clause before it that the parser hung on it, or the clause a parenthetical cue interrupts), whose subjects are
    never the antecedent of the cue's own subject."""
    out: set[int] = set()
    for c in cue.children:
        if c.dep_ == "ccomp" and c.i < cue.i:
            out.update(t.i for t in c.subtree)
    if cue.dep_ == "parataxis" and cue.head.i < cue.i:
        own = {t.i for t in cue.subtree}
        out.update(t.i for t in cue.head.subtree if t.i not in own)
    return out


def _teller_of(t: Token, cue_lemma: str, rules) -> Optional[Token]:
    """ "The watchdog said OpenAI had broken the law. It said ..." / "According to TechCrunch, the GDPR “...”. It
    adds ...": an "it" that speaks goes on for the one who told the clause before, never for that clause's subject.
    For a subject `t` inside what a source said (a content clause of a speech verb, or a clause under "according to
    X" when "it" goes on with a continuing verb: rules/en/continuing_cues.txt), the source's word (the speech verb's
    subject or X); `t` itself when the source is not named there; None for any other subject. Only when `cue_lemma`
    (the verb "it" is the subject of) is a speech verb of the rules. ("According to Reuters, the bank plans cuts. It
    said ...": the bank, the sentence's subject, says it.)"""
    if cue_lemma not in rules.cue_verbs:
        return None
    verb = t.head
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "according" and cue_lemma in rules.continuing_cues:
            return next((o for to in c.children for o in to.children if o.dep_ == "pobj"), t)
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in rules.cue_verbs:
        return next((c for c in clause.head.children if c.dep_ == "nsubj"), t)
    return None


def _interrupted_clause(tok: Token, cue_lemmas: set[str]) -> set[int]:
    """ "Kohberger, he said, looks like a “broken soul”": the tokens of the clause a parenthetical speech verb
    interrupts, when `tok` is that verb's subject; the one the clause is about is never who "he" is (he would say
    "I")."""
    cue = tok.head
    if tok.dep_ not in SUBJECT_DEPS or cue.dep_ != "parataxis" or cue.lemma_.lower() not in cue_lemmas:
        return set()
    if cue.head.i < cue.i:
        return set()  # a cue after its clause: "..., he said" (_content_before reads that one for "it")
    own = {t.i for t in cue.subtree}
    return {t.i for t in cue.head.subtree if t.i not in own}


def _can_be_it(table: EntityTable, t: Token, resolved) -> bool:
    """A subject that "it" can stand for as a speaker: an organisation (named, or an earlier "it" or "they" that stood
    for one) or a singular noun for a body or a document (which an organisation rule may name later)."""
    b = resolved.get(t.i) or table.by_token.get(t.i)
    if b is not None:
        return b.type != "PERSON"
    if t.tag_ in ("NNS", "NNPS") or t.pos_ != "NOUN":
        return False
    lemma = t.lemma_.lower()
    rules = table.rules
    return (
        lemma in rules.organisation_words
        or lemma in rules.document_nouns
        or lemma in rules.government_nouns
        or lemma in rules.public_body_nouns
    )


def _cataphor(table: EntityTable, tok: Token, gender: str) -> Optional[EntityBuilder]:
    """ "Back when he wrote his book, Mr. McKinley said ...": a pronoun in a clause fronted before the main verb
    points forward to the named person who is that verb's subject."""
    child = tok
    for anc in tok.ancestors:
        if anc.pos_ in ("VERB", "AUX") and child.dep_ in ("advcl", "advmod", "prep", "npadvmod") and child.i < anc.i:
            subj = next((c for c in anc.children if c.dep_ in SUBJECT_DEPS), None)
            if subj is None or not tok.i < subj.i < anc.i:
                return None
            b = table.by_token.get(subj.i)
            if b is not None and b.type == "PERSON" and b.gender in (None, gender) and subj.pos_ == "PROPN":
                return b
            return None
        child = anc
    return None


def _sentence_index(doc: Doc) -> list[int]:
    idx = [0] * len(doc)
    for n, s in enumerate(doc.sents):
        for i in range(s.start, s.end):
            idx[i] = n
    return idx


def _best_antecedent(table, tok, gender, sent_index, inside_quote, cue_lemmas) -> Optional[EntityBuilder]:
    here = sent_index[tok.i]
    best, best_score = None, None
    interrupted = _interrupted_clause(tok, cue_lemmas)
    i = tok.i - 1
    while i >= 0 and here - sent_index[i] <= SETTINGS.max_sentences_back:
        b = table.by_token.get(i)
        if (
            b is not None
            and i not in interrupted
            and (b.type == "PERSON" or _named_like_a_person(b, table.rules))
            and b.gender in (None, gender)
        ):
            t = table.doc[i]
            if _addressed_outlet(b, t):
                i -= 1
                continue
            dist = here - sent_index[i]
            score = -10.0 * dist - 0.01 * (tok.i - i)
            if b.type != "PERSON":
                score -= SETTINGS.untyped_person_penalty  # a name only written like a person's yields to a person
            subject = t if t.dep_ in SUBJECT_DEPS else t.head if t.dep_ in ("compound", "flat") else None
            if subject is not None and subject.dep_ in SUBJECT_DEPS:
                score += 5
                if subject.head.dep_ in EMBEDDED_CLAUSE_DEPS:
                    score -= SETTINGS.embedded_subject_penalty
            if t.head.lemma_ in cue_lemmas and t.dep_ in SUBJECT_DEPS:
                score += 4
            if inside_quote[i]:
                score -= 12
            if dist == 0 and t.head == tok.head and t.dep_ in SUBJECT_DEPS and tok.dep_ in ("dobj", "pobj"):
                score -= 20  # "Smith told him": the object is not the subject
            if best_score is None or score > best_score:
                best, best_score = b, score
        i -= 1
    if best is None:
        # a pronoun far from any name: fall back on the latest person of that gender seen anywhere before
        for b in sorted(
            table.entities, key=lambda b: -max((m.start for m in b.mentions if m.start < tok.idx), default=-1)
        ):
            if b.type == "PERSON" and b.gender in (None, gender) and any(m.start < tok.idx for m in b.mentions):
                if not _only_addressed(table, b):
                    return b
        return _forward(table, tok, gender, sent_index, inside_quote) or _guessed_otherwise(
            table, tok, sent_index, inside_quote
        )
    return best


def _addressed_outlet(b: EntityBuilder, t: Token) -> bool:
    """ "Swede Anton Berg told Aftonbladet that ...": the one told, named with no known first name, is an outlet
    the tagger took for a person ("Aftonbladet", "Svenska Dagbladet"), never who "he" or "she" is."""
    told = t.head.lemma_ == "tell" and t.dep_ in ("dobj", "dative")
    if not told and t.dep_ in ("compound", "flat") and t.head.head.lemma_ == "tell":
        told = t.head.dep_ in ("dobj", "dative")
    return told and b.title is None and first_name_gender(b.name.split()[0]) is None


def _only_addressed(table: EntityTable, b: EntityBuilder) -> bool:
    """Every name of `b` is an outlet someone told something (`_addressed_outlet`)."""
    names = [table.doc.char_span(m.start, m.end, alignment_mode="expand") for m in b.mentions if m.kind == "name"]
    return bool(names) and all(span is not None and _addressed_outlet(b, span.root) for span in names)


def _guessed_otherwise(table, tok, sent_index, inside_quote) -> Optional[EntityBuilder]:
    """ "Dr. Yuki Tanaka presented the data. / “The risk is small,” he said": with no person of the pronoun's gender
    named anywhere before it, the latest person named outside quotes within SETTINGS.max_sentences_back sentences whose
    gender is only a guess from the first name (no gendered title says it); none when a person described without a
    name is the subject of a sentence after that name."""
    here = sent_index[tok.i]
    for i in range(tok.i - 1, -1, -1):
        if here - sent_index[i] > SETTINGS.max_sentences_back:
            return None
        b = table.by_token.get(i)
        if b is not None and b.type == "PERSON" and not inside_quote[i]:
            return b if _guessed_gender(b, table.rules) else None
        if b is None and not inside_quote[i] and _described_subject(table.doc[i], table.rules):
            return None  # "Maria Lund told ... A fire official said ... “...,” he said": the official, not Maria
    return None


def _described_subject(t: Token, rules: Rules) -> bool:
    """A subject that describes one person without a name ("a fire department official", "his son")."""
    return t.dep_ in SUBJECT_DEPS and describes_one_person(t, rules)


def describes_one_person(t: Token, rules: Rules) -> bool:
    """A singular noun for a person or a relative ("official", "passenger", "son"), or one of a group of people
    ("one of the survivors"): one person, unnamed."""
    if rules.numbers.get(t.lower_) == 1 and t.pos_ == "NUM":
        return any(
            c.dep_ == "prep"
            and c.lower_ == "of"
            and any(g.dep_ == "pobj" and described_group(g, rules) for g in c.children)
            for c in t.children
        )
    return t.pos_ == "NOUN" and t.tag_ != "NNS" and (rules.is_person_or_kin_noun(t.lemma_) or speaking_agent(t, rules))


def speaking_agent(t: Token, rules: Rules) -> bool:
    """ "The announcer said ...", "callers told ...": a common noun with an agent's ending (agent_noun_endings.txt),
    no person's name, that is the subject of a speech verb is a person (or people) that person_nouns.txt need not
    list. (The tagger's ORG on a sentence's first common noun, "Demonstrators said", is no name.) A document's or an
    organisation's noun is none ("the letter said", "the newspaper said": document_nouns.txt, organisation_words.txt)."""
    lemma = t.lemma_.lower()
    return (
        t.dep_ == "nsubj"
        and t.ent_type_ != "PERSON"
        and t.head.lemma_.lower() in rules.cue_verbs
        and rules.is_agent_noun(lemma)
        and lemma not in rules.document_nouns
        and lemma not in rules.organisation_words
    )


def described_group(t: Token, rules: Rules) -> bool:
    """A plural noun for people, unnamed ("officials", "passengers", "witnesses": person_nouns.txt and
    unnamed_sources.txt), or a public body's people ("police", government_nouns.txt): a group a later "they" may
    stand for."""
    if t.pos_ != "NOUN":
        return False
    lemma = t.lemma_.lower()
    return t.lower_ in rules.unnamed_sources or (
        t.tag_ == "NNS"
        and (rules.is_person_or_kin_noun(lemma) or lemma in rules.government_nouns or speaking_agent(t, rules))
    )


def noun_gender(lemma: str, rules: Rules) -> Optional[str]:
    """The gender a noun for one person gives: a relative's ("his mother": female) or a compound's ("spokeswoman",
    "fisherman"); None for one that gives none ("official", "cousin")."""
    lemma = lemma.lower()
    return rules.kin_gender(lemma) or (
        "female" if lemma.endswith("woman") else "male" if lemma.endswith("man") else None
    )


def _guessed_gender(b: EntityBuilder, rules: Rules) -> bool:
    """The person's gender is only a guess from the first name ("Yuki", "Andrea"): no gendered title says it."""
    if b.gender is None or any(w in rules.gendered_titles for w in (b.title or "").lower().replace(".", "").split()):
        return False
    return first_name_gender(b.name.split()[0]) == b.gender


def _named_like_a_person(b: EntityBuilder, rules: Rules) -> bool:
    """A name the tagger did not call a person that is written like one: two or three words, the first a known first
    name, none of them an organisation's or an outlet's word ("Dmitry Muratov", not "Morgan Stanley Bank")."""
    words = b.name.split()
    if b.type not in ("ORG", "OTHER", "PRODUCT") or b.kind or not 2 <= len(words) <= 3 or rules.is_media_name(b.name):
        return False
    if rules.has_organisation_word(b.name):
        return False
    return first_name_gender(words[0]) in ("male", "female")


def _forward(table, tok, gender, sent_index, inside_quote) -> Optional[EntityBuilder]:
    """A pronoun in an article's opening with no person named before it ("Speaking outside Downing Street, she said
    ... Liz Truss has resigned"): ledes name the person just after. The first person of that gender named outside
    quotes within the next sentences."""
    here = sent_index[tok.i]
    if here >= SETTINGS.opening_sentences:
        return None
    for i in range(tok.i + 1, len(table.doc)):
        if sent_index[i] - here > SETTINGS.forward_sentences:
            break
        b = table.by_token.get(i)
        if b is not None and b.type == "PERSON" and b.gender in (None, gender) and not inside_quote[i]:
            return b
    return None


def resolve_description(table: EntityTable, span: Span, rules: Rules) -> Optional[EntityBuilder]:
    """The person a description refers to, when its words match a person's title, role or context
    ("a former military intelligence chief" -> the man "who led military intelligence").
    Only singular descriptions headed by a person noun are tried; plural ones stay unnamed."""
    head = span.root
    aged = _aged(span, rules)
    if head.tag_ not in ("NNS", "NNPS") and head.lemma_.lower() in rules.kin_nouns:
        found = _lede_person(table, span, rules)  # "The father of one of the students said ... / Steve Roe told"
        if found is not None:
            table.link(found, span, "description")
        return found
    if head.tag_ in ("NNS", "NNPS") or not (rules.is_person_noun(head.lemma_) or aged):
        return None
    words = content_words(span) - {"former", "current", "senior", "top", "new"}
    if not words and not aged:
        return None
    best, best_score = None, 0
    named_inside = _named_in(table, span)  # "the critic of President Rodrigo Duterte" is not Duterte
    for b in table.entities:
        if b.type != "PERSON" or b.id in named_inside:
            continue
        ctx = b.context | _sentence_context(table, b)
        score = len(words & ctx)
        if score > best_score or (score == best_score and best is not None and _closer(b, best, span)):
            best, best_score = b, score
    need = 2 if len(words) >= 2 else 1
    if best is None or best_score < need:
        best = (
            _main_person(table, span, rules)
            or _epithet_antecedent(table, span, rules)
            or _lede_person(table, span, rules)
        )
    if best is not None:
        table.link(best, span, "description")
        return best
    return None


def _lede_person(table: EntityTable, span: Span, rules: Rules) -> Optional[EntityBuilder]:
    """ "The father of one of the four students said “...” / Steve Roe told ABC News ...": a delayed-identification
    lede describes its person in the article's opening sentences before any person is named, and names them as the
    subject of one of the next sentences. The person who is the first named subject within SETTINGS.forward_sentences
    sentences after the description's, of a gender that fits its noun; never one named in its own sentence (the
    others of the lede: "after defeating Jair Bolsonaro")."""
    if span[0].lower_ != "the" or any(
        m.start < span.start_char for b in table.entities if b.type == "PERSON" for m in b.mentions
    ):
        return None
    doc = table.doc
    sent = span.sent
    if sent.start and sum(1 for _ in doc[: sent.start].sents) >= SETTINGS.opening_sentences:
        return None
    gender = rules.kin_gender(span.root.lemma_.lower())
    for _ in range(SETTINGS.forward_sentences):
        if sent.end >= len(doc):
            return None
        sent = doc[sent.end].sent
        for t in sent:
            b = table.by_token.get(t.i)
            subject = t if t.dep_ in SUBJECT_DEPS else t.head if t.dep_ in ("compound", "flat") else None
            if b is None or b.type != "PERSON" or subject is None or subject.dep_ not in SUBJECT_DEPS:
                continue
            if gender in ("male", "female") and b.gender not in (None, gender):
                continue
            return b
    return None


def _main_person(table: EntityTable, span: Span, rules: Rules) -> Optional[EntityBuilder]:
    """ "the beleaguered leader said": a definite description of the kind journalists use for the person the
    story is about refers to the most-mentioned person so far, when that person clearly leads."""
    head = span.root
    if span[0].lower_ != "the" or (
        head.lemma_.lower() not in rules.self_descriptions and head.lower_ not in rules.self_descriptions
    ):
        return None
    counts = sorted(
        ((sum(m.start < span.start_char for m in b.mentions), b) for b in table.entities if b.type == "PERSON"),
        key=lambda c: -c[0],
    )
    if not counts or counts[0][0] < 2 or (len(counts) > 1 and counts[1][0] * 2 > counts[0][0]):
        return None
    return counts[0][1]


def _epithet_antecedent(table: EntityTable, span: Span, rules: Rules) -> Optional[EntityBuilder]:
    """ "Ressa, 58, said the prize shows ... / "A world without facts ...," the outspoken critic of Philippines
    President Rodrigo Duterte told ...": a definite description made an epithet by a word of judgment or fame
    (rules/en/epithet_words.txt), by an age ("the 42-year-old") or by a name over the role the story's main person
    holds ("the Tesla boss") names no one new; it refers back to the person who was the latest subject, within a
    couple of sentences, and never to a person it names itself. A role ("the clerk", "the presiding judge", "the
    federal prosecutor", "the head of the SEC") may be someone new and is left unnamed."""
    head = span.root
    if span[0].lower_ != "the" or rules.representative_roles.get(head.lemma_.lower()):
        return None
    modifiers = [t for t in span if t.head.i == head.i and t.dep_ in ("amod", "compound", "nmod")]
    main_role = head.lemma_.lower() in rules.self_descriptions or head.lower_ in rules.self_descriptions
    characterised = (
        _aged(span, rules)
        or any(t.lemma_.lower() in rules.epithet_words or t.lower_ in rules.epithet_words for t in modifiers)
        or main_role
        and any(_under_a_name(t, rules) for t in modifiers)
    )
    if not characterised:
        return None
    return latest_subject_person(table, span)


def resolve_demonym(table: EntityTable, span: Span, rules: Rules) -> Optional[EntityBuilder]:
    """ "Pep Guardiola was asked about the treble. “...,” the Spaniard said": "the" and a singular demonym of a person
    (rules/en/person_demonyms.txt) is an epithet for the person who was the latest subject (never a person of that
    name, nor the country)."""
    head = span.root
    if span[0].lower_ != "the" or len(span) != 2 or head.tag_ in ("NNS", "NNPS") or head.lower_.endswith("s"):
        return None
    if head.text not in rules.person_demonyms:
        return None
    found = latest_subject_person(table, span)
    if found is not None:
        table.link(found, span, "description")
    return found


def latest_subject_person(table: EntityTable, span: Span) -> Optional[EntityBuilder]:
    """The person who was the latest subject before `span`, within SETTINGS.epithet_sentences_back sentences, and not
    one `span` names itself."""
    doc = table.doc
    named_inside = _named_in(table, span)
    sent_index = _sentence_index(doc)
    here = sent_index[span.start]
    for i in range(span.start - 1, -1, -1):
        if here - sent_index[i] > SETTINGS.epithet_sentences_back:
            return None
        b = table.by_token.get(i)
        t = doc[i]
        subject = t.dep_ in SUBJECT_DEPS or (t.head.dep_ in SUBJECT_DEPS and t.dep_ in ("compound", "flat"))
        if b is not None and subject and b.type == "PERSON" and b.id not in named_inside:
            return b
    return None


def resolve_organisation(table: EntityTable, span: Span, rules: Rules) -> Optional[EntityBuilder]:
    """ "Apple unveiled a headset. ... the iPhone maker said", "the committee said" after "the Norwegian Nobel
    Committee": a definite noun for an organisation names again the latest one before it whose name has that noun,
    or a word of the description ("the expert panel" -> "the Joint Expert Committee"), or, for a business noun
    (rules/en/company_nouns.txt), the latest business named before it (an organisation that is no outlet, government
    or body named by an organisation word), or, for a public body's noun (rules/en/public_body_nouns.txt: "the
    agency" after "the Food Safety Authority"), the latest body named by such a word. A possessor makes it definite
    ("the agency's panel"). An indefinite one ("a separate expert group") names an organisation again only by a word
    of its description that the name has."""
    head = span.root
    if head.tag_ in ("NNS", "NNPS") or head.pos_ != "NOUN":
        return None
    lemma = head.lemma_.lower()
    # "the agency's panel": a possessor that is a common noun makes it definite ("Mr. Clarke's new company" is new)
    definite = span[0].lower_ == "the" or any(c.dep_ == "poss" and c.pos_ == "NOUN" for c in head.children)
    business = lemma in rules.company_nouns
    public = lemma in rules.public_body_nouns
    if not business and not public and lemma not in rules.organisation_words and lemma not in rules.body_nouns:
        return None
    described = {
        t.lemma_.lower()
        for t in span
        if t.head.i == head.i and t.dep_ in ("compound", "amod", "nmod") and t.is_alpha and not t.is_stop
    } - rules.contrast_adjectives
    bodies = (rules.organisation_words | rules.public_body_nouns | rules.body_nouns | rules.government_nouns) - (
        rules.company_nouns
    )
    # "the agency", "the agency's statement"; not "the maritime authority for Singapore", which describes its own
    # ("the prime minister's office" is the minister's, not a body named before: no possessor)
    bare = (
        span[0].lower_ == "the"
        and not described
        and not any(c.dep_ == "poss" for c in head.children)
        and not any(t.dep_ in ("prep", "acl", "relcl") for t in head.rights if t.i < span.end)
    )
    # "the maritime authority for Norway": a name after a preposition makes it another body than one named before
    placed = any(t.dep_ == "prep" and any(u.pos_ == "PROPN" for u in t.subtree) for t in head.rights if t.i < span.end)
    named_inside = _named_in(table, span)
    found = {
        "noun": (None, (-1, -1)),
        "word": (None, (-1, -1)),
        "business": (None, (-1, -1)),
        "public": (None, (-1, -1)),
    }

    def keep(key, b, at):
        if at > found[key][1]:
            found[key] = (b, at)

    for b in table.entities:
        if b.type != "ORG" or b.kind == "media" or b.id in named_inside:
            continue
        # the latest mention before, a subject's first ("Microsoft will buy Activision": the buyer speaks)
        at = max(
            ((_as_subject(table, m), m.start) for m in b.mentions if m.end <= span.start_char and m.kind == "name"),
            default=(-1, -1),
        )
        if at[1] < 0:
            continue
        words = [w.lower().strip(".,") for w in b.name.split()]
        body_named = any(w in bodies for w in words)
        if lemma in words and described <= set(words) and not placed:
            keep("noun", b, at)
        # every word of the description in the name: "the state health agency" is not the World Health Organization
        if described and described <= set(words) and body_named:
            keep("word", b, at)
        other_kind = any(w in rules.organisation_words - rules.company_nouns for w in words)
        if lemma not in words and business and b.kind is None and not other_kind:
            keep("business", b, at)
        if public and bare and body_named:
            keep("public", b, (0, at[1]))  # the latest named, subject or not
    order = ("noun", "word", "business", "public") if definite else ("word",)
    result = next((found[k][0] for k in order if found[k][0] is not None), None)
    if result is not None:
        table.link(result, span, "description")
    return result


def _named_in(table: EntityTable, span: Span) -> set[str]:
    """The entities `span` names by name (not as a description an earlier call linked it to)."""
    return {
        b.id
        for b in table.entities
        if any(m.kind == "name" and m.start < span.end_char and span.start_char < m.end for m in b.mentions)
    }


def _as_subject(table: EntityTable, m) -> int:
    span = table.doc.char_span(m.start, m.end, alignment_mode="expand")
    return int(span is not None and any(t.dep_ in SUBJECT_DEPS for t in span))


def _under_a_name(t: Token, rules: Rules) -> bool:
    """ "the Tesla boss": an organisation's or a place's name before the role (never a title, "the Prime Minister")."""
    return t.dep_ == "compound" and t.ent_type_ in ("ORG", "GPE", "NORP", "PRODUCT") and not rules.is_title(t.text)


def _aged(span: Span, rules: Rules) -> bool:
    """ "the 42-year-old": a description by age (rules/en/age_descriptions.txt)."""
    tail = "".join(t.text for t in span[-3:]).lower()
    return any(tail.endswith(w) for w in rules.age_descriptions)


def _closer(a: EntityBuilder, b: EntityBuilder, span: Span) -> bool:
    da = min(abs(m.start - span.start_char) for m in a.mentions)
    db = min(abs(m.start - span.start_char) for m in b.mentions)
    return da < db


def _sentence_context(table: EntityTable, b: EntityBuilder) -> set[str]:
    """Words that describe a person where they are named: apposition, relative clause and "As head of X, he"."""
    out: set[str] = set()
    doc = table.doc
    for m in b.mentions:
        if m.kind not in ("name", "pronoun"):
            continue
        tok = _token_at(doc, m.start)
        if tok is None:
            continue
        for child in tok.head.children if m.kind == "pronoun" else tok.children:
            if child.dep_ == "prep" and child.lower_ == "as":
                out |= content_words(child.subtree)
    return out


def _token_at(doc: Doc, char: int) -> Optional[Token]:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None

"""Reported speech and sourcing: "X said/reported/claimed that ...", "..., according to X"."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Optional

from spacy.tokens import Span, Token

from ..rules import Rules, load
from .context import DocContext
from .entities import full_name_for, normalise_name, split_title
from .quotemarks import AMBIGUOUS, CLOSERS
from .settings import SETTINGS
from .sources import Source, make_source, noun_phrase, speaker_phrase

SUBJECT_DEPS = ("nsubj", "nsubjpass")
# a transcript's turn: a paragraph opening with the speaker's name in capitals and a colon ("PENCE: Well, look ...")
_TURN = re.compile(r"^[ \t]*[\"“]?([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}):[ \t]+(?=\S)", re.M)


@dataclass(frozen=True)
class RawAttribution:
    """An attribution before it becomes a record: token-level, with the source still a `Source`."""

    cue: str
    cue_span: tuple[int, int]
    cue_token: int
    source: Source
    content: tuple[tuple[int, int], ...]  # character spans
    quote_cue: bool  # the content is one direct quote: the cue attributes that quote, not reported speech
    carries_speech: bool = False  # "X said ..., according to the AP": the source carries X's words, never speaks them
    cue_kind: str = "speech"  # speech | act | belief | evidence | sourcing (models.Attribution.cue_kind)


# the kinds of cue whose source spoke: a later "he said" can go on with them (a belief or a finding is no one's words)
SPOKEN_KINDS = frozenset(("speech", "act"))


def find_reported_speech(ctx: DocContext) -> list[RawAttribution]:
    out = []
    for tok in ctx.cue_candidates():
        if negated(tok) or ctx.raises_a_cue(tok) or ctx.is_credit(tok):
            continue
        subj = subject_of(tok)
        if subj is None and tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ctx.rules.raising_verbs:
            subj = subject_of(tok.head)  # "The nominee continues to insist that ..." -> the nominee
        if subj is None or ctx.inside_quote[subj.i] or ctx.is_mark[subj.i]:
            continue
        found = _content_of(ctx, tok)
        if found is None:
            continue
        content, clause = found
        source = speaker_source(ctx, subj)
        if source is None:
            continue
        source = source.as_said_by(relative_subject(tok))
        cue, cue_span = ctx.cue_text(tok)
        spans = _char_spans(ctx, content)
        if not spans:
            continue
        kind = ctx.rules.cue_kind(tok.lemma_, is_speaker(ctx, subj), clause)
        speech = tok.lemma_.lower() in ctx.rules.cue_verbs  # a belief or a finding never speaks a quotation
        out.append(
            RawAttribution(cue, cue_span, tok.i, source, spans, speech and _all_quoted(ctx, content), cue_kind=kind)
        )
    return out


def speaker_source(ctx: DocContext, tok: Token) -> Optional[Source]:
    """The source the noun phrase headed by `tok` names, as the speaker of words quoted or reported."""
    tok = name_past_role(tok)
    return make_source(ctx.table, speaker_phrase(tok, ctx.rules), ctx.rules, ctx.pronouns, quoted_person=True)


_NOT_A_PERSON_ENT = frozenset(("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"))


def name_past_role(tok: Token) -> Token:
    """ "tweeted Lyon forward Diallo", "Chile and Inter forward Perez said": the tagger read the role between a team's
    (or country's) name and the player's as an adverb, so the parser made the team the speaker and left the player's
    name hanging. A name, then (past a name run joined by "and", "&" or a hyphen) one lower-case word tagged as an
    adverb, then a name that is no date: the speaker is that last name (the end of its run). Otherwise `tok`."""
    if tok.pos_ != "PROPN" or tok.ent_type_ == "PERSON":
        return tok
    doc = tok.doc
    i = tok.i + 1
    limit = min(len(doc) - 1, tok.i + SETTINGS.max_tag_subject_words + 2)
    while i < limit and (doc[i].pos_ == "PROPN" or doc[i].lower_ in ("and", "&", "-")):
        i += 1
    role = doc[i] if i < len(doc) else None
    if role is None or role.tag_ != "RB" or not role.is_lower or role.whitespace_ == "" or i + 1 >= len(doc):
        return tok
    name = doc[i + 1]
    if name.pos_ != "PROPN" or name.ent_type_ in _NOT_A_PERSON_ENT:
        return tok
    while (
        name.i + 1 < len(doc) and doc[name.i + 1].pos_ == "PROPN" and doc[name.i + 1].ent_type_ not in _NOT_A_PERSON_ENT
    ):
        name = doc[name.i + 1]
    return name


def is_speaker(ctx: DocContext, subj: Token) -> bool:
    """A subject that can speak: not a document or data ("the study", "polls", "data from the survey") nor "it"."""
    word = subj.lemma_.lower()
    return word not in ctx.rules.document_nouns and ctx.rules.pronouns.get(subj.lower_) != "thing"


_GERUND_PREPOSITIONS = frozenset(("by", "for", "after", "before", "while", "upon"))


def negated(tok: Token) -> bool:
    """A cue denied ("did not say") or a gerund after "without" ("left without saying", "it goes without saying
    that ..."): nothing was said."""
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    return tok.tag_ == "VBG" and tok.dep_ == "pcomp" and tok.head.lower_ == "without"


def _after_fronted_object(prep: Token) -> Optional[Token]:
    """ "Of Jones, Martin, who ..., said": the name after a fronted preposition's object, which the parser made a
    coordinate or an apposition of that object, or the object itself with the first name as its modifier (and the
    preposition the subject, or no subject at all), speaks."""
    obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
    if obj is None:
        return None
    if obj.i > 0 and obj.doc[obj.i - 1].text == "," and any(k.i < obj.i for k in obj.children if k.dep_ == "nmod"):
        return obj  # "Of Carson, Levine": the parser made the object the name after the comma
    return next((k for k in obj.children if k.dep_ in ("conj", "appos") and k.pos_ == "PROPN" and k.i > obj.i), None)


def subject_of(tok: Token) -> Optional[Token]:
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    if (
        tok.tag_ == "VBG"
        and prev is not None
        and prev.ent_type_ == "PERSON"
        and prev.dep_ == "pobj"
        and prev.head.lower_ == "of"
    ):
        return prev  # "footage of Hillary Clinton asking, “...”": the one filmed speaks, not the ad that shows her
    subjects = [c for c in tok.children if c.dep_ in SUBJECT_DEPS and c.dep_ != "nsubjpass"]
    if len(subjects) > 1 and (near := _subject_past_a_phrase(tok, subjects)) is not None:
        return near
    if len(subjects) == 1 and (near := _apposition_next_to_verb(tok, subjects[0])) is not None:
        return near
    if len(subjects) > 1:
        # the parser split a hyphenated title into subjects ("said co - owner David Beckham", "said Co - Owner, David
        # Beckham"): the person named among them, or in apposition to one, speaks
        for c in subjects:
            if c.ent_type_ == "PERSON":
                return c
            named = next((a for a in c.children if a.dep_ == "appos" and a.ent_type_ == "PERSON"), None)
            if named is not None:
                return named
        # "(AP) — The agency has deemed ...": a dateline's outlet in brackets that the parser made a second subject
        # is not the one who speaks
        unbracketed = [c for c in subjects if not _bracketed(c)]
        if unbracketed and len(unbracketed) < len(subjects):
            return unbracketed[0]
    for c in tok.children:
        if c.dep_ in SUBJECT_DEPS and c.dep_ != "nsubjpass":
            if c.tag_ in ("WP", "WDT") and tok.dep_ == "relcl":
                return _who_antecedent(tok.head) if c.lower_ == "who" else tok.head  # "the minister, who said"
            if c.pos_ == "ADP" and any(o.dep_ == "pobj" for o in c.children):
                named = _after_fronted_object(c)  # a preposition with its object never speaks ("Al From" may)
                if named is not None:
                    return named
                continue
            return c
    fronted = next((c for c in tok.children if c.dep_ == "prep" and c.i == tok.sent.start), None)
    if fronted is not None and (named := _after_fronted_object(fronted)) is not None:
        return named
    late = _inverted_subject(tok) or _subject_run_on(tok) or _passive_speaker(tok) or _reduced_relative(tok)
    if late is not None:
        return late
    if tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX"):
        # "Lee said it was too early but added, “...”": a speech verb the parser joined to the reported clause
        subj = subject_of(tok.head)
        return (_reporter_behind(tok, subj) if _is_it(subj) else None) or subj
    if (
        tok.tag_ == "VB"
        and tok.dep_ == "advcl"
        and tok.head.pos_ in ("VERB", "AUX")
        and any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children)
    ):
        return subject_of(tok.head)  # "She interrupted me to announce, “...”": the purpose clause's doer is hers
    if tok.tag_ == "VBG" and tok.dep_ in ("advcl", "xcomp") and tok.head.pos_ in ("VERB", "AUX"):
        # "She issued a statement, saying the deal was off" -> she
        subj = _person_in_between(tok) or subject_of(tok.head)
        return _reporter_behind(tok, subj) or subj
    if (
        tok.tag_ == "VBG"
        and tok.dep_ == "pcomp"
        and tok.head.lower_ in _GERUND_PREPOSITIONS
        and tok.head.head.pos_ in ("VERB", "AUX")
    ):
        # "Obama responded by saying ...", "he was criticised for saying ...": the subject of the verb the phrase
        # hangs from, the one acted on included
        verb = tok.head.head
        subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is not None and not (subj.tag_ in ("WP", "WDT") and verb.dep_ == "relcl"):
            return subj
        return subject_of(verb)
    if tok.tag_ == "VBG" and tok.dep_ == "pcomp" and tok.head.lower_ == "as" and tok.head.head.pos_ == "VERB":
        # "AP quoted the admiral as saying ...", "cited him as saying ...": the one quoted is the object
        obj = next((c for c in tok.head.head.children if c.dep_ == "dobj" and c.i < tok.i), None)
        if obj is None:
            # "he was cited by TASS as saying", "she was quoted as saying": the passive's subject is the one quoted
            obj = next((c for c in tok.head.head.children if c.dep_ == "nsubjpass" and c.i < tok.i), None)
        if obj is not None:
            return obj
    if tok.tag_ == "VBG" and tok.dep_ == "acl" and tok.head.pos_ in ("PROPN", "PRON"):
        return tok.head  # "footage of Trump saying during the debate, “...”" -> Trump
    if (
        tok.dep_ == "relcl"
        and tok.head.pos_ in ("NOUN", "PROPN")
        and any(c.tag_ in ("WP", "WDT") and c.dep_ != "nsubjpass" for c in tok.children)
    ):
        return tok.head  # not "a group of surrogates who are expected to ...": they are the ones expected of
    return None


def _subject_past_a_phrase(tok: Token, subjects: list[Token]) -> Optional[Token]:
    """Two subjects the parser gave one verb on the same side of it, with a clause or a verb's prepositional phrase
    between them: the one next to the verb speaks, the other is an apposition of a noun in that phrase ("“...”, the
    company that made it, the authority said": the company is the quoted noun's; "said the family through their
    son's lawyer, Jason Roe": the lawyer's name). Subjects with only words of a name between them ("said co - owner
    David Beckham") are left to the caller."""
    side = [c for c in subjects if (c.i < tok.i) == (subjects[0].i < tok.i)]
    if len(side) != len(subjects) or len(subjects) != 2:
        return None
    far, near = sorted(subjects, key=lambda c: abs(c.i - tok.i), reverse=True)
    lo, hi = min(far.i, near.i), max(far.i, near.i)
    between = tok.doc[lo + 1 : hi]
    if not any(t.text == "," for t in between):
        return None
    phrase = any(
        t.dep_ in ("relcl", "acl") and t.head.i == far.i or t.dep_ == "prep" and t.head.i == tok.i for t in between
    )
    return near if phrase else None


# a quotation's closing mark: a double one (quotemarks' closers and the straight mark) or a single one
_CLOSING_MARKS = frozenset(CLOSERS + AMBIGUOUS + "\u2019'")


def _apposition_next_to_verb(tok: Token, subj: Token) -> Optional[Token]:
    """ "“... by OpenAI”, the American company that created ChatGPT, the national authority for data protection said":
    a description right after a quotation's closing mark and comma, whose apposition the parser runs on up to the
    verb with no comma between, describes the last word quoted; the apposition next to the verb speaks. A name as
    the subject keeps speaking ("“...,” Jane Roe, the mayor said")."""
    doc = tok.doc
    if subj.pos_ != "NOUN" or subj.i > tok.i or subj.left_edge.i < 2:
        return None
    app = next((a for a in subj.children if a.dep_ == "appos" and a.i > subj.i), None)
    if app is None or app.right_edge.i != tok.i - 1 or app.pos_ not in ("NOUN", "PROPN"):
        return None
    before = doc[subj.left_edge.i - 1], doc[subj.left_edge.i - 2]
    return app if before[0].text == "," and before[1].text in _CLOSING_MARKS else None


def _bracketed(tok: Token) -> bool:
    """A word in brackets of its own, with at most one more word: "(AP)", "(Reuters Health)"."""
    doc = tok.doc
    return tok.i > 0 and doc[tok.i - 1].text == "(" and any(t.text == ")" for t in doc[tok.i + 1 : tok.i + 3])


NAMED_TYPES = ("PERSON", "ORG", "NORP", "GPE")


def _inverted_subject(tok: Token) -> Optional[Token]:
    """ "The pair won the prize for “...” in their countries, announced the Norwegian Nobel committee.": a finite
    speech verb with no subject, after a comma, whose object is a name that ends the sentence, has its speaker after
    it (the parser took the inverted subject for an object)."""
    if tok.tag_ not in ("VBD", "VBZ", "VBP") or tok.i == 0 or tok.doc[tok.i - 1].text != ",":
        return None
    if any(c.dep_ in ("ccomp", "xcomp") and c.i > tok.i for c in tok.children):
        return None
    obj = next((c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i), None)
    if obj is None:
        return None
    after = obj.right_edge.i + 1
    if after < len(tok.doc) and tok.doc[after].text not in (".", "!", "?"):
        return None
    named = obj.pos_ == "PROPN" or obj.ent_type_ in NAMED_TYPES
    named = named or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in obj.children)
    return obj if named else None


def _reduced_relative(tok: Token) -> Optional[Token]:
    """ "Two panels linked to the Board said ...": a speech verb with no subject right after a past participle with no
    auxiliary that the parser made a clause of its own, with the noun before it for its subject; that noun, which the
    participle only modifies, is the cue's subject. The participle may be the cue's clausal complement or, when the
    parser coordinated both with the clause before ("... but it is safe, two panels linked to the Board (BD) have
    declared"), the cue's sibling; the cue's own auxiliaries may stand between them."""
    doc = tok.doc
    j = tok.i - 1
    while j >= 0 and doc[j].head.i == tok.i and doc[j].dep_ in ("aux", "neg"):
        j -= 1
    if j < 0:
        return None
    for c in doc[tok.sent.start : j + 1]:
        if c.right_edge.i != j or c.tag_ != "VBN" or any(a.dep_ in ("aux", "auxpass") for a in c.children):
            continue
        if not (c.head.i == tok.i and c.dep_ == "ccomp") and not (
            c.dep_ == "conj" and tok.dep_ == "conj" and c.head.i == tok.head.i
        ):
            continue
        subj = next((s for s in c.children if s.dep_ == "nsubj" and s.i < c.i), None)
        return subj if subj is not None and subj.pos_ in ("NOUN", "PROPN") else None
    return None


def _passive_speaker(tok: Token) -> Optional[Token]:
    """ "..., it was announced by the awarding body": a speech verb in the impersonal passive speaks through its agent
    (one that says what someone was called, "Oz has been called a charlatan by ...", reports no words); "an officer
    was heard saying, “...”": a participle under a passive verb of perceiving or recording speaks through that verb's
    subject."""
    agent = next((c for c in tok.children if c.dep_ == "agent"), None)
    patient = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    if agent is not None and (patient is None or patient.lower_ == "it"):  # not "Oz has been called a charlatan by"
        obj = next((c for c in agent.children if c.dep_ == "pobj"), None)
        if obj is not None and obj.pos_ in ("PROPN", "NOUN"):
            return obj
    if tok.tag_ == "VBG" and tok.dep_ in ("xcomp", "advcl", "ccomp") and tok.head.pos_ == "VERB":
        passive = next((c for c in tok.head.children if c.dep_ == "nsubjpass"), None)
        if passive is not None and any(c.dep_ == "auxpass" for c in tok.head.children) and passive.lower_ != "it":
            return passive
    return None


def _subject_run_on(tok: Token) -> Optional[Token]:
    """ "The U.N. human rights office congratulated the two journalists, said it was “...”": two clauses run on
    with a comma, the second a speech verb with content of its own but no subject; the parser hung the first on it
    as its content. The first clause's subject speaks."""
    if tok.i == 0 or tok.doc[tok.i - 1].text != ",":
        return None
    before = [c for c in tok.children if c.dep_ == "ccomp" and c.i < tok.i]
    if not before or not any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children):
        return None
    subj = next((c for c in before[-1].children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ not in ("PROPN", "NOUN"):
        return None
    return subj


def _who_antecedent(head: Token) -> Token:
    """ "Han Sung, leader of the Kim family's party, who called it wrong": a "who" clause that the parser hung on the
    last noun of a description's prepositional phrases stands for the person the description is about (the name it
    is in apposition to, or a proper noun a person's noun or title describes); where no person heads the
    description, the noun the parser chose."""
    if head.ent_type_ == "PERSON":
        return head
    top = head
    for _ in range(4):
        if top.dep_ != "pobj" or top.head.dep_ != "prep":
            break
        top = top.head.head
    if top is head:
        return head
    if top.ent_type_ == "PERSON":
        return top
    if top.dep_ == "appos" and top.head.ent_type_ == "PERSON":
        return top.head
    rules, lemma = load(head.doc.lang_), top.lemma_.lower()
    if top.dep_ == "appos" and top.head.pos_ == "PROPN" and (lemma in rules.person_nouns or lemma in rules.titles):
        return top.head  # "Park Min-jun, leader of ...": a name the tagger did not know, described as a person
    return next((a for a in top.children if a.dep_ == "appos" and a.ent_type_ == "PERSON"), head)


def relative_subject(tok: Token) -> Optional[Token]:
    """The relative pronoun subject of a cue in a relative clause ("the senator, who said ...", "the EU, which
    contended ..."), also through coordination ("who left and said ..."): the word that mentions the speaker in the
    cue's own clause, while `subject_of` gives the person it stands for."""
    for c in tok.children:
        if c.dep_ == "nsubj" and c.tag_ in ("WP", "WDT"):
            return c
    if tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX") and not any(c.dep_ == "nsubj" for c in tok.children):
        return relative_subject(tok.head)
    return None


def _content_of(ctx: DocContext, tok: Token) -> Optional[tuple[list[Token], bool]]:
    """The tokens of the reported content, and whether they are a clause: the clausal complement, a "that" clause the
    parser hung elsewhere, or the main clause a parenthetical "he said" interrupts (clauses); else an infinitive ("vowed
    to cut taxes") or the object of a speech act ("called for new tariffs"), which report an act, not words."""
    doc = ctx.doc
    sent = tok.sent
    ccomps = [c for c in tok.children if c.dep_ == "ccomp"]
    tied = _reduced_relative(tok)
    if tied is not None:
        # "“...,” two bodies linked to the Board declared": the participle is the subject's, and what the parser hung
        # on it before its subject is the content
        ccomps = [c for c in ccomps if c.i != tied.head.i]
        ccomps += [c for c in tied.head.children if c.dep_ == "ccomp" and c.i < tied.i]
    if ccomps:
        # "...fireworks on Friday: Republicans said they are convinced ...": a clause before the cue that the parser
        # also hung on it is the sentence before, when the cue has content of its own after it
        c = next((c for c in ccomps if c.i > tok.i), ccomps[0])
        inner = _inner_speech(ctx, c)
        toks = [
            t
            for t in c.subtree
            if not (t.i == c.left_edge.i and t.lower_ == "that" and t.dep_ == "mark") and t.i not in inner
        ]
        return (_trim(toks), True) if len(toks) >= SETTINGS.min_content_tokens else None
    for i in range(tok.i + 1, min(sent.end, tok.i + 12)):
        t = doc[i]
        if t.lower_ == "that" and t.dep_ in ("mark", "nsubj", "det", "dobj") and t.tag_ in ("IN", "WDT", "DT"):
            toks = [u for u in doc[i + 1 : sent.end]]
            toks = _trim(toks)
            if len(toks) >= SETTINGS.min_content_tokens and _is_clause(toks):
                return toks, True
            break
        if ctx.is_mark[t.i] or t.text in ";:":
            break
        if t.pos_ == "VERB" and any(c.dep_ in SUBJECT_DEPS for c in t.children):
            break  # "when he wrote his book, McKinley said that ...": the "that" of another speaker's verb
    for c in tok.children if tok.lemma_.lower() not in ctx.rules.raising_verbs else ():
        # "has vowed to bring back lost mining jobs": a promise, demand or plan reported as an infinitive
        if c.dep_ == "xcomp" and c.tag_ == "VB" and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children):
            toks = list(c.subtree)
            obj = next((o for o in tok.children if o.dep_ == "dobj" and o.i < c.i), None)
            if obj is not None:  # "urged Republicans to join": whom the demand is put to belongs to it
                toks = list(obj.subtree) + toks
            toks = _trim(toks)
            if len(toks) >= SETTINGS.min_content_tokens + 1 and not any(ctx.is_mark[t.i] for t in toks):
                return toks, False
    if tok.lemma_.lower() in ctx.rules.object_cues:
        toks = _object_content(ctx, tok)
        if toks:
            return toks, False
    if (tok.dep_ == "parataxis" or _inverted_conj(tok)) and tok.head.pos_ in ("VERB", "AUX") and not _names(tok):
        own = {t.i for t in tok.subtree}
        toks = [t for t in tok.head.subtree if t.i not in own]
        toks = _trim(toks)
        return (toks, True) if len(toks) >= SETTINGS.min_content_tokens and _is_clause(toks) else None
    return None


def _inverted_conj(tok: Token) -> bool:
    """ "Milei will be Argentina's next president, said his rival, Sergio Massa": an inverted "said X" after a comma
    that the parser joined to the clause before as its conjunct; the clause before is what was said."""
    return (
        tok.dep_ == "conj"
        and tok.i > 0
        and tok.doc[tok.i - 1].text == ","
        and any(c.dep_ == "nsubj" and c.i > tok.i for c in tok.children)
        and not any(
            c.dep_ in ("ccomp", "xcomp", "dobj", "cc") or c.dep_ == "nsubj" and c.i < tok.i for c in tok.children
        )
    )


def _names(tok: Token) -> bool:
    """A cue with an object predicate names rather than reports ("His group, called the Legacy Fund, will ..."): no
    parenthetical "he said" has one."""
    return any(c.dep_ in ("oprd", "xcomp") for c in tok.children)


OBJECT_DEPS = ("dobj", "oprd", "dative", "prt", "prep", "xcomp", "ccomp")


def _object_content(ctx: DocContext, tok: Token) -> Optional[list[Token]]:
    """The object of a speech act and its complements ("called [the charges unsubstantiated]", "called for [steep
    new tariffs]", "accused [the GOP of stoking the issue]"), up to the first comma, date or clause of its own."""
    rights = [c for c in tok.rights if c.dep_ in OBJECT_DEPS]
    particle = any(c.dep_ in ("prep", "prt") and c.lower_ in ("for", "on") and c.i == tok.i + 1 for c in rights)
    complement = any(c.dep_ in ("oprd", "xcomp", "ccomp") for c in rights)
    if ctx.rules.object_cues.get(tok.lemma_.lower()) == "complement":
        if not (particle or complement):
            return None
    elif not (particle or any(c.dep_ == "dobj" for c in rights)):
        return None
    elif not (particle or complement) and any(_no_speech_object(ctx, tok, c) for c in rights if c.dep_ == "dobj"):
        return None  # "called an emergency meeting", "called a special election"
    toks: list[Token] = []
    for c in rights:
        # "called her vote in favor of the war a mistake": a phrase before the complement still belongs to the object
        before_complement = any(o.dep_ in ("oprd", "xcomp") and o.i > c.i for o in rights)
        if (
            c.dep_ == "prep"
            and c.lower_ not in ("for", "on", "of", "as")
            and not before_complement
            or any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree)
        ):
            break
        if any(ctx.doc[i].text in ",;:" or ctx.is_mark[i] for i in range(toks[-1].i + 1 if toks else tok.i + 1, c.i)):
            break
        toks += [t for t in c.subtree if t.i > tok.i and t.lower_ not in ("for", "on") or t.i > c.i]
    toks = _trim(sorted(toks, key=lambda t: t.i))
    if len(toks) < SETTINGS.min_content_tokens or any(ctx.inside_quote[t.i] for t in toks):
        return None
    return toks


def _no_speech_object(ctx: DocContext, verb: Token, obj: Token) -> bool:
    """An object that makes the verb no speech act (rules/en/non_speech_objects.tsv: "call" a meeting, a vote)."""
    return obj.lemma_.lower() in ctx.rules.non_speech_objects.get(verb.lemma_.lower(), ())


def _inner_speech(ctx: DocContext, head: Token) -> set[int]:
    """Tokens of a second speech act coordinated with or adjoined to the content ("said fathers would not be
    eligible, and when pressed, the mother replied, “...”", "said he did not believe it, arguing that ..."): it is
    reported on its own, not part of the first content."""
    out: set[int] = set()
    for c in head.children:
        if c.dep_ not in ("conj", "advcl") or c.i < head.i or not ctx.is_cue(c):
            continue
        if c.dep_ == "conj" and subject_of_own(c) is None:
            continue
        if c.dep_ == "advcl" and c.tag_ != "VBG":
            continue
        first = c.left_edge.i
        while first > head.i + 1 and (ctx.doc[first - 1].is_punct or ctx.doc[first - 1].lower_ in ("and", "but")):
            first -= 1
        out.update(range(first, c.right_edge.i + 1))
    return out


def _person_in_between(tok: Token) -> Optional[Token]:
    """ "The news formalizes what Messi declared in early June, stating “I'm going to Miami”": when the verb a
    participle hangs from has a thing for its subject, a person who is the subject of a clause between them (what
    Messi declared) is who goes on speaking."""
    verb = tok.head
    subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subj is None or subj.pos_ != "NOUN":
        return None
    for c in verb.children:
        if c.dep_ in ("ccomp", "xcomp") and verb.i < c.i < tok.i:
            inner = next((d for d in c.children if d.dep_ == "nsubj"), None)
            if inner is not None and inner.pos_ == "PROPN" and inner.ent_type_ == "PERSON":
                return inner
    return None


def _is_it(subj: Optional[Token]) -> bool:
    """ "it" or "there" as a reported clause's subject ("said it was too early"): no one who speaks; where "it" is
    the speaker's own body ("the company said it was ready"), the one who reports is that body all the same."""
    if subj is None or subj.pos_ != "PRON":
        return False
    return subj.dep_ == "expl" or load(subj.doc.lang_).pronouns.get(subj.lower_) == "thing"


def _reporter_behind(tok: Token, subj: Optional[Token]) -> Optional[Token]:
    """ "The minister said the talks had failed, saying the other side had walked away": a speech participle that
    the parser hung on a reported clause whose subject is a thing that cannot speak (no name, no noun for people or
    a body) goes on for the one who reports that clause, the subject of the speech verb above it."""
    verb = tok.head
    if subj is None or not (subj.pos_ == "NOUN" or _is_it(subj)) or subj.ent_type_ or verb.dep_ != "ccomp":
        return None
    rules = load(tok.doc.lang_)
    if tok.lemma_.lower() not in rules.cue_verbs or verb.head.lemma_.lower() not in rules.cue_verbs:
        return None
    lemma = subj.lemma_.lower()
    if (
        rules.is_person_or_kin_noun(lemma)
        or rules.is_agent_noun(lemma)
        or lemma in rules.unnamed_sources
        or lemma in rules.organisation_words | rules.body_nouns | rules.government_nouns | rules.company_nouns
        or lemma in rules.public_body_nouns
    ):
        return None
    outer = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if outer is None and _is_it(subj):
        # "Lee said it was too early but added": the reporter through the coordination, never another "it"
        outer = subject_of(verb.head)
        outer = None if _is_it(outer) else outer
    return outer if outer is not None and outer.i < verb.i else None


def subject_of_own(tok: Token) -> Optional[Token]:
    return next((c for c in tok.children if c.dep_ == "nsubj"), None)


def _is_clause(toks: list[Token]) -> bool:
    """A subject with a finite verb: "With pressures mounting," is no reported content."""
    inside = {t.i for t in toks}
    return any(
        t.dep_ in ("nsubj", "nsubjpass", "expl")
        and t.head.i in inside
        and t.head.tag_ in ("VBD", "VBZ", "VBP", "MD")
        or any(c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in t.head.children if c.dep_ in ("aux", "auxpass"))
        for t in toks
        if t.dep_ in ("nsubj", "nsubjpass", "expl")
    )


def _trim(toks: list[Token]) -> list[Token]:
    while toks and (toks[-1].is_punct and toks[-1].text not in '”"»' or toks[-1].is_space or toks[-1].dep_ == "cc"):
        toks = toks[:-1]
    while toks and (toks[0].is_punct and toks[0].text not in '“"«' or toks[0].is_space):
        toks = toks[1:]
    return toks


def _char_spans(ctx: DocContext, toks: list[Token]) -> tuple[tuple[int, int], ...]:
    """Contiguous character spans covering `toks` (a gap in token indices starts a new span)."""
    if not toks:
        return ()
    toks = sorted(toks, key=lambda t: t.i)
    spans = []
    s, prev = toks[0], toks[0]
    for t in toks[1:]:
        if t.i != prev.i + 1:
            spans.append((s.idx, prev.idx + len(prev.text)))
            s = t
        prev = t
    spans.append((s.idx, prev.idx + len(prev.text)))
    return tuple(spans)


def _all_quoted(ctx: DocContext, toks: list[Token]) -> bool:
    words = [t for t in toks if not t.is_punct and not t.is_space]
    return bool(words) and all(ctx.inside_quote[t.i] for t in words)


def find_according_to(ctx: DocContext) -> list[RawAttribution]:
    """ "..., according to X" and "According to X, ...": the content is the rest of the sentence."""
    out = []
    doc = ctx.doc
    for tok in ctx.tokens_at("according to"):
        if tok.lower_ != "according" or ctx.inside_quote[tok.i]:
            continue
        to = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if to is None or to.lower_ != "to":
            continue
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            pobj = next(
                (t for t in doc[to.i + 1 : min(len(doc), to.i + 8)] if t.pos_ in ("PROPN", "NOUN", "PRON")), None
            )
        if pobj is None:
            continue
        phrase = _source_phrase(pobj, ctx.rules)
        source = make_source(ctx.table, phrase, ctx.rules, ctx.pronouns)
        if source is None:
            continue
        pp_end = max(phrase.end, pobj.i + 1)
        content = _sentence_minus(ctx, tok.sent, tok.i, pp_end)
        if len([t for t in content if not t.is_punct]) < SETTINGS.min_content_tokens:
            continue
        spans = _char_spans(ctx, content)
        span_text = doc[tok.i : to.i + 1]
        out.append(
            RawAttribution(
                "according to",
                (span_text.start_char, span_text.end_char),
                tok.i,
                source,
                spans,
                _all_quoted(ctx, content),
                _speech_inside(ctx, content),
                "sourcing",
            )
        )
    return out


def mark_reporters(ctx: DocContext, raw: list[RawAttribution]) -> list[RawAttribution]:
    """ "The Grain Council said the pesticide is “possibly harmful”, Reuters writes" / "According to the Council, ...,
    the BBC reports": an outlet's cue appended after a sentence that already gives its content a source of its own
    (a speech cue or "according to" inside it) only reports; the inner source keeps the claim. The outlet's attribution
    becomes sourcing that carries speech (never the speaker of a quotation in it), and the inner attributions' content
    stops before the outlet's tag (whose cue then no longer counts as speech inside them)."""
    reporters, cited = [], []
    for a in raw:
        if a.quote_cue or a.cue_kind == "sourcing" or a.source.type != "media":
            continue
        if a.content[-1][1] > a.cue_span[0] or a.source.span.start_char < a.content[-1][1]:
            continue  # not a tag after its content
        citing = _citing(ctx, ctx.doc[a.cue_token])
        if citing is not None:
            # "..., Reuters reported, citing the Grain Council": the one cited is the source, as "according to" it
            verb, source = citing
            cue, span = ctx.cue_text(verb)
            cited.append(RawAttribution(cue, span, verb.i, source, a.content, False, False, "sourcing"))
            reporters.append(a)
            continue
        inner = _tokens_of(ctx, a.content)
        if any(b is not a and a.content[0][0] <= b.cue_span[0] < a.content[-1][1] for b in raw) or _speech_inside(
            ctx, inner
        ):
            reporters.append(a)
    if not reporters:
        return raw
    out = list(cited)
    citing_verbs = {c.cue_token for c in cited}
    for a in raw:
        if a.cue_token in citing_verbs:
            continue  # the citing participle's own act ("citing the Grain Council") is the sourcing above
        if a in reporters:
            out.append(replace(a, carries_speech=True, cue_kind="sourcing"))
            continue
        for r in reporters:
            tag = r.source.span.start_char
            if a.content[0][0] < tag <= a.content[-1][1] + SETTINGS.tag_gap and a.cue_span[0] < tag:
                spans = [(s, min(e, tag)) for s, e in a.content if s < tag]
                spans = [(s, e) for s, e in ((s, len(ctx.text[:e].rstrip(" ,;"))) for s, e in spans) if e > s]
                if spans:
                    carries = a.carries_speech and _speech_inside(ctx, _tokens_of(ctx, spans))
                    a = replace(a, content=tuple(spans), carries_speech=carries)
        out.append(a)
    return sorted(out, key=lambda a: a.cue_token)


def _tokens_of(ctx: DocContext, spans) -> list[Token]:
    """The tokens of character spans (an attribution's content), in order."""
    return [t for s, e in spans for t in (ctx.doc.char_span(s, e, alignment_mode="expand") or [])]


def _citing(ctx: DocContext, cue: Token) -> Optional[tuple[Token, Source]]:
    """The participle of an outlet's cue that names its source ("reported, citing the ministry": rules/en/
    citing_verbs.txt) and the source it names."""
    for c in cue.children:
        if c.dep_ in ("advcl", "xcomp", "conj") and c.tag_ == "VBG" and c.lemma_.lower() in ctx.rules.citing_verbs:
            obj = next((o for o in c.children if o.dep_ == "dobj"), None)
            source = speaker_source(ctx, obj) if obj is not None else None
            if source is not None and source.type != "media":
                return c, source
    return None


def _speech_inside(ctx: DocContext, content: list[Token]) -> bool:
    """The content holds its own speaker: a speech cue with a subject, outside quotation marks."""
    for t in content:
        if ctx.is_cue(t):
            subj = subject_of(t)
            if subj is not None and not ctx.inside_quote[subj.i] and not ctx.is_mark[subj.i]:
                return True
    return False


def _source_phrase(pobj: Token, rules: Rules) -> Span:
    """The source after "according to", with its post-modifiers ("a passenger on the flight": rules/en/
    description_prepositions.txt) and without a trailing time phrase ("a Yahoo News article earlier this year", "a
    passenger on Tuesday")."""
    doc = pobj.doc
    np = noun_phrase(pobj, limit=16)
    start, end = np.start, np.end
    for right in pobj.rights:
        if right.dep_ in ("prep", "acl", "relcl") and right.i >= end:
            if right.dep_ == "prep" and right.lower_ not in rules.description_prepositions:
                break
            stop = right.right_edge.i + 1
            if any(t.ent_type_ in ("DATE", "TIME") for t in doc[right.i : stop]):
                break
            end = stop
    while end > start + 1 and doc[end - 1].ent_type_ in ("DATE", "TIME"):
        end -= 1
    return doc[start:end]


def _sentence_minus(ctx: DocContext, sent: Span, pp_start: int, pp_end: int) -> list[Token]:
    """The sentence without the "according to X" phrase and the commas around it."""
    doc = ctx.doc
    start = sent.start
    while start < sent.end and doc[start].is_space:
        start += 1
    # a phrase at the sentence end takes everything after it with it ("..., according to X earlier this year.")
    tail = all(
        t.is_punct or t.is_space or t.ent_type_ in ("DATE", "TIME") or t.dep_ in ("npadvmod", "advmod")
        for t in doc[pp_end : sent.end]
    )
    end = sent.end if not tail else pp_end
    toks = [t for t in doc[start:end] if not (pp_start <= t.i < pp_end)]
    if tail:
        toks = [t for t in toks if t.i < pp_start]
    toks = _trim(toks)
    # drop the commas that fenced the phrase
    return [t for t in toks if not (t.text == "," and (t.i == pp_start - 1 or t.i == pp_end))]


# a headline that gives a claim to a person: "Pence: Flowers Won't Be at Debate" (a line of its own, a short name)
_HEADLINE = re.compile(r"^[ \t]*([A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,2}):[ \t]+(?=\S)", re.M)


def find_headline_claims(ctx: DocContext) -> list[RawAttribution]:
    """ "Sanders: Clinton needs to get away from personality" — a line naming a person, a colon and a claim: the
    headline convention for what someone said. Only a person the text names elsewhere speaks; "Poll:", "UPDATE:" do
    not."""
    out = []
    doc, text = ctx.doc, ctx.text
    matches = list(_HEADLINE.finditer(text))
    if not matches:
        return out
    people = {
        (w.lower(), mention.start)
        for b in ctx.table.entities
        if b.type == "PERSON"
        for mention in b.mentions
        for w in b.name.split()
    }
    for m in matches:
        end = text.find("\n", m.end())
        end = len(text) if end == -1 else end
        while end > m.end() and text[end - 1].isspace():
            end -= 1
        words = len(text[m.end() : end].split())
        if words < SETTINGS.min_content_tokens or words > SETTINGS.max_headline_words:
            continue
        label = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        colon = doc.char_span(m.end(1), m.end(1) + 1, alignment_mode="expand")
        if label is None or colon is None or ctx.inside_quote[label[0].i]:
            continue
        # a name the text gives a person outside the headline ("Sanders" of "Sen. Bernie Sanders" below it): the tagger
        # alone takes "Meta Layoffs:" for a person
        named = label[-1].lower_ in {w for w, s in people if not m.start() <= s < end}
        if label.text.isupper() or not named:
            continue  # capitals are a transcript's turn (find_transcript_turns); a word not a person's name is a label
        source = make_source(ctx.table, label, ctx.rules, ctx.pronouns, quoted_person=True)
        if source is None:
            continue
        out.append(RawAttribution(":", (m.end(1), m.end(1) + 1), colon[0].i, source, ((m.end(), end),), False))
    return out


# a paragraph opened by a name in mixed case and a colon: "Martin O’Neill: It sounds like an excuse ...", "O’Neill: ...",
# "Coach Smith: ...", "Q: ..."
_NAME_TURN = re.compile(r"^[ \t]*([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):[ \t]+(?=\S)", re.M)


_OPENING_MARKS = '“"‘«„'


def _paragraph_end(text: str, start: int) -> int:
    """Where the paragraph that goes on at `start` ends, trailing blanks left out."""
    end = text.find("\n", start)
    end = len(text) if end == -1 else end
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _is_interviewer_label(words: list[str], rules: Rules) -> bool:
    """An interviewer's turn ("Q", "Question", "Reporter", "MODERATOR"), naming no person."""
    return bool(words) and all(w in rules.interviewer_labels for w in words)


def _is_answer_label(words: list[str], rules: Rules) -> bool:
    """A Q&A's answer ("A", "Answer"): the interviewee's, but the label names no one."""
    return bool(words) and all(w in rules.answer_labels for w in words)


def _known_person(ctx: DocContext, label: Span):
    """The person of the text a short label names ("O’Neill" -> "Martin O’Neill", "Coach Smith" -> "Jane Smith"),
    else None: a single word is a speaker only when the text names that person elsewhere."""
    _, name = split_title(normalise_name(label.text), ctx.rules)
    words = name.split()
    if not words or len(words) > 2:
        return None
    full = full_name_for(ctx.table, words, label.start_char)
    if full is not None:
        return full
    b = ctx.table.find(name)
    if b is None or "PERSON" not in b.labels:
        return None
    # the tagger's person in the label alone ("Verdict:") is no one the text names
    return b if any(not label.start_char <= m.start < label.end_char for m in b.mentions) else None


def find_name_turns(ctx: DocContext) -> list[RawAttribution]:
    """Collected reactions and transcripts written in mixed case ("Martin O’Neill: It sounds like ...", "Guus
    Hiddink: “I am satisfied ...”", "Q: ... / O’Neill: ..."): where two or more paragraphs open with a label and a
    colon, each named one gives its paragraph to the one it names. A name is the tagger's person, capitalised words it
    tags as no other entity whose paragraph speaks in the first person (the tagger misses names: "Martin O’Neill"), or
    a surname or a role and a surname of a person the text names ("O’Neill:", "Coach Smith:"), given to the fullest
    name the text has; a place, a team, a date are none. An interviewer's label ("Q:", "Reporter:";
    rules/en/interviewer_labels.txt) names no one but makes the layout, and then a turn may be short. One such
    paragraph alone is no layout (a headline's "Pence:" is `find_headline_claims`'); labels in capitals are
    `find_transcript_turns`'."""
    doc, text = ctx.doc, ctx.text
    turns, asked, interviewer = [], [], 0
    for m in _NAME_TURN.finditer(text):
        label = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        colon = doc.char_span(m.end(1), m.end(1) + 1, alignment_mode="expand")
        if label is None or colon is None:
            continue
        words = [w.strip(".'’").lower() for w in m.group(1).split()]
        end = _paragraph_end(text, m.end())
        content = text[m.end() : end].split()
        if label.text.isupper() and len(label.text) > 1:
            continue  # "REPORTER:", "O’NEILL:" are `find_transcript_turns`'; "Q:", "A:" are this layout's
        if _is_answer_label(words, ctx.rules):
            interviewer += len(content) >= SETTINGS.min_content_tokens
            continue  # the layout's, but no one's named
        if _is_interviewer_label(words, ctx.rules):
            if len(content) >= SETTINGS.min_content_tokens:
                interviewer += 1
                asked.append((label, colon, m.end(), end))
            continue
        if any(t.ent_type_ and t.ent_type_ != "PERSON" for t in label):
            continue  # "Aston Villa:", "Premier League:" name no one
        if any(w in ctx.rules.turn_labels or w in ctx.rules.non_speakers for w in words):
            continue
        if len(content) < SETTINGS.min_turn_words:
            continue
        known = _known_person(ctx, label)
        if len(words) == 1 or known is not None and label[-1].ent_type_ != "PERSON":
            if known is None:
                continue  # "Chelsea:", "Verdict:": one word names a speaker only when the text names that person
            turns.append((label, colon, m.end(), end, known, len(content)))
            continue
        first_person = any(w.strip(".,;:!?\"“”'’").lower() in ctx.rules.first_person for w in content)
        if label[-1].ent_type_ == "PERSON" or first_person:
            turns.append((label, colon, m.end(), end, None, len(content)))  # a team's line-up is none
    if len(turns) + interviewer < SETTINGS.min_layout_turns:
        return []  # one such paragraph alone is no layout
    long_turns = [t for t in turns if t[5] > SETTINGS.max_headline_words]
    if not interviewer and len(long_turns) < SETTINGS.min_layout_turns:
        return []  # with no interviewer, short lines after names are headlines' claims, not turns
    out = []
    for label, colon, start, end, known, _n in turns if interviewer else long_turns:
        if known is not None:
            b = known
            ctx.table.link(b, label)
        else:
            b = ctx.table.get_or_create(normalise_name(label.text), label, "PERSON")
        source = Source(label, b, b.name, "person")
        span = (label.end_char, label.end_char + 1)
        out.append(RawAttribution(":", span, colon[0].i, source, ((start, end),), False))
    for label, colon, start, end in asked:  # the question is the interviewer's, unnamed, not the next speaker's
        said = text[start:end]
        if said[0] not in _OPENING_MARKS and any(c in _OPENING_MARKS for c in said):
            continue  # "Q: The writer Dan Richards said of the book, “...”": a quotation the question cites is its own
        source = Source(label, None, label.text, "unnamed")
        span = (label.end_char, label.end_char + 1)
        out.append(RawAttribution(":", span, colon[0].i, source, ((start, end),), False))
    return out


def find_transcript_turns(ctx: DocContext) -> list[RawAttribution]:
    """Interview and debate transcripts: "WALLACE: Let's start ..." gives the paragraph to the named speaker."""
    out = []
    doc, text = ctx.doc, ctx.text
    turns = list(_TURN.finditer(text))
    labels = [m.group(1).split()[-1] for m in turns]
    people = {w.lower() for b in ctx.table.entities if b.type == "PERSON" for w in b.name.split()}
    for m in turns:
        last = m.group(1).split()[-1]
        if labels.count(last) < 2 and last.lower() not in people:
            continue  # one capitalised label naming no one else in the text is a dateline ("PARIS: ..."), not a turn
        label_start, label_end = m.span(1)
        if sum(c.isalpha() for c in m.group(1)) < 2:
            continue
        end = text.find("\n", m.end())
        end = len(text) if end == -1 else end
        while end > m.end() and text[end - 1].isspace():
            end -= 1
        if len(text[m.end() : end].split()) < SETTINGS.min_content_tokens:
            continue
        label = doc.char_span(label_start, label_end, alignment_mode="expand")
        colon = doc.char_span(label_end, label_end + 1, alignment_mode="expand")
        if label is None or colon is None:
            continue
        words = [w.strip(".'’").lower() for w in m.group(1).split()]
        if (
            any(w in ctx.rules.turn_labels or w in ctx.rules.non_speakers for w in words)
            or _is_interviewer_label(words, ctx.rules)
            or any(t.ent_type_ in ("GPE", "LOC") for t in label)
        ):
            continue  # "UPDATE:", "EDITOR'S NOTE:", "REPORTER:", "QUESTION:", a dateline "LONDON:"
        b = ctx.table.get_or_create(normalise_name(label.text), label, "PERSON")
        source = Source(label, b, b.name, "person")
        out.append(RawAttribution(":", (label_end, label_end + 1), colon[0].i, source, ((m.end(), end),), False))
    return out

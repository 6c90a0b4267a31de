"""Direct, partial and unclosed quotations and their speakers: the cue beside the marks, the attribution that
holds them, or the conversation they continue."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Optional

from spacy.tokens import Token

from .context import DocContext
from .coref import described_group, describes_one_person, latest_subject_person, noun_gender
from .quotemarks import MARKS, Quoted, paragraphs, short_single_quoted
from .reported import SPOKEN_KINDS, RawAttribution, relative_subject, speaker_source, subject_of
from .settings import SETTINGS
from .sources import Source, make_source, named_after, noun_phrase

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\n\u00a0]*")
# a list item's marker at the start of a line: "• Severance. ...", "* ...", "- ...", "2) ..."
_BULLET = re.compile(r"[ \t\u00a0]*(?:[•·▪◦‣●*\-–]|\d{1,2}[.)])[ \t\u00a0]+(?=\S)")


@dataclass(frozen=True)
class RawQuote:
    quoted: Quoted
    kind: str  # direct | partial | direct-unclosed
    source: Optional[Source]
    cue: Optional[str]
    cue_span: Optional[tuple[int, int]]
    how: str  # cue | attribution | context | none


def find_quotes(ctx: DocContext, attributions: list[RawAttribution]) -> list[RawQuote]:
    out: list[RawQuote] = []
    quote_cues = [a for a in attributions if a.quote_cue]
    reported = [a for a in attributions if not a.quote_cue]
    paragraph_of = _paragraph_index(ctx.text)
    reporting = {a.cue_token for a in attributions if a.carries_speech and a.cue != "according to"}
    for q in ctx.quoted:
        words = ctx.text[q.start : q.end].split()
        if is_title(words, ctx.rules.title_small_words) or _named_term(ctx, q, words) or _one_name(ctx, q, words):
            continue
        kind = "direct" if q.close is not None else "direct-unclosed"
        inside = _cue_inside_unclosed(ctx, q) if q.close is None else None
        if inside is not None:
            out.append(inside)
            continue
        labelled = _self_label(ctx, q)
        if labelled is not None:
            out.append(labelled)
            continue
        holder = _holding_attribution(q, reported)
        if holder is not None:
            holder = _read_out(ctx, holder) or holder
            nested = _nested_speaker(ctx, q, holder)
            if nested is not None:
                source, cue_tok = nested
                cue, span = ctx.cue_text(cue_tok)
                out.append(RawQuote(q, kind, source, cue, span, "cue"))
                continue
            if _right_after_cue(ctx, q, holder) or _only_the_quote(ctx, q, holder):
                out.append(RawQuote(q, kind, holder.source, holder.cue, holder.cue_span, "cue"))
                continue
            out.append(RawQuote(q, "partial", holder.source, holder.cue, holder.cue_span, "attribution"))
            continue
        dash = _dash_signature(ctx, q)
        if dash is not None:
            out.append(RawQuote(q, kind, dash, None, None, "signature"))
            continue
        after = _cue_after(ctx, q)
        if after is not None and after[1].i in reporting:
            after = None  # "..., the Council classed it as “...”, the BBC reports": the outlet only reports it
        found = (
            _passive_by(ctx, q)
            or after
            or _quote_cue(ctx, q, quote_cues)
            or _cue_before(ctx, q)
            or _as_clause(ctx, q)
            or _colon_intro(ctx, q)
            or _in_words(ctx, q)
            or _dialogue_tag(ctx, q)
        )
        if found is not None:
            source, cue_tok = found
            source = _chained(ctx, q, source, out, reported, paragraph_of) or source
            cue, span = ctx.cue_text(cue_tok)
            if _embedded(ctx, q, cue_tok):
                kind = "partial"
            out.append(RawQuote(q, kind, source, cue, span, "cue"))
            continue
        named = _verbless_tag(ctx, q)
        if named is not None:
            out.append(RawQuote(q, kind, named, None, None, "signature"))
            continue
        if _continues_paragraph_quote(ctx, q, out, paragraph_of) or _ends_statement(ctx, q, out, paragraph_of):
            out.append(RawQuote(q, kind, out[-1].source, None, None, "context"))
            continue
        owner = _program_owner(ctx, q) if len(words) < SETTINGS.min_floating_words else None
        if owner is not None:
            source, noun = owner
            out.append(RawQuote(q, "partial", source, noun.text, (noun.idx, noun.idx + len(noun.text)), "attribution"))
            continue
        if len(words) < SETTINGS.min_floating_words or (
            len(words) < SETTINGS.min_verbless_words and not _has_verb(ctx, q)
        ):
            continue
        remark = _remark_owner(ctx, q)
        if remark is not None:
            source, noun = remark
            out.append(RawQuote(q, kind, source, noun.text, (noun.idx, noun.idx + len(noun.text)), "attribution"))
            continue
        prev = (
            _under_statute(ctx, q)
            or _speaker_heading(ctx, q, out)
            or _subject_before(ctx, q)
            or _woven_subject(ctx, q)
            or _previous_speaker(ctx, out, reported, q, paragraph_of)
            or _lede_speaker(out, reported, q, paragraph_of)
        )
        out.append(RawQuote(q, kind, prev, None, None, "context" if prev is not None else "none"))
    out += _short_in_speech(ctx, reported)
    out += _unmarked_blocks(ctx, out)
    out.sort(key=lambda r: r.quoted.start)
    return out


def _short_in_speech(ctx: DocContext, reported: list[RawAttribution]) -> list[RawQuote]:
    """ "Zuckerberg said he is ‘sorry’ for the cuts": a word or two in single marks, too short to be a quotation by
    itself, is a partial quote of the one whose speech (not belief or finding) holds it; not a title or a name."""
    out = []
    for q in short_single_quoted(ctx.text, ctx.quoted):
        words = ctx.text[q.start : q.end].split()
        if is_title(words, ctx.rules.title_small_words) or _named_term(ctx, q, words) or _one_name(ctx, q, words):
            continue  # "the makers of ‘Candy Crush’": a title, not words spoken
        holder = _holding_attribution(q, reported)
        if holder is not None and holder.cue_kind == "speech" and not _mute(holder):
            out.append(RawQuote(q, "partial", holder.source, holder.cue, holder.cue_span, "attribution"))
    return out


def _unmarked_blocks(ctx: DocContext, done: list[RawQuote]) -> list[RawQuote]:
    """ "Here are excerpts from Mark Zuckerberg's email. / Today I'm sharing ... / I want to take accountability ...":
    someone's text reproduced without quotation marks. After a paragraph that introduces it (a colon at its end, an
    excerpt word of rules/en/block_intros.txt, or a list right below) and names whose it is (a cue's subject, or the
    owner of a document: "Zuckerberg's email"), each following paragraph in the first person with no quotation mark
    is that speaker's, up to the first that is not; the items of a list are, when its first item speaks as "I" or
    "we" (the rest are the same text's: "• RSU vesting. Everyone impacted will receive ...")."""
    text = ctx.text
    paras = [(s, e) for s, e in paragraphs(text) if text[s:e].strip()]
    taken = [(r.quoted.start, r.quoted.end) for r in done]
    out: list[RawQuote] = []
    k = 0
    while k < len(paras) - 1:
        s, e = paras[k]
        intro = _block_intro(ctx, s, e, _BULLET.match(text, paras[k + 1][0]) is not None)
        k += 1
        if intro is None:
            continue
        source, cue_tok = intro
        cue, span = ctx.cue_text(cue_tok)
        listed = False
        last = k + SETTINGS.max_block_paragraphs
        while k < min(last, len(paras)):
            ps, pe = paras[k]
            bullet = _BULLET.match(text, ps)
            if listed and bullet is None:
                break  # the list has ended
            cs = bullet.end() if bullet else ps
            ce = pe
            while ce > cs and text[ce - 1].isspace():
                ce -= 1
            if any(c in MARKS for c in text[cs:ce]) or any(ts < ce and cs < te for ts, te in taken):
                break
            if not listed and not _first_person(ctx, cs, ce):
                resume = _after_comment(ctx, paras, k, source)
                if resume is None:
                    break
                k = resume
                continue
            listed = bullet is not None
            out.append(RawQuote(Quoted(cs, None, cs, ce), "direct", source, cue, span, "block"))
            k += 1
    return out


def _after_comment(ctx: DocContext, paras: list[tuple[int, int]], k: int, source: Source) -> Optional[int]:
    """ "Here are excerpts from Mark Zuckerberg's email with analysis from me. / [excerpt] / Rather than bury the lede,
    Zuck put the layoff in the second sentence. Well done. / How did we get here? / At the start of Covid, ... I did
    too": excerpts interleaved with the writer's comment. A paragraph that speaks of a person in the third person,
    then at most two headings (short lines with no full stop), then a paragraph in the first person with no mark:
    the excerpt goes on there (the paragraph to resume at), else None."""
    text = ctx.text
    s, e = paras[k]
    if source.entity is None or not any(_third_person(ctx, t, source) for t in _tokens_in(ctx, s, e)):
        return None
    j = k + 1
    while j < len(paras) and j - k <= SETTINGS.max_block_headings:
        hs, he = paras[j]
        line = text[hs:he].strip()
        if any(c in MARKS for c in line):
            return None
        if len(line.split()) <= SETTINGS.max_heading_words and not line.endswith("."):
            j += 1
            continue
        return j if j > k + 1 and _first_person(ctx, hs, he) else None
    return None


def _third_person(ctx: DocContext, t: Token, source: Source) -> bool:
    """The speaker, or a person ("Zuck", "he") the writer speaks of."""
    b = ctx.table.at(t)
    if b is source.entity or (b is not None and b.type == "PERSON"):
        return True
    return ctx.rules.pronouns.get(t.lower_) in ("male", "female") and not ctx.inside_quote[t.i]


def _block_intro(ctx: DocContext, s: int, e: int, list_below: bool) -> Optional[tuple[Source, Token]]:
    """The speaker (and the cue or document noun) of a paragraph that introduces a text reproduced below it."""
    line = ctx.text[s:e].rstrip()
    if not (line.endswith(":") or list_below or ctx.rules.block_intros.search(line)):
        return None
    for t in reversed(_tokens_in(ctx, s, e)):
        if ctx.inside_quote[t.i] or ctx.is_mark[t.i]:
            continue
        owner = None
        if ctx.is_cue(t):
            owner = subject_of(t)
        elif t.lemma_.lower() in ctx.rules.document_nouns and t.pos_ == "NOUN":
            owner = next((c for c in t.children if c.dep_ == "poss"), None)
        if owner is None or ctx.inside_quote[owner.i] or owner.pos_ not in ("PROPN", "PRON", "NOUN"):
            continue
        src = speaker_source(ctx, owner)
        if src is not None and src.type != "document":
            return src, t
    return None


def _first_person(ctx: DocContext, s: int, e: int) -> bool:
    """The stretch speaks as "I" or "we" (the capitalised "US" is a country, not "us")."""
    return any(
        t.lower_ in ctx.rules.first_person and t.text != "US" and not ctx.inside_quote[t.i]
        for t in _tokens_in(ctx, s, e)
    )


def _cue_inside_unclosed(ctx: DocContext, q: Quoted) -> Optional[RawQuote]:
    """ "I recognise though that I cannot deliver the mandate, Truss said in a brief statement.": a quote whose
    closing mark was dropped before its cue. The quote ends at the comma before a named speaker (or he/she) and a
    speech verb, the rest of its paragraph, that follows."""
    doc = ctx.doc
    toks = _tokens_in(ctx, q.start, q.end)
    for k, t in enumerate(toks):
        if k < SETTINGS.min_floating_words or t.pos_ != "VERB" or t.lemma_.lower() not in ctx.rules.cue_verbs:
            continue
        subj = next((c for c in t.children if c.dep_ == "nsubj" and c.i < t.i), None)
        if subj is None or subj.pos_ not in ("PROPN", "PRON") or subj.lower_ in ("i", "we", "you"):
            continue
        first = noun_phrase(subj)[0]
        if first.i == 0 or doc[first.i - 1].text != "," or any(w.text in ".!?" for w in doc[first.i : t.i]):
            continue
        if not any(c.dep_ == "ccomp" and c.i < first.i for c in t.children) and t.dep_ != "ROOT":
            continue  # the verb must govern what came before it (the parser's ccomp), or head the sentence
        if "," in ctx.text[t.idx : q.end]:
            continue  # "and nobody, Smith said, can stop us": a cue set inside the quote, which goes on
        end = doc[first.i - 1].idx
        src = speaker_source(ctx, subj)
        if src is None:
            return None
        cue, span = ctx.cue_text(t)
        return RawQuote(Quoted(q.open, None, q.start, end), "direct", src, cue, span, "cue")
    return None


def _chained(
    ctx: DocContext, q: Quoted, source: Source, done: list[RawQuote], reported: list[RawAttribution], paragraph_of
) -> Optional[Source]:
    """ "... lasting peace," said the chairwoman, Berit Reiss-Andersen. / "They are representatives ...," she said.":
    a quote whose cue has only "he" or "she" goes on with the person who spoke the quote (or the reported speech) just
    before it, in the same or the previous paragraph, when no other person is named between the two and the pronoun's
    gender does not rule them out, whoever the pronoun was linked to further back."""
    pronoun = ctx.rules.pronouns.get(source.span.text.lower()) if len(source.span) == 1 else None
    if pronoun in ("group", "thing") and source.entity is None:
        return _chained_group(ctx, q, source, done, reported, paragraph_of, pronoun == "thing")
    if pronoun not in ("male", "female"):
        return None
    last = _last_spoken(q, done, reported)
    if last is None:
        return None
    after, at, prev = last
    if prev.entity is None and _described_person(ctx, prev, pronoun):
        prev = Source(prev.span, None, prev.name, "person")  # "A fire official said ... “...,” he said"
    if prev.type != "person" or (prev.entity is not None and prev.entity is source.entity):
        return None
    if prev.entity is not None and prev.entity.gender not in (None, pronoun):
        return None
    if _too_far(ctx, q, at, paragraph_of):
        return None
    for t in _tokens_in(ctx, after, source.span.start_char):
        b = ctx.table.by_token.get(t.i)
        if b is not None and b.type == "PERSON" and b is not prev.entity and not ctx.inside_quote[t.i]:
            return None
        if ctx.rules.pronouns.get(t.lower_) in ("male", "female") and not ctx.inside_quote[t.i]:
            return None  # "she" or "he" in between already stands for someone
    return Source(source.span, prev.entity, prev.name, prev.type, source.said_as)


def _chained_group(
    ctx: DocContext,
    q: Quoted,
    source: Source,
    done: list[RawQuote],
    reported: list[RawAttribution],
    paragraph_of,
    thing: bool = False,
) -> Optional[Source]:
    """ "Japanese officials said the crew were heroes. “Nobody was to blame,” they said.": a quote whose cue has only
    a "they" that names no organisation goes on with the unnamed group of people who spoke just before it ("officials",
    "witnesses", "police"), in the same or the previous paragraph, when no one else speaks or is named between.
    With `thing`, an "it" that names no organisation goes on with a document that spoke just before ("The report said
    ... “...,” it said": rules/en/document_nouns.txt)."""
    last = _last_spoken(q, done, reported)
    if last is None:
        return None
    after, at, prev = last
    root = prev.span.root
    if thing:
        if root.pos_ != "NOUN" or root.tag_ == "NNS" or root.lemma_.lower() not in ctx.rules.document_nouns:
            return None
    elif not described_group(root, ctx.rules):
        return None  # a group named by a plural noun for people, also where the tagger made it a name ("Police")
    if _too_far(ctx, q, at, paragraph_of):
        return None
    for t in _tokens_in(ctx, after, source.span.start_char):
        b = ctx.table.by_token.get(t.i)
        named = b is not None and (b.type == "PERSON" or t.dep_ in ("nsubj", "nsubjpass"))
        if not ctx.inside_quote[t.i] and (named or ctx.rules.pronouns.get(t.lower_) is not None):
            return None  # someone named, or a pronoun that already stands for someone, in between (not "told AFP")
    return Source(source.span, prev.entity, prev.name, prev.type, source.said_as)


def _last_spoken(q: Quoted, done: list[RawQuote], reported: list[RawAttribution]) -> Optional[tuple[int, int, Source]]:
    """The speech that ends last before the quote opens (a quote, or reported speech by a speech verb): where it ends,
    where it starts and its source; None when there is none."""
    before = [(max(r.source.span.end_char, r.quoted.end), r.quoted.start, r.source) for r in done if r.source]
    before += [
        (max(a.source.span.end_char, a.content[-1][1]), a.cue_span[0], a.source)
        for a in reported
        if a.cue_kind in SPOKEN_KINDS and a.cue_span[1] <= q.open
    ]
    before = [b for b in before if b[0] <= q.open]
    return max(before, key=lambda b: b[0]) if before else None


def _too_far(ctx: DocContext, q: Quoted, at: int, paragraph_of) -> bool:
    """More than SETTINGS.chain_paragraphs paragraphs of prose (headings and captions not counted) between the
    speech at `at` and the quote."""
    return paragraph_of(q.open) - paragraph_of(at) - _headings_between(ctx.text, at, q.open) > SETTINGS.chain_paragraphs


def _headings_between(text: str, start: int, end: int) -> int:
    """How many of the lines wholly between two offsets are a page's furniture, not prose: a heading, a caption or a
    link ("READ MORE: ...", "Advertisement", "[Image: ...]"), short and with no sentence's final stop."""
    first = text.find("\n", start)
    last = text.rfind("\n", 0, end)
    if first == -1 or last <= first:
        return 0
    n = 0
    for line in text[first + 1 : last].split("\n"):
        line = line.strip()
        if line and len(line.split()) <= SETTINGS.max_heading_words and line[-1] not in '.!?"”’:':
            n += 1
    return n


def _described_person(ctx: DocContext, source: Source, pronoun: str) -> bool:
    """A source named by a description of one person ("a fire department official", "the 17-year-old"), that the
    pronoun's gender does not rule out ("a spokeswoman", "his mother" are no "he")."""
    head = source.span.root
    if not describes_one_person(head, ctx.rules):
        return False
    return noun_gender(head.lemma_, ctx.rules) in (None, pronoun)


def is_title(words: list[str], small_words: frozenset[str]) -> bool:
    """A programme, book or slogan in quotation marks ("Face the Nation," “Morning Joe”): two to six words, every
    one capitalised but the small words of titles, no question or exclamation."""
    bare = [w.strip(",.;:’'\"”“") for w in words]
    bare = [w for w in bare if w]
    if not 2 <= len(bare) <= SETTINGS.max_title_words or words[-1][-1:] in "?!":
        return False
    if any(w[-1:] in ".?!" and len(w.rstrip(".?!")) > 3 for w in words[:-1]):
        return False  # “Like Oakland. Or Ferguson,”: a sentence ends inside, so these are words said
    capital = [w for w in bare if w[:1].isupper() or w[:1].isdigit()]
    return len(capital) >= 2 and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in small_words for w in bare)


def _self_label(ctx: DocContext, q: Quoted) -> Optional[RawQuote]:
    """The self-described “anarcho-capitalist”: a label quoted right after a word of rules/en/self_labels.txt is the
    words of the one it describes: the name it is in apposition to ("Milei, a self-described “libertarian”,"), the
    subject of "is" ("He is a self-styled “outsider”"), or, for "the self-described ...", the person who was the
    latest subject a sentence or two before. None when that person cannot be told (the label is then no quote)."""
    if q.close is None:
        return None
    hit = ctx.rules.self_labels.search(ctx.text, max(0, q.open - 30), q.open)
    toks = _tokens_in(ctx, q.start, q.end)
    if hit is None or not toks:
        return None
    label = ctx.doc.char_span(hit.start(), hit.end(), alignment_mode="expand")
    if label is None:
        return None
    head = toks[-1]
    while head.head.i != head.i and (
        q.start <= head.head.idx < q.end or (head.dep_ in ("amod", "compound") and head.head.i > head.i)
    ):
        head = head.head  # the noun the label heads or modifies: “anarcho-capitalist” economist
    source = None
    if head.dep_ == "appos":
        source = speaker_source(ctx, head.head)
    elif head.dep_ == "attr":
        subj = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
        source = speaker_source(ctx, subj) if subj is not None else None
    elif label.start > 0 and ctx.doc[label.start - 1].lower_ == "the":
        person = latest_subject_person(ctx.table, ctx.doc[label.start - 1 : head.i + 1])
        if person is not None:
            source = Source(ctx.doc[label.start - 1 : head.i + 1], person, person.name, "person")
    if source is None or source.type not in ("person", "representative"):
        return None
    return RawQuote(q, "partial", source, label.text, (label.start_char, label.end_char), "attribution")


def _program_owner(ctx: DocContext, q: Quoted) -> Optional[tuple[Source, Token]]:
    """ "His main platform has been a plan to ditch the peso and “dynamite” the Central Bank": a short phrase quoted in
    a sentence about someone's platform, pledge or slogan (rules/en/program_nouns.txt, with a possessor: "his",
    "Smith's") is the possessor's words. The noun is the subject of the sentence or holds the quote in its phrase."""
    toks = _tokens_in(ctx, q.start, q.end)
    if not toks:
        return None
    nouns = [a for a in toks[0].ancestors if not ctx.inside_quote[a.i]]
    root = toks[0].sent.root
    nouns += [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    for noun in nouns:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in ctx.rules.program_nouns:
            continue
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is None or ctx.inside_quote[owner.i]:
            continue
        source = speaker_source(ctx, owner)
        if source is not None and source.type in ("person", "organization", "government"):
            return source, noun
    return None


def _remark_owner(ctx: DocContext, q: Quoted) -> Optional[tuple[Source, Token]]:
    """ "his famous “Who am I to judge” comment", "Smith's “read my lips” line": a quotation written between a
    possessor (and its adjectives) and the noun of something said (rules/en/remark_nouns.txt) is the possessor's
    words. Read on the surface: the parser makes a clause of the quote and loses the noun phrase."""
    if q.close is None:
        return None
    doc = ctx.doc
    opening = doc.char_span(q.open, q.open + 1, alignment_mode="expand")
    closing = doc.char_span(q.close, q.close + 1, alignment_mode="expand")
    if opening is None or closing is None or closing.end >= len(doc):
        return None
    noun = doc[closing.end]
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in ctx.rules.remark_nouns or ctx.inside_quote[noun.i]:
        return None
    j = opening.start - 1
    while j >= 0 and doc[j].pos_ in ("ADJ", "ADV") and opening.start - j <= SETTINGS.max_tag_subject_words:
        j -= 1  # "his famous", "her now infamous"
    if j < 0:
        return None
    possessive = doc[j].tag_ == "PRP$" or doc[j].pos_ == "PRON" and doc[j].dep_ == "poss"  # "Her" opening a sentence
    owner = doc[j] if possessive else doc[j - 1] if doc[j].tag_ == "POS" and j > 0 else None
    if owner is None or ctx.inside_quote[owner.i]:
        return None
    source = speaker_source(ctx, owner)
    return (source, noun) if source is not None and source.type in ("person", "organization", "government") else None


def _one_name(ctx: DocContext, q: Quoted, words: list[str]) -> bool:
    """ "titles such as “Warcraft” and ...": one capitalised noun in marks in the middle of a sentence (after a word in
    lower case that is no verb) is a name or title, which nobody says; a word said ends in . ! ? or the comma before
    its cue."""
    if len(words) != 1 or not words[0][:1].isupper() or words[0][-1:] in ".!?,":
        return False  # “Denver,” he answered: a word said, before its cue
    toks = [t for t in _tokens_in(ctx, q.start, q.end) if not t.is_punct]
    if len(toks) != 1 or toks[0].pos_ not in ("PROPN", "NOUN") or toks[0].i == 0:
        return False
    before = ctx.doc[toks[0].i - 1]
    while before.i > 0 and (before.is_punct or before.is_space):
        before = ctx.doc[before.i - 1]
    # after a verb ("chanted “Freedom”", "suggesting “Trumpization”") the word is what was said
    return before.is_alpha and before.text.islower() and before.pos_ not in ("VERB", "AUX")


def _named_term(ctx: DocContext, q: Quoted, words: list[str]) -> bool:
    """What has become known as the ''Buffett rule'': a short phrase in marks right after "known as", "so-called",
    "dubbed" names a thing; nobody says it."""
    return len(words) <= SETTINGS.max_term_words and bool(
        ctx.rules.term_markers.search(ctx.text, max(0, q.open - 40), q.open)
    )


def _continues_paragraph_quote(ctx: DocContext, q: Quoted, done: list[RawQuote], paragraph_of) -> bool:
    """“Does anybody know?” Graham asked. “Neither do I.” — a short sentence in marks right after the speaker's own
    quote in the same paragraph goes on with it (a scare quote would not start with a capital and end a sentence)."""
    if not done or done[-1].source is None or done[-1].kind == "partial" or done[-1].quoted.close is None:
        return False
    if paragraph_of(done[-1].quoted.open) != paragraph_of(q.open):
        return False
    between = ctx.text[done[-1].quoted.close + 1 : q.open]
    return _a_sentence(ctx, q) and "“" not in between and '"' not in between


def _ends_statement(ctx: DocContext, q: Quoted, done: list[RawQuote], paragraph_of) -> bool:
    """ "I will remain as Prime Minister until a successor has been chosen. / “Thank you.”": a statement given
    paragraph by paragraph in marks ends with a short sentence as a paragraph of its own; right below the speaker's
    own paragraph quote, it is theirs, however short."""
    if not done or done[-1].source is None or done[-1].kind == "partial" or q.close is None:
        return False
    prev = done[-1].quoted
    if paragraph_of(q.open) - paragraph_of(prev.open) != 1 or not (
        _whole_paragraph(ctx.text, *prev.outer) and _whole_paragraph(ctx.text, *q.outer)
    ):
        return False
    return _a_sentence(ctx, q)


def _a_sentence(ctx: DocContext, q: Quoted) -> bool:
    """The quoted words are a sentence: a capital first, a closing full stop, question or exclamation mark last."""
    content = ctx.text[q.start : q.end].rstrip()
    return content[:1].isupper() and content[-1:] in ".?!"


def _whole_paragraph(text: str, start: int, end: int) -> bool:
    """Nothing but the stretch from `start` to `end` is on its line."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return not text[line_start:start].strip() and not text[end : line_end if line_end != -1 else len(text)].strip()


def _has_verb(ctx: DocContext, q: Quoted) -> bool:
    return any(t.pos_ in ("VERB", "AUX") for t in _tokens_in(ctx, q.start, q.end))


def _paragraph_index(text: str):
    """The paragraph number of an offset: a run of line breaks (a blank line between paragraphs) is one break."""
    breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(text)]

    def index(offset: int) -> int:
        from bisect import bisect_right

        return bisect_right(breaks, offset)

    return index


def _holding_attribution(q: Quoted, reported: list[RawAttribution]) -> Optional[RawAttribution]:
    """The attribution whose content holds the quote; of nested ones the innermost ("The authority said the company
    reported the crew “dropped anchors”" -> the company), passing over a finding or a belief held by another."""
    holders = []
    for a in reported:
        if a.carries_speech:
            continue  # "“...,” Smith said, according to the AP": Smith said it; the AP only carries it
        if a.cue == ":" and q.start <= a.cue_span[0] < a.content[0][0] <= q.end:
            return a  # a quoted transcript turn, '"PENCE: Well, ...': the label inside the marks names the speaker
        for s, e in a.content:
            if s <= q.start and q.end <= e + 1 and (s, e) != (q.start, q.end):
                holders.append((e - s, a))
                break
    holders.sort(key=lambda h: h[0])
    speaking = [a for _, a in holders if not _mute(a)]
    # "The board said it removed him after a review found he was “not consistently candid”", "The prosecutor said
    # detectives believe he came “with a plan”": a finding or a belief inside speech is the speaker's words (a belief
    # is no one's utterance; the one who speaks chose the quoted words)
    spoken = [a for a in speaking if a.cue_kind not in ("evidence", "belief")]
    return (spoken or speaking or [a for _, a in holders] or [None])[0]


def _read_out(ctx: DocContext, holder: RawAttribution) -> Optional[RawAttribution]:
    """ "Derzis read a statement that Russell's attorney, Emory Anthony, provided ... confirming that “there was no
    kidnapping.”": words held by a verb of reading out (rules/en/reading_verbs.txt) whose object is a document are
    the document's author's, the first person or organisation named after it, not the reader's."""
    cue = ctx.doc[holder.cue_token]
    if cue.lemma_.lower() not in ctx.rules.reading_verbs:
        return None
    text = next((c for c in cue.children if c.dep_ == "dobj" and c.lemma_.lower() in ctx.rules.document_nouns), None)
    author = named_after(ctx.table, text) if text is not None else []  # at most one
    source = speaker_source(ctx, author[0]) if author else None
    return replace(holder, source=source) if source is not None and source.entity is not None else None


def _mute(a: RawAttribution) -> bool:
    """ "Ressa said the prize shows that “nothing is possible without facts”": a thing that shows or suggests
    (no person, group, body or document) holds no one's words; the attribution around it does."""
    src = a.source
    return (
        a.cue_kind != "speech"
        and src.entity is None
        and src.type == "unnamed"
        and src.span.root.pos_ == "NOUN"
        and (src.span.root.tag_ != "NNS")
    )


def _right_after_cue(ctx: DocContext, q: Quoted, holder: RawAttribution) -> bool:
    """'She further added, "At the same time, they are ...," as per Reuters.': a quotation that opens right after its
    cue and a comma or colon, with a capital, is the cue's direct quote, though the parser ran the cue's content on
    past it."""
    between = ctx.text[holder.cue_span[1] : q.open]
    first = ctx.text[q.start : q.start + 1]
    return between.strip() in (",", ":") and (first.isupper() or first.isdigit())


def _only_the_quote(ctx: DocContext, q: Quoted, holder: RawAttribution) -> bool:
    """ "6 “JECFA also considered ...,” said Dr Smith": a speech cue's content that is the quotation and no word
    besides (a paragraph's number, punctuation) is the cue's direct quote, not a partial one."""
    if holder.cue_kind != "speech":
        return False  # "“...,” Tom Reed believes": a belief holds the words, never speaks a quotation
    s, e = holder.content[0][0], holder.content[-1][1]
    rest = ctx.text[s : q.open] + ctx.text[q.outer[1] : e]
    return not any(c.isalpha() for c in rest)


def _nested_speaker(ctx: DocContext, q: Quoted, holder: RawAttribution) -> Optional[tuple[Source, Token]]:
    """ "Phillips said he heard students shout, “Build that wall!”": reported speech that reports someone else's
    words. The nearest speech cue before the quote inside the reported content, with a subject of its own that is
    not the reporter, speaks the quote (the students, not Phillips)."""
    doc = ctx.doc
    opening = doc.char_span(q.open, q.open + 1, alignment_mode="expand")
    if opening is None:
        return None
    start = holder.content[0][0]
    j = opening.start - 1
    while j >= 0 and (doc[j].text in (",", ":") or doc[j].is_space):
        j -= 1
    first = ctx.text[q.start : q.start + 1]
    t = doc[j] if j >= 0 else None
    if t is not None and t.lower_ == "that" and t.dep_ == "mark" and t.head.dep_ == "ccomp" and t.head.i > j:
        # "He said the caller told the dispatcher that “now everything is burning.”": a whole clause quoted after
        # "that", the inner cue's
        t = t.head.head
    elif not (first.isupper() or first.isdigit()):
        return None  # a phrase taken into the reporter's sentence (described it as “the gold standard”) is theirs
    if t is not None and t.idx >= start and t.i != holder.cue_token:
        if not ctx.is_cue(t):
            return None
        subj = subject_of(t)
        if subj is None or ctx.inside_quote[subj.i] or subj.idx < start:
            return None
        source = speaker_source(ctx, subj)
        if source is None or (source.entity is not None and source.entity is holder.source.entity):
            return None
        if source.entity is None and source.span.root.i == holder.source.span.root.i:
            return None
        return source, t
    return None


def _tokens_in(ctx: DocContext, start: int, end: int) -> list[Token]:
    """The tokens between two offsets; none when the range is empty or reversed (a content that runs past the pronoun
    of the next quote's cue: "promised to ... because, in her words, “...”")."""
    if start >= end:
        return []
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _cue_after(ctx: DocContext, q: Quoted) -> Optional[tuple[Source, Token]]:
    """“...,” he said / “...,” said Smith / “...” Heyman told the publication."""
    if q.close is None:
        return None
    doc = ctx.doc
    after = doc.char_span(q.close, q.close + 1, alignment_mode="expand")
    if after is None:
        return None
    i = after.end
    stop = min(len(doc), i + SETTINGS.look_after)
    # closed by a comma, a question or an exclamation mark inside the marks: a quotation a tag follows, not a term
    # ("a “debate” that turns into questions asked of the candidates")
    tagged = _closing(ctx, q) in (",", "?", "!")
    terms = _terms_in_tag(ctx, q, i, stop) if tagged else {}
    j = i - 1
    while j + 1 < stop:
        j += 1
        t = doc[j]
        if j in terms:
            j = terms[j]  # "“...,” delegate Tom Baker, wearing “Vote Smith” pins, said": a term the tag quotes
            continue
        if (
            ctx.is_mark[j]
            or (t.text in (".", "!", "?", ";") and j > i)
            or "\n" in t.text
            or ("\n" in t.whitespace_ and not ctx.is_cue(t))
        ):
            if ctx.is_cue(t):
                break
            return None
        if (
            ctx.is_cue(t)
            and t.tag_ == "VBN"
            and not any(c.dep_ in ("aux", "nsubj") for c in t.children)
            and not (tagged and j > i and doc[j - 1].pos_ in ("PROPN", "NOUN") and not ctx.is_mark[j - 1])
        ):
            continue  # "..., he sniffed when asked about it": the one asked is not the one quoted (but a past form the
            # tagger took for a participle right after a noun tags the quote: "“...,” Nate Silver, the pollster who
            # founded the site tweeted on Wednesday")
        if (
            ctx.is_cue(t)
            and t.dep_ == "relcl"
            and t.head.i >= i
            and any(a.i > t.i and ctx.is_cue(a) for a in t.ancestors)
        ):
            continue  # "“...,” an official who spoke on condition of anonymity told reporters": the clause's cue
        if ctx.is_cue(t) and t.tag_ == "VBG" and j <= i + 1 and not any(c.dep_ == "nsubj" for c in t.children):
            return None  # "Peabody said: “...,” adding that ...": the participle goes on for the speaker named before
        if ctx.is_cue(t) and (_says_something_else(ctx, q, t) or _clause_of_its_own(ctx, q, t)):
            return None
        if ctx.is_cue(t):
            src = _speaker_of_cue(ctx, t, after_char=q.close)
            if src is not None:
                return src, t
            return None
    return None


def _terms_in_tag(ctx: DocContext, q: Quoted, i: int, stop: int) -> dict[int, int]:
    """The quoted terms inside the words after a quotation that a tag follows, as the token of each one's opening mark
    and of its closing mark: a closed quotation that ends in no punctuation, opened after a comma in the tag (a name, a
    slogan: "“...,” delegate Tom Baker, wearing “Vote Smith” pins, said"), is part of the tag, not a new quotation."""
    doc = ctx.doc
    out = {}
    for other in ctx.quoted:
        if other.close is None or other.open <= q.open or other.open >= doc[stop - 1].idx:
            continue
        if _closing(ctx, other) in (",", ".", "?", "!", ";", ":") or "\n" in ctx.text[q.close : other.close]:
            continue
        if "," not in ctx.text[q.close + 1 : other.open].strip(' ,\u201d"'):
            continue
        a = doc.char_span(other.open, other.open + 1, alignment_mode="expand")
        b = doc.char_span(other.close, other.close + 1, alignment_mode="expand")
        if a is not None and b is not None and i <= a.start:
            out[a.start] = b.start
    return out


def _closing(ctx: DocContext, q: Quoted) -> str:
    """The last character inside a quotation's marks: "," or "?" before a tag, "." at a sentence's end."""
    return ctx.text[q.start : q.end].rstrip()[-1:]


_TAG_SUBJECT = ("PROPN", "NOUN", "PRON")
_TAG_WORDS = _TAG_SUBJECT + ("DET", "ADJ")
# what may follow a dialogue tag's verb: the sentence's end, a comma, a particle ("shot back"), a manner phrase
# ("with a laugh", "angrily") or another clause ("and a guard escorted him out")
_TAG_FOLLOWERS = ("ADP", "ADV", "CCONJ", "PART")


def _dialogue_tag(ctx: DocContext, q: Quoted) -> Optional[tuple[Source, Token]]:
    """ "“Would it be negotiable?” Hannity pressed." / "“Go back,” Trump barked and ..." / "“Is he profiling?” reacted
    Trump.": a quotation closed by a comma, a question or an exclamation mark inside its marks, then a short subject
    and a verb (or the verb, then the subject) and nothing the verb says (the sentence ends, or a particle, a manner
    phrase or another clause follows): the dialogue tag of any house style, whatever its verb, when no verb of saying
    is near."""
    if q.close is None or _closing(ctx, q) not in (",", "?", "!"):
        return None
    doc = ctx.doc
    after = doc.char_span(q.close, q.close + 1, alignment_mode="expand")
    if after is None or after.end + 1 >= len(doc):
        return None
    j = after.end
    words = _tag_subject(ctx, j)
    noun_cue = len(words) > 1 and _noun_cue(ctx, words[-1], words[-2])
    if noun_cue:
        words = words[:-1]  # "“...,” the post read.": the tag's verb, which the tagger made the subject's noun
    if words:
        j += len(words)
        if j + 1 >= len(doc) or "\n" in words[-1].whitespace_:
            return None
        verb, nxt = doc[j], doc[j + 1]
    else:  # inverted: the verb first
        verb = doc[j]
        words = _tag_subject(ctx, j + 1) if "\n" not in verb.whitespace_ else []
        if not words or j + len(words) + 1 >= len(doc) or doc[j + len(words) + 1].text not in (".", ",", "!"):
            return None
        if words[-1].dep_ not in ("nsubj", "nsubjpass"):
            return None  # "known as the “clean air rule,” passed the Senate.": the verb's object, no speaker
        nxt = doc[j + 1]
    if not noun_cue and (verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBZ", "VBN") or "\n" in verb.whitespace_):
        return None
    if verb.tag_ == "VBN" and nxt.pos_ == "ADP":
        return None  # "“anybodybuttrump.us,” a website linked to a group": a participle on the noun, no tag
    if not (nxt.text in (".", ",", "!") or nxt.pos_ in _TAG_FOLLOWERS or nxt.i == words[0].i):
        return None
    if any(
        c.dep_ in ("dobj", "ccomp", "xcomp") and c.i > verb.i and c.i not in {w.i for w in words} for c in verb.children
    ):
        return None  # "“...,” the crowd roared its approval": the verb has an object of its own, no tag
    if noun_cue:  # the parser hung the determiner on the noun-tagged verb: the phrase is the run before it
        src = make_source(ctx.table, doc[words[0].i : words[-1].i + 1], ctx.rules, ctx.pronouns, quoted_person=True)
    else:
        src = speaker_source(ctx, words[-1])
    return (src, verb) if src is not None else None


def _noun_cue(ctx: DocContext, tok: Token, before: Token) -> bool:
    """ "“...,” the post read." / "“...,” the caption reads.": the last word of a dialogue tag's subject run is a
    finite verb of saying that the tagger made a noun: lower-case, ending the sentence or its clause, after a
    singular noun, and spelled as a cue verb's third person ("reads", "says") or as a past that is its base ("read":
    past_as_base.txt); never a bare base form ("“...,” the police report." is no tag)."""
    if tok.tag_ not in ("NN", "NNS") or not tok.is_lower or before.tag_ not in ("NN", "NNP"):
        return False
    nxt = ctx.doc[tok.i + 1] if tok.i + 1 < len(ctx.doc) else None
    if nxt is None or nxt.text not in (".", ",", "!") or "\n" in tok.whitespace_:
        return False
    word, cues = tok.lower_, ctx.rules.cue_verbs
    if word in ctx.rules.past_as_base:
        return word in cues
    return word.endswith("s") and word[:-1] in cues


def _verbless_tag(ctx: DocContext, q: Quoted) -> Optional[Source]:
    """ "“...,” NASA Administrator Bill Nelson. “...”": a rewrite that dropped the tag's verb leaves a person's name
    (a short subject that holds a person) and a full stop after a quote closed by a comma; the name speaks it."""
    if q.close is None or _closing(ctx, q) != ",":
        return None
    after = ctx.doc.char_span(q.close, q.close + 1, alignment_mode="expand")
    if after is None:
        return None
    words = _tag_subject(ctx, after.end)
    end = after.end + len(words)
    if not words or end >= len(ctx.doc) or ctx.doc[end].text != "." or "\n" in words[-1].whitespace_:
        return None
    if not any(w.ent_type_ == "PERSON" for w in words):
        return None
    return speaker_source(ctx, words[-1])


def _tag_subject(ctx: DocContext, j: int) -> list[Token]:
    """The short noun phrase from token `j` on that may speak a dialogue tag ("Hannity", "the crowd", "he"), ending in
    a noun, a name or a pronoun, on one line; none when there is none (or a relative pronoun: "the Turkish “offensive,”
    which went through ...")."""
    doc = ctx.doc
    words: list[Token] = []
    while j < len(doc) and doc[j].pos_ in _TAG_WORDS and not ctx.is_mark[j]:
        if len(words) == SETTINGS.max_tag_subject_words or (words and "\n" in words[-1].whitespace_):
            return []
        words.append(doc[j])
        j += 1
    if not words or words[-1].pos_ not in _TAG_SUBJECT or words[0].tag_ in ("WDT", "WP"):
        return []
    return words


def _says_something_else(ctx: DocContext, q: Quoted, cue: Token) -> bool:
    """“They saved lives last night.” Colonel Butler announced that the search was over: a quote closed by a full
    stop, then a cue with a content clause of its own (or a quotation of its own: “Please rise.” The forewoman
    replied “guilty”), is a new statement, not the quote's attribution."""
    closed = _closing(ctx, q) in (".", "!", "?")
    own_quote = any(ctx.is_mark[t.i] and t.idx > cue.idx for t in cue.subtree)
    return closed and (own_quote or any(c.dep_ == "ccomp" and c.idx > q.close for c in cue.children))


def _clause_of_its_own(ctx: DocContext, q: Quoted, cue: Token) -> bool:
    """ "The agency rated the drug a “possible” risk, while a second panel said it was safe": a cue after the quote in
    a subordinate clause of its own, opened after the closing mark by a subordinating word (rules/en/clause_openers.txt:
    "while", "although"; not "as": "“...,” as she put it") and hung on a verb before the opening mark, says something
    else; the quote belongs to the clause it stands in. The clause may hang on a quoted word ("Musk accused Reuters of
    “lying” after the outlet reported that ...": the parser takes the quoted verb for its head), and the cue may stand
    deeper inside it ("... after the outlet published a report claiming ..."). So does a coordinate clause with a
    subject of its own ("The mayor called it “broken”, and council members have called for ...")."""
    if (
        cue.dep_ == "conj"
        and cue.head.idx < q.open
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.idx > q.close for c in cue.children)
        and any(c.dep_ == "cc" and q.close < c.idx < cue.idx for c in cue.head.children)
    ):
        return True  # "The mayor called it “broken”, and council members have called for ...": a clause of its own
    clause = cue
    while clause.dep_ != "advcl" and clause.head.i != clause.i and clause.head.idx > q.close:
        clause = clause.head  # "... after the outlet published a report claiming ...": the cue inside that clause
    if clause.dep_ != "advcl" or clause.head.idx >= q.close:
        return False
    return any(
        c.dep_ == "mark" and q.close < c.idx < clause.idx and c.lower_ in ctx.rules.clause_openers
        for c in clause.children
    )


def _speaker_of_cue(ctx: DocContext, cue: Token, after_char: int, before_quote: bool = False) -> Optional[Source]:
    subj = subject_of(cue)
    if (
        subj is not None
        and subj.idx > after_char
        and not ctx.inside_quote[subj.i]
        and not ctx.is_mark[subj.i]
        and not _in_brackets(subj)
    ):
        src = _subject_source(ctx, subj)
        return src.as_said_by(relative_subject(cue)) if src is not None else None
    if _subject_around(ctx, subj, cue, after_char):
        # "the union called Clinton a “champion” for its members, citing ...": the quote sits inside the clause of a
        # subject named before it, who speaks it (not a noun between the mark and the cue)
        src = speaker_source(ctx, subj)
        if src is not None:
            return src.as_said_by(relative_subject(cue))
    doc = ctx.doc
    # the parser took a word inside the quote as subject: use the words between the mark and the cue
    between, depth, aside = [], 0, False
    for t in doc[: cue.i]:
        if t.idx <= after_char:
            continue
        if t.text == ",":
            # "Ohio delegate Tom Baker, wearing a red hat and “Vote Smith” pins, said": a participle's aside between
            # commas is about the speaker, not the speaker
            aside = between != [] and not aside and t.i + 1 < cue.i and doc[t.i + 1].tag_ in ("VBG", "VBN")
            continue
        if aside:
            continue
        depth += (t.text == "(") - (t.text == ")")
        age = t.like_num and t.i > 0 and doc[t.i - 1].text == ","  # "Ramos, 58, told AFP": his age, not him
        if depth == 0 and t.text != ")" and not ctx.is_mark[t.i] and not t.is_punct and not t.is_space and not age:
            between.append(t)  # "Rep. Elijah Cummings (D-Md.) said": the party and state in brackets are not him
    if between and between[-1].pos_ in ("PROPN", "PRON", "NOUN"):
        return speaker_source(ctx, _head_of_modifiers(between[-1], between))
    if before_quote:
        named = _name_before(ctx, cue)
        if named is not None:
            return speaker_source(ctx, named)
    if _imperative(cue):
        return None  # "“...” (Read more stories.)": a verb in its base form with no subject addresses the reader
    # inverted: "said Smith", "said the official"
    for t in doc[cue.i + 1 : min(len(doc), cue.i + 6)]:
        if t.dep_ == "mark" or t.lower_ == "that":
            break  # "..., adding that its value rose": what follows is the content, not the speaker
        if t.pos_ in ("PROPN", "NOUN", "PRON") and not ctx.inside_quote[t.i] and t.dep_ != "poss":
            if t.dep_ == "pobj":
                return None  # "... asked about the flood": the object of a preposition does not speak
            head = t
            while head.head.i != head.i and head.dep_ in ("compound", "flat", "amod", "det") and head.head.i > head.i:
                head = head.head
            comma = head.i + 1 < len(doc) and doc[head.i + 1].text == ","  # "said Ben Carson, asked about it"
            if head.dep_ in ("nsubj", "nsubjpass") and head.head.i != cue.i and not comma:
                return None  # "..., said the first case was ...": the subject of what was said, not the speaker
            if head.dep_ in ("dobj", "dative", "oprd") and head.head.i == cue.i and (before_quote or between):
                # "a statement calling the test “a violation”", "“lone wolves” and describe their actions": the one
                # spoken of; right after the quote ("''...,'' recalled James Cunningham") the parser's object speaks
                return None
            return speaker_source(ctx, head)
        if ctx.is_mark[t.i] or t.text in (".", ";"):
            break
    return None


def _imperative(cue: Token) -> bool:
    """The cue opens its sentence or bracket in its base form with no subject or auxiliary of its own ("Read more
    stories.", "(Watch the interview)"): an instruction to the reader, whose object never speaks."""
    prev = cue.doc[cue.i - 1] if cue.i > 0 else None
    opens = prev is None or cue.i == cue.sent.start or prev.text in ("(", "[", ".", "!", "?") or prev.is_space
    return (
        opens and cue.tag_ == "VB" and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in cue.children)
    )


def _head_of_modifiers(last: Token, between: list[Token]) -> Token:
    """The noun a word right before the cue modifies, within `between`: "a nurse at the local hospital said",
    "a man who lives near the harbour said" speak as the nurse and the man, not the hospital or the harbour."""
    inside = {t.i for t in between}
    word = last
    while (
        word.dep_ in ("pobj", "prep", "dobj", "relcl", "acl", "appos")
        and word.head.i in inside
        and word.head.i != word.i
    ):
        word = word.head
    return word if word.pos_ in ("PROPN", "PRON", "NOUN", "NUM") else last


def _subject_source(ctx: DocContext, subj: Token) -> Optional[Source]:
    """The source a cue's subject names; the narrator too ("“I am not shy,” I said."), who is never a source of
    reported speech but speaks the words quoted (not whoever was quoted before)."""
    src = speaker_source(ctx, subj)
    if src is None and subj.dep_ == "nsubj" and ctx.rules.pronouns.get(subj.lower_) == "speaker":
        return Source(subj.doc[subj.i : subj.i + 1], None, subj.text, "person")
    return src


def _name_before(ctx: DocContext, cue: Token) -> Optional[Token]:
    """ "In a statement, her adviser, Jake Sullivan, said: “...”" with the parser's subject lost: a person's name right
    before the cue (commas and an age in commas aside: "Outside his newsroom, Muratov, 59, told reporters, “...”",
    where a name with an age is a person whatever the tagger says) says it."""
    doc = ctx.doc
    j = cue.i - 1
    while j >= 0 and doc[j].text == ",":
        j -= 1
    aged = j >= 2 and doc[j].like_num and doc[j - 1].text == ","  # "Muratov, 59, told": a person's age
    if aged:
        j -= 2
    t = doc[j] if j >= 0 else None
    if t is None or ctx.inside_quote[t.i] or t.pos_ != "PROPN" or (t.ent_type_ != "PERSON" and not aged):
        return None
    return t


def _subject_around(ctx: DocContext, subj: Optional[Token], cue: Token, after_char: int) -> bool:
    """The cue's subject stands before the quote, in the cue's sentence (no full stop between them outside quotation
    marks: the parser's sentences run over a quote's marks), outside quotation marks."""
    return (
        subj is not None
        and subj.idx < after_char
        and subj.sent.start == cue.sent.start
        and not ctx.inside_quote[subj.i]
        and not ctx.is_mark[subj.i]
        and not any(
            t.text in (".", "!", "?") and not ctx.inside_quote[t.i]
            for t in ctx.doc[subj.i : cue.i]
            if t.idx < after_char
        )
    )


def _in_brackets(tok: Token) -> bool:
    for t in reversed(tok.doc[tok.sent.start : tok.i]):
        if t.text == ")":
            return False
        if t.text == "(":
            return True
    return False


def _quote_cue(ctx: DocContext, q: Quoted, quote_cues: list[RawAttribution]) -> Optional[tuple[Source, Token]]:
    """A cue whose clausal complement the parser found inside this very quote."""
    lo, hi = q.outer
    for a in quote_cues:
        for s, e in a.content:
            if lo <= s and e <= hi + 1:  # the content may keep the marks ("According to X, “...”")
                return a.source, ctx.doc[a.cue_token]
    return None


def _cue_before(ctx: DocContext, q: Quoted) -> Optional[tuple[Source, Token]]:
    """He said: “...” / Heyman said of Soleimani “...” / “A,” he said, “B.” — the nearest cue before the opening
    mark, in the same sentence or ending the previous one with a colon."""
    doc = ctx.doc
    opening = doc.char_span(q.open, q.open + 1, alignment_mode="expand")
    if opening is None:
        return None
    j = opening.start - 1
    steps = 0
    while j >= 0 and steps < 25:
        t = doc[j]
        if "\n" in t.text or "\n" in t.whitespace_:
            # a paragraph ending "... he said:" introduces the quote below it
            if t.text != ":":
                return None
        if ctx.is_cue(t) and _infinitive_on_noun(t):
            j -= 1  # "hoped to find the energy to continue as leader, “...”": the cue of no one, look further back
            steps += 1
            continue
        if ctx.is_cue(t):
            subj = subject_of(t)
            if subj is not None and not ctx.inside_quote[subj.i] and not ctx.is_mark[subj.i]:
                src = _subject_source(ctx, subj)
                if src is not None:
                    return src.as_said_by(relative_subject(t)), t
            src = (
                _speaker_of_cue(ctx, t, after_char=t.idx, before_quote=True)
                or _after_participle(ctx, t, q)
                or _issuer(ctx, t)
            )
            return (src, t) if src is not None else None
        if t.text in (".", "!", "?") and not ctx.inside_quote[j]:
            return None
        j -= 1
        steps += 1
    return None


def _infinitive_on_noun(cue: Token) -> bool:
    """A verb of saying in the to-infinitive whose parser's subject is a common noun before it: the infinitive
    describes that noun ("the energy to continue", "the courage to speak", "time to say goodbye"), so no one says
    anything through it ("went on to say" has no subject of its own and still cues)."""
    return (
        cue.tag_ == "VB"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in cue.children)
        and any(c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.i < cue.i for c in cue.children)
    )


def _issuer(ctx: DocContext, cue: Token) -> Optional[Source]:
    """ "she released a statement saying, “...”", "the campaign sent out a text message saying: “...”": a participle on
    the object of a verb of issuing (rules/en/issuing_verbs.txt) is said by that verb's subject; so is one the parser
    hung on the recipient ("sent an email to donors stating, “...”")."""
    if cue.tag_ != "VBG" or cue.dep_ != "acl" or cue.head.pos_ != "NOUN" or cue.head.dep_ not in ("dobj", "pobj"):
        return None
    verb = cue.head.head
    if cue.head.dep_ == "pobj":
        # "sent an email to donors stating, “...”": the parser hung the participle on the recipient
        if verb.head.pos_ != "VERB" or not any(c.dep_ == "dobj" for c in verb.head.children):
            return None
        verb = verb.head
    if verb.lemma_.lower() not in ctx.rules.issuing_verbs:
        return None
    subj = subject_of(verb)
    if subj is None or ctx.inside_quote[subj.i]:
        return None
    return _subject_source(ctx, subj)


def _as_clause(ctx: DocContext, q: Quoted) -> Optional[tuple[Source, Token]]:
    """ "As the senator put it, “...”", "as the band sang back in 1985, “...”": an "as" clause ending at a comma right
    before the opening mark, whose verb is a cue verb or one of rules/en/as_quote_verbs.txt, is said by its subject."""
    doc = ctx.doc
    opening = doc.char_span(q.open, q.open + 1, alignment_mode="expand")
    if opening is None:
        return None
    j = opening.start - 1
    if j < 1 or doc[j].text not in (",", ":"):
        return None
    for t in reversed(doc[max(0, j - SETTINGS.max_as_clause_words) : j]):
        if t.text in (".", "!", "?", ";") or "\n" in t.whitespace_ or ctx.is_mark[t.i]:
            return None
        if t.lower_ != "as" or t.dep_ != "mark":
            continue
        verb = t.head
        if not (t.i < verb.i < j) or not (verb.lemma_.lower() in ctx.rules.as_quote_verbs or ctx.is_cue(verb)):
            return None
        subj = subject_of(verb)
        if subj is None or not (t.i < subj.i < verb.i):
            return None
        src = _subject_source(ctx, subj)
        return (src, verb) if src is not None else None
    return None


def _after_participle(ctx: DocContext, cue: Token, q: Quoted) -> Optional[Source]:
    """ "Citing “limited evidence” in humans, the agency classified it as ...": a participle opening the sentence, with
    the quote in its phrase, is said by the subject of the clause after the phrase's comma, whatever the parser made
    of it: the first noun after that comma, when a verb follows it."""
    if cue.tag_ != "VBG" or cue.i != cue.sent.start or q.close is None:
        return None
    doc = ctx.doc
    comma = next((t for t in doc[cue.i : cue.sent.end] if t.text == "," and t.idx > q.close), None)
    if comma is None:
        return None
    for t in doc[comma.i + 1 : min(cue.sent.end, comma.i + 6)]:
        if t.pos_ in ("PROPN", "NOUN") and not ctx.inside_quote[t.i]:
            head = t
            while head.i + 1 < cue.sent.end and doc[head.i + 1].pos_ == t.pos_:
                head = doc[head.i + 1]  # "the health agency", "IARC" or "World Health Organization"
            after = doc[head.i + 1] if head.i + 1 < len(doc) else None
            # a verb, or a past form the tagger took for an adjective ("IARC classified/JJ sucralose")
            if after is None or not (after.tag_ in ("VBD", "VBZ", "VBP", "VBN", "MD") or after.lower_.endswith("ed")):
                return None
            return speaker_source(ctx, head)
        if t.pos_ not in ("DET", "ADJ", "NUM"):
            return None
    return None


_BY_AFTER = re.compile(r"[ ,]*by ")


def _passive_by(ctx: DocContext, q: Quoted) -> Optional[tuple[Source, Token]]:
    """ "a feat described as a “seemingly impossible task” by Anna Wedell", "was called “reckless” by the senator": a
    quote right after a speech verb in the passive (or after its "as a"), with "by" and a name or noun right after its
    closing mark, is the words of the one after "by" (whatever the parser hung the "by" on)."""
    if q.close is None:
        return None
    m = _BY_AFTER.match(ctx.text, q.close + 1)
    if m is None:
        return None
    by = ctx.doc.char_span(m.end() - 3, m.end() - 1, alignment_mode="expand")
    opening = ctx.doc.char_span(q.open, q.open + 1, alignment_mode="expand")
    if by is None or opening is None:
        return None
    obj = next((c for c in by[0].children if c.dep_ == "pobj" and c.pos_ in ("PROPN", "NOUN")), None)
    if obj is None:
        return None
    for j in range(opening.start - 1, max(opening[0].sent.start, opening.start - 4) - 1, -1):
        t = ctx.doc[j]
        if ctx.is_cue(t) and t.tag_ == "VBN":
            source = speaker_source(ctx, obj)
            return (source, t) if source is not None else None
        if t.lower_ not in ("as", "a", "an", "the"):
            return None  # "reported in a “hit piece” by the Times": the quote is no complement of the verb
    return None


def _colon_intro(ctx: DocContext, q: Quoted) -> Optional[tuple[Source, Token]]:
    """Sanders made the following comment: “...” — a colon right before the quote, the sentence's subject."""
    text = ctx.text
    i = q.open - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    if i < 0 or text[i] != ":":
        return None
    colon = ctx.doc.char_span(i, i + 1, alignment_mode="expand")
    if colon is None:
        return None
    doc = ctx.doc
    labelled = _name_label(ctx, colon[0])
    if labelled is not None:
        return labelled, colon[0]
    start = colon[0].sent.start
    said = None
    for j in range(colon.start - 1, start - 1, -1):
        verb = doc[j]
        if ctx.inside_quote[j] or ctx.is_mark[j]:
            return None
        if verb.pos_ not in ("VERB", "AUX") or verb.dep_ in ("amod", "compound"):
            continue  # "issued the following statement:", "released a prepared statement:": a participle as adjective
        verb = _speech_above(ctx, verb)
        subj = subject_of(verb)
        if subj is None and verb.dep_ in ("xcomp", "relcl", "acl", "ccomp"):
            # "had the following to offer:", "Here's what he had to say:": the verb it hangs from has the subject
            said = said or verb
            continue
        if (
            subj is None
            or ctx.inside_quote[subj.i]
            or not (subj.pos_ in ("PROPN", "PRON") or _named_by_apposition(subj) or _can_speak(ctx, subj))
        ):
            return None
        src = speaker_source(ctx, subj)
        return (src, said or verb) if src is not None else None
    return None


def _can_speak(ctx: DocContext, subj: Token) -> bool:
    """ "A footnote in the report makes that clear:", "The campaign worded it more carefully:", "Officials ranged from
    wary to hostile:": a common noun for a document, an organisation or people, unnamed, introduces the quotation as
    well as a name does ("The results were clear:" does not). A copular clause only describes its subject ("The
    figures were stark:", "The poll was clear:"): its noun introduces nothing, whatever the noun."""
    lemma = subj.lemma_.lower()
    rules = ctx.rules
    if subj.head.lemma_ == "be":
        return False
    return subj.pos_ == "NOUN" and (
        lemma in rules.document_nouns
        or lemma in rules.organisation_words
        or lemma in rules.government_nouns
        or describes_one_person(subj, rules)
        or described_group(subj, rules)
    )


def _speech_above(ctx: DocContext, verb: Token) -> Token:
    """ "Brzeski said the bank had to go big: “...”": the nearest verb before the colon sits in what a speech verb
    reports; that speech verb, not the reported clause's, introduces the quotation."""
    if ctx.is_cue(verb):
        return verb  # "Smith said Jones told reporters: “...”": the nearest speech verb is Jones's
    t = verb
    while t.dep_ in ("xcomp", "ccomp", "conj", "aux") and t.head.i < t.i:
        if t.dep_ == "conj" and subject_of(t) is not None:
            return verb  # "Brzeski spoke first and Hall added: “...”": a clause with its own subject
        t = t.head
        if ctx.is_cue(t):
            return t
    return verb


def _name_label(ctx: DocContext, colon: Token) -> Optional[Source]:
    """'Clinton: "...". Bush: “...”', "Former secretary of state Jane Roe: “...”": a person's name (with its title)
    and nothing else between the previous sentence, quote or line and the colon labels the quote that follows."""
    doc = ctx.doc
    j = colon.i - 1
    if j < 0 or ctx.inside_quote[j]:
        return None
    named = ctx.table.at(doc[j])
    person = doc[j].ent_type_ == "PERSON" or (named is not None and "PERSON" in named.labels)
    if doc[j].pos_ != "PROPN" and not person:
        return None
    k = j
    while k - 1 >= 0 and j - k < SETTINGS.max_label_words:
        t = doc[k - 1]
        if ctx.is_mark[t.i] or t.text in (".", "!", "?", ";", "-", "–", "—") or "\n" in t.text + t.whitespace_:
            break
        if t.pos_ in ("VERB", "AUX") or ctx.inside_quote[t.i] or t.text in (",", ":", "(", ")"):
            return None
        k -= 1
    else:
        if k > 0:
            return None  # longer than a name and its title
    if not person and not any(t.ent_type_ == "PERSON" for t in doc[k:j]):
        return None
    return speaker_source(ctx, doc[j])


def _named_by_apposition(subj: Token) -> bool:
    """ "Right-wing populist Milei set to ...": a description with a name in apposition is that person."""
    return subj.pos_ == "NOUN" and any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in subj.children)


def _in_words(ctx: DocContext, q: Quoted) -> Optional[tuple[Source, Token]]:
    """In her words, “...” / “...,” in the words of Tom Reed: the owner of the words, in the same sentence."""
    doc = ctx.doc
    span = doc.char_span(q.outer[0], q.outer[1], alignment_mode="expand")
    if span is None:
        return None
    sent = span[0].sent
    for t in doc[sent.start : sent.end]:
        if t.lower_ != "words" or ctx.inside_quote[t.i] or t.head.lower_ != "in":
            continue
        owner = next((c for c in t.children if c.dep_ == "poss"), None)
        if owner is None:
            of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            owner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if owner is None:
            continue
        src = speaker_source(ctx, owner)
        if src is not None:
            return src, t
    return None


def _embedded(ctx: DocContext, q: Quoted, cue: Optional[Token]) -> bool:
    """A quoted phrase inside a sentence of the writer's ("... described it as “a disaster” on Monday")."""
    if cue is None:
        return False
    toks = _tokens_in(ctx, q.start, q.end)
    if not toks:
        return False
    head = toks[0]
    while head.head.i != head.i and q.start <= head.head.idx < q.end:
        head = head.head
    if head.dep_ in ("dobj", "pobj", "attr", "oprd", "npadvmod", "amod", "compound") and head.head.i == cue.i:
        return True
    # "classified it as “possibly” carcinogenic": one word that modifies a word of the cue's clause outside the marks
    return (
        len([t for t in toks if not t.is_punct]) == 1
        and head.dep_ not in ("ccomp", "parataxis", "conj", "xcomp", "ROOT")
        and not (q.start <= head.head.idx < q.end)
        and head.head.i != head.i
        and cue.i in [a.i for a in head.head.ancestors] + [head.head.i]
        and ctx.text[q.start : q.start + 1].islower()
    )


def _previous_speaker(
    ctx: DocContext, done: list[RawQuote], reported: list[RawAttribution], q: Quoted, paragraph_of
) -> Optional[Source]:
    """The latest person or source quoted or cited before `q`, at most SETTINGS.context_paragraphs back. A finding
    ("the studies, showing that ...": an evidence cue) is no one's speech, so it is not a speaker to go on with."""
    here = paragraph_of(q.open)
    cands = [(p.quoted.open, p.source) for p in done if p.source is not None]
    cands += [
        (a.cue_span[0], a.source)
        for a in reported
        if a.cue_span[0] < q.open and _spoke_as_people(ctx, a.source) and a.cue_kind != "evidence"
    ]
    if not cands:
        return None
    at, source = max(cands, key=lambda c: c[0])
    return source if here - paragraph_of(at) <= SETTINGS.context_paragraphs else None


# a question's topic in brackets before the answer on a quote sheet: "(on the defense)“It was awesome ...”"
_TOPIC_LABEL = re.compile(r"^\([^()\n]{1,80}\)\s*")
_HEADING_NAME = re.compile(r"[A-Z][A-Za-z'’.\-]*(?: [A-Z][A-Za-z'’.\-]*){1,3}")


def _speaker_heading(ctx: DocContext, q: Quoted, done: list[RawQuote]) -> Optional[Source]:
    """A speaker's heading over quote-only paragraphs, the house style of collected reactions ("JANE ROE, SENIOR
    ECONOMIST, ACME BANK" or "Jane Roe, chief economist:" on a line of its own, then one or more paragraphs that open
    with a quotation mark): the name, the heading's first comma-separated part of two to four capitalised words. The
    rest of the heading must hold a person's noun ("analyst", "manager": rules/en/person_nouns.txt), or a heading
    that is only a name must be the tagger's person; a byline ("By Jane Roe, Staff Writer": rules/en/credit_lines.txt)
    is none. None unless every line between the heading and `q` opens with a quotation mark whose quotation has no
    cue of its own (“...,” said John Smith, another analyst: the heading no longer speaks below it)."""
    text = ctx.text
    end = text.rfind("\n", 0, q.open)
    if _TOPIC_LABEL.sub("", text[end + 1 : q.open].strip()):
        return None  # words before the quotation on its own line (a bracketed topic, "(on the defense)", is none)
    above, topic = 0, False
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        line, line_end = text[start:end].strip(), end
        end = start - 1
        if not line:
            continue
        if _TOPIC_LABEL.sub("", line)[:1] not in MARKS:
            if not topic and _topic_line(ctx, line):
                topic = True  # "On the three that tied the game", between the heading and its quotations
                continue
            return _heading_name(ctx, line, text.find(line, start))
        if any(start <= d.quoted.open < line_end and d.how == "cue" for d in done):
            return None  # a quotation with its own speaker's tag ends the heading's reach
        above += 1  # an earlier quotation under the same heading
        if above >= SETTINGS.max_heading_quotes:
            return None
    return None


def _role_then_name(span) -> bool:
    """A heading of a few words of role and a name the tagger calls a person ("Sophomore guard Alex Winchell"): the
    name of two or more capitalised words ends the heading, after no more than three words."""
    k = _last_person_start(span)
    if k is None:
        return False
    name = span.doc[k : span.end]
    return 0 < k - span.start <= 3 and len(name) >= 2 and all(t.text[:1].isupper() for t in name)


def _last_person_start(span) -> Optional[int]:
    """Where the tagger's last person in `span` begins, when it ends the span; else None."""
    if span[-1].ent_type_ != "PERSON":
        return None
    return max((t.i for t in span if t.ent_iob_ == "B" and t.ent_type_ == "PERSON"), default=None)


def _topic_line(ctx: DocContext, line: str) -> bool:
    """A topic line of collected quotes ("On the three that tied the game"): a short line that opens with a word of
    rules/en/topic_openers.txt and ends without a sentence's final mark."""
    words = line.split()
    return (
        1 < len(words) <= SETTINGS.max_heading_words
        and words[0].lower() in ctx.rules.topic_openers
        and line[-1] not in '.!?"”’:'
    )


def _heading_name(ctx: DocContext, line: str, at: int) -> Optional[Source]:
    words = line.rstrip(":").split()
    if ctx.rules.credit_lines.match(line.lstrip("(").strip()):
        return None  # "By Jane Roe, Staff Writer": the article's writer, no speaker
    if not words or len(words) > SETTINGS.max_heading_words or line[-1] in '.!?"”’':
        return None
    first, _, rest = line.rstrip(":").partition(",")
    span = ctx.doc.char_span(at, at + len(first.strip()), alignment_mode="expand")
    if span is None:
        return None
    if not _HEADING_NAME.fullmatch(first.strip()) and not _role_then_name(span):
        return None
    person = any(t.ent_type_ == "PERSON" for t in span)
    if not (rest and any(ctx.rules.is_person_noun(w.strip(".,;:").lower()) for w in rest.split())) and not (
        person and not rest
    ):
        return None
    name = first.strip()
    k = _last_person_start(span)
    if person and k is not None and span[0].ent_type_ != "PERSON":
        # "Head Coach Shane Steichen": the tagger's person at the end of the heading is the name, the rest a role
        span = span.doc[k : span.end]
        name = span.text
    if name.isupper():
        name = re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), name)  # "JEAN-PIERRE" -> "Jean-Pierre"
    entity = ctx.table.get_or_create(name, span, "PERSON")
    if entity.name.isupper():
        entity.name = name  # "JANE ROE" shouted in a heading is Jane Roe
    return Source(span, entity, entity.name, "person")


def _under_statute(ctx: DocContext, q: Quoted) -> Optional[Source]:
    """ "Under state law, one is guilty ... if he or she “knowingly makes a false report”", "Under another section of
    Alabama law, ...": a quotation with no cue in a sentence that opens with "Under" and a law, a rule or a part of
    one (rules/en/statute_nouns.txt) quotes that text; a part's text is the whole it is part of ("section of Alabama
    law" -> "Alabama law"). A singular "rule" with no article or with "of" is a reign ("Under British rule", "Under the
    rule of Saddam Hussein"), no text."""
    opening = ctx.doc.char_span(q.open, q.open + 1, alignment_mode="expand")
    if opening is None:
        return None
    first = opening[0].sent[0]
    if first.lower_ != "under" or first.dep_ != "prep":
        return None
    obj = next((c for c in first.children if c.dep_ == "pobj"), None)
    if obj is None or obj.lemma_.lower() not in ctx.rules.statute_nouns or obj.i >= opening.start:
        return None
    of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if (
        obj.lemma_.lower() == "rule"
        and obj.tag_ == "NN"
        and (of is not None or all(c.dep_ != "det" for c in obj.children))
    ):
        return None  # "Under British rule", "Under the rule of Saddam Hussein": a reign, no text
    whole = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if whole is not None and whole.lemma_.lower() in ctx.rules.statute_nouns:
        obj = whole  # "another section of Alabama law": the law
    span = noun_phrase(obj)
    return Source(span, None, span.text, "document")


def _spoke_as_people(ctx: DocContext, source: Source) -> bool:
    """A person, or people described without a name ("a passenger on the flight", "witnesses"), who may go on speaking
    in the quotes after their reported speech."""
    if source.type == "person":
        return True
    head = source.span.root
    return source.entity is None and (describes_one_person(head, ctx.rules) or described_group(head, ctx.rules))


def _subject_before(ctx: DocContext, q: Quoted) -> Optional[Source]:
    """ "Sen. Bernie Sanders identified young voters' exhaustion with bigotry as a reason. “The younger people are
    sick and tired of discrimination.”": a quote with no cue right after a sentence of the same paragraph whose subject
    is a named person continues that person — unless the quote speaks of them as "he" or "she"."""
    text = ctx.text
    i = q.open - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    if i < 0 or text[i] not in ".!?":
        return None
    end = ctx.doc.char_span(i, i + 1, alignment_mode="expand")
    if end is None or ctx.inside_quote[end[0].i] or ctx.is_mark[end[0].i]:
        return None
    sent = end[0].sent
    inside = [o for o in ctx.quoted if sent.start_char <= o.open < sent.end_char]
    if any(not is_title(text[o.start : o.end].split(), ctx.rules.title_small_words) for o in inside):
        return None  # a sentence with a quote of its own has its speaker already (a programme's title is no quote)
    subj = next((c for c in sent.root.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ not in ("PROPN", "PRON"):
        return None
    source = speaker_source(ctx, subj)
    if source is None or source.entity is None or source.entity.type != "PERSON":
        return None
    gender = source.entity.gender
    pronouns = {w for w, g in ctx.rules.pronouns.items() if g in ("male", "female") and (gender is None or g == gender)}
    words = {w.lower().strip(".,;:!?’'\"”“") for w in text[q.start : q.end].split()}
    if words & pronouns:
        return None  # “He is innocent.”: someone else speaks of them
    return source


def _woven_subject(ctx: DocContext, q: Quoted) -> Optional[Source]:
    """ "The committee decided to award the prize to the pair “for their efforts to safeguard ...”": a quote with no
    cue, woven into the writer's sentence (opening in lower case right after a word), is the words of that sentence's
    subject, when it names a person or body (not whoever spoke in the paragraphs before)."""
    text = ctx.text
    i = q.open - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    if i < 0 or not text[i].isalnum() or not text[q.start : q.start + 1].islower():
        return None
    opening = ctx.doc.char_span(q.open, q.open + 1, alignment_mode="expand")
    if opening is None:
        return None
    root = opening[0].sent.root
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.idx >= q.open or ctx.inside_quote[subj.i] or ctx.is_mark[subj.i]:
        return None
    source = speaker_source(ctx, subj)
    return source if source is not None and source.entity is not None and source.type != "document" else None


def _lede_speaker(done: list[RawQuote], reported: list[RawAttribution], q: Quoted, paragraph_of) -> Optional[Source]:
    """A story that opens on a quote ("“I know this is tough for everyone.” / Mark Zuckerberg has announced that
    ..."): with no one quoted or cited before it, the named person whose speech the next paragraph reports."""
    if done or any(a.cue_span[0] < q.open for a in reported):
        return None
    here = paragraph_of(q.open)
    after = [a for a in reported if a.cue_span[0] > q.end and paragraph_of(a.cue_span[0]) == here + 1]
    first = min(after, key=lambda a: a.cue_span[0], default=None)
    if first is None or first.source.type != "person" or first.source.entity is None:
        return None
    return first.source


def _credit_only(span, head: Token) -> bool:
    """Nothing but the outlet's name follows the dash (brackets and punctuation aside): "- AFP", "— Reuters.", the
    credit line of a wire story, not "— Jane Roe, AFP correspondent" (a signature that names a person first)."""
    return all(t.i <= head.i or t.is_punct or t.is_space for t in span)


def _between_dashes(text: str, at: int) -> bool:
    """A dash (a spaced hyphen included) opens an aside earlier in the sentence and paragraph of offset `at`."""
    start = max(text.rfind(c, 0, at) for c in ".!?\n")
    before = text[start + 1 : at]
    return any(c in before for c in "―—–") or " - " in before


def _dash_signature(ctx: DocContext, q: Quoted) -> Optional[Source]:
    """“...” ― Pamela Padilla: a name signed after a dash, as in reader comments and epigraphs."""
    if q.close is None:
        return None
    text = ctx.text
    i = q.close + 1
    while i < len(text) and text[i] in " \u00a0\t":
        i += 1
    below = False
    if i < len(text) and text[i] == "\n" and _whole_paragraph(text, q.open, q.close + 1):
        # a quotation that is a paragraph of its own, signed on the line below: "“...”\n\n- Jane Roe, tweeting."
        while i < len(text) and text[i].isspace():
            i += 1
        below = True
    if i >= len(text) or text[i] not in "―—–-":
        return None
    if not below and _between_dashes(text, q.open):
        return None  # "As Lula spoke — promising to “...” — Bolsonaro had": the dash closes an aside, it signs nothing
    doc = ctx.doc
    end = text.find("\n", i)
    end = len(text) if end < 0 else end
    if below and len(text[i + 1 : end].split()) > SETTINGS.max_signature_words:
        return None  # a list item or a paragraph of its own, not a signature
    span = doc.char_span(i + 1, min(end, i + 60), alignment_mode="expand")
    if span is None:
        return None
    if below and any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in span):
        return None  # "- Smith won the vote.": a bullet that says something, not a name signed under a quote
    described = 0
    for t in span:
        if t.is_space or not t.text.strip("―—–-\u00a0"):
            continue  # the dash itself, typed as one character or two ("--")
        if t.pos_ == "PROPN":
            head = t
            while head.head.i != head.i and head.dep_ in ("compound", "flat") and head.head.i > head.i:
                head = head.head
            source = speaker_source(ctx, head)
            if source is not None and source.type == "media" and _credit_only(span, head):
                return None  # "“...” - AFP": the agency that supplied the story, credited at its end, not a speaker
            return source
        # "— Retired Brazil star Zico": a few words of description before the name signed
        if t.pos_ in ("ADJ", "NOUN", "DET") or t.tag_ == "VBN":
            described += 1
            if described <= SETTINGS.max_tag_subject_words:
                continue
        return None
    return None

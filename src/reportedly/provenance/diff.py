"""What a copy changed against its source, sentence by sentence, as meaning changes: a quote reworded, an attribution
dropped, added or moved, a hedge removed or added, a loaded word swapped in, a number or date changed, a paraphrase
turned into a direct quote, sentences dropped or added. Name variants of one person (Heyman / Hayman) count as one."""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Optional, Sequence

from ..ingest.clean import unmarked
from ..models import Analysis
from ..rules import load as load_rules
from .crosslang import align_sentences
from .features import FIGURE, figure, fold, sentences, stopwords
from .settings import Settings

S = Settings()  # diff's thresholds: settings.py (diff_align, diff_reordered, diff_meaning, quote_reworded, ...)
_NUMBER = re.compile(r"(?<![\w.])\d[\d,.]*\d|(?<![\w.])\d(?![\w])")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


@dataclass(frozen=True)
class Change:
    kind: str  # quote-reworded | attribution-dropped | attribution-added | attribution-moved | hedge-removed |
    #            hedge-added | loaded-word | number-changed | date-changed | paraphrase-to-quote |
    #            sentence-dropped | sentence-added | wording
    before: Optional[str]
    after: Optional[str]
    source_span: Optional[tuple[int, int]] = None
    copy_span: Optional[tuple[int, int]] = None
    detail: str = ""
    source_sentence: Optional[str] = None  # the sentences the change was found in
    copy_sentence: Optional[str] = None


@dataclass
class Diff:
    source_title: Optional[str]
    copy_title: Optional[str]
    aligned: int = 0
    source_sentences: int = 0
    copy_sentences: int = 0
    changes: list[Change] = field(default_factory=list)

    def kinds(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for c in self.changes:
            out[c.kind] = out.get(c.kind, 0) + 1
        return out


def same_name(a: Optional[str], b: Optional[str]) -> bool:
    """One person under two spellings or lengths: "Tamir Heyman" / "Hayman", "Mr Paabo" / "Svante Pääbo"."""
    from rapidfuzz import fuzz

    if not a or not b:
        return False
    fa, fb = fold(a).split(), fold(b).split()
    if not fa or not fb:
        return False
    return fuzz.ratio(fa[-1], fb[-1]) >= S.same_name or _acronym(a, b) or _acronym(b, a)


def _acronym(short: str, long: str) -> bool:
    """`short` is `long`'s initials, its small words skipped or not: "IARC" / "International Agency for Research
    on Cancer", "the WHO" / "World Health Organization"."""
    letters = "".join(ch for ch in short.split()[-1] if ch.isalpha())
    words = [w for w in re.findall(r"[^\W\d_]+", long)]
    if len(letters) < 2 or not letters.isupper() or len(words) < 2:
        return False
    capitals = "".join(w[0] for w in words if w[0].isupper())
    return letters in (capitals, "".join(w[0].upper() for w in words))


def diff(source: Analysis, copy: Analysis, embeddings: bool = False) -> Diff:
    """Sentence-aligned meaning changes from `source` to `copy`. Sentences align by characters, by their words in
    any order (a spinner's reordered clauses) and, with `embeddings` (the optional extra), by meaning (a spinner's
    synonyms); each change keeps the two sentences it was found in."""
    # markup left in a scraped text (an inline link) is no word of its sentences: blanked, offsets kept
    source, copy = _unmarked(source), _unmarked(copy)
    ss = [(s, e) for s, e in joined_sentences(source.text) if e - s >= 20 and not _debris(source, s)]
    cs = [(s, e) for s, e in joined_sentences(copy.text) if e - s >= 20 and not _debris(copy, s)]
    out = Diff(source.title, copy.title, source_sentences=len(ss), copy_sentences=len(cs))
    translated = source.language != copy.language
    if translated:  # a translation: sentences alike by the names, figures and cognates the two languages share
        pairs = align_sentences([source.text[s:e] for s, e in ss], [copy.text[s:e] for s, e in cs])
    else:
        pairs = _align([source.text[s:e] for s, e in ss], [copy.text[s:e] for s, e in cs], embeddings)
        ss, pairs = _joined_halves(source.text, ss, [copy.text[s:e] for s, e in cs], pairs)
        if source.language != "en":  # a rewrite in a language the analysis does not read: by names and figures too
            pairs = _by_names(pairs, [source.text[s:e] for s, e in ss], [copy.text[s:e] for s, e in cs])
    matched_source: set[int] = set()
    checked: list[tuple[Optional[tuple[int, int]], Optional[tuple[int, int]], str]] = []  # for disclaimer_changes
    aligned_source = set(pairs.values())
    for j, c in enumerate(cs):
        ctext = copy.text[c[0] : c[1]]
        k = pairs.get(j)
        if k is None:
            prev, nxt = _neighbours(pairs, j, len(cs))
            place = _place(*(None if i is None else source.text[ss[i][0] : ss[i][1]] for i in (prev, nxt)), "source")
            place += _in_place(source.text, ss, aligned_source, prev, nxt, "source")
            out.changes.append(Change("sentence-added", None, ctext, None, c, place, copy_sentence=ctext))
            checked.append((None, c, place))
            continue
        matched_source.add(k)
        out.aligned += 1
        s = ss[k]
        checked.append((s, c, ""))
        before = source.text[s[0] : s[1]]
        compare = _compare_translated if translated else _compare
        found = [
            replace(x, source_sentence=x.source_sentence or before, copy_sentence=ctext)
            for x in compare(source, copy, s, c)
        ]
        if translated:
            near = [cs[n] for n in (j - 1, j + 1) if 0 <= n < len(cs) and pairs.get(n, k) == k]
            found = [_moved_in_translation(copy.text, x, c, near) for x in found]
        split = sorted(i for i, x in pairs.items() if x == k)
        if not translated and len(split) > 1:
            others = [cs[i] for i in split if i != j]
            found = _split_attributions(copy, found, others, (cs[split[0]][0], cs[split[-1]][1]))
            found = _kept_in_another_piece(copy.text, found, others)
        out.changes += found
    back = {k: j for j, k in pairs.items()}
    for run in _runs(source.text, [k for k in range(len(ss)) if k not in matched_source], ss):
        s = (ss[run[0]][0], ss[run[-1]][1])
        before = source.text[s[0] : s[1]]
        prev, nxt = _neighbours(back, run[0], len(ss))
        place = _place(*(None if i is None else copy.text[cs[i][0] : cs[i][1]] for i in (prev, nxt)), "copy")
        place += _in_place(copy.text, cs, set(pairs), prev, nxt, "copy")
        out.changes.append(Change("sentence-dropped", before, None, s, None, place, source_sentence=before))
        checked += [(ss[k], None, place) for k in run]
    out.changes += translated_quotes(source, copy) if translated else quote_changes(source, copy, out.changes)
    if not translated:
        out.changes += foreign_quotes(source, copy, out.changes)
        out.changes += unquoted_changes(source, copy, out.changes)
    if translated:
        out.changes += translated_times(source, copy, out.changes)
    out.changes += figure_changes(source, copy, out.changes)
    out.changes += counted_changes(source, copy, out.changes)
    out.changes += dated_changes(source, copy, out.changes)
    out.changes += duration_changes(source, copy, out.changes)
    out.changes += credit_changes(source, copy)
    out.changes += dateline_changes(source, copy)
    out.changes += byline_changes(source, copy)
    out.changes += disclaimer_changes(source, copy, checked)
    return out


def _split_attributions(cp: Analysis, found: list[Change], others: list[tuple[int, int]], whole: tuple[int, int]):
    """A source sentence the copy split in two (or more) whose attribution the copy kept in one piece only ("The
    crew issued a mayday call ..., enabling authorities to limit traffic, the governor said" -> "The crew issued a
    mayday call ... . The governor said the mayday enabled authorities to limit traffic."): the other pieces now
    stand as the outlet's own statement. Reported as the attribution moved, with the copy's pieces together."""
    out = []
    for x in found:
        if x.kind != "attribution-dropped" or x.before is None or " (" not in x.before:
            out.append(x)
            continue
        name = x.before.rsplit(" (", 1)[0]
        keeper = next((a for a in cp.attributions for o in others
                       if o[0] <= a.cue_span[0] < o[1] and same_name(a.source, name)), None)  # fmt: skip
        if keeper is None:
            out.append(x)
            continue
        out.append(replace(x, kind="attribution-moved", after=f"{keeper.source} ({keeper.cue})",
                           detail=f"the copy split the sentence and kept '{keeper.cue} {keeper.source}' in one part "
                                  f"only: {x.copy_sentence!r} is now stated without it",
                           copy_sentence=cp.text[whole[0] : whole[1]]))  # fmt: skip
    return out


def _kept_in_another_piece(text: str, found: list[Change], others: list[tuple[int, int]]) -> list[Change]:
    """Of a source sentence the copy split in two, what one piece lacks and another piece has ("early Tuesday" in
    the first half, none in the second) was not dropped: the day, figure, hedge or word a drop reports is kept."""
    rest = _norm(" ".join(text[a:b] for a, b in others))
    out = []
    for x in found:
        gone = x.before if x.after is None else None
        if gone and x.kind in ("date-changed", "number-changed", "hedge-removed", "loaded-word"):
            words = [w for part in gone.split(",") if (w := _norm(part))]
            if words and all(f" {w} " in f" {rest} " for w in words):
                continue
        out.append(x)
    return out


def _runs(text: str, indexes: list[int], spans: list[tuple[int, int]]) -> list[list[int]]:
    """Sentences dropped one after another within one paragraph, as one run: a passage cut whole ("Owner Sheikh
    Mansour was in attendance. It was only the second time he has watched his team in 15 years.") is one change,
    reported where it was, not one change per sentence."""
    out: list[list[int]] = []
    for k in indexes:
        if out and out[-1][-1] == k - 1 and "\n" not in text[spans[k - 1][1] : spans[k][0]]:
            out[-1].append(k)
        else:
            out.append([k])
    return out


def _neighbours(aligned: dict[int, int], i: int, n: int) -> tuple[Optional[int], Optional[int]]:
    """Where an unaligned sentence sits in the other text: what the sentences aligned nearest before and after it
    (in its own text) were aligned to. `aligned` maps this text's sentence indexes to the other's; `n` is how many
    sentences this text has."""
    prev = next((aligned[x] for x in range(i - 1, -1, -1) if x in aligned), None)
    nxt = next((aligned[x] for x in range(i + 1, n) if x in aligned), None)
    return prev, nxt


def _place(before: Optional[str], after: Optional[str], where: str) -> str:
    """The detail of a sentence dropped or added: the sentences of the other text on either side of its place (a
    fact-checker reads what the copy put where the source's sentence was, or what the source had there)."""
    if before and after:
        return f"in the {where} between '{before}' and '{after}'"
    if before or after:
        return f"in the {where} {'after' if before else 'before'} '{before or after}'"
    return ""


def _in_place(text: str, spans: list[tuple[int, int]], aligned: set[int], prev, nxt, where: str) -> str:
    """The sentences of the other text left unaligned between the same two aligned neighbours as a sentence added or
    dropped, as many as settings.diff_in_place: what the rewrite put in its place, or what it took out there ("Altman did not
    return requests for comment." -> "Mr Altman said that he loved his time at OpenAI ..."), a sentence replaced
    by another. "" where there are none or more than settings.diff_in_place (a stretch rewritten, not a sentence
    replaced), or that is 0."""
    lo, hi = -1 if prev is None else prev, len(spans) if nxt is None else nxt
    free = [i for i in range(lo + 1, hi) if i not in aligned]
    if not free or len(free) > S.diff_in_place:
        return ""
    return f"; in its place the {where} has " + " ".join(f"'{text[spans[i][0] : spans[i][1]]}'" for i in free)


_OPEN_END = re.compile(r"[^.!?…:;\"'”’)\]]$")


_INITIAL = re.compile(r"(?:^|\s)([A-Z][a-z]{0,3})\.$")


def _abbreviated(sentence: str) -> bool:
    """A sentence that ends on a title's abbreviation or a name's initial ("Maryland Gov.", "Col. Roland L."): the
    sentence splitter cut a name, not a sentence ("..., Maryland Gov. Wes Moore said.")."""
    m = _INITIAL.search(sentence)
    if m is None:
        return False
    word = m.group(1).lower()
    return len(word) == 1 or (word != "miss" and word in load_rules("en").titles)


_INITIALISM = re.compile(r"(?:^|\s)(?:[A-Z]\.){2,}$")


def _initialism(sentence: str, following: str) -> bool:
    """A sentence that ends on a dotted initialism ("U.S.", "U.N.") followed by a word that names on ("... his
    testimony before the U.S. | Congress, a Super Bowl advertisement ..."): the splitter cut inside a name. A next
    word that is a function word ("U.S. | The ...", "U.K. | He ...") starts a sentence of its own."""
    if not _INITIALISM.search(sentence):
        return False
    first = next(iter(_WORD.findall(following)), "")
    return first[:1].isupper() and fold(first) not in stopwords()


def _unmarked(a: Analysis) -> Analysis:
    text = unmarked(a.text)
    return a if text is a.text else replace(a, text=text)


def joined_sentences(text: str) -> list[tuple[int, int]]:
    """`sentences`, with a sentence that a line break cut in two made whole again: a line that ends without a
    sentence's closing mark and a next line that starts in lower case ("…of our workers go\n\nin order to…"),
    as pages that break their lines mid-sentence, and spinners that split one sentence into two lines, have them;
    and a sentence cut after a title's abbreviation or an initial ("Maryland Gov. | Wes Moore said") or inside a name
    after a dotted initialism ("the U.S. | Congress") made whole."""
    out: list[tuple[int, int]] = []
    for s, e in sentences(text):
        if out and (
            (_OPEN_END.search(text[out[-1][0] : out[-1][1]]) and text[s].islower() and "\n" in text[out[-1][1] : s])
            or (_abbreviated(text[out[-1][0] : out[-1][1]]) and "\n" not in text[out[-1][1] : s])
            or (_initialism(text[out[-1][0] : out[-1][1]], text[s:e]) and "\n" not in text[out[-1][1] : s])
        ):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _squeezed(text: str) -> str:
    """Folded, each run of white space one space (a line break inside a sentence, blanked markup)."""
    return " ".join(fold(text).split())


def _align(source: list[str], copy: list[str], embeddings: bool) -> dict[int, int]:
    """copy sentence index -> source sentence index, for pairs alike enough: by characters, by the same words in
    another order or, with `embeddings`, by meaning (settings: diff_align, diff_reordered, diff_meaning)."""
    from rapidfuzz import fuzz, process

    if not source or not copy:
        return {}
    sf = [_squeezed(t) for t in source]
    out: dict[int, int] = {}
    vs = vc = None
    if embeddings:
        from .embed import available, embed

        if available():
            vs, vc = embed(source), embed(copy)
    for j, t in enumerate(copy):
        ft = _squeezed(t)
        best = process.extractOne(ft, sf, scorer=fuzz.ratio, score_cutoff=S.diff_align)
        if best is None:
            best = process.extractOne(ft, sf, scorer=fuzz.token_sort_ratio, score_cutoff=S.diff_reordered)
        if best is None and len(ft.split()) >= S.diff_part_words:
            # a piece of a longer source sentence (a copy that breaks sentences, or keeps only one clause)
            best = process.extractOne(ft, sf, scorer=fuzz.partial_ratio, score_cutoff=S.diff_part)
        if best is not None:
            out[j] = best[2]
        elif vs is not None:
            sims = vs @ vc[j]
            k = int(sims.argmax())
            if sims[k] >= S.diff_meaning:
                out[j] = k
    cf = [fold(t) for t in copy]
    out |= _contained(sf, cf, out)
    out |= _mutual(sf, cf, out)
    out |= _gaps(sf, cf, out)
    out |= _moved(sf, cf, out)
    out |= _second_halves(sf, cf, out)
    return out | _same_claims(sf, cf, out)


def _second_halves(source: list[str], copy: list[str], aligned: dict[int, int]) -> dict[int, int]:
    """A copy sentence left unaligned next to one aligned to a source sentence, that rewords what that aligned piece
    left out of it: a long sentence the copy split in two ("..., destroying the span in a terrifying collapse that
    could disrupt a vital shipping port for months" -> "... in a frightening collapse. This incident may cause
    disruptions to a crucial shipping port for several months."). Alike by token-set ratio to the source sentence's
    words the aligned piece does not have (settings: diff_split), five words of them at least."""
    out: dict[int, int] = {}
    for j, t in enumerate(copy):
        if j in aligned:
            continue
        for n in (j - 1, j + 1):
            k = aligned.get(n)
            if k is None or sum(1 for x in aligned.values() if x == k) > 1:
                continue
            if _rewords_rest(t, copy[n], source[k]):
                out[j] = k
                break
    return out


def _rewords_rest(half: str, piece: str, whole: str) -> bool:
    """`half` rewords what `piece` left out of `whole`, the sentence it is aligned to: alike by token-set ratio to the
    words of `whole` that `piece` does not have (settings: diff_split), five words of them at least, or by the rare
    words it shares with them (`_claim_likeness`, settings: diff_split_claim, diff_claim_shared)."""
    from rapidfuzz import fuzz

    have = set(_WORD.findall(piece))
    rest = [w for w in _WORD.findall(whole) if w not in have]
    if len(rest) < 5:
        return False
    if fuzz.token_set_ratio(half, " ".join(rest)) >= S.diff_split:
        return True
    if S.diff_split_claim > 1:
        return False
    a, b = _rare_stems(_ADDRESS.sub(" ", half)), _rare_stems(" ".join(rest))
    return _claim_likeness(a, b) >= S.diff_split_claim and len(a.keys() & b.keys()) >= S.diff_claim_shared


def _joined_halves(
    text: str, spans: list[tuple[int, int]], copy: list[str], aligned: dict[int, int]
) -> tuple[list[tuple[int, int]], dict[int, int]]:
    """Two source sentences of one paragraph that the copy gives as one sentence: the one left unaligned next to
    a source sentence aligned alone to a copy sentence whose other words reword it (a copy that joined two
    sentences, or a source cut in two where its splitter took "U.S." for a sentence's end: "... his testimony before
    the U.S. | Congress, a Super Bowl advertisement ... hit a new bottom Thursday" -> "... his testimony earlier than
    Congress, a Tremendous Bowl commercial ... hit all-time low Thursday"). Alike as `_second_halves` finds the
    copy's halves (token-set ratio to the copy sentence's words the aligned half does not have, settings: diff_split,
    five words of them at least); the two source sentences are then compared as one. Returns the source's sentence
    spans with such pairs joined, and the alignment renumbered to them."""
    used: dict[int, list[int]] = {}
    for j, k in aligned.items():
        used.setdefault(k, []).append(j)
    joins: set[int] = set()  # k: source sentence k is joined to sentence k - 1
    for k in range(len(spans)):
        if k in used:
            continue
        for n in (k - 1, k + 1):
            js = used.get(n, [])
            a, b = sorted((n, k))
            if len(js) != 1 or "\n" in text[spans[a][1] : spans[b][0]] or b in joins or a in joins:
                continue
            half, piece = fold(text[spans[k][0] : spans[k][1]]), fold(text[spans[n][0] : spans[n][1]])
            if _rewords_rest(half, piece, fold(copy[js[0]])):
                joins.add(b)
                break
    if not joins:
        return spans, aligned
    out: list[tuple[int, int]] = []
    index: dict[int, int] = {}
    for k, (s, e) in enumerate(spans):
        if k in joins:
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
        index[k] = len(out) - 1
    return out, {j: index[k] for j, k in aligned.items()}


def _contained(source: list[str], copy: list[str], aligned: dict[int, int]) -> dict[int, int]:
    """A copy sentence left unaligned that holds nearly all the words of a source sentence no other copy sentence
    took, wherever the copy moved it, with words inserted ("Sheikh Mansour, Vice President, Deputy Prime Minister
    and ..., was in attendance"): alike by token-set ratio (settings: diff_contained), the shorter of the two long
    enough that holding its words says something (diff_part_words)."""
    from rapidfuzz import fuzz

    used = set(aligned.values())
    free = [k for k in range(len(source)) if k not in used]
    out: dict[int, int] = {}
    for j, t in enumerate(copy):
        if j in aligned or not free:
            continue
        score, k = max((fuzz.token_set_ratio(t, source[k]), k) for k in free)
        if score >= S.diff_contained and min(len(t.split()), len(source[k].split())) >= S.diff_part_words:
            out[j] = k
            free.remove(k)
    return out


def _mutual(source: list[str], copy: list[str], aligned: dict[int, int]) -> dict[int, int]:
    """Sentences left unaligned, between the same two sentences aligned in order, that are each other's likeliest
    by their words in any order, above a lower bar than one-way alignment needs and clear of every rival of either
    (settings: diff_mutual, diff_mutual_margin): a rewrite that kept the words of one sentence in its place, where
    neither text has another sentence near it."""
    from rapidfuzz import fuzz

    out: dict[int, int] = {}
    for js, ks in _between(aligned, len(copy), len(source)):
        if not js or not ks:
            continue
        score = {(j, k): fuzz.token_sort_ratio(copy[j], source[k]) for j in js for k in ks}
        for j in js:
            k = max(ks, key=lambda k: score[j, k])
            rivals = [score[j, x] for x in ks if x != k] + [score[x, k] for x in js if x != j]
            if score[j, k] >= S.diff_mutual and score[j, k] - max(rivals, default=0) >= S.diff_mutual_margin:
                out[j] = k
    return out


def _moved(source: list[str], copy: list[str], aligned: dict[int, int]) -> dict[int, int]:
    """Sentences left unaligned anywhere in the two texts (a rewrite that moved a sentence out of its place) that
    are each other's likeliest by token-set ratio, at or above diff_moved and clear of every rival of either by
    diff_mutual_margin: a sentence a spinner reworded and moved ("Commuters faced long queues ..., and some schools
    told pupils to stay at home" put first as "Commuters endured huge queues ..., and schools told pupils to
    remain at home, after ...")."""
    from rapidfuzz import fuzz

    used = set(aligned.values())
    js = [j for j in range(len(copy)) if j not in aligned]
    ks = [k for k in range(len(source)) if k not in used]
    if not js or not ks or S.diff_moved > 100:
        return {}
    score = {(j, k): fuzz.token_set_ratio(copy[j], source[k]) for j in js for k in ks}
    out: dict[int, int] = {}
    for j in js:
        k = max(ks, key=lambda k: score[j, k])
        rivals = [score[j, x] for x in ks if x != k] + [score[x, k] for x in js if x != j]
        if score[j, k] >= S.diff_moved and score[j, k] - max(rivals, default=0) >= S.diff_mutual_margin:
            if min(len(copy[j].split()), len(source[k].split())) >= S.diff_part_words:
                out[j] = k
    return out


def _gaps(source: list[str], copy: list[str], aligned: dict[int, int]) -> dict[int, int]:
    """Sentences a spinner reworded past recognition, aligned by their place: between two sentences aligned in
    order (or before the first, after the last), the copy's unaligned sentences and the source's unused ones are
    paired in order when they share enough words in any order (diff_gap, below diff_reordered), as text-reuse
    alignment anchors on what it is sure of and fills between."""
    from rapidfuzz import fuzz

    out: dict[int, int] = {}
    for js, ks in _between(aligned, len(copy), len(source)):
        # one sentence each side: its place says much; among several, the words must say more
        cutoff = S.diff_gap if len(js) == 1 and len(ks) == 1 else S.diff_gap_many
        for j in js:
            if not ks:
                break
            score, k = max((fuzz.token_set_ratio(copy[j], source[k]), k) for k in ks)
            if score >= cutoff:
                out[j] = k
                ks = [x for x in ks if x > k]  # in order
    return out


def _same_claims(source: list[str], copy: list[str], aligned: dict[int, int]) -> dict[int, int]:
    """Sentences left unaligned between the same two aligned ones that make one claim in other words, by the rare
    words they share rather than by all their words (a rewrite that kept the names, figures and content-word stems
    of a sentence but reworded the rest past any character ratio: "Divers searching the wreck of the Merrow ferry
    recovered 14 bodies before ..." -> "The Merrow ferry disaster has claimed 41 lives, officials say."). Each must
    be the other's likeliest in that gap, alike by `_claim_likeness` at or above settings.diff_claim, clear of every
    rival of either by diff_claim_margin, sharing diff_claim_shared content stems at least: then its hedge, figure or
    attribution changed is reported as that, not as a sentence added and one dropped. Only in place: the same bar
    for sentences anywhere in the two texts (a claim reworded and moved) found no checklist item more on half A."""
    out: dict[int, int] = {}
    if S.diff_claim > 1:
        return out
    for js, ks in _between(aligned, len(copy), len(source)):
        if not js or not ks:
            continue
        rs = {k: _rare_stems(_ADDRESS.sub(" ", source[k])) for k in ks}
        rc = {j: _rare_stems(_ADDRESS.sub(" ", copy[j])) for j in js}
        score = {(j, k): _claim_likeness(rc[j], rs[k]) for j in js for k in ks}
        for j in js:
            k = max(ks, key=lambda k: score[j, k])
            rivals = [score[j, x] for x in ks if x != k] + [score[x, k] for x in js if x != j]
            if (
                score[j, k] >= S.diff_claim
                and score[j, k] - max(rivals, default=0.0) >= S.diff_claim_margin
                and len(rc[j].keys() & rs[k].keys()) >= S.diff_claim_shared
            ):
                out[j] = k
    return out


# a web address or a handle ("pic.twitter.com/x"): none of a claim's words
_ADDRESS = re.compile(r"\S*[^\W\d_]{2,}\.[^\W\d_]{2,}\S*")


def _claim_likeness(a: dict[str, float], b: dict[str, float]) -> float:
    """How much two sentences' rare words say the same (0-1): the geometric mean of the share of each one's
    rarity-weighted content stems that the other holds, so a short sentence that holds a long one's few names is no
    match for it, nor the long one for the short."""
    return (_held_weight(a, b) * _held_weight(b, a)) ** 0.5


def _between(aligned: dict[int, int], n_copy: int, n_source: int):
    """The gaps between sentences aligned in order (and before the first, after the last): for each, the copy's
    unaligned sentences and the source's unused ones there, (copy indexes, source indexes), each in text order."""
    anchors = _in_order(sorted(aligned.items()))
    used = set(aligned.values())
    bounds = [(-1, -1)] + anchors + [(n_copy, n_source)]
    for (j0, k0), (j1, k1) in zip(bounds, bounds[1:]):
        yield [j for j in range(j0 + 1, j1) if j not in aligned], [k for k in range(k0 + 1, k1) if k not in used]


def _by_names(aligned: dict[int, int], source: list[str], copy: list[str]) -> dict[int, int]:
    """`aligned` with the copy's sentences it left unaligned between two sentences aligned in order paired to a source
    sentence of that stretch (or one bounding it: a sentence split in two) that shares their names, figures and
    cognates (`align_sentences`, the aligner of translations): a rewrite in a language the analysis does not read,
    too reworded for characters to align it. Only between two aligned sentences: a text aligned nowhere is none's
    rewrite."""
    out = dict(aligned)
    taken = set(aligned.values())
    anchors = _in_order(sorted(aligned.items()))
    for (j0, k0), (j1, k1) in zip(anchors, anchors[1:]):
        js = [j for j in range(j0 + 1, j1) if j not in aligned]
        ks = [k0] + [k for k in range(k0 + 1, k1) if k not in taken] + [k1]
        if js:
            found = align_sentences([source[k] for k in ks], [copy[j] for j in js])
            out |= {js[j]: ks[k] for j, k in found.items()}
    return out


def _in_order(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of (copy, source) pairs whose source indexes rise with the copy's: the sentences aligned in
    order, fit to anchor the rest."""
    import bisect

    tails: list[int] = []  # tails[n]: the smallest source index ending a rising run of n + 1 pairs
    ends: list[int] = []  # ... and which pair ends it
    back: list[int] = []  # each pair's predecessor in its run
    for i, (_, k) in enumerate(pairs):
        n = bisect.bisect_left(tails, k)
        back.append(ends[n - 1] if n else -1)
        if n == len(tails):
            tails.append(k)
            ends.append(i)
        else:
            tails[n], ends[n] = k, i
    run, i = [], ends[-1] if ends else -1
    while i >= 0:
        run.append(pairs[i])
        i = back[i]
    return run[::-1]


def _debris(a: Analysis, start: int) -> bool:
    return any(b.start <= start < b.end for b in a.boilerplate)


def _compare(src: Analysis, cp: Analysis, s: tuple[int, int], c: tuple[int, int]) -> list[Change]:
    before, after = src.text[s[0] : s[1]], cp.text[c[0] : c[1]]
    if fold(before) == fold(after):
        return []
    out: list[Change] = []
    out += _quotes(src, cp, s, c)
    out += _attributions(src, cp, s, c)
    out += _hedges(src, cp, s, c)
    out += _foreign_hedges(src.language, cp.language, before, after, s, c)
    out += _foreign_attributions(src.language, cp.language, before, after, s, c)
    out += _foreign_degrees(src.language, cp.language, before, after, s, c)
    out += _foreign_stance(src.language, cp.language, before, after, s, c)
    out += _foreign_evaluative(src, cp, before, after, s, c)
    if src.language != "en" and src.language == cp.language:
        out += _marked_paraphrase(before, after, s, c)
    out += _reported(before, after, s, c, out)
    out += _loaded(before, after, s, c)
    out += _stance(before, after, s, c, out)
    out += _evaluative(before, after, s, c)
    out += _felt(src, cp, before, after, s, c, out)
    out += _scare_quotes(before, after, s, c)
    out += _figurative(before, after, s, c)
    out += _open_questions(src, cp, s, c)
    if src.language == "en" and cp.language == "en":
        out += _garbled(before, after, src.text, s, c)
    english = src.language == "en" and cp.language == "en"
    found_quotes = [(q.start - s[0], q.end - s[0]) for q in src.quotes if s[0] <= q.start < s[1]] if english else None
    out += _marked_quotes(before, after, s, c, found_quotes)
    out += _addressed(src.text, after, s, c)
    out += _as_predicted(before, after, s, c)
    out += _titles_added(before, after, s, c)
    out += _swapped(src, cp, s, c, out)
    out += _qualifiers(before, after, s, c, out)
    out += _certainty(before, after, s, c, out)
    out += _quantified(before, after, s, c)
    out += _magnitude_changed(src.language, cp.language, before, after, s, c)
    dates = _dates(src, cp, s, c)
    read = {n for x in dates if x.kind == "date-changed" for n in re.findall(r"\d+", f"{x.before} {x.after}")}
    # a year `_figures` reads as a date changed where the timexes read that date too ("in 2015" -> "in 2017"): one
    # change, not two
    out += [x for x in _numbers(before, after, s, c) if not (x.kind == "date-changed" and {x.before, x.after} <= read)]
    out += _durations(src.language, cp.language, before, after, s, c, out)
    out += dates
    out += _unquoted(src, cp, s, c)
    quoted = any(s[0] <= q.start < s[1] for q in src.quotes) or any(c[0] <= q.start < c[1] for q in cp.quotes)
    if (
        not any(x.kind in ("quote-reworded", "paraphrase-to-quote") for x in out)
        and not quoted
        and (_first_person(before) or _first_person(_own_voice(src.text, s)))
        and (_first_person(after) or _first_person(_own_voice(cp.text, c)))
    ):
        out.append(
            Change(
                "quote-reworded", before, after, s, c, f"a first-person statement reworded; {_word_diff(before, after)}"
            )
        )
    out += _modifiers(src, cp, s, c, out)
    out += _adverbs(src, cp, s, c, out)
    out += _cut(before, after, cp.text, s, c)
    dated = {n for x in out if x.kind == "date-changed" and x.after is None for n in _NUMBER.findall(x.before or "")}
    out = [x for x in out if not (x.kind == "number-changed" and x.after is None and _only(x.before, dated))]
    words = _word_diff(before, after)
    if not out and words:  # no word changed (quotation marks, dashes, commas): nothing to report
        out.append(Change("wording", before, after, s, c, words))
    return out


def _garbled(before: str, after: str, source: str, s, c) -> list[Change]:
    """A word no English text uses (frequency zero in the wordfreq lists) that the copy put in place of the source's
    words, in lower case (not a name) and found nowhere in the source: a spinner's garbled rewording ("City's
    massed ranks had their heads in their hands" -> "City paaped"), whose sense is lost."""
    from wordfreq import zipf_frequency

    had = _stems_in(source)
    out = []
    for op, gone, new in _ops(before, after):
        if op != "replace":
            continue
        for w in new:
            if (
                w.isalpha()
                and w.islower()
                and len(w) >= 4
                and _stem(w) not in had
                and zipf_frequency(w, "en") == 0
                and not _typo(w)
            ):
                run = " ".join(gone)
                out.append(Change("loaded-word", run, w, s, c, f"'{run}' became '{w}', no English word"))
    return out


def _swapped(src: Analysis, cp: Analysis, s: tuple[int, int], c: tuple[int, int], found: Sequence[Change]):
    """A content word (or a short run of them) that the copy put in place of another in a sentence it otherwise
    kept, outside quotation marks: a rewriter's or spinner's synonym, whose sense or tone may not be the source's
    ("found guilty of defrauding customers" -> "of stealing from customers", "pleaded not guilty" -> "pleaded not
    responsible", "a major coup for" -> "a major blow to"). Not reported: inflections of one word, spellings and
    hyphenations of one word, a word shortened ("cryptocurrency" -> "crypto"), names and pronouns (capitalised words:
    a name for "him"), figures and number words (the number kinds), verbs of saying (the attribution kinds), hedges,
    words another change already reports, a word of rated feeling swapped for one of the same feeling ("talented"
    -> "excellent", as `_felt` judges them), and swaps in a sentence whose other words the copy mostly changed too
    (a rewrite; settings: diff_swap_kept, counted in any order with diff_swap_any_order, and diff_swap_words; a
    run of up to diff_swap_long_words where the sentence kept diff_swap_long_kept of its words), and
    a swap of a word the other sentence has elsewhere (moved with its clause, not swapped). A synonym no lexicon here rates ("lawyer" -> "attorney")
    is still reported: the detail says the sense may differ, not that it does. English only."""
    if src.language != "en" or cp.language != "en":
        return []
    before, after = src.text[s[0] : s[1]], cp.text[c[0] : c[1]]
    bm, am = list(_WORD.finditer(before)), list(_WORD.finditer(after))
    fb, fa = [fold(m.group(0)) for m in bm], [fold(m.group(0)) for m in am]
    sm = difflib.SequenceMatcher(a=fb, b=fa, autojunk=False)
    kept = sum((Counter(fb) & Counter(fa)).values()) if S.diff_swap_any_order else 0
    kept = max(kept, sum(b.size for b in sm.get_matching_blocks()))
    if not fb or not fa or kept < S.diff_swap_kept * min(len(fb), len(fa)):
        return []
    covered = _covered(found)
    out = []
    stops = stopwords()
    in_before, in_after = set(fb), set(fa)
    # a longer run only in a sentence kept more (settings.diff_swap_long_words, diff_swap_long_kept)
    limit = S.diff_swap_long_words if kept >= S.diff_swap_long_kept * min(len(fb), len(fa)) else S.diff_swap_words
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        # the run's content words count: "talk of introducing" -> "speech to introduce" is one swap, its
        # function words changed with it
        if op != "replace" or max(_content_count(fb[i1:i2], stops), _content_count(fa[j1:j2], stops)) > limit:
            continue
        old, new = bm[i1:i2], am[j1:j2]
        if _quoted_at(src, s[0] + old[0].start()) or _quoted_at(cp, c[0] + new[0].start()):
            continue
        if S.diff_swap_any_order and (
            any(w not in stops and w in in_after for w in fb[i1:i2])
            or any(w not in stops and w in in_before for w in fa[j1:j2])
        ):
            continue  # a content word the other sentence has elsewhere: moved in a reordered clause, not swapped
        if not _word_swap([m.group(0) for m in old], [m.group(0) for m in new], i1 == 0, j1 == 0, covered):
            continue
        b, a = before[old[0].start() : old[-1].end()], after[new[0].start() : new[-1].end()]
        out.append(
            Change("loaded-word", b, a, s, c, f"'{b}' became '{a}': a word swapped, its sense or tone may differ")
        )
    return out


def _content_count(words: list[str], stops: frozenset[str]) -> int:
    """How many of `words` (folded) are not stopwords."""
    return sum(1 for w in words if w not in stops)


_HYPHENATED = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")  # a word, a hyphenated one ("high-voltage") as one


def _covered(found: Sequence[Change]) -> set[str]:
    """The folded words of the changes already found, which the word-level detectors leave to them."""
    return {w for x in found for part in (x.before, x.after) for w in _WORD.findall(fold(part or ""))}


def _hyphenated_words(before: str, after: str):
    """Both sentences' words (a hyphenated one as one) as matches and folded: bm, am, fb, fa."""
    bm, am = list(_HYPHENATED.finditer(before)), list(_HYPHENATED.finditer(after))
    return bm, am, [fold(m.group(0)) for m in bm], [fold(m.group(0)) for m in am]


def _one_word_change(word: str, without: str, with_word: str, added: bool, s, c) -> Change:
    """A loaded-word change of one word the copy put in (`added`) or took out: `without` the phrase lacking it,
    `with_word` the phrase holding it."""
    if added:
        return Change("loaded-word", without, with_word, s, c, f"'{word}' added: '{without}' -> '{with_word}'")
    return Change("loaded-word", with_word, without, s, c, f"'{word}' dropped: '{with_word}' -> '{without}'")


def _modifiers(src: Analysis, cp: Analysis, s: tuple[int, int], c: tuple[int, int], found: Sequence[Change]):
    """One word the copy put between a determiner and a word the sentence kept ("a wildfire" -> "a massive
    wildfire", "the coach" -> "the hapless coach"), outside quotation marks: a description the source did not give,
    whatever the word (no list of loaded words needed); with diff_modifiers 2, one it took out there too ("the
    prestigious prize" -> "the prize"). Not reported: names (capitalised), possessives ("the country's"), figures,
    stopwords, hedges, words another change reports, and a word the other sentence has elsewhere (moved, not
    added). English only."""
    if not S.diff_modifiers or src.language != "en" or cp.language != "en":
        return []
    from ..rules import lines

    dets = frozenset(lines("en", "determiners.txt"))
    stops, hedges = stopwords(), _hedge_words().get("en", frozenset())
    covered = _covered(found)
    bm, am, fb, fa = _hyphenated_words(src.text[s[0] : s[1]], cp.text[c[0] : c[1]])
    sm = difflib.SequenceMatcher(a=fb, b=fa, autojunk=False)
    out = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "insert" and j2 - j1 == 1 and 0 < j1 and j2 < len(fa):
            words, ms, other, a, base, added = fa, am, fb, cp, c[0], True
            at = j1
        elif op == "delete" and i2 - i1 == 1 and 0 < i1 and i2 < len(fb) and S.diff_modifiers >= 2:
            words, ms, other, a, base, added = fb, bm, fa, src, s[0], False
            at = i1
        else:
            continue
        w, m = words[at], ms[at]
        if words[at - 1] not in dets or w in stops or w in hedges or w in covered or w in other or "'" in w:
            continue
        if m.group(0)[:1].isupper() or any(ch.isdigit() for ch in w) or len(w) < 3 or _quoted_at(a, base + m.start()):
            continue
        phrase = f"{words[at - 1]} {m.group(0)} {words[at + 1]}"
        kept = f"{words[at - 1]} {words[at + 1]}"
        out.append(_one_word_change(m.group(0), kept, phrase, added, s, c))
    return out


def _adverbs(src: Analysis, cp: Analysis, s: tuple[int, int], c: tuple[int, int], found: Sequence[Change]):
    """An adverb of manner or degree the copy put before a word the sentence kept, or after one where it closes its
    clause, or took away from one ("for sexually assaulting a woman" -> "of assaulting a woman", "denied the claims"
    -> "flatly denied the claims", "killing hundreds" -> "killing hundreds instantly."):
    how the act was done, which a rewrite should not add or lose. An adverb by its form: "-ly" on a word of its own
    ("sexual", "happy", "gentle"; wordfreq, settings.typo_zipf). Not reported: an adverb swapped for a content word
    (`_swapped`), hedges and qualifiers (their kinds), stopwords, a word the other sentence has elsewhere (moved),
    words inside quotation marks. English only."""
    if not S.diff_adverbs or src.language != "en" or cp.language != "en":
        return []
    stops, hedges = stopwords(), _hedge_words().get("en", frozenset())
    qualifier = load_rules("en").qualifiers.fullmatch  # "nearly", "reportedly": `_qualifiers` reports them
    covered = _covered(found)
    bm, am, fb, fa = _hyphenated_words(src.text[s[0] : s[1]], cp.text[c[0] : c[1]])
    out = []
    sides = ((fb, bm, fa, src, s, False), (fa, am, fb, cp, c, True))
    for words, ms, other, a, (base, end), added in sides:
        kept = {_stem(w) for w in other}
        text = a.text[base:end]
        for i, w in enumerate(words):
            if (
                not _adverb(w)
                or w in stops
                or w in hedges
                or qualifier(w)
                or w in covered
                or w in other
                or ms[i].group(0)[:1].isupper()
                or _quoted_at(a, base + ms[i].start())
            ):
                continue
            # the word it qualifies kept in the other sentence, wherever the rewrite moved it: the next one, or the
            # one before where the adverb closes its clause ("killing hundreds" -> "killing hundreds instantly.")
            nxt = words[i + 1] if i + 1 < len(words) else None
            if nxt is not None and nxt not in stops and _stem(nxt) in kept:
                pair, one = f"{ms[i].group(0)} {ms[i + 1].group(0)}", ms[i + 1].group(0)
            elif i and words[i - 1] not in stops and _stem(words[i - 1]) in kept and _closes(text, ms[i].end()):
                pair, one = f"{ms[i - 1].group(0)} {ms[i].group(0)}", ms[i - 1].group(0)
            else:
                continue
            out.append(_one_word_change(ms[i].group(0), one, pair, added, s, c))
    return out


def _closes(text: str, end: int) -> bool:
    """A word ending at `end` closes its clause: the sentence ends there or a comma, semicolon or colon follows."""
    rest = text[end:].lstrip()
    return not rest or rest[0] in ".,;:!?"


def _adverb(word: str) -> bool:
    """A word made an adverb by "-ly" on a word of its own ("sexually", "happily", "gently", "flatly")."""
    from wordfreq import zipf_frequency

    if len(word) < 6 or not word.endswith("ly") or not word.isalpha() or word.lower() in _ly_non_adverbs():
        return False
    bases = (word[:-2], word[:-3] + "y", word[:-2] + "e", word[:-1] + "e")
    return any(zipf_frequency(b, "en") >= S.typo_zipf for b in bases)


@lru_cache(maxsize=1)
def _ly_non_adverbs() -> frozenset[str]:
    from ..rules import lines

    return frozenset(lines("en", "ly_non_adverbs.txt"))


def _quoted_at(a: Analysis, pos: int) -> bool:
    return any(q.start <= pos < q.end for q in a.quotes)


def _word_swap(old: list[str], new: list[str], old_first: bool, new_first: bool, covered: set[str]) -> bool:
    """Two runs of words that are a swap of content words (see `_swapped`), not of form, names, figures or cues."""
    from rapidfuzz import fuzz

    stops, rules = stopwords(), load_rules("en")
    hedges = _hedge_words().get("en", frozenset())

    def content(words: list[str], first: bool) -> Optional[list[str]]:
        out = []
        for i, w in enumerate(words):
            f = fold(w)
            if any(ch.isdigit() for ch in w) or f in rules.numbers or f in covered or f in hedges:
                return None
            if f in rules.pronouns or (w[0].isupper() and not (first and i == 0)):  # a pronoun, a name
                return None
            if _stem(f) in _cue_stems():
                return None
            f = re.sub(r"['’]s?$", "", f)  # the possessive: "newspaper's" is "newspaper"
            if f not in stops:
                if len(f) < 3:  # a word cut short (a page cut mid-word: "into the sky" -> "into t"), an initial
                    return None
                out.append(f)
        return out

    ko, kn = content(old, old_first), content(new, new_first)
    if not ko or not kn:
        return False
    # a word kept in another form ("led" / "was leading", "domestic domination" / "dominance domestically")
    ko, kn = (
        [w for w in ko if not any(_one_word(w, x) for x in kn)],
        [w for w in kn if not any(_one_word(w, x) for x in ko)],
    )
    if not ko or not kn:
        return False
    jo, jn = "".join(ko), "".join(kn)
    # one word spelled, hyphenated or shortened otherwise ("defence" / "defense", "month long" / "monthlong",
    # "cryptocurrency" / "crypto", "newspaper" / "paper")
    if (
        jo.startswith(jn)
        or jn.startswith(jo)
        or jo.endswith(jn)
        or jn.endswith(jo)
        or fuzz.ratio(jo, jn) >= S.same_name
    ):
        return False
    # a word of one feeling swapped for one of the same feeling and strength ("talented" -> "excellent"): a synonym
    vo, vn = [_valence()[w] for w in ko if w in _valence()], [_valence()[w] for w in kn if w in _valence()]
    return not (vo and vn and all(a * b > 0 and abs(a - b) < S.valence_same for a in vo for b in vn))


def _one_word(a: str, b: str) -> bool:
    """Two forms of one word: an inflection (one stem, or an irregular form and its lemma's: "led" / "leading") or a
    derivation (a first six letters in common: "domination" / "dominance", "domestic" / "domestically")."""
    irregular = load_rules("en").irregular_forms
    ra, rb = irregular.get(a, a), irregular.get(b, b)
    return (
        _stem(a) == _stem(b)
        or _stem(ra) == _stem(rb)
        or ra == _stem(b)
        or rb == _stem(a)
        or (len(a) >= 6 and len(b) >= 6 and a[:6] == b[:6])
    )


def _typo(word: str) -> bool:
    """A misspelling of a common word, one letter dropped, doubled, swapped or a space lost ("scorinmg", "goverment",
    "titlefor"): a slip, not a rewording."""
    from wordfreq import zipf_frequency

    def common(w: str) -> bool:
        return zipf_frequency(w, "en") >= S.typo_zipf

    n = len(word)
    edits = {word[:i] + word[i + 1 :] for i in range(n)}
    edits |= {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(n - 1)}
    edits |= {word[:i] + ch + word[i:] for i in range(n + 1) for ch in "abcdefghijklmnopqrstuvwxyz"}
    return any(common(w) for w in edits) or any(common(word[:i]) and common(word[i:]) for i in range(2, n - 1))


def _figurative(before: str, after: str, s, c) -> list[Change]:
    """A figurative comparison (rules/en/comparisons.txt: "like a", "as if") the copy cut from a sentence it kept,
    or added to one: a change of tone ("collapse like a toy" -> "collapse")."""
    marks = load_rules("en").comparisons
    out = []
    for op, gone, new in _ops(before, after):
        for words, side in ((gone, "dropped"), (new, "added")):
            low = [fold(w) for w in words]
            if any(tuple(low[: len(m)]) == m for m in marks) and len(low) >= 3:
                run = " ".join(words)
                b, a = (run, None) if side == "dropped" else (None, run)
                out.append(Change("loaded-word", b, a, s, c, f"a figurative comparison {side}: '{run}'"))
    return out


def _open_questions(src: Analysis, cp: Analysis, s: tuple[int, int], c: tuple[int, int]) -> list[Change]:
    """A question the source leaves open that the copy's aligned sentence states (hedge-removed), or the reverse
    (hedge-added): a direct question ("Will the port reopen within weeks?" -> "The port will reopen within weeks.")
    or an indirect one ("had not decided whether to sell the painting" -> "plans to sell the painting";
    rules/en/open_questions.txt). Outside quotation marks only: a question someone asked is the quote kinds' to
    report. English only."""
    if src.language != "en" or cp.language != "en":
        return []
    words = _open_question_words()

    def opened(a: Analysis, span: tuple[int, int]) -> Optional[str]:
        text = a.text[span[0] : span[1]]
        for m in _WORD.finditer(text):
            if (
                fold(m.group(0)) in words
                and not _quoted_at(a, span[0] + m.start())
                and not _concessive(text, m.start())
            ):
                return " ".join(text[m.start() :].split()[: S.diff_question_words])
        at = text.rstrip().rfind("?")
        if at >= 0 and at >= len(text.rstrip()) - 3 and not _quoted_at(a, span[0] + at):
            return " ".join(text[: at + 1].split()[-S.diff_question_words :])
        return None

    was, now = opened(src, s), opened(cp, c)
    if was and not now:
        return [Change("hedge-removed", was, None, s, c, f"the source leaves open '{was}'; the copy states it")]
    if now and not was:
        return [Change("hedge-added", None, now, s, c, f"the copy leaves open '{now}', which the source states")]
    return []


def _concessive(text: str, at: int) -> bool:
    """ "regardless of whether it rains", "Whether or not it rains, ...": the alternatives are conceded, not left open
    (rules/en/concessive_openers.txt: the words before the opener; or "or not" right after an opener that begins the
    sentence or follows a comma, not "decided whether or not to sell")."""
    before = " ".join(fold(w) for w in text[:at].split()[-3:])
    after = " ".join(text[at:].split()[1:3]).lower().rstrip(",")
    clause_start = not text[:at].strip() or text[:at].rstrip().endswith(",")
    return (after == "or not" and clause_start) or any(before.endswith(p) for p in _concessive_openers())


@lru_cache(maxsize=1)
def _concessive_openers() -> tuple[str, ...]:
    from ..rules import lines

    return tuple(fold(w) for w in lines("en", "concessive_openers.txt"))


@lru_cache(maxsize=1)
def _open_question_words() -> frozenset[str]:
    from ..rules import lines

    return frozenset(fold(w) for w in lines("en", "open_questions.txt"))


def _cut(before: str, after: str, copy: str, s, c) -> list[Change]:
    """A run of the source sentence's words the copy cut with nothing in its place, long enough to be a clause,
    from a sentence it otherwise kept, and gave nowhere else ("the emotion was pure ecstasy after so many
    disappointments on this stage" -> "the emotion was pure ecstasy"): part of a sentence dropped, reported as a
    sentence dropped (settings: diff_cut_words, diff_cut_rest; a copy that also rewrote the rest is a rewrite, whose
    cuts the other kinds report, and words the copy moved to a sentence of their own were not dropped; a long
    sentence may have more of its other words changed: diff_cut_rest_share)."""
    from rapidfuzz import fuzz

    stops = stopwords()
    ops = list(_ops(before, after))
    cuts = [
        gone for op, gone, _ in ops if op == "delete" and sum(fold(w) not in stops for w in gone) >= S.diff_cut_words
    ]
    rest = sum(max(len(gone), len(new)) for op, gone, new in ops if gone not in cuts)
    if not cuts or rest > max(S.diff_cut_rest, S.diff_cut_rest_share * len(_WORD.findall(before))):
        return []
    text = _norm(copy)
    return [
        Change("sentence-dropped", " ".join(gone), None, s, c, f"part of the sentence dropped: '{' '.join(gone)}'")
        for gone in cuts
        if fuzz.partial_ratio(_norm(" ".join(gone)), text) < S.verbatim
    ]


def _only(figures: Optional[str], dated: set[str]) -> bool:
    """Every figure of a number change's list ("2025, 30") is a figure of a date dropped, reported as that."""
    given = [n.strip() for n in (figures or "").split(",") if n.strip()]
    return bool(given) and all(n in dated for n in given)


def _compare_translated(src: Analysis, cp: Analysis, s: tuple[int, int], c: tuple[int, int]) -> list[Change]:
    """Two sentences of two languages, one the other's translation: what translation cannot account for, the
    figures and clock times replaced, the weekdays or months changed, a hearsay or 'likely' marker dropped or added
    (figures only where the two agree on another figure: one claim; hedges there too, or where their names and
    cognates overlap, settings.diff_translated_claim)."""
    from . import crosslang as x

    before, after = src.text[s[0] : s[1]], cp.text[c[0] : c[1]]
    out: list[Change] = []
    fb, fa = x.figures(before), x.figures(after)
    gone, new = sorted(fb - fa), sorted(fa - fb)
    # one claim in both: the two give one figure alike (sentences of two languages align loosely; a figure or a
    # hedge compared across two different claims says nothing)
    same_claim = any(len(re.sub(r"\D", "", f)) >= 2 for f in fb & fa)
    if gone and new and same_claim:
        b, a = ", ".join(gone), ", ".join(new)
        out.append(Change("number-changed", b, a, s, c, f"translated: {b} -> {a}"))
    cb, ca = x.calendar_words(before), x.calendar_words(after)
    for kind in ("weekday", "month"):
        had, has = cb.get(kind, {}), ca.get(kind, {})
        if had.keys() == has.keys() or (kind == "weekday" and not (len(had) == len(has) == 1)):
            continue  # a weekday for another: one each side (several name several events)
        if kind == "month" and not (fb & fa):
            continue  # a month given or dropped: another date only where both give the same year or day
        b, a = ", ".join(had.values()) or None, ", ".join(has.values()) or None
        out.append(Change("date-changed", b, a, s, c, f"translated: {kind} '{b or 'none'}' -> '{a or 'none'}'"))
    out += _magnitude_changed(src.language, cp.language, before, after, s, c)
    # a figure both give, with a bound put or dropped (figure_qualifiers.tsv holds each language's: "4,000" -> "más
    # de 4.000"); an estimate dropped is figure_changes' hedge removed
    if not any(y.kind == "number-changed" for y in out):
        out += [x for x in _qualified(before, after, s, c) if not _estimate(x.before or "")]
    out += _cited_elsewhere(src, cp, before, after, s, c, _untranslated_speakers(src, before, after, s, c))
    out += _durations(src.language, cp.language, before, after, s, c, out)
    hb, ha = x.hearsay(before, src.language), x.hearsay(after, cp.language)
    hedged_b = bool(hb) or any(s[0] <= h.start < s[1] for h in src.hedges)
    hedged_a = bool(ha) or any(c[0] <= h.start < c[1] for h in cp.hedges)
    # a hedge compared across two claims says nothing: one claim where a figure is alike, or where the two share
    # enough names and cognates (settings: diff_translated_claim)
    if not (same_claim or x.dice(before, after) >= S.diff_translated_claim):
        return out
    if hb and not hedged_a:
        out += [Change("hedge-removed", w, None, s, c, f"hedge '{w}' not translated: stated as fact") for w in hb]
    if ha and not hedged_b:
        out += [Change("hedge-added", None, w, s, c, f"hedge '{w}' added in translation") for w in ha]
    return out + _translated_evaluative(src.language, cp.language, before, after, s, c)


def _judgments(text: str, lang: Optional[str]) -> list[str]:
    """The judgment words of a text in its language (rules/<lang>/evaluative.txt). Not the loaded words of
    loaded_terms.tsv: those say a tone against their neutral twin ("conceded defeat" is how an election is lost)."""
    if lang == "en":
        return [m.group(0) for m in _evaluative_pattern().finditer(text)]
    return [m.group(0) for p in _foreign_evaluative_words(lang or "") for m in p.finditer(text)]


def _translated_evaluative(src_lang: Optional[str], cp_lang: Optional[str], before: str, after: str, s, c):
    """A translation of one claim that puts a judgment word in a sentence whose source had none
    ("cybersecurity firm" -> "la controversée société"), or gives none where its source had one ("a landslide win"
    -> "une victoire"): a loaded word added or dropped in translation. Only between two languages with word lists
    (rules/<lang>/evaluative.txt); words cannot be matched across languages, so a sentence with a judgment word on
    each side is left alone (one word's translation for another's cannot be told from a word of another tone)."""
    if src_lang != "en" and not _foreign_evaluative_words(src_lang or ""):
        return []
    if cp_lang != "en" and not _foreign_evaluative_words(cp_lang or ""):
        return []
    had, has = _judgments(before, src_lang), _judgments(after, cp_lang)
    if had and not has:
        return [Change("loaded-word", w, None, s, c, f"'{w}' not translated") for w in dict.fromkeys(had)]
    if has and not had:
        return [Change("loaded-word", None, w, s, c, f"'{w}' added in translation") for w in dict.fromkeys(has)]
    return []


def _cited_elsewhere(src: Analysis, cp: Analysis, before: str, after: str, s, c, dropped: list[Change]):
    """A translated sentence that gives the claim of an attributed source sentence to a source of its own: an
    attribution cue of the copy's language (rules/<lang>/attribution_cues.txt) citing a name of two or more
    capitalised words none of which the source gives anywhere, nor a cognate of it ("..., afirmou a Comissão
    Europeia" for "The WHO said ..."): the attribution moved, in place of any name dropped. One capitalised word is
    no name here (every German noun is capitalised; "l'OMS" is the WHO) unless it is a news agency's acronym."""
    pattern = _attribution_cues(cp.language or "")
    attributed = [a for a in src.attributions if s[0] <= a.cue_span[0] < s[1]] if src.language == "en" else []
    cues = [f"{a.source} ({a.cue})" for a in attributed] or [cue for cue, _ in _cited(before, src.language or "")]
    if pattern is None or not cues:
        return dropped
    from .crosslang import cognate

    here = _folded_words(src.text)  # a name the source gives anywhere is no other source
    if attributed and all(_named(a.source) for a in attributed):
        # a speaker named in the sentence ("The WHO said"): another name cited in its place moved the claim, even
        # one the source gives elsewhere (a description, "Maryland's governor", may be the name the copy gives; so
        # may a pronoun the resolver named: the speaker's name counts as given)
        here = _folded_words(" ".join([before] + [a.source for a in attributed]))
    opens = _complementisers().get(cp.language or "", frozenset())
    for m in pattern.finditer(after.replace("\u2019", "'")):
        first = re.match(r"\s*(\w+'?)", after[m.end() :].replace("\u2019", "'"))
        if first and first.group(1).lower() in opens:
            continue  # "a annoncé que le PDG ...": the claim follows, its source is the cue's subject before it
        # who the cue cites: the words after it up to the clause's end or a quotation mark
        window = m.group(0).split()[1:] + re.split(r"[.,;:!?«»“”„\"]", after[m.end() :])[0].split()[:5]
        for run in _capitalised_runs([w.strip("()'") for w in window]):
            if not any(cognate(fold(w), x) for w in run for x in here):
                detail = f"translated with the claim cited to '{m.group(0)} ... {' '.join(run)}'"
                return [Change("attribution-moved", cues[0], m.group(0), s, c, detail)]
    return dropped


def _complementisers() -> dict[str, frozenset[str]]:
    """language -> the words of rules/provenance/complementisers.tsv ("que", "dass", "that"), lower case."""
    return _words_by_language("complementisers.tsv")


@lru_cache(maxsize=None)
def _words_by_language(name: str) -> dict[str, frozenset[str]]:
    """language -> the words of a `lang<TAB>word` file under rules/provenance/, lower case."""
    from .credits import rule_lines

    out: dict[str, set[str]] = {}
    for line in rule_lines(name):
        lang, _, word = line.partition("\t")
        out.setdefault(lang.strip(), set()).add(word.strip().lower())
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=64)
def _folded_words(text: str) -> frozenset[str]:
    from .features import words

    return frozenset(words(text))


def _capitalised_runs(words: list[str]) -> list[list[str]]:
    """Runs of two or more neighbouring capitalised words of three letters or more: a name's words; and a news
    agency's acronym standing alone (rules/provenance/wires.tsv: "la agencia de noticias AFP"). Other acronyms are
    spelt differently across languages ("la OMS" is the WHO, "EEUU" the U.S.) or are titles ("o CEO da Petrobras"),
    so they name no other source. An acronym before a capitalised word is a title of the name after it ("CEO Tim
    Cook")."""
    runs: list[list[str]] = [[]]
    for w in words:
        if w[:1].isupper() and len(w) >= 3:
            runs[-1].append(w)
        elif runs[-1]:
            runs.append([])
    from .credits import wire_name

    nxt = words[1:] + [""]
    alone = [[w] for w, n in zip(words, nxt) if w.isupper() and wire_name(w) and not n[:1].isupper()]
    return [r for r in runs if len(r) >= 2] + alone


def _untranslated_speakers(src: Analysis, before: str, after: str, s, c) -> list[Change]:
    """A speaker named in the source sentence's attribution ("..., Maryland Gov. Wes Moore said") whose name the
    translated sentence does not give at all ("les autorités ont eu de justesse le temps d'arrêter les véhicules"):
    names survive translation, so the claim now stands as the outlet's own. Only a speaker named by a proper name
    (a description, "officials", is translated) in a sentence the copy kept."""
    titles = load_rules("en").titles
    here, there = set(_WORD.findall(fold(before))), set(_WORD.findall(fold(after)))
    out = []
    for a in src.attributions:
        if not s[0] <= a.cue_span[0] < s[1] or not _named(a.source):
            continue
        # the name's own words, as the source sentence gives them (not a pronoun the resolver named)
        words = {fold(w) for w in _WORD.findall(a.source) if w[0].isupper() and len(w) >= 3} - titles
        words &= here
        if words and not words & there:
            out.append(Change("attribution-dropped", f"{a.source} ({a.cue})", None, a.cue_span, c,
                              f"translated without '{a.cue} {a.source}'"))  # fmt: skip
    return out


def _moved_in_translation(text: str, x: Change, c: tuple[int, int], near: list[tuple[int, int]]) -> Change:
    """A speaker a translated sentence leaves out that the sentence next to it names, one aligned to no other source
    sentence ("..., CEO Mark Zuckerberg said in a letter" -> "Meta entlässt 11.000 ... . Vorstandschef Mark
    Zuckerberg schrieb ... in einem Brief"): the translation gave the attribution a sentence of its own, and the
    claim before it now stands without it. Reported as the attribution moved, the two sentences together."""
    if x.kind != "attribution-dropped" or not x.detail.startswith("translated without") or not x.before:
        return x
    name = {fold(w) for w in _WORD.findall(x.before.rsplit(" (", 1)[0]) if w[0].isupper() and len(w) >= 3}
    for a, b in near:
        if name & set(_WORD.findall(fold(text[a:b]))):
            lo, hi = min(a, c[0]), max(b, c[1])
            return replace(x, kind="attribution-moved", after=text[a:b], copy_span=(a, b),
                           detail=f"{x.detail}; the translation names the speaker in a sentence of its own",
                           copy_sentence=text[lo:hi])  # fmt: skip
    return x


def translated_times(src: Analysis, cp: Analysis, found: Sequence[Change]) -> list[Change]:
    """Clock times of two languages: a sentence of the copy that gives one time its source's sentence gives (the
    hour in GMT, say) and another time where the source's gives a third: the time was changed in translation
    ("at about 1:30 a.m. (0530 GMT)" -> "aux alentours de 13h30 (05h30 GMT)"), however differently the two
    sentences are built."""
    from . import crosslang as x

    seen = {(x_.source_sentence, x_.copy_sentence) for x_ in found if x_.kind == "number-changed"}
    spans = _spans(src.text)
    # a sentence with the one after it: "at about 1:30 a.m. (0530 GMT)" is cut in two after "a.m."
    mine = [(a, b, x.clock_times(src.text[a:b])) for (a, _), (_, b) in zip(spans, spans[1:] + spans[-1:])]
    out = []
    for c0, c1 in _spans(cp.text):
        has = x.clock_times(cp.text[c0:c1])
        near = [m for m in mine if m[2] & has]
        if not near:
            continue
        s0, s1, had = max(near, key=lambda m: (len(m[2] & has), len(m[2])))  # its likeliest source, in full
        if not (had - has) or not (has - had) or (src.text[s0:s1], cp.text[c0:c1]) in seen:
            continue
        b, a = ", ".join(sorted(had - has)), ", ".join(sorted(has - had))
        out.append(Change("number-changed", b, a, (s0, s1), (c0, c1), f"translated: time {b} -> {a}",
                          source_sentence=src.text[s0:s1], copy_sentence=cp.text[c0:c1]))  # fmt: skip
    return out


def translated_quotes(src: Analysis, cp: Analysis) -> list[Change]:
    """Each quotation of a copy in another language with the source quotation it translates (crosslang.py: by
    cognates, names and figures, the speaker named next to both, and length), reported as a quotation reworded in
    translation, with what the translation changed that can be told without a dictionary: figures, names dropped,
    a part left out. A quotation the source's quotations do not hold may translate the source's own words (a
    statement, a letter): its sentences are compared next."""
    from . import crosslang as x

    quotes = x.marked_quotes(cp.text)
    quotes = sorted(
        x.with_speakers(quotes, cp.quotes) + x.reported_sentences(cp.text, cp.language, list(_spans(cp.text)), quotes),
        key=lambda p: p.start,
    )
    singles = x.with_speakers(x.marked_quotes(src.text), src.quotes)
    pool = x.quote_pool(src.text, singles, S.quote_joined)
    taken: list[tuple[int, int]] = []
    pairs = x.align_quotes(src.text, pool, cp.text, quotes, taken=taken)
    aligned = {cq.start for _, cq, _ in pairs}
    spans = _spans(src.text)  # the source's own words, one to three sentences (a copy quotes a passage of a letter)
    statement = [x.Passage(src.text[a:b], a, b) for n in (1, 2, 3) for (a, _), (_, b) in zip(spans, spans[n - 1 :])]
    rest = [q for q in quotes if q.start not in aligned]

    # a passage mostly inside one of the source's quotations is that quotation (a copy that quotes a sentence of it)
    def inside(sq, q) -> bool:
        return min(sq.end, q.end) - max(sq.start, q.start) >= (sq.end - sq.start) / 2 and q.end - q.start < 1000

    pairs += [
        (next((q for q in pool if inside(sq, q)), sq), cq, r)
        for sq, cq, r in x.align_quotes(src.text, statement, cp.text, rest, speakers=False, taken=taken)
    ]
    pairs = x.extend(src.text, cp.text, sorted(pairs, key=lambda p: p[1].start), singles, quotes, S.quote_joined)
    out = []
    for sq, cq, _ in pairs:
        notes = [f"translated ({src.language} -> {cp.language}), speaker {sq.speaker or cq.speaker or 'unattributed'}"]
        fb, fa = x.figures(sq.text), x.figures(cq.text)
        if fb != fa:
            notes.append(f"figures {', '.join(sorted(fb)) or 'none'} -> {', '.join(sorted(fa)) or 'none'}")
        ratio = len(cq.text) / max(len(sq.text), 1)
        if ratio < S.cross_part:
            notes.append(f"{ratio:.0%} of the source's length: part left out")
        passages = {"source_sentence": _passage(src.text, sq.start, sq.end),
                    "copy_sentence": _passage(cp.text, cq.start, cq.end)}  # fmt: skip
        out.append(Change("quote-reworded", sq.text, cq.text, (sq.start, sq.end), (cq.start, cq.end), "; ".join(notes),
                          **passages))  # fmt: skip
        # a bound or an estimate the speaker put on a figure that the translation drops ("more than 11,000" -> "11.000")
        span = ((sq.start, sq.end), (cq.start, cq.end))
        out += [replace(q, detail=f"in a translated quotation: {q.detail}", **passages)
                for q in _qualified(sq.text, cq.text, *span)]  # fmt: skip
        out += [replace(q, **passages) for q in _likely_in_translation(src, cp, sq, cq)]
    return out


def _likely_in_translation(src: Analysis, cp: Analysis, sq, cq) -> list[Change]:
    """A quotation translated with a word that gives its claim as likely only ("perhaps", "peut-être",
    "vielleicht": the 'likely' markers of rules/provenance/reported_speech.tsv) that the source's quotation did not
    hedge at all ("I knew one day I would be a world record-holder" -> "je savais que je pourrais peut-être détenir
    un record du monde"): the speaker made less sure, a hedge added; the reverse, a hedge removed. Hedged at all:
    a 'likely' marker, a hedging word of rules/provenance/hedges.tsv, or a hedge the analysis found in it (English).
    Hearsay markers are left out: inside a quotation a conditional is the speaker's grammar, not the outlet's
    distance."""
    from . import crosslang as x

    def hedged(a: Analysis, q) -> bool:
        words = _hedge_words().get(a.language or "", frozenset())
        return (
            bool(x.likely(q.text, a.language or ""))
            or any(w.lower() in words for w in _WORD.findall(q.text))
            or any(q.start <= h.start < q.end for h in a.hedges)
        )

    span = ((sq.start, sq.end), (cq.start, cq.end))
    lb, la = x.likely(sq.text, src.language or ""), x.likely(cq.text, cp.language or "")
    if la and not hedged(src, sq):
        return [Change("hedge-added", None, w, *span, f"'{w}' added in a translated quotation") for w in la]
    if lb and not hedged(cp, cq):
        return [Change("hedge-removed", w, None, *span, f"'{w}' not translated in a quotation") for w in lb]
    return []


def quote_changes(src: Analysis, cp: Analysis, found: Sequence[Change] = ()) -> list[Change]:
    """Every quotation of the copy matched to the source's quotation it most resembles, wherever each sits (a
    quotation split, merged or moved between sentences is still the same quotation); a match whose words differ is
    a quote reworded — the most serious change a copy can make."""
    from rapidfuzz import fuzz

    out: list[Change] = []
    hedged = {fold(x.before or "") for x in found if x.kind == "hedge-removed"}  # reported by aligned sentences
    pool = [(q, fold(q.text)) for q in _quote_pool(src) if len(q.text.split()) >= 2]
    plain = fold(src.text)
    for q in cp.quotes:
        if len(q.text.split()) < 2:
            continue
        fq = fold(q.text)
        if len(q.text.split()) >= 5 and _norm(q.text) not in _norm(src.text):
            # the copy quotes words the source states in its own voice (a statement, a letter): compare with them
            hit = fuzz.partial_ratio_alignment(fq, plain)
            if hit is not None and hit.score >= S.statement_quoted:
                before = src.text[hit.dest_start : hit.dest_end]
                if not pool or max(_quote_likeness(f, fq) for _, f in pool) < hit.score:
                    span = (hit.dest_start, hit.dest_end)
                    out.append(_reworded(src, cp, before, span, q, q.speaker or "unattributed"))
                    continue
        if not pool:
            continue
        match, folded = max(pool, key=lambda x: _covered_likeness(x[1], fq))
        r = _quote_likeness(folded, fq)
        if r < S.quote_reworded:
            continue
        out += _cue_hedges(src, cp, match, q, hedged)
        if _norm(match.text) == _norm(q.text):
            scope = _scope_comma(match.text, q.text)
            if scope:
                change = _reworded(src, cp, match.text, (match.start, match.end), q, q.speaker or "unattributed")
                out.append(replace(change, detail=scope))
            continue
        if _named(q.speaker) and _named(match.speaker) and not same_name(q.speaker, match.speaker) and r < 80:
            continue  # two people's words that merely look alike
        who = (
            q.speaker if same_name(q.speaker, match.speaker) or not match.speaker else f"{match.speaker} -> {q.speaker}"
        )
        change = _reworded(src, cp, match.text, (match.start, match.end), q, who)
        if _extended(match.text, q.text):
            change = replace(change, kind="paraphrase-to-quote",
                             detail=f"words the source did not quote put inside the quotation; {change.detail}")  # fmt: skip
        out.append(change)
    return out


@lru_cache(maxsize=1)
def _scope_pattern() -> re.Pattern:
    """A conjunction of rules/en/scope_conjunctions.txt with the comma before it, if any (group "comma"), and the
    clause it follows back to the last mark of punctuation (group "clause")."""
    from ..rules import lines

    words = "|".join(re.escape(w) for w in lines("en", "scope_conjunctions.txt"))
    return re.compile(rf"(?P<clause>[^.,;:!?—–]*?)(?P<comma>,?)\s+(?P<conj>{words})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _negated() -> re.Pattern:
    """A negation of rules/en/negations.txt, or a word ending in n't, as a whole-word pattern."""
    from ..rules import lines

    words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in lines("en", "negations.txt"))
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)|\w+n['’]t\b", re.IGNORECASE)


def _scope_comma(before: str, after: str) -> Optional[str]:
    """Two quotations in the same words, one with a comma before a conjunction after a negated clause and the
    other without ("I am not leaving, because I believe we cannot win" -> "I am not leaving because I believe we
    cannot win"): what the negation covers changed, and the speaker now says the opposite. What changed, or None."""
    had = [(m.group("comma"), m.group("clause"), m.group("conj")) for m in _scope_pattern().finditer(before)]
    has = [m.group("comma") for m in _scope_pattern().finditer(after)]
    if len(had) != len(has):
        return None
    for (comma, clause, conj), other in zip(had, has):
        if comma != other and _negated().search(clause):
            how = "dropped" if comma else "added"
            return f"a comma before '{conj}' after a negation {how}: what the negation covers changed"
    return None


def foreign_quotes(src: Analysis, cp: Analysis, found: Sequence[Change] = ()) -> list[Change]:
    """The quotations of a same-language rewrite in a language the analysis does not read (it finds none there: the
    marks alone, `crosslang.marked_quotes`), each of the copy's matched to the source's it most resembles wherever
    it sits, as `quote_changes` matches English ones: a match whose words differ is a quote reworded (a quotation
    cut short, a sentence of it reworded: "So einfach ist das" -> "So ist es einfach"). A quotation the aligned
    sentences already reported (`_marked_quotes`) is not reported twice."""
    from . import crosslang as x

    if src.language != cp.language or src.language in (None, "en"):
        return []
    pool = [q for q in x.marked_quotes(src.text) if len(q.text.split()) >= 2]
    done = {_norm(c.after) for c in found if c.kind in ("quote-reworded", "paraphrase-to-quote") and c.after}
    out = []
    for q in x.marked_quotes(cp.text):
        if not pool or len(q.text.split()) < 2 or _norm(q.text) in done:
            continue
        fq = fold(q.text)
        match = max(pool, key=lambda p: _covered_likeness(fold(p.text), fq))
        if not _foreign_quote_alike(fold(match.text), fq) or _spelled_alike(match.text, q.text):
            continue
        out.append(Change("quote-reworded", match.text, q.text, (match.start, match.end), (q.start, q.end),
                          f"quoted words changed; {_word_diff(match.text, q.text)}",
                          source_sentence=_passage(src.text, match.start, match.end),
                          copy_sentence=_passage(cp.text, q.start, q.end)))  # fmt: skip
    return out


def _foreign_quote_alike(source: str, copy: str) -> bool:
    """Two folded quotations of one language, one the other reworded or cut short: alike by characters (settings:
    foreign_quote), or the copy's a piece of the source's word for word (foreign_quote_piece). Stricter than
    `_quote_likeness`, which a few common words of a short quotation inside a long one satisfy, where no speaker is
    known to confirm the match."""
    from rapidfuzz import fuzz

    if fuzz.ratio(source, copy) >= S.foreign_quote:
        return True
    # partial_ratio aligns the shorter in the longer: only the copy's may be the piece (a label the source quoted,
    # found inside another quotation of the copy, is no quotation of the source reworded)
    return len(copy) <= len(source) and fuzz.partial_ratio(source, copy) >= S.foreign_quote_piece


def _spelled_alike(a: str, b: str) -> bool:
    """Two quotations with the same letters once spaces, hyphens and marks are gone and "ß" is "ss" ("Familien-Einheit"
    / "Familieneinheit", "grössten" / "größten"): a house spelling, not words changed."""

    def letters(text: str) -> str:
        return re.sub(r"[\W_]", "", fold(text)).replace("ß", "ss")

    return letters(a) == letters(b)


def unquoted_changes(src: Analysis, cp: Analysis, found: Sequence[Change]) -> list[Change]:
    """A source quotation the copy no longer quotes but puts in its own words, wherever the copy's sentence went and
    however it was reworded ('"These people are heroes," Moore said' -> "Moore praised them, referring to them as
    heroes"): a copy sentence, outside quotation marks, that names the speaker (it or the sentence before it) and
    holds most of the quotation's rare words (stems weighted by rarity in English: settings.diff_unquoted), the
    likeliest such sentence. Only a quotation neither an aligned sentence nor a copy quotation accounts for."""
    from rapidfuzz import fuzz

    if S.diff_unquoted > 1:
        return []
    told = {x.source_span for x in found if x.kind in ("quote-reworded", "paraphrase-to-quote")}
    said = [fold(q.text) for q in cp.quotes]
    spans = [(a, b) for a, b in joined_sentences(cp.text) if b - a >= 20]
    plain = [(a, b) for a, b in spans if not any(a <= q.start < b for q in cp.quotes)]
    out: list[Change] = []
    for q in _quote_pool(src):
        if len(q.text.split()) < 4 or not _named(q.speaker) or (q.start, q.end) in told:
            continue
        if any(q.start <= a < q.end for a, _ in told if a is not None) or _norm(q.text) in _norm(cp.text):
            continue
        fq = fold(q.text)
        if any(fuzz.partial_ratio(fq, f) >= S.quote_reworded * 2 for f in said):
            continue  # the copy still quotes it (the quotation changes report how)
        surname = fold(q.speaker).split()[-1]
        mine = _rare_stems(q.text)
        best = (0.0, None)
        for n, (a, b) in enumerate(spans):
            if (a, b) not in plain:
                continue
            near = cp.text[spans[n - 1][0] if n else a : b]
            if surname not in {fold(w) for w in _WORD.findall(near)}:
                continue
            theirs = _rare_stems(cp.text[a:b])
            if len(mine.keys() & theirs.keys()) < 2 or fuzz.partial_ratio(fq, fold(cp.text[a:b])) >= 90:
                continue  # one word in common says nothing; the words kept as they were are no rewording
            share = _held_weight(mine, theirs)
            if share > best[0]:
                best = (share, (a, b))
        if best[1] is None or best[0] < S.diff_unquoted:
            continue
        a, b = best[1]
        out.append(
            Change(
                "quote-reworded",
                q.text,
                cp.text[a:b],
                (q.start, q.end),
                (a, b),
                f"speaker {q.speaker}; no longer quoted: put in the copy's own words",
                source_sentence=_passage(src.text, q.start, q.end),
                copy_sentence=cp.text[a:b],
            )
        )
        told.add((q.start, q.end))
    return out


def _rare_stems(text: str) -> dict[str, float]:
    """A text's content words as stem -> rarity in English (features.rarity), stopwords left out."""
    from .features import rarity

    stops = stopwords()
    out: dict[str, float] = {}
    for w in _WORD.findall(text):
        f = fold(w)
        if f not in stops:
            out[_stem(f)] = max(out.get(_stem(f), 0.0), rarity(f))
    return out


def _held_weight(words: dict[str, float], other: dict[str, float]) -> float:
    """The share of `words`' rarity-weighted stems that `other` holds (0-1)."""
    total = sum(words.values())
    return sum(v for k, v in words.items() if k in other) / total if total else 0.0


def _extended(said: str, quoted: str) -> bool:
    """A copy's quotation that holds the whole of the source's and more words besides (at least two): words the
    speaker was not quoted as saying put inside the marks ("for their fight for freedom of expression" in their
    countries -> "for their fight for freedom of expression in the Philippines and Russia")."""
    a, b = _norm(said), _norm(quoted)
    return a in b and len(b.split()) - len(a.split()) >= 2


def _quote_pool(src: Analysis) -> list:
    """The source's quotations, and each two that follow one another as one speaker's words (a statement the
    source broke by a cue or a paragraph, "…club,” said Mas. “That would…", that a copy quotes in one piece)."""
    quotes = sorted(src.quotes, key=lambda q: q.start)
    merged = [
        replace(a, text=f"{a.text} {b.text}", end=b.end)
        for a, b in zip(quotes, quotes[1:])
        if 0 <= b.start - a.end <= S.quote_joined
        and (not a.speaker or not b.speaker or same_name(a.speaker, b.speaker))
    ]
    return quotes + merged


@lru_cache(maxsize=1)
def _certainty_levels() -> dict[str, int]:
    """Epistemic word -> its strength, 1 possible .. 3 certain (rules/en/certainty.tsv)."""
    from ..rules import table

    return {fold(word): int(level) for word, level in table("en", "certainty.tsv").items()}


def _certainty(before: str, after: str, s, c, found: Sequence[Change]) -> list[Change]:
    """A word saying how sure the claim is swapped for one of another strength ("a possible carcinogen" -> "a
    probable carcinogen": the copy is surer, hedge-removed; "will likely" -> "may": hedge-added). Only a swap: a
    hedge cut or added alone is the qualifiers' and hedges' to report."""
    levels = _certainty_levels()

    def said(text: str) -> dict[str, int]:
        return {w: levels[w] for w in (fold(x) for x in _WORD.findall(text)) if w in levels}

    had, has = said(before), said(after)
    if not had or not has or had.keys() == has.keys():
        return []
    done = {fold(x.before or x.after or "") for x in found if x.kind.startswith("hedge-")}
    old, new = max(had, key=had.get), max(has, key=has.get)
    if had[old] == has[new] or old in done or new in done:
        return []
    kind = "hedge-removed" if has[new] > had[old] else "hedge-added"
    return [
        Change(
            kind,
            old,
            new,
            s,
            c,
            f"'{old}' -> '{new}': the copy is {'surer' if kind == 'hedge-removed' else 'less sure'}",
        )
    ]


@lru_cache(maxsize=1)
def _quantifier_pattern() -> tuple[re.Pattern, dict[str, object]]:
    """A quantifier of rules/en/quantifiers.tsv or a number word ("two", "ten": an exact count, rules/en/numbers.tsv),
    then the two words after it; and each one's strength (a number word's: its value)."""
    from ..rules import table

    strength: dict[str, object] = {
        phrase.lower(): int(level) for phrase, level in table("en", "quantifiers.tsv").items()
    }
    if S.diff_counted_words:
        numbers = load_rules("en").numbers
        strength |= {w: f"={numbers[w]:g}" for w in _number_word_set() if w not in strength}
    words = "|".join(re.escape(p) for p in sorted(strength, key=len, reverse=True))
    return re.compile(
        rf"(?<![\w-])({words})\s+(?:the\s+|of\s+the\s+|of\s+)?([^\W\d_]+)(?:\s+([^\W\d_]+))?", re.I
    ), strength


@lru_cache(maxsize=1)
def _magnitude_patterns() -> dict[str, tuple[re.Pattern, dict[str, int]]]:
    """language -> the vague counts of rules/provenance/magnitudes.tsv as one pattern (longest first, not after a
    figure) and each one's power of ten."""
    from .credits import rule_lines

    by: dict[str, dict[str, int]] = {}
    for line in rule_lines("magnitudes.tsv"):
        lang, phrase, power = (x.strip() for x in line.split("\t"))
        by.setdefault(lang, {})[phrase.lower()] = int(power)
    out = {}
    for lang, powers in by.items():
        words = "|".join(r"\s+".join(map(re.escape, p.split())) for p in sorted(powers, key=len, reverse=True))
        out[lang] = (re.compile(rf"(?<![\d.,]\s)(?<![\d.,])(?<!\w)(?:{words})(?!\w)", re.I), powers)
    return out


def _magnitudes(text: str, lang: Optional[str]) -> dict[int, str]:
    """The orders of magnitude the vague counts of `text` (in `lang`) name, each with its first wording."""
    pattern, powers = _magnitude_patterns().get(lang or "", (None, {}))
    out: dict[int, str] = {}
    for m in pattern.finditer(text) if pattern else ():
        out.setdefault(powers[re.sub(r"\s+", " ", m.group(0).lower())], m.group(0))
    return out


def _magnitude_changed(src_lang: Optional[str], cp_lang: Optional[str], before: str, after: str, s, c) -> list[Change]:
    """A vague count of one order of magnitude that the aligned sentence gives as one of another, in either
    language ("Dutzende Menschen" -> "Hunderte Menschen", "hundreds of patients" -> "des milliers de patients"): the
    number changed. Only where each side has a count the other lacks (one count put for another, not one added)."""
    mb, ma = _magnitudes(before, src_lang), _magnitudes(after, cp_lang)
    gone, new = sorted(mb.keys() - ma.keys()), sorted(ma.keys() - mb.keys())
    if not gone or not new:
        return []
    b, a = mb[gone[0]], ma[new[0]]
    return [Change("number-changed", b, a, s, c, f"'{b}' -> '{a}'")]


def _quantified(before: str, after: str, s, c) -> list[Change]:
    """A quantifier swapped for one of another strength before the same noun ("most residents" -> "all the
    residents", "some experts" -> "many experts", "some residents" -> "hundreds of angry residents"), or a count
    given in words changed or made vague ("for one year" -> "for two years", "several experts" -> "one expert"):
    the share of the set, or its size, the sentence speaks of changed. The noun is either of the two words after
    the quantifier that is no stopword (an adjective may come between)."""
    pattern, strength = _quantifier_pattern()
    stops = stopwords()

    def quantified(text: str) -> dict[str, tuple[str, str]]:
        out = {}
        for m in pattern.finditer(text):
            if S.diff_counted_words and isinstance(strength[m.group(1).lower()], str):
                # a count: of the word right after it ("two years"), not a part of a set ("one of the most ...")
                if not re.search(r"\sof\s", m.group(0)):
                    out.setdefault(_stem(fold(m.group(2))), (m.group(1).lower(), text[m.start() : m.end(2)]))
                continue
            if S.diff_counted_words and re.search(r"\bthe\s+$", text[max(0, m.start() - 4) : m.start()], re.I):
                continue  # "the most difficult", "the few who stayed": a superlative, a definite set
            for g in (2, 3):
                w = m.group(g)
                if w and fold(w) not in stops:
                    out.setdefault(_stem(fold(w)), (m.group(1).lower(), text[m.start() : m.end(g)]))
                    if not S.diff_counted_words:
                        break
        return out

    had, has = quantified(before), quantified(after)
    out, seen = [], set()
    for noun, (q, phrase) in had.items():
        if noun not in has:
            continue
        q2, phrase2 = has[noun]
        if strength[q] != strength[q2] and (phrase, phrase2) not in seen:
            seen.add((phrase, phrase2))
            out.append(Change("number-changed", phrase, phrase2, s, c, f"'{phrase}' -> '{phrase2}'"))
    return out


def _cue_hedges(src: Analysis, cp: Analysis, sq, cq, done: set[str]) -> list[Change]:
    """One quotation in both texts, attributed with a qualifier in the source that the copy's attribution lacks
    ("was cited by TASS as saying" -> "told TASS"): a hedge removed, wherever the two sentences went."""
    before, after = _around(src.text, sq.start, sq.end), _around(cp.text, cq.start, cq.end)
    pattern = load_rules("en").qualifiers

    def outside(sentence: str, quote: str) -> set[str]:
        return {fold(m.group(0)) for m in pattern.finditer(sentence.replace(quote, " "))}

    out = []
    for word in sorted(outside(before, sq.text) - outside(after, cq.text)):
        if word in done:
            continue
        done.add(word)
        out.append(Change("hedge-removed", word, None, (sq.start, sq.end), (cq.start, cq.end),
                          f"'{word}' dropped from the attribution of a quotation",
                          source_sentence=before, copy_sentence=after))  # fmt: skip
    return out


def _reworded(src: Analysis, cp: Analysis, before: str, span: tuple[int, int], q, who: str) -> Change:
    """A quotation of the copy whose words differ from `before`, the source's words at `span`."""
    return Change(
        "quote-reworded",
        before,
        q.text,
        span,
        (q.start, q.end),
        f"speaker {who}; {_word_diff(before, q.text)}",
        source_sentence=_passage(src.text, *span),
        copy_sentence=_passage(cp.text, q.start, q.end),
    )


def _named(speaker: Optional[str]) -> bool:
    """A speaker given by name ("Dmitry Muratov"), not a description the resolver fell back on ("reporters")."""
    return bool(speaker) and all(w[:1].isupper() for w in speaker.split()[:2])


def _quote_likeness(a: str, b: str) -> float:
    """How alike two quotations are: by characters, or as a trimmed one inside a longer one."""
    from rapidfuzz import fuzz

    r = fuzz.ratio(a, b)
    if min(len(a.split()), len(b.split())) >= 4:
        r = max(r, fuzz.partial_ratio(a, b) - 5)
    return r


def _covered_likeness(source: str, copy: str) -> float:
    """`_quote_likeness` of a source quotation shorter than the copy's discounted by how much of it it covers: the
    whole quotation the source broke in two matches better than one piece of it. (A copy that quotes a piece of a
    longer source quotation keeps the full likeness: copies trim.)"""
    from rapidfuzz import fuzz

    whole = fuzz.ratio(source, copy)
    cover = min(1.0, len(source) / max(len(copy), 1))
    return whole + (_quote_likeness(source, copy) - whole) * cover


@lru_cache(maxsize=16)
def _spans(text: str) -> tuple[tuple[int, int], ...]:
    """`sentences` of a text, kept for the texts of the diff at hand: each change asks for its sentence."""
    return tuple(sentences(text))


def _sentence_at(text: str, pos: int) -> Optional[str]:
    return next((text[a:b] for a, b in _spans(text) if a <= pos < b), None)


def _around(text: str, start: int, end: int) -> str:
    """The sentences a span runs over (a quotation of two sentences and its cue after them)."""
    every = sentences(text)
    spans = [(a, b) for a, b in every if b > start and a < max(end, start + 1)]
    last = next(((a, b) for a, b in every if a <= end < b), None)
    if last:
        spans.append(last)
    return text[min(a for a, _ in spans) : max(b for _, b in spans)] if spans else ""


def _lead(text: str) -> Optional[str]:
    """The opening of a text, where a copy puts its own dateline and credit: its first sentence and, where that is a
    paragraph of one short sentence (a headline, a standfirst, or a lead of one sentence: settings lead_chars), the
    sentences after it up to the first of a longer or fuller paragraph (three at most)."""
    spans = sentences(text)
    out: list[tuple[int, int]] = []
    for a, b in spans[:3]:
        out.append((a, b))
        end = text.find("\n", a)
        end = len(text) if end < 0 else end
        if end - a >= S.lead_chars or any(a < x < end for x, _ in spans):
            break
    return text[out[0][0] : out[-1][1]] if out else None


def _closest(sentence: Optional[str], text: str, spans: list[tuple[int, int]]) -> Optional[str]:
    """The sentence of `text` most like `sentence` (where a dropped credit's sentence went)."""
    from rapidfuzz import fuzz

    if not sentence or not spans:
        return None
    s, e = max(spans, key=lambda se: fuzz.ratio(fold(sentence), fold(text[se[0] : se[1]])))
    return text[s:e]


def _passage(text: str, start: int, end: int) -> str:
    """The paragraph(s) around a span: a quotation often runs over several sentences, its cue after them."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    return text[a : b if b >= 0 else len(text)].strip()


def _unquoted(src: Analysis, cp: Analysis, s, c) -> list[Change]:
    """The source's quotations that the aligned copy sentence no longer quotes or holds word for word: a person's
    words put in the outlet's own voice, in other words ("we will rebuild" -> "vowing to rebuild")."""
    if any(c[0] <= q.start < c[1] for q in cp.quotes):
        return []
    after = cp.text[c[0] : c[1]]
    return [
        Change(
            "quote-reworded",
            q.text,
            after,
            (q.start, q.end),
            c,
            f"speaker {q.speaker or 'unattributed'}; no longer quoted",
        )
        for q in src.quotes
        if s[0] <= q.start < s[1] and len(q.text.split()) >= 2 and _norm(q.text) not in _norm(after)
    ]


def _own_voice(text: str, span: tuple[int, int]) -> str:
    """The paragraph a sentence stands in, without the words it puts in quotation marks: a letter or a statement
    excerpted without marks speaks in the first person in its paragraph, if not in each sentence ("At the start of
    Covid, the world rapidly moved online ... I did too, so I made the decision ...")."""
    a = text.rfind("\n", 0, span[0]) + 1
    b = text.find("\n", span[1])
    return _SINGLE.sub(" ", _MARKED.sub(" ", text[a : b if b >= 0 else len(text)]))


_SINGLE = re.compile(r"(?<!\w)['‘][^'‘’\n]{2,300}?['’](?!\w)")  # 'I got this wrong, I apologize': a headline's quote


def _first_person(sentence: str) -> bool:
    """Told in the first person: outside quotation marks in a news text, a statement excerpted without them (a
    letter, a post), whose rewording is a quotation reworded."""
    speaker = _first_person_words()
    # "US" in capitals is the country, not "us"
    return any(w.lower() in speaker for w in re.findall(r"[^\W\d_]+", sentence) if len(w) == 1 or not w.isupper())


@lru_cache(maxsize=1)
def _first_person_words() -> frozenset[str]:
    """I, me, we, us: the speaker pronouns of rules/en/pronouns.tsv, the addressee (you) aside. Not the analysis'
    rules/en/first_person.txt, which adds the possessives: one news sentence's "our" is often everyone's ("our closest
    extinct relatives"), where a paragraph of a letter the analysis reads is the writer's (tried: that Pääbo sentence
    became a quotation reworded; nothing on the checklist moved)."""
    return frozenset(w for w, kind in load_rules("en").pronouns.items() if kind == "speaker" and w != "you")


def _quotes(src: Analysis, cp: Analysis, s, c) -> list[Change]:
    """Words the source had outside quotation marks that the copy puts inside them."""
    from rapidfuzz import fuzz

    out = []
    sq = [q for q in src.quotes if s[0] <= q.start < s[1]]
    cq = [q for q in cp.quotes if c[0] <= q.start < c[1]]
    for q in cq:
        if sq or (q.kind == "partial" and len(q.text.split()) < 4):
            continue
        plain = src.text[s[0] : s[1]]
        if fuzz.partial_ratio(fold(q.text), fold(plain)) >= S.quote_unmarked:
            out.append(
                Change(
                    "paraphrase-to-quote",
                    plain,
                    q.text,
                    s,
                    (q.start, q.end),
                    f"now quoted as {q.speaker or 'unattributed'}",
                )
            )
    return out


def _marked_paraphrase(before: str, after: str, s, c) -> list[Change]:
    """`_quotes` for a language the analysis does not read, by quotation marks alone (crosslang.marked_quotes):
    words of four or more that the copy sentence quotes and its source sentence gave, alike, without marks."""
    from rapidfuzz import fuzz

    from .crosslang import marked_quotes

    if marked_quotes(before):
        return []
    return [
        Change("paraphrase-to-quote", before, q.text, s, (c[0] + q.start, c[0] + q.end), "now quoted")
        for q in marked_quotes(after)
        if len(q.text.split()) >= S.marked_quote_words
        and fuzz.partial_ratio(fold(q.text), fold(before)) >= S.quote_unmarked
    ]


def _attributions(src: Analysis, cp: Analysis, s, c) -> list[Change]:
    sa = [a for a in src.attributions if s[0] <= a.cue_span[0] < s[1]]
    ca = [a for a in cp.attributions if c[0] <= a.cue_span[0] < c[1]]
    out = []
    for a in sa:
        if not ca and _still_cited(a.source, cp.text[c[0] : c[1]]):
            continue
        if not ca:
            out.append(
                Change(
                    "attribution-dropped",
                    f"{a.source} ({a.cue})",
                    None,
                    a.cue_span,
                    c,
                    f"the copy states it without '{a.cue} {a.source}'",
                )
            )
        elif not any(same_name(a.source, b.source) for b in ca):
            b = next((b for b in ca if _same_claim(a.content, b.content)), None)
            if b is None:  # the copy's speakers say other things: this claim now stands as the copy's own
                out.append(Change("attribution-dropped", f"{a.source} ({a.cue})", None, a.cue_span, c,
                                  f"the copy states it without '{a.cue} {a.source}'"))  # fmt: skip
                continue
            out.append(
                Change(
                    "attribution-moved",
                    a.source,
                    b.source,
                    a.cue_span,
                    b.cue_span,
                    f"'{a.cue}' {a.source} became '{b.cue}' {b.source}",
                )
            )
    moved = {x.copy_span for x in out if x.kind == "attribution-moved"}
    writer = _writer(src, s) if not sa and ca else None
    for b in ca:
        if b.cue_span in moved or any(same_name(a.source, b.source) for a in sa):
            continue
        if writer is not None:
            name, intro = writer
            if not same_name(name, b.source):  # the writer's own words given to another
                out.append(Change("attribution-moved", intro, f"{b.source} ({b.cue})", s, b.cue_span,
                                  f"the source gives these words as {name}'s; the copy as {b.source}'s"))  # fmt: skip
            continue  # naming the writer the source's excerpt already gave says nothing new
        # a quotation in the source's sentence whose words the copy gives to another ("'..., I think', Dr X said"
        # -> "officials said that ..."): moved, not added; to its own speaker, nothing new
        speakers = _quoted_speakers(src, s) if not sa else []
        if any(same_name(q, b.source) for q in speakers):
            continue
        if speakers:
            out.append(Change("attribution-moved", speakers[0], f"{b.source} ({b.cue})", s, b.cue_span,
                              f"the source quotes {speakers[0]}; the copy gives it as {b.source}'s"))  # fmt: skip
            continue
        # a source the copy names that the source's sentence does not ("..., reported the AFP news agency")
        why = "the source stated it without attribution" if not sa else f"the source did not say '{b.cue} {b.source}'"
        out.append(Change("attribution-added", None, f"{b.source} ({b.cue})", s, b.cue_span, why))
    return out


def _quoted_speakers(src: Analysis, s: tuple[int, int]) -> list[str]:
    """The named speakers of the source's quotations that begin in sentence `s`."""
    return [q.speaker for q in src.quotes if s[0] <= q.start < s[1] and _named(q.speaker)]


def _same_claim(a: str, b: str) -> bool:
    """Two attributed contents that share a content word (a stem outside the stopwords): one claim given to
    another speaker, not two speakers saying two things ("X will be president, said his rival" -> "X swept to
    victory, vowing to halt decades of decline")."""
    stops = stopwords()
    words = [{_stem(w) for w in _WORD.findall(fold(x or "")) if w not in stops} for x in (a, b)]
    return not all(words) or bool(words[0] & words[1])


def _still_cited(name: str, sentence: str) -> bool:
    """The copy sentence names the source's speaker beside a verb of saying that the attribution finder did not
    take for a cue ("..., as confirmed by Maryland's governor"): the attribution was kept, not dropped."""
    last = fold(name).split()[-1:] if name else []
    words = [fold(w) for w in _WORD.findall(sentence)]
    if not last or last[0] not in words:
        return False
    cues = _cue_stems()
    return any(_stem(w) in cues for w in words)


@lru_cache(maxsize=1)
def _cue_stems() -> frozenset[str]:
    """The stems of the verbs of saying (rules/en/cue_verbs.txt)."""
    return frozenset(_stem(v) for v in load_rules("en").cue_verbs)


def _writer(src: Analysis, s: tuple[int, int]) -> Optional[tuple[str, str]]:
    """Whose words a first-person sentence of the source is, where the source excerpts a letter without quotation
    marks: the person named by the nearest sentence of an earlier paragraph that names a letter, an email, a memo or
    a post (rules/en/letter_nouns.txt) of theirs ("Here are excerpts from Mark Zuckerberg's email"). The name and
    that sentence, else None."""
    if not _first_person(_own_voice(src.text, s)):
        return None
    nouns = load_rules("en").letter_nouns
    people = [(m.start, e.name) for e in src.entities if e.type == "PERSON" for m in e.mentions if m.kind == "name"]
    spans = [x for x in _spans(src.text) if x[1] <= s[0]][-S.writer_sentences :]
    for a, b in reversed(spans):
        if "\n" not in src.text[b : s[0]]:
            continue  # in the excerpt's own paragraph: the writer's words, or the author's (a blogger's "I")
        if not nouns & set(_WORD.findall(fold(src.text[a:b]))):
            continue
        named = [name for at, name in people if a <= at < b]
        if named:
            return named[0], src.text[a:b]
    return None


def _reported(before: str, after: str, s, c, found: Sequence[Change]) -> list[Change]:
    """An agency one sentence names as its report's source ("..., reported the AFP news agency", "according to
    Reuters") that the other does not: who vouches for the claim changed."""
    from .credits import find_credits

    def named(sentence: str) -> set[str]:
        return {x.name for x in find_credits(sentence) if x.kind == "reported"}

    said = " ".join(f"{x.before or ''} {x.after or ''}" for x in found if x.kind.startswith("attribution"))
    mine, theirs = named(before), named(after)
    out = [Change("attribution-added", None, name, s, c, f"the copy adds that {name} reported it",
                  source_sentence=before, copy_sentence=after)
           for name in sorted(theirs - mine) if name not in said]  # fmt: skip
    out += [Change("attribution-dropped", name, None, s, c, f"the copy no longer says {name} reported it",
                   source_sentence=before, copy_sentence=after)
            for name in sorted(mine - theirs) if name not in said]  # fmt: skip
    return out


def _hedges(src: Analysis, cp: Analysis, s, c) -> list[Change]:
    sh = [h for h in src.hedges if s[0] <= h.start < s[1]]
    ch = [h for h in cp.hedges if c[0] <= h.start < c[1]]
    out = []
    if sh and not ch:
        out += [
            Change(
                "hedge-removed",
                h.text,
                None,
                (h.start, h.end),
                c,
                f"'{src.text[s[0] : s[1]]}' -> '{cp.text[c[0] : c[1]]}'",
            )
            for h in sh
        ]
    if ch and not sh:
        out += [Change("hedge-added", None, h.text, s, (h.start, h.end)) for h in ch]
    return out


@lru_cache(maxsize=None)
def _attribution_cues(lang: str) -> Optional[re.Pattern]:
    """The attribution cues of rules/<lang>/attribution_cues.txt as one pattern (None for a language without the
    file); "..." in a cue stands for up to six words between."""
    from ..rules import lines

    try:
        cues = lines(lang, "attribution_cues.txt")
    except (FileNotFoundError, ModuleNotFoundError):
        return None
    alts = [
        r"\s+(?:\S+\s+){0,6}?".join(r"\s+".join(map(re.escape, p.split())) for p in cue.split("...")) for cue in cues
    ]
    return re.compile(r"(?<!\w)(?:" + "|".join(sorted(alts, key=len, reverse=True)) + r")(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=None)
def _cue_words(lang: str) -> frozenset[str]:
    """The words of the attribution cues of `lang` (folded): no word of who a cue cites."""
    from ..rules import lines

    return frozenset(fold(w) for cue in lines(lang, "attribution_cues.txt") for w in cue.split() if w != "...")


def _cited(sentence: str, lang: str) -> list[tuple[str, frozenset[str]]]:
    """Each attribution cue of a sentence in `lang` with who it cites: the content words (four letters or more, no
    function word of the language) inside the cue and in the six words after it."""
    from ..ingest.language import stopwords_by_language

    pattern = _attribution_cues(lang)
    if pattern is None:
        return []
    stops = stopwords_by_language().get(lang, frozenset()) | _cue_words(lang)
    text = sentence.replace("\u2019", "'")
    out = []
    for m in pattern.finditer(text):
        window = m.group(0).split()[1:] + text[m.end() :].split()[:6]
        words = {fold(w.strip(".,;:!?()\"'«»“”„")) for w in window}
        out.append((m.group(0), frozenset(w for w in words if len(w) >= 4 and w.isalpha() and w not in stops)))
    return out


def _foreign_attributions(src_lang: Optional[str], cp_lang: Optional[str], before: str, after: str, s, c):
    """A claim's source in a rewrite of the same language, in a language the analysis does not read (the cues of
    rules/<lang>/attribution_cues.txt: "laut", "selon", "ha dichiarato"): the copy's aligned sentence gives the claim
    without the source's cue (attribution dropped), with a cue the source had not (added), or with a cue that cites
    another source (moved: words of who the source cites that the copy sentence lacks, and the reverse)."""
    if src_lang != cp_lang or src_lang in (None, "en"):
        return []
    cb, ca = _cited(before, src_lang), _cited(after, cp_lang)
    if cb and not ca:
        return [Change("attribution-dropped", cue, None, s, c, f"attribution '{cue}' dropped") for cue, _ in cb[:1]]
    if ca and not cb:
        return [Change("attribution-added", None, cue, s, c, f"attribution '{cue}' added") for cue, _ in ca[:1]]
    if not cb:
        return []
    # a word counts as kept where the other sentence has one of its first five letters (an inflection, a compound)
    n = S.kept_prefix
    fb, fa = {w[:n] for w in _WORD.findall(fold(before))}, {w[:n] for w in _WORD.findall(fold(after))}
    gone = [(cue, w) for cue, w in cb if any(x[:n] not in fa for x in w)]
    new = [(cue, w) for cue, w in ca if any(x[:n] not in fb for x in w)]
    if gone and new:
        b, a = gone[0][0], new[0][0]
        return [Change("attribution-moved", b, a, s, c, f"attribution '{b}' -> '{a}'")]
    return []


def _hedge_words() -> dict[str, frozenset[str]]:
    """language -> the hedging words of rules/provenance/hedges.tsv (lower case, accents kept: folded, German
    "könnte" would be "konnte", a plain past tense)."""
    return _words_by_language("hedges.tsv")


def _foreign_hedges(src_lang: Optional[str], cp_lang: Optional[str], before: str, after: str, s, c) -> list[Change]:
    """A hedging word ("soll", "aurait") of a language the analysis does not read, that the aligned copy sentence
    of the same language cut or swapped in place, keeping the claim around it (a hedge removed), or the reverse (a
    hedge added). A clause cut whole with its hedge in it is a claim dropped, not a hedge removed."""
    words = _hedge_words().get(src_lang or "") if src_lang == cp_lang else None
    if not words:
        return []
    out = []
    cut: set[str] = set()  # words of clauses cut or added whole (not reworded: a replacement keeps the claim)
    for _, old, new in _ops(before, after):
        if len(old) > 2 or len(new) > 2:
            if (not old or not new) and not _moved_words(old + new, after if old else before):
                cut |= {w.lower() for w in old + new}
            continue
        had, has = {w.lower() for w in old} & words, {w.lower() for w in new} & words
        out += [Change("hedge-removed", w, None, s, c, f"'{w}' dropped") for w in sorted(had - has)]
        out += [Change("hedge-added", None, w, s, c, f"'{w}' added") for w in sorted(has - had)]
    if out:
        return out
    # reworded around the hedge: the whole sentence hedged on one side only, where the two make one claim (a figure
    # alike, as for a translation: `_compare_translated`, or words alike: `_one_claim`)
    hb, ha = {w.lower() for w in _WORD.findall(before)} & words, {w.lower() for w in _WORD.findall(after)} & words
    if (hb and ha) or (hb | ha) & cut or not _one_claim(before, after):
        return []
    if hb:
        return [Change("hedge-removed", w, None, s, c, f"'{w}' dropped: stated as fact") for w in sorted(hb)]
    return [Change("hedge-added", None, w, s, c, f"'{w}' added") for w in sorted(ha)]


@lru_cache(maxsize=None)
def _degree_rows(lang: str) -> tuple[tuple[str, ...], ...]:
    """The (word, scale, level) rows of rules/<lang>/degree_words.tsv (none for a language without the file)."""
    from ..rules import lines

    try:
        return tuple(tuple(r.split("\t")) for r in lines(lang, "degree_words.tsv"))
    except (FileNotFoundError, ModuleNotFoundError):
        return ()


@lru_cache(maxsize=None)
def _degree_words(lang: str) -> dict[str, tuple[str, int]]:
    """Lower-case word -> (scale, level) of rules/<lang>/degree_words.tsv ({} for a language without the file)."""
    return {w.lower(): (scale, int(level)) for w, scale, level in _degree_rows(lang) if scale != "idiom"}


@lru_cache(maxsize=None)
def _degree_idioms(lang: str) -> Optional[re.Pattern]:
    """The phrases of rules/<lang>/degree_words.tsv (scale idiom) in which a degree word says no degree ("più alto
    mai registrato": ever, not never; "immer mehr": more and more), as one pattern ("*": any one word)."""
    idioms = [phrase for phrase, scale, _ in _degree_rows(lang) if scale == "idiom"]
    return _phrases_pattern(idioms) if idioms else None


def _phrases_pattern(phrases) -> re.Pattern:
    """Whole phrases of a word list as one case-blind pattern: words apart by any space, "*" any one word, the
    longest phrase tried first."""
    alts = sorted(
        (r"\s+".join(r"\w+" if w == "*" else re.escape(w) for w in phrase.split()) for phrase in phrases),
        key=len,
        reverse=True,
    )
    return re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)", re.IGNORECASE)


def _cut_whole(before: str, after: str) -> set[str]:
    """The words (lower case) of the clauses one sentence has and the other cut or added whole: a run of three words
    or more on one side only, not moved elsewhere in the other sentence. A word of such a clause belongs to a claim
    dropped or added, not to a tone or degree changed."""
    cut: set[str] = set()
    for _, old, new in _ops(before, after):
        if (
            (len(old) > 2 or len(new) > 2)
            and (not old or not new)
            and not _moved_words(old + new, after if old else before)
        ):
            cut |= {w.lower() for w in old + new}
    return cut


def _foreign_degrees(src_lang: Optional[str], cp_lang: Optional[str], before: str, after: str, s, c) -> list[Change]:
    """How often, how many or how much, changed by a same-language rewrite in a language the analysis does not read
    (rules/<lang>/degree_words.tsv): the one word of a scale each sentence has, swapped for one of another level
    ("souvent" -> "parfois", "viele" -> "die meisten"), or an intensifier put in or taken out ("viel zu spät" ->
    "zu spät"), where the two sentences make one claim (`_one_claim`) and the word is not part of a clause cut or
    added whole nor of a phrase that says no degree (`_degree_idioms`): a loaded word, as `_adverbs` and
    `_quantified` read English."""
    words = _degree_words(src_lang or "") if src_lang == cp_lang and src_lang != "en" else {}
    if not words:
        return []
    cut = _cut_whole(before, after)
    idioms = _degree_idioms(src_lang or "")

    def found(text: str) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for w in _WORD.findall(idioms.sub(" ", text) if idioms else text):
            if (hit := words.get(w.lower())) and w.lower() not in cut:
                out.setdefault(hit[0], {})[w] = hit[1]
        return out

    fb, fa = found(before), found(after)
    if not (fb or fa) or not _one_claim(before, after):
        return []
    out = []
    for scale in sorted(fb.keys() | fa.keys()):
        had, has = fb.get(scale, {}), fa.get(scale, {})
        if scale == "intensity":
            # one level only: an intensifier put for another ("sehr" -> "äußerst") is said as strongly; those left
            # over once the two sides' are paired off were dropped or added
            dropped = [w for w in had if w.lower() not in {x.lower() for x in has}]
            added = [w for w in has if w.lower() not in {x.lower() for x in had}]
            n = min(len(dropped), len(added))
            out += [Change("loaded-word", w, None, s, c, f"'{w}' dropped: said less strongly") for w in dropped[n:]]
            out += [Change("loaded-word", None, w, s, c, f"'{w}' added: said more strongly") for w in added[n:]]
        elif len(had) == 1 and len(has) == 1:
            (b, lb), (a, la) = next(iter(had.items())), next(iter(has.items()))
            if lb != la:
                out.append(Change("loaded-word", b, a, s, c, f"'{b}' -> '{a}': {scale} {lb} -> {la} (of 4)"))
    return out


@lru_cache(maxsize=None)
def _foreign_stances(lang: str) -> Optional[tuple[re.Pattern, dict[str, str]]]:
    """The reporting verbs of rules/<lang>/reporting_stance.tsv as one pattern and form -> stance (None for a
    language without the file)."""
    from ..rules import table

    try:
        stances = {form.lower(): stance for form, stance in table(lang, "reporting_stance.tsv").items()}
    except (FileNotFoundError, ModuleNotFoundError):
        return None
    return _phrases_pattern(stances), stances


def _foreign_stance(src_lang: Optional[str], cp_lang: Optional[str], before: str, after: str, s, c) -> list[Change]:
    """The one reporting verb of a sentence swapped for one of another stance by a same-language rewrite in a
    language the analysis does not read (rules/<lang>/reporting_stance.tsv: "a-t-elle ajouté" -> "a-t-elle
    répliqué", "sagte" -> "warnte"): how the reader is told to take the words changed, a loaded word, as `_stance`
    reads English. Sentence by sentence where the aligned pieces join several (each source sentence against the
    copy sentence most alike); one verb each side, so that two clauses' verbs are not paired by chance, and the two
    sentences make one claim (`_one_claim`). German forms count in lower case only: a capitalised one is a noun
    ("die Versicherten", the insured; "die Beklagte", the defendant)."""
    from rapidfuzz import fuzz

    found = _foreign_stances(src_lang or "") if src_lang == cp_lang and src_lang != "en" else None
    if found is None:
        return []
    pattern, stances = found

    def verbs(text: str) -> dict[str, str]:
        return {
            " ".join(m.group(0).lower().split()): " ".join(m.group(0).split())
            for m in pattern.finditer(text)
            if not (src_lang == "de" and m.group(0)[:1].isupper())  # "die Versicherten", "die Beklagte": nouns
        }

    out: list[Change] = []
    done: set[tuple[str, str]] = set()
    pieces = _SENTENCE_BREAK.split(after)
    for part in _SENTENCE_BREAK.split(before):
        had = verbs(part)
        if len(had) != 1:
            continue
        other = max(pieces, key=lambda x: fuzz.token_set_ratio(fold(part), fold(x)))
        has = verbs(other)
        if len(has) != 1 or had.keys() == has.keys():
            continue
        (old_key, old), (new_key, new) = next(iter(had.items())), next(iter(has.items()))
        if stances[old_key] == stances[new_key] or (old_key, other) in done or not _one_claim(part, other):
            continue  # two source sentences joined into one copy sentence: its verb changed once
        done.add((old_key, other))
        detail = f"'{old}' ({stances[old_key]}) became '{new}' ({stances[new_key]}): the words are presented otherwise"
        out.append(Change("loaded-word", old, new, s, c, detail))
    return out


@lru_cache(maxsize=None)
def _foreign_evaluative_words(lang: str) -> tuple[re.Pattern, ...]:
    """The entries of rules/<lang>/evaluative.txt, each as one case-blind whole-word pattern ("*": any ending;
    words apart by any space); none for a language without the file."""
    from ..rules import lines

    try:
        entries = lines(lang, "evaluative.txt")
    except (FileNotFoundError, ModuleNotFoundError):
        return ()
    out = []
    for entry in entries:
        body = r"\s+".join(re.escape(w) for w in entry.strip().rstrip("*").split())
        tail = r"[\w-]*" if entry.strip().endswith("*") else ""
        out.append(re.compile(rf"(?<![\w-]){body}{tail}(?![\w-])", re.IGNORECASE))
    return tuple(out)


def _foreign_evaluative(src: Analysis, cp: Analysis, before: str, after: str, s, c) -> list[Change]:
    """A judgment word (rules/<lang>/evaluative.txt: "écrasante", "Extremisten", "clamoroso") that a same-language
    rewrite in a language the analysis does not read puts in its sentence and its source never used anywhere, or
    takes out of its source's sentence and never uses anywhere: a loaded word, as `_evaluative` and `_felt` read
    English. A word taken out only where the two sentences make one claim (`_one_claim`: a sentence aligned to
    another claim does not say the source's word went); a word of a clause cut or added whole is that clause's, not
    a tone changed."""
    lang = src.language or ""
    patterns = _foreign_evaluative_words(lang) if lang == cp.language and lang != "en" else ()
    if not patterns:
        return []
    hits_b = [(p, m.group(0)) for p in patterns if (m := p.search(before))]
    hits_a = [(p, m.group(0)) for p in patterns if (m := p.search(after))]
    if not (hits_b or hits_a):
        return []
    one_claim = _one_claim(before, after)
    whole = _cut_whole(before, after)
    out = []
    for p, w in hits_a:
        if not p.search(src.text) and not set(_WORD.findall(w.lower())) & whole:
            out.append(Change("loaded-word", None, w, s, c, f"'{w}' added"))
    for p, w in hits_b:
        if one_claim and not p.search(cp.text) and not set(_WORD.findall(w.lower())) & whole:
            out.append(Change("loaded-word", w, None, s, c, f"'{w}' dropped"))
    return out


# where one sentence of a joined piece ends and the next begins: a full stop, question or exclamation mark (or a
# closing quotation mark after one) before a capital or an opening quotation mark
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[«“„\"A-ZÀ-Ý])|(?<=[.!?][»”\"])\s+(?=[«“„\"A-ZÀ-Ý])")


def _moved_words(run: list[str], other: str) -> bool:
    """A run of words one sentence has and the other lacks in place, whose longer words the other sentence gives
    elsewhere, half of them at least (settings moved_letters, moved_share; the hedging words apart, by
    their first letters: settings kept_prefix): words moved in a reworded clause ("che l'eritritolo favoriva la
    formazione" -> "che la formazione sarebbe stata favorita dall'eritritolo"), not a clause cut or added whole."""
    n, hedges = S.kept_prefix, {w for ws in _hedge_words().values() for w in ws}
    words = [w for x in run for w in re.findall(r"[^\W_]+", fold(x)) if len(w) >= S.moved_letters and w not in hedges]
    have = {w[:n] for w in re.findall(r"[^\W_]+", fold(other))}
    return bool(words) and sum(w[:n] in have for w in words) >= S.moved_share * len(words)


def _one_claim(before: str, after: str) -> bool:
    """Two aligned sentences of one language that make one claim, not two claims that share a topic: they give a
    figure of two digits or more alike, or their words are alike by token-set ratio (settings: diff_hedge_claim)."""
    from rapidfuzz import fuzz

    from .crosslang import figures

    if any(len(re.sub(r"\D", "", f)) >= 2 for f in figures(before) & figures(after)):
        return True
    return fuzz.token_set_ratio(fold(before), fold(after)) >= S.diff_hedge_claim


def _stem(word: str) -> str:
    """A crude stem that a lemma and its inflections share: "assassinate", "assassinated" and "assassinates" ->
    "assassinat" (the suffix, then a final silent e, dropped); an irregular form is its lemma's stem first ("said"
    -> "say": rules/en/irregular_forms.tsv)."""
    w = fold(word)
    w = load_rules("en").irregular_forms.get(w, w)
    for suffix in ("ing", "ed", "es", "s", "d"):
        if suffix == "d" and not w.endswith("ed"):  # "used" -> "use", not "demand" -> "deman"
            continue
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            # a consonant doubled before the suffix ("winning", "stopped"), not one doubled in the lemma ("killed")
            if suffix in ("ing", "ed") and w[-1] == w[-2] and w[-1] not in "aeioulsfz":
                w = w[:-1]
            break
    return w[:-1] if w.endswith("e") and len(w) > 3 else w  # "urge" and "urged" -> "urg"


@lru_cache(maxsize=1)
def _loaded_stems() -> dict[str, str]:
    """Loaded word stem -> neutral stem, from rules/en/loaded_terms.tsv and loaded_variants.tsv."""
    rules = load_rules("en")
    pairs = {**rules.loaded_terms, **rules.loaded_variants}
    return {_stem(k): _stem(v) for k, v in pairs.items() if " " not in k}


def _loaded(before: str, after: str, s, c) -> list[Change]:
    """A word of one sense swapped for a more loaded one of the same sense ("killed" -> "murdered", "slain" ->
    "assassinated"), or the reverse, wherever the clause put it: the rewriter may reorder ("contributors who were
    slain" -> "murdered contributors")."""
    loaded = _loaded_stems()

    def senses(text: str) -> dict[str, str]:
        """stem -> the word as written, for words of a sense the rules know (a loaded word or its neutral)."""
        neutral = set(loaded.values())
        return {st: w for w in _WORD.findall(text) if (st := _stem(w)) in loaded or st in neutral}

    had, has = senses(before), senses(after)
    out = []
    for new_stem, new in has.items():
        if new_stem in had:
            continue
        sense = loaded.get(new_stem, new_stem)
        old = next((w for st, w in had.items() if loaded.get(st, st) == sense and st not in has), None)
        if old is None:
            continue
        if new_stem in loaded:
            out.append(Change("loaded-word", old, new, s, c, f"'{old}' became '{new}'"))
        else:
            out.append(Change("loaded-word", old, new, s, c, f"loaded '{old}' neutralised to '{new}'"))
    return out


@lru_cache(maxsize=1)
def _stances() -> dict[str, str]:
    """Reporting verb stem -> the stance it gives the reported words (rules/en/reporting_stance.tsv)."""
    from ..rules import table

    return {_stem(verb): stance for verb, stance in table("en", "reporting_stance.tsv").items()}


def _stance(before: str, after: str, s, c, found: Sequence[Change]) -> list[Change]:
    """The one reporting verb of a sentence swapped for one of another stance ("said" -> "claimed": the copy
    distances itself; "said" -> "admitted", "revealed", "boasted", "slammed"): how the reader is told to take
    the words changed. One verb each side, in the past tense, so that two clauses' verbs are not paired by chance;
    a swap the loaded terms already report is not reported twice."""
    stances = _stances()

    irregular = load_rules("en").irregular_forms

    def verbs(text: str) -> dict[str, str]:
        # past forms only: news reports in the past tense, and "the state", "thanks", "a claim" are no verbs
        return {
            st: w
            for w in _WORD.findall(text)
            if w[:1].islower() and (w.endswith("ed") or fold(w) in irregular) and (st := _stem(w)) in stances
        }

    had, has = verbs(before), verbs(after)
    if len(had) != 1 or len(has) != 1 or had.keys() == has.keys():
        return []
    (old_stem, old), (new_stem, new) = next(iter(had.items())), next(iter(has.items()))
    if stances[old_stem] == stances[new_stem]:
        return []
    if any(
        x.kind == "loaded-word" and {fold(x.before or ""), fold(x.after or "")} & {fold(old), fold(new)} for x in found
    ):
        return []
    detail = f"'{old}' ({stances[old_stem]}) became '{new}' ({stances[new_stem]}): the words are presented otherwise"
    return [Change("loaded-word", old, new, s, c, detail)]


def _evaluative(before: str, after: str, s, c) -> list[Change]:
    """Judgment words the copy adds ("for their tireless work", "of the high-voltage game"): hyphenated ones too."""
    pattern = _evaluative_pattern()
    had = {fold(m.group(0)) for m in pattern.finditer(before)}
    return [
        Change("loaded-word", None, w, s, c, f"'{w}' added")
        for w in dict.fromkeys(m.group(0) for m in pattern.finditer(after))
        if fold(w) not in had
    ]


@lru_cache(maxsize=1)
def _evaluative_pattern() -> re.Pattern:
    """rules/en/evaluative.txt as one whole-word pattern, a hyphen inside a word matched as written."""
    words = sorted(load_rules("en").evaluative, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:%s)(?![\w-])" % "|".join(re.escape(w) for w in words), re.I)


def _felt(src: Analysis, cp: Analysis, before: str, after: str, s, c, found: Sequence[Change]) -> list[Change]:
    """Words of strong feeling (a rated lexicon) that the copy brings and the source never used, or that it drops
    and never uses ("a cagey final" -> "a thrilling final", "two superb saves" -> "two saves"): a story's own words
    of fact ("collapse", "dead", "won") run through source and copy alike, a tone a rewriter adds does not. A word
    swapped for one of the same feeling and strength ("talented" -> "excellent") changes no tone. English only."""
    if src.language != "en" or cp.language != "en":
        return []
    listed = {fold(x.after or "") for x in found if x.kind == "loaded-word"}
    known = _loaded_senses()

    def felt(text: str, other: str) -> dict[str, tuple[str, float]]:
        elsewhere = _stems_in(other)
        return {
            st: (w, v)
            for w in _WORD.findall(text)
            if abs(v := _valence().get(fold(w), 0.0)) >= S.loaded_valence
            and (st := _stem(fold(w))) not in known
            and st not in elsewhere
        }

    dropped = [x for x in felt(before, cp.text).values() if _cut_alone(x[0], before, after)]
    added = [x for x in felt(after, src.text).values() if fold(x[0]) not in listed]
    out = []
    for w, v in added:
        twin = next((d for d in dropped if d[1] * v > 0 and abs(d[1] - v) < S.valence_same), None)
        if twin is not None:
            dropped.remove(twin)  # the same feeling in other words
            continue
        swapped = next(iter(dropped), None)
        if swapped is not None:
            dropped.remove(swapped)
            out.append(Change("loaded-word", swapped[0], w, s, c, f"'{swapped[0]}' became '{w}'"))
        else:
            out.append(_described_elsewhere(src.text, after, Change("loaded-word", None, w, s, c, f"'{w}' added")))
    out += [Change("loaded-word", w, None, s, c, f"'{w}' dropped") for w, _ in dropped]
    return out


def _described_elsewhere(source: str, after: str, x: Change) -> Change:
    """A word of feeling the copy puts before a noun ("in a thrilling final") where the source describes that noun
    with another word, in a sentence of its own ("drag a cagey final into extra-time"): the description swapped,
    reported with the source's sentence that had it."""
    m = re.search(rf"\b{re.escape(x.after or '')}\s+([a-z]+)", after)
    if m is None or m.group(1) in stopwords():
        return x
    noun = m.group(1)
    for d in re.finditer(rf"\b([a-z][a-z-]+)\s+{re.escape(noun)}\b", source):
        mod = d.group(1)
        if mod in stopwords() or mod == x.after or mod.isdigit():
            continue
        if re.search(rf"\b{re.escape(mod)}\s+{re.escape(noun)}\b", after):
            continue
        return replace(x, before=f"{mod} {noun}", after=f"{x.after} {noun}",
                       detail=f"'{mod} {noun}' became '{x.after} {noun}'",
                       source_sentence=_sentence_at(source, d.start()))  # fmt: skip
    return x


@lru_cache(maxsize=16)
def _stems_in(text: str) -> frozenset[str]:
    """The stems of every word of a text (asked once per aligned sentence pair of the same two texts)."""
    return frozenset(_stem(w) for w in _WORD.findall(fold(text)))


@lru_cache(maxsize=1)
def _loaded_senses() -> frozenset[str]:
    """The stems of rules/en/loaded_terms.tsv and loaded_variants.tsv, loaded and neutral: words `_loaded` already
    judges."""
    return frozenset(_loaded_stems()) | frozenset(_loaded_stems().values())


def _cut_alone(word: str, before: str, after: str) -> bool:
    """The word was taken out and the words on either side of it kept ("two superb late saves" -> "two late
    saves"): not a clause cut whole, which drops whatever words it had."""
    ws = [fold(w) for w in _WORD.findall(before)]
    kept = {fold(w) for w in _WORD.findall(after)}
    i = ws.index(fold(word))
    return (i == 0 or ws[i - 1] in kept) and (i + 1 == len(ws) or ws[i + 1] in kept)


@lru_cache(maxsize=1)
def _valence() -> dict[str, float]:
    """Word -> its mean rated valence, -4 (most negative) to 4, from the VADER lexicon (vaderSentiment package,
    MIT licence: 7,500 words each rated by ten people)."""
    from importlib.resources import files

    out = {}
    for line in files("vaderSentiment").joinpath("vader_lexicon.txt").read_text(encoding="utf-8").splitlines():
        word, _, rest = line.partition("\t")
        if word.isalpha() and rest:
            out[word] = float(rest.split("\t")[0])
    return out


_SCARE = re.compile(r"(?<!\w)['‘\"“](?P<w>[^\W\d_][\w-]*(?: [\w-]+)?)['’\"”](?!\w)")


def _scare_quotes(before: str, after: str, s, c) -> list[Change]:
    """Words the source stated plainly that the copy puts in quotation marks ("'apologized'"): doubt added."""
    out = []
    plain = fold(before)
    quoted_before = {fold(m.group("w")) for m in _SCARE.finditer(before)}
    for m in _SCARE.finditer(after):
        w = fold(m.group("w"))
        if w not in quoted_before and re.search(r"\b%s\b" % re.escape(w), plain):
            out.append(Change("loaded-word", m.group("w"), m.group(0), s, c, f"'{m.group('w')}' put in scare quotes"))
    return out


@lru_cache(maxsize=1)
def _address() -> re.Pattern:
    """rules/en/address_cues.txt as one pattern: a cue, then the name it addresses (group n)."""
    cues = load_rules("en").address_cues
    words = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in sorted(cues, key=len, reverse=True))
    name = r"[A-Z][\w&'’.-]*"
    return re.compile(rf"\b(?:{words})\s+(?P<n>(?:the\s+)?{name}(?:\s+{name}){{0,3}})")


def _addressed(source: str, after: str, s, c) -> list[Change]:
    """An outlet or person the copy says a statement was made to ("Rodri said" -> "Rodri told BT Sport") that the
    source never names: the copy claims an interview its source did not report."""
    had = fold(source)
    out = []
    for m in _address().finditer(after):
        name = m.group("n")
        if fold(re.sub(r"^the\s+", "", name)) not in had:
            out.append(Change("attribution-added", None, m.group(0), s, c, f"the copy says it was said to {name}"))
    return out


def _titles_added(before: str, after: str, s, c) -> list[Change]:
    """Titles of office the copy heaps on a person the source named plainly ("Owner Sheikh Mansour" -> "Sheikh
    Mansour, Vice President, Deputy Prime Minister and Minister of the Presidential Court, and the owner"): at least
    `diff_titles` title words (rules/en/titles.txt, capitalised) in one run the copy inserted, none of them in the
    source sentence. The person is given the standing of the state: a change of tone."""
    titles = load_rules("en").titles
    had = {fold(w) for w in _WORD.findall(before)}
    out = []
    for op, gone, new in _ops(before, after):
        if op == "delete":
            continue
        added = [w for w in new if w[:1].isupper() and fold(w) in titles and fold(w) not in had]
        if len(added) >= S.diff_titles:
            run = " ".join(new)
            out.append(Change("loaded-word", " ".join(gone) or None, run, s, c, f"titles added: {', '.join(added)}"))
    return out


@lru_cache(maxsize=1)
def _as_cue() -> re.Pattern:
    """ "as many pundits predicted", "as analysts had expected": a clause that credits a claim to people it counts but
    does not name; its verb one of rules/en/as_clause_verbs.txt in the past (irregular_forms.tsv: "said", "thought")."""
    rules = load_rules("en")
    verbs = rules.as_clause_verbs
    irregular = [form for form, lemma in rules.irregular_forms.items() if lemma in verbs]
    past = "|".join(irregular + [rf"{re.escape(v[:-1] if v.endswith('e') else v)}e?d" for v in verbs])
    return re.compile(
        rf"\bas\s+(?:(?:many|some|most|several|few|other)\s+)?(?:[\w-]+\s+)?(?P<who>[a-z][\w-]*s)\s+"
        rf"(?:had\s+|have\s+)?(?P<v>{past})\b",
        re.I,
    )


def _as_predicted(before: str, after: str, s, c) -> list[Change]:
    """Unnamed people the copy credits with a claim its source made in its own voice ("Pre-match talk of a stroll
    ... was off the mark" -> "it was no walk in the park as many pre-match pundits predicted"): a source added."""
    had = {fold(m.group("who")) for m in _as_cue().finditer(before)}
    return [
        Change("attribution-added", None, m.group(0), s, c, f"the copy credits it to {m.group('who')}")
        for m in _as_cue().finditer(after)
        if fold(m.group("who")) not in had and fold(m.group("who")) not in stopwords()
    ]


_MARKED = re.compile(r"[“\"«„]\s*(?P<q>[^“”\"«»„\n]{2,600}?)\s*[”\"»“]")


_OPEN = re.compile(r"[“\"«„]\s*(?P<q>[^“”\"«»„\n]{20,600})$")


def _marked_quotes(before: str, after: str, s, c, found_quotes: Optional[list[tuple[int, int]]]) -> list[Change]:
    """Words in quotation marks in a source sentence that the aligned copy sentence quotes in other words, found by
    the marks alone (“…”, "…", « … », „…“): a quoted label swapped ("extremist" -> "extreme"), a quoted name reworded
    ("climate and transformation fund" -> "Climate and Change Fund") or, in a language the quotation finder does not
    read, a quotation reworded. With `found_quotes` (the finder's quotations in the source sentence, offsets in it),
    quotations of one word and those the finder did not take (a name or label in marks, no speaker); the finder's
    are compared whole by `quote_changes`."""
    from rapidfuzz import fuzz

    def marked(text: str) -> list[tuple[str, int]]:
        out = [(m.group("q").strip(" ,.;:"), m.start("q")) for m in _MARKED.finditer(text)]
        # a quotation that runs on past its paragraph opens with a mark and closes with none (news style for a
        # quotation of several paragraphs; a page cut short)
        rest = _OPEN.search(_MARKED.sub(lambda m: " " * len(m.group(0)), text))  # blanked: offsets stay those of text
        return out + ([(rest.group("q").strip(" ,.;:"), rest.start("q"))] if rest else [])

    had, has = marked(before), [q for q, _ in marked(after)]
    if found_quotes is not None:
        had = [(q, at) for q, at in had if len(q.split()) == 1 or not any(a <= at < b for a, b in found_quotes)]
    out = []
    for q, _ in had:
        if not has or _norm(q) in _norm(after):
            continue
        new = max(has, key=lambda x: fuzz.ratio(fold(q), fold(x)))
        if fuzz.ratio(fold(q), fold(new)) >= S.quote_reworded and _norm(new) != _norm(q):
            out.append(Change("quote-reworded", q, new, s, c, f"quoted words changed; {_word_diff(q, new)}"))
    return out


def _qualifiers(before: str, after: str, s, c, found: list[Change]) -> list[Change]:
    """A qualifier the source had and the copy dropped ("some of the most", "about 13%", "was cited as saying" ->
    "told") is a hedge removed; one the copy added, a hedge added."""
    from collections import Counter

    pattern = load_rules("en").qualifiers
    b = Counter(fold(re.sub(r"\s+", " ", m.group(0))) for m in pattern.finditer(before))
    a = Counter(fold(re.sub(r"\s+", " ", m.group(0))) for m in pattern.finditer(after))
    seen = {(x.kind, fold(x.before or x.after or "")) for x in found}
    # one qualifier of a figure put in place of another of its kind before the same word ("nearly 56%" -> "almost
    # 56%", "about 1,400" -> "around 1,400"): the figure hedged as before, neither dropped nor added (an estimate
    # made a bound, or a bound of the other side, changes it)
    kinds = _figure_sides()

    def heads(text: str) -> list[tuple[str, str]]:
        out = []
        for m in pattern.finditer(text):
            nxt = _WORD.search(text, m.end())
            out.append((fold(re.sub(r"\s+", " ", m.group(0))), fold(nxt.group(0)) if nxt else ""))
        return out

    added = [(q, w) for q, w in heads(after) if a[q] > b[q]]
    for q, w in heads(before):
        swap = next((x for x in added if x[1] == w and w and kinds.get(x[0], "") == kinds.get(q, "-")), None)
        if b[q] > a[q] and swap is not None:
            added.remove(swap)
            b[q] -= 1
            a[swap[0]] -= 1
    out = []
    for q in b - a:
        if ("hedge-removed", q) not in seen:
            out.append(Change("hedge-removed", q, None, s, c, f"'{q}' dropped"))
    for q in a - b:
        if ("hedge-added", q) not in seen:
            out.append(Change("hedge-added", None, q, s, c, f"'{q}' added"))
    return out


_FIGURES = re.compile(rf"(?<![\w.,]){FIGURE}")  # a figure standing alone, not the tail of a word or of another


@lru_cache(maxsize=1)
def _figure_qualifiers() -> tuple[re.Pattern, dict[str, str]]:
    """The qualifiers of rules/provenance/figure_qualifiers.tsv as one pattern (group 1 the qualifier, group 2 the
    figure) and each qualifier's kind: approximate or bound."""
    from .credits import rule_lines

    kinds = {}
    for line in rule_lines("figure_qualifiers.tsv"):
        phrase, kind = line.split("\t")
        kinds[phrase.strip().lower()] = kind.strip()
    # an apostrophe typed either way ("jusqu'à", "jusqu’à")
    kinds |= {k.replace("'", "’"): v for k, v in kinds.items() if "'" in k}
    words = "|".join(re.escape(k) for k in sorted(kinds, key=len, reverse=True))
    # a currency sign between qualifier and figure ("about $10 billion"); a number word for the figure ("just over
    # four hours")
    return re.compile(rf"(?<!\w)({words})\s+(?:[$€£¥]\s?)?({FIGURE}|{_number_words()})", re.I), kinds


@lru_cache(maxsize=1)
def _figure_sides() -> dict[str, str]:
    """Each qualifier of figure_qualifiers.tsv (folded) -> "approximate", or for a bound the side of its figure it
    puts the number (rules/provenance/figure_bounds.tsv: "under", "over")."""
    from .credits import rule_lines

    _, kinds = _figure_qualifiers()
    sides = dict(line.split("\t") for line in rule_lines("figure_bounds.tsv"))
    out = {fold(k): v for k, v in kinds.items() if v == "approximate"}
    return out | {fold(k): v.strip() for k, v in sides.items()}


@lru_cache(maxsize=1)
def _number_word_set() -> frozenset[str]:
    """The number words of rules/en/numbers.tsv ("two" .. "ninety"; not the article "a")."""
    return frozenset(w for w in load_rules("en").numbers if len(w) > 2)


@lru_cache(maxsize=1)
def _number_words() -> str:
    """The number words of `_number_word_set`, as a whole-word pattern."""
    words = sorted(_number_word_set(), key=len, reverse=True)
    return r"(?<!\w)(?:%s)(?![\w-])" % "|".join(re.escape(w) for w in words)


def _value(text: str) -> str:
    """A figure or a number word as one comparable figure ("11,000" -> "11000", "four" -> "4")."""
    n = load_rules("en").numbers.get(text.lower())
    return figure(text) if n is None else f"{n:g}"


def _numbers(before: str, after: str, s, c) -> list[Change]:
    return _figures(before, after, s, c) + _qualified(before, after, s, c)


def _qualified(before: str, after: str, s, c) -> list[Change]:
    """The same figure with its qualifier gone or changed, in any language of figure_qualifiers.tsv: "more than
    11,000" -> "11,000" or "11.000"."""
    out = []
    pattern, kinds = _figure_qualifiers()
    qb = {_value(m.group(2)): m for m in pattern.finditer(before)}
    qa = {_value(m.group(2)): m for m in pattern.finditer(after)}
    na = {figure(x.group(0)): x.group(0) for x in _FIGURES.finditer(after)}
    na |= {_value(x.group(0)): x.group(0) for x in re.finditer(_number_words(), after, re.I)}
    for n, m in qb.items():
        if n not in na or (n in qa and kinds[qa[n].group(1).lower()] == kinds[m.group(1).lower()]):
            continue  # not given, or given with a qualifier of the same kind ("about" -> "around")
        new = qa[n].group(0) if n in qa else na[n]
        out.append(Change("number-changed", m.group(0), new, s, c, f"'{m.group(0)}' -> '{new}'"))
    # a bound the copy puts on a figure the source gave bare ("44 percent" -> "just over 44%"): another number
    nb = {figure(x.group(0)): x.group(0) for x in _FIGURES.finditer(before)}
    for n, m in qa.items():
        if n in qb or n not in nb or kinds[m.group(1).lower()] != "bound":
            continue
        out.append(Change("number-changed", nb[n], m.group(0), s, c, f"'{nb[n]}' -> '{m.group(0)}'"))
    return out


def _estimate(phrase: str) -> bool:
    """A figure given with a qualifier of figure_qualifiers.tsv that makes it an estimate ("about 13", "quelque 11")."""
    pattern, kinds = _figure_qualifiers()
    m = pattern.match(phrase)
    return bool(m) and kinds[m.group(1).lower()] == "approximate"


def figure_changes(src: Analysis, cp: Analysis, found: list[Change]) -> list[Change]:
    """A qualified figure of the source ("more than 11,000", "about 13%") that the copy gives anywhere, in any
    language, without its qualifier or with one of another kind, found even where the two sentences were rewritten
    too much to align (figures travel further than sentences do): an estimate stated as a fact is a hedge removed
    ("about 13%" -> "13 Prozent"), a bound dropped or changed a number changed ("more than 11,000" -> "11,000");
    and an estimate the copy makes of a figure its source stated plainly, a hedge added."""
    pattern, kinds = _figure_qualifiers()
    seen = {fold(x.before or "") for x in found if x.kind in ("number-changed", "hedge-removed")}
    seen |= {fold(x.after or "") for x in found if x.kind == "hedge-added"}

    def qualified(text: str) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for m in pattern.finditer(text):
            out.setdefault(_value(m.group(2)), set()).add(kinds[m.group(1).lower()])
        return out

    def figures(text: str) -> dict[str, list[re.Match]]:
        out: dict[str, list[re.Match]] = {}
        for m in _FIGURES.finditer(text):
            out.setdefault(figure(m.group(0)), []).append(m)
        return out

    mine, theirs = qualified(src.text), qualified(cp.text)
    given = figures(cp.text)
    loose = _loose_figures(cp.text, pattern, found)
    out = []
    for m in pattern.finditer(src.text):
        q, n = m.group(1), _value(m.group(2))
        kind = kinds[q.lower()]
        if _one_digit(n) or n not in given or fold(m.group(0)) in seen:
            continue
        places, other = given[n], next(iter(theirs.get(n, ())), None)
        if kind in theirs.get(n, ()):
            # the copy keeps the qualifier somewhere, and states the figure bare in a sentence of its own
            places, other = [x for x in given[n] if x.start() in loose], None
            if not places:
                continue
        seen.add(fold(m.group(0)))
        sentence = _sentence_at(src.text, m.start())
        at = _likeliest_at(places, cp.text, sentence, _counted_words(src.text, m.end()))
        what = "hedge-removed" if kind == "approximate" and other is None else "number-changed"
        detail = f"'{m.group(0)}' -> '{at.group(0)}'" + (f" ({other})" if other else "")
        out.append(Change(what, m.group(0), at.group(0), (m.start(), m.end()), (at.start(), at.end()), detail,
                          source_sentence=sentence, copy_sentence=_sentence_at(cp.text, at.start())))  # fmt: skip
    plain = figures(src.text)
    for m in pattern.finditer(cp.text):
        n = _value(m.group(2))
        if kinds[m.group(1).lower()] != "approximate" or _one_digit(n) or n not in plain or n in mine:
            continue
        if fold(m.group(0)) in seen:
            continue
        seen.add(fold(m.group(0)))
        copy_sentence = _sentence_at(cp.text, m.start())
        at = _likeliest_at(plain[n], src.text, copy_sentence, _counted_words(cp.text, m.end()))
        out.append(Change("hedge-added", at.group(0), m.group(0), (at.start(), at.end()), (m.start(), m.end()),
                          f"'{at.group(0)}' -> '{m.group(0)}'", source_sentence=_sentence_at(src.text, at.start()),
                          copy_sentence=copy_sentence))  # fmt: skip
    return out


def _loose_figures(text: str, pattern: re.Pattern, found: Sequence[Change]) -> set[int]:
    """Where a copy gives a figure with no qualifier, in a sentence it added (one aligned to none of the source's):
    the copy's own restatement, whose bare figure says more than its source did even when a sentence the copy kept
    has the qualifier."""
    qualified = {m.start(2) for m in pattern.finditer(text)}
    added = [x.copy_span for x in found if x.kind == "sentence-added" and x.copy_span]
    return {
        m.start()
        for m in _FIGURES.finditer(text)
        if m.start() not in qualified and any(a <= m.start() < b for a, b in added)
    }


def _one_digit(figure: str) -> bool:
    """A figure of one digit ("about 3"): too common to follow from one text to another."""
    return len(re.sub(r"\D", "", figure)) < 2


def _likeliest_at(
    matches: list[re.Match], text: str, sentence: Optional[str], counts: frozenset[str] = frozenset()
) -> re.Match:
    """Of a figure's places in `text`, the one that counts what the other text's figure counts (`counts`: the content
    words just after it, "11,000 of our talented employees" -> "11,000 employees", not "13 percent of 11,000 is a
    much smaller operation"), then whose sentence is most like `sentence` (a figure often recurs in a headline and
    in the body)."""
    from rapidfuzz import fuzz

    return max(
        matches,
        key=lambda m: (
            bool(counts & _counted_words(text, m.end())),
            fuzz.token_set_ratio(fold(_sentence_at(text, m.start()) or ""), fold(sentence or "")),
        ),
    )


def _counted_words(text: str, end: int) -> frozenset[str]:
    """The content words just after a figure (four words at most, within its sentence): what it counts."""
    after = re.split(r"[.;:!?]", text[end : end + 60], maxsplit=1)[0]
    return frozenset(_stem(w) for w in _WORD.findall(fold(after))[:4] if w not in stopwords())


@lru_cache(maxsize=1)
def _counted() -> re.Pattern:
    """A figure or a number word ("44 days in", "four hours of"), then the two words after it."""
    return re.compile(rf"(?<![\w.,])(\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|{_number_words()})\s+([a-z]+)\s+([a-z]+)\b")


def _counts(text: str) -> dict[tuple[str, str], dict[str, re.Match]]:
    """What each figure counts, by the two words after it ("44 days in office" -> ("days", "in")): the figures given
    for each, with where each is first given."""
    out: dict[tuple[str, str], dict[str, re.Match]] = {}
    for m in _counted().finditer(text):
        if m.group(2) not in stopwords():  # "3 of the", "2022 and the": not what the figure counts
            n = m.group(1)
            out.setdefault((m.group(2), m.group(3)), {}).setdefault(
                n.replace(",", "") if n[0].isdigit() else _value(n), m
            )
    return out


@lru_cache(maxsize=1)
def _unit_pattern() -> re.Pattern:
    """A figure or a number word, then the word it counts, whatever follows ("three days," "44 days in")."""
    return re.compile(rf"(?<![\w.,])(\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|{_number_words()})\s+([a-z]+)\b")


def _units(text: str) -> dict[str, dict[str, re.Match]]:
    """Each counted noun (a plural: "days", "people", "cans") -> the figures the text gives for it, with where each
    is first given; a month ("19 November") or a year's figure is no count."""
    rules = load_rules("en")
    out: dict[str, dict[str, re.Match]] = {}
    for m in _unit_pattern().finditer(text):
        n, unit = m.group(1), m.group(2)
        if unit in stopwords() or unit in rules.months or not unit.endswith("s") or len(unit) < 4:
            continue
        value = n.replace(",", "") if n[0].isdigit() else _value(n)
        if value == "1":
            continue
        out.setdefault(unit, {}).setdefault(value, m)
    return out


def counted_changes(src: Analysis, cp: Analysis, found: list[Change]) -> list[Change]:
    """One figure given for the same thing in both texts but with another value ("after just 44 days in office" ->
    "after spending only 45 days in office"), found however the two sentences were rewritten: each text gives one
    figure for that thing, and they differ."""
    seen = {fold(x.before or "") for x in found if x.kind == "number-changed"}
    mine, theirs = _counts(src.text), _counts(cp.text)
    # what is counted, by its noun alone, where the words after it differ ("testified for three days, telling ..."
    # -> "during four days on the witness stand"): each text gives one figure for that noun in all
    ones, others = _units(src.text), _units(cp.text)
    taken = {k[0] for k in mine} & {k[0] for k in theirs}
    mine |= {(u, ""): v for u, v in ones.items() if u not in taken and u in others}
    theirs |= {(u, ""): v for u, v in others.items() if u not in taken and u in ones}
    out = []
    for unit, had in mine.items():
        has = theirs.get(unit)
        if len(had) != 1 or not has or len(has) != 1 or had.keys() == has.keys():
            continue
        ((old, m),), ((new, at),) = had.items(), has.items()
        if fold(old) in seen:
            continue
        tail = " ".join(unit).strip()
        out.append(Change("number-changed", old, new, (m.start(), m.end()), (at.start(), at.end()),
                          f"'{old} {tail}' -> '{new} {tail}'",
                          source_sentence=_sentence_at(src.text, m.start()),
                          copy_sentence=_sentence_at(cp.text, at.start())))  # fmt: skip
    return out


def _dated(a: Analysis) -> dict[tuple[str, str], list]:
    """What each written date dates, by the two words before it ("a contract until 2025" -> ("contract",
    "until")): the dates given for each. Dates without a figure ("on Friday") are left out: their values hang on
    each text's own publication date."""
    out: dict[tuple[str, str], list] = {}
    for t in a.timexes:
        if t.type != "DATE" or not t.value or not any(ch.isdigit() for ch in t.text):
            continue
        ws = [fold(w) for w in _WORD.findall(a.text[max(0, t.start - 60) : t.start])][-2:]
        if len(ws) == 2 and not all(w in stopwords() for w in ws):
            out.setdefault((ws[0], ws[1]), []).append(t)
    return out


def dated_changes(src: Analysis, cp: Analysis, found: list[Change]) -> list[Change]:
    """One date given for the same thing in both texts with another value ("signed a contract until 2025" ->
    "signed a contract until June 2025"), however the two sentences were rewritten."""
    seen = {x.source_sentence for x in found if x.kind == "date-changed"}
    out = []
    for key, a, b in _one_value_each(_dated(src), _dated(cp)):
        sentence = _sentence_at(src.text, a.start)
        if sentence in seen:
            continue
        out.append(Change("date-changed", a.text, b.text, (a.start, a.end), (b.start, b.end),
                          f"'{' '.join(key)} {a.text}' -> '{' '.join(key)} {b.text}' ({a.value} -> {b.value})",
                          source_sentence=sentence, copy_sentence=_sentence_at(cp.text, b.start)))  # fmt: skip
    return out


def _one_value_each(mine: dict[tuple[str, str], list], theirs: dict[tuple[str, str], list]):
    """The keys (what a date or a duration is given for) that each text gives one value for, another in each: the key
    and the first time expression of each."""
    for key, had in mine.items():
        has = theirs.get(key, [])
        if len({t.value for t in had}) != 1 or len({t.value for t in has}) != 1 or had[0].value == has[0].value:
            continue
        yield key, had[0], has[0]


def _timed(a: Analysis) -> dict[tuple[str, str], list]:
    """What each duration times, by the two words after it within its sentence ("decades in prison" -> ("in",
    "prison"), "over four hours of deliberations" -> ("of", "deliberations")), one of them at least not a function
    word: the durations given for each."""
    out: dict[tuple[str, str], list] = {}
    for t in a.timexes:
        if t.type != "DURATION" or not t.value:
            continue
        after = re.split(r"[.;:!?,\n]", a.text[t.end : t.end + 60], maxsplit=1)[0]
        ws = [fold(w) for w in _WORD.findall(after)][:2]
        if len(ws) == 2 and not all(w in stopwords() for w in ws):
            out.setdefault((ws[0], ws[1]), []).append(t)
    return out


def duration_changes(src: Analysis, cp: Analysis, found: list[Change]) -> list[Change]:
    """One duration given for the same thing in both texts with another value ("could face decades in prison" ->
    "could face up to 110 years in prison", "after just over four hours of deliberations" -> "after less than five
    hours of deliberations"), however the two sentences were rewritten: each text gives one value for it."""
    seen: dict[tuple, set[str]] = {}  # the source figures number changes already report, by their two sentences
    for x in found:
        if x.kind == "number-changed":
            words = _WORD.findall(x.before or "")
            seen.setdefault((x.source_sentence, x.copy_sentence), set()).update(_value(w) for w in words)
    out = []
    for key, a, b in _one_value_each(_timed(src), _timed(cp)):
        sentences = (_sentence_at(src.text, a.start), _sentence_at(cp.text, b.start))
        if set(re.findall(r"\d+", a.value)) & seen.get(sentences, set()):
            continue
        out.append(Change("number-changed", a.text, b.text, (a.start, a.end), (b.start, b.end),
                          f"'{a.text} {' '.join(key)}' -> '{b.text} {' '.join(key)}' ({a.value} -> {b.value})",
                          source_sentence=sentences[0], copy_sentence=sentences[1]))  # fmt: skip
    return out


@lru_cache(maxsize=1)
def _time_units() -> dict[str, dict[str, str]]:
    """language -> word -> its unit of time ("mois" -> "month"), or "vague" for a quantity word ("quelques"), from
    rules/provenance/time_units.tsv."""
    from .credits import rule_lines

    out: dict[str, dict[str, str]] = {}
    for line in rule_lines("time_units.tsv"):
        lang, word, unit = (x.strip() for x in line.split("\t"))
        out.setdefault(lang, {})[fold(word)] = unit
    return out


def _duration(text: str, lang: Optional[str]) -> Optional[tuple[str, str, str]]:
    """The one duration a sentence gives, as (unit, quantity, phrase): the quantity "figure" (a figure or a number
    word before the unit, a bound or estimate between them allowed), "vague" ("several", "quelques") or "bare"
    ("for months"). None where the sentence names no unit of time, or more than one."""
    words = _time_units().get(lang or "", {})
    if not words:
        return None
    numbers = _number_word_set()
    ws = [m for m in _WORD.finditer(text)]
    found = [i for i, m in enumerate(ws) if words.get(fold(m.group(0)), "vague") not in ("vague", "number", "deictic")]
    if len(found) != 1:
        return None
    i = found[0]
    if any(words.get(fold(ws[j].group(0))) == "deictic" for j in (i - 1, i + 1) if 0 <= j < len(ws)):
        return None  # "next week", "los próximos días": a time, not a duration
    unit, qty, start = words[fold(ws[i].group(0))], "bare", i
    for j in range(i - 1, max(-1, i - 4), -1):  # "six", "au moins six", "several", "a few"
        w = fold(ws[j].group(0))
        one = j == i - 1 and w in ("a", "an")  # "a week": one week ("a call moments before" is no figure)
        if one or any(ch.isdigit() for ch in w) or w in numbers or words.get(w) == "number":  # "68th", "zwei"
            qty, start = "figure", j
            break
        if words.get(w) == "vague":
            qty, start = "vague", j
            break
        if w not in _qualifier_words():  # only a bound or estimate may stand between ("The 3 men spent days")
            break
    return unit, qty, text[ws[start].start() : ws[i].end()]


@lru_cache(maxsize=1)
def _qualifier_words() -> frozenset[str]:
    """The words of the figure qualifiers (figure_qualifiers.tsv: "at", "least", "au", "moins", "plus", "de"): what
    may stand between a duration's figure and its unit."""
    return frozenset(w for phrase in _figure_qualifiers()[1] for w in fold(phrase).split())


def _durations(src_lang, cp_lang, before: str, after: str, s, c, found: Sequence[Change]) -> list[Change]:
    """A duration the copy gives in another unit ("moments before the crash" -> "quelques minutes avant l'impact")
    or with another kind of quantity ("for months" -> "for several months", "pendant au moins six mois"), in a
    sentence of each that gives one duration only. Two figures are the figures' business (`_figures`)."""
    a, b = _duration(before, src_lang), _duration(after, cp_lang)
    if a is None or b is None or a[:2] == b[:2] or (a[1] == b[1] == "figure"):
        return []
    if any(x.kind == "number-changed" for x in found):
        return []
    return [Change("number-changed", a[2], b[2], s, c, f"duration '{a[2]}' -> '{b[2]}'")]


def _figures(before: str, after: str, s, c) -> list[Change]:
    nb = [n.replace(",", "") for n in _NUMBER.findall(before)]
    na = [n.replace(",", "") for n in _NUMBER.findall(after)]
    if sorted(nb) == sorted(na) or not (nb or na):
        return []
    gone = [n for n in nb if n not in na]
    new = [n for n in na if n not in nb]
    if not gone and not new:
        return []
    b, a = ", ".join(gone) or None, ", ".join(new) or None
    if _years(_NUMBER.findall(before), _NUMBER.findall(after)):  # "versuchte 2020" -> "versuchte 2022"
        return [Change("date-changed", b, a, s, c, f"year {b} -> {a}")]
    return [Change("number-changed", b, a, s, c, f"{b or 'no figure'} -> {a or 'no figure'}")]


_YEAR = re.compile(r"(?:19|20)\d\d")  # as written: "1,900" is a count


def _years(before: list[str], after: list[str]) -> bool:
    """The one figure a sentence changed is a year, put for a year near it (within settings.diff_year_span): the
    event moved in time ("versuchte 2020" -> "versuchte 2022"), a date changed, not a count. Figures as written,
    so that "1,900" is no year; a count written bare ("2000 Menschen" -> "2500 Menschen") is too far apart to be
    read as one."""
    plain_b, plain_a = [n.replace(",", "") for n in before], [n.replace(",", "") for n in after]
    # compared without separators, as `_figures` compares them ("1,500" -> "1500" is no figure changed)
    gone = [n for n in before if n.replace(",", "") not in plain_a]
    new = [n for n in after if n.replace(",", "") not in plain_b]
    if len(gone) != 1 or len(new) != 1 or not (_YEAR.fullmatch(gone[0]) and _YEAR.fullmatch(new[0])):
        return False
    return abs(int(gone[0]) - int(new[0])) <= S.diff_year_span


def _dates(src: Analysis, cp: Analysis, s, c) -> list[Change]:
    """Normalised dates that differ, or else day words changed or dropped ("early Tuesday" -> "early yesterday")."""
    sv = sorted(t.value for t in src.timexes if s[0] <= t.start < s[1] and t.value and t.type in ("DATE", "TIME"))
    cv = sorted(t.value for t in cp.timexes if c[0] <= t.start < c[1] and t.value and t.type in ("DATE", "TIME"))
    if sv and cv and sv != cv:
        return [Change("date-changed", ", ".join(sv), ", ".join(cv), s, c, f"{', '.join(sv)} -> {', '.join(cv)}")]
    kept = set(re.findall(r"\d+", cp.text[c[0] : c[1]]))
    # a written date none of whose figures the copy sentence gives ("through the 2025 season" -> "for the club")
    gone = [
        t.text
        for t in src.timexes
        if s[0] <= t.start < s[1] and t.type == "DATE" and re.search(r"\d", t.text)
        and not kept & set(re.findall(r"\d+", t.text))
    ]  # fmt: skip
    if gone and not cv:
        b = ", ".join(gone)
        return [Change("date-changed", b, None, s, c, f"'{b}' dropped: the copy gives no date")]
    before, after = _day_words(src.text[s[0] : s[1]]), _day_words(cp.text[c[0] : c[1]])
    if before and before != after and not (sv and sv == cv):
        b, a = ", ".join(before), ", ".join(after) or None
        return [Change("date-changed", b, a, s, c, f"'{b}' -> '{a or 'no day'}'")]
    parts = _day_parts(src.text[s[0] : s[1]])
    if not before and after and parts and not _day_parts(cp.text[c[0] : c[1]]):
        b, a = ", ".join(parts), ", ".join(after)
        return [Change("date-changed", b, a, s, c, f"'{b}' -> '{a}': a time of day made a day")]
    return []


def _day_words(text: str) -> list[str]:
    """The day words a sentence names (rules/en/day_words.txt), folded. A month or weekday is a name and English
    capitalises it: a lowercase "may", "march" or "sun" is a modal, a verb, a noun ("a fault that may cause")."""
    rules = load_rules("en")
    names = rules.months.keys() | rules.weekdays.keys()
    return [
        fold(m.group(0))
        for m in rules.day_words.finditer(text)
        if not (m.group(0)[:1].islower() and fold(m.group(0)) in names)
    ]


def _day_parts(text: str) -> list[str]:
    """The parts of the day a sentence names ("as night fell", "on Saturday evening"): rules/en/day_parts.tsv."""
    parts = load_rules("en").day_parts
    return [w for w in _WORD.findall(fold(text)) if w in parts]


def credit_changes(source: Analysis, copy: Analysis) -> list[Change]:
    """An agency's dateline or credit, or a closing credit line ("— Reuters"), that the source carried and the copy
    dropped: the copy no longer says whose report it runs ("BALTIMORE (AP) —" -> "Baltimore, Mar 26:"). Where the
    copy names that agency as a source elsewhere ("..., reports The Associated Press."), the credit moved."""
    from .credits import copy_credits, find_credits

    credits = copy_credits(copy.text, copy.url) + _credit_lines(copy.text)
    theirs = {fold(x.name) for x in credits}
    named = {fold(x.name) for x in find_credits(copy.text, copy.url) if x.kind == "reported"}
    spans = sentences(copy.text)
    out = []
    mine = copy_credits(source.text, source.url)
    mine += [x for x in _credit_lines(source.text) if fold(x.name) not in {fold(y.name) for y in mine}]
    for x in mine:
        if fold(x.name) in theirs or x.kind not in ("dateline", "wire-credit", "carried"):
            continue
        other = next((y for y in credits if y.kind == x.kind), None)
        if other is not None:  # another agency's dateline where the source had its own: the credit moved
            out.append(_credit_moved(source, copy, x, other))
            continue
        m = _credit_at(source.text, x.name, closing=x.kind == "carried", dateline=x.kind == "dateline")
        span = (m.start(), m.end()) if m else None
        sentence = (_sentence_at(source.text, span[0]) or _passage(source.text, *span)) if span else None  # "(AP)"
        alone = bool(sentence) and len(sentence) <= 40
        whole = alone or (x.kind == "carried" and m is not None)  # a credit line: the whole text's
        if fold(x.name) in named:
            at = _credit_at(copy.text, x.name, closing=False)
            now = _sentence_at(copy.text, at.start()) if at else None
            out.append(Change("attribution-moved", m.group(0) if m else x.name, now, span,
                              (at.start(), at.end()) if at else None,
                              f"{x.kind} credit to {x.name} now a mention of its report",
                              source_sentence=sentence, copy_sentence=now))  # fmt: skip
            continue
        closing = _closing_credit(copy.text, x.name) if x.kind != "carried" else None
        if closing is not None:  # the dateline's credit put at the end ("... in US history. - Associated Press")
            line = copy.text[copy.text.rfind("\n", 0, closing.start()) + 1 : closing.end()].strip()
            out.append(Change("attribution-moved", m.group(0) if m else x.name, line, span,
                              (closing.start(), closing.end()), f"{x.kind} credit to {x.name} moved to the end",
                              source_sentence=sentence, copy_sentence=line))  # fmt: skip
            continue
        # where the credit went: the copy's sentence most like the credited one, or its lead for a credit line
        went = _lead(copy.text) if whole else _closest(sentence, copy.text, spans)
        before = sentence if alone else m.group(0) if whole and m else x.name
        why = f"{x.kind} credit to {x.name} dropped"
        vague = _unnamed_media(copy)
        if vague is not None:  # "(AFP) -" -> "According to international media reports, ..."
            why, went = f"{why}; the copy credits {vague.source!r} instead", _sentence_at(copy.text, vague.cue_span[0])
        out.append(Change("attribution-dropped", before, None, span, None, why, source_sentence=sentence,
                          copy_sentence=went))  # fmt: skip
    return out + _credits_added(source, copy, credits, mine)


def _unnamed_media(a: Analysis):
    """The text's first attribution to media it does not name ("according to international media reports", "local
    media said"): a source of no capitalised word whose words include a word of rules/en/unnamed_media_words.txt
    ("media", "press", "report", "state television")."""
    media = _unnamed_media_stems()
    for x in a.attributions:
        words = _WORD.findall(x.source or "")
        if words and not any(w[0].isupper() for w in words) and {_stem(w) for w in words} & media:
            return x
    return None


@lru_cache(maxsize=1)
def _unnamed_media_stems() -> frozenset[str]:
    """The stems of rules/en/unnamed_media_words.txt."""
    return frozenset(_stem(w) for w in load_rules("en").unnamed_media_words)


def _own_page(name: str, url: Optional[str]) -> bool:
    """A folded outlet name on its own site: a label of the URL's host starts with its first word, "the" aside
    ("ap" on apnews.com, "daily mail" on dailymail.co.uk; not "ap" on japantimes.co.jp)."""
    from ..ingest.metadata import host

    words = [w for w in name.split() if w != "the"]
    site = host(url) if url else None
    return bool(words and site) and any(label.startswith(words[0]) for label in site.split("."))


def _credits_added(source: Analysis, copy: Analysis, credits: list, mine: list) -> list[Change]:
    """A credit the copy gives ("[Source: Reuters]", "(Original source: BBC)", "LONDON (AP) —") to an outlet the
    source neither credits nor mentions as a source, where the source had no credit of that kind itself (then the
    credit moved, reported above): the copy now says whose report the whole text is, which its source did not."""
    from .credits import find_credits

    said = {fold(y.name) for y in find_credits(source.text, source.url)}
    kinds = {x.kind for x in mine}
    out = []
    for y in credits:
        name = fold(y.name)
        if name in said or y.kind not in ("dateline", "wire-credit", "carried") or y.kind in kinds:
            continue
        if _own_page(name, source.url):
            continue
        m = _credit_match(copy.text, y)
        line = m.group(0).strip() if m else y.name
        # what it credits: the copy's first sentence (its credit line blanked), as the source's most like it has it
        rest = copy.text if m is None else copy.text[: m.start()] + " " * (m.end() - m.start()) + copy.text[m.end() :]
        lead = next((rest[a:b] for a, b in sentences(rest)), None)
        out.append(Change("attribution-added", None, line, None, (m.start(), m.end()) if m else None,
                          f"{y.kind} credit to {y.name} added",
                          source_sentence=_closest(lead, source.text, sentences(source.text)) or _lead(source.text),
                          copy_sentence=line))  # fmt: skip
    return out


def _credit_match(text: str, credit) -> Optional[re.Match]:
    """Where a text gives `credit`: the first match of a credit pattern of its kind (credits.tsv, or a credit line of
    credit_lines.tsv for a wire credit) that names it."""
    from .credits import rules, wire_name

    patterns = [p for p, kind in rules().patterns if kind == credit.kind]
    if credit.kind == "wire-credit":
        patterns += _credit_line_patterns()
    for pattern in patterns:
        for m in pattern.finditer(text):
            raw = m.group("n").strip()
            if fold(wire_name(raw) or raw) == fold(credit.name):
                return m
    return None


_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][\w.'’ -]{1,40}?)(?:[ \t]*\[[^\]\n]+\])?[ \t]*,[ \t]*"
    r"(?P<month>[A-Za-z]{3,9})\.?[ \t]+(?P<day>\d{1,2})\b",
    re.M,
)
_PLACE_HEAD = re.compile(r"^[ \t]*[A-Z][\w.'’ -]{1,40}?[ \t]*(?:\([^)\n]{1,30}\)|\[[^\]\n]{1,30}\])?[ \t]*[-—–:]", re.M)


def dateline_date(text: str, head: int = 400) -> Optional[tuple[re.Match, int, int]]:
    """The date a dateline near the top gives ("ISTANBUL, June 11", "Washington [US], March 27:"): the match, the
    month and the day. A line that opens with a weekday or a month is a date line, not a place's dateline."""
    rules = load_rules("en")
    for m in _DATELINE.finditer(text[:head]):
        place, month = fold(m.group("place").strip()), fold(m.group("month"))
        if month in rules.months and place not in rules.weekdays and place not in rules.months:
            return m, rules.months[month], int(m.group("day"))
    return None


def dateline_changes(source: Analysis, copy: Analysis) -> list[Change]:
    """A dateline date the copy gives that its source's dateline does not ("ISTANBUL (Reuters) -" -> "ISTANBUL,
    June 11"), or another one: the copy dates the report itself, and a late edition's or another time zone's date
    dates the event wrongly. A date the source was published on is no change."""
    theirs = dateline_date(copy.text)
    if theirs is None:
        return []
    mine = dateline_date(source.text)
    m, month, day = theirs
    if mine is not None and (mine[1], mine[2]) == (month, day):
        return []
    published = (source.published or "")[5:10]
    if published == f"{month:02d}-{day:02d}":
        return []
    head = mine[0] if mine else _PLACE_HEAD.search(source.text[:400])
    before = head.group(0).strip() if head else None
    where = _sentence_at(source.text, head.end() - 1) if head else None
    return [Change("date-changed", before, m.group(0).strip(), (head.start(), head.end()) if head else None,
                   (m.start(), m.end()), f"the copy's dateline gives {m.group(0).strip()!r}, the source's "
                   f"{before or 'no dateline'!r}", source_sentence=where or _lead(source.text),
                   copy_sentence=_sentence_at(copy.text, m.start()) or m.group(0))]  # fmt: skip


def _credit_lines(text: str, head: int = 3000) -> list:
    """Agency credit lines near the top that rules/provenance/credit_lines.tsv describes ("AFP || Shining BD"), as
    wire credits."""
    from .credits import Credit, wire_name

    en = load_rules("en")
    out = []
    for pattern in _credit_line_patterns():
        for m in pattern.finditer(text[:head]):
            raw = m.group("n").strip()
            name = wire_name(raw) or (raw if en.is_media_name(raw) else None)
            if name and all(x.name != name for x in out):
                out.append(Credit(name, "wire-credit", True))
    return out


@lru_cache(maxsize=1)
def _credit_line_patterns() -> tuple[re.Pattern, ...]:
    """rules/provenance/credit_lines.tsv, compiled once (case-insensitive, one line each)."""
    from .credits import rule_lines

    return tuple(re.compile(line, re.I | re.M) for line in rule_lines("credit_lines.tsv"))


def _credit_at(text: str, name: str, closing: bool, dateline: bool = False) -> Optional[re.Match]:
    """Where a text credits an outlet: its closing credit line ("— Reuters" at the end of a line), its dateline's
    credit in brackets ("NEW YORK (AP) —", not a photo caption's "via AP" above it) or, else, the first mention of
    its name ("AP" or "Associated Press" for the Associated Press)."""
    said = re.escape(name) if name != "Associated Press" else r"\bAP\b|Associated Press"
    if dateline and (m := re.search(rf"\((?:{said})\)", text)):
        return m
    if closing:
        m = None
        for m in re.finditer(rf"[—–]\s*(?:{said})\s*$", text, re.M):
            pass
        if m is not None:
            return m
    return re.search(said, text)


def _closing_credit(text: str, name: str) -> Optional[re.Match]:
    """A credit the text closes on, after a dash or a spaced hyphen ("... in US history. - Associated Press")."""
    said = re.escape(name) if name != "Associated Press" else r"\bAP\b|Associated Press"
    return re.search(rf"(?:[—–]|\s-)\s*(?:{said})\W*$", text.rstrip())


def _credit_moved(source: Analysis, copy: Analysis, had, has) -> Change:
    """The source's agency credit given to another agency in the copy ("Istanbul (dpa) -" -> "Istanbul (AP) –")."""
    spans = []
    for a, text in ((had, source.text), (has, copy.text)):
        m = _credit_at(text, a.name, closing=False)
        spans.append((m.start(), m.end()) if m else None)
    before = _sentence_at(source.text, spans[0][0]) if spans[0] else None
    after = _sentence_at(copy.text, spans[1][0]) if spans[1] else None
    return Change("attribution-moved", had.name, has.name, spans[0], spans[1],
                  f"{had.kind} credit to {had.name} became {has.name}", source_sentence=before,
                  copy_sentence=after)  # fmt: skip


_BYLINE = re.compile(
    r"^[ \t]*(?:(?:Written[ \t]+[Bb]y|By)[ \t]+)?(?P<n>[A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’-]+){1,2})[ \t]*$", re.M
)
_STAMP = re.compile(r"\b(?:19|20)\d\d\b|\b\d{1,2}:\d\d\b")


def bylines(text: str, head: int = 800) -> list[tuple[str, tuple[int, int]]]:
    """Named bylines near the top: "By Martyn Herman", or a name alone on its line next to a dated line
    ("James Robson" over "Saturday 10 June 2023 21:58")."""
    top = text[:head]
    lines = top.splitlines()
    out = []
    for m in _BYLINE.finditer(top):
        line = m.group(0).strip()
        if not line.lower().startswith(("by ", "written by ")):
            k = top.count("\n", 0, m.start())
            near = [ln for ln in lines[max(0, k - 1) : k + 2] if ln.strip() and ln.strip() != line]
            if not any(_STAMP.search(ln) for ln in near):
                continue
        out.append((m.group("n"), (m.start("n"), m.end("n"))))
    return out


def byline_changes(source: Analysis, copy: Analysis) -> list[Change]:
    """A writer the source names in its byline that the copy never names: the copy runs the text without saying who
    wrote it, or under another byline (a misspelt one included: "By Martyn Herman" -> "Written by Martin
    Hermann")."""
    have, had = fold(copy.text), fold(source.text)
    theirs = [(name, span) for name, span in bylines(copy.text) if fold(name) not in had]
    if not theirs:
        theirs = _signed(source, copy)
    out = []
    for name, span in bylines(source.text):
        if fold(name) in have:
            continue
        if theirs:
            other, at = theirs[0]
            line = copy.text[at[0] : at[1]]
            out.append(Change("attribution-moved", name, other, span, at, f"byline {name} became {other}",
                              source_sentence=_sentence_at(source.text, span[0]) or name,
                              copy_sentence=_sentence_at(copy.text, at[0]) or line))  # fmt: skip
        else:
            out.append(Change("attribution-dropped", name, None, span, None, f"byline of {name} dropped",
                              source_sentence=name, copy_sentence=_lead(copy.text)))  # fmt: skip
    return out


def _signed(source: Analysis, copy: Analysis) -> list[tuple[str, tuple[int, int]]]:
    """A closing credit line of the copy ("— Reuters") that the source does not close with: the copy signs the
    text with an outlet's name where the source had a writer's byline."""
    from .credits import copy_credits

    mine = {fold(x.name) for x in copy_credits(source.text, source.url) if x.kind == "carried"}
    out = []
    for x in copy_credits(copy.text, copy.url):
        m = _credit_at(copy.text, x.name, closing=True) if x.kind == "carried" and fold(x.name) not in mine else None
        if m is not None and re.match(r"[—–]", m.group(0)):
            out.append((x.name, (m.start(), m.end())))
    return out


def _ops(before: str, after: str):
    bw, aw = _WORD.findall(before), _WORD.findall(after)
    sm = difflib.SequenceMatcher(a=[fold(w) for w in bw], b=[fold(w) for w in aw], autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op != "equal":
            yield op, bw[i1:i2], aw[j1:j2]


def _word_diff(before: str, after: str) -> str:
    parts = []
    for op, b, a in _ops(before, after):
        if op == "replace":
            parts.append(f"'{' '.join(b)}' -> '{' '.join(a)}'")
        elif op == "delete":
            parts.append(f"-'{' '.join(b)}'")
        else:
            parts.append(f"+'{' '.join(a)}'")
    return "; ".join(parts[:8])


def _norm(s: str) -> str:
    return " ".join(_WORD.findall(fold(s)))


@lru_cache(maxsize=1)
def _disclaimer_patterns() -> dict[str, re.Pattern]:
    """language -> the reporters' disclaimers of rules/provenance/disclaimers.tsv as one pattern ("..." up to four
    words between, "word*" any word it begins)."""
    from .credits import rule_lines

    alts: dict[str, list[str]] = {}
    for line in rule_lines("disclaimers.tsv"):
        lang, _, phrase = line.partition("\t")
        words = [r"(?:\S+\s+){0,4}?" if w == "..." else re.escape(w.rstrip("*")) + (r"\w*" if w.endswith("*") else "")
                 for w in phrase.replace("\u2019", "'").split()]  # fmt: skip
        alts.setdefault(lang.strip(), []).append(r"\s+".join(words).replace(r"?\s+", "?"))
    return {k: re.compile(r"(?<!\w)(?:" + "|".join(v) + r")(?!\w)", re.IGNORECASE) for k, v in alts.items()}


def _disclaimer(sentence: str, lang: Optional[str]) -> Optional[str]:
    """The reporter's disclaimer ("could not be independently verified") in a sentence of `lang`, or None."""
    pattern = _disclaimer_patterns().get(lang or "")
    m = pattern.search(sentence.replace("\u2019", "'")) if pattern else None
    return m.group(0) if m else None


def disclaimer_changes(src: Analysis, cp: Analysis, checked) -> list[Change]:
    """A reporter's disclaimer that a claim could not be checked ("The photos could not be independently verified.",
    rules/provenance/disclaimers.tsv) that the copy dropped (a hedge removed: the claim now reads as checked) or
    added (a hedge added): in a sentence dropped or added whole, or in one of two aligned sentences only. `checked`:
    (source span or None, copy span or None, where) for each sentence aligned, added or dropped. Only where the two
    texts hold a different number of disclaimers: one moved to another sentence is kept. Only between two languages
    whose disclaimers are known: in any other, a disclaimer kept would read as one dropped."""
    known = _disclaimer_patterns()
    if src.language not in known or cp.language not in known:
        return []
    ns = sum(1 for s, e in sentences(src.text) if _disclaimer(src.text[s:e], src.language))
    nc = sum(1 for s, e in sentences(cp.text) if _disclaimer(cp.text[s:e], cp.language))
    out: list[Change] = []
    for s, c, where in checked:
        before = src.text[s[0] : s[1]] if s else None
        after = cp.text[c[0] : c[1]] if c else None
        had = _disclaimer(before, src.language) if before else None
        has = _disclaimer(after, cp.language) if after else None
        if had and not has and ns > nc:
            out.append(Change("hedge-removed", had, None, s, c, where or f"disclaimer '{had}' dropped",
                              source_sentence=before, copy_sentence=after))  # fmt: skip
        elif has and not had and nc > ns:
            out.append(Change("hedge-added", None, has, s, c, where or f"disclaimer '{has}' added",
                              source_sentence=before, copy_sentence=after))  # fmt: skip
    return out

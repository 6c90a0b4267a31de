"""Directed evidence that one article copied another: pure functions from two article profiles (and the story they
sit in) to the features of settings.FEATURES.

The signals are those text-reuse and stemmatology research rely on: containment asymmetry (a child's sentences are
found in its parent, not the reverse — and a missing tail is no evidence, since stored pages are often prefixes),
publication order, credits, and idiosyncrasies (rare word sequences, spellings, quote wordings) shared by a subset of
versions, which are inherited down one branch. Across languages, names (under a transliteration key), numbers and
URLs stand in for words."""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional, Sequence

from ..ingest.clean import unmarked
from . import credits as cr
from .features import fold, sentences, stopwords
from .settings import Settings

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.U)
_CAP = re.compile(r"(?<![\w.@/])([A-ZÀ-ÖØ-ÞĀ-ſЀ-Я][\w’'-]{2,})", re.U)
_NUM = re.compile(r"(?<![\w.,])(\d{1,3}(?:[,. \u00a0\u202f]\d{3})+|\d+(?:[.,]\d+)?)(?![\w])")
_LINK = re.compile(r"(?:https?://|www\.)[^\s)\"'<>]+|@\w{3,}", re.I)


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    published: Optional[str] = None
    outlet: Optional[str] = None
    url: Optional[str] = None
    language: Optional[str] = None


@dataclass(frozen=True)
class Passage:
    """Two aligned sentences: where in the child, where in the parent, and how alike (0-100)."""

    child: tuple[int, int]
    parent: tuple[int, int]
    score: float


@dataclass(frozen=True)
class Profile:
    """What the evidence functions need of one article, computed once."""

    article: Article
    lang: str
    day: Optional[int]  # proleptic ordinal of the publication day
    own: tuple[tuple[int, int, str], ...]  # sentences mostly in the outlet's own words (start, end, folded text)
    full: tuple[tuple[int, int, str], ...]  # every sentence long enough to show copying
    grams: frozenset[str]  # word n-grams that are not all function words
    quotes: tuple[str, ...]  # folded quotations of four words or more
    words: tuple[str, ...]  # folded words in text order, "" for a word inside quotation marks or boilerplate
    keys: frozenset[str]  # language-independent keys: names (transliteration key), numbers, links
    key_seq: tuple[str, ...]  # the same keys in text order
    credits: tuple[cr.Credit, ...]
    wire_original: bool
    flash: bool  # an agency flash: the first version of the story (credits.flash)
    dateline_wire: Optional[str]
    own_dateline: Optional[str]


def profile(a: Article, settings: Settings = Settings()) -> Profile:
    from ..ingest.language import guess

    lang = a.language or guess(a.text)[0]
    published = a.published or cr.url_date(a.url)
    return Profile(
        article=a,
        lang=lang if lang != "und" else "en",
        day=day_number(published),
        own=tuple(sents(a.text, settings, own_words_only=True)),
        full=tuple(sents(a.text, settings, own_words_only=False)),
        grams=frozenset(ngrams(a.text, settings.ngram)),
        quotes=tuple(_quotes(a.text)),
        words=tuple(own_words(a.text)),
        keys=frozenset(seq := key_sequence(a.text)),
        key_seq=tuple(seq),
        credits=tuple(cr.copy_credits(a.text, a.url)),
        wire_original=cr.wire_original(a.text),
        flash=cr.flash(a.text),
        dateline_wire=cr.dateline_wire(a.text),
        own_dateline=cr.own_dateline(a.text),
    )


def day_number(published: Optional[str]) -> Optional[int]:
    """The day of a YYYY-MM-DD date as a number (proleptic ordinal), for comparing and subtracting dates."""
    if not published or not re.match(r"\d{4}-\d\d-\d\d", published):
        return None
    try:
        return dt.date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


def sents(text: str, settings: Settings = Settings(), own_words_only: bool = True) -> list[tuple[int, int, str]]:
    """Sentences that can show copying: long enough, not scrape debris, each once and, with `own_words_only`, mostly
    the outlet's own words — a sentence that is mostly a quotation shows only that two reports quote one person."""
    from ..ingest.clean import find_boilerplate, mask
    from ..nlp.quotemarks import find_quoted
    from ..rules import load

    text = mask(unmarked(text), find_boilerplate(text, load("en")))
    quoted = [(q.start, q.end) for q in find_quoted(text, run_on=False)] if own_words_only else []
    out, seen = [], set()
    for s, e in sentences(text):
        if e - s < settings.min_sentence_chars:
            continue
        inside = sum(max(0, min(e, qe) - max(s, qs)) for qs, qe in quoted)
        if inside > 0.5 * (e - s):
            continue
        key = fold(text[s:e])
        if key not in seen:
            seen.add(key)
            out.append((s, e, key))
    return out


def ngrams(text: str, n: int = 3) -> set[str]:
    """Word n-grams of the folded text, leaving out those made only of function words."""
    stops = stopwords()
    toks = _WORD.findall(fold(text))
    return {
        " ".join(toks[i : i + n])
        for i in range(len(toks) - n + 1)
        if not all(t in stops or t.isdigit() for t in toks[i : i + n])
    }


def own_words(text: str) -> list[str]:
    """The folded words of a text in order, each word inside quotation marks or scrape boilerplate given as "":
    the words an outlet wrote itself, for finding the runs of them another version repeats (shared_runs)."""
    from ..ingest.clean import find_boilerplate, mask
    from ..nlp.quotemarks import find_quoted
    from ..rules import load

    text = mask(unmarked(text), find_boilerplate(text, load("en")))
    quoted = sorted((q.start, q.end) for q in find_quoted(text, run_on=False))
    out, i = [], 0
    for m in _WORD.finditer(text):
        while i < len(quoted) and quoted[i][1] <= m.start():
            i += 1
        inside = i < len(quoted) and quoted[i][0] <= m.start()
        out.append("" if inside else fold(m.group(0)))
    return out


def shared_runs(child: Sequence[str], parent: Sequence[str], n: int) -> list[int]:
    """The lengths of the maximal runs of the child's own words (`own_words`) at least `n` long that the parent
    has word for word in its own words, each run holding at least `n` // 2 words that are not function words (a
    string of function words and a date is a stock phrase). A rewrite that changes every sentence still keeps
    such runs from its source: a clause, a description, a figure with its context."""
    if len(child) < n or len(parent) < n:
        return []
    held = {tuple(parent[i : i + n]) for i in range(len(parent) - n + 1) if all(parent[i : i + n])}
    hit = [False] * len(child)
    for i in range(len(child) - n + 1):
        gram = tuple(child[i : i + n])
        if gram in held:
            hit[i : i + n] = [True] * n
    stops = stopwords()
    out, start = [], None
    for i, h in enumerate([*hit, False]):
        if h and start is None:
            start = i
        elif not h and start is not None:
            run = child[start:i]
            if sum(w not in stops and not w.isdigit() for w in run) >= n // 2:
                out.append(len(run))
            start = None
    return out


def _quotes(text: str) -> list[str]:
    from ..nlp.quotemarks import find_quoted

    out = []
    for q in find_quoted(text, run_on=False):
        words = _WORD.findall(fold(text[q.start : q.end]))
        if len(words) >= 4:
            out.append(" ".join(words))
    return out


@lru_cache(maxsize=4096)
def plain_words(text: str) -> str:
    """The folded words of `text` outside its quotations, space-joined and space-padded (as `_quotes` joins a
    quotation's words: look for " " + quotation + " "), with a line break where a quotation was cut out, so that no
    quotation is found across one."""
    from ..nlp.quotemarks import find_quoted

    parts, last = [], 0
    for q in find_quoted(text, run_on=False):
        if q.start >= last:
            parts.append(text[last : q.start])
        last = max(last, q.end)
    parts.append(text[last:])
    return " " + " \n ".join(" ".join(_WORD.findall(fold(part))) for part in parts) + " "


@lru_cache(maxsize=1)
def _latin() -> dict[int, str]:
    """Letter of another script -> its Latin spelling (rules/provenance/transliteration.tsv), for str.translate."""
    from .credits import rule_lines

    out = {}
    for line in rule_lines("transliteration.tsv"):
        letter, _, latin = line.partition("\t")
        out[ord(letter)] = latin.strip()
    return out


def latin(text: str) -> str:
    """Folded text with Cyrillic letters spelt in Latin ones (rules/provenance/transliteration.tsv): "Зеленский" ->
    "zelenskiy"; other scripts are left as they are."""
    return fold(text).translate(_latin())


def name_key(word: str) -> str:
    """A transliteration-tolerant key for a name: its first letter and the following consonants, vowels and the
    semi-vowels h, w, y dropped and doubled letters collapsed ("Soleimani", "Suleimani" -> "slmn"; "Heyman",
    "Hayman" -> "hmn"). Cyrillic is spelt in Latin letters first ("Зеленский", "Zelensky" -> "zlnsk"); Arabic
    script keeps its own letters (and, having no capitals, gives no name keys: see key_sequence)."""
    w = latin(word)
    w = re.sub(r"['’-]", "", w)
    if not w:
        return ""
    rest = re.sub(r"[aeiouyhw]", "", w[1:])
    rest = re.sub(r"(.)\1+", r"\1", rest)
    return w[0] + rest


def keys(text: str) -> set[str]:
    """Language-independent keys of a text: capitalised words that are not function words (as name keys of three
    letters or more), numbers of two digits or more (separators dropped: 11,000 = 11 000 = 11.000) and links."""
    return set(key_sequence(text))


def key_sequence(text: str) -> list[str]:
    """The keys of `keys`, in the order the text has them (a translation keeps its source's order of facts)."""
    stops = stopwords()
    found: list[tuple[int, str]] = []
    for m in _CAP.finditer(text):
        w = m.group(1)
        if fold(w) in stops:
            continue
        k = name_key(w)
        if len(k) >= 3:
            found.append((m.start(), "n:" + k))
    for m in _NUM.finditer(text):
        digits = "".join(str(unicodedata.digit(ch)) for ch in m.group(1) if ch.isdecimal())  # ٢٠٢٣ = 2023
        if len(digits) >= 2:
            found.append((m.start(), "d:" + digits))
    for m in _LINK.finditer(text):
        found.append((m.start(), "l:" + fold(m.group(0)).rstrip("/.")))
    return [k for _, k in sorted(found)]


def ordered_key_overlap(
    c: "Profile", p: "Profile", story: "Story", power: float = 1.0, by_language: bool = False
) -> float:
    """Across languages: the rarity-weighted longest common subsequence of the two texts' key sequences, over the
    child's keys that some other version has — the same names and figures in the same order. Each key weighs its
    `holder_weight` to the `power` (settings.names_power: under 1, one key only two versions share weighs less
    against the many every version has). With `by_language` (settings.names_by_language) a key's holders are the
    languages its versions are in, not the versions, and a key found in one language only does not count: what
    a translation carries over is what crossed a language, and a name or acronym that sibling translations share
    in their own languages (OMS, ONU, a figure they round alike) is not its source's."""
    if by_language:
        weight = {k: holder_weight(story.key_langs[k]) ** power for k in set(c.key_seq) if story.key_langs[k] >= 2}
    else:
        weight = {k: holder_weight(story.key_df[k]) ** power for k in set(c.key_seq) if story.key_df[k] >= 2}
    a = [k for k in c.key_seq if k in weight]
    b = [k for k in p.key_seq if k in weight]
    if not a:
        return 0.0
    prev = [0.0] * (len(b) + 1)
    for x in a:
        cur = [0.0] * (len(b) + 1)
        for j, y in enumerate(b, 1):
            cur[j] = prev[j - 1] + weight[x] if x == y else max(prev[j], cur[j - 1])
        prev = cur
    return prev[-1] / sum(weight[k] for k in a)


def align(
    child: Sequence[tuple[int, int, str]],
    parent: Sequence[tuple[int, int, str]],
    settings: Settings = Settings(),
    cv=None,
    pv=None,
) -> list[Passage]:
    """For each child sentence, its best match among the parent's when at least reworded: by characters (a sentence
    found whole inside a longer one counts as copied with a cut), or, given sentence vectors `cv`/`pv` (see
    embed.py), by meaning (cosine >= settings.embedded; scored as reworded, never verbatim)."""
    from rapidfuzz import fuzz, process

    if not child or not parent:
        return []
    choices = [p[2] for p in parent]
    out = []
    for i, (s, e, t) in enumerate(child):
        best = process.extractOne(t, choices, scorer=fuzz.ratio, score_cutoff=settings.reworded)
        if (best is None or best[1] < settings.verbatim) and len(t) >= settings.min_trimmed_chars:
            cut = process.extractOne(t, choices, scorer=fuzz.partial_ratio, score_cutoff=settings.trimmed)
            if cut is not None and len(choices[cut[2]]) > len(t):
                best = cut
        if best is not None:
            _, score, k = best
            out.append(Passage((s, e), (parent[k][0], parent[k][1]), round(score, 1)))
        elif cv is not None and pv is not None and len(pv):
            sims = pv @ cv[i]
            k = int(sims.argmax())
            if sims[k] >= settings.embedded:
                out.append(Passage((s, e), (parent[k][0], parent[k][1]), settings.reworded))
    return out


@dataclass(frozen=True)
class Story:
    """Counts over the versions of one story that the pair features are relative to."""

    gram_df: Counter
    key_df: Counter
    size: int
    # of each key, how many languages its versions are in (ordered_key_overlap across languages)
    key_langs: Counter = field(default_factory=Counter)


def story_counts(profiles: Sequence[Profile]) -> Story:
    gram_df: Counter = Counter()
    key_df: Counter = Counter()
    langs: dict[str, set[str]] = {}
    for p in profiles:
        gram_df.update(p.grams)
        key_df.update(p.keys)
        for k in p.keys:
            langs.setdefault(k, set()).add(p.lang)
    return Story(gram_df, key_df, len(profiles), Counter({k: len(v) for k, v in langs.items()}))


def holder_weight(holders: int) -> float:
    """The weight of a trait (an n-gram, a name) that `holders` versions share (two or more): 1 / (holders - 1), so a
    trait only two versions have counts fully and one the whole story has, next to nothing."""
    return 1.0 / (holders - 1)


def rare_overlap(c: Profile, p: Profile, story: Story) -> tuple[float, float]:
    """(exclusive, rare): n-grams the pair shares and no other version has, and all shared n-grams weighted by
    their `holder_weight`; both per 100 n-grams of the child."""
    shared = c.grams & p.grams
    n = max(1, len(c.grams)) / 100
    exclusive = sum(story.gram_df[g] == 2 for g in shared) / n
    rare = sum(holder_weight(story.gram_df[g]) for g in shared) / n
    return exclusive, rare


def disagreement(
    c: Profile, p: Profile, story: Story, passages: list[Passage], settings: Settings = Settings()
) -> tuple[float, float]:
    """Where two aligned sentences differ, whose reading do the other versions share? (against, unshared), per
    100 n-grams of the child: the child's readings that the parent lacks but another version has (the child kept
    the common text where the parent changed it: siblings, not parent and child), and the parent's readings that
    no other version has and the child lacks (a child inherits its parent's changes). The stemmatic test of
    common errors, on word n-grams."""
    against = unshared = 0
    for x in passages:
        if x.score >= 100:
            continue
        cg = ngrams(c.article.text[x.child[0] : x.child[1]], settings.ngram)
        pg = ngrams(p.article.text[x.parent[0] : x.parent[1]], settings.ngram)
        against += sum(1 for g in cg - pg if g not in p.grams and story.gram_df[g] >= 2)
        unshared += sum(1 for g in pg - cg if g not in c.grams and story.gram_df[g] == 1)
    n = max(1, len(c.grams)) / 100
    return against / n, unshared / n


def skipped(own: Sequence[tuple[int, int, str]], here: set[tuple[int, int]], elsewhere: set[tuple[int, int]]) -> float:
    """The child's own sentences (`own`, in text order) that the candidate lacks inside the stretch it covers, but
    another version has: per own sentence of the child, those not among the spans aligned in the candidate (`here`),
    among those aligned in some other version (`elsewhere`), and before the child's last sentence the candidate has.
    The child took them from a common source the candidate cut them from: siblings, not parent and child. A sentence
    after the candidate's last one is no evidence (stored pages are often prefixes)."""
    spans = [(s, e) for s, e, _ in own]
    last = max((i for i, sp in enumerate(spans) if sp in here), default=-1)
    gaps = sum(1 for sp in spans[: max(0, last)] if sp not in here and sp in elsewhere)
    return gaps / max(1, len(spans))


def key_overlap(c: Profile, p: Profile, story: Story) -> float:
    """Share of the child's language-independent keys found in the parent, each weighted by its rarity in the
    story (a name every version has says less than a figure only two share); keys no other version has (a German
    noun's capital, an own quote) cannot be shared and do not count."""
    weight = {k: holder_weight(story.key_df[k]) for k in c.keys if story.key_df[k] >= 2}
    if not weight:
        return 0.0
    return sum(w for k, w in weight.items() if k in p.keys) / sum(weight.values())


def _names_match(names: set[str], theirs: set[str], host: str = "") -> bool:
    return any(n and (n in theirs or any(t and (n in t or t in n) for t in theirs) or n == host) for n in names)


def credited(c: Profile, p: Profile) -> bool:
    """The child credits the parent's own outlet (its name or host), or the agency whose bylined original, or whose
    copy under its own dateline, the parent is."""
    names = {fold(x.name) for x in c.credits}
    if not names:
        return False
    theirs = {fold(p.article.outlet or "")} | {fold(p.dateline_wire or "")}
    return _names_match(names, theirs, cr.host(p.article.url) or "")


def co_credited(c: Profile, p: Profile) -> bool:
    """Both credit one agency, and the parent is not that agency's own text: two copies of one wire story, which
    are likelier siblings under the agency than parent and child."""
    mine = {fold(x.name) for x in c.credits if x.wire}
    theirs = {fold(x.name) for x in p.credits if x.wire} - {fold(p.dateline_wire or "")}
    return bool(mine and theirs) and _names_match(mine, theirs) and not credited(c, p)


def pair_features(
    c: Profile, p: Profile, story: Story, closest: bool, passages: list[Passage], settings: Settings = Settings()
) -> dict[str, float]:
    """The FEATURES of `p` as the parent of `c`, given the alignment of c's own sentences in p (`passages`)."""
    n_own = max(1, len(c.own))
    verbatim = sum(x.score >= settings.verbatim for x in passages) / n_own
    reworded = len(passages) / n_own
    head = p.own[: max(3, len(c.own))]
    reverse = len(align(head, c.full, settings)) / max(1, len(head)) if head and c.full else 0.0
    exclusive, rare = rare_overlap(c, p, story)
    against, unshared = disagreement(c, p, story, passages, settings)
    qs = [q for q in c.quotes]
    plain = fold(p.article.text) if qs else ""
    quotes = sum(any(q in pq for pq in p.quotes) or q in plain for q in qs) / len(qs) if qs else 0.0
    earlier = c.day is not None and p.day is not None and p.day < c.day
    length = math.log(max(1, len(p.article.text)) / max(1, len(c.article.text)))
    names = (
        ordered_key_overlap(c, p, story, settings.names_power, settings.names_by_language)
        if c.lang != p.lang
        else key_overlap(c, p, story)
    )
    runs = shared_runs(c.words, p.words, settings.run_words) if c.lang == p.lang else []
    n_own_words = max(1, sum(bool(w) for w in c.words))
    return {
        # counted by the parent's sentences: two of the child's sentences matching one headline are one sentence shared
        "n_verbatim": float(len({x.parent for x in passages if x.score >= settings.verbatim})),
        "n_reworded": float(len({x.parent for x in passages})),
        # two runs of the child's own words repeated word for word, or one twice as long: a rewrite of the parent
        "wording": float(len(runs) >= 2 or max(runs, default=0) >= 2 * settings.run_words),
        "runs": min(1.0, sum(runs) / n_own_words),
        "declared": float((bool(passages) or names >= settings.declared_names) and _declared(c, p)),
        "contained": verbatim,
        "reworded": reworded,
        "reverse": reverse,
        "exclusive": min(exclusive, 20.0) / 10,
        "rare": min(rare, 60.0) / 30,
        "against": min(against, 20.0) / 10,
        "unshared": min(unshared, 20.0) / 10,
        "closest": float(closest),
        "quotes": quotes,
        "earlier": float(earlier),
        "dated_parent": float(p.day is not None and c.day is None),
        "credited": float(credited(c, p)),
        "co_credited": float(co_credited(c, p)),
        "wire_parent": float(p.wire_original),
        "own_dateline": float(c.own_dateline is not None and c.own_dateline != p.own_dateline),
        "names": names,
        "keys_any": key_overlap(c, p, story) if c.lang != p.lang else names,
        "cross_language": float(c.lang != p.lang),
        "cognates": _cognates(c, p),
        "longer": max(-1.0, min(1.0, length)),
    }


def _cognates(c: Profile, p: Profile) -> float:
    """Across languages, the share of the child's content words with a cognate in the parent (crosslang.
    cognate_share); 0 within one language, where sentences align."""
    if c.lang == p.lang:
        return 0.0
    from .crosslang import cognate_share

    return cognate_share(p.article.text, c.article.text)


def _declared(c: Profile, p: Profile) -> bool:
    """The child says it carries the agency copy of which the parent is the agency's own bylined original.
    (pair_features takes it as the parent only when the child shares a sentence or most of its names and figures
    with it: a credit names the agency, not which of its stories or versions, and a text sharing neither with the
    stored original is another one.)"""
    return p.wire_original and any(x.wire and x.name == p.dateline_wire for x in c.credits) and not c.wire_original


def possible(c: Profile, p: Profile, settings: Settings = Settings()) -> bool:
    """Publication time as a hard constraint: a text dated after another cannot be its source."""
    return c.day is None or p.day is None or p.day <= c.day + settings.date_slack_days

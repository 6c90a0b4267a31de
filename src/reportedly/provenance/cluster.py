"""Group articles into stories without comparing all pairs. Each article gets a signature on its own — MinHash of
its word shingles (copies share wording), its salient terms themselves (reports of one event share names, places
and figures) and MinHash of its language-independent keys (a translation keeps its names and figures) — and from it a few
LSH band keys. Articles that share a band key are candidates; only candidates are verified. Signatures and band
keys depend on the article alone, so a store can keep them and a Spark job can compute them per partition:
grouping on band keys replaces all-pairs comparison everywhere. Near-linear in the number of articles. A second
pass (`attach_small`) joins a small component to the story its cross-language candidates concentrate in."""

from __future__ import annotations

import hashlib
import re
import struct
import unicodedata
from collections import Counter
from functools import lru_cache
from itertools import combinations
from operator import eq
from typing import Callable, Hashable, Iterable, Mapping, Optional, Sequence

from ..ingest.language import guess
from ..models import Signature
from .features import always_capitalised, salient_terms, shingles, words
from .settings import Settings

NUM_PERM = 64
KINDS = ("copy", "topic", "keys")  # the three signatures, in Signature's field order


class _UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _minhash(items: set[str], num_perm: int = NUM_PERM) -> tuple[int, ...]:
    from datasketch import MinHash

    if not items:
        return ()
    m = MinHash(num_perm=num_perm)  # fixed seed: the same values in every process and on every machine
    m.update_batch([x.encode("utf-8") for x in items])
    return tuple(int(v) for v in m.hashvalues)


def _term_hash(term: str) -> int:
    return int.from_bytes(hashlib.blake2b(term.encode("utf-8"), digest_size=4).digest(), "little")


_YEAR = re.compile(r"d:(?:1[89]|20)\d\d")  # a number key that reads as a year (1800-2099) is no figure


def signature(text: str, settings: Settings = Settings()) -> Signature:
    """One article's signature. Its salient terms are few (`topic_terms`), so they are kept whole (as 32-bit
    hashes) and a candidate pair is verified on their exact overlap: a MinHash estimate of a low threshold is noisy
    enough that, over a large corpus, chance links would chain unrelated articles into one giant story. Its marks
    say what happened: the salient terms it does not always capitalise (the event's words, not its people's names)
    and its figures (number keys that are not years; those of `figure_digits` digits or more marked as long)."""
    from .evidence import keys

    toks = words(text)
    long_enough = len(toks) >= settings.min_words
    terms = salient_terms(toks, settings.topic_terms) if long_enough else set()
    language = language_of(text) if long_enough else guess(text)[0]
    found = keys(text) - common_nouns(text, language) if long_enough else set()
    events = terms - always_capitalised(text) if terms else set()
    figures = {k for k in found if k.startswith("d:") and not _YEAR.fullmatch(k)}
    return Signature(
        copy=_minhash(shingles(toks)),
        topic=tuple(sorted({_term_hash(t) for t in terms})),
        keys=_minhash(found) if long_enough else (),
        language=language,
        marks=tuple(sorted({_term_hash(t) & ~1 for t in events} | {_figure_mark(k, settings) for k in figures})),
    )


@lru_cache(maxsize=1)
def _scripts() -> dict[str, str]:
    """rules/provenance/scripts.tsv: the first word of a letter's Unicode name -> ISO 15924 script code."""
    from importlib import resources

    text = resources.files("reportedly.rules").joinpath("provenance", "scripts.tsv").read_text(encoding="utf-8")
    rows = (ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))
    return {name: code for name, code in rows}


def language_of(text: str) -> str:
    """The language `guess` finds, or for a text it cannot tell, "und-" and the script most of its letters are in
    ("und-Cyrl"): an undetermined language, but another than any known one of another script or of its own."""
    language = guess(text)[0]
    if language != "und":
        return language
    names = Counter(unicodedata.name(ch, " ").split(" ")[0] for ch in text if ch.isalpha())
    script = _scripts().get(names.most_common(1)[0][0]) if names else None
    return f"und-{script}" if script else "und"


_WORD = re.compile(r"[^\W\d_][\w’'-]*", re.U)


@lru_cache(maxsize=None)
def noun_determiners(language: str) -> frozenset[str]:
    """The words before a noun in a language that capitalises its nouns (rules/<language>/noun_determiners.txt);
    empty for the others."""
    from importlib import resources

    path = resources.files("reportedly.rules").joinpath(language, "noun_determiners.txt")
    if not path.is_file():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(ln.strip() for ln in lines if ln.strip() and not ln.startswith("#"))


def common_nouns(text: str, language: str) -> set[str]:
    """The name keys of the capitalised nouns of a text in a language that capitalises every noun: a capitalised word
    after a determiner, or after a determiner and one lower-case word. A German report's keys are otherwise
    half common nouns ("Gericht", "Urteil"), which no other language's version shares, so its key overlap with
    its own translations stays under the thresholds."""
    determiners = noun_determiners(language)
    if not determiners:
        return set()
    from .evidence import name_key

    toks = _WORD.findall(text)
    out = set()
    for n, w in enumerate(toks):
        if not w[:1].isupper() or n == 0:
            continue
        before, earlier = toks[n - 1], toks[n - 2] if n > 1 else ""
        if before.lower() in determiners or (before[:1].islower() and earlier.lower() in determiners):
            key = name_key(w)
            if len(key) >= 3:
                out.add("n:" + key)
    return out


def _figure_mark(key: str, settings: Settings) -> int:
    """A figure's mark: low bit 1, and bit 2 set when it has at least `figure_digits` digits."""
    h = _term_hash(key) | 1
    return h | 2 if len(key) - 2 >= settings.figure_digits else h & ~2


def _long(figures: frozenset[int]) -> bool:
    """Whether some of these figure marks is a long figure (`_figure_mark`)."""
    return any(m & 2 for m in figures)


def _events_and_figures(marks: Iterable[int]) -> tuple[frozenset[int], frozenset[int]]:
    """A signature's marks split into event words (low bit 0) and figures (low bit 1)."""
    marks = list(marks)
    return frozenset(m for m in marks if not m & 1), frozenset(m for m in marks if m & 1)


@lru_cache(maxsize=None)
def bands(threshold: float) -> tuple[int, int]:
    """(bands, rows per band) that make a pair at `threshold` Jaccard a candidate with the least weighted error."""
    from datasketch.lsh import _optimal_param

    return _optimal_param(threshold, NUM_PERM, 0.5, 0.5)


def _thresholds(settings: Settings) -> dict[str, float]:
    keys = min(settings.key_threshold, settings.key_figure)
    return {"copy": settings.copy_threshold, "topic": settings.topic_threshold, "keys": keys}


def band_keys(sig: Signature, settings: Settings = Settings()) -> list[str]:
    """The LSH band keys of a signature ("copy:3:9f1c…"): two articles are candidates when they share one."""
    out = []
    for kind, threshold in _thresholds(settings).items():
        values = getattr(sig, kind)
        if not values:
            continue
        b, r = bands(threshold)
        if kind == "topic":
            values = _minhash({str(v) for v in values}, NUM_PERM * settings.topic_band_factor)
            b *= settings.topic_band_factor
        for i in range(b):
            digest = hashlib.blake2b(struct.pack(f"<{r}Q", *values[i * r : (i + 1) * r]), digest_size=8).hexdigest()
            out.append(f"{kind}:{i}:{digest}")
    return out


def band_numbers(sig: Signature, settings: Settings = Settings()) -> list[int]:
    """The band keys as signed 64-bit integers, the form a database indexes cheaply. Two keys that collide only make
    an extra candidate, which `linked` then rejects."""
    out = []
    for k in band_keys(sig, settings):
        h = int.from_bytes(hashlib.blake2b(k.encode(), digest_size=8).digest(), "little", signed=True)
        out.append((h & ~3) | KINDS.index(k.split(":", 1)[0]))  # the low two bits say which signature it bands
    return out


def cross_only(key) -> bool:
    """A band key of the language-independent keys: its bucket pairs only articles in different languages (two
    reports in one language are linked by their wording or their terms, never by names and figures alone)."""
    return key.startswith("keys:") if isinstance(key, str) else (key & 3) == KINDS.index("keys")


def similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Estimated Jaccard similarity of two MinHash signatures."""
    if not a or not b:
        return 0.0
    return sum(map(eq, a, b)) / len(a)  # twice as fast as a generator: it runs for every candidate pair


def linked(a: Signature, b: Signature, settings: Settings = Settings()) -> bool:
    """Whether two candidates belong to one story: worded alike, about the same event, or (in two languages)
    sharing the same names and figures. Salient terms are mostly names and keys mostly names, so two reports of the
    same people in different events share them too: a link by terms also needs the same event words or a shared
    figure, and a link by keys a shared figure, unless their overlap alone is strong (`topic_alone`, `key_alone`)."""
    if similarity(a.copy, b.copy) >= settings.copy_threshold:
        return True
    ea, fa = _events_and_figures(a.marks)
    eb, fb = _events_and_figures(b.marks)
    two = _two(a.language, b.language)
    if a.topic and b.topic:
        ta, tb = set(a.topic), set(b.topic)
        topic = len(ta & tb) / len(ta | tb)
        if _by_topic(topic, two, a.keys, b.keys, ea, eb, fa, fb, settings):
            return True
    return two and _same_keys(similarity(a.keys, b.keys), fa, fb, settings)


def _by_topic(topic, two, ka, kb, ea, eb, fa, fb, settings: Settings) -> bool:
    """A link by salient terms: over the topic threshold and one event, or (in one language) a little under it
    with the same names and figures (`topic_named`, `named_keys`) and enough of the same event words (a shared
    figure is not enough here: over a large corpus of one language it chains reports that merely share a number)."""
    if topic >= settings.topic_threshold:
        return _same_event(topic, ea, eb, fa, fb, settings)
    if two or topic < settings.topic_named or similarity(ka, kb) < settings.named_keys:
        return False
    return _same_words(ea, eb, settings)


def _same_event(topic: float, ea: frozenset, eb: frozenset, fa: frozenset, fb: frozenset, settings: Settings) -> bool:
    """A pair over the topic threshold is one event: strong overlap alone, or a shared figure, or enough of the
    same event words."""
    return topic >= settings.topic_alone or bool(fa & fb) or _same_words(ea, eb, settings)


def _same_words(ea: frozenset, eb: frozenset, settings: Settings) -> bool:
    """Enough of the same event words: their Jaccard overlap reaches `event_threshold`."""
    shared = len(ea & eb)
    return bool(shared) and shared / (len(ea) + len(eb) - shared) >= settings.event_threshold


def _same_keys(keys: float, fa: frozenset, fb: frozenset, settings: Settings) -> bool:
    """Keys of two languages linking one event: over `key_threshold` with a shared figure, over `key_figure` with a
    shared long figure, or over `key_alone`."""
    if keys >= settings.key_alone:
        return True
    if keys < min(settings.key_threshold, settings.key_figure):
        return False
    shared = fa & fb
    return bool(shared) and (keys >= settings.key_threshold or (keys >= settings.key_figure and _long(shared)))


def candidate_pairs(
    keys_by_id: Mapping[Hashable, Iterable], cap: int, languages: Optional[Mapping[Hashable, str]] = None
) -> set[tuple[Hashable, Hashable]]:
    """Pairs of ids sharing a band key (band_keys or band_numbers). A bucket larger than `cap` (boilerplate every
    page shares) is skipped; with `languages`, a bucket of language-independent keys pairs only articles in two
    languages (in a corpus of one language such buckets would grow with it and link nothing)."""
    buckets: dict = {}
    for i, ks in keys_by_id.items():
        for k in ks:
            buckets.setdefault(k, []).append(i)
    pairs = set()
    for k, members in buckets.items():
        if not 1 < len(members) <= cap:
            continue
        if languages is not None and cross_only(k):
            pairs.update((a, b) for a, b in combinations(members, 2) if _two_languages(languages, a, b))
        else:
            pairs.update(combinations(members, 2))
    return pairs


def cross_pairs_kept(
    pairs: Iterable[tuple[Hashable, Hashable]], languages: Mapping[Hashable, str]
) -> set[tuple[Hashable, Hashable]]:
    """The pairs found in buckets of language-independent keys that such a bucket may make: two languages."""
    return {(a, b) for a, b in pairs if _two_languages(languages, a, b)}


def _two_languages(languages: Mapping[Hashable, str], a: Hashable, b: Hashable) -> bool:
    return _two(languages.get(a, "und"), languages.get(b, "und"))


def two_languages(la: str, lb: str) -> bool:
    """Two known languages, not one: a pair in them is a cross-language candidate."""
    return _two(la, lb)


def _two(la: str, lb: str) -> bool:
    """Two known languages, not one (keys link only across languages)."""
    return la != lb and "und" not in (la, lb)


def components(ids: Sequence[Hashable], pairs: Iterable[tuple[Hashable, Hashable]]) -> list[list[Hashable]]:
    """Connected components of `ids` under `pairs` (singletons included), largest first."""
    index = {i: n for n, i in enumerate(ids)}
    uf = _UnionFind(len(ids))
    for a, b in pairs:
        uf.union(index[a], index[b])
    groups: dict[int, list[Hashable]] = {}
    for n, i in enumerate(ids):
        groups.setdefault(uf.find(n), []).append(i)
    return sorted(groups.values(), key=lambda g: (-len(g), str(g[0])))


def cluster_signatures(sigs: Mapping[Hashable, Signature], settings: Settings = Settings()) -> list[list[Hashable]]:
    """Stories as lists of ids from precomputed signatures."""
    keys = {i: band_keys(s, settings) for i, s in sigs.items()}
    langs = {i: s.language for i, s in sigs.items()}
    link = linker(sigs, settings)
    candidates = candidate_pairs(keys, settings.max_bucket, langs)
    pairs = [(a, b) for a, b in candidates if link(a, b)]
    return attach_small(components(list(sigs), pairs), candidates, langs, settings)


def attach_small(
    groups: list[list[Hashable]],
    candidates: Iterable[tuple[Hashable, Hashable]],
    languages: Mapping[Hashable, str],
    settings: Settings = Settings(),
) -> list[list[Hashable]]:
    """A second pass over the components: a small one (at most `attach_size` members; a short version in another
    language keeps too few of its source's names and figures to link to any one article) joins the larger component
    where its cross-language candidates (articles in another language sharing one of its band keys) are
    concentrated: at least `attach_min` of them, at least `attach_share` of that component's members, and
    `attach_margin` times as many as in the next component. Reports of the same people in other events spread such
    candidates over several components; one story gathers them. Each small component is placed against the first
    pass's components (no chaining through another attached one), in one pass over the candidate pairs: linear.
    Largest first, as `components`."""
    if settings.attach_share > 1:
        return groups
    where = {i: n for n, g in enumerate(groups) for i in g}
    few = {i for g in groups if len(g) <= settings.attach_size for i in g}
    held: dict[int, dict[int, set]] = {}
    for a, b in candidates:  # every candidate pair: the cheapest tests first
        if (a not in few and b not in few) or not _two_languages(languages, a, b):
            continue
        ga, gb = where.get(a), where.get(b)
        if ga is None or gb is None or ga == gb:
            continue
        for small, big, other in ((ga, gb, b), (gb, ga, a)):
            if len(groups[small]) <= settings.attach_size and len(groups[big]) > len(groups[small]):
                held.setdefault(small, {}).setdefault(big, set()).add(other)
    sizes = {n: len(g) for n, g in enumerate(groups)}
    into = {}
    for small, by_group in held.items():
        best = attach_target(len(groups[small]), {g: len(m) for g, m in by_group.items()}, sizes, settings)
        if best is not None:
            into[small] = best
    if not into:
        return groups
    out = [list(g) for g in groups]
    for small, big in sorted(joins(into).items()):
        out[big] += out[small]
        out[small] = []
    return sorted((g for g in out if g), key=lambda g: (-len(g), str(g[0])))


def attaching(settings: Settings = Settings()) -> bool:
    """Whether the second pass (`attach_small`) runs: `attach_share` above 1 turns it off."""
    return settings.attach_share <= 1


def attach_target(
    size: int, held: Mapping[Hashable, int], sizes: Mapping[Hashable, int], settings: Settings = Settings()
) -> Optional[Hashable]:
    """The component a small one of `size` members joins (`attach_small`), or None: `held` counts its cross-language
    candidates in each other component, `sizes` gives those components' first-pass sizes (only larger ones count).
    The same decision wherever components are kept (in memory, the store, the Spark job): a small one joins its
    target only when the target itself joins none (`joins`)."""
    if not attaching(settings) or size > settings.attach_size:
        return None
    ranked = sorted(((n, g) for g, n in held.items() if n and sizes.get(g, 0) > size), key=lambda x: x[0], reverse=True)
    if not ranked:
        return None
    n, best = ranked[0]
    second = ranked[1][0] if len(ranked) > 1 else 0
    clear = n > second and n >= settings.attach_margin * second  # a tie never attaches: no order decides it
    if clear and n >= settings.attach_min and n >= settings.attach_share * sizes[best]:
        return best
    return None


def joins(targets: Mapping[Hashable, Optional[Hashable]]) -> dict[Hashable, Hashable]:
    """Of each small component's target (`attach_target`; None: none), those it joins: a small one joins no joining
    one (no chaining)."""
    return {s: t for s, t in targets.items() if t is not None and targets.get(t) is None}


def linker(sigs: Mapping[Hashable, Signature], settings: Settings = Settings()):
    """`linked` over many candidate pairs of `sigs`, by id: the same decision, with each signature's terms and
    MinHash values prepared once (a large corpus verifies millions of candidates)."""
    import numpy as np

    terms = {i: frozenset(s.topic) for i, s in sigs.items()}
    marks = {i: _events_and_figures(s.marks) for i, s in sigs.items()}
    copy = {i: np.asarray(s.copy, dtype=np.uint64) for i, s in sigs.items() if s.copy}
    need = settings.copy_threshold * NUM_PERM
    lowest = min(settings.topic_threshold, settings.topic_named)

    def link(a: Hashable, b: Hashable) -> bool:
        (ea, fa), (eb, fb) = marks[a], marks[b]
        ta, tb = terms[a], terms[b]
        if ta and tb:
            shared = len(ta & tb)
            topic = shared / (len(ta) + len(tb) - shared)
            if shared and topic >= lowest:
                sa, sb = sigs[a], sigs[b]
                if _by_topic(topic, _two(sa.language, sb.language), sa.keys, sb.keys, ea, eb, fa, fb, settings):
                    return True
        ca, cb = copy.get(a), copy.get(b)
        if ca is not None and cb is not None and int((ca == cb).sum()) >= need:
            return True
        sa, sb = sigs[a], sigs[b]
        return _two(sa.language, sb.language) and _same_keys(similarity(sa.keys, sb.keys), fa, fb, settings)

    return link


def cluster(
    texts: Sequence[str], ids: Sequence[Hashable] | None = None, settings: Settings = Settings()
) -> list[list[Hashable]]:
    """Stories as lists of ids (singletons included), largest first."""
    ids = list(ids) if ids is not None else list(range(len(texts)))
    return cluster_signatures({i: signature(t, settings) for i, t in zip(ids, texts)}, settings)


def pairwise_f1(predicted: list[list[Hashable]], gold: list[list[Hashable]], scope: set | None = None) -> dict:
    """Pairwise precision/recall/F1 of a clustering; with `scope`, only pairs touching an id in scope count."""

    def pairs(groups):
        out = set()
        for g in groups:
            g = sorted(g, key=str)
            for a in range(len(g)):
                for b in range(a + 1, len(g)):
                    if scope is None or g[a] in scope or g[b] in scope:
                        out.add((g[a], g[b]))
        return out

    p, g = pairs(predicted), pairs(gold)
    tp = len(p & g)
    prec = tp / len(p) if p else 1.0
    rec = tp / len(g) if g else 1.0
    f = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"p": round(prec, 4), "r": round(rec, 4), "f1": round(f, 4), "pairs_pred": len(p), "pairs_gold": len(g)}


def stories_in_time(
    group: Sequence[Hashable],
    days: dict[Hashable, Optional[int]],
    window: int,
    copied: Optional[Callable[[Hashable, Hashable], bool]] = None,
) -> list[tuple[list[Hashable], list[Hashable]]]:
    """A connected component as stories bounded in time, each (members, earlier coverage). Its dated members are
    cut where coverage pauses for more than `window` days: articles about the same people months apart (a verdict
    and the sentencing, a prize and the medal's auction) are different stories, which single-link clustering had
    chained into one. The run with the most dated members is the component's main story (of equal runs, the one
    holding the main day, `_main_day`, as bound_in_time) and keeps the undated members: a few later reports of the
    same people linked to a story may move its median day out of the story's own run, but do not outnumber its
    coverage. A lone article before it is its earlier coverage (what it may draw on), a lone article after it is no
    story, and every other run of two or more is a story of its own. With `copied` (whether two
    articles share their wording: `copy_edges`), a lone article after the main story that copies one of its members
    is that story republished late (a reposting weeks or months on, dated by the reposting site), not a new story:
    it stays in the main story. Main story first; members in `group` order."""
    main_day = _main_day(group, days)
    if main_day is None:
        return [(list(group), [])]
    dated = sorted((d, n) for n, i in enumerate(group) if (d := days.get(i)) is not None)
    runs: list[list[int]] = [[]]
    for k, (d, n) in enumerate(dated):
        if k and d - dated[k - 1][0] > window:
            runs.append([])
        runs[-1].append(n)
    holds = next(k for k, run in enumerate(runs) if any(days[group[n]] == main_day for n in run))
    main = max(range(len(runs)), key=lambda k: (len(runs[k]), k == holds))
    keep = set(runs[main]) | {n for n, i in enumerate(group) if days.get(i) is None}
    if copied is not None:
        kept = [group[n] for n in sorted(keep)]
        keep |= {run[0] for run in runs[main + 1 :] if len(run) == 1 and any(copied(group[run[0]], j) for j in kept)}
    earlier = {runs[k][0] for k in range(main) if len(runs[k]) == 1}
    out = [([group[n] for n in sorted(keep)], [group[n] for n in sorted(earlier)])]
    for k, run in enumerate(runs):
        if k != main and len(run) >= 2:
            out.append(([group[n] for n in sorted(run)], []))
    return out


def copy_edges(
    sigs: Mapping[Hashable, Signature], settings: Settings = Settings()
) -> Callable[[Hashable, Hashable], bool]:
    """Whether two articles of `sigs` share their wording: the copy link of `linked` (word-shingle MinHash at
    `copy_threshold`), by id, for `stories_in_time`."""

    def copied(a: Hashable, b: Hashable) -> bool:
        sa, sb = sigs.get(a), sigs.get(b)
        return sa is not None and sb is not None and similarity(sa.copy, sb.copy) >= settings.copy_threshold

    return copied


def bound_in_time(
    group: Sequence[Hashable], days: dict[Hashable, Optional[int]], window: int
) -> tuple[list[Hashable], list[Hashable]]:
    """(the story, earlier coverage): members dated more than `window` days before the group's median day are not
    part of this story (articles about the same people months apart are different stories), but may be what it
    draws on. Undated members stay in the story."""
    main = _main_day(group, days)
    if main is None:
        return list(group), []
    earlier = [i for i in group if days.get(i) is not None and days[i] < main - window]
    before = set(earlier)
    return [i for i in group if i not in before], earlier


def _main_day(group: Sequence[Hashable], days: dict[Hashable, Optional[int]]) -> Optional[int]:
    """A group's main day: the median of its members' days (None when none is dated)."""
    dated = sorted(d for i in group if (d := days.get(i)) is not None)
    return dated[len(dated) // 2] if dated else None

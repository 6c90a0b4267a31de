"""Group articles into stories without comparing all pairs: MinHash LSH finds candidates twice — on word shingles
(copies share wording) and on salient terms (reports of one event share its names, places and figures) — and only
candidate pairs are verified. Near-linear in the number of articles."""

from __future__ import annotations

from typing import Hashable, Optional, Sequence

from ..ingest.language import guess
from .features import salient_terms, shingles, words
from .settings import Settings

NUM_PERM = 64


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


def _minhashes(sets: list[set[str]]):
    from datasketch import MinHash

    out = []
    for s in sets:
        m = MinHash(num_perm=NUM_PERM)
        if s:
            m.update_batch([x.encode("utf-8") for x in s])
        out.append(m)
    return out


def _edges(hashes, threshold: float, eligible: list[bool]) -> list[tuple[int, int, float]]:
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    for i, m in enumerate(hashes):
        if eligible[i]:
            lsh.insert(i, m)
    out = []
    for i, m in enumerate(hashes):
        if not eligible[i]:
            continue
        for j in lsh.query(m):
            if j > i:
                sim = m.jaccard(hashes[j])
                if sim >= threshold:
                    out.append((i, j, sim))
    return out


def cluster(
    texts: Sequence[str], ids: Sequence[Hashable] | None = None, settings: Settings = Settings()
) -> list[list[Hashable]]:
    """Stories as lists of ids (singletons included), largest first."""
    ids = list(ids) if ids is not None else list(range(len(texts)))
    toks = [words(t) for t in texts]
    n = len(texts)
    shingle_hashes = _minhashes([shingles(t) for t in toks])
    term_hashes = _minhashes([salient_terms(t, settings.topic_terms) for t in toks])
    uf = _UnionFind(n)
    for i, j, _ in _edges(shingle_hashes, settings.copy_threshold, [bool(t) for t in toks]):
        uf.union(i, j)
    long_enough = [len(t) >= settings.min_words for t in toks]
    for i, j, _ in _edges(term_hashes, settings.topic_threshold, long_enough):
        uf.union(i, j)
    langs = [guess(t)[0] for t in texts]
    if len(set(langs) - {"und"}) > 1:
        from .evidence import keys

        key_hashes = _minhashes([keys(t) for t in texts])
        for i, j, _ in _edges(key_hashes, settings.key_threshold, long_enough):
            if langs[i] != langs[j]:
                uf.union(i, j)
    groups: dict[int, list[Hashable]] = {}
    for i in range(n):
        groups.setdefault(uf.find(i), []).append(ids[i])
    return sorted(groups.values(), key=lambda g: (-len(g), str(g[0])))


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


def bound_in_time(
    group: Sequence[Hashable], days: dict[Hashable, Optional[int]], window: int
) -> tuple[list[Hashable], list[Hashable]]:
    """(the story, earlier coverage): members dated more than `window` days before the group's median day are not
    part of this story (articles about the same people months apart are different stories), but may be what it
    draws on. Undated members stay in the story."""
    dated = sorted(d for i in group if (d := days.get(i)) is not None)
    if not dated:
        return list(group), []
    main = dated[len(dated) // 2]
    earlier = [i for i in group if days.get(i) is not None and days[i] < main - window]
    before = set(earlier)
    return [i for i in group if i not in before], earlier

"""Within a story: who copied whom. Every candidate parent of every article gets a score from directed evidence
(evidence.py, weights fitted on annotated stories: settings.py); the parents are then chosen jointly as a maximum
spanning arborescence (Chu-Liu/Edmonds) over those scores, under a story root (an article's own report) and virtual
nodes for credited outlets that are not stored (AP, Reuters, a newspaper), so their copies hang under them. Each
edge keeps its evidence: the aligned passages and the features that weighed most."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional, Sequence

from . import credits as cr
from .cluster import bound_in_time
from .evidence import (
    Article,
    Passage,
    Profile,
    Story,
    pair_features,
    possible,
    profile,
    skipped,
    story_counts,
)
from .evidence import align as align_sentences
from .evidence import sents as _sents_of
from .settings import CROSS_FEATURES, FEATURES, NODE_FEATURES, UNSTORED_FEATURES, Settings, fitted

__all__ = ["Article", "Node", "Passage", "align", "analyse_story", "credits", "carried_from", "wire_original"]

ROOT = "\x00root"
VIRTUAL = "\x00virtual:"
UNSTORED = "\x00unstored"
UNSTORED_NAME = "an unstored, uncredited source"
COPY_RELATIONS = ("wire-copy", "paraphrase", "translation")


@dataclass
class Node:
    id: str
    relation: str = "independent"  # origin | wire-copy | paraphrase | translation | independent | earlier-coverage
    parent: Optional[str] = None  # a stored article
    unstored_parent: Optional[str] = None  # a credited outlet that is not stored ("Reuters")
    verbatim: float = 0.0  # share of the article's own sentences found verbatim in its parent
    reworded: float = 0.0
    score: Optional[float] = None  # the parent edge's log-odds
    credits: list[str] = field(default_factory=list)
    evidence: list[Passage] = field(default_factory=list)
    why: list[str] = field(default_factory=list)  # the features that weighed most for the chosen edge


@dataclass(frozen=True)
class Edge:
    features: dict[str, float]
    passages: list[Passage]


def credits(text: str) -> list[str]:
    """Outlets a text credits as its source ("(AP) —", "Source: Variety")."""
    return [c.name for c in cr.copy_credits(text)]


carried_from = cr.carried_from
wire_original = cr.wire_original


def _sents(text: str, own_words_only: bool = True) -> list[tuple[int, int, str]]:
    return _sents_of(text, Settings(), own_words_only)


def align(child: str, parent: str, cs=None, ps=None, cv=None, pv=None) -> list[Passage]:
    """The sentences of `child` found in `parent` (see evidence.align), from the two texts."""
    cs = cs if cs is not None else _sents(child)
    ps = ps if ps is not None else _sents(parent)
    return align_sentences(cs, ps, Settings(), cv, pv)


def edges(profiles: Sequence[Profile], settings: Settings, embeddings: bool = False) -> dict[tuple[str, str], Edge]:
    """The evidence for every possible (child, parent) pair: all pairs in a small story, each child's
    `max_candidates` likeliest parents (by rare shared n-grams and names) in a large one."""
    story = story_counts(profiles)
    vec_own: dict = {}
    vec_full: dict = {}
    if embeddings:
        from .embed import embed

        vec_own = {p.article.id: embed([t for _, _, t in p.own]) if p.own else None for p in profiles}
        vec_full = {p.article.id: embed([t for _, _, t in p.full]) if p.full else None for p in profiles}
    out = {}
    large = len(profiles) > settings.max_candidates + 1
    ranks = _ranks(profiles, story, settings) if large else {}
    order = {p.article.id: i for i, p in enumerate(profiles)}
    for c in profiles:
        if large:
            rare = ranks[c.article.id]
            others = _likeliest(c, profiles, rare, settings.max_candidates, order)
        else:
            others = [p for p in profiles if p is not c]
            rare = {p.article.id: _rank(c, p, story) for p in others}
        best = max(rare.values(), default=0.0)
        for p in others:
            if not possible(c, p, settings):
                continue
            cid, pid = c.article.id, p.article.id
            passages = align_sentences(c.own, p.full, settings, vec_own.get(cid), vec_full.get(pid))
            closest = rare.get(pid, 0.0) >= best > 0
            out[cid, pid] = Edge(pair_features(c, p, story, closest, passages, settings), passages)
    _relative(profiles, out)
    return out


def _relative(profiles: Sequence[Profile], table: dict[tuple[str, str], Edge]) -> None:
    """Features relative to the rest of the story: how central the parent is, and how far the pair falls short of
    the child's closest version by sentences."""
    n = max(1, len(profiles) - 1)
    central: dict[str, float] = {}
    best: dict[str, float] = {}
    best_names: dict[str, float] = {}
    copied: dict[str, float] = {}
    for (cid, pid), e in table.items():
        central[pid] = central.get(pid, 0.0) + e.features["reworded"] / n
        best[cid] = max(best.get(cid, 0.0), e.features["reworded"])
        copied[cid] = max(copied.get(cid, 0.0), e.features["contained"])
        if e.features["cross_language"]:
            best_names[cid] = max(best_names.get(cid, 0.0), e.features["names"])
    days = [p.day for p in profiles if p.day is not None]
    first = min(days) if days else None
    day = {p.article.id: p.day for p in profiles}
    main_lang = main_language(profiles)
    foreign = {p.article.id: p.lang != main_lang for p in profiles}
    # the plain origin choice (sentences and quotations drawn on, credits), without the weights that prefer a primary
    # text's voice or the first version out: the edge feature keeps what it was fitted with
    plain = Settings(origin_voice=0.0, origin_first=0.0, origin_quoted=1.0)
    likely_origin = pick_origin(profiles, table, plain) if table else None
    own = {p.article.id: p.own for p in profiles}
    found: dict[str, dict[str, set[tuple[int, int]]]] = {}  # child -> candidate -> the child's spans found there
    for (cid, pid), e in table.items():
        if not e.features["cross_language"]:
            found.setdefault(cid, {})[pid] = {x.child for x in e.passages}
    copies = likely_copies(table)
    attested = _attested(profiles, table)
    for (cid, pid), e in table.items():
        e.features["attested"] = attested.get((cid, pid), 0.0)
        e.features["parent_origin"] = float(pid == likely_origin)
        # what the child's other candidates have of it, leaving out its own likely copies (they have it from it)
        mine = found.get(cid, {})
        elsewhere = set().union(*(v for q, v in mine.items() if q != pid and q not in copies.get(cid, ())))
        e.features["skipped"] = skipped(own[cid], mine.get(pid, set()), elsewhere)
        e.features["central"] = central.get(pid, 0.0)
        e.features["gap"] = e.features["reworded"] - best[cid]
        e.features["parent_copied"] = copied.get(pid, 0.0)
        e.features["parent_first"] = float(first is not None and day[pid] == first)
        # across languages, how far the child's names and figures here fall below its best candidate's (a feature
        # of the fitted cross-language score; the share-based choice gates on relations.best_translations)
        e.features["names_gap"] = e.features["names"] - best_names.get(cid, 0.0)
        e.features["parent_main"] = float(not foreign[pid])
        # a version in the story's main language is read as written there: back-translations are not detected
        e.features["foreign_child"] = float(foreign[cid])
        for name, flag in (("dated_copy", "dated_parent"), ("earlier_copy", "earlier"), ("credited_copy", "credited")):
            e.features[name] = e.features[flag] * e.features["reworded"]


def _attested(profiles: Sequence[Profile], table: dict[tuple[str, str], Edge], n: int = Settings.ngram) -> dict:
    """For a same-language pair that shares sentences, how much more of the parent's readings that the child lacks
    the rest of the story has than of the child's readings that the parent lacks (each a share of the n-grams of
    the text's own words that the other text lacks, up to the last n-gram the two share: a truncated page's missing
    tail is no evidence), in [-1, 1]: a copy's changes are its own, the source's are the story's (stemmatics'
    shared readings; the other versions of the story are the third witnesses). 0 across languages. `n`: the
    n-grams of the idiosyncrasies (settings.ngram), as `_follow_readings` reads them."""
    lang = {p.article.id: p.lang for p in profiles}
    seqs = {p.article.id: own_gram_seq(p.words, n) for p in profiles}
    grams = {aid: {g for g in seq if g is not None} for aid, seq in seqs.items()}
    held: dict[str, Counter] = {}  # per language, how many versions have each n-gram
    for aid, gs in grams.items():
        held.setdefault(lang[aid], Counter()).update(gs)

    def share(aid: str, other: str) -> float:
        """Of `aid`'s n-grams that `other` lacks, up to its last n-gram `other` has, the share a third version has."""
        seq, theirs, count = seqs[aid], grams[other], held[lang[aid]]
        last = max((i for i, g in enumerate(seq) if g is not None and g in theirs), default=-1)
        own = {g for g in seq[: last + 1] if g is not None and g not in theirs}
        return sum(count[g] > 1 for g in own) / len(own) if own else 0.0  # > 1: a version besides `aid` has it

    out = {}
    for (cid, pid), e in table.items():
        if not e.features["cross_language"] and shares_sentences(e.features):
            out[cid, pid] = share(pid, cid) - share(cid, pid)
    return out


def likely_copies(table: dict[tuple[str, str], Edge]) -> dict[str, set[str]]:
    """For each article, the versions that most likely copied it: those whose own sentences it holds near-verbatim
    more than it does any other version's, and more than they hold its own. A reading or a sentence such a version
    shares with the article is the article's, passed on, not evidence of a common source."""
    best: dict[str, tuple[float, str]] = {}
    for (cid, pid), e in table.items():
        if e.features["cross_language"]:
            continue
        share = e.features["contained"]
        if share > 0 and share > best.get(cid, (0.0, ""))[0]:
            best[cid] = (share, pid)
    out: dict[str, set[str]] = {}
    for cid, (share, pid) in best.items():
        back = table.get((pid, cid))
        if back is None or share > back.features["contained"]:
            out.setdefault(pid, set()).add(cid)
    return out


def main_language(profiles: Sequence[Profile]) -> str:
    """The language most versions of the story are in."""
    return Counter(p.lang for p in profiles).most_common(1)[0][0] if profiles else "en"


def by_child(table: dict[tuple[str, str], Edge]) -> dict[str, list[tuple[str, Edge]]]:
    """The candidate parents of each article with their edges, read once from the (child, parent) table."""
    out: dict[str, list[tuple[str, Edge]]] = {}
    for (cid, pid), e in table.items():
        out.setdefault(cid, []).append((pid, e))
    return out


def by_parent(table: dict[tuple[str, str], Edge]) -> dict[str, list[tuple[str, Edge]]]:
    """The candidate children of each article with their edges."""
    out: dict[str, list[tuple[str, Edge]]] = {}
    for (cid, pid), e in table.items():
        out.setdefault(pid, []).append((cid, e))
    return out


def node_features(profiles: Sequence[Profile], table: dict[tuple[str, str], Edge]) -> dict[str, dict[str, float]]:
    """NODE_FEATURES of every article: how much it shares with its closest versions, how much the story draws on
    it, and what its credits and datelines say."""
    main_lang = main_language(profiles)
    days = [p.day for p in profiles if p.day is not None]
    first = min(days) if days else None
    n = max(1, len(profiles) - 1)
    df = story_counts(profiles).gram_df
    parents, children = by_child(table), by_parent(table)
    out = {}
    for p in profiles:
        aid = p.article.id
        mine = [e.features for _, e in parents.get(aid, [])]
        drawn = sum(e.features["reworded"] for _, e in children.get(aid, [])) / n
        quoted = sum(e.features["quotes"] > 0 for _, e in children.get(aid, [])) / n
        kinds = {c.kind for c in p.credits}
        out[aid] = {
            "best_contained": max((f["contained"] for f in mine), default=0.0),
            "best_reworded": max((f["reworded"] for f in mine), default=0.0),
            "best_rare": max((f["rare"] for f in mine), default=0.0),
            "drawn": drawn,
            "wire_original": float(p.wire_original),
            "wire_dateline": float(p.dateline_wire is not None),
            "own_dateline": float(p.own_dateline is not None),
            "carried": float(bool(kinds & {"carried", "adapted", "domain"})),
            "wire_credit": float("wire-credit" in kinds),
            "dated": float(p.day is not None),
            "earliest": float(p.day is not None and p.day == first),
            "length": math.log(max(200, len(p.article.text)) / 2000),
            "foreign": float(p.lang != main_lang),
            "novel": sum(df[g] == 1 for g in p.grams) / max(1, len(p.grams)),
            "quoted": quoted,
        }
    return out


def root_score(features: dict[str, float], settings: Settings) -> float:
    """The log-odds that an article is its own report, from its NODE_FEATURES."""
    return settings.node_bias + sum(settings.node_weights.get(k, 0.0) * features[k] for k in NODE_FEATURES)


def _ranks(profiles: Sequence[Profile], story: Story, settings: Settings) -> dict[str, dict[str, float]]:
    """`_rank` of every pair of a large story, from an index of who holds each n-gram: only versions that share
    something are visited, not every pair (a story of thousands of versions would take millions of set
    intersections). An n-gram held by more than `rank_holders` versions is left out: it weighs under 1/rank_holders
    in the sum, next to nothing for the ranking, and would cost as many visits as it has holders."""
    from .evidence import holder_weight, key_overlap

    holders: dict[str, list[str]] = {}
    by_lang: dict[str, list[Profile]] = {}
    for p in profiles:
        by_lang.setdefault(p.lang, []).append(p)
        for g in p.grams:
            holders.setdefault(g, []).append(p.article.id)
    out = {}
    for c in profiles:
        cid = c.article.id
        acc: dict[str, float] = {}
        for g in c.grams:
            hs = holders[g]
            if 2 <= len(hs) <= settings.rank_holders:
                w = holder_weight(len(hs))
                for pid in hs:
                    acc[pid] = acc.get(pid, 0.0) + w
        acc.pop(cid, None)
        per = max(1, len(c.grams)) / 100
        row = {pid: v / per for pid, v in acc.items()}
        for lang, ps in by_lang.items():
            for p in ps if lang != c.lang else ():
                row[p.article.id] = row.get(p.article.id, 0.0) + key_overlap(c, p, story)
        out[cid] = row  # versions sharing nothing are left out: their rank is 0
    return out


def _likeliest(c: Profile, profiles: Sequence[Profile], rare: dict[str, float], k: int, order: dict) -> list[Profile]:
    """The `k` versions that rank highest as the parent of `c` (`rare` holds those ranked above 0), the first in
    the story's order (`order`: id -> place) among equals and, when fewer rank, the next in that order."""
    import heapq

    top = heapq.nlargest(k, rare, key=lambda pid: (rare[pid], -order[pid]))
    chosen = set(top)
    rest = (p.article.id for p in profiles if p is not c and p.article.id not in chosen)
    ids = top + [pid for _, pid in zip(range(k - len(top)), rest)]
    return [profiles[order[pid]] for pid in ids]


def _rank(c: Profile, p: Profile, story: Story) -> float:
    from .evidence import key_overlap, rare_overlap

    return rare_overlap(c, p, story)[1] + (key_overlap(c, p, story) if c.lang != p.lang else 0.0)


def edge_score(features: dict[str, float], settings: Settings) -> float:
    """The log-odds that the candidate is the parent: the fitted linear model over FEATURES; across languages,
    where no sentence can align, the language-independent overlap (names, numbers, links) against its margin."""
    if features["cross_language"]:
        if not features.get("foreign_child", 1.0):
            return -math.inf
        if settings.cross_weights:
            return cross_score(features, settings)
        return settings.translation_scale * (translation_share(features, settings) - settings.translation)
    if features.get("declared"):
        return settings.declared  # it says it carries that agency's copy, and the agency's own text is stored
    if not supported(features):
        return -math.inf
    return settings.bias + sum(settings.weights.get(k, 0.0) * features[k] for k in FEATURES)


def translation_share(features: dict[str, float], settings: Settings) -> float:
    """How much of a version in another language its candidate source holds, 0-1: the ordered name, figure and
    link overlap (`names`) and the share of its content words with a cognate there (`cognates`), the latter
    weighted `translation_cognates` (fitted; 0: names alone), less `translation_copied` times how much of the
    candidate is itself found verbatim in another version (`parent_copied`: of near-identical copies, the original),
    plus `translation_origin` where the candidate is the story's likely origin (`parent_origin`)."""
    k = settings.translation_cognates
    share = (features["names"] + k * features.get("cognates", 0.0)) / (1.0 + k)
    share += settings.translation_origin * features.get("parent_origin", 0.0)
    return share - settings.translation_copied * features.get("parent_copied", 0.0)


def best_translations(scores: dict[tuple[str, str], float], table: dict[tuple[str, str], Edge], settings: Settings):
    """Across languages only a child's best candidates are candidates: an edge in another language scoring more
    than `translation_tie` of share below the child's best such edge is ruled out (in place), so that a
    translation hangs under the version it shares most with or under none. Not with the fitted cross-language
    score (`cross_weights`), whose choice is its own."""
    if settings.cross_weights:
        return
    best: dict[str, float] = {}
    for (cid, pid), e in table.items():
        if e.features["cross_language"] and scores[cid, pid] > -math.inf:
            best[cid] = max(best.get(cid, -math.inf), scores[cid, pid])
    slack = settings.translation_scale * settings.translation_tie
    for (cid, pid), e in table.items():
        if e.features["cross_language"] and scores[cid, pid] < best.get(cid, -math.inf) - slack - 1e-9:
            scores[cid, pid] = -math.inf


def cross_score(features: dict[str, float], settings: Settings) -> float:
    """The log-odds that a candidate in another language is the parent of a version outside the story's main
    language: the fitted linear model over CROSS_FEATURES (fit.CROSS: off by default)."""
    return settings.cross_bias + sum(settings.cross_weights.get(k, 0.0) * features.get(k, 0.0) for k in CROSS_FEATURES)


def supported(features: dict[str, float]) -> bool:
    """Whether a same-language pair can be parent and child at all. One merely similar sentence is what two
    independent reports of one event write, and two reports quoting one statement share its words: without a
    sentence of the child's own carried nearly word for word, two reworded, two runs of its own words repeated word
    for word (a rewrite that keeps no sentence whole: `wording`, evidence.shared_runs), or a credit, nothing says
    one drew on the other. Runs alone do not offer the unstored source (shares_sentences): leave-one-story-out that
    put own reports and copies of stored texts under it (relations 0.674, parents 0.371 against 0.695 / 0.419)."""
    return shares_sentences(features) or bool(features.get("wording")) or bool(features["credited"])


def shares_sentences(features: dict[str, float]) -> bool:
    """The child has a sentence of its own nearly word for word in the candidate, or two reworded."""
    return features["n_verbatim"] >= 1 or features["n_reworded"] >= 2


def analyse_story(
    articles: Sequence[Article], embeddings: bool = False, settings: Optional[Settings] = None
) -> list[Node]:
    """Origin, relation and parent of every article of one story; with `embeddings`, rewrites that keep the
    meaning but few words also count as reworded sentences."""
    settings = settings or fitted()
    profiles = [profile(a, settings) for a in articles]
    return decide(profiles, edges(profiles, settings, embeddings), settings)


def decide(profiles: Sequence[Profile], table: dict[tuple[str, str], Edge], settings: Settings) -> list[Node]:
    """Choose every article's parent jointly (maximum spanning arborescence) and label the relations."""
    import networkx as nx

    by_id = {p.article.id: p for p in profiles}
    nf = node_features(profiles, table)
    parents = by_child(table)
    origin = pick_origin(profiles, table, settings)
    # coverage from before the story's time draws on nothing of it: no unstored or credited source of the story
    earlier = set(_earlier_coverage(profiles, settings))
    scores = {k: edge_score(e.features, settings) for k, e in table.items()}
    best_translations(scores, table, settings)
    unstored = unstored_weights(profiles, table, scores, origin, earlier, settings)
    g = nx.DiGraph()
    g.add_edge(ROOT, UNSTORED, weight=0.0)
    for p in profiles:
        g.add_edge(ROOT, p.article.id, weight=settings.root + root_score(nf[p.article.id], settings))
        if p.article.id in unstored:
            g.add_edge(UNSTORED, p.article.id, weight=unstored[p.article.id])
    for (cid, pid), s in scores.items():
        if cid != origin and s > -math.inf:
            g.add_edge(pid, cid, weight=s)
    for p in profiles:
        for c in p.credits:
            if _is(p, c.name) or p.article.id in (origin, *earlier):
                continue
            v = VIRTUAL + c.name
            if v not in g:
                g.add_edge(ROOT, v, weight=0.0)
            w = settings.virtual if c.kind in ("carried", "adapted", "domain") else settings.virtual_wire
            g.add_edge(v, p.article.id, weight=w)
    parent_of = _unstored_grounded(g, parents)
    _follow_readings(parent_of, profiles, {(u, v) for u, v in g.edges()}, settings.ngram)
    nodes = {}
    for p in profiles:
        aid = p.article.id
        node = Node(aid, credits=[c.name for c in p.credits])
        par = parent_of.get(aid, ROOT)
        if par == UNSTORED:
            node.relation, node.unstored_parent = unstored_kind(parents.get(aid, []), settings), UNSTORED_NAME
            node.why = ["shares wording with other versions, but none of them is its likely source"]
        elif par.startswith(VIRTUAL):
            name = par[len(VIRTUAL) :]
            kind = next(c.kind for c in p.credits if c.name == name)
            node.relation = "paraphrase" if kind == "adapted" else "wire-copy"
            node.unstored_parent = name
            node.why = [f"credits {name} ({kind}), which is not stored"]
        elif par != ROOT:
            e = table[aid, par]
            node.parent, node.evidence, node.score = par, e.passages, round(scores[aid, par], 3)
            node.verbatim = round(e.features["contained"], 3)
            node.reworded = round(e.features["reworded"], 3)
            node.relation = _copy_kind(p, by_id[par], e, settings)
            node.why = _why(e.features, settings)
        nodes[aid] = node
    _label_roots(profiles, nodes, origin, settings)
    return [nodes[p.article.id] for p in profiles]


def _unstored_grounded(g, parents: dict[str, list[tuple[str, Edge]]]) -> dict[str, str]:
    """The arborescence of `g` (child -> parent), in which an article hangs under the unstored source only when it
    shares sentences with some version that is not its own copy: an article whose only sentence-sharing versions sit
    below it in the tree is their source, not a sibling of theirs under another text. Its unstored edge is dropped
    and the tree chosen again until none is left so grounded."""
    import networkx as nx

    while True:
        tree = nx.maximum_spanning_arborescence(g, attr="weight", preserve_attrs=True)
        parent_of = {child: par for par, child in tree.edges()}
        ungrounded = [aid for aid in tree.successors(UNSTORED) if not _grounded(aid, tree, parents)]
        if not ungrounded:
            return parent_of
        g.remove_edges_from((UNSTORED, aid) for aid in ungrounded)


def _grounded(aid: str, tree, parents: dict[str, list[tuple[str, Edge]]]) -> bool:
    """Some version sharing sentences with `aid` is not below it in `tree`."""
    import networkx as nx

    shared = [pid for pid, e in parents.get(aid, []) if shares_sentences(e.features)]
    below = nx.descendants(tree, aid) if shared else set()
    return any(pid not in below for pid in shared)


def _follow_readings(parent_of: dict[str, str], profiles: Sequence[Profile], allowed: set, n: int) -> None:
    """A copy hangs under the version whose readings it has (in place, on the tree's `parent_of`: child -> parent):
    an article under a stored version p that p's own parent g explains better moves up to g. Where g and p differ, a
    copy of p inherits p's changes, while a text holding g's readings that p changed or cut cannot have them from p
    (stemmatics' shared innovations, on word n-grams of the article's own words): it moves when it holds more of
    g's n-grams that p lacks than of p's that g lacks, within the stretch both cover (stored pages are often
    prefixes: a missing tail is no evidence), in one language, and only along an edge of the graph (`allowed`:
    (parent, child) pairs); repeated up the chain. An unstored or credited source g is read from its other copies:
    their n-grams together. Not down to a sibling that shares more of the article's readings than their parent: a
    wire's later write-through gives its copies readings the stored earlier version lacks (leave-one-story-out,
    README stop 27). No weight: a count against a count."""
    by_id = {p.article.id: p for p in profiles}
    grams: dict[str, set] = {}
    held: dict[str, Counter] = {}  # an unstored or credited source: how many of its stored copies hold each n-gram

    def text(x: str) -> set:
        if x not in grams:
            grams[x] = own_grams(by_id[x].words, n)
        return grams[x]

    for child, par in parent_of.items():
        if child in by_id and par not in by_id:
            held.setdefault(par, Counter()).update(text(child))
    for c in by_id:
        seq = own_gram_seq(by_id[c].words, n)
        seen = {c}
        while True:
            p = parent_of.get(c)
            g = parent_of.get(p) if p in by_id else None
            if g is None or g == ROOT or g in seen or (g, c) not in allowed:
                break
            if by_id[p].lang != by_id[c].lang or (g in by_id and by_id[g].lang != by_id[c].lang):
                break
            if g in by_id:
                theirs = text(g)
            else:  # its other copies' n-grams (p is one of them; c is not, yet)
                count = held.get(g, Counter())
                theirs = {x for x in seq if x is not None and count[x] - (x in text(p)) > 0}
            for_g, for_p = sides(seq, theirs, text(p))
            if for_g <= for_p:
                break
            parent_of[c] = g
            if g not in by_id:
                held.setdefault(g, Counter()).update(text(c))
            seen.add(g)


def own_gram_seq(words: Sequence[str], n: int) -> list:
    """The word n-grams of an article's own words (evidence.Profile.words) in text order, None where one spans a
    quoted or boilerplate word."""
    return [tuple(words[i : i + n]) if all(words[i : i + n]) else None for i in range(len(words) - n + 1)]


def own_grams(words: Sequence[str], n: int) -> set:
    return {g for g in own_gram_seq(words, n) if g is not None}


def sides(seq: Sequence, a: set, b: set) -> tuple[int, int]:
    """(n-grams of `seq` that `a` has and `b` lacks, those `b` has and `a` lacks), counted only up to the last n-gram
    of `seq` that both texts reach (each has some n-gram of `seq` from there on): what lies past the end of a
    truncated page is no evidence."""
    last_a = max((i for i, g in enumerate(seq) if g is not None and g in a), default=-1)
    last_b = max((i for i, g in enumerate(seq) if g is not None and g in b), default=-1)
    for_a = for_b = 0
    for g in seq[: min(last_a, last_b) + 1]:
        if g is None:
            continue
        in_a, in_b = g in a, g in b
        for_a += in_a and not in_b
        for_b += in_b and not in_a
    return for_a, for_b


def pick_origin(profiles: Sequence[Profile], table: dict[tuple[str, str], Edge], settings: Settings) -> Optional[str]:
    """The article the rest of the story draws on most (its own sentences found in others, and, weighted by
    `origin_quoted`, the quotations others share with it: a statement is drawn on through its quotes), among those
    of the story's time (not earlier coverage) that are not themselves a copy (mostly found near-verbatim in another
    version that holds less of them, or crediting an agency whose own bylined text is stored); an agency's bylined
    original counts double and a credit once more (`origin_bonus`), an agency flash `origin_flash` more (and it is
    never taken for a copy of its write-through while that weight is on), a version out on the story's first day
    `origin_first` times its share of that day (first_versions); ties go to the earliest dated, then one
    under an agency dateline, then the longest. In the tree it hangs under the story root alone."""
    if not profiles:
        return None
    originals = {p.dateline_wire: p.article.id for p in profiles if p.wire_original}
    drawn = {p.article.id: 0.0 for p in profiles}
    for (cid, pid), e in table.items():
        drawn[pid] += e.features["reworded"] + settings.origin_quoted * e.features["quotes"]
    if settings.origin_voice > 0:
        for pid, v in voiced(profiles).items():
            drawn[pid] += settings.origin_voice * v

    parents = by_child(table)

    def copied(p: Profile) -> bool:
        cid = p.article.id
        if settings.origin_flash > 0 and p.flash:
            return False  # a first version that its write-through holds, not a copy of it
        if any(originals.get(c.name, cid) != cid for c in p.credits if c.wire):
            return True
        for pid, e in parents.get(cid, []):
            if e.features["contained"] >= settings.wire_copy:
                back = table.get((pid, cid))
                if back is None or e.features["contained"] > back.features["contained"] + 0.1:
                    return True
        return False

    earlier = set(_earlier_coverage(profiles, settings))
    current = [p for p in profiles if p.article.id not in earlier]
    first = first_versions(current)

    def weight(p: Profile) -> tuple:
        bonus = settings.origin_bonus * (2.0 if p.wire_original else (1.0 if p.credits else 0.0))
        bonus += settings.origin_flash * p.flash + settings.origin_first * first.get(p.article.id, 0.0)
        day = p.day if p.day is not None else math.inf
        return (round(drawn[p.article.id] + bonus, 1), -day, p.dateline_wire is not None, len(p.article.text))

    eligible = [p for p in current if not copied(p)] or current or list(profiles)
    return max(eligible, key=weight).article.id


def first_versions(profiles: Sequence[Profile]) -> dict[str, float]:
    """The versions dated on the earliest day of `profiles`, each with its share of that day (1 / how many are
    dated on it): the one version out before all the others (an agency's first report, the statement it quotes)
    is likelier the story's source than one of many out on the first day. Undated versions get nothing."""
    days = [p.day for p in profiles if p.day is not None]
    if not days:
        return {}
    on_first = [p.article.id for p in profiles if p.day == min(days)]
    return {aid: 1.0 / len(on_first) for aid in on_first}


def voiced(profiles: Sequence[Profile]) -> dict[str, float]:
    """For each article, summed over the other versions in its language, the share of their first-person quotations
    (four words or more, with an "I", "we" or "our": rules/<lang>/first_person.txt) that it states outside quotation
    marks: the statement, letter or transcript that reports quote holds their quotations as its own text, in its
    speaker's voice. A quotation in the third person (a prize citation, a slogan) is left out: a report restates
    such words unquoted as often as it quotes them."""
    from .evidence import plain_words

    own = {p.article.id: plain_words(p.article.text) for p in profiles}
    out = {p.article.id: 0.0 for p in profiles}
    for c in profiles:
        first = _first_person(c.lang)
        spoken = [q for q in c.quotes if first.intersection(q.split())]
        if not spoken:
            continue
        for p in profiles:
            if p is c or p.lang != c.lang:
                continue
            out[p.article.id] += sum(f" {q} " in own[p.article.id] for q in spoken) / len(spoken)
    return out


def _first_person(lang: str) -> frozenset[str]:
    """The first-person words of `lang` (rules/<lang>/first_person.txt); none for a language without rules."""
    from ..errors import ReportedlyError
    from ..rules import load

    try:
        return load(lang).first_person
    except ReportedlyError:
        return frozenset()


def _is(p: Profile, outlet: str) -> bool:
    """The article is the credited outlet's own text: its outlet, its host, or the agency's bylined original."""
    from .features import fold

    name = fold(outlet)
    mine = fold(p.article.outlet or "")
    return bool(
        (mine and (name in mine or mine in name))
        or name == (cr.host(p.article.url) or "")
        or (p.wire_original and p.dateline_wire == outlet)
    )


def has_evidence(candidates: Sequence[tuple[str, Edge]]) -> bool:
    """Some stored version (of an article's `candidates`, see by_child) shares a sentence nearly word for word
    with it, or two reworded: enough to call it a rewrite of something, if not of which stored version."""
    return any(shares_sentences(e.features) for _, e in candidates)


def unstored_weights(
    profiles: Sequence[Profile],
    table: dict[tuple[str, str], Edge],
    scores: dict[tuple[str, str], float],
    origin: Optional[str],
    earlier: set[str],
    settings: Settings,
) -> dict[str, float]:
    """The weight of the unstored source's edge to each article that may hang under it: one of the story's time,
    not the origin, sharing sentences with some stored version (a rewrite of an unstored source still shares
    sentences with that source's other copies). With the fitted decision (`unstored_weights` of the settings), its
    best stored candidate's score plus the log-odds that its parent is unstored rather than that candidate
    (`unstored_odds`), at most `unstored_above`: the unstored source replaces the candidate when the odds favour
    it, and never outweighs the article's own-report root where the candidate would not; else the margin `unstored`, plus `unstored_skipped` x the closest version's `skipped`."""
    parents = by_child(table)
    ids = [
        p.article.id
        for p in profiles
        if p.article.id not in earlier and p.article.id != origin and has_evidence(parents.get(p.article.id, []))
    ]
    out = {aid: settings.unstored + settings.unstored_skipped * closest_skipped(parents.get(aid, [])) for aid in ids}
    if settings.unstored_weights:
        best = {aid: best_stored(aid, parents.get(aid, []), scores) for aid in ids}
        rows = unstored_features(profiles, table, [(aid, c) for aid, c in best.items() if c], settings.ngram)
        for aid, c in best.items():
            if c:
                # it takes the candidate's place, no more: whether the article is a copy at all stays the score's
                out[aid] = scores[aid, c] + min(unstored_odds(rows[aid, c], settings), settings.unstored_above)
    return out


def best_stored(aid: str, candidates: Sequence[tuple[str, Edge]], scores: dict[tuple[str, str], float]) -> str:
    """The candidate in the article's own language (of `candidates`, see by_child) that scores best, or ""."""
    same = [(scores[aid, pid], pid) for pid, e in candidates if not e.features["cross_language"]]
    same = [(s, pid) for s, pid in same if s > -math.inf]
    return max(same)[1] if same else ""


def unstored_odds(row: dict[str, float], settings: Settings) -> float:
    """The fitted log-odds that a copy's parent is unstored rather than its best stored candidate, from that
    candidate's UNSTORED_FEATURES (`unstored_features`)."""
    return settings.unstored_bias + sum(settings.unstored_weights.get(k, 0.0) * row[k] for k in UNSTORED_FEATURES)


def unstored_features(
    profiles: Sequence[Profile], table: dict[tuple[str, str], Edge], pairs: Sequence[tuple[str, str]], n: int
) -> dict[tuple[str, str], dict[str, float]]:
    """UNSTORED_FEATURES of each (child, candidate) pair: the pair's own features and `explained`, the share of the
    child's own-word n-grams in text order that some third version has (not the pair, nor the child's own likely
    copies), up to the last one the candidate has, that the candidate has. A copy inherits all of its parent's
    text that it keeps, so what it shares with the story it shares with its parent; a sibling lacks what their
    common source gave the child and the sibling cut or changed. Readings past the candidate's last one are no
    evidence (stored pages are often prefixes), nor are the child's own (no other version has them)."""
    if not pairs:
        return {}
    grams: dict[str, list] = {}
    holders: dict[tuple, set[str]] = {}
    for p in profiles:
        seq = own_gram_seq(p.words, n)
        grams[p.article.id] = seq
        for g in seq:
            if g is not None:
                holders.setdefault(g, set()).add(p.article.id)
    copies = likely_copies(table)
    out = {}
    for cid, pid in pairs:
        skip = {cid, pid, *copies.get(cid, ())}
        seq = grams[cid]
        last = max((i for i, g in enumerate(seq) if g is not None and pid in holders[g]), default=-1)
        here = there = 0
        for g in seq[: last + 1]:
            if g is None:
                continue
            if pid in holders[g]:
                here += 1
            elif any(h not in skip for h in holders[g]):
                there += 1
        row = {k: float(table[cid, pid].features.get(k, 0.0)) for k in UNSTORED_FEATURES if k != "explained"}
        row["explained"] = here / (here + there) if here else 0.0
        out[cid, pid] = row
    return out


def closest_skipped(candidates: Sequence[tuple[str, Edge]]) -> float:
    """`skipped` of the sentence-sharing candidate (see by_child) that holds most of the article's own sentences
    near-verbatim: when even its closest stored version lacks sentences that other versions have, the article drew
    on a source they share, not on any of them."""
    near = [e.features for _, e in candidates if shares_sentences(e.features) and not e.features["cross_language"]]
    return max(near, key=lambda f: f["contained"])["skipped"] if near else 0.0


def unstored_kind(candidates: Sequence[tuple[str, Edge]], settings: Settings) -> str:
    """The relation of an article to an unstored source it shares with stored versions (`candidates`, see
    by_child): a wire copy of it when the version that holds most of the article's own sentences near-verbatim
    holds them at the wire-copy share and likeness (two copies of one text), else a rewrite of it."""
    near = max(candidates, key=lambda pe: pe[1].features["contained"], default=None)
    return "wire-copy" if near is not None and _wire_like(near[1], settings) else "paraphrase"


def fidelity(passages: Sequence[Passage]) -> float:
    """The mean likeness (0-100) of the aligned sentences: how closely a copy keeps what it takes."""
    return sum(x.score for x in passages) / len(passages) if passages else 0.0


def _wire_like(e: Edge, settings: Settings) -> bool:
    """Enough of the child's sentences near-verbatim in the parent (`wire_copy`), kept close to word for word on
    average (`wire_fidelity`): a copy, not a rewrite."""
    return e.features["contained"] >= settings.wire_copy and fidelity(e.passages) >= settings.wire_fidelity


def _copy_kind(c: Profile, p: Profile, e: Edge, settings: Settings) -> str:
    if c.lang != p.lang:
        return "translation"
    if e.features.get("declared") and (not settings.wire_fidelity or _wire_like(e, settings)):
        return "wire-copy"  # it says it runs that agency's copy: restyled, unless it rewrites what it keeps
    if _wire_like(e, settings) and not e.features["own_dateline"]:
        return "wire-copy"
    return "paraphrase"


def _why(features: dict[str, float], settings: Settings, top: int = 3) -> list[str]:
    parts = sorted(
        ((settings.weights.get(k, 0.0) * v, k, v) for k, v in features.items() if v),
        reverse=True,
    )
    return [f"{k} {v:.2f}" for contrib, k, v in parts[:top] if contrib > 0]


def _label_roots(
    profiles: Sequence[Profile], nodes: dict[str, Node], origin: Optional[str], settings: Settings
) -> None:
    """The origin keeps its label, and so does a further primary source (primary_sources, with `origin_release` or
    `origin_statement`);
    another article under the story root dated more than `story_days` before the story's main day is earlier
    coverage; the rest are independent reports."""
    earlier = set(_earlier_coverage(profiles, settings))
    further = set(primary_sources(profiles, settings)) - earlier
    for p in profiles:
        n = nodes[p.article.id]
        if n.relation != "independent" or n.parent is not None:
            continue
        if p.article.id == origin or p.article.id in further:
            n.relation = "origin"
        elif p.article.id in earlier:
            n.relation = "earlier-coverage"


def primary_sources(profiles: Sequence[Profile], settings: Settings) -> list[str]:
    """Primary sources of the story in their own voice, each an origin whether or not the stored versions draw on
    it, where a news report under the story root, even one with copies below it, is an independent report: with
    `origin_release` on, an organisation's own release as a press-release service distributed it (a dateline
    credit naming the service: credits.release_service); with `origin_statement` on, a text that states, outside
    quotation marks, at least `origin_statement` versions' worth of the first-person quotations other versions
    give (`voiced`: the speaker's statement, post, letter or transcript)."""
    out = []
    if settings.origin_release > 0:
        out += [p.article.id for p in profiles if cr.release_service(p.own_dateline)]
    if settings.origin_statement > 0:
        out += [aid for aid, v in voiced(profiles).items() if v >= settings.origin_statement and aid not in out]
    return out


def _earlier_coverage(profiles: Sequence[Profile], settings: Settings) -> list[str]:
    """The articles dated more than `story_days` before the story's main day (cluster.bound_in_time)."""
    ids = [p.article.id for p in profiles]
    return bound_in_time(ids, {p.article.id: p.day for p in profiles}, settings.story_days)[1]

"""Stories kept up to date: a new article finds the stories it joins by band-key lookups in the store, and only the
stories it joins or merges get their copy graph rebuilt; a full rebuild streams signatures from the store instead of
reading every text at once. Either way a story keeps its id, and a story merged into another redirects to it.

A story is a part of a connected component (articles linked by verified candidate pairs, cluster.py) that
stories_in_time cuts where coverage pauses, after a second pass joins small components to the story holding their
cross-language candidates (cluster.attach_small). The store records each article's component (its smallest article
id) and, apart from it, the component a small one joins (`attached`, migration 13), so adding articles is: union the
components they link to, re-verify the components whose shared bucket just became too large to use (boilerplate),
decide again the small components the change touched, and rebuild the stories whose components or targets changed.
The result is the partition a full rebuild gives (tests/pipeline/test_stories.py)."""

from __future__ import annotations

from collections import Counter
from typing import Callable, Iterable, Optional, Sequence

from ..models import Signature
from ..provenance import cluster
from ..provenance.corpus import built_story
from ..provenance.evidence import day_number
from ..provenance.settings import Settings, fitted
from ..store import signatures
from ..store import stories as stored
from ..store.db import Store

BATCH = 1000  # articles whose candidates a full rebuild looks up at once
REBUILD_SHARE = 0.5  # more articles than this share of the corpus waiting: a full rebuild is cheaper
REBUILD_MIN = 20_000  # ... but never for fewer than this many


def sign(text: str, settings: Optional[Settings] = None) -> tuple[Signature, list[int]]:
    """An article's signature and its band keys as the store keeps them (computed in the analysis worker)."""
    settings = settings or fitted()
    sig = cluster.signature(text, settings)
    return sig, cluster.band_numbers(sig, settings)


def sign_unsigned(store: Store, settings: Optional[Settings] = None) -> int:
    """Compute and keep the signatures of articles stored without one (before migration 7); returns how many."""
    settings = settings or fitted()
    n = 0
    for page in signatures.unsigned(store):
        signed = [(r["id"], *sign(r["text"], settings)) for r in page]  # outside the transaction
        with store.transaction():
            for article_id, sig, keys in signed:
                signatures.save(store, article_id, sig, keys)
        n += len(page)
    return n


def update_stories(store: Store, embeddings: bool = False, settings: Optional[Settings] = None) -> list[dict]:
    """Place every article waiting for a story update in its story, in one transaction: the stories it joins keep
    their ids, stories it bridges merge under the oldest id shared most and the others redirect to it. Returns the
    stories created or changed."""
    settings = settings or fitted()
    sign_unsigned(store, settings)
    waiting = signatures.count_pending(store)
    if not waiting:
        return []
    if waiting > max(REBUILD_MIN, REBUILD_SHARE * signatures.count_signed(store)):
        return rebuild_stories(store, embeddings, settings)
    with store.transaction():
        stored.lock(store)
        return _place_pending(store, embeddings, settings)


def _place_pending(store: Store, embeddings: bool, settings: Settings) -> list[dict]:
    new = signatures.pending(store)
    if not new:
        return []
    fresh = set(new)
    sigs = signatures.load(store, new)
    keys = {a: set(cluster.band_numbers(sigs[a], settings)) for a in new}
    every = set().union(*keys.values())
    sizes = signatures.bucket_sizes(store, every)
    arriving = Counter(k for a in new for k in keys[a])
    cap = settings.max_bucket
    usable = {k for k in every if sizes.get(k, 0) <= cap}
    # a bucket these articles pushed over the cap no longer links anyone: its members' components are re-verified
    crossed = {k for k in every if sizes.get(k, 0) > cap >= sizes[k] - arriving[k]}

    if not signatures.many_languages(store):  # buckets of language-independent keys pair only two languages
        usable = {k for k in usable if not cluster.cross_only(k)}
    buckets = signatures.bucket_members(store, usable)
    pairs = _candidates(store, new, keys, usable, buckets, sigs)
    others = {x for pair in pairs for x in pair} - fresh
    crossed_members = {x for ms in signatures.bucket_members(store, crossed).values() for x in ms} - fresh
    component = signatures.components_of(store, others | crossed_members)
    # an article committed after this transaction began waits for the next update (it has no component yet)
    verified = [
        (a, b)
        for a, b in pairs
        if (a in fresh or component.get(a) is not None)
        and (b in fresh or component.get(b) is not None)
        and cluster.linked(sigs[a], sigs[b], settings)
    ]
    reverify = {component[x] for x in crossed_members if component.get(x) is not None}
    joined = {component[x] for pair in verified for x in pair if x not in fresh}
    groups = signatures.members_of(store, joined | reverify)

    edges: list[tuple[int, int]] = list(verified)
    for c, members in groups.items():
        if c in reverify:
            edges += _verified_within(store, members, settings)
        else:
            edges += [(members[0], m) for m in members[1:]]  # unchanged inside: it stays one piece
    region = sorted(fresh | {a for members in groups.values() for a in members})
    parts = cluster.components(region, edges)
    before = signatures.components_of(store, region)
    signatures.set_components(store, {a: min(part) for part in parts for a in part})
    stories = _reattach(store, parts, before, fresh, groups, reverify, settings)
    built = _stories(store, stories, embeddings, settings)
    ids = stored.write_stories(
        store, built, among=stored.stories_of(store, set(region) | {a for g in stories for a in g})
    )
    return _summary(ids, built)


def _reattach(store: Store, parts, before, fresh: set, groups, reverify: set, settings: Settings) -> list[list[int]]:
    """After an update changed the components `parts` (`before`: their articles' components until now, `groups`:
    the old components they hold), redo the second pass (cluster.attach_small) for the small components it may
    have changed, and return the stories (groups of components) that changed. A small component's target depends
    on its cross-language candidates, their components and those components' sizes: it is redone when it is one of
    `parts`, when it has a candidate among their articles (only the new ones, for a large component that merely
    grew), or when it joined one of them; a story changes when one of its components or their targets did."""
    ids = {min(p) for p in parts}
    olds = {c for c in before.values() if c is not None}
    if not cluster.attaching(settings):
        return [list(p) for p in parts]
    look: set[int] = set()
    for p in parts:
        had = {before[a] for a in p if a not in fresh}
        o = next(iter(had)) if len(had) == 1 else None
        grew = o is not None and o not in reverify and len(groups.get(o, ())) > settings.attach_size
        look |= {a for a in p if a in fresh} if grew and len(groups[o]) == len(p) - len(fresh & set(p)) else set(p)
    near = _candidates_of(store, look, settings)
    comp = signatures.components_of(store, {b for bs in near.values() for b in bs})
    sizes = signatures.component_sizes(store, set(comp.values()) - {None})
    touched = {c for c in comp.values() if c is not None and sizes.get(c, 0) <= settings.attach_size}
    touched |= {min(p) for p in parts if len(p) <= settings.attach_size}
    touched |= set(signatures.attached_to(store, ids | olds))
    smalls = signatures.members_of(store, touched)
    smalls = {c: m for c, m in smalls.items() if len(m) <= settings.attach_size}
    was = signatures.attached_of(store, {a for m in smalls.values() for a in m} | {a for p in parts for a in p})
    targets = _targets(
        store,
        smalls,
        lambda xs: signatures.components_of(store, xs),
        lambda cs: signatures.component_sizes(store, cs),
        settings,
    )
    signatures.set_attached(
        store,
        {a: None for p in parts if len(p) > settings.attach_size for a in p}
        | {a: targets[c] for c, m in smalls.items() for a in m},
    )
    affected = ids | set(smalls) | {t for t in targets.values() if t is not None} | {t for t in was.values() if t}
    affected |= set(signatures.attached_to(store, affected))
    att = signatures.attached_of(store, affected)
    att |= signatures.attached_of(store, {t for t in att.values() if t is not None} - att.keys())
    roots = {t if (t := att.get(x)) is not None and att.get(t) is None else x for x in affected}
    members = signatures.members_of(store, roots)
    joining = signatures.attached_to(store, {r for r in roots if att.get(r) is None})
    extra = signatures.members_of(store, joining)
    out = []
    for r in sorted(roots):
        if att.get(r) is not None and att.get(att[r]) is None:
            continue  # it joins another root's story
        g = list(members.get(r, ()))
        if att.get(r) is None:
            g += [a for y, t in joining.items() if t == r for a in extra.get(y, ())]
        if g:
            out.append(sorted(g))
    return out


def _candidates_of(store: Store, ids: Iterable[int], settings: Settings) -> dict:
    """Each article's cross-language candidates (articles in another known language sharing one of its band keys
    through a bucket small enough to use)."""
    ids = set(ids)
    sigs = signatures.load(store, ids)
    keys = {a: set(cluster.band_numbers(s, settings)) for a, s in sigs.items()}
    every = set().union(*keys.values()) if keys else set()
    sizes = signatures.bucket_sizes(store, every)
    usable = {k for k in every if sizes.get(k, 0) <= settings.max_bucket}
    buckets = signatures.bucket_members(store, usable)
    near = {a: {b for k in ks & usable for b in buckets.get(k, ()) if b != a} for a, ks in keys.items()}
    langs = signatures.languages(store, set(near) | {b for bs in near.values() for b in bs})
    return {a: {b for b in bs if cluster.two_languages(langs[a], langs.get(b, "und"))} for a, bs in near.items()}


def _targets(store: Store, smalls: dict, component_of: Callable, size_of: Callable, settings: Settings) -> dict:
    """The component each small component (its id: its members) joins by cluster.attach_target (None: none), from
    its articles' cross-language candidates and the components they are in (`component_of`, `size_of`)."""
    out: dict = {}
    items = sorted(smalls.items())
    for i in range(0, len(items), BATCH):
        chunk = items[i : i + BATCH]
        near = _candidates_of(store, {a for _, m in chunk for a in m}, settings)
        comp = component_of({b for bs in near.values() for b in bs})
        held_by: dict = {}
        for c, m in chunk:
            held: dict = {}
            for a in m:
                for b in near.get(a, ()):
                    g = comp.get(b)
                    if g is not None and g != c:
                        held.setdefault(g, set()).add(b)
            held_by[c] = held
        size = size_of({g for h in held_by.values() for g in h})
        for c, m in chunk:
            out[c] = cluster.attach_target(len(m), {g: len(b) for g, b in held_by[c].items()}, size, settings)
    return out


def _joined(parts: Sequence[Sequence[int]], targets: dict) -> list[list[int]]:
    """The components `parts` with each small one joined to its target (cluster.joins)."""
    by = {min(p): list(p) for p in parts}
    for small, big in sorted(cluster.joins(targets).items()):
        by[big] += by.pop(small)
    return list(by.values())


def _verified_within(store: Store, members: Sequence[int], settings: Settings) -> list[tuple[int, int]]:
    """The verified pairs among `members` through buckets still small enough to use."""
    sigs = signatures.load(store, members)
    keys = {a: cluster.band_numbers(s, settings) for a, s in sigs.items()}
    sizes = signatures.bucket_sizes(store, {k for ks in keys.values() for k in ks})
    usable = {a: [k for k in ks if sizes.get(k, 0) <= settings.max_bucket] for a, ks in keys.items()}
    pairs = cluster.candidate_pairs(usable, settings.max_bucket, {a: s.language for a, s in sigs.items()})
    return [(a, b) for a, b in pairs if cluster.linked(sigs[a], sigs[b], settings)]


def rebuild_stories(
    store: Store,
    embeddings: bool = False,
    settings: Optional[Settings] = None,
    progress: Optional[Callable[[str], None]] = None,
) -> list[dict]:
    """Re-cluster the whole corpus from its stored signatures, a batch at a time (only the texts of one story are
    read at once), and replace the stored stories, each keeping the id of the story it continues. Articles stored
    while it ran wait for the next update, which this runs at the end."""
    settings = settings or fitted()
    say = progress or (lambda _: None)
    n = sign_unsigned(store, settings)
    if n:
        say(f"signed {n} articles stored without a signature")
    last = signatures.last_signed(store)
    parts = components_up_to(store, last, settings, say)
    targets: dict = {}
    if cluster.attaching(settings):
        comp = {a: min(p) for p in parts for a in p}
        size = {min(p): len(p) for p in parts}
        smalls = {min(p): p for p in parts if len(p) <= settings.attach_size}
        targets = _targets(
            store, smalls, lambda xs: {x: comp.get(x) for x in xs}, lambda cs: {c: size[c] for c in cs}, settings
        )
    built = _stories(store, _joined(parts, targets), embeddings, settings)
    with store.transaction():
        stored.lock(store)
        signatures.set_components(store, {a: min(part) for part in parts for a in part})
        signatures.clear_attached(store, last)
        signatures.set_attached(store, {a: t for p in parts if (t := targets.get(min(p))) is not None for a in p})
        signatures.clear_components_after(store, last)
        ids = stored.write_stories(store, built)
    return _summary(ids, built) + update_stories(store, embeddings, settings)


def components_up_to(
    store: Store, last: int, settings: Settings, say: Callable[[str], None] = lambda _: None
) -> list[list[int]]:
    """The connected components of the articles up to `last`, from their stored signatures and band keys, a batch
    at a time: each article's candidates come from its buckets (oversized ones skipped), each pair verified once."""
    skip = signatures.oversized(store, settings.max_bucket)
    many = signatures.many_languages(store)
    forest = _Forest()
    done = 0
    for batch in signatures.signed_batches(store, last, BATCH):
        sigs = signatures.load(store, batch)
        keys = {
            a: {
                k
                for k in cluster.band_numbers(sigs[a], settings)
                if k not in skip and (many or not cluster.cross_only(k))
            }
            for a in batch
        }
        every = set().union(*keys.values())
        buckets = signatures.bucket_members(store, every, last_id=last)
        pairs = _candidates(store, batch, keys, every, buckets, sigs, later=True)
        for a in batch:
            forest.add(a)
        for a, b in sorted(pairs):
            forest.add(b)  # b <= last: its own batch adds it anyway
            # a pair already in one component needs no check: the components are the same, with fewer verified
            if forest.find(a) != forest.find(b) and cluster.linked(sigs[a], sigs[b], settings):
                forest.union(a, b)
        done += len(batch)
        say(f"clustered {done} articles")
    return forest.groups()


def _candidates(store: Store, ids, keys, usable, buckets, sigs: dict, later: bool = False) -> set:
    """The candidate pairs of the articles `ids` (see _pairs), those through buckets of language-independent keys
    kept only across two languages; `sigs` gains the signatures of the articles they pair with."""
    pairs, cross = _pairs(ids, keys, usable, buckets, later)
    sigs.update(signatures.load(store, {x for pair in pairs | cross for x in pair} - sigs.keys()))
    return pairs | cluster.cross_pairs_kept(cross - pairs, {a: s.language for a, s in sigs.items()})


def _pairs(ids, keys, usable, buckets, later: bool = False) -> tuple[set, set]:
    """The candidate pairs of the articles `ids` through their `usable` buckets (with `later`, only with later
    articles), as (min, max): those of buckets of language-independent keys apart, for the language check."""
    pairs: set = set()
    cross: set = set()
    for a in ids:
        for k in keys[a] & usable:
            into = cross if cluster.cross_only(k) else pairs
            for b in buckets.get(k, ()):
                if b > a or (b < a and not later):
                    into.add((min(a, b), max(a, b)))
    return pairs, cross


def _stories(store: Store, parts: Iterable[Sequence[int]], embeddings: bool, settings: Settings) -> list:
    """The stories of the components `parts`, bounded in time, with their copy graphs (texts read one story at a
    time)."""
    parts = sorted((p for p in parts if len(p) >= 2), key=lambda p: (-len(p), min(p)))
    days = {a: day_number(d) for a, d in stored.published(store, [a for p in parts for a in p]).items()}
    built = []
    for part in parts:
        copied = _copied(store, part, settings)
        for members, earlier in cluster.stories_in_time(sorted(part), days, settings.story_days, copied):
            if len(members) >= 2:
                by_id = stored.articles_for_stories(store, members + earlier)
                built.append(built_story(by_id, members, earlier, embeddings, settings))
    return built


def _copied(store: Store, part: Sequence[int], settings: Settings) -> Callable[[int, int], bool]:
    """cluster.copy_edges over the component `part`, its signatures read from the store only when first asked
    (only a lone article dated after its story is)."""
    decide: list = []

    def copied(a: int, b: int) -> bool:
        if not decide:
            decide.append(cluster.copy_edges(signatures.load(store, part), settings))
        return decide[0](a, b)

    return copied


def _summary(ids: list[int], built: list) -> list[dict]:
    return [
        {
            "id": sid,
            "size": b.size,
            "origin": b.origin_article_id,
            "title": b.title,
            "earlier": [c.article_id for c in b.coverage],
        }
        for sid, b in zip(ids, built)
    ]


class _Forest:
    """Union-find over article ids."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def add(self, a: int) -> None:
        self.parent.setdefault(a, a)

    def find(self, a: int) -> int:
        root = a
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[a] != root:
            self.parent[a], a = root, self.parent[a]
        return root

    def union(self, a: int, b: int) -> None:
        self.add(a)
        self.add(b)
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[list[int]]:
        out: dict[int, list[int]] = {}
        for a in self.parent:
            out.setdefault(self.find(a), []).append(a)
        return list(out.values())

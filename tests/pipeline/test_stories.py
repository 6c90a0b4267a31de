"""Incremental stories: new articles join the stories they belong to under the same id, a bridging article merges two
stories and the other id redirects, a bucket pushed over the cap unlinks as a full rebuild does, and whatever the
order and batches of arrival, the stories are the ones a full rebuild finds. Texts are made of made-up words (no
model runs): copies share their wording, different stories share none."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from reportedly.models import Analysis, Signature
from reportedly.pipeline.stories import rebuild_stories, sign, update_stories
from reportedly.provenance.cluster import band_numbers, cluster_signatures
from reportedly.provenance.corpus import story
from reportedly.provenance.settings import fitted
from reportedly.store import Store, signatures
from reportedly.store import stories as stored

SRC = Path(__file__).resolve().parents[2] / "src"


def words(seed: int, n: int) -> list[str]:
    rnd = random.Random(seed)
    return [
        "".join(rnd.choice("bcdfghklmnprstvz") + rnd.choice("aeiou") for _ in range(rnd.randint(2, 4)))
        for _ in range(n)
    ]


def text_of(ws: list[str]) -> str:
    sentences = [" ".join(ws[i : i + 12]).capitalize() + "." for i in range(0, len(ws), 12)]
    return " ".join(sentences)


def base(seed: int) -> list[str]:
    return words(seed, 150)


def copy_of(ws: list[str], seed: int, change: float = 0.08) -> str:
    """A copy of `ws` with a share of its words changed: the same story, told in nearly the same words."""
    rnd = random.Random(seed)
    out = [w if rnd.random() > change else rnd.choice(ws) for w in ws]
    return text_of(out)


def add(s: Store, text: str, published: str = "2023-03-01", signed: bool = True) -> int:
    a = Analysis(text=text, published=published, title=text[:30])
    if not signed:
        return s.add(a)
    sig, keys = sign(text)
    return s.add(a, signature=sig, keys=keys)


def partition(s: Store) -> set[tuple[frozenset[int], frozenset[int]]]:
    """Each story as (its members, its earlier coverage): what must not depend on how the stories were built."""
    coverage: dict[int, set[int]] = {}
    for r in s.rows("SELECT story_id, article_id FROM story_coverage"):
        coverage.setdefault(r["story_id"], set()).add(r["article_id"])
    return {(m, frozenset(coverage.get(sid, ()))) for sid, m in stored.memberships(s).items()}


def by_members(s: Store) -> dict[frozenset[int], int]:
    return {m: sid for sid, m in stored.memberships(s).items()}


def test_a_new_article_joins_its_story_under_the_same_id(db_url):
    with Store(db_url) as s:
        a = [add(s, copy_of(base(1), k)) for k in range(2)]
        b = [add(s, copy_of(base(2), k)) for k in range(2)]
        update_stories(s)
        first = by_members(s)
        assert set(first) == {frozenset(a), frozenset(b)}
        late = add(s, copy_of(base(1), 9))
        changed = update_stories(s)
        now = by_members(s)
        assert now[frozenset(a + [late])] == first[frozenset(a)]
        assert now[frozenset(b)] == first[frozenset(b)]
        assert [c["id"] for c in changed] == [first[frozenset(a)]]  # the other story was not rebuilt
        assert signatures.count_pending(s) == 0


def test_a_bridging_article_merges_two_stories_and_the_other_id_redirects(db_url):
    with Store(db_url) as s:
        x_words, y_words = base(3), base(4)
        x = [add(s, copy_of(x_words, k)) for k in range(2)]
        y = [add(s, copy_of(y_words, k)) for k in range(3)]
        update_stories(s)
        ids = by_members(s)
        x_id, y_id = ids[frozenset(x)], ids[frozenset(y)]
        bridge = add(s, text_of(x_words[:100] + y_words[:100]))
        (merged,) = update_stories(s)
        assert merged["id"] == y_id  # the story sharing most articles keeps its id
        assert by_members(s) == {frozenset(x + y + [bridge]): y_id}
        assert stored.current_id(s, x_id) == y_id
        assert story(s, x_id)["redirected_from"] == x_id and story(s, x_id)["size"] == 6


def test_earlier_coverage_is_bounded_in_time_as_a_full_rebuild_does(db_url):
    with Store(db_url) as s:
        ws = base(5)
        old = add(s, copy_of(ws, 0), published="2022-11-01")
        update_stories(s)
        assert by_members(s) == {}
        new = [add(s, copy_of(ws, k), published="2023-03-01") for k in (1, 2)]
        update_stories(s)
        assert partition(s) == {(frozenset(new), frozenset([old]))}


def test_a_copy_reposted_months_later_joins_its_story_as_a_full_rebuild_does(db_url):
    with Store(db_url) as s:
        ws = base(8)
        story_ids = [add(s, copy_of(ws, k), published="2023-03-01") for k in (1, 2)]
        other = [add(s, copy_of(base(9), k), published="2023-03-01") for k in (1, 2)]
        update_stories(s)
        late = add(s, copy_of(ws, 3), published="2023-09-01")
        unrelated_late = add(s, text_of(words(10, 150)), published="2023-09-01")
        update_stories(s)
        found = partition(s)
        assert found == {(frozenset(story_ids + [late]), frozenset()), (frozenset(other), frozenset())}
        assert unrelated_late not in {a for m, _ in found for a in m}
        rebuild_stories(s)
        assert partition(s) == found


def _scenario(seed: int) -> list[tuple[str, str]]:
    """(text, published) of a small corpus: stories of copies, singletons, bridges and earlier coverage, shuffled."""
    rnd = random.Random(seed)
    stories = [base(100 + seed * 20 + k) for k in range(8)]
    out = []
    for k, ws in enumerate(stories):
        out += [
            (copy_of(ws, rnd.randrange(10**6)), f"2023-0{1 + k % 6}-1{rnd.randint(0, 5)}")
            for _ in range(rnd.randint(1, 5))
        ]
    out += [(text_of(words(900 + seed * 10 + k, 120)), "2023-02-02") for k in range(5)]  # unrelated
    out += [
        (text_of(stories[0][:90] + stories[1][:90]), "2023-01-12"),
        (text_of(stories[2][:90] + stories[3][:90]), "2023-03-12"),
    ]
    out += [(copy_of(stories[4], 77), "2022-09-01")]  # months before: earlier coverage
    rnd.shuffle(out)
    return out


@pytest.mark.parametrize("seed", [1, 2])
def test_incremental_stories_equal_a_full_rebuild(db_url, seed):
    corpus = _scenario(seed)
    with Store(db_url) as s:
        rnd = random.Random(seed)
        i = 0
        while i < len(corpus):  # arrive in batches of 1 to 6, the stories updated after each
            n = rnd.randint(1, 6)
            for text, day in corpus[i : i + n]:
                add(s, text, day)
            update_stories(s)
            i += n
        incremental, ids = partition(s), by_members(s)
        components = signatures.components_of(s, [r["id"] for r in s.rows("SELECT id FROM articles")])
        assert len(incremental) >= 5 and any(cov for _, cov in incremental)
        rebuild_stories(s)
        assert partition(s) == incremental and by_members(s) == ids  # a rebuild changes nothing, ids included
        assert signatures.components_of(s, components) == components


def test_a_bucket_pushed_over_the_cap_unlinks_as_a_full_rebuild_does(db_url):
    small = replace(fitted(), max_bucket=2)
    same = Signature(copy=tuple(range(1, 65)), topic=(), keys=(), language="en")  # one signature: every bucket shared
    keys = band_numbers(same, small)
    with Store(db_url) as s:
        first = [
            s.add(Analysis(text=copy_of(base(6), k), published="2023-03-01"), signature=same, keys=keys) for k in (0, 1)
        ]
        update_stories(s, settings=small)
        assert set(by_members(s)) == {frozenset(first)}
        s.add(Analysis(text=copy_of(base(6), 2), published="2023-03-01"), signature=same, keys=keys)
        update_stories(s, settings=small)
        assert partition(s) == set()  # three in every bucket: boilerplate, which links no one any more
        rebuild_stories(s, settings=small)
        assert partition(s) == set()


def test_articles_stored_without_a_signature_are_signed_by_the_next_update(db_url):
    with Store(db_url) as s:
        a = [add(s, copy_of(base(8), k), signed=False) for k in range(2)]
        assert signatures.count_signed(s) == 0
        update_stories(s)
        assert set(by_members(s)) == {frozenset(a)} and signatures.count_signed(s) == 2


KILLER = """
import os, signal, sys
from reportedly.pipeline import stories
from reportedly.store import Store

def die(*args, **kw):
    os.kill(os.getpid(), signal.SIGKILL)

stories.built_story = die  # killed after the components are written, before the stories are
with Store(sys.argv[1]) as s:
    stories.update_stories(s)
"""


def test_kill_9_during_a_story_update_loses_nothing(db_url):
    ws = base(9)
    with Store(db_url) as s:
        a = [add(s, copy_of(ws, k)) for k in range(2)]
        update_stories(s)
        (sid,) = by_members(s).values()
        late = add(s, copy_of(ws, 5))
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    res = subprocess.run([sys.executable, "-c", KILLER, db_url], env=env, capture_output=True, timeout=120)
    assert res.returncode == -signal.SIGKILL, res.stderr.decode()[-500:]
    with Store(db_url) as s:
        assert by_members(s) == {frozenset(a): sid} and signatures.pending(s) == [late]  # as before the update
        update_stories(s)
        assert by_members(s) == {frozenset(a + [late]): sid}


def test_ingest_places_new_articles_in_stories_unless_told_not_to(tmp_path, pipeline, capsys):
    import json

    from wordfreq import top_n_list

    from reportedly.cli import main

    picked = random.Random(10).sample(top_n_list("en", 3000)[200:], 120)
    ws = [w for k, x in enumerate(picked) for w in ((x, "the") if k % 3 == 0 else (x,))]  # function words: English
    db = str(tmp_path / "c.db")

    def feed(name: str, seeds: list[int]) -> str:
        path = tmp_path / name
        rows = [{"text": copy_of(ws, k), "published": "2023-03-01", "outlet": f"Outlet {k}"} for k in seeds]
        path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
        return str(path)

    assert main(["ingest", feed("a.jsonl", [0, 1]), "--db", db, "--processes", "1", "--no-stories"]) == 0
    with Store(db) as s:
        assert by_members(s) == {} and len(signatures.pending(s)) == 2  # signed in the worker, not placed
    assert main(["ingest", feed("b.jsonl", [2]), "--db", db, "--processes", "1"]) == 0
    assert "1 stories created or changed" in capsys.readouterr().out
    with Store(db) as s:
        assert [len(m) for m in by_members(s)] == [3] and signatures.pending(s) == []


def _twins(language_b: str) -> tuple[Signature, Signature]:
    """Two signatures worded half alike (copy MinHash equal on every other value: linked, yet no two-row copy band
    shared) with the same names and figures (every band of language-independent keys shared)."""
    rnd = random.Random(4)
    copy_a = tuple(rnd.randrange(2**32) for _ in range(64))
    copy_b = tuple(v if i % 2 else rnd.randrange(2**32) for i, v in enumerate(copy_a))
    keys = tuple(rnd.randrange(2**32) for _ in range(64))
    return Signature(copy_a, (), keys, "en"), Signature(copy_b, (), keys, language_b)


@pytest.mark.parametrize("language_b, together", [("en", False), ("de", True)])
def test_buckets_of_names_and_figures_pair_only_two_languages(tmp_path, language_b, together):
    """As candidate_pairs does in memory, the store's clustering (incremental and full) pairs articles through a
    bucket of language-independent keys only when they are in two languages: in one language, wording or terms link
    them, names and figures alone never do (and in a corpus of one language those buckets are not even read)."""
    settings = fitted()
    sa, sb = _twins(language_b)
    assert band_numbers(sa, settings)[-1] == band_numbers(sb, settings)[-1]  # a shared key band
    assert not set(band_numbers(sa, settings)[:18]) & set(band_numbers(sb, settings)[:18])  # no copy band
    with Store(str(tmp_path / "c.db")) as s:
        ids = [
            s.add(
                Analysis(text=f"article {n}", published="2023-03-01"), signature=sig, keys=band_numbers(sig, settings)
            )
            for n, sig in enumerate((sa, sb))
        ]
        update_stories(s, settings=settings)
        comp = signatures.components_of(s, ids)
        assert (comp[ids[0]] == comp[ids[1]]) is together
        rebuild_stories(s, settings=settings)
        comp = signatures.components_of(s, ids)
        assert (comp[ids[0]] == comp[ids[1]]) is together


def _sig(story: int, language: str, shared: tuple[int, ...] = ()) -> Signature:
    """A signature of story `story` (its members are copies: one copy signature), or with `shared`, of a short
    version in another language whose only tie to its stories is a band of their language-independent keys."""
    if not shared:
        return Signature(tuple(range(story, story + 64)), (), tuple(range(story + 100, story + 164)), language)
    keys = tuple(shared) + tuple(range(story + 100, story + 162))  # the first keys band of another story, no more
    return Signature(tuple(range(story, story + 64)), (), keys, language)


def _attach_scenario() -> list[tuple[str, Signature]]:
    """Story B (four articles in English), a short French version of it (sharing one band of B's keys), story C
    (three in English) with its own short French version, and D (three in English) that shares the band of C's
    short version too: C's version is split between C and D and joins neither. E's version shares the keys of
    two of E's six articles: too small a share of E (at least `attach_share`) once the other four arrive."""
    b, c, d = 1000, 3000, 5000
    out = [(copy_of(base(20), k), _sig(b, "en")) for k in range(4)]
    out += [(copy_of(base(21), 0), _sig(7000, "fr", (b + 100, b + 101)))]
    out += [(copy_of(base(22), k), _sig(c, "en")) for k in range(3)]
    out += [(copy_of(base(23), 0), _sig(8000, "fr", (c + 100, c + 101)))]
    d_sig = Signature(tuple(range(d, d + 64)), (), (c + 100, c + 101) + tuple(range(d + 102, d + 164)), "en")
    out += [(copy_of(base(24), k), d_sig) for k in range(3)]
    e = 9000  # E: two articles, then a short French version sharing their keys, then four more with other keys
    out += [(copy_of(base(25), k), _sig(e, "en")) for k in range(2)]
    out += [(copy_of(base(26), 0), _sig(11000, "fr", (e + 100, e + 101)))]
    out += [
        (copy_of(base(25), k), replace(_sig(e, "en"), keys=tuple(range(13000 + 100 * k, 13064 + 100 * k))))
        for k in (2, 3, 4, 5)
    ]
    return out


@pytest.mark.parametrize("order", [0, 1, 2])
def test_small_components_join_their_story_incrementally_as_a_full_rebuild_does(db_url, order):
    """The second pass (cluster.attach_small) in the store: whatever the order of arrival, the short version in
    another language joins the story holding its candidates, the one whose candidates are split between two stories
    joins neither (and leaves the story it had joined when the second arrives), as a rebuild and in-memory
    clustering decide."""
    on = replace(fitted(), attach_share=0.4)
    arts = _attach_scenario()
    if order == 1:
        arts = arts[4:] + arts[:4]
    elif order == 2:
        random.Random(5).shuffle(arts)
    with Store(db_url) as s:
        ids = {}
        for text, sig in arts:
            ids[s.add(Analysis(text=text, published="2023-03-01"), signature=sig, keys=band_numbers(sig, on))] = sig
            update_stories(s, settings=on)
        incremental, story_ids = partition(s), by_members(s)
        rebuild_stories(s, settings=on)
        assert partition(s) == incremental and by_members(s) == story_ids
    memory = {frozenset(g) for g in cluster_signatures(ids, on) if len(g) > 1}
    assert {m for m, _ in incremental} == memory
    sizes = sorted(len(m) for m, _ in incremental)
    assert sizes == [3, 3, 5, 6]  # B with its French version; C, D and E alone; C's and E's versions join neither


def test_without_the_second_pass_small_components_stay_apart(db_url):
    off = replace(fitted(), attach_share=1.01)
    with Store(db_url) as s:
        for text, sig in _attach_scenario():
            s.add(Analysis(text=text, published="2023-03-01"), signature=sig, keys=band_numbers(sig, off))
        update_stories(s, settings=off)
        assert sorted(len(m) for m, _ in partition(s)) == [3, 3, 4, 6]

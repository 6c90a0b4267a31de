"""Fitting the copy score and margins, and the leave-one-story-out protocol: a held-out story's labels never reach
the model that scores it."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from reportedly.provenance.fit import Gold, conditional_logit, judge, leave_one_out, logistic, prepare
from reportedly.provenance.relations import decide

from .test_relations import COPY, OWN, PARAPHRASE, WIRE


def _story(name: str, wrong: bool = False):
    gold = {
        "wire": Gold("origin"),
        "copy": Gold("wire-copy", f"{name}/wire"),
        "para": Gold("paraphrase", f"{name}/wire"),
        "own": Gold("independent"),
    }
    if wrong:  # the same texts, labelled otherwise
        gold = {k: Gold("independent") for k in gold}
    from reportedly.provenance.evidence import Article

    texts = {"wire": WIRE, "copy": COPY, "para": PARAPHRASE, "own": OWN}
    return prepare(
        name, [(Article(f"{name}/{k}", texts[k], "2022-05-02" if k == "wire" else None), gold[k]) for k in texts]
    )


def test_logistic_regression_recovers_the_sign_of_each_feature():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(400, 2))
    y = (x[:, 0] - x[:, 1] + rng.normal(scale=0.3, size=400) > 0).astype(float)
    w, b = logistic(x.tolist(), y.tolist(), ("up", "down"), l2=1.0)
    assert w["up"] > 1 and w["down"] < -1 and abs(b) < 0.5


def test_conditional_logit_learns_which_candidate_is_chosen():
    # in every group of three candidates the chosen one has the highest first feature; the second is noise
    rng = np.random.default_rng(1)
    z = rng.normal(size=(300, 2))
    groups = []
    for g in range(100):
        ix = [3 * g, 3 * g + 1, 3 * g + 2]
        groups.append((ix, max(ix, key=lambda i: z[i, 0])))
    w = conditional_logit(z, groups, l2=1.0)
    assert w[0] > 1 and abs(w[1]) < 0.5 * w[0]


def test_leave_one_out_never_sees_the_held_out_labels():
    a, b, c = _story("a"), _story("b"), _story("c")
    first = leave_one_out([a, b, c])
    relabelled = replace(a, gold=_story("a", wrong=True).gold)
    second = leave_one_out([relabelled, b, c])
    rel = lambda nodes: [(n.id, n.relation, n.parent) for n in nodes]  # noqa: E731
    assert rel(first["a"][1]) == rel(second["a"][1])  # a's own labels changed nothing in a's predictions
    # the training stories' labels do reach it
    third = leave_one_out(
        [a, replace(b, gold=_story("b", wrong=True).gold), replace(c, gold=_story("c", wrong=True).gold)]
    )
    assert rel(third["a"][1]) != rel(first["a"][1])


def test_judge_counts_relations_parents_and_the_origin():
    a = _story("a")
    from reportedly.provenance.settings import fitted

    s = judge(a, decide(a.profiles, a.table, fitted()))
    assert s.relations == 4 and s.parents == 2 and 0 <= s.relations_right <= 4


def test_a_margin_that_changes_nothing_keeps_its_value():
    from reportedly.provenance.fit import _chosen

    assert _chosen([(10.0, {"origin_statement": v}) for v in (0.0, 0.5, 1.0, 2.0, 4.0)]) == {}
    assert _chosen([(10.0, {"root": -2.0}), (11.0, {"root": -1.0}), (11.0, {"root": 0.0})]) == {"root": 0.0}
    assert _chosen([(3.0, {"root": -1.0})]) == {"root": -1.0}


def test_the_middle_of_a_plateau_of_margins():
    from reportedly.provenance.fit import _middle

    JOINT = ("origin_bonus", "origin_flash")  # two margins searched together (fit.JOINT may be empty)
    assert _middle([{"root": v} for v in (-2.0, -1.5, -1.0, -0.5)]) == {"root": -1.0}
    plateau = [(1.0, 0.5), (1.5, 0.5), (1.0, 1.0), (1.5, 1.0), (2.0, 1.0)]  # the centroid is (1.4, 0.8)
    assert _middle([dict(zip(JOINT, c)) for c in plateau]) == dict(zip(JOINT, (1.5, 1.0)))
    # two cells, equally near their centroid: the upper, as on one margin
    assert _middle([{"root": v} for v in (0.0, 0.5)]) == {"root": 0.5}
    assert _middle([dict(zip(JOINT, c)) for c in [(0.0, 0.0), (0.5, 0.0)]]) == dict(zip(JOINT, (0.5, 0.0)))


def _cross_story(name: str, rng) -> "object":
    """A story whose foreign version has three candidates in other languages: its parent shares the most names in
    order and is in the story's main language; `noise` is unrelated to the choice."""
    from reportedly.provenance.fit import Prepared
    from reportedly.provenance.relations import Edge

    table, gold = {}, {}
    for k in range(3):
        child = f"{name}/fr{k}"
        gold[child] = Gold("paraphrase", f"{name}/p{k}0", "fr")
        for j in range(3):
            names = 0.8 - 0.25 * j + rng.normal(scale=0.05)
            feats = {"cross_language": 1.0, "foreign_child": 1.0, "names": names, "parent_main": float(j < 2),
                     "earlier": float(rng.random() < 0.5)}  # fmt: skip
            table[child, f"{name}/p{k}{j}"] = Edge(feats, [])
    return Prepared(name, [], table, gold)


def test_the_cross_language_parent_score_learns_which_candidate_is_the_source():
    from reportedly.provenance.fit import fit_cross_weights
    from reportedly.provenance.relations import cross_score
    from reportedly.provenance.settings import Settings

    rng = np.random.default_rng(2)
    weights, bias = fit_cross_weights([_cross_story(n, rng) for n in "abcd"])
    assert weights["names"] > 0 and weights["names"] > abs(weights["earlier"])
    s = Settings(cross_weights=weights, cross_bias=bias)
    best = {"names": 0.8, "parent_main": 1.0, "cross_language": 1.0, "foreign_child": 1.0}
    worse = {**best, "names": 0.3}
    assert cross_score(best, s) > cross_score(worse, s)


def test_without_a_cross_language_choice_to_learn_no_weights_are_fitted():
    from reportedly.provenance.fit import fit_cross_weights

    assert fit_cross_weights([_story("a"), _story("b")]) == ({}, 0.0)


def test_a_margin_moves_only_on_a_gain_shared_by_enough_stories():
    from reportedly.provenance.fit import _chosen, _consistent

    here = {"root": 0.0}
    # +3 in one story only (a value that fits that story): left out at net 2, taken at net 0
    one = [((5.0, 5.0, 5.0, 5.0), here), ((8.0, 5.0, 5.0, 5.0), {"root": 1.0})]
    assert _chosen(_consistent(one, here, net=2)) == here
    assert _chosen(_consistent(one, here, net=0)) == {"root": 1.0}
    # +1 in three stories, -1 in one: 3 - 1 = 2 more stories better than worse, so it moves
    many = [((5.0, 5.0, 5.0, 5.0), here), ((6.0, 6.0, 6.0, 4.0), {"root": -1.0})]
    assert _chosen(_consistent(many, here, net=2)) == {"root": -1.0}
    # a current value off the grid: the rule has nothing to compare with, every cell stays
    assert len(_consistent(one, {"root": 0.25}, net=2)) == 2


def _dummy(name: str):
    from reportedly.provenance.fit import Prepared

    return Prepared(name, [], {}, {})


def test_fit_margins_keeps_the_default_of_a_margin_whose_gain_is_in_one_story(monkeypatch):
    """Tiny synthetic stories whose scores are set by hand: `root` at 2 gains four points in story a alone, `virtual`
    at -2 gains one point in each of b, c and d. With MARGIN_NET 2 only `virtual` leaves its default."""
    from reportedly.provenance import fit
    from reportedly.provenance.settings import Settings

    def scores(stories, s):
        gain = {"a": 4.0 * (s.root == 2.0)}
        return tuple(10.0 + gain.get(st.name, 1.0 * (s.virtual == -2.0)) for st in stories)

    monkeypatch.setattr(fit, "_story_objectives", scores)
    stories = [_dummy(n) for n in "abcd"]
    monkeypatch.setattr(fit, "MARGIN_NET", 2)
    steady = fit.fit_margins(stories, Settings())
    assert (steady.root, steady.virtual) == (Settings().root, -2.0)
    monkeypatch.setattr(fit, "MARGIN_NET", 0)
    loose = fit.fit_margins(stories, Settings())
    assert (loose.root, loose.virtual) == (2.0, -2.0)


def test_fit_margins_leaves_the_quotations_weight_of_the_origin_off(monkeypatch):
    """origin_quoted is frozen at 0 (every fold fitted it there): a gain it would bring in every story does not
    move it, while origin_bonus, searched, follows its gain."""
    from reportedly.provenance import fit
    from reportedly.provenance.settings import Settings

    def scores(stories, s):
        return tuple(10.0 + (s.origin_quoted == 2.0) + (s.origin_bonus == 2.0) for _ in stories)

    monkeypatch.setattr(fit, "_story_objectives", scores)
    fitted = fit.fit_margins([_dummy(n) for n in "abcd"], Settings())
    assert (fitted.origin_quoted, fitted.origin_bonus) == (0.0, 2.0)


def _choice_stories(rules, seed: int, groups: int = 12):
    """Synthetic stories (one per entry of `rules`) of parent choices among four candidates: the chosen one is the
    argmax of `rule` (weights of the first FEATURES), or a random one where `rule` is None."""
    from reportedly.provenance.fit import Prepared
    from reportedly.provenance.relations import Edge
    from reportedly.provenance.settings import FEATURES

    rng = np.random.default_rng(seed)
    out = []
    for n, rule in enumerate(rules):
        table, gold = {}, {}
        for k in range(groups):
            child = f"s{n}/c{k}"
            vals = rng.normal(size=(4, len(FEATURES)))
            chosen = int(np.argmax(vals[:, : len(rule)] @ np.array(rule))) if rule else int(rng.integers(4))
            gold[child] = Gold("wire-copy", f"s{n}/p{k}{chosen}")
            for j in range(4):
                feats = dict(zip(FEATURES, map(float, vals[j])))
                feats.update(cross_language=0.0, credited=1.0, n_verbatim=1.0, n_reworded=0.0)
                table[child, f"s{n}/p{k}{j}"] = Edge(feats, [])
        out.append(Prepared(f"s{n}", [], table, gold))
    return out


def test_nested_penalties_shrink_a_noise_feature_harder_than_a_signal(monkeypatch):
    """The parent choice of synthetic stories decided by FEATURES[0] and, in another set, by nothing: leave-one-story-out
    within the stories picks a weaker penalty for the signal than for the noise."""
    from reportedly.provenance import fit
    from reportedly.provenance.settings import NODE_FEATURES

    rows = [[0.0] * len(NODE_FEATURES)] * 4
    monkeypatch.setattr(fit, "_node_data", lambda st: (rows, [0.0, 1.0, 0.0, 1.0], [0, 1, 2, 3]))
    grid = (0.1, 1000.0)
    assert fit.choose_penalties(_choice_stories([(1.0,)] * 5, 3), grid)[0] == 0.1
    assert fit.choose_penalties(_choice_stories([None] * 5, 4), grid)[0] == 1000.0


def test_a_feature_whose_sign_hangs_on_one_story_is_left_out():
    """FEATURES[0] picks the parent in every story; FEATURES[1] for it in two stories and against it in two: its
    weight's sign turns as one story or another is left out, so it is dropped and fitted at 0."""
    from reportedly.provenance import fit
    from reportedly.provenance.settings import FEATURES

    stories = _choice_stories([(1.0, 2.0), (1.0, 2.0), (1.0, -2.0), (1.0, -2.0), (1.0, 0.0)], 5, groups=20)
    drop = fit.unstable_signs(stories, lambda sts: fit.fit_weights(sts, 1.0))
    assert FEATURES[1] in drop and FEATURES[0] not in drop
    weights, _ = fit.fit_weights(stories, 1.0, drop)
    assert weights[FEATURES[1]] == 0.0 and weights[FEATURES[0]] > 0


def test_the_unstored_decision_learns_that_a_parent_lacking_what_others_share_is_not_the_parent():
    from reportedly.provenance.evidence import Article
    from reportedly.provenance.fit import fit_unstored_weights
    from reportedly.provenance.settings import Settings

    middle = "Engineers from Harbor Engineering will design a span able to resist floods twice as high as the last one."
    stories = []
    for n in range(3):
        sibs = {
            "first": WIRE.replace(middle + " ", ""),
            "second": WIRE.replace("Shop owners say their trade has halved since the collapse. ", ""),
            "third": WIRE.replace("Residents of the east bank have waited eight months for a decision. ", ""),
        }
        gold = Gold("wire-copy")  # copies of an unstored text
        stories.append(prepare(f"s{n}", [(Article(f"s{n}/{k}", t), gold) for k, t in sibs.items()]))
        short = WIRE.replace(" The council will publish the plans next month.", "")
        texts = {"wire": WIRE, "copy": short, "other": sibs["second"]}
        gold = {"wire": Gold("origin"), "copy": Gold("wire-copy", f"c{n}/wire"), "other": Gold("wire-copy")}
        stories.append(prepare(f"c{n}", [(Article(f"c{n}/{k}", t), gold[k]) for k, t in texts.items()]))
    weights, bias = fit_unstored_weights(stories, Settings())
    assert weights["explained"] < 0  # the more of what others share the candidate has, the likelier it is the parent


def test_tied_margins_take_one_value_and_frozen_ones_keep_theirs(monkeypatch):
    """Scores set by hand: `virtual` at -3 gains a point in every story, `virtual_wire` at -1 another, and `root` at 2
    a third. Tied, the two credited-outlet margins move together to one value; frozen, `root` keeps its default."""
    from reportedly.provenance import fit
    from reportedly.provenance.settings import Settings

    def scores(stories, s):
        return tuple(10.0 + (s.virtual == -3.0) + (s.virtual_wire == -1.0) + (s.root == 2.0) for _ in stories)

    monkeypatch.setattr(fit, "_story_objectives", scores)
    monkeypatch.setattr(fit, "MARGIN_NET", 2)
    stories = [_dummy(n) for n in "abcd"]
    free = fit.fit_margins(stories, Settings())
    assert (free.virtual, free.virtual_wire, free.root) == (-3.0, -1.0, 2.0)
    monkeypatch.setattr(fit, "TIED", ("virtual", "virtual_wire"))
    monkeypatch.setattr(fit, "FROZEN", ("root",))
    tied = fit.fit_margins(stories, Settings())
    assert tied.virtual == tied.virtual_wire in (-3.0, -1.0)
    assert tied.root == Settings().root

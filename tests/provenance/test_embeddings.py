"""The optional sentence-embedding model loads offline from its PyPI package and finds rewrites by meaning."""

from __future__ import annotations

import math

from reportedly.provenance import embed
from reportedly.provenance.evidence import profile
from reportedly.provenance.relations import Article, align, edge_score, edges
from reportedly.provenance.settings import fitted

SOURCE = (
    "Swedish scientist Svante Paabo has won this year's Nobel Prize in medicine for his discoveries on human "
    "evolution. Thomas Perlmann, secretary of the Nobel Committee, announced the winner on Monday at the "
    "Karolinska Institute in Stockholm. Paabo sequenced the genome of the Neanderthal, an extinct relative of "
    "present-day humans."
)
SPUN = (
    "This year's medicine Nobel goes to Svante Paabo, a researcher from Sweden, honoured for what he found "
    "about how humans evolved. On Monday in Stockholm, the laureate was named at the Karolinska Institute by "
    "the committee secretary, Thomas Perlmann. The Neanderthal genome, belonging to an extinct relative of humans "
    "today, was sequenced by Paabo."
)
OTHER = (
    "The football team lost its qualifying match three to one after a late penalty in the rain. The coach "
    "said his players had simply run out of energy during a long and difficult second half."
)


def test_model_is_installed_and_offline(monkeypatch):
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    assert embed.available()
    v = embed.embed([SOURCE, SPUN, OTHER])
    assert v.shape[0] == 3 and abs(float((v[0] ** 2).sum()) - 1.0) < 1e-4
    assert float(v[0] @ v[1]) > float(v[0] @ v[2]) + 0.3


def test_spun_rewrite_aligns_only_with_embeddings():
    # two sentences matched by meaning: one alone is what independent reports of one event share
    from reportedly.provenance.relations import _sents

    cs, ps = _sents(SPUN), _sents(SOURCE)
    assert align(SPUN, SOURCE, cs, ps) == []
    vectors = align(SPUN, SOURCE, cs, ps, embed.embed([t for _, _, t in cs]), embed.embed([t for _, _, t in ps]))
    assert len(vectors) >= 1 and all(p.score == 70.0 for p in vectors)
    # in the copy graph: without embeddings nothing says the spun version drew on the source (the pair is ruled
    # out); with them it is a candidate parent (whether it beats the story root is the fitted model's call)
    profiles = [profile(a, fitted()) for a in (Article("src", SOURCE, "2022-10-03"), Article("spun", SPUN))]
    plain = edges(profiles, fitted())[("spun", "src")].features
    meant = edges(profiles, fitted(), embeddings=True)[("spun", "src")].features
    assert edge_score(plain, fitted()) == -math.inf
    assert edge_score(meant, fitted()) > -math.inf and meant["n_reworded"] >= 2

"""A rewrite that keeps no sentence or run of its parent but its idiosyncrasies is still a candidate child."""

from __future__ import annotations

import math

from reportedly.provenance.relations import edge_score, supported
from reportedly.provenance.settings import Settings

# a pair with no sentence, no run of own words and no credit in common
NOTHING = {"n_verbatim": 0.0, "n_reworded": 0.0, "wording": 0.0, "credited": 0.0, "cross_language": 0.0}


def test_shared_idiosyncrasies_make_a_candidate_in_the_main_language():
    s = Settings(weights={"exclusive": 1.0})
    # three n-grams in a hundred of the child's that no other version has (the feature is per 100, over 10)
    pair = {**NOTHING, "exclusive": 0.3, "foreign_child": 0.0, "witnesses": 8.0}
    assert supported(pair, s)
    assert edge_score(pair | _zeros(), s) > -math.inf


def test_too_few_or_a_minor_language_is_no_candidate():
    s = Settings()
    assert not supported({**NOTHING, "exclusive": 0.05, "foreign_child": 0.0, "witnesses": 8.0}, s)
    # two German versions of an English story share German n-grams no other version can have
    assert not supported({**NOTHING, "exclusive": 0.3, "foreign_child": 1.0, "witnesses": 8.0}, s)
    # nor where too few other versions could have had them: a story of three articles
    assert not supported({**NOTHING, "exclusive": 0.3, "foreign_child": 0.0, "witnesses": 2.0}, s)
    assert not supported({**NOTHING, "exclusive": 0.3, "foreign_child": 0.0, "witnesses": 8.0}, Settings(exclusive_candidate=5.0))


def _zeros() -> dict[str, float]:
    from reportedly.provenance.settings import FEATURES

    return {k: 0.0 for k in FEATURES if k not in ("exclusive",)}

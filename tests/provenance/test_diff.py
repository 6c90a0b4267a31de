"""Copy-versus-source diff: each kind of meaning change is found, and an unchanged sentence reports nothing."""

from __future__ import annotations

import pytest

from reportedly.provenance.diff import diff, same_name

SOURCE = (
    "Truss resigns after 44 days in office\n\n"
    "Israel was involved in the American airstrike that killed Qassem Soleimani, according to a former "
    "intelligence chief.\n\n"
    "Maj. Gen. Tamir Heyman appears to be the first official to admit the role of Israel.\n\n"
    "In January 2020, Soleimani was killed in a US drone strike at Baghdad airport.\n\n"
    "Liz Truss resigned on Thursday after 44 days in office, the shortest term of any prime minister.\n\n"
    "“I recognise though, given the situation, I cannot deliver the mandate on which I was elected,” "
    "Truss said outside Downing Street.\n\n"
    "Officials said the talks would resume in the spring after a pause of several weeks.\n\n"
    "The airport was closed for two days after the strike, officials said."
)
COPY = (
    "Truss resigns after 45 days in office\n\n"
    "Israel was involved in the American airstrike that killed Qassem Soleimani.\n\n"
    "Maj. Gen. Tamir Hayman is the first official to admit the role of Israel.\n\n"
    "In January 2020, Soleimani was murdered in a US drone strike at Baghdad airport.\n\n"
    "Liz Truss resigned on Thursday after 45 days in office, the shortest term of any prime minister.\n\n"
    "“I recognise that given the situation I cannot deliver the mandate on which I was elected,” "
    "Truss said outside Downing Street.\n\n"
    "The airport was closed for two days after the strike, officials said.\n\n"
    "Readers can follow the story live on our website all week."
)


@pytest.fixture(scope="module")
def changes(run):
    return diff(run(SOURCE), run(COPY))


def kinds(d):
    return [c.kind for c in d.changes]


def test_attribution_dropped(changes):
    c = next(c for c in changes.changes if c.kind == "attribution-dropped")
    assert "according to" in c.before


def test_hedge_removed(changes):
    c = next(c for c in changes.changes if c.kind == "hedge-removed")
    assert c.before == "appears to be"


def test_loaded_word(changes):
    c = next(c for c in changes.changes if c.kind == "loaded-word")
    assert (c.before, c.after) == ("killed", "murdered")


def test_number_changed(changes):
    assert any(c.kind == "number-changed" and c.before == "44" and c.after == "45" for c in changes.changes)


def test_quote_reworded_same_speaker(changes):
    c = next(c for c in changes.changes if c.kind == "quote-reworded")
    assert "though" in c.before and "that" in c.after and "Truss" in c.detail


def test_sentences_dropped_and_added(changes):
    assert any(c.kind == "sentence-dropped" and "talks would resume" in c.before for c in changes.changes)
    assert any(c.kind == "sentence-added" and "follow the story live" in c.after for c in changes.changes)


def test_unchanged_sentence_reports_nothing(changes):
    assert not any(c.before and "airport was closed" in c.before for c in changes.changes)


def test_name_variants():
    assert same_name("Tamir Heyman", "Hayman") and same_name("Svante Pääbo", "Mr Paabo")
    assert not same_name("Liz Truss", "Rishi Sunak")

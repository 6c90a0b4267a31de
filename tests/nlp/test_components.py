"""The spaCy components work in a user's own pipeline."""

from __future__ import annotations

from reportedly.nlp.pipeline import load_spacy_model


def test_components_added_by_name_to_a_plain_model():
    import reportedly.nlp.pipeline  # noqa: F401  registers the factories

    nlp = load_spacy_model()
    nlp.add_pipe("reportedly_paragraphs", before="parser")
    nlp.add_pipe("reportedly_attribution")
    nlp.add_pipe("reportedly_timex")
    doc = nlp.make_doc("“We will rebuild the bridge by March,” said Anna Berg, the mayor.")
    doc._.rp_published = "2021-12-21"
    doc = nlp(doc)
    assert doc._.rp_quotes[0]["speaker"] == "Anna Berg"
    assert doc._.rp_timexes[0]["value"] == "2022-03"


def test_line_breaks_end_sentences(pipeline):
    doc = pipeline("A headline without a stop\nThe body starts here and goes on.")
    assert [s.text.strip() for s in doc.sents][:2] == ["A headline without a stop", "The body starts here and goes on."]


def test_extension_values_survive_doc_to_bytes(pipeline):
    # issue 10 (8): plain values on the Doc, so that spaCy can serialise it for other processes
    from spacy.tokens import Doc

    doc = pipeline.make_doc(
        "The mayor, Anna Berg, spoke on Monday. “We will rebuild the bridge by March,” she said. Denisovan genes "
        "shaped them. “We will win,” the Kenyan said. The council did not respond to a request for comment."
    )
    doc._.rp_published = "2021-12-21"
    doc = pipeline(doc)
    back = Doc(pipeline.vocab).from_bytes(doc.to_bytes())
    names = [n for n in dir(doc._) if n.startswith("rp_")]
    assert {"rp_quotes", "rp_entities", "rp_timexes", "rp_attributions", "rp_no_comment"} <= set(names)
    for name in names:
        assert getattr(back._, name) == getattr(doc._, name), name
    assert back._.rp_quotes[0]["speaker"] == "Anna Berg"
    # what a pass indexes for itself (the words modifying each noun) leaves with the pass: the Doc keeps values only
    assert not [k for k in doc.user_data if isinstance(k, tuple) and k[:2] == ("reportedly", "noun_modifiers")]


def test_plain_gives_every_field_of_a_record_in_order_and_leaves_a_class_alone():
    import dataclasses
    import datetime as dt

    from reportedly.models import Hedge
    from reportedly.nlp.pipeline import plain

    @dataclasses.dataclass(frozen=True)
    class Pair:
        when: dt.date
        hedges: tuple

    value = plain([Pair(dt.date(2020, 1, 2), (Hedge("may", 3, 6),)), {"k": (1, 2)}])
    assert value == [{"when": "2020-01-02", "hedges": [{"text": "may", "start": 3, "end": 6}]}, {"k": [1, 2]}]
    assert list(value[0]) == ["when", "hedges"]
    assert plain(Pair) is Pair

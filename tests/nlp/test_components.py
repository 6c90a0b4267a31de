"""The spaCy components work in a user's own pipeline."""

from __future__ import annotations

import datetime as dt

from reportedly.models import Quote, TimeExpr
from reportedly.nlp.pipeline import load_spacy_model


def test_components_added_by_name_to_a_plain_model():
    import reportedly.nlp.pipeline  # noqa: F401  registers the factories

    nlp = load_spacy_model()
    nlp.add_pipe("reportedly_paragraphs", before="parser")
    nlp.add_pipe("reportedly_attribution")
    nlp.add_pipe("reportedly_timex")
    doc = nlp.make_doc("“We will rebuild the bridge by March,” said Anna Berg, the mayor.")
    doc._.rp_published = dt.date(2021, 12, 21)
    doc = nlp(doc)
    assert isinstance(doc._.rp_quotes[0], Quote) and doc._.rp_quotes[0].speaker == "Anna Berg"
    assert isinstance(doc._.rp_timexes[0], TimeExpr) and doc._.rp_timexes[0].value == "2022-03"


def test_line_breaks_end_sentences(pipeline):
    doc = pipeline("A headline without a stop\nThe body starts here and goes on.")
    assert [s.text.strip() for s in doc.sents][:2] == ["A headline without a stop", "The body starts here and goes on."]

"""Long texts go through in pieces cut at paragraph boundaries, with offsets into the whole text (issue 10, 7)."""

from __future__ import annotations

from reportedly.nlp.chunks import merge, shift, split_paragraphs


def test_pieces_cut_after_line_breaks_and_cover_the_text():
    text = "one two\nthree four five\nsix\n"
    pieces = split_paragraphs(text, 16)
    assert "".join(text[s:e] for s, e in pieces) == text
    assert all(e - s <= 16 for s, e in pieces) and len(pieces) == 3
    assert all(text[e - 1] == "\n" for s, e in pieces[:-1])


def test_a_paragraph_longer_than_a_piece_is_cut_at_a_space():
    text = "word " * 10
    pieces = split_paragraphs(text, 12)
    assert "".join(text[s:e] for s, e in pieces) == text
    assert all(text[e - 1] == " " for s, e in pieces[:-1])


def test_merge_moves_offsets_and_joins_entities_of_one_name():
    ent = {"id": "E1", "name": "Anna Berg", "type": "PERSON", "mentions": [{"text": "Berg", "start": 2, "end": 6}]}
    quote = {"start": 10, "end": 20, "speaker_id": "E1", "cue_span": [21, 25], "speaker_mention": {"start": 2}}
    other = {"id": "E1", "name": "Tom Reed", "type": "PERSON", "mentions": []}
    got = merge([(0, {"entities": [ent], "quotes": [quote]}), (100, {"entities": [other, ent], "quotes": [quote]})])
    assert [e["name"] for e in got["entities"]] == ["Anna Berg", "Tom Reed"]
    assert [m["start"] for m in got["entities"][0]["mentions"]] == [2, 102]
    assert [q["speaker_id"] for q in got["quotes"]] == ["E1", "E1"]
    assert got["quotes"][1]["cue_span"] == [121, 125] and got["quotes"][1]["speaker_mention"]["start"] == 102
    assert shift({"content_spans": [[1, 2]]}, 5) == {"content_spans": [[6, 7]]}


def test_a_text_over_a_million_characters_is_analysed_with_offsets_right(run):
    head = (
        "Bridge to reopen\nThe mayor, Anna Berg, spoke in the town hall on Monday about the state of the old bridge. "
        "“We will rebuild the bridge by March,” said Anna Berg.\n"
    )
    # long lines of one token each keep the model's work small; the size is what is tested
    filler = ("x" * 999 + "\n") * 4700
    tail = "\n“The money is there and the work starts now,” Anna Berg told reporters on Friday.\n"
    text = head + filler + tail
    assert 4_500_000 < len(text.encode("utf-8")) < 5 * 1024 * 1024
    a = run(text)
    assert [(text[q.start : q.end], q.speaker) for q in a.quotes] == [
        ("We will rebuild the bridge by March,", "Anna Berg"),
        ("The money is there and the work starts now,", "Anna Berg"),
    ]
    berg = [e for e in a.entities if e.name == "Anna Berg"]
    assert len(berg) == 1 and all(text[m.start : m.end] == m.text for m in berg[0].mentions)
    assert {a.quotes[0].speaker_id, a.quotes[1].speaker_id} == {berg[0].id}
    friday = [t for t in a.timexes if t.text == "on Friday" or t.text == "Friday"]
    assert friday and text[friday[0].start : friday[0].end] == friday[0].text

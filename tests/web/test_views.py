"""What the pages draw, as data: marked pieces of text, the copy graph, the timeline, the sources panel."""

from __future__ import annotations

from reportedly.models import Analysis, Attribution, Quote
from reportedly.web import views
from reportedly.web.views import Mark, pieces


def test_pieces_cut_at_marks_and_line_breaks():
    text = 'He said "no way" today.\nNext line.'
    paras = pieces(text, [Mark(8, 16, "quote", 0)])
    assert [[(p.text, p.quote) for p in para] for para in paras] == [
        [("He said ", None), ('"no way"', 0), (" today.", None)],
        [("Next line.", None)],
    ]
    assert "".join(p.text for para in paras for p in para) == text.replace("\n", "")


def test_innermost_mark_of_a_field_wins_and_fields_nest():
    text = "She said that the plan was a triumph for all of us."
    marks = [Mark(14, 51, "attribution", 0), Mark(27, 36, "quote", 0), Mark(14, 51, "quote", 1)]
    got = {(p.text, p.quote, p.attribution) for para in pieces(text, marks) for p in para}
    assert ("a triumph", 0, 0) in got and ("the plan was ", 1, 0) in got


def test_marks_outside_the_text_are_ignored():
    assert pieces("short", [Mark(3, 99, "quote", 0), Mark(-1, 2, "hedge", True)]) == [[views.Piece("short")]]


def test_sources_panel_counts_quotes_and_reported_speech():
    a = Analysis(
        text="x" * 100,
        published=None,
        quotes=(Quote(0, 5, "a", "direct", speaker="Ann Lee", speaker_type="person"),) * 2,
        attributions=(Attribution("c", ((10, 20),), "Reuters", "media", "reported", (0, 1)),),
    )
    assert views.sources(a) == [
        {"name": "Ann Lee", "type": "person", "quotes": 2, "attributions": 0},
        {"name": "Reuters", "type": "media", "quotes": 0, "attributions": 1},
    ]


STORY = {
    "articles": [
        {
            "article_id": 1,
            "relation": "origin",
            "parent_article_id": None,
            "credits": [],
            "outlet": "AP",
            "published": "2022-05-02",
            "title": "Bridge",
        },
        {
            "article_id": 2,
            "relation": "wire-copy",
            "parent_article_id": 1,
            "credits": [],
            "outlet": "Copy",
            "published": "2022-05-02",
            "title": "Bridge",
        },
        {
            "article_id": 3,
            "relation": "paraphrase",
            "parent_article_id": 2,
            "credits": [],
            "outlet": "Spin",
            "published": "2022-05-05",
            "title": "Bridge",
        },
        {
            "article_id": 4,
            "relation": "wire-copy",
            "parent_article_id": None,
            "credits": ["Telegraph"],
            "outlet": "Guardian LK",
            "published": None,
            "title": "Bridge",
        },
        {
            "article_id": 5,
            "relation": "independent",
            "parent_article_id": None,
            "credits": [],
            "outlet": "Own",
            "published": None,
            "title": "Bridge",
        },
    ]
}


def test_copy_graph_puts_each_copy_under_its_parent():
    g = views.copy_graph(STORY)
    edges = {(p.key, c.key) for p, c in g.edges}
    assert edges == {("1", "2"), ("2", "3"), ("unstored:Telegraph", "4")}
    by_key = {n.key: n for n in g.nodes}
    assert by_key["2"].x > by_key["1"].x and by_key["3"].x > by_key["2"].x  # one column further per generation
    assert by_key["unstored:Telegraph"].relation == "unstored" and by_key["unstored:Telegraph"].article_id is None
    assert len({n.y for n in g.nodes}) == len(g.nodes) == 6  # one row each: labels never collide
    assert g.nodes[0].key == "1"  # the origin comes first
    assert all(0 < n.x < g.width and 0 < n.y < g.height + 1 for n in g.nodes)


def test_timeline_places_dated_articles_and_counts_the_rest():
    t = views.timeline(STORY)
    xs = {d.article_id: d.x for d in t["dots"]}
    assert set(xs) == {1, 2, 3} and t["undated"] == 2
    assert xs[1] == xs[2] < xs[3]  # same day, same place; later, further right
    ys = {d.article_id: d.y for d in t["dots"]}
    assert ys[1] != ys[2]  # stacked, not drawn on top of each other
    assert [label for _, label in t["ticks"]] == ["2022-05-02", "2022-05-05"]


def test_timeline_without_dates():
    t = views.timeline({"articles": [STORY["articles"][4]]})
    assert t["dots"] == [] and t["undated"] == 1

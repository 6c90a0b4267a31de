"""The origin of a story: a primary text the reports quote, or the first report out (relations.pick_origin)."""

from __future__ import annotations

from reportedly.provenance.evidence import profile
from reportedly.provenance.relations import Article, analyse_story, edges, first_versions, pick_origin
from reportedly.provenance.settings import Settings

# an organisation's own release, in its own voice, as a release service distributed it
RELEASE = (
    "OAKDALE, March 3, 2025 (GLOBE NEWSWIRE) -- Northfield Dairy today announced that it will close its Oakdale "
    "creamery by the end of June. We have decided to move all cheese making to our plant in Lakeside, where we "
    "will invest 30 million dollars in new lines. We know this is hard news for our 140 colleagues in Oakdale, "
    "and we will offer every one of them a job in Lakeside or a severance of six months' pay. Our milk suppliers "
    "around Oakdale will keep their contracts, and we will collect their milk as before."
)
# three reports that quote the release's first-person sentences, each its own way
REPORTS = (
    'Northfield Dairy is shutting its Oakdale creamery, putting 140 jobs at risk in the valley. "We have decided '
    'to move all cheese making to our plant in Lakeside," the company said on Monday. Union officials called the '
    "closure a blow to the town and asked for talks with the management.",
    'The Oakdale creamery will close in June. In a statement, Northfield Dairy said: "We know this is hard news '
    'for our 140 colleagues in Oakdale." Farmers said they feared for the price of their milk, though the firm '
    "promised to keep buying it. The mayor said the town would look for a new tenant for the site.",
    'Cheese maker Northfield is leaving Oakdale after forty years. "We will offer every one of them a job in '
    "Lakeside or a severance of six months' pay,\" the dairy said. Local shops fear the loss of trade, and the "
    "council will hold a public meeting on Thursday to discuss the closure and what comes next.",
)


def test_a_release_three_reports_quote_is_the_origin_by_default():
    # the first report is copied twice: counted by sentences drawn on, the story draws on it most
    copies = [REPORTS[0].replace("on Monday", "on Monday, March 3") + t for t in (" Share this.", " More news.")]
    articles = [Article(f"report{i}", t) for i, t in enumerate(REPORTS)] + [Article("release", RELEASE)]
    articles += [Article(f"copy{i}", t) for i, t in enumerate(copies)]
    settings = Settings(origin_quoted=0.0)
    profiles = [profile(a, settings) for a in articles]
    table = edges(profiles, settings)
    assert pick_origin(profiles, table, settings) == "release"  # its voice: the reports quote it as its own text
    nodes = {n.id: n.relation for n in analyse_story(articles, settings=settings)}
    assert nodes["release"] == "origin"
    assert [a for a, r in nodes.items() if r == "origin"] == ["release"]
    # without the release's voice, nothing says it is more than one report among six
    assert pick_origin(profiles, table, Settings(origin_quoted=0.0, origin_voice=0.0)) in ("report0", "copy0", "copy1")


# an agency's first report, out a day before the rest; a later report a broadcaster's readers copy
FIRST = (
    "HARBOURTON (AP) — A fire broke out on Sunday night in a warehouse at the Harbourton docks, the fire "
    "service said. Nobody was hurt, but smoke closed the coastal road for three hours, police said."
)
LATER = (
    "Firefighters in Harbourton worked through the night to put out a blaze at a dockside warehouse that held "
    "paper and paint. The coastal road reopened on Monday morning after the smoke cleared. The port authority "
    "said the cause of the fire was not known and that an inquiry would begin this week. Ships were diverted to "
    "the north quay while crews cooled the walls of the building, which may have to be pulled down."
)


def test_the_first_report_out_is_the_origin_when_the_first_day_is_weighted():
    copies = [
        LATER.split(" Ships were")[0].replace("Firefighters in Harbourton", "Harbourton firefighters") + tail
        for tail in (" Follow us for more news.", " Read more on our site.")
    ]
    articles = [Article("first", FIRST, published="2025-03-02"), Article("later", LATER, published="2025-03-03")]
    articles += [Article(f"copy{i}", t, published="2025-03-03") for i, t in enumerate(copies)]
    profiles = [profile(a) for a in articles]
    assert first_versions(profiles) == {"first": 1.0}  # alone on the story's first day
    table = edges(profiles, Settings())
    off = Settings(origin_first=0.0, origin_bonus=0.0)
    assert pick_origin(profiles, table, off) == "later"  # its copies draw on the later, longer report
    assert pick_origin(profiles, table, Settings(origin_first=4.0, origin_bonus=0.0)) == "first"


def test_the_first_day_is_shared_among_the_versions_out_on_it():
    arts = [Article("a", FIRST, published="2025-03-02"), Article("b", LATER, published="2025-03-02")]
    arts += [Article("c", LATER + " More soon.", published="2025-03-04"), Article("d", LATER + " Updated.")]
    assert first_versions([profile(a) for a in arts]) == {"a": 0.5, "b": 0.5}  # undated and later ones get none
    assert first_versions([profile(Article("x", FIRST))]) == {}

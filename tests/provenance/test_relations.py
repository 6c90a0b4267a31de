"""Relations inside a story: origin, wire copy, paraphrase, independent, with aligned passages as evidence."""

from __future__ import annotations

from reportedly.provenance.relations import Article, align, analyse_story, credits

WIRE = (
    "RIVERSIDE (AP) — The Riverside council voted on Monday to rebuild the Elm Street bridge, which collapsed "
    "in the March storm. The new bridge will cost 42 million dollars and open in 2024, officials said. Engineers "
    "from Harbor Engineering will design a span able to resist floods twice as high as the last one. Residents "
    "of the east bank have waited eight months for a decision. Shop owners say their trade has halved since the "
    "collapse. The council will publish the plans next month."
)
COPY = WIRE.replace("RIVERSIDE (AP) — ", "").replace("have waited", "had waited") + " Follow us for more news."
PARAPHRASE = (
    "Riverside is getting a new Elm Street bridge after the council voted on Monday to rebuild it. "
    "The new bridge will cost 42 million dollars and open in 2024, according to officials. "
    "It replaces the crossing that a storm destroyed in March, and it will be designed to cope with far "
    "bigger floods. For east bank residents, who have been cut off for eight months, the news is welcome; "
    "several said the wait had been unbearable and that local businesses have struggled."
)
OWN = (
    "Riverside council bridge vote: east bank shop owners count the cost of eight months without the Elm Street "
    "bridge, lost in the March storm. At Tom Reed's bakery near the bridge, sales are down by half, he said. Reed "
    "welcomed the council vote to rebuild the Elm Street bridge but doubted the 2024 opening date and the 42 "
    "million dollar bridge budget. Residents of the east bank described long detours to reach the hospital since "
    "the bridge collapsed, and engineers at Harbor Engineering declined to comment on the new design."
)


def test_labels_and_parent():
    nodes = {
        n.id: n
        for n in analyse_story(
            [
                Article("wire", WIRE, "2022-05-02"),
                Article("copy", COPY),
                Article("para", PARAPHRASE),
                Article("own", OWN),
            ]
        )
    }
    assert nodes["wire"].relation == "origin"
    assert (nodes["copy"].relation, nodes["copy"].parent) == ("wire-copy", "wire")
    assert nodes["copy"].evidence and all(p.score >= 70 for p in nodes["copy"].evidence)
    assert (nodes["para"].relation, nodes["para"].parent) == ("paraphrase", "wire")
    assert nodes["own"].relation == "independent" and nodes["own"].parent is None


def test_credits():
    assert credits("LONDON (Reuters) - Britain said on Monday ...") == ["Reuters"]
    assert credits("By Jane Doe, Associated Press writers contributed.") == ["Associated Press"]
    assert credits("Photo: Christian Charisius. The prize was announced.") == []


def test_alignment_points_into_both_texts():
    passages = align(COPY, WIRE)
    assert passages
    p = passages[0]
    assert COPY[p.child[0] : p.child[1]][-30:] == WIRE[p.parent[0] : p.parent[1]][-30:]
    assert WIRE[p.parent[0] : p.parent[1]].startswith("RIVERSIDE (AP)")


def test_shared_quotes_alone_do_not_make_a_copy():
    a = (
        "“We cannot deliver the mandate on which we were elected, and I am resigning today,” the prime minister "
        "said outside her office in London on Thursday afternoon, after a week of turmoil in her party."
    )
    b = (
        "In a short statement, she told reporters: “We cannot deliver the mandate on which we were elected, and I "
        "am resigning today.” Opposition leaders demanded an immediate general election across the country."
    )
    nodes = {n.id: n for n in analyse_story([Article("a", a, "2022-10-20"), Article("b", b)])}
    assert nodes["b"].relation == "independent"

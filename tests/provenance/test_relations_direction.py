"""Which way a copy went between two near-identical versions: the readings the rest of the story shares."""

from __future__ import annotations

from reportedly.provenance.evidence import profile
from reportedly.provenance.relations import Article, edges
from reportedly.provenance.settings import Settings

SOURCE = (
    "The Harbor Museum will close its west wing for two years from June, its director Ana Pike said on Tuesday. "
    "The roof of the wing leaks and the paintings stored there will move to a rented depot near the airport. "
    "Visitors will still see the sculpture hall and the ship models in the east wing. "
    "The repairs will cost 14 million dollars, paid by the city and a private donor."
)
# a copy that rewrites the opening and the close in its own words and keeps the middle
COPY = (
    "The Harbor Museum is shutting its west wing for a couple of years starting in June, director Ana Pike "
    "announced on Tuesday. The roof of the wing leaks and the paintings stored there will move to a rented depot "
    "near the airport. Visitors will still see the sculpture hall and the ship models in the east wing. "
    "The city and a private donor will split the 14 million dollar bill for the work."
)
# another version of the source, which keeps the source's opening and close
SIBLING = (
    "The Harbor Museum will close its west wing for two years from June, its director said. Local teachers "
    "worry about school visits. The repairs will cost 14 million dollars, paid by the city and a private donor."
)


def test_the_version_whose_readings_the_rest_of_the_story_shares_is_the_source():
    arts = [Article("source", SOURCE), Article("copy", COPY), Article("sibling", SIBLING)]
    table = edges([profile(a) for a in arts], Settings())
    assert table["copy", "source"].features["attested"] > 0
    assert table["source", "copy"].features["attested"] < 0
    assert table["copy", "source"].features["attested"] == -table["source", "copy"].features["attested"]


def test_a_truncated_page_is_not_read_as_dropping_its_sources_tail():
    cut = SOURCE.split(" Visitors")[0]  # the stored page ends early: its missing tail holds no readings
    arts = [Article("cut", cut), Article("source", SOURCE), Article("sibling", SIBLING)]
    table = edges([profile(a) for a in arts], Settings())
    assert table["cut", "source"].features["attested"] == 0.0

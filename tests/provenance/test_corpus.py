from __future__ import annotations

from reportedly.provenance.corpus import main_origin
from reportedly.provenance.relations import Node


def test_the_main_origin_of_several_is_the_one_most_versions_hang_under():
    nodes = [
        Node("7", relation="origin"),  # a statement nobody copies
        Node("3", relation="origin"),
        Node("4", relation="wire-copy", parent="3"),
        Node("5", relation="paraphrase", parent="4"),
        Node("6", relation="paraphrase", parent="3"),
    ]
    assert main_origin(nodes) == "3"
    assert main_origin(nodes[:1]) == "7"
    assert main_origin([Node("1", relation="independent")]) is None

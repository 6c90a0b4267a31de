"""Quotations in single marks, as British and Australian outlets quote (crosslang.marked_quotes)."""

from __future__ import annotations

from reportedly.provenance import crosslang as x


def quoted(text: str) -> list[str]:
    return [q.text for q in x.marked_quotes(text)]


def test_a_quotation_in_single_marks_of_three_words_or_more():
    text = "The mayor said she 'had run out of road' on the project. ‘We will not stop now,’ she added."
    assert quoted(text) == ["had run out of road", "We will not stop now"]


def test_an_apostrophe_inside_a_single_quoted_passage_does_not_close_it():
    assert quoted("'It’s time for someone else to lead,' she said.") == ["It’s time for someone else to lead"]
    assert quoted("‘I’m leaving because I can’t do it,’ he said.") == ["I’m leaving because I can’t do it"]


def test_apostrophes_names_in_single_marks_and_marks_inside_double_ones_are_no_quotation():
    assert quoted("Kiptum’s third win came in the runners’ race, and he said it’s fine.") == []
    assert quoted("The players' union opened the 'Pele Collection' on Monday.") == []  # two words: a name
    # a quotation inside a quotation is part of the outer one
    text = "“He told me 'we are not done yet' and left,” she said."
    assert quoted(text) == ["He told me 'we are not done yet' and left"]

"""Transcript and Q&A labels (issue 10): a label's speaker is the person it names, given the fullest name the text
has; an interviewer's label ("Q:", "Reporter:") names no one; ordinary text with a colon is no label. Our texts."""

from __future__ import annotations


def turns(run, text):
    return [(a.source, a.content.split()[0]) for a in run(text).attributions if a.cue == ":"]


QA = (
    "Manager Martin Jones spoke to reporters after the match on Saturday.\n\n"
    "Q: How do you feel about the result against a team that had not lost at home all season?\n\n"
    "Jones: Disappointed with the setback, but we are far from finished and will bounce back.\n\n"
    "Q: What about the injuries to the squad before the next game in the league?\n\n"
    "Jones: Frankly we have some quality players and will be fine next week."
)


def test_a_surname_label_in_a_q_and_a_gives_the_answer_to_the_full_name(run):
    got = [t for t in turns(run, QA) if t[0] != "Q"]
    assert got == [("Martin Jones", "Disappointed"), ("Martin Jones", "Frankly")]


def test_the_interviewer_s_question_is_given_to_no_person(run):
    assert [a.source for a in run(QA).attributions if a.content.startswith(("How", "What"))] == ["Q", "Q"]
    text = (
        "Manager Martin Jones spoke to reporters after the match on Saturday.\n\n"
        "Question: “How do you feel about the result against a team that had not lost at home all season?”\n\n"
        "Jones: “Disappointed with the setback, but we are far from finished and will bounce back.”"
    )
    assert [q.speaker for q in run(text).quotes] == ["Question", "Martin Jones"]


def test_an_answer_label_names_no_one_but_makes_the_layout(run):
    text = (
        "Martin Jones spoke to reporters after the match on Saturday.\n\n"
        "A: Disappointed with the setback, but we are far from finished and will bounce back.\n\n"
        "Jones: Frankly we have some quality players and will be fine next week."
    )
    assert turns(run, text) == [("Martin Jones", "Frankly")]


def test_a_label_with_a_role_names_the_person_and_short_answers_count(run):
    text = (
        "Jane Doe met the press on Monday.\n\n"
        "Reporter: Why did you decide to leave the club after all these years in charge?\n\n"
        "Coach Doe: Honestly it was the right time for me and for my family.\n\n"
        "Reporter: Any regrets about the last season in charge of the first team?\n\n"
        "Coach Doe: None at all, I am proud of what we did."
    )
    assert turns(run, text) == [
        ("Reporter", "Why"),
        ("Jane Doe", "Honestly"),
        ("Reporter", "Any"),
        ("Jane Doe", "None"),
    ]


def test_an_interviewer_label_in_capitals_is_no_person(run):
    text = (
        "A transcript of the interview with Martin Jones.\n\n"
        "REPORTER: How do you feel about the result against a team that had not lost at home?\n\n"
        "JONES: Disappointed with the setback, but we are far from finished and will bounce back."
    )
    assert turns(run, text) == [("Martin Jones", "Disappointed")]


def test_ordinary_colons_headings_and_notes_are_no_labels(run):
    text = (
        "Martin Jones spoke on Tuesday.\n\n"
        "The message was clear: the council will not approve the plan until the budget is fixed next year.\n\n"
        "Update: The council met again on Tuesday and voted to delay the decision by a month or more.\n\n"
        "Photo: A view of the council chamber in the city centre on Tuesday afternoon during the vote.\n\n"
        "Related: Council votes to delay the budget plan until next month after a long debate.\n\n"
        "Chelsea: Sanchez, James, Disasi, Silva, Colwill, Caicedo, Fernandez, Gallagher, Palmer, Jackson."
    )
    assert turns(run, text) == []


def test_a_surname_the_text_names_nowhere_else_is_no_label(run):
    text = (
        "Q: How do you feel about the result against a team that had not lost at home all season?\n\n"
        "Verdict: Disappointed with the setback, but we are far from finished and will bounce back.\n\n"
        "Q: What about the injuries to the squad before the next game in the league?"
    )
    assert "Verdict" not in [source for source, _ in turns(run, text)]


def test_a_quotation_cited_inside_a_question_keeps_its_own_speaker(run):
    text = (
        "Ann Lee spoke about her debut novel this week.\n\n"
        "Q: The writer Dan Richards said of the book, “Her debut novel is equal parts sorrow, joy, and wonder.” "
        "What do you think of that description?\n\n"
        "A: I love his description because it feels so true to my intentions as I wrote the book.\n\n"
        "Q: What comes next for you after this book and the long tour that follows it?"
    )
    assert [q.speaker for q in run(text).quotes] == ["Dan Richards"]

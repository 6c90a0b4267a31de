"""Collected quotes and transcripts: a speaker's heading with a role and a topic line above the quotations, and
paragraphs opened by a name in mixed case and a colon (session33's two sports pages had both; these texts are ours)."""

from __future__ import annotations

LONG = (
    "It sounds like an excuse but I do believe the three games in quick succession took their toll on the players "
    "and on the staff, and we will need to look at how we rotate the squad over the winter months.”"
)


def test_a_heading_with_a_role_and_a_topic_line_gives_the_quotations_below_it(run):
    text = (
        "Post Game Quotes\n\nSenior forward Dana Kimbrough\nOn the late run that won the game\n"
        '"We never stopped believing we could come back and take the win.\n\n'
        'They played a lot of zone, and we had a counter for anything they threw at us."\n\n'
        "Head Coach Lorna Pettit\n\n"
        '"I told the kids in the locker room that one defensive stop would be enough."'
    )
    got = [(q.text.split()[0], q.speaker) for q in run(text).quotes]
    assert got == [("We", "Dana Kimbrough"), ("They", "Dana Kimbrough"), ("I", "Lorna Pettit")]


def test_a_topic_line_with_no_heading_above_it_names_no_one(run):
    text = 'Match report\n\nOn the late run that won the game\n"We never stopped believing we could come back."'
    assert [q.speaker for q in run(text).quotes] == [None]


def test_paragraphs_opened_by_names_and_a_colon_are_those_people_s_words(run):
    text = (
        "What the managers said\n\nAston Villa 0-1 Chelsea\n\n"
        f"Martin O’Neill: {LONG}\n\n"
        "Guus Hiddink: “I am satisfied with the performance and the result, especially against a team like Villa "
        "who have had a very good record recently and have not been beaten in the league for a long time.”"
    )  # "O’Neill" is tagged a verb: the label is a name as it opens a paragraph in the first person
    got = [(q.text[:12], q.speaker) for q in run(text).quotes]
    # the label is not quoted: the paragraph's lone closing mark ends a quotation that starts after it
    assert got == [("It sounds li", "Martin O’Neill"), ("I am satisfi", "Guus Hiddink")]


def test_one_labelled_paragraph_or_labels_naming_teams_are_no_layout(run):
    one = f"Martin O’Neill: {LONG}"
    assert [q.speaker for q in run(one).quotes] != ["Martin O’Neill"]
    lineups = (
        "Aston Villa: Martinez, Cash, Konsa, Torres, Digne, Kamara, Luiz, McGinn, Bailey, Watkins, Diaby; subs "
        "Olsen, Carlos, Moreno, Tielemans, Zaniolo, Duran, Dendoncker, Traore, Iroegbunam, Philogene.\n\n"
        "Chelsea FC: Sanchez, James, Disasi, Silva, Colwill, Caicedo, Fernandez, Gallagher, Palmer, Jackson, "
        "Sterling; subs Petrovic, Chilwell, Badiashile, Mudryk, Nkunku, Madueke, Chukwuemeka, Gusto, Broja.\n\n"
        f"“{LONG}"
    )
    assert not any(a.cue == ":" for a in run(lineups).attributions)

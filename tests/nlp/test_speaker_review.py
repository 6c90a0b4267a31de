"""Review of stop 32's speaker fixes (rev33): inputs other than the ones the fixes were written on."""

from __future__ import annotations


def test_a_pronoun_after_a_name_asked_about_does_not_change_its_guessed_gender(run):
    # "Chris" is mostly a man's name; "she" after "Asked about Chris Martin" is the woman asked, not Chris Martin
    text = (
        "Singer Chris Martin performed in London on Friday.\n\n"
        "Anna Berg, a fan from Oslo, waited for hours. Asked about Chris Martin, she smiled. "
        "Asked again about Chris Martin, she said “he is the best.”\n\n"
        "“We love this city,” he said after the show."
    )
    quotes = run(text).quotes
    assert quotes[-1].speaker == "Chris Martin"


def test_a_phrase_left_open_in_the_reporters_sentence_does_not_run_on_over_paragraphs():
    # a phrase worked into the reporter's sentence ("described the plan as “a disaster ...") whose closing mark is
    # missing is no speech of several paragraphs: the reporter's paragraphs after it are no quotations
    from reportedly.nlp.quotemarks import find_quoted

    text = (
        "He described the plan as “a disaster in the making.\n\n"
        "The council voted 5-2 on Monday to approve the budget.\n\n"
        "Residents had asked for more parks.\n\n"
        "Nobody listened to us,” said resident Ann Lee."
    )
    quoted = [text[q.start : q.end] for q in find_quoted(text)]
    assert "Residents had asked for more parks." not in quoted
    assert "The council voted 5-2 on Monday to approve the budget." not in quoted


def test_the_one_a_statement_is_read_out_to_is_not_its_author(run):
    # the first name after the document is the audience ("to Mayor Ingrid Holm"), not the one who wrote it
    text = (
        "Chief Tomas Brandt read a statement to Mayor Ingrid Holm on Monday that confirmed “there was no kidnapping.”"
    )
    assert run(text).quotes[0].speaker != "Ingrid Holm"


def test_under_a_peoples_rule_is_a_reign_not_a_text(run):
    # "rule" as a reign ("Under British rule", "Under the rule of Saddam Hussein") is no law, rule or part of one
    for text in (
        "Under British rule, the motto over the gate was “God save the King and all who serve him in this colony.”",
        "Under the rule of Saddam Hussein, the slogan on every wall was “we sacrifice our blood and soul for you.”",
    ):
        speakers = [q.speaker for q in run(text).quotes]
        assert not any(s and "rule" in s for s in speakers), (text, speakers)


def test_under_the_new_rules_still_quotes_the_rules(run):
    text = "Under the new rules, an airline must refund passengers “within seven days of a cancelled flight.”"
    assert [q.speaker for q in run(text).quotes] == ["the new rules"]


def test_he_who_speaks_about_a_company_does_not_make_it_a_person(run):
    # "Boeing will open a new plant in Mexico, he added": he speaks about the company, he is not it
    text = (
        "Elon Musk spoke at a conference in Austin on Monday.\n\n"
        "Boeing doubled its sales last year, he noted. Boeing will open a new plant in Mexico, he added.\n\n"
        "“We are very happy with the results,” Boeing said in a statement."
    )
    a = run(text)
    assert [(e.name, e.type) for e in a.entities if e.name == "Boeing"] == [("Boeing", "ORG")]
    assert [q.speaker_type for q in a.quotes] == ["organization"]

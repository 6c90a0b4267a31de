"""Speakers in scraped news: a cue in a clause of its own after a quote, a participle's noun as the subject, a
dateline's outlet, a document's untagged publisher, a closing mark glued to the cue, a first name the tagger cut."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from reportedly.nlp.entities import _missed_people, _repaired
from reportedly.nlp.quotes import _headings_between
from reportedly.nlp.sources import apposed_name
from reportedly.rules import load as load_rules


def speakers(run, text):
    return [(q.text, q.speaker, q.cue) for q in run(text).quotes]


def test_a_cue_in_a_while_clause_after_the_quote_is_not_its_cue(run):
    got = speakers(
        run,
        "The city’s water board has deemed the new pipes — laid under the old market last spring — as a “temporary” "
        "fix, while a separate panel of engineers looking at the same pipes said it still considers them sound.",
    )
    assert [(t, s) for t, s, _ in got] == [("temporary", "The city’s water board")]


def test_a_participle_coordinated_before_the_cue_gives_its_noun_as_speaker(run):
    # the parser coordinates "linked" and "declared" with "remains": not "it", but the groups linked to the body
    a = run(
        "LONDON - The dye is a “possible irritant” but it remains safe to use at already agreed levels, two groups "
        "linked to the Food Standards Organisation (FSO) declared on Friday."
    )
    assert [q.speaker for q in a.quotes] == ["Food Standards Organisation"]


def test_a_datelines_outlet_in_brackets_is_no_second_subject(run):
    got = speakers(
        run,
        "(Reuters) — The European Space Agency’s science board has described the mission as a “remarkable” success, "
        "while a separate team of outside reviewers said it still needs more money.",
    )
    assert [(t, s) for t, s, _ in got] == [("remarkable", "The European Space Agency’s science board")]


def test_an_untagged_name_before_a_document_noun_issued_it(run):
    got = speakers(
        run,
        'The WHO press release said, "The panel found no reason to change the advice on daily intake for adults."',
    )
    assert [s for _, s, _ in got] == ["WHO"]


def test_a_closing_mark_glued_to_the_cue_still_ends_the_quote(run):
    got = speakers(
        run,
        "“We looked at every study on the question and found nothing that would change our advice,”said Dr Jane "
        "Okafor, the head of the review panel.",
    )
    assert [(s, c) for _, s, c in got] == [("Jane Okafor", "said")]


def test_a_first_name_the_tagger_left_out_makes_the_name_a_persons():
    # "Mary Lindqvist-Oduya" with only "Oduya" tagged, as a place: the name runs back over its compounds and hyphen
    doc = Doc(
        Vocab(),
        words=["The", "panel", "’s", "Mary", "Lindqvist", "-", "Oduya", "said", "it", "."],
        spaces=[True, False, True, True, False, False, True, True, False, False],
        pos=["DET", "NOUN", "PART", "PROPN", "PROPN", "PUNCT", "PROPN", "VERB", "PRON", "PUNCT"],
        deps=["det", "poss", "case", "compound", "compound", "punct", "nsubj", "ROOT", "dobj", "punct"],
        heads=[1, 6, 1, 6, 6, 6, 7, 7, 7, 7],
    )
    e = _repaired(Span(doc, 6, 7, label="GPE"), load_rules("en"))
    assert (e.text, e.label_) == ("Mary Lindqvist-Oduya", "PERSON")
    place = Doc(
        Vocab(),
        words=["The", "Lindqvist", "-", "Oduya", "dam", "burst", "."],
        spaces=[True, False, False, True, True, False, False],
        pos=["DET", "PROPN", "PUNCT", "PROPN", "NOUN", "VERB", "PUNCT"],
        deps=["det", "compound", "punct", "compound", "nsubj", "ROOT", "punct"],
        heads=[4, 3, 3, 4, 5, 5, 5],
    )
    kept = _repaired(
        Span(place, 3, 4, label="GPE"), load_rules("en")
    )  # no first name before it: the tagger's span stands
    assert (kept.text, kept.label_) == ("Oduya", "GPE")


def test_a_first_name_in_a_sub_heading_joins_the_full_name_given_below_it(run):
    a = run(
        "The club won the final on Saturday.\n\nTitle win sets the standard for the future: Sheikh Omar\n\n"
        "Sheikh Omar bin Khalid Al Rashed, owner of the club, sent his congratulations on Sunday. “We will keep "
        "building on this success for years to come,” Sheikh Omar said."
    )
    assert [q.speaker for q in a.quotes] == ["Omar bin Khalid Al Rashed"]
    assert not any(e.name == "Omar" for e in a.entities)


def test_a_word_or_two_in_single_marks_inside_reported_speech_is_the_speakers(run):
    a = run("The chief executive, who cut 9,000 jobs, said he is ‘sorry’ for the decision in a post on Monday.")
    assert [(q.text, q.speaker, q.kind) for q in a.quotes] == [("sorry", "The chief executive", "partial")]
    b = run("What the team had done was 'nearly unthinkable', the prize jury said in its citation.")
    assert [(q.text, q.speaker) for q in b.quotes] == [("nearly unthinkable", "the prize jury")]


def test_a_short_title_in_single_marks_or_one_outside_speech_is_no_quote(run):
    assert run("The studio said it would sell games such as ‘Candy Land’ on its own store next year.").quotes == ()
    assert run("The ship will transition to a ‘recovery’ operation on Tuesday morning.").quotes == ()


def test_a_quote_woven_into_a_sentence_with_no_cue_is_its_subjects(run):
    a = run(
        "Earlier on Friday, the Norwegian Nobel Committee awarded the prize to Anna Berg. “I was busy, I did not pick "
        "up the phone when they called me,” Berg said.\n"
        "The committee decided to award the 2021 prize to Berg and Lund “for their efforts to keep the rivers of the "
        "north clean and open to all.”"
    )
    assert [q.speaker for q in a.quotes] == ["Anna Berg", "Norwegian Nobel Committee"]


def test_a_quote_in_an_opening_participles_phrase_is_the_next_clauses_subjects(run):
    # the parser makes "Citing" the root and "classified" an adjective: the clause after the comma still speaks
    a = run(
        'Citing "limited evidence" for carcinogenicity in humans, IARC classified sucralose as possibly carcinogenic '
        "to humans."
    )
    assert [(q.text, q.speaker) for q in a.quotes] == [("limited evidence", "IARC")]


def test_sentences_and_brackets_run_together_by_a_scraper_are_split(pipeline):
    words = [t.text for t in pipeline.tokenizer("on Dyes(JCD).Citing“weak evidence”for it, and globally.Science is")]
    assert words == [
        "on", "Dyes", "(", "JCD", ")", ".", "Citing", "“", "weak", "evidence", "”", "for", "it", ",", "and",
        "globally", ".", "Science", "is",
    ]  # fmt: skip
    kept = [t.text for t in pipeline.tokenizer("St.Louis, e.g.This and Amazon.com")]
    assert kept == ["St.", "Louis", ",", "e.g.", "This", "and", "Amazon.com"]


def test_a_content_that_is_the_quote_and_a_paragraph_number_is_a_direct_quote(run):
    a = run(
        "The panel met in June.\n\n4 “We looked at every study on the question and found nothing that would change "
        "our advice,” said Dr Jane Okafor, the head of the panel."
    )
    assert [(q.speaker, q.kind) for q in a.quotes] == [("Jane Okafor", "direct")]


# issue 10: speakers on scraped pages (a "he" or "she" after a long introduction, a description's aside, a relative)


def test_he_after_an_unnamed_official_is_the_official_not_a_person_named_before(run):
    a = run(
        "Norwegian student Ingrid Solberg, 19, who was on the ferry with her brother, told Radio Nord that the deck "
        "flooded within minutes.\n\nA harbour police officer at Pier 9, one of the port’s oldest, said the ferry hit "
        "the dock at noon.\n\nADVERTISEMENT\n\n“Nobody was hurt,” he said."
    )
    assert [(q.text, q.speaker) for q in a.quotes] == [("Nobody was hurt,", "A harbour police officer at Pier 9")]
    ingrid = next(e for e in a.entities if e.name == "Ingrid Solberg")
    assert "he" not in [m.text for m in ingrid.mentions]  # no guess from her first name across the officer


def test_a_description_ends_before_an_aside_on_its_object(run):
    a = run("A harbour police officer at Pier 9, one of the port’s oldest, said the ferry hit the dock at noon.")
    assert [at.source for at in a.attributions] == ["A harbour police officer at Pier 9"]


def test_a_name_beside_the_chairwomans_body_is_the_chairwomans(run):
    got = speakers(run, "“We saw it coming,” said the chairwoman of the Harbour Safety Board, Grete Nilsen-Aas.")
    assert [s for _, s, _ in got] == ["Grete Nilsen-Aas"]


def test_a_name_in_apposition_to_a_relative_speaks_not_the_possessor(run):
    got = speakers(
        run,
        "Mats Ekberg said the crew acted fast. Ekberg’s 17-year-old son, Nils, added: “It was scary, but nobody "
        "panicked.”",
    )
    assert [s for _, s, _ in got] == ["Nils"]


def test_a_pronoun_after_a_name_a_demonym_introduces_is_that_persons(run):
    # the small model tags "Swede Sofia Ek" a facility, or leaves it untagged: "she" went to the airport chief
    a = run(
        "Airport chief Hideo Tanaka said the runway would stay closed.\n\n17-year-old Swede Sofia Ek, who was "
        "travelling with her parents and sister to Tokyo for a skiing holiday, told broadcaster SVT the cabin filled "
        "with smoke within minutes.\n\n“It was chaos,” she says."
    )
    assert [q.speaker for q in a.quotes] == ["Sofia Ek"]


def test_a_name_after_a_demonym_or_with_an_age_is_a_persons_whatever_the_tagger_said():
    rules = load_rules("en")
    doc = Doc(
        Vocab(),
        words=["Swede", "Sofia", "Ek", ",", "17", ",", "left", ".", "Gothenburg", "Harbour", "opened", "."],
        spaces=[True, True, False, True, False, True, False, True, True, True, False, False],
        pos=["PROPN", "PROPN", "PROPN", "PUNCT", "NUM", "PUNCT", "VERB", "PUNCT", "PROPN", "PROPN", "VERB", "PUNCT"],
    )
    got = _missed_people(doc, [Span(doc, 0, 3, label="FAC"), Span(doc, 8, 10, label="FAC")], rules)
    assert [(e.text, e.label_) for e in got] == [("Sofia Ek", "PERSON"), ("Gothenburg Harbour", "FAC")]


def test_headings_captions_and_links_between_paragraphs_are_counted_as_furniture():
    text = "He said so.\n\nREAD MORE: Ferry hits dock\n\n[Image: the pier]\n\nThe ferry sank slowly.\n\n“No,” he said."
    assert _headings_between(text, 3, text.index("“")) == 2


def test_she_two_paragraphs_after_an_unnamed_speaker_is_hers_not_a_woman_named_before(run):
    a = run(
        "Passenger Ingrid Solberg, 34, told Radio Nord that the deck flooded.\n\nA senior official at the port "
        "authority said the ferry had been cleared to dock.\n\nThe harbour stayed closed on Wednesday as divers "
        "examined the hull.\n\n“We are investigating the cause,” she said."
    )
    assert [q.speaker for q in a.quotes] == ["A senior official at the port authority"]


def test_a_party_and_place_in_brackets_after_a_relatives_name_is_not_the_speaker():
    # the parser may hang the bracketed "(D-Port Arthur)" on the relative's noun as its apposition
    words = ["Lee", "’s", "niece", ",", "Del.", "Anna", "Moreau", "(", "D", "-", "Port", "Arthur", ")", ",", "shouted"]
    doc = Doc(
        Vocab(),
        words=words,
        spaces=[False, True, False, True, True, True, True, False, False, False, True, False, False, True, False],
        pos=["PROPN", "PART", "NOUN", "PUNCT", "PROPN", "PROPN", "PROPN", "PUNCT"]
        + ["PROPN", "PUNCT", "PROPN", "PROPN", "PUNCT", "PUNCT", "VERB"],
        deps=["poss", "case", "nsubj", "punct", "compound", "nmod", "nmod", "punct"]
        + ["compound", "punct", "compound", "appos", "punct", "punct", "ROOT"],
        heads=[2, 0, 14, 2, 11, 11, 11, 11, 10, 10, 11, 2, 2, 14, 14],
        ents=["O"] * 8 + ["B-ORG", "I-ORG", "I-ORG", "I-ORG"] + ["O"] * 3,
    )
    assert apposed_name(doc[0:3], speaker_noun=True) is None


def test_an_outlet_someone_told_is_never_he_or_she(run):
    # the small model tags a one-word outlet after "told" a person: "she" below went to it
    a = run(
        "Swede Nils Berg, 17, told Aftonposten that the cabin filled with smoke. His mother, who was also on board, "
        "said the crew stayed calm. “It was chaos,” she says."
    )
    outlet = next(e for e in a.entities if e.name == "Aftonposten")
    assert [m.text for m in outlet.mentions] == ["Aftonposten"]


def test_a_demonym_that_is_also_a_first_name_does_not_give_the_name_its_gender(run):
    # "Finn Emma Virtanen" tagged whole: "Finn" made her a man, and "she" found no one
    a = run("Finn Emma Virtanen, 17, told Kvällsposten the cabin had filled with smoke.\n\nShe said: “We all ran.”")
    assert [q.speaker for q in a.quotes] == ["Emma Virtanen"]


def test_a_name_beside_a_relatives_noun_takes_its_gender(run):
    # "Mats" says no gender: "his father" does, so the woman's "she" below is not his
    a = run(
        "Norwegian Ingrid Dahl, 17, who was on the flight with her father, told reporters the cabin had filled with "
        "smoke.\n\nHer father, Mats, said the crew had been calm.\n\n“We threw ourselves on the floor,” she added."
    )
    assert [q.speaker for q in a.quotes] == ["Ingrid Dahl"]


def test_a_speech_verbs_subject_with_a_first_name_is_a_person_only_where_the_tagger_named_nothing():
    rules = load_rules("en")

    def doc_of():
        return Doc(
            Vocab(),
            words=["Morgan", "Stanley", "said", "profits", "fell", "."],
            spaces=[True, True, True, True, False, False],
            pos=["PROPN", "PROPN", "VERB", "NOUN", "VERB", "PUNCT"],
            deps=["compound", "nsubj", "ROOT", "nsubj", "ccomp", "punct"],
            heads=[1, 2, 2, 4, 2, 2],
            lemmas=["Morgan", "Stanley", "say", "profit", "fall", "."],
        )

    tagged = doc_of()
    assert [(e.text, e.label_) for e in _missed_people(tagged, [Span(tagged, 0, 2, label="ORG")], rules)] == [
        ("Morgan Stanley", "ORG")
    ]
    untagged = doc_of()
    assert [(e.text, e.label_) for e in _missed_people(untagged, [], rules)] == [("Morgan Stanley", "PERSON")]


def test_he_is_the_sentences_subject_not_a_subject_inside_its_complement(run):
    # both men are subjects one sentence back; the one inside "that he believed ..." is not the topic
    a = run(
        "In an interview, Police Chief Tom Ward made clear that he believed Mark Smith was guilty.\n\n"
        "“We are sure we have the right man,” he said."
    )
    assert [q.speaker for q in a.quotes] == ["Tom Ward"]


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "“The game is poorer today,” the heir to the club's famous number wrote on Instagram.",
            "the heir to the club's famous number",
        ),
        ("“It is over,” a man said to reporters on Friday.", "a man"),
    ],
)
def test_an_unnamed_speakers_description_keeps_its_to_phrase_but_not_the_cues(run, text, speaker):
    assert [q.speaker for q in run(text).quotes] == [speaker]


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "During the news conference, Marion County, Oregon, prosecutor Paul Hart said the man came "
            "“with the intent to steal.”",
            "Paul Hart",
        ),
        (
            "At the hearing, Polk County, Iowa, sheriff Mark Dunn said the suspect acted “with clear intent.”",
            "Mark Dunn",
        ),
    ],
)
def test_a_place_written_before_a_title_does_not_take_the_persons_quote(run, text, speaker):
    assert [q.speaker for q in run(text).quotes] == [speaker]

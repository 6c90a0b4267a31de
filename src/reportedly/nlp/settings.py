"""The thresholds of the NLP finders, in one place, each with the reason for its value."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    """Every bare number the quote, attribution and coreference finders use."""

    # tokens after a closing mark in which "he said" / "said Smith" is looked for (never past the sentence end); a
    # speaker with title, party and apposition ("Leonard E. Burman, director of the ... University, said") runs to 30
    look_after: int = 40
    # "“...,” Hannity pressed": the longest subject (words) of a verb right after a quotation's closing mark that makes
    # the verb its dialogue tag although it is no verb of saying ("pressed", "shot back", "barked"); the names and
    # descriptions read in such tags (PolNeAR train, dev pages) fit in 4 ("Hannity", "the crowd", "NASA Administrator
    # Bill Nelson"); chosen by reading, not fitted: longer runs are left to the cue search
    max_tag_subject_words: int = 4
    # a shorter quoted phrase with no cue is a scare quote or a title, not a quotation
    min_floating_words: int = 4
    # a shorter phrase without a verb ("an immediate general election") is a term, not a quote
    min_verbless_words: int = 10
    # a line under a quotation paragraph that starts with a dash signs it ("- Sen. Jane Roe, in a tweet.") when it is at
    # most this long and has no finite verb; PolNeAR train's signatures under quotes run to 6 words, its dash lines of
    # 9 words and more are bullets and captions
    max_signature_words: int = 8
    # "As the senator from Maine put it on Tuesday, “...”": how far back from the opening mark its "as" may be
    max_as_clause_words: int = 15
    # "Former secretary of state Jane Roe: “...”": the longest name with its title that labels a quote before a colon
    max_label_words: int = 8
    # a quote with no cue continues the speaker of a quote at most this many paragraphs back
    context_paragraphs: int = 2
    # "“...,” he said" goes on with the person who spoke last at most this many paragraphs back (headings, captions
    # and links between not counted), when no one else is named between: "A fire official said ... / The runway
    # stayed closed. / “...,” he said" (1 left the official's "he" unresolved, or gave it to a name further back)
    chain_paragraphs: int = 2
    # "The Steve Harvey Morning Show": longer capitalised runs in quotation marks are rare outside headlines
    max_title_words: int = 6
    # reported content shorter than this ("said so") carries no claim
    min_content_tokens: int = 3
    # an outlet's tag after its content ("..., Reuters writes") follows it by at most this many characters: the comma
    # and the space between them
    tag_gap: int = 2
    # a phrase in marks after "known as", "so-called" of at most this many words is a name ("Buffett rule"); a longer
    # one may still be someone's words
    max_term_words: int = 4
    # ‘yes’ and ‘lost authority’ are terms; a quotation in single marks has a few words at least
    min_single_words: int = 3
    # a letter's excerpts reproduced without marks run at most this many paragraphs (or list items) below the line
    # that introduces them ("Here are excerpts from Mark Zuckerberg's email"); a longer first-person stretch is the
    # writer's own
    max_block_paragraphs: int = 12
    # excerpts interleaved with the writer's comment resume after it below at most this many headings ("How did we
    # get here?"), each of at most this many words and no full stop
    max_block_headings: int = 2
    max_heading_words: int = 10
    # a speaker's heading over collected reactions ("JANE ROE, ECONOMIST, ACME BANK", then quote-only paragraphs)
    # names the speaker of at most this many quotation paragraphs below it
    max_heading_quotes: int = 4
    # an unnamed speaker's description with its post-modifiers ("a passenger on the flight who ...") is kept whole up
    # to this many words; a longer one is a parse that ran on past the noun phrase, and only its head phrase is kept
    max_description_words: int = 16
    # a pronoun looks this many sentences back for its person
    max_sentences_back: int = 6
    # a pronoun this early with no name before it may point forward ("Speaking outside, she said ... Liz Truss")
    opening_sentences: int = 3
    # ... to a person named at most this many sentences later
    forward_sentences: int = 2
    # a month or day named without a year under a past-tense verb lies in the past, except one at most this many days
    # ahead, or a month starting at most this many days ahead ("the offer was extended to Nov. 16" on Oct. 30; "was
    # planned for early March" on Feb. 10): news does not name last year's date without its year
    past_tense_days_ahead: int = 60
    # a weekday under a present-tense verb lies ahead ("the summit opens Tuesday"), except one at most this many days
    # back ("could not be located Wednesday" published on Thursday: news reports yesterday in the present too)
    present_tense_days_back: int = 1
    # a pronoun's candidate that the tagger did not call a person but whose name is written like one ("Dmitry
    # Muratov" tagged an organisation) loses this much salience (a sentence's distance is 10): a person the tagger
    # recognised in the same sentence still wins
    untyped_person_penalty: float = 8.0
    # "Chief Fry made it clear that he believed Kohberger was guilty. / “...,” he said": the subject of a clause held by
    # another verb is less salient than the sentence's own subject (centering: the main subject is the topic). Below a
    # sentence's distance (10) and above a sentence's token spread (0.01 a token), and below the cue subject's bonus
    # (5) less one, so an embedded subject still outranks the sentence's non-subjects: kept in (0.01, 4) it only
    # orders one sentence's subjects (1 to 9 gave the same choices on the dev pages, but above 4 it may not)
    embedded_subject_penalty: float = 1.0
    # a person whose gender is only what a first name mostly is ("Bernie", "Kelly", "Chris": the name lists give it
    # both, one mostly) takes the other gender when at least this many pronouns of it, and more than of its own, stand
    # where that person is the only one named in the sentence so far and the sentence before: one such pronoun may be
    # a slip or a parse of the wrong sentence, two are the article's usage
    gender_votes: int = 2
    # a quotation left open and closed by a lone mark some paragraphs later runs over at most this many paragraphs
    # without marks between them (a spokesman's answer of several paragraphs whose marks the scraper lost); more is
    # rather a stray mark than one quotation
    max_run_on_paragraphs: int = 4
    # "they" looks this many sentences back for the organisation it stands for ("The union ... They said")
    group_sentences_back: int = 2
    # how far back an unresolved "he"/"she" looks for a description of one unnamed person ("one coach", "the judge"):
    # the sentence before and the one before that, as for a body's "it"
    person_sentences_back: int = 2
    # "Ressa ... said. / "...," the outspoken critic of Duterte told ...": a definite epithet refers back to the person
    # who was the subject at most this many sentences before it
    epithet_sentences_back: int = 2
    # "Pence: Flowers Won't Be at Debate": a headline line giving a claim to a person is at most this long
    max_headline_words: int = 25
    # a transcript's turn ("O'Neill: We have some quality players ...") under an interviewer's label ("Q:",
    # "Reporter:") may be short, but at least this many words: a shorter line after a name and a colon is a heading
    min_turn_words: int = 6
    # labelled paragraphs (named or interviewer's) that make a transcript layout; one alone is a headline or a note
    min_layout_turns: int = 2


SETTINGS = Settings()

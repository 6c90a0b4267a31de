"""Linguistic knowledge as data files under rules/<lang>/, loaded once per language."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import UnsupportedLanguageError


def lines(folder: str, name: str) -> list[str]:
    """The lines of `rules/<folder>/<name>` (a language's lists, or `provenance`), blank lines and # comments left out."""
    text = resources.files(__package__).joinpath(folder, name).read_text(encoding="utf-8")
    return [ln.rstrip("\n") for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def table(folder: str, name: str) -> dict[str, str]:
    """The two tab-separated columns of `rules/<folder>/<name>` as key -> value, both stripped (a later key wins)."""
    out = {}
    for ln in lines(folder, name):
        key, _, value = ln.partition("\t")
        out[key.strip()] = value.strip()
    return out


@dataclass(frozen=True)
class Rules:
    """Every word list and pattern the analysis uses for one language."""

    lang: str
    cue_verbs: dict[str, str]  # speech: the verbs that can give a quotation its speaker
    belief_verbs: dict[str, str]  # belief and evidence: they attribute content, never a quotation
    speaker_kinds: dict[str, str]  # a belief/evidence verb's kind when a speaker is its subject ("Clinton suggested")
    titles: frozenset[str]
    person_nouns: frozenset[str]
    document_nouns: frozenset[str]
    media: dict[str, str]
    media_suffixes: frozenset[str]
    government_nouns: frozenset[str]
    unnamed_sources: frozenset[str]
    self_descriptions: frozenset[str]
    hedges: re.Pattern
    no_comment: tuple[re.Pattern, ...]
    boilerplate: re.Pattern
    debris_prefixes: re.Pattern
    demonyms: dict[str, str]
    loaded_terms: dict[str, str]
    unnamed_media_words: frozenset[str]  # "local media said": media a source leaves unnamed (diff)
    loaded_variants: dict[str, str]  # diff only: tone swaps too common in plain news to flag in one article
    irregular_forms: dict[str, str]  # "said" -> "say": inflections no suffix rule brings back to their lemma
    qualifiers: re.Pattern
    evaluative: frozenset[str]
    day_words: re.Pattern
    pronouns: dict[str, str]  # word -> male | female | group | thing | speaker
    possessive_pronouns: dict[str, str]  # "its" -> thing, "their" -> group: the owner of a document that speaks
    organisation_words: frozenset[str]
    credit_lines: re.Pattern  # "Reporting by X; Editing by Y", "By Jane Smith": a line crediting the staff
    credit_verbs: frozenset[str]  # "X and Y reported for Reuters": a reporters' credit, never a speaker
    person_demonyms: frozenset[str]  # "the Spaniard said": one person, named just before
    epithet_words: frozenset[str]  # "the outspoken critic", "the veteran journalist": someone already named
    company_nouns: frozenset[str]  # "the company said", "the iPhone maker": a business named before, named again
    organisation_roles: frozenset[str]  # "the CEO of Activision Blizzard": a name after "<role> of" is an organisation
    gendered_titles: dict[str, str]
    # "ceo" -> (("chief", "executive", "officer"),); initials with several readings have several ("cio": information,
    # investment)
    role_abbreviations: dict[str, tuple[tuple[str, ...], ...]]
    request_words: frozenset[str]
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, float]
    seasons: dict[str, str]
    holidays: dict[str, tuple[int, str]]  # name -> (month, day rule): "25", "thu@22", "easter-2"
    day_parts: dict[str, str]
    vague_quantities: frozenset[str]
    timex_modifiers: dict[str, str]
    comparisons: tuple[tuple[str, ...], ...]
    time_signals: frozenset[str]
    time_zones: frozenset[str]  # "5 p.m. EST": written after a clock time, not part of its TIMEX3 value
    deadline_signals: frozenset[str]  # "until Nov. 16": under a past verb, a date that may still lie ahead
    schedule_verbs: frozenset[str]  # "planned a rally on Saturday": a past plan for a day either side
    year_prepositions: frozenset[str]  # "Since 2009 prices have doubled": a year, not a count, follows
    representative_roles: dict[str, str]
    non_speakers: frozenset[str]
    turn_labels: frozenset[str]
    interviewer_labels: frozenset[str]
    answer_labels: frozenset[str]
    title_small_words: frozenset[str]
    share_words: frozenset[str]  # "19 percent said": a share of those polled speaks as a group
    crowd_counts: frozenset[str]  # "Thousands of supporters chanted": the people counted speak as a group
    object_cues: dict[str, str]  # "called for new tariffs", "cited the figure": speech whose content is the object
    age_descriptions: frozenset[str]  # "the 46-year-old": a person, though the parser calls it a date
    raising_verbs: frozenset[str]  # "continues to dominate", "proved to be": the infinitive is no content
    non_speech_objects: dict[str, frozenset[str]]  # "called a meeting": objects with which a speech verb is no speech
    term_markers: re.Pattern  # "known as the ''Buffett rule''": a quoted term, not a quotation, follows
    self_labels: re.Pattern  # "the self-described “anarcho-capitalist”": the one described speaks the label
    program_nouns: frozenset[str]  # "his platform ... to “dynamite” the bank": the possessor speaks the phrase
    remark_nouns: frozenset[str]  # "his famous “Who am I to judge” comment": the possessor said the words in marks
    continuing_cues: frozenset[str]  # "According to X, ... It adds": the verbs whose "it" is X going on
    first_person: frozenset[str]  # "I", "we", "our": a paragraph speaking in the first person
    partitives: frozenset[str]  # "Part of her statement read": the statement speaks
    block_intros: re.Pattern  # "Here are excerpts from X's email": X's text follows below without marks
    topic_openers: frozenset[str]  # "On the three that tied the game": a topic line under a speaker's heading
    office_descriptions: dict[str, tuple[str, ...]]  # "the head of state": the titles whose holder it stands for
    letter_nouns: frozenset[str]  # "Zuckerberg's email": a text of someone's that may be excerpted in the first person
    address_cues: tuple[str, ...]  # "told", "in an interview with": what names the one a statement was made to
    as_clause_verbs: tuple[str, ...]  # "as many pundits predicted": verbs of a clause crediting a counted group
    issuing_verbs: frozenset[str]  # "she released a statement saying, “...”": verbs by which one puts out a text
    as_quote_verbs: frozenset[str]  # "As the senator put it, “...”": an "as" clause's verbs that name a quote's speaker
    body_member_nouns: frozenset[str]  # "researchers at X": members of a body, speaking for it in the plural only
    body_nouns: frozenset[str]  # "researchers at X", "bodies linked to X": a group speaking for the organisation X
    affiliation_verbs: frozenset[str]  # "linked to", "affiliated with": a participle tying a description to a body
    description_prepositions: frozenset[str]  # "a passenger on the flight": a description's post-modifier
    person_noun_endings: tuple[str, ...]  # "fisherman", "policewoman": a compound noun for one person
    agent_noun_endings: tuple[str, ...]  # "caller", "narrator": an agent noun's ending ("!ment": none)
    naming_verbs: frozenset[str]  # "a passenger named Yuki Sato": the participle that names the one described
    citing_verbs: frozenset[str]  # "..., Reuters reported, citing the ministry": the ministry is the source
    reading_verbs: frozenset[str]  # "the statement as read by the chief": the reader is not the text's author
    statute_nouns: frozenset[str]  # "Under state law, one is guilty if “...”": a ruling text that a quote is from
    contrast_adjectives: frozenset[str]  # "a separate expert group": words that describe nothing of the body
    clause_openers: frozenset[str]  # "..., while a panel said": a clause of its own after a quote, not its cue's
    public_body_nouns: frozenset[str]  # "the agency said" after "the Food Safety Authority": the public body before
    kin_nouns: dict[str, str]  # "Smith's son, Nils, added": the name beside a relative's noun speaks; its gender
    past_as_base: frozenset[str]  # "read", "put": cue verbs whose past tense is spelled as their base form

    def speaks_for_a_body(self, lemma: str, plural: bool) -> bool:
        """A generic noun that, tied to an organisation, speaks for it: a group's noun ("a panel of ..."), or a
        member's noun in the plural ("researchers at ...", not "a scientist at ...")."""
        return lemma in self.body_nouns or (plural and lemma in self.body_member_nouns)

    @property
    def attribution_verbs(self) -> dict[str, str]:
        """Every verb that attributes content to a source: speech, belief and evidence."""
        return {**self.belief_verbs, **self.cue_verbs}

    def cue_kind(self, lemma: str, by_speaker: bool = False, clause: bool = True) -> str:
        """What a cue verb attributes: `speech` (cue_verbs.txt, whatever its class), else the class belief_verbs.tsv
        gives it (`belief`, `evidence`), or its third column when a speaker, not a document, is the subject. Speech
        whose content is no clause ("vowed to cut taxes", "called for new tariffs", "accused Y of fraud", "denied the
        report") is an `act`: a speech act reported by what it did, not by what was said, so no quotation (GGT's
        quotes are a quote verb's clausal complement; PolNeAR still annotates it as an attribution)."""
        lemma = lemma.lower()
        if lemma in self.cue_verbs:
            kind = "speech"
        elif by_speaker and lemma in self.speaker_kinds:
            kind = self.speaker_kinds[lemma]
        else:
            kind = self.belief_verbs.get(lemma, "speech")
        return "act" if kind == "speech" and not clause else kind

    def is_title(self, word: str) -> bool:
        return word.lower().rstrip(".") in self.titles

    def is_person_noun(self, lemma: str) -> bool:
        low = lemma.lower()
        return (
            low in self.person_nouns
            or low in self.role_abbreviations
            or any(low.endswith(e) and len(low) > len(e) + 2 for e in self.person_noun_endings)
        )

    def is_agent_noun(self, lemma: str) -> bool:
        """A noun with an agent's ending ("caller", "narrator", "columnist"), none of the endings ruled out ("-ment")."""
        low = lemma.lower()
        if any(low.endswith(e[1:]) for e in self.agent_noun_endings if e.startswith("!")):
            return False
        return any(low.endswith(e) and len(low) >= len(e) + 3 for e in self.agent_noun_endings if not e.startswith("!"))

    def is_person_or_kin_noun(self, lemma: str) -> bool:
        """A noun for a person ("official", "passenger") or for a relative ("son", "aunt": kin_nouns.tsv)."""
        return self.is_person_noun(lemma) or lemma.lower() in self.kin_nouns

    def kin_gender(self, lemma: str) -> str | None:
        """The gender a relative's noun gives the name beside it ("son": male); None for one that gives none
        ("cousin") and for a word that is no relative's noun."""
        gender = self.kin_nouns.get(lemma.lower())
        return gender if gender in ("male", "female") else None

    def has_organisation_word(self, name: str) -> bool:
        """A name with a word of organisation_words.txt in it ("Morgan Stanley Bank", "Nobel Committee")."""
        return any(w.lower().strip(".") in self.organisation_words for w in name.split())

    def is_media_name(self, name: str) -> bool:
        bare = re.sub(r"^the\s+", "", name.strip(), flags=re.I).lower()
        if bare in self.media or name.strip().lower() in self.media:
            return True
        words = bare.split()
        return len(words) >= 2 and (words[-1] in self.media_suffixes or " ".join(words[-2:]) in self.media_suffixes)


def supported_languages() -> list[str]:
    """The languages that have a rules folder."""
    root = resources.files(__package__)
    return sorted(p.name for p in root.iterdir() if p.is_dir() and p.joinpath("cue_verbs.txt").is_file())


def _number(value: str) -> float:
    return int(value) if value.isdigit() else float(value)


@lru_cache(maxsize=None)
def load(lang: str = "en") -> Rules:
    """The rules of `lang`, parsed once; an unsupported language is an `UnsupportedLanguageError`."""
    if lang not in supported_languages():
        raise UnsupportedLanguageError(
            f"no rules for language {lang!r}: reportedly analyses {', '.join(supported_languages())} "
            f"(add a folder rules/{lang}/ with the same files to support it)"
        )
    cues = {}
    for ln in lines(lang, "cue_verbs.txt"):
        lemma, _, cls = ln.partition("\t")
        cues[lemma.strip()] = cls.strip() or "speech"
    hedges = sorted(lines(lang, "hedges.txt"), key=len, reverse=True)
    hedge_re = re.compile(r"\b(?:%s)\b" % "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in hedges), re.I)
    boiler = re.compile(r"^\s*(?:%s)\s*$" % "|".join("(?:%s)" % p for p in lines(lang, "boilerplate.txt")), re.I)
    beliefs = table(lang, "belief_verbs.tsv")  # verb -> class, and the class when a speaker is its subject
    return Rules(
        lang=lang,
        cue_verbs=cues,
        belief_verbs={k: v.split("\t")[0].strip() for k, v in beliefs.items()},
        speaker_kinds={k: v.split("\t")[-1].strip() for k, v in beliefs.items() if "\t" in v},
        titles=frozenset(w.lower() for w in lines(lang, "titles.txt")),
        person_nouns=frozenset(w.lower() for w in lines(lang, "person_nouns.txt")),
        document_nouns=frozenset(w.lower() for w in lines(lang, "document_nouns.txt")),
        media={m.lower(): m for m in lines(lang, "media.txt")},
        media_suffixes=frozenset(w.lower() for w in lines(lang, "media_suffixes.txt")),
        government_nouns=frozenset(w.lower() for w in lines(lang, "government_nouns.txt")),
        unnamed_sources=frozenset(w.lower() for w in lines(lang, "unnamed_sources.txt")),
        self_descriptions=frozenset(w.lower() for w in lines(lang, "self_descriptions.txt")),
        hedges=hedge_re,
        no_comment=tuple(re.compile(p, re.I) for p in lines(lang, "no_comment.txt")),
        boilerplate=boiler,
        debris_prefixes=re.compile(
            r"^(?:%s)\s+(?=\S)" % "|".join("(?:%s)" % p for p in lines(lang, "debris_prefixes.txt")), re.I
        ),
        demonyms=table(lang, "demonyms.tsv"),
        loaded_terms=table(lang, "loaded_terms.tsv"),
        loaded_variants=table(lang, "loaded_variants.tsv"),
        unnamed_media_words=frozenset(w.lower() for w in lines(lang, "unnamed_media_words.txt")),
        irregular_forms=table(lang, "irregular_forms.tsv"),
        qualifiers=_alternation(lines(lang, "qualifiers.txt")),
        evaluative=frozenset(w.lower() for w in lines(lang, "evaluative.txt")),
        day_words=_alternation(lines(lang, "day_words.txt")),
        pronouns=table(lang, "pronouns.tsv"),
        possessive_pronouns=table(lang, "possessive_pronouns.tsv"),
        organisation_words=frozenset(w.lower() for w in lines(lang, "organisation_words.txt")),
        credit_lines=_alternation(lines(lang, "credit_lines.txt")),
        credit_verbs=frozenset(w.lower() for w in lines(lang, "credit_verbs.txt")),
        person_demonyms=frozenset(w.strip() for w in lines(lang, "person_demonyms.txt")),
        epithet_words=frozenset(w.lower() for w in lines(lang, "epithet_words.txt")),
        company_nouns=frozenset(w.lower() for w in lines(lang, "company_nouns.txt")),
        organisation_roles=frozenset(w.lower() for w in lines(lang, "organisation_roles.txt")),
        gendered_titles=table(lang, "gendered_titles.tsv"),
        role_abbreviations={
            k.lower(): tuple(tuple(alt.lower().split()) for alt in v.split("|"))
            for k, v in table(lang, "role_abbreviations.tsv").items()
        },
        request_words=frozenset(w.lower() for w in lines(lang, "request_words.txt")),
        months={k: int(v) for k, v in table(lang, "months.tsv").items()},
        weekdays={k: int(v) for k, v in table(lang, "weekdays.tsv").items()},
        numbers={k: _number(v) for k, v in table(lang, "numbers.tsv").items()},
        seasons=table(lang, "seasons.tsv"),
        holidays={
            k: (int(v.split("\t")[0]), v.split("\t")[-1].strip()) for k, v in table(lang, "holidays.tsv").items()
        },
        day_parts=table(lang, "day_parts.tsv"),
        vague_quantities=frozenset(lines(lang, "vague_quantities.txt")),
        timex_modifiers=table(lang, "timex_modifiers.tsv"),
        comparisons=tuple(tuple(w.lower().split()) for w in lines(lang, "comparisons.txt")),
        time_signals=frozenset(lines(lang, "time_signals.txt")),
        time_zones=frozenset(lines(lang, "time_zones.txt")),
        deadline_signals=frozenset(lines(lang, "deadline_signals.txt")),
        schedule_verbs=frozenset(lines(lang, "schedule_verbs.txt")),
        year_prepositions=frozenset(lines(lang, "year_prepositions.txt")),
        representative_roles=table(lang, "representative_roles.tsv"),
        non_speakers=frozenset(w.lower() for w in lines(lang, "non_speakers.txt")),
        turn_labels=frozenset(w.lower() for w in lines(lang, "turn_labels.txt")),
        interviewer_labels=frozenset(w.lower() for w in lines(lang, "interviewer_labels.txt")),
        answer_labels=frozenset(w.lower() for w in lines(lang, "answer_labels.txt")),
        title_small_words=frozenset(w.lower() for w in lines(lang, "title_small_words.txt")),
        share_words=frozenset(w.lower() for w in lines(lang, "share_words.txt")),
        crowd_counts=frozenset(w.lower() for w in lines(lang, "crowd_counts.txt")),
        object_cues=table(lang, "object_cues.tsv"),
        age_descriptions=frozenset(w.lower() for w in lines(lang, "age_descriptions.txt")),
        raising_verbs=frozenset(w.lower() for w in lines(lang, "raising_verbs.txt")),
        non_speech_objects=_pairs(lang, "non_speech_objects.tsv"),
        partitives=frozenset(w.lower() for w in lines(lang, "partitives.txt")),
        first_person=frozenset(w.lower() for w in lines(lang, "first_person.txt")),
        block_intros=_alternation(lines(lang, "block_intros.txt")),
        topic_openers=frozenset(w.lower() for w in lines(lang, "topic_openers.txt")),
        office_descriptions={k: tuple(v.split("|")) for k, v in table(lang, "office_descriptions.tsv").items()},
        letter_nouns=frozenset(w.strip() for w in lines(lang, "letter_nouns.txt")),
        address_cues=tuple(w.strip() for w in lines(lang, "address_cues.txt")),
        as_clause_verbs=tuple(w.strip() for w in lines(lang, "as_clause_verbs.txt")),
        issuing_verbs=frozenset(w.strip().lower() for w in lines(lang, "issuing_verbs.txt")),
        as_quote_verbs=frozenset(w.strip().lower() for w in lines(lang, "as_quote_verbs.txt")),
        body_nouns=frozenset(w.lower() for w in lines(lang, "body_nouns.txt")),
        body_member_nouns=frozenset(w.lower() for w in lines(lang, "body_member_nouns.txt")),
        affiliation_verbs=frozenset(w.lower() for w in lines(lang, "affiliation_verbs.txt")),
        description_prepositions=frozenset(w.lower() for w in lines(lang, "description_prepositions.txt")),
        person_noun_endings=tuple(w.strip().lower() for w in lines(lang, "person_noun_endings.txt")),
        agent_noun_endings=tuple(w.strip().lower() for w in lines(lang, "agent_noun_endings.txt")),
        naming_verbs=frozenset(w.lower() for w in lines(lang, "naming_verbs.txt")),
        citing_verbs=frozenset(w.lower() for w in lines(lang, "citing_verbs.txt")),
        reading_verbs=frozenset(w.lower() for w in lines(lang, "reading_verbs.txt")),
        statute_nouns=frozenset(w.lower() for w in lines(lang, "statute_nouns.txt")),
        public_body_nouns=frozenset(w.lower() for w in lines(lang, "public_body_nouns.txt")),
        kin_nouns=table(lang, "kin_nouns.tsv"),
        contrast_adjectives=frozenset(w.lower() for w in lines(lang, "contrast_adjectives.txt")),
        clause_openers=frozenset(w.lower() for w in lines(lang, "clause_openers.txt")),
        self_labels=re.compile(r"\b(?:%s)\s*$" % "|".join(re.escape(p) for p in lines(lang, "self_labels.txt")), re.I),
        program_nouns=frozenset(w.lower() for w in lines(lang, "program_nouns.txt")),
        remark_nouns=frozenset(w.lower() for w in lines(lang, "remark_nouns.txt")),
        continuing_cues=frozenset(w.lower() for w in lines(lang, "continuing_cues.txt")),
        past_as_base=frozenset(w.lower() for w in lines(lang, "past_as_base.txt")),
        term_markers=re.compile(
            r"\b(?:%s)(?:\s+(?:the|a|an))?\s*$" % "|".join(re.escape(p) for p in lines(lang, "term_markers.txt")),
            re.I,
        ),
    )


def _pairs(lang: str, name: str) -> dict[str, frozenset[str]]:
    """A two-column file read as key -> every value given for it."""
    out: dict[str, set[str]] = {}
    for ln in lines(lang, name):
        key, _, value = ln.partition("\t")
        out.setdefault(key.strip().lower(), set()).add(value.strip().lower())
    return {k: frozenset(v) for k, v in out.items()}


def _alternation(phrases: list[str]) -> re.Pattern:
    """One case-insensitive whole-word pattern for a list of phrases, longest first."""
    phrases = sorted(phrases, key=len, reverse=True)
    return re.compile(r"\b(?:%s)\b" % "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases), re.I)

"""The records everyone shares: an analysed article and its quotes, attributions, entities and time expressions."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any, Optional


def iso_date(value: Any) -> Optional[dt.date]:
    """A date from an ISO string ("2021-12-21", a timestamp's first ten characters), a date or a datetime; None for
    nothing; ValueError for anything else."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value).strip()[:10])


SCHEMA_VERSION = "1.1.0"

Span = tuple[int, int]


@dataclass(frozen=True)
class Mention:
    """One place in the text that refers to an entity."""

    text: str
    start: int
    end: int
    kind: str = "name"  # name | pronoun | description | demonym


@dataclass(frozen=True)
class Entity:
    """A person, organisation or place, with every mention clustered under one canonical name."""

    id: str
    name: str
    type: str  # PERSON | ORG | GPE | NORP | LOC | FAC | PRODUCT | EVENT | OTHER
    kind: Optional[str] = None  # media | government | None
    title: Optional[str] = None
    role: Optional[str] = None
    gender: Optional[str] = None
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True)
class Quote:
    """Words in quotation marks (or the content of reported speech) and who said them."""

    text: str
    start: int
    end: int
    kind: str  # direct | partial | direct-unclosed | indirect
    speaker: Optional[str] = None  # canonical name, or the mention when it names no entity
    speaker_id: Optional[str] = None
    speaker_mention: Optional[Mention] = None
    cue: Optional[str] = None
    cue_span: Optional[Span] = None
    attribution: Optional[str] = None  # how the speaker was found: cue | attribution | signature | context | none
    speaker_type: Optional[str] = (
        None  # person | organization | media | government | document | representative | unnamed
    )


@dataclass(frozen=True)
class Attribution:
    """Reported speech or sourcing: content attributed to a source by a cue ("X said that ...")."""

    content: str
    content_spans: tuple[Span, ...]
    source: Optional[str]
    source_type: str  # person | organization | media | government | document | representative | unnamed
    cue: str
    cue_span: Span
    source_id: Optional[str] = None
    source_mention: Optional[Mention] = None
    hedged: bool = False
    # what the cue attributes: speech ("said", "tweeted", a transcript's turn) | act (a speech act with no content
    # clause: "vowed to cut taxes", "called for new tariffs", "accused Y of fraud"; no quotation) | belief ("believes",
    # "hopes") | evidence ("the study found", "polls show") | sourcing ("according to X": credited, no verb saying how)
    cue_kind: str = "speech"


@dataclass(frozen=True)
class NoComment:
    """A source that did not respond or declined to comment."""

    text: str
    start: int
    end: int
    source: Optional[str] = None
    source_id: Optional[str] = None


@dataclass(frozen=True)
class Hedge:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Assertion:
    """A sentence the outlet states in its own voice: no source, cue or quote in it."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class LoadedTerm:
    text: str
    start: int
    end: int
    neutral: str


@dataclass(frozen=True)
class TimeExpr:
    """A time expression with its TimeML-style value, normalised against the publication date."""

    text: str
    start: int
    end: int
    type: str  # DATE | TIME | DURATION | SET
    value: Optional[str]
    granularity: Optional[str] = (
        None  # century | decade | year | quarter | season | month | week | day | time | duration
    )
    mod: Optional[str] = None  # START | MID | END | APPROX | BEFORE | AFTER ...
    signal: Optional[str] = None  # until | since | before | after | by ...
    relative: bool = False  # depends on the publication date (or another event)
    resolved: bool = True  # False when relative and no anchor was available


@dataclass(frozen=True)
class Boilerplate:
    text: str
    start: int
    end: int
    reason: str


@dataclass(frozen=True)
class Signature:
    """What story clustering needs to know of one article, computed from its text alone (provenance/cluster.py):
    plain values, so a store keeps them and a worker process ships them."""

    copy: tuple[int, ...]  # MinHash of word shingles; empty when the text has no words
    topic: tuple[int, ...]  # its salient terms, as sorted 32-bit hashes; empty when too short to join by topic
    keys: tuple[int, ...]  # MinHash of name/number/link keys; empty when too short
    language: str
    # what happened rather than who: sorted 32-bit hashes of its event words (salient terms it does not always
    # capitalise; low bit 0) and its figures (numbers that are not years; low bit 1); empty when too short
    marks: tuple[int, ...] = ()


@dataclass(frozen=True)
class Analysis:
    """Everything reportedly knows about one article. Offsets index `text`."""

    text: str
    published: Optional[str]
    title: Optional[str] = None
    author: Optional[str] = None
    site: Optional[str] = None
    url: Optional[str] = None
    language: str = "en"
    source_format: str = "text"
    boilerplate: tuple[Boilerplate, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    no_comment: tuple[NoComment, ...] = ()
    hedges: tuple[Hedge, ...] = ()
    assertions: tuple[Assertion, ...] = ()
    loaded_terms: tuple[LoadedTerm, ...] = ()
    timexes: tuple[TimeExpr, ...] = ()
    warnings: tuple[str, ...] = ()
    schema_version: str = field(default=SCHEMA_VERSION)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Analysis":
        """The record back from `to_dict()` (or its JSON): `Analysis.from_dict(a.to_dict()) == a`."""

        def span(x) -> Optional[Span]:
            return (x[0], x[1]) if x is not None else None

        def mention(m) -> Optional[Mention]:
            return Mention(**m) if m else None

        return cls(
            **{k: d[k] for k in ("text", "published", "title", "author", "site", "url") if k in d},
            language=d.get("language", "en"),
            source_format=d.get("source_format", "text"),
            boilerplate=tuple(Boilerplate(**b) for b in d.get("boilerplate", ())),
            entities=tuple(
                Entity(**{**e, "mentions": tuple(Mention(**m) for m in e.get("mentions", ()))})
                for e in d.get("entities", ())
            ),
            quotes=tuple(
                Quote(
                    **{**q, "speaker_mention": mention(q.get("speaker_mention")), "cue_span": span(q.get("cue_span"))}
                )
                for q in d.get("quotes", ())
            ),
            attributions=tuple(
                Attribution(
                    **{
                        **a,
                        "content_spans": tuple(span(x) for x in a["content_spans"]),
                        "cue_span": span(a["cue_span"]),
                        "source_mention": mention(a.get("source_mention")),
                    }
                )
                for a in d.get("attributions", ())
            ),
            no_comment=tuple(NoComment(**n) for n in d.get("no_comment", ())),
            hedges=tuple(Hedge(**h) for h in d.get("hedges", ())),
            assertions=tuple(Assertion(**x) for x in d.get("assertions", ())),
            loaded_terms=tuple(LoadedTerm(**x) for x in d.get("loaded_terms", ())),
            timexes=tuple(TimeExpr(**t) for t in d.get("timexes", ())),
            warnings=tuple(d.get("warnings", ())),
            schema_version=d.get("schema_version", SCHEMA_VERSION),
        )

    def entity(self, entity_id: Optional[str]) -> Optional[Entity]:
        return next((e for e in self.entities if e.id == entity_id), None)

"""The JSON API's response models: what each /api endpoint answers, as the OpenAPI document publishes it (and the
API fuzz test checks every response against). Fields a model does not name still pass through (extra="allow")."""

from __future__ import annotations

from typing import Any, Optional

from pydantic import BaseModel, ConfigDict, Field


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Labelled(Open):
    outlet_label: Optional[str] = Field(None, description="the outlet, else the host or file name: never empty")
    title_label: Optional[str] = Field(None, description="the title, else the first words, host or id")


class PageBase(Open):
    limit: int
    offset: int
    next_offset: Optional[int] = Field(None, description="the offset of the next page; null on the last page")


class Cursor(PageBase):
    next: Optional[int] = Field(None, description="pass as `after` for the next page (keyset); null on the last page")


class ArticleItem(Labelled):
    id: int
    title: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[str] = None
    url: Optional[str] = None
    quotes: int
    attributions: int


class ArticlePage(Cursor):
    items: list[ArticleItem]


class QuoteItem(Labelled):
    id: int
    text: str
    kind: str
    speaker: Optional[str] = None
    speaker_mention: Optional[str] = None
    cue: Optional[str] = None
    start_char: int
    end_char: int
    article_id: int
    title: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[str] = None
    url: Optional[str] = None


class QuotePage(Cursor):
    items: list[QuoteItem]


class PersonItem(Labelled):
    name: str
    quotes: int
    articles: int
    first_published: Optional[str] = None
    last_published: Optional[str] = None


class PeoplePage(PageBase):
    items: list[PersonItem]


class Said(Open):
    form: str = Field(description="quote (direct) or reported (an attribution)")
    text: str
    kind: str
    cue: Optional[str] = None
    mention: Optional[str] = None
    start_char: Optional[int] = None
    article_id: int
    title: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[str] = None
    url: Optional[str] = None


class SaidPage(PageBase):
    items: list[Said]


class Person(Open):
    name: str
    variants: list[str]
    mentions: list[str]
    titles: list[str]
    outlets: list[str]
    said: SaidPage


class StoryItem(Open):
    id: int
    size: int
    title: Optional[str] = None
    title_label: str
    origin_id: Optional[int] = None
    origin_outlet: Optional[str] = None
    origin_published: Optional[str] = None
    origin_url: Optional[str] = None
    origin_outlet_label: Optional[str] = None


class StoryPage(PageBase):
    items: list[StoryItem]


class StoryMember(Labelled):
    article_id: int
    relation: str
    parent_article_id: Optional[int] = None
    verbatim: Optional[float] = None
    reworded: Optional[float] = None
    unstored_parent: Optional[str] = None
    score: Optional[float] = None
    why: list[str]
    credits: list[str]
    cites: list[Optional[str]]
    title: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[str] = None
    url: Optional[str] = None
    language: Optional[str] = None


class Coverage(Labelled):
    article_id: int
    shared: float
    title: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[str] = None
    url: Optional[str] = None


class Story(Open):
    id: int
    size: int
    title: Optional[str] = None
    title_label: str
    origin_article_id: Optional[int] = None
    redirected_from: Optional[int] = Field(None, description="the merged id asked for; null when it is this story's")
    articles: list[StoryMember]
    earlier_coverage: list[Coverage]
    cited_outside: dict[str, list[int]]


class Place(Open):
    story_id: int
    relation: str
    parent_article_id: Optional[int] = None
    verbatim: Optional[float] = None
    size: int
    origin_article_id: Optional[int] = None


class AnalysisRecord(Open):
    """The analysis record of docs/output.md (its JSON schema: src/reportedly/schema/)."""

    schema_version: str
    text: str
    published: Optional[str] = None
    title: Optional[str] = None
    author: Optional[str] = None
    site: Optional[str] = None
    url: Optional[str] = None
    language: str
    source_format: str
    quotes: list[dict[str, Any]]
    attributions: list[dict[str, Any]]
    entities: list[dict[str, Any]]
    no_comment: list[dict[str, Any]]
    hedges: list[dict[str, Any]]
    assertions: list[dict[str, Any]]
    loaded_terms: list[dict[str, Any]]
    timexes: list[dict[str, Any]]
    boilerplate: list[dict[str, Any]]
    warnings: list[Any]


class Article(Open):
    id: int
    outlet: Optional[str] = None
    url: Optional[str] = None
    final_url: Optional[str] = None
    fetched_at: Optional[str] = None
    warc_file: Optional[str] = None
    warc_record_id: Optional[str] = None
    story: Optional[Place] = None
    analysis: AnalysisRecord


class Change(Open):
    kind: str
    before: Optional[str] = None
    after: Optional[str] = None
    source_span: Optional[list[int]] = None
    copy_span: Optional[list[int]] = None
    detail: str
    source_sentence: Optional[str] = None
    copy_sentence: Optional[str] = None


class Diff(Open):
    source_title: Optional[str] = None
    copy_title: Optional[str] = None
    aligned: int
    source_sentences: int
    copy_sentences: int
    changes: list[Change]
    kinds: dict[str, int]


class TraceRow(Open):
    article_id: int
    outlet: Optional[str] = None
    published: Optional[str] = None
    title: Optional[str] = None
    sentence: str
    match: float
    form: str = Field(description="direct quote, attribution or unattributed assertion")
    by: Optional[str] = None


class Trace(Open):
    claim: str
    first: Optional[TraceRow] = None
    travelled: str
    items: list[TraceRow]


class SearchItem(Labelled):
    id: int
    title: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[str] = None
    url: Optional[str] = None
    snippet: Optional[str] = None


class SearchPage(PageBase):
    items: list[SearchItem]


class Problem(BaseModel):
    """An error: one line saying what to do, or for bad parameters one line per parameter."""

    detail: str | list[str]

"""`analyze()`: one article (text or HTML) in, one `Analysis` out. The steps, each from its own module:
decode -> extract HTML -> check language -> mark scrape debris -> spaCy pipeline -> assemble the record."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Iterator, Optional, Union

from .errors import BadOptionError, EmptyInputError, UnsupportedLanguageError
from .ingest import clean, decode, html, language
from .models import Analysis
from .rules import load as load_rules

MIN_WORDS = 3


@dataclass(frozen=True)
class Prepared:
    """An article ready for the pipeline: its text, the debris to skip, and its metadata."""

    text: str
    nlp_text: str
    published: Optional[dt.date]
    boilerplate: tuple
    title: Optional[str]
    author: Optional[str]
    site: Optional[str]
    url: Optional[str]
    source_format: str
    warnings: tuple[str, ...]
    language: str = "en"  # another language: stored, not analysed (the pipeline is English-only)


def parse_date(value: Union[str, dt.date, dt.datetime, None]) -> Optional[dt.date]:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise BadOptionError(
            f"publication date {value!r} is not YYYY-MM-DD (for example --published 2021-12-21)"
        ) from None


def prepare(
    source: Union[str, bytes],
    published=None,
    title: Optional[str] = None,
    url: Optional[str] = None,
    encoding: Optional[str] = None,
    lang: str = "en",
    foreign: bool = False,
) -> Prepared:
    """Decode, extract and clean one article without running the model. With `foreign`, an article in another
    language is returned for storing (its `language` set, nothing to analyse) instead of refused."""
    if isinstance(source, bytes):
        text = decode.decode(source, encoding)  # checks the size of the bytes itself
    else:
        decode.check_size(len(source.encode("utf-8", "surrogatepass")))
        text = decode._normalise(source)
    warnings = []
    pub = parse_date(published)
    fmt, author, site = "text", None, None
    if html.looks_like_html(text):
        page = html.extract(text, url=url)
        text, fmt = page.text, "html"
        title = title or page.title
        author, site, url = page.author, page.site, page.url or url
        if pub is None and page.date:
            try:
                pub = parse_date(page.date)
                warnings.append(f"publication date {pub} taken from the page metadata")
            except BadOptionError:
                pass
    if len(text.split()) < MIN_WORDS:
        raise EmptyInputError(f"input holds {len(text.split())} word(s), too little to analyse as an article")
    code, share = language.guess(text)
    if code not in (lang, "und") and foreign:
        note = f"stored without analysis: the article looks {code!r}, and reportedly analyses {lang} text only"
        return Prepared(text, text, pub, (), title, author, site, url, fmt, tuple(warnings) + (note,), code)
    if code not in (lang, "und"):
        raise UnsupportedLanguageError(
            f"the article looks {code!r}, not {lang!r} ({share:.0%} of its words are {code} function words); "
            f"reportedly analyses {lang} text only"
        )
    if code == "und" and len(text.split()) >= 30:
        raise UnsupportedLanguageError(f"the article does not look like {lang} text; reportedly analyses {lang} only")
    rules = load_rules(lang)
    debris = clean.find_boilerplate(text, rules)
    if title is None and fmt == "text":
        head_end = _headline(text)
        title = text[:head_end].strip() or None
    if pub is None:
        warnings.append("no publication date: relative time expressions are left unresolved (use --published)")
    return Prepared(text, clean.mask(text, debris), pub, tuple(debris), title, author, site, url, fmt, tuple(warnings))


def _headline(text: str) -> int:
    from .nlp.entities import headline_end

    return headline_end(text)


def analyze(
    source: Union[str, bytes],
    published=None,
    *,
    title: Optional[str] = None,
    url: Optional[str] = None,
    encoding: Optional[str] = None,
    lang: str = "en",
) -> Analysis:
    """Analyse one article: `source` is its text or HTML (str, or bytes in any common encoding);
    `published` (YYYY-MM-DD or a date) anchors relative time expressions."""
    prep = prepare(source, published, title, url, encoding, lang)
    return next(analyze_prepared([prep], lang=lang))


def analyze_prepared(
    items: Iterable[Prepared], lang: str = "en", batch_size: int = 32, n_process: int = 1
) -> Iterator[Analysis]:
    """Run the pipeline over prepared articles, streaming (spaCy `nlp.pipe`)."""
    from .nlp.pipeline import get_pipeline

    nlp = get_pipeline(lang)
    preps = iter(items)
    pending: list[Prepared] = []

    def docs():
        for p in preps:
            pending.append(p)
            d = nlp.make_doc(p.nlp_text if p.language == lang else "")
            d._.rp_published = p.published
            d._.rp_skip = tuple((b.start, b.end) for b in p.boilerplate)
            yield d

    for doc in nlp.pipe(docs(), batch_size=batch_size, n_process=n_process):
        p = pending.pop(0)
        yield to_analysis(doc, p) if p.language == lang else unanalysed(p)


def unanalysed(p: Prepared) -> Analysis:
    """The record of an article in a language the pipeline does not read: its text, metadata and language."""
    return Analysis(
        text=p.text,
        published=p.published.isoformat() if p.published else None,
        title=p.title,
        author=p.author,
        site=p.site,
        url=p.url,
        language=p.language,
        source_format=p.source_format,
        warnings=p.warnings,
    )


def to_analysis(doc, p: Prepared) -> Analysis:
    return Analysis(
        text=p.text,
        published=p.published.isoformat() if p.published else None,
        title=p.title,
        author=p.author,
        site=p.site,
        url=p.url,
        language="en",
        source_format=p.source_format,
        boilerplate=p.boilerplate,
        entities=doc._.rp_entities,
        quotes=doc._.rp_quotes,
        attributions=doc._.rp_attributions,
        no_comment=doc._.rp_no_comment,
        hedges=doc._.rp_hedges,
        assertions=doc._.rp_assertions,
        loaded_terms=doc._.rp_loaded_terms,
        timexes=doc._.rp_timexes,
        warnings=p.warnings,
    )

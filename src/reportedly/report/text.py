"""A readable terminal report: the article with quotes coloured by speaker, then tables."""

from __future__ import annotations

import textwrap

from ..models import Analysis
from .palette import ANSI_COLOURS, speaker_index

WIDTH = 100


def _c(code: str, s: str, colour: bool) -> str:
    return f"\x1b[{code}m{s}\x1b[0m" if colour else s


def render(a: Analysis, colour: bool = False) -> str:
    out: list[str] = []
    spk = speaker_index(a)
    out.append(_c("1", a.title or "(untitled article)", colour))
    meta = [f"published {a.published or 'unknown'}"] + [x for x in (a.site, a.author, a.url) if x]
    out.append(" · ".join(meta))
    for w in a.warnings:
        out.append(_c("2", f"note: {w}", colour))
    out.append("")
    out.append(_article(a, spk, colour))
    out.append("")
    out.append(_section("Quotes", colour))
    for n, q in enumerate(sorted(a.quotes, key=lambda q: q.start), 1):
        colour_code = ANSI_COLOURS[spk.get(q.speaker or "unknown", 0) % len(ANSI_COLOURS)]
        mention = (
            f" (as “{q.speaker_mention.text}”)" if q.speaker_mention and q.speaker_mention.text != q.speaker else ""
        )
        out.append(
            f"{n:>2}. {_c(colour_code, q.speaker or 'unknown speaker', colour)}{mention} — {q.cue or 'no cue'}"
            f" · {q.kind} · [{q.start}:{q.end}]"
        )
        out.extend(textwrap.wrap(f"“{q.text}”", WIDTH, initial_indent="    ", subsequent_indent="    "))
    out.append("")
    out.append(_section("Attributions", colour))
    for n, at in enumerate(a.attributions, 1):
        hedge = " · hedged" if at.hedged else ""
        kind = "" if at.cue_kind == "speech" else f" · {at.cue_kind}"
        mention = (
            f" (as “{at.source_mention.text}”)" if at.source_mention and at.source_mention.text != at.source else ""
        )
        out.append(f"{n:>2}. {at.source}{mention} [{at.source_type}] — {at.cue}{kind}{hedge}")
        out.extend(textwrap.wrap(at.content, WIDTH, initial_indent="    ", subsequent_indent="    "))
    if a.no_comment:
        out.append("")
        out.append(_section("No comment", colour))
        for nc in a.no_comment:
            out.append(f" - {nc.source or 'unknown'}: {nc.text}")
    if a.hedges:
        out.append("")
        out.append(_section("Hedges", colour))
        for h in a.hedges:
            out.append(f" - “{h.text}” [{h.start}:{h.end}] in: {_sentence_around(a.text, h.start)}")
    out.append("")
    out.append(_section("People and organisations", colour))
    for e in a.entities:
        if e.type not in ("PERSON", "ORG") and not e.kind:
            continue
        extra = ", ".join(x for x in (e.title, e.role, e.kind) if x)
        names = sorted({m.text for m in e.mentions}, key=str.lower)
        out.append(f" - {e.name} [{e.type}]" + (f" — {extra}" if extra else "") + f"; mentions: {', '.join(names)}")
    places = [e.name for e in a.entities if e.type in ("GPE", "LOC", "NORP", "FAC")]
    if places:
        out.append(" - places: " + ", ".join(places))
    out.append("")
    out.append(_section("Time expressions", colour))
    for t in a.timexes:
        sig = f"{t.signal} " if t.signal else ""
        val = t.value if t.value is not None else "unresolved"
        mod = f" ({t.mod})" if t.mod else ""
        out.append(f" - {sig}{t.text} → {val}{mod} [{t.type.lower()}]")
    if a.boilerplate:
        out.append("")
        out.append(_section("Removed scrape debris", colour))
        for b in a.boilerplate:
            out.append(f" - “{b.text}” ({b.reason})")
    if a.loaded_terms:
        out.append("")
        out.append(_section("Loaded words", colour))
        for lt in a.loaded_terms:
            out.append(f" - “{lt.text}” (neutral: {lt.neutral})")
    return "\n".join(out) + "\n"


def _section(name: str, colour: bool) -> str:
    return _c("1;4", name, colour)


def _article(a: Analysis, spk: dict[str, int], colour: bool) -> str:
    pieces, pos = [], 0
    for n, q in enumerate(sorted(a.quotes, key=lambda q: q.start), 1):
        if q.start < pos:
            continue
        pieces.append(a.text[pos : q.start])
        code = ANSI_COLOURS[spk.get(q.speaker or "unknown", 0) % len(ANSI_COLOURS)]
        # without colour, a quote is followed by its number in the table below
        pieces.append(_c(code, a.text[q.start : q.end], colour) if colour else f"{a.text[q.start : q.end]}[{n}]")
        pos = q.end
    pieces.append(a.text[pos:])
    body = "".join(pieces)
    debris = {b.text for b in a.boilerplate}
    paras = [p for p in body.split("\n") if p.strip() and p.strip() not in debris]
    wrapped = []
    for p in paras:
        wrapped.append(p if colour else "\n".join(textwrap.wrap(p, WIDTH)) or p)
    return "\n\n".join(wrapped)


def _sentence_around(text: str, i: int) -> str:
    s = max(text.rfind(". ", 0, i) + 2, text.rfind("\n", 0, i) + 1, 0)
    e = min([x for x in (text.find(". ", i), text.find("\n", i)) if x != -1] or [len(text)])
    return text[s : e + 1].strip()

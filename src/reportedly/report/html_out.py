"""One self-contained HTML page: the article with quotes highlighted by speaker, and side tables.
Article text is untrusted: everything is escaped, the page carries no script and a CSP that forbids one."""

from __future__ import annotations

from html import escape

from ..models import Analysis
from .palette import HTML_COLOURS, speaker_index

CSS = """
body{font:16px/1.55 Georgia,serif;margin:0;color:#1f2937;background:#fafaf9}
main{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,1fr);gap:2rem;max-width:1200px;margin:auto;padding:2rem}
h1{font-size:1.6rem;margin:.2rem 0} .meta{color:#6b7280;font:14px sans-serif}
article p{margin:0 0 1em} mark{padding:0 .1em;border-radius:3px}
mark.q{cursor:help} aside{font:14px/1.4 sans-serif} aside h2{font-size:1rem;border-bottom:1px solid #d6d3d1}
table{border-collapse:collapse;width:100%} td{vertical-align:top;padding:.2rem .3rem;border-bottom:1px solid #e7e5e4}
.debris{color:#9ca3af;text-decoration:line-through} .hedge{border-bottom:2px dotted #dc2626}
.legend span{display:inline-block;padding:0 .4em;margin:.1em;border-radius:3px}
details{margin-top:1rem;font:13px sans-serif;color:#6b7280}
"""


def render(a: Analysis) -> str:
    spk = speaker_index(a)
    colour = {name: HTML_COLOURS[i % len(HTML_COLOURS)] for name, i in spk.items()}
    parts = [
        '<!doctype html><html lang="en"><head><meta charset="utf-8">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        f"<title>{escape(a.title or 'reportedly analysis')}</title><style>{CSS}</style></head><body><main><div>",
        f"<h1>{escape(a.title or '(untitled article)')}</h1>",
        f'<p class="meta">published {escape(a.published or "unknown")}'
        + "".join(f" · {escape(x)}" for x in (a.site, a.author) if x)
        + "</p>",
        '<p class="legend">'
        + "".join(f'<span style="background:{colour[n]}">{escape(n)}</span>' for n in spk)
        + "</p>",
        "<article>",
        _body(a, colour),
        "</article>",
    ]
    if a.boilerplate:
        parts.append(
            "<details><summary>Removed scrape debris</summary><ul>"
            + "".join(f"<li>{escape(b.text)} ({escape(b.reason)})</li>" for b in a.boilerplate)
            + "</ul></details>"
        )
    parts.append("</div><aside>")
    parts.append(
        _table(
            "Quotes",
            ["speaker", "cue", "quote"],
            [(q.speaker or "unknown", q.cue or "", q.text) for q in sorted(a.quotes, key=lambda q: q.start)],
        )
    )
    parts.append(
        _table(
            "Attributions",
            ["source", "type", "cue", "content"],
            [(x.source or "", x.source_type, x.cue, x.content) for x in a.attributions],
        )
    )
    if a.no_comment:
        parts.append(_table("No comment", ["source", "sentence"], [(n.source or "", n.text) for n in a.no_comment]))
    if a.hedges:
        parts.append(_table("Hedges", ["hedge"], [(h.text,) for h in a.hedges]))
    parts.append(
        _table(
            "People and organisations",
            ["name", "type", "title / role", "mentions"],
            [
                (
                    e.name,
                    e.kind or e.type,
                    " · ".join(x for x in (e.title, e.role) if x),
                    ", ".join(sorted({m.text for m in e.mentions})),
                )
                for e in a.entities
                if e.type in ("PERSON", "ORG") or e.kind
            ],
        )
    )
    parts.append(
        _table(
            "Time expressions",
            ["expression", "value"],
            [(f"{t.signal + ' ' if t.signal else ''}{t.text}", t.value or "unresolved") for t in a.timexes],
        )
    )
    parts.append("</aside></main></body></html>")
    return "".join(parts)


def _table(title: str, head: list[str], rows) -> str:
    h = "".join(f"<th>{escape(c)}</th>" for c in head)
    body = "".join("<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in r) + "</tr>" for r in rows)
    return f"<h2>{escape(title)}</h2><table><thead><tr>{h}</tr></thead><tbody>{body}</tbody></table>"


def _body(a: Analysis, colour: dict[str, str]) -> str:
    marks = []
    for q in a.quotes:
        tip = f"{q.speaker or 'unknown'} — {q.cue or 'no cue'} ({q.kind})"
        marks.append(
            (
                q.start,
                q.end,
                f'<mark class="q" style="background:{colour.get(q.speaker or "unknown", "#eee")}"'
                f' title="{escape(tip)}">',
                "</mark>",
            )
        )
    for h in a.hedges:
        marks.append((h.start, h.end, '<span class="hedge" title="hedge">', "</span>"))
    for b in a.boilerplate:
        marks.append((b.start, b.end, '<span class="debris" title="scrape debris">', "</span>"))
    marks.sort(key=lambda m: (m[0], -m[1]))
    out, pos = [], 0
    text = a.text
    for s, e, start_tag, end_tag in marks:
        if s < pos:
            continue
        out.append(escape(text[pos:s]))
        out.append(start_tag + escape(text[s:e]) + end_tag)
        pos = e
    out.append(escape(text[pos:]))
    html = "".join(out)
    return "".join(f"<p>{p}</p>" for p in html.split("\n") if p.strip())

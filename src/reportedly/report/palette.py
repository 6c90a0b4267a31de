"""One colour per speaker, stable within a report."""

from __future__ import annotations

from ..models import Analysis

HTML_COLOURS = (
    "#fde68a",
    "#a7f3d0",
    "#bfdbfe",
    "#fbcfe8",
    "#ddd6fe",
    "#fed7aa",
    "#c7d2fe",
    "#bbf7d0",
    "#fecaca",
    "#e9d5ff",
)
ANSI_COLOURS = ("33", "32", "34", "35", "36", "31", "93", "92", "94", "95")


def speaker_index(analysis: Analysis) -> dict[str, int]:
    """Speakers in order of first quote, each with an index into the palettes."""
    out: dict[str, int] = {}
    for q in sorted(analysis.quotes, key=lambda q: q.start):
        key = q.speaker or "unknown"
        if key not in out:
            out[key] = len(out)
    return out

"""Find scrape debris (share bars, "Advertisement", a lone tag word under the title) in article text."""

from __future__ import annotations

import re

from ..models import Boilerplate
from ..rules import Rules

_WORD = re.compile(r"\w+")
# a markup tag left in scraped text (<a href="...">, <tweet tweet-author="...">)
MARKUP_TAG = re.compile(r"""</?[A-Za-z][\w-]*(?:\s+[\w-]+(?:\s*=\s*(?:"[^"\n]*"|'[^'\n]*'|[^\s>]+))?)*\s*/?>""")


def unmarked(text: str) -> str:
    """`text` with markup tags left in a scraped page (an inline `<a href="...">` link) blanked out, every other
    character where it was: offsets hold, and a link's address is read as no date, name or word of the article."""
    if "<" not in text:
        return text
    return MARKUP_TAG.sub(lambda m: " " * len(m.group()), text)


def lines(text: str):
    """(start, end, line) of every non-empty line."""
    pos = 0
    for ln in text.split("\n"):
        if ln.strip():
            yield pos, pos + len(ln), ln
        pos += len(ln) + 1


def find_boilerplate(text: str, rules: Rules) -> list[Boilerplate]:
    """Lines that are scrape debris, with the reason each was judged so."""
    out = []
    all_lines = list(lines(text))
    for i, (s, e, ln) in enumerate(all_lines):
        stripped = ln.strip()
        lead = len(ln) - len(ln.lstrip())
        reason = None
        if rules.boilerplate.match(stripped):
            reason = "pattern"
        elif i == 1 and _is_tag_line(stripped, all_lines[0][2]):
            reason = "tag under title"
        elif _is_menu_line(stripped):
            reason = "navigation"
        if reason:
            out.append(Boilerplate(stripped, s + lead, s + lead + len(stripped), reason))
        elif (m := rules.debris_prefixes.match(stripped)) is not None:
            prefix = m.group(0).rstrip()
            out.append(Boilerplate(prefix, s + lead, s + lead + len(prefix), "scrape prefix"))
    return out


def _is_tag_line(line: str, title: str) -> bool:
    """A one- or two-word lower-case line right under the title, repeating one of its words ("soleimani")."""
    words = _WORD.findall(line)
    if not 1 <= len(words) <= 2 or line.rstrip()[-1:] in '.!?"”':
        return False
    title_words = {w.lower() for w in _WORD.findall(title)}
    return line == line.lower() and all(w.lower() in title_words for w in words)


def _is_menu_line(line: str) -> bool:
    """Several short items joined by | or • with no sentence in them."""
    parts = [p.strip() for p in re.split(r"\s[|•·]\s", line)]
    return len(parts) >= 3 and all(0 < len(p.split()) <= 3 for p in parts) and not line.rstrip().endswith(".")


def mask(text: str, spans: list[Boilerplate]) -> str:
    """`text` with the debris replaced by spaces, so offsets stay those of the original."""
    if not spans:
        return text
    chars = list(text)
    for b in spans:
        for k in range(b.start, b.end):
            chars[k] = " "
    return "".join(chars)

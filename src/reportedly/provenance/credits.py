"""What a text says about where it came from: agency datelines ("LONDON (Reuters) -"), wire bylines, credit lines
("Source: Variety", "with AFP inputs"), adapted reports ("BBC /Writer Name") and bare source domains. The patterns and
names are data (rules/provenance/); these functions only read them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ..ingest.metadata import url_date  # noqa: F401  (a date in a URL is ingest metadata; used here as cr.url_date)
from ..rules import lines

HEAD = 3000  # credits and datelines sit near the top; a closing "Source: X" line is looked for in the last TAIL chars
TAIL = 400
DATELINE_HEAD = 1500
BYLINE_HEAD = 800


@dataclass(frozen=True)
class Credit:
    """An outlet a text credits, how (dateline | wire-credit | carried | adapted | reported | domain), and whether
    the outlet is a news agency."""

    name: str
    kind: str
    wire: bool


@dataclass(frozen=True)
class _Rules:
    wires: dict[str, str]
    platforms: frozenset[str]
    patterns: tuple[tuple[re.Pattern, str], ...]
    bylines: tuple[re.Pattern, ...]
    flashes: tuple[re.Pattern, ...]
    releases: frozenset[str]


def rule_lines(name: str) -> list[str]:
    """The lines of a file under rules/provenance/, blank lines and # comments left out."""
    return lines("provenance", name)


@lru_cache(maxsize=1)
def rules() -> _Rules:
    wires = {}
    for ln in rule_lines("wires.tsv"):
        alias, _, name = ln.partition("\t")
        wires[alias.strip().lower()] = name.strip()
    patterns = []
    for ln in rule_lines("credits.tsv"):
        pattern, _, kind = ln.rpartition("\t")
        flags = re.I | re.M
        patterns.append((re.compile(pattern, flags), kind.strip()))
    return _Rules(
        wires=wires,
        platforms=frozenset(ln.strip().lower() for ln in rule_lines("platforms.txt")),
        patterns=tuple(patterns),
        bylines=tuple(re.compile(p, re.M) for p in rule_lines("bylines.txt")),
        flashes=tuple(re.compile(p, re.I | re.M) for p in rule_lines("flash_markers.txt")),
        releases=frozenset(_squash(ln) for ln in rule_lines("release_services.txt")),
    )


def _squash(name: str) -> str:
    return re.sub(r"[\s/_-]+", "", name.strip().lower())


def release_service(name: Optional[str]) -> bool:
    """`name` is a press-release distribution service (rules/provenance/release_services.txt): what it dates is an
    organisation's own release."""
    return bool(name) and _squash(name) in rules().releases


def wire_name(name: str) -> Optional[str]:
    """The canonical agency name for `name` ("AP", "the Associated Press" -> "Associated Press"), else None."""
    key = re.sub(r"\s+", " ", name.strip().lower())
    return rules().wires.get(key) or rules().wires.get(re.sub(r"^the ", "", key))


def find_credits(text: str, url: Optional[str] = None) -> list[Credit]:
    """Every outlet the text credits, in order of appearance, each once (the strongest kind kept)."""
    from ..rules import load

    media = load("en")
    found: dict[str, Credit] = {}
    rank = {"dateline": 0, "carried": 1, "adapted": 2, "wire-credit": 3, "domain": 4, "reported": 5}
    for head, part in ((True, text[:HEAD]), (False, text[-TAIL:] if len(text) > HEAD else "")):
        for pattern, kind in rules().patterns:
            for m in pattern.finditer(part):
                raw = m.group("n").strip()
                wire = wire_name(raw)
                if kind == "wire-credit" and raw.lower() == "agencies":
                    name, wire = "agencies", "agencies"
                elif wire is not None:
                    name = wire
                elif kind in ("carried", "adapted", "dateline") and media.is_media_name(raw):
                    name = raw
                else:
                    continue
                if kind == "dateline" and (not head or m.start() > DATELINE_HEAD):
                    continue
                c = Credit(name, kind, wire is not None)
                old = found.get(name)
                if old is None or rank[kind] < rank[old.kind]:
                    found[name] = c
    domain = source_domain(text, url)
    if domain and domain not in found:
        found[domain] = Credit(domain, "domain", False)
    return list(found.values())


def copy_credits(text: str, url: Optional[str] = None) -> list[Credit]:
    """Credits that say the text carries another outlet's copy (all but 'reported ...' mentions)."""
    return [c for c in find_credits(text, url) if c.kind != "reported"]


def dateline_wire(text: str) -> Optional[str]:
    """The agency of a dateline credit near the top ("(Reuters) -"), else None."""
    for pattern, kind in rules().patterns:
        if kind == "dateline":
            for m in pattern.finditer(text[:DATELINE_HEAD]):
                w = wire_name(m.group("n"))
                if w:
                    return w
    return None


def own_dateline(text: str) -> Optional[str]:
    """The outlet of a dateline credit near the top that is not a news agency ("(Newser) –")."""
    for pattern, kind in rules().patterns:
        if kind == "dateline":
            m = pattern.search(text[:DATELINE_HEAD])
            if m is not None and wire_name(m.group("n")) is None:
                return m.group("n").strip()
    return None


def wire_original(text: str) -> bool:
    """A wire story as the agency published it: a named byline and a dateline credit near the top."""
    head = text[:BYLINE_HEAD]
    return any(b.search(head) for b in rules().bylines) and dateline_wire(text) is not None


def flash(text: str) -> bool:
    """An agency flash: a text under an agency's dateline credit that marks itself as the first version of the
    story to be updated ("URGENT: ...", "This is a developing story"; rules/provenance/flash_markers.txt)."""
    return dateline_wire(text) is not None and any(f.search(text) for f in rules().flashes)


def carried_from(text: str, url: Optional[str] = None) -> Optional[tuple[str, str]]:
    """The outlet a text says it was carried from, and how: ("Telegraph", "wire-copy") for a source or credit line,
    ("BBC", "paraphrase") for an outlet's report adapted by a named writer. With the page's `url`, a bare domain line
    of another site at the head or foot of the text ("dailyrecord.co.uk") is a source line too."""
    for c in find_credits(text, url):
        if c.kind in ("carried", "domain"):
            return c.name, "wire-copy"
        if c.kind == "adapted":
            return c.name, "paraphrase"
    return None


_DOMAIN = re.compile(r"^[ \t]*(?:https?://)?(?:www\.)?(?P<d>(?:[a-z0-9-]+\.)+[a-z]{2,6})/?[ \t]*$", re.M | re.I)


def source_domain(text: str, url: Optional[str]) -> Optional[str]:
    """A bare domain line of another site at the head or foot of a page ("dailyrecord.co.uk"): aggregators name
    their source so. Needs the page's own `url`; platform domains under embeds do not count."""
    own = host(url)
    if not own:
        return None
    for part in (text[:1500], text[-300:]):
        for m in _DOMAIN.finditer(part):
            domain = host(m.group("d"))
            if not any(same_site(domain, p) for p in rules().platforms) and not same_site(domain, own):
                return domain
    return None


def same_site(a: str, b: str) -> bool:
    """One site under two host names: "news.x.co.uk" and "x.co.uk"."""
    return a == b or a.endswith("." + b) or b.endswith("." + a)


def host(url: Optional[str]) -> Optional[str]:
    """The host of a URL without "www." and the path: "https://www.x.co.uk/a" -> "x.co.uk"."""
    from ..ingest.metadata import host as url_host

    return url_host(url)

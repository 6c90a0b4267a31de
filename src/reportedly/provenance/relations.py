"""Within a story: align sentences between articles, pick the origin, and label every other article as a wire copy
(near-verbatim) or paraphrase of a parent, or an independent report; edges carry the aligned passages."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional, Sequence

from .features import fold, sentences

VERBATIM = 80.0  # rapidfuzz ratio for "the same sentence" (house style, punctuation and small edits allowed)
REWORDED = 70.0  # ratio for "the same sentence, rewritten"
WIRE_COPY = 0.4  # share of an article's sentences found verbatim in its parent
PARAPHRASE = 0.2  # share found at least reworded
EMBEDDED = 0.85  # cosine of sentence embeddings for "the same sentence, rewritten" (optional extra)
TRIMMED = 97.0  # partial ratio for a sentence copied with its head or tail cut off (a shortened caption or clause)
MIN_TRIMMED_CHARS = 60  # about ten words in a row: shorter runs are stock phrases, not copying
MIN_SENTENCE_CHARS = 25

# credits that mark a text as carried from a wire or another outlet: "(AP) —", "LONDON (Reuters) -", "Source: Variety"
CREDIT = re.compile(
    r"\((?P<a>AP|Reuters|AFP|dpa|ANI|IANS|PTI|Bloomberg|CNN|BBC)\)\s*[-—–:]"
    r"|\bcopyright\b.{0,20}\b(?P<b>Associated Press|Reuters|AFP|Agence France-Presse)"
    r"|\b(?P<d>Associated Press|AP|Reuters|AFP|PA Media|Press Association) (?:reporters?|writers?|contributed)",
    re.I,
)
# a wire's own publication: a named byline ("By PIETRO DE CRISTOFARO and LAURA UNGAR") over a dateline credit
BYLINE = re.compile(r"^\s*By\s+(?!(?:The\s+)?(?:Associated Press|Reuters|AFP)\b)[A-Z][A-Za-z.'’ -]+$", re.M)
DATELINE = re.compile(r"\((?:AP|Reuters|AFP)\)\s*[-—–]")
# "Source: Telegraph, London", a closing "— CNN": the text was carried from that outlet
CARRIED = re.compile(
    r"^\s*(?:source|culled from|credit)\s*:\s*(?P<a>[A-Z][\w.&' -]{1,40}?)\s*(?:,|\[|$)"
    r"|[—–]\s*(?P<b>[A-Z][\w.&' -]{1,30}?)\s*$",
    re.M | re.I,
)
# "BBC /Shakirat Sadiq": an outlet's report adapted by a named writer of the carrying site
ADAPTED = re.compile(r"^\s*(?P<c>[A-Z][\w.&' -]{1,30}?)\s*/\s*[A-Z][a-z]+ [A-Z][a-z]+\s*$", re.M)
# a bare domain line ("dailyrecord.co.uk") at the head or foot of a page on another site: aggregators name the source so
SOURCE_DOMAIN = re.compile(r"^[ \t]*(?:https?://)?(?:www\.)?(?P<d>(?:[a-z0-9-]+\.)+[a-z]{2,6})/?[ \t]*$", re.M | re.I)
# platforms whose bare domain under an embed ("twitter.com", "youtube.com") names where a post lives, not a source text
PLATFORMS = frozenset(
    "twitter.com x.com t.co facebook.com fb.com instagram.com youtube.com youtu.be tiktok.com linkedin.com "
    "reddit.com t.me telegram.me whatsapp.com google.com goo.gl bit.ly pinterest.com flickr.com".split()
)
# an outlet's own dateline credit ("(Newser) –", "(CNN) —"): a text the outlet wrote up under its own name
OWN_DATELINE = re.compile(r"\((?P<name>[A-Z][\w.&' -]{1,30}?)\)\s*[-—–]")
WIRES = {
    "ap": "Associated Press",
    "associated press": "Associated Press",
    "reuters": "Reuters",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "pa": "PA Media",
    "pa media": "PA Media",
    "press association": "PA Media",
}


@dataclass(frozen=True)
class Passage:
    """Two aligned sentences: where in the child, where in the parent, and how alike (0-100)."""

    child: tuple[int, int]
    parent: tuple[int, int]
    score: float


@dataclass
class Node:
    id: str
    relation: str = "independent"  # origin | wire-copy | paraphrase | independent
    parent: Optional[str] = None
    verbatim: float = 0.0  # share of sentences found verbatim in the parent
    reworded: float = 0.0
    credits: list[str] = field(default_factory=list)
    evidence: list[Passage] = field(default_factory=list)


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    published: Optional[str] = None
    outlet: Optional[str] = None
    url: Optional[str] = None


def credits(text: str) -> list[str]:
    """Outlets a text credits as its source ("(AP) —", "Source: Variety")."""
    out = []
    for m in CREDIT.finditer(text[:3000]):
        name = next(g for g in m.groups() if g)
        name = WIRES.get(name.lower().strip(), name.strip())
        if name not in out:
            out.append(name)
    return out


def _sents(text: str, own_words_only: bool = True) -> list[tuple[int, int, str]]:
    """Sentences that can show copying: long enough and, with `own_words_only`, mostly the outlet's own words —
    a sentence that is mostly a quotation shows only that two reports quote the same person."""
    from ..ingest.clean import find_boilerplate, mask
    from ..nlp.quotemarks import find_quoted
    from ..rules import load

    # scrape debris ("Image Credit: ...", repeated ten times in one page) says nothing about who copied whom
    text = mask(text, find_boilerplate(text, load("en")))
    quoted = [(q.start, q.end) for q in find_quoted(text)] if own_words_only else []
    out, seen = [], set()
    for s, e in sentences(text):
        if e - s < MIN_SENTENCE_CHARS:
            continue
        inside = sum(max(0, min(e, qe) - max(s, qs)) for qs, qe in quoted)
        if inside > 0.5 * (e - s):
            continue
        key = fold(text[s:e])
        if key not in seen:
            seen.add(key)
            out.append((s, e, key))
    return out


def align(child: str, parent: str, cs=None, ps=None, cv=None, pv=None) -> list[Passage]:
    """For each sentence of `child`, its best match in `parent` when at least reworded: by characters (a sentence
    found whole inside a longer one counts as copied with a cut), or, given sentence vectors `cv`/`pv` (see
    embed.py), by meaning (cosine >= EMBEDDED; scored as reworded, never verbatim)."""
    from rapidfuzz import fuzz, process

    cs = cs if cs is not None else _sents(child)
    ps = ps if ps is not None else _sents(parent)
    if not cs or not ps:
        return []
    choices = [p[2] for p in ps]
    out = []
    for i, (s, e, t) in enumerate(cs):
        best = process.extractOne(t, choices, scorer=fuzz.ratio, score_cutoff=REWORDED)
        if (best is None or best[1] < VERBATIM) and len(t) >= MIN_TRIMMED_CHARS:
            cut = process.extractOne(t, choices, scorer=fuzz.partial_ratio, score_cutoff=TRIMMED)
            if cut is not None and len(choices[cut[2]]) > len(t):
                best = cut
        if best is not None:
            _, score, k = best
            out.append(Passage((s, e), (ps[k][0], ps[k][1]), round(score, 1)))
        elif cv is not None and pv is not None and len(pv):
            sims = pv @ cv[i]
            k = int(sims.argmax())
            if sims[k] >= EMBEDDED:
                out.append(Passage((s, e), (ps[k][0], ps[k][1]), REWORDED))
    return out


def analyse_story(articles: Sequence[Article], embeddings: bool = False) -> list[Node]:
    """Origin, relation and parent of every article of one story; with `embeddings`, rewrites that keep the
    meaning but few words also count as reworded sentences."""
    sents = {a.id: _sents(a.text) for a in articles}
    # a parent's quotations count: a text that runs a statement as plain prose copies the one that quoted it
    full = {a.id: _sents(a.text, own_words_only=False) for a in articles}
    vec_own = vec_full = {}
    if embeddings:
        from .embed import embed

        vec_own = {i: embed([t for _, _, t in ss]) if ss else None for i, ss in sents.items()}
        vec_full = {i: embed([t for _, _, t in ss]) if ss else None for i, ss in full.items()}
    n_sents = {a.id: max(1, len(sents[a.id])) for a in articles}
    shares: dict[tuple[str, str], tuple[float, float, list[Passage]]] = {}
    for a in articles:
        for b in articles:
            if a.id == b.id:
                continue
            passages = align(a.text, b.text, sents[a.id], full[b.id], vec_own.get(a.id), vec_full.get(b.id))
            verb = sum(p.score >= VERBATIM for p in passages) / n_sents[a.id]
            rew = len(passages) / n_sents[a.id]
            shares[a.id, b.id] = (verb, rew, passages)
    drawn = {
        a.id: sum(
            len(align(b.text, a.text, full[b.id], full[a.id])) / max(1, len(full[b.id]))
            for b in articles
            if b.id != a.id
        )
        for a in articles
    }
    origin = _origin(articles, drawn, shares)
    order = _order(articles, origin, shares)
    by_id = {a.id: a for a in articles}
    origin_wires = set(credits(by_id[origin].text)) & set(WIRES.values())
    nodes = []
    for a in articles:
        node = Node(a.id, credits=credits(a.text))
        if a.id == origin:
            node.relation = "origin"
            nodes.append(node)
            continue
        earlier = [b for b in order[: order.index(a.id)]]
        best = max(earlier, key=lambda b: (shares[a.id, b][0], shares[a.id, b][1]), default=None)
        if best is not None:
            verb, rew, passages = shares[a.id, best]
            node.verbatim, node.reworded = round(verb, 3), round(rew, 3)
            own_wire = _dateline_wire(a.text)
            other_wire = own_wire is not None and own_wire not in credits(by_id[best].text)
            own_name = _own_dateline(a.text)
            rewritten = own_name is not None and own_name != _own_dateline(by_id[best].text)
            if verb >= WIRE_COPY and not rewritten:
                node.relation, node.parent, node.evidence = "wire-copy", best, passages
            elif (verb >= WIRE_COPY or rew >= PARAPHRASE) and not other_wire and _enough(passages):
                # a wire's own dateline story sharing a few sentences with another wire's is its own report; an
                # outlet's own dateline over copied sentences ("(Newser) –") is its rewrite, not a copy
                node.relation, node.parent, node.evidence = "paraphrase", best, passages
        if node.relation == "independent" and not wire_original(a.text) and _same_wire(node.credits, origin_wires):
            # "AP Reporters" under an AP origin: another version of that wire's story, however restyled
            node.relation, node.parent = "wire-copy", origin
        carried = carried_from(a.text, a.url)
        if carried is not None:
            outlet, how = carried
            if (how == "wire-copy" and node.relation != "wire-copy") or node.relation == "independent":
                # it says it carries (or adapts) an outlet's text, and no stored article holds that text verbatim
                node.relation, node.parent, node.evidence = how, None, []
            node.credits = node.credits + [outlet] if outlet not in node.credits else node.credits
        nodes.append(node)
    return nodes


def _enough(passages: Sequence[Passage]) -> bool:
    """Evidence of rewriting: one sentence carried nearly word for word, or two reworded. A single merely similar
    sentence is what two independent reports of one event write ("X won the prize for Y, the committee said")."""
    return any(p.score >= VERBATIM for p in passages) or len(passages) >= 2


def _same_wire(node_credits: Sequence[str], origin_wires: set[str]) -> bool:
    return any(c in origin_wires for c in node_credits)


def _own_dateline(text: str) -> Optional[str]:
    """The outlet named by a dateline credit near the top, when it is not a news agency ("(Newser) –")."""
    m = OWN_DATELINE.search(text[:1500])
    if m is None or m.group("name").lower() in WIRES:
        return None
    return m.group("name").strip()


def carried_from(text: str, url: Optional[str] = None) -> Optional[tuple[str, str]]:
    """The outlet a text says it was carried from, and how: ("Telegraph", "wire-copy") for a source or credit line,
    ("BBC", "paraphrase") for an outlet's report adapted by a named writer. With the page's `url`, a bare domain line
    of another site at the head or foot of the text ("dailyrecord.co.uk") is a source line too."""
    from ..rules import load

    rules = load("en")
    for pattern, how in ((CARRIED, "wire-copy"), (ADAPTED, "paraphrase")):
        for m in pattern.finditer(text):
            name = next(g for g in m.groups() if g).strip()
            if rules.is_media_name(name):
                return name, how
    host = _host(url)
    if host:
        for part in (text[:1500], text[-300:]):
            for m in SOURCE_DOMAIN.finditer(part):
                domain = _host(m.group("d"))
                if not any(_same_site(domain, p) for p in PLATFORMS) and not _same_site(domain, host):
                    return domain, "wire-copy"
    return None


def _same_site(a: str, b: str) -> bool:
    """One site under two host names: "news.x.co.uk" and "x.co.uk"."""
    return a == b or a.endswith("." + b) or b.endswith("." + a)


def _host(url: Optional[str]) -> Optional[str]:
    """The registered part of a URL's host, without "www." and the path: "https://www.x.co.uk/a" → "x.co.uk"."""
    if not url:
        return None
    host = re.sub(r"^[a-z]+://", "", url.strip().lower()).split("/")[0].split(":")[0]
    return host[4:] if host.startswith("www.") else host


def wire_original(text: str) -> bool:
    """A wire story as the wire published it: a named byline and a dateline credit near the top."""
    head = text[:800]
    return bool(BYLINE.search(head) and DATELINE.search(head))


def _dateline_wire(text: str) -> Optional[str]:
    m = DATELINE.search(text[:1500])
    return WIRES.get(m.group(0)[1 : m.group(0).index(")")].lower()) if m else None


def _origin(articles: Sequence[Article], drawn: dict[str, float], shares) -> str:
    """The article the others draw on most, among those that are not themselves a copy of another (mostly found
    verbatim in it, more than it is found in them, or crediting a wire whose own text is stored); a wire's own bylined text counts double, a credit once more;
    ties go to the earliest dated, then the longest."""

    # a wire's own bylined text is stored: the others crediting that wire carry it ("AP Reporters")
    originals = {_dateline_wire(a.text): a.id for a in articles if wire_original(a.text)}

    def copied(a: Article) -> bool:
        if any(originals.get(w, a.id) != a.id for w in credits(a.text)):
            return True
        return any(
            shares[a.id, b.id][0] >= WIRE_COPY and shares[a.id, b.id][0] > shares[b.id, a.id][0] + 0.1
            for b in articles
            if b.id != a.id
        )

    def weight(a: Article) -> tuple:
        bonus = 2.0 if wire_original(a.text) else (1.0 if credits(a.text) else 0.0)
        return (round(drawn[a.id] + bonus, 1), -_date_rank(a), len(a.text))

    eligible = [a for a in articles if not copied(a)] or list(articles)
    return max(eligible, key=weight).id


def _order(articles: Sequence[Article], origin: str, shares) -> list[str]:
    """Origin first, then by date where known, then by how much of the others' own words each holds (sources
    before their copies)."""

    def key(a: Article) -> tuple:
        held = sum(shares[b.id, a.id][1] for b in articles if b.id != a.id)
        return (a.id != origin, _date_rank(a), -held)

    return [a.id for a in sorted(articles, key=key)]


def _date_rank(a: Article) -> int:
    if a.published and re.match(r"\d{4}-\d\d-\d\d", a.published):
        return int(a.published[:10].replace("-", ""))
    return 99999999

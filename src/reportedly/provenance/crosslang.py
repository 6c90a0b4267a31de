"""A copy in another language against its source, by evidence that survives translation (diff.py): the copy's
quotations aligned to the source's by the words the two languages share (names, figures, cognates such as
projet / project, carrière / career), by who speaks and by their order; the sentences of the two aligned the same
way; then, in each aligned pair, the figures, times, days and months and the markers of hearsay compared. Rules
are data: rules/provenance/calendar.tsv, reported_speech.tsv."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from .features import FIGURE, figure, fold, stopwords
from .settings import Settings

S = Settings()  # cross_cognate, cross_quote, cross_sentence, cross_min_words: settings.py

_WORD = re.compile(r"[^\W_]+")  # elisions apart (l'Inter, d'entamer)
# words in quotation marks of the Latin-script languages, within one paragraph: “…”, "…", «…», „…“, »…«
_MARKED = re.compile(
    r"“([^”\n]{3,800})”|\"([^\"\n]{3,800})\"|«\s*([^»\n]{3,800}?)\s*»"
    r"|„([^“”\"\n]{3,800})[“”\"]|»([^«\n]{3,800})«"
)
_CAPITAL = re.compile(r"(?<![\w.])[A-ZÀ-Ý][\w'’-]{2,}")


@dataclass(frozen=True)
class Passage:
    """A quotation (or sentence) of one text: its words, where it is, and who is named around it."""

    text: str
    start: int
    end: int
    speaker: Optional[str] = None


def marked_quotes(text: str) -> list[Passage]:
    """Words in quotation marks of any Latin-script language, of two words or more; a mark that opens a quotation
    no mark closes in its paragraph quotes to the paragraph's end (a page cut mid-quotation)."""
    out = []
    taken = []
    for m in _MARKED.finditer(text):
        g = next(i for i in range(1, 6) if m.group(i) is not None)
        taken.append((m.start(), m.end()))
        _keep(text, m.start(g), m.end(g), out)
    for m in _OPENS.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        end = _unclosed_end(text, m.end())
        if not any(m.end() < a < end for a, _ in taken):
            _keep(text, m.end(), end, out)
            taken.append((m.start(), end))
    # single quotation marks, as British and Australian outlets quote ("Ardern said she 'no longer had enough in the
    # tank' to do the job"): three words or more, apart from every passage marked otherwise (a quotation inside
    # a quotation, or an apostrophe, is none of these)
    for m in _SINGLE.finditer(text):
        if len(m.group(1).split()) >= 3 and not any(a < m.end() and m.start() < b for a, b in taken):
            _keep(text, m.start(1), m.end(1), out)
            taken.append((m.start(), m.end()))
    return sorted(out, key=lambda p: p.start)


# a quotation in single marks: opened after no letter (not "don't", "Kiptum’s"), closed before none ("it’s time"
# goes on), on one line
_SINGLE = re.compile(r"(?<![\w'‘’])['‘](?=\w)([^\n]{3,300}?)(?<=[\w.,!?…])['’](?![\w'‘’])")


def _unclosed_end(text: str, start: int) -> int:
    """Where a quotation no mark closes in its paragraph ends: the paragraph's end or, where the next paragraph
    goes on in lower case (a page that broke a line mid-sentence: "an ambitious club\n\nthat would attract"), the
    closing mark there."""
    end = text.find("\n", start)
    while end >= 0:
        nxt = re.match(r"\n+([^\n]*)", text[end:])
        if not nxt or not nxt.group(1)[:1].islower():
            return end
        close = re.search(r"[”»\"“]", nxt.group(1))
        if close:
            return end + nxt.start(1) + close.start()
        end = text.find("\n", end + nxt.end())
    return len(text)


_OPENS = re.compile(r"[“«„»]|(?:^|(?<=\s))\"(?=\w)", re.M)


def _keep(text: str, start: int, end: int, out: list[Passage]) -> None:
    while start < end and text[start] in " ,":
        start += 1
    while end > start and text[end - 1] in " ,":
        end -= 1
    if len(text[start:end].split()) >= 2:
        out.append(Passage(text[start:end], start, end))


def content_words(text: str) -> list[str]:
    """The words of a text that can carry over into a translation: figures, and words of four letters or more that
    are no function word of any language we know (folded: no accents, lower case)."""
    stops = stopwords()
    return [w for w in (fold(x) for x in _WORD.findall(text)) if w.isdigit() or (len(w) >= 4 and w not in stops)]


_SPELLING = (("ph", "f"), ("th", "t"), ("k", "c"), ("y", "i"), ("ss", "s"))


def spelled(word: str) -> str:
    """A folded word with the spellings that differ between languages for one sound made one (Kaliber / caliber,
    Projekt / project, Philosophie / filosofia)."""
    for a, b in _SPELLING:
        word = word.replace(a, b)
    return word


@lru_cache(maxsize=100_000)
def cognate(a: str, b: str) -> bool:
    """Two folded words that look like one word in two languages: the same, or the same first two letters and alike
    by characters, and of like length (projet / project, carriere / career, trasformare / transform, uniti / united);
    the longer one may be a compound that starts with the other (Karriereschritt / career)."""
    from rapidfuzz import fuzz

    if a == b:
        return True
    if a.isdigit() or b.isdigit():
        return False
    a, b = spelled(a), spelled(b)
    if a[:2] != b[:2]:
        return False
    short, long = sorted((a, b), key=len)
    if len(short) >= S.cross_length * len(long) and fuzz.ratio(a, b) >= S.cross_cognate:
        return True
    return (
        len(short) >= 5 and len(long) >= len(short) + 5 and fuzz.ratio(short, long[: len(short) + 2]) >= S.cross_cognate
    )


def likeness(source: str, copy: str) -> tuple[float, int]:
    """How much of `copy` (0-100) has a counterpart in `source` in another language, and how many of its words do:
    the share of its content words with a cognate there (a copy trims, so the source may hold more)."""
    cw, sw = content_words(copy), set(content_words(source))
    if not cw:
        return 0.0, 0
    hit = sum(any(cognate(w, x) for x in sw) for w in cw)
    return 100.0 * hit / len(cw), hit


def cognate_share(source: str, copy: str) -> float:
    """Share (0-1) of the copy's distinct content words (`content_words`: names, figures, words of four letters or
    more) with a `cognate` anywhere in `source`: how much of a translation survives in its source without a
    dictionary (Aspartam / aspartame, Weltgesundheitsorganisation no, Branca, 2025, carrière / career). Unlike the
    capitalised keys of evidence.key_sequence it counts common nouns too, and text in any script whose words the
    two share as written. Cyrillic is spelt in Latin letters first (evidence.latin: "Зеленский" and "Zelensky" are
    cognates) and digits of any script read as 0-9 ("٢٠٢٣" is 2023); Arabic words stay in their script, so an
    Arabic version shares its figures and any Latin-script names with a Latin-script one, not its words."""
    cw = _cognate_index(copy)[0]
    if not cw:
        return 0.0
    sw, by_head = _cognate_index(source)
    hit = sum(w in sw or any(cognate(w, x) for x in by_head.get(spelled(w)[:2], ())) for w in cw)
    return hit / len(cw)


@lru_cache(maxsize=1024)
def _cognate_index(text: str) -> tuple[frozenset[str], dict[str, tuple[str, ...]]]:
    """A text's distinct content words (romanised) and the same words by the first two letters of their spelling,
    which any cognate of theirs shares (`cognate`): built once per text, though a story compares each version in
    another language with every candidate and each candidate with every such version."""
    words = frozenset(content_words(_romanised(text)))
    by_head: dict[str, list[str]] = {}
    for x in words:
        by_head.setdefault(spelled(x)[:2], []).append(x)
    return words, {k: tuple(v) for k, v in by_head.items()}


def _romanised(text: str) -> str:
    """`text` folded with Cyrillic in Latin letters and every decimal digit as 0-9."""
    import unicodedata

    from .evidence import latin

    return "".join(str(unicodedata.digit(ch)) if ch.isdecimal() else ch for ch in latin(text))


def dice(source: str, copy: str) -> float:
    """Cognate overlap counted on both sides (0-100): of two sources that hold a copy equally, the one nearer its
    length."""
    cw, sw = content_words(copy), content_words(source)
    if not cw or not sw:
        return 0.0
    a = sum(any(cognate(w, x) for x in sw) for w in cw)
    b = sum(any(cognate(w, x) for x in cw) for w in sw)
    return 100.0 * (a + b) / (len(cw) + len(sw))


def names_around(text: str, p: Passage, width: int = 200) -> set[str]:
    """Capitalised words near a quotation and outside it (who speaks: "..., a déclaré Messi", "said Jorge Mas")."""
    before = text[max(0, p.start - width) : p.start]
    after = text[p.end : p.end + width]
    return {w for m in _CAPITAL.finditer(before + " " + after) if (w := fold(m.group(0))) not in stopwords()}


def quote_pool(text: str, quotes: list[Passage], joined: int) -> list[Passage]:
    """The quotations of a text, and each two that follow one another within `joined` characters as one (a copy
    that translates a statement often quotes in one piece what its source broke by a cue)."""
    qs = sorted(quotes, key=lambda q: q.start)
    merged = [
        Passage(f"{a.text} {b.text}", a.start, b.end, a.speaker or b.speaker)
        for a, b in zip(qs, qs[1:])
        if 0 <= b.start - a.end <= joined and (not a.speaker or not b.speaker or a.speaker == b.speaker)
    ]
    return qs + merged


def same_speaker(src_text: str, sq: Passage, cp_text: str, cq: Passage) -> bool:
    """The source's speaker of a quotation is named next to the copy's (by surname); where the source names no
    speaker, the two quotations share a name around them that neither quotes (a name inside the words is what they
    speak of, not who speaks)."""
    theirs = names_around(cp_text, cq)
    if sq.speaker:
        return fold(sq.speaker).split()[-1] in theirs
    inside = set(content_words(sq.text)) | set(content_words(cq.text))
    return bool((names_around(src_text, sq) & theirs) - inside)


def align_quotes(
    src_text: str,
    pool: list[Passage],
    cp_text: str,
    quotes: list[Passage],
    speakers: bool = True,
    taken: Optional[list[tuple[int, int]]] = None,
) -> list[tuple[Passage, Passage, float]]:
    """Each quotation of the copy with the source quotation it translates, one to one: the pairs whose words have
    most counterparts both ways (`dice`: cognates, names, figures), the speaker named next to both adding
    `cross_speaker`, taken best first, each source passage once (`taken`: the spans already given to a quotation);
    kept when at least `cross_min_words` words have a counterpart and the score reaches `cross_quote`. Without
    `speakers` (the source's own sentences, which no one is quoted saying) words alone."""
    taken = taken if taken is not None else []
    scored = []
    for i, cq in enumerate(quotes):
        for j, sq in enumerate(pool):
            share, hit = likeness(sq.text, cq.text)
            if hit < S.cross_min_words:
                continue
            said = speakers and same_speaker(src_text, sq, cp_text, cq)
            score = dice(sq.text, cq.text) + S.cross_speaker * said
            if score >= S.cross_quote:
                scored.append((score, share, -i, -j))
    out, done = [], set()
    for score, _, i, j in sorted(scored, reverse=True):
        sq, cq = pool[-j], quotes[-i]
        if -i in done or any(sq.start < b and a < sq.end for a, b in taken):
            continue
        done.add(-i)
        taken.append((sq.start, sq.end))
        out.append((sq, cq, score))
    return sorted(out, key=lambda p: p[1].start)


def figures(text: str) -> set[str]:
    """The figures of a text, thousands separators gone, and clock times as hh:mm on 24 hours ("1:30 a.m." and
    "01h30" are 01:30, "13h30" 13:30)."""
    out = set()
    for m in _TIME.finditer(text):
        if m.group(4):  # "0530 GMT"
            out.add(f"{m.group(4)}:{m.group(5)}")
            continue
        h, mi = int(m.group(1)), m.group(2)
        ap = (m.group(3) or "").replace(".", "").lower()
        if ap == "pm" and h < 12:
            h += 12
        elif ap == "am" and h == 12:
            h = 0
        out.add(f"{h:02d}:{mi}")
    rest = _TIME.sub(" ", text)
    out |= {figure(m.group(0)) for m in _FIGURES.finditer(rest)}
    return out


_TIME = re.compile(
    r"(?<![\w.:,])(\d{1,2})\s?[:h]\s?(\d\d)(?![\d.,])(?:\s*(a\.?m\.?|p\.?m\.?)(?!\w))?"
    r"|(?<![\w.:,])([01]\d|2[0-3])([0-5]\d)(?=\s*(?:GMT|UTC)\b)",
    re.I,
)


def clock_times(text: str) -> set[str]:
    """The clock times of a text as hh:mm on 24 hours."""
    return {f for f in figures(text) if ":" in f}


_FIGURES = re.compile(rf"(?<![\w.,])(?:{FIGURE})")  # a figure standing alone (features.FIGURE)


@lru_cache(maxsize=1)
def _calendar() -> dict[str, tuple[str, int]]:
    """Folded weekday or month name -> (weekday | month, its number), every language of calendar.tsv."""
    from .credits import rule_lines

    out = {}
    for line in rule_lines("calendar.tsv"):
        _, name, kind, value = line.split("\t")
        out[fold(name)] = (kind, int(value))
    return out


def calendar_words(text: str) -> dict[str, dict[int, str]]:
    """The weekdays and months a text names: kind -> number -> the word as written."""
    cal = _calendar()
    out: dict[str, dict[int, str]] = {}
    for w in _WORD.findall(text):
        for part in (w, w.split("-")[0] + "-feira" if w.lower().endswith("-feira") else w):
            hit = cal.get(fold(part))
            if hit:
                out.setdefault(hit[0], {}).setdefault(hit[1], w)
                break
    return out


@lru_cache(maxsize=1)
def _markers() -> dict[str, dict[str, re.Pattern]]:
    """Language -> kind (hearsay, scope, indirect, superlative) -> pattern, from reported_speech.tsv."""
    from .credits import rule_lines

    words: dict[str, dict[str, list[str]]] = {}
    for line in rule_lines("reported_speech.tsv"):
        lang, word, kind = line.split("\t")
        words.setdefault(lang, {}).setdefault(kind, []).append(word)

    def pattern(ws: list[str]) -> re.Pattern:
        alt = "|".join(
            r"\w+" + re.escape(w[1:]) if w.startswith("*") else re.escape(w) for w in sorted(ws, key=len, reverse=True)
        )
        return re.compile(rf"(?<!\w)(?:{alt})(?!\w)", re.I)

    return {lang: {kind: pattern(ws) for kind, ws in k.items()} for lang, k in words.items()}


def hearsay(text: str, lang: str) -> list[str]:
    """The hedges of `lang` in a text: hearsay ("soll", "aurait", "reportedly"), a claim given as likely only
    ("probablement", "vielleicht"), and a claim narrowed to one among others where a superlative follows ("l'une des
    équipes les plus riches", "one of the richest")."""
    pats = _markers().get(lang, {})
    text = text.replace("’", "'")
    out = [m.group(0) for kind in ("hearsay", "likely") if kind in pats for m in pats[kind].finditer(text)]
    if "scope" in pats and "superlative" in pats:
        for m in pats["scope"].finditer(text):
            after = " ".join(text[m.end() :].split()[:6])
            if pats["superlative"].search(after):
                out.append(m.group(0))
    return out


def likely(text: str, lang: str) -> list[str]:
    """The words of `lang` in a text that give a claim as likely only ("probablement", "vielleicht", "perhaps"):
    the 'likely' markers of reported_speech.tsv."""
    pats = _markers().get(lang, {})
    return [m.group(0) for m in pats["likely"].finditer(text.replace("’", "'"))] if "likely" in pats else []


def reported_speech(text: str, lang: str) -> bool:
    """A sentence giving someone's words as reported speech by its verb's mood (German "Er freue sich ...")."""
    pats = _markers().get(lang, {})
    return bool("indirect" in pats and pats["indirect"].search(text))


def with_speakers(quotes: list[Passage], analysed) -> list[Passage]:
    """Marked quotations with the speaker the analysis gave a quotation at the same place (English texts)."""
    known = [(q.start, q.end, q.speaker) for q in analysed if q.speaker]
    return [
        Passage(p.text, p.start, p.end, next((sp for s, e, sp in known if s < p.end and p.start < e), None))
        for p in quotes
    ]


def reported_sentences(text: str, lang: str, spans: list[tuple[int, int]], quotes: list[Passage]) -> list[Passage]:
    """Sentences that give someone's words as reported speech by their verb's mood and hold no marked quotation
    ("Er freue sich sehr, den nächsten Karriereschritt in Miami zu machen, wird Messi ... zitiert")."""
    return [
        Passage(text[a:b], a, b)
        for a, b in spans
        if reported_speech(text[a:b], lang) and not any(a <= q.start < b for q in quotes)
    ]


def extend(
    src_text: str, cp_text: str, pairs: list[tuple[Passage, Passage, float]], src_quotes: list[Passage],
    quotes: list[Passage], joined: int,
) -> list[tuple[Passage, Passage, float]]:  # fmt: skip
    """Each aligned pair grown on either side by the next quotation within `joined` characters that no pair holds,
    when the two together come nearer the other side's length: a translator who broke one quotation in two
    ("... Projekt weiter ausbauen." Man wolle "zusammenarbeiten, ..."), or one who quotes in one piece what the
    source broke by a cue or a line."""
    used_c = [(cq.start, cq.end) for _, cq, _ in pairs]
    used_s = [(sq.start, sq.end) for sq, _, _ in pairs]
    out = []
    for sq, cq, score in pairs:
        cq = grown(cp_text, cq, quotes, used_c, len(sq.text), joined)
        sq = grown(src_text, sq, src_quotes, used_s, len(cq.text), joined)
        out.append((sq, cq, score))
    return out


def grown(
    text: str, p: Passage, quotes: list[Passage], used: list[tuple[int, int]], target: int, joined: int
) -> Passage:
    """`p` with the quotation after it taken in (see `extend`), or `p`."""
    nxt = next((q for q in sorted(quotes, key=lambda q: q.start) if q.start >= p.end), None)
    if nxt is None or nxt.start - p.end > joined or any(nxt.start < b and a < nxt.end for a, b in used):
        return p
    if abs(1 - (nxt.end - p.start) / target) >= abs(1 - len(p.text) / target):
        return p
    used.append((nxt.start, nxt.end))
    return Passage(text[p.start : nxt.end], p.start, nxt.end, p.speaker)


def align_sentences(source: list[str], copy: list[str]) -> dict[int, int]:
    """copy sentence index -> source sentence index for sentences of two languages alike enough (`dice` of at least
    `cross_sentence`, at least `cross_min_words` words with a counterpart), kept in the order of the
    two texts (a translation keeps its source's order; a pair against it is chance)."""
    pairs = []
    for j, t in enumerate(copy):
        best = None
        for k, s in enumerate(source):
            share, hit = likeness(s, t)
            score = dice(s, t)
            if hit < S.cross_min_words or score < S.cross_sentence:
                continue
            key = (score, share)
            if best is None or key > best[0]:
                best = (key, k)
        if best is not None:
            pairs.append((j, best[1]))
    from .diff import _in_order

    return dict(_in_order(pairs))

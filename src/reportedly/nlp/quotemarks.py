"""Pair quotation marks within paragraphs: straight, curly and mismatched marks, and unclosed quotes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ..ingest.clean import MARKUP_TAG
from .settings import SETTINGS

OPENERS = "“„«"
CLOSERS = "”»"
AMBIGUOUS = '"'
MARKS = set(OPENERS + CLOSERS + AMBIGUOUS)


@dataclass(frozen=True)
class Quoted:
    """Text between a pair of double quotation marks; `close` is None for an unclosed quote."""

    open: int  # offset of the opening mark
    close: Optional[int]  # offset of the closing mark, or None
    start: int  # content start (after the opening mark)
    end: int  # content end (before the closing mark, or end of paragraph)

    @property
    def outer(self) -> tuple[int, int]:
        return self.open, (self.close + 1 if self.close is not None else self.end)


# House styles that write a double quotation mark as two characters: NYT ''...'', AP ``...'', and ’’ or ‘‘ typed for
# ” and “. Each is read as one mark and a space, so offsets stay those of the original text.
TWO_CHAR_MARKS = {"''": ('"', "close"), "``": ('"', "open"), "’’": ("”", "close"), "‘‘": ("“", "open")}


def house_style_marks(text: str) -> str:
    """`text` with each two-character quotation mark replaced by one mark and a space, on the side away from the
    words it quotes (``Yes,'' -> ` "Yes," `); an opener must touch the word after it, a closer the word before it.
    A mark of the ambiguous '' style opens or closes by the same test, and closes only a quote that a two-character
    mark opened earlier in the paragraph (a lone '' after a word is a typo or a prime, not a quotation)."""
    if not any(m in text for m in TWO_CHAR_MARKS):
        return text
    chars = list(text)
    i, n = 0, len(text)
    opened = False
    while i < n - 1:
        pair = text[i : i + 2]
        if text[i] == "\n":
            opened = False
        if pair not in TWO_CHAR_MARKS or (i + 2 < n and text[i + 2] == pair[1]):
            i += 1
            continue
        mark, role = TWO_CHAR_MARKS[pair]
        before = text[i - 1] if i > 0 else " "
        after = text[i + 2] if i + 2 < n else " "
        opens = (before.isspace() or before in "([{—–-/") and not after.isspace()
        closes = not before.isspace() and (after.isspace() or after in ",.;:!?)]}—–-")
        if pair == "''":
            role = "open" if opens else ("close" if closes and opened else "")
        if role == "open" and opens:
            chars[i], chars[i + 1] = " ", mark
            opened = True
        elif role == "close" and closes:
            chars[i], chars[i + 1] = mark, " "
            opened = False
        i += 2
    return "".join(chars)


def _hint(text: str, i: int) -> str:
    """'open', 'close' or '?' from the mark itself and the characters around it."""
    c = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if c in OPENERS:
        # "adversary “Heyman told": a curly opener glued to the next word but used as a closer is common;
        # we only trust the shape when spacing agrees with it
        return "close" if (not before.isspace() and after.isspace()) else "open"
    if c in CLOSERS:
        return "open" if (before.isspace() and not after.isspace() and after not in ",.;:!?") else "close"
    if before.isspace() or before in "([{—–-/":
        return "open" if not after.isspace() else "?"
    if after.isspace() or after in ",.;:!?)]}—–-":
        return "close"
    return "?"


def paragraphs(text: str):
    """(start, end) of each line of `text` with something on it."""
    start = 0
    n = len(text)
    while start < n:
        end = text.find("\n", start)
        if end == -1:
            end = n
        if end > start:
            yield start, end
        start = end + 1


def find_quoted(text: str, run_on: bool = True) -> list[Quoted]:
    """Every quoted stretch in `text`, in order. Marks pair up inside a paragraph; an odd mark out opens an
    unclosed quote that runs to the paragraph end, unless its shape says it closes a quote begun earlier. With
    `run_on`, a quote left open and closed paragraphs later runs over the mark-less paragraphs between (`_run_on`);
    provenance's evidence reads quotes without it, as the copy-graph model was fitted (its leave-one-out numbers
    hold for that reading)."""
    out: list[Quoted] = []
    # a page with no double mark at all that opens a quotation with ' (": 'I am", a paragraph starting 'We ...): the
    # house style of the Daily Mail and others, straight single marks as quotation marks
    straight = not any(c in MARKS for c in text) and _STRAIGHT_OPENING.search(text) is not None
    in_tag = set()
    bare: list[tuple[int, int]] = []  # the paragraphs with no quotation mark, for quotes run on over them
    if "<" in text:
        for m in MARKUP_TAG.finditer(text):
            in_tag.update(i for i in range(m.start(), m.end()) if text[i] in MARKS)
    for ps, pe in paragraphs(text):
        marks = []
        for i in range(ps, pe):
            # a doubled mark (“” or "") is one mark typed twice
            if (
                text[i] in MARKS
                and not _is_inch_mark(text, i)
                and not (marks and marks[-1] == i - 1)
                and i not in in_tag
            ):
                marks.append(i)
        marks = _without_nicknames(text, marks)
        if not marks and text[ps:pe].strip():
            bare.append((ps, pe))
        if not marks:
            # British style: ‘...’ as quotation marks, in a paragraph with no double marks
            whole = None if straight else _whole_line_single(text, ps, pe)
            out += [whole] if whole is not None else _single_quoted(text, ps, pe, straight)
            continue
        hints = [_hint(text, i) for i in marks]
        if len(marks) % 2 == 0:
            pairs = [(marks[k], marks[k + 1]) for k in range(0, len(marks), 2)]
            unclosed = None
            lead_close = None
        else:
            pairs, unclosed, lead_close = _pair_odd(marks, hints)
        if lead_close is not None and not text[ps:lead_close].strip():
            # a lone mark opening the paragraph closes nothing: a block quotation's paragraph mark ("McCrummen
            # reports: / "The first time she had seen him ..."), whose own quotes in marks keep their speakers
            lead_close = None
        if lead_close is not None:
            # a paragraph that opens mid-quote (the quote began in the previous paragraph without a mark); after a
            # speaker's label ("Martin O’Neill: It sounds ...”") the quote is what follows the label
            out += _run_on(text, out, bare, ps) if run_on else []
            start = _after_label(text, ps, lead_close)
            if text[start:lead_close].strip():
                out.append(Quoted(ps, lead_close, start, lead_close))
        for a, b in pairs:
            cs, ce = _strip(text, a + 1, b)
            if ce > cs:
                out.append(Quoted(a, b, cs, ce))
        if unclosed is not None:
            end = pe
            while end > unclosed + 1 and text[end - 1].isspace():
                end -= 1
            if end - unclosed > 1:
                out.append(Quoted(unclosed, None, unclosed + 1, end))
    out.sort(key=lambda q: q.open)
    return out


def _run_on(text: str, out: list[Quoted], bare: list[tuple[int, int]], ps: int) -> list[Quoted]:
    """ "the Spokesman said: "Planning is proceeding ... / What we have to say ... / ... safely."": a quotation
    opened and left open, then closed only paragraphs later, with no mark in the paragraphs between, runs over them:
    each of those paragraphs is quoted too (unclosed, as the first). Only where the latest quote before is the one
    left open, opening as a sentence does (a capital or a digit: not a phrase worked into the reporter's sentence,
    "described the plan as “a disaster ..."), and the paragraphs between are all without marks; at most
    SETTINGS.max_run_on_paragraphs of them."""
    if not out or out[-1].close is not None:
        return []
    first = text[out[-1].start : out[-1].end].lstrip(" \t.\u2026")[:1]
    if not (first.isupper() or first.isdigit()):
        return []  # a phrase worked into the reporter's sentence ("described it as “a disaster ...") is no speech
    between: list[tuple[int, int]] = []  # the bare paragraphs after the open quote: a suffix of `bare`, all before ps
    for a, b in reversed(bare):
        if a < out[-1].end:
            break
        if len(between) == SETTINGS.max_run_on_paragraphs:
            return []
        between.insert(0, (a, b))
    if not between:
        return []
    runs = []
    for a, b in between:
        while b > a and text[b - 1].isspace():
            b -= 1
        runs.append(Quoted(a, None, _skip_space(text, a, b), b))
    return runs


# a nickname between the parts of a name: Marcia "Cia" Price, Dwayne "The Rock" Johnson
_NAME_BEFORE = re.compile(r"[A-Z][\w'’-]*\.? $")
_NICKNAME = re.compile(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}")
_NAME_AFTER = re.compile(r" [A-Z][\w'’-]")


def _without_nicknames(text: str, marks: list[int]) -> list[int]:
    """The marks less the pairs around a nickname, which quote no one: a capitalised word or two in marks, with a
    capitalised name word right before and right after it."""
    out, k = [], 0
    while k < len(marks):
        a = marks[k]
        b = marks[k + 1] if k + 1 < len(marks) else None
        if (
            b is not None
            and _NICKNAME.fullmatch(text, a + 1, b)
            and _NAME_BEFORE.search(text, max(0, a - 30), a)
            and _NAME_AFTER.match(text, b + 1)
        ):
            k += 2
            continue
        out.append(a)
        k += 1
    return out


# a speaker's label opening a paragraph, and a bracketed topic after it: "Alex Ferguson: (On the penalty appeal) "
_LABEL = re.compile(r"[ \t]*[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}:[ \t]+(?:\([^()\n]{1,120}\)[ \t]*)?")


def _after_label(text: str, ps: int, end: int) -> int:
    """Where the words of a paragraph that opens mid-quote begin: after a speaker's label and a bracketed topic,
    when the paragraph opens with them; else at its first non-space character."""
    m = _LABEL.match(text, ps, end)
    return _skip_space(text, m.end() if m else ps, end)


def _pair_odd(marks: list[int], hints: list[str]):
    """Choose which mark stands alone: the last one opens an unclosed quote (the usual case), or the first
    one closes a quote carried over from the previous paragraph; the choice that fits the mark shapes best."""

    def cost(seq_hints, first_role):
        role = first_role
        c = 0
        for h in seq_hints:
            if h != "?" and h != role:
                c += 1
            role = "close" if role == "open" else "open"
        return c

    cost_last = cost(hints, "open")  # pairs then a final opener
    cost_first = cost(hints[1:], "open") + (0 if hints[0] in ("close", "?") else 1)
    if cost_first < cost_last:
        rest = marks[1:]
        return [(rest[k], rest[k + 1]) for k in range(0, len(rest), 2)], None, marks[0]
    body = marks[:-1]
    return [(body[k], body[k + 1]) for k in range(0, len(body), 2)], marks[-1], None


def _whole_line_single(text: str, ps: int, pe: int) -> Optional[Quoted]:
    """A line that is one stretch in single marks, straight or curly ('Those leaving today...' as a sub-heading
    between paragraphs): a quotation, whatever marks the rest of the page uses."""
    s, e = ps, pe
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e - s < 3 or text[s] not in "'‘" or text[e - 1] not in "'’" or (text[s] == "'") != (text[e - 1] == "'"):
        return None
    inner = text[s + 1 : e - 1]
    if any(
        inner[k] in "'‘’" and not (0 < k < len(inner) - 1 and inner[k - 1].isalpha() and inner[k + 1].isalpha())
        for k in range(len(inner))
    ):
        return None  # another mark inside that is no apostrophe: not one stretch
    cs, ce = _strip(text, s + 1, e - 1)
    return Quoted(s, e - 1, cs, ce) if len(text[cs:ce].split()) >= SETTINGS.min_single_words else None


_STRAIGHT_OPENING = re.compile(r"(?:^|\n|[:,] )'[A-Z]")


def _single_quoted(text: str, ps: int, pe: int, straight: bool = False) -> list[Quoted]:
    """Curly single quotes that open after a space or dash and close before a space or punctuation; a ’ between
    two letters is an apostrophe (don’t, Pääbo’s) and never closes. On a page that writes its quotation marks as
    straight single ones (`straight`), ' too, opening before a letter or digit; one that opens the paragraph or
    follows a colon or comma and finds no closer runs to the paragraph's end (British style: a quotation of several
    paragraphs closes only at its last)."""
    opener, closer = ("'", "'") if straight else ("‘", "’")
    out = []
    i = ps
    while i < pe:
        if (
            text[i] in ("‘", opener)
            and (i == ps or not text[i - 1].isalnum())
            and (text[i] == "‘" or (i + 1 < pe and text[i + 1].isalnum()))
        ):
            close = "’" if text[i] == "‘" else closer
            j = i + 1
            while j < pe:
                if text[j] == close and not (j + 1 < pe and text[j + 1].isalpha()) and not text[j - 1].isspace():
                    break
                if text[j] == text[i] and not text[j - 1].isalnum() and j + 1 < pe and not text[j + 1].isspace():
                    j = pe + 1  # a second opener before any closer: not a quotation we can trust
                    break
                j += 1
            if j < pe:
                cs, ce = _strip(text, i + 1, j)
                if len(text[cs:ce].split()) >= SETTINGS.min_single_words:
                    out.append(Quoted(i, j, cs, ce))
                i = j + 1
                continue
            if j == pe and straight and text[i] == "'" and (i == ps or text[i - 2 : i] in (": ", ", ")):
                cs, ce = _strip(text, i + 1, pe)
                if len(text[cs:ce].split()) >= SETTINGS.min_single_words:
                    out.append(Quoted(i, None, cs, ce))
                break
        i += 1
    return out


_SHORT_SINGLE = re.compile(r"(?<![\w\u2019'])([\u2018'])(\w[\w -]*?\w|\w)([\u2019'])(?![\w\u2019'])")


def short_single_quoted(text: str, taken: list[Quoted]) -> list[Quoted]:
    """ "said he is ‘sorry’", "was 'seemingly impossible'": a word or two in single marks, curly or straight, in a
    paragraph with no double marks: too short to be taken for a quotation by itself (`_single_quoted` wants
    `min_single_words`), but one inside someone's reported speech is their words. The caller keeps those only."""
    out = []
    for ps, pe in paragraphs(text):
        if any(text[i] in MARKS for i in range(ps, pe)):
            continue
        for m in _SHORT_SINGLE.finditer(text, ps, pe):
            if (m[1] == "\u2018") != (m[3] == "\u2019"):
                continue  # a curly opener takes a curly closer, a straight one a straight one
            if len(m[2].split()) >= SETTINGS.min_single_words:
                continue
            if any(q.open <= m.start() < q.outer[1] for q in taken):
                continue
            out.append(Quoted(m.start(), m.end() - 1, m.start(2), m.end(2)))
    return out


def _is_inch_mark(text: str, i: int) -> bool:
    """5'11" or a 27" screen: a straight mark right after a digit, followed by a non-letter."""
    if text[i] != '"' or i == 0 or not text[i - 1].isdigit():
        return False
    after = text[i + 1] if i + 1 < len(text) else " "
    return not after.isalpha()


def _skip_space(text: str, s: int, e: int) -> int:
    while s < e and text[s].isspace():
        s += 1
    return s


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in MARKS):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in MARKS):
        e -= 1
    return s, e

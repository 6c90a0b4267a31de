"""A dev set of messy scraped pages for quote attribution: the quote tables of the story clusters' GOLD.md §2, turned
into the shared quotes JSONL (`reportedly eval quotes` reads it).

    python benchmarks/story_quotes.py ../shared/data/stories benchmarks/stories -o stories-quotes.jsonl
    reportedly eval quotes stories-quotes.jsonl [--only direct]

§2 is read as a table (| file | exact quoted text | speaker | cue | type |) or, in the clusters that write it as a
list of pages, as its items ("* **05**", then "D, Speaker ("cue"): `text`"); only English pages, only direct (D) and
partial (P) quotes, typed for the scorer as direct and mixed (a partial quote is the quoted part of a mixed quote, as
GGT annotates it, so `--only direct` scores the D quotes); a quote is placed by searching its exact text in the page
(quotes not found verbatim are counted, named on stderr and left out). A speaker "—" (no speaker) stays empty;
"Name (attributed to ...)" keeps the name. Pages with no D or P quote are not written."""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROW = re.compile(
    r"^\|\s*(?P<file>[^|]+?\.txt)\s*\|\s*`(?P<quote>[^`]+)`\s*\|(?P<speaker>[^|]*)\|(?P<cue>[^|]*)\|(?P<type>[^|]*)\|"
)
KEPT_TYPES = {"D", "P"}
# the clusters whose §2 is a list: "* **05**" (or "* **01** (and **02**, identical)") opens a page's block, and each
# quote is "D, Speaker ("cue"): `text`" (several: "`a` and `b`"); a type without a speaker takes the section's
# default ("the speaker is Liz Truss unless stated")
BLOCK = re.compile(r"^\* \*\*(?P<files>\d\d[^*]*)\*\*(?P<rest>.*)$")
ITEM = re.compile(
    r"(?<![\w/])(?P<type>D/T|D|P)(?:\s*\([^)`]*\))?(?:,\s*(?P<speaker>[^`]*?))?:?\s*(?P<quotes>`[^`]+`(?:,?\s*and\s*`[^`]+`)*)"
)
# "the full statement as 14 D quotes, each wrapped in its own quote marks from `A` to `B`": one D quote a paragraph
RANGE = re.compile(
    r"(?P<n>\d+) D quotes, each wrapped in its own quote marks from\s*`(?P<a>[^`]+)`\s*to\s*`(?P<b>[^`]+)`"
)
NO_SPEAKER = re.compile(r"^(no speaker|speaker cut off|unattributed)", re.I)
SPEAKER_END = re.compile(r",|\(|:|…| via | reading | reporting | presented | from | in (?:19|20)\d\d")
NOT_A_SPEAKER = re.compile(r"^(unclosed|source)\b\s*")  # "D, unclosed: `...`", "P, source The Telegraph: `...`"
OPENING = "\"'\u201c\u2018\u201e\u00ab\u2039"
CLOSING = "\"'\u201d\u2019\u201c\u00bb\u203a"


def place(text: str, quote: str, taken: set[int]) -> int:
    """Where a quote of the table stands in its page: the first occurrence of its text that no earlier quote of the
    page holds, preferring one that stands between quote marks (a page may quote "possible" twice, or use the word
    unquoted in its headline first); -1 when the text is not in the page."""
    hits = [m.start() for m in re.finditer(re.escape(quote), text)]
    free = [at for at in hits if at not in taken]
    marked = [
        at for at in free if at and text[at - 1] in OPENING and text[at + len(quote) : at + len(quote) + 1] in CLOSING
    ]
    if marked or free:
        return (marked or free)[0]
    return hits[0] if hits else -1


# speaker cells that say there is none: "none (nickname)", "unknown (cue cut)", "not stated (subhead)"
NO_SPEAKER_CELL = re.compile(r"^(none|unknown|not stated|no speaker|unattributed)$", re.I)


def speaker_name(cell: str) -> str | None:
    name = re.sub(r"\(.*?\)", "", cell.replace("*", "")).strip(" —-")
    return None if not name or NO_SPEAKER_CELL.match(name) else name


def list_rows(section: str, index: dict) -> list[tuple[str, str, str | None, str, str]]:
    """(file, quote, speaker cell, cue, type) for each quote of a §2 written as a list of pages."""
    default = re.search(r"the speaker is ([^)]+?) unless stated", section)
    by_number = {name[:2]: name for name in index}
    rows = []
    files: list[str] = []
    block: list[str] = []

    def flush():
        text = " ".join(block)
        for m in RANGE.finditer(text):
            for f in files:
                rows.append((f, m["a"] + "\0" + m["b"], default[1] if default else "—", "", "R"))
        text = RANGE.sub("", text)
        for m in ITEM.finditer(text):
            cell = NOT_A_SPEAKER.sub("", (m["speaker"] or "").replace("*", "").strip())
            if NO_SPEAKER.match(cell):
                speaker = "—"
            elif cell:
                speaker = SPEAKER_END.split(cell, 1)[0].strip(' "')
            else:
                speaker = default[1] if default else "—"
            cue = re.search(r'\("([^"]+)"', cell)
            for quote in re.findall(r"`([^`]+)`", m["quotes"]):
                for f in files:
                    rows.append((f, quote, speaker, cue[1] if cue else "", m["type"][:1]))

    for line in section.splitlines():
        m = BLOCK.match(line)
        if m is not None:
            flush()
            head = line.split(":", 1)[0]
            # "* **13, 14, 18 (AFP)**: 18 has ..." says which page has what in words: left out
            numbers = [] if "," in m["files"] else re.findall(r"\*\*(\d\d)\b", head)
            files = [by_number[n] for n in numbers if n in by_number]
            block = [m["rest"]]
        elif line.startswith("  ") and files:
            block.append(line.strip())
        elif line.startswith("* "):
            flush()
            files, block = [], []
    flush()
    return rows


def _paragraph_quotes(folder: Path, row: tuple) -> list[tuple]:
    """A range row ("from `A` to `B`") as one D row for each paragraph from A to B, its quote marks taken off."""
    file, quote, speaker, cue, kind = row
    if kind != "R":
        return [row]
    first, last = quote.split("\0")
    text = (folder / file).read_text(encoding="utf-8")
    a = text.find(first)
    b = text.find(last, a)
    if a == -1 or b == -1:
        return [(file, first, speaker, cue, "D"), (file, last, speaker, cue, "D")]
    paragraphs = [p.strip().strip('"\u201c\u201d').strip() for p in text[a : b + len(last)].split("\n")]
    return [(file, p, speaker, cue, "D") for p in paragraphs if p]


def read_cluster(folder: Path) -> tuple[list[dict], int]:
    """The records of one cluster and the number of quotes not found verbatim in their page."""
    gold = folder / "GOLD.md"
    index = {r["file"]: r for r in json.loads((folder / "index.json").read_text(encoding="utf-8"))}
    section = gold.read_text(encoding="utf-8").split("\n## 2", 1)[-1].split("\n## 3", 1)[0]
    by_file: dict[str, list[dict]] = {}
    missing = 0
    rows = [
        (m["file"], m["quote"], m["speaker"], m["cue"], m["type"].strip()[:1])
        for m in map(ROW.match, section.splitlines())
        if m
    ]
    if not rows:
        rows = list_rows(section, index)
    rows = [r for row in rows for r in _paragraph_quotes(folder, row)]
    for file, quote, speaker, cue, kind in rows:
        if kind not in KEPT_TYPES:
            continue
        meta = index.get(file)
        if meta is None or meta.get("language", "en") != "en":
            continue
        text = (folder / file).read_text(encoding="utf-8")
        taken = {q["quote_start"] for q in by_file.get(file, [])}
        at = place(text, quote, taken)
        if at == -1 and quote.endswith("…"):  # cut by the excerpt: the list marks the cut
            quote = quote.rstrip("…").rstrip()
            at = place(text, quote, taken)
        if at == -1:
            missing += 1
            print(f"not found: {folder.name}/{file}: {quote[:60]!r}", file=sys.stderr)
            continue
        quotes = by_file.setdefault(file, [])
        if any(q["quote_start"] == at for q in quotes):
            continue
        quotes.append(
            {
                "quote": quote,
                "quote_start": at,
                "quote_end": at + len(quote),
                "speaker": speaker_name(speaker),
                "cue": cue.strip() or None,
                # the scorer's types: a partial quote is the quoted part of a mixed quote (GGT), not a direct one
                "type": "direct" if kind == "D" else "mixed",
            }
        )
    records = []
    for name, quotes in sorted(by_file.items()):
        meta = index[name]
        records.append(
            {
                "id": f"{folder.name}/{name}",
                "text": (folder / name).read_text(encoding="utf-8"),
                "dct": _day(meta.get("published")),
                "quotes": quotes,
            }
        )
    return records, missing


def _day(published: str | None) -> str | None:
    """The publication date as the analysis takes it: a month read off a page or its address (YYYY-MM) counts as that
    month's 15th, as `eval stories` counts it (the analysis takes a whole date or none)."""
    if published and re.fullmatch(r"\d{4}-\d\d", published):
        return published + "-15"
    return published


def _clusters(root: Path) -> list[Path]:
    """The cluster folders under `root` that are not held out (a `HELD_OUT` file), or `root` itself when it is one."""
    if (root / "GOLD.md").is_file():
        return [root]
    return [p for p in root.iterdir() if (p / "GOLD.md").is_file() and not (p / "HELD_OUT").is_file()]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("stories", nargs="+", help="folders of story clusters (../shared/data/stories benchmarks/stories)")
    ap.add_argument("-o", "--output", required=True)
    args = ap.parse_args(argv)
    n_records = n_quotes = n_missing = 0
    with open(args.output, "w", encoding="utf-8") as out:
        folders = sorted(p for root in args.stories for p in _clusters(Path(root)))
        for folder in folders:
            records, missing = read_cluster(folder)
            n_missing += missing
            for rec in records:
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n_records += 1
                n_quotes += len(rec["quotes"])
    print(f"{n_records} pages, {n_quotes} quotes; {n_missing} quotes not found verbatim", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

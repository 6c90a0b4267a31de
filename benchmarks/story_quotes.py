"""A dev set of messy scraped pages for quote attribution: the quote tables of the story clusters' GOLD.md §2, turned
into the shared quotes JSONL (`reportedly eval quotes` reads it).

    python benchmarks/story_quotes.py ../shared/data/stories -o stories-quotes.jsonl
    reportedly eval quotes stories-quotes.jsonl

Only clusters whose §2 is a table (| file | exact quoted text | speaker | cue | type |) are read; only English pages,
only direct (D) and partial (P) quotes; a quote is placed by searching its exact text in the page (quotes not found
verbatim are counted and left out). A speaker "—" (no speaker) stays empty; "Name (attributed to ...)" keeps the name."""

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


def speaker_name(cell: str) -> str | None:
    name = re.sub(r"\(.*?\)", "", cell.replace("*", "")).strip(" —-")
    return name or None


def read_cluster(folder: Path) -> tuple[list[dict], int]:
    """The records of one cluster and the number of quotes not found verbatim in their page."""
    gold = folder / "GOLD.md"
    index = {r["file"]: r for r in json.loads((folder / "index.json").read_text(encoding="utf-8"))}
    section = gold.read_text(encoding="utf-8").split("\n## 2", 1)[-1].split("\n## 3", 1)[0]
    by_file: dict[str, list[dict]] = {}
    missing = 0
    for line in section.splitlines():
        m = ROW.match(line)
        if m is None or m["type"].strip()[:1] not in KEPT_TYPES:
            continue
        meta = index.get(m["file"])
        if meta is None or meta.get("language", "en") != "en":
            continue
        text = (folder / m["file"]).read_text(encoding="utf-8")
        at = text.find(m["quote"])
        if at == -1:
            missing += 1
            continue
        quotes = by_file.setdefault(m["file"], [])
        quotes.append(
            {
                "quote": m["quote"],
                "quote_start": at,
                "quote_end": at + len(m["quote"]),
                "speaker": speaker_name(m["speaker"]),
                "cue": m["cue"].strip() or None,
                "type": "direct",
            }
        )
    records = []
    for name, quotes in sorted(by_file.items()):
        meta = index[name]
        records.append(
            {
                "id": f"{folder.name}/{name}",
                "text": (folder / name).read_text(encoding="utf-8"),
                "dct": meta.get("published"),
                "quotes": quotes,
            }
        )
    return records, missing


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("stories", help="the folder of story clusters (../shared/data/stories)")
    ap.add_argument("-o", "--output", required=True)
    args = ap.parse_args(argv)
    n_records = n_quotes = n_missing = 0
    with open(args.output, "w", encoding="utf-8") as out:
        for folder in sorted(p for p in Path(args.stories).iterdir() if (p / "GOLD.md").is_file()):
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

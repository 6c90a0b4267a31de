"""Long texts in pieces: split at paragraph boundaries under spaCy's length limit, then merge the pieces' plain
records back with their offsets into the whole text."""

from __future__ import annotations

from typing import Any, Iterable

OFFSET_KEYS = ("start", "end")
SPAN_KEYS = ("cue_span", "content_spans")
ID_KEYS = ("speaker_id", "source_id")


def split_paragraphs(text: str, max_chars: int) -> list[tuple[int, int]]:
    """(start, end) pieces covering `text`, each at most `max_chars` long, cut after a line break where there is
    one, else after a sentence end or a space (a paragraph longer than a piece), else anywhere."""
    if max_chars <= 0:
        raise ValueError("max_chars must be positive")
    pieces = []
    start, n = 0, len(text)
    while n - start > max_chars:
        limit = start + max_chars
        cut = text.rfind("\n", start, limit) + 1
        if cut <= start:
            cut = max(text.rfind(". ", start, limit - 1) + 2, text.rfind(" ", start, limit) + 1)
        if cut <= start:
            cut = limit
        pieces.append((start, cut))
        start = cut
    pieces.append((start, n))
    return pieces


def shift(record: Any, by: int) -> Any:
    """A plain record (dicts and lists, as kept on a Doc) with every character offset moved by `by`."""
    if isinstance(record, list):
        return [shift(r, by) for r in record]
    if not isinstance(record, dict):
        return record
    out = {}
    for k, v in record.items():
        if k in OFFSET_KEYS and isinstance(v, int):
            out[k] = v + by
        elif k in SPAN_KEYS and v is not None:
            out[k] = [s + by for s in v] if k == "cue_span" else [[s + by, e + by] for s, e in v]
        else:
            out[k] = shift(v, by)
    return out


def merge(pieces: Iterable[tuple[int, dict[str, list]]]) -> dict[str, list]:
    """One set of records from the records of each piece (`(offset of the piece, {field: [records]})`): offsets
    moved into the whole text, entities of the same name and type merged, entity ids renumbered everywhere."""
    merged: dict[str, list] = {}
    by_name: dict[tuple[str, str], dict] = {}
    for offset, fields in pieces:
        rename: dict[str, str] = {}
        for ent in shift(fields.get("entities", []), offset):
            key = (ent["name"].lower(), ent["type"])
            if key in by_name:
                kept = by_name[key]
                kept["mentions"] = kept["mentions"] + ent["mentions"]
                for k in ("title", "role", "gender", "kind"):
                    kept[k] = kept.get(k) or ent.get(k)
            else:
                kept = by_name[key] = {**ent, "id": f"E{len(by_name) + 1}"}
                merged.setdefault("entities", []).append(kept)
            rename[ent["id"]] = kept["id"]
        for name, records in fields.items():
            if name == "entities":
                continue
            for rec in shift(records, offset):
                for k in ID_KEYS:
                    if isinstance(rec, dict) and rec.get(k) is not None:
                        rec[k] = rename.get(rec[k], rec[k])
                merged.setdefault(name, []).append(rec)
    return merged

"""A folder of plain-text articles (the bridge story) with sidecars of every kind, for the metadata tests."""

from __future__ import annotations

import json
from pathlib import Path

BRIDGE = Path(__file__).parent / "fixtures" / "stories" / "bridge-2022"


def write_plain_folder(folder: Path) -> Path:
    """01: a full sidecar; 02: a sidecar with only a URL and a date; 03: a malformed sidecar and a headline on its
    first line; 04: no sidecar and a bare date on its first line (no title, no outlet, no URL)."""
    folder.mkdir(parents=True, exist_ok=True)
    text = {p.name: p.read_text(encoding="utf-8") for p in BRIDGE.glob("*.txt")}
    (folder / "01_wire.txt").write_text(text["01_wire.txt"], encoding="utf-8")
    sidecar = {"title": "Council votes to rebuild bridge", "outlet": "Riverside Wire", "published": "2022-05-02"}
    (folder / "01_wire.json").write_text(json.dumps(sidecar), encoding="utf-8")
    (folder / "02_copy.txt").write_text(text["02_copy.txt"], encoding="utf-8")
    sidecar = {
        "url": "https://www.theguardian.com/uk-news/2022/may/03/bridge",
        "published": "Tue, 03 May 2022 09:00:00 GMT",
    }
    (folder / "02_copy.json").write_text(json.dumps(sidecar), encoding="utf-8")
    (folder / "03_rewrite.txt").write_text(
        "Elm Street bridge to be rebuilt\n\n" + text["03_rewrite.txt"], encoding="utf-8"
    )
    (folder / "03_rewrite.json").write_text('{"title": "unclosed', encoding="utf-8")
    (folder / "04_own.txt").write_text("May 4, 2022\n\n" + text["04_own.txt"], encoding="utf-8")
    return folder


def plain_store(tmp: Path) -> tuple[str, int]:
    """The plain folder ingested into a new SQLite store under `tmp`, stories built: (its URL, its story's id)."""
    from reportedly.provenance.corpus import build_stories
    from reportedly.store import Store
    from reportedly.store.ingest import ingest

    url = str(tmp / "corpus.db")
    with Store(url) as store:
        ingest([str(write_plain_folder(tmp / "folder"))], store)
        story_id = max(build_stories(store), key=lambda s: s["size"])["id"]
    return url, story_id

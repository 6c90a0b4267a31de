"""Score provenance on annotated story clusters (`<dir>/<story>/index.json` + texts): story clustering (pairwise F1,
optionally with unrelated articles mixed in), origin per story, and relation labels."""

from __future__ import annotations

import json
import multiprocessing as mp
import re
from pathlib import Path
from typing import Iterable, Optional, Sequence

from ..errors import DatasetError
from ..provenance.cluster import (
    bound_in_time,
    cluster_signatures,
    copy_edges,
    pairwise_f1,
    signature,
    stories_in_time,
)
from ..provenance.evidence import Article, day_number
from ..provenance.fit import Gold
from ..provenance.settings import Settings

# a stored parent named in an index's `source`: "01_wsvn_ap.txt (stand-in ...)", or "the statement (01)"
_FILE = re.compile(r"\b(\d\d_[\w.-]+?\.txt)\b")
_NUMBER = re.compile(r"\((\d\d)\)")


# a story folder holding this file is a held-out check: skipped when its parent folder is scanned, read only when it
# is named itself (so that nobody fits or tunes on it by running the usual `eval stories <dir>`)
HELD_OUT = "HELD_OUT"


def _story_indexes(root: Path) -> list[Path]:
    """The index of `root` when it is one story's folder, else those of its story folders that are not held out."""
    own = root / "index.json"
    if own.is_file():
        return [own]
    return [idx for idx in root.glob("*/index.json") if not (idx.parent / HELD_OUT).is_file()]


def _story_files(root: Path, story: str, name: str) -> list[Path]:
    """Where `story`'s file `name` may lie under `root`: in `root/story`, or in `root` when it is that story."""
    return [root / story / name] + ([root / name] if root.name == story else [])


def load_stories(roots: str | Path | Sequence[str | Path]) -> dict[str, list[tuple[Article, Gold]]]:
    """Every `<root>/<story>/index.json` with its texts and gold labels, except held-out stories (a `HELD_OUT` file
    in the folder); a root that is itself one story's folder (it holds `index.json`) is that story, held out or not."""
    roots = [roots] if isinstance(roots, (str, Path)) else list(roots)
    indexes = sorted(idx for r in roots for idx in _story_indexes(Path(r)))
    if not indexes:
        raise DatasetError(f"no <story>/index.json under {', '.join(map(str, roots))}")
    out = {}
    for idx in indexes:
        try:
            meta = json.loads(idx.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as e:
            raise DatasetError(f"{idx}: cannot read ({e})") from None
        name = idx.parent.name
        files = {m["file"] for m in meta}
        out[name] = [
            (
                Article(
                    f"{name}/{m['file']}",
                    (idx.parent / m["file"]).read_text(encoding="utf-8"),
                    m.get("published"),
                    m.get("outlet"),
                    m.get("url"),
                    m.get("language"),
                ),
                Gold(m["relation"], _gold_parent(name, m, files), m.get("language") or "en"),
            )
            for m in meta
        ]
    return out


def _gold_parent(story: str, m: dict, files: set[str]) -> Optional[str]:
    if m["relation"] not in ("wire-copy", "paraphrase") or not m.get("source"):
        return None
    src = m["source"]
    hit = _FILE.search(src)
    if hit and hit.group(1) in files and src.startswith(hit.group(1)):
        return f"{story}/{hit.group(1)}"
    num = _NUMBER.search(src)
    if num and src.lower().startswith("the "):
        named = [f for f in files if f.startswith(num.group(1) + "_")]
        if len(named) == 1:
            return f"{story}/{named[0]}"
    return None


def _mid_month(published: Optional[str]) -> Optional[str]:
    """A date as day_number reads it; a month-precision date (YYYY-MM: the month an annotator read off the page)
    counts as that month's 15th."""
    if published and re.fullmatch(r"\d{4}-\d\d", published):
        return published + "-15"
    return published


def unrelated(paths: Iterable[str]) -> list[tuple[str, str, Optional[str]]]:
    """(id, text, publication date or None) of each JSON line: its `published` field (YYYY-MM-DD, or YYYY-MM for a
    month), else a date in its `url`."""
    from ..ingest.metadata import url_date

    out = []
    for p in paths:
        with open(p, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if line.strip():
                    try:
                        rec = json.loads(line)
                    except json.JSONDecodeError:
                        raise DatasetError(f"{p}:{n}: not JSON") from None
                    published = _mid_month(rec.get("published")) or url_date(rec.get("url"))
                    out.append((f"{p}:{rec.get('id', n)}", rec.get("text") or "", published))
    return out


def score(
    roots: str | Path | Sequence[str | Path],
    unrelated_paths: Iterable[str] = (),
    embeddings: bool = False,
    fit_out: Optional[str | Path] = None,
    processes: int = 1,
) -> dict:
    """Clustering with unrelated articles mixed in, then relations, parents, origins and translation links of each
    story, scored leave-one-story-out (the headline: each story by a model fitted on the others) and by the shipped
    model (rules/provenance/model.json, which was fitted on the shared clusters: in-sample there). With `fit_out`,
    a model fitted on every story given is written there. `processes` > 1 fits the leave-one-out folds in that many
    forked processes (the same numbers as one process, in less time)."""
    from ..provenance.fit import fit, judge, model_of, prepare
    from ..provenance.relations import decide
    from ..provenance.settings import fitted

    stories = load_stories(roots)
    others = unrelated(unrelated_paths)
    res = {"stories": len(stories), "articles": sum(len(v) for v in stories.values()), "unrelated": len(others)}
    res["clustering"] = _clustering(stories, others)
    base = Settings()
    prepared = [prepare(name, arts, base) for name, arts in stories.items()]
    # With --fit the in-sample line scores the model just fitted (the one written out), not the old shipped file.
    model = fit(prepared, base) if fit_out else fitted()
    runs = {st.name: (judge(st, n := decide(st.profiles, st.table, model)), n) for st in prepared}
    res["shipped"] = _summary({name: s for name, (s, _) in runs.items()}, runs)
    res["shipped"]["model"] = str(fit_out) if fit_out else "rules/provenance/model.json"
    if len(prepared) >= 2:
        loo = _leave_one_out(prepared, base, processes)
        res["leave_one_out"] = _summary({name: s for name, (s, _) in loo.items()}, loo)
    headline = res.get("leave_one_out", res["shipped"])
    res["headline"] = "leave_one_out" if "leave_one_out" in res else "shipped"
    for key in ("relation_accuracy", "parent_accuracy", "origins_right", "translation_links"):
        res[key] = headline[key]
    if fit_out:
        res["model"] = model_of(model)
        Path(fit_out).write_text(json.dumps(res["model"], indent=1) + "\n", encoding="utf-8")
    return res


# A fold worker's prepared stories and settings: set by the pool's initializer, which a forked worker runs on the
# objects it inherits (nothing is pickled), so each task sends only a story's index.
_WORKER: tuple = ()


def _worker_init(prepared: list, base: Settings) -> None:
    global _WORKER
    _WORKER = (prepared, base)


def _fold(i: int) -> tuple[str, tuple]:
    from ..provenance.fit import fold

    prepared, base = _WORKER
    return prepared[i].name, fold(prepared, i, base)


def _leave_one_out(prepared: list, base: Settings, processes: int) -> dict:
    """fit.leave_one_out, with the folds spread over `processes` forked workers where the platform forks."""
    from ..provenance.fit import leave_one_out

    if processes <= 1 or "fork" not in mp.get_all_start_methods():
        return leave_one_out(prepared, base)
    ctx = mp.get_context("fork")
    with ctx.Pool(min(processes, len(prepared)), initializer=_worker_init, initargs=(prepared, base)) as pool:
        return dict(pool.map(_fold, range(len(prepared)), chunksize=1))


def _clustering(stories: dict, others: list[tuple[str, str, Optional[str]]]) -> dict:
    """Pairwise F1 of story clustering, with stories bounded in time as `build_stories` bounds them; a gold earlier
    source dated weeks before its story is its own story."""
    window = Settings().story_days
    ids = [a.id for arts in stories.values() for a, _ in arts] + [i for i, _, _ in others]
    texts = [a.text for arts in stories.values() for a, _ in arts] + [t for _, t, _ in others]
    days = {a.id: day_number(a.published) for arts in stories.values() for a, _ in arts}
    days.update({i: day_number(d) for i, _, d in others})
    gold_groups = [[i] for i, _, _ in others]
    for arts in stories.values():
        before = set(bound_in_time([a.id for a, _ in arts], days, window)[1])
        apart = {a.id for a, g in arts if g.relation == "earlier-source" and a.id in before}
        gold_groups += [[i] for i in sorted(apart)] + [[a.id for a, _ in arts if a.id not in apart]]
    predicted = []
    sigs = {i: signature(t) for i, t in zip(ids, texts)}
    copied = copy_edges(sigs)
    for group in cluster_signatures(sigs):
        for members, earlier in stories_in_time(group, days, window, copied):
            predicted += [members] + [[e] for e in earlier]
    scope = {a.id for arts in stories.values() for a, _ in arts}
    res = pairwise_f1(predicted, gold_groups, scope)
    separated = [g[0] for g in gold_groups if len(g) == 1 and g[0] in scope]
    alone = {g[0] for g in predicted if len(g) == 1}
    res["earlier_coverage_separated"] = f"{sum(i in alone for i in separated)}/{len(separated)}"
    return res


def _summary(scores: dict, runs: dict) -> dict:
    from ..provenance.fit import Score

    tot = Score()
    per_story = {}
    for name, s in scores.items():
        tot.add(s)
        nodes = runs[name][1]
        per_story[name] = {
            "relation_accuracy": _ratio(s.relations_right, s.relations),
            "parent_accuracy": _ratio(s.parents_right, s.parents),
            "translations": f"{s.translations_right}/{s.translations}",
            "origin_right": s.origin_right,
            "origin": [n.id for n in nodes if n.relation == "origin"],
        }
    return {
        "relation_accuracy": _ratio(tot.relations_right, tot.relations),
        "parent_accuracy": _ratio(tot.parents_right, tot.parents),
        "stored_parent_accuracy": _ratio(tot.stored_parents_right, tot.stored_parents),
        "translation_links": _ratio(tot.translations_right, tot.translations),
        "translations": f"{tot.translations_right}/{tot.translations}",
        "origins_right": sum(s.origin_right for s in scores.values()),
        "per_story": per_story,
        "confusion": dict(sorted(tot.confusion.items(), key=lambda kv: -kv[1])),
    }


def _ratio(a: int, b: int) -> Optional[float]:
    return round(a / b, 4) if b else None


def _norm(text: str) -> str:
    """Lower case with typographic quotes and spaces unified, for finding a checklist phrase in a change."""
    from ..provenance.features import fold

    return " ".join(fold(text).replace("“", '"').replace("”", '"').split())


def change_found(item: dict, changes, sentences: bool) -> bool:
    """Whether a checklist item is among `changes`: one of its kind whose text holds both the item's phrases (with
    `sentences`, the two sentences it was found in count as its text too)."""

    def text(c) -> str:
        parts = (c.before, c.after, c.detail) + ((c.source_sentence, c.copy_sentence) if sentences else ())
        return _norm(" ".join(filter(None, parts)))

    return any(
        c.kind == item["kind"] and all(_norm(p) in text(c) for p in (item["before"], item["after"])) for c in changes
    )


def checklist_diffs(
    roots: str | Path | Sequence[str | Path], items: Sequence[dict], embeddings: bool = False
) -> Iterable[tuple[dict, list]]:
    """Each checklist item with the changes `diff` finds from its source to its copy (each article analysed once;
    articles in another language compared unanalysed: numbers, names and sentences only)."""
    from ..analyze import analyze_prepared, prepare
    from ..provenance.diff import diff

    roots = [roots] if isinstance(roots, (str, Path)) else list(roots)
    cache: dict[str, object] = {}

    def analysed(story: str, name: str):
        key = f"{story}/{name}"
        if key not in cache:
            path = next((p for r in roots for p in _story_files(Path(r), story, name) if p.exists()), None)
            if path is None:
                raise DatasetError(f"{key}: no such file under {', '.join(map(str, roots))}")
            cache[key] = next(analyze_prepared([prepare(path.read_text(encoding="utf-8"), foreign=True)]))
        return cache[key]

    for it in items:
        d = diff(analysed(it["story"], it["source"]), analysed(it["story"], it["copy"]), embeddings=embeddings)
        yield it, d.changes


def score_changes(roots: str | Path | Sequence[str | Path], checklist: str | Path, embeddings: bool = False) -> dict:
    """How many listed meaning changes `diff` finds (kind right, both phrases in the change's text). Articles in
    another language are compared unanalysed (numbers, names and sentences only)."""
    items = json.loads(Path(checklist).read_text(encoding="utf-8"))["changes"]
    found = []
    for it, changes in checklist_diffs(roots, items, embeddings):
        strict = change_found(it, changes, sentences=False)
        hit = change_found(it, changes, sentences=True)
        found.append({**it, "found": hit, "found_strict": strict})
    return {
        "listed": len(items),
        "found": sum(f["found"] for f in found),
        "found_strict": sum(f["found_strict"] for f in found),
        "items": found,
    }


def report(res: dict) -> str:
    c = res["clustering"]
    lines = [
        f"{res['stories']} stories, {res['articles']} articles, {res['unrelated']} unrelated mixed in",
        f"clustering (pairs touching a story article): P {c['p']:.4f} R {c['r']:.4f} F1 {c['f1']:.4f}; "
        f"earlier coverage weeks before its story kept out of it: {c['earlier_coverage_separated']}",
    ]
    for title, key in (
        ("leave-one-story-out (headline)", "leave_one_out"),
        ("model", "shipped"),
    ):
        if key not in res:
            continue
        r = res[key]
        if key == "shipped":
            title = f"model {r['model']} (in-sample on the clusters it was fitted on)"
        lines.append(
            f"{title}: relations {r['relation_accuracy']}  parents {r['parent_accuracy']} "
            f"(stored {r['stored_parent_accuracy']})  origins {r['origins_right']}/{res['stories']}  "
            f"translation links {r['translations']}"
        )
        if key == res["headline"]:
            for name, s in r["per_story"].items():
                lines.append(
                    f"  {name}: relations {s['relation_accuracy']}, parents {s['parent_accuracy']}, "
                    f"translations {s['translations']}, origin {'right' if s['origin_right'] else 'WRONG: '}"
                    + ("" if s["origin_right"] else ", ".join(s["origin"]) or "none")
                )
    if "changes" in res:
        ch = res["changes"]
        lines.append(
            f"meaning changes found {ch['found']}/{ch['listed']} (kind right, both phrases in the change or the two "
            f"sentences it was found in); {ch['found_strict']} with both phrases in the change's own text"
        )
        lines += [
            f"  missed: {i['copy']} {i['kind']} {i['before']!r} -> {i['after']!r}"
            for i in ch["items"]
            if not i["found"]
        ]
    return "\n".join(lines)

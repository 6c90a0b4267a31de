"""Score quote extraction and attribution on the shared JSONL format (metrics of data/quotes/score.py:
exact, loose, overlap, gold-coverage >0.3 / >0.8 matching; attribution accuracy; end-to-end)."""

from __future__ import annotations

import re
import unicodedata
from typing import Callable, Optional

from ..models import Analysis
from ..nlp.quotemarks import TWO_CHAR_MARKS
from ..nlp.settings import SETTINGS

DOUBLE_QUOTES = set('"\u201c\u201d\u201e\u00ab\u00bb')
OPEN_QUOTES = set('"\u201c\u201e\u00ab')
PUNCT = set(",.;:!?()[]\u2014\u2013-\u2026")
TRIM = " \t\r\n\"'\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb,.;:!?\u2014\u2013-\u2026"
TITLES = set(
    """mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend fr father sister brother rabbi imam
pastor bishop archbishop cardinal pope sen senator rep representative congressman congresswoman gov governor lt
president vice prime minister premier chancellor secretary deputy assistant attorney general gen col capt captain maj
major sgt sergeant cpl adm admiral commander cmdr chief officer detective inspector constable judge justice mayor
councillor councilman councilwoman alderman ambassador king queen prince princess sheikh spokesman spokeswoman
spokesperson former acting interim then state federal u.s us uk""".split()
)
DETERMINERS = {"the", "a", "an", "this", "that"}
SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "phd", "md", "esq"}


# ------------------------------------------------------------------------------------------ predictions

# what each `--scope` predicts of the attributions, by their cue kind (models.Attribution.cue_kind): `all` is every
# attribution (PolNeAR's guidelines: beliefs, intentions and findings too); `speech` what someone said or wrote, as
# datasets of quotations annotate it (GGT: direct, mixed and indirect quotes), "according to X" included; a speech act
# with no content clause (`act`: "vowed to cut taxes", "accused Y of fraud") is no quotation, so not in `speech`
SCOPES: dict[str, Optional[frozenset[str]]] = {"all": None, "speech": frozenset(("speech", "sourcing"))}


def in_scope(cue_kind: str, scope: str = "all") -> bool:
    kinds = SCOPES[scope]
    return kinds is None or cue_kind in kinds


def predictions(record_id: str, a: Analysis, with_attributions: bool = True, scope: str = "all") -> dict:
    """One prediction record: every quote, plus the content of reported speech not already quoted (only the
    attributions whose cue kind `scope` keeps)."""
    quotes = []
    taken: list[tuple[int, int]] = []
    for group in _one_cue_runs(sorted((q for q in a.quotes if q.kind != "partial"), key=lambda q: q.start), a.text):
        q = group[0]  # partial quotes are scored through the attribution that holds them
        if len(group) == 1:
            quotes.append(_pred(q.start, q.end, a.text, q.speaker, q.speaker_mention, q.cue, "direct"))
        else:
            s, e = with_marks(a.text, q.start, q.end)[0], with_marks(a.text, group[-1].start, group[-1].end)[1]
            quotes.append(_pred(s, e, a.text, q.speaker, q.speaker_mention, q.cue, "mixed"))
        taken.append((q.start, group[-1].end))
    partials = [q for q in a.quotes if q.kind == "partial"]
    if with_attributions:
        for at in a.attributions:
            if not in_scope(at.cue_kind, scope):
                continue
            s, e = _clear_of(a.text, at.content_spans[0][0], at.content_spans[-1][1], taken, at.cue_span)
            if s is None:
                continue
            s, e = _with_partials(a.text, s, e, partials)
            quotes.append(_pred(s, e, a.text, at.source, at.source_mention, at.cue, None, at.cue_kind))
            taken.append((s, e))
    for q in partials:
        # a partial quote sharing even one character with emitted speech is part of it, not a second quote
        if not any(ts < q.end and q.start < te for ts, te in taken):
            quotes.append(_pred(q.start, q.end, a.text, q.speaker, q.speaker_mention, q.cue, "direct"))
            taken.append((q.start, q.end))
    return {"id": record_id, "quotes": quotes}


def _clear_of(
    text: str, s: int, e: int, taken: list[tuple[int, int]], cue: Optional[tuple[int, int]] = None
) -> tuple[Optional[int], int]:
    """The content cut short before a quotation already emitted that the parser ran it into ("said the plan was
    dead, and a spokesman replied, “...”"); None when what is left is no claim, or holds the cue itself ("As for
    the network's bent, he said, ''...''": the parser took the fronted phrase and the quote for the content)."""
    hits = [(ts, te) for ts, te in taken if ts < e and s < te]
    if not hits:
        return s, e
    first = min(ts for ts, _ in hits)
    if first <= s:
        return None, e
    e = first
    while e > s and (text[e - 1].isspace() or text[e - 1] in TRIM):
        e -= 1
    if cue is not None and s <= cue[0] < e:
        return None, e
    return (s, e) if len(text[s:e].split()) >= SETTINGS.min_content_tokens else (None, e)


def _one_cue_runs(quotes: list, text: str = "") -> list[list]:
    """Quotes in a row that one cue before them all introduces ("called the senator a “nasty guy,” an “anchor baby”
    and “unstable”"): the datasets annotate them as one mixed quote. Not across a line break: the paragraphs of a
    letter introduced once ("Here are excerpts from his email") are quotes each."""
    runs: list[list] = []
    for q in quotes:
        prev = runs[-1][-1] if runs else None
        if (
            prev is not None
            and q.cue_span is not None
            and q.cue_span == prev.cue_span
            and q.cue_span[1] <= runs[-1][0].start
            and "\n" not in text[prev.end : q.start]
        ):
            runs[-1].append(q)
        else:
            runs.append([q])
    return runs


def _with_partials(text: str, s: int, e: int, partials) -> tuple[int, int]:
    """Reported speech widened over the partial quotes it holds, marks included: the content of "said the plan was
    “a disaster.”" ends after the closing mark, where the parser's clause stopped before it."""
    for q in partials:
        if q.start < e and s < q.end:
            qs, qe = with_marks(text, q.start, q.end)
            s, e = min(s, qs), max(e, qe)
    return s, e


def with_marks(text: str, s: int, e: int) -> tuple[int, int]:
    """The span widened to the quotation marks around it, as the datasets annotate direct quotes."""
    i = s
    while i > 0 and text[i - 1] == " ":
        i -= 1
    if text[max(0, i - 2) : i] in TWO_CHAR_MARKS:
        s = i - 2
    elif i > 0 and text[i - 1] in DOUBLE_QUOTES:
        s = i - 1
    j = e
    while j < len(text) and text[j] == " ":
        j += 1
    if text[j : j + 2] in TWO_CHAR_MARKS:
        e = j + 2
    elif j < len(text) and text[j] in DOUBLE_QUOTES:
        e = j + 1
    return s, e


def _pred(s, e, text, speaker, mention, cue, qtype, cue_kind="speech") -> dict:
    if qtype == "direct":
        s, e = with_marks(text, s, e)
    rec = {
        "quote": text[s:e],
        "quote_start": s,
        "quote_end": e,
        "speaker": mention.text if mention else speaker,
        "speaker_ref": speaker,
        "cue": cue,
        "cue_kind": cue_kind,
        "type": qtype or quote_type(text[s:e]),
    }
    if mention is not None:
        rec["speaker_start"], rec["speaker_end"] = mention.start, mention.end
    return rec


# ---------------------------------------------------------------------------------------------- scoring


def quote_type(span: str) -> str:
    s = span.strip()
    if not any(c in DOUBLE_QUOTES for c in s):
        return "indirect"
    inside = False
    for c in s:
        if c in DOUBLE_QUOTES:
            inside = not inside
        elif not inside and not c.isspace() and c not in PUNCT:
            return "mixed"
    return "direct" if s[:1] in OPEN_QUOTES else "mixed"


def name_tokens(name: str | None) -> list[str]:
    if not name:
        return []
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = re.split(r"[,;(\u2014\u2013]| - ", s)[0]
    s = re.sub(r"['\u2019]s\b", "", s)
    toks = [t.replace(".", "") for t in re.findall(r"[\w]+(?:[.'\u2019-][\w]+)*", s)]
    full = toks
    while toks and (toks[0] in DETERMINERS or toks[0] in TITLES):
        toks = toks[1:]
    while toks and toks[-1] in SUFFIXES:
        toks = toks[:-1]
    return toks or full


def names_match(a: str | None, b: str | None) -> bool:
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    if ta == tb:
        return True
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if long_[-len(short) :] == short:
        return True
    return len(short) >= 2 and short[0] == long_[0] and short[-1] == long_[-1]


def speaker_right(g: dict, p: dict) -> bool:
    g_names = [x for x in (g.get("speaker"), g.get("speaker_ref")) if x]
    p_names = [x for x in (p.get("speaker"), p.get("speaker_ref")) if x]
    if not g_names:
        return not p_names
    if not p_names:
        return False
    gs, ge, ps, pe = g.get("speaker_start"), g.get("speaker_end"), p.get("speaker_start"), p.get("speaker_end")
    if None not in (gs, ge, ps, pe) and max(gs, ps) < min(ge, pe):
        return True
    return any(names_match(x, y) for x in g_names for y in p_names)


def _overlap(g: dict, p: dict) -> int:
    return max(0, min(g["quote_end"], p["quote_end"]) - max(g["quote_start"], p["quote_start"]))


def _coverage(threshold: float) -> Callable[[dict, dict], float]:
    def key(g, p):
        n = g["quote_end"] - g["quote_start"]
        c = _overlap(g, p) / n if n > 0 else 0
        return c if c > threshold else 0

    return key


def _loose(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in TRIM:
        s += 1
    while e > s and text[e - 1] in TRIM:
        e -= 1
    return s, e


def match(golds: list[dict], preds: list[dict], key) -> list[tuple[int, int]]:
    """One-to-one pairs maximising key(g, p) > 0, greedily, largest key first."""
    cands = sorted(
        ((k, i, j) for i, g in enumerate(golds) for j, p in enumerate(preds) if (k := key(g, p)) > 0),
        key=lambda c: (-c[0], c[1], c[2]),
    )
    used_g, used_p, pairs = set(), set(), []
    for _, i, j in cands:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return pairs


def _types(quotes: list[dict], text: str) -> list[str]:
    return [
        q.get("type") or quote_type(text[q["quote_start"] : q["quote_end"]] if text else q.get("quote", ""))
        for q in quotes
    ]


def _restrict(gq, pq, text, only):
    if only is None:
        return gq, pq
    gt, pt = _types(gq, text), _types(pq, text)
    keep_g = [g for g, t in zip(gq, gt) if t == only]
    other_g = [g for g, t in zip(gq, gt) if t != only]
    keep_p = [
        p
        for p, t in zip(pq, pt)
        if t == only and not (not any(_overlap(g, p) for g in keep_g) and any(_overlap(g, p) for g in other_g))
    ]
    return keep_g, keep_p


def prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else (1.0 if n_gold == 0 else 0.0)
    r = tp / n_gold if n_gold else (1.0 if n_pred == 0 else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": tp}


def score(gold: dict[str, dict], pred: dict[str, dict], only: str | None = None) -> dict:
    tot = dict.fromkeys(("gold", "pred", "exact", "loose", "overlap", "cov30", "cov80", "attr_ok", "attr_ok_exact"), 0)
    for rid, grec in gold.items():
        text = grec.get("text", "")
        gq, pq = _restrict(grec.get("quotes", []), pred.get(rid, {}).get("quotes", []), text, only)
        tot["gold"] += len(gq)
        tot["pred"] += len(pq)
        ex = match(gq, pq, lambda g, p: int((g["quote_start"], g["quote_end"]) == (p["quote_start"], p["quote_end"])))
        tot["exact"] += len(ex)
        tot["attr_ok_exact"] += sum(speaker_right(gq[i], pq[j]) for i, j in ex)
        tot["loose"] += len(
            match(
                gq,
                pq,
                lambda g, p: int(
                    _loose(text, g["quote_start"], g["quote_end"]) == _loose(text, p["quote_start"], p["quote_end"])
                ),
            )
        )
        ov = match(gq, pq, _overlap)
        tot["overlap"] += len(ov)
        tot["attr_ok"] += sum(speaker_right(gq[i], pq[j]) for i, j in ov)
        tot["cov30"] += len(match(gq, pq, _coverage(0.3)))
        tot["cov80"] += len(match(gq, pq, _coverage(0.8)))
    res = {"records": len(gold), "only": only, "gold_quotes": tot["gold"], "pred_quotes": tot["pred"]}
    for k in ("exact", "loose", "overlap", "cov30", "cov80"):
        res[k] = prf(tot[k], tot["pred"], tot["gold"])
    res["attribution_accuracy"] = round(tot["attr_ok"] / tot["overlap"], 4) if tot["overlap"] else None
    res["e2e"] = prf(tot["attr_ok"], tot["pred"], tot["gold"])
    res["e2e_exact"] = prf(tot["attr_ok_exact"], tot["pred"], tot["gold"])
    return res


def report(res: dict) -> str:
    lines = [
        f"records {res['records']}  gold quotes {res['gold_quotes']}  pred quotes {res['pred_quotes']}"
        + (f"  [only {res['only']}]" if res["only"] else "")
        + (f"  [scope {res['scope']}]" if res.get("scope", "all") != "all" else "")
        + ("  [predicted: quotation marks only]" if res.get("direct_only") else "")
    ]
    lines.append("%-22s %7s %7s %7s %7s" % ("", "P", "R", "F1", "TP"))
    for k, label in (
        ("exact", "extraction exact"),
        ("loose", "extraction loose"),
        ("overlap", "extraction overlap"),
        ("cov30", "extraction cov>0.3"),
        ("cov80", "extraction cov>0.8"),
        ("e2e", "end-to-end (overlap)"),
        ("e2e_exact", "end-to-end (exact)"),
    ):
        m = res[k]
        lines.append("%-22s %7.4f %7.4f %7.4f %7d" % (label, m["p"], m["r"], m["f1"], m["tp"]))
    acc = res["attribution_accuracy"]
    lines.append("attribution accuracy  %s on overlap matches" % ("n/a" if acc is None else "%.4f" % acc))
    return "\n".join(lines)

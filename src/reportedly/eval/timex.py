"""Score time expressions TempEval-3 style: relaxed (any overlap) and strict (same extent) matching, value and
type accuracy over relaxed matches, value F1 = relaxed F1 x value accuracy."""

from __future__ import annotations

from ..models import Analysis
from .quotes import match, prf


def predictions(record_id: str, a: Analysis) -> dict:
    return {
        "id": record_id,
        "timexes": [
            {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value} for t in a.timexes
        ],
    }


def score(gold: dict[str, dict], pred: dict[str, dict]) -> dict:
    n_gold = n_pred = strict = relaxed = value_ok = type_ok = 0
    for rid, grec in gold.items():
        gt = grec.get("timexes", [])
        pt = pred.get(rid, {}).get("timexes", [])
        n_gold += len(gt)
        n_pred += len(pt)
        strict += len(match(gt, pt, lambda g, p: int((g["start"], g["end"]) == (p["start"], p["end"]))))
        pairs = match(gt, pt, lambda g, p: max(0, min(g["end"], p["end"]) - max(g["start"], p["start"])))
        relaxed += len(pairs)
        value_ok += sum(_same_value(gt[i].get("value"), pt[j].get("value")) for i, j in pairs)
        type_ok += sum(gt[i].get("type") == pt[j].get("type") for i, j in pairs)
    res = {
        "records": len(gold),
        "gold": n_gold,
        "pred": n_pred,
        "strict": prf(strict, n_pred, n_gold),
        "relaxed": prf(relaxed, n_pred, n_gold),
    }
    res["value_accuracy"] = round(value_ok / relaxed, 4) if relaxed else None
    res["type_accuracy"] = round(type_ok / relaxed, 4) if relaxed else None
    res["value"] = prf(value_ok, n_pred, n_gold)
    return res


def _same_value(g, p) -> bool:
    return g is not None and p is not None and str(g).upper() == str(p).upper()


def report(res: dict) -> str:
    lines = [
        f"records {res['records']}  gold timexes {res['gold']}  predicted {res['pred']}",
        "%-18s %7s %7s %7s %7s" % ("", "P", "R", "F1", "TP"),
    ]
    for k, label in (("strict", "extent strict"), ("relaxed", "extent relaxed"), ("value", "value")):
        m = res[k]
        lines.append("%-18s %7.4f %7.4f %7.4f %7d" % (label, m["p"], m["r"], m["f1"], m["tp"]))
    lines.append(f"value accuracy {res['value_accuracy']}  type accuracy {res['type_accuracy']} (over relaxed matches)")
    return "\n".join(lines)

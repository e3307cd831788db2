"""`python -m bot evaluate FILE.jsonl`: assess every line and report recall/precision.

Input lines: {"id", "text", "speaker"?, "expected"?: {...}}. Output lines: {"id", "danger_to_life",
"acute", "criteria", "audience", "wants", "location"}, then a summary.
"""
import json
import sys

from bot.assess import CRITERIA, assess
from bot.commands.assess import get_parser

FIELDS = ("danger_to_life", "acute", "criteria", "audience", "wants", "location")


def add_parser(sub) -> None:
    parser = sub.add_parser("evaluate", help="vurder en JSONL-fil og vis treffsikkerhet")
    parser.add_argument("file")
    parser.add_argument("--json", action="store_true", help="skriv én JSON-linje per melding og et sammendrag")
    parser.add_argument("--no-model", action="store_true")
    parser.set_defaults(func=run)


def _rates(pairs):
    tp = sum(1 for e, p in pairs if e and p)
    fn = sum(1 for e, p in pairs if e and not p)
    fp = sum(1 for e, p in pairs if p and not e)
    recall = tp / (tp + fn) if tp + fn else None
    precision = tp / (tp + fp) if tp + fp else None
    return {"recall": recall, "precision": precision, "support": tp + fn}


def summarise(rows) -> dict:
    labelled = [(r["expected"], r["output"]) for r in rows if r.get("expected")]
    summary = {"messages": len(rows), "labelled": len(labelled)}
    for key in ("danger_to_life", "acute"):
        summary[key] = _rates([(bool(e.get(key)), bool(o[key])) for e, o in labelled if key in e])
    summary["criteria"] = {c: _rates([(c in e.get("criteria", []), c in o["criteria"]) for e, o in labelled
                                      if "criteria" in e]) for c in CRITERIA}
    with_audience = [(e["audience"], o["audience"]) for e, o in labelled if e.get("audience")]
    summary["audience_accuracy"] = (sum(1 for e, o in with_audience if e == o) / len(with_audience)
                                    if with_audience else None)
    summary["missed_danger"] = [r["id"] for r in rows if r.get("expected", {}).get("danger_to_life")
                                and not r["output"]["danger_to_life"]]
    return summary


def evaluate_file(path: str, parse=None) -> tuple:
    rows = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            item = json.loads(line)
            nlu = parse(item["text"]) if parse else None
            context = {"audience": item.get("speaker")} if item.get("use_speaker") else {}
            result = assess(item["text"], nlu=nlu, context=context).as_dict()
            rows.append({"id": item.get("id"), "output": {k: result[k] for k in FIELDS},
                         "expected": item.get("expected")})
    return rows, summarise(rows)


def _fmt(rate):
    return "–" if rate is None else f"{rate:.2f}"


def run(args) -> int:
    rows, summary = evaluate_file(args.file, get_parser(args.no_model))
    if args.json:
        for row in rows:
            print(json.dumps({"id": row["id"], **row["output"]}, ensure_ascii=False))
        print(json.dumps({"summary": summary}, ensure_ascii=False))
        return 0
    print(f"{summary['messages']} meldinger, {summary['labelled']} med fasit")
    for key in ("danger_to_life", "acute"):
        r = summary[key]
        print(f"{key:22} recall {_fmt(r['recall'])}  precision {_fmt(r['precision'])}  (n={r['support']})")
    for criterion, r in summary["criteria"].items():
        print(f"  {criterion:20} recall {_fmt(r['recall'])}  precision {_fmt(r['precision'])}  (n={r['support']})")
    print(f"audience accuracy      {_fmt(summary['audience_accuracy'])}")
    if summary["missed_danger"]:
        print(f"MISSED danger_to_life: {summary['missed_danger']}", file=sys.stderr)
    return 0

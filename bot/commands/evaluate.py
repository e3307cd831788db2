"""`python -m bot evaluate FILE.jsonl [FILE ...]`: assess every line and report recall/precision.

Input lines: {"id", "text", "expected"?: {danger_to_life, number, situation, acute, criteria,
audience, wants}}; lines without `expected` are assessed and printed, not scored. Figures are
reported for the held-apart part of each set (data/eval/README.md: sha256 of the id, modulo 4 ==
0), which nobody building Losen reads, and for the rest separately: a figure tuned on is no result.
"""
import json
import sys

from bot.assess import assess
from bot.assessment import CRITERIA, stored_assessment
from bot.commands.assess import get_parser
from bot.eval_split import held_apart

FIELDS = ("danger_to_life", "number", "situation", "doubt", "acute", "criteria", "audience", "wants")


def add_parser(sub) -> None:
    parser = sub.add_parser("evaluate", help="vurder JSONL-filer og vis treffsikkerhet")
    parser.add_argument("files", nargs="+")
    parser.add_argument("--json", action="store_true", help="skriv én JSON-linje per melding og et sammendrag")
    parser.add_argument("--no-model", action="store_true")
    parser.add_argument("--part", choices=["held", "open", "all"], default=None,
                        help="bare denne delen (standard: begge, hver for seg)")
    parser.set_defaults(func=run)


def _rates(pairs):
    tp = sum(1 for e, p in pairs if e and p)
    fn = sum(1 for e, p in pairs if e and not p)
    fp = sum(1 for e, p in pairs if p and not e)
    recall = tp / (tp + fn) if tp + fn else None
    precision = tp / (tp + fp) if tp + fp else None
    return {"recall": recall, "precision": precision, "support": tp + fn}


def _accuracy(pairs):
    pairs = list(pairs)
    return sum(1 for e, o in pairs if e == o) / len(pairs) if pairs else None


def summarise(rows) -> dict:
    labelled = [(r["expected"], r["output"]) for r in rows if r.get("expected")]
    summary = {"messages": len(rows), "labelled": len(labelled)}
    for key in ("danger_to_life", "acute"):
        summary[key] = _rates([(bool(e.get(key)), bool(o[key])) for e, o in labelled if key in e])
    summary["criteria"] = {c: _rates([(c in e.get("criteria", []), c in o["criteria"]) for e, o in labelled
                                      if "criteria" in e]) for c in CRITERIA}
    danger = [(e, o) for e, o in labelled if e.get("danger_to_life") and e.get("number")]
    # The number a danger message must get first; "both" is right when 112 or 113 was expected and
    # both are named, and 112 alone is right for "both" (the police send the ambulance).
    summary["number_right"] = _accuracy((True, o["danger_to_life"] and (o["number"] == e["number"] or
                                                                        o["number"] == "both" or
                                                                        (e["number"] == "both" and o["number"] == "112")))
                                        for e, o in danger)
    # Stricter: the number the first bubble starts with is the labelled one ("both" starts with 112, so it
    # is not the first number for a message labelled 113).
    summary["number_exact"] = _accuracy((e["number"], o["number"] if o["danger_to_life"] else None) for e, o in danger)
    calm = [(e, o) for e, o in labelled if "acute" in e and not e["acute"]]
    summary["calm_with_113_first"] = (sum(1 for _, o in calm if o["danger_to_life"] or o["doubt"]) / len(calm)
                                      if calm else None)
    summary["audience_accuracy"] = _accuracy((e["audience"], o["audience"]) for e, o in labelled if e.get("audience"))
    summary["wants_accuracy"] = _accuracy((e["wants"], o["wants"]) for e, o in labelled if e.get("wants"))
    summary["missed_danger"] = [r["id"] for r in rows if (r.get("expected") or {}).get("danger_to_life")
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
            # What the person gets: the assessment the Rasa server made (the actions answer from it).
            found = stored_assessment(nlu) or assess(item["text"], nlu=nlu, with_location=False)
            result = found.as_dict()
            rows.append({"id": item.get("id"), "held": held_apart(item.get("id")),
                         "output": {k: result[k] for k in FIELDS}, "expected": item.get("expected")})
    return rows, summarise(rows)


def _fmt(rate):
    return "–" if rate is None else f"{rate:.2f}"


def print_summary(title: str, summary: dict) -> None:
    print(f"\n== {title}: {summary['messages']} meldinger, {summary['labelled']} med fasit")
    if not summary["labelled"]:
        return
    for key in ("danger_to_life", "acute"):
        r = summary[key]
        print(f"{key:22} recall {_fmt(r['recall'])}  precision {_fmt(r['precision'])}  (n={r['support']})")
    for criterion, r in summary["criteria"].items():
        print(f"  {criterion:20} recall {_fmt(r['recall'])}  precision {_fmt(r['precision'])}  (n={r['support']})")
    print(f"right number first     {_fmt(summary['number_right'])}")
    print(f"  exactly as labelled  {_fmt(summary['number_exact'])}")
    print(f"calm, 113 named anyway {_fmt(summary['calm_with_113_first'])}")
    print(f"audience accuracy      {_fmt(summary['audience_accuracy'])}")
    print(f"wants accuracy         {_fmt(summary['wants_accuracy'])}")
    if summary["missed_danger"]:
        print(f"MISSED danger_to_life: {len(summary['missed_danger'])}", file=sys.stderr)


def run(args) -> int:
    parse = get_parser(args.no_model)
    rows = []
    for path in args.files:
        rows.extend(evaluate_file(path, parse)[0])
    parts = {"held": [r for r in rows if r["held"]], "open": [r for r in rows if not r["held"]], "all": rows}
    chosen = [args.part] if args.part else ["held", "open"]
    if args.json:
        for row in rows:
            print(json.dumps({"id": row["id"], "held": row["held"], **row["output"]}, ensure_ascii=False))
        print(json.dumps({"summary": {p: summarise(parts[p]) for p in chosen}}, ensure_ascii=False))
        return 0
    titles = {"held": "held-apart (not read while building)", "open": "open part (may have been read)",
              "all": "all"}
    for part in chosen:
        print_summary(titles[part], summarise(parts[part]))
    return 0

"""Lists where a catalogue word (data/situations.yml) meets a written word only through a shared lemma
or as the tail of a compound, in the training data and the open parts of data/eval/: the pairs to read
for words of another sense ("venn" meeting "vin" through the lemma "ven"; "heter" meeting "het").
Such terms are then written as `=form` in the catalogue. Held-apart lines are not read.

    .venv/bin/python scripts/homographs.py [--top 300]
"""
import argparse
import collections
import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.eval_split import held_apart  # noqa: E402
from bot.situations import default_matcher  # noqa: E402
from bot.terms import compile_term  # noqa: E402


def texts():
    for path in sorted((ROOT / "data" / "eval").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line) if line.strip() else None
            if item and not held_apart(item["id"]):
                yield item["text"]
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip().startswith("- "):
                yield line.strip()[2:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--top", type=int, default=300)
    args = parser.parse_args()
    concepts = yaml.safe_load((ROOT / "data" / "situations.yml").read_text(encoding="utf-8"))["concepts"]
    words, tails = {}, []
    for name, concept in concepts.items():
        for text in concept.get("terms", []):
            term = compile_term(str(text))
            if term.kind == "word":
                for form in term.forms:
                    words.setdefault(form, []).append((name, term.value))
            elif term.kind == "suffix":
                tails.append((name, term.value))
    matcher = default_matcher()
    found = collections.Counter()
    for text in texts():
        for token in matcher.tokens(text):
            for form in token.forms:
                for name, value in words.get(form, []):
                    if form not in (token.folded, value) and token.folded != value:
                        found[(name, value, token.folded, "lemma " + form)] += 1
                for name, tail in tails:
                    if form.endswith(tail) and len(form) > len(tail):
                        found[(name, "*" + tail, token.folded, "compound " + form)] += 1
    for (name, term, word, how), count in found.most_common(args.top):
        print(f"{count:5}  {name:22} {term:18} {word:18} {how}")


if __name__ == "__main__":
    main()

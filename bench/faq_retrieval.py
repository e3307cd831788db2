"""Which answer is picked for questions worded differently from the training data.

bench/faq_paraphrases.jsonl holds questions written for this check (not training examples), each
with the answer (data/nlu/faq.yml key) it should get. Prints the share whose top answer is right
and lists the misses. Do not tune anything on this file: it would stop measuring. Tune on the
training questions instead (--folds).

Usage:
  .venv/bin/python bench/faq_retrieval.py [models/losen.tar.gz]   the trained model's answer
      (ResponseSelector or components.answer_picker.AnswerPicker, whichever config.yml had)
  .venv/bin/python bench/faq_retrieval.py --picker                bot/answer_picker.py trained on
      data/nlu/faq.yml here, no Rasa model: also time per message and the memory it holds
  .venv/bin/python bench/faq_retrieval.py --folds 5               the picker's k-fold accuracy on
      the training questions of data/nlu/faq.yml (no paraphrases read)
  .venv/bin/python bench/faq_retrieval.py --stack                  what the person sees: each question
      sent to the running stack (started here, clock pinned); is the answer the first bubble, or in any?
      (issue 15: "a question with an answer in the catalogue gets that answer in the first bubble")
"""
import argparse
import asyncio
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PARAPHRASES = ROOT / "bench" / "faq_paraphrases.jsonl"
QUESTION_SET = PARAPHRASES  # --set: another file of the same shape (bench/faq_held.jsonl)


def held(path: Path) -> bool:
    """A held-apart set (its name says 'held') is counted, never listed: nobody reads its misses."""
    return "held" in path.name


def picked(parse: dict) -> str:
    """The answer key the response selector ranks first ('' if none)."""
    selector = parse.get("response_selector", {}).get("faq", {})
    key = selector.get("response", {}).get("intent_response_key") or ""
    return key.split("/", 1)[-1]


def paraphrases() -> list:
    return [json.loads(line) for line in QUESTION_SET.read_text(encoding="utf-8").splitlines() if line]


def report(results: list, label: str) -> None:
    """results: (text, expected, got, confidence or None)."""
    right = 0
    for text, expected, got, confidence in results:
        right += got == expected
        if got != expected and not held(QUESTION_SET):
            shown = "" if confidence is None else f" {confidence:.2f}"
            print(f"  miss: {text!r}: {got}{shown} (expected {expected})")
    print(f"faq answer right for {right}/{len(results)} = {right / len(results):.2f} ({label})")


async def run_model(model: str) -> None:
    from rasa.core.agent import Agent
    agent = Agent.load(model)
    results = []
    for item in paraphrases():
        parse = await agent.parse_message(item["text"])
        confidence = parse.get("response_selector", {}).get("faq", {}).get("response", {}).get("confidence")
        results.append((item["text"], item["answer"], picked(parse), confidence))
    report(results, model)


def resident_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS"):
            return int(line.split()[1])
    return 0


def run_picker() -> None:
    import tracemalloc

    before = resident_kib()
    from bot.answer_picker import AnswerPicker, min_confidence, read_faq, read_others
    imported = resident_kib()
    started = time.perf_counter()
    picker = AnswerPicker.train(*read_faq(), read_others())
    trained = time.perf_counter() - started
    items = paraphrases()
    for item in items:  # once to warm the caches (lemma and concept look-ups)
        picker.rank(item["text"])
    started = time.perf_counter()
    rounds = 20
    for _ in range(rounds):
        for item in items:
            picker.rank(item["text"])
    per_message = (time.perf_counter() - started) / (rounds * len(items)) * 1000
    results = []
    for item in items:
        key, confidence = picker.rank(item["text"], top=1)[0]
        results.append((item["text"], item["answer"], key, confidence))
    report(results, "bot/answer_picker.py trained on data/nlu/faq.yml")
    sure = min_confidence()
    confident = [r for r in results if r[3] >= sure]
    print(f"confidence >= {sure} (faq_min_confidence) for {len(confident)}/{len(results)}, "
          f"right among those {sum(r[1] == r[2] for r in confident)}/{len(confident)}")
    # What answering holds: the picker loaded fresh from its file, as the Rasa component does.
    path = Path("/tmp") / f"answer_picker_bench_{id(picker)}.npz"
    picker.save(path)
    tracemalloc.start()
    loaded = AnswerPicker.load(path)
    loaded.rank("hva er ghb")
    held, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    size = path.stat().st_size
    path.unlink()
    print(f"fit {trained:.1f} s; {per_message:.2f} ms per message; {len(loaded.keys)} answers, "
          f"{loaded.n_features} features; the loaded picker holds {held / 2**20:.1f} MiB "
          f"(file {size / 2**20:.1f} MiB); importing it (numpy, yaml, simplemma) raised this process "
          f"by {(imported - before) / 1024:.0f} MiB; resident now {resident_kib() / 1024:.0f} MiB")


def is_answer(bubble: str, texts: list) -> bool:
    # An answer bubble starts with the answer's text; what follows it (where to ask more) varies by the hour.
    return any(bubble.startswith(text[:60]) for text in texts)


def run_stack(at: str) -> None:
    import uuid

    import requests
    sys.path.insert(0, str(ROOT / "tests"))
    from stack import start_stack

    from bot.answer_picker import read_faq
    answers = read_faq()[1]  # the bokmål and nynorsk texts of each answer
    items = paraphrases()
    stack = start_stack(extra_env={"LOSEN_NOW": at})
    first = anywhere = 0
    before: Counter = Counter()
    try:
        for item in items:
            reply = requests.post(f"{stack.url}/webhooks/rest/webhook", timeout=60,
                                  json={"sender": uuid.uuid4().hex, "message": item["text"]})
            bubbles = [b.get("text") or "" for b in reply.json() or []]
            texts = answers.get(item["answer"], [])
            first += bool(bubbles) and is_answer(bubbles[0], texts)
            found = any(is_answer(b, texts) for b in bubbles)
            anywhere += found
            if not (bubbles and is_answer(bubbles[0], texts)):
                before[first_kind((bubbles or [""])[0], answers)] += 1
            if not found and not held(QUESTION_SET):
                print(f"  not answered: {item['text']!r} (expected {item['answer']}); first bubble: "
                      f"{(bubbles or [''])[0][:70]!r}")
    finally:
        stack.stop()
    n = len(items)
    print(f"the answer is the first bubble for {first}/{n} = {first / n:.2f}; in some bubble for {anywhere}/{n}")
    print("when it is not, the first bubble is: " + ", ".join(f"{kind} {count}" for kind, count in before.most_common()))


# Losen's own first bubbles, by kind (its text, never the question's): what comes before an answer.
FIRST_KINDS = (("doubt (113 named)", "Er noen i fare"), ("danger (Ring 113/112 nå)", "Ring 11"),
               ("not your fault (child)", "Det er ikke din feil"), ("acute opening", "Det høres vanskelig ut"),
               ("not sure which answer", "Det er et godt spørsmål, men"), ("out of scope", "Det kan jeg dessverre"))


def first_kind(bubble: str, answers: dict) -> str:
    if any(is_answer(bubble, texts) for texts in answers.values()):
        return "another answer"
    return next((kind for kind, start in FIRST_KINDS if bubble.startswith(start)), "other")


def run_folds(folds: int) -> None:
    """k-fold accuracy on the training questions: each fold's questions are left out of training
    (the answer texts stay in: they are part of the picker whatever the question), and a fold of
    the other intents' examples with them, to see how often those get a confident answer."""
    import numpy as np
    from sklearn.model_selection import KFold, StratifiedKFold

    from bot.answer_picker import AnswerPicker, min_confidence, read_faq, read_others

    questions, answers = read_faq()
    others = read_others()
    other_folds = list(KFold(folds, shuffle=True, random_state=0).split(others))
    others_sure = 0
    texts = [t for key in questions for t in questions[key]]
    labels = np.array([key for key in questions for _ in questions[key]])
    right, sure, sure_right = 0, 0, 0
    threshold = min_confidence()
    split = StratifiedKFold(folds, shuffle=True, random_state=0).split(texts, labels)
    for fold, (train, test) in enumerate(split):
        kept = {}
        for i in train:
            kept.setdefault(labels[i], []).append(texts[i])
        other_train, other_test = other_folds[fold]
        picker = AnswerPicker.train(kept, answers, [others[i] for i in other_train])
        others_sure += sum(picker.rank(others[i], top=1)[0][1] >= threshold for i in other_test)
        for i in test:
            key, confidence = picker.rank(texts[i], top=1)[0]
            right += key == labels[i]
            if confidence >= threshold:
                sure += 1
                sure_right += key == labels[i]
    n = len(texts)
    print(f"{folds}-fold on {n} training questions: right {right}/{n} = {right / n:.3f}; "
          f"confidence >= {threshold} for {sure}/{n}, right among those {sure_right}/{sure} "
          f"= {sure_right / max(sure, 1):.2f}; the other intents' examples (left out the same way) "
          f"with confidence >= {threshold}: {others_sure}/{len(others)}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("model", nargs="?", default=str(ROOT / "models" / "losen.tar.gz"))
    parser.add_argument("--picker", action="store_true", help="score bot/answer_picker.py, no Rasa model")
    parser.add_argument("--folds", type=int, help="k-fold accuracy of the picker on the training questions")
    parser.add_argument("--stack", action="store_true", help="what the person sees, on the running stack")
    parser.add_argument("--at", default="2026-11-18T12:00", help="LOSEN_NOW for --stack")
    parser.add_argument("--set", type=Path, default=PARAPHRASES,
                        help="the questions (default bench/faq_paraphrases.jsonl; a held set is only counted)")
    args = parser.parse_args()
    QUESTION_SET = args.set
    if args.stack:
        run_stack(args.at)
    elif args.folds:
        run_folds(args.folds)
    elif args.picker:
        run_picker()
    else:
        asyncio.run(run_model(args.model))

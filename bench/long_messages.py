"""Long messages and ordinary conversations at the same time: is danger still answered first, and how fast?

20 senders each send one long message (about 100 kB; some with a danger sentence at the start, in
the middle of the part the NLU reads, or past it but inside the part Losen keeps) while 20 people
hold ordinary conversations (a greeting, a question, and for half of them a danger message). All
start together. Prints, for every danger message, how long its answer took, and whether anything
failed. tests/test_long_messages.py runs the same load and asserts the order of the answers; the
seconds are only printed (issue 17's target: danger answered within 2 s).

    .venv/bin/python bench/long_messages.py              # starts Losen on free ports, then stops it
    .venv/bin/python bench/long_messages.py --url http://127.0.0.1:5005   # a running Losen
"""
import argparse
import statistics
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Optional

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the same start/stop code the stack tests use
sys.path.insert(0, str(ROOT))

LONG_SENDERS = 20
CONVERSATIONS = 20
LONG_TARGET_CHARS = 100_000
DANGER = "Og nå puster han ikke."
FILLER = ["Jeg vet ikke helt hvordan jeg skal skrive dette.", "Det har vært en lang uke på jobben.",
          "Vi spiste middag sammen i går og snakket om sommeren.", "Naboen har fått seg en ny hund.",
          "Jeg tenker mye på hvordan det skal gå videre.", "Det regnet hele dagen, og bussen var sen."]


@dataclass
class Sent:
    kind: str  # "long" or "conversation"
    who: str
    turn: int
    danger: bool  # a danger sentence that Losen must answer with 113 first
    where: str  # for long messages: where the danger sentence is
    status: int = 0
    replies: List[dict] = field(default_factory=list)
    seconds: float = 0.0
    error: Optional[str] = None

    @property
    def texts(self) -> List[str]:
        return [r.get("text") or "" for r in self.replies]


def filler(chars: int, seed: int) -> str:
    out, i = [], seed
    while sum(len(s) + 1 for s in out) < chars:
        out.append(FILLER[i % len(FILLER)])
        i += 1
    return " ".join(out)


def long_message(i: int) -> tuple:
    """(text, danger, where): positions cycle through start, NLU part, kept part, none."""
    where = ["start", "nlu_part", "kept_part", "none"][i % 4]
    at = {"start": 0, "nlu_part": 1000, "kept_part": 4000}.get(where)
    if at is None:
        return filler(LONG_TARGET_CHARS, i), False, where
    return filler(at, i) + (" " if at else "") + DANGER + " " + filler(LONG_TARGET_CHARS - at, i + 1), True, where


def conversation(i: int) -> list:
    """[(text, danger)] for one ordinary conversation."""
    last = ("nå puster han ikke", True) if i % 2 == 0 else ("takk, det hjalp", False)
    return [("hei", False), ("hvem kan jeg ringe", False), last]


def _post(webhook: str, record: Sent, text: str) -> Sent:
    started = time.monotonic()
    try:
        answer = requests.post(webhook, json={"sender": record.who, "message": text}, timeout=180)
        record.status = answer.status_code
        record.replies = answer.json() if answer.ok else []
    except (requests.RequestException, ValueError) as err:
        record.error = type(err).__name__
    record.seconds = time.monotonic() - started
    return record


def run(webhook: str) -> List[Sent]:
    """Send the whole load at once; every message sent, answered or not, is in the result."""
    start = threading.Barrier(LONG_SENDERS + CONVERSATIONS)
    results: List[Sent] = []
    lock = threading.Lock()

    def one_long(i: int) -> None:
        text, danger, where = long_message(i)
        record = Sent("long", f"long-{i}-{uuid.uuid4().hex}", 0, danger, where)
        start.wait()
        with lock:
            results.append(_post(webhook, record, text))

    def one_conversation(i: int) -> None:
        who = f"conv-{i}-{uuid.uuid4().hex}"
        start.wait()
        for turn, (text, danger) in enumerate(conversation(i)):
            record = _post(webhook, Sent("conversation", who, turn, danger, ""), text)
            with lock:
                results.append(record)

    with ThreadPoolExecutor(max_workers=LONG_SENDERS + CONVERSATIONS) as pool:
        futures = [pool.submit(one_long, i) for i in range(LONG_SENDERS)]
        futures += [pool.submit(one_conversation, i) for i in range(CONVERSATIONS)]
        for future in futures:
            future.result()
    return results


def expected_count() -> int:
    return LONG_SENDERS + sum(len(conversation(i)) for i in range(CONVERSATIONS))


def summary(results: List[Sent]) -> str:
    danger = sorted(r.seconds for r in results if r.danger)
    every = sorted(r.seconds for r in results)
    failed = [r for r in results if r.error or r.status >= 500]

    def q(values, p):
        return values[min(len(values) - 1, int(round(p * (len(values) - 1))))] if values else float("nan")

    return (f"long messages: {LONG_SENDERS} x ~{LONG_TARGET_CHARS // 1000} kB with {CONVERSATIONS} conversations "
            f"at once; {len(results)}/{expected_count()} answered, {len(failed)} failed; danger answers "
            f"(n={len(danger)}): median {statistics.median(danger) if danger else float('nan'):.2f} s, "
            f"p95 {q(danger, 0.95):.2f} s, max {q(danger, 1.0):.2f} s; all messages: median "
            f"{statistics.median(every) if every else float('nan'):.2f} s, max {q(every, 1.0):.2f} s "
            f"(target: danger within 2 s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running Losen (Rasa server), e.g. http://127.0.0.1:5005")
    args = parser.parse_args()
    stack = None
    if args.url:
        webhook = args.url.rstrip("/") + "/webhooks/rest/webhook"
    else:
        from stack import Stack, free_port, model_path

        if model_path() is None:
            sys.exit("no trained model in models/: run ./losen train")
        stack = Stack(free_port(), free_port(), Path(tempfile.mkdtemp(prefix="losen-bench-long-")))
        stack.start_actions()
        stack.start_rasa()
        stack.wait(timeout=300)
        webhook = stack.webhook
    try:
        _post(webhook, Sent("warm-up", "warm-up", 0, False, ""), "hei")
        print(summary(run(webhook)), flush=True)
    finally:
        if stack:
            stack.stop()


if __name__ == "__main__":
    main()

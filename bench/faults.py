"""How long a person waits when the action server hangs: the turn is cut short after
reply_within_seconds (data/input_limits.yml) and answered with what Losen has, plus the always-open
door; a turn that has already named 112 or 113 is answered after emergency_reply_within_seconds.
Starts Losen with tests/faulty_actions.py (every action sleeps 60 s for senders "slow-…"),
times a few turns and prints the figures; tests/test_faults.py checks the answers themselves.

    .venv/bin/python bench/faults.py
"""
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from stack import Stack, free_port, model_path  # noqa: E402

from bot.inbox import limits  # noqa: E402

MESSAGES = ["hvem kan jeg ringe", "det er krise", "hjelp, mamma våkner ikke"]


def main() -> None:
    if model_path() is None:
        sys.exit("no trained model in models/: run ./losen train")
    stack = Stack(free_port(), free_port(), Path(tempfile.mkdtemp(prefix="losen-bench-faults-")),
                  extra_env={"PYTHONPATH": f"{ROOT}:{ROOT / 'tests'}"})
    stack.start_actions("faulty_actions")
    stack.start_rasa()
    try:
        stack.wait(timeout=300)
        for message in MESSAGES:
            started = time.monotonic()
            replies = stack.send(f"slow-{uuid.uuid4().hex}", message, timeout=120)
            seconds = time.monotonic() - started
            print(f"hung action server: {message!r} answered in {seconds:.1f} s with {len(replies)} bubble(s) "
                  f"(budget {limits()['reply_within_seconds']} s; the faulty action sleeps 60 s)", flush=True)
    finally:
        stack.stop()


if __name__ == "__main__":
    main()

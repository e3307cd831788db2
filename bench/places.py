"""How long place resolution takes per message (bot/places.py), on the test messages.

    .venv/bin/python bench/places.py
Prints milliseconds per message after the index is warm; the target is under 20 ms.
"""
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from test_places import KINDS, NO_PLACE  # noqa: E402

from bot.places import resolve_place  # noqa: E402


def main() -> None:
    resolve_place("warm up the index")
    messages = NO_PLACE + [m for m, *_ in KINDS] * 3
    start = time.perf_counter()
    for message in messages:
        resolve_place(message)
    per_message_ms = (time.perf_counter() - start) * 1000 / len(messages)
    print(f"place resolution: {per_message_ms:.1f} ms per message over {len(messages)} messages (target < 20 ms)")


if __name__ == "__main__":
    main()

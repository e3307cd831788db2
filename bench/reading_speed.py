"""How fast, and how large, Losen's deterministic reading of a message is (bot/reading.py `read`).

Prints, in one fresh process:
- the cost of importing bot.reading and of building its matchers and tables (the first `read`):
  seconds, resident memory (RSS) and what tracemalloc sees allocated by Python. spaCy, RapidFuzz and
  PyYAML are imported first and not counted: the Rasa process has them anyway (spaCy also brings
  TensorFlow in, which is most of a plain import's time and memory);
- milliseconds per message, mean and p95, over the texts of data/eval/*.jsonl and over long letters
  (eval texts run together to the length the NLU reads, data/input_limits.yml max_message_chars):
  cold (the first time each word is seen: per-word caches empty) and warm (the same texts again),
  for `read` alone and for the NLU component's whole work on a message (components/reading.py:
  `read`, then `assess` with that reading).

    .venv/bin/python bench/reading_speed.py [--rounds N] [--no-tracemalloc]

tracemalloc slows Python down while it traces, so it is on only for the import and the build; the
timed passes run without it.
"""
import argparse
import gc
import json
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LETTER_CHARS = 2000  # what the NLU reads of a message (data/input_limits.yml max_message_chars)
LETTERS = 40


def resident_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS"):
            return int(line.split()[1]) / 1024
    return 0.0


def eval_texts() -> list:
    texts = []
    for path in sorted((ROOT / "data" / "eval").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts


def letters(texts: list) -> list:
    """Long letters: eval texts run together, each letter starting further on, cut at LETTER_CHARS."""
    out = []
    for n in range(LETTERS):
        parts, size, i = [], 0, (n * 37) % len(texts)
        while size < LETTER_CHARS:
            parts.append(texts[i % len(texts)])
            size += len(parts[-1]) + 1
            i += 1
        out.append("\n".join(parts)[:LETTER_CHARS])
    return out


def component(text: str) -> None:
    """What components/reading.py does with one message, less Rasa: read it, then assess it."""
    from bot.assess import assess
    from bot.reading import READING_KEY, read

    reading = read(text)
    assess(text, nlu={READING_KEY: {"reading": reading.as_dict()}}, with_location=False)


def timed(read, texts: list) -> list:
    """Milliseconds per text."""
    times = []
    for text in texts:
        start = time.perf_counter()
        read(text)
        times.append((time.perf_counter() - start) * 1000)
    return times


def summary(label: str, times: list) -> str:
    p95 = statistics.quantiles(times, n=20)[-1] if len(times) >= 20 else max(times)
    return f"{label:34} mean {statistics.mean(times):7.2f} ms   p95 {p95:7.2f} ms   (n={len(times)})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2, help="warm passes (the best is printed)")
    parser.add_argument("--no-tracemalloc", action="store_true")
    args = parser.parse_args()
    texts = eval_texts()
    long = letters(texts)

    import rapidfuzz  # noqa: F401  (the Rasa process has these already)
    import spacy  # noqa: F401
    import yaml  # noqa: F401

    gc.collect()
    rss0 = resident_mib()
    trace = not args.no_tracemalloc
    if trace:
        tracemalloc.start()
    start = time.perf_counter()
    from bot.assess import assess  # noqa: F401
    from bot.reading import read
    imported = time.perf_counter() - start
    rss1 = resident_mib()
    traced1 = tracemalloc.get_traced_memory()[0] if trace else 0
    start = time.perf_counter()
    component("hei")  # builds every matcher and loads the tables
    built = time.perf_counter() - start
    gc.collect()
    rss2 = resident_mib()
    if trace:
        traced2, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    print(f"import bot.reading       {imported * 1000:7.0f} ms   RSS +{rss1 - rss0:6.1f} MiB"
          + (f"   traced {traced1 / 2**20:6.1f} MiB" if trace else ""))
    print(f"build (first read)       {built * 1000:7.0f} ms   RSS +{rss2 - rss1:6.1f} MiB"
          + (f"   traced +{(traced2 - traced1) / 2**20:6.1f} MiB (peak {peak / 2**20:.1f})" if trace else ""))
    print(f"reading in all           {resident_mib() - rss0:7.1f} MiB RSS after import and build")

    print(summary("read: eval texts, cold", timed(read, texts)))
    print(summary("read: long letters, cold", timed(read, long)))
    for label, work in (("read", read), ("read+assess", component)):
        best = min((timed(work, texts) for _ in range(args.rounds)), key=statistics.mean)
        print(summary(f"{label}: eval texts, warm", best))
        best = min((timed(work, long) for _ in range(args.rounds)), key=statistics.mean)
        print(summary(f"{label}: letters ({LETTER_CHARS} chars), warm", best))
    gc.collect()
    print(f"RSS at the end           {resident_mib() - rss0:7.1f} MiB above the start")


if __name__ == "__main__":
    main()

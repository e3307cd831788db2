"""Load benchmark: Losen against Rasa's own starter bot, same messages, same pace, same machine.

Starts Losen (action server + Rasa server) and a `rasa init` starter bot (made once and kept in
.losen/starter/) on 127.0.0.1, then runs N concurrent conversations over REST against each for a set
time, and prints p50/p95/p99 latency per message, messages per second, errors, the peak resident
memory of the servers, and Losen's figures as a ratio to the starter bot's.

Each simulated person sends a message, waits for the answer, then reads and types for --think
seconds (default 3, ±50 %) before the next one: a closed loop of N people, not a flood. People in
crisis rarely write faster than that; --think 0 measures the flood. An error is a failed request,
a non-2xx answer or an empty reply.

With --long-senders N, N more senders each send a long message (about 100 kB; three in four with a
danger sentence at the start, inside or past the part the NLU reads: bench/long_messages.py's) while
the conversations go on, then wait --think seconds and send the next. Their answers are counted
apart (messages, errors, p95); the conversations' figures show what long messages cost everyone
else (issue 17: 0 errors at 50 conversations, also while long messages arrive).

Run it with ./losen bench [options] (installs, trains if needed, records the training time);
e.g. ./losen bench --conversations 50 --seconds 300 --long-senders 5.
"""
import argparse
import asyncio
import collections
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import aiohttp
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the same start/stop code the stack tests use
from stack import VENV_BIN, Stack, free_port, model_path  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from long_messages import long_message  # noqa: E402  the same long messages (danger at the start, inside, past, none)

STARTER_DIR = ROOT / ".losen" / "starter"
SCRIPTS = ROOT / "bench" / "conversations.yml"
TRAIN_SECONDS = ROOT / "models" / ".train-seconds"
TEST_SECONDS = ROOT / ".losen" / "test-seconds"


# ------------------------------------------------------------------------------- the two bots
def starter_bot() -> Path:
    """The `rasa init` project, made and trained once; returns its folder."""
    models = sorted((STARTER_DIR / "models").glob("*.tar.gz"))
    if models:
        return STARTER_DIR
    shutil.rmtree(STARTER_DIR, ignore_errors=True)
    STARTER_DIR.mkdir(parents=True)  # rasa init wants the folder to exist
    print("[bench] making Rasa's starter bot with `rasa init` (trains it: a minute or two)", flush=True)
    start = time.monotonic()
    subprocess.run([str(VENV_BIN / "rasa"), "init", "--no-prompt", "--init-dir", str(STARTER_DIR)],
                   cwd=ROOT, env=quiet_env(), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    (STARTER_DIR / "train-seconds").write_text(f"{time.monotonic() - start:.0f}\n")
    return STARTER_DIR


def quiet_env() -> dict:
    return {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "3",
            "SQLALCHEMY_SILENCE_UBER_WARNING": "1"}


def start_losen() -> Stack:
    stack = Stack(free_port(), free_port(), Path(tempfile.mkdtemp(prefix="losen-bench-")))
    stack.start_actions()
    stack.start_rasa()
    return stack


def start_starter(folder: Path) -> Stack:
    stack = Stack(free_port(), free_port(), Path(tempfile.mkdtemp(prefix="starter-bench-")),
                  extra_env={"PYTHONPATH": str(folder)})
    model = sorted((folder / "models").glob("*.tar.gz"))[-1]
    log = open(stack.logdir / "rasa.log", "wb")
    stack.procs["rasa"] = subprocess.Popen(
        [str(VENV_BIN / "rasa"), "run", "-m", str(model), "--port", str(stack.rasa_port)],
        cwd=folder, env={**stack.env(), **quiet_env()}, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    return stack


# ------------------------------------------------------------------------------------ memory
def rss_bytes(pid: int) -> int:
    """Resident memory of a process and all processes in its session (the server and its children)."""
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if os.getsid(int(entry.name)) != pid:
                continue
            for line in (entry / "status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except (OSError, ValueError):
            continue
    return total


class MemoryWatch:
    """Samples the servers' resident memory every half second; keeps the peak of each."""

    def __init__(self, procs: dict):
        self.pids = {name: proc.pid for name, proc in procs.items()}
        self.peak = {name: rss_bytes(pid) for name, pid in self.pids.items()}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.wait(0.5):
            self.sample()

    def sample(self):
        for name, pid in self.pids.items():
            self.peak[name] = max(self.peak[name], rss_bytes(pid))

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.sample()


# -------------------------------------------------------------------------------------- load
async def send(session, url, sender, text) -> bool:
    """One message; False for a failed request, a non-2xx answer or an empty reply (an error)."""
    try:
        async with session.post(url, json={"sender": sender, "message": text}) as response:
            body = await response.json(content_type=None) if response.status < 300 else None
            return response.status < 300 and isinstance(body, list) and len(body) > 0
    except (aiohttp.ClientError, asyncio.TimeoutError, ValueError):
        return False


async def person(session, url, scripts, deadline, budget, think, latencies, errors, rng, by_text):
    while time.monotonic() < deadline:
        sender = "bench-" + uuid.uuid4().hex
        for text in rng.choice(scripts):
            if time.monotonic() >= deadline or budget["left"] <= 0:
                return
            budget["left"] -= 1
            start = time.monotonic()
            ok = await send(session, url, sender, text)
            latencies.append(time.monotonic() - start)
            by_text[text].append(latencies[-1])
            if not ok:
                errors.append(text)
            await asyncio.sleep(think * rng.uniform(0.5, 1.5))


async def long_sender(session, url, deadline, think, rng, long_figures):
    n = 0
    while time.monotonic() < deadline:
        n += 1
        start = time.monotonic()
        ok = await send(session, url, "long-" + uuid.uuid4().hex, long_message(n)[0])
        long_figures["latencies"].append(time.monotonic() - start)
        long_figures["errors"] += not ok
        await asyncio.sleep(think * rng.uniform(0.5, 1.5))


async def drive(url, scripts, conversations, seconds, max_requests, think, seed, long_senders=0):
    latencies, errors, by_text = [], [], collections.defaultdict(list)
    long_figures = {"latencies": [], "errors": 0}
    budget = {"left": max_requests}
    deadline = time.monotonic() + seconds
    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(timeout=timeout, connector=aiohttp.TCPConnector(limit=0)) as session:
        started = time.monotonic()
        await asyncio.gather(*(person(session, url, scripts, deadline, budget, think, latencies, errors,
                                      random.Random(seed + i), by_text) for i in range(conversations)),
                             *(long_sender(session, url, deadline, think, random.Random(seed - 1 - i), long_figures)
                               for i in range(long_senders)))
        elapsed = time.monotonic() - started
    return latencies, errors, elapsed, by_text, long_figures


def warm_up(url: str, scripts: list) -> None:
    """One conversation first: the first message of a fresh server loads lazily built parts."""
    async def go():
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120)) as session:
            for text in scripts[0]:
                async with session.post(url, json={"sender": "warm-up", "message": text}) as response:
                    await response.read()
    asyncio.run(go())


def percentile(values, q):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))]


def measure(stack: Stack, args, scripts) -> dict:
    stack.wait(timeout=300)
    warm_up(stack.webhook, scripts)
    with MemoryWatch(stack.procs) as memory:
        latencies, errors, elapsed, by_text, long_figures = asyncio.run(
            drive(stack.webhook, scripts, args.conversations, args.seconds, args.max_requests, args.think, args.seed,
                  args.long_senders))
    return {
        "messages": len(latencies),
        "errors": len(errors),
        "seconds": round(elapsed, 1),
        "messages_per_second": round(len(latencies) / elapsed, 2) if elapsed else 0.0,
        "p50_ms": round(percentile(latencies, 50) * 1000, 1),
        "p95_ms": round(percentile(latencies, 95) * 1000, 1),
        "p99_ms": round(percentile(latencies, 99) * 1000, 1),
        "mean_ms": round(statistics.fmean(latencies) * 1000, 1) if latencies else float("nan"),
        "rss_mb": {name: round(peak / 2**20) for name, peak in memory.peak.items()},
        "rss_total_mb": round(sum(memory.peak.values()) / 2**20),
        "long_messages": len(long_figures["latencies"]),
        "long_errors": long_figures["errors"],
        "long_p95_ms": round(percentile(long_figures["latencies"], 95) * 1000, 1),
        "by_message": {text: [round(percentile(v, 50) * 1000, 1), round(percentile(v, 95) * 1000, 1), len(v)]
                       for text, v in by_text.items()},
    }


# ------------------------------------------------------------------------------------ report
def recorded_seconds(path: Path) -> str:
    try:
        return f"{int(float(path.read_text().split()[0]))} s"
    except (OSError, ValueError, IndexError):
        return "not measured in this clone yet"


def report(args, losen: dict, starter: dict) -> None:
    print()
    print(f"Load: {args.conversations} concurrent conversations for {args.seconds:.0f} s each bot, "
          f"think time {args.think:g} s (±50 %), at most {args.max_requests} messages, 127.0.0.1")
    print(f"{'':22}{'Losen':>12}{'starter bot':>14}{'Losen/starter':>15}")
    rows = [("messages", "messages", "{:.0f}"), ("errors", "errors", "{:.0f}"),
            ("messages per second", "messages_per_second", "{:.1f}"), ("p50 latency (ms)", "p50_ms", "{:.0f}"),
            ("p95 latency (ms)", "p95_ms", "{:.0f}"), ("p99 latency (ms)", "p99_ms", "{:.0f}"),
            ("memory, peak RSS (MiB)", "rss_total_mb", "{:.0f}")]
    for label, key, fmt in rows:
        mine = losen[key]
        theirs = starter.get(key) if starter else None
        ratio = f"{mine / theirs:.2f}" if theirs and key not in ("messages", "errors") else ""
        print(f"{label:22}{fmt.format(mine):>12}{(fmt.format(theirs) if theirs is not None else '-'):>14}{ratio:>15}")
    if args.long_senders:
        for name, figures in (("Losen", losen), ("starter bot", starter)):
            if figures:
                print(f"long messages ({args.long_senders} senders, about 100 kB each), {name}: "
                      f"{figures['long_messages']} sent, {figures['long_errors']} errors, "
                      f"p95 {figures['long_p95_ms']:.0f} ms")
    print("Losen memory by server (MiB): " + ", ".join(f"{k} {v}" for k, v in losen["rss_mb"].items()))
    print(f"training time: Losen {recorded_seconds(TRAIN_SECONDS)} (last ./losen train), "
          f"starter bot {recorded_seconds(STARTER_DIR / 'train-seconds')} (rasa init, incl. training)")
    print(f"test command (./losen test): {recorded_seconds(TEST_SECONDS)} (its last full run here)")
    if args.by_message:
        for name, figures in (("Losen", losen), ("starter bot", starter)):
            if not figures:
                continue
            print(f"{name} by message (p50 / p95 ms, count), slowest p95 first:")
            for text, (p50, p95, count) in sorted(figures["by_message"].items(), key=lambda kv: -kv[1][1]):
                print(f"  {p50:7.0f} {p95:7.0f} {count:5d}  {text}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--conversations", type=int, default=20, help="concurrent conversations (default 20)")
    parser.add_argument("--seconds", type=float, default=60, help="load time per bot (default 60)")
    parser.add_argument("--max-requests", type=int, default=100_000, help="stop after this many messages per bot")
    parser.add_argument("--think", type=float, default=3.0,
                        help="seconds a person takes to read the answer and type the next message (default 3)")
    parser.add_argument("--no-starter", action="store_true", help="measure Losen only")
    parser.add_argument("--json", action="store_true", help="also print the figures as one JSON line")
    parser.add_argument("--by-message", action="store_true",
                        help="also print p50/p95 per message text: which turns make the tail")
    parser.add_argument("--long-senders", type=int, default=0,
                        help="senders of long messages (about 100 kB) during the load (default 0)")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args(argv)
    if args.conversations < 1 or args.seconds <= 0 or args.max_requests < 1 or args.think < 0 or args.long_senders < 0:
        parser.error("conversations, seconds and max-requests must be positive, think not negative")
    if model_path() is None:
        print("no trained model in models/: run ./losen train first (./losen bench does it for you)")
        return 2
    scripts = yaml.safe_load(SCRIPTS.read_text(encoding="utf-8"))["conversations"]

    results = {}
    folder = None if args.no_starter else starter_bot()
    for name in ("losen",) + (() if args.no_starter else ("starter",)):
        stack = start_losen() if name == "losen" else start_starter(folder)
        try:
            print(f"[bench] {name}: starting and warming up, then {args.seconds:.0f} s of load", flush=True)
            results[name] = measure(stack, args, scripts)
        finally:
            stack.stop()
            shutil.rmtree(stack.logdir, ignore_errors=True)
    report(args, results["losen"], results.get("starter"))
    if args.json:
        print(json.dumps({"conversations": args.conversations, "seconds": args.seconds, "think": args.think, **results}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""What the Rasa process holds: resident memory after importing Rasa and after loading a model.

Loads the model in this process (as `rasa run` does), parses one message, and prints the resident
memory after each step and the largest mappings (heap, anonymous, shared libraries). Compare two
models, e.g. one trained with a different config.yml, to see what a component costs.
Usage: .venv/bin/python bench/memory.py [models/losen.tar.gz ...]
"""
import asyncio
import collections
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def resident_mb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS"):
            return int(line.split()[1]) // 1024
    return 0


def largest_mappings(top: int = 6) -> list:
    """(MiB, name) of the mappings holding most resident memory."""
    sizes, name = collections.Counter(), "[anon]"
    for line in Path("/proc/self/smaps").read_text().splitlines():
        parts = line.split()
        if "-" in parts[0] and not parts[0].endswith(":"):  # a mapping's header line
            name = parts[5] if len(parts) > 5 else "[anon]"
        elif parts[0] == "Rss:":
            sizes[name] += int(parts[1])
    return [(kb // 1024, n) for n, kb in sizes.most_common(top)]


def main(models: list) -> None:
    from rasa.core.agent import Agent
    print(f"after importing Rasa and TensorFlow: {resident_mb()} MiB")
    for model in models:
        agent = Agent.load(model)
        asyncio.run(agent.parse_message("hei, hva er GHB?"))
        print(f"after loading {model} and one parse: {resident_mb()} MiB")
        for mb, mapping in largest_mappings():
            print(f"  {mb:5d} MiB  {mapping}")


if __name__ == "__main__":
    main(sys.argv[1:] or [str(ROOT / "models" / "losen.tar.gz")])

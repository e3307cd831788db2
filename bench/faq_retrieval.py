"""Which answer the trained model picks for questions worded differently from the training data.

bench/faq_paraphrases.jsonl holds questions written for this check (not training examples), each
with the answer (data/nlu/faq.yml key) it should get. Prints the share whose top answer is right
and lists the misses. Usage: .venv/bin/python bench/faq_retrieval.py [models/losen.tar.gz]
"""
import asyncio
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def picked(parse: dict) -> str:
    """The answer key the response selector ranks first ('' if none)."""
    selector = parse.get("response_selector", {}).get("faq", {})
    key = selector.get("response", {}).get("intent_response_key") or ""
    return key.split("/", 1)[-1]


async def run(model: str) -> None:
    from rasa.core.agent import Agent
    agent = Agent.load(model)
    lines = [json.loads(line) for line in (ROOT / "bench" / "faq_paraphrases.jsonl").read_text().splitlines() if line]
    right = 0
    for item in lines:
        got = picked(await agent.parse_message(item["text"]))
        right += got == item["answer"]
        if got != item["answer"]:
            print(f"  miss: {item['text']!r}: {got} (expected {item['answer']})")
    print(f"faq answer right for {right}/{len(lines)} = {right / len(lines):.2f} ({model})")


if __name__ == "__main__":
    asyncio.run(run(sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "models" / "losen.tar.gz")))

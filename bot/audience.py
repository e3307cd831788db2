"""Who is writing — user, relative or child — from the words of one message.

Cues and weights live in data/audience.yml and use the red-flag pattern syntax, so the same
typo-tolerant matcher reads them. The audience with the highest total wins; when no audience
reaches the file's `min_score`, or two tie, the answer is None (unsure) and the caller decides.
"""
from collections import Counter
from functools import lru_cache
from typing import Optional

import yaml

from bot import DATA
from bot.redflags import RedFlagMatcher

AUDIENCE_FILE = DATA / "audience.yml"
AUDIENCES = ("user", "relative", "child")


@lru_cache(maxsize=1)
def _setup():
    spec = yaml.safe_load(AUDIENCE_FILE.read_text(encoding="utf-8"))
    flags = [{"id": c["id"], "criterion": c["audience"], "patterns": c["patterns"],
              "unless": c.get("unless", [])} for c in spec["cues"]]
    weights = {c["id"]: c["weight"] for c in spec["cues"]}
    return RedFlagMatcher({"flags": flags}, fuzzy=spec.get("fuzzy", True)), weights, spec.get("min_score", 1)


def scores(text: str) -> Counter:
    """Weight per audience; each cue counts once per message."""
    matcher, weights, _ = _setup()
    totals = Counter()
    for cue in matcher.detect(text or ""):
        totals[cue.criterion] += weights[cue.id]
    return totals


def detect_audience(text: str) -> Optional[str]:
    """'user', 'relative', 'child', or None when the message does not say."""
    _, _, min_score = _setup()
    ranked = scores(text).most_common()
    if not ranked or ranked[0][1] < min_score:
        return None
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]


@lru_cache(maxsize=1)
def default_audience() -> str:
    """Who assess() reports when a message has no cue (the conversation itself asks instead)."""
    return yaml.safe_load(AUDIENCE_FILE.read_text(encoding="utf-8"))["default"]


def is_explicit(text: str) -> bool:
    """True when the message states who is writing ("jeg er 12", "jeg er pårørende")."""
    matcher, weights, _ = _setup()
    return any(weights[cue.id] >= 10 for cue in matcher.detect(text or ""))

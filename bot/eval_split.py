"""Which lines of the development sets (data/eval/) are held apart: nobody building Losen reads them,
and nothing is trained on them (data/eval/README.md). One rule, used by the evaluation and by the
criteria model's training (bot/criteria_model.py)."""
import hashlib

# Sets written whole by someone who never saw Losen's patterns, and never read by its builders:
# every line is held apart, not a quarter.
WHOLLY_HELD_PREFIXES = ("fresh-", "probe5-", "fresh2-", "probe7-", "fresh3-", "fresh4-", "fresh5-", "fresh6-", "fresh7-")


def held_apart(item_id: str) -> bool:
    if str(item_id).startswith(WHOLLY_HELD_PREFIXES):
        return True
    return int(hashlib.sha256(str(item_id).encode()).hexdigest(), 16) % 4 == 0

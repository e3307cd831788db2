"""data/audience.yml, loaded once: the cues, the age reader's word lists and the clause lists.

The three readings of who is writing share one file: the cues in the red-flag pattern syntax
(cue_matcher, read by bot/audience.py), the word lists of the age reader (age_reader, used by
bot/writer_age.py) and of the clause reader (clause_lists, used by bot/clause_subjects.py).
Word lists are folded here, so every reader compares folded words.
"""
from functools import lru_cache

import yaml

from bot import DATA
from bot.redflags import RedFlagMatcher
from bot.textnorm import fold

AUDIENCE_FILE = DATA / "audience.yml"


@lru_cache(maxsize=1)
def spec() -> dict:
    return yaml.safe_load(AUDIENCE_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def age_reader() -> dict:
    """The `age_reader` section, its word lists folded."""
    raw = spec()["age_reader"]
    return {key: (frozenset(fold(str(w)) for w in value) if isinstance(value, list) else value)
            for key, value in raw.items()}


@lru_cache(maxsize=1)
def clause_lists() -> dict:
    """The `clauses` section, its word lists folded."""
    return {key: (frozenset(fold(str(w)) for w in value) if isinstance(value, list) else value)
            for key, value in spec()["clauses"].items()}


@lru_cache(maxsize=1)
def cue_matcher():
    """(matcher over the cues, weight per cue id, min_score)."""
    data = spec()
    flags = [{"id": c["id"], "criterion": c["audience"], "patterns": c["patterns"],
              "unless": c.get("unless", [])} for c in data["cues"]]
    weights = {c["id"]: c["weight"] for c in data["cues"]}
    return RedFlagMatcher({"flags": flags}, fuzzy=data.get("fuzzy", True)), weights, data.get("min_score", 1)

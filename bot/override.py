"""Which intent a red flag forces, whatever the model predicted (rules in data/intent_override.yml)."""
from functools import lru_cache
from typing import Iterable, Optional

import yaml

from bot import DATA


@lru_cache(maxsize=1)
def _rules() -> dict:
    return yaml.safe_load((DATA / "intent_override.yml").read_text(encoding="utf-8"))


def forced_intent(criteria: Iterable[str], predicted: Optional[str]) -> Optional[str]:
    """The intent to use instead of `predicted`, or None to keep the model's answer."""
    rules = _rules()
    found = set(criteria)
    for criterion in rules["priority"]:
        if criterion not in found:
            continue
        rule = rules["overrides"][criterion]
        if predicted == rule["intent"] or predicted in rule.get("except", []):
            return None
        if "*" in rule["replaces"] or predicted in rule["replaces"] or predicted is None:
            return rule["intent"]
    return None

"""What an assessment of one message holds (bot/assess.py makes it), the settings it is made with
(data/assessment.yml), and the assessment the Rasa server stored in the parse data (components/reading.py)."""
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import List, Optional

import yaml

from bot import DATA
from bot.reading import READING_KEY

CRITERIA = ("pregnancy", "danger_to_life_health", "suicidal", "withdrawal", "dangerous_behaviour",
            "social_loss", "self_defined")
FAQ_CONFIDENCE_KEY = "faq_confidence"  # the answer selector's confidence, put in the reading's nlu


@lru_cache(maxsize=1)
def rules() -> dict:
    return yaml.safe_load((DATA / "assessment.yml").read_text(encoding="utf-8"))


@dataclass
class Assessment:
    danger_to_life: bool = False
    acute: bool = False
    criteria: List[str] = field(default_factory=list)
    audience: Optional[str] = None
    wants: str = "telling"
    number: Optional[str] = None        # the number the first bubble names: 113 | 112 | both
    situation: Optional[str] = None     # the danger situation, "unspecified" when only the model saw danger
    doubt: bool = False                 # not sure of danger: the first bubble still names 113
    acute_hint: bool = False            # not acute, but the criteria model leans that way: the acute door too
    said_crisis: bool = False
    flagged: List[str] = field(default_factory=list)  # red-flag criteria kept (they force the intent)
    reasons: List[str] = field(default_factory=list)
    location: Optional[str] = None

    def as_dict(self) -> dict:
        return asdict(self)


def add_criteria(criteria: List[str], new: List[str]) -> None:
    for criterion in new:
        if criterion not in criteria:
            criteria.append(criterion)


def intent_ranking(nlu: Optional[dict]) -> List[dict]:
    if not nlu:
        return []
    ranking = nlu.get("intent_ranking") or []
    return ranking or ([nlu["intent"]] if nlu.get("intent") else [])


def stored_assessment(nlu: Optional[dict]) -> Optional[Assessment]:
    """The assessment the Rasa server made when it read the message (components/reading.py), from
    the model's own guess before the reading forced an intent: what the actions answer from."""
    made = ((nlu or {}).get(READING_KEY) or {}).get("assessment")
    if not isinstance(made, dict):
        return None
    return Assessment(**{k: v for k, v in made.items() if k in Assessment.__dataclass_fields__})

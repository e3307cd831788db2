"""Assessment of one message against the guideline's acute criteria, applied conservatively.

One pure function: `assess(text, nlu, context)`. The trained model's parse (`nlu`, as the Rasa
server gives it) adds criteria and what the person wants; the deterministic red flags
(bot/redflags.py) add criteria the model can never remove. The person defines the crisis: a
self-declared crisis is acute, and an uncertain crisis-like message is treated as acute.
"""
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import List, Optional

import yaml

from bot import DATA
from bot.audience import default_audience, detect_audience
from bot.redflags import detect

CRITERIA = ("pregnancy", "danger_to_life_health", "suicidal", "withdrawal", "dangerous_behaviour",
            "social_loss", "self_defined")


@lru_cache(maxsize=1)
def rules() -> dict:
    return yaml.safe_load((DATA / "assessment.yml").read_text(encoding="utf-8"))


@dataclass
class Assessment:
    danger_to_life: bool = False
    acute: bool = False
    criteria: List[str] = field(default_factory=list)
    audience: Optional[str] = None
    wants: str = "none"
    reasons: List[str] = field(default_factory=list)
    location: Optional[str] = None

    def as_dict(self) -> dict:
        return asdict(self)


def _add(criteria: List[str], new: List[str]) -> None:
    for criterion in new:
        if criterion not in criteria:
            criteria.append(criterion)


def _ranking(nlu: Optional[dict]) -> List[dict]:
    if not nlu:
        return []
    ranking = nlu.get("intent_ranking") or []
    return ranking or ([nlu["intent"]] if nlu.get("intent") else [])


def _location(text: str) -> Optional[str]:
    from bot.places import resolve_place  # loaded on first use: the gazetteer is large

    found = resolve_place(text)
    if found.status == "found":
        return found.place.name
    if found.status == "ambiguous":
        return found.candidates[0].name
    return None


def assess(text: str, nlu: Optional[dict] = None, context: Optional[dict] = None) -> Assessment:
    text = text or ""
    context = context or {}
    spec = rules()
    result = Assessment()

    for flag in detect(text):
        _add(result.criteria, spec["red_flag_criteria"][flag.criterion])
        result.reasons.append(f"red flag {flag.id}: «{flag.text}»")
        if flag.criterion == "danger_to_life":
            result.danger_to_life = True

    ranking = _ranking(nlu)
    top = ranking[0] if ranking else None
    if top and top.get("name"):
        name = top["name"]
        if name in spec["intent_criteria"]:
            _add(result.criteria, spec["intent_criteria"][name])
            result.reasons.append(f"intent {name} ({top.get('confidence', 0):.2f})")
        if name == "danger_to_life":
            result.danger_to_life = True
        result.wants = spec["intent_wants"].get(name, "none")
        uncertain = name in ("nlu_fallback",) or name not in spec["calm_intents"]
        if uncertain:
            for candidate in ranking[:3]:
                if candidate.get("name") in spec["crisis_like_intents"] and \
                        candidate.get("confidence", 0) >= spec["crisis_like_min_confidence"]:
                    if not result.criteria:
                        _add(result.criteria, ["self_defined"])
                    result.reasons.append(f"crisis-like: {candidate['name']} ({candidate.get('confidence', 0):.2f})")
                    break

    if result.danger_to_life:
        _add(result.criteria, ["danger_to_life_health"])
    result.criteria = [c for c in CRITERIA if c in result.criteria]
    result.acute = bool(result.criteria) or result.danger_to_life
    result.audience = context.get("audience") or detect_audience(text) or default_audience()
    result.location = _location(text)
    return result

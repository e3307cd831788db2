"""The slot values the reading sets, which the domain's conditional responses are chosen by.

One function, so the NLU component and the tests agree on them. Values not listed in the
domain's slot definitions must never be produced (tests/test_slots.py checks it).
"""
from typing import Dict, Optional

from bot.assessment import rules
from bot.situation_catalogue import situation


def reader(audience: Optional[str]) -> str:
    """Who the danger answer speaks to: a child, the person in danger, or someone beside them."""
    if audience == "child":
        return "child"
    return "self" if audience == "user" else "other"


def opening(assessment) -> str:
    """How a crisis answer opens: a child's words, the person's own word 'crisis', or plain care."""
    if assessment.audience == "child":
        return "child"
    return "said_crisis" if assessment.said_crisis else "hard"


def first_situation(assessment, reading) -> str:
    """The situation the first bubble speaks of. With both numbers (a weapon and someone hurt), the
    police situation: the domain's "both" texts belong to those, and 112 comes first."""
    if assessment.number == "both":
        # the situations whose own number is not the ambulance's: the police ones
        police = [s for s in reading.situations
                  if (situation(s) or {}).get("number") not in (None, rules()["default_emergency"])]
        if police:
            return police[0]
    return assessment.situation or "unspecified"


def slot_values(assessment, reading, intent: Optional[str]) -> Dict[str, Optional[str]]:
    values: Dict[str, Optional[str]] = {"opening": opening(assessment), "audience": reading.audience,
                                        "malform": reading.malform}
    if intent == "danger_to_life":
        values.update(emergency=assessment.number or rules()["default_emergency"],
                      situation=first_situation(assessment, reading), reader=reader(reading.audience))
    elif intent == "danger_doubt":
        values.update(emergency=rules()["default_emergency"], situation="doubt", reader=reader(reading.audience))
    return values

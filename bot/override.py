"""Which intent Losen answers, whatever the model predicted (rules in data/intent_override.yml).

Danger first: a danger situation or red flag always gives `danger_to_life`, and a hint of danger
that is not enough to be sure gives `danger_doubt` (a first bubble that still names 113). Then
the red-flag criteria replace calm guesses. Last, a question for information that the model took
for a crisis is answered as a question: `faq` when the answer selector has a confident answer,
`info_unsure` (say so, offer people who can answer) when not.
"""
import re
from functools import lru_cache
from typing import Iterable, Optional

import yaml

from bot import DATA


@lru_cache(maxsize=1)
def _rules() -> dict:
    return yaml.safe_load((DATA / "intent_override.yml").read_text(encoding="utf-8"))


def forced_by_flags(criteria: Iterable[str], predicted: Optional[str]) -> Optional[str]:
    """The intent red-flag criteria force instead of `predicted`, or None to keep it."""
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


def _flag_intents() -> set:
    return {rule["intent"] for rule in _rules()["overrides"].values()}


def _asked_with_an_answer(assessment, faq_confidence: float) -> bool:
    """A question for information that meets only criteria answered first (answer_first_when_asked),
    with an answer the selector is sure of: the answer, then the acute door."""
    rules = _rules()
    flagged = set(assessment.flagged) | set(assessment.criteria)
    return assessment.wants == "info" and bool(flagged) and faq_confidence >= rules["faq_min_confidence"] \
        and flagged <= set(rules["answer_first_when_asked"])


def place_only(text: str, places: Iterable[tuple]) -> bool:
    """Whether the text is a place and at most a few other words ("i Bergen"); places are (start, end)."""
    rest, found = text, False
    for start, end in sorted(places, reverse=True):
        rest, found = rest[:start] + " " + rest[end:], True
    return found and len(re.findall(r"\w+", rest)) <= _rules()["place_only"]["max_other_words"]


def forced_intent(assessment, predicted: Optional[str], faq_confidence: float = 0.0,
                  malform_asked: Optional[str] = None, known_words: bool = True,
                  only_place: bool = False) -> Optional[str]:
    """The intent to answer instead of `predicted`, or None to keep the model's answer."""
    rules = _rules()
    if assessment.danger_to_life:
        return None if predicted == "danger_to_life" else "danger_to_life"
    if _asked_with_an_answer(assessment, faq_confidence):
        return None if predicted == "faq" else "faq"
    by_flags = forced_by_flags(assessment.flagged, predicted)
    if by_flags or (assessment.flagged and predicted in _flag_intents()):
        return by_flags
    if assessment.doubt:
        return "danger_doubt"
    if malform_asked and not assessment.acute:
        return "choose_malform"  # "kan du skrive nynorsk?" asks Losen to write so; nothing to answer
    if only_place and not assessment.acute and predicted in rules["place_only"]["replaces"]:
        return rules["place_only"]["intent"]
    if not known_words and not assessment.acute and predicted not in rules["answers_questions"]:
        return "nlu_fallback"  # no Norwegian word in it: say we did not understand, with 113 and 116 117
    if assessment.wants == "what_to_do" and predicted == "faq" and faq_confidence < rules["faq_sure"]:
        return "what_to_do"  # "hva bør jeg gjøre når kona mi drikker?" wants advice, not a loose fact
    if predicted == "what_to_do" and not assessment.acute and faq_confidence >= rules["faq_over_what_to_do"]:
        return "faq"  # "hvordan sier jeg til pappa at han drikker for mye?" has its own answer
    if assessment.wants == "talk" and not assessment.acute and predicted in rules["crisis_intents"]:
        return "want_talk"  # "kan jeg snakke med noen her?" after a sad story: someone to talk to, no crisis
    question = assessment.wants == "info" and not assessment.acute
    if question and predicted not in rules["answers_questions"]:
        return "faq" if faq_confidence >= rules["faq_min_confidence"] else "info_unsure"
    return None

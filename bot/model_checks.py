"""What the two trained models add to the reading (bot/assess.py): the intent model, fitted on Losen's own
training sentences, and the criteria model, fitted on other people's messages (bot/criteria_model.py).
They may add danger and criteria, never remove them, with one exception that never removes 113: danger
read in a message that asks, which the criteria model finds unlikely, is doubt (data/assessment.yml
`danger_in_a_question_needs`). The criteria model also settles whether "both" numbers need the police
(`both_needs_police`), and whether a message that is not acute leans that way (`acute_hint_from`)."""
from typing import Optional

from bot.assessment import FAQ_CONFIDENCE_KEY, Assessment, add_criteria, intent_ranking
from bot.criteria_model import CRITERIA_MODEL_KEY, over_threshold
from bot.reading import Reading
from bot.situation_catalogue import situation as danger_situation


def danger_unlikely(reading: Reading, nlu: Optional[dict], spec: dict) -> Optional[float]:
    """The criteria model's danger score when the message asks (for facts or what to do) and the model,
    fitted on other people's messages, finds danger now unlikely; else None. Such danger is doubt: 113
    is still named first, and the question answered."""
    scores = (nlu or {}).get(CRITERIA_MODEL_KEY)
    if not isinstance(scores, dict) or reading.wants not in ("info", "what_to_do"):
        return None
    danger = scores.get("danger", 1.0)
    return danger if danger < spec["danger_in_a_question_needs"] else None


def apply_model(result: Assessment, reading: Reading, nlu: Optional[dict], spec: dict, text: str,
                 unlikely: Optional[float] = None) -> None:
    ranking = intent_ranking(nlu)
    top = ranking[0] if ranking else None
    if not top or not top.get("name"):
        return
    name = top["name"]
    if reading.wants == "telling":  # the words say nothing of what they want: the model may
        guess = spec["intent_wants"].get(name, result.wants)
        # ... but a story told in sentences is telling, whatever question it resembles; only a
        # few words ("symptomer abstinens") can be a question without looking like one.
        if guess != "info" or len(text.split()) <= spec["model_info_max_words"]:
            result.wants = guess
    # A question for information is answered as one: the model's guess of a criterion from the
    # words of a question ("hva er symptomene på abstinenser?") does not make it a crisis.
    question = reading.wants == "info" or reading.general_question or \
        (name == "danger_to_life" and unlikely is not None)
    if name == "danger_to_life" and not result.danger_to_life:
        if question:
            result.doubt = True
            result.reasons.append("model: danger_to_life in a question -> doubt")
            return
        result.danger_to_life = True
        result.situation = result.situation or "unspecified"
    if question:
        return
    if name in spec["intent_criteria"] and _model_agrees(nlu, spec, name):
        add_criteria(result.criteria, spec["intent_criteria"][name])
        result.reasons.append(f"intent {name} ({top.get('confidence', 0):.2f})")
    # A guess of "faq" with no answer the selector is sure of is no known question: the crisis-like
    # intents next in line still count, as for a guess the model is unsure of.
    unanswered = name == "faq" and (nlu or {}).get(FAQ_CONFIDENCE_KEY, 1.0) < spec["faq_guess_min_confidence"]
    if name == "nlu_fallback" or unanswered or name not in spec["calm_intents"]:
        for candidate in ranking[:3]:
            if candidate.get("name") in spec["crisis_like_intents"] and \
                    candidate.get("confidence", 0) >= spec["crisis_like_min_confidence"] and \
                    _model_agrees(nlu, spec, None):
                if not result.criteria:
                    add_criteria(result.criteria, ["self_defined"])
                result.reasons.append(f"crisis-like: {candidate['name']} ({candidate.get('confidence', 0):.2f})")
                break


def _model_agrees(nlu: Optional[dict], spec: dict, intent: Optional[str]) -> bool:
    """Whether the criteria model (fitted on other people's messages) sees at least a hint of what the
    intent model (fitted on Losen's own sentences) guessed: of that criterion, or for a crisis-like
    guess (`intent` None) of any. Danger, pregnancy and a crisis said are never held back, and without
    the criteria model the guess counts as before."""
    scores = (nlu or {}).get(CRITERIA_MODEL_KEY)
    if not isinstance(scores, dict):
        return True
    bar = spec["intent_criterion_needs"]
    if intent is None:
        return max((scores.get(label, 0.0) for label in bar["labels"].values()), default=0.0) >= bar["min_score"]
    label = bar["labels"].get(intent)
    return label is None or scores.get(label, 0.0) >= bar["min_score"]


def leans_acute(nlu: Optional[dict], spec: dict) -> bool:
    """Whether the criteria model gives danger or a criterion at least `acute_hint_from`: in doubt between a
    question and a crisis, the question is answered and the acute door added (issue 15)."""
    scores = (nlu or {}).get(CRITERIA_MODEL_KEY)
    if not isinstance(scores, dict):
        return False
    return any(score >= spec["acute_hint_from"] for label, score in scores.items() if label != "police")


def apply_criteria_model(result: Assessment, reading: Reading, nlu: Optional[dict], spec: dict) -> None:
    """What other people's words say (bot/criteria_model.py): it may add danger or a criterion, never
    remove one. A question for information stays a question: danger seen in one is doubt (113 named
    first, the question answered), and a criterion read in one does not make it a crisis."""
    scores = (nlu or {}).get(CRITERIA_MODEL_KEY)
    if not isinstance(scores, dict):
        return
    found = set(over_threshold(scores))
    question = reading.wants == "info" or reading.general_question
    if "danger" in found and not result.danger_to_life:
        if question:
            result.doubt = True
            result.reasons.append(f"criteria model: danger {scores['danger']:.2f} in a question -> doubt")
        else:
            result.danger_to_life = True
            result.situation = result.situation or "unspecified"
            result.number = result.number or spec["police_emergency" if "police" in found else "default_emergency"]
            result.reasons.append(f"criteria model: danger {scores['danger']:.2f}")
    elif result.number == "both" and reading.number == "both" and scores.get("police", 1.0) < spec["both_needs_police"]:
        ambulance = [s for s in reading.situations if danger_situation(s)["number"] == spec["default_emergency"]]
        if ambulance:
            result.number, result.situation = spec["default_emergency"], ambulance[0]
            result.reasons.append(f"criteria model: no police case ({scores['police']:.2f}) -> {result.number}")
    elif "danger" in found and result.number == spec["police_emergency"] and "police" not in found:
        # The catalogue read a police case, the model an ambulance case: name both (112 first, then 113).
        result.number = "both"
        result.reasons.append(f"criteria model: an ambulance case ({scores['police']:.2f} police) -> both")
    top = (intent_ranking(nlu) or [{}])[0].get("name")
    if question or top in spec["criteria_model_keeps"]:
        return
    for criterion in ("suicidal", "withdrawal", "dangerous_behaviour", "social_loss"):
        if criterion in found and criterion not in result.criteria:
            add_criteria(result.criteria, spec["criterion_gives"][criterion])
            add_criteria(result.flagged, [criterion])
            result.reasons.append(f"criteria model: {criterion} {scores[criterion]:.2f}")

"""Assessment of one message against the guideline's acute criteria, applied conservatively.

`assess(text, nlu, context)` combines the deterministic reading of the message (bot/reading.py:
danger situations, red flags, audience, what the person wants), taken from the parse data when
the Rasa server already read it, with the trained model's guess (`nlu`). The model may add
danger and criteria, never remove them, with one exception that never removes 113: danger read in a
message that asks, which the criteria model finds unlikely, is doubt, whose first bubble still names
113 (data/assessment.yml `danger_in_a_question_needs`). The person defines the crisis: saying it is a crisis, or
asking for help now, is acute. A question for information is not a crisis unless something in it
is happening now.
"""
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import List, Optional

import yaml

from bot import DATA
from bot.audience import audience_or_guess
from bot.criteria_model import CRITERIA_MODEL_KEY, over_threshold
from bot.reading import READING_KEY, Reading, read
from bot.situation_catalogue import criterion_situation
from bot.situation_catalogue import situation as danger_situation

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


FAQ_CONFIDENCE_KEY = "faq_confidence"  # the answer selector's confidence, put in the reading's nlu


def stored_assessment(nlu: Optional[dict]) -> Optional[Assessment]:
    """The assessment the Rasa server made when it read the message (components/reading.py), from
    the model's own guess before the reading forced an intent: what the actions answer from."""
    made = ((nlu or {}).get(READING_KEY) or {}).get("assessment")
    if not isinstance(made, dict):
        return None
    return Assessment(**{k: v for k, v in made.items() if k in Assessment.__dataclass_fields__})


def reading_of(text: str, nlu: Optional[dict]) -> Reading:
    """The reading the Rasa server made of this message, or a fresh one (CLI, tests)."""
    if nlu and isinstance(nlu.get(READING_KEY), dict) and "reading" in nlu[READING_KEY]:
        return Reading.from_dict(nlu[READING_KEY]["reading"])
    return read(text)


def _danger_unlikely(reading: Reading, nlu: Optional[dict], spec: dict) -> Optional[float]:
    """The criteria model's danger score when the message asks (for facts or what to do) and the model,
    fitted on other people's messages, finds danger now unlikely; else None. Such danger is doubt: 113
    is still named first, and the question answered."""
    scores = (nlu or {}).get(CRITERIA_MODEL_KEY)
    if not isinstance(scores, dict) or reading.wants not in ("info", "what_to_do"):
        return None
    danger = scores.get("danger", 1.0)
    return danger if danger < spec["danger_in_a_question_needs"] else None


def _apply_reading(result: Assessment, reading: Reading, spec: dict, unlikely: Optional[float] = None) -> None:
    if reading.situations and unlikely is not None:
        result.doubt = True
        result.reasons.append(f"situation {reading.situation} in a question, criteria model danger {unlikely:.2f} -> doubt")
    for situation in reading.situations if unlikely is None else []:
        _add(result.criteria, ["danger_to_life_health"] + spec["situation_criteria"].get(situation, []))
        result.reasons.append(f"situation {situation}")
    if reading.situations and unlikely is None:
        result.danger_to_life = True
        result.number = reading.number
        result.situation = reading.situation
    for situation_id in reading.criterion_situations:
        # The guideline's other criteria, by situation (data/situations.yml criterion_situations); the
        # matcher has already read apart the past, general questions and questions about a thing.
        criterion = criterion_situation(situation_id)["criterion"]
        _add(result.criteria, spec["criterion_gives"][criterion])
        _add(result.flagged, [criterion])
        result.reasons.append(f"criterion situation {situation_id}")
    for flag in reading.flags:
        if flag["criterion"] == "self_defined" and flag["id"] not in spec["crisis_words_flags"] and \
                reading.wants != "help_now":
            continue  # "er det min feil at pappa drikker?" asks; worry alone, without asking for help now, is no crisis
        if flag.get("history"):
            continue  # "aldri hatt kramper", "døde av en overdose for fem år siden": nothing now, no doubt
        apart = reading.general_question or (reading.read_apart and not reading.situations) or flag.get("apart") \
            or (unlikely is not None and flag["criterion"] == "danger_to_life")
        if apart and flag["criterion"] in ("danger_to_life", "suicidal"):
            # "hva gjør man hvis noen får kramper?", "for to år siden tok han en overdose": the danger
            # is not happening now. 113 is still named first (doubt), and the question answered.
            result.doubt = True
            result.reasons.append(f"red flag {flag['id']} in a general question or the past -> doubt")
            continue
        _add(result.criteria, spec["criterion_gives"][flag["criterion"]])
        _add(result.flagged, [flag["criterion"]])
        result.reasons.append(f"red flag {flag['id']}: «{flag['text']}»")
        if flag["criterion"] == "danger_to_life":
            result.danger_to_life = True
        if flag["id"] in spec["said_crisis_flags"]:
            result.said_crisis = True
    result.doubt = (result.doubt or reading.doubt) and not result.danger_to_life
    if reading.wants == "help_now" and not result.criteria:
        _add(result.criteria, ["self_defined"])
        result.reasons.append("asks for help now")


def _apply_model(result: Assessment, reading: Reading, nlu: Optional[dict], spec: dict, text: str,
                 unlikely: Optional[float] = None) -> None:
    ranking = _ranking(nlu)
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
        _add(result.criteria, spec["intent_criteria"][name])
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
                    _add(result.criteria, ["self_defined"])
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


def _leans_acute(nlu: Optional[dict], spec: dict) -> bool:
    """Whether the criteria model gives danger or a criterion at least `acute_hint_from`: in doubt between a
    question and a crisis, the question is answered and the acute door added (issue 15)."""
    scores = (nlu or {}).get(CRITERIA_MODEL_KEY)
    if not isinstance(scores, dict):
        return False
    return any(score >= spec["acute_hint_from"] for label, score in scores.items() if label != "police")


def _apply_criteria_model(result: Assessment, reading: Reading, nlu: Optional[dict], spec: dict) -> None:
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
    top = (_ranking(nlu) or [{}])[0].get("name")
    if question or top in spec["criteria_model_keeps"]:
        return
    for criterion in ("suicidal", "withdrawal", "dangerous_behaviour", "social_loss"):
        if criterion in found and criterion not in result.criteria:
            _add(result.criteria, spec["criterion_gives"][criterion])
            _add(result.flagged, [criterion])
            result.reasons.append(f"criteria model: {criterion} {scores[criterion]:.2f}")


def assess(text: str, nlu: Optional[dict] = None, context: Optional[dict] = None,
           with_location: bool = True) -> Assessment:
    text = text or ""
    context = context or {}
    spec = rules()
    reading = reading_of(text, nlu)
    result = Assessment(wants=reading.wants)
    unlikely = _danger_unlikely(reading, nlu, spec)
    if unlikely is not None:
        # Danger the model finds unlikely in a question: what a question about it wants (doubt names 113).
        result.wants = reading.wants_if_calm or reading.wants
    _apply_reading(result, reading, spec, unlikely)
    _apply_model(result, reading, nlu, spec, text, unlikely)
    _apply_criteria_model(result, reading, nlu, spec)
    if result.danger_to_life:
        _add(result.criteria, ["danger_to_life_health"])
        result.number = result.number or spec["default_emergency"]
        result.doubt = False
    result.criteria = [c for c in CRITERIA if c in result.criteria]
    if len(result.criteria) > 1 and "self_defined" in result.criteria:
        # Self-defined is the crisis the person names when no other criterion holds (data/eval/README.md).
        result.criteria.remove("self_defined")
    result.acute = bool(result.criteria) or result.danger_to_life
    result.acute_hint = not result.acute and _leans_acute(nlu, spec)
    result.audience = context.get("audience") or reading.audience or audience_or_guess(text)
    if result.danger_to_life and result.wants == "telling":
        result.wants = "help_now"  # telling of an emergency happening now is asking for help now
    if with_location:
        result.location = _location(text)
    return result

"""Assessment of one message against the guideline's acute criteria, applied conservatively.

`assess(text, nlu, context)` combines the deterministic reading of the message (bot/reading.py:
danger situations, red flags, audience, what the person wants), taken from the parse data when
the Rasa server already read it, with the trained model's guess (`nlu`). The model may add
danger and criteria, never remove them, with one exception that never removes 113: danger read in a
message that asks, which the criteria model finds unlikely, is doubt, whose first bubble still names
113 (data/assessment.yml `danger_in_a_question_needs`). The person defines the crisis: saying it is a crisis, or
asking for help now, is acute. A question for information is not a crisis unless something in it
is happening now. What an assessment holds: bot/assessment.py; what the trained models add to the
reading: bot/model_checks.py.
"""
from typing import Optional

from bot.assessment import CRITERIA, Assessment, add_criteria, rules
from bot.audience import audience_or_guess
from bot.model_checks import apply_criteria_model, apply_model, danger_unlikely, leans_acute
from bot.reading import READING_KEY, Reading, read
from bot.situation_catalogue import criterion_situation


def _location(text: str) -> Optional[str]:
    from bot.places import resolve_place  # loaded on first use: the gazetteer is large

    found = resolve_place(text)
    if found.status == "found":
        return found.place.name
    if found.status == "ambiguous":
        return found.candidates[0].name
    return None


def reading_of(text: str, nlu: Optional[dict]) -> Reading:
    """The reading the Rasa server made of this message, or a fresh one (CLI, tests)."""
    if nlu and isinstance(nlu.get(READING_KEY), dict) and "reading" in nlu[READING_KEY]:
        return Reading.from_dict(nlu[READING_KEY]["reading"])
    return read(text)


def _apply_reading(result: Assessment, reading: Reading, spec: dict, unlikely: Optional[float] = None) -> None:
    if reading.situations and unlikely is not None:
        result.doubt = True
        result.reasons.append(f"situation {reading.situation} in a question, criteria model danger {unlikely:.2f} -> doubt")
    for situation in reading.situations if unlikely is None else []:
        add_criteria(result.criteria, ["danger_to_life_health"] + spec["situation_criteria"].get(situation, []))
        result.reasons.append(f"situation {situation}")
    if reading.situations and unlikely is None:
        result.danger_to_life = True
        result.number = reading.number
        result.situation = reading.situation
    for situation_id in reading.criterion_situations:
        # The guideline's other criteria, by situation (data/situations.yml criterion_situations); the
        # matcher has already read apart the past, general questions and questions about a thing.
        criterion = criterion_situation(situation_id)["criterion"]
        add_criteria(result.criteria, spec["criterion_gives"][criterion])
        add_criteria(result.flagged, [criterion])
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
        add_criteria(result.criteria, spec["criterion_gives"][flag["criterion"]])
        add_criteria(result.flagged, [flag["criterion"]])
        result.reasons.append(f"red flag {flag['id']}: «{flag['text']}»")
        if flag["criterion"] == "danger_to_life":
            result.danger_to_life = True
        if flag["id"] in spec["said_crisis_flags"]:
            result.said_crisis = True
    result.doubt = (result.doubt or reading.doubt) and not result.danger_to_life
    if reading.wants == "help_now" and not result.criteria:
        add_criteria(result.criteria, ["self_defined"])
        result.reasons.append("asks for help now")


def assess(text: str, nlu: Optional[dict] = None, context: Optional[dict] = None,
           with_location: bool = True) -> Assessment:
    text = text or ""
    context = context or {}
    spec = rules()
    reading = reading_of(text, nlu)
    result = Assessment(wants=reading.wants)
    unlikely = danger_unlikely(reading, nlu, spec)
    if unlikely is not None:
        # Danger the model finds unlikely in a question: what a question about it wants (doubt names 113).
        result.wants = reading.wants_if_calm or reading.wants
    _apply_reading(result, reading, spec, unlikely)
    apply_model(result, reading, nlu, spec, text, unlikely)
    apply_criteria_model(result, reading, nlu, spec)
    if result.danger_to_life:
        add_criteria(result.criteria, ["danger_to_life_health"])
        result.number = result.number or spec["default_emergency"]
        result.doubt = False
    result.criteria = [c for c in CRITERIA if c in result.criteria]
    if len(result.criteria) > 1 and "self_defined" in result.criteria:
        # Self-defined is the crisis the person names when no other criterion holds (data/eval/README.md).
        result.criteria.remove("self_defined")
    result.acute = bool(result.criteria) or result.danger_to_life
    result.acute_hint = not result.acute and leans_acute(nlu, spec)
    result.audience = context.get("audience") or reading.audience or audience_or_guess(text)
    if result.danger_to_life and result.wants == "telling":
        result.wants = "help_now"  # telling of an emergency happening now is asking for help now
    if with_location:
        result.location = _location(text)
    return result

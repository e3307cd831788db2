"""Small helpers shared by the actions: reading the tracker and calling bot/."""
import functools
from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot import clock
from bot.assess import assess
from bot.assessment import Assessment, stored_assessment
from bot.phrases import in_malform
from bot.replies import ask_more_lines, open_lines


def latest_text(tracker: Tracker) -> str:
    return (tracker.latest_message or {}).get("text") or ""


def assessment(tracker: Tracker) -> Assessment:
    """The assessment the Rasa server made when it read the message (components/reading.py),
    so the message is read once; computed here only when the parse data lacks it."""
    audience = tracker.get_slot("audience")
    found = stored_assessment(tracker.latest_message)
    if found:
        found.audience = audience or found.audience
        return found
    return assess(latest_text(tracker), nlu=tracker.latest_message, context={"audience": audience})


def audience_of(tracker: Tracker, found: Optional[str] = None) -> Optional[str]:
    return tracker.get_slot("audience") or found


def utter_all(dispatcher: CollectingDispatcher, responses: List[str], **values: Any) -> None:
    for name in responses:
        dispatcher.utter_message(response=name, **values)


def utter_open_now(dispatcher: CollectingDispatcher, audience: Optional[str], acute: bool = False) -> None:
    dispatcher.utter_message(response="utter_open_services", services=open_lines(clock.now(), audience, acute=acute))


def utter_ask_more(dispatcher: CollectingDispatcher, audience: Optional[str]) -> None:
    dispatcher.utter_message(response="utter_ask_more", services=ask_more_lines(clock.now(), audience))


def merge_criteria(tracker: Tracker, found: List[str]) -> List[str]:
    known: List[str] = list(tracker.get_slot("criteria") or [])
    return known + [c for c in found if c not in known]


def events_dict(**slots: Any) -> Dict[str, Any]:
    return {k: v for k, v in slots.items() if v is not None}


def in_conversations_malform(run):
    """An action's run, with the composed lines (hours, distances) in the conversation's written
    standard (the malform slot: nb or nn)."""
    @functools.wraps(run)
    def wrapper(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]):
        with in_malform(tracker.get_slot("malform")):
            return run(self, dispatcher, tracker, domain)
    return wrapper

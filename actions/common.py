"""Small helpers shared by the actions: reading the tracker and calling bot/."""
from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot import clock
from bot.assess import assess
from bot.replies import open_lines


def latest_text(tracker: Tracker) -> str:
    return (tracker.latest_message or {}).get("text") or ""


def assessment(tracker: Tracker):
    """The same assessment `python -m bot assess` gives, on what the Rasa server parsed."""
    context = {"audience": tracker.get_slot("audience"), "criteria": tracker.get_slot("criteria") or []}
    return assess(latest_text(tracker), nlu=tracker.latest_message, context=context)


def audience_of(tracker: Tracker, found: Optional[str] = None) -> Optional[str]:
    return tracker.get_slot("audience") or found


def utter_all(dispatcher: CollectingDispatcher, responses: List[str], **values: Any) -> None:
    for name in responses:
        dispatcher.utter_message(response=name, **values)


def utter_open_now(dispatcher: CollectingDispatcher, audience: Optional[str]) -> None:
    dispatcher.utter_message(response="utter_open_services", services=open_lines(clock.now(), audience))


def merge_criteria(tracker: Tracker, found: List[str]) -> List[str]:
    known: List[str] = list(tracker.get_slot("criteria") or [])
    return known + [c for c in found if c not in known]


def events_dict(**slots: Any) -> Dict[str, Any]:
    return {k: v for k, v in slots.items() if v is not None}

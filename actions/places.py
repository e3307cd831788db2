"""The nearest acute unit for the place a person names (form + answer)."""
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import audience_of, in_conversations_malform, latest_text, utter_open_now
from bot.gazetteer import Place
from bot.nearest import nearest_units
from bot.nearest_text import nearest_text, place_text, which_place_text
from bot.places import choose_candidate, resolve_place


def nearest_message(place: Place) -> str:
    return place_text(place) + "\n" + nearest_text(nearest_units(place))


def _which_buttons(candidates) -> List[Dict[str, str]]:
    # The button sends the candidate's own words back, which choose_candidate understands.
    labels = [which_place_text([c]).removeprefix("Mente du ").rstrip("?") for c in candidates]
    return [{"title": label, "payload": label} for label in labels]


def resolve_answer(text: str, ambiguous_text: Optional[str]):
    """(place, ambiguous resolution) for an answer, using an earlier ambiguous name if there was one."""
    if ambiguous_text:
        earlier = resolve_place(ambiguous_text)
        if earlier.status == "ambiguous":
            chosen = choose_candidate(earlier.candidates, text)
            if chosen:
                return chosen, None
    found = resolve_place(text)
    if found.status == "found":
        return found.place, None
    return None, found if found.status == "ambiguous" else None


class ValidatePlaceForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_place_form"

    def validate_place(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                       domain: DomainDict) -> Dict[Text, Any]:
        place, ambiguous = resolve_answer(str(value or ""), tracker.get_slot("place_ambiguous"))
        if place:
            return {"place": place.name, "place_resolved": place.to_dict(), "place_ambiguous": None}
        if ambiguous:
            dispatcher.utter_message(response="utter_ask_place_which", buttons=_which_buttons(ambiguous.candidates))
            return {"place": None, "place_ambiguous": str(value)}
        dispatcher.utter_message(response="utter_place_not_found")
        return {"place": None}


class ActionNearestUnit(Action):
    """Answer with the nearest units, or the doors that are always open when no place is given."""

    def name(self) -> Text:
        return "action_nearest_unit"

    @in_conversations_malform
    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict]:
        audience = audience_of(tracker)
        if tracker.get_slot("place_declined") and not tracker.get_slot("place_resolved"):
            dispatcher.utter_message(response="utter_place_declined")
            utter_open_now(dispatcher, audience)
            return [SlotSet("place_declined", False)]
        resolved = tracker.get_slot("place_resolved")
        place = Place(**resolved) if resolved else None
        ambiguous = None
        if place is None or tracker.latest_message.get("intent", {}).get("name") == "inform_place":
            fresh, ambiguous = resolve_answer(latest_text(tracker), tracker.get_slot("place_ambiguous"))
            place = fresh or place
        if place is None and ambiguous:
            dispatcher.utter_message(response="utter_ask_place_which", buttons=_which_buttons(ambiguous.candidates))
            return [SlotSet("place_ambiguous", latest_text(tracker))]
        if place is None:
            dispatcher.utter_message(response="utter_place_not_found")
            utter_open_now(dispatcher, audience)
            return []
        dispatcher.utter_message(response="utter_nearest_units", units=nearest_message(place))
        return [SlotSet("place", place.name), SlotSet("place_resolved", place.to_dict()),
                SlotSet("place_ambiguous", None)]

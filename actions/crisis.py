"""Acute messages: the guideline's criteria, answered with a next step that is open now."""
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import assessment, audience_of, in_conversations_malform, latest_text, merge_criteria, utter_all, utter_open_now
from actions.places import nearest_message
from bot.audience import detect_audience
from bot.places import resolve_place
from bot.replies import crisis_plan, what_to_do_plan


class ActionCrisisResponse(Action):
    def name(self) -> Text:
        return "action_crisis_response"

    @in_conversations_malform
    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict]:
        found = assessment(tracker)
        # Ask rather than guess: only a clear cue (not "writes in first person") sets the audience.
        audience = audience_of(tracker, detect_audience(latest_text(tracker)))
        plan = crisis_plan(found.criteria, audience, bool(tracker.get_slot("audience_told")),
                           bool(tracker.get_slot("audience_asked")))
        utter_all(dispatcher, plan.responses)
        utter_open_now(dispatcher, audience, acute=True)
        place = resolve_place(latest_text(tracker))
        if place.status == "found":
            dispatcher.utter_message(response="utter_nearest_units", units=nearest_message(place.place))
        if plan.ask_audience:
            dispatcher.utter_message(response="utter_ask_audience")
        return [SlotSet("criteria", merge_criteria(tracker, found.criteria)),
                SlotSet("audience", audience),
                SlotSet("audience_told", bool(audience) or bool(tracker.get_slot("audience_told"))),
                SlotSet("audience_asked", plan.ask_audience or bool(tracker.get_slot("audience_asked")))]


class ActionWhatToDo(Action):
    """A relative asks what to do: now, their rights, support for themselves, help for children."""

    def name(self) -> Text:
        return "action_what_to_do"

    @in_conversations_malform
    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict]:
        found = assessment(tracker)
        audience = audience_of(tracker, found.audience) or "relative"
        if audience == "child":  # a child asking what to do gets the child flow
            plan = crisis_plan(found.criteria, "child", bool(tracker.get_slot("audience_told")), True)
        else:
            calm = not (found.acute or found.doubt or found.acute_hint)
            plan = what_to_do_plan(found.criteria, latest_text(tracker), audience, calm)
        utter_all(dispatcher, plan.responses)
        utter_open_now(dispatcher, audience, acute=found.acute)
        return [SlotSet("criteria", merge_criteria(tracker, found.criteria)), SlotSet("audience", audience),
                SlotSet("audience_told", True)]

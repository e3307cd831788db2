"""Who is open now – or at the time the person asks about – for the person's audience."""
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import audience_of, in_conversations_malform, latest_text, utter_open_now
from bot import clock
from bot.hours_text import channel_line, with_freshness_note
from bot.open_now import service_status
from bot.replies import open_lines
from bot.when import parse_when


class ActionListOpenServices(Action):
    """ "Hvem kan jeg ringe i natt?", "er RUSinfo åpen nå?", "hvem er åpen på julaften?"."""

    def name(self) -> Text:
        return "action_list_open_services"

    @in_conversations_malform
    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict]:
        text = latest_text(tracker)
        audience = audience_of(tracker)
        now = clock.now()
        when = parse_when(text, now=now)
        at = when.at if when else now
        asked = service_status(text, at=at)
        if asked:
            lines = [channel_line(asked.service, e.channel, at, now=now) for e in asked.entries]
            if lines and asked.service.offerable:
                dispatcher.utter_message(response="utter_service_status", status=with_freshness_note(lines))
        if when and when.kind != "now":
            dispatcher.utter_message(response="utter_open_services_at", when=when.matched,
                                     services=open_lines(at, audience))
        else:
            utter_open_now(dispatcher, audience)
        return []


class ActionPeopleNow(Action):
    """The people who can be reached now (after "I want a human")."""

    def name(self) -> Text:
        return "action_people_now"

    @in_conversations_malform
    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict]:
        utter_open_now(dispatcher, audience_of(tracker))
        return []

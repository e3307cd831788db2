"""Questions answered as questions: where to ask more, and the answer after a danger hint."""
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import assessment, audience_of, in_conversations_malform, utter_ask_more, utter_open_now
from bot.picked_answer import picked_answer, sure_answer


def selected_answer(tracker: Tracker) -> Optional[str]:
    """The answer the answer picker chose for this message (utter_faq/...), if it chose one."""
    return picked_answer(tracker.latest_message)


class ActionAskMore(Action):
    """After an answer: who can answer more, open now (or when they open, and who is open instead).
    A question that also meets an acute criterion (data/intent_override.yml answer_first_when_asked),
    or that the criteria model leans towards one (acute_hint), gets who is open now instead, with the
    door that is always open."""

    def name(self) -> Text:
        return "action_ask_more"

    @in_conversations_malform
    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict]:
        found = assessment(tracker)
        audience = audience_of(tracker, found.audience)
        if found.acute or found.acute_hint:
            utter_open_now(dispatcher, audience, acute=True)
        else:
            utter_ask_more(dispatcher, audience)
        return []


class ActionAnswerAfterDoubt(Action):
    """A danger hint got 113 first (utter_danger_doubt); now answer what was asked: the selected
    answer to a question, or the people who can help now. An answer the picker is sure of was
    already said in that first bubble, before the 113 line (channels/nlg.py), and is not repeated."""

    def name(self) -> Text:
        return "action_answer_after_doubt"

    @in_conversations_malform
    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict]:
        answer = selected_answer(tracker)
        if answer and not sure_answer(tracker.latest_message):
            dispatcher.utter_message(response=answer)
        utter_ask_more(dispatcher, audience_of(tracker, assessment(tracker).audience))
        return []

"""Rasa's response generator, with one change: the most specific matching variation wins.

Rasa picks at random among all conditional variations whose conditions hold. Losen's responses
have a variation per written standard (malform nb/nn) and, within it, some for a child, a
situation or a reader: a child writing nynorsk matches both [audience=child, malform=nn] and
[malform=nn]. Here only the variations with the most conditions among the matching ones are
kept, so the child's nynorsk text is said. Set in endpoints.yml (nlg: type: channels.nlg.MostSpecificNLG).

The responses listed in data/reply_plan.yml `after_a_sure_answer` (the 113 line for a hint of danger)
are said in one bubble after the answer the picker is sure of, when the message has one: the
person sees the answer to their question first, and 113 in the same bubble.
"""
from typing import Any, Dict, List, Optional, Text

from rasa.core.nlg.generator import ResponseVariationFilter
from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
from rasa.shared.constants import RESPONSE_CONDITION

from bot.picked_answer import sure_answer
from bot.replies import plan_data


def most_specific(responses: List[Dict[Text, Any]]) -> List[Dict[Text, Any]]:
    """The responses with the most conditions (all of them hold: Rasa has filtered them)."""
    if not responses:
        return responses
    most = max(len(r.get(RESPONSE_CONDITION) or []) for r in responses)
    return [r for r in responses if len(r.get(RESPONSE_CONDITION) or []) == most]


class MostSpecificFilter(ResponseVariationFilter):
    def responses_for_utter_action(self, utter_action: Text, output_channel: Text,
                                   filled_slots: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        return most_specific(super().responses_for_utter_action(utter_action, output_channel, filled_slots))


class MostSpecificNLG(TemplatedNaturalLanguageGenerator):
    def __init__(self, endpoint_config: Any = None, domain: Any = None,
                 responses: Optional[Dict[Text, List[Dict[Text, Any]]]] = None) -> None:
        super().__init__(responses if responses is not None else domain.responses)

    async def generate(self, utter_action: Text, tracker: Any, output_channel: Text,
                       **kwargs: Any) -> Optional[Dict[Text, Any]]:
        response = await super().generate(utter_action, tracker, output_channel, **kwargs)
        if not response or utter_action not in plan_data()["after_a_sure_answer"]:
            return response
        answer = sure_answer(tracker.latest_message.parse_data if tracker.latest_message else None)
        said = await super().generate(answer, tracker, output_channel, **kwargs) if answer else None
        if said and said.get("text") and response.get("text"):
            response["text"] = f"{said['text']}\n\n{response['text']}"
        return response

    def _random_response_for(self, utter_action: Text, output_channel: Text,
                             filled_slots: Dict[Text, Any]) -> Optional[Dict[Text, Any]]:
        import numpy as np

        if utter_action not in self.responses:
            return None
        suitable = MostSpecificFilter(self.responses).responses_for_utter_action(
            utter_action, output_channel, filled_slots)
        return np.random.choice(suitable) if suitable else None

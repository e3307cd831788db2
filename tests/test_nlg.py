"""channels/nlg.py: among the variations whose conditions hold, the most specific is said."""
import asyncio

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from channels.nlg import MostSpecificNLG

DOMAIN = Domain.from_yaml("""
version: "3.1"
slots:
  audience: {type: text, mappings: [{type: custom}]}
  malform: {type: categorical, values: [nb, nn], initial_value: nb, mappings: [{type: custom}]}
responses:
  utter_hi:
    - condition: [{type: slot, name: audience, value: child}, {type: slot, name: malform, value: nb}]
      text: barn bokmål
    - condition: [{type: slot, name: audience, value: child}, {type: slot, name: malform, value: nn}]
      text: barn nynorsk
    - condition: [{type: slot, name: malform, value: nb}]
      text: bokmål
    - condition: [{type: slot, name: malform, value: nn}]
      text: nynorsk
""")


def said(**slots) -> set:
    tracker = DialogueStateTracker.from_events("t", [SlotSet(k, v) for k, v in slots.items()], slots=DOMAIN.slots)
    nlg = MostSpecificNLG(domain=DOMAIN)
    # Twenty draws: Rasa's own generator would pick at random among every variation that holds.
    return {asyncio.run(nlg.generate("utter_hi", tracker, "rest"))["text"] for _ in range(20)}


def test_a_child_writing_nynorsk_gets_only_the_childs_nynorsk_text():
    assert said(audience="child", malform="nn") == {"barn nynorsk"}


def test_an_adult_gets_the_plain_text_of_their_standard():
    assert said(audience="relative", malform="nn") == {"nynorsk"}
    assert said() == {"bokmål"}


DOUBT_DOMAIN = Domain.from_yaml("""
version: "3.1"
intents: [danger_doubt, faq]
slots:
  malform: {type: categorical, values: [nb, nn], initial_value: nb, mappings: [{type: custom}]}
responses:
  utter_danger_doubt:
    - text: Er noen i fare nå, ring 113.
  utter_faq/seizures:
    - text: Kramper etter at man slutter å drikke kan være farlige.
""")


def doubt_bubble(confidence: float) -> str:
    selector = {"faq": {"response": {"utter_action": "utter_faq/seizures", "confidence": confidence}}}
    message = UserUttered("hva gjør man hvis noen får kramper?", {"name": "danger_doubt"},
                          parse_data={"response_selector": selector})
    tracker = DialogueStateTracker.from_events("t", [message], slots=DOUBT_DOMAIN.slots)
    return asyncio.run(MostSpecificNLG(domain=DOUBT_DOMAIN).generate("utter_danger_doubt", tracker, "rest"))["text"]


def test_a_sure_answer_comes_first_in_the_bubble_that_names_113():
    # Issue 15: the answer in the first bubble; issue 14: 113 named in the first bubble, in doubt.
    assert doubt_bubble(0.9) == "Kramper etter at man slutter å drikke kan være farlige.\n\nEr noen i fare nå, ring 113."


def test_an_answer_the_picker_is_not_sure_of_is_not_said_with_113():
    assert doubt_bubble(0.1) == "Er noen i fare nå, ring 113."

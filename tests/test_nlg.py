"""channels/nlg.py: among the variations whose conditions hold, the most specific is said."""
import asyncio

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet
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

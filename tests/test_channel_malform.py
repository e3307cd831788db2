"""The channel's own bubbles in the conversation's written standard (issue 18), without a model.

The channel learns the standard from what the turn said: Rasa's response generator picks a
variation conditioned on the malform slot and hands it, condition included, to the output
channel. Here that path is driven with Rasa's own pieces (the domain, Losen's generator, the bot
utterance event); the running stack is tested in tests/test_rest.py.
"""
import asyncio
from types import SimpleNamespace

import pytest
import yaml
from rasa.core.actions.action import create_bot_utterance
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet
from rasa.shared.core.trackers import DialogueStateTracker

from bot import ROOT
from bot.inbox import prepare
from channels.nlg import MostSpecificNLG
from channels.safe_rest import _Collector, _slot_malform, _with_notices, said_in

DOOR_NB = "Legevakten svarer alltid på 116 117. Er noen i livsfare, ring 113."
DOOR_NN = "Legevakta svarar alltid på 116 117. Er nokon i livsfare, ring 113."


@pytest.fixture(scope="module")
def domain():
    return Domain.load(str(ROOT / "domain.yml"))


def tracker(domain, malform=None, sender="s"):
    conversation = DialogueStateTracker(sender, domain.slots)
    if malform:
        conversation.update(SlotSet("malform", malform))
    return conversation


def said(domain, conversation, *responses) -> _Collector:
    """What the collector notes when Rasa utters these responses in this conversation."""
    async def run():
        nlg = MostSpecificNLG(domain=domain)
        collector = _Collector()
        for name in responses:
            message = await nlg.generate(name, conversation, collector.name())
            message["utter_action"] = name
            await collector.send_response(conversation.sender_id, create_bot_utterance(message).message())
        return collector
    return asyncio.run(run())


def test_the_turn_says_its_standard_with_each_message(domain):
    nynorsk = said(domain, tracker(domain, "nn"), "utter_ask_place", "utter_greet")
    assert nynorsk.malform == "nn"
    assert nynorsk.messages[0]["text"].startswith("Kvar er du?")
    bokmal = said(domain, tracker(domain), "utter_ask_place")  # the slot's initial value
    assert bokmal.malform == "nb" and bokmal.messages[0]["text"].startswith("Hvor er du?")
    assert said(domain, tracker(domain, "nn")).malform is None  # nothing said, nothing known


def test_every_response_variation_says_its_standard():
    """What the channel relies on: each variation Rasa can choose names the malform it is for."""
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    faq = yaml.safe_load((ROOT / "data" / "nlu" / "faq.yml").read_text(encoding="utf-8"))
    variations = [(name, v) for source in (domain, faq) for name, vs in source["responses"].items() for v in vs]
    assert len(variations) > 400
    for name, variation in variations:
        assert said_in(variation) in ("nb", "nn"), name
        assert sum(c.get("name") == "malform" for c in variation["condition"]) == 1, name


def test_said_in_reads_only_the_malform_condition():
    assert said_in({"text": "x", "condition": [{"type": "slot", "name": "audience", "value": "child"},
                                               {"type": "slot", "name": "malform", "value": "nn"}]}) == "nn"
    assert said_in({"text": "x", "condition": [{"type": "slot", "name": "audience", "value": "child"}]}) is None
    assert said_in({"text": "x", "condition": [{"type": "slot", "name": "malform", "value": "de"}]}) is None
    assert said_in({"text": "x"}) is None


def texts(replies):
    return [r["text"] for r in replies]


def test_the_door_bubble_is_in_the_conversations_standard():
    asked = [{"recipient_id": "s", "text": "Kvar er du? Skriv kommune, stad eller postnummer."}]
    replies = _with_notices(asked, "s", prepare("kor er næraste legevakt?"), malform="nn")
    assert texts(replies) == [asked[0]["text"], DOOR_NN]
    assert [r["metadata"] for r in replies] == [{"malform": "nn"}] * 2
    asked = [{"recipient_id": "s", "text": "Hvor er du?"}]
    assert texts(_with_notices(asked, "s", prepare("hvor er nærmeste legevakt?")))[-1] == DOOR_NB
    assert texts(_with_notices(asked, "s", prepare("hei"), malform="??"))[-1] == DOOR_NB  # bokmål when unsure


def test_silence_and_a_long_message_are_answered_in_the_standard_too():
    replies = texts(_with_notices([], "s", prepare("hei"), failed=True, malform="nn"))
    assert replies[0].startswith("Eg er ikkje sikker på at eg forstod deg rett") and "116 117" in replies[0]
    long_calm = prepare("eg har det vanskeleg no " * 400)
    replies = texts(_with_notices([{"recipient_id": "s", "text": "Ring 116 117."}], "s", long_calm, malform="nn"))
    assert replies[0].startswith("Meldinga di var veldig lang") and replies[1] == "Ring 116 117."


def request_with(store):
    return SimpleNamespace(app=SimpleNamespace(ctx=SimpleNamespace(agent=SimpleNamespace(tracker_store=store))))


def test_a_turn_that_said_nothing_takes_the_slot_from_the_tracker_store(domain):
    store = InMemoryTrackerStore(domain)
    asyncio.run(store.save(tracker(domain, "nn", sender="written-nynorsk")))
    assert asyncio.run(_slot_malform(request_with(store), "written-nynorsk")) == "nn"
    assert asyncio.run(_slot_malform(request_with(store), "never-seen")) is None
    assert asyncio.run(_slot_malform(SimpleNamespace(app=SimpleNamespace(ctx=SimpleNamespace())), "x")) is None


@pytest.mark.parametrize("metadata, passed", [
    ({"malform": "nn"}, {"malform": "nn"}),
    ({"malform": "nb", "other": "x"}, {"malform": "nb"}),
    ({"malform": "engelsk"}, {}),
    ("nn", {}),
    (None, {}),
])
def test_only_a_chosen_malform_goes_on_to_the_reading(metadata, passed):
    from channels.safe_rest import _chosen
    assert _chosen(metadata) == passed

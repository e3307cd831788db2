"""What a child is shown is short and plain (data/child_language.yml, checked by bot/child_language.py).

The checker is tested on hand-written texts; then every text the actions actually send a child
(crisis answers for each criterion, the list of who to call at several moments) is run through it.
"""
import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from responses import say

from actions.crisis import ActionCrisisResponse
from actions.services import ActionListOpenServices
from bot import ROOT
from bot.child_language import problems

DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
MOMENTS = ["2026-11-18T12:00", "2026-11-18T03:00", "2026-11-22T20:00", "2026-04-03T12:00", "2026-12-24T23:30"]


def test_checker_passes_short_plain_text():
    assert problems("Ring 113 nå. Si hvor du er. Det er ikke din feil.") == []


def test_checker_flags_a_long_sentence():
    text = "Du kan alltid ringe og snakke med en voksen som vil høre på deg hele natten gjennom."
    assert problems(text) and problems(text)[0].startswith("too long")


def test_checker_flags_jargon_in_any_case():
    assert problems("Du kan få Øyeblikkelig hjelp.") == ["jargon: 'øyeblikkelig hjelp'"]
    assert problems("Spør om avrusning.") == ["jargon: 'avrusning'"]


def test_checker_counts_a_phone_number_as_one_word_and_ignores_list_marks():
    # 12 words exactly once "116 111" is one word and "1." is a list mark.
    assert problems("1. Du kan ringe 116 111 hvis du er redd eller lei deg nå.") == []


def child_text(name: str, malform: str = "nb") -> str:
    """The text Rasa shows for `name` when the audience slot is child."""
    return say(name, audience="child", malform=malform)


def run(action, text, intent, slots, monkeypatch, moment):
    monkeypatch.setenv("LOSEN_NOW", moment)
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.9},
              "intent_ranking": [{"name": intent, "confidence": 0.9}], "entities": []}
    dispatcher = CollectingDispatcher()
    action.run(dispatcher, Tracker("t", slots, latest, [], False, None, {}, "action_listen"), DOMAIN)
    return dispatcher.messages


CHILD_MESSAGES = [  # one per criterion, written as a child would
    ("mamma er gravid og drikker masse", "pregnancy"),
    ("pappa skjelver og sier han må ha mer", "withdrawal"),
    ("pappa er full og kaster ting", "dangerous_behaviour"),
    ("vi må kanskje flytte fordi mamma drikker", "social_loss"),
    ("det er krise hjemme", "crisis"),
]


@pytest.mark.parametrize("moment", MOMENTS)
@pytest.mark.parametrize("text,intent", CHILD_MESSAGES)
def test_every_crisis_answer_a_child_gets_is_plain(text, intent, moment, monkeypatch):
    messages = run(ActionCrisisResponse(), text, intent, {"audience": "child"}, monkeypatch, moment)
    assert messages
    for message in messages:
        shown = "\n".join(child_text(message["response"], m) for m in ("nb", "nn")) if message.get("response") else ""
        shown += "\n" + "\n".join(str(v) for k, v in message.items() if k not in ("response", "template")
                                  and isinstance(v, str))
        assert problems(shown) == [], (message.get("response"), shown)


@pytest.mark.parametrize("moment", MOMENTS)
def test_who_a_child_can_call_is_plain_and_names_a_child_line(moment, monkeypatch):
    messages = run(ActionListOpenServices(), "hvem kan jeg ringe", "ask_helpline", {"audience": "child"},
                   monkeypatch, moment)
    text = "\n".join(m.get("services", "") for m in messages)
    assert problems(text) == [], text
    assert "116 111" in text or "116 123" in text

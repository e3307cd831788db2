"""The custom actions, run with rasa_sdk's own Tracker and dispatcher at fixed moments."""
import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.crisis import ActionCrisisResponse, ActionWhatToDo
from actions.places import ActionNearestUnit, ValidatePlaceForm
from actions.services import ActionListOpenServices
from bot import ROOT

DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))


def tracker(text, intent="crisis", slots=None, confidence=0.95):
    latest = {"text": text, "intent": {"name": intent, "confidence": confidence},
              "intent_ranking": [{"name": intent, "confidence": confidence}], "entities": []}
    return Tracker("test", slots or {}, latest, [], False, None, {}, "action_listen")


def run(action, text, intent="crisis", slots=None):
    dispatcher = CollectingDispatcher()
    events = action.run(dispatcher, tracker(text, intent, slots), DOMAIN)
    return dispatcher.messages, events


def said(messages):
    return [m.get("response") for m in messages]


def all_text(messages):
    return "\n".join(str(v) for m in messages for v in m.values() if isinstance(v, str))


@pytest.fixture
def at(monkeypatch):
    def set_clock(moment):
        monkeypatch.setenv("LOSEN_NOW", moment)
    return set_clock


def test_relative_at_2am_sunday_gets_only_open_services_first(at):
    at("2026-11-29T02:00")  # Sunday night
    messages, _ = run(ActionListOpenServices(), "hvem kan jeg ringe nå?", "ask_helpline", {"audience": "relative"})
    lines = [line for line in messages[-1]["services"].splitlines() if line.startswith("•")]
    open_lines = [line for line in lines if "stengt" not in line]
    assert open_lines and lines[: len(open_lines)] == open_lines  # open first
    assert all("stengt" not in line for line in lines[:-1])
    assert "116 117" in messages[-1]["services"]
    assert "Pårørendetelefonen" in messages[-1]["services"] and "stengt" in lines[-1]


def test_child_gets_child_services(at):
    at("2026-11-24T18:00")  # Tuesday evening
    messages, _ = run(ActionListOpenServices(), "hvem kan jeg snakke med", "want_talk", {"audience": "child"})
    text = messages[-1]["services"]
    assert "116 111" in text
    assert "RUSinfo" not in text and "Pårørendetelefonen" not in text


def test_rusinfo_on_good_friday_is_closed_and_says_when_it_opens(at):
    at("2026-04-03T12:00")  # langfredag
    messages, _ = run(ActionListOpenServices(), "er rusinfo åpen?", "ask_helpline")
    status = messages[0]["status"]
    assert "RUSinfo" in status and "stengt" in status and "tirsdag" in status


def test_question_about_a_later_time_is_answered_for_that_time(at):
    at("2026-12-20T12:00")
    messages, _ = run(ActionListOpenServices(), "hvem kan jeg ringe på julaften?", "ask_helpline")
    assert messages[-1]["response"] == "utter_open_services_at"
    assert "julaften" in messages[-1]["when"]


def test_crisis_response_gives_criterion_answer_and_open_help(at):
    at("2026-11-24T12:00")
    messages, events = run(ActionCrisisResponse(), "jeg er gravid og bruker fortsatt", "pregnancy")
    assert "utter_criterion_pregnancy" in said(messages)
    assert "utter_open_services" in said(messages)
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert "pregnancy" in slots["criteria"]


def test_crisis_response_asks_audience_once_when_unknown(at):
    at("2026-11-24T12:00")
    messages, events = run(ActionCrisisResponse(), "det er krise", "crisis")
    assert said(messages)[-1] == "utter_ask_audience"
    messages, _ = run(ActionCrisisResponse(), "det er krise", "crisis", {"audience_asked": True})
    assert "utter_ask_audience" not in said(messages)


def test_child_crisis_says_not_your_fault(at):
    at("2026-11-24T12:00")
    messages, _ = run(ActionCrisisResponse(), "pappa er full igjen og jeg er redd", "crisis", {"audience": "child"})
    assert "utter_child_not_your_fault" in said(messages)
    assert "utter_criterion_social_loss" not in said(messages)


def test_crisis_with_place_names_the_nearest_unit(at):
    at("2026-11-24T12:00")
    messages, _ = run(ActionCrisisResponse(), "jeg er i Vardø og trenger hjelp nå", "crisis")
    units = [m for m in messages if m.get("response") == "utter_nearest_units"]
    assert units and "116 117" in units[0]["units"]


def test_relative_what_to_do_with_children_in_the_home(at):
    at("2026-11-24T12:00")
    messages, _ = run(ActionWhatToDo(), "mannen min drikker og vi har to små barn, hva gjør jeg", "what_to_do")
    names = said(messages)
    # Nothing is happening now: how to raise it comes first, not "is he ill now".
    assert names[0] == "utter_faq/worried_about_someone" and "utter_relative_not_alone" not in names
    assert "utter_relative_children" in names and names[-2] == "utter_relative_support"


def test_relative_what_to_do_while_it_is_happening_sees_to_the_person_first(at):
    at("2026-11-24T12:00")
    messages, _ = run(ActionWhatToDo(), "broren min er helt ruset nå og sier rare ting, hva skal jeg gjøre",
                      "what_to_do")
    names = said(messages)
    assert names[0] == "utter_relative_not_alone" and "utter_relative_rights" in names
    assert "utter_faq/worried_about_someone" not in names


def test_asking_what_to_do_about_ones_own_use_gets_no_relative_lines(at):
    at("2026-11-24T12:00")
    messages, events = run(ActionWhatToDo(), "jeg drikker for mye, hva skal jeg gjøre", "what_to_do")
    names = said(messages)
    assert names[0] == "utter_faq/get_treatment"
    assert not [n for n in names if n.startswith("utter_relative")]
    assert {"event": "slot", "name": "audience", "value": "user"} in [
        {k: e.get(k) for k in ("event", "name", "value")} for e in events]


def test_nearest_unit_declined_gets_legevakt_without_nagging(at):
    at("2026-11-24T12:00")
    messages, _ = run(ActionNearestUnit(), "vil ikke si hvor jeg er", "decline_place", {"place_declined": True})
    assert said(messages)[0] == "utter_place_declined"
    assert "utter_ask_place" not in said(messages)


def test_nearest_unit_for_a_postnummer(at):
    at("2026-11-24T12:00")
    messages, _ = run(ActionNearestUnit(), "vi bor på 7030", "inform_place")
    assert "St. Olav" in messages[0]["units"] or "stolav" in messages[0]["units"].lower()


def test_place_form_asks_which_for_an_ambiguous_name():
    dispatcher = CollectingDispatcher()
    result = ValidatePlaceForm().validate_place("Våler", dispatcher, tracker("Våler", "inform_place"), DOMAIN)
    assert result["place"] is None and result["place_ambiguous"] == "Våler"
    assert dispatcher.messages[0]["buttons"]
    chosen = ValidatePlaceForm().validate_place(
        "den i Østfold", CollectingDispatcher(),
        tracker("den i Østfold", "inform_place", {"place_ambiguous": "Våler"}), DOMAIN)
    assert chosen["place_resolved"]["kommunenummer"] == "3114"


def test_after_an_answer_an_acute_question_gets_the_door_a_calm_one_who_can_answer_more(at):
    from actions.answers import ActionAskMore
    at("2026-11-24T13:00")  # Tuesday midday
    messages, _ = run(ActionAskMore(), "kan jeg ta et glass vin når jeg er gravid?", "faq")
    assert said(messages) == ["utter_open_services"] and "116 117" in messages[-1]["services"]
    messages, _ = run(ActionAskMore(), "hva er LAR?", "faq")
    assert said(messages) == ["utter_ask_more"]


@pytest.mark.parametrize("confidence, first", [(0.9, "utter_ask_more"), (0.2, "utter_faq/seizures")])
def test_after_doubt_a_sure_answer_is_not_repeated_an_unsure_one_is_said(at, confidence, first):
    # A sure answer was said with the 113 line in the first bubble (channels/nlg.py).
    from actions.answers import ActionAnswerAfterDoubt
    at("2026-11-24T13:00")  # Tuesday midday
    found = tracker("hva gjør man hvis noen får kramper?", "danger_doubt")
    found.latest_message["response_selector"] = {
        "faq": {"response": {"utter_action": "utter_faq/seizures", "confidence": confidence}}}
    dispatcher = CollectingDispatcher()
    ActionAnswerAfterDoubt().run(dispatcher, found, DOMAIN)
    assert said(dispatcher.messages)[0] == first and said(dispatcher.messages)[-1] == "utter_ask_more"


@pytest.mark.parametrize("lean, first", [(0.35, "utter_open_services"), (0.05, "utter_ask_more")])
def test_an_answer_to_a_question_the_model_leans_acute_on_ends_with_the_open_door(at, lean, first):
    # Issue 15: in doubt between a question and a crisis, answer the question and add the acute door.
    from actions.answers import ActionAskMore
    from bot.criteria_model import CRITERIA_MODEL_KEY
    at("2026-11-24T13:00")  # Tuesday midday
    found = tracker("hva er LAR?", "faq")
    found.latest_message[CRITERIA_MODEL_KEY] = {"danger": 0.01, "police": 0.01, "suicidal": lean, "withdrawal": 0.01,
                                                "dangerous_behaviour": 0.01, "social_loss": 0.01}
    dispatcher = CollectingDispatcher()
    ActionAskMore().run(dispatcher, found, DOMAIN)
    assert said(dispatcher.messages) == [first]
    assert ("116 117" in dispatcher.messages[0].get("services", "")) == (first == "utter_open_services")

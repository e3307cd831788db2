"""domain.yml agrees with the catalogue, the reply plan and the actions."""
import inspect
import re

import yaml
from responses import in_malform

from bot import ROOT
from bot.catalogue import load_catalogue
from bot.clock import now
from bot.hours import status_at
from bot.replies import plan_data

DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
NUMBER = re.compile(r"(?<!\d)(\d{3}(?: \d{3})?|\d{2} \d{2} \d{2} \d{2}|\d{3} \d{2} \d{3})(?!\d)")


def response_texts():
    for name, variants in DOMAIN["responses"].items():
        for variant in variants:
            yield name, variant.get("text", "")


def catalogue_numbers() -> dict:
    numbers = {}
    for service in load_catalogue(strict=True).offerable():
        for channel in service.channels:
            if channel.type == "phone":
                numbers[channel.value.replace(" ", "")] = (service, channel)
    return numbers


def test_every_phone_number_in_responses_is_an_active_catalogue_number():
    known = catalogue_numbers()
    seen = set()
    for name, text in response_texts():
        for number in NUMBER.findall(re.sub(r"§ ?\d[\w -]*", "", text)):
            digits = number.replace(" ", "")
            assert digits in known, f"{name}: {number} is not an active phone channel in data/services.yml"
            seen.add(digits)
    assert {"113", "116117", "116123"} <= seen


def test_numbers_given_without_the_action_server_are_always_open():
    # 113, 116 117 and 116 123 are promised "hele døgnet" in static responses.
    known = catalogue_numbers()
    for digits in ("113", "116117", "116123"):
        _, channel = known[digits]
        assert status_at(channel.hours, now()).always_open, digits


def test_reply_plan_names_only_existing_responses():
    plan = plan_data()
    names = set()
    for section in ("criteria", "audience"):
        for responses in plan[section].values():
            names |= set(responses)
    names |= set(plan["child_swaps"]) | set(plan["child_swaps"].values())
    for key, value in plan["what_to_do"].items():
        names |= set(value)
    # Rasa merges the answers' responses (data/nlu/faq.yml) into the domain: a plan may name them.
    answers = yaml.safe_load((ROOT / "data" / "nlu" / "faq.yml").read_text(encoding="utf-8"))["responses"]
    missing = names - set(DOMAIN["responses"]) - set(answers)
    assert not missing


def test_every_custom_action_in_the_domain_is_implemented():
    import importlib
    import pkgutil

    from rasa_sdk import Action

    import actions

    implemented = set()
    modules = [importlib.import_module(f"actions.{m.name}") for m in pkgutil.iter_modules(actions.__path__)
               if m.name != "__main__"]
    for module in modules:
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, Action) and cls.__module__ == module.__name__:
                implemented.add(cls().name())
    assert set(DOMAIN["actions"]) <= implemented


def test_greeting_says_chatbot_and_anonymous():
    for malform, not_human in (("nb", "ikke et menneske"), ("nn", "ikkje eit menneske")):
        variants = in_malform(DOMAIN["responses"]["utter_greet"], malform)
        assert all("chatbot" in v["text"] and not_human in v["text"] for v in variants)
        assert "anonym" in variants[-1]["text"]


def test_fallback_always_offers_a_next_step():
    text = DOMAIN["responses"]["utter_default"][0]["text"]
    for number in ("113", "116 117", "116 123"):
        assert number in text


def test_every_situation_has_its_first_bubble_and_waiting_steps():
    """Each situation in data/situations.yml names its own number first, with a while-waiting text
    for a child, the person in danger and someone beside them."""
    situations = yaml.safe_load((ROOT / "data" / "situations.yml").read_text(encoding="utf-8"))["situations"]
    responses = DOMAIN["responses"]

    def conditions(variant):
        return {c["name"]: str(c["value"]) for c in variant.get("condition", [])}

    for malform, now_word in (("nb", "nå"), ("nn", "no")):
        calls = [conditions(v) | {"text": v["text"]} for v in in_malform(responses["utter_danger_call"], malform)]
        waits = [conditions(v) for v in in_malform(responses["utter_danger_while_waiting"], malform)]
        for situation in situations:
            sid, number = situation["id"], str(situation["number"])
            own = [c for c in calls if c.get("situation") == sid and c.get("emergency") == number]
            assert len(own) == 1 and own[0]["text"].startswith(f"Ring {number} {now_word}."), (sid, malform)
            for reader in ("child", "self", "other"):
                assert {"situation": sid, "reader": reader} in waits, (sid, reader, malform)

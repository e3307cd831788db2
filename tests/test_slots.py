"""The slot values the reading sets (bot/slots.py) are values the domain knows, and the danger
slots choose an existing first bubble."""
import pytest
import yaml

from bot import ROOT
from bot.assess import assess
from bot.reading import read
from bot.slots import slot_values

DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
SITUATIONS = {s["id"] for s in yaml.safe_load((ROOT / "data" / "situations.yml").read_text(encoding="utf-8"))["situations"]}
MESSAGES = [  # written for this test
    ("bestefar ligger i gangen og jeg får ikke liv i ham", "danger_to_life"),
    ("han står med en pistol og truer meg, og kona hans blør fra hodet", "danger_to_life"),
    ("eg trur ho har teke for mykje, ho søv og er heilt slapp", "danger_to_life"),
    ("i fjor tok han en overdose", "danger_doubt"),
    ("det er krise her hjemme", "crisis"),
    ("hva er LAR?", "faq"),
    ("jeg er 12 og pappa drikker", "crisis"),
]


def values_for(text, intent):
    return slot_values(assess(text, with_location=False), read(text), intent)


@pytest.mark.parametrize("text,intent", MESSAGES)
def test_every_value_is_one_the_domain_knows(text, intent):
    for slot, value in values_for(text, intent).items():
        if value is None:
            continue
        spec = DOMAIN["slots"][slot]
        if spec["type"] == "categorical":
            assert value in spec["values"], (slot, value)
        elif slot == "situation":
            assert value in SITUATIONS | {"unspecified", "doubt"}, value


def test_both_numbers_speak_of_the_police_situation_first():
    values = values_for("han står med en pistol og truer meg, og kona hans blør fra hodet", "danger_to_life")
    assert values["emergency"] == "both"
    calls = DOMAIN["responses"]["utter_danger_call"]
    chosen = [v for v in calls if {"type": "slot", "name": "situation", "value": values["situation"]} in v.get("condition", [])
              and {"type": "slot", "name": "emergency", "value": "both"} in v.get("condition", [])]
    assert chosen and all(v["text"].startswith("Ring 112") for v in chosen)


def test_no_danger_slots_outside_danger():
    assert set(values_for("hva er LAR?", "faq")) == {"opening", "audience", "malform"}

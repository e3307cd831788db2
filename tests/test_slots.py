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


def test_the_first_bubble_names_the_number_the_assessment_chose_for_every_situation():
    """Whatever situation the first bubble speaks of (its own, `unspecified` from the trained model,
    or one whose own number is 113), the number chosen is the one it names first."""
    from channels.nlg import most_specific
    calls = DOMAIN["responses"]["utter_danger_call"]
    first = {"113": "Ring 113", "112": "Ring 112", "both": "Ring 112"}
    for situation_id in SITUATIONS | {"unspecified"}:
        for emergency, opening in first.items():
            for malform in ("nb", "nn"):
                slots = {"situation": situation_id, "emergency": emergency, "malform": malform}
                chosen = most_specific([v for v in calls
                                        if all(slots.get(c["name"]) == str(c["value"]) for c in v.get("condition", []))])
                assert chosen and all(v["text"].startswith(opening) for v in chosen), (slots, chosen)
                if emergency == "both":
                    assert all("113" in v["text"] for v in chosen), slots

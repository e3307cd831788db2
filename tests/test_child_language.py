"""Every sentence Losen can say in the child flow is short and free of jargon (issue: child flow)."""
import re

import pytest
import yaml

from bot import DATA, ROOT
from bot.replies import crisis_plan, open_lines, plan_data

RULES = yaml.safe_load((DATA / "child_language.yml").read_text(encoding="utf-8"))
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))


def child_variant(name: str) -> str:
    variants = DOMAIN["responses"][name]
    for variant in variants:
        for cond in variant.get("condition", []):
            if cond.get("name") == "audience" and cond.get("value") == "child":
                return variant["text"]
    assert len(variants) == 1 or all("condition" in v for v in variants[:-1]), name
    return variants[-1]["text"]


def child_flow_responses() -> set:
    names = {name for name, variants in DOMAIN["responses"].items()
             if any(c.get("value") == "child" for v in variants for c in v.get("condition", []))}
    names |= set(RULES["also_in_child_flow"])
    plan = plan_data()
    names |= set(plan["audience"]["child"]) | set(plan["child_swaps"].values())
    for criterion in plan["criteria"]:
        names |= set(crisis_plan([criterion], "child", False, True).responses)
    return names


def has_jargon(text: str, word: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(word.lower()), text.lower()) is not None


def sentences(text: str) -> list:
    parts = re.split(r"(?<=[.!?])\s+|\n+", text)
    return [p.strip() for p in parts if p.strip()]


def words(sentence: str) -> list:
    return [w for w in re.split(r"\s+", re.sub(r"^\d+\.\s*", "", sentence)) if re.search(r"\w", w)]


@pytest.mark.parametrize("name", sorted(child_flow_responses()))
def test_child_response_is_short_and_plain(name):
    text = child_variant(name)
    for sentence in sentences(text):
        assert len(words(sentence)) <= RULES["max_words_per_sentence"], f"{name}: too long: {sentence!r}"
    for word in RULES["jargon"]:
        assert not has_jargon(text, word), f"{name}: jargon {word!r}"


def test_child_plan_never_uses_adult_only_responses():
    plan = plan_data()
    for criterion in plan["criteria"]:
        for name in crisis_plan([criterion], "child", False, True).responses:
            assert name in child_flow_responses()


def test_child_open_list_has_no_jargon():
    text = open_lines(None, "child").lower()
    assert "116 111" in text or "116 123" in text
    for word in RULES["jargon"]:
        assert not has_jargon(text, word), word


def test_rules_catch_a_long_sentence():
    long = "Dette er en veldig lang setning som har altfor mange ord for et barn å lese."
    assert len(words(long)) > RULES["max_words_per_sentence"]

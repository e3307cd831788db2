"""The answers to the questions people ask (retrieval intent faq, issue 15 item 2).

Every answer has checked sources with dates, stays short, names only phone numbers from the
catalogue, and its child variation follows the child-language rules.
"""
import re

import pytest
import yaml
from responses import responses_in

# The phone-number pattern and the catalogue's numbers are reused from the domain test, not copied.
from test_domain import NUMBER, catalogue_numbers

from bot import DATA, ROOT
from bot.child_language import problems, words

FAQ = yaml.safe_load((DATA / "nlu" / "faq.yml").read_text(encoding="utf-8"))
SOURCES = yaml.safe_load((DATA / "answer_sources.yml").read_text(encoding="utf-8"))
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
RESPONSES = {name.split("/", 1)[1]: variants for name, variants in responses_in(FAQ["responses"], "nb").items()}
RESPONSES_NN = {name.split("/", 1)[1]: variants for name, variants in responses_in(FAQ["responses"], "nn").items()}
INTENTS = {block["intent"].split("/", 1)[1]: block for block in FAQ["nlu"]}
MAX_WORDS = 90
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def examples(block) -> list:
    return [line[2:].strip() for line in block["examples"].splitlines() if line.startswith("- ")]


def child_text(variants):
    for variant in variants:
        if {"type": "slot", "name": "audience", "value": "child"} in variant.get("condition", []):
            return variant["text"]
    return None


def unknown_numbers(text: str) -> list:
    known = catalogue_numbers()
    found = NUMBER.findall(re.sub(r"§ ?\d[\w -]*", "", text))
    return [number for number in found if number.replace(" ", "") not in known]


def test_there_are_at_least_sixty_answers():
    assert len(RESPONSES) >= 60


def test_every_intent_has_an_answer_and_every_answer_an_intent():
    assert set(INTENTS) == set(RESPONSES)
    assert all(name.startswith("utter_faq/") for name in FAQ["responses"])


def test_answers_live_only_in_the_nlu_file():
    # Two definitions of one response would leave it to Rasa's merge order which text is said.
    assert not [name for name in DOMAIN.get("responses", {}) if name.startswith("utter_faq/")]


@pytest.mark.parametrize("answer_id", sorted(RESPONSES))
def test_every_answer_has_dated_sources(answer_id):
    entry = SOURCES.get(answer_id)
    assert entry, f"{answer_id}: no entry in data/answer_sources.yml"
    assert entry["sources"], answer_id
    for source in entry["sources"]:
        assert source["title"].strip() and source["url"].strip() and str(source["date"]).strip(), source
        assert source["date_kind"] in ("stated", "read"), source
        if source["url"].startswith("repo:"):
            assert (ROOT / source["url"][5:]).exists(), source["url"]
        else:
            assert re.match(r"^(https?://[^\s/]+\.[^\s]+|seed:\S+)$", source["url"]), source["url"]
    assert any(s["url"].startswith(("http://", "https://")) for s in entry["sources"]), \
        f"{answer_id}: needs at least one public page"
    assert ISO_DATE.match(str(entry["checked"])), answer_id
    assert entry["topic"]["substance"] and entry["topic"]["aspect"], answer_id


def test_every_source_entry_belongs_to_an_answer():
    assert set(SOURCES) - set(RESPONSES) == set()


@pytest.mark.parametrize("answer_id", sorted(RESPONSES))
def test_answers_are_short(answer_id):
    for variant in RESPONSES[answer_id]:
        assert len(words(variant["text"])) <= MAX_WORDS, f"{answer_id}: {len(words(variant['text']))} words"


@pytest.mark.parametrize("answer_id", sorted(RESPONSES))
def test_phone_numbers_are_catalogue_numbers(answer_id):
    for variant in RESPONSES[answer_id]:
        assert unknown_numbers(variant["text"]) == [], answer_id


def test_number_check_catches_an_unknown_number():
    assert unknown_numbers("Ring 22 33 44 55 i dag.") == ["22 33 44 55"]
    assert unknown_numbers("Ring 113, legevakten på 116 117 (jf. § 2-1 b).") == []


@pytest.mark.parametrize("answer_id", sorted(RESPONSES))
def test_every_answer_has_a_child_variation_that_follows_child_language(answer_id):
    # The audience slot says child up to 17, so any answer can reach a child.
    variants = RESPONSES[answer_id]
    text = child_text(variants)
    assert text, f"{answer_id}: no variation for a child"
    # The child's text first and one unconditional text last, as the other responses are written.
    assert "condition" in variants[0] and "condition" not in variants[-1], answer_id
    assert problems(text) == [], answer_id


@pytest.mark.parametrize("answer_id", sorted(RESPONSES))
def test_every_answer_has_the_same_variations_in_nynorsk(answer_id):
    bokmal, nynorsk = RESPONSES[answer_id], RESPONSES_NN[answer_id]
    assert [v.get("condition") for v in nynorsk] == [v.get("condition") for v in bokmal], answer_id
    assert all(v["text"] != b["text"] for v, b in zip(nynorsk, bokmal)), answer_id
    assert problems(child_text(nynorsk)) == [], answer_id


def test_rasa_merges_the_answers_and_picks_the_childs_text_for_a_child():
    # Rasa (not this file's own parsing) decides what is said: load the training data as `rasa train`
    # does and let its response generator choose, for a child and for an adult.
    import asyncio

    from rasa.shared.core.events import SlotSet
    from rasa.shared.core.trackers import DialogueStateTracker
    from rasa.shared.importers.importer import TrainingDataImporter

    from channels.nlg import MostSpecificNLG

    importer = TrainingDataImporter.load_from_config(
        str(ROOT / "config.yml"), str(ROOT / "domain.yml"), [str(DATA)])
    domain = importer.get_domain()
    assert {f"utter_faq/{a}" for a in RESPONSES} <= set(domain.responses)
    nlg = MostSpecificNLG(responses=domain.responses)  # what endpoints.yml sets for the running bot

    def said(answer_id, audience, malform=None):
        events = [SlotSet("audience", audience)] if audience else []
        events += [SlotSet("malform", malform)] if malform else []
        tracker = DialogueStateTracker.from_events("test", events, slots=domain.slots)
        return asyncio.run(nlg.generate(f"utter_faq/{answer_id}", tracker, "rest"))["text"]

    assert said("not_my_fault", "child").startswith("Nei. Det er ikke din feil.")
    assert said("not_my_fault", "relative").startswith("Nei. Det er aldri barnets feil eller ansvar")
    assert said("not_my_fault", None) == said("not_my_fault", "user")
    assert said("not_my_fault", "child", "nn").startswith("Nei. Det er ikkje din feil.")
    assert said("psilocybin_effects", "child") == "Fleinsopp gjør at man ser og hører ting som ikke er der. " \
        "Det kan bli veldig skremmende. Noen kan bli psykisk syke av det. Soppen kan forveksles med giftig " \
        "sopp. Giftinformasjonen har telefon 22 59 13 00."
    assert "ring Giftinformasjonen på 22 59 13 00" in said("psilocybin_effects", "relative")


def test_child_asking_if_it_is_their_fault_is_told_it_is_not():
    text = child_text(RESPONSES["not_my_fault"])
    assert text.startswith("Nei.") and "ikke din feil" in text


@pytest.mark.parametrize("answer_id", sorted(INTENTS))
def test_each_question_has_enough_varied_examples(answer_id):
    found = examples(INTENTS[answer_id])
    # Balanced: no answer has more than twice the examples of another (the picker's classes).
    assert 10 <= len(found) <= 20, answer_id
    assert len(set(found)) == len(found), answer_id


def test_no_example_is_taught_for_two_intents():
    seen = {}
    for path in sorted((DATA / "nlu").glob("*.yml")):
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
            if "intent" not in block:
                continue
            for example in examples(block):
                plain = re.sub(r"\[([^\]]+)\]\{[^}]*\}", r"\1", example).lower()
                other = seen.setdefault(plain, block["intent"])
                assert other == block["intent"], f"{plain!r} in {other} and {block['intent']}"

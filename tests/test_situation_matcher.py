"""The situation matcher's mechanics, on a small hand-written catalogue (not the real one):
parts in any order and at any distance in a sentence, inflections, compounds, typos, and the
readings set apart (negation, the past, general questions)."""
import pytest
import yaml

from bot import DATA
from bot.situations import SituationMatcher, sentences

SPEC = {
    "concepts": {
        "fall": {"terms": ["falle", "dette", "snuble"]},
        "head": {"terms": ["hode", "hovud", "hue", "*hode"]},
        "bleeding": {"terms": ["blø", "blod*", "*blod"]},
        "knife": {"terms": ["kniv"]},
        "threat": {"terms": ["true", "truge"]},
        "not_waking": {"terms": ["våkner ikke", "vaknar ikkje"]},
        "hint": {"terms": ["besvime"]},
    },
    "situations": [
        {"id": "unconscious", "number": "113", "holds_when": [["not_waking"]], "doubt": ["hint"]},
        {"id": "head_injury", "number": "113", "holds_when": [["fall", "head"], ["bleeding", "head"]]},
        {"id": "weapon", "number": "112", "holds_when": [["knife", "threat"]]},
    ],
}
CUES = yaml.safe_load((DATA / "reading_cues.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def matcher():
    return SituationMatcher(SPEC, CUES)


@pytest.mark.parametrize("text", [
    "mamma datt i trappa og slo hodet",          # inflected verb, parts in order
    "hodet hans traff bordet da han falt",        # reverse order, far apart
    "pappa har datt. han har et kutt i hue",      # spread over two sentences
    "han blør fra bakhodet",                      # compound
    "ho datt og slo hovudet",                     # nynorsk
])
def test_head_injury_from_its_parts(matcher, text):
    assert matcher.read(text).situations == ["head_injury"]


def test_typo_in_a_catalogue_word_is_read(matcher):
    assert matcher.read("han våkber ikke").situations == ["unconscious"]


def test_phrase_with_inverted_word_order(matcher):
    assert matcher.read("når jeg roper våkner hun ikke").situations == ["unconscious"]


def test_both_numbers_when_a_weapon_and_an_injury_hold(matcher):
    found = matcher.read("han truer mamma med kniv og hun blør fra hodet")
    assert found.situations == ["head_injury", "weapon"] and found.number == "both"


def test_only_112_for_a_threat_with_a_knife(matcher):
    assert matcher.read("pappa står med en kniv og truer oss").number == "112"


@pytest.mark.parametrize("text", [
    "han datt i fjor og slo hodet",                       # the past
    "hva gjør man hvis noen faller og slår hodet?",       # a general question
])
def test_read_apart_is_doubt_not_danger(matcher, text):
    found = matcher.read(text)
    assert found.situations == [] and found.read_apart == ["head_injury"] and found.doubt


def test_the_past_with_now_is_danger(matcher):
    assert matcher.read("han datt i fjor også, men nå har han slått hodet igjen og blør").situations


def test_negated_part_does_not_count(matcher):
    assert matcher.read("han blør fra hodet").situations == ["head_injury"]
    assert matcher.read("han har hodepine men han blør ikke").situations == []
    assert matcher.read("ingen blod, og hodet er fint").situations == []


def test_a_hint_alone_is_doubt(matcher):
    found = matcher.read("jeg tror hun besvimte")
    assert found.situations == [] and found.doubt


def test_nothing_in_an_ordinary_question(matcher):
    found = matcher.read("hva er LAR?")
    assert found.situations == [] and not found.doubt and found.number is None


def test_sentences_keep_question_marks():
    assert sentences("Hei. Er det farlig? nei") == [("Hei", False), (" Er det farlig", True), (" nei", False)]

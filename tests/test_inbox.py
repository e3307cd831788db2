"""bot/inbox.py: hostile and odd input is made safe, and danger is never lost."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.inbox import clean, cut, limits, names_emergency_number, names_phone_number, prepare
from bot.places import resolve_place
from bot.redflags import detect
from bot.when import parse_when

CORPUS = ["", "   ", "\u200b\u200d\ufeff", "\u202eevil", "😀" * 500, "\x00\x01\x07\x1b[31m", "<script>alert(1)</script>",
          "'; DROP TABLE users; --", "**fet** _kursiv_ [lenke](http://x)", "%s%s%n", "/restart", "/danger_to_life",
          "/choose_audience{\"audience\": \"child\"}", "a" * 100_000, "ا" * 300, "\t\n\r", "{}", "[]", "null"]


def test_typed_intents_become_plain_text_but_buttons_pass():
    assert prepare("/restart").text == "restart"
    assert prepare("/\n/greet").text == "greet"  # found by the generated test below
    assert prepare("/greet han puster ikke").text == "greet han puster ikke"
    for payload in limits()["allowed_payloads"]:
        assert prepare(payload).text == payload


def test_empty_and_symbol_only_messages_still_reach_the_fallback():
    for raw in ("", "   ", "😀😀", "\u200b", "!!!"):
        assert prepare(raw).text == limits()["empty_stand_in"]


def test_long_message_is_cut_but_danger_in_the_kept_part_kept():
    inbound = prepare("bla " * 1000 + "og nå puster han ikke")  # ~4000 characters: past the NLU's part
    assert inbound.too_long and inbound.danger
    assert len(inbound.text) <= limits()["max_message_chars"] + 100
    assert inbound.text.startswith("puster han ikke")
    assert any(f.criterion == "danger_to_life" for f in detect(inbound.text))


def test_danger_inside_the_nlu_part_is_left_to_the_nlu():
    inbound = prepare("bla " * 100 + "og nå puster han ikke " + "bla " * 1000)
    assert inbound.too_long and "puster han ikke" in inbound.text
    assert not inbound.text.startswith("puster")  # nothing put in front: the NLU reads it where it is


def test_a_message_is_cut_before_anything_reads_it():
    kept = limits()["max_kept_chars"]
    part = cut("a " * 100_000 + "han puster ikke")  # the danger lies far past the kept part
    assert part.too_long
    assert len(part.head) == limits()["max_message_chars"]
    assert len(part.tail) <= kept - limits()["max_message_chars"] + 100
    assert "puster" not in part.tail
    assert cut("hei").tail == "" and not cut("hei").too_long


def test_a_phrase_split_by_the_nlu_cut_is_still_found():
    limit = limits()["max_message_chars"]
    text = "x" * (limit - 8) + " han puster ikke" + " bla" * 200
    inbound = prepare(text)
    assert inbound.danger and inbound.text.startswith("puster ikke")


def test_control_and_zero_width_characters_removed():
    assert clean("hei\x00\u200b du\x07\n\n") == "hei du"


def test_fixed_hostile_corpus_through_the_core():
    for raw in CORPUS:
        text = prepare(raw).text
        assert text
        detect(text)
        resolve_place(text)
        parse_when(text)


@settings(max_examples=5000, deadline=None)
@given(st.text(max_size=300))
def test_generated_text_never_breaks_the_core(raw):
    inbound = prepare(raw)
    assert inbound.text and "\x00" not in inbound.text
    detect(inbound.text)
    resolve_place(inbound.text)
    parse_when(inbound.text)


@settings(max_examples=5000, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80).map(lambda s: "/" + s))
def test_generated_slash_commands_are_never_passed_as_intents(raw):
    text = prepare(raw).text
    assert not text.startswith("/") or text in limits()["allowed_payloads"]


def _texts(replies):
    return [r["text"] for r in replies]


DOOR = "Legevakten svarer alltid på 116 117. Er noen i livsfare, ring 113."  # utter_next_step_legevakt


def test_any_reply_without_a_phone_number_gets_the_always_open_door():
    from channels.safe_rest import _with_notices

    for message in ("hei", "det er krise", "hvem er åpen nå?"):  # whatever the red flags say
        replies = _with_notices([{"recipient_id": "s", "text": "Du skal få hjelp nå."}], "s", prepare(message))
        assert _texts(replies) == ["Du skal få hjelp nå.", DOOR], message


def test_a_reply_with_any_phone_number_is_left_as_it_is():
    from channels.safe_rest import _with_notices

    for text in ("Ring 113 nå.", "RUSinfo svarer på 915 08 588.", "Ring Mental Helse på 116 123.",
                 "Pårørendetelefonen: 22 40 00 40."):
        replies = _with_notices([{"recipient_id": "s", "text": text}], "s", prepare("hei"))
        assert _texts(replies) == [text]


def test_a_failed_turn_without_an_always_open_number_gets_the_door():
    from channels.safe_rest import _with_notices

    some = [{"recipient_id": "s", "text": "RUSinfo svarer på 915 08 588."}]
    assert _texts(_with_notices(some, "s", prepare("hei"), failed=True))[-1] == DOOR
    named = [{"recipient_id": "s", "text": "Ring 113 nå."}]
    assert _texts(_with_notices(named, "s", prepare("hei"), failed=True)) == ["Ring 113 nå."]


def test_silence_is_never_sent():
    from channels.safe_rest import _with_notices

    replies = _with_notices([], "s", prepare("hei"), failed=True)
    assert replies and "116 117" in replies[0]["text"] and "113" in replies[0]["text"]


def test_length_notice_comes_after_an_answer_that_opens_with_113_and_first_otherwise():
    from channels.safe_rest import _with_notices

    long_calm = prepare("jeg har det vanskelig " * 200)
    replies = _texts(_with_notices([{"recipient_id": "s", "text": "Ring 113 nå."}], "s", long_calm))
    assert replies[0] == "Ring 113 nå." and "lang" in replies[-1]
    replies = _texts(_with_notices([{"recipient_id": "s", "text": "Ring 116 117."}], "s", long_calm))
    assert "lang" in replies[0] and replies[1] == "Ring 116 117."


@pytest.mark.parametrize("text", ["113", "Ring 113 nå.", "ring 112!", "Brann: 110", "tlf. 116 117",
                                  "RUSinfo 915 08 588", "Pårørendetelefonen 22 40 00 40", "800 40 567",
                                  "politiet 02800", "+47 95 41 17 55", "Alarmtelefonen 116 111"])
def test_phone_numbers_are_recognised(text):
    assert names_phone_number([text])


@pytest.mark.parametrize("text", ["Åpen kl. 08.00–15.30", "Stenger 24.12.", "i 2026", "0150 Oslo",
                                  "tok 20 tabletter", "Hei! Jeg heter Losen.", "1 av 3", "uke 11"])
def test_other_figures_are_not_phone_numbers(text):
    assert not names_phone_number([text])


def test_every_phone_number_in_the_catalogue_is_recognised():
    import yaml

    from bot import DATA

    phones = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("type") == "phone":
                phones.append(str(node["value"]))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(yaml.safe_load((DATA / "services.yml").read_text(encoding="utf-8")))
    assert len(phones) >= 10
    for phone in phones:
        assert names_phone_number([f"Ring {phone}."]), phone


@pytest.mark.parametrize("text,expected", [("Ring 113 nå.", True), ("Ring 112 nå.", True), ("113", True),
                                           ("Ring 116 117.", False), ("22 11 30 00", False),
                                           ("Meldingen var lang.", False), ("1130", False)])
def test_emergency_numbers(text, expected):
    assert names_emergency_number(text) is expected


def test_a_danger_situation_past_the_nlu_part_is_read_by_the_nlu():
    pytest.importorskip("bot.situations")
    from bot.reading import read

    message = "Vi hadde en fin dag. " * 120 + "Nå har pappa falt og blør fra hodet og svarer ikke. " + "Ok. " * 300
    inbound = prepare(message)
    assert inbound.too_long and inbound.danger
    assert "head_injury" in read(inbound.text).situations  # what the NLU component will find


@pytest.mark.parametrize("ending,situation", [
    ("Jeg har skrevet et avskjedsbrev til barna mine og vil ikke leve lenger.", "suicidal_thoughts"),
    ("Forrige gang hun sluttet å drikke fikk hun kramper i flere timer.", "withdrawal_history"),
])
def test_a_criterion_in_the_last_lines_of_a_long_letter_reaches_the_nlu(ending, situation):
    # The guideline's other criteria count as much as danger: the end of a long letter must not lose them.
    from bot.reading import read

    letter = "Jeg vil fortelle hvordan vi har hatt det de siste årene. " * 45 + ending
    inbound = prepare(letter)
    assert inbound.too_long
    assert situation in read(inbound.text).criterion_situations

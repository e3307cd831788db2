"""bot/inbox.py: hostile and odd input is made safe, and danger is never lost."""
from hypothesis import given, settings, strategies as st

from bot.inbox import clean, limits, prepare
from bot.places import resolve_place
from bot.redflags import detect
from bot.when import parse_when

CORPUS = ["", "   ", "\u200b\u200d\ufeff", "\u202eevil", "😀" * 500, "\x00\x01\x07\x1b[31m", "<script>alert(1)</script>",
          "'; DROP TABLE users; --", "**fet** _kursiv_ [lenke](http://x)", "%s%s%n", "/restart", "/danger_to_life",
          "/choose_audience{\"audience\": \"child\"}", "a" * 100_000, "ا" * 300, "\t\n\r", "{}", "[]", "null"]


def test_typed_intents_become_plain_text_but_buttons_pass():
    assert prepare("/restart").text == "restart"
    assert prepare("/greet han puster ikke").text == "greet han puster ikke"
    for payload in limits()["allowed_payloads"]:
        assert prepare(payload).text == payload


def test_empty_and_symbol_only_messages_still_reach_the_fallback():
    for raw in ("", "   ", "😀😀", "\u200b", "!!!"):
        assert prepare(raw).text == limits()["empty_stand_in"]


def test_long_message_is_cut_but_danger_kept():
    inbound = prepare("bla " * 3000 + "og nå puster han ikke")
    assert inbound.too_long and inbound.danger
    assert len(inbound.text) <= limits()["max_message_chars"] + 100
    assert any(f.criterion == "danger_to_life" for f in detect(inbound.text))


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


def test_an_acute_reply_without_a_number_gets_the_always_open_door():
    from channels.safe_rest import _with_notices
    from bot.inbox import prepare

    acute = prepare("det er krise")
    replies = _with_notices([{"recipient_id": "s", "text": "Du skal få hjelp nå."}], "s", acute)
    assert "116 117" in replies[-1]["text"]
    calm = prepare("hei")
    assert len(_with_notices([{"recipient_id": "s", "text": "Hei!"}], "s", calm)) == 1
    failed = _with_notices([{"recipient_id": "s", "text": "Hei!"}], "s", calm, failed=True)
    assert "116 117" in failed[-1]["text"]
    named = _with_notices([{"recipient_id": "s", "text": "Ring 113 nå."}], "s", acute)
    assert len(named) == 1

"""Hostile and malformed requests against the running stack: 2xx or clear 4xx, never 5xx or silence."""
import uuid

import pytest
import requests

pytestmark = pytest.mark.stack

BROKEN_BODIES = [b"", b"[]", b"{}", b"null", b"42", b'"tekst"', b"{", b'{"sender": "x"}', b'{"message": "hei"}',
                 b'{"sender": 5, "message": "hei"}', b'{"sender": "x", "message": 7}', b'{"sender": "", "message": "hei"}',
                 b"\xff\xfe\x00", b'{"sender": "x", "message": "hei"', b"<xml/>", b"sender=x&message=hei"]
CONTENT_TYPES = ["application/json", "text/plain", "application/x-www-form-urlencoded", "", "image/png"]
ODD_MESSAGES = ["", "   ", "😀" * 200, "\u200b\u200d", "\u202eabc", "\x00\x07\x1b", "<script>alert(1)</script>",
                "'; DROP TABLE users; --", "%s%s%n", "/restart", "/danger_to_life", "**hei**", "ا" * 200, "?"]


def post(stack, body: bytes, content_type: str = "application/json"):
    headers = {"Content-Type": content_type} if content_type else {}
    return requests.post(stack.webhook, data=body, headers=headers, timeout=60)


def test_broken_bodies_get_clear_4xx(stack):
    for body in BROKEN_BODIES:
        for content_type in CONTENT_TYPES:
            reply = post(stack, body, content_type)
            assert 400 <= reply.status_code < 500, (body, content_type, reply.status_code)
            assert "error" in reply.json()
            assert "Traceback" not in reply.text


def test_odd_messages_each_get_a_reply(stack):
    for message in ODD_MESSAGES:
        reply = requests.post(stack.webhook, json={"sender": uuid.uuid4().hex, "message": message}, timeout=60)
        assert reply.status_code == 200, message
        assert reply.json() and reply.json()[0].get("text"), message


NOTICE = "Meldingen din var veldig lang"  # utter_message_too_long (it names 113 too)


def assert_told_it_was_cut_and_113_first(replies):
    texts = [r.get("text", "") for r in replies]
    assert sum(NOTICE in t for t in texts) == 1, texts
    assert "113" in texts[0], texts  # the answer opens with 113, or the notice (with 113) comes first
    assert NOTICE in texts[0] or NOTICE in texts[-1], texts


def test_long_message_gets_a_length_answer_and_danger_first(stack):
    long_calm = "jeg har det ganske vanskelig " * 4000
    assert_told_it_was_cut_and_113_first(stack.send(uuid.uuid4().hex, long_calm, timeout=120))
    # ~3800 characters in: past what the NLU reads, inside what Losen keeps (data/input_limits.yml)
    long_danger = "jeg vet ikke helt hva jeg skal skrive " * 100 + " og nå puster han ikke " + "bla " * 20000
    replies = stack.send(uuid.uuid4().hex, long_danger, timeout=120)
    assert_told_it_was_cut_and_113_first(replies)
    assert NOTICE not in replies[0]["text"] and NOTICE in replies[-1]["text"]  # the danger answer first


def test_a_message_past_what_losen_keeps_still_opens_with_113(stack):
    # Work per message is bounded: a danger sentence 100 kB in is not read, but the answer still
    # opens with 113 (the length notice names it and asks for the most important thing in short).
    far_danger = "jeg vet ikke helt hva jeg skal skrive " * 3000 + " og nå puster han ikke"
    assert_told_it_was_cut_and_113_first(stack.send(uuid.uuid4().hex, far_danger, timeout=120))


def test_typed_intent_cannot_skip_danger(stack):
    replies = stack.send(uuid.uuid4().hex, "/greet mamma våkner ikke")
    assert "113" in replies[0]["text"]


def test_too_large_body_is_refused(stack):
    reply = post(stack, b'{"sender": "x", "message": "' + b"a" * 300_000 + b'"}')
    assert reply.status_code == 413

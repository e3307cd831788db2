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


def test_long_message_gets_a_length_answer_and_danger_first(stack):
    long_calm = "jeg har det ganske vanskelig " * 4000
    replies = stack.send(uuid.uuid4().hex, long_calm, timeout=120)
    assert "lang" in replies[0]["text"]
    long_danger = "jeg vet ikke helt hva jeg skal skrive " * 3000 + " og nå puster han ikke"
    replies = stack.send(uuid.uuid4().hex, long_danger, timeout=120)
    assert "113" in replies[0]["text"]
    assert any("lang" in r.get("text", "") for r in replies)


def test_typed_intent_cannot_skip_danger(stack):
    replies = stack.send(uuid.uuid4().hex, "/greet mamma våkner ikke")
    assert "113" in replies[0]["text"]


def test_too_large_body_is_refused(stack):
    reply = post(stack, b'{"sender": "x", "message": "' + b"a" * 300_000 + b'"}')
    assert reply.status_code == 413

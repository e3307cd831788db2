"""20 long messages and 20 ordinary conversations at the same time (bench/long_messages.py's load):
every danger message among them is answered with 113 in the first bubble, nothing is lost, no 5xx.
How long the answers took is printed (and measured by the bench), never asserted here."""
import sys

import pytest
from stack import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import long_messages as load  # noqa: E402

pytestmark = pytest.mark.stack
NOTICE = "Meldingen din var veldig lang"  # utter_message_too_long


@pytest.fixture(scope="module")
def results(stack):
    sent = load.run(stack.webhook)
    print("\n" + load.summary(sent))
    return sent


def test_nothing_is_lost_and_nothing_fails(results):
    assert len(results) == load.expected_count()
    for record in results:
        assert record.error is None and record.status == 200, (record.who, record.status, record.error)
        assert record.texts and all(record.texts), record.who


def test_every_danger_message_gets_113_in_its_first_bubble(results):
    danger = [r for r in results if r.danger]
    assert len(danger) == 25  # 15 long (5 each: start, NLU part, kept part) + 10 conversations
    for record in danger:
        first = record.texts[0]
        assert "113" in first and NOTICE not in first, (record.who, record.where, record.texts[:2])


def test_long_messages_are_told_they_were_cut(results):
    for record in (r for r in results if r.kind == "long"):
        assert sum(NOTICE in t for t in record.texts) == 1, record.who
        if record.danger:  # danger first, the length notice last
            assert NOTICE in record.texts[-1], (record.where, record.texts)
        else:  # the notice (which also names 113) opens the answer, unless the answer names 113 first
            assert NOTICE in record.texts[0] or (NOTICE in record.texts[-1] and "113" in record.texts[0]), \
                record.texts


def test_each_conversation_is_answered_turn_by_turn(results):
    by_who = {}
    for record in (r for r in results if r.kind == "conversation"):
        by_who.setdefault(record.who, []).append(record.turn)
    assert len(by_who) == load.CONVERSATIONS
    assert all(sorted(turns) == [0, 1, 2] for turns in by_who.values())
    greetings = [r for r in results if r.kind == "conversation" and r.turn == 0]
    assert all("Losen" in r.texts[0] for r in greetings)  # the greeting, not a stray answer

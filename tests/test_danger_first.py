"""What a person in danger sees first, on the running stack: the right number in the first bubble,
then what to do while waiting, for who is writing. Sentences written for this test from the
situation list (not from the catalogue's words or the dev set)."""
import uuid

import pytest

pytestmark = pytest.mark.stack


def first_two(stack, text):
    replies = [m.get("text", "") for m in stack.send(uuid.uuid4().hex, text)]
    assert replies, "no reply"
    return replies


@pytest.mark.parametrize("text", [
    "mormor har sovet på sofaen siden i går og jeg får ikke kontakt med henne, hun har drukket",
    "han tok en hel eske sovetabletter for en halvtime siden",
    "kameraten min ligger og rister over hele kroppen og fråder",
    "samboeren min sier det klemmer i brystet og han har brukt kokain hele natta",
    # Described, not named (this session's situations from helsenorge and NIMN).
    "Far min tar seg til brystet og sier det er som en elefant på ham, han har drukket i tre dager",
    "onkel sitter i stolen med åpne øyne men svarer ikke og sikler, han har drukket hele dagen",
    "broren min har knytt ei løkke på loftet",
])
def test_ambulance_situations_get_113_first(stack, text):
    replies = first_two(stack, text)
    assert replies[0].startswith("Ring 113 nå"), replies[0]


@pytest.mark.parametrize("text", [
    "stefaren min slår mamma akkurat nå og han er dritings",
    "naboen står i oppgangen med en øks og roper at han skal drepe oss",
    "pappa har drukket hele dagen og skal kjøre oss hjem nå",
    "Han er full og roper at han skal drepe meg",
    "bilen foran meg slingrer over midtlinja, sjåføren drikker av en flaske",
])
def test_police_situations_get_112_first(stack, text):
    replies = first_two(stack, text)
    assert replies[0].startswith("Ring 112 nå"), replies[0]


def test_violence_with_someone_bleeding_names_both(stack):
    replies = first_two(stack, "kjæresten til mamma har slått henne, nå blør hun fra munnen")
    assert replies[0].startswith("Ring 112 nå") and "skadet" in replies[0], replies[0]
    assert "113" in replies[0], replies[0]  # both numbers in the first bubble (issue 14 item 3)


def test_a_child_gets_child_words_while_waiting(stack):
    replies = first_two(stack, "jeg er 9 år og mamma har datt og slått hodet og hun blør og svarer ikke")
    assert replies[0].startswith("Ring 113 nå")
    assert "Det er ikke din feil" in "\n".join(replies[1:3])


def test_a_relative_hears_about_the_person_at_risk(stack):
    replies = first_two(stack, "kjæresten min sendte melding at han skal ta livet sitt i natt")
    assert replies[0].startswith("Ring 113 nå")
    assert "Er du i fare for å skade deg" not in "\n".join(replies)


def test_a_general_question_is_answered_with_113_named_first(stack):
    replies = first_two(stack, "hva gjør man hvis noen får kramper?")
    assert "113" in replies[0] and not replies[0].startswith("Ring 113 nå")


def test_nynorsk_is_answered_in_nynorsk_with_the_number_first(stack):
    sender = uuid.uuid4().hex
    replies = [m.get("text", "") for m in stack.send(sender, "eg veit ikkje kva eg skal gjere, mor mi ligg på golvet og vaknar ikkje")]
    assert replies[0].startswith("Ring 113 no."), replies[0]
    assert "ikkje" in "\n".join(replies[1:]) and "ikke " not in "\n".join(replies[1:])
    # the conversation stays nynorsk for a short message that says nothing of its standard
    later = [m.get("text", "") for m in stack.send(sender, "takk")]
    assert later and " ikke " not in " ".join(later)


def test_bokmal_stays_bokmal_and_asking_switches(stack):
    sender = uuid.uuid4().hex
    first = [m.get("text", "") for m in stack.send(sender, "jeg vet ikke hva jeg skal gjøre, mamma ligger på gulvet og våkner ikke")]
    assert first[0].startswith("Ring 113 nå."), first[0]
    asked = [m.get("text", "") for m in stack.send(sender, "kan du skrive nynorsk?")]
    assert asked and not any(" ikke " in t or t.startswith("Jeg ") for t in asked), asked

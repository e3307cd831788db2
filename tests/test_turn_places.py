"""channels/safe_rest.py `_Place`: a message's place among those worked on at once is given back exactly
once, whoever ends first (the request that sends the answer, or the turn), and a message waits for a
place at most wait_for_turn_seconds."""
import asyncio

from channels import safe_rest
from channels.safe_rest import _Place


def run(coroutine):
    return asyncio.new_event_loop().run_until_complete(coroutine)


def test_given_back_once_by_the_request_then_the_turn():
    async def go():
        places = asyncio.Semaphore(1)
        place = _Place(places)
        await place.take()
        assert place.held and places.locked()
        place.answered = True
        place.give_back()
        place.give_back()  # the turn ending afterwards gives nothing back twice
        return places._value

    assert run(go()) == 1


def test_a_place_taken_after_the_request_ended_is_given_back_by_the_turn():
    async def go():
        places = asyncio.Semaphore(1)
        first = _Place(places)
        await first.take()
        late = _Place(places)
        waiting = asyncio.ensure_future(late.take())
        await asyncio.sleep(0)
        late.answered = True  # the request gave up (e.g. the client left) before its turn got a place
        late.give_back()  # nothing held yet: nothing given back
        first.give_back()
        await waiting
        assert late.held
        late.give_back()  # what in_turn does when the turn ends and no one sends its answer
        return places._value

    assert run(go()) == 1


def test_waits_at_most_wait_for_turn_seconds(monkeypatch):
    monkeypatch.setattr(safe_rest, "limits", lambda: {"wait_for_turn_seconds": 0.05})

    async def go():
        places = asyncio.Semaphore(1)
        await _Place(places).take()
        blocked = _Place(places)
        await blocked.take()  # returns after 0.05 s without a place: worked on anyway
        return blocked.held, places._value

    assert run(go()) == (False, 0)

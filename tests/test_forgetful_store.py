"""Conversations are forgotten after the idle time, and endpoints.yml really uses that store."""
import asyncio

import pytest
from rasa.core.tracker_store import create_tracker_store
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import read_endpoint_config

from bot import ROOT
from stores.forgetful import DEFAULT_FORGET_AFTER_MINUTES, ForgetfulTrackerStore, forget_after_seconds


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def tracker(sender: str) -> DialogueStateTracker:
    t = DialogueStateTracker(sender, slots=[])
    t.update(UserUttered("hei", {"name": "greet", "confidence": 1.0}))
    return t


def run(coro):
    return asyncio.get_event_loop_policy().new_event_loop().run_until_complete(coro)


@pytest.fixture
def store(monkeypatch):
    monkeypatch.delenv("LOSEN_FORGET_AFTER_MINUTES", raising=False)
    clock = FakeClock()
    return ForgetfulTrackerStore(Domain.empty(), forget_after_minutes=10, sweep_seconds=0, clock=clock), clock


def test_kept_while_active_forgotten_when_idle(store):
    store, clock = store
    run(store.save(tracker("a")))
    clock.now += 9 * 60
    assert run(store.retrieve("a")) is not None
    clock.now += 2 * 60  # 11 minutes after the last message
    assert run(store.retrieve("a")) is None
    assert "a" not in store.store


def test_each_message_restarts_the_idle_time(store):
    store, clock = store
    run(store.save(tracker("a")))
    clock.now += 8 * 60
    run(store.save(tracker("a")))
    clock.now += 8 * 60
    assert run(store.retrieve("a")) is not None


def test_sweep_forgets_idle_conversations_nobody_reads(store):
    store, clock = store
    run(store.save(tracker("old")))
    clock.now += 6 * 60
    run(store.save(tracker("new")))
    clock.now += 5 * 60
    assert store.forget_idle() == 1
    assert set(store.store) == {"new"}


def test_environment_overrides_and_bad_values_fall_back(monkeypatch):
    monkeypatch.setenv("LOSEN_FORGET_AFTER_MINUTES", "2")
    assert forget_after_seconds(30) == 120
    monkeypatch.setenv("LOSEN_FORGET_AFTER_MINUTES", "soon")
    assert forget_after_seconds(30) == DEFAULT_FORGET_AFTER_MINUTES * 60
    monkeypatch.delenv("LOSEN_FORGET_AFTER_MINUTES")
    assert forget_after_seconds("15") == 900
    assert forget_after_seconds(-1) == DEFAULT_FORGET_AFTER_MINUTES * 60


def test_endpoints_yml_uses_the_forgetful_store(monkeypatch):
    monkeypatch.delenv("LOSEN_FORGET_AFTER_MINUTES", raising=False)
    monkeypatch.setenv("LOSEN_ACTIONS_PORT", "5055")
    config = read_endpoint_config(str(ROOT / "endpoints.yml"), "tracker_store")
    store = create_tracker_store(config, Domain.empty())
    assert isinstance(store, ForgetfulTrackerStore)
    assert store.forget_after == 30 * 60

"""channels/fast_action_validation.py: which action server answers Rasa must accept and which it must
refuse (written out by hand from Rasa 3.6's response format, rasa/shared/utils/schemas/events.py),
and the guard: on only at start-up, only on the Rasa version it was written for, logged once."""
import logging

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction

from channels import fast_action_validation
from channels.fast_action_validation import WRITTEN_FOR

RASA_OWN = RemoteAction._validate_action_result

ACCEPT = {
    "nothing at all": {},
    "empty lists": {"events": [], "responses": []},
    "a slot": {"events": [{"event": "slot", "name": "audience", "value": "user"}]},
    "a slot emptied": {"events": [{"event": "slot", "name": "place", "value": None}]},
    "a slot with a list": {"events": [{"event": "slot", "name": "criteria", "value": ["withdrawal"]}]},
    "a slot with timestamp": {"events": [{"event": "slot", "name": "audience", "value": "child",
                                          "timestamp": 1763467200.5}]},
    "a response with values": {"responses": [{"response": "utter_open_services", "services": "• 116 117"}]},
    "a response with buttons": {"responses": [{"text": "Hvem?", "buttons": [{"title": "Meg", "payload": "/x"}]}]},
    "a follow-up action": {"events": [{"event": "followup", "name": "action_list_open_services"}]},
    "an active loop ends": {"events": [{"event": "active_loop", "name": None}]},
    "a key Rasa ignores": {"events": [], "extra": 1},
}
REFUSE = {
    "events not a list": {"events": {"event": "slot", "name": "audience", "value": "user"}},
    "an event without its type": {"events": [{"name": "audience", "value": "user"}]},
    "an unknown event type": {"events": [{"event": "explode"}]},
    "a slot without value": {"events": [{"event": "slot", "name": "audience"}]},
    "a slot name that is a number": {"events": [{"event": "slot", "name": 5, "value": "user"}]},
    "a timestamp that is text": {"events": [{"event": "slot", "name": "audience", "value": "user",
                                             "timestamp": "not a number"}]},
    "entities without entities": {"events": [{"event": "entities"}]},
    "an entity without value": {"events": [{"event": "entities", "entities": [{"entity": "place"}]}]},
    "responses not a list": {"responses": {"text": "hei"}},
    "a response that is text": {"responses": ["utter_greet"]},
    "not an object": ["utter_greet"],
}


@pytest.fixture
def patched():
    fast_action_validation.uninstall()
    assert fast_action_validation.install(WRITTEN_FOR) is True
    yield
    fast_action_validation.uninstall()


@pytest.mark.parametrize("name", sorted(ACCEPT))
def test_accepts_valid_answers(patched, name):
    assert RemoteAction("action_x", None)._validate_action_result(ACCEPT[name]) is True


@pytest.mark.parametrize("name", sorted(REFUSE))
def test_refuses_invalid_answers_with_rasa_s_error(patched, name):
    with pytest.raises(ValidationError) as refused:
        RemoteAction("action_x", None)._validate_action_result(REFUSE[name])
    assert "Failed to validate Action server response" in refused.value.message  # Rasa's own wording


def test_patch_is_really_on_while_installed(patched):
    assert RemoteAction._validate_action_result is fast_action_validation._validate_action_result
    assert fast_action_validation.installed()


def test_importing_the_channel_applies_nothing():
    fast_action_validation.uninstall()
    import channels.safe_rest  # noqa: F401  (what credentials.yml names)
    assert RemoteAction._validate_action_result is RASA_OWN


def test_start_up_applies_it_only_when_credentials_ask(monkeypatch):
    from channels import safe_rest

    fast_action_validation.uninstall()
    monkeypatch.setattr(safe_rest.log_privacy, "install", lambda: None)  # not this test's business
    safe_rest.start_up({})
    assert RemoteAction._validate_action_result is RASA_OWN
    safe_rest.start_up({"fast_action_validation": True})
    try:
        assert RemoteAction._validate_action_result is fast_action_validation._validate_action_result
    finally:
        fast_action_validation.uninstall()


def test_another_rasa_version_keeps_rasa_s_own_check_and_says_so_once(caplog):
    fast_action_validation.uninstall()
    with caplog.at_level(logging.INFO, logger="channels.fast_action_validation"):
        assert fast_action_validation.install("3.7.0") is False
        assert fast_action_validation.install("3.7.0") is False
    assert RemoteAction._validate_action_result is RASA_OWN
    lines = [r for r in caplog.records if r.name == "channels.fast_action_validation"]
    assert len(lines) == 1 and lines[0].levelno == logging.WARNING
    assert "stays off" in lines[0].getMessage() and "3.7.0" in lines[0].getMessage()
    fast_action_validation.uninstall()


def test_written_for_version_is_logged_once(caplog):
    fast_action_validation.uninstall()
    with caplog.at_level(logging.INFO, logger="channels.fast_action_validation"):
        assert fast_action_validation.install(WRITTEN_FOR)
        assert fast_action_validation.install(WRITTEN_FOR)
    lines = [r for r in caplog.records if r.name == "channels.fast_action_validation"]
    assert len(lines) == 1 and "on (Rasa 3.6.21)" in lines[0].getMessage()
    fast_action_validation.uninstall()


def test_the_installed_rasa_is_the_one_it_was_written_for():
    # If this fails, Rasa was upgraded: re-measure and re-check the patch, then move WRITTEN_FOR.
    from rasa.version import __version__

    assert __version__ == "3.6.21"

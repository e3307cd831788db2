"""channels/fast_action_validation.py accepts what Rasa accepts and rejects what Rasa rejects."""
import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction

from channels import fast_action_validation

GOOD = {"events": [{"event": "slot", "name": "audience", "value": "user"}],
        "responses": [{"response": "utter_open_services", "services": "• 116 117"}]}
BAD = {"events": [{"event": "slot", "name": "audience", "value": "user", "timestamp": "not a number"}]}


@pytest.mark.parametrize("result", [GOOD, {"events": [], "responses": []}, {}])
def test_accepts_what_rasa_accepts(result):
    action = RemoteAction("action_x", None)
    assert fast_action_validation._original(action, result) is True
    assert fast_action_validation._validate_action_result(action, result) is True


def test_rejects_what_rasa_rejects_with_rasa_s_error():
    action = RemoteAction("action_x", None)
    with pytest.raises(ValidationError) as original:
        fast_action_validation._original(action, BAD)
    with pytest.raises(ValidationError) as fast:
        fast_action_validation._validate_action_result(action, BAD)
    assert str(fast.value.message) == str(original.value.message)


def test_installed_in_the_rasa_server_by_the_channel():
    import channels.safe_rest  # noqa: F401  (what credentials.yml loads)
    assert RemoteAction._validate_action_result is fast_action_validation._validate_action_result

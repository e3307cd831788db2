"""Rasa 3.6 checks every action server answer with `jsonschema.validate`, which first re-checks the
schema itself against the JSON Schema meta-schema: about 60 ms of every turn that calls a custom
action, more than the NLU and the policies together (measured with cProfile, 2026-11-23). This
module compiles Rasa's own response schema once and validates each answer against it, with the same
errors as before. Installed into the Rasa server by channels/safe_rest.py.
"""
from functools import lru_cache

from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction

_original = RemoteAction._validate_action_result


@lru_cache(maxsize=1)
def _validator():
    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)  # once, not on every turn
    return cls(schema)


def _validate_action_result(self, result) -> bool:
    error = best_match(_validator().iter_errors(result))
    if error is None:
        return True
    # Rasa's own wording and exception type, so its error handling is unchanged.
    return _original(self, result)


def install() -> None:
    """Idempotent."""
    RemoteAction._validate_action_result = _validate_action_result

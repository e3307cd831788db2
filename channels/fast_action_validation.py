"""Rasa 3.6 checks every action server answer with `jsonschema.validate`, which first re-checks the
schema itself against the JSON Schema meta-schema: about 60 ms of every turn that calls a custom
action, more than the NLU and the policies together (measured with cProfile, 2026-11-23). This
module compiles Rasa's own response schema once and validates each answer against it; an invalid
answer is handed to Rasa's own method, so its error and handling are unchanged.

It replaces a private method of Rasa's (`RemoteAction._validate_action_result`), so it is never
applied by importing this module: `install()` is called once at start-up by the REST channel when
credentials.yml asks for it, and it applies the patch only on the Rasa version it was written for
(WRITTEN_FOR). On any other version it stays off and says so in the log.
"""
import logging
from functools import lru_cache
from typing import Any, Dict, Optional

from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for

WRITTEN_FOR = "3.6.21"
logger = logging.getLogger(__name__)
_original = None  # Rasa's own method, kept while the patch is on
_reported = False  # the start-up line is logged once


@lru_cache(maxsize=1)
def _validator():
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)  # once, not on every turn
    return cls(schema)


def _validate_action_result(self, result: Dict[str, Any]) -> bool:
    if best_match(_validator().iter_errors(result)) is None:
        return True
    # Rasa's own wording and exception type, so its error handling is unchanged.
    return _original(self, result)


def _report(level: int, message: str, *args) -> None:
    global _reported
    if not _reported:
        logger.log(level, message, *args)
        _reported = True


def installed() -> bool:
    return _original is not None


def install(rasa_version: Optional[str] = None) -> bool:
    """Apply the patch if this is the Rasa it was written for. Idempotent; True when it is on."""
    global _original
    if installed():
        return True
    if rasa_version is None:
        from rasa.version import __version__ as rasa_version
    from rasa.core.actions.action import RemoteAction

    if rasa_version != WRITTEN_FOR or not callable(getattr(RemoteAction, "_validate_action_result", None)):
        _report(logging.WARNING, "fast action validation stays off: written for Rasa %s, this is Rasa %s "
                "(Rasa's own check is used)", WRITTEN_FOR, rasa_version)
        return False
    _original = RemoteAction._validate_action_result
    RemoteAction._validate_action_result = _validate_action_result
    _report(logging.INFO, "fast action validation on (Rasa %s): the action response schema is compiled once",
            rasa_version)
    return True


def uninstall() -> None:
    """Give Rasa its own method back (for tests)."""
    global _original, _reported
    if _original is not None:
        from rasa.core.actions.action import RemoteAction

        RemoteAction._validate_action_result = _original
    _original = None
    _reported = False

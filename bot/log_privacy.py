"""Keeps what people write out of the servers' logs, even when something fails.

Rasa and rasa_sdk log a failed custom action with a traceback whose exception message holds the
whole request: the conversation's text and its sender id. Installed in the Rasa server (by the
REST channel) and in the action server (by actions/), this record factory turns every log record
that carries an exception into one line naming the exception types and where they were raised,
without their messages. LOSEN_LOG_DETAILS=1 keeps full tracebacks for a developer's own machine.
"""
import logging
import os
import traceback

_installed = False


def _where(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__) if exc.__traceback__ else []
    if not frames:
        return ""
    last = frames[-1]
    parts = last.filename.replace("\\", "/").split("/")
    short = "/".join(parts[-3:])
    return f" at {short}:{last.lineno}"


def describe(exc: BaseException) -> str:
    """'RasaException at rasa/core/actions/action.py:810 <- ClientResponseError at …' (no messages)."""
    chain, seen = [], set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        chain.append(type(exc).__name__ + _where(exc))
        exc = exc.__cause__ or exc.__context__
    return " <- ".join(chain)


def install() -> None:
    """Idempotent; a no-op when LOSEN_LOG_DETAILS=1."""
    global _installed
    if _installed or os.environ.get("LOSEN_LOG_DETAILS") == "1":
        return
    previous = logging.getLogRecordFactory()

    def factory(*args, **kwargs):
        record = previous(*args, **kwargs)
        exc = record.exc_info[1] if record.exc_info else None
        if exc is not None:
            try:
                message = record.getMessage()
            except Exception:  # a bad format string must not break logging
                message = str(record.msg)
            record.msg = f"{message} [{describe(exc)}; details not logged]"
            record.args = None
            record.exc_info = None
            record.exc_text = None
        return record

    logging.setLogRecordFactory(factory)
    _installed = True

"""Keeps what people write out of the servers' logs, at any log level, even when something fails.

Installed in the Rasa server (by the REST channel at start-up) and in the action server (by
actions/). Unless LOSEN_LOG_DETAILS=1 (a developer's own machine):
- DEBUG is switched off for every logger (`logging.disable`), whatever --debug, -vv or LOG_LEVEL
  say: Rasa's and rasa_sdk's debug lines hold the message text, slots and entities, urllib3's the
  URL of an online place look-up (stdlib and Rasa's structlog both obey it);
- sanic's access log (client addresses) is dropped;
- every record that carries an exception becomes one line naming the exception types and where
  they were raised, without their messages (Rasa and rasa_sdk log a failed custom action with the
  whole request, text and sender id, in the exception);
- while the channel handles a message (`conversation`), its sender id and text are blanked out of
  any line that would name them (Rasa warns with the sender id when a turn trips its circuit
  breaker).
"""
import contextlib
import contextvars
import logging
import os
import traceback
from typing import Iterator, Tuple

HIDDEN = "[…]"
_installed = False
_previous_factory = None
_secrets: contextvars.ContextVar = contextvars.ContextVar("losen_log_secrets", default=())


def details() -> bool:
    return os.environ.get("LOSEN_LOG_DETAILS") == "1"


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


@contextlib.contextmanager
def conversation(*secrets: str) -> Iterator[None]:
    """Within this block (and the tasks it starts), these strings never reach a log line."""
    kept: Tuple[str, ...] = tuple(s for s in secrets if isinstance(s, str) and len(s.strip()) >= 3)
    token = _secrets.set(kept)
    try:
        yield
    finally:
        _secrets.reset(token)


def _message(record: logging.LogRecord) -> str:
    try:
        return record.getMessage()
    except Exception:  # a bad format string must not break logging
        return str(record.msg)


def _drop(record: logging.LogRecord) -> bool:
    return False


def install() -> None:
    """Idempotent; a no-op when LOSEN_LOG_DETAILS=1."""
    global _installed, _previous_factory
    if _installed or details():
        return
    logging.disable(logging.DEBUG)
    logging.getLogger("sanic.access").addFilter(_drop)
    previous = _previous_factory = logging.getLogRecordFactory()

    def factory(*args, **kwargs):
        record = previous(*args, **kwargs)
        exc = record.exc_info[1] if record.exc_info else None
        secrets = _secrets.get()
        if exc is None and not secrets:
            return record
        message = _message(record)
        if exc is not None:
            message = f"{message} [{describe(exc)}; details not logged]"
            record.exc_info = None
            record.exc_text = None
        for secret in secrets:
            message = message.replace(secret, HIDDEN)
        record.msg, record.args = message, None
        return record

    logging.setLogRecordFactory(factory)
    _installed = True


def uninstall() -> None:
    """Undo install() (for tests, which share one process)."""
    global _installed
    if not _installed:
        return
    logging.disable(logging.NOTSET)
    logging.getLogger("sanic.access").removeFilter(_drop)
    logging.setLogRecordFactory(_previous_factory)
    _installed = False

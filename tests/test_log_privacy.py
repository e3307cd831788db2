"""bot/log_privacy.py: a logged exception names its types and places, never its message."""
import logging

import pytest

from bot import log_privacy


@pytest.fixture
def captured():
    factory = logging.getLogRecordFactory()
    log_privacy._installed = False
    log_privacy.install()
    records = []
    handler = logging.Handler()
    handler.emit = lambda record: records.append(logging.Formatter().format(record))
    logger = logging.getLogger("losen.test")
    logger.addHandler(handler)
    yield logger, records
    logger.removeHandler(handler)
    log_privacy.uninstall()  # also lifts logging.disable, which would hide DEBUG from later tests
    logging.setLogRecordFactory(factory)


def test_exception_text_and_chain_are_not_logged(captured):
    logger, records = captured
    try:
        try:
            raise ValueError("jeg vil ikke leve sender-1234")
        except ValueError as inner:
            raise RuntimeError('body={"text": "jeg vil ikke leve"}') from inner
    except RuntimeError:
        logger.exception("action %s failed", "action_x")
    line = records[-1]
    assert "action action_x failed" in line
    assert "RuntimeError" in line and "ValueError" in line and "test_log_privacy.py" in line
    assert "leve" not in line and "sender-1234" not in line and "Traceback" not in line


def test_plain_records_are_untouched(captured):
    logger, records = captured
    logger.error("server up on %s", 5005)
    assert records[-1] == "server up on 5005"


def test_developers_can_keep_details(monkeypatch):
    monkeypatch.setenv("LOSEN_LOG_DETAILS", "1")
    factory = logging.getLogRecordFactory()
    log_privacy._installed = False
    log_privacy.install()
    assert logging.getLogRecordFactory() is factory

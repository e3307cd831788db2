"""What a person writes, and who they are, reaches no log and no file, at any log setting.

The stack test runs both servers at their most talkative (rasa run --debug, rasa_sdk --debug,
LOG_LEVEL_LIBRARIES=DEBUG) with the online place look-up on (against a fake place register here),
sends a unique marker through ordinary, crisis, place and danger messages, and searches every log
and every file the run wrote for it. The unit tests check bot/log_privacy.py's parts one by one.
"""
import json
import logging
import os
import tempfile
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from stack import Stack, free_port, model_path

from bot import ROOT, log_privacy

SKIP_DIRS = {".venv", ".git", "node_modules", "__pycache__", ".hypothesis"}


def files_written_since(roots, since: float):
    for root in roots:
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS]
            for name in filenames:
                path = Path(dirpath) / name
                try:
                    if path.stat().st_mtime >= since and path.stat().st_size < 50_000_000:
                        yield path
                except OSError:
                    continue


class FakePlaceRegister(BaseHTTPRequestHandler):
    """Kartverket's place-name API as Losen calls it; answers 'nothing found' and remembers queries."""
    queries: list = []

    def do_GET(self):
        FakePlaceRegister.queries.append(parse_qs(urlparse(self.path).query).get("sok", [""])[0])
        body = json.dumps({"navn": []}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):  # this test's own process must not print the marker either
        pass


@pytest.fixture(scope="module")
def talkative_stack():
    if model_path() is None:
        pytest.skip("no trained model in models/: run ./losen train")
    register = ThreadingHTTPServer(("127.0.0.1", 0), FakePlaceRegister)
    threading.Thread(target=register.serve_forever, daemon=True).start()
    env = {"LOSEN_ONLINE_PLACES": "1", "LOSEN_PLACES_API_URL": f"http://127.0.0.1:{register.server_port}",
           "LOG_LEVEL": "DEBUG", "LOG_LEVEL_LIBRARIES": "DEBUG",
           "LOSEN_LOG_DETAILS": ""}  # whatever the developer running the tests has set
    running = Stack(free_port(), free_port(), Path(tempfile.mkdtemp(prefix="losen-anon-")), extra_env=env)
    try:
        running.start_actions(extra_args=("--debug",))
        running.start_rasa(extra_args=("--debug",))
        running.wait()
        yield running
    finally:
        running.stop()
        register.shutdown()
        register.server_close()


@pytest.mark.stack
def test_marker_is_not_written_anywhere_even_at_debug_level(talkative_stack):
    started = time.time() - 1
    marker = "Markør" + uuid.uuid4().hex  # capitalised, so it is taken for a place and looked up online
    sender = "sender" + uuid.uuid4().hex
    for text in (f"hei {marker}", f"det er krise, jeg er på {marker} nå", f"jeg bor i {marker}",
                 f"hjelp han puster ikke {marker}", "hvor er nærmeste rusakutt?", f"på {marker}"):
        assert talkative_stack.send(sender, text)
    time.sleep(1)
    assert any(marker in q for q in FakePlaceRegister.queries), "the online place look-up was not reached"
    logs = {name: talkative_stack.read_log(name) for name in ("rasa", "actions")}
    assert "DEBUG" in logs["rasa"]  # the server really ran at debug level (until Losen's channel started)
    leaks = [str(p) for p in files_written_since([talkative_stack.logdir, ROOT, Path("/tmp")], started)
             if marker.encode() in p.read_bytes() or sender.encode() in p.read_bytes()]
    assert not leaks, f"marker or sender id found in {leaks}"


# ------------------------------------------------------------------ bot/log_privacy.py, part by part
@pytest.fixture
def private_logging(monkeypatch):
    monkeypatch.delenv("LOSEN_LOG_DETAILS", raising=False)
    log_privacy.uninstall()
    log_privacy.install()
    records = []
    handler = logging.Handler(level=logging.DEBUG)
    handler.emit = lambda record: records.append(logging.Formatter("%(name)s %(message)s").format(record))
    root = logging.getLogger()
    old_level = root.level
    root.setLevel(logging.DEBUG)
    root.addHandler(handler)
    yield records
    root.removeHandler(handler)
    root.setLevel(old_level)
    log_privacy.uninstall()


def test_debug_lines_are_never_written(private_logging):
    logging.getLogger("rasa.core.processor").debug("Received user message 'jeg vil dø'")
    logging.getLogger("urllib3.connectionpool").debug("GET /navn?sok=Vardø")
    logging.getLogger("rasa.core.processor").info("Loading model")
    assert private_logging == ["rasa.core.processor Loading model"]


def test_sender_and_text_of_the_current_conversation_are_blanked(private_logging):
    with log_privacy.conversation("sender-7f3a", "mamma våkner ikke"):
        logging.getLogger("rasa.core.processor").warning(
            "Circuit breaker tripped. Stopped predicting more actions for sender '%s'.", "sender-7f3a")
        logging.getLogger("x").error("text was: mamma våkner ikke")
    logging.getLogger("x").error("after: sender-7f3a")  # outside the conversation: untouched
    assert private_logging == [
        "rasa.core.processor Circuit breaker tripped. Stopped predicting more actions for sender '[…]'.",
        "x text was: […]",
        "x after: sender-7f3a",
    ]


def test_client_addresses_are_not_logged(private_logging):
    logging.getLogger("sanic.access").info("", extra={"host": "10.1.2.3:5555", "request": "POST /webhooks"})
    assert private_logging == []


def test_developers_get_everything_with_the_explicit_variable(monkeypatch):
    log_privacy.uninstall()
    logging.disable(logging.NOTSET)
    monkeypatch.setenv("LOSEN_LOG_DETAILS", "1")
    factory = logging.getLogRecordFactory()
    log_privacy.install()
    assert logging.root.manager.disable == logging.NOTSET
    assert logging.getLogRecordFactory() is factory


def test_the_online_place_look_up_logs_no_place(monkeypatch, caplog):
    from bot import places_online

    monkeypatch.setenv("LOSEN_PLACES_API_URL", "http://127.0.0.1:9")  # nothing listens: the look-up fails
    with caplog.at_level(logging.INFO, logger="bot.places_online"):
        assert places_online.lookup("Hemmeligsted") is None
    assert caplog.records, "the failure should be logged (without the place)"
    assert all("Hemmeligsted" not in r.getMessage() for r in caplog.records)

"""Rasa's own commands work with the project's files: `rasa run actions` and `rasa run` in the repo,
no Losen variable and no PYTHONPATH set, on Rasa's default ports (5055, 5005), give a bot whose
custom actions answer. Skips when something else holds those ports (e.g. ./losen run)."""
import os
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest
import requests
from stack import DEFAULT_MOMENT, ROOT, VENV_BIN, Stack, model_path

pytestmark = pytest.mark.stack
RASA_PORT, ACTIONS_PORT = 5005, 5055


def port_free(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind(("0.0.0.0", port))
        except OSError:
            return False
    return True


def plain_env() -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LOSEN_") and k != "PYTHONPATH"}
    # Not configuration: no telemetry from a test, and the pinned moment every stack runs at.
    env.update(RASA_TELEMETRY_ENABLED="false", LOSEN_NOW=DEFAULT_MOMENT)
    return env


@pytest.fixture(scope="module")
def plain_stack():
    if model_path() is None:
        pytest.skip("no trained model in models/")
    busy = [p for p in (RASA_PORT, ACTIONS_PORT) if not port_free(p)]
    if busy:
        pytest.skip(f"Rasa's default port(s) {busy} are in use (another Losen or Rasa running?)")
    running = Stack(RASA_PORT, ACTIONS_PORT, Path(tempfile.mkdtemp(prefix="losen-plain-")))
    for name, args in (("actions", ["run", "actions"]), ("rasa", ["run"])):  # exactly Rasa's own commands
        log = open(running.logdir / f"{name}.log", "wb")
        running.procs[name] = subprocess.Popen([str(VENV_BIN / "rasa"), *args], cwd=ROOT, env=plain_env(),
                                               stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        running.wait(timeout=300)
        yield running
    finally:
        running.stop()


def test_no_losen_port_variable_reaches_the_servers():
    assert "LOSEN_ACTIONS_PORT" not in plain_env() and "PYTHONPATH" not in plain_env()


def test_a_custom_action_answers(plain_stack):
    replies = [m.get("text", "") for m in plain_stack.send(uuid.uuid4().hex, "hvem kan jeg ringe")]
    # utter_open_services, filled by action_list_open_services from data/services.yml
    assert any(t.startswith("Disse kan du kontakte nå:") for t in replies), replies
    log = plain_stack.read_log("rasa")
    assert "InvalidURL" not in log and "Failed to run custom action" not in log


def test_the_action_server_is_reached_at_rasa_s_default_url(plain_stack):
    assert requests.get(f"http://127.0.0.1:{ACTIONS_PORT}/health", timeout=5).ok
    assert "url: http://localhost:5055/webhook" in (ROOT / "endpoints.yml").read_text(encoding="utf-8")

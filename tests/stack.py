"""Start and stop Losen's servers for tests: action server + Rasa server on free local ports."""
import os
import re
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"

# Every stack runs at a named moment, never at the wall clock: what is "open now" changes by the
# hour, and CI runs at whatever hour a submission is made. Tests that are about another moment
# pass their own LOSEN_NOW (see MOMENTS).
MOMENTS = {
    "weekday_midday": "2026-11-18T12:00",     # a Wednesday
    "weekday_night": "2026-11-18T03:00",
    "sunday_evening": "2026-11-22T20:00",
    "public_holiday": "2026-04-03T12:00",     # langfredag, a Friday
    "julaften_night": "2026-12-24T23:30",
}
DEFAULT_MOMENT = MOMENTS["weekday_midday"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def model_path() -> Path:
    models = sorted((ROOT / "models").glob("*.tar.gz"))
    return models[-1] if models else None


@dataclass
class Stack:
    rasa_port: int
    actions_port: int
    logdir: Path
    procs: dict = field(default_factory=dict)
    extra_env: dict = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    @property
    def webhook(self) -> str:
        return f"{self.url}/webhooks/rest/webhook"

    def env(self) -> dict:
        env = dict(os.environ)
        env.update(PYTHONPATH=str(ROOT), LOSEN_ACTIONS_PORT=str(self.actions_port),
                   LOSEN_RASA_PORT=str(self.rasa_port), RASA_TELEMETRY_ENABLED="false",
                   TF_CPP_MIN_LOG_LEVEL="3", SQLALCHEMY_SILENCE_UBER_WARNING="1",
                   LOSEN_NOW=DEFAULT_MOMENT)
        # TensorFlow's thread pools as ./losen sets them (the starter bot in bench/load.py gets the same).
        env.setdefault("TF_INTER_OP_PARALLELISM_THREADS", "1")
        env.setdefault("TF_INTRA_OP_PARALLELISM_THREADS", "2")
        env.update(self.extra_env)
        return env

    def _spawn(self, name: str, args: list) -> None:
        log = open(self.logdir / f"{name}.log", "wb")
        self.procs[name] = subprocess.Popen(args, cwd=ROOT, env=self.env(), stdout=log, stderr=subprocess.STDOUT,
                                            start_new_session=True)

    def start_actions(self, module: str = "actions", extra_args: tuple = ()) -> None:
        self._spawn("actions", [str(VENV_BIN / "python"), "-m", "actions", "--port", str(self.actions_port),
                                "--actions", module, *extra_args])

    def start_rasa(self, endpoints: str = "endpoints.yml", extra_args: tuple = ()) -> None:
        # The repo's endpoints files name Rasa's default action server; this stack's runs on its own
        # port, so Rasa gets a copy whose action_endpoint url names it.
        text = (ROOT / endpoints).read_text(encoding="utf-8")
        text, found = re.subn(r"(?m)^(action_endpoint:\s*\n\s+url:\s*)\S+",
                              lambda m: f"{m.group(1)}http://127.0.0.1:{self.actions_port}/webhook", text)
        if found != 1:
            raise ValueError(f"{endpoints}: no 'action_endpoint: url:' to point at port {self.actions_port}")
        copy = self.logdir / "endpoints.yml"
        copy.write_text(text, encoding="utf-8")
        self._spawn("rasa", [str(VENV_BIN / "python"), "-m", "server", "run", "-m", str(model_path()), "--port", str(self.rasa_port),
                             "--credentials", "credentials.yml", "--endpoints", str(copy), *extra_args])

    def wait(self, timeout: float = 240) -> None:
        deadline = time.time() + timeout
        checks = {"rasa": f"{self.url}/"}
        if "actions" in self.procs:
            checks["actions"] = f"http://127.0.0.1:{self.actions_port}/health"
        pending = dict(checks)
        while pending and time.time() < deadline:
            for name, url in list(pending.items()):
                if self.procs[name].poll() is not None:
                    raise RuntimeError(f"{name} server exited; log:\n{self.read_log(name)[-3000:]}")
                try:
                    if requests.get(url, timeout=2).ok:
                        pending.pop(name)
                except requests.RequestException:
                    pass
            time.sleep(0.5)
        if pending:
            raise RuntimeError(f"servers not ready after {timeout}s: {sorted(pending)}")
        if "rasa" in checks:  # the model is loaded lazily on some versions: wait for /status
            while time.time() < deadline:
                try:
                    # 404: no --enable-api, so no /status; Rasa then loads the model before it serves "/".
                    if requests.get(f"{self.url}/status", timeout=2).status_code in (200, 401, 403, 404):
                        break
                except requests.RequestException:
                    pass
                time.sleep(0.5)

    def stop(self, name: str = None) -> None:
        for key in [name] if name else list(self.procs):
            proc = self.procs.pop(key, None)
            if proc and proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
                try:
                    proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait()

    def read_log(self, name: str) -> str:
        path = self.logdir / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def send(self, sender: str, text: str, timeout: float = 30) -> list:
        response = requests.post(self.webhook, json={"sender": sender, "message": text}, timeout=timeout)
        response.raise_for_status()
        return response.json()


def start_stack(with_actions: bool = True, extra_env: dict = None, actions_module: str = "actions") -> Stack:
    stack = Stack(free_port(), free_port(), Path(tempfile.mkdtemp(prefix="losen-stack-")), extra_env=extra_env or {})
    if with_actions:
        stack.start_actions(actions_module)
    stack.start_rasa()
    try:
        stack.wait()
    except Exception:
        stack.stop()
        raise
    return stack

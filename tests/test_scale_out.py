"""Scale-out: two Rasa servers sharing one Redis (deploy/endpoints.redis.yml) carry one conversation.

A local redis-server (no persistence, a password) backs the tracker store and the lock store of two
Rasa servers with one action server. Half a conversation goes to server A, the rest to server B,
which must know what A learnt; then A is stopped and B goes on. Redis must hold the conversation
with an expiry, no lock left behind, and no file on disk. Skips only where redis-server cannot be
had (scripts/setup_redis.sh installs it from Debian's packages).
"""
import json
import secrets
import shutil
import subprocess
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests
import yaml
from stack import ROOT, Stack, free_port, model_path

pytestmark = pytest.mark.stack

ENDPOINTS = "deploy/endpoints.redis.yml"
ASK = "hvor er nærmeste rusakutt?"
ASKS_WHERE = "Hvor er du?"
BERGEN_UNIT = "Haukeland"  # nearest rusakutt for Bergen
TROMSO_UNIT = "Russeksjon Tromsø"  # nearest for Tromsø


def joined(messages: list) -> str:
    return "\n".join(m.get("text", "") for m in messages)


def record_exp() -> int:
    return int(yaml.safe_load((ROOT / ENDPOINTS).read_text())["tracker_store"]["record_exp"])


@pytest.fixture
def redis_server():
    """(port, password, client) of a redis-server of our own on 127.0.0.1 that writes nothing to disk."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server not found on PATH: scripts/setup_redis.sh (run by ./losen test) installs it "
                    "from Debian's packages where apt-get and root or sudo -n are available")
    import redis

    workdir = Path(tempfile.mkdtemp(prefix="losen-redis-"))  # redis' --dir: must stay empty
    logdir = Path(tempfile.mkdtemp(prefix="losen-redis-log-"))
    port, password = free_port(), secrets.token_hex(16)
    with open(logdir / "redis.log", "wb") as log:
        proc = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                                 "--daemonize", "no", "--dir", str(workdir), "--requirepass", password],
                                cwd=workdir, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    client = redis.Redis(host="127.0.0.1", port=port, password=password, decode_responses=True)
    try:
        deadline = time.time() + 15
        while True:
            if proc.poll() is not None:
                pytest.fail(f"redis-server exited: {(logdir / 'redis.log').read_text(errors='replace')[-2000:]}")
            try:
                if client.ping():
                    break
            except redis.exceptions.ConnectionError:
                if time.time() > deadline:
                    pytest.fail("redis-server did not answer PING within 15 s")
                time.sleep(0.1)
        assert client.config_get("save") == {"save": ""} and client.config_get("appendonly") == {"appendonly": "no"}
        yield port, password, client
    finally:
        client.close()
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        left = sorted(p.name for p in workdir.iterdir())
        shutil.rmtree(workdir, ignore_errors=True)
        shutil.rmtree(logdir, ignore_errors=True)
        assert not left, f"redis-server wrote {left} to disk"


def test_two_rasa_servers_share_one_conversation(redis_server):
    if model_path() is None:
        pytest.skip("no trained model in models/: run ./losen train (./losen test trains before these tests)")
    port, password, client = redis_server
    env = {"LOSEN_REDIS_HOST": "127.0.0.1", "LOSEN_REDIS_PORT": str(port), "LOSEN_REDIS_DB": "0",
           "LOSEN_REDIS_PASSWORD": password}
    a = Stack(free_port(), free_port(), Path(tempfile.mkdtemp(prefix="losen-scale-a-")), extra_env=env)
    b = Stack(free_port(), a.actions_port, Path(tempfile.mkdtemp(prefix="losen-scale-b-")), extra_env=env)
    sender = "scale" + uuid.uuid4().hex
    key = f"losen:tracker:{sender}"

    # Every change to this conversation's lock key, to see the lock store at work in Redis.
    client.config_set("notify-keyspace-events", "Kg$")
    pubsub = client.pubsub()
    pubsub.subscribe(f"__keyspace@0__:losen:lock:{sender}")
    lock_events = []

    def drain():
        while (message := pubsub.get_message(timeout=0.5)) is not None:
            if message["type"] == "message":
                lock_events.append(message["data"])

    try:
        a.start_actions()
        a.start_rasa(ENDPOINTS)
        b.start_rasa(ENDPOINTS)  # same action server as A
        started = time.time()
        with ThreadPoolExecutor(2) as pool:
            for future in [pool.submit(s.wait) for s in (a, b)]:
                future.result()
        print(f"\ntwo Rasa servers and the action server ready in {time.time() - started:.0f} s "
              f"(logs in {a.logdir} and {b.logdir}, kept if the test fails)")

        # First half on A: the place form asks where, and the answer gives Bergen's nearest unit.
        assert ASKS_WHERE in joined(a.send(sender, ASK))
        assert BERGEN_UNIT in joined(a.send(sender, "Bergen"))

        # The rest on B. A new conversation on B is asked where it is ...
        assert ASKS_WHERE in joined(b.send("scale" + uuid.uuid4().hex, ASK))
        # ... but this one is answered at once with Bergen: B knows what was said to A.
        reply = joined(b.send(sender, ASK))
        assert BERGEN_UNIT in reply and ASKS_WHERE not in reply, reply
        assert TROMSO_UNIT in joined(b.send(sender, "jeg bor i Tromsø"))

        # Two messages at (almost) the same time, one to each server: the lock makes B's wait for A's.
        replies = {}

        def send(name, stack, text, delay):
            time.sleep(delay)
            sent = time.time()
            replies[name] = (sent, stack.send(sender, text), time.time())

        # B's message follows A's by a quarter of a second, while A is still at work (about 0.8 s here):
        # without a shared lock B answers it at once and the two come out of order in the tracker.
        threads = [threading.Thread(target=send, args=("a", a, "det er krise", 0)),
                   threading.Thread(target=send, args=("b", b, "takk", 0.25))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert set(replies) == {"a", "b"} and all(r[1] for r in replies.values()), replies
        overlapped = replies["b"][0] < replies["a"][2]
        print(f"A answered in {replies['a'][2] - replies['a'][0]:.2f} s, B in {replies['b'][2] - replies['b'][0]:.2f} s"
              f" ({'overlapping' if overlapped else 'not overlapping'})")

        # A goes away; B carries on with the same conversation.
        a.stop("rasa")
        with pytest.raises(requests.ConnectionError):
            a.send(sender, "hei", timeout=5)
        reply = joined(b.send(sender, ASK))
        assert TROMSO_UNIT in reply and ASKS_WHERE not in reply, reply
        assert "113" in joined(b.send(sender, "ha det"))

        # Redis holds the whole conversation, in order, with an expiry, and no lock left behind.
        ttl = client.ttl(key)
        assert 0 < ttl <= record_exp(), ttl
        events = json.loads(client.get(key))["events"]
        users = [e for e in events if e["event"] == "user"]
        texts = [e["text"] for e in users]
        assert texts == [ASK, "Bergen", ASK, "jeg bor i Tromsø", "det er krise", "takk", ASK, "ha det"], texts
        stamps = [e["timestamp"] for e in events]
        assert stamps == sorted(stamps), "events of two messages were interleaved: the lock did not hold"
        for first, second in zip(users, users[1:]):  # every message was answered before the next one was read
            between = events[events.index(first) + 1:events.index(second)]
            assert any(e["event"] == "bot" for e in between) and between[-1].get("name") == "action_listen", between
        drain()
        assert "set" in lock_events and "del" in lock_events, lock_events
        assert client.keys("losen:lock:*") == []
    finally:
        pubsub.close()
        a.stop()
        b.stop()
    shutil.rmtree(a.logdir, ignore_errors=True)  # logs are kept when the test fails
    shutil.rmtree(b.logdir, ignore_errors=True)

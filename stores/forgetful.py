"""An in-memory tracker store that forgets a conversation after it has been idle for a while.

Rasa's own InMemoryTrackerStore keeps every conversation until the server stops. People write to
Losen about the worst moment of their lives; what they wrote should not outlive the conversation.
This store drops a conversation `forget_after_minutes` after its last message (endpoints.yml;
the environment variable LOSEN_FORGET_AFTER_MINUTES overrides it). A background sweep runs every
`sweep_seconds`, and every read checks the conversation it reads, so an idle conversation is gone
within a sweep interval of its expiry even if nobody writes again. Nothing is written to disk.
"""
import logging
import os
import threading
import time
from typing import Any, Callable, Dict, Optional, Text

from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker

logger = logging.getLogger(__name__)

DEFAULT_FORGET_AFTER_MINUTES = 30.0
ENV_FORGET_AFTER = "LOSEN_FORGET_AFTER_MINUTES"


def forget_after_seconds(configured: Optional[Any]) -> float:
    """Idle time in seconds: the environment wins over endpoints.yml, which wins over the default."""
    for value in (os.environ.get(ENV_FORGET_AFTER), configured):
        if value in (None, ""):
            continue
        try:
            minutes = float(value)
        except (TypeError, ValueError):
            logger.warning("forget_after_minutes is not a number; using %s minutes", DEFAULT_FORGET_AFTER_MINUTES)
            break
        if minutes > 0:
            return minutes * 60
    return DEFAULT_FORGET_AFTER_MINUTES * 60


class ForgetfulTrackerStore(InMemoryTrackerStore):
    """InMemoryTrackerStore plus an idle expiry per conversation."""

    def __init__(self, domain: Domain, host: Optional[Text] = None, event_broker=None,
                 forget_after_minutes: Optional[Any] = None, sweep_seconds: float = 30.0,
                 clock: Callable[[], float] = time.monotonic, **kwargs: Any) -> None:
        super().__init__(domain, event_broker, **kwargs)
        self.forget_after = forget_after_seconds(forget_after_minutes)
        self._clock = clock
        self._last_seen: Dict[Text, float] = {}
        self._lock = threading.Lock()
        self._sweeper: Optional[threading.Thread] = None
        if sweep_seconds and sweep_seconds > 0:
            self._start_sweeper(float(sweep_seconds))

    def _start_sweeper(self, every: float) -> None:
        def loop() -> None:
            while True:
                time.sleep(every)
                self.forget_idle()

        # daemon: the sweep must never keep a stopping server alive
        self._sweeper = threading.Thread(target=loop, name="losen-forget-idle", daemon=True)
        self._sweeper.start()

    def _expired(self, sender_id: Text, now: float) -> bool:
        seen = self._last_seen.get(sender_id)
        return seen is not None and now - seen >= self.forget_after

    def _forget(self, sender_id: Text) -> None:
        self.store.pop(sender_id, None)
        self._last_seen.pop(sender_id, None)

    def forget_idle(self) -> int:
        """Drops every conversation idle for longer than the limit; returns how many."""
        now = self._clock()
        with self._lock:
            idle = [sender for sender in list(self._last_seen) if self._expired(sender, now)]
            for sender in idle:
                self._forget(sender)
        if idle:
            logger.debug("forgot %d idle conversation(s)", len(idle))  # a count, never an id
        return len(idle)

    async def save(self, tracker: DialogueStateTracker) -> None:
        await super().save(tracker)
        with self._lock:
            self._last_seen[tracker.sender_id] = self._clock()

    async def _retrieve(self, sender_id: Text, fetch_all_sessions: bool) -> Optional[DialogueStateTracker]:
        with self._lock:
            if self._expired(sender_id, self._clock()):
                self._forget(sender_id)
        return await super()._retrieve(sender_id, fetch_all_sessions)

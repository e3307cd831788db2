"""Rasa's REST channel, made safe for people in crisis and for hostile input.

Same URL as the stock channel (POST /webhooks/rest/webhook, {"sender", "message"}), but:
- any malformed request gets a clear 4xx JSON error, never a 5xx or a stack trace;
- bounded work per message (bot/inbox.py): a message is cut before anything reads it; the part
  the NLU does not read is searched for danger (red flags, danger situations) in a worker thread,
  long_messages_at_once at a time (a semaphore),
  so one sender's long messages cannot hold the event loop for everyone;
- messages are worked on messages_at_once at a time, in order of arrival, so a burst is answered
  one after the other rather than all at the end; none waits longer than wait_for_turn_seconds;
- every message gets at least one reply, and danger to life is answered with 113 first even
  past the NLU's part of a long message;
- typed "/intent" shortcuts are read as plain text, except the buttons Losen offers;
- a turn is answered within reply_within_seconds even if the action server hangs, and a turn that
  has already named 112 or 113 within emergency_reply_within_seconds;
- the safety net: a reply that names no phone number at all, or a failed turn that names no
  number that is always answered, gets the always-open door (116 117 and 113), whatever the red
  flags said and whether the action server answered, raised, hung or is down;
- the channel's own bubbles (the door, the length notice) are in the conversation's written
  standard, and every message carries it (`"metadata": {"malform": "nb" | "nn"}`) so the web page's
  fixed texts follow it too (see `_Collector`);
- message text, sender ids and addresses are never logged, here or in Rasa's own logs
  (bot/log_privacy.py).

Start-up (`from_credentials`, called by Rasa once for credentials.yml) installs the log privacy
and, when credentials.yml asks for it, the guarded Rasa speed fix (channels/fast_action_validation.py).
Once the server is up with its model loaded, what is otherwise built on first use is built, and
the heap is settled (server/heap.py): the garbage collector stops walking what loading left, and
glibc gives back what loading freed.
"""
import asyncio
import json
import logging
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot import inbox, log_privacy
from bot.domain_texts import response_text
from bot.inbox import Inbound, limits, names_emergency_number, names_open_door, names_phone_number
from bot.malform import MALFORMS
from channels import fast_action_validation
from server import heap, no_jax

logger = logging.getLogger(__name__)

DEFAULT_MALFORM = "nb"  # the domain's initial value of the malform slot


def start_up(settings: Optional[Dict[Text, Any]]) -> None:
    """What the Rasa server needs from Losen before it serves anyone (idempotent)."""
    settings = settings or {}
    log_privacy.install()
    no_jax.report()
    if settings.get("fast_action_validation"):
        fast_action_validation.install()


def _error(status: int, reason: str) -> HTTPResponse:
    return response.json({"error": reason}, status=status)


def _parse(request: Request) -> tuple:
    """(sender, message) or an error response."""
    body = request.body or b""
    if len(body) > limits()["max_body_bytes"]:
        return None, _error(413, "Meldingen er for stor.")
    try:
        payload = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None, _error(400, 'Send JSON: {"sender": "...", "message": "..."}')
    if not isinstance(payload, dict):
        return None, _error(400, 'Send et JSON-objekt: {"sender": "...", "message": "..."}')
    sender, message = payload.get("sender"), payload.get("message")
    if not isinstance(sender, str) or not sender.strip() or len(sender) > limits()["max_sender_chars"]:
        return None, _error(400, "Feltet sender mangler eller er ugyldig.")
    if not isinstance(message, str):
        return None, _error(400, "Feltet message mangler eller er ikke tekst.")
    return (sender.strip(), message, _chosen(payload.get("metadata"))), None


def _chosen(metadata: Any) -> Dict[Text, Text]:
    """What the person chose on the page and the reading should know; only a målform (nb | nn)."""
    malform = metadata.get("malform") if isinstance(metadata, dict) else None
    return {"malform": malform} if malform in MALFORMS else {}


async def _emergency_said_early(turn: asyncio.Future, collector: CollectingOutputChannel) -> bool:
    """True when the turn is still running after emergency_reply_within_seconds and what it has
    said so far names 112 or 113: a person in danger is not kept waiting for the rest."""
    done, _ = await asyncio.wait({turn}, timeout=limits()["emergency_reply_within_seconds"])
    if done:
        return False
    return names_emergency_number("\n".join(m.get("text") or "" for m in collector.messages))


async def _finish(turn: asyncio.Future) -> bool:
    """Wait for the turn within reply_within_seconds (from its start); True when it failed."""
    try:
        await asyncio.wait_for(asyncio.shield(turn), timeout=limits()["reply_within_seconds"]
                               - limits()["emergency_reply_within_seconds"])
        turn.result()
        return False
    except asyncio.TimeoutError:
        turn.cancel()
        logger.error("a message took too long and was cut short (text not logged)")
    except asyncio.CancelledError:
        logger.error("a message was cancelled (text not logged)")
    except Exception as err:  # the person still gets an answer, the log gets no text
        logger.error("a message failed: %s (text not logged)", type(err).__name__)
    return True


def said_in(message: Dict[Text, Any]) -> Optional[str]:
    """The written standard a bot message was said in, as Rasa hands it to the output channel.

    Every response variation in the domain is conditioned on the malform slot
    (tests/test_channel_malform.py checks it), and Rasa passes the variation it chose on with the
    message, its condition included; a custom action's messages are domain responses too
    (`utter_message(response=...)`). So the turn's own answer says the conversation's standard, at
    no cost, without reading the person's message again (the NLU read it once)."""
    for condition in message.get("condition") or []:
        if isinstance(condition, dict) and condition.get("name") == "malform" and condition.get("value") in MALFORMS:
            return condition["value"]
    return None


class _Collector(CollectingOutputChannel):
    """Rasa's collecting channel that also notes the written standard of what the turn said."""

    def __init__(self) -> None:
        super().__init__()
        self.malform: Optional[str] = None

    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        self.malform = said_in(message) or self.malform
        await super().send_response(recipient_id, message)


async def _slot_malform(request: Request, sender: str) -> Optional[str]:
    """The malform slot as the tracker store holds it. Only for a turn that said nothing in a known
    standard (it failed before its first answer): reading a tracker costs milliseconds per turn of
    the conversation, so it is not done when the answer already tells."""
    agent = getattr(request.app.ctx, "agent", None)
    store = getattr(agent, "tracker_store", None)
    if store is None:
        return None
    try:
        tracker = await store.retrieve(sender)
    except Exception as err:  # the person still gets an answer, in bokmål
        logger.error("could not read the conversation's målform: %s", type(err).__name__)
        return None
    value = tracker.get_slot("malform") if tracker is not None else None
    return value if value in MALFORMS else None


def _bubble(sender: str, response_name: str, malform: str = DEFAULT_MALFORM) -> dict:
    return {"recipient_id": sender, "text": response_text(response_name, malform)}


def _with_notices(messages: List[dict], sender: str, inbound: Inbound, failed: bool = False,
                  malform: str = DEFAULT_MALFORM) -> List[dict]:
    """The turn's messages with the channel's own bubbles added (in `malform`), each message
    carrying the written standard for the web page."""
    malform = malform if malform in MALFORMS else DEFAULT_MALFORM
    if not messages:  # never silence
        messages = [_bubble(sender, "utter_default", malform)]
    texts = [m.get("text") or "" for m in messages]
    if not names_phone_number(texts) or (failed and not names_open_door(texts)):
        # The safety net does not depend on any assessment: no number, or a turn that went wrong
        # without a number that is always answered, gets the door that is always open.
        messages = messages + [_bubble(sender, "utter_next_step_legevakt", malform)]
    if inbound.too_long:
        notice = _bubble(sender, "utter_message_too_long", malform)
        # 113 in the first bubble, always: when the answer's first bubble names 113/112 (or danger
        # was found in the part the NLU did not read) the notice comes last, otherwise first
        # (it names 113 itself).
        danger_first = inbound.danger or names_emergency_number(texts[0])
        messages = messages + [notice] if danger_first else [notice] + messages
    return [dict(m, metadata={**(m.get("metadata") or {}), "malform": malform}) for m in messages]


class _Place:
    """A message's place among the messages_at_once that the Rasa server works on.

    Messages are worked on a few at a time, in order of arrival, so a burst is answered one after
    the other instead of all at the end; a message waits at most wait_for_turn_seconds, so turns
    stuck on a hung action server hold no one up for long (data/input_limits.yml). The place is
    given back once: by the request when its answer is made, so the answer is sent before the next
    message is read, or by the turn itself if the request has already ended."""

    def __init__(self, places: asyncio.Semaphore) -> None:
        self.places = places
        self.held = False
        self.answered = False

    async def take(self) -> None:
        try:
            await asyncio.wait_for(self.places.acquire(), timeout=limits()["wait_for_turn_seconds"])
        except asyncio.TimeoutError:
            return  # worked on anyway
        self.held = True

    def give_back(self) -> None:
        if self.held:
            self.held = False
            self.places.release()


class SafeRestInput(RestInput):
    @classmethod
    def name(cls) -> Text:
        return "rest"  # keeps the URL /webhooks/rest/webhook

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        start_up(credentials)
        return cls()

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint("losen_safe_rest", __name__)
        at_once = int(limits()["long_messages_at_once"])
        long_messages = asyncio.Semaphore(at_once)
        scanners = ThreadPoolExecutor(max_workers=at_once, thread_name_prefix="losen-tail-scan")
        for _ in range(at_once):  # each worker loads its matcher now, not when a person is waiting
            scanners.submit(inbox.scan_tail, "varm opp")
        turns = asyncio.Semaphore(int(limits()["messages_at_once"]))

        async def in_turn(message: UserMessage, place: _Place) -> None:
            await place.take()
            try:
                await on_new_message(message)
            finally:
                if place.answered:  # no one is waiting to send this turn's answer any more
                    place.give_back()

        async def prepare(raw: str) -> Inbound:
            part = inbox.cut(raw)  # bounded: at most max_kept_chars are cleaned
            if not part.tail:
                return inbox.finish(part, [])
            async with long_messages:  # the others wait here, not on the event loop
                flags = await asyncio.get_running_loop().run_in_executor(scanners, inbox.scan_tail, part.tail)
            return inbox.finish(part, flags)

        @webhook.listener("after_server_start")
        async def get_ready(app, loop) -> None:
            # The model is loaded by now (before_server_start), and Sanic serves no one until this
            # returns. What is otherwise built on first use is built now, so the first person after
            # a start (and everyone writing at that moment) does not wait for it: the reading's
            # tables (about 1 s) and the domain's texts for the channel's own bubbles (160 ms).
            response_text("utter_next_step_legevakt", DEFAULT_MALFORM)
            agent = getattr(app.ctx, "agent", None)
            if agent is not None and agent.is_ready():
                await agent.parse_message("hei")
            heap.settle_once()

        @webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            parsed, error = _parse(request)
            if error:
                return error
            sender, raw, chosen = parsed
            collector = _Collector()
            failed = False
            inbound = await prepare(raw)
            place = _Place(turns)
            try:
                with log_privacy.conversation(sender, inbound.text):
                    turn = asyncio.ensure_future(
                        in_turn(UserMessage(inbound.text, collector, sender, input_channel=self.name(),
                                            metadata=chosen or None), place))
                    if await _emergency_said_early(turn, collector):
                        # The number is already said (the danger rule's first bubbles) but the turn is
                        # slow, e.g. a hung action server: answer now, let the turn finish or be cut
                        # short in the background.
                        asyncio.ensure_future(_finish(turn))
                        return response.json(_with_notices(list(collector.messages), sender, inbound, failed=True,
                                                           malform=collector.malform or DEFAULT_MALFORM))
                    failed = await _finish(turn)
                malform = collector.malform or await _slot_malform(request, sender) or DEFAULT_MALFORM
                return response.json(_with_notices(collector.messages, sender, inbound, failed, malform))
            finally:
                place.answered = True
                place.give_back()  # after the answer is made: it is sent before the next message is read

        return webhook

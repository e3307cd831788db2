"""Rasa's REST channel, made safe for people in crisis and for hostile input.

Same URL as the stock channel (POST /webhooks/rest/webhook, {"sender", "message"}), but:
- any malformed request gets a clear 4xx JSON error, never a 5xx or a stack trace;
- every message gets at least one reply, and danger to life is answered with 113 first even
  inside an over-long message (bot/inbox.py prepares the text);
- typed "/intent" shortcuts are read as plain text, except the buttons Losen offers;
- a turn is answered within reply_within_seconds even if the action server hangs, and an acute
  message, or one whose turn failed, always ends with a door that is always open;
- message text, sender ids and addresses are never logged, here or in Rasa's own error logs
  (bot/log_privacy.py).
"""
import asyncio
import json
import logging
from typing import Any, Awaitable, Callable, List, Optional, Text

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot import log_privacy
from channels import fast_action_validation
from bot.domain_texts import response_text
from bot.inbox import Inbound, limits, names_open_door, prepare

log_privacy.install()  # this module is loaded into the Rasa server by credentials.yml
fast_action_validation.install()
logger = logging.getLogger(__name__)


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
    return (sender.strip(), message), None


def _with_notices(messages: List[dict], sender: str, inbound: Inbound, failed: bool = False) -> List[dict]:
    if not messages:  # never silence
        messages = [{"recipient_id": sender, "text": response_text("utter_default")}]
    texts = [m.get("text") or "" for m in messages]
    if (inbound.acute or failed) and not names_open_door(texts):
        # The action that names the open doors failed or hung: give the door that is always open.
        messages = messages + [{"recipient_id": sender, "text": response_text("utter_next_step_legevakt")}]
    if inbound.too_long:
        notice = {"recipient_id": sender, "text": response_text("utter_message_too_long")}
        # Danger to life first, always: the length notice then comes last.
        messages = messages + [notice] if inbound.danger else [notice] + messages
    return messages


class SafeRestInput(RestInput):
    @classmethod
    def name(cls) -> Text:
        return "rest"  # keeps the URL /webhooks/rest/webhook

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint("losen_safe_rest", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            parsed, error = _parse(request)
            if error:
                return error
            sender, raw = parsed
            inbound = prepare(raw)
            collector = CollectingOutputChannel()
            failed = False
            try:
                await asyncio.wait_for(
                    on_new_message(UserMessage(inbound.text, collector, sender, input_channel=self.name())),
                    timeout=limits()["reply_within_seconds"])
            except (asyncio.TimeoutError, asyncio.CancelledError):
                failed = True
                logger.error("a message took too long and was cut short (text not logged)")
            except Exception as err:  # the person still gets an answer, the log gets no text
                failed = True
                logger.error("a message failed: %s (text not logged)", type(err).__name__)
            return response.json(_with_notices(collector.messages, sender, inbound, failed))

        return webhook

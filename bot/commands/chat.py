"""`python -m bot chat`: a terminal chat with the running Rasa server over its REST channel."""
import secrets
import sys

import requests

QUIT_WORDS = {"/stopp", "/stop", "/quit", "/avslutt"}


def add_parser(sub) -> None:
    parser = sub.add_parser("chat", help="snakk med Losen i terminalen (serveren må kjøre)")
    parser.add_argument("--url", default="http://127.0.0.1:5005", help="Rasa-serverens adresse")
    parser.set_defaults(func=run)


def show(messages: list) -> None:
    for message in messages:
        if message.get("text"):
            print(f"Losen: {message['text']}")
        for number, button in enumerate(message.get("buttons") or [], start=1):
            print(f"   [{number}] {button['title']}")


def run(args) -> int:
    sender = secrets.token_hex(8)  # random per chat, never tied to the person
    webhook = args.url.rstrip("/") + "/webhooks/rest/webhook"
    buttons: list = []
    print("Skriv til Losen. /stopp avslutter.\n")
    while True:
        try:
            text = input("Du: ").strip()
        except (EOFError, KeyboardInterrupt):
            print()
            return 0
        if text.lower() in QUIT_WORDS:
            return 0
        if text.isdigit() and 0 < int(text) <= len(buttons):
            text = buttons[int(text) - 1]["payload"]
        try:
            reply = requests.post(webhook, json={"sender": sender, "message": text}, timeout=30)
            reply.raise_for_status()
            messages = reply.json()
        except (requests.RequestException, ValueError):
            print("Losen er ikke tilgjengelig akkurat nå. Er noen i livsfare, ring 113. "
                  "Legevakten svarer på 116 117.", file=sys.stderr)
            continue
        show(messages)
        buttons = [b for m in messages for b in (m.get("buttons") or [])]

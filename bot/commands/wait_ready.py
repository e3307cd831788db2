"""`python -m bot wait-ready`: wait until the Rasa server and the action server answer."""
import sys
import time

import requests


def add_parser(sub) -> None:
    parser = sub.add_parser("wait-ready", help="vent til serverne svarer (brukes av ./losen)")
    parser.add_argument("--url", required=True)
    parser.add_argument("--actions", required=True)
    parser.add_argument("--timeout", type=float, default=180)
    parser.set_defaults(func=run)


def _up(url: str) -> bool:
    try:
        return requests.get(url, timeout=2).ok
    except requests.RequestException:
        return False


def run(args) -> int:
    deadline = time.time() + args.timeout
    pending = [args.url, args.actions]
    dots = 0
    while pending and time.time() < deadline:
        pending = [url for url in pending if not _up(url)]
        if pending:
            time.sleep(1)
            dots += 1
            if dots % 10 == 0:
                print(f"[losen] still starting ({dots} s) …", file=sys.stderr, flush=True)
    return 0 if not pending else 1

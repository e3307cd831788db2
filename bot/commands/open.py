"""`python -m bot open [--at ISO-8601] [--audience user|relative|child] [--json]`

Lists the services open at a moment (now, LOSEN_NOW, or --at), open ones first, with
closes_at / next_open as ISO-8601 in Europe/Oslo.
"""
import json

from bot import clock
from bot.hours_text import channel_line, freshness_note
from bot.open_now import services_open


def add_parser(subparsers):
    parser = subparsers.add_parser("open", help="tjenester som er åpne på et tidspunkt")
    parser.add_argument("--at", help="ISO-8601 moment (Oslo time if no offset); default now / LOSEN_NOW")
    parser.add_argument("--audience", choices=["user", "relative", "child"], help="only services for this group")
    parser.add_argument("--units", action="store_true", help="include acute units (rusakutt)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(func=run)
    return parser


def run(args) -> int:
    at = clock.parse_moment(args.at) if args.at else clock.now()
    entries = services_open(at, args.audience, include_units=args.units)
    if args.json:
        payload = {"at": at.isoformat(), "audience": args.audience, "services": [e.as_dict() for e in entries]}
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    print(at.strftime("%Y-%m-%d %H:%M %Z"))
    lines = [channel_line(entry.service, entry.channel, at, now=at) for entry in entries]
    for entry, line in zip(entries, lines):
        print(("ÅPEN   " if entry.status.is_open else "       ") + line)
    note = freshness_note(lines)
    if note:
        print(note)
    return 0

"""`python -m bot`: the home of Losen's command-line tools.

Each tool lives in its own module under bot/commands/ with `add_parser(subparsers)`
and `run(args) -> int`; this file only lists them.
"""
import argparse
import importlib

COMMANDS = [
    "chat",  # terminal chat against the running Rasa server
    "wait_ready",  # `wait-ready`, used by ./losen to wait for the servers
    "open",  # services open at a moment
    "catalogue",  # catalogue check
    "assess",  # assess one message
    "evaluate",  # evaluate a JSONL set
    "nearest",  # nearest acute unit for a place
    "web",  # the web chat page
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description="Losen – verktøy på kommandolinjen")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"bot.commands.{name}")
        except ModuleNotFoundError as err:
            if err.name == f"bot.commands.{name}":
                continue  # a tool not written yet; the rest still work
            raise
        module.add_parser(sub)
    return parser


def main(argv=None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 0
    return args.func(args) or 0

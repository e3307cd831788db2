"""Stand-ins for Losen's custom actions that fail on purpose, for tests/test_faults.py.

Run as the action server's actions module (`rasa run actions --actions faulty_actions`). The fault
is chosen by the conversation's sender id, so one server serves every case:
  raise-…  every action raises an exception whose message holds the person's text and sender id
           (the log test checks that neither reaches any log);
  slow-…   every action takes far longer than the REST channel's reply budget.
"""
import asyncio

import yaml
from rasa_sdk import Action

import actions  # noqa: F401  the real action package's logging protection, as in production
from bot import ROOT

SLOW_SECONDS = 60


def _make(action_name: str):
    class Faulty(Action):
        def name(self) -> str:
            return action_name

        async def run(self, dispatcher, tracker, domain):
            if tracker.sender_id.startswith("slow-"):
                await asyncio.sleep(SLOW_SECONDS)
                return []
            raise RuntimeError(f"failed on «{tracker.latest_message.get('text')}» from {tracker.sender_id}")

    Faulty.__name__ = f"Faulty_{action_name}"
    return Faulty


DOMAIN_ACTIONS = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))["actions"]
for _name in DOMAIN_ACTIONS:
    globals()[f"Faulty_{_name}"] = _make(_name)

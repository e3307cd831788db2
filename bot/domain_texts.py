"""Read a response's text from domain.yml (for the few places outside Rasa's NLG that speak)."""
from functools import lru_cache

import yaml

from bot import ROOT


@lru_cache(maxsize=1)
def _responses() -> dict:
    return yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))["responses"]


def response_text(name: str) -> str:
    """The unconditional (last) variant of a response."""
    return _responses()[name][-1]["text"]

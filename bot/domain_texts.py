"""Read a response's text from domain.yml (for the few places outside Rasa's NLG that speak)."""
from functools import lru_cache

import yaml

from bot import ROOT


@lru_cache(maxsize=1)
def _responses() -> dict:
    return yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))["responses"]


def response_text(name: str, malform: str = "nb") -> str:
    """The plain variant of a response in a written standard (nb or nn): the one whose only
    condition is the malform, or one with no condition at all."""
    for variant in _responses()[name]:
        conditions = variant.get("condition") or []
        if conditions in ([], [{"type": "slot", "name": "malform", "value": malform}]):
            return variant["text"]
    raise KeyError(f"{name}: no plain variant in {malform}")

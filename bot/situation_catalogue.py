"""The catalogue of situations (data/situations.yml) as data: the file, and one situation by its id.
The matcher that reads messages with it is bot/situations.py."""
from functools import lru_cache
from typing import Optional

import yaml

from bot import DATA

SITUATIONS_FILE = DATA / "situations.yml"


@lru_cache(maxsize=1)
def catalogue() -> dict:
    return yaml.safe_load(SITUATIONS_FILE.read_text(encoding="utf-8"))


def situation(situation_id: str) -> Optional[dict]:
    return next((s for s in catalogue()["situations"] if s["id"] == situation_id), None)


def criterion_situation(situation_id: str) -> Optional[dict]:
    return next((s for s in catalogue().get("criterion_situations") or [] if s["id"] == situation_id), None)

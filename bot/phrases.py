"""Phrase fragments Losen uses to compose dynamic lines (hours, distances, lists).

Whole sentences live in domain.yml as responses; the small pieces that are put together
inside a response's variable (weekday names, "åpen nå, stenger kl. {time}") live in
data/phrases/*.yml, one file per topic, so that every word Losen says is in a data file.
"""
from functools import lru_cache

import yaml

from bot import DATA

PHRASES_DIR = DATA / "phrases"


@lru_cache(maxsize=1)
def _all() -> dict:
    merged: dict = {}
    for path in sorted(PHRASES_DIR.glob("*.yml")):
        content = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        overlap = set(merged) & set(content)
        if overlap:
            raise ValueError(f"{path.name}: phrase keys defined twice: {sorted(overlap)}")
        merged.update(content)
    return merged


def phrase(key: str, **values) -> str:
    """Return the phrase at a dotted key (e.g. "hours.open_until"), formatted with values."""
    node = _all()
    for part in key.split("."):
        node = node[part]
    return node.format(**values) if values else node

"""The development sets (data/eval/README.md), read by the deterministic layer alone.

Figures are asserted on the held-apart quarter only (sha256 of the id), which nobody building
Losen reads; the floors are the figures measured when the situation catalogue landed, so a
change that loses danger it used to find fails here. The tuned-on set (crisis_dev.jsonl) is
not asserted on.
"""
import json

import pytest

from bot import DATA
from bot.commands.evaluate import evaluate_file, summarise
from bot.eval_split import held_apart

SETS = [DATA / "eval" / "situations_dev.jsonl", DATA / "eval" / "questions_dev.jsonl"]


@pytest.fixture(scope="module")
def held():
    rows = [row for path in SETS for row in evaluate_file(str(path))[0]]
    return summarise([r for r in rows if r["held"]])


def test_the_split_is_fixed_and_a_quarter():
    ids = [json.loads(line)["id"] for path in SETS for line in path.read_text(encoding="utf-8").splitlines() if line]
    assert len(ids) == len(set(ids)) >= 650
    share = sum(held_apart(i) for i in ids) / len(ids)
    assert 0.2 < share < 0.3


def test_a_set_written_wholly_apart_is_held_apart_whole():
    assert held_apart("fresh-0004") and held_apart("fresh-0001")
    assert not all(held_apart(f"sit-{n:04d}") for n in range(1, 9))


def test_every_situation_has_messages_in_the_set():
    rows = [json.loads(line) for line in SETS[0].read_text(encoding="utf-8").splitlines() if line]
    situations = {r["expected"]["situation"] for r in rows if r["expected"]["situation"]}
    assert len(situations) == 18


def test_held_apart_danger_is_found(held):
    assert held["danger_to_life"]["support"] >= 80
    assert held["danger_to_life"]["recall"] >= 0.85
    assert held["number_right"] >= 0.80


def test_held_apart_acute_and_audience(held):
    assert held["acute"]["recall"] >= 0.85
    assert held["audience_accuracy"] >= 0.80


def test_unlabelled_lines_are_assessed_not_scored(tmp_path):
    path = tmp_path / "plain.jsonl"
    path.write_text('{"id": "x1", "text": "han puster ikke"}\n{"id": "x2", "text": "hva er LAR?"}\n', encoding="utf-8")
    rows, summary = evaluate_file(str(path))
    assert summary["labelled"] == 0 and summary["messages"] == 2
    assert rows[0]["output"]["danger_to_life"] and not rows[1]["output"]["danger_to_life"]

"""The development set: no emergency may be missed by the deterministic layer alone."""
from bot import DATA
from bot.commands.evaluate import evaluate_file

DEV = DATA / "eval" / "crisis_dev.jsonl"


def test_dev_set_is_large_and_mixed():
    rows, summary = evaluate_file(str(DEV))
    assert summary["labelled"] >= 200
    speakers = {r["expected"]["audience"] for r in rows}
    assert speakers == {"user", "relative", "child"}


def test_no_danger_to_life_item_is_missed():
    _, summary = evaluate_file(str(DEV))
    assert summary["missed_danger"] == []
    assert summary["danger_to_life"]["recall"] == 1.0


def test_non_acute_questions_stay_calm():
    rows, _ = evaluate_file(str(DEV))
    calm = [r for r in rows if not r["expected"]["acute"]]
    false_danger = [r["id"] for r in calm if r["output"]["danger_to_life"]]
    assert len(calm) >= 30 and not false_danger

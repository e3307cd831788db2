"""bot/replies.py open_lines: an audience value no priority list knows falls back, never crashes."""
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.replies import open_lines

# A Wednesday afternoon outside any holiday, so RUSinfo and Pårørendetelefonen are listed.
WEDNESDAY = datetime(2026, 4, 15, 14, 0, tzinfo=ZoneInfo("Europe/Oslo"))


@pytest.mark.parametrize("audience", ["barn", "pårørende", "Child", "", "user ", ["child"], 7])
def test_unknown_audience_falls_back_to_user(audience):
    lines = open_lines(WEDNESDAY, audience)
    assert lines.startswith("• RUSinfo")
    # Nothing from the child's or the relative's own list leads: it is the user's list.
    assert "Alarmtelefonen" not in lines and "Pårørendetelefonen" not in lines


def test_known_audiences_keep_their_own_first_line():
    assert open_lines(WEDNESDAY, "child").startswith("• Alarmtelefonen for barn og unge 116 111")
    assert open_lines(WEDNESDAY, "relative").startswith("• Pårørendetelefonen (Ivareta)")
    assert open_lines(WEDNESDAY, None).startswith("• RUSinfo")

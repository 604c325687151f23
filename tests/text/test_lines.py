"""Line helpers of cleaning (newstrace.text.lines)."""

from __future__ import annotations

from newstrace.text.lines import undoubled


def test_a_text_written_twice_is_read_once():
    assert undoubled("Talks were held in MoscowTalks were held in Moscow") == "Talks were held in Moscow"
    assert undoubled("Talks were held in Moscow Talks were held in Moscow") == "Talks were held in Moscow"


def test_short_doubles_and_near_repeats_stay_as_written():
    assert undoubled("Walla Walla") == "Walla Walla"  # too short to be a page's artefact
    line = "Talks were held in Moscow, talks were held in Minsk"
    assert undoubled(line) == line

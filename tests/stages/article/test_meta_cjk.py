"""Publication lines of Chinese, Japanese, Korean and Thai pages."""

from __future__ import annotations

import pytest

from newstrace.knowledge.lexicon import load_lexicons
from newstrace.stages.article.meta import compile_calendar, read_dateline, title_shaped

CALENDAR = compile_calendar(load_lexicons())


@pytest.mark.parametrize(("line", "language", "expected"), [
    ("2025年05月18日 09:30　来源：新华网", "zh", "2025-05-18"),
    ("2025年5月18日 18時30分", "ja", "2025-05-18"),
    ("2025년 5월 18일 오전 10:30", "ko", "2025-05-18"),
    ("입력 2025.05.18 09:30 | 수정 2025.05.18 10:02", "ko", "2025-05-18"),
    ("18 พ.ค. 2568 09:30 น.", "th", "2025-05-18"),
    ("18 พฤษภาคม 2568", "th", "2025-05-18"),
])
def test_publication_lines(line, language, expected):
    found = read_dateline(line, CALENDAR, language)
    assert found is not None and found.whole_line
    assert found.value.precision == "day" and found.value.start.isoformat() == expected


@pytest.mark.parametrize("title", ["王毅在北京会见伊朗外长阿拉格齐", "ロシア軍、キーウを無人機で攻撃", "รัสเซียโจมตีกรุงเคียฟด้วยโดรนและขีปนาวุธ"])
def test_headlines_without_spaces_are_headline_shaped(title):
    assert title_shaped(title)

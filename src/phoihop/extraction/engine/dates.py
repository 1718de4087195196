"""Vietnamese date spellings: 17/9/2020, 17-9-2020, 17.9.2020, ngày 17 tháng 9 năm 2020, 3/3, 24.6 …"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .vietnamese import LETTER_CLASS

_L = LETTER_CLASS
_SP = r"[ \t\u00a0]*"


@dataclass(frozen=True)
class DateMatch:
    """A date written in a text; `year` is None when only day and month are given."""

    start: int
    end: int
    day: int
    month: int
    year: int | None
    form: str  # "numeric", "words", "numeric_dm", "words_dm"

    def iso(self) -> str | None:
        """YYYY-MM-DD when the date is complete and valid, else None."""
        if self.year is None:
            return None
        try:
            return dt.date(self.year, self.month, self.day).isoformat()
        except ValueError:
            return None


# Full numeric date. The same separator twice; stray spaces allowed around it ("5/6/ 2019").
_FULL_NUMERIC = re.compile(
    rf"(?<![\d{_L}/.-])(\d{{1,2}}){_SP}([/.\-]){_SP}(\d{{1,2}}){_SP}\2{_SP}((?:19|20)\d\d)(?![\d{_L}])"
)
_FULL_WORDS = re.compile(
    rf"(?<![{_L}])ngày[ \t\u00a0]+(\d{{1,2}})[ \t\u00a0]+tháng[ \t\u00a0]+(\d{{1,2}})"
    rf"(?:{_SP},?{_SP}năm[ \t\u00a0]+((?:19|20)\d\d))?(?![\d{_L}])",
    re.IGNORECASE,
)
# "Chiều 9 tháng 5 năm 2024": the words form without "ngày", read only after a time word.
_WORDS_AFTER_CUE = re.compile(
    rf"(?<=[ \t\u00a0])(\d{{1,2}})[ \t\u00a0]+tháng[ \t\u00a0]+(\d{{1,2}})"
    rf"(?:{_SP},?{_SP}năm[ \t\u00a0]+((?:19|20)\d\d))?(?![\d{_L}])",
    re.IGNORECASE,
)
_TIME_WORD_BEFORE = re.compile(r"(?:sáng|chiều|tối|trưa|đêm|hôm nay|hôm qua)[ \t\u00a0]+$", re.IGNORECASE)
# Day and month only. A bare "3/3" may also be a fraction, so callers look at the words around it.
_DAY_MONTH = re.compile(rf"(?<![\d{_L}/.,-])(\d{{1,2}})([/.\-])(\d{{1,2}})(?![\d{_L}]|[/.,-]\d)")
_MONTH_YEAR = re.compile(
    rf"(?<![{_L}])tháng[ \t\u00a0]+(\d{{1,2}}){_SP}(?:/|-|năm[ \t\u00a0]+){_SP}((?:19|20)\d\d)(?!\d)",
    re.IGNORECASE,
)
_TIME = re.compile(
    rf"(?<![\d{_L}])(?:\d{{1,2}}:\d{{2}}(?::\d{{2}})?|\d{{1,2}}[hg]\d{{0,2}}(?![{_L}])"
    rf"|\d{{1,2}}[ \t\u00a0]+giờ(?:[ \t\u00a0]+\d{{1,2}}[ \t\u00a0]+phút)?)",
)
YEAR_RANGE = re.compile(rf"(?<![\d{_L}/.,])((?:19|20)\d\d){_SP}[-–—]{_SP}((?:19|20)\d\d)(?![\d{_L}])")

# Words that mark the following d/m as a date rather than a fraction or a range.
DATE_CUE = re.compile(
    rf"(?:(?<![{_L}])(?:ngày|sáng|chiều|tối|trưa|đêm|hôm|đến|từ|tới|trước|sau|vào|đầu|cuối)"
    rf"(?:[ \t\u00a0]+(?:nay|qua|mai|ngày))?[ \t\u00a0]*[,(]?[ \t\u00a0]*$)",
    re.IGNORECASE,
)


def _valid(day: int, month: int, year: int | None) -> bool:
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return False
    if year is None:
        return not (month == 2 and day > 29) and not (month in (4, 6, 9, 11) and day > 30)
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def find_dates(
    text: str, start: int = 0, end: int | None = None, *, day_month: str = "cued"
) -> list[DateMatch]:
    """All dates in text[start:end], earliest first, not overlapping.

    day_month: "cued" keeps a bare day/month ("3/3", "24.6") only after a date word such as "ngày",
    "sáng", "đến"; "all" keeps every valid one; "none" drops them.
    """
    end = len(text) if end is None else end
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for m in _FULL_WORDS.finditer(text, start, end):
        d, mo = int(m.group(1)), int(m.group(2))
        y = int(m.group(3)) if m.group(3) else None
        if _valid(d, mo, y):
            found.append(DateMatch(m.start(), m.end(), d, mo, y, "words" if y else "words_dm"))
            taken.append((m.start(), m.end()))
    for m in _WORDS_AFTER_CUE.finditer(text, start, end):
        d, mo = int(m.group(1)), int(m.group(2))
        y = int(m.group(3)) if m.group(3) else None
        if _TIME_WORD_BEFORE.search(text[max(0, m.start() - 10) : m.start()]) and free(m.start(), m.end()):
            if _valid(d, mo, y):
                found.append(DateMatch(m.start(), m.end(), d, mo, y, "words" if y else "words_dm"))
                taken.append((m.start(), m.end()))
    for m in _FULL_NUMERIC.finditer(text, start, end):
        d, mo, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if _valid(d, mo, y) and free(m.start(), m.end()):
            found.append(DateMatch(m.start(), m.end(), d, mo, y, "numeric"))
            taken.append((m.start(), m.end()))
    if day_month != "none":
        for m in _DAY_MONTH.finditer(text, start, end):
            d, mo = int(m.group(1)), int(m.group(3))
            if not _valid(d, mo, None) or not free(m.start(), m.end()):
                continue
            cued = bool(DATE_CUE.search(text[max(0, m.start() - 20) : m.start()]))
            if day_month == "cued" and not cued:
                continue
            # "8-11" and "24.6" read as dates only with a cue; a slash is the usual date form.
            if m.group(2) != "/" and not cued:
                continue
            found.append(DateMatch(m.start(), m.end(), d, mo, None, "numeric_dm"))
            taken.append((m.start(), m.end()))
    found.sort(key=lambda x: x.start)
    return found


def find_time_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Clock times ("17:13", "9h30", "8 giờ 30 phút")."""
    end = len(text) if end is None else end
    return [(m.start(), m.end()) for m in _TIME.finditer(text, start, end)]


def find_month_years(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Month-and-year phrases ("tháng 9/2020", "tháng 9 năm 2020")."""
    end = len(text) if end is None else end
    return [(m.start(), m.end()) for m in _MONTH_YEAR.finditer(text, start, end)]


def parse_vn_date(s: str) -> dt.date:
    """One complete date in any Vietnamese spelling; ValueError (in Vietnamese) otherwise."""
    matches = [d for d in find_dates(s, day_month="all") if d.year is not None]
    if len(matches) != 1:
        raise ValueError(f"Không đọc được ngày tháng năm đầy đủ: «{s.strip()}».")
    iso = matches[0].iso()
    if iso is None:  # pragma: no cover - _valid already checked
        raise ValueError(f"Ngày không hợp lệ: «{s.strip()}».")
    return dt.date.fromisoformat(iso)

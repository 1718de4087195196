"""Periods as the engine sees them: date spans named by short codes ("2019", "2019-H1", "2019-Q3", "2019-05",
"2016-2020"), how they nest, what comes before them, and how Vietnamese documents name them."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from phoihop.core.formatting import vn_date
from phoihop.core.i18n import english, period_in_english

from .errors import QueryError

YEAR, HALF, QUARTER, MONTH, PROGRAMME, CUSTOM = "year", "half_year", "quarter", "month", "programme", "custom"
KIND_ORDER = (MONTH, QUARTER, HALF, YEAR, PROGRAMME)
MAX_PERIODS = 240

_CODE = re.compile(
    r"^(?:(?P<year>\d{4})"
    r"(?:-(?:H(?P<half>[12])|Q(?P<quarter>[1-4])|(?P<month>0[1-9]|1[0-2])))?"
    r"|(?P<y1>\d{4})-(?P<y2>\d{4})"
    r"|(?P<d1>\d{4}-\d{2}-\d{2})\.\.(?P<d2>\d{4}-\d{2}-\d{2}))$"
)


def _month_end(year: int, month: int) -> dt.date:
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


@dataclass(frozen=True, order=True)
class PeriodSpec:
    """A span of dates with a kind; equal spans are the same period whatever table row they came from."""

    start: dt.date
    end: dt.date
    kind: str = YEAR

    @classmethod
    def year(cls, y: int) -> PeriodSpec:
        return cls(dt.date(y, 1, 1), dt.date(y, 12, 31), YEAR)

    @classmethod
    def half(cls, y: int, h: int) -> PeriodSpec:
        return cls(
            dt.date(y, 1 if h == 1 else 7, 1), dt.date(y, 6, 30) if h == 1 else dt.date(y, 12, 31), HALF
        )

    @classmethod
    def quarter(cls, y: int, q: int) -> PeriodSpec:
        first = 3 * (q - 1) + 1
        return cls(dt.date(y, first, 1), _month_end(y, first + 2), QUARTER)

    @classmethod
    def month(cls, y: int, m: int) -> PeriodSpec:
        return cls(dt.date(y, m, 1), _month_end(y, m), MONTH)

    @classmethod
    def programme(cls, y1: int, y2: int) -> PeriodSpec:
        return cls(dt.date(y1, 1, 1), dt.date(y2, 12, 31), PROGRAMME)

    @classmethod
    def of(cls, start: dt.date, end: dt.date, kind: str | None = None) -> PeriodSpec:
        """The spec for a date span, recognising calendar periods whatever kind the caller gave."""
        if kind in (None, "", CUSTOM) or kind in KIND_ORDER:
            guessed = _calendar_kind(start, end)
            if guessed:
                return cls(start, end, guessed)
        return cls(start, end, kind or CUSTOM)

    @classmethod
    def parse(cls, code: str, field: str = "periods") -> PeriodSpec:
        text = str(code).strip()
        m = _CODE.match(text)
        if not m:
            raise QueryError(
                f"Kỳ «{text}» không hợp lệ: viết 2019 (năm), 2019-H1 (6 tháng), 2019-Q3 (quý), 2019-05 (tháng) "
                "hoặc 2016-2020 (giai đoạn).",
                field,
            )
        if m["y1"]:
            y1, y2 = int(m["y1"]), int(m["y2"])
            if y1 > y2:
                raise QueryError(f"Giai đoạn «{text}»: năm bắt đầu sau năm kết thúc.", field)
            return cls.year(y1) if y1 == y2 else cls.programme(y1, y2)
        if m["d1"]:
            try:
                d1, d2 = dt.date.fromisoformat(m["d1"]), dt.date.fromisoformat(m["d2"])
            except ValueError:
                raise QueryError(f"Kỳ «{text}»: ngày không hợp lệ.", field)
            if d1 > d2:
                raise QueryError(f"Kỳ «{text}»: ngày bắt đầu sau ngày kết thúc.", field)
            return cls.of(d1, d2)
        y = int(m["year"])
        if not 1900 <= y <= 2200:
            raise QueryError(f"Kỳ «{text}»: năm ngoài phạm vi.", field)
        if m["half"]:
            return cls.half(y, int(m["half"]))
        if m["quarter"]:
            return cls.quarter(y, int(m["quarter"]))
        if m["month"]:
            return cls.month(y, int(m["month"]))
        return cls.year(y)

    @property
    def code(self) -> str:
        s, e = self.start, self.end
        if self.kind == YEAR:
            return str(s.year)
        if self.kind == HALF:
            return f"{s.year}-H{1 if s.month == 1 else 2}"
        if self.kind == QUARTER:
            return f"{s.year}-Q{(s.month - 1) // 3 + 1}"
        if self.kind == MONTH:
            return f"{s.year}-{s.month:02d}"
        if self.kind == PROGRAMME and (s.month, s.day, e.month, e.day) == (1, 1, 12, 31):
            return f"{s.year}-{e.year}"
        return f"{s.isoformat()}..{e.isoformat()}"

    @property
    def label(self) -> str:
        """As documents write it: "năm 2021", "6 tháng đầu năm 2022", "giai đoạn 2017-2020"."""
        s, e = self.start, self.end
        if self.kind == YEAR:
            return f"năm {s.year}"
        if self.kind == HALF:
            return f"6 tháng {'đầu' if s.month == 1 else 'cuối'} năm {s.year}"
        if self.kind == QUARTER:
            return f"quý {('I', 'II', 'III', 'IV')[(s.month - 1) // 3]} năm {s.year}"
        if self.kind == MONTH:
            return f"tháng {s.month} năm {s.year}"
        if (s.month, s.day, e.month, e.day) == (1, 1, 12, 31):
            return f"giai đoạn {s.year}-{e.year}"
        return f"từ {vn_date(s)} đến {vn_date(e)}"

    @property
    def short_label(self) -> str:
        """For table headers and chart axes: "2021", "6T đầu 2022", "Quý II/2022", "T5/2022", "2017-2020"."""
        s = self.start
        if self.kind == YEAR:
            return str(s.year)
        if self.kind == HALF:
            return f"6T {'đầu' if s.month == 1 else 'cuối'} {s.year}"
        if self.kind == QUARTER:
            return f"Quý {('I', 'II', 'III', 'IV')[(s.month - 1) // 3]}/{s.year}"
        if self.kind == MONTH:
            return f"T{s.month}/{s.year}"
        return self.label.removeprefix("giai đoạn ")

    @property
    def display(self) -> str:
        """`label` on a Vietnamese page, "first half of 2022" on an English one."""
        return period_in_english(self.kind, self.start, self.end) if english() else self.label

    @property
    def short_display(self) -> str:
        """`short_label` on a Vietnamese page, "H1 2022" on an English one."""
        return (
            period_in_english(self.kind, self.start, self.end, short=True) if english() else self.short_label
        )

    def contains(self, other: PeriodSpec) -> bool:
        return self.start <= other.start and other.end <= self.end

    def previous(self, same_period_last_year: bool = False) -> PeriodSpec:
        """The period just before (2021 for 2022; H2 2021 for H1 2022), or the same period a year earlier."""
        s, e = self.start, self.end
        if same_period_last_year and self.kind in (HALF, QUARTER, MONTH, YEAR):
            return PeriodSpec(_shift_year(s, -1), _shift_year(e, -1), self.kind)
        if self.kind == YEAR:
            return PeriodSpec.year(s.year - 1)
        if self.kind == HALF:
            return PeriodSpec.half(s.year - 1, 2) if s.month == 1 else PeriodSpec.half(s.year, 1)
        if self.kind == QUARTER:
            q = (s.month - 1) // 3 + 1
            return PeriodSpec.quarter(s.year - 1, 4) if q == 1 else PeriodSpec.quarter(s.year, q - 1)
        if self.kind == MONTH:
            return PeriodSpec.month(s.year - 1, 12) if s.month == 1 else PeriodSpec.month(s.year, s.month - 1)
        if (s.month, s.day, e.month, e.day) == (1, 1, 12, 31):
            years = e.year - s.year + 1
            return PeriodSpec.programme(s.year - years, s.year - 1)
        length = e - s
        new_end = s - dt.timedelta(days=1)
        return PeriodSpec(new_end - length, new_end, self.kind)


def _shift_year(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _calendar_kind(start: dt.date, end: dt.date) -> str | None:
    if start.day != 1 or end != _month_end(end.year, end.month):
        return None
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    if months == 1:
        return MONTH
    if months == 3 and start.month % 3 == 1:
        return QUARTER
    if months == 6 and start.month in (1, 7):
        return HALF
    if months == 12 and start.month == 1:
        return YEAR
    if start.month == 1 and end.month == 12 and months > 12:
        return PROGRAMME
    return None


def containers(spec: PeriodSpec) -> list[PeriodSpec]:
    """The calendar periods (itself, its quarter, half-year, year) a period fits inside, finest first."""
    result = [spec]
    s, e = spec.start, spec.end
    if s.year != e.year:
        return result
    candidates = []
    if s.month == e.month:
        candidates.append(PeriodSpec.month(s.year, s.month))
    if (s.month - 1) // 3 == (e.month - 1) // 3:
        candidates.append(PeriodSpec.quarter(s.year, (s.month - 1) // 3 + 1))
    if (s.month <= 6) == (e.month <= 6):
        candidates.append(PeriodSpec.half(s.year, 1 if s.month <= 6 else 2))
    candidates.append(PeriodSpec.year(s.year))
    for c in candidates:
        if c.contains(spec) and (c.start, c.end) != (s, e):
            result.append(c)
    return result


def expand(kind: str, first: str, last: str, field: str = "periods") -> list[PeriodSpec]:
    """Every period of `kind` from `first` to `last` (codes), in order: years 2016…2020, halves 2019-H1…"""
    a, b = PeriodSpec.parse(first, field), PeriodSpec.parse(last, field)
    if a.start > b.start:
        raise QueryError(f"Kỳ «{first}» đứng sau kỳ «{last}»: chọn kỳ bắt đầu trước kỳ kết thúc.", field)
    if kind == PROGRAMME:
        return [PeriodSpec.of(a.start, b.end, PROGRAMME)]
    step = {YEAR: 12, HALF: 6, QUARTER: 3, MONTH: 1}.get(kind)
    if step is None:
        raise QueryError(
            f"Loại kỳ «{kind}» không có: chọn năm, 6 tháng, quý, tháng hoặc giai đoạn.", "period_kind"
        )
    out: list[PeriodSpec] = []
    y, m = a.start.year, (a.start.month - 1) // step * step + 1
    while True:
        start = dt.date(y, m, 1)
        if start > b.end:
            break
        out.append(PeriodSpec.of(start, _month_end(y + (m + step - 2) // 12, (m + step - 2) % 12 + 1), kind))
        if len(out) > MAX_PERIODS:
            raise QueryError(f"Quá nhiều kỳ (tối đa {MAX_PERIODS}): thu hẹp khoảng thời gian.", field)
        m += step
        if m > 12:
            y, m = y + 1, m - 12
    return out


def spec_of_period(period) -> PeriodSpec:
    """The spec of a reporting.Period row."""
    return PeriodSpec.of(period.start, period.end, period.kind)

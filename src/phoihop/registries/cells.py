"""Reading one cell, whatever typed it (a form, an Excel sheet, a JSON body), and writing it back out.

Every parser takes the raw value and returns a Python value or raises CellError with a Vietnamese message
that says what to fix; the caller adds which field, row or cell it was.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from django.utils import translation

from phoihop.core.formatting import vn_date, vn_number
from phoihop.core.text import fold

EXCEL_EPOCH = dt.date(1899, 12, 30)
_DATE_NUMERIC = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")
_DATE_LONG = re.compile(r"^(?:ngay\s+)?(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})$")
_TRUE = {"co", "x", "1", "true", "yes", "da", "dung", "v", "✓", "có"}
_BLANKS = re.compile(r"[ \t\u00a0]+")
_FALSE = {"khong", "0", "false", "no", "chua", "", "-"}


class CellError(ValueError):
    """A value that cannot be read; the message is Vietnamese and says what to fix."""


def is_blank(raw) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def parse_text(raw) -> str:
    if is_blank(raw):
        return ""
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, dt.date):
        return vn_date(raw)
    text = str(raw)
    if "  " in text or "\t" in text or "\u00a0" in text:
        text = _BLANKS.sub(" ", text)
    return text.strip()


def _number(raw) -> Decimal:
    if isinstance(raw, bool):
        raise CellError("Cần nhập một số, không phải có/không.")
    if isinstance(raw, int):
        return Decimal(raw)
    if isinstance(raw, float):
        return Decimal(repr(raw))
    if isinstance(raw, Decimal):
        return raw
    text = str(raw).strip()
    try:
        from phoihop.extraction.engine.numbers import parse_vn_number

        value = parse_vn_number(text)
    except ImportError:  # pragma: no cover - the extraction engine ships with the project
        try:
            value = Decimal(text.replace(".", "").replace(",", "."))
        except InvalidOperation:
            raise CellError(f"Không đọc được số: «{text}».")
    except ValueError as exc:
        raise CellError(str(exc))
    return Decimal(str(value))


def parse_int(raw, allow_negative: bool = False) -> int:
    """A whole number: 1065, "1.065", "1 065"; never negative unless asked."""
    number = _number(raw)
    if number != number.to_integral_value():
        raise CellError(f"Cần một số nguyên, không phải {vn_number(number)}.")
    if number < 0 and not allow_negative:
        raise CellError(f"Không được là số âm ({vn_number(number)}).")
    return int(number)


def parse_money(raw) -> int:
    """An amount in đồng: 2200000000, "2.200.000.000", "2,2 tỷ đồng"; never negative."""
    number = _number(raw)
    if number < 0:
        raise CellError(f"Số tiền không được âm ({vn_number(number)} đồng).")
    return int(number.to_integral_value())


def parse_year(raw) -> int:
    year = parse_int(raw)
    if not 1945 <= year <= 2100:
        raise CellError(f"Năm {year} không hợp lệ.")
    return year


def _make_date(day: int, month: int, year: int, text: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise CellError(f"Ngày «{text}» không có thật trên lịch.")


def parse_date(raw) -> dt.date:
    """17/9/2020, 17-09-2020, 2020-09-17, "ngày 17 tháng 9 năm 2020", an Excel date or its serial number."""
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        if 1 <= raw < 80000:
            return EXCEL_EPOCH + dt.timedelta(days=int(raw))
        raise CellError(f"Không đọc được ngày: «{raw}».")
    text = str(raw).strip()
    folded = fold(text)
    for pattern, order in ((_DATE_NUMERIC, "dmy"), (_DATE_ISO, "ymd"), (_DATE_LONG, "dmy")):
        m = pattern.match(folded)
        if m:
            a, b, c = (int(g) for g in m.groups())
            return _make_date(a, b, c, text) if order == "dmy" else _make_date(c, b, a, text)
    raise CellError(f"Không đọc được ngày «{text}»: ghi theo dạng ngày/tháng/năm, ví dụ 17/9/2020.")


def parse_dates(raw) -> list[dt.date]:
    """Several dates in one cell, separated by ";", "," or new lines: "15/3/2020; 20/9/2020"."""
    if isinstance(raw, (dt.date, int, float)) and not isinstance(raw, bool):
        return [parse_date(raw)]
    if isinstance(raw, (list, tuple)):
        return sorted({parse_date(item) for item in raw if not is_blank(item)})
    parts = [p for p in re.split(r"[;,\n]+", str(raw)) if p.strip()]
    return sorted({parse_date(p) for p in parts})


def parse_bool(raw) -> bool:
    if isinstance(raw, bool):
        return raw
    if raw is None:
        return False
    if isinstance(raw, (int, float)):
        return raw != 0
    folded = fold(str(raw))
    if folded in _TRUE:
        return True
    if folded in _FALSE:
        return False
    raise CellError(f"Ghi «Có» hoặc «Không», không phải «{raw}».")


def choice_map(choices) -> dict[str, str]:
    """Codes and folded labels → code, built once per column. Labels are lazy translations: the Vietnamese ones
    (what files hold) and the English ones are both accepted, whatever language is active when the map is built,
    so an import started from an English page reads the same file the same way."""
    mapping = {}
    for language in ("en", "vi"):  # Vietnamese last: it wins where an English label spells a Vietnamese one
        with translation.override(language):
            mapping.update({fold(str(label)): code for code, label in choices})
    mapping.update({code: code for code, _ in choices})
    return mapping


def parse_choice(raw, choices, mapping: dict[str, str] | None = None) -> str:
    """The code of a choice, given its code or its Vietnamese label (diacritics and case ignored)."""
    text = parse_text(raw)
    mapping = mapping if mapping is not None else choice_map(choices)
    if text in mapping:
        return mapping[text]
    folded = fold(text)
    if folded in mapping:
        return mapping[folded]
    # A label's start is enough when it is unambiguous ("Bằng khen của Thủ tướng").
    starts = {code for label, code in mapping.items() if folded and label.startswith(folded)}
    if len(starts) == 1:
        return starts.pop()
    with translation.override("vi"):  # the message is Vietnamese, so are the labels it offers
        allowed = "; ".join(str(label) for _, label in choices)
    raise CellError(f"«{text}» không có trong danh mục. Chọn một trong: {allowed}.")


def show(value, kind: str, choices=None) -> str:
    """A value as a page shows it: 1.065 · 17/9/2020 · Có · the choice's label."""
    if value is None or value == "" or value == []:
        return "–"
    if kind == "money":
        return f"{vn_number(value)} đ"
    if kind in ("int", "year"):
        return vn_number(value) if kind == "int" else str(value)
    if kind == "date":
        return vn_date(value)
    if kind == "dates":
        return "; ".join(vn_date(d if isinstance(d, dt.date) else dt.date.fromisoformat(d)) for d in value)
    if kind == "bool":
        return "Có" if value else "Không"
    if kind == "choice" and choices:
        return str(dict(choices).get(value, value))
    return str(value)

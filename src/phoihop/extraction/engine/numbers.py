"""Reading numbers the way Vietnamese documents write them (1.065; 92,17%; 2,2 tỉ đồng; 67 - 74%)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from .vietnamese import LETTER_CLASS

SCALES: dict[str, int] = {
    "tỷ": 10**9,
    "tỉ": 10**9,
    "triệu": 10**6,
    "nghìn": 10**3,
    "ngàn": 10**3,
}
# Words in front of a number that hedge it; they stay in a figure's quote but never change its value.
HEDGES = (
    "gần như", "xấp xỉ", "ước tính", "ước đạt", "tối thiểu", "tối đa", "ít nhất", "lên tới", "lên đến",
    "gần", "hơn", "trên", "khoảng", "dưới", "chừng", "từ", "tới", "ngót",
)  # fmt: skip

# One number token: dot-grouped thousands with an optional decimal comma, a decimal comma number,
# an English-style decimal with one or two digits after the dot, or plain digits.
NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+|\d+\.\d{1,2}(?![\d.])|\d+"
_SCALE = r"tỷ|tỉ|triệu|nghìn|ngàn"
_L = LETTER_CLASS
_NUMBER_RE = re.compile(rf"(?<![\d{_L}])(?:{NUMBER})(?![\d])")
_SCALE_AFTER = re.compile(rf"[ \t\u00a0]*({_SCALE})(?![{_L}])(?![ \t\u00a0]+lệ)")
_COMPOUND = re.compile(rf"[ \t\u00a0]+({NUMBER})[ \t\u00a0]*({_SCALE})(?![{_L}])")
_PERCENT = re.compile(r"[ \t\u00a0]*(%|phần trăm)")
_RANGE_SEP = re.compile(r"[ \t\u00a0]*(?:-|–|—|đến|tới)[ \t\u00a0]*")
_UNIT_BETWEEN = re.compile(r"[ \t\u00a0]*(?:đồng|đ|người|lượt|suất)(?![" + LETTER_CLASS + r"])")
_FROM_BEFORE = re.compile(r"(?:^|(?<=[\s(]))(?:từ|Từ)[ \t\u00a0]+$")
_HEDGE_BEFORE = re.compile(r"(?:^|(?<=[\s(“\"]))(" + "|".join(HEDGES) + r")[ \t\u00a0]+$", re.IGNORECASE)


def to_decimal(token: str) -> Decimal:
    """One number token ("1.065", "92,17", "2.5", "03") as a Decimal."""
    t = token.strip()
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", t):
        t = t.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d+,\d+", t):
        t = t.replace(",", ".")
    elif not re.fullmatch(r"\d+(?:\.\d{1,2})?", t):
        raise ValueError(f"Không đọc được số: «{token}».")
    return Decimal(t)


def as_number(d: Decimal) -> int | float:
    """A Decimal as a JSON-friendly int when whole, float otherwise."""
    if d == d.to_integral_value():
        return int(d)
    return float(d)


@dataclass
class Quantity:
    """A number found in a text, with its scale word, percent sign, range end and hedge."""

    start: int  # of the hedge when there is one, else of the first digit
    end: int  # after the scale word / percent sign / range end
    num_start: int
    num_end: int  # end of the first number token (without scale)
    value: int | float | list[int | float]
    token: str
    hedge: str | None = None
    scale: str | None = None
    percent: bool = False
    is_range: bool = False
    tokens: list[str] = field(default_factory=list)


def _read_one(text: str, m: re.Match[str]) -> tuple[Decimal, int, str | None, bool]:
    """Value (scaled), end position, scale word and percent flag of the number matched at m."""
    value = to_decimal(m.group(0))
    end = m.end()
    scale = None
    sm = _SCALE_AFTER.match(text, end)
    if sm:
        scale = sm.group(1)
        mult = SCALES[scale]
        end = sm.end()
        # "5,2 triệu tỷ": a second scale word multiplies again.
        sm2 = _SCALE_AFTER.match(text, end)
        if sm2:
            mult *= SCALES[sm2.group(1)]
            end = sm2.end()
        value *= mult
        # "1 tỷ 250 triệu đồng": a smaller scaled number adds to it.
        while True:
            cm = _COMPOUND.match(text, end)
            if not cm or SCALES[cm.group(2)] >= mult:
                break
            value += to_decimal(cm.group(1)) * SCALES[cm.group(2)]
            mult = SCALES[cm.group(2)]
            end = cm.end()
    percent = False
    pm = _PERCENT.match(text, end)
    if pm and scale is None:
        percent = True
        end = pm.end()
    return value, end, scale, percent


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Every number written in digits in text[start:end], with scale words, ranges and hedges."""
    end = len(text) if end is None else end
    out: list[Quantity] = []
    pos = start
    while True:
        m = _NUMBER_RE.search(text, pos, end)
        if not m:
            break
        value, q_end, scale, percent = _read_one(text, m)
        q = Quantity(
            start=m.start(),
            end=q_end,
            num_start=m.start(),
            num_end=m.end(),
            value=as_number(value),
            token=m.group(0),
            scale=scale,
            percent=percent,
            tokens=[m.group(0)],
        )
        # A range: "67 - 74%", "từ 67 đến 74%", "67% - 74%", "2-3 tỷ đồng",
        # "từ 500.000 đồng đến 1,5 triệu đồng" (a unit word after each end).
        unit_between = _UNIT_BETWEEN.match(text, q_end)
        rm = _RANGE_SEP.match(text, q_end)
        if rm is None and unit_between and _FROM_BEFORE.search(text, max(start, m.start() - 6), m.start()):
            rm = _RANGE_SEP.match(text, unit_between.end())
        if rm:
            m2 = _NUMBER_RE.match(text, rm.end())
            if m2 and m2.end() <= end:
                v2, end2, scale2, pct2 = _read_one(text, m2)
                v1 = value
                if scale is None and scale2 is not None and rm.start() == q_end and value < 1000:
                    v1 = value * SCALES[scale2]  # "2-3 tỷ": the scale word covers both ends
                if v1 < v2 and not _year_like(m.group(0), m2.group(0)):
                    q.value = [as_number(v1), as_number(v2)]
                    q.is_range = True
                    q.end = end2
                    q.percent = percent or pct2
                    q.scale = scale or scale2
                    q.tokens.append(m2.group(0))
        hm = _HEDGE_BEFORE.search(text, max(start, q.start - 20), q.start)
        if hm:
            q.hedge = hm.group(1)
            q.start = hm.start(1)
        out.append(q)
        pos = max(q.end, m.end())
    return out


def _year_like(a: str, b: str) -> bool:
    return bool(re.fullmatch(r"(19|20)\d\d", a) and re.fullmatch(r"(19|20)\d\d", b))


_UNIT_WORDS = re.compile(r"[ \t\u00a0]*(?:đồng|VNĐ|VND|vnđ|vnd|đ|người|%)?[ \t\u00a0]*[.;,]?$", re.IGNORECASE)


def parse_vn_value(s: str) -> int | float | list[int | float]:
    """Read one quantity: a number ("1.065", "2,2 tỉ đồng", "hơn 51.500") or a range ("67 - 74%").

    A range gives an ascending two-element list. Raises ValueError with a Vietnamese message.
    """
    if not isinstance(s, str):
        raise ValueError("Giá trị phải là một chuỗi ký tự.")
    raw = s
    s = s.strip().replace("\u00a0", " ")
    if not s:
        raise ValueError("Ô trống: chưa nhập số.")
    # Data entry may group thousands with spaces ("51 500"); never inside free text.
    if re.fullmatch(r"[+-]?\d{1,3}(?: \d{3})+(?:,\d+)?", s):
        s = s.replace(" ", "")
    negative = False
    if s[:1] in "+-−" and len(s) > 1 and s[1].isdigit():
        negative = s[0] in "-−"
        s = s[1:]
    qs = find_quantities(s)
    if len(qs) != 1:
        if not qs:
            raise ValueError(f"Không đọc được số: «{raw}».")
        raise ValueError(f"«{raw}» chứa nhiều hơn một số; chỉ nhập một số.")
    q = qs[0]
    lead = s[: q.start].strip().lower()
    if lead and lead not in HEDGES and lead not in ("có", "đạt", "là"):
        raise ValueError(f"Không đọc được số: «{raw}».")
    if not _UNIT_WORDS.fullmatch(s[q.end :]):
        raise ValueError(f"Không đọc được số: «{raw}» (có chữ thừa sau số).")
    value = q.value
    if negative:
        if isinstance(value, list):
            raise ValueError(f"Không đọc được khoảng giá trị âm: «{raw}».")
        value = -value
    return value


def parse_vn_number(s: str) -> int | float:
    """Read one Vietnamese number: "1.065" → 1065, "92,17%" → 92.17, "2,2 tỉ đồng" → 2200000000.

    Hedges ("hơn", "gần", "trên" …) are dropped, scale words multiply, leading zeros go. Raises
    ValueError with a Vietnamese message for unreadable input and for a range such as "67 - 74%".
    """
    value = parse_vn_value(s)
    if isinstance(value, list):
        raise ValueError(f"«{s.strip()}» là một khoảng giá trị ({value[0]} – {value[1]}), không phải một số.")
    return value


def decimal_value(q: Quantity) -> Decimal:
    """The (first) value of a quantity as a Decimal, for comparisons."""
    v = q.value[0] if isinstance(q.value, list) else q.value
    try:
        return Decimal(str(v))
    except InvalidOperation:  # pragma: no cover - value always numeric
        return Decimal(0)

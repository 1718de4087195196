"""Reading what a user typed into a cell (web grid, Excel, API) into a value, with a message that names the cell."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from phoihop.core.formatting import vn_number
from phoihop.extraction.engine.numbers import HEDGES, parse_vn_value

from .choices import ValueType

FOUR_PLACES = Decimal("0.0001")
MAX_ABS = Decimal(10) ** 15  # DecimalField(max_digits=20, decimal_places=4) holds 16 whole digits
TRUE_WORDS = {"có", "co", "x", "đạt", "dat", "yes", "true", "1", "rồi", "đã"}
FALSE_WORDS = {"không", "khong", "chưa", "chua", "no", "false", "0"}
FIELDS = ("value", "numerator", "denominator", "value_high", "qualifier", "comment")
NUMBER_FIELDS = ("value", "numerator", "denominator", "value_high")
FIELD_LABELS = {
    "value": "giá trị",
    "numerator": "tử số",
    "denominator": "mẫu số",
    "value_high": "cận trên",
    "qualifier": "ghi chú định lượng",
    "comment": "ghi chú",
}
HINT = "Nhập một số, ví dụ 1.065; 92,17; 2,2 tỷ; hoặc để trống."


class CellError(ValueError):
    """A cell the user must fix; `where` names it (field label or sheet and cell)."""

    def __init__(self, where: str, message: str):
        self.where = where
        self.message = message
        super().__init__(f"{where}: {message}")


@dataclass
class Entry:
    """The new state of one value (indicator × option) of a report, as typed; None clears a part."""

    indicator: object
    option: object | None = None
    value: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    value_high: Decimal | None = None
    qualifier: str = ""
    comment: str = ""
    reason: str = ""
    where: str = ""
    cells: dict = field(default_factory=dict)  # field → cell reference, for messages

    @property
    def key(self) -> tuple[int, int | None]:
        return (self.indicator.pk, self.option.pk if self.option is not None else None)

    @property
    def is_empty(self) -> bool:
        return all(getattr(self, f) in (None, "") for f in FIELDS)


def to_decimal(number) -> Decimal:
    if isinstance(number, Decimal):
        d = number
    elif isinstance(number, float):
        d = Decimal(repr(number))
    else:
        d = Decimal(number)
    return d.quantize(FOUR_PLACES, rounding=ROUND_HALF_UP)


def split_qualifier(text: str) -> tuple[str, str]:
    """ "hơn 51.500" → ("hơn", "51.500"): the hedge is part of the figure, kept beside the value."""
    lowered = text.strip().lower()
    for hedge in sorted(HEDGES, key=len, reverse=True):
        if lowered.startswith(hedge + " "):
            return hedge, text.strip()[len(hedge) :].strip()
    return "", text.strip()


def read_number(raw, where: str, allow_range: bool = False) -> tuple[Decimal | None, Decimal | None, str]:
    """A cell's content (a number from Excel, or Vietnamese text) as (value, value_high, qualifier)."""
    if raw is None:
        return None, None, ""
    if isinstance(raw, bool):
        return Decimal(int(raw)), None, ""
    if isinstance(raw, int | float | Decimal):
        try:
            return to_decimal(raw), None, ""
        except (InvalidOperation, ValueError):
            raise CellError(where, f"«{raw}» không phải là số. {HINT}")
    text = str(raw).strip()
    if not text:
        return None, None, ""
    if text.startswith("="):
        raise CellError(where, f"ô chứa công thức «{text[:40]}»: chỉ nhập giá trị số, không dùng công thức.")
    qualifier, rest = split_qualifier(text)
    try:
        parsed = parse_vn_value(text)
    except ValueError:
        raise CellError(where, f"«{text[:60]}» không phải là số. {HINT}")
    if isinstance(parsed, list):
        if not allow_range:
            raise CellError(where, f"«{text}» là một khoảng giá trị; ô này chỉ nhận một số.")
        return to_decimal(parsed[0]), to_decimal(parsed[1]), qualifier
    return to_decimal(parsed), None, qualifier


def read_boolean(raw, where: str) -> Decimal | None:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if isinstance(raw, bool):
        return Decimal(int(raw))
    text = str(raw).strip().lower()
    if isinstance(raw, int | float | Decimal) and raw in (0, 1):
        return Decimal(int(raw))
    if text in TRUE_WORDS:
        return Decimal(1)
    if text in FALSE_WORDS:
        return Decimal(0)
    raise CellError(where, f"«{raw}» không hợp lệ: ô có/không chỉ nhận «Có» hoặc «Không».")


def check_number(indicator, part: str, number: Decimal | None, where: str) -> None:
    """Per-cell rules that need no other value: no negatives, whole counts, percentages within 0–100."""
    if number is None:
        return
    if abs(number) >= MAX_ABS:
        raise CellError(
            where, f"số {vn_number(number)} quá lớn; kiểm tra lại đơn vị (đồng, không phải nghìn tỷ)."
        )
    if number < 0:
        raise CellError(where, f"số {vn_number(number)} âm; số liệu báo cáo không được âm.")
    vt = indicator.value_type
    if part in ("numerator", "denominator") or vt == ValueType.COUNT:
        if number != number.to_integral_value():
            raise CellError(
                where, f"{vn_number(number)} không phải số nguyên; {indicator.unit_label} phải đếm được."
            )
    if vt == ValueType.RATIO and part in ("value", "value_high") and number > 100:
        raise CellError(
            where, f"tỷ lệ {vn_number(number)}% vượt quá 100%; nhập tỷ lệ phần trăm từ 0 đến 100."
        )


def build_entry(
    indicator, option, raw: dict, where: str, cells: dict | None = None, reason: str = ""
) -> Entry:
    """An Entry from raw cell contents {field: raw}; raises CellError naming the first bad cell.

    For a ratio, numerator and denominator give the percentage; a percentage typed alone is kept as it is
    (old reports often give only "92,17%").
    """
    cells = cells or {}
    entry = Entry(indicator=indicator, option=option, where=where, cells=cells, reason=reason)

    def here(part: str) -> str:
        ref = cells.get(part)
        return f"{where}, {ref}" if ref else f"{where} ({FIELD_LABELS[part]})"

    if indicator.value_type == ValueType.BOOLEAN:
        entry.value = read_boolean(raw.get("value"), here("value"))
    else:
        value, high, qualifier = read_number(raw.get("value"), here("value"), allow_range=True)
        entry.value, entry.value_high, entry.qualifier = value, high, qualifier
        if raw.get("value_high") not in (None, ""):
            entry.value_high = read_number(raw.get("value_high"), here("value_high"))[0]
        if raw.get("qualifier"):
            entry.qualifier = str(raw["qualifier"]).strip()[:20]
        for part in ("value", "value_high"):
            check_number(indicator, part, getattr(entry, part), here(part))
        if indicator.value_type == ValueType.RATIO:
            entry.numerator = read_number(raw.get("numerator"), here("numerator"))[0]
            entry.denominator = read_number(raw.get("denominator"), here("denominator"))[0]
            for part in ("numerator", "denominator"):
                check_number(indicator, part, getattr(entry, part), here(part))
            if entry.numerator is not None and entry.denominator is not None:
                if entry.denominator == 0:
                    raise CellError(
                        here("denominator"), "mẫu số bằng 0: nhập số đơn vị phải tổ chức (lớn hơn 0)."
                    )
                if entry.numerator > entry.denominator:
                    raise CellError(
                        here("numerator"),
                        f"tử số {vn_number(entry.numerator)} lớn hơn mẫu số {vn_number(entry.denominator)}; "
                        "số đơn vị đã tổ chức không thể vượt số đơn vị phải tổ chức.",
                    )
                entry.value = to_decimal(entry.numerator * 100 / entry.denominator)
            elif (entry.numerator is None) != (entry.denominator is None):
                missing = "denominator" if entry.denominator is None else "numerator"
                raise CellError(
                    here(missing),
                    f"thiếu {FIELD_LABELS[missing]}: nhập cả tử số và mẫu số, hoặc để trống cả hai.",
                )
        if entry.value_high is not None and entry.value is not None and entry.value_high < entry.value:
            raise CellError(
                here("value_high"),
                "cận trên nhỏ hơn giá trị: nhập khoảng theo thứ tự tăng dần, ví dụ 67 - 74.",
            )
    comment = raw.get("comment")
    entry.comment = "" if comment is None else str(comment).strip()
    return entry


def value_text(
    indicator, value: Decimal | None, value_high: Decimal | None = None, qualifier: str = ""
) -> str:
    """How a stored value is written back into a cell: "1.065", "67 - 74", "hơn 51.500", "Có"."""
    if value is None:
        return ""
    if indicator.value_type == ValueType.BOOLEAN:
        return "Có" if value else "Không"
    text = vn_number(value)
    if value_high is not None:
        text = f"{text} - {vn_number(value_high)}"
    return f"{qualifier} {text}" if qualifier else text

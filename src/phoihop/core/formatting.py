"""Numbers, money and dates as Vietnamese documents write them: 1.065 · 92,17% · 2,2 tỷ đồng · 17/9/2020."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

EMPTY = "–"


def _to_decimal(value) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(value)


def vn_number(value, decimals: int | None = None) -> str:
    """1065 → "1.065"; 92.17 → "92,17"; trailing decimal zeros are dropped unless `decimals` is given."""
    if value is None or value == "":
        return EMPTY
    number = _to_decimal(value)
    if decimals is not None:
        number = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    negative = number < 0
    number = abs(number)
    text = f"{number:f}"
    whole, _, frac = text.partition(".")
    if decimals is None:
        frac = frac.rstrip("0")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = ".".join(groups)
    if frac:
        out += "," + frac
    return ("-" if negative else "") + out


def vn_percent(value, decimals: int = 2) -> str:
    """92.17 → "92,17%"; 100 → "100%"."""
    if value is None or value == "":
        return EMPTY
    number = _to_decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return vn_number(number) + "%"


def vn_money(value, short: bool = True) -> str:
    """Amounts in đồng: 2_200_000_000 → "2,2 tỷ đồng"; below a million the exact figure is printed."""
    if value is None or value == "":
        return EMPTY
    amount = _to_decimal(value)
    if short:
        for scale, word in ((Decimal(10) ** 9, "tỷ"), (Decimal(10) ** 6, "triệu")):
            if abs(amount) >= scale:
                return f"{vn_number((amount / scale).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP))} {word} đồng"
    return f"{vn_number(amount)} đồng"


def vn_date(value: dt.date | dt.datetime | None) -> str:
    """A numeric date without padding, as body text cites it: 17/9/2020, 01/6/2017 stays 1/6/2017."""
    if not value:
        return EMPTY
    if isinstance(value, dt.datetime):
        value = value.date()
    return f"{value.day}/{value.month}/{value.year}"


def vn_date_padded(value: dt.date | None) -> str:
    """01/6/2017: days below 10 padded, months 1–2 padded, as Phụ lục I writes dates."""
    if not value:
        return EMPTY
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    return f"{value.day:02d}/{month}/{value.year}"


def vn_date_long(value: dt.date | None) -> str:
    """ "ngày 05 tháng 01 năm 2020" (Nghị định 30/2020, Phụ lục I)."""
    if not value:
        return EMPTY
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    return f"ngày {value.day:02d} tháng {month} năm {value.year}"


def vn_datetime(value: dt.datetime | None) -> str:
    if not value:
        return EMPTY
    from django.utils import timezone

    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return f"{value.hour:02d}:{value.minute:02d} {vn_date(value)}"

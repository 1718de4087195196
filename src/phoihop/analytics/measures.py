"""From summed values to the figures a reader sees: by the indicator's rule, against targets and last period."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from phoihop.reporting.choices import Aggregation

from .sql import Agg

__all__ = ["Agg", "measure", "achievement", "change_percent"]

HUNDRED = Decimal(100)
_Q2 = Decimal("0.01")
_Q4 = Decimal("0.0001")


def _clean(value: Decimal | None) -> Decimal | None:
    """4 decimal places at most, trailing zeros dropped (1065.0000 → 1065), so formats read naturally."""
    if value is None:
        return None
    value = value.quantize(_Q4, rounding=ROUND_HALF_UP)
    return value.to_integral_value() if value == value.to_integral_value() else value.normalize()


def measure(agg: Agg | None, rule: str, notes: list | None = None, name: str = ""):
    """(value, value_high, numerator, denominator) of a cell by the indicator's rule."""
    if agg is None or agg.n == 0:
        return None, None, None, None
    high = _clean(agg.high) if agg.high_n else None
    if rule == Aggregation.RATIO_OF_SUMS:
        if agg.ratio_n == agg.n and agg.den:
            return _clean(agg.num * HUNDRED / agg.den), None, _clean(agg.num), _clean(agg.den)
        if agg.n == 1:
            return _clean(agg.total), high, _clean(agg.num), _clean(agg.den)
        if notes is not None:
            notes.append(
                f"«{name}»: có đơn vị chỉ báo tỷ lệ, không báo tử số và mẫu số, nên không cộng được tỷ lệ chung."
            )
        return None, None, None, None
    if rule == Aggregation.MAX:
        return _clean(agg.vmax), None, None, None
    return _clean(agg.total), high, None, None


def achievement(value: Decimal | None, target: Decimal | None) -> Decimal | None:
    """Per cent of the target reached (value ÷ target × 100), two decimals."""
    if value is None or not target:
        return None
    return (value * HUNDRED / target).quantize(_Q2, rounding=ROUND_HALF_UP)


def change_percent(value: Decimal | None, previous: Decimal | None) -> Decimal | None:
    if value is None or not previous:
        return None
    return ((value - previous) * HUNDRED / previous).quantize(_Q2, rounding=ROUND_HALF_UP)

"""Typed figures (reporting.DataValue of a unit) beside the registry's (ComputedValue over its subtree)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Sum

from phoihop.core.text import fold

from . import compute
from .models import ComputedValue

EQUAL, DIFFERENT, TYPED_ONLY, REGISTRY_ONLY = "equal", "different", "typed_only", "registry_only"
LABELS = {
    EQUAL: "Khớp",
    DIFFERENT: "Khác nhau",
    TYPED_ONLY: "Sổ chưa có số liệu",
    REGISTRY_ONLY: "Đơn vị chưa báo cáo",
}
_ABOVE = ("hon", "tren", "vuot")
_NEAR = ("gan", "khoang", "xap xi", "uoc", "chung")


@dataclass
class Line:
    indicator: object
    option: object
    typed: Decimal | None
    typed_high: Decimal | None
    qualifier: str
    registry: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None
    status: str

    @property
    def status_label(self) -> str:
        return LABELS[self.status]

    @property
    def difference(self) -> Decimal | None:
        if self.typed is None or self.registry is None:
            return None
        return self.registry - self.typed


def _round(value: Decimal, ratio: bool) -> Decimal:
    return value.quantize(Decimal("0.01") if ratio else Decimal(1), rounding=ROUND_HALF_UP)


def agrees(typed: Decimal, high: Decimal | None, qualifier: str, registry: Decimal, ratio: bool) -> bool:
    """Whether the registry's figure is what the typed one says, reading ranges and hedges ("hơn", "gần")."""
    reg = _round(registry, ratio)
    if high is not None:
        return _round(typed, ratio) <= reg <= _round(high, ratio)
    q = fold(qualifier)
    if any(q.startswith(word) for word in _ABOVE):
        return typed <= reg <= typed * Decimal("1.1")
    if any(q.startswith(word) for word in _NEAR):
        return abs(reg - typed) <= typed * Decimal("0.05")
    return reg == _round(typed, ratio)


def compare(org, period) -> list[Line]:
    from phoihop.reporting.models import DataValue, Indicator

    indicators = {
        i.pk: i
        for i in Indicator.objects.filter(code__in=compute.indicator_codes()).select_related("disaggregation")
    }
    computed = (
        ComputedValue.objects.filter(
            organization__path__startswith=org.path, period=period, indicator_id__in=list(indicators)
        )
        .values("indicator_id", "option_id")
        .annotate(v=Sum("value"), n=Sum("numerator"), d=Sum("denominator"))
        .order_by()
    )
    reg: dict[tuple, list] = {}
    for row in computed:
        reg[(row["indicator_id"], row["option_id"])] = [row["v"], row["n"], row["d"]]
        total = reg.setdefault((row["indicator_id"], "total"), [Decimal(0), None, None])
        total[0] += row["v"] or 0
        if row["n"] is not None:
            total[1] = (total[1] or 0) + row["n"]
            total[2] = (total[2] or 0) + row["d"]
    typed = DataValue.objects.filter(
        organization=org, period=period, indicator_id__in=list(indicators)
    ).select_related("option")
    lines, seen = [], set()
    for dv in typed:
        indicator = indicators[dv.indicator_id]
        key = (
            dv.indicator_id,
            dv.option_id if dv.option_id else ("total" if indicator.disaggregation_id else None),
        )
        seen.add(key)
        lines.append(_line(indicator, dv.option, dv, reg.get(key)))
    from phoihop.reporting.models import DisaggregationOption

    options = DisaggregationOption.objects.in_bulk([k[1] for k in reg if isinstance(k[1], int)])
    typed_totals = {k[0] for k in seen if k[1] == "total"}
    for key, cell in reg.items():
        indicator_id, option_id = key
        if key in seen or option_id == "total" or indicator_id in typed_totals:
            continue
        lines.append(_line(indicators[indicator_id], options.get(option_id), None, cell))
    lines.sort(
        key=lambda line: (line.indicator.order, line.indicator.code, getattr(line.option, "order", -1))
    )
    return lines


def _line(indicator, option, dv, cell) -> Line:
    ratio = indicator.value_type == "ratio"
    registry = numerator = denominator = None
    if cell is not None:
        registry, numerator, denominator = cell
        if ratio and numerator is not None and denominator:
            registry = (Decimal(numerator) * 100 / Decimal(denominator)).quantize(Decimal("0.0001"))
    typed = dv.value if dv is not None else None
    if typed is None and dv is not None and ratio and dv.numerator is not None and dv.denominator:
        typed = dv.numerator * 100 / dv.denominator
    if typed is not None and registry is not None:
        ok = agrees(typed, dv.value_high, dv.qualifier, Decimal(registry), ratio)
        status = EQUAL if ok else DIFFERENT
    elif typed is not None:
        status = TYPED_ONLY
    else:
        status = REGISTRY_ONLY
    return Line(
        indicator,
        option,
        typed,
        dv.value_high if dv else None,
        dv.qualifier if dv else "",
        Decimal(registry) if registry is not None else None,
        numerator,
        denominator,
        status,
    )

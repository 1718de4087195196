"""The figures of a review report, read from the analytics engine and shaped per indicator for the narrative.

One call to the engine (indicator × option, with targets and the previous period) gives every figure; the
qualifiers the source documents used ("trên", "gần", "hơn") are read from the contributing DataValues, since
the engine's rows carry numbers only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count

from phoihop.reporting.choices import Aggregation
from phoihop.reporting.models import DataValue, DisaggregationOption, Indicator, Period

# Levels of recognition are not additive (a city-level good worker was first recognised at grassroots level):
# such indicators get no total made by adding their options.
NON_ADDITIVE = {"recognition_level"}
# A qualifier that holds for a sum of values carrying it: a sum of "over" figures is still "over".
_COMBINABLE = {"trên", "hơn", "gần", "khoảng", "ít nhất", "tối thiểu"}


@dataclass
class Figure:
    """One figure (an indicator total, or one option of it) for the report's period and scope."""

    value: Decimal | None = None
    value_high: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    target: Decimal | None = None
    achievement: Decimal | None = None
    previous: Decimal | None = None
    change: Decimal | None = None  # value - previous
    change_percent: Decimal | None = None  # (value - previous) / previous × 100
    units_reporting: int | None = None
    units_due: int | None = None
    qualifier: str = ""

    @property
    def has_value(self) -> bool:
        return self.value is not None


@dataclass
class IndicatorFigures:
    """An indicator's total and, when it is disaggregated, its options in catalogue order."""

    indicator: Indicator
    total: Figure = field(default_factory=Figure)
    options: list[tuple[DisaggregationOption, Figure]] = field(default_factory=list)

    @property
    def code(self) -> str:
        return self.indicator.code

    @property
    def has_data(self) -> bool:
        return self.total.has_value or any(f.has_value for _o, f in self.options)

    def option(self, code: str) -> Figure | None:
        return next((f for o, f in self.options if o.code == code), None)


@dataclass
class Figures:
    """All figures of a report, by indicator code, in catalogue order."""

    period: Period
    previous_period: Period | None
    by_code: dict[str, IndicatorFigures]

    @property
    def is_empty(self) -> bool:
        return not any(f.has_data for f in self.by_code.values())

    def get(self, code: str) -> IndicatorFigures | None:
        found = self.by_code.get(code)
        return found if found is not None and found.has_data else None

    def with_data(self) -> list[IndicatorFigures]:
        return [f for f in self.by_code.values() if f.has_data]


def _dec(value) -> Decimal | None:
    if value is None:
        return None
    return value if isinstance(value, Decimal) else Decimal(str(value))


def _key_part(key: dict, name: str):
    """Engine rows name the indicator and option by code, id or label: accept what is there."""
    for candidate in (name, f"{name}_code", f"{name}_id"):
        if candidate in key and key[candidate] not in (None, ""):
            return key[candidate]
    return None


def _figure(row) -> Figure:
    return Figure(
        value=_dec(getattr(row, "value", None)),
        value_high=_dec(getattr(row, "value_high", None)),
        numerator=_dec(getattr(row, "numerator", None)),
        denominator=_dec(getattr(row, "denominator", None)),
        target=_dec(getattr(row, "target", None)),
        achievement=_dec(getattr(row, "achievement", None)),
        previous=_dec(getattr(row, "previous", None)),
        change=_dec(getattr(row, "change", None)),
        change_percent=_dec(getattr(row, "change_percent", None)),
        units_reporting=getattr(row, "units_reporting", None),
        units_due=getattr(row, "units_due", None),
    )


def _combine_qualifiers(found: list[str]) -> str:
    """The qualifier of a figure made of values carrying `found` ("" for a value without one)."""
    words = {q.strip().lower() for q in found if q and q.strip()}
    if not words:
        return ""
    if len(words) == 1:
        word = words.pop()
        return word if word in _COMBINABLE or len(found) == 1 else ""
    return "khoảng"


def shares_totals(organizations, user) -> bool:
    """Does the user speak for one of a review report's bodies (or a unit above one)?

    The bodies sign the report together: the people's committee and the federation of a district, or the three
    federations of a joint programme. So the people of any of them see the report's totals over every body's tree,
    as the signed document carries them. Only totals: the appendix by unit lists no unit below another body, and a
    unit below a body sees only its own part (the campaign boards' rule).
    """
    from phoihop.core import permissions

    return user is None or permissions.speaks_for_any(user, organizations)


def report_figures(report, user=None, organizations=None) -> Figures:
    """A review report's figures: the totals over all its bodies for the people of one of them, else the user's part."""
    orgs = list(report.organizations.all()) if organizations is None else organizations
    shared = shares_totals(orgs, user)
    return collect([o.pk for o in orgs], report.period, user=None if shared else user)


def visible_ids(organizations, user) -> list[int]:
    """The organisations the user may see: a report may name a body outside the user's tree (the people's
    committee beside their federation), whose figures are then simply not counted for this user."""
    if user is None:
        return list(organizations)
    from phoihop.core import permissions

    return list(
        permissions.visible_organizations(user)
        .filter(pk__in=list(organizations))
        .values_list("pk", flat=True)
    )


def engine_query(indicators, organizations, period: Period, scope: str = "subtree"):
    """The one engine question a report asks: every indicator × option, with targets and the previous period."""
    from phoihop.analytics.engine import Query

    return Query(
        indicators=[i.code for i in indicators],
        organizations=list(organizations),
        scope=scope,
        periods=[period.pk],
        group_by=("indicator", "option"),
        include_submitted=False,
        with_targets=True,
        with_previous=True,
        source="reported",
    )


def collect(
    organizations: list[int],
    period: Period,
    user=None,
    indicators: list[Indicator] | None = None,
    scope: str = "subtree",
) -> Figures:
    """Figures for the organisations' subtrees (or themselves) in `period`, scoped to what `user` may see."""
    from phoihop.analytics.engine import run

    catalogue = list(indicators if indicators is not None else Indicator.objects.filter(is_active=True))
    catalogue.sort(key=lambda i: (i.order, i.code))
    by_id = {i.pk: i for i in catalogue}
    by_code = {i.code: i for i in catalogue}
    options = {o.pk: o for o in DisaggregationOption.objects.all()}
    options_by_code: dict[tuple[int, str], DisaggregationOption] = {
        (o.disaggregation_id, o.code): o for o in options.values()
    }
    figures = {i.code: IndicatorFigures(i) for i in catalogue}
    organizations = visible_ids(organizations, user)
    if not organizations or not catalogue:
        return Figures(period=period, previous_period=None, by_code=figures)

    result = run(engine_query(catalogue, organizations, period, scope), user=user)
    for row in result.rows:
        key = row.key if isinstance(row.key, dict) else {}
        ref = _key_part(key, "indicator")
        indicator = by_code.get(ref) if isinstance(ref, str) else by_id.get(ref)
        if indicator is None:
            continue
        entry = figures[indicator.code]
        option_ref = _key_part(key, "option")
        if option_ref is None:
            entry.total = _figure(row)
            continue
        if isinstance(option_ref, int) or (isinstance(option_ref, str) and option_ref.isdigit()):
            option = options.get(int(option_ref))
        else:
            option = options_by_code.get((indicator.disaggregation_id, option_ref))
        if option is not None:
            entry.options.append((option, _figure(row)))
    for entry in figures.values():
        entry.options.sort(key=lambda pair: pair[0].order)
        disaggregation = entry.indicator.disaggregation
        if (
            not entry.total.has_value
            and entry.options
            and entry.indicator.aggregation == Aggregation.SUM
            and not (disaggregation and disaggregation.code in NON_ADDITIVE)
        ):
            _sum_options_into_total(entry)

    _attach_qualifiers(figures, organizations, period, user, scope)
    periods = getattr(result, "periods", None) or []
    previous = periods[0].previous() if periods and hasattr(periods[0], "previous") else None
    return Figures(period=period, previous_period=previous, by_code=figures)


def _sum_options_into_total(entry: IndicatorFigures) -> None:
    values = [f.value for _o, f in entry.options if f.value is not None]
    entry.total.value = sum(values, Decimal(0)) if values else None


def _attach_qualifiers(figures: dict[str, IndicatorFigures], organizations, period, user, scope) -> None:
    from phoihop.core import permissions
    from phoihop.orgs.models import Organization

    orgs = Organization.objects.filter(pk__in=organizations)
    if scope == "subtree":
        from django.db.models import Q

        condition = Q()
        for org in orgs:
            condition |= Q(path__startswith=org.path)
        orgs = Organization.objects.filter(condition) if orgs else orgs
    if user is not None:
        orgs = permissions.visible_organizations(user, orgs)
    values = DataValue.objects.filter(
        organization__in=orgs,
        period__start__gte=period.start,
        period__end__lte=period.end,
        is_approved=True,
        indicator__code__in=list(figures),
        value__isnull=False,
    )
    # Qualifiers are rare: read only the values that carry one, then count all contributing values just for
    # those indicators (a lone "khoảng" holds for its own figure, not for a sum of several).
    qualified = list(values.exclude(qualifier="").values_list("indicator__code", "option_id", "qualifier"))
    found: dict[tuple[str, int | None], list[str]] = {}
    for code, option_id, qualifier in qualified:
        found.setdefault((code, option_id), []).append(qualifier)
    if found:
        counts = (
            values.filter(indicator__code__in={code for code, _o in found})
            .values_list("indicator__code", "option_id")
            .annotate(n=Count("pk"))
        )
        for code, option_id, n in counts:
            if (code, option_id) in found:
                found[(code, option_id)] += [""] * (n - len(found[(code, option_id)]))
    for code, entry in figures.items():
        if (code, None) in found:
            entry.total.qualifier = _combine_qualifiers(found[(code, None)])
        for option, figure in entry.options:
            if (code, option.pk) in found:
                figure.qualifier = _combine_qualifiers(found[(code, option.pk)])

"""Builders for analytics tests and demos: periods by code, reported values in any state, targets, forms."""

from __future__ import annotations

import itertools
from decimal import Decimal

from phoihop.reporting.choices import PeriodKind, ReportStatus
from phoihop.reporting.models import (
    DataValue,
    DisaggregationOption,
    Indicator,
    Period,
    Report,
    ReportForm,
    Target,
)

from .periods import PeriodSpec

_seq = itertools.count(1)
KINDS = {
    "year": PeriodKind.YEAR,
    "half_year": PeriodKind.HALF_YEAR,
    "quarter": PeriodKind.QUARTER,
    "month": PeriodKind.MONTH,
}


def period(code: str) -> Period:
    """The Period row for a code such as "2019", "2019-H1", "2019-Q3", "2019-05", "2016-2020"."""
    spec = PeriodSpec.parse(code)
    kind = KINDS.get(spec.kind, PeriodKind.PROGRAMME)
    return Period.objects.get_or_create(kind=kind, start=spec.start, end=spec.end)[0]


def indicator(code: str) -> Indicator:
    return Indicator.objects.select_related("disaggregation").get(code=code)


def option(indicator_code: str, option_code: str) -> DisaggregationOption:
    ind = indicator(indicator_code)
    return DisaggregationOption.objects.get(disaggregation=ind.disaggregation, code=option_code)


def form(owner, indicators: list[Indicator], period_kind: str = PeriodKind.YEAR, **fields) -> ReportForm:
    new = ReportForm.objects.create(
        code=fields.pop("code", f"bieu-thu-{next(_seq)}"),
        name=fields.pop("name", "Biểu thử nghiệm"),
        period_kind=period_kind,
        owner=owner,
        **fields,
    )
    new.indicators.set(indicators)
    return new


def _report(org, per: Period, status: str) -> Report:
    owner = org.parent or org
    report_form = ReportForm.objects.filter(owner=owner, code__startswith="bieu-gia-tri-").first()
    if report_form is None:
        report_form = form(owner, [], per.kind, code=f"bieu-gia-tri-{owner.pk}-{next(_seq)}")
    return Report.objects.get_or_create(
        form=report_form, organization=org, period=per, defaults={"status": status}
    )[0]


def value(
    org,
    indicator_code: str,
    period_code: str,
    number=None,
    option_code: str | None = None,
    *,
    status: str = ReportStatus.APPROVED,
    numerator=None,
    denominator=None,
    high=None,
) -> DataValue:
    """A reported figure; status approved (default), submitted, draft or returned decides what counts."""
    ind = indicator(indicator_code)
    per = period(period_code)
    report = None if status == ReportStatus.APPROVED else _report(org, per, status)
    if report is not None and report.status != status:
        Report.objects.filter(pk=report.pk).update(status=status)
    return DataValue.objects.create(
        indicator=ind,
        organization=org,
        period=per,
        option=option(indicator_code, option_code) if option_code else None,
        report=report,
        value=None if number is None else Decimal(str(number)),
        numerator=None if numerator is None else Decimal(str(numerator)),
        denominator=None if denominator is None else Decimal(str(denominator)),
        value_high=None if high is None else Decimal(str(high)),
        is_approved=status == ReportStatus.APPROVED,
    )


def target(org, indicator_code: str, period_code: str, number, option_code: str | None = None) -> Target:
    return Target.objects.create(
        indicator=indicator(indicator_code),
        organization=org,
        period=period(period_code),
        option=option(indicator_code, option_code) if option_code else None,
        value=Decimal(str(number)),
    )


def approve(report: Report) -> None:
    """What approving does to the data: the report's status and its values' flag (as reporting.actions does)."""
    Report.objects.filter(pk=report.pk).update(status=ReportStatus.APPROVED)
    DataValue.objects.filter(organization_id=report.organization_id, period_id=report.period_id).update(
        is_approved=True
    )

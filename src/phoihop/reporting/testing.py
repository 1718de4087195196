"""Builders for reporting test data: forms, reports and values, as plain functions."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal

from .choices import PeriodKind, ReportStatus
from .models import DataValue, DisaggregationOption, FormIndicator, Indicator, Period, Report, ReportForm

_seq = itertools.count(1)

DEFAULT_CODES = (
    "good_workers",
    "initiatives_recognised",
    "skills_contest_units",
    "skills_contest_participants",
    "workers_conference_rate",
    "gifts_vnd",
    "annual_plan_issued",
)


def ensure_catalogue() -> None:
    """Reload the shipped catalogue when a transactional test's flush has emptied it (data migrations run once)."""
    if not Indicator.objects.filter(code="good_workers").exists():
        from .catalogue import sync

        sync()


def make_form(
    owner,
    codes=DEFAULT_CODES,
    period_kind: str = PeriodKind.YEAR,
    organizations=(),
    code: str | None = None,
    **fields,
) -> ReportForm:
    ensure_catalogue()
    form = ReportForm.objects.create(
        code=code or f"bieu-{next(_seq)}",
        name=fields.pop("name", "Báo cáo kết quả phối hợp"),
        period_kind=period_kind,
        owner=owner,
        **fields,
    )
    for order, code_ in enumerate(codes):
        FormIndicator.objects.create(form=form, indicator=Indicator.objects.get(code=code_), order=order)
    if organizations:
        form.reporting_organizations.set(organizations)
    return form


def make_report(
    form, org, period: Period | None = None, status: str = ReportStatus.DRAFT, **fields
) -> Report:
    period = period or Period.for_year(2021)
    return Report.objects.create(
        form=form,
        organization=org,
        period=period,
        status=status,
        due_date=fields.pop("due_date", period.end + dt.timedelta(days=15)),
        is_locked=status == ReportStatus.APPROVED,
        **fields,
    )


def option(disaggregation: str, code: str) -> DisaggregationOption:
    return DisaggregationOption.objects.get(disaggregation__code=disaggregation, code=code)


def put_value(report: Report, code: str, value, option_code: str | None = None, **fields) -> DataValue:
    """Store a value directly (test setup only; real writes go through actions)."""
    indicator = Indicator.objects.get(code=code)
    opt = option(indicator.disaggregation.code, option_code) if option_code else None
    return DataValue.objects.create(
        indicator=indicator,
        option=opt,
        organization=report.organization,
        period=report.period,
        report=report,
        value=None if value is None else Decimal(str(value)),
        is_approved=report.status == ReportStatus.APPROVED,
        **fields,
    )

"""Builders for documents test data: the Hai Bà Trưng 2017-2020 figures as an approved report, and a draft."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from phoihop.reporting.choices import ReportStatus
from phoihop.reporting.models import Period
from phoihop.reporting.testing import make_form, make_report, put_value

from . import actions
from .choices import ReportKind

HBT_CODES = (
    "skills_contest_units",
    "skills_contest_participants",
    "good_workers",
    "initiatives_recognised",
    "good_deed_examples",
    "public_employee_conference_rate",
    "workers_conference_rate",
    "collectives_commended",
)


def hbt_figures(world, period: Period | None = None):
    """Seed 000's figures, approved, for LĐLĐ quận Hai Bà Trưng and the 2017-2020 period."""
    period = period or Period.for_programme(2017, 2020)
    form = make_form(world.city_union, codes=HBT_CODES, period_kind="programme", name="Báo cáo giai đoạn")
    report = make_report(form, world.hbt_union, period, status=ReportStatus.APPROVED)
    put_value(report, "skills_contest_units", 65)
    put_value(report, "skills_contest_participants", 3500, qualifier="trên")
    for code, values in (
        ("good_workers", (1065, 145, 9)),
        ("initiatives_recognised", (1089, 59, 7)),
        ("good_deed_examples", (505, 117, None)),
    ):
        for option_code, value in zip(("grassroots", "district", "city"), values, strict=True):
            if value is not None:
                put_value(report, code, value, option_code)
    put_value(report, "public_employee_conference_rate", 100)
    put_value(report, "workers_conference_rate", 67, value_high=Decimal(74), qualifier="từ")
    put_value(report, "collectives_commended", 16)
    return report


def make_review_report(world, period: Period | None = None, **fields):
    """A final-review draft of the Hai Bà Trưng programme, as the system would create it."""
    fields.setdefault("place", "Hai Bà Trưng")
    fields.setdefault("date", dt.date(2020, 9, 17))
    return actions.create_report(
        None,
        kind=fields.pop("kind", ReportKind.FINAL),
        period=period or Period.for_programme(2017, 2020),
        agreement=fields.pop("agreement", world.hbt_programme),
        **fields,
    )

"""The demo: the seeds' figures as approved reports of the right units and periods, and the workflow in motion."""

from decimal import Decimal

import pytest

from phoihop.reporting.choices import ReportStatus
from phoihop.reporting.models import DataValue, Report, Target
from phoihop.reporting.selectors import target_progress


@pytest.fixture
def demo(db):
    from phoihop.accounts import demo as accounts
    from phoihop.orgs import demo as orgs
    from phoihop.orgs.admin_units import ensure_admin_units
    from phoihop.programs import demo as programs
    from phoihop.reporting import demo as reporting

    ensure_admin_units(log=lambda message: None)
    ctx: dict = {}
    for step in (orgs, programs, accounts, reporting):
        step.load(ctx)
    return ctx


def figure(ctx, org, period, code, option=None):
    return DataValue.objects.get(
        organization=ctx["orgs"][org], period=ctx["periods"][period], indicator__code=code,
        option__code=option, is_approved=True,
    )  # fmt: skip


def test_the_seeds_figures_are_approved_reports(demo):
    assert figure(demo, "hbt_union", "2017-2020", "good_workers", "grassroots").value == 1065
    assert figure(demo, "hbt_union", "2017-2020", "good_workers", "city").value == 9
    assert figure(demo, "hbt_union", "2017-2020", "initiatives_recognised", "district").value == 59
    assert figure(demo, "hbt_union", "2017-2020", "good_deed_examples", "grassroots").value == 505
    participants = figure(demo, "hbt_union", "2017-2020", "skills_contest_participants")
    assert (participants.value, participants.qualifier) == (3500, "trên")
    workers = figure(demo, "hbt_union", "2019", "workers_conference_rate")
    assert (workers.value, workers.value_high) == (67, 74) and "67 - 74%" in workers.source_text
    assert figure(demo, "md_union", "2011-2015", "democracy_conference_rate").value == Decimal("92.17")
    assert figure(demo, "md_union", "2011-2015", "loans_vnd").value == 3_710_000_000
    assert figure(demo, "city_union", "2021", "meals_served").value == 18000
    assert figure(demo, "city_union", "2021", "donations_vnd").qualifier == "gần"
    assert figure(demo, "hn_union", "2022-H1", "initiatives_registered").value == 51500
    assert figure(demo, "qn_union", "2022-H1", "initiatives_registered").value == 5852
    approved = Report.objects.get(organization=demo["orgs"]["hbt_union"], period=demo["periods"]["2017-2020"])
    assert approved.status == ReportStatus.APPROVED and approved.approved_by.username == "hanoi.duyet"
    target = Target.objects.get(indicator__code="initiatives_registered")
    assert target.value == 1_000_000 and target_progress(target) == 51500 + 18500 + 5852


def test_the_workflow_shows_submitted_returned_and_late_reports(demo):
    statuses = set(Report.objects.values_list("status", flat=True))
    assert {
        ReportStatus.SUBMITTED,
        ReportStatus.RETURNED,
        ReportStatus.DRAFT,
        ReportStatus.APPROVED,
    } <= statuses
    returned = Report.objects.get(status=ReportStatus.RETURNED)
    assert "Hội nghị người lao động" in returned.returned_reason

"""The report workflow through actions: draft → submitted → returned / approved → unlocked, with history."""

from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied

from phoihop.reporting import actions
from phoihop.reporting.choices import ReportAction, ReportStatus
from phoihop.reporting.models import DataValue, Indicator, Report, ValueChange
from phoihop.reporting.testing import make_report, option
from phoihop.reporting.values import Entry


def gw(level, value, **extra):
    return Entry(
        indicator=Indicator.objects.get(code="good_workers"), option=option("recognition_level", level),
        value=Decimal(value), **extra,
    )  # fmt: skip


def test_alice_saves_submits_bob_returns_then_approves(world, report, django_capture_on_commit_callbacks):
    world.alice.email = "alice@example.org"
    world.alice.save()
    actions.save_values(report, world.alice, [gw("grassroots", 1065), gw("district", 145)], report.version)
    actions.submit(report, world.alice, report.version)
    assert report.status == ReportStatus.SUBMITTED
    with django_capture_on_commit_callbacks(execute=True):
        actions.return_report(report, world.bob, "Thiếu số liệu cấp thành phố")
    report.refresh_from_db()
    assert report.status == ReportStatus.RETURNED and report.returned_reason == "Thiếu số liệu cấp thành phố"
    assert mail.outbox[-1].to == ["alice@example.org"] and "trả lại" in mail.outbox[-1].subject
    actions.save_values(report, world.alice, [gw("city", 9)], report.version, reason="Bổ sung theo yêu cầu")
    actions.submit(report, world.alice, report.version)
    with django_capture_on_commit_callbacks(execute=True):
        actions.approve(report, world.bob)
    report.refresh_from_db()
    assert report.status == ReportStatus.APPROVED and report.is_locked
    assert DataValue.objects.filter(report=report, is_approved=True).count() == 3
    assert "duyệt" in mail.outbox[-1].subject
    actions_seen = list(report.events.order_by("at", "id").values_list("action", flat=True))
    assert actions_seen == [
        ReportAction.SAVED, ReportAction.SUBMITTED, ReportAction.RETURNED,
        ReportAction.SAVED, ReportAction.SUBMITTED, ReportAction.APPROVED,
    ]  # fmt: skip


def test_every_change_keeps_who_when_old_new_and_why(world, report):
    actions.save_values(report, world.alice, [gw("grassroots", 1000)], report.version)
    actions.save_values(
        report, world.alice, [gw("grassroots", 1065)], report.version, reason="Số liệu chính thức"
    )
    value = DataValue.objects.get(report=report)
    changes = list(value.changes.order_by("id"))
    assert [(c.old_value, c.new_value) for c in changes] == [
        (None, Decimal(1000)),
        (Decimal(1000), Decimal(1065)),
    ]
    assert changes[1].reason == "Số liệu chính thức" and changes[1].user == world.alice and changes[1].at


def test_history_outlives_the_user_who_wrote_it(world, report):
    """Who wrote a history row is kept without a database constraint (no lock on the user's row at every write);
    deleting the user still empties it, through Django's on_delete, and keeps the rows."""
    from django.db import connection

    from phoihop.core.models import ChangeLogEntry
    from phoihop.core.testing import make_user
    from phoihop.reporting.models import ReportEvent

    clerk = make_user("thu_ky_tam", report.organization)
    actions.submit(report, clerk, report.version, [gw("grassroots", 1065)])
    value = DataValue.objects.get(report=report)
    assert value.updated_by == clerk
    clerk.delete()
    value.refresh_from_db()
    assert value.updated_by is None and value.value == Decimal(1065)
    assert ValueChange.objects.get(data_value=value).user is None
    assert ReportEvent.objects.get(report=report, action=ReportAction.SUBMITTED).user is None
    assert ChangeLogEntry.objects.filter(object_id=str(report.pk), user=None).exists()

    def references(model) -> dict[str, str]:
        with connection.cursor() as cursor:
            found = connection.introspection.get_constraints(cursor, model._meta.db_table)
        return {c["columns"][0]: c["foreign_key"][0] for c in found.values() if c["foreign_key"]}

    # The value's own keys stay enforced by the database; only "who" is not.
    assert "updated_by_id" not in references(DataValue)
    assert {"indicator_id", "organization_id", "period_id", "option_id", "report_id"} <= references(
        DataValue
    ).keys()
    assert references(ValueChange) == {"data_value_id": "reporting_datavalue"}
    assert references(ReportEvent) == {"report_id": "reporting_report"}
    assert references(ChangeLogEntry) == {}


def test_a_second_save_from_a_stale_page_is_refused_not_lost(world, report):
    read = report.version
    actions.save_values(report, world.alice, [gw("grassroots", 1065)], read)
    other = Report.objects.get(pk=report.pk)
    with pytest.raises(actions.StaleReport) as caught:
        actions.save_values(other, world.alice, [gw("grassroots", 999)], read)
    assert "CHƯA được ghi" in caught.value.message
    assert DataValue.objects.get(report=report).value == Decimal(1065)
    assert ValueChange.objects.count() == 1


def test_only_the_parent_unit_approves_and_nobody_edits_a_locked_report(world, report):
    actions.submit(report, world.alice, report.version)
    with pytest.raises(PermissionDenied):
        actions.approve(report, world.alice)
    with pytest.raises(PermissionDenied):
        actions.approve(report, world.charlie)
    actions.approve(report, world.bob)
    with pytest.raises(actions.ReportingError, match="khóa"):
        actions.save_values(report, world.alice, [gw("grassroots", 1)], report.version)
    with pytest.raises(PermissionDenied):
        actions.save_values(report, world.bob, [gw("grassroots", 1)], report.version)


def test_unlocking_needs_a_reason_and_reopens_the_report(world, report):
    actions.save_values(report, world.alice, [gw("grassroots", 5)], report.version)
    actions.submit(report, world.alice, report.version)
    actions.approve(report, world.bob)
    with pytest.raises(actions.ReportingError, match="lý do"):
        actions.unlock(report, world.bob, "  ")
    actions.unlock(report, world.bob, "Sai số cấp cơ sở")
    report.refresh_from_db()
    assert report.status == ReportStatus.RETURNED and not report.is_locked
    assert "Sai số cấp cơ sở" in report.returned_reason
    assert not DataValue.objects.get(report=report).is_approved


def test_a_unit_is_approved_only_after_its_children(world, form, report):
    from phoihop.core.testing import make_user

    grassroots = make_report(form, world.hbt_grassroots, report.period)
    city = make_report(form, world.city_union, report.period, status=ReportStatus.SUBMITTED)
    actions.submit(report, world.alice, report.version)
    hbt_approver = make_user("hbt_lead", world.hbt_union, "approver")
    with pytest.raises(actions.ReportingError, match="Công đoàn cơ sở Công ty May"):
        actions.approve(report, world.bob)
    actions.submit(grassroots, world.alice, grassroots.version)
    actions.approve(grassroots, hbt_approver)
    actions.approve(report, world.bob)
    actions.approve(city, world.admin)
    with pytest.raises(actions.ReportingError, match="đã được duyệt dựa trên"):
        actions.unlock(report, world.bob, "sửa")


def test_submission_is_refused_while_a_rule_reports_an_error(world, report):
    actions.save_values(report, world.alice, [gw("grassroots", 10), gw("district", 50)], report.version)
    with pytest.raises(actions.ReportingError, match="lớn hơn cấp cơ sở"):
        actions.submit(report, world.alice, report.version)
    assert Report.objects.get(pk=report.pk).status == ReportStatus.DRAFT


def test_overdue_notices_go_once_to_late_units(world, report, django_capture_on_commit_callbacks):
    world.alice.email = "alice@example.org"
    world.alice.save()
    with django_capture_on_commit_callbacks(execute=True):
        assert actions.send_overdue_notices() == 1
    assert actions.send_overdue_notices() == 0
    assert "quá hạn" in mail.outbox[-1].subject


def test_reports_due_are_created_for_each_unit_that_must_report(world, form):
    from phoihop.reporting.models import Period

    created = actions.create_reports(form, Period.for_year(2022), world.admin)
    assert {r.organization for r in created} == {world.hbt_union, world.md_union}
    assert actions.create_reports(form, Period.for_year(2022)) == []
    with pytest.raises(PermissionDenied):
        actions.create_reports(form, Period.for_year(2023), world.charlie)

"""Read-side queries of reporting, every one scoped through core.permissions."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db import connection
from django.db.models import Q, QuerySet
from django.utils import timezone

from phoihop.core import permissions
from phoihop.core.sql import Values

from .choices import Aggregation, DueState, ReportStatus
from .models import DataValue, Period, Report, Target

OPEN_STATUSES = (ReportStatus.DRAFT, ReportStatus.RETURNED)
DONE_STATUSES = (ReportStatus.SUBMITTED, ReportStatus.APPROVED)


def visible_reports(user, qs: QuerySet | None = None) -> QuerySet:
    qs = Report.objects.all() if qs is None else qs
    return qs.filter(organization__in=permissions.visible_organizations(user))


def reports_due_for(user) -> QuerySet:
    """What the user has to act on: their units' reports still to send, and children's reports to approve."""
    editable = permissions.organizations_for(user, "edit")
    approvable = permissions.approvable_organizations(user)
    return (
        Report.objects.filter(
            Q(organization__in=editable, status__in=OPEN_STATUSES)
            | Q(organization__in=approvable, status=ReportStatus.SUBMITTED)
        )
        .select_related("form", "organization", "period")
        .order_by("due_date", "pk")
    )


def unit_reports(user) -> dict[str, list[Report]]:
    """The user's own units' reports grouped as the home list shows them: due, late, done."""
    today = timezone.localdate()
    groups: dict[str, list[Report]] = {state: [] for state in DueState.values}
    reports = (
        Report.objects.filter(organization__in=permissions.organizations_for(user, "edit"))
        .select_related("form", "organization", "period")
        .order_by("due_date", "organization__path")
    )
    for report in reports[:500]:
        groups[report.due_state(today)].append(report)
    groups[DueState.DONE].sort(key=lambda r: r.submitted_at or r.updated_at, reverse=True)
    return groups


def reports_to_approve(user) -> QuerySet:
    return (
        Report.objects.filter(
            organization__in=permissions.approvable_organizations(user), status=ReportStatus.SUBMITTED
        )
        .select_related("form", "organization", "period")
        .order_by("submitted_at")
    )


def _indicator_ids(report: Report) -> list[int]:
    from .structure import structure

    return structure(report.form).indicator_ids


def report_values(report: Report) -> QuerySet:
    return DataValue.objects.filter(
        organization_id=report.organization_id,
        period_id=report.period_id,
        indicator_id__in=_indicator_ids(report),
    ).select_related("indicator", "option")


def previous_values(report: Report) -> dict[tuple[int, int | None], Decimal]:
    """Last period's values of the same unit, keyed (indicator id, option id); one query, period included."""
    period = report.period
    ids = _indicator_ids(report)
    if not ids:
        return {}
    rows = _PREVIOUS_VALUES.all(
        [report.organization_id, period.kind, connection.ops.adapt_datefield_value(period.start), ids]
    )
    return {(i, o): v for i, o, v in rows}


# Period.earlier() in SQL, nearest first: last period's values of the same unit in one statement.
_PREVIOUS_VALUES = Values(
    DataValue,
    ("indicator", "option", "value"),
    "t.organization_id = %s AND t.value IS NOT NULL AND t.period_id = ("
    f'SELECT p.id FROM {Period._meta.db_table} p WHERE p.kind = %s AND p."end" < %s ORDER BY p."end" DESC, p.start DESC '
    "LIMIT 1) AND t.indicator_id IN %s",
)


def child_reports(report: Report) -> QuerySet:
    """Reports of the same form and period by the units directly under this one."""
    return Report.objects.filter(
        form_id=report.form_id, period_id=report.period_id, organization__parent_id=report.organization_id
    ).select_related("organization")


@dataclass
class Completeness:
    """How many of the reports due for a form and period came in, and how many on time."""

    form: object
    period: Period
    due: int
    done: int
    on_time: int
    approved: int

    @property
    def completeness(self) -> Decimal | None:
        return Decimal(self.done * 100) / self.due if self.due else None

    @property
    def timeliness(self) -> Decimal | None:
        return Decimal(self.on_time * 100) / self.due if self.due else None


def completeness(user, form=None, period=None) -> list[Completeness]:
    today = timezone.localdate()
    reports = visible_reports(user).select_related("form", "period")
    if form is not None:
        reports = reports.filter(form=form)
    if period is not None:
        reports = reports.filter(period=period)
    table: dict[tuple[int, int], Completeness] = {}
    for report in reports.order_by("-period__start", "form__code")[:20000]:
        row = table.get((report.form_id, report.period_id))
        if row is None:
            row = table[(report.form_id, report.period_id)] = Completeness(
                report.form, report.period, 0, 0, 0, 0
            )
        row.due += 1
        if report.status in DONE_STATUSES:
            row.done += 1
            if not report.is_late(today):
                row.on_time += 1
        if report.status == ReportStatus.APPROVED:
            row.approved += 1
    return list(table.values())


def visible_targets(user, qs: QuerySet | None = None) -> QuerySet:
    qs = Target.objects.all() if qs is None else qs
    return qs.filter(organization__in=permissions.visible_organizations(user))


def target_progress(target: Target, include_submitted: bool = False) -> Decimal | None:
    """The reported figure against a target: the value for the target's period, or, from shorter periods
    inside it, their sum (the latest one for stocks)."""
    values = DataValue.objects.filter(
        indicator_id=target.indicator_id,
        organization__path__startswith=target.organization.path,
        period__start__gte=target.period.start,
        period__end__lte=target.period.end,
        value__isnull=False,
    )
    if target.option_id:
        values = values.filter(option_id=target.option_id)
    if not include_submitted:
        values = values.filter(is_approved=True)
    rows = list(values.select_related("period", "organization"))
    if not rows:
        return None
    exact = [
        r for r in rows if r.period_id == target.period_id and r.organization_id == target.organization_id
    ]
    if exact:
        return sum((r.value for r in exact), Decimal(0))
    own = [r for r in rows if r.organization_id == target.organization_id] or rows
    if target.indicator.aggregation in (Aggregation.LATEST, Aggregation.MAX):
        latest_end = max(r.period.end for r in own)
        picked = [r.value for r in own if r.period.end == latest_end]
        return max(picked) if target.indicator.aggregation == Aggregation.MAX else sum(picked, Decimal(0))
    # Periods of one kind do not overlap: add up the coarsest kind reported, so years and their halves
    # are not counted twice.
    by_kind: dict[str, list] = {}
    for r in own:
        by_kind.setdefault(r.period.kind, []).append(r)
    kind = max(by_kind, key=lambda k: max(r.period.end - r.period.start for r in by_kind[k]))
    return sum((r.value for r in by_kind[kind]), Decimal(0))

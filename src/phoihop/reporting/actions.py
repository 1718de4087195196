"""The one write path of reporting: values, the report workflow, forms, targets and the catalogue.

Views, the API, the CLI, the Excel importer and tasks all call these functions. Each runs in one transaction,
checks permission through core.permissions, and refuses with a Vietnamese message naming what to fix.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from phoihop.core import permissions
from phoihop.core.changelog import record, snapshot
from phoihop.core.models import ChangeLogEntry
from phoihop.core.sql import Select, Update, insert_values

from . import notify
from .choices import ReportAction, ReportStatus, ValueSource
from .models import DataValue, Report, ReportEvent, ValueChange
from .validation import Issue, validate_report
from .values import FIELDS, Entry

TEXT_FIELDS = ("qualifier", "comment")


class ReportingError(Exception):
    """A refusal the user can act on; `message` is Vietnamese."""

    def __init__(self, message: str, issues: list | None = None):
        self.message = message
        self.issues = issues or []
        super().__init__(message)


class StaleReport(ReportingError):
    """Someone saved the report after this user opened it: the save is refused, nothing is lost."""

    def __init__(self, report: Report):
        self.current_version = report.version
        who = (
            report.updated_by.get_full_name() or report.updated_by.username
            if report.updated_by
            else "người khác"
        )
        at = timezone.localtime(report.updated_at).strftime("%H:%M %d/%m/%Y")
        super().__init__(
            f"Báo cáo vừa được {who} lưu lúc {at}, sau khi bạn mở trang. Số liệu bạn nhập CHƯA được ghi và vẫn "
            "hiện bên dưới: đối chiếu với số liệu mới rồi bấm Lưu lại."
        )


@dataclass
class SaveResult:
    changed: int = 0
    created: int = 0
    issues: list[Issue] = field(default_factory=list)
    values: list | None = None  # every value of the report after the save, for the checks that follow

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.is_error]


def _denied(message: str):
    raise PermissionDenied(message)


def require_reporter(user, report: Report) -> None:
    if not permissions.can_report_for(user, report.organization):
        _denied(f"Bạn không có quyền nhập số liệu cho «{report.organization}».")


def require_approver(user, report: Report) -> None:
    if not permissions.can_approve_for(user, report.organization):
        _denied(
            f"Chỉ lãnh đạo đơn vị cấp trên của «{report.organization}» mới duyệt, trả lại hoặc mở khóa báo cáo này."
        )


def _require_editable(report: Report) -> None:
    if report.is_locked:
        raise ReportingError(
            "Báo cáo đã được duyệt và khóa. Đề nghị đơn vị cấp trên mở khóa (kèm lý do) trước khi sửa."
        )
    if report.status == ReportStatus.SUBMITTED:
        raise ReportingError(
            "Báo cáo đã gửi và đang chờ duyệt nên không sửa được; nếu cần sửa, đề nghị đơn vị cấp trên trả lại."
        )
    if report.status == ReportStatus.APPROVED:
        raise ReportingError("Báo cáo đã được duyệt; đề nghị đơn vị cấp trên mở khóa trước khi sửa.")


@cache
def _bump_statement(names: tuple[str, ...], versioned: bool, editable: bool) -> Update:
    """`UPDATE reporting_report SET … version = version + 1`: the optimistic lock, compiled once per shape."""
    where = "id = %s AND version = %s" if versioned else "id = %s"
    if editable:
        where += f" AND status IN ('{ReportStatus.DRAFT}', '{ReportStatus.RETURNED}') AND NOT is_locked"
    return Update(Report, names, where, increments=("version",))


def _bump(report: Report, user, version: int | None, editable: bool = False, **changes) -> None:
    """Optimistic lock: move the version on only if it is still the one the caller read.

    With `editable`, the same UPDATE also requires the report to be open for entry, so a concurrent submit
    or approval is caught without a second query.
    """
    who = permissions.actor(user)
    now = timezone.now()
    names = ("updated_at", "updated_by", *changes)
    values = [now, who.pk if who else None]
    values += [getattr(v, "pk", v) for v in changes.values()]
    if not _bump_statement(names, version is not None, editable).run(
        values, [report.pk] if version is None else [report.pk, version]
    ):
        report.refresh_from_db()
        if editable:
            _require_editable(report)
        raise StaleReport(report)
    if version is not None:
        report.version, report.updated_at, report.updated_by = version + 1, now, who
        for name, value in changes.items():
            setattr(report, name, value)
    else:
        report.refresh_from_db(fields=["version", "status", "is_locked", "updated_at", "updated_by"])


def _event(report: Report, user, action: str, note: str = "") -> None:
    who = permissions.actor_id(user)
    insert_values(
        ReportEvent,
        [{"report_id": report.pk, "user_id": who, "action": action, "note": note, "version": report.version}],
    )


def _check_entries(report: Report, entries: list[Entry]) -> None:
    from .layout import form_map

    rows = {i.pk: i.disaggregation_id for i in form_map(report.form).values()}
    seen = set()
    for entry in entries:
        if entry.indicator.pk not in rows:
            raise ReportingError(
                f"{entry.where}: chỉ tiêu «{entry.indicator.code}» không có trong biểu «{report.form}»."
            )
        if entry.option is not None and entry.option.disaggregation_id != rows[entry.indicator.pk]:
            raise ReportingError(
                f"{entry.where}: chỉ tiêu «{entry.indicator}» không phân tổ theo «{entry.option}»."
            )
        if entry.key in seen:
            raise ReportingError(f"{entry.where}: chỉ tiêu «{entry.indicator}» được nhập hai lần.")
        seen.add(entry.key)


_REPORT_VALUES = Select(DataValue, "t.organization_id = %s AND t.period_id = %s AND t.indicator_id IN %s")


def apply_entries(report: Report, user, entries: list[Entry], source: str, reason: str = "") -> SaveResult:
    """Write entries as DataValues with a ValueChange per changed part. Callers hold the report's lock."""
    from .structure import structure

    result = SaveResult()
    who, who_id = permissions.actor(user), permissions.actor_id(user)
    shape = structure(report.form)
    indicators = {i.pk: i for i in shape.indicators.values()}
    options = {o.pk: o for by_code in shape.options.values() for o in by_code.values()}
    wanted = [*{*indicators, *(e.indicator.pk for e in entries)}]
    rows = _REPORT_VALUES.all([report.organization_id, report.period_id, wanted]) if wanted else []
    existing = {}
    for dv in rows:
        # The form's indicators and options are already in memory: no join to read them again.
        if dv.indicator_id in indicators:
            dv.indicator = indicators[dv.indicator_id]
        if dv.option_id in options:
            dv.option = options[dv.option_id]
        existing[(dv.indicator_id, dv.option_id)] = dv
    now = timezone.now()
    # A new value is inserted from its entry as a row (no model instance); the entry itself then stands for it
    # in the checks that follow, having the same parts. Its history rows learn its key from the INSERT.
    created, new_rows, updated, history = [], [], [], []
    for entry in entries:
        dv = existing.get(entry.key)
        new = dv is None
        if new:
            if entry.is_empty:
                continue
            row = {
                "indicator_id": entry.indicator.pk,
                "option_id": entry.option.pk if entry.option is not None else None,
                "organization_id": report.organization_id,
                "period_id": report.period_id,
                "report_id": report.pk,
                "source": source,
                "updated_by_id": who_id,
            }
            parts = [f for f in FIELDS if getattr(entry, f) not in (None, "")]
        else:
            parts = [f for f in FIELDS if getattr(dv, f) != getattr(entry, f)]
        if not parts:
            continue
        why = (entry.reason or reason)[:500]
        for part in parts:
            value = getattr(entry, part)
            change = {"user_id": who_id, "reason": why, "source": source, "field": part}
            old = None if new else getattr(dv, part)
            if part in TEXT_FIELDS:
                change["old_text"], change["new_text"] = old or "", value or ""
            else:
                change["old_value"], change["new_value"] = old, value
            history.append((len(new_rows) if new else dv, change))
            if new:
                row[part] = value
            else:
                setattr(dv, part, value)
        if new:
            new_rows.append(row)
            created.append(entry)
        else:
            dv.source, dv.updated_by, dv.updated_at, dv.report = source, who, now, report
            updated.append(dv)
    new_ids = insert_values(DataValue, new_rows)
    if updated:
        DataValue.objects.bulk_update(updated, [*FIELDS, "source", "updated_by", "updated_at", "report"])
    if history:
        for target, change in history:
            change["data_value_id"] = new_ids[target] if type(target) is int else target.pk
        insert_values(ValueChange, [change for _target, change in history])
    result.created, result.changed = len(created), len(created) + len(updated)
    result.values = [
        *(dv for dv in existing.values() if dv.indicator_id in indicators),
        *(e for e in created if e.indicator.pk in indicators),
    ]
    return result


def _save(
    report: Report, user, entries: list[Entry], version: int | None, source: str, reason: str
) -> SaveResult:
    """The body of a save, inside the caller's transaction: checks, optimistic lock, values and history."""
    require_reporter(user, report)
    _require_editable(report)
    _check_entries(report, entries)
    _bump(report, user, report.version if version is None else version, editable=True)
    return apply_entries(report, user, entries, source, reason)


@transaction.atomic
def save_values(
    report: Report,
    user,
    entries: list[Entry],
    version: int,
    source: str = ValueSource.WEB,
    reason: str = "",
    validate: bool = True,
) -> SaveResult:
    """Save a draft: refused if the report moved on since `version`, if it is locked, or not the user's."""
    result = _save(report, user, entries, version, source, reason)
    action = ReportAction.IMPORTED if source == ValueSource.EXCEL else ReportAction.SAVED
    _event(report, user, action, f"{result.changed} số liệu thay đổi")
    if validate:
        result.issues = validate_report(report, values=result.values)
    return result


@transaction.atomic
def submit(
    report: Report,
    user,
    version: int | None = None,
    entries: list[Entry] | None = None,
    source: str = ValueSource.WEB,
) -> SaveResult:
    """Send the report up (saving `entries` first when given); refused while any rule reports an error."""
    require_reporter(user, report)
    _require_editable(report)
    before = snapshot(report)
    who = permissions.actor(user)
    # One UPDATE moves the version on and marks the report sent; a refusal below rolls it back.
    sent = {
        "status": ReportStatus.SUBMITTED,
        "submitted_at": timezone.now(),
        "submitted_by": who,
        "returned_reason": "",
    }
    _bump(report, user, report.version if version is None else version, editable=True, **sent)
    result = SaveResult()
    if entries:
        _check_entries(report, entries)
        result = apply_entries(report, user, entries, source, "")
    issues = validate_report(report, values=result.values)
    errors = [i for i in issues if i.is_error]
    if errors:
        # Raising rolls back the values saved above: a refused submission writes nothing.
        raise ReportingError(
            "Báo cáo chưa gửi được vì còn lỗi: " + "; ".join(i.message for i in errors), issues
        )
    record(report, ChangeLogEntry.Action.UPDATE, user, before)
    _event(report, user, ReportAction.SUBMITTED, f"{result.changed} số liệu thay đổi" if entries else "")
    result.issues = issues
    return result


def _locked_for_review(report: Report, user) -> Report:
    require_approver(user, report)
    return (
        Report.objects.select_for_update().select_related("organization", "form", "period").get(pk=report.pk)
    )


@transaction.atomic
def return_report(report: Report, user, reason: str) -> Report:
    """Send a submitted report back to the unit with a reason it will read."""
    reason = (reason or "").strip()
    if not reason:
        raise ReportingError("Nhập lý do trả lại để đơn vị biết cần sửa gì.")
    current = _locked_for_review(report, user)
    if current.status != ReportStatus.SUBMITTED:
        raise ReportingError(
            f"Chỉ trả lại được báo cáo đã gửi; báo cáo này đang ở trạng thái «{current.get_status_display()}»."
        )
    before = snapshot(current)
    _bump(current, user, None)
    current.status = ReportStatus.RETURNED
    current.returned_reason = reason
    current.returned_at = timezone.now()
    current.returned_by = user
    current.save(update_fields=["status", "returned_reason", "returned_at", "returned_by"])
    record(current, ChangeLogEntry.Action.UPDATE, user, before, reason=reason)
    _event(current, user, ReportAction.RETURNED, reason)
    notify.report_returned(current)
    _copy(current, report)
    return report


@transaction.atomic
def approve(report: Report, user, note: str = "") -> Report:
    """Approve and lock a submitted report; every child unit's report of the same form and period first."""
    from .selectors import child_reports

    current = _locked_for_review(report, user)
    if current.status != ReportStatus.SUBMITTED:
        raise ReportingError(
            f"Chỉ duyệt được báo cáo đã gửi; báo cáo này đang ở trạng thái «{current.get_status_display()}»."
        )
    pending = [r.organization.name for r in child_reports(current).exclude(status=ReportStatus.APPROVED)]
    if pending:
        raise ReportingError(
            "Chưa duyệt được: báo cáo của các đơn vị cấp dưới sau chưa được duyệt: "
            + ", ".join(pending)
            + "."
        )
    before = snapshot(current)
    _bump(current, user, None)
    current.status = ReportStatus.APPROVED
    current.is_locked = True
    current.approved_at = timezone.now()
    current.approved_by = user
    current.save(update_fields=["status", "is_locked", "approved_at", "approved_by"])
    _values_of(current).update(is_approved=True)
    record(current, ChangeLogEntry.Action.UPDATE, user, before, reason=note)
    _event(current, user, ReportAction.APPROVED, note)
    notify.report_approved(current)
    _copy(current, report)
    return report


@transaction.atomic
def unlock(report: Report, user, reason: str) -> Report:
    """Open an approved report again for correction; the reason is kept and shown to the unit."""
    reason = (reason or "").strip()
    if not reason:
        raise ReportingError("Nhập lý do mở khóa; lý do được lưu vào lịch sử báo cáo.")
    current = _locked_for_review(report, user)
    if current.status != ReportStatus.APPROVED:
        raise ReportingError("Chỉ mở khóa được báo cáo đã duyệt.")
    parent = current.organization.parent
    if (
        parent is not None
        and Report.objects.filter(
            form_id=current.form_id,
            period_id=current.period_id,
            organization=parent,
            status=ReportStatus.APPROVED,
        ).exists()
    ):
        raise ReportingError(
            f"Báo cáo của «{parent}» cùng kỳ đã được duyệt dựa trên báo cáo này: mở khóa báo cáo đó trước."
        )
    before = snapshot(current)
    _bump(current, user, None)
    current.status = ReportStatus.RETURNED
    current.is_locked = False
    current.returned_reason = f"Mở khóa để sửa: {reason}"
    current.returned_at = timezone.now()
    current.returned_by = user
    current.save(update_fields=["status", "is_locked", "returned_reason", "returned_at", "returned_by"])
    _values_of(current).update(is_approved=False)
    record(current, ChangeLogEntry.Action.UPDATE, user, before, reason=reason)
    _event(current, user, ReportAction.UNLOCKED, reason)
    notify.report_returned(current)
    _copy(current, report)
    return report


def _values_of(report: Report):
    return DataValue.objects.filter(
        organization_id=report.organization_id,
        period_id=report.period_id,
        indicator__in=report.form.indicators.all(),
    )


def _copy(source: Report, target: Report) -> None:
    if source is not target:
        for f in source._meta.concrete_fields:
            setattr(target, f.attname, getattr(source, f.attname))


# --- Forms, the reports they make due, and overdue notices -------------------------------------------------


def organizations_due(form) -> list:
    """The units that must report on `form`: named ones, plus those of the listed kinds/levels under its owner."""
    from phoihop.orgs.models import Organization

    named = list(form.reporting_organizations.all())
    by_rule = []
    if form.reporting_kinds or form.reporting_levels:
        qs = Organization.objects.subtree_of(form.owner, include_self=False)
        if form.reporting_kinds:
            qs = qs.filter(kind__in=form.reporting_kinds)
        if form.reporting_levels:
            qs = qs.filter(level__in=form.reporting_levels)
        by_rule = list(qs)
    seen, result = set(), []
    for org in [*named, *by_rule]:
        if org.pk not in seen:
            seen.add(org.pk)
            result.append(org)
    return result


def periods_of_kind(kind: str, up_to, count: int = 1) -> list:
    """The last `count` periods of `kind` that ended on or before `up_to` (created when missing)."""
    import datetime as dt

    from .choices import PeriodKind
    from .models import Period

    result, year, month = [], up_to.year, up_to.month
    if kind == PeriodKind.PROGRAMME:
        return list(Period.objects.filter(kind=kind, end__lte=up_to).order_by("-end")[:count])
    cursor = dt.date(year, month, 1)
    while len(result) < count:
        if kind == PeriodKind.MONTH:
            start = cursor
            nxt = dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
        elif kind == PeriodKind.QUARTER:
            start = dt.date(cursor.year, (cursor.month - 1) // 3 * 3 + 1, 1)
            nxt = dt.date(start.year + (start.month + 2) // 12, (start.month + 2) % 12 + 1, 1)
        elif kind == PeriodKind.HALF_YEAR:
            start = dt.date(cursor.year, 1 if cursor.month <= 6 else 7, 1)
            nxt = dt.date(start.year + (1 if start.month == 7 else 0), 7 if start.month == 1 else 1, 1)
        else:
            start = dt.date(cursor.year, 1, 1)
            nxt = dt.date(start.year + 1, 1, 1)
        end = nxt - dt.timedelta(days=1)
        if end <= up_to:
            result.append(Period.objects.get_or_create(kind=kind, start=start, end=end)[0])
        cursor = start - dt.timedelta(days=1)
    return result


@transaction.atomic
def create_reports(form, period, user=None, only=None) -> list[Report]:
    """Create the reports due on `form` for `period` (those that exist are left alone); `only` limits the units."""
    if user is not None and not permissions.can(user, "edit", form.owner):
        _denied(f"Bạn không có quyền giao báo cáo của «{form.owner}».")
    if period.kind != form.period_kind:
        raise ReportingError(
            f"Biểu «{form}» báo cáo theo {form.get_period_kind_display().lower()}, không theo {period.label}."
        )
    due = form.due_on(period)
    have = set(Report.objects.filter(form=form, period=period).values_list("organization_id", flat=True))
    created = []
    for org in organizations_due(form):
        if only is not None and org not in only:
            continue
        if org.pk in have or (org.valid_to and org.valid_to < period.start):
            continue
        report = Report.objects.create(
            form=form, organization=org, period=period, due_date=due, created_by=user
        )
        _event(report, user, ReportAction.CREATED)
        created.append(report)
    return created


def open_due_reports(today=None) -> list[Report]:
    """For every active form, create the reports of the latest period whose entry window has opened."""
    import datetime as dt

    from .models import ReportForm

    today = today or timezone.localdate()
    created = []
    for form in ReportForm.objects.filter(is_active=True):
        for period in periods_of_kind(form.period_kind, today - dt.timedelta(days=form.opens_after_days)):
            if form.opens_on(period) <= today:
                created += create_reports(form, period)
    return created


def send_overdue_notices(today=None, again_after_days: int = 7) -> int:
    """Email the units whose reports are late; each report at most once every `again_after_days`."""
    today = today or timezone.localdate()
    now = timezone.now()
    sent = 0
    reports = Report.objects.filter(
        status__in=[ReportStatus.DRAFT, ReportStatus.RETURNED], due_date__lt=today
    ).select_related("form", "organization", "period")
    for report in reports:
        if not report.is_late(today):
            continue
        if report.overdue_notified_at and (now - report.overdue_notified_at).days < again_after_days:
            continue
        with transaction.atomic():
            Report.objects.filter(pk=report.pk).update(overdue_notified_at=now)
            _event(report, None, ReportAction.OVERDUE_NOTICE)
            notify.report_overdue(report)
        sent += 1
    return sent


# --- Targets and the catalogue ----------------------------------------------------------------------------


def can_set_target(user, org) -> bool:
    return permissions.can(user, "edit", org) or permissions.can_approve_for(user, org)


@transaction.atomic
def set_target(user, indicator, organization, period, value, option=None, agreement=None):
    """Create or change a target; the unit itself or the one above it sets it."""
    from .models import Target

    if not can_set_target(user, organization):
        _denied(f"Bạn không có quyền đặt chỉ tiêu cho «{organization}».")
    if value is None or value < 0:
        raise ReportingError("Chỉ tiêu phải là một số không âm.")
    if option is not None and option.disaggregation_id != indicator.disaggregation_id:
        raise ReportingError(f"Chỉ tiêu «{indicator}» không phân tổ theo «{option}».")
    target = Target.objects.filter(
        indicator=indicator, organization=organization, period=period, option=option
    ).first()
    before = snapshot(target) if target else None
    if target is None:
        target = Target(
            indicator=indicator, organization=organization, period=period, option=option, created_by=user
        )
    target.value, target.agreement, target.updated_by = value, agreement, user
    target.save()
    record(target, ChangeLogEntry.Action.UPDATE if before else ChangeLogEntry.Action.CREATE, user, before)
    return target


def can_manage_catalogue(user) -> bool:
    return permissions.is_global(user) or bool(permissions.roots(user, "admin"))


@transaction.atomic
def save_indicator(user, indicator):
    """Add or change an indicator of the catalogue (administrators only)."""
    if not can_manage_catalogue(user):
        _denied("Chỉ quản trị viên mới thêm hoặc sửa chỉ tiêu trong danh mục.")
    from .models import Indicator

    before = snapshot(Indicator.objects.get(pk=indicator.pk)) if indicator.pk else None
    indicator.save()
    record(indicator, ChangeLogEntry.Action.UPDATE if before else ChangeLogEntry.Action.CREATE, user, before)
    return indicator


@transaction.atomic
def save_form(user, form, indicators: list | None = None, organizations: list | None = None):
    """Create or change a report form with its rows in order."""
    from .models import FormIndicator

    if not permissions.can(user, "edit", form.owner):
        _denied(f"Bạn không có quyền ban hành biểu mẫu của «{form.owner}».")
    before = snapshot(type(form).objects.get(pk=form.pk)) if form.pk else None
    if not form.pk:
        form.created_by = user
    form.updated_by = user
    form.save()
    if indicators is not None:
        FormIndicator.objects.filter(form=form).exclude(indicator__in=indicators).delete()
        for order, indicator in enumerate(indicators):
            FormIndicator.objects.update_or_create(form=form, indicator=indicator, defaults={"order": order})
    if organizations is not None:
        form.reporting_organizations.set(organizations)
    record(form, ChangeLogEntry.Action.UPDATE if before else ChangeLogEntry.Action.CREATE, user, before)
    return form

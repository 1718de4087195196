"""Pages of a unit's reports: the list due/late/done, the entry grid, the workflow and a value's history."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from phoihop.core import permissions
from phoihop.core.htmx import render_page

from . import actions, selectors
from .choices import DueState, ReportStatus
from .forms import ReasonForm
from .layout import build_rows, entries_from_post
from .models import DataValue, Report
from .validation import validate_report


def visible_report(user, pk: int) -> Report:
    """A report the user may see, or 404 (a sibling unit's report does not exist for them)."""
    qs = selectors.visible_reports(
        user, Report.objects.select_related("form", "organization__parent", "period")
    )
    return get_object_or_404(qs, pk=pk)


@login_required
def home(request: HttpRequest) -> HttpResponse:
    groups = selectors.unit_reports(request.user)
    order = [DueState.LATE, DueState.DUE, DueState.DONE]
    tab = request.GET.get("tab")
    if tab not in DueState.values:
        # Open on what needs doing first: late reports, then those due.
        tab = DueState.LATE if groups[DueState.LATE] else DueState.DUE
    to_approve = list(selectors.reports_to_approve(request.user)[:200])
    return render(
        request,
        "reporting/home.html",
        {
            "groups": groups,
            "tab": tab,
            "tabs": [(state, DueState(state).label, len(groups[state])) for state in order],
            "reports": groups[tab],
            "to_approve": to_approve,
            "today": timezone.localdate(),
            "can_manage_catalogue": actions.can_manage_catalogue(request.user),
        },
    )


def _context(request, report: Report, rows=None, version=None, issues=None) -> dict:
    user = request.user
    can_report = permissions.can_report_for(user, report.organization)
    can_review = permissions.can_approve_for(user, report.organization)
    rows = build_rows(report, with_history=True) if rows is None else rows
    children = list(selectors.child_reports(report)) if can_review or can_report else []
    return {
        "report": report,
        "rows": rows,
        "version": report.version if version is None else version,
        "issues": validate_report(report) if issues is None else issues,
        "events": report.events.select_related("user")[:30],
        "can_edit": can_report and report.is_editable,
        "can_review": can_review and report.status == ReportStatus.SUBMITTED,
        "can_unlock": can_review and report.status == ReportStatus.APPROVED,
        "children": children,
        "children_pending": [c for c in children if c.status != ReportStatus.APPROVED],
        "previous_period": report.period.previous(),
        "reason_form": ReasonForm(),
        "is_late": report.is_late(),
    }


@login_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The entry grid: GET shows it, POST saves a draft (action=save) or saves and submits (action=submit)."""
    report = visible_report(request.user, pk)
    if request.method != "POST":
        return render(request, "reporting/report.html", _context(request, report))
    if not permissions.can_report_for(request.user, report.organization):
        raise PermissionDenied("Bạn không có quyền nhập số liệu cho đơn vị này.")
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        messages.error(request, "Thiếu phiên bản báo cáo: tải lại trang rồi nhập lại.")
        return redirect(report)
    rows = build_rows(report, with_history=True)
    entries, bad = entries_from_post(rows, request.POST, reason=request.POST.get("reason", "").strip())
    if bad:
        messages.error(
            request,
            f"Có {bad} ô chưa hợp lệ (tô đỏ, lời nhắc ngay dưới ô): sửa rồi bấm Lưu lại. Chưa có số liệu nào được ghi.",
        )
        return render(request, "reporting/report.html", _context(request, report, rows, version), status=400)
    try:
        if request.POST.get("action") == "submit":
            result = actions.submit(report, request.user, version, entries)
            messages.success(request, f"Đã gửi báo cáo lên «{report.organization.parent or 'cấp trên'}».")
        else:
            result = actions.save_values(report, request.user, entries, version)
            messages.success(request, f"Đã lưu nháp ({result.changed} số liệu thay đổi).")
    except actions.StaleReport as exc:
        messages.error(request, exc.message)
        report.refresh_from_db()
        fresh = {r.key: r for r in build_rows(report, with_history=True)}
        for row in rows:
            row.current = fresh[row.key].current  # what is stored now, shown beside what the user typed
        context = _context(request, report, rows, exc.current_version)
        context["stale"] = True
        return render(request, "reporting/report.html", context, status=409)
    except actions.ReportingError as exc:
        messages.error(request, exc.message)
        report.refresh_from_db()
        return render(
            request, "reporting/report.html", _context(request, report, rows, report.version), status=400
        )
    return redirect(report)


def _workflow(request, pk: int, run, success: str) -> HttpResponse:
    report = visible_report(request.user, pk)
    try:
        run(report)
        messages.success(request, success)
    except actions.ReportingError as exc:
        messages.error(request, exc.message)
    return redirect(report)


@login_required
@require_POST
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        version = None
    return _workflow(request, pk, lambda r: actions.submit(r, request.user, version), "Đã gửi báo cáo.")


@login_required
@require_POST
def approve(request: HttpRequest, pk: int) -> HttpResponse:
    return _workflow(
        request,
        pk,
        lambda r: actions.approve(r, request.user, request.POST.get("note", "")),
        "Đã duyệt báo cáo.",
    )


@login_required
@require_POST
def return_report(request: HttpRequest, pk: int) -> HttpResponse:
    reason = request.POST.get("reason", "")
    return _workflow(
        request,
        pk,
        lambda r: actions.return_report(r, request.user, reason),
        "Đã trả lại báo cáo cho đơn vị.",
    )


@login_required
@require_POST
def unlock(request: HttpRequest, pk: int) -> HttpResponse:
    reason = request.POST.get("reason", "")
    return _workflow(
        request, pk, lambda r: actions.unlock(r, request.user, reason), "Đã mở khóa báo cáo để đơn vị sửa."
    )


@login_required
def value_history(request: HttpRequest, pk: int) -> HttpResponse:
    value = get_object_or_404(
        DataValue.objects.select_related("indicator", "option", "organization", "period", "report"), pk=pk
    )
    if not permissions.visible_organizations(request.user).filter(pk=value.organization_id).exists():
        raise Http404
    changes = value.changes.select_related("user")
    return render_page(
        request,
        "reporting/value_history.html",
        {"value": value, "changes": changes},
        partial="reporting/_value_history.html",
    )

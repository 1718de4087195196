"""Excel round-trip pages: download a filled-in template, upload it, preview every change and error, commit."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from phoihop.core import permissions

from . import actions, excel_export, excel_import, selectors
from .forms import UploadForm
from .models import ImportBatch, Period, Report, ReportForm
from .views import visible_report

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _xlsx(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def report_excel(request: HttpRequest, pk: int) -> HttpResponse:
    """One unit's report; with ?cap-duoi=1 also one sheet per subordinate unit's report of the same form and period."""
    report = visible_report(request.user, pk)
    reports = [report]
    if request.GET.get("cap-duoi"):
        reports += list(
            selectors.visible_reports(request.user, selectors.child_reports(report)).order_by(
                "organization__path"
            )
        )
    return _xlsx(excel_export.workbook_for(reports), excel_export.file_name(report))


@login_required
def form_excel(request: HttpRequest, pk: int, period: int) -> HttpResponse:
    """Every report of a form and period that the user enters figures for, one sheet each."""
    form = get_object_or_404(ReportForm, pk=pk)
    period_obj = get_object_or_404(Period, pk=period)
    reports = (
        Report.objects.filter(
            form=form, period=period_obj, organization__in=permissions.organizations_for(request.user, "edit")
        )
        .select_related("form", "organization", "period")
        .order_by("organization__path")
    )
    if not reports:
        messages.error(request, "Không có báo cáo nào của biểu này, kỳ này mà bạn được nhập số liệu.")
        return redirect("reporting:form_detail", pk=form.pk)
    return _xlsx(excel_export.workbook_for(reports), excel_export.file_name(form=form, period=period_obj))


@login_required
def import_upload(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        limit = settings.UPLOAD_MAX_BYTES
        if upload.size > limit:
            form.add_error(
                "file",
                f"Tệp «{upload.name}» nặng {excel_import.megabytes(upload.size)} MB, vượt giới hạn "
                f"{excel_import.megabytes(limit)} MB. Tách tệp thành nhiều tệp nhỏ rồi tải lên lần lượt.",
            )
        else:
            try:
                batch = excel_import.stage(upload.read(), upload.name, request.user)
                return redirect(batch)
            except excel_import.FileRejected as exc:
                form.add_error("file", exc.message)
        status = 400
    recent = ImportBatch.objects.filter(user=request.user)[:10]
    return render(
        request,
        "reporting/import_upload.html",
        {"form": form, "recent": recent, "limit_mb": settings.UPLOAD_MAX_BYTES // 1048576},
        status=status,
    )


def _own_batch(request, pk: int) -> ImportBatch:
    return get_object_or_404(ImportBatch, pk=pk, user=request.user)


@login_required
def import_preview(request: HttpRequest, pk: int) -> HttpResponse:
    batch = _own_batch(request, pk)
    page = Paginator(batch.changes, 500).get_page(request.GET.get("trang"))
    return render(request, "reporting/import_preview.html", preview_context(batch, page))


def preview_context(batch: ImportBatch, page) -> dict:
    reports = {c["r"] for c in batch.changes}
    values = sum(len(c["f"]) for c in batch.changes)
    return {
        "batch": batch,
        "page": page,
        "errors": batch.errors[:2000],
        "warnings": batch.warnings[:2000],
        "report_count": len(reports),
        "value_count": values,
    }


@login_required
@require_POST
def import_commit(request: HttpRequest, pk: int) -> HttpResponse:
    batch = _own_batch(request, pk)
    try:
        changed = excel_import.commit(batch, request.user)
    except (actions.ReportingError, PermissionDenied) as exc:
        messages.error(request, getattr(exc, "message", str(exc)))
        return redirect(batch)
    messages.success(request, f"Đã ghi {changed} số liệu từ tệp «{batch.file_name}».")
    first = batch.changes[0]["r"] if batch.changes else None
    return redirect("reporting:report", pk=first) if first else redirect("reporting:home")


@login_required
@require_POST
def import_discard(request: HttpRequest, pk: int) -> HttpResponse:
    batch = _own_batch(request, pk)
    excel_import.discard(batch, request.user)
    messages.info(request, "Đã hủy lần nhập; không có số liệu nào được ghi.")
    return redirect("reporting:import_upload")

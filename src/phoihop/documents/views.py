"""Pages of the documents app: review reports, their renders (with progress), downloads and templates."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from phoihop.core import permissions

from . import actions, render_pdf, review
from .choices import FORMATS_BY_KIND, DocumentKind, OutputFormat, TemplateKind
from .forms import RenderForm, ReportCreateForm, ReportEditForm, TemplateUploadForm
from .models import DocumentTemplate, GeneratedDocument, ReviewReport


def _report(request: HttpRequest, pk: int) -> ReviewReport:
    return get_object_or_404(
        permissions.visible_review_reports(request.user).select_related("agreement", "period", "meeting"),
        pk=pk,
    )


def _error_messages(request: HttpRequest, exc: ValidationError, form=None) -> None:
    for field, errors in exc.message_dict.items():
        for error in errors:
            if form is not None and field in form.fields:
                form.add_error(field, error)
            else:
                messages.error(request, error)


@login_required
def report_list(request: HttpRequest) -> HttpResponse:
    reports = (
        permissions.visible_review_reports(request.user)
        .select_related("agreement", "period")
        .prefetch_related("organizations")
    )
    return render(request, "documents/list.html", {"reports": reports})


@login_required
def report_create(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = ReportCreateForm(request.POST, user=request.user)
    else:
        form = ReportCreateForm(
            initial={"agreement": request.GET.get("agreement"), "meeting": request.GET.get("meeting")},
            user=request.user,
        )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        meeting = None
        if data.get("meeting"):
            meeting = permissions.visible_meetings(request.user).filter(pk=data["meeting"]).first()
        try:
            report = actions.create_report(
                request.user,
                kind=data["kind"],
                period=data.get("period"),
                agreement=data.get("agreement"),
                organizations=list(data.get("organizations") or []),
                meeting=meeting,
            )
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        except ValidationError as exc:
            _error_messages(request, exc, form)
        else:
            messages.success(request, _("Đã tạo bản dự thảo báo cáo; hãy sửa các phần viết trước khi xuất."))
            return redirect("documents:edit", report.pk)
    return render(request, "documents/create.html", {"form": form}, status=400 if form.errors else 200)


@login_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    generated = report.generated.select_related("created_by").order_by("-created_at")[:30]
    return render(
        request,
        "documents/detail.html",
        {
            "report": report,
            "organizations": report.organizations.all(),
            "generated": generated,
            "can_edit": permissions.can_edit_review_report(request.user, report),
            "formats": [
                (DocumentKind.REVIEW_REPORT, OutputFormat.DOCX, _("Xuất Word (.docx)")),
                (DocumentKind.REVIEW_REPORT, OutputFormat.PDF, _("Xuất PDF")),
                (DocumentKind.APPENDIX, OutputFormat.XLSX, _("Phụ lục số liệu (.xlsx)")),
            ],
        },
    )


@login_required
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    if not permissions.can_edit_review_report(request.user, report):
        raise Http404
    if request.method == "POST":
        form = ReportEditForm(request.POST)
        if form.is_valid():
            try:
                actions.update_report(request.user, report, **form.to_fields())
            except ValidationError as exc:
                _error_messages(request, exc, form)
            else:
                messages.success(request, _("Đã lưu báo cáo."))
                return redirect(report)
    else:
        form = ReportEditForm(initial=ReportEditForm.initial_for(report))
    return render(
        request, "documents/edit.html", {"report": report, "form": form}, status=400 if form.errors else 200
    )


@login_required
@require_POST
def report_delete(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    try:
        actions.delete_report(request.user, report)
    except PermissionDenied:
        raise Http404
    messages.success(request, _("Đã xóa báo cáo."))
    return redirect("documents:list")


@login_required
def report_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """The report as the PDF's HTML: what will be exported, with today's figures."""
    report = _report(request, pk)
    return HttpResponse(render_pdf.html(review.build(report, user=request.user)))


@login_required
@require_POST
def report_render(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    form = RenderForm(request.POST)
    if not form.is_valid():
        raise Http404
    fmt = form.cleaned_data["fmt"]
    kind = DocumentKind.APPENDIX if fmt == OutputFormat.XLSX else DocumentKind.REVIEW_REPORT
    generated = actions.start_render(request.user, kind, fmt, report=report)
    return redirect("documents:progress", generated.pk)


@login_required
@require_POST
def agreement_render(request: HttpRequest, agreement_id: int) -> HttpResponse:
    agreement = get_object_or_404(permissions.visible_agreements(request.user), pk=agreement_id)
    fmt = request.POST.get("fmt", OutputFormat.DOCX)
    if fmt not in FORMATS_BY_KIND[DocumentKind.AGREEMENT]:
        raise Http404
    generated = actions.start_render(request.user, DocumentKind.AGREEMENT, fmt, agreement=agreement)
    return redirect("documents:progress", generated.pk)


def _generated(request: HttpRequest, pk: int) -> GeneratedDocument:
    return get_object_or_404(
        actions.visible_generated(request.user).select_related("report", "agreement", "created_by"), pk=pk
    )


@login_required
def progress(request: HttpRequest, pk: int) -> HttpResponse:
    generated = _generated(request, pk)
    template = "documents/_progress.html" if getattr(request, "htmx", False) else "documents/progress.html"
    return render(request, template, {"g": generated})


@login_required
def download(request: HttpRequest, pk: int) -> HttpResponse:
    generated = _generated(request, pk)
    if not generated.is_available:
        raise Http404("Văn bản chưa tạo xong hoặc đã bị gián đoạn.")
    response = FileResponse(
        generated.file.open("rb"),
        as_attachment=True,
        filename=generated.filename,
        content_type=generated.content_type,
    )
    response["X-Content-SHA256"] = generated.sha256
    return response


def _require_admin(request: HttpRequest) -> None:
    if not permissions.is_global(request.user):
        raise Http404


@login_required
def templates_admin(request: HttpRequest) -> HttpResponse:
    _require_admin(request)
    form = TemplateUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            template = actions.upload_template(
                request.user, form.cleaned_data["kind"], upload.read(), upload.name, form.cleaned_data["note"]
            )
        except ValidationError as exc:
            _error_messages(request, exc, form)
        else:
            messages.success(request, _("Đã dùng mẫu mới: %(template)s.") % {"template": template})
            return redirect("documents:templates")
    rows = []
    for kind, label in TemplateKind.choices:
        versions = list(DocumentTemplate.objects.filter(kind=kind).order_by("-version"))
        in_use = next((t for t in versions if t.is_active), None)
        rows.append({"kind": kind, "label": label, "versions": versions, "in_use": in_use})
    return render(
        request, "documents/templates.html", {"form": form, "rows": rows}, status=400 if form.errors else 200
    )


@login_required
@require_POST
def template_toggle(request: HttpRequest, pk: int) -> HttpResponse:
    _require_admin(request)
    template = get_object_or_404(DocumentTemplate, pk=pk)
    actions.set_template_active(request.user, template, not template.is_active)
    return redirect("documents:templates")


@login_required
def template_download(request: HttpRequest, kind: str, pk: int = 0) -> HttpResponse:
    """The template file (an uploaded version, or the shipped one when pk is 0) to edit in Word."""
    _require_admin(request)
    if kind not in TemplateKind.values:
        raise Http404
    if pk:
        template = get_object_or_404(DocumentTemplate, pk=pk, kind=kind)
        return FileResponse(template.file.open("rb"), as_attachment=True, filename=template.original_name)
    from .docx_templates import shipped_path

    return FileResponse(open(shipped_path(kind), "rb"), as_attachment=True, filename=f"mau-{kind}.docx")

"""REST API of the documents app (mounted under /api/v1/documents): review reports, renders and downloads."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

from phoihop.core import permissions
from phoihop.reporting.models import Period

from . import actions
from .choices import FORMATS_BY_KIND, DocumentKind, OutputFormat, ReportKind
from .models import GeneratedDocument, ReviewReport

router = Router(tags=["documents"])


class SignerSchema(Schema):
    heading: str = Field(
        "",
        description="Thẩm quyền và chức vụ, mỗi dòng một ý: TM. ỦY BAN NHÂN DÂN\\nKT. CHỦ TỊCH\\nPHÓ CHỦ TỊCH",
    )
    name: str = ""


class ReportOut(Schema):
    id: int
    kind: str
    title: str
    agreement_id: int | None
    organization_ids: list[int]
    period_id: int
    period_label: str
    meeting_id: int | None
    number: str
    place: str
    date: dt.date | None
    issuer_parent: str
    issuers: str
    signers: list[SignerSchema]
    recipients: str
    archive: str
    situation: str
    shortcomings: str
    causes: str
    lessons: str
    directions: str
    recommendations: str
    include_tables: bool
    include_charts: bool


class ReportCreate(Schema):
    kind: str = Field(ReportKind.FINAL, description="interim hoặc final")
    agreement_id: int | None = None
    organization_ids: list[int] = []
    period_id: int | None = Field(None, description="Để trống: giai đoạn của văn bản phối hợp")
    meeting_id: int | None = None


class ReportUpdate(Schema):
    title: str | None = None
    number: str | None = None
    place: str | None = None
    date: dt.date | None = None
    issuer_parent: str | None = None
    issuers: str | None = None
    signers: list[SignerSchema] | None = None
    recipients: str | None = None
    archive: str | None = None
    situation: str | None = None
    shortcomings: str | None = None
    causes: str | None = None
    lessons: str | None = None
    directions: str | None = None
    recommendations: str | None = None
    include_tables: bool | None = None
    include_charts: bool | None = None


class RenderIn(Schema):
    fmt: str = Field(OutputFormat.DOCX, description="docx, pdf (báo cáo) hoặc xlsx (phụ lục số liệu)")


class GeneratedOut(Schema):
    id: int
    kind: str
    fmt: str
    version: int
    status: str
    status_label: str
    progress: int
    step: str
    filename: str
    size: int | None
    sha256: str
    created_by: str | None
    created_at: dt.datetime
    finished_at: dt.datetime | None
    download_url: str | None


def _report_out(report: ReviewReport) -> dict:
    data = {name: getattr(report, name) for name in ReportOut.model_fields if hasattr(report, name)}
    data.update(
        organization_ids=list(report.organizations.values_list("pk", flat=True)),
        period_label=report.period.label,
        signers=report.signers or [],
    )
    return data


def _generated_out(generated: GeneratedDocument) -> dict:
    return {
        "id": generated.pk,
        "kind": generated.kind,
        "fmt": generated.fmt,
        "version": generated.version,
        "status": "interrupted" if generated.is_stale else generated.status,
        "status_label": generated.status_label,
        "progress": generated.progress,
        "step": generated.step,
        "filename": generated.filename,
        "size": generated.size,
        "sha256": generated.sha256,
        "created_by": generated.created_by.username if generated.created_by else None,
        "created_at": generated.created_at,
        "finished_at": generated.finished_at,
        "download_url": f"/api/v1/documents/files/{generated.pk}/download"
        if generated.is_available
        else None,
    }


def _report(request, report_id: int) -> ReviewReport:
    return get_object_or_404(permissions.visible_review_reports(request.user), pk=report_id)


def _validation(exc: ValidationError) -> HttpError:
    parts = [f"{field}: {msg}" for field, msgs in exc.message_dict.items() for msg in msgs]
    return HttpError(422, " ".join(parts))


@router.get("/reports", response=list[ReportOut], summary="Báo cáo sơ kết, tổng kết trong phạm vi")
def list_reports(request, agreement_id: int | None = None):
    qs = (
        permissions.visible_review_reports(request.user)
        .select_related("period")
        .prefetch_related("organizations")
    )
    if agreement_id:
        qs = qs.filter(agreement_id=agreement_id)
    return [_report_out(r) for r in qs]


@router.post("/reports", response={201: ReportOut}, summary="Soạn báo cáo mới (các phần viết được soạn sẵn)")
def create_report(request, payload: ReportCreate):
    agreement = None
    if payload.agreement_id:
        agreement = permissions.visible_agreements(request.user).filter(pk=payload.agreement_id).first()
        if agreement is None:
            raise HttpError(404, "agreement_id: không tìm thấy văn bản phối hợp trong phạm vi của bạn.")
    orgs = list(permissions.visible_organizations(request.user).filter(pk__in=payload.organization_ids))
    if len(orgs) != len(set(payload.organization_ids)):
        raise HttpError(404, "organization_ids: có đơn vị không tìm thấy trong phạm vi của bạn.")
    period = None
    if payload.period_id:
        period = Period.objects.filter(pk=payload.period_id).first()
        if period is None:
            raise HttpError(422, "period_id: không có kỳ báo cáo này.")
    meeting = None
    if payload.meeting_id:
        meeting = permissions.visible_meetings(request.user).filter(pk=payload.meeting_id).first()
        if meeting is None:
            raise HttpError(404, "meeting_id: không tìm thấy hội nghị trong phạm vi của bạn.")
    try:
        report = actions.create_report(
            request.user,
            kind=payload.kind,
            period=period,
            agreement=agreement,
            organizations=orgs,
            meeting=meeting,
        )
    except PermissionDenied as exc:
        raise HttpError(403, str(exc))
    except ValidationError as exc:
        raise _validation(exc)
    return Status(201, _report_out(report))


@router.get("/reports/{report_id}", response=ReportOut, summary="Chi tiết báo cáo")
def get_report(request, report_id: int):
    return _report_out(_report(request, report_id))


@router.patch(
    "/reports/{report_id}", response=ReportOut, summary="Sửa các phần viết, tiêu đề, người ký, nơi nhận"
)
def update_report(request, report_id: int, payload: ReportUpdate):
    report = _report(request, report_id)
    fields = payload.model_dump(exclude_unset=True)
    try:
        report = actions.update_report(request.user, report, **fields)
    except PermissionDenied:
        raise Http404
    except ValidationError as exc:
        raise _validation(exc)
    return _report_out(report)


@router.post("/reports/{report_id}/render", response={202: GeneratedOut}, summary="Xuất báo cáo (tác vụ nền)")
def render_report(request, report_id: int, payload: RenderIn):
    report = _report(request, report_id)
    kind = DocumentKind.APPENDIX if payload.fmt == OutputFormat.XLSX else DocumentKind.REVIEW_REPORT
    if payload.fmt not in FORMATS_BY_KIND[kind]:
        raise HttpError(422, "fmt: chọn docx, pdf hoặc xlsx.")
    generated = actions.start_render(request.user, kind, payload.fmt, report=report)
    return Status(202, _generated_out(generated))


@router.post(
    "/agreements/{agreement_id}/render", response={202: GeneratedOut}, summary="Xuất văn bản phối hợp"
)
def render_agreement(request, agreement_id: int, payload: RenderIn):
    agreement = get_object_or_404(permissions.visible_agreements(request.user), pk=agreement_id)
    if payload.fmt not in FORMATS_BY_KIND[DocumentKind.AGREEMENT]:
        raise HttpError(422, "fmt: chọn docx hoặc pdf.")
    generated = actions.start_render(request.user, DocumentKind.AGREEMENT, payload.fmt, agreement=agreement)
    return Status(202, _generated_out(generated))


@router.get("/reports/{report_id}/files", response=list[GeneratedOut], summary="Các lần xuất của báo cáo")
def report_files(request, report_id: int):
    report = _report(request, report_id)
    return [_generated_out(g) for g in report.generated.select_related("created_by")]


@router.get("/files/{file_id}", response=GeneratedOut, summary="Tiến độ và thông tin một lần xuất")
def get_file(request, file_id: int):
    return _generated_out(get_object_or_404(actions.visible_generated(request.user), pk=file_id))


@router.get("/files/{file_id}/download", summary="Tải tệp đã xuất", response={200: None})
def download_file(request, file_id: int):
    generated = get_object_or_404(actions.visible_generated(request.user), pk=file_id)
    if not generated.is_available:
        raise HttpError(409, "Văn bản chưa tạo xong hoặc đã bị gián đoạn.")
    return FileResponse(
        generated.file.open("rb"),
        as_attachment=True,
        filename=generated.filename,
        content_type=generated.content_type,
    )

"""The one write path for review reports, templates and generated documents (views, API, CLI, tasks, demo)."""

from __future__ import annotations

import hashlib
import traceback

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from phoihop.core import permissions
from phoihop.core.changelog import record, snapshot
from phoihop.core.models import ChangeLogEntry
from phoihop.reporting.choices import PeriodKind
from phoihop.reporting.models import Period

from . import docx_templates, drafting, rendering
from .choices import FORMATS_BY_KIND, DocumentKind, OutputFormat, RenderStatus, ReportKind, TemplateKind
from .models import DocumentTemplate, GeneratedDocument, ReviewReport

TEMPLATE_MAX_BYTES = 10 * 1024 * 1024
EDITABLE_FIELDS = (
    "title",
    "number",
    "place",
    "date",
    "issuer_parent",
    "issuers",
    "signers",
    "recipients",
    "archive",
    "situation",
    "shortcomings",
    "causes",
    "lessons",
    "directions",
    "recommendations",
    "include_tables",
    "include_charts",
)


def _check_signers(signers) -> list[dict]:
    if not isinstance(signers, list):
        raise ValidationError({"signers": "Người ký phải là một danh sách."})
    out = []
    for i, item in enumerate(signers, start=1):
        if not isinstance(item, dict):
            raise ValidationError({"signers": f"Người ký {i}: cần có chức danh (heading) và họ tên (name)."})
        heading, name = str(item.get("heading", "")).strip(), str(item.get("name", "")).strip()
        if heading or name:
            out.append({"heading": heading, "name": name})
    if len(out) > 4:
        raise ValidationError({"signers": "Một văn bản có tối đa 4 người ký."})
    return out


def _validate_fields(fields: dict) -> dict:
    errors = {}
    if "title" in fields and not str(fields["title"]).strip():
        errors["title"] = "Nhập trích yếu của báo cáo."
    if "issuers" in fields and not str(fields["issuers"]).strip():
        errors["issuers"] = "Nhập tên cơ quan ban hành (mỗi cơ quan một dòng)."
    if errors:
        raise ValidationError(errors)
    if "signers" in fields:
        fields["signers"] = _check_signers(fields["signers"])
    return fields


@transaction.atomic
def create_report(
    user,
    *,
    kind: str = ReportKind.FINAL,
    period: Period | None = None,
    agreement=None,
    organizations=None,
    meeting=None,
    **fields,
) -> ReviewReport:
    """A new report with every written section drafted; `fields` override the drafts. user=None: system use."""
    if kind not in ReportKind.values:
        raise ValidationError({"kind": f"Loại báo cáo không hợp lệ: {kind!r} (interim hoặc final)."})
    if (
        agreement is not None
        and user is not None
        and not permissions.visible_agreements(user).filter(pk=agreement.pk).exists()
    ):
        raise PermissionDenied("Văn bản phối hợp ngoài phạm vi của bạn.")
    orgs = list(organizations or [])
    if not orgs and agreement is not None:
        orgs = [
            link.organization
            for link in agreement.party_links.select_related("organization", "organization__parent")
        ]
    if not orgs:
        raise ValidationError({"organizations": "Chọn văn bản phối hợp hoặc ít nhất một đơn vị báo cáo."})
    if user is not None and not (
        permissions.is_global(user) or any(permissions.can(user, "edit", o) for o in orgs)
    ):
        raise PermissionDenied("Bạn chỉ soạn được báo cáo của đơn vị mình.")
    period = period or default_period(agreement)
    if period is None:
        raise ValidationError({"period": "Chọn kỳ báo cáo."})
    values = drafting.drafts(kind, period, agreement, orgs)
    values.update(_validate_fields(dict(fields)))
    report = ReviewReport(
        kind=kind,
        agreement=agreement,
        period=period,
        meeting=meeting,
        created_by=permissions.actor(user),
        updated_by=permissions.actor(user),
        **{k: v for k, v in values.items() if k in EDITABLE_FIELDS},
    )
    report.save()
    report.organizations.set(orgs)
    record(report, ChangeLogEntry.Action.CREATE, user)
    return report


@transaction.atomic
def update_report(user, report: ReviewReport, **fields) -> ReviewReport:
    """Change the written parts of a report (sections, header, signers, recipients)."""
    report = ReviewReport.objects.select_for_update().get(pk=report.pk)
    if user is not None and not permissions.can_edit_review_report(user, report):
        raise PermissionDenied("Bạn không có quyền sửa báo cáo này.")
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError({name: "Trường này không sửa được." for name in unknown})
    fields = _validate_fields(fields)
    before = snapshot(report)
    for name, value in fields.items():
        setattr(report, name, value)
    report.updated_by = permissions.actor(user)
    report.save()
    record(report, ChangeLogEntry.Action.UPDATE, user, before)
    return report


@transaction.atomic
def delete_report(user, report: ReviewReport) -> None:
    if user is not None and not permissions.can_edit_review_report(user, report):
        raise PermissionDenied("Bạn không có quyền xóa báo cáo này.")
    record(report, ChangeLogEntry.Action.DELETE, user, snapshot(report))
    for generated in report.generated.exclude(file=""):
        generated.file.delete(save=False)
    report.delete()


# --- rendering ---------------------------------------------------------------------------------------


def _next_version(kind: str, fmt: str, report=None, agreement=None) -> int:
    qs = GeneratedDocument.objects.filter(kind=kind, fmt=fmt, report=report, agreement=agreement)
    return (qs.aggregate(m=Max("version"))["m"] or 0) + 1


@transaction.atomic
def start_render(user, kind: str, fmt: str, *, report=None, agreement=None) -> GeneratedDocument:
    """Queue a render; the file appears on the returned record when its task is done."""
    if kind not in DocumentKind.values or fmt not in FORMATS_BY_KIND.get(kind, set()):
        raise ValidationError(
            {
                "fmt": f"Không xuất được {DocumentKind(kind).label if kind in DocumentKind.values else kind} ra định dạng {fmt}."
            }
        )
    if kind == DocumentKind.AGREEMENT:
        if agreement is None:
            raise ValidationError({"agreement": "Chọn văn bản phối hợp."})
        if user is not None and not permissions.visible_agreements(user).filter(pk=agreement.pk).exists():
            raise PermissionDenied("Văn bản phối hợp ngoài phạm vi của bạn.")
        report = None
    else:
        if report is None:
            raise ValidationError({"report": "Chọn báo cáo."})
        if user is not None and not permissions.visible_review_reports(user).filter(pk=report.pk).exists():
            raise PermissionDenied("Báo cáo ngoài phạm vi của bạn.")
        agreement = None
        # One version counter per report and format: lock the report row while numbering.
        ReviewReport.objects.select_for_update().filter(pk=report.pk).first()
    template_kind = TemplateKind.AGREEMENT if kind == DocumentKind.AGREEMENT else TemplateKind.REVIEW_REPORT
    template = rendering.active_template(template_kind) if fmt == OutputFormat.DOCX else None
    generated = GeneratedDocument.objects.create(
        kind=kind,
        fmt=fmt,
        report=report,
        agreement=agreement,
        version=_next_version(kind, fmt, report, agreement),
        template=template,
        template_version=template.version if template else 0,
        created_by=permissions.actor(user),
        heartbeat_at=timezone.now(),
    )
    from .tasks import render_document

    transaction.on_commit(lambda: render_document.enqueue(generated.pk))
    return generated


def _progress(generated_id: int):
    def report(percent: int, step: str) -> None:
        GeneratedDocument.objects.filter(pk=generated_id).update(
            progress=max(0, min(percent, 99)), step=step[:200], heartbeat_at=timezone.now()
        )

    return report


def run_render(generated_id: int) -> GeneratedDocument:
    """The body of the background task: render, store atomically, then mark done (or failed)."""
    generated = GeneratedDocument.objects.select_related(
        "report__period", "report__agreement", "agreement"
    ).get(pk=generated_id)
    if generated.status == RenderStatus.DONE:
        return generated
    GeneratedDocument.objects.filter(pk=generated_id).update(
        status=RenderStatus.RUNNING, started_at=timezone.now(), heartbeat_at=timezone.now(), progress=1
    )
    user = generated.created_by
    try:
        data = rendering.produce(
            generated.kind,
            generated.fmt,
            report=generated.report,
            agreement=generated.agreement,
            user=user,
            template=generated.template,
            progress=_progress(generated_id),
        )
        _progress(generated_id)(95, "Lưu tệp")
        name = rendering.filename_for(
            generated.kind, generated.fmt, generated.version, generated.report, generated.agreement
        )
        stored, digest, size = rendering.store_atomically(
            data, f"generated/{generated.kind}/{generated.pk}-{name}"
        )
    except Exception as exc:
        GeneratedDocument.objects.filter(pk=generated_id).update(
            status=RenderStatus.FAILED,
            error=f"{exc.__class__.__name__}: {exc}\n{traceback.format_exc(limit=5)}"[:5000],
            step="Không tạo được văn bản",
            finished_at=timezone.now(),
        )
        raise
    GeneratedDocument.objects.filter(pk=generated_id).update(
        status=RenderStatus.DONE,
        progress=100,
        step="Hoàn thành",
        file=stored,
        filename=name,
        sha256=digest,
        size=size,
        finished_at=timezone.now(),
        heartbeat_at=timezone.now(),
    )
    generated.refresh_from_db()
    return generated


def visible_generated(user):
    """Generated files the user may download: of reports and agreements inside their scope."""
    from django.db.models import Q

    return GeneratedDocument.objects.filter(
        Q(report__in=permissions.visible_review_reports(user))
        | Q(agreement__in=permissions.visible_agreements(user))
    )


# --- templates ---------------------------------------------------------------------------------------


def _require_template_admin(user) -> None:
    if user is not None and not permissions.is_global(user):
        raise PermissionDenied("Chỉ quản trị hệ thống được thay mẫu văn bản.")


@transaction.atomic
def upload_template(user, kind: str, data: bytes, original_name: str, note: str = "") -> DocumentTemplate:
    """Check an uploaded .docx template by rendering a sample with it; a broken one is rejected with the reason
    and the template in use stays as it was."""
    _require_template_admin(user)
    if kind not in TemplateKind.values:
        raise ValidationError({"kind": f"Loại mẫu không hợp lệ: {kind!r}."})
    if not original_name.lower().endswith(".docx"):
        raise ValidationError({"file": "Chỉ nhận tệp Word .docx."})
    if len(data) > TEMPLATE_MAX_BYTES:
        raise ValidationError({"file": "Tệp mẫu quá lớn (tối đa 10 MB)."})
    try:
        docx_templates.check(data)
    except docx_templates.TemplateRejected as exc:
        raise ValidationError({"file": f"Mẫu bị từ chối: {exc}"})
    version = (DocumentTemplate.objects.filter(kind=kind).aggregate(m=Max("version"))["m"] or 0) + 1
    template = DocumentTemplate(
        kind=kind,
        version=version,
        original_name=original_name[:255],
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        note=note[:300],
        created_by=permissions.actor(user),
        updated_by=permissions.actor(user),
    )
    template.file.save(f"v{version}.docx", ContentFile(data), save=False)
    template.save()
    record(template, ChangeLogEntry.Action.CREATE, user)
    return template


@transaction.atomic
def set_template_active(user, template: DocumentTemplate, active: bool) -> DocumentTemplate:
    """Switch a version on or off; with none active the shipped template is used."""
    _require_template_admin(user)
    before = snapshot(template)
    template.is_active = active
    template.updated_by = permissions.actor(user)
    template.save(update_fields=["is_active", "updated_by", "updated_at"])
    record(template, ChangeLogEntry.Action.UPDATE, user, before)
    return template


def default_period(agreement) -> Period | None:
    """The agreement's own period: its year for an annual plan, else its programme period."""
    if agreement is None:
        return None
    if agreement.period_start_year == agreement.period_end_year:
        return Period.for_year(agreement.period_start_year)
    return Period.objects.filter(
        kind=PeriodKind.PROGRAMME,
        start__year=agreement.period_start_year,
        end__year=agreement.period_end_year,
    ).first() or Period.for_programme(agreement.period_start_year, agreement.period_end_year)

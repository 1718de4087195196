"""REST API of reporting (mounted under /api/v1/reporting): catalogue, forms, reports and their workflow, values,
targets, completeness and Excel imports. Same scoping as the pages: a unit reports for itself, approves for its
children; anything outside the caller's scope is a 404."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Field, File, Query, Router, Schema, Status
from ninja.files import UploadedFile
from pydantic import BaseModel

from phoihop.core import permissions
from phoihop.core.sql import Select

from . import actions, excel_import, selectors
from .choices import (
    Aggregation,
    DueState,
    PeriodKind,
    ReportStatus,
    Severity,
    Theme,
    Unit,
    ValueSource,
    ValueType,
)
from .forms import PeriodForm
from .layout import build_rows
from .models import DataValue, Disaggregation, Indicator, Period, Report
from .structure import structure
from .validation import validate_report
from .values import CellError, build_entry, read_number
from .views_admin import visible_forms

router = Router(tags=["reporting"])


class ErrorOut(Schema):
    detail: str
    errors: list[str] = []


class OptionOut(Schema):
    code: str
    name: str
    name_en: str


class IndicatorOut(Schema):
    id: int
    code: str
    name: str
    name_en: str
    theme: Theme
    value_type: ValueType
    unit: Unit
    aggregation: Aggregation
    disaggregation: str | None = None
    options: list[OptionOut] = []
    numerator_label: str
    denominator_label: str
    description: str
    is_active: bool

    @staticmethod
    def resolve_disaggregation(obj):
        return obj.disaggregation.code if obj.disaggregation_id else None

    @staticmethod
    def resolve_options(obj):
        return list(obj.disaggregation.options.all()) if obj.disaggregation_id else []


class IndicatorIn(Schema):
    code: str = Field(..., pattern=r"^[-a-z0-9_]+$", max_length=60)
    name: str
    name_en: str = ""
    theme: Theme
    value_type: ValueType = ValueType.COUNT
    unit: Unit
    aggregation: Aggregation = Aggregation.SUM
    disaggregation: str | None = None
    numerator_label: str = ""
    denominator_label: str = ""
    description: str = ""


class PeriodOut(Schema):
    id: int
    kind: PeriodKind
    start: dt.date
    end: dt.date
    label: str


class FormLineOut(Schema):
    order: int
    indicator: str

    @staticmethod
    def resolve_indicator(obj):
        return obj.indicator.code


class FormOut(Schema):
    id: int
    code: str
    name: str
    period_kind: PeriodKind
    owner_id: int
    agreement_id: int | None
    deadline_days: int
    late_after_days: int
    opens_after_days: int
    is_active: bool


class FormDetailOut(FormOut):
    lines: list[FormLineOut]
    reporting_kinds: list[str]
    reporting_levels: list[str]

    @staticmethod
    def resolve_lines(obj):
        return list(obj.rows.select_related("indicator"))


class PeriodIn(Schema):
    kind: PeriodKind
    year: int
    part: int | None = None
    end_year: int | None = None


class ReportOut(Schema):
    id: int
    form: str
    organization_id: int
    organization: str
    period: PeriodOut
    status: ReportStatus
    version: int
    due_date: dt.date | None
    submitted_at: dt.datetime | None
    approved_at: dt.datetime | None
    returned_reason: str
    is_locked: bool

    @staticmethod
    def resolve_form(obj):
        return obj.form.code

    @staticmethod
    def resolve_organization(obj):
        return obj.organization.name


class ValueOut(Schema):
    id: int | None
    indicator: str
    option: str | None
    value: Decimal | None
    value_high: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None
    qualifier: str
    comment: str
    previous: Decimal | None
    source_text: str


class IssueOut(Schema):
    severity: Severity
    message: str
    rule: str


class ReportDetailOut(ReportOut):
    values: list[ValueOut]
    issues: list[IssueOut]

    @staticmethod
    def resolve_values(obj):
        return _values(obj)

    @staticmethod
    def resolve_issues(obj):
        return [i.as_dict() for i in validate_report(obj)]


# The bodies of the report workflow's writes are plain pydantic models. ninja's Schema also reads attributes of ORM
# objects, which a JSON body never needs, and pays for it on every field (an exception for each one left out):
# about a sixteenth of the instructions a submission runs in the application (bench/api_submission_cost.py
# --instructions).
class ValueIn(BaseModel):
    indicator: str = Field(..., description="Mã chỉ tiêu, ví dụ good_workers")
    option: str | None = Field(None, description="Mã nhóm phân tổ, ví dụ district")
    value: str | float | int | None = Field(
        None, description="Số, hoặc chữ kiểu Việt Nam: «1.065», «2,2 tỷ», «67 - 74»"
    )
    numerator: str | float | int | None = None
    denominator: str | float | int | None = None
    qualifier: str | None = None
    comment: str | None = ""
    reason: str = ""


class SaveIn(BaseModel):
    version: int = Field(
        ..., description="Phiên bản báo cáo đã đọc; lưu bị từ chối nếu người khác đã lưu sau đó"
    )
    values: list[ValueIn]
    reason: str = ""


class SubmitIn(BaseModel):
    version: int | None = None
    values: list[ValueIn] = []


class ReasonIn(BaseModel):
    reason: str


class NoteIn(BaseModel):
    note: str = ""


class ResultOut(Schema):
    id: int
    status: ReportStatus
    version: int
    changed: int = 0
    issues: list[IssueOut] = []


class HistoryOut(Schema):
    at: dt.datetime
    user: str | None
    field: str
    old_value: Decimal | None
    new_value: Decimal | None
    old_text: str
    new_text: str
    reason: str
    source: ValueSource


class TargetOut(Schema):
    id: int
    indicator: str
    option: str | None = None
    organization_id: int
    period: PeriodOut
    value: Decimal
    agreement_id: int | None
    achieved: Decimal | None = None

    @staticmethod
    def resolve_indicator(obj):
        return obj.indicator.code

    @staticmethod
    def resolve_option(obj):
        return obj.option.code if obj.option_id else None

    @staticmethod
    def resolve_achieved(obj):
        return selectors.target_progress(obj)


class TargetIn(Schema):
    indicator: str
    option: str | None = None
    organization_id: int
    period_id: int
    value: str | float | int
    agreement_id: int | None = None


class CompletenessOut(Schema):
    form: str
    period: PeriodOut
    due: int
    done: int
    on_time: int
    approved: int
    completeness: Decimal | None
    timeliness: Decimal | None


class ImportOut(Schema):
    id: int
    file_name: str
    status: str
    changes: list[dict]
    errors: list[dict]
    warnings: list[dict]
    can_commit: bool


_REPORT = Select(Report, "t.id = %s", related=("form", "organization", "period"))


def _report(request, report_id: int) -> Report:
    report = _REPORT.one([report_id])
    if report is None:
        raise Http404
    # The same rule as visible_reports, checked on the one row: outside the caller's subtree it does not exist.
    if not permissions.can(request.user, "view", report.organization):
        raise Http404
    return report


def _values(report: Report) -> list[dict]:
    values = []
    for row in build_rows(report):
        dv = row.current
        values.append(
            {
                "id": dv.pk if dv else None,
                "indicator": row.indicator.code,
                "option": row.option.code if row.option else None,
                "value": dv.value if dv else None,
                "value_high": dv.value_high if dv else None,
                "numerator": dv.numerator if dv else None,
                "denominator": dv.denominator if dv else None,
                "qualifier": dv.qualifier if dv else "",
                "comment": dv.comment if dv else "",
                "previous": row.previous,
                "source_text": dv.source_text if dv else "",
            }
        )
    return values


def _entries(report: Report, values: list[ValueIn], reason: str = "") -> list:
    """API values → entries; unknown codes and bad numbers raise CellError naming the item."""
    shape = structure(report.form)
    entries = []
    for n, item in enumerate(values, start=1):
        where = f"values[{n}] ({item.indicator}{':' + item.option if item.option else ''})"
        indicator = shape.indicators.get(item.indicator)
        if indicator is None:
            known = Indicator.objects.filter(code=item.indicator).exists()
            raise CellError(
                where,
                "chỉ tiêu không có trong biểu này." if known else "mã chỉ tiêu không có trong danh mục.",
            )
        option = None
        if item.option:
            if not indicator.disaggregation_id:
                raise CellError(where, f"chỉ tiêu «{indicator.code}» không phân tổ; bỏ trường option.")
            options = shape.options[indicator.disaggregation_id]
            option = options.get(item.option)
            if option is None:
                raise CellError(where, f"nhóm phân tổ «{item.option}» không có; dùng: {', '.join(options)}.")
        raw = {
            "value": item.value,
            "numerator": item.numerator,
            "denominator": item.denominator,
            "comment": item.comment,
            "qualifier": item.qualifier,
        }
        entries.append(build_entry(indicator, option, raw, where, reason=item.reason or reason))
    return entries


def _result(report: Report, result=None) -> dict:
    return {
        "id": report.pk,
        "status": report.status,
        "version": report.version,
        "changed": result.changed if result else 0,
        "issues": [i.as_dict() for i in result.issues] if result else [],
    }


def _refusal(exc) -> Status:
    if isinstance(exc, PermissionDenied):
        return Status(403, {"detail": str(exc)})
    if isinstance(exc, actions.StaleReport):
        return Status(409, {"detail": exc.message})
    if isinstance(exc, CellError):
        return Status(422, {"detail": str(exc)})
    return Status(
        422,
        {
            "detail": exc.message,
            "errors": [i.message for i in getattr(exc, "issues", []) if i.is_error],
        },
    )


REFUSALS = (PermissionDenied, actions.ReportingError, CellError)
WRITE = {200: ResultOut, 403: ErrorOut, 409: ErrorOut, 422: ErrorOut}


@router.get("/indicators", response=list[IndicatorOut], summary="Danh mục chỉ tiêu")
def indicators(request):
    return Indicator.objects.select_related("disaggregation").prefetch_related("disaggregation__options")


@router.post(
    "/indicators", response={201: IndicatorOut, 403: ErrorOut, 422: ErrorOut}, summary="Thêm chỉ tiêu"
)
def create_indicator(request, payload: IndicatorIn):
    if Indicator.objects.filter(code=payload.code).exists():
        return Status(422, {"detail": f"Mã chỉ tiêu «{payload.code}» đã có trong danh mục."})
    data = payload.dict()
    disagg = data.pop("disaggregation")
    indicator = Indicator(**data)
    if disagg:
        indicator.disaggregation = Disaggregation.objects.filter(code=disagg).first()
        if indicator.disaggregation is None:
            return Status(
                422, {"detail": f"Phân tổ «{disagg}» không có; dùng recognition_level hoặc ownership."}
            )
    if indicator.value_type == ValueType.RATIO and not (
        indicator.numerator_label and indicator.denominator_label
    ):
        return Status(422, {"detail": "Chỉ tiêu tỷ lệ cần numerator_label và denominator_label."})
    try:
        actions.save_indicator(request.user, indicator)
    except PermissionDenied as exc:
        return Status(403, {"detail": str(exc)})
    return Status(201, indicator)


@router.get("/periods", response=list[PeriodOut], summary="Các kỳ báo cáo")
def periods(request, kind: PeriodKind | None = None):
    qs = Period.objects.order_by("-end")
    return qs.filter(kind=kind) if kind else qs


@router.get("/forms", response=list[FormOut], summary="Biểu mẫu báo cáo")
def forms(request):
    return visible_forms(request.user)


@router.get("/forms/{form_id}", response=FormDetailOut, summary="Một biểu mẫu")
def form_detail(request, form_id: int):
    return get_object_or_404(visible_forms(request.user).prefetch_related("rows__indicator"), pk=form_id)


@router.post(
    "/forms/{form_id}/reports",
    response={201: list[ReportOut], 403: ErrorOut, 422: ErrorOut},
    summary="Giao báo cáo cho một kỳ",
)
def create_reports(request, form_id: int, payload: PeriodIn):
    form = get_object_or_404(visible_forms(request.user), pk=form_id)
    period_form = PeriodForm(payload.dict())
    if not period_form.is_valid():
        return Status(
            422,
            {
                "detail": "Kỳ báo cáo chưa hợp lệ.",
                "errors": [str(e) for e in period_form.errors.values()],
            },
        )
    try:
        created = actions.create_reports(form, period_form.period(), request.user)
    except REFUSALS as exc:
        return _refusal(exc)
    return Status(201, created)


class ReportFilter(Schema):
    status: ReportStatus | None = None
    form: str | None = None
    period_id: int | None = None
    organization_id: int | None = None
    due: DueState | None = Field(None, description="due, late hoặc done: theo hạn nộp")


@router.get("/reports", response=list[ReportOut], summary="Báo cáo trong phạm vi")
def reports(request, filters: Query[ReportFilter], limit: int = 200, offset: int = 0):
    qs = selectors.visible_reports(
        request.user, Report.objects.select_related("form", "organization", "period")
    )
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.form:
        qs = qs.filter(form__code=filters.form)
    if filters.period_id:
        qs = qs.filter(period_id=filters.period_id)
    if filters.organization_id:
        qs = qs.filter(organization_id=filters.organization_id)
    rows = list(qs.order_by("-period__start", "pk")[offset : offset + min(limit, 1000)])
    if filters.due:
        rows = [r for r in rows if r.due_state() == filters.due]
    return rows


@router.get(
    "/reports/{report_id}", response=ReportDetailOut, summary="Một báo cáo, kèm số liệu và kết quả kiểm tra"
)
def report_detail(request, report_id: int):
    return _report(request, report_id)


@router.put("/reports/{report_id}/values", response=WRITE, summary="Lưu nháp số liệu")
def save_values(request, report_id: int, payload: SaveIn):
    report = _report(request, report_id)
    try:
        entries = _entries(report, payload.values, payload.reason)
        result = actions.save_values(
            report, request.user, entries, payload.version, ValueSource.API, payload.reason
        )
    except REFUSALS as exc:
        return _refusal(exc)
    return Status(200, _result(report, result))


@router.post("/reports/{report_id}/submit", response=WRITE, summary="Gửi báo cáo (có thể kèm số liệu)")
def submit(request, report_id: int, payload: SubmitIn):
    report = _report(request, report_id)
    try:
        entries = _entries(report, payload.values) if payload.values else None
        result = actions.submit(report, request.user, payload.version, entries, ValueSource.API)
    except REFUSALS as exc:
        return _refusal(exc)
    return Status(200, _result(report, result))


def _review(request, report_id: int, action, text: str):
    """Return, approve or unlock: one shape for the approver's three actions."""
    report = _report(request, report_id)
    try:
        action(report, request.user, text)
    except REFUSALS as exc:
        return _refusal(exc)
    return Status(200, _result(report))


@router.post("/reports/{report_id}/return", response=WRITE, summary="Trả lại báo cáo kèm lý do")
def return_report(request, report_id: int, payload: ReasonIn):
    return _review(request, report_id, actions.return_report, payload.reason)


@router.post("/reports/{report_id}/approve", response=WRITE, summary="Duyệt và khóa báo cáo")
def approve(request, report_id: int, payload: NoteIn):
    return _review(request, report_id, actions.approve, payload.note)


@router.post("/reports/{report_id}/unlock", response=WRITE, summary="Mở khóa báo cáo đã duyệt kèm lý do")
def unlock(request, report_id: int, payload: ReasonIn):
    return _review(request, report_id, actions.unlock, payload.reason)


@router.get("/values/{value_id}/history", response=list[HistoryOut], summary="Lịch sử một số liệu")
def value_history(request, value_id: int):
    value = get_object_or_404(
        DataValue.objects.filter(organization__in=permissions.visible_organizations(request.user)),
        pk=value_id,
    )
    return [
        {**{f: getattr(c, f) for f in ("at", "field", "old_value", "new_value", "old_text", "new_text", "reason", "source")},
         "user": c.user.username if c.user else None}
        for c in value.changes.select_related("user")
    ]  # fmt: skip


@router.get("/targets", response=list[TargetOut], summary="Chỉ tiêu kế hoạch và mức đạt")
def targets(request):
    qs = selectors.visible_targets(request.user).select_related(
        "indicator", "option", "organization", "period"
    )
    return qs[:1000]


@router.post(
    "/targets",
    response={201: TargetOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Đặt chỉ tiêu kế hoạch",
)
def set_target(request, payload: TargetIn):
    from phoihop.orgs.models import Organization
    from phoihop.programs.models import Agreement

    indicator = get_object_or_404(Indicator, code=payload.indicator)
    org = get_object_or_404(
        permissions.visible_organizations(request.user, Organization.objects.all()),
        pk=payload.organization_id,
    )
    period = get_object_or_404(Period, pk=payload.period_id)
    option = None
    if payload.option:
        option = (
            indicator.disaggregation.options.filter(code=payload.option).first()
            if indicator.disaggregation_id
            else None
        )
        if option is None:
            return Status(422, {"detail": f"Nhóm phân tổ «{payload.option}» không có cho chỉ tiêu này."})
    agreement = (
        get_object_or_404(
            permissions.visible_agreements(request.user, Agreement.objects.all()), pk=payload.agreement_id
        )
        if payload.agreement_id
        else None
    )
    try:
        value = read_number(payload.value, "value")[0]
        target = actions.set_target(request.user, indicator, org, period, value, option, agreement)
    except REFUSALS as exc:
        return _refusal(exc)
    return Status(201, target)


@router.get(
    "/completeness", response=list[CompletenessOut], summary="Tỷ lệ đầy đủ và đúng hạn theo biểu và kỳ"
)
def completeness(request, form: str | None = None, period_id: int | None = None):
    form_obj = get_object_or_404(visible_forms(request.user), code=form) if form else None
    period = get_object_or_404(Period, pk=period_id) if period_id else None
    return [
        {"form": c.form.code, "period": c.period, "due": c.due, "done": c.done, "on_time": c.on_time,
         "approved": c.approved, "completeness": c.completeness, "timeliness": c.timeliness}
        for c in selectors.completeness(request.user, form_obj, period)
    ]  # fmt: skip


@router.post(
    "/imports", response={201: ImportOut, 422: ErrorOut}, summary="Tải tệp Excel lên: xem trước, chưa ghi"
)
def upload(request, file: File[UploadedFile]):
    try:
        if file.size and file.size > settings.UPLOAD_MAX_BYTES:
            raise excel_import.FileRejected(
                f"Tệp «{file.name}» nặng {excel_import.megabytes(file.size)} MB, vượt giới hạn "
                f"{excel_import.megabytes(settings.UPLOAD_MAX_BYTES)} MB."
            )
        batch = excel_import.stage(file.read(), file.name, request.user)
    except excel_import.FileRejected as exc:
        return Status(422, {"detail": exc.message})
    return Status(201, _import_out(batch))


def _import_out(batch) -> dict:
    return {
        "id": batch.pk,
        "file_name": batch.file_name,
        "status": batch.status,
        "changes": batch.changes,
        "errors": batch.errors,
        "warnings": batch.warnings,
        "can_commit": batch.can_commit,
    }


@router.get("/imports/{import_id}", response=ImportOut, summary="Một lần nhập Excel")
def import_detail(request, import_id: int):
    from .models import ImportBatch

    return _import_out(get_object_or_404(ImportBatch, pk=import_id, user=request.user))


@router.post(
    "/imports/{import_id}/commit",
    response={200: dict, 403: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Ghi lần nhập Excel",
)
def import_commit(request, import_id: int):
    from .models import ImportBatch

    batch = get_object_or_404(ImportBatch, pk=import_id, user=request.user)
    try:
        changed = excel_import.commit(batch, request.user)
    except REFUSALS as exc:
        return _refusal(exc)
    return Status(200, {"changed": changed})

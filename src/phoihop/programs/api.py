"""REST API of agreements (mounted at /api/v1/agreements): scoped like the pages, 404 outside the caller's scope,
403 when an agreement is visible but not editable, 422 with messages per field for bad input."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import File, Form, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.files import UploadedFile
from ninja.pagination import PageNumberPagination, paginate

from phoihop.core import permissions

from . import actions, selectors
from .choices import AgreementStatus
from .models import Agreement, Attachment, Task
from .schemas import AgreementIn, AgreementOut, AgreementSummary, AttachmentOut, ErrorOut, TaskIn, TaskOut

router = Router(tags=["agreements"])


class ListFilters(Schema):
    kind: str = ""
    status: str = ""
    year: int | None = None
    party: int | None = None
    q: str = ""


def _party_rows(agreement: Agreement) -> list[dict]:
    return [
        {
            "organization_id": link.organization_id,
            "organization_name": link.organization.name,
            "is_lead": link.is_lead,
            "signing_prefix": link.signing_prefix,
            "signatory_name": link.signatory_name,
            "signatory_title": link.signatory_title,
        }
        for link in agreement.party_links.all()
    ]


def _summary(agreement: Agreement, visible_ids: set[int] | None = None) -> dict:
    def shown(pk):
        return pk if pk and (visible_ids is None or pk in visible_ids) else None

    return {
        "id": agreement.pk,
        "kind": agreement.kind,
        "kind_label": agreement.get_kind_display(),
        "number": agreement.number,
        "title": agreement.title,
        "signed_date": agreement.signed_date,
        "is_signed": agreement.is_signed,
        "period_start_year": agreement.period_start_year,
        "period_end_year": agreement.period_end_year,
        "status": agreement.status,
        "status_label": str(AgreementStatus(agreement.status).label),
        "parent_id": shown(agreement.parent_id),
        "predecessor_id": shown(agreement.predecessor_id),
        "parties": _party_rows(agreement),
    }


def _task_row(task: Task) -> dict:
    return {
        "id": task.pk,
        "title": task.title,
        "description": task.description,
        "content_area": task.content_area.order if task.content_area else None,
        "lead_id": task.lead_id,
        "lead_name": task.lead.name,
        "cooperating_ids": [o.pk for o in task.cooperating.all()],
        "frequency": task.frequency,
        "deadline": task.deadline,
        "status": task.status,
        "is_overdue": task.is_overdue,
    }


def _tasks(agreement: Agreement) -> list[Task]:
    return list(agreement.tasks.select_related("lead", "content_area").prefetch_related("cooperating"))


def _detail(user, agreement: Agreement) -> dict:
    agreement = (
        selectors.scoped_agreements(user).prefetch_related("party_links__organization").get(pk=agreement.pk)
    )
    visible = permissions.visible_agreements(user)
    related = {agreement.parent_id, agreement.predecessor_id} - {None}
    visible_ids = set(visible.filter(pk__in=related).values_list("pk", flat=True))
    data = _summary(agreement, visible_ids)
    data.update(
        place=agreement.place,
        summary=agreement.summary,
        structure=agreement.structure,
        number_seq=agreement.number_seq,
        number_kind=agreement.number_kind,
        number_issuers=agreement.number_issuers,
        successor_ids=list(visible.filter(predecessor=agreement).values_list("pk", flat=True)),
        implementation_ids=list(visible.filter(parent=agreement).values_list("pk", flat=True)),
        content_areas=list(agreement.content_areas.values("id", "order", "title", "description")),
        chapters=list(agreement.chapters.values("number", "title")),
        articles=[
            {
                "number": a.number,
                "title": a.title,
                "body": a.body,
                "chapter": a.chapter.number if a.chapter else None,
            }
            for a in agreement.articles.select_related("chapter")
        ],
        tasks=[_task_row(t) for t in _tasks(agreement)],
    )
    return data


def _visible(request: HttpRequest, agreement_id: int) -> Agreement:
    return get_object_or_404(permissions.visible_agreements(request.user), pk=agreement_id)


def _editable(request: HttpRequest, agreement_id: int) -> Agreement:
    agreement = _visible(request, agreement_id)
    if not permissions.can_edit_agreement(request.user, agreement):
        raise HttpError(403, "Bạn không có quyền sửa văn bản này.")
    return agreement


def _invalid(exc: ValidationError) -> Status:
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    return Status(
        422,
        {
            "detail": "Dữ liệu chưa hợp lệ: " + "; ".join(m for ms in errors.values() for m in ms),
            "errors": errors,
        },
    )


class SummaryPages(PageNumberPagination):
    """Page through the queryset, then shape only the rows of the page."""

    def paginate_queryset(self, queryset, pagination, **params):
        result = super().paginate_queryset(queryset, pagination, **params)
        result["items"] = [_summary(a) for a in result["items"]]
        return result


@router.get("", response=list[AgreementSummary], summary="Danh sách văn bản phối hợp trong phạm vi")
@paginate(SummaryPages, page_size=25)
def list_agreements(request, filters: Query[ListFilters]):
    parsed = selectors.AgreementFilters.from_params(
        {k: "" if v is None else str(v) for k, v in filters.dict().items()}
    )
    return selectors.list_agreements(request.user, parsed)


@router.post("", response={201: AgreementOut, 403: ErrorOut, 422: ErrorOut}, summary="Tạo văn bản phối hợp")
def create_agreement(request, payload: AgreementIn):
    try:
        agreement = actions.create_agreement(request.user, payload.to_data())
    except ValidationError as exc:
        return _invalid(exc)
    except PermissionDenied as exc:
        return Status(403, {"detail": str(exc)})
    return Status(201, {**_detail(request.user, agreement), "warnings": agreement.warnings})


@router.get(
    "/{int:agreement_id}", response=AgreementOut, summary="Chi tiết văn bản, các bên, nội dung, nhiệm vụ"
)
def get_agreement(request, agreement_id: int):
    return _detail(request.user, _visible(request, agreement_id))


@router.put(
    "/{int:agreement_id}",
    response={200: AgreementOut, 403: ErrorOut, 422: ErrorOut},
    summary="Sửa văn bản (danh sách lồng nhau để trống thì giữ nguyên)",
)
def update_agreement(request, agreement_id: int, payload: AgreementIn):
    agreement = _editable(request, agreement_id)
    try:
        agreement = actions.update_agreement(request.user, agreement, payload.to_data())
    except ValidationError as exc:
        return _invalid(exc)
    except PermissionDenied as exc:
        return Status(403, {"detail": str(exc)})
    return Status(200, {**_detail(request.user, agreement), "warnings": agreement.warnings})


@router.get("/{int:agreement_id}/tasks", response=list[TaskOut], summary="Nhiệm vụ của văn bản")
def list_tasks(request, agreement_id: int):
    return [_task_row(t) for t in _tasks(_visible(request, agreement_id))]


@router.post(
    "/{int:agreement_id}/tasks",
    response={201: TaskOut, 403: ErrorOut, 422: ErrorOut},
    summary="Thêm nhiệm vụ",
)
def create_task(request, agreement_id: int, payload: TaskIn):
    agreement = _editable(request, agreement_id)
    try:
        task = actions.add_task(request.user, agreement, payload.to_data())
    except ValidationError as exc:
        return _invalid(exc)
    task = Task.objects.select_related("lead", "content_area").prefetch_related("cooperating").get(pk=task.pk)
    return Status(201, _task_row(task))


def _attachment_row(attachment: Attachment) -> dict:
    return {
        "id": attachment.pk,
        "original_name": attachment.original_name,
        "description": attachment.description,
        "size": attachment.size,
        "sha256": attachment.sha256,
        "content_type": attachment.content_type,
        "created_at": attachment.created_at,
        "download_url": reverse(
            "api:download_attachment",
            kwargs={"agreement_id": attachment.agreement_id, "attachment_id": attachment.pk},
        ),
    }


@router.get("/{int:agreement_id}/attachments", response=list[AttachmentOut], summary="Tài liệu đính kèm")
def list_attachments(request, agreement_id: int):
    return [_attachment_row(a) for a in _visible(request, agreement_id).attachments.all()]


@router.post(
    "/{int:agreement_id}/attachments",
    response={201: AttachmentOut, 403: ErrorOut, 422: ErrorOut},
    summary="Tải lên tài liệu (PDF, Word, Excel, ảnh; kiểm tra dung lượng, loại tệp và trùng lặp)",
)
def upload_attachment(request, agreement_id: int, file: File[UploadedFile], description: Form[str] = ""):
    agreement = _editable(request, agreement_id)
    try:
        attachment = actions.add_attachment(request.user, agreement, file, description)
    except ValidationError as exc:
        return _invalid(exc)
    return Status(201, _attachment_row(attachment))


@router.get(
    "/{int:agreement_id}/attachments/{int:attachment_id}",
    url_name="download_attachment",
    summary="Tải về tài liệu đính kèm",
)
def download_attachment(request, agreement_id: int, attachment_id: int):
    agreement = _visible(request, agreement_id)
    attachment = get_object_or_404(Attachment, pk=attachment_id, agreement=agreement)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404("Tệp không còn trên máy chủ.")
    return FileResponse(
        handle, as_attachment=True, filename=attachment.original_name, content_type=attachment.content_type
    )

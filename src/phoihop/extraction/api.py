"""REST API of the report reader: read a text without storing it, or upload a file for review (scoped)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from ninja import File, Form, Router, Schema
from ninja.errors import HttpError
from ninja.files import UploadedFile

from phoihop.core import permissions

from . import actions
from .engine.errors import ExtractionError
from .engine.extractor import extract
from .models import SourceDocument
from .views import visible_documents

router = Router(tags=["extraction"])

MAX_TEXT_CHARS = 2_000_000


class TextIn(Schema):
    text: str
    url: str | None = None


class ProposalOut(Schema):
    id: int
    kind: str
    data: dict
    sentence: str
    indicator: str | None
    option: str | None
    period: str | None
    organization_id: int | None
    decision: str


class DocumentOut(Schema):
    id: int
    title: str
    original_name: str
    encoding: str
    organization_id: int
    status: str
    result: dict
    proposals: list[ProposalOut]


def _document_out(document: SourceDocument) -> dict:
    proposals = document.proposals.select_related("indicator", "option", "period")
    return {
        "id": document.pk,
        "title": str(document),
        "original_name": document.original_name,
        "encoding": document.encoding,
        "organization_id": document.organization_id,
        "status": document.status,
        "result": document.result,
        "proposals": [
            {
                "id": p.pk,
                "kind": p.kind,
                "data": p.data,
                "sentence": p.sentence,
                "indicator": p.indicator.code if p.indicator else None,
                "option": p.option.code if p.option else None,
                "period": p.period.label if p.period else None,
                "organization_id": p.organization_id,
                "decision": p.decision,
            }
            for p in proposals
        ],
    }


@router.post("/extract", response=dict, summary="Đọc một đoạn văn bản (không lưu)")
def extract_text(request, payload: TextIn):
    if len(payload.text) > MAX_TEXT_CHARS:
        raise HttpError(413, f"Văn bản dài quá {MAX_TEXT_CHARS:,} ký tự; hãy chia nhỏ.".replace(",", "."))
    if not payload.text.strip():
        raise HttpError(400, "Văn bản trống: không có gì để đọc.")
    return extract(payload.text, url=payload.url)


@router.post("/documents", response={201: DocumentOut}, summary="Tải lên một văn bản để đọc và xác nhận")
def upload(request, organization_id: int = Form(...), file: UploadedFile = File(...)):
    organization = permissions.visible_organizations(request.user).filter(pk=organization_id).first()
    if organization is None:
        raise HttpError(404, "Không tìm thấy đơn vị trong phạm vi của bạn.")
    try:
        document = actions.ingest(request.user, organization, file.name or "van-ban.txt", file.read())
    except ExtractionError as exc:
        raise HttpError(400, exc.message_vi)
    except PermissionDenied as exc:
        raise HttpError(403, str(exc))
    return 201, _document_out(document)


@router.get("/documents", response=list[DocumentOut], summary="Văn bản đã đọc (trong phạm vi đơn vị)")
def list_documents(request, limit: int = 50, offset: int = 0):
    limit = max(1, min(limit, 200))
    return [_document_out(d) for d in visible_documents(request.user)[offset : offset + limit]]


@router.get("/documents/{document_id}", response=DocumentOut)
def get_document(request, document_id: int):
    return _document_out(get_object_or_404(visible_documents(request.user), pk=document_id))


class DecisionIn(Schema):
    decision: str
    indicator: str | None = None
    option: str | None = None
    period_id: int | None = None
    organization_id: int | None = None


@router.post("/documents/{document_id}/proposals/{proposal_id}", response=ProposalOut)
def decide(request, document_id: int, proposal_id: int, payload: DecisionIn):
    from django.core.exceptions import ValidationError

    from phoihop.reporting.models import DisaggregationOption, Indicator, Period

    document = get_object_or_404(visible_documents(request.user), pk=document_id)
    proposal = get_object_or_404(document.proposals, pk=proposal_id)
    changes: dict = {}
    if payload.indicator is not None:
        changes["indicator"] = Indicator.objects.filter(code=payload.indicator).first()
        if changes["indicator"] is None:
            raise HttpError(400, f"Không có chỉ tiêu mã «{payload.indicator}».")
    if payload.option is not None:
        indicator = changes.get("indicator") or proposal.indicator
        changes["option"] = DisaggregationOption.objects.filter(
            code=payload.option, disaggregation_id=getattr(indicator, "disaggregation_id", None)
        ).first()
        if changes["option"] is None:
            raise HttpError(400, f"Nhóm phân tổ «{payload.option}» không thuộc chỉ tiêu này.")
    if payload.period_id is not None:
        changes["period"] = get_object_or_404(Period, pk=payload.period_id)
    if payload.organization_id is not None:
        changes["organization"] = get_object_or_404(
            permissions.organizations_for(request.user, "edit"), pk=payload.organization_id
        )
    try:
        actions.decide(request.user, proposal, payload.decision, changes)
    except ValidationError as exc:
        raise HttpError(400, "; ".join(exc.messages))
    except PermissionDenied as exc:
        raise HttpError(403, str(exc))
    return next(p for p in _document_out(document)["proposals"] if p["id"] == proposal.pk)


@router.post("/documents/{document_id}/confirm", response=dict, summary="Ghi các đề xuất đã chấp nhận")
def confirm(request, document_id: int):
    document = get_object_or_404(visible_documents(request.user), pk=document_id)
    try:
        return actions.confirm(request.user, document)
    except actions.ConfirmError as exc:
        raise HttpError(400, "; ".join(exc.messages))
    except PermissionDenied as exc:
        raise HttpError(403, str(exc))

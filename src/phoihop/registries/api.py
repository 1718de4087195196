"""REST API of the registries app (mounted under /api/v1/registries/): the same generic mechanism as the
pages — list with search and filters, read, create, update, delete, Excel import (preview or commit) and
export — plus the initiative leaderboard and the typed-versus-registry comparison."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Body, File, Form, Router, Schema
from ninja.files import UploadedFile
from ninja.responses import Status

from phoihop.core import permissions

from . import excel
from .actions import RegistryError, delete_record, save_record
from .comparison import compare
from .leaderboards import initiative_leaderboard
from .registry import Context, Registry, all_registries, get_registry
from .views import COUNT_CAP, XLSX

router = Router(tags=["registries"])


class RegistryOut(Schema):
    slug: str
    title: str
    group: str
    count: int
    indicators: list[str]
    columns: list[dict[str, Any]]


class RecordOut(Schema):
    id: int
    label: str
    values: dict[str, Any]
    display: dict[str, str]


class RecordPage(Schema):
    count: int
    page: int
    items: list[RecordOut]


class ErrorOut(Schema):
    detail: str
    errors: dict[str, str] = {}


class ImportOut(Schema):
    committed: bool
    rows: int
    new: int
    update: int
    same: int
    error: int
    errors: list[dict[str, Any]]
    unknown_columns: list[str]


class StandingOut(Schema):
    rank: int
    label: str
    organization_id: int | None
    initiatives: int
    recognised: int
    benefit_vnd: int
    target: int | None
    achievement: float | None
    cluster: str


class ComparisonOut(Schema):
    indicator: str
    option: str | None
    typed: float | None
    typed_high: float | None
    qualifier: str
    registry: float | None
    numerator: float | None
    denominator: float | None
    status: str


def _registry(slug: str) -> Registry:
    registry = get_registry(slug)
    if registry is None:
        raise Http404
    return registry


def _json(value):
    if hasattr(value, "pk"):
        return {"id": value.pk, "name": str(value)}
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_json(v) for v in value]
    return value


def _out(registry: Registry, obj) -> dict:
    values = registry.values_of(obj)
    return {
        "id": obj.pk,
        "label": str(obj),
        "values": {k: _json(v) for k, v in values.items()},
        "display": {c.name: c.show(values.get(c.name)) for c in registry.model_columns},
    }


@router.get("/", response=list[RegistryOut], summary="Các sổ theo dõi và số bản ghi trong phạm vi")
def list_registries(request):
    return [
        {
            "slug": r.slug,
            "title": r.title,
            "group": r.group,
            "count": r.queryset(request.user).count(),
            "indicators": list(r.indicators),
            "columns": [
                {"name": c.name, "label": c.label, "kind": c.kind, "required": bool(c.required)}
                for c in r.columns
            ],
        }
        for r in all_registries()
    ]


@router.get("/leaderboard", response=list[StandingOut], summary="Bảng xếp hạng sáng kiến")
def leaderboard(request, organization: int, movement: int | None = None, by: str = "unit"):
    org = get_object_or_404(permissions.visible_organizations(request.user), pk=organization)
    from .refs import resolver_for

    chosen = None
    if movement is not None:
        chosen = resolver_for("movement", request.user).by_id.get(movement)
        if chosen is None:
            raise Http404
    rows = initiative_leaderboard(org, movement=chosen, by="cluster" if by == "cluster" else "unit")
    return [
        {
            "rank": r.rank,
            "label": r.label,
            "organization_id": r.org.pk if r.org else None,
            "initiatives": r.initiatives,
            "recognised": r.recognised,
            "benefit_vnd": r.benefit_vnd,
            "target": r.target,
            "achievement": float(r.achievement) if r.achievement is not None else None,
            "cluster": r.cluster,
        }
        for r in rows
    ]


@router.get("/comparison", response=list[ComparisonOut], summary="Đối chiếu số báo cáo với số tính từ sổ")
def comparison(request, organization: int, period: int):
    from phoihop.reporting.models import Period

    org = get_object_or_404(permissions.visible_organizations(request.user), pk=organization)
    chosen = get_object_or_404(Period, pk=period)

    def num(value):
        return float(value) if value is not None else None

    return [
        {
            "indicator": line.indicator.code,
            "option": line.option.code if line.option else None,
            "typed": num(line.typed),
            "typed_high": num(line.typed_high),
            "qualifier": line.qualifier,
            "registry": num(line.registry),
            "numerator": num(line.numerator),
            "denominator": num(line.denominator),
            "status": line.status,
        }
        for line in compare(org, chosen)
    ]


@router.get(
    "/{slug}", response=RecordPage, summary="Danh sách bản ghi của một sổ (tìm không dấu, lọc, phân trang)"
)
def list_records(request, slug: str, q: str = "", page: int = 1, page_size: int = 50):
    registry = _registry(slug)
    qs = registry.queryset(request.user)
    if q:
        qs = registry.search(qs, q)
    qs = registry.apply_filters(qs, request.GET)
    page, page_size = max(page, 1), min(max(page_size, 1), 500)
    items = list(qs[(page - 1) * page_size : page * page_size])
    return {
        "count": qs[: COUNT_CAP + 1].count(),
        "page": page,
        "items": [_out(registry, obj) for obj in items],
    }


@router.get("/{slug}/export", summary="Xuất Excel (cùng bộ lọc như danh sách)")
def export(request, slug: str, q: str = ""):
    registry = _registry(slug)
    qs = registry.queryset(request.user)
    if q:
        qs = registry.search(qs, q)
    qs = registry.apply_filters(qs, request.GET)
    response = HttpResponse(
        excel.export_workbook(registry, qs, Context(request.user, registry)), content_type=XLSX
    )
    response["Content-Disposition"] = f'attachment; filename="{slug}.xlsx"'
    return response


@router.post(
    "/{slug}/import",
    response={200: ImportOut, 400: ErrorOut, 403: ErrorOut, 422: ImportOut},
    summary="Nhập Excel: xem trước (commit=false) hoặc ghi vào sổ (commit=true) trong một giao dịch",
)
def import_file(request, slug: str, file: File[UploadedFile], commit: Form[bool] = False):
    registry = _registry(slug)
    if not permissions.is_global(request.user) and not permissions.roots(request.user, "edit"):
        return Status(403, {"detail": "Bạn không có quyền nhập dữ liệu vào sổ."})
    data = file.read()
    try:
        if commit:
            preview = excel.commit_import(registry, request.user, data)
        else:
            preview = excel.build_preview(registry, request.user, data)
    except excel.FileError as exc:
        return Status(400, {"detail": str(exc)})
    except excel.ImportRejected as exc:
        return Status(422, {"committed": False, **exc.preview.summary()})
    status = 422 if preview.has_errors else 200
    return Status(status, {"committed": bool(commit) and not preview.has_errors, **preview.summary()})


@router.get("/{slug}/{record_id}", response=RecordOut, summary="Một bản ghi")
def get_record(request, slug: str, record_id: int):
    registry = _registry(slug)
    return _out(registry, get_object_or_404(registry.queryset(request.user), pk=record_id))


def _write(request, registry: Registry, payload: dict, instance=None, partial=False):
    try:
        obj = save_record(registry, request.user, payload, instance=instance, partial=partial)
    except RegistryError as exc:
        return Status(422, {"detail": "Dữ liệu chưa hợp lệ, chưa ghi gì vào sổ.", "errors": exc.errors})
    return Status(200 if instance is not None else 201, _out(registry, obj))


@router.post("/{slug}", response={201: RecordOut, 403: ErrorOut, 422: ErrorOut}, summary="Thêm bản ghi")
def create_record(request, slug: str, payload: dict[str, Any] = Body(...)):
    registry = _registry(slug)
    if not permissions.is_global(request.user) and not permissions.roots(request.user, "edit"):
        return Status(403, {"detail": "Bạn không có quyền thêm bản ghi."})
    return _write(request, registry, payload)


@router.patch(
    "/{slug}/{record_id}",
    response={200: RecordOut, 403: ErrorOut, 422: ErrorOut},
    summary="Sửa bản ghi (các cột gửi lên)",
)
def update_record(request, slug: str, record_id: int, payload: dict[str, Any] = Body(...)):
    registry = _registry(slug)
    obj = get_object_or_404(registry.queryset(request.user), pk=record_id)
    if not registry.can_edit(request.user, obj):
        return Status(403, {"detail": "Bạn không có quyền sửa bản ghi này."})
    return _write(request, registry, payload, instance=obj, partial=True)


@router.delete(
    "/{slug}/{record_id}", response={204: None, 403: ErrorOut, 409: ErrorOut}, summary="Xóa bản ghi"
)
def remove_record(request, slug: str, record_id: int):
    registry = _registry(slug)
    obj = get_object_or_404(registry.queryset(request.user), pk=record_id)
    if not registry.can_edit(request.user, obj):
        return Status(403, {"detail": "Bạn không có quyền xóa bản ghi này."})
    try:
        delete_record(registry, request.user, obj)
    except RegistryError as exc:
        return Status(409, {"detail": "; ".join(exc.errors.values())})
    return Status(204, None)

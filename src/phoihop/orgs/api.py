"""REST API of the orgs app (mounted under /api/v1/organizations): organisations, administrative units, people."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import PageNumberPagination, paginate

from phoihop.core import permissions
from phoihop.core.text import fold

from . import actions, selectors
from .choices import OrgKind, OrgLevel, Ownership, UnitLevel
from .models import AdminUnit, AdminUnitSuccession, Organization

router = Router(tags=["orgs"])


class Pagination(PageNumberPagination):
    class Input(Schema):
        page: int = Field(1, ge=1)
        page_size: int = Field(50, ge=1, le=200)

    def paginate_queryset(self, queryset, pagination: Input, **params):
        offset = (pagination.page - 1) * pagination.page_size
        return {
            "items": queryset[offset : offset + pagination.page_size],
            "count": self._items_count(queryset),
        }


class UnitRef(Schema):
    id: int
    code: str
    name: str
    division_type: str
    level: UnitLevel
    is_legacy: bool
    label: str


class UnitOut(UnitRef):
    valid_from: dt.date | None
    valid_to: dt.date | None
    parent: UnitRef | None
    province: UnitRef | None


class UnitLinkOut(Schema):
    unit: UnitRef
    is_partly_merged: bool


class UnitDetailOut(UnitOut):
    successors: list[UnitLinkOut] = Field(description="Đơn vị hiện hành nhận địa bàn của đơn vị cũ này")
    predecessors: list[UnitLinkOut] = Field(description="Đơn vị cũ hợp thành đơn vị hiện hành này")


class OrgRef(Schema):
    id: int
    name: str
    kind: OrgKind
    level: OrgLevel


class OrgOut(OrgRef):
    short_name: str
    abbreviation: str
    parent_id: int | None
    depth: int
    admin_unit: UnitRef | None
    counterpart_id: int | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    tax_code: str
    ownership: str
    employees: int | None
    address: str


class OrgDetailOut(OrgOut):
    note: str
    ancestors: list[OrgRef] = Field(description="Đơn vị cấp trên trong phạm vi của người gọi, từ gốc xuống")
    current_units: list[UnitLinkOut] = Field(
        description="Với địa bàn cũ: đơn vị hành chính hiện hành tương ứng"
    )
    children_count: int


class OrgIn(Schema):
    name: str = Field(..., min_length=1, max_length=255)
    kind: OrgKind
    level: OrgLevel
    parent_id: int | None = None
    admin_unit_id: int | None = None
    counterpart_id: int | None = None
    short_name: str = ""
    abbreviation: str = ""
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    tax_code: str = ""
    ownership: Ownership | None = None
    employees: int | None = Field(None, ge=0)
    address: str = ""
    note: str = ""


class OrgPatch(Schema):
    name: str | None = Field(None, min_length=1, max_length=255)
    kind: OrgKind | None = None
    level: OrgLevel | None = None
    parent_id: int | None = None
    admin_unit_id: int | None = None
    counterpart_id: int | None = None
    short_name: str | None = None
    abbreviation: str | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    tax_code: str | None = None
    ownership: Ownership | None = None
    employees: int | None = Field(None, ge=0)
    address: str | None = None
    note: str | None = None


class ErrorOut(Schema):
    detail: str
    errors: dict[str, list[str]] = {}


class PersonOut(Schema):
    id: int
    full_name: str
    title: str
    title_as_of: dt.date | None
    organization: OrgRef | None


class OrgFiltersIn(Schema):
    q: str = Field("", description="Tìm không cần dấu: tên đơn vị, tên địa bàn (cũ hoặc hiện hành)")
    kind: OrgKind | None = None
    level: OrgLevel | None = None
    parent: int | None = Field(None, description="Chỉ các đơn vị trực thuộc đơn vị này")


def _unit_ref(unit: AdminUnit | None) -> dict | None:
    if unit is None:
        return None
    return {
        "id": unit.pk,
        "code": unit.code,
        "name": unit.name,
        "division_type": unit.division_type,
        "level": unit.level,
        "is_legacy": unit.is_legacy,
        "label": unit.label,
    }


def _org_out(org: Organization) -> dict:
    return {
        "id": org.pk,
        "name": org.name,
        "kind": org.kind,
        "level": org.level,
        "short_name": org.short_name,
        "abbreviation": org.abbreviation,
        "parent_id": org.parent_id,
        "depth": org.depth,
        "admin_unit": _unit_ref(org.admin_unit),
        "counterpart_id": org.counterpart_id,
        "valid_from": org.valid_from,
        "valid_to": org.valid_to,
        "tax_code": org.tax_code,
        "ownership": org.ownership,
        "employees": org.employees,
        "address": org.address,
    }


def _org_detail(request, org: Organization) -> dict:
    links = AdminUnitSuccession.objects.filter(old=org.admin_unit).select_related(
        "new", "new__parent", "new__province"
    )
    return {
        **_org_out(org),
        "note": org.note,
        "ancestors": [a for a, visible in selectors.visible_ancestors(request.user, org) if visible],
        "current_units": [
            {"unit": _unit_ref(link.new), "is_partly_merged": link.is_partly_merged}
            for link in (links if org.admin_unit_id and org.admin_unit.is_legacy else [])
        ],
        "children_count": permissions.visible_organizations(request.user, org.children.all()).count(),
    }


def _visible(request, org_id: int) -> Organization:
    qs = permissions.visible_organizations(request.user).select_related(
        "admin_unit", "admin_unit__parent", "admin_unit__province"
    )
    return get_object_or_404(qs, pk=org_id)


def _errors(exc: ValidationError) -> dict:
    """422 body: a sentence naming each field, and the messages per field (API field names)."""
    errors = {_api_field(k): v for k, v in exc.message_dict.items()}
    detail = "; ".join(f"{k}: {' '.join(v)}" for k, v in errors.items())
    return {"detail": f"Dữ liệu chưa hợp lệ – {detail}", "errors": errors}


def _api_field(field: str) -> str:
    return f"{field}_id" if field in ("parent", "admin_unit", "counterpart") else field


def _fields(payload: Schema, exclude_unset: bool) -> dict:
    data = payload.dict(exclude_unset=exclude_unset)
    out = {}
    for key, value in data.items():
        name = key[:-3] if key in ("parent_id", "admin_unit_id", "counterpart_id") else key
        if name == "ownership" and value is None:
            value = ""
        out[name] = value
    return out


@router.get("/", response=list[OrgOut], summary="Danh sách đơn vị (trong phạm vi người dùng)")
@paginate(Pagination)
def list_organizations(request, filters: Query[OrgFiltersIn]):
    params = selectors.OrgFilters(
        q=filters.q.strip()[:200], kind=filters.kind or "", level=filters.level or "", parent=filters.parent
    )
    return selectors.search_organizations(request.user, params)


@router.get(
    "/admin-units", response=list[UnitOut], summary="Tìm đơn vị hành chính (cũ và hiện hành) theo tên"
)
def search_admin_units(
    request,
    q: str = Query(..., min_length=1, description="Tên, không cần dấu: 'hai ba trung', 'ben tre'"),
    era: str = Query("", description="current (từ 01/7/2025), legacy (trước đó) hoặc để trống"),
    level: UnitLevel | None = None,
    limit: int = Query(30, ge=1, le=100),
):
    return [
        {
            **_unit_ref(u),
            "valid_from": u.valid_from,
            "valid_to": u.valid_to,
            "parent": _unit_ref(u.parent),
            "province": _unit_ref(u.province),
        }
        for u in selectors.search_units(q, era, level or "", limit)
    ]


@router.get(
    "/admin-units/{unit_id}", response=UnitDetailOut, summary="Đơn vị hành chính và liên kết cũ → mới"
)
def admin_unit_detail(request, unit_id: int):
    unit = get_object_or_404(AdminUnit.objects.select_related("parent", "province"), pk=unit_id)
    links = selectors.unit_links(unit)
    return {
        **_unit_ref(unit),
        "valid_from": unit.valid_from,
        "valid_to": unit.valid_to,
        "parent": _unit_ref(unit.parent),
        "province": _unit_ref(unit.province),
        "successors": [
            {"unit": _unit_ref(x.new), "is_partly_merged": x.is_partly_merged} for x in links["successors"]
        ],
        "predecessors": [
            {"unit": _unit_ref(x.old), "is_partly_merged": x.is_partly_merged} for x in links["predecessors"]
        ],
    }


@router.get("/people", response=list[PersonOut], summary="Cá nhân (cán bộ) thuộc các đơn vị trong phạm vi")
@paginate(Pagination)
def list_people(request, q: str = "", organization: int | None = None):
    people = selectors.visible_people(request.user).order_by("full_name")
    for word in fold(q).split():
        people = people.filter(name_folded__contains=word)
    if organization:
        people = people.filter(organization_id=organization)
    return people


@router.get("/people/{person_id}", response=PersonOut, summary="Một cá nhân")
def person_detail(request, person_id: int):
    return get_object_or_404(selectors.visible_people(request.user), pk=person_id)


@router.get("/{org_id}", response=OrgDetailOut, summary="Một đơn vị")
def organization_detail(request, org_id: int):
    return _org_detail(request, _visible(request, org_id))


@router.get("/{org_id}/children", response=list[OrgOut], summary="Các đơn vị trực thuộc")
def organization_children(request, org_id: int):
    org = _visible(request, org_id)
    return [_org_out(o) for o in selectors.children(request.user, org)]


@router.post("/", response={201: OrgDetailOut, 403: ErrorOut, 422: ErrorOut}, summary="Thêm đơn vị")
def create_organization(request, payload: OrgIn):
    try:
        org = actions.create_organization(request.user, **_fields(payload, exclude_unset=False))
    except ValidationError as exc:
        return Status(422, _errors(exc))
    except PermissionDenied as exc:
        return Status(403, {"detail": str(exc)})
    return Status(201, _org_detail(request, _visible(request, org.pk)))


@router.patch("/{org_id}", response={200: OrgDetailOut, 403: ErrorOut, 422: ErrorOut}, summary="Sửa đơn vị")
def update_organization(request, org_id: int, payload: OrgPatch):
    org = _visible(request, org_id)
    try:
        org = actions.update_organization(request.user, org, **_fields(payload, exclude_unset=True))
    except ValidationError as exc:
        return Status(422, _errors(exc))
    except PermissionDenied as exc:
        return Status(403, {"detail": str(exc)})
    return Status(200, _org_detail(request, _visible(request, org.pk)))

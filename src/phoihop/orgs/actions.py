"""The one write path for organisations and people: views, API, commands and the demo call these."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from phoihop.core import permissions
from phoihop.core.changelog import record, snapshot
from phoihop.core.models import ChangeLogEntry

from .models import AdminUnit, Organization, Person
from .rules import validate_organization

CREATE, UPDATE = ChangeLogEntry.Action.CREATE, ChangeLogEntry.Action.UPDATE

EDITABLE_FIELDS = (
    "name",
    "short_name",
    "abbreviation",
    "kind",
    "level",
    "parent",
    "admin_unit",
    "counterpart",
    "valid_from",
    "valid_to",
    "tax_code",
    "ownership",
    "employees",
    "address",
    "note",
)


def _is_system(user) -> bool:
    """user=None is trusted code (demo, migrations, commands run by the operator): no scoping."""
    return user is None


def resolve_admin_unit(value) -> AdminUnit | None:
    """An AdminUnit from an instance, an id or None; an unknown id is a clear error on the admin_unit field."""
    if value in (None, ""):
        return None
    if isinstance(value, AdminUnit):
        return value
    unit = AdminUnit.objects.filter(pk=value).first() if str(value).isdigit() else None
    if unit is None:
        raise ValidationError(
            {
                "admin_unit": _(
                    "Địa bàn không tồn tại: không có đơn vị hành chính số %(value)s. "
                    "Hãy tìm theo tên (không cần gõ dấu) và chọn địa bàn trong danh sách."
                )
                % {"value": value}
            }
        )
    return unit


def _resolve_org(user, field: str, value, label: str) -> Organization | None:
    """A parent or counterpart the user may see; anything else reads as "does not exist" (no probing)."""
    if value in (None, ""):
        return None
    pk = value.pk if isinstance(value, Organization) else value
    qs = Organization.objects.all() if _is_system(user) else permissions.visible_organizations(user)
    org = qs.filter(pk=pk).first() if str(pk).isdigit() else None
    if org is None:
        raise ValidationError(
            {field: _("%(label)s không tồn tại hoặc nằm ngoài phạm vi đơn vị của bạn.") % {"label": label}}
        )
    return org


def _validate(org: Organization, require_unit: bool) -> None:
    errors: dict[str, list[str]] = {}
    try:
        org.clean_fields(exclude=["path", "depth", "name_folded", "created_by", "updated_by"])
    except ValidationError as exc:
        errors.update(exc.message_dict)
    try:
        validate_organization(org, require_unit=require_unit)
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            errors.setdefault(field, []).extend(m for m in messages if m not in errors.get(field, []))
    if errors:
        raise ValidationError(errors)


def _check_children(org: Organization) -> None:
    """Changing kind or level must keep the units below valid (a grassroots union cannot end up under a UBND)."""
    for child in org.children.all():
        child.parent = org
        try:
            validate_organization(child, require_unit=False)
        except ValidationError as exc:
            if "parent" in exc.message_dict or "level" in exc.message_dict:
                raise ValidationError(
                    {
                        "kind": _(
                            "Không thể đổi loại hoặc cấp: đơn vị trực thuộc “%(child)s” sẽ không còn phù hợp. "
                            "Hãy chuyển đơn vị đó sang đơn vị cấp trên khác trước."
                        )
                        % {"child": child.name}
                    }
                )


def _apply(org: Organization, user, fields: dict) -> None:
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    errors: dict[str, list[str]] = {}
    for field, value in fields.items():
        try:
            if field == "admin_unit":
                value = resolve_admin_unit(value)
            elif field in ("parent", "counterpart"):
                pk = value.pk if isinstance(value, Organization) else value
                if pk not in (None, "") and str(pk) == str(getattr(org, f"{field}_id")):
                    continue  # unchanged: may lie outside the user's scope (the city federation above a district)
                label = _("Đơn vị cấp trên") if field == "parent" else _("Cơ quan phối hợp cùng cấp")
                value = _resolve_org(user, field, value, label)
            elif isinstance(value, str):
                value = value.strip()
        except ValidationError as exc:
            errors.update(exc.message_dict)
            continue
        setattr(org, field, value if value is not None or field not in _TEXT_FIELDS else "")
    if errors:
        raise ValidationError(errors)


_TEXT_FIELDS = {"short_name", "abbreviation", "tax_code", "ownership", "address", "note"}


@transaction.atomic
def create_organization(user, *, require_unit: bool = True, **fields) -> Organization:
    """Create an organisation under a parent the user may edit (only administrators create top-level ones)."""
    org = Organization()
    _apply(org, user, fields)
    if not _is_system(user):
        if org.parent is None and not permissions.is_global(user):
            raise ValidationError({"parent": _("Chọn đơn vị cấp trên (trong phạm vi đơn vị của bạn).")})
        if org.parent is not None and not permissions.can(user, "edit", org.parent):
            raise PermissionDenied(
                _("Bạn không có quyền thêm đơn vị trực thuộc %(org)s.") % {"org": org.parent}
            )
    _validate(org, require_unit)
    org.created_by = org.updated_by = permissions.actor(user)
    org.save()
    record(org, CREATE, user)
    return org


@transaction.atomic
def update_organization(user, org: Organization, *, require_unit: bool = True, **fields) -> Organization:
    """Change an organisation; a new parent moves it with its whole subtree and must be editable too."""
    org = Organization.objects.select_for_update().get(pk=org.pk)
    if not _is_system(user) and not permissions.can(user, "edit", org):
        raise PermissionDenied(_("Bạn không có quyền sửa %(org)s.") % {"org": org})
    before = snapshot(org)
    old_parent, old_kind, old_level = org.parent_id, org.kind, org.level
    _apply(org, user, fields)
    if org.parent_id != old_parent and not _is_system(user):
        if org.parent is None:
            if not permissions.is_global(user):
                raise ValidationError(
                    {"parent": _("Chỉ quản trị hệ thống mới đặt được đơn vị cấp cao nhất.")}
                )
        elif not permissions.can(user, "edit", org.parent):
            raise PermissionDenied(_("Bạn không có quyền chuyển đơn vị vào %(org)s.") % {"org": org.parent})
    # The unit is required when the caller sets it; older records without one stay editable.
    _validate(org, require_unit and "admin_unit" in fields)
    if (org.kind, org.level) != (old_kind, old_level):
        _check_children(org)
    org.updated_by = permissions.actor(user)
    org.save()
    record(org, UPDATE, user, before)
    return org


def move_organization(user, org: Organization, new_parent: Organization | None) -> Organization:
    return update_organization(user, org, parent=new_parent)


@transaction.atomic
def create_person(user, *, full_name: str, title: str = "", organization=None, title_as_of=None) -> Person:
    """A named official; their unit must be one the user may edit."""
    full_name = (full_name or "").strip()
    if not full_name:
        raise ValidationError({"full_name": _("Nhập họ và tên.")})
    org = _resolve_org(user, "organization", organization, _("Đơn vị")) if organization else None
    if not _is_system(user) and (org is None or not permissions.can(user, "edit", org)):
        raise PermissionDenied(_("Bạn không có quyền thêm cá nhân cho đơn vị này."))
    person = Person(
        full_name=full_name,
        title=(title or "").strip(),
        organization=org,
        title_as_of=title_as_of,
        created_by=permissions.actor(user),
        updated_by=permissions.actor(user),
    )
    person.full_clean(exclude=["created_by", "updated_by"])
    person.save()
    record(person, CREATE, user)
    return person

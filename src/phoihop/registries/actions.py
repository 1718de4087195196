"""The one write path of the registries: create, update and delete a record; pages, API, CLI, imports and
demo all come through here (imports through excel.commit_import, which uses the same parsing and checks)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction

from phoihop.core import permissions
from phoihop.core.changelog import record, snapshot
from phoihop.core.models import ChangeLogEntry
from phoihop.core.text import fold

from . import compute
from .cells import CellError
from .registry import Context, Registry

ALL = "__all__"


class RegistryError(Exception):
    """Bad input: Vietnamese messages by column name (or "__all__"), nothing written."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


def parse_values(registry: Registry, raw: dict, ctx: Context, instance=None, partial: bool = False):
    """(values, errors) from raw cells; with `partial`, columns missing from raw keep the instance's values."""
    values, errors = {}, {}
    current = registry.values_of(instance) if instance is not None else {}
    for column in registry.columns:
        if partial and column.name not in raw:
            if not column.virtual and instance is not None:
                values[column.name] = current[column.name]
            continue
        try:
            values[column.name] = column.parse(raw.get(column.name), ctx)
        except CellError as exc:
            errors[column.name] = str(exc)
    return values, errors


def apply(registry: Registry, obj, values: dict, ctx: Context) -> None:
    for column in registry.model_columns:
        if column.name in values:
            value = values[column.name]
            if column.kind == "dates":
                value = [d.isoformat() for d in value]
            setattr(obj, column.name, value)
    if registry.derive:
        registry.derive(obj, values, ctx)
    obj.prepare()


def natural_key(registry: Registry, obj) -> tuple:
    """The identity of a record for duplicate checks and import matching (names folded, FKs by id)."""
    parts = []
    for name in registry.natural_key:
        f = registry.model._meta.get_field(name)
        if f.is_relation:
            parts.append(getattr(obj, f.attname))
        else:
            value = getattr(obj, name)
            parts.append(fold(value) if isinstance(value, str) else value)
    return tuple(parts)


def find_conflict(registry: Registry, obj):
    """An existing record with the same natural key as `obj` (other than obj itself), or None."""
    first = registry.model._meta.get_field(registry.natural_key[0])
    lookup = {first.attname: getattr(obj, first.attname)}
    key = natural_key(registry, obj)
    for other in registry.model.objects.filter(**lookup).exclude(pk=obj.pk):
        if natural_key(registry, other) == key:
            return other
    return None


def check(registry: Registry, values: dict, instance, ctx: Context) -> dict:
    return registry.validate(values, instance, ctx) if registry.validate else {}


def save_record(registry: Registry, user, raw: dict, instance=None, partial: bool = False):
    """Create (instance None) or update a record from raw cells; RegistryError on bad input."""
    if instance is not None and not registry.can_edit(user, instance):
        raise PermissionDenied
    ctx = Context(user, registry)
    values, errors = parse_values(registry, raw, ctx, instance, partial)
    if not errors:
        errors = check(registry, values, instance, ctx)
    if errors:
        raise RegistryError(errors)
    with transaction.atomic():
        touched = compute.Touched(compute.PARENTS.get(registry.model, (registry.model,))[0])
        before = None
        if instance is not None:
            # The stored row, not the caller's copy: what the figures were computed from.
            instance = registry.model.objects.select_for_update().get(pk=instance.pk)
            before = snapshot(instance)
            touched.add(instance)
        obj = instance if instance is not None else registry.model()
        apply(registry, obj, values, ctx)
        conflict = find_conflict(registry, obj)
        if conflict is not None:
            raise RegistryError(
                {ALL: f"Đã có {registry.item} trùng: «{conflict}» (mã #{conflict.pk}). Mở bản ghi đó để sửa."}
            )
        if instance is None:
            obj.created_by = permissions.actor(user)
        obj.updated_by = permissions.actor(user)
        try:
            with transaction.atomic():
                obj.save()
        except IntegrityError:
            raise RegistryError({ALL: f"Không lưu được {registry.item}: trùng hoặc trái ràng buộc dữ liệu."})
        record(
            obj,
            ChangeLogEntry.Action.UPDATE if instance is not None else ChangeLogEntry.Action.CREATE,
            user,
            before,
        )
        touched.add(obj)
        compute.refresh(touched)
    return obj


def delete_record(registry: Registry, user, instance) -> None:
    if not registry.can_edit(user, instance):
        raise PermissionDenied
    with transaction.atomic():
        touched = compute.Touched(compute.PARENTS.get(registry.model, (registry.model,))[0])
        touched.add(instance)
        before = snapshot(instance)
        try:
            with transaction.atomic():
                pk = instance.pk
                instance.delete()
        except IntegrityError:
            raise RegistryError({ALL: f"Không xóa được {registry.item} vì đang được bản ghi khác sử dụng."})
        instance.pk = pk
        record(instance, ChangeLogEntry.Action.DELETE, user, before)
        compute.refresh(touched)

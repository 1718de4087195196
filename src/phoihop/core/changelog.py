"""Recording changes: every action function calls `record` inside its transaction."""

from django.contrib.contenttypes.models import ContentType
from django.db import models

from . import permissions
from .models import ChangeLogEntry
from .sql import insert_values


def snapshot(obj: models.Model) -> dict:
    """The concrete field values of a model instance as JSON-safe strings."""
    data = {}
    for field in obj._meta.concrete_fields:
        value = getattr(obj, field.attname)
        data[field.name] = None if value is None else str(value)
    return data


def diff(before: dict, after: dict) -> dict:
    return {
        k: [before.get(k), v] for k, v in after.items() if before.get(k) != v and k not in ("updated_at",)
    }


def record(obj: models.Model, action: str, user=None, before: dict | None = None, reason: str = "") -> int:
    """One change-log row for `obj` (what changed since `before`); returns its id."""
    after = snapshot(obj)
    changes = diff(before or {}, after) if action != ChangeLogEntry.Action.DELETE else before or after
    row = {
        "user_id": permissions.actor_id(user),
        "action": action,
        "content_type_id": ContentType.objects.get_for_model(obj).pk,
        "object_id": str(obj.pk),
        "object_repr": str(obj)[:300],
        "changes": changes,
        "reason": reason,
    }
    return insert_values(ChangeLogEntry, [row])[0]

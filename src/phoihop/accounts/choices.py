"""Roles a user holds in an organisation."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMIN = "admin", _("Quản trị")
    EDITOR = "editor", _("Cán bộ nhập liệu")
    APPROVER = "approver", _("Lãnh đạo duyệt")
    VIEWER = "viewer", _("Xem")


# What each role may do, in one table used by every permission check.
ROLE_ACTIONS = {
    Role.ADMIN: {"view", "edit", "approve", "admin"},
    Role.EDITOR: {"view", "edit"},
    Role.APPROVER: {"view", "approve"},
    Role.VIEWER: {"view"},
}

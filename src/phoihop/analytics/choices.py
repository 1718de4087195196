"""Choices for the analytics engine: dimensions, measures and roll-up states."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CellState(models.IntegerChoices):
    APPROVED = 1, _("Đã duyệt")
    WITH_SUBMITTED = 2, _("Đã duyệt và đã gửi")


class Dimension(models.TextChoices):
    INDICATOR = "indicator", _("Chỉ tiêu")
    ORGANIZATION = "organization", _("Đơn vị")
    AREA = "area", _("Địa bàn")
    PERIOD = "period", _("Kỳ")
    OPTION = "option", _("Phân tổ")


class Measure(models.TextChoices):
    VALUE = "value", _("Số liệu")
    TARGET = "target", _("Chỉ tiêu kế hoạch")
    ACHIEVEMENT = "achievement", _("Tỷ lệ đạt chỉ tiêu (%)")
    PREVIOUS = "previous", _("Kỳ trước")
    CHANGE = "change", _("Tăng, giảm so với kỳ trước")
    CHANGE_PERCENT = "change_percent", _("Tăng, giảm so với kỳ trước (%)")
    UNITS = "units", _("Số đơn vị báo cáo / phải báo cáo")
    RANK = "rank", _("Xếp hạng")


class Scope(models.TextChoices):
    SUBTREE = "subtree", _("Cả đơn vị trực thuộc")
    SELF = "self", _("Riêng đơn vị")


# Levels the organisation dimension can be broken down to, besides "children" (the units directly below).
GROUP_LEVELS = ("children", "province", "district", "commune", "grassroots")

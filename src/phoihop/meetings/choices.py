"""Choices for review meetings: what kind of meeting, who plays which part in it."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MeetingKind(models.TextChoices):
    SIGNING = "signing", _("Hội nghị ký kết")
    INTERIM_REVIEW = "interim_review", _("Hội nghị sơ kết")
    FINAL_REVIEW = "final_review", _("Hội nghị tổng kết")
    BRIEFING = "briefing", _("Hội nghị giao ban")
    JOINT = "joint", _("Hội nghị liên tịch")


# Kinds that by definition bring several bodies together: they need two or more hosts.
JOINT_KINDS = {MeetingKind.SIGNING, MeetingKind.BRIEFING, MeetingKind.JOINT}


class AttendeeRole(models.TextChoices):
    PRESIDING = "presiding", _("Chủ trì")
    GUEST = "guest", _("Đại biểu dự, chỉ đạo")
    REPORTER = "reporter", _("Trình bày báo cáo")
    SPEAKER = "speaker", _("Phát biểu, tham luận")
    SIGNATORY = "signatory", _("Ký kết")
    MEMBER = "member", _("Thành phần tham dự")


class FollowUpStatus(models.TextChoices):
    OPEN = "open", _("Chưa thực hiện")
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    DONE = "done", _("Hoàn thành")

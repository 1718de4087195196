"""Review, signing and briefing meetings: who hosted them, who attended, what was agreed and signed."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from phoihop.core.formatting import vn_date
from phoihop.core.models import TimeStamped
from phoihop.core.text import fold

from .choices import AttendeeRole, FollowUpStatus, MeetingKind


class MeetingQuerySet(models.QuerySet):
    def visible_to(self, user) -> MeetingQuerySet:
        from phoihop.core.permissions import visible_meetings

        return visible_meetings(user, self)


class Meeting(TimeStamped):
    """A meeting of the coordination cycle: signing, interim or final review, briefing or joint meeting."""

    kind = models.CharField(_("loại hội nghị"), max_length=20, choices=MeetingKind.choices)
    title = models.CharField(_("tên hội nghị"), max_length=500)
    date = models.DateField(
        _("ngày họp"),
        null=True,
        blank=True,
        help_text=_("Để trống khi văn bản gốc không ghi năm; ghi nguyên văn vào ô bên dưới."),
    )
    date_text = models.CharField(
        _("ngày họp theo văn bản gốc"),
        max_length=120,
        blank=True,
        help_text=_("Ví dụ: Sáng 3/3; Ngày 21/11"),
    )
    venue = models.CharField(_("địa điểm"), max_length=300, blank=True)
    hosts = models.ManyToManyField(
        "orgs.Organization",
        through="MeetingHost",
        related_name="hosted_meetings",
        verbose_name=_("đơn vị chủ trì"),
    )
    agreements_reviewed = models.ManyToManyField(
        "programs.Agreement",
        blank=True,
        related_name="review_meetings",
        verbose_name=_("văn bản được sơ kết, tổng kết"),
    )
    agreements_signed = models.ManyToManyField(
        "programs.Agreement",
        blank=True,
        related_name="signing_meetings",
        verbose_name=_("văn bản ký kết tại hội nghị"),
    )
    period = models.ForeignKey(
        "reporting.Period",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="meetings",
        verbose_name=_("kỳ được sơ kết, tổng kết"),
    )
    summary = models.TextField(_("nội dung chính"), blank=True)
    conclusions = models.TextField(_("kết luận"), blank=True)
    source = models.CharField(_("nguồn"), max_length=500, blank=True)
    title_folded = models.CharField(max_length=700, editable=False, default="", db_index=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = [models.F("date").desc(nulls_last=True), "-pk"]
        verbose_name = _("hội nghị")
        verbose_name_plural = _("hội nghị")

    def __str__(self):
        return f"{self.title} ({self.date_label})"

    def save(self, *args, **kwargs):
        self.title_folded = fold(f"{self.title} {self.venue}")
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("meetings:detail", args=[self.pk])

    @property
    def date_label(self) -> str:
        """17/9/2020, or the source's own words when it gives no year."""
        if self.date:
            return vn_date(self.date)
        return self.date_text or "—"

    def announced_commendations(self) -> list:
        """Commendations announced at the meeting, from the registries app when it is installed."""
        from django.apps import apps

        if not apps.is_installed("phoihop.registries"):
            return []
        try:
            model = apps.get_model("registries", "Commendation")
        except LookupError:
            return []
        link = next(
            (f for f in model._meta.get_fields() if f.many_to_one and f.related_model is Meeting), None
        )
        if link is None:
            return []
        qs = model.objects.filter(**{link.name: self})
        if any(f.name == "recipients" for f in model._meta.get_fields()):
            qs = qs.prefetch_related("recipients")
        return list(qs)


class MeetingHost(models.Model):
    """A body that hosts (co-chairs) a meeting."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="host_links")
    organization = models.ForeignKey("orgs.Organization", on_delete=models.PROTECT, related_name="+")
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "organization"], name="meeting_host_unique")
        ]
        verbose_name = _("đơn vị chủ trì")
        verbose_name_plural = _("đơn vị chủ trì")

    def __str__(self):
        return str(self.organization)


class Attendance(models.Model):
    """A person at a meeting, with the title they held that day and the part they played."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey(
        "orgs.Person", on_delete=models.PROTECT, related_name="attendances", verbose_name=_("đại biểu")
    )
    title = models.CharField(_("chức vụ khi dự họp"), max_length=300, blank=True)
    organization = models.ForeignKey(
        "orgs.Organization",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("đơn vị"),
    )
    role = models.CharField(
        _("vai trò"), max_length=12, choices=AttendeeRole.choices, default=AttendeeRole.MEMBER
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("đại biểu dự họp")
        verbose_name_plural = _("đại biểu dự họp")

    def __str__(self):
        return f"{self.person.full_name} – {self.title}" if self.title else self.person.full_name


class AgendaItem(models.Model):
    """An item of the meeting's agenda, in order."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    title = models.CharField(_("nội dung"), max_length=500)
    presenter = models.CharField(_("người trình bày"), max_length=200, blank=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("nội dung chương trình")
        verbose_name_plural = _("chương trình hội nghị")

    def __str__(self):
        return self.title


class FollowUp(models.Model):
    """A task the meeting concluded on; linked to the agreement task it feeds when there is one."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="follow_ups")
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    title = models.CharField(_("nhiệm vụ"), max_length=500)
    lead = models.ForeignKey(
        "orgs.Organization",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("đơn vị chủ trì"),
    )
    deadline = models.DateField(_("thời hạn"), null=True, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=FollowUpStatus.choices, default=FollowUpStatus.OPEN
    )
    agreement_task = models.ForeignKey(
        "programs.Task",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meeting_follow_ups",
        verbose_name=_("nhiệm vụ của văn bản phối hợp"),
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("nhiệm vụ sau hội nghị")
        verbose_name_plural = _("nhiệm vụ sau hội nghị")

    def __str__(self):
        return self.title

"""Commendation decisions and the collectives and individuals they commend."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import CommendationForm, RecipientKind
from .base import RegistryRecord

ORG = "orgs.Organization"


class Commendation(RegistryRecord):
    """A commendation decision: number, date, issuer, form, reason and what it belongs to."""

    organization = models.ForeignKey(
        ORG,
        on_delete=models.PROTECT,
        related_name="commendations_kept",
        verbose_name=_("đơn vị theo dõi"),
        help_text=_("Đơn vị lưu và báo cáo quyết định này (thường là LĐLĐ hoặc văn phòng UBND)"),
    )
    decision_number = models.CharField(_("số quyết định"), max_length=60, help_text=_("Ví dụ: 1234/QĐ-UBND"))
    decision_date = models.DateField(_("ngày quyết định"))
    issuer = models.ForeignKey(
        ORG, on_delete=models.PROTECT, related_name="commendations_issued", verbose_name=_("cơ quan ban hành")
    )
    form = models.CharField(_("hình thức khen thưởng"), max_length=16, choices=CommendationForm.choices)
    reason = models.CharField(
        _("lý do khen thưởng"),
        max_length=500,
        help_text=_("Ví dụ: Đã có thành tích trong thực hiện chương trình phối hợp giai đoạn 2017-2020"),
    )
    agreement = models.ForeignKey(
        "programs.Agreement",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="commendations",
        verbose_name=_("văn bản phối hợp"),
    )
    movement = models.ForeignKey(
        "registries.Movement",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="commendations",
        verbose_name=_("phong trào thi đua"),
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="commendations",
        verbose_name=_("trao tại hội nghị"),
    )

    class Meta:
        ordering = ["-decision_date", "decision_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "decision_number", "decision_date"], name="commendation_decision_unique"
            )
        ]
        verbose_name = _("quyết định khen thưởng")
        verbose_name_plural = _("quyết định khen thưởng")

    def __str__(self):
        from phoihop.core.formatting import vn_date

        return f"Quyết định số {self.decision_number} ngày {vn_date(self.decision_date)}"

    def search_text(self):
        return f"{self.decision_number} {self.reason}"


class CommendationRecipient(RegistryRecord):
    """A collective or an individual commended by a decision."""

    commendation = models.ForeignKey(
        Commendation, on_delete=models.CASCADE, related_name="recipients", verbose_name=_("quyết định")
    )
    kind = models.CharField(_("đối tượng"), max_length=12, choices=RecipientKind.choices)
    organization = models.ForeignKey(
        ORG,
        on_delete=models.PROTECT,
        related_name="commendations_received",
        verbose_name=_("tập thể / đơn vị công tác"),
        help_text=_("Với cá nhân: đơn vị nơi người đó công tác"),
    )
    person_name = models.CharField(_("họ và tên (cá nhân)"), max_length=120, blank=True)
    person_title = models.CharField(_("chức vụ"), max_length=200, blank=True)
    achievement = models.CharField(_("thành tích"), max_length=500, blank=True)

    class Meta:
        ordering = ["commendation", "kind", "pk"]
        indexes = [models.Index(fields=["commendation", "kind"])]
        verbose_name = _("tập thể, cá nhân được khen thưởng")
        verbose_name_plural = _("tập thể, cá nhân được khen thưởng")

    def __str__(self):
        return self.person_name if self.kind == RecipientKind.INDIVIDUAL else str(self.organization)

    def search_text(self):
        org = self.organization.name if self.organization_id else ""
        return f"{self.person_name} {self.person_title} {org} {self.achievement}"

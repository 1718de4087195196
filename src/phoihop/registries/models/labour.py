"""Labour relations per workplace and year, legal-education sessions and labour-law inspections."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import (
    AgreementScope,
    Audience,
    EducationKind,
    FollowUpStatus,
    InspectionKind,
    WorkplaceKind,
)
from .base import RegistryRecord

ORG = "orgs.Organization"
# Union fee = 2% of the payroll used for compulsory social insurance (Luật Công đoàn 2024, Điều 29(1)(b)).
UNION_FEE_RATE_PERCENT = 2


class WorkplaceYear(RegistryRecord):
    """One enterprise's or agency's labour relations in one year: union, conference, dialogue, agreement, fee."""

    organization = models.ForeignKey(
        ORG, on_delete=models.PROTECT, related_name="workplace_years", verbose_name=_("doanh nghiệp, cơ quan")
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    workplace_kind = models.CharField(_("loại đơn vị"), max_length=16, choices=WorkplaceKind.choices)
    employees = models.PositiveIntegerField(_("số lao động"), null=True, blank=True)
    has_union = models.BooleanField(_("có công đoàn cơ sở"), default=False)
    union_members = models.PositiveIntegerField(_("số đoàn viên"), null=True, blank=True)
    members_recruited = models.PositiveIntegerField(_("đoàn viên kết nạp mới"), null=True, blank=True)
    union_founded_date = models.DateField(_("ngày thành lập CĐCS"), null=True, blank=True)
    conference_required = models.BooleanField(_("phải tổ chức hội nghị"), default=True)
    conference_date = models.DateField(_("ngày tổ chức hội nghị NLĐ / CBCCVC"), null=True, blank=True)
    dialogue_dates = models.JSONField(_("ngày đối thoại tại nơi làm việc"), default=list, blank=True)
    dialogue_count = models.PositiveSmallIntegerField(default=0, editable=False)
    cla_signed_date = models.DateField(_("ngày ký thỏa ước lao động tập thể"), null=True, blank=True)
    cla_term_years = models.PositiveSmallIntegerField(_("thời hạn thỏa ước (năm)"), null=True, blank=True)
    cla_scope = models.CharField(
        _("loại thỏa ước"), max_length=16, choices=AgreementScope.choices, blank=True
    )
    payroll_vnd = models.BigIntegerField(_("quỹ lương đóng BHXH (đồng)"), null=True, blank=True)
    union_fee_due_vnd = models.BigIntegerField(_("kinh phí công đoàn phải nộp (đồng)"), null=True, blank=True)
    union_fee_paid_vnd = models.BigIntegerField(_("kinh phí công đoàn đã nộp (đồng)"), null=True, blank=True)
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)

    class Meta:
        ordering = ["-year", "organization__name"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "year"], name="workplace_year_unique"),
            models.CheckConstraint(
                condition=models.Q(cla_term_years__isnull=True)
                | models.Q(cla_term_years__gte=1, cla_term_years__lte=3),
                name="workplace_cla_term_1_3",
            ),
        ]
        indexes = [models.Index(fields=["year", "organization"])]
        verbose_name = _("quan hệ lao động tại đơn vị")
        verbose_name_plural = _("quan hệ lao động theo năm")

    def __str__(self):
        return f"{self.organization} – năm {self.year}"

    def search_text(self):
        org = self.organization
        return f"{org.name} {org.tax_code} {self.note}" if self.organization_id else self.note

    def prepare(self):
        self.dialogue_count = len(self.dialogue_dates or [])
        super().prepare()

    @property
    def conference_held(self) -> bool:
        return self.conference_date is not None

    @property
    def union_fee_arrears_vnd(self) -> int | None:
        if self.union_fee_due_vnd is None:
            return None
        return self.union_fee_due_vnd - (self.union_fee_paid_vnd or 0)

    @staticmethod
    def fee_due(payroll_vnd: int | None) -> int | None:
        if payroll_vnd is None:
            return None
        return (payroll_vnd * UNION_FEE_RATE_PERCENT + 50) // 100


class EducationSession(RegistryRecord):
    """A legal-education, political-study or safety session: topic, audience and participants."""

    organization = models.ForeignKey(
        ORG, on_delete=models.PROTECT, related_name="education_sessions", verbose_name=_("đơn vị tổ chức")
    )
    date = models.DateField(_("ngày tổ chức"))
    kind = models.CharField(_("loại hình"), max_length=12, choices=EducationKind.choices)
    topic = models.CharField(_("chủ đề"), max_length=500)
    audience = models.CharField(
        _("đối tượng"), max_length=16, choices=Audience.choices, default=Audience.WORKERS
    )
    participants = models.PositiveIntegerField(_("số lượt người tham gia"))
    partner = models.CharField(_("đơn vị phối hợp"), max_length=300, blank=True)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("buổi tuyên truyền, phổ biến pháp luật")
        verbose_name_plural = _("tuyên truyền, phổ biến pháp luật")

    def __str__(self):
        return self.topic

    def search_text(self):
        return f"{self.topic} {self.partner}"


class Inspection(RegistryRecord):
    """An inspection, check or supervision of labour-law compliance at a workplace, and its follow-up."""

    organization = models.ForeignKey(
        ORG, on_delete=models.PROTECT, related_name="inspections", verbose_name=_("đơn vị được kiểm tra")
    )
    date = models.DateField(_("ngày kiểm tra"))
    kind = models.CharField(_("hình thức"), max_length=12, choices=InspectionKind.choices)
    team = models.CharField(_("đoàn kiểm tra"), max_length=300)
    findings = models.TextField(_("kết quả kiểm tra"), blank=True)
    violations_count = models.PositiveIntegerField(_("số vi phạm"), default=0)
    violations = models.TextField(_("nội dung vi phạm"), blank=True)
    recommendations = models.TextField(_("kiến nghị"), blank=True)
    follow_up = models.TextField(_("kết quả khắc phục"), blank=True)
    follow_up_status = models.CharField(
        _("tình trạng khắc phục"), max_length=12, choices=FollowUpStatus.choices, blank=True
    )
    follow_up_date = models.DateField(_("ngày khắc phục xong"), null=True, blank=True)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("cuộc thanh tra, kiểm tra")
        verbose_name_plural = _("thanh tra, kiểm tra, giám sát")

    def __str__(self):
        from phoihop.core.formatting import vn_date

        return f"{self.get_kind_display()} {self.organization} ngày {vn_date(self.date)}"

    def search_text(self):
        org = self.organization.name if self.organization_id else ""
        return f"{org} {self.team} {self.findings} {self.violations}"

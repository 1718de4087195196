"""Welfare and support: gift programmes, gifts and allowances, shelters, kitchens, donations, and loans."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..choices import LoanStatus, Occasion, SupportKind
from .base import RegistryRecord

ORG = "orgs.Organization"


class GiftProgramme(RegistryRecord):
    """A gift programme (Tết, Workers' Month …) under which gifts and support are given."""

    name = models.CharField(_("tên chương trình"), max_length=300)
    organiser = models.ForeignKey(
        ORG, on_delete=models.PROTECT, related_name="gift_programmes", verbose_name=_("đơn vị tổ chức")
    )
    occasion = models.CharField(_("dịp"), max_length=16, choices=Occasion.choices)
    start_date = models.DateField(_("từ ngày"))
    end_date = models.DateField(_("đến ngày"))
    budget_vnd = models.BigIntegerField(_("dự toán (đồng)"), null=True, blank=True)
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)

    class Meta:
        ordering = ["-start_date", "name"]
        verbose_name = _("chương trình tặng quà")
        verbose_name_plural = _("chương trình tặng quà, hỗ trợ")

    def __str__(self):
        return self.name

    def search_text(self):
        return f"{self.name} {self.note}"


class Support(RegistryRecord):
    """One act of support: gifts to members, an allowance, a shelter, charity meals, a donation to a fund."""

    organization = models.ForeignKey(
        ORG, on_delete=models.PROTECT, related_name="support_given", verbose_name=_("đơn vị thực hiện")
    )
    kind = models.CharField(_("hình thức"), max_length=24, choices=SupportKind.choices)
    programme = models.ForeignKey(
        GiftProgramme,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="supports",
        verbose_name=_("chương trình"),
    )
    date = models.DateField(_("ngày"))
    beneficiary = models.CharField(
        _("người, nơi nhận"), max_length=300, blank=True, help_text=_("Họ tên, hoặc mô tả nhóm người nhận")
    )
    beneficiary_unit = models.ForeignKey(
        ORG,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="support_received",
        verbose_name=_("đơn vị của người nhận"),
    )
    beneficiaries = models.PositiveIntegerField(_("số suất, số người"), default=1)
    amount_vnd = models.BigIntegerField(_("số tiền (đồng)"), default=0)
    meals = models.PositiveIntegerField(_("số suất ăn"), null=True, blank=True)
    fund = models.CharField(_("quỹ được ủng hộ"), max_length=200, blank=True)
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)

    class Meta:
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["organization", "date"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount_vnd__gte=0), name="support_amount_not_negative")
        ]
        verbose_name = _("hoạt động chăm lo, hỗ trợ")
        verbose_name_plural = _("chăm lo, hỗ trợ, ủng hộ")

    def __str__(self):
        return f"{self.get_kind_display()} – {self.beneficiary or self.fund or self.organization}"

    def search_text(self):
        return f"{self.beneficiary} {self.fund} {self.note}"


class Loan(RegistryRecord):
    """A loan from a federation's fund to a grassroots union or member: amount, term and repayment."""

    lender = models.ForeignKey(
        ORG, on_delete=models.PROTECT, related_name="loans_given", verbose_name=_("đơn vị cho vay")
    )
    borrower = models.ForeignKey(
        ORG,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="loans_taken",
        verbose_name=_("công đoàn cơ sở vay"),
    )
    borrower_name = models.CharField(_("người vay (cá nhân)"), max_length=200, blank=True)
    amount_vnd = models.BigIntegerField(_("số tiền vay (đồng)"))
    disbursed_date = models.DateField(_("ngày giải ngân"))
    term_months = models.PositiveSmallIntegerField(_("thời hạn (tháng)"))
    repaid_vnd = models.BigIntegerField(_("đã trả (đồng)"), default=0)
    last_repayment_date = models.DateField(_("ngày trả gần nhất"), null=True, blank=True)
    purpose = models.CharField(_("mục đích vay"), max_length=300, blank=True)

    class Meta:
        ordering = ["-disbursed_date", "-pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount_vnd__gt=0), name="loan_amount_positive"),
            models.CheckConstraint(
                condition=models.Q(repaid_vnd__gte=0) & models.Q(repaid_vnd__lte=models.F("amount_vnd")),
                name="loan_repaid_within_amount",
            ),
        ]
        verbose_name = _("khoản vay")
        verbose_name_plural = _("cho vay vốn")

    def __str__(self):
        return f"{self.borrower or self.borrower_name} – {self.amount_vnd:,} đ".replace(",", ".")

    def search_text(self):
        borrower = self.borrower.name if self.borrower_id else ""
        return f"{borrower} {self.borrower_name} {self.purpose}"

    @property
    def due_date(self) -> dt.date:
        month = self.disbursed_date.month - 1 + self.term_months
        year = self.disbursed_date.year + month // 12
        month = month % 12 + 1
        day = min(self.disbursed_date.day, 28)
        return dt.date(year, month, day)

    @property
    def outstanding_vnd(self) -> int:
        return self.amount_vnd - self.repaid_vnd

    @property
    def status(self) -> str:
        if self.repaid_vnd >= self.amount_vnd:
            return LoanStatus.REPAID
        if self.due_date < timezone.localdate():
            return LoanStatus.OVERDUE
        return LoanStatus.OUTSTANDING

    @property
    def status_label(self) -> str:
        return LoanStatus(self.status).label

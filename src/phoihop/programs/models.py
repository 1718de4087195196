"""Coordination agreements (programmes, regulations, plans), their content, tasks and documents."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Case, Exists, OuterRef, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from phoihop.core.i18n import english, period_in_english
from phoihop.core.models import TimeStamped
from phoihop.core.text import fold

from .choices import AgreementKind, AgreementStatus, SigningPrefix, TaskFrequency, TaskStatus


class AgreementQuerySet(models.QuerySet):
    def visible_to(self, user) -> AgreementQuerySet:
        from phoihop.core.permissions import visible_agreements

        return visible_agreements(user, self)

    def in_force_on(self, day=None) -> AgreementQuerySet:
        day = day or timezone.localdate()
        return self.with_status(day).filter(status_code=AgreementStatus.IN_FORCE)

    def with_status(self, day=None) -> AgreementQuerySet:
        """Annotate `status_code`: the same rule as Agreement.status_on, computed by the database."""
        day = day or timezone.localdate()
        signed = signed_by_q(day)
        superseded = Exists(Agreement.objects.filter(signed_by_q(day), predecessor=OuterRef("pk")))
        return self.annotate(
            status_code=Case(
                When(~signed, then=Value(AgreementStatus.DRAFT.value)),
                When(superseded, then=Value(AgreementStatus.SUPERSEDED.value)),
                When(period_end_year__lt=day.year, then=Value(AgreementStatus.EXPIRED.value)),
                default=Value(AgreementStatus.IN_FORCE.value),
                output_field=models.CharField(),
            )
        )


def signed_by_q(day: dt.date, prefix: str = "") -> Q:
    """Signed on or before `day`; a signing of unknown date counts from 1 January of the period's first year."""
    return Q(**{f"{prefix}signed_date__lte": day}) | Q(
        **{
            f"{prefix}signed_date__isnull": True,
            f"{prefix}is_signed": True,
            f"{prefix}period_start_year__lte": day.year,
        }
    )


class Agreement(TimeStamped):
    """A coordination programme, regulation, joint programme or annual plan signed by two or more bodies."""

    kind = models.CharField(_("loại văn bản"), max_length=20, choices=AgreementKind.choices)
    number = models.CharField(
        _("số, ký hiệu"), max_length=60, blank=True, help_text=_("Ví dụ: 03/CTr-UBND-LĐLĐ")
    )
    number_seq = models.PositiveIntegerField(null=True, blank=True, editable=False)
    number_kind = models.CharField(max_length=10, blank=True, editable=False)
    number_issuers = models.CharField(max_length=60, blank=True, editable=False)
    title = models.CharField(_("trích yếu"), max_length=500)
    signed_date = models.DateField(_("ngày ký"), null=True, blank=True)
    is_signed = models.BooleanField(
        _("đã ký"),
        default=False,
        help_text=_("Đánh dấu khi văn bản đã ký nhưng không rõ ngày ký; có ngày ký thì tự hiểu là đã ký."),
    )
    place = models.CharField(
        _("địa danh"), max_length=80, blank=True, help_text=_("Ví dụ: Hà Nội, Hai Bà Trưng")
    )
    period_start_year = models.PositiveSmallIntegerField(_("giai đoạn từ năm"))
    period_end_year = models.PositiveSmallIntegerField(_("đến năm"))
    parties = models.ManyToManyField(
        "orgs.Organization", through="AgreementParty", related_name="agreements", verbose_name=_("các bên")
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="implementations",
        verbose_name=_("cụ thể hóa văn bản"),
    )
    predecessor = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="successors",
        verbose_name=_("thay thế văn bản"),
    )
    summary = models.TextField(_("tóm tắt"), blank=True)
    structure = models.CharField(
        _("bố cục"), max_length=80, blank=True, help_text=_("Ví dụ: 4 chương, 20 điều")
    )
    title_folded = models.CharField(max_length=700, editable=False, default="", db_index=True)

    objects = AgreementQuerySet.as_manager()

    class Meta:
        ordering = ["-period_start_year", "-signed_date", "number"]
        verbose_name = _("văn bản phối hợp")
        verbose_name_plural = _("văn bản phối hợp")

    def __str__(self):
        kind = self.get_kind_display()
        label = (
            gettext("%(kind)s số %(number)s") % {"kind": kind, "number": self.number} if self.number else kind
        )
        return f"{label} ({self.period_display})"

    def save(self, *args, **kwargs):
        self.title_folded = fold(f"{self.number} {self.title}")
        if self.signed_date:
            self.is_signed = True
        super().save(*args, **kwargs)

    @property
    def period_label(self) -> str:
        if self.period_start_year == self.period_end_year:
            return f"năm {self.period_start_year}"
        return f"giai đoạn {self.period_start_year}-{self.period_end_year}"

    @property
    def period_display(self) -> str:
        """`period_label` on a Vietnamese page (and in every document); "2017–2020 period" on an English one."""
        if not english():
            return self.period_label
        kind = "year" if self.period_start_year == self.period_end_year else "programme"
        start, end = dt.date(self.period_start_year, 1, 1), dt.date(self.period_end_year, 12, 31)
        return period_in_english(kind, start, end)

    @property
    def effective_signed_date(self) -> dt.date | None:
        """The signing date, or 1 January of the first year when it is known to be signed but not when."""
        if self.signed_date:
            return self.signed_date
        if self.is_signed:
            return dt.date(self.period_start_year, 1, 1)
        return None

    def status_on(self, day=None) -> str:
        """Derived from dates: not signed (yet) = draft; a signed successor = superseded; past its period = expired."""
        day = day or timezone.localdate()
        signed = self.effective_signed_date
        if signed is None or signed > day:
            return AgreementStatus.DRAFT
        if any((s.effective_signed_date or dt.date.max) <= day for s in self.successors.all()):
            return AgreementStatus.SUPERSEDED
        if self.period_end_year < day.year:
            return AgreementStatus.EXPIRED
        return AgreementStatus.IN_FORCE

    @property
    def status(self) -> str:
        # List pages annotate the status in SQL (AgreementQuerySet.with_status); use it when present.
        return getattr(self, "status_code", None) or self.status_on()

    @property
    def status_label(self) -> str:
        return AgreementStatus(self.status).label

    def chain(self) -> list[Agreement]:
        """Predecessors and successors in time order, this one included."""
        before, seen = [], {self.pk}
        current = self.predecessor
        while current and current.pk not in seen:
            before.insert(0, current)
            seen.add(current.pk)
            current = current.predecessor
        after, current = [], self
        while True:
            nxt = current.successors.exclude(pk__in=seen).order_by("signed_date").first()
            if not nxt:
                break
            after.append(nxt)
            seen.add(nxt.pk)
            current = nxt
        return [*before, self, *after]


class AgreementParty(models.Model):
    """A signing party of an agreement, with who signed for it."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="party_links")
    organization = models.ForeignKey(
        "orgs.Organization", on_delete=models.PROTECT, related_name="agreement_links"
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    is_lead = models.BooleanField(_("cơ quan chủ trì"), default=False)
    signing_prefix = models.CharField(
        _("hình thức ký"), max_length=5, choices=SigningPrefix.choices, blank=True
    )
    signatory_name = models.CharField(_("người ký"), max_length=120, blank=True)
    signatory_title = models.CharField(_("chức vụ người ký"), max_length=200, blank=True)

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "organization"], name="agreement_party_unique")
        ]
        verbose_name = _("bên ký kết")
        verbose_name_plural = _("các bên ký kết")

    def __str__(self):
        return f"{self.organization} – {self.signatory_name}".rstrip(" –")


class ContentArea(models.Model):
    """One of the 3–4 numbered content areas (nội dung phối hợp) of an agreement."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="content_areas")
    order = models.PositiveSmallIntegerField(_("thứ tự"))
    title = models.CharField(_("nội dung"), max_length=500)
    description = models.TextField(_("mô tả"), blank=True)

    class Meta:
        ordering = ["order"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "order"], name="content_area_order_unique")
        ]
        verbose_name = _("nội dung phối hợp")
        verbose_name_plural = _("nội dung phối hợp")

    def __str__(self):
        return f"{self.order}. {self.title}"


class Chapter(models.Model):
    """A chapter (chương) of a regulation."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="chapters")
    number = models.PositiveSmallIntegerField(_("chương số"))
    title = models.CharField(_("tên chương"), max_length=300)

    class Meta:
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["agreement", "number"], name="chapter_number_unique")]
        verbose_name = _("chương")
        verbose_name_plural = _("chương")

    def __str__(self):
        return f"Chương {self.number}. {self.title}"


class Article(models.Model):
    """An article (điều) of a regulation; numbered through the whole document."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="articles")
    chapter = models.ForeignKey(
        Chapter, null=True, blank=True, on_delete=models.CASCADE, related_name="articles"
    )
    number = models.PositiveSmallIntegerField(_("điều số"))
    title = models.CharField(_("tên điều"), max_length=300)
    body = models.TextField(_("nội dung"), blank=True)

    class Meta:
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["agreement", "number"], name="article_number_unique")]
        verbose_name = _("điều")
        verbose_name_plural = _("điều")

    def __str__(self):
        return f"Điều {self.number}. {self.title}"


class Task(TimeStamped):
    """A task of an agreement: who leads, who co-operates, how often or by when."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="tasks")
    content_area = models.ForeignKey(
        ContentArea,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tasks",
        verbose_name=_("nội dung"),
    )
    title = models.CharField(_("nhiệm vụ"), max_length=500)
    description = models.TextField(_("mô tả"), blank=True)
    lead = models.ForeignKey(
        "orgs.Organization", on_delete=models.PROTECT, related_name="led_tasks", verbose_name=_("chủ trì")
    )
    cooperating = models.ManyToManyField(
        "orgs.Organization", blank=True, related_name="cooperating_tasks", verbose_name=_("phối hợp")
    )
    frequency = models.CharField(
        _("tần suất"), max_length=12, choices=TaskFrequency.choices, default=TaskFrequency.ONCE
    )
    deadline = models.DateField(_("thời hạn"), null=True, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=TaskStatus.choices, default=TaskStatus.PLANNED
    )

    class Meta:
        ordering = ["deadline", "pk"]
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")

    def __str__(self):
        return self.title

    @property
    def is_overdue(self) -> bool:
        return bool(
            self.deadline
            and self.status not in (TaskStatus.DONE, TaskStatus.CANCELLED)
            and self.deadline < timezone.localdate()
        )


def attachment_path(instance: Attachment, filename: str) -> str:
    return f"agreements/{instance.agreement_id}/{instance.sha256[:16]}/{filename}"


class Attachment(TimeStamped):
    """A file kept with an agreement (the signed scan, an annex), stored with its checksum."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("tệp"), upload_to=attachment_path, max_length=300)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    description = models.CharField(_("mô tả"), max_length=255, blank=True)
    size = models.PositiveBigIntegerField(_("dung lượng"))
    sha256 = models.CharField(max_length=64)
    content_type = models.CharField(max_length=120)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "sha256"], name="attachment_checksum_unique")
        ]
        verbose_name = _("tài liệu đính kèm")
        verbose_name_plural = _("tài liệu đính kèm")

    def __str__(self):
        return self.original_name

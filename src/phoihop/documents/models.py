"""Review reports (drafted from the figures), the .docx templates they are rendered with, and the files made."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from phoihop.core.models import TimeStamped

from .choices import DocumentKind, OutputFormat, RenderStatus, ReportKind, TemplateKind

# A render that has not reported progress for this long is shown as interrupted (its worker died); a queued
# one gets longer, since it may wait behind other tasks.
STALE_AFTER = dt.timedelta(minutes=10)
QUEUED_STALE_AFTER = dt.timedelta(hours=1)


class ReviewReport(TimeStamped):
    """An interim or final review report of an agreement (or a set of organisations) for a period.

    The figures are not stored here: they are read from the analytics engine at each render. What is stored
    is what a person writes or decides: the header, the qualitative sections, the signers and recipients.
    """

    kind = models.CharField(
        _("loại báo cáo"), max_length=10, choices=ReportKind.choices, default=ReportKind.FINAL
    )
    agreement = models.ForeignKey(
        "programs.Agreement",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="review_reports",
        verbose_name=_("văn bản phối hợp"),
    )
    organizations = models.ManyToManyField(
        "orgs.Organization", related_name="review_reports", verbose_name=_("đơn vị báo cáo")
    )
    period = models.ForeignKey(
        "reporting.Period",
        on_delete=models.PROTECT,
        related_name="review_reports",
        verbose_name=_("kỳ báo cáo"),
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="review_reports",
        verbose_name=_("hội nghị"),
    )
    number = models.CharField(
        _("số, ký hiệu"),
        max_length=60,
        blank=True,
        help_text=_("Ví dụ: 12/BC-UBND-LĐLĐ; để trống số khi chưa ban hành"),
    )
    place = models.CharField(_("địa danh"), max_length=80, blank=True, help_text=_("Ví dụ: Hai Bà Trưng"))
    date = models.DateField(_("ngày báo cáo"), null=True, blank=True)
    title = models.CharField(_("trích yếu"), max_length=500)
    issuer_parent = models.CharField(
        _("cơ quan chủ quản"),
        max_length=300,
        blank=True,
        help_text=_("Dòng trên cùng bên trái, chữ thường đậm"),
    )
    issuers = models.TextField(_("cơ quan ban hành"), help_text=_("Mỗi cơ quan một dòng; in hoa, đậm"))
    signers = models.JSONField(
        _("người ký"),
        default=list,
        blank=True,
        help_text=_(
            'Danh sách {"heading": "TM. ỦY BAN NHÂN DÂN\\nKT. CHỦ TỊCH\\nPHÓ CHỦ TỊCH", "name": "…"}'
        ),
    )
    recipients = models.TextField(_("nơi nhận"), blank=True, help_text=_("Mỗi nơi nhận một dòng"))
    archive = models.CharField(_("lưu"), max_length=120, default="VT", help_text=_("Ví dụ: VT, LĐLĐ"))
    situation = models.TextField(_("đặc điểm tình hình"), blank=True)
    shortcomings = models.TextField(_("tồn tại, hạn chế"), blank=True)
    causes = models.TextField(_("nguyên nhân"), blank=True)
    lessons = models.TextField(_("bài học kinh nghiệm"), blank=True)
    directions = models.TextField(_("phương hướng, nhiệm vụ"), blank=True)
    recommendations = models.TextField(_("kiến nghị, đề xuất"), blank=True)
    include_tables = models.BooleanField(_("kèm bảng số liệu"), default=True)
    include_charts = models.BooleanField(_("kèm biểu đồ"), default=True)

    class Meta:
        ordering = ["-period__start", "-pk"]
        verbose_name = _("báo cáo sơ kết, tổng kết")
        verbose_name_plural = _("báo cáo sơ kết, tổng kết")

    def __str__(self):
        return self.heading

    def get_absolute_url(self) -> str:
        return reverse("documents:detail", args=[self.pk])

    @property
    def heading(self) -> str:
        """ "Báo cáo tổng kết chương trình …", without repeating the verb the title already starts with."""
        title = self.title[:1].lower() + self.title[1:] if self.title else ""
        if title.startswith(("tổng kết", "sơ kết")):
            return f"Báo cáo {title}"
        return f"{self.get_kind_display()} {title}".strip()

    @property
    def issuer_lines(self) -> list[str]:
        return [line.strip() for line in self.issuers.splitlines() if line.strip()]

    @property
    def recipient_lines(self) -> list[str]:
        return [
            line.strip().rstrip(";.").lstrip("-– ").strip()
            for line in self.recipients.splitlines()
            if line.strip()
        ]


def template_path(instance: DocumentTemplate, filename: str) -> str:
    return f"document_templates/{instance.kind}/v{instance.version}-{instance.sha256[:12]}.docx"


class DocumentTemplate(TimeStamped):
    """A .docx template uploaded by an administrator; the newest valid one of a kind is used."""

    kind = models.CharField(_("loại mẫu"), max_length=20, choices=TemplateKind.choices)
    version = models.PositiveIntegerField(_("phiên bản"))
    file = models.FileField(_("tệp mẫu"), upload_to=template_path, max_length=300)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    sha256 = models.CharField(max_length=64)
    size = models.PositiveBigIntegerField(_("dung lượng"))
    is_active = models.BooleanField(_("đang dùng"), default=True)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)

    class Meta:
        ordering = ["kind", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "version"], name="document_template_version_unique")
        ]
        verbose_name = _("mẫu văn bản")
        verbose_name_plural = _("mẫu văn bản")

    def __str__(self):
        return f"{self.get_kind_display()} – phiên bản {self.version}"


def generated_path(instance: GeneratedDocument, filename: str) -> str:
    return f"generated/{instance.kind}/{filename}"


class GeneratedDocument(models.Model):
    """One rendered file (a version): who asked for it, its progress while rendering, and its checksum when done.

    The file is moved into place only when complete, so `file` is set only on status "done".
    """

    kind = models.CharField(_("loại văn bản"), max_length=20, choices=DocumentKind.choices)
    fmt = models.CharField(_("định dạng"), max_length=5, choices=OutputFormat.choices)
    report = models.ForeignKey(
        ReviewReport, null=True, blank=True, on_delete=models.CASCADE, related_name="generated"
    )
    agreement = models.ForeignKey(
        "programs.Agreement",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="generated_documents",
    )
    version = models.PositiveIntegerField(_("phiên bản"))
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=RenderStatus.choices, default=RenderStatus.PENDING
    )
    progress = models.PositiveSmallIntegerField(_("tiến độ (%)"), default=0)
    step = models.CharField(_("bước"), max_length=200, blank=True)
    error = models.TextField(_("lỗi"), blank=True)
    file = models.FileField(_("tệp"), upload_to=generated_path, max_length=300, blank=True)
    filename = models.CharField(_("tên tệp"), max_length=255, blank=True)
    size = models.PositiveBigIntegerField(_("dung lượng"), null=True, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    template = models.ForeignKey(
        DocumentTemplate, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    template_version = models.PositiveIntegerField(_("phiên bản mẫu"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("yêu cầu lúc"), auto_now_add=True)
    started_at = models.DateTimeField(_("bắt đầu"), null=True, blank=True)
    finished_at = models.DateTimeField(_("hoàn thành"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["report", "kind", "fmt"]),
            models.Index(fields=["agreement", "kind", "fmt"]),
        ]
        verbose_name = _("văn bản đã tạo")
        verbose_name_plural = _("văn bản đã tạo")

    def __str__(self):
        return f"{self.get_kind_display()} v{self.version} ({self.fmt})"

    @property
    def is_finished(self) -> bool:
        return self.status in (RenderStatus.DONE, RenderStatus.FAILED) or self.is_stale

    @property
    def is_available(self) -> bool:
        """Offered for download: finished and its file really there."""
        return (
            self.status == RenderStatus.DONE and bool(self.file) and self.file.storage.exists(self.file.name)
        )

    @property
    def is_stale(self) -> bool:
        """Pending or running, but silent for too long: its worker was killed; nothing will be offered."""
        if self.status not in (RenderStatus.PENDING, RenderStatus.RUNNING):
            return False
        last = self.heartbeat_at or self.created_at
        limit = STALE_AFTER if self.status == RenderStatus.RUNNING else QUEUED_STALE_AFTER
        return last is not None and timezone.now() - last > limit

    @property
    def status_label(self) -> str:
        if self.is_stale:
            return "Bị gián đoạn"
        return str(self.get_status_display())

    @property
    def content_type(self) -> str:
        return {
            OutputFormat.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            OutputFormat.PDF: "application/pdf",
            OutputFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }[self.fmt]

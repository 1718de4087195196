"""Uploaded narrative reports and the proposals read from them, waiting for a person to confirm."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from phoihop.core.models import TimeStamped


class SourceDocument(TimeStamped):
    """A text a user dropped in (news item, review report), decoded to Unicode, with the reader's output."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Chờ xác nhận")
        REVIEWED = "reviewed", _("Đã xác nhận")

    organization = models.ForeignKey(
        "orgs.Organization",
        on_delete=models.PROTECT,
        related_name="source_documents",
        verbose_name=_("đơn vị"),
    )
    original_name = models.CharField(_("tên tệp"), max_length=255)
    size = models.PositiveBigIntegerField(_("dung lượng"))
    sha256 = models.CharField(max_length=64, db_index=True)
    encoding = models.CharField(_("bảng mã"), max_length=20)
    text = models.TextField(_("nội dung"))
    result = models.JSONField(_("kết quả đọc"), default=dict)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.PROPOSED)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("văn bản nguồn")
        verbose_name_plural = _("văn bản nguồn")

    def __str__(self):
        return self.result.get("title") or self.original_name


class Proposal(models.Model):
    """One proposed item: a figure, an agreement, a meeting or a person, with the user's decision."""

    class Kind(models.TextChoices):
        FIGURE = "figure", _("Số liệu")
        PROGRAM = "program", _("Văn bản phối hợp")
        MEETING = "meeting", _("Hội nghị")
        PERSON = "person", _("Cá nhân")

    class Decision(models.TextChoices):
        PENDING = "pending", _("Chưa xem")
        ACCEPTED = "accepted", _("Chấp nhận")
        REJECTED = "rejected", _("Bỏ qua")

    document = models.ForeignKey(SourceDocument, on_delete=models.CASCADE, related_name="proposals")
    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices)
    position = models.PositiveIntegerField(default=0)
    data = models.JSONField(_("nội dung đề xuất"), default=dict)
    span_start = models.IntegerField(null=True, blank=True)
    span_end = models.IntegerField(null=True, blank=True)
    sentence = models.TextField(_("câu nguồn"), blank=True)
    indicator = models.ForeignKey("reporting.Indicator", null=True, blank=True, on_delete=models.SET_NULL)
    option = models.ForeignKey(
        "reporting.DisaggregationOption", null=True, blank=True, on_delete=models.SET_NULL
    )
    organization = models.ForeignKey(
        "orgs.Organization", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    period = models.ForeignKey("reporting.Period", null=True, blank=True, on_delete=models.SET_NULL)
    decision = models.CharField(
        _("quyết định"), max_length=10, choices=Decision.choices, default=Decision.PENDING
    )
    result_object = models.CharField(_("bản ghi tạo ra"), max_length=120, blank=True)

    class Meta:
        ordering = ["document", "kind", "position"]
        verbose_name = _("đề xuất")
        verbose_name_plural = _("đề xuất")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.data.get('quote') or self.data.get('number') or self.data.get('name') or ''}"

"""The abstract registry record, registry-computed figures and Excel import batches."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from phoihop.core.models import TimeStamped
from phoihop.core.text import fold

from ..choices import ImportStatus

MONEY = {"null": True, "blank": True}


class RegistryRecord(TimeStamped):
    """Abstract base: a row of a registry, with a folded search column kept in step by `prepare()`."""

    search_folded = models.TextField(editable=False, default="", blank=True)

    class Meta:
        abstract = True

    def search_text(self) -> str:
        return str(self)

    def prepare(self) -> None:
        """Derived columns; called by save() and by the importer before bulk writes (which skip save())."""
        self.search_folded = fold(self.search_text())

    def save(self, *args, **kwargs):
        self.prepare()
        super().save(*args, **kwargs)


class ComputedValue(models.Model):
    """A figure computed from the registries for one organisation's own records (not its subtree) and period.

    The analytics engine reads these with source="registry" and adds them up the tree like reported values.
    """

    indicator = models.ForeignKey("reporting.Indicator", on_delete=models.CASCADE, related_name="computed")
    organization = models.ForeignKey("orgs.Organization", on_delete=models.CASCADE, related_name="computed")
    period = models.ForeignKey("reporting.Period", on_delete=models.CASCADE, related_name="computed")
    option = models.ForeignKey(
        "reporting.DisaggregationOption", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    value = models.DecimalField(_("giá trị"), max_digits=20, decimal_places=4, null=True, blank=True)
    numerator = models.DecimalField(_("tử số"), max_digits=20, decimal_places=4, null=True, blank=True)
    denominator = models.DecimalField(_("mẫu số"), max_digits=20, decimal_places=4, null=True, blank=True)
    computed_at = models.DateTimeField(_("tính lúc"), auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "organization", "period", "option"], name="computedvalue_unique"
            ),
            models.UniqueConstraint(
                fields=["indicator", "organization", "period"],
                condition=models.Q(option__isnull=True),
                name="computedvalue_unique_total",
            ),
        ]
        indexes = [
            models.Index(fields=["indicator", "period", "organization"]),
            models.Index(fields=["organization", "period"]),
        ]
        verbose_name = _("số liệu tính từ sổ theo dõi")
        verbose_name_plural = _("số liệu tính từ sổ theo dõi")

    def __str__(self):
        return f"{self.indicator_id} {self.organization_id} {self.period_id} = {self.value}"


def import_path(instance: ImportBatch, filename: str) -> str:
    return f"registries/imports/{instance.sha256[:16]}/{filename}"


class ImportBatch(models.Model):
    """One uploaded Excel file for one registry: previewed first, then committed in one transaction."""

    registry = models.CharField(_("sổ"), max_length=40)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    file = models.FileField(_("tệp"), upload_to=import_path, max_length=300)
    file_name = models.CharField(_("tên tệp"), max_length=255)
    sha256 = models.CharField(max_length=64)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=ImportStatus.choices, default=ImportStatus.PREVIEWED
    )
    summary = models.JSONField(_("tóm tắt"), default=dict, blank=True)
    created_at = models.DateTimeField(_("tải lên lúc"), auto_now_add=True)
    committed_at = models.DateTimeField(_("ghi lúc"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("lần nhập Excel")
        verbose_name_plural = _("các lần nhập Excel")

    def __str__(self):
        return f"{self.registry}: {self.file_name}"

"""Roll-up tables kept current on every change of reported values, and the campaign boards' settings."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from phoihop.core.models import TimeStamped

from .choices import CellState


class Span(models.Model):
    """A period the roll-up keeps totals for: each calendar month, quarter, half-year or year with data, and
    every programme period."""

    kind = models.CharField(max_length=10)
    start = models.DateField()
    end = models.DateField()

    class Meta:
        ordering = ["start", "-end"]
        constraints = [models.UniqueConstraint(fields=["start", "end"], name="analytics_span_unique")]

    def __str__(self):
        return f"{self.kind} {self.start}–{self.end}"


class RollupCell(models.Model):
    """Totals of one indicator over the subtree of an organisation that has units below it, for one span.

    `option_key` is -1 for the total over all options, 0 for values without an option, else the option id.
    The sums follow the indicator's rule (`rule`), after each unit's overlapping periods are resolved.
    """

    organization = models.ForeignKey("orgs.Organization", on_delete=models.CASCADE, related_name="+")
    indicator = models.ForeignKey("reporting.Indicator", on_delete=models.CASCADE, related_name="+")
    span = models.ForeignKey(Span, on_delete=models.CASCADE, related_name="cells")
    option_key = models.IntegerField()
    state = models.PositiveSmallIntegerField(choices=CellState.choices)
    rule = models.CharField(max_length=15)
    total = models.DecimalField(max_digits=26, decimal_places=4, null=True)
    high = models.DecimalField(max_digits=26, decimal_places=4, null=True)
    high_n = models.IntegerField(default=0)
    num = models.DecimalField(max_digits=26, decimal_places=4, null=True)
    den = models.DecimalField(max_digits=26, decimal_places=4, null=True)
    ratio_n = models.IntegerField(default=0)
    vmax = models.DecimalField(max_digits=26, decimal_places=4, null=True)
    n = models.IntegerField(default=0)
    units = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "indicator", "span", "option_key", "state"],
                name="analytics_cell_unique",
            )
        ]
        indexes = [models.Index(fields=["indicator", "span", "state"], name="analytics_cell_ind_span")]

    def __str__(self):
        return f"{self.organization_id}/{self.indicator_id}/{self.span_id}/{self.option_key}: {self.total}"


class PendingChange(models.Model):
    """A change the roll-up has not absorbed yet, written by database triggers in the writer's transaction.

    kind "v": a value of (organization, indicator, period) changed; "t": an organisation moved in the tree
    (`path` holds the old or new path); "p": a period was added or changed; "a": rebuild everything.
    The next query absorbs the queue before it reads, so an approval is visible to the next query.
    """

    kind = models.CharField(max_length=1)
    organization_id = models.BigIntegerField(null=True)
    indicator_id = models.BigIntegerField(null=True)
    period_id = models.BigIntegerField(null=True)
    path = models.CharField(max_length=255, blank=True, default="")

    def __str__(self):
        return f"{self.kind} {self.organization_id} {self.indicator_id} {self.period_id} {self.path}"


class Campaign(TimeStamped):
    """A campaign board: one indicator followed across several organisations against a target."""

    title = models.CharField(_("tên phong trào, chương trình"), max_length=300)
    slug = models.SlugField(_("mã"), max_length=60, unique=True)
    indicator = models.ForeignKey(
        "reporting.Indicator", on_delete=models.PROTECT, related_name="+", verbose_name=_("chỉ tiêu")
    )
    period = models.ForeignKey(
        "reporting.Period", on_delete=models.PROTECT, related_name="+", verbose_name=_("kỳ theo dõi")
    )
    organizations = models.ManyToManyField(
        "orgs.Organization", related_name="+", verbose_name=_("các đơn vị tham gia")
    )
    owner = models.ForeignKey(
        "orgs.Organization", on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị theo dõi")
    )
    agreement = models.ForeignKey(
        "programs.Agreement",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("văn bản phối hợp"),
    )
    target = models.DecimalField(
        _("chỉ tiêu chung"),
        max_digits=20,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_("Ví dụ: 1.000.000 sáng kiến của Chương trình 1 triệu sáng kiến"),
    )
    target_label = models.CharField(_("diễn giải chỉ tiêu chung"), max_length=300, blank=True)
    source = models.CharField(_("nguồn"), max_length=300, blank=True)

    class Meta:
        ordering = ["-period__start", "title"]
        verbose_name = _("bảng theo dõi phong trào")
        verbose_name_plural = _("bảng theo dõi phong trào")

    def __str__(self):
        return self.title

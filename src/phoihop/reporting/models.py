"""Indicators, periods, targets, report forms, reports and the values they carry, with history."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from phoihop.core.i18n import LocalizedName, english, period_in_english
from phoihop.core.models import TimeStamped

from .choices import (
    Aggregation,
    ImportStatus,
    PeriodKind,
    ReportAction,
    ReportStatus,
    Severity,
    Theme,
    Unit,
    ValueSource,
    ValueType,
)


class Disaggregation(LocalizedName, models.Model):
    """A dimension an indicator is broken down by, e.g. recognition level or enterprise ownership."""

    code = models.SlugField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("tên"), max_length=200)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=200, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("phân tổ")
        verbose_name_plural = _("phân tổ")

    def __str__(self):
        return self.name


class DisaggregationOption(LocalizedName, models.Model):
    """One category of a disaggregation: "cấp cơ sở", "cấp quận", "cấp thành phố" …"""

    disaggregation = models.ForeignKey(Disaggregation, on_delete=models.CASCADE, related_name="options")
    code = models.SlugField(_("mã"), max_length=40)
    name = models.CharField(_("tên"), max_length=200)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["disaggregation", "order"]
        constraints = [
            models.UniqueConstraint(fields=["disaggregation", "code"], name="disagg_option_unique")
        ]
        verbose_name = _("nhóm phân tổ")
        verbose_name_plural = _("nhóm phân tổ")

    def __str__(self):
        return self.name


class Indicator(LocalizedName, models.Model):
    """A figure that units report: what is counted, its unit, how it adds up the tree."""

    code = models.SlugField(_("mã chỉ tiêu"), max_length=60, unique=True)
    name = models.CharField(_("tên chỉ tiêu"), max_length=300)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=300, blank=True)
    theme = models.CharField(_("lĩnh vực"), max_length=20, choices=Theme.choices)
    content_areas = models.ManyToManyField(
        "programs.ContentArea", blank=True, related_name="indicators", verbose_name=_("nội dung phối hợp")
    )
    value_type = models.CharField(
        _("kiểu giá trị"), max_length=10, choices=ValueType.choices, default=ValueType.COUNT
    )
    unit = models.CharField(_("đơn vị tính"), max_length=20, choices=Unit.choices)
    aggregation = models.CharField(
        _("cách cộng dồn"), max_length=15, choices=Aggregation.choices, default=Aggregation.SUM
    )
    disaggregation = models.ForeignKey(
        Disaggregation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="indicators",
        verbose_name=_("phân tổ"),
    )
    numerator_label = models.CharField(_("tử số"), max_length=200, blank=True)
    denominator_label = models.CharField(_("mẫu số"), max_length=200, blank=True)
    description = models.TextField(_("giải thích"), blank=True)
    order = models.PositiveIntegerField(default=0)
    is_active = models.BooleanField(_("đang dùng"), default=True)

    class Meta:
        ordering = ["theme", "order", "code"]
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")

    def __str__(self):
        return self.name

    @property
    def is_ratio(self) -> bool:
        return self.value_type == ValueType.RATIO

    @property
    def unit_label(self) -> str:
        """The unit as a column shows it; a yes/no indicator has none, so it says what it takes."""
        if self.value_type == ValueType.BOOLEAN:
            return gettext("có/không")
        return self.get_unit_display()


class Period(models.Model):
    """A reporting period: a month, quarter, half-year, year or a programme period such as 2017-2020."""

    kind = models.CharField(_("loại kỳ"), max_length=10, choices=PeriodKind.choices)
    start = models.DateField(_("từ ngày"))
    end = models.DateField(_("đến ngày"))

    class Meta:
        ordering = ["start", "-end"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "start", "end"], name="period_unique"),
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")), name="period_end_after_start"
            ),
        ]
        verbose_name = _("kỳ báo cáo")
        verbose_name_plural = _("kỳ báo cáo")

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        """As Vietnamese documents name it: "6 tháng đầu năm 2022", "năm 2021", "giai đoạn 2017-2020"."""
        y = self.start.year
        if self.kind == PeriodKind.YEAR:
            return f"năm {y}"
        if self.kind == PeriodKind.HALF_YEAR:
            return f"6 tháng đầu năm {y}" if self.start.month == 1 else f"6 tháng cuối năm {y}"
        if self.kind == PeriodKind.QUARTER:
            return f"quý {('I', 'II', 'III', 'IV')[(self.start.month - 1) // 3]} năm {y}"
        if self.kind == PeriodKind.MONTH:
            return f"tháng {self.start.month} năm {y}"
        return f"giai đoạn {y}-{self.end.year}"

    @property
    def display(self) -> str:
        """The label for a page: as `label` in Vietnamese, "first half of 2022" on an English page."""
        return period_in_english(self.kind, self.start, self.end) if english() else self.label

    def contains(self, other: Period) -> bool:
        return self.start <= other.start and other.end <= self.end

    def earlier(self):
        """Periods of the same kind that end before this one starts, the nearest first."""
        return Period.objects.filter(kind=self.kind, end__lt=self.start).order_by("-end", "-start")

    def previous(self) -> Period | None:
        """The period of the same kind just before this one (for a programme period: the one before it)."""
        return self.earlier().first()

    @classmethod
    def for_year(cls, year: int) -> Period:
        return cls.objects.get_or_create(
            kind=PeriodKind.YEAR, start=dt.date(year, 1, 1), end=dt.date(year, 12, 31)
        )[0]

    @classmethod
    def for_half(cls, year: int, half: int) -> Period:
        start, end = (
            (dt.date(year, 1, 1), dt.date(year, 6, 30))
            if half == 1
            else (dt.date(year, 7, 1), dt.date(year, 12, 31))
        )
        return cls.objects.get_or_create(kind=PeriodKind.HALF_YEAR, start=start, end=end)[0]

    @classmethod
    def for_programme(cls, start_year: int, end_year: int) -> Period:
        return cls.objects.get_or_create(
            kind=PeriodKind.PROGRAMME, start=dt.date(start_year, 1, 1), end=dt.date(end_year, 12, 31)
        )[0]


class Target(TimeStamped):
    """A target (chỉ tiêu) for an indicator, organisation and period, optionally set by an agreement."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    organization = models.ForeignKey("orgs.Organization", on_delete=models.CASCADE, related_name="targets")
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="targets")
    option = models.ForeignKey(DisaggregationOption, null=True, blank=True, on_delete=models.PROTECT)
    agreement = models.ForeignKey(
        "programs.Agreement", null=True, blank=True, on_delete=models.SET_NULL, related_name="targets"
    )
    value = models.DecimalField(_("chỉ tiêu"), max_digits=20, decimal_places=4)

    class Meta:
        constraints = [
            # Two partial constraints instead of NULLS NOT DISTINCT, which SQLite lacks.
            models.UniqueConstraint(
                fields=["indicator", "organization", "period", "option"], name="target_unique"
            ),
            models.UniqueConstraint(
                fields=["indicator", "organization", "period"],
                condition=models.Q(option__isnull=True),
                name="target_unique_total",
            ),
        ]
        verbose_name = _("chỉ tiêu kế hoạch")
        verbose_name_plural = _("chỉ tiêu kế hoạch")


class ReportForm(TimeStamped):
    """A form: which indicators, for which period kind, who must report, and when."""

    code = models.SlugField(_("mã biểu"), max_length=40, unique=True)
    name = models.CharField(_("tên biểu mẫu"), max_length=300)
    period_kind = models.CharField(_("kỳ báo cáo"), max_length=10, choices=PeriodKind.choices)
    indicators = models.ManyToManyField(Indicator, through="FormIndicator", related_name="forms")
    agreement = models.ForeignKey(
        "programs.Agreement", null=True, blank=True, on_delete=models.SET_NULL, related_name="forms"
    )
    reporting_kinds = models.JSONField(_("loại tổ chức phải báo cáo"), default=list, blank=True)
    reporting_levels = models.JSONField(_("cấp phải báo cáo"), default=list, blank=True)
    reporting_organizations = models.ManyToManyField(
        "orgs.Organization", blank=True, related_name="report_forms"
    )
    owner = models.ForeignKey(
        "orgs.Organization",
        on_delete=models.PROTECT,
        related_name="owned_forms",
        verbose_name=_("đơn vị ban hành"),
    )
    opens_after_days = models.IntegerField(_("mở nhập sau ngày cuối kỳ (ngày)"), default=-15)
    deadline_days = models.PositiveSmallIntegerField(_("hạn nộp sau ngày cuối kỳ (ngày)"), default=15)
    late_after_days = models.PositiveSmallIntegerField(_("tính là trễ sau hạn (ngày)"), default=0)
    is_active = models.BooleanField(_("đang dùng"), default=True)
    description = models.TextField(_("hướng dẫn"), blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("biểu mẫu báo cáo")
        verbose_name_plural = _("biểu mẫu báo cáo")

    def __str__(self):
        return self.name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("reporting:form_detail", args=[self.pk])

    def opens_on(self, period: Period) -> dt.date:
        return period.end + dt.timedelta(days=self.opens_after_days)

    def due_on(self, period: Period) -> dt.date:
        return period.end + dt.timedelta(days=self.deadline_days)


class FormIndicator(models.Model):
    """An indicator's row on a form, in order."""

    form = models.ForeignKey(ReportForm, on_delete=models.CASCADE, related_name="rows")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]
        constraints = [models.UniqueConstraint(fields=["form", "indicator"], name="form_indicator_unique")]

    def __str__(self):
        return f"{self.form_id}:{self.indicator_id}"


class ValidationRule(models.Model):
    """A check over a report's values, e.g. "district-level ≤ grassroots-level"; an error or a warning."""

    form = models.ForeignKey(
        ReportForm, null=True, blank=True, on_delete=models.CASCADE, related_name="rules"
    )
    name = models.CharField(_("tên quy tắc"), max_length=200)
    expression = models.CharField(
        _("biểu thức"),
        max_length=500,
        help_text=_("Ví dụ: good_workers[district] <= good_workers[grassroots]"),
    )
    severity = models.CharField(_("mức độ"), max_length=8, choices=Severity.choices, default=Severity.ERROR)
    message = models.CharField(_("thông báo"), max_length=300)

    class Meta:
        verbose_name = _("quy tắc kiểm tra")
        verbose_name_plural = _("quy tắc kiểm tra")

    def __str__(self):
        return self.name


def _user(**options):
    """A user kept as NULL when the user is deleted, with no way back from the user's side."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        **options,
    )


def _workflow_user():
    """Who submitted, approved or returned a report. No index of its own, as nothing looks reports up by it and the
    report row is rewritten at every step of the workflow."""
    return _user(db_index=False)


def _author():
    """Who wrote a history row (value history, report events) or last changed a value. Emptied by Django's on_delete,
    with no foreign key constraint in the database, as history tables commonly keep it: a save then locks no user row
    at commit, which every value and history row of every report would otherwise do. The values' own keys
    (indicator, unit, period, option, report) stay enforced by the database."""
    return _user(db_constraint=False)


class Report(TimeStamped):
    """One unit's report on one form for one period, moving draft → submitted → approved (or returned)."""

    # The form's own index would repeat report_unique's leading column.
    form = models.ForeignKey(ReportForm, on_delete=models.PROTECT, related_name="reports", db_index=False)
    organization = models.ForeignKey("orgs.Organization", on_delete=models.PROTECT, related_name="reports")
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="reports")
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    version = models.PositiveIntegerField(
        default=1, help_text="Optimistic lock: a save must name the version it read"
    )
    due_date = models.DateField(_("hạn nộp"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    submitted_by = _workflow_user()
    approved_at = models.DateTimeField(_("duyệt lúc"), null=True, blank=True)
    approved_by = _workflow_user()
    returned_reason = models.TextField(_("lý do trả lại"), blank=True)
    is_locked = models.BooleanField(_("đã khóa"), default=False)
    source_document = models.CharField(_("nguồn"), max_length=300, blank=True)
    returned_at = models.DateTimeField(_("trả lại lúc"), null=True, blank=True)
    returned_by = _workflow_user()
    overdue_notified_at = models.DateTimeField(_("đã nhắc hạn lúc"), null=True, blank=True)

    class Meta:
        ordering = ["-period__start", "form", "organization__path"]
        constraints = [
            models.UniqueConstraint(fields=["form", "organization", "period"], name="report_unique")
        ]
        indexes = [models.Index(fields=["status", "due_date"])]
        verbose_name = _("báo cáo")
        verbose_name_plural = _("báo cáo")

    def __str__(self):
        return f"{self.form} – {self.organization} – {self.period}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("reporting:report", args=[self.pk])

    @property
    def is_editable(self) -> bool:
        """Values can change while the unit holds the report: draft or returned, never when locked."""
        return self.status in (ReportStatus.DRAFT, ReportStatus.RETURNED) and not self.is_locked

    @property
    def late_on(self) -> dt.date | None:
        """The first day on which the report counts as late."""
        if self.due_date is None:
            return None
        return self.due_date + dt.timedelta(days=self.form.late_after_days + 1)

    def is_late(self, today: dt.date | None = None) -> bool:
        """Not yet sent after the late day, or sent after it."""
        late_on = self.late_on
        if late_on is None:
            return False
        if self.submitted_at is not None and self.status != ReportStatus.RETURNED:
            from django.utils import timezone

            return timezone.localdate(self.submitted_at) >= late_on
        if today is None:
            from django.utils import timezone

            today = timezone.localdate()
        return today >= late_on

    def due_state(self, today: dt.date | None = None) -> str:
        from .choices import DueState

        if self.status in (ReportStatus.SUBMITTED, ReportStatus.APPROVED):
            return DueState.DONE
        return DueState.LATE if self.is_late(today) else DueState.DUE


class ReportEvent(models.Model):
    """A step in a report's life: saved, submitted, returned with a reason, approved, unlocked."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(_("lúc"), auto_now_add=True)
    user = _author()
    action = models.CharField(_("thao tác"), max_length=16, choices=ReportAction.choices)
    note = models.TextField(_("ghi chú"), blank=True)
    version = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("diễn biến báo cáo")
        verbose_name_plural = _("diễn biến báo cáo")

    def __str__(self):
        return f"{self.report_id}: {self.get_action_display()}"


class DataValue(models.Model):
    """One reported figure: indicator × organisation × period × disaggregation option.

    The report's status is copied here (`is_approved`) so roll-ups filter one table without a join.
    """

    # No index of their own for indicator and organization: the unique constraint and the indexes below lead
    # with them. Every index is written on every saved value.
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="values", db_index=False)
    organization = models.ForeignKey(
        "orgs.Organization", on_delete=models.PROTECT, related_name="values", db_index=False
    )
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="values")
    option = models.ForeignKey(
        DisaggregationOption, null=True, blank=True, on_delete=models.PROTECT, related_name="values"
    )
    report = models.ForeignKey(Report, null=True, blank=True, on_delete=models.CASCADE, related_name="values")
    value = models.DecimalField(_("giá trị"), max_digits=20, decimal_places=4, null=True, blank=True)
    numerator = models.DecimalField(_("tử số"), max_digits=20, decimal_places=4, null=True, blank=True)
    denominator = models.DecimalField(_("mẫu số"), max_digits=20, decimal_places=4, null=True, blank=True)
    value_high = models.DecimalField(
        _("cận trên"),
        max_digits=20,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_("Khi văn bản nêu một khoảng, ví dụ 67 - 74%"),
    )
    qualifier = models.CharField(
        _("ghi chú định lượng"), max_length=20, blank=True, help_text=_("gần, hơn, trên, khoảng …")
    )
    comment = models.TextField(_("ghi chú"), blank=True)
    source = models.CharField(_("nguồn"), max_length=12, choices=ValueSource.choices, default=ValueSource.WEB)
    source_text = models.TextField(_("câu trích nguồn"), blank=True)
    is_approved = models.BooleanField(default=False)  # always read with indicator, unit and period
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = _author()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "organization", "period", "option"], name="datavalue_unique"
            ),
            models.UniqueConstraint(
                fields=["indicator", "organization", "period"],
                condition=models.Q(option__isnull=True),
                name="datavalue_unique_total",
            ),
        ]
        indexes = [
            models.Index(fields=["indicator", "period", "organization"]),
            models.Index(fields=["organization", "period"]),
        ]
        verbose_name = _("số liệu")
        verbose_name_plural = _("số liệu")

    def __str__(self):
        return f"{self.indicator.code} {self.organization_id} {self.period_id} = {self.value}"


class ValueChange(models.Model):
    """History of a value: who changed it, when, from what to what, and why."""

    data_value = models.ForeignKey(DataValue, on_delete=models.CASCADE, related_name="changes")
    at = models.DateTimeField(auto_now_add=True)
    user = _author()
    old_value = models.DecimalField(max_digits=20, decimal_places=4, null=True, blank=True)
    new_value = models.DecimalField(max_digits=20, decimal_places=4, null=True, blank=True)
    reason = models.CharField(_("lý do"), max_length=500, blank=True)
    source = models.CharField(max_length=12, choices=ValueSource.choices, default=ValueSource.WEB)
    # Which part of the value changed: value, numerator, denominator, value_high, qualifier or comment;
    # text parts keep their old and new wording in old_text / new_text.
    field = models.CharField(_("trường"), max_length=12, default="value")
    old_text = models.TextField(blank=True)
    new_text = models.TextField(blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("lịch sử số liệu")
        verbose_name_plural = _("lịch sử số liệu")

    def __str__(self):
        return f"{self.data_value_id}: {self.old_value} → {self.new_value}"

    def get_field_label(self) -> str:
        from .values import FIELD_LABELS

        return FIELD_LABELS.get(self.field, self.field)


class ImportBatch(models.Model):
    """An uploaded workbook, parsed and checked: the changes and errors shown before anything is written."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(_("tải lên lúc"), auto_now_add=True)
    file_name = models.CharField(_("tên tệp"), max_length=255)
    file_sha256 = models.CharField(max_length=64)
    file_size = models.PositiveIntegerField(default=0)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=ImportStatus.choices, default=ImportStatus.PREVIEW
    )
    # [{report, sheet, cell, indicator, option, field, old, new, label}], as JSON-safe strings.
    changes = models.JSONField(default=list, blank=True)
    errors = models.JSONField(default=list, blank=True)
    warnings = models.JSONField(default=list, blank=True)
    # {report id: version read at preview}; commit refuses if any moved.
    report_versions = models.JSONField(default=dict, blank=True)
    committed_at = models.DateTimeField(_("ghi lúc"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("lần nhập Excel")
        verbose_name_plural = _("lần nhập Excel")

    def __str__(self):
        return f"{self.file_name} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("reporting:import_preview", args=[self.pk])

    @property
    def can_commit(self) -> bool:
        return self.status == ImportStatus.PREVIEW and not self.errors and bool(self.changes)

"""Web forms of reporting: workflow reasons, uploads, report forms, targets and catalogue entries."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from phoihop.core import permissions
from phoihop.orgs.choices import OrgKind, OrgLevel
from phoihop.orgs.forms import OrgChoiceField

from .choices import PeriodKind
from .models import DisaggregationOption, Indicator, Period, ReportForm, ValidationRule
from .validation import RuleSyntaxError, parse_rule
from .values import CellError, read_number


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": _("Nhập lý do để đơn vị biết cần sửa gì.")},
    )


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp Excel (.xlsx)"),
        error_messages={"required": _("Chọn tệp Excel đã nhập số liệu.")},
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )


class ReportFormForm(forms.ModelForm):
    """A report form: its rows (indicators in order), period kind, who reports, and the dates."""

    indicators_in_order = forms.ModelMultipleChoiceField(
        label=_("Chỉ tiêu trên biểu"),
        queryset=Indicator.objects.filter(is_active=True),
        widget=forms.SelectMultiple(attrs={"size": 14}),
        help_text=_("Thứ tự dòng theo thứ tự trong danh mục."),
    )
    reporting_kinds = forms.MultipleChoiceField(
        label=_("Loại tổ chức phải báo cáo"), choices=OrgKind.choices, required=False
    )
    reporting_levels = forms.MultipleChoiceField(
        label=_("Cấp phải báo cáo"), choices=OrgLevel.choices, required=False
    )

    class Meta:
        model = ReportForm
        fields = [
            "code",
            "name",
            "description",
            "period_kind",
            "owner",
            "agreement",
            "reporting_kinds",
            "reporting_levels",
            "reporting_organizations",
            "opens_after_days",
            "deadline_days",
            "late_after_days",
            "is_active",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = permissions.organizations_for(user, "edit")
        self.fields["reporting_organizations"].queryset = permissions.visible_organizations(user)
        self.fields["reporting_organizations"].required = False
        self.fields["agreement"].queryset = permissions.visible_agreements(user)
        if self.instance.pk:
            self.fields["indicators_in_order"].initial = list(self.instance.indicators.all())

    def clean(self):
        data = super().clean()
        if not (
            data.get("reporting_kinds") or data.get("reporting_levels") or data.get("reporting_organizations")
        ):
            raise forms.ValidationError(
                _("Chọn đơn vị phải báo cáo: theo loại tổ chức, theo cấp, hoặc chọn đích danh từng đơn vị.")
            )
        return data


class TargetForm(forms.Form):
    indicator = forms.ModelChoiceField(label=_("Chỉ tiêu"), queryset=Indicator.objects.filter(is_active=True))
    option = forms.ModelChoiceField(
        label=_("Nhóm phân tổ"), queryset=DisaggregationOption.objects.all(), required=False
    )
    organization = OrgChoiceField(label=_("Đơn vị"), queryset=None)
    period = forms.ModelChoiceField(label=_("Kỳ"), queryset=Period.objects.order_by("-end"))
    value = forms.CharField(label=_("Chỉ tiêu kế hoạch"), help_text=_("Ví dụ: 1.000.000; 95; 2,5 tỷ"))
    agreement = forms.ModelChoiceField(label=_("Theo văn bản phối hợp"), queryset=None, required=False)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = permissions.visible_organizations(user)
        self.fields["organization"].show_likely(user, self["organization"].value())
        self.fields["agreement"].queryset = permissions.visible_agreements(user)

    def clean_value(self):
        try:
            value = read_number(self.cleaned_data["value"], "Chỉ tiêu kế hoạch")[0]
        except CellError as exc:
            raise forms.ValidationError(exc.message)
        if value is None:
            raise forms.ValidationError(_("Nhập chỉ tiêu kế hoạch."))
        return value


class PeriodForm(forms.Form):
    """Pick or name a period: kind plus the year (and half/quarter/month), or a programme's years."""

    kind = forms.ChoiceField(label=_("Loại kỳ"), choices=PeriodKind.choices)
    year = forms.IntegerField(label=_("Năm (năm bắt đầu với giai đoạn)"), min_value=1990, max_value=2100)
    part = forms.IntegerField(
        label=_("Tháng / quý / nửa năm (1 hoặc 2)"), required=False, min_value=1, max_value=12
    )
    end_year = forms.IntegerField(
        label=_("Năm kết thúc giai đoạn"), required=False, min_value=1990, max_value=2100
    )

    def period(self) -> Period:
        import calendar
        import datetime as dt

        kind, year = self.cleaned_data["kind"], self.cleaned_data["year"]
        part = self.cleaned_data.get("part") or 1
        if kind == PeriodKind.YEAR:
            return Period.for_year(year)
        if kind == PeriodKind.HALF_YEAR:
            return Period.for_half(year, 2 if part == 2 else 1)
        if kind == PeriodKind.PROGRAMME:
            return Period.for_programme(year, self.cleaned_data.get("end_year") or year)
        if kind == PeriodKind.QUARTER:
            month = (min(part, 4) - 1) * 3 + 1
            end = dt.date(year, month + 2, calendar.monthrange(year, month + 2)[1])
            return Period.objects.get_or_create(kind=kind, start=dt.date(year, month, 1), end=end)[0]
        end = dt.date(year, part, calendar.monthrange(year, part)[1])
        return Period.objects.get_or_create(kind=kind, start=dt.date(year, part, 1), end=end)[0]

    def clean(self):
        data = super().clean()
        if (
            data.get("kind") == PeriodKind.PROGRAMME
            and data.get("end_year")
            and data["end_year"] < data.get("year", 0)
        ):
            raise forms.ValidationError(_("Năm kết thúc giai đoạn phải sau năm bắt đầu."))
        return data


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = [
            "code",
            "name",
            "name_en",
            "theme",
            "value_type",
            "unit",
            "aggregation",
            "disaggregation",
            "numerator_label",
            "denominator_label",
            "description",
            "order",
            "is_active",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def clean(self):
        data = super().clean()
        if data.get("value_type") == "ratio" and not (
            data.get("numerator_label") and data.get("denominator_label")
        ):
            raise forms.ValidationError(_("Chỉ tiêu tỷ lệ cần ghi rõ tử số và mẫu số."))
        return data


class ValidationRuleForm(forms.ModelForm):
    class Meta:
        model = ValidationRule
        fields = ["form", "name", "expression", "severity", "message"]

    def clean_expression(self):
        expression = self.cleaned_data["expression"]
        try:
            parse_rule(expression)
        except RuleSyntaxError as exc:
            raise forms.ValidationError(str(exc))
        return expression

"""Django admin for the catalogue (administrators add indicators here), forms, rules, periods and targets."""

from django.contrib import admin

from . import actions
from .forms import ValidationRuleForm
from .models import (
    Disaggregation,
    DisaggregationOption,
    FormIndicator,
    ImportBatch,
    Indicator,
    Period,
    Report,
    ReportForm,
    Target,
    ValidationRule,
)


class OptionInline(admin.TabularInline):
    model = DisaggregationOption
    extra = 1


@admin.register(Disaggregation)
class DisaggregationAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "name_en"]
    inlines = [OptionInline]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = [
        "code",
        "name",
        "theme",
        "value_type",
        "unit",
        "aggregation",
        "disaggregation",
        "is_active",
    ]
    list_filter = ["theme", "value_type", "aggregation", "is_active"]
    search_fields = ["code", "name", "name_en"]
    filter_horizontal = ["content_areas"]

    def save_model(self, request, obj, form, change):
        actions.save_indicator(request.user, obj)


class FormIndicatorInline(admin.TabularInline):
    model = FormIndicator
    extra = 1
    autocomplete_fields = ["indicator"]


class RuleInline(admin.TabularInline):
    model = ValidationRule
    form = ValidationRuleForm
    extra = 0


@admin.register(ReportForm)
class ReportFormAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "period_kind", "owner", "deadline_days", "is_active"]
    list_filter = ["period_kind", "is_active"]
    search_fields = ["code", "name"]
    inlines = [FormIndicatorInline, RuleInline]
    filter_horizontal = ["reporting_organizations"]
    raw_id_fields = ["owner", "agreement"]


@admin.register(ValidationRule)
class ValidationRuleAdmin(admin.ModelAdmin):
    form = ValidationRuleForm
    list_display = ["name", "expression", "severity", "form"]
    list_filter = ["severity"]


@admin.register(Period)
class PeriodAdmin(admin.ModelAdmin):
    list_display = ["label", "kind", "start", "end"]
    list_filter = ["kind"]


@admin.register(Target)
class TargetAdmin(admin.ModelAdmin):
    list_display = ["indicator", "organization", "period", "option", "value", "agreement"]
    raw_id_fields = ["organization", "agreement"]


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    """Read-only: reports change through the workflow pages, which keep history."""

    list_display = ["form", "organization", "period", "status", "due_date", "submitted_at"]
    list_filter = ["status", "form"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = ["file_name", "user", "created_at", "status"]

    def has_change_permission(self, request, obj=None):
        return False

"""Managing reporting: report forms and the reports they make due, targets, the catalogue, completeness."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from phoihop.core import permissions

from . import actions, selectors
from .choices import ReportStatus
from .forms import IndicatorForm, PeriodForm, ReportFormForm, TargetForm
from .models import Disaggregation, Indicator, Period, Report, ReportForm


def visible_forms(user):
    """Forms the user issues or reports on: owned within their subtree, or with reports of their units."""
    if permissions.is_global(user):
        return ReportForm.objects.all()
    orgs = permissions.visible_organizations(user)
    reported = Report.objects.filter(organization__in=orgs).values("form_id")
    return ReportForm.objects.filter(
        Q(owner__in=orgs) | Q(pk__in=reported) | Q(reporting_organizations__in=orgs)
    ).distinct()


@login_required
def form_list(request: HttpRequest) -> HttpResponse:
    forms = visible_forms(request.user).select_related("owner").annotate(n_rows=Count("rows", distinct=True))
    return render(
        request,
        "reporting/form_list.html",
        {"forms": forms, "can_create": permissions.organizations_for(request.user, "edit").exists()},
    )


@login_required
def form_detail(request: HttpRequest, pk: int) -> HttpResponse:
    form = get_object_or_404(visible_forms(request.user).select_related("owner", "agreement"), pk=pk)
    reports = selectors.visible_reports(request.user, form.reports.select_related("organization", "period"))
    by_period: dict = {}
    for report in reports.order_by("-period__start", "organization__path"):
        by_period.setdefault(report.period, []).append(report)
    return render(
        request,
        "reporting/form_detail.html",
        {
            "form": form,
            "lines": form.rows.select_related("indicator"),
            "rules": form.rules.all(),
            "by_period": by_period,
            "due_orgs": actions.organizations_due(form),
            "can_edit": permissions.can(request.user, "edit", form.owner),
            "period_form": PeriodForm(initial={"kind": form.period_kind}),
            "completeness": {c.period.pk: c for c in selectors.completeness(request.user, form=form)},
        },
    )


def _save_form(request, instance=None) -> HttpResponse:
    form = ReportFormForm(request.POST or None, instance=instance, user=request.user)
    if instance is not None and not permissions.can(request.user, "edit", instance.owner):
        raise PermissionDenied("Bạn không có quyền sửa biểu mẫu này.")
    if request.method == "POST" and form.is_valid():
        obj = form.save(commit=False)
        indicators = sorted(
            form.cleaned_data["indicators_in_order"], key=lambda i: (i.theme, i.order, i.code)
        )
        try:
            actions.save_form(
                request.user, obj, indicators, list(form.cleaned_data["reporting_organizations"])
            )
        except PermissionDenied as exc:
            form.add_error("owner", str(exc))
        else:
            messages.success(request, f"Đã lưu biểu mẫu «{obj.name}».")
            return redirect(obj)
    return render(request, "reporting/form_edit.html", {"form": form, "instance": instance})


@login_required
def form_create(request: HttpRequest) -> HttpResponse:
    return _save_form(request)


@login_required
def form_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _save_form(request, get_object_or_404(visible_forms(request.user), pk=pk))


@login_required
@require_POST
def form_create_reports(request: HttpRequest, pk: int) -> HttpResponse:
    form = get_object_or_404(visible_forms(request.user), pk=pk)
    period_form = PeriodForm(request.POST)
    if not period_form.is_valid():
        messages.error(
            request, "Kỳ báo cáo chưa hợp lệ: " + "; ".join(str(e) for e in period_form.errors.values())
        )
        return redirect(form)
    try:
        created = actions.create_reports(form, period_form.period(), request.user)
    except (actions.ReportingError, PermissionDenied) as exc:
        messages.error(request, getattr(exc, "message", str(exc)))
    else:
        messages.success(request, f"Đã giao {len(created)} báo cáo mới cho {period_form.period().label}.")
    return redirect(form)


@login_required
def targets(request: HttpRequest) -> HttpResponse:
    form = TargetForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.set_target(
                request.user,
                data["indicator"],
                data["organization"],
                data["period"],
                data["value"],
                data.get("option"),
                data.get("agreement"),
            )
        except (actions.ReportingError, PermissionDenied) as exc:
            form.add_error(None, getattr(exc, "message", str(exc)))
        else:
            messages.success(request, "Đã lưu chỉ tiêu kế hoạch.")
            return redirect("reporting:targets")
    rows = []
    for target in selectors.visible_targets(request.user).select_related(
        "indicator", "organization", "period", "option", "agreement"
    )[:300]:
        achieved = selectors.target_progress(target)
        share = achieved * 100 / target.value if achieved is not None and target.value else None
        rows.append((target, achieved, share))
    return render(request, "reporting/targets.html", {"form": form, "rows": rows})


@login_required
def catalogue(request: HttpRequest) -> HttpResponse:
    indicators = Indicator.objects.select_related("disaggregation").prefetch_related(
        "disaggregation__options"
    )
    return render(
        request,
        "reporting/catalogue.html",
        {
            "indicators": indicators,
            "disaggregations": Disaggregation.objects.prefetch_related("options"),
            "can_manage": actions.can_manage_catalogue(request.user),
        },
    )


@login_required
def indicator_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    if not actions.can_manage_catalogue(request.user):
        raise PermissionDenied("Chỉ quản trị viên mới thêm hoặc sửa chỉ tiêu trong danh mục.")
    instance = get_object_or_404(Indicator, pk=pk) if pk else None
    form = IndicatorForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        actions.save_indicator(request.user, form.save(commit=False))
        messages.success(request, "Đã lưu chỉ tiêu.")
        return redirect("reporting:catalogue")
    return render(request, "reporting/indicator_edit.html", {"form": form, "instance": instance})


@login_required
def completeness(request: HttpRequest) -> HttpResponse:
    form_id = request.GET.get("bieu")
    period_id = request.GET.get("ky")
    form = get_object_or_404(visible_forms(request.user), pk=form_id) if form_id else None
    period = get_object_or_404(Period, pk=period_id) if period_id else None
    rows = selectors.completeness(request.user, form=form, period=period)
    late = []
    if form is not None and period is not None:
        late = [
            r
            for r in selectors.visible_reports(request.user, Report.objects.filter(form=form, period=period))
            .exclude(status__in=[ReportStatus.SUBMITTED, ReportStatus.APPROVED])
            .select_related("organization", "form")
            if r.is_late()
        ]
    return render(
        request,
        "reporting/completeness.html",
        {"rows": rows, "form": form, "period": period, "late": late, "forms": visible_forms(request.user)},
    )

"""Pages built on the registries: initiative leaderboards, typed-versus-registry comparison, printable
commendation lists (HTML for the browser's print, PDF through WeasyPrint)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string

from phoihop.core import permissions
from phoihop.core.formatting import vn_date
from phoihop.core.i18n import in_vietnamese

from . import comparison
from .choices import RecipientKind
from .leaderboards import initiative_leaderboard
from .models import ComputedValue
from .refs import resolver_for
from .registry import get_registry


def _org_choices(user):
    return permissions.visible_organizations(user).exclude(kind="enterprise").order_by("path")


def _chosen_org(request, orgs):
    pk = request.GET.get("org")
    if pk and pk.isdigit():
        org = orgs.filter(pk=int(pk)).first()
        if org is None:
            raise Http404
        return org
    roots = permissions.roots(request.user)
    return roots[0] if roots else orgs.first()


@login_required
def leaderboard(request: HttpRequest) -> HttpResponse:
    orgs = _org_choices(request.user)
    root = _chosen_org(request, orgs)
    movements = resolver_for("movement", request.user)
    movement = None
    if request.GET.get("movement", "").isdigit():
        movement = movements.by_id.get(int(request.GET["movement"]))
    by = "cluster" if request.GET.get("by") == "cluster" else "unit"
    rows = initiative_leaderboard(root, movement=movement, by=by) if root else []
    return render(
        request,
        "registries/leaderboard.html",
        {
            "orgs": orgs,
            "root": root,
            "movements": movements.items,
            "movement": movement,
            "by": by,
            "rows": rows,
            "has_targets": any(r.target for r in rows),
        },
    )


@login_required
def compare_page(request: HttpRequest) -> HttpResponse:
    from phoihop.reporting.models import Period

    orgs = _org_choices(request.user)
    org = _chosen_org(request, orgs)
    periods = Period.objects.order_by("-start", "end")
    period = None
    if request.GET.get("period", "").isdigit():
        period = periods.filter(pk=int(request.GET["period"])).first()
    if period is None and org is not None:
        from phoihop.reporting.models import DataValue

        # The period with the most figures both typed by the unit and computed from its registries (latest first).
        typed = list(
            DataValue.objects.filter(organization=org)
            .order_by("-period__end")
            .values_list("period_id", "indicator_id")
            .distinct()
        )
        computed = set(
            ComputedValue.objects.filter(
                organization__path__startswith=org.path, period_id__in={p for p, _ in typed}
            )
            .values_list("period_id", "indicator_id")
            .distinct()
        )
        order = list(dict.fromkeys(p for p, _ in typed))
        score = {p: sum(1 for pair in typed if pair[0] == p and pair in computed) for p in order}
        chosen = max(order, key=lambda p: (score[p], -order.index(p)), default=None)
        period = periods.filter(pk=chosen).first() if chosen else periods.first()
    lines = comparison.compare(org, period) if org and period else []
    return render(
        request,
        "registries/comparison.html",
        {
            "orgs": orgs,
            "org": org,
            "periods": periods,
            "period": period,
            "lines": lines,
            "differences": sum(1 for line in lines if line.status == comparison.DIFFERENT),
        },
    )


def _print_context(request, pk: int) -> dict:
    registry = get_registry("quyet-dinh-khen-thuong")
    decision = get_object_or_404(registry.queryset(request.user), pk=pk)
    recipients = list(decision.recipients.select_related("organization"))
    return {
        "decision": decision,
        "collectives": [r for r in recipients if r.kind == RecipientKind.COLLECTIVE],
        "individuals": [r for r in recipients if r.kind == RecipientKind.INDIVIDUAL],
        "date_label": vn_date(decision.decision_date),
    }


@login_required
def commendation_print(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "registries/commendation_print.html", _print_context(request, pk))


@login_required
@in_vietnamese
def commendation_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    from weasyprint import HTML

    html = render_to_string(
        "registries/commendation_sheet.html", _print_context(request, pk), request=request
    )
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="danh-sach-khen-thuong-{pk}.pdf"'
    return response

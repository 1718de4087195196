"""Pages for organisations (trees, search, detail, create/edit), administrative units and people."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from phoihop.core import permissions
from phoihop.core.htmx import render_page

from . import actions, selectors
from .admin_units import snapshot_source
from .choices import OrgKind, OrgLevel, UnitLevel
from .forms import SCOPES, OrganizationForm
from .models import AdminUnit, Organization

PAGE_SIZE = 50
# Which unit level fits an organisation level, to narrow the unit picker.
UNIT_LEVEL_FOR_ORG = {"province": "province", "district": "district", "commune": "commune"}


def _visible_org(request, pk: int) -> Organization:
    return get_object_or_404(permissions.visible_organizations(request.user), pk=pk)


@login_required
def org_list(request: HttpRequest) -> HttpResponse:
    context = {
        "trees": selectors.trees(request.user),
        "filters": selectors.OrgFilters(),
        "kinds": OrgKind.choices,
        "levels": OrgLevel.choices,
        "can_create": permissions.organizations_for(request.user, "edit").exists(),
    }
    return render(request, "orgs/list.html", context)


@login_required
def org_search(request: HttpRequest) -> HttpResponse:
    filters = selectors.OrgFilters.from_params(request.GET)
    results = selectors.search_organizations(request.user, filters) if filters.active else None
    page = Paginator(results, PAGE_SIZE).get_page(request.GET.get("page")) if results is not None else None
    context = {"filters": filters, "page": page, "kinds": OrgKind.choices, "levels": OrgLevel.choices}
    return render_page(request, "orgs/search.html", context, partial="orgs/_search_results.html")


@login_required
def org_suggest(request: HttpRequest) -> JsonResponse:
    """Units matching what is typed, for a unit field: those the field's scope (`quyen`) accepts for this user."""
    choices, _action = SCOPES.get(request.GET.get("quyen") or "view", SCOPES["view"])
    options, more = selectors.suggest_orgs(choices(request.user, request.GET), request.GET.get("q", "")[:100])
    return JsonResponse({"options": options, "more": more})


@login_required
def org_children(request: HttpRequest, pk: int) -> HttpResponse:
    org = _visible_org(request, pk)
    return render(request, "orgs/_tree_children.html", {"nodes": selectors.children(request.user, org)})


@login_required
def org_detail(request: HttpRequest, pk: int) -> HttpResponse:
    from phoihop.programs.models import Agreement

    org = get_object_or_404(
        permissions.visible_organizations(request.user).select_related(
            "admin_unit", "admin_unit__parent", "admin_unit__province", "counterpart", "parent"
        ),
        pk=pk,
    )
    user = request.user
    agreements = permissions.visible_agreements(user, Agreement.objects.filter(parties=org)).order_by(
        "-period_start_year", "-signed_date"
    )
    counterpart_visible = bool(org.counterpart_id) and permissions.can(user, "view", org.counterpart)
    context = {
        "org": org,
        "ancestors": selectors.visible_ancestors(user, org),
        "children": selectors.children(user, org),
        "current_units": selectors.current_units_of(org.admin_unit),
        "counterpart_visible": counterpart_visible,
        "agreements": agreements,
        "people": org.people.order_by("full_name"),
        "can_edit": permissions.can(user, "edit", org),
        "can_admin": permissions.can(user, "admin", org),
        "members": selectors.members(org) if permissions.can(user, "admin", org) else [],
    }
    return render(request, "orgs/detail.html", context)


def _save_form(request, form: OrganizationForm, org: Organization | None):
    """Run the action with the parsed fields; rule violations come back onto the form's fields."""
    fields = {name: form.cleaned_data.get(name) for name in form.Meta.fields}
    try:
        if org is None:
            return actions.create_organization(request.user, **fields)
        return actions.update_organization(request.user, org, **fields)
    except ValidationError as exc:
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    return None


@login_required
def org_create(request: HttpRequest) -> HttpResponse:
    parent = None
    parent_id = request.GET.get("parent") or request.POST.get("parent")
    if parent_id and str(parent_id).isdigit():
        parent = permissions.visible_organizations(request.user).filter(pk=parent_id).first()
    if not permissions.organizations_for(request.user, "edit").exists():
        raise PermissionDenied(_("Bạn không có quyền thêm đơn vị."))
    if parent is not None and not permissions.can(request.user, "edit", parent):
        raise PermissionDenied(_("Bạn không có quyền thêm đơn vị trực thuộc %(org)s.") % {"org": parent})
    if parent is None:
        editable_roots = permissions.roots(request.user, "edit")
        if len(editable_roots) == 1:
            parent = editable_roots[0]  # the usual case: an editor adds units under their own
    initial = {"parent": parent}
    if parent is not None:
        initial.update(_child_defaults(parent))
    form = OrganizationForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            org = _save_form(request, form, None)
        except PermissionDenied as exc:
            form.add_error("parent", str(exc))
            org = None
        if org is not None:
            messages.success(request, _("Đã thêm %(org)s.") % {"org": org})
            return redirect("orgs:detail", org.pk)
    return render(request, "orgs/form.html", {"form": form, "org": None, "parent": parent})


def _child_defaults(parent: Organization) -> dict:
    """Sensible kind and level for a new unit under `parent` (the form still lets the user change them)."""
    if parent.kind in (OrgKind.PEOPLE_COMMITTEE,):
        return {"kind": OrgKind.DEPARTMENT, "level": parent.level, "admin_unit": parent.admin_unit_id}
    if parent.kind == OrgKind.NATIONAL_FEDERATION:
        return {"kind": OrgKind.LABOUR_FEDERATION, "level": OrgLevel.PROVINCE}
    if parent.kind in (OrgKind.LABOUR_FEDERATION, OrgKind.UPPER_LEVEL_UNION, OrgKind.REGIONAL_UNION):
        return {
            "kind": OrgKind.GRASSROOTS_UNION,
            "level": OrgLevel.GRASSROOTS,
            "admin_unit": parent.admin_unit_id,
        }
    return {"level": parent.level, "admin_unit": parent.admin_unit_id}


@login_required
def org_edit(request: HttpRequest, pk: int) -> HttpResponse:
    org = _visible_org(request, pk)
    if not permissions.can(request.user, "edit", org):
        raise PermissionDenied(_("Bạn không có quyền sửa %(org)s.") % {"org": org})
    form = OrganizationForm(request.POST or None, instance=org, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            saved = _save_form(request, form, org)
        except PermissionDenied as exc:
            form.add_error("parent", str(exc))
            saved = None
        if saved is not None:
            messages.success(request, _("Đã lưu %(org)s.") % {"org": saved})
            return redirect("orgs:detail", saved.pk)
    return render(request, "orgs/form.html", {"form": form, "org": org, "parent": org.parent})


@login_required
def unit_list(request: HttpRequest) -> HttpResponse:
    q = (request.GET.get("q") or "").strip()[:100]
    era = request.GET.get("era") or ""
    level = request.GET.get("level") or ""
    units = selectors.search_units(q, era, level, limit=100) if q else []
    context = {
        "q": q,
        "era": era,
        "level": level,
        "units": units,
        "levels": UnitLevel.choices,
        "source": snapshot_source(),
    }
    return render_page(request, "orgs/units.html", context, partial="orgs/_unit_results.html")


@login_required
def unit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    unit = get_object_or_404(AdminUnit.objects.select_related("parent", "province"), pk=pk)
    orgs = selectors.organizations_on_unit(request.user, unit).order_by("path")[:200]
    context = {
        "unit": unit,
        **selectors.unit_links(unit),
        "children_count": unit.children.count(),
        "organizations": orgs,
    }
    return render(request, "orgs/unit_detail.html", context)


@login_required
def unit_options(request: HttpRequest) -> HttpResponse:
    """Picker suggestions: units matching the typed name, narrowed to the level the organisation needs."""
    field = request.GET.get("field") or "admin_unit"
    q = (request.GET.get("unit_q") or request.GET.get("q") or "").strip()[:100]
    level = UNIT_LEVEL_FOR_ORG.get(request.GET.get("level") or "", "")
    units = selectors.search_units(q, level=level, limit=20) if len(q) >= 2 else []
    return render(request, "orgs/_unit_options.html", {"units": units, "field": field, "q": q})


@login_required
def unit_pick(request: HttpRequest) -> HttpResponse:
    field = request.GET.get("field") or "admin_unit"
    unit_id = request.GET.get("unit") or ""
    unit = (
        AdminUnit.objects.select_related("parent", "province").filter(pk=unit_id).first()
        if unit_id.isdigit()
        else None
    )
    return render(
        request,
        "orgs/_unit_picker.html",
        {"field": field, "unit": unit, "value": unit.pk if unit else "", "level_field": "level"},
    )


@login_required
def person_list(request: HttpRequest) -> HttpResponse:
    from phoihop.core.text import fold

    q = (request.GET.get("q") or "").strip()[:100]
    people = selectors.visible_people(request.user).order_by("full_name")
    for word in fold(q).split():
        people = people.filter(name_folded__contains=word)
    page = Paginator(people, PAGE_SIZE).get_page(request.GET.get("page"))
    return render_page(request, "orgs/people.html", {"page": page, "q": q}, partial="orgs/_people_rows.html")


@login_required
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_object_or_404(selectors.visible_people(request.user), pk=pk)
    return render(request, "orgs/person_detail.html", {"person": person})

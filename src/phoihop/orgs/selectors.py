"""Read queries for organisations, admin units and people, all scoped through core.permissions."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from phoihop.core import permissions
from phoihop.core.text import fold

from .choices import GOVERNMENT_KINDS, UNION_KINDS, OrgKind, OrgLevel, UnitLevel
from .models import AdminUnit, AdminUnitSuccession, Organization, Person

TREES = (
    ("government", _("Chính quyền"), GOVERNMENT_KINDS),
    ("union", _("Công đoàn"), UNION_KINDS),
    ("party", _("Cấp ủy Đảng"), {OrgKind.PARTY_COMMITTEE}),
)


def with_counts(qs: QuerySet) -> QuerySet:
    return qs.select_related("admin_unit", "admin_unit__parent", "admin_unit__province").annotate(
        child_count=Count("children", distinct=True)
    )


def tree_roots(user) -> list[Organization]:
    """The top of what the user sees: their membership units (nested ones dropped), or the real roots."""
    if permissions.is_global(user):
        qs = Organization.objects.filter(parent__isnull=True)
    else:
        roots = permissions.roots(user, "view")
        paths = sorted({org.path for org in roots})
        top = [p for p in paths if not any(p != q and p.startswith(q) for q in paths)]
        qs = Organization.objects.filter(path__in=top)
    roots = list(with_counts(qs).order_by("name"))
    # The first level below each root is rendered with the page; deeper levels load on demand (htmx).
    below: dict[int, list[Organization]] = {}
    for child in with_counts(Organization.objects.filter(parent__in=roots)).order_by("kind", "name"):
        below.setdefault(child.parent_id, []).append(child)
    for org in roots:
        org.preloaded = below.get(org.pk, [])
    return roots


def trees(user) -> list[dict]:
    """The roots split into the government, union and party trees, plus whatever else sits at the top."""
    roots = tree_roots(user)
    result, placed = [], set()
    for key, label, kinds in TREES:
        items = [org for org in roots if org.kind in kinds]
        placed.update(org.pk for org in items)
        if items or key != "party":  # the two main trees always show, even when empty for this user
            result.append({"key": key, "label": label, "roots": items})
    others = [org for org in roots if org.pk not in placed]
    if others:
        result.append({"key": "other", "label": _("Doanh nghiệp, cơ quan, đơn vị khác"), "roots": others})
    return result


def children(user, org: Organization) -> list[Organization]:
    qs = permissions.visible_organizations(user, Organization.objects.filter(parent=org))
    return list(with_counts(qs).order_by("kind", "name"))


@dataclass
class OrgFilters:
    q: str = ""
    kind: str = ""
    level: str = ""
    parent: int | None = None

    @classmethod
    def from_params(cls, params) -> OrgFilters:
        parent = params.get("parent") or ""
        return cls(
            q=(params.get("q") or "").strip()[:200],
            kind=params.get("kind") if params.get("kind") in OrgKind.values else "",
            level=params.get("level") if params.get("level") in OrgLevel.values else "",
            parent=int(parent) if str(parent).isdigit() else None,
        )

    @property
    def active(self) -> bool:
        return bool(self.q or self.kind or self.level or self.parent)


def search_organizations(user, filters: OrgFilters) -> QuerySet:
    qs = permissions.visible_organizations(user)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.level:
        qs = qs.filter(level=filters.level)
    if filters.parent:
        qs = qs.filter(parent_id=filters.parent)
    qs = qs.search(filters.q) if filters.q else qs.order_by("path")
    return qs.select_related("admin_unit", "admin_unit__parent", "admin_unit__province", "parent")


def visible_ancestors(user, org: Organization) -> list[tuple[Organization, bool]]:
    """The parent chain, each with whether the user may open it (units above their own show as names only)."""
    return [(a, permissions.can(user, "view", a)) for a in org.ancestors()]


def current_units_of(unit: AdminUnit | None) -> dict:
    """For a legacy unit: today's provinces and communes that took its territory (with the partly-merged flag)."""
    if unit is None or not unit.is_legacy:
        return {"provinces": [], "communes": []}
    links = (
        AdminUnitSuccession.objects.filter(old=unit)
        .select_related("new", "new__parent")
        .order_by("new__name")
    )
    return {
        "provinces": [link for link in links if link.new.level == UnitLevel.PROVINCE],
        "communes": [link for link in links if link.new.level == UnitLevel.COMMUNE],
    }


def search_units(query: str, era: str = "", level: str = "", limit: int = 30) -> QuerySet:
    qs = AdminUnit.objects.search(query).select_related("parent", "province")
    if era == "current":
        qs = qs.filter(is_legacy=False)
    elif era == "legacy":
        qs = qs.filter(is_legacy=True)
    if level in UnitLevel.values:
        qs = qs.filter(level=level)
    # Provinces first, then districts, then communes; current before legacy.
    order = {"province": 0, "district": 1, "commune": 2}
    units = sorted(qs[:500], key=lambda u: (order[u.level], u.is_legacy, u.name_folded))
    return units[:limit]


def unit_links(unit: AdminUnit) -> dict:
    successors = (
        AdminUnitSuccession.objects.filter(old=unit)
        .select_related("new", "new__parent")
        .order_by("new__level", "new__name")
    )
    predecessors = (
        AdminUnitSuccession.objects.filter(new=unit)
        .select_related("old", "old__parent", "old__province")
        .order_by("old__level", "old__name")
    )
    return {"successors": list(successors), "predecessors": list(predecessors)}


def organizations_on_unit(user, unit: AdminUnit) -> QuerySet:
    """Organisations sitting on the unit, and for a current unit also those on the legacy units it absorbed."""
    q = Q(admin_unit=unit)
    if not unit.is_legacy:
        q |= Q(admin_unit__in=AdminUnitSuccession.objects.filter(new=unit).values("old_id"))
    return permissions.visible_organizations(user, Organization.objects.filter(q)).select_related(
        "admin_unit"
    )


def visible_people(user) -> QuerySet:
    orgs = permissions.visible_organizations(user)
    qs = Person.objects.select_related("organization")
    if permissions.is_global(user):
        return qs
    return qs.filter(organization__in=orgs)


def members(org: Organization):
    return org.memberships.select_related("user").order_by("role", "user__username")


def org_label(org, duplicated: bool = False) -> str:
    """The name a user types or picks; a name shared by two units gets its parent's name appended."""
    if duplicated and org.parent_id:
        return f"{org.name} – {org.parent.name}"
    return org.name


def shared_names(queryset, names) -> set[str]:
    """Of these folded unit names, those that two or more units of `queryset` bear as their full name.

    The one rule for when a label carries the parent's name (org_label): the unit suggestions, the registry forms
    and the import resolver (registries.resolve) follow it, so a label offered is a label accepted back. A short
    name equal to another unit's full name does not make that name shared.
    """
    names = {n for n in names if n}
    if not names:
        return set()
    # name_folded is the folded name, then the folded short name when there is one.
    candidates = Q()
    for name in names:
        candidates |= Q(name_folded=name) | Q(name_folded__startswith=f"{name} ")
    counts = Counter(fold(full) for full in queryset.filter(candidates).values_list("name", flat=True))
    return {name for name in names if counts[name] > 1}


def suggest_orgs(queryset, query: str, limit: int = 12) -> tuple[list[dict], bool]:
    """Units of `queryset` whose name matches what is being typed, diacritics ignored ("hai ba" finds Hai Bà
    Trưng), or whose tax code starts with it: at most `limit`, each with the label the resolver accepts back."""
    text = (query or "").strip()
    if not text:
        return [], False
    if text.replace("-", "").isdigit():
        matches = queryset.filter(tax_code__startswith=text).order_by("depth", "name")
    else:
        matches = queryset.search(text)
    found = list(matches.select_related("parent").only("id", "name", "parent__name", "tax_code")[: limit + 1])
    more = len(found) > limit
    found = found[:limit]
    shared = shared_names(queryset, {fold(org.name) for org in found})
    options = [
        {
            "id": org.pk,
            "value": org_label(org, fold(org.name) in shared),
            "hint": " · ".join(
                x for x in (org.parent.name if org.parent_id else "", org.tax_code or "") if x
            ),
        }
        for org in found
    ]
    return options, more

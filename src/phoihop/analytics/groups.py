"""Which organisations a query adds up, grouped how: units, their subtree at a level, lists, areas old and new.

An area (địa bàn) is an administrative unit. Asked by today's unit, it gathers the organisations on that unit and
on the units inside it, plus those still on legacy units the 2025 reform mapped into it (old→new succession), so
figures reported before the merger are included. Asked by a legacy unit, it gathers what sat on that unit then.
Scoping goes through phoihop.core.permissions: a user adds up only what lies inside their own subtrees.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from phoihop.core import permissions
from phoihop.orgs.models import AdminUnit, AdminUnitSuccession, Organization

from .errors import OutOfScope, QueryError

ORG_FIELDS = ("pk", "name", "short_name", "path", "level", "parent_id", "depth", "kind")


@dataclass
class Group:
    """One row of the organisation (or area) dimension: a label and the disjoint subtrees it adds up."""

    key: int | None
    label: str
    roots: list[Organization]
    sort: str = ""
    partial_units: list[str] = field(default_factory=list)


def minimal(orgs: Iterable[Organization]) -> list[Organization]:
    """Drop organisations that lie inside another one of the list, so no subtree is counted twice."""
    result: list[Organization] = []
    for org in sorted({o.pk: o for o in orgs}.values(), key=lambda o: o.path):
        if not result or not any(org.path.startswith(r.path) for r in result):
            result.append(org)
    return result


def overlapping(groups: list[Group]) -> bool:
    paths = sorted(r.path for g in groups for r in g.roots)
    return any(b.startswith(a) for a, b in zip(paths, paths[1:], strict=False))


def _unrestricted(user) -> bool:
    return user is None or permissions.is_global(user)


def restrict(orgs: Iterable[Organization], user) -> list[Organization]:
    """The parts of these organisations' subtrees the user may see: a unit above the user's own is
    replaced by the user's units under it; a unit elsewhere is dropped."""
    orgs = list(orgs)
    if _unrestricted(user):
        return minimal(orgs)
    mine = permissions.roots(user, "view")
    kept: list[Organization] = []
    for org in orgs:
        if any(org.path.startswith(r.path) for r in mine):
            kept.append(org)
        else:
            kept.extend(r for r in mine if r.path.startswith(org.path))
    return minimal(kept)


def default_roots(user) -> list[Organization]:
    if _unrestricted(user):
        return list(Organization.objects.filter(parent__isnull=True).only(*ORG_FIELDS).order_by("path"))
    return minimal(permissions.roots(user, "view"))


def resolve_organizations(ids: Iterable, user) -> list[Organization]:
    """Organisations by id, in the order given; an id the user may not see is "not found"."""
    wanted: list[int] = []
    for raw in ids:
        try:
            wanted.append(int(raw))
        except (TypeError, ValueError):
            raise QueryError(f"Mã đơn vị «{raw}» không hợp lệ: dùng số.", "organizations")
    found = {o.pk: o for o in Organization.objects.filter(pk__in=wanted).only(*ORG_FIELDS)}
    result = []
    for pk in dict.fromkeys(wanted):
        org = found.get(pk)
        if org is None or not (_unrestricted(user) or permissions.can(user, "view", org)):
            raise OutOfScope(f"Không tìm thấy đơn vị mã {pk} trong phạm vi của bạn.")
        result.append(org)
    return result


def org_group(org: Organization) -> Group:
    return Group(org.pk, org.name, [org], org.path)


def level_groups(roots: list[Organization], level: str) -> list[Group]:
    """The units at `level` (or directly below, for "children") inside the roots, each a group."""
    if level == "children":
        members = Organization.objects.filter(parent__in=roots)
    else:
        members = Organization.objects.filter(level=level).filter(
            pk__in=Organization.objects.filter(_paths_q(roots)).values("pk")
        )
    found = [o for o in members.only(*ORG_FIELDS).order_by("path")]
    if level != "children":
        found += [r for r in roots if r.level == level]
        found = minimal(found)
    return [org_group(o) for o in sorted(found, key=lambda o: o.path)]


def _paths_q(roots: list[Organization]):
    from functools import reduce
    from operator import or_

    from django.db.models import Q

    return reduce(or_, (Q(path__startswith=r.path) for r in roots), Q(pk__in=[]))


# --- areas (administrative units), across the 2025 reform ---------------------------------------------------


def _descendant_units(unit: AdminUnit) -> set[int]:
    ids, frontier = {unit.pk}, [unit.pk]
    while frontier:
        frontier = [
            pk
            for pk in AdminUnit.objects.filter(parent_id__in=frontier, is_legacy=unit.is_legacy).values_list(
                "pk", flat=True
            )
            if pk not in ids
        ]
        ids.update(frontier)
    return ids


def area_members(unit: AdminUnit) -> tuple[list[Organization], list[str]]:
    """Organisations on an area, and the legacy units only partly merged into it (named in a note)."""
    units = _descendant_units(unit)
    partial: list[str] = []
    if not unit.is_legacy:
        links = AdminUnitSuccession.objects.filter(new_id__in=units).select_related("old", "old__parent")
        for link in links:
            units.add(link.old_id)
            if link.is_partly_merged:
                partial.append(str(link.old))
    orgs = list(Organization.objects.filter(admin_unit_id__in=units).only(*ORG_FIELDS))
    return orgs, sorted(set(partial))


def area_groups(area_ids: Iterable, user) -> list[Group]:
    wanted: list[int] = []
    for raw in area_ids:
        try:
            wanted.append(int(raw))
        except (TypeError, ValueError):
            raise QueryError(f"Mã địa bàn «{raw}» không hợp lệ: dùng số.", "areas")
    units = {u.pk: u for u in AdminUnit.objects.filter(pk__in=wanted).select_related("parent", "province")}
    groups = []
    for pk in dict.fromkeys(wanted):
        unit = units.get(pk)
        if unit is None:
            raise QueryError(f"Không có địa bàn mã {pk}.", "areas")
        orgs, partial = area_members(unit)
        roots = restrict(orgs, user)
        groups.append(
            Group(unit.pk, unit.label, roots, f"{int(unit.is_legacy)}{unit.level}{unit.name}", partial)
        )
    return groups

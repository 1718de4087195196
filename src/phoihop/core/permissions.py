"""The one place that decides what a user may see and change: their organisations' subtrees.

Every page, API endpoint, command and task goes through these functions, so scoping is enforced once.
"""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.db.models import Q, QuerySet

from phoihop.accounts.choices import ROLE_ACTIONS


def _memberships(user):
    if not getattr(user, "is_authenticated", False):
        return []
    cache = getattr(user, "_phoihop_memberships", None)
    if cache is None:
        cache = list(user.memberships.select_related("organization"))
        user._phoihop_memberships = cache
    return cache


def is_global(user) -> bool:
    return bool(getattr(user, "is_superuser", False))


def roots(user, action: str = "view") -> list:
    """The organisations whose subtree the user may act on for `action` (view, edit, approve, admin)."""
    return [m.organization for m in _memberships(user) if action in ROLE_ACTIONS.get(m.role, set())]


def subtree_q(user, action: str = "view", field: str = "path") -> Q | None:
    """A Q object matching paths inside the user's subtrees; None means nothing (not everything)."""
    orgs = roots(user, action)
    if not orgs:
        return None
    return reduce(or_, (Q(**{f"{field}__startswith": org.path}) for org in orgs))


def ancestor_paths(user) -> set[str]:
    """Paths of the organisations above the user's own (a unit reads the programmes it implements)."""
    from phoihop.orgs.models import PATH_STEP

    step = PATH_STEP + 1
    result = set()
    for org in roots(user, "view"):
        result.update(org.path[: i + step] for i in range(0, len(org.path) - step, step))
    return result


def visible_organizations(user, qs: QuerySet | None = None) -> QuerySet:
    from phoihop.orgs.models import Organization

    qs = Organization.objects.all() if qs is None else qs
    if is_global(user):
        return qs
    q = subtree_q(user, "view")
    return qs.filter(q) if q is not None else qs.none()


def organizations_for(user, action: str, qs: QuerySet | None = None) -> QuerySet:
    """Organisations in which the user may perform `action`."""
    from phoihop.orgs.models import Organization

    qs = Organization.objects.all() if qs is None else qs
    if is_global(user):
        return qs
    q = subtree_q(user, action)
    return qs.filter(q) if q is not None else qs.none()


def can(user, action: str, org) -> bool:
    """May `user` perform `action` on organisation `org` (inside one of their subtrees)?"""
    if org is None:
        return False
    if is_global(user):
        return True
    return any(org.path.startswith(root.path) for root in roots(user, action))


def visible_agreements(user, qs: QuerySet | None = None) -> QuerySet:
    """Agreements with a party in the user's subtree, plus those of the units above (which theirs implement)."""
    from phoihop.programs.models import Agreement

    qs = Agreement.objects.all() if qs is None else qs
    if is_global(user):
        return qs
    q = subtree_q(user, "view", "parties__path")
    if q is None:
        return qs.none()
    above = ancestor_paths(user)
    if above:
        q |= Q(parties__path__in=above)
    return qs.filter(pk__in=Agreement.objects.filter(q).values("pk"))


def can_edit_agreement(user, agreement) -> bool:
    if is_global(user):
        return True
    return any(can(user, "edit", party) for party in agreement.parties.all())

"""The one place that decides what a user may see and change: their organisations' subtrees.

Every page, API endpoint, command and task goes through these functions, so scoping is enforced once.
"""

from __future__ import annotations

from functools import cache, reduce
from operator import or_

from django.db.models import Q, QuerySet

from phoihop.accounts.choices import ROLE_ACTIONS


def actor(user):
    """The user to record as having acted (created_by, history rows): None for an anonymous user or for none at all,
    as when a command runs without --user."""
    return user if getattr(user, "is_authenticated", False) else None


def actor_id(user) -> int | None:
    """The key of actor(user), for a row written without a model instance."""
    who = actor(user)
    return who.pk if who is not None else None


@cache
def _membership_rows():
    from phoihop.accounts.models import Membership

    from .sql import Select

    return Select(Membership, "t.user_id = %s", related=("organization",))


def _memberships(user):
    if not getattr(user, "is_authenticated", False):
        return []
    cache = getattr(user, "_phoihop_memberships", None)
    if cache is None:
        cache = _membership_rows().all([user.pk])
        user._phoihop_memberships = cache
    return cache


def remember_memberships(user, memberships: list) -> None:
    """The user's memberships (each with its organisation), read with the user: the checks that follow in the
    same request use them instead of reading them again. Only for rows read in this request."""
    user._phoihop_memberships = memberships


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


def speaks_for_any(user, orgs) -> bool:
    """Is the user of one of `orgs`, or of a unit above one?

    The two deliberate exceptions to subtree scoping share totals with exactly these people: a campaign board's
    participants (analytics.dashboards.shares_campaign) and a review report's co-signing bodies
    (documents.figures.shares_totals). A unit below one of `orgs` is not among them.
    """
    return any(can(user, "view", org) for org in orgs)


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


def partner_organizations(user, qs: QuerySet | None = None) -> QuerySet:
    """Organisations the user may name as a party or task lead: their own subtrees, plus the bodies their
    units work with (the counterpart, e.g. UBND quận for LĐLĐ quận, and bodies on the same administrative
    unit), so a federation can record an agreement with its people's committee without seeing its subtree."""
    from phoihop.orgs.models import Organization

    qs = Organization.objects.all() if qs is None else qs
    if is_global(user):
        return qs
    q = subtree_q(user, "view")
    if q is None:
        return qs.none()
    own = roots(user, "view")
    ids = {org.counterpart_id for org in own if org.counterpart_id}
    q |= Q(pk__in=ids) | Q(counterpart__in=own)
    units = {org.admin_unit_id for org in own if org.admin_unit_id}
    if units:
        q |= Q(admin_unit_id__in=units, depth__lte=max(org.depth for org in own))
    return qs.filter(q)


def _visible_through(user, model, qs: QuerySet | None, path_field: str) -> QuerySet:
    """Rows of `model` linked (through `path_field`) to at least one organisation in the user's subtrees."""
    qs = model.objects.all() if qs is None else qs
    if is_global(user):
        return qs
    q = subtree_q(user, "view", path_field)
    if q is None:
        return qs.none()
    return qs.filter(pk__in=model.objects.filter(q).values("pk"))


def visible_meetings(user, qs: QuerySet | None = None) -> QuerySet:
    """Meetings hosted by an organisation in the user's subtrees."""
    from phoihop.meetings.models import Meeting

    return _visible_through(user, Meeting, qs, "hosts__path")


def can_edit_meeting(user, meeting) -> bool:
    if is_global(user):
        return True
    return any(can(user, "edit", host) for host in meeting.hosts.all())


def visible_review_reports(user, qs: QuerySet | None = None) -> QuerySet:
    """Review reports issued by an organisation in the user's subtrees."""
    from phoihop.documents.models import ReviewReport

    return _visible_through(user, ReviewReport, qs, "organizations__path")


def can_edit_review_report(user, report) -> bool:
    if is_global(user):
        return True
    return any(can(user, "edit", org) for org in report.organizations.all())


# Reporting: a unit reports for itself (and the units under it it edits for); its parent approves.
def can_report_for(user, org) -> bool:
    """May `user` enter and submit figures for organisation `org`?"""
    return can(user, "edit", org)


def can_approve_for(user, org) -> bool:
    """May `user` approve, return or unlock reports of `org`? Only from the parent unit (or above)."""
    if org is None:
        return False
    if is_global(user):
        return True
    if not org.parent_id:
        return False
    return can(user, "approve", org.parent)


def approvable_organizations(user, qs: QuerySet | None = None) -> QuerySet:
    """Organisations whose reports `user` approves: those whose parent lies in the user's approve subtree."""
    from phoihop.orgs.models import Organization

    qs = Organization.objects.all() if qs is None else qs
    if is_global(user):
        return qs
    q = subtree_q(user, "approve", "parent__path")
    return qs.filter(q) if q is not None else qs.none()


def referenceable_organizations(user, qs: QuerySet | None = None) -> QuerySet:
    """Organisations a user may *name* in a record (an issuer, a borrower, a commended department) without
    seeing their records: their own subtrees; the subtrees of their direct partners (the counterpart and the
    co-parties of agreements their units signed, e.g. UBND quận and its departments for LĐLĐ quận); and the
    units above theirs with those units' partners (a launching federation, a city people's committee)."""
    from phoihop.orgs.models import Organization
    from phoihop.programs.models import AgreementParty

    qs = Organization.objects.all() if qs is None else qs
    if is_global(user):
        return qs
    own = roots(user, "view")
    if not own:
        return qs.none()
    own_ids = [org.pk for org in own]
    partner_ids = {org.counterpart_id for org in own if org.counterpart_id}
    partner_ids |= set(Organization.objects.filter(counterpart_id__in=own_ids).values_list("pk", flat=True))
    signed = AgreementParty.objects.filter(organization_id__in=own_ids).values("agreement_id")
    partner_ids |= set(
        AgreementParty.objects.filter(agreement_id__in=signed).values_list("organization_id", flat=True)
    )
    partners = Organization.objects.filter(pk__in=partner_ids).only("path")
    q = reduce(or_, (Q(path__startswith=org.path) for org in [*own, *partners]))
    above = ancestor_paths(user)
    if above:
        above_ids = list(Organization.objects.filter(path__in=above).values_list("pk", flat=True))
        above_signed = AgreementParty.objects.filter(organization_id__in=above_ids).values("agreement_id")
        q |= (
            Q(pk__in=above_ids)
            | Q(counterpart_id__in=above_ids)
            | Q(pk__in=Organization.objects.filter(pk__in=above_ids).values("counterpart_id"))
            | Q(pk__in=AgreementParty.objects.filter(agreement_id__in=above_signed).values("organization_id"))
        )
    return qs.filter(q)

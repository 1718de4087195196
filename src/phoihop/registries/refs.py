"""What a reference column may point at, for a given user: movements, programmes, decisions, agreements,
meetings; each through the scoping functions of core.permissions."""

from __future__ import annotations

from phoihop.core import permissions
from phoihop.core.formatting import vn_date

from .resolve import RefResolver


def _movements(user):
    from .models import Movement

    orgs = permissions.referenceable_organizations(user)
    return RefResolver(
        Movement.objects.filter(launched_by__in=orgs).order_by("-start_date"),
        label=lambda m: m.name,
        noun="phong trào",
    )


def _programmes(user):
    from .models import GiftProgramme

    orgs = permissions.referenceable_organizations(user)
    return RefResolver(
        GiftProgramme.objects.filter(organiser__in=orgs).order_by("-start_date"),
        label=lambda p: p.name,
        noun="chương trình",
    )


def _commendations(user):
    from .models import Commendation

    qs = Commendation.objects.select_related("issuer").order_by("-decision_date")
    if not permissions.is_global(user):
        q = permissions.subtree_q(user, "edit", "organization__path")
        qs = qs.filter(q) if q is not None else qs.none()
    return RefResolver(
        qs,
        label=lambda c: f"{c.decision_number} ngày {vn_date(c.decision_date)}",
        keys=lambda c: [c.decision_number],
        noun="quyết định khen thưởng",
    )


def _agreements(user):
    return RefResolver(
        permissions.visible_agreements(user).order_by("-period_start_year"),
        label=lambda a: a.number or a.title,
        keys=lambda a: [a.title, str(a)],
        noun="văn bản phối hợp",
    )


def _meetings(user):
    try:
        qs = permissions.visible_meetings(user)
    except ImportError:  # pragma: no cover - the meetings app ships with the project
        return RefResolver([], label=str, noun="hội nghị")
    return RefResolver(
        qs.order_by("-date"),
        label=lambda m: f"{m.title} ({vn_date(m.date)})" if m.date else m.title,
        keys=lambda m: [m.title],
        noun="hội nghị",
    )


SOURCES = {
    "movement": _movements,
    "programme": _programmes,
    "commendation": _commendations,
    "agreement": _agreements,
    "meeting": _meetings,
}


def resolver_for(name: str, user) -> RefResolver:
    return SOURCES[name](user)

"""Read-side queries shared by pages and the API: scoped lists with filters, the cascade and the timeline."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from phoihop.core import permissions
from phoihop.core.text import fold
from phoihop.orgs.models import Organization

from .choices import AgreementKind, AgreementStatus
from .models import Agreement, AgreementParty


@dataclass
class AgreementFilters:
    kind: str = ""
    status: str = ""
    year: int | None = None
    party: int | None = None
    q: str = ""

    @classmethod
    def from_params(cls, params) -> AgreementFilters:
        def number(name):
            value = (params.get(name) or "").strip()
            return int(value) if value.isdigit() else None

        kind = params.get("kind") or ""
        status = params.get("status") or ""
        return cls(
            kind=kind if kind in AgreementKind.values else "",
            status=status if status in AgreementStatus.values else "",
            year=number("year"),
            party=number("party"),
            q=(params.get("q") or "").strip()[:200],
        )


def scoped_agreements(user, day=None) -> QuerySet:
    """Agreements the user may see, with `status_code` computed by the database."""
    return permissions.visible_agreements(user, Agreement.objects.with_status(day or timezone.localdate()))


def filter_agreements(qs: QuerySet, filters: AgreementFilters) -> QuerySet:
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.status:
        qs = qs.filter(status_code=filters.status)
    if filters.year:
        qs = qs.filter(period_start_year__lte=filters.year, period_end_year__gte=filters.year)
    if filters.party:
        qs = qs.filter(
            pk__in=AgreementParty.objects.filter(organization_id=filters.party).values("agreement_id")
        )
    for word in fold(filters.q).split():
        by_party = AgreementParty.objects.filter(organization__name_folded__contains=word).values(
            "agreement_id"
        )
        qs = qs.filter(Q(title_folded__contains=word) | Q(pk__in=by_party))
    return qs


def list_agreements(user, filters: AgreementFilters) -> QuerySet:
    parties = AgreementParty.objects.select_related("organization").order_by("order", "pk")
    return (
        filter_agreements(scoped_agreements(user), filters)
        .prefetch_related(Prefetch("party_links", queryset=parties))
        .order_by("-period_start_year", "-signed_date", "number", "pk")
    )


def party_filter_choices(user) -> QuerySet:
    """Organisations that sign an agreement the user can see (for the party filter)."""
    visible = permissions.visible_agreements(user).values("pk")
    return Organization.objects.filter(agreement_links__agreement__in=visible).distinct().order_by("path")


def children(user, agreement: Agreement) -> list[Agreement]:
    """The agreements that implement this one, as far as the user may see them, with their own child counts."""
    from django.db.models import Count

    return list(
        scoped_agreements(user)
        .filter(parent=agreement)
        .annotate(child_count=Count("implementations", distinct=True))
        .prefetch_related(
            Prefetch("party_links", queryset=AgreementParty.objects.select_related("organization"))
        )
        .order_by("period_start_year", "number")
    )


def timeline(user, agreement: Agreement) -> list[Agreement]:
    """The predecessor/successor chain, limited to what the user may see."""
    chain = agreement.chain()
    visible = set(
        permissions.visible_agreements(user).filter(pk__in=[a.pk for a in chain]).values_list("pk", flat=True)
    )
    return [a for a in chain if a.pk in visible]


def visible_or_none(user, agreement_id: int | None) -> Agreement | None:
    if not agreement_id:
        return None
    return permissions.visible_agreements(user).filter(pk=agreement_id).first()

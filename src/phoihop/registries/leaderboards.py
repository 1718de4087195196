"""Initiative leaderboards: the units under an organisation (or a movement's participants) ranked by
initiatives, against their targets, and the same summed by emulation cluster."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q, Sum

from phoihop.orgs.models import Organization

from .models import Initiative, MovementParticipant


@dataclass
class Standing:
    label: str
    org: Organization | None
    initiatives: int = 0
    recognised: int = 0
    benefit_vnd: int = 0
    target: int | None = None
    cluster: str = ""
    rank: int = 0

    @property
    def achievement(self) -> Decimal | None:
        """Initiatives as a percentage of the target."""
        if not self.target:
            return None
        return (Decimal(self.initiatives) * 100 / self.target).quantize(
            Decimal("0.01"), rounding=ROUND_HALF_UP
        )


def board_units(
    root: Organization, movement=None
) -> tuple[list[Organization], dict[int, MovementParticipant]]:
    """The movement's participants under `root` when it has any, else the units directly under `root`."""
    participants = {}
    if movement is not None:
        entries = MovementParticipant.objects.filter(
            movement=movement, organization__path__startswith=root.path
        ).select_related("organization")
        participants = {p.organization_id: p for p in entries}
    if participants:
        units = [p.organization for p in participants.values()]
    else:
        units = list(Organization.objects.filter(parent=root).order_by("name"))
    return units, participants


def initiative_leaderboard(
    root: Organization,
    movement=None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    by: str = "unit",
) -> list[Standing]:
    """Standings by unit (or by cluster); initiatives are counted by registration date within a movement,
    else by recognition date."""
    units, participants = board_units(root, movement)
    qs = Initiative.objects.filter(
        unit__in=Organization.objects.filter(path__startswith=root.path).values("pk")
    )
    day = "registered_date" if movement is not None else "recognised_date"
    if movement is not None:
        qs = qs.filter(movement=movement)
    if start:
        qs = qs.filter(**{f"{day}__gte": start})
    if end:
        qs = qs.filter(**{f"{day}__lte": end})
    per_unit = (
        qs.values("unit_id")
        .annotate(n=Count("pk"), rec=Count("pk", filter=~Q(recognition_level="")), benefit=Sum("benefit_vnd"))
        .order_by()
    )
    paths = dict(Organization.objects.filter(path__startswith=root.path).values_list("pk", "path"))
    # Deepest board unit first, so a participant inside another participant keeps its own initiatives.
    prefixes = sorted(((u.path, u.pk) for u in units), key=lambda item: -len(item[0]))
    standings = {
        u.pk: Standing(
            label=u.name,
            org=u,
            target=participants[u.pk].target_initiatives if u.pk in participants else None,
            cluster=participants[u.pk].cluster if u.pk in participants else "",
        )
        for u in units
    }
    for row in per_unit:
        path = paths.get(row["unit_id"], "")
        owner = next((pk for prefix, pk in prefixes if path.startswith(prefix)), None)
        if owner is None:
            continue
        standing = standings[owner]
        standing.initiatives += row["n"]
        standing.recognised += row["rec"]
        standing.benefit_vnd += row["benefit"] or 0
    rows = list(standings.values())
    if by == "cluster":
        clusters: dict[str, Standing] = {}
        for s in rows:
            label = s.cluster or "(chưa xếp cụm)"
            c = clusters.setdefault(label, Standing(label=label, org=None, target=None, cluster=label))
            c.initiatives += s.initiatives
            c.recognised += s.recognised
            c.benefit_vnd += s.benefit_vnd
            if s.target:
                c.target = (c.target or 0) + s.target
        rows = list(clusters.values())
    has_targets = any(s.target for s in rows)

    def order(s: Standing):
        if has_targets:
            return (s.achievement is None, -(s.achievement or 0), -s.initiatives, s.label)
        return (-s.initiatives, s.label)

    rows.sort(key=order)
    for i, s in enumerate(rows, start=1):
        s.rank = i
    return rows

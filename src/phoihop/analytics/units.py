"""How many units had to report (by the active forms carrying the indicator), for "units reporting vs due"."""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.db.models import Q

from phoihop.orgs.models import Organization
from phoihop.reporting.models import ReportForm

from .choices import Dimension
from .periods import PeriodSpec

MONTHS = {"month": 1, "quarter": 3, "half_year": 6, "year": 12, "programme": 10_000}
MAX_GROUPS = 200


def _months(spec: PeriodSpec) -> int:
    return (spec.end.year - spec.start.year) * 12 + spec.end.month - spec.start.month + 1


def _form_q(form) -> Q:
    """The units a form makes due, as reporting.actions.organizations_due defines them."""
    q = Q(pk__in=[o.pk for o in form.reporting_organizations.all()])
    if form.reporting_kinds or form.reporting_levels:
        rule = Q(path__startswith=form.owner.path) & ~Q(pk=form.owner_id)
        if form.reporting_kinds:
            rule &= Q(kind__in=form.reporting_kinds)
        if form.reporting_levels:
            rule &= Q(level__in=form.reporting_levels)
        q |= rule
    return q


def units_due(rows, groups, indicators, specs, group_by) -> None:
    """Fill row.units_due: the units inside each row's group due to report the indicator in its period."""
    if len(groups) > MAX_GROUPS:
        return
    forms = list(
        ReportForm.objects.filter(is_active=True, indicators__in=indicators)
        .distinct()
        .select_related("owner")
        .prefetch_related("reporting_organizations", "rows")
    )
    form_inds = {f.pk: {r.indicator_id for r in f.rows.all()} for f in forms}
    group_index = {g.key: gi for gi, g in enumerate(groups)}
    spec_index = {s.code: si for si, s in enumerate(specs)}
    ind_by_code = {i.code: i for i in indicators}
    cache: dict[tuple, int] = {}

    def count(gi: int, ind, si_list: list[int]) -> int | None:
        relevant = [
            f
            for f in forms
            if ind.pk in form_inds[f.pk]
            and any(MONTHS[f.period_kind] <= _months(specs[si]) for si in si_list)
        ]
        if not relevant or not groups[gi].roots:
            return None
        key = (gi, tuple(sorted(f.pk for f in relevant)))
        if key not in cache:
            in_group = reduce(or_, (Q(path__startswith=r.path) for r in groups[gi].roots))
            cache[key] = (
                Organization.objects.filter(in_group)
                .filter(reduce(or_, (_form_q(f) for f in relevant)))
                .count()
            )
        return cache[key]

    by_group = Dimension.ORGANIZATION in group_by or Dimension.AREA in group_by
    for row in rows:
        gi = 0
        if by_group:
            gi = group_index.get(row.key.get("organization", row.key.get("area")), 0)
        si_list = [spec_index[row.key["period"]]] if "period" in row.key else list(range(len(specs)))
        inds = [ind_by_code[row.key["indicator"]]] if "indicator" in row.key else indicators
        counts = [c for c in (count(gi, ind, si_list) for ind in inds) if c is not None]
        row.units_due = max(counts) if counts else None

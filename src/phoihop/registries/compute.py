"""Indicators computed from the registries, stored as ComputedValue rows.

Each row is one organisation's *own* figure (from the records whose scoping unit is that organisation) for one
reporting period, so the analytics engine adds them up the tree exactly as it adds reported values.

Freshness rule: every registry write (form, API, import, command) recomputes, in its own transaction, the cells
of the organisations and periods it touched; creating a reporting period computes that period for every
organisation (a signal in apps.py); `phoihop manage registry_recompute` rebuilds everything.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, F, Q, Sum

from .choices import (
    GIFT_KINDS,
    PUBLIC_EMPLOYEE_CONFERENCE_KINDS,
    WORKERS_CONFERENCE_KINDS,
    Audience,
    EducationKind,
    RecipientKind,
    RecognitionKind,
    SupportKind,
)
from .models import (
    Commendation,
    CommendationRecipient,
    ComputedValue,
    DedicatedWork,
    EducationSession,
    Initiative,
    Inspection,
    Loan,
    Recognition,
    SkillsContest,
    Support,
    WorkplaceYear,
)

YEAR = "year"  # date path of yearly records: the record counts in periods made of whole years
_HUNDRED = Decimal(100)
_Q4 = Decimal("0.0001")


@dataclass
class Measure:
    """How one indicator is computed from one model."""

    code: str
    model: type
    org: str  # path to the scoping organisation's id
    date: str  # path to the date that places a record in a period, or YEAR
    value: object = None  # an aggregate; None = count of records
    where: Q = field(default_factory=Q)
    option: str = ""  # path to the disaggregation option code
    ratio: Q | None = None  # numerator condition; the denominator is every record matching `where`
    cumulative: bool = False  # everything up to the period's end (a running total such as registrations)


def _ratio(code: str, kinds, held: Q) -> Measure:
    return Measure(
        code,
        WorkplaceYear,
        "organization_id",
        YEAR,
        where=Q(workplace_kind__in=kinds, conference_required=True),
        ratio=held,
    )


_HELD = Q(conference_date__isnull=False)
_ALL_WORKPLACES = WORKERS_CONFERENCE_KINDS | PUBLIC_EMPLOYEE_CONFERENCE_KINDS
_OWNERSHIP = "organization__ownership"

MEASURES = [
    Measure(
        "initiatives_recognised", Initiative, "unit_id", "recognised_date",
        where=~Q(recognition_level=""), option="recognition_level",
    ),
    Measure("initiatives_registered", Initiative, "unit_id", "registered_date", cumulative=True),
    Measure("initiative_benefit_vnd", Initiative, "unit_id", "recognised_date", value=Sum("benefit_vnd")),
    Measure(
        "good_workers", Recognition, "unit_id", "recognised_date",
        where=Q(kind=RecognitionKind.GOOD_WORKER), option="level",
    ),
    Measure(
        "good_deed_examples", Recognition, "unit_id", "recognised_date",
        where=Q(kind=RecognitionKind.GOOD_DEED), option="level",
    ),
    Measure("creative_initiatives", Recognition, "unit_id", "recognised_date", where=Q(kind=RecognitionKind.CREATIVE)),
    Measure("skills_contest_units", SkillsContest, "organiser_id", "held_date"),
    Measure("skills_contest_participants", SkillsContest, "organiser_id", "held_date", value=Sum("participants")),
    Measure("dedicated_works", DedicatedWork, "unit_id", "dedicated_date"),
    Measure(
        "collectives_commended", CommendationRecipient, "commendation__organization_id",
        "commendation__decision_date", where=Q(kind=RecipientKind.COLLECTIVE),
    ),
    Measure(
        "individuals_commended", CommendationRecipient, "commendation__organization_id",
        "commendation__decision_date", where=Q(kind=RecipientKind.INDIVIDUAL),
    ),
    Measure(
        "gifts_count", Support, "organization_id", "date", value=Sum("beneficiaries"),
        where=Q(kind=SupportKind.GIFT),
    ),
    Measure("gifts_vnd", Support, "organization_id", "date", value=Sum("amount_vnd"), where=Q(kind__in=GIFT_KINDS)),
    Measure("union_shelters", Support, "organization_id", "date", where=Q(kind=SupportKind.SHELTER)),
    Measure(
        "meals_served", Support, "organization_id", "date", value=Sum("meals"),
        where=Q(kind=SupportKind.CHARITY_KITCHEN),
    ),
    Measure(
        "donations_vnd", Support, "organization_id", "date", value=Sum("amount_vnd"),
        where=Q(kind=SupportKind.DONATION),
    ),
    Measure("loans_vnd", Loan, "lender_id", "disbursed_date", value=Sum("amount_vnd")),
    _ratio("workers_conference_rate", WORKERS_CONFERENCE_KINDS, _HELD),
    _ratio("public_employee_conference_rate", PUBLIC_EMPLOYEE_CONFERENCE_KINDS, _HELD),
    _ratio("democracy_conference_rate", _ALL_WORKPLACES, _HELD),
    _ratio("workplace_dialogue_rate", WORKERS_CONFERENCE_KINDS, Q(dialogue_count__gt=0)),
    Measure(
        "collective_agreements_signed", WorkplaceYear, "organization_id", "cla_signed_date",
        where=Q(cla_signed_date__year=F("year")), option=_OWNERSHIP,
    ),
    Measure(
        "grassroots_unions_founded", WorkplaceYear, "organization_id", "union_founded_date",
        where=Q(union_founded_date__year=F("year")), option=_OWNERSHIP,
    ),
    Measure(
        "members_recruited", WorkplaceYear, "organization_id", YEAR, value=Sum("members_recruited"),
        where=Q(members_recruited__isnull=False), option=_OWNERSHIP,
    ),
    Measure(
        "union_fee_due_vnd", WorkplaceYear, "organization_id", YEAR, value=Sum("union_fee_due_vnd"),
        where=Q(union_fee_due_vnd__isnull=False),
    ),
    Measure(
        "union_fee_collected_vnd", WorkplaceYear, "organization_id", YEAR, value=Sum("union_fee_paid_vnd"),
        where=Q(union_fee_paid_vnd__isnull=False),
    ),
    Measure("legal_education_sessions", EducationSession, "organization_id", "date", where=Q(kind=EducationKind.LEGAL)),
    Measure(
        "legal_education_participants", EducationSession, "organization_id", "date", value=Sum("participants"),
        where=Q(kind=EducationKind.LEGAL),
    ),
    Measure(
        "officials_trained", EducationSession, "organization_id", "date", value=Sum("participants"),
        where=Q(audience=Audience.KEY_OFFICIALS),
    ),
    Measure(
        "political_education_participants", EducationSession, "organization_id", "date",
        value=Sum("participants"), where=Q(kind=EducationKind.POLITICAL),
    ),
    Measure("inspections", Inspection, "organization_id", "date"),
]  # fmt: skip

# A decision's date and keeping unit place its recipients: writing a decision recomputes the recipients' figures.
PARENTS = {Commendation: (CommendationRecipient, "commendation__")}


def measures_for(model) -> list[Measure]:
    target = PARENTS.get(model, (model,))[0]
    return [m for m in MEASURES if m.model is target]


def indicator_codes() -> list[str]:
    return [m.code for m in MEASURES]


def _whole_years(period) -> bool:
    return period.start == dt.date(period.start.year, 1, 1) and period.end == dt.date(period.end.year, 12, 31)


def _in_period(measure: Measure, period, qs):
    if measure.date == YEAR:
        if not _whole_years(period):
            return None
        return qs.filter(year__gte=period.start.year, year__lte=period.end.year)
    if measure.cumulative:
        return qs.filter(**{f"{measure.date}__lte": period.end})
    return qs.filter(**{f"{measure.date}__gte": period.start, f"{measure.date}__lte": period.end})


def _catalogue(codes: Iterable[str]):
    from phoihop.reporting.models import DisaggregationOption, Indicator

    indicators = {
        i.code: i for i in Indicator.objects.filter(code__in=set(codes)).select_related("disaggregation")
    }
    options = {
        (o.disaggregation_id, o.code): o.pk
        for o in DisaggregationOption.objects.filter(
            disaggregation__indicators__in=indicators.values()
        ).distinct()
    }
    return indicators, options


def _rows(measure: Measure, period, org_ids):
    """(org_id, option_code, value, numerator, denominator) for one measure and period."""
    qs = _in_period(measure, period, measure.model.objects.filter(measure.where))
    if qs is None:
        return []
    if org_ids is not None:
        qs = qs.filter(**{f"{measure.org}__in": list(org_ids)})
    group = [measure.org] + ([measure.option] if measure.option else [])
    if measure.ratio is not None:
        data = qs.values(*group).annotate(_num=Count("pk", filter=measure.ratio), _den=Count("pk")).order_by()
        out = []
        for row in data:
            num, den = Decimal(row["_num"]), Decimal(row["_den"])
            value = (num * _HUNDRED / den).quantize(_Q4) if den else None
            out.append((row[measure.org], row.get(measure.option), value, num, den))
        return out
    aggregate = measure.value if measure.value is not None else Count("pk")
    data = qs.values(*group).annotate(_v=aggregate).order_by()
    return [(row[measure.org], row.get(measure.option), Decimal(row["_v"] or 0), None, None) for row in data]


def compute(measures: list[Measure], periods, org_ids=None) -> list[ComputedValue]:
    """Fresh ComputedValue objects (unsaved) for the measures × periods, for `org_ids` or every organisation."""
    indicators, options = _catalogue(m.code for m in measures)
    out: list[ComputedValue] = []
    for measure in measures:
        indicator = indicators.get(measure.code)
        if indicator is None:
            continue  # an installation whose catalogue lacks the indicator simply does not get it
        disagg = indicator.disaggregation_id
        for period in periods:
            cells: dict[tuple, list] = defaultdict(lambda: [Decimal(0), None, None])
            for org_id, option_code, value, num, den in _rows(measure, period, org_ids):
                option_id = options.get((disagg, option_code)) if disagg and option_code else None
                cell = cells[(org_id, option_id)]
                if num is not None:
                    cell[1] = (cell[1] or 0) + num
                    cell[2] = (cell[2] or 0) + den
                    cell[0] = (cell[1] * _HUNDRED / cell[2]).quantize(_Q4) if cell[2] else None
                else:
                    cell[0] += value
            for (org_id, option_id), (value, num, den) in cells.items():
                out.append(
                    ComputedValue(
                        indicator=indicator,
                        organization_id=org_id,
                        period=period,
                        option_id=option_id,
                        value=value,
                        numerator=num,
                        denominator=den,
                    )
                )
    return out


def store(measures: list[Measure], periods, org_ids=None) -> int:
    """Replace the stored cells of measures × periods (× organisations) by freshly computed ones."""
    periods = list(periods)
    if not measures or not periods:
        return 0
    fresh = compute(measures, periods, org_ids)
    stale = ComputedValue.objects.filter(
        indicator__code__in=[m.code for m in measures], period__in=[p.pk for p in periods]
    )
    if org_ids is not None:
        stale = stale.filter(organization_id__in=list(org_ids))
    stale.delete()
    ComputedValue.objects.bulk_create(fresh, batch_size=2000)
    return len(fresh)


# Which periods a change touches -----------------------------------------------------------------------------
def _attr(obj, path: str):
    for part in path.split("__"):
        if obj is None:
            return None
        obj = getattr(obj, part)
    return obj


@dataclass
class Touched:
    """Organisations and dates (or years) that registry writes changed, gathered before and after them."""

    model: type
    orgs: set = field(default_factory=set)
    dates: set = field(default_factory=set)
    years: set = field(default_factory=set)
    cumulative_from: dt.date | None = None

    def add(self, obj) -> None:
        prefix = PARENTS.get(type(obj), (None, ""))[1]
        for measure in measures_for(type(obj)):
            org_id = _attr(obj, measure.org.removeprefix(prefix))
            if org_id is None:
                continue
            self.orgs.add(org_id)
            if measure.date == YEAR:
                self.years.add(obj.year)
                continue
            day = _attr(obj, measure.date.removeprefix(prefix))
            if day is None:
                continue
            self.dates.add(day)
            if measure.cumulative:
                self.cumulative_from = min(day, self.cumulative_from or day)

    def periods(self):
        from phoihop.reporting.models import Period

        for year in self.years | {d.year for d in self.dates}:
            Period.for_year(year)
        chosen = []
        for period in Period.objects.all():
            if any(period.start <= d <= period.end for d in self.dates):
                chosen.append(period)
            elif self.cumulative_from and period.end >= self.cumulative_from:
                chosen.append(period)
            elif _whole_years(period) and any(period.start.year <= y <= period.end.year for y in self.years):
                chosen.append(period)
        return chosen


def refresh(touched: Touched) -> int:
    """Recompute what a write touched; called inside the writer's transaction."""
    if not touched.orgs:
        return 0
    measures = measures_for(touched.model)
    org_ids = touched.orgs if len(touched.orgs) <= 2000 else None
    return store(measures, touched.periods(), org_ids)


def recompute_all(periods=None, log=None) -> int:
    """Every registry figure for every organisation and the given (default: all) periods."""
    from phoihop.reporting.models import Period

    periods = list(Period.objects.all() if periods is None else periods)
    total = 0
    by_model: dict[type, list[Measure]] = defaultdict(list)
    for measure in MEASURES:
        by_model[measure.model].append(measure)
    for model, measures in by_model.items():
        total += store(measures, periods)
        if log:
            log(f"{model._meta.verbose_name_plural}: {total}")
    return total

"""The aggregation engine: any indicators × organisations (a unit, its subtree at a level, a list, an area) ×
periods × options, by each indicator's rule, with targets, the previous period, ranking and units reporting.

    from phoihop.analytics.engine import Query, run
    result = run(Query(indicators=["good_workers"], organizations=[org.pk], periods=["2017-2020"],
                       group_by=("indicator", "option")), user=request.user)
    for row in result.rows: row.key["option_label"], row.value

Pages, API, documents and exports all call `run`. user=None is system use (no scoping); any other user adds up
only their own subtrees. Answers come from the roll-up tables where they cover the question (absorbing pending
changes first, so an approval shows in the next answer) and from the base tables otherwise: both give the same
figures (tests/analytics/test_rollup.py holds them to it).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from phoihop.reporting.models import DisaggregationOption, Indicator, Period, Target

from . import groups as grouping
from .choices import GROUP_LEVELS, CellState, Dimension
from .errors import OutOfScope, QueryError
from .measures import Agg, achievement, change_percent, measure
from .periods import PeriodSpec, spec_of_period
from .totals import combine
from .units import units_due

__all__ = ["Query", "Row", "Result", "run", "QueryError", "OutOfScope", "MAX_CELLS"]

MAX_CELLS = 20_000
DIMENSIONS = tuple(Dimension.values)
SOURCES = ("reported", "registry")


@dataclass(frozen=True)
class Query:
    """What to add up. Periods are Period ids, codes ("2019", "2019-H1", "2019-Q3", "2019-05", "2016-2020")
    or PeriodSpec; organisations are ids (none: the caller's own units); areas are AdminUnit ids."""

    indicators: Sequence[str] = ()
    organizations: Sequence[int] = ()
    scope: str = "subtree"
    periods: Sequence[int | str | PeriodSpec] = ()
    group_by: Sequence[str] = ("indicator", "period")
    include_submitted: bool = False
    with_targets: bool = False
    with_previous: bool = False
    source: str = "reported"
    level: str | None = None
    areas: Sequence[int] = ()
    options: Sequence[str | int] = ()
    same_period_last_year: bool = False
    with_units: bool = False
    max_cells: int = MAX_CELLS
    use_rollup: bool = True


@dataclass
class Row:
    """One cell of the answer; `key` holds the codes, ids and labels of the dimensions grouped by."""

    key: dict
    value: Decimal | None = None
    value_high: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    target: Decimal | None = None
    achievement: Decimal | None = None
    previous: Decimal | None = None
    change: Decimal | None = None
    units_reporting: int | None = None
    units_due: int | None = None
    change_percent: Decimal | None = None
    rank: int | None = None
    agg: Agg | None = field(default=None, repr=False, compare=False)
    previous_agg: Agg | None = field(default=None, repr=False, compare=False)

    def get(self, measure_name: str):
        if measure_name == "units":
            if self.units_due:
                return f"{self.units_reporting or 0}/{self.units_due}"
            return self.units_reporting
        return getattr(self, measure_name)


@dataclass
class Result:
    """The rows, with the resolved dimensions (in display order) and notes for the reader."""

    query: Query
    rows: list[Row]
    indicators: list[Indicator]
    groups: list[grouping.Group]
    periods: list[PeriodSpec]
    options: dict[int, DisaggregationOption]
    notes: list[str] = field(default_factory=list)
    user: object = field(default=None, repr=False)
    cells: dict = field(default_factory=dict, repr=False)

    def total(self, keep: Sequence[str]) -> list[Row]:
        """Rows added up over every dimension not in `keep`, by each indicator's rule (a pivot's totals)."""
        return combine(self, tuple(keep))

    def row(self, **key) -> Row | None:
        """The row whose key matches, e.g. result.row(indicator="good_workers", option="grassroots")."""
        for r in self.rows:
            if all(r.key.get(k) == v for k, v in key.items()):
                return r
        return None


# --- validating and resolving the question ------------------------------------------------------------------


def _indicators(codes: Sequence[str]) -> list[Indicator]:
    if not codes:
        raise QueryError("Chọn ít nhất một chỉ tiêu.", "indicators")
    wanted = [str(c).strip() for c in codes]
    found = {i.code: i for i in Indicator.objects.filter(code__in=wanted).select_related("disaggregation")}
    missing = [c for c in wanted if c not in found]
    if missing:
        raise QueryError(f"Không có chỉ tiêu mã «{', '.join(missing)}».", "indicators")
    return [found[c] for c in dict.fromkeys(wanted)]


def resolve_periods(values: Sequence) -> list[PeriodSpec]:
    if not values:
        raise QueryError("Chọn ít nhất một kỳ.", "periods")
    ids = [v for v in values if isinstance(v, int) and not isinstance(v, bool)]
    rows = {p.pk: p for p in Period.objects.filter(pk__in=ids)} if ids else {}
    specs: list[PeriodSpec] = []
    for v in values:
        if isinstance(v, PeriodSpec):
            spec = v
        elif isinstance(v, Period):
            spec = spec_of_period(v)
        elif isinstance(v, int) and not isinstance(v, bool):
            if v not in rows:
                raise QueryError(f"Không có kỳ báo cáo mã {v}.", "periods")
            spec = spec_of_period(rows[v])
        else:
            spec = PeriodSpec.parse(str(v))
        if spec not in specs:
            specs.append(spec)
    return specs


def _options(
    indicators: list[Indicator], wanted: Sequence
) -> tuple[dict[int, DisaggregationOption], set[int]]:
    disagg_ids = {i.disaggregation_id for i in indicators if i.disaggregation_id}
    options = {o.pk: o for o in DisaggregationOption.objects.filter(disaggregation_id__in=disagg_ids)}
    chosen: set[int] = set()
    for w in wanted:
        text = str(w).strip()
        match = [
            pk for pk, o in options.items() if text in (o.code, str(pk), f"{o.disaggregation.code}:{o.code}")
        ]
        if not match:
            raise QueryError(f"Không có nhóm phân tổ «{text}» cho các chỉ tiêu đã chọn.", "options")
        chosen.update(match)
    return options, chosen


def _groups(query: Query, user) -> list[grouping.Group]:
    by_org = Dimension.ORGANIZATION in query.group_by
    by_area = Dimension.AREA in query.group_by or (query.areas and not by_org)
    if query.areas:
        if query.organizations:
            raise QueryError("Chọn theo đơn vị hoặc theo địa bàn, không chọn cả hai.", "areas")
        groups = grouping.area_groups(query.areas, user)
        if by_area:
            return groups
        return [grouping.Group(None, "", grouping.minimal(r for g in groups for r in g.roots))]
    roots = (
        grouping.resolve_organizations(query.organizations, user)
        if query.organizations
        else grouping.default_roots(user)
    )
    if query.level:
        if query.level not in GROUP_LEVELS:
            raise QueryError(f"Cấp «{query.level}» không có: chọn {', '.join(GROUP_LEVELS)}.", "level")
        groups = grouping.level_groups(grouping.minimal(roots), query.level)
        if by_org:
            return groups
        return [grouping.Group(None, "", grouping.minimal(r for g in groups for r in g.roots))]
    if by_org:
        return [grouping.org_group(o) for o in roots]
    return [grouping.Group(None, "", grouping.minimal(roots))]


def _validate(query: Query) -> None:
    unknown = [d for d in query.group_by if d not in DIMENSIONS]
    if unknown:
        raise QueryError(
            f"Chiều «{', '.join(map(str, unknown))}» không có: chọn trong {', '.join(DIMENSIONS)}.",
            "group_by",
        )
    if Dimension.ORGANIZATION in query.group_by and Dimension.AREA in query.group_by:
        raise QueryError("Không nhóm cùng lúc theo đơn vị và theo địa bàn.", "group_by")
    if query.scope not in ("subtree", "self"):
        raise QueryError(
            "Phạm vi «scope» chỉ nhận subtree (cả đơn vị trực thuộc) hoặc self (riêng đơn vị).", "scope"
        )
    if query.source not in SOURCES:
        raise QueryError("Nguồn «source» chỉ nhận reported (báo cáo) hoặc registry (sổ theo dõi).", "source")


# --- running -------------------------------------------------------------------------------------------------


def run(query: Query, user=None) -> Result:
    """Answer a query; raises QueryError (bad question, 400) or OutOfScope (not the caller's, 404)."""
    _validate(query)
    indicators = _indicators(query.indicators)
    specs = resolve_periods(query.periods)
    options, chosen = _options(indicators, query.options)
    groups = _groups(query, user)
    by_option = Dimension.OPTION in query.group_by
    slots = sum(
        len([o for o in options.values() if o.disaggregation_id == i.disaggregation_id]) + 1
        if by_option and i.disaggregation_id
        else 1
        for i in indicators
    )
    cells = len(groups) * slots * len(specs)
    if cells > query.max_cells:
        raise QueryError(
            f"Bảng kết quả quá lớn: {cells:,} ô (giới hạn {query.max_cells:,} ô). ".replace(",", ".")
            + "Chọn ít chỉ tiêu, kỳ hoặc đơn vị hơn, hoặc nhóm ở cấp cao hơn.",
            "limit",
        )
    if query.source == "registry":
        _require_registry()
    from .compute import compute

    if query.use_rollup and query.source == "reported":
        from .rollup import drain

        drain()
    state = CellState.WITH_SUBMITTED if query.include_submitted else CellState.APPROVED
    notes: list[str] = []
    aggs = compute(groups, indicators, specs, query.scope, state, query.source, query.use_rollup, notes)
    prev_specs = [s.previous(query.same_period_last_year) for s in specs] if query.with_previous else []
    prev = (
        compute(groups, indicators, prev_specs, query.scope, state, query.source, query.use_rollup, notes)
        if prev_specs
        else {}
    )
    targets = _targets(groups, indicators, specs) if query.with_targets else {}
    cells = _cells(query, indicators, groups, specs, options, chosen, aggs, prev, targets)
    result = Result(query, [], indicators, groups, specs, options, notes, user, cells)
    result.rows = rows = combine(result, tuple(query.group_by))
    if query.with_units:
        units_due(rows, groups, indicators, specs, query.group_by)
    if Dimension.ORGANIZATION in query.group_by or Dimension.AREA in query.group_by:
        _rank(rows, query.group_by)
    for g in groups:
        if g.partial_units:
            notes.append(
                f"{g.label}: gồm cả số liệu của đơn vị cũ chỉ sáp nhập một phần vào địa bàn này "
                f"({'; '.join(g.partial_units[:5])}{'…' if len(g.partial_units) > 5 else ''})."
            )
    result.notes = list(dict.fromkeys(notes))
    return result


def _require_registry() -> None:
    from django.apps import apps

    try:
        apps.get_model("registries", "ComputedValue")
    except LookupError:
        raise QueryError("Số liệu từ sổ theo dõi chưa sẵn sàng trên hệ thống này.", "source")


def _targets(groups, indicators, specs) -> dict[tuple, Decimal]:
    """Targets of each group's own units for exactly the periods asked, keyed like the aggregates."""
    root_group = {r.pk: gi for gi, g in enumerate(groups) for r in g.roots}
    spec_index = {(s.start, s.end): si for si, s in enumerate(specs)}
    out: dict[tuple, Decimal] = defaultdict(Decimal)
    per_option: dict[tuple, Decimal] = defaultdict(Decimal)
    totals: set[tuple] = set()
    rows = Target.objects.filter(
        indicator__in=indicators,
        organization_id__in=list(root_group),
        period__start__gte=min(s.start for s in specs),
        period__end__lte=max(s.end for s in specs),
    ).values_list("organization_id", "indicator_id", "period__start", "period__end", "option_id", "value")
    for org, ind, start, end, option, value in rows:
        si = spec_index.get((start, end))
        if si is None:
            continue
        gi = root_group[org]
        if option is None:
            out[(gi, ind, si, -1)] += value
            totals.add((gi, ind, si))
        else:
            out[(gi, ind, si, option)] += value
            per_option[(gi, ind, si)] += value
    for key, value in per_option.items():
        if key not in totals:
            out[(*key, -1)] = value
    return dict(out)


def _option_keys(
    indicator, options, chosen, by_option, present: set[int]
) -> list[tuple[int | None, list[int]]]:
    """(displayed option key, option keys added into it) for one indicator."""
    own = [
        pk
        for pk, o in sorted(options.items(), key=lambda kv: kv[1].order)
        if o.disaggregation_id == indicator.disaggregation_id
    ]
    if chosen:
        picked = [pk for pk in own if pk in chosen]
        if not picked:
            return []
        return [(pk, [pk]) for pk in picked] if by_option else [(None, picked)]
    if by_option and indicator.disaggregation_id:
        keys = [(pk, [pk]) for pk in own]
        if 0 in present:
            keys.append((0, [0]))
        return keys
    return [(None, [-1])]


@dataclass
class Cell:
    """The finest grain: one indicator, group, period and displayed option, before any adding up."""

    agg: Agg | None = None
    prev: Agg | None = None
    target: Decimal | None = None


def _cells(query, indicators, groups, specs, options, chosen, aggs, prev, targets) -> dict[tuple, Cell]:
    """Cells keyed (indicator id, group index, period index, displayed option), only where something exists."""
    by_option = Dimension.OPTION in query.group_by
    present_by_ind: dict[int, set[int]] = defaultdict(set)
    for _, ind, _, ok in aggs:
        present_by_ind[ind].add(ok)
    # Which displayed options each stored option key adds into, per indicator.
    shown_in: dict[tuple[int, int], list] = defaultdict(list)
    for ind in indicators:
        for opt_key, keys in _option_keys(ind, options, chosen, by_option, present_by_ind[ind.pk]):
            for k in keys:
                shown_in[(ind.pk, k)].append(opt_key)
    cells: dict[tuple, Cell] = defaultdict(Cell)
    for source, field_name in ((aggs, "agg"), (prev, "prev")):
        for (gi, ind, si, k), agg in source.items():
            for opt_key in shown_in.get((ind, k), ()):
                cell = cells[(ind, gi, si, opt_key)]
                current = getattr(cell, field_name)
                setattr(cell, field_name, agg if current is None else current + agg)
    for (gi, ind, si, k), value in targets.items():
        # Targets are keyed like values: -1 the total, an option id that option's target.
        for opt_key in shown_in.get((ind, k), ()):
            cell = cells[(ind, gi, si, opt_key)]
            cell.target = value if cell.target is None else cell.target + value
    return dict(cells)


def make_row(key: dict, ind: Indicator, agg: Agg | None, prev: Agg | None, target, notes: list) -> Row:
    value, high, num, den = measure(agg, ind.aggregation, notes, ind.name)
    previous = measure(prev, ind.aggregation, notes, ind.name)[0] if prev is not None else None
    row = Row(
        key=key,
        value=value,
        value_high=high,
        numerator=num,
        denominator=den,
        target=target,
        previous=previous,
        agg=agg,
        previous_agg=prev,
        units_reporting=agg.units if agg is not None and agg.n else None,
    )
    row.achievement = achievement(value, target)
    if value is not None and previous is not None:
        row.change = value - previous
        row.change_percent = change_percent(value, previous)
    return row


def make_key(ind, group, spec, opt_key, options, by) -> dict:
    key: dict = {}
    if "indicator" in by:
        # The unit's label is a lazy translation: resolve it once per indicator, not once per row.
        unit = ind.__dict__.get("_unit_label")
        if unit is None:
            unit = ind.__dict__["_unit_label"] = str(ind.unit_label)
        key.update(indicator=ind.code, indicator_label=ind.name, unit_label=unit)
    if Dimension.ORGANIZATION in by:
        key.update(organization=group.key, organization_label=group.label)
    if Dimension.AREA in by:
        key.update(area=group.key, area_label=group.label)
    if "period" in by:
        key.update(spec_labels(spec))
    if Dimension.OPTION in by:
        if opt_key is None:
            key.update(option=None, option_label="")
        elif opt_key == 0:
            key.update(option="", option_label="Không phân tổ")
        else:
            o = options[opt_key]
            key.update(option=o.code, option_label=o.name)
    return key


@lru_cache(maxsize=4096)
def _spec_labels(spec: PeriodSpec) -> tuple:
    return (("period", spec.code), ("period_label", spec.label), ("period_short", spec.short_label))


def spec_labels(spec: PeriodSpec) -> dict:
    return dict(_spec_labels(spec))


def _rank(rows: list[Row], group_by) -> None:
    """Rank units within each (indicator, period, option): 1 for the highest value, ties share a rank."""
    others = [d for d in group_by if d not in (Dimension.ORGANIZATION, Dimension.AREA)]
    by: dict[tuple, list[Row]] = defaultdict(list)
    for r in rows:
        if r.value is not None:
            by[tuple(r.key.get(d) for d in others)].append(r)
    for members in by.values():
        members.sort(key=lambda r: r.value, reverse=True)
        for i, r in enumerate(members):
            r.rank = members[i - 1].rank if i and r.value == members[i - 1].value else i + 1

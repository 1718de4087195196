"""Keeping the roll-up current: totals per organisation with units below it, indicator, span and option.

A cell is recomputed, never patched: cell(A) = own values of A and of its children that have no units below
+ the cells of its children that do. Changes are noted by triggers (see triggers.py) and absorbed by `drain`,
which every engine query calls first, so what was approved is in the next answer. `rebuild` recomputes
everything (after a bulk load, or when the triggers were missing).
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict
from collections.abc import Callable, Iterable

from django.db import connection, transaction

from phoihop.orgs.models import PATH_STEP, Organization
from phoihop.reporting.models import DataValue, Period

from .choices import CellState
from .models import PendingChange, RollupCell, Span
from .periods import PROGRAMME, PeriodSpec, containers
from .sql import OrgMap, _in, values_ctes

log = logging.getLogger(__name__)
STEP = PATH_STEP + 1
FULL_REBUILD_OVER = 50_000  # pending changes beyond which recomputing everything is cheaper
INDICATOR_CHUNK = 4
LOCK_KEY = 7_316_201  # PostgreSQL advisory lock: one drain at a time


def ancestor_ids(path: str) -> list[int]:
    """Ids of the organisations on a materialised path, root first (the last one is the unit itself)."""
    return [int(path[i : i + PATH_STEP]) for i in range(0, len(path), STEP) if path[i : i + PATH_STEP]]


# --- spans -------------------------------------------------------------------------------------------------


def _spans_for(specs: Iterable[PeriodSpec], programmes: list[PeriodSpec]) -> set[tuple]:
    wanted = set()
    for spec in specs:
        for c in containers(spec):
            wanted.add((c.start, c.end, c.kind))
        for p in programmes:
            if p.contains(spec):
                wanted.add((p.start, p.end, p.kind))
    return wanted


def ensure_spans(period_ids: Iterable[int] | None = None) -> list[Span]:
    """Create the spans the given periods (all when None) fall in; returns the spans that are new."""
    periods = Period.objects.all() if period_ids is None else Period.objects.filter(pk__in=list(period_ids))
    specs = [PeriodSpec.of(p.start, p.end, p.kind) for p in periods]
    programmes = [
        PeriodSpec.of(p.start, p.end, p.kind)
        for p in Period.objects.filter(kind=PROGRAMME).only("start", "end", "kind")
    ]
    # Every period row is a span of its own (programme periods, campaign windows …).
    wanted = _spans_for(specs, programmes) | {(s.start, s.end, s.kind) for s in specs}
    have = set(Span.objects.values_list("start", "end"))
    new = [Span(start=s, end=e, kind=k) for s, e, k in sorted(wanted) if (s, e) not in have]
    if new:
        Span.objects.bulk_create(new, ignore_conflicts=True)
        keys = {(s.start, s.end) for s in new}
        return [s for s in Span.objects.all() if (s.start, s.end) in keys]
    return []


def spans_containing(period_ids: Iterable[int]) -> dict[int, set[int]]:
    """For each period, the ids of the spans that contain it."""
    periods = list(Period.objects.filter(pk__in=list(period_ids)).values_list("pk", "start", "end"))
    spans = list(Span.objects.values_list("pk", "start", "end"))
    return {pk: {sid for sid, ss, se in spans if ss <= start and end <= se} for pk, start, end in periods}


# --- recomputing cells -------------------------------------------------------------------------------------


def _internal(node_ids: Iterable[int]) -> set[int]:
    node_ids = list(node_ids)
    found: set[int] = set()
    for i in range(0, len(node_ids), 5000):
        chunk = node_ids[i : i + 5000]
        found |= set(
            Organization.objects.filter(parent_id__in=chunk)
            .order_by()
            .values_list("parent_id", flat=True)
            .distinct()
        )
    return found


def _recompute_depth(
    node_sql: tuple[str, list],
    depth: int,
    indicator_ids: list[int] | None,
    span_ids: list[int] | None,
    state: int,
) -> None:
    """Delete and recompute the cells of the nodes (all at `depth`, all with units below) for one state."""
    nodes, node_params = node_sql
    ind_sql, ind_params = ("", [])
    if indicator_ids is not None:
        in_sql, in_params = _in(indicator_ids)
        ind_sql, ind_params = f" AND c.indicator_id IN {in_sql}", in_params
    span_filter, span_params = ("", [])
    if span_ids is not None:
        in_sql, in_params = _in(span_ids)
        span_filter, span_params = f" WHERE id IN {in_sql}", in_params
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM analytics_rollupcell WHERE state = %s AND organization_id IN ({nodes})"
            + (f" AND indicator_id IN {_in(indicator_ids)[0]}" if indicator_ids is not None else "")
            + (f" AND span_id IN {_in(span_ids)[0]}" if span_ids is not None else ""),
            [state, *node_params, *(indicator_ids or []), *(span_ids or [])],
        )
        # The node itself and its children without units below count with their own values.
        org_map = OrgMap(
            f"SELECT o.id, CASE WHEN o.depth = {int(depth)} THEN o.id ELSE o.parent_id END FROM orgs_organization o"
            f" WHERE o.id IN ({nodes}) OR (o.parent_id IN ({nodes}) AND NOT EXISTS"
            " (SELECT 1 FROM orgs_organization k WHERE k.parent_id = o.id))",
            [*node_params, *node_params],
        )
        spans = (f'SELECT id, start, "end" FROM analytics_span{span_filter}', span_params)
        ctes, params = values_ctes(org_map, spans, indicator_ids, state == CellState.WITH_SUBMITTED)
        measures = (
            "SUM(x.total), SUM(x.high), SUM(x.high_n), SUM(x.num), SUM(x.den), SUM(x.ratio_n), MAX(x.vmax), "
            "SUM(x.n), SUM(x.units)"
        )
        agg = (
            "SUM(val) AS total, SUM(COALESCE(vh, val)) AS high, COUNT(vh) AS high_n, SUM(num) AS num, "
            "SUM(den) AS den, COUNT(den) AS ratio_n, MAX(val) AS vmax, COUNT(*) AS n, COUNT(DISTINCT org) AS units"
        )
        children = (
            "SELECT o.parent_id AS grp, c.indicator_id AS ind, c.span_id AS span_key, c.option_key AS option_key,"
            " c.total, c.high, c.high_n, c.num, c.den, c.ratio_n, c.vmax, c.n, c.units"
            " FROM analytics_rollupcell c JOIN orgs_organization o ON o.id = c.organization_id"
            f" WHERE c.state = %s AND o.parent_id IN ({nodes}){ind_sql}"
            + (f" AND c.span_id IN {_in(span_ids)[0]}" if span_ids is not None else "")
        )
        sql = (
            "INSERT INTO analytics_rollupcell (organization_id, indicator_id, span_id, option_key, state, rule,"
            " total, high, high_n, num, den, ratio_n, vmax, n, units) "
            + ctes
            + f"""
SELECT x.grp, x.ind, x.span_key, x.option_key, %s, i.aggregation, {measures}
FROM (
  SELECT grp, ind, span_key, -1 AS option_key, {agg} FROM tot GROUP BY grp, ind, span_key
  UNION ALL
  SELECT grp, ind, span_key, opt AS option_key, {agg} FROM byopt GROUP BY grp, ind, span_key, opt
  UNION ALL
  {children}
) x JOIN reporting_indicator i ON i.id = x.ind
GROUP BY x.grp, x.ind, x.span_key, x.option_key, i.aggregation"""
        )
        cursor.execute(sql, [*params, state, state, *node_params, *ind_params, *(span_ids or [])])


def recompute(node_ids: Iterable[int], indicator_ids: list[int] | None, span_ids: list[int] | None) -> None:
    """Recompute the cells of these organisations (all for the same indicators and spans)."""
    recompute_work({node: (indicator_ids, span_ids) for node in node_ids})


def recompute_work(work: dict[int, tuple[list[int] | None, list[int] | None]]) -> None:
    """Recompute each node's cells for its (indicators, spans), deepest nodes first, so that every node reads
    its children's fresh cells; nodes of one depth with the same indicators and spans go in one statement."""
    if not work:
        return
    internal = _internal(work)
    leaves = set(work) - internal
    if leaves:
        RollupCell.objects.filter(organization_id__in=leaves).delete()
    by_depth: dict[int, dict[tuple, list[int]]] = defaultdict(lambda: defaultdict(list))
    for pk, depth in Organization.objects.filter(pk__in=internal).values_list("pk", "depth"):
        inds, spans = work[pk]
        key = (None if inds is None else tuple(sorted(inds)), None if spans is None else tuple(sorted(spans)))
        by_depth[depth][key].append(pk)
    for depth in sorted(by_depth, reverse=True):
        for (inds, spans), ids in by_depth[depth].items():
            node_sql = (", ".join(["%s"] * len(ids)), ids)
            for state in CellState.values:
                _recompute_depth(
                    node_sql,
                    depth,
                    None if inds is None else list(inds),
                    None if spans is None else list(spans),
                    state,
                )


def rebuild(indicator_ids: list[int] | None = None, report: Callable[[str], None] | None = None) -> float:
    """Recompute every cell (of the given indicators), level by level from the bottom; returns seconds."""
    started = time.perf_counter()
    with transaction.atomic():
        _lock()
        _rebuild(indicator_ids, report, started)
        if indicator_ids is None:
            PendingChange.objects.all().delete()
    return time.perf_counter() - started


def _rebuild(
    indicator_ids: list[int] | None, report: Callable[[str], None] | None = None, started=0.0
) -> None:
    ensure_spans()
    ids = indicator_ids or list(
        DataValue.objects.values_list("indicator_id", flat=True).distinct().order_by("indicator_id")
    )
    if indicator_ids is None:
        RollupCell.objects.all().delete()
    else:
        RollupCell.objects.filter(indicator_id__in=ids).delete()
    depths = sorted(
        set(
            Organization.objects.filter(parent__isnull=False)
            .order_by()
            .values_list("depth", flat=True)
            .distinct()
        ),
        reverse=True,
    )
    for child_depth in depths:
        depth = child_depth - 1
        # An explicit list (not a subquery) gives the planner a true row count for the nodes.
        nodes = sorted(
            set(
                Organization.objects.filter(depth=child_depth)
                .order_by()
                .values_list("parent_id", flat=True)
                .distinct()
            )
        )
        node_sql = (", ".join(["%s"] * len(nodes)), nodes)
        for i in range(0, len(ids), INDICATOR_CHUNK):
            chunk = ids[i : i + INDICATOR_CHUNK]
            for state in CellState.values:
                _recompute_depth(node_sql, depth, chunk, None, state)
        if report:
            report(f"  cấp {depth}: {time.perf_counter() - started:.1f} giây")


def _lock() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_KEY])


# --- absorbing the queue -----------------------------------------------------------------------------------


def drain() -> int:
    """Absorb the changes noted since the last query; returns how many notes were absorbed."""
    if not PendingChange.objects.exists():
        return 0
    with transaction.atomic():
        _lock()
        notes = list(
            PendingChange.objects.values_list(
                "pk", "kind", "organization_id", "indicator_id", "period_id", "path"
            )[: FULL_REBUILD_OVER + 1]
        )
        if not notes:
            return 0
        if len(notes) > FULL_REBUILD_OVER or any(n[1] == "a" for n in notes):
            _rebuild(None)
            PendingChange.objects.all().delete()
            return len(notes)
        changed_rules = sorted({ind for _, kind, _, ind, _, _ in notes if kind == "i" and ind})
        if changed_rules:
            _rebuild(changed_rules)
        _absorb(notes)
        ids = [n[0] for n in notes]
        for i in range(0, len(ids), 5000):
            PendingChange.objects.filter(pk__in=ids[i : i + 5000]).delete()
    return len(notes)


def _absorb(notes: list[tuple]) -> None:
    work: dict[int, tuple[set | None, set | None]] = {}

    def add(node: int, inds: set | None, spans: set | None) -> None:
        old_inds, old_spans = work.get(node, (set(), set()))
        work[node] = (
            None if inds is None or old_inds is None else old_inds | inds,
            None if spans is None or old_spans is None else old_spans | spans,
        )

    value_notes = [(org, ind, per) for _, kind, org, ind, per, _ in notes if kind == "v"]
    period_ids = {per for _, kind, _, _, per, _ in notes if kind in ("v", "p") and per}
    new_spans = ensure_spans(period_ids) if period_ids else []
    touched = {per for _, _, per in value_notes}
    # A new span that holds values noted earlier (a programme period added later) is filled in whole.
    backfill = {s.pk for s in new_spans if _holds_other_values(s, touched)}
    if backfill:
        internal = Organization.objects.filter(children__isnull=False).order_by().values_list("pk", flat=True)
        for node in set(internal):
            add(node, None, backfill)
    if value_notes:
        containing = spans_containing({per for _, _, per in value_notes})
        paths = dict(
            Organization.objects.filter(pk__in={org for org, _, _ in value_notes}).values_list("pk", "path")
        )
        for org, ind, per in value_notes:
            path = paths.get(org)
            spans = containing.get(per)
            if path and spans:
                for node in ancestor_ids(path):
                    add(node, {ind}, set(spans))
    for _, kind, _, _, _, path in notes:
        if kind == "t" and path:
            for node in ancestor_ids(path)[:-1]:
                add(node, None, None)
        elif kind in ("n", "d") and path:
            for node in ancestor_ids(path)[-2:-1]:
                add(node, None, None)
    recompute_work(
        {
            node: (None if inds is None else sorted(inds), None if spans is None else sorted(spans))
            for node, (inds, spans) in work.items()
        }
    )


def _holds_other_values(span: Span, touched: set[int]) -> bool:
    return (
        DataValue.objects.filter(period__start__gte=span.start, period__end__lte=span.end)
        .exclude(period_id__in=touched)
        .exists()
    )

"""Where each figure comes from: the roll-up cells when they cover the question, the base tables otherwise."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Q

from .models import RollupCell, Span
from .rollup import _internal
from .sql import Agg, run_aggregate, self_map, subtree_map

CELL_FIELDS = ("total", "high", "high_n", "num", "den", "ratio_n", "vmax", "n", "units")


def compute(groups, indicators, specs, scope, state, source, use_rollup, notes) -> dict[tuple, Agg]:
    """Aggregates keyed (group index, indicator id, period index, option key)."""
    roots = {r.pk: r for g in groups for r in g.roots}
    if not roots or not specs:
        return {}
    rules = {i.pk: i.aggregation for i in indicators}
    ind_ids = list(rules)
    per_root: dict[tuple, Agg] = {}
    jobs: list[tuple[list[int], list[int], list[int]]] = []  # (roots, period indexes, indicators)
    leaves: list[int] = []  # roots known to have no units below: their own values are their subtree
    if use_rollup and source == "reported" and scope == "subtree":
        span_q = Q(pk__in=[])
        for s in specs:
            span_q |= Q(start=s.start, end=s.end)
        span_of = {(sp.start, sp.end): sp.pk for sp in Span.objects.filter(span_q)}
        si_span = {si: span_of.get((s.start, s.end)) for si, s in enumerate(specs)}
        spanned = [si for si, sp in si_span.items() if sp]
        unspanned = [si for si, sp in si_span.items() if not sp]
        internal = _internal(roots)
        leaves = [pk for pk in roots if pk not in internal]
        if internal and spanned:
            si_of_span = {si_span[si]: si for si in spanned}
            stale: set[int] = set()
            cells = RollupCell.objects.filter(
                organization_id__in=internal,
                indicator_id__in=ind_ids,
                span_id__in=list(si_of_span),
                state=state,
            ).values_list("organization_id", "indicator_id", "span_id", "option_key", "rule", *CELL_FIELDS)
            for org, ind, span, ok, rule, *measures in cells:
                if rule != rules[ind]:
                    stale.add(ind)
                    continue
                per_root[(org, ind, si_of_span[span], ok)] = Agg.from_row(measures)
            if stale:
                # The indicator's rule changed and the roll-up has not caught up: answer from the base tables.
                per_root = {k: v for k, v in per_root.items() if k[1] not in stale}
                jobs.append((sorted(internal), spanned, sorted(stale)))
        if internal and unspanned:
            jobs.append((sorted(internal), unspanned, ind_ids))
        if leaves:
            jobs.append((leaves, list(range(len(specs))), ind_ids))
    else:
        jobs.append((list(roots), list(range(len(specs))), ind_ids))
    leaf_set = set(leaves)
    for root_ids, period_idx, inds in jobs:
        if scope == "self" or all(pk in leaf_set for pk in root_ids):
            org_map = self_map([(pk, pk) for pk in root_ids])
        else:
            org_map = subtree_map([(pk, roots[pk].path) for pk in root_ids])
        spans = [(si, specs[si].start, specs[si].end) for si in period_idx]
        for grp, ind, si, ok, agg in run_aggregate(org_map, spans, inds, state == 2, source):
            per_root[(grp, ind, si, ok)] = agg
    out: dict[tuple, Agg] = {}
    by_root: dict[int, list[tuple]] = defaultdict(list)
    for key in per_root:
        by_root[key[0]].append(key)
    for gi, g in enumerate(groups):
        for r in g.roots:
            for key in by_root.get(r.pk, ()):
                target = (gi, key[1], key[2], key[3])
                agg = per_root[key]
                out[target] = agg if target not in out else out[target] + agg
    return out

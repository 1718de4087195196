"""Adding cells up over the dimensions a view leaves out: the engine's rows and a pivot's totals.

Across units (disjoint subtrees) and options, sums, numerators and denominators add and maxima take the larger;
across periods the same, except for "latest" indicators, where the last period with a figure is kept. When the
units asked for overlap (a unit and its own parent), the total is asked of the engine again instead, so no
subtree is counted twice.
"""

from __future__ import annotations

from dataclasses import replace

from phoihop.reporting.choices import Aggregation

from . import groups as grouping
from .choices import Dimension

GROUP_DIMS = (Dimension.ORGANIZATION, Dimension.AREA)


def _add(a, b):
    return b if a is None else a if b is None else a + b


def combine(result, keep: tuple[str, ...]) -> list:
    from .engine import make_key, make_row, run

    by = set(keep)
    grouped_in_result = any(d in result.query.group_by for d in GROUP_DIMS)
    if (
        grouped_in_result
        and not by & set(GROUP_DIMS)
        and len(result.groups) > 1
        and grouping.overlapping(result.groups)
    ):
        again = run(replace(result.query, group_by=keep, with_units=False), result.user)
        return again.rows
    indicators = {i.pk: (n, i) for n, i in enumerate(result.indicators)}
    cells = result.cells
    notes = result.notes
    # Across periods first, by the indicator's rule.
    if "period" not in by and len(result.periods) > 1:
        folded: dict[tuple, object] = {}
        order = {si: (s.end, s.start) for si, s in enumerate(result.periods)}
        for (ind, gi, _si, opt), cell in sorted(cells.items(), key=lambda kv: order[kv[0][2]]):
            key = (ind, gi, None, opt)
            latest = indicators[ind][1].aggregation == Aggregation.LATEST
            prior = folded.get(key)
            if prior is None:
                folded[key] = replace(cell)
            elif latest:
                if cell.agg is not None:
                    folded[key] = replace(cell)
            else:
                folded[key] = replace(
                    prior,
                    agg=_add(prior.agg, cell.agg),
                    prev=_add(prior.prev, cell.prev),
                    target=_add(prior.target, cell.target),
                )
        cells = folded
    merged: dict[tuple, object] = {}
    first: dict[tuple, tuple] = {}
    by_ind, by_group, by_period, by_opt = (
        "indicator" in by,
        bool(by & set(GROUP_DIMS)),
        "period" in by,
        (Dimension.OPTION in by),
    )
    for (ind, gi, si, opt), cell in cells.items():
        key = (
            ind if by_ind else None,
            gi if by_group else None,
            si if by_period else None,
            opt if by_opt else None,
        )
        prior = merged.get(key)
        if prior is None:
            merged[key] = cell  # cells are never changed in place: merging makes a new one
            first[key] = (ind, gi, si, opt)
        else:
            merged[key] = replace(
                prior,
                agg=_add(prior.agg, cell.agg),
                prev=_add(prior.prev, cell.prev),
                target=_add(prior.target, cell.target),
            )
    if "indicator" not in by and len({k[0] for k in first.values()}) > 1:
        notes.append("Cộng gộp nhiều chỉ tiêu khác nhau: chỉ nên dùng khi cùng đơn vị tính.")
    rows = []
    option_order = {pk: o.order for pk, o in result.options.items()}
    for key, cell in merged.items():
        ind_pk, gi, si, opt = first[key]
        ind = indicators[ind_pk][1]
        group = result.groups[gi]
        spec = result.periods[si] if si is not None else result.periods[0]
        row = make_row(
            make_key(ind, group, spec, opt, result.options, by), ind, cell.agg, cell.prev, cell.target, notes
        )
        sort = (
            indicators[ind_pk][0] if "indicator" in by else 0,
            gi if key[1] is not None else 0,
            si if si is not None and "period" in by else 0,
            -1 if opt is None else 10_000 if opt == 0 else option_order.get(opt, 0),
        )
        rows.append((sort, row))
    rows.sort(key=lambda pair: pair[0])
    return [row for _, row in rows]

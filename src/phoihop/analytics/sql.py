"""The one aggregation query, shared by live answers and by the roll-up tables (same SQL on PostgreSQL and SQLite).

Every figure the engine gives comes from `aggregate_sql`: reported values (or registry-computed ones) of a set
of organisations, each mapped to a group, against a set of periods ("spans"). Per unit, indicator and span it
keeps only the values that are not superseded:

* sum, ratio of sums, max: a value is dropped when the same unit reported a longer period inside the span that
  covers it (an annual figure supersedes that year's half-year figures, so nothing is counted twice), or a total
  without option for a period covering it (a total supersedes its own breakdown);
* latest: only the unit's last period inside the span counts (the longest one when several end together).

What survives is summed per group (numerators and denominators separately, for ratios), with the maximum, the
number of values and the number of units reporting, for the total over options (option_key -1) and per option.
Supersession is read from window functions over each unit's values (a sort), not from comparing every pair.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.db import connection

SUBMITTED = "submitted"
MEASURES = ("total", "high", "high_n", "num", "den", "ratio_n", "vmax", "n", "units")
_Q4 = Decimal("0.0001")


def dec(value) -> Decimal | None:
    """A database number as a Decimal with 4 places (SQLite returns floats for sums of decimals)."""
    if value is None:
        return None
    if not isinstance(value, Decimal):
        value = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    return value.quantize(_Q4)


@dataclass
class Agg:
    """Sums over the surviving values of one cell; combinable across disjoint units with `+`."""

    total: Decimal | None = None
    high: Decimal | None = None
    high_n: int = 0
    num: Decimal | None = None
    den: Decimal | None = None
    ratio_n: int = 0
    vmax: Decimal | None = None
    n: int = 0
    units: int = 0

    @classmethod
    def from_row(cls, row: Sequence) -> Agg:
        total, high, high_n, num, den, ratio_n, vmax, n, units = row
        return cls(
            dec(total),
            dec(high),
            int(high_n or 0),
            dec(num),
            dec(den),
            int(ratio_n or 0),
            dec(vmax),
            int(n or 0),
            int(units or 0),
        )

    def __add__(self, other: Agg) -> Agg:
        def add(a, b):
            return b if a is None else a if b is None else a + b

        def biggest(a, b):
            return b if a is None else a if b is None else max(a, b)

        return Agg(
            add(self.total, other.total),
            add(self.high, other.high),
            self.high_n + other.high_n,
            add(self.num, other.num),
            add(self.den, other.den),
            self.ratio_n + other.ratio_n,
            biggest(self.vmax, other.vmax),
            self.n + other.n,
            self.units + other.units,
        )

    @property
    def is_empty(self) -> bool:
        return self.n == 0


def _in(values: Iterable) -> tuple[str, list]:
    values = list(values)
    if not values:
        return "(NULL)", []
    return "(" + ", ".join(["%s"] * len(values)) + ")", values


def source_table(source: str) -> tuple[str, str, bool]:
    """(table, expression for the upper bound of a range, whether approval states apply) of a value source."""
    if source == "registry":
        from django.apps import apps

        model = apps.get_model("registries", "ComputedValue")
        return model._meta.db_table, "CAST(NULL AS NUMERIC)", False
    return "reporting_datavalue", "dv.value_high", True


@dataclass
class OrgMap:
    """SQL yielding (org_id, grp): which units count, and in which group. `ctes` come first in the WITH clause."""

    body: str
    params: list
    ctes: tuple[str, ...] = ()
    cte_params: tuple = ()


def values_ctes(
    org_map: OrgMap,
    spans: tuple[str, list],
    indicator_ids: Sequence[int] | None,
    with_submitted: bool,
    source: str = "reported",
) -> tuple[str, list]:
    """The WITH clause computing `tot` (survivors for totals) and `byopt` (survivors per option).

    `spans` is SQL yielding (span_key, ss, se): the periods asked for, or the roll-up's spans.
    """
    table, high_expr, has_state = source_table(source)
    span_sql, span_params = spans
    params: list = [*org_map.cte_params, *org_map.params, *span_params]
    where = []
    if indicator_ids is not None:
        in_sql, in_params = _in(indicator_ids)
        # SQLite would scan the indicator index across the whole country; the unary + makes it start from the
        # organisations (PostgreSQL plans from statistics and needs no hint).
        column = "+dv.indicator_id" if connection.vendor == "sqlite" else "dv.indicator_id"
        where.append(f"{column} IN {in_sql}")
        params += in_params
    report_join = ""
    if has_state:
        if with_submitted:
            report_join = "LEFT JOIN reporting_report rr ON rr.id = dv.report_id"
            where.append("(dv.is_approved OR rr.status = %s)")
            params.append(SUBMITTED)
        else:
            where.append("dv.is_approved")
    # Only the periods inside the spans: lets the (organisation, period) index skip the other years.
    where.append(
        'dv.period_id IN (SELECT p2.id FROM reporting_period p2 JOIN sp s2 ON s2.ss <= p2.start AND p2."end" <= s2.se)'
    )
    where_sql = " AND ".join(where)
    # Whether a value is superseded is read from window functions over each unit's values (sorting, not
    # comparing every pair): the furthest end reached by values of the same option that start earlier
    # (or start together and end later), the furthest end of totals without option starting no later, and
    # the unit's last period.
    unit = "org, ind, span_key"
    prefix = "".join(cte + ",\n" for cte in org_map.ctes)
    sql = f"""
WITH {prefix}om (org_id, grp) AS ({org_map.body}),
sp (span_key, ss, se) AS ({span_sql}),
vs AS (
  SELECT om.grp AS grp, dv.organization_id AS org, dv.indicator_id AS ind, COALESCE(dv.option_id, 0) AS opt,
         pr.start AS ps, pr."end" AS pe, sp.span_key AS span_key,
         dv.value AS val, {high_expr} AS vh, dv.numerator AS num, dv.denominator AS den,
         CASE WHEN i.aggregation = 'latest' THEN 1 ELSE 0 END AS latest,
         CASE WHEN i.disaggregation_id IS NULL THEN 0 ELSE 1 END AS disagg
  FROM {table} dv
  JOIN om ON om.org_id = dv.organization_id
  JOIN reporting_period pr ON pr.id = dv.period_id
  JOIN sp ON sp.ss <= pr.start AND pr."end" <= sp.se
  JOIN reporting_indicator i ON i.id = dv.indicator_id
  {report_join}
  WHERE {where_sql}
),
marked AS MATERIALIZED (
  SELECT vs.*,
    MAX(pe) OVER (PARTITION BY {unit}, opt ORDER BY ps, pe DESC
                  ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS cover_same,
    MAX(CASE WHEN opt = 0 THEN pe END) OVER (PARTITION BY {unit} ORDER BY ps, CASE WHEN opt = 0 THEN 0 ELSE 1 END
                  ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cover_total,
    FIRST_VALUE(pe) OVER (PARTITION BY {unit} ORDER BY pe DESC, ps) AS last_pe,
    FIRST_VALUE(ps) OVER (PARTITION BY {unit} ORDER BY pe DESC, ps) AS last_ps,
    FIRST_VALUE(pe) OVER (PARTITION BY {unit}, opt ORDER BY pe DESC, ps) AS last_pe_opt,
    FIRST_VALUE(ps) OVER (PARTITION BY {unit}, opt ORDER BY pe DESC, ps) AS last_ps_opt,
    MAX(CASE WHEN opt = 0 THEN 1 ELSE 0 END) OVER (PARTITION BY {unit}, ps, pe) AS total_here
  FROM vs
),
tot AS (
  SELECT * FROM marked WHERE
    (latest = 0 AND (cover_same IS NULL OR cover_same < pe) AND (opt = 0 OR cover_total IS NULL OR cover_total < pe))
    OR (latest = 1 AND pe = last_pe AND ps = last_ps AND (opt = 0 OR total_here = 0))
),
byopt AS (
  SELECT * FROM marked WHERE disagg = 1 AND (
    (latest = 0 AND (cover_same IS NULL OR cover_same < pe))
    OR (latest = 1 AND pe = last_pe_opt AND ps = last_ps_opt))
)"""
    return sql, params


AGG_COLUMNS = (
    "SUM(val), SUM(COALESCE(vh, val)), COUNT(vh), SUM(num), SUM(den), COUNT(den), MAX(val), COUNT(*), "
    "COUNT(DISTINCT org)"
)


def aggregate_select() -> str:
    """Rows (grp, ind, span_key, option_key, measures…) from the survivors of `values_ctes`."""
    return f"""
SELECT grp, ind, span_key, -1 AS option_key, {AGG_COLUMNS} FROM tot GROUP BY grp, ind, span_key
UNION ALL
SELECT grp, ind, span_key, opt AS option_key, {AGG_COLUMNS} FROM byopt GROUP BY grp, ind, span_key, opt"""


def values_list_sql(rows: Sequence[Sequence], columns: Sequence[str]) -> tuple[str, list]:
    """A VALUES list usable as a CTE body on both databases; one NULL row of the right width when empty."""
    width = len(columns)
    if not rows:
        return "SELECT " + ", ".join(["NULL"] * width) + " WHERE 1 = 0", []
    row_sql = "(" + ", ".join(["%s"] * width) + ")"
    params = [value for row in rows for value in row]
    return "VALUES " + ", ".join([row_sql] * len(rows)), params


def subtree_map(roots: Sequence[tuple[int, str]]) -> OrgMap:
    """(org_id, grp) for every organisation under each (grp, path) root, itself included.

    One join per path length, so each is an equality the database can hash; the LIKE filters on constant
    prefixes can use the path index.
    """
    by_len: dict[int, list[tuple[int, str]]] = {}
    for grp, path in roots:
        by_len.setdefault(len(path), []).append((grp, path))
    ctes, cte_params, parts, params = [], [], [], []
    for i, (length, items) in enumerate(sorted(by_len.items())):
        values_sql, values_params = values_list_sql(items, ("grp", "path"))
        ctes.append(f"r{i} (grp, path) AS ({values_sql})")
        cte_params += values_params
        like_sql = " OR ".join(["o.path LIKE %s"] * len(items))
        parts.append(
            f"SELECT o.id, r{i}.grp FROM orgs_organization o JOIN r{i} ON r{i}.path = substr(o.path, 1, {length})"
            f" WHERE ({like_sql})"
        )
        params += [path + "%" for _, path in items]
    return OrgMap(" UNION ALL ".join(parts), params, tuple(ctes), tuple(cte_params))


def self_map(pairs: Sequence[tuple[int, int]]) -> OrgMap:
    """(org_id, grp) for organisations counted on their own (scope "self" and units without units below)."""
    values_sql, params = values_list_sql(pairs, ("org_id", "grp"))
    return OrgMap("SELECT org_id, grp FROM ids", [], (f"ids (org_id, grp) AS ({values_sql})",), tuple(params))


def run_aggregate(
    org_map: OrgMap,
    spans: Sequence[tuple[int, object, object]],
    indicator_ids: Sequence[int] | None,
    with_submitted: bool,
    source: str = "reported",
) -> list[tuple]:
    """Rows (grp, ind, span_key, option_key, Agg) for live answers from the base tables."""
    span_sql, span_params = values_list_sql(spans, ("span_key", "ss", "se"))
    ctes, params = values_ctes(org_map, (span_sql, span_params), indicator_ids, with_submitted, source)
    with connection.cursor() as cursor:
        cursor.execute(ctes + aggregate_select(), params)
        rows = cursor.fetchall()
    return [(r[0], r[1], r[2], r[3], Agg.from_row(r[4:])) for r in rows]

"""A pivot table: choices read from a query string (so a link reproduces the view), run through the engine,
laid out as rows × columns with totals. Shared by the page, its exports and the API."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urlencode

from phoihop.core.formatting import EMPTY, vn_number, vn_percent

from .choices import GROUP_LEVELS, Dimension, Measure
from .engine import Query, Result, Row, run
from .errors import QueryError
from .periods import PROGRAMME, PeriodSpec, expand

AXES = ("indicator", "organization", "period", "option")
PERIOD_KINDS = ("year", "half_year", "quarter", "month", "programme")
LIST_PARAMS = ("ind", "org", "area", "per", "opt")
SINGLE_PARAMS = ("level", "scope", "kind", "from", "to", "rows", "cols", "measure", "submitted")


@dataclass
class PivotSpec:
    """Everything the user picked; `params()` gives it back as a query string."""

    indicators: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    areas: list[str] = field(default_factory=list)
    level: str = ""
    scope: str = "subtree"
    kind: str = "year"
    first: str = ""
    last: str = ""
    periods: list[str] = field(default_factory=list)
    options: list[str] = field(default_factory=list)
    rows: str = "organization"
    cols: str = "period"
    measure: str = "value"
    submitted: bool = False

    @classmethod
    def from_params(cls, params) -> PivotSpec:
        """From request.GET (a QueryDict) or a plain dict of lists/strings."""

        def many(name: str) -> list[str]:
            if hasattr(params, "getlist"):
                raw = params.getlist(name)
            else:
                raw = params.get(name, [])
                raw = [raw] if isinstance(raw, str) else list(raw)
            out = []
            for item in raw:
                out += [part.strip() for part in str(item).split(",") if part.strip()]
            return list(dict.fromkeys(out))

        def one(name: str, default: str = "") -> str:
            value = params.get(name, default)
            if isinstance(value, list):
                value = value[0] if value else default
            return str(value).strip() if value is not None else default

        this_year = dt.date.today().year
        return cls(
            indicators=many("ind"),
            organizations=many("org"),
            areas=many("area"),
            level=one("level"),
            scope=one("scope", "subtree") or "subtree",
            kind=one("kind", "year") or "year",
            first=one("from") or str(this_year - 4),
            last=one("to") or str(this_year),
            periods=many("per"),
            options=many("opt"),
            rows=one("rows", "organization") or "organization",
            cols=one("cols", "period") or "period",
            measure=one("measure", "value") or "value",
            submitted=one("submitted") in ("1", "true", "on", "yes"),
        )

    def params(self, **override) -> str:
        data = {
            "ind": self.indicators,
            "org": self.organizations,
            "area": self.areas,
            "level": self.level,
            "scope": "" if self.scope == "subtree" else self.scope,
            "kind": self.kind,
            "from": "" if self.periods else self.first,
            "to": "" if self.periods else self.last,
            "per": self.periods,
            "opt": self.options,
            "rows": self.rows,
            "cols": self.cols,
            "measure": "" if self.measure == "value" else self.measure,
            "submitted": "1" if self.submitted else "",
        }
        data.update(override)
        pairs = []
        for key, value in data.items():
            for v in value if isinstance(value, list) else [value]:
                if v not in ("", None):
                    pairs.append((key, v))
        return urlencode(pairs)

    def period_specs(self) -> list[PeriodSpec]:
        if self.periods:
            return [PeriodSpec.parse(p, "per") for p in self.periods]
        if self.kind not in PERIOD_KINDS:
            raise QueryError(
                f"Loại kỳ «{self.kind}» không có: chọn năm, 6 tháng, quý, tháng hoặc giai đoạn.", "kind"
            )
        if self.kind == PROGRAMME:
            return [
                PeriodSpec.parse(f"{self.first}-{self.last}" if "-" not in self.first else self.first, "from")
            ]
        return expand(self.kind, self.first, self.last, "from")

    def axis_dims(self) -> tuple[str, str]:
        for name, dim in (("rows", self.rows), ("cols", self.cols)):
            if dim not in AXES:
                raise QueryError(
                    f"Chiều «{dim}» không có: hàng và cột chọn trong chỉ tiêu, đơn vị, kỳ, phân tổ.", name
                )
        if self.rows == self.cols:
            raise QueryError("Hàng và cột phải là hai chiều khác nhau.", "cols")
        if self.measure not in Measure.values:
            raise QueryError(f"Số đo «{self.measure}» không có.", "measure")
        return self.rows, self.cols

    def group_dim(self) -> str:
        return Dimension.AREA if self.areas else Dimension.ORGANIZATION

    def query(self, max_cells: int | None = None) -> Query:
        rows, cols = self.axis_dims()
        org_dim = self.group_dim()
        group_by = tuple(org_dim if d == "organization" else d for d in (rows, cols))
        if len(self.indicators) > 1 and "indicator" not in group_by:
            raise QueryError("Đã chọn nhiều chỉ tiêu: đặt «Chỉ tiêu» vào hàng hoặc cột của bảng.", "rows")
        if self.level and self.level not in GROUP_LEVELS:
            raise QueryError(f"Cấp «{self.level}» không có.", "level")
        kwargs = {}
        if max_cells:
            kwargs["max_cells"] = max_cells
        return Query(
            indicators=self.indicators,
            organizations=self.organizations,
            areas=self.areas,
            scope=self.scope,
            periods=self.period_specs(),
            group_by=group_by,
            include_submitted=self.submitted,
            with_targets=self.measure in ("target", "achievement"),
            with_previous=self.measure in ("previous", "change", "change_percent"),
            with_units=self.measure == "units",
            level=self.level or None,
            options=self.options,
            **kwargs,
        )


@dataclass
class Axis:
    """The values along rows or columns: (key value, label) in display order."""

    dim: str
    items: list[tuple[object, str]]


@dataclass
class Table:
    spec: PivotSpec
    result: Result
    rows: Axis
    cols: Axis
    cells: dict[tuple, Row]
    row_totals: dict[object, Row]
    col_totals: dict[object, Row]
    grand: Row | None
    extra_dims: list[str]

    def value(self, row: Row | None):
        return None if row is None else row.get(self.spec.measure)

    def text(self, row: Row | None, indicator=None) -> str:
        return format_measure(self.value(row), self.spec.measure, indicator or self._indicator(row))

    def _indicator(self, row: Row | None):
        if row is not None and "indicator" in row.key:
            return self._by_code.get(row.key["indicator"])
        return self.result.indicators[0] if len(self.result.indicators) == 1 else None

    @property
    def _by_code(self):
        return {i.code: i for i in self.result.indicators}

    def grid(self) -> list[dict]:
        """Rows for templates and exports: label, cells (row, text) per column, total."""
        out = []
        for rkey, rlabel in self.rows.items:
            cells = []
            for ckey, _ in self.cols.items:
                cell = self.cells.get((rkey, ckey))
                ind = self._axis_indicator(rkey, ckey)
                cells.append({"row": cell, "value": self.value(cell), "text": self.text(cell, ind)})
            total = self.row_totals.get(rkey)
            out.append(
                {
                    "key": rkey,
                    "label": rlabel,
                    "cells": cells,
                    "total": total,
                    "total_value": self.value(total),
                    "total_text": self.text(total, self._axis_indicator(rkey, None)),
                }
            )
        return out

    def totals_line(self) -> list[dict]:
        line = []
        for ckey, _ in self.cols.items:
            total = self.col_totals.get(ckey)
            ind = self._axis_indicator(None, ckey)
            line.append({"row": total, "value": self.value(total), "text": self.text(total, ind)})
        return line

    def _axis_indicator(self, rkey, ckey):
        if self.rows.dim == "indicator" and rkey is not None:
            return self._by_code.get(rkey)
        if self.cols.dim == "indicator" and ckey is not None:
            return self._by_code.get(ckey)
        return self.result.indicators[0] if len(self.result.indicators) == 1 else None

    @property
    def has_row_totals(self) -> bool:
        return self.cols.dim != "indicator" and self.spec.measure not in ("rank",)

    @property
    def has_col_totals(self) -> bool:
        return self.rows.dim != "indicator" and self.spec.measure not in ("rank",)


def format_measure(value, measure: str, indicator=None) -> str:
    if value is None or value == "":
        return EMPTY
    if measure in ("achievement", "change_percent"):
        return vn_percent(value)
    if measure == "units" or measure == "rank":
        return str(value) if isinstance(value, str) else vn_number(value)
    if indicator is not None and indicator.value_type == "ratio":
        return vn_percent(value)
    if measure == "change" and value > 0:
        return "+" + vn_number(value)
    return vn_number(value)


def _key_value(row: Row, dim: str):
    if dim == "organization":
        return row.key.get("organization", row.key.get("area"))
    return row.key.get(dim)


def _axis(dim: str, result: Result) -> Axis:
    if dim == "indicator":
        return Axis(dim, [(i.code, f"{i.name} ({i.unit_label})") for i in result.indicators])
    if dim == "organization":
        return Axis(dim, [(g.key, g.label) for g in result.groups])
    if dim == "period":
        return Axis(dim, [(s.code, s.short_label) for s in result.periods])
    seen: dict = {}
    for r in result.rows:
        seen.setdefault(r.key.get("option"), r.key.get("option_label") or "Tổng")
    order = {o.code: o.order for o in result.options.values()}
    items = sorted(seen.items(), key=lambda kv: (kv[0] is None, kv[0] == "", order.get(kv[0], 0)))
    return Axis(dim, items or [(None, "Tổng")])


def build(spec: PivotSpec, user, max_cells: int | None = None) -> Table:
    """Run the engine for the spec and lay the answer out."""
    query = spec.query(max_cells)
    result = run(query, user)
    rdim, cdim = spec.axis_dims()
    rows, cols = _axis(rdim, result), _axis(cdim, result)
    keep_r = "area" if rdim == "organization" and spec.areas else rdim
    keep_c = "area" if cdim == "organization" and spec.areas else cdim
    cells = {(_key_value(r, rdim), _key_value(r, cdim)): r for r in result.rows}
    extra = [d for d in query.group_by if d not in (keep_r, keep_c)]
    row_totals = col_totals = {}
    grand = None
    if not extra:
        if cdim != "indicator":
            row_totals = {_key_value(r, rdim): r for r in result.total((keep_r,))}
        if rdim != "indicator":
            col_totals = {_key_value(r, cdim): r for r in result.total((keep_c,))}
        if "indicator" not in (rdim, cdim) or len(result.indicators) == 1:
            grand_rows = result.total(())
            grand = grand_rows[0] if grand_rows else None
    return Table(spec, result, rows, cols, cells, row_totals, col_totals, grand, extra)

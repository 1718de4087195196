"""REST API of the analytics app (mounted under /api/v1/analytics): the engine and the pivot table, scoped to
the caller's subtree like the pages. Bad questions get 400 with a Vietnamese message and the field to fix."""

from __future__ import annotations

from decimal import Decimal

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status

from .engine import Query as EngineQuery
from .engine import Row, run
from .errors import OutOfScope, QueryError
from .pivot import PivotSpec, build

router = Router(tags=["analytics"])
MAX_LIMIT = 5000


class ErrorOut(Schema):
    detail: str
    field: str = ""


class QueryIn(Schema):
    indicators: list[str] = Field(..., description="Mã chỉ tiêu, ví dụ good_workers")
    organizations: list[int] = Field(default_factory=list, description="Mã đơn vị; để trống: đơn vị của bạn")
    areas: list[int] = Field(default_factory=list, description="Mã địa bàn (đơn vị hành chính), cũ hoặc mới")
    periods: list[str | int] = Field(..., description="2019, 2019-H1, 2019-Q3, 2019-05, 2016-2020 hoặc mã kỳ")
    group_by: list[str] = Field(
        default=["indicator", "period"], description="indicator, organization, area, period, option"
    )
    scope: str = "subtree"
    level: str | None = Field(None, description="children, province, district, commune, grassroots")
    options: list[str] = Field(default_factory=list, description="Mã nhóm phân tổ, ví dụ grassroots")
    include_submitted: bool = False
    with_targets: bool = False
    with_previous: bool = False
    same_period_last_year: bool = False
    with_units: bool = False
    source: str = "reported"


class RowOut(Schema):
    key: dict
    value: int | float | None = None
    value_high: int | float | None = None
    numerator: int | float | None = None
    denominator: int | float | None = None
    target: int | float | None = None
    achievement: int | float | None = None
    previous: int | float | None = None
    change: int | float | None = None
    change_percent: int | float | None = None
    units_reporting: int | None = None
    units_due: int | None = None
    rank: int | None = None


class ResultOut(Schema):
    count: int
    limit: int
    offset: int
    rows: list[RowOut]
    totals: list[RowOut]
    notes: list[str]


class PivotCell(Schema):
    key: str | int | None
    label: str


class PivotLine(Schema):
    key: str | int | None
    label: str
    cells: list[int | float | str | None]
    total: int | float | str | None = None


class PivotOut(Schema):
    rows_dimension: str
    columns_dimension: str
    measure: str
    columns: list[PivotCell]
    count: int
    limit: int
    offset: int
    rows: list[PivotLine]
    totals: list[int | float | str | None] | None = None
    grand_total: int | float | str | None = None
    notes: list[str]
    link: str


class PivotParams(Schema):
    ind: list[str] = Field(default_factory=list, description="Mã chỉ tiêu (lặp lại tham số để chọn nhiều)")
    org: list[str] = Field(default_factory=list)
    area: list[str] = Field(default_factory=list)
    per: list[str] = Field(default_factory=list, description="Kỳ cụ thể; nếu có thì bỏ qua kind/from/to")
    opt: list[str] = Field(default_factory=list)
    level: str = ""
    scope: str = "subtree"
    kind: str = "year"
    from_: str = Field("", alias="from")
    to: str = ""
    rows: str = "organization"
    cols: str = "period"
    measure: str = "value"
    submitted: bool = False
    limit: int = Field(1000, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0)


def _num(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def _row(r: Row) -> dict:
    out = {"key": r.key}
    for name in (
        "value",
        "value_high",
        "numerator",
        "denominator",
        "target",
        "achievement",
        "previous",
        "change",
        "change_percent",
    ):
        out[name] = _num(getattr(r, name))
    out.update(units_reporting=r.units_reporting, units_due=r.units_due, rank=r.rank)
    return out


def _error(exc: QueryError):
    return Status(400, {"detail": exc.message, "field": exc.field})


@router.post("/query", response={200: ResultOut, 400: ErrorOut, 404: ErrorOut}, summary="Tổng hợp số liệu")
def query(
    request: HttpRequest,
    payload: QueryIn,
    limit: int = Query(1000, ge=1, le=MAX_LIMIT),
    offset: int = Query(0, ge=0),
):
    """Any indicators × units (or areas) × periods × options, added up by each indicator's rule; rows
    paginated with limit/offset; `totals` adds everything up over the units asked for."""
    try:
        data = payload.dict()
        data["group_by"] = tuple(data["group_by"])
        result = run(EngineQuery(**data), request.user)
    except QueryError as exc:
        return _error(exc)
    except OutOfScope as exc:
        return Status(404, {"detail": exc.message})
    keep = tuple(d for d in result.query.group_by if d not in ("organization", "area"))
    totals = result.total(keep) if result.rows else []
    rows = result.rows[offset : offset + limit]
    return {
        "count": len(result.rows),
        "limit": limit,
        "offset": offset,
        "rows": [_row(r) for r in rows],
        "totals": [_row(r) for r in totals],
        "notes": result.notes,
    }


@router.get("/pivot", response={200: PivotOut, 400: ErrorOut, 404: ErrorOut}, summary="Bảng tổng hợp")
def pivot(request: HttpRequest, params: Query[PivotParams]):
    """The pivot page's table as JSON; takes the same parameters as the page's link (ind, org, area, level,
    scope, kind, from, to, per, opt, rows, cols, measure, submitted)."""
    raw = params.dict(by_alias=True)
    raw["submitted"] = "1" if raw["submitted"] else ""
    spec = PivotSpec.from_params(raw)
    if not spec.indicators:
        return _error(QueryError("Chọn ít nhất một chỉ tiêu (tham số ind).", "ind"))
    try:
        table = build(spec, request.user)
    except QueryError as exc:
        return _error(exc)
    except OutOfScope as exc:
        return Status(404, {"detail": exc.message})
    grid = table.grid()
    page = grid[params.offset : params.offset + params.limit]
    return {
        "rows_dimension": table.rows.dim,
        "columns_dimension": table.cols.dim,
        "measure": spec.measure,
        "columns": [{"key": k, "label": label} for k, label in table.cols.items],
        "count": len(grid),
        "limit": params.limit,
        "offset": params.offset,
        "rows": [
            {
                "key": line["key"],
                "label": line["label"],
                "cells": [_num(c["value"]) for c in line["cells"]],
                "total": _num(line["total_value"]) if table.has_row_totals else None,
            }
            for line in page
        ],
        "totals": [_num(c["value"]) for c in table.totals_line()] if table.has_col_totals else None,
        "grand_total": _num(table.value(table.grand)) if table.grand else None,
        "notes": table.result.notes,
        "link": "/tong-hop/?" + spec.params(),
    }

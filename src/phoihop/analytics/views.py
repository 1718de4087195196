"""Pages: the pivot table (with XLSX/CSV export and chart), the dashboards and the campaign boards."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from phoihop.core import permissions
from phoihop.core.htmx import render_page
from phoihop.core.i18n import in_vietnamese
from phoihop.orgs.models import Organization
from phoihop.reporting.models import Indicator

from . import charts, dashboards
from .errors import OutOfScope, QueryError
from .exports import XLSX_TYPE, describe, dim_label, to_csv, to_xlsx
from .forms import pivot_choices
from .groups import default_roots
from .periods import PeriodSpec
from .pivot import PivotSpec, Table, build

MAX_CHART_ROWS = 30
MAX_CHART_SERIES = 8
EXPORT_MAX_CELLS = 100_000


def _chart(table: Table, fmt: str) -> bytes | None:
    if len(table.rows.items) > MAX_CHART_ROWS or len(table.cols.items) > MAX_CHART_SERIES:
        return None
    if table.spec.measure in ("units", "rank"):
        return None
    # Rows without any figure are left out of the chart (they stay in the table).
    rows = [
        (rkey, label)
        for rkey, label in table.rows.items
        if any(table.value(table.cells.get((rkey, ckey))) is not None for ckey, _ in table.cols.items)
    ]
    categories = [label for _, label in rows]
    series = {
        clabel: [table.value(table.cells.get((rkey, ckey))) for rkey, _ in rows]
        for ckey, clabel in table.cols.items
    }
    if not any(v is not None for vals in series.values() for v in vals):
        return None
    ind = table.result.indicators[0] if len(table.result.indicators) == 1 else None
    percent = table.spec.measure in ("achievement", "change_percent") or bool(
        ind and ind.value_type == "ratio"
    )
    title = ind.name if ind else ""
    if table.rows.dim == "period" and table.spec.measure == "value":
        return charts.line_chart(categories, series, title=title, percent=percent, fmt=fmt)
    return charts.bar_chart(categories, series, title=title, percent=percent, fmt=fmt)


@login_required
def pivot(request: HttpRequest) -> HttpResponse:
    spec = PivotSpec.from_params(request.GET)
    context = {"spec": spec, "table": None, "error": None, "share_url": "", "chart_uri": ""}
    status = 200
    if spec.indicators:
        try:
            table = build(spec, request.user)
        except QueryError as exc:
            context["error"] = exc
            status = 400
        except OutOfScope:
            raise Http404("Không tìm thấy đơn vị trong phạm vi của bạn.")
        else:
            context["table"] = table
            context["grid"] = table.grid()
            context["totals"] = table.totals_line()
            context["description"] = describe(table)
            context["grand_text"] = table.text(table.grand)
            context["row_label"] = dim_label(table.rows.dim)
            context["col_label"] = dim_label(table.cols.dim)
            svg = _chart(table, "svg")
            if svg:
                import base64

                context["chart_uri"] = "data:image/svg+xml;base64," + base64.b64encode(svg).decode()
        context["share_url"] = request.build_absolute_uri(request.path + "?" + spec.params())
        context["query"] = spec.params()
    context.update(pivot_choices(request.user, spec))
    return render_page(
        request, "analytics/pivot.html", context, partial="analytics/_pivot_result.html", status=status
    )


def _export_table(request) -> Table:
    spec = PivotSpec.from_params(request.GET)
    if not spec.indicators:
        raise QueryError("Chọn ít nhất một chỉ tiêu.", "ind")
    return build(spec, request.user, max_cells=EXPORT_MAX_CELLS)


def _filename(ext: str) -> str:
    return f"tong-hop-{timezone.localdate():%Y%m%d}.{ext}"


def _bad(exc: QueryError) -> HttpResponse:
    return HttpResponse(exc.message, status=400, content_type="text/plain; charset=utf-8")


@login_required
@in_vietnamese  # the whole table, labels included, not only the file around it
def pivot_export(request: HttpRequest, fmt: str) -> HttpResponse:
    try:
        table = _export_table(request)
    except QueryError as exc:
        return _bad(exc)
    except OutOfScope:
        raise Http404("Không tìm thấy đơn vị trong phạm vi của bạn.")
    if fmt == "xlsx":
        response = HttpResponse(to_xlsx(table), content_type=XLSX_TYPE)
    else:
        response = HttpResponse(to_csv(table), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(fmt)}"'
    return response


@login_required
def pivot_chart(request: HttpRequest) -> HttpResponse:
    try:
        table = _export_table(request)
    except QueryError as exc:
        return _bad(exc)
    except OutOfScope:
        raise Http404("Không tìm thấy đơn vị trong phạm vi của bạn.")
    fmt = "svg" if request.GET.get("format") == "svg" else "png"
    data = _chart(table, fmt)
    if data is None:
        return _bad(QueryError("Bảng quá lớn hoặc không có số liệu để vẽ biểu đồ.", "chart"))
    response = HttpResponse(data, content_type="image/svg+xml" if fmt == "svg" else "image/png")
    response["Content-Disposition"] = f'attachment; filename="{_filename(fmt)}"'
    return response


def _chart_download(request, chart_list) -> HttpResponse | None:
    """?chart=<key>&format=png returns that chart of the page as an image file."""
    key = request.GET.get("chart")
    if not key:
        return None
    for chart in chart_list:
        if chart is not None and chart.key == key:
            fmt = "svg" if request.GET.get("format") == "svg" else "png"
            response = HttpResponse(
                chart.draw(fmt), content_type="image/svg+xml" if fmt == "svg" else "image/png"
            )
            response["Content-Disposition"] = f'attachment; filename="bieu-do-{key}.{fmt}"'
            return response
    raise Http404("Không có biểu đồ này.")


@login_required
def dashboard_index(request: HttpRequest) -> HttpResponse:
    agreements = (
        permissions.visible_agreements(request.user)
        .prefetch_related("parties")
        .order_by("-period_start_year", "number")[:50]
    )
    roots = default_roots(request.user)
    return render(
        request,
        "analytics/dashboards.html",
        {
            "agreements": agreements,
            "units": roots[:20],
            "campaigns": dashboards.visible_campaigns(request.user)[:20],
        },
    )


@login_required
def agreement_dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = get_object_or_404(permissions.visible_agreements(request.user), pk=pk)
    board = dashboards.agreement_board(agreement, request.user)
    download = _chart_download(request, [s.chart for s in board["sections"]])
    if download:
        return download
    return render(request, "analytics/agreement_dashboard.html", {"agreement": agreement, **board})


@login_required
def unit_dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    org = get_object_or_404(permissions.visible_organizations(request.user), pk=pk)
    year = timezone.localdate().year
    try:
        first = int(request.GET.get("from") or year - 4)
        last = int(request.GET.get("to") or year)
    except ValueError:
        return _bad(QueryError("Năm không hợp lệ: nhập số, ví dụ 2020.", "from"))
    if first > last:
        return _bad(QueryError(f"Năm bắt đầu {first} sau năm kết thúc {last}.", "from"))
    if last - first > 30:
        return _bad(QueryError("Chọn khoảng tối đa 30 năm.", "from"))
    span = PeriodSpec.year(first) if first == last else PeriodSpec.programme(first, last)
    chosen = None
    if request.GET.get("ind"):
        chosen = Indicator.objects.filter(code=request.GET["ind"]).first()
        if chosen is None:
            return _bad(QueryError(f"Không có chỉ tiêu mã «{request.GET['ind']}».", "ind"))
    board = dashboards.unit_board(org, request.user, span, chosen)
    download = _chart_download(request, [board["chart"], board["trend_chart"]])
    if download:
        return download
    children = Organization.objects.filter(parent=org).order_by("name")[:50]
    return render(
        request,
        "analytics/unit_dashboard.html",
        {
            "org": org,
            "first": first,
            "last": last,
            "children": children,
            **board,
        },
    )


@login_required
def campaign(request: HttpRequest, slug: str) -> HttpResponse:
    board_campaign = get_object_or_404(dashboards.visible_campaigns(request.user), slug=slug)
    board = dashboards.campaign_board(board_campaign, request.user)
    download = _chart_download(request, [board["chart"]])
    if download:
        return download
    return render(request, "analytics/campaign.html", {"campaign": board_campaign, **board})

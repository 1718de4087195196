"""The statistical appendix of a review report as .xlsx: the indicators, then the figures unit by unit.

Cells hold numbers with a number format, not formatted text, so Excel shows them in the user's own
separators (1.065 on a Vietnamese system) and they can still be summed.
"""

from __future__ import annotations

import io
from dataclasses import replace

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from phoihop.reporting.choices import ValueType

from .figures import Figures, IndicatorFigures, _key_part, report_figures, visible_ids

FONT = "Times New Roman"
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
NUMBER_FORMATS = {
    ValueType.COUNT: "#,##0.##",
    ValueType.AMOUNT: "#,##0",
    ValueType.RATIO: '0.00"%"',
    ValueType.BOOLEAN: "0",
}


def _cell(ws, value, bold=False, italic=False, fmt=None, align=None, border=True, size=12):
    cell = WriteOnlyCell(ws, value=value)
    cell.font = Font(name=FONT, size=size, bold=bold, italic=italic)
    if border:
        cell.border = BOX
    if fmt:
        cell.number_format = fmt
    if align:
        cell.alignment = Alignment(horizontal=align, vertical="center", wrap_text=True)
    else:
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    return cell


def _num(value):
    return None if value is None else float(value)


def _summary_rows(entries: list[IndicatorFigures]):
    for n, entry in enumerate(entries, start=1):
        yield str(n), entry, None, entry.total
        for option, fig in entry.options:
            if fig.has_value:
                yield "", entry, option, fig


def _summary(wb: Workbook, report, figures: Figures) -> None:
    ws = wb.create_sheet("Tổng hợp")
    widths = [6, 48, 22, 12, 16, 12, 16, 16, 12, 14, 14]
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.append([_cell(ws, "PHỤ LỤC SỐ LIỆU", bold=True, border=False, size=14)])
    ws.append([_cell(ws, f"{report.get_kind_display()}: {report.title}", italic=True, border=False)])
    ws.append([_cell(ws, f"Kỳ báo cáo: {figures.period.label}", border=False)])
    ws.append([])
    previous = figures.previous_period.label if figures.previous_period else "Kỳ trước"
    header = [
        "TT",
        "Chỉ tiêu",
        "Phân tổ",
        "Đơn vị tính",
        figures.period.label,
        "Ghi chú định lượng",
        previous,
        "Chỉ tiêu kế hoạch",
        "Tỷ lệ đạt (%)",
        "Thay đổi so với kỳ trước (%)",
        "Đơn vị đã báo cáo / phải báo cáo",
    ]
    ws.append([_cell(ws, h, bold=True, align="center") for h in header])
    entries = figures.with_data()
    if not entries:
        ws.append(
            [_cell(ws, f"Không có số liệu đã duyệt trong {figures.period.label}.", italic=True, border=False)]
        )
        return
    for number, entry, option, fig in _summary_rows(entries):
        ind = entry.indicator
        fmt = NUMBER_FORMATS.get(ind.value_type, "#,##0.##")
        units = (
            f"{fig.units_reporting}/{fig.units_due}"
            if fig.units_reporting is not None and fig.units_due is not None
            else ""
        )
        qualifier = fig.qualifier
        if fig.value_high is not None and fig.value_high != fig.value:
            qualifier = (qualifier + " " if qualifier else "") + f"đến {float(fig.value_high):g}"
        ws.append(
            [
                _cell(ws, number, align="center"),
                _cell(
                    ws,
                    ind.name if option is None else f"– {option.name}",
                    bold=option is None and bool(entry.options),
                ),
                _cell(ws, option.disaggregation.name if option is not None else ""),
                _cell(ws, str(ind.get_unit_display()), align="center"),
                _cell(ws, _num(fig.value), fmt=fmt, align="right"),
                _cell(ws, qualifier, align="center"),
                _cell(ws, _num(fig.previous), fmt=fmt, align="right"),
                _cell(ws, _num(fig.target), fmt=fmt, align="right"),
                _cell(ws, _num(fig.achievement), fmt="0.00", align="right"),
                _cell(ws, _num(fig.change_percent), fmt="0.00", align="right"),
                _cell(ws, units, align="center"),
            ]
        )


def _by_unit(wb: Workbook, report, figures: Figures, user) -> None:
    """One row per reporting unit, one column per indicator (and option)."""
    from phoihop.analytics.engine import Query, run
    from phoihop.orgs.models import Organization

    entries = figures.with_data()
    if not entries:
        return
    columns: list[tuple[IndicatorFigures, object]] = []
    for entry in entries:
        if entry.options:
            columns += [(entry, option) for option, fig in entry.options if fig.has_value]
        else:
            columns.append((entry, None))
    bodies = list(report.organizations.all())
    # Units are listed only within the user's own scope: another body's totals are shared, its units are not.
    roots = visible_ids([o.pk for o in bodies], user)
    if not roots:
        return
    unlisted = [o.name for o in bodies if o.pk not in roots]
    query = Query(
        indicators=[e.code for e in entries],
        organizations=roots,
        scope="subtree",
        periods=[figures.period.pk],
        group_by=("organization", "indicator", "option"),
        level="children",
        include_submitted=False,
        source="reported",
        max_cells=10_000_000,  # the appendix is meant to list every unit
    )
    result = run(query, user=user)
    if not any(row.value is not None for row in result.rows):
        # No unit below reported on its own: list the reporting bodies themselves.
        result = run(replace(query, level=None), user=user)
    by_code = {e.code: e for e in entries}
    by_id = {e.indicator.pk: e for e in entries}
    table: dict[int, dict[tuple[str, object], float | None]] = {}
    for row in result.rows:
        key = row.key if isinstance(row.key, dict) else {}
        org = _key_part(key, "organization")
        ref = _key_part(key, "indicator")
        entry = by_code.get(ref) if isinstance(ref, str) else by_id.get(ref)
        if org is None or entry is None:
            continue
        option_ref = _key_part(key, "option")
        option_code = None
        if option_ref is not None:
            match = next(
                (
                    o
                    for o, _f in entry.options
                    if o.pk == option_ref or o.code == option_ref or str(o.pk) == str(option_ref)
                ),
                None,
            )
            option_code = match.code if match else None
        value = getattr(row, "value", None)
        table.setdefault(int(org) if str(org).isdigit() else org, {})[(entry.code, option_code)] = _num(value)
    ws = wb.create_sheet("Theo đơn vị")
    ws.column_dimensions["A"].width = 6
    ws.column_dimensions["B"].width = 45
    for i in range(len(columns)):
        ws.column_dimensions[get_column_letter(i + 3)].width = 14
    header = [_cell(ws, "TT", bold=True, align="center"), _cell(ws, "Đơn vị", bold=True, align="center")]
    for entry, option in columns:
        label = entry.indicator.name if option is None else f"{entry.indicator.name} – {option.name}"
        header.append(_cell(ws, label, bold=True, align="center", size=11))
    ws.append(header)
    ids = [k for k in table if isinstance(k, int)]
    names = dict(Organization.objects.filter(pk__in=ids).values_list("pk", "name"))
    order = dict(Organization.objects.filter(pk__in=ids).values_list("pk", "path"))
    for n, org_id in enumerate(sorted(table, key=lambda k: order.get(k, str(k))), start=1):
        values = table[org_id]
        row = [_cell(ws, n, align="center"), _cell(ws, names.get(org_id, str(org_id)))]
        for entry, option in columns:
            fmt = NUMBER_FORMATS.get(entry.indicator.value_type, "#,##0.##")
            row.append(
                _cell(ws, values.get((entry.code, option.code if option else None)), fmt=fmt, align="right")
            )
        ws.append(row)
    if unlisted:
        ws.append([])
        ws.append(
            [
                None,
                _cell(
                    ws,
                    f"Bảng tổng hợp có số liệu của {', '.join(unlisted)}; các đơn vị trực thuộc "
                    f"{'các cơ quan' if len(unlisted) > 1 else 'cơ quan'} này nằm ngoài phạm vi của bạn nên không "
                    "liệt kê ở đây.",
                    italic=True,
                    border=False,
                    size=11,
                ),
            ]
        )


def render(report, user=None, figures: Figures | None = None, progress=None) -> bytes:
    if figures is None:
        figures = report_figures(report, user)
    if progress:
        progress(40, "Ghi bảng tổng hợp")
    wb = Workbook(write_only=True)
    _summary(wb, report, figures)
    if progress:
        progress(60, "Ghi số liệu theo đơn vị")
    _by_unit(wb, report, figures, user)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()

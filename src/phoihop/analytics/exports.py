"""A pivot table as files officials open in Excel: XLSX (numbers stay numbers) and CSV (UTF-8 with BOM).

The CSV is written for Excel with Vietnamese regional settings: fields separated by ";", decimals with a comma,
no thousands separator, and a byte-order mark so the diacritics open correctly.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from phoihop.core.formatting import vn_date

from .pivot import Table

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
THIN = Side(style="thin", color="B8C0C9")
HEAD = PatternFill("solid", fgColor="F0F3F6")


def describe(table: Table) -> list[str]:
    """The lines above the table: what was added up, for which units and periods."""
    spec, result = table.spec, table.result
    names = ", ".join(i.name for i in result.indicators)
    periods = result.periods
    span = periods[0].label if len(periods) == 1 else f"{periods[0].label} – {periods[-1].label}"
    labels = [g.label for g in result.groups if g.label]
    units = "; ".join(labels[:6]) + (f" … ({len(labels)} đơn vị)" if len(labels) > 6 else "")
    units = units or "Các đơn vị trong phạm vi"
    lines = [f"Chỉ tiêu: {names}", f"Kỳ: {span}", f"Đơn vị, địa bàn: {units}"]
    from .choices import Measure

    lines.append(
        f"Số đo: {Measure(spec.measure).label}"
        + ("; gồm số liệu đã gửi, chưa duyệt" if spec.submitted else "; số liệu đã duyệt")
    )
    lines += [f"Ghi chú: {n}" for n in result.notes]
    return lines


def _number(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def to_xlsx(table: Table, title: str = "Bảng tổng hợp số liệu") -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Tổng hợp"
    ws.append([title])
    ws["A1"].font = Font(bold=True, size=13)
    for line in describe(table):
        ws.append([line])
    from django.utils import timezone

    ws.append([f"Xuất ngày {vn_date(timezone.localdate())}"])
    ws.append([])
    header_row = ws.max_row + 1
    header = [table.rows.dim and dim_label(table.rows.dim) + " \\ " + dim_label(table.cols.dim)]
    header += [label for _, label in table.cols.items]
    if table.has_row_totals:
        header.append("Tổng cộng")
    ws.append(header)
    percent = table.spec.measure in ("achievement", "change_percent")
    for line in table.grid():
        values = [line["label"]] + [
            _number(c["value"]) if not isinstance(c["value"], str) else c["value"] for c in line["cells"]
        ]
        if table.has_row_totals:
            values.append(_number(line["total_value"]))
        ws.append(values)
    if table.has_col_totals:
        values = ["Tổng cộng"] + [_number(c["value"]) for c in table.totals_line()]
        if table.has_row_totals:
            values.append(_number(table.value(table.grand)))
        ws.append(values)
        for cell in ws[ws.max_row]:
            cell.font = Font(bold=True)
    last_col = len(header)
    for row in ws.iter_rows(min_row=header_row, max_row=ws.max_row, max_col=last_col):
        for cell in row:
            cell.border = Border(top=THIN, bottom=THIN, left=THIN, right=THIN)
            if cell.column > 1 and isinstance(cell.value, (int, float)):
                cell.number_format = (
                    '0.00"%"' if percent else ("#,##0" if float(cell.value).is_integer() else "#,##0.00")
                )
    for cell in ws[header_row]:
        cell.font = Font(bold=True)
        cell.fill = HEAD
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    ws.column_dimensions["A"].width = 48
    for col in range(2, last_col + 1):
        ws.column_dimensions[get_column_letter(col)].width = 16
    ws.freeze_panes = ws.cell(row=header_row + 1, column=2)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _csv_number(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    text = f"{Decimal(value).normalize():f}" if not isinstance(value, int) else str(value)
    return text.replace(".", ",")


def to_csv(table: Table) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    header = [dim_label(table.rows.dim)] + [label for _, label in table.cols.items]
    if table.has_row_totals:
        header.append("Tổng cộng")
    writer.writerow(header)
    for line in table.grid():
        values = [line["label"]] + [_csv_number(c["value"]) for c in line["cells"]]
        if table.has_row_totals:
            values.append(_csv_number(line["total_value"]))
        writer.writerow(values)
    if table.has_col_totals:
        values = ["Tổng cộng"] + [_csv_number(c["value"]) for c in table.totals_line()]
        if table.has_row_totals:
            values.append(_csv_number(table.value(table.grand)))
        writer.writerow(values)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def dim_label(dim: str) -> str:
    return {"indicator": "Chỉ tiêu", "organization": "Đơn vị", "period": "Kỳ", "option": "Phân tổ"}.get(
        dim, dim
    )

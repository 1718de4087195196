"""Excel templates to fill in: one sheet per unit's report, with the current and last period's figures.

Layout of a sheet (the importer reads the same layout):
  row 1 (hidden)   the key row: A1 = "phoihop:1", B1 report id, C1 unit id, D1 period id, E1 form code, then the
                   field key of each input column (F1 "value" … I1 "comment") and of the hidden originals (J1…M1)
  rows 2–5         title, unit, period and deadline, how to type numbers
  row 6            column headers
  row 7 …          one line per indicator (or per option of it); column A (hidden) holds the line's key
Columns J–M (hidden) keep the figures as they were when the file was made, so an upload can tell a change made
in the file from one made on the web in the meantime.
"""

from __future__ import annotations

import io
import re

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from phoihop.core.formatting import vn_date
from phoihop.core.i18n import in_vietnamese

from .choices import ValueType
from .layout import build_rows
from .values import value_text

MARKER = "phoihop:1"
KEY_ROW = 1
HEADER_ROW = 6
FIRST_ROW = 7
INPUT_COLUMNS = {"value": 6, "numerator": 7, "denominator": 8, "comment": 9}  # F G H I
ORIGINAL_COLUMNS = {"value": 10, "numerator": 11, "denominator": 12, "comment": 13}  # J K L M
HEADERS = ["Mã", "STT", "Chỉ tiêu", "Đơn vị tính", "Kỳ trước", "Số liệu kỳ này", "Tử số", "Mẫu số", "Ghi chú"]
WIDTHS = [4, 6, 58, 12, 14, 18, 12, 12, 36]
COUNT_FORMAT = "#,##0"
DECIMAL_FORMAT = "#,##0.##"

_thin = Side(style="thin", color="9AA5B1")
BORDER = Border(left=_thin, right=_thin, top=_thin, bottom=_thin)
HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
INPUT_FILL = PatternFill("solid", fgColor="FFFDE7")
GROUP_FILL = PatternFill("solid", fgColor="F2F2F2")
FONT = "Times New Roman"


ABBREVIATIONS = (
    ("Liên đoàn Lao động", "LĐLĐ"),
    ("Ủy ban nhân dân", "UBND"),
    ("Công đoàn cơ sở", "CĐCS"),
    ("Công ty cổ phần", "CTCP"),
    ("Trách nhiệm hữu hạn", "TNHH"),
)


def short_org_name(org) -> str:
    """ "Liên đoàn Lao động quận Hai Bà Trưng" → "LĐLĐ quận Hai Bà Trưng", as offices write it."""
    if org.short_name:
        return org.short_name
    name = org.name
    for long, short in ABBREVIATIONS:
        name = re.sub(long, short, name, flags=re.IGNORECASE)
    return name


def sheet_title(report, taken: set[str]) -> str:
    """A unique sheet name within Excel's 31 characters and without []:*?/\\."""
    base = re.sub(r"[\[\]:*?/\\]", " ", short_org_name(report.organization)).strip()[:31].strip()
    title, n = base or f"Báo cáo {report.pk}", 2
    while title.lower() in taken:
        title = f"{base[:26]} ({n})"
        n += 1
    taken.add(title.lower())
    return title


def _number_cell(cell, indicator, number, part: str) -> None:  # noqa: ARG001 - one signature for all parts
    if number is None:
        return
    whole = number == number.to_integral_value()
    cell.value = int(number) if whole else float(number)
    cell.number_format = COUNT_FORMAT if whole else DECIMAL_FORMAT


def write_sheet(ws, report, rows=None) -> None:
    rows = build_rows(report) if rows is None else rows
    form, org, period = report.form, report.organization, report.period
    base_font = Font(name=FONT, size=12)

    # The hidden key row: what the importer trusts, never what the user reads.
    ws.cell(KEY_ROW, 1, MARKER)
    ws.cell(KEY_ROW, 2, report.pk)
    ws.cell(KEY_ROW, 3, org.pk)
    ws.cell(KEY_ROW, 4, period.pk)
    ws.cell(KEY_ROW, 5, form.code)
    for part, col in INPUT_COLUMNS.items():
        ws.cell(KEY_ROW, col, part)
    for part, col in ORIGINAL_COLUMNS.items():
        ws.cell(KEY_ROW, col, f"orig:{part}")
    ws.row_dimensions[KEY_ROW].hidden = True

    title = form.name.upper() if form.name.lower().startswith("báo cáo") else f"BÁO CÁO {form.name.upper()}"
    ws.cell(2, 2, title).font = Font(name=FONT, size=14, bold=True)
    ws.cell(3, 2, f"Đơn vị báo cáo: {org}").font = Font(name=FONT, size=12, bold=True)
    due = f" · Hạn nộp: {vn_date(report.due_date)}" if report.due_date else ""
    ws.cell(
        4, 2, f"Kỳ báo cáo: {period.label}{due} · Trạng thái: {report.get_status_display()}"
    ).font = base_font
    ws.cell(
        5,
        2,
        "Nhập số theo cách viết Việt Nam: 1.065 · 92,17 · 2,2 tỷ · hơn 51.500 · 67 - 74. Chỉ nhập vào các ô nền vàng; "
        "không dùng công thức, không gộp ô, không ẩn dòng. Tỷ lệ: nhập tử số và mẫu số, hệ thống tự tính.",
    ).font = Font(name=FONT, size=11, italic=True)

    for col, (title, width) in enumerate(zip(HEADERS, WIDTHS, strict=True), start=1):
        cell = ws.cell(HEADER_ROW, col, title)
        cell.font = Font(name=FONT, size=12, bold=True)
        cell.fill = HEADER_FILL
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(col)].width = width
    for col in (1, *ORIGINAL_COLUMNS.values()):
        ws.column_dimensions[get_column_letter(col)].hidden = True

    counts = DataValidation(
        type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True, errorStyle="warning",
        errorTitle="Số không hợp lệ", error="Ô này nhận số nguyên không âm, ví dụ 1.065.",
    )  # fmt: skip
    amounts = DataValidation(
        type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True, errorStyle="warning",
        errorTitle="Số tiền không hợp lệ", error="Nhập số tiền bằng đồng, không âm (ví dụ 2200000000 hoặc «2,2 tỷ»).",
    )  # fmt: skip
    percents = DataValidation(
        type="decimal", operator="between", formula1="0", formula2="100", allow_blank=True, errorStyle="warning",
        errorTitle="Tỷ lệ không hợp lệ", error="Tỷ lệ phần trăm từ 0 đến 100, ví dụ 92,17.",
    )  # fmt: skip
    yesno = DataValidation(
        type="list", formula1='"Có,Không"', allow_blank=True, errorTitle="Chọn Có hoặc Không"
    )
    for dv in (counts, amounts, percents, yesno):
        ws.add_data_validation(dv)

    r = FIRST_ROW
    last_group = None
    for row in rows:
        indicator = row.indicator
        if row.option is not None and last_group != indicator.pk:
            # A group heading for a disaggregated indicator; it has no key and is skipped on upload.
            ws.cell(r, 2, row.number.split(".")[0])
            ws.cell(r, 3, indicator.name).font = Font(name=FONT, size=12, bold=True)
            ws.cell(r, 4, indicator.unit_label)
            for col in range(2, 10):
                ws.cell(r, col).fill = GROUP_FILL
                ws.cell(r, col).border = BORDER
            r += 1
        last_group = indicator.pk if row.option is not None else None
        ws.cell(r, 1, row.key)
        ws.cell(r, 2, row.number)
        ws.cell(r, 3, f"   {row.option.name}" if row.option else indicator.name)
        ws.cell(r, 4, indicator.unit_label)
        if row.previous is not None:
            if indicator.value_type == ValueType.BOOLEAN:
                ws.cell(r, 5, value_text(indicator, row.previous))
            else:
                _number_cell(ws.cell(r, 5), indicator, row.previous, "value")
        dv = row.current
        inputs = ["value", "comment"] + (["numerator", "denominator"] if row.is_ratio else [])
        for part in inputs:
            cell = ws.cell(r, INPUT_COLUMNS[part])
            cell.protection = Protection(locked=False)
            cell.fill = INPUT_FILL
        if dv is not None:
            _write_value(ws.cell(r, INPUT_COLUMNS["value"]), indicator, dv)
            _write_value(ws.cell(r, ORIGINAL_COLUMNS["value"]), indicator, dv)
            for part in ("numerator", "denominator"):
                for cols in (INPUT_COLUMNS, ORIGINAL_COLUMNS):
                    _number_cell(ws.cell(r, cols[part]), indicator, getattr(dv, part), part)
            ws.cell(r, INPUT_COLUMNS["comment"], dv.comment or None)
            ws.cell(r, ORIGINAL_COLUMNS["comment"], dv.comment or None)
        ref = f"{get_column_letter(INPUT_COLUMNS['value'])}{r}"
        if indicator.value_type == ValueType.BOOLEAN:
            yesno.add(ref)
        elif indicator.value_type == ValueType.RATIO:
            percents.add(ref)
            counts.add(f"G{r}:H{r}")
        elif indicator.value_type == ValueType.AMOUNT:
            amounts.add(ref)
        else:
            counts.add(ref)
        for col in range(2, 10):
            cell = ws.cell(r, col)
            cell.border = BORDER
            if cell.font is None or not cell.font.b:
                cell.font = base_font
        ws.cell(r, 3).alignment = Alignment(wrap_text=True, vertical="center")
        ws.cell(r, 9).alignment = Alignment(wrap_text=True, vertical="center")
        r += 1

    ws.freeze_panes = ws.cell(FIRST_ROW, 6)
    ws.sheet_view.zoomScale = 100
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    # Keys, labels and last period's figures are protected; the yellow input cells are not. No password:
    # the protection guards against slips, not against the user.
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False


def _write_value(cell, indicator, dv) -> None:
    if dv.value is None:
        return
    if indicator.value_type == ValueType.BOOLEAN or dv.value_high is not None or dv.qualifier:
        cell.value = value_text(indicator, dv.value, dv.value_high, dv.qualifier)
    else:
        _number_cell(cell, indicator, dv.value, "value")


@in_vietnamese
def workbook_for(reports) -> bytes:
    """An .xlsx with one sheet per report, in the order given."""
    wb = Workbook()
    wb.remove(wb.active)
    taken: set[str] = set()
    for report in reports:
        ws = wb.create_sheet(sheet_title(report, taken))
        write_sheet(ws, report)
    if not wb.worksheets:
        wb.create_sheet("Trống").cell(1, 1, "Không có báo cáo nào trong phạm vi của bạn.")
    wb.properties.creator = "phoihop"
    wb.properties.language = "vi-VN"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def file_name(report=None, form=None, period=None) -> str:
    from phoihop.core.text import fold

    if report is not None:
        form, period = report.form, report.period
        who = fold(report.organization.short_name or report.organization.name).replace(" ", "-")[:40]
        return f"bao-cao-{form.code}-{fold(period.label).replace(' ', '-')}-{who}.xlsx"
    return f"bao-cao-{form.code}-{fold(period.label).replace(' ', '-')}.xlsx"

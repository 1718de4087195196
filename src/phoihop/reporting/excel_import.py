"""Reading a filled-in workbook back: check the file, stage every change and error cell by cell, then commit.

`stage` writes nothing but an ImportBatch (the preview); `commit` applies it in one transaction through
actions.save_values, after checking that no report moved since the preview. The same file uploaded twice
stages no change the second time.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from xml.etree import ElementTree

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from openpyxl.utils import get_column_letter
from python_calamine import CalamineError, CalamineWorkbook, SheetVisibleEnum

from phoihop.core import permissions

from . import actions
from .choices import ImportStatus, ValueSource
from .excel_export import FIRST_ROW, INPUT_COLUMNS, MARKER, ORIGINAL_COLUMNS
from .layout import form_lines, row_key
from .models import DataValue, ImportBatch, Indicator, Report
from .validation import Issue, ValueTable, check_jumps, check_rules
from .values import FIELD_LABELS, FIELDS, CellError, Entry, build_entry, value_text

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
_FORMULA = re.compile(rb"<(?:\w+:)?f[ >/]")
_CELL_REF = re.compile(rb'\br="([A-Z]+[0-9]+)"')
_HIDDEN_ROW = re.compile(rb'<(?:\w+:)?row\b[^>]*?\bhidden="(?:1|true)"[^>]*>')
_HIDDEN_COL = re.compile(rb'<(?:\w+:)?col\b[^>]*?\bhidden="(?:1|true)"[^>]*>')
_ROW_NUMBER = re.compile(rb'\br="([0-9]+)"')
_COL_RANGE = re.compile(rb'\bmin="([0-9]+)"[^>]*?\bmax="([0-9]+)"|\bmax="([0-9]+)"[^>]*?\bmin="([0-9]+)"')
LAST_COLUMN = max(ORIGINAL_COLUMNS.values())


class FileRejected(Exception):
    """The upload is not a workbook we can read at all; `message` says what to do."""

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


def megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}".replace(".", ",")


def check_file(data: bytes, name: str) -> zipfile.ZipFile:
    """Size, magic bytes and zip structure, before any parser sees the file."""
    limit = settings.UPLOAD_MAX_BYTES
    if len(data) > limit:
        raise FileRejected(
            f"Tệp «{name}» nặng {megabytes(len(data))} MB, vượt giới hạn {megabytes(limit)} MB. Tách tệp thành nhiều tệp nhỏ "
            "(ví dụ mỗi tệp một nhóm đơn vị) rồi tải lên lần lượt."
        )
    if not data:
        raise FileRejected(f"Tệp «{name}» rỗng. Chọn lại tệp Excel đã nhập số liệu.")
    if data.startswith(OLE_MAGIC):
        raise FileRejected(
            f"Tệp «{name}» là định dạng Excel 97-2003 (.xls). Mở tệp bằng Excel, chọn Lưu thành (Save As) → "
            "Sổ làm việc Excel (.xlsx), rồi tải lên lại."
        )
    not_xlsx = (
        f"Tệp «{name}» không phải tệp Excel .xlsx (có thể là tệp khác được đổi đuôi). Tải tệp mẫu từ trang báo cáo, "
        "nhập số liệu vào đó rồi tải lên."
    )
    if not data.startswith(b"PK\x03\x04"):
        raise FileRejected(not_xlsx)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        names = set(zf.namelist())
        unpacked = sum(info.file_size for info in zf.infolist())
    except (zipfile.BadZipFile, ValueError):
        raise FileRejected(not_xlsx)
    if "word/document.xml" in names:
        raise FileRejected(f"Tệp «{name}» là văn bản Word, không phải bảng tính Excel. {not_xlsx}")
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise FileRejected(not_xlsx)
    if unpacked > 20 * limit:
        raise FileRejected(
            f"Tệp «{name}» khi giải nén quá lớn ({megabytes(unpacked)} MB); tách thành nhiều tệp nhỏ."
        )
    return zf


@dataclass
class SheetFacts:
    """What calamine does not tell: formula cells and hidden rows and columns of one sheet."""

    formulas: set[str] = field(default_factory=set)
    hidden_rows: set[int] = field(default_factory=set)
    hidden_cols: set[int] = field(default_factory=set)


def scan_structure(zf: zipfile.ZipFile) -> dict[str, SheetFacts]:
    workbook = ElementTree.fromstring(zf.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target") for rel in rels.findall("rel:Relationship", _NS)}
    facts = {}
    for sheet in workbook.findall("m:sheets/m:sheet", _NS):
        target = targets.get(sheet.get(f"{{{_NS['r']}}}id"), "")
        path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        try:
            xml = zf.read(path)
        except KeyError:
            continue
        found = SheetFacts()
        for m in _FORMULA.finditer(xml):
            start = max(xml.rfind(b"<c ", 0, m.start()), xml.rfind(b":c ", 0, m.start()))
            ref = _CELL_REF.search(xml, start, m.start())
            if ref:
                found.formulas.add(ref.group(1).decode())
        for m in _HIDDEN_ROW.finditer(xml):
            number = _ROW_NUMBER.search(m.group(0))
            if number:
                found.hidden_rows.add(int(number.group(1)))
        for m in _HIDDEN_COL.finditer(xml):
            span = _COL_RANGE.search(m.group(0))
            if span:
                lo, hi = (span.group(1), span.group(2)) if span.group(1) else (span.group(4), span.group(3))
                found.hidden_cols.update(range(int(lo), int(hi) + 1))
        facts[sheet.get("name")] = found
    return facts


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _cell(row: list, col: int):
    value = row[col - 1] if len(row) >= col else None
    return None if _blank(value) else value


def _text(value) -> str | None:
    if value is None:
        return None
    return str(value) if not isinstance(value, Decimal) else format(value, "f")


class Stager:
    """Builds one ImportBatch: the changes, errors and warnings of every sheet."""

    def __init__(self, user, file_name: str):
        self.user = user
        self.file_name = file_name
        self.errors: list[dict] = []
        self.warnings: list[dict] = []
        self.changes: list[dict] = []
        self.versions: dict[str, int] = {}
        self._lines: dict[int, dict] = {}
        self._codes: set[str] | None = None

    def error(self, sheet: str, cell: str, message: str) -> None:
        self.errors.append({"s": sheet, "c": cell, "m": message})

    def warn(self, sheet: str, cell: str, message: str) -> None:
        self.warnings.append({"s": sheet, "c": cell, "m": message})

    def lines(self, form) -> dict:
        if form.pk not in self._lines:
            self._lines[form.pk] = {
                row_key(i.code, o.code if o else None): (n, i, o) for n, i, o in form_lines(form)
            }
        return self._lines[form.pk]

    def catalogue_codes(self) -> set[str]:
        if self._codes is None:
            self._codes = set(Indicator.objects.values_list("code", flat=True))
        return self._codes

    def run(self, data: bytes) -> None:
        zf = check_file(data, self.file_name)
        try:
            facts = scan_structure(zf)
            book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        except (CalamineError, ElementTree.ParseError, KeyError, ValueError):
            raise FileRejected(
                f"Tệp «{self.file_name}» bị hỏng hoặc không đọc được. Mở tệp bằng Excel, lưu lại dạng .xlsx rồi tải lên."
            )
        visibility = {m.name: m.visible for m in book.sheets_metadata}
        sheets = []
        for name in book.sheet_names:
            sheet = book.get_sheet_by_name(name)
            rows = sheet.to_python(skip_empty_area=False)
            if not rows or not any(not _blank(v) for row in rows for v in row):
                continue
            if rows[0][:1] != [MARKER]:
                self.error(name, "A1", "Trang này không phải mẫu báo cáo của phoihop (thiếu dòng khóa ẩn ở dòng 1). "
                           "Dùng tệp tải từ trang báo cáo; không chép số liệu sang tệp khác.")  # fmt: skip
                continue
            if visibility.get(name) not in (None, SheetVisibleEnum.Visible):
                self.error(
                    name,
                    "",
                    "Trang đang bị ẩn. Bỏ ẩn trang (chuột phải vào tên trang → Bỏ ẩn) để kiểm tra số liệu, hoặc xóa trang.",
                )
            sheets.append((name, sheet, rows))
        if not sheets and not self.errors:
            raise FileRejected(
                f"Tệp «{self.file_name}» không có trang báo cáo nào. Tải tệp mẫu từ trang báo cáo rồi nhập số liệu."
            )
        ids = {}
        for name, _sheet, rows in sheets:
            try:
                ids[name] = int(float(rows[0][1]))
            except (TypeError, ValueError, IndexError):
                self.error(name, "B1", "Dòng khóa ẩn bị sửa (thiếu mã báo cáo). Tải tệp mẫu mới.")
        reports = Report.objects.select_related("form", "organization", "period").in_bulk(set(ids.values()))
        visible = set(
            permissions.visible_organizations(self.user)
            .filter(pk__in=[r.organization_id for r in reports.values()])
            .values_list("pk", flat=True)
        )
        current = self._current_values(reports.values())
        previous = self._previous_values(reports.values())
        seen_reports: dict[int, str] = {}
        for name, sheet, rows in sheets:
            report = reports.get(ids.get(name))
            if name not in ids:
                continue
            if report is None or report.organization_id not in visible:
                self.error(
                    name,
                    "B1",
                    "Báo cáo của trang này không tồn tại hoặc không thuộc phạm vi của bạn. Tải tệp mẫu mới.",
                )
                continue
            if (
                str(_cell(rows[0], 3)).split(".")[0] != str(report.organization_id)
                or _cell(rows[0], 5) != report.form.code
            ):
                self.error(
                    name,
                    "A1",
                    "Dòng khóa ẩn không khớp với báo cáo (có thể trang được chép từ tệp khác). Tải tệp mẫu mới.",
                )
                continue
            if not permissions.can_report_for(self.user, report.organization):
                self.error(name, "", f"Bạn không có quyền nhập số liệu cho «{report.organization}». Xóa trang này khỏi tệp "
                           "hoặc để đơn vị đó tự nhập.")  # fmt: skip
                continue
            if report.pk in seen_reports:
                self.error(
                    name,
                    "",
                    f"Báo cáo này đã có ở trang «{seen_reports[report.pk]}»; mỗi báo cáo chỉ nhập ở một trang.",
                )
                continue
            seen_reports[report.pk] = name
            self._sheet(name, sheet, rows, report, facts.get(name, SheetFacts()), current, previous)

    def _current_values(self, reports) -> dict:
        reports = list(reports)
        if not reports:
            return {}
        rows = DataValue.objects.filter(
            organization_id__in={r.organization_id for r in reports},
            period_id__in={r.period_id for r in reports},
        ).only("pk", "organization_id", "period_id", "indicator_id", "option_id", *FIELDS)
        return {
            (dv.organization_id, dv.period_id, dv.indicator_id, dv.option_id): dv
            for dv in rows.iterator(chunk_size=5000)
        }

    def _previous_values(self, reports) -> dict:
        by_period = {}
        for report in reports:
            if report.period_id not in by_period:
                prev = report.period.previous()
                by_period[report.period_id] = prev.pk if prev else None
        prev_ids = {p for p in by_period.values() if p}
        result: dict = {}
        if prev_ids:
            rows = DataValue.objects.filter(
                organization_id__in={r.organization_id for r in reports},
                period_id__in=prev_ids,
                value__isnull=False,
            ).values_list("organization_id", "period_id", "indicator_id", "option_id", "value")
            for org, period, ind, opt, value in rows.iterator(chunk_size=5000):
                result[(org, period, ind, opt)] = value
        self._prev_period = by_period
        return result

    def _sheet(self, name, sheet, rows, report, facts: SheetFacts, current, previous) -> None:
        lines = self.lines(report.form)
        first_index = FIRST_ROW - 1
        for (r0, c0), (r1, c1) in sheet.merged_cell_ranges or []:
            if r1 >= first_index - 1 and c0 < LAST_COLUMN:
                area = f"{get_column_letter(c0 + 1)}{r0 + 1}:{get_column_letter(c1 + 1)}{r1 + 1}"
                self.error(
                    name,
                    area,
                    f"Vùng {area} đang gộp ô. Bỏ gộp ô (Trộn & Căn giữa → Bỏ trộn ô) rồi tải lên lại.",
                )
        for col in INPUT_COLUMNS.values():
            if col in facts.hidden_cols:
                self.error(
                    name,
                    get_column_letter(col),
                    f"Cột {get_column_letter(col)} đang bị ẩn. Bỏ ẩn cột rồi kiểm tra số liệu trước khi tải lên.",
                )
        org, period = report.organization_id, report.period_id
        prev_period = self._prev_period.get(period)
        entries, seen, changed_rows = [], set(), []
        for index in range(first_index, len(rows)):
            row, number = rows[index], index + 1
            key = _cell(row, 1)
            inputs = {part: _cell(row, col) for part, col in INPUT_COLUMNS.items()}
            if key is None:
                typed = [p for p, v in inputs.items() if v is not None]
                if typed:
                    ref = f"{get_column_letter(INPUT_COLUMNS[typed[0]])}{number}"
                    self.error(
                        name,
                        ref,
                        f"Dòng {number} không có mã chỉ tiêu (dòng tiêu đề nhóm hoặc dòng tự thêm): không nhập số vào dòng này.",
                    )
                continue
            key = str(key).strip()
            line = lines.get(key)
            if line is None:
                code = key.split(":")[0]
                where = "trong biểu này" if code in self.catalogue_codes() else "trong danh mục chỉ tiêu"
                self.error(
                    name,
                    f"A{number}",
                    f"Mã chỉ tiêu «{key}» (cột A ẩn, dòng {number}) không có {where}. Không sửa cột A; tải tệp mẫu mới nếu biểu đã thay đổi.",
                )
                continue
            if key in seen:
                self.error(name, f"A{number}", f"Chỉ tiêu «{key}» xuất hiện hai lần; xóa dòng {number}.")
                continue
            seen.add(key)
            _n, indicator, option = line
            label = f"{indicator.name} – {option.name}" if option else indicator.name
            if number in facts.hidden_rows:
                self.error(
                    name,
                    f"{number}:{number}",
                    f"Dòng {number} («{label}») đang bị ẩn. Bỏ ẩn dòng rồi kiểm tra số liệu trước khi tải lên.",
                )
            bad = False
            cells = {part: f"{get_column_letter(col)}{number}" for part, col in INPUT_COLUMNS.items()}
            for ref in cells.values():
                if ref in facts.formulas:
                    self.error(
                        name,
                        ref,
                        f"Ô {ref} («{label}») chứa công thức. Thay bằng giá trị: sao chép ô rồi Dán đặc biệt → Giá trị.",
                    )
                    bad = True
            if not indicator.is_ratio:
                for part in ("numerator", "denominator"):
                    if inputs[part] is not None:
                        self.error(
                            name,
                            cells[part],
                            f"Ô {cells[part]}: chỉ tiêu «{label}» không có tử số, mẫu số; để trống ô này.",
                        )
                        bad = True
            if bad:
                continue
            where = f"Trang «{name}»"
            try:
                entry = build_entry(indicator, option, inputs, where, {p: f"ô {c}" for p, c in cells.items()})
            except CellError as exc:
                cell = next((c for p, c in cells.items() if f"ô {c}" in exc.where), cells["value"])
                self.error(name, cell, f"Ô {cell} («{label}»): {exc.message}")
                continue
            entries.append(entry)
            dv = current.get((org, period, indicator.pk, option.pk if option else None))
            diff = {}
            for part in FIELDS:
                old = (
                    getattr(dv, part)
                    if dv is not None
                    else (None if part not in ("qualifier", "comment") else "")
                )
                new = getattr(entry, part)
                if (old or None) != (new or None):
                    diff[part] = (old, new)
            if not diff:
                continue
            if dv is not None:
                self._conflicts(name, row, number, indicator, option, label, dv, diff, cells)
            shown = {}
            for part, (old, new) in diff.items():
                ref = cells.get(part if part in INPUT_COLUMNS else "value")
                shown[part] = [
                    self._show(indicator, part, old),
                    self._show(indicator, part, new),
                    ref,
                    FIELD_LABELS[part],
                ]
            changed_rows.append(
                {
                    "r": report.pk,
                    "s": name,
                    "row": number,
                    "k": key,
                    "l": label,
                    "f": shown,
                    "e": {part: _text(getattr(entry, part)) for part in FIELDS},
                }
            )
        if changed_rows:
            if not report.is_editable:
                self.error(name, "", f"Báo cáo «{report.form.name} – {report.period.label}» của «{report.organization}» đang ở trạng thái "
                           f"«{report.get_status_display()}»{' và đã khóa' if report.is_locked else ''} nên không nhận số liệu mới. "
                           "Đề nghị đơn vị cấp trên trả lại hoặc mở khóa, rồi tải tệp lên lại.")  # fmt: skip
            self.changes.extend(changed_rows)
            self.versions[str(report.pk)] = report.version
        self._check(name, report, entries, current, previous, prev_period, {c["k"] for c in changed_rows})

    @staticmethod
    def _show(indicator, part: str, value) -> str:
        if part in ("qualifier", "comment"):
            return value or ""
        return value_text(indicator, value)

    def _conflicts(self, name, row, number, indicator, option, label, dv, diff, cells) -> None:
        originals = {part: _cell(row, col) for part, col in ORIGINAL_COLUMNS.items()}
        try:
            original = build_entry(indicator, option, originals, "")
        except CellError:
            return
        for part in diff:
            if part not in INPUT_COLUMNS:
                continue
            before, now = getattr(original, part), getattr(dv, part)
            if (before or None) != (now or None):
                ref = cells[part]
                self.error(name, ref, f"Ô {ref} («{label}»): trên hệ thống số liệu đã đổi từ «{self._show(indicator, part, before)}» "
                           f"thành «{self._show(indicator, part, now)}» sau khi tệp được tải về. Tải tệp mẫu mới rồi nhập lại ô này.")  # fmt: skip

    def _check(self, name, report, entries, current, previous, prev_period, changed_keys) -> None:
        """Rules on the figures as they would be after the import; jumps only on the changed lines."""
        lines = self.lines(report.form)
        table_rows = {}
        for _n, indicator, option in lines.values():
            dv = current.get(
                (report.organization_id, report.period_id, indicator.pk, option.pk if option else None)
            )
            if dv is not None:
                table_rows[(indicator.code, option.code if option else None)] = {
                    p: getattr(dv, p) for p in ("value", "numerator", "denominator", "value_high")
                }
        for entry in entries:
            table_rows[(entry.indicator.code, entry.option.code if entry.option else None)] = {
                p: getattr(entry, p) for p in ("value", "numerator", "denominator", "value_high")
            }
        codes = {i.code for _n, i, _o in lines.values()}
        # The form's rules come from its cached structure (structure.py): no per-import copy is needed.
        issues: list[Issue] = check_rules(report.form, ValueTable(table_rows), codes)
        prev = {
            (i, o): v for (org, per, i, o), v in previous.items() if org == report.organization_id and per == prev_period
        } if prev_period else {}  # fmt: skip
        changed = [
            e
            for e in entries
            if row_key(e.indicator.code, e.option.code if e.option else None) in changed_keys
        ]
        issues += check_jumps(changed, prev)
        for issue in issues:
            prefix = "Lỗi logic (sẽ chặn khi gửi báo cáo): " if issue.is_error else ""
            self.warn(name, "", prefix + issue.message)


@transaction.atomic
def stage(data: bytes, file_name: str, user) -> ImportBatch:
    """Parse and check a workbook; store the preview. Raises FileRejected when the file cannot be read."""
    stager = Stager(user, file_name)
    stager.run(data)
    return ImportBatch.objects.create(
        user=user,
        file_name=file_name[:255],
        file_sha256=hashlib.sha256(data).hexdigest(),
        file_size=len(data),
        changes=stager.changes,
        errors=stager.errors,
        warnings=stager.warnings,
        report_versions=stager.versions,
    )


def _decode(entry: dict) -> dict:
    out = {}
    for part in FIELDS:
        raw = entry.get(part)
        if part in ("qualifier", "comment"):
            out[part] = raw or ""
        else:
            out[part] = Decimal(raw) if raw not in (None, "") else None
    return out


@transaction.atomic
def commit(batch: ImportBatch, user) -> int:
    """Apply a staged import in one transaction; returns how many values changed."""
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.user_id != user.pk:
        raise PermissionDenied("Chỉ người tải tệp lên mới ghi được lần nhập này.")
    if batch.status != ImportStatus.PREVIEW:
        raise actions.ReportingError(
            f"Lần nhập này đã ở trạng thái «{batch.get_status_display()}»; tải tệp lên lại nếu cần."
        )
    if batch.errors:
        raise actions.ReportingError(
            f"Tệp còn {len(batch.errors)} lỗi: sửa các ô báo lỗi rồi tải lên lại. Chưa có số liệu nào được ghi."
        )
    if not batch.changes:
        raise actions.ReportingError("Không có thay đổi nào để ghi.")
    by_report: dict[int, list[dict]] = {}
    for change in batch.changes:
        by_report.setdefault(change["r"], []).append(change)
    reports = Report.objects.select_related("form", "organization", "period").in_bulk(list(by_report))
    changed = 0
    for report_id, items in by_report.items():
        report = reports.get(report_id)
        if report is None:
            raise actions.ReportingError("Một báo cáo trong tệp không còn tồn tại. Tải tệp lên lại.")
        version = batch.report_versions.get(str(report_id))
        if report.version != version:
            raise actions.ReportingError(
                f"Báo cáo «{report.form.name} – {report.organization}» đã được sửa sau khi bạn xem trước "
                "(có người lưu hoặc gửi báo cáo). Chưa có số liệu nào được ghi: tải tệp lên lại để xem thay đổi mới."
            )
        lines = {row_key(i.code, o.code if o else None): (i, o) for _n, i, o in form_lines(report.form)}
        entries = []
        for item in items:
            indicator, option = lines[item["k"]]
            entries.append(
                Entry(
                    indicator=indicator,
                    option=option,
                    where=f"Trang «{item['s']}», dòng {item['row']}",
                    **_decode(item["e"]),
                )
            )
        result = actions.save_values(
            report,
            user,
            entries,
            version,
            ValueSource.EXCEL,
            reason=f"Nhập từ tệp {batch.file_name}",
            validate=False,
        )
        changed += result.changed
    batch.status = ImportStatus.COMMITTED
    batch.committed_at = timezone.now()
    batch.save(update_fields=["status", "committed_at"])
    return changed


def discard(batch: ImportBatch, user) -> None:
    if batch.user_id != user.pk:
        raise PermissionDenied("Chỉ người tải tệp lên mới hủy được lần nhập này.")
    ImportBatch.objects.filter(pk=batch.pk, status=ImportStatus.PREVIEW).update(status=ImportStatus.DISCARDED)

"""Excel for every registry: export (with an instructions sheet), and import as preview → commit.

The preview reads the file (python-calamine), parses every cell with the registry's columns, matches rows to
existing records (by the "Mã hệ thống" column, else by the natural key) and checks them; the commit repeats
the preview inside one transaction and writes only when no row has an error, so nothing is written half-way
and uploading the same file twice changes nothing the second time.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from phoihop.core import permissions
from phoihop.core.changelog import snapshot
from phoihop.core.formatting import vn_date
from phoihop.core.i18n import in_vietnamese
from phoihop.core.models import ChangeLogEntry
from phoihop.core.text import fold

from . import compute
from .actions import apply, check, natural_key
from .bulk import insert_rows
from .cells import CellError, is_blank
from .registry import Column, Context, Registry

ID_LABEL = "Mã hệ thống"
ID_ALIASES = {fold(ID_LABEL), "id", "ma", "#"}
INSTRUCTIONS = "Hướng dẫn"
MAX_SHOWN = 200
_HEAD_FONT = Font(bold=True)
_HEAD_FILL = PatternFill("solid", fgColor="DDE5EE")
_SKIP_FIELDS = {"id", "created_at", "updated_at", "created_by", "updated_by", "search_folded"}


# Export ---------------------------------------------------------------------------------------------------------
def _export_value(column: Column, value, ctx: Context):
    if value is None or value == "" or value == []:
        return None
    if column.kind == "org":
        return ctx.orgs(column).label(value) if value.pk in ctx.orgs(column).by_id else value.name
    if column.kind == "ref":
        return ctx.refs(column.ref).label(value)
    if column.kind == "choice":
        return str(dict(column.choices).get(value, value))
    if column.kind == "bool":
        return "Có" if value else "Không"
    if column.kind == "dates":
        return "; ".join(vn_date(dt.date.fromisoformat(d) if isinstance(d, str) else d) for d in value)
    return value


def _hint(column: Column) -> str:
    hints = {
        "date": "Ngày/tháng/năm, ví dụ 17/9/2020",
        "dates": "Nhiều ngày cách nhau bằng dấu ;",
        "money": "Số tiền bằng đồng, ví dụ 2.200.000.000 hoặc 2,2 tỷ",
        "int": "Số nguyên, ví dụ 1.065",
        "year": "Năm, ví dụ 2020",
        "bool": "Có / Không",
        "org": "Tên đơn vị như trong danh mục tổ chức (hoặc mã số thuế)",
        "ref": "Tên (hoặc số) như trong sổ tương ứng, hoặc mã dạng #12",
    }
    if column.kind == "choice":
        return "Một trong: " + "; ".join(str(label) for _, label in column.choices)
    return hints.get(column.kind, f"Tối đa {column.max_length} ký tự" if column.max_length else "Văn bản")


@in_vietnamese
def export_workbook(registry: Registry, queryset, ctx: Context) -> bytes:
    """The records as an .xlsx that imports back unchanged (first column: the system id)."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(registry.title[:31])
    columns = [c for c in registry.columns if c.export]
    ws.column_dimensions["A"].width = 12
    for i, column in enumerate(columns, start=2):
        ws.column_dimensions[get_column_letter(i)].width = column.width
    ws.freeze_panes = "B2"
    header = []
    for label in [ID_LABEL, *(c.label for c in columns)]:
        cell = WriteOnlyCell(ws, value=label)
        cell.font, cell.fill = _HEAD_FONT, _HEAD_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        header.append(cell)
    ws.append(header)
    formats = {"date": "dd/mm/yyyy", "money": "#,##0", "int": "#,##0"}
    for obj in queryset.iterator(chunk_size=2000):
        row = [obj.pk]
        for column in columns:
            value = _export_value(column, column.value_of(obj), ctx)
            if column.kind in formats and value is not None:
                cell = WriteOnlyCell(ws, value=value)
                cell.number_format = formats[column.kind]
                row.append(cell)
            else:
                row.append(value)
        ws.append(row)
    guide = wb.create_sheet(INSTRUCTIONS)
    guide.column_dimensions["A"].width = 34
    guide.column_dimensions["B"].width = 12
    guide.column_dimensions["C"].width = 80
    guide.append([f"Sổ: {registry.title}", "", registry.description])
    guide.append([ID_LABEL, "", "Để trống khi thêm mới; giữ nguyên khi sửa bản ghi đã có."])
    for column in registry.columns:
        required = "Bắt buộc" if column.required else ("Thêm cột nếu cần" if not column.export else "")
        guide.append([column.label, required, f"{_hint(column)}. {column.help}".strip(". ") + "."])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


# Reading --------------------------------------------------------------------------------------------------------
class FileError(Exception):
    """The file as a whole cannot be imported (not Excel, no header, a required column missing)."""


@dataclass
class Sheet:
    header_row: int
    columns: dict[int, Column | None]  # index → column (None: the system id)
    rows: list[tuple[int, list]]
    unknown: list[str]


def read_sheet(registry: Registry, data: bytes) -> Sheet:
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except (CalamineError, ValueError, OSError) as exc:
        raise FileError(f"Không đọc được tệp: chỉ nhận tệp Excel (.xlsx, .xls, .ods). ({exc})")
    by_label = {fold(c.label): c for c in registry.columns}
    by_label.update({fold(c.name): c for c in registry.columns})
    for name in book.sheet_names:
        if fold(name) == fold(INSTRUCTIONS):
            continue
        table = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        for r, row in enumerate(table[:10]):
            labels = [fold(str(v)) if v not in (None, "") else "" for v in row]
            matched = {i: by_label[label] for i, label in enumerate(labels) if label in by_label}
            if len(matched) >= 2 or (matched and len(registry.columns) <= 2):
                ids = {i: None for i, label in enumerate(labels) if label in ID_ALIASES}
                unknown = [
                    str(row[i])
                    for i, label in enumerate(labels)
                    if label and i not in matched and i not in ids
                ]
                missing = [
                    c.label
                    for c in registry.columns
                    if c.required and c not in matched.values() and c.default is None
                ]
                if missing:
                    raise FileError(
                        f"Trang «{name}» thiếu cột bắt buộc: {', '.join(missing)}. "
                        "Tải tệp mẫu của sổ này để có đủ tiêu đề cột."
                    )
                rows = [(r + 2 + i, list(values)) for i, values in enumerate(table[r + 1 :])]
                return Sheet(r + 1, {**ids, **matched}, rows, unknown)
    raise FileError(
        f"Không tìm thấy dòng tiêu đề của sổ «{registry.title}»: dòng tiêu đề phải có tên cột như tệp mẫu "
        f"(ví dụ «{registry.columns[0].label}»)."
    )


# Preview --------------------------------------------------------------------------------------------------------
NEW, UPDATE, SAME, ERROR = "new", "update", "same", "error"
STATUS_LABELS = {NEW: "Thêm mới", UPDATE: "Cập nhật", SAME: "Không đổi", ERROR: "Lỗi"}


@dataclass
class RowResult:
    number: int
    status: str = NEW
    errors: list[str] = field(default_factory=list)
    values: dict = field(default_factory=dict)
    original: object = None  # the stored record an update changes
    obj: object = None  # the record as it will be written
    changed: list[str] = field(default_factory=list)


@dataclass
class Preview:
    registry: Registry
    rows: list[RowResult]
    unknown_columns: list[str]

    def count(self, status: str) -> int:
        return sum(1 for row in self.rows if row.status == status)

    @property
    def has_errors(self) -> bool:
        return any(row.status == ERROR for row in self.rows)

    def summary(self) -> dict:
        shown_errors = [{"row": r.number, "errors": r.errors} for r in self.rows if r.status == ERROR][
            :MAX_SHOWN
        ]
        samples = [
            {
                "row": r.number,
                "status": r.status,
                "label": str(r.obj)[:200],
                "changed": r.changed,
            }
            for r in self.rows
            if r.status in (NEW, UPDATE)
        ][:MAX_SHOWN]
        return {
            "rows": len(self.rows),
            "new": self.count(NEW),
            "update": self.count(UPDATE),
            "same": self.count(SAME),
            "error": self.count(ERROR),
            "errors": shown_errors,
            "samples": samples,
            "unknown_columns": self.unknown_columns,
        }


def _cell_ref(index: int, number: int) -> str:
    return f"{get_column_letter(index + 1)}{number}"


def _changed_fields(registry: Registry, original, obj) -> list[str]:
    changed = []
    for f in registry.model._meta.concrete_fields:
        if f.name in _SKIP_FIELDS:
            continue
        if getattr(original, f.attname) != getattr(obj, f.attname):
            changed.append(str(f.verbose_name))
    return changed


def build_preview(registry: Registry, user, data: bytes) -> Preview:
    sheet = read_sheet(registry, data)
    ctx = Context(user, registry, bulk=True)
    id_index = next((i for i, c in sheet.columns.items() if c is None), None)
    present = {c.name for c in sheet.columns.values() if c is not None}
    absent = [c for c in registry.columns if c.name not in present]
    results: list[RowResult] = []
    for number, cells in sheet.rows:
        if all(is_blank(v) for v in cells):
            continue
        row = RowResult(number)
        for index, column in sheet.columns.items():
            raw = cells[index] if index < len(cells) else None
            if column is None:
                continue
            try:
                row.values[column.name] = column.parse(raw, ctx)
            except CellError as exc:
                row.errors.append(f"Ô {_cell_ref(index, number)} «{column.label}»: {exc}")
        for column in absent:
            if column.name not in row.values:
                row.values[column.name] = (
                    column.default
                    if column.default is not None
                    else (
                        []
                        if column.kind == "dates"
                        else ""
                        if column.kind in ("text", "longtext", "choice")
                        else None
                    )
                )
        if id_index is not None and id_index < len(cells) and not is_blank(cells[id_index]):
            try:
                row.original = int(float(cells[id_index]))
            except (TypeError, ValueError):
                row.errors.append(f"Ô {_cell_ref(id_index, number)} «{ID_LABEL}»: phải là số, hoặc để trống.")
        results.append(row)

    if registry.prefetch:
        registry.prefetch(ctx, [r.values for r in results if not r.errors])
    editable = registry.queryset(user, "edit")
    by_id = editable.in_bulk([r.original for r in results if isinstance(r.original, int)])
    first = registry.model._meta.get_field(registry.natural_key[0])
    scratch = {}
    for row in results:
        if row.errors:
            continue
        obj = registry.model()
        apply(registry, obj, row.values, ctx)
        scratch[row.number] = obj
    firsts = {getattr(obj, first.attname) for obj in scratch.values()}
    existing: dict[tuple, object] = {}
    for chunk_start in range(0, len(firsts), 5000):
        chunk = list(firsts)[chunk_start : chunk_start + 5000]
        for record in editable.filter(**{f"{first.attname}__in": chunk}):
            existing.setdefault(natural_key(registry, record), record)

    seen: dict[tuple, int] = {}
    col_labels = {c.name: c.label for c in registry.columns}
    for row in results:
        if row.errors:
            row.status = ERROR
            continue
        key = natural_key(registry, scratch[row.number])
        if isinstance(row.original, int):
            original = by_id.get(row.original)
            if original is None:
                row.errors.append(
                    f"«{ID_LABEL}» #{row.original} không có trong sổ, hoặc ngoài phạm vi được sửa."
                )
                row.status = ERROR
                continue
            row.original = original
        else:
            row.original = existing.get(key)
        if key in seen:
            row.errors.append(
                f"Trùng với dòng {seen[key]} của tệp (cùng {', '.join(col_labels.get(k, k) for k in registry.natural_key if k in col_labels)})."
            )
            row.status = ERROR
            continue
        seen[key] = row.number
        errors = check(registry, row.values, row.original, ctx)
        if errors:
            row.errors += [
                f"«{col_labels.get(name, '')}»: {msg}".removeprefix("«»: ") for name, msg in errors.items()
            ]
            row.status = ERROR
            continue
        if row.original is not None:
            obj = copy.copy(row.original)
            apply(registry, obj, row.values, ctx)
            row.obj = obj
            row.changed = _changed_fields(registry, row.original, obj)
            row.status = UPDATE if row.changed else SAME
        else:
            row.obj = scratch[row.number]
            row.status = NEW
        if registry.remember:
            registry.remember(row.values, f"dòng {row.number}", ctx)
    return Preview(registry, results, sheet.unknown)


# Commit ---------------------------------------------------------------------------------------------------------
class ImportRejected(Exception):
    def __init__(self, preview: Preview):
        super().__init__(f"{preview.count(ERROR)} dòng có lỗi")
        self.preview = preview


def commit_import(registry: Registry, user, data: bytes) -> Preview:
    """Check the file again and write every row in one transaction; ImportRejected if any row is wrong."""
    with transaction.atomic():
        preview = build_preview(registry, user, data)
        if preview.has_errors:
            raise ImportRejected(preview)
        touched = compute.Touched(compute.PARENTS.get(registry.model, (registry.model,))[0])
        now = timezone.now()
        actor = permissions.actor(user)
        new = [row.obj for row in preview.rows if row.status == NEW]
        updates = [row for row in preview.rows if row.status == UPDATE]
        for obj in new:
            obj.created_by = obj.updated_by = actor
            obj.created_at = obj.updated_at = now
        insert_rows(registry.model, new, with_ids=True)
        fields = [
            f.name
            for f in registry.model._meta.concrete_fields
            if f.name not in ("id", "created_at", "created_by")
        ]
        for row in updates:
            row.obj.updated_by, row.obj.updated_at = actor, now
            touched.add(row.original)
        registry.model.objects.bulk_update([row.obj for row in updates], fields, batch_size=500)
        content_type = ContentType.objects.get_for_model(registry.model)
        reason = "Nhập từ Excel"
        entries = [
            ChangeLogEntry(
                user=actor,
                action=ChangeLogEntry.Action.CREATE,
                content_type=content_type,
                object_id=str(obj.pk),
                object_repr=str(obj)[:300],
                changes=snapshot(obj),
                reason=reason,
            )
            for obj in new
        ]
        for row in updates:
            before, after = snapshot(row.original), snapshot(row.obj)
            entries.append(
                ChangeLogEntry(
                    user=actor,
                    action=ChangeLogEntry.Action.UPDATE,
                    content_type=content_type,
                    object_id=str(row.obj.pk),
                    object_repr=str(row.obj)[:300],
                    reason=reason,
                    changes={
                        k: [before.get(k), v]
                        for k, v in after.items()
                        if before.get(k) != v and k != "updated_at"
                    },
                )
            )
        insert_rows(ChangeLogEntry, entries)
        for obj in new:
            touched.add(obj)
        for row in updates:
            touched.add(row.obj)
        compute.refresh(touched)
    return preview

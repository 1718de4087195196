"""The shipped .docx templates, and the checks an uploaded replacement must pass.

A template is an ordinary Word file with docxtpl (Jinja) tags. It receives: issuer_parent, issuers (list),
number_line, place_date, doc_type, title, addressee, and two generated blocks placed with `{{p body }}` and
`{{p closing }}` (signatures and recipients). Administrators change layout, header and fonts in Word and upload
it; the generated blocks follow the template's "Normal" style.

`python -m phoihop.documents.docx_templates` rewrites the shipped files from `build()`.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from docx import Document
from docx.shared import Pt

from . import docx_layout as L
from .choices import TemplateKind

SHIPPED_DIR = Path(__file__).resolve().parent / "templates_docx"
REQUIRED_TAGS = ("body",)
HEADER_LEFT_CM, HEADER_RIGHT_CM = 7.0, 9.5


def shipped_path(kind: str) -> Path:
    return SHIPPED_DIR / f"{kind}.docx"


def _text(paragraph, text: str, size: float, bold: bool = False, italic: bool = False) -> None:
    run = paragraph.add_run(text)
    L.set_run_font(run, size=size, bold=bold, italic=italic)


def _cell_paragraph(cell, first: bool):
    return cell.paragraphs[0] if first else cell.add_paragraph()


def build(kind: str = TemplateKind.REVIEW_REPORT) -> bytes:
    document = Document()
    section = document.sections[0]
    L.page_setup(section)
    L.body_style(document)
    # Page numbers centred in the top margin, none on the first page (Nghị định 30/2020, Phụ lục I).
    section.different_first_page_header_footer = True
    number = section.header.paragraphs[0]
    L.plain(number)
    L.page_number_field(number)
    L.plain(section.first_page_header.paragraphs[0])

    body = document.element.body
    for paragraph in list(document.paragraphs):
        body.remove(paragraph._p)

    table = document.add_table(rows=2, cols=2)
    L.table_borders(table, visible=False)
    L.cell_margins(table, 0.05, 0.05)
    L.fixed_widths(table, [HEADER_LEFT_CM, HEADER_RIGHT_CM])
    left, right = table.cell(0, 0), table.cell(0, 1)
    lines = [
        ("{%p if issuer_parent %}", 12, False),
        ("{{ issuer_parent }}", 12, False),
        ("{%p endif %}", 12, False),
        ("{%p for line in issuers %}", 12, True),
        ("{{ line }}", 12, True),
        ("{%p endfor %}", 12, True),
    ]
    for i, (text, size, bold) in enumerate(lines):
        p = _cell_paragraph(left, i == 0)
        L.plain(p)
        _text(p, text, size, bold)
    L.rule(left.add_paragraph(), 2.4, 2.4)
    p = right.paragraphs[0]
    L.plain(p)
    _text(p, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, bold=True)
    p = right.add_paragraph()
    L.plain(p)
    _text(p, "Độc lập - Tự do - Hạnh phúc", 13, bold=True)
    L.rule(right.add_paragraph(), 1.85, 1.85)
    p = table.cell(1, 0).paragraphs[0]
    L.plain(p, before=6)
    _text(p, "{{ number_line }}", 13)
    p = table.cell(1, 1).paragraphs[0]
    L.plain(p, before=6)
    _text(p, "{{ place_date }}", 14, italic=True)

    p = document.add_paragraph()
    L.plain(p, before=18)
    _text(p, "{{ doc_type }}", 14, bold=True)
    p = document.add_paragraph()
    L.plain(p)
    _text(p, "{{ title }}", 14, bold=True)
    rule = document.add_paragraph()
    L.rule(rule, (L.TEXT_WIDTH_CM - 4) / 2, (L.TEXT_WIDTH_CM - 4) / 2)
    rule.paragraph_format.space_after = Pt(12)
    for text in ("{%p if addressee %}", "Kính gửi: {{ addressee }}", "{%p endif %}"):
        p = document.add_paragraph()
        L.plain(p, after=6)
        _text(p, text, 14)
    for text in ("{{p body }}", "{{p closing }}"):
        p = document.add_paragraph()
        _text(p, text, 14)
    document.core_properties.title = "{{ title }}"
    document.core_properties.author = "phoihop"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def write_shipped() -> None:
    SHIPPED_DIR.mkdir(parents=True, exist_ok=True)
    for kind in TemplateKind.values:
        shipped_path(kind).write_bytes(build(kind))


if __name__ == "__main__":
    write_shipped()
    sys.exit(0)


TEMPLATE_VARIABLES = {
    "issuer_parent",
    "issuers",
    "number_line",
    "place_date",
    "doc_type",
    "title",
    "addressee",
    "body",
    "closing",
}


class TemplateRejected(ValueError):
    """An uploaded template that cannot be used, with the reason in Vietnamese."""


def sample_content():
    """A small document with one block of each kind, rendered to prove a template works before it is used."""
    import datetime as dt

    from PIL import Image

    from .content import Chart, DocumentContent, Heading, Paragraph, Signer, Table, place_date

    png = io.BytesIO()
    Image.new("RGB", (40, 20), "white").save(png, format="PNG")
    return DocumentContent(
        issuer_parent="LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HÀ NỘI",
        issuers=["LIÊN ĐOÀN LAO ĐỘNG", "QUẬN HAI BÀ TRƯNG"],
        number="12/BC-LĐLĐ",
        place_date=place_date("Hai Bà Trưng", dt.date(2020, 9, 17)),
        doc_type="BÁO CÁO",
        title="Thử mẫu văn bản",
        blocks=[
            Heading("I. KẾT QUẢ"),
            Paragraph("Có 1.065 công nhân giỏi cấp cơ sở."),
            Table(
                columns=["TT", "Chỉ tiêu"],
                rows=[["1", "Công nhân giỏi"]],
                widths_cm=[1.0, 15.5],
                caption="Bảng 1",
            ),
            Chart(png=png.getvalue(), caption="Biểu đồ"),
        ],
        signers=[Signer(["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH"], "Nguyễn Văn A")],
        recipients=["Như trên"],
        archive="VT",
    )


def check(data: bytes) -> None:
    """Raise TemplateRejected naming what is wrong; return quietly when the template renders a valid .docx."""
    import zipfile

    from docx import Document as open_docx
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError
    from jinja2.sandbox import SandboxedEnvironment

    from . import render_docx

    if not data:
        raise TemplateRejected("Tệp rỗng.")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile:
        raise TemplateRejected("Tệp không phải văn bản Word .docx (không đọc được cấu trúc tệp).")
    if "word/document.xml" not in names:
        raise TemplateRejected("Tệp không phải văn bản Word .docx (thiếu word/document.xml).")
    try:
        variables = DocxTemplate(io.BytesIO(data)).get_undeclared_template_variables(
            jinja_env=SandboxedEnvironment()
        )
    except TemplateError as exc:
        raise TemplateRejected(
            f"Thẻ mẫu viết sai cú pháp (thiếu dấu đóng, hoặc {{% if %}} không có {{% endif %}}): {exc.message or exc}."
        )
    except Exception as exc:  # a damaged part of the package: python-docx or lxml cannot read it
        raise TemplateRejected(f"Không đọc được nội dung tệp Word: {exc}.")
    missing = [name for name in REQUIRED_TAGS if name not in variables]
    if missing:
        raise TemplateRejected(
            "Mẫu thiếu thẻ {{p body }}: đây là chỗ đặt nội dung báo cáo, phải nằm trên một đoạn riêng."
        )
    unknown = sorted(variables - TEMPLATE_VARIABLES)
    if unknown:
        raise TemplateRejected(
            f"Mẫu dùng thẻ không có dữ liệu: {', '.join(unknown)}. Các thẻ dùng được: "
            f"{', '.join(sorted(TEMPLATE_VARIABLES))}."
        )
    try:
        rendered = render_docx.render(sample_content(), io.BytesIO(data))
        open_docx(io.BytesIO(rendered))
    except Exception as exc:
        raise TemplateRejected(f"Không tạo được văn bản thử từ mẫu: {exc}.")

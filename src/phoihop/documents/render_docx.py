"""DocumentContent → .docx through a docxtpl template: the template gives the frame, the blocks are built here."""

from __future__ import annotations

import io

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.shared import Cm, Pt
from docxtpl import DocxTemplate
from jinja2.sandbox import SandboxedEnvironment

from . import docx_layout as L
from .content import Chart, DocumentContent, Heading, Paragraph, Table

SIGNATURE_SPACE_PT = 72  # room for the signature and seal between the title and the name


def _run(paragraph, text: str, size: float | None = None, bold=None, italic=None):
    run = paragraph.add_run(text)
    L.set_run_font(run, size=size, bold=bold, italic=italic)
    return run


def _heading(sub, block: Heading) -> None:
    p = sub.add_paragraph()
    fmt = p.paragraph_format
    fmt.keep_with_next = True
    fmt.space_before = Pt(6)
    _run(p, block.text, bold=True, italic=block.level >= 3)


def _paragraph(sub, block: Paragraph) -> None:
    p = sub.add_paragraph()
    if block.align != "justify":
        p.paragraph_format.alignment = L.ALIGN[block.align]
        p.paragraph_format.first_line_indent = Cm(0)
    _run(p, block.text, italic=block.italic or None)


def _cell_text(cell, text: str, align: str, bold: bool = False) -> None:
    p = cell.paragraphs[0]
    L.plain(p, align=align, before=1, after=1)
    _run(p, text, size=L.TABLE_PT, bold=bold or None)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def _table(sub, block: Table) -> None:
    if block.caption:
        p = sub.add_paragraph()
        L.plain(p, align="center", before=6, after=3)
        p.paragraph_format.keep_with_next = True
        _run(p, block.caption, size=13, italic=True)
    table = sub.add_table(rows=1, cols=len(block.columns))
    L.table_borders(table, visible=True)
    L.cell_margins(table)
    for c, text in enumerate(block.columns):
        _cell_text(table.rows[0].cells[c], text, "center", bold=True)
    L.repeat_header(table.rows[0])
    for r, values in enumerate(block.rows):
        row = table.add_row()
        L.cant_split(row)
        cells = row.cells
        for c, text in enumerate(values):
            align = "right" if c in block.numeric else ("center" if c == 0 else "left")
            _cell_text(cells[c], text, align, bold=r in block.bold_rows)
    L.fixed_widths(table, block.widths_cm)
    spacer = sub.add_paragraph()
    L.plain(spacer, after=3)


def _chart(sub, block: Chart) -> None:
    p = sub.add_paragraph()
    L.plain(p, align="center", before=6)
    p.paragraph_format.keep_with_next = True
    p.add_run().add_picture(io.BytesIO(block.png), width=Cm(min(block.width_cm, L.TEXT_WIDTH_CM)))
    caption = sub.add_paragraph()
    L.plain(caption, align="center", after=6)
    _run(caption, block.caption, size=13, italic=True)


def _signer_heading(cell, signer) -> None:
    for i, line in enumerate(signer.heading_lines or [""]):
        p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        L.plain(p)
        _run(p, line, size=14, bold=True)


def _signer_name(cell, signer) -> None:
    p = cell.paragraphs[0]
    L.plain(p, before=SIGNATURE_SPACE_PT)
    _run(p, signer.name or "", size=14, bold=True)


def _signer_cell(cell, signer) -> None:
    _signer_heading(cell, signer)
    p = cell.add_paragraph()
    L.plain(p, before=SIGNATURE_SPACE_PT)
    _run(p, signer.name or "", size=14, bold=True)


def _recipients_cell(cell, content: DocumentContent) -> None:
    p = cell.paragraphs[0]
    L.plain(p, align="left", before=6)
    _run(p, "Nơi nhận:", size=12, bold=True, italic=True)
    for line in content.recipient_lines:
        q = cell.add_paragraph()
        L.plain(q, align="left")
        _run(q, line, size=11)


def _closing(sub, content: DocumentContent) -> None:
    """Signature blocks and "Nơi nhận": one signer sits right of the recipients; two sign side by side."""
    signers = content.signers
    widths = [L.TEXT_WIDTH_CM / 2, L.TEXT_WIDTH_CM / 2]
    if len(signers) <= 1:
        table = sub.add_table(rows=1, cols=2)
        _recipients_cell(table.cell(0, 0), content)
        if signers:
            _signer_cell(table.cell(0, 1), signers[0])
    else:
        # Titles on one row and names on the next, so both names line up whatever the titles' length.
        pairs = [signers[i : i + 2] for i in range(0, len(signers), 2)]
        table = sub.add_table(rows=2 * len(pairs) + 1, cols=2)
        for k, pair in enumerate(pairs):
            for col, signer in enumerate(pair):
                _signer_heading(table.cell(2 * k, col), signer)
                _signer_name(table.cell(2 * k + 1, col), signer)
        _recipients_cell(table.cell(2 * len(pairs), 0), content)
    L.table_borders(table, visible=False)
    L.cell_margins(table, 0.05, 0.05)
    L.fixed_widths(table, widths)
    for row in table.rows:
        L.cant_split(row)
    # Titles, names and recipients stay on one page: keep-with-next on every row but the last.
    for row in table.rows[:-1]:
        for c in row.cells:
            for p in c.paragraphs:
                p.paragraph_format.keep_with_next = True


def template_context(template: DocxTemplate, content: DocumentContent) -> dict:
    body = template.new_subdoc()
    for block in content.blocks:
        if isinstance(block, Heading):
            _heading(body, block)
        elif isinstance(block, Paragraph):
            _paragraph(body, block)
        elif isinstance(block, Table):
            _table(body, block)
        elif isinstance(block, Chart):
            _chart(body, block)
    closing = template.new_subdoc()
    spacer = closing.add_paragraph()
    L.plain(spacer, after=6)
    spacer.paragraph_format.keep_with_next = True
    _closing(closing, content)
    return {
        "issuer_parent": content.issuer_parent,
        "issuers": content.issuers,
        "number_line": content.number_line,
        "place_date": content.place_date,
        "doc_type": content.doc_type,
        "title": content.title,
        "addressee": content.addressee,
        "body": body,
        "closing": closing,
    }


def render(content: DocumentContent, template_source) -> bytes:
    """`template_source`: a path or a binary file-like object holding the .docx template."""
    template = DocxTemplate(template_source)
    context = template_context(template, content)
    # Uploaded templates are administrators' files: render them in Jinja's sandbox, with XML escaping on.
    template.render(context, jinja_env=SandboxedEnvironment(autoescape=True), autoescape=True)
    template.core_properties.author = content.author or "phoihop"
    buffer = io.BytesIO()
    template.save(buffer)
    return buffer.getvalue()

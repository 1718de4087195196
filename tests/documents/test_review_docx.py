"""The review report as .docx: Nghị định 30/2020 layout, and the figures written the Vietnamese way."""

import io

import pytest
from docx import Document
from docx.shared import Pt

from phoihop.documents import rendering
from phoihop.documents.choices import DocumentKind
from phoihop.documents.testing import hbt_figures, make_review_report
from phoihop.reporting.models import Period


def _docx(report, user=None) -> Document:
    data = rendering.produce(DocumentKind.REVIEW_REPORT, "docx", report=report, user=user)
    return Document(io.BytesIO(data))


def _body_text(document) -> str:
    return "\n".join(p.text for p in document.paragraphs)


def _all_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                parts.append(cell.text)
    return "\n".join(parts)


@pytest.fixture
def hbt_report(world):
    hbt_figures(world)
    return make_review_report(
        world,
        signers=[
            {"heading": "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "name": "Vũ Văn Hoạt"},
            {"heading": "TM. BAN THƯỜNG VỤ\nCHỦ TỊCH", "name": "Nguyễn Thị Kim Dung"},
        ],
        archive="VT, LĐLĐ",
    )


def test_the_page_is_a4_with_the_decree_margins_and_numbers_from_page_two(hbt_report):
    document = _docx(hbt_report)
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert 20 <= round(section.top_margin.mm) <= 25 and 20 <= round(section.bottom_margin.mm) <= 25
    assert 30 <= round(section.left_margin.mm) <= 35 and 15 <= round(section.right_margin.mm) <= 20
    assert section.different_first_page_header_footer
    assert not section.first_page_header.paragraphs[0].text.strip()
    header_xml = section.header._element.xml
    assert "PAGE" in header_xml and 'w:val="center"' in header_xml


def test_the_body_is_times_new_roman_14_justified_with_a_first_line_indent(hbt_report):
    document = _docx(hbt_report)
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert Pt(13) <= normal.font.size <= Pt(14)
    fmt = normal.paragraph_format
    assert fmt.alignment == 3  # justify
    assert 0.99 <= fmt.first_line_indent.cm <= 1.28
    assert fmt.space_after >= Pt(6)
    assert 1 <= fmt.line_spacing <= 1.5
    fonts = {run.font.name for p in document.paragraphs for run in p.runs if run.text.strip()}
    fonts |= {
        run.font.name
        for t in document.tables
        for row in t.rows
        for cell in row.cells
        for p in cell.paragraphs
        for run in p.runs
        if run.text.strip()
    }
    assert fonts <= {"Times New Roman", None}  # None: inherits Normal's Times New Roman


def test_the_header_has_the_issuing_bodies_number_motto_and_place_date(hbt_report):
    document = _docx(hbt_report)
    header = document.tables[0]
    left, right = header.cell(0, 0), header.cell(0, 1)
    assert "ỦY BAN NHÂN DÂN" in left.text and "LIÊN ĐOÀN LAO ĐỘNG" in left.text
    assert all(run.font.bold for p in left.paragraphs for run in p.runs if run.text.strip())
    nation = right.paragraphs[0]
    assert nation.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert nation.runs[0].font.bold and Pt(12) <= nation.runs[0].font.size <= Pt(13)
    motto = right.paragraphs[1]
    assert motto.text == "Độc lập - Tự do - Hạnh phúc"
    assert motto.runs[0].font.bold and Pt(13) <= motto.runs[0].font.size <= Pt(14)
    number = header.cell(1, 0).paragraphs[0]
    assert number.text.replace("\u00a0", "").startswith("Số:") and number.text.endswith("/BC-UBND-LĐLĐ")
    assert number.runs[0].font.size == Pt(13)
    place = header.cell(1, 1).paragraphs[0]
    assert place.text == "Hai Bà Trưng, ngày 17 tháng 9 năm 2020"
    assert place.runs[0].font.italic and Pt(13) <= place.runs[0].font.size <= Pt(14)
    title = next(p for p in document.paragraphs if p.text == "BÁO CÁO")
    assert title.runs[0].font.bold


def test_the_results_state_the_figures_in_vietnamese_number_format(hbt_report):
    text = _body_text(_docx(hbt_report))
    assert "đã có 65 lượt đơn vị tổ chức hội thi, thu hút trên 3.500 lượt người lao động tham gia" in text
    assert "1.065 công nhân giỏi cấp cơ sở, 145 công nhân giỏi cấp quận, 9 công nhân giỏi Thủ đô" in text
    assert "1.089 sáng kiến cấp cơ sở, 59 sáng kiến cấp quận, 7 sáng kiến Thủ đô" in text
    assert "505 gương “Người tốt, việc tốt” cấp cơ sở, 117 gương “Người tốt, việc tốt” cấp quận" in text
    assert "100% cơ quan hành chính, đơn vị sự nghiệp công lập" in text
    assert "có từ 67 - 74% doanh nghiệp" in text
    assert "16 tập thể" in text
    assert "1065" not in text and "3500" not in text


def test_the_results_tables_carry_the_indicators_with_vietnamese_numbers(hbt_report):
    document = _docx(hbt_report)
    data_tables = [t for t in document.tables if t.rows[0].cells[0].text == "TT"]
    assert data_tables
    cells = {c.text for t in data_tables for row in t.rows for c in row.cells}
    assert {"1.065", "1.089", "trên 3.500", "từ 67 - 74%", "100%"} <= cells
    first = data_tables[0].rows[1].cells[1].paragraphs[0].runs[0]
    assert first.font.size == Pt(12) and first.font.name == "Times New Roman"


def test_signature_blocks_sit_side_by_side_and_recipients_follow_the_decree(hbt_report):
    document = _docx(hbt_report)
    closing = document.tables[-1]
    assert "TM. ỦY BAN NHÂN DÂN" in closing.cell(0, 0).text and "PHÓ CHỦ TỊCH" in closing.cell(0, 0).text
    assert "TM. BAN THƯỜNG VỤ" in closing.cell(0, 1).text
    assert closing.cell(1, 0).text == "Vũ Văn Hoạt" and closing.cell(1, 1).text == "Nguyễn Thị Kim Dung"
    recipients = closing.cell(2, 0).paragraphs
    label = recipients[0].runs[0]
    assert recipients[0].text == "Nơi nhận:" and label.font.bold and label.font.italic
    assert label.font.size == Pt(12)
    lines = [p.text for p in recipients[1:]]
    assert all(line.startswith("- ") and line.endswith(";") for line in lines[:-1])
    assert lines[-1] == "- Lưu: VT, LĐLĐ."
    assert all(p.runs[0].font.size == Pt(11) for p in recipients[1:])


def test_a_period_without_data_says_so_in_words_with_no_empty_table(world):
    report = make_review_report(world, period=Period.for_programme(2011, 2015))
    document = _docx(report)
    text = _body_text(document)
    assert "chưa có số liệu đã được duyệt" in text
    assert not [t for t in document.tables if t.rows[0].cells[0].text == "TT"]
    assert not document.inline_shapes


def test_the_bodies_of_a_joint_report_share_its_totals_and_no_one_else_sees_them(world, hbt_report):
    from openpyxl import load_workbook

    from phoihop.core.testing import make_user

    # The programme's two parties sign the report together: a user of the people's committee gets the
    # federation's totals, as the signed document carries them; so does Bob (the city, above both).
    committee = make_user("ubnd.hbt", world.hbt_gov)
    assert "1.065 công nhân giỏi cấp cơ sở" in _body_text(_docx(hbt_report, user=committee))
    assert "1.065 công nhân giỏi cấp cơ sở" in _body_text(_docx(hbt_report, user=world.bob))
    # Only totals: the appendix by unit lists no unit of the federation's tree to the committee, and says why.
    book = load_workbook(
        io.BytesIO(rendering.produce(DocumentKind.APPENDIX, "xlsx", report=hbt_report, user=committee))
    )
    summary = {row[1]: row for row in book["Tổng hợp"].iter_rows(values_only=True) if row and row[1]}
    assert summary["– cấp cơ sở"][4] in (1065, 1089, 505)
    units = [row for row in book["Theo đơn vị"].iter_rows(values_only=True) if any(row)]
    names = {row[1] for row in units}
    assert world.hbt_union.name not in names
    assert any(world.hbt_union.name in (row[1] or "") and "ngoài phạm vi" in row[1] for row in units)
    # A unit below the federation, and Charlie of Mỹ Đức, see nothing of it.
    below = make_user("cdcs.hbt", world.hbt_grassroots)
    for user in (below, world.charlie):
        assert "chưa có số liệu đã được duyệt" in _body_text(_docx(hbt_report, user=user))


def test_hints_left_in_the_drafts_are_not_printed(world):
    report = make_review_report(world)
    text = _all_text(_docx(report))
    assert "(Nêu" not in text
    assert "TỒN TẠI" not in text  # only hints there: the section is left out, not printed empty


def test_the_agreement_renders_with_both_signature_blocks_side_by_side(world):
    from phoihop.programs.models import AgreementParty

    AgreementParty.objects.filter(agreement=world.hbt_programme, organization=world.hbt_gov).update(
        signatory_name="Vũ Văn Hoạt", signatory_title="Phó Chủ tịch"
    )
    AgreementParty.objects.filter(agreement=world.hbt_programme, organization=world.hbt_union).update(
        signatory_name="Nguyễn Thị Kim Dung", signatory_title="Chủ tịch"
    )
    data = rendering.produce(DocumentKind.AGREEMENT, "docx", agreement=world.hbt_programme)
    document = Document(io.BytesIO(data))
    assert any(p.text == "CHƯƠNG TRÌNH" for p in document.paragraphs)
    number = document.tables[0].cell(1, 0).text
    assert number == "Số: 03/CTr-UBND-LĐLĐ"
    closing = document.tables[-1]
    assert "TM. ỦY BAN NHÂN DÂN" in closing.cell(0, 0).text and "KT. CHỦ TỊCH" in closing.cell(0, 0).text
    assert "TM. BAN THƯỜNG VỤ" in closing.cell(0, 1).text
    assert closing.cell(1, 0).text == "Vũ Văn Hoạt" and closing.cell(1, 1).text == "Nguyễn Thị Kim Dung"


def test_targets_and_the_previous_period_appear_in_sentences_and_tables(world):
    from decimal import Decimal

    from phoihop.reporting.models import Indicator, Target

    hbt_figures(world)
    before = Period.for_programme(2013, 2016)
    previous = hbt_figures(world, period=before)
    previous.values.filter(indicator__code="skills_contest_units").update(value=Decimal(50))
    Target.objects.create(
        indicator=Indicator.objects.get(code="skills_contest_units"),
        organization=world.hbt_union,
        period=Period.for_programme(2017, 2020),
        value=Decimal(60),
    )
    report = make_review_report(world, organizations=[world.hbt_union], agreement=None)
    document = _docx(report)
    text = _body_text(document)
    assert "đạt 108,33% chỉ tiêu" in text
    assert "So với giai đoạn 2013-2016:" in text and "tăng 30%" in text
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "TT")
    header = [c.text for c in table.rows[0].cells]
    assert "Giai đoạn 2013-2016" in header and "Chỉ tiêu kế hoạch" in header and "Tỷ lệ đạt (%)" in header
    row = next(r for r in table.rows if r.cells[1].text.startswith("Lượt đơn vị tổ chức hội thi"))
    assert [c.text for c in row.cells[3:]] == ["65", "50", "60", "108,33%"]


def test_paragraph_and_table_properties_keep_the_order_word_requires(hbt_report):
    # Word rejects a file whose pPr/tblPr children are out of schema order (LibreOffice forgives it).
    from phoihop.documents.docx_layout import _AFTER_PBDR, _TBLPR_ORDER

    ppr_order = [
        "w:pStyle",
        "w:keepNext",
        "w:keepLines",
        "w:pageBreakBefore",
        "w:widowControl",
        "w:pBdr",
        *_AFTER_PBDR,
    ]
    data = rendering.produce(DocumentKind.REVIEW_REPORT, "docx", report=hbt_report)
    body = Document(io.BytesIO(data)).element.body
    checked = 0
    for parent, order in (("w:pPr", ppr_order), ("w:tblPr", list(_TBLPR_ORDER))):
        ranks = {qn_(name): i for i, name in enumerate(order)}
        for element in body.iter(qn_(parent)):
            positions = [ranks[child.tag] for child in element if child.tag in ranks]
            assert positions == sorted(positions), element.xml[:300]
            checked += 1
    assert checked > 20


def qn_(name):
    from docx.oxml.ns import qn

    return qn(name)

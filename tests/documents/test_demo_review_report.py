"""Done when: from the demo data, Hai Bà Trưng's 2017-2020 final review states the seed's figures, in .docx and
PDF, in correct Vietnamese with Vietnamese number formats; and every meeting of the seeds is there."""

import io
import subprocess

import pytest
from django.core.management import call_command
from docx import Document
from PIL import Image
from pypdf import PdfReader

SEED_PHRASES = [
    "65 lượt đơn vị tổ chức hội thi",
    "thu hút trên 3.500 lượt người lao động tham gia",
    "1.065 công nhân giỏi cấp cơ sở, 145 công nhân giỏi cấp quận, 9 công nhân giỏi Thủ đô",
    "Qua 3 năm có 1.089 sáng kiến cấp cơ sở, 59 sáng kiến cấp quận, 7 sáng kiến Thủ đô",
    "505 gương “Người tốt, việc tốt” cấp cơ sở, 117 gương “Người tốt, việc tốt” cấp quận",
    "100% cơ quan hành chính, đơn vị sự nghiệp công lập tổ chức Hội nghị cán bộ, công chức, viên chức",
    "có từ 67 - 74% doanh nghiệp, đơn vị sự nghiệp ngoài công lập tổ chức Hội nghị người lao động",
    "16 tập thể",
]


@pytest.fixture
def demo(db):
    from phoihop import demo

    return demo.load_all(log=lambda message: None)


def _every_meeting_of_the_seeds_is_there(demo):
    meetings = demo["meetings"]
    assert set(meetings) == {
        "hbt_final_2020",
        "city_interim_2021",
        "bt_final_2024",
        "md_signing_2016",
        "fed3_briefing_2022",
    }
    assert meetings["fed3_briefing_2022"].host_links.count() == 3
    assert (
        meetings["city_interim_2021"].date is None and meetings["city_interim_2021"].date_text == "Sáng 3/3"
    )
    hbt = meetings["hbt_final_2020"]
    assert hbt.attendances.count() == 4 and hbt.agreements_signed.count() == 1
    assert demo["review_reports"]["hbt_final_2020"].meeting == hbt


def test_from_the_demo_the_final_review_of_hai_ba_trung_states_the_seeds_figures(demo, tmp_path):
    # One test, since loading the demo is the slow part: the meetings first, then the report.
    _every_meeting_of_the_seeds_is_there(demo)
    out = tmp_path / "tong-ket.docx"
    call_command(
        "report", agreement="03/CTr-UBND-LĐLĐ", period="2017-2020", kind="final", fmt="docx", out=str(out)
    )
    document = Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs)
    for phrase in SEED_PHRASES:
        assert phrase in text, phrase
    header = document.tables[0]
    assert "LIÊN ĐOÀN LAO ĐỘNG" in header.cell(0, 0).text and "ỦY BAN NHÂN DÂN" in header.cell(0, 0).text
    assert header.cell(1, 1).text == "Hai Bà Trưng, ngày 17 tháng 9 năm 2020"
    assert header.cell(1, 0).text.endswith("/BC-UBND-LĐLĐ")
    assert "Vũ Văn Hoạt" in document.tables[-1].cell(1, 0).text
    assert "Nguyễn Thị Kim Dung" in document.tables[-1].cell(1, 1).text

    pdf = tmp_path / "tong-ket.pdf"
    call_command(
        "report", agreement="03/CTr-UBND-LĐLĐ", period="2017-2020", kind="final", fmt="pdf", out=str(pdf)
    )
    pdf_text = " ".join(
        " ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages
    )
    for figure in ("1.065", "1.089", "trên 3.500", "505", "117", "100%", "67 - 74%", "16 tập thể"):
        assert figure in pdf_text, figure
    subprocess.run(["pdftoppm", "-r", "30", "-gray", "-png", str(pdf), str(tmp_path / "p")], check=True)
    for page in sorted(tmp_path.glob("p-*.png")):
        image = Image.open(page).convert("L")
        px = image.width / 210
        right = image.crop((round(196.5 * px), 0, image.width, image.height))
        bottom = image.crop((0, round(278.5 * px), image.width, image.height))
        assert sum(right.histogram()[:245]) == 0 and sum(bottom.histogram()[:245]) == 0, page.name

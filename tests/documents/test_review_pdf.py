"""The review report as PDF: the figures are in its text, and nothing crosses the page margins."""

import io
import subprocess

import pytest
from PIL import Image
from pypdf import PdfReader

from phoihop.documents import rendering
from phoihop.documents.choices import DocumentKind
from phoihop.documents.testing import hbt_figures, make_review_report

DPI = 40
WHITE = 245  # anti-aliased edges of glyphs are lighter than this only when ink is really there


def _pages(pdf: bytes, tmp_path) -> list[Image.Image]:
    source = tmp_path / "report.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", str(DPI), "-gray", "-png", str(source), str(tmp_path / "page")], check=True
    )
    return [Image.open(p).convert("L") for p in sorted(tmp_path.glob("page-*.png"))]


def _ink(image: Image.Image, box_mm: tuple[float, float, float, float]) -> int:
    """Dark pixels inside a box given in millimetres (left, top, right, bottom)."""
    px = image.width / 210
    left, top, right, bottom = (round(v * px) for v in box_mm)
    region = image.crop((left, top, right, bottom))
    return sum(region.histogram()[:WHITE])


@pytest.fixture
def pdf(world):
    hbt_figures(world)
    report = make_review_report(
        world,
        situation="Đoạn văn rất dài " * 200,
        signers=[
            {"heading": "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "name": "Vũ Văn Hoạt"},
            {"heading": "TM. BAN THƯỜNG VỤ\nCHỦ TỊCH", "name": "Nguyễn Thị Kim Dung"},
        ],
    )
    return rendering.produce(DocumentKind.REVIEW_REPORT, "pdf", report=report)


def test_the_pdf_text_carries_the_figures_in_vietnamese_format(pdf):
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    text = " ".join(text.split())
    for figure in ("1.065", "145", "1.089", "trên 3.500", "505", "117", "100%", "67 - 74%", "16 tập thể"):
        assert figure in text, figure
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Nơi nhận:" in text


def test_no_page_has_ink_in_the_right_or_bottom_margin(pdf, tmp_path):
    pages = _pages(pdf, tmp_path)
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert _ink(page, (196.5, 0, 210, 297)) == 0, f"trang {number}: chữ tràn lề phải"
        assert _ink(page, (0, 278.5, 210, 297)) == 0, f"trang {number}: chữ tràn lề dưới"
        assert _ink(page, (0, 0, 28.5, 297)) == 0, f"trang {number}: chữ tràn lề trái"


def test_page_numbers_sit_in_the_top_margin_from_page_two(pdf, tmp_path):
    pages = _pages(pdf, tmp_path)
    assert _ink(pages[0], (30, 0, 195, 19)) == 0
    for page in pages[1:]:
        assert _ink(page, (95, 5, 125, 19)) > 0
        assert _ink(page, (30, 0, 90, 19)) == 0 and _ink(page, (130, 0, 195, 19)) == 0


def test_the_pdf_uses_a_times_new_roman_compatible_font(pdf):
    fonts = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in (page.get("/Resources", {}).get("/Font", {}) or {}).values():
            fonts.add(str(font.get_object().get("/BaseFont")))
    assert fonts and all(("Times" in f or "Liberation-Serif" in f) for f in fonts), fonts

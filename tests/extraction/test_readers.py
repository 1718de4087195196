"""Reading .txt, .html, .docx and .pdf uploads, and the Vietnamese errors for bad files."""

import io

import pytest

from phoihop.extraction.engine.decode import encode_tcvn3, encode_vni
from phoihop.extraction.engine.errors import ExtractionError
from phoihop.extraction.engine.extractor import extract
from phoihop.extraction.engine.readers import read_document

BODY = (
    "UBND huyện và LĐLĐ huyện Mỹ Đức ký chương trình phối hợp\n"
    "Ngày 21/11/2016, UBND huyện và LĐLĐ huyện Mỹ Đức tổ chức hội nghị ký chương trình phối hợp giai đoạn "
    "2016-2020. Toàn huyện đã có 850 sáng kiến được công nhận cấp cơ sở."
)


def _docx(paragraphs, table=None):
    import docx

    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    if table:
        t = document.add_table(rows=len(table), cols=len(table[0]))
        for i, row in enumerate(table):
            for j, cell in enumerate(row):
                t.cell(i, j).text = cell
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _pdf(lines=None):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages

    buf = io.BytesIO()
    with PdfPages(buf) as pdf:
        fig = plt.figure(figsize=(8.27, 11.69))
        if lines:
            for i, line in enumerate(lines):
                fig.text(0.05, 0.95 - i * 0.03, line, fontsize=9)
        else:
            plt.plot([0, 1], [0, 1])
            plt.axis("off")
        pdf.savefig(fig)
        plt.close(fig)
    return buf.getvalue()


def test_txt_in_legacy_encodings(tmp_path):
    for raw, name in (
        (BODY.encode("utf-8"), "utf-8"),
        (encode_vni(BODY), "vni"),
        (encode_tcvn3(BODY), "tcvn3"),
    ):
        path = tmp_path / "bai.txt"
        path.write_bytes(raw)
        result = read_document(path.read_bytes(), path.name)
        assert result.encoding == name
        assert "Mỹ Đức" in result.text


def test_docx_paragraphs_and_tables():
    data = _docx(BODY.split("\n"), table=[["Chỉ tiêu", "Kết quả"], ["Sáng kiến", "850"]])
    result = read_document(data, "bai.docx")
    assert result.encoding == "docx"
    assert result.text.startswith("UBND huyện và LĐLĐ huyện Mỹ Đức")
    assert "Sáng kiến | 850" in result.text
    assert extract(result.text)["parties"] == ["UBND huyện Mỹ Đức", "LĐLĐ huyện Mỹ Đức"]


def test_docx_typed_in_a_tcvn3_font_is_repaired():
    legacy = encode_tcvn3(BODY).decode("cp1252", errors="replace")
    result = read_document(_docx(legacy.split("\n")), "cu.docx")
    assert result.encoding == "tcvn3"
    assert "chương trình phối hợp" in result.text


def test_pdf_with_a_text_layer():
    lines = [
        "Hội nghị sơ kết chương trình phối hợp năm 2021",
        "Sáng 3/3, UBND thành phố và Liên đoàn lao động tổ chức hội nghị sơ kết",
        "chương trình phối hợp năm 2021. Có 12 tập thể được khen thưởng.",
    ]
    result = read_document(_pdf(lines), "bao-cao.pdf")
    assert result.encoding == "pdf"
    assert "12 tập thể" in result.text
    # The PDF's hard line break inside a sentence is joined back.
    assert "tổ chức hội nghị sơ kết chương trình phối hợp năm 2021" in result.text


def test_pdf_without_text_layer_says_so():
    with pytest.raises(ExtractionError, match="Tệp PDF không có lớp văn bản"):
        read_document(_pdf(), "scan.pdf")


def test_html_drops_scripts_styles_and_tags():
    html = (
        "<html><head><meta charset='utf-8'><title>Tiêu đề trang</title><style>p{color:red}</style>"
        "<script>var x = '850 sáng kiến';</script></head><body><nav>Trang chủ | Tin tức</nav>"
        "<h1>UBND và LĐLĐ quận Hai Bà Trưng ký kết</h1><p>Sáng 17/9/2020, hai bên ký kết.<br>"
        "Có 16 tập thể &amp; 9 cá nhân được khen.</p></body></html>"
    )
    result = read_document(html.encode("utf-8"), "trang.html")
    lines = result.text.split("\n")
    assert lines[0] == "UBND và LĐLĐ quận Hai Bà Trưng ký kết"
    assert "Có 16 tập thể & 9 cá nhân được khen." in lines
    assert "var x" not in result.text and "color" not in result.text and "Trang chủ" not in result.text


def test_html_with_a_declared_legacy_charset():
    html = "<html><head><meta charset='windows-1258'></head><body><p>Liên đoàn</p></body></html>"
    result = read_document(html.encode("cp1258"), "a.htm")
    assert result.text == "Liên đoàn"


def test_unknown_extension_is_sniffed():
    assert read_document(_docx(["Xin chào"]), "tai-len").text == "Xin chào"
    assert read_document(b"<html><body><p>Ch\xc3\xa0o</p></body></html>", "x").text == "Chào"


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "a.txt", "rỗng"),
        (b"x" * 2000, "a.txt", "quá lớn"),
        (b"PK\x03\x04 not really a zip", "a.docx", "DOCX"),
        (b"this is not a zip at all", "a.docx", "DOCX"),
        (b"%PDF-1.4\n broken", "a.pdf", "PDF"),
        (bytes(range(256)) * 4, "a.txt", "không phải là văn bản"),
        (b"   \n\n  ", "a.txt", "không có nội dung"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "cu.doc", ".doc"),
        (b"{\\rtf1\\ansi Xin chao}", "a.rtf", "RTF"),
    ],
)
def test_bad_files_give_clear_vietnamese_errors(data, name, message):
    with pytest.raises(ExtractionError, match=message):
        read_document(data, name, max_bytes=1500)


def test_html_news_page_starts_at_the_headline():
    html = (
        "<html><body><div class='menu'><ul><li>Trang chủ</li><li>Tin tức 24h</li></ul></div>"
        "<header><h1>UBND và LĐLĐ ký kết</h1></header><div class='date'>17/09/2020 | 17:13</div>"
        "<article><p>Sáng 17/9/2020, hai bên ký kết.</p><figure><figcaption>Quang cảnh</figcaption></figure>"
        "</article><aside>Tin liên quan: 100 công nhân</aside><footer>© 2021</footer></body></html>"
    )
    text = read_document(html.encode("utf-8"), "bai.html").text
    assert text.split("\n") == [
        "UBND và LĐLĐ ký kết",
        "17/09/2020 | 17:13",
        "Sáng 17/9/2020, hai bên ký kết.",
        "Quang cảnh",
    ]

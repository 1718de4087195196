"""Reading uploaded files (.txt, .html, .docx, .pdf) into Unicode text, with Vietnamese error messages."""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from html.parser import HTMLParser
from pathlib import PurePath

from .decode import DecodedText, decode_bytes, repair_legacy_text
from .errors import ExtractionError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
SUPPORTED = (".txt", ".html", ".htm", ".docx", ".pdf")


def read_document(data: bytes, filename: str, max_bytes: int = DEFAULT_MAX_BYTES) -> DecodedText:
    """The text of an uploaded file; the kind is taken from the extension, or sniffed when it is unknown.

    Raises ExtractionError (Vietnamese message) for empty, oversized, damaged or unreadable files.
    """
    if not data:
        raise ExtractionError("Tệp rỗng: không có nội dung để đọc.")
    if len(data) > max_bytes:
        raise ExtractionError(
            f"Tệp quá lớn ({_size(len(data))}), vượt giới hạn {_size(max_bytes)}; "
            "hãy tách tệp hoặc chỉ gửi phần văn bản cần đọc."
        )
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ExtractionError(
            "Đây là tệp Word đời cũ (.doc), chưa đọc được. Hãy mở bằng Word và lưu lại dưới dạng .docx."
        )
    if data.lstrip().startswith(b"{\\rtf"):
        raise ExtractionError("Tệp RTF chưa được hỗ trợ. Hãy lưu lại dưới dạng .docx hoặc .txt.")
    ext = PurePath(filename or "").suffix.lower()
    if ext not in SUPPORTED:
        ext = _sniff(data)
    if ext == ".pdf":
        result = _read_pdf(data)
    elif ext == ".docx":
        result = _read_docx(data)
    elif ext in (".html", ".htm"):
        result = _read_html(data)
    else:
        result = decode_bytes(data)
    text = unicodedata.normalize("NFC", result.text)
    if not text.strip():
        raise ExtractionError("Tệp không có nội dung chữ để đọc.")
    return DecodedText(text, result.encoding)


def _size(n: int) -> str:
    if n >= 1048576:
        return f"{n / 1048576:.1f} MB".replace(".", ",")
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n} byte"


def _sniff(data: bytes) -> str:
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF"):
        return ".pdf"
    if head.startswith(b"PK\x03\x04"):
        return ".docx"
    if re.match(rb"(?i)(?:<!doctype html|<html|<\?xml[^>]*>\s*<html)", head):
        return ".html"
    return ".txt"


# --------------------------------------------------------------------------- HTML
_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "section",
    "article", "header", "footer", "blockquote", "figcaption", "figure", "title", "td", "th", "hr", "pre",
}  # fmt: skip
_SKIP_TAGS = {
    "script", "style", "noscript", "template", "svg", "head", "iframe", "object", "nav", "footer", "aside",
    "form", "button", "select", "option", "menu",
}  # fmt: skip
_VOID_TAGS = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "wbr"}


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.title: list[str] = []
        self.in_title = False
        self.h1_at: int | None = None

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "title":
            self.in_title = True
        if tag in _SKIP_TAGS and tag not in _VOID_TAGS:
            self.skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")
        if tag == "h1" and self.h1_at is None and not self.skip:
            # News pages put menus and banners before the headline; the article starts at the <h1>.
            self.h1_at = len(self.parts)

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        if not self.skip:
            self.parts.append(data)


def _html_charset(data: bytes) -> str | None:
    m = re.search(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", data[:4096], re.IGNORECASE)
    return m.group(1).decode("ascii").lower() if m else None


def html_to_text(html: str) -> str:
    """Visible text of an HTML page: scripts, styles and navigation dropped, blocks on their own lines."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    parts = parser.parts[parser.h1_at :] if parser.h1_at is not None else parser.parts
    text = "".join(parts)
    lines = [re.sub(r"[ \t\u00a0]+", " ", ln).strip() for ln in text.split("\n")]
    out = "\n".join(ln for ln in lines if ln)
    if not out and parser.title:
        out = " ".join(parser.title).strip()
    return out


def _read_html(data: bytes) -> DecodedText:
    charset = _html_charset(data)
    decoded: DecodedText | None = None
    if charset and charset not in ("utf-8", "utf8"):
        try:
            decoded = DecodedText(data.decode(charset), charset)
        except (LookupError, UnicodeDecodeError):
            decoded = None
    if decoded is None:
        decoded = decode_bytes(data)
    text = html_to_text(decoded.text)
    fixed, legacy = repair_legacy_text(text)
    return DecodedText(fixed, legacy or decoded.encoding)


# --------------------------------------------------------------------------- DOCX
def _read_docx(data: bytes) -> DecodedText:
    try:
        import docx  # python-docx
    except ImportError as exc:  # pragma: no cover - dependency of the project
        raise ExtractionError("Máy chủ thiếu thư viện đọc tệp DOCX (python-docx).") from exc
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ExtractionError(
            "Tệp DOCX bị hỏng hoặc không phải tệp Word (.docx). Hãy mở và lưu lại bằng Word."
        )
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several kinds for broken packages
        raise ExtractionError(
            "Không mở được tệp DOCX (tệp bị hỏng hoặc là định dạng .doc cũ). Hãy lưu lại dưới dạng .docx."
        ) from exc
    lines: list[str] = []
    for block in _docx_blocks(document):
        lines.append(block)
    text = "\n".join(ln for ln in lines if ln.strip())
    fixed, legacy = repair_legacy_text(text)
    return DecodedText(fixed, legacy or "docx")


def _docx_blocks(document) -> list[str]:
    """Paragraph and table texts in document order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    out: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            out.append(Paragraph(child, document).text)
        elif tag == "tbl":
            table = Table(child, document)
            for row in table.rows:
                seen: list[str] = []
                for cell in row.cells:
                    t = cell.text.strip()
                    if t and t not in seen:
                        seen.append(t)
                out.append(" | ".join(seen) if len(seen) > 1 else (seen[0] if seen else ""))
    return out


# --------------------------------------------------------------------------- PDF
NO_TEXT_LAYER = (
    "Tệp PDF không có lớp văn bản (có thể là bản scan/ảnh chụp), nên không đọc được chữ. "
    "Hãy dùng bản PDF xuất trực tiếp từ Word, hoặc nhận dạng chữ (OCR) trước khi tải lên."
)


def _read_pdf(data: bytes) -> DecodedText:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError as exc:  # pragma: no cover - dependency of the project
        raise ExtractionError("Máy chủ thiếu thư viện đọc tệp PDF (pypdf).") from exc
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception as exc:
                raise ExtractionError("Tệp PDF được đặt mật khẩu; hãy gỡ mật khẩu rồi thử lại.") from exc
        pages = [page.extract_text() or "" for page in reader.pages]
    except ExtractionError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ExtractionError("Tệp PDF bị hỏng, không đọc được. Hãy xuất lại tệp PDF rồi thử lại.") from exc
    except Exception as exc:  # pypdf can fail in many ways on damaged files
        raise ExtractionError("Tệp PDF bị hỏng, không đọc được. Hãy xuất lại tệp PDF rồi thử lại.") from exc
    text = "\n".join(pages)
    if len(re.findall(r"\w", text)) < 20:
        raise ExtractionError(NO_TEXT_LAYER)
    text = _unwrap_pdf_lines(text)
    fixed, legacy = repair_legacy_text(text)
    return DecodedText(unicodedata.normalize("NFC", fixed), legacy or "pdf")


def _unwrap_pdf_lines(text: str) -> str:
    """Join the hard line breaks of PDF text where a sentence clearly runs on."""
    lines = [ln.rstrip() for ln in text.split("\n")]
    out: list[str] = []
    for ln in lines:
        if out and out[-1] and ln and not re.search(r"[.!?:;…”\"]$", out[-1]) and ln[:1].islower():
            out[-1] = out[-1] + " " + ln.lstrip()
        else:
            out.append(ln)
    return "\n".join(out)

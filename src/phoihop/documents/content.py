"""One content model for every output: the .docx, the HTML/PDF and the appendix render the same blocks.

A document is a header (issuing bodies, number, place and date), a type and title, a list of blocks
(headings, paragraphs, tables, charts) and a closing (signers, recipients).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from phoihop.core.formatting import vn_date_long

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
# Bracketed hints the drafts leave for the user ("(Nêu …)") are not printed.
_HINT = re.compile(r"^\((Nêu|Ghi|Điền)\b.*\)$")


@dataclass
class Heading:
    kind = "heading"
    text: str
    level: int = 1  # 1: "I. KẾT QUẢ …", 2: "1. …", 3: "a) …"


@dataclass
class Paragraph:
    kind = "paragraph"
    text: str
    italic: bool = False
    align: str = "justify"  # justify, center, left, right


@dataclass
class Table:
    kind = "table"
    columns: list[str]
    rows: list[list[str]]
    widths_cm: list[float]
    numeric: set[int] = field(default_factory=set)  # columns aligned right
    caption: str = ""
    bold_rows: set[int] = field(default_factory=set)


@dataclass
class Chart:
    kind = "chart"
    png: bytes
    caption: str
    width_cm: float = 15.0

    @property
    def data_uri(self) -> str:
        import base64

        return "data:image/png;base64," + base64.b64encode(self.png).decode("ascii")


Block = Heading | Paragraph | Table | Chart


@dataclass
class Signer:
    heading_lines: list[str]
    name: str

    @classmethod
    def from_dict(cls, data: dict) -> Signer:
        lines = [line.strip() for line in str(data.get("heading", "")).splitlines() if line.strip()]
        return cls(heading_lines=lines, name=str(data.get("name", "")).strip())


@dataclass
class DocumentContent:
    issuer_parent: str
    issuers: list[str]
    number: str
    place_date: str
    doc_type: str  # "BÁO CÁO", "CHƯƠNG TRÌNH", "QUY CHẾ"
    title: str
    blocks: list[Block] = field(default_factory=list)
    signers: list[Signer] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    archive: str = "VT"
    addressee: str = ""  # "Kính gửi: …" for reports sent upwards
    author: str = ""

    @property
    def number_line(self) -> str:
        number = self.number.strip()
        if number.startswith("/"):
            number = "\u00a0" * 6 + number  # the blank left for the registry to write the number in
        return f"Số: {number}" if number else "Số:"

    @property
    def recipient_lines(self) -> list[str]:
        """ "- Như trên;" … "- Lưu: VT, LĐLĐ." (Nghị định 30/2020, Phụ lục I)."""
        lines = [f"- {r};" for r in self.recipients]
        lines.append(f"- Lưu: {self.archive.strip().rstrip('.') or 'VT'}.")
        return lines

    def heading_numbers(self) -> None:
        """Number level-1 headings I, II, III … in order (sections left out leave no gap)."""
        i = 0
        for block in self.blocks:
            if isinstance(block, Heading) and block.level == 1:
                block.text = f"{ROMAN[i]}. {block.text.upper()}"
                i += 1


def place_date(place: str, date) -> str:
    """ "Hai Bà Trưng, ngày 17 tháng 9 năm 2020"; an undated draft leaves the blanks to fill by hand."""
    when = vn_date_long(date) if date else "ngày      tháng      năm"
    return f"{place}, {when}" if place else when[:1].upper() + when[1:]


def join_names(names) -> str:
    """ "A và B", "A, B và C"."""
    names = [n for n in names if n]
    if len(names) <= 2:
        return " và ".join(names)
    return ", ".join(names[:-1]) + " và " + names[-1]


def parties_word(count: int) -> str:
    return "hai bên" if count == 2 else "các bên"


def text_paragraphs(text: str) -> list[Paragraph]:
    """A user's text block: one paragraph per line, hints dropped, leading bullets kept as written."""
    out = []
    for line in (text or "").splitlines():
        line = " ".join(line.split())
        if line and not _HINT.match(line):
            out.append(Paragraph(line))
    return out

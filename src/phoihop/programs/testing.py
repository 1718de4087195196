"""Builders for agreement tests: input records, tasks, successors and real files to attach."""

from __future__ import annotations

import datetime as dt
import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile

from phoihop.core.testing import make_agreement

from .choices import AgreementKind, TaskFrequency, TaskStatus
from .data import AgreementData, ContentAreaData, PartyData, TaskData
from .models import Agreement, Task


def agreement_data(parties, **fields) -> AgreementData:
    """A valid programme between `parties` (organisations), ready for create_agreement."""
    values = {
        "kind": AgreementKind.PROGRAMME,
        "title": "Chương trình phối hợp công tác giai đoạn 2021-2025",
        "period_start_year": 2021,
        "period_end_year": 2025,
        "number": "",
        "parties": [PartyData(organization_id=org.pk, is_lead=i == 0) for i, org in enumerate(parties)],
    }
    values.update(fields)
    if isinstance(values.get("content_areas"), int):
        values["content_areas"] = [
            ContentAreaData(title=f"Nội dung phối hợp {i + 1}") for i in range(values["content_areas"])
        ]
    return AgreementData(**values)


def task_data(lead, **fields) -> TaskData:
    values = {"title": "Tổ chức Hội nghị sơ kết", "lead_id": lead.pk, "deadline": dt.date(2022, 12, 15)}
    values.update(fields)
    return TaskData(**values)


def make_task(
    agreement: Agreement,
    lead,
    title: str = "Tổ chức Hội nghị sơ kết",
    deadline: dt.date | None = None,
    status: str = TaskStatus.PLANNED,
    frequency: str = TaskFrequency.ONCE,
    content_area=None,
) -> Task:
    return Task.objects.create(
        agreement=agreement,
        lead=lead,
        title=title,
        deadline=deadline,
        status=status,
        frequency=frequency,
        content_area=content_area,
    )


def make_successor(
    agreement: Agreement, start: int, end: int, signed: dt.date | None, number: str = "", **fields
):
    """The next-period agreement between the same parties, replacing `agreement`."""
    return make_agreement(
        [link.organization for link in agreement.party_links.select_related("organization")],
        number,
        kind=agreement.kind,
        start=start,
        end=end,
        signed=signed,
        predecessor=agreement,
        **fields,
    )


# Real files, small, made in memory: what the content sniffing must accept.


def pdf_bytes(text: str = "Chuong trinh phoi hop") -> bytes:
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% "
        + text.encode()
        + b"\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )


def docx_bytes(text: str = "Chương trình phối hợp") -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx_bytes(value: str = "Số liệu") -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active["A1"] = value
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def png_bytes() -> bytes:
    """A 1×1 white PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)

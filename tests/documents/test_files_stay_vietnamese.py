"""Documents and spreadsheets are Vietnamese whatever language the page that asked for them is in."""

import io

import openpyxl
import pytest
from django.utils import translation
from docx import Document

from phoihop.documents import rendering
from phoihop.documents.choices import DocumentKind
from phoihop.documents.testing import hbt_figures, make_review_report


def _text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def _cells(data: bytes) -> list:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return [[ws.title, *[c.value for row in ws.iter_rows() for c in row]] for ws in book.worksheets]


@pytest.fixture
def hbt_report(world):
    hbt_figures(world)
    return make_review_report(world)


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_the_review_report_is_the_same_vietnamese_document_from_an_english_page(hbt_report, world, fmt):
    kind = DocumentKind.APPENDIX if fmt == "xlsx" else DocumentKind.REVIEW_REPORT
    read = _cells if fmt == "xlsx" else _text
    with translation.override("vi"):
        vietnamese = read(rendering.produce(kind, fmt, report=hbt_report))
    with translation.override("en"):
        from_english_page = read(rendering.produce(kind, fmt, report=hbt_report))
    assert from_english_page == vietnamese


def test_the_agreement_document_from_an_english_page_is_vietnamese(world):
    with translation.override("vi"):
        vietnamese = _text(rendering.produce(DocumentKind.AGREEMENT, "docx", agreement=world.hbt_programme))
    with translation.override("en"):
        from_english_page = _text(
            rendering.produce(DocumentKind.AGREEMENT, "docx", agreement=world.hbt_programme)
        )
    assert from_english_page == vietnamese


def test_the_excel_entry_template_from_an_english_page_is_vietnamese(world):
    from phoihop.reporting.excel_export import workbook_for
    from phoihop.reporting.testing import ensure_catalogue, make_form, make_report

    ensure_catalogue()
    report = make_report(make_form(world.city_union, organizations=[world.hbt_union]), world.hbt_union)
    with translation.override("vi"):
        vietnamese = _cells(workbook_for([report]))
    with translation.override("en"):
        from_english_page = _cells(workbook_for([report]))
    assert from_english_page == vietnamese


def test_a_registry_export_and_the_commendation_list_from_an_english_page_are_vietnamese(world, client_for):
    from django.conf import settings

    from phoihop.registries import testing as t

    decision = t.make_commendation(world.hbt_union, world.hbt_gov, decision_number="2154/QĐ-UBND")
    t.make_recipient(decision, world.hbt_grassroots)
    client = client_for(world.alice)
    export = "/so-theo-doi/quyet-dinh-khen-thuong/xuat-excel/"
    sheet = f"/so-theo-doi/quyet-dinh-khen-thuong/{decision.pk}/in/"
    vietnamese_export = _cells(client.get(export).content)
    vietnamese_sheet = client.get(sheet).content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert _cells(client.get(export).content) == vietnamese_export
    english_page = client.get(sheet).content.decode()
    assert '<html lang="en">' in english_page  # the page around it follows the user's language …
    body = english_page.split('class="card print-sheet"')[1].split("</div>")[0]
    assert (
        body == vietnamese_sheet.split('class="card print-sheet"')[1].split("</div>")[0]
    )  # … the list does not
    assert "Kèm theo Quyết định số" in body

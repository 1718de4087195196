"""The same report through the API and the `phoihop report` command."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from phoihop.documents.models import ReviewReport
from phoihop.documents.testing import hbt_figures


def _json(client, method, url, payload=None):
    return getattr(client, method)(url, data=json.dumps(payload or {}), content_type="application/json")


def test_alice_drafts_edits_renders_and_downloads_through_the_api(
    world, client_for, django_capture_on_commit_callbacks
):
    hbt_figures(world)
    client = client_for(world.alice)
    response = _json(client, "post", "/api/v1/documents/reports", {"agreement_id": world.hbt_programme.pk})
    assert response.status_code == 201, response.content
    report = response.json()
    assert report["period_label"] == "giai đoạn 2017-2020"
    assert report["issuers"].splitlines()[0] == "ỦY BAN NHÂN DÂN"
    assert [s["heading"].splitlines()[0] for s in report["signers"]] == [
        "TM. ỦY BAN NHÂN DÂN",
        "TM. BAN THƯỜNG VỤ",
    ]
    response = _json(
        client, "patch", f"/api/v1/documents/reports/{report['id']}",
        {"shortcomings": "Tỷ lệ hội nghị người lao động còn thấp.", "number": "12/BC-UBND-LĐLĐ"},
    )  # fmt: skip
    assert response.status_code == 200 and response.json()["number"] == "12/BC-UBND-LĐLĐ"
    with django_capture_on_commit_callbacks(execute=True):
        response = _json(client, "post", f"/api/v1/documents/reports/{report['id']}/render", {"fmt": "docx"})
    assert response.status_code == 202
    file_id = response.json()["id"]
    status = client.get(f"/api/v1/documents/files/{file_id}").json()
    assert status["status"] == "done" and status["progress"] == 100 and status["created_by"] == "alice"
    download = client.get(status["download_url"])
    assert download.status_code == 200
    document = Document(io.BytesIO(b"".join(download.streaming_content)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Tỷ lệ hội nghị người lao động còn thấp." in text
    assert "Số: 12/BC-UBND-LĐLĐ" in document.tables[0].cell(1, 0).text


def test_bad_api_input_names_the_field(world, client_for):
    client = client_for(world.alice)
    response = _json(client, "post", "/api/v1/documents/reports", {"organization_ids": []})
    assert response.status_code == 422 and "organizations" in response.json()["detail"]
    report = _json(
        client, "post", "/api/v1/documents/reports", {"agreement_id": world.hbt_programme.pk}
    ).json()
    response = _json(client, "patch", f"/api/v1/documents/reports/{report['id']}", {"title": "  "})
    assert response.status_code == 422 and "title" in response.json()["detail"]
    response = _json(client, "post", f"/api/v1/documents/reports/{report['id']}/render", {"fmt": "odt"})
    assert response.status_code == 422


@pytest.mark.parametrize("fmt", ["docx", "pdf", "xlsx", "agreement-docx"])
def test_the_command_writes_each_format(world, tmp_path, fmt):
    hbt_figures(world)
    out = tmp_path / f"bao-cao.{fmt.split('-')[-1]}"
    call_command(
        "report",
        agreement="03/CTr-UBND-LĐLĐ",
        period="2017-2020",
        kind="final",
        fmt=fmt,
        out=str(out),
        user="alice",
    )
    data = out.read_bytes()
    if fmt == "pdf":
        text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
        assert "1.065" in text
    elif fmt == "xlsx":
        sheet = load_workbook(io.BytesIO(data))["Tổng hợp"]
        assert any(row[4] == 1065 for row in sheet.iter_rows(values_only=True) if len(row) > 4)
    else:
        assert Document(io.BytesIO(data)).paragraphs
    assert not list(tmp_path.glob(".*.part"))


def test_the_command_reuses_the_draft_with_its_written_sections(world, tmp_path):
    call_command("report", agreement="03/CTr-UBND-LĐLĐ", fmt="docx", out=str(tmp_path / "a.docx"))
    report = ReviewReport.objects.get()
    report.situation = "Đoạn do người dùng viết."
    report.save()
    call_command("report", agreement="03/CTr-UBND-LĐLĐ", fmt="docx", out=str(tmp_path / "b.docx"))
    assert ReviewReport.objects.count() == 1
    text = "\n".join(p.text for p in Document(str(tmp_path / "b.docx")).paragraphs)
    assert "Đoạn do người dùng viết." in text


def test_the_command_explains_bad_arguments(world, tmp_path):
    with pytest.raises(CommandError, match="không tìm thấy"):
        call_command("report", agreement="99/CTr-XYZ", fmt="docx", out=str(tmp_path / "x.docx"))
    with pytest.raises(CommandError, match="--period"):
        call_command("report", agreement="03/CTr-UBND-LĐLĐ", period="2020/2017", out=str(tmp_path / "x.docx"))

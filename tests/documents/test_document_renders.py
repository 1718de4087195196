"""Renders run as background tasks: versions with their author, progress, and no half-written file offered."""

import datetime as dt
import hashlib
import io
import os

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone
from docx import Document
from openpyxl import load_workbook

from phoihop.documents import actions
from phoihop.documents.choices import DocumentKind, RenderStatus
from phoihop.documents.models import GeneratedDocument
from phoihop.documents.testing import hbt_figures, make_review_report


@pytest.fixture
def report(world):
    hbt_figures(world)
    return make_review_report(world)


def _render(user, report, fmt="docx", kind=DocumentKind.REVIEW_REPORT, capture=None):
    with capture(execute=True):
        generated = actions.start_render(user, kind, fmt, report=report)
    generated.refresh_from_db()
    return generated


def test_each_render_is_kept_as_a_new_version_with_who_made_it(
    world, report, django_capture_on_commit_callbacks
):
    first = _render(world.alice, report, capture=django_capture_on_commit_callbacks)
    second = _render(world.bob, report, capture=django_capture_on_commit_callbacks)
    assert (first.version, second.version) == (1, 2)
    assert first.created_by == world.alice and second.created_by == world.bob
    for generated in (first, second):
        assert generated.status == RenderStatus.DONE and generated.progress == 100
        assert generated.is_available and generated.finished_at
        data = generated.file.read()
        assert hashlib.sha256(data).hexdigest() == generated.sha256 and len(data) == generated.size
        assert "1.065 công nhân giỏi" in "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
    assert first.file.name != second.file.name


def test_the_appendix_is_a_workbook_of_numbers(world, report, django_capture_on_commit_callbacks):
    generated = _render(
        world.alice, report, "xlsx", DocumentKind.APPENDIX, django_capture_on_commit_callbacks
    )
    assert generated.status == RenderStatus.DONE and generated.filename.endswith("-v1.xlsx")
    book = load_workbook(io.BytesIO(generated.file.read()))
    rows = list(book["Tổng hợp"].iter_rows(values_only=True))
    by_name = {row[1]: row for row in rows if row and row[1]}
    assert by_name["– cấp cơ sở"][4] in (1065, 1089, 505)
    assert by_name["Lượt người lao động tham gia hội thi tay nghề"][4] == 3500
    assert by_name["Lượt người lao động tham gia hội thi tay nghề"][5] == "trên"
    units = list(book["Theo đơn vị"].iter_rows(values_only=True))
    assert units[0][:2] == ("TT", "Đơn vị") and len(units) >= 1


def test_a_render_killed_half_way_offers_no_file(
    world, report, monkeypatch, django_capture_on_commit_callbacks, settings, tmp_path
):
    settings.MEDIA_ROOT = str(tmp_path)  # a folder of its own: other test workers render meanwhile

    def killed(src, dst):
        raise SystemError("tiến trình bị dừng")

    monkeypatch.setattr(os, "replace", killed)
    with django_capture_on_commit_callbacks(execute=True):
        actions.start_render(world.alice, DocumentKind.REVIEW_REPORT, "docx", report=report)
    generated = GeneratedDocument.objects.get(report=report)
    assert generated.status == RenderStatus.FAILED and not generated.file and not generated.is_available
    folder = default_storage.path("generated/review_report")
    assert folder.startswith(str(tmp_path))
    assert not os.path.isdir(folder) or not os.listdir(folder)
    monkeypatch.undo()


def test_a_render_whose_worker_died_shows_interrupted_and_offers_nothing(world, report, client_for):
    generated = GeneratedDocument.objects.create(
        kind=DocumentKind.REVIEW_REPORT,
        fmt="docx",
        report=report,
        version=1,
        status=RenderStatus.RUNNING,
        progress=40,
        created_by=world.alice,
    )
    GeneratedDocument.objects.filter(pk=generated.pk).update(
        heartbeat_at=timezone.now() - dt.timedelta(hours=1)
    )
    generated.refresh_from_db()
    assert generated.is_stale and generated.is_finished and not generated.is_available
    client = client_for(world.alice)
    page = client.get(f"/tai-lieu/tep/{generated.pk}/").content.decode()
    assert "bị gián đoạn" in page and 'hx-trigger="every 1s"' not in page
    assert client.get(f"/tai-lieu/tep/{generated.pk}/tai-ve/").status_code == 404


def test_the_progress_page_polls_until_the_file_is_ready(world, report, client_for):
    generated = GeneratedDocument.objects.create(
        kind=DocumentKind.REVIEW_REPORT, fmt="docx", report=report, version=1, created_by=world.alice,
        heartbeat_at=timezone.now(),
    )  # fmt: skip
    client = client_for(world.alice)
    assert 'hx-trigger="every 1s"' in client.get(f"/tai-lieu/tep/{generated.pk}/").content.decode()
    actions.run_render(generated.pk)
    partial = client.get(f"/tai-lieu/tep/{generated.pk}/", HTTP_HX_REQUEST="true").content.decode()
    assert 'hx-trigger="every 1s"' not in partial and "Tải về" in partial
    response = client.get(f"/tai-lieu/tep/{generated.pk}/tai-ve/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content)[:2] == b"PK"


def test_rendering_from_the_report_page_leads_to_the_progress_page(
    world, report, client_for, django_capture_on_commit_callbacks
):
    client = client_for(world.alice)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/tai-lieu/bao-cao/{report.pk}/xuat/", {"fmt": "pdf"})
    generated = GeneratedDocument.objects.get(report=report)
    assert response.status_code == 302 and response["Location"] == f"/tai-lieu/tep/{generated.pk}/"
    generated.refresh_from_db()
    assert generated.status == RenderStatus.DONE and generated.file.read()[:4] == b"%PDF"

"""Charlie (a sibling district) sees nothing of Hai Bà Trưng's reports: pages, API, downloads and the command."""

import json

import pytest
from django.core.management import CommandError, call_command

from phoihop.documents import actions
from phoihop.documents.choices import DocumentKind
from phoihop.documents.testing import hbt_figures, make_review_report


@pytest.fixture
def done(world, django_capture_on_commit_callbacks):
    hbt_figures(world)
    report = make_review_report(world)
    with django_capture_on_commit_callbacks(execute=True):
        generated = actions.start_render(world.alice, DocumentKind.REVIEW_REPORT, "docx", report=report)
    generated.refresh_from_db()
    return report, generated


PAGES = [
    "/tai-lieu/bao-cao/{r}/",
    "/tai-lieu/bao-cao/{r}/sua/",
    "/tai-lieu/bao-cao/{r}/xem-truoc/",
    "/tai-lieu/tep/{g}/",
    "/tai-lieu/tep/{g}/tai-ve/",
]


@pytest.mark.parametrize("url", PAGES)
def test_charlie_gets_404_on_every_report_page(world, done, client_for, url):
    report, generated = done
    client = client_for(world.charlie)
    assert client.get(url.format(r=report.pk, g=generated.pk)).status_code == 404
    assert client_for(world.alice).get(url.format(r=report.pk, g=generated.pk)).status_code == 200


def test_charlie_can_neither_render_nor_list_the_report(world, done, client_for):
    report, _generated = done
    client = client_for(world.charlie)
    assert client.post(f"/tai-lieu/bao-cao/{report.pk}/xuat/", {"fmt": "docx"}).status_code == 404
    assert report.heading not in client.get("/tai-lieu/bao-cao/").content.decode()
    assert report.heading in client_for(world.alice).get("/tai-lieu/bao-cao/").content.decode()


def test_bob_reads_but_does_not_edit_his_districts_report(world, done, client_for):
    report, _generated = done
    client = client_for(world.bob)
    assert client.get(f"/tai-lieu/bao-cao/{report.pk}/").status_code == 200
    assert client.get(f"/tai-lieu/bao-cao/{report.pk}/sua/").status_code == 404


@pytest.mark.parametrize(
    "method,url",
    [
        ("get", "/api/v1/documents/reports/{r}"),
        ("patch", "/api/v1/documents/reports/{r}"),
        ("post", "/api/v1/documents/reports/{r}/render"),
        ("get", "/api/v1/documents/reports/{r}/files"),
        ("get", "/api/v1/documents/files/{g}"),
        ("get", "/api/v1/documents/files/{g}/download"),
    ],
)
def test_charlie_gets_404_from_the_api(world, done, client_for, method, url):
    report, generated = done
    client = client_for(world.charlie)
    target = url.format(r=report.pk, g=generated.pk)
    if method == "get":
        response = client.get(target)
    else:
        response = getattr(client, method)(target, data=json.dumps({}), content_type="application/json")
    assert response.status_code == 404
    assert client.get("/api/v1/documents/reports").json() == []


def test_charlie_cannot_export_the_report_from_the_command_line(world, done, tmp_path):
    with pytest.raises(CommandError):
        call_command(
            "report", agreement="03/CTr-UBND-LĐLĐ", period="2017-2020", fmt="docx", out=str(tmp_path / "x.docx"),
            user="charlie",
        )  # fmt: skip
    assert not (tmp_path / "x.docx").exists()


def test_charlie_cannot_start_a_report_on_hai_ba_trung(world, client_for):
    response = client_for(world.charlie).post(
        "/api/v1/documents/reports",
        data=json.dumps({"agreement_id": world.hbt_programme.pk}),
        content_type="application/json",
    )
    assert response.status_code == 404

"""The agreements API: token or session, scoped like the pages (404 outside, 403 visible but not editable)."""

import datetime as dt
import hashlib

import pytest

from phoihop.accounts.models import ApiToken
from phoihop.programs import actions
from phoihop.programs.models import Agreement
from phoihop.programs.testing import make_successor, make_task, pdf_bytes, upload

BASE = "/api/v1/agreements"


@pytest.fixture
def api(client):
    """`api(user)` → a function calling the API with that user's bearer token."""

    def for_user(user):
        _token, key = ApiToken.issue(user, "thử nghiệm")
        headers = {"HTTP_AUTHORIZATION": f"Bearer {key}"}

        def call(method, path, data=None, **extra):
            kwargs = {**headers, **extra}
            if (
                method in ("post", "put")
                and "content_type" not in kwargs
                and not isinstance(data, dict | None)
            ):
                kwargs["content_type"] = "application/json"
            if (
                method in ("post", "put")
                and isinstance(data, dict)
                and not any(hasattr(v, "read") for v in data.values())
            ):
                kwargs["content_type"] = "application/json"
            return getattr(client, method)(BASE + path, data, **kwargs)

        return call

    return for_user


def payload(w, **fields):
    body = {
        "kind": "programme",
        "title": "Chương trình phối hợp công tác giai đoạn 2021-2025",
        "number": "05/CTr-UBND-LĐLĐ",
        "signed_date": "2021-03-02",
        "period_start_year": 2021,
        "period_end_year": 2025,
        "parties": [
            {
                "organization_id": w.hbt_gov.pk,
                "is_lead": True,
                "signing_prefix": "KT.",
                "signatory_name": "Vũ Văn Hoạt",
            },
            {
                "organization_id": w.hbt_union.pk,
                "signatory_name": "Nguyễn Thị Kim Dung",
                "signatory_title": "Chủ tịch",
            },
        ],
        "content_areas": [{"title": "Phối hợp tổ chức các phong trào thi đua"}],
        "tasks": [
            {"title": "Sơ kết", "lead_id": w.hbt_union.pk, "content_area": 1, "deadline": "2023-06-30"}
        ],
    }
    body.update(fields)
    return body


def test_the_list_is_scoped_and_paginated(world, api):
    body = api(world.alice)("get", "").json()
    assert {a["number"] for a in body["items"]} == {"03/CTr-UBND-LĐLĐ", "145/CTr-UBND-LĐLĐ"}
    assert body["count"] == 2
    assert {a["number"] for a in api(world.charlie)("get", "").json()["items"]} == {
        "01/CTr-UBND-LĐLĐ",
        "145/CTr-UBND-LĐLĐ",
    }


def test_the_list_filters_like_the_page(world, api):
    call = api(world.bob)
    assert [a["number"] for a in call("get", "?q=hai+ba+trung").json()["items"]] == ["03/CTr-UBND-LĐLĐ"]
    assert [a["number"] for a in call("get", "?year=2016&status=expired&q=145").json()["items"]] == [
        "145/CTr-UBND-LĐLĐ"
    ]
    assert call("get", "?kind=regulation").json()["count"] == 0


def test_the_detail_nests_parties_content_areas_and_tasks(world, api):
    successor = make_successor(world.hbt_programme, 2020, 2025, dt.date(2020, 9, 17))
    make_task(world.hbt_programme, world.hbt_union, "Tổng kết", deadline=dt.date(2020, 9, 17), status="done")
    body = api(world.alice)("get", f"/{world.hbt_programme.pk}").json()
    assert body["status"] == "superseded" and body["status_label"] == "Đã được thay thế"
    assert body["parent_id"] == world.city_programme.pk and body["successor_ids"] == [successor.pk]
    assert [p["organization_name"] for p in body["parties"]] == [
        "Ủy ban nhân dân quận Hai Bà Trưng",
        "Liên đoàn Lao động quận Hai Bà Trưng",
    ]
    assert body["tasks"][0]["title"] == "Tổng kết" and body["number_seq"] is None  # built without the action


def test_alice_creates_and_updates_through_the_api(paired, api):
    call = api(paired.alice)
    response = call("post", "", payload(paired))
    assert response.status_code == 201, response.content
    body = response.json()
    assert (
        body["number_seq"] == 5
        and body["content_areas"][0]["order"] == 1
        and body["tasks"][0]["content_area"] == 1
    )
    update = payload(paired, title="Chương trình phối hợp (sửa đổi)", parties=None, tasks=None)
    update["content_areas"] = [
        {"id": body["content_areas"][0]["id"], "title": "Thi đua"},
        {"title": "Chăm lo"},
    ]
    response = call("put", f"/{body['id']}", update)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["title"] == "Chương trình phối hợp (sửa đổi)" and len(body["parties"]) == 2
    assert [a["title"] for a in body["content_areas"]] == ["Thi đua", "Chăm lo"] and len(body["tasks"]) == 1


def test_bad_input_gets_422_with_messages_per_field(paired, api):
    response = api(paired.alice)("post", "", payload(paired, number="3/CTr UBND", period_end_year=2019))
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert "không đúng mẫu" in errors["number"][0] and "trước năm bắt đầu" in errors["period_end_year"][0]
    assert not Agreement.objects.filter(title__endswith="2021-2025").exists()


def test_tasks_are_listed_and_added(paired, api):
    call = api(paired.alice)
    response = call(
        "post",
        f"/{paired.hbt_programme.pk}/tasks",
        {"title": "Tập huấn", "lead_id": paired.hbt_union.pk, "frequency": "yearly"},
    )
    assert response.status_code == 201, response.content
    assert [t["title"] for t in call("get", f"/{paired.hbt_programme.pk}/tasks").json()] == ["Tập huấn"]
    response = call(
        "post", f"/{paired.hbt_programme.pk}/tasks", {"title": "Sơ kết", "lead_id": paired.hbt_union.pk}
    )
    assert response.status_code == 422 and "cần có thời hạn" in response.json()["errors"]["deadline"][0]


def test_attachments_are_uploaded_listed_and_downloaded(world, api, media_root):
    call = api(world.alice)
    response = call(
        "post",
        f"/{world.hbt_programme.pk}/attachments",
        {"file": upload("ban-ky.pdf", pdf_bytes()), "description": "Bản ký"},
    )
    assert response.status_code == 201, response.content
    assert response.json()["sha256"] == hashlib.sha256(pdf_bytes()).hexdigest()
    listed = call("get", f"/{world.hbt_programme.pk}/attachments").json()
    download = call("get", listed[0]["download_url"].removeprefix(BASE))
    assert download.status_code == 200 and b"".join(download.streaming_content) == pdf_bytes()
    again = call(
        "post", f"/{world.hbt_programme.pk}/attachments", {"file": upload("ban-ky.pdf", pdf_bytes())}
    )
    assert again.status_code == 422 and "đã được đính kèm" in again.json()["errors"]["file"][0]


def test_the_api_needs_authentication(world, client):
    assert client.get(BASE).status_code == 401


def test_session_login_works_too(world, client_for):
    assert client_for(world.alice).get(BASE).status_code == 200


# The charlie test, for every endpoint.


@pytest.fixture
def hbt_attachment(world, media_root):
    return actions.add_attachment(world.alice, world.hbt_programme, upload("ban-ky.pdf", pdf_bytes()))


@pytest.mark.parametrize(
    "method,path,data",
    [
        ("get", "/{a}", None),
        ("put", "/{a}", "payload"),
        ("get", "/{a}/tasks", None),
        ("post", "/{a}/tasks", {"title": "x", "lead_id": 1, "frequency": "yearly"}),
        ("get", "/{a}/attachments", None),
        ("post", "/{a}/attachments", "file"),
        ("get", "/{a}/attachments/{f}", None),
    ],
)
def test_charlie_gets_404_from_every_endpoint_on_hai_ba_trung(
    paired, api, hbt_attachment, method, path, data
):
    if data == "payload":
        data = payload(paired)
    elif data == "file":
        data = {"file": upload("x.pdf", pdf_bytes("khac"))}
    response = api(paired.charlie)(method, path.format(a=paired.hbt_programme.pk, f=hbt_attachment.pk), data)
    assert response.status_code == 404
    assert paired.hbt_programme.attachments.count() == 1 and not paired.hbt_programme.tasks.exists()


def test_charlie_cannot_create_an_agreement_for_hai_ba_trung(paired, api):
    response = api(paired.charlie)("post", "", payload(paired))
    assert (
        response.status_code == 422
        and "Không tìm thấy" in response.json()["errors"]["parties.0.organization"][0]
    )


def test_charlie_cannot_reach_an_attachment_through_his_own_agreement(world, api, hbt_attachment):
    response = api(world.charlie)("get", f"/{world.md_programme.pk}/attachments/{hbt_attachment.pk}")
    assert response.status_code == 404


def test_bob_reads_but_gets_403_on_writes(paired, api, hbt_attachment):
    call = api(paired.bob)
    assert call("get", f"/{paired.hbt_programme.pk}").status_code == 200
    assert call("put", f"/{paired.hbt_programme.pk}", payload(paired)).status_code == 403
    assert (
        call(
            "post", f"/{paired.hbt_programme.pk}/tasks", {"title": "x", "lead_id": 1, "frequency": "yearly"}
        ).status_code
        == 403
    )
    assert (
        call(
            "post", f"/{paired.hbt_programme.pk}/attachments", {"file": upload("y.pdf", pdf_bytes("y"))}
        ).status_code
        == 403
    )

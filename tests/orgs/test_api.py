"""The organisations API: token authentication, scoping (charlie gets 404) and Vietnamese validation messages."""

import json

import pytest

from phoihop.accounts.models import ApiToken
from phoihop.orgs.choices import OrgKind, OrgLevel, UnitLevel
from phoihop.orgs.models import Organization, Person
from phoihop.orgs.testing import current_unit, legacy_unit

BASE = "/api/v1/organizations"


@pytest.fixture
def api(client):
    """Calls as a user with a bearer token, like an outside program would."""

    def for_user(user):
        _, key = ApiToken.issue(user, "thử nghiệm")
        headers = {"HTTP_AUTHORIZATION": f"Bearer {key}"}

        class Caller:
            def get(self, path, **params):
                return client.get(BASE + path, params, **headers)

            def post(self, path, body):
                return client.post(BASE + path, json.dumps(body), content_type="application/json", **headers)

            def patch(self, path, body):
                return client.patch(BASE + path, json.dumps(body), content_type="application/json", **headers)

        return Caller()

    return for_user


def names(response) -> list[str]:
    return [item["name"] for item in response.json()["items"]]


def test_the_api_refuses_callers_without_a_token(placed, client):
    assert client.get(BASE + "/").status_code == 401
    assert client.get(BASE + "/", HTTP_AUTHORIZATION="Bearer ph_sai").status_code == 401


def test_an_x_api_key_header_works_like_a_bearer_token(placed, client):
    _, key = ApiToken.issue(placed.alice, "máy chủ")
    response = client.get(BASE + "/", HTTP_X_API_KEY=key)
    assert response.status_code == 200
    assert "Liên đoàn Lao động quận Hai Bà Trưng" in names(response)


def test_list_is_scoped_searchable_and_paginated(placed, api):
    alice = api(placed.alice)
    everything = alice.get("/")
    assert (
        everything.json()["count"] == 3
    )  # her federation, its grassroots union and enterprise, nothing else
    assert "Liên đoàn Lao động huyện Mỹ Đức" not in names(everything)
    found = alice.get("/", q="hai ba trung")
    assert names(found)[0] == "Liên đoàn Lao động quận Hai Bà Trưng"
    assert names(alice.get("/", kind=OrgKind.ENTERPRISE)) == ["Công ty TNHH Thương mại Thanh Nhàn"]
    assert names(alice.get("/", level=OrgLevel.DISTRICT)) == ["Liên đoàn Lao động quận Hai Bà Trưng"]
    children = alice.get("/", parent=placed.hbt_union.pk, page_size=1)
    assert children.json()["count"] == 2 and len(children.json()["items"]) == 1


def test_detail_gives_the_legacy_unit_and_todays_units(placed, api):
    data = api(placed.alice).get(f"/{placed.hbt_enterprise.pk}").json()
    assert data["admin_unit"]["label"] == "Phường Thanh Nhàn, Quận Hai Bà Trưng, Thành phố Hà Nội (cũ)"
    assert data["admin_unit"]["is_legacy"] is True
    assert {link["unit"]["name"] for link in data["current_units"]} == {
        "Phường Bạch Mai",
        "Phường Hai Bà Trưng",
    }
    assert data["employees"] == 1065 and data["kind"] == "enterprise"
    assert [a["name"] for a in data["ancestors"]] == ["Liên đoàn Lao động quận Hai Bà Trưng"]


def test_children_endpoint(placed, api):
    response = api(placed.bob).get(f"/{placed.hbt_union.pk}/children")
    assert {o["name"] for o in response.json()} == {
        "Công đoàn cơ sở Công ty May Hai Bà Trưng",
        "Công ty TNHH Thương mại Thanh Nhàn",
    }


def test_alice_creates_and_updates_through_the_api(placed, api):
    alice = api(placed.alice)
    response = alice.post(
        "/",
        {
            "name": "Công đoàn cơ sở Bệnh viện Thanh Nhàn",
            "kind": "grassroots_union",
            "level": "grassroots",
            "parent_id": placed.hbt_union.pk,
            "admin_unit_id": placed.thanh_nhan.pk,
        },
    )
    assert response.status_code == 201, response.content
    org_id = response.json()["id"]
    patched = alice.patch(f"/{org_id}", {"employees": 1200, "short_name": "CĐCS BV Thanh Nhàn"})
    assert patched.status_code == 200 and patched.json()["employees"] == 1200
    assert Organization.objects.get(pk=org_id).short_name == "CĐCS BV Thanh Nhàn"


def test_bad_input_gets_422_naming_each_field_in_vietnamese_and_saves_nothing(placed, api):
    before = Organization.objects.count()
    response = api(placed.alice).post(
        "/",
        {
            "name": "Công ty Y",
            "kind": "enterprise",
            "level": "grassroots",
            "parent_id": placed.hbt_union.pk,
            "admin_unit_id": 123456789,
            "tax_code": "0100107519",
        },
    )
    assert response.status_code == 422
    body = response.json()
    assert body["errors"]["admin_unit_id"][0].startswith("Địa bàn không tồn tại")
    assert "admin_unit_id" in body["detail"]
    assert Organization.objects.count() == before
    rules = api(placed.alice).post(
        "/",
        {
            "name": "Công ty Y",
            "kind": "enterprise",
            "level": "grassroots",
            "parent_id": placed.hbt_union.pk,
            "admin_unit_id": placed.thanh_nhan.pk,
            "tax_code": "0100107519",
        },
    )
    assert rules.status_code == 422
    assert set(rules.json()["errors"]) == {"ownership", "tax_code"}


def test_charlie_gets_404_or_nothing_from_every_endpoint_about_hai_ba_trung(placed, api):
    Person.objects.create(full_name="Nguyễn Thị Kim Dung", organization=placed.hbt_union)
    charlie = api(placed.charlie)
    assert charlie.get(f"/{placed.hbt_union.pk}").status_code == 404
    assert charlie.get(f"/{placed.hbt_enterprise.pk}").status_code == 404
    assert charlie.get(f"/{placed.hbt_union.pk}/children").status_code == 404
    assert charlie.patch(f"/{placed.hbt_union.pk}", {"name": "X"}).status_code == 404
    assert names(charlie.get("/", q="hai ba trung")) == []
    assert names(charlie.get("/", parent=placed.hbt_union.pk)) == []
    assert names(charlie.get("/")) == ["Liên đoàn Lao động huyện Mỹ Đức"]
    created = charlie.post(
        "/",
        {
            "name": "CĐCS lạ",
            "kind": "grassroots_union",
            "level": "grassroots",
            "parent_id": placed.hbt_union.pk,
            "admin_unit_id": placed.hbt_unit.pk,
        },
    )
    assert created.status_code == 422 and "parent_id" in created.json()["errors"]
    people = charlie.get("/people", q="dung").json()
    assert people["count"] == 0
    person = Person.objects.get(full_name="Nguyễn Thị Kim Dung")
    assert charlie.get(f"/people/{person.pk}").status_code == 404
    unit = charlie.get(f"/admin-units/{placed.hbt_unit.pk}")
    assert (
        unit.status_code == 200 and "Liên đoàn" not in unit.content.decode()
    )  # reference data, no organisations


def test_a_user_without_edit_rights_gets_403(placed, api):
    response = api(placed.bob).patch(f"/{placed.hbt_union.pk}", {"name": "Tên khác"})
    assert response.status_code == 403
    assert "không có quyền" in response.json()["detail"]


def test_admin_unit_search_and_old_to_new_links(placed, api):
    alice = api(placed.alice)
    found = alice.get("/admin-units", q="ben tre", era="legacy", level=UnitLevel.PROVINCE).json()
    assert [u["name"] for u in found] == ["Tỉnh Bến Tre"]
    detail = alice.get(f"/admin-units/{found[0]['id']}").json()
    assert [(s["unit"]["name"], s["is_partly_merged"]) for s in detail["successors"]] == [
        ("Tỉnh Vĩnh Long", False)
    ]
    new = alice.get(f"/admin-units/{current_unit('Phường Hai Bà Trưng').pk}").json()
    assert "Phường Phố Huế" in {p["unit"]["name"] for p in new["predecessors"]}
    assert new["valid_from"] == "2025-07-01"
    legacy = legacy_unit("Quận Hai Bà Trưng")
    assert alice.get(f"/admin-units/{legacy.pk}").json()["valid_to"] == "2025-06-30"


def test_people_endpoints(placed, api):
    person = Person.objects.create(
        full_name="Nguyễn Thị Kim Dung", title="Chủ tịch LĐLĐ Quận", organization=placed.hbt_union
    )
    alice = api(placed.alice)
    listed = alice.get("/people", q="kim dung").json()
    assert listed["count"] == 1 and listed["items"][0]["organization"]["name"] == placed.hbt_union.name
    assert alice.get(f"/people/{person.pk}").json()["title"] == "Chủ tịch LĐLĐ Quận"


def test_the_list_endpoint_uses_a_fixed_number_of_queries(placed, api, django_assert_max_num_queries):
    from phoihop.orgs.testing import make_enterprise

    for i in range(30):
        make_enterprise(placed.hbt_union, f"Công ty số {i}", admin_unit=placed.thanh_nhan)
    alice = api(placed.alice)
    with django_assert_max_num_queries(8):
        response = alice.get("/", page_size=100)
    assert response.json()["count"] == 33

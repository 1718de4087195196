"""Pages of the orgs app: trees, search, detail, create/edit, unit lookup, people — and what charlie may not see."""

import pytest
from django.urls import reverse

from phoihop.orgs.choices import OrgKind, OrgLevel, UnitLevel
from phoihop.orgs.models import Organization, Person
from phoihop.orgs.testing import current_unit, legacy_unit


def text(response) -> str:
    return response.content.decode()


def test_the_tree_page_shows_alices_district_and_its_units(placed, client_for):
    response = client_for(placed.alice).get(reverse("orgs:list"))
    assert response.status_code == 200
    body = text(response)
    assert "Liên đoàn Lao động quận Hai Bà Trưng" in body
    assert "Công ty TNHH Thương mại Thanh Nhàn" in body  # first level is rendered with the page
    assert "Mỹ Đức" not in body


def test_an_administrator_sees_both_trees_side_by_side(placed, client_for):
    body = text(client_for(placed.admin).get(reverse("orgs:list")))
    assert "Chính quyền" in body and "Công đoàn" in body
    assert "Ủy ban nhân dân thành phố Hà Nội" in body and "Liên đoàn Lao động thành phố Hà Nội" in body


def test_children_load_on_demand(placed, client_for):
    response = client_for(placed.bob).get(
        reverse("orgs:children", args=[placed.hbt_union.pk]), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert "Công đoàn cơ sở Công ty May Hai Bà Trưng" in text(response)


def test_search_without_diacritics_from_the_page_and_as_a_fragment(placed, client_for):
    client = client_for(placed.alice)
    response = client.get(reverse("orgs:search"), {"q": "hai ba trung"})
    assert response.status_code == 200 and "<html" in text(response)
    assert "Liên đoàn Lao động quận Hai Bà Trưng" in text(response)
    fragment = client.get(reverse("orgs:search"), {"q": "hai ba trung"}, HTTP_HX_REQUEST="true")
    assert "<html" not in text(fragment) and "Liên đoàn Lao động quận Hai Bà Trưng" in text(fragment)
    filtered = client.get(reverse("orgs:search"), {"q": "hai ba trung", "kind": OrgKind.ENTERPRISE})
    assert f'href="/to-chuc/{placed.hbt_union.pk}/"' not in text(filtered)  # only as the parent column
    assert "Công ty TNHH Thương mại Thanh Nhàn</a>" in text(filtered)


def test_detail_shows_the_old_unit_and_what_it_is_now(placed, client_for):
    response = client_for(placed.alice).get(reverse("orgs:detail", args=[placed.hbt_enterprise.pk]))
    body = text(response)
    assert "Phường Thanh Nhàn, Quận Hai Bà Trưng, Thành phố Hà Nội (cũ)" in body
    assert "Nay thuộc" in body and "Phường Hai Bà Trưng" in body and "Phường Bạch Mai" in body
    assert "1.065" in body  # employees in the Vietnamese format
    assert "Liên đoàn Lao động quận Hai Bà Trưng" in body  # parent chain


def test_detail_lists_agreements_people_and_for_admins_the_members(placed, client_for):
    from phoihop.accounts.choices import Role
    from phoihop.core.testing import make_user

    Person.objects.create(
        full_name="Nguyễn Thị Kim Dung", title="Chủ tịch LĐLĐ Quận", organization=placed.hbt_union
    )
    head = make_user("hbt.head", placed.hbt_union, Role.ADMIN)
    body = text(client_for(head).get(reverse("orgs:detail", args=[placed.hbt_union.pk])))
    assert "03/CTr-UBND-LĐLĐ" in body
    assert "Nguyễn Thị Kim Dung" in body
    assert "Người dùng và vai trò" in body and "alice" in body
    alice_view = text(client_for(placed.alice).get(reverse("orgs:detail", args=[placed.hbt_union.pk])))
    assert "Người dùng và vai trò" not in alice_view  # an editor is not an administrator


def test_alice_creates_a_grassroots_union_through_the_form(placed, client_for):
    client = client_for(placed.alice)
    form_page = client.get(reverse("orgs:create"), {"parent": placed.hbt_union.pk})
    assert form_page.status_code == 200 and "Thêm đơn vị" in text(form_page)
    ward = legacy_unit("Phường Bạch Mai", UnitLevel.COMMUNE)
    response = client.post(
        reverse("orgs:create"),
        {
            "name": "Công đoàn cơ sở Trường Mầm non Bạch Mai",
            "kind": OrgKind.GRASSROOTS_UNION,
            "level": OrgLevel.GRASSROOTS,
            "parent": placed.hbt_union.pk,
            "admin_unit": ward.pk,
        },
    )
    org = Organization.objects.get(name="Công đoàn cơ sở Trường Mầm non Bạch Mai")
    assert response.status_code == 302 and response["Location"] == reverse("orgs:detail", args=[org.pk])
    assert org.admin_unit == ward and org.parent == placed.hbt_union


def test_the_form_names_each_bad_field_in_vietnamese_and_saves_nothing(placed, client_for):
    before = Organization.objects.count()
    response = client_for(placed.alice).post(
        reverse("orgs:create"),
        {
            "name": "Công ty X",
            "kind": OrgKind.ENTERPRISE,
            "level": OrgLevel.GRASSROOTS,
            "parent": placed.hbt_union.pk,
            "admin_unit": "999999999",
            "tax_code": "123",
            "employees": "nhiều",
        },
    )
    body = text(response)
    assert response.status_code == 200
    assert "Địa bàn không tồn tại" in body
    assert "Số lao động phải là số nguyên" in body
    assert "Chưa lưu được" in body
    assert Organization.objects.count() == before
    rules = client_for(placed.alice).post(
        reverse("orgs:create"),
        {
            "name": "Công ty X",
            "kind": OrgKind.ENTERPRISE,
            "level": OrgLevel.GRASSROOTS,
            "parent": placed.hbt_union.pk,
            "admin_unit": placed.thanh_nhan.pk,
            "tax_code": "0100107519",
        },
    )
    assert "Doanh nghiệp cần có loại hình sở hữu" in text(rules)
    assert "Mã số thuế 0100107519 không hợp lệ" in text(rules)
    assert Organization.objects.count() == before


def test_alice_edits_her_unit_keeping_a_parent_above_her_scope(placed, client_for):
    client = client_for(placed.alice)
    page = client.get(reverse("orgs:edit", args=[placed.hbt_union.pk]))
    assert page.status_code == 200 and "Quận Hai Bà Trưng, Thành phố Hà Nội (cũ)" in text(page)
    response = client.post(
        reverse("orgs:edit", args=[placed.hbt_union.pk]),
        {
            "name": "Liên đoàn Lao động quận Hai Bà Trưng",
            "short_name": "LĐLĐ quận Hai Bà Trưng",
            "kind": OrgKind.LABOUR_FEDERATION,
            "level": OrgLevel.DISTRICT,
            "parent": placed.city_union.pk,
            "admin_unit": placed.hbt_unit.pk,
            "valid_to": "30/6/2025",
        },
    )
    assert response.status_code == 302
    placed.hbt_union.refresh_from_db()
    assert (
        placed.hbt_union.short_name == "LĐLĐ quận Hai Bà Trưng"
        and str(placed.hbt_union.valid_to) == "2025-06-30"
    )


def test_unit_lookup_pages_show_old_to_new(placed, client_for):
    client = client_for(placed.alice)
    page = client.get(reverse("orgs:units"), {"q": "hai ba trung"})
    assert "Quận Hai Bà Trưng, Thành phố Hà Nội (cũ)" in text(page)
    detail = client.get(reverse("orgs:unit", args=[placed.hbt_unit.pk]))
    body = text(detail)
    assert "Nay thuộc" in body and "Phường Vĩnh Tuy, Thành phố Hà Nội" in body
    assert "Liên đoàn Lao động quận Hai Bà Trưng" in body
    new = client.get(reverse("orgs:unit", args=[current_unit("Phường Hai Bà Trưng").pk]))
    assert "Hình thành từ" in text(new) and "Phường Phố Huế" in text(new)
    assert "Công ty TNHH Thương mại Thanh Nhàn" in text(new)  # sits on an old ward now part of it


def test_the_unit_picker_suggests_units_of_the_right_level_and_picks_one(placed, client_for):
    client = client_for(placed.alice)
    options = client.get(
        reverse("orgs:unit_options"), {"unit_q": "hai ba trung", "level": "district", "field": "admin_unit"}
    )
    body = text(options)
    assert "Quận Hai Bà Trưng, Thành phố Hà Nội (cũ)" in body and "Phường Hai Bà Trưng" not in body
    picked = client.get(reverse("orgs:unit_pick"), {"unit": placed.hbt_unit.pk, "field": "admin_unit"})
    assert f'value="{placed.hbt_unit.pk}"' in text(picked)


def test_people_pages(placed, client_for):
    person = Person.objects.create(
        full_name="Nguyễn Thị Kim Dung", title="Chủ tịch LĐLĐ Quận", organization=placed.hbt_union
    )
    client = client_for(placed.alice)
    assert "Nguyễn Thị Kim Dung" in text(client.get(reverse("orgs:people"), {"q": "kim dung"}))
    assert client.get(reverse("orgs:person", args=[person.pk])).status_code == 200


def charlie_forbidden_urls(w, person):
    return [
        reverse("orgs:detail", args=[w.hbt_union.pk]),
        reverse("orgs:detail", args=[w.hbt_enterprise.pk]),
        reverse("orgs:edit", args=[w.hbt_union.pk]),
        reverse("orgs:children", args=[w.hbt_union.pk]),
        reverse("orgs:person", args=[person.pk]),
    ]


def test_charlie_gets_404_for_every_page_of_hai_ba_trung(placed, client_for):
    person = Person.objects.create(full_name="Nguyễn Thị Kim Dung", organization=placed.hbt_union)
    client = client_for(placed.charlie)
    for url in charlie_forbidden_urls(placed, person):
        assert client.get(url).status_code == 404, url
    assert client.get(reverse("orgs:create"), {"parent": placed.hbt_union.pk}).status_code == 200
    posted = client.post(
        reverse("orgs:create"),
        {
            "name": "CĐCS lạ",
            "kind": OrgKind.GRASSROOTS_UNION,
            "level": OrgLevel.GRASSROOTS,
            "parent": placed.hbt_union.pk,
            "admin_unit": placed.hbt_unit.pk,
        },
    )
    assert "Đơn vị cấp trên không tồn tại hoặc nằm ngoài phạm vi" in text(posted)
    assert not Organization.objects.filter(name="CĐCS lạ").exists()


def test_charlie_sees_nothing_of_hai_ba_trung_in_lists_search_units_or_people(placed, client_for):
    Person.objects.create(full_name="Nguyễn Thị Kim Dung", organization=placed.hbt_union)
    client = client_for(placed.charlie)
    pages = [
        client.get(reverse("orgs:list")),
        client.get(reverse("orgs:search"), {"q": "hai ba trung"}),
        client.get(reverse("orgs:search"), {"q": "cong ty"}),
        client.get(reverse("orgs:unit", args=[placed.hbt_unit.pk])),
        client.get(reverse("orgs:unit", args=[current_unit("Phường Hai Bà Trưng").pk])),
        client.get(reverse("orgs:people"), {"q": "dung"}),
    ]
    for response in pages:
        assert response.status_code == 200
        body = text(response)
        assert "Liên đoàn Lao động quận Hai Bà Trưng" not in body
        assert "Thanh Nhàn</a>" not in body and "Công ty TNHH Thương mại Thanh Nhàn" not in body
        assert "Kim Dung" not in body


@pytest.mark.parametrize("name", ["orgs:list", "orgs:search", "orgs:units", "orgs:people", "orgs:create"])
def test_pages_need_a_login(name, client, db):
    response = client.get(reverse(name))
    assert response.status_code == 302 and "dang-nhap" in response["Location"]


def test_a_viewer_cannot_open_the_create_or_edit_forms(placed, client_for):
    from phoihop.accounts.choices import Role
    from phoihop.core.testing import make_user

    viewer = make_user("hbt.viewer", placed.hbt_union, Role.VIEWER)
    client = client_for(viewer)
    assert client.get(reverse("orgs:create")).status_code == 403
    assert client.get(reverse("orgs:edit", args=[placed.hbt_union.pk])).status_code == 403
    assert client.get(reverse("orgs:detail", args=[placed.hbt_union.pk])).status_code == 200


def test_search_and_tree_pages_use_a_fixed_number_of_queries(
    placed, client_for, django_assert_max_num_queries
):
    from phoihop.orgs.testing import make_enterprise

    for i in range(30):
        make_enterprise(placed.hbt_union, f"Công ty Hai Bà Trưng số {i}", admin_unit=placed.thanh_nhan)
    client = client_for(placed.admin)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("orgs:search"), {"q": "hai ba trung"}).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(reverse("orgs:list")).status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get(reverse("orgs:children", args=[placed.hbt_union.pk])).status_code == 200

"""The demo organisations, people and users: real legacy units, the seeds' officials, scoping by role."""

import pytest

from phoihop.accounts import demo as accounts_demo
from phoihop.core import permissions
from phoihop.orgs import demo
from phoihop.orgs.choices import OrgKind
from phoihop.orgs.models import Organization, Person


@pytest.fixture
def ctx(admin_units):
    ctx: dict = {}
    demo.load(ctx)
    accounts_demo.load(ctx)
    return ctx


def user(username):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=username)


def test_the_contract_keys_exist(ctx):
    expected = {
        "tld",
        "hn_gov",
        "hn_union",
        "hbt_gov",
        "hbt_union",
        "md_gov",
        "md_union",
        "bt_gov",
        "bt_union",
        "city_gov",
        "city_union",
        "hp_gov",
        "hp_union",
        "qn_gov",
        "qn_union",
        "hbt_gr1",
    }
    assert expected <= set(ctx["orgs"])
    assert ctx["orgs"]["hbt_union"].parent == ctx["orgs"]["hn_union"]
    assert ctx["orgs"]["hbt_gov"].parent == ctx["orgs"]["hn_gov"]
    assert ctx["orgs"]["hbt_union"].counterpart == ctx["orgs"]["hbt_gov"]


def test_seed_units_sit_on_their_real_legacy_units(ctx):
    orgs = ctx["orgs"]
    assert str(orgs["hbt_union"].admin_unit) == "Quận Hai Bà Trưng, Thành phố Hà Nội (cũ)"
    assert str(orgs["md_gov"].admin_unit) == "Huyện Mỹ Đức, Thành phố Hà Nội (cũ)"
    assert str(orgs["bt_union"].admin_unit) == "Tỉnh Bến Tre (cũ)"
    assert str(orgs["hp_union"].admin_unit) == "Thành phố Hải Phòng (cũ)"
    assert str(orgs["qn_union"].admin_unit) == "Tỉnh Quảng Ninh (cũ)"
    assert orgs["city_union"].admin_unit is None and "không nêu tên thành phố" in orgs["city_union"].note
    assert (
        orgs["hbt_party"].kind == OrgKind.PARTY_COMMITTEE and orgs["hbt_party"].name == "Quận ủy Hai Bà Trưng"
    )


def test_ben_tre_federation_is_found_under_todays_vinh_long(ctx):
    found = Organization.objects.search("lien doan lao dong vinh long")
    assert list(found) == [ctx["orgs"]["bt_union"]]


def test_every_named_official_is_there_with_their_title(ctx):
    people = ctx["people"]
    assert len(people) == 14 and Person.objects.count() == 14
    assert people["nguyen_thi_kim_dung"].title == "Quận ủy viên, Chủ tịch LĐLĐ Quận"
    assert people["nguyen_thi_kim_dung"].organization == ctx["orgs"]["hbt_union"]
    assert people["to_xuan_thao"].organization == ctx["orgs"]["qn_union"]
    assert str(people["nguyen_thi_be_muoi"].title_as_of) == "2024-11-08"


def test_enterprises_have_valid_tax_codes_and_a_sibling_grassroots_union(ctx):
    from phoihop.orgs.rules import tax_code_is_valid

    enterprises = Organization.objects.filter(kind=OrgKind.ENTERPRISE)
    assert enterprises.count() >= 5
    assert all(tax_code_is_valid(e.tax_code) and e.ownership for e in enterprises)
    gr1 = ctx["orgs"]["hbt_gr1"]
    assert gr1.counterpart == ctx["orgs"]["hbt_ent1"] and gr1.parent == ctx["orgs"]["hbt_union"]


def test_demo_users_see_their_own_subtree_only(ctx):
    orgs = ctx["orgs"]
    hbt_editor, md_editor, city_approver = user("hbt.nhaplieu"), user("mydu.nhaplieu"), user("hanoi.duyet")
    assert permissions.can(hbt_editor, "edit", orgs["hbt_gr1"])
    assert not permissions.visible_organizations(md_editor).filter(pk=orgs["hbt_union"].pk).exists()
    assert permissions.can(city_approver, "approve", orgs["hbt_union"])
    assert permissions.can(city_approver, "approve", orgs["md_union"])
    assert not permissions.can(city_approver, "edit", orgs["hbt_union"])
    assert not permissions.can(user("hbt.xem"), "edit", orgs["hbt_union"])
    assert permissions.can(user("hbt.quantri"), "admin", orgs["hbt_union"])
    assert permissions.can(user("bentre.nhaplieu"), "edit", orgs["bt_union"])
    assert user("admin").is_superuser


def test_demo_logins_list_every_role_in_three_units(ctx):
    logins = dict(accounts_demo.demo_logins())
    for prefix in ("hbt", "mydu", "hanoi", "bentre"):
        for role in ("quantri", "nhaplieu", "duyet", "xem"):
            assert f"{prefix}.{role}" in logins
    assert logins["admin"] == "Quản trị hệ thống (toàn quyền)"
    assert logins["hbt.nhaplieu"] == "Nhập liệu – LĐLĐ quận Hai Bà Trưng"
    assert user("hbt.nhaplieu").check_password(accounts_demo.DEMO_PASSWORD)


def test_reset_removes_the_demo_and_it_loads_again(ctx):
    accounts_demo.reset()
    demo.reset()
    assert not Organization.objects.exists() and not Person.objects.exists()
    assert accounts_demo.demo_logins() == []
    again: dict = {}
    demo.load(again)
    assert Organization.objects.filter(name="Liên đoàn Lao động quận Hai Bà Trưng").count() == 1

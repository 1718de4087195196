"""The Django admin loads for an administrator and saves organisations through the one write path."""

import pytest
from django.urls import reverse

from phoihop.core.models import ChangeLogEntry
from phoihop.orgs.models import AdminUnit, Organization

PAGES = [
    "admin:index",
    "admin:orgs_organization_changelist",
    "admin:orgs_organization_add",
    "admin:orgs_adminunit_changelist",
    "admin:orgs_person_changelist",
    "admin:accounts_membership_changelist",
    "admin:accounts_apitoken_changelist",
    "admin:auth_user_changelist",
    "admin:auth_user_add",
]


@pytest.mark.parametrize("name", PAGES)
def test_admin_pages_load_for_the_superuser(world, client_for, name):
    assert client_for(world.admin).get(reverse(name)).status_code == 200


def test_change_pages_load_with_inlines(world, client_for):
    client = client_for(world.admin)
    org_page = client.get(reverse("admin:orgs_organization_change", args=[world.hbt_union.pk]))
    assert org_page.status_code == 200 and "alice" in org_page.content.decode()
    user_page = client.get(reverse("admin:auth_user_change", args=[world.alice.pk]))
    assert (
        user_page.status_code == 200 and "Liên đoàn Lao động quận Hai Bà Trưng" in user_page.content.decode()
    )
    unit = AdminUnit.objects.get(is_legacy=True, level="district", name="Quận Hai Bà Trưng")
    unit_page = client.get(reverse("admin:orgs_adminunit_change", args=[unit.pk]))
    assert unit_page.status_code == 200 and "Phường Bạch Mai" in unit_page.content.decode()


def test_admin_search_of_units_ignores_diacritics(world, client_for):
    response = client_for(world.admin).get(reverse("admin:orgs_adminunit_changelist"), {"q": "hai ba trung"})
    assert "Quận Hai Bà Trưng" in response.content.decode()


def test_admin_saves_an_organisation_through_the_actions(world, client_for):
    response = client_for(world.admin).post(
        reverse("admin:orgs_organization_change", args=[world.md_union.pk]),
        {
            "name": "Liên đoàn Lao động huyện Mỹ Đức",
            "short_name": "LĐLĐ Mỹ Đức",
            "abbreviation": "LĐLĐ",
            "kind": "labour_federation",
            "level": "district",
            "parent": world.city_union.pk,
            "memberships-TOTAL_FORMS": "1",
            "memberships-INITIAL_FORMS": "1",
            "memberships-0-id": world.charlie.memberships.get().pk,
            "memberships-0-organization": world.md_union.pk,
            "memberships-0-user": world.charlie.pk,
            "memberships-0-role": "editor",
            "people-TOTAL_FORMS": "0",
            "people-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    world.md_union.refresh_from_db()
    assert world.md_union.short_name == "LĐLĐ Mỹ Đức"
    assert ChangeLogEntry.objects.filter(
        object_id=str(world.md_union.pk), action="update", user=world.admin
    ).exists()


def test_the_admin_refuses_a_grassroots_union_under_a_committee(world, client_for):
    response = client_for(world.admin).post(
        reverse("admin:orgs_organization_add"),
        {
            "name": "CĐCS X",
            "kind": "grassroots_union",
            "level": "grassroots",
            "parent": world.hbt_gov.pk,
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
            "people-TOTAL_FORMS": "0",
            "people-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "không thể trực thuộc" in response.content.decode()
    assert not Organization.objects.filter(name="CĐCS X").exists()


def test_the_unscoped_admin_is_closed_to_staff_who_are_not_superusers(world, client_for):
    from django.contrib.auth.models import Permission

    world.alice.is_staff = True
    world.alice.save()
    world.alice.user_permissions.set(
        Permission.objects.filter(content_type__app_label__in=["orgs", "accounts"])
    )
    client = client_for(world.alice)
    assert client.get(reverse("admin:orgs_organization_changelist")).status_code == 403
    assert client.get(reverse("admin:accounts_membership_changelist")).status_code == 403
    assert "Liên đoàn Lao động huyện Mỹ Đức" not in client.get(reverse("admin:index")).content.decode()

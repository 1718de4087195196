"""Unit fields of forms: a short list of likely units, a search for any other the user may pick, and the server
accepting only units in the user's scope."""

from django.urls import reverse

from phoihop.core.testing import make_org
from phoihop.reporting.models import Period, Target
from phoihop.reporting.testing import ensure_catalogue


def suggest(client, q, quyen="view"):
    response = client.get(reverse("orgs:suggest"), {"q": q, "quyen": quyen})
    assert response.status_code == 200
    return response.json()["options"]


def test_the_search_finds_units_without_diacritics_with_their_ids_and_only_in_scope(world, client_for):
    deep = make_org("Tổ công đoàn Phân xưởng Sợi", parent=world.hbt_grassroots)
    found = suggest(client_for(world.alice), "phan xuong soi", "edit")
    assert found == [{"id": deep.pk, "value": deep.name, "hint": world.hbt_grassroots.name}]
    assert suggest(client_for(world.charlie), "phan xuong soi") == []  # Mỹ Đức sees nothing of Hai Bà Trưng
    assert (
        suggest(client_for(world.bob), "phan xuong soi")[0]["id"] == deep.pk
    )  # the city sees its districts' units
    assert client_for(world.alice).get(reverse("orgs:suggest"), {"q": " "}).json() == {
        "options": [],
        "more": False,
    }


def test_the_target_form_lists_near_units_and_accepts_a_unit_found_by_search(world, client_for):
    ensure_catalogue()
    deep = make_org("Tổ công đoàn Phân xưởng Sợi", parent=world.hbt_grassroots)
    client = client_for(world.alice)
    page = client.get(reverse("reporting:targets")).content.decode()
    assert f'<option value="{world.hbt_grassroots.pk}">' in page  # directly under her unit
    assert deep.name not in page  # two levels down: found by the search box, not listed
    assert 'data-suggest-into="id_organization"' in page
    period = Period.for_year(2022)
    response = client.post(
        reverse("reporting:targets"),
        {"indicator": _indicator_pk("skills_contest_units"), "organization": deep.pk, "period": period.pk,
         "value": "12"},
    )  # fmt: skip
    assert response.status_code == 302
    assert Target.objects.get(organization=deep, period=period).value == 12


def test_a_unit_outside_the_users_scope_is_refused_even_when_posted_by_hand(world, client_for):
    ensure_catalogue()
    client = client_for(world.charlie)
    response = client.post(
        reverse("reporting:targets"),
        {"indicator": _indicator_pk("skills_contest_units"), "organization": world.hbt_union.pk,
         "period": Period.for_year(2022).pk, "value": "12"},
    )  # fmt: skip
    assert response.status_code == 200 and not Target.objects.filter(organization=world.hbt_union).exists()
    page = response.content.decode()
    assert "errorlist" in page and world.hbt_union.name not in page


def _indicator_pk(code):
    from phoihop.reporting.models import Indicator

    return Indicator.objects.get(code=code).pk

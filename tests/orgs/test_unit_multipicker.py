"""Fields naming several units (meeting hosts, a report's units) and the agreement editor's parties and task leads:
the page lists only the likely units, the search finds any other the field accepts, and the server accepts exactly
the field's units, whatever is posted."""

import re

from django.urls import reverse

from phoihop.core.testing import make_org
from phoihop.documents.models import ReviewReport
from phoihop.meetings.models import Meeting
from phoihop.orgs.choices import OrgLevel
from phoihop.reporting.models import Period


def listed(page: str, name: str) -> set[int]:
    """The option values of the <select> named `name` in a page."""
    select = re.search(rf'<select name="{re.escape(name)}"[^>]*>(.*?)</select>', page, re.S)
    assert select, f"no <select name={name}>"
    return {int(v) for v in re.findall(r'<option value="(\d+)"', select.group(1))}


def found(client, q: str, quyen: str, **params) -> set[int]:
    """Ids the unit search offers; `client_for` logs the one test client in, so ask as Charlie last."""
    response = client.get(reverse("orgs:suggest"), {"q": q, "quyen": quyen, **params})
    assert response.status_code == 200
    return {o["id"] for o in response.json()["options"]}


def meeting_post(hosts) -> dict:
    return {
        "kind": "briefing",
        "title": "Giao ban 6 tháng đầu năm 2022",
        "date": "2022-07-15",
        "hosts": [h.pk for h in hosts],
        "att-TOTAL_FORMS": "0", "att-INITIAL_FORMS": "0",
        "fu-TOTAL_FORMS": "0", "fu-INITIAL_FORMS": "0",
    }  # fmt: skip


def test_meeting_hosts_list_the_likely_units_and_take_one_found_by_search(world, client_for):
    deep = make_org("Công đoàn Công ty Dệt may Hai Bà Trưng", parent=world.hbt_grassroots)
    other_city = make_org("Liên đoàn Lao động thành phố Hải Phòng", level=OrgLevel.PROVINCE)
    alice = client_for(world.alice)

    page = alice.get(reverse("meetings:create")).content.decode()
    hosts = listed(page, "hosts")
    assert {world.hbt_union.pk, world.hbt_grassroots.pk, other_city.pk} <= hosts
    assert deep.pk not in hosts  # two levels down: the search finds it
    assert world.md_union.pk not in hosts  # a sibling district is no host of hers
    assert 'data-suggest="/to-chuc/goi-y/?quyen=host"' in page and 'data-suggest-into="id_hosts"' in page

    assert found(alice, "det may hai ba", "host") == {deep.pk}
    assert found(alice, "hai phong", "host") == {other_city.pk}  # federations of other provinces co-host
    assert found(alice, "my duc", "host") == set()

    response = alice.post(reverse("meetings:create"), meeting_post([world.hbt_union, deep]))
    assert response.status_code == 302, response.content.decode()[:1500]
    meeting = Meeting.objects.get(title="Giao ban 6 tháng đầu năm 2022")
    assert set(meeting.hosts.all()) == {world.hbt_union, deep}

    # Editing lists the hosts already chosen, though one is not a likely unit.
    page = alice.get(reverse("meetings:edit", args=[meeting.pk])).content.decode()
    assert {world.hbt_union.pk, deep.pk} <= listed(page, "hosts")
    assert re.search(rf'<option value="{deep.pk}" selected>', page)

    assert found(client_for(world.charlie), "det may hai ba", "host") == set()  # the same client, now Charlie


def test_a_host_outside_the_field_is_refused_even_when_posted_by_hand(world, client_for):
    deep = make_org("Công đoàn Công ty Dệt may Hai Bà Trưng", parent=world.hbt_grassroots)
    response = client_for(world.charlie).post(
        reverse("meetings:create"), meeting_post([world.md_union, deep])
    )
    assert response.status_code == 400
    assert not Meeting.objects.exists()
    assert deep.name not in response.content.decode()


def test_a_reports_units_list_the_likely_ones_and_take_one_found_by_search(world, client_for):
    deep = make_org("Công đoàn Công ty Dệt may Hai Bà Trưng", parent=world.hbt_grassroots)
    alice = client_for(world.alice)
    page = alice.get(reverse("documents:create")).content.decode()
    units = listed(page, "organizations")
    assert {world.hbt_union.pk, world.hbt_grassroots.pk} <= units and deep.pk not in units
    assert 'data-suggest="/to-chuc/goi-y/?quyen=edit"' in page
    period = Period.for_year(2022)

    response = alice.post(
        reverse("documents:create"), {"kind": "final", "organizations": [deep.pk], "period": period.pk}
    )
    assert response.status_code == 302, response.content.decode()[:1500]
    assert list(ReviewReport.objects.get().organizations.all()) == [deep]

    response = client_for(world.charlie).post(
        reverse("documents:create"), {"kind": "final", "organizations": [deep.pk], "period": period.pk}
    )
    assert response.status_code == 400 and ReviewReport.objects.count() == 1
    assert "errorlist" in response.content.decode()


def test_agreement_leads_list_the_parties_departments_and_search_only_within_the_agreement(world, client_for):
    department = make_org(
        "Phòng Lao động - Thương binh và Xã hội quận Hai Bà Trưng",
        parent=world.hbt_gov,
        level=OrgLevel.DISTRICT,
    )
    programme = world.hbt_programme
    alice = client_for(world.alice)

    page = alice.get(reverse("programs:edit", args=[programme.pk])).content.decode()
    assert department.pk in listed(page, "tasks-0-lead")
    assert department.pk in listed(page, "tasks-__prefix__-cooperating")  # the row "Add a row" copies
    assert {world.hbt_gov.pk, world.hbt_union.pk} <= listed(page, "parties-0-organization")
    assert f'data-suggest="/to-chuc/goi-y/?quyen=party&amp;van-ban={programme.pk}"' in page
    assert 'data-suggest-into="id_tasks-__prefix__-lead"' in page

    assert found(alice, "phong lao dong", "party", **{"van-ban": programme.pk}) == {department.pk}
    assert found(alice, "phong lao dong", "party") == set()  # not a partner of hers outside this agreement
    # The city's programme is one she reads but may not edit: it opens nothing of the city's tree to her.
    assert found(alice, "my duc", "party", **{"van-ban": world.city_programme.pk}) == set()
    # Another district's agreement number does not open Hai Bà Trưng's departments to Charlie.
    assert found(client_for(world.charlie), "phong lao dong", "party", **{"van-ban": programme.pk}) == set()
    assert found(client_for(world.charlie), "phong lao dong", "nothing-such") == set()

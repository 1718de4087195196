"""The demo agreements reconstruct the seeds: numbers, dates, periods, links, content areas, signatories."""

import datetime as dt

import pytest

from phoihop.accounts.choices import Role
from phoihop.core.testing import make_org, make_user
from phoihop.orgs.choices import OrgKind, OrgLevel
from phoihop.programs import demo
from phoihop.programs.choices import AgreementStatus
from phoihop.programs.models import Agreement

PROVINCE, DISTRICT = OrgLevel.PROVINCE, OrgLevel.DISTRICT
GOV = OrgKind.PEOPLE_COMMITTEE


@pytest.fixture
def ctx(db):
    """The organisations the orgs step puts in ctx, built here so this step is tested on its own."""
    orgs = {}
    for key, name, kind, level, parent in [
        ("hn_gov", "Ủy ban nhân dân thành phố Hà Nội", GOV, PROVINCE, None),
        ("hn_union", "Liên đoàn Lao động thành phố Hà Nội", OrgKind.LABOUR_FEDERATION, PROVINCE, None),
        ("hbt_gov", "Ủy ban nhân dân quận Hai Bà Trưng", GOV, DISTRICT, "hn_gov"),
        (
            "hbt_union",
            "Liên đoàn Lao động quận Hai Bà Trưng",
            OrgKind.LABOUR_FEDERATION,
            DISTRICT,
            "hn_union",
        ),
        ("md_gov", "Ủy ban nhân dân huyện Mỹ Đức", GOV, DISTRICT, "hn_gov"),
        ("md_union", "Liên đoàn Lao động huyện Mỹ Đức", OrgKind.LABOUR_FEDERATION, DISTRICT, "hn_union"),
        ("bt_gov", "Ủy ban nhân dân tỉnh Bến Tre", GOV, PROVINCE, None),
        ("bt_union", "Liên đoàn Lao động tỉnh Bến Tre", OrgKind.LABOUR_FEDERATION, PROVINCE, None),
        ("city_gov", "Ủy ban nhân dân thành phố", GOV, PROVINCE, None),
        ("city_union", "Liên đoàn Lao động thành phố", OrgKind.LABOUR_FEDERATION, PROVINCE, None),
        ("hp_union", "Liên đoàn Lao động thành phố Hải Phòng", OrgKind.LABOUR_FEDERATION, PROVINCE, None),
        ("qn_union", "Liên đoàn Lao động tỉnh Quảng Ninh", OrgKind.LABOUR_FEDERATION, PROVINCE, None),
    ]:
        orgs[key] = make_org(name, kind=kind, level=level, parent=orgs.get(parent))
    context = {"orgs": orgs}
    demo.load(context)
    return context


def test_the_hanoi_and_hai_ba_trung_programmes_are_linked_as_in_seed_000(ctx):
    a = ctx["agreements"]
    assert (a["hn_145"].number, a["hn_145"].signed_date) == ("145/CTr-UBND-LĐLĐ", dt.date(2016, 7, 28))
    assert (a["hbt_2017"].number, a["hbt_2017"].signed_date) == ("03/CTr-UBND-LĐLĐ", dt.date(2017, 6, 1))
    assert a["hbt_2017"].parent == a["hn_145"] and a["hbt_2017"].number_seq == 3
    assert a["hbt_2020"].predecessor == a["hbt_2017"] and a["hbt_2020"].signed_date == dt.date(2020, 9, 17)
    assert a["hbt_2020"].content_areas.count() == 3
    assert a["hbt_2017"].status_on(dt.date(2020, 9, 17)) == AgreementStatus.SUPERSEDED
    assert a["hbt_2020"].chain() == [a["hbt_2017"], a["hbt_2020"]]


def test_my_duc_has_two_programmes_with_four_content_areas_and_signatories(ctx):
    a = ctx["agreements"]
    assert a["md_2016"].predecessor == a["md_2011"]
    assert a["md_2016"].content_areas.count() == 4
    assert [(p.signatory_name, p.signing_prefix) for p in a["md_2016"].party_links.all()] == [
        ("Nguyễn Văn Hoạt", "TM."),
        ("Đỗ Hữu Hùng", "TM."),
    ]
    # Signed, date unknown: in force during its period, not a draft.
    assert (
        a["md_2011"].signed_date is None
        and a["md_2011"].status_on(dt.date(2013, 1, 1)) == AgreementStatus.IN_FORCE
    )


def test_ben_tre_regulations_replace_each_other(ctx):
    a = ctx["agreements"]
    assert a["bt_2024"].kind == a["bt_2018"].kind == "regulation"
    assert a["bt_2024"].predecessor == a["bt_2018"] and a["bt_2024"].signed_date == dt.date(2024, 11, 8)
    assert a["bt_2024"].status_on(dt.date(2026, 1, 1)) == AgreementStatus.IN_FORCE
    assert a["bt_2018"].status_on(dt.date(2026, 1, 1)) == AgreementStatus.SUPERSEDED


def test_city_annual_programmes_and_the_three_federations(ctx):
    a = ctx["agreements"]
    assert (a["city_2021"].period_start_year, a["city_2021"].period_end_year) == (2021, 2021)
    assert a["city_2022"].predecessor == a["city_2021"]
    assert a["fed3_2022"].party_links.count() == 3


def test_loading_twice_creates_nothing_new(ctx):
    count = Agreement.objects.count()
    demo.load({"orgs": ctx["orgs"]})
    assert Agreement.objects.count() == count == 10


def test_tasks_due_soon_show_on_the_home_page_of_a_ben_tre_user(ctx, client):
    user = make_user("bentre", ctx["orgs"]["bt_union"], Role.EDITOR)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    html = client.get("/").content.decode()
    assert "Phối hợp triển khai Dự án Nhà ở xã hội công đoàn tại Bến Tre" in html
    assert "Quy chế phối hợp hoạt động giữa Ủy ban nhân dân tỉnh" in html or "Quy chế phối hợp" in html

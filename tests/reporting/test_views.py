"""Pages: the unit's list, the entry grid with Vietnamese input, refused saves, review, history, scoping."""

from decimal import Decimal

import pytest

from phoihop.reporting import actions
from phoihop.reporting.choices import ReportStatus
from phoihop.reporting.models import DataValue, Report
from phoihop.reporting.testing import put_value


def test_alice_sees_her_report_due_and_charlie_sees_nothing(world, report, client_for):
    page = client_for(world.alice).get("/bao-cao/")
    assert page.status_code == 200 and report.get_absolute_url() in page.content.decode()
    assert client_for(world.charlie).get(report.get_absolute_url()).status_code == 404
    assert (
        report.get_absolute_url() not in client_for(world.charlie).get("/bao-cao/?tab=late").content.decode()
    )


def test_the_grid_saves_vietnamese_input_and_shows_last_period(world, form, report, client_for):
    from phoihop.reporting.models import Period
    from phoihop.reporting.testing import make_report

    last = make_report(form, world.hbt_union, Period.for_year(2020), status=ReportStatus.APPROVED)
    put_value(last, "skills_contest_participants", 3200)
    client = client_for(world.alice)
    page = client.get(report.get_absolute_url()).content.decode()
    assert "3.200" in page and "Năm 2020" in page
    response = client.post(
        report.get_absolute_url(),
        {
            "version": report.version,
            "action": "save",
            "value__good_workers:grassroots": "1.065",
            "value__skills_contest_participants": "trên 3.500",
            "value__gifts_vnd": "2,2 tỷ",
            "comment__gifts_vnd": "Quà Tết",
            "numerator__workers_conference_rate": "67",
            "denominator__workers_conference_rate": "100",
            "value__workers_conference_rate": "",
        },
    )
    assert response.status_code == 302
    values = {
        (v.indicator.code, v.option.code if v.option else None): v
        for v in DataValue.objects.filter(report=report)
    }
    assert values[("good_workers", "grassroots")].value == Decimal(1065)
    assert values[("skills_contest_participants", None)].qualifier == "trên"
    assert values[("gifts_vnd", None)].value == Decimal(2_200_000_000)
    assert values[("gifts_vnd", None)].comment == "Quà Tết"
    assert values[("workers_conference_rate", None)].value == Decimal(67)
    assert "1.065" in client.get(report.get_absolute_url()).content.decode()


def test_a_bad_cell_writes_nothing_and_says_which_cell(world, report, client_for):
    response = client_for(world.alice).post(
        report.get_absolute_url(),
        {
            "version": report.version,
            "action": "save",
            "value__good_workers:grassroots": "1.065",
            "value__good_workers:district": "nhiều",
        },
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "«nhiều» không phải là số" in body and 'value="nhiều"' in body and 'value="1.065"' in body
    assert not DataValue.objects.exists()


def test_a_concurrent_save_is_refused_and_the_typed_values_come_back(world, report, client_for):
    client = client_for(world.alice)
    stale = report.version
    client.post(
        report.get_absolute_url(),
        {"version": stale, "action": "save", "value__good_workers:grassroots": "100"},
    )
    response = client.post(
        report.get_absolute_url(),
        {"version": stale, "action": "save", "value__good_workers:grassroots": "200"},
    )
    body = response.content.decode()
    assert response.status_code == 409
    assert "CHƯA được ghi" in body and 'value="200"' in body and "Trên hệ thống" in body
    assert DataValue.objects.get().value == Decimal(100)


def test_bob_returns_with_a_reason_alice_reads_it_then_bob_approves(world, report, client_for):
    put_value(report, "good_workers", 10, "grassroots")
    actions.submit(report, world.alice, report.version)
    bob = client_for(world.bob)
    page = bob.get(report.get_absolute_url()).content.decode()
    assert "Trả lại cho đơn vị" in page and 'name="value__' not in page
    bob.post(f"/bao-cao/{report.pk}/tra-lai/", {"reason": "Thiếu số cấp quận"})
    alice = client_for(world.alice)
    assert "Thiếu số cấp quận" in alice.get(report.get_absolute_url()).content.decode()
    report.refresh_from_db()
    alice.post(
        report.get_absolute_url(),
        {"version": report.version, "action": "submit", "value__good_workers:district": "2"},
    )
    client_for(world.bob).post(f"/bao-cao/{report.pk}/duyet/")
    assert Report.objects.get(pk=report.pk).status == ReportStatus.APPROVED


@pytest.mark.parametrize(
    "url",
    ["/bao-cao/{pk}/duyet/", "/bao-cao/{pk}/tra-lai/", "/bao-cao/{pk}/mo-khoa/", "/bao-cao/{pk}/excel/"],
)
def test_charlie_cannot_touch_a_sibling_report(world, report, client_for, url):
    client = client_for(world.charlie)
    method = client.get if url.endswith("excel/") else client.post
    assert method(url.format(pk=report.pk), {"reason": "x"}).status_code == 404


def test_alice_cannot_approve_her_own_report(world, report, client_for):
    actions.submit(report, world.alice, report.version)
    client_for(world.alice).post(f"/bao-cao/{report.pk}/duyet/")
    assert Report.objects.get(pk=report.pk).status == ReportStatus.SUBMITTED


def test_value_history_is_visible_on_the_value(world, report, client_for):
    dv = put_value(report, "good_workers", 1, "grassroots")
    report.refresh_from_db()
    from phoihop.reporting.testing import option
    from phoihop.reporting.values import Entry

    actions.save_values(
        report,
        world.alice,
        [
            Entry(
                indicator=dv.indicator, option=option("recognition_level", "grassroots"), value=Decimal(1065)
            )
        ],
        report.version,
        reason="Đối chiếu sổ",
    )
    body = client_for(world.alice).get(f"/bao-cao/so-lieu/{dv.pk}/lich-su/").content.decode()
    assert "Đối chiếu sổ" in body and "1.065" in body and "alice" in body
    assert client_for(world.charlie).get(f"/bao-cao/so-lieu/{dv.pk}/lich-su/").status_code == 404


def test_management_pages_answer_and_stay_in_scope(world, form, report, client_for):
    bob = client_for(world.bob)
    for url in [
        "/bao-cao/bieu-mau/",
        f"/bao-cao/bieu-mau/{form.pk}/",
        "/bao-cao/chi-tieu-ke-hoach/",
        "/bao-cao/ty-le-nop/",
        "/bao-cao/danh-muc-chi-tieu/",
        "/bao-cao/nhap-excel/",
    ]:
        assert bob.get(url).status_code == 200, url
    assert (
        client_for(world.charlie).get("/bao-cao/ty-le-nop/").content.decode().count(form.name) == 1
    )  # the filter only
    assert client_for(world.alice).get("/bao-cao/danh-muc-chi-tieu/moi/").status_code == 403
    assert client_for(world.admin).get("/bao-cao/danh-muc-chi-tieu/moi/").status_code == 200


def test_an_administrator_adds_an_indicator(world, client_for):
    response = client_for(world.admin).post(
        "/bao-cao/danh-muc-chi-tieu/moi/",
        {"code": "social_housing_units", "name": "Căn nhà ở xã hội công đoàn", "theme": "welfare", "value_type": "count",
         "unit": "house", "aggregation": "sum", "order": 0, "is_active": "on"},
    )  # fmt: skip
    assert response.status_code == 302
    assert "social_housing_units" in client_for(world.bob).get("/bao-cao/danh-muc-chi-tieu/").content.decode()


def test_a_form_is_issued_and_its_reports_handed_out(world, client_for):
    from phoihop.core.testing import make_user

    editor = make_user("city_editor", world.city_union)
    client = client_for(editor)
    response = client.post(
        "/bao-cao/bieu-mau/moi/",
        {"code": "bieu-quy", "name": "Báo cáo quý", "period_kind": "quarter", "owner": world.city_union.pk,
         "indicators_in_order": [], "reporting_levels": ["district"], "opens_after_days": -10, "deadline_days": 10,
         "late_after_days": 0, "is_active": "on"},
    )  # fmt: skip
    assert response.status_code == 200  # indicators are required
    from phoihop.reporting.models import Indicator, ReportForm

    data = {"code": "bieu-quy", "name": "Báo cáo quý", "period_kind": "quarter", "owner": world.city_union.pk,
            "indicators_in_order": [Indicator.objects.get(code="meals_served").pk], "reporting_levels": ["district"],
            "opens_after_days": -10, "deadline_days": 10, "late_after_days": 0, "is_active": "on"}  # fmt: skip
    assert client.post("/bao-cao/bieu-mau/moi/", data).status_code == 302
    form = ReportForm.objects.get(code="bieu-quy")
    client.post(f"/bao-cao/bieu-mau/{form.pk}/giao-bao-cao/", {"kind": "quarter", "year": 2022, "part": 2})
    assert {r.organization for r in form.reports.all()} == {world.hbt_union, world.md_union}
    assert form.reports.first().period.label == "quý II năm 2022"


def test_home_page_lists_what_is_due(world, report, client_for):
    body = client_for(world.alice).get("/").content.decode()
    assert report.get_absolute_url() in body

"""The pivot page, its exports, the API and the dashboards: figures, formats, files and scoping."""

import csv
import io
import warnings

import pytest
from openpyxl import load_workbook

from phoihop.analytics import charts
from phoihop.analytics import testing as t
from phoihop.analytics.models import Campaign
from phoihop.reporting.choices import ReportStatus

PIVOT = "/tong-hop/"


@pytest.fixture
def data(world):
    t.value(world.hbt_grassroots, "good_workers", "2018", 1065, "grassroots")
    t.value(world.hbt_union, "good_workers", "2018", 145, "district")
    t.value(world.hbt_union, "good_workers", "2019", 9, "city")
    t.value(world.md_union, "good_workers", "2018", 111)
    t.value(world.md_union, "good_workers", "2019", 40, status=ReportStatus.SUBMITTED)
    return world


def by_district(**extra):
    params = {
        "ind": "good_workers",
        "level": "district",
        "kind": "year",
        "from": "2018",
        "to": "2019",
        "rows": "organization",
        "cols": "period",
        **extra,
    }
    return "&".join(f"{k}={v}" for k, v in params.items())


def test_the_pivot_shows_units_by_period_with_totals_in_vietnamese_format(data, client_for):
    html = client_for(data.bob).get(f"{PIVOT}?{by_district()}").content.decode()
    assert '<th scope="row">Liên đoàn Lao động quận Hai Bà Trưng</th><td class="num">1.210</td>' in html
    assert '<td class="num total">1.219</td>' in html  # Hai Bà Trưng, 2018 and 2019
    assert '<td class="num">1.321</td><td class="num">9</td><td class="num">1.330</td></tr></tfoot>' in html


def test_submitted_figures_are_added_only_when_asked(data, client_for):
    html = client_for(data.bob).get(f"{PIVOT}?{by_district(submitted=1)}").content.decode()
    assert '<td class="num">1.321</td><td class="num">49</td><td class="num">1.370</td></tr></tfoot>' in html


def test_the_shareable_link_reproduces_the_view(data, client_for):
    client = client_for(data.bob)
    first = client.get(f"{PIVOT}?{by_district(measure='value')}")
    link = first.context["share_url"]
    assert "ind=good_workers" in link and "level=district" in link and "rows=organization" in link
    again = client.get(link.split("testserver", 1)[1])
    assert again.context["grid"][0]["total_text"] == first.context["grid"][0]["total_text"] == "1.219"


def test_the_page_answers_htmx_with_the_result_only(data, client_for):
    response = client_for(data.bob).get(f"{PIVOT}?{by_district()}", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert 'id="pivot-table"' in html and "<form" not in html


def test_the_pivot_page_runs_a_bounded_number_of_queries(data, client_for, django_assert_max_num_queries):
    client = client_for(data.bob)
    client.get(f"{PIVOT}?{by_district()}")  # absorbs the pending changes first
    with django_assert_max_num_queries(20):
        response = client.get(f"{PIVOT}?{by_district(measure='achievement')}")
    assert response.status_code == 200


def test_bad_choices_get_400_with_a_vietnamese_message(data, client_for):
    client = client_for(data.bob)
    response = client.get(f"{PIVOT}?{by_district()}".replace("from=2018&to=2019", "from=2020&to=2016"))
    assert response.status_code == 400
    assert "đứng sau kỳ" in response.content.decode()
    response = client.get(f"{PIVOT}?ind=khong_co&from=2018&to=2019")
    assert response.status_code == 400 and "Không có chỉ tiêu mã «khong_co»" in response.content.decode()
    response = client.get(f"{PIVOT}?{by_district(rows='period')}")
    assert response.status_code == 400 and "hai chiều khác nhau" in response.content.decode()


def test_xlsx_export_holds_the_table_as_numbers(data, client_for):
    response = client_for(data.bob).get(f"/tong-hop/xuat.xlsx?{by_district()}")
    assert response["Content-Disposition"].startswith('attachment; filename="tong-hop-')
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0][0] == "Bảng tổng hợp số liệu"
    header = next(r for r in rows if r[0] == "Đơn vị \\ Kỳ")
    assert header[1:] == ["2018", "2019", "Tổng cộng"]
    body = {r[0]: r[1:4] for r in rows[rows.index(header) + 1 :]}
    assert body["Liên đoàn Lao động quận Hai Bà Trưng"] == [1210, 9, 1219]
    assert body["Liên đoàn Lao động huyện Mỹ Đức"] == [111, None, 111]
    assert body["Tổng cộng"] == [1321, 9, 1330]
    assert any("Chỉ tiêu: Công nhân giỏi" == r[0] for r in rows)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_export_from_an_english_page_is_the_same_vietnamese_file(data, client_for, fmt):
    from django.conf import settings

    client = client_for(data.bob)
    url = f"/tong-hop/xuat.{fmt}?{by_district(rows='indicator', cols='period')}"
    vietnamese = client.get(url).content
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get(url).content
    if fmt == "xlsx":
        vietnamese, english = (
            [[c.value for row in ws.iter_rows() for c in row] for ws in load_workbook(io.BytesIO(b))]
            for b in (vietnamese, english)
        )
    assert english == vietnamese


def test_csv_export_opens_in_vietnamese_excel(data, client_for):
    t.value(data.hbt_union, "workers_conference_rate", "2018", 67.5, numerator=27, denominator=40)
    response = client_for(data.bob).get(f"/tong-hop/xuat.csv?{by_district(ind='workers_conference_rate')}")
    raw = response.content
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Đơn vị", "2018", "2019", "Tổng cộng"]
    assert rows[1] == ["Liên đoàn Lao động quận Hai Bà Trưng", "67,5", "", "67,5"]


def test_charlie_sees_nothing_of_hai_ba_trung_in_pages_exports_and_api(data, client_for):
    client = client_for(data.charlie)
    hbt = data.hbt_union.pk
    assert client.get(f"{PIVOT}?ind=good_workers&org={hbt}&from=2018&to=2019").status_code == 404
    assert client.get(f"/tong-hop/xuat.xlsx?ind=good_workers&org={hbt}&from=2018&to=2019").status_code == 404
    assert client.get(f"/tong-hop/bieu-do/don-vi/{hbt}/").status_code == 404
    assert client.get(f"/tong-hop/bieu-do/van-ban/{data.hbt_programme.pk}/").status_code == 404
    api = client.get(f"/api/v1/analytics/pivot?ind=good_workers&org={hbt}&from=2018&to=2019")
    assert api.status_code == 404
    posted = client.post(
        "/api/v1/analytics/query",
        {"indicators": ["good_workers"], "organizations": [hbt], "periods": ["2018"]},
        content_type="application/json",
    )
    assert posted.status_code == 404
    own = client.get(
        f"{PIVOT}?ind=good_workers&from=2018&to=2019&rows=organization&cols=period"
    ).content.decode()
    assert "Hai Bà Trưng" not in own.split('id="pivot-result"')[1]
    assert "111" in own


def test_the_api_answers_pivots_and_queries_within_the_callers_scope(data, client_for):
    client = client_for(data.bob)
    pivot = client.get(f"/api/v1/analytics/pivot?{by_district()}").json()
    assert pivot["rows"][0] == {
        "key": data.hbt_union.pk,
        "label": "Liên đoàn Lao động quận Hai Bà Trưng",
        "cells": [1210, 9],
        "total": 1219,
    }
    assert pivot["grand_total"] == 1330 and pivot["count"] == 2
    assert pivot["link"].startswith("/tong-hop/?ind=good_workers")
    body = {
        "indicators": ["good_workers"],
        "periods": ["2018"],
        "group_by": ["option", "organization"],
        "level": "district",
    }
    result = client.post("/api/v1/analytics/query?limit=1", body, content_type="application/json").json()
    assert result["count"] == 3 and len(result["rows"]) == 1
    assert result["rows"][0]["key"]["option"] == "grassroots" and result["rows"][0]["value"] == 1065
    assert {r["key"].get("option"): r["value"] for r in result["totals"]} == {
        "grassroots": 1065,
        "district": 145,
        "": 111,
    }


def test_the_api_refuses_bad_and_oversized_questions_in_vietnamese(data, client_for):
    client = client_for(data.bob)
    bad = client.post(
        "/api/v1/analytics/query",
        {"indicators": ["good_workers"], "periods": ["2018"], "group_by": ["tinh"]},
        content_type="application/json",
    )
    assert bad.status_code == 400 and bad.json()["field"] == "group_by" and "không có" in bad.json()["detail"]
    months = [f"{y}-{m:02d}" for y in range(1945, 2024) for m in range(1, 13)]
    huge = client.post(
        "/api/v1/analytics/query",
        {
            "indicators": ["good_workers", "gifts_count"],
            "periods": months,
            "group_by": ["indicator", "period", "organization"],
            "level": "grassroots",
        },
        content_type="application/json",
    )
    assert huge.status_code in (200, 400)
    codes = [
        "good_workers",
        "gifts_count",
        "members_recruited",
        "gifts_vnd",
        "meals_served",
        "loans_vnd",
        "union_shelters",
        "inspections",
        "officials_trained",
        "donations_vnd",
        "dedicated_works",
    ]
    huge = client.post(
        "/api/v1/analytics/query",
        {
            "indicators": codes,
            "periods": months,
            "group_by": ["indicator", "period", "organization"],
            "organizations": [data.hbt_union.pk, data.md_union.pk],
        },
        content_type="application/json",
    )
    assert huge.status_code == 400 and "giới hạn 20.000 ô" in huge.json()["detail"]


def test_dashboards_show_figures_and_charts_download_as_png(data, client_for):
    client = client_for(data.bob)
    index = client.get("/tong-hop/bieu-do/").content.decode()
    assert "03/CTr-UBND-LĐLĐ" in index
    unit = client.get(f"/tong-hop/bieu-do/don-vi/{data.city_union.pk}/?from=2017&to=2019").content.decode()
    assert "1.065 / 145 / 9 (cấp cơ sở / cấp quận, huyện / cấp thành phố, tỉnh)" in unit
    assert "data:image/svg+xml;base64," in unit
    png = client.get(
        f"/tong-hop/bieu-do/don-vi/{data.city_union.pk}/?from=2017&to=2019&chart=children&format=png"
    )
    assert png["Content-Type"] == "image/png" and png.content.startswith(b"\x89PNG")
    bad = client.get(f"/tong-hop/bieu-do/don-vi/{data.city_union.pk}/?from=2020&to=2017")
    assert bad.status_code == 400 and "sau năm kết thúc" in bad.content.decode()


def test_an_english_dashboard_names_indicators_and_years_in_english_in_the_page_and_the_charts(
    data, client_for
):
    import base64
    import re

    from django.conf import settings

    client = client_for(data.bob)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    good_workers = t.indicator("good_workers")
    url = f"/tong-hop/bieu-do/don-vi/{data.city_union.pk}/?from=2017&to=2019&ind=good_workers"
    html = client.get(url).content.decode()
    assert good_workers.name_en in html and "2017–2019 period" in html
    assert "giai đoạn 2017-2019" not in html
    charts_svg = " ".join(
        base64.b64decode(uri).decode()
        for uri in re.findall(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)", html)
    )
    assert f"{good_workers.name_en} by subordinate unit" in html
    assert good_workers.name_en in charts_svg and "2017–2019 period" in charts_svg
    assert good_workers.name not in charts_svg and "theo đơn vị trực thuộc" not in html


def test_a_campaign_board_compares_units_with_their_targets_and_the_common_one(world, client_for):
    from phoihop.core.testing import make_org

    hp = make_org("Liên đoàn Lao động thành phố Hải Phòng", level="province")
    for org, number in ((world.city_union, 51500), (hp, 18500)):
        t.value(org, "initiatives_registered", "2022-H1", number)
    t.target(world.city_union, "initiatives_registered", "2022-H1", 60000)
    campaign = Campaign.objects.create(
        title="Chương trình 1 triệu sáng kiến",
        slug="1-trieu",
        indicator=t.indicator("initiatives_registered"),
        period=t.period("2022-H1"),
        owner=world.city_union,
        target=1_000_000,
    )
    campaign.organizations.set([world.city_union, hp])
    html = client_for(world.admin).get("/tong-hop/bieu-do/phong-trao/1-trieu/").content.decode()
    assert '<strong id="campaign-total">70.000</strong>' in html
    assert "7%" in html and "85,83%" in html and "51.500" in html and "18.500" in html
    # Charlie's district takes part through the city: he sees the board, but only his own district's figures.
    seen = client_for(world.charlie).get("/tong-hop/bieu-do/phong-trao/1-trieu/").content.decode()
    assert "51.500" not in seen and "18.500" not in seen
    assert "Chưa có số liệu đã duyệt trong phạm vi của bạn" in seen


def test_participants_see_each_others_campaign_totals_and_nothing_below_them(world, client_for):
    from phoihop.accounts.choices import Role
    from phoihop.core.testing import make_org, make_user

    hp = make_org("Liên đoàn Lao động thành phố Hải Phòng", level="province")
    hp_district = make_org("Liên đoàn Lao động quận Lê Chân", parent=hp)
    qn = make_org("Liên đoàn Lao động tỉnh Quảng Ninh", level="province")
    outsider = make_org("Liên đoàn Lao động tỉnh Nam Định", level="province")
    for org, number in ((world.city_union, 51500), (hp, 18500), (qn, 5852), (outsider, 999)):
        t.value(org, "initiatives_registered", "2022-H1", number)
    t.value(hp_district, "good_workers", "2022-H1", 4321)
    campaign = Campaign.objects.create(
        title="Chương trình 1 triệu sáng kiến",
        slug="1-trieu",
        indicator=t.indicator("initiatives_registered"),
        period=t.period("2022-H1"),
        owner=hp,
        target=1_000_000,
    )
    campaign.organizations.set([world.city_union, hp, qn])
    url = "/tong-hop/bieu-do/phong-trao/1-trieu/"
    hp_user = make_user("haiphong.duyet", hp, Role.APPROVER)
    for user in (world.bob, hp_user):  # each speaks for a participant
        html = client_for(user).get(url).content.decode()
        assert '<strong id="campaign-total">75.852</strong>' in html
        assert all(figure in html for figure in ("51.500", "18.500", "5.852"))
        assert "Lê Chân" not in html and "999" not in html and "4.321" not in html
        assert "Chỉ tính phần số liệu thuộc phạm vi đơn vị của bạn" not in html
    # A unit below a participant sees its own part only; a federation outside the campaign sees no board.
    alice = client_for(world.alice).get(url).content.decode()
    assert "51.500" not in alice and "18.500" not in alice
    nd_user = make_user("namdinh.duyet", outsider, Role.APPROVER)
    assert client_for(nd_user).get(url).status_code == 404
    # The pivot still keeps Hải Phòng's figures from Hà Nội: only the board shares the totals.
    pivot = client_for(world.bob).get(
        "/api/v1/analytics/pivot", {"ind": "initiatives_registered", "org": hp.pk}
    )
    assert pivot.status_code == 404 and "trong phạm vi của bạn" in pivot.json()["detail"]


def test_pages_need_a_login(client, db):
    assert client.get(PIVOT).status_code == 302
    assert client.get("/api/v1/analytics/pivot?ind=good_workers").status_code == 401


def test_charts_render_vietnamese_text_without_missing_glyphs():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        svg = charts.bar_chart(
            ["Hà Nội", "Hải Phòng", "Quảng Ninh"],
            {"Sáng kiến đăng ký": [51500, 18500, 5852]},
            title="Chương trình 1 triệu sáng kiến",
            target=1_000_000,
            fmt="svg",
        ).decode()
        png = charts.stacked_chart(["Công nhân giỏi"], {"cấp cơ sở": [1065], "cấp quận, huyện": [145]})
        line = charts.line_chart(["2017", "2018"], {"Tỷ lệ": [67, 74]}, percent=True, fmt="svg").decode()
    assert "Chương trình 1 triệu sáng kiến" in svg and "Quảng Ninh" in svg and "1.000.000" in svg
    assert "DejaVu Sans" in svg or "Liberation Sans" in svg
    assert png.startswith(b"\x89PNG") and len(png) > 5000
    assert "%</text>" in line


def test_campaigns_are_saved_through_the_action_with_scoping_and_a_change_log(world):
    from django.core.exceptions import PermissionDenied

    from phoihop.analytics.actions import CampaignError, save_campaign
    from phoihop.core.models import ChangeLogEntry

    fields = {
        "slug": "thi-dua",
        "title": "Thi đua Hai Bà Trưng",
        "indicator": t.indicator("initiatives_registered"),
        "period": t.period("2022-H1"),
        "owner": world.hbt_union,
        "organizations": [world.hbt_grassroots],
    }
    with pytest.raises(PermissionDenied):
        save_campaign(world.charlie, **fields)
    with pytest.raises(CampaignError, match="đơn vị tham gia"):
        save_campaign(world.alice, **{**fields, "organizations": []})
    campaign = save_campaign(world.alice, **fields, target=500)
    assert list(campaign.organizations.all()) == [world.hbt_grassroots]
    assert ChangeLogEntry.objects.filter(
        object_id=str(campaign.pk), action="create", user=world.alice
    ).exists()

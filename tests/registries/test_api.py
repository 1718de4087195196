"""The registries API: same scoping, parsing and checks as the pages; charlie gets 404 for Hai Bà Trưng."""

import datetime as dt
import io

import openpyxl
import pytest

from phoihop.accounts.models import ApiToken
from phoihop.registries import testing as t
from phoihop.registries.models import Initiative

BASE = "/api/v1/registries"


@pytest.fixture
def api(client):
    def as_user(user):
        _, key = ApiToken.issue(user, "thử nghiệm")
        client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {key}"
        return client

    return as_user


def test_registries_are_listed_with_counts_and_columns(hbt, api):
    t.make_initiative(hbt.enterprise)
    data = api(hbt.alice).get(f"{BASE}/").json()
    initiatives = next(r for r in data if r["slug"] == "sang-kien")
    assert initiatives["count"] == 1 and "initiatives_recognised" in initiatives["indicators"]
    assert {"name": "title", "label": "Tên sáng kiến", "kind": "text", "required": True} in initiatives[
        "columns"
    ]
    assert next(r for r in api(hbt.charlie).get(f"{BASE}/").json() if r["slug"] == "sang-kien")["count"] == 0


def test_search_and_filters_through_the_api(hbt, api):
    t.make_initiative(hbt.enterprise, "Cải tiến máy cắt vải", level="district")
    t.make_initiative(hbt.enterprise, "Giải pháp tiết kiệm điện", level="grassroots")
    client = api(hbt.bob)
    found = client.get(f"{BASE}/sang-kien", {"q": "may cat"}).json()
    assert found["count"] == 1 and found["items"][0]["values"]["recognition_level"] == "district"
    assert found["items"][0]["display"]["recognition_level"] == "Cấp quận, huyện"
    assert client.get(f"{BASE}/sang-kien", {"recognition_level": "grassroots"}).json()["count"] == 1


def test_create_update_delete_and_vietnamese_errors(hbt, api):
    client = api(hbt.alice)
    created = client.post(
        f"{BASE}/sang-kien",
        {"title": "Cải tiến khuôn ép", "authors": "Lê C", "unit": hbt.enterprise.pk, "recognised_date": "2019-05-12",
         "recognition_level": "grassroots", "benefit_vnd": 1500000},
        content_type="application/json",
    )  # fmt: skip
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    assert created.json()["values"]["unit"] == {"id": hbt.enterprise.pk, "name": hbt.enterprise.name}
    bad = client.post(
        f"{BASE}/sang-kien",
        {"title": "Cải tiến khuôn ép.", "authors": "X", "unit": hbt.enterprise.pk},
        content_type="application/json",
    )
    assert bad.status_code == 422 and "đã được đăng ký" in bad.json()["errors"]["title"]
    patched = client.patch(
        f"{BASE}/sang-kien/{pk}", {"benefit_vnd": "2,5 tỷ"}, content_type="application/json"
    )
    assert patched.status_code == 200 and patched.json()["values"]["benefit_vnd"] == 2_500_000_000
    assert Initiative.objects.get().title == "Cải tiến khuôn ép"
    negative = client.patch(f"{BASE}/sang-kien/{pk}", {"benefit_vnd": -5}, content_type="application/json")
    assert negative.status_code == 422 and "không được âm" in negative.json()["errors"]["benefit_vnd"]
    assert client.delete(f"{BASE}/sang-kien/{pk}").status_code == 204
    assert not Initiative.objects.exists()


def test_charlie_gets_404_for_hai_ba_trung_records(hbt, api):
    obj = t.make_initiative(hbt.enterprise)
    client = api(hbt.charlie)
    assert client.get(f"{BASE}/sang-kien/{obj.pk}").status_code == 404
    assert (
        client.patch(
            f"{BASE}/sang-kien/{obj.pk}", {"title": "x"}, content_type="application/json"
        ).status_code
        == 404
    )
    assert client.delete(f"{BASE}/sang-kien/{obj.pk}").status_code == 404
    assert client.get(f"{BASE}/sang-kien").json()["count"] == 0
    assert client.get(f"{BASE}/leaderboard", {"organization": hbt.hbt_union.pk}).status_code == 404
    assert client.get(f"{BASE}/unknown").status_code == 404
    created = client.post(
        f"{BASE}/sang-kien",
        {"title": "x", "authors": "y", "unit": hbt.enterprise.pk},
        content_type="application/json",
    )
    assert created.status_code == 422 and "phạm vi" in created.json()["errors"]["unit"]
    assert Initiative.objects.count() == 1


def test_import_preview_then_commit_through_the_api(hbt, api):
    book = openpyxl.Workbook()
    book.active.append(["Tên sáng kiến", "Tác giả", "Đơn vị", "Ngày công nhận", "Cấp công nhận"])
    book.active.append(
        ["Giải pháp tiết kiệm điện", "Lê C", hbt.enterprise.name, dt.date(2019, 5, 12), "Cấp cơ sở"]
    )
    out = io.BytesIO()
    book.save(out)
    client = api(hbt.alice)

    def upload(commit):
        return client.post(
            f"{BASE}/sang-kien/import",
            {"file": io.BytesIO(out.getvalue()), "commit": "true" if commit else "false"},
        )

    preview = upload(False).json()
    assert preview["new"] == 1 and preview["committed"] is False and not Initiative.objects.exists()
    assert upload(True).json()["committed"] is True and Initiative.objects.count() == 1
    again = upload(True).json()
    assert again["same"] == 1 and again["new"] == 0 and Initiative.objects.count() == 1
    broken = client.post(f"{BASE}/sang-kien/import", {"file": io.BytesIO(b"nope")})
    assert broken.status_code == 400 and "Excel" in broken.json()["detail"]


def test_export_and_comparison_endpoints(hbt, api):
    from phoihop.reporting.models import Period

    t.make_initiative(hbt.enterprise, "Cải tiến máy cắt vải")
    client = api(hbt.alice)
    response = client.get(f"{BASE}/sang-kien/export")
    assert (
        openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[0]["B2"].value
        == "Cải tiến máy cắt vải"
    )
    lines = client.get(
        f"{BASE}/comparison", {"organization": hbt.hbt_union.pk, "period": Period.for_year(2019).pk}
    ).json()
    assert {
        "indicator": "initiatives_recognised",
        "option": "grassroots",
        "status": "registry_only",
    }.items() <= lines[0].items()
    assert (
        api(hbt.charlie)
        .get(f"{BASE}/comparison", {"organization": hbt.hbt_union.pk, "period": 1})
        .status_code
        == 404
    )

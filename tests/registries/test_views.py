"""Pages of the registries: lists with search and filters, forms, Excel, reports; charlie sees nothing of HBT."""

import datetime as dt
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from phoihop.registries import testing as t
from phoihop.registries.compute import recompute_all
from phoihop.registries.models import ImportBatch, Initiative
from phoihop.registries.registry import all_registries

from .test_excel import SAMPLES

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_home_lists_every_registry_with_counts_in_scope(hbt, client_for):
    t.make_initiative(hbt.enterprise, "Cải tiến máy cắt vải")
    t.make_initiative(hbt.md_enterprise, "Giải pháp tiết kiệm điện")
    page = client_for(hbt.alice).get(reverse("registries:home")).content.decode()
    for registry in all_registries():
        assert registry.title in page
    assert 'data-registry="sang-kien">1<' in page


@pytest.mark.parametrize("slug", sorted(SAMPLES))
def test_every_list_and_detail_page_renders_and_hides_hbt_from_charlie(hbt, client, slug):
    obj = SAMPLES[slug](hbt)
    client.force_login(hbt.alice)
    listing = client.get(reverse("registries:list", args=[slug]))
    assert listing.status_code == 200
    assert reverse("registries:detail", args=[slug, obj.pk]) in listing.content.decode()
    assert client.get(reverse("registries:detail", args=[slug, obj.pk])).status_code == 200
    assert client.get(reverse("registries:create", args=[slug])).status_code == 200
    assert client.get(reverse("registries:edit", args=[slug, obj.pk])).status_code == 200
    client.force_login(hbt.charlie)
    assert (
        reverse("registries:detail", args=[slug, obj.pk])
        not in client.get(reverse("registries:list", args=[slug])).content.decode()
    )
    assert client.get(reverse("registries:detail", args=[slug, obj.pk])).status_code == 404
    assert client.get(reverse("registries:edit", args=[slug, obj.pk])).status_code == 404
    assert client.post(reverse("registries:delete", args=[slug, obj.pk])).status_code == 404
    assert type(obj).objects.filter(pk=obj.pk).exists()


def test_search_ignores_diacritics_and_filters_combine(hbt, client_for):
    t.make_initiative(hbt.enterprise, "Cải tiến máy cắt vải tự động", level="district")
    t.make_initiative(hbt.enterprise, "Giải pháp tiết kiệm điện năng", level="grassroots")
    client = client_for(hbt.alice)
    url = reverse("registries:list", args=["sang-kien"])
    page = client.get(url, {"q": "MAY CAT vai"}).content.decode()
    assert "Cải tiến máy cắt vải tự động" in page and "tiết kiệm" not in page
    page = client.get(url, {"recognition_level": "grassroots"}).content.decode()
    assert "tiết kiệm điện" in page and "máy cắt" not in page
    assert (
        "1 sáng kiến" in client.get(url, {"year": "2019", "recognition_level": "district"}).content.decode()
    )


def test_the_list_page_makes_a_fixed_number_of_queries(hbt, client_for):
    client = client_for(hbt.alice)
    url = reverse("registries:list", args=["sang-kien"])
    t.make_initiative(hbt.enterprise)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(30):
        t.make_initiative(hbt.enterprise)
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)


def test_alice_creates_edits_and_deletes_through_the_forms(hbt, client_for):
    client = client_for(hbt.alice)
    response = client.post(
        reverse("registries:create", args=["sang-kien"]),
        {"title": "Cải tiến khuôn ép", "authors": "Lê Văn C", "unit": hbt.enterprise.name, "field": "technical",
         "recognised_date": "12/5/2019", "recognition_level": "grassroots", "benefit_vnd": "1.500.000"},
    )  # fmt: skip
    obj = Initiative.objects.get()
    assert response.status_code == 302 and obj.benefit_vnd == 1_500_000
    detail = client.get(response["Location"]).content.decode()
    assert "1.500.000 đ" in detail and "12/5/2019" in detail
    edit = reverse("registries:edit", args=["sang-kien", obj.pk])
    form = client.get(edit).content.decode()
    assert 'value="1.500.000"' in form and 'value="12/5/2019"' in form
    client.post(
        edit,
        {
            "title": "Cải tiến khuôn ép nhựa",
            "authors": "Lê Văn C",
            "unit": hbt.enterprise.name,
            "field": "technical",
        },
    )
    obj.refresh_from_db()
    assert obj.title == "Cải tiến khuôn ép nhựa" and obj.recognised_date is None
    client.post(reverse("registries:delete", args=["sang-kien", obj.pk]))
    assert not Initiative.objects.exists()


def test_a_bad_form_says_what_to_fix_in_vietnamese(hbt, client_for):
    response = client_for(hbt.alice).post(
        reverse("registries:create", args=["cho-vay"]),
        {"lender": hbt.hbt_union.name, "borrower": hbt.hbt_grassroots.name, "amount_vnd": "100 triệu",
         "disbursed_date": "1/3/2019", "term_months": "24", "repaid_vnd": "150 triệu"},
    )  # fmt: skip
    assert response.status_code == 400
    assert "vượt số tiền vay" in response.content.decode()


def test_excel_export_is_scoped_and_import_goes_through_preview(hbt, client_for):
    t.make_initiative(hbt.enterprise, "Cải tiến máy cắt vải")
    t.make_initiative(hbt.md_enterprise, "Giải pháp của Mỹ Đức")
    client = client_for(hbt.alice)
    response = client.get(reverse("registries:export", args=["sang-kien"]))
    assert response["Content-Type"] == XLSX
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    titles = [row[1] for row in book.worksheets[0].iter_rows(min_row=2, values_only=True)]
    assert titles == ["Cải tiến máy cắt vải"]
    book.worksheets[0].append([None, "Giải pháp mới", "Trần D", hbt.enterprise.name])
    out = io.BytesIO()
    book.save(out)
    upload = SimpleUploadedFile("sang-kien.xlsx", out.getvalue(), content_type=XLSX)
    response = client.post(reverse("registries:import", args=["sang-kien"]), {"file": upload})
    batch = ImportBatch.objects.get()
    assert response["Location"] == reverse("registries:import_preview", args=["sang-kien", batch.pk])
    preview = client.get(response["Location"]).content.decode()
    assert "Ghi vào sổ" in preview and batch.summary["new"] == 1 and batch.summary["same"] == 1
    assert Initiative.objects.count() == 2
    client_for(hbt.charlie)
    assert client.get(reverse("registries:import_preview", args=["sang-kien", batch.pk])).status_code == 404
    client_for(hbt.alice)
    client.post(reverse("registries:import_preview", args=["sang-kien", batch.pk]))
    assert Initiative.objects.count() == 3
    batch.refresh_from_db()
    assert batch.status == "committed"


def test_leaderboard_ranks_units_against_targets(hbt, client_for):
    movement = t.make_movement(hbt.city_union, "Chương trình 1 triệu sáng kiến", start=dt.date(2021, 9, 1))
    t.make_participant(movement, hbt.hbt_union, target=4, cluster="Cụm nội thành")
    t.make_participant(movement, hbt.md_union, target=2, cluster="Cụm ngoại thành")
    for i in range(3):
        t.make_initiative(
            hbt.enterprise,
            f"Sáng kiến số {i} của Hai Bà Trưng",
            level="",
            registered_date=dt.date(2022, 1, 5),
            movement=movement,
        )
    for i in range(2):
        t.make_initiative(
            hbt.md_enterprise,
            f"Sáng kiến số {i} của Mỹ Đức",
            level="",
            registered_date=dt.date(2022, 1, 5),
            movement=movement,
        )
    page = (
        client_for(hbt.bob)
        .get(reverse("registries:leaderboard"), {"org": hbt.city_union.pk, "movement": movement.pk})
        .content.decode()
    )
    page = page[page.index('id="leaderboard"') :]
    assert page.index("Liên đoàn Lao động huyện Mỹ Đức") < page.index("Liên đoàn Lao động quận Hai Bà Trưng")
    assert "100%" in page and "75%" in page
    clusters = (
        client_for(hbt.bob)
        .get(
            reverse("registries:leaderboard"),
            {"org": hbt.city_union.pk, "movement": movement.pk, "by": "cluster"},
        )
        .content.decode()
    )
    assert "Cụm ngoại thành" in clusters and "Cụm nội thành" in clusters
    assert (
        client_for(hbt.charlie).get(reverse("registries:leaderboard"), {"org": hbt.hbt_union.pk}).status_code
        == 404
    )


def test_comparison_flags_a_typed_figure_the_registry_does_not_back(hbt, client_for):
    from phoihop.reporting.models import DataValue, DisaggregationOption, Indicator, Period

    period = Period.for_year(2019)
    for _ in range(3):
        t.make_recognition(hbt.enterprise, level="grassroots")
    t.make_initiative(hbt.enterprise, level="grassroots")
    recompute_all()
    good, initiatives = (
        Indicator.objects.get(code="good_workers"),
        Indicator.objects.get(code="initiatives_recognised"),
    )
    grassroots = DisaggregationOption.objects.get(disaggregation__code="recognition_level", code="grassroots")
    DataValue.objects.create(
        indicator=good, organization=hbt.hbt_union, period=period, option=grassroots, value=3
    )
    DataValue.objects.create(
        indicator=initiatives, organization=hbt.hbt_union, period=period, option=grassroots, value=5
    )
    page = client_for(hbt.alice).get(
        reverse("registries:comparison"), {"org": hbt.hbt_union.pk, "period": period.pk}
    )
    html = page.content.decode()
    assert "1 chỉ tiêu khác nhau" in html
    assert html.count("cmp-equal") == 1 and html.count("cmp-different") == 1
    assert (
        client_for(hbt.charlie).get(reverse("registries:comparison"), {"org": hbt.hbt_union.pk}).status_code
        == 404
    )


def test_the_commendation_list_prints_and_downloads_as_pdf(hbt, client_for):
    from pypdf import PdfReader

    decision = t.make_commendation(
        hbt.hbt_union, hbt.hbt_gov, decision_number="2154/QĐ-UBND", decision_date=dt.date(2020, 9, 15)
    )
    t.make_recipient(decision, hbt.enterprise, achievement="Hoàn thành xuất sắc nhiệm vụ")
    t.make_recipient(
        decision,
        hbt.department,
        kind="individual",
        person_name="Nguyễn Thị Kim Dung",
        person_title="Chuyên viên",
    )
    client = client_for(hbt.alice)
    html = client.get(reverse("registries:commendation_print", args=[decision.pk])).content.decode()
    assert "Kèm theo Quyết định số" in html and "2154/QĐ-UBND" in html and "15/9/2020" in html
    assert "I. Tập thể (1)" in html and "II. Cá nhân (1)" in html
    response = client.get(reverse("registries:commendation_pdf", args=[decision.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(
        " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages).split()
    )
    assert (
        "2154/QĐ-UBND" in text
        and "Nguyễn Thị Kim Dung" in text
        and "Công ty Cổ phần Dệt may Hai Bà Trưng" in text
    )
    assert (
        client_for(hbt.charlie).get(reverse("registries:commendation_pdf", args=[decision.pk])).status_code
        == 404
    )


def test_loan_and_workplace_details_show_what_is_derived(hbt, client_for):
    loan = t.make_loan(hbt.hbt_union, hbt.hbt_grassroots, 100_000_000, repaid_vnd=40_000_000)
    year = t.make_workplace_year(
        hbt.enterprise, union_fee_due_vnd=240_000_000, union_fee_paid_vnd=200_000_000
    )
    client = client_for(hbt.alice)
    page = client.get(reverse("registries:detail", args=["cho-vay", loan.pk])).content.decode()
    assert "60.000.000 đ" in page and "Quá hạn" in page and "1/3/2016" in page
    page = client.get(reverse("registries:detail", args=["quan-he-lao-dong", year.pk])).content.decode()
    assert "40.000.000 đ" in page and "Đã tổ chức" in page

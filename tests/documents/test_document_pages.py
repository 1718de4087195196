"""Report pages: drafting a report from a meeting, editing its written sections and signers, previewing."""

from phoihop.documents.models import ReviewReport
from phoihop.documents.testing import hbt_figures, make_review_report
from phoihop.meetings.testing import make_meeting


def test_alice_drafts_the_report_of_a_meeting_and_lands_on_its_edit_page(world, client_for):
    meeting = make_meeting(world, user=world.alice)
    client = client_for(world.alice)
    page = client.get(f"/tai-lieu/bao-cao/them/?agreement={world.hbt_programme.pk}&meeting={meeting.pk}")
    assert page.status_code == 200
    response = client.post(
        "/tai-lieu/bao-cao/them/",
        {"kind": "final", "agreement": world.hbt_programme.pk, "meeting": meeting.pk},
    )
    report = ReviewReport.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/tai-lieu/bao-cao/{report.pk}/sua/"
    assert report.meeting == meeting and report.period.label == "giai đoạn 2017-2020"
    assert set(report.organizations.all()) == {world.hbt_gov, world.hbt_union}
    assert report.title == "Tổng kết thực hiện Chương trình phối hợp số 03/CTr-UBND-LĐLĐ giai đoạn 2017-2020"
    assert "Nhằm cụ thể hóa Chương trình phối hợp số 145/CTr-UBND-LĐLĐ" in report.situation
    assert report.place == "Hai Bà Trưng"
    assert report.number == "/BC-UBND-LĐLĐ"
    assert report.heading in client.get(f"/hoi-nghi/{meeting.pk}/").content.decode()


def test_the_edit_form_saves_sections_and_signers(world, client_for):
    report = make_review_report(world)
    client = client_for(world.alice)
    form = client.get(f"/tai-lieu/bao-cao/{report.pk}/sua/").context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(
        shortcomings="Còn chậm.",
        signer1_heading="TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
        signer1_name="Vũ Văn Hoạt",
        signer2_heading="",
        signer2_name="",
        include_tables="on",
    )
    data["date"] = "2020-09-17"
    del data["include_charts"]  # an unticked box is not sent
    response = client.post(f"/tai-lieu/bao-cao/{report.pk}/sua/", data)
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.shortcomings == "Còn chậm." and report.include_tables and not report.include_charts
    assert report.signers == [
        {"heading": "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "name": "Vũ Văn Hoạt"}
    ]
    bad = dict(data, title="")
    assert client.post(f"/tai-lieu/bao-cao/{report.pk}/sua/", bad).status_code == 400


def test_the_preview_is_the_exported_document_as_a_page(world, client_for):
    hbt_figures(world)
    report = make_review_report(world)
    page = client_for(world.bob).get(f"/tai-lieu/bao-cao/{report.pk}/xem-truoc/").content.decode()
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in page and "1.065 công nhân giỏi cấp cơ sở" in page


def test_the_meeting_list_costs_a_fixed_number_of_queries(world, client_for, django_assert_max_num_queries):
    for i in range(12):
        make_meeting(world, title=f"Hội nghị số {i}")
    client = client_for(world.alice)
    with django_assert_max_num_queries(12):
        response = client.get("/hoi-nghi/")
    assert response.content.decode().count("Hội nghị số") == 12

"""Meeting pages and API: list, detail, create and edit, each scoped (Charlie sees nothing of Hai Bà Trưng)."""

import json

import pytest

from phoihop.meetings.models import Meeting
from phoihop.meetings.testing import make_meeting


@pytest.fixture
def meeting(world):
    return make_meeting(world, user=world.alice)


def test_the_list_shows_alices_meetings_and_hides_them_from_charlie(world, meeting, client_for):
    page = client_for(world.alice).get("/hoi-nghi/").content.decode()
    assert meeting.title in page and "17/9/2020" in page and "Hội nghị tổng kết" in page
    assert meeting.title not in client_for(world.charlie).get("/hoi-nghi/").content.decode()


def test_the_list_filters_by_kind_and_words(world, meeting, client_for):
    client = client_for(world.alice)
    assert meeting.title in client.get("/hoi-nghi/?kind=final_review&q=tong ket").content.decode()
    assert meeting.title not in client.get("/hoi-nghi/?kind=briefing").content.decode()


def test_the_detail_page_shows_hosts_attendees_agenda_conclusions_and_follow_ups(world, meeting, client_for):
    page = client_for(world.alice).get(f"/hoi-nghi/{meeting.pk}/").content.decode()
    for text in (
        "Ủy ban nhân dân quận Hai Bà Trưng",
        "Nguyễn Thị Kim Dung",
        "Phó Chủ tịch thường trực LĐLĐ thành phố Hà Nội",
        "Phát biểu chỉ đạo",
        "Khắc phục tồn tại, hạn chế",
        "Xây dựng giải pháp cho giai đoạn 2020-2025",
        "Soạn báo cáo",
    ):
        assert text in page, text


@pytest.mark.parametrize("suffix", ["", "sua/"])
def test_charlie_gets_404_on_a_hai_ba_trung_meeting(world, meeting, client_for, suffix):
    assert client_for(world.charlie).get(f"/hoi-nghi/{meeting.pk}/{suffix}").status_code == 404


def test_charlie_cannot_delete_it(world, meeting, client_for):
    assert client_for(world.charlie).post(f"/hoi-nghi/{meeting.pk}/xoa/").status_code == 404
    assert Meeting.objects.filter(pk=meeting.pk).exists()


def test_alice_records_a_meeting_through_the_form(world, client_for):
    client = client_for(world.alice)
    assert client.get("/hoi-nghi/them/").status_code == 200
    form = {
        "kind": "interim_review",
        "title": "Hội nghị sơ kết năm 2018",
        "date": "2018-12-20",
        "hosts": [world.hbt_union.pk],
        "agreements_reviewed": [world.hbt_programme.pk],
        "agenda": "Báo cáo sơ kết | Nguyễn Thị Kim Dung\nThảo luận",
        "conclusions": "Tiếp tục thực hiện.",
        "att-TOTAL_FORMS": "2", "att-INITIAL_FORMS": "0",
        "att-0-full_name": "Nguyễn Thị Kim Dung", "att-0-title": "Chủ tịch LĐLĐ Quận", "att-0-role": "reporter",
        "att-1-full_name": "", "att-1-title": "", "att-1-role": "member",
        "fu-TOTAL_FORMS": "1", "fu-INITIAL_FORMS": "0",
        "fu-0-title": "Tổ chức hội thi tay nghề", "fu-0-deadline": "2019-06-30", "fu-0-status": "open",
    }  # fmt: skip
    response = client.post("/hoi-nghi/them/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    meeting = Meeting.objects.get(title="Hội nghị sơ kết năm 2018")
    assert meeting.attendances.get().role == "reporter"
    assert meeting.agenda_items.first().presenter == "Nguyễn Thị Kim Dung"
    assert meeting.follow_ups.get().deadline.isoformat() == "2019-06-30"
    bad = dict(form, kind="joint")
    response = client.post("/hoi-nghi/them/", bad)
    assert response.status_code == 400 and "ít nhất hai đơn vị chủ trì" in response.content.decode()


def test_the_edit_form_round_trips(world, meeting, client_for):
    client = client_for(world.alice)
    page = client.get(f"/hoi-nghi/{meeting.pk}/sua/").content.decode()
    assert "Nguyễn Thị Kim Dung" in page and "Phát biểu chỉ đạo | Đặng Thị Phương Hoa" in page


def test_the_api_lists_creates_and_reads_in_scope(world, meeting, client_for):
    client = client_for(world.alice)
    listed = client.get("/api/v1/meetings/").json()
    assert [m["id"] for m in listed] == [meeting.pk]
    detail = client.get(f"/api/v1/meetings/{meeting.pk}").json()
    assert detail["kind_label"] == "Hội nghị tổng kết"
    assert {h["id"] for h in detail["hosts"]} == {world.hbt_gov.pk, world.hbt_union.pk}
    assert detail["attendees"][0]["full_name"] == "Nguyễn Thị Kim Dung"
    payload = {
        "kind": "briefing",
        "title": "Giao ban quý",
        "host_ids": [world.hbt_union.pk, world.hbt_grassroots.pk],
        "date": "2021-04-01",
        "attendees": [{"full_name": "Nguyễn Văn B", "title": "Chủ tịch CĐCS", "role": "speaker"}],
        "agenda": ["Giao ban"],
    }
    response = client.post("/api/v1/meetings/", data=json.dumps(payload), content_type="application/json")
    assert response.status_code == 201, response.content
    assert response.json()["attendees"][0]["role"] == "speaker"


def test_the_api_keeps_charlie_out(world, meeting, client_for):
    client = client_for(world.charlie)
    assert client.get("/api/v1/meetings/").json() == []
    assert client.get(f"/api/v1/meetings/{meeting.pk}").status_code == 404
    payload = {"kind": "final_review", "title": "X", "host_ids": [world.hbt_union.pk], "date": "2020-01-01"}
    response = client.post("/api/v1/meetings/", data=json.dumps(payload), content_type="application/json")
    assert response.status_code == 422 and "host_ids" in response.json()["detail"]
    response = client.put(
        f"/api/v1/meetings/{meeting.pk}", data=json.dumps(payload), content_type="application/json"
    )
    assert response.status_code == 404


def test_the_meeting_page_lists_the_commendations_announced_at_it(world, meeting, client_for):
    from phoihop.registries.testing import make_commendation, make_recipient

    decision = make_commendation(
        world.hbt_union, world.hbt_gov, meeting=meeting, decision_number="123/QĐ-UBND",
        reason="Đã có thành tích trong thực hiện chương trình phối hợp giai đoạn 2017-2020",
    )  # fmt: skip
    make_recipient(decision, world.hbt_grassroots)
    page = client_for(world.alice).get(f"/hoi-nghi/{meeting.pk}/").content.decode()
    assert "123/QĐ-UBND" in page and "Công đoàn cơ sở Công ty May Hai Bà Trưng" in page
    assert "Đã có thành tích trong thực hiện chương trình phối hợp" in page


def test_the_agreement_signed_at_the_meeting_can_be_exported_from_its_page(
    world, client_for, django_capture_on_commit_callbacks
):
    from phoihop.documents.models import GeneratedDocument
    from phoihop.meetings.choices import MeetingKind

    meeting = make_meeting(
        world, user=world.alice, kind=MeetingKind.SIGNING, agreements_signed=[world.hbt_programme]
    )
    client = client_for(world.alice)
    assert (
        f"/tai-lieu/van-ban-phoi-hop/{world.hbt_programme.pk}/xuat/"
        in client.get(f"/hoi-nghi/{meeting.pk}/").content.decode()
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/tai-lieu/van-ban-phoi-hop/{world.hbt_programme.pk}/xuat/", {"fmt": "docx"})
    generated = GeneratedDocument.objects.get(agreement=world.hbt_programme)
    assert response.status_code == 302 and generated.status == "done"
    assert client.get(f"/tai-lieu/tep/{generated.pk}/tai-ve/").status_code == 200
    charlie = client_for(world.charlie)
    assert charlie.get(f"/tai-lieu/tep/{generated.pk}/tai-ve/").status_code == 404
    assert (
        charlie.post(
            f"/tai-lieu/van-ban-phoi-hop/{world.hbt_programme.pk}/xuat/", {"fmt": "docx"}
        ).status_code
        == 404
    )

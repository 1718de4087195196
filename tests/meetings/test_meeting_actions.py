"""Recording meetings: hosts, attendees with their titles, agenda, conclusions and follow-ups, validated."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from phoihop.core.models import ChangeLogEntry
from phoihop.meetings import actions
from phoihop.meetings.choices import MeetingKind
from phoihop.meetings.models import Meeting
from phoihop.meetings.testing import make_meeting
from phoihop.orgs.models import Person


def test_alice_records_her_districts_final_review_with_everything_said_at_it(world):
    meeting = make_meeting(world, user=world.alice)
    assert [link.organization for link in meeting.host_links.all()] == [world.hbt_gov, world.hbt_union]
    assert list(meeting.agreements_reviewed.all()) == [world.hbt_programme]
    attendees = list(meeting.attendances.select_related("person"))
    assert [(a.person.full_name, a.title) for a in attendees] == [
        ("Nguyễn Thị Kim Dung", "Chủ tịch LĐLĐ Quận"),
        ("Đặng Thị Phương Hoa", "Phó Chủ tịch thường trực LĐLĐ thành phố Hà Nội"),
    ]
    assert [(i.title, i.presenter) for i in meeting.agenda_items.all()] == [
        ("Báo cáo tổng kết", ""),
        ("Phát biểu chỉ đạo", "Đặng Thị Phương Hoa"),
    ]
    assert meeting.follow_ups.get().lead == world.hbt_union
    assert meeting.date_label == "17/9/2020"
    assert ChangeLogEntry.objects.filter(object_id=str(meeting.pk), action="create").exists()


def test_a_person_named_twice_is_the_same_person(world):
    make_meeting(world)
    make_meeting(world, title="Hội nghị sơ kết năm 2018", kind=MeetingKind.INTERIM_REVIEW)
    assert Person.objects.filter(full_name="Nguyễn Thị Kim Dung").count() == 1


def test_a_joint_kind_needs_two_hosts(world):
    for kind in (MeetingKind.BRIEFING, MeetingKind.JOINT, MeetingKind.SIGNING):
        with pytest.raises(ValidationError) as caught:
            make_meeting(world, user=world.alice, kind=kind, hosts=[world.hbt_union])
        assert "ít nhất hai đơn vị chủ trì" in " ".join(caught.value.message_dict["hosts"])
    assert not Meeting.objects.exists()


def test_a_signing_meeting_names_what_was_signed(world):
    with pytest.raises(ValidationError) as caught:
        make_meeting(world, kind=MeetingKind.SIGNING, agreements_signed=[])
    assert "agreements_signed" in caught.value.message_dict
    meeting = make_meeting(world, kind=MeetingKind.SIGNING, agreements_signed=[world.hbt_programme])
    assert list(meeting.agreements_signed.all()) == [world.hbt_programme]


def test_a_meeting_whose_source_gives_no_year_keeps_the_words(world):
    with pytest.raises(ValidationError) as caught:
        make_meeting(world, date=None, date_text="")
    assert "date" in caught.value.message_dict
    meeting = make_meeting(world, date=None, date_text="Sáng 3/3")
    assert meeting.date is None and meeting.date_label == "Sáng 3/3"


def test_charlie_cannot_record_or_change_a_hai_ba_trung_meeting(world):
    with pytest.raises(ValidationError) as caught:
        make_meeting(world, user=world.charlie)
    assert "đơn vị mình" in " ".join(caught.value.message_dict["hosts"])
    meeting = make_meeting(world, user=world.alice)
    with pytest.raises(PermissionDenied):
        actions.update_meeting(world.charlie, meeting, actions.data_from(meeting))
    with pytest.raises(PermissionDenied):
        actions.delete_meeting(world.charlie, meeting)


def test_an_agreement_outside_the_scope_cannot_be_attached(world):
    with pytest.raises(ValidationError) as caught:
        make_meeting(world, user=world.alice, agreements_reviewed=[world.md_programme])
    assert "agreements_reviewed" in caught.value.message_dict


def test_updating_replaces_the_lists_and_keeps_the_rest(world):
    meeting = make_meeting(world, user=world.alice)
    data = actions.data_from(meeting)
    data.attendees = data.attendees[:1]
    data.conclusions = "Kết luận mới."
    actions.update_meeting(world.alice, meeting, data)
    meeting.refresh_from_db()
    assert meeting.attendances.count() == 1 and meeting.conclusions == "Kết luận mới."
    assert meeting.agenda_items.count() == 2 and meeting.follow_ups.count() == 1

"""The write path: every validation rule gives a Vietnamese message on its field and nothing is saved half-way."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from phoihop.core.models import ChangeLogEntry
from phoihop.core.testing import make_agreement
from phoihop.programs import actions
from phoihop.programs.choices import AgreementKind, TaskFrequency
from phoihop.programs.data import AgreementData, ArticleData, ChapterData, ContentAreaData, PartyData
from phoihop.programs.models import Agreement, Task
from phoihop.programs.testing import agreement_data, task_data


def errors_of(call) -> dict:
    with pytest.raises(ValidationError) as caught:
        call()
    return caught.value.message_dict


def test_alice_creates_a_programme_with_parties_content_areas_and_tasks(paired):
    w = paired
    data = agreement_data(
        [w.hbt_gov, w.hbt_union],
        number="05/CTr-UBND-LĐLĐ",
        signed_date=dt.date(2021, 3, 2),
        content_areas=3,
        tasks=[task_data(w.hbt_union, content_area=2, cooperating_ids=[w.hbt_gov.pk])],
    )
    agreement = actions.create_agreement(w.alice, data)
    assert (agreement.number_seq, agreement.number_kind, agreement.number_issuers) == (5, "CTr", "UBND-LĐLĐ")
    assert [p.organization for p in agreement.party_links.all()] == [w.hbt_gov, w.hbt_union]
    assert agreement.party_links.first().is_lead
    assert list(agreement.content_areas.values_list("order", flat=True)) == [1, 2, 3]
    task = agreement.tasks.get()
    assert task.content_area.order == 2 and list(task.cooperating.all()) == [w.hbt_gov]
    assert agreement.is_signed and agreement.created_by == w.alice
    assert ChangeLogEntry.objects.filter(object_id=str(agreement.pk), action="create").exists()


def test_a_period_that_ends_before_it_starts_is_refused(paired):
    w = paired
    errors = errors_of(
        lambda: actions.create_agreement(
            w.alice, agreement_data([w.hbt_gov, w.hbt_union], period_start_year=2025, period_end_year=2021)
        )
    )
    assert errors["period_end_year"] == [
        "Giai đoạn kết thúc năm 2021, trước năm bắt đầu 2025: năm kết thúc phải từ 2025 trở đi."
    ]
    assert not Agreement.objects.filter(period_start_year=2025).exists()


def test_an_agreement_needs_two_distinct_parties(paired):
    w = paired
    errors = errors_of(lambda: actions.create_agreement(w.alice, agreement_data([w.hbt_union])))
    assert "ít nhất hai bên" in errors["parties"][0]
    errors = errors_of(lambda: actions.create_agreement(w.alice, agreement_data([w.hbt_union, w.hbt_union])))
    assert "đã có trong danh sách các bên" in errors["parties.1.organization"][0]
    assert "mới có 1 bên" in errors["parties"][0]


def test_a_party_outside_the_users_reach_is_not_found(paired):
    w = paired
    errors = errors_of(lambda: actions.create_agreement(w.alice, agreement_data([w.hbt_union, w.md_gov])))
    assert "Không tìm thấy đơn vị" in errors["parties.1.organization"][0]


def test_a_user_must_edit_for_one_of_the_parties(paired):
    w = paired
    # Bob approves for the city federation but does not edit: he cannot record agreements.
    errors = errors_of(lambda: actions.create_agreement(w.bob, agreement_data([w.hbt_union, w.md_union])))
    assert "quyền cập nhật" in errors["parties"][0]


def test_invalid_document_numbers_are_refused_with_the_fix(paired):
    w = paired
    errors = errors_of(
        lambda: actions.create_agreement(
            w.alice, agreement_data([w.hbt_gov, w.hbt_union], number="3/CTr UBND")
        )
    )
    assert errors["number"][0].startswith("Số ký hiệu '3/CTr UBND' không đúng mẫu")


def test_a_number_is_used_once_a_year_by_the_same_bodies(paired):
    w = paired
    first = agreement_data(
        [w.hbt_gov, w.hbt_union], number="07/CTr-UBND-LĐLĐ", signed_date=dt.date(2021, 2, 1)
    )
    actions.create_agreement(w.alice, first)
    second = agreement_data(
        [w.hbt_gov, w.hbt_union],
        kind=AgreementKind.JOINT_PROGRAMME,
        number="07/CTr-UBND-LĐLĐ",
        signed_date=dt.date(2021, 9, 1),
    )
    assert (
        "chỉ dùng một lần trong năm"
        in errors_of(lambda: actions.create_agreement(w.alice, second))["number"][0]
    )


def test_a_wrong_kind_abbreviation_is_an_error_and_a_near_one_a_warning(paired):
    w = paired
    errors = errors_of(
        lambda: actions.create_agreement(
            w.alice, agreement_data([w.hbt_gov, w.hbt_union], number="03/BC-UBND-LĐLĐ")
        )
    )
    assert "ký hiệu của báo cáo" in errors["number"][0]
    agreement = actions.create_agreement(
        w.alice, agreement_data([w.hbt_gov, w.hbt_union], number="03/KH-UBND-LĐLĐ")
    )
    assert any("'KH'" in warning for warning in agreement.warnings)


def test_a_parent_chain_with_a_cycle_is_refused(paired):
    w = paired
    # city 145 ← hbt 03 (parent). Making 145 implement 03 would close a loop.
    data = AgreementData.from_agreement(w.city_programme)
    data.parent_id = w.hbt_programme.pk
    errors = errors_of(lambda: actions.update_agreement(w.admin, w.city_programme, data))
    assert errors["parent"] == [
        "Chọn văn bản cấp trên này sẽ tạo vòng lặp: 145/CTr-UBND-LĐLĐ → 03/CTr-UBND-LĐLĐ → 145/CTr-UBND-LĐLĐ."
    ]
    data.parent_id = w.city_programme.pk
    assert (
        "chính nó"
        in errors_of(lambda: actions.update_agreement(w.admin, w.city_programme, data))["parent"][0]
    )
    w.city_programme.refresh_from_db()
    assert w.city_programme.parent_id is None


def test_a_predecessor_chain_with_a_cycle_is_refused(paired):
    w = paired
    later = make_agreement([w.hbt_gov, w.hbt_union], start=2020, end=2025, predecessor=w.hbt_programme)
    data = AgreementData.from_agreement(w.hbt_programme)
    data.predecessor_id = later.pk
    errors = errors_of(lambda: actions.update_agreement(w.alice, w.hbt_programme, data))
    assert any("vòng lặp" in m or "bắt đầu sau" in m for m in errors["predecessor"])


def test_an_agreement_can_replace_only_one_predecessor_once(paired):
    w = paired
    make_agreement([w.hbt_gov, w.hbt_union], start=2020, end=2025, predecessor=w.hbt_programme)
    data = agreement_data(
        [w.hbt_gov, w.hbt_union], kind=AgreementKind.JOINT_PROGRAMME, predecessor_id=w.hbt_programme.pk
    )
    assert (
        "đã được thay thế bằng"
        in errors_of(lambda: actions.create_agreement(w.alice, data))["predecessor"][0]
    )


def test_two_agreements_of_a_kind_between_the_same_parties_may_not_overlap(paired):
    w = paired  # hbt_programme: 2017-2020 between UBND and LĐLĐ quận Hai Bà Trưng
    data = agreement_data([w.hbt_union, w.hbt_gov], period_start_year=2019, period_end_year=2022)
    errors = errors_of(lambda: actions.create_agreement(w.alice, data))
    assert "trùng thời gian với giai đoạn 2019-2022" in errors["period_start_year"][0]
    assert "bắt đầu từ năm 2020" in errors["period_start_year"][0]


def test_a_successor_may_start_in_the_handover_year_but_not_before(paired):
    w = paired
    early = agreement_data(
        [w.hbt_gov, w.hbt_union],
        period_start_year=2019,
        period_end_year=2025,
        predecessor_id=w.hbt_programme.pk,
    )
    assert "period_start_year" in errors_of(lambda: actions.create_agreement(w.alice, early))
    touching = agreement_data(
        [w.hbt_gov, w.hbt_union],
        period_start_year=2020,
        period_end_year=2025,
        predecessor_id=w.hbt_programme.pk,
    )
    assert actions.create_agreement(w.alice, touching).predecessor == w.hbt_programme


def test_overlap_counts_only_the_same_kind_and_the_same_set_of_parties(paired):
    w = paired
    other_kind = agreement_data(
        [w.hbt_gov, w.hbt_union], kind=AgreementKind.JOINT_PROGRAMME, period_start_year=2018
    )
    assert actions.create_agreement(w.alice, other_kind).pk
    more_parties = agreement_data([w.hbt_gov, w.hbt_union, w.hbt_grassroots], period_start_year=2018)
    assert actions.create_agreement(w.alice, more_parties).pk


def test_an_annual_plan_covers_one_year(paired):
    w = paired
    data = agreement_data([w.hbt_gov, w.hbt_union], kind=AgreementKind.ANNUAL_PLAN, period_end_year=2022)
    assert "một năm" in errors_of(lambda: actions.create_agreement(w.alice, data))["period_end_year"][0]


def test_chapters_and_articles_belong_to_regulations_only(paired):
    w = paired
    structure = {
        "chapters": [ChapterData(1, "Quy định chung"), ChapterData(2, "Nội dung phối hợp")],
        "articles": [ArticleData(1, "Phạm vi điều chỉnh", chapter=1), ArticleData(2, "Thi đua", chapter=3)],
    }
    errors = errors_of(
        lambda: actions.create_agreement(w.alice, agreement_data([w.hbt_gov, w.hbt_union], **structure))
    )
    assert errors["chapters"] == ["Chỉ quy chế phối hợp mới chia thành chương, điều."]
    data = agreement_data([w.hbt_gov, w.hbt_union], kind=AgreementKind.REGULATION, **structure)
    assert errors_of(lambda: actions.create_agreement(w.alice, data))["articles.1.chapter"] == [
        "Không có chương 3 trong quy chế."
    ]
    data.articles[1].chapter = 2
    regulation = actions.create_agreement(w.alice, data)
    assert [(a.number, a.chapter.number) for a in regulation.articles.select_related("chapter")] == [
        (1, 1),
        (2, 2),
    ]


def test_task_rules_name_the_row_and_field(paired):
    w = paired
    data = agreement_data(
        [w.hbt_gov, w.hbt_union],
        content_areas=1,
        tasks=[
            task_data(w.hbt_union, deadline=None),
            task_data(w.md_union, content_area=4, deadline=dt.date(2040, 1, 1)),
        ],
    )
    errors = errors_of(lambda: actions.create_agreement(w.alice, data))
    assert "cần có thời hạn" in errors["tasks.0.deadline"][0]
    assert "nằm ngoài giai đoạn 2021-2025" in errors["tasks.1.deadline"][0]
    assert "không có nội dung số 4" in errors["tasks.1.content_area"][0]
    assert "Đơn vị chủ trì phải là một bên" in errors["tasks.1.lead"][0]
    assert not Task.objects.exists() and Agreement.objects.count() == 3


def test_a_task_may_be_led_by_a_unit_under_a_party(paired):
    w = paired
    data = agreement_data(
        [w.hbt_gov, w.hbt_union],
        tasks=[task_data(w.hbt_grassroots, frequency=TaskFrequency.YEARLY, deadline=None)],
    )
    assert actions.create_agreement(w.alice, data).tasks.get().lead == w.hbt_grassroots


def test_update_keeps_content_area_rows_and_the_tasks_pointing_at_them(paired):
    w = paired
    agreement = actions.create_agreement(
        w.alice,
        agreement_data(
            [w.hbt_gov, w.hbt_union], content_areas=2, tasks=[task_data(w.hbt_union, content_area=2)]
        ),
    )
    first, second = agreement.content_areas.all()
    data = AgreementData.from_agreement(agreement)
    data.content_areas = [
        ContentAreaData(id=second.pk, title="Chăm lo, bảo vệ quyền lợi người lao động"),
        ContentAreaData(title="Tuyên truyền pháp luật"),
    ]
    actions.update_agreement(w.alice, agreement, data)
    areas = list(agreement.content_areas.all())
    assert [(a.order, a.title) for a in areas] == [
        (1, "Chăm lo, bảo vệ quyền lợi người lao động"),
        (2, "Tuyên truyền pháp luật"),
    ]
    assert areas[0].pk == second.pk and agreement.tasks.get().content_area_id == second.pk
    entry = ChangeLogEntry.objects.filter(object_id=str(agreement.pk), action="update").first()
    assert entry.user == w.alice and "nội dung phối hợp" in entry.reason


def test_a_failed_update_changes_nothing(paired):
    w = paired
    data = AgreementData.from_agreement(w.hbt_programme)
    data.title = "Tiêu đề mới"
    data.parties = [PartyData(organization_id=w.hbt_union.pk)]
    with pytest.raises(ValidationError):
        actions.update_agreement(w.alice, w.hbt_programme, data)
    w.hbt_programme.refresh_from_db()
    assert w.hbt_programme.title != "Tiêu đề mới" and w.hbt_programme.party_links.count() == 2


def test_charlie_may_not_change_a_hai_ba_trung_agreement(paired):
    w = paired
    with pytest.raises(PermissionDenied):
        actions.update_agreement(w.charlie, w.hbt_programme, AgreementData.from_agreement(w.hbt_programme))
    with pytest.raises(PermissionDenied):
        actions.add_task(w.charlie, w.hbt_programme, task_data(w.hbt_union, deadline=dt.date(2019, 1, 1)))


def test_task_status_changes_are_recorded(paired):
    w = paired
    task = actions.add_task(w.alice, w.hbt_programme, task_data(w.hbt_union, deadline=dt.date(2019, 5, 1)))
    actions.set_task_status(w.alice, task, "done")
    task.refresh_from_db()
    assert task.status == "done"
    entry = ChangeLogEntry.objects.filter(object_id=str(task.pk), action="update").get()
    assert entry.changes["status"] == ["planned", "done"]
    with pytest.raises(ValidationError):
        actions.set_task_status(w.alice, task, "finished")

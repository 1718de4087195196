"""Across the 2025 reform (old units into today's), within each user's subtree, and refusing bad questions."""

import pytest

from phoihop.analytics import testing as t
from phoihop.analytics.engine import MAX_CELLS, OutOfScope, Query, QueryError, run
from phoihop.core.testing import make_org
from phoihop.orgs.choices import OrgKind, OrgLevel
from phoihop.orgs.models import AdminUnit


def unit(name: str, level: str, legacy: bool) -> AdminUnit:
    return AdminUnit.objects.get(name=name, level=level, is_legacy=legacy)


@pytest.fixture
def reform(world):
    """Hải Dương's federation (a province merged into Hải Phòng in 2025) and Hải Phòng's, with figures."""
    tld = make_org(
        "Tổng Liên đoàn Lao động Việt Nam", kind=OrgKind.NATIONAL_FEDERATION, level=OrgLevel.NATIONAL
    )
    world.tld = tld
    world.hd = make_org(
        "Liên đoàn Lao động tỉnh Hải Dương",
        level=OrgLevel.PROVINCE,
        parent=tld,
        admin_unit=unit("Tỉnh Hải Dương", "province", True),
    )
    world.hp = make_org(
        "Liên đoàn Lao động thành phố Hải Phòng",
        level=OrgLevel.PROVINCE,
        parent=tld,
        admin_unit=unit("Thành phố Hải Phòng", "province", False),
    )
    world.hbt_union.admin_unit = unit("Quận Hai Bà Trưng", "district", True)
    world.hbt_union.save()
    world.ward_union = make_org(
        "Công đoàn phường Hai Bà Trưng",
        kind=OrgKind.REGIONAL_UNION,
        level=OrgLevel.COMMUNE,
        parent=world.city_union,
        admin_unit=unit("Phường Hai Bà Trưng", "commune", False),
    )
    t.value(world.hd, "members_recruited", "2024", 300)
    t.value(world.hp, "members_recruited", "2024", 500)
    t.value(world.hbt_grassroots, "members_recruited", "2024", 20)
    t.value(world.ward_union, "members_recruited", "2024", 3)
    return world


def test_asking_by_todays_unit_includes_units_that_merged_into_it(reform):
    hai_phong = unit("Thành phố Hải Phòng", "province", False)
    row = run(Query(indicators=["members_recruited"], areas=[hai_phong.pk], periods=["2024"])).rows[0]
    assert row.value == 800


def test_asking_by_the_old_unit_gives_its_figures_as_they_were(reform):
    hai_duong = unit("Tỉnh Hải Dương", "province", True)
    row = run(Query(indicators=["members_recruited"], areas=[hai_duong.pk], periods=["2024"])).rows[0]
    assert row.value == 300


def test_a_district_split_among_new_wards_is_included_with_a_note(reform):
    ward = unit("Phường Hai Bà Trưng", "commune", False)
    result = run(
        Query(indicators=["members_recruited"], areas=[ward.pk], periods=["2024"], group_by=("area",))
    )
    assert result.rows[0].value == 23
    assert result.rows[0].key["area_label"] == "Phường Hai Bà Trưng, Thành phố Hà Nội"
    assert any("Quận Hai Bà Trưng" in note and "một phần" in note for note in result.notes)


def test_areas_old_and_new_side_by_side(reform):
    areas = [unit("Thành phố Hải Phòng", "province", False).pk, unit("Tỉnh Hải Dương", "province", True).pk]
    rows = run(
        Query(indicators=["members_recruited"], areas=areas, periods=["2024"], group_by=("area",))
    ).rows
    assert [(r.key["area_label"], r.value) for r in rows] == [
        ("Thành phố Hải Phòng", 800),
        ("Tỉnh Hải Dương (cũ)", 300),
    ]


def test_charlie_cannot_ask_about_hai_ba_trung(world):
    t.value(world.hbt_grassroots, "gifts_count", "2020", 10)
    with pytest.raises(OutOfScope):
        run(
            Query(indicators=["gifts_count"], organizations=[world.hbt_union.pk], periods=["2020"]),
            world.charlie,
        )


def test_by_default_each_user_adds_up_only_their_own_subtree(world):
    t.value(world.hbt_grassroots, "gifts_count", "2020", 10)
    t.value(world.md_union, "gifts_count", "2020", 4)
    assert run(Query(indicators=["gifts_count"], periods=["2020"]), world.charlie).rows[0].value == 4
    assert run(Query(indicators=["gifts_count"], periods=["2020"]), world.alice).rows[0].value == 10
    assert run(Query(indicators=["gifts_count"], periods=["2020"]), world.bob).rows[0].value == 14


def test_an_area_is_cut_to_the_users_subtree(reform):
    hanoi = unit("Thành phố Hà Nội", "province", False)
    reform.city_union.admin_unit = hanoi
    reform.city_union.save()
    t.value(reform.md_union, "members_recruited", "2024", 1000)
    query = Query(indicators=["members_recruited"], areas=[hanoi.pk], periods=["2024"])
    assert run(query, reform.charlie).rows[0].value == 1000
    assert run(query, reform.alice).rows[0].value == 20
    assert run(query, reform.bob).rows[0].value == 1023


def test_alice_cannot_ask_about_her_parent(world):
    with pytest.raises(OutOfScope):
        run(
            Query(indicators=["gifts_count"], organizations=[world.city_union.pk], periods=["2020"]),
            world.alice,
        )


@pytest.mark.parametrize(
    "changes,field,words",
    [
        ({"indicators": ["khong_co"]}, "indicators", "Không có chỉ tiêu"),
        ({"indicators": []}, "indicators", "Chọn ít nhất một chỉ tiêu"),
        ({"group_by": ("tinh",)}, "group_by", "Chiều «tinh» không có"),
        ({"periods": ["2020-2016"]}, "periods", "năm bắt đầu sau năm kết thúc"),
        ({"periods": ["năm 2020"]}, "periods", "không hợp lệ"),
        ({"periods": []}, "periods", "Chọn ít nhất một kỳ"),
        ({"level": "village"}, "level", "Cấp «village» không có"),
        ({"scope": "all"}, "scope", "Phạm vi"),
        ({"options": ["khong_co"]}, "options", "Không có nhóm phân tổ"),
    ],
)
def test_bad_questions_get_a_vietnamese_message_naming_the_field(world, changes, field, words):
    query = {"indicators": ["good_workers"], "periods": ["2020"], **changes}
    with pytest.raises(QueryError) as error:
        run(Query(**query))
    assert error.value.field == field
    assert words in error.value.message


def test_a_question_over_the_cell_limit_is_refused_with_the_limit_stated(world):
    from phoihop.reporting.models import Indicator

    periods = [f"{y}-{m:02d}" for y in range(1945, 2024) for m in range(1, 13)]  # 948 months
    codes = list(Indicator.objects.values_list("code", flat=True))  # every indicator: ~a million cells
    with pytest.raises(QueryError) as error:
        run(
            Query(
                indicators=codes,
                periods=periods,
                group_by=("indicator", "period", "organization"),
                organizations=[world.city_union.pk, world.hbt_union.pk, world.md_union.pk],
            )
        )
    assert error.value.field == "limit"
    assert f"{MAX_CELLS:,}".replace(",", ".") in error.value.message

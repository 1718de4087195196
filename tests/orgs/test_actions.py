"""Creating, changing and moving organisations: the structural rules, Vietnamese messages and scoping."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from phoihop.core.models import ChangeLogEntry
from phoihop.orgs import actions
from phoihop.orgs.choices import OrgKind, OrgLevel, Ownership, UnitLevel
from phoihop.orgs.models import Organization
from phoihop.orgs.rules import tax_code_is_valid, with_check_digit
from phoihop.orgs.testing import current_unit, legacy_unit, valid_tax_code

K, L = OrgKind, OrgLevel


def errors_of(exc_info) -> dict:
    return exc_info.value.message_dict


@pytest.mark.parametrize("code", ["0100107518", "0100109106", "0300588569", "0100107518-001"])
def test_real_tax_codes_pass_the_check_digit(code):
    assert tax_code_is_valid(code)


@pytest.mark.parametrize(
    "code", ["0100107519", "010010751", "01001075180", "0100107518-01", "01001O7518", ""]
)
def test_malformed_tax_codes_fail(code):
    assert not tax_code_is_valid(code)


def test_with_check_digit_completes_a_code():
    assert with_check_digit("010010751") == "0100107518"


def test_alice_adds_a_grassroots_union_under_her_district_federation(placed):
    w = placed
    org = actions.create_organization(
        w.alice,
        name="Công đoàn cơ sở Trường Tiểu học Bạch Mai",
        kind=K.GRASSROOTS_UNION,
        level=L.GRASSROOTS,
        parent=w.hbt_union,
        admin_unit=legacy_unit("Phường Bạch Mai", UnitLevel.COMMUNE),
    )
    assert org.path.startswith(w.hbt_union.path) and org.depth == w.hbt_union.depth + 1
    entry = ChangeLogEntry.objects.get(object_id=str(org.pk), action="create")
    assert entry.user == w.alice


def test_a_grassroots_union_cannot_sit_under_a_peoples_committee(placed):
    with pytest.raises(ValidationError) as exc:
        actions.create_organization(
            None,
            name="Công đoàn cơ sở X",
            kind=K.GRASSROOTS_UNION,
            level=L.GRASSROOTS,
            parent=placed.hbt_gov,
            admin_unit=placed.hbt_unit,
        )
    assert "không thể trực thuộc ủy ban nhân dân" in errors_of(exc)["parent"][0]


def test_a_department_sits_under_a_committee_at_the_same_level(placed):
    dept = actions.create_organization(
        None,
        name="Phòng Nội vụ quận Hai Bà Trưng",
        kind=K.DEPARTMENT,
        level=L.DISTRICT,
        parent=placed.hbt_gov,
        admin_unit=placed.hbt_unit,
    )
    assert dept.parent == placed.hbt_gov
    with pytest.raises(ValidationError) as exc:
        actions.create_organization(
            None,
            name="Sở Nội vụ",
            kind=K.DEPARTMENT,
            level=L.PROVINCE,
            parent=placed.hbt_gov,
            admin_unit=placed.hanoi,
        )
    assert errors_of(exc)["level"] == ["Sở, phòng, ban cùng cấp với Ủy ban nhân dân mà nó trực thuộc."]
    with pytest.raises(ValidationError) as exc:
        actions.create_organization(
            None,
            name="Phòng X",
            kind=K.DEPARTMENT,
            level=L.DISTRICT,
            parent=placed.hbt_union,
            admin_unit=placed.hbt_unit,
        )
    assert "Đơn vị cấp trên phải là: Ủy ban nhân dân" in errors_of(exc)["parent"][0]


def test_a_kind_at_a_level_it_cannot_take_names_the_level_field(placed):
    with pytest.raises(ValidationError) as exc:
        actions.create_organization(
            None,
            name="LĐLĐ X",
            kind=K.LABOUR_FEDERATION,
            level=L.GRASSROOTS,
            parent=placed.city_union,
            admin_unit=placed.hbt_unit,
        )
    assert errors_of(exc)["level"][0].startswith("Liên đoàn Lao động không thể ở cơ sở")


def test_an_enterprise_needs_ownership_and_a_valid_tax_code(placed):
    before = Organization.objects.count()
    with pytest.raises(ValidationError) as exc:
        actions.create_organization(
            placed.alice,
            name="Công ty TNHH A",
            kind=K.ENTERPRISE,
            level=L.GRASSROOTS,
            parent=placed.hbt_union,
            admin_unit=placed.thanh_nhan,
        )
    errors = errors_of(exc)
    assert errors["ownership"] == [
        "Doanh nghiệp cần có loại hình sở hữu (nhà nước, ngoài nhà nước hoặc FDI)."
    ]
    assert errors["tax_code"] == ["Doanh nghiệp cần có mã số thuế."]
    with pytest.raises(ValidationError) as exc:
        actions.create_organization(
            placed.alice,
            name="Công ty TNHH A",
            kind=K.ENTERPRISE,
            level=L.GRASSROOTS,
            parent=placed.hbt_union,
            admin_unit=placed.thanh_nhan,
            ownership=Ownership.FOREIGN,
            tax_code="0100107519",
        )
    assert "Mã số thuế 0100107519 không hợp lệ" in errors_of(exc)["tax_code"][0]
    assert Organization.objects.count() == before
    ok = actions.create_organization(
        placed.alice,
        name="Công ty TNHH A",
        kind=K.ENTERPRISE,
        level=L.GRASSROOTS,
        parent=placed.hbt_union,
        admin_unit=placed.thanh_nhan,
        ownership=Ownership.FOREIGN,
        tax_code=valid_tax_code(),
        employees=1065,
    )
    assert ok.employees == 1065


def test_an_unknown_administrative_unit_is_named_and_nothing_is_saved(placed):
    before = (Organization.objects.count(), ChangeLogEntry.objects.count())
    with pytest.raises(ValidationError) as exc:
        actions.create_organization(
            placed.alice,
            name="Công đoàn cơ sở Y",
            kind=K.GRASSROOTS_UNION,
            level=L.GRASSROOTS,
            parent=placed.hbt_union,
            admin_unit=987654321,
        )
    message = errors_of(exc)["admin_unit"][0]
    assert message.startswith("Địa bàn không tồn tại: không có đơn vị hành chính số 987654321.")
    assert (Organization.objects.count(), ChangeLogEntry.objects.count()) == before


def test_an_organisation_needs_a_unit_of_its_own_level(placed):
    with pytest.raises(ValidationError) as exc:
        actions.create_organization(
            None,
            name="LĐLĐ quận Y",
            kind=K.LABOUR_FEDERATION,
            level=L.DISTRICT,
            parent=placed.city_union,
            admin_unit=current_unit("Phường Bạch Mai"),
        )
    assert errors_of(exc)["admin_unit"] == [
        "Đơn vị cấp quận, huyện phải đặt trên địa bàn cấp huyện; Phường Bạch Mai là cấp xã."
    ]
    with pytest.raises(ValidationError) as exc:
        actions.create_organization(
            None, name="LĐLĐ quận Z", kind=K.LABOUR_FEDERATION, level=L.DISTRICT, parent=placed.city_union
        )
    assert errors_of(exc)["admin_unit"] == ["Chọn địa bàn (đơn vị hành chính) nơi đơn vị đặt trụ sở."]


def test_a_unit_lies_in_its_parents_province(placed):
    # Đà Nẵng's Hải Châu is outside Hà Nội: a district federation there cannot sit under Hà Nội's federation.
    with pytest.raises(ValidationError) as exc:
        actions.create_organization(
            None,
            name="LĐLĐ quận Hải Châu",
            kind=K.LABOUR_FEDERATION,
            level=L.DISTRICT,
            parent=placed.city_union,
            admin_unit=legacy_unit("Quận Hải Châu", province="Thành phố Đà Nẵng"),
        )
    assert errors_of(exc)["admin_unit"] == [
        f"Địa bàn Quận Hải Châu thuộc Thành phố Đà Nẵng, ngoài địa bàn của đơn vị cấp trên «{placed.city_union.name}» "
        "(Thành phố Hà Nội). Chọn địa bàn trong Thành phố Hà Nội, hoặc chọn lại đơn vị cấp trên."
    ]
    # A legacy district's province is followed to today's: today's ward of Hà Nội fits Hai Bà Trưng's union (on
    # the legacy district) as well as a legacy ward does.
    org = actions.create_organization(
        placed.alice,
        name="Công đoàn cơ sở Trường Mầm non Bạch Mai",
        kind=K.GRASSROOTS_UNION,
        level=L.GRASSROOTS,
        parent=placed.hbt_union,
        admin_unit=current_unit("Phường Bạch Mai"),
    )
    assert org.parent == placed.hbt_union
    with pytest.raises(ValidationError) as exc:
        actions.update_organization(
            placed.alice, org, admin_unit=current_unit("Phường Hải Châu", province="Thành phố Đà Nẵng")
        )
    assert "ngoài địa bàn của đơn vị cấp trên" in errors_of(exc)["admin_unit"][0]
    org.refresh_from_db()
    assert org.admin_unit == current_unit("Phường Bạch Mai")
    # Between legacy units the district is checked too: a ward of Hoàn Kiếm is not Hai Bà Trưng's.
    with pytest.raises(ValidationError) as exc:
        actions.update_organization(
            placed.alice, org, admin_unit=legacy_unit("Phường Hàng Bạc", UnitLevel.COMMUNE)
        )
    assert errors_of(exc)["admin_unit"] == [
        f"Địa bàn Phường Hàng Bạc thuộc Quận Hoàn Kiếm, ngoài địa bàn của đơn vị cấp trên «{placed.hbt_union.name}» "
        "(Quận Hai Bà Trưng). Chọn địa bàn trong Quận Hai Bà Trưng, hoặc chọn lại đơn vị cấp trên."
    ]
    from django.utils import translation

    with translation.override("en"), pytest.raises(ValidationError) as exc:
        actions.update_organization(
            placed.alice, org, admin_unit=legacy_unit("Phường Hàng Bạc", UnitLevel.COMMUNE)
        )
    assert errors_of(exc)["admin_unit"][0].startswith(
        "The area Phường Hàng Bạc lies in Quận Hoàn Kiếm, outside"
    )
    # A corporation's union (upper-level, not territorial) has grassroots unions wherever the corporation works.
    corporation = actions.create_organization(
        None,
        name="Công đoàn Tổng công ty Vận tải Thủ đô",
        kind=K.UPPER_LEVEL_UNION,
        level=L.DISTRICT,
        parent=placed.city_union,
        admin_unit=placed.hbt_unit,
    )
    branch = actions.create_organization(
        None,
        name="Công đoàn cơ sở Chi nhánh Đà Nẵng",
        kind=K.GRASSROOTS_UNION,
        level=L.GRASSROOTS,
        parent=corporation,
        admin_unit=current_unit("Phường Hải Châu", province="Thành phố Đà Nẵng"),
    )
    assert branch.parent == corporation


def test_a_unit_cannot_move_under_its_own_descendant(placed):
    with pytest.raises(ValidationError) as exc:
        actions.update_organization(None, placed.hbt_union, parent=placed.hbt_grassroots)
    assert (
        errors_of(exc)["parent"][0] == "Đơn vị cấp trên không được là chính nó hoặc đơn vị cấp dưới của nó."
    )


def test_moving_a_unit_moves_its_subtree(placed):
    w = placed
    actions.update_organization(None, w.hbt_grassroots, parent=w.md_union)
    w.hbt_grassroots.refresh_from_db()
    w.hbt_enterprise.refresh_from_db()
    assert w.hbt_grassroots.path.startswith(w.md_union.path)
    moved = actions.move_organization(None, w.hbt_union, w.city_union)
    assert moved.path.startswith(w.city_union.path)
    w.hbt_enterprise.refresh_from_db()
    assert w.hbt_enterprise.path.startswith(moved.path) and w.hbt_enterprise.depth == moved.depth + 1


def test_changing_a_kind_that_would_orphan_the_units_below_is_refused(placed):
    with pytest.raises(ValidationError) as exc:
        actions.update_organization(None, placed.hbt_union, kind=K.STATE_AGENCY)
    assert "đơn vị trực thuộc" in errors_of(exc)["kind"][0]


def test_charlie_may_neither_add_nor_change_anything_in_hai_ba_trung(placed):
    w = placed
    with pytest.raises(ValidationError) as exc:
        actions.create_organization(
            w.charlie,
            name="CĐCS Z",
            kind=K.GRASSROOTS_UNION,
            level=L.GRASSROOTS,
            parent=w.hbt_union,
            admin_unit=w.hbt_unit,
        )
    assert errors_of(exc)["parent"] == [
        "Đơn vị cấp trên không tồn tại hoặc nằm ngoài phạm vi đơn vị của bạn."
    ]
    with pytest.raises(PermissionDenied):
        actions.update_organization(w.charlie, w.hbt_union, name="Đổi tên")
    with pytest.raises(ValidationError):
        actions.update_organization(w.charlie, w.md_union, parent=w.hbt_union)


def test_only_editors_change_and_only_administrators_make_top_level_units(placed):
    w = placed
    with pytest.raises(PermissionDenied):
        actions.update_organization(w.bob, w.hbt_union, name="Đổi tên")  # bob approves, he does not edit
    with pytest.raises(ValidationError) as exc:
        actions.create_organization(
            w.alice, name="LĐLĐ mới", kind=K.LABOUR_FEDERATION, level=L.PROVINCE, admin_unit=w.hanoi
        )
    assert "parent" in errors_of(exc)
    root = actions.create_organization(
        w.admin, name="Tổng LĐLĐ Việt Nam", kind=K.NATIONAL_FEDERATION, level=L.NATIONAL
    )
    assert root.parent is None and root.depth == 1


def test_alice_keeps_her_parent_when_she_edits_her_own_unit(placed):
    w = placed
    updated = actions.update_organization(
        w.alice,
        w.hbt_union,
        name="Liên đoàn Lao động quận Hai Bà Trưng",
        parent=w.city_union.pk,
        employees=12,
    )
    assert updated.parent == w.city_union and updated.employees == 12
    entry = ChangeLogEntry.objects.filter(object_id=str(w.hbt_union.pk), action="update").first()
    assert entry.changes["employees"] == [None, "12"]

"""Structural rules for organisations: which kind sits at which level, under which parent, on which unit."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .choices import OrgKind, OrgLevel, UnitLevel

K, L = OrgKind, OrgLevel

LEVEL_RANK = {L.NATIONAL: 0, L.PROVINCE: 1, L.DISTRICT: 2, L.COMMUNE: 3, L.GRASSROOTS: 4}

UPPER_UNIONS = {K.NATIONAL_FEDERATION, K.LABOUR_FEDERATION, K.SECTORAL_UNION, K.UPPER_LEVEL_UNION}
AREA_UNIONS = {K.LABOUR_FEDERATION, K.SECTORAL_UNION, K.UPPER_LEVEL_UNION, K.REGIONAL_UNION}
GOVERNMENT = {K.PEOPLE_COMMITTEE, K.DEPARTMENT}

# Levels each kind may take.
KIND_LEVELS: dict[str, set[str]] = {
    K.PEOPLE_COMMITTEE: {L.PROVINCE, L.DISTRICT, L.COMMUNE},
    K.DEPARTMENT: {L.PROVINCE, L.DISTRICT, L.COMMUNE},
    K.PEOPLES_COUNCIL: {L.PROVINCE, L.DISTRICT, L.COMMUNE},
    K.NATIONAL_FEDERATION: {L.NATIONAL},
    K.LABOUR_FEDERATION: {L.PROVINCE, L.DISTRICT},
    K.SECTORAL_UNION: {L.NATIONAL, L.PROVINCE},
    K.UPPER_LEVEL_UNION: {L.PROVINCE, L.DISTRICT},
    K.REGIONAL_UNION: {L.COMMUNE},
    K.GRASSROOTS_UNION: {L.GRASSROOTS},
    K.ENTERPRISE: {L.GRASSROOTS},
    K.STATE_AGENCY: {L.PROVINCE, L.DISTRICT, L.COMMUNE, L.GRASSROOTS},
    K.PUBLIC_SERVICE_UNIT: {L.PROVINCE, L.DISTRICT, L.COMMUNE, L.GRASSROOTS},
    K.PARTY_COMMITTEE: {L.PROVINCE, L.DISTRICT, L.COMMUNE, L.GRASSROOTS},
}

# Kinds each kind may sit under (absent = any parent). Enterprises and agencies hang under the union that
# covers their area (whose registries track them) or under the government body that manages them.
KIND_PARENTS: dict[str, set[str]] = {
    K.PEOPLE_COMMITTEE: {K.PEOPLE_COMMITTEE},
    K.DEPARTMENT: {K.PEOPLE_COMMITTEE},
    K.PEOPLES_COUNCIL: {K.PEOPLES_COUNCIL},
    K.NATIONAL_FEDERATION: set(),
    K.LABOUR_FEDERATION: {K.NATIONAL_FEDERATION, K.LABOUR_FEDERATION},
    K.SECTORAL_UNION: {K.NATIONAL_FEDERATION, K.LABOUR_FEDERATION},
    K.UPPER_LEVEL_UNION: UPPER_UNIONS,
    K.REGIONAL_UNION: {K.LABOUR_FEDERATION},
    K.GRASSROOTS_UNION: AREA_UNIONS,
    K.ENTERPRISE: AREA_UNIONS | GOVERNMENT,
    K.STATE_AGENCY: AREA_UNIONS | GOVERNMENT,
    K.PUBLIC_SERVICE_UNIT: AREA_UNIONS | GOVERNMENT,
    K.PARTY_COMMITTEE: {K.PARTY_COMMITTEE},
}

# Kinds whose remit is their area: what sits under them lies in their province. A sectoral or upper-level union
# (e.g. a corporation's union) may have units in several provinces.
TERRITORIAL = {
    K.LABOUR_FEDERATION,
    K.REGIONAL_UNION,
    K.PEOPLE_COMMITTEE,
    K.DEPARTMENT,
    K.PEOPLES_COUNCIL,
    K.PARTY_COMMITTEE,
}

# Kinds that may share their parent's level (a department is at its committee's level).
SAME_LEVEL_OK = {K.DEPARTMENT, K.SECTORAL_UNION, K.STATE_AGENCY, K.PUBLIC_SERVICE_UNIT, K.OTHER}

UNIT_LEVEL_FOR = {
    L.PROVINCE: UnitLevel.PROVINCE,
    L.DISTRICT: UnitLevel.DISTRICT,
    L.COMMUNE: UnitLevel.COMMUNE,
}

TAX_CODE_WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)


def tax_code_is_valid(value: str) -> bool:
    """Vietnamese tax code: 10 digits whose last is a check digit, optionally "-" and a 3-digit branch number."""
    head, _sep, branch = value.partition("-")
    if len(head) != 10 or not head.isdigit() or (branch and (len(branch) != 3 or not branch.isdigit())):
        return False
    total = sum(int(d) * w for d, w in zip(head[:9], TAX_CODE_WEIGHTS, strict=True))
    return 10 - total % 11 == int(head[9])


def with_check_digit(first_nine: str) -> str | None:
    """The 10-digit tax code completing `first_nine`, or None when no check digit fits (remainder 0)."""
    total = sum(int(d) * w for d, w in zip(first_nine, TAX_CODE_WEIGHTS, strict=True))
    check = 10 - total % 11
    return first_nine + str(check) if check < 10 else None


def current_province(unit):
    """The province of today holding an administrative unit, or None when it cannot be told.

    A legacy unit's province is followed to the one it merged into in 2025 (provinces merged whole, so there is one);
    so a district union placed on a legacy district and its city's federation placed on today's city agree.
    """
    province = unit if unit.level == UnitLevel.PROVINCE else (unit.province if unit.province_id else None)
    if province is None or not province.is_legacy:
        return province
    successors = list(province.successors.filter(level=UnitLevel.PROVINCE)[:2])
    return successors[0] if len(successors) == 1 else None


def _outside(unit, parent_unit):
    """(the unit's area, the parent's area) when `unit` lies outside `parent_unit`, else None.

    Provinces are compared everywhere (legacy ones followed to today's). Districts are compared only between legacy
    units, whose hierarchy is exact: today's communes map to legacy districts only through the wards table, and a
    gap there must not refuse a correct unit.
    """
    mine, theirs = current_province(unit), current_province(parent_unit)
    if mine is not None and theirs is not None and mine.pk != theirs.pk:
        return mine, theirs
    legacy_pair = parent_unit.is_legacy and unit.is_legacy
    if legacy_pair and parent_unit.level == UnitLevel.DISTRICT and unit.level == UnitLevel.COMMUNE:
        if unit.parent_id and unit.parent_id != parent_unit.pk:
            return unit.parent, parent_unit
    return None


def _label(choices, value) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return str(value)


def validate_organization(org, require_unit: bool = True) -> None:
    """Raise ValidationError naming each field that breaks a rule; nothing here writes."""
    errors: dict[str, list[str]] = {}

    def add(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    kind, level, parent = org.kind, org.level, org.parent if org.parent_id else None
    allowed_levels = KIND_LEVELS.get(kind)
    if allowed_levels is not None and level not in allowed_levels:
        add(
            "level",
            _("%(kind)s không thể ở %(level)s. Chọn một trong: %(allowed)s.")
            % {
                "kind": _label(OrgKind, kind),
                "level": _label(OrgLevel, level).lower(),
                "allowed": ", ".join(
                    _label(OrgLevel, x).lower() for x in sorted(allowed_levels, key=LEVEL_RANK.get)
                ),
            },
        )

    if parent is not None:
        if org.pk and (parent.pk == org.pk or (org.path and parent.path.startswith(org.path))):
            add("parent", _("Đơn vị cấp trên không được là chính nó hoặc đơn vị cấp dưới của nó."))
        allowed_parents = KIND_PARENTS.get(kind)
        if allowed_parents is not None and parent.kind not in allowed_parents:
            if allowed_parents:
                add(
                    "parent",
                    _("%(kind)s không thể trực thuộc %(parent_kind)s. Đơn vị cấp trên phải là: %(allowed)s.")
                    % {
                        "kind": _label(OrgKind, kind),
                        "parent_kind": _label(OrgKind, parent.kind).lower(),
                        "allowed": ", ".join(sorted(_label(OrgKind, x) for x in allowed_parents)),
                    },
                )
            else:
                add(
                    "parent",
                    _("%(kind)s là đơn vị cao nhất, không có đơn vị cấp trên.")
                    % {"kind": _label(OrgKind, kind)},
                )
        child_rank, parent_rank = LEVEL_RANK.get(level), LEVEL_RANK.get(parent.level)
        if child_rank is not None and parent_rank is not None:
            if kind == K.DEPARTMENT and child_rank != parent_rank:
                add("level", _("Sở, phòng, ban cùng cấp với Ủy ban nhân dân mà nó trực thuộc."))
            elif child_rank < parent_rank or (child_rank == parent_rank and kind not in SAME_LEVEL_OK):
                add(
                    "level",
                    _("Cấp của đơn vị (%(level)s) phải thấp hơn cấp của đơn vị cấp trên (%(parent_level)s).")
                    % {
                        "level": _label(OrgLevel, level).lower(),
                        "parent_level": _label(OrgLevel, parent.level).lower(),
                    },
                )

    unit = org.admin_unit if org.admin_unit_id else None
    if unit is None:
        if require_unit and level != L.NATIONAL:
            add("admin_unit", _("Chọn địa bàn (đơn vị hành chính) nơi đơn vị đặt trụ sở."))
    elif level in UNIT_LEVEL_FOR and unit.level != UNIT_LEVEL_FOR[level]:
        add(
            "admin_unit",
            _("Đơn vị %(level)s phải đặt trên địa bàn %(unit_level)s; %(unit)s là %(actual)s.")
            % {
                "level": _label(OrgLevel, level).lower(),
                "unit_level": _label(UnitLevel, UNIT_LEVEL_FOR[level]).lower(),
                "unit": unit.name,
                "actual": _label(UnitLevel, unit.level).lower(),
            },
        )

    if unit is not None and parent is not None and parent.kind in TERRITORIAL and parent.admin_unit_id:
        outside = _outside(unit, parent.admin_unit)
        if outside is not None:
            add(
                "admin_unit",
                _(
                    "Địa bàn %(unit)s thuộc %(area)s, ngoài địa bàn của đơn vị cấp trên «%(parent)s» "
                    "(%(parent_area)s). Chọn địa bàn trong %(parent_area)s, hoặc chọn lại đơn vị cấp trên."
                )
                % {
                    "unit": unit.name,
                    "area": outside[0].name,
                    "parent": parent.name,
                    "parent_area": outside[1].name,
                },
            )

    if kind == K.ENTERPRISE:
        if not org.ownership:
            add("ownership", _("Doanh nghiệp cần có loại hình sở hữu (nhà nước, ngoài nhà nước hoặc FDI)."))
        if not org.tax_code:
            add("tax_code", _("Doanh nghiệp cần có mã số thuế."))
    if org.tax_code and not tax_code_is_valid(org.tax_code):
        add(
            "tax_code",
            _(
                "Mã số thuế %(code)s không hợp lệ: cần 10 chữ số (chữ số cuối là số kiểm tra) hoặc 10 chữ số, "
                "dấu gạch ngang và 3 số đuôi, ví dụ 0100107518 hoặc 0100107518-001."
            )
            % {"code": org.tax_code},
        )
    if org.valid_from and org.valid_to and org.valid_to < org.valid_from:
        add("valid_to", _("Ngày giải thể phải sau ngày thành lập."))
    if org.counterpart_id and org.pk and org.counterpart_id == org.pk:
        add("counterpart", _("Cơ quan phối hợp cùng cấp phải là một đơn vị khác."))
    if errors:
        raise ValidationError(errors)

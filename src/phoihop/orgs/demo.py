"""Demo organisations and people from the seed articles, placed on their real (legacy) administrative units.

Reads nothing from ctx. Puts into ctx["orgs"]:
  tld                          Tổng Liên đoàn Lao động Việt Nam (national, no unit)
  hn_gov, hn_union, hn_party   UBND / LĐLĐ / Thành ủy thành phố Hà Nội (legacy Thành phố Hà Nội)
  hbt_gov, hbt_union, hbt_party  quận Hai Bà Trưng (legacy district of Hà Nội; ended 30/6/2025)
  md_gov, md_union, md_party, md_council  huyện Mỹ Đức (legacy district; ended 30/6/2025)
  bt_gov, bt_union             tỉnh Bến Tre (legacy province, merged into Vĩnh Long on 1/7/2025)
  city_gov, city_union         the "UBND thành phố và LĐLĐ" of seed 001 (see below)
  hp_gov, hp_union, hp_party   thành phố Hải Phòng (legacy)
  qn_gov, qn_union, qn_party   tỉnh Quảng Ninh (legacy)
  hbt_dept_labour, hbt_agency1, hbt_psu1   a department, an agency and a public service unit of UBND quận HBT
  hbt_ent1..hbt_ent4, hbt_gr1..hbt_gr5     enterprises (under LĐLĐ quận, which covers them) and grassroots unions
  md_ent1, md_ent2, md_psu1, md_gr1..md_gr3  the same for Mỹ Đức
and ctx["people"][key] for every official the seeds name, with the title they give (keys are the folded names:
dang_thi_phuong_hoa, tran_quyet_thang, vu_van_hoat, nguyen_thi_kim_dung, nguyen_thi_be_muoi, nguyen_phuc_linh,
vu_kim_son, bach_lien_huong, nguyen_van_hoat, nguyen_thi_hoa, do_huu_hung, nguyen_phi_thuong, tong_van_bang,
to_xuan_thao). Article bylines (Ý Nguyễn, Hoài Thương, Trang Thu, P. Diệp) are authors, not officials: left out.

Choices where the seeds are silent:
- Seed 001 never names its "thành phố". Its scale (12 collectives and 17 individuals commended, 200 key officials)
  reads like a provincial city (thành phố thuộc tỉnh, district level), so city_gov/city_union are district-level
  bodies named exactly as the article names them, with no parent and no administrative unit (choosing one would
  invent a fact); a note on each says so.
- Enterprises and grassroots unions are illustrative (marked in their note), with generic names, made-up but
  well-formed tax codes, and no addresses. An enterprise sits under the federation that covers its area; its
  grassroots union is a sibling whose counterpart is the enterprise. Agencies sit under the UBND they belong to.
- District bodies end on 30/6/2025 (district level abolished); Bến Tre's bodies too (province merged).
"""

from __future__ import annotations

import datetime as dt

from .actions import create_organization, create_person, update_organization
from .choices import OrgKind, OrgLevel, Ownership, UnitLevel
from .models import AdminUnit, Organization, Person
from .rules import with_check_digit

K, L = OrgKind, OrgLevel
DISTRICTS_END = dt.date(2025, 6, 30)
ILLUSTRATIVE = "Đơn vị minh họa (không có trong bài viết gốc), dùng để thử báo cáo, tổng hợp và sổ theo dõi."
UNNAMED_CITY = (
    "Bài viết gốc (sơ kết chương trình phối hợp năm 2021) không nêu tên thành phố; coi là thành phố thuộc tỉnh "
    "(cấp huyện). Chưa gắn địa bàn và đơn vị cấp trên."
)


def _province(name: str) -> AdminUnit:
    return AdminUnit.objects.get(is_legacy=True, level=UnitLevel.PROVINCE, name=name)


def _district(name: str, province: str = "Thành phố Hà Nội") -> AdminUnit:
    return AdminUnit.objects.get(is_legacy=True, level=UnitLevel.DISTRICT, name=name, province__name=province)


def _ward(name: str, district: AdminUnit) -> AdminUnit:
    return AdminUnit.objects.get(is_legacy=True, level=UnitLevel.COMMUNE, name=name, parent=district)


def _tax_codes():
    """Well-formed demo tax codes (Hà Nội prefix 01, check digit valid) from a fixed block."""
    serial = 0
    while True:
        serial += 1
        code = with_check_digit(f"0109{serial:05d}")
        if code:
            yield code


def _pair(orgs, key: str, gov: dict, union: dict) -> None:
    orgs[f"{key}_gov"] = gov_org = create_organization(
        None, kind=K.PEOPLE_COMMITTEE, abbreviation="UBND", **gov
    )
    orgs[f"{key}_union"] = create_organization(
        None, kind=K.LABOUR_FEDERATION, abbreviation="LĐLĐ", counterpart=gov_org, **union
    )
    update_organization(None, gov_org, counterpart=orgs[f"{key}_union"])
    orgs[f"{key}_gov"].refresh_from_db()


def load(ctx: dict) -> None:
    orgs = ctx.setdefault("orgs", {})
    hanoi, haiphong, quangninh, bentre = (
        _province("Thành phố Hà Nội"),
        _province("Thành phố Hải Phòng"),
        _province("Tỉnh Quảng Ninh"),
        _province("Tỉnh Bến Tre"),
    )
    hbt, md = _district("Quận Hai Bà Trưng"), _district("Huyện Mỹ Đức")

    orgs["tld"] = create_organization(
        None,
        name="Tổng Liên đoàn Lao động Việt Nam",
        short_name="Tổng LĐLĐ Việt Nam",
        abbreviation="TLĐ",
        kind=K.NATIONAL_FEDERATION,
        level=L.NATIONAL,
    )
    province = {"level": L.PROVINCE}
    _pair(
        orgs,
        "hn",
        {
            "name": "Ủy ban nhân dân thành phố Hà Nội",
            "short_name": "UBND thành phố Hà Nội",
            "admin_unit": hanoi,
            **province,
        },
        {
            "name": "Liên đoàn Lao động thành phố Hà Nội",
            "short_name": "LĐLĐ thành phố Hà Nội",
            "admin_unit": hanoi,
            "parent": orgs["tld"],
            **province,
        },
    )
    district = {"level": L.DISTRICT, "valid_to": DISTRICTS_END}
    _pair(
        orgs,
        "hbt",
        {
            "name": "Ủy ban nhân dân quận Hai Bà Trưng",
            "short_name": "UBND quận Hai Bà Trưng",
            "admin_unit": hbt,
            "parent": orgs["hn_gov"],
            **district,
        },
        {
            "name": "Liên đoàn Lao động quận Hai Bà Trưng",
            "short_name": "LĐLĐ quận Hai Bà Trưng",
            "admin_unit": hbt,
            "parent": orgs["hn_union"],
            **district,
        },
    )
    _pair(
        orgs,
        "md",
        {
            "name": "Ủy ban nhân dân huyện Mỹ Đức",
            "short_name": "UBND huyện Mỹ Đức",
            "admin_unit": md,
            "parent": orgs["hn_gov"],
            **district,
        },
        {
            "name": "Liên đoàn Lao động huyện Mỹ Đức",
            "short_name": "LĐLĐ huyện Mỹ Đức",
            "admin_unit": md,
            "parent": orgs["hn_union"],
            **district,
        },
    )
    merged = {"level": L.PROVINCE, "valid_to": DISTRICTS_END, "admin_unit": bentre}
    _pair(
        orgs,
        "bt",
        {"name": "Ủy ban nhân dân tỉnh Bến Tre", "short_name": "UBND tỉnh Bến Tre", **merged},
        {
            "name": "Liên đoàn Lao động tỉnh Bến Tre",
            "short_name": "LĐLĐ tỉnh Bến Tre",
            "parent": orgs["tld"],
            **merged,
        },
    )
    _pair(
        orgs,
        "hp",
        {
            "name": "Ủy ban nhân dân thành phố Hải Phòng",
            "short_name": "UBND thành phố Hải Phòng",
            "admin_unit": haiphong,
            **province,
        },
        {
            "name": "Liên đoàn Lao động thành phố Hải Phòng",
            "short_name": "LĐLĐ thành phố Hải Phòng",
            "admin_unit": haiphong,
            "parent": orgs["tld"],
            **province,
        },
    )
    _pair(
        orgs,
        "qn",
        {
            "name": "Ủy ban nhân dân tỉnh Quảng Ninh",
            "short_name": "UBND tỉnh Quảng Ninh",
            "admin_unit": quangninh,
            **province,
        },
        {
            "name": "Liên đoàn Lao động tỉnh Quảng Ninh",
            "short_name": "LĐLĐ tỉnh Quảng Ninh",
            "admin_unit": quangninh,
            "parent": orgs["tld"],
            **province,
        },
    )
    orgs["city_gov"] = create_organization(
        None,
        name="Ủy ban nhân dân thành phố",
        abbreviation="UBND",
        kind=K.PEOPLE_COMMITTEE,
        level=L.DISTRICT,
        note=UNNAMED_CITY,
        require_unit=False,
    )
    orgs["city_union"] = create_organization(
        None,
        name="Liên đoàn Lao động thành phố",
        abbreviation="LĐLĐ",
        kind=K.LABOUR_FEDERATION,
        level=L.DISTRICT,
        counterpart=orgs["city_gov"],
        note=UNNAMED_CITY,
        require_unit=False,
    )
    update_organization(None, orgs["city_gov"], counterpart=orgs["city_union"])

    party = {"kind": K.PARTY_COMMITTEE}
    orgs["hn_party"] = create_organization(
        None, name="Thành ủy Hà Nội", level=L.PROVINCE, admin_unit=hanoi, **party
    )
    orgs["hbt_party"] = create_organization(
        None,
        name="Quận ủy Hai Bà Trưng",
        level=L.DISTRICT,
        admin_unit=hbt,
        parent=orgs["hn_party"],
        valid_to=DISTRICTS_END,
        **party,
    )
    orgs["md_party"] = create_organization(
        None,
        name="Huyện ủy Mỹ Đức",
        level=L.DISTRICT,
        admin_unit=md,
        parent=orgs["hn_party"],
        valid_to=DISTRICTS_END,
        **party,
    )
    orgs["hp_party"] = create_organization(
        None, name="Thành ủy Hải Phòng", level=L.PROVINCE, admin_unit=haiphong, **party
    )
    orgs["qn_party"] = create_organization(
        None, name="Tỉnh ủy Quảng Ninh", level=L.PROVINCE, admin_unit=quangninh, **party
    )
    orgs["md_council"] = create_organization(
        None,
        name="Hội đồng nhân dân huyện Mỹ Đức",
        short_name="HĐND huyện Mỹ Đức",
        abbreviation="HĐND",
        kind=K.PEOPLES_COUNCIL,
        level=L.DISTRICT,
        admin_unit=md,
        valid_to=DISTRICTS_END,
    )
    _load_units_below(orgs, hbt, md)
    ctx.setdefault("people", {}).update(_load_people(orgs))


def _load_units_below(orgs: dict, hbt: AdminUnit, md: AdminUnit) -> None:
    tax = _tax_codes()

    def enterprise(key, name, ownership, employees, ward, parent, union_key=None):
        orgs[key] = create_organization(
            None,
            name=name,
            kind=K.ENTERPRISE,
            level=L.GRASSROOTS,
            parent=parent,
            admin_unit=ward,
            ownership=ownership,
            employees=employees,
            tax_code=next(tax),
            note=ILLUSTRATIVE,
        )
        if union_key:
            orgs[union_key] = create_organization(
                None,
                name=f"Công đoàn cơ sở {name}",
                short_name=f"CĐCS {name}",
                kind=K.GRASSROOTS_UNION,
                level=L.GRASSROOTS,
                parent=parent,
                admin_unit=ward,
                counterpart=orgs[key],
                note=ILLUSTRATIVE,
            )
            update_organization(None, orgs[key], counterpart=orgs[union_key])

    def agency(key, name, kind, employees, gov, union_parent, union_key, unit):
        orgs[key] = create_organization(
            None,
            name=name,
            kind=kind,
            level=L.DISTRICT,
            parent=gov,
            admin_unit=unit,
            employees=employees,
            note=ILLUSTRATIVE,
            valid_to=DISTRICTS_END,
        )
        orgs[union_key] = create_organization(
            None,
            name=f"Công đoàn cơ sở {name}",
            kind=K.GRASSROOTS_UNION,
            level=L.GRASSROOTS,
            parent=union_parent,
            admin_unit=unit,
            counterpart=orgs[key],
            note=ILLUSTRATIVE,
            valid_to=DISTRICTS_END,
        )
        update_organization(None, orgs[key], counterpart=orgs[union_key])

    orgs["hbt_dept_labour"] = create_organization(
        None,
        name="Phòng Lao động - Thương binh và Xã hội quận Hai Bà Trưng",
        short_name="Phòng LĐ-TB&XH quận",
        kind=K.DEPARTMENT,
        level=L.DISTRICT,
        parent=orgs["hbt_gov"],
        admin_unit=hbt,
        valid_to=DISTRICTS_END,
        note=ILLUSTRATIVE,
    )
    union = orgs["hbt_union"]
    enterprise(
        "hbt_ent1",
        "Công ty Cổ phần May Hai Bà Trưng",
        Ownership.PRIVATE,
        850,
        _ward("Phường Minh Khai", hbt),
        union,
        "hbt_gr1",
    )
    enterprise(
        "hbt_ent2",
        "Công ty TNHH Điện tử Vĩnh Tuy",
        Ownership.FOREIGN,
        420,
        _ward("Phường Vĩnh Tuy", hbt),
        union,
        "hbt_gr2",
    )
    enterprise(
        "hbt_ent3",
        "Công ty TNHH Một thành viên Cơ khí Bạch Mai",
        Ownership.STATE,
        260,
        _ward("Phường Bạch Mai", hbt),
        union,
        "hbt_gr3",
    )
    enterprise(
        "hbt_ent4",
        "Công ty TNHH Thương mại Thanh Nhàn",
        Ownership.PRIVATE,
        35,
        _ward("Phường Thanh Nhàn", hbt),
        union,
    )
    agency(
        "hbt_agency1",
        "Văn phòng HĐND và UBND quận Hai Bà Trưng",
        K.STATE_AGENCY,
        45,
        orgs["hbt_gov"],
        union,
        "hbt_gr4",
        hbt,
    )
    agency(
        "hbt_psu1",
        "Trung tâm Văn hóa - Thông tin và Thể thao quận Hai Bà Trưng",
        K.PUBLIC_SERVICE_UNIT,
        38,
        orgs["hbt_gov"],
        union,
        "hbt_gr5",
        hbt,
    )

    union = orgs["md_union"]
    enterprise(
        "md_ent1",
        "Công ty TNHH Vật liệu xây dựng Hương Sơn",
        Ownership.PRIVATE,
        120,
        _ward("Xã Hương Sơn", md),
        union,
        "md_gr1",
    )
    enterprise(
        "md_ent2",
        "Công ty TNHH May mặc Đại Nghĩa",
        Ownership.PRIVATE,
        310,
        _ward("Thị trấn Đại Nghĩa", md),
        union,
        "md_gr3",
    )
    agency(
        "md_psu1",
        "Trung tâm Y tế huyện Mỹ Đức",
        K.PUBLIC_SERVICE_UNIT,
        160,
        orgs["md_gov"],
        union,
        "md_gr2",
        md,
    )


# (key, full name, title as the seed gives it, org key, date of the article or None when it gives no year)
PEOPLE = [
    (
        "dang_thi_phuong_hoa",
        "Đặng Thị Phương Hoa",
        "Phó Chủ tịch thường trực LĐLĐ thành phố Hà Nội",
        "hn_union",
        dt.date(2020, 9, 17),
    ),
    (
        "tran_quyet_thang",
        "Trần Quyết Thắng",
        "Phó Bí thư thường trực Quận ủy Hai Bà Trưng",
        "hbt_party",
        dt.date(2020, 9, 17),
    ),
    (
        "vu_van_hoat",
        "Vũ Văn Hoạt",
        "Ủy viên thường vụ Quận ủy, Phó Chủ tịch UBND Quận",
        "hbt_gov",
        dt.date(2020, 9, 17),
    ),
    (
        "nguyen_thi_kim_dung",
        "Nguyễn Thị Kim Dung",
        "Quận ủy viên, Chủ tịch LĐLĐ Quận",
        "hbt_union",
        dt.date(2020, 9, 17),
    ),
    ("nguyen_thi_be_muoi", "Nguyễn Thị Bé Mười", "Phó Chủ tịch UBND tỉnh", "bt_gov", dt.date(2024, 11, 8)),
    ("nguyen_phuc_linh", "Nguyễn Phúc Linh", "Chủ tịch LĐLĐ tỉnh", "bt_union", dt.date(2024, 11, 8)),
    ("vu_kim_son", "Vũ Kim Sơn", "Phó Chủ tịch Thường trực LĐLĐ TP. Hà Nội", "hn_union", None),
    (
        "bach_lien_huong",
        "Bạch Liên Hương",
        "Thành ủy viên, Bí thư huyện ủy, Chủ tịch HĐND huyện",
        "md_party",
        None,
    ),
    ("nguyen_van_hoat", "Nguyễn Văn Hoạt", "Phó Bí thư huyện ủy, Chủ tịch UBND huyện", "md_gov", None),
    ("nguyen_thi_hoa", "Nguyễn Thị Hòa", "Phó Chủ tịch LĐLĐ huyện", "md_union", None),
    ("do_huu_hung", "Đỗ Hữu Hùng", "Chủ tịch LĐLĐ huyện", "md_union", None),
    (
        "nguyen_phi_thuong",
        "Nguyễn Phi Thường",
        "Ủy viên Đoàn Chủ tịch Tổng LĐLĐ Việt Nam, Thành ủy viên, Chủ tịch LĐLĐ thành phố Hà Nội",
        "hn_union",
        dt.date(2022, 6, 27),
    ),
    (
        "tong_van_bang",
        "Tống Văn Băng",
        "Ủy viên Ban chấp hành Tổng LĐLĐ Việt Nam, Thành ủy viên, Chủ tịch LĐLĐ thành phố Hải Phòng",
        "hp_union",
        dt.date(2022, 6, 27),
    ),
    (
        "to_xuan_thao",
        "Tô Xuân Thao",
        "Ủy viên Ban chấp hành Tổng LĐLĐ Việt Nam, Tỉnh ủy viên, Chủ tịch LĐLĐ tỉnh Quảng Ninh",
        "qn_union",
        dt.date(2022, 6, 27),
    ),
]


def _load_people(orgs: dict) -> dict[str, Person]:
    return {
        key: create_person(None, full_name=name, title=title, organization=orgs[org_key], title_as_of=as_of)
        for key, name, title, org_key, as_of in PEOPLE
    }


ROOT_NAMES = [
    "Tổng Liên đoàn Lao động Việt Nam",
    "Ủy ban nhân dân thành phố Hà Nội",
    "Ủy ban nhân dân tỉnh Bến Tre",
    "Ủy ban nhân dân thành phố Hải Phòng",
    "Ủy ban nhân dân tỉnh Quảng Ninh",
    "Ủy ban nhân dân thành phố",
    "Liên đoàn Lao động thành phố",
    "Thành ủy Hà Nội",
    "Thành ủy Hải Phòng",
    "Tỉnh ủy Quảng Ninh",
    "Hội đồng nhân dân huyện Mỹ Đức",
]


def reset() -> None:
    """Remove the demo organisations with their subtrees and people (later apps' resets run first)."""
    roots = Organization.objects.filter(name__in=ROOT_NAMES, parent__isnull=True)
    paths = list(roots.values_list("path", flat=True))
    if not paths:
        return
    from functools import reduce
    from operator import or_

    from django.db.models import Q

    subtree = Organization.objects.filter(reduce(or_, (Q(path__startswith=p) for p in paths)))
    Person.objects.filter(organization__in=subtree).delete()
    Organization.objects.filter(pk__in=subtree.values("pk")).update(counterpart=None)
    for org in subtree.order_by("-depth"):
        org.delete()

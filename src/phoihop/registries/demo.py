"""Demo registries: the lists behind the seeds' figures, so that the computed figures equal the typed ones.

Reads ctx["orgs"] (orgs/demo.py: tld, hn_union, hbt_gov, hbt_union, hbt_dept_labour, hbt_agency1, hbt_psu1,
hbt_ent1..4, hbt_gr1..5, md_union, md_ent1, md_ent2, md_gr1..3, city_gov, city_union, hp_union, qn_union,
bt_union), and when present ctx["agreements"] (hbt_2017, md_2011, city_2021, fed3_2022, bt_2018) and
ctx["meetings"] (hbt_final_2020, city_interim_2021). Puts ctx["movements"][key] (hbt_initiatives, md_lao_dong,
city_lao_dong, bt_dong_khoi, one_million) and creates the extra illustrative units it needs (enterprises and
agencies' grassroots unions of Hai Bà Trưng and Mỹ Đức, departments and unions of the unnamed city, eight
district federations of Hà Nội for the one-million-initiatives campaign, enterprises of Bến Tre).

Where the seeds give only a total, records are spread evenly over the units and the period; names, titles and
amounts are illustrative. Choices where the seeds are vague:
- Hai Bà Trưng's "67 - 74%" becomes 68, 70, 72 and 74% of 50 enterprises in 2017–2020 (71% over the period), the
  same enterprises holding dialogues; "100%" of ten agencies' unions every year.
- Mỹ Đức's 92,17% over five years is 106 conferences held by 23 units × 5 years = 115 due; "trên 2,2 tỉ đồng" of
  gifts is exactly 2,2 tỷ; "136 sáng kiến cấp trên cơ sở" are district level; the 111 good workers grassroots.
- The city's "gần 1 tỷ đồng" of donations is 985 triệu; seed 004's "hơn 51.500" and "gần 18.500" registrations are
  exactly 51.500 and 18.500, registered between 1/9/2021 and 24/6/2022.
- Decisions awarded at a meeting are dated within the period the figure belongs to (the city's on 28/12/2021).
"""

from __future__ import annotations

import datetime as dt

from phoihop.orgs.choices import OrgKind, OrgLevel

from . import compute
from .bulk import insert_rows
from .choices import (
    AgreementScope,
    Audience,
    CommendationForm,
    EducationKind,
    FollowUpStatus,
    InspectionKind,
    Occasion,
    RecipientKind,
    RecognitionKind,
    RecognitionLevel,
    SupportKind,
    WorkplaceKind,
)
from .demo_units import FIELDS, OBJECTS, PLACE_WORDS, Units, _enterprise_names, _name, _spread, _title
from .models import (
    Commendation,
    CommendationRecipient,
    DedicatedWork,
    EducationSession,
    GiftProgramme,
    Initiative,
    Inspection,
    Loan,
    Movement,
    MovementParticipant,
    Recognition,
    SkillsContest,
    Support,
    WorkplaceYear,
)

D = dt.date


def _bulk(model, objs) -> int:
    return insert_rows(model, objs)


def load(ctx: dict) -> None:
    from phoihop.reporting.models import Period

    orgs = ctx["orgs"]
    for year in range(2011, 2024):
        Period.for_year(year)
    units = Units(orgs)
    movements = ctx.setdefault("movements", {})
    _hai_ba_trung(ctx, units, movements)
    _my_duc(ctx, units, movements)
    _city(ctx, units, movements)
    _campaign(ctx, units, movements)
    _ben_tre(ctx, units, movements)
    compute.recompute_all()


def _movement(key, movements, **fields) -> Movement:
    movements[key] = movement = Movement(**fields)
    movement.save()
    return movement


def _initiatives(units_, n, level, start, end, movement, offset, benefit=True) -> list:
    out = []
    for i, day in enumerate(_spread(start, end, n)):
        unit = units_[i % len(units_)]
        k = offset + i
        out.append(
            Initiative(
                title=_title(k // len(units_) + (k % len(units_)) * 7), authors=f"{_name(k)}; {_name(k + 7)}", unit=unit,
                field=FIELDS[k % 6], recognised_date=day, recognition_level=level,
                benefit_vnd=(5 + k % 40) * 10_000_000 if benefit else None, movement=movement,
            )
        )  # fmt: skip
    return out


def _recognitions(units_, kind, level, n, start, end, movement, offset) -> list:
    return [
        Recognition(
            kind=kind, person_name=_name(offset + i), person_title=("Công nhân", "Tổ trưởng", "Kỹ thuật viên")[i % 3],
            unit=units_[i % len(units_)], level=level, recognised_date=day, movement=movement,
        )
        for i, day in enumerate(_spread(start, end, n))
    ]  # fmt: skip


def _workplaces(orgs_, year, held: int, kind=None, dialogues=True, fee=True) -> list:
    out = []
    for i, org in enumerate(orgs_):
        done = i < held
        wkind = kind or WorkplaceKind.ENTERPRISE
        payroll = (org.employees or 80) * 60_000_000 if fee and wkind == WorkplaceKind.ENTERPRISE else None
        due = WorkplaceYear.fee_due(payroll)
        out.append(
            WorkplaceYear(
                organization=org, year=year, workplace_kind=wkind, employees=org.employees or 40 + i,
                has_union=i % 4 != 3, union_members=int((org.employees or 40 + i) * 0.8) if i % 4 != 3 else None,
                conference_date=D(year, 1 + i % 3, 10 + i % 15) if done else None,
                dialogue_dates=[D(year, 6, 12).isoformat(), D(year, 11, 20).isoformat()] if done and dialogues else [],
                cla_signed_date=D(year, 4, 1) if done and i % 3 == 0 else None,
                cla_term_years=2 if done and i % 3 == 0 else None,
                cla_scope=AgreementScope.ENTERPRISE if done and i % 3 == 0 else "",
                payroll_vnd=payroll, union_fee_due_vnd=due,
                union_fee_paid_vnd=(due if i % 5 else due * 3 // 4) if due else None,
            )
        )  # fmt: skip
    return out


def _hai_ba_trung(ctx, units: Units, movements) -> None:
    orgs, agreements, meetings = ctx["orgs"], ctx.get("agreements", {}), ctx.get("meetings", {})
    union, gov = orgs["hbt_union"], orgs["hbt_gov"]
    given = [orgs[f"hbt_ent{i}"] for i in range(1, 5)]
    extra = units.enterprises(union, _enterprise_names(46, PLACE_WORDS), "0110", like=given[0])
    enterprises = given + extra
    agency_unions = [orgs["hbt_gr4"], orgs["hbt_gr5"]] + units.unions(
        union,
        [
            f"Công đoàn cơ sở Trường {s}"
            for s in (
                "Tiểu học Lê Ngọc Hân",
                "THCS Ngô Quyền",
                "THCS Tô Hoàng",
                "Mầm non Hoa Sen",
                "Tiểu học Bạch Mai",
                "THCS Đoàn Kết",
                "Mầm non Vĩnh Tuy",
                "Tiểu học Thanh Lương",
            )
        ],  # fmt: skip
        like=orgs["hbt_gr1"],
    )
    hbt_movement = _movement(
        "hbt_initiatives", movements, name="Sáng kiến, sáng tạo", launched_by=union, level=union.level,
        start_date=D(2017, 6, 1), end_date=D(2020, 9, 30), agreement=agreements.get("hbt_2017"),
        slogan="Phát huy sáng kiến, cải tiến kỹ thuật trong CNVCLĐ quận",
    )  # fmt: skip
    good = _movement(
        "hbt_good_workers", movements, name="Công nhân giỏi", launched_by=union, level=union.level,
        start_date=D(2017, 6, 1), end_date=D(2020, 9, 30), agreement=agreements.get("hbt_2017"),
    )  # fmt: skip
    _movement(
        "hbt_good_deeds", movements, name="Người tốt, việc tốt", launched_by=union, level=union.level,
        start_date=D(2017, 6, 1), end_date=D(2020, 9, 30), agreement=agreements.get("hbt_2017"),
    )  # fmt: skip
    start, end = D(2017, 6, 15), D(2020, 9, 10)
    batch = []
    for level, n, offset in ((RecognitionLevel.GRASSROOTS, 1089, 0), (RecognitionLevel.DISTRICT, 59, 2000),
                             (RecognitionLevel.CITY, 7, 3000)):  # fmt: skip
        batch += _initiatives(enterprises, n, level, start, end, hbt_movement, offset)
    _bulk(Initiative, batch)
    recs = []
    for kind, level, n, offset in (
        (RecognitionKind.GOOD_WORKER, RecognitionLevel.GRASSROOTS, 1065, 0),
        (RecognitionKind.GOOD_WORKER, RecognitionLevel.DISTRICT, 145, 1200),
        (RecognitionKind.GOOD_WORKER, RecognitionLevel.CITY, 9, 1400),
        (RecognitionKind.GOOD_DEED, RecognitionLevel.GRASSROOTS, 505, 1500),
        (RecognitionKind.GOOD_DEED, RecognitionLevel.DISTRICT, 117, 2100),
    ):
        movement = good if kind == RecognitionKind.GOOD_WORKER else movements["hbt_good_deeds"]
        recs += _recognitions(enterprises, kind, level, n, start, end, movement, offset)
    _bulk(Recognition, recs)
    # 65 contests held by units, 3.500 participants in all.
    _bulk(
        SkillsContest,
        [
            SkillsContest(
                title=f"Hội thi thợ giỏi nghề {OBJECTS[i % 40].split()[0]} năm {day.year}", organiser=enterprises[i % 50],
                held_date=day, level=RecognitionLevel.GRASSROOTS, trade=OBJECTS[i % 40], participants=54 if i < 55 else 53,
                winners=f"{_name(i)} – giải Nhất\n{_name(i + 3)} – giải Nhì", movement=good,
            )
            for i, day in enumerate(_spread(D(2017, 9, 1), D(2020, 8, 30), 65))
        ],
    )  # fmt: skip
    rows = []
    for year, held in ((2017, 34), (2018, 35), (2019, 36), (2020, 37)):
        rows += _workplaces(enterprises, year, held)
        rows += _workplaces(
            agency_unions,
            year,
            len(agency_unions),
            kind=WorkplaceKind.PUBLIC_UNIT,
            dialogues=False,
            fee=False,
        )
    for row in rows:
        if row.organization_id == orgs["hbt_gr4"].pk:
            row.workplace_kind = WorkplaceKind.STATE_AGENCY
    _bulk(WorkplaceYear, rows)
    decision = Commendation(
        organization=union, decision_number="2154/QĐ-UBND", decision_date=D(2020, 9, 15), issuer=gov,
        form=CommendationForm.GIAY_KHEN, agreement=agreements.get("hbt_2017"), meeting=meetings.get("hbt_final_2020"),
        reason="Đã có thành tích trong thực hiện Chương trình phối hợp công tác giữa UBND và LĐLĐ quận, giai đoạn 2017-2020",
    )  # fmt: skip
    decision.save()
    collectives = [orgs[k] for k in ("hbt_dept_labour", "hbt_agency1", "hbt_psu1")]
    collectives += [orgs[f"hbt_gr{i}"] for i in range(1, 6)] + given + extra[:4]
    _bulk(
        CommendationRecipient,
        [
            CommendationRecipient(commendation=decision, kind=RecipientKind.COLLECTIVE, organization=org,
                                  achievement="Hoàn thành tốt nhiệm vụ phối hợp giai đoạn 2017-2020")
            for org in collectives
        ],
    )  # fmt: skip
    _bulk(
        Inspection,
        [
            Inspection(
                organization=enterprises[i * 3], date=day, kind=(InspectionKind.CHECK, InspectionKind.SUPERVISION)[i % 2],
                team="Đoàn kiểm tra liên ngành LĐLĐ quận – Phòng Lao động - Thương binh và Xã hội quận",
                findings="Doanh nghiệp cơ bản thực hiện đúng chế độ tiền lương, bảo hiểm xã hội.",
                violations_count=i % 3, violations="Chậm đóng kinh phí công đoàn" if i % 3 else "",
                recommendations="Nộp đủ kinh phí công đoàn còn thiếu" if i % 3 else "",
                follow_up_status=FollowUpStatus.RESOLVED if i % 3 else "", follow_up_date=day + dt.timedelta(days=45) if i % 3 else None,
            )
            for i, day in enumerate(_spread(D(2018, 3, 1), D(2020, 8, 1), 12))
        ],
    )  # fmt: skip
    _bulk(
        EducationSession,
        [
            EducationSession(organization=union, date=day, kind=EducationKind.LEGAL, topic=topic, participants=150 + i * 20)
            for i, (day, topic) in enumerate(zip(_spread(D(2017, 10, 5), D(2020, 7, 15), 4), (
                "Tuyên truyền Luật Công đoàn và Bộ luật Lao động", "Chính sách bảo hiểm xã hội cho người lao động",
                "Bộ luật Lao động năm 2019", "Phòng chống dịch Covid-19 tại nơi làm việc"), strict=True))
        ],
    )  # fmt: skip


def _my_duc(ctx, units: Units, movements) -> None:
    orgs, agreements = ctx["orgs"], ctx.get("agreements", {})
    union = orgs["md_union"]
    given = [orgs["md_ent1"], orgs["md_ent2"]]
    extra = units.enterprises(
        union, _enterprise_names(20, ["Hương Sơn", "Đại Nghĩa", "Phù Lưu Tế"]), "0111", like=given[0]
    )
    enterprises = given + extra
    grassroots = [orgs[f"md_gr{i}"] for i in range(1, 4)]
    movement = _movement(
        "md_lao_dong", movements, name="Lao động giỏi, lao động sáng tạo", launched_by=union, level=union.level,
        start_date=D(2011, 1, 1), end_date=D(2015, 12, 31), agreement=agreements.get("md_2011"),
    )  # fmt: skip
    start, end = D(2011, 3, 1), D(2015, 10, 30)
    _bulk(
        Initiative,
        _initiatives(enterprises, 850, RecognitionLevel.GRASSROOTS, start, end, movement, 5000)
        + _initiatives(enterprises, 136, RecognitionLevel.DISTRICT, start, end, movement, 6000),
    )
    _bulk(
        Recognition,
        _recognitions(
            enterprises,
            RecognitionKind.GOOD_WORKER,
            RecognitionLevel.GRASSROOTS,
            111,
            start,
            end,
            movement,
            3000,
        )
        + _recognitions(
            enterprises, RecognitionKind.CREATIVE, RecognitionLevel.GRASSROOTS, 74, start, end, movement, 3200
        ),
    )
    _bulk(
        DedicatedWork,
        [
            DedicatedWork(name=name, unit=unit, occasion=occasion, dedicated_date=day, value_vnd=value, movement=movement)
            for name, unit, occasion, day, value in (
                ("Nhà văn hóa công nhân khu sản xuất Hương Sơn", enterprises[0], "Chào mừng Đại hội Công đoàn huyện", D(2013, 7, 20), 850_000_000),
                ("Nhà xưởng sản xuất mới", enterprises[1], "Chào mừng 85 năm thành lập Công đoàn Việt Nam", D(2014, 7, 28), 1_600_000_000),
                ("Hệ thống xử lý nước thải", enterprises[2], "Chào mừng Đại hội Đảng bộ huyện lần thứ XXIV", D(2015, 6, 10), 640_000_000),
            )
        ],
    )  # fmt: skip
    workplaces = enterprises[:22] + [orgs["md_gr2"]]  # the health centre's union keeps its conference record
    rows = []
    for year, missed in ((2011, {3, 9}), (2012, {5, 14}), (2013, {8, 17}), (2014, {11, 20}), (2015, {19})):
        year_rows = _workplaces(workplaces, year, len(workplaces), dialogues=False)
        for i, row in enumerate(year_rows):
            if i in missed:
                row.conference_date = None
        year_rows[-1].workplace_kind = WorkplaceKind.PUBLIC_UNIT
        rows += year_rows
    _bulk(WorkplaceYear, rows)
    gifts, shelters = [], []
    for year in range(2011, 2016):
        programme = GiftProgramme(
            name=f"Tết Sum vầy năm {year + 1}", organiser=union, occasion=Occasion.TET, start_date=D(year, 12, 20),
            end_date=D(year + 1, 1, 31) if year < 2015 else D(2015, 12, 31), budget_vnd=450_000_000,
        )  # fmt: skip
        programme.save()
        for i, day in enumerate(_spread(D(year, 12, 22), D(year, 12, 30), 22)):
            gifts.append(
                Support(
                    organization=union, kind=SupportKind.GIFT, programme=programme, date=day, beneficiaries=40,
                    amount_vnd=20_000_000, beneficiary=f"CNVCLĐ có hoàn cảnh khó khăn ({enterprises[i].name})",
                    beneficiary_unit=enterprises[i],
                )
            )  # fmt: skip
    for i, day in enumerate(_spread(D(2011, 8, 1), D(2015, 9, 1), 11)):
        shelters.append(
            Support(
                organization=union, kind=SupportKind.SHELTER, date=day, beneficiary=_name(4000 + i),
                beneficiary_unit=enterprises[i], amount_vnd=40_000_000, note="Hỗ trợ xây nhà Mái ấm công đoàn",
            )
        )  # fmt: skip
    _bulk(Support, gifts + shelters)
    amounts = [185_000_000] * 19 + [195_000_000]
    _bulk(
        Loan,
        [
            Loan(
                lender=union, borrower=grassroots[i % 3], amount_vnd=amount, disbursed_date=day, term_months=24,
                repaid_vnd=amount, last_repayment_date=day + dt.timedelta(days=700),
                purpose="Cho đoàn viên vay vốn phát triển kinh tế gia đình",
            )
            for i, (amount, day) in enumerate(zip(amounts, _spread(D(2011, 4, 1), D(2015, 10, 1), 20), strict=True))
        ],
    )  # fmt: skip


def _city(ctx, units: Units, movements) -> None:
    orgs, agreements, meetings = ctx["orgs"], ctx.get("agreements", {}), ctx.get("meetings", {})
    gov, union = orgs["city_gov"], orgs["city_union"]
    departments = [
        units.create(name=f"Phòng {n} thành phố", kind=OrgKind.DEPARTMENT, level=gov.level, parent=gov)
        for n in (
            "Nội vụ",
            "Lao động - Thương binh và Xã hội",
            "Tài chính - Kế hoạch",
            "Văn hóa và Thông tin",
        )
    ]
    unions = units.unions(
        union,
        [f"Công đoàn cơ sở {n}" for n in (
            "Bệnh viện Đa khoa thành phố", "Trung tâm Y tế thành phố", "Công ty Cổ phần Môi trường đô thị",
            "Công ty Cổ phần Cấp nước", "Trường THPT Chuyên", "Ban Quản lý chợ trung tâm", "Công ty Điện lực thành phố",
            "Công ty Cổ phần Xe khách",
        )],
    )  # fmt: skip
    movement = _movement(
        "city_lao_dong", movements, name="Lao động giỏi, lao động sáng tạo", launched_by=union, level=union.level,
        start_date=D(2021, 1, 1), end_date=D(2021, 12, 31), agreement=agreements.get("city_2021"),
    )  # fmt: skip
    decision = Commendation(
        organization=union, decision_number="3127/QĐ-UBND", decision_date=D(2021, 12, 28), issuer=gov,
        form=CommendationForm.GIAY_KHEN, agreement=agreements.get("city_2021"), movement=movement,
        meeting=meetings.get("city_interim_2021"),
        reason="Đã có thành tích tiêu biểu trong thực hiện chương trình phối hợp năm 2021",
    )  # fmt: skip
    decision.save()
    collectives = departments + unions
    recipients = [
        CommendationRecipient(commendation=decision, kind=RecipientKind.COLLECTIVE, organization=org,
                              achievement="Tiêu biểu trong phòng, chống dịch Covid-19 và chăm lo người lao động")
        for org in collectives
    ] + [
        CommendationRecipient(commendation=decision, kind=RecipientKind.INDIVIDUAL, organization=collectives[i % 12],
                              person_name=_name(7000 + i * 5), person_title=("Trưởng phòng", "Chủ tịch CĐCS", "Bác sĩ", "Công nhân")[i % 4],
                              achievement="Tiêu biểu trong phong trào “Lao động giỏi, lao động sáng tạo”")
        for i in range(17)
    ]  # fmt: skip
    _bulk(CommendationRecipient, recipients)
    covid = GiftProgramme(
        name="Hỗ trợ đoàn viên, người lao động khó khăn do dịch Covid-19", organiser=union, occasion=Occasion.PANDEMIC,
        start_date=D(2021, 7, 1), end_date=D(2021, 12, 31),
    )  # fmt: skip
    covid.save()
    support = [
        Support(organization=union, kind=SupportKind.CHARITY_KITCHEN, date=day, meals=1500, amount_vnd=37_500_000,
                beneficiary="Khu cách ly tập trung", note="Chương trình “Bếp yêu thương”")
        for day in _spread(D(2021, 8, 2), D(2021, 10, 25), 12)
    ] + [
        Support(organization=union, kind=SupportKind.ZERO_DONG_MARKET, date=day, beneficiaries=300,
                beneficiary="Người lao động khó khăn do dịch", note="Chợ phiên 0 đồng")
        for day in (D(2021, 8, 15), D(2021, 9, 12), D(2021, 10, 10))
    ] + [
        Support(organization=org, kind=SupportKind.DONATION, date=D(2021, 6, 10 + i), amount_vnd=amount,
                fund="Quỹ vắc xin phòng Covid-19", beneficiary="Quỹ vắc xin phòng Covid-19")
        for i, (org, amount) in enumerate(zip([union, *unions[:4]], (400_000_000, 250_000_000, 185_000_000, 90_000_000, 60_000_000), strict=True))
    ] + [
        Support(organization=union, kind=SupportKind.GIFT, programme=covid, date=day, beneficiaries=100,
                amount_vnd=50_000_000, beneficiary="Đoàn viên, người lao động gặp khó khăn do dịch Covid-19")
        for day in _spread(D(2021, 7, 15), D(2021, 11, 30), 6)
    ]  # fmt: skip
    _bulk(Support, support)
    sessions = [
        EducationSession(organization=union, date=day, kind=EducationKind.POLITICAL, participants=500,
                         topic=f"Học tập Nghị quyết Đại hội XIII của Đảng (lớp {i + 1})")
        for i, day in enumerate(_spread(D(2021, 4, 5), D(2021, 11, 20), 8))
    ] + [
        EducationSession(organization=union, date=D(2021, 10, 14), kind=EducationKind.LEGAL, audience=Audience.KEY_OFFICIALS,
                         participants=200, topic="Tuyên truyền Bộ luật Lao động năm 2019",
                         partner="Hội đồng Phổ biến, giáo dục pháp luật thành phố")
    ]  # fmt: skip
    _bulk(EducationSession, sessions)


def _campaign(ctx, units: Units, movements) -> None:
    orgs = ctx["orgs"]
    hn = orgs["hn_union"]
    districts = [
        units.create(name=f"Liên đoàn Lao động {n}", kind=OrgKind.LABOUR_FEDERATION, level=OrgLevel.DISTRICT, parent=hn)
        for n in ("quận Long Biên", "quận Hoàn Kiếm", "quận Đống Đa", "quận Cầu Giấy", "quận Thanh Xuân",
                  "quận Hoàng Mai", "quận Ba Đình", "quận Tây Hồ")
    ]  # fmt: skip
    movement = _movement(
        "one_million", movements, launched_by=orgs["tld"], level=OrgLevel.NATIONAL,
        name="Chương trình 1 triệu sáng kiến", start_date=D(2021, 9, 1), end_date=D(2023, 9, 1),
        slogan="Nỗ lực vượt khó, sáng tạo, quyết tâm chiến thắng đại dịch Covid-19",
        agreement=ctx.get("agreements", {}).get("fed3_2022"),
    )  # fmt: skip
    cities = "Cụm thi đua các thành phố trực thuộc Trung ương"
    inner, outer = "Cụm thi đua các quận nội thành", "Cụm thi đua các huyện"
    participants = [(hn, 50_000, cities), (orgs["hp_union"], 20_000, cities), (orgs["qn_union"], 6_000, "Cụm thi đua các tỉnh Đông Bắc"),
                    (orgs["hbt_union"], 5_000, inner), (orgs["md_union"], 2_500, outer)]  # fmt: skip
    participants += [(d, 6_000 - i * 400, inner) for i, d in enumerate(districts)]
    _bulk(
        MovementParticipant,
        [
            MovementParticipant(movement=movement, organization=o, target_initiatives=t, cluster=c)
            for o, t, c in participants
        ],
    )
    hbt_units = list(orgs["hbt_union"].children.filter(kind=OrgKind.ENTERPRISE))
    md_units = list(orgs["md_union"].children.filter(kind=OrgKind.ENTERPRISE))
    plan = [(hbt_units, 5_200), (md_units, 2_400)]
    plan += list(
        zip([[d] for d in districts], (7_300, 6_800, 6_100, 5_600, 5_200, 4_800, 4_300, 3_800), strict=True)
    )
    plan += [([orgs["hp_union"]], 18_500), ([orgs["qn_union"]], 5_852)]
    offset = 10_000
    for units_, n in plan:
        batch = []
        for i, day in enumerate(_spread(D(2021, 9, 1), D(2022, 6, 24), n)):
            unit = units_[i % len(units_)]
            k = offset + i
            recognised = i % 10 == 0
            batch.append(
                Initiative(
                    title=_title(3000 + i // len(units_)), authors=_name(k), unit=unit, field=FIELDS[k % 7],
                    registered_date=day, movement=movement, benefit_vnd=(1 + k % 25) * 5_000_000 if recognised else None,
                    recognised_date=D(2023, 3, 1) + dt.timedelta(days=i % 120) if recognised else None,
                    recognition_level=RecognitionLevel.GRASSROOTS if recognised else "",
                )
            )  # fmt: skip
        _bulk(Initiative, batch)
        offset += n


def _ben_tre(ctx, units: Units, movements) -> None:
    orgs, agreements = ctx["orgs"], ctx.get("agreements", {})
    union = orgs["bt_union"]
    _movement(
        "bt_dong_khoi", movements, name="Đồng khởi mới", launched_by=union, level=union.level,
        start_date=D(2018, 1, 1), end_date=D(2023, 12, 31), agreement=agreements.get("bt_2018"),
        slogan="Thi đua “Đồng khởi mới” trong CNVCLĐ tỉnh",
    )  # fmt: skip
    enterprises = units.enterprises(
        union, _enterprise_names(12, ["Giồng Trôm", "Mỏ Cày", "Châu Thành"]), "1300"
    )
    rows = []
    for year in (2022, 2023):
        year_rows = _workplaces(enterprises, year, 9)
        for i, row in enumerate(year_rows):
            if i >= 6:  # enterprises without a grassroots union still owe the union fee
                row.has_union, row.union_members = False, None
                row.union_fee_paid_vnd = (row.union_fee_due_vnd or 0) // 2
        rows += year_rows
    _bulk(WorkplaceYear, rows)
    _bulk(
        Inspection,
        [
            Inspection(
                organization=enterprises[6 + i], date=D(2023, 5, 10 + i), kind=InspectionKind.INSPECTION,
                team="Đoàn thanh tra LĐLĐ tỉnh – Sở Lao động - Thương binh và Xã hội",
                findings="Doanh nghiệp chưa có tổ chức công đoàn, chưa đóng đủ kinh phí công đoàn.",
                violations_count=1, violations="Nợ kinh phí công đoàn năm 2022",
                recommendations="Nộp đủ kinh phí công đoàn còn nợ trong 60 ngày",
                follow_up_status=FollowUpStatus.IN_PROGRESS,
            )
            for i in range(6)
        ],
    )  # fmt: skip

"""Demo reports: the seeds' figures as approved reports of the right units and periods, plus live workflow.

Reads ctx["orgs"] (hn_union, hbt_union, md_union, city_union, hp_union, qn_union, bt_union, tld) and
ctx["agreements"] (hn_145, hbt_2017, md_2011, city_2021, fed3_2022, bt_2024) when present; uses the demo users of
accounts/demo.py (hbt.nhaplieu, mydu.nhaplieu, hanoi.duyet, admin) so the history shows who entered and approved.
Puts into ctx: ["indicators"][code], ["options"][(disaggregation code, option code)], ["periods"][key] with keys
"2011-2015", "2017-2020", "2021-2023", "2017" … "2021", "2022-H1", "2018-2023"; ["forms"][key] and
["reports"][key] (hbt_2017_2020, md_2011_2015, city_2021, hn_2022_h1, hp_2022_h1, qn_2022_h1, hbt_2017 …
hbt_2020, hbt_2021, md_2021, bt_2018_2023).

Every value from a seed carries the seed's sentence in source_text. Choices where the seeds are vague:
- "67 - 74%" of enterprises holding workers' conferences and dialogues "hàng năm": each year 2017–2020 and the
  programme period carry the range 67–74 (value 67, value_high 74, qualifier "từ"); no single yearly figure is
  invented. "100% … hàng năm" is 100 each year and for the period.
- Mỹ Đức's "136 sáng kiến cấp trên cơ sở" is recorded at district level (the level above grassroots for a
  district federation); its "111 công nhân giỏi" has no level, so it is the indicator's total (no option).
- Seed 001's figures belong to the unnamed city's federation (city_union), year 2021; "gần 1 tỷ" is 1 tỷ with
  qualifier "gần".
- Seed 004's campaign counts are cumulative to 24/6/2022, reported for the first half of 2022; the campaign's
  target (1 million, 2021-2023) is set for the national confederation.
- The workflow reports (Hai Bà Trưng 2021 submitted, Mỹ Đức 2021 returned, Bến Tre 2018-2023 draft) carry no
  seed figures: the Hai Bà Trưng 2021 values are marked illustrative in their comment.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from . import actions, structure
from .choices import PeriodKind, ReportAction, ValueSource
from .models import (
    DataValue,
    DisaggregationOption,
    FormIndicator,
    ImportBatch,
    Indicator,
    Period,
    Report,
    ReportForm,
    Target,
)
from .values import Entry

SEED_HBT = (
    "Thông qua hội thi tay nghề, thi thợ giỏi, thao diễn kỹ thuật đã có 65 lượt đơn vị tổ chức hội thi cấp cơ sở, "
    "thu hút trên 3.500 lượt người lao động tham gia; qua đó có 1.065 công nhân giỏi cấp cơ sở, 145 công nhân giỏi "
    "cấp quận, 9 công nhân giỏi Thủ đô."
)
SEED_HBT_INITIATIVES = "Qua 3 năm có 1.089 sáng kiến cấp cơ sở, 59 sáng kiến cấp quận, 7 sáng kiến Thủ đô."
SEED_HBT_DEEDS = (
    "Giai đoạn 2017-2020, toàn Quận có 505 gương “Người tốt, việc tốt” cấp cơ sở, 117 gương “Người tốt, việc tốt” "
    "cấp Quận,…"
)
SEED_HBT_CONF = (
    "Kết quả, hàng năm 100% cơ quan hành chính, đơn vị sự nghiệp công lập tổ chức Hội nghị cán bộ, công chức, viên "
    "chức; có từ 67 - 74% doanh nghiệp, đơn vị sự nghiệp ngoài công lập tổ chức Hội nghị người lao động, đối thoại "
    "tại nơi làm việc,…"
)
SEED_HBT_PLAN = (
    "Hàng năm Ủy ban nhân dân và Liên đoàn Lao động quận xây dựng và ban hành văn bản phối hợp chỉ đạo các cơ quan, "
    "đơn vị tổ chức Hội nghị cán bộ, công chức, viên chức …"
)
SEED_HBT_AWARDS = (
    "Tại Hội nghị, UBND quận Hai Bà Trưng khen thưởng 16 tập thể có thành tích trong thực hiện chương trình phối "
    "hợp công tác, giai đoạn 2017-2020."
)
SEED_MD = (
    "Toàn huyện đã có 3 công trình có ý nghĩa được gắn biển, 850 sáng kiến được công nhận cấp cơ sở, 136 sáng kiến "
    "cấp trên cơ sở, 111 công nhân giỏi, 74 sáng kiến sáng tạo."
)
SEED_MD_CARE = (
    "Hội nghị người lao động (NLĐ) trong 5 năm tỉ lệ đạt 92,17% ; tổ chức tặng quà cho CNVCLĐ có hoàn cảnh khó "
    "khăn trên 2,2 tỉ đồng; hỗ trợ 11 mái ấm công đoàn; LĐLĐ huyện tổ chức vay vốn cho các CĐCS vay số vốn 3,71 tỉ "
    "đồng."
)
SEED_CITY_AWARDS = "Qua đó đã có 12 tập thể và 17 cá nhân tiêu biểu được UBND thành phố khen thưởng."
SEED_CITY_CARE = (
    "… thực hiện chương trình “Bếp yêu thương” phục vụ 18.000 suất ăn tại các khu cách ly tập trung, tổ chức chợ "
    "phiên 0 đồng; ủng hộ gần 1 tỷ đồng vào quỹ vắc xin phòng Covid-19…"
)
SEED_CITY_LEGAL = (
    "… với 4.000 lượt đoàn viên, CNVCLĐ tham gia học tập Nghị quyết Đại hội đảng các cấp và chuyên đề Đại hội XIII "
    "của Đảng; phối hợp với Hội đồng PBGDPL tổ chức tuyên truyền Luật lao động năm 2019 cho 200 cán bộ chủ chốt "
    "thành phố."
)
SEED_FED3 = (
    "Tính đến ngày 24/6, LĐLĐ thành phố Hà Nội có hơn 51.500 sáng kiến, thành phố Hải Phòng có gần 18.500 sáng "
    "kiến và tỉnh Quảng Ninh có 5.852 sáng kiến đăng ký thành công."
)

PROGRAMME_CODES = [
    "skills_contest_units", "skills_contest_participants", "good_workers", "initiatives_recognised",
    "creative_initiatives", "good_deed_examples", "dedicated_works", "public_employee_conference_rate",
    "workers_conference_rate", "workplace_dialogue_rate", "democracy_conference_rate", "gifts_vnd",
    "union_shelters", "loans_vnd", "collectives_commended",
]  # fmt: skip
ANNUAL_CODES = [
    "annual_plan_issued", "good_workers", "initiatives_recognised", "good_deed_examples", "skills_contest_units",
    "skills_contest_participants", "public_employee_conference_rate", "workers_conference_rate",
    "workplace_dialogue_rate", "legal_education_participants", "members_recruited", "grassroots_unions_founded",
    "collectives_commended",
]  # fmt: skip
CITY_CODES = [
    "collectives_commended", "individuals_commended", "meals_served", "donations_vnd", "gifts_count",
    "political_education_participants", "officials_trained",
]  # fmt: skip
FED3_CODES = [
    "initiatives_registered", "collective_agreements_signed", "legal_education_sessions", "gifts_count",
    "members_recruited", "grassroots_unions_founded", "inspections",
]  # fmt: skip
BT_CODES = [
    "members_recruited", "grassroots_unions_founded", "union_fee_due_vnd", "union_fee_collected_vnd", "inspections",
    "legal_education_sessions", "public_employee_conference_rate",
]  # fmt: skip


def _user(username: str):
    return get_user_model().objects.filter(username=username).first()


def _form(key, name, kind, owner, codes, ctx, agreement=None, orgs=(), **fields) -> ReportForm:
    form = ReportForm.objects.create(
        code=key, name=name, period_kind=kind, owner=owner, agreement=agreement, **fields
    )
    FormIndicator.objects.bulk_create(
        FormIndicator(form=form, indicator=ctx["indicators"][code], order=i) for i, code in enumerate(codes)
    )
    structure.changed([form])
    if orgs:
        form.reporting_organizations.set(orgs)
    return form


def _entries(ctx, figures) -> tuple[list[Entry], dict]:
    """figures: [(code, option or None, value, extra fields, source sentence)] → entries and their sources."""
    entries, sources = [], {}
    for code, option_code, value, extra, source in figures:
        indicator = ctx["indicators"][code]
        option = ctx["options"][(indicator.disaggregation.code, option_code)] if option_code else None
        entries.append(
            Entry(
                indicator=indicator,
                option=option,
                value=None if value is None else Decimal(str(value)),
                **extra,
            )
        )
        sources[(indicator.pk, option.pk if option else None)] = source
    return entries, sources


def _report(
    form,
    org,
    period,
    reporter,
    figures,
    ctx,
    approver=None,
    submitted=None,
    approved=None,
    source_document="",
):
    """A report filled in through the workflow (as the reporter, then the approver), dated as the seed dates it."""
    actions.create_reports(form, period, only=[org])
    report = Report.objects.get(form=form, organization=org, period=period)
    if figures:
        entries, sources = _entries(ctx, figures)
        actions.save_values(report, reporter, entries, report.version, ValueSource.DEMO, validate=False)
        for (indicator_id, option_id), sentence in sources.items():
            if sentence:
                DataValue.objects.filter(
                    indicator_id=indicator_id, option_id=option_id, organization=org, period=period
                ).update(source_text=sentence)
    if source_document:
        Report.objects.filter(pk=report.pk).update(source_document=source_document)
    if submitted:
        report.refresh_from_db()
        actions.submit(report, reporter)
        Report.objects.filter(pk=report.pk).update(submitted_at=_at(submitted))
        report.events.exclude(action=ReportAction.APPROVED).update(at=_at(submitted))
    if approved:
        report.refresh_from_db()
        actions.approve(report, approver)
        Report.objects.filter(pk=report.pk).update(approved_at=_at(approved))
        report.events.filter(action=ReportAction.APPROVED).update(at=_at(approved))
    report.refresh_from_db()
    return report


def _at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(9, 0)))


def load(ctx: dict) -> None:
    orgs, agreements = ctx["orgs"], ctx.get("agreements", {})
    ctx["indicators"] = {i.code: i for i in Indicator.objects.select_related("disaggregation")}
    ctx["options"] = {
        (o.disaggregation.code, o.code): o
        for o in DisaggregationOption.objects.select_related("disaggregation")
    }
    periods = ctx.setdefault("periods", {})
    periods.update(
        {
            "2011-2015": Period.for_programme(2011, 2015),
            "2017-2020": Period.for_programme(2017, 2020),
            "2018-2023": Period.for_programme(2018, 2023),
            "2021-2023": Period.for_programme(2021, 2023),
            "2022-H1": Period.for_half(2022, 1),
            **{str(y): Period.for_year(y) for y in range(2017, 2022)},
        }
    )
    admin = _user("admin")
    hbt_editor, md_editor, hn_approver = (
        _user("hbt.nhaplieu") or admin,
        _user("mydu.nhaplieu") or admin,
        _user("hanoi.duyet") or admin,
    )
    forms = ctx.setdefault("forms", {})
    reports = ctx.setdefault("reports", {})

    forms["programme"] = _form(
        "tong-ket-giai-doan",
        "Báo cáo tổng kết chương trình phối hợp UBND – LĐLĐ quận, huyện (giai đoạn)",
        PeriodKind.PROGRAMME, orgs["hn_union"], PROGRAMME_CODES, ctx, agreements.get("hn_145"),
        orgs=[orgs["hbt_union"], orgs["md_union"]], deadline_days=30,
        description="Số liệu cả giai đoạn của chương trình phối hợp, báo cáo tại hội nghị tổng kết.",
    )  # fmt: skip
    forms["annual"] = _form(
        "quan-huyen-nam",
        "Báo cáo kết quả phối hợp hằng năm (quận, huyện)",
        PeriodKind.YEAR, orgs["hn_union"], ANNUAL_CODES, ctx, agreements.get("hn_145"),
        reporting_kinds=["labour_federation"], reporting_levels=["district"], deadline_days=20, late_after_days=5,
    )  # fmt: skip
    forms["city"] = _form(
        "so-ket-nam-thanh-pho", "Báo cáo sơ kết chương trình phối hợp năm (UBND và LĐLĐ thành phố)",
        PeriodKind.YEAR, orgs["city_union"], CITY_CODES, ctx, agreements.get("city_2021"), orgs=[orgs["city_union"]],
    )  # fmt: skip
    forms["fed3"] = _form(
        "giao-ban-3-lien-doan", "Báo cáo giao ban phong trào CNVCLĐ 6 tháng (LĐLĐ Hà Nội, Hải Phòng, Quảng Ninh)",
        PeriodKind.HALF_YEAR, orgs["tld"], FED3_CODES, ctx, agreements.get("fed3_2022"),
        orgs=[orgs["hn_union"], orgs["hp_union"], orgs["qn_union"]], deadline_days=10,
    )  # fmt: skip
    forms["bt"] = _form(
        "bt-quy-che", "Báo cáo kết quả thực hiện quy chế phối hợp giữa UBND tỉnh và LĐLĐ tỉnh (giai đoạn)",
        PeriodKind.PROGRAMME, orgs["bt_union"], BT_CODES, ctx, agreements.get("bt_2024"), orgs=[orgs["bt_union"]],
    )  # fmt: skip

    rng = {"value_high": Decimal(74), "qualifier": "từ"}
    reports["hbt_2017_2020"] = _report(
        forms["programme"], orgs["hbt_union"], periods["2017-2020"], hbt_editor,
        [
            ("skills_contest_units", None, 65, {}, SEED_HBT),
            ("skills_contest_participants", None, 3500, {"qualifier": "trên"}, SEED_HBT),
            ("good_workers", "grassroots", 1065, {}, SEED_HBT),
            ("good_workers", "district", 145, {}, SEED_HBT),
            ("good_workers", "city", 9, {"comment": "Công nhân giỏi Thủ đô"}, SEED_HBT),
            ("initiatives_recognised", "grassroots", 1089, {}, SEED_HBT_INITIATIVES),
            ("initiatives_recognised", "district", 59, {}, SEED_HBT_INITIATIVES),
            ("initiatives_recognised", "city", 7, {"comment": "Sáng kiến Thủ đô"}, SEED_HBT_INITIATIVES),
            ("good_deed_examples", "grassroots", 505, {}, SEED_HBT_DEEDS),
            ("good_deed_examples", "district", 117, {}, SEED_HBT_DEEDS),
            ("public_employee_conference_rate", None, 100, {"comment": "Hằng năm 100%"}, SEED_HBT_CONF),
            ("workers_conference_rate", None, 67, dict(rng), SEED_HBT_CONF),
            ("workplace_dialogue_rate", None, 67, dict(rng), SEED_HBT_CONF),
            ("collectives_commended", None, 16, {"comment": "UBND quận khen thưởng tại hội nghị tổng kết"}, SEED_HBT_AWARDS),
        ],
        ctx, hn_approver, submitted=dt.date(2020, 9, 10), approved=dt.date(2020, 9, 15),
        source_document="Hội nghị tổng kết Chương trình phối hợp công tác giai đoạn 2017-2020, ngày 17/9/2020",
    )  # fmt: skip
    reports["md_2011_2015"] = _report(
        forms["programme"], orgs["md_union"], periods["2011-2015"], md_editor,
        [
            ("dedicated_works", None, 3, {}, SEED_MD),
            ("initiatives_recognised", "grassroots", 850, {}, SEED_MD),
            ("initiatives_recognised", "district", 136, {"comment": "«cấp trên cơ sở»"}, SEED_MD),
            ("good_workers", None, 111, {"comment": "Không nêu cấp công nhận"}, SEED_MD),
            ("creative_initiatives", None, 74, {}, SEED_MD),
            ("democracy_conference_rate", None, Decimal("92.17"), {"comment": "Trong 5 năm"}, SEED_MD_CARE),
            ("gifts_vnd", None, 2_200_000_000, {"qualifier": "trên"}, SEED_MD_CARE),
            ("union_shelters", None, 11, {}, SEED_MD_CARE),
            ("loans_vnd", None, 3_710_000_000, {}, SEED_MD_CARE),
        ],
        ctx, hn_approver, submitted=dt.date(2016, 11, 10), approved=dt.date(2016, 11, 15),
        source_document="Hội nghị ký chương trình phối hợp giai đoạn 2016-2020, ngày 21/11/2016",
    )  # fmt: skip
    for year in range(2017, 2021):
        reports[f"hbt_{year}"] = _report(
            forms["annual"], orgs["hbt_union"], periods[str(year)], hbt_editor,
            [
                ("annual_plan_issued", None, 1, {}, SEED_HBT_PLAN),
                ("public_employee_conference_rate", None, 100, {}, SEED_HBT_CONF),
                ("workers_conference_rate", None, 67, dict(rng), SEED_HBT_CONF),
                ("workplace_dialogue_rate", None, 67, dict(rng), SEED_HBT_CONF),
            ],
            ctx, hn_approver, submitted=dt.date(year + 1, 1, 10), approved=dt.date(year + 1, 1, 20),
        )  # fmt: skip
    reports["city_2021"] = _report(
        forms["city"], orgs["city_union"], periods["2021"], admin,
        [
            ("collectives_commended", None, 12, {}, SEED_CITY_AWARDS),
            ("individuals_commended", None, 17, {}, SEED_CITY_AWARDS),
            ("meals_served", None, 18000, {"comment": "Bếp yêu thương, khu cách ly tập trung"}, SEED_CITY_CARE),
            ("donations_vnd", None, 1_000_000_000, {"qualifier": "gần", "comment": "Quỹ vắc xin phòng Covid-19"}, SEED_CITY_CARE),
            ("political_education_participants", None, 4000, {}, SEED_CITY_LEGAL),
            ("officials_trained", None, 200, {"comment": "Luật Lao động năm 2019"}, SEED_CITY_LEGAL),
        ],
        ctx, admin, submitted=dt.date(2022, 2, 20), approved=dt.date(2022, 3, 1),
        source_document="Hội nghị sơ kết chương trình phối hợp năm 2021, ngày 3/3/2022",
    )  # fmt: skip
    for key, org_key, value, qualifier in (
        ("hn_2022_h1", "hn_union", 51500, "hơn"),
        ("hp_2022_h1", "hp_union", 18500, "gần"),
        ("qn_2022_h1", "qn_union", 5852, ""),
    ):
        reports[key] = _report(
            forms["fed3"], orgs[org_key], periods["2022-H1"], admin,
            [("initiatives_registered", None, value, {"qualifier": qualifier, "comment": "Tính đến ngày 24/6/2022"}, SEED_FED3)],
            ctx, admin, submitted=dt.date(2022, 6, 25), approved=dt.date(2022, 6, 27),
            source_document="Hội nghị giao ban 3 LĐLĐ 6 tháng đầu năm 2022, tại Hải Phòng",
        )  # fmt: skip
    if admin is not None:
        actions.set_target(
            admin,
            ctx["indicators"]["initiatives_registered"],
            orgs["tld"],
            periods["2021-2023"],
            Decimal(1_000_000),
        )

    # Live workflow: a submitted report waiting for the city, a returned one, a draft that is late.
    illustrative = {"comment": "Số liệu minh họa cho quy trình duyệt"}
    reports["hbt_2021"] = _report(
        forms["annual"], orgs["hbt_union"], periods["2021"], hbt_editor,
        [
            ("annual_plan_issued", None, 1, {}, ""),
            ("public_employee_conference_rate", None, None, {"numerator": Decimal(42), "denominator": Decimal(42), **illustrative}, ""),
            ("good_workers", "grassroots", 280, illustrative, ""),
            ("good_workers", "district", 36, illustrative, ""),
        ],
        ctx, submitted=dt.date(2022, 1, 12),
    )  # fmt: skip
    md_2021 = _report(
        forms["annual"], orgs["md_union"], periods["2021"], md_editor,
        [("annual_plan_issued", None, 1, {}, "")], ctx, submitted=dt.date(2022, 1, 18),
    )  # fmt: skip
    actions.return_report(
        md_2021, hn_approver,
        "Thiếu tỷ lệ doanh nghiệp tổ chức Hội nghị người lao động và đối thoại tại nơi làm việc; bổ sung rồi gửi lại.",
    )  # fmt: skip
    reports["md_2021"] = md_2021
    reports["bt_2018_2023"] = _report(forms["bt"], orgs["bt_union"], periods["2018-2023"], admin, [], ctx)
    # Report forms' due dates follow their settings; the workflow reports above were created on time.
    for report in Report.objects.filter(pk__in=[r.pk for r in reports.values()]):
        if report.due_date is None:
            Report.objects.filter(pk=report.pk).update(due_date=report.form.due_on(report.period))


def reset() -> None:
    ImportBatch.objects.all().delete()
    DataValue.objects.all().delete()
    Report.objects.all().delete()
    Target.objects.all().delete()
    ReportForm.objects.all().delete()

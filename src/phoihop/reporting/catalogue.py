"""The indicator catalogue shipped with every database: disaggregations, indicators and the standard checks.

This module is the single source: the data migrations call `sync(apps)`, which inserts what is missing and
updates names and units of what exists, so a new entry here plus a migration that calls `sync` is all it
takes. Administrators add their own indicators in the admin or on the catalogue page; `sync` never
deletes them.
"""

from __future__ import annotations

# (code, Vietnamese name, English name, [(option code, Vietnamese, English), …])
DISAGGREGATIONS = [
    (
        "recognition_level",
        "Cấp công nhận",
        "Recognition level",
        [
            ("grassroots", "cấp cơ sở", "grassroots"),
            ("district", "cấp quận, huyện", "district"),
            ("city", "cấp thành phố, tỉnh", "city / province"),
            ("national", "toàn quốc", "national"),
        ],
    ),
    (
        "ownership",
        "Loại hình doanh nghiệp",
        "Ownership of enterprise",
        [
            ("state", "doanh nghiệp nhà nước", "state-owned"),
            ("private", "doanh nghiệp ngoài nhà nước", "private"),
            ("foreign", "doanh nghiệp có vốn đầu tư nước ngoài", "foreign-invested"),
        ],
    ),
]


def _i(code, name, name_en, theme, unit, value_type="count", aggregation="sum", disaggregation=None, **extra):
    return {
        "code": code,
        "name": name,
        "name_en": name_en,
        "theme": theme,
        "unit": unit,
        "value_type": value_type,
        "aggregation": aggregation,
        "disaggregation": disaggregation,
        **extra,
    }


def _ratio(code, name, name_en, theme, numerator, denominator, **extra):
    return _i(
        code,
        name,
        name_en,
        theme,
        "percent",
        value_type="ratio",
        aggregation="ratio_of_sums",
        numerator_label=numerator,
        denominator_label=denominator,
        **extra,
    )


# Every figure of the seed articles has an indicator here (the seed is named in the description).
INDICATORS = [
    # Emulation movements and initiatives
    _i(
        "initiatives_recognised",
        "Sáng kiến được công nhận",
        "Initiatives recognised",
        "emulation",
        "initiative",
        disaggregation="recognition_level",
        description="Sáng kiến cấp cơ sở, cấp quận, cấp thành phố (Thủ đô): 1.089 / 59 / 7 ở Hai Bà Trưng "
        "2017-2020; 850 cấp cơ sở, 136 cấp trên cơ sở ở Mỹ Đức 2011-2015.",
    ),
    _i(
        "initiatives_registered",
        "Sáng kiến đăng ký trong Chương trình 1 triệu sáng kiến",
        "Initiatives registered in the one-million-initiatives campaign",
        "emulation",
        "initiative",
        aggregation="latest",
        description="Số cộng dồn đến ngày báo cáo (hơn 51.500 Hà Nội, gần 18.500 Hải Phòng, 5.852 Quảng Ninh "
        "đến 24/6/2022): theo thời gian lấy số mới nhất, không cộng các kỳ.",
    ),
    _i(
        "initiative_benefit_vnd",
        "Giá trị làm lợi của sáng kiến",
        "Benefit of initiatives",
        "emulation",
        "VND",
        value_type="amount",
    ),
    _i(
        "creative_initiatives",
        "Sáng kiến sáng tạo được biểu dương",
        "Creative-labour initiatives honoured",
        "emulation",
        "initiative",
        description="74 sáng kiến sáng tạo ở Mỹ Đức 2011-2015.",
    ),
    _i(
        "good_workers",
        "Công nhân giỏi",
        "Good workers",
        "emulation",
        "person",
        disaggregation="recognition_level",
        description="1.065 cấp cơ sở, 145 cấp quận, 9 công nhân giỏi Thủ đô (Hai Bà Trưng 2017-2020).",
    ),
    _i(
        "good_deed_examples",
        "Gương “Người tốt, việc tốt”",
        "Good-deed examples",
        "emulation",
        "person",
        disaggregation="recognition_level",
        description="505 cấp cơ sở, 117 cấp quận (Hai Bà Trưng 2017-2020).",
    ),
    _i(
        "skills_contest_units",
        "Lượt đơn vị tổ chức hội thi tay nghề, thi thợ giỏi, thao diễn kỹ thuật",
        "Units holding skills contests",
        "emulation",
        "unit",
    ),
    _i(
        "skills_contest_participants",
        "Lượt người lao động tham gia hội thi tay nghề",
        "Skills-contest participants",
        "emulation",
        "person",
    ),
    _i(
        "dedicated_works",
        "Công trình được gắn biển",
        "Works dedicated to an occasion",
        "emulation",
        "works",
    ),
    # Grassroots democracy
    _ratio(
        "public_employee_conference_rate",
        "Tỷ lệ cơ quan, đơn vị tổ chức Hội nghị cán bộ, công chức, viên chức",
        "Share of agencies holding public employees' conferences",
        "democracy",
        "Cơ quan, đơn vị đã tổ chức hội nghị",
        "Cơ quan hành chính, đơn vị sự nghiệp công lập",
    ),
    _ratio(
        "workers_conference_rate",
        "Tỷ lệ doanh nghiệp, đơn vị tổ chức Hội nghị người lao động",
        "Share of enterprises holding workers' conferences",
        "democracy",
        "Doanh nghiệp, đơn vị đã tổ chức hội nghị",
        "Doanh nghiệp, đơn vị sự nghiệp ngoài công lập phải tổ chức",
    ),
    _ratio(
        "workplace_dialogue_rate",
        "Tỷ lệ doanh nghiệp tổ chức đối thoại tại nơi làm việc",
        "Share of enterprises holding workplace dialogues",
        "democracy",
        "Doanh nghiệp đã tổ chức đối thoại",
        "Doanh nghiệp phải tổ chức đối thoại",
    ),
    _ratio(
        "democracy_conference_rate",
        "Tỷ lệ đơn vị tổ chức Hội nghị CBCC, Hội nghị người lao động (chung)",
        "Share of units holding public employees' or workers' conferences",
        "democracy",
        "Đơn vị đã tổ chức hội nghị",
        "Đơn vị phải tổ chức hội nghị",
        description="Mỹ Đức 2011-2015: tỷ lệ đạt 92,17% trong 5 năm.",
    ),
    _i(
        "annual_plan_issued",
        "Ban hành kế hoạch, văn bản phối hợp hằng năm",
        "Annual coordination plan issued",
        "democracy",
        "count",
        value_type="boolean",
        aggregation="max",
    ),
    # Labour relations and inspection
    _i(
        "collective_agreements_signed",
        "Thỏa ước lao động tập thể được ký kết",
        "Collective labour agreements signed",
        "labour_relations",
        "agreement",
        disaggregation="ownership",
    ),
    _i(
        "inspections",
        "Cuộc thanh tra, kiểm tra, giám sát việc thực hiện pháp luật lao động",
        "Labour-law inspections",
        "labour_relations",
        "inspection",
    ),
    # Legal and political education
    _i(
        "legal_education_sessions",
        "Buổi tuyên truyền, phổ biến, giáo dục pháp luật",
        "Legal education sessions",
        "legal",
        "session",
    ),
    _i(
        "legal_education_participants",
        "Lượt người tham gia tuyên truyền, phổ biến pháp luật",
        "Legal education participants",
        "legal",
        "person",
    ),
    _i(
        "political_education_participants",
        "Lượt đoàn viên, CNVCLĐ học tập nghị quyết, chuyên đề",
        "Participants in political study",
        "legal",
        "person",
        description="4.000 lượt đoàn viên, CNVCLĐ học tập Nghị quyết Đại hội đảng các cấp (thành phố, 2021).",
    ),
    _i(
        "officials_trained",
        "Cán bộ được tập huấn, tuyên truyền pháp luật",
        "Officials trained",
        "legal",
        "person",
        description="200 cán bộ chủ chốt được tuyên truyền Luật lao động năm 2019 (thành phố, 2021).",
    ),
    # Welfare
    _i("gifts_count", "Suất quà tặng đoàn viên, người lao động", "Gifts given", "welfare", "gift"),
    _i(
        "gifts_vnd",
        "Giá trị quà tặng, hỗ trợ",
        "Value of gifts and support",
        "welfare",
        "VND",
        value_type="amount",
        description="Trên 2,2 tỉ đồng tặng quà CNVCLĐ có hoàn cảnh khó khăn (Mỹ Đức 2011-2015).",
    ),
    _i("union_shelters", "Mái ấm công đoàn được hỗ trợ", "Union shelters", "welfare", "house"),
    _i(
        "loans_vnd",
        "Vốn cho công đoàn cơ sở, đoàn viên vay",
        "Loans to grassroots unions",
        "welfare",
        "VND",
        value_type="amount",
    ),
    _i("meals_served", "Suất ăn phục vụ (Bếp yêu thương)", "Meals served", "welfare", "meal"),
    _i(
        "donations_vnd",
        "Tiền ủng hộ các quỹ",
        "Donations",
        "welfare",
        "VND",
        value_type="amount",
        description="Gần 1 tỷ đồng ủng hộ quỹ vắc xin phòng Covid-19 (thành phố, 2021).",
    ),
    # Commendation
    _i(
        "collectives_commended",
        "Tập thể được khen thưởng",
        "Collectives commended",
        "commendation",
        "collective",
    ),
    _i(
        "individuals_commended",
        "Cá nhân được khen thưởng",
        "Individuals commended",
        "commendation",
        "individual",
    ),
    # Organisation
    _i(
        "members_recruited",
        "Đoàn viên công đoàn được kết nạp",
        "Union members recruited",
        "organisation",
        "member",
        disaggregation="ownership",
    ),
    _i(
        "grassroots_unions_founded",
        "Công đoàn cơ sở được thành lập",
        "Grassroots unions founded",
        "organisation",
        "grassroots_union",
        disaggregation="ownership",
    ),
    # Union finance
    _i(
        "union_fee_due_vnd",
        "Kinh phí công đoàn phải thu",
        "Union fee due",
        "finance",
        "VND",
        value_type="amount",
    ),
    _i(
        "union_fee_collected_vnd",
        "Kinh phí công đoàn đã thu",
        "Union fee collected",
        "finance",
        "VND",
        value_type="amount",
    ),
]

# Checks every report runs (form = None). Counts ≥ 0, percentages ≤ 100 and numerator ≤ denominator are
# built into the validator; these are the cross-indicator ones.
RULES = [
    (
        "Công nhân giỏi cấp quận không vượt cấp cơ sở",
        "good_workers[district] <= good_workers[grassroots]",
        "error",
        "Số công nhân giỏi cấp quận, huyện lớn hơn cấp cơ sở: kiểm tra lại hai ô này.",
    ),
    (
        "Công nhân giỏi cấp thành phố không vượt cấp quận",
        "good_workers[city] <= good_workers[district]",
        "warning",
        "Số công nhân giỏi cấp thành phố lớn hơn cấp quận, huyện.",
    ),
    (
        "Sáng kiến cấp quận không vượt cấp cơ sở",
        "initiatives_recognised[district] <= initiatives_recognised[grassroots]",
        "error",
        "Số sáng kiến cấp quận, huyện lớn hơn cấp cơ sở: kiểm tra lại hai ô này.",
    ),
    (
        "Sáng kiến cấp thành phố không vượt cấp quận",
        "initiatives_recognised[city] <= initiatives_recognised[district]",
        "warning",
        "Số sáng kiến cấp thành phố lớn hơn cấp quận, huyện.",
    ),
    (
        "Gương người tốt việc tốt cấp quận không vượt cấp cơ sở",
        "good_deed_examples[district] <= good_deed_examples[grassroots]",
        "warning",
        "Số gương “Người tốt, việc tốt” cấp quận lớn hơn cấp cơ sở.",
    ),
    (
        "Người tham gia hội thi không ít hơn số đơn vị tổ chức",
        "skills_contest_participants >= skills_contest_units",
        "warning",
        "Số lượt người tham gia hội thi ít hơn số lượt đơn vị tổ chức hội thi.",
    ),
    (
        "Kinh phí công đoàn đã thu không vượt số phải thu",
        "union_fee_collected_vnd <= union_fee_due_vnd",
        "warning",
        "Kinh phí công đoàn đã thu lớn hơn số phải thu (có thể do thu nợ kỳ trước): ghi chú lý do.",
    ),
]


def sync(apps=None) -> None:
    """Insert or update the shipped catalogue; `apps` is the migration registry (None = the live models)."""
    if apps is None:
        from django.apps import apps as live_apps

        apps = live_apps
    Disaggregation = apps.get_model("reporting", "Disaggregation")
    Option = apps.get_model("reporting", "DisaggregationOption")
    Indicator = apps.get_model("reporting", "Indicator")
    Rule = apps.get_model("reporting", "ValidationRule")

    disaggs = {}
    for code, name, name_en, options in DISAGGREGATIONS:
        disagg, _ = Disaggregation.objects.update_or_create(
            code=code, defaults={"name": name, "name_en": name_en}
        )
        disaggs[code] = disagg
        for order, (opt_code, opt_name, opt_en) in enumerate(options):
            Option.objects.update_or_create(
                disaggregation=disagg,
                code=opt_code,
                defaults={"name": opt_name, "name_en": opt_en, "order": order},
            )
    # Only set fields the model has at this migration's point in history.
    fields = {f.name for f in Indicator._meta.get_fields()}
    for order, spec in enumerate(INDICATORS):
        data = dict(spec)
        code = data.pop("code")
        disagg_code = data.pop("disaggregation")
        data["disaggregation"] = disaggs[disagg_code] if disagg_code else None
        data["order"] = order * 10
        data = {k: v for k, v in data.items() if k in fields}
        Indicator.objects.update_or_create(code=code, defaults=data)
    for name, expression, severity, message in RULES:
        Rule.objects.update_or_create(
            form=None,
            name=name,
            defaults={"expression": expression, "severity": severity, "message": message},
        )

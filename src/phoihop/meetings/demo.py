"""Demo meetings: every meeting of the seed articles, with hosts, attendees, agenda, conclusions and follow-ups.

Reads ctx["orgs"] (hbt_gov, hbt_union, city_gov, city_union, bt_gov, bt_union, md_gov, md_union, hn_union,
hp_union, qn_union), ctx["people"] (orgs/demo.py keys: dang_thi_phuong_hoa … to_xuan_thao; a name missing there
is created from the seed's words), ctx["agreements"] (hbt_2017, hbt_2020, city_2021, city_2022, bt_2018, bt_2024,
md_2011, md_2016, fed3_2022) and ctx["periods"] (reporting/demo.py: "2017-2020", "2021", "2011-2015", "2022-H1",
"2018-2023"), all when present. Puts ctx["meetings"][key] for hbt_final_2020, city_interim_2021, bt_final_2024,
md_signing_2016 and fed3_briefing_2022.

Where the seeds are vague:
- Seed 001 gives "Sáng 3/3" and seed 003 "Ngày 21/11" without a year; seed 004 says the briefing took place
  "mới đây" before its article of 27/6/2022. Those meetings keep the date empty and the source's words in
  date_text; the year the other apps infer is noted in the summary, not stored as a fact.
- Seed 000's meeting both closed the 2017-2020 programme and signed its 2020-2025 successor; seed 002's likewise
  for the Bến Tre regulations; seed 003's signed the 2016-2020 programme after hearing the 2011-2015 report.
"""

from __future__ import annotations

import datetime as dt

from . import actions
from .choices import AttendeeRole, MeetingKind
from .models import Meeting

P, G, R, S, SIG = (
    AttendeeRole.PRESIDING,
    AttendeeRole.GUEST,
    AttendeeRole.REPORTER,
    AttendeeRole.SPEAKER,
    AttendeeRole.SIGNATORY,
)

SOURCE_000 = "Hiệu quả thiết thực từ Chương trình phối hợp công tác giữa UBND và LĐLĐ quận Hai Bà Trưng giai đoạn 2017-2020 (đăng 17/09/2020)"
SOURCE_001 = "UBND thành phố và LĐLĐ sơ kết chương trình phối hợp năm 2021 (Ý Nguyễn – Hoài Thương)"
SOURCE_002 = "Tổng kết công tác phối hợp hoạt động giữa UBND tỉnh và Liên đoàn Lao động giai đoạn 2018 - 2023 (BDK.VN, 08/11/2024)"
SOURCE_003 = "UBND-LĐLĐ huyện Mỹ Đức ký chương trình phối hợp (Trang Thu)"
SOURCE_004 = "Liên đoàn Lao động Hà Nội, Hải Phòng và Quảng Ninh: Phối hợp triển khai toàn diện các mặt công tác (laodongthudo.vn, 27/06/2022)"

MEETINGS = {
    "hbt_final_2020": dict(
        kind=MeetingKind.FINAL_REVIEW,
        title="Hội nghị tổng kết Chương trình phối hợp công tác giai đoạn 2017-2020 và ký kết chương trình phối hợp "
        "công tác giai đoạn 2020-2025",
        date=dt.date(2020, 9, 17),
        date_text="Sáng 17/9/2020",
        venue="Hội trường HĐND&UBND Quận",
        hosts=["hbt_gov", "hbt_union"],
        reviewed=["hbt_2017"],
        signed=["hbt_2020"],
        period="2017-2020",
        attendees=[
            (
                "dang_thi_phuong_hoa",
                "Đặng Thị Phương Hoa",
                "Phó Chủ tịch thường trực LĐLĐ thành phố Hà Nội",
                G,
            ),
            ("tran_quyet_thang", "Trần Quyết Thắng", "Phó Bí thư thường trực Quận ủy Hai Bà Trưng", G),
            ("vu_van_hoat", "Vũ Văn Hoạt", "Ủy viên thường vụ Quận ủy, Phó Chủ tịch UBND Quận", P),
            ("nguyen_thi_kim_dung", "Nguyễn Thị Kim Dung", "Quận ủy viên, Chủ tịch LĐLĐ Quận", R),
        ],
        agenda=[
            ("Báo cáo tổng kết Chương trình phối hợp công tác giai đoạn 2017-2020", "Nguyễn Thị Kim Dung"),
            ("Ký kết chương trình phối hợp công tác giai đoạn 2020-2025", ""),
            ("Phát biểu chỉ đạo", "Đặng Thị Phương Hoa"),
            (
                "Khen thưởng tập thể có thành tích trong thực hiện chương trình phối hợp",
                "UBND quận Hai Bà Trưng",
            ),
        ],
        summary="Giai đoạn 2017-2020, UBND và LĐLĐ quận phối hợp chặt chẽ, thường xuyên trong triển khai các văn bản "
        "chỉ đạo thực hiện Quy chế dân chủ ở cơ sở; thông qua thanh tra, kiểm tra, tổ chức Công đoàn tuyên truyền, "
        "đối thoại, hướng dẫn chủ doanh nghiệp thực hiện pháp luật lao động. Hai bên ký kết chương trình phối hợp "
        "giai đoạn 2020-2025 với 3 nội dung.",
        conclusions="Phó Chủ tịch thường trực LĐLĐ Thành phố đánh giá cao kết quả đạt được khá toàn diện trên các mặt "
        "công tác; đề nghị UBND và LĐLĐ quận khắc phục tồn tại, hạn chế của chương trình giai đoạn 2017-2020, có các "
        "giải pháp cụ thể tiếp tục thực hiện tốt chương trình phối hợp giai đoạn 2020-2025.",
        follow_ups=[
            ("Khắc phục tồn tại, hạn chế của chương trình phối hợp giai đoạn 2017-2020", "hbt_union"),
            ("Xây dựng giải pháp cụ thể thực hiện chương trình phối hợp giai đoạn 2020-2025", "hbt_gov"),
        ],
        source=SOURCE_000,
    ),
    "city_interim_2021": dict(
        kind=MeetingKind.INTERIM_REVIEW,
        title="Hội nghị sơ kết chương trình phối hợp năm 2021 và triển khai chương trình phối hợp năm 2022",
        date=None,
        date_text="Sáng 3/3",
        venue="",
        hosts=["city_gov", "city_union"],
        reviewed=["city_2021"],
        signed=[],
        period="2021",
        attendees=[],
        agenda=[
            ("Sơ kết chương trình phối hợp năm 2021", ""),
            ("Triển khai chương trình phối hợp năm 2022", ""),
            ("Lãnh đạo thành phố phát biểu", ""),
        ],
        summary="Bài viết không ghi năm họp; nội dung (sơ kết năm 2021, triển khai năm 2022) cho thấy hội nghị họp "
        "đầu năm 2022. Năm 2021 các bên phối hợp tốt các hoạt động bảo vệ quyền, lợi ích của đoàn viên; chương "
        "trình “Bếp yêu thương” phục vụ 18.000 suất ăn; ủng hộ gần 1 tỷ đồng vào quỹ vắc xin phòng Covid-19.",
        conclusions="Năm 2022 tiếp tục phối hợp phòng, chống dịch COVID-19; đẩy mạnh bảo vệ quyền, lợi ích hợp pháp "
        "của đoàn viên và người lao động; tuyên truyền, giáo dục chủ trương, chính sách, pháp luật; đổi mới và nâng "
        "cao hiệu quả các phong trào thi đua.",
        follow_ups=[
            ("Phối hợp phòng, chống và giảm thiểu thiệt hại từ đại dịch COVID-19", "city_gov"),
            ("Đổi mới, nâng cao hiệu quả các phong trào thi đua", "city_union"),
        ],
        source=SOURCE_001,
    ),
    "bt_final_2024": dict(
        kind=MeetingKind.FINAL_REVIEW,
        title="Hội nghị tổng kết công tác phối hợp giữa UBND tỉnh và LĐLĐ tỉnh giai đoạn 2018 - 2023, ký kết Quy "
        "chế phối hợp giai đoạn 2024 - 2029",
        date=dt.date(2024, 11, 8),
        date_text="Ngày 8-11-2024",
        venue="",
        hosts=["bt_gov", "bt_union"],
        reviewed=["bt_2018"],
        signed=["bt_2024"],
        period="2018-2023",
        attendees=[
            ("nguyen_thi_be_muoi", "Nguyễn Thị Bé Mười", "Phó Chủ tịch UBND tỉnh", P),
            ("nguyen_phuc_linh", "Nguyễn Phúc Linh", "Chủ tịch LĐLĐ tỉnh", P),
        ],
        agenda=[
            ("Tổng kết công tác phối hợp giai đoạn 2018 - 2023", ""),
            ("Các sở, ngành tỉnh báo cáo kết quả thực hiện quy chế phối hợp với Công đoàn", ""),
            ("Tham luận: tuyên truyền pháp luật trong công nhân lao động; thu kinh phí công đoàn", ""),
            ("Ký kết Quy chế phối hợp giai đoạn 2024 - 2029", ""),
        ],
        summary="Cùng dự có lãnh đạo các sở, ngành tỉnh và các công đoàn cấp trên trực tiếp cơ sở.",
        conclusions="Phó Chủ tịch UBND tỉnh đề nghị hai bên phát huy kết quả giai đoạn 2018 - 2023; các sở, ngành "
        "khẩn trương cùng các Ban của Công đoàn tỉnh thực hiện Quy chế mới.",
        follow_ups=[
            (
                "Xây dựng chế độ, chính sách liên quan đến cán bộ, công chức, viên chức và người lao động",
                "bt_gov",
            ),
            ("Phát triển đoàn viên, thành lập công đoàn cơ sở trong các thành phần kinh tế", "bt_union"),
            ("Thanh tra, kiểm tra, giám sát việc chấp hành pháp luật", "bt_gov"),
            ("Phối hợp triển khai Dự án Nhà ở xã hội công đoàn tại Bến Tre", "bt_union"),
            ("Tập trung cho công tác an toàn, vệ sinh lao động", "bt_gov"),
        ],
        source=SOURCE_002,
    ),
    "md_signing_2016": dict(
        kind=MeetingKind.SIGNING,
        title="Hội nghị ký chương trình phối hợp công tác giữa UBND và LĐLĐ huyện Mỹ Đức giai đoạn 2016-2020",
        date=None,
        date_text="Ngày 21/11",
        venue="",
        hosts=["md_gov", "md_union"],
        reviewed=["md_2011"],
        signed=["md_2016"],
        period="2011-2015",
        attendees=[
            ("vu_kim_son", "Vũ Kim Sơn", "Phó Chủ tịch Thường trực LĐLĐ TP. Hà Nội", G),
            ("bach_lien_huong", "Bạch Liên Hương", "Thành ủy viên, Bí thư huyện ủy, Chủ tịch HĐND huyện", G),
            ("nguyen_van_hoat", "Nguyễn Văn Hoạt", "Phó Bí thư huyện ủy, Chủ tịch UBND huyện", SIG),
            ("nguyen_thi_hoa", "Nguyễn Thị Hòa", "Phó Chủ tịch LĐLĐ huyện", R),
            ("do_huu_hung", "Đỗ Hữu Hùng", "Chủ tịch LĐLĐ huyện", SIG),
        ],
        agenda=[
            ("Báo cáo kết quả thực hiện chương trình phối hợp giai đoạn 2011-2015", "Nguyễn Thị Hòa"),
            ("Thảo luận, thông qua dự thảo chương trình phối hợp giai đoạn 2016-2020", ""),
            ("Ký chương trình phối hợp giai đoạn 2016-2020", "Nguyễn Văn Hoạt, Đỗ Hữu Hùng"),
        ],
        summary="Bài viết không ghi năm họp; chương trình được ký là giai đoạn 2016-2020. Trong 5 năm 2011-2015 "
        "toàn huyện có 3 công trình được gắn biển, 850 sáng kiến cấp cơ sở, 136 sáng kiến cấp trên cơ sở, 111 "
        "công nhân giỏi, 74 sáng kiến sáng tạo.",
        conclusions="Các đại biểu thảo luận và thông qua dự thảo chương trình phối hợp giai đoạn 2016-2020 với 4 "
        "nội dung chính.",
        follow_ups=[],
        source=SOURCE_003,
    ),
    "fed3_briefing_2022": dict(
        kind=MeetingKind.BRIEFING,
        title="Hội nghị giao ban phong trào CNVCLĐ và hoạt động Công đoàn 3 tỉnh, thành phố 6 tháng đầu năm, "
        "nhiệm vụ 6 tháng cuối năm 2022",
        date=None,
        date_text="Mới đây (trước bài đăng 27/6/2022)",
        venue="Hải Phòng",
        hosts=["hn_union", "hp_union", "qn_union"],
        reviewed=["fed3_2022"],
        signed=[],
        period="2022-H1",
        attendees=[
            (
                "nguyen_phi_thuong",
                "Nguyễn Phi Thường",
                "Ủy viên Đoàn Chủ tịch Tổng LĐLĐ Việt Nam, Thành ủy viên, Chủ tịch LĐLĐ thành phố Hà Nội",
                P,
            ),
            (
                "tong_van_bang",
                "Tống Văn Băng",
                "Ủy viên Ban chấp hành Tổng LĐLĐ Việt Nam, Thành ủy viên, Chủ tịch LĐLĐ thành phố Hải Phòng",
                S,
            ),
            (
                "to_xuan_thao",
                "Tô Xuân Thao",
                "Ủy viên Ban chấp hành Tổng LĐLĐ Việt Nam, Tỉnh ủy viên, Chủ tịch LĐLĐ tỉnh Quảng Ninh",
                S,
            ),
        ],
        agenda=[
            ("Sơ kết phong trào CNVCLĐ và hoạt động Công đoàn 6 tháng đầu năm 2022", ""),
            (
                "Thảo luận “Chương trình 1 triệu sáng kiến - nỗ lực vượt khó sáng tạo, quyết tâm chiến thắng đại dịch "
                "Covid-19”",
                "",
            ),
            ("Phát biểu kết luận", "Nguyễn Phi Thường"),
        ],
        summary="Tính đến ngày 24/6/2022, LĐLĐ thành phố Hà Nội có hơn 51.500 sáng kiến, thành phố Hải Phòng gần "
        "18.500 sáng kiến và tỉnh Quảng Ninh 5.852 sáng kiến đăng ký thành công.",
        conclusions="LĐLĐ Hà Nội, Hải Phòng, Quảng Ninh phát huy kết quả đạt được, tiếp tục sáng tạo, tăng cường phối "
        "hợp, thực hiện tốt chức năng, nhiệm vụ, chương trình, kế hoạch đã đề ra.",
        follow_ups=[
            ("Chỉ đạo tổ chức Đại hội điểm công đoàn cơ sở", "hn_union"),
            (
                "Đại diện thương lượng, ký kết thỏa ước lao động tập thể, đặc biệt thỏa ước nhóm doanh nghiệp",
                "hp_union",
            ),
            (
                "Phát triển đoàn viên, thành lập công đoàn cơ sở ở khu vực ngoài nhà nước, doanh nghiệp FDI",
                "qn_union",
            ),
            ("Cử cán bộ hỗ trợ công đoàn cơ sở, người lao động cập nhật sáng kiến", "hn_union"),
        ],
        source=SOURCE_004,
    ),
}


def _attendee(ctx: dict, key: str, name: str, title: str, role: str) -> actions.AttendeeData:
    person = ctx.get("people", {}).get(key)
    if person is not None:
        return actions.AttendeeData(person=person, title=title, organization=person.organization, role=role)
    return actions.AttendeeData(full_name=name, title=title, role=role)


def load(ctx: dict) -> None:
    orgs, agreements, periods = ctx.get("orgs", {}), ctx.get("agreements", {}), ctx.get("periods", {})
    meetings = ctx.setdefault("meetings", {})
    for key, spec in MEETINGS.items():
        hosts = [orgs[k] for k in spec["hosts"] if k in orgs]
        if len(hosts) < len(spec["hosts"]):
            continue  # the organisations step did not run: no meeting without its hosts
        data = actions.MeetingData(
            kind=spec["kind"],
            title=spec["title"],
            hosts=hosts,
            date=spec["date"],
            date_text=spec["date_text"],
            venue=spec["venue"],
            agreements_reviewed=[agreements[k] for k in spec["reviewed"] if k in agreements],
            agreements_signed=[agreements[k] for k in spec["signed"] if k in agreements],
            period=periods.get(spec["period"]),
            summary=spec["summary"],
            conclusions=spec["conclusions"],
            source=spec["source"],
            attendees=[_attendee(ctx, *a) for a in spec["attendees"]],
            agenda=spec["agenda"],
            follow_ups=[actions.FollowUpData(title, orgs.get(lead)) for title, lead in spec["follow_ups"]],
        )
        if data.kind == MeetingKind.SIGNING and not data.agreements_signed:
            data.kind = (
                MeetingKind.JOINT
            )  # the agreements step did not run: keep the meeting, not the signing
        meetings[key] = actions.create_meeting(None, data)


def reset() -> None:
    Meeting.objects.filter(title__in=[spec["title"] for spec in MEETINGS.values()]).delete()

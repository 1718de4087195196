"""Demo agreements reconstructed from the seed articles: Hà Nội, Hai Bà Trưng, Mỹ Đức, Bến Tre, three federations.

Reads ctx["orgs"][key] (orgs/demo.py: hn_gov, hn_union, hbt_gov, hbt_union, md_gov, md_union, bt_gov, bt_union,
city_gov, city_union, hp_union, qn_union) and, when present, ctx["people"] (Person rows, matched by full name to
take the title the orgs step gives them). Puts ctx["agreements"][key] for hn_145, hbt_2017, hbt_2020, md_2011,
md_2016, bt_2018, bt_2024, city_2021, city_2022, fed3_2022.

What the seeds say and what is inferred:
- 145/CTr-UBND-LĐLĐ ngày 28/7/2016 (2016-2020) and 03/CTr-UBND-LĐLĐ ngày 01/6/2017 (2017-2020) implementing it,
  both from seed 000; the 2020-2025 successor was signed 17/9/2020 at the final review, with the 3 content areas
  of seed 000. Its number is not given. Signatories of 2020-2025 are inferred: the seed has the LĐLĐ chair
  (Nguyễn Thị Kim Dung) speak for both bodies and the UBND vice-chair (Vũ Văn Hoạt) attend.
- Mỹ Đức 2016-2020 (seed 003): signed "ngày 21/11" by Nguyễn Văn Hoạt (Chủ tịch UBND huyện) and Đỗ Hữu Hùng
  (Chủ tịch LĐLĐ huyện), 4 content areas; the year 2016 is inferred (the meeting closes 2011-2015 and opens
  2016-2020), so is its implementing the city programme 145. The 2011-2015 programme is known to exist, not when
  it was signed: is_signed without a date (status counts from 1/1/2011).
- Bến Tre (seed 002): the 2018-2023 regulation (signing date unknown) and the 2024-2029 regulation signed
  8/11/2024 at the meeting chaired by Phó Chủ tịch UBND tỉnh Nguyễn Thị Bé Mười and Chủ tịch LĐLĐ tỉnh Nguyễn Phúc
  Linh (taken as its signatories). The seed does not give its chapters; its content areas are the tasks the
  vice-chair listed.
- City programmes 2021 and 2022 (seed 001): reviewed/launched at the meeting of 3/3/2022; dates unknown.
- Three federations (seed 004): coordination kept up with six-monthly briefings; the period 2018-2023 (the term
  of the XIIth Trade Union Congress the seed refers to) is inferred.
Tasks due soon (relative to today) sit on the Bến Tre regulation, the one still in force, so home pages show them.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from . import actions
from .choices import AgreementKind, SigningPrefix, TaskFrequency, TaskStatus
from .data import AgreementData, ContentAreaData, PartyData, TaskData
from .models import Agreement

ONCE, YEARLY, ONGOING, SIX_MONTHLY = (
    TaskFrequency.ONCE,
    TaskFrequency.YEARLY,
    TaskFrequency.ONGOING,
    TaskFrequency.SIX_MONTHLY,
)
DONE, PLANNED, IN_PROGRESS = TaskStatus.DONE, TaskStatus.PLANNED, TaskStatus.IN_PROGRESS


def _title_of(ctx: dict, name: str, fallback: str) -> str:
    for person in (ctx.get("people") or {}).values():
        if getattr(person, "full_name", None) == name and person.title:
            return person.title
    return fallback


def _party(ctx, org_key, name="", title="", prefix=SigningPrefix.NONE, lead=False) -> PartyData:
    return PartyData(
        organization_id=ctx["orgs"][org_key].pk,
        is_lead=lead,
        signing_prefix=prefix,
        signatory_name=name,
        signatory_title=_title_of(ctx, name, title) if name else "",
    )


def _task(ctx, title, lead, *, co=(), area=None, frequency=ONCE, deadline=None, status=DONE) -> TaskData:
    return TaskData(
        title=title,
        lead_id=ctx["orgs"][lead].pk,
        cooperating_ids=[ctx["orgs"][key].pk for key in co],
        content_area=area,
        frequency=frequency,
        deadline=deadline,
        status=status,
    )


def _areas(*titles: str) -> list[ContentAreaData]:
    return [ContentAreaData(title=t) for t in titles]


def _soon(days: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=days)


def _specs(ctx: dict) -> list[tuple[str, AgreementData, dict]]:
    """(key, data, links by key) in an order where parents and predecessors come first."""
    hbt_2020_areas = _areas(
        "Phối hợp tổ chức hiệu quả các phong trào thi đua trong CNVCLĐ, góp phần hoàn thành thắng lợi nhiệm vụ "
        "phát triển kinh tế - xã hội hằng năm và 5 năm 2020-2025",
        "Phối hợp chăm lo, bảo vệ quyền lợi hợp pháp, chính đáng của người lao động, nâng cao phúc lợi xã hội, "
        "góp phần đảm bảo an sinh xã hội trên địa bàn Quận",
        "Phối hợp tuyên truyền pháp luật và các chủ trương của Đảng, chính sách Nhà nước, nâng cao ý thức cho "
        "đoàn viên công đoàn, người lao động",
    )
    md_2016_areas = _areas(
        "Phối hợp thực hiện hiệu quả các phong trào thi đua trong CNVCLĐ, góp phần hoàn thành thắng lợi nhiệm vụ "
        "phát triển kinh tế - xã hội hằng năm và 5 năm (2016-2020)",
        "Phối hợp chăm lo, bảo vệ quyền và lợi ích hợp pháp, chính đáng của người lao động, nâng cao phúc lợi xã hội",
        "Phối hợp tuyên truyền pháp luật và các chủ trương của Đảng, chính sách của Nhà nước, nâng cao ý thức công "
        "dân cho CNVCLĐ",
        "Tiếp tục phối hợp giải quyết một số vấn đề đã thống nhất giữa UBND và LĐLĐ huyện trong việc chăm lo đời "
        "sống vật chất, văn hóa tinh thần cho CNLĐ; UBND huyện hỗ trợ kinh phí cho các hoạt động xã hội, phát triển "
        "đoàn viên thành lập CĐCS, hoạt động của cụm văn hóa - thể thao",
    )
    bt_2018_areas = _areas(
        "Phối hợp phát động, tổ chức các phong trào thi đua yêu nước; công tác thi đua, khen thưởng",
        "Hỗ trợ kinh phí cho các hoạt động của LĐLĐ tỉnh theo dự toán hằng năm",
        "Tuyên truyền, phổ biến pháp luật trong công nhân lao động tại các doanh nghiệp",
        "Thu kinh phí công đoàn tại doanh nghiệp chưa có tổ chức công đoàn, gắn với kiểm tra, thanh tra việc đóng",
        "Tổ chức hội nghị cán bộ, công chức; thực hiện dân chủ ở cơ sở",
    )
    bt_2024_areas = _areas(
        "Xây dựng chế độ, chính sách liên quan đến cán bộ, công chức, viên chức và người lao động",
        "Tổ chức các phong trào thi đua yêu nước (“Lao động giỏi - Lao động sáng tạo”, “Đồng khởi mới”)",
        "Phát triển đoàn viên, thành lập công đoàn cơ sở trong các thành phần kinh tế",
        "Tổ chức thực hiện, thanh tra, kiểm tra và giám sát việc chấp hành pháp luật",
        "Phối hợp triển khai Dự án Nhà ở xã hội công đoàn tại Bến Tre",
        "An toàn, vệ sinh lao động",
    )
    city_2022_areas = _areas(
        "Phòng, chống và giảm thiểu thiệt hại từ đại dịch COVID-19",
        "Bảo vệ quyền, lợi ích hợp pháp, chính đáng, chăm lo lợi ích thiết thực của đoàn viên và người lao động",
        "Tuyên truyền, giáo dục trong CNVCLĐ về chủ trương, chính sách, pháp luật của Đảng, Nhà nước và công đoàn",
        "Đổi mới, nâng cao hiệu quả các phong trào thi đua; lập thành tích chào mừng các ngày lễ lớn",
    )
    year = timezone.localdate().year
    programme, regulation, joint = (
        AgreementKind.PROGRAMME,
        AgreementKind.REGULATION,
        AgreementKind.JOINT_PROGRAMME,
    )
    return [
        (
            "hn_145",
            AgreementData(
                kind=programme,
                number="145/CTr-UBND-LĐLĐ",
                title="Chương trình phối hợp công tác giữa Ủy ban nhân dân và Liên đoàn Lao động thành phố Hà Nội "
                "giai đoạn 2016-2020",
                signed_date=dt.date(2016, 7, 28),
                place="Hà Nội",
                period_start_year=2016,
                period_end_year=2020,
                parties=[_party(ctx, "hn_gov", lead=True), _party(ctx, "hn_union")],
            ),
            {},
        ),
        (
            "hbt_2017",
            AgreementData(
                kind=programme,
                number="03/CTr-UBND-LĐLĐ",
                title="Chương trình phối hợp công tác giữa Ủy ban nhân dân và Liên đoàn Lao động quận Hai Bà Trưng "
                "giai đoạn 2017-2020",
                signed_date=dt.date(2017, 6, 1),
                place="Hai Bà Trưng",
                period_start_year=2017,
                period_end_year=2020,
                summary="Cụ thể hóa Chương trình số 145/CTr-UBND-LĐLĐ ngày 28/7/2016 của Ủy ban nhân dân và Liên "
                "đoàn Lao động thành phố Hà Nội. Tổng kết tại Hội nghị ngày 17/9/2020 ở Hội trường HĐND&UBND Quận; "
                "UBND quận khen thưởng 16 tập thể có thành tích thực hiện chương trình.",
                parties=[_party(ctx, "hbt_gov", lead=True), _party(ctx, "hbt_union")],
                tasks=[
                    _task(
                        ctx,
                        "Xây dựng kế hoạch phối hợp chỉ đạo phát động các phong trào thi đua “Công nhân giỏi”, "
                        "“Sáng kiến sáng tạo”, “Người tốt, việc tốt”",
                        "hbt_union",
                        co=["hbt_gov"],
                        frequency=YEARLY,
                    ),
                    _task(
                        ctx,
                        "Ban hành văn bản phối hợp chỉ đạo tổ chức Hội nghị cán bộ, công chức, viên chức; Hội nghị "
                        "người lao động và đối thoại tại nơi làm việc",
                        "hbt_gov",
                        co=["hbt_union"],
                        frequency=YEARLY,
                    ),
                    _task(
                        ctx,
                        "Tổ chức Hội nghị tổng kết Chương trình phối hợp giai đoạn 2017-2020 và ký kết chương trình "
                        "giai đoạn 2020-2025",
                        "hbt_gov",
                        co=["hbt_union"],
                        deadline=dt.date(2020, 9, 17),
                    ),
                ],
            ),
            {"parent": "hn_145"},
        ),
        (
            "hbt_2020",
            AgreementData(
                kind=programme,
                title="Chương trình phối hợp công tác giữa Ủy ban nhân dân và Liên đoàn Lao động quận Hai Bà Trưng "
                "giai đoạn 2020-2025",
                signed_date=dt.date(2020, 9, 17),
                place="Hai Bà Trưng",
                period_start_year=2020,
                period_end_year=2025,
                summary="Ký kết tại Hội nghị tổng kết chương trình giai đoạn 2017-2020 ngày 17/9/2020.",
                parties=[
                    _party(ctx, "hbt_gov", "Vũ Văn Hoạt", "Phó Chủ tịch", SigningPrefix.KT, lead=True),
                    _party(ctx, "hbt_union", "Nguyễn Thị Kim Dung", "Chủ tịch", SigningPrefix.TM),
                ],
                content_areas=hbt_2020_areas,
                tasks=[
                    _task(
                        ctx,
                        "Phát động phong trào thi đua “Công nhân giỏi” trong các doanh nghiệp",
                        "hbt_union",
                        co=["hbt_gov"],
                        area=1,
                        frequency=YEARLY,
                    ),
                    _task(
                        ctx,
                        "Chỉ đạo tổ chức Hội nghị người lao động, đối thoại tại nơi làm việc",
                        "hbt_gov",
                        co=["hbt_union"],
                        area=2,
                        frequency=YEARLY,
                        status=IN_PROGRESS,
                    ),
                    _task(
                        ctx,
                        "Tổ chức Hội nghị tổng kết Chương trình phối hợp giai đoạn 2020-2025",
                        "hbt_union",
                        co=["hbt_gov"],
                        deadline=dt.date(2025, 12, 15),
                        status=PLANNED,
                    ),
                ],
            ),
            {"predecessor": "hbt_2017"},
        ),
        (
            "md_2011",
            AgreementData(
                kind=programme,
                title="Chương trình phối hợp công tác giữa Ủy ban nhân dân và Liên đoàn Lao động huyện Mỹ Đức "
                "giai đoạn 2011-2015",
                is_signed=True,
                place="Mỹ Đức",
                period_start_year=2011,
                period_end_year=2015,
                summary="Kết quả 5 năm thực hiện do đồng chí Nguyễn Thị Hòa, Phó Chủ tịch LĐLĐ huyện, báo cáo tại "
                "hội nghị ngày 21/11 (ký chương trình giai đoạn 2016-2020). Ngày ký không rõ.",
                parties=[_party(ctx, "md_gov", lead=True), _party(ctx, "md_union")],
                tasks=[
                    _task(
                        ctx,
                        "Ký văn bản liên tịch chỉ đạo đại hội công nhân viên chức, Hội nghị cán bộ công chức, "
                        "Hội nghị người lao động",
                        "md_gov",
                        co=["md_union"],
                        frequency=YEARLY,
                    ),
                    _task(
                        ctx,
                        "Tặng quà công nhân viên chức lao động có hoàn cảnh khó khăn; hỗ trợ mái ấm công đoàn",
                        "md_union",
                        co=["md_gov"],
                        frequency=ONGOING,
                    ),
                    _task(ctx, "Tổ chức cho các công đoàn cơ sở vay vốn", "md_union", frequency=ONGOING),
                ],
            ),
            {},
        ),
        (
            "md_2016",
            AgreementData(
                kind=programme,
                title="Chương trình phối hợp công tác giữa Ủy ban nhân dân và Liên đoàn Lao động huyện Mỹ Đức "
                "giai đoạn 2016-2020",
                signed_date=dt.date(2016, 11, 21),
                place="Mỹ Đức",
                period_start_year=2016,
                period_end_year=2020,
                summary="Dự thảo được hội nghị thảo luận, thông qua và ký ngày 21/11 (năm 2016 suy ra từ nội dung "
                "bài viết).",
                parties=[
                    _party(ctx, "md_gov", "Nguyễn Văn Hoạt", "Chủ tịch", SigningPrefix.TM, lead=True),
                    _party(ctx, "md_union", "Đỗ Hữu Hùng", "Chủ tịch", SigningPrefix.TM),
                ],
                content_areas=md_2016_areas,
            ),
            {"predecessor": "md_2011", "parent": "hn_145"},
        ),
        (
            "bt_2018",
            AgreementData(
                kind=regulation,
                title="Quy chế phối hợp hoạt động và mối quan hệ công tác giữa Ủy ban nhân dân tỉnh và Liên đoàn "
                "Lao động tỉnh Bến Tre giai đoạn 2018-2023",
                is_signed=True,
                place="Bến Tre",
                period_start_year=2018,
                period_end_year=2023,
                summary="Tổng kết ngày 8/11/2024. Ngày ký không rõ.",
                parties=[_party(ctx, "bt_gov", lead=True), _party(ctx, "bt_union")],
                content_areas=bt_2018_areas,
                tasks=[
                    _task(
                        ctx,
                        "Các sở, ngành tỉnh báo cáo kết quả thực hiện theo quy chế phối hợp với Công đoàn",
                        "bt_gov",
                        co=["bt_union"],
                        deadline=dt.date(2024, 10, 31),
                    ),
                    _task(
                        ctx,
                        "Tổ chức Hội nghị tổng kết Quy chế phối hợp giai đoạn 2018-2023",
                        "bt_gov",
                        co=["bt_union"],
                        deadline=dt.date(2024, 11, 8),
                    ),
                ],
            ),
            {},
        ),
        (
            "bt_2024",
            AgreementData(
                kind=regulation,
                title="Quy chế phối hợp hoạt động giữa Ủy ban nhân dân tỉnh và Liên đoàn Lao động tỉnh Bến Tre "
                "giai đoạn 2024-2029",
                signed_date=dt.date(2024, 11, 8),
                place="Bến Tre",
                period_start_year=2024,
                period_end_year=2029,
                summary="Ký kết tại Hội nghị tổng kết giai đoạn 2018-2023 ngày 8/11/2024.",
                parties=[
                    _party(ctx, "bt_gov", "Nguyễn Thị Bé Mười", "Phó Chủ tịch", SigningPrefix.KT, lead=True),
                    _party(ctx, "bt_union", "Nguyễn Phúc Linh", "Chủ tịch", SigningPrefix.TM),
                ],
                content_areas=bt_2024_areas,
                tasks=[
                    _task(
                        ctx,
                        "Phối hợp triển khai Dự án Nhà ở xã hội công đoàn tại Bến Tre",
                        "bt_union",
                        co=["bt_gov"],
                        area=5,
                        deadline=_soon(20),
                        status=IN_PROGRESS,
                    ),
                    _task(
                        ctx,
                        f"Kiểm tra việc đóng kinh phí công đoàn tại doanh nghiệp chưa có tổ chức công đoàn "
                        f"năm {year}",
                        "bt_union",
                        co=["bt_gov"],
                        area=4,
                        deadline=_soon(45),
                    ),
                    _task(
                        ctx,
                        f"Báo cáo kết quả thực hiện Quy chế phối hợp năm {year}",
                        "bt_gov",
                        co=["bt_union"],
                        deadline=_soon(9),
                    ),
                    _task(
                        ctx,
                        "Tháng Công nhân, Tháng hành động về an toàn, vệ sinh lao động",
                        "bt_union",
                        co=["bt_gov"],
                        area=6,
                        frequency=YEARLY,
                    ),
                ],
            ),
            {"predecessor": "bt_2018"},
        ),
        (
            "city_2021",
            AgreementData(
                kind=programme,
                title="Chương trình phối hợp giữa Ủy ban nhân dân thành phố và Liên đoàn Lao động thành phố năm 2021",
                is_signed=True,
                period_start_year=2021,
                period_end_year=2021,
                summary="Sơ kết tại hội nghị sáng 3/3; 12 tập thể và 17 cá nhân tiêu biểu được UBND thành phố khen "
                "thưởng. Ngày ký không rõ.",
                parties=[_party(ctx, "city_gov", lead=True), _party(ctx, "city_union")],
                tasks=[
                    _task(
                        ctx,
                        "Thực hiện chương trình “Bếp yêu thương” tại các khu cách ly tập trung; chợ phiên 0 đồng",
                        "city_union",
                        frequency=ONGOING,
                    ),
                    _task(
                        ctx,
                        "Kiểm tra, giám sát chế độ chính sách đối với người lao động bị ảnh hưởng bởi dịch "
                        "Covid-19",
                        "city_gov",
                        co=["city_union"],
                        frequency=ONGOING,
                    ),
                    _task(
                        ctx,
                        "Phối hợp với Hội đồng PBGDPL tuyên truyền Bộ luật Lao động năm 2019 cho cán bộ chủ chốt",
                        "city_union",
                        co=["city_gov"],
                        deadline=dt.date(2021, 12, 31),
                    ),
                    _task(
                        ctx,
                        "Hội nghị sơ kết chương trình phối hợp năm 2021, triển khai chương trình năm 2022",
                        "city_gov",
                        co=["city_union"],
                        deadline=dt.date(2022, 3, 3),
                    ),
                ],
            ),
            {},
        ),
        (
            "city_2022",
            AgreementData(
                kind=programme,
                title="Chương trình phối hợp giữa Ủy ban nhân dân thành phố và Liên đoàn Lao động thành phố năm 2022",
                is_signed=True,
                period_start_year=2022,
                period_end_year=2022,
                summary="Triển khai tại hội nghị sơ kết chương trình năm 2021. Ngày ký không rõ.",
                parties=[_party(ctx, "city_gov", lead=True), _party(ctx, "city_union")],
                content_areas=city_2022_areas,
            ),
            {"predecessor": "city_2021"},
        ),
        (
            "fed3_2022",
            AgreementData(
                kind=joint,
                title="Chương trình phối hợp công tác giữa Liên đoàn Lao động thành phố Hà Nội, thành phố Hải Phòng "
                "và tỉnh Quảng Ninh",
                is_signed=True,
                period_start_year=2018,
                period_end_year=2023,
                summary="Giao ban phong trào CNVCLĐ và hoạt động Công đoàn 3 tỉnh, thành phố 6 tháng một lần; hội "
                "nghị giao ban 6 tháng đầu năm 2022 tổ chức tại Hải Phòng. Giai đoạn và ngày ký không rõ.",
                parties=[
                    _party(ctx, "hn_union", lead=True),
                    _party(ctx, "hp_union"),
                    _party(ctx, "qn_union"),
                ],
                tasks=[
                    _task(
                        ctx,
                        "Hội nghị giao ban 6 tháng đầu năm, nhiệm vụ 6 tháng cuối năm 2022",
                        "hp_union",
                        co=["hn_union", "qn_union"],
                        deadline=dt.date(2022, 6, 30),
                    ),
                    _task(
                        ctx,
                        "Triển khai “Chương trình 1 triệu sáng kiến - nỗ lực vượt khó sáng tạo, quyết tâm chiến "
                        "thắng đại dịch Covid-19”",
                        "hn_union",
                        co=["hp_union", "qn_union"],
                        frequency=SIX_MONTHLY,
                    ),
                ],
            ),
            {},
        ),
    ]


def load(ctx: dict) -> None:
    agreements = ctx.setdefault("agreements", {})
    for key, data, links in _specs(ctx):
        for field, target in links.items():
            setattr(data, f"{field}_id", agreements[target].pk)
        existing = Agreement.objects.filter(kind=data.kind, title=data.title).first()
        agreements[key] = existing or actions.create_agreement(None, data)

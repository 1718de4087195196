"""Demo review report: the draft of Hai Bà Trưng's final review of its 2017-2020 programme, read at the meeting
of 17/9/2020, with its written sections taken from seed 000's prose (the figures come from the approved reports).

Reads ctx["agreements"]["hbt_2017"], ctx["periods"]["2017-2020"] and ctx["meetings"]["hbt_final_2020"] when
present. Puts ctx["review_reports"]["hbt_final_2020"].

Choices: the seed gives no report number, so the number is left blank for the registry ("/BC-UBND-LĐLĐ"); the
report is dated the day of the meeting; the signers are the two officials who spoke for the bodies at it.
Shortcomings and causes are only what the seed implies (the 67 - 74% conference rate, Covid-19 in 2020).
"""

from __future__ import annotations

import datetime as dt

from . import actions
from .choices import ReportKind
from .models import ReviewReport

DEMO_TITLE = "Tổng kết Chương trình phối hợp công tác giữa Ủy ban nhân dân và Liên đoàn Lao động quận Hai Bà Trưng giai đoạn 2017-2020"

SITUATION = """Nhằm cụ thể hóa Chương trình số 145/CTr-UBND-LĐLĐ ngày 28/7/2016 của Ủy ban nhân dân và Liên đoàn Lao động thành phố Hà Nội về phối hợp công tác giữa Ủy ban nhân dân và Liên đoàn Lao động Thành phố giai đoạn 2016-2020, Ủy ban nhân dân và Liên đoàn Lao động quận Hai Bà Trưng đã ký kết Chương trình số 03/CTr-UBND-LĐLĐ ngày 01/6/2017 về phối hợp công tác giai đoạn 2017-2020.
Giai đoạn 2017-2020, Ủy ban nhân dân và Liên đoàn Lao động quận phối hợp chặt chẽ, thường xuyên trong triển khai các văn bản chỉ đạo các cơ quan, đơn vị, doanh nghiệp tổ chức thực hiện tốt Quy chế dân chủ ở cơ sở, bảo đảm tiến độ, chất lượng. Các hoạt động phối hợp được triển khai đồng bộ, rộng rãi, đi vào thực chất.
Thông qua thanh tra, kiểm tra, tổ chức Công đoàn tuyên truyền, đối thoại, hướng dẫn chủ doanh nghiệp thực hiện quy định pháp luật lao động, Luật Công đoàn, các chế độ với người lao động, bảo đảm hài hòa quyền lợi của doanh nghiệp và người lao động, góp phần hoàn thành các chỉ tiêu phát triển kinh tế - xã hội, an ninh - quốc phòng trên địa bàn Quận.
Hằng năm, Liên đoàn Lao động quận xây dựng kế hoạch phối hợp với Ủy ban nhân dân quận chỉ đạo các cơ quan, đơn vị, doanh nghiệp trên địa bàn tổ chức phát động các phong trào thi đua “Công nhân giỏi”, “Sáng kiến sáng tạo”, “Người tốt, việc tốt”; vận động công nhân, viên chức, lao động tích cực thi đua phát triển kinh tế - xã hội và sản xuất kinh doanh."""

SHORTCOMINGS = """Tỷ lệ doanh nghiệp, đơn vị sự nghiệp ngoài công lập tổ chức Hội nghị người lao động và đối thoại tại nơi làm việc hằng năm mới đạt từ 67 - 74%, chưa tương xứng với tỷ lệ 100% ở cơ quan hành chính, đơn vị sự nghiệp công lập.
Chất lượng Hội nghị cán bộ, công chức, viên chức và Hội nghị người lao động ở một số đơn vị mới từng bước được bảo đảm."""

CAUSES = """Năm 2020, dịch Covid-19 ảnh hưởng đến hoạt động sản xuất, kinh doanh của doanh nghiệp và việc tổ chức các hội nghị, hội thi tập trung.
(Nêu thêm nguyên nhân chủ quan, nếu có.)"""

LESSONS = """Sự quan tâm, chỉ đạo sát sao của Ủy ban nhân dân và Liên đoàn Lao động thành phố Hà Nội, Quận ủy Hai Bà Trưng và sự phối hợp với các phòng, ngành, đoàn thể là điều kiện để chương trình đạt kết quả.
Công tác tuyên truyền giáo dục, vận động công nhân, viên chức, lao động cần thường xuyên đổi mới về hình thức, nội dung, hướng về đoàn viên công đoàn, người lao động."""

DIRECTIONS = """Ủy ban nhân dân và Liên đoàn Lao động quận thống nhất ký kết chương trình phối hợp công tác giai đoạn 2020-2025, tập trung vào 3 nội dung:
1. Phối hợp tổ chức hiệu quả các phong trào thi đua trong công nhân, viên chức, lao động, góp phần hoàn thành thắng lợi nhiệm vụ phát triển kinh tế - xã hội hằng năm và 5 năm 2020-2025.
2. Phối hợp chăm lo, bảo vệ quyền lợi hợp pháp, chính đáng của người lao động, nâng cao phúc lợi xã hội, góp phần bảo đảm an sinh xã hội trên địa bàn Quận.
3. Phối hợp tuyên truyền pháp luật và các chủ trương của Đảng, chính sách của Nhà nước, nâng cao ý thức cho đoàn viên công đoàn, người lao động.
Hai bên khắc phục tồn tại, hạn chế của chương trình phối hợp giai đoạn 2017-2020, có các giải pháp cụ thể để thực hiện tốt chương trình phối hợp giai đoạn 2020-2025."""

RECOMMENDATIONS = """Đề nghị Ủy ban nhân dân và Liên đoàn Lao động thành phố Hà Nội tiếp tục quan tâm chỉ đạo, hướng dẫn việc thực hiện chương trình phối hợp giai đoạn 2020-2025."""

RECIPIENTS = """Ủy ban nhân dân thành phố Hà Nội (để báo cáo)
Liên đoàn Lao động thành phố Hà Nội (để báo cáo)
Thường trực Quận ủy Hai Bà Trưng (để báo cáo)
Các phòng, ban, ngành, đoàn thể Quận
Các công đoàn cơ sở trực thuộc"""


def load(ctx: dict) -> None:
    agreement = ctx.get("agreements", {}).get("hbt_2017")
    if agreement is None:
        return
    report = actions.create_report(
        None,
        kind=ReportKind.FINAL,
        period=ctx.get("periods", {}).get("2017-2020"),
        agreement=agreement,
        meeting=ctx.get("meetings", {}).get("hbt_final_2020"),
        title=DEMO_TITLE,
        place="Hai Bà Trưng",
        date=dt.date(2020, 9, 17),
        signers=[
            {"heading": "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "name": "Vũ Văn Hoạt"},
            {"heading": "TM. BAN THƯỜNG VỤ\nCHỦ TỊCH", "name": "Nguyễn Thị Kim Dung"},
        ],
        situation=SITUATION,
        shortcomings=SHORTCOMINGS,
        causes=CAUSES,
        lessons=LESSONS,
        directions=DIRECTIONS,
        recommendations=RECOMMENDATIONS,
        recipients=RECIPIENTS,
        archive="VT, LĐLĐ",
    )
    ctx.setdefault("review_reports", {})["hbt_final_2020"] = report


def reset() -> None:
    for report in ReviewReport.objects.filter(title=DEMO_TITLE):
        actions.delete_report(None, report)

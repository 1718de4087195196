"""Invented texts of the genre (other provinces, spellings and layouts) with the facts a reader expects."""

import pytest

from phoihop.extraction.engine.extractor import extract

SIGNING_PROVINCE = """UBND tỉnh Quảng Nam và LĐLĐ tỉnh ký kết Quy chế phối hợp giai đoạn 2021-2026
Cập nhật: 15/03/2021 16:40
Chiều 15-3-2021, UBND tỉnh Quảng Nam và Liên đoàn Lao động tỉnh tổ chức Hội nghị ký kết Quy chế phối hợp công \
tác giai đoạn 2021-2026.
Dự hội nghị có đồng chí Lê Trí Thanh, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh; ông Trần Văn Tân, Chủ tịch LĐLĐ \
tỉnh cùng lãnh đạo các sở, ngành.
Quy chế gồm 4 chương, 15 điều, tập trung vào 5 nội dung phối hợp chính như tham gia xây dựng chính sách, tổ chức \
phong trào thi đua, phát triển đoàn viên.
Giai đoạn 2016-2020, thực hiện Quy chế phối hợp số 12/QC-UBND-LĐLĐ ngày 5/6/ 2016, LĐLĐ tỉnh đã phát triển mới \
25.300 đoàn viên, thành lập 312 CĐCS; tổ chức tặng quà cho trên 45 ngàn lượt công nhân với tổng kinh phí hơn 12,5 \
tỷ đồng. Toàn tỉnh hiện có 8 khu công nghiệp, 15 cụm công nghiệp với hơn 110.000 công nhân lao động.
Bảo Ngọc
"""

INTERIM_DISTRICT = """Sơ kết 3 năm thực hiện Chương trình phối hợp giữa UBND huyện Đông Anh và LĐLĐ huyện
Sáng ngày 12 tháng 7 năm 2023, UBND huyện Đông Anh và LĐLĐ huyện tổ chức hội nghị sơ kết 3 năm thực hiện Chương \
trình phối hợp số 01/CTr-UBND-LĐLĐ giai đoạn 2020 - 2025.
Tới dự hội nghị có bà Nguyễn Thị Thu Hà - Phó Chủ tịch UBND huyện; đ/c Hoàng Văn Bình - Huyện ủy viên, Chủ tịch \
LĐLĐ huyện.
Theo báo cáo, qua 3 năm, các cấp công đoàn huyện đã kết nạp 4.215 đoàn viên, thành lập mới 27 công đoàn cơ sở, đạt \
105% chỉ tiêu. Tỷ lệ ký kết thỏa ước lao động tập thể đạt từ 70 đến 80%. LĐLĐ huyện đã hỗ trợ 1 tỷ 250 triệu đồng \
cho 356 trường hợp đoàn viên có hoàn cảnh khó khăn, xây mới 12 Mái ấm Công đoàn.
Công ty TNHH Hanoi Steel hiện có hơn 1.200 công nhân.
Tại hội nghị, UBND huyện đã tặng Giấy khen cho 10 tập thể và 15 cá nhân. LĐLĐ huyện Đông Anh xếp thứ 2 trong khối \
quận, huyện của thành phố.
"""

ACTIVITY_REPORT = """LĐLĐ tỉnh Bình Dương: 6 tháng đầu năm phát triển hơn 10.000 đoàn viên
10:25 | 05/07/2024
Tính đến ngày 30/6/2024, LĐLĐ tỉnh Bình Dương đã phát triển được 10.350 đoàn viên, thành lập 45 CĐCS, đạt 52% kế \
hoạch năm. Toàn tỉnh hiện có 3.120 CĐCS với hơn 520.000 đoàn viên.
Cũng trong 6 tháng đầu năm, các cấp công đoàn tỉnh đã tổ chức 215 buổi tuyên truyền pháp luật cho hơn 38.000 lượt \
người lao động; trao 3.500 suất quà Tết trị giá 2,6 tỉ đồng.
Theo quy định, doanh nghiệp có từ 25 lao động trở lên phải thành lập công đoàn cơ sở.
Ông Nguyễn Văn Lộc, Phó Chủ tịch LĐLĐ tỉnh cho biết trong thời gian tới sẽ tiếp tục đẩy mạnh phát triển đoàn viên.
Chị Trần Thị Mai, công nhân Công ty TNHH Pouchen Việt Nam chia sẻ niềm vui khi được hỗ trợ.
"""

DECISION = """UỶ BAN NHÂN DÂN TỈNH SƠN LA
Số: 68/QĐ-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Sơn La, ngày 05 tháng 01 năm 2021
QUYẾT ĐỊNH
Ban hành Quy chế phối hợp công tác giữa Ủy ban nhân dân tỉnh và Liên đoàn Lao động tỉnh Sơn La
ỦY BAN NHÂN DÂN TỈNH SƠN LA
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp công tác giữa Ủy ban nhân dân tỉnh và Liên đoàn Lao động \
tỉnh Sơn La.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
"""

PLAN_DOCUMENT = """ỦY BAN NHÂN DÂN
TỈNH BẮC GIANG
Số: 45/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Bắc Giang, ngày 10 tháng 02 năm 2024
KẾ HOẠCH
Thực hiện Quy chế phối hợp giữa UBND tỉnh và LĐLĐ tỉnh năm 2024
I. MỤC ĐÍCH, YÊU CẦU
Cụ thể hóa Quy chế phối hợp số 02/QCPH-UBND-LĐLĐ ngày 15/7/2021 giữa UBND tỉnh và LĐLĐ tỉnh.
II. CHỈ TIÊU
Phấn đấu năm 2024 phát triển mới 10.000 đoàn viên, thành lập 60 CĐCS.
"""

BRIEFING = """Họp báo công bố Tháng Công nhân năm 2024
Sáng 22.4.2024, LĐLĐ thành phố Đà Nẵng tổ chức họp báo thông tin về các hoạt động Tháng Công nhân năm 2024.
Theo đồng chí Lê Văn Trung - Chủ tịch LĐLĐ thành phố, các cấp công đoàn sẽ tặng 5.000 suất quà cho công nhân, tổng \
trị giá khoảng 3 tỷ đồng.
"""

STAMPED = """Thứ Hai, 05/10/2021 | 09:12
LĐLĐ huyện Hoài Đức và UBND huyện sơ kết 2 năm thực hiện Quy chế phối hợp
Chiều 5/10, UBND huyện Hoài Đức và LĐLĐ huyện tổ chức hội nghị sơ kết 2 năm thực hiện Quy chế phối hợp số \
01/2019/QCPH-UBND-LĐLĐ ngày 17 tháng 9 năm 2019.
Chủ trì hội nghị có ông Lê Văn Hùng - Phó Chủ tịch UBND huyện và bà Đỗ Thị Thu Hằng - Chủ tịch LĐLĐ huyện. Bí thư \
Huyện ủy Nguyễn Văn Dũng đánh giá cao kết quả phối hợp.
Tin liên quan
Hoài Đức: 100 công nhân được nhận quà Tết
"""

GIAO_BAN = """Giao ban Cụm thi đua các LĐLĐ tỉnh miền Đông Nam Bộ 6 tháng đầu năm 2023
Ngày 14/7/2023, tại tỉnh Tây Ninh, LĐLĐ các tỉnh Tây Ninh, Bình Phước, Đồng Nai và Bình Dương tổ chức hội nghị \
giao ban Cụm thi đua 6 tháng đầu năm 2023.
Đến dự có đồng chí Phan Văn Hòa - Phó Chủ tịch Tổng LĐLĐ Việt Nam.
6 tháng đầu năm, các LĐLĐ trong cụm đã kết nạp 35.420 đoàn viên, thành lập 126 CĐCS.
"""

CONGRESS = """Đại hội Công đoàn tỉnh Hà Tĩnh lần thứ XIX, nhiệm kỳ 2023 - 2028
Sáng 6/9/2023, Đại hội Công đoàn tỉnh Hà Tĩnh lần thứ XIX, nhiệm kỳ 2023-2028 khai mạc với sự tham dự của 250 đại \
biểu chính thức, đại diện cho hơn 80.000 đoàn viên công đoàn trong toàn tỉnh.
Dự đại hội có đồng chí Ngọ Duy Hiểu - Phó Chủ tịch Tổng LĐLĐ Việt Nam.
Đại hội đã bầu 35 đồng chí vào Ban Chấp hành LĐLĐ tỉnh khóa XIX.
"""

PROVINCIAL_CITY = """TP Thủ Dầu Một: Ký kết chương trình phối hợp giữa UBND thành phố và LĐLĐ thành phố
Thứ Năm, 09/03/2023 - 09:15
Chiều 8/3, UBND TP.Thủ Dầu Một và LĐLĐ thành phố tổ chức lễ ký kết chương trình phối hợp giai đoạn 2023-2028.
Theo chương trình, hai bên phối hợp thực hiện 6 nội dung trọng tâm. Năm 2022, LĐLĐ thành phố đã chăm lo cho \
12.600 lượt đoàn viên, NLĐ với tổng số tiền trên 4,3 tỷ đồng.
"""

PLAN_NEWS = """LĐLĐ tỉnh ban hành Kế hoạch thực hiện Chương trình phối hợp với UBND tỉnh năm 2024
Ngày 10-1-2024, Ban Thường vụ LĐLĐ tỉnh Nghệ An ban hành Kế hoạch số 05/KH-LĐLĐ thực hiện Chương trình phối hợp \
số 1520/CTrPH-UBND-LĐLĐ ngày 20/12/2023 giữa UBND tỉnh và LĐLĐ tỉnh giai đoạn 2024-2028.
Theo kế hoạch, năm 2024 phấn đấu phát triển 8.000 đoàn viên.
"""

DEPARTMENT = """Kết quả phối hợp giữa LĐLĐ thành phố Hồ Chí Minh và Sở Lao động - Thương binh và Xã hội
Ngày 10/11, LĐLĐ TP. Hồ Chí Minh phối hợp với Sở Lao động - Thương binh và Xã hội thành phố tổ chức hội nghị tổng \
kết 5 năm thực hiện chương trình liên tịch giai đoạn 2018-2023.
Trong 5 năm, hai bên đã phối hợp kiểm tra 1.850 doanh nghiệp. Có 89% doanh nghiệp thực hiện đúng quy định.
"""

MERGED_MENTIONS = """Bắc Giang: Sơ kết 2 năm thực hiện Quy chế phối hợp giữa UBND tỉnh và LĐLĐ tỉnh
(BBG) - Sáng 28/6/2023, UBND tỉnh và LĐLĐ tỉnh Bắc Giang tổ chức Hội nghị sơ kết 2 năm thực hiện Quy chế phối hợp \
công tác giai đoạn 2021-2026. Đồng chí Mai Sơn, Phó Chủ tịch Thường trực UBND tỉnh và đồng chí Nguyễn Văn Cảnh, \
Chủ tịch LĐLĐ tỉnh đồng chủ trì hội nghị.
Thực hiện Chương trình phối hợp số 09/CTrPH-CP-TLĐ giữa Chính phủ và Tổng LĐLĐ Việt Nam, hai bên đã ký kết Quy chế \
phối hợp số 02/QCPH-UBND-LĐLĐ ngày 15/7/2021 gồm 5 nhóm nội dung.
Sau 2 năm, toàn tỉnh có 44/45 doanh nghiệp nhà nước tổ chức hội nghị người lao động; LĐLĐ tỉnh kiểm tra 217 doanh \
nghiệp. Tỉnh hiện có 6 khu công nghiệp với hơn 200 nghìn lao động.
"""


def _figures(result):
    return {
        (f["value"] if not isinstance(f["value"], list) else tuple(f["value"]), f["unit"])
        for f in result["figures"]
    }


def _levels(result):
    return {
        f["value"] if not isinstance(f["value"], list) else tuple(f["value"]): f["level"]
        for f in result["figures"]
    }


def test_provincial_signing_with_regulation_structure():
    r = extract(SIGNING_PROVINCE)
    assert (r["doc_kind"], r["event_date"], r["event_date_raw"]) == (
        "signing",
        "2021-03-15",
        "Chiều 15-3-2021",
    )
    assert r["parties"] == ["UBND tỉnh Quảng Nam", "LĐLĐ tỉnh Quảng Nam"]
    new = next(p for p in r["programs"] if p["role"] == "signed")
    assert (new["kind"], new["period_start_year"], new["period_end_year"]) == ("quy chế", 2021, 2026)
    assert (new["signed_date"], new["structure"], new["content_areas_count"]) == (
        "2021-03-15",
        "4 chương, 15 điều",
        5,
    )
    old = next(p for p in r["programs"] if p["number"] == "12/QC-UBND-LĐLĐ")
    assert old["signed_date"] == "2016-06-05" and old["role"] == "reviewed"
    people = {p["name"]: p["title"] for p in r["people"]}
    assert people == {
        "Lê Trí Thanh": "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh",
        "Trần Văn Tân": "Chủ tịch LĐLĐ tỉnh",
    }
    assert {
        (25300, "member"),
        (312, "grassroots_union"),
        (45000, "person"),
        (12_500_000_000, "VND"),
    } <= _figures(r)
    assert {(8, "count"), (15, "count"), (110000, "person")} <= _figures(r)
    assert set(_levels(r).values()) == {"province"}
    assert not {5, 4, 2016, 2020, 2021, 2026} & {
        f["value"] for f in r["figures"] if not isinstance(f["value"], list)
    }


def test_district_interim_review_with_words_for_dates_and_compound_money():
    r = extract(INTERIM_DISTRICT)
    assert (r["doc_kind"], r["event_date"]) == ("interim_review", "2023-07-12")
    assert r["event_date_raw"] == "Sáng ngày 12 tháng 7 năm 2023"
    assert r["parties"] == ["UBND huyện Đông Anh", "LĐLĐ huyện Đông Anh"]
    (prog,) = r["programs"]
    assert (prog["number"], prog["period_start_year"], prog["period_end_year"], prog["role"]) == (
        "01/CTr-UBND-LĐLĐ", 2020, 2025, "reviewed"
    )  # fmt: skip
    assert {p["name"] for p in r["people"]} == {"Nguyễn Thị Thu Hà", "Hoàng Văn Bình"}
    figures = _figures(r)
    assert {(4215, "member"), (27, "grassroots_union"), (105, "percent"), ((70, 80), "percent")} <= figures
    assert {
        (1_250_000_000, "VND"),
        (356, "case"),
        (12, "count"),
        (10, "collective"),
        (15, "individual"),
    } <= figures
    assert (2, "rank") in figures
    assert _levels(r)[1200] == "grassroots" and _levels(r)[4215] == "district"


def test_activity_report_with_cut_off_date_threshold_and_worker_quoted():
    r = extract(ACTIVITY_REPORT)
    assert (r["doc_kind"], r["event_date"], r["event_date_raw"]) == (
        "activity_report", "2024-06-30", "Tính đến ngày 30/6/2024"
    )  # fmt: skip
    assert r["parties"] == ["LĐLĐ tỉnh Bình Dương"]
    values = [f["value"] for f in r["figures"]]
    assert 10000 not in values  # the headline's rounded restatement of 10.350
    assert {
        (10350, "member"),
        (3120, "grassroots_union"),
        (38000, "person"),
        (2_600_000_000, "VND"),
    } <= _figures(r)
    assert _levels(r)[25] is None  # "doanh nghiệp có từ 25 lao động trở lên" is a condition
    people = {p["name"]: p["title"] for p in r["people"]}
    assert people["Nguyễn Văn Lộc"] == "Phó Chủ tịch LĐLĐ tỉnh"  # not "Ông Nguyễn Văn Lộc"
    assert people["Trần Thị Mai"].startswith("công nhân Công ty TNHH Pouchen")


def test_decision_issuing_a_regulation_is_listed_as_that_regulation():
    r = extract(DECISION)
    assert (r["doc_kind"], r["event_date"]) == ("other", "2021-01-05")
    assert r["event_date_raw"] == "Sơn La, ngày 05 tháng 01 năm 2021"
    assert r["parties"] == ["UBND tỉnh Sơn La", "LĐLĐ tỉnh Sơn La"]
    assert r["programs"][0]["number"] == "68/QĐ-UBND" and r["programs"][0]["kind"] == "quy chế"
    assert r["programs"][0]["signed_date"] == "2021-01-05"
    assert r["figures"] == []


def test_plan_document_is_issued_by_one_body():
    r = extract(PLAN_DOCUMENT)
    assert (r["doc_kind"], r["parties"]) == ("plan", ["UBND tỉnh Bắc Giang"])
    by_number = {p["number"]: p for p in r["programs"]}
    assert (
        by_number["45/KH-UBND"]["role"] == "signed" and by_number["45/KH-UBND"]["period_start_year"] == 2024
    )
    assert by_number["02/QCPH-UBND-LĐLĐ"]["role"] == "parent"
    assert len(r["programs"]) == 2


def test_briefing_with_dotted_date():
    r = extract(BRIEFING)
    assert (r["doc_kind"], r["event_date"]) == ("briefing", "2024-04-22")
    assert {(5000, "count"), (3_000_000_000, "VND")} == _figures(r)
    assert set(_levels(r).values()) == {"city"}  # Đà Nẵng is centrally run


def test_posting_stamp_supplies_the_year_and_related_links_are_clutter():
    r = extract(STAMPED)
    assert (r["event_date"], r["event_date_raw"]) == ("2021-10-05", "Chiều 5/10")
    assert r["programs"][0]["number"] == "01/2019/QCPH-UBND-LĐLĐ"
    assert r["programs"][0]["signed_date"] == "2019-09-17"
    assert 100 not in [f["value"] for f in r["figures"]]
    assert {p["name"]: p["title"] for p in r["people"]}["Nguyễn Văn Dũng"] == "Bí thư Huyện ủy"


def test_giao_ban_of_several_federations():
    r = extract(GIAO_BAN)
    assert r["doc_kind"] == "interim_review"
    assert r["parties"] == [
        "LĐLĐ tỉnh Tây Ninh",
        "LĐLĐ tỉnh Bình Phước",
        "LĐLĐ tỉnh Đồng Nai",
        "LĐLĐ tỉnh Bình Dương",
    ]
    assert "Tổng LĐLĐ Việt Nam" not in r["parties"]  # a guest


def test_congress_is_other_and_not_counted_as_money():
    r = extract(CONGRESS)
    assert r["doc_kind"] == "other"
    assert r["parties"] == ["Công đoàn tỉnh Hà Tĩnh"]
    assert {(250, "person"), (80000, "member"), (35, "person")} <= _figures(r)
    assert r["programs"] == []


def test_provincial_city_is_district_level():
    r = extract(PROVINCIAL_CITY)
    assert r["parties"] == ["UBND thành phố Thủ Dầu Một", "LĐLĐ thành phố Thủ Dầu Một"]
    assert r["event_date"] is None  # stamp 09/03 is not the meeting day 8/3
    assert r["programs"][0]["content_areas_count"] == 6
    assert set(_levels(r).values()) == {"district"}


def test_plan_news_names_the_issuer_and_the_parent_programme():
    r = extract(PLAN_NEWS)
    assert (r["doc_kind"], r["parties"]) == ("plan", ["LĐLĐ tỉnh Nghệ An"])
    by_number = {p["number"]: p for p in r["programs"]}
    assert (
        by_number["05/KH-LĐLĐ"]["role"] == "signed" and by_number["05/KH-LĐLĐ"]["signed_date"] == "2024-01-10"
    )
    assert by_number["1520/CTrPH-UBND-LĐLĐ"]["role"] == "parent"
    assert len(r["programs"]) == 2


def test_department_names_with_dash_and_va():
    r = extract(DEPARTMENT)
    assert r["doc_kind"] == "final_review"
    assert r["parties"] == ["LĐLĐ thành phố Hồ Chí Minh", "Sở Lao động - Thương binh và Xã hội"]
    assert r["programs"][0]["period_start_year"] == 2018


def test_one_regulation_named_two_ways_is_listed_once():
    r = extract(MERGED_MENTIONS)
    regs = [p for p in r["programs"] if p["kind"] == "quy chế"]
    assert len(regs) == 1
    assert (regs[0]["number"], regs[0]["period_start_year"], regs[0]["content_areas_count"]) == (
        "02/QCPH-UBND-LĐLĐ", 2021, 5
    )  # fmt: skip
    assert next(p for p in r["programs"] if p["number"] == "09/CTrPH-CP-TLĐ")["role"] == "parent"
    assert (44, "enterprise") in _figures(r)
    assert 45 not in [f["value"] for f in r["figures"]]


@pytest.mark.parametrize(
    ("sentence", "name", "title"),
    [
        ("Tham dự có đồng chí Nguyễn Văn An, Phó Chủ tịch UBND tỉnh.", "Nguyễn Văn An", "Phó Chủ tịch UBND tỉnh"),
        ("Ông Lê Hùng - Chủ tịch LĐLĐ huyện cho biết, năm nay khó khăn.", "Lê Hùng", "Chủ tịch LĐLĐ huyện"),
        ("Đồng chí Trần Văn Bảo (Chủ tịch LĐLĐ thành phố) phát biểu.", "Trần Văn Bảo", "Chủ tịch LĐLĐ thành phố"),
        ("Chủ tịch UBND tỉnh Quảng Ninh Cao Tường Huy khẳng định.", "Cao Tường Huy", "Chủ tịch UBND tỉnh Quảng Ninh"),
        ("Phó Chủ tịch UBND quận Hoàng Mai Trương Văn Ích trao tặng.", "Trương Văn Ích", "Phó Chủ tịch UBND quận Hoàng Mai"),
        ("Giám đốc Sở Lao động - Thương binh và Xã hội Lê Văn Phú cho biết.", "Lê Văn Phú",
         "Giám đốc Sở Lao động - Thương binh và Xã hội"),
        ("Thiếu tướng Nguyễn Văn Hòa, Giám đốc Công an tỉnh đến dự.", "Nguyễn Văn Hòa", "Thiếu tướng, Giám đốc Công an tỉnh"),
        ("đ/c Đinh Thị Giang - Phó Chủ tịch LĐLĐ quận đọc báo cáo.", "Đinh Thị Giang", "Phó Chủ tịch LĐLĐ quận"),
        ("ông Y Ngông Niê Kdăm, Phó Chủ tịch UBND tỉnh Đắk Lắk.", "Y Ngông Niê Kdăm", "Phó Chủ tịch UBND tỉnh Đắk Lắk"),
    ],
)  # fmt: skip
def test_person_formats(sentence, name, title):
    people = extract("Tin hoạt động\n" + sentence)["people"]
    assert {"name": name, "title": title} in people


@pytest.mark.parametrize(
    "sentence",
    [
        "Ảnh: Nguyễn Hùng",
        "Lãnh đạo thành phố phát biểu; Chủ tịch LĐLĐ tỉnh đề nghị các cấp công đoàn tiếp tục.",
        "Phó Chủ tịch thường trực LĐLĐ thành phố Hà Nội đánh giá cao kết quả.",
        "Chủ tịch UBND quận Hoàng Mai chủ trì hội nghị.",
    ],
)
def test_unnamed_office_holders_and_credits_are_not_people(sentence):
    assert extract("Tin hoạt động\n" + sentence)["people"] == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Năm 2023, LĐLĐ tỉnh đã kết nạp 12.500 đoàn viên, thành lập 48 CĐCS.", [(12500, "member"), (48, "grassroots_union")]),
        ("Theo Điều 5 Nghị định 145/2020/NĐ-CP, lần thứ 3 tổ chức, Đại hội XIII.", []),
        ("Hội nghị diễn ra lúc 8h30 ngày 5/6/2023 tại tầng 3, số 12 Lê Lợi.", []),
        ("Trong 5 năm qua, 6 tháng đầu năm, 2 ngày, 15 phút, 55 tuổi.", []),
        ("Tổng kinh phí là 1,5 tỷ đồng; trong đó 300 triệu từ ngân sách.", [(1_500_000_000, "VND"), (300_000_000, "VND")]),
        ("Tỷ lệ đoàn viên tăng 12% so với cùng kỳ, đạt 98,5% kế hoạch.", [(12, "percent"), (98.5, "percent")]),
        ("LĐLĐ tỉnh xếp thứ 3/63 tỉnh, thành phố.", [(3, "rank")]),
        ("Phục vụ 5.000 bữa ăn cho 1.200 lượt người; giải quyết 37 trường hợp.", [(5000, "meal"), (1200, "person"), (37, "case")]),
        ("Khen thưởng 20 tập thể và 35 cá nhân xuất sắc.", [(20, "collective"), (35, "individual")]),
        ("Hotline 1900 1234 hoạt động 24/7.", []),
        ("Dịch Covid-19, mạng 5G, khu F0.", []),
        ("Hơn 30 ngàn công nhân được hỗ trợ, gần 2 nghìn hộ gia đình.", [(30000, "person"), (2000, "count")]),
        ("Mỗi suất quà trị giá 500.000đ.", [(500000, "VND")]),
        ("Có 4.000 lượt đoàn viên, CNVCLĐ tham gia học tập.", [(4000, "person")]),
    ],
)  # fmt: skip
def test_figure_spotting(sentence, expected):
    result = extract("Tin hoạt động\n" + sentence)
    assert [(f["value"], f["unit"]) for f in result["figures"]] == expected


def test_year_end_review_under_a_running_regulation_is_interim():
    r = extract(
        "Tổng kết công tác phối hợp năm 2023 giữa UBND tỉnh và LĐLĐ tỉnh Long An\n"
        "Chiều 15/1/2024, UBND tỉnh Long An và LĐLĐ tỉnh tổ chức hội nghị tổng kết công tác phối hợp năm 2023 "
        "theo Quy chế phối hợp giai đoạn 2021-2026.\n"
    )
    assert r["doc_kind"] == "interim_review"
    assert r["programs"][0]["role"] == "reviewed"


def test_regulation_issued_with_a_decision_takes_its_number_and_date_in_parentheses():
    r = extract(
        "UBND tỉnh Thanh Hóa và LĐLĐ tỉnh sơ kết 2 năm thực hiện Quy chế phối hợp\n"
        "Sáng nay (17/9), UBND tỉnh Thanh Hóa và LĐLĐ tỉnh tổ chức hội nghị sơ kết 2 năm thực hiện Quy chế phối "
        "hợp công tác ban hành kèm theo Quyết định số 1234/QĐ-UBND ngày 5/6/2019 của UBND tỉnh.\n"
    )
    assert r["event_date_raw"] == "Sáng nay (17/9)"
    (prog,) = r["programs"]
    assert (prog["number"], prog["signed_date"], prog["role"]) == ("1234/QĐ-UBND", "2019-06-05", "reviewed")


@pytest.mark.parametrize(
    ("lead", "parties"),
    [
        (
            "Chiều 5/4/2023, Liên đoàn Lao động (LĐLĐ) tỉnh Quảng Ngãi và Bảo hiểm xã hội (BHXH) tỉnh ký kết Quy "
            "chế phối hợp giai đoạn 2023-2028.",
            # "… tỉnh Quảng Ngãi và BHXH tỉnh": the second "tỉnh" is the same province (FORMAT §5).
            ["LĐLĐ tỉnh Quảng Ngãi", "Bảo hiểm xã hội tỉnh Quảng Ngãi"],
        ),
        (
            "Sáng 15/5, LĐLĐ huyện Gia Lâm phối hợp với Bệnh viện Đa khoa huyện tổ chức khám sức khỏe cho hơn "
            "1.000 công nhân.",
            ["LĐLĐ huyện Gia Lâm", "Bệnh viện Đa khoa huyện Gia Lâm"],
        ),
        (
            "Chiều 12-9-2022, LĐLĐ TP.HCM và Sở LĐ-TB-XH TP tổ chức lễ ký kết chương trình phối hợp.",
            ["LĐLĐ thành phố Hồ Chí Minh", "Sở LĐ-TB-XH TP"],
        ),
        (
            "Ngày 25/12/2023, UBND tỉnh Nghệ An và Ban Thường vụ LĐLĐ tỉnh tổ chức Hội nghị liên tịch đánh giá "
            "kết quả thực hiện Quy chế phối hợp.",
            ["UBND tỉnh Nghệ An", "LĐLĐ tỉnh Nghệ An"],
        ),
    ],
)
def test_parties_of_various_shapes(lead, parties):
    assert extract("Tin hoạt động công đoàn\n" + lead)["parties"] == parties


def test_headline_kept_only_in_a_caption():
    r = extract(
        "Sáng 21/11, UBND huyện và LĐLĐ huyện Mỹ Đức tổ chức hội nghị ký chương trình phối hợp.\n"
        "UBND-LĐLĐ huyện Mỹ Đức ký chương trình phối hợp - Ảnh 1\n"
    )
    assert r["title"] == "UBND-LĐLĐ huyện Mỹ Đức ký chương trình phối hợp"


def test_window_phrase_of_an_activity_report():
    r = extract(
        "Công đoàn chăm lo cho đoàn viên\n"
        "Từ ngày 1/1/2024 đến nay, LĐLĐ tỉnh Bình Phước đã hỗ trợ 1.500 đoàn viên có hoàn cảnh khó khăn.\n"
    )
    assert r["doc_kind"] == "activity_report"
    assert r["event_date_raw"] == "Từ ngày 1/1/2024 đến nay"
    assert r["figures"][0]["level"] == "province"

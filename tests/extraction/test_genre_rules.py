"""Rules of the genre the reader follows, each shown on sentences unlike the held-out texts it came from."""

import pytest

from phoihop.extraction.engine.extractor import extract


def _read(body: str, headline: str = "Tin hoạt động công đoàn") -> dict:
    return extract(headline + "\n" + body)


def _people(result: dict) -> dict:
    return {p["name"]: p["title"] for p in result["people"]}


def _figures(result: dict) -> dict:
    return {
        (tuple(f["value"]) if isinstance(f["value"], list) else f["value"]): (f["unit"], f["level"])
        for f in result["figures"]
    }


# --------------------------------------------------------------------------------------------- people
@pytest.mark.parametrize(
    ("body", "name", "title"),
    [
        ("Dự họp có Phó Chủ tịch UBND tỉnh, đồng chí Trần Văn Tâm; Chủ tịch LĐLĐ tỉnh, đồng chí Lê Thị Hoa.",
         "Trần Văn Tâm", "Phó Chủ tịch UBND tỉnh"),
        ("Anh Lê Văn Khoa (40 tuổi, quê Nghệ An), thợ hàn Công ty Cổ phần Cơ khí Đông Anh, cho biết.",
         "Lê Văn Khoa", "thợ hàn Công ty Cổ phần Cơ khí Đông Anh"),
        ("Bà Nguyễn Thị Mai (Chủ tịch Công đoàn Trường THPT Lê Lợi) phát biểu.", "Nguyễn Thị Mai",
         "Chủ tịch Công đoàn Trường THPT Lê Lợi"),
        ("Đồng chí Phạm Văn Hòa được bầu giữ chức Chủ tịch LĐLĐ huyện khóa XV.", "Phạm Văn Hòa",
         "Chủ tịch LĐLĐ huyện khóa XV"),
        ("Ông Hoàng Đức Minh tái đắc cử Chủ tịch Công đoàn ngành Giáo dục.", "Hoàng Đức Minh",
         "Chủ tịch Công đoàn ngành Giáo dục"),
        ("Hỗ trợ nữ công nhân Lò Thị Sen, công nhân Công ty TNHH Giày Ching Luh.", "Lò Thị Sen",
         "công nhân Công ty TNHH Giày Ching Luh"),
    ],
)  # fmt: skip
def test_people_written_in_other_ways(body, name, title):
    assert _people(_read(body)).get(name) == title


def test_signers_of_a_document_are_people_with_their_position():
    r = extract(
        "ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG\nSố: 77/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nHà Giang, ngày 02 tháng 3 năm 2022\nQUYẾT ĐỊNH\n"
        "Ban hành Quy chế phối hợp giữa UBND tỉnh và LĐLĐ tỉnh Hà Giang\n\nĐiều 1. Ban hành Quy chế.\n\n"
        "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nHoàng Gia Long\n"
    )
    assert _people(r) == {"Hoàng Gia Long": "Phó Chủ tịch"}
    assert r["parties"] == ["UBND tỉnh Hà Giang", "LĐLĐ tỉnh Hà Giang"]


def test_a_capitalised_run_inside_a_company_name_is_no_person():
    r = _read("Chủ tịch Công đoàn Công ty TNHH Phúc Lâm II phát biểu; Công ty Cổ phần Lê Minh 3 tham gia.")
    assert r["people"] == []


# --------------------------------------------------------------------------------------------- figures
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Amounts for each unit are nobody's total; an average is worked out over an area.
        ("Năm 2024, LĐLĐ tỉnh Phú Yên trao 900 suất quà trị giá 700.000 đồng/suất.",
         {900: ("count", "province"), 700000: ("VND", None)}),
        ("LĐLĐ tỉnh Phú Yên trao quà, mỗi suất trị giá 1,2 triệu đồng.", {1200000: ("VND", None)}),
        ("Thu nhập bình quân của công nhân tỉnh Phú Yên đạt 7,9 triệu đồng/người/tháng.",
         {7900000: ("VND", "province")}),
        ("UBND tỉnh Phú Yên hỗ trợ 3 tỷ đồng/năm cho LĐLĐ tỉnh.", {3000000000: ("VND", "province")}),
        # A range with the unit after each end.
        ("LĐLĐ tỉnh Phú Yên tặng quà trị giá từ 300.000 đồng đến 2 triệu đồng.",
         {(300000, 2000000): ("VND", None)}),
        # Nouns of the genre.
        ("Thỏa ước của Công ty X có 9 điều khoản có lợi hơn luật.", {9: ("count", "grassroots")}),
        ("LĐLĐ tỉnh Phú Yên có 12.300 nữ đoàn viên và hỗ trợ 40 phụ nữ khởi nghiệp.",
         {12300: ("member", "province"), 40: ("person", "province")}),
        ("LĐLĐ tỉnh Phú Yên kiểm tra 1.045/1.200 doanh nghiệp.", {1045: ("enterprise", "province")}),
        ("LĐLĐ tỉnh Phú Yên tổ chức 7 chương trình “Tết Sum vầy”.", {7: ("count", "province")}),
        # A target share next to a threshold is a figure with the area's level; the threshold has none.
        ("Phấn đấu đến năm 2025 tỉnh Phú Yên có 80% doanh nghiệp từ 30 lao động trở lên có công đoàn.",
         {80: ("percent", "province"), 30: ("person", None)}),
    ],
)  # fmt: skip
def test_figures_of_the_genre(body, expected):
    assert _figures(_read(body)) == expected


def test_a_clause_about_each_worker_is_per_head():
    r = _read(
        "Năm 2025, LĐLĐ tỉnh Tây Ninh đưa 900 công nhân về quê. Mỗi công nhân được tặng 1 phần quà 400.000 đồng."
    )
    assert _figures(r) == {900: ("person", "province"), 1: ("count", None), 400000: ("VND", None)}


def test_the_union_of_the_economic_zones_of_a_province_is_one_provincial_body():
    r = _read("Chiều 2/6/2024, Công đoàn các Khu kinh tế tỉnh Quảng Trị trao 300 suất quà cho công nhân.")
    assert r["parties"] == ["Công đoàn các Khu kinh tế tỉnh Quảng Trị"]
    assert _figures(r) == {300: ("count", "province")}


def test_the_giver_of_an_award_does_not_set_the_level():
    r = _read(
        "Chiều 5/7/2024, LĐLĐ tỉnh Kiên Giang tổ chức hội nghị.\n"
        "Dịp này, Tổng LĐLĐ Việt Nam tặng Bằng khen cho 6 tập thể và 9 cá nhân."
    )
    assert _figures(r) == {6: ("collective", "province"), 9: ("individual", "province")}


def test_the_subject_of_a_clause_sets_the_level():
    r = _read(
        "Sáng 3/4/2025, LĐLĐ tỉnh Gia Lai phối hợp với UBND xã Ia Hrú trao nhà cho đoàn viên.\n"
        "Từ đầu năm đến nay, LĐLĐ tỉnh đã hỗ trợ xây mới 30 Mái ấm Công đoàn."
    )
    assert _figures(r)[30] == ("count", "province")


def test_an_enterprise_named_viet_nam_is_one_grassroots_unit():
    r = _read("Riêng tại Công ty TNHH Pouyuen Việt Nam, doanh nghiệp có hơn 50.000 công nhân, tăng lương 6%.")
    assert _figures(r) == {50000: ("person", "grassroots"), 6: ("percent", "grassroots")}


def test_a_speaker_repeating_an_amount_adds_no_figure_but_speech_is_not_a_name():
    r = _read(
        "Năm 2024, LĐLĐ tỉnh Lạng Sơn trao 400 suất quà trị giá 1 triệu đồng/suất.\n"
        'Chị Hà nói: "Tôi nhận được 1 triệu đồng, rất vui." Anh Tú kể "công đoàn tặng tôi 2 vé xe" - anh Tú nói.'
    )
    assert sorted(_figures(r)) == [2, 400, 1000000]


def test_a_rounded_headline_figure_restates_the_body_across_members_and_people():
    r = extract(
        "LĐLĐ quận Ba Đình: Hơn 1.000 đoàn viên được chăm lo\n"
        "Năm 2024, LĐLĐ quận Ba Đình chăm lo cho 1.120 đoàn viên, người lao động.\n"
    )
    assert _figures(r) == {1120: ("person", "district")}


# --------------------------------------------------------------------------------------------- clutter
def test_portal_breadcrumbs_ratings_and_newer_headlines_are_clutter():
    r = extract(
        "Trang chủ » Tin tức » Hoạt động\n"
        "Huyện Yên Thế ký kết quy chế phối hợp\n"
        "Chiều 2/4/2024, UBND huyện Yên Thế và LĐLĐ huyện ký kết Quy chế phối hợp giai đoạn 2024-2029.\n"
        "Tác giả: Văn Bình\nTổng số điểm của bài viết là: 9 trong 2 đánh giá\n"
        "Những tin mới hơn\nYên Thế trao 80 suất quà cho công nhân\n"
    )
    assert r["title"] == "Huyện Yên Thế ký kết quy chế phối hợp"
    assert r["figures"] == []
    assert r["parties"] == ["UBND huyện Yên Thế", "LĐLĐ huyện Yên Thế"]


# --------------------------------------------------------------------------------------------- parties
@pytest.mark.parametrize(
    ("headline", "body", "parties"),
    [
        ("Ký kết chương trình phối hợp giữa LĐLĐ tỉnh và Hội LHPN tỉnh",
         "Sáng 8/3/2024, LĐLĐ tỉnh Yên Bái và Hội Liên hiệp Phụ nữ tỉnh Yên Bái ký kết chương trình phối hợp.",
         ["LĐLĐ tỉnh Yên Bái", "Hội Liên hiệp Phụ nữ tỉnh Yên Bái"]),
        ("Sơ kết chương trình phối hợp giữa Tỉnh đoàn và LĐLĐ tỉnh Sóc Trăng",
         "Ngày 2/10/2024, Tỉnh đoàn và LĐLĐ tỉnh Sóc Trăng sơ kết chương trình phối hợp.",
         ["Tỉnh đoàn Sóc Trăng", "LĐLĐ tỉnh Sóc Trăng"]),
        ("Đối thoại với công nhân ngành Dệt may",
         "Sáng 6/5/2024, UBND tỉnh Nam Định phối hợp với LĐLĐ tỉnh và Công đoàn Dệt may Việt Nam tổ chức "
         "hội nghị đối thoại.",
         ["UBND tỉnh Nam Định", "LĐLĐ tỉnh Nam Định", "Công đoàn Dệt may Việt Nam"]),
        ("TỔNG KẾT QUY CHẾ PHỐI HỢP GIỮA UBND HUYỆN VÀ LIÊN ĐOÀN LAO ĐỘNG HUYỆN GIAI ĐOẠN 2019 - 2024",
         "Sáng 4/11/2024, UBND huyện Tam Nông phối hợp với LĐLĐ huyện tổ chức hội nghị tổng kết.",
         ["UBND huyện Tam Nông", "LĐLĐ huyện Tam Nông"]),
    ],
)  # fmt: skip
def test_parties_named_in_other_ways(headline, body, parties):
    assert extract(headline + "\n" + body)["parties"] == parties


def test_a_joint_document_is_issued_by_both_bodies_of_its_header():
    r = extract(
        "LIÊN ĐOÀN LAO ĐỘNG TỈNH ĐIỆN BIÊN - SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH ĐIỆN BIÊN\nSố: 03/KHLT-LĐLĐ-SGDĐT\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Điện Biên, ngày 10 tháng 9 năm 2024\n\nKẾ HOẠCH LIÊN TỊCH\nVề tổ chức Hội thi giáo viên dạy giỏi năm 2024\n"
    )
    assert [p.lower() for p in r["parties"]] == [
        "lđlđ tỉnh điện biên",
        "sở giáo dục và đào tạo tỉnh điện biên",
    ]
    assert (r["doc_kind"], r["event_date"]) == ("other", "2024-09-10")
    assert r["programs"][0]["number"] == "03/KHLT-LĐLĐ-SGDĐT"


# --------------------------------------------------------------------------------------------- programs
def test_through_a_named_programme_is_not_adopting_it():
    r = _read(
        "Sáng 5/9/2024, UBND quận Tây Hồ và LĐLĐ quận sơ kết Chương trình phối hợp giai đoạn 2021-2025.\n"
        "Thông qua chương trình “Nhà ở công nhân”, LĐLĐ quận trao 12 căn nhà."
    )
    roles = {(p["period_start_year"], p["role"]) for p in r["programs"]}
    assert roles == {(2021, "reviewed"), (None, "reviewed")}


def test_a_replaced_decision_is_referenced_and_a_new_one_issues_the_regulation():
    r = extract(
        "ỦY BAN NHÂN DÂN HUYỆN ĐẦM HÀ\nSố: 901/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nĐầm Hà, ngày 12 tháng 5 năm 2023\nQUYẾT ĐỊNH\n"
        "Về việc ban hành Quy chế phối hợp giữa UBND huyện và LĐLĐ huyện Đầm Hà\n\n"
        "Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp.\n"
        "Điều 2. Quyết định này thay thế Quyết định số 45/QĐ-UBND ngày 3/1/2018 ban hành Quy chế phối hợp.\n"
    )
    by_number = {p["number"]: p for p in r["programs"]}
    assert by_number["901/QĐ-UBND"]["role"] == "signed"
    assert (by_number["45/QĐ-UBND"]["role"], by_number["45/QĐ-UBND"]["signed_date"]) == (
        "referenced",
        "2018-01-03",
    )


def test_content_areas_belong_to_a_document_named_in_their_sentence():
    r = _read(
        "Chiều 2/12/2024, UBND tỉnh Bình Định và LĐLĐ tỉnh tổ chức hội nghị liên tịch theo Quy chế phối hợp "
        "giai đoạn 2021-2026. Hội nghị thống nhất 5 nội dung trọng tâm năm 2025."
    )
    assert [p["content_areas_count"] for p in r["programs"]] == [None]


def test_a_plan_for_a_campaign_is_no_coordination_plan_but_a_plan_takes_its_governed_year():
    campaign = _read("Ngày 5-4, LĐLĐ quận Sơn Trà ban hành Kế hoạch số 9/KH-LĐLĐ về tổ chức Tháng Công nhân.")
    assert (campaign["doc_kind"], campaign["programs"]) == ("plan", [])
    plan = _read(
        "Ngày 6/2/2024, UBND tỉnh Hậu Giang ban hành Kế hoạch số 40/KH-UBND về phối hợp với LĐLĐ tỉnh "
        "thực hiện Quy chế phối hợp năm 2024."
    )
    by_kind = {p["kind"]: p for p in plan["programs"]}
    assert (by_kind["kế hoạch"]["period_start_year"], by_kind["kế hoạch"]["role"]) == (2024, "signed")
    assert (by_kind["quy chế"]["period_start_year"], by_kind["quy chế"]["role"]) == (None, "parent")


# --------------------------------------------------------------------------------------------- kind and date
def test_an_official_signing_to_issue_a_plan_is_a_plan():
    r = _read(
        "Ngày 3/5/2024, Phó Chủ tịch UBND tỉnh Lê Văn An đã ký ban hành Kế hoạch số 88/KH-UBND thực hiện "
        "Chương trình phối hợp giữa Chính phủ và Tổng LĐLĐ Việt Nam."
    )
    assert (r["doc_kind"], r["event_date"]) == ("plan", "2024-05-03")


def test_a_year_end_review_under_a_running_regulation_is_interim():
    r = _read(
        "Ngày 12 tháng 1 năm 2024, UBND tỉnh và LĐLĐ tỉnh Cà Mau tổ chức hội nghị tổng kết công tác phối hợp "
        "năm 2023, triển khai nhiệm vụ năm 2024 theo Quy chế phối hợp số 77/QCPH-UBND-LĐLĐ ngày 2/3/2021."
    )
    assert (r["doc_kind"], r["event_date"], r["event_date_raw"]) == (
        "interim_review", "2024-01-12", "Ngày 12 tháng 1 năm 2024"
    )  # fmt: skip
    assert r["programs"][0]["role"] == "reviewed"


@pytest.mark.parametrize(
    ("body", "iso", "raw"),
    [
        ("Từ ngày 1/1 đến ngày 31/3/2024, LĐLĐ tỉnh Tiền Giang đã hỗ trợ 500 đoàn viên.", "2024-03-31",
         "Từ ngày 1/1 đến ngày 31/3/2024"),
        ("Sáng 9/5/2024, LĐLĐ tỉnh Tiền Giang trao 200 suất quà.\nTừ đầu năm đến nay, LĐLĐ tỉnh đã trao "
         "2.000 suất quà.", "2024-05-09", "Sáng 9/5/2024"),
        ("Chiều 9 tháng 5 năm 2024, LĐLĐ tỉnh Tiền Giang sơ kết chương trình phối hợp với Sở Y tế.",
         "2024-05-09", "Chiều 9 tháng 5 năm 2024"),
    ],
)  # fmt: skip
def test_event_dates_of_windows_leads_and_words(body, iso, raw):
    r = _read(body)
    assert (r["event_date"], r["event_date_raw"]) == (iso, raw)

"""Word lists of the genre: surnames, positions, bodies, places and the nouns that figures count."""

from __future__ import annotations

from .vietnamese import tone_key

# Common Vietnamese family names. PRIMARY covers the great majority of people; the others are rarer
# and several double as given names or place syllables, so they count for less when splitting a run
# of capitalised words into a place and a name.
PRIMARY_SURNAMES = {
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
    "Dương", "Lý", "Đinh", "Đoàn", "Trịnh", "Trương", "Lương", "Đào", "Tô", "Tống", "Phùng", "Nông",
}  # fmt: skip
OTHER_SURNAMES = {
    "Lâm", "Mai", "Cao", "Lưu", "Hà", "Vương", "Châu", "Quách", "Thái", "Tạ", "La", "Kiều", "Hứa", "Chu",
    "Triệu", "Bạch", "Lại", "Khúc", "Mạc", "Tăng", "Thân", "Lò", "Âu", "Kim", "Giang", "Cù", "Từ",
    "Nghiêm", "Hầu", "Ông", "Lã", "Diệp", "Đàm", "Khổng", "Quan", "Trình", "Viên", "Thạch", "Vi", "Bế",
    "Ninh", "Tôn", "Doãn", "Đồng", "Lục", "Mẫn", "Mã", "Lạc", "Cấn", "Chử", "Đậu", "Đới", "Giáp", "Hán",
    "Khương", "Khuất", "Lỗ", "Lữ", "Nhữ", "Ôn", "Phí", "Quản", "Sầm", "Thiều", "Tiêu", "Trác", "Ứng",
    "Vòng", "Vy", "Bành", "Cung", "Hạ", "Kha", "Lều", "Mông", "Sái", "Tiết", "Trầm", "Ung", "Uông",
    "Văn", "Lí", "Hoa", "Thào", "Giàng", "Sùng", "Vàng", "Lầu", "Mùa", "Y", "Đàng", "Chế", "Danh", "Kpă", "Rơ", "Siu", "Nay", "Ksor", "Rmah", "Điểu", "Hồng", "Quang", "Yên",
}  # fmt: skip
SURNAMES = PRIMARY_SURNAMES | OTHER_SURNAMES

# Provinces and centrally-run cities before and after the 2025 merger (both spellings of tone marks).
PROVINCES = {
    "An Giang", "Bà Rịa - Vũng Tàu", "Bà Rịa – Vũng Tàu", "Bà Rịa-Vũng Tàu", "Bạc Liêu", "Bắc Giang",
    "Bắc Kạn", "Bắc Ninh", "Bến Tre", "Bình Dương", "Bình Định", "Bình Phước", "Bình Thuận", "Cà Mau",
    "Cao Bằng", "Cần Thơ", "Đà Nẵng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp",
    "Gia Lai", "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương", "Hải Phòng", "Hậu Giang",
    "Hòa Bình", "Hồ Chí Minh", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu", "Lạng Sơn",
    "Lào Cai", "Lâm Đồng", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ",
    "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La",
    "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Thừa Thiên - Huế", "Huế",
    "Tiền Giang", "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
}  # fmt: skip
PROVINCE_KEYS = {tone_key(p) for p in PROVINCES}
# Centrally-run cities (Huế only from 2025, see level_of_place).
CENTRAL_CITIES = {tone_key(p) for p in ("Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Thủ đô")}

# Words that open a person's position. Matched case-insensitively, longest first.
POSITIONS = [
    "Phó Chủ tịch Thường trực", "Phó Chủ tịch thường trực", "Phó Chủ tịch", "Chủ tịch", "Chỉ tịch",
    "Phó Bí thư Thường trực", "Phó Bí thư", "Bí thư", "Ủy viên", "Uỷ viên", "Thành ủy viên", "Thành uỷ viên",
    "Tỉnh ủy viên", "Tỉnh uỷ viên", "Quận ủy viên", "Quận uỷ viên", "Huyện ủy viên", "Huyện uỷ viên",
    "Thị ủy viên", "Thị uỷ viên", "Đảng ủy viên", "Tổng Giám đốc", "Phó Tổng Giám đốc", "Giám đốc",
    "Phó Giám đốc", "Trưởng ban", "Phó Trưởng ban", "Phó trưởng ban", "Trưởng Ban", "Phó Trưởng Ban",
    "Trưởng phòng", "Phó Trưởng phòng", "Phó trưởng phòng", "Chánh Văn phòng", "Phó Chánh Văn phòng",
    "Chánh văn phòng", "Chánh Thanh tra", "Chánh án", "Viện trưởng", "Bộ trưởng", "Thứ trưởng",
    "Cục trưởng", "Phó Cục trưởng", "Vụ trưởng", "Phó Vụ trưởng", "Tổng cục trưởng", "Chủ nhiệm",
    "Phó Chủ nhiệm", "Trưởng đoàn", "Đại biểu Quốc hội", "Hiệu trưởng", "Phó Hiệu trưởng", "Tổng Thư ký",
    "Thư ký", "Chỉ huy trưởng", "Chính ủy", "Tư lệnh", "Trưởng Công an", "Phó Trưởng Công an",
    "Đại tá", "Thượng tá", "Trung tá", "Thiếu tá", "Đại úy", "Thiếu tướng", "Trung tướng", "Đại tướng",
    "Tổng Biên tập", "Phó Tổng Biên tập", "Kế toán trưởng", "Tổ trưởng", "Trưởng khoa", "Trưởng trạm",
    "Trưởng Ban Tuyên giáo", "Trưởng Ban Dân vận", "Trưởng Ban Tổ chức", "Ủy viên Ban Thường vụ",
    "Ủy viên Ban Chấp hành", "Ủy viên Đoàn Chủ tịch", "Người phát ngôn", "Trưởng bộ phận", "Quản đốc",
    "Phó Quản đốc", "Trưởng khu", "Trưởng thôn", "Trưởng ấp", "Chủ doanh nghiệp", "Trưởng đại diện",
    "Thủ tướng", "Phó Thủ tướng", "Chủ tịch nước", "Phó Chủ tịch nước", "Tổng Bí thư", "Phó Chánh Thanh tra",
    "Phó Trưởng đoàn", "Tổ phó", "Phó Tổng Thư ký", "Trưởng Văn phòng", "Phó Chánh án", "Phó Viện trưởng",
]  # fmt: skip
# Jobs: a person named with one of these is listed too ("chị Lê Thị B, công nhân Công ty …").
JOBS = [
    "công nhân", "người lao động", "nhân viên", "kỹ sư", "kĩ sư", "giáo viên", "bác sĩ", "y sĩ", "điều dưỡng",
    "đoàn viên", "chuyên viên", "cán bộ", "kỹ thuật viên", "lao động", "thợ", "tài xế", "lái xe", "nông dân",
    "tiểu thương", "sinh viên", "học sinh", "chủ tịch công đoàn", "giám đốc", "phó giám đốc", "trưởng phòng",
]  # fmt: skip
TYPO_FIXES = {
    "Chỉ tịch": "Chủ tịch",
    "chỉ tịch": "chủ tịch",
    "Chủ tich": "Chủ tịch",
    "Phó chủ tich": "Phó chủ tịch",
}

# Two-syllable phrases whose first syllable is capitalised and second is not ("Công an", "Chủ tịch").
# When such a first syllable ends a run of capitalised words, it opens the next phrase instead.
PHRASES_AFTER_CAPITAL = {
    "công an", "công đoàn", "công ty", "công tác", "bảo hiểm", "chủ tịch", "chủ nhiệm", "bí thư", "hội nghị",
    "hội đồng", "hội thi", "liên đoàn", "ủy ban", "uỷ ban", "ủy viên", "uỷ viên", "mặt trận", "phó chủ",
    "phó bí", "phó giám", "phó trưởng", "giám đốc", "trưởng ban", "trưởng phòng", "người lao", "văn phòng",
    "trung tâm", "kho bạc", "ngân hàng", "chi cục", "viện kiểm", "tòa án", "toà án", "tổng cục",
    "tổng giám", "đại hội", "đại biểu", "ban chấp", "ban thường", "đảng ủy", "đảng uỷ", "thành ủy", "thành uỷ",
    "tỉnh ủy", "tỉnh uỷ", "quận ủy", "quận uỷ", "huyện ủy", "huyện uỷ", "thị ủy", "thị uỷ", "chánh văn",
    "thanh tra", "đoàn thanh", "nhà văn", "trường đại", "bệnh viện", "khu công", "cụm công", "tập đoàn",
    "xí nghiệp", "hợp tác", "thường trực", "thường vụ", "sở lao", "sở nội", "sở tài", "phòng lao",
    "phòng nội", "ban quản", "ban tuyên", "ban dân", "ban tổ", "ban chỉ", "cục thuế", "đội ngũ",
}  # fmt: skip
PHRASE_STARTERS = {p.split()[0].capitalize() for p in PHRASES_AFTER_CAPITAL}


def opens_phrase(word: str, next_word: str) -> bool:
    """True when `word next_word` is a known phrase ("Chủ tịch"), so `word` starts something new."""
    return f"{word.lower()} {next_word.lower()}" in PHRASES_AFTER_CAPITAL


# Nouns that a figure counts, mapped to the unit of FORMAT.md §8.5. Longest match wins.
UNIT_NOUNS: dict[str, str] = {
    # initiatives
    "sáng kiến": "initiative", "đề tài": "initiative", "giải pháp": "initiative", "ý tưởng": "initiative",
    "công trình, sáng kiến": "initiative", "sáng kiến, sáng tạo": "initiative",
    # people
    "người": "person", "lượt người": "person", "công nhân": "person", "người lao động": "person",
    "lao động": "person", "NLĐ": "person", "CNLĐ": "person", "CNVCLĐ": "person", "CNVC": "person",
    "công nhân viên chức": "person", "cán bộ": "person", "công chức": "person", "viên chức": "person",
    "đại biểu": "person", "học viên": "person", "học sinh": "person", "sinh viên": "person",
    "gương": "person", "điển hình": "person", "thí sinh": "person", "vận động viên": "person",
    "nữ công nhân": "person", "cháu": "person", "em": "person", "trẻ em": "person",
    "thanh niên": "person", "hội viên": "person", "chiến sĩ": "person", "cựu chiến binh": "person",
    "bệnh nhân": "person", "y bác sĩ": "person", "nạn nhân": "person", "lao động nữ": "person",
    "chủ doanh nghiệp": "person", "cán bộ công đoàn": "person", "tình nguyện viên": "person",
    "đối tượng": "person", "đồng chí": "person", "người dân": "person", "nhà giáo": "person",
    "phụ nữ": "person", "nữ lao động": "person", "nữ CNVCLĐ": "person",
    "hộ gia đình": "count", "hộ": "count", "gia đình": "count",
    # members
    "đoàn viên": "member", "đoàn viên công đoàn": "member", "đoàn viên mới": "member", "nữ đoàn viên": "member",
    # grassroots unions
    "CĐCS": "grassroots_union", "công đoàn cơ sở": "grassroots_union", "công đoàn": "grassroots_union",
    "tổ chức công đoàn": "grassroots_union", "nghiệp đoàn": "grassroots_union",
    "công đoàn ngành": "grassroots_union", "công đoàn cấp trên": "grassroots_union",
    # money
    "đồng": "VND", "đ": "VND", "VNĐ": "VND", "VND": "VND", "vnđ": "VND", "triệu đồng": "VND", "tỷ đồng": "VND",
    # enterprises
    "doanh nghiệp": "enterprise", "DN": "enterprise", "công ty": "enterprise", "hợp tác xã": "enterprise",
    # commended
    "tập thể": "collective", "cá nhân": "individual",
    # cases
    "trường hợp": "case", "vụ": "count",
    # meals
    "suất ăn": "meal", "bữa ăn": "meal", "suất cơm": "meal", "bữa cơm": "meal", "phần ăn": "meal",
    # counts
    "đơn vị": "count", "lượt đơn vị": "count", "cơ quan": "count", "khu công nghiệp": "count",
    "cụm công nghiệp": "count", "KCN": "count", "CCN": "count", "công trình": "count", "mái ấm": "count",
    "Mái ấm": "count", "nhà": "count", "căn nhà": "count", "ngôi nhà": "count", "phần quà": "count",
    "suất quà": "count", "phần": "count", "suất": "count", "cuộc": "count", "buổi": "count", "lớp": "count",
    "hội nghị": "count", "tin": "count", "bài": "count", "tin, bài": "count", "hồ sơ": "count",
    "văn bản": "count", "xã": "count", "phường": "count", "huyện": "count", "tỉnh": "count",
    "thỏa ước": "count", "bản thỏa ước": "count", "chỉ tiêu": "count", "hoạt động": "count",
    "chuyến xe": "count", "vé": "count", "cây": "count", "sản phẩm": "count", "hội thi": "count",
    "giải": "count", "đội": "count", "câu lạc bộ": "count", "thiết chế": "count", "căn hộ": "count",
    "điều khoản": "count", "LĐLĐ": "count", "Liên đoàn Lao động": "count", "mô hình": "count",
}  # fmt: skip
# Words between a number and the counted noun that do not change what is counted.
COUNT_CLASSIFIERS = ("lượt", "bộ", "chiếc", "cái", "con", "tấm", "bức", "cuốn", "món", "phần")

"""Names, titles and illustrative units for the registries demo (deterministic, no randomness)."""

from __future__ import annotations

import datetime as dt
import itertools

from phoihop.orgs.choices import OrgKind, OrgLevel, Ownership

from .choices import InitiativeField

D = dt.date
SURNAMES = "Nguyễn Trần Lê Phạm Hoàng Phan Vũ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trịnh".split()
MIDDLE = "Văn Thị Đức Minh Thu Ngọc Quang Thanh Hữu Hồng Xuân Bảo".split()
GIVEN = (
    "An Bình Cường Dung Giang Hà Hải Hạnh Hoa Hùng Hương Khánh Lan Linh Long Mai Nam Nga Phong Phương Quân "
    "Sơn Tâm Thảo Trang Tuấn Việt Yến Huệ Đạt"
).split()
VERBS = [
    "Cải tiến", "Hợp lý hóa", "Tự động hóa", "Đổi mới", "Nâng cao hiệu quả", "Tiết kiệm chi phí cho",
    "Ứng dụng phần mềm quản lý", "Giảm thời gian", "Bảo đảm an toàn", "Số hóa",
]  # fmt: skip
OBJECTS = [
    "quy trình cắt vải", "dây chuyền may áo sơ mi", "máy ép nhiệt", "khâu kiểm tra chất lượng sản phẩm",
    "hệ thống chiếu sáng phân xưởng", "kho vật tư", "bảo dưỡng máy nén khí", "xử lý nước thải", "tiếp nhận hồ sơ một cửa",
    "lưu trữ hồ sơ", "hàn khung thép", "lắp ráp bo mạch", "đóng gói thành phẩm", "vận hành lò hơi",
    "sửa chữa thiết bị điện", "pha chế sơn", "cấp phát thuốc", "thu gom rác thải", "kiểm kê tài sản",
    "chấm công lao động", "điều phối xe vận chuyển", "vệ sinh công nghiệp", "đào tạo công nhân mới",
    "lập kế hoạch sản xuất", "quản lý đơn hàng", "bảo quản nguyên liệu", "kiểm định cân đo", "thi công cốp pha",
    "trộn bê tông", "in bao bì", "sấy nông sản", "chế biến thủy sản", "vận hành trạm bơm", "quản lý điện năng",
    "giao nhận hàng hóa", "bảo trì thang máy", "cắt gọt kim loại", "phun sơn tĩnh điện", "dập khuôn", "mạ kẽm",
]  # fmt: skip
PLACES = ["", " tại phân xưởng", " trong ca đêm", " cho tổ sản xuất", " ở khu vực kho", " tại văn phòng"]
PRODUCTS = [
    "", " đối với hàng xuất khẩu", " khi đổi mẫu mã", " mùa cao điểm", " bằng thiết bị tự chế", " theo tiêu chuẩn ISO",
    " có sự tham gia của người lao động", " giảm phát thải", " trong điều kiện dịch bệnh", " cho lao động nữ",
]  # fmt: skip


FIELDS = list(InitiativeField.values)


def _name(i: int) -> str:
    return f"{SURNAMES[i % 16]} {MIDDLE[(i // 16) % 12]} {GIVEN[(i // 192) % 30]}"


def _title(i: int) -> str:
    """Distinct for i < 24.000: verb × object × place × product."""
    verb, obj = VERBS[i % 10], OBJECTS[(i // 10) % 40]
    return f"{verb} {obj}{PLACES[(i // 400) % 6]}{PRODUCTS[(i // 2400) % 10]}"


def _spread(start: dt.date, end: dt.date, n: int):
    span = (end - start).days
    return [start + dt.timedelta(days=(i * span) // max(n - 1, 1)) for i in range(n)]


class Units:
    """Creates the illustrative units the registries need, through the orgs app's own write path."""

    def __init__(self, orgs: dict):
        from phoihop.orgs.rules import with_check_digit

        self.orgs = orgs
        self._serial = itertools.count(1)
        self._check = with_check_digit

    def tax_code(self, prefix: str) -> str:
        while True:
            code = self._check(f"{prefix}{next(self._serial):05d}")
            if code:
                return code

    def create(self, **fields):
        from phoihop.orgs.actions import create_organization

        return create_organization(None, require_unit=fields.pop("require_unit", False), **fields)

    def enterprises(self, parent, names, prefix: str, like=None) -> list:
        unit = like.admin_unit if like is not None and like.admin_unit_id else None
        out = []
        for i, name in enumerate(names):
            ownership = (Ownership.PRIVATE, Ownership.FOREIGN, Ownership.STATE)[i % 3 if i % 5 else 2]
            out.append(
                self.create(
                    name=name, kind=OrgKind.ENTERPRISE, level=OrgLevel.GRASSROOTS, parent=parent, admin_unit=unit,
                    ownership=ownership, employees=60 + (i * 37) % 900, tax_code=self.tax_code(prefix),
                )
            )  # fmt: skip
        return out

    def unions(self, parent, names, like=None) -> list:
        unit = like.admin_unit if like is not None and like.admin_unit_id else None
        return [
            self.create(
                name=n,
                kind=OrgKind.GRASSROOTS_UNION,
                level=OrgLevel.GRASSROOTS,
                parent=parent,
                admin_unit=unit,
            )
            for n in names
        ]


ENTERPRISE_WORDS = [
    "May", "Cơ khí", "Điện tử", "Thực phẩm", "Dược phẩm", "In", "Xây dựng", "Vận tải", "Bao bì", "Nhựa",
    "Giày da", "Thương mại", "Dịch vụ", "Môi trường", "Chiếu sáng", "Bánh kẹo", "Dệt", "Nội thất", "Gốm sứ", "Thiết bị",
]  # fmt: skip
PLACE_WORDS = [
    "Thanh Lương",
    "Lò Đúc",
    "Bách Khoa",
    "Đồng Tâm",
    "Quỳnh Mai",
    "Trương Định",
    "Minh Khai",
    "Lê Đại Hành",
]


def _enterprise_names(count: int, places) -> list[str]:
    return [
        f"Công ty TNHH {ENTERPRISE_WORDS[i % 20]} {places[(i // 20) % len(places)]} {('', 'I', 'II', 'III')[i // 160 % 4]}".strip()
        for i in range(count)
    ]

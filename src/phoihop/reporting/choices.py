"""Choices for indicators, periods and reports."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ValueType(models.TextChoices):
    COUNT = "count", _("Số đếm")
    AMOUNT = "amount", _("Số tiền (đồng)")
    RATIO = "ratio", _("Tỷ lệ % (tử số / mẫu số)")
    BOOLEAN = "boolean", _("Có / không")


class Aggregation(models.TextChoices):
    SUM = "sum", _("Cộng")
    RATIO_OF_SUMS = "ratio_of_sums", _("Tỷ lệ của tổng")
    LATEST = "latest", _("Giá trị mới nhất")
    MAX = "max", _("Lớn nhất")


class Unit(models.TextChoices):
    PERSON = "person", _("người")
    MEMBER = "member", _("đoàn viên")
    UNIT = "unit", _("đơn vị")
    GRASSROOTS_UNION = "grassroots_union", _("CĐCS")
    ENTERPRISE = "enterprise", _("doanh nghiệp")
    INITIATIVE = "initiative", _("sáng kiến")
    MEAL = "meal", _("suất ăn")
    HOUSE = "house", _("căn")
    WORKS = "works", _("công trình")
    COLLECTIVE = "collective", _("tập thể")
    INDIVIDUAL = "individual", _("cá nhân")
    CASE = "case", _("trường hợp")
    SESSION = "session", _("buổi")
    VND = "VND", _("đồng")
    PERCENT = "percent", _("%")
    RANK = "rank", _("thứ hạng")
    COUNT = "count", _("lượt")
    GIFT = "gift", _("suất quà")
    AGREEMENT = "agreement", _("bản thỏa ước")
    INSPECTION = "inspection", _("cuộc")


class Theme(models.TextChoices):
    EMULATION = "emulation", _("Phong trào thi đua, sáng kiến")
    DEMOCRACY = "democracy", _("Dân chủ cơ sở, hội nghị người lao động, đối thoại")
    LEGAL = "legal", _("Tuyên truyền, phổ biến, giáo dục pháp luật")
    WELFARE = "welfare", _("Chăm lo đời sống, phúc lợi")
    LABOUR_RELATIONS = "labour_relations", _("Quan hệ lao động, thỏa ước, thanh tra")
    ORGANISATION = "organisation", _("Phát triển đoàn viên, xây dựng tổ chức")
    FINANCE = "finance", _("Tài chính công đoàn")
    COMMENDATION = "commendation", _("Khen thưởng")
    SAFETY = "safety", _("An toàn, vệ sinh lao động")


class PeriodKind(models.TextChoices):
    MONTH = "month", _("Tháng")
    QUARTER = "quarter", _("Quý")
    HALF_YEAR = "half_year", _("6 tháng")
    YEAR = "year", _("Năm")
    PROGRAMME = "programme", _("Giai đoạn")


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Đang nhập")
    SUBMITTED = "submitted", _("Đã gửi")
    RETURNED = "returned", _("Bị trả lại")
    APPROVED = "approved", _("Đã duyệt")


class Severity(models.TextChoices):
    ERROR = "error", _("Lỗi")
    WARNING = "warning", _("Cảnh báo")


class ValueSource(models.TextChoices):
    WEB = "web", _("Nhập trên web")
    EXCEL = "excel", _("Nhập từ Excel")
    API = "api", _("API")
    REGISTRY = "registry", _("Tính từ sổ theo dõi")
    EXTRACTION = "extraction", _("Đọc từ văn bản")
    DEMO = "demo", _("Dữ liệu mẫu")


class ReportAction(models.TextChoices):
    CREATED = "created", _("Tạo báo cáo")
    SAVED = "saved", _("Lưu số liệu")
    IMPORTED = "imported", _("Nhập từ Excel")
    SUBMITTED = "submitted", _("Gửi báo cáo")
    RETURNED = "returned", _("Trả lại")
    APPROVED = "approved", _("Duyệt")
    UNLOCKED = "unlocked", _("Mở khóa")
    OVERDUE_NOTICE = "overdue_notice", _("Nhắc hạn")


class ImportStatus(models.TextChoices):
    PREVIEW = "preview", _("Chờ xác nhận")
    COMMITTED = "committed", _("Đã ghi")
    DISCARDED = "discarded", _("Đã hủy")


class DueState(models.TextChoices):
    """Where a report stands against its deadline, as the unit's list groups them."""

    DUE = "due", _("Cần nộp")
    LATE = "late", _("Quá hạn")
    DONE = "done", _("Đã nộp")

"""Choices for the registries: recognition levels, commendation forms, kinds of support and workplaces."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RecognitionLevel(models.TextChoices):
    """Codes equal the options of the `recognition_level` disaggregation of the reporting catalogue."""

    GRASSROOTS = "grassroots", _("Cấp cơ sở")
    DISTRICT = "district", _("Cấp quận, huyện")
    CITY = "city", _("Cấp thành phố, tỉnh")
    NATIONAL = "national", _("Toàn quốc")


class InitiativeField(models.TextChoices):
    TECHNICAL = "technical", _("Kỹ thuật, công nghệ")
    PRODUCTION = "production", _("Sản xuất, kinh doanh")
    MANAGEMENT = "management", _("Quản lý, điều hành")
    ADMINISTRATION = "administration", _("Hành chính, cải cách thủ tục")
    SAFETY = "safety", _("An toàn, vệ sinh lao động")
    SERVICE = "service", _("Giáo dục, y tế, dịch vụ")
    OTHER = "other", _("Khác")


class RecognitionKind(models.TextChoices):
    GOOD_WORKER = "good_worker", _("Công nhân giỏi")
    GOOD_DEED = "good_deed", _("Người tốt, việc tốt")
    CREATIVE = "creative", _("Lao động sáng tạo (sáng kiến sáng tạo)")


class RecipientKind(models.TextChoices):
    COLLECTIVE = "collective", _("Tập thể")
    INDIVIDUAL = "individual", _("Cá nhân")


class CommendationForm(models.TextChoices):
    """Forms and titles under the emulation law (Luật Thi đua, khen thưởng 2022) and the union's own awards."""

    BANG_KHEN_THU_TUONG = "bk_thu_tuong", _("Bằng khen của Thủ tướng Chính phủ")
    BANG_KHEN_BO_TINH = "bk_bo_tinh", _("Bằng khen của Bộ, ngành, UBND tỉnh, thành phố")
    GIAY_KHEN = "giay_khen", _("Giấy khen")
    CO_THI_DUA_CHINH_PHU = "co_chinh_phu", _("Cờ thi đua của Chính phủ")
    CO_THI_DUA_BO_TINH = "co_bo_tinh", _("Cờ thi đua của Bộ, ngành, tỉnh, thành phố")
    CSTD_TOAN_QUOC = "cstd_toan_quoc", _("Chiến sĩ thi đua toàn quốc")
    CSTD_BO_TINH = "cstd_bo_tinh", _("Chiến sĩ thi đua cấp Bộ, ngành, tỉnh")
    CSTD_CO_SO = "cstd_co_so", _("Chiến sĩ thi đua cơ sở")
    LAO_DONG_TIEN_TIEN = "ldtt", _("Lao động tiên tiến")
    TAP_THE_XUAT_SAC = "tt_xuat_sac", _("Tập thể lao động xuất sắc")
    TAP_THE_TIEN_TIEN = "tt_tien_tien", _("Tập thể lao động tiên tiến")
    CO_THI_DUA_TLD = "co_tld", _("Cờ thi đua của Tổng Liên đoàn Lao động Việt Nam")
    BANG_KHEN_TLD = "bk_tld", _("Bằng khen của Ban Chấp hành Tổng Liên đoàn Lao động Việt Nam")
    BANG_LAO_DONG_SANG_TAO = "bang_ldst", _("Bằng Lao động sáng tạo")
    GIAI_THUONG_NDC = "giai_ndc", _("Giải thưởng Nguyễn Đức Cảnh")
    BANG_KHEN_LDLD = "bk_ldld", _("Bằng khen của Liên đoàn Lao động tỉnh, thành phố")
    GIAY_KHEN_CONG_DOAN = "gk_cong_doan", _("Giấy khen của công đoàn cấp trên")
    OTHER = "other", _("Hình thức khác")


# Titles that only an individual, or only a collective, can receive.
INDIVIDUAL_ONLY_FORMS = {
    CommendationForm.CSTD_TOAN_QUOC,
    CommendationForm.CSTD_BO_TINH,
    CommendationForm.CSTD_CO_SO,
    CommendationForm.LAO_DONG_TIEN_TIEN,
    CommendationForm.BANG_LAO_DONG_SANG_TAO,
    CommendationForm.GIAI_THUONG_NDC,
}
COLLECTIVE_ONLY_FORMS = {
    CommendationForm.CO_THI_DUA_CHINH_PHU,
    CommendationForm.CO_THI_DUA_BO_TINH,
    CommendationForm.TAP_THE_XUAT_SAC,
    CommendationForm.TAP_THE_TIEN_TIEN,
    CommendationForm.CO_THI_DUA_TLD,
}


class Occasion(models.TextChoices):
    TET = "tet", _("Tết Nguyên đán")
    WORKERS_MONTH = "workers_month", _("Tháng Công nhân")
    PANDEMIC = "pandemic", _("Hỗ trợ phòng, chống dịch")
    OTHER = "other", _("Dịp khác")


class SupportKind(models.TextChoices):
    GIFT = "gift", _("Tặng quà")
    ACCIDENT = "accident", _("Trợ cấp tai nạn lao động")
    OCCUPATIONAL_DISEASE = "occupational_disease", _("Trợ cấp bệnh nghề nghiệp")
    HARDSHIP = "hardship", _("Trợ cấp khó khăn")
    SHELTER = "shelter", _("Mái ấm công đoàn")
    CHARITY_KITCHEN = "charity_kitchen", _("Bếp yêu thương (suất ăn)")
    ZERO_DONG_MARKET = "zero_dong_market", _("Chợ phiên 0 đồng")
    DONATION = "donation", _("Ủng hộ quỹ")


# The kinds whose amounts add up to "gifts and support" (gifts_vnd).
GIFT_KINDS = {SupportKind.GIFT, SupportKind.ACCIDENT, SupportKind.OCCUPATIONAL_DISEASE, SupportKind.HARDSHIP}


class WorkplaceKind(models.TextChoices):
    """What kind of conference a workplace holds: workers' (enterprises) or public employees' (agencies)."""

    ENTERPRISE = "enterprise", _("Doanh nghiệp")
    NON_PUBLIC_UNIT = "non_public_unit", _("Đơn vị sự nghiệp ngoài công lập")
    STATE_AGENCY = "state_agency", _("Cơ quan hành chính nhà nước")
    PUBLIC_UNIT = "public_unit", _("Đơn vị sự nghiệp công lập")


WORKERS_CONFERENCE_KINDS = {WorkplaceKind.ENTERPRISE, WorkplaceKind.NON_PUBLIC_UNIT}
PUBLIC_EMPLOYEE_CONFERENCE_KINDS = {WorkplaceKind.STATE_AGENCY, WorkplaceKind.PUBLIC_UNIT}


class AgreementScope(models.TextChoices):
    ENTERPRISE = "enterprise", _("Thỏa ước doanh nghiệp")
    MULTI_ENTERPRISE = "multi_enterprise", _("Thỏa ước nhóm doanh nghiệp")
    SECTOR = "sector", _("Thỏa ước ngành")


class EducationKind(models.TextChoices):
    LEGAL = "legal", _("Tuyên truyền, phổ biến, giáo dục pháp luật")
    POLITICAL = "political", _("Học tập nghị quyết, chuyên đề")
    SAFETY = "safety", _("An toàn, vệ sinh lao động")


class Audience(models.TextChoices):
    WORKERS = "workers", _("Đoàn viên, người lao động")
    KEY_OFFICIALS = "key_officials", _("Cán bộ chủ chốt, cán bộ công đoàn")


class InspectionKind(models.TextChoices):
    INSPECTION = "inspection", _("Thanh tra")
    CHECK = "check", _("Kiểm tra")
    SUPERVISION = "supervision", _("Giám sát")


class FollowUpStatus(models.TextChoices):
    OPEN = "open", _("Chưa khắc phục")
    IN_PROGRESS = "in_progress", _("Đang khắc phục")
    RESOLVED = "resolved", _("Đã khắc phục")


class LoanStatus(models.TextChoices):
    OUTSTANDING = "outstanding", _("Đang vay")
    OVERDUE = "overdue", _("Quá hạn")
    REPAID = "repaid", _("Đã trả hết")


class ImportStatus(models.TextChoices):
    PREVIEWED = "previewed", _("Đã xem trước")
    COMMITTED = "committed", _("Đã ghi vào sổ")
    FAILED = "failed", _("Có lỗi, chưa ghi")

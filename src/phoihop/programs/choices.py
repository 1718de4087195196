"""Choices for agreements, their tasks and attachments."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AgreementKind(models.TextChoices):
    PROGRAMME = "programme", _("Chương trình phối hợp")
    REGULATION = "regulation", _("Quy chế phối hợp")
    JOINT_PROGRAMME = "joint_programme", _("Chương trình liên tịch")
    ANNUAL_PLAN = "annual_plan", _("Kế hoạch phối hợp hằng năm")


# The kind abbreviation each agreement kind normally carries in its number (Nghị định 30/2020, Phụ lục III).
KIND_ABBREVIATIONS = {
    AgreementKind.PROGRAMME: "CTr",
    AgreementKind.REGULATION: "QC",
    AgreementKind.JOINT_PROGRAMME: "CTr",
    AgreementKind.ANNUAL_PLAN: "KH",
}

# Every type abbreviation of Phụ lục III, with the document type it stands for.
DOCUMENT_TYPE_ABBREVIATIONS = {
    "NQ": "Nghị quyết",
    "QĐ": "Quyết định",
    "CT": "Chỉ thị",
    "QC": "Quy chế",
    "QyĐ": "Quy định",
    "TC": "Thông cáo",
    "TB": "Thông báo",
    "HD": "Hướng dẫn",
    "CTr": "Chương trình",
    "KH": "Kế hoạch",
    "PA": "Phương án",
    "ĐA": "Đề án",
    "DA": "Dự án",
    "BC": "Báo cáo",
    "BB": "Biên bản",
    "TTr": "Tờ trình",
    "HĐ": "Hợp đồng",
    "CĐ": "Công điện",
    "BGN": "Bản ghi nhớ",
    "BTT": "Bản thỏa thuận",
    "GUQ": "Giấy ủy quyền",
    "GM": "Giấy mời",
    "GGT": "Giấy giới thiệu",
    "GNP": "Giấy nghỉ phép",
    "PG": "Phiếu gửi",
    "PC": "Phiếu chuyển",
    "PB": "Phiếu báo",
    "QCPH": "Quy chế phối hợp",
    "CTrPH": "Chương trình phối hợp",
    "KHPH": "Kế hoạch phối hợp",
    "CTLT": "Chương trình liên tịch",
    "NQLT": "Nghị quyết liên tịch",
    "TTLT": "Thông tư liên tịch",
}


class AgreementStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    IN_FORCE = "in_force", _("Đang hiệu lực")
    EXPIRED = "expired", _("Hết hiệu lực")
    SUPERSEDED = "superseded", _("Đã được thay thế")


class TaskFrequency(models.TextChoices):
    ONCE = "once", _("Một lần")
    MONTHLY = "monthly", _("Hằng tháng")
    QUARTERLY = "quarterly", _("Hằng quý")
    SIX_MONTHLY = "six_monthly", _("6 tháng")
    YEARLY = "yearly", _("Hằng năm")
    ONGOING = "ongoing", _("Thường xuyên")


class TaskStatus(models.TextChoices):
    PLANNED = "planned", _("Chưa thực hiện")
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    DONE = "done", _("Hoàn thành")
    CANCELLED = "cancelled", _("Hủy")


class SigningPrefix(models.TextChoices):
    NONE = "", _("(không)")
    TM = "TM.", _("TM. (thay mặt tập thể)")
    KT = "KT.", _("KT. (ký thay)")
    Q = "Q.", _("Q. (quyền)")
    TL = "TL.", _("TL. (thừa lệnh)")
    TUQ = "TUQ.", _("TUQ. (thừa ủy quyền)")


ALLOWED_ATTACHMENT_TYPES = {
    ".pdf": "application/pdf",
    ".doc": "application/msword",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xls": "application/vnd.ms-excel",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
}

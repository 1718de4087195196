"""Choices for review reports, document templates and generated files."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportKind(models.TextChoices):
    INTERIM = "interim", _("Báo cáo sơ kết")
    FINAL = "final", _("Báo cáo tổng kết")


class DocumentKind(models.TextChoices):
    REVIEW_REPORT = "review_report", _("Báo cáo sơ kết, tổng kết")
    APPENDIX = "appendix", _("Phụ lục số liệu")
    AGREEMENT = "agreement", _("Văn bản phối hợp")


class OutputFormat(models.TextChoices):
    DOCX = "docx", _("Word (.docx)")
    PDF = "pdf", _("PDF")
    XLSX = "xlsx", _("Excel (.xlsx)")


# Which formats each kind of document is produced in.
FORMATS_BY_KIND = {
    DocumentKind.REVIEW_REPORT: {OutputFormat.DOCX, OutputFormat.PDF},
    DocumentKind.APPENDIX: {OutputFormat.XLSX},
    DocumentKind.AGREEMENT: {OutputFormat.DOCX, OutputFormat.PDF},
}


class RenderStatus(models.TextChoices):
    PENDING = "pending", _("Đang chờ")
    RUNNING = "running", _("Đang tạo")
    DONE = "done", _("Hoàn thành")
    FAILED = "failed", _("Lỗi")


class TemplateKind(models.TextChoices):
    REVIEW_REPORT = "review_report", _("Mẫu báo cáo sơ kết, tổng kết")
    AGREEMENT = "agreement", _("Mẫu văn bản phối hợp")


# The qualitative sections a user writes, in the order the report prints them (domain.md §1), with the
# heading each one gets. Results (II) are generated from the figures and sit between situation and shortcomings.
QUALITATIVE_SECTIONS = [
    ("situation", "Đặc điểm tình hình"),
    ("shortcomings", "Tồn tại, hạn chế"),
    ("causes", "Nguyên nhân"),
    ("lessons", "Bài học kinh nghiệm"),
    ("directions", "Phương hướng, nhiệm vụ"),
    ("recommendations", "Kiến nghị, đề xuất"),
]

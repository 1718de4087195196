"""Producing a document's bytes, and putting a finished file into storage in one atomic move.

A render writes to a temporary file next to its destination and renames it only when complete, then marks
the GeneratedDocument done in the same breath: a render killed half-way leaves no file at the final path and
a record that is not "done", so nothing half-written is ever offered for download.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path

from django.core.files.storage import default_storage

from phoihop.core.i18n import in_vietnamese
from phoihop.core.text import fold

from . import agreement_doc, docx_templates, render_docx, render_pdf, render_xlsx, review
from .choices import DocumentKind, OutputFormat, TemplateKind
from .models import DocumentTemplate

Progress = Callable[[int, str], None]


def _noop(percent: int, step: str) -> None:
    pass


def active_template(kind: str) -> DocumentTemplate | None:
    """The newest active uploaded template of that kind; None means the shipped one."""
    return DocumentTemplate.objects.filter(kind=kind, is_active=True).order_by("-version").first()


def template_source(template: DocumentTemplate | None, kind: str):
    if template is None:
        return str(docx_templates.shipped_path(kind))
    template.file.open("rb")
    try:
        import io

        return io.BytesIO(template.file.read())
    finally:
        template.file.close()


@in_vietnamese
def produce(
    kind: str,
    fmt: str,
    *,
    report=None,
    agreement=None,
    user=None,
    template: DocumentTemplate | None = None,
    progress: Progress = _noop,
) -> bytes:
    """The bytes of one document; figures are scoped to `user` (None: trusted system use)."""
    if kind == DocumentKind.APPENDIX:
        progress(10, "Đọc số liệu từ kho tổng hợp")
        return render_xlsx.render(report, user=user, progress=progress)
    if kind == DocumentKind.AGREEMENT:
        progress(20, "Soạn nội dung văn bản")
        content = agreement_doc.build(agreement, user=user)
        template_kind = TemplateKind.AGREEMENT
    else:
        content = review.build(report, user=user, progress=progress)
        template_kind = TemplateKind.REVIEW_REPORT
    if fmt == OutputFormat.PDF:
        progress(75, "Dàn trang PDF")
        return render_pdf.render(content)
    progress(75, "Ghi tệp Word theo mẫu")
    return render_docx.render(content, template_source(template, template_kind))


def filename_for(kind: str, fmt: str, version: int, report=None, agreement=None) -> str:
    if agreement is not None and kind == DocumentKind.AGREEMENT:
        stem = f"{agreement.get_kind_display()} {agreement.number} {agreement.period_start_year}-{agreement.period_end_year}"
    elif report is not None:
        label = "phu luc" if kind == DocumentKind.APPENDIX else report.get_kind_display()
        number = report.agreement.number if report.agreement_id else ""
        stem = f"{label} {number} {report.period.label}"
    else:
        stem = kind
    slug = "-".join(fold(stem).replace("/", " ").split())
    slug = "".join(ch for ch in slug if ch.isalnum() or ch == "-")[:120] or "van-ban"
    return f"{slug}-v{version}.{fmt}"


def store_atomically(data: bytes, relative_name: str) -> tuple[str, str, int]:
    """Write `data` under MEDIA_ROOT at `relative_name` via a temp file and an atomic rename.

    Returns (stored name, sha256, size). The temp file is removed if anything fails before the rename.
    """
    digest = hashlib.sha256(data).hexdigest()
    try:
        final = Path(default_storage.path(relative_name))
    except NotImplementedError:
        # Remote storage has no rename; its save() is itself all-or-nothing from our side.
        name = default_storage.save(relative_name, _content(data))
        return name, digest, len(data)
    final.parent.mkdir(parents=True, exist_ok=True)
    if final.exists():
        final = final.with_name(f"{final.stem}-{uuid.uuid4().hex[:8]}{final.suffix}")
    fd, temp = tempfile.mkstemp(prefix=".part-", dir=final.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, final)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise
    media_root = Path(default_storage.path(""))
    return str(final.relative_to(media_root)), digest, len(data)


def _content(data: bytes):
    from django.core.files.base import ContentFile

    return ContentFile(data)

"""Checks on uploaded attachments: size limit, type by file name AND by content, SHA-256 checksum."""

from __future__ import annotations

import hashlib
import io
import os
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.text import get_valid_filename

from phoihop.core.formatting import vn_number
from phoihop.core.text import nfc

from .choices import ALLOWED_ATTACHMENT_TYPES

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of old .doc / .xls files
ZIP = b"PK\x03\x04"

# What the first bytes must be for each extension; ZIP-based formats are opened and their main part looked for.
MAGIC = {
    ".pdf": (b"%PDF-",),
    ".doc": (OLE2,),
    ".xls": (OLE2,),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".docx": (ZIP,),
    ".xlsx": (ZIP,),
    ".odt": (ZIP,),
}
ZIP_MEMBERS = {".docx": "word/document.xml", ".xlsx": "xl/workbook.xml", ".odt": "content.xml"}
TYPE_NAMES = {
    ".pdf": "PDF",
    ".doc": "Word",
    ".docx": "Word",
    ".xls": "Excel",
    ".xlsx": "Excel",
    ".odt": "OpenDocument",
    ".jpg": "ảnh JPEG",
    ".jpeg": "ảnh JPEG",
    ".png": "ảnh PNG",
}


@dataclass(frozen=True)
class CheckedFile:
    name: str
    storage_name: str
    size: int
    sha256: str
    content_type: str


def max_bytes() -> int:
    return settings.ATTACHMENT_MAX_BYTES


def allowed_list() -> str:
    return ", ".join(sorted({ext.lstrip(".") for ext in ALLOWED_ATTACHMENT_TYPES}))


def _megabytes(size: int) -> str:
    return vn_number(round(size / (1024 * 1024), 1))


def check_upload(upload: UploadedFile) -> CheckedFile:
    """Raise ValidationError({"file": …}) for a file that is too big, of a wrong type or not what its name says."""
    name = os.path.basename(nfc(upload.name or "").replace("\\", "/")).strip()[:255]
    if not name or not os.path.splitext(name)[0]:
        raise ValidationError({"file": "Chưa chọn tệp đính kèm."})
    extension = os.path.splitext(name)[1].lower()
    if extension not in ALLOWED_ATTACHMENT_TYPES:
        raise ValidationError(
            {"file": f"Tệp '{name}' có đuôi không được phép; chỉ nhận các loại: {allowed_list()}."}
        )
    size = upload.size or 0
    if size == 0:
        raise ValidationError({"file": f"Tệp '{name}' rỗng (0 byte)."})
    if size > max_bytes():
        raise ValidationError(
            {
                "file": f"Tệp '{name}' dung lượng {_megabytes(size)} MB, vượt giới hạn "
                f"{_megabytes(max_bytes())} MB; hãy nén hoặc chia nhỏ tệp."
            }
        )
    digest = hashlib.sha256()
    upload.seek(0)
    head = b""
    for chunk in upload.chunks():
        if len(head) < 16:
            head += chunk[:16]
        digest.update(chunk)
    if not any(head.startswith(magic) for magic in MAGIC[extension]) or not _zip_ok(upload, extension):
        raise ValidationError(
            {
                "file": f"Nội dung tệp '{name}' không phải {TYPE_NAMES[extension]} như đuôi tệp cho biết; "
                "hãy lưu lại đúng định dạng rồi tải lên."
            }
        )
    upload.seek(0)
    return CheckedFile(
        name=name,
        storage_name=get_valid_filename(name),
        size=size,
        sha256=digest.hexdigest(),
        content_type=ALLOWED_ATTACHMENT_TYPES[extension],
    )


def _zip_ok(upload: UploadedFile, extension: str) -> bool:
    member = ZIP_MEMBERS.get(extension)
    if member is None:
        return True
    upload.seek(0)
    try:
        source = upload.file if hasattr(upload.file, "seek") else io.BytesIO(upload.read())
        with zipfile.ZipFile(source) as archive:
            return member in archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return False

"""Attachments: checksum, size limit, type by name and by content, duplicates, scoped download."""

import hashlib

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from phoihop.programs import actions
from phoihop.programs.models import Attachment
from phoihop.programs.testing import docx_bytes, pdf_bytes, png_bytes, upload, xlsx_bytes


@pytest.mark.parametrize(
    "name,make,content_type",
    [
        ("Chương trình 03.pdf", pdf_bytes, "application/pdf"),
        (
            "du-thao.docx",
            docx_bytes,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("so-lieu.xlsx", xlsx_bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("anh-ky-ket.png", png_bytes, "image/png"),
    ],
)
def test_real_files_are_stored_with_their_checksum(world, media_root, name, make, content_type):
    content = make()
    attachment = actions.add_attachment(world.alice, world.hbt_programme, upload(name, content), "Bản ký")
    assert attachment.sha256 == hashlib.sha256(content).hexdigest()
    assert attachment.size == len(content) and attachment.content_type == content_type
    assert attachment.original_name == name
    with attachment.file.open("rb") as stored:
        assert stored.read() == content


def test_an_oversized_file_is_refused_naming_the_limit(world, media_root, settings):
    settings.ATTACHMENT_MAX_BYTES = 1024 * 1024
    big = pdf_bytes() + b"0" * (2 * 1024 * 1024)
    with pytest.raises(ValidationError) as caught:
        actions.add_attachment(world.alice, world.hbt_programme, upload("ban-scan.pdf", big))
    assert caught.value.message_dict["file"] == [
        "Tệp 'ban-scan.pdf' dung lượng 2 MB, vượt giới hạn 1 MB; hãy nén hoặc chia nhỏ tệp."
    ]
    assert not Attachment.objects.exists()


def test_a_wrong_extension_is_refused(world, media_root):
    with pytest.raises(ValidationError) as caught:
        actions.add_attachment(world.alice, world.hbt_programme, upload("virus.exe", b"MZ\x90\x00"))
    assert "đuôi không được phép" in caught.value.message_dict["file"][0]


@pytest.mark.parametrize(
    "name,content",
    [
        ("gia-mao.pdf", b"MZ\x90\x00 not a pdf"),
        ("gia-mao.docx", pdf_bytes()),
        ("bang-tinh.docx", xlsx_bytes()),  # a ZIP, but an Excel workbook, not a Word document
        ("anh.jpg", png_bytes()),
    ],
)
def test_content_that_does_not_match_the_extension_is_refused(world, media_root, name, content):
    with pytest.raises(ValidationError) as caught:
        actions.add_attachment(world.alice, world.hbt_programme, upload(name, content))
    assert "không phải" in caught.value.message_dict["file"][0]
    assert not Attachment.objects.exists()


def test_the_same_file_twice_is_detected(world, media_root):
    actions.add_attachment(world.alice, world.hbt_programme, upload("ban-ky.pdf", pdf_bytes()))
    with pytest.raises(ValidationError) as caught:
        actions.add_attachment(world.alice, world.hbt_programme, upload("ban-ky (1).pdf", pdf_bytes()))
    assert "đã được đính kèm trước đó với tên 'ban-ky.pdf'" in caught.value.message_dict["file"][0]
    assert Attachment.objects.count() == 1


def test_charlie_cannot_attach_to_a_hai_ba_trung_agreement(world, media_root):
    with pytest.raises(PermissionDenied):
        actions.add_attachment(world.charlie, world.hbt_programme, upload("x.pdf", pdf_bytes()))


def test_deleting_an_attachment_removes_the_file(world, media_root, django_capture_on_commit_callbacks):
    attachment = actions.add_attachment(world.alice, world.hbt_programme, upload("ban-ky.pdf", pdf_bytes()))
    path = attachment.file.path
    with django_capture_on_commit_callbacks(execute=True):
        actions.delete_attachment(world.alice, attachment)
    assert not Attachment.objects.exists()
    import os

    assert not os.path.exists(path)

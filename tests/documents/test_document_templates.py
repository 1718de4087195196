"""Administrators replace the .docx templates: a good one is used, a broken one is refused with the reason."""

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from docx import Document

from phoihop.documents import actions, docx_templates, rendering
from phoihop.documents.choices import DocumentKind, TemplateKind
from phoihop.documents.models import DocumentTemplate
from phoihop.documents.testing import make_review_report


def _shipped_with(extra_text: str | None = None, replace: tuple[str, str] | None = None) -> bytes:
    document = Document(str(docx_templates.shipped_path(TemplateKind.REVIEW_REPORT)))
    if extra_text:
        document.paragraphs[0].insert_paragraph_before(extra_text)
    if replace:
        for paragraph in document.paragraphs:
            for run in paragraph.runs:
                if replace[0] in run.text:
                    run.text = run.text.replace(*replace)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _upload(world, data: bytes, name: str = "mau.docx"):
    return actions.upload_template(world.admin, TemplateKind.REVIEW_REPORT, data, name)


def test_an_uploaded_template_is_used_for_the_next_render(world):
    template = _upload(world, _shipped_with("MẪU RIÊNG CỦA QUẬN"))
    assert template.version == 1 and rendering.active_template(TemplateKind.REVIEW_REPORT) == template
    report = make_review_report(world)
    data = rendering.produce(DocumentKind.REVIEW_REPORT, "docx", report=report, template=template)
    text = "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
    assert "MẪU RIÊNG CỦA QUẬN" in text and "Tổng kết thực hiện" in text


@pytest.mark.parametrize(
    "data,reason",
    [
        (b"day khong phai tep word", "không phải văn bản Word"),
        (_shipped_with(replace=("{{ title }}", "{% if title %}{{ title }}")), "cú pháp"),
        (_shipped_with(replace=("{{p body }}", "NỘI DUNG")), "{{p body }}"),
        (_shipped_with(replace=("{{ title }}", "{{ trich_yeu }}")), "trich_yeu"),
    ],
    ids=["not-a-docx", "syntax-error", "no-body", "unknown-tag"],
)
def test_a_broken_template_is_rejected_with_the_reason_and_the_previous_one_kept(world, data, reason):
    good = _upload(world, _shipped_with("MẪU TỐT"))
    with pytest.raises(ValidationError) as caught:
        _upload(world, data, "hong.docx")
    message = " ".join(caught.value.message_dict["file"])
    assert "Mẫu bị từ chối" in message and reason in message
    assert rendering.active_template(TemplateKind.REVIEW_REPORT) == good
    assert DocumentTemplate.objects.count() == 1


def test_only_administrators_replace_templates(world, client_for):
    with pytest.raises(PermissionDenied):
        actions.upload_template(world.alice, TemplateKind.REVIEW_REPORT, _shipped_with(), "mau.docx")
    assert client_for(world.alice).get("/tai-lieu/mau/").status_code == 404


def test_the_templates_page_uploads_and_rejects_with_the_reason(world, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_for(world.admin)
    broken = SimpleUploadedFile("hong.docx", b"PK-not-really")
    response = client.post("/tai-lieu/mau/", {"kind": TemplateKind.REVIEW_REPORT, "file": broken})
    assert response.status_code == 400
    assert "Mẫu bị từ chối" in response.content.decode()
    good = SimpleUploadedFile("mau-quan.docx", _shipped_with("MẪU QUẬN"))
    response = client.post(
        "/tai-lieu/mau/", {"kind": TemplateKind.REVIEW_REPORT, "file": good, "note": "thử"}
    )
    assert response.status_code == 302
    page = client.get("/tai-lieu/mau/").content.decode()
    assert "mau-quan.docx" in page


def test_switching_a_version_off_falls_back_to_the_one_before(world):
    first = _upload(world, _shipped_with("MỘT"))
    second = _upload(world, _shipped_with("HAI"))
    assert rendering.active_template(TemplateKind.REVIEW_REPORT) == second
    actions.set_template_active(world.admin, second, False)
    assert rendering.active_template(TemplateKind.REVIEW_REPORT) == first

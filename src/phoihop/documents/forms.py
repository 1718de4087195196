"""Forms of the documents app: a new report, its written sections, a template upload."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from phoihop.core import permissions
from phoihop.orgs.forms import OrgMultipleChoiceField
from phoihop.orgs.models import Organization
from phoihop.reporting.models import Period

from .choices import OutputFormat, ReportKind, TemplateKind

SIGNER_SLOTS = 2


class ReportCreateForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại báo cáo"), choices=ReportKind.choices, initial=ReportKind.FINAL)
    agreement = forms.ModelChoiceField(
        label=_("Văn bản phối hợp"), queryset=Organization.objects.none(), required=False
    )
    organizations = OrgMultipleChoiceField(
        label=_("Hoặc các đơn vị báo cáo"),
        queryset=Organization.objects.none(),
        required=False,
        scope="edit",
        help_text=_("Dùng khi báo cáo không gắn với một văn bản phối hợp"),
    )
    period = forms.ModelChoiceField(
        label=_("Kỳ báo cáo"),
        queryset=Period.objects.all().order_by("-start", "-end"),
        required=False,
        help_text=_("Để trống: lấy giai đoạn của văn bản phối hợp"),
    )
    meeting = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agreement"].queryset = permissions.visible_agreements(user)
        self.fields["organizations"].queryset = permissions.organizations_for(user, "edit")
        self.fields["organizations"].show_likely(user, self["organizations"].value())

    def clean(self):
        data = super().clean()
        if not data.get("agreement") and not data.get("organizations"):
            raise forms.ValidationError(_("Chọn văn bản phối hợp hoặc ít nhất một đơn vị báo cáo."))
        if not data.get("agreement") and not data.get("period"):
            self.add_error("period", _("Chọn kỳ báo cáo."))
        return data


class ReportEditForm(forms.Form):
    title = forms.CharField(label=_("Trích yếu"), max_length=500)
    number = forms.CharField(label=_("Số, ký hiệu"), max_length=60, required=False)
    place = forms.CharField(label=_("Địa danh"), max_length=80, required=False)
    date = forms.DateField(
        label=_("Ngày báo cáo"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    issuer_parent = forms.CharField(label=_("Cơ quan chủ quản"), max_length=300, required=False)
    issuers = forms.CharField(
        label=_("Cơ quan ban hành"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Mỗi dòng một dòng tiêu đề"),
    )
    situation = forms.CharField(
        label=_("I. Đặc điểm tình hình"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    shortcomings = forms.CharField(
        label=_("Tồn tại, hạn chế"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    causes = forms.CharField(label=_("Nguyên nhân"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    lessons = forms.CharField(
        label=_("Bài học kinh nghiệm"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    directions = forms.CharField(
        label=_("Phương hướng, nhiệm vụ"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    recommendations = forms.CharField(
        label=_("Kiến nghị, đề xuất"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    recipients = forms.CharField(
        label=_("Nơi nhận"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Mỗi nơi nhận một dòng"),
    )
    archive = forms.CharField(label=_("Lưu trữ (nơi lưu)"), max_length=120, required=False, initial="VT")
    include_tables = forms.BooleanField(label=_("Kèm bảng số liệu"), required=False)
    include_charts = forms.BooleanField(label=_("Kèm biểu đồ"), required=False)

    TEXT_SECTIONS = ("situation", "shortcomings", "causes", "lessons", "directions", "recommendations")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for i in range(1, SIGNER_SLOTS + 1):
            self.fields[f"signer{i}_heading"] = forms.CharField(
                label=_("Người ký %(n)s – thẩm quyền, chức vụ") % {"n": i},
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text=_("Ví dụ: TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH, mỗi dòng một ý"),
            )
            self.fields[f"signer{i}_name"] = forms.CharField(
                label=_("Người ký %(n)s – họ tên") % {"n": i}, max_length=120, required=False
            )

    @classmethod
    def initial_for(cls, report) -> dict:
        initial = {name: getattr(report, name) for name in cls.base_fields}
        for i, signer in enumerate((report.signers or [])[:SIGNER_SLOTS], start=1):
            initial[f"signer{i}_heading"] = signer.get("heading", "")
            initial[f"signer{i}_name"] = signer.get("name", "")
        return initial

    def to_fields(self) -> dict:
        data = dict(self.cleaned_data)
        signers = []
        for i in range(1, SIGNER_SLOTS + 1):
            heading, name = data.pop(f"signer{i}_heading", ""), data.pop(f"signer{i}_name", "")
            if heading.strip() or name.strip():
                signers.append({"heading": heading.strip(), "name": name.strip()})
        data["signers"] = signers
        data["archive"] = data.get("archive") or "VT"
        return data


class RenderForm(forms.Form):
    fmt = forms.ChoiceField(choices=OutputFormat.choices)


class TemplateUploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại mẫu"), choices=TemplateKind.choices)
    file = forms.FileField(label=_("Tệp mẫu (.docx)"))
    note = forms.CharField(label=_("Ghi chú"), max_length=300, required=False)

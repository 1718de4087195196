"""Forms of the report reader: the upload."""

from django import forms
from django.utils.translation import gettext_lazy as _

from phoihop.core import permissions
from phoihop.orgs.forms import OrgChoiceField
from phoihop.orgs.models import Organization


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp văn bản"),
        help_text=_(
            "Tệp .txt, .html, .docx hoặc .pdf (có lớp chữ); bảng mã Unicode, TCVN3 (ABC), VNI hoặc Windows-1258."
        ),
    )
    organization = OrgChoiceField(
        label=_("Số liệu của đơn vị"), queryset=Organization.objects.none(), empty_label=None, scope="edit"
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = permissions.organizations_for(user, "edit").order_by("path")
        self.fields["organization"].show_likely(user, self["organization"].value())

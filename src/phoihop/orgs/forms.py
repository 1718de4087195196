"""Forms for organisations: field definitions and widgets; the rules live in rules.py and run in actions.py."""

from __future__ import annotations

from django import forms
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from phoihop.core import permissions

from .actions import EDITABLE_FIELDS
from .models import AdminUnit, Organization


class AdminUnitPicker(forms.Widget):
    """A hidden id plus a search box (htmx) listing units by name without diacritics; no select of 13,000 rows."""

    template_name = "orgs/_unit_picker.html"

    def __init__(self, level_field: str | None = "level", attrs=None):
        super().__init__(attrs)
        self.level_field = level_field

    def render(self, name, value, attrs=None, renderer=None):
        unit = (
            AdminUnit.objects.select_related("parent", "province").filter(pk=value).first()
            if value and str(value).isdigit()
            else None
        )
        return render_to_string(
            self.template_name,
            {"field": name, "unit": unit, "value": value or "", "level_field": self.level_field},
        )

    def id_for_label(self, id_):
        return f"{id_}_search" if id_ else id_

    def value_from_datadict(self, data, files, name):
        return data.get(name) or None


class OrganizationForm(forms.ModelForm):
    admin_unit = forms.ModelChoiceField(
        queryset=AdminUnit.objects.all(),
        required=False,
        label=_("Địa bàn (đơn vị hành chính)"),
        widget=AdminUnitPicker(),
        error_messages={
            "invalid_choice": _(
                "Địa bàn không tồn tại. Hãy tìm theo tên (không cần gõ dấu) và chọn địa bàn trong danh sách."
            )
        },
        help_text=_(
            "Trước 01/7/2025 chọn đơn vị cũ (tỉnh, huyện, xã cũ); từ 01/7/2025 chọn đơn vị hiện hành."
        ),
    )

    class Meta:
        model = Organization
        fields = list(EDITABLE_FIELDS)
        widgets = {
            "valid_from": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "valid_to": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "note": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "name": {"required": _("Nhập tên đơn vị.")},
            "kind": {"required": _("Chọn loại tổ chức.")},
            "level": {"required": _("Chọn cấp của đơn vị.")},
            "employees": {"invalid": _("Số lao động phải là số nguyên, ví dụ 1065.")},
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        visible = permissions.visible_organizations(user).only("pk", "name", "path")
        editable = permissions.organizations_for(user, "edit").only("pk", "name", "path")
        current_parent = self.instance.parent_id
        parents = editable.exclude(path__startswith=self.instance.path) if self.instance.pk else editable
        if current_parent:
            # Keep the present parent selectable even when it lies above the user's scope.
            parents = Organization.objects.filter(
                pk__in=list(parents.values_list("pk", flat=True)) + [current_parent]
            )
        self.fields["parent"].queryset = parents.order_by("path")
        self.fields["parent"].error_messages["invalid_choice"] = _(
            "Đơn vị cấp trên không tồn tại hoặc nằm ngoài phạm vi đơn vị của bạn."
        )
        counterparts = visible
        if self.instance.counterpart_id:
            counterparts = Organization.objects.filter(
                pk__in=list(visible.values_list("pk", flat=True)) + [self.instance.counterpart_id]
            )
        self.fields["counterpart"].queryset = counterparts.order_by("path")
        self.fields["parent"].required = not permissions.is_global(user)
        self.fields["parent"].error_messages["required"] = _("Chọn đơn vị cấp trên.")
        for name in ("valid_from", "valid_to"):
            self.fields[name].error_messages["invalid"] = _("Ngày không hợp lệ, ví dụ 01/6/2017.")
            self.fields[name].input_formats = ["%Y-%m-%d", "%d/%m/%Y"]

    def _post_clean(self):
        # Model validation runs once, in actions.py, with the structural rules; the form only parses input.
        pass


class OrgSelect(forms.Select):
    """A short list of the likely units, and a search box for any other unit the user may pick (app.js adds the
    picked unit to the list). A city's thousands of units never go into the page."""

    template_name = "orgs/widgets/org_select.html"

    def __init__(self, scope: str = "view", attrs=None):
        super().__init__(attrs)
        self.scope = scope

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["suggest_url"] = f"{reverse('orgs:suggest')}?quyen={self.scope}"
        return context


class OrgChoiceField(forms.ModelChoiceField):
    """Any unit of `queryset` is accepted; the page lists only the user's own units and those directly under
    them, plus the unit already chosen."""

    def __init__(self, *args, scope: str = "view", **kwargs):
        kwargs.setdefault("widget", OrgSelect(scope))
        super().__init__(*args, **kwargs)

    def show_likely(self, user, chosen=None) -> None:
        roots = permissions.roots(user, self.widget.scope)
        qs = self.queryset
        if roots and not permissions.is_global(user):
            likely = qs.near(roots)
        else:
            likely = qs.filter(depth__lte=1)  # the top of the trees for a global user
        chosen = getattr(chosen, "pk", chosen)
        if str(chosen or "").isdigit():
            likely = likely | qs.filter(pk=int(chosen))
        choices = [(org.pk, self.label_from_instance(org)) for org in likely.order_by("path")[:500]]
        self.widget.choices = ([("", self.empty_label)] if self.empty_label is not None else []) + choices

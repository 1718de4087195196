"""Forms for organisations: field definitions and widgets; the rules live in rules.py and run in actions.py."""

from __future__ import annotations

from collections.abc import Callable

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


# Unit fields whose list would be too long for a page search the server instead. Each scope names the units such a
# field accepts: `choices(user, params)` gives them (params: the search request's query string), and `action` is the
# permission whose units are listed first. The search answers from the same function the form validates with.
SCOPES: dict[str, tuple[Callable, str]] = {}


def register_scope(name: str, choices: Callable, action: str = "view") -> None:
    SCOPES[name] = (choices, action)


register_scope("view", lambda user, params: permissions.visible_organizations(user))
register_scope("edit", lambda user, params: permissions.organizations_for(user, "edit"), action="edit")


class _Suggesting:
    """A short list of the likely units, and a search box for any other unit the field accepts (app.js adds the
    picked unit to the list, chosen). A city's thousands of units never go into the page."""

    template_name = "orgs/widgets/org_select.html"

    def __init__(self, scope: str = "view", attrs=None):
        super().__init__(attrs)
        self.scope = scope
        self.params = ""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["suggest_url"] = f"{reverse('orgs:suggest')}?quyen={self.scope}{self.params}"
        return context


class OrgSelect(_Suggesting, forms.Select):
    pass


class OrgSelectMultiple(_Suggesting, forms.SelectMultiple):
    pass


class _LikelyUnits:
    def show_likely(self, user, chosen=None, around=()) -> None:
        """List the user's own units, those directly under them, units at their level or above that the field
        accepts (partners, other federations), the units `around` and those directly under them (an agreement's
        parties and their departments), and whatever is already chosen; nothing else goes into the page."""
        qs = self.queryset
        roots = permissions.roots(user, SCOPES[self.widget.scope][1])
        if roots and not permissions.is_global(user):
            likely = qs.near(roots) | qs.filter(depth__lte=max(org.depth for org in roots))
        else:
            likely = qs.filter(depth__lte=1)  # the top of the trees for a global user
        if around:
            likely = likely | qs.near(around)
        if chosen is None or isinstance(chosen, (str, int)) or hasattr(chosen, "pk"):
            chosen = [chosen]
        ids = [int(c) for c in (getattr(c, "pk", c) for c in chosen) if str(c or "").isdigit()]
        if ids:
            likely = likely | qs.filter(pk__in=ids)
        choices = [(org.pk, self.label_from_instance(org)) for org in likely.order_by("path")[:500]]
        empty = getattr(self, "empty_label", None)
        self.widget.choices = ([("", empty)] if empty is not None else []) + choices


class OrgChoiceField(_LikelyUnits, forms.ModelChoiceField):
    """Any unit of `queryset` is accepted; the page lists only the likely ones (`show_likely`)."""

    def __init__(self, *args, scope: str = "view", **kwargs):
        kwargs.setdefault("widget", OrgSelect(scope))
        super().__init__(*args, **kwargs)


class OrgMultipleChoiceField(_LikelyUnits, forms.ModelMultipleChoiceField):
    """Several units: any of `queryset` is accepted; the page lists only the likely ones (`show_likely`)."""

    def __init__(self, *args, scope: str = "view", size: int = 6, **kwargs):
        kwargs.setdefault("widget", OrgSelectMultiple(scope, attrs={"size": size}))
        super().__init__(*args, **kwargs)

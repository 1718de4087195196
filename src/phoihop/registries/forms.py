"""The create/edit form of any registry, built from its columns; the cells are read by the same parsers as
Excel and the API, so a value accepted in one is accepted in all."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.urls import reverse

from phoihop.core.formatting import vn_date, vn_number
from phoihop.core.text import fold
from phoihop.orgs.selectors import org_label, shared_names

from .registry import Column, Context, Registry


def _initial(column: Column, value, ctx: Context):
    """A stored value as the text a user would type."""
    if value is None or value == "" or value == []:
        return ""
    if column.kind == "org":
        folded = fold(value.name)
        return org_label(value, folded in shared_names(ctx.org_queryset(column), {folded}))
    if column.kind == "ref":
        return value.pk
    if column.kind == "date":
        return vn_date(value)
    if column.kind == "dates":
        return "; ".join(vn_date(dt.date.fromisoformat(d) if isinstance(d, str) else d) for d in value)
    if column.kind in ("int", "money"):
        return vn_number(value)
    return value


def _field(column: Column, ctx: Context, registry: Registry) -> forms.Field:
    common = {"label": column.shown_label, "required": False, "help_text": column.shown_help}
    attrs = {"data-column": column.name}
    if column.kind == "choice":
        choices = [("", "—")] + [(code, label) for code, label in column.choices]
        return forms.ChoiceField(choices=choices, **common)
    if column.kind == "ref":
        choices = [("", "—")] + [(str(pk), label) for pk, label in ctx.refs(column.ref).choices()]
        return forms.ChoiceField(choices=choices, **common)
    if column.kind == "bool":
        return forms.BooleanField(**common)
    if column.kind == "longtext":
        return forms.CharField(widget=forms.Textarea(attrs={"rows": 3, **attrs}), strip=False, **common)
    if column.kind == "org":
        # Suggestions come from the server as the user types (app.js): the page never lists every unit.
        attrs["data-suggest"] = reverse("registries:org_suggestions", args=[registry.slug, column.name])
        attrs["autocomplete"] = "off"
        attrs["size"] = 60
        attrs["placeholder"] = "gõ vài chữ của tên đơn vị, có dấu hay không dấu đều được"
    elif column.kind in ("int", "money", "year"):
        attrs["inputmode"] = "decimal"
        if column.kind == "money":
            attrs["placeholder"] = "ví dụ 2.200.000 hoặc 2,2 tỷ"
    elif column.kind == "date":
        attrs["placeholder"] = "ngày/tháng/năm"
        attrs["size"] = 12
    elif column.kind == "dates":
        attrs["placeholder"] = "15/3/2020; 20/9/2020"
    elif column.max_length and column.max_length > 200:
        attrs["size"] = 80
    return forms.CharField(widget=forms.TextInput(attrs=attrs), strip=False, **common)


class RegistryForm(forms.Form):
    """Fields come from the registry; checking happens in actions.save_record (one place for all inputs)."""

    def __init__(self, registry: Registry, ctx: Context, *args, instance=None, initial_values=None, **kwargs):
        self.registry, self.ctx, self.instance = registry, ctx, instance
        initial = {}
        if instance is not None:
            values = registry.values_of(instance)
            initial = {c.name: _initial(c, values.get(c.name), ctx) for c in registry.model_columns}
            initial.update({c.name: c.value_of(instance) for c in registry.columns if c.virtual and c.source})
        initial.update(initial_values or {})
        super().__init__(*args, initial=initial, **kwargs)
        for column in registry.columns:
            field = _field(column, ctx, registry)
            if column.required:
                field.label_suffix = " *"
            self.fields[column.name] = field

    def raw(self) -> dict:
        """The submitted cells, untouched: parsing is the registry's job."""
        return {name: self.cleaned_data.get(name) for name in self.fields}

    def add_errors(self, errors: dict) -> None:
        for name, message in errors.items():
            self.add_error(name if name in self.fields else None, message)

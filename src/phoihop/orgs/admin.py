"""Django admin for organisations, people and the administrative units (units are reference data: read-only)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from phoihop.accounts.admin import SuperuserOnly
from phoihop.accounts.models import Membership

from . import actions
from .models import AdminUnit, AdminUnitSuccession, Organization, Person


class SuccessionInline(SuperuserOnly, admin.TabularInline):
    model = AdminUnitSuccession
    fk_name = "old"
    extra = 0
    can_delete = False
    readonly_fields = ["new", "is_partly_merged"]
    verbose_name_plural = _("Nay thuộc (đơn vị hiện hành)")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(AdminUnit)
class AdminUnitAdmin(SuperuserOnly, admin.ModelAdmin):
    list_display = ["name", "code", "division_type", "level", "parent", "is_legacy", "valid_from", "valid_to"]
    list_filter = ["is_legacy", "level", "division_type"]
    search_fields = ["name", "name_folded", "code"]
    list_select_related = ["parent", "province"]
    readonly_fields = [f.name for f in AdminUnit._meta.concrete_fields]
    inlines = [SuccessionInline]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class MembershipInline(SuperuserOnly, admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


class PersonInline(SuperuserOnly, admin.TabularInline):
    model = Person
    extra = 0
    fields = ["full_name", "title", "title_as_of"]


@admin.register(Organization)
class OrganizationAdmin(SuperuserOnly, admin.ModelAdmin):
    list_display = ["name", "kind", "level", "parent", "admin_unit", "valid_to"]
    list_filter = ["kind", "level", "ownership", "admin_unit__is_legacy"]
    search_fields = ["name", "name_folded", "short_name", "tax_code"]
    list_select_related = ["parent", "admin_unit", "admin_unit__parent", "admin_unit__province"]
    autocomplete_fields = ["parent", "admin_unit", "counterpart"]
    readonly_fields = ["path", "depth", "created_at", "updated_at"]
    inlines = [MembershipInline, PersonInline]

    def save_model(self, request, obj, form, change):
        # The admin goes through the same write path as the pages and the API.
        fields = {
            name: form.cleaned_data.get(name) for name in actions.EDITABLE_FIELDS if name in form.cleaned_data
        }
        user = request.user
        if change:
            saved = actions.update_organization(user, obj, require_unit=False, **fields)
        else:
            saved = actions.create_organization(user, require_unit=False, **fields)
        obj.pk, obj.path, obj.depth = saved.pk, saved.path, saved.depth


@admin.register(Person)
class PersonAdmin(SuperuserOnly, admin.ModelAdmin):
    list_display = ["full_name", "title", "organization", "title_as_of"]
    search_fields = ["full_name", "name_folded", "title"]
    autocomplete_fields = ["organization"]
    list_select_related = ["organization"]

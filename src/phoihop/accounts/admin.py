"""Django admin for users (with their memberships), memberships and API tokens."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import ApiToken, Membership

User = get_user_model()


class SuperuserOnly:
    """The admin is unscoped, so only system administrators (superusers) may use it; units manage through pages."""

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_add_permission(self, request, *args):
        return request.user.is_active and request.user.is_superuser


class MembershipInline(SuperuserOnly, admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["organization"]
    verbose_name = _("đơn vị và vai trò")
    verbose_name_plural = _("đơn vị và vai trò")


class ApiTokenInline(admin.TabularInline):
    model = ApiToken
    extra = 0
    can_delete = True
    fields = ["name", "prefix", "created_at", "last_used_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        # A token is shown once, on the user's own page; the admin can only revoke.
        return False


if admin.site.is_registered(User):
    admin.site.unregister(User)


@admin.register(User)
class UserAdmin(SuperuserOnly, BaseUserAdmin):
    inlines = [MembershipInline, ApiTokenInline]
    list_display = ["username", "first_name", "last_name", "email", "is_staff", "is_active", "units"]

    @admin.display(description=_("đơn vị"))
    def units(self, obj):
        return "; ".join(f"{m.organization.name} ({m.get_role_display()})" for m in obj.memberships.all())

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("memberships__organization")


@admin.register(Membership)
class MembershipAdmin(SuperuserOnly, admin.ModelAdmin):
    list_display = ["user", "organization", "role"]
    list_filter = ["role"]
    search_fields = ["user__username", "organization__name", "organization__name_folded"]
    autocomplete_fields = ["user", "organization"]
    list_select_related = ["user", "organization"]


@admin.register(ApiToken)
class ApiTokenAdmin(SuperuserOnly, admin.ModelAdmin):
    list_display = ["name", "user", "prefix", "created_at", "last_used_at"]
    search_fields = ["name", "user__username", "prefix"]
    readonly_fields = ["user", "name", "prefix", "created_at", "last_used_at"]

    def has_add_permission(self, request):
        return False

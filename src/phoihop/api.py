"""The versioned REST API: one NinjaAPI with a router per app, all behind token or session authentication."""

from django.utils import timezone
from ninja import NinjaAPI
from ninja.security import APIKeyHeader, HttpBearer, django_auth

from phoihop.accounts.models import ApiToken, Membership
from phoihop.core import permissions
from phoihop.core.sql import Select
from phoihop.orgs.models import Organization

# The token, its user and the user's memberships with their organisations: one statement for what every API call's
# permission checks need.
_TOKEN = Select(
    ApiToken,
    "t.key_hash = %s",
    related=("user",),
    outer=(
        (Membership, "m", f"LEFT JOIN {Membership._meta.db_table} m ON m.user_id = t.user_id"),
        (Organization, "o", f"LEFT JOIN {Organization._meta.db_table} o ON o.id = m.organization_id"),
    ),
)


class TokenAuth(HttpBearer):
    """`Authorization: Bearer ph_…`; the user is put on request.user so permission checks are the page ones."""

    def authenticate(self, request, token):
        if not token:
            return None
        rows = _TOKEN.rows([ApiToken.hash(token)])
        if not rows or not rows[0][0].user.is_active:
            return None
        token_row = rows[0][0]
        memberships = []
        for _token, membership, organization in rows:
            if membership is not None:
                membership.organization = organization
                memberships.append(membership)
        permissions.remember_memberships(token_row.user, memberships)
        now = timezone.now()
        # One write a minute at most: a busy client should not turn every read into a write.
        if token_row.last_used_at is None or (now - token_row.last_used_at).total_seconds() > 60:
            ApiToken.objects.filter(pk=token_row.pk).update(last_used_at=now)
        request.user = token_row.user
        return token_row.user


class HeaderTokenAuth(APIKeyHeader):
    param_name = "X-API-Key"

    def authenticate(self, request, key):
        if not key:
            return None
        return TokenAuth().authenticate(request, key)


api = NinjaAPI(
    title="phoihop API",
    version="1",
    description="API phối hợp UBND – LĐLĐ: tổ chức, văn bản phối hợp, báo cáo số liệu, tổng hợp. "
    "Mọi truy vấn chỉ trả về dữ liệu trong phạm vi đơn vị của người dùng.",
    auth=[TokenAuth(), HeaderTokenAuth(), django_auth],
    urls_namespace="api",
)


def _mount():
    from phoihop.analytics.api import router as analytics
    from phoihop.documents.api import router as documents
    from phoihop.extraction.api import router as extraction
    from phoihop.meetings.api import router as meetings
    from phoihop.orgs.api import router as orgs
    from phoihop.programs.api import router as programs
    from phoihop.registries.api import router as registries
    from phoihop.reporting.api import router as reporting

    api.add_router("/organizations", orgs)
    api.add_router("/agreements", programs)
    api.add_router("/reporting", reporting)
    api.add_router("/analytics", analytics)
    api.add_router("/registries", registries)
    api.add_router("/meetings", meetings)
    api.add_router("/documents", documents)
    api.add_router("/extraction", extraction)


_mount()

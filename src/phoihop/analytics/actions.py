"""The analytics app's writes: campaign boards (one path for admin, demo and API alike) and roll-up rebuilds."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction

from phoihop.core import permissions
from phoihop.core.changelog import record, snapshot
from phoihop.core.models import ChangeLogEntry

from .models import Campaign


class CampaignError(ValueError):
    """A campaign that cannot be saved as given; the message says which field to fix, in Vietnamese."""


@transaction.atomic
def save_campaign(
    user,
    *,
    slug: str,
    title: str,
    indicator,
    period,
    owner,
    organizations: list,
    target: Decimal | None = None,
    target_label: str = "",
    agreement=None,
    source: str = "",
) -> Campaign:
    """Create or change a campaign board; the owner unit's editors (or those above) may do it. user=None is
    trusted system code (the demo)."""
    if user is not None and not permissions.can(user, "edit", owner):
        raise PermissionDenied(f"Bạn không có quyền lập bảng theo dõi cho «{owner}».")
    if not title.strip():
        raise CampaignError("Nhập tên phong trào, chương trình (trường «tên»).")
    if not organizations:
        raise CampaignError("Chọn ít nhất một đơn vị tham gia (trường «các đơn vị tham gia»).")
    if target is not None and target <= 0:
        raise CampaignError("Chỉ tiêu chung phải là số dương (trường «chỉ tiêu chung»).")
    campaign = Campaign.objects.filter(slug=slug).first()
    before = snapshot(campaign) if campaign else None
    if campaign is None:
        campaign = Campaign(slug=slug, created_by=permissions.actor(user))
    campaign.title, campaign.indicator, campaign.period, campaign.owner = (
        title.strip(),
        indicator,
        period,
        owner,
    )
    campaign.target, campaign.target_label, campaign.agreement, campaign.source = (
        target,
        target_label,
        agreement,
        source,
    )
    campaign.full_clean(exclude=["organizations", "created_by", "updated_by"])
    campaign.save()
    campaign.organizations.set(organizations)
    record(campaign, ChangeLogEntry.Action.UPDATE if before else ChangeLogEntry.Action.CREATE, user, before)
    return campaign


def rebuild_rollup(report=None) -> float:
    """Recompute the whole roll-up (after a bulk load with the triggers off); returns the seconds it took."""
    from .rollup import rebuild

    return rebuild(report=report)

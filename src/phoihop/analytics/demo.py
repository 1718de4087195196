"""Demo dashboards: the one-million-initiatives campaign board (seed 004) and content areas linked to indicators.

Reads ctx["orgs"] (tld, hn_union, hp_union, qn_union), ctx["agreements"] (fed3_2022 and every agreement with
content areas), ctx["indicators"] and ctx["periods"]["2022-H1"] when present (falls back to the database).
Puts into ctx["campaigns"]["one_million_initiatives"]. Links each content area of an agreement to the
indicators of its theme that its parties reported within the agreement's period, so the agreement dashboards
show them by content area.
Then brings the roll-up up to date, so the first page view is fast.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import Q

from phoihop.orgs.models import Organization
from phoihop.reporting.choices import PeriodKind
from phoihop.reporting.models import DataValue, Indicator, Period

from .actions import save_campaign
from .models import Campaign
from .rollup import drain

CAMPAIGN_SLUG = "1-trieu-sang-kien"
SEED_FED3 = (
    "Hội nghị giao ban 3 LĐLĐ Hà Nội, Hải Phòng, Quảng Ninh 6 tháng đầu năm 2022 (laodongthudo.vn, 27/6/2022): "
    "số sáng kiến đăng ký thành công tính đến ngày 24/6/2022"
)
# Words of a content area's title → the indicator themes it covers.
AREA_THEMES = [
    (("thi đua", "sáng kiến", "khen thưởng"), ("emulation", "commendation")),
    (("chăm lo", "phúc lợi", "quyền", "an sinh", "đời sống"), ("welfare",)),
    (("dân chủ", "hội nghị cán bộ", "đối thoại"), ("democracy",)),
    (("tuyên truyền", "pháp luật", "phổ biến"), ("legal",)),
    (("đoàn viên", "công đoàn cơ sở", "cđcs"), ("organisation",)),
    (("kinh phí",), ("finance",)),
    (("an toàn", "vệ sinh lao động"), ("safety",)),
    (("thanh tra", "kiểm tra", "thỏa ước", "quan hệ lao động"), ("labour_relations",)),
]


def _org(ctx: dict, key: str, name_contains: str) -> Organization | None:
    return ctx.get("orgs", {}).get(key) or Organization.objects.filter(name__icontains=name_contains).first()


def _campaign(ctx: dict) -> Campaign | None:
    indicator = (
        ctx.get("indicators", {}).get("initiatives_registered")
        or Indicator.objects.filter(code="initiatives_registered").first()
    )
    owner = _org(ctx, "tld", "Tổng Liên đoàn")
    members = [
        _org(ctx, "hn_union", "Liên đoàn Lao động thành phố Hà Nội"),
        _org(ctx, "hp_union", "Liên đoàn Lao động thành phố Hải Phòng"),
        _org(ctx, "qn_union", "Liên đoàn Lao động tỉnh Quảng Ninh"),
    ]
    if indicator is None or owner is None or not all(members):
        return None
    period = (
        ctx.get("periods", {}).get("2022-H1")
        or Period.objects.get_or_create(
            kind=PeriodKind.HALF_YEAR, start=dt.date(2022, 1, 1), end=dt.date(2022, 6, 30)
        )[0]
    )
    return save_campaign(
        None,
        slug=CAMPAIGN_SLUG,
        title="Chương trình 1 triệu sáng kiến – LĐLĐ Hà Nội, Hải Phòng, Quảng Ninh",
        indicator=indicator,
        period=period,
        owner=owner,
        organizations=members,
        agreement=ctx.get("agreements", {}).get("fed3_2022"),
        target=Decimal(1_000_000),
        target_label="Chỉ tiêu 1 triệu sáng kiến toàn quốc (2021-2023)",
        source=SEED_FED3,
    )


def _link_content_areas(ctx: dict) -> int:
    """Each content area gets the indicators of its themes that the agreement's parties have figures for."""
    links = 0
    for agreement in ctx.get("agreements", {}).values():
        areas = list(agreement.content_areas.all())
        if not areas:
            continue
        q = Q(pk__in=[])
        for party in agreement.parties.all():
            q |= Q(organization__path__startswith=party.path)
        # Only figures inside the agreement's own period: an older programme's figures are not this one's.
        within = Q(period__start__year__gte=agreement.period_start_year) & Q(
            period__end__year__lte=agreement.period_end_year
        )
        reported = set(DataValue.objects.filter(q & within).values_list("indicator_id", flat=True).distinct())
        for area in areas:
            title = area.title.lower()
            themes = {t for words, ts in AREA_THEMES if any(w in title for w in words) for t in ts}
            indicators = Indicator.objects.filter(theme__in=themes, pk__in=reported)
            area.indicators.add(*indicators)
            links += indicators.count()
    return links


def load(ctx: dict) -> None:
    campaign = _campaign(ctx)
    ctx.setdefault("campaigns", {})
    if campaign is not None:
        ctx["campaigns"]["one_million_initiatives"] = campaign
    _link_content_areas(ctx)
    drain()


def reset() -> None:
    Campaign.objects.all().delete()

"""What the pivot page offers to pick: indicators by theme, the user's units, areas old and new, options."""

from __future__ import annotations

from itertools import groupby

from django.utils.translation import gettext_lazy as _

from phoihop.orgs.models import AdminUnit, Organization
from phoihop.reporting.choices import Theme
from phoihop.reporting.models import DisaggregationOption, Indicator

from .choices import Measure
from .groups import _paths_q, default_roots
from .pivot import PivotSpec

MAX_ORG_CHOICES = 400

AXIS_CHOICES = [
    ("indicator", _("Chỉ tiêu")),
    ("organization", _("Đơn vị, địa bàn")),
    ("period", _("Kỳ")),
    ("option", _("Phân tổ")),
]
LEVEL_CHOICES = [
    ("", _("Từng đơn vị đã chọn")),
    ("children", _("Đơn vị trực thuộc")),
    ("province", _("Cấp tỉnh, thành phố")),
    ("district", _("Cấp quận, huyện")),
    ("commune", _("Cấp xã, phường")),
    ("grassroots", _("Cơ sở")),
]
KIND_CHOICES = [
    ("year", _("Năm")),
    ("half_year", _("6 tháng")),
    ("quarter", _("Quý")),
    ("month", _("Tháng")),
    ("programme", _("Giai đoạn")),
]


def pivot_choices(user, spec: PivotSpec) -> dict:
    indicators = list(Indicator.objects.filter(is_active=True).order_by("theme", "order", "code"))
    themes = dict(Theme.choices)
    indicator_groups = [
        (themes.get(theme, theme), list(items)) for theme, items in groupby(indicators, key=lambda i: i.theme)
    ]
    roots = default_roots(user)
    orgs: list[Organization] = []
    if roots:
        base = min(r.depth for r in roots)
        near = (
            Organization.objects.filter(_paths_q(roots)).only("pk", "name", "depth", "path").order_by("path")
        )
        # Two levels below the user's units when that stays short, one level otherwise (a whole country's
        # districts would not fit a list); any unit can still be reached from the dashboards or by link.
        orgs = list(near.filter(depth__lte=base + 2)[: MAX_ORG_CHOICES + 1])
        if len(orgs) > MAX_ORG_CHOICES:
            orgs = list(near.filter(depth__lte=base + 1)[:MAX_ORG_CHOICES])
        for o in orgs:
            o.indent = "— " * (o.depth - base)
    chosen = {int(x) for x in spec.organizations if x.isdigit()}
    missing = chosen - {o.pk for o in orgs}
    if missing:
        extra = list(Organization.objects.filter(pk__in=missing).only("pk", "name", "depth", "path"))
        for o in extra:
            o.indent = ""
        orgs = extra + orgs
    areas = list(
        AdminUnit.objects.filter(level="province")
        .order_by("is_legacy", "name")
        .only("pk", "name", "is_legacy", "level", "parent_id", "province_id")
    )
    wanted_areas = {int(x) for x in spec.areas if x.isdigit()} - {a.pk for a in areas}
    if wanted_areas:
        areas = (
            list(AdminUnit.objects.filter(pk__in=wanted_areas).select_related("parent", "province")) + areas
        )
    options = list(
        DisaggregationOption.objects.select_related("disaggregation").order_by("disaggregation", "order")
    )
    return {
        "indicator_groups": indicator_groups,
        "org_choices": orgs,
        "area_choices": areas,
        "option_choices": options,
        "axis_choices": AXIS_CHOICES,
        "level_choices": LEVEL_CHOICES,
        "kind_choices": KIND_CHOICES,
        "measure_choices": Measure.choices,
        "selected": {
            "ind": set(spec.indicators),
            "org": {str(x) for x in spec.organizations},
            "area": {str(x) for x in spec.areas},
            "opt": set(spec.options),
        },
    }

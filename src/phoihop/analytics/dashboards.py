"""What the dashboards show, assembled from the engine: per agreement, per unit, and campaign boards."""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext as _

from phoihop.core.formatting import vn_number, vn_percent
from phoihop.orgs.models import Organization
from phoihop.reporting.choices import Theme
from phoihop.reporting.models import DataValue, Indicator

from . import charts
from .engine import Query, Row, run
from .groups import restrict
from .measures import achievement
from .models import Campaign, RollupCell
from .periods import PeriodSpec
from .rollup import _internal, drain

MAX_CHARTS = 8


@dataclass
class Chart:
    """A chart drawn on demand: inline SVG on the page, PNG for download (same data)."""

    key: str
    title: str
    draw: Callable[[str], bytes]

    def svg_data_uri(self) -> str:
        return "data:image/svg+xml;base64," + base64.b64encode(self.draw("svg")).decode()


@dataclass
class IndicatorLine:
    indicator: Indicator
    total: Row | None
    options: list[Row] = field(default_factory=list)
    trend: list[Row | None] = field(default_factory=list)

    @property
    def breakdown(self) -> str:
        """ "1.065 / 145 / 9 (cấp cơ sở / cấp quận, huyện / cấp thành phố, tỉnh)" """
        parts = [r for r in self.options if r.value is not None and r.key.get("option")]
        if not parts:
            return ""
        values = " / ".join(vn_number(r.value) for r in parts)
        labels = " / ".join(r.key["option_label"] for r in parts)
        return f"{values} ({labels})"

    def _text(self, r: Row | None) -> str:
        """A figure as documents write it, ranges included: "100%", "67 – 74%", "1.065"."""
        if r is None or r.value is None:
            return "–"
        fmt = vn_percent if self.indicator.value_type == "ratio" else vn_number
        if r.value_high is not None and r.value_high != r.value:
            return f"{vn_number(r.value)} – {fmt(r.value_high)}"
        return fmt(r.value)

    @property
    def value_text(self) -> str:
        return self._text(self.total)

    @property
    def trend_texts(self) -> list[str]:
        return [self._text(r) for r in self.trend]


@dataclass
class Section:
    title: str
    lines: list[IndicatorLine]
    chart: Chart | None = None


def indicators_with_data(roots: list[Organization], span: PeriodSpec) -> list[Indicator]:
    """Indicators with figures in the roots' subtrees inside the span: from the roll-up for units with units
    below (their cells cover the subtree), from the values themselves for the others."""
    if not roots:
        return []
    drain()
    internal = _internal([r.pk for r in roots])
    ids = set(
        RollupCell.objects.filter(
            organization_id__in=internal, span__start__gte=span.start, span__end__lte=span.end
        ).values_list("indicator_id", flat=True)
    )
    leaves = [r.pk for r in roots if r.pk not in internal]
    # A unit's own figures may sit on a period longer than any span (e.g. a programme period not yet a span).
    ids |= set(
        DataValue.objects.filter(
            organization_id__in=leaves + list(internal),
            period__start__gte=span.start,
            period__end__lte=span.end,
        ).values_list("indicator_id", flat=True)
    )
    return list(Indicator.objects.filter(pk__in=ids).select_related("disaggregation"))


def _lines(indicators, roots, span: PeriodSpec, years: list[PeriodSpec], user) -> list[IndicatorLine]:
    if not indicators or not roots:
        return []
    codes = [i.code for i in indicators]
    orgs = [r.pk for r in roots]
    totals = run(
        Query(
            indicators=codes,
            organizations=orgs,
            periods=[span],
            group_by=("indicator",),
            with_targets=True,
            with_previous=False,
        ),
        user,
    )
    by_option = run(
        Query(indicators=codes, organizations=orgs, periods=[span], group_by=("indicator", "option")), user
    )
    trend = (
        run(
            Query(indicators=codes, organizations=orgs, periods=years, group_by=("indicator", "period")), user
        )
        if len(years) > 1
        else None
    )
    lines = []
    for ind in indicators:
        line = IndicatorLine(ind, totals.row(indicator=ind.code))
        if ind.disaggregation_id:
            line.options = [r for r in by_option.rows if r.key["indicator"] == ind.code]
        if trend is not None:
            line.trend = [trend.row(indicator=ind.code, period=y.code) for y in years]
        lines.append(line)
    return lines


def _section_chart(key: str, title: str, lines: list[IndicatorLine], years: list[PeriodSpec]) -> Chart | None:
    with_targets = [ln for ln in lines if ln.total and ln.total.achievement is not None]
    if with_targets:
        cats = [ln.indicator.label for ln in with_targets]
        vals = [ln.total.achievement for ln in with_targets]
        return Chart(
            key,
            _("%(title)s: tỷ lệ đạt chỉ tiêu") % {"title": title},
            lambda fmt: charts.bar_chart(
                cats,
                {_("Đạt chỉ tiêu (%)"): vals},
                title=_("Tỷ lệ đạt chỉ tiêu (%)"),
                percent=True,
                target=100,
                target_label=_("Chỉ tiêu (100%)"),
                fmt=fmt,
            ),
        )
    stacked = [ln for ln in lines if len([o for o in ln.options if o.key.get("option")]) > 1]
    if stacked:
        labels: list[str] = []
        for ln in stacked:
            for o in ln.options:
                if o.key.get("option") and o.key["option_label"] not in labels:
                    labels.append(o.key["option_label"])
        cats = [ln.indicator.label for ln in stacked]
        series = {
            lab: [next((o.value for o in ln.options if o.key["option_label"] == lab), None) for ln in stacked]
            for lab in labels
        }
        return Chart(
            key,
            _("%(title)s: theo cấp") % {"title": title},
            lambda fmt: charts.stacked_chart(
                cats, series, title=_("Kết quả theo cấp công nhận"), horizontal=True, fmt=fmt
            ),
        )
    trending = [ln for ln in lines if sum(1 for r in ln.trend if r is not None and r.value is not None) >= 2]
    if trending:
        unit = trending[0].indicator.unit
        same = [ln for ln in trending if ln.indicator.unit == unit][:4]
        series = {ln.indicator.label: [r.value if r else None for r in ln.trend] for ln in same}
        return Chart(
            key,
            _("%(title)s: diễn biến") % {"title": title},
            lambda fmt: charts.line_chart(
                [y.short_display for y in years],
                series,
                title=_("Diễn biến qua các năm"),
                percent=same[0].indicator.value_type == "ratio",
                fmt=fmt,
            ),
        )
    return None


def agreement_board(agreement, user) -> dict:
    """Each content area's indicators over the agreement's period, against targets, with the yearly trend."""
    start, end = agreement.period_start_year, agreement.period_end_year
    span = PeriodSpec.year(start) if start == end else PeriodSpec.programme(start, end)
    years = [PeriodSpec.year(y) for y in range(start, end + 1)]
    roots = restrict(agreement.parties.all(), user)
    areas = list(agreement.content_areas.prefetch_related("indicators"))
    linked = {i.pk for a in areas for i in a.indicators.all()}
    with_data = indicators_with_data(roots, span)
    sections: list[Section] = []
    if linked:
        for area in areas:
            inds = list(area.indicators.all())
            if inds:
                sections.append(
                    Section(f"{area.order}. {area.title}", _lines(inds, roots, span, years, user))
                )
    rest = [i for i in with_data if i.pk not in linked]
    by_theme: dict[str, list[Indicator]] = {}
    for ind in sorted(rest, key=lambda i: (i.theme, i.order, i.code)):
        by_theme.setdefault(ind.theme, []).append(ind)
    for theme, inds in by_theme.items():
        sections.append(Section(Theme(theme).label, _lines(inds, roots, span, years, user)))
    for n, section in enumerate(sections):
        if n < MAX_CHARTS:
            section.chart = _section_chart(f"s{n}", section.title, section.lines, years)
    return {"span": span, "years": years, "roots": roots, "sections": sections}


def unit_board(org: Organization, user, span: PeriodSpec, indicator: Indicator | None = None) -> dict:
    """A unit's figures over a span (by year), and one indicator broken down by the units directly below."""
    years = [PeriodSpec.year(y) for y in range(span.start.year, span.end.year + 1)]
    inds = indicators_with_data([org], span)
    lines = _lines(sorted(inds, key=lambda i: (i.theme, i.order, i.code)), [org], span, years, user)
    chosen = indicator or (lines[0].indicator if lines else None)
    chart = breakdown = None
    if chosen is not None and Organization.objects.filter(parent=org).exists():
        breakdown = run(
            Query(
                indicators=[chosen.code],
                organizations=[org.pk],
                periods=[span],
                group_by=("organization",),
                level="children",
                with_targets=True,
            ),
            user,
        )
        rows = [r for r in breakdown.rows if r.value is not None][:30]
        if rows:
            cats = [r.key["organization_label"] for r in rows]
            vals = [r.value for r in rows]
            chart = Chart(
                "children",
                _("%(indicator)s theo đơn vị trực thuộc") % {"indicator": chosen.label},
                lambda fmt: charts.bar_chart(
                    cats,
                    {chosen.label: vals},
                    title=f"{chosen.label} – {span.display}",
                    percent=chosen.value_type == "ratio",
                    fmt=fmt,
                ),
            )
    trend_chart = None
    if lines:
        trend_chart = _section_chart("trend", org.name, lines, years)
    return {
        "span": span,
        "years": years,
        "lines": lines,
        "chosen": chosen,
        "breakdown": breakdown,
        "chart": chart,
        "trend_chart": trend_chart,
    }


def shares_campaign(campaign: Campaign, user) -> bool:
    """Does the user speak for a participant? Participants compare their totals at their joint briefings (Hà Nội
    51.500, Hải Phòng 18.500, Quảng Ninh 5.852 sáng kiến), so the people of a participant, or of a unit above one,
    see every participant's total on the board. A unit below a participant sees only its own part."""
    from phoihop.core import permissions

    return permissions.speaks_for_any(user, campaign.organizations.all())


def campaign_board(campaign: Campaign, user) -> dict:
    """The campaign's organisations against their targets and the common target, with a chart.

    Only the participants' own totals of the campaign's indicator and period are shared between participants:
    nothing below them, and no other figure."""
    shared = shares_campaign(campaign, user)
    orgs = list(campaign.organizations.all()) if shared else restrict(campaign.organizations.all(), user)
    code = campaign.indicator.code
    result = (
        run(
            Query(
                indicators=[code],
                organizations=[o.pk for o in orgs],
                periods=[campaign.period.pk],
                group_by=("organization",),
                with_targets=True,
            ),
            None if shared else user,  # shared: the participants' totals, whoever's subtree they are
        )
        if orgs
        else None
    )
    rows = result.rows if result else []
    total = result.total(())[0] if result and result.rows else None
    reached = total.value if total else None
    share = achievement(reached, campaign.target)
    labels = [r.key["organization_label"] for r in rows]
    values = [r.value for r in rows]
    targets = [r.target for r in rows]
    chart = None
    if rows:
        chart = Chart(
            "campaign",
            campaign.title,
            lambda fmt: charts.bar_chart(
                labels,
                {campaign.indicator.label: values},
                title=f"{campaign.title} – {campaign.period.display}",
                target=targets if any(t is not None for t in targets) else None,
                target_label=_("Chỉ tiêu của đơn vị"),
                fmt=fmt,
            ),
        )
    notes = list(result.notes) if result else []
    if {o.pk for o in orgs} != set(campaign.organizations.values_list("pk", flat=True)):
        notes.insert(0, "Chỉ tính phần số liệu thuộc phạm vi đơn vị của bạn.")
    return {"rows": rows, "total": total, "share": share, "chart": chart, "notes": notes}


def visible_campaigns(user):
    from phoihop.core import permissions

    qs = Campaign.objects.select_related("indicator", "period", "owner")
    if permissions.is_global(user):
        return qs
    inside = permissions.subtree_q(user, "view", "organizations__path")
    if inside is None:
        return qs.none()
    # Also campaigns of the units above, which the user's own units take part in.
    above = Q(organizations__path__in=permissions.ancestor_paths(user))
    return qs.filter(pk__in=Campaign.objects.filter(inside | above).values("pk"))

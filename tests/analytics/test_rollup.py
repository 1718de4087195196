"""The roll-up tables answer exactly as the base tables do, and stay so through every kind of change."""

import random

import pytest

from phoihop.analytics import testing as t
from phoihop.analytics import triggers
from phoihop.analytics.engine import Query, run
from phoihop.analytics.models import PendingChange, RollupCell
from phoihop.analytics.rollup import drain, rebuild
from phoihop.core.testing import make_org
from phoihop.orgs.choices import OrgKind, OrgLevel
from phoihop.reporting.choices import ReportStatus
from phoihop.reporting.models import DataValue, Indicator, Report

CODES = ["good_workers", "initiatives_registered", "workers_conference_rate", "gifts_count"]
PERIODS = ["2019", "2019-H1", "2019-H2", "2019-03", "2020", "2020-H1", "2019-2020"]
STATES = [ReportStatus.APPROVED] * 3 + [ReportStatus.SUBMITTED, ReportStatus.DRAFT]


@pytest.fixture
def big(world):
    rng = random.Random(20250701)
    root = world.city_union
    units = [world.hbt_union, world.md_union, world.hbt_grassroots]
    for i in range(3):
        district = make_org(f"LĐLĐ quận thử {i}", parent=root)
        units.append(district)
        for j in range(3):
            units.append(
                make_org(
                    f"CĐCS {i}.{j}", kind=OrgKind.GRASSROOTS_UNION, level=OrgLevel.GRASSROOTS, parent=district
                )
            )
    units.append(
        make_org(
            "CĐCS trực thuộc thành phố", kind=OrgKind.GRASSROOTS_UNION, level=OrgLevel.GRASSROOTS, parent=root
        )
    )
    for org in units:
        for code in CODES:
            for period in rng.sample(PERIODS, 3):
                status = rng.choice(STATES)
                if code == "good_workers":
                    for option in rng.sample(["grassroots", "district", "city"], 2):
                        t.value(org, code, period, rng.randint(1, 50), option, status=status)
                elif code == "workers_conference_rate":
                    den = rng.randint(5, 20)
                    num = rng.randint(0, den)
                    t.value(org, code, period, 100 * num / den, numerator=num, denominator=den, status=status)
                else:
                    t.value(org, code, period, rng.randint(1, 500), status=status)
    world.units = units
    world.rng = rng
    return world


QUERIES = [
    dict(group_by=("indicator", "period"), periods=PERIODS),
    dict(group_by=("indicator", "organization", "period"), periods=["2019", "2019-2020"], level="children"),
    dict(group_by=("indicator", "option", "organization"), periods=["2020"], level="grassroots"),
    dict(
        group_by=("indicator", "organization"),
        periods=["2019-H1", "2019"],
        include_submitted=True,
        level="district",
    ),
    dict(group_by=("indicator", "period"), periods=["2018", "2019-Q1", "2021"]),
]


def assert_same(world):
    for spec in QUERIES:
        query = Query(indicators=CODES, organizations=[world.city_union.pk], **spec)
        fast = run(query)
        slow = run(Query(**{**query.__dict__, "use_rollup": False}))
        got = [(r.key, r.value, r.numerator, r.denominator, r.units_reporting) for r in fast.rows]
        want = [(r.key, r.value, r.numerator, r.denominator, r.units_reporting) for r in slow.rows]
        assert got == want, spec
        assert got, spec


def test_rollup_and_base_tables_agree_on_random_data(big):
    assert_same(big)
    assert RollupCell.objects.exists()
    assert not PendingChange.objects.exists()


def test_they_agree_after_approvals_edits_deletions_and_returns(big):
    assert_same(big)
    for report in Report.objects.filter(status=ReportStatus.SUBMITTED)[:5]:
        t.approve(report)
    gifts = DataValue.objects.filter(indicator__code="gifts_count").order_by("pk")
    DataValue.objects.filter(pk__in=list(gifts.values_list("pk", flat=True)[:7])).update(value=999)
    workers = DataValue.objects.filter(indicator__code="good_workers").order_by("-pk")
    DataValue.objects.filter(pk__in=list(workers.values_list("pk", flat=True)[:5])).delete()
    drafts = list(
        Report.objects.filter(status=ReportStatus.DRAFT).order_by("pk").values_list("pk", flat=True)[:3]
    )
    Report.objects.filter(pk__in=drafts).update(status=ReportStatus.SUBMITTED)
    assert_same(big)


def test_they_agree_after_units_move_and_new_units_appear(big):
    assert_same(big)
    moved = big.units[4]  # a test district with its grassroots unions
    moved.parent = big.md_union
    moved.save()
    leaf = big.units[-1]
    make_org("Tổ công đoàn mới", kind=OrgKind.GRASSROOTS_UNION, level=OrgLevel.GRASSROOTS, parent=leaf)
    assert_same(big)


def test_a_programme_period_added_later_is_filled_in(big):
    t.period("2018-2020")
    query = Query(indicators=CODES, organizations=[big.city_union.pk], periods=["2018-2020"])
    fast = run(query)
    slow = run(Query(**{**query.__dict__, "use_rollup": False}))
    assert [(r.key, r.value) for r in fast.rows] == [(r.key, r.value) for r in slow.rows]
    assert RollupCell.objects.filter(span__start__year=2018, span__end__year=2020).exists()


def test_changing_an_indicators_rule_recomputes_it(big):
    assert_same(big)
    Indicator.objects.filter(code="gifts_count").update(aggregation="max")
    assert_same(big)


def test_an_approval_is_visible_to_the_next_query(world):
    gr = world.hbt_grassroots
    value = t.value(gr, "gifts_count", "2021", 42, status=ReportStatus.SUBMITTED)
    query = Query(indicators=["gifts_count"], organizations=[world.city_union.pk], periods=["2021"])
    assert run(query).rows == []
    t.approve(value.report)
    assert run(query).rows[0].value == 42


def test_rebuild_from_scratch_gives_the_same_cells(big):
    run(Query(indicators=CODES, organizations=[big.city_union.pk], periods=PERIODS))
    before = sorted(
        RollupCell.objects.values_list(
            "organization_id",
            "indicator_id",
            "span_id",
            "option_key",
            "state",
            "total",
            "num",
            "den",
            "n",
            "units",
        )
    )
    rebuild()
    after = sorted(
        RollupCell.objects.values_list(
            "organization_id",
            "indicator_id",
            "span_id",
            "option_key",
            "state",
            "total",
            "num",
            "den",
            "n",
            "units",
        )
    )
    assert before == after


def test_triggers_dropped_by_a_migration_are_put_back_and_force_a_rebuild(big):
    drain()
    triggers.remove()
    assert triggers.installed() == set()
    assert triggers.install() is True
    assert triggers.installed() == set(triggers.NAMES)
    assert triggers.install() is False


def test_the_rebuild_command_recomputes_everything_and_reports_it(big):
    import io

    from django.core.management import call_command

    run(Query(indicators=CODES, organizations=[big.city_union.pk], periods=PERIODS))
    RollupCell.objects.all().delete()
    out = io.StringIO()
    call_command("analytics_rebuild", stdout=out)
    assert "ô cộng dồn" in out.getvalue()
    assert_same(big)

"""Registry figures are recomputed in the same transaction as every write and read by the analytics engine."""

import datetime as dt
from decimal import Decimal

from django.db.models import Sum

from phoihop.registries import testing as t
from phoihop.registries.actions import delete_record, save_record
from phoihop.registries.compute import recompute_all
from phoihop.registries.models import ComputedValue
from phoihop.registries.registry import get_registry
from phoihop.reporting.models import Period


def _value(code, org, period, option=None):
    qs = ComputedValue.objects.filter(
        indicator__code=code, organization__path__startswith=org.path, period=period
    )
    if option:
        qs = qs.filter(option__code=option)
    return qs.aggregate(v=Sum("value"))["v"]


def test_an_initiative_counts_in_every_period_that_contains_its_date(hbt):
    programme = Period.for_programme(2017, 2020)
    obj = save_record(
        get_registry("sang-kien"),
        hbt.alice,
        {"title": "Giải pháp A", "authors": "An", "unit": hbt.enterprise.pk, "recognised_date": "3/4/2019",
         "recognition_level": "district", "benefit_vnd": "20 triệu"},
    )  # fmt: skip
    year = Period.for_year(2019)
    assert _value("initiatives_recognised", hbt.hbt_union, year, "district") == 1
    assert _value("initiatives_recognised", hbt.hbt_union, programme, "district") == 1
    assert _value("initiative_benefit_vnd", hbt.hbt_union, programme) == 20_000_000
    assert _value("initiatives_recognised", hbt.md_union, programme) is None
    # The figure belongs to the unit itself; its federation gets it by adding up its subtree.
    assert (
        ComputedValue.objects.get(indicator__code="initiatives_recognised", period=year).organization
        == hbt.enterprise
    )

    save_record(
        get_registry("sang-kien"), hbt.alice, {"recognition_level": "city"}, instance=obj, partial=True
    )
    assert _value("initiatives_recognised", hbt.hbt_union, year, "district") is None
    assert _value("initiatives_recognised", hbt.hbt_union, year, "city") == 1

    delete_record(get_registry("sang-kien"), hbt.alice, obj)
    assert not ComputedValue.objects.filter(indicator__code="initiatives_recognised").exists()


def test_conference_rate_is_held_over_required(hbt):
    others = [t.make_enterprise(hbt.hbt_union) for _ in range(2)]
    registry = get_registry("quan-he-lao-dong")
    for org, held in ((hbt.enterprise, "15/3/2019"), (others[0], "20/3/2019"), (others[1], "")):
        save_record(registry, hbt.alice, {"organization": org.pk, "year": 2019, "conference_date": held})
    year = Period.for_year(2019)
    cells = ComputedValue.objects.filter(indicator__code="workers_conference_rate", period=year)
    assert sum(c.numerator for c in cells) == 2 and sum(c.denominator for c in cells) == 3
    assert not ComputedValue.objects.filter(
        indicator__code="workers_conference_rate", period=Period.for_half(2019, 1)
    )


def test_moving_a_decision_date_moves_its_recipients(hbt):
    decision = t.make_commendation(hbt.hbt_union, hbt.hbt_gov, decision_date=dt.date(2019, 12, 20))
    save_record(
        get_registry("khen-thuong"),
        hbt.alice,
        {"commendation": decision.pk, "kind": "collective", "organization": hbt.enterprise.pk},
    )
    assert _value("collectives_commended", hbt.hbt_union, Period.for_year(2019)) == 1
    save_record(
        get_registry("quyet-dinh-khen-thuong"),
        hbt.alice,
        {"decision_date": "5/1/2020"},
        instance=decision,
        partial=True,
    )
    assert _value("collectives_commended", hbt.hbt_union, Period.for_year(2019)) is None
    assert _value("collectives_commended", hbt.hbt_union, Period.for_year(2020)) == 1


def test_a_new_reporting_period_gets_its_figures_at_once(hbt):
    t.make_support(hbt.hbt_union, "charity_kitchen", meals=1500, date=dt.date(2021, 8, 2))
    t.make_support(hbt.hbt_union, "charity_kitchen", meals=500, date=dt.date(2021, 9, 2))
    recompute_all()
    quarter = Period.objects.create(kind="quarter", start=dt.date(2021, 7, 1), end=dt.date(2021, 9, 30))
    assert _value("meals_served", hbt.hbt_union, quarter) == 2000


def test_registrations_are_a_running_total(hbt):
    movement = t.make_movement(hbt.city_union, "Chương trình 1 triệu sáng kiến", start=dt.date(2021, 9, 1))
    for day in (dt.date(2021, 10, 1), dt.date(2022, 3, 1), dt.date(2022, 9, 1)):
        t.make_initiative(hbt.enterprise, level="", registered_date=day, movement=movement)
    recompute_all()
    assert _value("initiatives_registered", hbt.hbt_union, Period.for_half(2022, 1)) == 2
    assert _value("initiatives_registered", hbt.hbt_union, Period.for_year(2022)) == 3


def test_the_analytics_engine_reads_registry_figures(hbt):
    from phoihop.analytics.engine import Query, run

    for level in ("grassroots", "grassroots", "district"):
        t.make_recognition(hbt.enterprise, level=level, recognised_date=dt.date(2019, 4, 28))
    t.make_recognition(hbt.md_enterprise, level="grassroots", recognised_date=dt.date(2019, 4, 28))
    recompute_all()
    year = Period.for_year(2019)
    result = run(
        Query(indicators=["good_workers"], organizations=[hbt.hbt_union.pk], periods=[year.pk],
              group_by=("indicator", "option"), source="registry"),
        user=hbt.alice,
    )  # fmt: skip
    by_option = {row.key.get("option"): row.value for row in result.rows}
    assert Decimal(2) in by_option.values() and Decimal(1) in by_option.values()
    assert sum(v for k, v in by_option.items() if k) == 3

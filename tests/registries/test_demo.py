"""The demo registries hold enough records that the figures computed from them equal the seeds'."""

import importlib
from decimal import Decimal

import pytest
from django.db.models import Sum

from phoihop import demo as root
from phoihop.registries import comparison
from phoihop.registries.models import ComputedValue


@pytest.fixture
def demo_ctx(db):
    ctx: dict = {}
    for name in root.STEPS[: root.STEPS.index("phoihop.registries.demo") + 1]:
        importlib.import_module(name).load(ctx)
    return ctx


def _registry(ctx, org_key, period_key, code, option=None):
    org, period = ctx["orgs"][org_key], ctx["periods"][period_key]
    qs = ComputedValue.objects.filter(
        indicator__code=code, organization__path__startswith=org.path, period=period
    )
    if option:
        qs = qs.filter(option__code=option)
    totals = qs.aggregate(v=Sum("value"), n=Sum("numerator"), d=Sum("denominator"))
    if totals["d"]:
        return (totals["n"] * 100 / totals["d"]).quantize(Decimal("0.01"))
    return totals["v"]


SEEDS = [
    # seed 000: Hai Bà Trưng 2017-2020
    ("hbt_union", "2017-2020", "initiatives_recognised", "grassroots", 1089),
    ("hbt_union", "2017-2020", "initiatives_recognised", "district", 59),
    ("hbt_union", "2017-2020", "initiatives_recognised", "city", 7),
    ("hbt_union", "2017-2020", "good_workers", "grassroots", 1065),
    ("hbt_union", "2017-2020", "good_workers", "district", 145),
    ("hbt_union", "2017-2020", "good_workers", "city", 9),
    ("hbt_union", "2017-2020", "good_deed_examples", "grassroots", 505),
    ("hbt_union", "2017-2020", "good_deed_examples", "district", 117),
    ("hbt_union", "2017-2020", "skills_contest_units", None, 65),
    ("hbt_union", "2017-2020", "skills_contest_participants", None, 3500),
    ("hbt_union", "2017-2020", "collectives_commended", None, 16),
    ("hbt_union", "2017-2020", "public_employee_conference_rate", None, 100),
    ("hbt_union", "2017-2020", "workers_conference_rate", None, 71),
    ("hbt_union", "2017", "workers_conference_rate", None, 68),
    ("hbt_union", "2020", "workers_conference_rate", None, 74),
    # seed 001: the city, 2021
    ("city_union", "2021", "collectives_commended", None, 12),
    ("city_union", "2021", "individuals_commended", None, 17),
    ("city_union", "2021", "meals_served", None, 18000),
    ("city_union", "2021", "political_education_participants", None, 4000),
    ("city_union", "2021", "officials_trained", None, 200),
    # seed 003: Mỹ Đức 2011-2015
    ("md_union", "2011-2015", "dedicated_works", None, 3),
    ("md_union", "2011-2015", "initiatives_recognised", "grassroots", 850),
    ("md_union", "2011-2015", "initiatives_recognised", "district", 136),
    ("md_union", "2011-2015", "good_workers", None, 111),
    ("md_union", "2011-2015", "creative_initiatives", None, 74),
    ("md_union", "2011-2015", "democracy_conference_rate", None, Decimal("92.17")),
    ("md_union", "2011-2015", "gifts_vnd", None, 2_200_000_000),
    ("md_union", "2011-2015", "union_shelters", None, 11),
    ("md_union", "2011-2015", "loans_vnd", None, 3_710_000_000),
    # seed 004: one million initiatives, to 24/6/2022
    ("hn_union", "2022-H1", "initiatives_registered", None, 51500),
    ("hp_union", "2022-H1", "initiatives_registered", None, 18500),
    ("qn_union", "2022-H1", "initiatives_registered", None, 5852),
]


def test_computed_figures_equal_the_seeds_and_the_typed_reports(demo_ctx):
    got = {seed[:4]: _registry(demo_ctx, *seed[:4]) for seed in SEEDS}
    assert got == {seed[:4]: Decimal(seed[4]) for seed in SEEDS}
    # "gần 1 tỷ đồng" donated: just under a billion.
    assert (
        Decimal(900_000_000)
        < _registry(demo_ctx, "city_union", "2021", "donations_vnd")
        < Decimal(1_000_000_000)
    )
    # Wherever a unit typed a seed figure, the registry agrees with it (ranges and "hơn", "gần" included).
    for org_key, period_key in (("hbt_union", "2017-2020"), ("md_union", "2011-2015"), ("city_union", "2021"),
                                ("hn_union", "2022-H1"), ("hp_union", "2022-H1"), ("hbt_union", "2018")):  # fmt: skip
        lines = comparison.compare(demo_ctx["orgs"][org_key], demo_ctx["periods"][period_key])
        typed = [line for line in lines if line.typed is not None]
        assert typed, (org_key, period_key)
        wrong = [
            (line.indicator.code, line.typed, line.registry)
            for line in typed
            if line.status != comparison.EQUAL
        ]
        assert not wrong, (org_key, period_key, wrong)

"""The engine adds figures up the tree and over periods by each indicator's rule."""

from decimal import Decimal

import pytest

from phoihop.analytics import testing as t
from phoihop.analytics.engine import Query, run
from phoihop.core.testing import make_org
from phoihop.orgs.choices import OrgKind, OrgLevel
from phoihop.reporting.choices import ReportStatus


def D(x):
    return Decimal(str(x))


@pytest.fixture
def tree(world):
    """Hà Nội's union tree: two districts, each with grassroots unions, plus values at every level."""
    w = world
    w.hbt_gr2 = make_org(
        "CĐCS Công ty Dệt", kind=OrgKind.GRASSROOTS_UNION, level=OrgLevel.GRASSROOTS, parent=w.hbt_union
    )
    w.md_gr = make_org(
        "CĐCS Xí nghiệp Mỹ Đức", kind=OrgKind.GRASSROOTS_UNION, level=OrgLevel.GRASSROOTS, parent=w.md_union
    )
    return w


def both(query: Query, user=None):
    """Answer from the roll-up and from the base tables; they must agree."""
    fast = run(query, user)
    slow = run(Query(**{**query.__dict__, "use_rollup": False}), user)
    assert [(r.key, r.value, r.value_high, r.target, r.previous) for r in fast.rows] == [
        (r.key, r.value, r.value_high, r.target, r.previous) for r in slow.rows
    ]
    return fast


def test_sum_rolls_up_every_level_of_the_tree(tree):
    w = tree
    t.value(w.hbt_grassroots, "good_workers", "2018", 600, "grassroots")
    t.value(w.hbt_gr2, "good_workers", "2018", 465, "grassroots")
    t.value(w.hbt_union, "good_workers", "2018", 145, "district")
    t.value(w.city_union, "good_workers", "2018", 9, "city")
    t.value(w.md_gr, "good_workers", "2018", 50, "grassroots")
    result = both(
        Query(
            indicators=["good_workers"],
            organizations=[w.hbt_union.pk],
            periods=["2018"],
            group_by=("option",),
        )
    )
    assert [(r.key["option_label"], r.value) for r in result.rows] == [
        ("cấp cơ sở", 1065),
        ("cấp quận, huyện", 145),
    ]
    city = both(
        Query(
            indicators=["good_workers"],
            organizations=[w.city_union.pk],
            periods=["2018"],
            group_by=("indicator",),
        )
    )
    assert city.rows[0].value == 600 + 465 + 145 + 9 + 50
    assert city.rows[0].units_reporting == 5
    by_district = both(
        Query(
            indicators=["good_workers"],
            organizations=[w.city_union.pk],
            periods=["2018"],
            group_by=("organization",),
            level="district",
        )
    )
    assert [(r.key["organization_label"], r.value, r.rank) for r in by_district.rows] == [
        ("Liên đoàn Lao động quận Hai Bà Trưng", 1210, 1),
        ("Liên đoàn Lao động huyện Mỹ Đức", 50, 2),
    ]


def test_scope_self_counts_only_the_units_own_values(tree):
    w = tree
    t.value(w.hbt_grassroots, "good_workers", "2018", 600, "grassroots")
    t.value(w.hbt_union, "good_workers", "2018", 145, "district")
    result = run(
        Query(
            indicators=["good_workers"],
            organizations=[w.hbt_union.pk],
            periods=["2018"],
            scope="self",
            group_by=("indicator",),
        )
    )
    assert result.rows[0].value == 145


def test_ratio_of_sums_adds_numerators_and_denominators(tree):
    w = tree
    t.value(w.hbt_grassroots, "workers_conference_rate", "2019", 50, numerator=5, denominator=10)
    t.value(w.hbt_gr2, "workers_conference_rate", "2019", 100, numerator=30, denominator=30)
    row = both(
        Query(indicators=["workers_conference_rate"], organizations=[w.hbt_union.pk], periods=["2019"])
    ).rows[0]
    assert (row.value, row.numerator, row.denominator) == (D("87.5"), 35, 40)


def test_a_single_rate_reported_as_a_range_keeps_its_range(tree):
    t.value(tree.hbt_union, "workers_conference_rate", "2017-2020", 67, high=74)
    row = both(
        Query(
            indicators=["workers_conference_rate"], organizations=[tree.hbt_union.pk], periods=["2017-2020"]
        )
    ).rows[0]
    assert (row.value, row.value_high) == (67, 74)


def test_rates_without_numerators_are_not_averaged_but_explained(tree):
    t.value(tree.hbt_grassroots, "workers_conference_rate", "2019", 50)
    t.value(tree.hbt_gr2, "workers_conference_rate", "2019", 90)
    result = run(
        Query(indicators=["workers_conference_rate"], organizations=[tree.hbt_union.pk], periods=["2019"])
    )
    assert result.rows[0].value is None
    assert any("tử số" in n for n in result.notes)


def test_latest_takes_each_units_last_period_then_adds_units(tree):
    w = tree
    t.value(w.hbt_grassroots, "initiatives_registered", "2022-H1", 100)
    t.value(w.hbt_grassroots, "initiatives_registered", "2022-H2", 180)
    t.value(w.hbt_gr2, "initiatives_registered", "2022-H1", 40)
    row = both(
        Query(indicators=["initiatives_registered"], organizations=[w.hbt_union.pk], periods=["2022"])
    ).rows[0]
    assert row.value == 180 + 40


def test_max_takes_the_largest_value_in_the_subtree(tree):
    from phoihop.reporting.models import Indicator

    code = Indicator.objects.filter(aggregation="max").values_list("code", flat=True).first()
    t.value(tree.hbt_grassroots, code, "2019", 3)
    t.value(tree.hbt_gr2, code, "2019", 7)
    t.value(tree.md_gr, code, "2019", 5)
    row = both(Query(indicators=[code], organizations=[tree.city_union.pk], periods=["2019"])).rows[0]
    assert row.value == 7


def test_months_roll_into_quarters_half_years_years_and_programme_periods(tree):
    gr = tree.hbt_grassroots
    for month in range(1, 13):
        t.value(gr, "legal_education_sessions", f"2019-{month:02d}", month)
    t.value(gr, "legal_education_sessions", "2020", 100)
    query = Query(
        indicators=["legal_education_sessions"],
        organizations=[tree.hbt_union.pk],
        periods=["2019-Q1", "2019-H2", "2019", "2019-2020"],
        group_by=("period",),
    )
    values = {r.key["period"]: r.value for r in both(query).rows}
    assert values == {"2019-Q1": 6, "2019-H2": 57, "2019": 78, "2019-2020": 178}


def test_an_annual_figure_supersedes_the_same_units_half_years_but_not_other_units(tree):
    w = tree
    t.value(w.hbt_grassroots, "members_recruited", "2021-H1", 40)
    t.value(w.hbt_grassroots, "members_recruited", "2021-H2", 50)
    t.value(w.hbt_grassroots, "members_recruited", "2021", 95)  # the annual report, cumulative
    t.value(w.hbt_gr2, "members_recruited", "2021-H1", 7)
    result = both(
        Query(
            indicators=["members_recruited"],
            organizations=[w.hbt_union.pk],
            periods=["2021-H1", "2021"],
            group_by=("period",),
        )
    )
    assert [(r.key["period"], r.value) for r in result.rows] == [("2021-H1", 47), ("2021", 102)]


def test_a_total_supersedes_its_own_breakdown_but_options_still_show(tree):
    gr = tree.hbt_grassroots
    t.value(gr, "good_workers", "2018", 20)
    t.value(gr, "good_workers", "2018", 12, "grassroots")
    t.value(gr, "good_workers", "2018", 6, "district")
    total = both(Query(indicators=["good_workers"], organizations=[gr.pk], periods=["2018"])).rows[0]
    assert total.value == 20
    options = both(
        Query(indicators=["good_workers"], organizations=[gr.pk], periods=["2018"], group_by=("option",))
    )
    assert [(r.key["option_label"], r.value) for r in options.rows] == [
        ("cấp cơ sở", 12),
        ("cấp quận, huyện", 6),
        ("Không phân tổ", 20),
    ]


def test_approved_data_by_default_submitted_on_request_drafts_never(tree):
    w = tree
    t.value(w.hbt_grassroots, "gifts_count", "2020", 10)
    t.value(w.hbt_gr2, "gifts_count", "2020", 5, status=ReportStatus.SUBMITTED)
    t.value(w.md_gr, "gifts_count", "2020", 1000, status=ReportStatus.DRAFT)
    approved = both(Query(indicators=["gifts_count"], organizations=[w.city_union.pk], periods=["2020"]))
    with_submitted = both(
        Query(
            indicators=["gifts_count"],
            organizations=[w.city_union.pk],
            periods=["2020"],
            include_submitted=True,
        )
    )
    assert approved.rows[0].value == 10
    assert with_submitted.rows[0].value == 15


def test_targets_achievement_previous_period_and_change(tree):
    w = tree
    t.value(w.hbt_grassroots, "members_recruited", "2021", 80)
    t.value(w.hbt_grassroots, "members_recruited", "2022", 120)
    t.target(w.hbt_union, "members_recruited", "2022", 150)
    row = both(
        Query(
            indicators=["members_recruited"],
            organizations=[w.hbt_union.pk],
            periods=["2022"],
            with_targets=True,
            with_previous=True,
        )
    ).rows[0]
    assert (row.value, row.target, row.achievement, row.previous, row.change, row.change_percent) == (
        120,
        150,
        D("80.00"),
        80,
        40,
        D("50.00"),
    )


def test_same_period_last_year_compares_half_years_across_years(tree):
    gr = tree.hbt_grassroots
    t.value(gr, "members_recruited", "2021-H1", 10)
    t.value(gr, "members_recruited", "2021-H2", 30)
    t.value(gr, "members_recruited", "2022-H1", 15)
    previous = run(
        Query(
            indicators=["members_recruited"], organizations=[gr.pk], periods=["2022-H1"], with_previous=True
        )
    ).rows[0]
    last_year = run(
        Query(
            indicators=["members_recruited"],
            organizations=[gr.pk],
            periods=["2022-H1"],
            with_previous=True,
            same_period_last_year=True,
        )
    ).rows[0]
    assert (previous.previous, last_year.previous) == (30, 10)


def test_units_reporting_against_units_due(tree):
    w = tree
    t.form(w.city_union, [t.indicator("gifts_count")], "year", reporting_levels=[OrgLevel.GRASSROOTS])
    t.value(w.hbt_grassroots, "gifts_count", "2020", 10)
    rows = run(
        Query(
            indicators=["gifts_count"],
            organizations=[w.city_union.pk],
            periods=["2020"],
            group_by=("organization",),
            level="district",
            with_units=True,
        )
    ).rows
    assert [(r.key["organization_label"], r.units_reporting, r.units_due) for r in rows] == [
        ("Liên đoàn Lao động quận Hai Bà Trưng", 1, 2)
    ]


def test_totals_add_up_by_rule_across_units_and_periods(tree):
    w = tree
    t.value(w.hbt_grassroots, "workers_conference_rate", "2019", 50, numerator=5, denominator=10)
    t.value(w.md_gr, "workers_conference_rate", "2019", 100, numerator=10, denominator=10)
    t.value(w.md_gr, "workers_conference_rate", "2020", 50, numerator=5, denominator=10)
    result = run(
        Query(
            indicators=["workers_conference_rate"],
            organizations=[w.city_union.pk],
            periods=["2019", "2020"],
            group_by=("organization", "period"),
            level="district",
        )
    )
    by_org = {r.key["organization_label"]: r.value for r in result.total(("organization",))}
    assert by_org == {"Liên đoàn Lao động quận Hai Bà Trưng": 50, "Liên đoàn Lao động huyện Mỹ Đức": 75}
    by_period = {r.key["period"]: r.value for r in result.total(("period",))}
    assert by_period == {"2019": 75, "2020": 50}
    assert result.total(())[0].value == D("66.6667")


def test_totals_over_overlapping_units_count_each_unit_once(tree):
    w = tree
    t.value(w.hbt_grassroots, "gifts_count", "2020", 10)
    result = run(
        Query(
            indicators=["gifts_count"],
            organizations=[w.city_union.pk, w.hbt_union.pk],
            periods=["2020"],
            group_by=("organization",),
        )
    )
    assert [r.value for r in result.rows] == [10, 10]
    assert result.total(())[0].value == 10


def test_registry_computed_figures_add_up_the_tree_like_reported_ones(tree):
    from phoihop.registries.models import ComputedValue

    for org, number in ((tree.hbt_grassroots, 12), (tree.hbt_gr2, 30), (tree.md_gr, 5)):
        ComputedValue.objects.create(
            indicator=t.indicator("union_shelters"), organization=org, period=t.period("2023"), value=number
        )
    t.value(tree.hbt_grassroots, "union_shelters", "2023", 1000)  # reported, not from the registry
    rows = run(
        Query(
            indicators=["union_shelters"],
            organizations=[tree.city_union.pk],
            periods=["2023"],
            group_by=("organization",),
            level="district",
            source="registry",
        )
    ).rows
    assert [(r.key["organization_label"], r.value) for r in rows] == [
        ("Liên đoàn Lao động quận Hai Bà Trưng", 42),
        ("Liên đoàn Lao động huyện Mỹ Đức", 5),
    ]


def test_targets_per_option_go_with_their_option_and_add_up_to_the_total(tree):
    gr = tree.hbt_grassroots
    t.value(gr, "good_workers", "2022", 50, "grassroots")
    t.value(gr, "good_workers", "2022", 8, "district")
    t.target(gr, "good_workers", "2022", 100, "grassroots")
    t.target(gr, "good_workers", "2022", 10, "district")
    base = {
        "indicators": ["good_workers"],
        "organizations": [gr.pk],
        "periods": ["2022"],
        "with_targets": True,
    }
    by_option = run(Query(**base, group_by=("option",))).rows
    assert [(r.key["option"], r.value, r.target, r.achievement) for r in by_option] == [
        ("grassroots", 50, 100, D("50.00")),
        ("district", 8, 10, D("80.00")),
    ]
    assert run(Query(**base, group_by=("indicator",))).rows[0].target == 110
    assert run(Query(**base, group_by=("indicator",), options=["district"])).rows[0].target == 10

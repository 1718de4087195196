"""The shipped catalogue, periods named the Vietnamese way, and the seeds' figures all expressible."""

import datetime as dt

from phoihop.reporting import catalogue
from phoihop.reporting.choices import Aggregation, PeriodKind, ValueType
from phoihop.reporting.models import DisaggregationOption, Indicator, Period, ValidationRule

CONTRACT_CODES = """initiatives_recognised initiatives_registered initiative_benefit_vnd good_workers good_deed_examples
skills_contest_units skills_contest_participants dedicated_works public_employee_conference_rate
workers_conference_rate workplace_dialogue_rate collective_agreements_signed legal_education_sessions
legal_education_participants officials_trained gifts_count gifts_vnd union_shelters loans_vnd meals_served
donations_vnd collectives_commended individuals_commended members_recruited grassroots_unions_founded
union_fee_due_vnd union_fee_collected_vnd inspections""".split()


def test_every_contract_indicator_is_in_every_database(db):
    codes = set(Indicator.objects.values_list("code", flat=True))
    assert set(CONTRACT_CODES) <= codes
    assert Indicator.objects.get(code="good_workers").disaggregation.code == "recognition_level"
    levels = DisaggregationOption.objects.filter(disaggregation__code="recognition_level").order_by("order")
    assert [o.code for o in levels] == ["grassroots", "district", "city", "national"]
    assert levels[1].name == "cấp quận, huyện"
    assert set(
        DisaggregationOption.objects.filter(disaggregation__code="ownership").values_list("code", flat=True)
    ) == {"state", "private", "foreign"}


def test_ratios_add_up_as_ratios_of_sums_and_campaign_counts_as_stocks(db):
    rate = Indicator.objects.get(code="workers_conference_rate")
    assert rate.value_type == ValueType.RATIO and rate.aggregation == Aggregation.RATIO_OF_SUMS
    assert rate.numerator_label and rate.denominator_label
    assert Indicator.objects.get(code="initiatives_registered").aggregation == Aggregation.LATEST
    assert Indicator.objects.get(code="gifts_vnd").value_type == ValueType.AMOUNT
    assert Indicator.objects.get(code="annual_plan_issued").value_type == ValueType.BOOLEAN


def test_sync_is_idempotent_and_keeps_what_administrators_added(db):
    Indicator.objects.create(code="custom_one", name="Chỉ tiêu riêng", theme="welfare", unit="person")
    before = Indicator.objects.count(), ValidationRule.objects.count()
    catalogue.sync()
    assert (Indicator.objects.count(), ValidationRule.objects.count()) == before
    assert Indicator.objects.filter(code="custom_one").exists()


def test_periods_are_named_as_vietnamese_documents_name_them(db):
    assert Period.for_half(2022, 1).label == "6 tháng đầu năm 2022"
    assert Period.for_half(2022, 2).label == "6 tháng cuối năm 2022"
    assert Period.for_year(2021).label == "năm 2021"
    assert Period.for_programme(2017, 2020).label == "giai đoạn 2017-2020"
    quarter = Period.objects.create(
        kind=PeriodKind.QUARTER, start=dt.date(2022, 4, 1), end=dt.date(2022, 6, 30)
    )
    assert quarter.label == "quý II năm 2022"
    month = Period.objects.create(kind=PeriodKind.MONTH, start=dt.date(2022, 5, 1), end=dt.date(2022, 5, 31))
    assert month.label == "tháng 5 năm 2022"
    assert Period.for_programme(2017, 2020).previous() is None
    assert Period.for_programme(2011, 2015) == Period.for_programme(2017, 2020).previous()
    assert Period.for_year(2022).previous() == Period.for_year(2021)

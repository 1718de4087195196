"""Status derived from dates, the same in Python and in SQL; the predecessor/successor chain and the cascade."""

import datetime as dt

import pytest

from phoihop.core.testing import make_agreement
from phoihop.programs import selectors
from phoihop.programs.choices import AgreementStatus
from phoihop.programs.models import Agreement
from phoihop.programs.testing import make_successor


def sql_status(agreement, day):
    return Agreement.objects.with_status(day).get(pk=agreement.pk).status_code


@pytest.mark.parametrize(
    "day,expected",
    [
        (dt.date(2017, 5, 31), AgreementStatus.DRAFT),  # before signing
        (dt.date(2017, 6, 1), AgreementStatus.IN_FORCE),
        (dt.date(2020, 9, 16), AgreementStatus.IN_FORCE),
        (dt.date(2020, 9, 17), AgreementStatus.SUPERSEDED),  # successor signed at the final review
        (dt.date(2023, 1, 1), AgreementStatus.SUPERSEDED),
    ],
)
def test_the_hai_ba_trung_programme_lives_until_its_successor_is_signed(world, day, expected):
    make_successor(world.hbt_programme, 2020, 2025, dt.date(2020, 9, 17))
    assert world.hbt_programme.status_on(day) == expected
    assert sql_status(world.hbt_programme, day) == expected


def test_an_agreement_without_successor_expires_after_its_last_year(world):
    assert world.city_programme.status_on(dt.date(2020, 12, 31)) == AgreementStatus.IN_FORCE
    assert world.city_programme.status_on(dt.date(2021, 1, 1)) == AgreementStatus.EXPIRED
    assert sql_status(world.city_programme, dt.date(2021, 1, 1)) == AgreementStatus.EXPIRED


def test_an_unsigned_agreement_is_a_draft_whatever_the_year(world):
    draft = make_agreement([world.hbt_gov, world.hbt_union], start=2021, end=2021, kind="annual_plan")
    Agreement.objects.filter(pk=draft.pk).update(signed_date=None, is_signed=False)
    draft.refresh_from_db()
    for day in (dt.date(2020, 1, 1), dt.date(2021, 6, 1), dt.date(2030, 1, 1)):
        assert draft.status_on(day) == AgreementStatus.DRAFT == sql_status(draft, day)


def test_a_signing_of_unknown_date_counts_from_the_first_year_of_the_period(world):
    old = make_agreement([world.md_gov, world.md_union], start=2011, end=2015)
    Agreement.objects.filter(pk=old.pk).update(signed_date=None, is_signed=True)
    old.refresh_from_db()
    assert (
        old.status_on(dt.date(2010, 12, 31))
        == AgreementStatus.DRAFT
        == sql_status(old, dt.date(2010, 12, 31))
    )
    assert (
        old.status_on(dt.date(2013, 1, 1)) == AgreementStatus.IN_FORCE == sql_status(old, dt.date(2013, 1, 1))
    )
    assert (
        old.status_on(dt.date(2016, 1, 1)) == AgreementStatus.EXPIRED == sql_status(old, dt.date(2016, 1, 1))
    )
    newer = make_successor(old, 2016, 2020, None)
    Agreement.objects.filter(pk=newer.pk).update(signed_date=None, is_signed=True)
    assert (
        old.status_on(dt.date(2016, 3, 1))
        == AgreementStatus.SUPERSEDED
        == sql_status(old, dt.date(2016, 3, 1))
    )


def test_in_force_on_lists_only_agreements_in_force(world):
    make_successor(world.hbt_programme, 2020, 2025, dt.date(2020, 9, 17))
    in_force = set(Agreement.objects.in_force_on(dt.date(2021, 1, 1)))
    assert world.hbt_programme not in in_force and world.city_programme not in in_force
    assert {a.period_label for a in in_force} == {"giai đoạn 2020-2025"}


def test_the_chain_runs_from_the_first_predecessor_to_the_last_successor(world):
    middle = make_successor(world.hbt_programme, 2020, 2025, dt.date(2020, 9, 17))
    last = make_successor(middle, 2025, 2030, dt.date(2025, 9, 1))
    assert middle.chain() == [world.hbt_programme, middle, last]
    assert world.hbt_programme.chain() == [world.hbt_programme, middle, last]


def test_the_timeline_hides_what_the_user_may_not_see(world):
    city_next = make_successor(world.city_programme, 2021, 2025, dt.date(2021, 3, 1))
    assert selectors.timeline(world.bob, world.city_programme) == [world.city_programme, city_next]
    # Alice reads the city programme her district implements, and its successor (same city parties).
    assert selectors.timeline(world.alice, world.city_programme) == [world.city_programme, city_next]


def test_the_cascade_shows_each_user_only_their_implementing_agreements(world):
    assert {a.pk for a in selectors.children(world.bob, world.city_programme)} == {
        world.hbt_programme.pk,
        world.md_programme.pk,
    }
    assert [a.pk for a in selectors.children(world.alice, world.city_programme)] == [world.hbt_programme.pk]
    assert [a.pk for a in selectors.children(world.charlie, world.city_programme)] == [world.md_programme.pk]
    plan = make_agreement(
        [world.hbt_gov, world.hbt_union], kind="annual_plan", start=2018, end=2018, parent=world.hbt_programme
    )
    hbt = next(
        a for a in selectors.children(world.bob, world.city_programme) if a.pk == world.hbt_programme.pk
    )
    assert hbt.child_count == 1
    assert selectors.children(world.alice, world.hbt_programme) == [plan]

"""Fixtures for reporting tests: a yearly form issued by the city federation, Alice's draft report on it."""

import pytest

from phoihop.reporting.testing import ensure_catalogue, make_form, make_report


@pytest.fixture(autouse=True)
def catalogue(db):
    """Browser tests elsewhere in the run flush the database, catalogue included; put it back."""
    ensure_catalogue()


@pytest.fixture
def form(world):
    return make_form(world.city_union, organizations=[world.hbt_union, world.md_union])


@pytest.fixture
def report(world, form):
    return make_report(form, world.hbt_union)

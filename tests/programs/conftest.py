"""Fixtures for agreement tests: the world with each district federation paired with its people's committee."""

import pytest


@pytest.fixture
def paired(world):
    """Alice's and Charlie's federations name their people's committees as counterparts (as the orgs demo does)."""
    for union, gov in ((world.hbt_union, world.hbt_gov), (world.md_union, world.md_gov)):
        union.counterpart = gov
        union.save()
    return world


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT

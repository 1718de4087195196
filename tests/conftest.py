"""Shared fixtures: the three personas of phoihop.core.testing.World."""

import pytest


@pytest.fixture
def world(db):
    from phoihop.core.testing import World

    return World()


@pytest.fixture
def client_for(client):
    """Log a persona in on the Django test client: `client_for(world.alice)`."""

    def login(user):
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return client

    return login


@pytest.fixture(autouse=True)
def _vietnamese_after_each_test():
    """A request with the English cookie leaves English active in the thread; the next test starts Vietnamese."""
    yield
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)

"""The PostgreSQL backend's health check: skipped for a connection that served a request a moment ago, run as
Django runs it for one that sat idle, so a connection the server dropped while idle is replaced unseen."""

import psycopg
import pytest
from django.db import OperationalError, close_old_connections, connection, connections

from phoihop.core.postgresql import base

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def postgres():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    assert isinstance(connections["default"], base.DatabaseWrapper)
    assert connection.settings_dict["CONN_HEALTH_CHECKS"]
    connection.ensure_connection()
    yield connection
    connection.close()


def backend_pid(conn) -> int:
    with conn.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def drop_from_server(pid: int) -> None:
    """What a server restart or an idle timeout does to a kept connection."""
    params = connection.get_connection_params()
    keep = {k: params[k] for k in ("dbname", "user", "host", "port", "password") if params.get(k)}
    with psycopg.connect(**keep, autocommit=True) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [pid])


def test_a_connection_in_use_is_not_checked_again_at_each_request(postgres):
    backend_pid(postgres)
    close_old_connections()  # a request ends
    close_old_connections()  # the next starts at once
    assert postgres.health_check_done  # no SELECT 1 before its first query


def test_an_idle_connection_dropped_by_the_server_is_replaced_before_use(postgres, monkeypatch):
    pid = backend_pid(postgres)
    close_old_connections()  # a request ends
    monkeypatch.setattr(base, "RECENT", 0.0)  # … and the connection sits idle longer than RECENT
    drop_from_server(pid)
    close_old_connections()  # the next request starts
    assert not postgres.health_check_done
    assert backend_pid(postgres) != pid  # checked, found dead, replaced: the request never saw it


def test_a_connection_dropped_within_the_second_fails_one_request_then_is_replaced(postgres):
    pid = backend_pid(postgres)
    close_old_connections()
    drop_from_server(pid)
    close_old_connections()  # started within RECENT of the last request: not checked
    with pytest.raises(OperationalError):
        backend_pid(postgres)
    close_old_connections()  # that request ends with a database error: Django checks and drops the connection
    assert backend_pid(postgres) != pid

"""Renders run on the real task backends: the database queue with its worker, and RQ on Redis.

The default `immediate` backend renders inside the request; these are what `phoihop serve` (database) and a
scaled-out installation (RQ) use, so a render is queued, picked up by a worker, and its progress shows meanwhile.
"""

import os
import socket

import pytest
from django.core.management import call_command
from django.test import override_settings

from phoihop.documents import actions
from phoihop.documents.choices import DocumentKind, RenderStatus
from phoihop.documents.models import GeneratedDocument
from phoihop.documents.testing import hbt_figures, make_review_report

REDIS = ("127.0.0.1", 6379)
RQ_TEST_DB = 15  # a Redis database of its own, emptied by the test


@pytest.fixture
def report(world, settings, tmp_path):
    from phoihop.reporting.testing import ensure_catalogue

    settings.MEDIA_ROOT = str(tmp_path)
    ensure_catalogue()  # a transactional test elsewhere in the run may have flushed it
    hbt_figures(world)
    return make_review_report(world)


def _queued_render(world, report, django_capture_on_commit_callbacks) -> GeneratedDocument:
    with django_capture_on_commit_callbacks(execute=True):
        generated = actions.start_render(world.alice, DocumentKind.REVIEW_REPORT, "docx", report=report)
    generated.refresh_from_db()
    assert generated.status == RenderStatus.PENDING  # queued, not rendered inside the request
    assert not generated.file
    return generated


def _assert_rendered(generated: GeneratedDocument, client_for, world) -> None:
    generated.refresh_from_db()
    assert generated.status == RenderStatus.DONE, (generated.status, generated.error)
    assert generated.progress == 100 and generated.file and generated.size > 10_000
    with generated.file.open("rb") as handle:
        assert handle.read(2) == b"PK"  # a real .docx (a zip)


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_the_database_queue_holds_the_render_until_its_worker_runs_it(
    transactional_db, world, report, client_for, django_capture_on_commit_callbacks
):
    # Committed data, as a worker process would see it: the worker closes connections left inside a transaction.
    from django_tasks_db.models import DBTaskResult

    generated = _queued_render(world, report, django_capture_on_commit_callbacks)
    assert DBTaskResult.objects.filter(status="READY").count() == 1
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)  # what `phoihop worker` runs
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == 1
    _assert_rendered(generated, client_for, world)


def _redis_or_skip():
    try:
        socket.create_connection(REDIS, timeout=1).close()
    except OSError:
        if os.environ.get("CI"):
            pytest.fail("Redis is not running on 127.0.0.1:6379; CI runs the RQ backend test against it")
        pytest.skip("Redis is not running on 127.0.0.1:6379")


def test_rq_on_redis_holds_the_render_until_its_worker_runs_it(
    world, report, client_for, django_capture_on_commit_callbacks, settings
):
    _redis_or_skip()
    import django_rq
    from django.utils.module_loading import import_string
    from rq import SimpleWorker

    from phoihop.core.management.commands.worker import RQ_JOB_CLASS

    settings.RQ_QUEUES = {"default": {"HOST": REDIS[0], "PORT": REDIS[1], "DB": RQ_TEST_DB}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.backend.RQBackend", "QUEUES": ["default"]}}
    queue = django_rq.get_queue("default")
    assert (
        queue.connection.connection_pool.connection_kwargs["db"] == RQ_TEST_DB
    )  # never empty another database
    queue.connection.flushdb()
    try:
        generated = _queued_render(world, report, django_capture_on_commit_callbacks)
        assert queue.count == 1
        # `phoihop worker` runs `rqworker --job-class RQ_JOB_CLASS`; SimpleWorker runs the job in this process,
        # inside the test's transaction, where the forking worker would run it in a child process.
        job_class = import_string(RQ_JOB_CLASS)
        SimpleWorker([queue], connection=queue.connection, job_class=job_class).work(burst=True)
        assert queue.count == 0
        _assert_rendered(generated, client_for, world)
    finally:
        queue.connection.flushdb()

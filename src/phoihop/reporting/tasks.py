"""Background tasks of reporting (Django Tasks API): overdue notices and opening the reports due."""

from django_tasks import task

from . import actions


@task()
def send_overdue_notices() -> int:
    return actions.send_overdue_notices()


@task()
def open_due_reports() -> int:
    return len(actions.open_due_reports())

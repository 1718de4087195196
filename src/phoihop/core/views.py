"""Home page: the user's agreements in force and what is due."""

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from phoihop.core import permissions
from phoihop.programs.choices import TaskStatus
from phoihop.programs.models import Agreement, Task


@login_required
def home(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    agreements = list(
        permissions.visible_agreements(request.user, Agreement.objects.in_force_on(today))
        .prefetch_related("parties", "successors")
        .order_by("-signed_date")[:20]
    )
    own_paths = [org.path for org in permissions.roots(request.user)]
    tasks = (
        Task.objects.filter(agreement__in=permissions.visible_agreements(request.user))
        .exclude(status__in=[TaskStatus.DONE, TaskStatus.CANCELLED])
        .filter(deadline__isnull=False, deadline__lte=today + dt.timedelta(days=60))
        .select_related("agreement", "lead")
        .order_by("deadline")[:20]
    )
    due_reports = []
    try:
        from phoihop.reporting.selectors import reports_due_for

        due_reports = reports_due_for(request.user)[:20]
    except ImportError:
        pass
    return render(
        request,
        "core/home.html",
        {
            "agreements": agreements,
            "tasks": tasks,
            "due_reports": due_reports,
            "memberships": request.user.memberships.select_related("organization"),
            "today": today,
            "own_paths": own_paths,
        },
    )


def healthz(request: HttpRequest) -> HttpResponse:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")

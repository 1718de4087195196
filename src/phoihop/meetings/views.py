"""Pages of the meetings app: list, detail, create and edit (every query scoped through core.permissions)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from phoihop.core import permissions
from phoihop.core.htmx import render_page
from phoihop.core.text import fold

from . import actions
from .choices import MeetingKind
from .forms import AttendeeFormSet, FollowUpFormSet, MeetingForm, meeting_data
from .models import Meeting


def _visible(request: HttpRequest):
    return permissions.visible_meetings(request.user)


def _get_meeting(request: HttpRequest, pk: int) -> Meeting:
    return get_object_or_404(_visible(request), pk=pk)


@login_required
def meeting_list(request: HttpRequest) -> HttpResponse:
    qs = _visible(request).prefetch_related(
        "host_links__organization", "agreements_reviewed", "agreements_signed"
    )
    kind = request.GET.get("kind", "")
    if kind in MeetingKind.values:
        qs = qs.filter(kind=kind)
    q = request.GET.get("q", "").strip()
    if q:
        for word in fold(q).split():
            qs = qs.filter(title_folded__contains=word)
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    can_create = permissions.is_global(request.user) or bool(permissions.roots(request.user, "edit"))
    return render_page(
        request,
        "meetings/list.html",
        {"page": page, "kinds": MeetingKind.choices, "kind": kind, "q": q, "can_create": can_create},
        partial="meetings/_rows.html",
    )


@login_required
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _get_meeting(request, pk)
    reports = permissions.visible_review_reports(request.user).filter(meeting=meeting)
    return render(
        request,
        "meetings/detail.html",
        {
            "meeting": meeting,
            "hosts": [link.organization for link in meeting.host_links.select_related("organization")],
            "attendances": meeting.attendances.select_related("person", "organization"),
            "agenda": meeting.agenda_items.all(),
            "follow_ups": meeting.follow_ups.select_related("lead", "agreement_task"),
            "reviewed": permissions.visible_agreements(request.user, meeting.agreements_reviewed.all()),
            "signed": permissions.visible_agreements(request.user, meeting.agreements_signed.all()),
            "commendations": meeting.announced_commendations(),
            "reports": reports,
            "can_edit": permissions.can_edit_meeting(request.user, meeting),
        },
    )


def _formsets(request: HttpRequest, meeting: Meeting | None = None):
    if request.method == "POST":
        return (
            AttendeeFormSet(request.POST, prefix="att"),
            FollowUpFormSet(request.POST, prefix="fu"),
        )
    attendees = (
        [
            {"full_name": a.person.full_name, "title": a.title, "role": a.role}
            for a in meeting.attendances.all()
        ]
        if meeting
        else []
    )
    follow_ups = (
        [{"title": f.title, "deadline": f.deadline, "status": f.status} for f in meeting.follow_ups.all()]
        if meeting
        else []
    )
    return (
        AttendeeFormSet(initial=attendees, prefix="att"),
        FollowUpFormSet(initial=follow_ups, prefix="fu"),
    )


def _edit(request: HttpRequest, meeting: Meeting | None) -> HttpResponse:
    if request.method == "POST":
        form = MeetingForm(request.POST, user=request.user)
    else:
        form = MeetingForm(initial=MeetingForm.initial_for(meeting) if meeting else {}, user=request.user)
    attendees, follow_ups = _formsets(request, meeting)
    if request.method == "POST" and form.is_valid() and attendees.is_valid() and follow_ups.is_valid():
        data = meeting_data(form, attendees, follow_ups)
        try:
            if meeting is None:
                meeting = actions.create_meeting(request.user, data)
                messages.success(request, _("Đã ghi hội nghị."))
            else:
                actions.update_meeting(request.user, meeting, data)
                messages.success(request, _("Đã cập nhật hội nghị."))
            return redirect(meeting)
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                for error in errors:
                    form.add_error(field if field in form.fields else None, error)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "meetings/form.html",
        {"form": form, "attendees": attendees, "follow_ups": follow_ups, "meeting": meeting},
        status=status,
    )


@login_required
def meeting_create(request: HttpRequest) -> HttpResponse:
    if not (permissions.is_global(request.user) or permissions.roots(request.user, "edit")):
        raise PermissionDenied
    return _edit(request, None)


@login_required
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _get_meeting(request, pk)
    if not permissions.can_edit_meeting(request.user, meeting):
        raise Http404
    return _edit(request, meeting)


@login_required
@require_POST
def meeting_delete(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _get_meeting(request, pk)
    try:
        actions.delete_meeting(request.user, meeting)
    except PermissionDenied:
        raise Http404
    messages.success(request, _("Đã xóa hội nghị."))
    return redirect("meetings:list")

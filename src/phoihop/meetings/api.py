"""REST API of the meetings app (mounted under /api/v1/meetings): list, create, read and update meetings."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

from phoihop.core import permissions
from phoihop.orgs.models import Organization, Person
from phoihop.reporting.models import Period

from . import actions
from .choices import AttendeeRole, FollowUpStatus
from .models import Meeting

router = Router(tags=["meetings"])


class OrgRef(Schema):
    id: int
    name: str


class AgreementRef(Schema):
    id: int
    number: str
    title: str


class AttendeeOut(Schema):
    person_id: int
    full_name: str
    title: str
    organization_id: int | None
    role: str


class FollowUpOut(Schema):
    title: str
    lead_id: int | None
    deadline: dt.date | None
    status: str
    agreement_task_id: int | None


class MeetingOut(Schema):
    id: int
    kind: str
    kind_label: str
    title: str
    date: dt.date | None
    date_text: str
    venue: str
    hosts: list[OrgRef]
    agreements_reviewed: list[AgreementRef]
    agreements_signed: list[AgreementRef]
    period_id: int | None
    summary: str
    conclusions: str
    source: str
    attendees: list[AttendeeOut]
    agenda: list[str]
    follow_ups: list[FollowUpOut]


class MeetingListItem(Schema):
    id: int
    kind: str
    title: str
    date: dt.date | None
    date_text: str
    venue: str
    host_ids: list[int]


class AttendeeIn(Schema):
    person_id: int | None = None
    full_name: str = Field("", description="Họ tên, khi chưa có person_id: người mới được tạo")
    title: str = ""
    organization_id: int | None = None
    role: str = AttendeeRole.MEMBER


class FollowUpIn(Schema):
    title: str
    lead_id: int | None = None
    deadline: dt.date | None = None
    status: str = FollowUpStatus.OPEN


class MeetingIn(Schema):
    kind: str = Field(..., description="signing, interim_review, final_review, briefing, joint")
    title: str
    host_ids: list[int]
    date: dt.date | None = None
    date_text: str = ""
    venue: str = ""
    agreements_reviewed: list[int] = []
    agreements_signed: list[int] = []
    period_id: int | None = None
    summary: str = ""
    conclusions: str = ""
    source: str = ""
    attendees: list[AttendeeIn] = []
    agenda: list[str] = []
    follow_ups: list[FollowUpIn] = []


def _out(meeting: Meeting) -> dict:
    return {
        "id": meeting.pk,
        "kind": meeting.kind,
        "kind_label": str(meeting.get_kind_display()),
        "title": meeting.title,
        "date": meeting.date,
        "date_text": meeting.date_text,
        "venue": meeting.venue,
        "hosts": [
            {"id": link.organization_id, "name": link.organization.name}
            for link in meeting.host_links.select_related("organization")
        ],
        "agreements_reviewed": [
            {"id": a.pk, "number": a.number, "title": a.title} for a in meeting.agreements_reviewed.all()
        ],
        "agreements_signed": [
            {"id": a.pk, "number": a.number, "title": a.title} for a in meeting.agreements_signed.all()
        ],
        "period_id": meeting.period_id,
        "summary": meeting.summary,
        "conclusions": meeting.conclusions,
        "source": meeting.source,
        "attendees": [
            {
                "person_id": a.person_id,
                "full_name": a.person.full_name,
                "title": a.title,
                "organization_id": a.organization_id,
                "role": a.role,
            }
            for a in meeting.attendances.select_related("person")
        ],
        "agenda": [i.title for i in meeting.agenda_items.all()],
        "follow_ups": [
            {
                "title": f.title,
                "lead_id": f.lead_id,
                "deadline": f.deadline,
                "status": f.status,
                "agreement_task_id": f.agreement_task_id,
            }
            for f in meeting.follow_ups.all()
        ],
    }


def _data(request, payload: MeetingIn) -> actions.MeetingData:
    """Resolve ids inside the caller's scope; an id outside it is reported as unknown, never revealed."""
    hosts_qs = actions.host_choices(request.user)
    hosts = list(hosts_qs.filter(pk__in=payload.host_ids))
    if len(hosts) != len(set(payload.host_ids)):
        raise HttpError(422, "host_ids: có đơn vị không tồn tại hoặc ngoài phạm vi của bạn.")
    agreements = permissions.visible_agreements(request.user)
    resolved = {}
    for name in ("agreements_reviewed", "agreements_signed"):
        ids = set(getattr(payload, name))
        found = list(agreements.filter(pk__in=ids))
        if len(found) != len(ids):
            raise HttpError(422, f"{name}: có văn bản không tồn tại hoặc ngoài phạm vi của bạn.")
        resolved[name] = found
    orgs = permissions.visible_organizations(request.user)
    people = Person.objects.filter(
        Q(organization__isnull=True)
        | Q(organization__in=actions.host_choices(request.user))
        | Q(attendances__meeting__in=permissions.visible_meetings(request.user))
    ).distinct()
    attendees = []
    for i, row in enumerate(payload.attendees, start=1):
        person = None
        if row.person_id is not None:
            person = people.filter(pk=row.person_id).first()
            if person is None:
                raise HttpError(422, f"attendees[{i}].person_id: không tìm thấy người này.")
        org = orgs.filter(pk=row.organization_id).first() if row.organization_id else None
        attendees.append(actions.AttendeeData(person, row.title, org, row.role, row.full_name))
    follow_ups = [
        actions.FollowUpData(
            f.title,
            Organization.objects.filter(pk=f.lead_id).filter(pk__in=hosts_qs.values("pk")).first()
            if f.lead_id
            else None,
            f.deadline,
            f.status,
        )
        for f in payload.follow_ups
    ]
    return actions.MeetingData(
        kind=payload.kind,
        title=payload.title,
        hosts=hosts,
        date=payload.date,
        date_text=payload.date_text,
        venue=payload.venue,
        agreements_reviewed=resolved["agreements_reviewed"],
        agreements_signed=resolved["agreements_signed"],
        period=Period.objects.filter(pk=payload.period_id).first() if payload.period_id else None,
        summary=payload.summary,
        conclusions=payload.conclusions,
        source=payload.source,
        attendees=attendees,
        agenda=payload.agenda,
        follow_ups=follow_ups,
    )


def _validation(exc: ValidationError) -> HttpError:
    parts = [f"{field}: {msg}" for field, msgs in exc.message_dict.items() for msg in msgs]
    return HttpError(422, " ".join(parts))


@router.get("/", response=list[MeetingListItem], summary="Danh sách hội nghị trong phạm vi")
def list_meetings(request, kind: str | None = None, year: int | None = None):
    qs = permissions.visible_meetings(request.user).prefetch_related("host_links")
    if kind:
        qs = qs.filter(kind=kind)
    if year:
        qs = qs.filter(date__year=year)
    return [
        {
            "id": m.pk,
            "kind": m.kind,
            "title": m.title,
            "date": m.date,
            "date_text": m.date_text,
            "venue": m.venue,
            "host_ids": [link.organization_id for link in m.host_links.all()],
        }
        for m in qs
    ]


@router.post("/", response={201: MeetingOut}, summary="Ghi hội nghị mới")
def create_meeting(request, payload: MeetingIn):
    try:
        meeting = actions.create_meeting(request.user, _data(request, payload))
    except ValidationError as exc:
        raise _validation(exc)
    return Status(201, _out(meeting))


@router.get("/{meeting_id}", response=MeetingOut, summary="Chi tiết hội nghị")
def get_meeting(request, meeting_id: int):
    return _out(get_object_or_404(permissions.visible_meetings(request.user), pk=meeting_id))


@router.put("/{meeting_id}", response=MeetingOut, summary="Sửa hội nghị (thay toàn bộ nội dung)")
def update_meeting(request, meeting_id: int, payload: MeetingIn):
    meeting = get_object_or_404(permissions.visible_meetings(request.user), pk=meeting_id)
    try:
        actions.update_meeting(request.user, meeting, _data(request, payload))
    except PermissionDenied:
        raise Http404
    except ValidationError as exc:
        raise _validation(exc)
    return _out(meeting)

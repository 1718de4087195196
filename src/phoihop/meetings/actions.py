"""The one write path for meetings: views, API, demo and commands call these functions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q

from phoihop.core import permissions
from phoihop.core.changelog import record, snapshot
from phoihop.core.models import ChangeLogEntry
from phoihop.orgs.choices import OrgLevel
from phoihop.orgs.models import Organization, Person

from .choices import JOINT_KINDS, AttendeeRole, FollowUpStatus, MeetingKind
from .models import AgendaItem, Attendance, FollowUp, Meeting, MeetingHost


@dataclass
class AttendeeData:
    """An attendee: an existing person, or a typed name resolved (or created) when the meeting is saved."""

    person: Person | None = None
    title: str = ""
    organization: Organization | None = None
    role: str = AttendeeRole.MEMBER
    full_name: str = ""


@dataclass
class FollowUpData:
    title: str
    lead: Organization | None = None
    deadline: dt.date | None = None
    status: str = FollowUpStatus.OPEN
    agreement_task: object | None = None


@dataclass
class MeetingData:
    """Everything a meeting form or API payload carries; lists replace what the meeting had."""

    kind: str
    title: str
    hosts: list[Organization]
    date: dt.date | None = None
    date_text: str = ""
    venue: str = ""
    agreements_reviewed: list = field(default_factory=list)
    agreements_signed: list = field(default_factory=list)
    period: object | None = None
    summary: str = ""
    conclusions: str = ""
    source: str = ""
    attendees: list[AttendeeData] = field(default_factory=list)
    agenda: list[str | tuple[str, str]] = field(default_factory=list)
    follow_ups: list[FollowUpData] = field(default_factory=list)


def host_choices(user):
    """Bodies a user may name as hosts: their own units and partners, plus every province- and national-level body
    (federations of other provinces co-host briefings, and their names are public)."""
    partners = permissions.partner_organizations(user).values("pk")
    return Organization.objects.filter(
        Q(pk__in=partners) | Q(level__in=[OrgLevel.NATIONAL, OrgLevel.PROVINCE])
    )


def validate(user, data: MeetingData) -> None:
    """Raise ValidationError with Vietnamese messages naming each field to fix.

    `user=None` is system use (demo loader, trusted commands): no scope check.
    """
    errors: dict[str, list[str]] = {}
    if data.kind not in MeetingKind.values:
        errors.setdefault("kind", []).append(f"Loại hội nghị không hợp lệ: {data.kind!r}.")
    if not data.title.strip():
        errors.setdefault("title", []).append("Nhập tên hội nghị.")
    if not data.date and not data.date_text.strip():
        errors.setdefault("date", []).append(
            "Nhập ngày họp, hoặc ghi ngày theo văn bản gốc khi văn bản không ghi năm."
        )
    hosts = list(dict.fromkeys(data.hosts))
    if not hosts:
        errors.setdefault("hosts", []).append("Chọn ít nhất một đơn vị chủ trì.")
    elif data.kind in JOINT_KINDS and len(hosts) < 2:
        errors.setdefault("hosts", []).append(
            f"{MeetingKind(data.kind).label} cần ít nhất hai đơn vị chủ trì (ví dụ UBND và LĐLĐ)."
        )
    if user is not None and hosts and not any(permissions.can(user, "edit", h) for h in hosts):
        errors.setdefault("hosts", []).append(
            "Bạn chỉ ghi được hội nghị do đơn vị mình (hoặc đơn vị cấp dưới) chủ trì."
        )
    if data.kind == MeetingKind.SIGNING and not data.agreements_signed:
        errors.setdefault("agreements_signed", []).append(
            "Hội nghị ký kết cần có văn bản được ký tại hội nghị."
        )
    visible = permissions.visible_agreements(user) if user is not None else None
    for name in ("agreements_reviewed", "agreements_signed"):
        ids = {a.pk for a in getattr(data, name)}
        hidden = visible is not None and ids and visible.filter(pk__in=ids).count() < len(ids)
        if hidden:
            errors.setdefault(name, []).append("Có văn bản ngoài phạm vi đơn vị của bạn.")
    for i, attendee in enumerate(data.attendees, start=1):
        if attendee.person is None and not attendee.full_name.strip():
            errors.setdefault("attendees", []).append(f"Dòng đại biểu {i}: nhập họ tên người dự họp.")
        if attendee.role not in AttendeeRole.values:
            errors.setdefault("attendees", []).append(f"Dòng đại biểu {i}: vai trò không hợp lệ.")
    for i, item in enumerate(data.follow_ups, start=1):
        if not item.title.strip():
            errors.setdefault("follow_ups", []).append(f"Nhiệm vụ {i}: nhập nội dung nhiệm vụ.")
    if errors:
        raise ValidationError(errors)


def _write_children(meeting: Meeting, data: MeetingData) -> None:
    meeting.host_links.all().delete()
    for i, org in enumerate(dict.fromkeys(data.hosts)):
        MeetingHost.objects.create(meeting=meeting, organization=org, order=i)
    meeting.agreements_reviewed.set(data.agreements_reviewed)
    meeting.agreements_signed.set(data.agreements_signed)
    meeting.attendances.all().delete()
    rows = []
    for i, a in enumerate(data.attendees):
        person = a.person or resolve_person(a.full_name, a.title, a.organization)
        rows.append(
            Attendance(
                meeting=meeting,
                person=person,
                title=a.title or person.title,
                organization=a.organization or person.organization,
                role=a.role,
                order=i,
            )
        )
    Attendance.objects.bulk_create(rows)
    meeting.agenda_items.all().delete()
    items = []
    for i, item in enumerate(data.agenda):
        title, presenter = (item, "") if isinstance(item, str) else item
        if title.strip():
            items.append(AgendaItem(meeting=meeting, order=i, title=title.strip(), presenter=presenter))
    AgendaItem.objects.bulk_create(items)
    meeting.follow_ups.all().delete()
    FollowUp.objects.bulk_create(
        FollowUp(
            meeting=meeting,
            order=i,
            title=f.title.strip(),
            lead=f.lead,
            deadline=f.deadline,
            status=f.status,
            agreement_task=f.agreement_task,
        )
        for i, f in enumerate(data.follow_ups)
    )


_SCALARS = ("kind", "title", "date", "date_text", "venue", "period", "summary", "conclusions", "source")


@transaction.atomic
def create_meeting(user, data: MeetingData) -> Meeting:
    validate(user, data)
    meeting = Meeting(**{name: getattr(data, name) for name in _SCALARS})
    meeting.title = meeting.title.strip()
    meeting.created_by = meeting.updated_by = permissions.actor(user)
    meeting.save()
    _write_children(meeting, data)
    record(meeting, ChangeLogEntry.Action.CREATE, user)
    return meeting


@transaction.atomic
def update_meeting(user, meeting: Meeting, data: MeetingData) -> Meeting:
    if user is not None and not permissions.can_edit_meeting(user, meeting):
        raise PermissionDenied("Bạn không có quyền sửa hội nghị này.")
    validate(user, data)
    before = snapshot(meeting)
    for name in _SCALARS:
        setattr(meeting, name, getattr(data, name))
    meeting.title = meeting.title.strip()
    meeting.updated_by = permissions.actor(user)
    meeting.save()
    _write_children(meeting, data)
    record(meeting, ChangeLogEntry.Action.UPDATE, user, before)
    return meeting


@transaction.atomic
def delete_meeting(user, meeting: Meeting) -> None:
    if user is not None and not permissions.can_edit_meeting(user, meeting):
        raise PermissionDenied("Bạn không có quyền xóa hội nghị này.")
    before = snapshot(meeting)
    record(meeting, ChangeLogEntry.Action.DELETE, user, before)
    meeting.delete()


def data_from(meeting: Meeting) -> MeetingData:
    """The current state of a meeting as MeetingData, to change one part and save the rest unchanged."""
    return MeetingData(
        kind=meeting.kind,
        title=meeting.title,
        hosts=[link.organization for link in meeting.host_links.select_related("organization")],
        date=meeting.date,
        date_text=meeting.date_text,
        venue=meeting.venue,
        agreements_reviewed=list(meeting.agreements_reviewed.all()),
        agreements_signed=list(meeting.agreements_signed.all()),
        period=meeting.period,
        summary=meeting.summary,
        conclusions=meeting.conclusions,
        source=meeting.source,
        attendees=[
            AttendeeData(a.person, a.title, a.organization, a.role)
            for a in meeting.attendances.select_related("person", "organization")
        ],
        agenda=[(i.title, i.presenter) for i in meeting.agenda_items.all()],
        follow_ups=[
            FollowUpData(f.title, f.lead, f.deadline, f.status, f.agreement_task)
            for f in meeting.follow_ups.all()
        ],
    )


def resolve_person(full_name: str, title: str = "", organization: Organization | None = None) -> Person:
    """The person of that name (and organisation, when given), created when new: forms let users type names."""
    from phoihop.core.text import fold

    name = " ".join(full_name.split())
    candidates = Person.objects.filter(name_folded=fold(name), full_name=name)
    if organization is not None:
        same_org = candidates.filter(organization=organization).first()
        if same_org:
            return same_org
    existing = candidates.first()
    if existing:
        return existing
    from phoihop.orgs.actions import create_person

    # Attendees come from outside the user's tree too (party committees, other provinces): recorded as the
    # system, with the organisation only when it was given.
    return create_person(None, full_name=name, title=title, organization=organization)

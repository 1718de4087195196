"""Forms for meetings: the meeting itself, its attendees and its follow-up tasks (saved through actions)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from phoihop.core import permissions
from phoihop.orgs.forms import OrgMultipleChoiceField
from phoihop.orgs.models import Organization
from phoihop.reporting.models import Period

from . import actions
from .choices import AttendeeRole, FollowUpStatus, MeetingKind


class MeetingForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại hội nghị"), choices=MeetingKind.choices)
    title = forms.CharField(label=_("Tên hội nghị"), max_length=500)
    date = forms.DateField(
        label=_("Ngày họp"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    date_text = forms.CharField(
        label=_("Ngày họp theo văn bản gốc"),
        max_length=120,
        required=False,
        help_text=_("Khi văn bản gốc không ghi năm, ví dụ: Sáng 3/3"),
    )
    venue = forms.CharField(label=_("Địa điểm"), max_length=300, required=False)
    hosts = OrgMultipleChoiceField(
        label=_("Đơn vị chủ trì"), queryset=Organization.objects.none(), scope="host"
    )
    agreements_reviewed = forms.ModelMultipleChoiceField(
        label=_("Văn bản được sơ kết, tổng kết"), queryset=Organization.objects.none(), required=False
    )
    agreements_signed = forms.ModelMultipleChoiceField(
        label=_("Văn bản ký kết tại hội nghị"), queryset=Organization.objects.none(), required=False
    )
    period = forms.ModelChoiceField(
        label=_("Kỳ được sơ kết, tổng kết"), queryset=Period.objects.all(), required=False
    )
    agenda = forms.CharField(
        label=_("Chương trình hội nghị"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Mỗi nội dung một dòng; ghi người trình bày sau dấu |"),
    )
    summary = forms.CharField(
        label=_("Nội dung chính"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    conclusions = forms.CharField(
        label=_("Kết luận"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    source = forms.CharField(label=_("Nguồn"), max_length=500, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["hosts"].queryset = actions.host_choices(user).order_by("path")
        self.fields["hosts"].show_likely(user, self["hosts"].value())
        agreements = permissions.visible_agreements(user)
        self.fields["agreements_reviewed"].queryset = agreements
        self.fields["agreements_signed"].queryset = agreements

    def agenda_lines(self) -> list[tuple[str, str]]:
        lines = []
        for raw in self.cleaned_data.get("agenda", "").splitlines():
            title, _sep, presenter = raw.partition("|")
            if title.strip():
                lines.append((title.strip(), presenter.strip()))
        return lines

    @staticmethod
    def initial_for(meeting) -> dict:
        return {
            "kind": meeting.kind,
            "title": meeting.title,
            "date": meeting.date,
            "date_text": meeting.date_text,
            "venue": meeting.venue,
            "hosts": [link.organization_id for link in meeting.host_links.all()],
            "agreements_reviewed": list(meeting.agreements_reviewed.values_list("pk", flat=True)),
            "agreements_signed": list(meeting.agreements_signed.values_list("pk", flat=True)),
            "period": meeting.period_id,
            "agenda": "\n".join(
                f"{i.title} | {i.presenter}" if i.presenter else i.title for i in meeting.agenda_items.all()
            ),
            "summary": meeting.summary,
            "conclusions": meeting.conclusions,
            "source": meeting.source,
        }


class AttendeeForm(forms.Form):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=120, required=False)
    title = forms.CharField(label=_("Chức vụ khi dự họp"), max_length=300, required=False)
    role = forms.ChoiceField(label=_("Vai trò"), choices=AttendeeRole.choices, initial=AttendeeRole.MEMBER)


class FollowUpForm(forms.Form):
    title = forms.CharField(label=_("Nhiệm vụ"), max_length=500, required=False)
    deadline = forms.DateField(
        label=_("Thời hạn"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    status = forms.ChoiceField(
        label=_("Trạng thái"), choices=FollowUpStatus.choices, initial=FollowUpStatus.OPEN
    )


AttendeeFormSet = forms.formset_factory(AttendeeForm, extra=2)
FollowUpFormSet = forms.formset_factory(FollowUpForm, extra=2)


def meeting_data(form: MeetingForm, attendees, follow_ups) -> actions.MeetingData:
    """Turn valid forms into the action's payload; attendees are typed by name and resolved to people."""
    cd = form.cleaned_data
    people = [
        actions.AttendeeData(full_name=row["full_name"].strip(), title=row.get("title", ""), role=row["role"])
        for row in attendees.cleaned_data
        if row and row.get("full_name", "").strip()
    ]
    tasks = [
        actions.FollowUpData(row["title"], None, row.get("deadline"), row["status"])
        for row in follow_ups.cleaned_data
        if row and row.get("title", "").strip()
    ]
    return actions.MeetingData(
        kind=cd["kind"],
        title=cd["title"],
        hosts=list(cd["hosts"]),
        date=cd.get("date"),
        date_text=cd.get("date_text", ""),
        venue=cd.get("venue", ""),
        agreements_reviewed=list(cd.get("agreements_reviewed") or []),
        agreements_signed=list(cd.get("agreements_signed") or []),
        period=cd.get("period"),
        summary=cd.get("summary", ""),
        conclusions=cd.get("conclusions", ""),
        source=cd.get("source", ""),
        attendees=people,
        agenda=form.agenda_lines(),
        follow_ups=tasks,
    )

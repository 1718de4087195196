"""Forms for agreements: the main form, formsets for parties, content areas, chapters, articles and tasks.

Forms only shape input into programs.data records; the rules live in programs.validation and the writes in
programs.actions, so the API and importers get the same checks. Errors coming back from the action are put on
the field they name (see `place_errors`).
"""

from __future__ import annotations

from functools import reduce
from operator import or_

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from phoihop.core import permissions
from phoihop.orgs.choices import OrgLevel
from phoihop.orgs.forms import OrgChoiceField, OrgMultipleChoiceField
from phoihop.orgs.models import Organization

from .choices import AgreementKind, SigningPrefix, TaskFrequency, TaskStatus
from .data import AgreementData, ArticleData, ChapterData, ContentAreaData, PartyData, TaskData
from .models import Agreement

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]


class DateInput(forms.DateInput):
    input_type = "date"

    def format_value(self, value):
        return value.isoformat() if hasattr(value, "isoformat") else value


def party_choices(user, agreement: Agreement | None = None):
    """Bodies that can sign or lead: the user's partners, plus units under the current parties (departments)."""
    qs = permissions.partner_organizations(user)
    if agreement is not None and agreement.pk:
        paths = [o.path for o in agreement.parties.all()]
        if paths:
            qs = Organization.objects.filter(
                Q(pk__in=qs.values("pk")) | reduce(or_, (Q(path__startswith=p) for p in paths))
            )
    return qs.exclude(level=OrgLevel.GRASSROOTS).order_by("path")


class AgreementForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại văn bản"), choices=AgreementKind.choices)
    number = forms.CharField(
        label=_("Số, ký hiệu"),
        required=False,
        max_length=60,
        help_text=_("Ví dụ: 03/CTr-UBND-LĐLĐ (số nhỏ hơn 10 có số 0 ở trước, không có khoảng trắng)"),
    )
    title = forms.CharField(label=_("Trích yếu"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}))
    signed_date = forms.DateField(
        label=_("Ngày ký"), required=False, input_formats=DATE_FORMATS, widget=DateInput
    )
    is_signed = forms.BooleanField(label=_("Đã ký nhưng không rõ ngày ký"), required=False)
    place = forms.CharField(label=_("Địa danh"), required=False, max_length=80)
    period_start_year = forms.IntegerField(label=_("Giai đoạn từ năm"))
    period_end_year = forms.IntegerField(label=_("Đến năm"))
    parent = forms.ModelChoiceField(
        label=_("Cụ thể hóa văn bản (văn bản cấp trên)"), queryset=Agreement.objects.none(), required=False
    )
    predecessor = forms.ModelChoiceField(
        label=_("Thay thế văn bản (giai đoạn trước)"), queryset=Agreement.objects.none(), required=False
    )
    structure = forms.CharField(label=_("Bố cục"), required=False, max_length=80)
    summary = forms.CharField(label=_("Tóm tắt"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, user=None, instance: Agreement | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        visible = permissions.visible_agreements(user).order_by("-period_start_year", "number")
        if instance is not None and instance.pk:
            visible = visible.exclude(pk=instance.pk)
        self.fields["parent"].queryset = visible
        self.fields["predecessor"].queryset = visible


def unit_kwargs(user, agreement: Agreement | None) -> dict:
    """What rows naming units need to list the likely ones: the user, the agreement and its parties."""
    parties = list(agreement.parties.all()) if agreement is not None and agreement.pk else []
    return {"user": user, "agreement": agreement, "parties": parties}


class RowForm(forms.Form):
    """A row of one of the editor's formsets; rows that name units list the likely ones and search the rest."""

    unit_fields: tuple[str, ...] = ()

    def __init__(
        self, *args, org_qs=None, user=None, agreement: Agreement | None = None, parties=(), **kwargs
    ):
        super().__init__(*args, **kwargs)
        for name in self.unit_fields:
            field = self.fields[name]
            field.queryset = org_qs
            if agreement is not None and agreement.pk:
                field.widget.params = f"&van-ban={agreement.pk}"
            if user is not None:
                field.show_likely(user, self[name].value(), around=parties)


class PartyForm(RowForm):
    organization = OrgChoiceField(label=_("Đơn vị"), queryset=Organization.objects.none(), scope="party")
    is_lead = forms.BooleanField(label=_("Chủ trì"), required=False)
    signing_prefix = forms.ChoiceField(label=_("Hình thức ký"), choices=SigningPrefix.choices, required=False)
    signatory_name = forms.CharField(label=_("Người ký"), required=False, max_length=120)
    signatory_title = forms.CharField(label=_("Chức vụ"), required=False, max_length=200)

    unit_fields = ("organization",)


class ContentAreaForm(RowForm):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    title = forms.CharField(label=_("Nội dung"), max_length=500)
    description = forms.CharField(label=_("Mô tả"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ChapterForm(RowForm):
    number = forms.IntegerField(label=_("Chương số"), min_value=1)
    title = forms.CharField(label=_("Tên chương"), max_length=300)


class ArticleForm(RowForm):
    number = forms.IntegerField(label=_("Điều số"), min_value=1)
    chapter = forms.IntegerField(label=_("Thuộc chương"), required=False, min_value=1)
    title = forms.CharField(label=_("Tên điều"), max_length=300)
    body = forms.CharField(label=_("Nội dung"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class TaskForm(RowForm):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    title = forms.CharField(label=_("Nhiệm vụ"), max_length=500)
    content_area = forms.TypedChoiceField(
        label=_("Nội dung số"),
        choices=[("", "—")] + [(i, str(i)) for i in range(1, 11)],
        coerce=int,
        required=False,
        empty_value=None,
    )
    lead = OrgChoiceField(label=_("Chủ trì"), queryset=Organization.objects.none(), scope="party")
    cooperating = OrgMultipleChoiceField(
        label=_("Phối hợp"), queryset=Organization.objects.none(), required=False, scope="party", size=3
    )
    frequency = forms.ChoiceField(
        label=_("Tần suất"), choices=TaskFrequency.choices, initial=TaskFrequency.ONCE
    )
    deadline = forms.DateField(
        label=_("Thời hạn"), required=False, input_formats=DATE_FORMATS, widget=DateInput
    )
    status = forms.ChoiceField(label=_("Trạng thái"), choices=TaskStatus.choices, initial=TaskStatus.PLANNED)
    description = forms.CharField(label=_("Mô tả"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    unit_fields = ("lead", "cooperating")

    def to_data(self) -> TaskData:
        c = self.cleaned_data
        return TaskData(
            id=c.get("id") or None,
            title=c["title"],
            content_area=c.get("content_area"),
            lead_id=c["lead"].pk,
            cooperating_ids=[o.pk for o in c.get("cooperating") or []],
            frequency=c["frequency"],
            deadline=c.get("deadline"),
            status=c["status"],
            description=c.get("description", ""),
        )


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("Tệp"))
    description = forms.CharField(label=_("Mô tả"), required=False, max_length=255)


# name in AgreementData → (row form, extra empty rows shown)
FORMSETS = {
    "parties": (PartyForm, 1),
    "content_areas": (ContentAreaForm, 2),
    "chapters": (ChapterForm, 1),
    "articles": (ArticleForm, 1),
    "tasks": (TaskForm, 2),
}


def initial_rows(agreement: Agreement | None) -> dict[str, list[dict]]:
    if agreement is None or not agreement.pk:
        return {"parties": [], "content_areas": [], "chapters": [], "articles": [], "tasks": []}
    return {
        "parties": [
            {
                "organization": link.organization_id,
                "is_lead": link.is_lead,
                "signing_prefix": link.signing_prefix,
                "signatory_name": link.signatory_name,
                "signatory_title": link.signatory_title,
            }
            for link in agreement.party_links.all()
        ],
        "content_areas": [
            {"id": a.pk, "title": a.title, "description": a.description}
            for a in agreement.content_areas.all()
        ],
        "chapters": [{"number": c.number, "title": c.title} for c in agreement.chapters.all()],
        "articles": [
            {
                "number": a.number,
                "chapter": a.chapter.number if a.chapter else None,
                "title": a.title,
                "body": a.body,
            }
            for a in agreement.articles.select_related("chapter")
        ],
        "tasks": [
            {
                "id": t.pk,
                "title": t.title,
                "content_area": t.content_area.order if t.content_area else None,
                "lead": t.lead_id,
                "cooperating": [o.pk for o in t.cooperating.all()],
                "frequency": t.frequency,
                "deadline": t.deadline,
                "status": t.status,
                "description": t.description,
            }
            for t in agreement.tasks.select_related("content_area").prefetch_related("cooperating")
        ],
    }


class AgreementEditor:
    """The main form and its formsets as one unit: bind, validate, turn into AgreementData, show errors."""

    def __init__(self, user, agreement: Agreement | None = None, data=None):
        self.user = user
        self.agreement = agreement
        self.org_qs = party_choices(user, agreement)
        initial = None
        if agreement is not None and agreement.pk:
            initial = {
                "kind": agreement.kind,
                "number": agreement.number,
                "title": agreement.title,
                "signed_date": agreement.signed_date,
                "is_signed": agreement.is_signed and not agreement.signed_date,
                "place": agreement.place,
                "period_start_year": agreement.period_start_year,
                "period_end_year": agreement.period_end_year,
                "parent": agreement.parent_id,
                "predecessor": agreement.predecessor_id,
                "structure": agreement.structure,
                "summary": agreement.summary,
            }
        self.form = AgreementForm(data, user=user, instance=agreement, initial=initial)
        rows = initial_rows(agreement)
        self.formsets = {}
        row_kwargs = {"org_qs": self.org_qs, **unit_kwargs(user, agreement)}
        for name, (form_class, extra) in FORMSETS.items():
            if name == "parties" and not rows[name]:
                extra = 2  # a new agreement starts with two empty party rows
            formset_class = forms.formset_factory(form_class, extra=extra, can_delete=True)
            self.formsets[name] = formset_class(data, prefix=name, initial=rows[name], form_kwargs=row_kwargs)
        self.used: dict[str, list] = {}
        self.general_errors: list[str] = []

    def _rows(self, name: str) -> list:
        formset = self.formsets[name]
        rows = []
        for i, form in enumerate(formset.forms):
            form.full_clean()
            if getattr(form, "cleaned_data", {}).get(forms.formsets.DELETION_FIELD_NAME):
                continue
            if i >= formset.initial_form_count() and not form.has_changed():
                continue
            rows.append(form)
        self.used[name] = rows
        return rows

    def is_valid(self) -> bool:
        ok = self.form.is_valid()
        for name, formset in self.formsets.items():
            if not formset.management_form.is_valid():
                self.general_errors.append(str(_("Biểu mẫu không đầy đủ; tải lại trang rồi nhập lại.")))
                return False
            for form in self._rows(name):
                ok = form.is_valid() and ok
        if self.form.is_valid() and not ok:
            self._precheck_main_fields()
        return ok

    def _precheck_main_fields(self) -> None:
        """Rows have errors, so nothing is saved; still show what the rules say about the main fields now,
        rather than one round of messages after another."""
        from .validation import Errors, check_agreement

        errors = Errors()
        check_agreement(self.user, self._main_data(), self.agreement, errors)
        for key, messages in errors.by_field.items():
            if key in self.form.fields:
                for message in messages:
                    self.form.add_error(key, message)

    def _main_data(self) -> AgreementData:
        c = self.form.cleaned_data
        return AgreementData(
            kind=c["kind"],
            number=c.get("number", ""),
            title=c["title"],
            signed_date=c.get("signed_date"),
            is_signed=bool(c.get("is_signed")),
            place=c.get("place", ""),
            period_start_year=c["period_start_year"],
            period_end_year=c["period_end_year"],
            parent_id=c["parent"].pk if c.get("parent") else None,
            predecessor_id=c["predecessor"].pk if c.get("predecessor") else None,
            structure=c.get("structure", ""),
            summary=c.get("summary", ""),
        )

    def to_data(self) -> AgreementData:
        data = self._main_data()
        data.parties = [
            PartyData(
                organization_id=f.cleaned_data["organization"].pk,
                is_lead=f.cleaned_data.get("is_lead", False),
                signing_prefix=f.cleaned_data.get("signing_prefix", ""),
                signatory_name=f.cleaned_data.get("signatory_name", ""),
                signatory_title=f.cleaned_data.get("signatory_title", ""),
            )
            for f in self.used["parties"]
        ]
        data.content_areas = [
            ContentAreaData(
                id=f.cleaned_data.get("id") or None,
                title=f.cleaned_data["title"],
                description=f.cleaned_data.get("description", ""),
            )
            for f in self.used["content_areas"]
        ]
        data.chapters = [
            ChapterData(number=f.cleaned_data["number"], title=f.cleaned_data["title"])
            for f in self.used["chapters"]
        ]
        data.articles = [
            ArticleData(
                number=f.cleaned_data["number"],
                chapter=f.cleaned_data.get("chapter"),
                title=f.cleaned_data["title"],
                body=f.cleaned_data.get("body", ""),
            )
            for f in self.used["articles"]
        ]
        data.tasks = [f.to_data() for f in self.used["tasks"]]
        return data

    def place_errors(self, exc: ValidationError) -> None:
        """Put each message of the action on the field it names ("tasks.0.deadline" → that row's deadline)."""
        for key, messages in exc.message_dict.items():
            head, _dot, rest = key.partition(".")
            if head in self.formsets and rest:
                index, _dot, field = rest.partition(".")
                rows = self.used.get(head, [])
                if index.isdigit() and int(index) < len(rows):
                    form = rows[int(index)]
                    for message in messages:
                        if field in form.fields:
                            form.add_error(field, message)
                        else:
                            form.add_error(None, message)
                    continue
            if head in self.formsets:
                self.section_errors.setdefault(head, []).extend(messages)
                continue
            for message in messages:
                self.form.add_error(key if key in self.form.fields else None, message)

    @property
    def section_errors(self) -> dict[str, list[str]]:
        if not hasattr(self, "_section_errors"):
            self._section_errors: dict[str, list[str]] = {}
        return self._section_errors

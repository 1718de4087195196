"""The write path of reading reports back: ingest a file into proposals, record decisions, confirm into records.

Nothing becomes a reported value, agreement, meeting or person until `confirm` runs, and `confirm` writes
everything the user accepted in one transaction, or nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from phoihop.core import permissions
from phoihop.core.text import fold
from phoihop.orgs.models import Organization, Person
from phoihop.reporting import structure
from phoihop.reporting.models import (
    DataValue,
    DisaggregationOption,
    FormIndicator,
    Indicator,
    Period,
    Report,
    ReportForm,
)

from .engine.errors import ExtractionError
from .engine.extractor import extract
from .engine.readers import read_document
from .mapping import map_figure, period_from_text, sentence_around
from .models import Proposal, SourceDocument

_ABBREVIATIONS = {
    "ubnd": "uy ban nhan dan",
    "lđlđ": "lien doan lao dong",
    "ldld": "lien doan lao dong",
    "tp.": "thanh pho",
}
_DOC_KIND_TO_MEETING = {
    "signing": "signing",
    "interim_review": "interim_review",
    "final_review": "final_review",
    "briefing": "joint",
}
_PROGRAM_KINDS = {"chương trình": "programme", "quy chế": "regulation", "kế hoạch": "annual_plan"}


class ConfirmError(Exception):
    """The accepted proposals cannot be written as they stand; `messages` say what to fix, in Vietnamese."""

    def __init__(self, messages: list[str]):
        self.messages = messages
        super().__init__("; ".join(messages))


# --------------------------------------------------------------------------------------------- resolving names


def _expand(name: str) -> str:
    words = fold(name).replace("tp. ", "thanh pho ").split()
    return " ".join(_ABBREVIATIONS.get(w, w) for w in words)


def resolve_organization(name: str, candidates) -> Organization | None:
    """The organisation a party string names ("LĐLĐ huyện Mỹ Đức"), among `candidates`; the closest name wins."""
    wanted = _expand(name).split()
    if not wanted:
        return None
    matches = [org for org in candidates if all(word in org.name_folded for word in wanted)]
    if not matches:
        return None
    return min(matches, key=lambda org: len(org.name_folded))


def resolve_all(names: list[str], candidates) -> list[Organization]:
    """The distinct organisations a list of party strings names, in order; unrecognised names are left out."""
    found: list[Organization] = []
    for name in names:
        org = resolve_organization(name, candidates)
        if org is not None and org not in found:
            found.append(org)
    return found


def _period_for(spec: tuple[str, int, int] | None) -> Period | None:
    if spec is None:
        return None
    kind, a, b = spec
    if kind == "programme":
        return Period.for_programme(a, b) if a != b else Period.for_year(a)
    if kind == "half_year":
        return Period.for_half(a, b)
    return Period.for_year(a)


def _default_period(result: dict) -> tuple[str, int, int] | None:
    """The period a figure belongs to when its own words give none: the reviewed programme's, else the event year."""
    for role in ("reviewed", "signed"):
        for program in result.get("programs", []):
            if program.get("role") == role and program.get("period_start_year"):
                end = program.get("period_end_year") or program["period_start_year"]
                return ("programme", program["period_start_year"], end)
    if result.get("event_date"):
        year = int(result["event_date"][:4])
        return ("year", year, year)
    return None


# --------------------------------------------------------------------------------------------- ingest


@transaction.atomic
def ingest(user, organization: Organization, filename: str, data: bytes) -> SourceDocument:
    """Read a file and store what it proposes. Raises ExtractionError (unreadable) or PermissionDenied."""
    if user is not None and not permissions.can(user, "edit", organization):
        raise PermissionDenied(f"Bạn không có quyền nhập số liệu cho «{organization}».")
    decoded = read_document(data, filename, max_bytes=settings.UPLOAD_MAX_BYTES)
    if not decoded.text.strip():
        raise ExtractionError("Tệp không có nội dung văn bản nào để đọc.")
    result = extract(decoded.text)
    document = SourceDocument.objects.create(
        organization=organization,
        original_name=filename[:255],
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=decoded.encoding,
        text=decoded.text,
        result=result,
        created_by=permissions.actor(user),
    )
    _propose(document, result)
    return document


def _propose(document: SourceDocument, result: dict) -> None:
    text = document.text
    indicators = {i.code: i for i in Indicator.objects.all()}
    options = {(o.disaggregation_id, o.code): o for o in DisaggregationOption.objects.all()}
    fallback = _default_period(result)
    proposals = []
    for i, figure in enumerate(result.get("figures", [])):
        start, end, sentence = sentence_around(text, figure.get("quote", ""))
        mapped = map_figure(figure, sentence)
        indicator = indicators.get(mapped.indicator_code or "")
        option = None
        if indicator is not None and indicator.disaggregation_id and mapped.option_code:
            option = options.get((indicator.disaggregation_id, mapped.option_code))
        proposals.append(
            Proposal(
                document=document,
                kind=Proposal.Kind.FIGURE,
                position=i,
                data=figure,
                span_start=start,
                span_end=end,
                sentence=sentence,
                indicator=indicator,
                option=option,
                organization=document.organization,
                period=_period_for(period_from_text(figure.get("period"), fallback)),
            )
        )
    for i, program in enumerate(result.get("programs", [])):
        proposals.append(Proposal(document=document, kind=Proposal.Kind.PROGRAM, position=i, data=program))
    for i, person in enumerate(result.get("people", [])):
        start, end, _ = sentence_around(text, person.get("name", ""))
        proposals.append(
            Proposal(
                document=document,
                kind=Proposal.Kind.PERSON,
                position=i,
                data=person,
                span_start=start,
                span_end=end,
            )
        )
    if result.get("doc_kind") in _DOC_KIND_TO_MEETING:
        meeting = {
            "kind": _DOC_KIND_TO_MEETING[result["doc_kind"]],
            "title": result.get("title") or "",
            "date": result.get("event_date"),
            "date_text": result.get("event_date_raw") or "",
            "parties": result.get("parties", []),
        }
        proposals.append(Proposal(document=document, kind=Proposal.Kind.MEETING, position=0, data=meeting))
    Proposal.objects.bulk_create(proposals)


# --------------------------------------------------------------------------------------------- decisions


def _require_document_editor(user, document: SourceDocument) -> None:
    if user is not None and not permissions.can(user, "edit", document.organization):
        raise PermissionDenied("Bạn không có quyền xác nhận văn bản này.")


@transaction.atomic
def decide(user, proposal: Proposal, decision: str, changes: dict | None = None) -> Proposal:
    """Accept, reject or edit one proposal (nothing is written into records until `confirm`)."""
    _require_document_editor(user, proposal.document)
    if proposal.document.status == SourceDocument.Status.REVIEWED:
        raise ValidationError("Văn bản này đã được xác nhận; không sửa đề xuất được nữa.")
    if decision not in Proposal.Decision.values:
        raise ValidationError(f"Quyết định không hợp lệ: {decision!r}.")
    changes = changes or {}
    if "value" in changes:
        proposal.data = {**proposal.data, "value": changes["value"]}
    for field in ("indicator", "option", "organization", "period"):
        if field in changes:
            setattr(proposal, field, changes[field])
    if (
        proposal.organization is not None
        and user is not None
        and not permissions.can(user, "edit", proposal.organization)
    ):
        raise ValidationError({"organization": f"Bạn không nhập số liệu cho «{proposal.organization}» được."})
    if proposal.option is not None and proposal.indicator is not None:
        if proposal.option.disaggregation_id != proposal.indicator.disaggregation_id:
            raise ValidationError(
                {"option": f"Chỉ tiêu «{proposal.indicator}» không phân tổ theo «{proposal.option}»."}
            )
    proposal.decision = decision
    proposal.save()
    return proposal


# --------------------------------------------------------------------------------------------- confirm


@transaction.atomic
def confirm(user, document: SourceDocument) -> dict[str, int]:
    """Write every accepted proposal: figures as reported values, agreements, a meeting, people. All or nothing."""
    _require_document_editor(user, document)
    if document.status == SourceDocument.Status.REVIEWED:
        raise ConfirmError(["Văn bản này đã được xác nhận trước đó."])
    accepted = list(
        document.proposals.filter(decision=Proposal.Decision.ACCEPTED).select_related(
            "indicator", "option", "organization", "period"
        )
    )
    if not accepted:
        raise ConfirmError(["Chưa có đề xuất nào được chấp nhận: chọn «Chấp nhận» ở những mục cần ghi."])
    counts = {"figures": 0, "programs": 0, "meetings": 0, "people": 0}
    messages: list[str] = []
    figures = [p for p in accepted if p.kind == Proposal.Kind.FIGURE]
    if figures:
        counts["figures"] = _write_figures(user, document, figures, messages)
    created_agreements = []
    for proposal in (p for p in accepted if p.kind == Proposal.Kind.PROGRAM):
        agreement = _write_program(user, document, proposal, messages)
        if agreement is not None:
            created_agreements.append(agreement)
            counts["programs"] += 1
    for proposal in (p for p in accepted if p.kind == Proposal.Kind.PERSON):
        _write_person(document, proposal)
        counts["people"] += 1
    for proposal in (p for p in accepted if p.kind == Proposal.Kind.MEETING):
        if _write_meeting(user, document, proposal, created_agreements, messages):
            counts["meetings"] += 1
    if messages:
        raise ConfirmError(messages)
    document.status = SourceDocument.Status.REVIEWED
    document.save(update_fields=["status", "updated_at"])
    return counts


def _extraction_form(organization: Organization, period_kind: str) -> ReportForm:
    """One form per period kind that carries every catalogue indicator: values read from documents land there."""
    owner = organization.ancestors(include_self=True).first() or organization
    form, created = ReportForm.objects.get_or_create(
        code=f"doc-van-ban-{period_kind}",
        defaults={
            "name": "Số liệu đọc từ văn bản",
            "period_kind": period_kind,
            "owner": owner,
            "is_active": False,
        },
    )
    have = set(form.rows.values_list("indicator_id", flat=True))
    missing = [i for i in Indicator.objects.exclude(pk__in=have).order_by("pk")]
    if missing:
        FormIndicator.objects.bulk_create(
            FormIndicator(form=form, indicator=indicator, order=len(have) + n)
            for n, indicator in enumerate(missing)
        )
        structure.changed([form])
    return form


def _figure_value(data: dict) -> tuple[Decimal | None, Decimal | None]:
    value = data.get("value")
    if isinstance(value, list) and len(value) == 2:
        return Decimal(str(value[0])), Decimal(str(value[1]))
    if isinstance(value, int | float):
        return Decimal(str(value)), None
    if isinstance(value, str):
        from .engine.numbers import parse_vn_number

        return Decimal(str(parse_vn_number(value))), None
    return None, None


_HEDGE = re.compile(r"^(gần|hơn|trên|khoảng|tối thiểu|ước tính|dưới|từ)\b", re.IGNORECASE)


def _write_figures(user, document: SourceDocument, figures: list[Proposal], messages: list[str]) -> int:
    from phoihop.reporting import actions as reporting
    from phoihop.reporting.choices import ValueSource
    from phoihop.reporting.values import Entry

    groups: dict[tuple[int, int], list[tuple[Proposal, Entry]]] = {}
    for proposal in figures:
        where = f"Số liệu «{proposal.data.get('quote', '')}»"
        if proposal.indicator is None:
            messages.append(f"{where}: chọn chỉ tiêu tương ứng, hoặc bỏ qua số liệu này.")
            continue
        if proposal.period is None:
            messages.append(f"{where}: chọn kỳ báo cáo.")
            continue
        if proposal.organization is None:
            messages.append(f"{where}: chọn đơn vị báo cáo.")
            continue
        if proposal.indicator.disaggregation_id and proposal.option is None:
            messages.append(f"{where}: chọn nhóm phân tổ ({proposal.indicator.disaggregation}).")
            continue
        try:
            value, high = _figure_value(proposal.data)
        except (ValueError, ArithmeticError) as exc:
            messages.append(f"{where}: {exc}")
            continue
        hedge = _HEDGE.match(proposal.data.get("quote", "").strip())
        entry = Entry(
            indicator=proposal.indicator,
            option=proposal.option,
            where=where,
            qualifier=hedge.group(1).lower() if hedge else "",
            reason=f"Đọc từ văn bản «{document}»",
        )
        entry.value, entry.value_high = value, high
        groups.setdefault((proposal.organization_id, proposal.period_id), []).append((proposal, entry))
    if messages:
        return 0
    written = 0
    for (org_id, period_id), items in groups.items():
        organization, period = items[0][0].organization, items[0][0].period
        form = _extraction_form(organization, period.kind)
        report, _ = Report.objects.get_or_create(
            form=form,
            organization=organization,
            period=period,
            defaults={
                "source_document": str(document)[:300],
                "created_by": permissions.actor(user),
            },
        )
        seen: dict[tuple, tuple[Proposal, Entry]] = {}
        for proposal, entry in items:
            if entry.key in seen:
                other = seen[entry.key][0]
                messages.append(
                    f"Hai số liệu «{other.data.get('quote')}» và «{proposal.data.get('quote')}» cùng ghi vào "
                    f"«{proposal.indicator}» {period.label}: bỏ qua một trong hai."
                )
            seen[entry.key] = (proposal, entry)
        if messages:
            return 0
        try:
            reporting.save_values(
                report,
                user,
                [e for _, e in items],
                report.version,
                source=ValueSource.EXTRACTION,
                validate=False,
            )
        except reporting.ReportingError as exc:
            messages.append(f"{organization} – {period.label}: {exc.message}")
            continue
        except PermissionDenied as exc:
            messages.append(str(exc))
            continue
        for proposal, entry in items:
            DataValue.objects.filter(
                indicator=entry.indicator, option=entry.option, organization_id=org_id, period_id=period_id
            ).update(source_text=f"{proposal.sentence}\n— {document}")
            proposal.result_object = f"reporting.Report:{report.pk}"
            proposal.save(update_fields=["result_object"])
            written += 1
    return written


def _write_program(user, document: SourceDocument, proposal: Proposal, messages: list[str]):
    from phoihop.programs import actions as programs
    from phoihop.programs.data import AgreementData, PartyData

    data = proposal.data
    label = data.get("number") or data.get("kind") or "văn bản"
    candidates = (
        list(permissions.partner_organizations(user))
        if user is not None
        else list(Organization.objects.all())
    )
    parties = resolve_all(document.result.get("parties", []), candidates)
    if len(parties) < 2:
        messages.append(
            f"Văn bản «{label}»: chỉ nhận ra {len(parties)} bên trong danh sách đơn vị của bạn; "
            "tạo văn bản này ở trang Văn bản phối hợp, hoặc bỏ qua đề xuất."
        )
        return None
    start = data.get("period_start_year") or (
        int(data["signed_date"][:4]) if data.get("signed_date") else None
    )
    if start is None:
        messages.append(
            f"Văn bản «{label}»: văn bản nguồn không nêu giai đoạn; bỏ qua đề xuất hoặc nhập tay."
        )
        return None
    signed = dt.date.fromisoformat(data["signed_date"]) if data.get("signed_date") else None
    agreement_data = AgreementData(
        kind=_PROGRAM_KINDS.get(data.get("kind") or "", "programme"),
        title=document.result.get("title") or label,
        period_start_year=start,
        period_end_year=data.get("period_end_year") or start,
        number=data.get("number") or "",
        signed_date=signed,
        is_signed=signed is not None,
        structure=data.get("structure") or "",
        parties=[PartyData(organization_id=org.pk, is_lead=i == 0) for i, org in enumerate(parties)],
    )
    try:
        agreement = programs.create_agreement(user, agreement_data)
    except ValidationError as exc:
        messages.append(f"Văn bản «{label}»: {'; '.join(exc.messages)}")
        return None
    proposal.result_object = f"programs.Agreement:{agreement.pk}"
    proposal.save(update_fields=["result_object"])
    return agreement


def _write_person(document: SourceDocument, proposal: Proposal) -> None:
    name, title = proposal.data.get("name", "").strip(), proposal.data.get("title", "").strip()
    person = Person.objects.filter(full_name=name, title=title).first() or Person.objects.create(
        full_name=name, title=title
    )
    proposal.result_object = f"orgs.Person:{person.pk}"
    proposal.save(update_fields=["result_object"])


def _write_meeting(
    user, document: SourceDocument, proposal: Proposal, agreements: list, messages: list[str]
) -> bool:
    from phoihop.meetings import actions as meetings

    data = proposal.data
    candidates = list(meetings.host_choices(user)) if user is not None else list(Organization.objects.all())
    hosts = resolve_all(data.get("parties", []), candidates)
    if not hosts:
        messages.append(
            "Hội nghị: không nhận ra đơn vị chủ trì nào trong danh sách đơn vị; bỏ qua đề xuất hoặc nhập tay."
        )
        return False
    reviewed = [
        a for a in agreements if a.period_end_year and data.get("kind") in ("interim_review", "final_review")
    ]
    try:
        meeting = meetings.create_meeting(
            user,
            meetings.MeetingData(
                kind=data.get("kind") or "joint",
                title=data.get("title") or str(document),
                hosts=hosts,
                date=dt.date.fromisoformat(data["date"]) if data.get("date") else None,
                date_text=data.get("date_text") or "",
                agreements_reviewed=reviewed if data.get("kind") != "signing" else [],
                agreements_signed=agreements if data.get("kind") == "signing" else [],
                source=f"Đọc từ văn bản «{document}»",
            ),
        )
    except ValidationError as exc:
        messages.append(f"Hội nghị: {'; '.join(exc.messages)}")
        return False
    proposal.result_object = f"meetings.Meeting:{meeting.pk}"
    proposal.save(update_fields=["result_object"])
    return True

"""Pages of the report reader: upload a text, review what it proposes, confirm it into records."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from phoihop.core import permissions
from phoihop.orgs.models import Organization
from phoihop.reporting.models import DisaggregationOption, Indicator, Period

from . import actions
from .engine.errors import ExtractionError
from .forms import UploadForm
from .models import Proposal, SourceDocument


def visible_documents(user):
    return SourceDocument.objects.filter(
        organization__in=permissions.visible_organizations(user)
    ).select_related("organization")


@login_required
def home(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            document = actions.ingest(
                request.user, form.cleaned_data["organization"], upload.name, upload.read()
            )
        except ExtractionError as exc:
            form.add_error("file", exc.message_vi)
        except PermissionDenied as exc:
            form.add_error("organization", str(exc))
        else:
            messages.success(
                request,
                f"Đã đọc «{document}» (bảng mã {document.encoding}): {document.proposals.count()} đề xuất chờ bạn xác nhận.",
            )
            return redirect("extraction:review", pk=document.pk)
    documents = visible_documents(request.user)[:50]
    return render(request, "extraction/home.html", {"form": form, "documents": documents})


def highlighted(document: SourceDocument, proposals: list[Proposal]) -> str:
    """The text as HTML with every proposed figure and person marked and linked to its row."""
    spans = sorted(
        (p.span_start, p.span_end, p)
        for p in proposals
        if p.span_start is not None and p.span_end is not None
    )
    out, cursor = [], 0
    for start, end, proposal in spans:
        if start < cursor:
            continue
        out.append(escape(document.text[cursor:start]))
        out.append(
            f'<mark id="span-{proposal.pk}" class="span-{proposal.kind} decision-{proposal.decision}">'
            f'<a href="#row-{proposal.pk}">{escape(document.text[start:end])}</a></mark>'
        )
        cursor = end
    out.append(escape(document.text[cursor:]))
    return mark_safe("".join(out))


def _document_for(user, pk: int) -> SourceDocument:
    document = visible_documents(user).filter(pk=pk).first()
    if document is None:
        raise Http404
    return document


def _unit_choices(user, document: SourceDocument, proposals: list[Proposal]):
    """The units a figure of this document may be put on, in every row's list: the document's unit and the
    units directly under it (what a narrative report speaks of), plus any unit a row already names. Not the
    whole tree: a city's thousands of grassroots unions in each of sixty rows would make the page unusable."""
    editable = permissions.organizations_for(user, "edit")
    named = editable.filter(pk__in={p.organization_id for p in proposals if p.organization_id})
    return (editable.near([document.organization]) | named).order_by("path")


@login_required
def review(request: HttpRequest, pk: int) -> HttpResponse:
    document = _document_for(request.user, pk)
    proposals = list(document.proposals.select_related("indicator", "option", "organization", "period"))
    can_edit = permissions.can(request.user, "edit", document.organization)
    context = {
        "document": document,
        "proposals": proposals,
        "figures": [p for p in proposals if p.kind == Proposal.Kind.FIGURE],
        "others": [p for p in proposals if p.kind != Proposal.Kind.FIGURE],
        "text_html": highlighted(document, proposals),
        "can_edit": can_edit and document.status == SourceDocument.Status.PROPOSED,
        "indicators": Indicator.objects.filter(is_active=True).order_by("theme", "order", "code"),
        "options": DisaggregationOption.objects.select_related("disaggregation"),
        "periods": Period.objects.order_by("-start", "kind"),
        "organizations": _unit_choices(request.user, document, proposals),
        "decisions": Proposal.Decision.choices,
        "errors": request.session.pop(f"extraction-errors-{pk}", []),
    }
    return render(request, "extraction/review.html", context)


def _pick(model, raw: str, queryset=None):
    if not raw:
        return None
    queryset = model.objects.all() if queryset is None else queryset
    obj = queryset.filter(pk=raw).first() if raw.isdigit() else None
    if obj is None:
        raise ValidationError(f"Lựa chọn không hợp lệ: {raw!r}.")
    return obj


@login_required
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    """Save every row's decision and edits; with "confirm", write the accepted ones into records."""
    document = _document_for(request.user, pk)
    errors: list[str] = []
    editable_orgs = permissions.organizations_for(request.user, "edit")
    for proposal in document.proposals.all():
        decision = request.POST.get(f"decision-{proposal.pk}")
        if not decision:
            continue
        changes: dict = {}
        try:
            if proposal.kind == Proposal.Kind.FIGURE:
                changes["indicator"] = _pick(Indicator, request.POST.get(f"indicator-{proposal.pk}", ""))
                changes["option"] = _pick(DisaggregationOption, request.POST.get(f"option-{proposal.pk}", ""))
                changes["period"] = _pick(Period, request.POST.get(f"period-{proposal.pk}", ""))
                changes["organization"] = _pick(
                    Organization, request.POST.get(f"organization-{proposal.pk}", ""), editable_orgs
                )
                raw_value = request.POST.get(f"value-{proposal.pk}", "").strip()
                if raw_value and raw_value != str(proposal.data.get("value")):
                    from .engine.numbers import parse_vn_number

                    changes["value"] = parse_vn_number(raw_value)
            actions.decide(request.user, proposal, decision, changes)
        except (ValidationError, ValueError) as exc:
            text = "; ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
            errors.append(f"«{proposal.data.get('quote') or proposal.data.get('name') or proposal}»: {text}")
    if not errors and "confirm" in request.POST:
        try:
            counts = actions.confirm(request.user, document)
        except actions.ConfirmError as exc:
            errors.extend(exc.messages)
        else:
            messages.success(
                request,
                f"Đã ghi {counts['figures']} số liệu, {counts['programs']} văn bản, {counts['meetings']} hội nghị, "
                f"{counts['people']} cá nhân vào hệ thống.",
            )
            return redirect("extraction:review", pk=document.pk)
    if errors:
        request.session[f"extraction-errors-{pk}"] = errors
    else:
        messages.success(request, "Đã lưu lựa chọn.")
    return redirect("extraction:review", pk=document.pk)


@login_required
def document_source(request: HttpRequest, pk: int) -> HttpResponse:
    document = _document_for(request.user, pk)
    return HttpResponse(document.text, content_type="text/plain; charset=utf-8")

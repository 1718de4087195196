"""Pages for agreements: list, detail (with cascade and timeline), create/edit, tasks and attachments."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from phoihop.core import permissions
from phoihop.core.htmx import render_page

from . import actions, selectors
from .choices import AgreementKind, AgreementStatus, TaskStatus
from .files import allowed_list, max_bytes
from .forms import AgreementEditor, AttachmentForm, TaskForm, party_choices, unit_kwargs
from .models import Agreement, Article, Attachment, Task

PAGE_SIZE = 25


def _visible(request, pk: int) -> Agreement:
    return get_object_or_404(permissions.visible_agreements(request.user), pk=pk)


@login_required
def agreement_list(request: HttpRequest) -> HttpResponse:
    filters = selectors.AgreementFilters.from_params(request.GET)
    page = Paginator(selectors.list_agreements(request.user, filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {
        "page": page,
        "filters": filters,
        "kinds": AgreementKind.choices,
        "statuses": AgreementStatus.choices,
        "party_choices": selectors.party_filter_choices(request.user),
        "can_create": permissions.organizations_for(request.user, "edit").exists(),
    }
    return render_page(request, "programs/list.html", context, partial="programs/_list_table.html")


@login_required
def agreement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = get_object_or_404(
        selectors.scoped_agreements(request.user).select_related("parent", "predecessor"), pk=pk
    )
    tasks = list(
        agreement.tasks.select_related("lead", "content_area")
        .prefetch_related("cooperating")
        .order_by("content_area__order", "deadline", "pk")
    )
    context = {
        "agreement": agreement,
        "parties": agreement.party_links.select_related("organization"),
        "content_areas": agreement.content_areas.all(),
        "chapters": agreement.chapters.prefetch_related(
            Prefetch("articles", queryset=Article.objects.order_by("number"))
        ),
        "loose_articles": agreement.articles.filter(chapter__isnull=True),
        "tasks": tasks,
        "attachments": agreement.attachments.all(),
        "parent": selectors.visible_or_none(request.user, agreement.parent_id),
        "children": selectors.children(request.user, agreement),
        "timeline": selectors.timeline(request.user, agreement),
        "can_edit": permissions.can_edit_agreement(request.user, agreement),
        "attachment_form": AttachmentForm(),
        "task_statuses": TaskStatus.choices,
        "max_mb": max_bytes() // (1024 * 1024),
        "allowed_types": allowed_list(),
    }
    return render(request, "programs/detail.html", context)


@login_required
def agreement_cascade(request: HttpRequest, pk: int) -> HttpResponse:
    """The agreements implementing this one (loaded on demand, one level at a time)."""
    agreement = _visible(request, pk)
    return render(request, "programs/_cascade.html", {"items": selectors.children(request.user, agreement)})


def _editor_page(request, editor: AgreementEditor, agreement: Agreement | None) -> HttpResponse:
    return render(
        request,
        "programs/form.html",
        {"editor": editor, "form": editor.form, "formsets": editor.formsets, "agreement": agreement},
    )


def _saved(request, agreement: Agreement, text: str) -> HttpResponse:
    messages.success(request, text)
    for warning in getattr(agreement, "warnings", []):
        messages.warning(request, warning)
    return redirect("programs:detail", agreement.pk)


@login_required
def agreement_create(request: HttpRequest) -> HttpResponse:
    if not permissions.organizations_for(request.user, "edit").exists():
        raise PermissionDenied(_("Bạn không có quyền lập văn bản phối hợp."))
    editor = AgreementEditor(request.user, None, request.POST if request.method == "POST" else None)
    if request.method == "POST" and editor.is_valid():
        try:
            agreement = actions.create_agreement(request.user, editor.to_data())
        except ValidationError as exc:
            editor.place_errors(exc)
        else:
            return _saved(request, agreement, _("Đã lưu văn bản %(label)s.") % {"label": agreement})
    return _editor_page(request, editor, None)


@login_required
def agreement_edit(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = _visible(request, pk)
    if not permissions.can_edit_agreement(request.user, agreement):
        raise PermissionDenied(_("Bạn không có quyền sửa văn bản này."))
    editor = AgreementEditor(request.user, agreement, request.POST if request.method == "POST" else None)
    if request.method == "POST" and editor.is_valid():
        try:
            agreement = actions.update_agreement(request.user, agreement, editor.to_data())
        except ValidationError as exc:
            editor.place_errors(exc)
        else:
            return _saved(request, agreement, _("Đã cập nhật văn bản %(label)s.") % {"label": agreement})
    return _editor_page(request, editor, agreement)


@login_required
@require_POST
def attachment_upload(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = _visible(request, pk)
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Tệp đính kèm: chưa chọn tệp."))
        return redirect(f"{agreement_url(agreement)}#tai-lieu")
    try:
        attachment = actions.add_attachment(
            request.user, agreement, form.cleaned_data["file"], form.cleaned_data["description"]
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, _("Tệp đính kèm: %(message)s") % {"message": message})
    else:
        messages.success(request, _("Đã đính kèm tệp %(name)s.") % {"name": attachment.original_name})
    return redirect(f"{agreement_url(agreement)}#tai-lieu")


def agreement_url(agreement: Agreement) -> str:
    from django.urls import reverse

    return reverse("programs:detail", args=[agreement.pk])


def _visible_attachment(request, pk: int) -> Attachment:
    return get_object_or_404(
        Attachment.objects.select_related("agreement").filter(
            agreement__in=permissions.visible_agreements(request.user)
        ),
        pk=pk,
    )


@login_required
def attachment_download(request: HttpRequest, pk: int) -> FileResponse:
    attachment = _visible_attachment(request, pk)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404(_("Tệp không còn trên máy chủ."))
    return FileResponse(
        handle, as_attachment=True, filename=attachment.original_name, content_type=attachment.content_type
    )


@login_required
@require_POST
def attachment_delete(request: HttpRequest, pk: int) -> HttpResponse:
    attachment = _visible_attachment(request, pk)
    agreement = attachment.agreement
    actions.delete_attachment(request.user, attachment)
    messages.success(request, _("Đã xóa tệp %(name)s.") % {"name": attachment.original_name})
    return redirect(f"{agreement_url(agreement)}#tai-lieu")


def _task_page(request, form: TaskForm, agreement: Agreement, task: Task | None) -> HttpResponse:
    return render(request, "programs/task_form.html", {"form": form, "agreement": agreement, "task": task})


def _place_task_errors(form: TaskForm, exc: ValidationError) -> None:
    for key, messages_ in exc.message_dict.items():
        for message in messages_:
            form.add_error(key if key in form.fields else None, message)


@login_required
def task_add(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = _visible(request, pk)
    if not permissions.can_edit_agreement(request.user, agreement):
        raise PermissionDenied(_("Bạn không có quyền sửa văn bản này."))
    form = TaskForm(
        request.POST or None,
        org_qs=party_choices(request.user, agreement),
        **unit_kwargs(request.user, agreement),
    )
    if request.method == "POST" and form.is_valid():
        try:
            task = actions.add_task(request.user, agreement, form.to_data())
        except ValidationError as exc:
            _place_task_errors(form, exc)
        else:
            messages.success(request, _("Đã thêm nhiệm vụ: %(title)s.") % {"title": task.title})
            return redirect(f"{agreement_url(agreement)}#nhiem-vu")
    return _task_page(request, form, agreement, None)


def _visible_task(request, pk: int) -> Task:
    return get_object_or_404(
        Task.objects.select_related("agreement", "content_area").filter(
            agreement__in=permissions.visible_agreements(request.user)
        ),
        pk=pk,
    )


@login_required
def task_edit(request: HttpRequest, pk: int) -> HttpResponse:
    task = _visible_task(request, pk)
    agreement = task.agreement
    if not permissions.can_edit_agreement(request.user, agreement):
        raise PermissionDenied(_("Bạn không có quyền sửa văn bản này."))
    initial = {
        "title": task.title,
        "content_area": task.content_area.order if task.content_area else None,
        "lead": task.lead_id,
        "cooperating": list(task.cooperating.values_list("pk", flat=True)),
        "frequency": task.frequency,
        "deadline": task.deadline,
        "status": task.status,
        "description": task.description,
    }
    form = TaskForm(
        request.POST or None,
        initial=initial,
        org_qs=party_choices(request.user, agreement),
        **unit_kwargs(request.user, agreement),
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.update_task(request.user, task, form.to_data())
        except ValidationError as exc:
            _place_task_errors(form, exc)
        else:
            messages.success(request, _("Đã cập nhật nhiệm vụ."))
            return redirect(f"{agreement_url(agreement)}#nhiem-vu")
    return _task_page(request, form, agreement, task)


@login_required
@require_POST
def task_status(request: HttpRequest, pk: int) -> HttpResponse:
    task = _visible_task(request, pk)
    try:
        task = actions.set_task_status(request.user, task, request.POST.get("status", ""))
    except ValidationError as exc:
        if request.htmx:
            return HttpResponse(" ".join(exc.messages), status=400)
        messages.error(request, " ".join(exc.messages))
    if request.htmx:
        task = (
            Task.objects.select_related("lead", "content_area")
            .prefetch_related("cooperating")
            .get(pk=task.pk)
        )
        return render(
            request,
            "programs/_task_row.html",
            {"task": task, "can_edit": True, "task_statuses": TaskStatus.choices},
        )
    return redirect(f"{agreement_url(task.agreement)}#nhiem-vu")

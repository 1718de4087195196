"""Pages of every registry, driven by its descriptor: list with search and filters, detail, create, edit,
delete, Excel export and Excel import (preview, then commit)."""

from __future__ import annotations

import hashlib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from phoihop.core import permissions
from phoihop.core.htmx import render_page
from phoihop.core.models import ChangeLogEntry
from phoihop.orgs.selectors import suggest_orgs

from . import excel
from .actions import ALL, RegistryError, delete_record, save_record
from .choices import ImportStatus
from .forms import RegistryForm
from .models import ImportBatch
from .registry import Context, Registry, all_registries, get_registry

PAGE_SIZE = 50
COUNT_CAP = 10_000
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _registry(slug: str) -> Registry:
    registry = get_registry(slug)
    if registry is None:
        raise Http404
    return registry


def _record(registry: Registry, user, pk: int, action: str = "view"):
    return get_object_or_404(registry.queryset(user, action), pk=pk)


def _can_add(user) -> bool:
    return permissions.is_global(user) or bool(permissions.roots(user, "edit"))


@login_required
def home(request: HttpRequest) -> HttpResponse:
    groups: dict[str, list] = {}
    for registry in all_registries():
        count = registry.queryset(request.user).count()
        groups.setdefault(registry.shown_group, []).append({"registry": registry, "count": count})
    return render(request, "registries/home.html", {"groups": groups, "can_add": _can_add(request.user)})


def filtered(registry: Registry, request: HttpRequest):
    qs = registry.queryset(request.user)
    query = request.GET.get("q", "").strip()
    if query:
        qs = registry.search(qs, query)
    return registry.apply_filters(qs, request.GET), query


@login_required
def record_list(request: HttpRequest, slug: str) -> HttpResponse:
    registry = _registry(slug)
    ctx = Context(request.user, registry)
    qs, query = filtered(registry, request)
    try:
        page = max(1, int(request.GET.get("page", "1")))
    except ValueError:
        page = 1
    total = qs[: COUNT_CAP + 1].count()
    objects = list(qs[(page - 1) * PAGE_SIZE : page * PAGE_SIZE])
    columns = [registry.column(name) for name in registry.list_columns]
    rows = [
        (obj, [(c.show(getattr(obj, c.name)), c.kind in ("int", "money")) for c in columns])
        for obj in objects
    ]
    filters = [
        {"name": name, "label": registry.column(name).shown_label, "choices": registry.filter_choices(name, ctx),
         "value": request.GET.get(name, "")}
        for name in registry.filters
    ]  # fmt: skip
    context = {
        "registry": registry,
        "columns": columns,
        "rows": rows,
        "query": query,
        "filters": filters,
        "year": request.GET.get("year", ""),
        "total": total,
        "capped": total > COUNT_CAP,
        "page": page,
        "has_next": page * PAGE_SIZE < total,
        "can_add": _can_add(request.user),
    }
    return render_page(request, "registries/list.html", context, partial="registries/_rows.html")


@login_required
def record_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    registry = _registry(slug)
    obj = _record(registry, request.user, pk)
    values = registry.values_of(obj)
    props = [(c.shown_label, c.show(values.get(c.name))) for c in registry.model_columns]
    if registry.extras:
        props += registry.extras(obj)
    history = ChangeLogEntry.objects.filter(
        content_type__app_label="registries",
        content_type__model=registry.model._meta.model_name,
        object_id=str(pk),
    ).select_related("user")[:20]
    context = {
        "registry": registry,
        "obj": obj,
        "props": props,
        "history": history,
        "can_edit": registry.can_edit(request.user, obj),
    }
    if registry.slug == "quyet-dinh-khen-thuong":
        context["recipients"] = obj.recipients.select_related("organization")
    return render(request, "registries/detail.html", context)


def _form_page(request, registry: Registry, instance=None):
    ctx = Context(request.user, registry)
    prefill = {k: v for k, v in request.GET.items() if k in registry.by_name} if instance is None else None
    if request.method == "POST":
        form = RegistryForm(registry, ctx, request.POST, instance=instance)
        if form.is_valid():
            try:
                obj = save_record(registry, request.user, form.raw(), instance=instance)
            except RegistryError as exc:
                form.add_errors(exc.errors)
            else:
                messages.success(request, f"Đã lưu {registry.item}: {obj}.")
                return redirect("registries:detail", registry.slug, obj.pk)
    else:
        form = RegistryForm(registry, ctx, instance=instance, initial_values=prefill)
    return render(
        request,
        "registries/form.html",
        {"registry": registry, "form": form, "obj": instance, "all_errors": form.non_field_errors()},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def org_suggestions(request: HttpRequest, slug: str, column: str) -> JsonResponse:
    """Units for an org field as the user types: only those the user may put in that field."""
    registry = _registry(slug)
    col = registry.by_name.get(column)
    if col is None or col.kind != "org":
        raise Http404
    options, more = suggest_orgs(Context(request.user, registry).org_queryset(col), request.GET.get("q", ""))
    return JsonResponse({"options": options, "more": more})


@login_required
def record_create(request: HttpRequest, slug: str) -> HttpResponse:
    registry = _registry(slug)
    if not _can_add(request.user):
        raise PermissionDenied
    return _form_page(request, registry)


@login_required
def record_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    registry = _registry(slug)
    obj = _record(registry, request.user, pk)
    if not registry.can_edit(request.user, obj):
        raise PermissionDenied
    return _form_page(request, registry, obj)


@login_required
@require_POST
def record_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    registry = _registry(slug)
    obj = _record(registry, request.user, pk)
    try:
        delete_record(registry, request.user, obj)
    except RegistryError as exc:
        messages.error(request, exc.errors.get(ALL, str(exc)))
        return redirect("registries:detail", slug, pk)
    messages.success(request, f"Đã xóa {registry.item}.")
    return redirect("registries:list", slug)


@login_required
def export_xlsx(request: HttpRequest, slug: str) -> HttpResponse:
    registry = _registry(slug)
    ctx = Context(request.user, registry)
    if request.GET.get("mau"):
        qs, name = registry.model.objects.none(), f"mau-{slug}.xlsx"
    else:
        qs, _ = filtered(registry, request)
        name = f"{slug}-{timezone.localdate():%Y%m%d}.xlsx"
    response = HttpResponse(excel.export_workbook(registry, qs, ctx), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def import_upload(request: HttpRequest, slug: str) -> HttpResponse:
    registry = _registry(slug)
    if not _can_add(request.user):
        raise PermissionDenied
    error = ""
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            error = "Chọn tệp Excel cần nhập."
        else:
            data = upload.read()
            batch = ImportBatch(
                registry=slug,
                user=request.user,
                file_name=upload.name[:255],
                sha256=hashlib.sha256(data).hexdigest(),
            )
            try:
                preview = excel.build_preview(registry, request.user, data)
            except excel.FileError as exc:
                error = str(exc)
            else:
                batch.summary = preview.summary()
                batch.status = ImportStatus.FAILED if preview.has_errors else ImportStatus.PREVIEWED
                batch.file.save(upload.name, ContentFile(data), save=False)
                batch.save()
                return redirect("registries:import_preview", slug, batch.pk)
    return render(
        request,
        "registries/import.html",
        {"registry": registry, "error": error},
        status=400 if error else 200,
    )


def _batch(request, slug: str, pk: int) -> ImportBatch:
    batch = get_object_or_404(ImportBatch, pk=pk, registry=slug)
    if batch.user_id != request.user.pk and not permissions.is_global(request.user):
        raise Http404
    return batch


@login_required
def import_preview(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    registry = _registry(slug)
    batch = _batch(request, slug, pk)
    if request.method == "POST" and batch.status == ImportStatus.PREVIEWED:
        with batch.file.open("rb") as handle:
            data = handle.read()
        try:
            preview = excel.commit_import(registry, request.user, data)
        except excel.ImportRejected as exc:
            batch.summary, batch.status = exc.preview.summary(), ImportStatus.FAILED
            batch.save(update_fields=["summary", "status"])
            messages.error(request, "Dữ liệu đã thay đổi từ lúc xem trước: có dòng lỗi, chưa ghi gì vào sổ.")
        except excel.FileError as exc:
            messages.error(request, str(exc))
        else:
            batch.summary, batch.status, batch.committed_at = (
                preview.summary(),
                ImportStatus.COMMITTED,
                timezone.now(),
            )
            batch.save(update_fields=["summary", "status", "committed_at"])
            s = batch.summary
            messages.success(
                request,
                f"Đã ghi vào sổ: {s['new']} bản ghi mới, {s['update']} bản ghi cập nhật, {s['same']} không đổi.",
            )
            return redirect(reverse("registries:list", args=[slug]))
    return render(
        request,
        "registries/preview.html",
        {"registry": registry, "batch": batch, "s": batch.summary, "labels": excel.STATUS_LABELS},
    )

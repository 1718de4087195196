"""The one write path for agreements, their parts, tasks and attachments (views, API, demo and imports call these)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from phoihop.core import permissions
from phoihop.core.changelog import record, snapshot
from phoihop.core.models import ChangeLogEntry

from . import files
from .data import AgreementData, TaskData
from .models import Agreement, AgreementParty, Article, Attachment, Chapter, ContentArea, Task
from .validation import Errors, check_agreement, check_task

CREATE, UPDATE, DELETE = (
    ChangeLogEntry.Action.CREATE,
    ChangeLogEntry.Action.UPDATE,
    ChangeLogEntry.Action.DELETE,
)


def _require_edit(user, agreement: Agreement) -> None:
    # user=None is trusted system code (demo, importers); pages and the API always pass the caller.
    if user is not None and not permissions.can_edit_agreement(user, agreement):
        raise PermissionDenied("Bạn không có quyền sửa văn bản này.")


@transaction.atomic
def create_agreement(user, data: AgreementData) -> Agreement:
    """Create an agreement with its parties and parts; `agreement.warnings` lists what deserves a second look."""
    if data.parties is None:
        data.parties = []
    errors = Errors()
    found = check_agreement(user, data, None, errors)
    errors.raise_if_any()
    agreement = Agreement(created_by=permissions.actor(user), updated_by=permissions.actor(user))
    _write(agreement, data, found, user)
    record(agreement, CREATE, user)
    agreement.warnings = errors.warnings
    return agreement


@transaction.atomic
def update_agreement(user, agreement: Agreement, data: AgreementData) -> Agreement:
    """Change an agreement; nested lists left as None in `data` are kept as they are."""
    agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)
    _require_edit(user, agreement)
    errors = Errors()
    found = check_agreement(user, data, agreement, errors)
    errors.raise_if_any()
    before = snapshot(agreement)
    agreement.updated_by = permissions.actor(user)
    changed = _write(agreement, data, found, user)
    record(agreement, UPDATE, user, before, reason=f"Cập nhật: {', '.join(changed)}" if changed else "")
    agreement.warnings = errors.warnings
    return agreement


def _write(agreement: Agreement, data: AgreementData, found: dict, user) -> list[str]:
    parsed = found.get("number")
    agreement.kind = data.kind
    agreement.number = parsed.text if parsed else ""
    agreement.number_seq = parsed.seq if parsed else None
    agreement.number_kind = parsed.kind if parsed else ""
    agreement.number_issuers = parsed.issuers_text if parsed else ""
    agreement.title = data.title.strip()
    agreement.signed_date = data.signed_date
    agreement.is_signed = bool(data.signed_date) or data.is_signed
    agreement.place = data.place.strip()
    agreement.period_start_year = data.period_start_year
    agreement.period_end_year = data.period_end_year
    agreement.parent = found.get("parent")
    agreement.predecessor = found.get("predecessor")
    agreement.summary = data.summary
    agreement.structure = data.structure.strip()
    agreement.save()
    changed = []
    if data.parties is not None:
        _write_parties(agreement, data)
        changed.append("các bên ký kết")
    if data.content_areas is not None:
        _write_content_areas(agreement, data)
        changed.append("nội dung phối hợp")
    if data.chapters is not None or data.articles is not None:
        _write_structure(agreement, data)
        changed.append("chương, điều")
    if data.tasks is not None:
        _write_tasks(agreement, data.tasks, user)
        changed.append("nhiệm vụ")
    return changed


def _write_parties(agreement: Agreement, data: AgreementData) -> None:
    agreement.party_links.all().delete()
    has_lead = any(p.is_lead for p in data.parties)
    AgreementParty.objects.bulk_create(
        AgreementParty(
            agreement=agreement,
            organization_id=p.organization_id,
            order=i,
            is_lead=p.is_lead or (not has_lead and i == 0),
            signing_prefix=p.signing_prefix,
            signatory_name=p.signatory_name.strip(),
            signatory_title=p.signatory_title.strip(),
        )
        for i, p in enumerate(data.parties)
    )


def _write_content_areas(agreement: Agreement, data: AgreementData) -> None:
    existing = {area.pk: area for area in agreement.content_areas.all()}
    kept = {item.id for item in data.content_areas if item.id}
    unknown = kept - existing.keys()
    if unknown:
        raise ValidationError(
            {"content_areas": "Có nội dung phối hợp không thuộc văn bản này; tải lại trang."}
        )
    agreement.content_areas.exclude(pk__in=kept).delete()
    # Orders are unique per agreement: move the kept rows out of the way before renumbering.
    for offset, pk in enumerate(kept, start=1000):
        ContentArea.objects.filter(pk=pk).update(order=offset)
    for order, item in enumerate(data.content_areas, start=1):
        if item.id:
            ContentArea.objects.filter(pk=item.id).update(
                order=order, title=item.title.strip(), description=item.description
            )
        else:
            ContentArea.objects.create(
                agreement=agreement, order=order, title=item.title.strip(), description=item.description
            )


def _write_structure(agreement: Agreement, data: AgreementData) -> None:
    agreement.chapters.all().delete()
    agreement.articles.all().delete()
    chapters = {
        c.number: Chapter.objects.create(agreement=agreement, number=c.number, title=c.title.strip())
        for c in data.chapters or []
    }
    Article.objects.bulk_create(
        Article(
            agreement=agreement,
            chapter=chapters.get(a.chapter) if a.chapter is not None else None,
            number=a.number,
            title=a.title.strip(),
            body=a.body,
        )
        for a in data.articles or []
    )


def _task_fields(agreement: Agreement, item: TaskData, areas: dict[int, ContentArea]) -> dict:
    return {
        "title": item.title.strip(),
        "description": item.description,
        "content_area": areas.get(item.content_area) if item.content_area else None,
        "lead_id": item.lead_id,
        "frequency": item.frequency,
        "deadline": item.deadline,
        "status": item.status,
    }


def _write_tasks(agreement: Agreement, items: list[TaskData], user=None) -> None:
    areas = {area.order: area for area in agreement.content_areas.all()}
    existing = {task.pk: task for task in agreement.tasks.all()}
    kept = {item.id for item in items if item.id}
    if kept - existing.keys():
        raise ValidationError({"tasks": "Có nhiệm vụ không thuộc văn bản này; tải lại trang."})
    for task in agreement.tasks.exclude(pk__in=kept):
        record(task, DELETE, user, snapshot(task))
        task.delete()
    for item in items:
        fields = _task_fields(agreement, item, areas)
        if item.id:
            task = existing[item.id]
            before = snapshot(task)
            for name, value in fields.items():
                setattr(task, name, value)
            task.updated_by = permissions.actor(user)
            task.save()
            record(task, UPDATE, user, before)
        else:
            task = Task.objects.create(
                agreement=agreement,
                created_by=permissions.actor(user),
                updated_by=permissions.actor(user),
                **fields,
            )
            record(task, CREATE, user)
        task.cooperating.set(item.cooperating_ids)


def _check_one_task(agreement: Agreement, item: TaskData) -> None:
    errors = Errors()
    party_ids = set(agreement.party_links.values_list("organization_id", flat=True))
    check_task(item, party_ids, agreement.content_areas.count(), agreement, errors)
    errors.raise_if_any()


@transaction.atomic
def add_task(user, agreement: Agreement, item: TaskData) -> Task:
    _require_edit(user, agreement)
    _check_one_task(agreement, item)
    areas = {area.order: area for area in agreement.content_areas.all()}
    task = Task.objects.create(
        agreement=agreement,
        created_by=permissions.actor(user),
        updated_by=permissions.actor(user),
        **_task_fields(agreement, item, areas),
    )
    task.cooperating.set(item.cooperating_ids)
    record(task, CREATE, user)
    return task


@transaction.atomic
def update_task(user, task: Task, item: TaskData) -> Task:
    task = Task.objects.select_for_update().select_related("agreement").get(pk=task.pk)
    _require_edit(user, task.agreement)
    _check_one_task(task.agreement, item)
    before = snapshot(task)
    areas = {area.order: area for area in task.agreement.content_areas.all()}
    for name, value in _task_fields(task.agreement, item, areas).items():
        setattr(task, name, value)
    task.updated_by = permissions.actor(user)
    task.save()
    task.cooperating.set(item.cooperating_ids)
    record(task, UPDATE, user, before)
    return task


@transaction.atomic
def set_task_status(user, task: Task, status: str) -> Task:
    from .choices import TaskStatus

    task = Task.objects.select_for_update().select_related("agreement").get(pk=task.pk)
    _require_edit(user, task.agreement)
    if status not in TaskStatus.values:
        raise ValidationError({"status": "Trạng thái nhiệm vụ không hợp lệ."})
    before = snapshot(task)
    task.status = status
    task.updated_by = permissions.actor(user)
    task.save(update_fields=["status", "updated_by", "updated_at"])
    record(task, UPDATE, user, before)
    return task


def add_attachment(user, agreement: Agreement, upload: UploadedFile, description: str = "") -> Attachment:
    """Check size, type (by name and by content) and duplicates, then store the file with its SHA-256."""
    _require_edit(user, agreement)
    checked = files.check_upload(upload)
    duplicate = agreement.attachments.filter(sha256=checked.sha256).first()
    if duplicate is not None:
        raise ValidationError(
            {
                "file": f"Tệp này đã được đính kèm trước đó với tên '{duplicate.original_name}' (cùng nội dung)."
            }
        )
    attachment = Attachment(
        agreement=agreement,
        original_name=checked.name,
        description=description.strip()[:255],
        size=checked.size,
        sha256=checked.sha256,
        content_type=checked.content_type,
        created_by=permissions.actor(user),
        updated_by=permissions.actor(user),
    )
    # The file lands on disk before the row; if the row cannot be written the file is removed again.
    upload.seek(0)
    attachment.file.save(checked.storage_name, upload, save=False)
    try:
        with transaction.atomic():
            attachment.save()
            record(attachment, CREATE, user)
    except Exception:
        attachment.file.delete(save=False)
        raise
    return attachment


@transaction.atomic
def delete_attachment(user, attachment: Attachment) -> None:
    _require_edit(user, attachment.agreement)
    before = snapshot(attachment)
    record(attachment, DELETE, user, before)
    stored = attachment.file.name
    attachment.delete()
    storage = attachment.file.storage
    transaction.on_commit(lambda: storage.delete(stored))

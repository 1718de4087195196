"""Descriptors of the emulation registries: movements and targets, initiatives, recognitions, contests, works."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext_noop

from phoihop.core.formatting import vn_date, vn_percent

from ..dedup import DuplicateIndex, title_key
from ..models import DedicatedWork, Initiative, Movement, MovementParticipant, Recognition, SkillsContest
from ..registry import Column as C
from ..registry import Registry, register
from ..rules import movement_date_error

GROUP = gettext_noop("Thi đua, sáng kiến")


def _future(day, label: str) -> str | None:
    if day and day > timezone.localdate():
        return f"{label} {vn_date(day)} là ngày trong tương lai."
    return None


def _errors(**checks) -> dict:
    return {name: message for name, message in checks.items() if message}


# Movements ---------------------------------------------------------------------------------------------
def validate_movement(values, instance, ctx):
    start, end = values.get("start_date"), values.get("end_date")
    return _errors(end_date="Ngày kết thúc phải sau ngày bắt đầu." if start and end and end < start else None)


def derive_movement(obj, values, ctx):
    if not obj.level and obj.launched_by_id:
        obj.level = obj.launched_by.level


register(
    Registry(
        slug="phong-trao",
        model=Movement,
        title=gettext_noop("Phong trào thi đua"),
        item=gettext_noop("phong trào"),
        group=GROUP,
        order=10,
        description=gettext_noop(
            "Các phong trào, chương trình thi đua: đơn vị phát động, thời gian, khẩu hiệu."
        ),
        columns=[
            C("name"),
            C("launched_by", orgs="edit"),
            C("level", required=False),
            C("start_date"),
            C("end_date"),
            C("slogan"),
            C("agreement", ref="agreement"),
            C("description"),
        ],
        list_columns=["name", "launched_by", "start_date", "end_date"],
        scope="launched_by",
        natural_key=("launched_by", "name"),
        filters=["level"],
        date_field="start_date",
        validate=validate_movement,
        derive=derive_movement,
        select_related=("launched_by",),
    )
)


register(
    Registry(
        slug="chi-tieu-phong-trao",
        model=MovementParticipant,
        title=gettext_noop("Đơn vị tham gia, chỉ tiêu"),
        item=gettext_noop("đơn vị tham gia"),
        group=GROUP,
        order=11,
        description=gettext_noop(
            "Đơn vị tham gia từng phong trào, cụm thi đua và chỉ tiêu sáng kiến được giao."
        ),
        columns=[
            C("movement", ref="movement"),
            C("organization", orgs="edit"),
            C("cluster"),
            C("target_initiatives"),
            C("target_note"),
        ],
        list_columns=["movement", "organization", "cluster", "target_initiatives"],
        scope="organization",
        natural_key=("movement", "organization"),
        filters=["movement"],
        select_related=("movement", "organization"),
    )
)


# Initiatives --------------------------------------------------------------------------------------------
def _initiative_index(ctx, unit_ids) -> DuplicateIndex:
    """Titles of the units concerned, loaded once per unit and kept in ctx for the whole import."""
    index = ctx.cache.setdefault("initiative_index", DuplicateIndex())
    loaded = ctx.cache.setdefault("initiative_units", set())
    missing = set(unit_ids) - loaded
    if missing:
        rows = Initiative.objects.filter(unit_id__in=missing).values_list(
            "pk", "unit_id", "title_key", "title"
        )
        for pk, unit_id, key, title in rows.iterator(chunk_size=5000):
            index.add(unit_id, key, pk, title)
        loaded |= missing
    return index


def prefetch_initiatives(ctx, rows):
    """An import: each unit's titles in the database and in the file fix its trigram rarity order first."""
    index = ctx.cache.setdefault("initiative_index", DuplicateIndex())
    loaded = ctx.cache.setdefault("initiative_units", set())
    in_file: dict[int, list[str]] = {}
    for values in rows:
        if values.get("unit") is not None and values.get("title"):
            in_file.setdefault(values["unit"].pk, []).append(title_key(values["title"]))
    existing: dict[int, list[tuple]] = {unit: [] for unit in in_file if unit not in loaded}
    rows_qs = Initiative.objects.filter(unit_id__in=list(existing)).values_list(
        "pk", "unit_id", "title_key", "title"
    )
    # A plain fetch: a server-side cursor (iterator) makes PostgreSQL plan for the first rows and scan the table.
    for pk, unit_id, key, title in rows_qs:
        existing[unit_id].append((pk, key, title))
    for unit_id, entries in existing.items():
        index.set_frequencies(unit_id, [key for _, key, _ in entries] + in_file[unit_id])
        for pk, key, title in entries:
            index.add(unit_id, key, pk, title)
    loaded |= set(existing)


def validate_initiative(values, instance, ctx):
    level, recognised = values.get("recognition_level"), values.get("recognised_date")
    registered = values.get("registered_date")
    errors = _errors(
        recognition_level="Đã có ngày công nhận thì phải chọn cấp công nhận."
        if recognised and not level
        else None,
        recognised_date="Đã chọn cấp công nhận thì phải ghi ngày công nhận."
        if level and not recognised
        else None,
        registered_date=_future(registered, "Ngày đăng ký"),
    )
    if recognised and registered and recognised < registered:
        errors["recognised_date"] = "Ngày công nhận không được trước ngày đăng ký."
    errors.setdefault("recognised_date", _future(recognised, "Ngày công nhận"))
    day, label = (registered, "Ngày đăng ký") if registered else (recognised, "Ngày công nhận")
    movement_error = movement_date_error(values.get("movement"), day, label)
    if movement_error:
        errors["registered_date" if registered else "recognised_date"] = movement_error
    unit, title = values.get("unit"), values.get("title")
    if unit is not None and title:
        index = _initiative_index(ctx, {unit.pk})
        match = index.find(unit.pk, title_key(title), exclude=getattr(instance, "pk", None))
        if match and match.exact and not ctx.bulk:
            errors["title"] = (
                f"Sáng kiến này đã được đăng ký ở {unit.name}: «{match.title}» (mã #{match.ref}). "
                "Mở sáng kiến đó để sửa thay vì đăng ký lại."
            )
        elif match and match.exact and isinstance(match.ref, str):
            errors["title"] = f"Sáng kiến trùng với {match.ref} của tệp: «{match.title}»."
        elif match and not match.exact and not values.get("confirm_distinct"):
            where = f"mã #{match.ref}" if isinstance(match.ref, int) else match.ref
            errors["title"] = (
                f"Gần giống sáng kiến «{match.title}» ({where}, giống {vn_percent(match.score * 100, 0)}) "
                f"đã có ở {unit.name}. Nếu đúng là hai sáng kiến khác nhau, đánh dấu «Xác nhận không trùng»."
            )
    return {k: v for k, v in errors.items() if v}


def remember_initiative(values, ref, ctx):
    unit = values.get("unit")
    if unit is not None and values.get("title"):
        _initiative_index(ctx, {unit.pk}).add(unit.pk, title_key(values["title"]), ref, values["title"])


register(
    Registry(
        slug="sang-kien",
        model=Initiative,
        title=gettext_noop("Sáng kiến"),
        item=gettext_noop("sáng kiến"),
        group=GROUP,
        order=20,
        description=gettext_noop(
            "Sáng kiến của người lao động: tác giả, đơn vị, cấp công nhận, giá trị làm lợi."
        ),
        columns=[
            C("title", width=50),
            C("authors", width=30),
            C("unit", orgs="edit", width=30),
            C("field"),
            C("registered_date"),
            C("recognised_date"),
            C("recognition_level"),
            C("benefit_vnd"),
            C("movement", ref="movement", width=30),
            C("note"),
            C(
                "confirm_distinct",
                label=gettext_noop("Xác nhận không trùng"),
                kind="bool",
                virtual=True,
                help=gettext_noop(
                    "Đánh dấu khi sáng kiến gần giống một sáng kiến đã có nhưng thật sự là sáng kiến khác"
                ),
                export=False,
            ),
        ],
        list_columns=["title", "authors", "unit", "recognition_level", "recognised_date", "benefit_vnd"],
        scope="unit",
        natural_key=("unit", "title_key"),
        filters=["recognition_level", "field", "movement", "unit"],
        date_field="recognised_date",
        indicators=("initiatives_recognised", "initiatives_registered", "initiative_benefit_vnd"),
        validate=validate_initiative,
        remember=remember_initiative,
        prefetch=prefetch_initiatives,
        select_related=("unit", "movement"),
    )
)


# Recognitions, contests, works ------------------------------------------------------------------------------
def validate_recognition(values, instance, ctx):
    day = values.get("recognised_date")
    return _errors(
        recognised_date=movement_date_error(values.get("movement"), day, "Ngày công nhận")
        or _future(day, "Ngày công nhận")
    )


register(
    Registry(
        slug="dien-hinh",
        model=Recognition,
        title=gettext_noop("Công nhân giỏi, người tốt việc tốt"),
        item=gettext_noop("gương điển hình"),
        group=GROUP,
        order=30,
        description=gettext_noop(
            "Công nhân giỏi, gương “Người tốt, việc tốt”, lao động sáng tạo được công nhận các cấp."
        ),
        columns=[
            C("kind"),
            C("person_name", width=26),
            C("person_title"),
            C("unit", orgs="edit", width=30),
            C("level"),
            C("recognised_date"),
            C("movement", ref="movement"),
            C("note", width=40),
        ],
        list_columns=["person_name", "kind", "unit", "level", "recognised_date"],
        scope="unit",
        natural_key=("unit", "kind", "person_name", "level", "recognised_date"),
        filters=["kind", "level", "movement", "unit"],
        date_field="recognised_date",
        indicators=("good_workers", "good_deed_examples", "creative_initiatives"),
        validate=validate_recognition,
        select_related=("unit",),
    )
)


def validate_contest(values, instance, ctx):
    day = values.get("held_date")
    participants = values.get("participants")
    return _errors(
        held_date=movement_date_error(values.get("movement"), day, "Ngày tổ chức")
        or _future(day, "Ngày tổ chức"),
        participants="Hội thi phải có ít nhất 1 người tham gia." if participants == 0 else None,
    )


register(
    Registry(
        slug="hoi-thi",
        model=SkillsContest,
        title=gettext_noop("Hội thi tay nghề, thi thợ giỏi"),
        item=gettext_noop("hội thi"),
        group=GROUP,
        order=40,
        description=gettext_noop(
            "Hội thi tay nghề, thi thợ giỏi, thao diễn kỹ thuật: đơn vị tổ chức, người tham gia, người đoạt giải."
        ),
        columns=[
            C("title", width=40),
            C("organiser", orgs="edit", width=30),
            C("held_date"),
            C("level"),
            C("trade"),
            C("participants"),
            C("winners", width=40),
            C("movement", ref="movement"),
        ],
        list_columns=["title", "organiser", "held_date", "level", "participants"],
        scope="organiser",
        natural_key=("organiser", "title", "held_date"),
        filters=["level", "movement", "organiser"],
        date_field="held_date",
        indicators=("skills_contest_units", "skills_contest_participants"),
        validate=validate_contest,
        select_related=("organiser",),
    )
)


def validate_work(values, instance, ctx):
    day = values.get("dedicated_date")
    return _errors(dedicated_date=movement_date_error(values.get("movement"), day, "Ngày gắn biển"))


register(
    Registry(
        slug="cong-trinh",
        model=DedicatedWork,
        title=gettext_noop("Công trình gắn biển"),
        item=gettext_noop("công trình"),
        group=GROUP,
        order=50,
        description=gettext_noop("Công trình, phần việc được gắn biển chào mừng các sự kiện."),
        columns=[
            C("name", width=40),
            C("unit", orgs="edit", width=30),
            C("occasion", width=30),
            C("dedicated_date"),
            C("value_vnd"),
            C("movement", ref="movement"),
        ],
        list_columns=["name", "unit", "occasion", "dedicated_date", "value_vnd"],
        scope="unit",
        natural_key=("unit", "name"),
        filters=["movement", "unit"],
        date_field="dedicated_date",
        indicators=("dedicated_works",),
        validate=validate_work,
        select_related=("unit",),
    )
)

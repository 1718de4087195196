"""Descriptors of the commendation registries: decisions, and the collectives and individuals they commend."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext_noop

from phoihop.core.formatting import vn_date

from ..choices import COLLECTIVE_ONLY_FORMS, INDIVIDUAL_ONLY_FORMS, CommendationForm, RecipientKind
from ..models import Commendation, CommendationRecipient
from ..registry import Column as C
from ..registry import Registry, register
from ..rules import reach_paths, within_reach

GROUP = gettext_noop("Khen thưởng")


def validate_commendation(values, instance, ctx):
    day = values.get("decision_date")
    if day and day > timezone.localdate():
        return {"decision_date": f"Ngày quyết định {vn_date(day)} là ngày trong tương lai."}
    return {}


register(
    Registry(
        slug="quyet-dinh-khen-thuong",
        model=Commendation,
        title=gettext_noop("Quyết định khen thưởng"),
        item=gettext_noop("quyết định khen thưởng"),
        group=GROUP,
        order=60,
        description=gettext_noop(
            "Quyết định khen thưởng: số, ngày, cơ quan ban hành, hình thức, thuộc chương trình, "
            "phong trào hay hội nghị nào."
        ),
        columns=[
            C("decision_number"),
            C("decision_date"),
            C("issuer", width=30),
            C("form", width=36),
            C("reason", width=50),
            C("organization", orgs="edit", width=30),
            C("agreement", ref="agreement"),
            C("movement", ref="movement"),
            C("meeting", ref="meeting"),
        ],
        list_columns=["decision_number", "decision_date", "issuer", "form", "reason"],
        scope="organization",
        natural_key=("issuer", "decision_number", "decision_date"),
        filters=["form", "agreement", "movement"],
        date_field="decision_date",
        indicators=("collectives_commended", "individuals_commended"),
        validate=validate_commendation,
        select_related=("issuer", "organization"),
    )
)


def validate_recipient(values, instance, ctx):
    errors = {}
    commendation, kind, org = values.get("commendation"), values.get("kind"), values.get("organization")
    if kind == RecipientKind.INDIVIDUAL and not values.get("person_name"):
        errors["person_name"] = "Khen thưởng cá nhân phải ghi họ và tên người được khen."
    if commendation is None:
        return errors
    form = commendation.form
    label = CommendationForm(form).label
    if kind == RecipientKind.COLLECTIVE and form in INDIVIDUAL_ONLY_FORMS:
        errors["kind"] = f"«{label}» chỉ tặng cho cá nhân, không tặng cho tập thể."
    if kind == RecipientKind.INDIVIDUAL and form in COLLECTIVE_ONLY_FORMS:
        errors["kind"] = f"«{label}» chỉ tặng cho tập thể, không tặng cho cá nhân."
    if org is not None:
        cache = ctx.cache.setdefault("reach", {})
        issuer = commendation.issuer
        if issuer.pk not in cache:
            cache[issuer.pk] = reach_paths(issuer)
        if not within_reach(org, cache[issuer.pk]):
            errors["organization"] = (
                f"«{org.name}» không thuộc phạm vi khen thưởng của {issuer.name}: cơ quan ban hành chỉ khen "
                "tập thể, cá nhân thuộc địa phương, đơn vị mình và cơ quan phối hợp cùng cấp."
            )
    return errors


register(
    Registry(
        slug="khen-thuong",
        model=CommendationRecipient,
        title=gettext_noop("Tập thể, cá nhân được khen thưởng"),
        item=gettext_noop("tập thể, cá nhân được khen"),
        group=GROUP,
        order=61,
        description=gettext_noop(
            "Danh sách tập thể, cá nhân được khen theo từng quyết định; in được danh sách kèm quyết định."
        ),
        columns=[
            C("commendation", ref="commendation", width=26),
            C("kind"),
            C("organization", width=36),
            C("person_name", width=26),
            C("person_title"),
            C("achievement", width=40),
        ],
        list_columns=["commendation", "kind", "organization", "person_name", "achievement"],
        scope="commendation__organization",
        natural_key=("commendation", "kind", "organization", "person_name"),
        filters=["kind", "commendation"],
        date_field="commendation__decision_date",
        indicators=("collectives_commended", "individuals_commended"),
        validate=validate_recipient,
        select_related=("commendation", "commendation__issuer", "organization"),
    )
)

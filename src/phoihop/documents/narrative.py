"""Vietnamese sentences from figures, written the way review reports write them.

"Qua 3 năm có 1.089 sáng kiến cấp cơ sở, 59 sáng kiến cấp quận, 7 sáng kiến Thủ đô." Each theme has a
builder that knows its indicators; an indicator no builder knows gets a plain generic sentence, so a new
indicator in the catalogue is never silently left out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from phoihop.core.formatting import vn_money, vn_number, vn_percent
from phoihop.core.text import fold

from .figures import Figure, Figures, IndicatorFigures


@dataclass
class Locality:
    """How the report's area is named in prose: "quận" / "Quận", "Thủ đô" for Hà Nội's city level …"""

    district_word: str = "quận"  # the administrative word of the report's own level: quận, huyện, tỉnh …
    city_level: str = "cấp thành phố"  # how the level above is called: "Thủ đô" in Hà Nội, "cấp tỉnh" …
    area: str = "toàn quận"

    @classmethod
    def for_organizations(cls, organizations) -> Locality:
        names = " ".join(fold(o.name) for o in organizations)
        if " quan " in f" {names} ":
            word = "quận"
        elif " huyen " in f" {names} ":
            word = "huyện"
        elif " thi xa " in f" {names} ":
            word = "thị xã"
        elif " tinh " in f" {names} ":
            word = "tỉnh"
        elif " thanh pho " in f" {names} ":
            word = "thành phố"
        else:
            word = "đơn vị"
        if (
            "ha noi" in names
            or "thu do" in names
            or word in ("quận", "huyện", "thị xã")
            and _under_hanoi(organizations)
        ):
            city = "Thủ đô"
        elif word in ("tỉnh", "thành phố"):
            city = f"cấp {word}"
        else:
            city = "cấp tỉnh, thành phố"
        return cls(district_word=word, city_level=city, area=f"toàn {word}")

    def level(self, option_code: str) -> str:
        """The words after a figure: "1.065 công nhân giỏi cấp cơ sở", "9 công nhân giỏi Thủ đô"."""
        if option_code == "grassroots":
            return "cấp cơ sở"
        if option_code == "district":
            return (
                f"cấp {self.district_word}"
                if self.district_word in ("quận", "huyện", "thị xã")
                else "cấp huyện"
            )
        if option_code == "city":
            return self.city_level
        if option_code == "national":
            return "cấp toàn quốc"
        return option_code


def _under_hanoi(organizations) -> bool:
    for org in organizations:
        for ancestor in org.ancestors():
            if "ha noi" in fold(ancestor.name):
                return True
    return False


def _is_range(figure: Figure) -> bool:
    return figure.value_high is not None and figure.value_high != figure.value


def _qualified(figure: Figure, text: str) -> str:
    # A range already reads "từ … - …": its stored qualifier "từ" must not be written twice.
    qualifier = figure.qualifier
    if not qualifier or (_is_range(figure) and qualifier == "từ"):
        return text
    return f"{qualifier} {text}"


def amount(figure: Figure, unit: str = "") -> str:
    """A count with its qualifier and unit: "trên 3.500 lượt người lao động"."""
    text = vn_number(figure.value)
    if _is_range(figure):
        text = f"từ {text} - {vn_number(figure.value_high)}"
    return f"{_qualified(figure, text)} {unit}".strip()


def money(figure: Figure) -> str:
    """ "trên 2,2 tỷ đồng"."""
    return _qualified(figure, vn_money(figure.value))


def percent(figure: Figure) -> str:
    """ "100%", "từ 67 - 74%", "gần 92,17%"."""
    if _is_range(figure):
        text = f"từ {vn_number(_round(figure.value))} - {vn_percent(figure.value_high)}"
    else:
        text = vn_percent(figure.value)
    return _qualified(figure, text)


def _round(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(Decimal("0.01"))


def capitalize(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def sentence(*parts: str, joiner: str = ", ") -> str:
    body = joiner.join(p for p in parts if p)
    return capitalize(body.rstrip(" ,;")) + "." if body else ""


def by_level(entry: IndicatorFigures, noun: str, locality: Locality) -> str:
    """ "1.065 công nhân giỏi cấp cơ sở, 145 công nhân giỏi cấp quận, 9 công nhân giỏi Thủ đô"."""
    parts = [
        f"{amount(fig)} {noun} {locality.level(option.code)}"
        for option, fig in entry.options
        if fig.has_value
    ]
    if parts:
        return ", ".join(parts)
    return amount(entry.total, noun) if entry.total.has_value else ""


@dataclass
class Context:
    figures: Figures
    locality: Locality
    period_phrase: str  # "Giai đoạn 2017-2020" / "Năm 2021"
    span_phrase: str  # "Qua 3 năm" or the period phrase again
    used: set
    parties: str = "các bên"  # "hai bên" when two bodies report together

    def take(self, code: str) -> IndicatorFigures | None:
        entry = self.figures.get(code)
        if entry is not None:
            self.used.add(code)
        return entry


# --- theme builders: each returns the sentences it could write from the figures present ----------------


def emulation(ctx: Context) -> list[str]:
    out = []
    units, people, workers = (
        ctx.take("skills_contest_units"),
        ctx.take("skills_contest_participants"),
        ctx.take("good_workers"),
    )
    if units or people:
        contest = "Thông qua hội thi tay nghề, thi thợ giỏi, thao diễn kỹ thuật đã có "
        contest += (
            amount(units.total, "lượt đơn vị tổ chức hội thi") if units else "nhiều đơn vị tổ chức hội thi"
        )
        if people:
            contest += f", thu hút {amount(people.total, 'lượt người lao động tham gia')}"
        if workers:
            contest += f"; qua đó có {by_level(workers, 'công nhân giỏi', ctx.locality)}"
        out.append(sentence(contest))
    elif workers:
        out.append(sentence(f"{ctx.period_phrase} có {by_level(workers, 'công nhân giỏi', ctx.locality)}"))
    initiatives = ctx.take("initiatives_recognised")
    benefit = ctx.take("initiative_benefit_vnd")
    if initiatives:
        text = f"{ctx.span_phrase} có {by_level(initiatives, 'sáng kiến', ctx.locality)}"
        if benefit:
            text += f", làm lợi {money(benefit.total)}"
        out.append(sentence(text))
    elif benefit:
        out.append(sentence(f"Các sáng kiến được áp dụng làm lợi {money(benefit.total)}"))
    registered = ctx.take("initiatives_registered")
    if registered:
        out.append(
            sentence(
                f"Trong Chương trình 1 triệu sáng kiến có {amount(registered.total, 'sáng kiến')} đăng ký thành công"
            )
        )
    creative = ctx.take("creative_initiatives")
    if creative:
        out.append(sentence(f"{amount(creative.total, 'sáng kiến sáng tạo')} được biểu dương"))
    deeds = ctx.take("good_deed_examples")
    if deeds:
        noun = "gương “Người tốt, việc tốt”"
        out.append(
            sentence(f"{ctx.period_phrase}, {ctx.locality.area} có {by_level(deeds, noun, ctx.locality)}")
        )
    works = ctx.take("dedicated_works")
    if works:
        out.append(sentence(f"{amount(works.total, 'công trình')} có ý nghĩa được gắn biển"))
    return out


def democracy(ctx: Context) -> list[str]:
    clauses = []
    public = ctx.take("public_employee_conference_rate")
    if public:
        clauses.append(
            f"{percent(public.total)} cơ quan hành chính, đơn vị sự nghiệp công lập tổ chức "
            "Hội nghị cán bộ, công chức, viên chức"
        )
    workers = ctx.take("workers_conference_rate")
    if workers:
        share = percent(workers.total)
        lead = "có " if share.startswith("từ") else ""
        clauses.append(
            f"{lead}{share} doanh nghiệp, đơn vị sự nghiệp ngoài công lập tổ chức Hội nghị người lao động"
        )
    dialogue = ctx.take("workplace_dialogue_rate")
    if dialogue:
        clauses.append(f"{percent(dialogue.total)} doanh nghiệp tổ chức đối thoại tại nơi làm việc")
    combined = ctx.take("democracy_conference_rate")
    if combined:
        clauses.append(
            f"tỷ lệ đơn vị tổ chức Hội nghị cán bộ, công chức và Hội nghị người lao động đạt {percent(combined.total)}"
        )
    out = [sentence("Kết quả, " + "; ".join(clauses), joiner="")] if clauses else []
    plan = ctx.take("annual_plan_issued")
    if plan and plan.total.value:
        out.append(
            f"Hằng năm, {ctx.parties} ban hành văn bản, kế hoạch phối hợp chỉ đạo thực hiện quy chế dân chủ ở cơ sở."
        )
    return out


def labour_relations(ctx: Context) -> list[str]:
    out = []
    cla = ctx.take("collective_agreements_signed")
    if cla:
        text = f"Đã ký kết {amount(cla.total, 'bản thỏa ước lao động tập thể')}"
        detail = [f"{amount(f)} tại {o.name}" for o, f in cla.options if f.has_value]
        if detail and len(detail) > 1:
            text += f" (trong đó {', '.join(detail)})"
        out.append(sentence(text))
    inspections = ctx.take("inspections")
    if inspections:
        out.append(
            sentence(
                f"Phối hợp tổ chức {amount(inspections.total, 'cuộc')} thanh tra, kiểm tra, giám sát "
                "việc thực hiện pháp luật lao động"
            )
        )
    return out


def legal(ctx: Context) -> list[str]:
    out = []
    sessions, people = ctx.take("legal_education_sessions"), ctx.take("legal_education_participants")
    if sessions or people:
        text = "Tổ chức " + (
            amount(sessions.total, "buổi tuyên truyền, phổ biến, giáo dục pháp luật")
            if sessions
            else "tuyên truyền, phổ biến, giáo dục pháp luật"
        )
        if people:
            text += f" với {amount(people.total, 'lượt người tham gia')}"
        out.append(sentence(text))
    political = ctx.take("political_education_participants")
    if political:
        out.append(
            sentence(
                f"{amount(political.total, 'lượt đoàn viên, CNVCLĐ')} tham gia học tập nghị quyết, chuyên đề"
            )
        )
    trained = ctx.take("officials_trained")
    if trained:
        out.append(sentence(f"{amount(trained.total, 'cán bộ')} được tập huấn, tuyên truyền pháp luật"))
    return out


def welfare(ctx: Context) -> list[str]:
    clauses = []
    count, value = ctx.take("gifts_count"), ctx.take("gifts_vnd")
    if count and value:
        clauses.append(
            f"tặng {amount(count.total, 'suất quà')} cho đoàn viên, người lao động, trị giá {money(value.total)}"
        )
    elif count:
        clauses.append(f"tặng {amount(count.total, 'suất quà')} cho đoàn viên, người lao động")
    elif value:
        clauses.append(
            f"tặng quà, hỗ trợ đoàn viên, người lao động có hoàn cảnh khó khăn {money(value.total)}"
        )
    shelters = ctx.take("union_shelters")
    if shelters:
        clauses.append(f"hỗ trợ {amount(shelters.total, 'mái ấm công đoàn')}")
    loans = ctx.take("loans_vnd")
    if loans:
        clauses.append(f"cho công đoàn cơ sở, đoàn viên vay vốn {money(loans.total)}")
    meals = ctx.take("meals_served")
    if meals:
        clauses.append(f"phục vụ {amount(meals.total, 'suất ăn')} (chương trình “Bếp yêu thương”)")
    donations = ctx.take("donations_vnd")
    if donations:
        clauses.append(f"ủng hộ các quỹ {money(donations.total)}")
    return (
        [sentence("Công tác chăm lo đời sống đoàn viên, người lao động: " + "; ".join(clauses), joiner="")]
        if clauses
        else []
    )


def commendation(ctx: Context) -> list[str]:
    collectives, individuals = ctx.take("collectives_commended"), ctx.take("individuals_commended")
    if collectives and individuals:
        who = f"{amount(collectives.total, 'tập thể')} và {amount(individuals.total, 'cá nhân')}"
    elif collectives:
        who = amount(collectives.total, "tập thể")
    elif individuals:
        who = amount(individuals.total, "cá nhân")
    else:
        return []
    return [
        sentence(
            f"{ctx.period_phrase}, có {who} có thành tích trong thực hiện chương trình phối hợp được khen thưởng"
        )
    ]


def organisation(ctx: Context) -> list[str]:
    clauses = []
    members = ctx.take("members_recruited")
    if members:
        clauses.append(f"kết nạp {amount(members.total, 'đoàn viên công đoàn')}")
    unions = ctx.take("grassroots_unions_founded")
    if unions:
        clauses.append(f"thành lập {amount(unions.total, 'công đoàn cơ sở')}")
    return [sentence("Công tác phát triển đoàn viên: " + ", ".join(clauses), joiner="")] if clauses else []


def finance(ctx: Context) -> list[str]:
    due, collected = ctx.take("union_fee_due_vnd"), ctx.take("union_fee_collected_vnd")
    if collected and due and due.total.value:
        share = Figure(value=collected.total.value * 100 / due.total.value)
        return [
            sentence(
                f"Thu kinh phí công đoàn {money(collected.total)} trên tổng số phải thu {money(due.total)}, "
                f"đạt {percent(share)}"
            )
        ]
    if collected:
        return [sentence(f"Thu kinh phí công đoàn {money(collected.total)}")]
    if due:
        return [sentence(f"Kinh phí công đoàn phải thu {money(due.total)}")]
    return []


BUILDERS: dict[str, Callable[[Context], list[str]]] = {
    "emulation": emulation,
    "democracy": democracy,
    "labour_relations": labour_relations,
    "legal": legal,
    "welfare": welfare,
    "commendation": commendation,
    "organisation": organisation,
    "finance": finance,
}


def generic(entry: IndicatorFigures, ctx: Context) -> str:
    """For an indicator without a builder: "Sáng kiến đăng ký …: 5.852 sáng kiến."."""
    indicator = entry.indicator
    unit = str(indicator.get_unit_display())
    if indicator.value_type == "ratio":
        figure_text = percent(entry.total)
    elif indicator.value_type == "amount":
        figure_text = money(entry.total)
    elif indicator.value_type == "boolean":
        return sentence(f"{indicator.name}: {'có' if entry.total.value else 'chưa'}")
    elif entry.options:
        figure_text = ", ".join(
            f"{amount(f, unit)} {o.name}" for o, f in entry.options if f.has_value
        ) or amount(entry.total, unit)
    else:
        figure_text = amount(entry.total, unit)
    return sentence(f"{indicator.name}: {figure_text}")


def comparisons(entries: list[IndicatorFigures], previous_label: str | None) -> list[str]:
    """Against target and the previous period, for the indicators that have them (the table has them all)."""
    out = []
    against_target = [
        f"{e.indicator.name[:1].lower()}{e.indicator.name[1:]} đạt {vn_percent(e.total.achievement)} chỉ tiêu"
        for e in entries
        if e.total.achievement is not None
    ]
    if against_target:
        out.append(sentence("So với chỉ tiêu đề ra: " + "; ".join(against_target[:6]), joiner=""))
    if previous_label:
        changes = []
        for e in entries:
            figure = e.total
            if figure.change is None or figure.previous is None:
                continue
            name = f"{e.indicator.name[:1].lower()}{e.indicator.name[1:]}"
            if figure.change == 0:
                changes.append(f"{name} không thay đổi")
                continue
            word = "tăng" if figure.change > 0 else "giảm"
            if figure.change_percent is not None and e.indicator.value_type != "ratio":
                changes.append(f"{name} {word} {vn_percent(abs(figure.change_percent))}")
            elif e.indicator.value_type == "ratio":
                changes.append(
                    f"{name} {word} {vn_number(abs(figure.change).quantize(Decimal('0.01')))} điểm phần trăm"
                )
            else:
                changes.append(f"{name} {word} {vn_number(abs(figure.change))}")
        if changes:
            out.append(sentence(f"So với {previous_label}: " + "; ".join(changes[:6]), joiner=""))
    return out


def paragraphs_for(entries: list[IndicatorFigures], ctx: Context) -> list[str]:
    """Sentences for a group of indicators (one content area or theme), grouped by theme, then generic ones."""
    codes = {e.code for e in entries}
    scoped = Context(
        figures=Figures(
            period=ctx.figures.period,
            previous_period=ctx.figures.previous_period,
            by_code={c: e for c, e in ctx.figures.by_code.items() if c in codes},
        ),
        locality=ctx.locality,
        period_phrase=ctx.period_phrase,
        span_phrase=ctx.span_phrase,
        used=set(),
        parties=ctx.parties,
    )
    out: list[str] = []
    for theme in dict.fromkeys(e.indicator.theme for e in entries):
        builder = BUILDERS.get(theme)
        if builder:
            sentences = builder(scoped)
            if sentences:
                out.append(" ".join(s for s in sentences if s))
    leftovers = [generic(e, scoped) for e in entries if e.code not in scoped.used]
    if leftovers:
        out.append(" ".join(leftovers))
    ctx.used |= scoped.used | {e.code for e in entries}
    return out

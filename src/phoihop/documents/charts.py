"""Charts for review reports as PNG bytes (matplotlib, no display), labelled in Vietnamese number format."""

from __future__ import annotations

import io
import textwrap
from decimal import Decimal

import matplotlib

matplotlib.use("Agg")

from matplotlib import pyplot as plt  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

from phoihop.core.formatting import vn_number  # noqa: E402
from phoihop.reporting.choices import ValueType  # noqa: E402

from .figures import Figures, IndicatorFigures  # noqa: E402

FONT = ["Times New Roman", "Liberation Serif", "DejaVu Serif"]
COLOURS = ["#0d4d8c", "#a31f24", "#5b8c3a", "#b26a00"]
WIDTH_IN, HEIGHT_IN, DPI = 6.2, 2.9, 150
MAX_BARS = 12


_FONTS_CHECKED = False


def _vietnamese_fonts_only() -> None:
    """Drop font files of our families that lack Vietnamese letters (the old Liberation 1.x beside 2.x has the
    same family name), so matplotlib never picks one and prints boxes for "ệ", "ư", "ở"."""
    global _FONTS_CHECKED
    if _FONTS_CHECKED:
        return
    from matplotlib import font_manager, ft2font

    kept = []
    for entry in font_manager.fontManager.ttflist:
        if entry.name in FONT:
            try:
                charmap = ft2font.FT2Font(entry.fname).get_charmap()
            except Exception:
                continue
            if ord("ệ") not in charmap or ord("ư") not in charmap:
                continue
        kept.append(entry)
    font_manager.fontManager.ttflist = kept
    font_manager.fontManager._findfont_cached.cache_clear()
    _FONTS_CHECKED = True


def _style():
    _vietnamese_fonts_only()
    plt.rcParams.update(
        {
            "font.family": "serif",
            "font.serif": FONT,
            "font.size": 9,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.titlesize": 10,
        }
    )


def _png(fig) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, bbox_inches="tight")
    plt.close(fig)
    return buffer.getvalue()


def _label(text: str, width: int = 22) -> str:
    return "\n".join(textwrap.wrap(text, width)[:3])


def _num(value) -> float:
    return float(value) if isinstance(value, Decimal) else float(value or 0)


def levels_chart(entries: list[IndicatorFigures], level_label) -> bytes | None:
    """Grouped bars: each disaggregated indicator, one bar per option (e.g. recognition level)."""
    entries = [e for e in entries if sum(1 for _o, f in e.options if f.has_value) >= 2][:MAX_BARS]
    if not entries:
        return None
    options = []
    for e in entries:
        for option, fig in e.options:
            if fig.has_value and option.code not in [o.code for o in options]:
                options.append(option)
    _style()
    fig, ax = plt.subplots(figsize=(WIDTH_IN, HEIGHT_IN))
    width = 0.8 / max(len(options), 1)
    for k, option in enumerate(options):
        xs, ys = [], []
        for i, e in enumerate(entries):
            figure = e.option(option.code)
            if figure is not None and figure.has_value:
                xs.append(i + k * width - 0.4 + width / 2)
                ys.append(_num(figure.value))
        bars = ax.bar(xs, ys, width=width * 0.95, color=COLOURS[k % len(COLOURS)], label=level_label(option))
        ax.bar_label(bars, labels=[vn_number(Decimal(str(y)).normalize()) for y in ys], fontsize=7, padding=1)
    ax.set_xticks(range(len(entries)), [_label(e.indicator.name) for e in entries])
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: vn_number(Decimal(str(round(v))))))
    ax.legend(frameon=False, fontsize=8)
    return _png(fig)


def previous_chart(entries: list[IndicatorFigures], figures: Figures) -> bytes | None:
    """This period against the previous one, for counts that have both."""
    entries = [
        e
        for e in entries
        if e.indicator.value_type in (ValueType.COUNT,)
        and e.total.value is not None
        and e.total.previous is not None
    ][:MAX_BARS]
    if not entries or figures.previous_period is None:
        return None
    _style()
    fig, ax = plt.subplots(figsize=(WIDTH_IN, HEIGHT_IN))
    xs = range(len(entries))
    now = [_num(e.total.value) for e in entries]
    before = [_num(e.total.previous) for e in entries]
    ax.bar([x - 0.2 for x in xs], before, width=0.38, color="#9aa7b5", label=figures.previous_period.label)
    bars = ax.bar([x + 0.2 for x in xs], now, width=0.38, color=COLOURS[0], label=figures.period.label)
    ax.bar_label(bars, labels=[vn_number(Decimal(str(v)).normalize()) for v in now], fontsize=7, padding=1)
    ax.set_xticks(list(xs), [_label(e.indicator.name) for e in entries])
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: vn_number(Decimal(str(round(v))))))
    ax.legend(frameon=False, fontsize=8)
    return _png(fig)


def rates_chart(entries: list[IndicatorFigures]) -> bytes | None:
    """Horizontal bars for percentages; a range (67 - 74%) is drawn from its low to its high end."""
    entries = [e for e in entries if e.indicator.value_type == ValueType.RATIO and e.total.value is not None][
        :MAX_BARS
    ]
    if not entries:
        return None
    _style()
    fig, ax = plt.subplots(figsize=(WIDTH_IN, 0.5 + 0.45 * len(entries)))
    ys = list(range(len(entries)))
    lows = [_num(e.total.value) for e in entries]
    highs = [_num(e.total.value_high) if e.total.value_high is not None else None for e in entries]
    ax.barh(ys, lows, color=COLOURS[0], height=0.55)
    for y, low, high in zip(ys, lows, highs, strict=True):
        if high is not None and high > low:
            ax.barh([y], [high - low], left=[low], color="#7fa6cf", height=0.55)
            text = (
                f"{vn_number(Decimal(str(low)).normalize())} - {vn_number(Decimal(str(high)).normalize())}%"
            )
            end = high
        else:
            text = f"{vn_number(Decimal(str(low)).quantize(Decimal('0.01')).normalize())}%"
            end = low
        ax.text(min(end + 1, 101), y, text, va="center", fontsize=8)
    ax.set_yticks(ys, [_label(e.indicator.name, 40) for e in entries])
    ax.set_xlim(0, 112)
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: f"{int(v)}%" if v <= 100 else ""))
    return _png(fig)


def for_group(entries: list[IndicatorFigures], figures: Figures, locality) -> list[tuple[bytes, str]]:
    """At most two charts for a group of indicators, each with its caption."""
    out = []
    levels = levels_chart(
        entries,
        lambda option: (
            locality.level(option.code) if option.disaggregation_id and _is_level(option) else option.name
        ),
    )
    if levels:
        out.append((levels, "Biểu đồ: kết quả theo cấp công nhận"))
    rates = rates_chart(entries)
    if rates:
        out.append((rates, "Biểu đồ: tỷ lệ đơn vị thực hiện"))
    if len(out) < 2:
        previous = previous_chart(entries, figures)
        if previous:
            out.append((previous, "Biểu đồ: so sánh với kỳ trước"))
    return out[:2]


def _is_level(option) -> bool:
    return option.code in ("grassroots", "district", "city", "national")

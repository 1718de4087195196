"""Bar, line and stacked charts drawn on the server (matplotlib), as SVG for pages and PNG for documents.

No asset comes from the internet: fonts are the system's DejaVu/Liberation (full Vietnamese diacritics), numbers
on the axes are written the Vietnamese way (1.065; 92,17). The documents app calls bar_chart / line_chart /
stacked_chart with fmt="png" to put charts into review reports.

    png = bar_chart(["Hà Nội", "Hải Phòng"], {"Sáng kiến": [51500, 18500]}, title="…", target=100000)
"""

from __future__ import annotations

import io
import threading
from collections.abc import Sequence
from decimal import Decimal

import matplotlib

matplotlib.use("Agg")

from matplotlib import pyplot as plt  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

from phoihop.core.formatting import vn_number  # noqa: E402

FONTS = ["DejaVu Sans", "Liberation Sans", "Noto Sans"]
PALETTE = ["#0d4d8c", "#a31f24", "#1b7f3b", "#b26a00", "#6b4c9a", "#2a8c8c", "#8c6d2a", "#5b6673"]
_lock = threading.Lock()  # pyplot keeps global state: one drawing at a time

Number = int | float | Decimal | None


def _style() -> dict:
    return {
        "font.family": "sans-serif",
        "font.sans-serif": FONTS,
        "font.size": 9,
        "axes.titlesize": 11,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "svg.fonttype": "none",  # text stays text in SVG: selectable, searchable, crisp
        "svg.hashsalt": "phoihop",  # stable ids, so the same chart gives the same file
    }


def _num(v: Number) -> float:
    return 0.0 if v is None else float(v)


def _axis_formatter(percent: bool):
    def fmt(x, _pos):
        text = vn_number(Decimal(repr(float(x))).quantize(Decimal("0.01")).normalize())
        return f"{text}%" if percent else text

    return FuncFormatter(fmt)


def _wrap(label: str, width: int = 16) -> str:
    words, lines, line = str(label).split(), [], ""
    for w in words:
        if line and len(line) + len(w) + 1 > width:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}".strip()
    lines.append(line)
    return "\n".join(lines[:3])


def _save(fig, fmt: str) -> bytes:
    buf = io.BytesIO()
    fig.savefig(
        buf,
        format=fmt,
        dpi=150 if fmt == "png" else 100,
        bbox_inches="tight",
        metadata={"Date": None} if fmt == "svg" else None,
    )
    plt.close(fig)
    return buf.getvalue()


def _finish(ax, title: str, ylabel: str, percent: bool, legend: bool) -> None:
    if title:
        ax.set_title(title, loc="left", fontweight="bold")
    if ylabel:
        ax.set_ylabel(ylabel)
    ax.yaxis.set_major_formatter(_axis_formatter(percent))
    ax.grid(axis="y", color="#e3e7ec", linewidth=0.8)
    ax.set_axisbelow(True)
    if legend:
        ax.legend(frameon=False, fontsize=8, loc="upper left", bbox_to_anchor=(0, -0.12), ncol=3)


def bar_chart(
    categories: Sequence[str],
    series: dict[str, Sequence[Number]],
    title: str = "",
    ylabel: str = "",
    target: Number | Sequence[Number] = None,
    target_label: str = "Chỉ tiêu",
    percent: bool = False,
    fmt: str = "png",
    labels: bool = True,
    size: tuple[float, float] | None = None,
    horizontal: bool | None = None,
) -> bytes:
    """Grouped bars, one group per category; `target` draws a line (one value) or markers (one per category).

    With more than 6 categories the bars lie down (names of units stay readable)."""
    if horizontal is None:
        horizontal = len(categories) > 6
    if size is None:
        size = (
            (7.0, max(3.0, 0.34 * len(categories) * max(1, len(series)) + 1.2)) if horizontal else (7.0, 3.6)
        )
    with _lock, plt.rc_context(_style()):
        fig, ax = plt.subplots(figsize=size)
        n = max(len(series), 1)
        width = 0.8 / n
        xs = range(len(categories))
        draw = ax.barh if horizontal else ax.bar
        for i, (name, values) in enumerate(series.items()):
            pos = [x - 0.4 + width * (i + 0.5) for x in xs]
            bars = draw(
                pos, [_num(v) for v in values], width * 0.92, label=name, color=PALETTE[i % len(PALETTE)]
            )
            if labels and len(categories) * n <= 40:
                for bar, v in zip(bars, values, strict=False):
                    if v is None:
                        continue
                    text = vn_number(v, 2 if percent and v != int(v) else None) + ("%" if percent else "")
                    if horizontal:
                        ax.annotate(
                            text,
                            (bar.get_width(), bar.get_y() + bar.get_height() / 2),
                            va="center",
                            ha="left",
                            fontsize=7,
                            xytext=(2, 0),
                            textcoords="offset points",
                        )
                    else:
                        ax.annotate(
                            text,
                            (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                            ha="center",
                            va="bottom",
                            fontsize=7,
                            xytext=(0, 2),
                            textcoords="offset points",
                        )
        if target is not None:
            line = ax.axvline if horizontal else ax.axhline
            if isinstance(target, (list, tuple)):
                points = [_num(v) if v is not None else float("nan") for v in target]
                xy = (points, list(xs)) if horizontal else (list(xs), points)
                ax.scatter(
                    *xy,
                    marker="|" if horizontal else "_",
                    s=900,
                    color="#111",
                    linewidths=2,
                    label=target_label,
                    zorder=3,
                )
            else:
                line(_num(target), color="#111", linestyle="--", linewidth=1.2, label=target_label)
        if horizontal:
            ax.set_yticks(list(xs))
            ax.set_yticklabels([_wrap(c, 34) for c in categories], fontsize=8)
            ax.invert_yaxis()
            ax.xaxis.set_major_formatter(_axis_formatter(percent))
            ax.grid(axis="x", color="#e3e7ec", linewidth=0.8)
            ax.set_axisbelow(True)
            if title:
                ax.set_title(title, loc="left", fontweight="bold")
            if len(series) > 1 or target is not None:
                ax.legend(frameon=False, fontsize=8, loc="upper left", bbox_to_anchor=(0, -0.06), ncol=3)
        else:
            ax.set_xticks(list(xs))
            ax.set_xticklabels([_wrap(c) for c in categories], fontsize=8)
            _finish(ax, title, ylabel, percent, legend=len(series) > 1 or target is not None)
        return _save(fig, fmt)


def line_chart(
    categories: Sequence[str],
    series: dict[str, Sequence[Number]],
    title: str = "",
    ylabel: str = "",
    percent: bool = False,
    fmt: str = "png",
    size: tuple[float, float] = (7.0, 3.4),
) -> bytes:
    """One line per series over the categories (periods); gaps where a value is missing."""
    with _lock, plt.rc_context(_style()):
        fig, ax = plt.subplots(figsize=size)
        xs = list(range(len(categories)))
        for i, (name, values) in enumerate(series.items()):
            ys = [float("nan") if v is None else float(v) for v in values]
            ax.plot(
                xs, ys, marker="o", markersize=4, linewidth=1.8, label=name, color=PALETTE[i % len(PALETTE)]
            )
        if all(v is None or v >= 0 for values in series.values() for v in values):
            ax.set_ylim(bottom=0)
        ax.set_xticks(xs)
        ax.set_xticklabels([_wrap(c, 12) for c in categories], fontsize=8)
        _finish(ax, title, ylabel, percent, legend=len(series) > 1)
        return _save(fig, fmt)


def stacked_chart(
    categories: Sequence[str],
    series: dict[str, Sequence[Number]],
    title: str = "",
    ylabel: str = "",
    fmt: str = "png",
    horizontal: bool = False,
    size: tuple[float, float] = (7.0, 3.6),
) -> bytes:
    """Stacked bars: each series (e.g. an option such as "cấp cơ sở") on top of the previous ones."""
    with _lock, plt.rc_context(_style()):
        fig, ax = plt.subplots(figsize=size)
        base = [0.0] * len(categories)
        xs = list(range(len(categories)))
        for i, (name, values) in enumerate(series.items()):
            vals = [_num(v) for v in values]
            if horizontal:
                ax.barh(xs, vals, left=base, label=name, color=PALETTE[i % len(PALETTE)])
            else:
                ax.bar(xs, vals, bottom=base, label=name, color=PALETTE[i % len(PALETTE)], width=0.6)
            base = [b + v for b, v in zip(base, vals, strict=True)]
        if horizontal:
            ax.set_yticks(xs)
            ax.set_yticklabels([_wrap(c, 28) for c in categories], fontsize=8)
            ax.xaxis.set_major_formatter(_axis_formatter(False))
            ax.invert_yaxis()
            if title:
                ax.set_title(title, loc="left", fontweight="bold")
            ax.legend(frameon=False, fontsize=8, loc="upper left", bbox_to_anchor=(0, -0.08), ncol=4)
        else:
            ax.set_xticks(xs)
            ax.set_xticklabels([_wrap(c) for c in categories], fontsize=8)
            _finish(ax, title, ylabel, False, legend=True)
        return _save(fig, fmt)

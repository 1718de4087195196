"""Scoring predictions against hand-made gold files, with the matching rules of FORMAT.md §9."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

GROUPS = ("figures", "figures+level", "programs", "people", "people+title", "parties")
PROGRAM_ATTRIBUTES = ("signed_date", "period", "role", "content_areas_count")
VALUE_TOLERANCE = 0.005
TITLE_F1_MIN = 0.6
_UNIT_ALIASES = {
    "people": "person", "participant": "person", "worker": "person", "person": "person",
    "item": "count", "count": "count", "đồng": "vnd", "vnd": "vnd",
}  # fmt: skip
# Old tone placement on a word-final oa / oe / uy ("Hoà", "Uỷ") is read as the new one ("Hòa", "Ủy").
_OLD_STYLE = {}
for _base, _vowel in (("o", "a"), ("o", "e"), ("u", "y")):
    for _mark in "\u0300\u0301\u0309\u0303\u0323":
        _OLD_STYLE[unicodedata.normalize("NFC", _base + _mark + _vowel)] = unicodedata.normalize(
            "NFC", _base + _vowel + _mark
        )
_OLD_STYLE_RE = re.compile("(?:" + "|".join(_OLD_STYLE) + r")(?!\w)")


# --------------------------------------------------------------------------- normalisation
def _squash(s: str) -> str:
    return " ".join(unicodedata.normalize("NFC", s).split())


def _org_key(s: str) -> str:
    s = _squash(s).lower()
    s = re.sub(r"(?<!\w)lđlđ(?!\w)", "liên đoàn lao động", s)
    s = re.sub(r"(?<!\w)ubnd(?!\w)", "ủy ban nhân dân", s)
    s = re.sub(r"(?<!\w)tp(?!\w)\.?", "thành phố", s)
    s = _OLD_STYLE_RE.sub(lambda m: _OLD_STYLE[m.group(0)], s)
    return " ".join(s.split())


def _name_key(s: Any) -> str | None:
    return _squash(s).casefold() if isinstance(s, str) else None


def _unit_key(u: Any) -> str | None:
    if not isinstance(u, str):
        return None
    u = _squash(u).lower()
    return _UNIT_ALIASES.get(u, u)


def _doc_number_key(s: Any) -> str | None:
    if not isinstance(s, str) or not s.strip():
        return None
    return "".join(unicodedata.normalize("NFC", s).split()).casefold()


def _kind_key(s: Any) -> str | None:
    return _squash(s).lower() if isinstance(s, str) else None


def _int_or_none(v: Any) -> int | None:
    if isinstance(v, bool):
        return None
    if isinstance(v, int):
        return v
    if isinstance(v, float) and v.is_integer():
        return int(v)
    if isinstance(v, str) and v.strip().isdigit():
        return int(v.strip())
    return None


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _close(gold: Any, pred: Any) -> bool:
    if not (_is_number(gold) and _is_number(pred)):
        return False
    if gold == 0:
        return abs(pred) <= 1e-9
    return abs(pred - gold) <= VALUE_TOLERANCE * abs(gold)


def values_agree(gold: Any, pred: Any) -> bool:
    """Numbers within 0.5 %; a range only equals a range of the same length, end by end."""
    if isinstance(gold, list):
        return isinstance(pred, list) and len(gold) == len(pred) and all(map(_close, gold, pred))
    return not isinstance(pred, list) and _close(gold, pred)


def title_f1(gold: Any, pred: Any) -> float:
    """Token-set F1 of two position titles after party normalisation."""
    g = set(re.findall(r"\w+", _org_key(gold))) if isinstance(gold, str) else set()
    p = set(re.findall(r"\w+", _org_key(pred))) if isinstance(pred, str) else set()
    if not g and not p:
        return 1.0
    if not g or not p:
        return 0.0
    return 2 * len(g & p) / (len(g) + len(p))


def _occurrences(text: str | None, quote: Any) -> list[tuple[int, int]] | None:
    if text is None or not isinstance(quote, str):
        return None
    q = _squash(quote)
    if not q:
        return None
    spans, start = [], text.find(q)
    while start >= 0:
        spans.append((start, start + len(q)))
        start = text.find(q, start + 1)
    return spans or None


def _shared_chars(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    return max(min(a1, b1) - max(a0, b0) for a0, a1 in a for b0, b1 in b)


# --------------------------------------------------------------------------- reading files
def _as_items(obj: dict, key: str, kinds: tuple[type, ...]) -> list:
    v = obj.get(key)
    if not isinstance(v, list):
        return []
    return [x for x in v if isinstance(x, kinds)]


def _view(d: Any) -> dict:
    """What scoring reads from a gold or predicted object, with safe defaults for missing keys."""
    d = d if isinstance(d, dict) else {}
    return {
        "doc_kind": d.get("doc_kind"),
        "event_date": d.get("event_date"),
        "parties": [p for p in _as_items(d, "parties", (str,))],
        "programs": _as_items(d, "programs", (dict,)),
        "people": _as_items(d, "people", (dict,)),
        "figures": _as_items(d, "figures", (dict,)),
    }


# --------------------------------------------------------------------------- matching
def _one_to_one(candidates: Iterable[tuple[tuple, int, int]]) -> list[tuple[int, int]]:
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, g, p in sorted(candidates):
        if g in used_gold or p in used_pred:
            continue
        used_gold.add(g)
        used_pred.add(p)
        pairs.append((g, p))
    return pairs


def _figure_pairs(
    gold: list[dict], pred: list[dict], text: str | None, with_level: bool
) -> list[tuple[int, int]]:
    candidates = []
    for gi, g in enumerate(gold):
        g_spans = _occurrences(text, g.get("quote"))
        for pi, p in enumerate(pred):
            if _unit_key(p.get("unit")) != _unit_key(g.get("unit")):
                continue
            if not values_agree(g.get("value"), p.get("value")):
                continue
            if with_level and p.get("level") != g.get("level"):
                continue
            p_spans = _occurrences(text, p.get("quote"))
            shared = 0
            if g_spans is not None and p_spans is not None:
                shared = _shared_chars(g_spans, p_spans)
                if shared <= 0:
                    continue
            candidates.append(((-shared, gi, pi), gi, pi))
    return _one_to_one(candidates)


def _period(p: dict) -> tuple[int | None, int | None]:
    return _int_or_none(p.get("period_start_year")), _int_or_none(p.get("period_end_year"))


def _program_pairs(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    taken: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for gi, g in enumerate(gold):
        key = _doc_number_key(g.get("number"))
        if key is None:
            continue
        for pi, p in enumerate(pred):
            if pi not in taken and _doc_number_key(p.get("number")) == key:
                taken.add(pi)
                pairs.append((gi, pi))
                break
    for gi, g in enumerate(gold):
        if _doc_number_key(g.get("number")) is not None:
            continue
        options = [
            ((p.get("role") != g.get("role"), _doc_number_key(p.get("number")) is not None, pi), pi)
            for pi, p in enumerate(pred)
            if pi not in taken
            and _kind_key(p.get("kind")) == _kind_key(g.get("kind"))
            and _period(p) == _period(g)
        ]
        if options:
            pi = min(options)[1]
            taken.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def _program_checks(g: dict, p: dict) -> dict[str, bool]:
    return {
        "signed_date": (p.get("signed_date") or None) == (g.get("signed_date") or None),
        "period": _period(p) == _period(g),
        "role": p.get("role") == g.get("role"),
        "content_areas_count": _int_or_none(p.get("content_areas_count"))
        == _int_or_none(g.get("content_areas_count")),
    }


def score_one(gold: Any, pred: Any, text: str | None) -> dict:
    """Counts and misses for one file. `text` is the source text (or None to match on value + unit)."""
    g, p = _view(gold), _view(pred)
    squashed = _squash(text) if text is not None else None
    counts = {grp: [0, 0, 0] for grp in GROUPS}
    misses: list[str] = []

    def tally(group: str, matched: int, n_gold: int, n_pred: int) -> None:
        counts[group][0] += matched
        counts[group][1] += n_pred - matched
        counts[group][2] += n_gold - matched

    loose = _figure_pairs(g["figures"], p["figures"], squashed, with_level=False)
    strict = _figure_pairs(g["figures"], p["figures"], squashed, with_level=True)
    tally("figures", len(loose), len(g["figures"]), len(p["figures"]))
    tally("figures+level", len(strict), len(g["figures"]), len(p["figures"]))
    hit = {gi for gi, _ in loose}
    misses += [
        f"figures: missed {f.get('value')!r} {f.get('unit')} “{f.get('quote')}”"
        for i, f in enumerate(g["figures"])
        if i not in hit
    ]
    hit = {pi for _, pi in loose}
    misses += [
        f"figures: extra {f.get('value')!r} {f.get('unit')} “{f.get('quote')}”"
        for i, f in enumerate(p["figures"])
        if i not in hit
    ]

    prog_pairs = _program_pairs(g["programs"], p["programs"])
    tally("programs", len(prog_pairs), len(g["programs"]), len(p["programs"]))
    attrs = {a: [0, 0] for a in PROGRAM_ATTRIBUTES}
    for gi, pi in prog_pairs:
        for name, ok in _program_checks(g["programs"][gi], p["programs"][pi]).items():
            attrs[name][0] += ok
            attrs[name][1] += 1
            if not ok:
                misses.append(
                    f"programs: wrong {name} for {g['programs'][gi].get('number') or g['programs'][gi].get('kind')}"
                )

    people_candidates = []
    for gi, gp in enumerate(g["people"]):
        for pi, pp in enumerate(p["people"]):
            gk = _name_key(gp.get("name"))
            if gk is not None and gk == _name_key(pp.get("name")):
                people_candidates.append(((-title_f1(gp.get("title"), pp.get("title")), gi, pi), gi, pi))
    people_pairs = _one_to_one(people_candidates)
    tally("people", len(people_pairs), len(g["people"]), len(p["people"]))
    good_titles = sum(
        title_f1(g["people"][gi].get("title"), p["people"][pi].get("title")) >= TITLE_F1_MIN
        for gi, pi in people_pairs
    )
    tally("people+title", good_titles, len(g["people"]), len(p["people"]))
    matched_names = {gi for gi, _ in people_pairs}
    misses += [f"people: missed {x.get('name')}" for i, x in enumerate(g["people"]) if i not in matched_names]

    gold_parties = {_org_key(x) for x in g["parties"]}
    pred_parties = {_org_key(x) for x in p["parties"]}
    tally("parties", len(gold_parties & pred_parties), len(gold_parties), len(pred_parties))
    misses += [f"parties: missed {x}" for x in sorted(gold_parties - pred_parties)]
    misses += [f"parties: extra {x}" for x in sorted(pred_parties - gold_parties)]

    dated = g["event_date"] is not None
    return {
        "counts": counts,
        "program_attributes": attrs,
        "title_ok": [good_titles, len(people_pairs)],
        "doc_kind_ok": p["doc_kind"] == g["doc_kind"],
        "event_date_scored": dated,
        "event_date_ok": dated and p["event_date"] == g["event_date"],
        "event_date_spurious": not dated and p["event_date"] is not None,
        "misses": misses,
    }


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    recall = tp / (tp + fn) if tp + fn else (1.0 if fp == 0 else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _accuracy(correct: int, total: int) -> dict:
    return {"correct": correct, "total": total, "accuracy": correct / total if total else None}


def evaluate(
    gold_dir: str | Path,
    text_dir: str | Path,
    pred: dict[str, dict] | None = None,
    extractor: Callable[[str], dict] | None = None,
) -> dict:
    """Per-field scores of predictions (by file stem) against GOLD_DIR/*.json, quotes looked up in TEXT_DIR.

    Without `pred`, the texts are read with the engine's own `extract` first.
    """
    gold_dir, text_dir = Path(gold_dir), Path(text_dir)
    if extractor is None:
        from .extractor import extract as extractor
    files: dict[str, dict] = {}
    for gold_path in sorted(gold_dir.glob("*.json")):
        stem = gold_path.stem
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text_path = text_dir / f"{stem}.txt"
        text = text_path.read_text(encoding="utf-8") if text_path.exists() else None
        if pred is None:
            prediction = extractor(text) if text is not None else None
        else:
            prediction = pred.get(stem)
        files[stem] = score_one(gold, prediction, text)
    groups = {}
    for grp in GROUPS:
        tp, fp, fn = (sum(f["counts"][grp][i] for f in files.values()) for i in range(3))
        precision, recall, f1 = _prf(tp, fp, fn)
        groups[grp] = {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1}
    attributes = {
        a: _accuracy(
            sum(f["program_attributes"][a][0] for f in files.values()),
            sum(f["program_attributes"][a][1] for f in files.values()),
        )
        for a in PROGRAM_ATTRIBUTES
    }
    return {
        "files": len(files),
        "groups": groups,
        "program_attributes": attributes,
        "people_title_accuracy": _accuracy(
            sum(f["title_ok"][0] for f in files.values()), sum(f["title_ok"][1] for f in files.values())
        ),
        "doc_kind_accuracy": _accuracy(sum(f["doc_kind_ok"] for f in files.values()), len(files)),
        "event_date_accuracy": _accuracy(
            sum(f["event_date_ok"] for f in files.values()),
            sum(f["event_date_scored"] for f in files.values()),
        ),
        "event_date_spurious": sum(f["event_date_spurious"] for f in files.values()),
        "per_file": {stem: {"misses": f["misses"]} for stem, f in files.items()},
    }


def format_report(scores: dict) -> str:
    """A readable table of the scores returned by `evaluate`."""
    lines = [f"Số tệp gold: {scores['files']}", ""]
    lines.append(f"{'nhóm':<15}{'TP':>5}{'FP':>5}{'FN':>5}{'precision':>11}{'recall':>9}{'F1':>8}")
    for grp in GROUPS:
        g = scores["groups"][grp]
        lines.append(
            f"{grp:<15}{g['tp']:>5}{g['fp']:>5}{g['fn']:>5}{g['precision']:>11.3f}{g['recall']:>9.3f}{g['f1']:>8.3f}"
        )
    lines.append("")

    def acc(d: dict) -> str:
        return "n/a" if d["accuracy"] is None else f"{d['accuracy']:.3f} ({d['correct']}/{d['total']})"

    for name in PROGRAM_ATTRIBUTES:
        lines.append(f"programs.{name:<21}{acc(scores['program_attributes'][name])}")
    lines.append(f"{'people title':<30}{acc(scores['people_title_accuracy'])}")
    lines.append(f"{'doc_kind':<30}{acc(scores['doc_kind_accuracy'])}")
    lines.append(
        f"{'event_date':<30}{acc(scores['event_date_accuracy'])}; "
        f"ngày dự đoán khi gold trống: {scores['event_date_spurious']}"
    )
    misses = [(stem, m) for stem, f in scores["per_file"].items() for m in f["misses"]]
    if misses:
        lines += ["", "Sai lệch theo tệp:"]
        lines += [f"  {stem}: {m}" for stem, m in misses]
    return "\n".join(lines)

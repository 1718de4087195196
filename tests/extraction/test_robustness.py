"""The extractor never crashes and always returns a well-formed object, whatever text it is given."""

import json
import random

import pytest

from phoihop.core.testing import shared_dir
from phoihop.extraction.engine.extractor import FIGURE_KEYS, PROGRAM_KEYS, TOP_KEYS, extract

SEEDS = sorted((shared_dir() / "seeds").glob("*.txt"))
DOC_KINDS = {"signing", "interim_review", "final_review", "plan", "briefing", "activity_report", "other"}
UNITS = {
    "initiative", "person", "member", "grassroots_union", "VND", "percent", "count", "rank", "enterprise",
    "collective", "individual", "case", "meal",
}  # fmt: skip


def _check(result: dict, text: str) -> None:
    assert list(result) == TOP_KEYS
    json.dumps(result, ensure_ascii=False)
    assert result["doc_kind"] in DOC_KINDS
    for p in result["programs"]:
        assert list(p) == PROGRAM_KEYS
        assert p["role"] in {"signed", "reviewed", "parent", "referenced"}
    for f in result["figures"]:
        assert list(f) == FIGURE_KEYS
        assert f["quote"] in text and f["unit"] in UNITS
        v = f["value"]
        assert (isinstance(v, (int, float)) and not isinstance(v, bool)) or (len(v) == 2 and v[0] < v[1])
    for p in result["people"]:
        assert p["name"] in text


@pytest.mark.parametrize(
    "text", ["", " ", "\n\n", "a", "1", "Số:", "ngày 31 tháng 2 năm 2020", "(((", "“”", "%"]
)
def test_degenerate_inputs(text):
    _check(extract(text), text)


def test_shuffled_fragments_of_real_texts():
    texts = [p.read_text(encoding="utf-8") for p in SEEDS] or ["UBND tỉnh và LĐLĐ tỉnh ký kết quy chế."]
    lines = [ln for t in texts for ln in t.split("\n")]
    words = " ".join(texts).split(" ")
    rng = random.Random(20240601)
    for _ in range(300):
        if rng.random() < 0.5:
            text = "\n".join(rng.choice(lines) for _ in range(rng.randint(0, 15)))
        else:
            text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 200)))
        _check(extract(text), text)


def test_url_is_passed_through():
    assert extract("Tin\nNội dung.", url="https://example.vn/bai-1")["url"] == "https://example.vn/bai-1"

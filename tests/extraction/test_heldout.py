"""The held-out set: 50 invented texts of the genre with hand-made gold, scored with the rules of FORMAT.md §9.

The texts (tests/extraction/heldout/texts) imitate provincial and district portals, Lao Động, LĐTĐ and legal
documents; the gold (tests/extraction/heldout/gold) was written from FORMAT.md before the engine read them.
The floors sit a little below the scores measured when the set was finished, so a regression fails here.
"""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from phoihop.core.testing import shared_dir
from phoihop.extraction.engine.evaluate import evaluate, format_report

HELDOUT = Path(__file__).parent / "heldout"
GOLD, TEXTS = HELDOUT / "gold", HELDOUT / "texts"
VERIFY = shared_dir() / "extraction" / "verify_gold.py"

# Measured when the set was finished: figures 1.000, figures+level 0.987, programs 0.981, people 1.000,
# people+title 1.000, parties 0.994; every programme attribute, doc_kind and event_date 1.000.
GROUP_FLOORS = {
    "figures": 0.99,
    "figures+level": 0.975,
    "programs": 0.96,
    "people": 0.98,
    "people+title": 0.98,
    "parties": 0.98,
}
ATTRIBUTE_FLOORS = {"signed_date": 0.98, "period": 0.98, "role": 0.98, "content_areas_count": 0.98}


@pytest.fixture(scope="module")
def scores():
    return evaluate(GOLD, TEXTS)


def test_the_set_has_a_gold_file_for_every_text():
    assert sorted(p.stem for p in GOLD.glob("*.json")) == sorted(p.stem for p in TEXTS.glob("*.txt"))
    assert len(list(GOLD.glob("*.json"))) >= 50


@pytest.mark.parametrize("group", GROUP_FLOORS)
def test_list_fields_stay_above_their_floor(scores, group):
    assert scores["groups"][group]["f1"] >= GROUP_FLOORS[group], format_report(scores)


@pytest.mark.parametrize("attribute", ATTRIBUTE_FLOORS)
def test_programme_attributes_stay_above_their_floor(scores, attribute):
    assert scores["program_attributes"][attribute]["accuracy"] >= ATTRIBUTE_FLOORS[attribute]


def test_doc_kind_and_event_date_stay_above_their_floor(scores):
    assert scores["doc_kind_accuracy"]["accuracy"] >= 0.96
    assert scores["event_date_accuracy"]["accuracy"] >= 0.97
    assert scores["event_date_spurious"] <= 1


@pytest.mark.skipif(not VERIFY.is_file(), reason="shared gold checker not available")
def test_gold_passes_the_shared_checker_but_for_compound_amounts():
    proc = subprocess.run(
        [sys.executable, str(VERIFY), str(GOLD), str(TEXTS)], capture_output=True, text=True, check=False
    )
    errors = [ln for ln in proc.stdout.splitlines() if ": figures[" in ln or "mismatch" in ln]
    # verify_gold.py reads "1 tỷ 250 triệu đồng" as separate numbers; the value 1250000000 is right (§8.3).
    unexpected = [ln for ln in errors if not re.search(r"not readable from quote '\d+ tỷ \d+ triệu", ln)]
    assert unexpected == [], proc.stdout
    assert "gold files" in proc.stdout

"""The `extract` command: one JSON object on stdout, summaries, folders, evaluation and errors."""

import json
import subprocess
import sys

import pytest

from phoihop.core.testing import shared_dir
from phoihop.extraction.cli import main
from phoihop.extraction.engine.extractor import TOP_KEYS

SEED = next(iter(sorted((shared_dir() / "seeds").glob("003_*.txt"))), None)
pytestmark = pytest.mark.skipif(SEED is None, reason="shared seeds not available")


def test_json_prints_exactly_one_object(capsys):
    assert main([str(SEED), "--json"]) == 0
    out, err = capsys.readouterr()
    obj = json.loads(out)  # fails if anything else were printed
    assert list(obj) == TOP_KEYS
    assert err == ""


def test_json_as_a_subprocess_has_nothing_else_on_stdout():
    proc = subprocess.run(
        [sys.executable, "-m", "phoihop.extraction.cli", str(SEED), "--json"], capture_output=True, text=True
    )
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["doc_kind"] == "signing"
    assert proc.stdout.count("\n") == 1


def test_human_summary(capsys):
    assert main([str(SEED)]) == 0
    out = capsys.readouterr().out
    assert "Loại văn bản: signing" in out and "Mỹ Đức" in out


def test_missing_file_is_a_vietnamese_error_with_code_2(capsys, tmp_path):
    assert main([str(tmp_path / "khong-co.txt"), "--json"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "Không tìm thấy tệp" in err


def test_unreadable_file(capsys, tmp_path):
    bad = tmp_path / "rac.txt"
    bad.write_bytes(bytes(range(256)) * 8)
    assert main([str(bad), "--json"]) == 2
    assert "không phải là văn bản" in capsys.readouterr().err


def test_folder_to_out_dir(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (src / "b.txt").write_bytes(b"")
    assert main([str(src), "--out", str(tmp_path / "out")]) == 0
    assert json.loads((tmp_path / "out" / "a.json").read_text(encoding="utf-8"))["doc_kind"] == "signing"
    assert not (tmp_path / "out" / "b.json").exists()
    assert "b.txt" in capsys.readouterr().err


def test_evaluate_passes_and_fails_on_thresholds(capsys):
    gold, texts = str(shared_dir() / "extraction" / "dev"), str(shared_dir() / "seeds")
    assert main(["--evaluate", gold, texts]) == 0
    assert "ĐẠT" in capsys.readouterr().out
    assert main(["--evaluate", gold, texts, "--min-figures", "1.01"]) == 1
    assert "CHƯA ĐẠT" in capsys.readouterr().out


def test_bad_arguments(capsys):
    assert main(["--khong-co"]) == 2
    assert "Lỗi tham số" in capsys.readouterr().err
    assert main([]) == 2

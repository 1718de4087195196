"""Throughput of the report reader: KB of text per second on one core, against the 100 KB/s goal."""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from phoihop.extraction.engine.extractor import extract  # noqa: E402

GOAL_KB_S = 100.0
SEEDS = Path("/work/shared/seeds")

# Varied text of the genre that the seeds do not contain, so the run is not one file's best case.
VARIED = [
    """UBND tỉnh Quảng Nam và LĐLĐ tỉnh ký kết Quy chế phối hợp giai đoạn 2021-2026
Chiều 15-3-2021, UBND tỉnh Quảng Nam và Liên đoàn Lao động tỉnh tổ chức Hội nghị ký kết Quy chế phối hợp công tác
giai đoạn 2021-2026. Dự hội nghị có đồng chí Lê Trí Thanh, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh.
Giai đoạn 2016-2020, LĐLĐ tỉnh đã phát triển mới 25.300 đoàn viên, thành lập 312 CĐCS; tặng quà cho trên 45 ngàn
lượt công nhân với tổng kinh phí hơn 12,5 tỷ đồng; có từ 67 đến 74% doanh nghiệp tổ chức hội nghị người lao động.
""",
    """LĐLĐ tỉnh Bình Dương: 6 tháng đầu năm phát triển hơn 10.000 đoàn viên
10:25 | 05/07/2024
Tính đến ngày 30/6/2024, LĐLĐ tỉnh Bình Dương đã phát triển được 10.350 đoàn viên, thành lập 45 CĐCS, đạt 52% kế
hoạch năm. Ông Nguyễn Văn Lộc, Phó Chủ tịch LĐLĐ tỉnh cho biết các cấp công đoàn đã trao 3.500 suất quà trị giá
2,6 tỉ đồng, hỗ trợ 1 tỷ 250 triệu đồng cho 356 trường hợp khó khăn. LĐLĐ tỉnh xếp thứ 2 toàn quốc.
""",
]


def build_corpus(min_bytes: int = 2 * 1024 * 1024) -> list[str]:
    """The seeds and the varied texts, repeated until the corpus holds at least `min_bytes` of UTF-8."""
    base = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] if SEEDS.is_dir() else []
    base += VARIED
    corpus: list[str] = []
    size = 0
    while size < min_bytes:
        for t in base:
            corpus.append(t)
            size += len(t.encode("utf-8"))
    return corpus


def run(runs: int = 5) -> float:
    corpus = build_corpus()
    size_kb = sum(len(t.encode("utf-8")) for t in corpus) / 1024
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        for text in corpus:
            extract(text)
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    # CPU time is what one core spends; wall time also counts waiting for other processes on a busy machine.
    speed = size_kb / statistics.median(cpu)
    wall_speed = size_kb / statistics.median(wall)
    print(f"corpus: {len(corpus)} texts, {size_kb:.0f} KB; median of {runs} runs")
    print(
        f"speed (CPU time, one core): {speed:.0f} KB/s = {speed / GOAL_KB_S:.1f} × the {GOAL_KB_S:.0f} KB/s goal"
    )
    print(f"speed (wall clock):         {wall_speed:.0f} KB/s")
    return speed


if __name__ == "__main__":
    sys.exit(0 if run() >= GOAL_KB_S else 1)

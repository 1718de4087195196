"""The `phoihop extract` command: read old reports into JSON, or score the reader on annotated texts."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .engine.errors import ExtractionError

EXIT_BELOW_GOAL = 1
EXIT_ERROR = 2
READABLE = (".txt", ".html", ".htm", ".docx", ".pdf")


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in Vietnamese with exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"Lỗi tham số: {message}\n{self.format_usage()}")
        raise SystemExit(EXIT_ERROR)


def _parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="phoihop extract",
        description="Đọc văn bản (bài báo, báo cáo, văn bản hành chính) thành dữ liệu JSON.",
    )
    p.add_argument("path", nargs="?", help="tệp .txt/.html/.docx/.pdf hoặc thư mục")
    p.add_argument("--json", action="store_true", help="in đúng một đối tượng JSON ra stdout")
    p.add_argument("--out", metavar="OUTDIR", help="với một thư mục: ghi mỗi văn bản ra OUTDIR/<tên>.json")
    p.add_argument("--url", help="địa chỉ gốc của văn bản (ghi vào trường url)")
    p.add_argument("--evaluate", nargs=2, metavar=("GOLD_DIR", "TEXT_DIR"), help="chấm điểm trên tập có nhãn")
    p.add_argument("--min-figures", type=float, default=0.95, help="ngưỡng F1 của figures (mặc định 0.95)")
    p.add_argument("--min-programs", type=float, default=0.95, help="ngưỡng cho programs (mặc định 0.95)")
    p.add_argument("--min-people", type=float, default=0.9, help="ngưỡng F1 của people+title (mặc định 0.9)")
    p.add_argument("--max-bytes", type=int, default=None, help="giới hạn kích thước tệp (byte)")
    return p


def _read(path: Path, max_bytes: int | None) -> str:
    from .engine.readers import DEFAULT_MAX_BYTES, read_document

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ExtractionError(f"Không mở được tệp «{path}»: {exc.strerror or exc}.") from exc
    return read_document(data, path.name, max_bytes or DEFAULT_MAX_BYTES).text


def _summary(result: dict, path: Path) -> str:
    lines = [f"Tệp: {path}", f"Tiêu đề: {result['title']}", f"Loại văn bản: {result['doc_kind']}"]
    lines.append(f"Ngày sự kiện: {result['event_date'] or '—'} ({result['event_date_raw'] or 'không ghi'})")
    lines.append("Các bên: " + ("; ".join(result["parties"]) or "—"))
    lines.append(f"Chương trình/quy chế ({len(result['programs'])}):")
    for p in result["programs"]:
        years = (
            "–".join(str(y) for y in (p["period_start_year"], p["period_end_year"]) if y)
            or "không rõ giai đoạn"
        )
        lines.append(f"  - {p['kind']} {p['number'] or '(không số)'}, {years}, vai trò: {p['role']}")
    lines.append(f"Người ({len(result['people'])}):")
    lines += [f"  - {p['name']}: {p['title']}" for p in result["people"]]
    lines.append(f"Số liệu ({len(result['figures'])}):")
    for f in result["figures"]:
        lines.append(f"  - {f['value']} {f['unit']} [{f['level'] or '—'}] «{f['quote']}»")
    return "\n".join(lines)


def _evaluate(args: argparse.Namespace) -> int:
    from .engine.evaluate import evaluate, format_report

    gold_dir, text_dir = Path(args.evaluate[0]), Path(args.evaluate[1])
    for d in (gold_dir, text_dir):
        if not d.is_dir():
            raise ExtractionError(f"Không tìm thấy thư mục «{d}».")
    if not any(gold_dir.glob("*.json")):
        raise ExtractionError(f"Thư mục «{gold_dir}» không có tệp gold *.json nào.")
    scores = evaluate(gold_dir, text_dir)
    print(format_report(scores))
    checks = [
        ("figures F1", scores["groups"]["figures"]["f1"], args.min_figures),
        ("people+title F1", scores["groups"]["people+title"]["f1"], args.min_people),
        ("programs F1", scores["groups"]["programs"]["f1"], args.min_programs),
    ]
    for name in ("signed_date", "period"):
        acc = scores["program_attributes"][name]["accuracy"]
        checks.append((f"programs.{name}", 1.0 if acc is None else acc, args.min_programs))
    failed = [(n, v, m) for n, v, m in checks if v < m]
    print()
    if failed:
        for n, v, m in failed:
            print(f"CHƯA ĐẠT: {n} = {v:.3f} < {m:.3f}")
        return EXIT_BELOW_GOAL
    print("ĐẠT tất cả các ngưỡng.")
    return 0


def _extract_dir(src: Path, out: Path, max_bytes: int | None) -> int:
    from .engine.extractor import extract

    out.mkdir(parents=True, exist_ok=True)
    failures = 0
    files = sorted(p for p in src.iterdir() if p.is_file() and p.suffix.lower() in READABLE)
    if not files:
        raise ExtractionError(f"Thư mục «{src}» không có tệp .txt/.html/.docx/.pdf nào.")
    for path in files:
        try:
            result = extract(_read(path, max_bytes))
        except ExtractionError as exc:
            failures += 1
            sys.stderr.write(f"{path.name}: {exc.message_vi}\n")
            continue
        (out / f"{path.stem}.json").write_text(
            json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    print(f"Đã đọc {len(files) - failures}/{len(files)} tệp, kết quả ở «{out}».")
    return EXIT_ERROR if failures == len(files) else 0


def main(argv: list[str]) -> int:
    """Entry point; `argv` excludes the word "extract". Returns the process exit code."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    try:
        if args.evaluate:
            return _evaluate(args)
        if not args.path:
            sys.stderr.write("Lỗi: cần chỉ ra tệp hoặc thư mục cần đọc (xem --help).\n")
            return EXIT_ERROR
        path = Path(args.path)
        if path.is_dir():
            if not args.out:
                sys.stderr.write("Lỗi: với một thư mục, cần thêm --out OUTDIR.\n")
                return EXIT_ERROR
            return _extract_dir(path, Path(args.out), args.max_bytes)
        if not path.exists():
            raise ExtractionError(f"Không tìm thấy tệp «{path}».")
        from .engine.extractor import extract

        result = extract(_read(path, args.max_bytes), url=args.url)
        if args.out:
            out = Path(args.out)
            out.mkdir(parents=True, exist_ok=True)
            (out / f"{path.stem}.json").write_text(
                json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
        if args.json:
            sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        elif not args.out:
            print(_summary(result, path))
        return 0
    except ExtractionError as exc:
        sys.stderr.write(f"Lỗi: {exc.message_vi}\n")
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Rows of results: printed as a table, written as Markdown and JSON."""

from __future__ import annotations

import json
import os
import platform
from dataclasses import asdict, dataclass, field
from pathlib import Path

import psutil


@dataclass
class Row:
    benchmark: str  # e.g. "throughput"
    metric: str  # what was measured
    value: str  # formatted figure
    baseline: str = ""  # the same-run baseline it is compared with, formatted
    ratio: float | None = None  # value / baseline (or the figure the goal applies to)
    goal: str = ""  # e.g. "≥ 0.8"
    ok: bool | None = None  # goal met?
    note: str = ""
    raw: dict = field(default_factory=dict)  # unformatted numbers for the JSON file


def machine() -> dict:
    return {"nproc": os.cpu_count(), "ram_gb": round(psutil.virtual_memory().total / 2**30, 1),
            "python": platform.python_version(), "platform": platform.platform(),
            "load_average": [round(x, 2) for x in os.getloadavg()]}


def _cells(row: Row) -> list[str]:
    ratio = "" if row.ratio is None else f"{row.ratio:.3g}"
    status = "" if row.ok is None else ("yes" if row.ok else "NO")
    return [row.benchmark, row.metric, row.value, row.baseline, ratio, row.goal, status, row.note]


HEADERS = ["benchmark", "metric", "value", "baseline (same run)", "ratio", "goal", "met", "note"]


def text_table(rows: list[Row]) -> str:
    cells = [HEADERS] + [_cells(r) for r in rows]
    widths = [min(max(len(c[i]) for c in cells), 60) for i in range(len(HEADERS))]
    lines = []
    for n, line in enumerate(cells):
        lines.append("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=False)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def markdown_table(rows: list[Row]) -> str:
    def esc(cell: str) -> str:
        return cell.replace("|", "\\|")

    lines = ["| " + " | ".join(HEADERS) + " |", "|" + "---|" * len(HEADERS)]
    lines += ["| " + " | ".join(esc(c) for c in _cells(r)) + " |" for r in rows]
    return "\n".join(lines)


def write(rows: list[Row], out: Path, command: str, started: str, seconds: float) -> None:
    out.mkdir(parents=True, exist_ok=True)
    info = machine()
    header = (f"# Benchmark results\n\n`{command}` — {started}, {seconds:.0f} s; "
              f"{info['nproc']} cores, {info['ram_gb']} GB RAM, Python {info['python']}\n\n")
    (out / "results.md").write_text(header + markdown_table(rows) + "\n", encoding="utf-8")
    (out / "results.json").write_text(json.dumps(
        {"command": command, "started": started, "seconds": round(seconds, 1), "machine": info,
         "rows": [asdict(r) for r in rows]}, indent=2, default=str), encoding="utf-8")

"""``python -m benchmarks [--quick] [--only NAME ...] [--out DIR] [--profile]``: run the
benchmark suite, print one table and write it as Markdown and JSON."""

from __future__ import annotations

import argparse
import datetime as dt
import shlex
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from . import dense, fetching, incremental, memory, serving, throughput
from .report import Row, machine, text_table, write

SUITES: dict[str, Callable[[argparse.Namespace, Path], list[Row]]] = {
    "throughput": lambda a, w: throughput.run(a.quick, w),  # includes the cores row
    "incremental": lambda a, w: incremental.run(a.quick, w),
    "fetch": lambda a, w: fetching.run(a.quick),
    "memory": lambda a, w: memory.run(a.quick, w, a.memory_sizes),
    "serving": lambda a, w: serving.run(a.quick, w),
    "dense": lambda a, w: dense.run(a.quick, w),  # news-dense pages: whole run vs raw spaCy
}


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller sizes: the whole suite in ~3 minutes")
    parser.add_argument("--only", nargs="+", choices=sorted(SUITES), metavar="NAME",
                        help=f"run only these benchmarks: {', '.join(SUITES)}")
    parser.add_argument("--out", type=Path, default=Path("benchmarks/out"), help="where results.md/.json go")
    parser.add_argument("--profile", action="store_true",
                        help="also profile a run with pyinstrument (writes OUT/profile.html): an offline run "
                             "of the default corpus, or with --only dense a whole loopback run of news-dense pages")
    parser.add_argument("--memory-sizes", type=int, nargs="+", metavar="N",
                        help="document counts for the memory benchmark (default 1000 4000 10000; quick 500 1000 2000)")
    parser.add_argument("--workdir", type=Path, help="scratch folder (default: a temporary one, removed after)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    command = "python -m benchmarks " + shlex.join(sys.argv[1:] if argv is None else argv)
    started_at = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    started = time.perf_counter()
    info = machine()
    print(f"{command}\n{started_at}; {info['nproc']} cores, {info['ram_gb']} GB RAM; "
          f"load average {info['load_average']}", flush=True)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="pipeline-bench-") as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        for name in args.only or list(SUITES):
            began = time.perf_counter()
            print(f"… {name}", flush=True)
            try:
                found = SUITES[name](args, workdir)
            except Exception as exc:  # one broken benchmark must not hide the others
                traceback.print_exc()
                found = [Row(name, "error", f"{type(exc).__name__}", note=str(exc)[:300], ok=False)]
            rows += found
            print(text_table(found), f"\n  ({time.perf_counter() - began:.0f} s)\n", flush=True)
        if args.profile:
            own, ours = profiling_lines(args, workdir)
    seconds = time.perf_counter() - started
    print(f"\n{command} — {started_at}, {seconds:.0f} s\n")
    print(text_table(rows))
    write(rows, args.out, command, started_at, seconds)
    if args.profile:
        what = "a whole dense run" if args.only and "dense" in args.only else "an offline run"
        print(f"\nTop 15 frames by own time (profile of {what}):\n" + "\n".join(own))
        print("\nTop 15 pipeline functions by inclusive time:\n" + "\n".join(ours))
        (args.out / "profile.txt").write_text("own time\n" + "\n".join(own) + "\n\npipeline, inclusive\n"
                                              + "\n".join(ours) + "\n", encoding="utf-8")
    print(f"\nwritten: {args.out / 'results.md'}, {args.out / 'results.json'}")
    return 0


def profiling_lines(args: argparse.Namespace, workdir: Path) -> tuple[list[str], list[str]]:
    from .profiling import profile

    print("… profile", flush=True)
    if args.only and "dense" in args.only:
        from .profiling import profile_dense

        return profile_dense(args.out, workdir, pages=40 if args.quick else 80)
    return profile(args.out, workdir, pages=15 if args.quick else 30)


if __name__ == "__main__":
    raise SystemExit(main())

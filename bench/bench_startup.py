"""Start-up time of ``newskit --help`` and ``newskit plugins`` against a bare interpreter.

    python bench/bench_startup.py            # median of 7 runs each
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

from _util import NEWSKIT, load, table

HEAVY = ("jieba", "snownlp", "matplotlib", "dask", "distributed", "weasyprint", "trafilatura", "opencc")


def median_seconds(cmd: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    print(load())
    bare = median_seconds([sys.executable, "-c", "pass"], args.repeat)
    click_only = median_seconds([sys.executable, "-c", "import click"], args.repeat)
    help_s = median_seconds([*NEWSKIT, "--help"], args.repeat)
    plugins_s = median_seconds([*NEWSKIT, "plugins"], args.repeat)
    loaded = subprocess.run([sys.executable, "-c", "import sys; from newskit.cli import cli; "
                             f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"],
                            capture_output=True, text=True, check=True).stdout.strip()
    table([("python -c pass", f"{bare * 1000:.0f}", "1.0x"),
           ("python -c 'import click'", f"{click_only * 1000:.0f}", f"{click_only / bare:.1f}x"),
           ("newskit --help", f"{help_s * 1000:.0f}", f"{help_s / bare:.1f}x"),
           ("newskit plugins", f"{plugins_s * 1000:.0f}", f"{plugins_s / bare:.1f}x")],
          ("command", "median ms", "vs bare python"))
    print(f"\nheavy modules imported by the CLI module: {loaded or 'none'}\n{load()}")


if __name__ == "__main__":
    main()

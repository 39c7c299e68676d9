"""Peak memory of a build at two corpus sizes: documents stream, so the peak should not grow.

    python bench/bench_memory.py                      # 1,000 and 10,000 articles, --jobs 1
    python bench/bench_memory.py --sizes 500,5000 --format md,json

Peak resident memory of the newskit process (psutil, sampled every 50 ms), --no-cache.
"""
from __future__ import annotations

import argparse
import subprocess
import time

import psutil

from _util import NEWSKIT, corpus, size_mb, table, workdir


def peak_rss(cmd: list[str]) -> tuple[float, float]:
    """(peak MB of the main process, seconds)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    ps, peak = psutil.Process(proc.pid), 0
    while proc.poll() is None:
        try:
            peak = max(peak, ps.memory_info().rss)
        except psutil.NoSuchProcess:
            break
        time.sleep(0.05)
    if proc.returncode:
        raise SystemExit(proc.stderr.read().decode()[-2000:])
    return peak / 1e6, time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--format", default="json", help="json measures the analysis; md,json adds the report")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    rows, peaks = [], []
    for n in sizes:
        folder = corpus(n)
        mb, seconds = peak_rss([*NEWSKIT, "-q", "run", str(folder), "--out", str(workdir("memory") / f"o{n}"),
                                "--no-cache", "--format", args.format, "--jobs", "1"])
        peaks.append(mb)
        rows.append((n, f"{size_mb(folder):.0f}", f"{mb:.0f}", f"{seconds:.0f}"))
    table(rows, ("articles", "corpus MB", "peak RSS MB", "seconds"))
    print()
    print(f"peak at {sizes[-1]} / peak at {sizes[0]}: {peaks[-1] / peaks[0]:.2f}x (goal: ~1x, flat)")


if __name__ == "__main__":
    main()

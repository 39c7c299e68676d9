"""Peak memory of a build at two corpus sizes: documents stream, so the peak should not grow.

    python bench/bench_memory.py                      # 1,000 and 10,000 articles, --jobs 1
    python bench/bench_memory.py --sizes 500,5000 --jobs 2

For each size, two fresh ``newskit run`` processes with all installed analyzers and a fresh cache:
the analysis (``--format json``), then the same corpus again with the Markdown report
(``--format md,json``: every result comes from the cache, so this peak is the report's).  Peak
resident memory is sampled every 50 ms (psutil) over the newskit process and its workers (summed).
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import time

import psutil

from _util import NEWSKIT, corpus, load, size_mb, table, workdir


def _tree_rss(ps: psutil.Process) -> int:
    total = 0
    for p in [ps, *ps.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total


def peak_rss(cmd: list[str]) -> tuple[float, float]:
    """(peak MB of the process and its children, seconds)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    ps, peak = psutil.Process(proc.pid), 0
    while proc.poll() is None:
        try:
            peak = max(peak, _tree_rss(ps))
        except psutil.NoSuchProcess:
            break
        time.sleep(0.05)
    if proc.returncode:
        raise SystemExit(proc.stderr.read().decode()[-2000:])
    return peak / 1e6, time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--jobs", type=int, default=1)
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"--jobs {args.jobs}; {load()}")
    rows, peaks = [], {"json": [], "md,json": []}
    for n in sizes:
        folder = corpus(n)
        out = workdir("memory") / f"o{n}"
        shutil.rmtree(out, ignore_errors=True)
        for fmt in ("json", "md,json"):
            mb, seconds = peak_rss([*NEWSKIT, "-q", "run", str(folder), "--out", str(out),
                                    "--format", fmt, "--jobs", str(args.jobs)])
            peaks[fmt].append(mb)
            what = "analysis" if fmt == "json" else "report from the cache"
            rows.append((n, f"{size_mb(folder):.0f}", f"{fmt} ({what})", f"{mb:.0f}", f"{seconds:.0f}"))
    table(rows, ("articles", "corpus MB", "format", "peak RSS MB", "seconds"))
    print()
    for fmt, p in peaks.items():
        print(f"--format {fmt}: peak at {sizes[-1]} / peak at {sizes[0]}: {p[-1] / p[0]:.2f}x (goal: ~1x, flat)")
    print(load())


if __name__ == "__main__":
    main()

"""Helpers shared by the benchmark scripts: run newskit as a user would, time it, print a table."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NEWSKIT = [sys.executable, "-m", "newskit"]


def workdir(name: str) -> Path:
    root = Path(os.environ.get("NEWSKIT_BENCH_DIR") or tempfile.gettempdir()) / f"newskit-bench-{name}"
    root.mkdir(parents=True, exist_ok=True)
    return root


def corpus(n: int, seed: int = 0) -> Path:
    """A generated corpus of ``n`` articles, reused between runs of the benchmarks."""
    from make_corpus import make_corpus

    folder = workdir("corpora") / f"n{n}-s{seed}"
    if len(list(folder.glob("*.txt"))) != n:
        shutil.rmtree(folder, ignore_errors=True)
        make_corpus(folder, n, seed)
    return folder


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in Path(folder).glob("*.txt")) / 1e6


CPU = {"last": 0.0}  # CPU seconds (user + sys, the command and its children) of the last ``timed`` command


def _children_cpu() -> float:
    import resource

    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def timed(cmd: list[str], output: bool = False, **kw):
    """Wall-clock seconds of a command, start-up included (and its stdout when ``output``); fails loudly.
    Its CPU seconds go to ``CPU["last"]``: on a shared machine they move far less than wall time."""
    t0, c0 = time.perf_counter(), _children_cpu()
    r = subprocess.run(cmd, capture_output=True, text=True, **kw)
    elapsed = time.perf_counter() - t0
    CPU["last"] = _children_cpu() - c0
    if r.returncode != 0:
        raise SystemExit(f"command failed ({r.returncode}): {' '.join(map(str, cmd))}\n{r.stderr[-2000:]}")
    return (elapsed, r.stdout) if output else elapsed


def newskit_run(inputs: Path, out: Path, *args: str) -> tuple[float, dict]:
    """Run ``newskit run`` in a fresh process; returns (wall seconds, run header of results.json)."""
    seconds = timed([*NEWSKIT, "-q", "run", str(inputs), "--out", str(out), *args])
    with open(Path(out) / "results.json", encoding="utf-8") as f:
        head = f.read(1 << 20)
    run = json.loads(head[head.index('"run": ') + 7: head.index(', "documents": [')])
    return seconds, run


def load() -> str:
    """The 1/5/15-minute load average, printed with every benchmark: on a shared 2-core machine a
    load above ~2 means other work competed for the cores and the figures are pessimistic."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


def table(rows: list[tuple], header: tuple) -> None:
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
    for row in [header, tuple("-" * w for w in widths), *rows]:
        print("  ".join(str(x).ljust(w) for x, w in zip(row, widths)))

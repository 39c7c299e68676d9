"""Throughput of the full default pipeline against what a user would write without newskit.

    python bench/bench_pipeline.py                 # N=1000 generated articles
    python bench/bench_pipeline.py --n 2000 --naive-n 30 --no-dask

The corpus is large enough that worker start-up (each worker loads the knowledge base, lexicons and
jieba's dictionary once) is amortized.  The 1-minute load average is printed after each run: on a
shared 2-core machine, a load above ~2 means other work competed and the ratio is pessimistic.

Measures, in one run and on the same generated articles (start-up included for command lines):
  * newskit (--jobs 1, --no-cache, --format json) docs/s and MB/s;
  * a jieba + SnowNLP-sentiment-per-sentence script (the do-it-yourself baseline) on --naive-n
    articles, and newskit on the same articles: ratio (goal >= 50x);
  * raw jieba accurate-mode segmentation of the same text, in process (goal: pipeline >= jieba);
  * --jobs 2 against --jobs 1 (goal >= 1.8x), and the Dask LocalCluster against the process pool.

The jieba+SnowNLP script reports its own start-up (imports, jieba's dictionary) and its seconds per
document on --naive-n articles; the headline ratio compares the script's time for all N articles
(start-up + N x seconds per document) with newskit's wall time for the same N, start-up included.
CPU seconds (the command and its child processes) are printed too: on a shared machine they move far
less than wall time.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

from _util import CPU, corpus, load, newskit_run, size_mb, table, timed, workdir

NAIVE = r'''
import time; t0 = time.perf_counter()
import re, sys, pathlib, jieba
from snownlp import SnowNLP
jieba.initialize()
t1 = time.perf_counter()
for p in sorted(pathlib.Path(sys.argv[1]).glob("*.txt"))[: int(sys.argv[2])]:
    text = p.read_text(encoding="utf-8")
    words = jieba.lcut(text)
    scores = [SnowNLP(s).sentiments for s in re.split(r"(?<=[。！？!?])", text) if s.strip()]
print(t1 - t0, time.perf_counter() - t1)  # start-up (imports, jieba's dictionary), documents
'''


def _load1() -> str:
    return f"{os.getloadavg()[0]:.2f}"


def raw_jieba(folder: Path) -> tuple[float, float, float, float]:
    """(dictionary load s, segmentation s, MB, segmentation CPU s) for jieba accurate mode (HMM on)."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    t0 = time.perf_counter()
    jieba.initialize()
    load = time.perf_counter() - t0
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    t0, c0 = time.perf_counter(), time.process_time()
    for t in texts:
        jieba.lcut(t)
    return (load, time.perf_counter() - t0, sum(len(t.encode("utf-8")) for t in texts) / 1e6,
            time.process_time() - c0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000, help="articles for the throughput runs")
    ap.add_argument("--naive-n", type=int, default=20, help="articles for the jieba+SnowNLP baseline (slow)")
    ap.add_argument("--no-dask", action="store_true")
    args = ap.parse_args()
    work = workdir("pipeline")
    big, mb = corpus(args.n), size_mb(corpus(args.n))
    small = work / f"first{args.naive_n}"
    shutil.rmtree(small, ignore_errors=True)
    small.mkdir()
    for p in sorted(big.glob("*.txt"))[: args.naive_n]:
        shutil.copy(p, small / p.name)
    common = ("--no-cache", "--format", "json")
    print(f"corpus: {args.n} articles, {mb:.1f} MB ({big}); analyzers: all installed (default); {load()}")

    rows = []
    t1, run1 = newskit_run(big, work / "j1", *common, "--jobs", "1")
    c1 = CPU["last"]
    rows.append(("newskit --jobs 1", f"{t1:.1f}", f"{args.n / t1:.1f}", f"{mb / t1:.2f}", f"{run1['seconds']:.1f}", f"{c1:.1f}", _load1()))
    t2, run2 = newskit_run(big, work / "j2", *common, "--jobs", "2")
    rows.append(("newskit --jobs 2", f"{t2:.1f}", f"{args.n / t2:.1f}", f"{mb / t2:.2f}", f"{run2['seconds']:.1f}", f"{CPU['last']:.1f}", _load1()))
    td = None
    if not args.no_dask:
        try:
            import distributed  # noqa: F401
        except ImportError:
            print("dask not installed: skipping the Dask run (pip install 'newskit[dask]')")
        else:
            td, rund = newskit_run(big, work / "dask", *common, "--jobs", "2", "--executor", "dask")
            rows.append(("newskit dask x2", f"{td:.1f}", f"{args.n / td:.1f}", f"{mb / td:.2f}", f"{rund['seconds']:.1f}", f"{CPU['last']:.1f}", _load1()))
    jload, seg, jmb, jcpu = raw_jieba(big)
    rows.append(("jieba accurate (in process)", f"{jload + seg:.1f}", f"{args.n / seg:.1f}", f"{jmb / seg:.2f}", f"{seg:.1f}", f"{jcpu:.1f}", _load1()))
    naive_script = work / "naive.py"
    naive_script.write_text(NAIVE, encoding="utf-8")
    small_mb = size_mb(small)
    tn, naive_out = timed([sys.executable, str(naive_script), str(small), str(args.naive_n)], output=True)
    naive_start, naive_docs = map(float, naive_out.split())
    per_doc = naive_docs / args.naive_n
    naive_n = naive_start + per_doc * args.n  # the script on the full corpus, start-up included
    rows.append((f"jieba+SnowNLP script ({args.naive_n} docs)", f"{tn:.1f}", f"{args.naive_n / tn:.2f}", f"{small_mb / tn:.3f}", "-", f"{CPU['last']:.1f}", _load1()))
    ts, _ = newskit_run(small, work / "small", *common, "--jobs", "1")
    rows.append((f"newskit --jobs 1 ({args.naive_n} docs)", f"{ts:.1f}", f"{args.naive_n / ts:.1f}", f"{small_mb / ts:.2f}", "-", f"{CPU['last']:.1f}", _load1()))
    table(rows, ("run", "wall s", "docs/s", "MB/s", "in-build s", "cpu s", "load 1m"))

    print()
    print(f"\njieba+SnowNLP script: start-up {naive_start:.1f} s (imports, jieba's dictionary), then {per_doc:.2f} s "
          f"per document ({1 / per_doc:.2f} docs/s, measured on {args.naive_n}); on all {args.n} documents it would take "
          f"{naive_start:.1f} + {args.n} x {per_doc:.2f} = {naive_n:.0f} s.")
    ratios = [
        (f"jieba+SnowNLP script on {args.n} docs (start-up + {args.n} x its measured s/doc) vs newskit --jobs 1 "
         f"wall on the same {args.n} (start-up included)", naive_n / t1, ">= 50x"),
        (f"the same, newskit --jobs 2", naive_n / t2, ">= 50x"),
        (f"newskit vs jieba+SnowNLP on the same {args.naive_n} docs, both wall with start-up", tn / ts, "(start-up bound)"),
        ("newskit --jobs 1 MB/s vs raw jieba accurate MB/s", (mb / t1) / (jmb / seg), ">= 1x"),
        ("the same per CPU second (newskit with start-up; less sensitive to load)", (mb / c1) / (jmb / jcpu), ">= 1x"),
        ("--jobs 2 vs --jobs 1 (wall, start-up included)", t1 / t2, ">= 1.8x"),
        ("--jobs 2 vs --jobs 1 (in-build seconds)", run1["seconds"] / run2["seconds"], ">= 1.8x"),
    ]
    if td:
        ratios.append(("Dask LocalCluster x2 vs process pool x2 (wall)", t2 / td, "~1x"))
    table([(name, f"{r:.2f}x", goal) for name, r, goal in ratios], ("ratio", "measured", "goal"))
    print(f"\n{load()}")


if __name__ == "__main__":
    main()

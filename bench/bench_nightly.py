"""The nightly-build scenario: a first build, then a night with K changed articles, then nights with none.

    python bench/bench_nightly.py                  # N=5000, K=50, --jobs 2
    python bench/bench_nightly.py --n 1000 --changed 20 --jobs 1 --pdf

Each build is a fresh ``newskit run`` (start-up included) with the cache in the output folder and
all installed analyzers.  The first two builds write results.json and report.md; the unchanged
re-run is timed ``--repeat`` times with ``--format json`` and with ``--format md,json`` (and
``md,pdf,json`` with ``--pdf``), best and median reported.  Goal: the unchanged re-run under 2 s.
"""
from __future__ import annotations

import argparse
import shutil
import statistics

from _util import corpus, load, newskit_run, size_mb, table, workdir
from make_corpus import change


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--changed", type=int, default=50)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3, help="unchanged re-runs per format")
    ap.add_argument("--pdf", action="store_true", help="also time an unchanged re-run that renders the PDF")
    ap.add_argument("--plugins", help="analyzers to run (default: all installed)")
    args = ap.parse_args()
    work = workdir("nightly")
    src = corpus(args.n, seed=7)
    articles = work / "articles"  # a private copy: this benchmark edits articles
    shutil.rmtree(articles, ignore_errors=True)
    shutil.copytree(src, articles)
    out = work / "out"
    shutil.rmtree(out, ignore_errors=True)
    common = ("--jobs", str(args.jobs)) + (("--plugins", args.plugins) if args.plugins else ())
    print(f"corpus: {args.n} articles, {size_mb(articles):.1f} MB; --jobs {args.jobs}; {load()}")
    rows = []

    def row(name, seconds, run):
        rows.append((name, f"{seconds:.2f}", run["cache"]["misses"], run["cache"]["hits"], run["seconds"]))

    t_first, run = newskit_run(articles, out, "--format", "md,json", *common)
    row("first build (empty cache), md,json", t_first, run)
    change(articles, args.changed)
    t_changed, run = newskit_run(articles, out, "--format", "md,json", *common)
    row(f"{args.changed} articles changed, md,json", t_changed, run)
    unchanged = {}
    for fmt in ("json", "md,json") + (("md,pdf,json",) if args.pdf else ()):
        times = []
        for _ in range(args.repeat):
            seconds, run = newskit_run(articles, out, "--format", fmt, *common)
            times.append(seconds)
        unchanged[fmt] = times
        row(f"nothing changed, {fmt} (best of {args.repeat}; median {statistics.median(times):.2f})", min(times), run)
    table(rows, ("build", "wall s", "analyzer runs", "cache hits", "in-build s"))
    print()
    best = {fmt: min(t) for fmt, t in unchanged.items()}
    ratios = [(f"first build / {args.changed}-changed build", f"{t_first / t_changed:.1f}x", "-"),
              ("first build / unchanged build (json)", f"{t_first / best['json']:.1f}x", "-")]
    for fmt, t in best.items():
        goal = "< 2 s" + (" (met)" if t < 2 else " (NOT met)")
        ratios.append((f"unchanged re-run seconds, --format {fmt}", f"{t:.2f} s", goal if fmt != "md,pdf,json" else "-"))
    table(ratios, ("ratio", "measured", "goal"))
    print(f"\n{load()}")


if __name__ == "__main__":
    main()

"""The nightly-build scenario: a first build, then a night with K changed articles, then nights with none.

    python bench/bench_nightly.py                  # N=5000, K=50, --jobs 2
    python bench/bench_nightly.py --n 1000 --changed 20 --jobs 1 --pdf

Each build is a fresh ``newskit run`` (start-up included) with the cache in the output folder and
all installed analyzers.  The first two builds write results.json and report.md; the unchanged
re-run is timed ``--repeat`` times with ``--format json``, ``--format json --rehash`` (every file
read and hashed, no stat manifest) and ``--format md,json`` (and ``md,pdf,json`` with ``--pdf``),
best and median wall time reported, and the least CPU time (user+sys of the build and its workers).
Goal: the unchanged re-run under 2 s.
"""
from __future__ import annotations

import argparse
import resource
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

    def row(name, seconds, cpu, run):
        rows.append((name, f"{seconds:.2f}", f"{cpu:.2f}", run["cache"]["misses"], run["cache"]["hits"], run["seconds"]))

    def timed_run(*args):
        """(wall s, CPU s of the build process and its workers, run header)."""
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        seconds, run = newskit_run(articles, out, *args, *common)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return seconds, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime), run

    t_first, cpu, run = timed_run("--format", "md,json")
    row("first build (empty cache), md,json", t_first, cpu, run)
    change(articles, args.changed)
    t_changed, cpu, run = timed_run("--format", "md,json")
    row(f"{args.changed} articles changed, md,json", t_changed, cpu, run)
    unchanged = {}
    variants = [("json", ()), ("json --rehash", ("--rehash",)), ("md,json", ())] + ([("md,pdf,json", ())] if args.pdf else [])
    for name, extra in variants:
        times, cpus = [], []
        for _ in range(args.repeat):
            seconds, cpu, run = timed_run("--format", name.split()[0], *extra)
            times.append(seconds)
            cpus.append(cpu)
        unchanged[name] = times
        row(f"nothing changed, {name} (best of {args.repeat}; median {statistics.median(times):.2f})", min(times), min(cpus), run)
    table(rows, ("build", "wall s", "CPU s (best)", "analyzer runs", "cache hits", "in-build s"))
    print()
    best = {fmt: min(t) for fmt, t in unchanged.items()}
    ratios = [(f"first build / {args.changed}-changed build", f"{t_first / t_changed:.1f}x", "-"),
              ("first build / unchanged build (json)", f"{t_first / best['json']:.1f}x", "-")]
    for name, t in best.items():
        goal = "< 2 s" + (" (met)" if t < 2 else " (NOT met)")
        ratios.append((f"unchanged re-run seconds, --format {name}", f"{t:.2f} s", goal if name in ("json", "md,json") else "-"))
    ratios.append(("unchanged json: every file read (--rehash) / stat manifest", f"{best['json --rehash'] / best['json']:.2f}x", "-"))
    table(ratios, ("ratio", "measured", "goal"))
    print(f"\n{load()}")


if __name__ == "__main__":
    main()

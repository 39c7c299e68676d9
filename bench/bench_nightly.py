"""The nightly-build scenario: a first build, then a night with K changed articles, then one with none.

    python bench/bench_nightly.py                  # N=5000, K=50, --jobs 2
    python bench/bench_nightly.py --n 1000 --changed 20 --jobs 1

Each build is a fresh ``newskit run`` (start-up included) writing results.json and report.md,
with the cache in the output folder.  Goal: the unchanged re-run in under 2 s.
"""
from __future__ import annotations

import argparse
import shutil

from _util import corpus, newskit_run, size_mb, table, workdir
from make_corpus import change


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--changed", type=int, default=50)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--plugins", help="analyzers to run (default: all installed)")
    args = ap.parse_args()
    work = workdir("nightly")
    src = corpus(args.n, seed=7)
    articles = work / "articles"  # a private copy: this benchmark edits articles
    shutil.rmtree(articles, ignore_errors=True)
    shutil.copytree(src, articles)
    out = work / "out"
    shutil.rmtree(out, ignore_errors=True)
    opts = ("--format", "md,json", "--jobs", str(args.jobs)) + (("--plugins", args.plugins) if args.plugins else ())
    print(f"corpus: {args.n} articles, {size_mb(articles):.1f} MB; --jobs {args.jobs}")
    rows = []
    t_first, run = newskit_run(articles, out, *opts)
    rows.append(("first build (empty cache)", f"{t_first:.2f}", run["cache"]["misses"], run["cache"]["hits"]))
    change(articles, args.changed)
    t_changed, run = newskit_run(articles, out, *opts)
    rows.append((f"{args.changed} articles changed", f"{t_changed:.2f}", run["cache"]["misses"], run["cache"]["hits"]))
    t_same, run = newskit_run(articles, out, *opts)
    rows.append(("nothing changed", f"{t_same:.2f}", run["cache"]["misses"], run["cache"]["hits"]))
    table(rows, ("build", "wall s", "analyzer runs", "cache hits"))
    print()
    table([
        (f"first build / {args.changed}-changed build", f"{t_first / t_changed:.1f}x", "-"),
        ("first build / unchanged build", f"{t_first / t_same:.1f}x", "-"),
        ("unchanged re-run seconds", f"{t_same:.2f} s", "< 2 s" + (" (met)" if t_same < 2 else " (NOT met)")),
    ], ("ratio", "measured", "goal"))


if __name__ == "__main__":
    main()

"""Score newskit on the held-out article set (bench/heldout; see bench/heldout/README.md).

    python bench/eval_heldout.py [--json]

Runs ``newskit run bench/heldout/articles --format json --out TMPDIR`` (the ``newskit`` next to
``sys.executable``), then scores TMPDIR/results.json against bench/heldout/gold.json with the shared
scorer (../shared/eval/score.py, or $NEWSKIT_EVAL/score.py) and prints its full output.
Skips cleanly (exit 0) when the scorer is absent.

This set measures generalization only: do not tune analyzers on it.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
EVAL = os.environ.get("NEWSKIT_EVAL", os.path.join(HERE, "..", "..", "shared", "eval"))
SCORER = os.path.join(EVAL, "score.py")


def newskit_exe() -> str:
    bindir = os.path.dirname(sys.executable)
    for name in ("newskit", "newskit.exe"):
        path = os.path.join(bindir, name)
        if os.path.isfile(path):
            return path
    raise SystemExit(f"newskit not found next to {sys.executable}; install the project into this environment")


def score_set(name: str, argv: list[str]) -> int:
    """Run newskit on ``bench/NAME/articles`` and score it against ``bench/NAME/gold.json``."""
    if not os.path.isfile(SCORER):
        print(f"skip: scorer {SCORER} not found (set NEWSKIT_EVAL to the folder holding score.py)")
        return 0
    articles, gold = os.path.join(HERE, name, "articles"), os.path.join(HERE, name, "gold.json")
    with tempfile.TemporaryDirectory(prefix=f"newskit-{name}-") as out:
        cmd = [newskit_exe(), "run", articles, "--format", "json", "--out", out, "--no-cache"]
        run = subprocess.run(cmd, capture_output=True, text=True)
        if run.returncode != 0:
            print(f"newskit run failed (exit {run.returncode}): {' '.join(cmd)}")
            print(run.stdout)
            print(run.stderr, file=sys.stderr)
            return run.returncode
        results = os.path.join(out, "results.json")
        if not os.path.isfile(results):
            print(f"newskit run wrote no {results}")
            return 1
        extra = ["--json"] if "--json" in argv else []
        score = subprocess.run([sys.executable, SCORER, results, gold, *extra], capture_output=True, text=True)
        sys.stdout.write(score.stdout)
        if score.stderr:
            sys.stderr.write(score.stderr)
        return score.returncode


if __name__ == "__main__":
    sys.exit(score_set("heldout", sys.argv[1:]))

"""Score newskit on the fifth development article set (bench/devset5; see bench/devset5/README.md).

    python bench/eval_devset5.py [--json]

Same as bench/eval_heldout.py, for bench/devset5.  This set is OPEN: it was written blind to the
analyzers, but it is meant for tuning, so its score is a development figure, not a held-out one.
"""
import sys

from eval_heldout import score_set

if __name__ == "__main__":
    sys.exit(score_set("devset5", sys.argv[1:]))

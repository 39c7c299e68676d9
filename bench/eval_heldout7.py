"""Score newskit on the seventh (sealed) held-out article set (bench/heldout7; see bench/heldout7/README.md).

    python bench/eval_heldout7.py [--json]

Same as bench/eval_heldout.py, for bench/heldout7.  This set measures generalization only:
run it once at the end of a work cycle; never tune on it.
"""
import sys

from eval_heldout import score_set

if __name__ == "__main__":
    sys.exit(score_set("heldout7", sys.argv[1:]))

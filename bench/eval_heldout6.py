"""Score newskit on the sixth (sealed) held-out article set (bench/heldout6; see bench/heldout6/README.md).

    python bench/eval_heldout6.py [--json]

Same as bench/eval_heldout.py, for bench/heldout6.  This set measures generalization only:
run it once at the end of a work cycle; never tune on it.
"""
import sys

from eval_heldout import score_set

if __name__ == "__main__":
    sys.exit(score_set("heldout6", sys.argv[1:]))

"""Score newskit on the second (sealed) held-out article set (bench/heldout2; see bench/heldout2/README.md).

    python bench/eval_heldout2.py [--json]

Same as bench/eval_heldout.py, for bench/heldout2.  This set measures generalization only:
run it once at the end of a work cycle; never tune on it.
"""
import sys

from eval_heldout import score_set

if __name__ == "__main__":
    sys.exit(score_set("heldout2", sys.argv[1:]))

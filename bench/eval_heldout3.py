"""Score newskit on the third (sealed) held-out article set (bench/heldout3; see bench/heldout3/README.md).

    python bench/eval_heldout3.py [--json]

Same as bench/eval_heldout.py, for bench/heldout3.  This set measures generalization only:
run it once at the end of a work cycle; never tune on it.
"""
import sys

from eval_heldout import score_set

if __name__ == "__main__":
    sys.exit(score_set("heldout3", sys.argv[1:]))

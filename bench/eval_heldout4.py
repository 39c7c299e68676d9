"""Score newskit on the fourth (sealed) held-out article set (bench/heldout4; see bench/heldout4/README.md).

    python bench/eval_heldout4.py [--json]

Same as bench/eval_heldout.py, for bench/heldout4.  This set measures generalization only:
run it once at the end of a work cycle; never tune on it.
"""
import sys

from eval_heldout import score_set

if __name__ == "__main__":
    sys.exit(score_set("heldout4", sys.argv[1:]))

"""Companies precision/recall on the invented development articles (tests/data/entities_dev).

    python bench/eval_entities_dev.py [--show] [--set entities_check]

The articles exercise unknown-organization promotion: legal names with city prefixes, investors
after descriptors, time/clause fragments before a suffix, government bodies, universities, media
credits, names in lists and in English.  Scoring follows the shared scorer's companies rule:
a reported company outside the required and optional names is a false positive; names compare
through the gold ``aliases``.  ``--show`` prints every document's companies; ``--set entities_check``
scores the second set (tests/data/entities_check), written after the rules were tuned on the first.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"


def key(name: str) -> str:
    return "".join(str(name).split()).lower()


def score(name: str = "entities_dev", linker=None, show: bool = False) -> dict:
    """Precision, recall, F1 and the wrong answers on ``tests/data/NAME``."""
    from newskit.kb import load_kb
    from newskit.kb.linker import Linker
    from newskit.normalize import to_document
    from newskit.readers import RawDoc

    dev = DATA / name
    gold = json.loads((dev / "gold.json").read_text(encoding="utf-8"))
    canon = {key(n): c for c, names in gold["aliases"].items() for n in [c, *names]}
    linker = linker or Linker(load_kb())
    tp = fp = fn = spurious = 0
    wrong = []
    for doc_id, g in gold["documents"].items():
        raw = (dev / "articles" / doc_id).read_text(encoding="utf-8")
        text = to_document(RawDoc(id=doc_id, text=raw)).text
        out = linker.analyze(text)
        companies = [c for c in out["companies"] if c["type"] != "government"]  # as plugins/entities.py
        found = {canon.get(key(c["name"]), c["name"]) for c in companies}
        required = {canon.get(key(c["name"]), c["name"]) for c in g["companies"] if not c.get("optional")}
        optional = {canon.get(key(c["name"]), c["name"]) for c in g["companies"] if c.get("optional")}
        extra = found - required - optional
        tp += len(found & required)
        fn += len(required - found)
        fp += len(extra)
        spurious += len(found & {canon.get(key(s), s) for s in g.get("spurious", [])})
        wrong += [f"{doc_id}: not found: {n}" for n in sorted(required - found)]
        wrong += [f"{doc_id}: not in gold: {n}" for n in sorted(extra)]
        if show:
            print(doc_id, [(c["name"], c["mentions"], c.get("known", True)) for c in companies])
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "tp": tp, "fp": fp, "fn": fn, "spurious": spurious, "wrong": wrong}


def main(argv: list[str]) -> int:
    name = argv[argv.index("--set") + 1] if "--set" in argv else "entities_dev"
    m = score(name, show="--show" in argv)
    print("\n".join(m["wrong"]))
    print(f"companies precision {m['precision']:.3f} recall {m['recall']:.3f} f1 {m['f1']:.3f} "
          f"(tp {m['tp']}, fp {m['fp']}, fn {m['fn']}, spurious {m['spurious']})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

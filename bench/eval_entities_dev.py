"""Companies precision/recall on the invented development articles (tests/data/entities_dev).

    python bench/eval_entities_dev.py [--show] [--set entities_check]
    python bench/eval_entities_dev.py --dir bench/devset5 [--gold FILE]   # any articles/ + gold.json
    python bench/eval_entities_dev.py --all     # dev, check, samples, held-out 1, devset5 (those present)

The articles exercise unknown-organization promotion: legal names with city prefixes, investors
after descriptors, time/clause fragments before a suffix, government bodies, universities, media
credits, names in lists and in English.  Scoring follows the shared scorer's companies rule:
a reported company outside the required and optional names is a false positive; names compare
through the gold ``aliases``.  ``--show`` prints every document's companies; ``--set entities_check``
scores the second set (tests/data/entities_check), written after the rules were tuned on the first.
``--dir`` scores another folder in process (faster than ``newskit run`` + the shared scorer, same rule);
the samples' and held-out sets' gold lives outside the repository and is skipped when absent.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SHARED = ROOT.parent / "shared" / "eval"
SETS = {"dev": (DATA / "entities_dev" / "articles", DATA / "entities_dev" / "gold.json"),
        "check": (DATA / "entities_check" / "articles", DATA / "entities_check" / "gold.json"),
        "samples": (ROOT / "seeds", SHARED / "seeds_gold.json"),
        "heldout1": (ROOT / "bench" / "heldout" / "articles", ROOT / "bench" / "heldout" / "gold.json"),
        "devset5": (ROOT / "bench" / "devset5" / "articles", ROOT / "bench" / "devset5" / "gold.json")}


def key(name: str) -> str:
    return "".join(str(name).split()).lower()


def score(name: str = "entities_dev", linker=None, show: bool = False, articles: Path | None = None,
          gold_file: Path | None = None) -> dict:
    """Precision, recall, F1 and the wrong answers on ``tests/data/NAME`` (or ``articles`` + ``gold_file``)."""
    from newskit.kb import load_kb
    from newskit.kb.linker import Linker
    from newskit.normalize import to_document
    from newskit.readers import RawDoc

    articles = articles or DATA / name / "articles"
    gold = json.loads((gold_file or DATA / name / "gold.json").read_text(encoding="utf-8"))
    canon = {key(n): c for c, names in gold["aliases"].items() for n in [c, *names]}
    linker = linker or Linker(load_kb())
    tp = fp = fn = spurious = 0
    wrong = []
    for doc_id, g in gold["documents"].items():
        path = articles / doc_id
        if not path.is_file():
            continue
        raw = path.read_text(encoding="utf-8")
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


def line(m: dict) -> str:
    return (f"companies precision {m['precision']:.3f} recall {m['recall']:.3f} f1 {m['f1']:.3f} "
            f"(tp {m['tp']}, fp {m['fp']}, fn {m['fn']}, spurious {m['spurious']})")


def main(argv: list[str]) -> int:
    show = "--show" in argv
    if "--all" in argv:
        from newskit.kb import load_kb
        from newskit.kb.linker import Linker
        linker = Linker(load_kb())
        for label, (articles, gold) in SETS.items():
            if not gold.is_file():
                print(f"{label:9s} skip: {gold} not found")
                continue
            m = score(linker=linker, show=show, articles=articles, gold_file=gold)
            print("\n".join(f"  {w}" for w in m["wrong"]))
            print(f"{label:9s} {line(m)}")
        return 0
    if "--dir" in argv:
        folder = Path(argv[argv.index("--dir") + 1])
        gold = Path(argv[argv.index("--gold") + 1]) if "--gold" in argv else folder / "gold.json"
        if not gold.is_file():
            print(f"skip: {gold} not found")
            return 0
        articles = folder / "articles" if (folder / "articles").is_dir() else folder
        m = score(show=show, articles=articles, gold_file=gold)
    else:
        m = score(argv[argv.index("--set") + 1] if "--set" in argv else "entities_dev", show=show)
    print("\n".join(m["wrong"]))
    print(line(m))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

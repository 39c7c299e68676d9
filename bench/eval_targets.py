"""Target-dependent sentiment on public data (../shared/eval/score_targets.py; research-only data,
read in place, never copied here).

    python bench/eval_targets.py [--sets sohu2022,finnsp] [--lexicon extra.toml] [--tuning-only]

* finnsp: scored on ``train`` (the only split used for tuning) and on ``test`` (reported).
* sohu2022 is one set: it is split by document id into a tuning half (even ids) and a reporting
  half (odd ids); both halves and the full set are printed, the held-out half is the honest figure.
* ``--tuning-only`` prints only what may be tuned on (Sohu's even ids, FinNSP train): use it while
  iterating, and look at the held-out figures only to report them.

Prints the official score_targets.py output for each run plus the per-half figures.
Skips cleanly when the evaluation folder is missing.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

EVAL = os.environ.get("NEWSKIT_EVAL", os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval"))
SCORER = os.path.join(EVAL, "score_targets.py")


def run(cmd: list[str]) -> str:
    return subprocess.run([sys.executable, SCORER, *cmd], capture_output=True, text=True, check=True).stdout


def predict(scorer, in_path: str, out_path: str) -> float:
    t0 = time.perf_counter()
    with open(in_path, encoding="utf-8") as src, open(out_path, "w", encoding="utf-8") as out:
        for line in src:
            out.write(json.dumps(scorer.score(json.loads(line)), ensure_ascii=False) + "\n")
    return time.perf_counter() - t0


def sohu_halves(out_path: str) -> dict:
    """Three-class macro-F1 on the even-id (tuning) and odd-id (held-out) halves, as score_targets does it."""
    sys.path.insert(0, EVAL)
    import score_targets as st

    got = st.read_out(out_path)
    res = {}
    for half, keep in (("tuning (even ids)", 0), ("held-out (odd ids)", 1)):
        labels = ("positive", "negative", "neutral")
        tp = {k: 0 for k in labels}
        fp, fn = dict(tp), dict(tp)
        n = ok = 0
        for d in st.sohu_rows():
            if int(d["id"]) % 2 != keep:
                continue
            pred = got.get(d["id"], {})
            for ent, g in d["gold"].items():
                p = pred.get(ent)
                n += 1
                ok += p == g
                if p == g:
                    tp[g] += 1
                else:
                    fn[g] += 1
                    if p in fp:
                        fp[p] += 1
        per = {k: round(st.f1(tp[k], fp[k], fn[k]), 3) for k in labels}
        res[half] = {"pairs": n, "accuracy": round(ok / n, 3), "per_class": per, "macro_f1": round(sum(per.values()) / 3, 3)}
    return res


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sets", default="sohu2022,finnsp")
    ap.add_argument("--lexicon", action="append", default=[])
    ap.add_argument("--prefer-specific", action="store_true", help="leave less specific targets neutral")
    ap.add_argument("--sentence-share", type=float, default=0.4)
    ap.add_argument("--document-share", type=float, default=None)
    ap.add_argument("--snownlp", type=float, default=0.0, help="weight of SnowNLP's sentence opinion (slow)")
    ap.add_argument("--tuning-only", action="store_true",
                    help="print only the tuning data (Sohu even ids, FinNSP train), never a held-out figure")
    args = ap.parse_args()
    if not os.path.isfile(SCORER):
        print(f"skip: {SCORER} not found (set NEWSKIT_EVAL)")
        return 0
    from newskit.commands.target_sentiment import Scorer

    scorer = Scorer(args.lexicon, specific=args.prefer_specific, evidence=False, sentence_share=args.sentence_share,
                    document_share=args.document_share, snownlp=args.snownlp)
    tmp = tempfile.mkdtemp(prefix="newskit-eval-")
    for name in args.sets.split(","):
        splits = (["train"] if args.tuning_only else ["train", "test"]) if name == "finnsp" else [None]
        for split in splits:
            extra = ["--split", split] if split else []
            in_path, out_path = os.path.join(tmp, f"{name}-{split}-in.jsonl"), os.path.join(tmp, f"{name}-{split}-out.jsonl")
            with open(in_path, "w", encoding="utf-8") as f:
                f.write(run(["input", name, *extra]))
            secs = predict(scorer, in_path, out_path)
            mb = os.path.getsize(in_path) / 1e6
            whole = " (tuning half only)" if args.tuning_only else " (full set)"
            print(f"== {name}{' ' + split if split else whole}: {mb:.1f} MB in {secs:.1f} s")
            if not (args.tuning_only and name == "sohu2022"):
                print(run(["score", name, out_path, *extra]).strip())
            if name == "sohu2022":
                for half, r in sohu_halves(out_path).items():
                    if args.tuning_only and not half.startswith("tuning"):
                        continue
                    print(f"   {half}: pairs {r['pairs']} accuracy {r['accuracy']} per-class {r['per_class']} macro-F1 {r['macro_f1']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

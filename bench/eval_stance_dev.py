"""Stance on the invented development set (tests/data/stance_dev): document and speaker accuracy.

    python bench/eval_stance_dev.py [-v]

Runs the entities and stance analyzers in-process on ``tests/data/stance_dev/articles`` and compares
with ``gold.json``: document label accuracy, recall of the speakers who argue a side (their label
must match), and how many speakers who only mention models were wrongly given a label.
The set was written before the analyzer ran on it; it is for development, not a held-out measure.
"""
from __future__ import annotations

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEV = os.path.join(HERE, "..", "tests", "data", "stance_dev")


def evaluate(verbose: bool = False) -> dict:
    from newskit.pipeline import Engine, RunSettings, resolve
    from newskit import plugin_manager
    from newskit.readers import RawDoc, read_inputs

    gold = json.load(open(os.path.join(DEV, "gold.json"), encoding="utf-8"))["documents"]
    reg = plugin_manager.load()
    engine = Engine(RunSettings(analyzers=resolve(reg.analyzers, ["stance"])), reg)
    raws = [r for r in read_inputs([os.path.join(DEV, "articles")]) if isinstance(r, RawDoc)]
    m = {"docs": 0, "doc_ok": 0, "argued": 0, "argued_ok": 0, "mentioners": 0, "mentioners_labelled": 0}
    for raw in sorted(raws, key=lambda r: r.id):
        name = os.path.basename(raw.id)
        g = gold[name]
        st = engine.process(raw)["results"]["stance"]
        spk = {s["speaker"]: s["label"] for s in st["speakers"]}
        m["docs"] += 1
        m["doc_ok"] += st["label"] == g["stance"]
        bad = [] if st["label"] == g["stance"] else [f"doc {st['label']} (gold {g['stance']})"]
        for who, label in g["speakers"].items():
            got = spk.get(who, "none")
            if label == "none":
                m["mentioners"] += 1
                m["mentioners_labelled"] += got != "none"
            else:
                m["argued"] += 1
                m["argued_ok"] += got == label
            if got != label:
                bad.append(f"{who} {got} (gold {label})")
        if verbose or bad:
            print(f"{name}: {'; '.join(bad) or 'ok'}" + (f"   speakers={spk}" if verbose else ""))
    out = {"stance_accuracy": round(m["doc_ok"] / m["docs"], 3),
           "speaker_stance_recall": round(m["argued_ok"] / m["argued"], 3),
           "mentioners_labelled": f"{m['mentioners_labelled']}/{m['mentioners']}"}
    for k, v in out.items():
        print(f"{k}: {v}")
    return out


if __name__ == "__main__":
    evaluate("-v" in sys.argv[1:])

"""Rivalry on the invented dev articles (tests/data/rivalry_dev): entities then rivalry, scored as pairs.

The articles were written, with their expected pairs, before the analyzer was run on them; they
cover lawsuits and countersuits, social-media barbs and veiled jabs, replies, a regulator's fine,
a price war, a benchmark, a partnership and co-mention lists.
"""
import json
from pathlib import Path

import pytest

DEV = Path(__file__).parent / "data" / "rivalry_dev"


@pytest.fixture(scope="module")
def results():
    from newskit import plugin_manager
    from newskit.normalize import to_document
    from newskit.pipeline import Context
    from newskit.readers import RawDoc, read_inputs

    reg = plugin_manager.load()
    context = Context(knowledge_files=list(reg.knowledge_files), lexicon_files=list(reg.lexicon_files))
    analyzers = [reg.analyzers[n] for n in ("entities", "rivalry")]
    for a in analyzers:
        a.configure({}, context)
        a.ensure_setup()
    out = {}
    for raw in read_inputs([str(DEV / "articles")]):
        assert isinstance(raw, RawDoc), raw
        doc = to_document(raw)
        for a in analyzers:
            doc.set_result(a.name, a.analyze(doc))
        out[Path(raw.id).name] = doc.results["rivalry"]["pairs"]
    return out


def test_dev_set_conflict_pairs(results):
    gold = json.loads((DEV / "gold.json").read_text(encoding="utf-8"))
    alias = {n: c for c, names in gold["aliases"].items() for n in [c, *names]}
    key = lambda a, b: frozenset((alias.get(a, a), alias.get(b, b)))  # noqa: E731
    tp = fp = fn = 0
    wrong = []
    for name, g in gold["documents"].items():
        pred = {key(p["a"], p["b"]) for p in results[name] if p["kind"] == "conflict"}
        matched = set()
        for r in g["rivalries"]:
            hit = pred & {key(a, b) for a in r["a"] for b in r["b"]}
            matched |= hit
            if not r.get("optional"):
                tp, fn = tp + bool(hit), fn + (not hit)
                wrong += [] if hit else [f"{name}: missed {r['a']} vs {r['b']}"]
        fp += len(pred - matched)
        wrong += [f"{name}: not a conflict: {sorted(p)}" for p in pred - matched]
        called = [c for c in g.get("competition", []) if key(*c) in pred]
        assert not called, f"{name}: competition called conflict: {called}"
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= 0.85, wrong


def test_dev_set_people_and_evidence(results):
    spat = {(p["a"], p["b"]): p for p in results["d09_phone_launch_spat.txt"]}
    pair = spat[("小米", "荣耀")]
    assert set(pair["people"]) >= {"林子昂", "孙沐阳"}  # people count as their companies
    assert all(ev["text"] for ev in pair["evidence"]) and 0 < pair["intensity"] <= 1

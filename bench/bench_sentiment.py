"""Throughput of the sentiment analyzer alone, in MB per CPU-second, against a jieba + SnowNLP
per-sentence script measured in the same run on the same texts.

    python bench/bench_sentiment.py [--mb 3] [--baseline-kb 100] [--no-snownlp]

Documents (the bundled samples, repeated) are normalized once and their entities computed once
(outside the timing); then ``sentiment.analyze`` is timed over every document.  The baseline
segments each sentence with jieba and asks SnowNLP for its sentiment, on the first
``--baseline-kb`` KB of the same text (it is slow), import time excluded.
Goal for the three analyzers together: >= 2 MB per CPU-second.
"""
from __future__ import annotations

import argparse
import time


def load_documents(target_mb: float):
    from newskit.normalize import to_document
    from newskit.readers import RawDoc, read_inputs
    from newskit.seeds import __path__ as seeds_path

    raws = [r for r in read_inputs([seeds_path[0]]) if isinstance(r, RawDoc)]
    docs, size, i = [], 0, 0
    while size < target_mb * 1e6:
        raw = raws[i % len(raws)]
        doc = to_document(raw)
        doc.id = f"{i}-{doc.id}"
        docs.append(doc)
        size += len(doc.text.encode("utf-8"))
        i += 1
    return docs, size / 1e6


def add_entities(docs) -> None:
    from newskit.plugins.entities import EntitiesAnalyzer

    ent = EntitiesAnalyzer()
    ent.configure({})
    ent.ensure_setup()
    for d in docs:
        try:
            d.set_result("entities", ent.analyze(d))
        except Exception as e:  # the entities analyzer is someone else's; measure sentiment anyway
            d.set_result("entities", {"companies": [], "people": []})
            print(f"  (entities failed on {d.id}: {e})")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=3.0)
    ap.add_argument("--baseline-kb", type=float, default=100.0)
    ap.add_argument("--no-snownlp", action="store_true")
    args = ap.parse_args()

    from newskit.plugins.sentiment import SentimentAnalyzer

    docs, mb = load_documents(args.mb)
    add_entities(docs)
    for d in docs:
        d.sentences  # noqa: B018 - shared with the other analyzers in a real run
    an = SentimentAnalyzer()
    an.configure({})
    t0 = time.process_time()
    an.ensure_setup()
    setup = time.process_time() - t0
    t0 = time.process_time()
    mentions = 0
    for d in docs:
        mentions += sum(c["mentions"] for c in an.analyze(d)["companies"])
    secs = time.process_time() - t0
    rate = mb / secs
    print(f"sentiment: {mb:.2f} MB, {len(docs)} documents, {mentions} company mentions in {secs:.2f} CPU-s "
          f"-> {rate:.2f} MB/CPU-s (setup {setup:.2f} s, once per process)")
    if args.no_snownlp:
        return 0
    import jieba
    from snownlp import SnowNLP

    budget, sents = args.baseline_kb * 1e3, []
    for d in docs:
        for s in d.sentences:
            if budget <= 0:
                break
            sents.append(s.text)
            budget -= len(s.text.encode("utf-8"))
    base_mb = sum(len(s.encode("utf-8")) for s in sents) / 1e6
    jieba.lcut("预热")
    t0 = time.process_time()
    for s in sents:
        jieba.lcut(s)
        SnowNLP(s).sentiments
    base = base_mb / (time.process_time() - t0)
    print(f"baseline jieba + SnowNLP per sentence: {base_mb:.3f} MB -> {base:.3f} MB/CPU-s")
    print(f"ratio sentiment / baseline: {rate / base:.0f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

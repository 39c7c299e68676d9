"""Entity-linking throughput, against jieba segmentation of the same text measured in the same run.

    python bench/bench_entities.py [--mb 4]

Text: the bundled sample articles, normalized, repeated to about --mb megabytes (UTF-8).
Prints MB/s (one core) for: KB linking alone (Linker.find), the full analyzer output
(linking + attribution + unknown-organization discovery), and jieba (HMM off, as newskit uses it).
Goal: >= 5 MB/s per core for linking.
"""
from __future__ import annotations

import argparse
import time
from importlib.resources import files


def sample_text() -> str:
    from newskit.normalize import to_document
    from newskit.readers import RawDoc

    parts = []
    for p in sorted(files("newskit.seeds").iterdir(), key=lambda p: p.name):
        if p.name.endswith(".txt"):
            parts.append(to_document(RawDoc(id=p.name, text=p.read_text(encoding="utf-8"))).text)
    return "\n".join(parts)


def rate(fn, docs: list[str], min_seconds: float = 1.0) -> float:
    size = sum(len(d.encode("utf-8")) for d in docs)
    done, t0 = 0, time.process_time()
    while True:
        for d in docs:
            fn(d)
        done += size
        elapsed = time.process_time() - t0
        if elapsed >= min_seconds:
            return done / elapsed / 1e6


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=4.0)
    args = ap.parse_args()

    from newskit.kb import load_kb
    from newskit.kb.linker import Linker
    from newskit.text import add_words, cut

    t0 = time.perf_counter()
    kb = load_kb()
    linker = Linker(kb)
    build = time.perf_counter() - t0
    base = sample_text()
    docs = [base] * max(1, int(args.mb * 1e6 / len(base.encode("utf-8"))))
    print(f"knowledge base: {len(kb.entities)} entities, {len(linker.surface_names)} names; built in {build:.2f} s")
    print(f"text: {len(docs)} x {len(base.encode('utf-8')) / 1e3:.0f} KB = {sum(len(d.encode()) for d in docs) / 1e6:.1f} MB")

    add_words(linker.surface_names)
    cut("预热")  # load the dictionary outside the timing
    jieba_rate = rate(cut, docs[:1], 2.0)
    find_rate = rate(linker.find, docs)
    full_rate = rate(linker.analyze, docs)
    print(f"jieba cut (baseline):          {jieba_rate:6.2f} MB/s")
    print(f"linking (Linker.find):         {find_rate:6.2f} MB/s  ({find_rate / jieba_rate:.1f}x jieba)")
    print(f"full analyzer output:          {full_rate:6.2f} MB/s  ({full_rate / jieba_rate:.1f}x jieba)")
    print(f"goal >= 5 MB/s per core for linking: {'met' if find_rate >= 5 else 'NOT met'}")


if __name__ == "__main__":
    main()

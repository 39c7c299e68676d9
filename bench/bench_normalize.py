"""Normalization throughput (MB/s of UTF-8 input, one core) on clean and on damaged text.

    python bench/bench_normalize.py [--mb 2]

Clean text: the bundled Simplified samples (000, 002, 004), repeated.  Damaged text: the same
text with one misaligned-GBK run (as in sample 003) every ~2 KB.  Also prints the share of those
runs restored exactly, and the ratio to a baseline measured in the same run (NFC + width
normalization + OpenCC detection only).  Goal: >= 5 MB/s on clean text.
"""
from __future__ import annotations

import argparse
import random
import time
import unicodedata
from pathlib import Path

from newskit.normalize import normalize_text
from newskit.normalize.charlm import default_model
from newskit.normalize.clean import _FULLWIDTH_ALNUM
from newskit.normalize.convert import is_traditional
from newskit.normalize.gbk_repair import misalign, repair_gbk

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _clean_corpus(target_bytes: int) -> list[str]:
    texts = [SEEDS.joinpath(n).read_text(encoding="utf-8") for n in
             ("000_7dee3276a3d82b38.txt", "002_874226fd2e63c14b.txt", "004_e8bb53d92b102473.txt")]
    docs, size = [], 0
    while size < target_bytes:
        for t in texts:
            docs.append(t)
            size += len(t.encode("utf-8"))
    return docs


def _damage(text: str, rng: random.Random, every: int = 2000) -> tuple[str, int]:
    lines, out, runs = text.split("\n"), [], 0
    budget = 0
    for line in lines:
        budget += len(line.encode("utf-8"))
        spots = [k for k in range(1, len(line) - 2) if "\u4e00" <= line[k - 1] <= "\u9fff" and "\u4e00" <= line[k] <= "\u9fff"]
        if budget >= every and spots:
            line = misalign(line, rng.choice(spots))
            runs += 1
            budget = 0
        out.append(line)
    return "\n".join(out), runs


def _throughput(docs: list[str], fn) -> float:
    size = sum(len(d.encode("utf-8")) for d in docs)
    t0 = time.perf_counter()
    for d in docs:
        fn(d)
    return size / (time.perf_counter() - t0) / 1e6


def _baseline(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_FULLWIDTH_ALNUM)
    is_traditional(text)
    return text


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=2.0, help="MB of clean text to normalize")
    args = ap.parse_args()
    t0 = time.perf_counter()
    default_model()
    print(f"language model ready in {time.perf_counter() - t0:.2f} s (cached on disk after the first build)")
    clean = _clean_corpus(int(args.mb * 1e6))
    normalize_text(clean[0])                        # warm up OpenCC, dateparser, rules
    base = _throughput(clean, _baseline)
    full = _throughput(clean, normalize_text)
    print(f"clean text   : {full:6.2f} MB/s  (baseline NFC+width+detection {base:6.2f} MB/s, ratio {full / base:.2f})"
          f"  goal >= 5 MB/s: {'met' if full >= 5 else 'NOT met'}")
    rng = random.Random(7)
    originals = clean[: max(3, len(clean) // 20)]
    damaged, runs = zip(*(_damage(t, rng) for t in originals))
    dmg = _throughput(list(damaged), normalize_text)
    print(f"damaged text : {dmg:6.2f} MB/s  ({sum(runs)} misaligned runs in {sum(len(d.encode()) for d in damaged) / 1e6:.2f} MB)")
    exact = sum(repair_gbk(d)[0] == o for d, o in zip(damaged, originals))
    fixed_runs = sum(len(repair_gbk(d)[1]) for d in damaged)
    print(f"repairs      : {fixed_runs}/{sum(runs)} runs repaired; {exact}/{len(originals)} documents restored exactly")


if __name__ == "__main__":
    main()

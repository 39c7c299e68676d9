"""Make N realistic, varied articles from the bundled samples (for benchmarks, not tests).

Each article takes a sample's header lines, then paragraphs drawn from all samples in shuffled
order until it reaches a sample-like length; company names are swapped for others from the
bundled knowledge base and dates are moved, so no two articles are identical copies.

    python bench/make_corpus.py 5000 /tmp/corpus          # writes 5000 .txt files
    python bench/make_corpus.py --change 50 /tmp/corpus   # edits 50 of them (a nightly update)
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from importlib.resources import files
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

DATE = re.compile(r"(20\d\d)([-年/.])(\d{1,2})([-月/.])(\d{1,2})")


def samples() -> list[str]:
    root = files("newskit.seeds")
    return [p.read_text(encoding="utf-8") for p in sorted(root.iterdir(), key=lambda p: p.name) if p.name.endswith(".txt")]


def company_names() -> list[str]:
    names = []
    for f in sorted((files("newskit") / "data" / "kb").iterdir(), key=lambda p: p.name):
        if f.name.endswith(".toml"):
            for ent in tomllib.loads(f.read_text(encoding="utf-8")).get("entity", []):
                if ent.get("type", "company") == "company" and len(ent.get("name", "")) >= 2:
                    names.append(ent["name"])
    return sorted(set(names))


def _article(rng: random.Random, texts: list[list[str]], names: list[str]) -> str:
    head = rng.choice(texts)
    target = rng.choice([len("".join(t)) for t in texts]) * rng.uniform(0.6, 1.4)
    body = list(head[:3])
    pool = [p for t in texts for p in t[3:]]
    while sum(map(len, body)) < target:
        body.append(rng.choice(pool))
    text = "\n\n".join(body)
    present = [n for n in names if n in text]
    for n in rng.sample(present, min(3, len(present))):
        text = text.replace(n, rng.choice(names))
    year = rng.randint(2021, 2026)
    return DATE.sub(lambda m: f"{year}{m[2]}{rng.randint(1, 12)}{m[4]}{rng.randint(1, 28)}", text)


def make_corpus(folder: Path, n: int, seed: int = 0) -> Path:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    texts = [[p for p in re.split(r"\n\s*\n|\n", t) if p.strip()] for t in samples()]
    names = company_names()
    for i in range(n):
        (folder / f"doc{i:06d}.txt").write_text(_article(rng, texts, names) + f"\n\n（编号 {i}）\n", encoding="utf-8")
    return folder


def change(folder: Path, k: int, seed: int = 1) -> list[Path]:
    """Edit ``k`` articles (append a correction paragraph), as a nightly feed update would."""
    rng = random.Random(seed)
    chosen = rng.sample(sorted(Path(folder).glob("*.txt")), k)
    for p in chosen:
        p.write_text(p.read_text(encoding="utf-8") + f"\n更正：本文于第 {rng.randint(2, 9)} 段有所修改。\n", encoding="utf-8")
    return chosen


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, nargs="?", default=1000)
    ap.add_argument("folder", type=Path)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--change", type=int, metavar="K", help="edit K existing articles instead of creating")
    args = ap.parse_args()
    if args.change:
        print(f"changed {len(change(args.folder, args.change, args.seed))} articles in {args.folder}")
    else:
        make_corpus(args.folder, args.n, args.seed)
        size = sum(p.stat().st_size for p in args.folder.glob("*.txt"))
        print(f"wrote {args.n} articles, {size / 1e6:.1f} MB, to {args.folder}")


if __name__ == "__main__":
    main()

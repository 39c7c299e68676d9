"""The README's third-party analyzer works when copied."""
import json
import re
import subprocess
from pathlib import Path

from conftest import newskit_cmd

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _block_after(marker: str, lang: str) -> str:
    start = README.index(marker)
    m = re.compile(rf"```{lang}\n(.*?)```", re.S).search(README, start)
    return m.group(1)


def test_readme_wordcount_plugin_runs(fake_dist, tmp_path, seeds_dir):
    pyproject = _block_after("A third-party analyzer is an ordinary pip package", "toml")
    module = _block_after("`newskit_wordcount.py`:", "python")
    entry = re.search(r"\[project\.entry-points\.newskit\]\n(\w+) = \"(\w+)\"", pyproject)
    dist = re.search(r'name = "([\w-]+)"', pyproject).group(1)
    fake_dist.add(dist, {entry.group(2): module}, {entry.group(1): entry.group(2)})
    out = tmp_path / "out"
    r = subprocess.run(newskit_cmd("run", str(seeds_dir), "--plugins", "wordcount", "--format", "md",
                                   "--out", str(out), "--no-cache"),
                       capture_output=True, text=True, env=fake_dist.env(), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert [a["name"] for a in results["run"]["analyzers"]] == ["entities", "wordcount"]
    words = [d["results"]["wordcount"]["words"] for d in results["documents"]]
    assert all(w > 500 for w in words)
    assert abs(results["summaries"]["wordcount"]["mean_words"] - sum(words) / len(words)) < 1e-6
    assert "篇幅 Length" in (out / "report.md").read_text(encoding="utf-8")

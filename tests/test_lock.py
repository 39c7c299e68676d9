"""One build per output folder; a build killed halfway leaves the previous report and a sound cache."""
import json
import signal
import sqlite3
import subprocess
import time

import pytest

from newskit.lock import BuildLocked, build_lock

from conftest import newskit_cmd

SLOW_PLUGIN = '''
import os, time
from pathlib import Path
from newskit import Analyzer, hookimpl

class Slow(Analyzer):
    name = "slow"
    version = "1"
    def analyze(self, doc):
        marker = os.environ.get("SLOW_MARKER")
        if marker and doc.id.startswith("new"):
            Path(marker).write_text(doc.id)
            time.sleep(120)
        return {"chars": len(doc.text)}

@hookimpl
def register_analyzers(register):
    register(Slow())
'''


def test_a_held_lock_refuses_at_once(tmp_path):
    with build_lock(tmp_path / "out"):
        t0 = time.monotonic()
        with pytest.raises(BuildLocked, match="another build is running in .*--wait"):
            with build_lock(tmp_path / "out"):
                pass
        assert time.monotonic() - t0 < 1
    with build_lock(tmp_path / "out"):  # released: free again
        pass


def test_concurrent_and_killed_builds(tmp_path, fake_dist):
    fake_dist.add("newskit-slow", {"nk_slow": SLOW_PLUGIN}, {"slow": "nk_slow"})
    corpus = tmp_path / "in"
    corpus.mkdir()
    for i, text in enumerate(["百度发布了新模型。", "腾讯与阿里巴巴竞争。", "字节跳动推出新应用。"]):
        (corpus / f"old{i}.txt").write_text(text, encoding="utf-8")
    args = ("run", str(corpus), "--plugins", "slow", "--format", "md,json", "--out", "out")
    env = fake_dist.env()
    first = subprocess.run(newskit_cmd(*args), capture_output=True, text=True, cwd=tmp_path, env=env)
    assert first.returncode == 0, first.stderr
    out = tmp_path / "out"
    before = {name: (out / name).read_bytes() for name in ("results.json", "report.md")}

    (corpus / "new0.txt").write_text("零一万物发布新模型。", encoding="utf-8")
    marker = tmp_path / "marker"
    slow = subprocess.Popen(newskit_cmd(*args), cwd=tmp_path, env={**env, "SLOW_MARKER": str(marker)},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert slow.poll() is None, slow.stderr.read()
            assert time.monotonic() < deadline, "the slow build never reached the analysis"
            time.sleep(0.05)
        second = subprocess.run(newskit_cmd(*args), capture_output=True, text=True, cwd=tmp_path, env=env, timeout=60)
        assert second.returncode == 5
        assert second.stderr.strip().count("\n") == 0 and "another build is running in out" in second.stderr
    finally:
        slow.send_signal(signal.SIGKILL)
        slow.wait()

    assert {name: (out / name).read_bytes() for name in before} == before  # the previous report survives
    db = sqlite3.connect(out / ".newskit-cache.sqlite")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()
    finished = [p for p in (out / "builds").iterdir() if not p.name.startswith(".")]
    assert len(finished) == 1  # the killed build is not published

    third = subprocess.run(newskit_cmd(*args), capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)
    assert third.returncode == 0, third.stderr
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert sorted(d["id"] for d in results["documents"]) == ["new0.txt", "old0.txt", "old1.txt", "old2.txt"]
    assert results["run"]["cache"]["hits"] == 3 and results["run"]["cache"]["misses"] == 1
    assert not list((out / "builds").glob(".partial-*"))

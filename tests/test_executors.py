"""Serial, process and Dask executors give identical results, and per-run settings reach every worker."""
import json

import pytest

from newskit.build import build
from newskit.pipeline import RunSettings, resolve
from newskit.plugin_manager import load

STRIP = ("started", "seconds", "timings", "jobs", "executor", "cache", "build", "previous", "inputs")


def _comparable(results: dict) -> dict:
    results = json.loads(json.dumps(results))
    for key in STRIP:
        results["run"].pop(key, None)
    return results


@pytest.fixture
def corpus(tmp_path, seeds_dir):
    folder = tmp_path / "in"
    folder.mkdir()
    for f in sorted(seeds_dir.glob("*.txt"))[:3]:
        (folder / f.name).write_bytes(f.read_bytes())
    (folder / "custom.txt").write_text("星河智算今天发布了新的推理芯片，百度也宣布了合作。", encoding="utf-8")
    return folder


def _kb(path, alias):
    path.write_text(f'[[entity]]\nname = "星河智算"\naliases = ["{alias}"]\n', encoding="utf-8")


def _run(corpus, out, kb, analyzers=("entities",), **kw):
    registry = load()
    settings = RunSettings(analyzers=resolve(registry.analyzers, analyzers or None), knowledge_files=[str(kb)])
    outcome = build([str(corpus)], out, settings, registry, formats=("json",), use_cache=False, **kw)
    return _comparable(json.loads(outcome.results_path.read_text(encoding="utf-8")))


def _companies(results, doc_id):
    doc = next(d for d in results["documents"] if d["id"] == doc_id)
    return {c["name"]: c["mentions"] for c in doc["results"]["entities"]["companies"]}


@pytest.mark.parametrize("analyzers", [("entities",), ()], ids=["entities", "all-analyzers"])
def test_serial_and_process_pool_agree(tmp_path, corpus, analyzers):
    kb = tmp_path / "kb.toml"
    _kb(kb, "星河")
    serial = _run(corpus, tmp_path / "s", kb, analyzers)
    pooled = _run(corpus, tmp_path / "p", kb, analyzers, jobs=2, executor="processes")
    assert serial == pooled and len(serial["run"]["analyzers"]) >= len(analyzers)
    assert "星河智算" in _companies(serial, "custom.txt")  # the user's KB reached the workers


def test_dask_agrees_and_long_lived_workers_pick_up_new_settings(tmp_path, corpus):
    distributed = pytest.importorskip("distributed")
    kb = tmp_path / "kb.toml"
    _kb(kb, "星河")
    serial = _run(corpus, tmp_path / "s", kb)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        dask = _run(corpus, tmp_path / "d", kb, executor="dask", scheduler=cluster.scheduler_address)
        assert dask == serial
        # Same path, new content: workers that kept the old engine would miss the new alias.
        kb.write_text('[[entity]]\nname = "推理芯片公司"\naliases = ["推理芯片"]\n', encoding="utf-8")
        serial2 = _run(corpus, tmp_path / "s2", kb)
        dask2 = _run(corpus, tmp_path / "d2", kb, executor="dask", scheduler=cluster.scheduler_address)
    assert dask2 == serial2
    assert "推理芯片公司" in _companies(dask2, "custom.txt") and "星河智算" not in _companies(dask2, "custom.txt")


def test_spawned_workers_agree_with_serial(tmp_path, corpus, monkeypatch):
    kb = tmp_path / "kb.toml"
    _kb(kb, "星河")
    serial = _run(corpus, tmp_path / "s", kb)
    monkeypatch.setenv("NEWSKIT_START_METHOD", "spawn")
    spawned = _run(corpus, tmp_path / "p", kb, jobs=2, executor="processes")
    assert spawned == serial and "星河智算" in _companies(spawned, "custom.txt")


def _worker_state(key):
    import os

    from newskit import executors, text

    engine = executors._engines.get(key)
    ready = engine is not None and all(a._ready for a in engine.analyzers)
    return os.getpid(), ready and text._tokenizer is not None and text._pos is not None


@pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(), reason="no fork here")
def test_forked_workers_inherit_the_warmed_engine(corpus):
    import os

    from newskit.executors import ProcessExecutor, _Done
    from newskit.pipeline import Engine
    from newskit.readers import RawDoc

    registry = load()
    engine = Engine(RunSettings(analyzers=resolve(registry.analyzers, ["entities"])), registry)
    ex = ProcessExecutor(engine, 2, "k-test", method="fork")
    try:
        assert isinstance(ex.submit_signature("百度" * 300), _Done)  # no pool yet: computed here
        first = ex.submit(RawDoc(id="a.txt", text="百度发布了文心一言。"), None)  # needs no tagging
        assert isinstance(first, _Done) and ex.pool is not None  # analyzed here, then forked
        pid, ready = ex.pool.submit(_worker_state, "k-test").result()
        assert pid != os.getpid() and ready  # set up (jieba too) in the parent, not again in the worker
        rec, _ = ex.result(ex.submit(RawDoc(id="b.txt", text="百度发布了文心一言。"), None))
        assert rec.results == ex.result(first)[0].results
    finally:
        ex.close()


def test_no_fork_while_other_threads_run(corpus):
    """A summary thread alive at the first submit (cached records come first) makes the pool spawn."""
    import threading

    from newskit.executors import ProcessExecutor, _Done
    from newskit.pipeline import Engine
    from newskit.readers import RawDoc
    from newskit.summaries import THREAD_PREFIX

    registry = load()
    engine = Engine(RunSettings(analyzers=resolve(registry.analyzers, ["entities"])), registry)
    ex = ProcessExecutor(engine, 1, "k-thread", method="fork")
    stop = threading.Event()
    busy = threading.Thread(target=stop.wait, daemon=True, name=THREAD_PREFIX + "test")
    busy.start()
    try:
        handle = ex.submit(RawDoc(id="a.txt", text="百度发布了文心一言。"), None)
        assert not isinstance(handle, _Done) and ex.method == "spawn"
        rec, _ = ex.result(handle)
        assert [c["name"] for c in json.loads(rec.results["entities"])["companies"]] == ["百度"]
    finally:
        stop.set()
        ex.close()

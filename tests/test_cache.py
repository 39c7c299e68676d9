"""The incremental cache: hits, and invalidation by content, analyzer version and configuration."""
import json
import os

import pytest
from click.testing import CliRunner

from newskit import Analyzer, hookimpl
from newskit.build import build
from newskit.cache import Cache
from newskit.pipeline import RunSettings, resolve
from newskit.plugin_manager import load

CALLS: list[tuple[str, str]] = []
SUMMARIZED: list[str] = []


class Length(Analyzer):
    name = "length"
    version = "1"

    def analyze(self, doc):
        CALLS.append((self.name, doc.id))
        if "故障" in doc.text and self.settings.get("fail_on_fault"):
            raise RuntimeError("simulated failure")
        return {"chars": len(doc.text), "unit": self.settings.get("unit", "char")}

    def summarize(self, documents):
        SUMMARIZED.append(self.name)
        chars = sum(d["results"]["length"]["chars"] for d in documents if "length" in d["results"])
        return {"chars": chars, "notes": ["长"] * self.settings.get("long_summary", 0)}


class Share(Analyzer):
    name = "share"
    version = "1"
    requires = ("length",)

    def analyze(self, doc):
        CALLS.append((self.name, doc.id))
        return {"sentences": len(doc.sentences), "chars": doc.results["length"]["chars"]}


class CountingPlugin:
    def __init__(self):
        self.length, self.share = Length(), Share()

    @hookimpl
    def register_analyzers(self, register):
        register(self.length)
        register(self.share)


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    texts = ["百度发布了新模型。市场反应平淡。", "腾讯与阿里巴巴在云计算领域竞争激烈。", "字节跳动推出新的应用。用户增长很快。"]
    for i, t in enumerate(texts):
        (folder / f"a{i}.txt").write_text(t, encoding="utf-8")
    return folder


@pytest.fixture
def make_build(tmp_path):
    plugin = CountingPlugin()
    registry = load(extra_plugins=(plugin,))

    def run(corpus, settings=None, **kw):
        CALLS.clear()
        SUMMARIZED.clear()
        order = resolve(registry.analyzers, ["share"])
        s = RunSettings(analyzers=order, plugin_settings=settings or {})
        outcome = build([str(corpus)], tmp_path / "out", s, registry, formats=("json",), **kw)
        return json.loads(outcome.results_path.read_text(encoding="utf-8")), sorted(CALLS)

    run.plugin = plugin
    return run


def _docs(results):
    return results["documents"]


def test_unchanged_corpus_is_served_from_the_cache(make_build, corpus):
    first, calls = make_build(corpus)
    assert len(calls) == 6 and first["run"]["cache"]["misses"] == 6
    second, calls = make_build(corpus)
    assert calls == [] and second["run"]["cache"]["hits"] == 6
    assert _docs(first) == _docs(second) and second["summaries"] == first["summaries"]


def test_changed_content_reanalyzes_only_that_document(make_build, corpus):
    make_build(corpus)
    (corpus / "a1.txt").write_text("腾讯与阿里巴巴在云计算领域竞争激烈。双方都降价了。", encoding="utf-8")
    (corpus / "a3.txt").write_text("新的文章。", encoding="utf-8")
    results, calls = make_build(corpus)
    assert calls == [("length", "a1.txt"), ("length", "a3.txt"), ("share", "a1.txt"), ("share", "a3.txt")]
    a1 = next(d for d in _docs(results) if d["id"] == "a1.txt")
    assert a1["results"]["share"]["sentences"] == 2


def test_version_change_invalidates_the_analyzer_and_its_dependants_only(make_build, corpus):
    make_build(corpus)
    make_build.plugin.share.version = "2"
    _, calls = make_build(corpus)
    assert {c[0] for c in calls} == {"share"} and len(calls) == 3
    make_build.plugin.length.version = "2"
    _, calls = make_build(corpus)
    assert {c[0] for c in calls} == {"length", "share"} and len(calls) == 6


def test_configuration_change_invalidates(make_build, corpus):
    make_build(corpus)
    results, calls = make_build(corpus, {"length": {"unit": "hanzi"}})
    assert len(calls) == 6
    assert {d["results"]["length"]["unit"] for d in _docs(results)} == {"hanzi"}
    _, calls = make_build(corpus, {"length": {"unit": "hanzi"}})
    assert calls == []


def test_failures_are_not_cached_and_no_cache_means_no_cache(make_build, corpus, tmp_path):
    (corpus / "a0.txt").write_text("服务器故障。", encoding="utf-8")
    settings = {"length": {"fail_on_fault": True}}
    results, _ = make_build(corpus, settings)
    assert "length" in next(d for d in _docs(results) if d["id"] == "a0.txt")["errors"]
    _, calls = make_build(corpus, settings)
    assert calls == [("length", "a0.txt")]  # the failed one is retried, the rest come from the cache
    _, calls = make_build(corpus, use_cache=False)
    assert len(calls) == 6


def test_cached_results_reach_dependants_when_only_they_rerun(make_build, corpus):
    first, _ = make_build(corpus)
    make_build.plugin.share.version = "2"
    second, _ = make_build(corpus)
    assert [d["results"] for d in _docs(first)] == [d["results"] for d in _docs(second)]


def test_each_build_is_archived_and_points_at_the_previous_one(make_build, corpus, tmp_path):
    first, _ = make_build(corpus)
    second, _ = make_build(corpus)
    out = tmp_path / "out"
    builds = sorted(p.name for p in (out / "builds").iterdir())
    assert builds == [first["run"]["build"], second["run"]["build"]]
    assert second["run"]["previous"] == str((out / "builds" / first["run"]["build"] / "results.json").resolve())
    assert (out / "latest").resolve() == (out / "builds" / second["run"]["build"]).resolve()
    assert (out / "latest.txt").read_text().strip() == second["run"]["build"]
    assert json.loads((out / "latest" / "results.json").read_text()) == second


def test_entities_fingerprint_follows_the_knowledge_base_without_loading_it(tmp_path):
    from newskit.pipeline import Context

    kb = tmp_path / "kb.toml"
    kb.write_text('[[entity]]\nname = "示例科技"\n', encoding="utf-8")
    entities = load().analyzers["entities"]
    entities.configure({}, Context(knowledge_files=[str(kb)]))
    before = entities.fingerprint()
    assert entities.fingerprint() == before and not entities._ready
    kb.write_text('[[entity]]\nname = "示例科技"\naliases = ["示例"]\n', encoding="utf-8")
    assert entities.fingerprint() != before


def test_cache_info_and_prune(make_build, corpus, tmp_path):
    from newskit.cli import cli

    make_build(corpus)
    out = tmp_path / "out"
    r = CliRunner().invoke(cli, ["cache", "info", "--out", str(out), "--json"])
    assert r.exit_code == 0, r.output
    info = json.loads(r.output)
    assert info["documents"] == 3 and {a["analyzer"]: a["entries"] for a in info["analyzers"]} == {"length": 3, "share": 3}
    r = CliRunner().invoke(cli, ["cache", "prune", "--out", str(out), "--older-than", "1"])
    assert r.exit_code == 0 and Cache(out / ".newskit-cache.sqlite").info()["documents"] == 3
    r = CliRunner().invoke(cli, ["cache", "prune", "--out", str(out), "--all"])
    assert r.exit_code == 0 and Cache(out / ".newskit-cache.sqlite").info()["documents"] == 0
    r = CliRunner().invoke(cli, ["cache", "info", "--out", str(tmp_path / "nowhere")])
    assert r.exit_code == 2 and "no cache" in r.output


def test_cache_dir_from_environment(make_build, corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSKIT_CACHE_DIR", str(tmp_path / "shared-cache"))
    results, _ = make_build(corpus)
    assert os.path.exists(results["run"]["cache"]["path"]) and "shared-cache" in results["run"]["cache"]["path"]
    assert not (tmp_path / "out" / ".newskit-cache.sqlite").exists()


def test_summaries_are_reused_only_for_the_same_corpus_and_analyzers(make_build, corpus):
    first, _ = make_build(corpus)
    assert SUMMARIZED == ["length"] and first["summaries"]["length"]["chars"] > 0
    second, _ = make_build(corpus)
    assert SUMMARIZED == [] and second["summaries"] == first["summaries"]
    assert second["run"]["corpus"] == first["run"]["corpus"]
    (corpus / "a1.txt").write_text("腾讯与阿里巴巴在云计算领域竞争激烈。双方都降价了。", encoding="utf-8")
    third, _ = make_build(corpus)
    assert SUMMARIZED == ["length"] and third["run"]["corpus"] != first["run"]["corpus"]
    assert third["summaries"]["length"]["chars"] == first["summaries"]["length"]["chars"] + len("双方都降价了。")
    make_build.plugin.length.version = "2"
    make_build(corpus)
    assert SUMMARIZED == ["length"]
    (corpus / "a0.txt").write_text("服务器故障。", encoding="utf-8")
    failed, _ = make_build(corpus, {"length": {"fail_on_fault": True}})
    assert failed["run"]["corpus"] is None  # a failed analysis may succeed next time: never reused
    make_build(corpus, {"length": {"fail_on_fault": True}})
    assert SUMMARIZED == ["length"]


def test_results_stream_back_as_written(make_build, corpus, tmp_path):
    from newskit.results import Documents, load_results

    (corpus / "a4.txt").write_text('引号"与反斜杠\\\\、换行\n和 ], "summaries": 都在正文里。', encoding="utf-8")
    whole, _ = make_build(corpus)
    path = tmp_path / "out" / "results.json"
    streamed = load_results(path, stream=True)
    assert isinstance(streamed["documents"], Documents) and len(streamed["documents"]) == 4
    assert {**streamed, "documents": list(streamed["documents"])} == whole
    assert list(streamed["documents"]) == whole["documents"]  # every pass reads the file again
    pretty = tmp_path / "pretty.json"
    pretty.write_text(json.dumps(whole, ensure_ascii=False, indent=2), encoding="utf-8")
    assert load_results(pretty, stream=True) == whole  # another layout: loaded whole


@pytest.mark.parametrize("long_summary", [0, 100_000], ids=["short", "summaries-beyond-64KB"])
def test_unchanged_rebuild_copies_the_previous_records_and_keeps_the_cache_fresh(make_build, corpus, tmp_path,
                                                                                long_summary):
    import sqlite3

    settings = {"length": {"long_summary": long_summary}}
    first, _ = make_build(corpus, settings)
    db = sqlite3.connect(tmp_path / "out" / ".newskit-cache.sqlite")
    with db:
        db.execute("UPDATE docs SET used = 0")
        db.execute("UPDATE results SET used = 0")
    for _ in range(2):  # the second copy is made from a copy
        again, calls = make_build(corpus, settings)
        assert calls == [] and SUMMARIZED == [] and again["documents"] == first["documents"]
        assert again["summaries"] == first["summaries"]
        assert again["run"]["cache"] == {**first["run"]["cache"], "hits": 6, "misses": 0}
    assert db.execute("SELECT MIN(used) FROM docs").fetchone()[0] > 0
    assert db.execute("SELECT MIN(used) FROM results").fetchone()[0] > 0
    (corpus / "a2.txt").unlink()
    fewer, calls = make_build(corpus, settings)
    assert calls == [] and [d["id"] for d in fewer["documents"]] == ["a0.txt", "a1.txt"]

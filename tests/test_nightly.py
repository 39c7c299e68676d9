"""Nightly builds: the stat manifest (unchanged files not read again) and the report reused when
its inputs are unchanged, byte-identical to a report built afresh."""
from __future__ import annotations

import json
import os
import types

import pytest

from newskit import manifest
from newskit.reports import build_reports, sections
from reports_fixture import later_build, synthetic_results
from test_cache import CALLS, CountingPlugin, corpus  # noqa: F401  (corpus: a fixture)

NO_PLUGINS = types.SimpleNamespace(analyzers={})


@pytest.fixture
def make_build(tmp_path):
    """Like test_cache's, with formats and build options: returns (results, analyzer calls)."""
    from newskit.build import build
    from newskit.pipeline import RunSettings, resolve
    from newskit.plugin_manager import load

    registry = load(extra_plugins=(CountingPlugin(),))

    def run(corpus, settings=None, formats=("json",), **kw):
        CALLS.clear()
        s = RunSettings(analyzers=resolve(registry.analyzers, ["share"]), plugin_settings=settings or {})
        outcome = build([str(corpus)], tmp_path / "out", s, registry, formats=formats, **kw)
        return json.loads(outcome.results_path.read_text(encoding="utf-8")), sorted(CALLS)

    run.registry = registry
    return run


@pytest.fixture
def reads(monkeypatch):
    """Files read by the build's scan, in order; recorded files count as settled at once."""
    seen: list[str] = []
    real = manifest.read_file

    def counting(path, doc_id=None):
        seen.append(path.name)
        return real(path, doc_id)

    monkeypatch.setattr(manifest, "read_file", counting)
    monkeypatch.setattr(manifest, "SETTLE", 0)
    return seen


def test_unchanged_files_are_not_read_again(make_build, corpus, reads):
    first, calls = make_build(corpus)
    assert len(reads) == 3 and len(calls) == 6
    reads.clear()
    again, calls = make_build(corpus)
    assert reads == [] and calls == [] and again["documents"] == first["documents"]
    (corpus / "a1.txt").write_text("腾讯与阿里巴巴在云计算领域竞争激烈。双方都降价了。", encoding="utf-8")
    changed, calls = make_build(corpus)
    assert reads == ["a1.txt"] and calls == [("length", "a1.txt"), ("share", "a1.txt")]
    assert next(d for d in changed["documents"] if d["id"] == "a1.txt")["results"]["share"]["sentences"] == 2


def test_an_edit_keeping_size_and_mtime_is_seen(make_build, corpus, reads):
    make_build(corpus)
    path = corpus / "a0.txt"
    before = os.stat(path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("平淡", "热烈"), encoding="utf-8")  # same length in bytes
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(path).st_size == before.st_size and os.stat(path).st_mtime_ns == before.st_mtime_ns
    reads.clear()
    results, calls = make_build(corpus)
    assert reads == ["a0.txt"] and ("length", "a0.txt") in calls  # ctime moved: read again


def test_rehash_reads_everything_and_recent_files_are_not_trusted(make_build, corpus, reads, monkeypatch):
    make_build(corpus)
    reads.clear()
    make_build(corpus, rehash=True)
    assert sorted(reads) == ["a0.txt", "a1.txt", "a2.txt"]
    monkeypatch.setattr(manifest, "SETTLE", 3600)  # every file "just written": not recorded
    (corpus / "a1.txt").write_text("新的内容。", encoding="utf-8")
    make_build(corpus)
    reads.clear()
    make_build(corpus)
    assert reads == ["a1.txt"]  # the others stay recorded from before; a1 is racily clean


def test_known_documents_are_read_when_the_cache_cannot_serve_them(make_build, corpus, reads, tmp_path):
    first, _ = make_build(corpus)
    reads.clear()
    reconfigured, calls = make_build(corpus, {"length": {"unit": "字"}})  # every result invalidated
    assert sorted(reads) == ["a0.txt", "a1.txt", "a2.txt"] and len(calls) == 6
    assert [d["results"]["length"]["chars"] for d in reconfigured["documents"]] == \
        [d["results"]["length"]["chars"] for d in first["documents"]]
    fresh, _ = make_build(corpus, {"length": {"unit": "字"}}, use_cache=False)
    assert [d["results"] for d in fresh["documents"]] == [d["results"] for d in reconfigured["documents"]]


# -- the report reused ------------------------------------------------------------------------

def _results(corpus_key="c1") -> dict:
    r = synthetic_results()
    r["run"]["corpus"] = corpus_key
    return r


def _read(folder):
    return (folder / "report.md").read_bytes(), {p.name: p.read_bytes() for p in (folder / "charts").iterdir()}


def test_unchanged_results_reuse_the_report_byte_for_byte(tmp_path, monkeypatch):
    older, first, again = _results(), _results(), _results()
    older["run"]["build"], first["run"]["build"], again["run"]["build"] = "b0", "b1", "b2"
    older = later_build(older)
    build_reports(first, tmp_path / "b1", ["md"], NO_PLUGINS, previous=older, keep_state=True)
    fresh = build_reports(again, tmp_path / "fresh", ["md"], NO_PLUGINS, previous=first)
    passes = []
    real = sections.gather_facts
    monkeypatch.setattr(sections, "gather_facts", lambda r: passes.append(1) or real(r))
    build_reports(again, tmp_path / "b2", ["md"], NO_PLUGINS, previous=first, reuse_from=tmp_path / "b1", keep_state=True)
    assert passes == []  # no pass over the documents
    assert _read(tmp_path / "b2") == _read(tmp_path / "fresh") and fresh
    md = (tmp_path / "b2" / "report.md").read_text(encoding="utf-8")
    assert "build b2" in md and "(b1, 4 documents → 4 now)" in md  # compared with the build it followed
    assert "新出现的公司 New in the coverage**: 无 none" in md
    for png in (tmp_path / "b2" / "charts").iterdir():  # the drawings are the previous build's files
        assert os.path.samefile(png, tmp_path / "b1" / "charts" / png.name)


def test_changed_results_rebuild_the_sections_and_redraw_changed_charts(tmp_path, monkeypatch):
    first = _results("c1")
    build_reports(first, tmp_path / "b1", ["md"], NO_PLUGINS, keep_state=True)
    changed = later_build(_results("c2"))
    passes = []
    real = sections.gather_facts
    monkeypatch.setattr(sections, "gather_facts", lambda r: passes.append(1) or real(r))
    build_reports(changed, tmp_path / "b2", ["md"], NO_PLUGINS, previous=first, reuse_from=tmp_path / "b1")
    assert passes == [1]
    build_reports(changed, tmp_path / "fresh", ["md"], NO_PLUGINS, previous=first)
    assert _read(tmp_path / "b2") == _read(tmp_path / "fresh")
    assert not (tmp_path / "b2" / ".report-state.json").exists()  # only builds keep one (keep_state)
    state = json.loads((tmp_path / "b1" / ".report-state.json").read_text(encoding="utf-8"))
    assert set(state["charts"]) >= {"sentiment", "stance", "rivalry", "timeline"}
    redrawn = [p.name for p in (tmp_path / "b2" / "charts").iterdir()
               if not os.path.samefile(p, tmp_path / "b1" / "charts" / p.name)]
    assert redrawn  # the data changed: not every drawing is the old one


def test_no_corpus_fingerprint_means_no_reuse(tmp_path, monkeypatch):
    first = _results(None)
    build_reports(first, tmp_path / "b1", ["md"], NO_PLUGINS, keep_state=True)
    passes = []
    real = sections.gather_facts
    monkeypatch.setattr(sections, "gather_facts", lambda r: passes.append(1) or real(r))
    build_reports(_results(None), tmp_path / "b2", ["md"], NO_PLUGINS, reuse_from=tmp_path / "b1")
    assert passes == [1]


def test_nightly_builds_publish_no_state_and_reuse_it(make_build, corpus, tmp_path):
    from newskit.results import load_results

    make_build(corpus, formats=("md", "json"))
    second, _ = make_build(corpus, formats=("md", "json"))
    out = tmp_path / "out"
    assert not (out / ".report-state.json").exists() and (out / "latest" / ".report-state.json").is_file()
    fresh = tmp_path / "fresh"
    build_reports(load_results(out / "results.json", stream=True), fresh, ["md"], make_build.registry,
                  previous=second["run"]["previous"])
    assert (out / "report.md").read_bytes() == (fresh / "report.md").read_bytes()


def test_nested_files_and_records_keep_their_ids_when_not_read(make_build, corpus, reads):
    (corpus / "sub").mkdir()
    (corpus / "sub" / "b.txt").write_text("百川智能发布医疗大模型。", encoding="utf-8")
    records = [{"id": "x1", "text": "零一万物开源新模型。"}, {"id": "x2", "text": "商汤科技发布财报。"}]
    (corpus / "feed.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    first, _ = make_build(corpus)
    reads.clear()
    again, calls = make_build(corpus)
    assert reads == [] and calls == []
    assert [d["id"] for d in again["documents"]] == [d["id"] for d in first["documents"]]
    assert {"sub/b.txt", "feed.jsonl#x1", "feed.jsonl#x2"} <= {d["id"] for d in again["documents"]}


def test_unchanged_records_are_copied_without_copy_file_range_too(make_build, corpus, monkeypatch):
    first, _ = make_build(corpus)
    kernel, _ = make_build(corpus)

    def unsupported(*args):
        raise OSError(18, "Invalid cross-device link")

    import newskit.build

    monkeypatch.setattr(newskit.build.os, "copy_file_range", unsupported)
    copied, calls = make_build(corpus)
    assert calls == [] and copied["documents"] == kernel["documents"] == first["documents"]

"""Syndicated copies are analyzed once and counted, with their sources, under the first copy."""
import json

import pytest

from newskit.build import build
from newskit.pipeline import RunSettings
from newskit.plugin_manager import load

STORY = [
    "8月8日,一家人工智能创业公司发布了旗下第三款大模型产品,训练参数高达530亿。",
    "此时距离创始人宣布进军大模型战场不过4个月的时间,这家公司进展神速,后续还会有多款产品发布。",
    "公司方面透露,新模型在中文理解、逻辑推理和代码生成方面均有明显提升,并将向企业客户开放接口。",
    "业内人士认为,国产大模型的混战远未结束,算力、数据和人才仍是决定胜负的关键因素。",
    "与此同时,多家互联网公司也在加快布局,行业竞争日趋激烈,价格战已初露端倪。",
    "分析师指出,未来一年将是大模型商业化落地的关键窗口期,能否找到清晰的盈利模式至关重要。",
]
OTHER = [
    "新能源汽车市场在第三季度继续保持高速增长,多家车企公布了创纪录的交付数据。",
    "电池原材料价格回落,使得整车厂的毛利率有所改善,但价格竞争仍然激烈。",
    "海外市场成为新的增长点,出口量同比大幅上升,欧洲和东南亚需求旺盛。",
    "业内预计,明年行业将进入整合期,部分缺乏竞争力的品牌可能被淘汰出局。",
]


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_original.txt").write_text("来源:科技日报\n\n" + "\n\n".join(STORY), encoding="utf-8")
    edited = STORY[:3] + ["业内人士普遍认为,国产大模型的混战远未结束,算力、数据和人才仍是决定胜负的关键。"] + STORY[4:]
    (folder / "b_repost.txt").write_text("来源:新火种\n\n" + "\n\n".join(edited) + "\n\n责任编辑:小迪", encoding="utf-8")
    (folder / "c_other.txt").write_text("\n\n".join(OTHER * 2), encoding="utf-8")
    return folder


@pytest.mark.parametrize("use_cache", [True, False])
def test_near_duplicates_are_analyzed_once_and_listed(corpus, tmp_path, use_cache):
    registry = load()
    settings = RunSettings(analyzers=["entities"])
    for _ in range(2):  # the second run takes signatures from the cache when there is one
        outcome = build([str(corpus)], tmp_path / "out", settings, registry, formats=("json",), use_cache=use_cache)
        results = json.loads(outcome.results_path.read_text(encoding="utf-8"))
        docs = {d["id"]: d for d in results["documents"]}
        assert sorted(docs) == ["a_original.txt", "c_other.txt"]
        assert results["run"]["duplicates"] == 1
        (dup,) = docs["a_original.txt"]["duplicates"]
        assert dup["id"] == "b_repost.txt" and dup["source"] == "新火种"
        assert docs["c_other.txt"]["duplicates"] == []


def test_cached_decisions_skip_the_index_until_something_changes(corpus, tmp_path, monkeypatch):
    """An unchanged corpus takes every decision from the cache; a new copy added later is still
    matched against the documents kept in earlier builds (their signatures replayed into the index)."""
    import newskit.dedupe

    registry, settings = load(), RunSettings(analyzers=["entities"])
    build([str(corpus)], tmp_path / "out", settings, registry, formats=("json",))
    built = []
    monkeypatch.setattr(newskit.dedupe.NearDuplicates, "__init__",
                        lambda self, *a, _init=newskit.dedupe.NearDuplicates.__init__: (built.append(1), _init(self, *a))[1])
    build([str(corpus)], tmp_path / "out", settings, registry, formats=("json",))
    assert built == []
    (corpus / "d_repost.txt").write_text("来源:某门户\n\n" + "\n\n".join(STORY) + "\n\n责任编辑:某某", encoding="utf-8")
    outcome = build([str(corpus)], tmp_path / "out", settings, registry, formats=("json",))
    results = json.loads(outcome.results_path.read_text(encoding="utf-8"))
    docs = {d["id"]: d for d in results["documents"]}
    assert built == [1] and sorted(docs) == ["a_original.txt", "c_other.txt"]
    assert [d["id"] for d in docs["a_original.txt"]["duplicates"]] == ["b_repost.txt", "d_repost.txt"]


@pytest.mark.parametrize("method", ["spawn", "fork"])
def test_process_pool_computes_signatures_in_its_workers(corpus, tmp_path, monkeypatch, method):
    """With --jobs 2 the main process only decides (in input order); the MinHash signatures come
    from the workers, and the decisions are those of a serial run.  Forked workers start after the
    main process has analyzed the first document, so it computes the first window's signatures."""
    import multiprocessing

    import newskit.dedupe

    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {method} here")
    registry, settings = load(), RunSettings(analyzers=["entities"])
    for i in range(12):  # beyond the first window (4 per worker)
        (corpus / f"e_short{i:02d}.txt").write_text(f"第{i}篇。" + OTHER[i % len(OTHER)], encoding="utf-8")
    (corpus / "d_repost.txt").write_text("来源:某门户\n\n" + "\n\n".join(STORY) + "\n\n责任编辑:某某", encoding="utf-8")
    serial = build([str(corpus)], tmp_path / "s", settings, registry, formats=("json",), use_cache=False)

    here = []
    real = newskit.dedupe.signature
    monkeypatch.setattr(newskit.dedupe, "signature", lambda *a, **k: (here.append(1), real(*a, **k))[1])
    monkeypatch.setenv("NEWSKIT_START_METHOD", method)
    pooled = build([str(corpus)], tmp_path / "p", settings, registry, formats=("json",), use_cache=False,
                   jobs=2, executor="processes")
    docs = [{d["id"]: d["duplicates"] for d in json.loads(o.results_path.read_text(encoding="utf-8"))["documents"]}
            for o in (serial, pooled)]
    assert docs[0] == docs[1] and [d["id"] for d in docs[1]["a_original.txt"]] == ["b_repost.txt", "d_repost.txt"]
    assert len(here) == (0 if method == "spawn" else 2 * 4 + 1)  # fork: the window read ahead of document 1

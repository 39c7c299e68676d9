import json

from newskit.readers import RawDoc, ReadError, read_inputs

ARTICLE = "百度发布文心一言,王小川表示怀疑。人工智能的发展需要时间,国内大模型仍在追赶。"


def _docs(items):
    return [i for i in items if isinstance(i, RawDoc)]


def _errors(items):
    return [i for i in items if isinstance(i, ReadError)]


def test_text_files_in_every_common_chinese_encoding(tmp_path):
    (tmp_path / "u.txt").write_bytes(ARTICLE.encode("utf-8"))
    (tmp_path / "g.txt").write_bytes((ARTICLE * 3).encode("gb18030"))
    trad = "百度發佈文心一言,王小川表示懷疑。人工智慧的發展需要時間,國內大模型仍在追趕。" * 3
    (tmp_path / "b.txt").write_bytes(trad.encode("big5"))
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "bom.md").write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    items = list(read_inputs([tmp_path]))
    docs = {d.id: d for d in _docs(items)}
    assert sorted(docs) == ["b.txt", "g.txt", "sub/bom.md", "u.txt"]
    assert docs["g.txt"].text == ARTICLE * 3
    assert docs["b.txt"].text == trad
    assert docs["sub/bom.md"].text == ARTICLE
    assert not _errors(items)


def test_records_from_jsonl_json_and_csv(tmp_path):
    (tmp_path / "feed.jsonl").write_text(
        json.dumps({"id": "a1", "title": "标题", "content": ARTICLE, "date": "2023-04-14", "url": "http://x"}, ensure_ascii=False)
        + "\n\n" + json.dumps({"text": ARTICLE}, ensure_ascii=False) + "\nnot json\n",
        encoding="utf-8")
    (tmp_path / "export.json").write_text(json.dumps({"articles": [{"body": ARTICLE, "source": "新火种"}]}, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "t.csv").write_text("title,text\n标题,\"" + ARTICLE + "\"\n无正文,\n", encoding="utf-8")
    items = list(read_inputs([tmp_path]))
    docs = {d.id: d for d in _docs(items)}
    assert set(docs) == {"feed.jsonl#a1", "feed.jsonl#2", "export.json#1", "t.csv#1"}
    assert docs["feed.jsonl#a1"].meta == {"title": "标题", "date": "2023-04-14", "url": "http://x"}
    assert docs["export.json#1"].meta["source"] == "新火种"
    errs = {e.path.rsplit("/", 1)[-1]: e.error for e in _errors(items)}
    assert "line 4" in errs["feed.jsonl#3"]
    assert "no text" in errs["t.csv#2"]


def test_html_main_text_is_extracted(tmp_path):
    body = "".join(f"<p>{ARTICLE}第{i}段。</p>" for i in range(6))
    html = f"<html><head><title>新闻标题</title></head><body><nav>首页 | 科技</nav><article>{body}</article></body></html>"
    (tmp_path / "a.html").write_text(html, encoding="utf-8")
    (doc,) = _docs(read_inputs([tmp_path]))
    assert "王小川表示怀疑" in doc.text and "<p>" not in doc.text
    assert doc.meta.get("title") == "新闻标题"


def test_bad_files_are_reported_by_name_and_skipped(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "broken.json").write_text("{oops", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    items = list(read_inputs([tmp_path, missing]))
    assert [d.id for d in _docs(items)] == ["good.txt"]
    errs = {e.path.rsplit("/", 1)[-1]: e.error for e in _errors(items)}
    assert errs["empty.txt"] == "empty file"
    assert errs["broken.json"].startswith("cannot parse JSON")
    assert "missing.txt" in errs

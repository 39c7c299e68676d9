import pytest

from newskit import Document


def test_sentences_carry_offsets_into_the_text():
    text = "百度发布了文心一言。王小川说:“怎么可能只差两个月?”\n\n第二段没有句号"
    doc = Document("d", text)
    assert [s.text for s in doc.sentences] == ["百度发布了文心一言。", "王小川说:“怎么可能只差两个月?”", "第二段没有句号"]
    for s in doc.sentences:
        assert text[s.start:s.end] == s.text
    assert [s.paragraph for s in doc.sentences] == [0, 0, 1]
    assert doc.sentence_at(text.index("王小川")).index == 1
    assert doc.sentence_at(len(text) + 5) is None


def test_results_are_read_only_for_analyzers():
    doc = Document("d", "文本")
    with pytest.raises(TypeError):
        doc.results["mine"] = {}
    doc.set_result("mine", {"x": 1})
    assert doc.to_record()["results"] == {"mine": {"x": 1}}


def test_tokens_have_offsets():
    doc = Document("d", "百度发布文心一言")
    assert "".join(t.text for t in doc.tokens) == doc.text
    assert all(doc.text[t.start:t.end] == t.text for t in doc.tokens)


def test_hash_follows_the_original_text():
    assert Document("a", "x", original="甲").hash == Document("b", "y", original="甲").hash
    assert Document("a", "x", original="甲").hash != Document("a", "x", original="乙").hash


def test_full_width_sentence_ends_split_like_ascii_ones():
    """Real news keeps full-width ！？；）: they end sentences exactly as their ASCII twins do."""
    full = "他问\uff1a好吗\uff1f我不知道\uff01真的\uff1b好。\uff08完\uff09"
    ascii_ = full.translate({0xFF1A: ":", 0xFF1F: "?", 0xFF01: "!", 0xFF1B: ";", 0xFF08: "(", 0xFF09: ")"})
    assert [s.text for s in Document("d", full).sentences] == ["他问\uff1a好吗\uff1f", "我不知道\uff01", "真的\uff1b", "好。", "\uff08完\uff09"]
    assert [(s.start, s.end) for s in Document("d", full).sentences] == [(s.start, s.end) for s in Document("d", ascii_).sentences]

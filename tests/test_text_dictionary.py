"""newskit.text loads jieba's prefix dictionary from its own cache: the same dictionary as
``Tokenizer.initialize()``, rebuilt when the dictionary file changes or the cache is damaged."""
import jieba
import pytest

from newskit import text


@pytest.fixture
def small_dict(tmp_path):
    path = tmp_path / "dict.txt"
    path.write_text("百度 500 nt\n文心一言 80 nz\n发布 900 v\n大模型 300 n\n模型 600 n\n", encoding="utf-8")
    return path


def _tokenizer(path, tmp_dir):
    tok = jieba.Tokenizer(str(path))
    tok.tmp_dir = str(tmp_dir)
    return tok


def _reference(path, tmp_path):
    ref = _tokenizer(path, tmp_path / "ref")
    (tmp_path / "ref").mkdir(exist_ok=True)
    ref.initialize()
    return ref


def test_cached_dictionary_equals_jiebas_own(tmp_path, small_dict, monkeypatch):
    ref = _reference(small_dict, tmp_path)
    built = _tokenizer(small_dict, tmp_path)
    text._load_prefix_dict(built)  # no cache yet: jieba builds it, we save ours
    cached = _tokenizer(small_dict, tmp_path)
    monkeypatch.setattr(cached, "initialize", lambda *a: pytest.fail("read jieba's dictionary again"))
    text._load_prefix_dict(cached)
    for tok in (built, cached):
        assert tok.initialized and tok.total == ref.total
        assert list(tok.FREQ.items()) == list(ref.FREQ.items())
    assert cached.lcut("百度发布文心一言大模型", HMM=False) == ref.lcut("百度发布文心一言大模型", HMM=False)


def test_edited_dictionary_and_damaged_cache_are_rebuilt(tmp_path, small_dict):
    text._load_prefix_dict(_tokenizer(small_dict, tmp_path))
    small_dict.write_text(small_dict.read_text(encoding="utf-8") + "智能体 700 n\n", encoding="utf-8")
    edited = _tokenizer(small_dict, tmp_path)
    text._load_prefix_dict(edited)
    assert edited.FREQ["智能体"] == 700 and edited.total == _reference(small_dict, tmp_path).total
    cache = text._prefix_dict_cache(edited)
    with open(cache, "r+b") as f:
        f.truncate(40)
    damaged = _tokenizer(small_dict, tmp_path)
    text._load_prefix_dict(damaged)
    assert damaged.FREQ == edited.FREQ and damaged.total == edited.total


TAGGER_RUN = """
import hashlib, jieba
reads = []
real = jieba.Tokenizer.get_dict_file
jieba.Tokenizer.get_dict_file = lambda self: (reads.append(1), real(self))[1]
from newskit import text
tags = text.pos_tags("问岐智能发布了新的推理芯片")
import jieba.posseg as posseg
table = hashlib.sha256(repr(sorted(posseg.dt.word_tag_tab.items())).encode()).hexdigest()
print(table, len(posseg.dt.word_tag_tab), text._pos.word_tag_tab == posseg.dt.word_tag_tab, tags, len(reads))
"""


def test_tagger_from_cached_tables_equals_jiebas(tmp_path):
    """A second process tags from the cached prefix dictionary and word-tag table without reading
    jieba's dictionary file, and gets jieba's own table and tags."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "NEWSKIT_CACHE_DIR": str(tmp_path)}
    first, second = (subprocess.run([sys.executable, "-c", TAGGER_RUN], env=env, capture_output=True, text=True,
                                    check=True).stdout.rsplit(" ", 1) for _ in range(2))
    assert first[0] == second[0] and " True " in first[0] and int(first[1]) > 0 and int(second[1]) == 0

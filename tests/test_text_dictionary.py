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

"""Workers send records already encoded; the line and the cached texts are what encoding the whole
record gives, byte for byte."""
import json

from newskit.build import _record_line
from newskit.results import Encoded, dumps


def _record(errors=None):
    rec = {"id": "新闻/a.txt", "hash": "ab" * 32, "meta": {"title": "百度发布“文心”", "date": None, "n": 1.5},
           "results": {"entities": {"companies": [{"name": "百度", "spans": [[0, 2]], "score": -0.25}]},
                       "stance": {"label": "none", "evidence": []}}}
    if errors:
        rec["errors"] = errors
    rec["duplicates"] = []
    return rec


def test_encoded_line_is_the_records_json():
    for rec in (_record(), _record({"rivalry": "ValueError: x"}), {**_record(), "results": {}}):
        enc = Encoded(rec)
        assert enc.line() == dumps(rec) and json.loads(enc.line()) == rec
        assert enc.results == {n: dumps(v) for n, v in rec["results"].items()}
        assert enc.errors == len(rec.get("errors", {}))


def test_cache_hit_line_matches_an_analyzed_record():
    rec = _record()
    doc = {"id": rec["id"], "hash": rec["hash"], "meta": dumps(rec["meta"])}
    enc = Encoded(rec)
    assert _record_line(doc, list(rec["results"]), enc.results) == enc.line()


def test_cache_stores_the_same_texts_from_either_form(tmp_path):
    from newskit.cache import Cache

    keys, versions = {"entities": "k1", "stance": "k2"}, {"entities": "1", "stance": "1"}
    stored = []
    for i, form in enumerate((_record(), Encoded(_record()))):
        cache = Cache(tmp_path / f"c{i}.sqlite")
        cache.store("dk", form, keys, versions, skip={"stance"})
        cache.flush()
        stored.append(cache.lookup("dk", keys))
        cache.close()
    assert stored[0] == stored[1]
    doc, found = stored[0]
    assert doc["id"] == "新闻/a.txt" and json.loads(doc["meta"]) == _record()["meta"] and list(found) == ["entities"]

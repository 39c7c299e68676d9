from conftest import SEEDS
from newskit.dedupe import NearDuplicates
from newskit.normalize import normalize_text


def _texts():
    return {p.name: normalize_text(p.read_text(encoding="utf-8")).text for p in sorted(SEEDS.glob("*.txt"))}


def test_distinct_articles_are_not_duplicates():
    dups = NearDuplicates()
    assert [dups.check(i, t) for i, t in _texts().items()] == [None] * 5


def test_lightly_edited_repost_is_found():
    texts = _texts()
    original = texts["000_7dee3276a3d82b38.txt"]
    paragraphs = original.split("\n")
    repost = "转载自某科技网\n" + "\n".join(paragraphs[:-2]).replace("时代财经", "本站") + "\n(完)"
    dups = NearDuplicates()
    for i, t in texts.items():
        dups.check(i, t)
    assert dups.check("repost.txt", repost) == "000_7dee3276a3d82b38.txt"
    assert dups.check("short.txt", "太短了") is None

import json

from click.testing import CliRunner

from conftest import SEEDS
from newskit.cli import cli


def test_clean_writes_text_and_metadata(tmp_path):
    r = CliRunner().invoke(cli, ["clean", str(SEEDS / "003_88202dccce035f44.txt"), "--out", str(tmp_path)])
    assert r.exit_code == 0, r.output
    text = (tmp_path / "003_88202dccce035f44.txt").read_text(encoding="utf-8")
    record = json.loads((tmp_path / "003_88202dccce035f44.json").read_text(encoding="utf-8"))
    assert "如履薄冰" in text and "视觉中国" not in text
    assert record["meta"]["author"] == "闫俊文"
    assert {"kind": "image_credit", "text": "头图来源|视觉中国"} in record["removed"]


def test_clean_json_lines_flags_a_near_duplicate(tmp_path):
    original = (SEEDS / "000_7dee3276a3d82b38.txt").read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(original, encoding="utf-8")
    (tmp_path / "b.txt").write_text(original.replace("时代财经", "本站"), encoding="utf-8")
    r = CliRunner().invoke(cli, ["clean", str(tmp_path), "--json"])
    assert r.exit_code == 0, r.output
    rows = [json.loads(line) for line in r.output.splitlines()]
    assert [row["duplicate_of"] for row in rows] == [None, "a.txt"]


def test_clean_bad_input_is_one_line_error(tmp_path):
    r = CliRunner().invoke(cli, ["clean", str(tmp_path / "missing.txt")])
    assert r.exit_code == 2 and "missing.txt: no such file or folder" in r.output
    r = CliRunner().invoke(cli, ["clean", str(SEEDS), "--reference-date", "yesterday"])
    assert r.exit_code == 2 and "expected YYYY-MM-DD" in r.output

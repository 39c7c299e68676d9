"""The knowledge base: bundled data, file format, validation errors, the `newskit kb` command."""
import pytest
from click.testing import CliRunner

from newskit.cli import cli
from newskit.kb import TYPES, KnowledgeError, load_kb


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def test_bundled_kb_is_broad_and_consistent(kb):
    orgs = [e for e in kb.entities.values() if e.type != "media"]
    assert len(orgs) >= 300
    assert {e.type for e in kb.entities.values()} <= set(TYPES)
    assert {"company", "investor", "media", "research", "government"} <= {e.type for e in kb.entities.values()}
    assert kb.problems() == []


@pytest.mark.parametrize("name", ["百度", "阿里巴巴", "腾讯", "字节跳动", "百川智能", "零一万物", "商汤科技", "科大讯飞",
                                  "智谱", "澜舟科技", "潞晨科技", "光年之外", "360", "京东", "美团", "快手", "小米", "华为",
                                  "英伟达", "微软", "谷歌", "亚马逊", "搜狗", "创新工场", "OpenAI", "Meta", "Hugging Face"])
def test_canonical_names_are_entries(kb, name):
    assert name in kb.entities and kb.root(name) == name


def test_units_roll_up_and_people_carry_dated_roles(kb):
    assert kb.root("阿里云") == "阿里巴巴" and kb.root("火山引擎") == "字节跳动" and kb.root("腾讯云") == "腾讯"
    affiliations = kb.people()["王小川"]
    assert [a.org for a in affiliations][:1] == ["百川智能"]          # current role first
    assert any(a.org == "搜狗" and not a.current for a in affiliations)


def test_user_file_extends_an_entry_and_adds_new_ones(tmp_path):
    f = tmp_path / "mine.toml"
    f.write_text('[[entity]]\nname = "百度"\nproducts = ["文心测试版"]\n\n'
                 '[[entity]]\nname = "星图未来"\ntype = "investor"\naliases = ["Startu"]\n'
                 '[linking]\ntitles = ["首席布道师"]\n', encoding="utf-8")
    kb = load_kb([f])
    assert "文心测试版" in kb.entities["百度"].products and "文心一言" in kb.entities["百度"].products
    assert kb.entities["星图未来"].type == "investor" and "首席布道师" in kb.linking["titles"]
    assert kb.lookup("Startu")[0].name == "星图未来"


@pytest.mark.parametrize("content, expected", [
    ('[[entity]]\nname = "甲"\nalias = ["x"]\n', "[[entity]] #1 (甲): unknown field 'alias'"),
    ('[[entity]]\naliases = ["x"]\n', "[[entity]] #1: missing 'name'"),
    ('[[entity]]\nname = "甲"\ntype = "startup"\n', "[[entity]] #1 (甲): unknown type 'startup'"),
    ('[[entity]]\nname = "甲"\naliases = "乙"\n[[entity]]\nname = "丙"\naliases = [1]\n', "[[entity]] #2 (丙): 'aliases' must be a list"),
    ('[[entity]]\nname = "甲"\npeople = [{ role = "CEO" }]\n', "(甲): person #1 needs a name"),
    ('[[entity]]\nname = "甲"\n[[entity]]\nname = "甲"\n', "[[entity]] #2 (甲): defined twice"),
    ('[[entity]\nname = "甲"\n', "invalid TOML"),
    ('[[company]]\nname = "甲"\n', "unknown table 'company'"),
])
def test_bad_file_gives_one_line_error_naming_file_and_entry(tmp_path, content, expected):
    f = tmp_path / "bad.toml"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(KnowledgeError) as e:
        load_kb([f])
    message = str(e.value)
    assert "\n" not in message and str(f) in message and expected in message


def test_kb_show_prints_the_entry_a_product_links_to():
    r = CliRunner().invoke(cli, ["kb", "show", "文心一言"])
    assert r.exit_code == 0, r.output
    assert r.output.startswith("文心一言 -> 百度 (product") and "李彦宏" in r.output
    r = CliRunner().invoke(cli, ["kb", "show", "不存在的公司"])
    assert r.exit_code == 2 and "not in the knowledge base" in r.output


def test_kb_validate_reports_file_problems(tmp_path):
    good = tmp_path / "good.toml"
    good.write_text('[[entity]]\nname = "示例科技"\nparent = "腾讯"\n', encoding="utf-8")
    r = CliRunner().invoke(cli, ["kb", "validate", str(good)])
    assert r.exit_code == 0 and "ok: 1 file" in r.output
    bad = tmp_path / "bad.toml"
    bad.write_text('[[entity]]\nname = "示例科技"\nparent = "没有这家"\n', encoding="utf-8")
    r = CliRunner().invoke(cli, ["kb", "validate", str(bad)])
    assert r.exit_code == 2 and "parent '没有这家' is not a known entity" in r.output


def test_bundled_kb_covers_600_organizations_and_validates(kb):
    assert len([e for e in kb.entities.values() if e.type != "media"]) >= 600
    r = CliRunner().invoke(cli, ["kb", "validate"])
    assert r.exit_code == 0 and r.output.startswith("ok: ") and "file(s)" in r.output


def test_a_name_shared_by_two_entries_must_be_ambiguous_in_both(tmp_path):
    clash = tmp_path / "clash.toml"
    clash.write_text('[[entity]]\nname = "示例科技"\naliases = ["小度"]\n', encoding="utf-8")
    r = CliRunner().invoke(cli, ["kb", "validate", str(clash)])
    assert r.exit_code == 2 and "name '小度' also belongs to 百度" in r.output
    shared = tmp_path / "shared.toml"
    shared.write_text('[[entity]]\nname = "甲科技"\naliases = ["星河"]\nambiguous = ["星河"]\n'
                      '[[entity]]\nname = "乙科技"\naliases = ["星河"]\nambiguous = ["星河"]\n', encoding="utf-8")
    assert CliRunner().invoke(cli, ["kb", "validate", str(shared)]).exit_code == 0


def test_independent_must_be_a_boolean(tmp_path):
    f = tmp_path / "bad.toml"
    f.write_text('[[entity]]\nname = "甲"\nparent = "百度"\nindependent = "yes"\n', encoding="utf-8")
    with pytest.raises(KnowledgeError, match="'independent' must be true or false"):
        load_kb([f])

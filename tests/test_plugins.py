"""The plugin system: entry-point discovery, isolation of broken plugins, selection and ordering."""
import logging
import subprocess
import json

import pytest

from newskit import Analyzer, Document
from newskit.pipeline import SelectionError, analyze_document, resolve
from newskit.plugin_manager import PluginError, load

from conftest import newskit_cmd

GOOD = '''
from newskit import Analyzer, hookimpl

class Counter(Analyzer):
    name = "charcount"
    version = "2.0"
    requires = ("entities",)
    description = "counts characters"

    def analyze(self, doc):
        return {"chars": len(doc.text), "companies": len(doc.results["entities"]["companies"])}

    def summarize(self, documents):
        return {"total": sum(d["results"]["charcount"]["chars"] for d in documents)}

    def report_sections(self, results):
        from newskit.reports import Section
        return [Section("字符统计 Character count", [f"total characters: {results['summaries']['charcount']['total']}"])]

@hookimpl
def register_analyzers(register):
    register(Counter())
'''


def test_third_party_analyzer_is_discovered_from_its_entry_point(fake_dist):
    fake_dist.add("newskit-charcount", {"nk_charcount": GOOD}, {"charcount": "nk_charcount"}, version="2.1")
    reg = load()
    assert "charcount" in reg.analyzers and "entities" in reg.analyzers
    info = reg.plugins["charcount"]
    assert (info.distribution, info.version, info.status) == ("newskit-charcount", "2.1", "loaded")
    assert resolve(reg.analyzers, ["charcount"]) == ["entities", "charcount"]


def test_broken_plugin_is_isolated_and_reported(fake_dist, caplog):
    fake_dist.add("newskit-broken", {"nk_broken": "raise RuntimeError('boom at import')"}, {"broken": "nk_broken"})
    with caplog.at_level(logging.WARNING, "newskit"):
        reg = load()
    assert reg.plugins["broken"].status == "failed"
    assert "boom at import" in reg.plugins["broken"].error
    assert "entities" in reg.analyzers
    assert any("broken" in r.message for r in caplog.records)
    with pytest.raises(PluginError, match="broken"):
        load(strict=True)


def test_plugin_raising_in_registration_does_not_stop_others(fake_dist):
    code = '''
from newskit import hookimpl
@hookimpl
def register_analyzers(register):
    raise ValueError("bad registration")
'''
    fake_dist.add("newskit-badreg", {"nk_badreg": code}, {"badreg": "nk_badreg"})
    reg = load()
    assert reg.plugins["badreg"].status == "failed" and "bad registration" in reg.plugins["badreg"].error
    assert "entities" in reg.analyzers


def test_misspelled_hook_is_caught(fake_dist):
    code = '''
from newskit import hookimpl
@hookimpl
def register_analyzer(register):
    pass
'''
    fake_dist.add("newskit-typo", {"nk_typo": code}, {"typo": "nk_typo"})
    reg = load()
    assert reg.plugins["typo"].status == "failed"
    assert "register_analyzer" in reg.plugins["typo"].error


def test_load_plugins_variable_selects_distributions(fake_dist, monkeypatch):
    fake_dist.add("newskit-charcount", {"nk_charcount": GOOD}, {"charcount": "nk_charcount"})
    monkeypatch.setenv("NEWSKIT_LOAD_PLUGINS", "")
    reg = load()
    assert "charcount" not in reg.analyzers and "entities" in reg.analyzers
    assert reg.plugins["charcount"].status == "blocked"
    monkeypatch.setenv("NEWSKIT_LOAD_PLUGINS", "newskit-charcount")
    assert "charcount" in load().analyzers


class _A(Analyzer):
    def __init__(self, name, requires=(), fail=False):
        super().__init__()
        self.name, self.requires, self.fail = name, tuple(requires), fail

    def analyze(self, doc):
        if self.fail:
            raise RuntimeError(f"{self.name} exploded")
        return {"ok": True}


def test_resolution_orders_dependencies_and_reports_problems():
    av = {"a": _A("a"), "b": _A("b", ["a"]), "c": _A("c", ["b", "a"])}
    assert resolve(av, ["c"]) == ["a", "b", "c"]
    assert resolve(av, None) == ["a", "b", "c"]
    with pytest.raises(SelectionError, match=r"unknown analyzer zz; available: a, b, c"):
        resolve(av, ["zz"])
    cyc = {"x": _A("x", ["y"]), "y": _A("y", ["x"])}
    with pytest.raises(SelectionError, match="cycle: x -> y -> x"):
        resolve(cyc, ["x"])


def test_failing_analyzer_is_recorded_and_its_dependants_skipped():
    doc = Document("d", "文本。")
    chain = [_A("a", fail=True), _A("b", ["a"]), _A("c")]
    analyze_document(doc, chain)
    assert doc.errors["a"] == "RuntimeError: a exploded"
    assert doc.errors["b"].startswith("skipped: requires a")
    assert doc.results["c"] == {"ok": True}
    with pytest.raises(RuntimeError):
        analyze_document(Document("e", "文本。"), chain, strict=True)


def test_cli_lists_runs_and_reports_a_third_party_analyzer(fake_dist, tmp_path, seeds_dir):
    fake_dist.add("newskit-charcount", {"nk_charcount": GOOD}, {"charcount": "nk_charcount"})
    fake_dist.add("newskit-broken", {"nk_broken": "import no_such_module_anywhere"}, {"broken": "nk_broken"})
    env = fake_dist.env()
    listing = subprocess.run(newskit_cmd("plugins", "--json"), capture_output=True, text=True, env=env, check=True)
    rows = {r["plugin"]: r for r in json.loads(listing.stdout)}
    assert rows["charcount"]["analyzers"][0]["requires"] == ["entities"]
    assert rows["broken"]["status"] == "failed" and "no_such_module_anywhere" in rows["broken"]["error"]
    out = tmp_path / "out"
    run = subprocess.run(newskit_cmd("run", str(seeds_dir), "--plugins", "charcount", "--format", "md", "--out", str(out)),
                         capture_output=True, text=True, env=env, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "broken" in run.stderr  # one-line warning
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert [a["name"] for a in results["run"]["analyzers"]] == ["entities", "charcount"]
    assert all(d["results"]["charcount"]["chars"] > 1000 for d in results["documents"])
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "## 字符统计 Character count" in report
    assert f"total characters: {results['summaries']['charcount']['total']}" in report
    strict = subprocess.run(newskit_cmd("run", str(seeds_dir), "--strict", "--out", str(tmp_path / "s")),
                            capture_output=True, text=True, env=env, cwd=tmp_path)
    assert strict.returncode == 4 and "broken" in strict.stderr

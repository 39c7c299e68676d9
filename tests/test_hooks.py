"""Every hook in hookspecs.py is documented in the README and exercised here."""
import inspect
from pathlib import Path

from newskit import hookspecs
from newskit.pipeline import Engine, RunSettings
from newskit.plugin_manager import load

ROOT = Path(__file__).resolve().parents[1]
HOOKS = sorted(n for n, f in inspect.getmembers(hookspecs, inspect.isfunction) if hasattr(f, "newskit_spec"))

PLUGIN = '''
from pathlib import Path
from newskit import Analyzer, hookimpl

HERE = Path(__file__).parent

class Probe(Analyzer):
    name = "probe"
    def analyze(self, doc):
        return {"knowledge": self.context.knowledge_files, "lexicons": self.context.lexicon_files}

@hookimpl
def register_analyzers(register):
    register(Probe())

@hookimpl
def register_knowledge(register):
    register(HERE / "extra_kb.toml")

@hookimpl
def register_lexicons(register):
    register("sentiment", HERE / "extra_lexicon.txt")
'''


def test_every_hook_is_documented():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert HOOKS == ["register_analyzers", "register_knowledge", "register_lexicons"]
    for hook in HOOKS:
        assert f"`{hook}(register)`" in readme or f"`{hook}" in readme, hook


def test_registered_files_reach_every_analyzer(fake_dist):
    fake_dist.add("newskit-probe", {"nk_probe": PLUGIN}, {"probe": "nk_probe"})
    (fake_dist.site / "extra_kb.toml").write_text("", encoding="utf-8")
    reg = load()
    assert any(p.endswith("extra_kb.toml") for p in reg.knowledge_files)
    engine = Engine(RunSettings(analyzers=["probe"], knowledge_files=["/user/kb.toml"]), reg)
    from newskit.readers import RawDoc

    rec = engine.process(RawDoc("x.txt", "百度发布文心一言。"))
    knowledge = rec["results"]["probe"]["knowledge"]
    assert knowledge[-1] == "/user/kb.toml" and any(k.endswith("extra_kb.toml") for k in knowledge)
    assert rec["results"]["probe"]["lexicons"][0][0] == "sentiment"

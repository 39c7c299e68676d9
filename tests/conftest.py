import importlib
import os
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


class FakeDist:
    """A pip-installed-looking plugin package: a module plus a .dist-info with entry points."""

    def __init__(self, site: Path):
        self.site = site

    def add(self, dist: str, modules: dict[str, str], entry_points: dict[str, str], version: str = "1.0") -> None:
        for mod, code in modules.items():
            (self.site / f"{mod}.py").write_text(textwrap.dedent(code), encoding="utf-8")
        info = self.site / f"{dist.replace('-', '_')}-{version}.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n", encoding="utf-8")
        eps = "[newskit]\n" + "".join(f"{k} = {v}\n" for k, v in entry_points.items())
        (info / "entry_points.txt").write_text(eps, encoding="utf-8")
        importlib.invalidate_caches()

    def env(self) -> dict:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join([str(self.site), env.get("PYTHONPATH", "")])
        return env


@pytest.fixture
def fake_dist(tmp_path, monkeypatch):
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.syspath_prepend(str(site))
    fd = FakeDist(site)
    yield fd
    for name in list(sys.modules):
        mod = sys.modules[name]
        if getattr(mod, "__file__", None) and str(site) in str(mod.__file__):
            del sys.modules[name]


def newskit_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "newskit", *args]

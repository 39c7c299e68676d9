"""Project configuration: ``newskit.toml`` (or ``--config FILE``); command-line options override it.

    inputs = ["articles/"]          # files or folders
    out = "report"                  # output folder
    analyzers = ["stance", "sentiment"]
    formats = ["md", "pdf", "json"]
    knowledge = ["my_companies.toml"]
    jobs = 2
    reference_date = "2024-01-31"   # resolves relative dates such as "330 天前"

    [plugins.sentiment]             # per-analyzer settings, read with plugin_config(name)
    neutral_band = 0.15
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

DEFAULT_FILE = "newskit.toml"
FORMATS = ("md", "pdf", "json", "csv")


class ConfigError(ValueError):
    pass


@dataclass
class Config:
    inputs: list[str] = field(default_factory=list)
    out: str = "newskit-out"
    analyzers: list[str] = field(default_factory=list)
    formats: list[str] = field(default_factory=lambda: ["md", "pdf", "json"])
    knowledge: list[str] = field(default_factory=list)
    jobs: int = 1
    reference_date: str | None = None
    cache: bool = True
    plugins: dict[str, dict[str, Any]] = field(default_factory=dict)
    source: str | None = None  # the file this came from

    def plugin_config(self, name: str) -> dict[str, Any]:
        """Settings for one analyzer: the ``[plugins.NAME]`` table."""
        return dict(self.plugins.get(name, {}))


_TYPES = {
    "inputs": list, "out": str, "analyzers": list, "formats": list, "knowledge": list,
    "jobs": int, "reference_date": str, "cache": bool, "plugins": dict,
}


def load_config(path: str | None = None, cwd: Path | None = None) -> Config:
    """Read ``path``, or ``newskit.toml`` in ``cwd`` when present; defaults otherwise."""
    if path is None:
        candidate = (cwd or Path.cwd()) / DEFAULT_FILE
        if not candidate.is_file():
            return Config()
        path = str(candidate)
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except OSError as e:
        raise ConfigError(f"{path}: cannot read: {e.strerror or e}") from e
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: invalid TOML: {e}") from e
    for key, value in data.items():
        if key not in _TYPES:
            raise ConfigError(f"{path}: unknown key {key!r}; known keys: {', '.join(sorted(_TYPES))}")
        if not isinstance(value, _TYPES[key]) or (key == "jobs" and isinstance(value, bool)):
            raise ConfigError(f"{path}: {key} must be a {_TYPES[key].__name__}, got {type(value).__name__}")
    for name, table in data.get("plugins", {}).items():
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [plugins.{name}] must be a table")
    bad = [f for f in data.get("formats", []) if f not in FORMATS]
    if bad:
        raise ConfigError(f"{path}: unknown format {bad[0]!r}; choose from {', '.join(FORMATS)}")
    base = p.parent
    cfg = Config(**data, source=str(p))
    # Paths in a config file are relative to the file, not to wherever cron starts us.
    cfg.inputs = [str((base / i).resolve()) if not Path(i).is_absolute() else i for i in cfg.inputs]
    cfg.knowledge = [str((base / k).resolve()) if not Path(k).is_absolute() else k for k in cfg.knowledge]
    if "out" in data and not Path(cfg.out).is_absolute():
        cfg.out = str((base / cfg.out).resolve())
    return cfg

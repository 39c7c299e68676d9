"""The one plugin manager: loads every ``newskit`` entry point, isolating failures.

Built-in analyzers live in ``newskit.plugins`` and arrive through the ``newskit``
distribution's own entry points, exactly like a third party's.

``NEWSKIT_LOAD_PLUGINS`` (comma-separated distribution names) limits which installed
plugin packages load; set but empty means the built-ins only.
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from importlib.metadata import entry_points

import pluggy

from . import hookspecs
from .analyzer import Analyzer

log = logging.getLogger("newskit.plugins")
GROUP = "newskit"
OWN_DIST = "newskit"


class PluginError(Exception):
    """A plugin failed and ``strict`` mode asked for that to stop the run."""


@dataclass
class PluginInfo:
    name: str
    distribution: str
    version: str
    status: str = "loaded"  # loaded | failed | blocked
    error: str = ""
    analyzers: list[str] = field(default_factory=list)


@dataclass
class Registry:
    """What the loaded plugins provide."""

    pm: pluggy.PluginManager
    plugins: dict[str, PluginInfo] = field(default_factory=dict)
    analyzers: dict[str, Analyzer] = field(default_factory=dict)
    analyzer_plugin: dict[str, str] = field(default_factory=dict)
    knowledge_files: list[str] = field(default_factory=list)
    lexicon_files: list[tuple[str, str]] = field(default_factory=list)

    def failures(self) -> list[PluginInfo]:
        return [p for p in self.plugins.values() if p.status == "failed"]


def new_manager() -> pluggy.PluginManager:
    pm = pluggy.PluginManager(GROUP)
    pm.add_hookspecs(hookspecs)
    return pm


def _allowed_distributions() -> set[str] | None:
    value = os.environ.get("NEWSKIT_LOAD_PLUGINS")
    if value is None:
        return None
    return {OWN_DIST} | {v.strip() for v in value.split(",") if v.strip()}


def load(strict: bool = False, extra_plugins: tuple = ()) -> Registry:
    """Load entry-point plugins (and ``extra_plugins`` objects, for tests and embedding)."""
    pm = new_manager()
    reg = Registry(pm)
    allowed = _allowed_distributions()
    for ep in sorted(entry_points(group=GROUP), key=lambda e: (e.dist.name != OWN_DIST if e.dist else True, e.name)):
        dist = ep.dist.name if ep.dist else "?"
        version = ep.dist.version if ep.dist else "?"
        info = PluginInfo(ep.name, dist, version)
        if ep.name in reg.plugins:
            continue
        reg.plugins[ep.name] = info
        if allowed is not None and dist not in allowed:
            info.status = "blocked"
            info.error = "not listed in NEWSKIT_LOAD_PLUGINS"
            continue
        try:
            module = ep.load()
            pm.register(module, name=ep.name)
        except Exception as e:  # a broken plugin must not sink newskit
            _fail(info, f"import failed: {type(e).__name__}: {e}", strict)
    for obj in extra_plugins:
        name = getattr(obj, "__name__", None) or type(obj).__name__
        reg.plugins[name] = PluginInfo(name, "(registered in code)", "")
        pm.register(obj, name=name)
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as e:
        plugin_name = pm.get_name(e.plugin) if e.plugin is not None else "?"
        info = reg.plugins.get(plugin_name)
        if info:
            _fail(info, f"invalid hook implementation: {e}", strict)
            pm.unregister(name=plugin_name)
    _collect(reg, strict)
    return reg


def _fail(info: PluginInfo, error: str, strict: bool) -> None:
    info.status = "failed"
    info.error = error
    if strict:
        raise PluginError(f"plugin {info.name} ({info.distribution}): {error}")
    log.warning("plugin %s (%s) disabled: %s", info.name, info.distribution, error)


def _collect(reg: Registry, strict: bool) -> None:
    """Call each registration hook per plugin, so one raising plugin cannot abort the others."""
    for hook_name in ("register_analyzers", "register_knowledge", "register_lexicons"):
        caller = getattr(reg.pm.hook, hook_name)
        for impl in caller.get_hookimpls():
            plugin_name = impl.plugin_name
            info = reg.plugins.setdefault(plugin_name, PluginInfo(plugin_name, "?", "?"))
            if info.status == "failed":
                continue

            def register(*args, _plugin=plugin_name, _hook=hook_name):
                _record(reg, _plugin, _hook, *args)

            try:
                impl.function(register=register)
            except Exception as e:
                _fail(info, f"{hook_name} raised {type(e).__name__}: {e}", strict)
                for a in [a for a, p in reg.analyzer_plugin.items() if p == plugin_name]:
                    reg.analyzers.pop(a, None)
                    reg.analyzer_plugin.pop(a, None)
                info.analyzers.clear()


def _record(reg: Registry, plugin: str, hook: str, *args) -> None:
    if hook == "register_analyzers":
        (analyzer,) = args
        if not isinstance(analyzer, Analyzer) or not analyzer.name:
            raise TypeError(f"register() expects a named newskit.Analyzer instance, got {analyzer!r}")
        if analyzer.name in reg.analyzers:
            other = reg.analyzer_plugin[analyzer.name]
            raise ValueError(f"analyzer name {analyzer.name!r} is already registered by plugin {other!r}")
        reg.analyzers[analyzer.name] = analyzer
        reg.analyzer_plugin[analyzer.name] = plugin
        reg.plugins[plugin].analyzers.append(analyzer.name)
    elif hook == "register_knowledge":
        reg.knowledge_files.append(str(args[0]))
    else:
        kind, path = args
        reg.lexicon_files.append((kind, str(path)))

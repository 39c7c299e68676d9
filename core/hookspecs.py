"""Hook specifications: the whole contract between newskit and its plugins.

A plugin is any module or object with functions decorated by ``newskit.hookimpl``
whose names match these specs, advertised under the ``newskit`` entry-point group.
Hooks only ever gain arguments, so plugins written against an older newskit keep working.
"""
import pluggy

hookspec = pluggy.HookspecMarker("newskit")
hookimpl = pluggy.HookimplMarker("newskit")


@hookspec
def register_analyzers(register):
    """Call ``register(analyzer)`` with each :class:`newskit.Analyzer` instance this plugin provides."""


@hookspec
def register_knowledge(register):
    """Call ``register(path)`` with knowledge-base files (companies, people, products) this plugin ships."""


@hookspec
def register_lexicons(register):
    """Call ``register(kind, path)`` with lexicon files this plugin ships (kind: ``sentiment``, ``stance``, ...)."""

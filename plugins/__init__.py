"""Built-in analyzers.  Each module is a pluggy plugin advertised under the ``newskit`` entry-point
group in newskit's own pyproject.toml: the same path a third-party package takes."""

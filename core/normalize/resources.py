"""Access to the data files under ``newskit/data/normalize``."""
from __future__ import annotations

from importlib.resources import files


def data_text(name: str) -> str:
    return files("newskit").joinpath("data", "normalize", name).read_text(encoding="utf-8")


def data_lines(name: str) -> list[str]:
    """Non-empty lines of a data file, without ``#`` comments."""
    out = []
    for line in data_text(name).splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out

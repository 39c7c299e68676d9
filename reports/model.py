"""The neutral report content that analyzers contribute and every renderer (Markdown, PDF) draws."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Union


@dataclass
class Table:
    headers: list[str]
    rows: list[list[Any]]
    caption: str = ""


@dataclass
class Chart:
    """A chart described by data; renderers draw it with matplotlib.

    kind: ``bar`` (labels, values), ``barh``, ``line`` (x labels, series {name: values}),
    ``pie`` (labels, values), ``network`` (nodes, edges [(a, b, weight, kind)]).
    """

    kind: str
    title: str
    data: dict[str, Any] = field(default_factory=dict)
    name: str = ""  # file stem for the rendered image


@dataclass
class Quote:
    text: str
    source: str = ""  # document id / speaker


Block = Union[str, Table, Chart, Quote]


@dataclass
class Section:
    title: str
    blocks: list[Block] = field(default_factory=list)
    order: int = 50  # lower comes first; summary 0, analyzers 20-60, appendix 90
    analyzer: str = ""

"""Draw :class:`Chart` blocks as PNG files with matplotlib (Agg), in the bundled font.

Reproducible: fixed size and DPI, fixed layout seed, no date or software stamp in the files.
A glyph the font lacks makes matplotlib warn (``Glyph … missing``); the tests turn that into an error.
"""
from __future__ import annotations

import io
import logging
from pathlib import Path
from typing import Iterable

from .model import Chart

log = logging.getLogger("newskit.reports")

COLORS = {"positive": "#2e7d32", "negative": "#c62828", "neutral": "#78909c",
          "conflict": "#c62828", "competition": "#1565c0", "accent": "#1f5fa8"}
PALETTE = ["#1f5fa8", "#e07b00", "#2e7d32", "#c62828", "#6a3d9a", "#00838f", "#8d6e63", "#546e7a"]
DPI = 150
LAYOUT_SEED = 7
_configured = False


def _pyplot():
    """Import matplotlib lazily, on the Agg backend, with the bundled font registered."""
    global _configured
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt
    from matplotlib import font_manager

    from .typeface import FAMILY, FONTS, font_path

    if not _configured:
        for weight in FONTS:
            font_manager.fontManager.addfont(str(font_path(weight)))
        _configured = True
    matplotlib.rcParams.update({
        "font.family": "sans-serif",
        "font.sans-serif": [FAMILY],
        "axes.unicode_minus": True,  # U+2212 is in the bundled font
        "pdf.fonttype": 42,
        "svg.hashsalt": "newskit",
        "axes.spines.top": False,
        "axes.spines.right": False,
    })
    return plt


def render_chart(chart: Chart) -> bytes:
    """One chart as PNG bytes."""
    plt = _pyplot()
    draw = _DRAW.get(chart.kind)
    if draw is None:
        raise ValueError(f"unknown chart kind {chart.kind!r}")
    fig = plt.figure(figsize=chart.data.get("size", (7.2, 3.8)), dpi=DPI)
    try:
        ax = fig.add_subplot()
        draw(ax, chart.data)
        ax.set_title(chart.title, fontsize=11, fontweight="bold", loc="left")
        fig.tight_layout()
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=DPI, metadata={"Software": None})
    finally:
        plt.close(fig)
    return buf.getvalue()


def write_charts(charts: Iterable[Chart], folder: Path, earlier: dict[str, Path] | None = None) -> list[Path]:
    """Render each named chart to ``folder/NAME.png`` (atomically); a chart that fails is logged and skipped.

    ``earlier``: PNG files already drawn from the same data (by name), linked or copied instead."""
    from newskit.archive import link_or_copy
    from newskit.results import atomic_write

    written = []
    for chart in charts:
        path = Path(folder) / f"{chart.name}.png"
        source = (earlier or {}).get(chart.name)
        if source is not None and source.is_file():
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.reused")
            tmp.unlink(missing_ok=True)
            link_or_copy(source, tmp)
            tmp.replace(path)
            written.append(path)
            continue
        try:
            png = render_chart(chart)
        except Exception as e:  # one bad chart must not cost the whole report
            log.warning("chart %s could not be drawn: %s: %s", chart.name, type(e).__name__, e)
            continue
        atomic_write(path, lambda f: f.write(png))
        written.append(path)
    return written


# -- chart kinds ------------------------------------------------------------------

def _bar(ax, data):
    labels, values = list(data.get("labels", [])), list(data.get("values", []))
    ax.bar(range(len(values)), values, color=data.get("colors") or COLORS["accent"])
    ax.set_xticks(range(len(labels)), labels, rotation=30 if len(labels) > 6 else 0, ha="right" if len(labels) > 6 else "center")
    _axis_labels(ax, data)


def _barh(ax, data):
    labels, values = list(data.get("labels", [])), list(data.get("values", []))
    colors = data.get("colors")
    if colors is None and any(v < 0 for v in values):
        colors = [COLORS["positive"] if v > 0 else COLORS["negative"] if v < 0 else COLORS["neutral"] for v in values]
    ax.barh(range(len(values)), values, color=colors or COLORS["accent"])
    ax.set_yticks(range(len(labels)), labels)
    ax.invert_yaxis()  # first label on top
    data = {"horizontal": True, **data}
    if data.get("limits"):
        ax.set_xlim(*data["limits"])
    if any(v < 0 for v in values) or data.get("limits"):
        ax.axvline(0, color="#555555", linewidth=0.8)
    _axis_labels(ax, data)


def _line(ax, data):
    x = list(data.get("x", []))
    for i, (name, values) in enumerate(data.get("series", {}).items()):
        ax.plot(range(len(values)), values, marker="o", label=name, color=PALETTE[i % len(PALETTE)])
    ax.set_xticks(range(len(x)), x, rotation=30 if len(x) > 8 else 0)
    if len(data.get("series", {})) > 1:
        ax.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1, 1))
    _axis_labels(ax, data)


def _pie(ax, data):
    labels, values = list(data.get("labels", [])), list(data.get("values", []))
    kept = [(lab, v) for lab, v in zip(labels, values) if v]
    ax.pie([v for _, v in kept], labels=[f"{lab} ({v})" for lab, v in kept],
           colors=PALETTE[: len(kept)], startangle=90, counterclock=False, wedgeprops={"linewidth": 1, "edgecolor": "white"})
    ax.axis("equal")


def _network(ax, data):
    """Companies as nodes, rivalries as edges (red: conflict, blue: competition), width by weight."""
    import networkx as nx

    g = nx.Graph()
    for node in sorted(data.get("nodes", [])):
        g.add_node(node)
    for a, b, weight, kind in sorted(tuple(e) for e in data.get("edges", [])):
        g.add_edge(a, b, weight=float(weight), kind=kind)
    if not g.number_of_nodes():
        ax.axis("off")
        return
    if nx.is_connected(g):
        pos = nx.spring_layout(g, seed=LAYOUT_SEED, k=2.5 / max(1, g.number_of_nodes()) ** 0.5, iterations=200)
    else:  # separate clusters drift to the corners under a force layout: a circle keeps them readable
        order = [n for comp in sorted(nx.connected_components(g), key=lambda c: (-len(c), min(c))) for n in sorted(comp)]
        pos = nx.circular_layout(order)
    edges = list(g.edges(data=True))
    nx.draw_networkx_edges(g, pos, ax=ax, edgelist=[(a, b) for a, b, _ in edges],
                           width=[1 + 3 * min(1.0, d["weight"]) for _, _, d in edges],
                           edge_color=[COLORS.get(d["kind"], COLORS["neutral"]) for _, _, d in edges])
    nx.draw_networkx_nodes(g, pos, ax=ax, node_color="#eef3fb", edgecolors=COLORS["accent"], node_size=[700 + 350 * len(n) for n in g.nodes])
    nx.draw_networkx_labels(g, pos, ax=ax, font_family="sans-serif", font_size=9)
    from matplotlib.lines import Line2D

    kinds = sorted({d["kind"] for _, _, d in edges})
    names = {"conflict": "冲突 conflict", "competition": "竞争 competition"}
    ax.legend([Line2D([0], [0], color=COLORS.get(k, COLORS["neutral"]), lw=2) for k in kinds],
              [names.get(k, k) for k in kinds], fontsize=8, frameon=False, loc="lower right")
    ax.margins(0.15)
    ax.axis("off")


def _axis_labels(ax, data):
    if data.get("integer", True):  # counts: no 0.25-document ticks
        from matplotlib.ticker import MaxNLocator

        (ax.xaxis if data.get("horizontal") else ax.yaxis).set_major_locator(MaxNLocator(integer=True))
    if data.get("xlabel"):
        ax.set_xlabel(data["xlabel"], fontsize=9)
    if data.get("ylabel"):
        ax.set_ylabel(data["ylabel"], fontsize=9)


_DRAW = {"bar": _bar, "barh": _barh, "line": _line, "pie": _pie, "network": _network}

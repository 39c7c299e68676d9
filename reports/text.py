"""Small formatting helpers shared by the sections (fixed formats keep the Markdown deterministic)."""
from __future__ import annotations

LABELS = {
    "positive": "正面 positive", "negative": "负面 negative", "neutral": "中性 neutral",
    "general": "通用 general", "vertical": "垂直 vertical", "balanced": "兼顾 balanced", "none": "未涉及 none",
    "conflict": "冲突 conflict", "competition": "竞争 competition",
}
TREND_ARROWS = {"up": "↑", "down": "↓", "flat": "→"}


def label_zh(label) -> str:
    return LABELS.get(label, str(label) if label is not None else "—")


def signed(x) -> str:
    """+0.25 / -0.40 / 0.00 (ASCII signs, two decimals)."""
    try:
        x = float(x)
    except (TypeError, ValueError):
        return "—"
    return "0.00" if abs(x) < 0.005 else f"{x:+.2f}"


def summary(text: str, limit: int = 160) -> str:
    """One line, at most ``limit`` characters (an ellipsis marks a cut)."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def doc_titles(results: dict) -> dict[str, str]:
    return {d["id"]: (d.get("meta") or {}).get("title") or "" for d in results.get("documents", [])}


def doc_label(titles: dict[str, str], doc_id) -> str:
    """``id · title`` of a document, for quote sources."""
    title = titles.get(doc_id)
    return f"{doc_id} · {summary(title, 40)}" if title else str(doc_id)

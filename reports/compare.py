"""What changed since a previous build: coverage, sentiment shifts, rivalries, stance."""
from __future__ import annotations

from .model import Section, Table
from .text import label_zh, signed

SHIFT = 0.2  # a sentiment score change at least this large is reported


def _companies(results: dict) -> dict[str, dict]:
    sums = results.get("summaries") or {}
    out = {c["name"]: dict(c) for c in (sums.get("entities") or {}).get("companies", [])}
    for c in (sums.get("sentiment") or {}).get("companies", []):
        out.setdefault(c["name"], {}).update(name=c["name"], score=c.get("score"), label=c.get("label"))
    return out


def _pairs(results: dict) -> dict[tuple, dict]:
    return {(p["a"], p["b"], p.get("kind")): p for p in ((results.get("summaries") or {}).get("rivalry") or {}).get("pairs", [])}


def changes(current: dict, previous: dict, threshold: float = SHIFT) -> dict:
    """The differences as plain data (what the section shows; handy for tests and other tools)."""
    now, before = _companies(current), _companies(previous)
    shifts = []
    for name in sorted(set(now) & set(before)):
        a, b = before[name].get("score"), now[name].get("score")
        if a is not None and b is not None and abs(b - a) >= threshold:
            shifts.append({"name": name, "before": a, "after": b, "delta": b - a,
                           "label_before": before[name].get("label"), "label_after": now[name].get("label")})
    shifts.sort(key=lambda s: (-abs(s["delta"]), s["name"]))
    p_now, p_before = _pairs(current), _pairs(previous)
    s_now = (current.get("summaries") or {}).get("stance") or {}
    s_before = (previous.get("summaries") or {}).get("stance") or {}
    labels = sorted(set(s_now.get("labels") or {}) | set(s_before.get("labels") or {}))
    speakers_before = {(s["speaker"], s.get("organization")): s.get("label") for s in s_before.get("speakers", [])}
    moved = [{"speaker": s["speaker"], "organization": s.get("organization"), "before": speakers_before[key], "after": s.get("label")}
             for s in s_now.get("speakers", [])
             if (key := (s["speaker"], s.get("organization"))) in speakers_before and speakers_before[key] != s.get("label")]
    return {
        "new_companies": sorted(set(now) - set(before)),
        "dropped_companies": sorted(set(before) - set(now)),
        "sentiment_shifts": shifts,
        "new_rivalries": [p_now[k] for k in sorted(set(p_now) - set(p_before), key=str)],
        "ended_rivalries": [p_before[k] for k in sorted(set(p_before) - set(p_now), key=str)],
        "stance_labels": {k: [(s_before.get("labels") or {}).get(k, 0), (s_now.get("labels") or {}).get(k, 0)] for k in labels},
        "stance_moves": sorted(moved, key=lambda m: (m["speaker"], m["organization"] or "")),
    }


def _build_name(results: dict) -> str:
    run = results.get("run", {})
    return str(run.get("build") or run.get("started") or "?")


def changes_section(current: dict, previous: dict, threshold: float = SHIFT) -> Section:
    c = changes(current, previous, threshold)
    lines = [f"与上次构建比较 Compared with the previous build ({_build_name(previous)}, "
             f"{len(previous.get('documents', []))} documents → {len(current.get('documents', []))} now)."]
    blocks: list = [lines[0]]
    items = [
        "- **新出现的公司 New in the coverage**: " + (", ".join(c["new_companies"]) or "无 none"),
        "- **不再出现 No longer covered**: " + (", ".join(c["dropped_companies"]) or "无 none"),
        "- **新的对立 New rivalries**: " + (", ".join(f"{p['a']} – {p['b']} ({label_zh(p.get('kind'))})" for p in c["new_rivalries"]) or "无 none"),
        "- **结束的对立 Ended rivalries**: " + (", ".join(f"{p['a']} – {p['b']} ({label_zh(p.get('kind'))})" for p in c["ended_rivalries"]) or "无 none"),
    ]
    if c["stance_labels"]:
        moved = [f"{label_zh(k)} {a}→{b}" for k, (a, b) in c["stance_labels"].items() if a != b]
        items.append("- **立场变化 Stance movement**: " + (" · ".join(moved) or "无变化 unchanged"))
    for m in c["stance_moves"]:
        items.append(f"- {m['speaker']} ({m['organization'] or '—'}): {label_zh(m['before'])} → {label_zh(m['after'])}")
    blocks.append("\n".join(items))
    if c["sentiment_shifts"]:
        blocks.append(Table(["公司 company", "之前 before", "现在 now", "变化 change"],
                            [[s["name"], f"{signed(s['before'])} {label_zh(s['label_before'])}",
                              f"{signed(s['after'])} {label_zh(s['label_after'])}", signed(s["delta"])] for s in c["sentiment_shifts"]],
                            caption=f"情感变化 Sentiment shifts of at least {threshold:.2f}"))
    else:
        blocks.append(f"*情感变化 Sentiment: no company moved by {threshold:.2f} or more.*")
    return Section("变化 What changed", blocks, order=3)

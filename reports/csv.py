"""Per-document tables as CSV (UTF-8 with BOM, so spreadsheet programs read Chinese) for pandas and spreadsheets."""
from __future__ import annotations

import csv as _csv
import io
from pathlib import Path

FOLDER = "csv"
TABLES = {
    "documents": ["doc", "title", "date", "source", "author", "url", "errors"],
    "companies": ["doc", "company", "type", "mentions", "aliases"],
    "sentiment": ["doc", "company", "label", "score", "mentions", "evidence"],
    "stance": ["doc", "label", "score", "speaker", "organization", "speaker_label", "speaker_score"],
    "rivalry": ["doc", "a", "b", "kind", "intensity", "people", "date", "evidence"],
}


def rows(results: dict) -> dict[str, list[list]]:
    out: dict[str, list[list]] = {name: [] for name in TABLES}
    for d in results.get("documents", []):
        doc, m, r = d["id"], d.get("meta") or {}, d.get("results") or {}
        out["documents"].append([doc, m.get("title"), m.get("date"), m.get("source"), m.get("author"), m.get("url"),
                                 "; ".join(f"{k}: {v}" for k, v in sorted((d.get("errors") or {}).items()))])
        for c in (r.get("entities") or {}).get("companies", []):
            out["companies"].append([doc, c["name"], c.get("type"), c.get("mentions"), "|".join(c.get("aliases") or [])])
        for c in (r.get("sentiment") or {}).get("companies", []):
            out["sentiment"].append([doc, c["name"], c.get("label"), c.get("score"), c.get("mentions"),
                                     " | ".join(e.get("text", "") for e in c.get("evidence", []))])
        st = r.get("stance")
        if st:
            speakers = st.get("speakers") or [{}]
            for s in speakers:
                out["stance"].append([doc, st.get("label"), st.get("score"), s.get("speaker"), s.get("organization"),
                                      s.get("label"), s.get("score")])
        for p in (r.get("rivalry") or {}).get("pairs", []):
            out["rivalry"].append([doc, p["a"], p["b"], p.get("kind"), p.get("intensity"), "|".join(p.get("people") or []),
                                   p.get("date"), " | ".join(e.get("text", "") for e in p.get("evidence", []))])
    return out


def build(results: dict, out: Path) -> Path:
    """Write ``out/csv/<table>.csv`` for each table (each file atomically); return the folder."""
    from newskit.results import atomic_write

    for name, table in rows(results).items():
        buf = io.StringIO()
        writer = _csv.writer(buf, lineterminator="\r\n")
        writer.writerow(TABLES[name])
        writer.writerows([["" if v is None else v for v in row] for row in table])
        data = buf.getvalue().encode("utf-8-sig")
        path = Path(out) / FOLDER / f"{name}.csv"
        atomic_write(path, lambda f: f.write(data))
    return Path(out) / FOLDER

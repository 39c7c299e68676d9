"""Take boilerplate (navigation, credits, bylines, disclaimers, counters, stray HTML) out of the text.

The rules live in ``data/normalize/boilerplate.toml``.  Everything removed is returned as
``{"kind", "text"}`` records; what carries metadata (source, author, editor, date ...) is also
returned as fields for :mod:`.metadata`.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache

from .resources import data_text

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

HEADER_MAX_LINES = 15
FOOTER_LINES = 4
# A line that is certainly article body: long, with sentence punctuation.
_BODY = re.compile(r"^.{30,}[。,，;；!?！？]")


@dataclass
class Stripped:
    text: str
    removed: list[dict] = field(default_factory=list)
    fields: dict = field(default_factory=dict)     # metadata found in the removed lines
    header: list[str] = field(default_factory=list)  # lines kept from the header, in order


@dataclass(frozen=True)
class Rules:
    line_rules: tuple          # (kind, where, compiled)
    inline_rules: tuple        # (kind, required literal, compiled)
    field_line: re.Pattern
    labels: dict
    max_value: int
    roles: re.Pattern


@lru_cache(maxsize=1)
def rules() -> Rules:
    cfg = tomllib.loads(data_text("boilerplate.toml"))
    seps = re.escape(cfg["separators"])
    labels = cfg["labels"]
    alternation = "|".join(map(re.escape, sorted(labels, key=len, reverse=True)))
    field_line = re.compile(
        rf"\s*(?P<label>{alternation})\s*[{seps}]\s*(?P<value>.*?)\s*(?=\s(?:{alternation})\s*[{seps}]|$)")
    return Rules(
        tuple((r["kind"], r.get("where", "anywhere"), re.compile(r["pattern"])) for r in cfg.get("rule", [])),
        tuple((r["kind"], r.get("requires", ""), re.compile(r["pattern"], re.M)) for r in cfg.get("inline", [])),
        field_line,
        labels,
        int(cfg.get("max_value_length", 40)),
        re.compile(rf"\s*(?:{cfg['byline_roles']})\s*"),
    )


def parse_field_line(line: str, r: Rules | None = None) -> dict | None:
    """``{label_field: value}`` when the whole line is "label: value" fields, else None."""
    r = r or rules()
    pos, found = 0, {}
    while pos < len(line):
        m = r.field_line.match(line, pos)
        if not m or m.end() == pos or len(m.group("value")) > r.max_value:
            return None
        key = r.labels[m.group("label")]
        if key and m.group("value"):
            found.setdefault(key, m.group("value"))
        found.setdefault("_labels", []).append(m.group("label"))
        pos = m.end()
    return found or None


def _kind_of(fields: dict) -> str:
    keys = [k for k in fields if k != "_labels"]
    if not keys:
        return "field"
    return "byline" if set(keys) <= {"author", "editor"} else "metadata"


def strip_boilerplate(text: str) -> Stripped:
    r = rules()
    removed: list[dict] = []
    for kind, literal, pattern in r.inline_rules:
        if literal in text and pattern.search(text):
            removed += [{"kind": kind, "text": m.group(0)} for m in pattern.finditer(text)]
            text = pattern.sub("", text)
    lines = text.split("\n")
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    body_start = next((i for i in nonblank if _BODY.match(lines[i].strip())), len(lines))
    header_end = min(body_start, nonblank[HEADER_MAX_LINES] if len(nonblank) > HEADER_MAX_LINES else len(lines))
    footer_from = nonblank[-FOOTER_LINES] if len(nonblank) >= FOOTER_LINES else 0
    fields: dict = {}
    kept: list[str] = []
    header: list[str] = []
    for i, line in enumerate(lines):
        s = line.strip()
        if not s:
            kept.append("")
            continue
        where = {"anywhere"} | ({"header"} if i < header_end else set()) | ({"footer"} if i >= footer_from else set())
        hit = _match_line(s, where, r)
        if hit is not None:
            kind, found = hit
            removed.append({"kind": kind, "text": s})
            for k, v in found.items():
                if k != "_labels":
                    fields.setdefault(k, v)
            continue
        kept.append(line.rstrip())
        if i < header_end:
            header.append(s)
    # A short header line repeating a source or author already found is a badge, not text.
    badges = {v for k, v in fields.items() if k in ("source", "original_source", "author")}
    if badges:
        out, header_left = [], set(header[1:])   # the first header line may be the title
        for line in kept:
            if line.strip() in badges and line.strip() in header_left:
                removed.append({"kind": "source", "text": line.strip()})
                header_left.discard(line.strip())
                header.remove(line.strip())
                continue
            out.append(line)
        kept = out
    cleaned = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    return Stripped(cleaned, removed, fields, header)


def _match_line(s: str, where: set[str], r: Rules) -> tuple[str, dict] | None:
    for kind, scope, pattern in r.line_rules:
        if scope in where:
            m = pattern.match(s)
            if m:
                return kind, {k: v for k, v in m.groupdict().items() if v}
    found = parse_field_line(s, r)
    if found is not None:
        return _kind_of(found), found
    return None


def split_byline(value: str, r: Rules | None = None) -> tuple[str | None, str]:
    """``"《中国企业家》记者 闫俊文"`` -> ``("中国企业家", "闫俊文")``: publication (if named) and person."""
    r = r or rules()
    publication = None
    m = re.search(r"《([^》]{1,20})》", value)
    if m:
        publication = m.group(1)
        value = value.replace(m.group(0), " ")
    parts = [p for p in r.roles.split(value) if p.strip()]
    return publication, (parts[-1].strip() if parts else value.strip())

"""Document metadata from what boilerplate removal found: title, date, source, author, editor, url."""
from __future__ import annotations

import re
from datetime import datetime

from .boilerplate import split_byline

# A headline: one line, no sentence-final punctuation, not a quotation, not too long.
_HEADLINE = re.compile(r"^(?![“\"「『'‘(（])[^\n]{6,64}(?<![。;；…”\"」』,，、:：])$")
_ABSOLUTE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
META_KEYS = ("title", "date", "source", "author", "url")


def looks_like_headline(line: str) -> bool:
    return bool(_HEADLINE.match(line)) and line.count("。") == 0


def parse_date(value: str, reference_date: str | None = None) -> str | None:
    """``YYYY-MM-DD`` for an absolute or (given a reference date) relative date, else None."""
    m = _ABSOLUTE.search(value)
    if m:
        y, mo, d = map(int, m.groups())
        try:
            return datetime(y, mo, d).strftime("%Y-%m-%d")
        except ValueError:
            return None
    import dateparser

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if reference_date:
        settings["RELATIVE_BASE"] = datetime.fromisoformat(reference_date)
    elif _RELATIVE.search(value):
        return None                      # relative, and nothing to resolve it against
    parsed = dateparser.parse(value, languages=["zh", "en"], settings=settings)
    return parsed.strftime("%Y-%m-%d") if parsed else None


_RELATIVE = re.compile(r"前|昨天|前天|今天|ago|yesterday|today", re.I)


def build_meta(fields: dict, header: list[str], reference_date: str | None = None) -> dict:
    meta: dict = dict.fromkeys(META_KEYS)
    if header and looks_like_headline(header[0]):
        meta["title"] = header[0]
    if fields.get("date"):
        meta["date"] = parse_date(fields["date"], reference_date)
    elif fields.get("date_relative"):
        meta["date_relative"] = fields["date_relative"]
        meta["date"] = parse_date(fields["date_relative"], reference_date) if reference_date else None
        meta["date_flag"] = "resolved" if meta["date"] else "relative"
    for key in ("source", "original_source", "editor", "url"):
        if fields.get(key):
            meta[key] = fields[key]
    if fields.get("author"):
        publication, person = split_byline(fields["author"])
        meta["author"] = person
        if publication and not meta["source"]:
            meta["source"] = publication
    return meta

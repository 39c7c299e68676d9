"""Markdown -> HTML (python-markdown): the one step between report.md and the PDF engines."""
from __future__ import annotations

import html as _html
import re
from importlib.resources import files


def markdown_to_html(text: str) -> tuple[str, list[dict]]:
    """The HTML body and the table of contents (``[{"id", "name"}]``, one entry per ``##`` section)."""
    import markdown
    from markdown.extensions.toc import slugify_unicode

    md = markdown.Markdown(extensions=["tables", "sane_lists", "toc"],
                           extension_configs={"toc": {"slugify": slugify_unicode, "toc_depth": "2-2"}})
    # python-markdown merges quotes separated by a blank line into one blockquote; each quote is one
    # paragraph, so give every paragraph its own blockquote again (as CommonMark renders report.md)
    body = re.sub(r"<blockquote>(.*?)</blockquote>",
                  lambda m: m.group(1).replace("</p>\n<p>", "</p>\n</blockquote>\n<blockquote>\n<p>").join(["<blockquote>", "</blockquote>"]),
                  md.convert(text), flags=re.S)
    toc = [{"id": t["id"], "name": t["name"]} for t in _flatten(md.toc_tokens) if t["level"] == 2]
    return body, toc


def _flatten(tokens):
    for t in tokens:
        yield t
        yield from _flatten(t.get("children", []))


def stylesheet() -> str:
    return files("newskit.reports").joinpath("templates/report.css").read_text(encoding="utf-8")


def html_document(text: str, title: str = "newskit report", css: str = "") -> str:
    """A complete HTML page: the report title, a table of contents (page numbers filled in by CSS), the body."""
    body, toc = markdown_to_html(text)
    nav = "".join(f'<li><a href="#{t["id"]}">{t["name"]}</a></li>' for t in toc)
    nav_html = f'<nav class="toc"><h2 class="toc-title">目录 Contents</h2><ol>{nav}</ol></nav>' if toc else ""
    at = body.find("<h2")
    body = body[:at] + nav_html + body[at:] if at >= 0 else body + nav_html
    style = f"<style>{css}</style>" if css else ""
    return (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>{_html.escape(title)}</title>'
            f"{style}</head><body>{body}</body></html>\n")

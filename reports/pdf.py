"""report.md -> report.pdf.  WeasyPrint typesets the HTML (CJK line breaking, CSS page counters);
fpdf2 (pure pip) is the fallback when WeasyPrint cannot load, or when ``NEWSKIT_PDF_ENGINE=fpdf2``."""
from __future__ import annotations

import logging
import os
from pathlib import Path

from .html import html_document, markdown_to_html, stylesheet
from .typeface import FAMILY, font_path

log = logging.getLogger("newskit.reports")
ENGINE_ENV = "NEWSKIT_PDF_ENGINE"  # weasyprint | fpdf2 (default: weasyprint, falling back to fpdf2)


def engine() -> str:
    wanted = os.environ.get(ENGINE_ENV, "").strip().lower() or "weasyprint"
    if wanted not in ("weasyprint", "fpdf2"):
        raise ValueError(f"{ENGINE_ENV}={wanted!r}: choose weasyprint or fpdf2")
    if wanted == "weasyprint":
        try:
            import weasyprint  # noqa: F401  (needs libpango at import time)
        except (ImportError, OSError) as e:
            log.warning("WeasyPrint cannot load (%s); writing the PDF with fpdf2", str(e).splitlines()[0] if str(e) else type(e).__name__)
            return "fpdf2"
    return wanted


def render_pdf(markdown_text: str, base: Path, title: str = "newskit report") -> bytes:
    """PDF bytes for the Markdown report; ``base`` is the folder its relative links (charts/) point into."""
    return (_weasyprint if engine() == "weasyprint" else _fpdf2)(markdown_text, Path(base), title)


def _font_face_css() -> str:
    return "".join(
        f'@font-face {{ font-family: "{FAMILY}"; src: url("{font_path(w).as_uri()}"); font-weight: {n}; font-style: normal; }}\n'
        for w, n in (("regular", 400), ("bold", 700)))


def _weasyprint(markdown_text: str, base: Path, title: str) -> bytes:
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()  # the same object for CSS() and write_pdf(), or @font-face is ignored
    css = CSS(string=_font_face_css() + stylesheet(), font_config=fonts)
    document = HTML(string=html_document(markdown_text, title), base_url=str(base.resolve()) + os.sep)
    return document.write_pdf(stylesheets=[css], font_config=fonts, pdf_identifier=b"newskit-report") or b""


def _fpdf2(markdown_text: str, base: Path, title: str) -> bytes:
    from fpdf import FPDF
    from fpdf.fonts import FontFace, TextStyle

    class Report(FPDF):
        def footer(self):
            self.set_y(-12)
            self.set_font(FAMILY, size=8)
            self.set_text_color(90)
            self.cell(0, 8, f"{self.page_no()} / {{nb}}", align="C")

    pdf = Report(format="A4", unit="mm")
    pdf.set_title(title)
    pdf.set_margins(16, 18, 16)
    pdf.set_auto_page_break(True, margin=20)
    for style, weight in (("", "regular"), ("B", "bold")):  # italics are switched off in tag_styles
        pdf.add_font(FAMILY, style, str(font_path(weight)))
    pdf.add_page()
    pdf.set_font(FAMILY, size=9.5)
    body, _toc = markdown_to_html(markdown_text)
    head, sep, rest = body.partition("</h1>")
    width_pt = (pdf.w - pdf.l_margin - pdf.r_margin) * pdf.k
    rest = rest.replace("<img ", f'<img width="{width_pt:.0f}" ')
    blue = "#1f5fa8"
    styles = {
        "h1": TextStyle(font_family=FAMILY, font_style="B", font_size_pt=20, color=blue, b_margin=3),
        "h2": TextStyle(font_family=FAMILY, font_style="B", font_size_pt=13.5, color=blue, t_margin=6, b_margin=2),
        "h3": TextStyle(font_family=FAMILY, font_style="B", font_size_pt=10.5, color="#1d1d1d", t_margin=3, b_margin=1),
        "code": FontFace(family=FAMILY), "pre": TextStyle(font_family=FAMILY),
        "blockquote": TextStyle(font_family=FAMILY, color="#333333", l_margin=6, t_margin=1, b_margin=2),
        "em": FontFace(emphasis="NONE", color="#555555"),
        "a": FontFace(color=blue),
    }
    image_map = lambda src: str((base / src).resolve()) if not src.startswith(("/", "data:")) else src  # noqa: E731
    pdf.write_html(head + sep, font_family=FAMILY, tag_styles=styles)
    pdf.insert_toc_placeholder(_fpdf_toc, pages=1, allow_extra_pages=True)
    pdf.write_html(rest, font_family=FAMILY, tag_styles=styles, image_map=image_map, table_line_separators=True,
                   warn_on_tags_not_matching=False)
    return bytes(pdf.output())


def _fpdf_toc(pdf, outline) -> None:
    pdf.set_x(pdf.l_margin)
    pdf.set_font(FAMILY, "B", 13.5)
    pdf.set_text_color(31, 95, 168)
    pdf.cell(0, 10, "目录 Contents", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, size=9.5)
    pdf.set_text_color(29)
    for section in outline:
        if section.level != 1:  # h2 sections (h1 is the title)
            continue
        link = pdf.add_link(page=section.page_number)
        pdf.cell(pdf.epw - 12, 6.5, section.name, link=link)
        pdf.cell(12, 6.5, str(section.page_number), align="R", link=link, new_x="LMARGIN", new_y="NEXT")

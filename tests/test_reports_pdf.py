"""The PDF, through both engines: text, embedded bundled fonts, chart images (one render per engine)."""
from __future__ import annotations

import logging
import sys
import types

import pytest

from newskit.reports import build_reports
from reports_fixture import synthetic_results

pypdf = pytest.importorskip("pypdf")


def render(tmp_path_factory, engine: str):
    import os

    out = tmp_path_factory.mktemp(engine)
    old = os.environ.get("NEWSKIT_PDF_ENGINE")
    os.environ["NEWSKIT_PDF_ENGINE"] = engine
    try:
        build_reports(synthetic_results(), out, ["md", "pdf"], types.SimpleNamespace(analyzers={}))
    finally:
        os.environ.pop("NEWSKIT_PDF_ENGINE") if old is None else os.environ.__setitem__("NEWSKIT_PDF_ENGINE", old)
    return out


@pytest.fixture(scope="module", params=["weasyprint", "fpdf2"])
def built(request, tmp_path_factory):
    return request.param, render(tmp_path_factory, request.param)


def fonts_and_images(reader):
    fonts, images = {}, set()

    def walk(resources, depth=0):
        resources = resources.get_object() if resources is not None else {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            desc = (descendants[0].get_object() if descendants else font).get("/FontDescriptor")
            desc = desc.get_object() if desc is not None else {}
            embedded = any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts[str(font.get("/BaseFont"))] = embedded
        for ref in (resources.get("/XObject") or {}).values():
            xobj = ref.get_object()
            if xobj.get("/Subtype") == "/Image":
                images.add(getattr(ref, "idnum", id(xobj)))
            elif xobj.get("/Subtype") == "/Form" and depth < 5:
                walk(xobj.get("/Resources"), depth + 1)

    for page in reader.pages:
        walk(page.get("/Resources"))
    return fonts, len(images)  # distinct image objects


def test_pdf_text_fonts_and_charts(built):
    engine, out = built
    reader = pypdf.PdfReader(out / "report.pdf")
    text = "".join(p.extract_text() for p in reader.pages)
    squeezed = "".join(text.split())
    for needle in ("摘要Summary", "公司一览Companies", "公司对立与竞争Rivalries", "运行信息Runinformation",
                   "百川智能", "字节跳动", "OpenAI", "目录Contents",
                   "字节跳动指控腾讯滥用市场支配地位,双方矛盾激化。", "垂直领域大模型更能解决真实问题"):
        assert needle in squeezed, (engine, needle)
    fonts, images = fonts_and_images(reader)
    assert fonts and all(fonts.values()), fonts  # every font embedded
    assert all("NotoSansSC" in name.replace("-", "") for name in fonts), fonts  # and it is the bundled one
    assert images == len(list((out / "charts").glob("*.png"))) >= 3  # every chart is in the PDF
    assert "1 / " in text or "1/" in squeezed  # page numbers
    assert len(reader.pages) >= 3


def test_weasyprint_unavailable_falls_back_to_fpdf2(monkeypatch, caplog):
    from newskit.reports import pdf

    monkeypatch.delenv(pdf.ENGINE_ENV, raising=False)
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import weasyprint -> ImportError
    with caplog.at_level(logging.WARNING, logger="newskit.reports"):
        assert pdf.engine() == "fpdf2"
    assert len(caplog.records) == 1 and "fpdf2" in caplog.records[0].getMessage()
    monkeypatch.setenv(pdf.ENGINE_ENV, "latex")
    with pytest.raises(ValueError, match="NEWSKIT_PDF_ENGINE"):
        pdf.engine()

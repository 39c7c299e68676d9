"""The bundled report font (Noto Sans SC, static Regular and Bold, cut to GBK; SIL OFL 1.1).

Charts and PDFs use only this font, so Chinese renders on machines with no CJK font installed.
``fonts/make_fonts.py`` makes the files; ``fonts/OFL.txt`` is their licence.
"""
from __future__ import annotations

from pathlib import Path

FAMILY = "Noto Sans SC"
FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONTS = {"regular": FONT_DIR / "NotoSansSC-Regular.ttf", "bold": FONT_DIR / "NotoSansSC-Bold.ttf"}


def font_path(weight: str = "regular") -> Path:
    path = FONTS[weight]
    if not path.is_file():
        raise FileNotFoundError(f"{path}: bundled report font is missing (reinstall newskit)")
    return path

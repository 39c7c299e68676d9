"""Make the bundled report fonts: static Regular/Bold Noto Sans SC cut to the GBK repertoire.

Not used at run time.  Run it in a throw-away venv (the source package is large)::

    python -m venv /tmp/fontvenv && /tmp/fontvenv/bin/pip install justmytype-intl-cjk fonttools
    /tmp/fontvenv/bin/python reports/fonts/make_fonts.py

Source: ``NotoSansSC[wght].ttf`` (variable, SIL OFL 1.1) from the PyPI package justmytype-intl-cjk.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

from fontTools.subset import Options, Subsetter
from fontTools.ttLib import TTFont
from fontTools.varLib import instancer

HERE = Path(__file__).resolve().parent
WEIGHTS = {"Regular": 400, "Bold": 700}
# Beyond GBK: Latin-1, general punctuation, arrows, math minus (matplotlib's tick labels),
# CJK symbols and punctuation, full-width forms.
EXTRA_RANGES = [(0x20, 0x7E), (0xA0, 0xFF), (0x2000, 0x206F), (0x2190, 0x21FF), (0x2212, 0x2212),
                (0x2460, 0x24FF), (0x25A0, 0x25FF), (0x3000, 0x303F), (0xFF00, 0xFFEF)]


def source_font() -> Path:
    import justmytype_intl_cjk

    return Path(justmytype_intl_cjk.__file__).parent / "fonts" / "ofl" / "notosanssc" / "NotoSansSC[wght].ttf"


def gbk_repertoire() -> set[int]:
    """Every character GBK encodes (two-byte: lead 0x81-0xFE, trail 0x40-0xFE except 0x7F)."""
    chars: set[int] = set()
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            if trail == 0x7F:
                continue
            try:
                chars.add(ord(bytes([lead, trail]).decode("gbk")))
            except UnicodeDecodeError:
                pass
    return chars


def make(weight_name: str, wght: int, src: Path, unicodes: set[int]) -> Path:
    font = TTFont(src)
    static = instancer.instantiateVariableFont(font, {"wght": wght}, updateFontNames=True)
    options = Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    subsetter = Subsetter(options)
    subsetter.populate(unicodes=sorted(unicodes))
    subsetter.subset(static)
    target = HERE / f"NotoSansSC-{weight_name}.ttf"
    static.save(target)
    return target


def main() -> None:
    src = source_font()
    unicodes = gbk_repertoire()
    for lo, hi in EXTRA_RANGES:
        unicodes.update(range(lo, hi + 1))
    hanzi = sum(1 for c in unicodes if 0x4E00 <= c <= 0x9FFF)
    print(f"{len(unicodes)} code points, {hanzi} CJK unified ideographs", file=sys.stderr)
    for name, wght in WEIGHTS.items():
        path = make(name, wght, src, unicodes)
        print(f"{path.name}: {path.stat().st_size / 1e6:.1f} MB", file=sys.stderr)
    shutil.copy(src.with_name("OFL.txt"), HERE / "OFL.txt")


if __name__ == "__main__":
    main()

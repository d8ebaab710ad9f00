#!/usr/bin/python3
"""Convert one face of a Noto CJK .ttc (CFF outlines) into a TrueType-outline .ttf
with a family name of its own.

Run with Debian's /usr/bin/python3 and python3-fonttools (4.38); called by
scripts/prepare-fonts, which caches the results. Any change to this file changes
the cache key, so the fonts are rebuilt.

Why: cairo 1.16 keeps every CFF local subroutine when it subsets a CFF font
(~930 KB of font per PDF with the stock Noto Sans CJK); a TrueType subset of the
same glyphs is ~20x smaller. Every glyph is kept.

    convert.py SOURCE.ttc OUT.ttf --face "Noto Sans CJK SC" --family "Danju Hei" --style Bold
"""

import argparse
import os
import sys
import time

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

MAX_ERR = 1.0  # units of the 1000-unit em; cubic -> quadratic approximation error
STYLES = {"Regular": 400, "Bold": 700}
# Name IDs that identify the face; all of them are replaced so nothing says "Noto" any more
# (fontconfig would otherwise also list the face under its old family name).
IDENTITY_NAME_IDS = {1, 2, 3, 4, 6, 16, 17, 18, 21, 22}


def find_face(path, face):
    """Index of the face whose family name (name ID 1, Windows English) is `face`."""
    coll = TTCollection(path, lazy=True)
    found = []
    for i, font in enumerate(coll.fonts):
        family = font["name"].getName(1, 3, 1, 0x409)
        family = family.toUnicode() if family else None
        found.append(family)
        if family == face:
            return i
    sys.exit(f"convert.py: no face named {face!r} in {path} (has: {', '.join(map(str, found))})")


def rename(font, family, style, source_ps):
    ps_name = family.replace(" ", "") + "-" + style
    full = f"{family} {style}"
    name = font["name"]
    version = font["head"].fontRevision
    name.names = [r for r in name.names if r.nameID not in IDENTITY_NAME_IDS]
    for rec in [r for r in name.names if r.nameID == 5]:
        name.names.remove(rec)
    values = {
        1: family,
        2: style,
        3: f"{version:.3f};DANJU;{ps_name};from {source_ps}",
        4: full,
        5: f"Version {version:.3f}; {source_ps} converted to TrueType outlines "
           f"(cu2qu max error {MAX_ERR:g}) for danju",
        6: ps_name,
    }
    for name_id, value in values.items():
        name.setName(value, name_id, 3, 1, 0x409)   # Windows, Unicode BMP, English (US)
    return ps_name


def cff_to_glyf(font):
    """Replace `CFF ` by `glyf`/`loca`; fix hmtx/vmtx side bearings, maxp 1.0, post 3.0."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in order:  # every glyph is kept, in the same order: GSUB/GPOS stay valid
        tt_pen = TTGlyphPen(glyph_set)
        # CFF contours run counter-clockwise, TrueType clockwise: reverse.
        glyph_set[name].draw(Cu2QuPen(tt_pen, MAX_ERR, reverse_direction=True))
        glyphs[name] = tt_pen.glyph()

    vorg = font["VORG"] if "VORG" in font else None
    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    del font["CFF "]
    for glyph in glyphs.values():
        if glyph.numberOfContours:
            glyph.recalcBounds(glyf)

    hmtx = font["hmtx"]
    vmtx = font["vmtx"] if "vmtx" in font else None
    for name, glyph in glyphs.items():
        if glyph.numberOfContours == 0:
            continue
        hmtx[name] = (hmtx[name][0], glyph.xMin)
        if vmtx is not None and vorg is not None:
            # TrueType has no VORG: the vertical origin is top side bearing + yMax.
            origin = vorg.VOriginRecords.get(name, vorg.defaultVertOriginY)
            vmtx[name] = (vmtx[name][0], origin - glyph.yMax)
    if vorg is not None:
        del font["VORG"]

    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    for field in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements",
                  "maxComponentDepth"):
        setattr(maxp, field, 0)
    # Bounding boxes are computed once above; recalculate what depends on them here and
    # save with recalcBBoxes=False, so that saving does not compute them all a second time.
    maxp.recalc(font)  # also sets the head table's font bounding box
    font["hhea"].recalc(font)
    if "vhea" in font:
        font["vhea"].recalc(font)
    font.recalcBBoxes = False

    post = font["post"]
    post.formatType = 3.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = None
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("source")
    ap.add_argument("output")
    ap.add_argument("--face", required=True, help='family in the .ttc, e.g. "Noto Sans CJK SC"')
    ap.add_argument("--family", required=True, help='new family name, e.g. "Danju Hei"')
    ap.add_argument("--style", required=True, choices=sorted(STYLES))
    args = ap.parse_args()

    start = time.monotonic()
    index = find_face(args.source, args.face)
    font = TTFont(args.source, fontNumber=index, recalcTimestamp=False)  # keep head dates: reproducible
    weight = font["OS/2"].usWeightClass
    if weight != STYLES[args.style]:
        sys.exit(f"convert.py: {args.face} in {args.source} has weight {weight}, not {args.style}")
    source_ps = font["name"].getDebugName(6)
    ps_name = rename(font, args.family, args.style, source_ps)
    cff_to_glyf(font)

    tmp = f"{args.output}.tmp{os.getpid()}"
    font.save(tmp)
    os.replace(tmp, args.output)
    print(f"  {ps_name}: {args.face} (face {index} of {os.path.basename(args.source)}), "
          f"{len(font.getGlyphOrder())} glyphs, {os.path.getsize(args.output) / 1e6:.1f} MB, "
          f"{time.monotonic() - start:.0f} s", flush=True)


if __name__ == "__main__":
    main()
